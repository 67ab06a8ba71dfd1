//! `GET /lien-ket` and `POST /lien-ket`: the plan linker. Paste a plan or report; the answer
//! is the text with each citation linked to its source (article-level where pinpointed),
//! the sources per clause and the warnings.

use std::fmt::Write;

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Html;

use crate::cite::Citation;
use crate::web::citations;
use crate::web::error::{AppError, PageError};
use crate::web::html::{badge, esc, layout};
use crate::web::query::Params;
use crate::web::render::{paragraph_text, SpanLink};
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
    let params = Params::parse(&body)?;
    let text = params.all("text").next().unwrap_or("").to_string();
    if text.trim().is_empty() {
        return Err(AppError::bad_request("empty_text", "Văn bản gửi lên đang trống.").into());
    }
    let text = crate::text::normalize(&text).into_owned();
    let snap = state.snapshot();
    let cites = citations::read(&snap, &text, None);
    let links: Vec<SpanLink> = cites
        .iter()
        .map(|c| SpanLink {
            start: c.start,
            end: c.end,
            href: citations::href(c, None),
            title: citations::describe(c),
        })
        .collect();
    let resolved = cites.iter().filter(|c| c.target.is_some()).count();
    let mut out = String::from("<section class=\"prose wide\"><h1>Kết quả liên kết</h1>");
    let _ = write!(
        out,
        "<p class=\"summary\"><strong>{}</strong> trích dẫn, <strong>{resolved}</strong> đã xác định được văn bản trong kho, <strong>{}</strong> chưa có trong kho.</p>",
        cites.len(),
        cites.len() - resolved
    );
    let _ = write!(out, "<div class=\"plan\">{}</div>", paragraph_text(&text, &links));
    out.push_str(&sources(&snap, &cites));
    out.push_str("<h2>Liên kết văn bản khác</h2>");
    out.push_str(&form(&text));
    out.push_str("</section>");
    Ok(Html(layout("Kết quả liên kết", "", &out)))
}

/// The documents cited, each with the citations that name it; then the unresolved ones.
fn sources(snap: &crate::web::Snapshot, cites: &[Citation]) -> String {
    let mut order: Vec<&str> = Vec::new();
    for c in cites {
        if let Some(t) = c.target.as_deref() {
            if !order.contains(&t) {
                order.push(t);
            }
        }
    }
    let mut out = String::from("<h2>Văn bản được trích dẫn</h2><ul class=\"sources\">");
    for t in &order {
        let Some(d) = snap.library.get(t) else { continue };
        let forms: Vec<String> = cites
            .iter()
            .filter(|c| c.target.as_deref() == Some(t))
            .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .fold(Vec::new(), |mut v, f| {
                if !v.contains(&f) {
                    v.push(f);
                }
                v
            });
        let _ = write!(
            out,
            "<li><a href=\"/van-ban/{}\">{}</a> {} <span class=\"muted\">{}</span><br><small>Được dẫn: {}</small></li>",
            esc(&d.meta.id),
            esc(&d.meta.label()),
            badge(d.meta.status),
            esc(&d.meta.title),
            esc(&forms.join(" · "))
        );
    }
    out.push_str("</ul>");
    let unresolved: Vec<&Citation> =
        cites.iter().filter(|c| c.target.is_none() && (c.number.is_some() || c.name.is_some())).collect();
    if !unresolved.is_empty() {
        out.push_str("<h2>Trích dẫn chưa xác định được</h2><ul class=\"warnings\">");
        for c in unresolved {
            let _ = write!(
                out,
                "<li>“{}” — đọc được: {}</li>",
                esc(&c.text.split_whitespace().collect::<Vec<_>>().join(" ")),
                esc(&citations::describe(c))
            );
        }
        out.push_str("</ul>");
    }
    out
}
