//! `GET /van-ban/{id}?tab=…`: a document in tabs, as the portals show it, each tab a plain
//! link (server-rendered, no script needed): **Toàn văn** (table of contents, the text with
//! an anchor for every article, khoản and điểm, each article's "được trích dẫn bởi N" that
//! opens onto the citing articles, print checkboxes), **Thuộc tính** (every metadata field,
//! the status with its evidence, the sources), **Lược đồ** (relations grouped by kind with
//! counts, collapsed lists, documents by name, and a server-drawn SVG diagram),
//! **Lịch sử** (the validity timeline) and **Tải về** (Word file, print view, official
//! link).

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::catalog::Catalog;
use crate::model::{Completeness, Document, Metadata, RelationKind, Status};
use crate::structure::anchor;
use crate::web::api::{article, document};
use crate::web::error::{AppError, PageError};
use crate::web::html::{badge, external_link, html, page, Markup};
use crate::web::pages::search::display_name;
use crate::web::query::Typed;
use crate::web::render::{self, ArticleOptions};
use crate::web::state::{AppState, Snapshot};
use crate::web::url::{self, TABS};

/// The query string of a document page.
#[derive(Debug, Deserialize)]
pub struct DocParams {
    tab: Option<String>,
}

/// What the corpus holds of a document, said plainly: "một số điều" only when the article
/// numbers held leave gaps.
fn completeness(d: &Document) -> String {
    let m = &d.meta;
    let numbers: Vec<u32> = d.articles().filter_map(|a| a.number.parse().ok()).collect();
    let n = d.articles().count();
    match m.completeness {
        Completeness::Full => format!("toàn văn ({n} điều)"),
        Completeness::MetadataOnly if n == 0 => "chỉ có thông tin văn bản, chưa có nội dung".into(),
        _ => {
            let contiguous = !numbers.is_empty()
                && numbers.len() == n
                && numbers.iter().enumerate().all(|(i, &k)| k as usize == i + 1);
            if contiguous {
                format!("Điều 1 – Điều {n} ({n} điều, theo Bộ Pháp điển)")
            } else {
                format!("một số điều ({n} điều{})", missing(&numbers, n))
            }
        }
    }
}

/// The articles missing below the highest held, when every article number is a plain
/// number and they are few (at most [`MAX_MISSING`]): ", không có Điều 4, 6". Empty
/// otherwise.
fn missing(numbers: &[u32], n: usize) -> String {
    const MAX_MISSING: usize = 5;
    let Some(&top) = numbers.iter().max() else { return String::new() };
    if numbers.len() != n || top as usize > n + MAX_MISSING {
        return String::new();
    }
    let gaps: Vec<String> = (1..top).filter(|k| !numbers.contains(k)).map(|k| k.to_string()).collect();
    if gaps.is_empty() || gaps.len() > MAX_MISSING {
        return String::new();
    }
    format!("; không có Điều {}", gaps.join(", "))
}

/// The sources of a document in words, each once (two files of one collection are one line).
fn sources(m: &Metadata) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for s in &m.sources {
        let name = crate::model::source_name(&s.source);
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, a)) => *a = (*a).max(s.articles),
            None => out.push((name, s.articles)),
        }
    }
    out
}

/// The Thuộc tính tab: every field, the status with what establishes it, the sources.
fn properties(snap: &Snapshot, d: &Document) -> Markup {
    let m = &d.meta;
    let status = snap.status_today(&m.id);
    let now = snap.validity.as_ref().map(|v| v.status_at(&m.id, crate::model::Date::today()));
    let in_part = now.as_ref().and_then(|s| s.expired_in_part);
    let caveat = now.as_ref().and_then(|s| s.caveat.clone());
    let evidence = now.map(|s| s.evidence).unwrap_or_default();
    let date = |label: &'static str, v: Option<crate::model::Date>| v.map(|d| (label, d.vi()));
    let dates: Vec<(&str, String)> = [
        date("Ngày ban hành", m.signed),
        date("Ngày có hiệu lực", m.effective),
        date("Ngày hết hiệu lực một phần", in_part),
        date("Ngày hết hiệu lực", m.expired),
    ]
    .into_iter()
    .flatten()
    .collect();
    html! {
        dl.meta {
            @if let Some(n) = &m.canonical { dt { "Số hiệu" } dd { (n) } }
            @if !m.aliases.is_empty() { dt { "Còn được ghi" } dd { (m.aliases.join("; ")) } }
            dt { "Loại văn bản" } dd { (m.doc_type.as_vi()) }
            dt { "Tên" } dd { (m.title) }
            @if let Some(i) = &m.issuer { dt { "Cơ quan ban hành" } dd { (i) } }
            @if let Some(p) = &m.province { dt { "Tỉnh, thành" } dd { (p) } }
            @for (k, v) in &dates { dt { (k) } dd { (v) } }
            dt { "Tình trạng" }
            dd {
                (badge(status))
                @if !evidence.is_empty() {
                    ul.evidence { @for e in &evidence {
                        li { "theo " a href=(url::at(&e.document, e.article.as_deref().map(|a| anchor(a, None, None)).as_deref())) {
                            @if let Some(a) = &e.article { "Điều " (a) " " } (e.label)
                        } ": “" (e.quote) "”" }
                    } }
                } @else if let Some(s) = &m.status_source {
                    " " span.muted { "theo " (s) }
                }
                @if let Some(c) = &caveat { p.caveat.muted { (c) } }
            }
            dt { "Nội dung trong kho" } dd { (completeness(d)) }
            @if !m.demuc_titles.is_empty() {
                dt { "Đề mục Pháp điển" }
                dd { @for (i, code) in m.demuc_titles.keys().enumerate() {
                    @if i > 0 { "; " }
                    a href=(url::demuc(code)) { (snap.library.demuc_name(code)) }
                } }
            }
            @if let Some(u) = &m.url { dt { "Bản chính thức" } dd { (external_link(u, "Mở trên cổng thông tin")) } }
            @if !m.sources.is_empty() {
                dt { "Nguồn dữ liệu" }
                dd { ul.sources { @for (name, articles) in sources(m) {
                    li { (name) @if articles > 0 { " — " (articles) " điều" } }
                } } }
            }
        }
    }
}

/// One document at the other end of a relation, with the places that link the two.
struct Related {
    /// The document's id when the corpus knows it.
    id: Option<String>,
    name: String,
    label: String,
    status: Status,
    /// (link, text) of each place, without repeats.
    places: Vec<(String, String)>,
}

/// A relation group of the Lược đồ: one kind, one direction.
struct RelGroup {
    title: &'static str,
    /// Drawn on the left (what this document rests on or acts upon) or right (what acts on it).
    incoming: bool,
    docs: Vec<Related>,
}

/// The groups, in the order the portals show them.
const GROUPS: [(&str, bool); 12] = [
    ("Căn cứ pháp lý", false),
    ("Văn bản được hướng dẫn, quy định chi tiết", false),
    ("Văn bản được sửa đổi, bổ sung", false),
    ("Văn bản bị thay thế", false),
    ("Văn bản bị bãi bỏ", false),
    ("Văn bản được dẫn", false),
    ("Văn bản lấy văn bản này làm căn cứ", true),
    ("Văn bản hướng dẫn, quy định chi tiết", true),
    ("Văn bản sửa đổi, bổ sung", true),
    ("Văn bản thay thế", true),
    ("Văn bản bãi bỏ", true),
    ("Được trích dẫn bởi", true),
];

/// The group a relation falls in, seen from the shown document (`incoming`: the other
/// document acts on this one). Related articles have a group of their own.
fn group_of(kind: RelationKind, incoming: bool) -> Option<usize> {
    Some(match (kind, incoming) {
        (RelationKind::Basis, false) => 0,
        (RelationKind::Details, false) => 1,
        (RelationKind::Amends, false) => 2,
        (RelationKind::Replaces, false) => 3,
        (RelationKind::Repeals, false) => 4,
        (RelationKind::Cites, false) => 5,
        (RelationKind::Basis, true) => 6,
        (RelationKind::Details, true) => 7,
        (RelationKind::Amends, true) | (RelationKind::AmendedBy, false) => 8,
        (RelationKind::Replaces, true) => 9,
        (RelationKind::Repeals, true) => 10,
        (RelationKind::Cites, true) => 11,
        _ => return None,
    })
}

/// Collects relations into groups: documents merged by id (or label), places deduplicated.
#[derive(Default)]
struct Collector {
    groups: BTreeMap<usize, Vec<Related>>,
}

impl Collector {
    fn add(&mut self, group: usize, cat: &Catalog, target: DocKey<'_>, place: Option<(String, String)>) {
        let (id, name, label, status) = match target {
            DocKey::Id(id) => match cat.get(id) {
                Some(m) => (Some(id.to_string()), display_name(m), m.label(), m.status),
                None => (Some(id.to_string()), id.to_string(), String::new(), Status::Unknown),
            },
            DocKey::Number(n, t) => match cat.find(n, t) {
                Some(m) => (Some(m.id.clone()), display_name(m), m.label(), m.status),
                None => {
                    let label = t.map_or_else(|| n.to_string(), |t| format!("{} {n}", t.as_vi()));
                    (None, label.clone(), label, Status::Unknown)
                }
            },
        };
        let docs = self.groups.entry(group).or_default();
        let i = match docs
            .iter()
            .position(|r| r.id.is_some() && r.id == id || r.id.is_none() && r.label == label)
        {
            Some(i) => i,
            None => {
                docs.push(Related { id, name, label, status, places: Vec::new() });
                docs.len() - 1
            }
        };
        if let Some(p) = place {
            if !docs[i].places.contains(&p) {
                docs[i].places.push(p);
            }
        }
    }

    /// Groups without repeats: a document in a specific group (căn cứ, hướng dẫn, sửa đổi,
    /// thay thế, bãi bỏ) is not listed again among the mere citations of the same direction;
    /// its citing places join the specific entry.
    fn finish(mut self) -> Vec<RelGroup> {
        for (cites, specific) in [(5usize, 0..5usize), (11, 6..11)] {
            let Some(mut plain) = self.groups.remove(&cites) else { continue };
            plain.retain_mut(|r| {
                for g in specific.clone() {
                    if let Some(docs) = self.groups.get_mut(&g) {
                        if let Some(s) = docs.iter_mut().find(|s| s.id.is_some() && s.id == r.id) {
                            for p in r.places.drain(..) {
                                if !s.places.contains(&p) {
                                    s.places.push(p);
                                }
                            }
                            return false;
                        }
                    }
                }
                true
            });
            if !plain.is_empty() {
                self.groups.insert(cites, plain);
            }
        }
        self.groups
            .into_iter()
            .map(|(g, docs)| RelGroup { title: GROUPS[g].0, incoming: GROUPS[g].1, docs })
            .collect()
    }
}

enum DocKey<'a> {
    Id(&'a str),
    Number(&'a str, Option<crate::model::DocType>),
}

/// A Pháp điển article number ("44.13.LQ.15") said in words, for when the corpus lacks it:
/// "một điều của đề mục 44.13. Title".
fn phapdien_words(snap: &Snapshot, code: &str) -> String {
    let parts: Vec<&str> = code.split('.').collect();
    match parts.as_slice() {
        [a, b, ..] => {
            format!("một điều thuộc {} (chưa có trong kho)", snap.library.demuc_name(&format!("{a}.{b}")))
        }
        _ => "một điều của Bộ Pháp điển (chưa có trong kho)".into(),
    }
}

/// Every relation of the document: stated in its metadata, noted by the Pháp điển, and read
/// from the citation graph both ways; plus its related Pháp điển articles.
fn relations(snap: &Snapshot, d: &Document) -> (Vec<RelGroup>, Vec<(String, String, String)>) {
    let cat = &*snap.catalog;
    let me = &d.meta;
    let mut c = Collector::default();
    for r in &me.relations {
        if let Some(g) = group_of(r.kind, false) {
            let place = r.pinpoint.as_ref().map(|p| (String::new(), p.clone()));
            c.add(g, cat, DocKey::Number(&r.target, r.target_type), place);
        }
    }
    let mut related: Vec<(String, String, String)> = Vec::new();
    for a in &me.articles {
        let here = (url::article(&me.id, &a.number), format!("Điều {} của văn bản này", a.number));
        for am in &a.amended_by {
            let place = (
                here.0.clone(),
                format!(
                    "{} ← {}",
                    here.1,
                    am.article.as_deref().map(|n| format!("Điều {n}")).unwrap_or_default()
                ),
            );
            c.add(8, cat, DocKey::Number(&am.number, am.doc_type), Some(place));
        }
        for rel in &a.related {
            let (href, text) = match snap.library.phapdien(rel) {
                Some(r) => {
                    let td = snap.library.doc(r.doc);
                    (url::article(&td.meta.id, r.article), format!("Điều {} {}", r.article, td.meta.label()))
                }
                None => (String::new(), phapdien_words(snap, rel)),
            };
            let row = (format!("Điều {}", a.number), href, text);
            if !related.contains(&row) {
                related.push(row);
            }
        }
    }
    if let Some(graph) = &snap.graph {
        for e in graph.outgoing(&me.id, None) {
            if let Some(g) = group_of(e.kind, false) {
                // A place says where: a document-level edge adds nothing to the document's link.
                let place = match (e.source_article, e.target_pinpoint()) {
                    (None, None) => None,
                    (a, p) => Some((
                        url::at(e.target, e.target_anchor().as_deref()),
                        format!(
                            "{}{}",
                            a.map(|a| format!("Điều {a} của văn bản này: ")).unwrap_or_default(),
                            p.unwrap_or_else(|| "cả văn bản".into())
                        ),
                    )),
                };
                c.add(g, cat, DocKey::Id(e.target), place);
            }
        }
        for e in graph.cited_by(&me.id, None) {
            if let Some(g) = group_of(e.kind, true) {
                let label = cat.get(e.source).map_or_else(|| e.source.to_string(), |m| m.label());
                let place = e.source_article.map(|a| {
                    let text = format!("Điều {a} {label}");
                    let text = match e.target_pinpoint() {
                        Some(p) => format!("{text} → {p}"),
                        None => text,
                    };
                    (url::article(e.source, a), text)
                });
                c.add(g, cat, DocKey::Id(e.source), place);
            }
        }
    }
    (c.finish(), related)
}

/// Most places listed under one related document (the API has them all).
const SHOWN_PLACES: usize = 50;

fn doc_link(r: &Related) -> Markup {
    html! {
        @match &r.id {
            Some(id) => a href=(url::document(id)) { (r.name) },
            None => (r.name),
        }
        " " (badge(r.status))
        @if !r.label.is_empty() && r.label != r.name { " " span.muted { (r.label) } }
        @if r.id.is_none() { " " span.muted { "(chưa có trong kho)" } }
        @if !r.places.is_empty() { " · " }
    }
}

fn groups_html(groups: &[RelGroup], related: &[(String, String, String)]) -> Markup {
    html! {
        @for g in groups {
            details.rel-group open[g.docs.len() <= 5] {
                summary { h3 { (g.title) " " span.count { "(" (g.docs.len()) " văn bản)" } } }
                ul.relations { @for r in &g.docs {
                    li {
                        (doc_link(r))
                        @if !r.places.is_empty() {
                            details.places {
                                summary { (r.places.len()) " vị trí" }
                                ul { @for (href, text) in r.places.iter().take(SHOWN_PLACES) {
                                    li { @if href.is_empty() { (text) } @else { a href=(href) { (text) } } }
                                } }
                                @if r.places.len() > SHOWN_PLACES { p.muted { "… và " (r.places.len() - SHOWN_PLACES) " vị trí nữa (xem API)." } }
                            }
                        }
                    }
                } }
            }
        }
        @if !related.is_empty() {
            details.rel-group open[related.len() <= 5] {
                summary { h3 { "Nội dung liên quan (Pháp điển) " span.count { "(" (related.len()) " điều)" } } }
                ul.relations { @for (here, href, text) in related {
                    li { (here) " có nội dung liên quan đến "
                        @if href.is_empty() { (text) } @else { a href=(href) { (text) } } }
                } }
            }
        }
    }
}

/// Most documents drawn on each side of the diagram.
const DRAWN_PER_SIDE: usize = 10;

/// Cuts a label to `n` characters with an ellipsis.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The relation diagram, drawn on the server as SVG: the document in the middle, what it
/// rests on or acts upon on the left, what acts on it on the right, each box a link with
/// its relation written over it. Text is escaped by the template like any other.
fn diagram(me: &Metadata, groups: &[RelGroup]) -> Markup {
    let side = |incoming: bool| -> Vec<(&'static str, &Related)> {
        groups
            .iter()
            .filter(|g| g.incoming == incoming)
            .flat_map(|g| g.docs.iter().map(move |r| (g.title, r)))
            .take(DRAWN_PER_SIDE)
            .collect()
    };
    let (left, right) = (side(false), side(true));
    let more = |incoming: bool| {
        groups.iter().filter(|g| g.incoming == incoming).map(|g| g.docs.len()).sum::<usize>()
            - if incoming { right.len() } else { left.len() }
    };
    let (more_left, more_right) = (more(false), more(true));
    let rows = left.len().max(right.len()).max(1);
    let (w, row_h, box_w, box_h) = (960usize, 46usize, 300usize, 34usize);
    let h = rows * row_h + 60;
    let (cx, cy) = (w / 2, h / 2);
    let center_w = 260usize;
    let y_of = |i: usize, n: usize| 30 + (rows - n) * row_h / 2 + i * row_h + box_h / 2;
    let node = |i: usize, n: usize, x: usize, kind: &str, r: &Related, incoming: bool| -> Markup {
        let y = y_of(i, n);
        let (x1, x2) = if incoming { (cx + center_w / 2, x) } else { (x + box_w, cx - center_w / 2) };
        html! {
            g.edge {
                line x1=(x1) y1=(if incoming { cy } else { y }) x2=(x2) y2=(if incoming { y } else { cy }) {}
            }
            @let inner = html! {
                title { (kind) ": " (r.name) " " (r.label) }
                rect x=(x) y=(y - box_h / 2) width=(box_w) height=(box_h) rx="6" {}
                text x=(x + 8) y=(y - 3) class="kind" {
                    (short(&if r.label.is_empty() || r.label == r.name { kind.to_string() } else { format!("{kind} · {}", r.label) }, 56))
                }
                text x=(x + 8) y=(y + 12) { (short(&r.name, 44)) }
            };
            @match &r.id {
                Some(id) => a.node href=(url::document(id)) { (inner) },
                None => g.node.missing { (inner) },
            }
        }
    };
    html! {
        figure.diagram {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (w) " " (h) } role="img"
                aria-label={ "Lược đồ quan hệ của " (me.label()) } {
                @for (i, (k, r)) in left.iter().enumerate() { (node(i, left.len(), 10, k, r, false)) }
                @for (i, (k, r)) in right.iter().enumerate() { (node(i, right.len(), w - 10 - box_w, k, r, true)) }
                g.center {
                    rect x=(cx - center_w / 2) y=(cy - 26) width=(center_w) height="52" rx="8" {}
                    text x=(cx) y=(cy - 5) text-anchor="middle" { (short(&me.label(), 36)) }
                    text x=(cx) y=(cy + 13) text-anchor="middle" class="kind" { (short(&me.title, 40)) }
                }
            }
            figcaption {
                "Bên trái: văn bản mà văn bản này căn cứ, hướng dẫn, sửa đổi, thay thế, bãi bỏ hoặc dẫn chiếu. Bên phải: văn bản lấy văn bản này làm căn cứ, hướng dẫn, sửa đổi, thay thế, bãi bỏ hoặc trích dẫn nó."
                @if more_left + more_right > 0 { " Lược đồ vẽ tối đa " (DRAWN_PER_SIDE) " văn bản mỗi bên; danh sách đầy đủ ở dưới." }
            }
        }
    }
}

/// The Lược đồ tab.
fn outline_tab(snap: &Snapshot, d: &Document) -> Markup {
    let (groups, related) = relations(snap, d);
    html! {
        section.panel id="quan-he" {
            h2 { "Quan hệ văn bản" }
            @if groups.is_empty() && related.is_empty() {
                p.muted { "Chưa có quan hệ nào được ghi nhận cho văn bản này trong kho." }
            } @else {
                (diagram(&d.meta, &groups))
                (groups_html(&groups, &related))
            }
            @if snap.graph.is_none() {
                p.muted { "Chỉ mục này chưa có đồ thị trích dẫn (lập lại chỉ mục bằng " code { "cancu index" } ")." }
            }
        }
    }
}

/// Per article: the articles of other documents (or of this one) that cite it, as
/// (link, text), without repeats.
fn cited_by_article(snap: &Snapshot, id: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let Some(graph) = &snap.graph else { return out };
    for e in graph.cited_by(id, None) {
        let Some(target) = e.target_article else { continue };
        let label = snap.catalog.get(e.source).map_or_else(|| e.source.to_string(), |m| m.label());
        let text = match e.source_article {
            Some(a) => format!("Điều {a} {label}"),
            None => label,
        };
        let href = url::at(e.source, e.source_article.map(|a| anchor(a, None, None)).as_deref());
        let v = out.entry(target.to_string()).or_default();
        if !v.iter().any(|(h, _)| *h == href) {
            v.push((href, text));
        }
    }
    out
}

fn cited_by_box(places: Option<&Vec<(String, String)>>) -> Markup {
    html! {
        @if let Some(p) = places {
            details.cited-by {
                summary { "Được trích dẫn bởi " (p.len()) }
                ul { @for (href, text) in p.iter().take(SHOWN_PLACES) { li { a href=(href) { (text) } } } }
                @if p.len() > SHOWN_PLACES { p.muted { "… và " (p.len() - SHOWN_PLACES) " nơi nữa." } }
            }
        }
    }
}

/// The Toàn văn tab.
fn text_tab(snap: &Snapshot, d: &Document) -> Markup {
    let m = &d.meta;
    let has_articles = d.articles().next().is_some();
    let links = |article: &str, text: &str| crate::web::citations::links(snap, d, Some(article), text);
    let opts = ArticleOptions { anchors: true, print_checkbox: Some(&m.id), links: &links };
    let cited = cited_by_article(snap, &m.id);
    // Articles worded otherwise in another Pháp điển release: "So sánh phiên bản", one click
    // from the article.
    let versioned = crate::validity::versions::articles_with_versions(d);
    // Each article's own status: a repeal stated by a later document, an amendment noted by
    // the Pháp điển (the document's badge does not say which articles).
    let notes =
        crate::validity::json::article_notes(snap.validity.as_ref().and_then(|v| v.get(&m.id)), Some(m));
    let text = render::body(d, &opts, &|text| crate::web::citations::links(snap, d, None, text), &|a| {
        html! {
            @for n in notes.get(&a.number).into_iter().flatten() { p.article-status { (n) } }
            @if versioned.contains(&a.number.as_str()) {
                p.versions { a href=(url::compare(&m.id, &a.number)) { "So sánh phiên bản" } }
            }
            (cited_by_box(cited.get(&a.number)))
        }
    });
    html! {
        div.doc-grid {
            @if has_articles {
                aside.side { details.toc-box open { summary { "Mục lục" } (render::toc(d)) } }
            }
            div.doc-main {
                @if has_articles {
                    form.print-form action="/in" method="get" {
                        div.print-bar {
                            button type="submit" { "In các điều đã chọn" } " "
                            a href=(url::print(&m.id)) { "In cả văn bản" }
                        }
                        (text)
                    }
                } @else {
                    (text)
                    @if d.body.is_empty() {
                        p.muted { "Kho dữ liệu chưa có nội dung văn bản này." }
                        @if let Some(u) = &m.url { p { (external_link(u, "Xem văn bản trên cổng thông tin chính thức")) } }
                        // What is known of it, on the page it opens on.
                        section.panel id="thuoc-tinh" { h2 { "Thuộc tính văn bản" } (properties(snap, d)) }
                        (history(snap.validity.as_ref(), m))
                    }
                }
            }
        }
    }
}

/// The Tải về tab.
fn downloads_tab(d: &Document) -> Markup {
    let m = &d.meta;
    let has_text = d.articles().next().is_some() || !d.body.is_empty();
    html! {
        section.panel id="tai-ve" {
            h2 { "Tải về" }
            @if has_text {
                ul.downloads {
                    li { a href=(url::docx(&m.id)) download { "Tệp Word (.docx)" } " — cả văn bản, mỗi điều một tiêu đề" }
                    li { a href=(url::print(&m.id)) { "Bản in" } " — cả văn bản trên một trang, kèm cơ quan ban hành, ngày tháng, tình trạng" }
                }
            } @else {
                p.muted { "Kho dữ liệu chưa có nội dung văn bản này để tải về." }
            }
            ul.downloads {
                li { a href={ "/api/documents/" (m.id) } { "Dữ liệu JSON" } " — thông tin và nội dung cho phần mềm khác" }
                @if let Some(u) = &m.url { li { (external_link(u, "Bản chính thức trên cổng thông tin")) } }
            }
        }
    }
}

/// Under the title of a document that ended wholly or in part: the latest such change, its
/// evidence linked, and the way to the whole history.
fn ended_line(snap: &Snapshot, m: &Metadata) -> Markup {
    use crate::validity::Change;
    let today = crate::model::Date::today();
    let last = snap.validity.as_ref().and_then(|v| v.get(&m.id)).and_then(|r| {
        r.events
            .iter()
            .filter(|e| e.change != Change::Effective && e.date.is_none_or(|d| d <= today))
            .max_by_key(|e| e.date)
    });
    html! {
        @if let Some(e) = last {
            @let ev = &e.evidence;
            p.ended {
                @if e.change == Change::Ends { "Hết hiệu lực" } @else { "Hết hiệu lực một phần" }
                @if let Some(d) = e.date { " từ " (d.vi()) }
                " theo "
                a href=(url::at(&ev.document, ev.article.as_deref().map(|a| anchor(a, None, None)).as_deref())) {
                    @if let Some(a) = &ev.article { "Điều " (a) " " } (ev.label)
                }
                " · " a href=(url::document_tab(&m.id, "lich-su")) { "Lịch sử hiệu lực" }
            }
        }
    }
}

/// What today's status cannot say (past the latest source or the data), under the header
/// of every tab: the note the Thuộc tính tab gives in full.
fn caveat_line(snap: &Snapshot, m: &Metadata) -> Markup {
    let caveat = snap.validity.as_ref().and_then(|v| v.status_at(&m.id, crate::model::Date::today()).caveat);
    html! {
        @if let Some(c) = caveat {
            p.caveat.muted { "Lưu ý về hiệu lực: " (c) }
        }
    }
}

/// The tab bar: a link per tab, the current one marked.
fn tab_bar(id: &str, current: &str, counts: &BTreeMap<&str, usize>) -> Markup {
    html! {
        nav.tabs aria-label="Các phần của văn bản" {
            @for (slug, name) in TABS {
                a href=(url::document_tab(id, slug)) aria-current=[(slug == current).then_some("page")] {
                    (name) @if let Some(n) = counts.get(slug) { " (" (n) ")" }
                }
            }
        }
    }
}

/// `GET /van-ban/{id}`.
pub async fn page_handler(
    State(state): State<AppState>,
    Path(id): Path<String>,
    params: Result<Typed<DocParams>, AppError>,
) -> Result<Html<String>, PageError> {
    let Typed(params) = params?;
    let tab = params.tab.as_deref().unwrap_or(TABS[0].0);
    if !TABS.iter().any(|(s, _)| *s == tab) {
        return Err(AppError::bad_request(
            "bad_parameter",
            "Tham số “tab” không hợp lệ (toan-van, thuoc-tinh, luoc-do, lich-su, tai-ve).",
        )
        .into());
    }
    let snap = state.snapshot();
    let d = document(&snap, &id)?;
    let d = &*d;
    let m = &d.meta;
    let mut counts = BTreeMap::new();
    if let Some(g) = &snap.graph {
        let n = g.cited_by(&m.id, None).len() + g.outgoing(&m.id, None).len() + m.relations.len();
        if n > 0 {
            counts.insert("luoc-do", n);
        }
    }
    let content = match tab {
        "thuoc-tinh" => {
            html! { section.panel id="thuoc-tinh" { h2 { "Thuộc tính văn bản" } (properties(&snap, d)) } }
        }
        "luoc-do" => outline_tab(&snap, d),
        "lich-su" => {
            let h = history(snap.validity.as_ref(), m);
            html! {
                @if h.0.is_empty() {
                    section.panel id="lich-su-hieu-luc" { h2 { "Lịch sử hiệu lực" }
                        p.muted { "Kho dữ liệu chưa ghi nhận sự kiện hiệu lực nào của văn bản này." } }
                } @else { (h) }
                (crate::web::pages::compare::panel(d))
            }
        }
        "tai-ve" => downloads_tab(d),
        _ => text_tab(&snap, d),
    };
    let meta_line: Vec<String> = [
        m.issuer.clone(),
        m.signed.map(|s| format!("ban hành {}", s.vi())),
        m.effective.map(|s| format!("hiệu lực từ {}", s.vi())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let body = html! {
        article.doc {
            header.doc-head {
                p.kicker { (m.doc_type.as_vi()) " " (m.canonical.as_deref().unwrap_or("")) }
                h1 { (m.title) }
                (badge(snap.status_today(&m.id)))
                @if !meta_line.is_empty() { " " span.muted { (meta_line.join(" · ")) } }
                (ended_line(&snap, m))
                (caveat_line(&snap, m))
            }
            (tab_bar(&m.id, tab, &counts))
            (content)
        }
    };
    let title = match TABS.iter().find(|(s, _)| *s == tab) {
        Some((s, name)) if *s != TABS[0].0 => format!("{} – {name}", m.label()),
        _ => m.label(),
    };
    Ok(Html(page(&title, body).into_string()))
}

/// The "Lịch sử hiệu lực" panel: the document's validity events in date order, each with the
/// article stating it (linked) and its words, then the Pháp điển amendment notes per article.
/// Empty markup when nothing is known.
pub fn history(v: Option<&crate::validity::Validity>, m: &Metadata) -> Markup {
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
        return html! {};
    }
    let what = |e: &crate::validity::Event| match e.change {
        Change::Effective => "có hiệu lực".to_string(),
        Change::Ends if e.kept => "hết hiệu lực, trừ một số quy định tiếp tục có hiệu lực".to_string(),
        Change::Ends => "hết hiệu lực".to_string(),
        Change::EndsInPart => format!("hết hiệu lực một phần ({})", e.part.as_deref().unwrap_or("")),
    };
    html! {
        section.panel id="lich-su-hieu-luc" {
            h2 { "Lịch sử hiệu lực" }
            ol.timeline {
                @for e in events {
                    @let ev = &e.evidence;
                    li {
                        strong { (e.date.map(|d| d.vi()).unwrap_or_else(|| "chưa rõ ngày".into())) }
                        " — " (what(e)) " — theo "
                        a href=(url::at(&ev.document, ev.article.as_deref().map(|a| anchor(a, None, None)).as_deref())) {
                            @if let Some(a) = &ev.article { "Điều " (a) " " } (ev.label)
                        }
                        " (" (ev.kind.as_vi()) "): “" (ev.quote) "”"
                    }
                }
                @for (n, note) in notes { li { "Điều " (n) ": " (note) } }
            }
        }
    }
}

/// `GET /van-ban/{id}/dieu/{n}` → the document page at the article's anchor.
pub async fn article_redirect(
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    let snap = state.snapshot();
    match document(&snap, &id).and_then(|d| article(&d, &n).map(|a| a.number.clone())) {
        Ok(number) => {
            Redirect::to(&url::at(&id, Some(&crate::web::html::url_encode(&anchor(&number, None, None)))))
                .into_response()
        }
        Err(e) => PageError(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, DocType};

    fn doc(id: &str, number: &str, text: &str) -> Document {
        let mut m = Metadata::new(id, DocType::Luat, "Luật thử");
        m.canonical = Some(number.into());
        m.number = Some(number.into());
        let body = vec![Block::Article(Article {
            number: "9".into(),
            title: "Hiệu lực thi hành".into(),
            paragraphs: text.lines().map(String::from).collect(),
        })];
        Document { meta: m, body }
    }

    #[test]
    fn history_lists_events_with_linked_evidence() {
        let docs = vec![
            doc("luat-1-2030-qh15", "1/2030/QH15", "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2030.\n2. Luật Thử số 5/2020/QH14 (<b>) hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."),
            doc("luat-5-2020-qh14", "5/2020/QH14", "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021."),
        ];
        let v = crate::validity::derive(&docs, &Catalog::from_documents(&docs));
        let html = history(Some(&v), &docs[1].meta).into_string();
        assert!(html.contains("Lịch sử hiệu lực"), "{html}");
        assert!(html.contains("<strong>01/07/2030</strong> — hết hiệu lực"), "{html}");
        assert!(html.contains("href=\"/van-ban/luat-1-2030-qh15#dieu-9\""), "{html}");
        assert!(html.contains("&lt;b&gt;") && !html.contains("<b>"), "escaped: {html}");
        assert!(history(None, &Metadata::new("x", DocType::Luat, "x")).into_string().is_empty());
    }

    #[test]
    fn says_how_much_of_the_text_is_held() {
        let with = |numbers: &[&str], c: Completeness| {
            let mut d = doc("x", "1/2020/QH14", "");
            d.meta.completeness = c;
            d.body = numbers
                .iter()
                .map(|n| {
                    Block::Article(Article {
                        number: n.to_string(),
                        title: String::new(),
                        paragraphs: vec![],
                    })
                })
                .collect();
            completeness(&d)
        };
        let rows = [
            (with(&["1", "2", "3"], Completeness::Partial), "Điều 1 – Điều 3 (3 điều, theo Bộ Pháp điển)"),
            (with(&["1", "5"], Completeness::Partial), "một số điều (2 điều; không có Điều 2, 3, 4)"),
            (with(&["2", "3"], Completeness::Partial), "một số điều (2 điều; không có Điều 1)"),
            (with(&["1", "9"], Completeness::Partial), "một số điều (2 điều)"),
            (with(&["1", "2a", "3"], Completeness::Partial), "một số điều (3 điều)"),
            (with(&["1", "2"], Completeness::Full), "toàn văn (2 điều)"),
            (with(&[], Completeness::MetadataOnly), "chỉ có thông tin văn bản, chưa có nội dung"),
        ];
        for (got, want) in rows {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn names_sources_in_vietnamese() {
        let rows = [
            ("phapdien-2026", "Bộ Pháp điển điện tử (bản 2026)"),
            ("cited-only", "Chỉ biết qua trích dẫn của các văn bản trong kho"),
            ("vanban-goc", "Văn bản gốc (bản công bố)"),
        ];
        for (code, want) in rows {
            assert_eq!(crate::model::source_name(code), want);
        }
        // Two files of one collection are one line.
        let mut m = Metadata::new("x", DocType::Luat, "x");
        for (source, articles) in [("vanban-goc", 220), ("vanban-goc", 220), ("phapdien-2026", 219)] {
            m.sources.push(crate::model::Provenance {
                source: source.into(),
                articles,
                ..Default::default()
            });
        }
        assert_eq!(
            sources(&m),
            [
                ("Văn bản gốc (bản công bố)".to_string(), 220),
                ("Bộ Pháp điển điện tử (bản 2026)".to_string(), 219)
            ]
        );
    }

    #[test]
    fn the_diagram_links_every_drawn_document_and_escapes_names() {
        let me = Metadata::new("luat-x", DocType::Luat, "Thử <script>");
        let rel = |id: Option<&str>, name: &str| Related {
            id: id.map(String::from),
            name: name.into(),
            label: String::new(),
            status: Status::Unknown,
            places: vec![],
        };
        let groups = vec![
            RelGroup {
                title: GROUPS[0].0,
                incoming: false,
                docs: vec![rel(Some("nghi-dinh-a"), "Căn cứ <b>")],
            },
            RelGroup {
                title: GROUPS[11].0,
                incoming: true,
                docs: vec![rel(Some("nghi-dinh-b"), "B"), rel(None, "C")],
            },
        ];
        let svg = diagram(&me, &groups).into_string();
        assert!(svg.contains("<svg") && svg.contains("href=\"/van-ban/nghi-dinh-a\""), "{svg}");
        assert!(svg.contains("href=\"/van-ban/nghi-dinh-b\""), "{svg}");
        assert_eq!(svg.matches("<a ").count(), 2, "the unheld document is drawn without a link");
        assert!(
            svg.contains("Căn cứ &lt;b&gt;") && !svg.contains("<b>") && !svg.contains("<script>"),
            "{svg}"
        );
    }
}
