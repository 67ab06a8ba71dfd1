//! Titles as citations write them: the upper-case title lines of a published document
//! ("BỘ LUẬT" / "LAO ĐỘNG") become "Bộ luật Lao động": the type word, then the name with a
//! capital first letter and the rest in lower case, proper nouns (Việt Nam, Quốc hội, Hội
//! đồng nhân dân, …) restored. This is the convention of the whole corpus: the title
//! INCLUDES the type word ("Luật Thực hiện dân chủ ở cơ sở", "Nghị định quy định chi tiết …").
//! Names of laws, codes and ordinances take a capital; descriptions ("Nghị định quy định …",
//! "Hiến pháp nước …", "Luật sửa đổi, bổ sung …") stay in lower case. [`citation_title`] applies
//! the same convention to titles written any other way (the Pháp điển notes).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::DocType;
use crate::text::normalize;

/// Proper nouns restored after lower-casing, longest first.
const PROPER: &[&str] = &[
    "Ủy ban thường vụ Quốc hội",
    "Mặt trận Tổ quốc Việt Nam",
    "Ngân hàng Nhà nước",
    "Cộng hòa xã hội chủ nghĩa",
    "Viện kiểm sát nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Tòa án nhân dân",
    "Công an nhân dân",
    "Quân đội nhân dân",
    "Mặt trận Tổ quốc",
    "Liên hợp quốc",
    "Chủ tịch nước",
    "Chính phủ",
    "Tòa án",
    "Quốc hội",
    "Việt Nam",
    "HIV/AIDS",
];

static PROPER_LOWER: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    PROPER
        .iter()
        .map(|p| {
            let n = normalize(p).into_owned();
            (n.to_lowercase(), n)
        })
        .collect()
});

/// Lower-cases `s` and restores the proper nouns of [`PROPER`].
pub fn lower_with_proper_nouns(s: &str) -> String {
    let mut out = normalize(s).to_lowercase();
    for (lower, proper) in PROPER_LOWER.iter() {
        if out.contains(lower.as_str()) {
            out = out.replace(lower.as_str(), proper);
        }
    }
    out
}

/// Upper-cases the first letter.
fn capitalize(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(c) => c.to_uppercase().chain(it).collect(),
        None => String::new(),
    }
}

/// Inline noise in old titles: "CỦA QUỐC HỘI NƯỚC … SỐ 32/2004/QH11 NGÀY 03 THÁNG 12 NĂM 2004 VỀ".
static NOISE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"CỦA QUỐC HỘI(?: NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)?",
        r"\bSỐ:? ?\d[^\s]*",
        r"\bNGÀY ?\d{1,2} THÁNG \d{1,2} NĂM \d{4}",
        r"\bNGÀY ?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}",
    ]
    .iter()
    .map(|r| Regex::new(&normalize(r)).expect("title noise regex"))
    .collect()
});

static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&normalize(r"\s*(?:CỦA )?QUỐC HỘI KHÓA [IVXLC]+,? KỲ HỌP THỨ \d+.*$")).expect("session regex")
});

/// The name part of upper-case title lines, noise removed ("VỀ AN NINH QUỐC GIA" → "AN NINH
/// QUỐC GIA"), still upper case. `doc_type` is the type read from the type line.
pub fn clean_upper(raw: &str, doc_type: DocType) -> String {
    let mut s = normalize(raw).into_owned();
    // Only old single-line titles carry their own number ("… SỐ 32/2004/QH11 …"); a modern
    // title may well say "CỦA QUỐC HỘI" ("HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI …").
    let old = NOISE[1].is_match(&s);
    if old {
        for re in NOISE.iter() {
            s = re.replace_all(&s, " ").into_owned();
        }
    }
    // "… CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5": the session, not the name.
    s = SESSION.replace(&s, "").into_owned();
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let type_upper = normalize(doc_type.as_vi()).to_uppercase();
    for prefix in ["VỀ: ", "VỀ "] {
        if let Some(r) = s.strip_prefix(prefix) {
            s = r.to_string();
            // "VỀ LUẬT BIÊN GIỚI QUỐC GIA": the type word repeated.
            if let Some(r) = s.strip_prefix(&format!("{type_upper} ")) {
                s = r.to_string();
            }
            break;
        }
    }
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '-'));
    // "KÝ KẾT,GIA NHẬP" → "KÝ KẾT, GIA NHẬP"
    s.replace(',', ", ").split_whitespace().collect::<Vec<_>>().join(" ").replace(" ,", ",")
}

/// The full title: type word plus the name in citation case, from upper-case title lines.
///
/// ```
/// use cancu::import::vanban::title::title;
/// use cancu::model::DocType;
/// assert_eq!(title(DocType::BoLuat, "LAO ĐỘNG"), "Bộ luật Lao động");
/// assert_eq!(title(DocType::Luat, "TỔ CHỨC QUỐC HỘI"), "Luật Tổ chức Quốc hội");
/// ```
pub fn title(doc_type: DocType, name_upper: &str) -> String {
    finish(doc_type, &lower_with_proper_nouns(name_upper))
}

/// The citation-case title of a title written any way, with or without its type word:
/// "Bộ Luật lao động" → "Bộ luật Lao động", "Luật thực hiện dân chủ ở cơ sở" → "Luật Thực
/// hiện dân chủ ở cơ sở", "quy định chi tiết …" (Nghị định) → "Nghị định quy định chi tiết
/// …". Every importer uses it so that the same document gets the same title from any source.
pub fn citation_title(doc_type: DocType, raw: &str) -> String {
    let raw = normalize(raw);
    let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let type_words = doc_type.as_vi().split(' ').count();
    let words: Vec<&str> = raw.split(' ').collect();
    let rest = if words.len() >= type_words
        && crate::text::fold(&words[..type_words].join(" ")) == crate::text::fold(doc_type.as_vi())
    {
        words[type_words..].join(" ")
    } else {
        raw.clone()
    };
    let rest = if rest.chars().any(char::is_lowercase) { rest } else { lower_with_proper_nouns(&rest) };
    finish(doc_type, &rest)
}

/// Type word + name, the name's first letter upper case for the names of laws and codes,
/// lower case for descriptions ("Nghị định quy định …", "Luật sửa đổi, bổ sung …", "Hiến
/// pháp nước …").
fn finish(doc_type: DocType, name: &str) -> String {
    if name.is_empty() {
        return doc_type.as_vi().to_string();
    }
    let name = if doc_type.is_named() && !name.starts_with("sửa đổi") {
        capitalize(name)
    } else {
        decapitalize(name)
    };
    format!("{} {}", doc_type.as_vi(), name)
}

/// Lower-cases the first letter unless the first word is a proper noun ("Quốc hội …").
fn decapitalize(s: &str) -> String {
    if PROPER_LOWER.iter().any(|(_, p)| s.starts_with(p.as_str())) {
        return s.to_string();
    }
    let mut it = s.chars();
    match it.next() {
        Some(c) => c.to_lowercase().chain(it).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_citation_case() {
        let rows = [
            (DocType::BoLuat, "LAO ĐỘNG", "Bộ luật Lao động"),
            (DocType::Luat, "TIẾP CẬN THÔNG TIN", "Luật Tiếp cận thông tin"),
            (DocType::Luat, "HÀNG KHÔNG DÂN DỤNG VIỆT NAM", "Luật Hàng không dân dụng Việt Nam"),
            (
                DocType::Luat,
                "TỔ CHỨC HỘI ĐỒNG NHÂN DÂN VÀ UỶ BAN NHÂN DÂN",
                "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
            ),
            (DocType::Luat, "MẶT TRẬN TỔ QUỐC VIỆT NAM", "Luật Mặt trận Tổ quốc Việt Nam"),
            (
                DocType::HienPhap,
                "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
            ),
            (
                DocType::Luat,
                "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI",
                "Luật sửa đổi, bổ sung một số điều của luật đất đai",
            ),
        ];
        for (t, raw, want) in rows {
            assert_eq!(title(t, raw), want, "{raw}");
        }
    }

    #[test]
    fn citation_titles_from_any_source() {
        let rows = [
            (DocType::BoLuat, "Bộ Luật lao động", "Bộ luật Lao động"),
            (DocType::Luat, "Luật thực hiện dân chủ ở cơ sở", "Luật Thực hiện dân chủ ở cơ sở"),
            (DocType::Luat, "Tiếp cận thông tin", "Luật Tiếp cận thông tin"),
            (DocType::Luat, "LUẬT TỔ CHỨC QUỐC HỘI", "Luật Tổ chức Quốc hội"),
            (
                DocType::NghiDinh,
                "Nghị định quy định chi tiết một số điều của Luật thực hiện dân chủ ở cơ sở",
                "Nghị định quy định chi tiết một số điều của Luật thực hiện dân chủ ở cơ sở",
            ),
            (DocType::NghiDinh, "Quy định chi tiết một số điều", "Nghị định quy định chi tiết một số điều"),
            (
                DocType::ChiThi,
                "Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở",
                "Chỉ thị về xây dựng và thực hiện Quy chế dân chủ ở cơ sở",
            ),
            (DocType::NghiQuyet, "Quốc hội khóa XV", "Nghị quyết Quốc hội khóa XV"),
        ];
        for (t, raw, want) in rows {
            assert_eq!(citation_title(t, raw), want, "{raw}");
        }
    }

    #[test]
    fn old_titles_lose_their_noise() {
        let rows = [
            ("CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 32/2004/QH11 NGÀY 03 THÁNG 12 NĂM 2004 VỀ AN NINH QUỐC GIA", "AN NINH QUỐC GIA"),
            ("CỦA QUỐC HỘI SỐ 21-LCT/HĐNN8 NGÀY 30/06/1989 VỀ BẢO VỆ SỨC KHOẺ NHÂN DÂN", "BẢO VỆ SỨC KHỎE NHÂN DÂN"),
            ("SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ", "DẦU KHÍ"),
            ("DOANH NGHIỆP TƯ NHÂN CỦA QUỐC HỘI SỐ 48-LCT/HĐNN8 NGÀY 21/12/1990", "DOANH NGHIỆP TƯ NHÂN"),
            ("SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẦU TƯ SỐ 18/2000/QH10 NGÀY 09 THÁNG 6 NĂM 2000", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẦU TƯ"),
            ("SỐ 06/2003/QH11 NGÀY 17 THÁNG 6 NĂM 2003 VỀ LUẬT BIÊN GIỚI QUỐC GIA", "BIÊN GIỚI QUỐC GIA"),
            ("KÝ KẾT,GIA NHẬP", "KÝ KẾT, GIA NHẬP"),
            ("LUẬT SƯ", "LUẬT SƯ"),
            ("LÝ LỊCH TƯ PHÁP CỦA QUỐC HỘI KHOÁ XII, KỲ HỌP THỨ 5", "LÝ LỊCH TƯ PHÁP"),
            ("HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN", "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN"),
            ("SỐ 101-SL/L.003 NGÀY 20-5-1957 QUY ĐỊNH QUYỀN TỰ DO HỘI HỌP", "QUY ĐỊNH QUYỀN TỰ DO HỘI HỌP"),
        ];
        for (raw, want) in rows {
            assert_eq!(clean_upper(raw, DocType::Luat), normalize(want), "{raw}");
        }
    }
}
