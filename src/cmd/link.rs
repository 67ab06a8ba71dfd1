//! `cancu link PLAN [--format html|md|json]`: links a plan, report or Party document in plain
//! text — every citation resolved against the corpus and linked, the sources of each clause,
//! the clauses citing each source, and the warnings (grouped per citation, most serious
//! first, after a summary line) — and prints it in the chosen format, or writes it to
//! `--output` (a Word file for `--format docx`).

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
    Docx,
}

#[derive(clap::Args)]
pub struct Args {
    /// Kế hoạch (văn bản thuần UTF-8); `-` để đọc từ đầu vào chuẩn.
    pub plan: PathBuf,
    /// Định dạng kết quả (docx: tệp Word, cần `--output`).
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Ghi kết quả ra tệp này thay cho đầu ra chuẩn.
    #[arg(long, short, value_name = "TỆP")]
    pub output: Option<PathBuf>,
    /// Tiền tố của liên kết tới văn bản (`<base><id>#<anchor>`); mặc định là địa chỉ trang văn
    /// bản của `cancu serve` (`/van-ban/`), ví dụ `http://127.0.0.1:8080/van-ban/`. Tệp Word chỉ có
    /// liên kết khi tiền tố là địa chỉ đầy đủ (http://… hoặc https://…).
    #[arg(long, default_value = cancu::link::DEFAULT_BASE)]
    pub base: String,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if matches!(args.format, Format::Docx) && args.output.is_none() {
        anyhow::bail!("định dạng docx là tệp Word: hãy chỉ tệp cần ghi bằng --output TỆP");
    }
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
    let out: Vec<u8> = match args.format {
        Format::Json => (serde_json::to_string_pretty(&report)? + "\n").into_bytes(),
        Format::Html => render::html(&text, &report).into_bytes(),
        Format::Md => render::markdown(&text, &report).into_bytes(),
        Format::Docx => cancu::export::docx::link_report(&text, &report, cancu::model::Date::today())?,
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, &out).with_context(|| format!("không ghi được {}", path.display()))?;
            eprintln!("Đã ghi {}.", path.display());
        }
        None => {
            use std::io::Write;
            // A closed pipe (`| head`) is not an error.
            let _ = std::io::stdout().lock().write_all(&out);
        }
    }
    eprintln!("{}", report.summary.as_vi());
    Ok(ExitCode::SUCCESS)
}
