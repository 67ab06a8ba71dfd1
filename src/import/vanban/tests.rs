//! The whole parser on fixtures written for the project (invented laws in the real layout:
//! irregular spacing, a byte-order mark, a no-break space, decomposed diacritics, "Phần thứ
//! nhất", a lost heading "Điền 4.", a quoted "Điều 9." inside an amending article, closing
//! words and signature; and the old single-line title form).

use super::*;
use crate::model::{Block, Date, DivisionKind, DocType};

const MODERN: &str = include_str!("../../../tests/fixtures/vanban/luat-nuoi-ong-mat.txt");
const OLD: &str = include_str!("../../../tests/fixtures/vanban/luat-giu-gin-gieng-lang-1999.txt");

#[test]
fn modern_header_and_metadata() {
    let d = parse("2099/luat-nuoi-ong-mat.txt", MODERN).unwrap();
    let m = &d.meta;
    assert_eq!(m.id, "luat-12-2099-qh99");
    assert_eq!(m.number.as_deref(), Some("12/2099/QH99"));
    assert_eq!(m.canonical.as_deref(), Some("12/2099/QH99"));
    assert_eq!(m.doc_type, DocType::Luat);
    assert_eq!(m.title, "Luật Nuôi ong mật và bảo tồn hoa rừng");
    assert_eq!(m.issuer.as_deref(), Some("Quốc hội"));
    assert_eq!(m.signed, Date::new(2099, 6, 15));
    assert_eq!(m.effective, Date::new(2100, 1, 1));
    assert_eq!(m.completeness, Completeness::Full);
    assert_eq!(m.status, Status::Unknown);
    assert_eq!(m.sources.len(), 1);
    assert_eq!(m.sources[0].source, "vanban-goc");
    assert_eq!(m.sources[0].file.as_deref(), Some("2099/luat-nuoi-ong-mat.txt"));
    assert_eq!(m.sources[0].articles, 6);
}

#[test]
fn modern_body_structure() {
    let d = parse("x.txt", MODERN).unwrap();
    let numbers: Vec<&str> = d.articles().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        d.preamble().collect::<Vec<_>>(),
        [
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
            "Quốc hội ban hành Luật Nuôi ong mật và bảo tồn hoa rừng."
        ]
    );
    // NFD text is normalized.
    assert!(d.article("1").unwrap().paragraphs[0].contains("khai thác mật ong"));
    // One paragraph per khoản and điểm, 'đ' kept apart from 'd'.
    let a3 = d.article("3").unwrap();
    assert_eq!(a3.paragraphs.len(), 7);
    assert!(a3.paragraphs[5].starts_with("d) "));
    assert!(a3.paragraphs[6].starts_with("đ) "));
    // The lost heading "Điền 4." still opens article 4.
    assert_eq!(d.article("4").unwrap().title, "Thời hạn đăng ký");
    // The quoted article stays inside the amending one.
    assert_eq!(d.article("5").unwrap().paragraphs.len(), 2);
    // Closing words and signature are dropped.
    assert_eq!(d.article("6").unwrap().paragraphs.len(), 2);
    assert!(!d.body.iter().any(|b| matches!(b, Block::Paragraph { text } if text.contains("CHỦ TỊCH"))));
    let path: Vec<(DivisionKind, &str, &str)> =
        d.divisions_of("3").iter().map(|v| (v.kind, v.number.as_str(), v.title.as_str())).collect();
    assert_eq!(
        path,
        [
            (DivisionKind::Part, "thứ nhất", "QUY ĐỊNH CHUNG"),
            (DivisionKind::Chapter, "I", "NHỮNG QUY ĐỊNH CHUNG"),
            (DivisionKind::Section, "1", "ĐĂNG KÝ ĐÀN ONG")
        ]
    );
    assert!(gaps(&d).is_empty());
}

#[test]
fn modern_fixture_snapshot() {
    let d = parse("2099/luat-nuoi-ong-mat.txt", MODERN).unwrap();
    insta::assert_snapshot!(crate::corpus::render_document(&d));
}

#[test]
fn old_single_line_title() {
    let d = parse("1999/gieng-lang.txt", OLD).unwrap();
    let m = &d.meta;
    assert_eq!(m.id, "luat-77-1999-qh10");
    assert_eq!(m.title, "Luật Giữ gìn giếng làng");
    assert_eq!(m.signed, Date::new(1999, 7, 5));
    assert_eq!(m.effective, Date::new(2000, 1, 1));
    let titles: Vec<&str> = d.articles().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["", "Trách nhiệm của thôn.", "Hiệu lực thi hành."]);
    assert_eq!(
        d.article("2").unwrap().paragraphs,
        [
            "1- Thôn cử người trông coi giếng.",
            "2- Người trông coi giếng được hưởng thù lao do thôn thỏa thuận."
        ]
    );
    assert_eq!(d.article("3").unwrap().paragraphs, ["Luật này có hiệu lực từ ngày 01/01/2000."]);
    assert_eq!(d.preamble().collect::<Vec<_>>(), ["Giếng làng là nguồn nước chung của cộng đồng dân cư."]);
}

#[test]
fn bad_input_gets_a_clear_error() {
    let rows: [(&str, &str); 5] = [
        ("", "tệp rỗng"),
        ("  \n\n \u{feff}", "tệp rỗng"),
        ("Một bài viết bình thường.\nKhông có tiêu đề văn bản.\n", "không có dòng loại văn bản"),
        ("QUỐC HỘI\nSố: 5/2099/QH99\nLUẬT\nTHỬ NGHIỆM\nCăn cứ Hiến pháp;\n", "không có điều nào"),
        ("QUỐC HỘI\nLUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nNội dung.\n", "không thấy số hiệu hay ngày ban hành"),
    ];
    for (text, want) in rows {
        let e = parse("bad.txt", text).unwrap_err();
        assert!(e.starts_with("bad.txt: ") && e.contains(want), "{text:?}: {e}");
    }
}

#[test]
fn gaps_are_listed() {
    let text = "QUỐC HỘI\nSố: 5/2099/QH99\nLUẬT\nTHỬ\nĐiều 1. A\nx\nĐiều 3. C\ny\nĐiều 6. F\nz\n";
    let d = parse("g.txt", text).unwrap();
    assert_eq!(gaps(&d), ["thiếu Điều 2 sau Điều 1", "thiếu Điều 4–5 sau Điều 3"]);
}
