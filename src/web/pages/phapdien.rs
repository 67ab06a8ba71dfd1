//! `GET /phap-dien` and `/phap-dien/{demuc}`: browsing the Bộ Pháp điển — the đề mục, then
//! inside one đề mục its articles in Pháp điển order, grouped by source document and chapter.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::response::Html;

use crate::structure::anchor;
use crate::web::error::{AppError, PageError};
use crate::web::html::{esc, href, layout};
use crate::web::search::valid_demuc;
use crate::web::state::AppState;

/// `GET /phap-dien`.
pub async fn index(State(state): State<AppState>) -> Html<String> {
    let snap = state.snapshot();
    let lib = &snap.library;
    let mut body = String::from("<section class=\"prose\"><h1>Bộ Pháp điển</h1>");
    let list: Vec<(&str, usize)> = lib.demuc_list().collect();
    if list.is_empty() {
        body.push_str("<p class=\"muted\">Kho dữ liệu chưa có điều nào thuộc Bộ Pháp điển. Hãy nhập Bộ Pháp điển bằng <code>cancu import</code>.</p>");
    } else {
        let _ = write!(
            body,
            "<p>{} đề mục. Chọn một đề mục để xem các chương và điều.</p><ol class=\"demuc-list\">",
            list.len()
        );
        for (d, n) in list {
            let docs = lib.demuc(d).map(|arts| {
                let mut seen: Vec<usize> = Vec::new();
                for a in arts {
                    if !seen.contains(&a.doc) {
                        seen.push(a.doc);
                    }
                }
                seen.iter().take(3).map(|&i| lib.doc(i).meta.label()).collect::<Vec<_>>().join("; ")
            });
            let _ = write!(
                body,
                "<li><a href=\"/phap-dien/{}\">Đề mục {}</a> <span class=\"count\">{n} điều</span> <span class=\"muted\">{}</span></li>",
                esc(d),
                esc(d),
                esc(&docs.unwrap_or_default())
            );
        }
        body.push_str("</ol>");
    }
    body.push_str("</section>");
    Html(layout("Bộ Pháp điển", "", &body))
}

/// `GET /phap-dien/{demuc}`.
pub async fn demuc(
    State(state): State<AppState>,
    Path(demuc): Path<String>,
) -> Result<Html<String>, PageError> {
    if !valid_demuc(&demuc) {
        return Err(AppError::bad_request("bad_demuc", "Số đề mục không hợp lệ (ví dụ: 44.13).").into());
    }
    let snap = state.snapshot();
    let lib = &snap.library;
    let arts = lib
        .demuc(&demuc)
        .ok_or_else(|| AppError::not_found(format!("Không có đề mục {demuc} trong kho dữ liệu.")))?;
    let mut body = format!(
        "<section class=\"prose\"><p class=\"kicker\"><a href=\"/phap-dien\">Bộ Pháp điển</a></p><h1>Đề mục {}</h1><p>{} điều · <a href=\"{}\">Tìm trong đề mục này</a></p>",
        esc(&demuc),
        arts.len(),
        esc(&href("/", &[("demuc", &demuc), ("q", "")]))
    );
    let mut cur_doc: Option<usize> = None;
    let mut cur_div: Option<String> = None;
    let mut open = false;
    for a in arts {
        let d = lib.doc(a.doc);
        if cur_doc != Some(a.doc) {
            if open {
                body.push_str("</ul>");
            }
            let _ = write!(
                body,
                "<h2 class=\"pd-doc\"><a href=\"/van-ban/{}\">{}</a> <small>{}</small></h2>",
                esc(&d.meta.id),
                esc(&d.meta.label()),
                esc(&d.meta.title)
            );
            body.push_str("<ul class=\"pd-articles\">");
            open = true;
            cur_doc = Some(a.doc);
            cur_div = None;
        }
        let div = d
            .divisions_of(a.article)
            .into_iter()
            .map(|v| format!("{} {}. {}", v.kind.as_vi(), v.number, v.title))
            .collect::<Vec<_>>()
            .join(" › ");
        if !div.is_empty() && cur_div.as_deref() != Some(div.as_str()) {
            let _ = write!(body, "<li class=\"pd-div\">{}</li>", esc(&div));
            cur_div = Some(div);
        }
        let title = d.article(a.article).map(|x| x.title.as_str()).unwrap_or("");
        let _ = write!(
            body,
            "<li><a href=\"/van-ban/{}#{}\">Điều {}. {}</a> <span class=\"muted\">{}</span></li>",
            esc(&d.meta.id),
            esc(&anchor(a.article, None, None)),
            esc(a.article),
            esc(title),
            esc(a.phapdien.unwrap_or(""))
        );
    }
    if open {
        body.push_str("</ul>");
    }
    body.push_str("</section>");
    Ok(Html(layout(&format!("Đề mục {demuc}"), "", &body)))
}
