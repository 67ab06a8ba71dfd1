//! The header of a plan: its place and date ("Yên Bái, ngày 25 tháng 3 năm 2024"), read from
//! the first lines, and its own number ("Số 45-KH/ĐUK"), which is the plan itself and no
//! source. The date is what validity and deadlines are checked against.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::cite::Context;
use crate::model::{Date, DocType};
use crate::text::normalize;

/// How much of the start of the text is searched for the header date.
const HEAD: usize = 2000;

/// The start of a header's date line: on a line of its own, or after the number in a second
/// column ("Số: 12/KH-UBND<tab>"), then the place and its comma.
const LINE_START: &str =
    r"(?im)^[\s*]*(?:số\b[^\n]*?(?:\t|[ \x{a0}]{2,})\s*)?(?:(?P<place>[^\n,;:]{2,40}?)\s*,\s*)?";

static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{LINE_START}(?i:ngày)\s+(?P<d>\d{{1,2}})\s*(?:(?i:tháng)\s+(?P<m>\d{{1,2}})\s*(?i:năm)\s+(?P<y>\d{{4}})|[/.-]\s*(?P<m2>\d{{1,2}})\s*[/.-]\s*(?P<y2>\d{{4}}))"
    ))
    .expect("header date")
});

/// The place and date of the header, if the first lines carry one: on a line of their own,
/// or after the number on the same line when the header's two columns were copied as one
/// ("Số: 12/KH-UBND<tab or spaces>Lào Cai, ngày 5 tháng 3 năm 2024").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    pub place: Option<String>,
    pub date: Option<Date>,
    /// The plan's own number (canonical), from a header line: before the number only
    /// upper-case words, marks and "Số" ("Số: 45-KH/ĐUK", "ĐẢNG ỦY KHỐI⇥Số 45-KH/ĐUK" in a
    /// two-column header, "KẾ HOẠCH số 45-KH/ĐUK"), before the outline begins.
    pub number: Option<String>,
    /// A draft's date with the day left blank ("ngày    tháng 3 năm 2025", "ngày … tháng 3
    /// năm 2025"): (month, year). `date` stays `None`: no day is guessed.
    pub undated: Option<(u8, u16)>,
    /// A corpus file's own id and type, from its front matter.
    pub id: Option<String>,
    pub doc_type: Option<DocType>,
    /// Bytes of a corpus file's front matter at the start of the text: metadata, not text to
    /// read citations from ([`Header::readable`]).
    pub front: usize,
    /// Why the front matter a text opens with could not be read (the text is then read as
    /// plain text).
    pub front_error: Option<String>,
}

impl Header {
    /// The citing context the text gives itself: its id and type (a corpus file), the place
    /// of its header and its date, as the linker and `cancu cite` read it.
    pub fn context(&self) -> Context {
        Context {
            id: self.id.clone(),
            doc_type: self.doc_type,
            province: self.place.clone(),
            date: self.date,
            ..Context::default()
        }
    }

    /// `text` with its front matter blanked (spaces; line breaks kept), so that citations
    /// are read from the text alone and their offsets stay those of `text`.
    pub fn readable<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.front == 0 {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for b in text[..self.front].bytes() {
            out.push(if b == b'\n' { '\n' } else { ' ' });
        }
        out.push_str(&text[self.front..]);
        Cow::Owned(out)
    }
}

static UNDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{LINE_START}(?i:ngày)[ \t.…_]*(?i:tháng)\s+(?P<m>\d{{1,2}})\s*(?i:năm)\s+(?P<y>\d{{4}})"
    ))
    .expect("undated header")
});

static OUTLINE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[IVXLC]+|\d+)[.)]\s").expect("outline start"));

/// The plan's own number: the first header line's (see [`Header::number`]).
fn own_number(head: &str) -> Option<String> {
    for line in head.lines() {
        if OUTLINE_START.is_match(line) {
            return None;
        }
        let mut rest = line;
        loop {
            let t = rest.trim_start();
            let Some((w, after)) = t.find(char::is_whitespace).map(|e| t.split_at(e)) else { break };
            // "Số:45-KH/TU", the number glued to the colon.
            let (w, after) = match w.split_once(':') {
                Some((so, n)) if !n.is_empty() => (so, &t[so.len() + 1..]),
                _ => (w, after),
            };
            if crate::text::fold(w.trim_end_matches(':')) == "so" {
                if let Some(n) = crate::cite::number_at(after.trim_start_matches([' ', '\t', ':']), 0) {
                    return Some(n);
                }
                break;
            }
            if w.chars().any(char::is_lowercase) {
                break;
            }
            rest = after;
        }
    }
    None
}

/// Reads the header of `text`.
pub fn read(text: &str) -> Header {
    let front_error = match crate::corpus::markdown::front_matter(text) {
        Some((front, Ok(meta))) => {
            return Header {
                place: meta.province,
                date: meta.signed,
                number: meta.canonical.or(meta.number),
                undated: None,
                id: Some(meta.id),
                doc_type: Some(meta.doc_type),
                front,
                front_error: None,
            }
        }
        Some((_, Err(e))) => Some(e),
        None => None,
    };
    Header { front_error, ..plain(text) }
}

/// [`read`] for a text without front matter.
fn plain(text: &str) -> Header {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = normalize(&text[..end]);
    let number = own_number(&head);
    let Some(c) = DATED.captures(&head) else {
        let blank = UNDATED.captures(&head);
        let undated = blank.as_ref().and_then(|c| {
            let (m, y) = (c["m"].parse::<u8>().ok()?, c["y"].parse::<u16>().ok()?);
            (1..=12).contains(&m).then_some((m, y))
        });
        let place = blank
            .as_ref()
            .and_then(|c| c.name("place"))
            .map(|p| p.as_str().trim().to_string())
            .filter(|p| !p.is_empty() && undated.is_some());
        return Header { number, undated, place, ..Header::default() };
    };
    let pick = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
    let date = match (
        c["d"].parse().ok(),
        pick("m", "m2").and_then(|m| m.parse().ok()),
        pick("y", "y2").and_then(|y| y.parse().ok()),
    ) {
        (Some(d), Some(m), Some(y)) => Date::new(y, m, d),
        _ => None,
    };
    let place = c.name("place").map(|p| p.as_str().trim().to_string()).filter(|p| !p.is_empty());
    Header { place, date, number, ..Header::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_file_says_what_it_is_in_its_front_matter() {
        let text = "+++\nid = \"nghi-dinh-7-2031-nd-cp\"\nnumber = \"7/2031/NĐ-CP\"\ndoc_type = \"Nghị định\"\n\
                    title = \"Nghị định thử\"\nsigned = \"2031-02-03\"\n+++\n\n# Nghị định thử\n\n#### Điều 1. Phạm vi\n";
        let h = read(text);
        assert_eq!(h.id.as_deref(), Some("nghi-dinh-7-2031-nd-cp"));
        assert_eq!(h.doc_type, Some(DocType::NghiDinh));
        assert_eq!(h.date, Date::new(2031, 2, 3));
        assert_eq!(h.number.as_deref(), Some("7/2031/NĐ-CP"));
        assert!(h.front_error.is_none());
        // Blanked where it stands: the text's offsets are kept, its metadata is not read.
        let body = h.readable(text);
        assert_eq!(body.len(), text.len());
        assert!(body[..h.front].trim().is_empty());
        assert_eq!(&body[h.front..], &text[h.front..]);
        let ctx = h.context();
        assert_eq!((ctx.id.as_deref(), ctx.date), (Some("nghi-dinh-7-2031-nd-cp"), Date::new(2031, 2, 3)));

        // A front matter that cannot be read: said, and the text read as plain text.
        let bad = read("+++\nid = \n+++\nHà Nội, ngày 5 tháng 7 năm 2024\n");
        assert!(bad.front_error.is_some());
        assert_eq!((bad.front, bad.id.as_deref()), (0, None));
        assert_eq!(bad.date, Date::new(2024, 7, 5));
        // Plain text: nothing blanked.
        let plain = read("Hà Nội, ngày 5 tháng 7 năm 2024");
        assert_eq!((plain.front, plain.front_error.as_deref()), (0, None));
    }

    #[test]
    fn a_draft_with_the_day_left_blank_gives_its_month_only() {
        let rows = [
            ("ĐẢNG BỘ TỈNH\nYên Bái, ngày      tháng 3 năm 2025\nKẾ HOẠCH", Some((3, 2025))),
            ("Hà Nội, ngày … tháng 12 năm 2024", Some((12, 2024))),
            ("Hà Nội, ngày ....tháng 7 năm 2024", Some((7, 2024))),
            ("Hà Nội, ngày 5 tháng 7 năm 2024", None),
            ("KẾ HOẠCH\nkhông có ngày", None),
        ];
        assert_eq!(read("Yên Bái, ngày      tháng 3 năm 2025").place.as_deref(), Some("Yên Bái"));
        for (text, want) in rows {
            let h = read(text);
            assert_eq!(h.undated, want, "{text}");
            if want.is_some() {
                assert_eq!(h.date, None, "{text}");
            }
        }
    }

    #[test]
    fn reads_place_and_date() {
        let rows = [
            (
                "ĐẢNG BỘ TỈNH\n  Mẫu Sơn, ngày 5 tháng 3 năm 2025\nKẾ HOẠCH",
                Some("Mẫu Sơn"),
                Date::new(2025, 3, 5),
            ),
            ("UBND\nHà Nội, ngày 07/11/2023\nQUYẾT ĐỊNH", Some("Hà Nội"), Date::new(2023, 11, 7)),
            ("Ngày 1 tháng 12 năm 2020\nBÁO CÁO", None, Date::new(2020, 12, 1)),
            ("BÁO CÁO\nkhông có ngày", None, None),
            ("Mẫu Sơn, ngày 31 tháng 2 năm 2025", Some("Mẫu Sơn"), None),
            // The two columns of the header copied as one line.
            (
                "UBND TỈNH\nSố: 12/KH-UBND      Lào Cai, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH",
                Some("Lào Cai"),
                Date::new(2024, 3, 5),
            ),
            ("Số 7-KH/ĐU\tTP. Hồ Chí Minh, ngày 5/3/2024", Some("TP. Hồ Chí Minh"), Date::new(2024, 3, 5)),
            // One space only: the number's own words, not a second column.
            ("Số 7-KH/ĐU ngày 5/3/2024 của Đảng ủy\nKẾ HOẠCH", None, None),
        ];
        for (text, place, date) in rows {
            let h = read(text);
            assert_eq!((h.place.as_deref(), h.date), (place, date), "{text}");
        }
    }

    #[test]
    fn reads_the_plans_own_number_from_a_header_line_only() {
        let rows = [
            ("ĐẢNG BỘ TỈNH\nSố: 45-KH/TU\nMẫu Sơn, ngày 5 tháng 3 năm 2025", Some("45-KH/TU")),
            ("ĐẢNG ỦY KHỐI\t\tSố 45 - KH/ĐUK\t\tĐẢNG CỘNG SẢN VIỆT NAM", Some("45-KH/ĐUK")),
            ("BAN CHỈ ĐẠO\n*\tSỐ: 46-KH/BCĐ\n", Some("46-KH/BCĐ")),
            ("UBND TỈNH\nSố: 123/KH-UBND\n", Some("123/KH-UBND")),
            ("UBND TỈNH\nSố:124/KH-UBND Mẫu Sơn\n", Some("124/KH-UBND")),
            ("KẾ HOẠCH số 48-KH/ĐUK\nvề việc thử", Some("48-KH/ĐUK")),
            // Prose, an outline already begun, no number after "Số".
            ("KẾ HOẠCH\nCăn cứ Kế hoạch số 45-KH/ĐUK ngày 1/2/2024;", None),
            ("KẾ HOẠCH\nI. NỘI DUNG\nSỐ 46-KH/BCĐ\n", None),
            ("BAN CHỈ ĐẠO\nSố:      \nMẫu Sơn, ngày 5 tháng 3 năm 2025", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(read(text).number.as_deref(), want, "{text:?}");
        }
    }
}
