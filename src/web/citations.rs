//! Citations in the web layer: reading a posted text (`POST /api/cite`) and turning the
//! citations of a paragraph into links over their spans ([`links`]) — to the cited document
//! page, at the pinpointed article, khoản and điểm when there is one.

use super::render::SpanLink;
use super::state::Snapshot;
use crate::cite::{extract_resolved, Citation, Context};
use crate::model::{Document, Metadata};

/// The citations of `text`, resolved against the snapshot's catalog as if written in `citing`.
pub fn read(snap: &Snapshot, text: &str, citing: Option<&Metadata>) -> Vec<Citation> {
    let ctx = citing.map(Context::of).unwrap_or_default();
    extract_resolved(text, &snap.catalog, &ctx)
}

/// Links a plan (the plan linker): citations, clauses, sources, warnings; links point at
/// the document pages.
pub fn link(snap: &Snapshot, text: &str) -> crate::link::LinkReport {
    let opts = crate::link::Options { base: "/van-ban/".into() };
    crate::link::link_with(text, &snap.catalog, &opts, snap.validity.as_ref())
}

/// The link of a resolved citation: `/van-ban/<id>#<anchor>`. A self-reference without an
/// article ("khoản 1 Điều này") takes the article it is written in.
pub fn href(c: &Citation, here_article: Option<&str>) -> Option<String> {
    let target = c.target.as_deref()?;
    let p = c.pinpoint.as_ref();
    let article = p.and_then(|p| p.article.as_deref()).or(if c.self_ref { here_article } else { None });
    let anchor = article.map(|a| {
        let clause = p.and_then(|p| p.clause.as_deref());
        crate::structure::anchor(a, clause, clause.and(p.and_then(|p| p.point.as_deref())))
    });
    Some(match anchor {
        Some(a) => format!("/van-ban/{target}#{a}"),
        None => format!("/van-ban/{target}"),
    })
}

/// What the citation was read as, for a tooltip.
pub fn describe(c: &Citation) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = c.pinpoint_text() {
        parts.push(p);
    }
    match (c.doc_type, &c.number) {
        (Some(t), Some(n)) => parts.push(format!("{} {n}", t.as_vi())),
        (None, Some(n)) => parts.push(n.clone()),
        (Some(t), None) => parts.push(format!("{} {}", t.as_vi(), c.name.as_deref().unwrap_or(""))),
        (None, None) => {}
    }
    if let Some(d) = c.date {
        parts.push(format!("ngày {:02}/{:02}/{}", d.day, d.month, d.year));
    }
    let read = parts.join(", ");
    if c.target.is_some() {
        read
    } else {
        format!("{read} (chưa có trong kho dữ liệu)")
    }
}

/// Links over the citations of one paragraph of `doc` (article `article`, if inside one).
/// Self-references to the document as a whole ("Luật này") are not linked.
pub fn links(snap: &Snapshot, doc: &Document, article: Option<&str>, text: &str) -> Vec<SpanLink> {
    read(snap, text, Some(&doc.meta))
        .into_iter()
        .filter(|c| !(c.self_ref && c.pinpoint.is_none()))
        .filter(|c| c.number.is_some() || c.name.is_some() || c.self_ref || c.doc_type.is_some())
        .map(|c| SpanLink { start: c.start, end: c.end, href: href(&c, article), title: describe(&c) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::Pinpoint;

    fn cite(
        target: Option<&str>,
        self_ref: bool,
        pin: Option<(Option<&str>, Option<&str>, Option<&str>)>,
    ) -> Citation {
        Citation {
            text: String::new(),
            start: 0,
            end: 0,
            doc_type: None,
            number: None,
            date: None,
            year: None,
            issuer: None,
            name: None,
            pinpoint: pin.map(|(a, c, p)| Pinpoint {
                article: a.map(str::to_string),
                clause: c.map(str::to_string),
                point: p.map(str::to_string),
            }),
            self_ref,
            target: target.map(str::to_string),
        }
    }

    #[test]
    fn links_go_to_the_pinpoint() {
        let rows = [
            (cite(Some("luat-x"), false, None), None, Some("/van-ban/luat-x")),
            (
                cite(Some("luat-x"), false, Some((Some("5"), Some("2"), Some("đ")))),
                None,
                Some("/van-ban/luat-x#dieu-5-khoan-2-diem-đ"),
            ),
            // "khoản 1 Điều này", written in Điều 3.
            (
                cite(Some("nd-y"), true, Some((None, Some("1"), None))),
                Some("3"),
                Some("/van-ban/nd-y#dieu-3-khoan-1"),
            ),
            // A point without a clause does not make an anchor of its own.
            (
                cite(Some("luat-x"), false, Some((Some("5"), None, Some("a")))),
                None,
                Some("/van-ban/luat-x#dieu-5"),
            ),
            (cite(None, false, Some((Some("5"), None, None))), None, None),
        ];
        for (c, here, want) in rows {
            assert_eq!(href(&c, here).as_deref(), want, "{c:?}");
        }
    }
}
