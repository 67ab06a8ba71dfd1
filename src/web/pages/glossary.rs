//! `GET /thuat-ngu`: the legal glossary — the terms the law defines, browsable by first
//! letter (A–Z, "đ" under "d") and searchable (`?q=`), each with its definition and a link
//! to the defining article. Built from the index generation's glossary
//! ([`crate::glossary`]).

use std::fmt::Write;

use axum::extract::{RawQuery, State};
use axum::response::Html;

use crate::glossary::{Entry, Glossary};
use crate::web::error::PageError;
use crate::web::html::{badge, esc, href, layout, url_encode};
use crate::web::query::Params;
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
    format!("/van-ban/{}#{}", url_encode(&e.doc_id), crate::structure::anchor(&e.article, clause, None))
}

fn entry_html(out: &mut String, e: &Entry) {
    let place = match &e.clause {
        Some(c) => format!("{}, Điều {} (khoản {})", e.document, e.article, c.replace('.', ", điểm ")),
        None => format!("{}, Điều {}", e.document, e.article),
    };
    let _ = write!(
        out,
        "<dt>{}</dt><dd><p>{}</p><p class=\"source\"><a href=\"{}\">{}</a> — {} {}</p></dd>",
        esc(&e.term),
        esc(&e.definition),
        esc(&entry_url(e)),
        esc(&place),
        esc(&e.doc_title),
        badge(e.status)
    );
}

pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::parse_query(raw.as_deref()).map_err(PageError)?;
    let q = params.one("q").map_err(PageError)?.unwrap_or("").trim().to_string();
    let letter = params.one("chu").map_err(PageError)?.and_then(|l| l.chars().next());
    let snap = state.snapshot();
    let g = of(&snap);
    let mut body = String::from("<section class=\"glossary\"><h1>Thuật ngữ pháp lý</h1>");
    let _ = write!(
        body,
        "<p>Các từ ngữ được giải thích trong văn bản pháp luật ({} định nghĩa), kèm điều khoản định nghĩa.</p><form class=\"search\" action=\"/thuat-ngu\" method=\"get\" role=\"search\"><div class=\"row\"><input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Ví dụ: người lao động\" maxlength=\"200\" aria-label=\"Tìm thuật ngữ\"><button type=\"submit\">Tìm thuật ngữ</button></div></form>",
        g.len(),
        esc(&q)
    );
    body.push_str("<nav class=\"letters\" aria-label=\"Theo chữ cái\">");
    for (l, n) in g.letters() {
        let s = l.to_uppercase().to_string();
        let _ = write!(
            body,
            "<a href=\"{}\" title=\"{n}\">{}</a> ",
            esc(&href("/thuat-ngu", &[("chu", &s)])),
            esc(&s)
        );
    }
    body.push_str("</nav>");
    let (heading, entries): (String, Vec<&Entry>) = if !q.is_empty() {
        (format!("Kết quả cho “{q}”"), g.search(&q, MAX_LISTED))
    } else {
        let l = letter.or_else(|| g.letters().first().map(|(l, _)| *l)).unwrap_or('a');
        (
            format!("Chữ {}", l.to_uppercase()),
            g.by_letter(crate::text::fold(&l.to_string()).chars().next().unwrap_or(l))
                .iter()
                .take(MAX_LISTED)
                .collect(),
        )
    };
    let _ = write!(body, "<h2>{}</h2>", esc(&heading));
    if entries.is_empty() {
        body.push_str("<p class=\"notice\">Không có thuật ngữ nào phù hợp.</p>");
    } else {
        body.push_str("<dl class=\"terms\">");
        for e in entries {
            entry_html(&mut body, e);
        }
        body.push_str("</dl>");
    }
    body.push_str("</section>");
    Ok(Html(layout("Thuật ngữ", "", &body)))
}
