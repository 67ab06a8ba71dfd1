//! Search as the web layer sees it: a request (query, filters, paging) read from the query
//! string, and results (hits, facet counts) ready for JSON and HTML. Hits carry the fields of
//! `cancu search --json` (`number`, `doc_type`, `article`, `title`, `score`, `snippet`) plus
//! the document `id`, the page `url` and the byte ranges of the snippet to highlight.
//!
//! The engine here is a plain scan of the corpus (folded words, all required), used until the
//! Tantivy index is available; facets are counted over every match, before paging.

use std::collections::HashMap;

use serde::Serialize;

use super::error::AppError;
use super::library::Library;
use super::limits::{DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS};
use super::query::Params;
use crate::model::{DocType, Document, Status};
use crate::text::{fold_char, normalize};

/// Filters on documents and articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Filters {
    pub doc_type: Option<DocType>,
    pub issuer: Option<String>,
    pub year: Option<u16>,
    pub status: Option<Status>,
    pub demuc: Option<String>,
}

/// One search, as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub q: String,
    pub filters: Filters,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
}

impl Request {
    /// Reads `q`, `type`, `issuer`, `year`, `status`, `demuc`, `page`, `per_page`.
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
        Ok(Request { q, filters: Filters { doc_type, issuer, year, status, demuc }, page, per_page })
    }
}

/// A đề mục number: digits and dots ("44.13").
pub fn valid_demuc(d: &str) -> bool {
    !d.is_empty() && d.len() <= 16 && d.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub number: Option<String>,
    pub doc_type: DocType,
    /// Original article number, or `None` for a document-level hit.
    pub article: Option<String>,
    /// The article's title for an article hit ("Điều 5. …"), else the document's.
    pub title: String,
    /// The document's label ("Luật 10/2022/QH15").
    pub document: String,
    pub status: Status,
    pub score: f32,
    /// Plain text (not HTML).
    pub snippet: String,
    /// Byte ranges of `snippet` to highlight.
    pub highlights: Vec<(usize, usize)>,
    pub url: String,
}

/// A facet value and how many hits have it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    /// The filter value to send back (`type=…`).
    pub value: String,
    /// What to show.
    pub label: String,
    pub count: usize,
}

/// Facet counts, each list by descending count.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub doc_type: Vec<FacetValue>,
    pub issuer: Vec<FacetValue>,
    pub year: Vec<FacetValue>,
    pub status: Vec<FacetValue>,
    pub demuc: Vec<FacetValue>,
}

/// The answer to a [`Request`].
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub query: String,
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}

/// Text folded for matching, with the byte offset in the original of each folded byte.
struct Folded {
    text: String,
    map: Vec<usize>,
}

fn fold_mapped(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let f = fold_char(c);
        for _ in 0..f.len_utf8() {
            map.push(i);
        }
        text.push(f);
    }
    map.push(s.len());
    Folded { text, map }
}

fn matches_doc(d: &Document, f: &Filters) -> bool {
    f.doc_type.is_none_or(|t| d.meta.doc_type == t)
        && f.status.is_none_or(|s| d.meta.status == s)
        && f.year.is_none_or(|y| d.meta.signed.is_some_and(|s| s.year == y))
        && f.issuer.as_ref().is_none_or(|i| {
            d.meta.issuer.as_ref().is_some_and(|di| crate::text::fold(di) == crate::text::fold(i))
        })
}

/// Runs a request by scanning the library.
pub fn scan(lib: &Library, req: &Request) -> Results {
    let words: Vec<String> = crate::text::fold(&req.q).split_whitespace().map(str::to_string).collect();
    let mut hits: Vec<(Hit, Option<String>, usize)> = Vec::new(); // hit, demuc, doc index
    if !words.is_empty() {
        for (di, d) in lib.documents().iter().enumerate() {
            if !matches_doc(d, &req.filters) {
                continue;
            }
            let mut any_article = false;
            for a in d.articles() {
                any_article = true;
                let demuc = d.meta.article(&a.number).and_then(|m| m.demuc.clone());
                if req.filters.demuc.as_ref().is_some_and(|f| demuc.as_ref() != Some(f)) {
                    continue;
                }
                let title = format!("Điều {}. {}", a.number, a.title);
                let body = a.text();
                if let Some(h) = score(&words, &title, &body) {
                    let anchor = crate::structure::anchor(&a.number, None, None);
                    hits.push((
                        make_hit(d, Some(&a.number), title, h, format!("/van-ban/{}#{anchor}", d.meta.id)),
                        demuc,
                        di,
                    ));
                }
            }
            if !any_article && req.filters.demuc.is_none() {
                let title = d.meta.title.clone();
                let label = d.meta.label();
                if let Some(h) = score(&words, &format!("{label} {title}"), &title) {
                    hits.push((make_hit(d, None, title, h, format!("/van-ban/{}", d.meta.id)), None, di));
                }
            }
        }
    }
    hits.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then_with(|| a.0.url.cmp(&b.0.url)));
    let mut facets: [HashMap<String, (String, usize)>; 5] = Default::default();
    for (h, demuc, di) in &hits {
        let d = lib.doc(*di);
        let mut add = |i: usize, value: String, label: String| {
            facets[i].entry(value).or_insert((label, 0)).1 += 1;
        };
        add(0, h.doc_type.slug().to_string(), h.doc_type.as_vi().to_string());
        if let Some(i) = &d.meta.issuer {
            add(1, i.clone(), i.clone());
        }
        if let Some(s) = d.meta.signed {
            add(2, s.year.to_string(), s.year.to_string());
        }
        add(3, h.status.code().to_string(), h.status.as_vi().to_string());
        if let Some(dm) = demuc {
            add(4, dm.clone(), dm.clone());
        }
    }
    let [t, i, y, s, dm] = facets.map(|m| {
        let mut v: Vec<FacetValue> =
            m.into_iter().map(|(value, (label, count))| FacetValue { value, label, count }).collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        v.truncate(30);
        v
    });
    let total = hits.len();
    let start = (req.page - 1) * req.per_page;
    let hits = hits.into_iter().skip(start).take(req.per_page).map(|(h, _, _)| h).collect();
    Results {
        query: req.q.clone(),
        total,
        page: req.page,
        per_page: req.per_page,
        hits,
        facets: Facets { doc_type: t, issuer: i, year: y, status: s, demuc: dm },
    }
}

struct Scored {
    score: f32,
    snippet: String,
    highlights: Vec<(usize, usize)>,
}

fn make_hit(d: &Document, article: Option<&str>, title: String, s: Scored, url: String) -> Hit {
    Hit {
        id: d.meta.id.clone(),
        number: d.meta.canonical.clone(),
        doc_type: d.meta.doc_type,
        article: article.map(str::to_string),
        title,
        document: d.meta.label(),
        status: d.meta.status,
        score: s.score,
        snippet: s.snippet,
        highlights: s.highlights,
        url,
    }
}

/// All words must occur in title or body; the snippet is a window of the body around the
/// first match.
fn score(words: &[String], title: &str, body: &str) -> Option<Scored> {
    let ft = fold_mapped(title);
    let fb = fold_mapped(body);
    let mut score = 0.0;
    for w in words {
        let in_title = ft.text.matches(w.as_str()).count();
        let in_body = fb.text.matches(w.as_str()).count();
        if in_title + in_body == 0 {
            return None;
        }
        score += 3.0 * in_title.min(3) as f32 + (in_body.min(10) as f32).sqrt();
    }
    // The snippet: about 240 bytes of the body from a little before the first match.
    let first = words.iter().filter_map(|w| fb.text.find(w.as_str())).min().unwrap_or(0);
    let mut start = fb.map[first].saturating_sub(80);
    while !body.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + 240).min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    let snippet = &body[start..end];
    let mut highlights = Vec::new();
    for w in words {
        for (i, _) in fb.text.match_indices(w.as_str()) {
            let (s, e) = (fb.map[i], fb.map[i + w.len()]);
            if s >= start && e <= end {
                highlights.push((s - start, e - start));
            }
        }
    }
    highlights.sort_unstable();
    highlights.dedup_by(|b, a| b.0 < a.1); // drop overlaps
    let prefix = if start > 0 { "… " } else { "" };
    let suffix = if end < body.len() { " …" } else { "" };
    let highlights = highlights.into_iter().map(|(s, e)| (s + prefix.len(), e + prefix.len())).collect();
    Some(Scored { score, snippet: format!("{prefix}{snippet}{suffix}"), highlights })
}
