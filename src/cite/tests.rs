//! Table tests of the extractor: one row per tricky form, each with its expected readings.
//! The sentences are invented; numbers, dates and issuers are real facts.

use super::*;

/// One reading as a line: `type | number or name | date or year | issuer | pinpoint | self | text`.
fn show(c: &Citation) -> String {
    let what = c.number.clone().or_else(|| c.name.clone()).unwrap_or_else(|| "-".into());
    let when =
        c.date.map(|d| d.to_string()).or_else(|| c.year.map(|y| y.to_string())).unwrap_or_else(|| "-".into());
    let mut links = String::new();
    if let Some(i) = c.within {
        links.push_str(&format!(" | in {i}"));
    }
    if let Some(i) = c.alias_of {
        links.push_str(&format!(" | = {i}"));
    }
    format!(
        "{} | {} | {} | {} | {} | {} | {}{links}",
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
        // Probe 13: a unit's code with a dot or a lower-case letter (cut to "25/TTCP-C",
        // "39/BGDĐT", the date and issuer lost).
        (
            "Công văn số 25/TTCP-C.IV ngày 05/01/2024 của Thanh tra Chính phủ về",
            &["Công văn | 25/TTCP-C.IV | 2024-01-05 | Thanh tra Chính phủ | - | - | Công văn số 25/TTCP-C.IV ngày 05/01/2024 của Thanh tra Chính phủ"],
        ),
        (
            "Công văn số 39/BGDĐT-GDTrH ngày 05/01/2024 của Bộ Giáo dục và Đào tạo;",
            &["Công văn | 39/BGDĐT-GDTRH | 2024-01-05 | Bộ Giáo dục và Đào tạo | - | - | Công văn số 39/BGDĐT-GDTrH ngày 05/01/2024 của Bộ Giáo dục và Đào tạo"],
        ),
        // Probe 16: a symbol of two letters after "số" with its date (the citation was lost);
        // without a date it stays no number.
        (
            "thay thế Quyết định số 57/KT ngày 03 tháng 4 năm 1990 của Cục trưởng.",
            &["Quyết định | 57/KT | 1990-04-03 | Cục trưởng | - | - | Quyết định số 57/KT ngày 03 tháng 4 năm 1990 của Cục trưởng"],
        ),
        ("xem bảng số 57/KT trong phụ lục", &[]),
        // A sentence's dot after a number is no part of it.
        (
            "theo Nghị định số 59/2023/NĐ-CP.Tiếp theo",
            &["Nghị định | 59/2023/NĐ-CP | 2023 | - | - | - | Nghị định số 59/2023/NĐ-CP"],
        ),
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
        // A date written once after the last number is the list's, for numbers with no year
        // of their own; one with its year keeps it (regression: only the last had a date).
        (
            "Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
            &[
                "Nghị quyết | 18-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương | - | - | Nghị quyết số 18-NQ/TW",
                "Nghị quyết | 19-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương | - | - | 19-NQ/TW",
                "Nghị quyết | 20-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương | - | - | 20-NQ/TW ngày 25/10/2017",
            ],
        ),
        (
            "các Nghị định số 15/2018/NĐ-CP, 16/2018/NĐ-CP ngày 9/2/2018",
            &[
                "Nghị định | 15/2018/NĐ-CP | 2018 | - | - | - | Nghị định số 15/2018/NĐ-CP",
                "Nghị định | 16/2018/NĐ-CP | 2018-02-09 | - | - | - | 16/2018/NĐ-CP ngày 9/2/2018",
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
        // A name's year or date after a pinpoint is the document's (it was dropped, and the
        // version in force answered for a repealed one).
        (
            "Căn cứ Điều 35 Bộ luật Lao động năm 2012;",
            &["Bộ luật | Lao động | 2012 | - | Điều 35 | - | Điều 35 Bộ luật Lao động năm 2012"],
        ),
        (
            "theo khoản 2 Điều 5 Luật Đất đai ngày 29 tháng 11 năm 2013 và",
            &["Luật | Đất đai | 2013-11-29 | - | khoản 2 Điều 5 | - | khoản 2 Điều 5 Luật Đất đai ngày 29 tháng 11 năm 2013"],
        ),
        // A name's year written alone, after the name or after a pinpoint (it was dropped, and
        // the bare name answered: "Bộ luật Lao động 2019" went to the 2012 code); a number or a
        // range starting with the year is not one.
        (
            "Căn cứ Bộ luật Lao động 2019; Điều 5 Luật Đất đai 2024.",
            &[
                "Bộ luật | Lao động | 2019 | - | - | - | Bộ luật Lao động 2019",
                "Luật | Đất đai | 2024 | - | Điều 5 | - | Điều 5 Luật Đất đai 2024",
            ],
        ),
        (
            "theo Luật Kinh doanh bất động sản 2023 và Luật Đất đai 2019-2020",
            &[
                "Luật | Kinh doanh bất động sản | 2023 | - | - | - | Luật Kinh doanh bất động sản 2023",
                "Luật | Đất đai | - | - | - | - | Luật Đất đai",
            ],
        ),
        // Article headings, a document's own number and all-caps headings are not references.
        ("Điều 5. Phạm vi điều chỉnh\nLuật số: 10/2022/QH15\nCHƯƠNG VIII\nKỶ LUẬT LAO ĐỘNG\nLUẬT\nTIẾP CẬN THÔNG TIN", &[]),
        // "điều kiện", "một số điều của" are not pinpoints.
        ("đủ điều kiện theo một số điều của", &[]),
    ]);
}

/// A serial alone after a whole type word is a citation (it was not read at all: "Thực hiện
/// Nghị định 59 của Chính phủ" gave nothing); a count or a year after a type word is not.
#[test]
fn bare_serials_after_a_type_word() {
    check(&[
        (
            "Thực hiện Nghị định 145 của Chính phủ và Chỉ thị 05, Kết luận 120.",
            &[
                "Nghị định | 145 | - | Chính phủ | - | - | Nghị định 145 của Chính phủ",
                "Chỉ thị | 05 | - | - | - | - | Chỉ thị 05",
                "Kết luận | 120 | - | - | - | - | Kết luận 120",
            ],
        ),
        (
            "Theo Nghị định 59 năm 2023 quy định",
            &["Nghị định | 59 | 2023 | - | - | - | Nghị định 59 năm 2023"],
        ),
        (
            "Điều 5 Quyết định 217 quy định",
            &["Quyết định | 217 | - | - | Điều 5 | - | Điều 5 Quyết định 217"],
        ),
        // After the whole number of that type and serial, the serial is that document (probe
        // 10: "Thông tư số 50" after 50/2014/TT-BYT got other candidates); after two, neither.
        (
            "Thông tư số 50/2014/TT-BYT; Điều 3 Thông tư số 50; Thông tư 50/2018/TT-BLĐTBXH; Thông tư 50.",
            &[
                "Thông tư | 50/2014/TT-BYT | 2014 | - | - | - | Thông tư số 50/2014/TT-BYT",
                "Thông tư | 50 | - | - | Điều 3 | - | Điều 3 Thông tư số 50 | = 0",
                "Thông tư | 50/2018/TT-BLĐTBXH | 2018 | - | - | - | Thông tư 50/2018/TT-BLĐTBXH",
                "Thông tư | 50 | - | - | - | - | Thông tư 50",
            ],
        ),
        // Counts, years, versions and headings are not serials.
        ("Kế hoạch 5 năm; Quyết định 3 lần; Nghị quyết 2021; Thông tư 2 nhóm; Nghị định 15%", &[]),
        // Probe 10: a span of years and sittings are counts too.
        ("Kế hoạch 5 năm 2021-2025 và Nghị quyết 2 kỳ họp; Kế hoạch 5 năm 2021 – 2025", &[]),
        ("các Nghị định 5 và 6 của", &[]),
        ("NGHỊ ĐỊNH 15 QUY ĐỊNH", &[]),
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
fn article_headings_are_the_texts_own_structure() {
    check(&[
        // A heading on its own line (plain text or Markdown) is no reference.
        ("Điều 3. Giải thích từ ngữ\nCác từ ngữ sau", &[]),
        ("#### Điều 12: Nhiệm vụ của tổ\n1. Họp định kỳ", &[]),
        // "Điều này" under a heading is that article.
        (
            "Điều 7. Hồ sơ\n1. Đơn đề nghị.\n2. Bản sao giấy tờ nêu tại khoản 1 Điều này.",
            &["- | - | - | - | khoản 1 Điều 7 | self | khoản 1 Điều này"],
        ),
        // Not headings: a reference inside a line, a quoted heading of an amended text (its
        // "Điều này" is the amended article's, left as written), a heading with its clause.
        ("theo Điều 5. Ngoài ra", &["- | - | - | - | Điều 5 | self | Điều 5"]),
        (
            "Điều 1. Sửa đổi\n“Điều 9. Quyền\nNgười nêu tại khoản 2 Điều này",
            &[
                "- | - | - | - | Điều 9 | self | Điều 9",
                "- | - | - | - | khoản 2 Điều này | self | khoản 2 Điều này",
            ],
        ),
        ("khoản 2 Điều 5. Ngoài ra", &["- | - | - | - | khoản 2 Điều 5 | self | khoản 2 Điều 5"]),
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
        // A blank line ends a citation: the number after it stands alone, its type from its symbol.
        ("Nghị định số\n\n59/2023/NĐ-CP", &["Nghị định | 59/2023/NĐ-CP | 2023 | - | - | - | 59/2023/NĐ-CP"]),
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
                "Chương trình | hành động thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng | - | - | - | - | Chương trình hành động thực hiện Nghị quyết Đại hội lần thứ XIII của Đảng",
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

#[test]
fn line_breaks_inside_type_words() {
    check(&[
        (
            "căn cứ Nghị\nquyết số 21-NQ/TW ngày 16/12/2022 của Bộ Chính trị về",
            &["Nghị quyết | 21-NQ/TW | 2022-12-16 | Bộ Chính trị | - | - | Nghị\nquyết số 21-NQ/TW ngày 16/12/2022 của Bộ Chính trị"],
        ),
        ("theo Chỉ\nthị số 05-CT/TW của", &["Chỉ thị | 05-CT/TW | - | - | - | - | Chỉ\nthị số 05-CT/TW"]),
        (
            "Nghị Quyết Liên Tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008 hướng dẫn",
            &["Nghị quyết liên tịch | 09/2008/NQLT-CP-UBTWMTTQVN | 2008-04-17 | - | - | - | Nghị Quyết Liên Tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008"],
        ),
        // A table cell ending in "Bộ" above a law's name is not "Bộ luật".
        ("của Bộ, cơ quan ngang Bộ\nLuật Giáo dục nghề nghiệp số 74/2014/QH13", &["Luật | 74/2014/QH13 | 2014 | - | - | - | Luật Giáo dục nghề nghiệp số 74/2014/QH13"]),
        // A blank line inside the type word ends it.
        ("Nghị\n\nquyết số 21-NQ/TW", &["Nghị quyết | 21-NQ/TW | - | - | - | - | 21-NQ/TW"]),
    ]);
}

#[test]
fn citations_in_capitals() {
    check(&[
        (
            "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 17-CTR/TU NGÀY 26/9/2013 CỦA TỈNH ỦY VỀ",
            &["Chương trình | 17-CTr/TU | 2013-09-26 | TỈNH ỦY | - | - | CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 17-CTR/TU NGÀY 26/9/2013 CỦA TỈNH ỦY"],
        ),
        ("QUYẾT ĐỊNH SỐ 05/2020/QĐ-UBND", &["Quyết định | 05/2020/QĐ-UBND | 2020 | - | - | - | QUYẾT ĐỊNH SỐ 05/2020/QĐ-UBND"]),
        // Headings in capitals without a number are not citations.
        ("KẾ HOẠCH\nTHỰC HIỆN QUY CHẾ DÂN CHỦ NĂM 2024\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN CHẤP HÀNH", &[]),
    ]);
}

#[test]
fn numbers_with_unusual_separators() {
    check(&[
        ("Chỉ thị số 27/CTTg ngày 05/7/1995 về", &["Chỉ thị | 27/CT-TTg | 1995-07-05 | - | - | - | Chỉ thị số 27/CTTg ngày 05/7/1995"]),
        (
            "Nghị quyết liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN ngày 04/12/2008 về",
            &["Nghị quyết liên tịch | 19/2008/NQLT-CP-UBTUMTTQVN | 2008-12-04 | - | - | - | Nghị quyết liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN ngày 04/12/2008"],
        ),
        ("Công văn số 2231/SNV-CCHC&PC ngày 3/8/2022 của", &["Công văn | 2231/SNV-CCHC&PC | 2022-08-03 | - | - | - | Công văn số 2231/SNV-CCHC&PC ngày 3/8/2022"]),
        ("Kế hoạch số 51/KH- UBND ngày 12/3/2020;", &["Kế hoạch | 51/KH-UBND | 2020-03-12 | - | - | - | Kế hoạch số 51/KH- UBND ngày 12/3/2020"]),
        (
            "Thông tư hướng dẫn số 683/ VGNN-KHCS ngày 10 tháng 9 năm 1984 của Uỷ ban Vật giá Nhà nước;",
            &["Thông tư | 683/VGNN-KHCS | 1984-09-10 | Ủy ban Vật giá Nhà nước | - | - | Thông tư hướng dẫn số 683/ VGNN-KHCS ngày 10 tháng 9 năm 1984 của Uỷ ban Vật giá Nhà nước"],
        ),
    ]);
}

#[test]
fn a_serial_with_its_year_after_the_type_word() {
    // The symbol left out, as plans often write it: read, its year kept (the resolver takes
    // it as a serial of that year).
    check(&[
        (
            "theo Điều 5 Nghị định 145/2020 thì",
            &["Nghị định | 145/2020 | 2020 | - | Điều 5 | - | Điều 5 Nghị định 145/2020"],
        ),
        (
            "Thông tư 01/2021 của Bộ Tài chính quy định",
            &["Thông tư | 01/2021 | 2021 | Bộ Tài chính | - | - | Thông tư 01/2021 của Bộ Tài chính"],
        ),
        // A date is not a number: "ngày" and a day/month are never read as a serial/year.
        ("Nghị định ngày 14/12/2020 về", &[]),
    ]);
}

#[test]
fn type_from_symbol_and_abbreviations() {
    check(&[
        ("Theo 59/2023/NĐ-CP, cơ quan", &["Nghị định | 59/2023/NĐ-CP | 2023 | - | - | - | 59/2023/NĐ-CP"]),
        (
            "| 2 | 13/2023/NĐ-CP | Bảo vệ dữ liệu |",
            &["Nghị định | 13/2023/NĐ-CP | 2023 | - | - | - | 13/2023/NĐ-CP"],
        ),
        (
            "tinh thần 35-CT/TW của Bộ Chính trị",
            &["Chỉ thị | 35-CT/TW | - | Bộ Chính trị | - | - | 35-CT/TW của Bộ Chính trị"],
        ),
        (
            "xem NĐ 145/2020 và NĐ145, QĐ217",
            &[
                "Nghị định | 145/2020 | 2020 | - | - | - | NĐ 145/2020",
                "Nghị định | 145 | - | - | - | - | NĐ145",
                "Quyết định | 217 | - | - | - | - | QĐ217",
            ],
        ),
        (
            "theo BLLĐ, BLDS 2015 và BLTTHS;",
            &[
                "Bộ luật | Lao động | - | - | - | - | BLLĐ",
                "Bộ luật | Dân sự | 2015 | - | - | - | BLDS 2015",
                "Bộ luật | Tố tụng hình sự | - | - | - | - | BLTTHS",
            ],
        ),
        ("phù hợp Hiến pháp 2013 và", &["Hiến pháp | - | 2013 | - | - | - | Hiến pháp 2013"]),
        // Dates, table headers, a symbol alone and abbreviations without a number are not citations.
        ("ngày 18/9/2019 và 14/8/2023; TT 5; Số TT; NĐ-CP; BLĐTBXH; QCVN", &[]),
        // Form codes and file names are not documents; a number without its year stands alone only
        // with its date.
        ("theo Mẫu số 01/TB-BSTT và mẫu 07/2013/TT-LLTP; tệp Mẫu số 06.NĐ118.doc; ô 04/BC-BNG", &[]),
        // A header's own number.
        ("TỈNH ỦY YÊN BÁI\nSố 45-KH/TU\nSố: 46-KH/TU", &[]),
        ("căn cứ số 45-KH/TU", &["Kế hoạch | 45-KH/TU | - | - | - | - | 45-KH/TU"]),
        (
            "theo 90/QĐ-TTg ngày 12/01/2018 và",
            &["Quyết định | 90/QĐ-TTg | 2018-01-12 | - | - | - | 90/QĐ-TTg ngày 12/01/2018"],
        ),
    ]);
}

#[test]
fn technical_standards() {
    check(&[(
        "đạt QCVN 02:2019/BLĐTBXH và TCVN 7391:2020.",
        &[
            "Quy chuẩn kỹ thuật quốc gia | QCVN 02:2019/BLĐTBXH | 2019 | - | - | - | QCVN 02:2019/BLĐTBXH",
            "Tiêu chuẩn quốc gia | TCVN 7391:2020 | 2020 | - | - | - | TCVN 7391:2020",
        ],
    ), (
        // Valid11: a space after the colon (the regulation was not read at all).
        "ban hành QCVN 07: 2014/BXD về thang cuốn",
        &["Quy chuẩn kỹ thuật quốc gia | QCVN 07:2014/BXD | 2014 | - | - | - | QCVN 07: 2014/BXD"],
    )]);
}

#[test]
fn one_type_word_for_a_list_with_dates() {
    check(&[
        // Probe 13: a pinpoint before a list is every member's (a bare pinpoint was read).
        (
            "theo Điều 3 của các Thông tư số 01/2019/TT-BLĐTBXH và số 02/2020/TT-BLĐTBXH thì",
            &[
                "Thông tư | 01/2019/TT-BLĐTBXH | 2019 | - | Điều 3 | - | Điều 3 của các Thông tư số 01/2019/TT-BLĐTBXH",
                "Thông tư | 02/2020/TT-BLĐTBXH | 2020 | - | Điều 3 | - | số 02/2020/TT-BLĐTBXH",
            ],
        ),
        // Probe 13: "QĐ" of a further Party number is the list's Quy định.
        (
            "Căn cứ các Quy định số 11-QĐi/TW ngày 14/02/2023 của Bộ Chính trị, số 124-QĐ/TW ngày 04/10/2023 của Ban Bí thư;",
            &[
                "Quy định | 11-QĐi/TW | 2023-02-14 | Bộ Chính trị | - | - | Quy định số 11-QĐi/TW ngày 14/02/2023 của Bộ Chính trị",
                "Quy định | 124-QĐ/TW | 2023-10-04 | Ban Bí thư | - | - | số 124-QĐ/TW ngày 04/10/2023 của Ban Bí thư",
            ],
        ),
        // The last member after "và": the list's issuer too.
        (
            "Căn cứ các Nghị định của Chính phủ: số 15/2018/NĐ-CP ngày 1/2/2018; số 16/2018/NĐ-CP ngày 2/2/2018 và số 17/2018/NĐ-CP ngày 3/2/2018.",
            &[
                "Nghị định | 15/2018/NĐ-CP | 2018-02-01 | Chính phủ | - | - | số 15/2018/NĐ-CP ngày 1/2/2018",
                "Nghị định | 16/2018/NĐ-CP | 2018-02-02 | Chính phủ | - | - | số 16/2018/NĐ-CP ngày 2/2/2018",
                "Nghị định | 17/2018/NĐ-CP | 2018-02-03 | Chính phủ | - | - | số 17/2018/NĐ-CP ngày 3/2/2018",
            ],
        ),
        (
            "Hủy bỏ các Quyết định của Ủy ban nhân dân huyện: Số 120/QĐ-UBND ngày 02/4/2018 về việc giao đất; số 45/QĐ- UBND ngày 11/6/2019 về việc thu hồi đất; số 7/QĐ-UBND ngày 09/01/2021 về việc điều chỉnh.",
            &[
                "Quyết định | 120/QĐ-UBND | 2018-04-02 | Ủy ban nhân dân huyện | - | - | Số 120/QĐ-UBND ngày 02/4/2018",
                "Quyết định | 45/QĐ-UBND | 2019-06-11 | Ủy ban nhân dân huyện | - | - | số 45/QĐ- UBND ngày 11/6/2019",
                "Quyết định | 7/QĐ-UBND | 2021-01-09 | Ủy ban nhân dân huyện | - | - | số 7/QĐ-UBND ngày 09/01/2021",
            ],
        ),
        // Each member may name its own issuer; references inside a subject are read too.
        (
            "thay thế các Quyết định: số 10/2019/QĐ-UBND ngày 2/4/2019 của Ủy ban nhân dân tỉnh về phí; số 22/2020/QĐ-UBND ngày 5/5/2020 về việc sửa đổi Quyết định 10/2019/QĐ-UBND ngày 2/4/2019; số 3/2021/QĐ-UBND ngày 1/2/2021.",
            &[
                "Quyết định | 10/2019/QĐ-UBND | 2019-04-02 | Ủy ban nhân dân tỉnh | - | - | số 10/2019/QĐ-UBND ngày 2/4/2019 của Ủy ban nhân dân tỉnh",
                "Quyết định | 22/2020/QĐ-UBND | 2020-05-05 | - | - | - | số 22/2020/QĐ-UBND ngày 5/5/2020",
                "Quyết định | 10/2019/QĐ-UBND | 2019-04-02 | - | - | - | Quyết định 10/2019/QĐ-UBND ngày 2/4/2019",
                "Quyết định | 3/2021/QĐ-UBND | 2021-02-01 | - | - | - | số 3/2021/QĐ-UBND ngày 1/2/2021",
            ],
        ),
        // A list inside a member's subject does not read the next member twice; a further state
        // number names its own type.
        (
            "thay thế các Quyết định: số 7/2010/QĐ-TTg ngày 1/2/2010 về việc sửa Quyết định số 3/2009/QĐ-TTg ngày 5/1/2009, số 2/2012/TTLT-BQP-BTC ngày 3/3/2012.",
            &[
                "Quyết định | 7/2010/QĐ-TTg | 2010-02-01 | - | - | - | số 7/2010/QĐ-TTg ngày 1/2/2010",
                "Quyết định | 3/2009/QĐ-TTg | 2009-01-05 | - | - | - | Quyết định số 3/2009/QĐ-TTg ngày 5/1/2009",
                "Thông tư liên tịch | 2/2012/TTLT-BQP-BTC | 2012-03-03 | - | - | - | số 2/2012/TTLT-BQP-BTC ngày 3/3/2012",
            ],
        ),
        // What the plural type word says of its members before the colon (valid11: the
        // members were not read as a list).
        (
            "thay thế Quyết định số 4/2008/QĐ-BTC và các Thông tư sửa đổi, bổ sung: số 17/2009/TT-BTC ngày 2/3/2009, số 61/2010/TT-BTC ngày 9/4/2010.",
            &[
                "Quyết định | 4/2008/QĐ-BTC | 2008 | - | - | - | Quyết định số 4/2008/QĐ-BTC",
                "Thông tư | 17/2009/TT-BTC | 2009-03-02 | - | - | - | số 17/2009/TT-BTC ngày 2/3/2009",
                "Thông tư | 61/2010/TT-BTC | 2010-04-09 | - | - | - | số 61/2010/TT-BTC ngày 9/4/2010",
            ],
        ),
        ("theo Quyết định số 5/2011/QĐ-TTg, 8/2012/TT-BTC", &[
            "Quyết định | 5/2011/QĐ-TTg | 2011 | - | - | - | Quyết định số 5/2011/QĐ-TTg",
            "Thông tư | 8/2012/TT-BTC | 2012 | - | - | - | 8/2012/TT-BTC",
        ]),
        // No colon: the type word, then members with subjects between them, separated by ";" or ",".
        (
            "bãi bỏ các Quyết định số 5/2018/QĐ-UBND ngày 1/3/2018 về giá đất, số 9/2019/QĐ-UBND ngày 4/4/2019 về phí; số 12/2020/QĐ-UBND ngày 6/6/2020.",
            &[
                "Quyết định | 5/2018/QĐ-UBND | 2018-03-01 | - | - | - | Quyết định số 5/2018/QĐ-UBND ngày 1/3/2018",
                "Quyết định | 9/2019/QĐ-UBND | 2019-04-04 | - | - | - | số 9/2019/QĐ-UBND ngày 4/4/2019",
                "Quyết định | 12/2020/QĐ-UBND | 2020-06-06 | - | - | - | số 12/2020/QĐ-UBND ngày 6/6/2020",
            ],
        ),
        (
            "các Kế hoạch số 12/KH-UBND ngày 3/2/2020 và số 40/KH-UBND ngày 5/6/2021 của",
            &[
                "Kế hoạch | 12/KH-UBND | 2020-02-03 | - | - | - | Kế hoạch số 12/KH-UBND ngày 3/2/2020",
                "Kế hoạch | 40/KH-UBND | 2021-06-05 | - | - | - | số 40/KH-UBND ngày 5/6/2021",
            ],
        ),
    ]);
}

#[test]
fn amending_laws_by_title() {
    check(&[
        // Probe 13: two years of one title, two amending laws (the second was lost).
        (
            "theo Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan mẫu năm 2008 và năm 2014;",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Sĩ quan mẫu | 2008 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Sĩ quan mẫu năm 2008",
                "Luật | Sĩ quan mẫu | - | - | - | - | Luật Sĩ quan mẫu | in 0",
                "Luật | sửa đổi, bổ sung một số điều của Luật Sĩ quan mẫu | 2014 | - | - | - | năm 2014",
            ],
        ),
        ("Căn cứ Luật Đất đai năm 2003 và năm 2013;", &["Luật | Đất đai | 2003 | - | - | - | Luật Đất đai năm 2003", "Luật | Đất đai | 2013 | - | - | - | năm 2013"]),
        ("Luật Đất đai năm 2013 và năm nay", &["Luật | Đất đai | 2013 | - | - | - | Luật Đất đai năm 2013"]),
        // Probe 13: what the law amends besides articles, before "của" (read as the base law
        // alone, and its date taken as the base law's).
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê ngày 12 tháng 11 năm 2021;",
            &[
                "Luật | sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê | 2021-11-12 | - | - | - | Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê ngày 12 tháng 11 năm 2021",
                "Luật | Thống kê | - | - | - | - | Luật Thống kê | in 0",
            ],
        ),
        // Probe 13: a pinpoint before the amending law's title is its own (it was a bare
        // pinpoint, and the title read apart).
        (
            "theo khoản 3 Điều 1 Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học ngày 19 tháng 11 năm 2018;",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Giáo dục đại học | 2018-11-19 | - | khoản 3 Điều 1 | - | khoản 3 Điều 1 Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học ngày 19 tháng 11 năm 2018",
                "Luật | Giáo dục đại học | - | - | - | - | Luật Giáo dục đại học | in 0",
            ],
        ),
        (
            "Căn cứ Luật Tổ chức Quốc hội ngày 20 tháng 11 năm 2014; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội ngày 19 tháng 6 năm 2020;",
            &[
                "Luật | Tổ chức Quốc hội | 2014-11-20 | - | - | - | Luật Tổ chức Quốc hội ngày 20 tháng 11 năm 2014",
                "Luật | sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội | 2020-06-19 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội ngày 19 tháng 6 năm 2020",
                "Luật | Tổ chức Quốc hội | - | - | - | - | Luật Tổ chức Quốc hội | in 1",
            ],
        ),
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở ngày 05 tháng 7 năm 2024 (sau đây gọi là Luật Đất đai); Điều 3 Luật Đất đai",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở | 2024-07-05 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Đất đai và Luật Nhà ở ngày 05 tháng 7 năm 2024",
                "Luật | Đất đai | - | - | - | - | Luật Đất đai | in 0",
                "Luật | Nhà ở | - | - | - | - | Luật Nhà ở | in 0",
                "Luật | Đất đai | - | - | Điều 3 | - | Điều 3 Luật Đất đai | = 0",
            ],
        ),
        // Probe 16: a base law's abbreviation in parentheses ends no list of base laws (the
        // title was cut before it, and its year lost).
        (
            "thực hiện theo Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng (GTGT), Luật Quản lý thuế (QLT) và Luật Phí năm 2016.",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng (GTGT), Luật Quản lý thuế (QLT) và Luật Phí | 2016 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng (GTGT), Luật Quản lý thuế (QLT) và Luật Phí năm 2016",
                "Luật | Thuế giá trị gia tăng | - | - | - | - | Luật Thuế giá trị gia tăng | in 0",
                "Luật | Quản lý thuế | - | - | - | - | Luật Quản lý thuế | in 0",
                "Luật | Phí | - | - | - | - | Luật Phí | in 0",
            ],
        ),
    ]);
}

#[test]
fn omnibus_amending_laws_counting_the_laws_they_amend() {
    check(&[
        // Probe 13: with a year alone, or nothing after its subject (nothing was read).
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch năm 2018;",
            &["Luật | sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch | 2018 | - | - | - | Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch năm 2018"],
        ),
        (
            "theo Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch; và",
            &["Luật | sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch | - | - | - | - | Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch"],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của 11 luật có liên quan đến quy hoạch ngày 15 tháng 6 năm 2018;",
            &["Luật | sửa đổi, bổ sung một số điều của 11 luật có liên quan đến quy hoạch | 2018-06-15 | - | - | - | Luật sửa đổi, bổ sung một số điều của 11 luật có liên quan đến quy hoạch ngày 15 tháng 6 năm 2018"],
        ),
        (
            "theo Luật sửa đổi, bổ sung một số điều của các luật về đầu tư số 03/2022/QH15 và",
            &["Luật | 03/2022/QH15 | 2022 | - | - | - | Luật sửa đổi, bổ sung một số điều của các luật về đầu tư số 03/2022/QH15"],
        ),
        (
            "Luật sửa đổi, bổ sung một số điều của một số luật về thuế ngày 26 tháng 11 năm 2014",
            &["Luật | sửa đổi, bổ sung một số điều của một số luật về thuế | 2014-11-26 | - | - | - | Luật sửa đổi, bổ sung một số điều của một số luật về thuế ngày 26 tháng 11 năm 2014"],
        ),
        // Probe 16: its number before the clause's date ends it (it ran to the date).
        (
            "Luật sửa đổi, bổ sung một số điều của các luật về thuế số 71/2014/QH13 có hiệu lực từ ngày 01 tháng 01 năm 2015.",
            &["Luật | 71/2014/QH13 | 2014 | - | - | - | Luật sửa đổi, bổ sung một số điều của các luật về thuế số 71/2014/QH13"],
        ),
        // Probe 16: a plural subject with nothing after it (nothing was read).
        (
            "hướng dẫn Luật sửa đổi, bổ sung một số điều của các Luật về thuế; và",
            &["Luật | sửa đổi, bổ sung một số điều của các Luật về thuế | - | - | - | - | Luật sửa đổi, bổ sung một số điều của các Luật về thuế"],
        ),
        (
            "thi hành Luật sửa đổi, bổ sung một số điều của các Luật Thuế.",
            &["Luật | sửa đổi, bổ sung một số điều của các Luật Thuế | - | - | - | - | Luật sửa đổi, bổ sung một số điều của các Luật Thuế"],
        ),
    ]);
}

#[test]
fn amending_laws_listing_many_laws() {
    // Nine base laws: the amending law keeps its date (probe 8: the list was cut at eight and
    // the date went to the ninth law).
    let nine = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Đầu tư, Luật Nhà ở, Luật Đấu thầu, Luật Điện lực, Luật Doanh nghiệp, Luật Hải quan, Luật Thuế tiêu thụ đặc biệt và Luật Thi hành án dân sự ngày 11 tháng 01 năm 2022;";
    let c = extract(nine);
    assert_eq!(c.len(), 10, "{c:#?}");
    assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-01-11"));
    assert!(c[1..].iter().all(|b| b.within == Some(0) && b.date.is_none()), "{c:#?}");
    check(&[
        // A base law whose name starts with "Các" is read, and so is the amending law around it.
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Nhà ở, Luật Đất đai và Luật Các tổ chức tín dụng ngày 29 tháng 6 năm 2024;",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Nhà ở, Luật Đất đai và Luật Các tổ chức tín dụng | 2024-06-29 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Nhà ở, Luật Đất đai và Luật Các tổ chức tín dụng ngày 29 tháng 6 năm 2024",
                "Luật | Nhà ở | - | - | - | - | Luật Nhà ở | in 0",
                "Luật | Đất đai | - | - | - | - | Luật Đất đai | in 0",
                "Luật | Các tổ chức tín dụng | - | - | - | - | Luật Các tổ chức tín dụng | in 0",
            ],
        ),
        (
            "Căn cứ Luật Các tổ chức tín dụng ngày 18 tháng 01 năm 2024;",
            &["Luật | Các tổ chức tín dụng | 2024-01-18 | - | - | - | Luật Các tổ chức tín dụng ngày 18 tháng 01 năm 2024"],
        ),
        // A base law that cannot be read does not lose the amending law: its title runs to the
        // date that closes the clause.
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Nhà ở và Luật 2 ngày 29 tháng 6 năm 2024;",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Nhà ở và Luật 2 | 2024-06-29 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Nhà ở và Luật 2 ngày 29 tháng 6 năm 2024",
                "Luật | Nhà ở | - | - | - | - | Luật Nhà ở | in 0",
            ],
        ),
        // Lower-case "các" after a type word is not a name.
        ("theo Luật các cơ quan phải", &[]),
    ]);
}

#[test]
fn amending_law_numbers_and_headers() {
    check(&[
        (
            "theo Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa số 32/2009/QH12 và",
            &[
                "Luật | 32/2009/QH12 | 2009 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Di sản văn hóa số 32/2009/QH12",
                "Luật | Di sản văn hóa | - | - | - | - | Luật Di sản văn hóa | in 0",
            ],
        ),
        // A law's own header in capitals, and a footnote number on the next line.
        ("LUẬT\nCỦA QUỐC HỘI SỐ 21-LCT/HĐNN8 NGÀY 30/06/1989", &[]),
        (
            "Luật số 10/2022/QH15 của Quốc hội\n2 Các cơ quan",
            &["Luật | 10/2022/QH15 | 2022 | Quốc hội | - | - | Luật số 10/2022/QH15 của Quốc hội"],
        ),
    ]);
}

#[test]
fn amending_title_numbers_of_another_year_are_the_base_laws() {
    // The official title writes the base law's number; the amending law's date follows (probe
    // 11: read as the amending law's number, with false date and name warnings). A number of
    // the date's year stays the amending law's.
    check(&[
        (
            "Căn cứ Luật Sửa đổi, bổ sung một số điều của Bộ luật Hình sự số 100/2015/QH13 ngày 20 tháng 6 năm 2017;",
            &[
                "Luật | Sửa đổi, bổ sung một số điều của Bộ luật Hình sự | 2017-06-20 | - | - | - | Luật Sửa đổi, bổ sung một số điều của Bộ luật Hình sự số 100/2015/QH13 ngày 20 tháng 6 năm 2017",
                "Bộ luật | 100/2015/QH13 | - | - | - | - | Bộ luật Hình sự | in 0",
            ],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Mẫu số 63/2020/QH14 ngày 18 tháng 6 năm 2020;",
            &[
                "Luật | 63/2020/QH14 | 2020-06-18 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Mẫu số 63/2020/QH14 ngày 18 tháng 6 năm 2020",
                "Luật | Mẫu | - | - | - | - | Luật Mẫu | in 0",
            ],
        ),
    ]);
}

#[test]
fn amending_law_lists_only_laws() {
    // A numbered amending law and its title: the base laws are inside it (probe 8: "Luật Cư
    // trú" there went to the 2020 law, seven years after the amendment).
    check(&[(
        "Căn cứ Luật số 36/2013/QH13 sửa đổi, bổ sung một số điều của Luật Cư trú và Luật Nhà ở; Luật Cư trú.",
        &[
            "Luật | 36/2013/QH13 | 2013 | - | - | - | Luật số 36/2013/QH13",
            "Luật | Cư trú | - | - | - | - | Luật Cư trú | in 0",
            "Luật | Nhà ở | - | - | - | - | Luật Nhà ở | in 0",
            "Luật | Cư trú | - | - | - | - | Luật Cư trú",
        ],
    )]);
    check(&[(
        "Luật sửa đổi, bổ sung một số điều của Luật Quản lý thuế và Nghị định số 83/2013/NĐ-CP ngày 22/7/2013 của Chính phủ",
        &[
            "Luật | sửa đổi, bổ sung một số điều của Luật Quản lý thuế | - | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Quản lý thuế",
            "Luật | Quản lý thuế | - | - | - | - | Luật Quản lý thuế | in 0",
            "Nghị định | 83/2013/NĐ-CP | 2013-07-22 | Chính phủ | - | - | Nghị định số 83/2013/NĐ-CP ngày 22/7/2013 của Chính phủ",
        ],
    )]);
}

#[test]
fn names_bounded_by_the_lexicon() {
    check(&[
        // Probe 13: a known name written in lower case, with its year, date or pinpoint (nothing
        // was read); an unknown lower-case word after "Luật" is running text.
        (
            "Căn cứ Luật phòng, chống tham nhũng năm 2018; Điều 33 Luật đất đai quy định",
            &[
                "Luật | phòng, chống tham nhũng | 2018 | - | - | - | Luật phòng, chống tham nhũng năm 2018",
                "Luật | đất đai | - | - | Điều 33 | - | Điều 33 Luật đất đai",
            ],
        ),
        (
            "Căn cứ Luật thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
            &["Luật | thực hiện dân chủ ở cơ sở | 2022-11-10 | - | - | - | Luật thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022"],
        ),
        ("theo Luật hiện hành và Luật này", &["Luật | - | - | - | - | self | Luật này"]),
        // Running text after a name: a word of the sentence is not part of it (trial 6).
        ("Phổ biến Luật Đất đai tới các hộ dân.", &["Luật | Đất đai | - | - | - | - | Luật Đất đai"]),
        ("Bộ luật Lao động vẫn giữ quy định", &["Bộ luật | Lao động | - | - | - | - | Bộ luật Lao động"]),
        (
            "Căn cứ Luật Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6 năm 2020;",
            &["Luật | Đầu tư theo phương thức đối tác công tư | 2020-06-18 | - | - | - | Luật Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6 năm 2020"],
        ),
        (
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Luật Phòng, chống tác hại của thuốc lá năm 2012;",
            &[
                "Luật | Thi đua, khen thưởng | 2022-06-15 | - | - | - | Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                "Luật | Phòng, chống tác hại của thuốc lá | 2012 | - | - | - | Luật Phòng, chống tác hại của thuốc lá năm 2012",
            ],
        ),
        // A longer known name matches past "theo": the whole name is kept, never "Đầu tư".
        (
            "tại Điều 4 Luật Đầu tư theo phương thức PPP (sau đây gọi là Luật PPP), khoản 2 Điều 15 Luật PPP và Điều 9 Luật PPP.",
            &[
                "Luật | Đầu tư theo phương thức PPP | - | - | Điều 4 | - | Điều 4 Luật Đầu tư theo phương thức PPP",
                "Luật | PPP | - | - | khoản 2 Điều 15 | - | khoản 2 Điều 15 Luật PPP | = 0",
                "Luật | PPP | - | - | Điều 9 | - | Điều 9 Luật PPP | = 0",
            ],
        ),
        // A name, then a number with its year and no "số": the number decides.
        (
            "theo Bộ luật Lao động 10/2012/QH13 đã hết hiệu lực",
            &["Bộ luật | 10/2012/QH13 | 2012 | - | - | - | Bộ luật Lao động 10/2012/QH13"],
        ),
        // Words the name reader does not take, then a dated number: one numbered citation.
        (
            "Luật kiểm toán độc lập số 67/2011/QH12 và Nghị định quy định chi tiết một số điều.",
            &["Luật | 67/2011/QH12 | 2011 | - | - | - | Luật kiểm toán độc lập số 67/2011/QH12"],
        ),
        (
            "theo Nghị định của Chính phủ số 91/2014/NĐ-CP ngày 01 tháng 10 năm 2014;",
            &["Nghị định | 91/2014/NĐ-CP | 2014-10-01 | - | - | - | Nghị định của Chính phủ số 91/2014/NĐ-CP ngày 01 tháng 10 năm 2014"],
        ),
        // A short name followed by a word that ends a name is the short name alone.
        (
            "theo Luật Đầu tư theo phương thức đối tác công tư (sau đây gọi là Luật PPP); khoản 1 Điều 8 Luật PPP và nghiệm thu công trình.",
            &[
                "Luật | Đầu tư theo phương thức đối tác công tư | - | - | - | - | Luật Đầu tư theo phương thức đối tác công tư",
                "Luật | PPP | - | - | khoản 1 Điều 8 | - | khoản 1 Điều 8 Luật PPP | = 0",
            ],
        ),
        // Probe 13: a short name holding a comma before a lower-case word (read back as
        // "Luật Rượu", unresolved).
        (
            "theo Luật Phòng, chống tác hại của rượu, bia (sau đây gọi là Luật Rượu, bia); khoản 2 Điều 5 Luật Rượu, bia quy định.",
            &[
                "Luật | Phòng, chống tác hại của rượu, bia | - | - | - | - | Luật Phòng, chống tác hại của rượu, bia",
                "Luật | Rượu, bia | - | - | khoản 2 Điều 5 | - | khoản 2 Điều 5 Luật Rượu, bia | = 0",
            ],
        ),
        // A short name that is a serial: later references by that serial are the defined
        // document ("Nghị định 145" was not read at all, "Điều 3 Luật số 69" was ambiguous).
        (
            "Căn cứ Nghị định số 145/2020/NĐ-CP (sau đây gọi tắt là Nghị định 145); Điều 57 Nghị định 145 quy định.",
            &[
                "Nghị định | 145/2020/NĐ-CP | 2020 | - | - | - | Nghị định số 145/2020/NĐ-CP",
                "Nghị định | 145 | - | - | Điều 57 | - | Điều 57 Nghị định 145 | = 0",
            ],
        ),
        (
            "Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014 (sau đây gọi là Luật số 58); Điều 3 Luật số 58 và Nghị định 58.",
            &[
                "Luật | Bảo hiểm xã hội | 2014-11-20 | - | - | - | Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014",
                "Luật | 58 | - | - | Điều 3 | - | Điều 3 Luật số 58 | = 0",
                "Nghị định | 58 | - | - | - | - | Nghị định 58",
            ],
        ),
        // Probe 16: a short name defined after the amendments listed behind a document names
        // that document as amended, never the last amending law (which the pinpoints reached).
        (
            "xử lý theo Bộ luật Hình sự số 100/2015/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 12/2017/QH14 (sau đây gọi là Bộ luật Hình sự); Điều 51 Bộ luật Hình sự áp dụng.",
            &[
                "Bộ luật | 100/2015/QH13 | 2015 | - | - | - | Bộ luật Hình sự số 100/2015/QH13",
                "Luật | 12/2017/QH14 | 2017 | - | - | - | Luật số 12/2017/QH14",
                "Bộ luật | Hình sự | - | - | Điều 51 | - | Điều 51 Bộ luật Hình sự | = 0",
            ],
        ),
        (
            "chi trả theo Luật Bảo hiểm y tế số 25/2008/QH12, được sửa đổi, bổ sung bởi Luật số 46/2014/QH13 và Luật số 51/2024/QH15 (sau đây gọi là Luật BHYT), mức hưởng tại khoản 1 Điều 22 Luật BHYT.",
            &[
                "Luật | 25/2008/QH12 | 2008 | - | - | - | Luật Bảo hiểm y tế số 25/2008/QH12",
                "Luật | 46/2014/QH13 | 2014 | - | - | - | Luật số 46/2014/QH13",
                "Luật | 51/2024/QH15 | 2024 | - | - | - | Luật số 51/2024/QH15",
                "Luật | BHYT | - | - | khoản 1 Điều 22 | - | khoản 1 Điều 22 Luật BHYT | = 0",
            ],
        ),
        // A list of documents that is no list of amendments keeps the short name on the last.
        (
            "theo Luật số 46/2014/QH13 và Luật số 51/2024/QH15 (sau đây gọi là Luật BHYT mới); Điều 1 Luật BHYT mới.",
            &[
                "Luật | 46/2014/QH13 | 2014 | - | - | - | Luật số 46/2014/QH13",
                "Luật | 51/2024/QH15 | 2024 | - | - | - | Luật số 51/2024/QH15",
                "Luật | BHYT mới | - | - | Điều 1 | - | Điều 1 Luật BHYT mới | = 1",
            ],
        ),
        ("theo Luật Đầu tư theo phương thức mới;", &["Luật | Đầu tư theo phương thức mới | - | - | - | - | Luật Đầu tư theo phương thức mới"]),
        // An unknown name still ends at the first soft stop.
        ("Luật Đất đai theo hướng mở", &["Luật | Đất đai | - | - | - | - | Luật Đất đai"]),
    ]);
}

#[test]
fn a_given_lexicon_bounds_names() {
    let text = "Căn cứ Luật Xuất cảnh, nhập cảnh của công dân Việt Nam ngày 22 tháng 11 năm 2019;";
    let names = |c: Vec<Citation>| c.into_iter().map(|c| c.name.unwrap_or_default()).collect::<Vec<_>>();
    assert_eq!(names(extract(text)), vec!["Xuất cảnh"]);
    let lex =
        Lexicon::new([(crate::model::DocType::Luat, "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam")]);
    let c = extract_with(text, &lex);
    assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2019-11-22"));
    assert_eq!(names(c), vec!["Xuất cảnh, nhập cảnh của công dân Việt Nam"]);
    // A capitalized word after the comma goes on only as far as a known title.
    let lex = Lexicon::new([(crate::model::DocType::Luat, "Luật Thi đua, khen thưởng")]);
    let text = "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022; Luật Đất đai, Chính phủ ngày 1/1/2024 ban hành";
    let c = extract_with(text, &lex);
    assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-06-15"));
    assert_eq!(names(c), vec!["Thi đua, Khen thưởng", "Đất đai"]);
    // A known name holding "số" not before a number (probe 8: "Luật Tần" was read); a number
    // after it still ends it.
    let lex = Lexicon::new([(crate::model::DocType::Luat, "Luật Tần số vô tuyến điện số 42/2009/QH12")]);
    let text = "Căn cứ Luật Tần số vô tuyến điện ngày 23 tháng 11 năm 2009; Luật Tần số vô tuyến điện số 42/2009/QH12 và Luật Dân số mới.";
    let c = extract_with(text, &lex);
    assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2009-11-23"));
    assert_eq!(c[1].number.as_deref(), Some("42/2009/QH12"));
    assert_eq!(names(c), vec!["Tần số vô tuyến điện", "Tần số vô tuyến điện", "Dân"]);
}

/// Probe 16: a law by a code name the table does not list, beside a pinpoint, when a known
/// name has its initials ("khoản 2 Điều 5 LGTĐB" was a pinpoint of no document); an
/// abbreviation no known name fits, or one without a pinpoint, is none.
#[test]
fn code_names_derived_from_the_lexicon() {
    let lex = Lexicon::new([
        (crate::model::DocType::Luat, "Luật Giao thông đường bộ"),
        (crate::model::DocType::Luat, "Luật Thuế thu nhập cá nhân"),
        (crate::model::DocType::BoLuat, "Bộ luật Tố tụng hành chính"),
    ]);
    let text =
        "vi phạm khoản 2 Điều 5 LGTĐB, Điều 8 LTTNCN 2007 và Điều 3 BLTTHC; xem Điều 4 LXYZ; theo LGTĐB.";
    let got: Vec<String> = extract_with(text, &lex).iter().map(show).collect();
    assert_eq!(
        got,
        vec![
            "Luật | GTĐB | - | - | khoản 2 Điều 5 | - | khoản 2 Điều 5 LGTĐB",
            "Luật | TTNCN | 2007 | - | Điều 8 | - | Điều 8 LTTNCN 2007",
            "Bộ luật | TTHC | - | - | Điều 3 | - | Điều 3 BLTTHC",
            "- | - | - | - | Điều 4 | self | Điều 4",
        ]
    );
}

#[test]
fn pinpoints_into_an_attached_regulation() {
    check(&[
        (
            "theo Khoản 1 của Điều 8, Quy định kèm theo Quyết định số 15/2021/QĐ-UBND ngày 10/5/2021 của Ủy ban nhân dân tỉnh.",
            &["Quyết định | 15/2021/QĐ-UBND | 2021-05-10 | Ủy ban nhân dân tỉnh | khoản 1 Điều 8 | - | Khoản 1 của Điều 8, Quy định kèm theo Quyết định số 15/2021/QĐ-UBND ngày 10/5/2021 của Ủy ban nhân dân tỉnh"],
        ),
        (
            "tại Điều 3 Quy chế ban hành kèm theo Quyết định số 12/QĐ-UBND về",
            &["Quyết định | 12/QĐ-UBND | - | - | Điều 3 | - | Điều 3 Quy chế ban hành kèm theo Quyết định số 12/QĐ-UBND"],
        ),
    ]);
}

#[test]
fn documents_named_by_type_and_issuer() {
    check(&[
        (
            "thực hiện Chương trình hành động của Chính phủ về",
            &["Chương trình | hành động | - | Chính phủ | - | - | Chương trình hành động của Chính phủ"],
        ),
        (
            "quán triệt Nghị quyết của Ban Thường vụ Tỉnh ủy về",
            &["Nghị quyết | - | - | Ban Thường vụ Tỉnh ủy | - | - | Nghị quyết của Ban Thường vụ Tỉnh ủy"],
        ),
        (
            "triển khai Chương trình Chăm sóc sức khỏe người cao tuổi đến năm 2030;",
            &["Chương trình | Chăm sóc sức khỏe người cao tuổi đến năm 2030 | - | - | - | - | Chương trình Chăm sóc sức khỏe người cao tuổi đến năm 2030"],
        ),
        (
            "theo Chiến lược Phát triển kinh tế - xã hội giai đoạn 2021 - 2030;",
            &["Chiến lược | Phát triển kinh tế - xã hội giai đoạn 2021 - 2030 | - | - | - | - | Chiến lược Phát triển kinh tế - xã hội giai đoạn 2021 - 2030"],
        ),
        // Documents being written, unknown bodies, plurals, a council of no place, and no verb
        // of carrying out: not references.
        ("Xây dựng Chương trình hành động của Chính phủ; Kế hoạch của Chi bộ; các Nghị quyết của Tỉnh ủy", &[]),
        ("theo Nghị quyết của Hội đồng nhân dân; Chương trình giám sát của Quốc hội gồm", &[]),
        ("Căn cứ Nghị quyết của Quốc hội, Chủ tịch nước bổ nhiệm", &[]),
    ]);
}

#[test]
fn issuers_from_the_table_of_bodies() {
    let rows: &[(&str, &str)] = &[
        ("Hướng dẫn số 09-HD/BTCTW ngày 2/3/2021 của Ban Tổ chức Trung ương về", "Ban Tổ chức Trung ương"),
        (
            "Thông tư số 10/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội;",
            "Bộ Lao động - Thương binh và Xã hội",
        ),
        ("Công văn số 456/BTNMT-PC của Bộ Tài nguyên và Môi trường về", "Bộ Tài nguyên và Môi trường"),
        // Offices whose title has a lower-case word (probe 10: "Thống", "Tổng Thanh").
        ("Thông tư số 02/2023/TT-NHNN của Thống đốc Ngân hàng Nhà nước Việt Nam quy định", "Thống đốc Ngân hàng Nhà nước Việt Nam"),
        ("Quyết định số 12/QĐ-TTCP của Tổng Thanh tra Chính phủ về", "Tổng Thanh tra Chính phủ"),
        // A joint document's bodies joined by "và" (it stopped at the first).
        (
            "Nghị quyết liên tịch số 01/2021/NQLT-CP-ĐCTUBTWMTTQVN của Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về",
            "Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        ),
        (
            "Thông tư liên tịch số 02/2013/TTLT-BTP-BNV của Bộ Tư pháp và Bộ Nội vụ hướng dẫn",
            "Bộ Tư pháp và Bộ Nội vụ",
        ),
        // Not joint: "và" ends the body before another body.
        ("Thông tư số 10/2020/TT-BTP của Bộ Tư pháp và Bộ Nội vụ đã", "Bộ Tư pháp"),
        ("Công văn số 88/BKHĐT-TH của Bộ Kế hoạch và Đầu tư về việc", "Bộ Kế hoạch và Đầu tư"),
        ("Quyết định số 300-QĐ/TW của Văn phòng Trung ương Đảng về", "Văn phòng Trung ương Đảng"),
        ("Công văn số 77/STP-VP của Sở Tư pháp tỉnh Bình Định về", "Sở Tư pháp tỉnh Bình Định"),
        ("Kế hoạch số 15-KH/ĐUK của Đảng ủy Khối các cơ quan tỉnh về", "Đảng ủy Khối các cơ quan tỉnh"),
        ("Quy định số 22-QĐ/TW của Uỷ ban Kiểm tra Trung ương về", "Ủy ban Kiểm tra Trung ương"),
        ("Hướng dẫn số 05-HD/BTGTW của Ban Tuyên giáo Trung ương;", "Ban Tuyên giáo Trung ương"),
        ("Hướng dẫn số 11-HD/BDVTW của Ban Dân vận Trung ương về", "Ban Dân vận Trung ương"),
        ("Kế hoạch số 3-KH/TU của Ban Thường vụ Tỉnh ủy Yên Bái về", "Ban Thường vụ Tỉnh ủy Yên Bái"),
        // Not in the table: read by the word rules.
        ("Quyết định số 5/QĐ-HĐND của Hội đồng nhân dân tỉnh về", "Hội đồng nhân dân tỉnh"),
        // Probe 13: a separator written the other way, or left out (cut to "Bộ Văn").
        (
            "Thông tư số 01/2009/TT-BVHTTDL của Bộ Văn hóa - Thể thao và Du lịch về",
            "Bộ Văn hóa - Thể thao và Du lịch",
        ),
        (
            "Thông tư số 10/2020/TT-BLĐTBXH của Bộ Lao động, Thương binh và Xã hội;",
            "Bộ Lao động, Thương binh và Xã hội",
        ),
        ("Thông tư số 1/2021/TT-BVHTTDL của Bộ Văn hóa Thể thao và Du lịch;", "Bộ Văn hóa Thể thao và Du lịch"),
        // Bodies with lower-case words (cut to "Hội đồng Thẩm", "Ban Chỉ", "Hội Liên").
        ("Nghị quyết số 02/2018/NQ-HĐTP ngày 15/5/2018 của Hội đồng Thẩm phán.", "Hội đồng Thẩm phán"),
        (
            "Nghị quyết số 02/2018/NQ-HĐTP của Hội đồng Thẩm phán TANDTC;",
            "Hội đồng Thẩm phán TANDTC",
        ),
        (
            "Kết luận số 10-KL/TW của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực;",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
        ),
        ("Nghị quyết số 01/NQ-ĐCT của Hội Liên hiệp Phụ nữ Việt Nam về", "Hội Liên hiệp Phụ nữ Việt Nam"),
    ];
    let mut failures = Vec::new();
    for (input, want) in rows {
        let got = extract(input).first().and_then(|c| c.issuer.clone());
        if got.as_deref() != Some(*want) {
            failures.push(format!("{input}: {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let joint = extract(
        "Thông tư liên tịch số 01/2017/TTLT-BCA-BQP ngày 29/12/2017 của Bộ Công an, Bộ Quốc phòng về",
    );
    assert_eq!(joint[0].issuer.as_deref(), Some("Bộ Công an, Bộ Quốc phòng"));
    // Joint bodies joined by a dash; a body whose own name holds a dash stays one.
    for (input, want) in [
        ("Thông tư liên tịch số 01/2015/TTLT-BTP-BNV ngày 2/2/2015 của Bộ Tư pháp - Bộ Nội vụ về", "Bộ Tư pháp - Bộ Nội vụ"),
        (
            "Thông tư liên tịch số 02/2016/TTLT-BLĐTBXH-BTC của Bộ Lao động - Thương binh và Xã hội – Bộ Tài chính về",
            "Bộ Lao động - Thương binh và Xã hội – Bộ Tài chính",
        ),
    ] {
        assert_eq!(extract(input)[0].issuer.as_deref(), Some(want), "{input}");
    }
}

#[test]
fn an_amending_title_running_long_does_not_cut_a_letter() {
    // The clause searched for a date is capped in bytes; the cap once fell inside "ậ".
    for head in [
        "Luật sửa đổi, bổ sung một số điều của các luật ",
        "Luật sửa đổi, bổ sung một số điều của Luật Nhà ở và Luật 2 ",
    ] {
        for pad in 0..3 {
            let text = format!("{head}{}{}", "a".repeat(pad), "ậ".repeat(120));
            let _ = extract(&text);
        }
    }
}

#[test]
fn a_pinpoint_in_short_before_a_code_or_an_abbreviated_number() {
    // As the search box reads them (field case 18), in running text too (trial 6).
    check(&[
        ("Theo Đ37.3 BLLĐ thì", &["Bộ luật | Lao động | - | - | khoản 3 Điều 37 | - | Đ37.3 BLLĐ"]),
        (
            "xem k2 Đ5 LĐĐ và Đ18k3b BLHS.",
            &[
                "Luật | Đất đai | - | - | khoản 2 Điều 5 | - | k2 Đ5 LĐĐ",
                "Bộ luật | Hình sự | - | - | điểm b khoản 3 Điều 18 | - | Đ18k3b BLHS",
            ],
        ),
        ("theo k1 Đ5 NĐ145", &["Nghị định | 145 | - | - | khoản 1 Điều 5 | - | k1 Đ5 NĐ145"]),
        ("khoản 2 Đ5 BLLĐ", &["Bộ luật | Lao động | - | - | khoản 2 Điều 5 | - | khoản 2 Đ5 BLLĐ"]),
        // Not a pinpoint: a plain "D5", a token glued to the code.
        ("mục D5 BLLĐ", &["Bộ luật | Lao động | - | - | - | - | BLLĐ"]),
    ]);
}

/// One plural type word for a list of names, each its own citation with its own year (probe
/// 8: "các Luật: …" gave nothing); a name holding "và" is cut there only where the lexicon
/// knows the part before it and not the whole; the list stays on its line.
#[test]
fn one_type_word_for_a_list_of_names() {
    use crate::model::DocType::Luat;
    let lex = Lexicon::new([
        (Luat, "Luật Ngân sách nhà nước"),
        (Luat, "Luật Quản lý nợ công"),
        (Luat, "Luật Đầu tư công"),
        (Luat, "Luật Hôn nhân và gia đình"),
    ]);
    let rows = |text: &str| -> Vec<String> {
        extract_with(text, &lex)
            .iter()
            .map(|c| {
                format!("{} | {} | {}", c.name.as_deref().unwrap_or("-"), c.year.map_or(0, |y| y), c.text)
            })
            .collect()
    };
    assert_eq!(
        rows("Căn cứ các Luật: Đầu tư công, Ngân sách nhà nước và Quản lý nợ công;\nCăn cứ Kế hoạch."),
        [
            "Đầu tư công | 0 | Luật: Đầu tư công",
            "Ngân sách nhà nước | 0 | Ngân sách nhà nước",
            "Quản lý nợ công | 0 | Quản lý nợ công"
        ]
    );
    assert_eq!(
        rows("theo các Luật Đầu tư công năm 2019, Hôn nhân và gia đình 2014."),
        [
            "Đầu tư công | 2019 | Luật Đầu tư công năm 2019",
            "Hôn nhân và gia đình | 2014 | Hôn nhân và gia đình 2014"
        ]
    );
    // A plural without names is no citation.
    assert!(rows("các Luật khác và các luật có liên quan").is_empty());
}

/// An abbreviation with "số" or glued to a whole number, and a body abbreviated with "&" or a
/// dash (probe 8: "NĐ số 59/2023" and "NĐ145/2020/NĐ-CP" gave nothing; "Bộ NN&PTNT" was read
/// as "Bộ NN").
#[test]
fn abbreviations_with_so_glued_numbers_and_abbreviated_bodies() {
    check(&[
        (
            "theo Nghị định 145-2020-NĐ-CP ngày 14/12/2020 và Kế hoạch 2021-2025",
            &["Nghị định | 145/2020/NĐ-CP | 2020-12-14 | - | - | - | Nghị định 145-2020-NĐ-CP ngày 14/12/2020"],
        ),
        (
            "Căn cứ NĐ số 59/2023; NĐ145/2020/NĐ-CP.",
            &[
                "Nghị định | 59/2023 | 2023 | - | - | - | NĐ số 59/2023",
                "Nghị định | 145/2020/NĐ-CP | 2020 | - | - | - | NĐ145/2020/NĐ-CP",
            ],
        ),
        (
            "Thông tư số 10/2020/TT-BLĐTBXH của Bộ LĐ-TB&XH; Thông tư số 5/2020/TT-BNN của Bộ NN&PTNT ban hành.",
            &[
                "Thông tư | 10/2020/TT-BLĐTBXH | 2020 | Bộ LĐ-TB&XH | - | - | Thông tư số 10/2020/TT-BLĐTBXH của Bộ LĐ-TB&XH",
                "Thông tư | 5/2020/TT-BNN | 2020 | Bộ NN&PTNT | - | - | Thông tư số 5/2020/TT-BNN của Bộ NN&PTNT",
            ],
        ),
    ]);
}

/// A plenum named by its number alone ("Nghị quyết Trung ương 4 khóa XII") is a resolution
/// (probe 8: not read); "Nghị quyết Trung ương" alone is no citation.
#[test]
fn a_plenum_by_its_number() {
    check(&[
        (
            "Thực hiện Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng Đảng;",
            &["Nghị quyết | Trung ương 4 khóa XII | - | - | - | - | Nghị quyết Trung ương 4 khóa XII"],
        ),
        ("các nghị quyết; Nghị quyết Trung ương đã nêu", &[]),
    ]);
}

/// Probe 11: a name's year and then its number (the number was dropped); a treaty's subject is
/// no Vietnamese law; a short name defined as a serial with its year binds later uses.
#[test]
fn name_year_number_treaties_and_dated_short_serials() {
    check(&[
        (
            "Căn cứ Luật Doanh nghiệp 2020 số 68/2014/QH13;",
            &["Luật | 68/2014/QH13 | 2020 | - | - | - | Luật Doanh nghiệp 2020 số 68/2014/QH13"],
        ),
        ("theo Công ước của Liên Hợp quốc về Luật Biển năm 1982 và", &[]),
        // Probe 12: the short form, the treaty's word right before the subject.
        ("phổ biến Công ước Luật Biển 1982 cho ngư dân", &[]),
        ("theo Hiệp định Luật Lao động hàng hải năm 2006", &[]),
        // A short name defined with the type's abbreviation, used after a pinpoint.
        (
            "Căn cứ Nghị định số 145/2020/NĐ-CP (gọi tắt là NĐ 145); Điều 57 NĐ 145 quy định; TT 5.",
            &[
                "Nghị định | 145/2020/NĐ-CP | 2020 | - | - | - | Nghị định số 145/2020/NĐ-CP",
                "Nghị định | 145 | - | - | Điều 57 | - | Điều 57 NĐ 145 | = 0",
            ],
        ),
        (
            "Nghị quyết số 33/2009/NQ-HĐND (sau đây viết tắt là Nghị quyết số 33/2009); Điều 2 Nghị quyết số 33/2009.",
            &[
                "Nghị quyết | 33/2009/NQ-HĐND | 2009 | - | - | - | Nghị quyết số 33/2009/NQ-HĐND",
                "Nghị quyết | 33/2009 | 2009 | - | Điều 2 | - | Điều 2 Nghị quyết số 33/2009 | = 0",
            ],
        ),
    ]);
}

/// Probe 17: the kinds probe 16 left, and those its rows found.
#[test]
fn probe17_titles_lists_and_bodies() {
    check(&[
        // An old title starting with "về", in a basis and inside an amending title (nothing
        // was read); "pháp Luật về …" is the law in general.
        (
            "thay thế Luật về sĩ quan Quân đội nhân dân Việt Nam ngày 30 tháng 12 năm 1981 và Luật sửa đổi, bổ sung một số điều của Luật về sĩ quan Quân đội nhân dân Việt Nam ngày 21 tháng 12 năm 1990.",
            &[
                "Luật | về sĩ quan Quân đội nhân dân Việt Nam | 1981-12-30 | - | - | - | Luật về sĩ quan Quân đội nhân dân Việt Nam ngày 30 tháng 12 năm 1981",
                "Luật | sửa đổi, bổ sung một số điều của Luật về sĩ quan Quân đội nhân dân Việt Nam | 1990-12-21 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật về sĩ quan Quân đội nhân dân Việt Nam ngày 21 tháng 12 năm 1990",
                "Luật | về sĩ quan Quân đội nhân dân Việt Nam | - | - | - | - | Luật về sĩ quan Quân đội nhân dân Việt Nam | in 1",
            ],
        ),
        (
            "Pháp lệnh về lực lượng dự bị động viên ngày 27 tháng 8 năm 1996 hết hiệu lực.",
            &["Pháp lệnh | về lực lượng dự bị động viên | 1996-08-27 | - | - | - | Pháp lệnh về lực lượng dự bị động viên ngày 27 tháng 8 năm 1996"],
        ),
        ("theo quy định của pháp Luật về đấu thầu hiện hành.", &[]),
        ("các Luật về thuế có liên quan.", &[]),
        // An amending title naming the articles and annex it amends before the law (read as
        // the base law with the amending law's date).
        (
            "Căn cứ Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 về Danh mục ngành, nghề kinh doanh có điều kiện của Luật Đầu tư ngày 22 tháng 11 năm 2016;",
            &[
                "Luật | sửa đổi, bổ sung Điều 6 và Phụ lục 4 về Danh mục ngành, nghề kinh doanh có điều kiện của Luật Đầu tư | 2016-11-22 | - | - | - | Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 về Danh mục ngành, nghề kinh doanh có điều kiện của Luật Đầu tư ngày 22 tháng 11 năm 2016",
                "Luật | Đầu tư | - | - | - | - | Luật Đầu tư | in 0",
            ],
        ),
        // A base law's name with a comma the lexicon does not know, inside the list (cut at
        // the comma: the list ended there and the date went to the last law).
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đường thủy, Luật Trật tự, an toàn giao thông đường thủy và Luật Cảng ngày 29 tháng 11 năm 2024;",
            &[
                "Luật | sửa đổi, bổ sung một số điều của Luật Đường thủy, Luật Trật tự, an toàn giao thông đường thủy và Luật Cảng | 2024-11-29 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Đường thủy, Luật Trật tự, an toàn giao thông đường thủy và Luật Cảng ngày 29 tháng 11 năm 2024",
                "Luật | Đường thủy | - | - | - | - | Luật Đường thủy | in 0",
                "Luật | Trật tự, an toàn giao thông đường thủy | - | - | - | - | Luật Trật tự, an toàn giao thông đường thủy | in 0",
                "Luật | Cảng | - | - | - | - | Luật Cảng | in 0",
            ],
        ),
        // A short name for a law and its amending law named together is the law as amended
        // (it went to the amending law).
        (
            "theo Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014 (sau đây gọi chung là Luật BHYT sửa đổi); Điều 22 Luật BHYT sửa đổi.",
            &[
                "Luật | Bảo hiểm y tế | 2008-11-14 | - | - | - | Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008",
                "Luật | sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế | 2014-06-13 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014",
                "Luật | Bảo hiểm y tế | - | - | - | - | Luật Bảo hiểm y tế | in 1",
                "Luật | BHYT sửa đổi | - | - | Điều 22 | - | Điều 22 Luật BHYT sửa đổi | = 0",
            ],
        ),
        // After a ";", only when the short name is the law's own name (or "gọi chung").
        (
            "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019; Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công ngày 11 tháng 01 năm 2022 (sau đây gọi là Luật Đầu tư công); Điều 17 Luật Đầu tư công.",
            &[
                "Luật | Đầu tư công | 2019-06-13 | - | - | - | Luật Đầu tư công ngày 13 tháng 6 năm 2019",
                "Luật | sửa đổi, bổ sung một số điều của Luật Đầu tư công | 2022-01-11 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công ngày 11 tháng 01 năm 2022",
                "Luật | Đầu tư công | - | - | - | - | Luật Đầu tư công | in 1",
                "Luật | Đầu tư công | - | - | Điều 17 | - | Điều 17 Luật Đầu tư công | = 0",
            ],
        ),
        (
            "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019; Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Đầu tư ngày 11 tháng 01 năm 2022 (sau đây gọi là Luật Đầu tư công sửa đổi); Điều 1 Luật Đầu tư công sửa đổi.",
            &[
                "Luật | Đầu tư công | 2019-06-13 | - | - | - | Luật Đầu tư công ngày 13 tháng 6 năm 2019",
                "Luật | sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Đầu tư | 2022-01-11 | - | - | - | Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công, Luật Đầu tư ngày 11 tháng 01 năm 2022",
                "Luật | Đầu tư công | - | - | - | - | Luật Đầu tư công | in 1",
                "Luật | Đầu tư | - | - | - | - | Luật Đầu tư | in 1",
                "Luật | Đầu tư công sửa đổi | - | - | Điều 1 | - | Điều 1 Luật Đầu tư công sửa đổi | = 1",
            ],
        ),
        // A short name of another type than the reference before it names the document whose
        // subject held that reference (it went to "Luật Dược").
        (
            "Căn cứ Nghị định số 54/2017/NĐ-CP ngày 08 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số điều của Luật Dược (sau đây gọi tắt là Nghị định 54); Điều 93 Nghị định 54.",
            &[
                "Nghị định | 54/2017/NĐ-CP | 2017-05-08 | Chính phủ | - | - | Nghị định số 54/2017/NĐ-CP ngày 08 tháng 5 năm 2017 của Chính phủ",
                "Luật | Dược | - | - | - | - | Luật Dược",
                "Nghị định | 54 | - | - | Điều 93 | - | Điều 93 Nghị định 54 | = 0",
            ],
        ),
        // A list after a colon: the issuer (and a Party number's date) after the last member is
        // every member's, as without the colon (only the last had it); not a member of
        // another symbol's.
        (
            "Bãi bỏ các Quyết định: số 12/2019/QĐ-TTg, số 20/2020/QĐ-TTg của Thủ tướng Chính phủ.",
            &[
                "Quyết định | 12/2019/QĐ-TTg | 2019 | Thủ tướng Chính phủ | - | - | số 12/2019/QĐ-TTg",
                "Quyết định | 20/2020/QĐ-TTg | 2020 | Thủ tướng Chính phủ | - | - | số 20/2020/QĐ-TTg của Thủ tướng Chính phủ",
            ],
        ),
        (
            "Thực hiện các Nghị quyết: số 18-NQ/TW, số 19-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng.",
            &[
                "Nghị quyết | 18-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương Đảng | - | - | số 18-NQ/TW",
                "Nghị quyết | 19-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương Đảng | - | - | số 19-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng",
            ],
        ),
        (
            "Bãi bỏ các Quyết định: số 12/2019/QĐ-TTg, số 30/2019/QĐ-BTC của Bộ trưởng Bộ Tài chính.",
            &[
                "Quyết định | 12/2019/QĐ-TTg | 2019 | - | - | - | số 12/2019/QĐ-TTg",
                "Quyết định | 30/2019/QĐ-BTC | 2019 | Bộ trưởng Bộ Tài chính | - | - | số 30/2019/QĐ-BTC của Bộ trưởng Bộ Tài chính",
            ],
        ),
        // A joint member's bodies joined by commas (cut to the first).
        (
            "Thay thế các Thông tư liên tịch: số 21/2008/TTLT-BQP-BLĐTBXH-BTC ngày 18 tháng 02 năm 2008 của Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính.",
            &["Thông tư liên tịch | 21/2008/TTLT-BQP-BLĐTBXH-BTC | 2008-02-18 | Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính | - | - | số 21/2008/TTLT-BQP-BLĐTBXH-BTC ngày 18 tháng 02 năm 2008 của Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính"],
        ),
        // Bodies with lower-case words (cut to "Ban", "Cục Đo", "Tổng cục Bưu").
        (
            "Thực hiện Nghị quyết số 12-NQ/BCSĐ ngày 10/3/2020 của Ban cán sự đảng Bộ Y tế về nhân lực.",
            &["Nghị quyết | 12-NQ/BCSĐ | 2020-03-10 | Ban cán sự đảng Bộ Y tế | - | - | Nghị quyết số 12-NQ/BCSĐ ngày 10/3/2020 của Ban cán sự đảng Bộ Y tế"],
        ),
        (
            "Bãi bỏ Quyết định số 112/KT ngày 15 tháng 5 năm 1989 của Cục trưởng Cục Đo đạc và Bản đồ Nhà nước ban hành quy phạm.",
            &["Quyết định | 112/KT | 1989-05-15 | Cục trưởng Cục Đo đạc và Bản đồ Nhà nước | - | - | Quyết định số 112/KT ngày 15 tháng 5 năm 1989 của Cục trưởng Cục Đo đạc và Bản đồ Nhà nước"],
        ),
        (
            "Thông tư liên tịch số 01/2001/TTLT-TCBĐ-BCA ngày 07/6/2001 của Tổng cục Bưu điện và Bộ Công an hướng dẫn.",
            &["Thông tư liên tịch | 01/2001/TTLT-TCBĐ-BCA | 2001-06-07 | Tổng cục Bưu điện và Bộ Công an | - | - | Thông tư liên tịch số 01/2001/TTLT-TCBĐ-BCA ngày 07/6/2001 của Tổng cục Bưu điện và Bộ Công an"],
        ),
    ]);
}

#[test]
fn probe18_issuers_after_asides_and_lower_case_bodies() {
    check(&[
        // The issuer after a short reference in parentheses (lost): the reference ends before
        // them, and the short reference inside is read on its own.
        (
            "Theo Quyết định số 905/QĐ-TTg ngày 01/7/2022 (Quyết định 905) của Thủ tướng Chính phủ.",
            &[
                "Quyết định | 905/QĐ-TTg | 2022-07-01 | Thủ tướng Chính phủ | - | - | Quyết định số 905/QĐ-TTg ngày 01/7/2022",
                "Quyết định | 905 | - | - | - | - | Quyết định 905",
            ],
        ),
        // The type word written again before the issuer (lost).
        (
            "Theo Nghị quyết số 61/2022/QH15 ngày 16 tháng 6 năm 2022, Nghị quyết của Quốc hội về tiếp tục tăng cường hiệu lực.",
            &["Nghị quyết | 61/2022/QH15 | 2022-06-16 | Quốc hội | - | - | Nghị quyết số 61/2022/QH15 ngày 16 tháng 6 năm 2022, Nghị quyết của Quốc hội"],
        ),
        // A plenum written after the date without "của" (lost).
        (
            "Quán triệt Kết luận số 45-KL/TW ngày 12/11/2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII.",
            &["Kết luận | 45-KL/TW | 2022-11-12 | Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII | - | - | Kết luận số 45-KL/TW ngày 12/11/2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XIII"],
        ),
        // A joint circular's bodies after "giữa" (lost).
        (
            "Căn cứ Thông tư liên tịch số 07/2015/TTLT-BTP-BTC ngày 03 tháng 4 năm 2015 giữa Bộ Tư pháp và Bộ Tài chính.",
            &["Thông tư liên tịch | 07/2015/TTLT-BTP-BTC | 2015-04-03 | Bộ Tư pháp và Bộ Tài chính | - | - | Thông tư liên tịch số 07/2015/TTLT-BTP-BTC ngày 03 tháng 4 năm 2015 giữa Bộ Tư pháp và Bộ Tài chính"],
        ),
        // Another type word, or a date in the parentheses, is no aside.
        (
            "Theo Quyết định số 905/QĐ-TTg ngày 01/7/2022, Thông tư của Bộ Tài chính hướng dẫn.",
            &["Quyết định | 905/QĐ-TTg | 2022-07-01 | - | - | - | Quyết định số 905/QĐ-TTg ngày 01/7/2022"],
        ),
        // Bodies whose names hold lower-case words (cut to "Cục Quản", "Tổng cục Quản",
        // "Đoàn", "Ủy ban nhân dân").
        (
            "Công văn số 410/QLD-CL ngày 02/3/2023 của Cục Quản lý dược về thu hồi thuốc.",
            &["Công văn | 410/QLD-CL | 2023-03-02 | Cục Quản lý dược | - | - | Công văn số 410/QLD-CL ngày 02/3/2023 của Cục Quản lý dược"],
        ),
        (
            "Quyết định số 77/QĐ-TCQLTT ngày 05/01/2022 của Tổng cục Quản lý thị trường ban hành quy trình.",
            &["Quyết định | 77/QĐ-TCQLTT | 2022-01-05 | Tổng cục Quản lý thị trường | - | - | Quyết định số 77/QĐ-TCQLTT ngày 05/01/2022 của Tổng cục Quản lý thị trường"],
        ),
        (
            "Công văn số 12/ĐĐBQH-VP ngày 08/5/2023 của Đoàn đại biểu Quốc hội tỉnh Lào Cai.",
            &["Công văn | 12/ĐĐBQH-VP | 2023-05-08 | Đoàn đại biểu Quốc hội tỉnh Lào Cai | - | - | Công văn số 12/ĐĐBQH-VP ngày 08/5/2023 của Đoàn đại biểu Quốc hội tỉnh Lào Cai"],
        ),
        (
            "Công văn số 58/KCB-PHCN ngày 11/4/2022 của Cục Quản lý khám, chữa bệnh về phục hồi chức năng.",
            &["Công văn | 58/KCB-PHCN | 2022-04-11 | Cục Quản lý khám, chữa bệnh | - | - | Công văn số 58/KCB-PHCN ngày 11/4/2022 của Cục Quản lý khám, chữa bệnh"],
        ),
        (
            "Công văn số 66/UBND-VX ngày 09/9/2022 của Ủy ban nhân dân quận Ba Đình.",
            &["Công văn | 66/UBND-VX | 2022-09-09 | Ủy ban nhân dân quận Ba Đình | - | - | Công văn số 66/UBND-VX ngày 09/9/2022 của Ủy ban nhân dân quận Ba Đình"],
        ),
        // A word that ends a document's name inside a body's ("Hàng không", "các khu"), a
        // run of more than three lower-case words, a lower-case run after a head of two words
        // (cut to "Cục Hàng", "Ban", "Hội đồng").
        (
            "Quyết định số 12/QĐ-CHK ngày 03/02/2015 của Cục Hàng không Việt Nam về thử.",
            &["Quyết định | 12/QĐ-CHK | 2015-02-03 | Cục Hàng không Việt Nam | - | - | Quyết định số 12/QĐ-CHK ngày 03/02/2015 của Cục Hàng không Việt Nam"],
        ),
        (
            "Quyết định số 7/QĐ-BQL ngày 01/01/2021 của Ban quản lý các khu công nghiệp tỉnh Bắc Ninh về thử.",
            &["Quyết định | 7/QĐ-BQL | 2021-01-01 | Ban quản lý các khu công nghiệp tỉnh Bắc Ninh | - | - | Quyết định số 7/QĐ-BQL ngày 01/01/2021 của Ban quản lý các khu công nghiệp tỉnh Bắc Ninh"],
        ),
        (
            "Nghị quyết số 5/NQ-HĐQT ngày 04/4/2020 của Hội đồng quản trị Ngân hàng Chính sách xã hội về thử.",
            &["Nghị quyết | 5/NQ-HĐQT | 2020-04-04 | Hội đồng quản trị Ngân hàng Chính sách xã hội | - | - | Nghị quyết số 5/NQ-HĐQT ngày 04/4/2020 của Hội đồng quản trị Ngân hàng Chính sách xã hội"],
        ),
        // Not a name: "không" before a phrase that ends one.
        (
            "Quyết định số 9/QĐ-UBND ngày 01/01/2021 của Ủy ban nhân dân tỉnh không quy định thử.",
            &["Quyết định | 9/QĐ-UBND | 2021-01-01 | Ủy ban nhân dân tỉnh | - | - | Quyết định số 9/QĐ-UBND ngày 01/01/2021 của Ủy ban nhân dân tỉnh"],
        ),
        // Words after a body of the table, or after its place, are never its name.
        (
            "Công văn số 15/BCA-V03 ngày 02/02/2022 của Bộ Công an triển khai.",
            &["Công văn | 15/BCA-V03 | 2022-02-02 | Bộ Công an | - | - | Công văn số 15/BCA-V03 ngày 02/02/2022 của Bộ Công an"],
        ),
        (
            "Quyết định số 8/QĐ-UBND ngày 02/01/2022 của Ủy ban nhân dân tỉnh giao chỉ tiêu.",
            &["Quyết định | 8/QĐ-UBND | 2022-01-02 | Ủy ban nhân dân tỉnh | - | - | Quyết định số 8/QĐ-UBND ngày 02/01/2022 của Ủy ban nhân dân tỉnh"],
        ),
    ]);
}
