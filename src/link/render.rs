//! Rendering a [`LinkReport`] with its text: HTML (a fragment the web page embeds, written
//! with `maud` so that every string is escaped by construction; text in `white-space:
//! pre-wrap`) or Markdown. Both open with the summary line and the warnings, grouped per
//! citation and most serious first ([`super::warn::order`]); then the text, where every
//! resolved citation becomes a link to its source (article-level where pinpointed) and
//! unresolved ones and warned spans are marked with the messages as a tooltip; then the
//! sources per clause and the clauses per source. Word leftovers (`[bookmark: _GoBack]`)
//! are dropped from the text. The same pieces feed the Word export ([`crate::export`]).

use std::fmt::Write;
use std::sync::LazyLock;

use maud::{html as maud_html, Markup};
use regex::Regex;

use super::report::{LinkReport, Source};
use super::warn::vi_date;
use super::WarningGroup;
use crate::cite::annotate::{annotate, Piece};

static BOOKMARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[bookmark:[^\]\n]*\]").expect("bookmark"));

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

/// What to put around a span of the text.
#[derive(Debug)]
pub enum Mark {
    /// A resolved citation: link; `group` is its warning group, if warned.
    Link { href: String, title: String, group: Option<usize> },
    /// An unresolved citation.
    Unresolved { title: String, group: Option<usize> },
    /// A warning not tied to a citation.
    Warn { title: String, group: usize },
    /// Text to drop.
    Drop,
}

/// The anchor id of warning group `g` in the text ("canh-bao-3").
pub fn group_id(g: usize) -> String {
    format!("canh-bao-{g}")
}

/// The text cut into pieces under its marks (see [`crate::cite::annotate`]).
pub fn marks(text: &str, r: &LinkReport) -> Vec<Piece<Mark>> {
    let mut group_of_citation = std::collections::HashMap::new();
    for (g, grp) in r.groups.iter().enumerate() {
        if let Some(c) = grp.citation {
            group_of_citation.insert(c, g);
        }
    }
    let messages = |g: usize| -> Vec<&str> {
        r.groups[g].warnings.iter().map(|&w| r.warnings[w].message.as_str()).collect()
    };
    let mut all: Vec<(usize, usize, Mark)> = Vec::new();
    for m in BOOKMARK.find_iter(text) {
        all.push((m.start(), m.end(), Mark::Drop));
    }
    for (i, c) in r.citations.iter().enumerate() {
        let cit = &c.citation;
        if cit.self_ref || cit.start >= cit.end || cit.end > text.len() {
            continue;
        }
        let group = group_of_citation.get(&i).copied();
        let warns = group.map(messages).unwrap_or_default();
        let mark = match (&c.href, &c.label) {
            (Some(href), label) => {
                let mut title = label.clone().unwrap_or_default();
                if let Some(s) = c.status {
                    let _ = write!(title, " — {}", s.as_vi());
                }
                for w in &warns {
                    let _ = write!(title, "\n⚠ {w}");
                }
                Mark::Link { href: href.clone(), title, group }
            }
            (None, _) if cit.number.is_some() || cit.name.is_some() => {
                Mark::Unresolved { title: warns.join("\n"), group }
            }
            _ => continue,
        };
        all.push((cit.start, cit.end, mark));
    }
    for (g, grp) in r.groups.iter().enumerate() {
        if grp.citation.is_none() && grp.span.start < grp.span.end && grp.span.end <= text.len() {
            all.push((grp.span.start, grp.span.end, Mark::Warn { title: messages(g).join("\n"), group: g }));
        }
    }
    annotate(text, all)
}

fn esc_md(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            o.push('\\');
        }
        o.push(c);
    }
    o
}

/// A line of the plan as Markdown text at the start of a line: [`esc_md`], its indentation
/// dropped (four spaces would make it code), and what would open a block escaped — a list
/// item ("- ", "+ ", "1. ", "1) "), a rule ("---"), a code fence ("~~~"), besides the heading
/// and quote marks [`esc_md`] escapes everywhere.
fn esc_md_line(line: &str) -> String {
    let line = line.trim_start_matches([' ', '\t']);
    let mut o = esc_md(line);
    if o.starts_with(['-', '+', '~', '=']) {
        o.insert(0, '\\');
    } else {
        let digits = o.len() - o.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && o[digits..].starts_with(['.', ')']) {
            o.insert(digits, '\\');
        }
    }
    o
}

/// The anchor id of a clause ("muc-III-1-2"; "mo-dau" for the preamble).
pub fn clause_id(number: &str) -> String {
    if number.is_empty() {
        return "mo-dau".into();
    }
    format!("muc-{}", crate::number::slug(number))
}

/// "Mục II.1"; "Phần mở đầu" for the preamble.
pub fn clause_name(number: &str) -> String {
    if number.is_empty() {
        "Phần mở đầu".into()
    } else {
        format!("Mục {number}")
    }
}

/// One clause that names a source, as every output lists it under "Nguồn trích dẫn theo
/// từng mục": the documents it rests on (with the articles it cites them at) and the
/// references not found. The one home of these rows: HTML, Markdown and Word take them from
/// [`clause_rows`].
#[derive(Debug, PartialEq, Eq)]
pub struct ClauseRow<'a> {
    /// The clause's number ("II.1"; "" for the preamble).
    pub number: &'a str,
    /// The documents cited, in order of first citation.
    pub sources: Vec<ClauseSource<'a>>,
    /// The surface text of the references not found, in text order.
    pub unresolved: &'a [String],
}

/// A document a clause rests on.
#[derive(Debug, PartialEq, Eq)]
pub struct ClauseSource<'a> {
    /// The document (label, title, status, link).
    pub source: &'a Source,
    /// The parts cited in the clause ("Điều 5", "khoản 2 Điều 7"), distinct, in text order,
    /// each with its link (article-level where the corpus holds the article).
    pub pinpoints: Vec<(String, String)>,
}

/// The clauses that name a source (found or not), in outline order, each with its sources
/// and the articles cited.
pub fn clause_rows(r: &LinkReport) -> Vec<ClauseRow<'_>> {
    r.clauses
        .iter()
        .filter(|c| c.names_a_source())
        .map(|c| {
            let sources = c
                .targets
                .iter()
                .filter_map(|t| r.source(t))
                .map(|source| {
                    let mut pinpoints: Vec<(String, String)> = Vec::new();
                    for l in c.citations.iter().filter_map(|&i| r.citations.get(i)) {
                        let cit = &l.citation;
                        if cit.target.as_deref() != Some(source.target.as_str()) {
                            continue;
                        }
                        let (Some(p), Some(href)) = (cit.pinpoint_text(), &l.href) else { continue };
                        if !pinpoints.iter().any(|(q, _)| *q == p) {
                            pinpoints.push((p, href.clone()));
                        }
                    }
                    ClauseSource { source, pinpoints }
                })
                .collect();
            ClauseRow { number: &c.clause.number, sources, unresolved: &c.unresolved }
        })
        .collect()
}

/// Where a warning group is: the clause it is in ("Mục II.1", or nothing before the first
/// clause) and the words it is about, on one line.
pub fn group_place(text: &str, r: &LinkReport, g: &WarningGroup) -> (String, String) {
    let clause = r.clauses.iter().find(|c| c.clause.start <= g.span.start && g.span.start < c.clause.end);
    let place = clause.map(|c| clause_name(&c.clause.number)).unwrap_or_default();
    let words = text.get(g.span.start..g.span.end).unwrap_or("").split_whitespace().collect::<Vec<_>>();
    (place, words.join(" "))
}

/// The line under the warnings' heading about the plan's date.
pub fn date_line(r: &LinkReport) -> String {
    match r.date {
        Some(d) => format!("Ngày của văn bản: {}.", vi_date(d)),
        // Without a date, statuses are checked as of today and deadlines not at all.
        None => match &r.undated_month {
            Some(m) => format!(
                "Văn bản chưa ghi ngày (tháng {m}): hiệu lực được kiểm tra theo ngày hôm nay ({}), thời hạn không được kiểm tra.",
                vi_date(crate::model::Date::today())
            ),
            None => format!(
                "Không đọc được ngày của văn bản: hiệu lực được kiểm tra theo ngày hôm nay ({}), thời hạn không được kiểm tra.",
                vi_date(crate::model::Date::today())
            ),
        },
    }
}

/// Renders the report with its text.
pub fn render(text: &str, r: &LinkReport, format: Format) -> String {
    match format {
        Format::Html => html(text, r),
        Format::Markdown => markdown(text, r),
    }
}

/// A piece of the plain text, cut where clauses start (each start gets an anchor).
enum Plain<'a> {
    Text(&'a str),
    Anchor(String),
}

/// HTML fragment.
pub fn html(text: &str, r: &LinkReport) -> String {
    html_markup(text, r).into_string()
}

/// HTML fragment, as `maud` markup: summary, warnings, text, sources per clause, clauses per
/// source.
pub fn html_markup(text: &str, r: &LinkReport) -> Markup {
    let starts: Vec<(usize, &str)> = r
        .clauses
        .iter()
        .filter(|c| !c.clause.number.is_empty())
        .map(|c| (c.clause.start, c.clause.number.as_str()))
        .collect();
    let mut next_clause = 0;
    let mut plain = |from: usize, to: usize| -> Vec<Plain<'_>> {
        let mut out = Vec::new();
        let mut p = from;
        while next_clause < starts.len() && starts[next_clause].0 < to {
            let (s, n) = starts[next_clause];
            if s >= p {
                out.push(Plain::Text(&text[p..s]));
                out.push(Plain::Anchor(clause_id(n)));
                p = s;
            }
            next_clause += 1;
        }
        out.push(Plain::Text(&text[p..to]));
        out
    };
    let pieces: Vec<(Piece<Mark>, Vec<Plain<'_>>)> = marks(text, r)
        .into_iter()
        .map(|piece| {
            let p = if piece.mark.is_none() { plain(piece.start, piece.end) } else { Vec::new() };
            (piece, p)
        })
        .collect();
    maud_html! {
        article.plan-link {
            p.summary { strong { "Kết quả: " } (r.summary.as_vi()) }
            section.plan-warnings #canh-bao {
                h2 { "Cảnh báo (" (r.warnings.len()) ")" }
                p { (date_line(r)) }
                @if r.groups.is_empty() {
                    p.muted { "Không có cảnh báo nào." }
                } @else {
                    ol.warn-groups {
                        @for (g, grp) in r.groups.iter().enumerate() {
                            @let (place, quoted) = group_place(text, r, grp);
                            li class={ "warn-group sev-" (grp.severity) } {
                                @if !place.is_empty() { b { (place) } " — " }
                                a href={ "#" (group_id(g)) } { "«" (quoted) "»" }
                                ul {
                                    @for &w in &grp.warnings {
                                        @let w = &r.warnings[w];
                                        li class={ "warn-" (w.kind.code()) } {
                                            span.kind { (w.kind.as_vi()) } ": " (w.message)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section.plan-text style="white-space: pre-wrap" {
                @for (piece, plain) in &pieces {
                    @let inner = &text[piece.start..piece.end];
                    @match &piece.mark {
                        None => {
                            @for p in plain {
                                @match p {
                                    Plain::Text(t) => (t),
                                    Plain::Anchor(id) => span id=(id) {},
                                }
                            }
                        }
                        Some(Mark::Drop) => {}
                        Some(Mark::Link { href, title, group }) => {
                            a class=(if group.is_some() { "cite warned" } else { "cite" })
                                id=[group.map(group_id)] href=(href) title=(title) { (inner) }
                        }
                        Some(Mark::Unresolved { title, group }) => {
                            span.cite.unresolved id=[group.map(group_id)] title=(title) { (inner) }
                        }
                        Some(Mark::Warn { title, group }) => {
                            mark.warn id=(group_id(*group)) title=(title) { (inner) }
                        }
                    }
                }
            }
            section.plan-clauses {
                h2 { "Nguồn trích dẫn theo từng mục" }
                table {
                    tr { th { "Mục" } th { "Văn bản được dẫn" } th { "Chưa xác định được văn bản" } }
                    @for row in clause_rows(r) {
                        tr {
                            td { a href={ "#" (clause_id(row.number)) } { (clause_name(row.number)) } }
                            td {
                                @for (k, cs) in row.sources.iter().enumerate() {
                                    @if k > 0 { "; " }
                                    a href=(cs.source.href) { (cs.source.label) }
                                    @if !cs.pinpoints.is_empty() {
                                        ": "
                                        @for (j, (p, href)) in cs.pinpoints.iter().enumerate() {
                                            @if j > 0 { ", " }
                                            a href=(href) { (p) }
                                        }
                                    }
                                    " " span.status { "(" (cs.source.status.as_vi()) ")" }
                                }
                            }
                            td { (row.unresolved.join("; ")) }
                        }
                    }
                }
            }
            section.plan-sources {
                h2 { "Các mục dẫn từng văn bản" }
                @if r.sources.is_empty() {
                    p { (NO_SOURCES) }
                } @else {
                table {
                    tr { th { "Văn bản" } th { "Hiệu lực" } th { "Được dẫn tại" } }
                    @for s in &r.sources {
                        tr {
                            td { a href=(s.href) { (s.label) } " " (s.title) }
                            td { (s.status.as_vi()) }
                            td {
                                @for (k, n) in s.clauses.iter().enumerate() {
                                    @if k > 0 { ", " }
                                    a href={ "#" (clause_id(n)) } { (clause_name(n)) }
                                }
                            }
                        }
                    }
                }
                }
            }
        }
    }
}

/// Markdown: summary and warnings, the text, then the sources.
pub fn markdown(text: &str, r: &LinkReport) -> String {
    let mut o = String::with_capacity(text.len() * 2);
    let _ = writeln!(o, "**Kết quả:** {}\n", esc_md(&r.summary.as_vi()));
    let _ = writeln!(o, "## Cảnh báo ({})\n", r.warnings.len());
    let _ = writeln!(o, "{}\n", esc_md(&date_line(r)));
    for grp in &r.groups {
        let (place, quoted) = group_place(text, r, grp);
        let place = if place.is_empty() { String::new() } else { format!("**{}** — ", esc_md(&place)) };
        let _ = writeln!(o, "- {place}«{}»", esc_md(&quoted));
        for &w in &grp.warnings {
            let w = &r.warnings[w];
            let _ = writeln!(o, "  - *{}*: {}", w.kind.as_vi(), esc_md(&w.message));
        }
    }
    rule(&mut o);
    let plain = |o: &mut String, s: &str| {
        // Every line its own paragraph; a blank line adds none (it used to add two more).
        let lines: Vec<&str> = s.split('\n').collect();
        for (k, line) in lines.iter().enumerate() {
            let line = line.trim_end_matches('\r');
            // (The last piece of a line break before a link or mark is kept: it ends the line.)
            if k > 0 && k + 1 < lines.len() && line.trim().is_empty() {
                continue;
            }
            if k > 0 {
                o.push_str("\n\n");
            }
            // A line's start may not open a block by accident (a plan's "1." or "-").
            if o.is_empty() || o.ends_with('\n') {
                o.push_str(&esc_md_line(line));
            } else {
                o.push_str(&esc_md(line));
            }
        }
    };
    for Piece { start: s, end: e, mark } in marks(text, r) {
        let inner = esc_md(&text[s..e].split_whitespace().collect::<Vec<_>>().join(" "));
        match mark {
            None => plain(&mut o, &text[s..e]),
            Some(Mark::Drop) => {}
            Some(Mark::Link { href, title, group }) => {
                let flag = if group.is_some() { " ⚠" } else { "" };
                let _ =
                    write!(o, "[{inner}]({href} \"{}\"){flag}", title.replace('"', "'").replace('\n', " "));
            }
            Some(Mark::Unresolved { .. }) => {
                let _ = write!(o, "*{inner}* (?)");
            }
            Some(Mark::Warn { .. }) => {
                let _ = write!(o, "**{inner}** ⚠");
            }
        }
    }
    rule(&mut o);
    o.push_str("## Nguồn trích dẫn theo từng mục\n\n");
    for row in clause_rows(r) {
        let mut items: Vec<String> = row
            .sources
            .iter()
            .map(|cs| {
                let s = cs.source;
                let pins: Vec<String> =
                    cs.pinpoints.iter().map(|(p, href)| format!("[{}]({href})", esc_md(p))).collect();
                let pins = if pins.is_empty() { String::new() } else { format!(": {}", pins.join(", ")) };
                format!("[{}]({}){pins} ({})", esc_md(&s.label), s.href, s.status.as_vi())
            })
            .collect();
        items.extend(row.unresolved.iter().map(|u| format!("*{}* (chưa xác định được văn bản)", esc_md(u))));
        let _ = writeln!(o, "- **{}**: {}", esc_md(&clause_name(row.number)), items.join("; "));
    }
    o.push_str("\n## Các mục dẫn từng văn bản\n\n");
    if r.sources.is_empty() {
        let _ = writeln!(o, "{NO_SOURCES}");
    }
    for s in &r.sources {
        let places: Vec<String> = s.clauses.iter().map(|n| clause_name(n)).collect();
        let _ = writeln!(
            o,
            "- [{}]({}) ({}): {}",
            esc_md(&s.label),
            s.href,
            s.status.as_vi(),
            esc_md(&places.join(", "))
        );
    }
    o
}

/// What the list of documents cited says when no citation is pinned to a document (one
/// wording for the page, the Markdown and the Word file).
pub const NO_SOURCES: &str = "Không có văn bản nào được xác định trong kho.";

/// A horizontal rule between the parts of the Markdown, one blank line on each side
/// whatever the part before ended with.
fn rule(o: &mut String) {
    o.truncate(o.trim_end_matches('\n').len());
    o.push_str("\n\n---\n\n");
}
