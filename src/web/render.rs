//! Rendering the corpus as HTML: a document's table of contents and body, every article,
//! khoản and điểm with its stable anchor (`dieu-5`, `dieu-5-khoan-2`, `dieu-5-khoan-2-diem-đ`),
//! and paragraphs as escaped text with optional links over byte spans (citations).

use std::fmt::Write;

use super::html::esc;
use crate::model::{Article, Block, Document};
use crate::structure::{anchor, Outline};

/// A link over a byte span of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanLink {
    pub start: usize,
    pub end: usize,
    /// Already a path we built (`/van-ban/…#…`) — escaped on output anyway.
    pub href: Option<String>,
    /// Tooltip: what the citation was read as.
    pub title: String,
}

/// A paragraph's text, escaped, with `links` over it (unresolved ones as `<span>`), cut by
/// [`crate::cite::annotate`] (its rule for overlapping and broken spans).
pub fn paragraph_text(text: &str, links: &[SpanLink]) -> String {
    let mut out = String::with_capacity(text.len() + 64 * links.len());
    for p in crate::cite::annotate::annotate(text, links.iter().map(|l| (l.start, l.end, l))) {
        let inner = esc(&text[p.start..p.end]);
        let _ = match p.mark {
            None => write!(out, "{inner}"),
            Some(SpanLink { href: Some(h), title, .. }) => {
                write!(out, "<a class=\"cite\" href=\"{}\" title=\"{}\">{inner}</a>", esc(h), esc(title))
            }
            Some(SpanLink { href: None, title, .. }) => {
                write!(out, "<span class=\"cite unresolved\" title=\"{}\">{inner}</span>", esc(title))
            }
        };
    }
    out
}

/// How an article is rendered.
pub struct ArticleOptions<'a> {
    /// Give the article, its khoản and điểm their `id`s (off in the print view, where several
    /// documents share a page).
    pub anchors: bool,
    /// A checkbox `a=<doc>:<article>` for the print form.
    pub print_checkbox: Option<&'a str>,
    /// Links over each paragraph, given the article number and the paragraph.
    pub links: &'a dyn Fn(&str, &str) -> Vec<SpanLink>,
}

/// No links.
pub fn no_links(_: &str, _: &str) -> Vec<SpanLink> {
    Vec::new()
}

/// One article as a `<section>`.
pub fn article(a: &Article, opts: &ArticleOptions<'_>) -> String {
    let outline = Outline::of(a);
    let mut ids: Vec<Option<String>> = vec![None; a.paragraphs.len()];
    let mut classes: Vec<&str> = vec!["doan"; a.paragraphs.len()];
    for c in &outline.clauses {
        ids[c.first] = Some(anchor(&a.number, Some(&c.number), None));
        classes[c.first] = "khoan";
        for p in &c.points {
            ids[p.first] = Some(anchor(&a.number, Some(&c.number), Some(&p.letter)));
            classes[p.first] = "diem";
        }
        for class in &mut classes[c.first + 1..=c.last] {
            if *class == "doan" {
                *class = "doan tiep";
            }
        }
    }
    let art_anchor = anchor(&a.number, None, None);
    let mut out = String::new();
    if opts.anchors {
        let _ = write!(out, "<section class=\"dieu\" id=\"{}\">", esc(&art_anchor));
    } else {
        out.push_str("<section class=\"dieu\">");
    }
    out.push_str("<h3 class=\"dieu-title\">");
    if let Some(doc_id) = opts.print_checkbox {
        let _ = write!(
            out,
            "<label class=\"pick\" title=\"Chọn để in\"><input type=\"checkbox\" name=\"a\" value=\"{}:{}\"><span class=\"sr\">Chọn Điều {} để in</span></label>",
            esc(doc_id),
            esc(&a.number),
            esc(&a.number)
        );
    }
    if opts.anchors {
        let _ = write!(
            out,
            "<a class=\"anchor\" href=\"#{}\">Điều {}.</a> {}</h3>",
            esc(&art_anchor),
            esc(&a.number),
            esc(&a.title)
        );
    } else {
        let _ = write!(out, "Điều {}. {}</h3>", esc(&a.number), esc(&a.title));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        let text = paragraph_text(p, &(opts.links)(&a.number, p));
        match (&ids[i], opts.anchors) {
            (Some(id), true) => {
                let _ = write!(
                    out,
                    "<p class=\"{}\" id=\"{id}\">{text}<a class=\"pin\" href=\"#{id}\" aria-label=\"Liên kết tới đoạn này\">¶</a></p>",
                    classes[i],
                    id = esc(id)
                );
            }
            _ => {
                let _ = write!(out, "<p class=\"{}\">{text}</p>", classes[i]);
            }
        }
    }
    out.push_str("</section>");
    out
}

/// The table of contents: divisions and articles, linking to their anchors.
pub fn toc(doc: &Document) -> String {
    let mut out = String::from("<ol class=\"toc\">");
    for b in &doc.body {
        match b {
            Block::Division(d) => {
                let _ = write!(
                    out,
                    "<li class=\"toc-div\">{} {}{}{}</li>",
                    esc(d.kind.as_vi()),
                    esc(&d.number),
                    if d.title.is_empty() { "" } else { ". " },
                    esc(&d.title)
                );
            }
            Block::Article(a) => {
                let _ = write!(
                    out,
                    "<li><a href=\"#{}\">Điều {}. {}</a></li>",
                    esc(&anchor(&a.number, None, None)),
                    esc(&a.number),
                    esc(&a.title)
                );
            }
            Block::Paragraph { .. } => {}
        }
    }
    out.push_str("</ol>");
    out
}

/// The body: loose paragraphs, division headings and articles in reading order.
pub fn body(
    doc: &Document,
    opts: &ArticleOptions<'_>,
    loose_links: &dyn Fn(&str) -> Vec<SpanLink>,
) -> String {
    let mut out = String::new();
    for b in &doc.body {
        match b {
            Block::Paragraph { text } => {
                let _ = write!(out, "<p class=\"loose\">{}</p>", paragraph_text(text, &loose_links(text)));
            }
            Block::Division(d) => {
                let _ = write!(
                    out,
                    "<h2 class=\"div div-{:?}\">{} {}<small>{}</small></h2>",
                    d.kind,
                    esc(d.kind.as_vi()),
                    esc(&d.number),
                    esc(&d.title)
                );
            }
            Block::Article(a) => out.push_str(&article(a, opts)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_every_clause_and_point() {
        let a = Article {
            number: "5".into(),
            title: "Thử <b>".into(),
            paragraphs: vec![
                "Dẫn:".into(),
                "1. Một".into(),
                "2. Hai".into(),
                "a) A".into(),
                "đ) Đ <script>".into(),
            ],
        };
        let html =
            article(&a, &ArticleOptions { anchors: true, print_checkbox: Some("luat-x"), links: &no_links });
        for id in
            ["dieu-5", "dieu-5-khoan-1", "dieu-5-khoan-2", "dieu-5-khoan-2-diem-a", "dieu-5-khoan-2-diem-đ"]
        {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
        }
        assert!(html.contains("Thử &lt;b&gt;") && html.contains("Đ &lt;script&gt;"));
        assert!(!html.contains("<script>") && !html.contains("<b>"));
        assert!(html.contains("value=\"luat-x:5\""));
    }

    #[test]
    fn links_spans() {
        let links = [
            SpanLink { start: 0, end: 3, href: Some("/van-ban/a\"".into()), title: "x".into() },
            SpanLink { start: 1, end: 5, href: None, title: "overlap".into() },
            SpanLink { start: 4, end: 6, href: None, title: "<t>".into() },
        ];
        assert_eq!(
            paragraph_text("abc de <", &links),
            "<a class=\"cite\" href=\"/van-ban/a&quot;\" title=\"x\">abc</a> <span class=\"cite unresolved\" title=\"&lt;t&gt;\">de</span> &lt;"
        );
    }
}
