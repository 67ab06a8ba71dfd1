//! Building an index generation with everything stored beside it: the Tantivy index of the
//! corpus ([`crate::index`]), the catalog (`catalog.json`, with the documents only cited and
//! today's statuses), the validity records ([`crate::validity`]) and the citation graph
//! ([`crate::graph`]) are written into the new generation before it is published, so all go
//! live (or none) in one swap. `cancu index` and the server's (re)index both call [`build`].

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::catalog::Catalog;
use crate::corpus::Loaded;
use crate::index::{build_with, Options, Summary};
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

/// What [`build`] did.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    pub index: Summary,
    pub graph: GraphSummary,
}

/// Builds the index of the corpus `loaded` (read from the directory `root`, if any) with its
/// catalog and citation graph into the index directory `dir`, and publishes it.
///
/// Errors: the index cannot be written (see [`crate::index::build_with`]).
pub fn build(loaded: &Loaded, root: Option<&Path>, dir: &Path, opts: &Options<'_>) -> Result<BuildSummary> {
    let docs = &loaded.documents;
    let held = Catalog::from_documents(docs).with_files(root, &loaded.paths);
    // Validity (issue #11): derived before the records are written, so that each record (and
    // the catalog) carries today's status; the documents only cited join the catalog.
    let tv = Instant::now();
    let validity = crate::validity::Validity::derive(docs, &held);
    let statuses = validity.statuses_at(crate::model::Date::today());
    let catalog = held.with_cited(&validity.cited).with_statuses(&statuses);
    let validity_elapsed = tv.elapsed();
    let stats = Mutex::new(None);
    let write_extras = |gen: &Path| -> Result<()> {
        let t = Instant::now();
        validity.save(gen)?;
        let g = crate::graph::build(docs, &catalog);
        g.save(gen)?;
        *stats.lock().expect("graph stats lock") = Some(GraphSummary {
            edges: g.len(),
            elapsed: t.elapsed(),
            validity: validity.records.len(),
            validity_elapsed,
        });
        Ok(())
    };
    let opts = Options {
        extra: Some(&write_extras),
        catalog: Some(&catalog),
        statuses: Some(&statuses),
        normalized: opts.normalized || loaded.normalized,
        ..*opts
    };
    let index = build_with(docs, dir, &opts)?;
    let graph = stats.into_inner().expect("graph stats lock").expect("the extra step ran before publishing");
    Ok(BuildSummary { index, graph })
}
