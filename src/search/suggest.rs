//! "Có phải bạn muốn tìm …": when a word of the query is found nowhere in the corpus, the
//! nearest word that is (one edit away: a letter or a tone mark added, dropped, changed, or
//! two letters swapped), preferring one that forms a known two-syllable word with its
//! neighbours, then the most frequent. Words typed with diacritics are compared with the
//! exact forms, words without with the folded forms. Only words are suggested, never a
//! number.

use super::fulltext::DocFreq;
use super::query::Parsed;
use crate::index::analysis::{term, Mode};
use crate::index::schema::Fields;

/// A suggestion needs a replacement found in at least this many records.
const MIN_RECORDS: u64 = 3;
/// Longest word considered for correction, in characters.
const MAX_WORD: usize = 10;

/// Lower-case letters a Vietnamese word is spelt with: a–z, đ, and every vowel with every
/// tone mark.
fn alphabet(diacritics: bool) -> Vec<char> {
    let mut v: Vec<char> = ('a'..='z').collect();
    if !diacritics {
        return v;
    }
    v.push('đ');
    let marks = ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];
    for base in ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] {
        if !v.contains(&base) {
            v.push(base);
        }
        for m in marks {
            if let Some(c) = unicode_normalization::char::compose(base, m) {
                v.push(c);
            }
        }
    }
    v
}

/// Every string one edit away from `w`.
fn edits(w: &str, alphabet: &[char]) -> Vec<String> {
    let cs: Vec<char> = w.chars().collect();
    let mut out = Vec::new();
    let s = |v: Vec<char>| v.into_iter().collect::<String>();
    for i in 0..cs.len() {
        let mut d = cs.clone();
        d.remove(i);
        out.push(s(d));
        if i + 1 < cs.len() {
            let mut t = cs.clone();
            t.swap(i, i + 1);
            out.push(s(t));
        }
        for &c in alphabet {
            if c != cs[i] {
                let mut r = cs.clone();
                r[i] = c;
                out.push(s(r));
            }
        }
    }
    for i in 0..=cs.len() {
        for &c in alphabet {
            let mut n = cs.clone();
            n.insert(i, c);
            out.push(s(n));
        }
    }
    out.retain(|x| !x.is_empty());
    out
}

/// The suggested query, if some word of `p` is unknown and has a known neighbour.
pub fn suggest(f: &Fields, p: &Parsed, stats: &dyn DocFreq) -> Option<String> {
    let exact = p.diacritics;
    let df = |w: &str| stats.doc_freq(&f.body_zone.term(w));
    let bigram = |a: &str, b: &str| {
        let t = format!("{}_{}", term(a, Mode::Folded), term(b, Mode::Folded));
        stats.doc_freq(&f.body_zone.term(&t))
    };
    let alpha = alphabet(exact);
    let mut changed = false;
    let mut out: Vec<String> = Vec::new();
    for seg in &p.segments {
        let words: Vec<&str> = seg.words.iter().map(|(w, _)| w.as_str()).collect();
        for (i, w) in words.iter().enumerate() {
            let key = if exact { w.to_string() } else { term(w, Mode::Folded) };
            let letters = w.chars().all(char::is_alphabetic);
            if !letters || w.chars().count() > MAX_WORD || w.chars().count() < 2 || df(&key) > 0 {
                out.push(w.to_string());
                continue;
            }
            let prev = i.checked_sub(1).map(|j| words[j]);
            let next = words.get(i + 1).copied();
            let best = edits(&key, &alpha)
                .into_iter()
                .filter_map(|c| {
                    let n = df(&c);
                    (n >= MIN_RECORDS).then_some((c, n))
                })
                .map(|(c, n)| {
                    let pair = prev.map_or(0, |p| bigram(p, &c)) + next.map_or(0, |x| bigram(&c, x));
                    (pair, n, c)
                })
                .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| b.2.cmp(&a.2)));
            match best {
                Some((_, _, c)) => {
                    out.push(c);
                    changed = true;
                }
                None => out.push(w.to_string()),
            }
        }
    }
    changed.then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use tantivy::Term;

    use super::*;
    use crate::search::query::parse;

    /// Invented statistics: the corpus knows "lao", "động", "hợp", "đồng" and the bigrams
    /// "lao_dong", "hop_dong".
    struct Stats(HashMap<String, u64>);

    impl DocFreq for Stats {
        fn doc_freq(&self, t: &Term) -> u64 {
            t.value().as_str().and_then(|s| self.0.get(s)).copied().unwrap_or(0)
        }
        fn num_docs(&self) -> u64 {
            1000
        }
    }

    fn stats() -> Stats {
        let words = [
            ("lao", 50),
            ("động", 60),
            ("đông", 20),
            ("dong", 80),
            ("hợp", 40),
            ("hop", 40),
            ("đồng", 40),
            ("lao_dong", 50),
            ("hop_dong", 40),
        ];
        Stats(words.iter().map(|(w, n)| (w.to_string(), *n)).collect())
    }

    #[test]
    fn misspelt_words_get_the_nearest_known_word() {
        let f = Fields::new();
        let rows: &[(&str, Option<&str>)] = &[
            ("lao độg", Some("lao động")),
            ("hợp đồg", Some("hợp đồng")),
            ("lao động", None),
            ("hop dongg", Some("hop dong")),
            ("lao xyzzyq", None),
            ("điều 5", None),
        ];
        for (q, want) in rows {
            assert_eq!(suggest(&f, &parse(q).unwrap(), &stats()).as_deref(), *want, "{q}");
        }
    }
}
