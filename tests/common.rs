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
