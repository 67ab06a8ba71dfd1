//! Table tests of the extractor: one row per tricky form, each with its expected readings.
//! The sentences are invented; numbers, dates and issuers are real facts.

use super::*;

/// One reading as a line: `type | number or name | date or year | issuer | pinpoint | self | text`.
fn show(c: &Citation) -> String {
    let what = c.number.clone().or_else(|| c.name.clone()).unwrap_or_else(|| "-".into());
    let when =
        c.date.map(|d| d.to_string()).or_else(|| c.year.map(|y| y.to_string())).unwrap_or_else(|| "-".into());
    format!(
        "{} | {} | {} | {} | {} | {} | {}",
        c.doc_type.map_or("-", |t| t.as_vi()),
        what,
        when,
        c.issuer.as_deref().unwrap_or("-"),
        c.pinpoint_text().unwrap_or_else(|| "-".into()),
        if c.self_ref { "self" } else { "-" },
        c.text
    )
}

fn check(rows: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (input, want) in rows {
        let got: Vec<String> = extract(input).iter().map(show).collect();
        if got != *want {
            failures.push(format!("input: {input}\n  want: {want:#?}\n  got:  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn state_numbers() {
    check(&[
        (
            "Thực hiện Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ về việc này.",
            &["Nghị định | 59/2023/NĐ-CP | 2023-08-14 | Chính phủ | - | - | Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ"],
        ),
        (
            "theo Luật số 10/2022/QH15 của Quốc hội",
            &["Luật | 10/2022/QH15 | 2022 | Quốc hội | - | - | Luật số 10/2022/QH15 của Quốc hội"],
        ),
        (
            "Nghị định 04/2015/NĐ/CP, ngày 09/1/2015 của Chính phủ; tiếp theo",
            &["Nghị định | 04/2015/NĐ-CP | 2015-01-09 | Chính phủ | - | - | Nghị định 04/2015/NĐ/CP, ngày 09/1/2015 của Chính phủ"],
        ),
        (
            "áp dụng Nghị định số 59/2023/NĐ - CP, ngày 14 tháng 8 năm 2023.",
            &["Nghị định | 59/2023/NĐ-CP | 2023-08-14 | - | - | - | Nghị định số 59/2023/NĐ - CP, ngày 14 tháng 8 năm 2023"],
        ),
        (
            "Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN ngày 15/6/2017 quy định",
            &["Nghị quyết liên tịch | 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN | 2017-06-15 | - | - | - | Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN ngày 15/6/2017"],
        ),
        (
            "Chỉ thị số 30/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về công tác dân vận",
            &["Chỉ thị | 30/CT-TTg | 2021-11-26 | Thủ tướng Chính phủ | - | - | Chỉ thị số 30/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"],
        ),
        ("Nghị quyết số 30c/NQ-CP năm 2011", &["Nghị quyết | 30c/NQ-CP | 2011 | - | - | - | Nghị quyết số 30c/NQ-CP năm 2011"]),
        ("Kế hoạch số 70/KH-UBND; các", &["Kế hoạch | 70/KH-UBND | - | - | - | - | Kế hoạch số 70/KH-UBND"]),
        ("CHỈ THỊ SỐ 27/CT-TTG VỀ", &["Chỉ thị | 27/CT-TTg | - | - | - | - | CHỈ THỊ SỐ 27/CT-TTG"]),
        ("Thông tư số 03/2023/TT-BNV hướng dẫn", &["Thông tư | 03/2023/TT-BNV | 2023 | - | - | - | Thông tư số 03/2023/TT-BNV"]),
    ]);
}

#[test]
fn party_numbers() {
    check(&[
        (
            "Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị về trách nhiệm",
            &["Quy định | 11-QĐi/TW | 2019-02-18 | Bộ Chính trị | - | - | Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị"],
        ),
        (
            "trọng tâm là Chỉ thị số 30-CT/TW1, ngày 18/02/1998 của Bộ Chính trị (khóa VIII) về xây dựng",
            &["Chỉ thị | 30-CT/TW | 1998-02-18 | Bộ Chính trị (khóa VIII) | - | - | Chỉ thị số 30-CT/TW1, ngày 18/02/1998 của Bộ Chính trị (khóa VIII)"],
        ),
        (
            "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về",
            &["Nghị quyết | 18-NQ/TW | 2017-10-25 | Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII | - | - | Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII"],
        ),
        ("Kết luận số 120-KL/TW của Bộ Chính trị về", &["Kết luận | 120-KL/TW | - | Bộ Chính trị | - | - | Kết luận số 120-KL/TW của Bộ Chính trị"]),
        (
            "Nghị quyết số 66 - NQ/TU, ngày 10/12/2021 của Ban Thường vụ Tỉnh ủy về",
            &["Nghị quyết | 66-NQ/TU | 2021-12-10 | Ban Thường vụ Tỉnh ủy | - | - | Nghị quyết số 66 - NQ/TU, ngày 10/12/2021 của Ban Thường vụ Tỉnh ủy"],
        ),
        ("Chương trình hành động số 188-CTr/TU của Tỉnh ủy.", &["Chương trình | 188-CTr/TU | - | Tỉnh ủy | - | - | Chương trình hành động số 188-CTr/TU của Tỉnh ủy"]),
        ("Kế hoạch số 234 - KH/ĐUK đã nêu", &["Kế hoạch | 234-KH/ĐUK | - | - | - | - | Kế hoạch số 234 - KH/ĐUK"]),
        ("Quy chế số 06-QC/ĐUK về", &["Quy chế | 06-QC/ĐUK | - | - | - | - | Quy chế số 06-QC/ĐUK"]),
        ("Quyết định số 367-QĐ/TWĐTN của", &["Quyết định | 367-QĐ/TWĐTN | - | - | - | - | Quyết định số 367-QĐ/TWĐTN"]),
        ("Quyết định số 84 QĐ/TW của Ban Bí thư", &["Quyết định | 84-QĐ/TW | - | Ban Bí thư | - | - | Quyết định số 84 QĐ/TW của Ban Bí thư"]),
        // Ð (U+00D0) for Đ, and a doubled "số".
        ("Quy định số số 11-Q\u{00D0}i/TW nêu", &["Quy định | 11-QĐi/TW | - | - | - | - | Quy định số số 11-Q\u{00D0}i/TW"]),
    ]);
}

#[test]
fn government_and_party_thirty_differ() {
    let c = extract("Chỉ thị số 30/CT-TTg và Chỉ thị số 30-CT/TW");
    assert_eq!(c.len(), 2);
    assert_ne!(
        crate::number::key(c[0].number.as_deref().unwrap()),
        crate::number::key(c[1].number.as_deref().unwrap())
    );
}

#[test]
fn named_documents() {
    check(&[
        ("Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;", &["Luật | Thực hiện dân chủ ở cơ sở | 2022 | - | - | - | Luật Thực hiện dân chủ ở cơ sở năm 2022"]),
        ("tổ chức thi hành Luật Tiếp cận thông tin nhằm bảo đảm", &["Luật | Tiếp cận thông tin | - | - | - | - | Luật Tiếp cận thông tin"]),
        ("một số điều của Bộ luật Lao động về hợp đồng", &["Bộ luật | Lao động | - | - | - | - | Bộ luật Lao động"]),
        ("phù hợp Hiến pháp năm 2013 và", &["Hiến pháp | - | 2013 | - | - | - | Hiến pháp năm 2013"]),
        (
            "Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008 quy định",
            &["Luật | Cán bộ, công chức | 2008-11-13 | - | - | - | Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008"],
        ),
        (
            "quán triệt Nghị quyết Đại hội lần thứ XIX của Đảng bộ tỉnh về phát triển",
            &["Nghị quyết | Đại hội lần thứ XIX | - | Đảng bộ tỉnh | - | - | Nghị quyết Đại hội lần thứ XIX của Đảng bộ tỉnh"],
        ),
        ("đã sửa đổi Luật Hôn nhân và gia đình; và", &["Luật | Hôn nhân và gia đình | - | - | - | - | Luật Hôn nhân và gia đình"]),
        (
            "của Luật Doanh nghiệp, Luật An toàn, vệ sinh lao động.",
            &["Luật | Doanh nghiệp | - | - | - | - | Luật Doanh nghiệp", "Luật | An toàn, vệ sinh lao động | - | - | - | - | Luật An toàn, vệ sinh lao động"],
        ),
        (
            "theo Luật Bảo hiểm xã hội số 58/2014/QH13 đã được sửa đổi",
            &["Luật | 58/2014/QH13 | 2014 | - | - | - | Luật Bảo hiểm xã hội số 58/2014/QH13"],
        ),
        ("Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam;", &["Hiến pháp | nước Cộng hòa xã hội chủ nghĩa Việt Nam | - | - | - | - | Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam"]),
        ("Nghị quyết Đại hội đồng cổ đông thường niên", &[]),
        // "luật" inside "pháp luật", a lawyer ("Luật sư"), and a bare "Luật" are not citations.
        ("theo quy định của pháp luật này; Luật sư bào chữa; Luật và", &[]),
    ]);
}

#[test]
fn lists_share_type_date_issuer() {
    check(&[
        (
            "theo Quyết định số 217, 218 của Bộ Chính trị.",
            &[
                "Quyết định | 217 | - | Bộ Chính trị | - | - | Quyết định số 217",
                "Quyết định | 218 | - | Bộ Chính trị | - | - | 218",
            ],
        ),
        (
            "các Nghị định số 59/2023/NĐ-CP và 61/2023/NĐ-CP của Chính phủ",
            &[
                "Nghị định | 59/2023/NĐ-CP | 2023 | Chính phủ | - | - | Nghị định số 59/2023/NĐ-CP",
                "Nghị định | 61/2023/NĐ-CP | 2023 | Chính phủ | - | - | 61/2023/NĐ-CP",
            ],
        ),
    ]);
}

#[test]
fn pinpoints() {
    check(&[
        (
            "chi tiết khoản 4 Điều 23; khoản 4 Điều 33 và khoản 3 Điều 40 của Luật Thực hiện dân chủ ở cơ sở, gồm",
            &[
                "Luật | Thực hiện dân chủ ở cơ sở | - | - | khoản 4 Điều 23 | - | khoản 4 Điều 23",
                "Luật | Thực hiện dân chủ ở cơ sở | - | - | khoản 4 Điều 33 | - | khoản 4 Điều 33",
                "Luật | Thực hiện dân chủ ở cơ sở | - | - | khoản 3 Điều 40 | - | khoản 3 Điều 40 của Luật Thực hiện dân chủ ở cơ sở",
            ],
        ),
        (
            "quy định tại điểm a khoản 1 Điều này",
            &["- | - | - | - | điểm a khoản 1 Điều này | self | điểm a khoản 1 Điều này"],
        ),
        (
            "Điều 1 Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội",
            &["Luật | 10/2022/QH15 | 2022-11-10 | Quốc hội | Điều 1 | - | Điều 1 Luật số 10/2022/QH15 ngày 10/11/2022 của Quốc hội"],
        ),
        (
            "điểm a, b khoản 2 Điều 5 Nghị định này",
            &[
                "Nghị định | - | - | - | điểm a khoản 2 Điều 5 | self | điểm a, b khoản 2 Điều 5 Nghị định này",
                "Nghị định | - | - | - | điểm b khoản 2 Điều 5 | self | điểm a, b khoản 2 Điều 5 Nghị định này",
            ],
        ),
        ("được quy định tại Điều 12.", &["- | - | - | - | Điều 12 | self | Điều 12"]),
        // Article headings, a document's own number and all-caps headings are not references.
        ("Điều 5. Phạm vi điều chỉnh\nLuật số: 10/2022/QH15\nCHƯƠNG VIII\nKỶ LUẬT LAO ĐỘNG\nLUẬT\nTIẾP CẬN THÔNG TIN", &[]),
        // "điều kiện", "một số điều của" are not pinpoints.
        ("đủ điều kiện theo một số điều của", &[]),
    ]);
}

#[test]
fn self_references() {
    check(&[
        ("Luật này có hiệu lực", &["Luật | - | - | - | - | self | Luật này"]),
        ("Nghị định này quy định", &["Nghị định | - | - | - | - | self | Nghị định này"]),
        ("triển khai kế hoạch này tại", &["Kế hoạch | - | - | - | - | self | kế hoạch này"]),
        // Generic plurals and the noun "quy định" are not.
        ("các quy định này và các Nghị định này", &[]),
    ]);
}

#[test]
fn quy_dinh_as_a_verb_is_not_a_citation() {
    check(&[
        (
            "Nghị định số 59/2023/NĐ-CP của Chính phủ về Quy định chi tiết Luật Thực hiện dân chủ ở cơ sở;",
            &[
                "Nghị định | 59/2023/NĐ-CP | 2023 | Chính phủ | - | - | Nghị định số 59/2023/NĐ-CP của Chính phủ",
                "Luật | Thực hiện dân chủ ở cơ sở | - | - | - | - | Luật Thực hiện dân chủ ở cơ sở",
            ],
        ),
        ("Quy định chi tiết một số điều", &[]),
    ]);
}

#[test]
fn line_breaks_and_unicode_quirks() {
    check(&[
        (
            "Nghị định số\n59/2023/NĐ-CP,\nngày 14/8/2023 của Chính phủ\nCác cơ quan",
            &["Nghị định | 59/2023/NĐ-CP | 2023-08-14 | Chính phủ | - | - | Nghị định số\n59/2023/NĐ-CP,\nngày 14/8/2023 của Chính phủ"],
        ),
        // A blank line ends a citation.
        ("Nghị định số\n\n59/2023/NĐ-CP", &[]),
        // Decomposed marks and a no-break space: spans still point into the input.
        (
            "theo Nghi\u{0323} đi\u{0323}nh\u{00A0}số 59/2023/NĐ-CP.",
            &["Nghị định | 59/2023/NĐ-CP | 2023 | - | - | - | Nghi\u{0323} đi\u{0323}nh\u{00A0}số 59/2023/NĐ-CP"],
        ),
        (
            "của Uỷ ban Thường vụ Quốc hội: Nghị quyết liên tịch số 403/2017/NQLT- UBTVQH14- CP- ĐCTUBTWMTTQVN của Uỷ ban Thường vụ Quốc hội, Chính phủ về",
            &["Nghị quyết liên tịch | 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN | 2017 | Ủy ban Thường vụ Quốc hội, Chính phủ | - | - | Nghị quyết liên tịch số 403/2017/NQLT- UBTVQH14- CP- ĐCTUBTWMTTQVN của Uỷ ban Thường vụ Quốc hội, Chính phủ"],
        ),
    ]);
}

#[test]
fn descriptive_titles() {
    check(&[
        (
            "bám sát Kế hoạch công tác năm 2025 của Ban Thường vụ Tỉnh ủy.",
            &["Kế hoạch | công tác | 2025 | Ban Thường vụ Tỉnh ủy | - | - | Kế hoạch công tác năm 2025 của Ban Thường vụ Tỉnh ủy"],
        ),
        (
            "gắn với Chương trình hành động thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng về",
            &[
                "Chương trình | - | - | - | - | - | Chương trình hành động thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng",
                "Nghị quyết | Đại hội lần thứ XIII | - | Đảng | - | - | Nghị quyết Đại hội lần thứ XIII của Đảng",
            ],
        ),
        // Documents being written, and concepts, are not citations.
        ("Xây dựng Kế hoạch công tác năm 2025 của Chi bộ.", &[]),
        ("Trên đây là Kế hoạch công tác năm 2025 của Chi bộ.", &[]),
        ("thực hiện Quy chế dân chủ ở cơ sở của cơ quan", &[]),
    ]);
}

#[test]
fn anchors_of_pinpoints() {
    let c = extract("điểm đ khoản 4 Điều 23 và Điều 5 của Luật Thực hiện dân chủ ở cơ sở; Luật Đất đai");
    let anchors: Vec<Option<String>> = c.iter().map(Citation::anchor).collect();
    assert_eq!(anchors, vec![Some("dieu-23-khoan-4-diem-đ".into()), Some("dieu-5".into()), None]);
}
