//! Party numbers ("27-NQ/TW", "05-HD/BTCTW", "66-NQ/TU"): which are central and which are
//! provincial, and the congress term (khóa) that scopes a central number. The Party numbers
//! its documents anew in every term, so "Nghị quyết số 27-NQ/TW" of 21/5/2018 (XIIth term)
//! and of 9/11/2022 (XIIIth term) are two documents: a central Party number names one
//! document only within its term.

use super::{parts, Shape};
use crate::model::Date;
use crate::text::fold;

/// The national congresses (Đại hội đại biểu toàn quốc) VI–XIV: the term each opened and
/// its first day. A term's documents are those signed from its congress until the next.
/// Source: the congresses' public dates (VI 15/12/1986, VII 24/6/1991, VIII 28/6/1996,
/// IX 19/4/2001, X 18/4/2006, XI 12/1/2011, XII 20/1/2016, XIII 25/1/2021, XIV 19/1/2026).
const CONGRESSES: [(u16, u16, u8, u8); 9] = [
    (6, 1986, 12, 15),
    (7, 1991, 6, 24),
    (8, 1996, 6, 28),
    (9, 2001, 4, 19),
    (10, 2006, 4, 18),
    (11, 2011, 1, 12),
    (12, 2016, 1, 20),
    (13, 2021, 1, 25),
    (14, 2026, 1, 19),
];

/// Whether a canonical number is a central Party number: the Party shape, its body a central
/// one ("…/TW", "…/BTCTW", "…/UBKTTW", "…/VPTW").
pub fn is_central(canonical: &str) -> bool {
    parts(canonical).is_some_and(|p| {
        p.shape == Shape::Party && p.symbol.rsplit('/').next().is_some_and(|body| body.ends_with("TW"))
    })
}

/// Whether a canonical number is a provincial (or lower) Party number ("66-NQ/TU",
/// "12-CT/HU"), which every province repeats.
pub fn is_local(canonical: &str) -> bool {
    parts(canonical).is_some_and(|p| p.shape == Shape::Party) && !is_central(canonical)
}

/// The term (khóa) a document signed on `d` belongs to; `None` before the VIth congress.
pub fn term_of_date(d: Date) -> Option<u16> {
    CONGRESSES
        .iter()
        .rev()
        .find(|(_, y, m, day)| (*y, *m, *day) <= (d.year, d.month, d.day))
        .map(|(t, ..)| *t)
}

/// The term of a document of year `y`; `None` in a congress's year (two terms share it) or
/// before the VIth congress.
pub fn term_of_year(y: u16) -> Option<u16> {
    if CONGRESSES.iter().any(|(_, cy, ..)| *cy == y) {
        return None;
    }
    term_of_date(Date { year: y, month: 7, day: 1 })
}

/// The term an issuer names ("Ban Chấp hành Trung ương khóa XII" → 12).
pub fn term_in_issuer(issuer: &str) -> Option<u16> {
    let folded = fold(issuer);
    let words: Vec<&str> =
        folded.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    words.windows(2).find(|w| w[0] == "khoa").and_then(|w| from_roman(w[1]))
}

/// The term a reference gives: its date's, else its year's, else the one its issuer names;
/// `None` when they disagree or none is known.
pub fn term_of(date: Option<Date>, year: Option<u16>, issuer: Option<&str>) -> Option<u16> {
    let by_time = match date {
        Some(d) => term_of_date(d),
        None => year.and_then(term_of_year),
    };
    let by_issuer = issuer.and_then(term_in_issuer);
    match (by_time, by_issuer) {
        (Some(a), Some(b)) if a != b => None,
        (a, b) => a.or(b),
    }
}

/// The suffix of the id of a central Party document known only by citation: "khoa-xii".
pub fn id_suffix(term: u16) -> String {
    format!("khoa-{}", roman(term).to_lowercase())
}

/// The term an id made by [`id_suffix`] names ("nghi-quyet-27-nq-tw-khoa-xii" → 12).
pub fn term_in_id(id: &str) -> Option<u16> {
    let (_, r) = id.rsplit_once("-khoa-")?;
    from_roman(r)
}

/// A term in Roman numerals, as the Party writes it ("XIII").
pub fn roman(term: u16) -> String {
    const DIGITS: [(u16, &str); 6] = [(40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = term;
    let mut out = String::new();
    for (v, s) in DIGITS {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A Roman numeral of a term (I–XXXIX), upper or lower case; `None` for anything else.
fn from_roman(s: &str) -> Option<u16> {
    let s = s.to_ascii_uppercase();
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    (1..40).find(|t| roman(*t) == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn central_and_local_numbers() {
        let rows = [
            ("27-NQ/TW", true, false),
            ("11-QĐi/TW", true, false),
            ("05-HD/BTCTW", true, false),
            ("66-NQ/TU", false, true),
            ("12-CT/HU", false, true),
            ("59/2023/NĐ-CP", false, false),
            ("30/CT-TTg", false, false),
        ];
        for (n, central, local) in rows {
            assert_eq!((is_central(n), is_local(n)), (central, local), "{n}");
        }
    }

    #[test]
    fn terms_of_dates_years_and_issuers() {
        assert_eq!(term_of_date(d("2018-05-21")), Some(12));
        assert_eq!(term_of_date(d("2022-11-09")), Some(13));
        assert_eq!(term_of_date(d("2021-01-20")), Some(12));
        assert_eq!(term_of_date(d("2021-02-10")), Some(13));
        assert_eq!(term_of_date(d("1980-01-01")), None);
        assert_eq!(term_of_year(2018), Some(12));
        assert_eq!(term_of_year(2021), None, "a congress year has two terms");
        assert_eq!(term_in_issuer("Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XII"), Some(12));
        assert_eq!(term_in_issuer("Bộ Chính trị (khoá XIII)"), Some(13));
        assert_eq!(term_in_issuer("Bộ Chính trị"), None);
        assert_eq!(term_of(Some(d("2018-05-21")), None, Some("Ban Chấp hành Trung ương khóa XII")), Some(12));
        assert_eq!(term_of(Some(d("2018-05-21")), None, Some("Ban Chấp hành Trung ương khóa XIII")), None);
        assert_eq!(term_of(None, Some(2019), None), Some(12));
        assert_eq!(term_of(None, None, Some("Bộ Chính trị khóa XI")), Some(11));
        assert_eq!(term_of(None, None, None), None);
    }

    #[test]
    fn roman_numerals_and_ids() {
        assert_eq!(roman(12), "XII");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(9), "IX");
        assert_eq!(from_roman("xiii"), Some(13));
        assert_eq!(from_roman("XIIII"), None);
        assert_eq!(id_suffix(12), "khoa-xii");
        assert_eq!(term_in_id("nghi-quyet-27-nq-tw-khoa-xii"), Some(12));
        assert_eq!(term_in_id("nghi-quyet-27-nq-tw"), None);
    }
}
