//! Search: routing of every number and pinpoint variant, Vietnamese matching (diacritics,
//! NFD/NFC, tone placement, "điểm đ" vs "điểm d"), malformed queries, filters and facets,
//! the atomic index swap under abort and kill — on small documents written here (invented
//! text, real numbers and titles) — and relevance on the real Pháp điển data.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use cancu::index;
use cancu::model::{Article, Block, Completeness, DocType, Document, Metadata, Status};
use cancu::search::{Filters, Query, Route, Searcher};
use unicode_normalization::UnicodeNormalization;

pub(crate) fn doc(
    t: DocType,
    number: Option<&str>,
    title: &str,
    articles: &[(&str, &str, &[&str])],
) -> Document {
    let canonical = number.map(cancu::number::canonicalize);
    let id = cancu::number::doc_id(t, canonical.as_deref(), None, title, None);
    let mut meta = Metadata::new(id, t, title);
    meta.number = number.map(str::to_string);
    meta.canonical = canonical;
    meta.status = Status::InForce;
    meta.completeness = if articles.is_empty() { Completeness::MetadataOnly } else { Completeness::Full };
    let body = articles
        .iter()
        .map(|(n, title, ps)| {
            Block::Article(Article {
                number: n.to_string(),
                title: title.to_string(),
                paragraphs: ps.iter().map(|p| p.to_string()).collect(),
            })
        })
        .collect();
    Document { meta, body }
}

/// Invented documents under real numbers and titles.
fn fixtures() -> Vec<Document> {
    let mut luat = doc(
        DocType::Luat,
        Some("10/2022/QH15"),
        "Luật Thực hiện dân chủ ở cơ sở",
        &[
            (
                "1",
                "Phạm vi điều chỉnh",
                &["Luật này nói về việc người dân tham gia công việc chung ở cơ sở."],
            ),
            (
                "5",
                "Những hành vi bị nghiêm cấm",
                &["1. Cấm cản trở người dân bàn việc.", "2. Cấm trả thù người góp ý."],
            ),
            (
                "15",
                "Những nội dung Nhân dân bàn và quyết định",
                &["Nhân dân bàn và quyết định chủ trương xây đường thôn."],
            ),
        ],
    );
    luat.meta.issuer = Some("Quốc hội".into());
    luat.meta.signed = "2022-11-10".parse().ok();
    let mut nd = doc(
        DocType::NghiDinh,
        Some("59/2023/NĐ-CP"),
        "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
        &[
            ("1", "Phạm vi điều chỉnh", &["Nghị định này quy định chi tiết một số điều về dân chủ ở cơ sở."]),
            (
                "4",
                "Phát phiếu lấy ý kiến",
                &[
                    "1. Tổ dân phố phát phiếu cho từng hộ gia đình.",
                    "a) Phiếu ghi rõ nội dung.",
                    "đ) Phiếu được thu lại trong năm ngày.",
                    "d) Phiếu hỏng được thay.",
                ],
            ),
            (
                "7",
                "Quy trình bầu trưởng thôn",
                &[
                    "Hội nghị bầu trưởng thôn, trưởng tổ dân phố do Ban công tác Mặt trận chủ trì.",
                    "Người trúng cử là người được quá nửa số hộ đồng ý.",
                ],
            ),
        ],
    );
    nd.meta.issuer = Some("Chính phủ".into());
    nd.meta.signed = "2023-08-14".parse().ok();
    let mut nd145 = doc(
        DocType::NghiDinh,
        Some("145/2020/NĐ-CP"),
        "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động",
        &[
            ("36", "Trách nhiệm tổ chức đối thoại", &["Người sử dụng lao động tổ chức đối thoại tại nơi làm việc."]),
            ("37", "Đối thoại định kỳ", &["Đối thoại định kỳ được tổ chức mỗi năm ít nhất một lần."]),
        ],
    );
    nd145.meta.signed = "2020-12-14".parse().ok();
    // Pháp điển đề mục of the labour articles (invented codes).
    for a in ["36", "37"] {
        let demuc = Some("48.9".to_string());
        nd145.meta.articles.push(cancu::model::ArticleMeta { number: a.into(), demuc, ..Default::default() });
    }
    let mut blld = doc(
        DocType::BoLuat,
        Some("45/2019/QH14"),
        "Bộ luật Lao động",
        &[
            ("62", "Thỏa ước lao động tập thể", &["Thỏa ước được thương lượng giữa hai bên."]),
            (
                "63",
                "Tổ chức đối thoại tại nơi làm việc",
                &[
                    "1. Đối thoại là việc chia sẻ thông tin.",
                    "2. Người sử dụng lao động phải tổ chức đối thoại định kỳ ít nhất một lần một năm.",
                ],
            ),
        ],
    );
    blld.meta.articles.push(cancu::model::ArticleMeta {
        number: "63".into(),
        demuc: Some("48.9".into()),
        ..Default::default()
    });
    let words = doc(
        DocType::Luat,
        Some("99/2099/QH99"),
        "Luật thử chữ",
        &[
            ("1", "Chữ dần", &["Việc này làm dần dần từng bước."]),
            ("2", "Chữ dân", &["Việc này do dân làm, dân kiểm tra."]),
            ("3", "Hòa giải", &["Tổ hòa giải ở thôn hòa giải việc nhỏ."]),
        ],
    );
    let mut qd = doc(
        DocType::QuyDinh,
        Some("11-QĐi/TW"),
        "Quy định về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân",
        &[],
    );
    qd.meta.issuer = Some("Ban Chấp hành Trung ương".into());
    vec![
        luat,
        nd,
        nd145,
        blld,
        words,
        qd,
        doc(DocType::KeHoach, Some("234 - KH/ĐUK"), "Kế hoạch thực hiện quy chế dân chủ của Đảng ủy Khối", &[]),
        doc(DocType::Luat, Some("104/2016/QH13"), "Luật Tiếp cận thông tin", &[("1", "Phạm vi", &["Công dân tiếp cận thông tin."])]),
        doc(DocType::NghiDinh, Some("104/2016/NĐ-CP"), "Quy định về hoạt động tiêm chủng", &[]),
        doc(DocType::Luat, Some("18/2008/QH12"), "Luật Năng lượng nguyên tử", &[]),
        doc(DocType::NghiQuyet, Some("18/2008/QH12"), "Nghị quyết về đẩy mạnh thực hiện chính sách, pháp luật xã hội hóa để nâng cao chất lượng chăm sóc sức khỏe nhân dân", &[]),
    ]
}

/// One fixture index shared by the tests that only read it.
fn fixture_searcher() -> &'static Searcher {
    static S: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    &S.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("index");
        index::build(&fixtures(), &idx).unwrap();
        let s = Searcher::open(&idx).unwrap();
        (dir, s)
    })
    .1
}

/// Whether the index behind `s` has NĐ 145/2020 (absent from the first build in the swap tests).
fn has_145(s: &Searcher) -> bool {
    s.search(&Query::new("đối thoại định kỳ"))
        .unwrap()
        .hits
        .iter()
        .any(|h| h.number.as_deref() == Some("145/2020/NĐ-CP"))
}

fn top(s: &Searcher, q: &str) -> Vec<(String, Option<String>)> {
    let r = s.search(&Query::new(q)).unwrap_or_else(|e| panic!("{q}: {e}"));
    r.hits.into_iter().map(|h| (h.number.unwrap_or_default(), h.article)).collect()
}

#[test]
fn numbers_route_to_their_document() {
    let s = fixture_searcher();
    let rows: &[(&str, &str)] = &[
        ("59/2023/NĐ-CP", "59/2023/NĐ-CP"),
        ("59/2023/ND-CP", "59/2023/NĐ-CP"),
        ("nđ 59/2023", "59/2023/NĐ-CP"),
        ("nghị định 59 năm 2023", "59/2023/NĐ-CP"),
        ("nghi dinh 59/2023", "59/2023/NĐ-CP"),
        ("Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP"),
        ("10/2022/QH15", "10/2022/QH15"),
        ("11-QĐi/TW", "11-QĐi/TW"),
        ("11-QĐ/TW", "11-QĐi/TW"),
        ("234 - KH/ĐUK", "234-KH/ĐUK"),
        ("234-kh/duk", "234-KH/ĐUK"),
        ("luật 104/2016", "104/2016/QH13"),
        ("nghị định 104/2016", "104/2016/NĐ-CP"),
        ("104/2016/QH13", "104/2016/QH13"),
    ];
    for (q, want) in rows {
        let r = s.search(&Query::new(*q)).unwrap();
        assert!(matches!(r.route, Some(Route::Document { .. })), "{q}: {:?}", r.route);
        assert_eq!(r.hits[0].number.as_deref(), Some(*want), "{q}");
    }
    // A document with articles lists them in order; one without is a document-level hit.
    assert_eq!(
        top(s, "59/2023/NĐ-CP").iter().map(|h| h.1.clone().unwrap()).collect::<Vec<_>>(),
        ["1", "4", "7"]
    );
    assert_eq!(top(s, "11-QĐ/TW"), [("11-QĐi/TW".to_string(), None)]);
}

#[test]
fn a_number_the_catalog_lacks_says_so() {
    // Regression: "Thông tư 01/2021/TT-BNV" (held nowhere) listed unrelated circulars that
    // share its digits, with no word that the number itself was not found.
    let s = fixture_searcher();
    // Also a type glued to a serial and year, as cadres type it ("NĐ73/2024": unrelated hits
    // with no notice before).
    for q in ["Thông tư 01/2021/TT-BNV", "99/2099/NĐ-CP", "NĐ73/2024", "nghị định 73/2024"] {
        let r = s.search(&Query::new(q)).unwrap();
        assert!(r.route.is_none(), "{q}");
        let notice = r.notice.unwrap_or_default();
        assert!(
            notice.starts_with("Không có văn bản số ") && notice.contains("trong kho dữ liệu"),
            "{q}: {notice}"
        );
    }
    // A held number, and a query without a number, get no such notice.
    assert!(s.search(&Query::new("59/2023/NĐ-CP")).unwrap().notice.is_none());
    assert!(s.search(&Query::new("thời hạn giải quyết")).unwrap().notice.is_none());
}

#[test]
fn ambiguous_numbers_offer_both_or_follow_the_type_word() {
    let s = fixture_searcher();
    let types = |q: &str| -> Vec<DocType> {
        s.search(&Query::new(q)).unwrap().hits.iter().map(|h| h.doc_type).collect()
    };
    let mut both = types("18/2008/QH12");
    both.sort();
    assert_eq!(both, [DocType::Luat, DocType::NghiQuyet]);
    assert_eq!(types("luật 18/2008/QH12"), [DocType::Luat]);
    assert_eq!(types("Nghị quyết số 18/2008/QH12"), [DocType::NghiQuyet]);
    let mut both = types("104/2016");
    both.sort();
    assert_eq!(both, [DocType::Luat, DocType::NghiDinh]);
}

#[test]
fn pinpoints_route_to_the_article() {
    let s = fixture_searcher();
    let rows: &[(&str, &str, &str)] = &[
        ("khoản 2 Điều 63 Bộ luật Lao động", "45/2019/QH14", "63"),
        ("khoản 2 điều 63 bộ luật lao động", "45/2019/QH14", "63"),
        ("điều 5 luật thực hiện dân chủ ở cơ sở", "10/2022/QH15", "5"),
        ("dieu 5 luat thuc hien dan chu o co so", "10/2022/QH15", "5"),
        ("NĐ 145/2020 điều 37", "145/2020/NĐ-CP", "37"),
        ("Điều 7 Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "7"),
        ("điểm đ khoản 1 điều 4 nghị định 59/2023/NĐ-CP", "59/2023/NĐ-CP", "4"),
    ];
    for (q, number, article) in rows {
        let r = s.search(&Query::new(*q)).unwrap();
        assert!(matches!(r.route, Some(Route::Article { .. })), "{q}: {:?}", r.route);
        assert_eq!(
            (r.hits[0].number.as_deref(), r.hits[0].article.as_deref()),
            (Some(*number), Some(*article)),
            "{q}"
        );
    }
    // The khoản's own text is the snippet, and the anchor points at it.
    let r = s.search(&Query::new("khoản 2 Điều 63 Bộ luật Lao động")).unwrap();
    assert!(r.hits[0].snippet_text.starts_with("2. Người sử dụng"), "{}", r.hits[0].snippet_text);
    assert_eq!(r.hits[0].anchor.as_deref(), Some("dieu-63-khoan-2"));
    let r = s.search(&Query::new("điểm đ khoản 1 điều 4 nghị định 59/2023/NĐ-CP")).unwrap();
    assert!(r.hits[0].snippet_text.starts_with("đ) Phiếu được thu"), "{}", r.hits[0].snippet_text);
    // A clause or point the article lacks is not pointed at: the route and the anchor keep
    // the parts the article has, and a notice says what it lacks (new-user trial: "Đ35.3.d
    // BLLĐ" anchored at a khoản 3 Điều 35 does not have).
    let r = s.search(&Query::new("khoản 9 Điều 63 Bộ luật Lao động")).unwrap();
    assert_eq!(r.hits[0].anchor.as_deref(), Some("dieu-63"));
    assert!(matches!(&r.route, Some(Route::Article { clause: None, point: None, .. })), "{:?}", r.route);
    assert!(r.notice.as_deref().is_some_and(|n| n.contains("không có khoản 9")), "{:?}", r.notice);
    let r = s.search(&Query::new("điểm k khoản 1 điều 4 nghị định 59/2023/NĐ-CP")).unwrap();
    assert_eq!(r.hits[0].anchor.as_deref(), Some("dieu-4-khoan-1"));
    assert!(r.notice.as_deref().is_some_and(|n| n.contains("không có điểm k khoản 1")), "{:?}", r.notice);
    // A number with words searches inside the document.
    let r = s.search(&Query::new("nghị định 59/2023 bầu trưởng thôn")).unwrap();
    assert_eq!(r.hits[0].article.as_deref(), Some("7"));
    assert!(r.hits.iter().all(|h| h.number.as_deref() == Some("59/2023/NĐ-CP")));
}

#[test]
fn full_text_with_and_without_diacritics() {
    let s = fixture_searcher();
    let first = |q: &str| top(s, q).into_iter().next().unwrap();
    assert_eq!(first("quy trình bầu trưởng thôn"), ("59/2023/NĐ-CP".into(), Some("7".into())));
    assert_eq!(first("bau truong thon"), ("59/2023/NĐ-CP".into(), Some("7".into())));
    assert_eq!(first("đối thoại định kỳ"), ("145/2020/NĐ-CP".into(), Some("37".into())));
    // Exact diacritics rank first: "dân" beats "dần", "dần" beats "dân".
    assert_eq!(first("dân").1.as_deref(), Some("2"));
    assert_eq!(first("dần").1.as_deref(), Some("1"));
    // Without diacritics both are found.
    let both: Vec<_> =
        top(s, "dan").into_iter().filter(|h| h.0 == "99/2099/QH99").map(|h| h.1.unwrap()).collect();
    assert!(both.contains(&"1".to_string()) && both.contains(&"2".to_string()), "{both:?}");
}

#[test]
fn snippets_are_escaped_and_marked() {
    let s = fixture_searcher();
    let r = s.search(&Query::new("bầu trưởng thôn")).unwrap();
    let h = &r.hits[0];
    assert!(h.snippet.contains("<mark>trưởng</mark>"), "{}", h.snippet);
    assert!(!h.snippet_text.contains("<mark>"));
    let r = s.search(&Query::new("<script>alert(1)</script> dân")).unwrap();
    assert!(r.hits.iter().all(|h| !h.snippet.contains("<script>")));
}

#[test]
fn long_texts_get_their_snippet_around_the_typed_word() {
    // The match lies past the bytes read from the start of a text: it is found through the
    // word typed with diacritics; typed without them, the snippet is the text's start.
    let filler = "Nội dung chung của văn bản thử nghiệm. ".repeat(400);
    let text = format!("{filler}Người làm công được nghỉ hằng năm mười hai ngày.");
    let d = doc(DocType::Luat, Some("99/2099/QH99"), "Luật Thử", &[("1", "Nghỉ hằng năm", &[text.as_str()])]);
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("index");
    index::build(&[d], &idx).unwrap();
    let s = Searcher::open(&idx).unwrap();
    let h = &s.search(&Query::new("nghỉ hằng năm")).unwrap().hits[0];
    assert!(h.snippet.contains("<mark>hằng</mark>"), "{}", h.snippet);
    assert!(h.snippet_text.contains("mười hai ngày"), "{}", h.snippet_text);
    let h = &s.search(&Query::new("nghi hang nam")).unwrap().hits[0];
    assert!(h.snippet_text.starts_with("Nội dung chung"), "{}", h.snippet_text);
}

#[test]
fn nfd_nfc_and_tone_placement_give_the_same_hits() {
    let s = fixture_searcher();
    let q = "quy trình bầu trưởng thôn hòa giải";
    let nfc = top(s, &q.nfc().collect::<String>());
    assert_eq!(nfc, top(s, &q.nfd().collect::<String>()));
    assert_eq!(top(s, "hòa giải ở thôn"), top(s, "hoà giải ở thôn"));
    assert_eq!(top(s, "hòa giải ở thôn")[0].1.as_deref(), Some("3"));
    assert_eq!(top(s, "thỏa ước"), top(s, "thoả ước"));
}

#[test]
fn point_letters_keep_their_identity() {
    let s = fixture_searcher();
    // The phrase "điểm đ" / "đ)" is not "d)".
    let r = s.search(&Query::new("\"đ phiếu\"")).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert!(r.hits[0].snippet_text.contains("đ) Phiếu"));
    let r = s.search(&Query::new("\"d phiếu\"")).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert!(r.hits[0].snippet_text.contains("d) Phiếu"), "{}", r.hits[0].snippet_text);
}

#[test]
fn malformed_queries_are_errors_not_panics() {
    let s = fixture_searcher();
    for q in ["", "   ", "\"dân chủ", "?!.,;:", &"dân chủ ".repeat(1500), "*", "\u{0}\u{301}"] {
        match s.search(&Query::new(q)) {
            Err(cancu::Error::Query(m)) => assert!(!m.is_empty()),
            other => panic!("{q:?}: {other:?}"),
        }
    }
    // Odd but valid input works.
    assert!(s.search(&Query::new("a AND b OR -c^2 ~ dân")).is_ok());
    assert!(s.search(&Query::new("title:(a OR")).is_ok());
    assert!(s.search(&Query::new("dân").limit(0)).is_ok());
    assert!(s.search(&Query::new("dân").offset(1_000_000)).unwrap().hits.is_empty());
}

#[test]
fn totals_past_the_budget_are_estimates_and_say_so() {
    let mut s = fixture_searcher().clone();
    let q = Query::new("dân").with_facets();
    let exact = s.search(&q).unwrap();
    let n = exact.total.unwrap();
    assert!(n > 3 && !exact.total_approximate, "{n}");
    assert!(!exact.facets.as_ref().unwrap().approximate);
    s.set_count_budget(2);
    let est = s.search(&q).unwrap();
    assert!(est.total_approximate && est.facets.as_ref().unwrap().approximate, "{est:?}");
    assert!(est.total.unwrap() >= 2);
    // The hits are the same: only the counting changed.
    assert_eq!(est.hits, exact.hits);
    let json = serde_json::to_value(&est).unwrap();
    assert_eq!(
        (json["total_approximate"].as_bool(), json["facets"]["approximate"].as_bool()),
        (Some(true), Some(true))
    );
}

#[test]
fn real_estimated_totals_are_close() {
    let Some(r) = real() else { return };
    let mut all = r.searcher.clone();
    all.set_count_budget(u64::MAX);
    for q in ["và", "quy định", "của"] {
        let est = r.searcher.search(&Query::new(q).with_facets()).unwrap();
        let exact = all.search(&Query::new(q).with_facets()).unwrap();
        let (e, x) = (est.total.unwrap() as f64, exact.total.unwrap() as f64);
        assert!(est.total_approximate && !exact.total_approximate, "{q}");
        assert!((e / x - 1.0).abs() < 0.35, "{q}: estimated {e}, counted {x}");
    }
}

#[test]
fn filters_facets_and_paging() {
    let s = fixture_searcher();
    let q = Query::new("tổ chức đối thoại dân").with_facets();
    let r = s.search(&q).unwrap();
    let total = r.total.unwrap();
    assert!(total >= 4, "{total}");
    let f = r.facets.unwrap();
    let types: Vec<&str> = f.doc_type.iter().map(|c| c.label.as_str()).collect();
    assert!(types.contains(&"Nghị định") && types.contains(&"Bộ luật"), "{types:?}");
    let nd: u64 = f.doc_type.iter().filter(|c| c.value == "nghi-dinh").map(|c| c.count).sum();
    let filtered = s
        .search(&q.clone().filters(Filters { doc_type: Some(DocType::NghiDinh), ..Default::default() }))
        .unwrap();
    assert_eq!(filtered.total, Some(nd as usize));
    assert!(filtered.hits.iter().all(|h| h.doc_type == DocType::NghiDinh));
    // Every count of every facet is the total of the search filtered on that value.
    let facets: [(&str, &[cancu::search::FacetCount]); 5] = [
        ("type", &f.doc_type),
        ("issuer", &f.issuer),
        ("year", &f.year),
        ("status", &f.status),
        ("demuc", &f.demuc),
    ];
    assert_eq!(f.demuc.iter().map(|c| (c.value.as_str(), c.count)).collect::<Vec<_>>(), [("48.9", 3)]);
    for (name, counts) in facets {
        assert!(!counts.is_empty(), "{name}");
        let listed: u64 = counts.iter().map(|c| c.count).sum();
        // Every record has a type and a status.
        let everyone = ["type", "status"].contains(&name);
        assert!(!everyone || listed == total as u64, "{name}: {listed} of {total}");
        for c in counts {
            let v = c.value.clone();
            let flt = match name {
                "type" => Filters { doc_type: DocType::parse(&v), ..Default::default() },
                "issuer" => Filters { issuer: Some(v), ..Default::default() },
                "year" => Filters { year: v.parse().ok(), ..Default::default() },
                "status" => Filters { status: cancu::model::Status::parse(&v), ..Default::default() },
                _ => Filters { demuc: Some(v), ..Default::default() },
            };
            let r = s.search(&q.clone().filters(flt)).unwrap();
            assert_eq!(r.total, Some(c.count as usize), "{name} = {}", c.value);
        }
    }
    let by_issuer = s
        .search(
            &Query::new("dân").filters(Filters { issuer: Some("chinh phu".into()), ..Default::default() }),
        )
        .unwrap();
    assert!(
        !by_issuer.hits.is_empty() && by_issuer.hits.iter().all(|h| h.issuer.as_deref() == Some("Chính phủ"))
    );
    let by_year =
        s.search(&Query::new("dân").filters(Filters { year: Some(2022), ..Default::default() })).unwrap();
    assert!(!by_year.hits.is_empty() && by_year.hits.iter().all(|h| h.year == Some(2022)));
    // Paging: page 2 continues page 1.
    let all = top(s, "dân");
    let p2: Vec<_> = s
        .search(&Query::new("dân").offset(2).limit(2))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.number.unwrap_or_default(), h.article))
        .collect();
    assert_eq!(p2, all[2..4]);
    // Filters apply to routed queries: a number outside them falls back to full text.
    let nd = |flt: Filters| s.search(&Query::new("59/2023/NĐ-CP").filters(flt)).unwrap();
    assert!(nd(Filters { doc_type: Some(DocType::NghiDinh), ..Default::default() }).route.is_some());
    assert!(nd(Filters { issuer: Some("chinh phu".into()), ..Default::default() }).route.is_some());
    let luat = nd(Filters { doc_type: Some(DocType::Luat), ..Default::default() });
    assert!(luat.route.is_none() && luat.hits.iter().all(|h| h.doc_type == DocType::Luat), "{luat:?}");
    assert!(nd(Filters { year: Some(2022), ..Default::default() }).route.is_none());
    // A metadata-only document is found by its title.
    assert_eq!(top(s, "trách nhiệm người đứng đầu tiếp dân")[0].0, "11-QĐi/TW");
}

#[test]
fn reload_swaps_in_a_new_generation() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("index");
    let docs = fixtures();
    index::build(&docs[..2], &idx).unwrap();
    let s = Searcher::open(&idx).unwrap();
    let other = s.clone();
    assert!(!has_145(&s));
    assert!(!s.reload().unwrap());
    index::build(&docs, &idx).unwrap();
    assert!(other.reload().unwrap());
    assert!(has_145(&s));
}

#[test]
fn an_aborted_build_leaves_the_old_index_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("index");
    let docs = fixtures();
    index::build(&docs[..2], &idx).unwrap();
    let fail = |_: &Path| -> cancu::Result<()> { Err(cancu::Error::Index("simulated failure".into())) };
    let opts = index::Options { extra: Some(&fail), ..Default::default() };
    assert!(index::build_with(&docs, &idx, &opts).is_err());
    let s = Searcher::open(&idx).unwrap();
    assert_eq!(top(&s, "bầu trưởng thôn")[0].1.as_deref(), Some("7"));
    assert!(!has_145(&s));
    let leftovers: Vec<_> = std::fs::read_dir(&idx)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_killed_cancu_index_leaves_the_old_index_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    let docs = fixtures();
    for d in &docs[..2] {
        cancu::corpus::store::write(&corpus, d).unwrap();
    }
    let bin = env!("CARGO_BIN_EXE_cancu");
    let st = std::process::Command::new(bin)
        .args(["index", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    // A bigger corpus, so the second build runs long enough to be killed midway.
    for i in 0..400 {
        let mut d = docs[2].clone();
        d.meta.id = format!("{}-{i}", d.meta.id);
        cancu::corpus::store::write(&corpus, &d).unwrap();
    }
    let mut child = std::process::Command::new(bin)
        .args(["index", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let staging = || -> bool {
        std::fs::read_dir(&idx).unwrap().flatten().any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
    };
    while !staging() && started.elapsed().as_secs() < 60 && child.try_wait().unwrap().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let killed_midway = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    child.wait().unwrap();
    let s = Searcher::open(&idx).unwrap();
    assert_eq!(top(&s, "bầu trưởng thôn")[0].1.as_deref(), Some("7"));
    if killed_midway {
        assert!(!has_145(&s), "the half-built index went live");
    }
    // The next build cleans up and goes live.
    let st = std::process::Command::new(bin)
        .args(["index", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(st.status.success());
    assert!(s.reload().unwrap());
    assert!(has_145(&s));
    let names: Vec<String> = std::fs::read_dir(&idx)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn cli_search_json() {
    let s = fixture_searcher();
    let _ = s;
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("index");
    index::build(&fixtures(), &idx).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["search", "--json", "--limit", "3", "--index"])
        .arg(&idx)
        .arg("bầu trưởng thôn")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let h = &v["hits"][0];
    assert_eq!(h["number"], "59/2023/NĐ-CP");
    assert_eq!(h["doc_type"], "Nghị định");
    assert_eq!(h["article"], "7");
    assert!(h["score"].as_f64().unwrap() > 0.0);
    assert!(h["snippet"].as_str().unwrap().contains("<mark>"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["search", "--index"])
        .arg(&idx)
        .arg("\"unbalanced")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ngoặc kép"));
}

// ---- Real data: the Pháp điển 2026 dump, imported and indexed once. ----

pub(crate) struct Real {
    pub(crate) searcher: Searcher,
}

/// The real-data index, shared by every test module that needs it (built once).
pub(crate) fn real() -> Option<&'static Real> {
    static R: OnceLock<Option<Real>> = OnceLock::new();
    R.get_or_init(|| {
        let zip = crate::common::shared_file("corpus/phapdien-2026.zip")?;
        let read = cancu::import::read_sources(&[zip], false);
        // The 2026 release names Luật 75/2015/QH13 only by number; the documents citing it
        // give its title (which "uỷ ban mặt trận giám sát" needs).
        let mttq = read.documents.iter().find(|d| d.meta.id == "luat-75-2015-qh13").unwrap();
        assert_eq!(mttq.meta.title, "Luật Mặt trận Tổ quốc Việt Nam");
        assert!(mttq.meta.sources.iter().any(|s| s.source == cancu::import::titles::SOURCE));
        let idx: PathBuf = crate::common::run_dir("real-phapdien-2026").join("index");
        index::build(&read.documents, &idx).unwrap();
        let searcher = Searcher::open(&idx).unwrap();
        Some(Real { searcher })
    })
    .as_ref()
}

/// The judgments of `../shared/eval/queries.tsv`: query → (number, article) judged.
fn judgments() -> Vec<(String, Vec<(String, String)>)> {
    let path = crate::common::shared_file("eval/queries.tsv").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            continue;
        }
        let key = cancu::number::key(c[2]);
        match out.iter_mut().find(|(q, _)| q == c[1]) {
            Some((_, v)) => v.push((key, c[3].to_string())),
            None => out.push((c[1].to_string(), vec![(key, c[3].to_string())])),
        }
    }
    out
}

#[test]
fn real_judged_articles_rank_high() {
    let Some(r) = real() else { return };
    let (mut failures, mut misses) = (Vec::new(), Vec::new());
    for (q, judged) in judgments() {
        let res = r.searcher.search(&Query::new(q.as_str())).unwrap();
        let pinpoint = cancu::cite::query::read(&cancu::text::normalize(&q)).is_some();
        let depth = if pinpoint { 3 } else { 10 };
        let found = res.hits.iter().take(depth).position(|h| {
            let k = cancu::number::key(h.number.as_deref().unwrap_or(""));
            judged.iter().any(|(n, a)| *n == k && h.article.as_deref() == Some(a.as_str()))
        });
        if found.is_none() {
            let got: Vec<String> =
                res.hits.iter().take(depth).map(|h| format!("{:?} {:?}", h.number, h.article)).collect();
            let line = format!("{q} (top {depth}): {got:?}");
            if pinpoint {
                failures.push(line);
            } else {
                misses.push(line);
            }
        }
    }
    assert!(failures.is_empty(), "number/pinpoint queries not in the top 3: {failures:#?}");
    assert!(misses.is_empty(), "full-text queries not in the top 10: {misses:#?}");
}

#[test]
fn cli_show_prints_a_pinpointed_article() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    for d in fixtures() {
        cancu::corpus::store::write(&corpus, &d).unwrap();
    }
    let show = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
            .arg("show")
            .args(args)
            .arg("--corpus")
            .arg(&corpus)
            .output()
            .unwrap()
    };
    let out = show(&["khoản 2 Điều 63 Bộ luật Lao động"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Điều 63. Tổ chức đối thoại") && text.contains("▶ 2. Người sử dụng"), "{text}");
    let out = show(&["--json", "NĐ 145/2020 điều 37"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["number"], "145/2020/NĐ-CP");
    assert_eq!(v["article"]["number"], "37");
    assert!(!show(&["điều 99 luật thực hiện dân chủ ở cơ sở"]).status.success());
    // A clause the article lacks: the article, no clause marked nor anchored, and a word why.
    let out = show(&["--json", "khoản 9 Điều 63 Bộ luật Lao động"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["anchor"].as_str(), v["clause"].as_str()), (Some("dieu-63"), None), "{v}");
    assert!(v["note"].as_str().is_some_and(|n| n.contains("không có khoản 9")), "{v}");
    let out = show(&["khoản 9 Điều 63 Bộ luật Lao động"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("không có khoản 9"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("▶"));
    // A whole document: its status and evidence come before its text.
    let text = String::from_utf8_lossy(&show(&["Bộ luật Lao động"]).stdout).into_owned();
    let (status, first_article) = (text.find("Hiệu lực (ngày"), text.find("\nĐiều "));
    assert!(status.is_some() && status < first_article, "{text}");
}

// Hardening (issue #12): a duplicate id refuses the build; a changed generation is refused.

#[test]
fn a_duplicate_id_refuses_to_publish_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    let docs = fixtures();
    for d in &docs {
        cancu::corpus::store::write(&corpus, d).unwrap();
    }
    // A file that sorts first claims the id of a real document.
    let mut fake = docs[0].clone();
    fake.meta.title = "Văn bản giả".into();
    cancu::corpus::store::write_at(&corpus.join("0-first.md"), &fake).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["index", "--corpus"])
        .arg(&corpus)
        .arg("--index")
        .arg(&idx)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let real = cancu::corpus::store::path_of(&corpus, &docs[0]).unwrap();
    assert!(err.contains("0-first.md") && err.contains(&real.display().to_string()), "{err}");
    assert!(index::current(&idx).is_err(), "nothing published");
}

#[test]
fn a_generation_changed_in_place_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("index");
    index::build(&fixtures(), &idx).unwrap();
    let gen = index::current(&idx).unwrap();
    // Garbage over the largest file, same length (as a botched restore would leave it).
    let (big, len) = std::fs::read_dir(&gen)
        .unwrap()
        .flatten()
        .map(|e| (e.path(), e.metadata().unwrap().len()))
        .filter(|(p, _)| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .max_by_key(|(_, l)| *l)
        .unwrap();
    std::fs::write(&big, vec![b'x'; len as usize]).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["serve", "--addr", "127.0.0.1:0", "--index"])
        .arg(&idx)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&gen.display().to_string()) && err.contains("bị hỏng") && err.contains("cancu index"),
        "{err}"
    );
    // Truncated: even opening it for a search is refused.
    std::fs::write(&big, b"x").unwrap();
    let e = Searcher::open(&idx).err().unwrap().to_string();
    assert!(e.contains("bị hỏng"), "{e}");
}
