//! Search as the web layer sees it: a request (query, filters, paging) read and checked from
//! the query string, run on the snapshot's [`crate::search::Searcher`]; the answer is the
//! searcher's [`Results`] (hits as in `cancu search --json`, facet counts over all matches)
//! plus the paging asked for.

use serde::{Deserialize, Serialize};

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
    /// Group the hits by document (`nhom=van-ban`).
    pub by_document: bool,
}

/// The query string of a search, as given (`/` and `/api/search`).
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    pub q: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub status: Option<String>,
    pub year: Option<String>,
    pub issuer: Option<String>,
    pub demuc: Option<String>,
    pub page: Option<String>,
    /// Hits per page; `limit` is the same (the name the glossary API uses).
    #[serde(alias = "limit")]
    pub per_page: Option<String>,
    pub facets: Option<String>,
    /// `van-ban`: hits grouped by document.
    pub nhom: Option<String>,
}

impl Request {
    /// Reads `q`, `type`, `issuer`, `year`, `status`, `demuc`, `page`, `per_page`, `facets`,
    /// `nhom` ([`SearchParams`]).
    pub fn from_params(p: &Params) -> Result<Request, AppError> {
        Request::from_typed(p.typed()?)
    }

    /// Checks a [`SearchParams`].
    pub fn from_typed(p: SearchParams) -> Result<Request, AppError> {
        let q = normalize(p.q.as_deref().unwrap_or("")).trim().to_string();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(AppError::bad_request(
                "query_too_long",
                format!("Câu tìm kiếm quá dài (tối đa {MAX_QUERY_CHARS} ký tự)."),
            ));
        }
        let bad_filter = |e: String| AppError::bad_request("bad_filter", e);
        let doc_type = p.doc_type.as_deref().map(str::parse::<DocType>).transpose().map_err(bad_filter)?;
        let status = p.status.as_deref().map(str::parse::<Status>).transpose().map_err(bad_filter)?;
        let year = match p.year.as_deref() {
            None => None,
            Some(y) => {
                Some(y.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y)).ok_or_else(|| {
                    AppError::bad_request("bad_filter", "Năm không hợp lệ (từ 1900 đến 2100).")
                })?)
            }
        };
        let issuer = p.issuer.as_deref().map(|s| normalize(s).into_owned());
        if issuer.as_ref().is_some_and(|s| s.chars().count() > 200) {
            return Err(AppError::bad_request("bad_filter", "Tên cơ quan ban hành quá dài."));
        }
        let demuc = p.demuc;
        if demuc.as_ref().is_some_and(|d| !valid_demuc(d)) {
            return Err(AppError::bad_request("bad_filter", "Số đề mục không hợp lệ (ví dụ: 44.13)."));
        }
        let page = super::query::number("page", p.page.as_deref(), 1, MAX_PAGE)?;
        let per_page =
            super::query::number("per_page", p.per_page.as_deref(), DEFAULT_PER_PAGE, MAX_PER_PAGE)?;
        let facets = match p.facets.as_deref() {
            None | Some("1") | Some("true") => true,
            Some("0") | Some("false") => false,
            Some(_) => {
                return Err(AppError::bad_request("bad_parameter", "Tham số “facets” phải là 0 hoặc 1."))
            }
        };
        let by_document = match p.nhom.as_deref() {
            None => false,
            Some("van-ban") => true,
            Some(_) => {
                return Err(AppError::bad_request(
                    "bad_parameter",
                    "Tham số “nhom” chỉ nhận giá trị “van-ban” (nhóm kết quả theo văn bản).",
                ))
            }
        };
        Ok(Request {
            q,
            filters: Filters { doc_type, issuer, year, status, demuc },
            page,
            per_page,
            facets,
            by_document,
        })
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
    /// The query names a document by number that the corpus neither holds nor knows from
    /// citations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_found: Option<NotFound>,
}

/// A number the corpus does not know: what was read, close matches, the official search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotFound {
    /// The reference as read ("Nghị định 999/2099/NĐ-CP").
    pub read: String,
    pub doc_type: Option<DocType>,
    /// The number read (canonical), or the serial and year of a partial one ("999/2099").
    pub number: String,
    /// Documents the corpus knows with the same serial and issuing symbol in another year
    /// ("59/2023/NĐ-CP" for "59/2099/NĐ-CP"), or the same serial and year under another
    /// symbol.
    pub close: Vec<Close>,
    /// The official portal's search for the number.
    pub official_search: String,
}

/// A close match of a [`NotFound`] number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Close {
    pub id: String,
    pub label: String,
    pub title: String,
    pub url: String,
}

impl Page {
    /// Matches counted (every routed or faceted answer has it; else the hits shown).
    pub fn total(&self) -> usize {
        self.results.total.unwrap_or(self.results.offset + self.results.hits.len())
    }
}

/// The number `q` names when the catalog knows no document by it
/// ([`crate::cite::query::absent`]), with links for its close matches and the official search.
pub fn not_found(catalog: &crate::catalog::Catalog, q: &str) -> Option<NotFound> {
    let a = crate::cite::query::absent(catalog, q)?;
    let close = a
        .close
        .into_iter()
        .map(|m| Close {
            id: m.id.clone(),
            label: m.label(),
            title: m.title.clone(),
            url: super::url::document(&m.id),
        })
        .collect();
    Some(NotFound {
        official_search: super::url::official_search(&a.number),
        read: a.read,
        doc_type: a.doc_type,
        number: a.number,
        close,
    })
}

/// Runs `req` on the snapshot's index. Đề mục facets are labelled with their titles.
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
    let mut results = searcher.search(&q)?;
    if let Some(f) = &mut results.facets {
        for d in &mut f.demuc {
            d.label = snap.library.demuc_name(&d.value);
        }
    }
    let not_found = if results.route.is_none() { not_found(&snap.catalog, &req.q) } else { None };
    Ok(Page { results, page: req.page, per_page: req.per_page, not_found })
}

/// The page of a hit: its document, at its anchor.
pub fn hit_url(h: &crate::search::Hit) -> String {
    super::url::at(&h.id, h.anchor.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::model::Metadata;

    fn meta(id: &str, t: DocType, number: &str) -> Metadata {
        let mut m = Metadata::new(id, t, "Văn bản thử");
        m.canonical = Some(number.into());
        m.number = Some(number.into());
        m
    }

    #[test]
    fn numbers_the_corpus_does_not_know() {
        let cat = Catalog::new([
            meta("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "59/2023/NĐ-CP"),
            meta("luat-31-2018-qh14", DocType::Luat, "31/2018/QH14"),
            meta("nghi-dinh-31-2014-nd-cp", DocType::NghiDinh, "31/2014/NĐ-CP"),
        ]);
        // (query, what was read and the close matches, or None)
        type Want<'a> = Option<(&'a str, Vec<&'a str>)>;
        let rows: [(&str, Want<'_>); 7] = [
            ("nghị định 999/2099/NĐ-CP", Some(("Nghị định 999/2099/NĐ-CP", vec![]))),
            ("NĐ73/2024", Some(("Nghị định 73/2024", vec![]))),
            ("nđ 59/2099", Some(("Nghị định 59/2099", vec!["nghi-dinh-59-2023-nd-cp"]))),
            ("59/2099/NĐ-CP", Some(("Nghị định 59/2099/NĐ-CP", vec!["nghi-dinh-59-2023-nd-cp"]))),
            ("31/2024/QH15", Some(("31/2024/QH15", vec!["luat-31-2018-qh14"]))),
            ("59/2023/NĐ-CP", None),
            ("bầu trưởng thôn", None),
        ];
        for (q, want) in rows {
            let got = not_found(&cat, q)
                .map(|nf| (nf.read, nf.close.into_iter().map(|c| c.id).collect::<Vec<_>>()));
            let want =
                want.map(|(r, c)| (r.to_string(), c.into_iter().map(String::from).collect::<Vec<_>>()));
            assert_eq!(got, want, "{q}");
        }
    }
}
