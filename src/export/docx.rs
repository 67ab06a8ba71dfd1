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

/// Whether a link opens from a Word file: an absolute `http(s)://` address. The linker's
/// default base (`/van-ban/`) gives paths only a browser on the server's page can follow.
pub fn opens_in_word(href: &str) -> bool {
    href.starts_with("https://") || href.starts_with("http://")
}

/// The note of a linker result whose links are paths on the server (the CLI's default
/// base): Word cannot open them, so the file has none, and says how to get them.
pub const RELATIVE_LINKS_NOTE: &str = "Tệp này không có liên kết: các trích dẫn được liên kết theo đường dẫn tương đối (/van-ban/…), Word không mở được. Để có liên kết, tải tệp từ trang Liên kết kế hoạch của cancu serve, hoặc chạy lại với --base và địa chỉ đầy đủ của máy chủ, ví dụ --base http://127.0.0.1:8080/van-ban/.";

/// A piece of a paragraph of the linker's lists.
enum Bit {
    Text(String),
    Bold(String),
    Italic(String),
    /// Text and its address: a hyperlink when the address opens from Word, else plain text.
    Link(String, String),
}

/// A paragraph of `bits`.
fn bits(bits: Vec<Bit>) -> Paragraph {
    let mut p = Paragraph::new();
    for b in bits {
        p = match b {
            Bit::Text(t) => p.add_run(Run::new().add_text(clean(&t))),
            Bit::Bold(t) => p.add_run(Run::new().add_text(clean(&t)).bold()),
            Bit::Italic(t) => p.add_run(Run::new().add_text(clean(&t)).italic()),
            Bit::Link(t, href) if opens_in_word(&href) => p.add_hyperlink(
                Hyperlink::new(href, HyperlinkType::External)
                    .add_run(Run::new().add_text(clean(&t)).underline("single").color("1F4E79")),
            ),
            Bit::Link(t, _) => p.add_run(Run::new().add_text(clean(&t))),
        };
    }
    p
}

impl Book {
    /// A table with a bold header row, one paragraph per cell, columns `widths` (twips).
    fn table(&mut self, widths: &[usize], header: &[&str], rows: Vec<Vec<Paragraph>>) {
        let cell = |p: Paragraph, w: usize| TableCell::new().width(w, WidthType::Dxa).add_paragraph(p);
        let head = TableRow::new(
            header.iter().zip(widths).map(|(h, &w)| cell(bits(vec![Bit::Bold(h.to_string())]), w)).collect(),
        );
        let body = rows
            .into_iter()
            .map(|r| TableRow::new(r.into_iter().zip(widths).map(|(p, &w)| cell(p, w)).collect()));
        let table = Table::new(std::iter::once(head).chain(body).collect()).set_grid(widths.to_vec());
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        self.paragraph("");
    }
}

/// A linker result: the summary line and the plan's date, the warnings grouped per
/// citation (most serious first), the text with each resolved citation underlined and each
/// unresolved or warned one marked, then — as the HTML and Markdown give them — the sources
/// of each clause (documents with the articles cited and their status, references not
/// found; [`link_render::clause_rows`]) and the clauses citing each document, with its
/// status. Citations are hyperlinks when the report's links are absolute (the web download
/// builds them from the server's address); with relative ones (the CLI's default base) the
/// file has no links and says so ([`RELATIVE_LINKS_NOTE`]) rather than carry dead ones.
pub fn link_report(text: &str, r: &LinkReport, today: Date) -> Result<Vec<u8>> {
    let mut b = Book::new();
    b.title("Kết quả liên kết căn cứ");
    b.paragraph(&r.summary.as_vi());
    b.paragraph(&link_render::date_line(r));
    b.note(&format!("Ngày tải: {}", crate::link::warn::vi_date(today)));
    let hrefs =
        r.citations.iter().filter_map(|c| c.href.as_deref()).chain(r.sources.iter().map(|s| s.href.as_str()));
    if hrefs.clone().next().is_some() && !hrefs.clone().all(opens_in_word) {
        b.note(RELATIVE_LINKS_NOTE);
    }
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
            Some(Mark::Link { href, .. }) if opens_in_word(href) => Some(href.clone()),
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

    b.heading(1, "Nguồn trích dẫn theo từng mục");
    let rows = link_render::clause_rows(r);
    if rows.is_empty() {
        b.paragraph("Không mục nào dẫn văn bản khác.");
    } else {
        let rows = rows
            .iter()
            .map(|row| {
                let mut cited = Vec::new();
                for (k, cs) in row.sources.iter().enumerate() {
                    if k > 0 {
                        cited.push(Bit::Text("; ".into()));
                    }
                    cited.push(Bit::Link(cs.source.label.clone(), cs.source.href.clone()));
                    for (j, (p, href)) in cs.pinpoints.iter().enumerate() {
                        cited.push(Bit::Text(if j == 0 { ": " } else { ", " }.into()));
                        cited.push(Bit::Link(p.clone(), href.clone()));
                    }
                    cited.push(Bit::Italic(format!(" ({})", cs.source.status.as_vi())));
                }
                let missing = row
                    .unresolved
                    .iter()
                    .map(|u| format!("{u} (chưa xác định được văn bản)"))
                    .collect::<Vec<_>>();
                vec![
                    bits(vec![Bit::Bold(link_render::clause_name(row.number))]),
                    bits(cited),
                    bits(vec![Bit::Italic(missing.join("; "))]),
                ]
            })
            .collect();
        b.table(&[1700, 5300, 2000], &["Mục", "Văn bản được dẫn", "Chưa xác định được văn bản"], rows);
    }

    b.heading(1, "Các mục dẫn từng văn bản");
    if r.sources.is_empty() {
        b.paragraph(link_render::NO_SOURCES);
    } else {
        let rows = r
            .sources
            .iter()
            .map(|s| {
                let mut doc = vec![Bit::Link(s.label.clone(), s.href.clone())];
                if !s.title.is_empty() {
                    doc.push(Bit::Text(format!(" {}", s.title)));
                }
                let places: Vec<String> = s.clauses.iter().map(|n| link_render::clause_name(n)).collect();
                vec![
                    bits(doc),
                    bits(vec![Bit::Text(s.status.as_vi().to_string())]),
                    bits(vec![Bit::Text(places.join(", "))]),
                ]
            })
            .collect();
        b.table(&[4600, 1900, 2500], &["Văn bản", "Hiệu lực", "Được dẫn tại"], rows);
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

    /// A linker result on an invented plan of our own, links on `base`.
    fn linked(base: &str) -> (&'static str, LinkReport) {
        let plan = "KẾ HOẠCH\nThử\nI. NỘI DUNG\n1. Thực hiện khoản 2 Điều 5 Nghị định số 59/2023/NĐ-CP.\n\
2. Theo Chỉ thị số 77-CT/TU ngày 1/2/2020 của Tỉnh ủy.\n";
        let mut nd = Metadata::new("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "Quy định chi tiết");
        nd.canonical = Some("59/2023/NĐ-CP".into());
        nd.number = nd.canonical.clone();
        nd.status = crate::model::Status::InForce;
        let catalog = crate::catalog::Catalog::new([nd]);
        (plan, crate::link::link(plan, &catalog, &crate::link::Options { base: base.into() }))
    }

    /// The text of the paragraphs after the heading `title`, to the next heading.
    fn section(paras: &[(String, Vec<String>)], title: &str) -> Vec<String> {
        let from = paras.iter().position(|(s, r)| s == "Heading1" && r.concat() == title).expect(title);
        paras[from + 1..]
            .iter()
            .take_while(|(s, _)| !s.starts_with("Heading"))
            .map(|(_, r)| r.concat())
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn a_link_report_lists_each_clause_sources_and_links_them_when_absolute() {
        let today: Date = "2026-11-30".parse().unwrap();
        let (plan, r) = linked("http://127.0.0.1:8080/van-ban/");
        let bytes = link_report(plan, &r, today).unwrap();
        let xml = document_xml(&bytes);
        let paras = paragraphs(&xml);
        // (the cells of each table row, in order: header, then one row per clause)
        assert_eq!(
            section(&paras, "Nguồn trích dẫn theo từng mục"),
            [
                "Mục",
                "Văn bản được dẫn",
                "Chưa xác định được văn bản",
                "Mục I.1",
                "Nghị định 59/2023/NĐ-CP: khoản 2 Điều 5 (còn hiệu lực)",
                "Mục I.2",
                "Chỉ thị số 77-CT/TU ngày 1/2/2020 của Tỉnh ủy (chưa xác định được văn bản)",
            ]
        );
        assert_eq!(
            section(&paras, "Các mục dẫn từng văn bản"),
            [
                "Văn bản",
                "Hiệu lực",
                "Được dẫn tại",
                "Nghị định 59/2023/NĐ-CP Quy định chi tiết",
                "còn hiệu lực",
                "Mục I.1",
                DISCLAIMER,
            ]
        );
        assert!(!xml.contains("Tệp này không có liên kết"), "{xml}");
        // Every link is a hyperlink to the server's page: in the text, the clause's article
        // and the document, in both lists.
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut rels = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/_rels/document.xml.rels").unwrap(), &mut rels)
            .unwrap();
        let targets: Vec<&str> = rels
            .split("Target=\"")
            .skip(1)
            .filter_map(|t| t.split('"').next())
            .filter(|t| t.starts_with("http"))
            .collect();
        let article = "http://127.0.0.1:8080/van-ban/nghi-dinh-59-2023-nd-cp#dieu-5-khoan-2";
        let doc = "http://127.0.0.1:8080/van-ban/nghi-dinh-59-2023-nd-cp";
        assert_eq!(targets.iter().filter(|t| **t == article).count(), 2, "{rels}");
        assert_eq!(targets.iter().filter(|t| **t == doc).count(), 2, "{rels}");
        assert_eq!(xml.matches("<w:hyperlink").count(), 4, "{xml}");
    }

    #[test]
    fn a_link_report_with_relative_links_says_so_and_has_none() {
        let today: Date = "2026-11-30".parse().unwrap();
        let (plan, r) = linked(crate::link::DEFAULT_BASE);
        let xml = document_xml(&link_report(plan, &r, today).unwrap());
        assert!(!xml.contains("<w:hyperlink"), "{xml}");
        assert!(xml.contains(RELATIVE_LINKS_NOTE), "{xml}");
        // The lists are there all the same.
        let paras = paragraphs(&xml);
        assert!(section(&paras, "Nguồn trích dẫn theo từng mục")
            .contains(&"Nghị định 59/2023/NĐ-CP: khoản 2 Điều 5 (còn hiệu lực)".to_string()));
        // A plan citing nothing found needs no note.
        let (_, mut none) = linked(crate::link::DEFAULT_BASE);
        none.citations.retain(|c| c.href.is_none());
        none.sources.clear();
        assert!(!document_xml(&link_report(plan, &none, today).unwrap()).contains(RELATIVE_LINKS_NOTE));
    }
}
