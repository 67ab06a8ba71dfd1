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
    /// Validity records derived ([`crate::validity`]) and the time it took.
    pub validity: usize,
    pub validity_elapsed: Duration,
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
    let catalog = Catalog::from_documents(docs);
    // Validity (issue #11): derived before the records are written, so that each record's
    // status is today's; stored beside the graph.
    let tv = Instant::now();
    let validity = crate::validity::Validity::derive(docs, &catalog);
    let statuses = validity.statuses_at(crate::model::Date::today());
    let validity_elapsed = tv.elapsed();
    let write_graph = |gen: &Path| -> Result<()> {
        let t = Instant::now();
        validity.save(gen)?;
        let g = super::build(docs, &catalog);
        g.save(gen)?;
        *stats.lock().expect("graph stats lock") = Some(GraphSummary {
            edges: g.len(),
            elapsed: t.elapsed(),
            validity: validity.records.len(),
            validity_elapsed,
        });
        Ok(())
    };
    let opts = Options { extra: Some(&write_graph), statuses: Some(&statuses), ..*opts };
    let summary = build_with(docs, dir, &opts)?;
    let graph = stats.into_inner().expect("graph stats lock").expect("the extra step ran before publishing");
    Ok((summary, graph))
}
