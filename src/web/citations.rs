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
/// the document pages, as paths, or absolute on `origin` ([`super::url::origin`]: for the
/// files downloaded, whose links must open outside the site).
pub fn link(snap: &Snapshot, text: &str, origin: Option<&str>) -> crate::link::LinkReport {
    let opts = crate::link::Options { base: super::url::absolute(origin, &super::url::document("")) };
    crate::link::link_with(text, &*snap.catalog, &opts, snap.validity.as_ref())
}

/// The first window of a posted text read when bounding its citations (bytes); each next
/// window is four times larger, the last is the whole text.
const PROBE: usize = 64 * 1024;
/// Citations beyond the limit a window must hold before its first
/// [`super::limits::MAX_CITATIONS`] are taken as the text's own (a citation read near the end
/// of a window might read differently with the text after it).
const MARGIN: usize = 100;

/// Runs `count` on growing prefixes of `text` (cut on character boundaries) until one holds
/// more than `MAX_CITATIONS + MARGIN` citations, or the whole text has been read; returns that
/// prefix's result. A text with few citations is read once; a flood of citations is read
/// only as far as needed, so the work stays bounded whatever the text's length.
fn first_window<T>(text: &str, run: impl Fn(&str) -> T, count: impl Fn(&T) -> usize) -> T {
    let mut window = PROBE;
    loop {
        if window >= text.len() {
            return run(text);
        }
        let mut end = window;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let got = run(&text[..end]);
        if count(&got) > super::limits::MAX_CITATIONS + MARGIN {
            return got;
        }
        window = window.saturating_mul(4);
    }
}

/// [`read`] for a posted text (no citing document): its first
/// [`super::limits::MAX_CITATIONS`] citations; `true` when it has more.
pub fn read_bounded(snap: &Snapshot, text: &str) -> (Vec<Citation>, bool) {
    // As `cancu cite`: the text's header (or a corpus file's front matter) dates it.
    let head = crate::link::header::read(text);
    let body = head.readable(text);
    let ctx = head.context();
    let mut got = first_window(&body, |t| extract_resolved(t, &snap.catalog, &ctx), Vec::len);
    let cut = got.len() > super::limits::MAX_CITATIONS;
    got.truncate(super::limits::MAX_CITATIONS);
    (got, cut)
}

/// [`link`] for a posted plan, bounded: a plan with more than
/// [`super::limits::MAX_CITATIONS`] citations is linked up to its first citation past the
/// limit. Returns the report and, when it was cut, the length (bytes) of the text linked.
pub fn link_bounded(
    snap: &Snapshot,
    text: &str,
    origin: Option<&str>,
) -> (crate::link::LinkReport, Option<usize>) {
    let report = first_window(text, |t| link(snap, t, origin), |r| r.citations.len());
    match report.citations.get(super::limits::MAX_CITATIONS) {
        None => (report, None),
        Some(first_out) => {
            let mut cut = first_out.citation.start.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            drop(report);
            (link(snap, &text[..cut], origin), Some(cut))
        }
    }
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
    Some(super::url::at(target, anchor.as_deref()))
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
        parts.push(format!("ngày {}", d.vi()));
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
            ..Citation::default()
        }
    }

    #[test]
    fn citation_floods_are_read_only_as_far_as_needed() {
        use crate::web::limits::MAX_CITATIONS;
        // (text, length of the prefix read last, number of reads)
        let flood = "x".repeat(10 * PROBE);
        let sparse = format!("x{}", " ".repeat(63)).repeat(2 * PROBE / 64);
        let short = "xx".to_string();
        let dense_tail = format!("{}{}", " ".repeat(PROBE), "x".repeat(MAX_CITATIONS + MARGIN + 1));
        let rows: [(&str, usize, usize); 4] = [
            (&flood, PROBE, 1),
            (&sparse, sparse.len(), 2),
            (&short, 2, 1),
            (&dense_tail, dense_tail.len(), 2),
        ];
        for (text, read_last, reads) in rows {
            let calls = std::cell::Cell::new(0);
            let got = first_window(
                text,
                |t| {
                    calls.set(calls.get() + 1);
                    t.len()
                },
                |&n| text[..n].matches('x').count(),
            );
            assert_eq!((got, calls.get()), (read_last, reads), "{}", text.len());
        }
        // Windows are cut on character boundaries.
        let viet = "Luật ".repeat(PROBE);
        let n = first_window(&viet, str::len, |&n| n);
        assert!(viet.is_char_boundary(n) && n <= PROBE);
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
