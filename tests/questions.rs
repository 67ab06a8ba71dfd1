//! Integration tests: questions — definition questions answered by the glossary, everyday
//! words mapped to the law's terms, typo suggestions, the glossary page and API, and
//! `cancu search … | head`. Fixtures are invented (own wording); the real-data tests share
//! the Pháp điển index of `search::real()`.

use std::sync::OnceLock;

use cancu::model::DocType;
use cancu::search::{Features, Query, Searcher};

use crate::search::{doc, real};

/// Two invented documents about ferry landings: one defines the terms, the other only uses
/// them (often, and in its titles).
fn fixtures() -> Vec<cancu::model::Document> {
    let luat = doc(
        DocType::Luat,
        Some("3/2021/QH15"),
        "Luật Đò ngang thử nghiệm",
        &[
            ("1", "Phạm vi điều chỉnh", &["Luật này quy định về bến đò ngang và ghe chở khách qua sông."]),
            (
                "2",
                "Giải thích từ ngữ",
                &[
                    "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:",
                    "1. Bến đò ngang là nơi ghe chở khách cập bờ để đón, trả người qua sông.",
                    "2. Ghe chở khách (sau đây gọi là ghe) là phương tiện thô sơ chở người qua sông, kênh.",
                ],
            ),
            (
                "3",
                "Đăng ký bến đò ngang",
                &[
                    "1. Bến đò ngang phải được đăng ký trước khi hoạt động.",
                    "2. Chủ bến đò ngang nộp hồ sơ đăng ký bến đò ngang tại Ủy ban nhân dân cấp xã.",
                ],
            ),
            (
                "4",
                "Trách nhiệm của chủ bến đò ngang",
                &["Chủ bến đò ngang bảo đảm an toàn cho người qua bến đò ngang."],
            ),
            ("5", "Hiệu lực thi hành", &["Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021."]),
        ],
    );
    let nd = doc(
        DocType::NghiDinh,
        Some("5/2022/NĐ-CP"),
        "Nghị định về bến đò ngang",
        &[
            (
                "1",
                "Điều kiện hoạt động của bến đò ngang",
                &["Bến đò ngang có biển báo; bến đò ngang có phao cứu sinh."],
            ),
            ("2", "Kiểm tra bến đò ngang", &["Ủy ban nhân dân cấp xã kiểm tra bến đò ngang hằng năm."]),
        ],
    );
    vec![luat, nd]
}

struct Fixture {
    dir: tempfile::TempDir,
    searcher: Searcher,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        for d in fixtures() {
            cancu::corpus::store::write(&corpus, &d).unwrap();
        }
        let idx = dir.path().join("index");
        cancu::index::build(&fixtures(), &idx).unwrap();
        let searcher = Searcher::open(&idx).unwrap();
        Fixture { dir, searcher }
    })
}

fn top(s: &Searcher, q: &str) -> Vec<(String, String)> {
    s.search(&Query::new(q))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| (h.id, h.article.unwrap_or_default()))
        .collect()
}

#[test]
fn definition_questions_rank_the_defining_article_first() {
    let f = fixture();
    let want = ("luat-3-2021-qh15".to_string(), "2".to_string());
    for q in [
        "Bến đò ngang là gì?",
        "Thế nào là bến đò ngang?",
        "ben do ngang duoc hieu nhu the nao",
        "Theo luật, ghe chở khách là gì?",
    ] {
        assert_eq!(top(&f.searcher, q).first(), Some(&want), "{q}");
    }
    // Without the glossary the articles that merely use the term come first (in the first
    // stage: the second stage's text features find the defining article on their own).
    let mut plain = f.searcher.clone();
    plain.set_features(Features::without("glossary,rerank"));
    assert_ne!(top(&plain, "Bến đò ngang là gì?").first(), Some(&want));
    // The glossary was built with the index.
    let g = f.searcher.glossary();
    let terms: Vec<&str> = g.entries().iter().map(|e| e.term.as_str()).collect();
    assert_eq!(terms, ["Bến đò ngang", "Ghe chở khách"]);
}

#[test]
fn a_typo_gets_a_suggestion_from_the_corpus() {
    let f = fixture();
    let r = f.searcher.search(&Query::new("bến đò ngag")).unwrap();
    assert_eq!(r.suggestion.as_deref(), Some("bến đò ngang"));
    assert_eq!(f.searcher.search(&Query::new("bến đò ngang")).unwrap().suggestion, None);
}

#[test]
fn cli_search_into_a_closed_pipe_exits_quietly() {
    let f = fixture();
    let bin = env!("CARGO_BIN_EXE_cancu");
    let idx = f.dir.path().join("index");
    // The reader (`true`) is gone before cancu writes: every write gets EPIPE.
    let script = format!(
        "(sleep 0.3; '{bin}' search --index '{}' bến đò ngang; echo \"status=$?\" >&2) | true",
        idx.display()
    );
    let out = std::process::Command::new("sh").arg("-c").arg(&script).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("status=0"), "{err}");
}

#[tokio::test]
async fn glossary_page_and_api() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use tower::ServiceExt;
    let f = fixture();
    let corpus = f.dir.path().join("corpus");
    let snap = cancu::web::Snapshot::load(Some(&corpus), &f.dir.path().join("index")).unwrap();
    let app = cancu::web::router(cancu::web::AppState::new(snap));
    let get = |uri: &str| {
        let app = app.clone();
        let req = Request::get(uri).body(Body::empty()).unwrap();
        async move {
            let res = app.oneshot(req).await.unwrap();
            let status = res.status();
            let b = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
            (status, String::from_utf8(b.to_vec()).unwrap())
        }
    };
    let (st, html) = get("/thuat-ngu").await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("Thuật ngữ pháp lý") && html.contains("Bến đò ngang"), "{html}");
    assert!(html.contains("/van-ban/luat-3-2021-qh15#dieu-2-khoan-1"), "{html}");
    let (_, html) = get("/thuat-ngu?chu=G").await;
    assert!(html.contains("Ghe chở khách") && !html.contains("<dt>Bến đò ngang"), "{html}");
    let (_, html) = get("/thuat-ngu?q=%3Cscript%3Eghe").await;
    assert!(html.contains("&lt;script&gt;ghe") && !html.contains("<script>ghe"), "{html}");
    let (st, json) = get("/api/glossary?q=ghe").await;
    assert_eq!(st, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["size"], 2);
    assert_eq!(v["entries"][0]["term"], "Ghe chở khách");
    assert_eq!(v["entries"][0]["article"], "2");
    assert!(v["entries"][0]["definition"].as_str().unwrap().starts_with("phương tiện thô sơ"));
    // Each entry's status is its document's status today, as the document's own answer gives
    // it (regression: the metadata's at build time, "chưa rõ" for nearly every imported law,
    // while `show` said "còn hiệu lực" or "hết hiệu lực"), and said once.
    assert_eq!(json.matches("\"status\"").count(), v["entries"].as_array().unwrap().len(), "{json}");
    let doc = v["entries"][0]["doc_id"].as_str().unwrap().to_string();
    let (_, resolved) = get(&format!("/api/resolve?ref={doc}")).await;
    let resolved: serde_json::Value = serde_json::from_str(&resolved).unwrap();
    assert_eq!(v["entries"][0]["status"], resolved["status"], "{resolved} {json}");
    // The page shows the same status as its badge.
    let (_, html) = get("/thuat-ngu?chu=G").await;
    let badge = format!(">{}</span>", resolved["status"].as_str().unwrap());
    assert!(html.contains(&badge), "{badge}: {html}");
    // Its status today is not known past its own entry into force (no later source): every
    // tab's header says why, not only the Thuộc tính tab (second new-user trial).
    let (_, html) = get(&format!("/van-ban/{doc}")).await;
    assert!(html.contains("Lưu ý về hiệu lực: ") && html.contains("01/07/2021"), "{html}");
    let (st, _) = get("/api/glossary?limit=abc").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // The search page offers the correction.
    let (_, html) = get("/?q=b%E1%BA%BFn+%C4%91%C3%B2+ngag").await;
    assert!(html.contains("Có phải bạn muốn tìm") && html.contains("bến đò ngang"), "{html}");
}

// ---- Real data (the Pháp điển 2026 index of `search::real()`). ----

fn ranked(q: &str) -> Option<Vec<cancu::search::Hit>> {
    Some(real()?.searcher.search(&Query::new(q)).unwrap().hits)
}

#[test]
fn real_definition_questions_rank_the_defining_article_first() {
    let Some(r) = real() else { return };
    let g = r.searcher.glossary();
    assert!(g.len() > 5_000, "{} definitions", g.len());
    let bllđ = g.lookup("người lao động");
    assert!(bllđ.iter().any(|e| e.doc_id == "bo-luat-45-2019-qh14" && e.article == "3"), "{bllđ:?}");
    for (q, term) in [
        ("Thế nào là bến khách ngang sông?", "bến khách ngang sông"),
        ("Chuyến bay công vụ được hiểu như thế nào?", "chuyến bay công vụ"),
        ("Theo quy định, người lao động là gì?", "người lao động"),
    ] {
        let hits = ranked(q).unwrap();
        let h = &hits[0];
        let defining = g.lookup(term);
        assert!(
            defining.iter().any(|e| e.doc_id == h.id && Some(&e.article) == h.article.as_ref()),
            "{q}: first hit {} Điều {:?} {} does not define {term}",
            h.id,
            h.article,
            h.title
        );
    }
}

#[test]
fn real_definition_boost_needs_the_whole_subject() {
    // "tài sản thế chấp" is defined by no "Giải thích từ ngữ" article; the articles that
    // define "tài sản" alone answer another question. BLDS's article titled with the
    // subject comes first on its text.
    let Some(_) = real() else { return };
    let hits = ranked("Tài sản thế chấp là gì?").unwrap();
    let first = &hits[0];
    assert_eq!(
        (first.number.as_deref(), first.article.as_deref()),
        (Some("91/2015/QH13"), Some("318")),
        "{}",
        first.title
    );
    for h in hits.iter().take(3) {
        assert_ne!(h.title, "Giải thích từ ngữ", "{:?} Điều {:?}", h.number, h.article);
    }
}

#[test]
fn real_everyday_words_find_the_law_terms() {
    // Field case 19.
    let Some(_) = real() else { return };
    let at = |hits: &[cancu::search::Hit], n: &str, a: &str| {
        hits.iter().take(5).any(|h| h.number.as_deref() == Some(n) && h.article.as_deref() == Some(a))
    };
    let h = ranked("đuổi việc").unwrap();
    assert!(at(&h, "45/2019/QH14", "125"), "{:?}", h.iter().map(|x| &x.title).collect::<Vec<_>>());
    assert!(!h.iter().take(3).all(|x| x.title.to_lowercase().contains("truy đuổi")));
    let h = ranked("nghỉ phép").unwrap();
    assert!(at(&h, "45/2019/QH14", "113"), "{:?}", h.iter().map(|x| &x.title).collect::<Vec<_>>());
    // "bầu" of "mang bầu" (pregnant) is the word of "bầu cử" (election): trial 6 got the
    // election law; the vocabulary's "mang thai" finds the article on pregnant workers.
    let h = ranked("mang bầu").unwrap();
    assert!(at(&h, "45/2019/QH14", "138"), "{:?}", h.iter().map(|x| &x.title).collect::<Vec<_>>());
    assert!(h.iter().take(3).all(|x| !x.title.to_lowercase().contains("bầu cử")));
    let h = ranked("nghỉ đẻ").unwrap();
    assert!(at(&h, "45/2019/QH14", "139") || at(&h, "58/2014/QH13", "34"));
    for x in h.iter().take(5) {
        let t = x.title.to_lowercase();
        assert!(!t.contains("đề nghị") && !t.contains("hủy bản án"), "folded match: {}", x.title);
    }
}

/// The hits of `q` on the real knowledge base (the Pháp điển and the original laws: the
/// land law 45/2013/QH13 and the domestic-violence law 02/2007/QH12 are only there).
fn kb_ranked(q: &str) -> Option<Vec<cancu::search::Hit>> {
    let kb = crate::common::real_kb()?;
    Some(kb.base.searcher()?.search(&Query::new(q)).unwrap().hits)
}

/// The first `n` hits' titles, lower case.
fn titles(hits: &[cancu::search::Hit], n: usize) -> Vec<String> {
    hits.iter().take(n).map(|h| h.title.to_lowercase()).collect()
}

#[test]
fn real_a_word_typed_with_diacritics_is_not_matched_through_its_look_alikes() {
    // Probe 14, class d: each query found articles on another word with the same letters
    // (thuê ≠ thuế, từ ≠ tù, giá ≠ gia, lựa ≠ lừa, sánh ≠ sanh, di ≠ đi, bờ ≠ bộ).
    let Some(_) = crate::common::real_kb() else { return };
    // (query, first hits looked at, a title word none of them may hold)
    let rows = [
        ("thuế đất", 3, "cho thuê"),
        ("ra tù", 5, "điểm đen"),
        ("bạo hành gia đình", 5, "điều hành giá"),
        ("lừa đảo qua mạng", 5, "lựa chọn"),
        ("nghỉ sanh", 3, "so sánh"),
        ("đi bộ đội", 5, "đi bờ"),
    ];
    for (q, n, word) in rows {
        let h = kb_ranked(q).unwrap();
        let t = titles(&h, n);
        assert!(t.iter().all(|x| !x.contains(word)), "{q}: {t:?}");
    }
    // The first hit holds the word typed, not its look-alike.
    for (q, word) in [("thuế đất", "thuế"), ("ở tù", "tù"), ("ra tù", "tự do")] {
        let h = kb_ranked(q).unwrap();
        assert!(titles(&h, 1)[0].contains(word), "{q}: {:?}", titles(&h, 5));
    }
}

/// A question keeps its folded clauses ungated in the first stage, and the second stage's
/// title features were folded, so articles titled "thiết bị di động" (folded "bi di", as
/// "bị đi") came before the prison-term article (BENCHMARKS.md, "Folded collisions
/// (fold8)"). The second stage now reads a word typed with diacritics in titles only as
/// itself (`rerank::Question`, ablation `exact`).
#[test]
fn real_a_question_is_not_answered_through_a_look_alike_title() {
    let Some(_) = crate::common::real_kb() else { return };
    let h = kb_ranked("bị đi tù bao nhiêu năm").unwrap();
    assert_eq!(
        h.first().map(|x| (x.number.as_deref(), x.article.as_deref())),
        Some((Some("100/2015/QH13"), Some("38"))),
        "{:?}",
        titles(&h, 5)
    );
}

#[test]
fn real_a_query_without_diacritics_reads_as_the_everyday_wording_it_holds() {
    // Probe 14: "bia do" found the beer articles of the alcohol law, "dat tho cu" the
    // birthday wishes ("mừng thọ") for the elderly.
    let Some(_) = crate::common::real_kb() else { return };
    let h = kb_ranked("bia do").unwrap();
    let first = h.first().map(|x| (x.number.as_deref(), x.article.as_deref()));
    assert_eq!(first, Some((Some("45/2013/QH13"), Some("97"))), "{:?}", titles(&h, 5));
    assert!(titles(&h, 5).iter().all(|x| !x.contains("bia")), "{:?}", titles(&h, 5));
    let h = kb_ranked("dat tho cu").unwrap();
    assert!(
        h.iter().take(3).any(|x| x.number.as_deref() == Some("45/2013/QH13")
            && matches!(x.article.as_deref(), Some("143" | "144"))),
        "{:?}",
        titles(&h, 5)
    );
    assert!(titles(&h, 5).iter().all(|x| !x.contains("thọ")), "{:?}", titles(&h, 5));
}

#[test]
fn real_everyday_words_of_probe_14_find_the_law_terms() {
    // Probe 14, class b: everyday wordings the vocabulary did not know.
    let Some(_) = crate::common::real_kb() else { return };
    // (query, document number, articles of it one of which is in the first 5; empty: any)
    let rows: &[(&str, &str, &[&str])] = &[
        ("bìa đỏ", "45/2013/QH13", &["97", "100"]),
        ("mức tiền phạt", "15/2012/QH13", &["23", "24"]),
        ("đi tù", "100/2015/QH13", &["38"]),
        ("ở tù", "100/2015/QH13", &["38"]),
        ("vay nặng lãi", "100/2015/QH13", &["201"]),
        ("quỵt nợ", "100/2015/QH13", &["175"]),
        ("trốn nghĩa vụ quân sự", "100/2015/QH13", &["332"]),
        ("đất thổ cư", "45/2013/QH13", &["143", "144"]),
        ("chuyển đất nông nghiệp lên thổ cư", "45/2013/QH13", &["57"]),
        ("xuất khẩu lao động", "69/2020/QH14", &[]),
        ("đánh vợ", "02/2007/QH12", &[]),
        ("đuổi việc trái luật", "45/2019/QH14", &["39", "41"]),
        ("bị công an bắt", "101/2015/QH13", &["110", "111", "112", "113"]),
        ("lăng mạ", "100/2015/QH13", &["155"]),
        ("đi bộ đội", "78/2015/QH13", &[]),
        ("nghỉ sanh", "58/2014/QH13", &["34"]),
    ];
    for (q, number, articles) in rows {
        let h = kb_ranked(q).unwrap();
        let found = h.iter().take(5).any(|x| {
            x.number.as_deref() == Some(*number)
                && (articles.is_empty() || x.article.as_deref().is_some_and(|a| articles.contains(&a)))
        });
        assert!(found, "{q}: {:?}", h.iter().take(5).map(|x| (&x.number, &x.article)).collect::<Vec<_>>());
    }
}

#[test]
fn real_a_keyword_query_that_is_an_articles_title_finds_it_first() {
    // New-user trial: "trợ cấp thôi việc" put Bộ luật Lao động Điều 46 "Trợ cấp thôi việc" at
    // rank 16, behind the articles on "đơn phương chấm dứt hợp đồng lao động" that the
    // vocabulary gives for "thôi việc" — a word the law itself uses in that title.
    let Some(_) = real() else { return };
    for q in ["trợ cấp thôi việc", "tro cap thoi viec", "Trợ cấp thôi việc"] {
        let h = ranked(q).unwrap();
        let first = h.first().map(|x| (x.number.as_deref(), x.article.as_deref()));
        assert_eq!(
            first,
            Some((Some("45/2019/QH14"), Some("46"))),
            "{q}: {:?}",
            h.iter().map(|x| &x.title).take(5).collect::<Vec<_>>()
        );
    }
    // The everyday word alone still reaches the law's term.
    let h = ranked("thôi việc").unwrap();
    assert!(
        h.iter().take(5).any(|x| x.title.contains("chấm dứt hợp đồng lao động")),
        "{:?}",
        h.iter().map(|x| &x.title).take(5).collect::<Vec<_>>()
    );
}

#[test]
fn real_vocabulary_bases_hold_their_legal_terms() {
    // Every pair of data/vocabulary.tsv that names an article: the document and article
    // exist in the corpus, the title written beside it is the article's, and the legal term
    // occurs in the article — the file documents its sources, and they say what it claims.
    let Some(kb) = crate::common::real_kb() else { return };
    let fold = |s: &str| cancu::text::fold(&s.to_lowercase());
    let mut checked = 0;
    for p in cancu::glossary::vocabulary::pairs() {
        let Some((number, art)) = p.article() else { continue };
        let doc = kb
            .docs
            .iter()
            .find(|d| d.meta.canonical.as_deref() == Some(number))
            .unwrap_or_else(|| panic!("{}: no document {number} in the corpus", p.legal));
        let a = doc
            .articles()
            .find(|a| a.number == art)
            .unwrap_or_else(|| panic!("{}: {number} has no Điều {art}", p.legal));
        let written = p.basis.split_once('(').and_then(|(_, t)| t.split_once(')')).map(|(t, _)| t.trim());
        // The releases word some titles slightly otherwise: the first words must agree.
        let head = |t: &str| fold(t).split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        assert_eq!(written.map(head), Some(head(&a.title)), "{number} Điều {art}");
        let text = fold(&format!("{} {}", a.title, a.text()));
        assert!(text.contains(&fold(&p.legal)), "{number} Điều {art} does not use “{}”", p.legal);
        checked += 1;
    }
    assert!(checked > 90, "{checked} pairs checked");
}

#[test]
fn real_everyday_words_of_other_fields() {
    // More everyday wordings of the same kind as field case 19: the law's term is found, and
    // a folded form never brings in an unrelated word ("ly dị" is not "lý di sản").
    let Some(_) = real() else { return };
    for (q, number, art) in [
        ("ly dị", "52/2014/QH13", "51"),
        ("ăn cắp", "100/2015/QH13", "173"),
        ("đánh người", "100/2015/QH13", "134"),
        ("vay tiền", "91/2015/QH13", "463"),
        ("cá độ bóng đá", "100/2015/QH13", "321"),
        // Probe 8: "truy đuổi" and the civil law's obligations came first.
        ("tiếp dân", "42/2013/QH13", "4"),
        ("đi nghĩa vụ", "78/2015/QH13", "4"),
        ("đuổi học", "42/2015/TT-BLĐTBXH", "21"),
    ] {
        let hits = ranked(q).unwrap();
        let titles: Vec<&String> = hits.iter().take(5).map(|h| &h.title).collect();
        assert!(
            hits.iter()
                .take(5)
                .any(|h| h.number.as_deref() == Some(number) && h.article.as_deref() == Some(art)),
            "{q}: {titles:?}"
        );
    }
    let hits = ranked("ly dị").unwrap();
    for h in hits.iter().take(3) {
        assert!(!h.title.to_lowercase().contains("di sản"), "folded match: {}", h.title);
    }
}

#[test]
fn real_typos_get_a_suggestion() {
    let Some(r) = real() else { return };
    let res = r.searcher.search(&Query::new("hợp đồg lao động")).unwrap();
    assert_eq!(res.suggestion.as_deref(), Some("hợp đồng lao động"));
    let res = r.searcher.search(&Query::new("hop dong lao dongg")).unwrap();
    assert_eq!(res.suggestion.as_deref(), Some("hop dong lao dong"));
    assert_eq!(r.searcher.search(&Query::new("hợp đồng lao động")).unwrap().suggestion, None);
}

/// Answering articles: (number key, article).
type Gold = Vec<(String, String)>;

/// The held-out split of the dev questions (`search::question::held_out`): question →
/// answering articles.
fn held_out_questions() -> Vec<(String, Gold)> {
    let path = crate::common::shared_file("eval/questions/zalo2021-dev.tsv").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut out: Vec<(String, String, Gold)> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 || !cancu::search::question::held_out(c[0]) {
            continue;
        }
        let gold = (cancu::number::key(c[2]), c[3].to_string());
        match out.iter_mut().find(|q| q.0 == c[0]) {
            Some(q) => q.2.push(gold),
            None => out.push((c[0].to_string(), c[1].to_string(), vec![gold])),
        }
    }
    out.into_iter().map(|(_, q, g)| (q, g)).collect()
}

/// recall@10 and MRR@10 of `s` over `qs`.
fn recall_and_mrr(s: &Searcher, qs: &[(String, Gold)]) -> (f64, f64) {
    let (mut hit, mut rr) = (0.0, 0.0);
    for (q, gold) in qs {
        let hits = s.search(&Query::new(q.as_str())).unwrap().hits;
        let rank = hits.iter().take(10).position(|h| {
            gold.contains(&(
                cancu::number::key(h.number.as_deref().unwrap_or("")),
                h.article.clone().unwrap_or_default(),
            ))
        });
        if let Some(r) = rank {
            hit += 1.0;
            rr += 1.0 / (r + 1) as f64;
        }
    }
    (hit / qs.len() as f64, rr / qs.len() as f64)
}

#[test]
fn real_held_out_questions_keep_their_recall() {
    // The held-out split is never used for learning or fitting; on the Pháp điển alone
    // (some answers are only in the original laws, which this index lacks) the second
    // stage measured recall@10 0.852 / MRR@10 0.682 (first stage alone: 0.843 / 0.670;
    // 2026-11-30), with the text features 0.843 / 0.713 (first stage 0.843 / 0.664). A
    // ranking change that loses answers falls under the floors.
    let Some(r) = real() else { return };
    let qs = held_out_questions();
    assert!(qs.len() > 200, "{}", qs.len());
    let (recall, mrr) = recall_and_mrr(&r.searcher, &qs);
    let mut first = r.searcher.clone();
    first.set_features(Features::without("rerank"));
    let (recall1, mrr1) = recall_and_mrr(&first, &qs);
    eprintln!(
        "held out: recall@10 {recall:.3} MRR@10 {mrr:.3}; without the second stage {recall1:.3} {mrr1:.3}"
    );
    assert!(recall >= 0.83 && mrr >= 0.66, "recall@10 {recall:.3} MRR@10 {mrr:.3}");
    assert!(mrr >= mrr1 - 0.005, "the second stage lowers MRR@10: {mrr:.3} < {mrr1:.3}");
}

/// Rank (1-based, within the first 10) of article `art` of document `number` for `q`.
fn rank_of(s: &Searcher, q: &str, number: &str, art: &str) -> Option<usize> {
    rank_within(s, q, number, art, 10)
}

/// The answer's rank in the first `depth` hits.
fn rank_within(s: &Searcher, q: &str, number: &str, art: &str, depth: usize) -> Option<usize> {
    let hits = s.search(&Query::new(q).limit(depth)).unwrap().hits;
    hits.iter()
        .take(depth)
        .position(|h| h.number.as_deref() == Some(number) && h.article.as_deref() == Some(art))
        .map(|p| p + 1)
}

/// For each (question, number, article): the answer's rank in the first 10 with every part on
/// (it must be there) and with the parts `off` turned off (`CANCU_ABLATE` names), printed.
fn ranks_with_and_without<'a>(
    searcher: &Searcher,
    off: &str,
    rows: &[(&'a str, &str, &str)],
) -> Vec<(&'a str, usize, Option<usize>)> {
    let mut without = searcher.clone();
    without.set_features(Features::without(off));
    rows.iter()
        .map(|&(q, number, art)| {
            let with = rank_of(searcher, q, number, art);
            let before = rank_of(&without, q, number, art);
            eprintln!("{q}: rank {with:?}, without {off} {before:?}");
            let with = with.unwrap_or_else(|| panic!("{q}: {number} Điều {art} not in the first 10"));
            (q, with, before)
        })
        .collect()
}

#[test]
fn real_questions_answered_by_a_line_of_the_text() {
    // Training-split questions whose answer is one clause of an article whose title says
    // little: the second stage's text features (the best line of the text, the words of the
    // question found anywhere in the article) bring the answer into the first 3; without
    // them (CANCU_ABLATE=sentence,intent) it is lower.
    let Some(r) = real() else { return };
    let mut without = r.searcher.clone();
    without.set_features(Features::without("sentence,intent"));
    for (q, number, art) in [
        // Permission questions. Nghị định 96/2016/NĐ-CP Điều 44: duties of a lodging business.
        ("Đến khách sạn thăm bạn có bị kiểm tra giấy tờ tùy thân không?", "96/2016/NĐ-CP", "44"),
        // Nghị định 134/2016/NĐ-CP Điều 4: tax deadlines, guarantees and deposits.
        ("Đặt cọc tiền đối với hàng hóa tạm nhập tái xuất được không?", "134/2016/NĐ-CP", "4"),
        // Luật Phá sản 51/2014/QH13 Điều 5: who may or must file for bankruptcy.
        (
            "Công ty không trả lương thì nhân viên có quyền yêu cầu tòa mở thủ tục phá sản công ty không?",
            "51/2014/QH13",
            "5",
        ),
        // Nghị định 15/2018/NĐ-CP Điều 12: establishments exempt from the food-safety certificate.
        (
            "Đã có giấy chứng nhận ISO có phải xin giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm không?",
            "15/2018/NĐ-CP",
            "12",
        ),
        // A responsibility question: Nghị định 83/2018/NĐ-CP Điều 31.
        ("Cơ quan quản lý nhà nước về khuyến nông có trách nhiệm gì?", "83/2018/NĐ-CP", "31"),
    ] {
        let with = rank_of(&r.searcher, q, number, art);
        let before = rank_of(&without, q, number, art);
        eprintln!("{q}: rank {with:?}, without the text features {before:?}");
        assert!(with.is_some_and(|x| x <= 3), "{q}: {number} Điều {art} at {with:?}");
        assert!(before.is_none_or(|b| b > with.unwrap()), "{q}: {before:?} without the features");
    }
}

#[test]
fn real_permission_questions_have_weights_of_their_own() {
    // Training-split permission questions (paraphrased) answered by an article of
    // conditions or duties: the permission weights (a definitions article never answers
    // whether something may be done; the words found anywhere in the article weigh more)
    // rank the answer higher than the pooled weights (CANCU_ABLATE=permission).
    let Some(r) = real() else { return };
    let mut pooled = r.searcher.clone();
    pooled.set_features(Features::without("permission"));
    for (q, number, art) in [
        // (A third case, Luật Việc làm 38/2013/QH13 Điều 49 on the unemployment benefit's
        // conditions, left the first stage's top 40 with the clause floor of the merged
        // one-pass search: it is no longer a case of the weights.)
        // Nghị định 43/2017/NĐ-CP Điều 16: what a label must show.
        ("Nhãn hàng hóa có bắt buộc ghi chất phụ gia không?", "43/2017/NĐ-CP", "16"),
        ("Trên nhãn hàng có phải ghi các chất phụ gia không?", "43/2017/NĐ-CP", "16"),
    ] {
        let own = rank_of(&r.searcher, q, number, art);
        let before = rank_of(&pooled, q, number, art);
        eprintln!("{q}: rank {own:?}, with the pooled weights {before:?}");
        let own = own.unwrap_or_else(|| panic!("{q}: {number} Điều {art} not in the first 10"));
        assert!(
            before.is_none_or(|b| b > own),
            "{q}: {before:?} with the pooled weights, {own} with their own"
        );
    }
}

#[test]
fn real_time_qualifiers_of_a_question_weigh_little() {
    // A training-split question (paraphrased) asking what the law says "from 2020": the
    // year is not what it looks for (a budget circular on 2020 outranked the answer): first 10
    // with the time qualifier as frame, absent without. (First 5 before the document-title
    // features of `search::domain`, which put the joint circular on carrying out death
    // sentences, a document titled with the question's words, above it: 7th–10th. First 20
    // since the second stage reads titles exactly (`rerank::Question::reads`): the answer's
    // title "… trình tự …" had counted "tự" as the question's "từ" (9th–11th since).)
    // Luật Thi hành án hình sự 41/2019/QH14 Điều 82: how a death sentence is carried out.
    let Some(r) = real() else { return };
    let rows = [
        ("Cách thức tử hình từ năm 2020 được quy định ra sao?", "41/2019/QH14", "82"),
        ("Phương thức thi hành tử hình từ năm 2020 là gì?", "41/2019/QH14", "82"),
        ("Từ năm 2020 phương thức tử hình được quy định như thế nào?", "41/2019/QH14", "82"),
    ];
    let mut without = r.searcher.clone();
    without.set_features(Features::without("time"));
    for (q, number, art) in rows {
        let with = rank_within(&r.searcher, q, number, art, 20);
        let before = rank_within(&without, q, number, art, 20);
        let with = with.unwrap_or_else(|| panic!("{q}: {number} Điều {art} not in the first 20"));
        assert!(before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}

#[test]
fn real_abbreviations_in_questions_are_read() {
    // Training-split questions (paraphrased) naming a term by its initials, which the law
    // spells out: with the abbreviations of data/vocabulary.tsv the answer ranks higher
    // than without them (CANCU_ABLATE=abbreviations).
    let Some(r) = real() else { return };
    // Nghị định 146/2018/NĐ-CP Điều 15: the card needed to be treated under health insurance.
    let rows =
        [("Thẻ BHYT chưa có ảnh thì có dùng để đi khám chữa bệnh được không?", "146/2018/NĐ-CP", "15")];
    for (q, with, before) in ranks_with_and_without(&r.searcher, "abbreviations", &rows) {
        assert!(before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}

#[test]
fn real_articles_defining_a_term_the_question_names_are_candidates() {
    // Training-split questions (paraphrased) about a notion a "Giải thích từ ngữ" article
    // defines, though they ask no definition: the defining article, far down the first
    // stage (its body defines many other terms), joins the candidates with the `defines`
    // feature and comes first; without it (CANCU_ABLATE=defined) it is not in the first 10.
    let Some(r) = real() else { return };
    let rows = [
        // Nghị định 87/2018/NĐ-CP Điều 3 defines the gas businesses.
        ("Cơ sở kinh doanh khí gồm những loại nào?", "87/2018/NĐ-CP", "3"),
        // Nghị định 26/2019/NĐ-CP Điều 3 defines unregulated fishing.
        ("Khai thác thủy sản không theo quy định được hiểu thế nào?", "26/2019/NĐ-CP", "3"),
    ];
    for (q, with, before) in ranks_with_and_without(&r.searcher, "defined", &rows) {
        assert!(with <= 3 && before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}

#[test]
fn real_articles_whose_title_the_question_says_are_candidates() {
    // Training-split questions (paraphrased) that say an article's whole title inside a
    // longer question, the rest being the subject of its document (which the neighbouring
    // articles repeat): the article joins the candidates with the `titled` feature and
    // ranks in the first 10; without it (CANCU_ABLATE=titled) it is lower or absent.
    let Some(r) = real() else { return };
    let rows = [
        // Nghị định 18/2019/NĐ-CP Điều 43: the duties and powers of the Ministry of Health.
        (
            "Quy định về nhiệm vụ, quyền hạn của Bộ Y tế đối với việc khắc phục hậu quả bom mìn vật nổ sau chiến tranh ra sao?",
            "18/2019/NĐ-CP",
            "43",
        ),
        // Thông tư 25/2020/TT-BGDĐT Điều 7: how the textbook selection council works.
        ("Nguyên tắc làm việc của Hội đồng lựa chọn sách giáo khoa là gì?", "25/2020/TT-BGDĐT", "7"),
    ];
    for (q, with, before) in ranks_with_and_without(&r.searcher, "titled", &rows) {
        assert!(before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}

#[test]
fn real_document_titles_that_say_the_domain_lift_their_articles() {
    // Training-split questions (paraphrased) asking what a body must do in a domain: the
    // article titled for that body in the document whose title names the domain ranks in
    // the first 3 with the `doc_title` and `covered` features; without them
    // (CANCU_ABLATE=domain) it is lower, under articles of neighbouring documents.
    let Some(r) = real() else { return };
    let rows = [
        // Nghị định 24/2020/NĐ-CP Điều 23: the transport ministry, in the decree on alcohol harm.
        (
            "Bộ Giao thông vận tải có trách nhiệm gì về phòng, chống tác hại của rượu, bia?",
            "24/2020/NĐ-CP",
            "23",
        ),
        // Nghị định 08/2021/NĐ-CP Điều 63: the agriculture ministry, in the inland waterways decree.
        (
            "Trong quản lý hoạt động giao thông đường thủy nội địa, trách nhiệm của Bộ Nông nghiệp và Phát triển nông thôn là gì?",
            "08/2021/NĐ-CP",
            "63",
        ),
        // Thông tư 02/2019/TT-BTP Điều 10: law firms, in the circular on lawyers' mandatory training.
        (
            "Tổ chức hành nghề luật sư có trách nhiệm gì về bồi dưỡng bắt buộc chuyên môn, nghiệp vụ cho luật sư?",
            "02/2019/TT-BTP",
            "10",
        ),
    ];
    for (q, with, before) in ranks_with_and_without(&r.searcher, "domain", &rows) {
        assert!(with <= 3 && before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}

#[test]
fn real_questions_asked_without_a_frame_word_are_questions() {
    // A training-split question (paraphrased) that ends with "?" but holds no frame word: it
    // is read as a question (the clause floor, the second stage) and the answer ranks in the
    // first 3; without it (CANCU_ABLATE=asked) it was keywords, the answer absent from the 10.
    let Some(r) = real() else { return };
    let rows = [
        // Luật 53/2019/QH14 Điều 37: the ministries' duties for the reserve forces.
        (
            "Trách nhiệm của cơ quan ngang Bộ trong quản lý nhà nước về việc huy động lực lượng dự bị động viên?",
            "53/2019/QH14",
            "37",
        ),
    ];
    for (q, with, before) in ranks_with_and_without(&r.searcher, "asked", &rows) {
        assert!(with <= 3 && before.is_none_or(|b| b > with), "{q}: {with}, without {before:?}");
    }
}
