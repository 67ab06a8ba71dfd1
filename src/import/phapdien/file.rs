//! One đề mục file of the Pháp điển dump, read into its articles in document order: the
//! `h3` heading ("Đề mục 44.13" + title), then per article `p.pDieu` (anchor, Pháp điển
//! number, title), `p.pGhiChu` (source note and vbpl.vn link), `p.pNoiDung` (body paragraphs
//! and table rows) and `p.pChiDan` (related articles). The text is normalized first
//! ([`crate::text::normalize`]: BOM, NFD, no-break spaces).
//!
//! Sections are read in token order: a `p.pNoiDung` lasts until the next classed paragraph,
//! so its nested `<p>`s (invalid HTML that a tree builder would hoist out) stay in it.

use std::sync::LazyLock;

use regex::Regex;

use super::headings::{self, Heading};
use super::html::{attr, decode, tokens, Token};
use crate::text::normalize;

/// An article as the đề mục file gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawArticle {
    /// The `<a name>` anchor of `p.pDieu`.
    pub anchor: String,
    /// Pháp điển number ("44.13.LQ.1"), when the heading has one.
    pub phapdien: Option<String>,
    /// The article number when the heading is a plain "Điều 41a." (no Pháp điển number).
    pub plain_number: Option<String>,
    pub title: String,
    /// The source note text (`p.pGhiChu`), if any.
    pub note: Option<String>,
    /// The note's link (vbpl.vn …#Chuong_I_Dieu_1).
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
    /// Pháp điển numbers of related articles (`p.pChiDan`).
    pub related: Vec<String>,
    /// The đề mục's outline in force where the article sits (`p.pChuong`, `p.pMuc`).
    pub headings: Vec<Heading>,
}

/// A parsed đề mục file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemucFile {
    /// "44.13"
    pub demuc: Option<String>,
    pub title: String,
    pub articles: Vec<RawArticle>,
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Điều\s+(\d+\.\d+\.[A-ZĐ]+(?:\.\d+[a-zđ]*)*)\s*\.?\s*(.*)$").expect("pDieu pattern")
});
static PLAIN_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]?\s*(.*)$").expect("plain pDieu pattern"));
static RELATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Điều\s+(\d+\.\d+\.[A-ZĐ]+(?:\.\d+[a-zđ]*)+)").expect("pChiDan pattern"));
static DEMUC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Đề mục\s+(\d+(?:\.\d+)*)").expect("h3 pattern"));

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Heading,
    Dieu,
    GhiChu,
    NoiDung,
    ChiDan,
    Other,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "center"
            | "hr"
            | "pre"
            | "dl"
            | "dt"
            | "dd"
    )
}

/// Collects the text of a section, paragraph by paragraph.
#[derive(Default)]
struct Collector {
    current: String,
    paragraphs: Vec<String>,
    in_row: bool,
    cells: usize,
}

impl Collector {
    fn text(&mut self, t: &str) {
        self.current.push_str(&decode(t));
    }

    fn flush(&mut self) {
        let p = crate::text::single_spaced(&self.current);
        if !p.is_empty() && p != "|" {
            self.paragraphs.push(p);
        }
        self.current.clear();
    }

    fn take(&mut self) -> Vec<String> {
        self.flush();
        self.in_row = false;
        std::mem::take(&mut self.paragraphs)
    }

    fn tag(&mut self, name: &str, start: bool) {
        match name {
            "tr" => {
                self.flush();
                self.in_row = start;
                self.cells = 0;
            }
            "td" | "th" if start => {
                if self.cells > 0 {
                    self.current.push_str(" | ");
                }
                self.cells += 1;
            }
            n if is_block(n) => {
                if self.in_row {
                    self.current.push(' ');
                } else {
                    self.flush();
                }
            }
            _ => {}
        }
    }
}

/// Parses one đề mục file (raw text, any normalization).
pub fn parse(src: &str) -> DemucFile {
    let text = normalize(src);
    let mut file = DemucFile::default();
    let mut section = Section::None;
    let mut col = Collector::default();
    let mut seen_h3 = false;
    let mut cur: Option<RawArticle> = None;
    let mut outline: Vec<Heading> = Vec::new();

    for tok in tokens(&text) {
        match tok {
            Token::Start { name: "p", attrs } => {
                let class = attr(attrs, "class");
                let next = match class.as_deref() {
                    Some("pDieu") => Section::Dieu,
                    Some("pGhiChu") => Section::GhiChu,
                    Some("pNoiDung") => Section::NoiDung,
                    Some("pChiDan") => Section::ChiDan,
                    Some("pChuong" | "pMuc") => Section::Other,
                    _ => {
                        if section != Section::None {
                            col.tag("p", true);
                        }
                        continue;
                    }
                };
                finish(section, &mut col, &mut cur, &mut file, &mut outline);
                if next == Section::Dieu {
                    if let Some(a) = cur.take() {
                        file.articles.push(a);
                    }
                    cur = Some(RawArticle { headings: outline.clone(), ..RawArticle::default() });
                }
                section = next;
            }
            Token::Start { name: "h3", .. } if !seen_h3 => {
                seen_h3 = true;
                finish(section, &mut col, &mut cur, &mut file, &mut outline);
                section = Section::Heading;
            }
            Token::End { name: "h3" } if section == Section::Heading => {
                finish(section, &mut col, &mut cur, &mut file, &mut outline);
                section = Section::None;
            }
            Token::End { name: "p" }
                if matches!(section, Section::Dieu | Section::GhiChu | Section::ChiDan | Section::Other) =>
            {
                finish(section, &mut col, &mut cur, &mut file, &mut outline);
                section = Section::None;
            }
            Token::Start { name: "a", attrs } => {
                if let Some(a) = cur.as_mut() {
                    match section {
                        Section::Dieu if a.anchor.is_empty() => {
                            a.anchor = attr(attrs, "name").unwrap_or_default();
                        }
                        Section::GhiChu if a.url.is_none() => {
                            a.url = attr(attrs, "href").filter(|h| h.starts_with("http"));
                        }
                        _ => {}
                    }
                }
            }
            // A formula, table or diagram the dump holds as a picture: its place is marked,
            // never silently dropped (with its address when it is on the web).
            Token::Start { name: "img", attrs } if section == Section::NoiDung => {
                col.flush();
                let src =
                    attr(attrs, "src").filter(|s| s.starts_with("http://") || s.starts_with("https://"));
                col.text(&image_mark(src.as_deref()));
                col.flush();
            }
            Token::Start { name, .. } if section != Section::None => col.tag(name, true),
            Token::End { name } if section != Section::None => col.tag(name, false),
            Token::Text(t) if section != Section::None => col.text(t),
            _ => {}
        }
    }
    finish(section, &mut col, &mut cur, &mut file, &mut outline);
    if let Some(a) = cur.take() {
        file.articles.push(a);
    }
    file
}

/// The paragraph standing for a picture of an article's text (Vietnamese): "[Hình trong văn
/// bản: <address>]", or, when the dump points to a file on the compiler's own computer, that
/// the data does not have it.
fn image_mark(src: Option<&str>) -> String {
    match src {
        Some(url) => format!("[Hình trong văn bản: {url}]"),
        None => "[Hình trong văn bản (công thức, bảng hoặc sơ đồ): dữ liệu Pháp điển không có hình này]"
            .to_string(),
    }
}

/// Stores what `col` gathered for `section`.
fn finish(
    section: Section,
    col: &mut Collector,
    cur: &mut Option<RawArticle>,
    file: &mut DemucFile,
    outline: &mut Vec<Heading>,
) {
    let paras = col.take();
    match section {
        Section::Heading => {
            let joined = paras.join(" ");
            if let Some(c) = DEMUC.captures(&joined) {
                file.demuc = Some(c[1].to_string());
                file.title = joined[c.get(0).expect("whole match").end()..].trim().to_string();
            } else {
                file.title = joined;
            }
        }
        Section::Dieu => {
            if let Some(a) = cur.as_mut() {
                let h = paras.join(" ");
                if let Some(c) = HEADING.captures(&h) {
                    a.phapdien = Some(c[1].to_string());
                    a.title = c[2].trim().to_string();
                } else if let Some(c) = PLAIN_HEADING.captures(&h) {
                    a.plain_number = Some(c[1].to_lowercase());
                    a.title = c[2].trim().to_string();
                } else {
                    a.title = h;
                }
            }
        }
        Section::GhiChu => {
            if let Some(a) = cur.as_mut() {
                let n = paras.join(" ");
                if !n.is_empty() {
                    a.note = Some(n);
                }
            }
        }
        Section::NoiDung => {
            if let Some(a) = cur.as_mut() {
                a.paragraphs.extend(paras);
            }
        }
        Section::ChiDan => {
            if let Some(a) = cur.as_mut() {
                for p in &paras {
                    for c in RELATED.captures_iter(p) {
                        if !a.related.iter().any(|r| r == &c[1]) {
                            a.related.push(c[1].to_string());
                        }
                    }
                }
            }
        }
        Section::Other => {
            for p in &paras {
                headings::read(outline, p);
            }
        }
        Section::None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\u{feff}<link href='x.css' />\n<h3 style='x'>\n    Đề mục 9.9\n    <br />\n    Thử nghiệm\n</h3>\
<div class='_content'><p class='pChuong'><a name='1'></a>Chương I</p><p class='pChuong'>PHẦN CHUNG</p>\
<p class='pDieu'><a name='0909'></a>Điều 9.9.LQ.1. Phạm vi</p>\
<p class='pGhiChu'><a href='http://vbpl.vn/x.aspx?ItemID=1#Chuong_I_Dieu_1' target='_blank'>(Điều 1 Luật số 1/2020/QH14)</a></p>\
<p class='pNoiDung'><p>Mo\u{0302}\u{0303}t&nbsp;đoạn.</p>\n<p>1. Khoản một.</p><table><tr><td><p>A</p></td><td>B</td></tr></table></p>\
<p class='pChiDan'>(Điều này có nội dung liên quan đến <a href='#' onclick=\"V('2')\">Điều 9.9.LQ.2. Khác</a>)</p>\
<p class='pDieu'><a name='0910'></a>Điều 41a. Không số</p><p class='pNoiDung'>Trần &lt;1m</p></div>";

    #[test]
    fn reads_articles_in_order() {
        let f = parse(FILE);
        assert_eq!(f.demuc.as_deref(), Some("9.9"));
        let h = &f.articles[0].headings;
        assert_eq!((h.len(), h[0].number.as_str(), h[0].title.as_str()), (1, "I", "PHẦN CHUNG"));
        assert_eq!(f.title, "Thử nghiệm");
        assert_eq!(f.articles.len(), 2);
        let a = &f.articles[0];
        assert_eq!(a.anchor, "0909");
        assert_eq!(a.phapdien.as_deref(), Some("9.9.LQ.1"));
        assert_eq!(a.title, "Phạm vi");
        assert_eq!(a.note.as_deref(), Some("(Điều 1 Luật số 1/2020/QH14)"));
        assert_eq!(a.url.as_deref(), Some("http://vbpl.vn/x.aspx?ItemID=1#Chuong_I_Dieu_1"));
        assert_eq!(a.paragraphs, ["Mỗt đoạn.", "1. Khoản một.", "A | B"]);
        assert_eq!(a.related, ["9.9.LQ.2"]);
        let b = &f.articles[1];
        assert_eq!(
            (b.phapdien.as_deref(), b.plain_number.as_deref(), b.title.as_str()),
            (None, Some("41a"), "Không số")
        );
        assert_eq!(b.paragraphs, ["Trần <1m"]);
    }

    #[test]
    fn pictures_of_the_text_are_marked_not_dropped() {
        // A formula given as a picture (on the compiler's disk, or on the web) keeps its place
        // in the article (new-user trial: NĐ 145/2020 Điều 57 lost its formula silently); a
        // picture outside an article's content (the page's icons) is no text.
        let file = "<h3>Đề mục 9.9<br />Thử</h3><div class='_content'><p class='pDieu'><a name='1'></a>Điều 9.9.LQ.1. Lương <img src='view.png' /></p><p class='pNoiDung'><p>Tính như sau:</p><p><img src=\"file:///C:/Temp/clip_image006.jpg\" /></p><p>Trong đó:</p><p><img src='https://example.vn/cong-thuc.png' alt='' /></p></p></div>";
        let a = &parse(file).articles[0];
        assert_eq!(a.title, "Lương");
        assert_eq!(
            a.paragraphs,
            [
                "Tính như sau:",
                "[Hình trong văn bản (công thức, bảng hoặc sơ đồ): dữ liệu Pháp điển không có hình này]",
                "Trong đó:",
                "[Hình trong văn bản: https://example.vn/cong-thuc.png]",
            ]
        );
    }
}
