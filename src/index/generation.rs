//! Atomic replacement of the index. The index directory holds generations (`gen-<stamp>/`,
//! each a complete Tantivy index plus whatever else is built with it, e.g. the citation
//! graph) and a `CURRENT` file naming the live one. A new generation is built in
//! `gen-<stamp>-<pid>.tmp/`, renamed to `gen-<stamp>/` when complete, and only then does
//! `CURRENT` (written to a temporary file and renamed) point at it. A crash or kill at any
//! moment leaves `CURRENT` naming a complete generation; a leftover `.tmp` directory is
//! removed by the next build. The previous generation is kept, so a server still reading it
//! is never pulled from under its feet; older ones are deleted.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

const CURRENT: &str = "CURRENT";

/// The live generation of the index at `root`.
pub fn current(root: &Path) -> Result<PathBuf> {
    let file = root.join(CURRENT);
    let name = std::fs::read_to_string(&file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Index(format!("no index at {}; build it with `cancu index`", root.display()))
        } else {
            Error::io(&file, e)
        }
    })?;
    let name = name.trim();
    if !is_generation(name) {
        return Err(Error::format(&file, format!("names no index generation: {name:?}")));
    }
    Ok(root.join(name))
}

fn is_generation(name: &str) -> bool {
    name.strip_prefix("gen-").is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
}

/// A generation being built. Dropping it without [`Staging::publish`] removes it.
#[derive(Debug)]
pub struct Staging {
    root: PathBuf,
    name: String,
    path: PathBuf,
    published: bool,
}

/// Starts a new generation under `root` (created if missing). Refuses a `root` that holds
/// anything but cancu generations, so a mistyped `--index` never deletes user files.
pub fn begin(root: &Path) -> Result<Staging> {
    std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
    for entry in std::fs::read_dir(root).map_err(|e| Error::io(root, e))? {
        let entry = entry.map_err(|e| Error::io(root, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == CURRENT || name.starts_with("CURRENT.") || name.starts_with("gen-");
        if !ours {
            return Err(Error::Index(format!(
                "{} is not a cancu index directory (it holds {name:?}); choose another --index",
                root.display()
            )));
        }
        if let Some(pid) = tmp_pid(&name) {
            if !alive(pid) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0);
    let name = format!("gen-{stamp}");
    let path = root.join(format!("{name}-{}.tmp", std::process::id()));
    std::fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
    Ok(Staging { root: root.to_path_buf(), name, path, published: false })
}

/// The pid in a staging name `gen-<stamp>-<pid>.tmp`.
fn tmp_pid(name: &str) -> Option<u32> {
    let stem = name.strip_prefix("gen-")?.strip_suffix(".tmp")?;
    stem.rsplit_once('-')?.1.parse().ok()
}

/// Whether a process is running (Linux: /proc; elsewhere assume it is, keeping the files).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if Path::new("/proc/self").exists() {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

impl Staging {
    /// The directory to build into.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes this generation the live one and removes all but the previous generation.
    /// Returns the generation's final path.
    pub fn publish(mut self) -> Result<PathBuf> {
        let dest = self.root.join(&self.name);
        std::fs::rename(&self.path, &dest).map_err(|e| Error::io(&dest, e))?;
        self.published = true;
        let previous = current(&self.root).ok();
        let tmp = self.root.join(format!("CURRENT.{}", std::process::id()));
        std::fs::write(&tmp, format!("{}\n", self.name)).map_err(|e| Error::io(&tmp, e))?;
        if let Ok(f) = std::fs::File::open(&tmp) {
            let _ = f.sync_all();
        }
        std::fs::rename(&tmp, self.root.join(CURRENT)).map_err(|e| Error::io(&tmp, e))?;
        // Clean up: keep the new and the previous generation.
        if let Ok(rd) = std::fs::read_dir(&self.root) {
            for entry in rd.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let keep = name == self.name || previous.as_ref().is_some_and(|p| p.ends_with(&name));
                if is_generation(&name) && !keep {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        Ok(dest)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_switches_current_and_keeps_one_previous() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("index");
        assert!(current(&root).is_err());
        let mut gens = Vec::new();
        for _ in 0..3 {
            let s = begin(&root).unwrap();
            std::fs::write(s.path().join("x"), "1").unwrap();
            gens.push(s.publish().unwrap());
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(current(&root).unwrap(), gens[2]);
        assert!(!gens[0].exists() && gens[1].exists());
    }

    #[test]
    fn abandoned_staging_leaves_current_alone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("index");
        let first = begin(&root).unwrap().publish().unwrap();
        let s = begin(&root).unwrap();
        let tmp = s.path().to_path_buf();
        drop(s);
        assert!(!tmp.exists());
        assert_eq!(current(&root).unwrap(), first);
    }

    #[test]
    fn refuses_foreign_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let e = begin(dir.path()).unwrap_err().to_string();
        assert!(e.contains("not a cancu index"), "{e}");
        assert!(dir.path().join("notes.txt").exists());
    }
}
