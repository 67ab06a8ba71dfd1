//! Helpers shared by the integration tests: where the real data is, and fixtures.

#![allow(dead_code)]

use std::path::PathBuf;

/// The `../shared` data folder, or `None` (with a note) when it is absent. Panics when it is
/// absent but `CANCU_REQUIRE_SHARED=1`: CI always has it, so its tests are mandatory there.
pub fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("README.md").exists() {
        return Some(dir);
    }
    if std::env::var("CANCU_REQUIRE_SHARED").is_ok_and(|v| v == "1") {
        panic!("CANCU_REQUIRE_SHARED=1 but {} is missing", dir.display());
    }
    eprintln!("skipped: {} is absent", dir.display());
    None
}

/// A file inside `../shared`, if the folder is there.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    shared().map(|d| d.join(rel))
}

/// A directory for data shared by a whole test run, `CARGO_TARGET_TMPDIR/<name>`, emptied
/// first. Statics are never dropped: a `TempDir` held by one was left behind in /tmp after
/// every run (≈ 340 MB for the real knowledge base); this one is reused by the next run.
pub fn run_dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
    d
}

/// The real knowledge base shared by the real-data tests: the Pháp điển 2024 and 2026 dumps
/// (the articles they word otherwise kept as versions) and the original laws imported into a
/// temporary corpus directory (one file per document, as `cancu
/// import` writes them) and indexed with its catalog and graph (as `cancu index` does) — once
/// per test run. `None` when ../shared is absent.
pub struct RealKb {
    pub corpus: PathBuf,
    pub index: PathBuf,
    /// The documents as imported, in memory.
    pub docs: Vec<cancu::model::Document>,
    pub base: cancu::kb::Base,
}

pub fn real_kb() -> Option<&'static RealKb> {
    static KB: std::sync::OnceLock<Option<RealKb>> = std::sync::OnceLock::new();
    KB.get_or_init(|| {
        let d = shared()?;
        let t = std::time::Instant::now();
        let sources = [
            d.join("corpus/phapdien-2024.zip"),
            d.join("corpus/phapdien-2026.zip"),
            d.join("corpus/vanban-goc.zip"),
        ];
        let read = cancu::import::read_sources(&sources, false);
        let dir = run_dir("real-kb");
        let corpus = dir.join("corpus");
        let index = dir.join("index");
        let mut paths = std::collections::HashMap::new();
        for doc in &read.documents {
            cancu::corpus::store::write(&corpus, doc).unwrap();
            paths.insert(doc.meta.id.clone(), cancu::corpus::store::path_of(&corpus, doc).unwrap());
        }
        let loaded = cancu::corpus::Loaded { documents: read.documents, paths, ..Default::default() };
        cancu::kb::build(&loaded, Some(&corpus), &index, &Default::default()).unwrap();
        let base = cancu::kb::Base::open(Some(&corpus), &index).unwrap();
        eprintln!(
            "real knowledge base: {} documents imported and indexed in {:.1?}",
            loaded.documents.len(),
            t.elapsed()
        );
        Some(RealKb { corpus, index, docs: loaded.documents, base })
    })
    .as_ref()
}
