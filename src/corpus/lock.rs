//! Advisory locks on a corpus directory, so that writers never interleave: `cancu import`
//! holds the exclusive lock from reading the corpus until its last file is written (a second
//! import waits, then merges on top of the first), and loading a corpus holds the shared lock
//! while it reads (an index never sees half an import). The lock is an `flock` on the corpus
//! directory itself (on systems that cannot open a directory, on a `.cancu-lock` file in
//! it); it is released when the [`Lock`] is dropped or the process dies, so a killed import
//! never leaves a stale lock behind.

use std::fs::File;
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;

use crate::{Error, Result};

/// A held lock on a corpus directory; released on drop.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// The locked directory.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}

/// The file the lock is taken on: the directory itself, else `.cancu-lock` inside it.
fn handle(dir: &Path, create: bool) -> Result<Option<File>> {
    if let Ok(f) = File::open(dir) {
        return Ok(Some(f));
    }
    let path = dir.join(".cancu-lock");
    let f = if create {
        std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path)
    } else {
        File::open(&path)
    };
    match f {
        Ok(f) => Ok(Some(f)),
        Err(_) if !create => Ok(None),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Takes the exclusive (writer's) lock on `dir`, created if missing. When another process
/// holds it, calls `waiting` once, then blocks until it is free.
pub fn exclusive(dir: &Path, waiting: impl FnOnce()) -> Result<Lock> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let file = handle(dir, true)?.expect("created");
    let got = FileExt::try_lock_exclusive(&file).map_err(|e| Error::io(dir, e))?;
    if !got {
        waiting();
        FileExt::lock_exclusive(&file).map_err(|e| Error::io(dir, e))?;
    }
    Ok(Lock { file, path: dir.to_path_buf() })
}

/// Takes the shared (reader's) lock on `dir`: waits (after calling `waiting`) while a writer
/// holds it. `None` when `dir` cannot be locked at all (a read-only corpus whose directory
/// cannot be opened): nobody can write it either.
pub fn shared(dir: &Path, waiting: impl FnOnce()) -> Result<Option<Lock>> {
    let Some(file) = handle(dir, false)? else {
        return Ok(None);
    };
    let got = FileExt::try_lock_shared(&file).map_err(|e| Error::io(dir, e))?;
    if !got {
        waiting();
        FileExt::lock_shared(&file).map_err(|e| Error::io(dir, e))?;
    }
    Ok(Some(Lock { file, path: dir.to_path_buf() }))
}

/// Whether `name` is one of the temporary files [`super::store::write_at`] makes.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(".cancu-") && name.ends_with(".tmp")
}

/// Removes the temporary files that an interrupted write left below `dir`. Call it only
/// while holding the [`exclusive`] lock: then no other writer's file is in flight.
/// Returns the number removed.
pub fn remove_stale_temp_files(dir: &Path, _held: &Lock) -> Result<usize> {
    let mut removed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&d, e)),
        };
        for entry in rd {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let ft = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            if ft.is_dir() {
                stack.push(entry.path());
            } else if ft.is_file() && is_temp_name(&entry.file_name().to_string_lossy()) {
                std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = exclusive(dir.path(), || panic!("nobody holds it yet")).unwrap();
        let waited = Arc::new(AtomicBool::new(false));
        let released = Arc::new(AtomicBool::new(false));
        let (w, r, p) = (waited.clone(), released.clone(), dir.path().to_path_buf());
        let second = std::thread::spawn(move || {
            let _l = exclusive(&p, || w.store(true, Ordering::SeqCst)).unwrap();
            // Only once the first is released.
            assert!(r.load(Ordering::SeqCst));
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(waited.load(Ordering::SeqCst), "the second writer said it waits");
        // A reader waits too while the writer holds it.
        let p = dir.path().to_path_buf();
        let reader = std::thread::spawn(move || shared(&p, || ()).unwrap().is_some());
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(!reader.is_finished());
        released.store(true, Ordering::SeqCst);
        drop(first);
        second.join().unwrap();
        assert!(reader.join().unwrap());
    }

    #[test]
    fn readers_share() {
        let dir = tempfile::tempdir().unwrap();
        let a = shared(dir.path(), || panic!("no writer")).unwrap();
        let b = shared(dir.path(), || panic!("readers share")).unwrap();
        assert!(a.is_some() && b.is_some());
    }

    #[test]
    fn stale_temp_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("luat")).unwrap();
        let rows = [
            ("luat/.cancu-abc123.tmp", false),
            (".cancu-x.tmp", false),
            ("luat/luat-1-2020-qh14.md", true),
            ("luat/.cancu-notes.md", true),
            ("notes.tmp", true),
        ];
        for (name, _) in rows {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let lock = exclusive(dir.path(), || ()).unwrap();
        assert_eq!(remove_stale_temp_files(dir.path(), &lock).unwrap(), 2);
        for (name, kept) in rows {
            assert_eq!(dir.path().join(name).exists(), kept, "{name}");
        }
    }
}
