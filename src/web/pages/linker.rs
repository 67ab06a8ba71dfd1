//! `GET /lien-ket` and `POST /lien-ket`: the plan linker. Paste a plan or report; the answer
//! opens with a summary line and the warnings (grouped per citation, most serious first),
//! then the text with each citation linked to its source (article-level where pinpointed),
//! the sources per clause and the clauses per source. `POST /lien-ket.docx` and
//! `POST /lien-ket.md` (the same form field `text`) give the result as a Word or Markdown
//! file; the result page has a button for each. The files' links are absolute, on the
//! server's address as the client reached it (`url::origin`), so that they open from Word or
//! a Markdown viewer; the page's are paths. Written with `maud`: every string escaped.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{Html, Response};
use maud::{html, Markup};

use crate::export;
use crate::model::Date;
use crate::web::citations;
use crate::web::error::{AppError, PageError};
use crate::web::html::page;
use crate::web::query::Params;
use crate::web::state::AppState;
use crate::web::url;

fn form(text: &str) -> Markup {
    html! {
        form.linker action="/lien-ket" method="post" {
            label for="plan" { "Dán nội dung kế hoạch, báo cáo hoặc văn bản cần liên kết:" }
            textarea #plan name="text" rows="14" required { (text) }
            button type="submit" { "Liên kết căn cứ" }
        }
    }
}

/// The download buttons of a result: forms posting the text again to the file routes.
fn downloads(text: &str) -> Markup {
    html! {
        div.downloads.no-print {
            span { "Tải kết quả về: " }
            @for (action, label) in [("/lien-ket.docx", "Word (.docx)"), ("/lien-ket.md", "Markdown (.md)")] {
                form.download action=(action) method="post" {
                    textarea name="text" hidden { (text) }
                    button type="submit" { (label) }
                }
            }
        }
    }
}

/// `GET /lien-ket`.
pub async fn form_page() -> Html<String> {
    let body = html! {
        section.prose {
            h1 { "Liên kết kế hoạch với căn cứ pháp lý" }
            p { "Mỗi trích dẫn trong văn bản (số hiệu, tên văn bản, điều, khoản, điểm) được đọc, đối chiếu với kho dữ liệu và gắn liên kết; kèm cảnh báo khi văn bản được dẫn hết hiệu lực, ghi sai số hiệu hoặc ngày tháng." }
            (form(""))
        }
    };
    Html(page("Liên kết kế hoạch", body).into_string())
}

/// The posted text (form field `text`), normalized; a 400 when empty.
fn posted_text(body: &[u8]) -> Result<String, AppError> {
    let params = Params::parse(body)?;
    let text = params.all("text").next().unwrap_or("");
    if text.trim().is_empty() {
        return Err(AppError::bad_request("empty_text", "Văn bản gửi lên đang trống."));
    }
    Ok(crate::text::normalize(text).into_owned())
}

/// `POST /lien-ket` (form field `text`).
pub async fn submit(State(state): State<AppState>, body: Bytes) -> Result<Html<String>, PageError> {
    let snap = state.snapshot();
    // CPU-bound (the form decoded, the plan linked and rendered): on the blocking pool,
    // behind the global bound, at most MAX_CITATIONS.
    let page = state.heavy(move || Ok::<_, AppError>(render(&snap, &posted_text(&body)?))).await??;
    Ok(Html(page))
}

fn render(snap: &crate::web::Snapshot, text: &str) -> String {
    let (report, cut) = citations::link_bounded(snap, text, None);
    let shown = &text[..cut.unwrap_or(text.len())];
    let body = html! {
        section.prose.wide {
            h1 { "Kết quả liên kết" }
            @if let Some(cut) = cut {
                p.notice {
                    "Văn bản có hơn " (crate::web::limits::MAX_CITATIONS) " trích dẫn: chỉ phần đầu ("
                    (text[..cut].chars().count()) " ký tự) được liên kết."
                }
            }
            (downloads(shown))
            (crate::link::render::html_markup(shown, &report))
            h2 { "Liên kết văn bản khác" }
            (form(text))
        }
    };
    page("Kết quả liên kết", body).into_string()
}

/// Links a posted plan for a download: the text linked (cut at the citation bound) and its
/// report, its links absolute on the server's address as the client reached it
/// ([`url::origin`]), so that they open from the file.
async fn linked<T: Send + 'static>(
    state: &AppState,
    headers: &HeaderMap,
    body: Bytes,
    out: impl FnOnce(&str, &crate::link::LinkReport) -> Result<T, AppError> + Send + 'static,
) -> Result<T, PageError> {
    let snap = state.snapshot();
    let origin = url::origin(headers);
    Ok(state
        .heavy(move || {
            let text = posted_text(&body)?;
            let (report, cut) = citations::link_bounded(&snap, &text, origin.as_deref());
            out(&text[..cut.unwrap_or(text.len())], &report)
        })
        .await??)
}

/// `POST /lien-ket.docx`: the linker's result as a Word file.
pub async fn docx(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let bytes = linked(&state, &headers, body, |text, report| {
        export::docx::link_report(text, report, Date::today()).map_err(AppError::internal)
    })
    .await?;
    Ok(super::download::answer(bytes, export::DOCX_TYPE, "Kết quả liên kết.docx"))
}

/// `POST /lien-ket.md`: the linker's result as Markdown.
pub async fn markdown(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let md = linked(&state, &headers, body, |text, report| Ok(crate::link::render::markdown(text, report)))
        .await?;
    Ok(super::download::answer(md.into_bytes(), export::MARKDOWN_TYPE, "Kết quả liên kết.md"))
}
