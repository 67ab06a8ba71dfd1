//! What a search returns: hits (articles or documents) best first, where the query was
//! routed (a document or an article it names), facet counts, and paging totals. Serialized
//! as the JSON of `cancu search --json` and of the web API.

use serde::Serialize;

use crate::model::{DocType, Status};

/// One hit: an article, or a document (when `article` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The document's id.
    pub id: String,
    /// Canonical document number, if it has one.
    pub number: Option<String>,
    pub doc_type: DocType,
    /// Original article number ("5", "5a"); `None` for a document-level hit.
    pub article: Option<String>,
    /// The article's title (for a document hit, the document's title).
    pub title: String,
    pub doc_title: String,
    pub score: f32,
    /// HTML: the text around the matched words, escaped, matches in `<mark>`.
    pub snippet: String,
    /// The same fragment as plain text.
    pub snippet_text: String,
    pub status: Status,
    pub issuer: Option<String>,
    pub year: Option<u16>,
    /// Signing date, `YYYY-MM-DD`.
    pub signed: Option<String>,
    /// Pháp điển đề mục and number of the article.
    pub demuc: Option<String>,
    pub phapdien: Option<String>,
    /// Anchor of the hit inside its document page (`dieu-5`, `dieu-5-khoan-2`).
    pub anchor: Option<String>,
}

/// Where a query was routed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Route {
    /// The query names a document (several when the number is ambiguous: all are offered).
    Document { ids: Vec<String> },
    /// The query names an article (with a khoản/điểm, if given).
    Article { id: String, article: String, clause: Option<String>, point: Option<String> },
}

impl Route {
    /// An article route's pinpoint in words ("điểm d khoản 3 Điều 35"); `None` for a
    /// document route.
    pub fn pinpoint_vi(&self) -> Option<String> {
        match self {
            Route::Article { article, clause, point, .. } => {
                Some(crate::cite::describe_pinpoint(&crate::cite::Pinpoint {
                    article: Some(article.clone()),
                    clause: clause.clone(),
                    point: point.clone(),
                }))
            }
            Route::Document { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_route_in_words() {
        let at = |c: Option<&str>, p: Option<&str>| Route::Article {
            id: "x".into(),
            article: "35".into(),
            clause: c.map(Into::into),
            point: p.map(Into::into),
        };
        let rows = [
            (at(None, None), Some("Điều 35")),
            (at(Some("3"), None), Some("khoản 3 Điều 35")),
            (at(Some("3"), Some("d")), Some("điểm d khoản 3 Điều 35")),
            (Route::Document { ids: vec![] }, None),
        ];
        for (route, want) in rows {
            assert_eq!(route.pinpoint_vi().as_deref(), want, "{route:?}");
        }
    }
}

/// One facet value and how many hits have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// What to pass back as the filter.
    pub value: String,
    /// What to show (Vietnamese).
    pub label: String,
    pub count: u64,
}

/// Facet counts over the hits of a query (not only the page shown): over all of them, or
/// over the best [`super::facets::WINDOW`] when there are more (`approximate`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub doc_type: Vec<FacetCount>,
    pub issuer: Vec<FacetCount>,
    pub year: Vec<FacetCount>,
    pub status: Vec<FacetCount>,
    pub demuc: Vec<FacetCount>,
    /// The counts are over the best hits only, not every match (the query has more
    /// matches than [`super::facets::WINDOW`]): each is a lower bound, to be shown as
    /// "khoảng"/"ít nhất". False when every match was counted.
    pub approximate: bool,
}

/// The answer to a [`super::Query`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The query as understood (normalized).
    pub query: String,
    pub hits: Vec<Hit>,
    /// Number of matching records, when counted (`Query::facets`) or known (routes).
    pub total: Option<usize>,
    /// The total is an estimate (the query matches more than [`super::facets::COUNT_BUDGET`]
    /// records; see [`super::facets`]): show it as "khoảng".
    pub total_approximate: bool,
    pub offset: usize,
    pub route: Option<Route>,
    /// Facet counts, when asked for.
    pub facets: Option<Facets>,
    /// A remark for the user (Vietnamese), e.g. a reference that matched no document.
    pub notice: Option<String>,
    /// The query with its misspelt words replaced by the corpus's words ("Có phải bạn muốn
    /// tìm …"), when some word is found nowhere in the corpus.
    pub suggestion: Option<String>,
}
