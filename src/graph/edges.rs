//! The graph in memory: compact edges (integers into a document table, a symbol table for
//! article, khoản and điểm numbers, and one string arena for all snippets), grouped by citing
//! document, with an index by cited document for "cited by".

use std::collections::HashMap;

use serde::Serialize;

use crate::model::RelationKind;

/// "No article/khoản/điểm" in a symbol slot.
pub(super) const NONE: u32 = u32::MAX;

/// Where an edge was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// From the citing article's (or preamble's) text.
    Text,
    /// From metadata: a Pháp điển amendment note, related-article link or a stated relation.
    Note,
}

/// One edge as stored: 44 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RawEdge {
    pub source: u32,
    pub source_article: u32,
    pub target: u32,
    pub target_article: u32,
    pub target_clause: u32,
    pub target_point: u32,
    pub kind: RelationKind,
    pub origin: Origin,
    /// Snippet: `snippets[snippet .. snippet + len]`, citation at `mark` inside it.
    pub snippet: u32,
    pub len: u32,
    pub mark: (u16, u16),
}

/// The citation graph: who cites what, typed, at article level where the text pinpoints it.
#[derive(Debug, Default, Clone)]
pub struct Graph {
    pub(super) docs: Vec<Box<str>>,
    pub(super) doc_index: HashMap<Box<str>, u32>,
    pub(super) symbols: Vec<Box<str>>,
    pub(super) snippets: String,
    /// Sorted by source document (stable: reading order inside a document).
    pub(super) edges: Vec<RawEdge>,
    /// Edge indices sorted by target document.
    pub(super) by_target: Vec<u32>,
}

/// One edge, borrowed from the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Edge<'a> {
    /// The citing document's id.
    pub source: &'a str,
    /// The citing article (original number), or `None` for the preamble / the document.
    pub source_article: Option<&'a str>,
    /// The cited document's id.
    pub target: &'a str,
    pub target_article: Option<&'a str>,
    pub target_clause: Option<&'a str>,
    pub target_point: Option<&'a str>,
    pub kind: RelationKind,
    pub origin: Origin,
    /// The citing text around the citation (whitespace collapsed).
    pub snippet: &'a str,
    /// Byte span of the citation inside `snippet` (empty for notes).
    pub mark: (usize, usize),
}

impl Edge<'_> {
    /// The target's anchor (`dieu-23-khoan-4`), if the edge is article-level.
    pub fn target_anchor(&self) -> Option<String> {
        self.target_article.map(|a| crate::structure::anchor(a, self.target_clause, self.target_point))
    }

    /// "khoản 4 Điều 23" for the target pinpoint, if any.
    pub fn target_pinpoint(&self) -> Option<String> {
        pinpoint_vi(self.target_article, self.target_clause, self.target_point)
    }
}

/// "điểm a khoản 4 Điều 23" from its parts.
pub fn pinpoint_vi(article: Option<&str>, clause: Option<&str>, point: Option<&str>) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = point {
        parts.push(format!("điểm {p}"));
    }
    if let Some(c) = clause {
        parts.push(format!("khoản {c}"));
    }
    if let Some(a) = article {
        parts.push(format!("Điều {a}"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

impl Graph {
    /// Number of edges.
    pub fn len(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    /// Number of documents that cite or are cited.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        let strs = |v: &[Box<str>]| v.iter().map(|s| s.len() + 16).sum::<usize>();
        strs(&self.docs) * 2
            + strs(&self.symbols)
            + self.snippets.len()
            + self.edges.len() * std::mem::size_of::<RawEdge>()
            + self.by_target.len() * 4
    }

    fn sym(&self, i: u32) -> Option<&str> {
        (i != NONE).then(|| &*self.symbols[i as usize])
    }

    fn view(&self, e: &RawEdge) -> Edge<'_> {
        let s = e.snippet as usize;
        Edge {
            source: &self.docs[e.source as usize],
            source_article: self.sym(e.source_article),
            target: &self.docs[e.target as usize],
            target_article: self.sym(e.target_article),
            target_clause: self.sym(e.target_clause),
            target_point: self.sym(e.target_point),
            kind: e.kind,
            origin: e.origin,
            snippet: &self.snippets[s..s + e.len as usize],
            mark: (e.mark.0 as usize, e.mark.1 as usize),
        }
    }

    /// Every edge, grouped by citing document.
    pub fn edges(&self) -> impl Iterator<Item = Edge<'_>> {
        self.edges.iter().map(|e| self.view(e))
    }

    /// The `i`-th edge (`i < len()`).
    pub fn edge(&self, i: usize) -> Edge<'_> {
        self.view(&self.edges[i])
    }

    /// What `doc` (or its article `article`) cites, in reading order.
    pub fn outgoing(&self, doc: &str, article: Option<&str>) -> Vec<Edge<'_>> {
        let Some(&d) = self.doc_index.get(doc) else { return Vec::new() };
        let lo = self.edges.partition_point(|e| e.source < d);
        let hi = self.edges.partition_point(|e| e.source <= d);
        self.edges[lo..hi]
            .iter()
            .map(|e| self.view(e))
            .filter(|e| article.is_none_or(|a| e.source_article == Some(a)))
            .collect()
    }

    /// What cites `doc` (or, with `article`, the edges pinpointing that article), by citing
    /// document then reading order.
    pub fn cited_by(&self, doc: &str, article: Option<&str>) -> Vec<Edge<'_>> {
        let Some(&d) = self.doc_index.get(doc) else { return Vec::new() };
        let lo = self.by_target.partition_point(|&i| self.edges[i as usize].target < d);
        let hi = self.by_target.partition_point(|&i| self.edges[i as usize].target <= d);
        self.by_target[lo..hi]
            .iter()
            .map(|&i| self.view(&self.edges[i as usize]))
            .filter(|e| article.is_none_or(|a| e.target_article == Some(a)))
            .collect()
    }

    /// Rebuilds the target index (after building or loading).
    pub(super) fn index(&mut self) {
        let mut order: Vec<u32> = (0..self.edges.len() as u32).collect();
        order.sort_by_key(|&i| self.edges[i as usize].target);
        self.by_target = order;
        self.doc_index = self.docs.iter().enumerate().map(|(i, d)| (d.clone(), i as u32)).collect();
    }
}

/// The relation as read from the cited side ("cited by"): "được … bởi".
pub fn inverse_vi(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Basis => "là căn cứ của",
        RelationKind::Details => "được quy định chi tiết, hướng dẫn bởi",
        RelationKind::Amends => "được sửa đổi, bổ sung bởi",
        RelationKind::AmendedBy => "sửa đổi, bổ sung",
        RelationKind::Replaces => "bị thay thế bởi",
        RelationKind::Repeals => "bị bãi bỏ bởi",
        RelationKind::Related => "nội dung liên quan",
        RelationKind::Cites => "được trích dẫn bởi",
    }
}
