//! Building the search index together with its citation graph: the graph is written into the
//! new index generation before it is published, so both go live (or neither) in one swap.
//! `cancu index` and the web server's reindex both call [`build_index`].

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::catalog::Catalog;
use crate::index::{build_with, Options, Summary};
use crate::model::Document;
use crate::Result;

/// What the graph step did.
#[derive(Debug, Clone, Copy)]
pub struct GraphSummary {
    pub edges: usize,
    pub elapsed: Duration,
}

/// Builds the index of `docs` with its citation graph into `dir` and publishes it.
pub fn build_index(docs: &[Document], dir: &Path, progress: bool) -> Result<(Summary, GraphSummary)> {
    build_index_with(docs, dir, &Options { progress, ..Default::default() })
}

/// [`build_index`] with indexing options (progress, memory budget).
pub fn build_index_with(
    docs: &[Document],
    dir: &Path,
    opts: &Options<'_>,
) -> Result<(Summary, GraphSummary)> {
    let stats = Mutex::new(None);
    let write_graph = |gen: &Path| -> Result<()> {
        let t = Instant::now();
        let catalog = Catalog::from_documents(docs);
        let g = super::build(docs, &catalog);
        g.save(gen)?;
        *stats.lock().expect("graph stats lock") =
            Some(GraphSummary { edges: g.len(), elapsed: t.elapsed() });
        Ok(())
    };
    let opts = Options { extra: Some(&write_graph), ..*opts };
    let summary = build_with(docs, dir, &opts)?;
    let graph = stats.into_inner().expect("graph stats lock").expect("the extra step ran before publishing");
    Ok((summary, graph))
}
