//! Word (.docx) files: a document, a print selection, a linker result. Each opens with a
//! title and the metadata block; the divisions of a document (Phần, Chương, Mục, Tiểu mục)
//! and its articles are Word headings (styles "heading 1" … with their outline levels, so
//! Word's navigation pane lists them), numbered from the highest kind the document has; an
//! article heading ("Điều 1. Phạm vi điều chỉnh") is one text run, so that Word's search
//! finds it whole. Text is set in Times New Roman 13 pt, the font of Vietnamese
//! administrative documents.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, Hyperlink, HyperlinkType, Paragraph, Run, RunFonts, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};

use super::{metadata_rows, StatusLine};
use crate::error::{Error, Result};
use crate::link::render::{self as link_render, Mark};
use crate::link::LinkReport;
use crate::model::{Article, Block, Date, Document};

const FONT: &str = "Times New Roman";
/// The last line of every file.
const DISCLAIMER: &str = "Tải từ căn cứ. Văn bản tham khảo; đối chiếu bản chính thức trước khi sử dụng.";

/// Characters XML 1.0 cannot hold (control characters but tab) are left out.
fn clean(s: &str) -> String {
    s.chars().filter(|&c| c == '\t' || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')).collect()
}

/// A Word file being written, paragraph by paragraph.
pub struct Book {
    docx: Docx,
}

impl Default for Book {
    fn default() -> Self {
        Book::new()
    }
}

impl Book {
    /// An empty file with the styles: Normal, Title, Subtitle, heading 1–6.
    pub fn new() -> Book {
        let fonts = RunFonts::new().ascii(FONT).hi_ansi(FONT).cs(FONT).east_asia(FONT);
        let mut docx = Docx::new()
            .default_fonts(fonts)
            .default_size(26)
            .add_style(
                Style::new("Title", StyleType::Paragraph)
                    .name("Title")
                    .based_on("Normal")
                    .next("Normal")
                    .q_format(true)
                    .bold()
                    .size(32)
                    .align(AlignmentType::Center),
            )
            .add_style(
                Style::new("Subtitle", StyleType::Paragraph)
                    .name("Subtitle")
                    .based_on("Normal")
                    .next("Normal")
                    .q_format(true)
                    .bold()
                    .size(28)
                    .align(AlignmentType::Center),
            );
        for n in 1..=6usize {
            docx = docx.add_style(
                Style::new(format!("Heading{n}"), StyleType::Paragraph)
                    .name(format!("heading {n}"))
                    .based_on("Normal")
                    .next("Normal")
                    .q_format(true)
                    .bold()
                    .size(if n <= 2 { 28 } else { 26 })
                    .outline_lvl(n - 1),
            );
        }
        Book { docx }
    }

    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// The title of the file.
    pub fn title(&mut self, text: &str) {
        self.push(Paragraph::new().style("Title").add_run(Run::new().add_text(clean(text))));
    }

    /// A subtitle (a document's name under its label).
    pub fn subtitle(&mut self, text: &str) {
        self.push(Paragraph::new().style("Subtitle").add_run(Run::new().add_text(clean(text))));
    }

    /// A heading of `level` (1–6): its text in one run.
    pub fn heading(&mut self, level: usize, text: &str) {
        let level = level.clamp(1, 6);
        self.push(
            Paragraph::new()
                .style(&format!("Heading{level}"))
                .keep_next(true)
                .add_run(Run::new().add_text(clean(text))),
        );
    }

    /// A paragraph of text.
    pub fn paragraph(&mut self, text: &str) {
        self.push(Paragraph::new().add_run(Run::new().add_text(clean(text))));
    }

    /// A paragraph of runs, each plain or styled.
    fn runs(&mut self, runs: Vec<Run>) {
        let mut p = Paragraph::new();
        for r in runs {
            p = p.add_run(r);
        }
        self.push(p);
    }

    /// A small italic note.
    pub fn note(&mut self, text: &str) {
        self.push(Paragraph::new().add_run(Run::new().add_text(clean(text)).italic().size(22)));
    }

    /// A two-column table of (label, value) rows: the metadata block.
    pub fn rows(&mut self, rows: &[(&str, String)]) {
        let cell = |text: &str, bold: bool, width: usize| {
            let run = Run::new().add_text(clean(text));
            let run = if bold { run.bold() } else { run };
            TableCell::new().width(width, WidthType::Dxa).add_paragraph(Paragraph::new().add_run(run))
        };
        let table = Table::new(
            rows.iter()
                .map(|(k, v)| TableRow::new(vec![cell(k, true, 2600), cell(v, false, 6400)]))
                .collect(),
        )
        .set_grid(vec![2600, 6400]);
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        self.paragraph("");
    }

    /// An article: its heading "Điều N. Title" at `level`, in one run, then its paragraphs.
    pub fn article(&mut self, a: &Article, level: usize) {
        let heading = if a.title.is_empty() {
            format!("Điều {}.", a.number)
        } else {
            format!("Điều {}. {}", a.number, a.title)
        };
        self.heading(level, &heading);
        for p in &a.paragraphs {
            self.paragraph(p);
        }
    }

    /// A document's body in reading order: loose paragraphs, divisions as headings from
    /// `level` down (the highest kind the document has first), articles one level below
    /// its lowest division kind.
    pub fn body(&mut self, d: &Document, level: usize) {
        let mut ranks: Vec<u8> = d
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Division(v) => Some(v.kind.rank()),
                _ => None,
            })
            .collect();
        ranks.sort_unstable();
        ranks.dedup();
        let article_level = level + ranks.len();
        for b in &d.body {
            match b {
                Block::Paragraph { text } => self.paragraph(text),
                Block::Division(v) => {
                    let k = ranks.iter().position(|r| *r == v.kind.rank()).unwrap_or(0);
                    let mut h = format!("{} {}", v.kind.as_vi(), v.number);
                    if !v.title.is_empty() {
                        h.push_str(". ");
                        h.push_str(&v.title);
                    }
                    self.heading(level + k, &h);
                }
                Block::Article(a) => self.article(a, article_level),
            }
        }
    }

    /// The file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        self.note(DISCLAIMER);
        let mut out = Cursor::new(Vec::new());
        self.docx.build().pack(&mut out).map_err(|e| Error::Export(e.to_string()))?;
        Ok(out.into_inner())
    }
}

/// A whole document: its label as title, its name, the metadata block (status with its
/// evidence, sources, `today` as the download date), then its text.
pub fn document(d: &Document, status: &StatusLine, today: Date) -> Result<Vec<u8>> {
    let mut b = Book::new();
    b.title(&d.meta.label());
    if d.meta.canonical.is_some() {
        b.subtitle(&d.meta.title);
    }
    b.rows(&metadata_rows(&d.meta, status, ("Ngày tải", today)));
    if d.body.is_empty() {
        b.paragraph("Kho dữ liệu chưa có nội dung văn bản này.");
    }
    b.body(d, 1);
    b.finish()
}

/// One part of a print selection: a document, whole (`articles: None`) or some of its
/// articles, in the order chosen.
#[derive(Debug)]
pub struct Pick<'a> {
    pub doc: &'a Document,
    pub status: StatusLine,
    pub articles: Option<Vec<&'a Article>>,
}

/// A print selection: each document's label and name as a heading, its metadata block,
/// then the articles chosen (or its whole text, divisions as headings below it).
pub fn selection(picks: &[Pick<'_>], today: Date) -> Result<Vec<u8>> {
    let mut b = Book::new();
    let count: usize =
        picks.iter().map(|p| p.articles.as_ref().map_or_else(|| p.doc.articles().count(), Vec::len)).sum();
    b.title(&format!("Trích văn bản ({count} điều)"));
    for p in picks {
        let m = &p.doc.meta;
        let head = if m.canonical.is_some() { format!("{} — {}", m.label(), m.title) } else { m.label() };
        b.heading(1, &head);
        b.rows(&metadata_rows(m, &p.status, ("Ngày tải", today)));
        match &p.articles {
            Some(arts) => {
                for a in arts {
                    b.article(a, 2);
                }
            }
            None => b.body(p.doc, 2),
        }
    }
    b.finish()
}

/// A linker result: the summary line and the plan's date, the warnings grouped per
/// citation (most serious first), the text with each resolved citation underlined (a link
/// when its address is absolute) and each unresolved or warned one marked, then the cited
/// documents with their status and the clauses citing them.
pub fn link_report(text: &str, r: &LinkReport, today: Date) -> Result<Vec<u8>> {
    let mut b = Book::new();
    b.title("Kết quả liên kết căn cứ");
    b.paragraph(&r.summary.as_vi());
    b.paragraph(&link_render::date_line(r));
    b.note(&format!("Ngày tải: {}", crate::link::warn::vi_date(today)));
    b.heading(1, &format!("Cảnh báo ({})", r.warnings.len()));
    if r.groups.is_empty() {
        b.paragraph("Không có cảnh báo nào.");
    }
    for g in &r.groups {
        let (place, quoted) = link_render::group_place(text, r, g);
        let mut runs = Vec::new();
        if !place.is_empty() {
            runs.push(Run::new().add_text(clean(&format!("{place} — "))).bold());
        }
        runs.push(Run::new().add_text(clean(&format!("«{quoted}»"))).bold());
        b.runs(runs);
        for &w in &g.warnings {
            let w = &r.warnings[w];
            b.runs(vec![
                Run::new().add_text(format!("– {}: ", w.kind.as_vi())).italic(),
                Run::new().add_text(clean(&w.message)),
            ]);
        }
    }
    b.heading(1, "Văn bản");
    let mut para = Paragraph::new();
    for piece in link_render::marks(text, r) {
        let style = |t: &str| -> Option<Run> {
            let run = Run::new().add_text(clean(t));
            match &piece.mark {
                None => Some(run),
                Some(Mark::Drop) => None,
                Some(Mark::Link { group, .. }) => {
                    let run = run.underline("single").color("1F4E79");
                    Some(if group.is_some() { run.highlight("yellow") } else { run })
                }
                Some(Mark::Unresolved { .. }) => Some(run.italic().underline("dotted")),
                Some(Mark::Warn { .. }) => Some(run.highlight("yellow")),
            }
        };
        let href = match &piece.mark {
            Some(Mark::Link { href, .. }) if href.starts_with("https://") || href.starts_with("http://") => {
                Some(href.clone())
            }
            _ => None,
        };
        for (k, line) in text[piece.start..piece.end].split('\n').enumerate() {
            if k > 0 {
                b.push(std::mem::take(&mut para));
            }
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            if let Some(run) = style(line) {
                para = match &href {
                    Some(h) => para.add_hyperlink(Hyperlink::new(h, HyperlinkType::External).add_run(run)),
                    None => para.add_run(run),
                };
            }
        }
    }
    b.push(para);
    b.heading(1, "Các văn bản được dẫn");
    let sources: Vec<(String, String)> = r
        .sources
        .iter()
        .map(|s| {
            let places: Vec<String> = s.clauses.iter().map(|n| link_render::clause_name(n)).collect();
            (
                format!("{} ({})", s.label, s.status.as_vi()),
                format!(
                    "{}{}được dẫn tại: {}",
                    s.title,
                    if s.title.is_empty() { "" } else { " — " },
                    places.join(", ")
                ),
            )
        })
        .collect();
    if sources.is_empty() {
        b.paragraph("Không có văn bản nào được xác định trong kho.");
    } else {
        let rows: Vec<(&str, String)> = sources.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        b.rows(&rows);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Division, DivisionKind, DocType, Metadata};

    /// `word/document.xml` of a .docx.
    fn document_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut f = zip.by_name("word/document.xml").expect("word/document.xml");
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).unwrap();
        s
    }

    /// The (style, runs) of each paragraph of document.xml, runs as their texts.
    fn paragraphs(xml: &str) -> Vec<(String, Vec<String>)> {
        let p = regex::Regex::new(r"(?s)<w:p(?:\s[^>]*)?>(.*?)</w:p>").unwrap();
        let style = regex::Regex::new(r#"<w:pStyle w:val="([^"]+)""#).unwrap();
        let run = regex::Regex::new(r"(?s)<w:r(?:\s[^>]*)?>.*?</w:r>").unwrap();
        let t = regex::Regex::new(r"(?s)<w:t[^>]*>(.*?)</w:t>").unwrap();
        p.captures_iter(xml)
            .map(|c| {
                let body = &c[1];
                let s = style.captures(body).map(|s| s[1].to_string()).unwrap_or_default();
                let runs = run
                    .find_iter(body)
                    .map(|r| t.captures_iter(r.as_str()).map(|x| x[1].to_string()).collect::<String>())
                    .collect();
                (s, runs)
            })
            .collect()
    }

    fn doc() -> Document {
        let mut m = Metadata::new("luat-9-2020-qh14", DocType::Luat, "Thử nghiệm & <kiểm tra>");
        m.canonical = Some("9/2020/QH14".into());
        m.issuer = Some("Quốc hội".into());
        let art = |n: &str, t: &str, p: &[&str]| {
            Block::Article(Article {
                number: n.into(),
                title: t.into(),
                paragraphs: p.iter().map(|s| s.to_string()).collect(),
            })
        };
        let div =
            |kind, n: &str, t: &str| Block::Division(Division { kind, number: n.into(), title: t.into() });
        Document {
            meta: m,
            body: vec![
                Block::Paragraph { text: "Căn cứ Hiến pháp;".into() },
                div(DivisionKind::Chapter, "I", "NHỮNG QUY ĐỊNH CHUNG"),
                art("1", "Phạm vi điều chỉnh", &["Luật này quy định việc thử.", "1. Khoản một\u{0B}."]),
                div(DivisionKind::Section, "1", "MỤC MỘT"),
                art("2", "Giải thích từ ngữ", &["a) Điểm a."]),
            ],
        }
    }

    #[test]
    fn a_document_has_its_metadata_headings_and_one_run_per_article_heading() {
        let d = doc();
        let today: Date = "2026-11-30".parse().unwrap();
        let status = StatusLine::of(None, &d.meta, today);
        let xml = document_xml(&document(&d, &status, today).unwrap());
        let paras = paragraphs(&xml);
        let styled: Vec<(&str, Vec<&str>)> = paras
            .iter()
            .filter(|(s, _)| !s.is_empty())
            .map(|(s, r)| (s.as_str(), r.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            styled,
            [
                ("Title", vec!["Luật 9/2020/QH14"]),
                ("Subtitle", vec!["Thử nghiệm &amp; &lt;kiểm tra&gt;"]),
                ("Heading1", vec!["Chương I. NHỮNG QUY ĐỊNH CHUNG"]),
                ("Heading3", vec!["Điều 1. Phạm vi điều chỉnh"]),
                ("Heading2", vec!["Mục 1. MỤC MỘT"]),
                ("Heading3", vec!["Điều 2. Giải thích từ ngữ"]),
            ]
        );
        for want in [
            "Luật này quy định việc thử.",
            "1. Khoản một.",
            "a) Điểm a.",
            "Căn cứ Hiến pháp;",
            "Quốc hội",
            "Ngày tải",
            "30/11/2026",
            "Tình trạng hiệu lực",
        ] {
            assert!(xml.contains(want), "{want} not in {xml}");
        }
        // The heading styles are Word's, with outline levels.
        let mut zip = zip::ZipArchive::new(Cursor::new(document(&d, &status, today).unwrap())).unwrap();
        let mut styles = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/styles.xml").unwrap(), &mut styles).unwrap();
        assert!(styles.contains("w:styleId=\"Heading3\"") && styles.contains("heading 3"), "{styles}");
        assert!(styles.contains("<w:outlineLvl w:val=\"2\" />"), "{styles}");
    }

    #[test]
    fn a_selection_lists_each_document_then_its_articles() {
        let d = doc();
        let today: Date = "2026-11-30".parse().unwrap();
        let status = StatusLine::of(None, &d.meta, today);
        let picks = [
            Pick { doc: &d, status: status.clone(), articles: Some(vec![d.article("2").unwrap()]) },
            Pick { doc: &d, status, articles: None },
        ];
        let xml = document_xml(&selection(&picks, today).unwrap());
        let heads: Vec<(String, Vec<String>)> =
            paragraphs(&xml).into_iter().filter(|(s, _)| s.starts_with("Heading") || s == "Title").collect();
        let want: Vec<(&str, &str)> = vec![
            ("Title", "Trích văn bản (3 điều)"),
            ("Heading1", "Luật 9/2020/QH14 — Thử nghiệm &amp; &lt;kiểm tra&gt;"),
            ("Heading2", "Điều 2. Giải thích từ ngữ"),
            ("Heading1", "Luật 9/2020/QH14 — Thử nghiệm &amp; &lt;kiểm tra&gt;"),
            ("Heading2", "Chương I. NHỮNG QUY ĐỊNH CHUNG"),
            ("Heading4", "Điều 1. Phạm vi điều chỉnh"),
            ("Heading3", "Mục 1. MỤC MỘT"),
            ("Heading4", "Điều 2. Giải thích từ ngữ"),
        ];
        let got: Vec<(&str, &str)> =
            heads.iter().map(|(s, r)| (s.as_str(), r.first().map_or("", String::as_str))).collect();
        assert_eq!(got, want);
        assert!(heads.iter().all(|(_, r)| r.len() == 1), "one run per heading: {heads:?}");
    }
}
