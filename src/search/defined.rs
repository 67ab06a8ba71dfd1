//! The terms a question names that the law defines: "Đại lý bảo hiểm gồm các hoạt động
//! nào?", "Tai nạn giao thông đường sắt được quy định như thế nào?" ask about a notion whose
//! definition (a clause of a "Giải thích từ ngữ" article, [`crate::glossary`]) answers them,
//! though they ask no definition and the first stage ranks that article far down (its body
//! defines twenty other terms). Every run of two words or more of the question that is a
//! glossary term (longest first, runs not overlapping) gives its defining articles: they
//! join the second stage's candidates ([`super::rerank`]), and every candidate has the
//! feature `defines` — the IDF-weighted share of the question's content syllables held by
//! the terms it defines (0 for the others).

use crate::glossary::{key, Entry, Glossary};

/// Fewest words of a term looked up.
pub const MIN_WORDS: usize = 2;

/// Most words of a term looked up.
pub const MAX_WORDS: usize = 8;

/// Most defining articles per term (a term defined by many documents says little about
/// which one answers).
pub const PER_TERM: usize = 3;

/// The glossary terms named in `runs` (runs of the question's words, as typed), longest
/// first and not overlapping, each with its definitions (at most [`PER_TERM`]).
pub fn terms<'g>(g: &'g Glossary, runs: &[Vec<String>]) -> Vec<(String, Vec<&'g Entry>)> {
    let entries = g.entries();
    let mut out = Vec::new();
    for words in runs {
        // Each word folded once; a run of them is looked up by its key ([`key`]) in the
        // sorted entries.
        let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
        let mut taken = vec![false; words.len()];
        for len in (MIN_WORDS..=MAX_WORDS.min(words.len())).rev() {
            for i in 0..=words.len() - len {
                if taken[i..i + len].iter().any(|t| *t) || keys[i..i + len].iter().any(String::is_empty) {
                    continue;
                }
                let k = keys[i..i + len].join(" ");
                let start = entries.partition_point(|e| e.key < k);
                let found: Vec<&Entry> =
                    entries[start..].iter().take_while(|e| e.key == k).take(PER_TERM + 1).collect();
                if found.is_empty() || found.len() > PER_TERM {
                    continue;
                }
                taken[i..i + len].iter_mut().for_each(|t| *t = true);
                out.push((k, found));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, doc: &str, article: &str) -> Entry {
        Entry {
            term: term.into(),
            key: key(term),
            definition: "…".into(),
            doc_id: doc.into(),
            document: String::new(),
            doc_title: String::new(),
            article: article.into(),
            article_title: "Giải thích từ ngữ".into(),
            clause: None,
        }
    }

    #[test]
    fn the_longest_defined_terms_of_a_question() {
        let g = Glossary::from_entries(vec![
            entry("đại lý bảo hiểm", "a", "3"),
            entry("bảo hiểm", "a", "3"),
            entry("bảo hiểm", "b", "2"),
            entry("tai nạn giao thông đường sắt", "c", "3"),
            entry("giao thông", "d", "4"),
            entry("người lao động", "e", "3"),
            entry("người lao động", "f", "3"),
            entry("người lao động", "g", "2"),
            entry("người lao động", "h", "2"),
        ]);
        // (question words) → (term, defining documents)
        type Found<'a> = &'a [(&'a str, &'a [&'a str])];
        let rows: &[(&str, Found)] = &[
            ("đại lý bảo hiểm gồm các hoạt động nào", &[("dai ly bao hiem", &["a"])]),
            ("tai nạn giao thông đường sắt là gì", &[("tai nan giao thong duong sat", &["c"])]),
            ("giao thông nông thôn", &[("giao thong", &["d"])]),
            // Folded words find the term too.
            ("dai ly bao hiem", &[("dai ly bao hiem", &["a"])]),
            // A term defined by more than PER_TERM documents is left out.
            ("người lao động nghỉ việc", &[]),
            // One word is not looked up.
            ("hiểm", &[]),
        ];
        for (text, want) in rows {
            let runs = vec![text.split(' ').map(str::to_string).collect::<Vec<_>>()];
            let got: Vec<(String, Vec<&str>)> = terms(&g, &runs)
                .into_iter()
                .map(|(k, es)| (k, es.iter().map(|e| e.doc_id.as_str()).collect()))
                .collect();
            let want: Vec<(String, Vec<&str>)> =
                want.iter().map(|(k, d)| (k.to_string(), d.to_vec())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
