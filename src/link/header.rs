//! The header of a plan: its place and date ("Yên Bái, ngày 25 tháng 3 năm 2024"), read from
//! the first lines. The date is what validity and deadlines are checked against.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Date;
use crate::text::normalize;

/// How much of the start of the text is searched for the header date.
const HEAD: usize = 2000;

static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[\s*]*(?:số\b[^\n]*?(?:\t|[ \x{a0}]{2,})\s*)?(?:(?P<place>[^\n,;:]{2,40}?)\s*,\s*)?(?i:ngày)\s+(?P<d>\d{1,2})\s*(?:(?i:tháng)\s+(?P<m>\d{1,2})\s*(?i:năm)\s+(?P<y>\d{4})|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))",
    )
    .expect("header date")
});

/// The place and date of the header, if the first lines carry one: on a line of their own,
/// or after the number on the same line when the header's two columns were copied as one
/// ("Số: 12/KH-UBND<tab or spaces>Lào Cai, ngày 5 tháng 3 năm 2024").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    pub place: Option<String>,
    pub date: Option<Date>,
}

/// Reads the header of `text`.
pub fn read(text: &str) -> Header {
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = normalize(&text[..end]);
    let Some(c) = DATED.captures(&head) else { return Header::default() };
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
    Header { place, date }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
