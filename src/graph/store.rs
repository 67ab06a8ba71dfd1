//! The graph on disk: `graph.json` inside the index directory, written before the index is
//! swapped in so that the two always match. Tables, not objects: documents, symbols and one
//! snippet arena, and each edge as a row of integers.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::edges::{Graph, Origin, RawEdge};
use crate::model::RelationKind;
use crate::{Error, Result};

/// The file name inside the index directory.
pub const FILE: &str = "graph.json";
const VERSION: u32 = 1;

const KINDS: [RelationKind; 8] = [
    RelationKind::Basis,
    RelationKind::Details,
    RelationKind::Amends,
    RelationKind::AmendedBy,
    RelationKind::Replaces,
    RelationKind::Repeals,
    RelationKind::Related,
    RelationKind::Cites,
];

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    docs: Vec<Box<str>>,
    symbols: Vec<Box<str>>,
    snippets: String,
    /// source, source_article, target, target_article, target_clause, target_point,
    /// kind, origin (0 text, 1 note), snippet start, snippet length, mark start, mark end.
    edges: Vec<[u32; 12]>,
}

impl Graph {
    /// Writes `dir/graph.json` (atomically: temporary file, then rename).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let edges = self
            .edges
            .iter()
            .map(|e| {
                [
                    e.source,
                    e.source_article,
                    e.target,
                    e.target_article,
                    e.target_clause,
                    e.target_point,
                    KINDS.iter().position(|k| *k == e.kind).unwrap_or(7) as u32,
                    (e.origin == Origin::Note) as u32,
                    e.snippet,
                    e.len,
                    e.mark.0 as u32,
                    e.mark.1 as u32,
                ]
            })
            .collect();
        let stored = Stored {
            version: VERSION,
            docs: self.docs.clone(),
            symbols: self.symbols.clone(),
            snippets: self.snippets.clone(),
            edges,
        };
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut tmp = crate::replace::temp_in(dir, ".graph-", "")?;
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer(&mut w, &stored).map_err(|e| Error::format(dir.join(FILE), e.to_string()))?;
        w.flush().map_err(|e| Error::io(dir.join(FILE), e))?;
        drop(w);
        tmp.persist(dir.join(FILE)).map_err(|e| Error::io(dir.join(FILE), e.error))?;
        Ok(())
    }

    /// The graph of the live index generation under the index directory `index`.
    pub fn open(index: &Path) -> Result<Graph> {
        Graph::load(&crate::index::current(index)?)
    }

    /// Reads `dir/graph.json`, checking every reference in it.
    pub fn load(dir: &Path) -> Result<Graph> {
        let path = dir.join(FILE);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let s: Stored = serde_json::from_slice(&bytes).map_err(|e| Error::format(&path, e.to_string()))?;
        if s.version != VERSION {
            return Err(Error::format(
                &path,
                format!("graph version {} (expected {VERSION}): rebuild the index", s.version),
            ));
        }
        let bad = |i: usize, what: &str| Error::format(&path, format!("edge {i}: {what} out of range"));
        let sym_ok = |v: u32| v == super::edges::NONE || (v as usize) < s.symbols.len();
        let mut edges = Vec::with_capacity(s.edges.len());
        for (i, r) in s.edges.iter().enumerate() {
            if r[0] as usize >= s.docs.len() || r[2] as usize >= s.docs.len() {
                return Err(bad(i, "document"));
            }
            if ![r[1], r[3], r[4], r[5]].into_iter().all(sym_ok) {
                return Err(bad(i, "symbol"));
            }
            let (start, len) = (r[8] as usize, r[9] as usize);
            let snippet = s.snippets.get(start..start + len).ok_or_else(|| bad(i, "snippet"))?;
            if r[10] > r[11]
                || !snippet.is_char_boundary(r[10] as usize)
                || !snippet.is_char_boundary(r[11] as usize)
            {
                return Err(bad(i, "mark"));
            }
            edges.push(RawEdge {
                source: r[0],
                source_article: r[1],
                target: r[2],
                target_article: r[3],
                target_clause: r[4],
                target_point: r[5],
                kind: *KINDS.get(r[6] as usize).ok_or_else(|| bad(i, "kind"))?,
                origin: if r[7] == 1 { Origin::Note } else { Origin::Text },
                snippet: r[8],
                len: r[9],
                mark: (r[10] as u16, r[11] as u16),
            });
        }
        let mut g =
            Graph { docs: s.docs, symbols: s.symbols, snippets: s.snippets, edges, ..Graph::default() };
        g.edges.sort_by_key(|e| e.source);
        g.index();
        Ok(g)
    }
}
