//! `GET /so-sanh?a=<document id>:<article>`: an article's versions in two Pháp điển releases
//! side by side, words removed and added marked; `GET /api/versions?a=…` gives the same as
//! JSON ([`crate::validity::versions::Versions`]). Written with `maud::html!`, which escapes
//! every value by construction. A release that lacks the article is shown as a hint, never as
//! a repeal.

use axum::extract::{RawQuery, State};
use axum::response::Html;
use axum::Json;
use maud::{html, Markup};

use crate::validity::versions::{self, OpKind, Versions};
use crate::web::api::{check_article, check_id, document};
use crate::web::error::{AppError, PageError};
use crate::web::query::Params;
use crate::web::state::AppState;

/// Reads `a=<document id>:<article>` and finds the article's versions.
fn versions_of(state: &AppState, raw: Option<&str>) -> Result<Versions, AppError> {
    let params = Params::parse_query(raw)?;
    let a = params.one("a")?.ok_or_else(|| {
        AppError::bad_request(
            "missing_article",
            "Thiếu tham số a (mã văn bản:số điều, ví dụ luat-10-2022-qh15:5).",
        )
    })?;
    let (id, n) = a.split_once(':').ok_or_else(|| {
        AppError::bad_request(
            "bad_article",
            "Tham số a phải có dạng mã văn bản:số điều (ví dụ luat-10-2022-qh15:5).",
        )
    })?;
    check_id(id)?;
    check_article(n)?;
    let snap = state.snapshot();
    let d = document(&snap, id)?;
    if !d.articles().any(|a| a.number == n) {
        return Err(AppError::not_found(format!("{} không có Điều {n} trong kho dữ liệu.", d.meta.label())));
    }
    versions::of_article(&d, n).ok_or_else(|| {
        AppError::not_found(format!(
            "Điều {n} {} không có bản nào khác trong kho dữ liệu (cùng một nội dung ở mọi bản Pháp điển đã nhập, hoặc chỉ có trong một bản): không có gì để so sánh.",
            d.meta.label()
        ))
    })
}

/// `GET /api/versions?a=<document id>:<article>`.
pub async fn api(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<Versions>, AppError> {
    Ok(Json(versions_of(&state, raw.as_deref())?))
}

/// The release's name as users read it ("Pháp điển 2024").
fn release_label(release: &str) -> String {
    match crate::import::phapdien::release_year(release) {
        0 => release.to_string(),
        y => format!("Pháp điển {y}"),
    }
}

/// One column: the ops of one side (`skip` is the other side's kind), paragraphs kept.
fn column(v: &Versions, skip: OpKind, release: &str) -> Markup {
    let mark = |op: OpKind, text: &str| match op {
        OpKind::Equal => html! { (text) },
        OpKind::Delete => html! { del class="diff-del" { (text) } },
        OpKind::Insert => html! { ins class="diff-ins" { (text) } },
    };
    html! {
        div class="version" {
            h2 { (release_label(release)) }
            div class="version-text" style="white-space: pre-wrap" {
                @for o in v.diff.iter().filter(|o| o.op != skip) { (mark(o.op, &o.text)) }
            }
        }
    }
}

/// The comparison's body (its own function so tests read it without a server).
pub fn body(v: &Versions) -> Markup {
    let back = crate::web::url::article(&v.document, &v.article);
    html! {
        section class="compare" {
            h1 { "So sánh phiên bản: Điều " (v.article) " " (v.label) }
            p { a href=(back) { "← Về điều này trong văn bản" } }
            @if let Some(note) = &v.note {
                p class="notice" { (note) }
                @for ver in &v.versions {
                    div class="version" {
                        h2 { (release_label(&ver.release)) }
                        @if ver.absent {
                            p class="muted" { "Không có điều này trong bản này." }
                        } @else {
                            h3 { (ver.title) }
                            div class="version-text" style="white-space: pre-wrap" { (ver.text.as_deref().unwrap_or("")) }
                        }
                    }
                }
            } @else {
                p class="muted" {
                    "Chữ bị bỏ ở bản " (release_label(&v.from)) " được gạch đi; chữ được thêm ở bản "
                    (release_label(&v.to)) " được tô đậm."
                }
                div class="compare-grid" style="display: grid; grid-template-columns: 1fr 1fr; gap: 1em" {
                    (column(v, OpKind::Insert, &v.from))
                    (column(v, OpKind::Delete, &v.to))
                }
            }
        }
    }
}

/// `GET /so-sanh?a=<document id>:<article>`.
pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Html<String>, PageError> {
    let v = versions_of(&state, raw.as_deref()).map_err(PageError)?;
    let title = format!("So sánh phiên bản Điều {} {}", v.article, v.label);
    Ok(Html(crate::web::html::page(&title, body(&v)).into_string()))
}

/// The document page's "Phiên bản khác" panel: each article with versions, linked "So sánh
/// phiên bản"; nothing when no article has any.
pub fn panel(d: &crate::model::Document) -> Markup {
    let arts = versions::articles_with_versions(d);
    if arts.is_empty() {
        return html! {};
    }
    html! {
        section class="panel" id="phien-ban" {
            h2 { "Phiên bản khác" }
            p class="muted" { "Các điều có nội dung khác nhau giữa các bản Pháp điển (hoặc không có trong bản mới hơn)." }
            ul {
                @for n in arts {
                    li {
                        a href=(crate::web::url::article(&d.meta.id, n)) { "Điều " (n) }
                        " — "
                        a class="versions-link" href=(crate::web::url::compare(&d.meta.id, n)) { "So sánh phiên bản" }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ArticleMeta, ArticleVersion, DocType, Document, Metadata};

    fn doc(second: Option<&str>) -> Document {
        let mut meta = Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật thử");
        meta.canonical = Some("1/2020/QH14".into());
        let v = |r: &str, t: Option<&str>| ArticleVersion {
            release: r.into(),
            absent: t.is_none(),
            title: if t.is_some() { "Quyền <b>".into() } else { String::new() },
            text: t.map(String::from),
        };
        meta.articles = vec![ArticleMeta {
            number: "3".into(),
            versions: vec![v("phapdien-2024", Some("được nghỉ <script>")), v("phapdien-2026", second)],
            ..Default::default()
        }];
        Document { meta, body: Vec::new() }
    }

    #[test]
    fn two_columns_marked_and_escaped() {
        let v = crate::validity::versions::of_article(&doc(Some("được nghỉ phép <script>")), "3").unwrap();
        let html = super::body(&v).into_string();
        assert!(html.contains("Pháp điển 2024") && html.contains("Pháp điển 2026"), "{html}");
        assert!(html.contains("<ins class=\"diff-ins\">phép </ins>"), "{html}");
        assert!(html.contains("&lt;script&gt;") && !html.contains("<script>"), "{html}");
        assert!(html.contains("href=\"/van-ban/luat-1-2020-qh14#dieu-3\""), "{html}");
    }

    #[test]
    fn the_document_panel_links_each_article_with_versions() {
        let html = super::panel(&doc(Some("khác"))).into_string();
        assert!(html.contains("href=\"/so-sanh?a=luat-1-2020-qh14%3A3\">So sánh phiên bản</a>"), "{html}");
        let mut none = doc(Some("khác"));
        none.meta.articles[0].versions.clear();
        assert_eq!(super::panel(&none).into_string(), "");
    }

    #[test]
    fn a_missing_article_is_a_hint() {
        let v = crate::validity::versions::of_article(&doc(None), "3").unwrap();
        let html = super::body(&v).into_string();
        assert!(html.contains("không phải căn cứ"), "{html}");
        assert!(html.contains("Không có điều này trong bản này."), "{html}");
        assert!(!html.contains("diff-del"), "{html}");
    }
}
