//! `GET /phap-dien` and `/phap-dien/{demuc}`: browsing the Bộ Pháp điển — the chủ đề (the
//! first number of a đề mục code) and their đề mục with the titles the dump gives, then
//! inside one đề mục its articles in Pháp điển order, grouped by source document and
//! chapter, with a breadcrumb and "Tìm trong đề mục này". The dump does not name the chủ đề
//! (its tree file is missing): their names come from the recorded table
//! [`crate::catalog::topics`] (`data/chu-de.tsv`, with its source).

use axum::extract::{Path, State};
use axum::response::Html;

use crate::search::Filters;
use crate::web::error::{AppError, PageError};
use crate::web::html::{html, page, Markup};
use crate::web::search::valid_demuc;
use crate::web::state::AppState;
use crate::web::url;

/// The chủ đề of a đề mục code: its first number ("44" for "44.13").
pub fn chu_de(demuc: &str) -> &str {
    demuc.split('.').next().unwrap_or(demuc)
}

/// "Chủ đề 44. Xây dựng pháp luật và thi hành pháp luật" (the name from
/// [`crate::catalog::topics`]; the bare number where the table has none).
pub fn chu_de_name(n: &str) -> String {
    match crate::catalog::topics::chu_de_name(n) {
        Some(name) => format!("Chủ đề {n}. {name}"),
        None => format!("Chủ đề {n}"),
    }
}

/// `GET /phap-dien`.
pub async fn index(State(state): State<AppState>) -> Html<String> {
    let snap = state.snapshot();
    let lib = &snap.library;
    let list: Vec<(&str, usize)> = lib.demuc_list().collect();
    // Consecutive đề mục of one chủ đề (the list is in đề mục order).
    let mut topics: Vec<(&str, Vec<(&str, usize)>)> = Vec::new();
    for (d, n) in &list {
        match topics.last_mut() {
            Some((t, v)) if *t == chu_de(d) => v.push((d, *n)),
            _ => topics.push((chu_de(d), vec![(d, *n)])),
        }
    }
    let docs_of = |d: &str| -> String {
        let mut seen: Vec<usize> = Vec::new();
        for a in lib.demuc(d).unwrap_or_default() {
            if !seen.contains(&a.doc) {
                seen.push(a.doc);
            }
        }
        seen.iter().take(3).map(|&i| lib.doc(i).meta.label()).collect::<Vec<_>>().join("; ")
    };
    let body = html! {
        section.prose {
            h1 { "Bộ Pháp điển" }
            @if list.is_empty() {
                p.muted { "Kho dữ liệu chưa có điều nào thuộc Bộ Pháp điển. Hãy nhập Bộ Pháp điển bằng " code { "cancu import" } "." }
            } @else {
                p { (topics.len()) " chủ đề, " (list.len()) " đề mục có trong kho. Chọn một đề mục để xem các chương và điều." }
                nav.topic-index aria-label="Chủ đề" {
                    @for (t, _) in &topics { a href={ "#chu-de-" (t) } { (t) } " " }
                }
                @for (t, demucs) in &topics {
                    section.topic id={ "chu-de-" (t) } {
                        h2 { (chu_de_name(t)) " " span.count { (demucs.len()) " đề mục" } }
                        ol.demuc-list {
                            @for (d, n) in demucs {
                                li {
                                    a href=(url::demuc(d)) { (lib.demuc_name(d)) }
                                    " " span.count { (n) " điều" } " " span.muted { (docs_of(d)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Html(page("Bộ Pháp điển", body).into_string())
}

/// The breadcrumb of a đề mục page: Bộ Pháp điển › Chủ đề N › Đề mục N.M. Title.
pub fn breadcrumb(snap: &crate::web::Snapshot, demuc: &str) -> Markup {
    let t = chu_de(demuc);
    html! {
        nav.breadcrumb aria-label="Vị trí" {
            a href="/phap-dien" { "Bộ Pháp điển" } " › "
            a href={ "/phap-dien#chu-de-" (t) } { (chu_de_name(t)) } " › "
            span { (snap.library.demuc_name(demuc)) }
        }
    }
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
    // Articles grouped by document, then by their chapter line.
    struct Row<'a> {
        division: Option<String>,
        id: &'a str,
        article: &'a str,
        title: &'a str,
        phapdien: &'a str,
    }
    let mut groups: Vec<(usize, Vec<Row<'_>>)> = Vec::new();
    let mut cur_div: Option<String> = None;
    for a in &arts {
        let d = lib.doc(a.doc);
        if groups.last().map(|g| g.0) != Some(a.doc) {
            groups.push((a.doc, Vec::new()));
            cur_div = None;
        }
        let div = d
            .divisions_of(a.article)
            .into_iter()
            .map(|v| format!("{} {}. {}", v.kind.as_vi(), v.number, v.title))
            .collect::<Vec<_>>()
            .join(" › ");
        let division = (!div.is_empty() && cur_div.as_deref() != Some(div.as_str())).then(|| div.clone());
        if division.is_some() {
            cur_div = Some(div);
        }
        let title = d.article(a.article).map(|x| x.title.as_str()).unwrap_or("");
        if let Some(g) = groups.last_mut() {
            g.1.push(Row {
                division,
                id: &d.meta.id,
                article: a.article,
                title,
                phapdien: a.phapdien.unwrap_or(""),
            });
        }
    }
    let within = Filters { demuc: Some(demuc.clone()), ..Filters::default() };
    let name = lib.demuc_name(&demuc);
    let body = html! {
        section.prose {
            (breadcrumb(&snap, &demuc))
            h1 { (name) }
            p { (arts.len()) " điều · " a href=(url::search("", &within)) { "Tìm trong đề mục này" } }
            form.search action="/" method="get" role="search" {
                input type="hidden" name="demuc" value=(demuc);
                div.row {
                    input type="search" name="q" placeholder="Tìm trong đề mục này" aria-label="Tìm trong đề mục này";
                    button type="submit" { "Tìm" }
                }
            }
            @for (doc, rows) in &groups {
                @let d = lib.doc(*doc);
                h2.pd-doc { a href=(url::document(&d.meta.id)) { (d.meta.label()) } " " small { (d.meta.title) } }
                ul.pd-articles {
                    @for r in rows {
                        @if let Some(div) = &r.division { li.pd-div { (div) } }
                        li { a href=(url::article(r.id, r.article)) { "Điều " (r.article) ". " (r.title) } " " span.muted { (r.phapdien) } }
                    }
                }
            }
        }
    };
    Ok(Html(page(&name, body).into_string()))
}
