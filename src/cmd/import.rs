//! `cancu import`: reads Pháp điển dumps, original texts and Markdown files into the corpus.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use cancu::import::{import, Options};

#[derive(clap::Args)]
pub struct Args {
    /// Nguồn: zip hoặc thư mục Pháp điển, zip văn bản gốc, tệp hoặc thư mục .txt, tệp .md.
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// Ghi mọi lỗi vào tệp này (bản tóm tắt chỉ liệt kê các lỗi đầu tiên).
    #[arg(long)]
    pub problems: Option<PathBuf>,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = args.paths.corpus.clone().unwrap_or_else(|| PathBuf::from("corpus"));
    let opts = Options { corpus: corpus.clone(), progress: std::io::stderr().is_terminal() };
    let s = import(&args.sources, &opts)?;
    const SHOWN: usize = 20;
    if s.stale_temp_files > 0 {
        eprintln!("đã xoá {} tệp tạm do lần nhập bị ngắt để lại", s.stale_temp_files);
    }
    for p in s.not_written.iter().take(SHOWN) {
        eprintln!("lỗi: {p}");
    }
    if s.not_written.len() > SHOWN {
        eprintln!("… và {} văn bản nữa không ghi được", s.not_written.len() - SHOWN);
    }
    for p in s.problems.iter().take(SHOWN) {
        eprintln!("vấn đề: {p}");
    }
    if s.problems.len() > SHOWN {
        eprintln!(
            "… and {} more problems{}",
            s.problems.len() - SHOWN,
            if args.problems.is_none() { " (use --problems FILE to list them all)" } else { "" }
        );
    }
    if let Some(path) = &args.problems {
        let text: String = s.not_written.iter().chain(&s.problems).map(|p| format!("{p}\n")).collect();
        std::fs::write(path, text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    for r in &s.releases {
        let c = &r.counts;
        println!(
            "{}: {} articles read, {} imported ({} after repairing an odd note), {} reported and skipped; {} documents",
            r.source, c.total, c.imported, c.repaired, c.skipped, r.documents
        );
    }
    println!(
        "Imported {} documents into {} ({} new, {} updated, {} unchanged), {} articles, from {} files; {} titles learned from citations; {} problems in the sources; {} documents not written.",
        s.documents(),
        corpus.display(),
        s.new,
        s.updated,
        s.unchanged,
        s.articles,
        s.files,
        s.titles_learned,
        s.problems.len(),
        s.not_written.len()
    );
    let stages: Vec<String> =
        s.stages.iter().map(|(name, d)| format!("{name} {:.2} s", d.as_secs_f64())).collect();
    println!("Stages: {}.", stages.join(", "));
    if !s.not_written.is_empty() {
        eprintln!(
            "error: {} documents could not be written into {}; the import is incomplete.",
            s.not_written.len(),
            corpus.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(if s.documents() == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
