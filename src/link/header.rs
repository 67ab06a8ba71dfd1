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
        r"(?im)^[\s*]*(?:(?P<place>[^\n,;:]{2,40}?)\s*,\s*)?(?i:ngày)\s+(?P<d>\d{1,2})\s*(?:(?i:tháng)\s+(?P<m>\d{1,2})\s*(?i:năm)\s+(?P<y>\d{4})|[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))",
    )
    .expect("header date")
});

/// The place and date of the header, if the first lines carry one.
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
        ];
        for (text, place, date) in rows {
            let h = read(text);
            assert_eq!((h.place.as_deref(), h.date), (place, date), "{text}");
        }
    }
}
