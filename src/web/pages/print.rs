//! `GET /in?a=<doc>:<article>&a=<doc>…`: chosen articles (or whole documents) as one clean
//! printable page for trainers, in the order asked; each document under a header with its
//! issuer, dates, status (with the evidence) and the print date. A single whole document is
//! printed whatever its length (Bộ luật Lao động, Hiến pháp); any other selection is bounded
//! to [`MAX_PRINT_ARTICLES`] articles. `GET /in.docx?…` gives the same selection as a Word
//! file ([`crate::export::docx::selection`]). Written with `maud`: every string escaped.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::{Html, Response};
use maud::{html, Markup, DOCTYPE};

use crate::export::{self, StatusLine};
use crate::model::{Article, Date, Document};
use crate::web::api::{article, document};
use crate::web::error::{AppError, PageError};
use crate::web::html::badge;
use crate::web::limits::MAX_PRINT_ARTICLES;
use crate::web::query::Params;
use crate::web::render::{self, no_links, ArticleOptions};
use crate::web::state::{AppState, Snapshot};

/// One document of a selection: whole (`articles: None`) or the article numbers chosen, in
/// the order asked (consecutive picks of one document are one part).
pub struct Part {
    pub doc: Arc<Document>,
    pub articles: Option<Vec<String>>,
}

impl Part {
    /// The articles this part prints.
    pub fn chosen(&self) -> Vec<&Article> {
        match &self.articles {
            None => self.doc.articles().collect(),
            Some(ns) => ns.iter().filter_map(|n| self.doc.article(n)).collect(),
        }
    }
}

/// Reads the selection of `/in` and `/in.docx` (`a=<doc>` for a whole document,
/// `a=<doc>:<article>` for one article), checking every pick and the bound: a selection
/// that is one whole document has none; any other at most [`MAX_PRINT_ARTICLES`] articles.
pub fn selection(snap: &Snapshot, raw: Option<&str>) -> Result<Vec<Part>, AppError> {
    let params = Params::parse_query(raw)?;
    let picks: Vec<&str> = params.all("a").map(str::trim).filter(|s| !s.is_empty()).collect();
    if picks.is_empty() {
        return Err(AppError::bad_request(
            "nothing_to_print",
            "Chưa chọn điều nào để in: mở một văn bản và đánh dấu các điều cần in.",
        ));
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut count = 0;
    for pick in &picks {
        let (id, n) = match pick.split_once(':') {
            Some((id, n)) => (id, Some(n)),
            None => (*pick, None),
        };
        let same = parts.last().is_some_and(|p| p.doc.meta.id == id);
        let doc =
            if same { parts.last().map(|p| p.doc.clone()).expect("last part") } else { document(snap, id)? };
        let added = match n {
            Some(n) => {
                let number = article(&doc, n)?.number.clone();
                match parts.last_mut() {
                    Some(Part { articles: Some(ns), .. }) if same => ns.push(number),
                    _ => parts.push(Part { doc, articles: Some(vec![number]) }),
                }
                1
            }
            None => {
                let k = doc.articles().count();
                parts.push(Part { doc, articles: None });
                k
            }
        };
        count += added;
        let one_whole = parts.len() == 1 && parts[0].articles.is_none();
        if count > MAX_PRINT_ARTICLES && !one_whole {
            return Err(AppError::bad_request(
                "too_many_articles",
                format!(
                    "Chỉ in được tối đa {MAX_PRINT_ARTICLES} điều một lần khi chọn nhiều văn bản hoặc từng điều; cả một văn bản thì in được trọn vẹn."
                ),
            ));
        }
    }
    Ok(parts)
}

/// The status line of a document at `day`, from the snapshot's validity records.
pub fn status_line(snap: &Snapshot, d: &Document, day: Date) -> StatusLine {
    StatusLine::of(snap.validity.as_ref(), &d.meta, day)
}

/// A document's header: its label, name and status badge (`titled`; a whole document has
/// them as the page's title), then the metadata block with the print date.
fn header_block(snap: &Snapshot, d: &Document, today: Date, titled: bool) -> Markup {
    let m = &d.meta;
    let status = status_line(snap, d, today);
    let rows = export::metadata_rows(m, &status, ("Ngày in", today));
    html! {
        header.print-doc-head {
            @if titled {
                h2.print-doc {
                    (m.label()) " " (badge(status.status))
                    @if m.canonical.is_some() { small { (m.title) } }
                }
            }
            dl.print-meta {
                @for (k, v) in &rows { dt { (k) } dd { (v) } }
            }
        }
    }
}

/// `GET /in`.
pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let snap = state.snapshot();
    let parts = selection(&snap, raw.as_deref())?;
    let today = Date::today();
    let opts = ArticleOptions { anchors: false, print_checkbox: None, links: &no_links };
    let count: usize = parts.iter().map(|p| p.chosen().len()).sum();
    let whole = parts.len() == 1 && parts[0].articles.is_none();
    let title =
        if whole { parts[0].doc.meta.label() } else { format!("Trích các điều ({count} điều)") };
    let docx = crate::web::url::print_docx(raw.as_deref().unwrap_or(""));
    let page = html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Bản in · " (title) " · căn cứ" }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body.print-page {
                p.no-print.print-actions {
                    a href="/" { "← Về trang tìm kiếm" } " "
                    button.print-now type="button" hidden { "In trang này" } " "
                    a.download href=(docx) download { "Tải về Word (.docx)" } " "
                    span.muted { "Dùng lệnh In của trình duyệt (Ctrl+P)." }
                }
                main.printed {
                    h1 {
                        (title)
                        @if whole {
                            " " (badge(status_line(&snap, &parts[0].doc, today).status))
                            @if parts[0].doc.meta.canonical.is_some() { small { (parts[0].doc.meta.title) } }
                        }
                    }
                    @if whole { p.print-count { (count) " điều" } }
                    @for part in &parts {
                        (header_block(&snap, &part.doc, today, !whole))
                        @if part.articles.is_none() {
                            (render::body(&part.doc, &opts, &|_| Vec::new(), &|_| html! {}))
                        } @else {
                            @for a in part.chosen() { (render::article_html(a, &opts, html! {})) }
                        }
                    }
                    p.print-foot {
                        "In từ căn cứ ngày " (crate::link::warn::vi_date(today))
                        ". Văn bản tham khảo; đối chiếu bản chính thức trước khi sử dụng."
                    }
                }
            }
        }
    };
    Ok(Html(page.into_string()))
}

/// `GET /in.docx`: the selection of `/in` as a Word file.
pub async fn docx(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let snap = state.snapshot();
    let parts = selection(&snap, raw.as_deref())?;
    let name = match parts.as_slice() {
        [one] if one.articles.is_none() => format!("{}.docx", export::file_stem(&one.doc.meta)),
        [one] => format!("{} (trích).docx", export::file_stem(&one.doc.meta)),
        _ => "Trích văn bản.docx".to_string(),
    };
    let bytes = state
        .heavy(move || {
            let today = Date::today();
            let picks: Vec<export::docx::Pick<'_>> = parts
                .iter()
                .map(|p| export::docx::Pick {
                    doc: &p.doc,
                    status: status_line(&snap, &p.doc, today),
                    articles: p.articles.as_ref().map(|_| p.chosen()),
                })
                .collect();
            export::docx::selection(&picks, today)
        })
        .await?
        .map_err(AppError::internal)?;
    Ok(super::download::answer(bytes, export::DOCX_TYPE, &name))
}
