//! `cancu link PLAN [--format html|md|json]`: links a plan, report or Party document in plain
//! text — every citation resolved against the corpus and linked, the sources of each clause,
//! the clauses citing each source, and the warnings — and prints it in the chosen format.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use cancu::link::{self, render};

/// Output format.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    Html,
    Md,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// Kế hoạch (văn bản thuần UTF-8); `-` để đọc từ đầu vào chuẩn.
    pub plan: PathBuf,
    /// Định dạng kết quả.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Tiền tố của liên kết tới văn bản (`<base><id>#<anchor>`).
    #[arg(long, default_value = cancu::link::DEFAULT_BASE)]
    pub base: String,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = if args.plan.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b).context("không đọc được đầu vào chuẩn")?;
        b
    } else {
        std::fs::read(&args.plan).with_context(|| format!("không đọc được {}", args.plan.display()))?
    };
    let text = String::from_utf8(bytes)
        .map_err(|e| cancu::Error::Utf8 { path: args.plan.clone(), offset: e.utf8_error().valid_up_to() })?;
    let base = super::open_base(&args.paths)?;
    // Validity records (issue #11): the live index's, else derived from the corpus now.
    let records = base.validity()?;
    let report = link::link_with(&text, base.catalog(), &link::Options { base: args.base }, Some(&records));
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Html => render::html(&text, &report),
        Format::Md => render::markdown(&text, &report),
    };
    print!("{out}");
    eprintln!(
        "{} citations, {} resolved, {} sources, {} warnings",
        report.citations.len(),
        report.citations.iter().filter(|c| c.citation.target.is_some()).count(),
        report.sources.len(),
        report.warnings.len()
    );
    Ok(ExitCode::SUCCESS)
}
