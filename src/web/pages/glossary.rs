//! `GET /thuat-ngu`: the legal glossary — the terms the law defines, browsable by first
//! letter (A–Z in the Vietnamese alphabet's order, "Đ" after "D") and searchable (`?q=`), each with its definition and a link
//! to the defining article. Built from the index generation's glossary
//! ([`crate::glossary`]).

use axum::extract::State;
use axum::response::Html;
use serde::Deserialize;

use crate::glossary::{Entry, Glossary};
use crate::model::Status;
use crate::web::error::PageError;
use crate::web::html::{badge, html, page, Markup};
use crate::web::query::Typed;
use crate::web::state::AppState;

/// Most entries listed on one page.
pub const MAX_LISTED: usize = 300;

/// The glossary of the snapshot's index (empty without one).
pub fn of(snap: &crate::web::Snapshot) -> std::sync::Arc<Glossary> {
    snap.searcher.as_ref().map(|s| s.glossary()).unwrap_or_default()
}

/// Where an entry's definition is: the article's anchor in its document page.
pub fn entry_url(e: &Entry) -> String {
    let clause = e.clause.as_deref().map(|c| c.split('.').next().unwrap_or(c));
    crate::web::url::at(&e.doc_id, Some(&crate::structure::anchor(&e.article, clause, None)))
}

fn entry_html(e: &Entry, status: Status) -> Markup {
    let place = match &e.clause {
        Some(c) => format!("{}, Điều {} (khoản {})", e.document, e.article, c.replace('.', ", điểm ")),
        None => format!("{}, Điều {}", e.document, e.article),
    };
    html! {
        dt { (e.term) }
        dd {
            p { (e.definition) }
            p.source { a href=(entry_url(e)) { (place) } " — " (e.doc_title) " " (badge(status)) }
        }
    }
}

/// The query string of `/thuat-ngu`.
#[derive(Debug, Deserialize)]
pub struct GlossaryParams {
    q: Option<String>,
    /// A first letter to browse.
    chu: Option<String>,
}

pub async fn page_handler(
    State(state): State<AppState>,
    params: Result<Typed<GlossaryParams>, crate::web::AppError>,
) -> Result<Html<String>, PageError> {
    let Typed(params) = params?;
    let q = params.q.unwrap_or_default();
    let letter = params.chu.as_deref().and_then(|l| l.chars().next());
    let snap = state.snapshot();
    let g = of(&snap);
    let (heading, entries): (String, Vec<&Entry>) = if !q.is_empty() {
        (format!("Kết quả cho “{q}”"), g.search(&q, MAX_LISTED))
    } else {
        let l = letter.or_else(|| g.letters().first().map(|(l, _)| *l)).unwrap_or('a');
        (format!("Chữ {}", l.to_uppercase()), g.by_letter(l).into_iter().take(MAX_LISTED).collect())
    };
    let body = html! {
        section.glossary {
            h1 { "Thuật ngữ pháp lý" }
            p { "Các từ ngữ được giải thích trong văn bản pháp luật (" (g.len()) " định nghĩa), kèm điều khoản định nghĩa." }
            form.search action="/thuat-ngu" method="get" role="search" {
                div.row {
                    input type="search" name="q" value=(q) placeholder="Ví dụ: người lao động" maxlength="200" aria-label="Tìm thuật ngữ";
                    button type="submit" { "Tìm thuật ngữ" }
                }
            }
            nav.letters aria-label="Theo chữ cái" {
                @for (l, n) in g.letters() {
                    @let s = l.to_uppercase().to_string();
                    a href=(crate::web::url::glossary_letter(&s)) title=(n) { (s) } " "
                }
            }
            h2 { (heading) }
            @if entries.is_empty() {
                p.notice { "Không có thuật ngữ nào phù hợp." }
            } @else {
                dl.terms { @for e in entries { (entry_html(e, snap.status_today(&e.doc_id))) } }
            }
        }
    };
    Ok(Html(page("Thuật ngữ", body).into_string()))
}
