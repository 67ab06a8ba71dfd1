//! Rendering a [`LinkReport`] with its text: HTML (a fragment the web page embeds, text in
//! `white-space: pre-wrap`) or Markdown. Every resolved citation becomes a link to its
//! source (article-level where pinpointed); unresolved ones and warnings are marked with the
//! message as a tooltip; then come the sources per clause, the clauses per source and the
//! list of warnings. Word leftovers (`[bookmark: _GoBack]`) are dropped from the text.

use std::fmt::Write;
use std::sync::LazyLock;

use regex::Regex;

use super::report::LinkReport;
use super::warn::vi_date;
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
enum Mark {
    /// A resolved citation: link.
    Link { href: String, title: String, warned: bool },
    /// An unresolved citation.
    Unresolved { title: String },
    /// A warning not tied to a citation.
    Warn { title: String, id: usize },
    /// Text to drop.
    Drop,
}

/// The text cut into pieces under its marks (see [`crate::cite::annotate`]).
fn marks(text: &str, r: &LinkReport) -> Vec<Piece<Mark>> {
    let mut all: Vec<(usize, usize, Mark)> = Vec::new();
    for m in BOOKMARK.find_iter(text) {
        all.push((m.start(), m.end(), Mark::Drop));
    }
    for (i, c) in r.citations.iter().enumerate() {
        let cit = &c.citation;
        if cit.self_ref || cit.start >= cit.end || cit.end > text.len() {
            continue;
        }
        let warns: Vec<&str> =
            r.warnings.iter().filter(|w| w.citation == Some(i)).map(|w| w.message.as_str()).collect();
        let mark = match (&c.href, &c.label) {
            (Some(href), label) => {
                let mut title = label.clone().unwrap_or_default();
                if let Some(s) = c.status {
                    title.push_str(&format!(" — {}", s.as_vi()));
                }
                for w in &warns {
                    title.push_str(&format!("\n⚠ {w}"));
                }
                Mark::Link { href: href.clone(), title, warned: !warns.is_empty() }
            }
            (None, _) if cit.number.is_some() || cit.name.is_some() => {
                Mark::Unresolved { title: warns.join("\n") }
            }
            _ => continue,
        };
        all.push((cit.start, cit.end, mark));
    }
    for (i, w) in r.warnings.iter().enumerate() {
        if w.citation.is_none() && w.span.start < w.span.end && w.span.end <= text.len() {
            all.push((w.span.start, w.span.end, Mark::Warn { title: w.message.clone(), id: i }));
        }
    }
    annotate(text, all)
}

fn esc_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
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

/// The anchor id of a clause ("muc-III-1-2"; "mo-dau" for the preamble).
pub fn clause_id(number: &str) -> String {
    if number.is_empty() {
        return "mo-dau".into();
    }
    format!("muc-{}", crate::number::slug(number))
}

fn clause_name(number: &str) -> String {
    if number.is_empty() {
        "Phần mở đầu".into()
    } else {
        format!("Mục {number}")
    }
}

/// Renders the report with its text.
pub fn render(text: &str, r: &LinkReport, format: Format) -> String {
    match format {
        Format::Html => html(text, r),
        Format::Markdown => markdown(text, r),
    }
}

/// HTML fragment.
pub fn html(text: &str, r: &LinkReport) -> String {
    let mut o = String::with_capacity(text.len() * 2);
    o.push_str(
        "<article class=\"plan-link\">\n<section class=\"plan-text\" style=\"white-space: pre-wrap\">",
    );
    let starts: Vec<(usize, &str)> = r
        .clauses
        .iter()
        .filter(|c| !c.clause.number.is_empty())
        .map(|c| (c.clause.start, c.clause.number.as_str()))
        .collect();
    let mut next_clause = 0;
    let emit = |o: &mut String, from: usize, to: usize, next_clause: &mut usize| {
        // Plain text with clause anchors.
        let mut p = from;
        while *next_clause < starts.len() && starts[*next_clause].0 < to {
            let (s, n) = starts[*next_clause];
            if s >= p {
                o.push_str(&esc_html(&text[p..s]));
                let _ = write!(o, "<span id=\"{}\"></span>", clause_id(n));
                p = s;
            }
            *next_clause += 1;
        }
        o.push_str(&esc_html(&text[p..to]));
    };
    for Piece { start: s, end: e, mark } in marks(text, r) {
        let inner = esc_html(&text[s..e]);
        match mark {
            None => emit(&mut o, s, e, &mut next_clause),
            Some(Mark::Drop) => {}
            Some(Mark::Link { href, title, warned }) => {
                let class = if warned { "cite warned" } else { "cite" };
                let _ = write!(
                    o,
                    "<a class=\"{class}\" href=\"{}\" title=\"{}\">{inner}</a>",
                    esc_html(&href),
                    esc_html(&title)
                );
            }
            Some(Mark::Unresolved { title }) => {
                let _ = write!(
                    o,
                    "<span class=\"cite unresolved\" title=\"{}\">{inner}</span>",
                    esc_html(&title)
                );
            }
            Some(Mark::Warn { title, id }) => {
                let _ = write!(
                    o,
                    "<mark class=\"warn\" id=\"canh-bao-{id}\" title=\"{}\">{inner}</mark>",
                    esc_html(&title)
                );
            }
        }
    }
    o.push_str("</section>\n");

    o.push_str("<section class=\"plan-warnings\">\n");
    let _ = writeln!(o, "<h2>Cảnh báo ({})</h2>", r.warnings.len());
    if let Some(d) = r.date {
        let _ = writeln!(o, "<p>Ngày của văn bản: {}</p>", vi_date(d));
    } else {
        o.push_str(
            "<p>Không đọc được ngày của văn bản: không kiểm tra hiệu lực theo ngày và thời hạn.</p>\n",
        );
    }
    o.push_str("<ul>\n");
    for w in &r.warnings {
        let clause = r.clauses.iter().find(|c| c.clause.start <= w.span.start && w.span.start < c.clause.end);
        let place = clause.map(|c| clause_name(&c.clause.number)).unwrap_or_default();
        let quoted = text.get(w.span.start..w.span.end).unwrap_or("");
        let _ = writeln!(
            o,
            "<li class=\"warn-{}\"><b>{}</b> — «{}»: {}</li>",
            serde_json::to_value(w.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            esc_html(&place),
            esc_html(quoted),
            esc_html(&w.message)
        );
    }
    o.push_str("</ul>\n</section>\n");

    o.push_str("<section class=\"plan-clauses\">\n<h2>Nguồn trích dẫn theo từng mục</h2>\n<table>\n");
    o.push_str("<tr><th>Mục</th><th>Văn bản được dẫn</th><th>Chưa tìm thấy</th></tr>\n");
    for c in r.clauses.iter().filter(|c| !c.citations.is_empty()) {
        let targets: Vec<String> = c
            .targets
            .iter()
            .filter_map(|t| r.source(t))
            .map(|s| format!("<a href=\"{}\">{}</a>", esc_html(&s.href), esc_html(&s.label)))
            .collect();
        let _ = writeln!(
            o,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            clause_id(&c.clause.number),
            esc_html(&clause_name(&c.clause.number)),
            targets.join("; "),
            esc_html(&c.unresolved.join("; "))
        );
    }
    o.push_str("</table>\n</section>\n");

    o.push_str("<section class=\"plan-sources\">\n<h2>Các mục dẫn từng văn bản</h2>\n<table>\n");
    o.push_str("<tr><th>Văn bản</th><th>Hiệu lực</th><th>Được dẫn tại</th></tr>\n");
    for s in &r.sources {
        let places: Vec<String> = s
            .clauses
            .iter()
            .map(|n| format!("<a href=\"#{}\">{}</a>", clause_id(n), esc_html(&clause_name(n))))
            .collect();
        let _ = writeln!(
            o,
            "<tr><td><a href=\"{}\">{}</a> {}</td><td>{}</td><td>{}</td></tr>",
            esc_html(&s.href),
            esc_html(&s.label),
            esc_html(&s.title),
            s.status.as_vi(),
            places.join(", ")
        );
    }
    o.push_str("</table>\n</section>\n</article>\n");
    o
}

/// Markdown.
pub fn markdown(text: &str, r: &LinkReport) -> String {
    let mut o = String::with_capacity(text.len() * 2);
    let plain = |o: &mut String, s: &str| {
        // Every line its own paragraph.
        for (k, line) in s.split('\n').enumerate() {
            if k > 0 {
                o.push_str("\n\n");
            }
            o.push_str(&esc_md(line.trim_end_matches('\r')));
        }
    };
    for Piece { start: s, end: e, mark } in marks(text, r) {
        let inner = esc_md(&text[s..e].split_whitespace().collect::<Vec<_>>().join(" "));
        match mark {
            None => plain(&mut o, &text[s..e]),
            Some(Mark::Drop) => {}
            Some(Mark::Link { href, title, warned }) => {
                let flag = if warned { " ⚠" } else { "" };
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
    o.push_str("\n\n---\n\n");
    let _ = writeln!(o, "## Cảnh báo ({})\n", r.warnings.len());
    for w in &r.warnings {
        let quoted =
            text.get(w.span.start..w.span.end).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(o, "- «{}»: {}", esc_md(&quoted), esc_md(&w.message));
    }
    o.push_str("\n## Nguồn trích dẫn theo từng mục\n\n");
    for c in r.clauses.iter().filter(|c| !c.citations.is_empty()) {
        let mut items: Vec<String> = c
            .targets
            .iter()
            .filter_map(|t| r.source(t))
            .map(|s| format!("[{}]({})", esc_md(&s.label), s.href))
            .collect();
        items.extend(c.unresolved.iter().map(|u| format!("*{}* (chưa tìm thấy)", esc_md(u))));
        let _ = writeln!(o, "- **{}**: {}", esc_md(&clause_name(&c.clause.number)), items.join("; "));
    }
    o.push_str("\n## Các mục dẫn từng văn bản\n\n");
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
