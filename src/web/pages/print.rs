//! `GET /in?a=<doc>:<article>&a=<doc>…`: chosen articles (or whole documents) as one clean
//! printable page for trainers, in the order asked, with the source under each heading.

use std::fmt::Write;

use axum::extract::{RawQuery, State};
use axum::response::Html;

use crate::web::api::{article, document};
use crate::web::error::{AppError, PageError};
use crate::web::html::{badge, esc};
use crate::web::limits::MAX_PRINT_ARTICLES;
use crate::web::query::Params;
use crate::web::render::{self, no_links, ArticleOptions};
use crate::web::state::AppState;

/// `GET /in`.
pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let params = Params::parse_query(raw.as_deref())?;
    let picks: Vec<&str> = params.all("a").map(str::trim).filter(|s| !s.is_empty()).collect();
    if picks.is_empty() {
        return Err(AppError::bad_request(
            "nothing_to_print",
            "Chưa chọn điều nào để in: mở một văn bản và đánh dấu các điều cần in.",
        )
        .into());
    }
    let snap = state.snapshot();
    let opts = ArticleOptions { anchors: false, print_checkbox: None, links: &no_links };
    let mut sections = String::new();
    let mut count = 0;
    let mut last_doc: Option<&str> = None;
    for pick in &picks {
        let (id, n) = match pick.split_once(':') {
            Some((id, n)) => (id, Some(n)),
            None => (*pick, None),
        };
        let d = document(&snap, id)?;
        let d = &*d;
        let arts: Vec<&crate::model::Article> = match n {
            Some(n) => vec![article(d, n)?],
            None => d.articles().collect(),
        };
        count += arts.len();
        if count > MAX_PRINT_ARTICLES {
            return Err(AppError::bad_request(
                "too_many_articles",
                format!("Chỉ in được tối đa {MAX_PRINT_ARTICLES} điều một lần."),
            )
            .into());
        }
        if last_doc != Some(id) {
            let _ = write!(
                sections,
                "<h2 class=\"print-doc\">{} <small>{}</small> {}</h2>",
                esc(&d.meta.label()),
                esc(&d.meta.title),
                badge(d.meta.status)
            );
            last_doc = Some(id);
        }
        for a in arts {
            sections.push_str(&render::article(a, &opts));
        }
    }
    let html = format!(
        r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bản in · căn cứ</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body class="print-page">
<p class="no-print print-actions"><a href="/">← Về trang tìm kiếm</a> <button type="button" class="print-now" hidden>In trang này</button> <span class="muted">Dùng lệnh In của trình duyệt (Ctrl+P).</span></p>
<main class="printed">
<h1>Trích các điều ({count} điều)</h1>
{sections}
<p class="print-foot">In từ căn cứ. Văn bản tham khảo; đối chiếu bản chính thức trước khi sử dụng.</p>
</main>
</body>
</html>
"#
    );
    Ok(Html(html))
}
