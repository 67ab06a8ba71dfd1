//! The outline of a plan, report or Party document: headings "I.", "II." (or "Phần I",
//! "Chương I"), "1.", "2.", "1.1.", "1.1.2.", "a)", and "Điều 5." in regulations. Each
//! heading opens a clause that runs to the next heading (of any level); the text before the
//! first heading is the preamble (number ""). Clause numbers are paths: "III.1.2.a".
//! Word leftovers such as `[bookmark: _GoBack]` at the start of a line are skipped.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::text::normalize_mapped;

/// One clause of the outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// The path ("II.1", "III.1.2", "III.1.2.a"); "" for the preamble.
    pub number: String,
    /// The marker as written ("1.2.", "a)", "II.").
    pub marker: String,
    /// Depth in the outline: the parts of the path (1 for "I.", 0 for the preamble).
    pub level: usize,
    /// The heading line's text after the marker, shortened.
    pub label: String,
    /// Byte span in the input: the heading line to the next heading.
    pub start: usize,
    pub end: usize,
}

/// Kinds of marker, from the outermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Part,
    Roman,
    Article,
    Arabic,
    Dotted(usize),
    Letter,
}

static BOOKMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*\[bookmark:[^\]]*\])+").expect("bookmark"));
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?:
            (?P<part>(?i:phần|chương)\s+(?:[IVXL]+|\d+|THỨ\s+\w+)) (?:\s*[.:\-–]\s*|\s+|$)
          | (?P<roman>[IVXL]{1,5})\s*[.\-–/]\s+
          | (?P<art>(?i:điều)\s+\d+[a-zđ]?)\s*[.:]\s*
          | (?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?\s+
          | (?P<arabic>\d{1,2})\s*[.)]\s+
          | (?P<letter>[a-zđ])\)\s+
        )",
    )
    .expect("outline marker")
});

/// Shortest heading label kept whole.
const LABEL: usize = 90;

/// Parses the outline of `text`. Clauses are in text order and cover the whole text.
pub fn parse(text: &str) -> Vec<Clause> {
    let mapped = normalize_mapped(text);
    let norm = &mapped.text;
    let mut clauses = Vec::new();
    // (rank, own number, path)
    let mut stack: Vec<(Rank, String, String)> = Vec::new();
    let mut line_start = 0;
    for line in norm.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let skip = BOOKMARK.find(line).map_or(0, |m| m.end());
        let body = &line[skip..];
        let Some(c) = MARKER.captures(body) else { continue };
        let (rank, own) = if let Some(m) = c.name("part") {
            (Rank::Part, m.as_str().split_whitespace().last().unwrap_or("").to_string())
        } else if let Some(m) = c.name("roman") {
            (Rank::Roman, m.as_str().to_string())
        } else if let Some(m) = c.name("art") {
            (Rank::Article, format!("Điều {}", m.as_str().split_whitespace().last().unwrap_or("")))
        } else if let Some(m) = c.name("dotted") {
            (Rank::Dotted(m.as_str().matches('.').count()), m.as_str().to_string())
        } else if let Some(m) = c.name("arabic") {
            (Rank::Arabic, m.as_str().to_string())
        } else if let Some(m) = c.name("letter") {
            (Rank::Letter, m.as_str().to_string())
        } else {
            continue;
        };
        while stack.last().is_some_and(|(r, _, _)| *r >= rank) {
            stack.pop();
        }
        // "1.2" under "1" replaces it in the path.
        let parent = match (&rank, stack.last()) {
            (Rank::Dotted(_), Some((Rank::Arabic | Rank::Dotted(_), n, p)))
                if own.starts_with(&format!("{n}.")) =>
            {
                p.strip_suffix(n.as_str()).unwrap_or(p).trim_end_matches('.').to_string()
            }
            (_, Some((_, _, p))) => p.clone(),
            (_, None) => String::new(),
        };
        let path = if parent.is_empty() { own.clone() } else { format!("{parent}.{own}") };
        let marker_end = skip + c.get(0).map_or(0, |m| m.end());
        let label = shorten(line[marker_end..].trim());
        let s = mapped.origin[start];
        clauses.push(Clause {
            number: path.clone(),
            marker: c.get(0).map_or("", |m| m.as_str()).trim().to_string(),
            level: path.split('.').count(),
            label,
            start: s,
            end: 0,
        });
        stack.push((rank, own, path));
    }
    // Preamble, then close every clause at the next one's start.
    let first = clauses.first().map_or(text.len(), |c| c.start);
    if first > 0 {
        clauses.insert(
            0,
            Clause {
                number: String::new(),
                marker: String::new(),
                level: 0,
                label: "Phần mở đầu".into(),
                start: 0,
                end: 0,
            },
        );
    }
    let n = clauses.len();
    for i in 0..n {
        clauses[i].end = if i + 1 < n { clauses[i + 1].start } else { text.len() };
    }
    clauses
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= LABEL {
        return s.to_string();
    }
    let mut out: String = s.chars().take(LABEL).collect();
    if let Some(sp) = out.rfind(' ') {
        out.truncate(sp);
    }
    out.push('…');
    out
}

/// The index of the clause containing byte `at` (clauses from [`parse`]).
pub fn clause_at(clauses: &[Clause], at: usize) -> Option<usize> {
    let i = clauses.partition_point(|c| c.start <= at);
    i.checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "ĐẢNG BỘ TỈNH MẪU\nMẫu Sơn, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nThử nghiệm\n\
Căn cứ Luật Mẫu;\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n2. Yêu cầu\n\
II. NHIỆM VỤ\n1. Tuyên truyền\na) Trong cơ quan\nb) Ngoài cơ quan\n2. Kiểm tra\n\
III. TỔ CHỨC THỰC HIỆN\n1. Cấp tỉnh\n1.1. Ban Chỉ đạo\n1.2. Ban Tuyên giáo\n\
[bookmark: _GoBack]1.2.1. Tham mưu\n2. Cấp cơ sở\nNăm 2025 là năm bản lề.\n- Gạch đầu dòng\n";

    #[test]
    fn numbers_paths_and_spans() {
        let cs = parse(PLAN);
        let got: Vec<(&str, usize)> = cs.iter().map(|c| (c.number.as_str(), c.level)).collect();
        assert_eq!(
            got,
            [
                ("", 0),
                ("I", 1),
                ("I.1", 2),
                ("I.2", 2),
                ("II", 1),
                ("II.1", 2),
                ("II.1.a", 3),
                ("II.1.b", 3),
                ("II.2", 2),
                ("III", 1),
                ("III.1", 2),
                ("III.1.1", 3),
                ("III.1.2", 3),
                ("III.1.2.1", 4),
                ("III.2", 2),
            ]
        );
        assert_eq!(cs[1].label, "MỤC ĐÍCH, YÊU CẦU");
        assert_eq!(cs[13].label, "Tham mưu");
        assert_eq!(cs[13].marker, "1.2.1.");
        // Spans tile the text.
        assert_eq!(cs[0].start, 0);
        for w in cs.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert_eq!(cs.last().unwrap().end, PLAN.len());
        let at = PLAN.find("Nâng cao").unwrap();
        assert_eq!(cs[clause_at(&cs, at).unwrap()].number, "I.1");
        let at = PLAN.find("Gạch").unwrap();
        assert_eq!(cs[clause_at(&cs, at).unwrap()].number, "III.2");
    }

    #[test]
    fn regulations_and_decomposed_text() {
        // "Điều" and "Chương" written with combining marks (NFD).
        let text = "Chương I\nQUY ĐỊNH CHUNG\nĐie\u{302}\u{300}u 1. Phạm vi\n1. Khoản một\na) Điểm a\nĐiều 2. Đối tượng\n";
        let cs = parse(text);
        let got: Vec<&str> = cs.iter().map(|c| c.number.as_str()).collect();
        assert_eq!(got, ["I", "I.Điều 1", "I.Điều 1.1", "I.Điều 1.1.a", "I.Điều 2"]);
        assert_eq!(&text[cs[1].start..cs[1].start + 4], "Đie");
    }

    #[test]
    fn no_outline_is_one_preamble() {
        let cs = parse("Một đoạn văn không có đề mục.\nĐoạn thứ hai.");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].number, "");
        assert!(parse("").is_empty());
    }
}
