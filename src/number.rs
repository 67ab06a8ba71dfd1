//! Document numbers ("số hiệu"): canonical spelling, matching keys and document ids.
//!
//! Vietnamese numbers come in three shapes: state normative `59/2023/NĐ-CP`, state
//! non-normative `30/CT-TTg`, and Party `11-QĐi/TW`. Written forms vary ("59/2023/NĐ - CP",
//! "04/2015/NĐ/CP", "CT-TTG", "84 QĐ/TW"); [`canonicalize`] fixes spacing, separators and
//! case, [`key`] folds a canonical number for lookups, [`doc_id`] builds stable ids.

use crate::model::DocType;
use crate::text::{fold, normalize};

pub mod party;

/// Symbol tokens whose canonical spelling is not all upper case.
const MIXED_CASE: &[(&str, &str)] = &[("TTG", "TTg"), ("QĐI", "QĐi"), ("CTR", "CTr"), ("TTR", "TTr")];

/// Joined symbols that need their dash back ("CTTg" → "CT-TTg").
const JOINED: &[(&str, &str)] =
    &[("CTTG", "CT-TTg"), ("QĐTTG", "QĐ-TTg"), ("NĐCP", "NĐ-CP"), ("NQCP", "NQ-CP")];

/// The canonical spelling of a document number.
///
/// ```
/// use cancu::number::canonicalize;
/// assert_eq!(canonicalize("59/2023/NĐ - CP"), "59/2023/NĐ-CP");
/// assert_eq!(canonicalize("04/2015/NĐ/CP"), "04/2015/NĐ-CP");
/// assert_eq!(canonicalize("11 - QĐi/TW"), "11-QĐi/TW");
/// assert_eq!(canonicalize("27/CT-TTG"), "27/CT-TTg");
/// assert_eq!(canonicalize("84 QĐ/TW"), "84-QĐ/TW");
/// ```
pub fn canonicalize(raw: &str) -> String {
    let text = normalize(raw);
    // Remove every space; a space between the leading number and letters is a dash
    // ("84 QĐ/TW" → "84-QĐ/TW").
    let mut compact = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut pending_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            if let Some(p) = prev {
                if p.is_ascii_digit() && c.is_alphabetic() && !compact.contains(['/', '-']) {
                    compact.push('-');
                }
            }
            pending_space = false;
        }
        let c = match c {
            '–' | '—' | '‐' | '‑' => '-',
            _ => c,
        };
        compact.push(c);
        prev = Some(c);
    }
    // "145-2020-NĐ-CP": a state number written with dashes only.
    if !compact.contains('/') {
        let dashed: Vec<&str> = compact.splitn(3, '-').collect();
        if let [serial, year, symbol] = dashed.as_slice() {
            if !serial.is_empty()
                && serial.bytes().all(|b| b.is_ascii_digit())
                && is_year(year)
                && !symbol.is_empty()
            {
                compact = format!("{serial}/{year}/{symbol}");
            }
        }
    }
    // Split off the leading serial ("59", "30c", "11").
    let parts: Vec<&str> = compact.split('/').collect();
    let fixed = if parts.len() == 4 && is_year(parts[1]) {
        // 04/2015/NĐ/CP → 04/2015/NĐ-CP
        format!("{}/{}/{}-{}", parts[0], parts[1], parts[2], parts[3])
    } else {
        compact
    };
    fix_case(&fixed)
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Upper-cases symbol letters, keeps the serial's letter suffix ("30c") and restores the
/// mixed-case tokens (TTg, QĐi, CTr, TTr).
fn fix_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut token = String::new();
    let mut first_segment = true;
    let flush = |token: &mut String, out: &mut String, first: bool| {
        if token.is_empty() {
            return;
        }
        let upper = token.to_uppercase();
        let serial = first && token.chars().next().is_some_and(|c| c.is_ascii_digit());
        if serial {
            out.push_str(&token.to_lowercase());
        } else if let Some((_, j)) = JOINED.iter().find(|(u, _)| *u == upper) {
            out.push_str(j);
        } else if let Some((_, m)) = MIXED_CASE.iter().find(|(u, _)| *u == upper) {
            out.push_str(m);
        } else {
            out.push_str(&upper);
        }
        token.clear();
    };
    for c in s.chars() {
        if c == '/' || c == '-' {
            flush(&mut token, &mut out, first_segment);
            first_segment = false;
            out.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut out, first_segment);
    out
}

/// The lookup key of a number: canonical, folded (no diacritics, lower case).
/// `59/2023/NĐ-CP` and `59/2023/ND-CP` share the key `59/2023/nd-cp`.
pub fn key(number: &str) -> String {
    fold(&canonicalize(number))
}

/// The shape of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `59/2023/NĐ-CP`, `10/2022/QH15`
    Normative,
    /// `30/CT-TTg`, `70/KH-UBND`
    StateOther,
    /// `11-QĐi/TW`, `234-KH/ĐUK`
    Party,
}

/// Serial, year (if written) and symbol of a canonical number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    pub serial: &'a str,
    pub year: Option<u16>,
    pub symbol: &'a str,
    pub shape: Shape,
}

/// The year a canonical number carries: "59/2023/NĐ-CP" → 2023, and a serial written with its
/// year alone, the symbol left out ("145/2020") → 2020; a Party number or a number without a
/// year gives `None`.
pub fn year(canonical: &str) -> Option<u16> {
    let p = parts(canonical)?;
    p.year.or_else(|| {
        (p.shape == Shape::StateOther && is_year(p.symbol)).then(|| p.symbol.parse().ok()).flatten()
    })
}

/// Splits a canonical number into its parts; `None` if it has none of the three shapes.
pub fn parts(canonical: &str) -> Option<Parts<'_>> {
    let serial_end = canonical.char_indices().find(|(_, c)| !c.is_ascii_alphanumeric()).map(|(i, _)| i)?;
    let serial = &canonical[..serial_end];
    if !serial.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &canonical[serial_end..];
    if let Some(r) = rest.strip_prefix('/') {
        if let Some((y, sym)) = r.split_once('/') {
            if is_year(y) && !sym.is_empty() {
                return Some(Parts { serial, year: y.parse().ok(), symbol: sym, shape: Shape::Normative });
            }
        }
        if !r.is_empty() {
            return Some(Parts { serial, year: None, symbol: r, shape: Shape::StateOther });
        }
    } else if let Some(r) = rest.strip_prefix('-') {
        if r.contains('/') {
            return Some(Parts { serial, year: None, symbol: r, shape: Shape::Party });
        }
    }
    None
}

/// The key of a serial: lower case, leading zeros dropped — "04" and "4" are one serial
/// ("Nghị định số 4/2015/NĐ-CP" is 04/2015/NĐ-CP).
pub fn serial_key(serial: &str) -> String {
    let s = serial.to_lowercase();
    let trimmed = s.trim_start_matches('0');
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) {
        trimmed.to_string()
    } else {
        s
    }
}

/// How a number written differs from a document's number that it can only be another
/// spelling of ([`spelling`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spelling {
    /// The serial's leading zeros ("4/2015/NĐ-CP" for "04/2015/NĐ-CP").
    LeadingZero,
    /// A dash more or less inside the symbol ("TT-BLĐ-TBXH" for "TT-BLĐTBXH").
    Dashes,
    /// The bodies of a joint document in another order ("TTLT-BLĐTBXH-BNV" for
    /// "TTLT-BNV-BLĐTBXH").
    IssuerOrder,
    /// A Party number written as a state one, or the reverse ("30/CT-TW" for "30-CT/TW").
    Shape,
}

impl Spelling {
    /// What differs, in Vietnamese, for warnings.
    pub fn as_vi(self) -> &'static str {
        match self {
            Spelling::LeadingZero => "khác số 0 ở đầu số thứ tự",
            Spelling::Dashes => "khác dấu gạch nối trong ký hiệu",
            Spelling::IssuerOrder => "các cơ quan ban hành liên tịch ghi theo thứ tự khác",
            Spelling::Shape => "dấu “/” và “-” đặt đổi chỗ",
        }
    }
}

/// Whether the number `written` can only be another spelling of the document number `real`
/// (both canonical), and how it differs: the same serial (leading zeros aside), the same
/// year, and the same symbol but for its dashes, the order of a joint document's bodies, or
/// the Party shape (`30-CT/TW`) written as a state one (`30/CT-TW`). `None` when they are
/// the same number, or differ otherwise (another serial, year or body, a year left out).
///
/// ```
/// use cancu::number::{spelling, Spelling};
/// assert_eq!(spelling("4/2015/NĐ-CP", "04/2015/NĐ-CP"), Some(Spelling::LeadingZero));
/// assert_eq!(spelling("30/CT-TW", "30-CT/TW"), Some(Spelling::Shape));
/// assert_eq!(spelling("30/CT-TTg", "30-CT/TW"), None);
/// ```
pub fn spelling(written: &str, real: &str) -> Option<Spelling> {
    let (kw, kr) = (key(written), key(real));
    if kw == kr {
        return None;
    }
    let (w, r) = (parts(&kw)?, parts(&kr)?);
    if serial_key(w.serial) != serial_key(r.serial) || w.year != r.year {
        return None;
    }
    if w.shape != r.shape {
        let party = |p: &Parts<'_>| p.shape == Shape::Party;
        let state = |p: &Parts<'_>| p.shape == Shape::StateOther;
        let crossed = (party(&w) && state(&r)) || (state(&w) && party(&r));
        return (crossed && letters(w.symbol) == letters(r.symbol)).then_some(Spelling::Shape);
    }
    symbol_spelling(w.symbol, r.symbol)
}

/// How two symbols of one shape differ when they name the same bodies; `Some(LeadingZero)`
/// when they are the same (the serials then differ by their zeros alone).
fn symbol_spelling(a: &str, b: &str) -> Option<Spelling> {
    if a == b {
        return Some(Spelling::LeadingZero);
    }
    if letters(a) == letters(b) {
        return Some(Spelling::Dashes);
    }
    // A joint document: its kind first ("TTLT"), then its bodies in any order.
    let tokens = |s: &str| -> (String, Vec<String>) {
        let mut t: Vec<String> = s.split(['-', '/']).map(String::from).collect();
        let kind = t.remove(0);
        t.sort();
        (kind, t)
    };
    let ((ka, ta), (kb, tb)) = (tokens(a), tokens(b));
    (ka == kb && ta == tb).then_some(Spelling::IssuerOrder)
}

/// A symbol's letters and digits, without its separators.
fn letters(symbol: &str) -> String {
    symbol.chars().filter(|c| !matches!(c, '-' | '/')).collect()
}

/// Whether the number `written` is the document number `real` (both canonical) with its year
/// left out: "145/NĐ-CP" for "145/2020/NĐ-CP" (the same serial, leading zeros aside, and the
/// same symbol).
///
/// ```
/// assert!(cancu::number::year_left_out("145/NĐ-CP", "145/2020/NĐ-CP"));
/// assert!(!cancu::number::year_left_out("145/NĐ-CP", "145/2020/QĐ-TTg"));
/// ```
pub fn year_left_out(written: &str, real: &str) -> bool {
    let (kw, kr) = (key(written), key(real));
    let (Some(w), Some(r)) = (parts(&kw), parts(&kr)) else { return false };
    w.shape == Shape::StateOther
        && r.shape == Shape::Normative
        && serial_key(w.serial) == serial_key(r.serial)
        && w.symbol == r.symbol
}

/// The years of the National Assembly's terms (khóa) IX–XVI: `(term, first year, last year)`,
/// both inclusive since a term begins and ends within a year.
const TERMS: [(u16, u16, u16); 8] = [
    (9, 1992, 1997),
    (10, 1997, 2002),
    (11, 2002, 2007),
    (12, 2007, 2011),
    (13, 2011, 2016),
    (14, 2016, 2021),
    (15, 2021, 2026),
    (16, 2026, 2031),
];

/// Whether a canonical number's year falls outside the National Assembly term its symbol
/// names ("67/2014/QH14": the XIVth term began in 2016) — a misread or a typo in the citing
/// text, never a document. Numbers of other issuers, or of terms not in the table, are
/// never contradicted.
pub fn term_contradicts(canonical: &str) -> bool {
    let Some(p) = parts(canonical) else { return false };
    let Some(year) = p.year else { return false };
    let digits = p.symbol.trim_end_matches(|c: char| c.is_ascii_digit());
    if !digits.ends_with("QH") {
        return false;
    }
    let Ok(term) = p.symbol[digits.len()..].parse::<u16>() else { return false };
    TERMS.iter().find(|(t, _, _)| *t == term).is_some_and(|(_, from, to)| year < *from || year > *to)
}

/// An ASCII slug: folded, every run of non-alphanumerics a single dash.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Longest document id, in bytes.
pub const MAX_ID_LEN: usize = 200;

/// The one grammar of document ids, everywhere they are read (corpus files, imports, URLs):
/// lower-case ASCII letters, digits and dashes, at most [`MAX_ID_LEN`] bytes. An id is a file
/// name in the corpus (`<type>/<id>.md`), so this grammar is what keeps a file's `id` from
/// naming a path ("../x", "/etc/passwd", "a/b").
///
/// ```
/// assert!(cancu::number::valid_id("luat-10-2022-qh15"));
/// assert!(!cancu::number::valid_id("../../etc/passwd"));
/// ```
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A document's stable id: the type slug and the number slug, so that a number shared by two
/// types (18/2008/QH12, a Luật and a Nghị quyết) gives two ids. Provincial Party numbers
/// repeat in every province, so they carry the province when it is known. A document
/// without a number is named by its title (without its leading type word) and year.
pub fn doc_id(
    doc_type: DocType,
    canonical: Option<&str>,
    province: Option<&str>,
    title: &str,
    year: Option<u16>,
) -> String {
    let mut id = doc_type.slug().to_string();
    match canonical {
        Some(n) => {
            id.push('-');
            id.push_str(&slug(n));
            if let (true, Some(p)) = (party::is_local(n), province) {
                id.push('-');
                id.push_str(&slug(p));
            }
        }
        None => {
            // Titles include the type word ("Hiến pháp nước …", "Nghị quyết Đại hội …"):
            // not twice in the id.
            let t = slug(title);
            let t =
                t.strip_prefix(doc_type.slug()).filter(|r| r.is_empty() || r.starts_with('-')).unwrap_or(&t);
            let t: String = t.split('-').filter(|w| !w.is_empty()).take(12).collect::<Vec<_>>().join("-");
            if !t.is_empty() {
                id.push('-');
                id.push_str(&t);
            }
            if let Some(y) = year {
                id.push_str(&format!("-{y}"));
            }
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_outside_the_national_assemblys_term_contradicts_the_number() {
        let rows = [
            ("67/2014/QH14", true),
            ("67/2014/QH13", false),
            ("45/2019/QH14", false),
            ("10/2012/QH13", false),
            ("31/2024/QH15", false),
            ("34/2007/PL-UBTVQH11", false),
            ("34/2001/PL-UBTVQH11", true),
            ("1/2016/QH13", false),
            ("1/2016/QH14", false),
            ("59/2023/NĐ-CP", false),
            ("11-QĐi/TW", false),
            ("5/2020/QH99", false),
        ];
        for (n, want) in rows {
            assert_eq!(term_contradicts(n), want, "{n}");
        }
    }

    #[test]
    fn canonical_forms() {
        let rows = [
            ("59/2023/NĐ-CP", "59/2023/NĐ-CP"),
            ("59/2023/NĐ - CP", "59/2023/NĐ-CP"),
            ("59/2023/nđ-cp", "59/2023/NĐ-CP"),
            ("04/2015/NĐ/CP", "04/2015/NĐ-CP"),
            ("10/2022/QH15", "10/2022/QH15"),
            ("11-QĐi/TW", "11-QĐi/TW"),
            ("11-QĐ/TW", "11-QĐ/TW"),
            ("234 - KH/ĐUK", "234-KH/ĐUK"),
            ("30/CT-TTG", "30/CT-TTg"),
            ("30/CTTg", "30/CT-TTg"),
            ("30c/NQ-CP", "30c/NQ-CP"),
            ("188-CTR/TU", "188-CTr/TU"),
            ("84 QĐ/TW", "84-QĐ/TW"),
            ("84-Q\u{00D0}/TW", "84-QĐ/TW"),
            ("403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN", "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN"),
            // Dashes only (probe 10: not read at all).
            ("145-2020-NĐ-CP", "145/2020/NĐ-CP"),
            ("12-2021-QĐ-UBND", "12/2021/QĐ-UBND"),
            ("05-CT/TW", "05-CT/TW"),
        ];
        for (raw, want) in rows {
            assert_eq!(canonicalize(raw), want, "{raw}");
        }
    }

    #[test]
    fn spellings_of_one_number() {
        use Spelling::*;
        let rows = [
            ("4/2015/NĐ-CP", "04/2015/NĐ-CP", Some(LeadingZero)),
            ("004/2015/ND-CP", "04/2015/NĐ-CP", Some(LeadingZero)),
            ("08/2011/TT-BLĐ-TBXH", "08/2011/TT-BLĐTBXH", Some(Dashes)),
            ("02/2013/TTLT-BLĐTBXH-BNV-BTC-BYT", "02/2013/TTLT-BNV-BLĐTBXH-BTC-BYT", Some(IssuerOrder)),
            ("30/CT-TW", "30-CT/TW", Some(Shape)),
            ("30-CT/TTg", "30/CT-TTg", Some(Shape)),
            ("5-KH/TU", "05-KH/TU", Some(LeadingZero)),
            // The same number, or another one.
            ("04/2015/NĐ-CP", "04/2015/NĐ-CP", None),
            ("04/2015/ND-CP", "04/2015/NĐ-CP", None),
            ("40/2015/NĐ-CP", "04/2015/NĐ-CP", None),
            ("4/2016/NĐ-CP", "04/2015/NĐ-CP", None),
            ("08/2011/TT-BTC", "08/2011/TT-BLĐTBXH", None),
            ("02/2013/TTLT-BNV-BTC-BYT", "02/2013/TTLT-BNV-BLĐTBXH-BTC-BYT", None),
            ("02/2013/TT-BNV-BLĐTBXH-BTC-BYT", "02/2013/TTLT-BNV-BLĐTBXH-BTC-BYT", None),
            ("30/CT-TTg", "30-CT/TW", None),
            ("11-QĐ/TW", "11-QĐi/TW", None),
            ("145/NĐ-CP", "145/2020/NĐ-CP", None),
            ("145/2020/NĐ-CP", "145/NĐ-CP", None),
            ("nonsense", "04/2015/NĐ-CP", None),
        ];
        for (written, real, want) in rows {
            assert_eq!(spelling(written, real), want, "{written} / {real}");
        }
    }

    #[test]
    fn years_left_out_and_serial_keys() {
        let rows = [
            ("145/NĐ-CP", "145/2020/NĐ-CP", true),
            ("4/NĐ-CP", "04/2015/NĐ-CP", true),
            ("145/NĐ-CP", "145/2020/QĐ-TTg", false),
            ("145/NĐ-CP", "146/2020/NĐ-CP", false),
            ("145/2020/NĐ-CP", "145/2020/NĐ-CP", false),
            ("145-NĐ/CP", "145/2020/NĐ-CP", false),
            ("30/CT-TTg", "30-CT/TW", false),
        ];
        for (written, real, want) in rows {
            assert_eq!(year_left_out(written, real), want, "{written} / {real}");
        }
        for (serial, want) in
            [("04", "4"), ("4", "4"), ("0", "0"), ("00", "00"), ("30C", "30c"), ("007a", "7a")]
        {
            assert_eq!(serial_key(serial), want, "{serial}");
        }
    }

    #[test]
    fn keys_fold_diacritics() {
        assert_eq!(key("59/2023/NĐ-CP"), key("59/2023/ND-CP"));
        assert_ne!(key("11-QĐi/TW"), key("11-QĐ/TW"));
    }

    #[test]
    fn shapes() {
        assert_eq!(parts("59/2023/NĐ-CP").unwrap().shape, Shape::Normative);
        assert_eq!(parts("59/2023/NĐ-CP").unwrap().year, Some(2023));
        assert_eq!(parts("30/CT-TTg").unwrap().shape, Shape::StateOther);
        assert_eq!(parts("11-QĐi/TW").unwrap().shape, Shape::Party);
        assert!(parts("abc").is_none());
    }

    #[test]
    fn id_grammar() {
        let long = "a".repeat(MAX_ID_LEN + 1);
        let rows: [(&str, bool); 14] = [
            ("luat-10-2022-qh15", true),
            ("nghi-dinh-59-2023-nd-cp", true),
            ("hien-phap-2013", true),
            ("", false),
            ("../etc", false),
            ("../../x", false),
            ("/etc/passwd", false),
            ("a/b", false),
            ("a\\b", false),
            ("a.md", false),
            ("Luat", false),
            ("a b", false),
            ("luật", false),
            (&long, false),
        ];
        for (id, ok) in rows {
            assert_eq!(valid_id(id), ok, "{id}");
        }
    }

    #[test]
    fn ids_are_valid_ids() {
        for t in [DocType::Luat, DocType::NghiQuyet, DocType::HienPhap, DocType::KeHoach] {
            for (n, title) in
                [(Some("59/2023/NĐ-CP"), ""), (Some("11-QĐi/TW"), ""), (None, "Về việc ../../x /etc")]
            {
                let id = doc_id(t, n, Some("Yên Bái"), title, Some(2020));
                assert!(valid_id(&id), "{id}");
            }
        }
    }

    #[test]
    fn ids_tell_types_and_provinces_apart() {
        let a = doc_id(DocType::Luat, Some("18/2008/QH12"), None, "", None);
        let b = doc_id(DocType::NghiQuyet, Some("18/2008/QH12"), None, "", None);
        assert_eq!(a, "luat-18-2008-qh12");
        assert_ne!(a, b);
        assert_eq!(
            doc_id(DocType::NghiQuyet, Some("66-NQ/TU"), Some("Yên Bái"), "", None),
            "nghi-quyet-66-nq-tu-yen-bai"
        );
        assert_eq!(
            doc_id(DocType::QuyDinh, Some("11-QĐi/TW"), Some("Yên Bái"), "", None),
            "quy-dinh-11-qdi-tw"
        );
        assert_eq!(doc_id(DocType::HienPhap, None, None, "Hiến pháp", Some(2013)), "hien-phap-2013");
        assert_eq!(
            doc_id(
                DocType::HienPhap,
                None,
                None,
                "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                Some(2013)
            ),
            "hien-phap-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam-2013"
        );
        assert_eq!(
            doc_id(DocType::KeHoach, None, None, "Kế hoạch khuyến nông", None),
            "ke-hoach-khuyen-nong"
        );
        assert_eq!(doc_id(DocType::KeHoach, None, None, "Kế hoạchx", None), "ke-hoach-ke-hoachx");
    }
}
