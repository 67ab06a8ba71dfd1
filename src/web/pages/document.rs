//! `GET /van-ban/{id}`: a document — metadata and validity badge, table of contents, the
//! text with an anchor for every article, khoản and điểm, a relations panel and a "được trích
//! dẫn bởi" panel; every article can be ticked for the print view.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::model::{Completeness, Document};
use crate::structure::anchor;
use crate::web::api::{article, document};
use crate::web::error::PageError;
use crate::web::html::{badge, esc, external_link, layout};
use crate::web::render::{self, ArticleOptions};
use crate::web::state::AppState;

fn completeness(c: Completeness) -> &'static str {
    match c {
        Completeness::Full => "toàn văn",
        Completeness::Partial => "một số điều",
        Completeness::MetadataOnly => "chỉ có thông tin văn bản, chưa có nội dung",
    }
}

/// The metadata panel; `status` is today's, as the validity records give it.
fn metadata(d: &Document, status: crate::model::Status) -> String {
    let m = &d.meta;
    let mut rows: Vec<(&str, String)> = Vec::new();
    if let Some(n) = &m.canonical {
        rows.push(("Số hiệu", esc(n).to_string()));
    }
    if !m.aliases.is_empty() {
        rows.push(("Còn được ghi", esc(&m.aliases.join("; ")).to_string()));
    }
    rows.push(("Loại văn bản", esc(m.doc_type.as_vi()).to_string()));
    if let Some(i) = &m.issuer {
        rows.push(("Cơ quan ban hành", esc(i).to_string()));
    }
    if let Some(p) = &m.province {
        rows.push(("Tỉnh, thành", esc(p).to_string()));
    }
    if let Some(s) = m.signed {
        rows.push(("Ngày ban hành", format!("{:02}/{:02}/{}", s.day, s.month, s.year)));
    }
    if let Some(s) = m.effective {
        rows.push(("Ngày có hiệu lực", format!("{:02}/{:02}/{}", s.day, s.month, s.year)));
    }
    if let Some(s) = m.expired {
        rows.push(("Ngày hết hiệu lực", format!("{:02}/{:02}/{}", s.day, s.month, s.year)));
    }
    rows.push(("Tình trạng", badge(status)));
    rows.push(("Nội dung trong kho", esc(completeness(m.completeness)).to_string()));
    if let Some(u) = &m.url {
        rows.push(("Bản chính thức", external_link(u, "Mở trên cổng thông tin")));
    }
    if !m.sources.is_empty() {
        let s: Vec<String> = m.sources.iter().map(|p| esc(&p.source).to_string()).collect();
        rows.push(("Nguồn dữ liệu", s.join(", ")));
    }
    let mut out = String::from("<dl class=\"meta\">");
    for (k, v) in rows {
        let _ = write!(out, "<dt>{}</dt><dd>{v}</dd>", esc(k));
    }
    out.push_str("</dl>");
    out
}

fn doc_link(
    cat: &crate::catalog::Catalog,
    target: &str,
    doc_type: Option<crate::model::DocType>,
    pinpoint: Option<&str>,
) -> String {
    let label = match (doc_type, pinpoint) {
        (Some(t), Some(p)) => format!("{p} {} {target}", t.as_vi()),
        (Some(t), None) => format!("{} {target}", t.as_vi()),
        (None, Some(p)) => format!("{p} {target}"),
        (None, None) => target.to_string(),
    };
    match cat.find(target, doc_type) {
        Some(m) => format!(
            "<a href=\"/van-ban/{}\">{}</a> {} <span class=\"muted\">{}</span>",
            esc(&m.id),
            esc(&label),
            badge(m.status),
            esc(&m.title)
        ),
        None => format!("{} <span class=\"muted\">(chưa có trong kho)</span>", esc(&label)),
    }
}

fn relations(snap: &crate::web::Snapshot, d: &Document) -> String {
    let (lib, cat) = (&snap.library, &snap.catalog);
    let mut items: Vec<String> = Vec::new();
    for r in &d.meta.relations {
        items.push(format!(
            "<li><span class=\"rel\">{}</span> {}</li>",
            esc(r.kind.as_vi()),
            doc_link(cat, &r.target, r.target_type, r.pinpoint.as_deref())
        ));
    }
    for a in &d.meta.articles {
        let here =
            format!("<a href=\"#{}\">Điều {}</a>", esc(&anchor(&a.number, None, None)), esc(&a.number));
        for am in &a.amended_by {
            let pin = am.article.as_ref().map(|n| format!("Điều {n}"));
            items.push(format!(
                "<li>{here} <span class=\"rel\">được sửa đổi, bổ sung bởi</span> {}</li>",
                doc_link(cat, &am.number, am.doc_type, pin.as_deref())
            ));
        }
        for rel in &a.related {
            let target = match lib.phapdien(rel) {
                Some(r) => {
                    let td = lib.doc(r.doc);
                    format!(
                        "<a href=\"/van-ban/{}#{}\">Điều {} {}</a> <span class=\"muted\">(Pháp điển {})</span>",
                        esc(&td.meta.id),
                        esc(&anchor(r.article, None, None)),
                        esc(r.article),
                        esc(&td.meta.label()),
                        esc(rel)
                    )
                }
                None => format!(
                    "Điều {} của Pháp điển <span class=\"muted\">(chưa có trong kho)</span>",
                    esc(rel)
                ),
            };
            items.push(format!(
                "<li>{here} <span class=\"rel\">có nội dung liên quan đến</span> {target}</li>"
            ));
        }
    }
    // No panel when the metadata states no relation: the citation panels below list the
    // document's relations, under which "none recorded" would be false.
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("<section class=\"panel\" id=\"quan-he\"><h2>Quan hệ văn bản</h2>");
    out.push_str("<ul class=\"relations\">");
    for i in items.iter().take(500) {
        out.push_str(i);
    }
    out.push_str("</ul></section>");
    out
}

/// Most links listed per relation group on the page (the API has them all).
const SHOWN_PER_GROUP: usize = 100;

fn groups_html(groups: &[crate::graph::Group], cited_by: bool) -> String {
    let mut out = String::new();
    for g in groups {
        let _ = write!(
            out,
            "<h3>{} <span class=\"count\">({})</span></h3><ul class=\"links\">",
            esc(&g.label),
            g.links.len()
        );
        for l in g.links.iter().take(SHOWN_PER_GROUP) {
            // Cited by: the citing article of the other document; outgoing: the cited place.
            let (href, place) = if cited_by {
                let anchor = l.citing_article.as_deref().map(|a| anchor(a, None, None));
                (
                    match &anchor {
                        Some(a) => format!("/van-ban/{}#{a}", l.doc),
                        None => format!("/van-ban/{}", l.doc),
                    },
                    l.citing_article.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default(),
                )
            } else {
                (
                    match &l.anchor {
                        Some(a) => format!("/van-ban/{}#{a}", l.doc),
                        None => format!("/van-ban/{}", l.doc),
                    },
                    l.pinpoint.as_deref().map(|p| format!("{p} ")).unwrap_or_default(),
                )
            };
            let target = if cited_by {
                l.pinpoint
                    .as_deref()
                    .map(|p| format!(" <span class=\"muted\">→ {}</span>", esc(p)))
                    .unwrap_or_default()
            } else {
                l.citing_article
                    .as_deref()
                    .map(|a| format!(" <span class=\"muted\">(tại Điều {})</span>", esc(a)))
                    .unwrap_or_default()
            };
            let snippet = if l.snippet.is_empty() {
                String::new()
            } else {
                format!(
                    "<br><small class=\"ctx\">{}</small>",
                    crate::web::html::marked(&l.snippet, &[l.mark])
                )
            };
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}{}</a> {}{target}{snippet}</li>",
                esc(&href),
                esc(&place),
                esc(&l.label),
                badge(l.status)
            );
        }
        if g.links.len() > SHOWN_PER_GROUP {
            let _ = write!(
                out,
                "<li class=\"muted\">… và {} liên kết nữa (xem API).</li>",
                g.links.len() - SHOWN_PER_GROUP
            );
        }
        out.push_str("</ul>");
    }
    out
}

fn graph_panels(snap: &crate::web::Snapshot, d: &Document) -> String {
    let Some(graph) = &snap.graph else {
        return "<section class=\"panel\" id=\"duoc-trich-dan\"><h2>Được trích dẫn bởi</h2><p class=\"muted\">Chỉ mục này chưa có đồ thị trích dẫn (lập lại chỉ mục bằng <code>cancu index</code>).</p></section>".to_string();
    };
    let links = crate::graph::links(graph, &snap.catalog, &d.meta.id, None);
    let mut out = String::from("<section class=\"panel\" id=\"duoc-trich-dan\"><h2>Được trích dẫn bởi</h2>");
    if links.cited_by.is_empty() {
        out.push_str("<p class=\"muted\">Chưa có văn bản nào trong kho trích dẫn văn bản này.</p>");
    } else {
        out.push_str(&groups_html(&links.cited_by, true));
    }
    out.push_str("</section><section class=\"panel\" id=\"van-ban-duoc-dan\"><h2>Văn bản được dẫn</h2>");
    if links.outgoing.is_empty() {
        out.push_str("<p class=\"muted\">Văn bản này không dẫn văn bản nào khác trong kho.</p>");
    } else {
        out.push_str(&groups_html(&links.outgoing, false));
    }
    out.push_str("</section>");
    out
}

/// `GET /van-ban/{id}`.
pub async fn page(State(state): State<AppState>, Path(id): Path<String>) -> Result<Html<String>, PageError> {
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    let m = &d.meta;
    let mut body = String::new();
    let _ = write!(
        body,
        "<article class=\"doc\"><header class=\"doc-head\"><p class=\"kicker\">{} {}</p><h1>{}</h1>{}</header>",
        esc(m.doc_type.as_vi()),
        esc(m.canonical.as_deref().unwrap_or("")),
        esc(&m.title),
        badge(status_today(&snap, m))
    );
    let has_articles = d.articles().next().is_some();
    body.push_str("<div class=\"doc-grid\"><aside class=\"side\">");
    body.push_str(&metadata(d, status_today(&snap, m)));
    if has_articles {
        let _ = write!(
            body,
            "<details class=\"toc-box\" open><summary>Mục lục</summary>{}</details>",
            render::toc(d)
        );
    }
    body.push_str("</aside><div class=\"doc-main\">");
    if has_articles {
        let _ = write!(
            body,
            "<form class=\"print-form\" action=\"/in\" method=\"get\"><div class=\"print-bar\"><button type=\"submit\">In các điều đã chọn</button> <a href=\"/in?a={}\">In cả văn bản</a></div>",
            esc(&m.id)
        );
    }
    let links = |article: &str, text: &str| crate::web::citations::links(&snap, d, Some(article), text);
    let opts = ArticleOptions { anchors: true, print_checkbox: Some(&m.id), links: &links };
    body.push_str(&render::body(d, &opts, &|text| crate::web::citations::links(&snap, d, None, text)));
    if has_articles {
        body.push_str("</form>");
    } else if d.body.is_empty() {
        body.push_str("<p class=\"muted\">Kho dữ liệu chưa có nội dung văn bản này.</p>");
    }
    body.push_str(&relations(&snap, d));
    body.push_str(&crate::web::pages::compare::panel(d).into_string());
    body.push_str(&history(snap.validity.as_ref(), m));
    body.push_str(&graph_panels(&snap, d));
    body.push_str("</div></div></article>");
    Ok(Html(layout(&m.label(), "", &body)))
}

/// Today's status: the validity records' when they know it, else the metadata's.
fn status_today(snap: &crate::web::state::Snapshot, m: &crate::model::Metadata) -> crate::model::Status {
    snap.validity
        .as_ref()
        .map(|v| v.status_at(&m.id, crate::model::Date::today()).status)
        .filter(|s| *s != crate::model::Status::Unknown)
        .unwrap_or(m.status)
}

/// The "Lịch sử hiệu lực" panel: the document's validity events in date order, each with the
/// article stating it (linked) and its words, then the Pháp điển amendment notes per article.
pub fn history(v: Option<&crate::validity::Validity>, m: &crate::model::Metadata) -> String {
    use crate::validity::Change;
    let mut events: Vec<&crate::validity::Event> =
        v.and_then(|v| v.get(&m.id)).map(|r| r.events.iter().collect()).unwrap_or_default();
    events.sort_by_key(|e| e.date);
    let notes: Vec<(&str, String)> = m
        .articles
        .iter()
        .flat_map(|a| {
            a.amended_by.iter().map(move |am| (a.number.as_str(), crate::validity::json::amendment_note(am)))
        })
        .collect();
    if events.is_empty() && notes.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("<section class=\"panel\" id=\"lich-su-hieu-luc\"><h2>Lịch sử hiệu lực</h2><ul>");
    for e in events {
        let what = match e.change {
            Change::Effective => "có hiệu lực".to_string(),
            Change::Ends if e.kept => "hết hiệu lực, trừ một số quy định tiếp tục có hiệu lực".to_string(),
            Change::Ends => "hết hiệu lực".to_string(),
            Change::EndsInPart => format!("hết hiệu lực một phần ({})", e.part.as_deref().unwrap_or("")),
        };
        let when = e.date.map(crate::link::warn::vi_date).unwrap_or_else(|| "chưa rõ ngày".into());
        let ev = &e.evidence;
        let art = ev.article.as_deref().unwrap_or("");
        let href = if art.is_empty() {
            format!("/van-ban/{}", ev.document)
        } else {
            format!("/van-ban/{}#{}", ev.document, anchor(art, None, None))
        };
        let _ = write!(
            out,
            "<li><strong>{}</strong> — {} — theo <a href=\"{}\">{}{}</a> ({}): “{}”</li>",
            esc(&when),
            esc(&what),
            esc(&href),
            esc(&if art.is_empty() { String::new() } else { format!("Điều {art} ") }),
            esc(&ev.label),
            esc(ev.kind.as_vi()),
            esc(&ev.quote)
        );
    }
    for (n, note) in notes {
        let _ = write!(out, "<li>Điều {}: {}</li>", esc(n), esc(&note));
    }
    out.push_str("</ul></section>");
    out
}

/// `GET /van-ban/{id}/dieu/{n}` → the document page at the article's anchor.
pub async fn article_redirect(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    let snap = state.snapshot();
    match document(&snap, &id).and_then(|d| article(&d, &n).map(|a| a.number.clone())) {
        Ok(number) => Redirect::to(&format!(
            "/van-ban/{}#{}",
            id,
            crate::web::html::url_encode(&anchor(&number, None, None))
        ))
        .into_response(),
        Err(e) => PageError(e).into_response(),
    }
}

#[cfg(test)]
mod history_tests {
    use crate::catalog::Catalog;
    use crate::model::{Article, Block, DocType, Document, Metadata};

    #[test]
    fn history_lists_events_with_linked_evidence() {
        let doc = |id: &str, number: &str, text: &str| {
            let mut m = Metadata::new(id, DocType::Luat, "Luật thử");
            m.canonical = Some(number.into());
            m.number = Some(number.into());
            let body = vec![Block::Article(Article {
                number: "9".into(),
                title: "Hiệu lực thi hành".into(),
                paragraphs: text.lines().map(String::from).collect(),
            })];
            Document { meta: m, body }
        };
        let docs = vec![
            doc("luat-1-2030-qh15", "1/2030/QH15", "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2030.\n2. Luật Thử số 5/2020/QH14 (<b>) hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."),
            doc("luat-5-2020-qh14", "5/2020/QH14", "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021."),
        ];
        let v = crate::validity::derive(&docs, &Catalog::from_documents(&docs));
        let html = super::history(Some(&v), &docs[1].meta);
        assert!(html.contains("Lịch sử hiệu lực"), "{html}");
        assert!(html.contains("<strong>01/07/2030</strong> — hết hiệu lực"), "{html}");
        assert!(html.contains("href=\"/van-ban/luat-1-2030-qh15#dieu-9\""), "{html}");
        assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"), "escaped: {html}");
        assert!(super::history(None, &Metadata::new("x", DocType::Luat, "x")).is_empty());
    }
}
