//! The one URL builder of the web pages: every link to a page of the site is made here
//! (`document`, `article`, `search`, `demuc`, …), never by hand in a page. Paths carry ids
//! from the id grammar ([`crate::number::valid_id`]) and are percent-encoded all the same;
//! query strings go through [`super::html::href`].

use super::html::{href, url_encode};
use crate::search::Filters;

/// The tabs of a document page (`?tab=`), in the order shown.
pub const TABS: [(&str, &str); 5] = [
    ("toan-van", "Toàn văn"),
    ("thuoc-tinh", "Thuộc tính"),
    ("luoc-do", "Lược đồ"),
    ("lich-su", "Lịch sử"),
    ("tai-ve", "Tải về"),
];

/// The site's address as the client reached it, `http://host[:port]` (or `https://` when a
/// proxy in front says so in `X-Forwarded-Proto`), for links that must work outside the
/// site's pages: the files downloaded. `None` without a `Host` header, or with one that is
/// not a plain host and port (letters, digits, `.`, `-`, `:`, `[`, `]`).
pub fn origin(headers: &axum::http::HeaderMap) -> Option<String> {
    let host = headers.get(axum::http::header::HOST)?.to_str().ok()?.trim();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if host.is_empty() || host.len() > 255 || !host.chars().all(plain) {
        return None;
    }
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').next().is_some_and(|p| p.trim().eq_ignore_ascii_case("https")));
    Some(format!("{}://{host}", if https { "https" } else { "http" }))
}

/// `path` (one of this module's links) made absolute on `origin` ([`origin`]); the path
/// alone without one.
pub fn absolute(origin: Option<&str>, path: &str) -> String {
    match origin {
        Some(o) => format!("{}{path}", o.trim_end_matches('/')),
        None => path.to_string(),
    }
}

/// `/van-ban/{id}`.
pub fn document(id: &str) -> String {
    format!("/van-ban/{}", url_encode(id))
}

/// `/van-ban/{id}?tab={tab}` (the first tab is the plain page).
pub fn document_tab(id: &str, tab: &str) -> String {
    if tab == TABS[0].0 {
        document(id)
    } else {
        href(&document(id), &[("tab", tab)])
    }
}

/// `/van-ban/{id}#{anchor}`: a place in the document's text.
pub fn at(id: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("{}#{a}", document(id)),
        None => document(id),
    }
}

/// `/van-ban/{id}#dieu-{n}`.
pub fn article(id: &str, n: &str) -> String {
    at(id, Some(&crate::structure::anchor(n, None, None)))
}

/// `/van-ban/{id}.docx`: the Word file of a document.
pub fn docx(id: &str) -> String {
    format!("{}.docx", document(id))
}

/// `/in?a={id}`: the print view of a whole document.
pub fn print(id: &str) -> String {
    href("/in", &[("a", id)])
}

/// `/in.docx?{query}`: the Word file of the print selection `query` (the print view's own
/// query string, passed through as the client encoded it).
pub fn print_docx(query: &str) -> String {
    format!("/in.docx?{query}")
}

/// `/so-sanh?a={id}:{n}`: the comparison of the versions of article `n` of document `id`.
pub fn compare(id: &str, n: &str) -> String {
    href("/so-sanh", &[("a", &format!("{id}:{n}"))])
}

/// `/phap-dien/{demuc}`.
pub fn demuc(code: &str) -> String {
    format!("/phap-dien/{}", url_encode(code))
}

/// `/?q=…` with the filters given (empty ones left out), first page.
pub fn search(q: &str, f: &Filters) -> String {
    let year = f.year.map(|y| y.to_string()).unwrap_or_default();
    href(
        "/",
        &[
            ("q", q),
            ("type", f.doc_type.map(|t| t.slug()).unwrap_or("")),
            ("status", f.status.map(|s| s.code()).unwrap_or("")),
            ("year", &year),
            ("issuer", f.issuer.as_deref().unwrap_or("")),
            ("demuc", f.demuc.as_deref().unwrap_or("")),
        ],
    )
}

/// `/thuat-ngu?chu={letter}`.
pub fn glossary_letter(letter: &str) -> String {
    href("/thuat-ngu", &[("chu", letter)])
}

/// The official portal's search for a number or name the corpus lacks (vbpl.vn).
pub fn official_search(text: &str) -> String {
    href("https://vbpl.vn/pages/vbpq-timkiem.aspx", &[("Keyword", text)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_every_kind_of_link() {
        let f = Filters { demuc: Some("44.13".into()), ..Filters::default() };
        let rows = [
            (document("luat-10-2022-qh15"), "/van-ban/luat-10-2022-qh15"),
            (document_tab("luat-x", "luoc-do"), "/van-ban/luat-x?tab=luoc-do"),
            (document_tab("luat-x", "toan-van"), "/van-ban/luat-x"),
            (article("luat-x", "5"), "/van-ban/luat-x#dieu-5"),
            (at("luat-x", Some("dieu-5-khoan-2")), "/van-ban/luat-x#dieu-5-khoan-2"),
            (docx("luat-x"), "/van-ban/luat-x.docx"),
            (print("luat-x"), "/in?a=luat-x"),
            (demuc("44.13"), "/phap-dien/44.13"),
            (search("dân chủ", &f), "/?q=d%C3%A2n+ch%E1%BB%A7&demuc=44.13"),
            (search("", &f), "/?demuc=44.13"),
            (glossary_letter("Đ"), "/thuat-ngu?chu=%C4%90"),
            (document("a b/<"), "/van-ban/a+b%2F%3C"),
        ];
        for (got, want) in rows {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn the_origin_is_the_host_asked_for_and_only_a_plain_one() {
        type Headers<'a> = &'a [(&'a str, &'a str)];
        let rows: [(Headers, Option<&str>); 7] = [
            (&[("host", "127.0.0.1:8080")], Some("http://127.0.0.1:8080")),
            (
                &[("host", "cancu.example.vn"), ("x-forwarded-proto", "https")],
                Some("https://cancu.example.vn"),
            ),
            (&[("host", "[::1]:8080"), ("x-forwarded-proto", "http")], Some("http://[::1]:8080")),
            (&[("host", "evil.example/\"><x")], None),
            (&[("host", "a b")], None),
            (&[("host", "")], None),
            (&[], None),
        ];
        for (headers, want) in rows {
            let mut h = axum::http::HeaderMap::new();
            for (k, v) in headers {
                h.insert(*k, v.parse().unwrap());
            }
            assert_eq!(origin(&h).as_deref(), want, "{headers:?}");
        }
        assert_eq!(absolute(Some("http://h:1"), &document("luat-x")), "http://h:1/van-ban/luat-x");
        assert_eq!(absolute(None, &document("luat-x")), "/van-ban/luat-x");
    }
}
