//! Reading a document reference out of a search query: a number in any common variant
//! ("59/2023/ND-CP", "nđ 59/2023", "nghị định 59 năm 2023", "11-QĐ/TW", "234 - KH/ĐUK"), a
//! pinpoint ("khoản 2 Điều 63") and a named document ("Bộ luật Lao động").
//!
//! This is the query router's small interface ([`read`] → [`Ref`]). A reference written as
//! running text writes it ("khoản 2 Điều 63 Bộ luật Lao động", "Nghị định số 59/2023/NĐ-CP")
//! is read by the citation reader ([`crate::cite::extract`]); the patterns here only cover
//! the shorthand that people type into a search box and that the citation reader rightly
//! does not take for a citation in prose: a bare number ("59/2023/ND-CP", "11-QĐ/TW"), a
//! type abbreviation ("nđ 59/2023"), "nghị định 59 năm 2023", lower case and no diacritics
//! ("dieu 5 luat thuc hien dan chu o co so").

use std::sync::LazyLock;

use regex::Regex;

use crate::model::DocType;
use crate::text::fold;

/// A reference read from a query. Byte offsets are into the query as given to [`read`]
/// (normalized).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref {
    /// The type the query names ("nghị định", "NĐ") or the number implies.
    pub doc_type: Option<DocType>,
    /// A full number, canonical ("59/2023/NĐ-CP").
    pub number: Option<String>,
    /// Serial and year of a partial number ("59/2023", "59 năm 2023").
    pub serial_year: Option<(String, u16)>,
    /// The folded name of a document cited by name ("lao dong", "thuc hien dan chu o co so").
    pub name: Option<String>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// Byte spans of the query that the reference consumed.
    pub spans: Vec<(usize, usize)>,
}

impl Ref {
    /// True if the reference names a document (by number or name).
    pub fn names_document(&self) -> bool {
        self.number.is_some() || self.serial_year.is_some() || self.name.is_some()
    }
}

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+[a-z]?)\s*/\s*(\d{4})\s*/\s*(\p{L}[\p{L}\d]*(?:\s*[-/]\s*[\p{L}\d]+)*)").unwrap()
});
static PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d+[a-z]?)\s*-\s*(\p{L}+)\s*/\s*(\p{L}[\p{L}\d]*)").unwrap());
static STATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d+[a-z]?)\s*/\s*(\p{L}+\s*-\s*\p{L}[\p{L}\d]*)").unwrap());
static SERIAL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d+[a-z]?)\s*/\s*(\d{4})\b").unwrap());
static NAM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(\d+)\s+(?:năm|nam)\s+(\d{4})\b").unwrap());
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:điều|dieu)\s+(\d+[a-z]?)\b").unwrap());
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:khoản|khoan)\s+(\d+)\b").unwrap());
static POINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:điểm|diem)\s+([a-zđ])\b").unwrap());

/// Type names (folded) and the abbreviations used before numbers.
const TYPE_WORDS: &[(&str, DocType)] = &[
    ("hien phap", DocType::HienPhap),
    ("bo luat", DocType::BoLuat),
    ("luat", DocType::Luat),
    ("phap lenh", DocType::PhapLenh),
    ("nghi quyet lien tich", DocType::NghiQuyetLienTich),
    ("nghi quyet", DocType::NghiQuyet),
    ("nghi dinh", DocType::NghiDinh),
    ("quyet dinh", DocType::QuyetDinh),
    ("thong tu lien tich", DocType::ThongTuLienTich),
    ("thong tu", DocType::ThongTu),
    ("chi thi", DocType::ChiThi),
    ("quy dinh", DocType::QuyDinh),
    ("ket luan", DocType::KetLuan),
    ("ke hoach", DocType::KeHoach),
    ("huong dan", DocType::HuongDan),
    ("quy che", DocType::QuyChe),
    ("chuong trinh", DocType::ChuongTrinh),
];
const ABBREVIATIONS: &[(&str, DocType)] = &[
    ("nd", DocType::NghiDinh),
    ("nq", DocType::NghiQuyet),
    ("nqlt", DocType::NghiQuyetLienTich),
    ("qd", DocType::QuyetDinh),
    ("tt", DocType::ThongTu),
    ("ttlt", DocType::ThongTuLienTich),
    ("ct", DocType::ChiThi),
    ("qdi", DocType::QuyDinh),
    ("kl", DocType::KetLuan),
];

/// A word of the query: span and folded text.
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

fn words(q: &str) -> Vec<Word> {
    crate::index::analysis::syllables(q)
        .map(|s| Word { start: s.start, end: s.end, folded: fold(&q[s.start..s.end]) })
        .collect()
}

/// The type phrase ending at word `end` (exclusive), skipping a "số" before the number:
/// `(type, index of its first word)`.
fn type_before(ws: &[Word], mut end: usize, abbreviations: bool) -> Option<(DocType, usize)> {
    if end > 0 && ws[end - 1].folded == "so" {
        end -= 1;
    }
    for len in (1..=4).rev() {
        if end < len {
            continue;
        }
        let phrase = ws[end - len..end].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
        let table = TYPE_WORDS.iter().chain(if abbreviations { ABBREVIATIONS } else { &[] });
        if let Some((_, t)) = table.into_iter().find(|(p, _)| *p == phrase) {
            return Some((*t, end - len));
        }
    }
    None
}

/// The index of the first word starting at or after byte `pos`.
fn word_at(ws: &[Word], pos: usize) -> usize {
    ws.iter().position(|w| w.start >= pos).unwrap_or(ws.len())
}

/// Reads the first reference in `q` (normalized).
pub fn read(q: &str) -> Option<Ref> {
    from_citation(q).or_else(|| read_shorthand(q))
}

/// The first citation the citation reader finds that names a document.
fn from_citation(q: &str) -> Option<Ref> {
    let c = crate::cite::extract(q)
        .into_iter()
        .find(|c| !c.self_ref && (c.number.is_some() || c.name.is_some()))?;
    // "NĐ 145/2020", "NĐ145": a type abbreviation with a serial (and year) but no symbol is
    // left to the shorthand reader, which also reads what follows ("điều 37").
    let abbreviated = crate::cite::patterns::TYPE_ABBREVIATIONS.iter().any(|(a, _)| c.text.starts_with(a));
    if abbreviated
        && c.number.as_deref().is_some_and(|n| {
            crate::number::parts(n)
                .is_none_or(|p| p.year.is_none() && p.symbol.bytes().all(|b| b.is_ascii_digit()))
        })
    {
        return None;
    }
    let pin = c.pinpoint.clone();
    let number = c.number.as_deref().map(crate::number::canonicalize);
    Some(Ref {
        doc_type: c.doc_type.filter(|t| *t != DocType::Khac),
        name: if number.is_none() { c.name.as_deref().map(fold) } else { None },
        number,
        serial_year: None,
        article: pin.as_ref().and_then(|p| p.article.clone()),
        clause: pin.as_ref().and_then(|p| p.clause.clone()),
        point: pin.as_ref().and_then(|p| p.point.clone()),
        spans: vec![(c.start, c.end)],
    })
}

/// Reads the query shorthand (see the module doc).
fn read_shorthand(q: &str) -> Option<Ref> {
    let ws = words(q);
    let mut r = Ref::default();
    // Pinpoint parts.
    for (re, slot) in [(&*ARTICLE, 0), (&*CLAUSE, 1), (&*POINT, 2)] {
        if let Some(c) = re.captures(q) {
            let m = c.get(0).unwrap();
            let v = c[1].to_lowercase();
            match slot {
                0 => r.article = Some(v),
                1 => r.clause = Some(v),
                _ => r.point = Some(v),
            }
            r.spans.push((m.start(), m.end()));
        }
    }
    // A number.
    let mut number_span = None;
    if let Some(c) = FULL.captures(q) {
        let canon = crate::number::canonicalize(&c[0]);
        r.doc_type = DocType::from_symbol(crate::number::parts(&canon).map_or("", |p| p.symbol));
        r.number = Some(canon);
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = PARTY.captures(q).or_else(|| STATE.captures(q)) {
        let canon = crate::number::canonicalize(&c[0]);
        r.doc_type = DocType::from_symbol(crate::number::parts(&canon).map_or("", |p| p.symbol));
        r.number = Some(canon);
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = SERIAL_YEAR.captures(q) {
        r.serial_year = c[2].parse().ok().map(|y| (c[1].to_string(), y));
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = NAM.captures(q) {
        let m = c.get(0).unwrap();
        // "59 năm 2023" is a number only after a type word ("nghị định 59 năm 2023").
        if type_before(&ws, word_at(&ws, m.start()), true).is_some() {
            r.serial_year = c[2].parse().ok().map(|y| (c[1].to_string(), y));
            number_span = Some((m.start(), m.end()));
        }
    }
    if let Some((s, e)) = number_span {
        let at = word_at(&ws, s);
        if let Some((t, first)) = type_before(&ws, at, true) {
            // The type word decides ("luật 18/2008/QH12" vs "nghị quyết 18/2008/QH12").
            r.doc_type = Some(t);
            r.spans.push((ws[first].start, s));
        }
        r.spans.push((s, e));
    } else if r.article.is_some() {
        // A document named after a type word: "điều 5 luật thực hiện dân chủ ở cơ sở".
        let consumed = |w: &Word| r.spans.iter().any(|&(s, e)| w.start >= s && w.end <= e);
        let free: Vec<usize> = (0..ws.len()).filter(|&i| !consumed(&ws[i])).collect();
        'outer: for (k, &i) in free.iter().enumerate() {
            for len in (1..=4).rev() {
                let Some(group) = free.get(k..k + len) else { continue };
                if group.windows(2).any(|p| p[1] != p[0] + 1) {
                    continue;
                }
                let phrase = group.iter().map(|&j| ws[j].folded.as_str()).collect::<Vec<_>>().join(" ");
                if let Some((_, t)) = TYPE_WORDS.iter().find(|(p, _)| *p == phrase) {
                    // The name runs from after the type words to the next consumed word.
                    let mut name = Vec::new();
                    let mut j = i + len;
                    while j < ws.len() && !consumed(&ws[j]) {
                        name.push(ws[j].folded.as_str());
                        j += 1;
                    }
                    if !name.is_empty() {
                        r.doc_type = Some(*t);
                        r.name = Some(name.join(" "));
                        r.spans.push((ws[i].start, ws[j - 1].end));
                    }
                    break 'outer;
                }
            }
        }
    }
    (r.names_document() || r.article.is_some()).then_some(r)
}

/// A document named by its type and title alone ("luật thực hiện dân chủ ở cơ sở"): the
/// type and the folded name, if the query starts with a type name.
pub fn read_title(q: &str) -> Option<(DocType, String)> {
    let ws = words(q);
    for len in (1..=4).rev() {
        if ws.len() <= len {
            continue;
        }
        let phrase = ws[..len].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
        if let Some((_, t)) = TYPE_WORDS.iter().find(|(p, _)| *p == phrase) {
            let name = ws[len..].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
            return Some((*t, name));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd(q: &str) -> Ref {
        read(&crate::text::normalize(q)).unwrap_or_else(|| panic!("no ref in {q:?}"))
    }

    #[test]
    fn numbers_in_every_variant() {
        type Row<'a> = (&'a str, Option<&'a str>, Option<(&'a str, u16)>, Option<DocType>);
        let rows: &[Row] = &[
            ("59/2023/NĐ-CP", Some("59/2023/NĐ-CP"), None, Some(DocType::NghiDinh)),
            ("59/2023/ND-CP", Some("59/2023/ND-CP"), None, Some(DocType::NghiDinh)),
            ("nđ 59/2023", None, Some(("59", 2023)), Some(DocType::NghiDinh)),
            ("NĐ 145/2020 điều 37", None, Some(("145", 2020)), Some(DocType::NghiDinh)),
            ("nghị định 59 năm 2023", None, Some(("59", 2023)), Some(DocType::NghiDinh)),
            ("nghi dinh so 59/2023", None, Some(("59", 2023)), Some(DocType::NghiDinh)),
            ("10/2022/QH15", Some("10/2022/QH15"), None, None),
            ("luật 18/2008/QH12", Some("18/2008/QH12"), None, Some(DocType::Luat)),
            ("nghị quyết số 18/2008/QH12", Some("18/2008/QH12"), None, Some(DocType::NghiQuyet)),
            ("11-QĐi/TW", Some("11-QĐI/TW"), None, Some(DocType::QuyDinh)),
            ("11-QĐ/TW", Some("11-QĐ/TW"), None, Some(DocType::QuyetDinh)),
            ("234 - KH/ĐUK", Some("234-KH/ĐUK"), None, Some(DocType::KeHoach)),
            ("chỉ thị 30/ct-ttg", Some("30/CT-TTg"), None, Some(DocType::ChiThi)),
        ];
        for (q, number, sy, t) in rows {
            let r = rd(q);
            assert_eq!(r.number.as_deref().map(crate::number::key), number.map(crate::number::key), "{q}");
            assert_eq!(r.serial_year, sy.map(|(s, y)| (s.to_string(), y)), "{q}");
            assert_eq!(r.doc_type, *t, "{q}");
        }
        assert_eq!(rd("NĐ 145/2020 điều 37").article.as_deref(), Some("37"));
    }

    #[test]
    fn pinpoints_and_names() {
        let r = rd("khoản 2 Điều 63 Bộ luật Lao động");
        assert_eq!((r.article.as_deref(), r.clause.as_deref()), (Some("63"), Some("2")));
        assert_eq!((r.doc_type, r.name.as_deref()), (Some(DocType::BoLuat), Some("lao dong")));
        let r = rd("điều 5 luật thực hiện dân chủ ở cơ sở");
        assert_eq!((r.doc_type, r.name.as_deref()), (Some(DocType::Luat), Some("thuc hien dan chu o co so")));
        let r = rd("điểm đ khoản 1 điều 4 nghị định 59/2023/NĐ-CP");
        assert_eq!(r.point.as_deref(), Some("đ"));
        assert_eq!(rd("diem d khoan 1 dieu 4").point.as_deref(), Some("d"));
    }

    #[test]
    fn plain_text_is_no_reference() {
        for q in [
            "điều kiện biểu quyết trực tuyến",
            "quy trình bầu trưởng thôn",
            "năm 2023 có gì mới",
            "bau truong thon",
        ] {
            assert_eq!(read(&crate::text::normalize(q)), None, "{q}");
        }
    }
}
