//! `cancu index`: builds the search index from the corpus and swaps it in atomically.

use std::io::IsTerminal;
use std::process::ExitCode;

use cancu::corpus::Loaded;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub paths: crate::Paths,
}

/// The corpus named by `--corpus`, else `./corpus` if present, else the embedded one.
pub fn load_corpus(paths: &crate::Paths) -> anyhow::Result<(Loaded, String)> {
    let (loaded, source) = cancu::corpus::load(paths.corpus.as_deref())?;
    Ok((loaded, source.to_string()))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let (loaded, from) = load_corpus(&args.paths)?;
    const SHOWN: usize = 20;
    for p in loaded.problems.iter().take(SHOWN) {
        eprintln!("problem: {p}");
    }
    if loaded.problems.len() > SHOWN {
        eprintln!("… and {} more problems", loaded.problems.len() - SHOWN);
    }
    anyhow::ensure!(!loaded.documents.is_empty(), "no documents in {from}: nothing to index");
    let loading = started.elapsed();
    // The citation graph is written into the new generation before it is published.
    let (s, g) =
        cancu::graph::build_index(&loaded.documents, &args.paths.index, std::io::stderr().is_terminal())?;
    println!("Citation graph: {} edges in {:.1} s (part of indexing).", g.edges, g.elapsed.as_secs_f64());
    println!(
        "Validity: {} documents held or cited, derived in {:.1} s (part of indexing).",
        g.validity,
        g.validity_elapsed.as_secs_f64()
    );
    println!(
        "Indexed {} documents ({} articles, {} metadata only) from {from} into {} in {:.1} s (loading {:.1} s, indexing {:.1} s); {:.1} MB on disk; {} problems.",
        s.documents,
        s.articles,
        s.metadata_only,
        s.path.display(),
        started.elapsed().as_secs_f64(),
        loading.as_secs_f64(),
        s.elapsed.as_secs_f64(),
        s.bytes as f64 / 1e6,
        loaded.problems.len()
    );
    Ok(ExitCode::SUCCESS)
}
