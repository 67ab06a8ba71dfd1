//! Division titles for rebuilt documents. The dump gives a source document's divisions only
//! as numbers (the vbpl anchor `#Chuong_V_Dieu_25`), but each đề mục has an outline of its
//! own (`p.pChuong`: "Chương V", then "GIÁM SÁT"), and for the law a đề mục is compiled
//! from (Pháp điển code `LQ`, or `PL` for an ordinance) that outline *is* the law's: same
//! kinds, same numbers, same titles. So a title is taken only from a law's article whose
//! anchor path and the đề mục path it sits under agree kind by kind and number by number,
//! and only when every such article agrees on it. Decrees and circulars compiled into the
//! same đề mục have outlines of their own and lend nothing.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Block, DivisionKind};

/// A heading of a đề mục's outline, or of a document's division path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub kind: DivisionKind,
    pub number: String,
    pub title: String,
}

/// A division path: kinds and numbers from the top ("Chương V", "Mục 2").
pub type Path = Vec<(DivisionKind, String)>;

/// Titles voted for division paths; `None` once two votes disagree.
#[derive(Debug, Default, Clone)]
pub struct Titles(HashMap<Path, Option<String>>);

/// Whether a Pháp điển number ("35.4.LQ.25") is a law's (or an ordinance's) article.
pub fn is_law_article(phapdien: &str) -> bool {
    phapdien.split('.').nth(2).is_some_and(|code| code == "LQ" || code == "PL")
}

impl Titles {
    /// Records what one article says: its document's division path (from its anchor) and
    /// the đề mục headings in force where it sits.
    pub fn vote(&mut self, path: &[(DivisionKind, String)], headings: &[Heading]) {
        for (depth, (kind, number)) in path.iter().enumerate() {
            let Some(h) = headings.get(depth) else { return };
            if h.kind != *kind || !h.number.eq_ignore_ascii_case(number) {
                return;
            }
            if h.title.is_empty() {
                continue;
            }
            let key: Path = path[..=depth].to_vec();
            let slot = self.0.entry(key).or_insert_with(|| Some(h.title.clone()));
            if slot.as_deref().is_some_and(|t| t != h.title) {
                *slot = None;
            }
        }
    }

    /// Adds the titles `body` already has (a document being rebuilt keeps them).
    pub fn keep(&mut self, body: &[Block]) {
        walk(body, |path, title| {
            if !title.is_empty() {
                self.0.entry(path.to_vec()).or_insert_with(|| Some(title.to_string()));
            }
        });
    }

    /// Gives every untitled division of `body` the title agreed for its path.
    pub fn apply(&self, body: &mut [Block]) {
        let mut path: Path = Vec::new();
        for b in body {
            if let Block::Division(d) = b {
                path.retain(|(k, _)| k.rank() < d.kind.rank());
                path.push((d.kind, d.number.clone()));
                if d.title.is_empty() {
                    if let Some(Some(t)) = self.0.get(&path) {
                        d.title = t.clone();
                    }
                }
            }
        }
    }
}

fn walk(body: &[Block], mut f: impl FnMut(&[(DivisionKind, String)], &str)) {
    let mut path: Path = Vec::new();
    for b in body {
        if let Block::Division(d) = b {
            path.retain(|(k, _)| k.rank() < d.kind.rank());
            path.push((d.kind, d.number.clone()));
            f(&path, &d.title);
        }
    }
}

static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(phần|chương|mục|tiểu mục))\s+((?i:thứ)\s+\S+|[0-9]+[a-zđ]?|[IVXLCDM]+[a-zđ]?)(?:\s*[.:]\s*|\s+|$)(.*)$",
    )
    .expect("heading pattern")
});

/// Reads one `p.pChuong`/`p.pMuc` paragraph into the outline in force: "Chương V" opens a
/// heading (closing those at its rank or below), any other text is the open heading's title.
pub fn read(headings: &mut Vec<Heading>, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if let Some(c) = OPENER.captures(text) {
        if let Some(kind) = DivisionKind::parse(&c[1]) {
            headings.retain(|h| h.kind.rank() < kind.rank());
            headings.push(Heading { kind, number: c[2].to_string(), title: c[3].trim().to_string() });
            return;
        }
    }
    if let Some(last) = headings.last_mut() {
        if !last.title.is_empty() {
            last.title.push(' ');
        }
        last.title.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Division;

    fn outline(lines: &[&str]) -> Vec<Heading> {
        let mut h = Vec::new();
        for l in lines {
            read(&mut h, l);
        }
        h
    }

    fn path(p: &[(DivisionKind, &str)]) -> Path {
        p.iter().map(|(k, n)| (*k, n.to_string())).collect()
    }

    #[test]
    fn reads_the_outline_of_a_demuc() {
        type Row<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
        let rows: &[Row] = &[
            (&["Chương I", "QUY ĐỊNH CHUNG"], &[("I", "QUY ĐỊNH CHUNG")]),
            (&["Chương II", "VIỆC A", "Mục 1", "VIỆC B"], &[("II", "VIỆC A"), ("1", "VIỆC B")]),
            (&["Chương II", "VIỆC A", "Mục 1", "B", "Mục 2", "C"], &[("II", "VIỆC A"), ("2", "C")]),
            (&["Chương III", "X", "Mục 1", "Y", "Tiểu mục 2", "Z"], &[("III", "X"), ("1", "Y"), ("2", "Z")]),
            (&["Chương IV", "X", "Chương V", "GIÁM SÁT"], &[("V", "GIÁM SÁT")]),
            (&["Chương VI. ĐIỀU KHOẢN THI HÀNH"], &[("VI", "ĐIỀU KHOẢN THI HÀNH")]),
            (&["Chương VII", "TÊN DÀI", "VIẾT HAI DÒNG"], &[("VII", "TÊN DÀI VIẾT HAI DÒNG")]),
            // A title that starts like a heading word is still a title.
            (&["Chương VIII", "MỤC TIÊU CHUNG"], &[("VIII", "MỤC TIÊU CHUNG")]),
            (&["Phần thứ nhất", "NHỮNG QUY ĐỊNH CHUNG"], &[("thứ nhất", "NHỮNG QUY ĐỊNH CHUNG")]),
        ];
        for (lines, want) in rows {
            let got: Vec<(String, String)> =
                outline(lines).into_iter().map(|h| (h.number, h.title)).collect();
            let want: Vec<(String, String)> =
                want.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
            assert_eq!(got, want, "{lines:?}");
        }
        assert_eq!(outline(&["Tiểu mục 2", "Z"])[0].kind, DivisionKind::Subsection);
    }

    #[test]
    fn titles_come_from_agreeing_law_articles_only() {
        use DivisionKind::{Chapter, Section};
        let heads = outline(&["Chương II", "VIỆC A", "Mục 1", "VIỆC B"]);
        let mut t = Titles::default();
        t.vote(&path(&[(Chapter, "II"), (Section, "1")]), &heads);
        // A decree's anchor (its own Chương II, Mục 3) under the same outline: the chapter
        // number happens to agree, the Mục does not.
        t.vote(&path(&[(Chapter, "II"), (Section, "3")]), &heads);
        // Another article under a different outline for the same Chương: a conflict.
        t.vote(&path(&[(Chapter, "V")]), &outline(&["Chương V", "X"]));
        t.vote(&path(&[(Chapter, "V")]), &outline(&["Chương V", "Y"]));
        let div = |k, n: &str| Block::Division(Division { kind: k, number: n.into(), title: String::new() });
        let mut body = vec![div(Chapter, "II"), div(Section, "1"), div(Section, "3"), div(Chapter, "V")];
        t.apply(&mut body);
        let titles: Vec<String> = body
            .iter()
            .map(|b| if let Block::Division(d) = b { d.title.clone() } else { String::new() })
            .collect();
        assert_eq!(titles, ["VIỆC A", "VIỆC B", "", ""]);
        assert!(is_law_article("35.4.LQ.25") && is_law_article("1.2.PL.3"));
        assert!(!is_law_article("44.13.NĐ.1.3") && !is_law_article("44.13.TT.2.1"));
    }
}
