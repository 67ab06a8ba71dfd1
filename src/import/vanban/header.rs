//! The header of a published document: issuer, national motto (skipped), number, place and
//! date, then the type line ("LUẬT", "BỘ LUẬT", "HIẾN PHÁP") and the upper-case title lines.
//! Old documents put number and date in the title line ("LUẬT CỦA QUỐC HỘI SỐ 21-LCT/HĐNN8
//! NGÀY 30/06/1989 VỀ …") or the session ("Khóa XI, kỳ họp thứ 10") before the type line.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{is_upper, strip_rules};
use super::title::{clean_upper, lower_with_proper_nouns, title};
use crate::model::{Date, DocType};
use crate::text::fold;

/// What the header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub issuer: Option<String>,
    /// The number as written (not yet canonical).
    pub number: Option<String>,
    pub signed: Option<Date>,
    pub doc_type: DocType,
    pub title: String,
    /// Index of the first line after the title.
    pub rest_start: usize,
}

/// How far into the file the type line may be.
const HEADER_LINES: usize = 40;

/// Issuers, upper case as headers write them, with their usual spelling.
const ISSUERS: &[(&str, &str)] = &[
    ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban thường vụ Quốc hội"),
    ("QUỐC HỘI", "Quốc hội"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("CHÍNH PHỦ", "Chính phủ"),
    ("CHỦ TỊCH NƯỚC", "Chủ tịch nước"),
    ("HỘI ĐỒNG NHÀ NƯỚC", "Hội đồng Nhà nước"),
];

static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[\p{L} ]{0,20} )?[Ss][ốỐ] ?:+ ?(.*)$").unwrap());
static NUMBER_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bSỐ:? ?(\d[^\s]*)").unwrap());
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ngày ?(\d{1,2}) ?tháng ?(\d{1,2}) ?năm ?(\d{4})").unwrap());
static DATE_NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ngày ?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})").unwrap());

/// The date in a line ("Hà Nội, ngày 20 tháng 11 năm 2019", "NGÀY 30/06/1989").
pub(super) fn find_date(line: &str) -> Option<Date> {
    let c = DATE.captures(line).or_else(|| DATE_NUMERIC.captures(line))?;
    Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// The number on a "Số: …" line: the text up to the first word that starts a place name.
fn number_of(rest: &str) -> Option<String> {
    let mut out = Vec::new();
    for w in rest.split(' ') {
        // Numbers are digits, upper-case letters and separators, plus the mixed-case symbols
        // (QĐi, TTg); a capitalized word ("Hà") ends the number.
        let word = w.chars().any(char::is_lowercase)
            && !w.contains(|c: char| c == '/' || c == '-' || c.is_ascii_digit());
        if !out.is_empty() && word {
            break;
        }
        out.push(w);
    }
    let n = out.join(" ").trim_matches(|c: char| c == ',' || c == ';' || c == '.').trim().to_string();
    n.starts_with(|c: char| c.is_ascii_digit()).then_some(n)
}

/// The type named by an upper-case line: exactly a type name, or a type name followed by
/// the number or "VỀ" (old single-line titles). Returns the type and the inline title.
fn type_line(line: &str, first: bool) -> Option<(DocType, String)> {
    if !is_upper(line) {
        return None;
    }
    if let Some(t) = DocType::parse(line) {
        return Some((t, String::new()));
    }
    let f = fold(line);
    for t in [
        DocType::BoLuat,
        DocType::Luat,
        DocType::PhapLenh,
        DocType::HienPhap,
        DocType::NghiQuyet,
        DocType::NghiDinh,
    ] {
        let name = fold(t.as_vi());
        if let Some(rest) = f.strip_prefix(&format!("{name} ")) {
            // "LUẬT GIÁ" after a header; at the top of a file only the old forms ("LUẬT SỐ …"),
            // so that "LUẬT MẪU" (a foreign model law) is not read as a law.
            let old = rest.starts_with("so ") || rest.starts_with("ve ") || rest.starts_with("cua quoc hoi");
            if old || (!first && line.split(' ').count() <= 14) {
                let cut = line.char_indices().nth(name.chars().count() + 1).map_or(line.len(), |(i, _)| i);
                return Some((t, line[cut..].to_string()));
            }
        }
    }
    None
}

/// Lines that end the title block although upper case.
fn ends_title(line: &str) -> bool {
    let f = fold(line);
    ["loi noi dau", "chu tich nuoc", "ra sac lenh", "quoc hoi nuoc", "quoc hoi khoa"]
        .iter()
        .any(|p| f.starts_with(p))
        || super::body::is_heading(line)
}

/// Reads the header of cleaned lines.
pub(super) fn read(lines: &[String]) -> Result<Header, String> {
    let limit = lines.len().min(HEADER_LINES);
    // A law promulgated by a sắc lệnh (1957) opens with "SẮC LỆNH" then "LUẬT SỐ …": the
    // law is the document, so a law-level type line wins over an earlier other one.
    let limit = lines[..limit].iter().position(|l| super::body::is_heading(l)).unwrap_or(limit);
    let types: Vec<(usize, (DocType, String))> =
        lines[..limit].iter().enumerate().filter_map(|(i, l)| type_line(l, i == 0).map(|t| (i, t))).collect();
    let (type_at, (doc_type, inline)) = types
        .iter()
        .find(|(_, (t, _))| t.is_law_level())
        .or(types.first())
        .cloned()
        .ok_or("không có dòng loại văn bản (LUẬT, BỘ LUẬT, HIẾN PHÁP, …) ở phần đầu")?;

    // Title lines: the inline part, then upper-case lines up to the preamble.
    let mut raw_title = vec![inline];
    let mut rest_start = type_at + 1;
    while rest_start < lines.len() && is_upper(&lines[rest_start]) && !ends_title(&lines[rest_start]) {
        raw_title.push(lines[rest_start].clone());
        rest_start += 1;
    }
    let raw_title = raw_title.join(" ");
    let name = clean_upper(&raw_title, doc_type);
    if name.is_empty() && doc_type != DocType::HienPhap {
        return Err(format!("không có tên văn bản sau dòng loại “{}”", lines[type_at]));
    }

    let before = &lines[..type_at];
    let issuer = before.first().and_then(|l| issuer_of(l));
    let mut number = None;
    for (i, l) in before.iter().enumerate() {
        if let Some(c) = NUMBER_LINE.captures(l) {
            let rest = c[1].trim();
            let rest = if rest.is_empty() { before.get(i + 1).map_or("", |s| s.as_str()) } else { rest };
            number = number_of(rest);
            break;
        }
    }
    let number = number.or_else(|| {
        NUMBER_IN_TITLE.captures(&raw_title).map(|c| c[1].trim_end_matches([',', ';']).to_string())
    });
    let signed = before.iter().find_map(|l| find_date(l)).or_else(|| find_date(&raw_title));
    let issuer = issuer.or_else(|| doc_type.is_law_level().then(|| "Quốc hội".to_string()));
    Ok(Header { issuer, number, signed, doc_type, title: title(doc_type, &name), rest_start })
}

/// The issuer named by the first header line ("QUỐC   HỘI   -------"), if it is one.
fn issuer_of(line: &str) -> Option<String> {
    let l = strip_rules(line);
    if !is_upper(l) || fold(l).contains("cong hoa xa hoi chu nghia") {
        return None;
    }
    let f = fold(l);
    for (upper, name) in ISSUERS {
        let u = fold(upper);
        // A first character lost in some files ("UỐC HỘI").
        if f == u || (u.ends_with(&f) && u.len() - f.len() <= 2 && f.len() > 4) {
            return Some(crate::text::normalize(name).into_owned());
        }
    }
    // Other issuers by their usual first words (a ministry, a people's committee, a Party
    // body); anything else ("SẮC LỆNH") is not an issuer line.
    const FIRST_WORDS: &[&str] =
        &["bo ", "uy ban ", "hoi dong ", "ban ", "tong ", "dang ", "tinh uy", "toa an ", "vien kiem sat "];
    let words = l.split(' ').count();
    ((2..=12).contains(&words) && FIRST_WORDS.iter().any(|w| f.starts_with(w))).then(|| {
        let lower = lower_with_proper_nouns(l);
        let mut it = lower.chars();
        it.next().map(|c| c.to_uppercase().chain(it).collect()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates() {
        assert_eq!(number_of("45/2019/QH14").as_deref(), Some("45/2019/QH14"));
        assert_eq!(number_of("73/2006/QH 11").as_deref(), Some("73/2006/QH 11"));
        assert_eq!(number_of("11-QĐi/TW Hà Nội, ngày 1").as_deref(), Some("11-QĐi/TW"));
        assert_eq!(number_of("Hà Nội"), None);
        assert_eq!(find_date("Hà Nội, ngày03 tháng 12 năm 2004"), Date::new(2004, 12, 3));
        assert_eq!(find_date("Hà Nội, Ngày 26 tháng 11 năm 2019"), Date::new(2019, 11, 26));
        assert_eq!(find_date("SỐ 21-LCT/HĐNN8 NGÀY 30/06/1989 VỀ"), Date::new(1989, 6, 30));
        assert_eq!(find_date("ngày 31 tháng 2 năm 2019"), None);
    }

    #[test]
    fn type_lines() {
        assert_eq!(type_line("BỘ LUẬT", false), Some((DocType::BoLuat, String::new())));
        assert_eq!(type_line("LUẬT", true), Some((DocType::Luat, String::new())));
        assert_eq!(
            type_line("LUẬT SỐ 5/2020/QH14 VỀ X", true).map(|t| t.1),
            Some("SỐ 5/2020/QH14 VỀ X".to_string())
        );
        assert_eq!(type_line("LUẬT GIÁ", false).map(|t| t.1), Some("GIÁ".to_string()));
        assert_eq!(type_line("LUẬT MẪU", true), None);
        assert_eq!(type_line("Luật", false), None);
        assert!(ends_title("ĐIỀU 1. TÊN"));
        assert!(!ends_title("ĐIỀU ƯỚC QUỐC TẾ"));
        assert_eq!(issuer_of("UỐC HỘI").as_deref(), Some("Quốc hội"));
        assert_eq!(issuer_of("QUỐC HỘI -------").as_deref(), Some("Quốc hội"));
        assert_eq!(issuer_of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), None);
        assert_eq!(issuer_of("SẮC LỆNH"), None);
        assert_eq!(issuer_of("BỘ TƯ PHÁP ---").as_deref(), Some("Bộ tư pháp"));
    }
}
