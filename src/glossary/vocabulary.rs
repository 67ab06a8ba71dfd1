//! Everyday words ↔ the law's terms ("đuổi việc" → "sa thải", "nghỉ đẻ" → "nghỉ thai sản"):
//! the repository's `data/vocabulary.tsv`, embedded in the binary, each pair with what it
//! rests on (the document and article where the law uses the legal term, or a public
//! source). Search adds the legal terms of the everyday wordings a query contains, with a
//! lower weight than the user's own words ([`EXPANSION_WEIGHT`]).
//!
//! An everyday wording matches syllable by syllable: exact (diacritics and all) when the
//! user typed diacritics, folded otherwise; so "nghỉ đẻ" is never read in "nghị đề".

use std::sync::OnceLock;

use crate::index::analysis::{syllables, term, Mode};

/// Weight of an expansion's words, relative to the user's (1.0).
pub const EXPANSION_WEIGHT: f32 = 0.5;

/// The vocabulary file as shipped.
pub const DATA: &str = include_str!("../../data/vocabulary.tsv");

/// One pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Exact syllables (lower case) of the everyday wording.
    pub everyday: Vec<String>,
    pub legal: String,
    pub basis: String,
}

impl Pair {
    /// The article the pair rests on, when its basis starts with one: (document number as
    /// written, article number) from "45/2019/QH14 Điều 113 (…)".
    pub fn article(&self) -> Option<(&str, &str)> {
        let mut w = self.basis.split_whitespace();
        let number = w.next().filter(|n| n.contains('/'))?;
        (w.next()? == "Điều").then_some(())?;
        let art = w.next()?.trim_end_matches([',', ';']);
        art.starts_with(|c: char| c.is_ascii_digit()).then_some((number, art))
    }

    /// Whether the everyday wording is an abbreviation ("BHXH"): its basis says so, and it
    /// rests on no article (none is lifted for it).
    pub fn abbreviation(&self) -> bool {
        self.basis.starts_with("abbreviation")
    }
}

fn words(s: &str) -> Vec<String> {
    let n = crate::text::normalize(s).to_lowercase();
    syllables(&n).map(|x| n[x.start..x.end].to_string()).collect()
}

/// Reads a vocabulary file (header, `#` comments and blank lines skipped). Rows that lack a
/// column are errors, reported with their line number.
pub fn parse(text: &str) -> Result<Vec<Pair>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("everyday\t") {
            continue;
        }
        let c: Vec<&str> = line.split('\t').map(str::trim).collect();
        match c.as_slice() {
            [e, l, b] if !e.is_empty() && !l.is_empty() && !b.is_empty() => {
                out.push(Pair { everyday: words(e), legal: l.to_string(), basis: b.to_string() })
            }
            _ => return Err(format!("vocabulary line {}: want everyday, legal, basis", i + 1)),
        }
    }
    Ok(out)
}

/// The shipped vocabulary (checked by a unit test, so never empty in a release).
pub fn pairs() -> &'static [Pair] {
    static P: OnceLock<Vec<Pair>> = OnceLock::new();
    P.get_or_init(|| parse(DATA).unwrap_or_default())
}

/// The legal terms for the everyday wordings found in `query_words` (exact lower-case
/// syllables), compared exact when `diacritics`, else folded; each legal term once.
pub fn expand(query_words: &[String], diacritics: bool) -> Vec<&'static Pair> {
    let same =
        |a: &str, b: &str| if diacritics { a == b } else { term(a, Mode::Folded) == term(b, Mode::Folded) };
    let mut out: Vec<&'static Pair> = Vec::new();
    for p in pairs() {
        let n = p.everyday.len();
        let found = n > 0
            && n <= query_words.len()
            && (0..=query_words.len() - n)
                .any(|i| p.everyday.iter().zip(&query_words[i..]).all(|(a, b)| same(a, b)));
        if found && !out.iter().any(|o| o.legal == p.legal) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<String> {
        words(s)
    }

    #[test]
    fn the_shipped_file_reads_and_every_pair_has_a_basis() {
        let p = parse(DATA).unwrap();
        assert!(p.len() >= 20);
        assert!(p.iter().all(|x| !x.basis.is_empty() && !x.everyday.is_empty()));
    }

    #[test]
    fn expansions() {
        let rows: &[(&str, bool, &[&str])] = &[
            ("đuổi việc", true, &["sa thải"]),
            ("bị đuổi việc thì sao", true, &["sa thải"]),
            ("nghỉ phép", true, &["nghỉ hằng năm"]),
            ("nghỉ đẻ mấy tháng", true, &["nghỉ thai sản", "sinh con"]),
            ("nghi de", false, &["nghỉ thai sản", "sinh con"]),
            ("lao động nữ mang bầu", true, &["mang thai"]),
            // Diacritics typed: a different word with the same letters is not the pair.
            ("nghị đề", true, &[]),
            ("đề nghị", true, &[]),
            ("truy đuổi", true, &[]),
            ("không thực hiện hợp đồng có bị mất tiền cọc không", true, &["đặt cọc"]),
            ("phạt cọc gấp đôi", true, &["đặt cọc"]),
            // Abbreviations, as typed in capitals; an ambiguous one gives both readings.
            ("Mức đóng BHXH là bao nhiêu", true, &["bảo hiểm xã hội"]),
            ("thẻ BHYT hết hạn", true, &["bảo hiểm y tế"]),
            ("hưởng BHTN", true, &["bảo hiểm thất nghiệp", "bảo hiểm trách nhiệm"]),
            ("chủ tịch HĐND xã", true, &["hội đồng nhân dân"]),
            ("chu tich HDND xa", false, &["hội đồng nhân dân"]),
            ("làm lại CCCD", true, &["căn cước công dân"]),
        ];
        for (text, diacritics, want) in rows {
            let got: Vec<&str> = expand(&q(text), *diacritics).iter().map(|p| p.legal.as_str()).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn bases_name_their_article() {
        let p = |b: &str| Pair { everyday: vec![], legal: String::new(), basis: b.into() };
        assert_eq!(p("45/2019/QH14 Điều 113 (Nghỉ hằng năm); x").article(), Some(("45/2019/QH14", "113")));
        assert_eq!(p("mhieuz-dev/nlp_vbpl synonyms.py").article(), None);
        assert!(
            pairs().iter().all(|x| x.article().is_some() != x.abbreviation()),
            "every shipped pair names its article, or is an abbreviation and names none"
        );
    }

    #[test]
    fn malformed_rows_are_errors() {
        assert!(parse("a\tb\n").unwrap_err().contains("line 1"));
        assert!(parse("# c\n\neveryday\tlegal\tbasis\nx\ty\tz\n").is_ok());
    }
}
