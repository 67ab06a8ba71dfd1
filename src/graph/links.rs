//! The links of a document or article for display (`cancu show --links`, the web page): its
//! outgoing references and its "cited by" list, grouped by relation type, each with the
//! citing article, a context snippet and the validity status of the document at the other
//! end (from the catalog's metadata; "chưa rõ" when unknown — never guessed).

use std::fmt::Write;

use serde::Serialize;

use super::edges::{inverse_vi, Edge, Graph, Origin};
use crate::catalog::Catalog;
use crate::model::{RelationKind, Status};

/// One link, seen from the document shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The document at the other end.
    pub doc: String,
    /// Its label ("Nghị định 59/2023/NĐ-CP"), or the id when the catalog lacks it.
    pub label: String,
    pub status: Status,
    /// The citing article (of the shown document for outgoing links, of `doc` for "cited by").
    pub citing_article: Option<String>,
    /// The cited article, khoản, điểm ("khoản 4 Điều 23") and its anchor.
    pub pinpoint: Option<String>,
    pub anchor: Option<String>,
    pub snippet: String,
    pub mark: (usize, usize),
    pub origin: Origin,
}

/// Links of one relation type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub kind: RelationKind,
    /// The relation in Vietnamese, read from the shown document's side.
    pub label: String,
    pub links: Vec<Link>,
}

/// All links of a document or article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Links {
    pub doc: String,
    /// The document's label ("Nghị định 59/2023/NĐ-CP"), or its id when the catalog lacks it.
    pub label: String,
    pub article: Option<String>,
    pub outgoing: Vec<Group>,
    pub cited_by: Vec<Group>,
}

fn link(e: &Edge<'_>, other: &str, citing_article: Option<&str>, catalog: &Catalog) -> Link {
    let meta = catalog.get(other);
    Link {
        doc: other.to_string(),
        label: meta.map_or_else(|| other.to_string(), |m| m.label()),
        status: meta.map_or(Status::Unknown, |m| m.status),
        citing_article: citing_article.map(String::from),
        pinpoint: e.target_pinpoint(),
        anchor: e.target_anchor(),
        snippet: e.snippet.to_string(),
        mark: e.mark,
        origin: e.origin,
    }
}

fn group(mut items: Vec<(RelationKind, Link)>, inverse: bool) -> Vec<Group> {
    items.sort_by_key(|(k, _)| *k);
    let mut out: Vec<Group> = Vec::new();
    for (k, l) in items {
        match out.last_mut() {
            Some(g) if g.kind == k => g.links.push(l),
            _ => out.push(Group {
                kind: k,
                label: if inverse { inverse_vi(k).to_string() } else { k.as_vi().to_string() },
                links: vec![l],
            }),
        }
    }
    out
}

/// The links of `doc` (or of its article `article`).
pub fn links(graph: &Graph, catalog: &Catalog, doc: &str, article: Option<&str>) -> Links {
    let out = graph
        .outgoing(doc, article)
        .into_iter()
        .map(|e| (e.kind, link(&e, e.target, e.source_article, catalog)));
    let by = graph
        .cited_by(doc, article)
        .into_iter()
        .map(|e| (e.kind, link(&e, e.source, e.source_article, catalog)));
    Links {
        doc: doc.to_string(),
        label: catalog.get(doc).map_or_else(|| doc.to_string(), |m| m.label()),
        article: article.map(String::from),
        outgoing: group(out.collect(), false),
        cited_by: group(by.collect(), true),
    }
}

impl Links {
    /// Plain text for the terminal.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let what = match &self.article {
            Some(a) => format!("Điều {a} của {}", self.label),
            None => self.label.clone(),
        };
        for (title, groups, outgoing) in
            [("Văn bản được dẫn", &self.outgoing, true), ("Được dẫn bởi", &self.cited_by, false)]
        {
            let n: usize = groups.iter().map(|g| g.links.len()).sum();
            let _ = writeln!(o, "\n== {title} ({n}) — {what}");
            for g in groups {
                let _ = writeln!(o, "\n[{}] ({})", g.label, g.links.len());
                for l in &g.links {
                    let place = match (outgoing, &l.citing_article, &l.pinpoint) {
                        (true, from, pin) => format!(
                            "{}→ {}{}",
                            from.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default(),
                            pin.as_deref().map(|p| format!("{p} ")).unwrap_or_default(),
                            l.label
                        ),
                        (false, from, pin) => format!(
                            "{}{} → {}",
                            from.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default(),
                            l.label,
                            pin.as_deref().unwrap_or("(cả văn bản)")
                        ),
                    };
                    let _ = writeln!(o, "  - {place} [{}]", l.status.as_vi());
                    let _ = writeln!(o, "      {}", l.snippet);
                }
            }
        }
        o
    }
}
