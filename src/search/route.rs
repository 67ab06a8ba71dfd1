//! Query routing: does the query name a document (by number or name) or an article in one?
//! [`resolve_ref`] answers from a [`DocTable`], so `cancu show`, the web and the search all
//! resolve references the same way.

use serde::Serialize;

use super::refs;
use super::table::{DocEntry, DocTable};
use crate::text::{fold, normalize};

/// A reference resolved to documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The documents named, best first; several when the reference is ambiguous
    /// (18/2008/QH12 without a type word).
    pub docs: Vec<DocEntry>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// Words of the query outside the reference ("nghị định 59/2023 trưởng thôn" →
    /// "trưởng thôn"), to search within the document.
    pub rest: String,
}

/// Words that carry no meaning next to a reference.
const FILLER: &[&str] =
    &["so", "nam", "cua", "theo", "tai", "quy", "dinh", "ve", "va", "trong", "ngay", "cac"];

/// Resolves the reference in `text` (a number, a pinpoint, a named document), if any
/// document in `table` matches it.
pub fn resolve_ref(table: &DocTable, text: &str) -> Option<Resolved> {
    let q = normalize(text).trim().to_string();
    if let Some(r) = refs::read(&q) {
        let mut docs: Vec<&DocEntry> = if let Some(n) = &r.number {
            table.by_number(n)
        } else if let Some((s, y)) = &r.serial_year {
            table.by_serial_year(s, *y)
        } else if let Some(name) = &r.name {
            table.by_name(r.doc_type, name, true)
        } else {
            Vec::new()
        };
        if let Some(t) = r.doc_type {
            if docs.iter().any(|d| d.doc_type == t) {
                docs.retain(|d| d.doc_type == t);
            }
        }
        if r.name.is_some() {
            docs.truncate(1);
        }
        if docs.is_empty() {
            return None;
        }
        let rest = crate::index::analysis::syllables(&q)
            .filter(|s| !r.spans.iter().any(|&(a, b)| s.start >= a && s.end <= b))
            .map(|s| &q[s.start..s.end])
            .filter(|w| !FILLER.contains(&fold(w).as_str()))
            .collect::<Vec<_>>()
            .join(" ");
        return Some(Resolved {
            docs: docs.into_iter().cloned().collect(),
            article: r.article,
            clause: r.clause,
            point: r.point,
            rest,
        });
    }
    let (t, name) = refs::read_title(&q)?;
    let doc = table.by_name(Some(t), &name, false).into_iter().next()?;
    Some(Resolved { docs: vec![doc.clone()], article: None, clause: None, point: None, rest: String::new() })
}
