//! `GET /?q=…`: the search page — a form with filters, facet counts that narrow the search,
//! hits with highlighted snippets, paging. Without `q`, a start page.

use std::fmt::Write;

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::model::{DocType, Status};
use crate::search::FacetCount;
use crate::web::error::PageError;
use crate::web::html::{badge, esc, href, layout};
use crate::web::query::Params;
use crate::web::search::{hit_url, run, Page, Request};
use crate::web::state::AppState;

/// The request's parameters as pairs, with `key` replaced by `value` ("" removes it) and the
/// page reset.
fn with(req: &Request, key: &str, value: &str) -> String {
    let f = &req.filters;
    let year = f.year.map(|y| y.to_string()).unwrap_or_default();
    let mut pairs: Vec<(&str, String)> = vec![
        ("q", req.q.clone()),
        ("type", f.doc_type.map(|t| t.slug().to_string()).unwrap_or_default()),
        ("status", f.status.map(|s| s.code().to_string()).unwrap_or_default()),
        ("year", year),
        ("issuer", f.issuer.clone().unwrap_or_default()),
        ("demuc", f.demuc.clone().unwrap_or_default()),
    ];
    match pairs.iter_mut().find(|(k, _)| *k == key) {
        Some(p) => p.1 = value.to_string(),
        None => pairs.push((key, value.to_string())),
    }
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    href("/", &refs)
}

fn filter_form(req: &Request) -> String {
    let f = &req.filters;
    let mut out = String::new();
    let _ = write!(
        out,
        "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\"><div class=\"row\"><input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Ví dụ: quy trình bầu trưởng thôn, 59/2023/NĐ-CP, khoản 2 Điều 5 Luật 10/2022/QH15\" maxlength=\"{}\" aria-label=\"Câu tìm kiếm\" autofocus><button type=\"submit\">Tìm kiếm</button></div><div class=\"row filters\">",
        esc(&req.q),
        crate::web::limits::MAX_QUERY_CHARS
    );
    out.push_str(
        "<label>Loại văn bản <select name=\"type\" class=\"auto\"><option value=\"\">Tất cả</option>",
    );
    for t in DocType::ALL {
        let sel = if f.doc_type == Some(*t) { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{sel}>{}</option>", t.slug(), esc(t.as_vi()));
    }
    out.push_str("</select></label><label>Hiệu lực <select name=\"status\" class=\"auto\"><option value=\"\">Tất cả</option>");
    for s in Status::ALL {
        let sel = if f.status == Some(s) { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{sel}>{}</option>", s.code(), esc(s.as_vi()));
    }
    let year = f.year.map(|y| y.to_string()).unwrap_or_default();
    let _ = write!(
        out,
        "</select></label><label>Năm ban hành <input type=\"number\" name=\"year\" min=\"1900\" max=\"2100\" value=\"{}\" class=\"year\"></label>",
        esc(&year)
    );
    if let Some(i) = &f.issuer {
        let _ = write!(out, "<input type=\"hidden\" name=\"issuer\" value=\"{}\">", esc(i));
    }
    if let Some(d) = &f.demuc {
        let _ = write!(out, "<input type=\"hidden\" name=\"demuc\" value=\"{}\">", esc(d));
    }
    out.push_str("<noscript><button type=\"submit\">Lọc</button></noscript></div></form>");
    out
}

fn chips(req: &Request) -> String {
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
        chips.push((format!("Đề mục: {d}"), "demuc"));
    }
    if chips.is_empty() {
        return String::new();
    }
    let mut out = String::from("<p class=\"chips\">Đang lọc: ");
    for (label, key) in chips {
        let _ = write!(
            out,
            "<a class=\"chip\" href=\"{}\" title=\"Bỏ bộ lọc này\">{} ×</a> ",
            esc(&with(req, key, "")),
            esc(&label)
        );
    }
    out.push_str("</p>");
    out
}

fn facet(req: &Request, title: &str, key: &str, values: &[FacetCount]) -> String {
    if values.is_empty() {
        return String::new();
    }
    let mut out = format!("<section class=\"facet\"><h3>{}</h3><ul>", esc(title));
    for v in values {
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a> <span class=\"count\">{}</span></li>",
            esc(&with(req, key, &v.value)),
            esc(&v.label),
            v.count
        );
    }
    out.push_str("</ul></section>");
    out
}

fn hit_doc_label(h: &crate::search::Hit) -> String {
    match &h.number {
        Some(n) => format!("{} {n}", h.doc_type.as_vi()),
        None => h.doc_title.clone(),
    }
}

fn results(snap: &crate::web::Snapshot, req: &Request, p: &Page) -> String {
    let r = &p.results;
    let total = p.total();
    let mut out = String::new();
    let _ = write!(out, "{}", chips(req));
    if let Some(n) = &r.notice {
        let _ = write!(out, "<p class=\"notice\">{}</p>", esc(n));
    }
    if let Some(s) = &r.suggestion {
        let _ = write!(
            out,
            "<p class=\"suggestion\">Có phải bạn muốn tìm: <a href=\"{}\">{}</a>?</p>",
            esc(&with(req, "q", s)),
            esc(s)
        );
    }
    if let Some(route) = &r.route {
        out.push_str(&route_box(snap, route));
    }
    out.push_str("<div class=\"results-grid\"><aside class=\"facets\" aria-label=\"Lọc kết quả\">");
    if let Some(f) = &r.facets {
        out.push_str(&facet(req, "Loại văn bản", "type", &f.doc_type));
        out.push_str(&facet(req, "Hiệu lực", "status", &f.status));
        out.push_str(&facet(req, "Năm ban hành", "year", &f.year));
        out.push_str(&facet(req, "Cơ quan ban hành", "issuer", &f.issuer));
        out.push_str(&facet(req, "Đề mục Pháp điển", "demuc", &f.demuc));
    }
    out.push_str("</aside><section class=\"hits\">");
    if r.hits.is_empty() {
        let _ = write!(
            out,
            "<p class=\"none\">Không tìm thấy kết quả cho “{}”. Hãy thử bỏ bớt từ, bỏ bộ lọc, hoặc gõ số hiệu văn bản.</p>",
            esc(&req.q)
        );
    } else {
        let _ = write!(
            out,
            "<p class=\"total\">{total} kết quả cho “{}”</p><ol class=\"hits\" start=\"{}\">",
            esc(&req.q),
            r.offset + 1
        );
        for h in &r.hits {
            let title = match &h.article {
                Some(a) => format!("Điều {a}. {}", h.title),
                None => h.title.clone(),
            };
            // A replaced document says by what (validity records, issue #11).
            let replaced = snap
                .validity
                .as_ref()
                .map(|v| v.replaced_by(&h.id, crate::model::Date::today()))
                .filter(|by| !by.is_empty())
                .map(|by| {
                    format!(" <span class=\"replaced\">đã được thay thế bởi {}</span>", esc(&by.join(", ")))
                })
                .unwrap_or_default();
            // `snippet` is the searcher's HTML: its text escaped, matches in <mark>.
            let _ = write!(
                out,
                "<li class=\"hit\"><h2><a href=\"{}\">{}</a></h2><p class=\"meta\">{} {}{}{}</p><p class=\"snippet\">{}</p></li>",
                esc(&hit_url(h)),
                esc(&title),
                esc(&hit_doc_label(h)),
                badge(h.status),
                replaced,
                h.phapdien.as_ref().map(|p| format!(" <span class=\"muted\">Pháp điển {}</span>", esc(p))).unwrap_or_default(),
                h.snippet
            );
        }
        out.push_str("</ol>");
        let pages = total.div_ceil(p.per_page).min(crate::web::limits::MAX_PAGE);
        if pages > 1 {
            out.push_str("<nav class=\"pager\" aria-label=\"Trang\">");
            if p.page > 1 {
                let _ = write!(
                    out,
                    "<a rel=\"prev\" href=\"{}\">← Trang trước</a>",
                    esc(&with(req, "page", &(p.page - 1).to_string()))
                );
            }
            let _ = write!(out, "<span>Trang {} / {}</span>", p.page, pages);
            if p.page < pages {
                let _ = write!(
                    out,
                    "<a rel=\"next\" href=\"{}\">Trang sau →</a>",
                    esc(&with(req, "page", &(p.page + 1).to_string()))
                );
            }
            out.push_str("</nav>");
        }
    }
    out.push_str("</section></div>");
    out
}

/// Where the query was routed: the document(s) or article it names.
fn route_box(snap: &crate::web::Snapshot, route: &crate::search::Route) -> String {
    let lib = &snap.library;
    let mut out = String::from("<section class=\"route\"><p>Văn bản được nhắc tới:</p><ul>");
    match route {
        crate::search::Route::Document { ids } => {
            for id in ids {
                if let Some(d) = lib.get(id) {
                    let _ = write!(
                        out,
                        "<li><a href=\"/van-ban/{}\">{}</a> {} <span class=\"muted\">{}</span></li>",
                        esc(id),
                        esc(&d.meta.label()),
                        badge(d.meta.status),
                        esc(&d.meta.title)
                    );
                }
            }
        }
        crate::search::Route::Article { id, article, clause, point } => {
            if let Some(d) = lib.get(id) {
                let anchor = crate::structure::anchor(article, clause.as_deref(), point.as_deref());
                let mut pin = format!("Điều {article}");
                if let Some(c) = clause {
                    pin = format!("khoản {c} {pin}");
                    if let Some(p) = point {
                        pin = format!("điểm {p} {pin}");
                    }
                }
                let _ = write!(
                    out,
                    "<li><a href=\"/van-ban/{}#{}\">{} {}</a> {}</li>",
                    esc(id),
                    esc(&anchor),
                    esc(&pin),
                    esc(&d.meta.label()),
                    badge(d.meta.status)
                );
            }
        }
    }
    out.push_str("</ul></section>");
    out
}

fn start_page(state: &AppState) -> String {
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
    let mut out = format!(
        "<section class=\"intro\"><p>Kho dữ liệu hiện có <strong>{docs}</strong> văn bản, <strong>{articles}</strong> điều. Gõ từ khoá (có dấu hoặc không dấu), số hiệu văn bản hoặc dẫn chiếu tới điều, khoản.</p><p>Ví dụ: "
    );
    for (i, e) in examples.iter().enumerate() {
        let _ = write!(
            out,
            "{}<a href=\"{}\">{}</a>",
            if i > 0 { " · " } else { "" },
            esc(&href("/", &[("q", e)])),
            esc(e)
        );
    }
    out.push_str("</p><p><a href=\"/phap-dien\">Duyệt Bộ Pháp điển theo đề mục</a> · <a href=\"/lien-ket\">Liên kết một kế hoạch với căn cứ pháp lý</a></p></section>");
    out
}

/// `GET /`.
pub async fn page(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, PageError> {
    let params = Params::parse_query(raw.as_deref())?;
    let req = Request::from_params(&params)?;
    let mut body = String::from("<h1 class=\"sr\">Tìm kiếm văn bản</h1>");
    body.push_str(&filter_form(&req));
    let mut status = StatusCode::OK;
    let title = if req.q.is_empty() {
        body.push_str(&start_page(&state));
        "Tìm kiếm".to_string()
    } else {
        let snap = state.snapshot();
        match run(&snap, &req) {
            Ok(p) => body.push_str(&results(&snap, &req, &p)),
            // A query the searcher cannot read: say why, under the form, so it can be fixed.
            Err(e) if e.status.is_client_error() => {
                status = e.status;
                let _ = write!(body, "<p class=\"notice\">{}</p>", esc(&e.message));
            }
            Err(e) => return Err(e.into()),
        }
        format!("{} – tìm kiếm", req.q)
    };
    Ok((status, Html(layout(&title, &req.q, &body))).into_response())
}
