//! Integration tests: web. The router is driven in memory with `tower::ServiceExt::oneshot`
//! over a small invented corpus (tests/fixtures/web): status codes, JSON shapes, escaping of
//! corpus and user text, limits, bad input → 4xx, reindex under load.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use cancu::web::{router, Admin, AppState, Snapshot};
use serde_json::Value;
use tower::ServiceExt;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

/// The fixtures' index, built once for all tests (they only read it).
fn shared_index() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        Snapshot::rebuild(Some(&fixtures()), d.path()).expect("fixture index builds");
        d
    })
    .path()
}

fn snapshot() -> Snapshot {
    Snapshot::load(Some(&fixtures()), shared_index()).expect("fixture corpus loads")
}

fn app() -> Router {
    let s = snapshot();
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    router(AppState::new(s))
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn send(app: &Router, req: Request<Body>) -> Answer {
    let res = app.clone().oneshot(req).await.expect("router is infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 64 << 20).await.expect("body");
    Answer { status, headers, body: String::from_utf8(bytes.to_vec()).expect("UTF-8 body") }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, uri: &str, content_type: &str, body: impl Into<Body>) -> Answer {
    send(app, Request::post(uri).header(header::CONTENT_TYPE, content_type).body(body.into()).unwrap()).await
}

/// The admin token of the tests' reindexing servers.
const TOKEN: &str = "test-token-0123456789";

/// A reindex as the operator asks for it: with the token.
async fn reindex(app: &Router) -> Answer {
    let req = Request::post("/api/admin/reindex")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    send(app, req).await
}

/// An admin credential without a minimum interval (the tests reindex back to back).
fn admin() -> Admin {
    Admin::new(TOKEN).unwrap().min_interval(std::time::Duration::ZERO)
}

fn assert_error(a: &Answer, status: StatusCode, code: &str) {
    assert_eq!(a.status, status, "{}", a.body);
    let j = a.json();
    assert_eq!(j["code"], code, "{}", a.body);
    assert!(j["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", a.body);
}

#[tokio::test]
async fn openapi_lists_every_api_route() {
    let app = app();
    let a = get(&app, "/api/openapi.json").await;
    assert_eq!(a.status, StatusCode::OK);
    let j = a.json();
    assert_eq!(j["openapi"], "3.1.0");
    for p in [
        "/api/search",
        "/api/documents/{id}",
        "/api/documents/{id}/articles/{n}",
        "/api/documents/{id}/links",
        "/api/resolve",
        "/api/cite",
        "/api/link",
    ] {
        assert!(j["paths"][p].is_object(), "{p} missing");
    }
    // The admin endpoint is the operator's, not part of the public API.
    assert!(j["paths"]["/api/admin/reindex"].is_null());
    assert!(!get(&app, "/api").await.body.contains("admin"));
}

#[tokio::test]
async fn search_json_has_hits_and_facets() {
    let app = app();
    let a = get(&app, "/api/search?q=bau+truong+thon").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let j = a.json();
    let hits = j["hits"].as_array().unwrap();
    assert!(hits.len() >= 2, "{j}");
    for h in hits {
        for field in ["number", "doc_type", "article", "title", "score", "snippet", "id", "anchor"] {
            assert!(h.get(field).is_some(), "hit lacks {field}: {h}");
        }
    }
    let found: Vec<(&str, &str)> =
        hits.iter().map(|h| (h["number"].as_str().unwrap(), h["article"].as_str().unwrap())).collect();
    assert!(found.contains(&("10/2022/QH15", "5")) && found.contains(&("59/2023/NĐ-CP", "3")), "{found:?}");
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("<mark>"), "{snippet}");
    let types: Vec<&str> =
        j["facets"]["doc_type"].as_array().unwrap().iter().map(|v| v["label"].as_str().unwrap()).collect();
    assert!(types.contains(&"Luật") && types.contains(&"Nghị định"), "{types:?}");
    assert!(j["total"].as_u64().unwrap() as usize >= hits.len());

    // Without the counting pass: the same first hits, no facets.
    let lean = get(&app, "/api/search?q=bau+truong+thon&facets=0").await.json();
    assert_eq!(lean["facets"], Value::Null);
    assert_eq!(lean["hits"][0]["id"], hits[0]["id"]);
    // Filters narrow; paging pages.
    let j = get(&app, "/api/search?q=bau+truong+thon&type=nghi-dinh").await.json();
    assert!(j["hits"].as_array().unwrap().iter().all(|h| h["doc_type"] == "Nghị định"), "{j}");
    let j = get(&app, "/api/search?q=bau+truong+thon&per_page=1&page=2").await.json();
    assert_eq!(j["hits"].as_array().unwrap().len(), 1);
    assert_eq!(j["page"], 2);
    // `limit` (the glossary API's name) is `per_page`, never silently ignored (regression).
    let j = get(&app, "/api/search?q=bau+truong+thon&limit=1").await.json();
    assert_eq!((j["hits"].as_array().unwrap().len(), j["per_page"].as_u64()), (1, Some(1)), "{j}");
    let j = get(&app, "/api/search?q=bau&status=repealed").await.json();
    assert!(j["hits"].as_array().unwrap().iter().all(|h| h["status"] == "hết hiệu lực"), "{j}");
}

#[tokio::test]
async fn a_number_the_corpus_does_not_know_is_said_plainly() {
    let app = app();
    let q = cancu::web::html::url_encode("nghị định 999/2099/NĐ-CP");
    let j = get(&app, &format!("/api/search?q={q}")).await.json();
    let nf = &j["not_found"];
    assert_eq!(nf["read"], "Nghị định 999/2099/NĐ-CP", "{j}");
    assert_eq!(nf["number"], "999/2099/NĐ-CP", "{j}");
    assert!(nf["official_search"].as_str().unwrap().starts_with("https://vbpl.vn/"), "{j}");
    let html = get(&app, &format!("/?q={q}")).await.body;
    assert!(html.contains("Không có văn bản số Nghị định 999/2099/NĐ-CP trong kho dữ liệu."), "{html}");
    assert!(html.contains("href=\"https://vbpl.vn/"), "{html}");
    // Hits on the words of the query ("nghị định") stay folded away under the notice.
    let hit = html.find("class=\"hit\"").expect("word hits");
    assert!(html.find("<details class=\"word-hits\">").is_some_and(|d| d < hit), "{html}");
    // Another year of a number the corpus holds is offered as a close match.
    let j =
        get(&app, &format!("/api/search?q={}", cancu::web::html::url_encode("59/2099/NĐ-CP"))).await.json();
    let close: Vec<&str> =
        j["not_found"]["close"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(close, ["nghi-dinh-59-2023-nd-cp"], "{j}");
    // A number the corpus holds, and a plain query, have no such notice.
    for q in ["59/2023/NĐ-CP", "bau truong thon"] {
        let j = get(&app, &format!("/api/search?q={}", cancu::web::html::url_encode(q))).await.json();
        assert!(j.get("not_found").is_none(), "{q}: {j}");
    }
}

#[tokio::test]
async fn hits_group_by_document_and_say_what_they_count() {
    let app = app();
    let a = get(&app, "/?q=bau+truong+thon&nhom=van-ban").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("class=\"hit-group\""), "{}", a.body);
    assert!(a.body.contains("href=\"/?q=bau+truong+thon\">Không nhóm"), "{}", a.body);
    let a = get(&app, "/?q=bau+truong+thon").await;
    assert!(a.body.contains("mỗi kết quả là một điều hoặc một văn bản"), "{}", a.body);
    assert!(a.body.contains("href=\"/?q=bau+truong+thon&amp;nhom=van-ban\">Nhóm theo văn bản"), "{}", a.body);
    // The đề mục facet shows the đề mục's title, not a bare code.
    assert!(a.body.contains("Đề mục 44.13. Thực hiện dân chủ ở cơ sở"), "{}", a.body);
    // "/tim-kiem" (the name a user types) is the search page too (new-user trial: a 404).
    let t = get(&app, "/tim-kiem?q=bau+truong+thon").await;
    assert_eq!(t.status, StatusCode::OK);
    assert!(t.body.contains("mỗi kết quả là một điều hoặc một văn bản"), "{}", t.body);
    assert_eq!(get(&app, "/api/search?q=a&nhom=x").await.status, StatusCode::BAD_REQUEST);
    // A query the searcher refuses is explained in Vietnamese.
    let a = get(&app, "/?q=%22d%C3%A2n+ch%E1%BB%A7").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.body.contains("ngoặc kép") && !a.body.contains("unbalanced"), "{}", a.body);
}

#[tokio::test]
async fn bad_search_input_is_4xx() {
    let app = app();
    let long_q = format!("/api/search?q={}", "a".repeat(301));
    let huge = format!("/api/search?q=a&x={}", "b".repeat(9000));
    let rows: Vec<(&str, StatusCode, &str)> = vec![
        ("/api/search", StatusCode::BAD_REQUEST, "missing_query"),
        ("/api/search?q=", StatusCode::BAD_REQUEST, "missing_query"),
        (&long_q, StatusCode::BAD_REQUEST, "query_too_long"),
        (&huge, StatusCode::URI_TOO_LONG, "query_too_long"),
        ("/api/search?q=a&page=0", StatusCode::BAD_REQUEST, "bad_parameter"),
        ("/api/search?q=a&page=51", StatusCode::BAD_REQUEST, "bad_parameter"),
        ("/api/search?q=a&per_page=1000", StatusCode::BAD_REQUEST, "bad_parameter"),
        ("/api/search?q=a&page=-1", StatusCode::BAD_REQUEST, "bad_parameter"),
        ("/api/search?q=a&type=foo", StatusCode::BAD_REQUEST, "bad_filter"),
        ("/api/search?q=a&status=maybe", StatusCode::BAD_REQUEST, "bad_filter"),
        ("/api/search?q=a&year=99999", StatusCode::BAD_REQUEST, "bad_filter"),
        ("/api/search?q=a&demuc=../x", StatusCode::BAD_REQUEST, "bad_filter"),
        ("/api/search?q=%FF", StatusCode::BAD_REQUEST, "bad_encoding"),
        ("/api/search?q=%", StatusCode::BAD_REQUEST, "bad_encoding"),
        ("/api/search?q=a&q=b", StatusCode::BAD_REQUEST, "duplicate_parameter"),
        ("/api/search?q=a&facets=maybe", StatusCode::BAD_REQUEST, "bad_parameter"),
    ];
    for (uri, status, code) in rows {
        let a = get(&app, uri).await;
        assert_error(&a, status, code);
    }
}

#[tokio::test]
async fn documents_and_articles() {
    let app = app();
    let j = get(&app, "/api/documents/luat-10-2022-qh15").await.json();
    assert_eq!(j["metadata"]["canonical"], "10/2022/QH15");
    assert_eq!(j["metadata"]["status"], "còn hiệu lực");
    assert_eq!(j["articles"][1]["anchor"], "dieu-5");

    let a = get(&app, "/api/documents/luat-10-2022-qh15/articles/5").await;
    assert_eq!(a.status, StatusCode::OK);
    let j = a.json();
    assert_eq!(j["document"]["id"], "luat-10-2022-qh15");
    assert_eq!(j["url"], "/van-ban/luat-10-2022-qh15#dieu-5");
    assert_eq!(j["outline"][1]["anchor"], "dieu-5-khoan-2");
    let points: Vec<&str> =
        j["outline"][1]["points"].as_array().unwrap().iter().map(|p| p["anchor"].as_str().unwrap()).collect();
    assert_eq!(points, ["dieu-5-khoan-2-diem-a", "dieu-5-khoan-2-diem-b", "dieu-5-khoan-2-diem-đ"]);
    assert_eq!(j["meta"]["phapdien"], "44.13.LQ.5");

    let rows = [
        ("/api/documents/khong-co", StatusCode::NOT_FOUND, "not_found"),
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", StatusCode::BAD_REQUEST, "bad_id"),
        ("/api/documents/LUAT", StatusCode::BAD_REQUEST, "bad_id"),
        ("/api/documents/luat-10-2022-qh15/articles/99", StatusCode::NOT_FOUND, "not_found"),
        ("/api/documents/luat-10-2022-qh15/articles/abc", StatusCode::BAD_REQUEST, "bad_article"),
        ("/api/documents/luat-10-2022-qh15/articles/%C0", StatusCode::BAD_REQUEST, "bad_request"),
        ("/api/khong-co", StatusCode::NOT_FOUND, "not_found"),
    ];
    for (uri, status, code) in rows {
        assert_error(&get(&app, uri).await, status, code);
    }
}

#[tokio::test]
async fn links_show_metadata_relations_and_no_invented_graph() {
    let app = app();
    let j = get(&app, "/api/documents/nghi-dinh-59-2023-nd-cp/links").await.json();
    let rels = j["relations"].as_array().unwrap();
    assert_eq!(rels[0]["kind"], "details");
    assert_eq!(rels[0]["resolved"], "luat-10-2022-qh15");
    assert_eq!(rels[1]["resolved"], Value::Null, "04/2015/NĐ-CP is not in the fixture corpus");
    // The graph (built with the index): the decree cites the law's khoản 2 Điều 5 from its Điều 3.
    assert_eq!(j["graph"], true);
    let j = get(&app, "/api/documents/luat-10-2022-qh15/links").await.json();
    let cited_by: Vec<&Value> =
        j["cited_by"].as_array().unwrap().iter().flat_map(|g| g["links"].as_array().unwrap()).collect();
    assert!(
        cited_by.iter().any(|l| l["doc"] == "nghi-dinh-59-2023-nd-cp"
            && l["citing_article"] == "3"
            && l["anchor"] == "dieu-5-khoan-2"),
        "{j}"
    );
    let j = get(&app, "/api/documents/luat-10-2022-qh15/articles/5/links").await.json();
    assert_eq!(j["article"], "5");
    assert!(!j["cited_by"].as_array().unwrap().is_empty(), "{j}");
    assert_eq!(
        get(&app, "/api/documents/luat-10-2022-qh15/articles/77/links").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn resolves_references() {
    let app = app();
    let rows = [
        ("khoản 2 Điều 5 Luật 10/2022/QH15", "luat-10-2022-qh15", Some("dieu-5-khoan-2")),
        ("điểm đ khoản 2 Điều 5 Luật số 10/2022/QH15", "luat-10-2022-qh15", Some("dieu-5-khoan-2-diem-đ")),
        ("diem d khoan 2 dieu 5 luat 10/2022/qh15", "luat-10-2022-qh15", Some("dieu-5-khoan-2")),
        ("Nghị định 59/2023/ND-CP", "nghi-dinh-59-2023-nd-cp", None),
        ("Điều 1 Luật Thực hiện dân chủ ở cơ sở", "luat-10-2022-qh15", Some("dieu-1")),
        ("Luật 18/2008/QH12", "luat-18-2008-qh12", None),
        ("Nghị quyết số 18/2008/QH12", "nghi-quyet-18-2008-qh12", None),
    ];
    // A clause the article lacks: the answer points at the article, and says so (regression:
    // dropped without a word).
    let a = get(
        &app,
        &format!("/api/resolve?ref={}", cancu::web::html::url_encode("khoản 9 Điều 5 Luật 10/2022/QH15")),
    )
    .await
    .json();
    assert_eq!((a["anchor"].as_str(), a["clause"].as_str()), (Some("dieu-5"), None), "{a}");
    assert!(a["note"].as_str().is_some_and(|n| n.contains("không có khoản 9")), "{a}");
    for (r, id, anchor) in rows {
        let a = get(&app, &format!("/api/resolve?ref={}", cancu::web::html::url_encode(r))).await;
        assert_eq!(a.status, StatusCode::OK, "{r}: {}", a.body);
        let j = a.json();
        assert_eq!(j["id"], id, "{r}");
        assert_eq!(j["anchor"].as_str(), anchor, "{r}");
        // The status at the date asked (today here) comes with the document (regression: only
        // the other versions had one).
        assert!(cancu::model::Status::parse(j["status"].as_str().unwrap_or_default()).is_some(), "{r}: {j}");
    }
    // The one near candidate of a partial reference: said uncertain, with the same notice as
    // `cancu show` (new-user trial: "ambiguous" came with no word of why).
    let j = get(&app, "/api/resolve?ref=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh+59").await.json();
    assert_eq!(
        (j["id"].as_str(), j["confidence"].as_str()),
        (Some("nghi-dinh-59-2023-nd-cp"), Some("ambiguous")),
        "{j}"
    );
    assert!(
        j["note"].as_str().is_some_and(|n| n.starts_with("Khớp gần đúng: Nghị định 59/2023/NĐ-CP")),
        "{j}"
    );
    let exact = get(&app, "/api/resolve?ref=Lu%E1%BA%ADt+10%2F2022%2FQH15").await.json();
    assert!(exact["note"].is_null(), "{exact}");
    assert_error(
        &get(&app, "/api/resolve?ref=18%2F2008%2FQH12").await,
        StatusCode::CONFLICT,
        "ambiguous_reference",
    );
    assert_error(&get(&app, "/api/resolve?ref=99%2F2099%2FQH99").await, StatusCode::NOT_FOUND, "not_found");
    // A year no version of the name has: no document answers (trial 7: the 200 answer carried
    // the other version's id and url), the notice names the version held.
    let other_year = get(
        &app,
        &format!("/api/resolve?ref={}", cancu::web::html::url_encode("Luật Thực hiện dân chủ ở cơ sở 2019")),
    )
    .await;
    assert_error(&other_year, StatusCode::NOT_FOUND, "not_found");
    assert!(
        other_year.body.contains("không có văn bản năm 2019") && other_year.body.contains("10/2022/QH15"),
        "{}",
        other_year.body
    );
    // The search box gives no article of the version held for it (probe 8: "Điều 17 Luật Đất
    // đai 2024" routed to Điều 17 of the 2013 law at score 1).
    let searched = get(
        &app,
        &format!(
            "/api/search?q={}",
            cancu::web::html::url_encode("Điều 5 Luật Thực hiện dân chủ ở cơ sở 2019")
        ),
    )
    .await
    .json();
    assert_eq!(searched["route"]["kind"], "document", "{searched}");
    // A number written otherwise: the search box says which document it was taken as.
    let variant =
        get(&app, &format!("/api/search?q={}", cancu::web::html::url_encode("Nghị định 059/2023/NĐ-CP")))
            .await
            .json();
    assert!(
        variant["notice"].as_str().is_some_and(|n| n.contains("đã hiểu là Nghị định 59/2023/NĐ-CP")),
        "{variant}"
    );
    assert!(searched["hits"].as_array().unwrap().iter().all(|h| h["article"].is_null()), "{searched}");
    assert!(
        searched["notice"].as_str().is_some_and(|n| n.contains("không có văn bản năm 2019")),
        "{searched}"
    );
    assert_error(
        &get(&app, "/api/resolve?ref=%C4%90i%E1%BB%81u+99+Lu%E1%BA%ADt+10%2F2022%2FQH15").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(&get(&app, "/api/resolve").await, StatusCode::BAD_REQUEST, "missing_ref");
}

#[tokio::test]
async fn cite_reads_and_resolves_posted_text() {
    let app = app();
    let text = "Căn cứ khoản 2 Điều 5 Luật số 10/2022/QH15 và Nghị định số 99/2099/NĐ-CP, nay quyết định.";
    let a =
        post(&app, "/api/cite", "application/json", serde_json::json!({ "text": text }).to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let j = a.json();
    let cites = j.as_array().unwrap();
    assert_eq!(cites.len(), 2, "{j}");
    for c in cites {
        let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], c["text"].as_str().unwrap());
    }
    assert_eq!(cites[0]["number"], "10/2022/QH15");
    assert_eq!(cites[0]["target"], "luat-10-2022-qh15");
    assert_eq!(cites[0]["pinpoint"]["clause"], "2");
    assert_eq!(cites[1]["number"], "99/2099/NĐ-CP");
    assert_eq!(cites[1]["target"], Value::Null, "not in the corpus: kept, unresolved");
}

#[tokio::test]
async fn a_posted_corpus_file_is_read_as_its_text_not_its_metadata() {
    // Regression: the front matter's number and relations were read as citations, the
    // "Điều N." headings as references, and "Điều này" had no document.
    let app = app();
    let text = "+++\nid = \"nghi-dinh-7-2031-nd-cp\"\nnumber = \"7/2031/NĐ-CP\"\ndoc_type = \"Nghị định\"\n\
                title = \"Nghị định thử\"\nsigned = \"2031-02-03\"\n\n[[articles]]\nnumber = \"1\"\n\n\
                [[articles.amended_by]]\nnumber = \"10/2022/QH15\"\ndoc_type = \"Luật\"\n+++\n\n\
                # Nghị định thử\n\n#### Điều 3. Hồ sơ\n\n1. Đơn.\n\n2. Giấy tờ nêu tại khoản 1 Điều này.\n";
    let a =
        post(&app, "/api/cite", "application/json", serde_json::json!({ "text": text }).to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let j = a.json();
    let cites = j.as_array().unwrap();
    assert_eq!(cites.len(), 1, "{j}");
    assert_eq!(cites[0]["text"], "khoản 1 Điều này");
    assert_eq!(cites[0]["pinpoint"]["article"], "3");
    assert_eq!(cites[0]["target"], "nghi-dinh-7-2031-nd-cp");
}

#[tokio::test]
async fn posted_text_is_checked() {
    let app = app();
    assert_error(
        &post(&app, "/api/cite", "application/json", "{not json").await,
        StatusCode::BAD_REQUEST,
        "bad_json",
    );
    assert_error(
        &post(&app, "/api/cite", "application/json", "{\"text\": \"  \"}").await,
        StatusCode::BAD_REQUEST,
        "empty_text",
    );
    assert_error(
        &post(&app, "/api/link", "application/json", "[1,2]").await,
        StatusCode::BAD_REQUEST,
        "bad_json",
    );
    let big = vec![b'a'; cancu::web::limits::MAX_BODY + 1];
    assert_error(
        &post(&app, "/api/cite", "application/json", big.clone()).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
    );
    // With a Content-Length over the limit: refused before reading.
    let req = Request::post("/api/cite")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    assert_error(&send(&app, req).await, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    assert_error(&get(&app, "/api/cite").await, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

/// No `<script` or event-handler markup from the corpus or the query may reach the page.
fn assert_no_injection(html: &str) {
    let lower = html.to_lowercase();
    let scripts = lower.matches("<script").count();
    let ours = lower.matches("<script src=\"/static/app.js\" defer></script>").count();
    assert_eq!(scripts, ours, "a <script> that is not ours:\n{html}");
    assert!(!lower.contains("<img"), "{html}");
    assert!(!lower.contains("<b>thử"), "{html}");
    assert!(!lower.contains("href=\"javascript:"), "{html}");
}

#[tokio::test]
async fn corpus_and_query_text_are_escaped() {
    let app = app();
    let a = get(&app, "/van-ban/quyet-dinh-1-2024-qd-thu").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_no_injection(&a.body);
    // maud escapes & < > " (an apostrophe is harmless in text and double-quoted attributes).
    assert!(a.body.contains("&lt;script&gt;alert('tieu-de')&lt;/script&gt;"), "{}", a.body);
    assert!(a.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(a.body.contains("Cơ quan &lt;b&gt;thử&lt;/b&gt;"));
    // A document whose metadata states no relation gets no "Quan hệ văn bản" panel saying
    // "none recorded" above the relations the citation panels list (regression).
    assert!(!a.body.contains("chưa ghi quan hệ nào"), "{}", a.body);
    // Every tab of the page escapes as well (the official link is no `javascript:` link).
    for tab in ["thuoc-tinh", "luoc-do", "lich-su", "tai-ve"] {
        let a = get(&app, &format!("/van-ban/quyet-dinh-1-2024-qd-thu?tab={tab}")).await;
        assert_eq!(a.status, StatusCode::OK, "{tab}");
        assert_no_injection(&a.body);
    }

    let q = cancu::web::html::url_encode("<script>alert(1)</script>\"><img src=x>");
    for uri in [format!("/?q={q}"), format!("/?q=bau&issuer={q}")] {
        let a = get(&app, &uri).await;
        // The searcher may refuse the unbalanced quote (a 400 page with the form): either way,
        // the text comes back escaped.
        assert!(a.status == StatusCode::OK || a.status == StatusCode::BAD_REQUEST, "{uri}");
        assert_no_injection(&a.body);
        assert!(
            a.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x&gt;"),
            "{}",
            a.body
        );
    }
    // Search hits and snippets out of the hostile document.
    let a = get(&app, "/?q=noi+dung+thu+nghiem").await;
    assert!(a.body.contains("class=\"hit\""), "{}", a.body);
    assert_no_injection(&a.body);
    // Print view and API JSON (JSON is data: its consumers escape; it must still be JSON).
    let a = get(&app, "/in?a=quyet-dinh-1-2024-qd-thu").await;
    assert_no_injection(&a.body);
    let j = get(&app, "/api/documents/quyet-dinh-1-2024-qd-thu").await;
    assert_eq!(j.headers[header::CONTENT_TYPE], "application/json");
    assert!(j.json()["metadata"]["title"].as_str().unwrap().contains("<script>"));
    // The linker echoes the pasted text escaped.
    let a = post(&app, "/lien-ket", "application/x-www-form-urlencoded", format!("text={q}")).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_no_injection(&a.body);
    // Citations in a pasted plan become links; unknown ones are listed with what was read.
    let plan =
        cancu::web::html::url_encode("1. Thực hiện Luật số 10/2022/QH15 và Quyết định số 7-QĐ/XYZ <b>x</b>.");
    let a = post(&app, "/lien-ket", "application/x-www-form-urlencoded", format!("text={plan}")).await;
    assert!(a.body.contains("<a class=\"cite\" href=\"/van-ban/luat-10-2022-qh15\""), "{}", a.body);
    assert!(a.body.contains("Cảnh báo ("), "{}", a.body);
    assert!(a.body.contains("cite unresolved"), "{}", a.body);
    assert_no_injection(&a.body);
}

#[tokio::test]
async fn document_page_has_anchors_toc_badge_and_panels() {
    let app = app();
    let a = get(&app, "/van-ban/luat-10-2022-qh15").await;
    assert_eq!(a.status, StatusCode::OK);
    let html = &a.body;
    for id in [
        "dieu-1",
        "dieu-5",
        "dieu-5-khoan-1",
        "dieu-5-khoan-2-diem-a",
        "dieu-5-khoan-2-diem-đ",
        "dieu-5-khoan-3",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "anchor {id}");
    }
    assert!(html.contains("<a href=\"#dieu-5\">Điều 5."), "table of contents");
    assert!(html.contains("badge-in_force"));
    assert!(html.contains("value=\"luat-10-2022-qh15:5\""), "print checkbox");
    // Per article: "được trích dẫn bởi N", opening onto the citing articles.
    let i5 = html.find("id=\"dieu-5\"").unwrap();
    let cited = &html[i5..];
    assert!(cited.contains("<details class=\"cited-by\"><summary>Được trích dẫn bởi 1</summary>"), "{html}");
    assert!(
        cited.contains("href=\"/van-ban/nghi-dinh-59-2023-nd-cp#dieu-3\">Điều 3 Nghị định 59/2023/NĐ-CP</a>"),
        "cited by: {html}"
    );
    // Lược đồ: the relations, the diagram, the related Pháp điển article by its place.
    let html = get(&app, "/van-ban/luat-10-2022-qh15?tab=luoc-do").await.body;
    assert!(html.contains("Quan hệ văn bản") && html.contains("<svg"), "{html}");
    // The decree that details the law is listed once, under its specific relation, with the
    // place that cites the law (not again among the mere citations).
    assert!(html.contains("Văn bản hướng dẫn, quy định chi tiết"), "{html}");
    assert!(
        html.contains("href=\"/van-ban/nghi-dinh-59-2023-nd-cp#dieu-3\">Điều 3 Nghị định 59/2023/NĐ-CP"),
        "{html}"
    );
    let lists = &html[html.find("</figure>").unwrap()..];
    assert_eq!(lists.matches("<a href=\"/van-ban/nghi-dinh-59-2023-nd-cp\">").count(), 1, "{html}");
    assert!(html.contains("/van-ban/nghi-dinh-59-2023-nd-cp#dieu-3"), "{html}");
    assert!(!html.contains("44.13.NĐ") && !html.contains("44.13.LQ"), "no raw Pháp điển codes: {html}");
    // The decree's relations: one resolved, one not in the corpus; its citations are links.
    let html = get(&app, "/van-ban/nghi-dinh-59-2023-nd-cp").await.body;
    assert!(html.contains("<a class=\"cite\" href=\"/van-ban/luat-10-2022-qh15#dieu-5-khoan-2\""), "{html}");
    assert!(
        html.contains("<a class=\"cite\" href=\"/van-ban/nghi-dinh-59-2023-nd-cp#dieu-3-khoan-1\""),
        "{html}"
    );
    let html = get(&app, "/van-ban/nghi-dinh-59-2023-nd-cp?tab=luoc-do").await.body;
    assert!(html.contains("href=\"/van-ban/luat-10-2022-qh15\""), "{html}");
    assert!(html.contains("04/2015/NĐ-CP") && html.contains("chưa có trong kho"));
    // The article route redirects to the anchor.
    let a = get(&app, "/van-ban/luat-10-2022-qh15/dieu/5").await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    assert_eq!(a.headers[header::LOCATION], "/van-ban/luat-10-2022-qh15#dieu-5");
    assert_eq!(get(&app, "/van-ban/khong-co").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/van-ban/Bad%20Id").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn document_tabs_are_links_that_work_without_javascript() {
    let app = app();
    let html = get(&app, "/van-ban/luat-10-2022-qh15").await.body;
    for (tab, name) in
        [("thuoc-tinh", "Thuộc tính"), ("luoc-do", "Lược đồ"), ("lich-su", "Lịch sử"), ("tai-ve", "Tải về")]
    {
        assert!(
            html.contains(&format!("href=\"/van-ban/luat-10-2022-qh15?tab={tab}\">{name}")),
            "{tab}: {html}"
        );
    }
    assert!(html.contains("href=\"/van-ban/luat-10-2022-qh15\" aria-current=\"page\">Toàn văn"), "{html}");
    // Thuộc tính: every field in Vietnamese, dates dd/mm/yyyy, sources named, đề mục titled.
    let html = get(&app, "/van-ban/luat-10-2022-qh15?tab=thuoc-tinh").await.body;
    for want in [
        "Cơ quan ban hành",
        "Quốc hội",
        "10/11/2022",
        "01/07/2023",
        "Nguồn dữ liệu",
        "Hồ sơ nhập tay",
        "Đề mục 44.13. Thực hiện dân chủ ở cơ sở",
    ] {
        assert!(html.contains(want), "{want}: {html}");
    }
    assert!(!html.contains("cited-only") && !html.contains("Some(") && !html.contains("Dir("), "{html}");
    // Articles 1 and 5 of a law held from the Pháp điển: "một số điều", said with the count
    // and the articles missing between them.
    assert!(html.contains("một số điều (2 điều; không có Điều 2, 3, 4)"), "{html}");
    // Tải về: the Word file and the whole-document print view.
    let html = get(&app, "/van-ban/luat-10-2022-qh15?tab=tai-ve").await.body;
    assert!(html.contains("href=\"/van-ban/luat-10-2022-qh15.docx\""), "{html}");
    assert!(html.contains("href=\"/in?a=luat-10-2022-qh15\""), "{html}");
    // Lịch sử answers (with the timeline, or a plain sentence when nothing is known).
    let a = get(&app, "/van-ban/luat-10-2022-qh15?tab=lich-su").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("Lịch sử hiệu lực"), "{}", a.body);
    let a = get(&app, "/van-ban/luat-10-2022-qh15?tab=xyz").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
}

#[tokio::test]
async fn search_page_without_javascript() {
    let app = app();
    let start = get(&app, "/").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("<html lang=\"vi\">") && start.body.contains("Tìm kiếm"));
    let a = get(&app, "/?q=b%E1%BA%A7u+tr%C6%B0%E1%BB%9Fng+th%C3%B4n").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("<mark>bầu</mark>"), "{}", a.body);
    assert!(a.body.contains("kết quả cho"));
    // Facet links narrow the search (plain links: no script needed).
    assert!(
        a.body.contains("href=\"/?q=b%E1%BA%A7u+tr%C6%B0%E1%BB%9Fng+th%C3%B4n&amp;type=nghi-dinh\""),
        "{}",
        a.body
    );
    assert!(a.body.contains("<noscript><button type=\"submit\">Lọc</button></noscript>"));
    let a = get(&app, "/?q=a&page=0").await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
}

/// Words of visible text in `html` (tags, scripts and styles left out).
fn words(html: &str) -> usize {
    let code = regex::Regex::new(r"(?s)<(script|style)[^>]*>.*?</(script|style)>").unwrap();
    let tag = regex::Regex::new(r"<[^>]*>").unwrap();
    tag.replace_all(&code.replace_all(html, " "), " ").split_whitespace().count()
}

/// Where `class="{class}"` first is in `html`.
fn first_of(html: &str, class: &str) -> usize {
    html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no {class} in {html}"))
}

#[tokio::test]
async fn search_results_come_before_the_facets() {
    // Regression: the facets came first in the page's order, before the first result for
    // screen readers, narrow screens and print.
    let app = app();
    for uri in ["/tim-kiem?q=bau+truong+thon", "/?q=bau+truong+thon", "/?q=bau+truong+thon&nhom=van-ban"] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let (hit, facets) = (first_of(&a.body, "hit"), first_of(&a.body, "facets"));
        assert!(hit < facets, "{uri}: the first result at {hit}, the facets at {facets}");
        // Still usable: plain links that narrow, and a link down to them from the count.
        assert!(a.body[facets..].contains("&amp;type=nghi-dinh"), "{uri}: {}", a.body);
        assert!(a.body.contains("href=\"#loc-ket-qua\"") && a.body.contains("id=\"loc-ket-qua\""), "{uri}");
    }
    // No results: no facets, no link to them.
    let a = get(&app, "/tim-kiem?q=zzzyyyxxx").await;
    assert!(!a.body.contains("class=\"facets\"") && !a.body.contains("#loc-ket-qua"), "{}", a.body);

    // On the real corpus: few words before the first result, and every facet value the API
    // counts is a link on the page, the values past the first five of each in a <details>.
    let Some(kb) = crate::common::real_kb() else { return };
    let app = router(AppState::new(Snapshot::load(Some(&kb.corpus), &kb.index).expect("real snapshot")));
    let q = "d%C3%A2n+ch%E1%BB%A7";
    let a = get(&app, &format!("/tim-kiem?q={q}")).await;
    let (hit, facets) = (first_of(&a.body, "hit"), first_of(&a.body, "facets"));
    assert!(hit < facets);
    // (the header and the search form: 158 words; with the facets first, 285 and more)
    assert!(words(&a.body[..hit]) < 200, "{} words before the first result", words(&a.body[..hit]));
    let j = get(&app, &format!("/api/search?q={q}")).await.json();
    let counts: Vec<usize> = ["doc_type", "status", "year", "issuer", "demuc"]
        .iter()
        .map(|f| j["facets"][f].as_array().map_or(0, Vec::len))
        .collect();
    assert!(counts.iter().any(|&n| n > 5), "{counts:?}");
    let aside = &a.body[facets..];
    let aside = &aside[..aside.find("</aside>").unwrap()];
    assert_eq!(aside.matches("<li>").count(), counts.iter().sum::<usize>(), "{aside}");
    assert_eq!(aside.matches("<details class=\"more\">").count(), counts.iter().filter(|&&n| n > 5).count());
}

#[tokio::test]
async fn phapdien_browsing() {
    let app = app();
    let a = get(&app, "/phap-dien").await;
    assert!(a.body.contains("href=\"/phap-dien/44.13\""), "{}", a.body);
    // Đề mục by their titles, under their chủ đề (by number: the dump does not name them).
    assert!(a.body.contains("Đề mục 44.13. Thực hiện dân chủ ở cơ sở"), "{}", a.body);
    assert!(
        a.body.contains("id=\"chu-de-44\"")
            && a.body.contains("Chủ đề 44. Xây dựng pháp luật và thi hành pháp luật"),
        "{}",
        a.body
    );
    let a = get(&app, "/phap-dien/44.13").await;
    assert_eq!(a.status, StatusCode::OK);
    let i1 = a.body.find("#dieu-1\"").expect("LQ.1");
    let i5 = a.body.find("#dieu-5\"").expect("LQ.5");
    let i3 = a.body.find("nghi-dinh-59-2023-nd-cp#dieu-3\"").expect("NĐ.1.3");
    assert!(i1 < i5 && i5 < i3, "Pháp điển order");
    assert!(a.body.contains("Chương I. NHỮNG QUY ĐỊNH CHUNG"));
    // Breadcrumb and "Tìm trong đề mục này".
    assert!(a.body.contains("<h1>Đề mục 44.13. Thực hiện dân chủ ở cơ sở</h1>"), "{}", a.body);
    assert!(
        a.body.contains(
            "href=\"/phap-dien#chu-de-44\">Chủ đề 44. Xây dựng pháp luật và thi hành pháp luật</a>"
        ),
        "{}",
        a.body
    );
    assert!(a.body.contains("href=\"/?demuc=44.13\">Tìm trong đề mục này"), "{}", a.body);
    assert_eq!(get(&app, "/phap-dien/99.99").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/phap-dien/..%2F..").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn print_view() {
    let app = app();
    let a = get(&app, "/in?a=nghi-dinh-59-2023-nd-cp:3&a=luat-10-2022-qh15:5").await;
    assert_eq!(a.status, StatusCode::OK);
    let i = a.body.find("Cách bầu trưởng thôn").unwrap();
    let j = a.body.find("Việc người dân được bàn").unwrap();
    assert!(i < j, "the order asked");
    assert!(a.body.contains("Trích các điều (2 điều)"));
    assert!(!a.body.contains("id=\"dieu-"), "no duplicate ids on a shared page");
    assert_eq!(get(&app, "/in").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(get(&app, "/in?a=luat-10-2022-qh15:77").await.status, StatusCode::NOT_FOUND);
    let many = (0..101).map(|_| "a=luat-10-2022-qh15:1").collect::<Vec<_>>().join("&");
    assert_eq!(get(&app, &format!("/in?{many}")).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn assets_come_from_memory_only() {
    let app = app();
    let a = get(&app, "/static/style.css").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(a.body.contains("@media print"));
    assert_eq!(get(&app, "/favicon.ico").await.headers[header::CONTENT_TYPE], "image/svg+xml");
    for uri in [
        "/static/..%2F..%2FCargo.toml",
        "/static/%2e%2e%2fsrc%2flib.rs",
        "/static/../Cargo.toml",
        "/static/",
        "/static/nope.css",
        "/../../etc/passwd",
        "/corpus/README.md",
    ] {
        let a = get(&app, uri).await;
        assert!(
            a.status == StatusCode::NOT_FOUND || a.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            a.status
        );
        assert!(!a.body.contains("[package]") && !a.body.contains("root:"), "{uri}");
    }
}

#[tokio::test]
async fn security_headers_on_every_answer() {
    let app = app();
    for uri in ["/", "/api/search?q=a", "/api/nope", "/static/app.js"] {
        let a = get(&app, uri).await;
        assert_eq!(a.headers["x-content-type-options"], "nosniff", "{uri}");
        assert!(
            a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("script-src 'self'"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn keeps_serving_after_a_batch_of_bad_requests() {
    let app = app();
    let bad: Vec<Request<Body>> = vec![
        Request::get("/api/search?q=%FF%FE").body(Body::empty()).unwrap(),
        Request::get("/api/documents/%00").body(Body::empty()).unwrap(),
        Request::get("/api/documents/a/articles/%ZZ").body(Body::empty()).unwrap(),
        Request::post("/api/cite")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(vec![0xFFu8; 100]))
            .unwrap(),
        Request::post("/api/link").body(Body::from("{\"text\": 5}")).unwrap(),
        Request::post("/lien-ket").body(Body::from("text=%E0%A4")).unwrap(),
        Request::builder().method(Method::DELETE).uri("/api/search").body(Body::empty()).unwrap(),
        Request::get("/in?a=:&a=::").body(Body::empty()).unwrap(),
        Request::get("/api/resolve?ref=".to_string() + &"%C4%91".repeat(400)).body(Body::empty()).unwrap(),
        Request::get("/van-ban/".to_string() + &"a".repeat(5000)).body(Body::empty()).unwrap(),
        Request::get("/?q=a&per_page=0").body(Body::empty()).unwrap(),
        Request::get("/phap-dien/%FF").body(Body::empty()).unwrap(),
    ];
    for req in bad {
        let uri = req.uri().clone();
        let a = send(&app, req).await;
        assert!(a.status.is_client_error(), "{uri}: {} {}", a.status, a.body);
        if uri.path().starts_with("/api/") {
            assert!(a.json()["code"].is_string(), "{uri}: {}", a.body);
        }
    }
    let a = get(&app, "/api/search?q=truong+thon").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.json()["total"].as_u64().unwrap() > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reindex_swaps_under_load_without_a_failed_request() {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    // Its own index directory: each reindex publishes a new generation there.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().to_path_buf();
    let first = Snapshot::rebuild(Some(&fixtures()), &index).unwrap();
    let first_gen = first.searcher.as_ref().unwrap().generation();
    let state = AppState::with_reload(first, admin(), move || {
        c.fetch_add(1, Ordering::SeqCst);
        Snapshot::rebuild(Some(&fixtures()), &index)
    });
    let app = router(state.clone());
    assert_eq!(get(&app, "/api/health").await.json()["generation"], 1);
    let expected = get(&app, "/api/search?q=bau+truong+thon").await.json()["total"].as_u64();
    assert!(expected.is_some_and(|n| n > 0));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut workers = Vec::new();
    for _ in 0..4 {
        let (app, stop) = (app.clone(), stop.clone());
        workers.push(tokio::spawn(async move {
            let (mut ok, mut failed) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                let a = get(&app, "/api/search?q=bau+truong+thon").await;
                if a.status == StatusCode::OK && a.json()["total"].as_u64() == expected {
                    ok += 1;
                } else {
                    failed += 1;
                }
                tokio::task::yield_now().await;
            }
            (ok, failed)
        }));
    }
    for round in 0..3 {
        let a = reindex(&app).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert_eq!(a.json()["generation"], 2 + round);
    }
    stop.store(true, Ordering::SeqCst);
    let (mut ok, mut failed) = (0, 0);
    for w in workers {
        let (o, f) = w.await.unwrap();
        ok += o;
        failed += f;
    }
    assert_eq!(failed, 0);
    assert!(ok > 0);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(get(&app, "/api/health").await.json()["generation"], 4);
    assert_ne!(
        state.snapshot().searcher.as_ref().unwrap().generation(),
        first_gen,
        "a new index generation serves"
    );
    // A second reindex while one runs is refused, not queued.
    let (a, b) = tokio::join!(reindex(&app), reindex(&app));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    // A server started without an admin token has no admin endpoint.
    assert_error(&reindex(&app_without_reload()).await, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_follow_a_generation_published_by_one_builder_without_a_failed_request() {
    // Two servers (replicas) read one index directory; a third party (the builder) publishes
    // a new generation; each replica switches to it while answering.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().to_path_buf();
    let corpus = fixtures();
    let first = Snapshot::rebuild(Some(&corpus), &index).unwrap();
    let first_name = first.index_generation().expect("an index");
    let replicas = [AppState::new(first), AppState::new(Snapshot::load(Some(&corpus), &index).unwrap())];
    for r in &replicas {
        let h = get(&router(r.clone()), "/api/health").await.json();
        assert_eq!(h["index"], first_name.as_str(), "{h}");
        // Nothing published: nothing to follow.
        assert_eq!(r.follow(Some(&corpus), &index, || unreachable!("no new generation")).unwrap(), None);
    }
    let expected =
        get(&router(replicas[0].clone()), "/api/search?q=bau+truong+thon").await.json()["total"].as_u64();
    assert!(expected.is_some_and(|n| n > 0));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut workers = Vec::new();
    for r in &replicas {
        let (app, stop) = (router(r.clone()), stop.clone());
        workers.push(tokio::spawn(async move {
            let (mut ok, mut failed) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                let a = get(&app, "/api/search?q=bau+truong+thon").await;
                if a.status == StatusCode::OK && a.json()["total"].as_u64() == expected {
                    ok += 1;
                } else {
                    failed += 1;
                }
                tokio::task::yield_now().await;
            }
            (ok, failed)
        }));
    }
    // The builder publishes once.
    std::thread::sleep(std::time::Duration::from_millis(2));
    let (loaded, source) = cancu::corpus::load(Some(&corpus)).unwrap();
    cancu::kb::build(&loaded, source.dir(), &index, &Default::default()).unwrap();
    let live = cancu::index::current(&index).unwrap().file_name().unwrap().to_string_lossy().into_owned();
    assert_ne!(live, first_name);
    for r in &replicas {
        let (r, c, i) = (r.clone(), corpus.clone(), index.clone());
        let switched =
            tokio::task::spawn_blocking(move || r.follow(Some(&c), &i, || Snapshot::load(Some(&c), &i)))
                .await
                .unwrap()
                .unwrap();
        assert_eq!(switched, Some(2));
    }
    stop.store(true, Ordering::SeqCst);
    let (mut ok, mut failed) = (0, 0);
    for w in workers {
        let (o, f) = w.await.unwrap();
        ok += o;
        failed += f;
    }
    assert_eq!(failed, 0);
    assert!(ok > 0);
    for r in &replicas {
        let h = get(&router(r.clone()), "/api/health").await.json();
        assert_eq!((h["index"].as_str(), h["generation"].as_u64()), (Some(live.as_str()), Some(2)), "{h}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reindex_asked_while_a_follower_checks_waits_for_it_instead_of_refusing() {
    // Regression (CI, 2026-11-30): `cancu serve` checks for a published generation as it
    // starts; a reindex asked during that check was refused with 409 "reindex_running".
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().to_path_buf();
    let corpus = fixtures();
    let first = Snapshot::rebuild(Some(&corpus), &index).unwrap();
    let (c, i) = (corpus.clone(), index.clone());
    let hourly = Admin::new(TOKEN).unwrap().min_interval(std::time::Duration::from_secs(3600));
    let state = AppState::with_reload(first, hourly, move || Snapshot::load(Some(&c), &i));
    let (loaded, source) = cancu::corpus::load(Some(&corpus)).unwrap();
    cancu::kb::build(&loaded, source.dir(), &index, &Default::default()).unwrap();
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let follower = {
        let (s, c, i) = (state.clone(), corpus.clone(), index.clone());
        tokio::task::spawn_blocking(move || {
            s.follow(Some(&c), &i, || {
                started_tx.send(()).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(300));
                Snapshot::load(Some(&c), &i)
            })
        })
    };
    tokio::task::spawn_blocking(move || started_rx.recv().unwrap()).await.unwrap();
    let report = state.reindex().await.expect("the reindex waits for the follower's check");
    assert_eq!(follower.await.unwrap().unwrap(), Some(2), "the follower swapped in what it found");
    assert_eq!(report.generation, 3, "then the reindex swapped in its own");
    // Once it has ended, another may be asked for (the mark is cleared), subject only to the
    // minimum interval.
    assert_error(
        &send(
            &router(state.clone()),
            Request::post("/api/admin/reindex")
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await,
        StatusCode::TOO_MANY_REQUESTS,
        "reindex_too_soon",
    );
}

fn app_without_reload() -> Router {
    app()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_completes_when_the_request_is_dropped() {
    // Regression: a reindex longer than the request timeout used to be dropped with the
    // request, after the new index was built but before it was swapped in.
    let state = AppState::with_reload(snapshot(), admin(), || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        Ok(snapshot())
    });
    let r = tokio::time::timeout(std::time::Duration::from_millis(20), state.reindex()).await;
    assert!(r.is_err(), "the request gave up first");
    // Wait for the swap (polled: a fixed sleep failed on a loaded machine).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while state.snapshot().generation != 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(state.snapshot().generation, 2, "the rebuild still swapped in");
}

#[test]
fn an_index_from_another_cancu_version_is_rebuilt_not_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A live generation whose schema is not ours (as an older cancu would leave it).
    let staging = cancu::index::generation::begin(dir.path()).unwrap();
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("facet_of_old", tantivy::schema::STRING);
    tantivy::Index::create_in_dir(staging.path(), b.build()).unwrap();
    staging.publish().unwrap();
    assert!(cancu::search::Searcher::open(dir.path()).is_err());
    let s = Snapshot::load(Some(&fixtures()), dir.path()).expect("rebuilt");
    let searcher = s.searcher.expect("a searcher");
    assert!(!searcher.search(&cancu::search::Query::new("dân chủ")).unwrap().hits.is_empty());
}

#[tokio::test]
async fn a_document_file_removed_under_the_server_is_a_503_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for e in std::fs::read_dir(fixtures()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, corpus.join(p.file_name().unwrap())).unwrap();
    }
    let app = router(AppState::new(Snapshot::load(Some(&corpus), &dir.path().join("index")).unwrap()));
    let id = "luat-10-2022-qh15";
    assert_eq!(get(&app, &format!("/api/documents/{id}")).await.status, StatusCode::OK);
    // Texts are read from the corpus on demand; the last few are kept, so remove every file
    // and ask for documents not read yet as well.
    for e in std::fs::read_dir(&corpus).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    assert_eq!(get(&app, &format!("/api/documents/{id}")).await.status, StatusCode::OK);
    let a = get(&app, "/api/documents/nghi-dinh-59-2023-nd-cp").await;
    assert_error(&a, StatusCode::SERVICE_UNAVAILABLE, "corpus_changed");
    assert_eq!(get(&app, "/api/health").await.status, StatusCode::OK);
}

/// One HTTP/1.1 request to `addr`; the status code and body.
fn http(addr: &str, method: &str, path: &str) -> (u16, String) {
    http_with(addr, method, path, "")
}

/// [`http`] with more header lines (each ending in CRLF).
fn http_with(addr: &str, method: &str, path: &str, headers: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\n{headers}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default())
}

#[test]
fn the_serve_binary_builds_its_index_in_a_child_and_reindexes() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["serve", "--addr", "127.0.0.1:0", "--corpus"])
        .arg(fixtures())
        .arg("--index")
        .arg(&index)
        .env("CANCU_ADMIN_TOKEN", TOKEN)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.split_once("đang phục vụ tại http://").map(|(_, a)| a.trim().to_string()));
    let Some(addr) = addr else {
        let _ = child.kill();
        panic!("the server did not start");
    };
    std::thread::spawn(move || lines.for_each(drop));
    let first = cancu::index::current(&index).expect("an index built before serving");
    let (anonymous, _) = http(&addr, "POST", "/api/admin/reindex");
    let (status, body) =
        http_with(&addr, "POST", "/api/admin/reindex", &format!("Authorization: Bearer {TOKEN}\r\n"));
    let (too_soon, _) =
        http_with(&addr, "POST", "/api/admin/reindex", &format!("Authorization: Bearer {TOKEN}\r\n"));
    let (health_status, health) = http(&addr, "GET", "/api/health");
    let (search_status, _) = http(&addr, "GET", "/api/search?q=d%C3%A2n");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(anonymous, 401);
    assert_eq!(status, 200, "{body}");
    assert_eq!(too_soon, 429, "the default minimum interval holds");
    assert!(body.contains("\"generation\":2"), "{body}");
    assert!(health_status == 200 && health.contains("\"generation\":2"), "{health}");
    assert_eq!(search_status, 200);
    assert_ne!(cancu::index::current(&index).unwrap(), first, "a new generation is live");
}

// ---- Hardening (issue #12): the admin endpoint, bounded answers and work, bounded connections.

#[tokio::test]
async fn the_admin_endpoint_needs_the_token_and_keeps_its_interval() {
    let state = AppState::with_reload(
        snapshot(),
        Admin::new(TOKEN).unwrap().min_interval(std::time::Duration::from_secs(3600)),
        || Ok(snapshot()),
    );
    let app = router(state);
    let ask = |auth: Option<String>| {
        let mut req = Request::post("/api/admin/reindex");
        if let Some(a) = auth {
            req = req.header(header::AUTHORIZATION, a);
        }
        send(&app, req.body(Body::empty()).unwrap())
    };
    // Each presented credential: (Authorization header, status, code).
    let rows = [
        (None, StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(String::new()), StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(TOKEN.to_string()), StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(format!("Bearer {TOKEN}x")), StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(format!("Bearer {}", &TOKEN[1..])), StatusCode::UNAUTHORIZED, "unauthorized"),
        (Some(format!("Basic {TOKEN}")), StatusCode::UNAUTHORIZED, "unauthorized"),
    ];
    for (auth, status, code) in rows {
        assert_error(&ask(auth).await, status, code);
    }
    assert_eq!(get(&app, "/api/health").await.json()["generation"], 1, "nothing rebuilt");
    let a = ask(Some(format!("Bearer {TOKEN}"))).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    // Right away again: too soon.
    assert_error(
        &ask(Some(format!("Bearer {TOKEN}"))).await,
        StatusCode::TOO_MANY_REQUESTS,
        "reindex_too_soon",
    );
    assert_eq!(get(&app, "/api/health").await.json()["generation"], 2);
    // Short tokens are refused when the server starts.
    assert!(Admin::new("short").is_err());
    assert!(Admin::new("  0123456789abcdef\n").unwrap().accepts(b"0123456789abcdef"));
}

/// A text of "Luật " repeated, `bytes` long: a citation every 6 bytes.
fn luat_storm(bytes: usize) -> String {
    "Luật ".repeat(bytes / "Luật ".len())
}

#[test]
fn answers_to_a_2_mb_citation_flood_are_bounded() {
    // The work, without the request timeout (a debug build under a loaded test run is slow).
    let snap = snapshot();
    let text = luat_storm(cancu::web::limits::MAX_BODY - 64);
    let (cites, cut) = cancu::web::citations::read_bounded(&snap, &text);
    assert!(cut);
    assert_eq!(cites.len(), cancu::web::limits::MAX_CITATIONS);
    let json = serde_json::to_string(&cites).unwrap();
    assert!(json.len() <= cancu::web::limits::MAX_ANSWER, "{} bytes", json.len());
    let (report, cut) = cancu::web::citations::link_bounded(&snap, &text, None);
    assert!(cut.is_some_and(|c| c < text.len()));
    assert_eq!(report.citations.len(), cancu::web::limits::MAX_CITATIONS);
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.len() <= cancu::web::limits::MAX_ANSWER, "{} bytes", json.len());
}

#[tokio::test]
async fn cite_and_link_answers_say_when_they_are_cut() {
    let app = app();
    // Read in one window of 64 KB holding more than the cap: the least work a cut costs.
    let storm = serde_json::json!({ "text": luat_storm(80 * 1024) }).to_string();
    let a = post(&app, "/api/cite", "application/json", storm.clone()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", &a.body[..a.body.len().min(300)]);
    assert_eq!(a.headers.get("x-cancu-truncated").unwrap(), "true");
    assert_eq!(a.json().as_array().unwrap().len(), cancu::web::limits::MAX_CITATIONS);
    let a = post(&app, "/api/link", "application/json", storm).await;
    assert_eq!(a.status, StatusCode::OK, "{}", &a.body[..a.body.len().min(300)]);
    let j = a.json();
    assert_eq!(j["truncated"], true);
    assert_eq!(j["citations"].as_array().unwrap().len(), cancu::web::limits::MAX_CITATIONS);
    // An ordinary text is whole and says so.
    let text = serde_json::json!({ "text": "Căn cứ Luật số 10/2022/QH15." }).to_string();
    let a = post(&app, "/api/link", "application/json", text.clone()).await;
    assert_eq!(a.json()["truncated"], false);
    assert!(post(&app, "/api/cite", "application/json", text)
        .await
        .headers
        .get("x-cancu-truncated")
        .is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heavy_work_runs_off_the_workers_and_within_one_global_bound() {
    let state = AppState::new(snapshot());
    let running = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..4 * cancu::web::limits::heavy_permits() {
        let (state, running, most) = (state.clone(), running.clone(), most.clone());
        tasks.push(tokio::spawn(async move {
            state
                .heavy(move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(30));
                    running.fetch_sub(1, Ordering::SeqCst);
                    thread_nice()
                })
                .await
                .unwrap()
        }));
    }
    for t in tasks {
        let nice = t.await.unwrap();
        // Behind searches in the scheduler's queue (Linux).
        assert!(nice.is_none_or(|n| n >= cancu::web::limits::HEAVY_NICE), "{nice:?}");
        assert!(nice.is_some() || !cfg!(target_os = "linux"));
    }
    assert_eq!(most.load(Ordering::SeqCst), cancu::web::limits::heavy_permits());
    assert!(
        thread_nice().is_none_or(|n| n < cancu::web::limits::HEAVY_NICE),
        "the test thread is not lowered"
    );
}

/// The nice value of the calling thread (Linux), read from /proc.
fn thread_nice() -> Option<i32> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces): state is field 3, nice field 19.
    stat.rsplit_once(") ")?.1.split(' ').nth(16)?.parse().ok()
}

/// Serves `app` on a loopback port with `limits`, in a runtime of its own.
fn spawn_server(app: Router, limits: cancu::web::ServerLimits) -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            cancu::web::serve(l, app, limits, std::future::pending()).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

fn short_limits(max_connections: usize) -> cancu::web::ServerLimits {
    cancu::web::ServerLimits {
        header_read_timeout: std::time::Duration::from_secs(1),
        max_connections,
        grace: std::time::Duration::from_secs(1),
    }
}

/// Reads `s` to its end (or an error); the seconds it took and what was read.
fn until_closed(s: &mut std::net::TcpStream) -> (f64, String) {
    use std::io::Read;
    let t = std::time::Instant::now();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    (t.elapsed().as_secs_f64(), String::from_utf8_lossy(&out).into_owned())
}

#[test]
fn idle_slow_and_kept_alive_connections_are_cut() {
    // With a 1 s header timeout; the drip goes on for 10 s, so a cut before then is the
    // timeout's (the bound is loose for loaded test machines).
    use std::io::Write;
    let addr = spawn_server(app(), short_limits(64));
    // Sends nothing.
    let mut idle = std::net::TcpStream::connect(addr).unwrap();
    let (secs, _) = until_closed(&mut idle);
    assert!(secs < 10.0, "idle connection open {secs} s");
    // Partial headers, then a header line every 200 ms.
    let mut drip = std::net::TcpStream::connect(addr).unwrap();
    drip.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n").unwrap();
    let mut w = drip.try_clone().unwrap();
    std::thread::spawn(move || {
        for i in 0..50 {
            std::thread::sleep(std::time::Duration::from_millis(200));
            if w.write_all(format!("X-Drip-{i}: 1\r\n").as_bytes()).is_err() {
                break;
            }
        }
    });
    let (secs, got) = until_closed(&mut drip);
    assert!(secs < 10.0 && !got.contains("200 OK"), "dripping connection open {secs} s: {got}");
    // Kept alive after an answer, then idle.
    let mut kept = std::net::TcpStream::connect(addr).unwrap();
    kept.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let (secs, got) = until_closed(&mut kept);
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(secs < 10.0, "kept-alive connection open {secs} s");
}

#[test]
fn past_the_connection_cap_clients_wait_and_are_served() {
    use std::io::Write;
    let addr = spawn_server(app(), short_limits(2));
    let idle: Vec<std::net::TcpStream> =
        (0..2).map(|_| std::net::TcpStream::connect(addr).unwrap()).collect();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let t = std::time::Instant::now();
    let mut third = std::net::TcpStream::connect(addr).unwrap();
    third.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let (_, got) = until_closed(&mut third);
    let waited = t.elapsed().as_secs_f64();
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(waited > 0.5, "served at once ({waited} s): the cap did not hold");
    drop(idle);
}

#[test]
fn many_concurrent_distinct_searches_all_succeed() {
    let state = AppState::new(snapshot());
    let addr = spawn_server(router(state), cancu::web::ServerLimits::default()).to_string();
    let barrier = Arc::new(std::sync::Barrier::new(64));
    let clients: Vec<_> = (0..64)
        .map(|i| {
            let (addr, barrier) = (addr.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                http(&addr, "GET", &format!("/api/search?q=d%C3%A2n+ch%E1%BB%A7+{i}"))
            })
        })
        .collect();
    for c in clients {
        let (status, body) = c.join().unwrap();
        assert_eq!(status, 200, "{body}");
    }
}

/// `word/document.xml` of a .docx answer.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut f = zip.by_name("word/document.xml").expect("word/document.xml");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
    s
}

/// The texts of the runs of the paragraph styled `style` whose text starts with `start`.
fn heading_runs(xml: &str, style: &str, start: &str) -> Option<Vec<String>> {
    let p = regex::Regex::new(r"(?s)<w:p(?:\s[^>]*)?>(.*?)</w:p>").unwrap();
    let run = regex::Regex::new(r"(?s)<w:r(?:\s[^>]*)?>.*?</w:r>").unwrap();
    let t = regex::Regex::new(r"(?s)<w:t[^>]*>(.*?)</w:t>").unwrap();
    let found = p.captures_iter(xml).map(|c| c[1].to_string()).find_map(|body| {
        if !body.contains(&format!("<w:pStyle w:val=\"{style}\" />")) {
            return None;
        }
        let runs: Vec<String> = run
            .find_iter(&body)
            .map(|r| t.captures_iter(r.as_str()).map(|x| x[1].to_string()).collect::<String>())
            .collect();
        runs.concat().starts_with(start).then_some(runs)
    });
    found
}

/// A download: 200, its type, and a `Content-Disposition` with an ASCII name and the UTF-8 one.
async fn download(app: &Router, req: Request<Body>, content_type: &str) -> (Vec<u8>, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], content_type);
    let cd = res.headers()[header::CONTENT_DISPOSITION].to_str().expect("ASCII header").to_string();
    assert!(cd.starts_with("attachment; filename=\"") && cd.contains("; filename*=UTF-8''"), "{cd}");
    (axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap().to_vec(), cd)
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[tokio::test]
async fn word_download_of_a_document() {
    let app = app();
    let (bytes, cd) =
        download(&app, Request::get("/van-ban/luat-10-2022-qh15.docx").body(Body::empty()).unwrap(), DOCX)
            .await;
    assert!(cd.contains("filename=\"luat-10-2022-qh15.docx\""), "{cd}");
    assert!(cd.contains("filename*=UTF-8''Lu%E1%BA%ADt%2010-2022-QH15.docx"), "{cd}");
    let xml = document_xml(&bytes);
    // The article heading is one run (Word's search finds it), styled as a heading under
    // the chapter's.
    assert_eq!(
        heading_runs(&xml, "Heading2", "Điều 5.").expect("Điều 5 heading"),
        ["Điều 5. Việc người dân được bàn"]
    );
    assert!(heading_runs(&xml, "Heading1", "Chương I").is_some(), "{xml}");
    for want in [
        "Việc bầu trưởng thôn, gồm:",
        "đ) Công bố kết quả bầu trưởng thôn.",
        "Cơ quan ban hành",
        "Quốc hội",
        "10/11/2022",
        "Tình trạng hiệu lực",
        "Ngày tải",
    ] {
        assert!(xml.contains(want), "{want} not in the document");
    }
    // Corpus markup stays text in the Word file too.
    let (bytes, _) = download(
        &app,
        Request::get("/van-ban/quyet-dinh-1-2024-qd-thu.docx").body(Body::empty()).unwrap(),
        DOCX,
    )
    .await;
    let xml = document_xml(&bytes);
    assert!(xml.contains("&lt;script&gt;") && !xml.contains("<script"), "{xml}");
    // The document page itself is still served at the same route.
    assert_eq!(get(&app, "/van-ban/luat-10-2022-qh15").await.status, StatusCode::OK);
    assert_eq!(get(&app, "/van-ban/khong-co.docx").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/van-ban/Bad%20Id.docx").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn print_selection_as_word_and_whole_document_print() {
    let app = app();
    let (bytes, cd) = download(
        &app,
        Request::get("/in.docx?a=nghi-dinh-59-2023-nd-cp:3&a=luat-10-2022-qh15:5")
            .body(Body::empty())
            .unwrap(),
        DOCX,
    )
    .await;
    assert!(cd.contains("filename=\"trich-van-ban.docx\""), "{cd}");
    let xml = document_xml(&bytes);
    let i = xml.find("Cách bầu trưởng thôn").expect("the decree's article");
    let j = xml.find("Việc người dân được bàn").expect("the law's article");
    assert!(i < j, "the order asked");
    assert_eq!(
        heading_runs(&xml, "Heading2", "Điều 5.").expect("Điều 5 heading"),
        ["Điều 5. Việc người dân được bàn"]
    );
    // The whole document: 200 (never a redirect), its header with issuer, dates, status and
    // the print date, and a Word download of the same selection.
    let a = get(&app, "/in?a=luat-10-2022-qh15").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    for want in [
        "Cơ quan ban hành",
        "Quốc hội",
        "Ngày ban hành",
        "10/11/2022",
        "Ngày có hiệu lực",
        "Tình trạng hiệu lực",
        "Ngày in",
        "Chương I",
        "Điều 5. Việc người dân được bàn",
        "href=\"/in.docx?a=luat-10-2022-qh15\"",
    ] {
        assert!(a.body.contains(want), "{want} not in {}", a.body);
    }
    assert_eq!(get(&app, "/in.docx").await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn linker_result_downloads_as_word_and_markdown() {
    let app = app();
    let plan = cancu::web::html::url_encode(
        "Hà Nội, ngày 1 tháng 3 năm 2024\n1. Thực hiện Luật số 10/2022/QH15 và Quyết định số 7-QĐ/XYZ <b>x</b>.",
    );
    let form = |uri: &str| {
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "cancu.example:8080")
            .body(Body::from(format!("text={plan}")))
            .unwrap()
    };
    // The page: the summary and the warnings before the text, and the two download buttons.
    let page = send(&app, form("/lien-ket")).await.body;
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} not in {page}"));
    assert!(
        at("class=\"summary\"") < at("class=\"plan-warnings\"")
            && at("class=\"plan-warnings\"") < at("class=\"plan-text\"")
    );
    assert!(
        page.contains("2 trích dẫn: 1 đã xác định được văn bản, 0 chưa chắc chắn, 1 chưa có trong kho"),
        "{page}"
    );
    assert!(page.contains("action=\"/lien-ket.docx\"") && page.contains("action=\"/lien-ket.md\""), "{page}");
    assert_no_injection(&page);

    let (bytes, cd) = download(&app, form("/lien-ket.docx"), DOCX).await;
    assert!(cd.contains("filename=\"ket-qua-lien-ket.docx\""), "{cd}");
    let xml = document_xml(&bytes);
    assert!(heading_runs(&xml, "Heading1", "Cảnh báo (1)").is_some(), "{xml}");
    assert!(xml.find("Cảnh báo (1)").unwrap() < xml.find("Thực hiện").unwrap(), "warnings first");
    assert!(
        xml.contains("7-QĐ/XYZ") && xml.contains("&lt;b&gt;x&lt;/b&gt;") && xml.contains("10/2022/QH15"),
        "{xml}"
    );

    // The file's links are absolute on the address the client asked for, so they open from
    // Word: in the text and in both lists (regression: no hyperlink at all with the default
    // base, and no per-clause sources).
    assert!(!xml.contains("Tệp này không có liên kết"), "{xml}");
    assert!(heading_runs(&xml, "Heading1", "Nguồn trích dẫn theo từng mục").is_some(), "{xml}");
    assert!(xml.contains("7-QĐ/XYZ (chưa xác định được văn bản)"), "{xml}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut rels = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/_rels/document.xml.rels").unwrap(), &mut rels)
        .unwrap();
    assert!(rels.contains("Target=\"http://cancu.example:8080/van-ban/luat-10-2022-qh15\""), "{rels}");
    assert!(xml.contains("<w:hyperlink"), "{xml}");

    let (bytes, _) = download(&app, form("/lien-ket.md"), "text/markdown; charset=utf-8").await;
    let md = String::from_utf8(bytes).unwrap();
    assert!(md.starts_with("**Kết quả:** 2 trích dẫn"), "{md}");
    assert!(md.contains("](http://cancu.example:8080/van-ban/luat-10-2022-qh15)"), "{md}");
    // The page itself links by path.
    assert!(page.contains("href=\"/van-ban/luat-10-2022-qh15\""), "{page}");
    assert!(md.find("## Cảnh báo (1)").unwrap() < md.find("Thực hiện").unwrap(), "{md}");
    // An empty text is refused, as on the page.
    let empty = Request::post("/lien-ket.docx")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("text="))
        .unwrap();
    assert_eq!(send(&app, empty).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn whole_labour_code_prints_and_downloads_on_real_data() {
    let Some(kb) = crate::common::real_kb() else { return };
    let app =
        router(AppState::new(Snapshot::load(Some(&kb.corpus), &kb.index).expect("the real index loads")));
    let blld = kb.base.catalog().by_number("45/2019/QH14");
    let id = &blld.iter().find(|m| m.doc_type == cancu::model::DocType::BoLuat).expect("Bộ luật Lao động").id;
    let articles = kb.docs.iter().find(|d| &d.meta.id == id).unwrap().articles().count();
    assert!(articles > 200, "{articles}");
    // Over 100 articles: the whole code on one page, no redirect, no cap.
    let a = get(&app, &format!("/in?a={id}")).await;
    assert_eq!(a.status, StatusCode::OK, "{}", &a.body[..a.body.len().min(500)]);
    assert_eq!(a.body.matches("<section class=\"dieu\">").count(), articles);
    assert!(a.body.contains("Ngày in") && a.body.contains("Cơ quan ban hành") && a.body.contains("Quốc hội"));
    // A selection of two documents keeps its bound.
    let two = get(&app, &format!("/in?a={id}&a={id}")).await;
    assert_eq!(two.status, StatusCode::BAD_REQUEST);
    // The Word file holds every article, each heading in one run.
    let (bytes, _) =
        download(&app, Request::get(format!("/van-ban/{id}.docx")).body(Body::empty()).unwrap(), DOCX).await;
    let xml = document_xml(&bytes);
    let last = kb.docs.iter().find(|d| &d.meta.id == id).unwrap().articles().last().unwrap();
    let heading = format!("Điều {}. {}", last.number, last.title);
    let style = ["Heading1", "Heading2", "Heading3", "Heading4"]
        .into_iter()
        .find(|s| heading_runs(&xml, s, &heading).is_some())
        .unwrap_or_else(|| panic!("{heading} is no heading"));
    assert_eq!(heading_runs(&xml, style, &heading).unwrap(), std::slice::from_ref(&heading));
    assert!(xml.contains(&last.paragraphs[0].replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")));
}

#[tokio::test]
async fn the_command_line_and_the_server_give_the_same_links() {
    let app = app();
    let plan = "1. Thực hiện khoản 2 Điều 5 Luật số 10/2022/QH15 và Nghị định số 59/2023/NĐ-CP.";
    let a =
        post(&app, "/api/link", "application/json", serde_json::json!({ "text": plan }).to_string()).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let served: Vec<String> = a.json()["citations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["href"].as_str().map(String::from))
        .collect();
    // `cancu link` without --base: the library's default options.
    let snap = snapshot();
    let cli = cancu::link::link_with(plan, &*snap.catalog, &Default::default(), snap.validity.as_ref());
    let local: Vec<String> = cli.citations.iter().filter_map(|c| c.href.clone()).collect();
    assert_eq!(served, local);
    assert!(local.contains(&"/van-ban/luat-10-2022-qh15#dieu-5-khoan-2".to_string()), "{local:?}");
    // Each of them is a page of the server.
    for href in local {
        assert_eq!(get(&app, href.split('#').next().unwrap()).await.status, StatusCode::OK, "{href}");
    }
    // The JSON has the summary and the warning groups.
    let j = a.json();
    assert_eq!(j["summary"]["citations"], 2, "{j}");
    assert!(j["groups"].is_array(), "{j}");
}

/// The real corpus (the 2026 dump and the original laws): the pages of issue 13.
#[tokio::test]
async fn real_document_tabs_topics_and_plain_answers() {
    let Some(kb) = crate::common::real_kb() else { return };
    let app = router(AppState::new(Snapshot::load(Some(&kb.corpus), &kb.index).expect("real snapshot")));
    // Bộ luật Lao động: per-article cited-by on the text; the relations, by name, on their tab.
    let text = get(&app, "/van-ban/bo-luat-45-2019-qh14").await.body;
    assert!(text.matches("<details class=\"cited-by\">").count() > 50, "per-article cited-by");
    let outline = get(&app, "/van-ban/bo-luat-45-2019-qh14?tab=luoc-do").await.body;
    assert!(outline.contains("<svg") && outline.contains("Văn bản hướng dẫn, quy định chi tiết"));
    let raw = regex::Regex::new(r"Điều \d+\.\d+\.[A-ZĐ]").unwrap();
    assert!(!raw.is_match(&outline), "a raw Pháp điển code: {:?}", raw.find(&outline));
    // An annex is not a stray file name.
    let decree = get(&app, "/van-ban/nghi-dinh-59-2023-nd-cp").await.body;
    assert!(!decree.contains(".doc</p>") && decree.contains("Tài liệu đính kèm"), "annex");
    // A code typed by name is shown by its name.
    let q = cancu::web::html::url_encode("bộ luật lao động");
    let html = get(&app, &format!("/?q={q}")).await.body;
    assert!(html.contains("<a href=\"/van-ban/bo-luat-45-2019-qh14\">Bộ luật Lao động</a>"), "route by name");
    // Numbers neither held nor cited: a plain notice.
    for q in ["nghị định 999/2099/NĐ-CP", "77/2099/QH15"] {
        let j = get(&app, &format!("/api/search?q={}", cancu::web::html::url_encode(q))).await.json();
        assert!(j["not_found"]["number"].is_string(), "{q}: {}", j["not_found"]);
    }
    // A number the corpus knows only from citations (Luật Đất đai 31/2024/QH15 is cited, not
    // held) is no "not found": it is shown with what is known.
    let j =
        get(&app, &format!("/api/search?q={}", cancu::web::html::url_encode("31/2024/QH15"))).await.json();
    assert!(j["not_found"].is_null(), "{}", j["not_found"]);
    // Topics: đề mục by title under their chủ đề; the facet shows titles too.
    let html = get(&app, "/phap-dien").await.body;
    assert!(html.contains("Đề mục 44.13. Thực hiện dân chủ ở cơ sở"), "titled đề mục");
    assert!(!regex::Regex::new(r">Đề mục \d+\.\d+</a>").unwrap().is_match(&html), "a bare đề mục");
}

/// The start page says how current the data is ("Dữ liệu cập nhật đến", from the newest
/// Pháp điển release held) and, when the corpus holds no full text, how to get it.
#[tokio::test]
async fn start_page_dates_the_data_and_says_how_to_get_the_full_text() {
    use cancu::model::{DocType, Document, Metadata, Provenance};
    let record = |id: &str, signed: &str, source: &str| {
        let mut m = Metadata::new(id, DocType::Luat, "Luật thử");
        m.signed = signed.parse().ok();
        m.sources =
            vec![Provenance { source: source.into(), file: None, anchor: None, url: None, articles: 0 }];
        Document { meta: m, body: Vec::new() }
    };
    let docs = vec![
        record("luat-1-2020-qh14", "2020-06-01", "phapdien-2026"),
        record("luat-2-2021-qh15", "2021-03-02", "phapdien-2026"),
        record("luat-3-2024-qh15", "2024-01-01", "cancu"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let snap = Snapshot::from_documents(docs, &dir.path().join("index")).unwrap();
    let body = get(&router(AppState::new(snap)), "/").await.body;
    // The newest Pháp điển document dates the data; a hand-written record does not.
    assert!(
        body.contains("Dữ liệu cập nhật đến 02/03/2021 (văn bản mới nhất của bản phapdien-2026)"),
        "{body}"
    );
    assert!(body.contains("Kho chưa có toàn văn.") && body.contains("cancu import"), "{body}");
    // The fixture corpus has full text: no such notice.
    let body = get(&app(), "/").await.body;
    assert!(!body.contains("Kho chưa có toàn văn."), "{body}");
}
