//! Benchmark of the citation graph: loads a corpus, builds the catalog and the graph, and
//! prints the time of each step, the edge counts by relation, the memory the graph takes and
//! the time to save and load it. With `--index`, also builds the search index with and
//! without the graph, to give the graph's share of index time.
//!
//! `cargo run --release --example bench_graph -- CORPUS_DIR [--index]`

use std::time::Instant;

use cancu::catalog::Catalog;
use cancu::graph::{self, Origin};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: bench_graph CORPUS_DIR"))?;
    let t = Instant::now();
    let loaded = cancu::corpus::load_dir(std::path::Path::new(&dir))?;
    let load = t.elapsed();
    let articles: usize = loaded.documents.iter().map(|d| d.articles().count()).sum();
    let bytes: usize = loaded
        .documents
        .iter()
        .flat_map(|d| d.articles())
        .map(|a| a.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>())
        .sum();
    println!(
        "corpus: {} documents, {articles} articles, {:.1} MB of article text; loaded in {load:.2?}",
        loaded.documents.len(),
        bytes as f64 / 1e6
    );
    let t = Instant::now();
    let catalog = Catalog::from_documents(&loaded.documents);
    println!("catalog: {:.2?}", t.elapsed());
    let threads = rayon::current_num_threads();
    {
        // Where the time goes: finding citations, then resolving them.
        use rayon::prelude::*;
        let texts: Vec<(String, cancu::cite::Context)> = loaded
            .documents
            .iter()
            .flat_map(|d| d.articles().map(move |a| (a.text(), cancu::cite::Context::of(&d.meta))))
            .collect();
        let t = Instant::now();
        let n: usize = texts.par_iter().map(|(x, _)| cancu::cite::extract(x).len()).sum();
        println!("extract alone: {:.2?} ({n} citations)", t.elapsed());
        let t = Instant::now();
        let r: usize = texts
            .par_iter()
            .map(|(x, c)| {
                cancu::cite::extract_resolved(x, &catalog, c).iter().filter(|c| c.target.is_some()).count()
            })
            .sum();
        println!("extract + resolve: {:.2?} ({r} resolved)", t.elapsed());
    }
    let t = Instant::now();
    let g = graph::build(&loaded.documents, &catalog);
    let build = t.elapsed();
    println!(
        "graph build: {build:.2?} on {threads} threads ({:.1} MB/s of article text)",
        bytes as f64 / 1e6 / build.as_secs_f64()
    );
    println!(
        "edges: {} ({} documents), heap ≈ {:.1} MB",
        g.len(),
        g.documents(),
        g.heap_bytes() as f64 / 1e6
    );
    let mut by_kind = std::collections::BTreeMap::new();
    for e in g.edges() {
        *by_kind.entry((format!("{:?}", e.kind), e.origin == Origin::Note)).or_insert(0usize) += 1;
    }
    for ((k, note), n) in by_kind {
        println!("  {k:<10} {:<5} {n}", if note { "note" } else { "text" });
    }
    let article_level = g.edges().filter(|e| e.target_article.is_some()).count();
    println!("  article-level: {article_level}");
    let tmp = tempfile::tempdir()?;
    let t = Instant::now();
    g.save(tmp.path())?;
    let save = t.elapsed();
    let size = std::fs::metadata(tmp.path().join(graph::FILE))?.len();
    let t = Instant::now();
    let h = graph::Graph::load(tmp.path())?;
    println!("save: {save:.2?} ({:.1} MB), load: {:.2?} ({} edges)", size as f64 / 1e6, t.elapsed(), h.len());
    if std::env::args().any(|a| a == "--index") {
        // Index time without the graph, then with it (built and saved inside the generation).
        let docs = &loaded.documents;
        let plain = tempfile::tempdir()?;
        let t = Instant::now();
        cancu::index::build(docs, plain.path())?;
        let without = t.elapsed();
        let with_dir = tempfile::tempdir()?;
        let write_graph = |dir: &std::path::Path| -> cancu::Result<()> {
            let catalog = Catalog::from_documents(docs);
            graph::build(docs, &catalog).save(dir)
        };
        let opts = cancu::index::Options { extra: Some(&write_graph), ..Default::default() };
        let t = Instant::now();
        cancu::index::build_with(docs, with_dir.path(), &opts)?;
        let with = t.elapsed();
        println!(
            "index without graph: {without:.2?}; with graph: {with:.2?}; graph adds {:.0}%",
            100.0 * (with.as_secs_f64() - without.as_secs_f64()) / without.as_secs_f64()
        );
    }
    Ok(())
}
