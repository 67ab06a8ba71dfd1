//! The `cancu` command line: parses arguments and hands each verb to `cmd::<verb>`, which
//! calls the library. All the work is in the library (`cancu::…`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// cancu — căn cứ: a knowledge base of Vietnamese legal and Party documents.
#[derive(Parser)]
#[command(name = "cancu", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the corpus and the index live.
#[derive(clap::Args, Clone, Debug)]
pub struct Paths {
    /// Corpus directory (default: ./corpus, or the corpus embedded in the binary if absent).
    #[arg(long, global = true)]
    pub corpus: Option<PathBuf>,
    /// Index directory.
    #[arg(long, global = true, default_value = "index")]
    pub index: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Import documents (Pháp điển zip or folder, vanban-goc zip or .txt, Markdown) into the corpus.
    Import(cmd::import::Args),
    /// Build the search index and citation graph from the corpus.
    Index(cmd::index::Args),
    /// Search articles and documents.
    Search(cmd::search::Args),
    /// Show a document or an article (by number, id or pinpoint).
    Show(cmd::show::Args),
    /// Find, read and resolve the citations in a text.
    Cite(cmd::cite::Args),
    /// Link a plan or report: citations, per-clause sources and warnings.
    Link(cmd::link::Args),
    /// Serve the web UI and JSON API.
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(a) => cmd::import::run(a),
        Command::Index(a) => cmd::index::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Show(a) => cmd::show::run(a),
        Command::Cite(a) => cmd::cite::run(a),
        Command::Link(a) => cmd::link::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
