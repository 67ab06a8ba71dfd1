//! What the server holds: a [`Snapshot`] (the corpus as a [`Library`], and the search engine
//! over it) behind an `RwLock<Arc<…>>`. A request clones the `Arc` once and works on that
//! snapshot to the end, so a reindex ([`AppState::reindex`]) builds the next snapshot off to
//! the side and swaps the pointer: requests in flight finish on the old one, new requests see
//! the new one, none fails. One reindex runs at a time.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;

use serde::Serialize;

use super::error::AppError;
use super::library::Library;
use crate::model::Document;

/// Where a snapshot's corpus came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "path")]
pub enum CorpusSource {
    /// The corpus compiled into the binary.
    Embedded,
    /// A corpus directory.
    Dir(PathBuf),
    /// Documents handed over in memory (tests).
    Memory,
}

/// One consistent view of the knowledge base.
#[derive(Debug)]
pub struct Snapshot {
    pub library: Library,
    pub source: CorpusSource,
    /// Files of the corpus that could not be read (reported at start-up).
    pub problems: Vec<crate::report::Problem>,
    /// Set by [`AppState`] when the snapshot is installed: 1, 2, …
    pub generation: u64,
}

impl Snapshot {
    /// A snapshot of documents held in memory.
    pub fn from_documents(docs: Vec<Document>) -> Snapshot {
        Snapshot {
            library: Library::new(docs),
            source: CorpusSource::Memory,
            problems: Vec::new(),
            generation: 0,
        }
    }

    /// Loads the corpus: `corpus` if given, else `./corpus` if it exists, else the embedded
    /// default. `_index` is where the search index lives.
    pub fn load(corpus: Option<&Path>, _index: &Path) -> crate::Result<Snapshot> {
        let dir = corpus.map(Path::to_path_buf).or_else(|| {
            let d = PathBuf::from("corpus");
            d.is_dir().then_some(d)
        });
        let (loaded, source) = match dir {
            Some(d) => {
                if !d.is_dir() {
                    return Err(crate::Error::io(
                        &d,
                        std::io::Error::new(std::io::ErrorKind::NotFound, "corpus directory not found"),
                    ));
                }
                (crate::corpus::load_dir(&d)?, CorpusSource::Dir(d))
            }
            None => (crate::corpus::embedded::load(), CorpusSource::Embedded),
        };
        Ok(Snapshot {
            library: Library::new(loaded.documents),
            source,
            problems: loaded.problems,
            generation: 0,
        })
    }
}

type Reloader = dyn Fn() -> crate::Result<Snapshot> + Send + Sync;

struct Shared {
    current: RwLock<Arc<Snapshot>>,
    reload: Option<Box<Reloader>>,
    reindexing: tokio::sync::Mutex<()>,
    generation: AtomicU64,
}

/// The state shared by all handlers; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

/// What a reindex did.
#[derive(Debug, Clone, Serialize)]
pub struct ReindexReport {
    pub generation: u64,
    pub documents: usize,
    pub problems: usize,
    pub millis: u128,
}

impl AppState {
    /// A state serving `snapshot`, without reindexing.
    pub fn new(snapshot: Snapshot) -> AppState {
        AppState::build(snapshot, None)
    }

    /// A state serving `snapshot` that rebuilds with `reload` on [`AppState::reindex`].
    pub fn with_reload(
        snapshot: Snapshot,
        reload: impl Fn() -> crate::Result<Snapshot> + Send + Sync + 'static,
    ) -> AppState {
        AppState::build(snapshot, Some(Box::new(reload)))
    }

    fn build(mut snapshot: Snapshot, reload: Option<Box<Reloader>>) -> AppState {
        snapshot.generation = 1;
        AppState(Arc::new(Shared {
            current: RwLock::new(Arc::new(snapshot)),
            reload,
            reindexing: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(1),
        }))
    }

    /// The current snapshot. Hold it for the whole request.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock still holds a valid Arc: keep serving.
        self.0.current.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Installs a new snapshot; returns its generation.
    pub fn swap(&self, mut snapshot: Snapshot) -> u64 {
        let generation = self.0.generation.fetch_add(1, Ordering::SeqCst) + 1;
        snapshot.generation = generation;
        let new = Arc::new(snapshot);
        *self.0.current.write().unwrap_or_else(|p| p.into_inner()) = new;
        generation
    }

    /// Whether this state can reindex.
    pub fn can_reindex(&self) -> bool {
        self.0.reload.is_some()
    }

    /// Rebuilds the snapshot off the async runtime and swaps it in. A second call while one
    /// runs gets a 409; a failed rebuild keeps the old snapshot serving.
    pub async fn reindex(&self) -> Result<ReindexReport, AppError> {
        if self.0.reload.is_none() {
            return Err(AppError::unavailable(
                "reindex_disabled",
                "Máy chủ này không bật chức năng lập lại chỉ mục.",
            ));
        }
        let Ok(_guard) = self.0.reindexing.try_lock() else {
            return Err(AppError::new(
                axum::http::StatusCode::CONFLICT,
                "reindex_running",
                "Đang lập lại chỉ mục; vui lòng chờ lần này xong.",
            ));
        };
        let started = Instant::now();
        let me = self.clone();
        let built = tokio::task::spawn_blocking(move || (me.0.reload.as_ref().expect("checked above"))())
            .await
            .map_err(AppError::internal)?
            .map_err(AppError::internal)?;
        let documents = built.library.len();
        let problems = built.problems.len();
        let generation = self.swap(built);
        Ok(ReindexReport { generation, documents, problems, millis: started.elapsed().as_millis() })
    }
}
