//! The articles of a held document that a partial repeal names by division: "Mục 3 Chương
//! III", "Chương V", "Mục 2 của Chương IV". A repeal's part is text ([`super::Event::part`]);
//! its articles and clauses are read by the pinpoint reader, its divisions here, against
//! the document's own body (the chapters and sections as the document sets them out), so
//! that each article in them shows its own status. A section named without its chapter is
//! read only when the document has one section of that number; otherwise nothing (never a
//! guess).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, DivisionKind, Document};

static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:mục\s+([0-9IVXLC]+)(?:\s+(?:của\s+)?chương\s+([0-9IVXLC]+))?|chương\s+([0-9IVXLC]+))\b",
    )
    .expect("division pattern")
});

/// A division number, Arabic or Roman ("3", "III"), as a value.
fn value(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// Each article of `doc` with the chapter and section it stands in (their values).
fn placed(doc: &Document) -> Vec<(&str, Option<u32>, Option<u32>)> {
    let (mut chapter, mut section) = (None, None);
    let mut out = Vec::new();
    for b in &doc.body {
        match b {
            Block::Division(d) if d.kind == DivisionKind::Chapter => {
                chapter = value(&d.number);
                section = None;
            }
            Block::Division(d) if d.kind == DivisionKind::Section => section = value(&d.number),
            Block::Division(d) if d.kind == DivisionKind::Part => (chapter, section) = (None, None),
            Block::Article(a) => out.push((a.number.as_str(), chapter, section)),
            _ => {}
        }
    }
    out
}

/// The numbers of the articles of `doc` inside the chapters and sections `part` names, in
/// the document's order; empty when it names none or none can be placed.
pub fn articles_in(doc: &Document, part: &str) -> Vec<String> {
    let placed = placed(doc);
    let mut out: Vec<String> = Vec::new();
    for c in DIVISION.captures_iter(part) {
        let of = |i: usize| c.get(i).and_then(|m| value(m.as_str()));
        let keep: Box<dyn Fn(Option<u32>, Option<u32>) -> bool> = match (of(1), of(2), of(3)) {
            (Some(s), Some(ch), _) => Box::new(move |c, x| c == Some(ch) && x == Some(s)),
            (Some(s), None, _) => {
                let chapters: std::collections::HashSet<Option<u32>> =
                    placed.iter().filter(|p| p.2 == Some(s)).map(|p| p.1).collect();
                if chapters.len() != 1 {
                    continue;
                }
                Box::new(move |_, x| x == Some(s))
            }
            (None, _, Some(ch)) => Box::new(move |c, _| c == Some(ch)),
            _ => continue,
        };
        for (n, ch, s) in &placed {
            if keep(*ch, *s) && !out.iter().any(|o| o == n) {
                out.push(n.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Division, DocType, Metadata};

    fn doc() -> Document {
        let div = |kind, n: &str| Block::Division(Division { kind, number: n.into(), title: String::new() });
        let art =
            |n: &str| Block::Article(Article { number: n.into(), title: String::new(), paragraphs: vec![] });
        Document {
            meta: Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật thử"),
            body: vec![
                div(DivisionKind::Chapter, "I"),
                art("1"),
                art("2"),
                div(DivisionKind::Chapter, "II"),
                div(DivisionKind::Section, "1"),
                art("3"),
                div(DivisionKind::Section, "2"),
                art("4"),
                art("5"),
                div(DivisionKind::Chapter, "III"),
                div(DivisionKind::Section, "1"),
                art("6"),
                div(DivisionKind::Section, "3"),
                art("7"),
            ],
        }
    }

    #[test]
    fn divisions_to_articles() {
        let d = doc();
        let table: &[(&str, &[&str])] = &[
            ("Mục 2 Chương II", &["4", "5"]),
            ("Mục 2 của Chương II, khoản 1 Điều 1", &["4", "5"]),
            ("Chương I và Mục 3 Chương III", &["1", "2", "7"]),
            ("chương 3", &["6", "7"]),
            // Section 3 is in one chapter only; section 1 in two: not guessed.
            ("Mục 3", &["7"]),
            ("Mục 1", &[]),
            ("Mục 9 Chương II", &[]),
            ("khoản 4 Điều 5", &[]),
            ("Phụ lục II", &[]),
        ];
        for (part, want) in table {
            assert_eq!(articles_in(&d, part), *want, "{part}");
        }
        assert_eq!(
            (value("III"), value("IV"), value("XIV"), value("12"), value("Q")),
            (Some(3), Some(4), Some(14), Some(12), None)
        );
    }
}
