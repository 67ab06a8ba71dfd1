//! HTML output: escaping and the page layout. Every string that did not come from this
//! source file goes through [`esc`] (text and attribute values alike) or [`url_encode`]
//! (inside a URL), so corpus text or a query containing `<script>` renders as text.

use std::fmt::{self, Display, Write};

use crate::model::Status;

/// HTML-escapes text and attribute values: `& < > " '`.
pub struct Esc<'a>(pub &'a str);

/// Wraps a string for escaped output: `format!("<p>{}</p>", esc(s))`.
pub fn esc(s: &str) -> Esc<'_> {
    Esc(s)
}

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])
    }
}

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

/// The validity badge of a status.
pub fn badge(status: Status) -> String {
    format!("<span class=\"badge badge-{}\">{}</span>", status.code(), esc(status.as_vi()))
}

/// Text with byte ranges marked (`<mark>`), everything escaped. Ranges that are out of
/// bounds, overlap or do not fall on character boundaries are ignored.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 13);
    let mut pos = 0;
    for &(s, e) in ranges {
        if s < pos || e <= s || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let _ = write!(out, "{}<mark>{}</mark>", esc(&text[pos..s]), esc(&text[s..e]));
        pos = e;
    }
    let _ = write!(out, "{}", esc(&text[pos..]));
    out
}

/// The page around `body`. `q` fills the header's search box.
pub fn layout(title: &str, q: &str, body: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · căn cứ</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="site">
<a class="logo" href="/">căn cứ</a>
<form class="quick" action="/" method="get" role="search">
<input type="search" name="q" value="{q}" placeholder="Tìm văn bản, điều, số hiệu…" aria-label="Tìm kiếm" maxlength="{max}" autocomplete="off">
<button type="submit">Tìm</button>
</form>
<nav><a href="/phap-dien">Pháp điển</a><a href="/thuat-ngu">Thuật ngữ</a><a href="/lien-ket">Liên kết kế hoạch</a><a href="/api">API</a></nav>
</header>
<main>
{body}
</main>
<footer class="site">căn cứ — tra cứu văn bản pháp luật và văn bản của Đảng. Văn bản tham khảo; đối chiếu bản chính thức trước khi sử dụng.</footer>
</body>
</html>
"#,
        title = esc(title),
        q = esc(q),
        max = super::limits::MAX_QUERY_CHARS,
        body = body
    )
}

/// Only http(s) links from the corpus become `href`s; anything else is shown as text.
pub fn external_link(url: &str, label: &str) -> String {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!("<a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a>", esc(url.trim()), esc(label))
    } else {
        esc(label).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_dangerous() {
        let rows = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("a & b", "a &amp; b"),
            ("\"x' onload='y", "&quot;x&#39; onload=&#39;y"),
            ("Điều 5", "Điều 5"),
        ];
        for (raw, want) in rows {
            assert_eq!(esc(raw).to_string(), want);
        }
    }

    #[test]
    fn marks_ranges_safely() {
        assert_eq!(marked("dân <b>chủ</b>", &[(0, 4)]), "<mark>dân</mark> &lt;b&gt;chủ&lt;/b&gt;");
        // Out of range, inside a char, overlapping: ignored.
        assert_eq!(marked("dân", &[(1, 2), (0, 99)]), "dân");
        assert_eq!(marked("ab cd", &[(0, 2), (1, 4), (3, 5)]), "<mark>ab</mark> <mark>cd</mark>");
    }

    #[test]
    fn encodes_urls() {
        assert_eq!(url_encode("dân chủ&x=<"), "d%C3%A2n+ch%E1%BB%A7%26x%3D%3C");
        assert_eq!(href("/", &[("q", "a b"), ("type", "")]), "/?q=a+b");
    }

    #[test]
    fn only_web_links_are_links() {
        assert!(external_link("javascript:alert(1)", "x").starts_with('x'));
        assert!(external_link("https://vbpl.vn/?a=1&b=\"", "x").contains("&amp;b=&quot;"));
    }
}
