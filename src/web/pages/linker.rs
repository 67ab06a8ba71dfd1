//! `GET /lien-ket` and `POST /lien-ket`: the plan linker. Paste a plan or report; the answer
//! is the text with each citation linked to its source (article-level where pinpointed),
//! the sources per clause and the warnings.

use std::fmt::Write;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Html;

use crate::web::citations;
use crate::web::error::{AppError, PageError};
use crate::web::html::{esc, layout};
use crate::web::query::Params;
use crate::web::state::AppState;

fn form(text: &str) -> String {
    format!(
        "<form class=\"linker\" action=\"/lien-ket\" method=\"post\"><label for=\"plan\">Dán nội dung kế hoạch, báo cáo hoặc văn bản cần liên kết:</label><textarea id=\"plan\" name=\"text\" rows=\"14\" required>{}</textarea><button type=\"submit\">Liên kết căn cứ</button></form>",
        esc(text)
    )
}

/// `GET /lien-ket`.
pub async fn form_page() -> Html<String> {
    let body = format!(
        "<section class=\"prose\"><h1>Liên kết kế hoạch với căn cứ pháp lý</h1><p>Mỗi trích dẫn trong văn bản (số hiệu, tên văn bản, điều, khoản, điểm) được đọc, đối chiếu với kho dữ liệu và gắn liên kết; kèm cảnh báo khi văn bản được dẫn hết hiệu lực, ghi sai số hiệu hoặc ngày tháng.</p>{}</section>",
        form("")
    );
    Html(layout("Liên kết kế hoạch", "", &body))
}

/// `POST /lien-ket` (form field `text`).
pub async fn submit(State(state): State<AppState>, body: Bytes) -> Result<Html<String>, PageError> {
    let snap = state.snapshot();
    // CPU-bound (the form decoded, the plan linked and rendered): on the blocking pool,
    // behind the global bound, at most MAX_CITATIONS.
    let page = state
        .heavy(move || {
            let params = Params::parse(&body)?;
            let text = params.all("text").next().unwrap_or("");
            if text.trim().is_empty() {
                return Err(AppError::bad_request("empty_text", "Văn bản gửi lên đang trống."));
            }
            Ok(render(&snap, text))
        })
        .await??;
    Ok(Html(page))
}

fn render(snap: &crate::web::Snapshot, text: &str) -> String {
    let text = crate::text::normalize(text).into_owned();
    let (report, cut) = citations::link_bounded(snap, &text);
    let resolved = report.citations.iter().filter(|c| c.citation.target.is_some()).count();
    let mut out = String::from("<section class=\"prose wide\"><h1>Kết quả liên kết</h1>");
    if let Some(cut) = cut {
        let _ = write!(
            out,
            "<p class=\"notice\">Văn bản có hơn {} trích dẫn: chỉ phần đầu ({} ký tự) được liên kết.</p>",
            crate::web::limits::MAX_CITATIONS,
            text[..cut].chars().count()
        );
    }
    let shown = &text[..cut.unwrap_or(text.len())];
    let _ = write!(
        out,
        "<p class=\"summary\"><strong>{}</strong> trích dẫn, <strong>{resolved}</strong> đã xác định được văn bản trong kho, <strong>{}</strong> cảnh báo. <a href=\"#canh-bao\">Xem cảnh báo</a></p>",
        report.citations.len(),
        report.warnings.len()
    );
    // The linker's fragment: the text (escaped) with citations linked, then warnings, the
    // sources of each clause and the clauses citing each source.
    out.push_str(&crate::link::render::html(shown, &report).replacen(
        "<section class=\"plan-warnings\">",
        "<section class=\"plan-warnings\" id=\"canh-bao\">",
        1,
    ));
    out.push_str("<h2>Liên kết văn bản khác</h2>");
    out.push_str(&form(&text));
    out.push_str("</section>");
    layout("Kết quả liên kết", "", &out)
}
