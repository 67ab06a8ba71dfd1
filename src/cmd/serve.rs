//! `cancu serve`: loads the corpus (and its index), then serves the web UI and JSON API from
//! one binary until Ctrl-C. The index is built first if `--index` has none. `POST /api/admin/reindex` rebuilds and swaps in a new snapshot
//! without stopping (disable with `--no-admin`).

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use cancu::web::{router, AppState, SearchCache, Snapshot};

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Disable the admin endpoint (POST /api/admin/reindex).
    #[arg(long)]
    pub no_admin: bool,
    /// Search answers cached per index snapshot (0: none, every search is computed).
    #[arg(long, default_value_t = SearchCache::CAPACITY)]
    pub cache: usize,
    #[command(flatten)]
    pub paths: crate::Paths,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = args.paths.corpus.clone();
    let index = args.paths.index.clone();
    let cache = args.cache;
    let mut snapshot = Snapshot::load(corpus.as_deref(), &index).context("loading the corpus")?;
    snapshot.cache = SearchCache::new(cache);
    for p in snapshot.problems.iter().take(20) {
        eprintln!("warning: {p}");
    }
    if snapshot.problems.len() > 20 {
        eprintln!("warning: … and {} more problems", snapshot.problems.len() - 20);
    }
    match &snapshot.searcher {
        Some(s) => eprintln!(
            "cancu serve: {} documents ({:?}), index {}",
            snapshot.library.len(),
            snapshot.source,
            s.generation().display()
        ),
        None => eprintln!("cancu serve: the corpus is empty ({:?}); search is off", snapshot.source),
    }
    let state = if args.no_admin {
        AppState::new(snapshot)
    } else {
        AppState::with_reload(snapshot, move || {
            let mut s = Snapshot::rebuild(corpus.as_deref(), &index)?;
            s.cache = SearchCache::new(cache);
            Ok(s)
        })
    };
    let app = router(state);
    let rt =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        eprintln!("cancu serve: listening on http://{}", listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
