//! Search as the web layer sees it: a request (query, filters, paging) read and checked from
//! the query string, run on the snapshot's [`crate::search::Searcher`]; the answer is the
//! searcher's [`Results`] (hits as in `cancu search --json`, facet counts over all matches)
//! plus the paging asked for.

use serde::Serialize;

use super::error::AppError;
use super::limits::{DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS};
use super::query::Params;
use super::state::Snapshot;
use crate::model::{DocType, Status};
use crate::search::{Filters, Query, Results};
use crate::text::normalize;

/// One search, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub q: String,
    pub filters: Filters,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    /// Count every match and the facets (`facets=0` skips that pass: faster, no totals).
    pub facets: bool,
}

impl Request {
    /// Reads `q`, `type`, `issuer`, `year`, `status`, `demuc`, `page`, `per_page`, `facets`.
    pub fn from_params(p: &Params) -> Result<Request, AppError> {
        let q = normalize(p.one("q")?.unwrap_or("")).trim().to_string();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(AppError::bad_request(
                "query_too_long",
                format!("Câu tìm kiếm quá dài (tối đa {MAX_QUERY_CHARS} ký tự)."),
            ));
        }
        let doc_type = match p.one("type")? {
            None => None,
            Some(t) => Some(DocType::parse(t).ok_or_else(|| {
                AppError::bad_request("bad_filter", "Loại văn bản không hợp lệ (ví dụ: Luật, Nghị định).")
            })?),
        };
        let status = match p.one("status")? {
            None => None,
            Some(s) => Some(Status::parse(s).ok_or_else(|| {
                AppError::bad_request(
                    "bad_filter",
                    "Tình trạng hiệu lực không hợp lệ (ví dụ: in_force, repealed).",
                )
            })?),
        };
        let year = match p.one("year")? {
            None => None,
            Some(y) => {
                Some(y.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y)).ok_or_else(|| {
                    AppError::bad_request("bad_filter", "Năm không hợp lệ (từ 1900 đến 2100).")
                })?)
            }
        };
        let issuer = p.one("issuer")?.map(|s| normalize(s).into_owned());
        if issuer.as_ref().is_some_and(|s| s.chars().count() > 200) {
            return Err(AppError::bad_request("bad_filter", "Tên cơ quan ban hành quá dài."));
        }
        let demuc = p.one("demuc")?.map(str::to_string);
        if demuc.as_ref().is_some_and(|d| !valid_demuc(d)) {
            return Err(AppError::bad_request("bad_filter", "Số đề mục không hợp lệ (ví dụ: 44.13)."));
        }
        let page = p.number("page", 1, MAX_PAGE)?;
        let per_page = p.number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
        let facets = match p.one("facets")? {
            None | Some("1") | Some("true") => true,
            Some("0") | Some("false") => false,
            Some(_) => {
                return Err(AppError::bad_request("bad_parameter", "Tham số “facets” phải là 0 hoặc 1."))
            }
        };
        Ok(Request { q, filters: Filters { doc_type, issuer, year, status, demuc }, page, per_page, facets })
    }
}

/// A đề mục number: digits and dots ("44.13").
pub fn valid_demuc(d: &str) -> bool {
    !d.is_empty() && d.len() <= 16 && d.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// The searcher's results with the page asked for.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    #[serde(flatten)]
    pub results: Results,
    pub page: usize,
    pub per_page: usize,
}

impl Page {
    /// Matches counted (every routed or faceted answer has it; else the hits shown).
    pub fn total(&self) -> usize {
        self.results.total.unwrap_or(self.results.offset + self.results.hits.len())
    }
}

/// Runs `req` on the snapshot's index.
pub fn run(snap: &Snapshot, req: &Request) -> Result<Page, AppError> {
    let searcher = snap.searcher.as_ref().ok_or_else(|| {
        AppError::unavailable(
            "index_unavailable",
            "Chưa có chỉ mục tìm kiếm: kho dữ liệu đang trống hoặc chưa lập chỉ mục.",
        )
    })?;
    let mut q = Query::new(req.q.clone())
        .limit(req.per_page)
        .offset((req.page - 1) * req.per_page)
        .filters(req.filters.clone());
    q.facets = req.facets;
    let results = searcher.search(&q)?;
    Ok(Page { results, page: req.page, per_page: req.per_page })
}

/// The page of a hit: its document, at its anchor.
pub fn hit_url(h: &crate::search::Hit) -> String {
    match &h.anchor {
        Some(a) => format!("/van-ban/{}#{a}", h.id),
        None => format!("/van-ban/{}", h.id),
    }
}
