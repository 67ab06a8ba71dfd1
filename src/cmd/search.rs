//! `cancu search`: one query against the index, printed for people or as JSON.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use cancu::model::{DocType, Status};
use cancu::search::{Filters, Query, Route, Searcher};

#[derive(clap::Args)]
pub struct Args {
    /// Câu tìm: từ ngữ, "cụm từ trong ngoặc kép", số hiệu văn bản hoặc điều khoản.
    #[arg(required = true)]
    pub query: Vec<String>,
    /// In JSON (đối tượng có `hits`, kết quả tốt nhất trước).
    #[arg(long)]
    pub json: bool,
    /// Số kết quả.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Bỏ qua từng này kết quả (phân trang).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Chỉ loại văn bản này ("Nghị định", "luat", …).
    #[arg(long = "type", value_name = "LOẠI")]
    pub doc_type: Option<DocType>,
    /// Chỉ cơ quan ban hành này ("Chính phủ").
    #[arg(long)]
    pub issuer: Option<String>,
    /// Chỉ văn bản của năm này.
    #[arg(long)]
    pub year: Option<u16>,
    /// Chỉ tình trạng hiệu lực này ("còn hiệu lực", "in_force", …).
    #[arg(long, value_name = "TÌNH_TRẠNG")]
    pub status: Option<Status>,
    /// Chỉ đề mục Pháp điển này ("44.13").
    #[arg(long)]
    pub demuc: Option<String>,
    /// In tổng số kết quả và số lượng theo từng nhóm (loại, cơ quan, năm, tình trạng) trong các kết quả đầu.
    #[arg(long)]
    pub facets: bool,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // `--type` and `--status` are parsed by the `FromStr` the web's filters use too.
    let filters = Filters {
        doc_type: args.doc_type,
        issuer: args.issuer.clone(),
        year: args.year,
        status: args.status,
        demuc: args.demuc.clone(),
    };
    let mut q = Query::new(args.query.join(" ")).limit(args.limit).offset(args.offset).filters(filters);
    q.facets = args.facets;
    let searcher = super::for_the_process(Searcher::open(&args.paths.index)?);
    let r = searcher.search(&q)?;
    let mut out = String::new();
    if args.json {
        out = serde_json::to_string_pretty(&r)?;
        out.push('\n');
        return emit(&out);
    }
    if let Some(s) = &r.suggestion {
        writeln!(out, "Có phải bạn muốn tìm: {s}?")?;
    }
    if let Some(n) = &r.notice {
        writeln!(out, "{n}")?;
    }
    match &r.route {
        Some(Route::Document { ids }) => {
            for id in ids {
                if let Some(d) = searcher.catalog().get(id) {
                    writeln!(out, "→ {} — {} [{}]", d.label(), d.title, d.status.as_vi())?;
                }
            }
        }
        Some(route @ Route::Article { id, .. }) => {
            let d = searcher.catalog().get(id).map(|d| d.label()).unwrap_or_else(|| id.clone());
            writeln!(out, "→ {d}, {}", route.pinpoint_vi().unwrap_or_default())?;
        }
        None => {}
    }
    if r.hits.is_empty() {
        writeln!(out, "Không có kết quả.")?;
    }
    for (i, h) in r.hits.iter().enumerate() {
        let doc = match &h.number {
            Some(n) => format!("{} {}", h.doc_type.as_vi(), n),
            None => h.doc_title.clone(),
        };
        let what = match &h.article {
            Some(a) => format!("{doc}, Điều {a}. {}", h.title),
            None => format!("{doc} — {}", h.title),
        };
        // The status, as the route line and the web give it (the score is in `--json`).
        writeln!(out, "{:>3}. {what} [{}]", r.offset + i + 1, h.status.as_vi())?;
        writeln!(out, "     {}", h.snippet_text.replace('\n', " "))?;
    }
    if let (Some(total), Some(f)) = (r.total, &r.facets) {
        let about = if r.total_approximate { "khoảng " } else { "" };
        writeln!(out, "\n{about}{total} kết quả.")?;
        if f.approximate {
            writeln!(out, "(Số đếm theo {} kết quả đầu.)", cancu::search::facets::WINDOW)?;
        }
        for (name, list) in [
            ("Loại", &f.doc_type),
            ("Năm", &f.year),
            ("Hiệu lực", &f.status),
            ("Đề mục", &f.demuc),
            ("Cơ quan", &f.issuer),
        ] {
            let shown: Vec<String> =
                list.iter().take(8).map(|c| format!("{} ({})", c.label, c.count)).collect();
            if !shown.is_empty() {
                writeln!(out, "{name}: {}", shown.join(", "))?;
            }
        }
    }
    emit(&out)
}

/// Writes the answer to stdout. A reader that stops early (`cancu search … | head`) closes
/// the pipe: that ends the command quietly, as for other Unix tools.
fn emit(text: &str) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}
