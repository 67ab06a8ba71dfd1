//! What the server holds: a [`Snapshot`] (the corpus as a [`Library`] and a [`Catalog`], and
//! the search index over it) behind an `RwLock<Arc<…>>`. A request clones the `Arc` once and works on that
//! snapshot to the end, so a reindex ([`AppState::reindex`]) builds the next snapshot off to
//! the side and swaps the pointer: requests in flight finish on the old one, new requests see
//! the new one, none fails. One reindex runs at a time, only when the operator turned the
//! admin endpoint on with a token ([`Admin`]), and not more often than its minimum interval.
//!
//! CPU-bound work of a request (reading the citations of a posted text, linking a plan, a
//! reindex) goes through [`AppState::heavy`]: one global semaphore sized to the cores (less
//! one), a queue with a timeout, the work itself on the blocking pool at a lower priority —
//! so that the async workers, and the cores, stay free for searches and pages.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::error::AppError;
use super::library::Library;
use crate::alloc::release_freed_memory;
use crate::catalog::Catalog;
pub use crate::corpus::CorpusSource;
use crate::graph::Graph;
use crate::model::Document;
use crate::search::Searcher;

/// One consistent view of the knowledge base: the corpus, its catalog and the search index
/// built from it.
pub struct Snapshot {
    pub library: Library,
    /// The one document table: lookups for citation resolution, statuses.
    pub catalog: Arc<Catalog>,
    /// The search index; `None` when the corpus is empty (nothing to index).
    pub searcher: Option<Searcher>,
    /// The citation graph stored with the index generation; `None` for an index built
    /// without one.
    pub graph: Option<Graph>,
    /// The validity records stored with the index generation (issue #11); `None` for an
    /// index built without them.
    pub validity: Option<crate::validity::Validity>,
    pub source: CorpusSource,
    /// Files of the corpus that could not be read (reported at start-up).
    pub problems: Vec<crate::report::Problem>,
    /// Set by [`AppState`] when the snapshot is installed: 1, 2, …
    pub generation: u64,
    /// Answers of `/api/search` already computed on this snapshot (dropped with it).
    pub cache: SearchCache,
}

/// A bounded cache of serialized search answers, keyed by the checked request. It lives in
/// the snapshot, so a reindex starts with an empty one; when full it is emptied.
pub struct SearchCache {
    answers: std::sync::Mutex<std::collections::HashMap<String, Arc<str>>>,
    capacity: usize,
}

impl Default for SearchCache {
    fn default() -> Self {
        SearchCache::new(SearchCache::CAPACITY)
    }
}

impl SearchCache {
    /// Most answers kept by default (each a few KB).
    pub const CAPACITY: usize = 4096;

    /// A cache of at most `capacity` answers; 0 caches nothing.
    pub fn new(capacity: usize) -> SearchCache {
        SearchCache { answers: Default::default(), capacity }
    }

    pub fn get(&self, key: &str) -> Option<Arc<str>> {
        if self.capacity == 0 {
            return None;
        }
        self.answers.lock().unwrap_or_else(|p| p.into_inner()).get(key).cloned()
    }

    pub fn put(&self, key: String, value: Arc<str>) {
        if self.capacity == 0 {
            return;
        }
        let mut m = self.answers.lock().unwrap_or_else(|p| p.into_inner());
        if m.len() >= self.capacity {
            m.clear();
        }
        m.insert(key, value);
    }
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("documents", &self.library.len())
            .field("searcher", &self.searcher)
            .field("graph_edges", &self.graph.as_ref().map(Graph::len))
            .field("source", &self.source)
            .field("generation", &self.generation)
            .finish()
    }
}

/// The indexing memory budget of a server's (re)index: smaller than `cancu index`'s, since
/// a reindex runs beside the snapshot being served; it costs a little indexing time.
const INDEX_MEMORY: usize = 64_000_000;

/// Whether the index directory has a live generation that this cancu can read, built from the
/// corpus `corpus` would locate (an index built by another version, with another schema, or
/// from another corpus is rebuilt rather than refused or served).
pub fn has_index(corpus: Option<&Path>, index: &Path) -> bool {
    let Ok((_, _, gen)) = crate::index::open(index) else { return false };
    let wanted = crate::corpus::locate(corpus).ok().flatten().map(|d| crate::catalog::canonical(&d));
    Catalog::load(&gen).is_ok_and(|c| c.corpus() == wanted.as_deref())
}

/// Builds the search index of the corpus `loaded` (read from `root`, if a directory) with its
/// catalog and citation graph into `index` (a new generation, published atomically, as `cancu
/// index` does).
pub fn build_index(loaded: &crate::corpus::Loaded, root: Option<&Path>, index: &Path) -> crate::Result<()> {
    let opts = crate::index::Options { memory: INDEX_MEMORY, ..Default::default() };
    crate::kb::build(loaded, root, index, &opts).map(|_| ())
}

/// Lowers the scheduling priority of the calling blocking-pool thread (Linux: nice
/// [`super::limits::HEAVY_NICE`], once per thread; it stays lowered, as only CPU-bound work
/// runs on the blocking pool), so that searches and pages on the async workers go first when
/// the cores are busy.
fn yield_to_requests() {
    #[cfg(target_os = "linux")]
    {
        thread_local! {
            static LOWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        if !LOWERED.get() {
            LOWERED.set(true);
            let tid = rustix::thread::gettid();
            let now = rustix::process::getpriority_process(Some(tid)).unwrap_or(0);
            if now < super::limits::HEAVY_NICE {
                let _ = rustix::process::setpriority_process(Some(tid), super::limits::HEAVY_NICE);
            }
        }
    }
}

/// Drops a replaced snapshot once the requests still working on it are done (they hold
/// clones of the `Arc`; requests are bounded by the request timeout), then hands its memory
/// back to the operating system: the next snapshot was built while it was alive, so its
/// freed pages are scattered and would otherwise stay resident.
fn retire(old: Arc<Snapshot>) {
    let spawned = std::thread::Builder::new().name("cancu-retire".into()).spawn(move || {
        let mut old = old;
        loop {
            match Arc::try_unwrap(old) {
                Ok(s) => {
                    drop(s);
                    break;
                }
                Err(still_used) => {
                    old = still_used;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            }
        }
        release_freed_memory();
    });
    // Without a thread the snapshot is simply dropped by the last request that holds it.
    drop(spawned);
}

impl Snapshot {
    /// Loads the corpus (see [`crate::corpus::load`]) and opens its index at `index`,
    /// building it first if there is none (or `rebuild`). A corpus directory is held lean
    /// (see [`Library`]): documents are reduced to skeletons as they are read, so their texts
    /// are never all in memory. Building needs the texts: they are read for the build, all
    /// dropped (and the memory handed back), then the skeletons read afresh — skeletons cut
    /// from the full documents would pin the freed pages around them.
    fn open(corpus: Option<&Path>, index: &Path, rebuild: bool) -> crate::Result<Snapshot> {
        if rebuild || !has_index(corpus, index) {
            let (full, source) = crate::corpus::load(corpus)?;
            full.check_unique()?;
            if !full.documents.is_empty() {
                build_index(&full, source.dir(), index)?;
            }
            drop(full);
            release_freed_memory();
        }
        let (loaded, source) = crate::corpus::load_with(corpus, Document::skeleton)?;
        let snapshot = Snapshot::assemble(loaded, source, index, false);
        release_freed_memory();
        snapshot
    }

    fn assemble(
        loaded: crate::corpus::Loaded,
        source: CorpusSource,
        index: &Path,
        build: bool,
    ) -> crate::Result<Snapshot> {
        let searcher = if loaded.documents.is_empty() {
            None
        } else {
            if build {
                build_index(&loaded, source.dir(), index)?;
            }
            let searcher = Searcher::open(index)?;
            // Every byte of the generation served is the one published (an index copied over
            // or damaged in place is refused here, before it is swapped in).
            crate::index::generation::verify(&searcher.generation(), crate::index::generation::Check::Full)?;
            Some(searcher)
        };
        let docs = loaded.documents;
        let graph = match &searcher {
            Some(s) if s.generation().join(crate::graph::FILE).exists() => {
                Some(Graph::load(&s.generation())?)
            }
            _ => None,
        };
        let validity = match &searcher {
            Some(s) if s.generation().join(crate::validity::FILE).exists() => {
                Some(crate::validity::Validity::load(&s.generation())?)
            }
            _ => None,
        };
        let library = match source {
            CorpusSource::Dir(_) => Library::lean(docs, &loaded.paths),
            _ => Library::new(docs),
        };
        // The index's catalog (with the documents only cited and the derived statuses), else
        // one over the library's documents (nothing indexed).
        let catalog = match &searcher {
            Some(s) => s.catalog(),
            None => Arc::new(Catalog::from_shared(library.shared())),
        };
        Ok(Snapshot {
            graph,
            catalog,
            validity,
            library,
            searcher,
            source,
            problems: loaded.problems,
            generation: 0,
            cache: SearchCache::default(),
        })
    }

    /// A document's status today: the validity records' ([`crate::validity`], derived from
    /// the texts) when they know it, else the catalog's; "chưa rõ" for an id neither knows.
    /// One home for every page and answer that shows a status beside a document.
    pub fn status_today(&self, id: &str) -> crate::model::Status {
        self.status_at(id, crate::model::Date::today())
    }

    /// [`Snapshot::status_today`] at the date `day`.
    pub fn status_at(&self, id: &str, day: crate::model::Date) -> crate::model::Status {
        let meta = self.catalog.get(id).map_or(crate::model::Status::Unknown, |m| m.status);
        match &self.validity {
            Some(v) => v.status_or(id, day, meta),
            None => meta,
        }
    }

    /// The name of the index generation this snapshot serves (`gen-…`, the directory named by
    /// the index's `CURRENT` when it was loaded); `None` without an index.
    pub fn index_generation(&self) -> Option<String> {
        let gen = self.searcher.as_ref()?.generation();
        Some(gen.file_name()?.to_string_lossy().into_owned())
    }

    /// Loads the corpus (see [`crate::corpus::load`]) and opens its index at `index`, building the
    /// index first if there is none.
    pub fn load(corpus: Option<&Path>, index: &Path) -> crate::Result<Snapshot> {
        Snapshot::open(corpus, index, false)
    }

    /// Reloads the corpus and builds a new index generation from it (the reindex).
    pub fn rebuild(corpus: Option<&Path>, index: &Path) -> crate::Result<Snapshot> {
        Snapshot::open(corpus, index, true)
    }

    /// A snapshot of documents held in memory, indexed into `index`.
    pub fn from_documents(docs: Vec<Document>, index: &Path) -> crate::Result<Snapshot> {
        let loaded = crate::corpus::Loaded { documents: docs, ..Default::default() };
        Snapshot::assemble(loaded, CorpusSource::Memory, index, true)
    }
}

type Reloader = dyn Fn() -> crate::Result<Snapshot> + Send + Sync;

/// Who may call `POST /api/admin/reindex`, and how often. The endpoint exists only on a
/// server given an `Admin`; the token is compared in constant time.
#[derive(Clone)]
pub struct Admin {
    token: Vec<u8>,
    min_interval: Duration,
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Admin").field("token", &"…").field("min_interval", &self.min_interval).finish()
    }
}

impl Admin {
    /// Shortest token accepted, in bytes.
    pub const MIN_TOKEN: usize = 16;

    /// An admin credential (surrounding whitespace, e.g. a file's last newline, is not part
    /// of it), with the default minimum interval between rebuilds
    /// ([`super::limits::REINDEX_MIN_INTERVAL`]). A token shorter than [`Admin::MIN_TOKEN`]
    /// is refused.
    pub fn new(token: &str) -> Result<Admin, String> {
        let token = token.trim();
        if token.len() < Admin::MIN_TOKEN {
            return Err(format!("the admin token must be at least {} characters long", Admin::MIN_TOKEN));
        }
        Ok(Admin { token: token.as_bytes().to_vec(), min_interval: super::limits::REINDEX_MIN_INTERVAL })
    }

    /// The same, with another minimum interval between the starts of two rebuilds.
    pub fn min_interval(mut self, d: Duration) -> Admin {
        self.min_interval = d;
        self
    }

    /// Whether `presented` is the token (constant time in its content).
    pub fn accepts(&self, presented: &[u8]) -> bool {
        constant_time_eq::constant_time_eq(&self.token, presented)
    }
}

struct Shared {
    current: RwLock<Arc<Snapshot>>,
    reload: Option<Box<Reloader>>,
    admin: Option<Admin>,
    last_reindex: Mutex<Option<Instant>>,
    /// Held by a reindex for its whole run, and by a follower's check for its own (so the
    /// two never swap at once).
    reindexing: Arc<tokio::sync::Mutex<()>>,
    /// A reindex was asked for and has not finished: what answers a second one with 409 (the
    /// lock above may be held only by a follower's brief check).
    reindex_asked: Arc<AtomicBool>,
    heavy: Arc<tokio::sync::Semaphore>,
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
    /// A state serving `snapshot`, without reindexing (the admin endpoint answers 404).
    pub fn new(snapshot: Snapshot) -> AppState {
        AppState::build(snapshot, None, None)
    }

    /// A state serving `snapshot` that rebuilds with `reload` on [`AppState::reindex`],
    /// which `POST /api/admin/reindex` calls for holders of `admin`'s token.
    pub fn with_reload(
        snapshot: Snapshot,
        admin: Admin,
        reload: impl Fn() -> crate::Result<Snapshot> + Send + Sync + 'static,
    ) -> AppState {
        AppState::build(snapshot, Some(admin), Some(Box::new(reload)))
    }

    fn build(mut snapshot: Snapshot, admin: Option<Admin>, reload: Option<Box<Reloader>>) -> AppState {
        snapshot.generation = 1;
        AppState(Arc::new(Shared {
            current: RwLock::new(Arc::new(snapshot)),
            reload,
            admin,
            last_reindex: Mutex::new(None),
            reindexing: Arc::new(tokio::sync::Mutex::new(())),
            reindex_asked: Arc::new(AtomicBool::new(false)),
            heavy: Arc::new(tokio::sync::Semaphore::new(super::limits::heavy_permits())),
            generation: AtomicU64::new(1),
        }))
    }

    /// The admin credential, when the admin endpoint is on.
    pub fn admin(&self) -> Option<&Admin> {
        self.0.admin.as_ref()
    }

    /// Runs CPU-bound `work` on the blocking pool, at most [`super::limits::heavy_permits`]
    /// at once across all routes. A request that waits longer than
    /// [`super::limits::HEAVY_QUEUE_TIMEOUT`] for its turn gets a 503 `busy`; work that has
    /// started runs to its end (holding its permit) even if its request is dropped.
    pub async fn heavy<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let permit = self.heavy_permit().await?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            yield_to_requests();
            work()
        })
        .await
        .map_err(AppError::internal)
    }

    async fn heavy_permit(&self) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
        match tokio::time::timeout(super::limits::HEAVY_QUEUE_TIMEOUT, self.0.heavy.clone().acquire_owned())
            .await
        {
            Ok(p) => p.map_err(AppError::internal),
            Err(_) => Err(AppError::unavailable(
                "busy",
                "Máy chủ đang bận xử lý các yêu cầu khác; vui lòng thử lại sau ít phút.",
            )),
        }
    }

    /// The current snapshot. Hold it for the whole request.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock still holds a valid Arc: keep serving.
        self.0.current.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Installs a new snapshot; returns its generation. The one it replaces is retired.
    pub fn swap(&self, mut snapshot: Snapshot) -> u64 {
        let generation = self.0.generation.fetch_add(1, Ordering::SeqCst) + 1;
        snapshot.generation = generation;
        let new = Arc::new(snapshot);
        let old = std::mem::replace(&mut *self.0.current.write().unwrap_or_else(|p| p.into_inner()), new);
        retire(old);
        generation
    }

    /// Follows an index published by another process (one builder running `cancu index` for
    /// several servers): when the live generation of `index` is no longer the one the current
    /// snapshot serves, `load` loads the new one (off to the side, while the old one keeps
    /// answering) and it is swapped in. Returns the new snapshot's number, or `None` when
    /// nothing changed, a reindex of this server is running (it swaps in what it publishes),
    /// or the live generation is not one this server can serve as is (built from another
    /// corpus or schema: `has_index` is false, and a replica never rebuilds).
    ///
    /// Errors: the index cannot be read, or `load` fails (the old snapshot keeps serving).
    pub fn follow(
        &self,
        corpus: Option<&Path>,
        index: &Path,
        load: impl FnOnce() -> crate::Result<Snapshot>,
    ) -> crate::Result<Option<u64>> {
        // Not while a reindex of this server runs: it publishes and swaps in its own
        // generation (following it too would swap it in twice).
        if self.0.reindex_asked.load(Ordering::SeqCst) {
            return Ok(None);
        }
        let Ok(_reindexing) = self.0.reindexing.clone().try_lock_owned() else { return Ok(None) };
        let live = crate::index::current(index)?;
        let live = live.file_name().map(|n| n.to_string_lossy().into_owned());
        if live.is_none() || live == self.snapshot().index_generation() || !has_index(corpus, index) {
            return Ok(None);
        }
        let snapshot = load()?;
        if snapshot.searcher.is_none() {
            return Ok(None);
        }
        Ok(Some(self.swap(snapshot)))
    }

    /// Whether this state can reindex.
    pub fn can_reindex(&self) -> bool {
        self.0.reload.is_some()
    }

    /// Rebuilds the snapshot off the async runtime and swaps it in. A second call while one
    /// runs gets a 409, a call sooner than the admin's minimum interval after the last start
    /// a 429; a failed rebuild keeps the old snapshot serving. A rebuild longer than its
    /// request's timeout (`limits::REINDEX_TIMEOUT`), or whose request is dropped, still
    /// completes and swaps (see `/api/health`). The rebuild holds one [`AppState::heavy`]
    /// permit.
    pub async fn reindex(&self) -> Result<ReindexReport, AppError> {
        if self.0.reload.is_none() {
            return Err(AppError::unavailable(
                "reindex_disabled",
                "Máy chủ này không bật chức năng lập lại chỉ mục.",
            ));
        }
        let Some(asked) = Asked::take(&self.0.reindex_asked) else {
            return Err(AppError::new(
                axum::http::StatusCode::CONFLICT,
                "reindex_running",
                "Đang lập lại chỉ mục; vui lòng chờ lần này xong.",
            ));
        };
        {
            let min = self.0.admin.as_ref().map_or(Duration::ZERO, |a| a.min_interval);
            let mut last = self.0.last_reindex.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(wait) = last.and_then(|t| min.checked_sub(t.elapsed())).filter(|w| !w.is_zero()) {
                return Err(AppError::new(
                    axum::http::StatusCode::TOO_MANY_REQUESTS,
                    "reindex_too_soon",
                    format!(
                        "Chỉ mục vừa được lập lại; hãy chờ {} giây nữa (hoặc dùng lệnh `cancu index`).",
                        wait.as_secs() + 1
                    ),
                ));
            }
            *last = Some(Instant::now());
        }
        // A follower may be checking for a published generation: wait for its check (and
        // its swap, if it found one) to end.
        let guard = self.0.reindexing.clone().lock_owned().await;
        let permit = self.heavy_permit().await?;
        // The rebuild and the swap run in their own task: if the request is dropped (a
        // timeout, a closed connection), the new snapshot is still installed.
        let me = self.clone();
        let task = tokio::spawn(async move {
            let _guard = guard;
            let _asked = asked;
            let _permit = permit;
            let started = Instant::now();
            let reload = me.clone();
            let built =
                tokio::task::spawn_blocking(move || (reload.0.reload.as_ref().expect("checked above"))())
                    .await
                    .map_err(AppError::internal)?
                    .map_err(AppError::internal)?;
            let documents = built.library.len();
            let problems = built.problems.len();
            let generation = me.swap(built);
            Ok(ReindexReport { generation, documents, problems, millis: started.elapsed().as_millis() })
        });
        task.await.map_err(AppError::internal)?
    }
}

/// The mark that a reindex was asked for, cleared when it is dropped (the reindex ends, or
/// its request is refused or dropped before the rebuild starts).
struct Asked(Arc<AtomicBool>);

impl Asked {
    /// The mark, unless another reindex holds it.
    fn take(flag: &Arc<AtomicBool>) -> Option<Asked> {
        flag.compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .ok()
            .map(|_| Asked(flag.clone()))
    }
}

impl Drop for Asked {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_cache_is_bounded_and_can_be_off() {
        let c = SearchCache::new(2);
        c.put("a".into(), "1".into());
        c.put("b".into(), "2".into());
        assert_eq!(c.get("a").as_deref(), Some("1"));
        c.put("c".into(), "3".into());
        assert!(c.get("a").is_none() && c.get("c").is_some(), "emptied when full");
        let off = SearchCache::new(0);
        off.put("a".into(), "1".into());
        assert!(off.get("a").is_none());
    }
}
