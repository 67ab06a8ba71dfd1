//! Each warning rule on invented texts and metadata.

use super::*;
use crate::model::{DocType, Relation};

struct Mem(Vec<Metadata>);

impl Lookup for Mem {
    fn meta(&self, id: &str) -> Option<&Metadata> {
        self.0.iter().find(|m| m.id == id)
    }
    fn superseded_by(&self, id: &str) -> Vec<(RelationKind, &Metadata)> {
        self.0
            .iter()
            .flat_map(|m| m.relations.iter().map(move |r| (m, r)))
            .filter(|(_, r)| {
                r.target == id && matches!(r.kind, RelationKind::Replaces | RelationKind::Repeals)
            })
            .map(|(m, r)| (r.kind, m))
            .collect()
    }
    fn named(&self, doc_type: DocType, name: &str, _at: Option<Date>) -> Vec<&Metadata> {
        let k = crate::catalog::name_key(name);
        self.0.iter().filter(|m| m.doc_type == doc_type && crate::catalog::name_key(&m.title) == k).collect()
    }
}

fn meta(id: &str, t: DocType, number: &str, signed: &str) -> Metadata {
    let mut m = Metadata::new(id, t, "Thử");
    m.canonical = Some(number.into());
    m.number = Some(number.into());
    m.signed = Some(signed.parse().unwrap());
    m
}

/// A citation of `surface` (its `nth` occurrence) in `text`.
fn cit(text: &str, surface: &str, nth: usize, number: Option<&str>, target: Option<&str>) -> Citation {
    let start = text.match_indices(surface).nth(nth).unwrap().0;
    Citation {
        text: surface.into(),
        start,
        end: start + surface.len(),
        doc_type: None,
        number: number.map(String::from),
        date: None,
        year: None,
        issuer: None,
        name: None,
        pinpoint: None,
        self_ref: false,
        target: target.map(String::from),
        confidence: target.map(|_| crate::cite::Confidence::Exact),
        ..Citation::default()
    }
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn unresolved_says_what_was_read() {
    let text = "Theo Quyết định số 77-QĐ/TW, ngày 03/10/2017 của Ban Bí thư và Kế hoạch này.";
    let mut a =
        cit(text, "Quyết định số 77-QĐ/TW, ngày 03/10/2017 của Ban Bí thư", 0, Some("77-QĐ/TW"), None);
    a.doc_type = Some(DocType::QuyetDinh);
    a.date = Some(d("2017-10-03"));
    a.issuer = Some("Ban Bí thư".into());
    let mut selfr = cit(text, "Kế hoạch này", 0, None, None);
    selfr.self_ref = true;
    let lookup = Mem(vec![meta("qd-77", DocType::QuyetDinh, "77-QĐ/TW", "2017-10-03")]);
    let w = unresolved(&[a.clone(), selfr], None, &lookup);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].kind, WarningKind::Unresolved);
    assert_eq!(w[0].citation, Some(0));
    assert_eq!(
        &text[w[0].span.start..w[0].span.end],
        "Quyết định số 77-QĐ/TW, ngày 03/10/2017 của Ban Bí thư"
    );
    for part in ["Quyết định", "77-QĐ/TW", "03/10/2017", "Ban Bí thư"] {
        assert!(w[0].message.contains(part), "{}", w[0].message);
    }
    // An ambiguous one names the documents it may be.
    a.candidates = vec!["qd-77".into()];
    a.confidence = Some(crate::cite::Confidence::Ambiguous);
    let w = unresolved(&[a], None, &lookup);
    assert!(w[0].message.contains("có thể là: Quyết định 77-QĐ/TW"), "{}", w[0].message);
}

/// A name cited with a year that no version held has ("Luật Kinh doanh bất động sản 2023"
/// when only the 2006 and 2014 laws are held) says the version cited is not held, rather than
/// offering the others as what it may be.
#[test]
fn unresolved_name_with_a_year_not_held() {
    let text = "Căn cứ Luật Kinh doanh bất động sản 2023;";
    let held = Mem(vec![
        meta("luat-66", DocType::Luat, "66/2014/QH13", "2014-11-25"),
        meta("luat-63", DocType::Luat, "63/2006/QH11", "2006-06-29"),
    ]);
    // (year cited, candidates, says not held)
    for (year, cands, not_held) in [
        (Some(2023), vec!["luat-66", "luat-63"], true),
        (Some(2014), vec!["luat-66", "luat-63"], false),
        (None, vec!["luat-66", "luat-63"], false),
        (Some(2023), vec!["luat-66", "luat-unknown"], false),
    ] {
        let mut c = cit(text, "Luật Kinh doanh bất động sản 2023", 0, None, None);
        c.doc_type = Some(DocType::Luat);
        c.name = Some("Kinh doanh bất động sản".into());
        c.year = year;
        c.candidates = cands.iter().map(|s| s.to_string()).collect();
        c.confidence = Some(crate::cite::Confidence::Ambiguous);
        let w = unresolved(&[c.clone()], None, &held);
        let said = w[0].message.contains("Kho dữ liệu không có văn bản năm 2023 mang tên này");
        assert_eq!(said, not_held, "{year:?} {cands:?}: {}", w[0].message);
        assert_eq!(w[0].message.contains("có thể là"), !not_held, "{}", w[0].message);
        // A plan's year in its title is no version (trial 8: "Kế hoạch … năm 2024", signed in
        // 2023, was said not to be held).
        c.doc_type = Some(DocType::KeHoach);
        let w = unresolved(&[c], None, &held);
        assert!(!w[0].message.contains("Kho dữ liệu không có văn bản năm"), "{}", w[0].message);
    }
}

/// A name cited without a year in a text older than every version held says so (probe 10: a
/// text of 2008 citing "Luật Đấu thầu" got the 2023 law, silently).
#[test]
fn unresolved_name_older_than_every_version() {
    let text = "Căn cứ Luật Đấu thầu;";
    let held = Mem(vec![
        meta("luat-22", DocType::Luat, "22/2023/QH15", "2023-06-23"),
        meta("luat-43", DocType::Luat, "43/2013/QH13", "2013-11-26"),
    ]);
    // (plan date, says all later)
    for (at, later) in [(Some("2008-05-01"), true), (Some("2015-01-01"), false), (None, false)] {
        let mut c = cit(text, "Luật Đấu thầu", 0, None, None);
        c.doc_type = Some(DocType::Luat);
        c.name = Some("Đấu thầu".into());
        c.candidates = vec!["luat-22".into(), "luat-43".into()];
        c.confidence = Some(crate::cite::Confidence::Ambiguous);
        let w = unresolved(&[c], at.map(d), &held);
        let said = w[0].message.contains("không có phiên bản nào ban hành trước ngày 01/05/2008");
        assert_eq!(said, later, "{at:?}: {}", w[0].message);
    }
}

#[test]
fn validity_at_the_plan_date() {
    let mut old = meta("nd-4", DocType::NghiDinh, "4/2010/NĐ-CP", "2010-01-09");
    let mut new = meta("nd-9", DocType::NghiDinh, "9/2023/NĐ-CP", "2023-08-14");
    new.effective = Some(d("2023-09-30"));
    new.relations = vec![Relation {
        kind: RelationKind::Replaces,
        target: "nd-4".into(),
        target_type: None,
        pinpoint: None,
        source: None,
    }];
    let mut later = meta("luat-2", DocType::Luat, "2/2025/QH15", "2024-01-20");
    later.effective = Some(d("2025-07-01"));
    let mut gone = meta("tt-1", DocType::ThongTu, "1/2015/TT-BNV", "2015-01-01");
    gone.expired = Some(d("2020-01-01"));
    let mut unknown_when = meta("tt-2", DocType::ThongTu, "2/2015/TT-BNV", "2015-01-01");
    unknown_when.status = Status::Repealed;
    let fine = meta("tt-3", DocType::ThongTu, "3/2015/TT-BNV", "2015-01-01");
    let lookup = Mem(vec![old.clone(), new, later, gone, unknown_when, fine]);
    old.status = Status::Unknown;
    let text = "A; B; C; D; E; F.";
    let cits: Vec<Citation> = ["A", "B", "C", "D", "E", "F"]
        .iter()
        .zip(["nd-4", "nd-9", "luat-2", "tt-1", "tt-2", "tt-3"])
        .map(|(s, t)| cit(text, s, 0, None, Some(t)))
        .collect();
    let w = validity(&cits, Some(d("2024-03-25")), &lookup);
    let got: Vec<(usize, WarningKind)> = w.iter().map(|w| (w.citation.unwrap(), w.kind)).collect();
    assert_eq!(
        got,
        [
            (0, WarningKind::NotInForce),
            (2, WarningKind::NotYetInForce),
            (3, WarningKind::NotInForce),
            (4, WarningKind::NotInForce),
        ]
    );
    assert!(w[0].message.contains("9/2023/NĐ-CP") && w[0].message.contains("30/09/2023"), "{}", w[0].message);
    assert!(w[1].message.contains("01/07/2025"), "{}", w[1].message);
    assert!(w[3].message.contains("chưa rõ"), "{}", w[3].message);
    // Before the replacing decree took effect, the old one was still in force.
    let before = validity(&cits[..1], Some(d("2023-09-01")), &lookup);
    assert!(before.is_empty(), "{before:?}");
}

#[test]
fn dates_that_differ() {
    let lookup = Mem(vec![meta("nd-9", DocType::NghiDinh, "9/2023/NĐ-CP", "2023-08-14")]);
    let text = "X; Y; Z; W";
    let mut a = cit(text, "X", 0, None, Some("nd-9"));
    a.date = Some(d("2023-08-15"));
    let mut b = cit(text, "Y", 0, None, Some("nd-9"));
    b.date = Some(d("2023-08-14"));
    let mut c = cit(text, "Z", 0, None, Some("nd-9"));
    c.year = Some(2022);
    let mut e = cit(text, "W", 0, None, Some("nd-9"));
    e.year = Some(2023);
    // Found by name, another date means another document, not a wrong date.
    let mut by_name = cit(text, "X", 0, None, Some("nd-9"));
    by_name.date = Some(d("2022-01-01"));
    by_name.confidence = Some(crate::cite::Confidence::Name);
    let w = dates(&[a, b, c, e, by_name], &lookup);
    let got: Vec<usize> = w.iter().map(|w| w.citation.unwrap()).collect();
    assert_eq!(got, [0, 2]);
    assert!(w[0].message.contains("15/08/2023") && w[0].message.contains("14/08/2023"));
    assert_eq!(w[0].kind, WarningKind::DateMismatch);
    // Known only by citation, without a date: the year written against its number's (probe 12).
    let mut undated = Metadata::new("luat-67", DocType::Luat, "Luật Đầu tư");
    undated.canonical = Some("67/2014/QH13".into());
    let lookup = Mem(vec![undated]);
    let mut y2020 = cit(text, "X", 0, Some("67/2014/QH13"), Some("luat-67"));
    y2020.year = Some(2020);
    let mut y2014 = cit(text, "Y", 0, Some("67/2014/QH13"), Some("luat-67"));
    y2014.year = Some(2014);
    let w = dates(&[y2020, y2014], &lookup);
    assert_eq!(w.iter().map(|w| w.citation.unwrap()).collect::<Vec<_>>(), [0]);
    assert!(w[0].message.contains("Năm ghi 2020 khác năm trong số hiệu"), "{}", w[0].message);
}

#[test]
fn two_numberings_and_wrong_numbers() {
    let mut q = meta("qd-11", DocType::QuyDinh, "11-QĐi/TW", "2019-02-18");
    q.aliases = vec!["11-QĐ/TW".into()];
    let lookup = Mem(vec![q]);
    let text = "Quy định số 11-QĐi/TW; sau đó Quy định số 11-QĐ/TW; Chỉ thị 7-CT/TU ngày 1/2/2020 và Chỉ thị 7-CTr/TU ngày 1/2/2020.";
    let a = cit(text, "Quy định số 11-QĐi/TW", 0, Some("11-QĐi/TW"), Some("qd-11"));
    let b = cit(text, "Quy định số 11-QĐ/TW", 0, Some("11-QĐ/TW"), Some("qd-11"));
    let mut c = cit(text, "Chỉ thị 7-CT/TU ngày 1/2/2020", 0, Some("7-CT/TU"), None);
    let mut e = cit(text, "Chỉ thị 7-CTr/TU ngày 1/2/2020", 0, Some("7-CTr/TU"), None);
    for x in [&mut c, &mut e] {
        x.date = Some(d("2020-02-01"));
        x.doc_type = Some(DocType::ChiThi);
    }
    let w = numberings(&[a, b, c, e], &lookup);
    let got: Vec<(usize, WarningKind)> = w.iter().map(|w| (w.citation.unwrap(), w.kind)).collect();
    assert_eq!(
        got,
        [(1, WarningKind::TwoNumberings), (1, WarningKind::NumberDiffers), (3, WarningKind::TwoNumberings)]
    );
    assert!(w[0].message.contains("11-QĐi/TW") && w[0].message.contains("11-QĐ/TW"), "{}", w[0].message);
}

/// A short name the text defined as a serial ("sau đây gọi tắt là Nghị định 59") and used
/// later is neither a second numbering nor an incomplete number.
#[test]
fn a_defined_short_serial_is_not_a_number() {
    let lookup = Mem(vec![meta("nd-59", DocType::NghiDinh, "59/2023/NĐ-CP", "2023-08-14")]);
    let text =
        "Nghị định số 59/2023/NĐ-CP (sau đây gọi tắt là Nghị định 59); Điều 5 Nghị định 59; Nghị định 59.";
    let a = cit(text, "Nghị định số 59/2023/NĐ-CP", 0, Some("59/2023/NĐ-CP"), Some("nd-59"));
    let mut b = cit(text, "Điều 5 Nghị định 59", 0, Some("59"), Some("nd-59"));
    b.alias_of = Some(0);
    // The same serial not tied to the definition is still an incomplete number.
    let c = cit(text, "Nghị định 59", 2, Some("59"), Some("nd-59"));
    let w = numberings(&[a, b, c], &lookup);
    let got: Vec<(usize, WarningKind)> = w.iter().map(|w| (w.citation.unwrap(), w.kind)).collect();
    assert_eq!(got, [(2, WarningKind::TwoNumberings), (2, WarningKind::IncompleteNumber)]);
}

/// A name written beside a number that names another document is warned, with the documents
/// of that name (probe 8: "Luật Doanh nghiệp số 59/2014/QH13" went to the Luật Căn cước công
/// dân in silence); a version of the same law or a short name no document has is not.
#[test]
fn a_name_that_is_another_documents() {
    let titled = |id: &str, t: DocType, n: &str, signed: &str, title: &str| {
        let mut m = meta(id, t, n, signed);
        m.title = title.into();
        m
    };
    let lookup = Mem(vec![
        titled("luat-59-2014", DocType::Luat, "59/2014/QH13", "2014-11-20", "Luật Căn cước công dân"),
        titled("luat-59-2020", DocType::Luat, "59/2020/QH14", "2020-06-17", "Luật Doanh nghiệp"),
        titled("bl-10-2012", DocType::BoLuat, "10/2012/QH13", "2012-06-18", "Bộ luật Lao động"),
    ]);
    let text =
        "Luật Doanh nghiệp số 59/2014/QH13; Bộ luật Lao động số 10/2012/QH13; Luật PPP số 59/2014/QH13.";
    let mut rows = Vec::new();
    for (surface, name, number, target, t) in [
        ("Luật Doanh nghiệp số 59/2014/QH13", "Doanh nghiệp", "59/2014/QH13", "luat-59-2014", DocType::Luat),
        ("Bộ luật Lao động số 10/2012/QH13", "Lao động", "10/2012/QH13", "bl-10-2012", DocType::BoLuat),
        ("Luật PPP số 59/2014/QH13", "PPP", "59/2014/QH13", "luat-59-2014", DocType::Luat),
    ] {
        let mut c = cit(text, surface, 0, Some(number), Some(target));
        c.name = Some(name.into());
        c.doc_type = Some(t);
        rows.push(c);
    }
    let w = names(&rows, Some(d("2025-03-05")), &lookup);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!((w[0].citation, w[0].kind), (Some(0), WarningKind::NameDiffers));
    for part in ["Luật Căn cước công dân", "Luật 59/2020/QH14 (Luật Doanh nghiệp)"] {
        assert!(w[0].message.contains(part), "{}", w[0].message);
    }
    // A record known by its number only has no name to differ from (probe 11).
    let untitled = Mem(vec![
        titled("luat-31-2024", DocType::Luat, "31/2024/QH15", "2024-01-18", "Luật 31/2024/QH15"),
        titled("luat-45-2013", DocType::Luat, "45/2013/QH13", "2013-11-29", "Luật Đất đai"),
    ]);
    let mut c = cit(
        "Luật Đất đai số 31/2024/QH15",
        "Luật Đất đai số 31/2024/QH15",
        0,
        Some("31/2024/QH15"),
        Some("luat-31-2024"),
    );
    c.name = Some("Đất đai".into());
    c.doc_type = Some(DocType::Luat);
    assert!(names(&[c], Some(d("2025-03-05")), &untitled).is_empty());
    // In a plan older than the only other document of that name, nothing to offer: no warning
    // that names a law not yet passed (trial 8).
    assert!(names(&rows, Some(d("2019-03-05")), &lookup).is_empty());
}

#[test]
fn malformed_numbers() {
    let text = "Nghị định 4/2015/NĐ/CP, ngày 9/1/2015; Nghị định số 59/2023/NĐ - CP; Chỉ thị số 30/CTTg; Quy định 84 QĐ/TW của Bộ; Kết luận số 120-KL/TW của Bộ Chính trị.";
    let cits = [
        cit(text, "Nghị định 4/2015/NĐ/CP, ngày 9/1/2015", 0, Some("4/2015/NĐ-CP"), None),
        cit(text, "Nghị định số 59/2023/NĐ - CP", 0, Some("59/2023/NĐ-CP"), None),
        cit(text, "Chỉ thị số 30/CTTg", 0, Some("30/CT-TTg"), None),
        cit(text, "Quy định 84 QĐ/TW của Bộ", 0, Some("84-QĐ/TW"), None),
        cit(text, "Kết luận số 120-KL/TW của Bộ Chính trị", 0, Some("120-KL/TW"), None),
    ];
    let w = malformed(text, &cits, &Mem(Vec::new()));
    let got: Vec<usize> = w.iter().map(|w| w.citation.unwrap()).collect();
    assert_eq!(got, [0, 2, 3]);
    // A joint resolution's number as published with its slash (probe 13: warned).
    let text = "Nghị quyết liên tịch số 01/2014/NQLT/CP-UBTƯMTTQVN; Nghị định 4/2015/NĐ/CP";
    let mut joint = meta("nq", DocType::NghiQuyetLienTich, "01/2014/NQLT-CP-UBTƯMTTQVN", "2014-01-01");
    joint.number = Some("01/2014/NQLT/CP-UBTƯMTTQVN".into());
    let cits = [
        cit(
            text,
            "Nghị quyết liên tịch số 01/2014/NQLT/CP-UBTƯMTTQVN",
            0,
            Some("01/2014/NQLT-CP-UBTƯMTTQVN"),
            Some("nq"),
        ),
        cit(text, "Nghị định 4/2015/NĐ/CP", 0, Some("4/2015/NĐ-CP"), None),
    ];
    let got: Vec<usize> =
        malformed(text, &cits, &Mem(vec![joint])).iter().map(|w| w.citation.unwrap()).collect();
    assert_eq!(got, [1]);
    assert!(
        w[0].message.contains("4/2015/NĐ/CP") && w[0].message.contains("4/2015/NĐ-CP"),
        "{}",
        w[0].message
    );
    assert_eq!(
        written_number("Nghị định số 59/2023/NĐ - CP, ngày", "59/2023/NĐ-CP"),
        Some("59/2023/NĐ - CP")
    );
}

#[test]
fn deadlines_before_the_plan() {
    let text = "Hoàn thành trước ngày 10/4/2023; báo cáo chậm nhất là ngày 5 tháng 12 năm 2024; \
nộp trước 01/01/2024. Số liệu tính đến ngày 1/1/2020.";
    let w = deadlines(text, Some(d("2024-03-25")));
    let spans: Vec<&str> = w.iter().map(|w| &text[w.span.start..w.span.end]).collect();
    assert_eq!(spans, ["trước ngày 10/4/2023", "trước 01/01/2024"]);
    assert!(w[0].message.contains("10/04/2023") && w[0].message.contains("25/03/2024"), "{}", w[0].message);
    assert!(deadlines(text, None).is_empty());
    // Decomposed input: the span still points into the input as given.
    let nfd = "Hoàn thành tru\u{31b}o\u{31b}\u{301}c ngày 10/4/2023.";
    let w = deadlines(nfd, Some(d("2024-03-25")));
    assert_eq!(&nfd[w[0].span.start..w[0].span.end], "tru\u{31b}o\u{31b}\u{301}c ngày 10/4/2023");
}

#[test]
fn order_groups_per_citation_and_sorts_by_severity() {
    use WarningKind::*;
    // (kind, citation, span start, message) → expected (kind, citation) in order, and the
    // groups' sizes.
    let w = |kind, citation: Option<usize>, start: usize, msg: &str| Warning {
        kind,
        message: msg.into(),
        span: Span { start, end: start + 5 },
        citation,
    };
    type Row = (Vec<Warning>, Vec<(WarningKind, Option<usize>)>, Vec<usize>);
    let rows: Vec<Row> = vec![
        // Not held comes after a wrong date, though earlier in the text.
        (
            vec![w(Unresolved, Some(0), 0, "a"), w(DateMismatch, Some(1), 50, "b")],
            vec![(DateMismatch, Some(1)), (Unresolved, Some(0))],
            vec![1, 1],
        ),
        // One citation's warnings stay together, most serious first; a repeat is dropped.
        (
            vec![
                w(MalformedNumber, Some(2), 10, "m"),
                w(NotInForce, Some(3), 20, "x"),
                w(NotInForce, Some(2), 10, "r"),
                w(NotInForce, Some(2), 10, "r"),
            ],
            vec![(NotInForce, Some(2)), (MalformedNumber, Some(2)), (NotInForce, Some(3))],
            vec![2, 1],
        ),
        // Warnings without a citation are grouped by their span.
        (
            vec![w(ImpossibleDeadline, None, 30, "d"), w(ImpossibleDeadline, None, 40, "e")],
            vec![(ImpossibleDeadline, None), (ImpossibleDeadline, None)],
            vec![1, 1],
        ),
        (vec![], vec![], vec![]),
    ];
    for (input, want, sizes) in rows {
        let (got, groups) = order(input);
        assert_eq!(got.iter().map(|w| (w.kind, w.citation)).collect::<Vec<_>>(), want);
        assert_eq!(groups.iter().map(|g| g.warnings.len()).collect::<Vec<_>>(), sizes);
        assert!(groups.windows(2).all(|g| g[0].severity <= g[1].severity));
    }
}

#[test]
fn a_number_cut_short_is_incomplete_not_wrong() {
    // (written, real, incomplete?)
    let rows = [
        ("145/2020", "145/2020/NĐ-CP", true),
        ("217", "217-QĐ/TW", true),
        ("11-QĐ/TW", "11-QĐi/TW", false),
        ("14", "145/2020/NĐ-CP", false),
        ("145/2020/NĐ-CP", "145/2020/NĐ-CP", false),
    ];
    for (w, r, want) in rows {
        assert_eq!(super::incomplete(w, r), want, "{w} {r}");
    }
}

#[test]
fn dates_no_calendar_has_are_warned() {
    // (text, dates warned as written)
    let rows: &[(&str, &[&str])] = &[
        ("hoàn thành trước ngày 30/02/2024.", &["30/02/2024"]),
        ("Căn cứ Nghị định số 1/2024/NĐ-CP ngày 31 tháng 4 năm 2024;", &["ngày 31 tháng 4 năm 2024"]),
        ("họp ngày 5/13/2024", &["5/13/2024"]),
        // Real dates, and numbers that are no dates.
        ("ngày 29/02/2024, ngày 28 tháng 2 năm 2023, Nghị định 30/2024/NĐ-CP", &[]),
    ];
    for (text, want) in rows {
        let got: Vec<&str> =
            super::invalid_dates(text).iter().map(|w| &text[w.span.start..w.span.end]).collect();
        assert_eq!(got, *want, "{text}");
    }
}

/// Probe 16: a ministry written as the issuer of a Party document was never warned (the
/// Politburo has no ministry code); a Party number says so even when it is not held.
#[test]
fn a_ministry_written_for_a_party_document() {
    let mut politburo = meta("qdi-7", DocType::QuyDinh, "7-QĐi/TW", "2021-05-20");
    politburo.issuer = Some("Bộ Chính trị".into());
    let lookup = Mem(vec![politburo]);
    let text = "Quy định số 7-QĐi/TW của Bộ Y tế; Chỉ thị số 12-CT/TW của Bộ Công Thương; Quy định số 7-QĐi/TW của Bộ Chính trị.";
    let with = |surface: &str, n: &str, target: Option<&str>, issuer: &str| {
        let mut c = cit(text, surface, 0, Some(n), target);
        c.issuer = Some(issuer.into());
        c
    };
    let cits = [
        with("Quy định số 7-QĐi/TW của Bộ Y tế", "7-QĐi/TW", Some("qdi-7"), "Bộ Y tế"),
        with("Chỉ thị số 12-CT/TW của Bộ Công Thương", "12-CT/TW", None, "Bộ Công Thương"),
        with("Quy định số 7-QĐi/TW của Bộ Chính trị", "7-QĐi/TW", Some("qdi-7"), "Bộ Chính trị"),
    ];
    let w = issuers(&cits, &lookup);
    let warned: Vec<Option<usize>> = w.iter().map(|w| w.citation).collect();
    assert_eq!(warned, vec![Some(0), Some(1)], "{w:?}");
    assert!(w.iter().all(|w| w.kind == WarningKind::IssuerDiffers));
    assert!(w[1].message.contains("12-CT/TW"), "{}", w[1].message);
}

#[test]
fn issuers_written_and_real() {
    // (written, the document's issuer, agree?)
    let rows = [
        ("Chính phủ", "Chính phủ", true),
        ("Bộ trưởng Bộ Tài chính", "Bộ Tài chính", true),
        ("Bộ Y tế, Bộ Tài chính", "Bộ Y tế và Bộ Tài chính", true),
        ("UBND tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Yên Bái", true),
        (
            "Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam",
            "Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            true,
        ),
        // The same kind of body written otherwise may be an abbreviation: not warned.
        ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội", true),
        // Another kind of body: a sure disagreement (trial 7).
        ("Bộ Lao động - Thương binh và Xã hội", "Chính phủ", false),
        ("Thủ tướng Chính phủ", "Quốc hội", false),
        // An office for its body, and abbreviated bodies (probe 11).
        ("Thống đốc Ngân hàng Nhà nước", "Ngân hàng Nhà nước Việt Nam", true),
        ("Tổng Thanh tra Chính phủ", "Thanh tra Chính phủ", true),
        ("NHNN Việt Nam", "Ngân hàng Nhà nước Việt Nam", true),
        ("CP", "Chính phủ", true),
        // Probe 13: the court council, short and abbreviated.
        ("Hội đồng Thẩm phán", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", true),
        ("Hội đồng Thẩm phán TANDTC", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", true),
        ("HĐTP TANDTC", "Hội đồng Thẩm phán Tòa án nhân dân tối cao", true),
        ("Hội đồng Thẩm phán", "Tòa án nhân dân tối cao", true),
        ("Hội đồng Thẩm phán TANDTC", "Tòa án nhân dân tối cao", true),
        ("Hội đồng Thẩm phán", "Viện kiểm sát nhân dân tối cao", false),
        ("Thống đốc Ngân hàng Nhà nước", "Bộ Tài chính", false),
    ];
    for (w, r, want) in rows {
        assert_eq!(super::issuers_agree(w, r), want, "{w} / {r}");
    }
}

/// Probe 13: a ministry written for another ministry's circular was never warned (bodies of
/// one kind were not compared, lest an abbreviation be taken for another body); they are
/// compared by the codes symbols use.
#[test]
fn ministries_written_and_real() {
    // (written, the document's issuer, its number, differ?)
    let rows = [
        ("Bộ Nội vụ", "Bộ Lao động - Thương binh và Xã hội", "02/2020/TT-BLĐTBXH", true),
        ("Bộ trưởng Bộ Tài chính", "Bộ Nội vụ", "03/2020/TT-BNV", true),
        ("Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch", "17/2018/TT-BVHTTDL", true),
        ("Bộ Tư pháp và Bộ Tài chính", "Bộ Tư pháp và Bộ Nội vụ", "02/2013/TTLT-BTP-BNV", true),
        // The same ministry, however written.
        ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội", "02/2020/TT-BLĐTBXH", false),
        (
            "Bộ Lao động, Thương binh và Xã hội",
            "Bộ Lao động - Thương binh và Xã hội",
            "02/2020/TT-BLĐTBXH",
            false,
        ),
        ("Bộ Văn hóa - Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch", "01/2009/TT-BVHTTDL", false),
        ("Bộ NN&PTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "01/2020/TT-BNNPTNT", false),
        ("Bộ trưởng Bộ Tài chính", "Bộ Tài chính", "78/2014/TT-BTC", false),
        ("Bộ Y tế, Bộ Tài chính", "Bộ Y tế và Bộ Tài chính", "01/2020/TTLT-BYT-BTC", false),
        // The issuer recorded otherwise (an old name): the symbol's code agrees.
        ("Bộ GDĐT", "Bộ Giáo dục", "01/2010/TT-BGDĐT", false),
        // Not a ministry written, or no ministry known: left to the kinds' rule.
        ("Chính phủ", "Bộ Nội vụ", "03/2020/TT-BNV", false),
        // The Politburo is no ministry (its "BCT" is not the trade ministry's), and a term in
        // parentheses is no part of a name.
        ("Bộ Chính trị", "Bộ Chính trị (khóa XII)", "05-CT/TW", false),
        ("Bộ Chính trị (khóa XI)", "Bộ Chính trị", "120-KL/TW", false),
        ("Bộ Công Thương", "Bộ Công Thương (khóa XII)", "05/2020/TT-BCT", false),
        ("Bộ Công Thương", "Bộ Chính trị", "05-CT/TW", false),
        (
            "Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Tài chính, Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
            "Bộ Y tế, Bộ Tài chính và Bộ Lao động - Thương Binh và Xã hội",
            "07/2016/TTLT-BYT-BTC-BLĐTBXH",
            false,
        ),
        ("Bộ Nội vụ", "Chính phủ", "01/2020/NĐ-CP", false),
    ];
    for (w, r, n, want) in rows {
        assert_eq!(crate::cite::issuer::ministries_differ(w, r, Some(n)), want, "{w} / {r} / {n}");
    }
}

/// A number written otherwise than the document's says how, naming both spellings; its year
/// left out is a number written short; a type word its number contradicts is warned, a type
/// only implied by the symbol is not.
#[test]
fn numbers_and_types_written_otherwise() {
    let lookup = Mem(vec![
        meta("nd-4", DocType::NghiDinh, "04/2015/NĐ-CP", "2015-01-09"),
        meta("nd-145", DocType::NghiDinh, "145/2020/NĐ-CP", "2020-12-14"),
        meta("qdi-124", DocType::QuyDinh, "124-QĐ/TW", "2018-02-02"),
        meta("ct-30", DocType::ChiThi, "30-CT/TW", "1998-02-18"),
    ]);
    let text = "Nghị định số 4/2015/NĐ-CP; Nghị định số 145/NĐ-CP ngày 14/12/2020; Quyết định số 124-QĐ/TW; theo 124-QĐ/TW; Chỉ thị 30/CT-TW.";
    let variant = |surface: &str, t: DocType, n: &str, target: &str| {
        let mut c = cit(text, surface, 0, Some(n), Some(target));
        c.doc_type = Some(t);
        c.confidence = Some(crate::cite::Confidence::Variant);
        c
    };
    let cits = [
        variant("Nghị định số 4/2015/NĐ-CP", DocType::NghiDinh, "4/2015/NĐ-CP", "nd-4"),
        variant("Nghị định số 145/NĐ-CP ngày 14/12/2020", DocType::NghiDinh, "145/NĐ-CP", "nd-145"),
        variant("Quyết định số 124-QĐ/TW", DocType::QuyetDinh, "124-QĐ/TW", "qdi-124"),
        variant("124-QĐ/TW", DocType::QuyetDinh, "124-QĐ/TW", "qdi-124"),
        variant("Chỉ thị 30/CT-TW", DocType::ChiThi, "30/CT-TW", "ct-30"),
    ];
    let w = numberings(&cits, &lookup);
    let got: Vec<(usize, WarningKind, &str)> =
        w.iter().map(|w| (w.citation.unwrap(), w.kind, w.message.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                0,
                WarningKind::NumberDiffers,
                "Số hiệu ghi 4/2015/NĐ-CP là cách viết khác của số hiệu 04/2015/NĐ-CP (khác số 0 ở đầu số thứ tự); hãy ghi đúng số hiệu của văn bản."
            ),
            (
                1,
                WarningKind::IncompleteNumber,
                "Số hiệu ghi thiếu: 145/NĐ-CP; số hiệu đầy đủ của văn bản là 145/2020/NĐ-CP."
            ),
            (
                4,
                WarningKind::NumberDiffers,
                "Số hiệu ghi 30/CT-TW là cách viết khác của số hiệu 30-CT/TW (dấu “/” và “-” đặt đổi chỗ); hãy ghi đúng số hiệu của văn bản."
            ),
        ]
    );
    let t = types(&cits, &lookup);
    let got: Vec<(usize, WarningKind, &str)> =
        t.iter().map(|w| (w.citation.unwrap(), w.kind, w.message.as_str())).collect();
    assert_eq!(
        got,
        [(
            2,
            WarningKind::TypeDiffers,
            "Loại văn bản ghi Quyết định; số hiệu 124-QĐ/TW là của Quy định 124-QĐ/TW."
        )]
    );
    // A citation found by number is held to the date and the body written, variant or not.
    let mut dated = cits[0].clone();
    dated.date = Some(d("2015-03-20"));
    assert_eq!(dates(&[dated], &lookup).len(), 1);
}

/// Trial 9: candidates known only by citation were listed as "có trong kho" like held texts.
#[test]
fn candidates_known_only_by_citation_are_said_so() {
    struct Cited(Mem, &'static str);
    impl Lookup for Cited {
        fn meta(&self, id: &str) -> Option<&Metadata> {
            self.0.meta(id)
        }
        fn superseded_by(&self, id: &str) -> Vec<(RelationKind, &Metadata)> {
            self.0.superseded_by(id)
        }
        fn cited_only(&self, id: &str) -> bool {
            id == self.1
        }
    }
    let lookup = Cited(
        Mem(vec![
            meta("luat-a", DocType::Luat, "66/2014/QH13", "2014-11-25"),
            meta("luat-b", DocType::Luat, "63/2006/QH11", "2006-06-29"),
        ]),
        "luat-b",
    );
    let text = "Căn cứ Luật Thử;";
    let mut c = cit(text, "Luật Thử", 0, None, None);
    c.doc_type = Some(DocType::Luat);
    c.name = Some("Thử".into());
    c.candidates = vec!["luat-a".into(), "luat-b".into()];
    c.confidence = Some(crate::cite::Confidence::Ambiguous);
    let w = unresolved(&[c], None, &lookup);
    let msg = &w[0].message;
    assert!(msg.contains("66/2014/QH13 (Thử);"), "{msg}");
    assert!(msg.contains("63/2006/QH11 (Thử, chỉ biết qua trích dẫn)"), "{msg}");
}
