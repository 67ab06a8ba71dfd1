//! Rendering the corpus as HTML (maud components): a document's table of contents and body,
//! every article, khoản and điểm with its stable anchor (`dieu-5`, `dieu-5-khoan-2`,
//! `dieu-5-khoan-2-diem-đ`), and paragraphs as escaped text with optional links over byte
//! spans (citations).

use super::html::{html, Markup};
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
pub fn paragraph_text(text: &str, links: &[SpanLink]) -> Markup {
    let pieces = crate::cite::annotate::annotate(text, links.iter().map(|l| (l.start, l.end, l)));
    html! {
        @for p in pieces {
            @let inner = &text[p.start..p.end];
            @match p.mark {
                None => (inner),
                Some(SpanLink { href: Some(h), title, .. }) => a.cite href=(h) title=(title) { (inner) },
                Some(SpanLink { href: None, title, .. }) => span class="cite unresolved" title=(title) { (inner) },
            }
        }
    }
}

/// Extensions of the attachment files whose bare names the Pháp điển leaves in the text.
const ATTACHMENTS: [&str; 7] = [".doc", ".docx", ".pdf", ".xls", ".xlsx", ".zip", ".rar"];

/// A paragraph that is only an attachment's file name ("Phu luc_ban hanh kem theo NĐ so
/// 59_2023_ND-CP.doc"), as words to show: the name without its extension, underscores as
/// spaces.
pub fn annex_name(p: &str) -> Option<String> {
    let t = p.trim();
    let lower = t.to_lowercase();
    let ext = ATTACHMENTS.iter().find(|e| lower.ends_with(*e))?;
    if t.len() > 300 || t.contains('\n') {
        return None;
    }
    let stem = &t[..t.len() - ext.len()];
    let words = stem.replace('_', " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    (!words.is_empty()).then_some(words)
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

/// One article as a `<section>`, as a string (for the pages not yet on maud).
pub fn article(a: &Article, opts: &ArticleOptions<'_>) -> String {
    article_html(a, opts, html! {}).into_string()
}

/// One article as a `<section>`; `extra` goes under its heading (the document page's
/// "được trích dẫn bởi").
pub fn article_html(a: &Article, opts: &ArticleOptions<'_>, extra: Markup) -> Markup {
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
    html! {
        section.dieu id=[opts.anchors.then_some(&art_anchor)] {
            h3.dieu-title {
                @if let Some(doc_id) = opts.print_checkbox {
                    label.pick title="Chọn để in" {
                        input type="checkbox" name="a" value={ (doc_id) ":" (a.number) };
                        span.sr { "Chọn Điều " (a.number) " để in" }
                    }
                }
                @if opts.anchors {
                    a.anchor href={ "#" (art_anchor) } { "Điều " (a.number) "." } " " (a.title)
                } @else {
                    "Điều " (a.number) ". " (a.title)
                }
            }
            (extra)
            @for (i, p) in a.paragraphs.iter().enumerate() {
                @let text = paragraph_text(p, &(opts.links)(&a.number, p));
                @match (&ids[i], opts.anchors) {
                    _ if annex_name(p).is_some() => p.annex {
                        "Tài liệu đính kèm: " (annex_name(p).unwrap_or_default())
                        " — tệp gốc không có trong kho; xem văn bản trên cổng thông tin chính thức."
                    },
                    (Some(id), true) => p class=(classes[i]) id=(id) {
                        (text) a.pin href={ "#" (id) } aria-label="Liên kết tới đoạn này" { "¶" }
                    },
                    _ => p class=(classes[i]) { (text) },
                }
            }
        }
    }
}

/// The table of contents: divisions and articles, linking to their anchors.
pub fn toc(doc: &Document) -> Markup {
    html! {
        ol.toc {
            @for b in &doc.body {
                @match b {
                    Block::Division(d) => li.toc-div {
                        (d.kind.as_vi()) " " (d.number) @if !d.title.is_empty() { ". " (d.title) }
                    },
                    Block::Article(a) => li {
                        a href={ "#" (anchor(&a.number, None, None)) } { "Điều " (a.number) ". " (a.title) }
                    },
                    Block::Paragraph { .. } => {},
                }
            }
        }
    }
}

/// The body: loose paragraphs, division headings and articles in reading order; `extra`
/// gives each article what goes under its heading.
pub fn body(
    doc: &Document,
    opts: &ArticleOptions<'_>,
    loose_links: &dyn Fn(&str) -> Vec<SpanLink>,
    extra: &dyn Fn(&Article) -> Markup,
) -> Markup {
    html! {
        @for b in &doc.body {
            @match b {
                Block::Paragraph { text } => p.loose { (paragraph_text(text, &loose_links(text))) },
                Block::Division(d) => h2 class={ "div div-" (d.kind.rank()) } {
                    (d.kind.as_vi()) " " (d.number) small { (d.title) }
                },
                Block::Article(a) => (article_html(a, opts, extra(a))),
            }
        }
    }
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
    fn attachment_names_become_words() {
        let rows = [
            (
                "Phu luc_ban hanh kem theo ND so 59_2023_ND-CP.doc",
                Some("Phu luc ban hanh kem theo ND so 59 2023 ND-CP"),
            ),
            ("Mau so 01.PDF", Some("Mau so 01")),
            ("1. Người lao động có quyền.", None),
            ("Xem tệp .doc", Some("Xem tệp")),
            (".doc", None),
        ];
        for (text, want) in rows {
            assert_eq!(annex_name(text).as_deref(), want, "{text}");
        }
        let a =
            Article { number: "2".into(), title: String::new(), paragraphs: vec!["Phu luc_1.doc".into()] };
        let html = article(&a, &ArticleOptions { anchors: false, print_checkbox: None, links: &no_links });
        assert!(html.contains("Tài liệu đính kèm: Phu luc 1") && !html.contains(".doc"), "{html}");
    }

    #[test]
    fn links_spans() {
        let links = [
            SpanLink { start: 0, end: 3, href: Some("/van-ban/a\"".into()), title: "x".into() },
            SpanLink { start: 1, end: 5, href: None, title: "overlap".into() },
            SpanLink { start: 4, end: 6, href: None, title: "<t>".into() },
        ];
        assert_eq!(
            paragraph_text("abc de <", &links).into_string(),
            "<a class=\"cite\" href=\"/van-ban/a&quot;\" title=\"x\">abc</a> <span class=\"cite unresolved\" title=\"&lt;t&gt;\">de</span> &lt;"
        );
    }
}
