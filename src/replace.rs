//! Files written whole beside their final path and renamed into place, so that a reader
//! sees the old file or the new one, never half of one. The one home of the temporary file
//! such a write starts from: it is created readable by every reader of the corpus or index
//! (mode 0644 less the umask, as the index's own files are), where a temporary file is
//! private (0600) by default — a server running as another user, or a replica reading a
//! shared volume, could not open a file renamed from it.

use std::path::Path;

use tempfile::NamedTempFile;

use crate::{Error, Result};

/// A new temporary file in `dir` named `prefix…suffix`, readable by all; write it, then
/// `persist` it to its final path in `dir`.
///
/// Errors: [`Error::Io`] naming `dir` when the file cannot be created.
pub fn temp_in(dir: &Path, prefix: &str, suffix: &str) -> Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(suffix);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    #[cfg(unix)]
    #[test]
    fn readable_by_every_reader_after_the_rename() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let tmp = super::temp_in(dir.path(), ".t-", ".tmp").unwrap();
        let path = dir.path().join("final.json");
        tmp.persist(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Group and others may read (the umask may only take write bits away).
        assert_eq!(mode & 0o044, 0o044, "{mode:o}");
    }
}
