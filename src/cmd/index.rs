//! `cancu index`: builds the search index from the corpus and swaps it in atomically.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cancu::corpus::Loaded;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let (loaded, source) = cancu::corpus::load(args.paths.corpus.as_deref())?;
    let loading = started.elapsed();
    build(&loaded, source.dir(), &source.to_string(), &args.paths.index, started, loading)?;
    // The process ends here: the kernel takes the documents' memory back whole, faster than
    // freeing them one by one.
    std::mem::forget(loaded);
    Ok(ExitCode::SUCCESS)
}

/// Builds and publishes the index of `loaded` (read from the corpus directory `root`, named
/// `from` in messages) into `index` and prints what was built; `started`: when the command
/// started, `loading`: how long reading the corpus took. `cancu index` reads the corpus from
/// disk; `cancu import --build-index` hands over the documents it has just written.
pub fn build(
    loaded: &Loaded,
    root: Option<&Path>,
    from: &str,
    index: &Path,
    started: Instant,
    loading: Duration,
) -> anyhow::Result<()> {
    const SHOWN: usize = 20;
    for p in loaded.problems.iter().take(SHOWN) {
        eprintln!("vấn đề: {p}");
    }
    if loaded.problems.len() > SHOWN {
        eprintln!("… và {} vấn đề nữa", loaded.problems.len() - SHOWN);
    }
    anyhow::ensure!(
        !loaded.documents.is_empty(),
        "không có văn bản nào trong {from}: không có gì để lập chỉ mục"
    );
    loaded.check_unique()?;
    // The catalog and the citation graph are written into the new generation before it is
    // published.
    let opts = cancu::index::Options { progress: std::io::stderr().is_terminal(), ..Default::default() };
    let built = cancu::kb::build(loaded, root, index, &opts)?;
    let (s, g) = (built.index, built.graph);
    println!(
        "Đồ thị trích dẫn: {} cạnh, lập trong {:.1} giây (thuộc thời gian lập chỉ mục).",
        g.edges,
        g.elapsed.as_secs_f64()
    );
    println!(
        "Hiệu lực: {} văn bản có trong kho hoặc được trích dẫn, xác định trong {:.1} giây (thuộc thời gian lập chỉ mục).",
        g.validity,
        g.validity_elapsed.as_secs_f64()
    );
    println!(
        "Phiên bản: {} điều có lời văn khác trong một bản Pháp điển mới hơn, {} điều vắng mặt ở một bản (chỉ là dấu hiệu).",
        g.versions.0, g.versions.1
    );
    println!(
        "Đã lập chỉ mục {} văn bản ({} điều, {} chỉ có siêu dữ liệu) từ {from} vào {} trong {:.1} giây (đọc {:.1} giây, lập chỉ mục {:.1} giây); {:.1} MB trên đĩa; {} vấn đề.",
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
    let stages: Vec<String> = [("loading", loading), ("validity", g.validity_elapsed)]
        .into_iter()
        .chain(s.stages.iter().copied())
        .map(|(name, d)| format!("{} {:.2} giây", cancu::report::stage_vi(name), d.as_secs_f64()))
        .collect();
    println!("Các bước: {} (đồ thị trích dẫn {:.2} giây).", stages.join(", "), g.elapsed.as_secs_f64());
    Ok(())
}
