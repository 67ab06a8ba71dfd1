//! HTML output on `maud` templates: every page is a tree of `maud::html!` components (plain
//! Rust functions returning [`Markup`]), so text and attribute values are escaped by
//! construction — a string that did not come from a template literal cannot become markup.
//! [`page`] is the shell every page shares; [`badge`], [`marked`], [`external_link`] are the
//! small components the pages reuse. maud's escaper is the one escaper (the search snippets'
//! `<mark>` fragments use it too, through [`maud::Escaper`]); [`url_encode`] encodes inside a
//! URL (see [`super::url`]).

use std::fmt::{self, Display, Write};

pub use maud::{html, Markup, PreEscaped, Render, DOCTYPE};

use crate::model::Status;

/// Percent-encodes a query-string component (UTF-8; unreserved characters kept).
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Builds `path?k=v&…` from pairs, skipping empty values.
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = path.to_string();
    let mut first = true;
    for (k, v) in pairs {
        if v.is_empty() {
            continue;
        }
        out.push(if first { '?' } else { '&' });
        first = false;
        out.push_str(&url_encode(k));
        out.push('=');
        out.push_str(&url_encode(v));
    }
    out
}

/// The validity badge of a status: a component in templates, and (for the pages not yet on
/// maud) a `Display` that writes the same markup.
#[derive(Debug, Clone, Copy)]
pub struct Badge(pub Status);

/// The validity badge of `status`.
pub fn badge(status: Status) -> Badge {
    Badge(status)
}

impl Render for Badge {
    fn render(&self) -> Markup {
        html! { span class={ "badge badge-" (self.0.code()) } { (self.0.as_vi()) } }
    }
}

impl Display for Badge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render().into_string())
    }
}

/// Text with byte ranges marked (`<mark>`), everything escaped. Ranges that are out of
/// bounds, overlap or do not fall on character boundaries are ignored.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Markup {
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut pos = 0;
    for &(s, e) in ranges {
        if s < pos || e <= s || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        parts.push((&text[pos..s], false));
        parts.push((&text[s..e], true));
        pos = e;
    }
    parts.push((&text[pos..], false));
    html! {
        @for (t, mark) in parts {
            @if mark { mark { (t) } } @else { (t) }
        }
    }
}

/// The page shell around `body`, with an empty search box.
pub fn page(title: &str, body: Markup) -> Markup {
    page_with_query(title, "", body)
}

/// The page shell around `body`; `q` fills the header's search box.
pub fn page_with_query(title: &str, q: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="vi" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · căn cứ" }
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/static/style.css";
                script src="/static/app.js" defer {}
            }
            body {
                header.site {
                    a.logo href="/" { "căn cứ" }
                    form.quick action="/" method="get" role="search" {
                        input type="search" name="q" value=(q) placeholder="Tìm văn bản, điều, số hiệu…"
                            aria-label="Tìm kiếm" maxlength=(super::limits::MAX_QUERY_CHARS) autocomplete="off";
                        button type="submit" { "Tìm" }
                    }
                    nav {
                        a href="/phap-dien" { "Pháp điển" }
                        a href="/thuat-ngu" { "Thuật ngữ" }
                        a href="/lien-ket" { "Liên kết kế hoạch" }
                        a href="/api" { "API" }
                    }
                }
                main { (body) }
                footer.site {
                    "căn cứ — tra cứu văn bản pháp luật và văn bản của Đảng. Văn bản tham khảo; đối chiếu bản chính thức trước khi sử dụng."
                }
            }
        }
    }
}

/// Only http(s) links from the corpus become `href`s; anything else is shown as text.
pub fn external_link(url: &str, label: &str) -> Markup {
    let lower = url.trim().to_ascii_lowercase();
    html! {
        @if lower.starts_with("https://") || lower.starts_with("http://") {
            a href=(url.trim()) rel="noopener noreferrer nofollow" { (label) }
        } @else {
            (label)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_dangerous() {
        // maud escapes text and attributes by construction.
        let rows = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"x", "&quot;x"),
        ];
        for (raw, want) in rows {
            assert_eq!(html! { (raw) }.into_string(), want);
            assert_eq!(html! { a title=(raw) {} }.into_string(), ["<a title=\"", want, "\"></a>"].concat());
        }
    }

    #[test]
    fn marks_ranges_safely() {
        let m = |t: &str, r: &[(usize, usize)]| marked(t, r).into_string();
        assert_eq!(m("dân <b>chủ</b>", &[(0, 4)]), "<mark>dân</mark> &lt;b&gt;chủ&lt;/b&gt;");
        // Out of range, inside a char, overlapping: ignored.
        assert_eq!(m("dân", &[(1, 2), (0, 99)]), "dân");
        assert_eq!(m("ab cd", &[(0, 2), (1, 4), (3, 5)]), "<mark>ab</mark> <mark>cd</mark>");
    }

    #[test]
    fn encodes_urls() {
        assert_eq!(url_encode("dân chủ&x=<"), "d%C3%A2n+ch%E1%BB%A7%26x%3D%3C");
        assert_eq!(href("/", &[("q", "a b"), ("type", "")]), "/?q=a+b");
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(external_link("javascript:alert(1)", "x").into_string().starts_with('x'));
        assert!(external_link("https://vbpl.vn/?a=1&b=\"", "x").into_string().contains("&amp;b=&quot;"));
    }

    #[test]
    fn badge_is_the_same_markup_both_ways() {
        let b = badge(Status::InForce);
        assert_eq!(b.to_string(), html! { (b) }.into_string());
        assert!(b.to_string().starts_with("<span class=\"badge badge-in_force\">"));
    }
}
