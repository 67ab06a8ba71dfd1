//! `GET /?q=…` (and `/tim-kiem`): the search page — a form with filters, hits with
//! highlighted snippets (optionally grouped by document, `nhom=van-ban`), paging, then the
//! facet counts that narrow the search: after the hits in the page's order (screen readers,
//! narrow screens and print meet the results first), each facet's long tail collapsed in a
//! `<details>`; a number the corpus does not hold gets a plain notice ("Không có văn bản số … trong
//! kho") with close matches and the official portal's search. Without `q`, a start page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::model::{DocType, Metadata, Status};
use crate::search::{FacetCount, Hit};
use crate::web::error::{AppError, PageError};
use crate::web::html::{badge, html, page_with_query, Markup, PreEscaped};
use crate::web::query::Typed;
use crate::web::search::{hit_url, run, NotFound, Page, Request, SearchParams};
use crate::web::state::AppState;
use crate::web::url;

/// The request's link with `key` set to `value` ("" removes it); the page is reset unless
/// `key` is the page.
fn with(req: &Request, key: &str, value: &str) -> String {
    let mut f = req.filters.clone();
    let mut q = req.q.as_str();
    match key {
        "q" => q = value,
        "type" => f.doc_type = value.parse().ok(),
        "status" => f.status = value.parse().ok(),
        "year" => f.year = value.parse().ok(),
        "issuer" => f.issuer = Some(value.to_string()).filter(|v| !v.is_empty()),
        "demuc" => f.demuc = Some(value.to_string()).filter(|v| !v.is_empty()),
        _ => {}
    }
    let mut out = url::search(q, &f);
    let mut extra: Vec<(&str, &str)> = Vec::new();
    let page = req.page.to_string();
    match key {
        "page" => extra.push(("page", value)),
        "nhom" => extra.push(("nhom", value)),
        _ if req.by_document => extra.push(("nhom", "van-ban")),
        _ => {}
    }
    if key == "nhom" && req.page > 1 {
        extra.push(("page", &page));
    }
    for (k, v) in extra.into_iter().filter(|(_, v)| !v.is_empty()) {
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(&crate::web::html::url_encode(k));
        out.push('=');
        out.push_str(&crate::web::html::url_encode(v));
    }
    out
}

/// The search form with its filters (selects submit on change with the script; a button
/// without it).
fn filter_form(req: &Request) -> Markup {
    let f = &req.filters;
    html! {
        form.search action="/" method="get" role="search" {
            div.row {
                input type="search" name="q" value=(req.q)
                    placeholder="Ví dụ: quy trình bầu trưởng thôn, 59/2023/NĐ-CP, khoản 2 Điều 5 Luật 10/2022/QH15"
                    maxlength=(crate::web::limits::MAX_QUERY_CHARS) aria-label="Câu tìm kiếm" autofocus;
                button type="submit" { "Tìm kiếm" }
            }
            div.row.filters {
                label { "Loại văn bản " select.auto name="type" {
                    option value="" { "Tất cả" }
                    @for t in DocType::ALL {
                        option value=(t.slug()) selected[f.doc_type == Some(*t)] { (t.as_vi()) }
                    }
                } }
                label { "Hiệu lực " select.auto name="status" {
                    option value="" { "Tất cả" }
                    @for s in Status::ALL {
                        option value=(s.code()) selected[f.status == Some(s)] { (s.as_vi()) }
                    }
                } }
                label { "Năm ban hành " input.year type="number" name="year" min="1900" max="2100"
                    value=(f.year.map(|y| y.to_string()).unwrap_or_default()); }
                @if let Some(i) = &f.issuer { input type="hidden" name="issuer" value=(i); }
                @if let Some(d) = &f.demuc { input type="hidden" name="demuc" value=(d); }
                @if req.by_document { input type="hidden" name="nhom" value="van-ban"; }
                noscript { button type="submit" { "Lọc" } }
            }
        }
    }
}

fn chips(snap: &crate::web::Snapshot, req: &Request) -> Markup {
    let f = &req.filters;
    let mut chips: Vec<(String, &str)> = Vec::new();
    if let Some(t) = f.doc_type {
        chips.push((format!("Loại: {}", t.as_vi()), "type"));
    }
    if let Some(s) = f.status {
        chips.push((format!("Hiệu lực: {}", s.as_vi()), "status"));
    }
    if let Some(y) = f.year {
        chips.push((format!("Năm: {y}"), "year"));
    }
    if let Some(i) = &f.issuer {
        chips.push((format!("Cơ quan: {i}"), "issuer"));
    }
    if let Some(d) = &f.demuc {
        chips.push((snap.library.demuc_name(d), "demuc"));
    }
    html! {
        @if !chips.is_empty() {
            p.chips { "Đang lọc: "
                @for (label, key) in chips {
                    a.chip href=(with(req, key, "")) title="Bỏ bộ lọc này" { (label) " ×" } " "
                }
            }
        }
    }
}

/// Values of a facet shown open; the rest are in a collapsed `<details>`.
const FACET_SHOWN: usize = 5;

fn facet(req: &Request, title: &str, key: &str, values: &[FacetCount]) -> Markup {
    let item = |v: &FacetCount| {
        html! {
            li { a href=(with(req, key, &v.value)) { (v.label) } " " span.count title="số kết quả" { (v.count) } }
        }
    };
    let (shown, more) = values.split_at(values.len().min(FACET_SHOWN));
    html! {
        @if !values.is_empty() {
            section.facet {
                h3 { (title) }
                ul { @for v in shown { (item(v)) } }
                @if !more.is_empty() {
                    details.more {
                        summary { "Thêm " (more.len()) " mục" }
                        ul { @for v in more { (item(v)) } }
                    }
                }
            }
        }
    }
}

/// How a document is named to people: a code, law or ordinance by its name ("Bộ luật Lao
/// động", with the type in front when the title lacks it), any other by its type and number
/// ("Nghị định 59/2023/NĐ-CP"), whose title describes rather than names it.
pub fn display_name(m: &Metadata) -> String {
    let named = matches!(m.doc_type, DocType::HienPhap | DocType::BoLuat | DocType::Luat | DocType::PhapLenh);
    let t = m.doc_type.as_vi();
    if m.title.is_empty() || !named && m.canonical.is_some() {
        m.label()
    } else if crate::text::fold(&m.title).starts_with(&crate::text::fold(t)) {
        m.title.clone()
    } else {
        format!("{t} {}", m.title)
    }
}

fn hit_doc_label(h: &Hit) -> String {
    match &h.number {
        Some(n) => format!("{} {n}", h.doc_type.as_vi()),
        None => h.doc_title.clone(),
    }
}

fn hit(snap: &crate::web::Snapshot, h: &Hit, with_doc: bool) -> Markup {
    let title = match &h.article {
        Some(a) => format!("Điều {a}. {}", h.title),
        None => h.title.clone(),
    };
    // A replaced document says by what (validity records, issue #11).
    let replaced = snap
        .validity
        .as_ref()
        .map(|v| v.replaced_by(&h.id, crate::model::Date::today()))
        .filter(|by| !by.is_empty());
    let demuc = h.demuc.as_deref().map(|d| snap.library.demuc_name(d));
    html! {
        li.hit {
            h2 { a href=(hit_url(h)) { (title) } }
            p.meta {
                @if with_doc { (hit_doc_label(h)) " " }
                (badge(h.status))
                @if let Some(by) = replaced { " " span.replaced { "đã được thay thế bởi " (by.join(", ")) } }
                @if let Some(d) = demuc { " " span.muted { "Pháp điển: " (d) } }
            }
            // `snippet` is the searcher's HTML: its text escaped, matches in <mark>.
            p.snippet { (PreEscaped(&h.snippet)) }
        }
    }
}

fn hits(snap: &crate::web::Snapshot, req: &Request, p: &Page) -> Markup {
    let r = &p.results;
    if !req.by_document {
        return html! {
            ol.hits start=(r.offset + 1) { @for h in &r.hits { (hit(snap, h, true)) } }
        };
    }
    // Grouped by document, in the order of each document's best hit on this page.
    let mut groups: Vec<(&str, Vec<&Hit>)> = Vec::new();
    for h in &r.hits {
        match groups.iter_mut().find(|(id, _)| *id == h.id) {
            Some((_, v)) => v.push(h),
            None => groups.push((&h.id, vec![h])),
        }
    }
    html! {
        @for (id, hs) in groups {
            section.hit-group {
                h2.group {
                    a href=(url::document(id)) { (hit_doc_label(hs[0])) }
                    " " small.muted { (hs[0].doc_title) } " " span.count { (hs.len()) " kết quả" }
                }
                ul.hits { @for h in hs { (hit(snap, h, false)) } }
            }
        }
    }
}

fn not_found_box(nf: &NotFound) -> Markup {
    html! {
        section.not-found role="status" {
            p.notice { strong { "Không có văn bản số " (nf.read) " trong kho dữ liệu." } }
            p { "Kho chỉ có những văn bản đã nhập và những văn bản được các văn bản này trích dẫn; văn bản này không thuộc hai loại đó." }
            @if !nf.close.is_empty() {
                p { "Văn bản có số gần giống:" }
                ul.close { @for c in &nf.close {
                    li { a href=(c.url) { (c.label) } " " span.muted { (c.title) } }
                } }
            }
            p { a href=(nf.official_search) rel="noopener noreferrer nofollow" { "Tìm “" (nf.read) "” trên Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn)" } }
        }
    }
}

fn results(snap: &crate::web::Snapshot, req: &Request, p: &Page) -> Markup {
    let r = &p.results;
    let total = p.total();
    let pages = total.div_ceil(p.per_page).min(crate::web::limits::MAX_PAGE);
    html! {
        (chips(snap, req))
        @if let Some(nf) = &p.not_found { (not_found_box(nf)) }
        @if let Some(n) = &r.notice { p.notice { (n) } }
        @if let Some(s) = &r.suggestion {
            p.suggestion { "Có phải bạn muốn tìm: " a href=(with(req, "q", s)) { (s) } "?" }
        }
        @if let Some(route) = &r.route { (route_box(snap, route)) }
        @if p.not_found.is_some() && !r.hits.is_empty() {
            // The number is the answer; the word matches stay out of the way.
            details.word-hits {
                summary { "Xem " (total) " kết quả tìm theo từng từ của câu tìm kiếm" }
                (grid(snap, req, p, total, pages))
            }
        } @else {
            (grid(snap, req, p, total, pages))
        }
    }
}

/// The hits and the pager, then the facets: results first in the page's order (screen
/// readers, narrow screens, printing), the facets after them (beside them on a wide screen),
/// each facet's first [`FACET_SHOWN`] values open and the rest collapsed.
fn grid(snap: &crate::web::Snapshot, req: &Request, p: &Page, total: usize, pages: usize) -> Markup {
    let r = &p.results;
    let facets = r.facets.as_ref().filter(|_| !r.hits.is_empty());
    html! {
        div.results-grid {
            section.hits {
                @if r.hits.is_empty() {
                    @if p.not_found.is_none() {
                        p.none { "Không tìm thấy kết quả cho “" (req.q) "”. Hãy thử bỏ bớt từ, bỏ bộ lọc, hoặc gõ số hiệu văn bản." }
                    }
                } @else {
                    p.total {
                        @if p.results.total_approximate { "Khoảng " }
                        (total) " kết quả cho “" (req.q) "” "
                        span.muted { "(mỗi kết quả là một điều hoặc một văn bản có từ của câu tìm kiếm)" }
                        " · "
                        @if req.by_document {
                            a href=(with(req, "nhom", "")) { "Không nhóm" }
                        } @else {
                            a href=(with(req, "nhom", "van-ban")) { "Nhóm theo văn bản" }
                        }
                        @if facets.is_some() { " · " a.no-print href="#loc-ket-qua" { "Lọc kết quả" } }
                    }
                    (hits(snap, req, p))
                    @if pages > 1 {
                        nav.pager aria-label="Trang" {
                            @if p.page > 1 {
                                a rel="prev" href=(with(req, "page", &(p.page - 1).to_string())) { "← Trang trước" }
                            }
                            span { "Trang " (p.page) " / " (pages) }
                            @if p.page < pages {
                                a rel="next" href=(with(req, "page", &(p.page + 1).to_string())) { "Trang sau →" }
                            }
                        }
                    }
                }
            }
            @if let Some(f) = facets {
                aside.facets #loc-ket-qua aria-labelledby="loc-ket-qua-h" {
                    h2 #loc-ket-qua-h { "Lọc kết quả" }
                    p.muted { "Số bên cạnh mỗi mục: số kết quả (điều hoặc văn bản) thuộc mục đó." }
                    (facet(req, "Loại văn bản", "type", &f.doc_type))
                    (facet(req, "Hiệu lực", "status", &f.status))
                    (facet(req, "Năm ban hành", "year", &f.year))
                    (facet(req, "Cơ quan ban hành", "issuer", &f.issuer))
                    (facet(req, "Đề mục Pháp điển", "demuc", &f.demuc))
                }
            }
        }
    }
}

/// Where the query was routed: the document(s) or article it names, by name ("Bộ luật Lao
/// động") with the number beside.
fn route_box(snap: &crate::web::Snapshot, route: &crate::search::Route) -> Markup {
    let lib = &snap.library;
    let entry = |id: &str| -> Option<(String, String, crate::model::Status)> {
        let m = lib.get(id).map(|d| &d.meta).or_else(|| snap.catalog.get(id))?;
        Some((display_name(m), m.label(), m.status))
    };
    html! {
        section.route {
            p { "Văn bản được nhắc tới:" }
            ul {
                @match route {
                    crate::search::Route::Document { ids } => {
                        @for id in ids { @if let Some((name, label, status)) = entry(id) {
                            li { a href=(url::document(id)) { (name) } " " (badge(status)) " " span.muted { (label) } }
                        } }
                    }
                    crate::search::Route::Article { id, article, clause, point } => {
                        @if let Some((name, label, status)) = entry(id) {
                            @let anchor = crate::structure::anchor(article, clause.as_deref(), point.as_deref());
                            @let pin = crate::graph::pinpoint_vi(Some(article), clause.as_deref(), clause.as_deref().and(point.as_deref())).unwrap_or_default();
                            li { a href=(url::at(id, Some(&anchor))) { (pin) " " (name) } " " (badge(status)) " " span.muted { (label) } }
                        }
                    }
                }
            }
        }
    }
}

fn start_page(state: &AppState) -> Markup {
    let snap = state.snapshot();
    let docs = snap.library.len();
    let articles: usize = snap.library.documents().map(|d| d.articles().count()).sum();
    let examples = [
        "quy trình bầu trưởng thôn",
        "bau truong thon",
        "59/2023/NĐ-CP",
        "khoản 2 Điều 5 Luật 10/2022/QH15",
        "tiếp cận thông tin",
    ];
    let none = crate::search::Filters::default();
    let data = snap.catalog.data_date();
    html! {
        section.intro {
            p { "Kho dữ liệu hiện có " strong { (docs) } " văn bản, " strong { (articles) } " điều. Gõ từ khoá (có dấu hoặc không dấu), số hiệu văn bản hoặc dẫn chiếu tới điều, khoản." }
            @if let Some(d) = &data {
                p.muted { "Dữ liệu cập nhật đến " (d.date.vi()) " (văn bản mới nhất của bản " (d.release) ")." }
            }
            @if articles == 0 {
                section.not-found {
                    p { strong { "Kho chưa có toàn văn." } " Hiện chỉ có các bản ghi thông tin văn bản (siêu dữ liệu)." }
                    p { "Để có toàn văn: tải tệp Bộ Pháp điển điện tử (.zip) từ cổng "
                        a href="https://phapdien.moj.gov.vn" { "phapdien.moj.gov.vn" }
                        ", rồi chạy " code { "cancu import <tệp .zip hoặc đường dẫn https://…>" }
                        " và " code { "cancu index" } ", sau đó khởi động lại " code { "cancu serve" } "." }
                }
            }
            p { "Ví dụ: "
                @for (i, e) in examples.iter().enumerate() {
                    @if i > 0 { " · " }
                    a href=(url::search(e, &none)) { (e) }
                }
            }
            p { a href="/phap-dien" { "Duyệt Bộ Pháp điển theo chủ đề và đề mục" } " · " a href="/lien-ket" { "Liên kết một kế hoạch với căn cứ pháp lý" } }
        }
    }
}

/// `GET /`.
pub async fn page(
    State(state): State<AppState>,
    params: Result<Typed<SearchParams>, AppError>,
) -> Result<Response, PageError> {
    let Typed(params) = params?;
    let req = Request::from_typed(params)?;
    let mut status = StatusCode::OK;
    let (title, main) = if req.q.is_empty() {
        ("Tìm kiếm".to_string(), start_page(&state))
    } else {
        let snap = state.snapshot();
        let main = match run(&snap, &req) {
            Ok(p) => results(&snap, &req, &p),
            // A query the searcher cannot read: say why, under the form, so it can be fixed.
            Err(e) if e.status.is_client_error() => {
                status = e.status;
                html! { p.notice { (e.message) } }
            }
            Err(e) => return Err(e.into()),
        };
        (format!("{} – tìm kiếm", req.q), main)
    };
    let body = html! {
        h1.sr { "Tìm kiếm văn bản" }
        (filter_form(&req))
        (main)
    };
    Ok((status, Html(page_with_query(&title, &req.q, body).into_string())).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_documents_as_people_do() {
        let m = |t: DocType, title: &str| {
            let mut m = Metadata::new("x", t, title);
            m.canonical = Some("45/2019/QH14".into());
            m
        };
        let rows = [
            (m(DocType::BoLuat, "Bộ luật Lao động"), "Bộ luật Lao động"),
            (m(DocType::Luat, "Thực hiện dân chủ ở cơ sở"), "Luật Thực hiện dân chủ ở cơ sở"),
            (m(DocType::Luat, ""), "Luật 45/2019/QH14"),
            (m(DocType::NghiDinh, "Quy định chi tiết Luật X"), "Nghị định 45/2019/QH14"),
        ];
        for (meta, want) in rows {
            assert_eq!(display_name(&meta), want);
        }
    }
}
