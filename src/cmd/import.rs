//! `cancu import`: reads Pháp điển dumps, original texts and Markdown files into the corpus.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use cancu::import::{download, import, Options};

#[derive(clap::Args)]
pub struct Args {
    /// Nguồn: zip hoặc thư mục Pháp điển, zip văn bản gốc, tệp hoặc thư mục .txt, tệp .md,
    /// hoặc địa chỉ https://… của tệp zip Pháp điển (được tải về trước, có thể tải tiếp khi bị ngắt).
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// Thư mục lưu tệp tải về từ địa chỉ https://….
    #[arg(long, value_name = "THƯ_MỤC", default_value = ".")]
    pub download_dir: PathBuf,
    /// Ghi mọi lỗi vào tệp này (bản tóm tắt chỉ liệt kê các lỗi đầu tiên).
    #[arg(long)]
    pub problems: Option<PathBuf>,
    /// Lập chỉ mục ngay sau khi nhập (vào thư mục --index), từ các văn bản vừa ghi còn trong
    /// bộ nhớ: như chạy `cancu index` sau đó, nhưng không đọc lại kho.
    #[arg(long)]
    pub build_index: bool,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = args.paths.corpus.clone().unwrap_or_else(|| PathBuf::from("corpus"));
    let opts =
        Options { corpus: corpus.clone(), progress: std::io::stderr().is_terminal(), keep: args.build_index };
    let mut sources = Vec::with_capacity(args.sources.len());
    for source in &args.sources {
        let text = source.to_string_lossy();
        if !download::is_url(&text) {
            sources.push(source.clone());
            continue;
        }
        eprintln!("Đang tải {text} …");
        let d = download::download(&text, &args.download_dir, opts.progress)?;
        let resumed = if d.resumed_from > 0 {
            format!(", tải tiếp từ byte {}", d.resumed_from)
        } else {
            String::new()
        };
        println!("Đã tải {} ({:.1} MB{resumed}).", d.path.display(), d.bytes as f64 / 1e6);
        println!("SHA-256: {}  {}", d.sha256, d.path.display());
        sources.push(d.path);
    }
    let s = import(&sources, &opts)?;
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
            "… và {} vấn đề nữa{}",
            s.problems.len() - SHOWN,
            if args.problems.is_none() { " (dùng --problems TỆP để ghi tất cả)" } else { "" }
        );
    }
    if let Some(path) = &args.problems {
        let text: String = s.not_written.iter().chain(&s.problems).map(|p| format!("{p}\n")).collect();
        std::fs::write(path, text).map_err(|e| anyhow::anyhow!("không ghi được {}: {e}", path.display()))?;
    }
    for r in &s.releases {
        let c = &r.counts;
        println!(
            "{}: đọc {} điều, nhập {} (trong đó {} sau khi sửa một ghi chú lạ), báo và bỏ qua {}; {} văn bản",
            r.source, c.total, c.imported, c.repaired, c.skipped, r.documents
        );
    }
    println!(
        "Đã nhập {} văn bản vào {} ({} mới, {} cập nhật, {} không đổi), {} điều, từ {} tệp; {} tên học từ trích dẫn; {} vấn đề trong nguồn; {} văn bản không ghi được.",
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
    if s.seeded > 0 {
        println!(
            "Đã thêm {} bản ghi viết tay (văn bản của Đảng, của tỉnh) vào {}.",
            s.seeded,
            corpus.display()
        );
    }
    let stages: Vec<String> = s
        .stages
        .iter()
        .map(|(name, d)| format!("{} {:.2} giây", cancu::report::stage_vi(name), d.as_secs_f64()))
        .collect();
    println!("Các bước: {}.", stages.join(", "));
    if !s.not_written.is_empty() {
        eprintln!(
            "lỗi: {} văn bản không ghi được vào {}; lần nhập chưa trọn vẹn.",
            s.not_written.len(),
            corpus.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    if s.documents() == 0 {
        return Ok(ExitCode::FAILURE);
    }
    if let Some(loaded) = s.corpus.as_ref().filter(|_| args.build_index) {
        // The import's buffers are freed but scattered: hand them back before the index's
        // own threads allocate theirs (peak RSS).
        cancu::alloc::release_freed_memory();
        let started = std::time::Instant::now();
        let from = corpus.display().to_string();
        super::index::build(loaded, Some(&corpus), &from, &args.paths.index, started, Default::default())?;
    }
    // The process ends here: freeing the documents one by one would take a core for a
    // moment the exit does not need (the kernel takes the memory back whole).
    std::mem::forget(s);
    Ok(ExitCode::SUCCESS)
}
