//! `cancu serve`: loads the corpus (and its index), then serves the web UI and JSON API from
//! one binary until Ctrl-C. The index is built first if `--index` has none; a generation
//! changed since it was published is refused. `POST /api/admin/reindex` rebuilds and swaps in
//! a new snapshot without stopping — only when the operator gives an admin token
//! (`--admin-token-file FILE` or `CANCU_ADMIN_TOKEN`); `cancu index` (then a restart, or the
//! endpoint) is the normal way to rebuild. Both builds run in a child `cancu index` process: the build's working
//! set (every text of the corpus, the index writer, the graph) is the child's and goes back to
//! the system when it exits, so the server's own memory stays that of the snapshots it serves.

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use anyhow::Context;
use cancu::web::{router, Admin, AppState, SearchCache, ServerLimits, Snapshot};

/// The admin credential chosen by the operator, if any.
fn admin(args: &Args) -> anyhow::Result<Option<Admin>> {
    let token = match &args.admin_token_file {
        Some(f) => Some(std::fs::read_to_string(f).with_context(|| format!("đọc {}", f.display()))?),
        None => std::env::var("CANCU_ADMIN_TOKEN").ok().filter(|t| !t.trim().is_empty()),
    };
    token
        .map(|t| {
            Admin::new(&t)
                .map(|a| a.min_interval(std::time::Duration::from_secs(args.admin_min_interval)))
                .map_err(|e| anyhow::anyhow!(e))
        })
        .transpose()
}

#[derive(clap::Args)]
pub struct Args {
    /// Địa chỉ lắng nghe.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Bật điểm quản trị (POST /api/admin/reindex) với mã bí mật trong tệp này (ít nhất 16
    /// ký tự; bên gọi gửi `Authorization: Bearer <mã>`). Biến môi trường CANCU_ADMIN_TOKEN
    /// có tác dụng như vậy. Không có cả hai thì điểm quản trị tắt.
    #[arg(long, value_name = "TỆP")]
    pub admin_token_file: Option<std::path::PathBuf>,
    /// Khoảng cách tối thiểu giữa hai lần lập lại chỉ mục qua điểm quản trị, tính bằng giây.
    #[arg(long, value_name = "GIÂY", default_value_t = cancu::web::limits::REINDEX_MIN_INTERVAL.as_secs())]
    pub admin_min_interval: u64,
    /// Số câu trả lời tìm kiếm được lưu đệm cho mỗi bản chỉ mục (0: không lưu, tính mọi lần tìm).
    #[arg(long, default_value_t = SearchCache::CAPACITY)]
    pub cache: usize,
    /// Theo dõi thư mục chỉ mục: cứ mỗi chừng ấy giây, nếu một tiến trình khác (`cancu index`)
    /// đã công bố thế hệ chỉ mục mới thì nạp và chuyển sang dùng nó, không gián đoạn (0: tắt).
    #[arg(long, value_name = "GIÂY", default_value_t = 2)]
    pub follow: u64,
    #[command(flatten)]
    pub paths: crate::Paths,
}

/// Runs `cancu index` (this executable) on the same corpus choice and index directory; its
/// new generation goes live when it succeeds. An error carries the end of its stderr.
fn index_in_child(corpus: Option<&Path>, index: &Path) -> cancu::Result<()> {
    let exe = std::env::current_exe().map_err(|e| cancu::Error::io("cancu executable", e))?;
    let mut cmd = Command::new(&exe);
    cmd.arg("index").arg("--index").arg(index).stdin(Stdio::null()).stdout(Stdio::null());
    if let Some(c) = corpus {
        cmd.arg("--corpus").arg(c);
    }
    let out = cmd.stderr(Stdio::piped()).output().map_err(|e| cancu::Error::io(&exe, e))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
    Err(cancu::Error::Index(format!("`cancu index` không thành công ({}): {}", out.status, tail.join(" / "))))
}

/// Switches to each generation another process publishes in `index` (checked every `secs`
/// seconds; see [`AppState::follow`]): replicas behind a load balancer share one builder.
async fn follow(
    state: AppState,
    corpus: Option<std::path::PathBuf>,
    index: std::path::PathBuf,
    cache: usize,
    secs: u64,
) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(secs));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let (state, corpus, index) = (state.clone(), corpus.clone(), index.clone());
        let switched = tokio::task::spawn_blocking(move || {
            state
                .follow(corpus.as_deref(), &index, || {
                    let mut s = Snapshot::load(corpus.as_deref(), &index)?;
                    s.cache = SearchCache::new(cache);
                    Ok(s)
                })
                .map(|n| n.map(|n| (n, state.snapshot().index_generation())))
        })
        .await;
        match switched {
            Ok(Ok(Some((n, name)))) => {
                eprintln!("cancu serve: đã chuyển sang chỉ mục {} (bản thứ {n})", name.unwrap_or_default())
            }
            Ok(Ok(None)) => {}
            Ok(Err(e)) => eprintln!("cảnh báo: không chuyển được sang chỉ mục mới: {e}"),
            Err(e) => eprintln!("cảnh báo: không chuyển được sang chỉ mục mới: {e}"),
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = args.paths.corpus.clone();
    let index = args.paths.index.clone();
    let cache = args.cache;
    let admin = admin(&args)?;
    // A generation changed since it was published is refused, not served nor rebuilt over.
    // (One without a manifest was built by an older cancu: it is rebuilt below, like an index
    // of another schema.)
    if let Ok(gen) = cancu::index::current(&index) {
        if gen.join(cancu::index::generation::MANIFEST).exists() {
            cancu::index::generation::verify(&gen, cancu::index::generation::Check::Full)?;
        }
    }
    if !cancu::web::state::has_index(corpus.as_deref(), &index) {
        eprintln!("cancu serve: chưa có chỉ mục trong {}; đang lập", index.display());
        if let Err(e) = index_in_child(corpus.as_deref(), &index) {
            // Snapshot::load below builds it in this process instead.
            eprintln!("cảnh báo: {e}");
        }
    }
    let mut snapshot = Snapshot::load(corpus.as_deref(), &index).context("nạp kho văn bản")?;
    snapshot.cache = SearchCache::new(cache);
    for p in snapshot.problems.iter().take(20) {
        eprintln!("cảnh báo: {p}");
    }
    if snapshot.problems.len() > 20 {
        eprintln!("cảnh báo: … và {} vấn đề nữa", snapshot.problems.len() - 20);
    }
    match &snapshot.searcher {
        Some(s) => eprintln!(
            "cancu serve: {} văn bản ({}), chỉ mục {}",
            snapshot.library.len(),
            snapshot.source,
            s.generation().display()
        ),
        None => eprintln!("cancu serve: kho văn bản trống ({}); chức năng tìm kiếm tắt", snapshot.source),
    }
    let state = match admin {
        None => AppState::new(snapshot),
        Some(admin) => {
            eprintln!("cancu serve: điểm quản trị đang bật (POST /api/admin/reindex, cần mã bí mật)");
            AppState::with_reload(snapshot, admin, move || {
                index_in_child(corpus.as_deref(), &index)?;
                let mut s = Snapshot::load(corpus.as_deref(), &index)?;
                s.cache = SearchCache::new(cache);
                Ok(s)
            })
        }
    };
    let app = router(state.clone());
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("khởi động bộ chạy")?;
    if args.follow > 0 {
        rt.spawn(follow(state, args.paths.corpus.clone(), args.paths.index.clone(), cache, args.follow));
    }
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("mở cổng {}", args.addr))?;
        eprintln!("cancu serve: đang phục vụ tại http://{}", listener.local_addr()?);
        let limits = ServerLimits::default();
        cancu::web::serve(listener, app, limits, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("phục vụ")
    })?;
    Ok(ExitCode::SUCCESS)
}
