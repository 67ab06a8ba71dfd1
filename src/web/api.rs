//! The JSON API (`/api/…`), described in `openapi.json`. Every error is `{code, message}`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::error::AppError;
use super::query::Typed;
use super::state::AppState;
use super::{reference, search};
use crate::model::{Article, ArticleMeta, Block, Document, Metadata, Relation};
use crate::structure::{anchor, Outline};

pub use crate::number::valid_id;

/// An original article number: digits, then at most two letters ("5", "5a").
pub fn valid_article(n: &str) -> bool {
    let digits = n.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits)
        && n[digits..].chars().count() <= 2
        && n[digits..].chars().all(|c| c.is_lowercase() && c.is_alphabetic())
}

pub fn check_id(id: &str) -> Result<(), AppError> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(AppError::bad_request(
            "bad_id",
            "Mã văn bản không hợp lệ (chỉ gồm chữ thường không dấu, số và dấu gạch ngang).",
        ))
    }
}

pub fn check_article(n: &str) -> Result<(), AppError> {
    if valid_article(n) {
        Ok(())
    } else {
        Err(AppError::bad_request("bad_article", "Số điều không hợp lệ (ví dụ: 5 hoặc 5a)."))
    }
}

/// The complete document `id` of the snapshot (its text read from the corpus if need be),
/// or a 404; a 503 when its file changed under the server.
pub fn document(snap: &super::Snapshot, id: &str) -> Result<std::sync::Arc<Document>, AppError> {
    check_id(id)?;
    snap.library
        .text(id)
        .map_err(|e| {
            eprintln!("cancu serve: {e}");
            AppError::unavailable(
                "corpus_changed",
                format!("Không đọc được văn bản “{id}” từ kho dữ liệu: tệp đã bị sửa hoặc xoá. Hãy lập lại chỉ mục."),
            )
        })?
        .or_else(|| {
            // A document the corpus holds no text of (only cited): what the catalog knows.
            snap.catalog.get(id).map(|m| std::sync::Arc::new(Document { meta: m.clone(), body: Vec::new() }))
        })
        .ok_or_else(|| AppError::not_found(format!("Không có văn bản mã “{id}” trong kho dữ liệu.")))
}

/// Article `n` of `doc`, or a 404.
pub fn article<'a>(doc: &'a Document, n: &str) -> Result<&'a Article, AppError> {
    check_article(n)?;
    doc.article(n).ok_or_else(|| {
        AppError::not_found(format!("{} không có Điều {n} trong kho dữ liệu.", doc.meta.label()))
    })
}

pub async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], include_str!("openapi.json"))
}

#[derive(Serialize)]
pub struct Health {
    status: &'static str,
    documents: usize,
    generation: u64,
    /// The index generation served (`gen-…`, as named by the index's `CURRENT`): replicas
    /// behind a load balancer report the same one once they have all switched.
    index: Option<String>,
    corpus: super::state::CorpusSource,
    /// How current the data is ("Dữ liệu cập nhật đến …", [`crate::catalog::Catalog::data_date`]):
    /// the newest document of the Pháp điển release held, `null` without one.
    data_date: Option<crate::model::Date>,
    /// That release ("phapdien-2026").
    data_release: Option<String>,
}

pub async fn health(State(state): State<AppState>) -> Json<Health> {
    let s = state.snapshot();
    let data = s.catalog.data_date();
    Json(Health {
        status: "ok",
        documents: s.library.len(),
        generation: s.generation,
        index: s.index_generation(),
        corpus: s.source.clone(),
        data_date: data.as_ref().map(|d| d.date),
        data_release: data.map(|d| d.release),
    })
}

pub async fn search_api(
    State(state): State<AppState>,
    params: Result<Typed<search::SearchParams>, AppError>,
) -> Result<impl IntoResponse, AppError> {
    let Typed(params) = params?;
    let req = search::Request::from_typed(params)?;
    if req.q.is_empty() {
        return Err(AppError::bad_request("missing_query", "Thiếu tham số q (câu tìm kiếm)."));
    }
    let snap = state.snapshot();
    let key = format!("{req:?}");
    let body = match snap.cache.get(&key) {
        Some(b) => b,
        None => {
            let b: std::sync::Arc<str> =
                serde_json::to_string(&search::run(&snap, &req)?).map_err(AppError::internal)?.into();
            snap.cache.put(key, b.clone());
            b
        }
    };
    Ok(([(header::CONTENT_TYPE, "application/json")], body.to_string()))
}

/// Most entries one `/api/glossary` answer lists.
const MAX_GLOSSARY: usize = 200;

#[derive(Serialize)]
struct GlossaryAnswer<'a> {
    query: String,
    /// Definitions in the whole glossary.
    size: usize,
    entries: Vec<GlossaryEntry<'a>>,
}

#[derive(Serialize)]
struct GlossaryEntry<'a> {
    #[serde(flatten)]
    entry: &'a crate::glossary::Entry,
    /// The defining document's status today ([`crate::web::Snapshot::status_today`]; the
    /// entry's own is what the metadata said when the index was built).
    status: crate::model::Status,
    /// The defining article in its document page.
    url: String,
}

/// `GET /api/glossary?q=&limit=`: terms starting with (then containing) `q`, with their
/// definitions; without `q`, the first entries A–Z.
/// The query string of `/api/glossary`.
#[derive(Deserialize)]
pub struct GlossaryParams {
    q: Option<String>,
    limit: Option<String>,
}

pub async fn glossary_api(
    State(state): State<AppState>,
    params: Result<Typed<GlossaryParams>, AppError>,
) -> Result<impl IntoResponse, AppError> {
    let Typed(params) = params?;
    let q = params.q.unwrap_or_default();
    if q.chars().count() > 200 {
        return Err(AppError::bad_request("query_too_long", "Thuật ngữ cần tìm dài quá 200 ký tự."));
    }
    let limit = match params.limit.as_deref().map(str::parse::<usize>) {
        None => 20,
        Some(Ok(n)) if (1..=MAX_GLOSSARY).contains(&n) => n,
        Some(_) => {
            return Err(AppError::bad_request(
                "bad_parameter",
                format!("Tham số “limit” phải là số nguyên từ 1 đến {MAX_GLOSSARY}."),
            ))
        }
    };
    let snap = state.snapshot();
    let g = super::pages::glossary::of(&snap);
    let entries = g
        .search(&q, limit)
        .into_iter()
        .map(|e| GlossaryEntry {
            url: super::pages::glossary::entry_url(e),
            status: snap.status_today(&e.doc_id),
            entry: e,
        })
        .collect();
    let body = serde_json::to_string(&GlossaryAnswer { query: q, size: g.len(), entries })
        .map_err(AppError::internal)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body))
}

#[derive(Serialize)]
struct ArticleSummary<'a> {
    number: &'a str,
    title: &'a str,
    anchor: String,
}

#[derive(Serialize)]
pub struct DocumentJson<'a> {
    label: String,
    url: String,
    metadata: &'a Metadata,
    articles: Vec<ArticleSummary<'a>>,
    body: &'a [Block],
}

pub async fn document_api(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    let out = DocumentJson {
        label: d.meta.label(),
        url: super::url::document(&d.meta.id),
        metadata: &d.meta,
        articles: d
            .articles()
            .map(|a| ArticleSummary {
                number: &a.number,
                title: &a.title,
                anchor: anchor(&a.number, None, None),
            })
            .collect(),
        body: &d.body,
    };
    // Serialize while the snapshot is held.
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&out).map_err(AppError::internal)?,
    ))
}

#[derive(Serialize)]
struct PointJson {
    letter: String,
    anchor: String,
}

#[derive(Serialize)]
struct ClauseJson {
    number: String,
    anchor: String,
    points: Vec<PointJson>,
}

#[derive(Serialize)]
struct DocRef<'a> {
    id: &'a str,
    label: String,
    title: &'a str,
    doc_type: crate::model::DocType,
    number: Option<&'a str>,
    status: crate::model::Status,
}

impl<'a> DocRef<'a> {
    fn of(d: &'a Document) -> DocRef<'a> {
        DocRef {
            id: &d.meta.id,
            label: d.meta.label(),
            title: &d.meta.title,
            doc_type: d.meta.doc_type,
            number: d.meta.canonical.as_deref(),
            status: d.meta.status,
        }
    }
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    document: DocRef<'a>,
    number: &'a str,
    title: &'a str,
    anchor: String,
    url: String,
    paragraphs: &'a [String],
    outline: Vec<ClauseJson>,
    meta: Option<&'a ArticleMeta>,
}

pub async fn article_api(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Result<impl IntoResponse, AppError> {
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    let a = article(d, &n)?;
    let outline = Outline::of(a)
        .clauses
        .into_iter()
        .map(|c| ClauseJson {
            anchor: anchor(&a.number, Some(&c.number), None),
            points: c
                .points
                .iter()
                .map(|p| PointJson {
                    anchor: anchor(&a.number, Some(&c.number), Some(&p.letter)),
                    letter: p.letter.clone(),
                })
                .collect(),
            number: c.number,
        })
        .collect();
    let art_anchor = anchor(&a.number, None, None);
    let out = ArticleJson {
        document: DocRef::of(d),
        number: &a.number,
        title: &a.title,
        url: super::url::at(&d.meta.id, Some(&art_anchor)),
        anchor: art_anchor,
        paragraphs: &a.paragraphs,
        outline,
        meta: d.meta.article(&a.number),
    };
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&out).map_err(AppError::internal)?,
    ))
}

#[derive(Serialize)]
struct RelationJson<'a> {
    #[serde(flatten)]
    relation: &'a Relation,
    label: &'static str,
    /// The target's id when the corpus holds it.
    resolved: Option<&'a str>,
}

#[derive(Serialize)]
struct LinksJson<'a> {
    document: DocRef<'a>,
    article: Option<&'a str>,
    /// Relations stated in the document's metadata.
    relations: Vec<RelationJson<'a>>,
    /// Outgoing references, grouped by relation; `null` when the index has no citation graph.
    outgoing: Option<Vec<crate::graph::Group>>,
    /// Citing documents and articles, grouped by relation; `null` without a citation graph.
    cited_by: Option<Vec<crate::graph::Group>>,
    graph: bool,
}

fn links_json(snap: &super::Snapshot, d: &Document, article: Option<&str>) -> Result<String, AppError> {
    let relations = d
        .meta
        .relations
        .iter()
        .map(|r| RelationJson {
            relation: r,
            label: r.kind.as_vi(),
            resolved: snap.catalog.find(&r.target, r.target_type).map(|t| t.id.as_str()),
        })
        .collect();
    let links = snap.graph.as_ref().map(|g| crate::graph::links(g, &snap.catalog, &d.meta.id, article));
    let (outgoing, cited_by) = match links {
        Some(l) => (Some(l.outgoing), Some(l.cited_by)),
        None => (None, None),
    };
    let out = LinksJson {
        document: DocRef::of(d),
        article,
        relations,
        outgoing,
        cited_by,
        graph: snap.graph.is_some(),
    };
    serde_json::to_string(&out).map_err(AppError::internal)
}

pub async fn links_api(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    Ok(([(header::CONTENT_TYPE, "application/json")], links_json(&snap, d, None)?))
}

pub async fn article_links_api(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Result<impl IntoResponse, AppError> {
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    let a = article(d, &n)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], links_json(&snap, d, Some(&a.number))?))
}

/// The query string of `/api/resolve`.
#[derive(Deserialize)]
pub struct ResolveParams {
    #[serde(rename = "ref")]
    reference: Option<String>,
    /// The date the reference is read at (YYYY-MM-DD; default today).
    at: Option<String>,
}

pub async fn resolve_api(
    State(state): State<AppState>,
    params: Result<Typed<ResolveParams>, AppError>,
) -> Result<Json<reference::Resolved>, AppError> {
    let Typed(params) = params?;
    let r = params
        .reference
        .ok_or_else(|| AppError::bad_request("missing_ref", "Thiếu tham số ref (chuỗi dẫn chiếu)."))?;
    let r = r.as_str();
    if r.chars().count() > super::limits::MAX_REF_CHARS {
        return Err(AppError::bad_request("ref_too_long", "Chuỗi dẫn chiếu quá dài."));
    }
    let at = match params.at.as_deref() {
        Some(a) => Some(a.parse::<crate::model::Date>().map_err(|_| {
            AppError::bad_request("bad_date", "Ngày không hợp lệ (dạng YYYY-MM-DD, ví dụ 2024-03-25).")
        })?),
        None => None,
    };
    let snap = state.snapshot();
    Ok(Json(reference::resolve(&snap, r, at)?))
}

#[derive(Deserialize)]
struct TextBody {
    text: String,
}

/// Reads `{"text": "…"}`.
pub fn text_body(body: &Bytes) -> Result<String, AppError> {
    let b: TextBody = serde_json::from_slice(body).map_err(|e| {
        AppError::bad_request("bad_json", format!("Nội dung phải là JSON dạng {{\"text\": \"…\"}} ({e})."))
    })?;
    if b.text.trim().is_empty() {
        return Err(AppError::bad_request("empty_text", "Văn bản gửi lên đang trống."));
    }
    Ok(b.text)
}

/// A JSON answer that may have been cut at `limits::MAX_CITATIONS`: then it carries the
/// header `X-Cancu-Truncated: true` (and `/api/link` the field `truncated`).
fn bounded_json(json: String, truncated: bool) -> Response {
    let mut res = ([(header::CONTENT_TYPE, "application/json")], json).into_response();
    if truncated {
        res.headers_mut().insert("x-cancu-truncated", HeaderValue::from_static("true"));
    }
    res
}

/// `POST /api/cite`: the citations of a text, at most `limits::MAX_CITATIONS`; the body
/// parsed and the text read on the blocking pool behind the global bound
/// ([`AppState::heavy`]).
pub async fn cite_api(State(state): State<AppState>, body: Bytes) -> Result<Response, AppError> {
    let snap = state.snapshot();
    let (json, truncated) = state
        .heavy(move || {
            let text = text_body(&body)?;
            drop(body);
            let (citations, truncated) = super::citations::read_bounded(&snap, &text);
            serde_json::to_string(&citations).map(|j| (j, truncated)).map_err(AppError::internal)
        })
        .await??;
    Ok(bounded_json(json, truncated))
}

#[derive(Serialize)]
struct BoundedReport<'a> {
    #[serde(flatten)]
    report: &'a crate::link::LinkReport,
    /// Whether the plan had more than `limits::MAX_CITATIONS` citations and was linked only
    /// up to the first one past it.
    truncated: bool,
}

/// `POST /api/link`: a plan linked, bounded like [`cite_api`].
pub async fn link_api(State(state): State<AppState>, body: Bytes) -> Result<Response, AppError> {
    let snap = state.snapshot();
    let (json, truncated) = state
        .heavy(move || {
            let text = text_body(&body)?;
            drop(body);
            let (report, cut) = super::citations::link_bounded(&snap, &text, None);
            let truncated = cut.is_some();
            serde_json::to_string(&BoundedReport { report: &report, truncated })
                .map(|j| (j, truncated))
                .map_err(AppError::internal)
        })
        .await??;
    Ok(bounded_json(json, truncated))
}

/// `POST /api/admin/reindex`: a 404 unless the server was started with an admin token; a 401
/// without that token (`Authorization: Bearer <token>`, compared in constant time).
pub async fn reindex_api(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<super::state::ReindexReport>, AppError> {
    let Some(admin) = state.admin() else {
        return Err(AppError::no_route());
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
        .unwrap_or_default();
    if !admin.accepts(presented) {
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Cần mã quản trị hợp lệ (tiêu đề Authorization: Bearer …).",
        ));
    }
    Ok(Json(state.reindex().await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_articles() {
        for ok in ["luat-10-2022-qh15", "nghi-dinh-59-2023-nd-cp"] {
            assert!(valid_id(ok));
        }
        for bad in ["", "../etc", "Luat", "a b", "a/b", "a.md", &"a".repeat(201)] {
            assert!(!valid_id(bad), "{bad}");
        }
        for ok in ["5", "5a", "123", "12đ"] {
            assert!(valid_article(ok), "{ok}");
        }
        for bad in ["", "a", "12345", "5-", "5abc", "5A", "../1"] {
            assert!(!valid_article(bad), "{bad}");
        }
    }
}
