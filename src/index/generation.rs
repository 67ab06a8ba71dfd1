//! Atomic replacement of the index. The index directory holds generations (`gen-<stamp>/`,
//! each a complete Tantivy index plus whatever else is built with it, e.g. the citation
//! graph) and a `CURRENT` file naming the live one. A new generation is built in
//! `gen-<stamp>-<pid>.tmp/`, renamed to `gen-<stamp>/` when complete, and only then does
//! `CURRENT` (written to a temporary file and renamed) point at it. A crash or kill at any
//! moment leaves `CURRENT` naming a complete generation; a leftover `.tmp` directory is
//! removed by the next build. The previous generation is kept, so a server still reading it
//! is never pulled from under its feet; older ones are deleted.
//!
//! A published generation is immutable. [`Staging::publish`] records the length and an
//! XXH3 checksum of every file in `MANIFEST`; [`verify`] checks them (a server does before it
//! serves a generation, at start and after a reindex) and refuses a generation that differs,
//! naming it and saying to run `cancu index`. Never edit or copy over the files of a live
//! generation: the server maps them into memory, and a file changed under it kills it with
//! SIGBUS. To restore a backup, copy it as a new `gen-<stamp>/` directory and then replace
//! `CURRENT` (see SECURITY.md).

use std::path::{Path, PathBuf};

use crate::{Error, Result};

const CURRENT: &str = "CURRENT";
/// The file of a generation that lists its files with their lengths and checksums.
pub const MANIFEST: &str = "MANIFEST";

/// How much of a generation [`verify`] checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Every file is there with its recorded length (cheap: metadata only).
    Lengths,
    /// Lengths and the checksum of every byte.
    Full,
}

/// The files of a generation that the manifest covers: every file below `dir` except the
/// manifest itself and dot files (Tantivy's lock files, touched by readers), sorted by
/// relative name.
fn covered(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().map_err(|e| Error::io(&path, e))?.is_dir() {
                stack.push(path);
            } else if !(name.starts_with('.') || (d == dir && name == MANIFEST)) {
                let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The XXH3-64 checksum of a file, read in blocks.
fn checksum(path: &Path) -> Result<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            return Ok(h.digest());
        }
        h.update(&buf[..n]);
    }
}

/// Writes the manifest of the generation in `dir`: one line `<xxh3 hex> <length> <name>`
/// per file.
fn write_manifest(dir: &Path) -> Result<()> {
    let mut text = String::new();
    for (rel, path) in covered(dir)? {
        let len = std::fs::metadata(&path).map_err(|e| Error::io(&path, e))?.len();
        text.push_str(&format!("{:016x} {len} {rel}\n", checksum(&path)?));
    }
    let file = dir.join(MANIFEST);
    std::fs::write(&file, text).map_err(|e| Error::io(&file, e))?;
    std::fs::File::open(&file).and_then(|f| f.sync_all()).map_err(|e| Error::io(&file, e))
}

/// Checks the generation at `gen` against its manifest: the same files, of the recorded
/// lengths and (with [`Check::Full`]) checksums. The error names the generation, the file
/// and what differs, and says to rebuild with `cancu index`.
pub fn verify(gen: &Path, check: Check) -> Result<()> {
    let corrupt = |what: String| {
        Error::Index(format!(
            "bản chỉ mục {} bị hỏng ({what}); không bao giờ được sửa trực tiếp — hãy lập lại chỉ mục bằng `cancu index`",
            gen.display()
        ))
    };
    let file = gen.join(MANIFEST);
    let text = std::fs::read_to_string(&file).map_err(|e| corrupt(format!("{MANIFEST}: {e}")))?;
    let mut listed = Vec::new();
    for line in text.lines() {
        let mut parts = line.splitn(3, ' ');
        let (Some(hash), Some(len), Some(rel)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(corrupt(format!("{MANIFEST}: unreadable line {line:?}")));
        };
        let (Ok(hash), Ok(len)) = (u64::from_str_radix(hash, 16), len.parse::<u64>()) else {
            return Err(corrupt(format!("{MANIFEST}: unreadable line {line:?}")));
        };
        if rel.split('/').any(|c| c.is_empty() || c == "..") {
            return Err(corrupt(format!("{MANIFEST}: bad file name {rel:?}")));
        }
        listed.push((rel.to_string(), len, hash));
    }
    let present: Vec<String> = covered(gen)?.into_iter().map(|(rel, _)| rel).collect();
    if let Some(extra) = present.iter().find(|p| !listed.iter().any(|(rel, _, _)| rel == *p)) {
        return Err(corrupt(format!("{extra} is not in the manifest")));
    }
    for (rel, len, hash) in listed {
        let path = gen.join(&rel);
        let meta = std::fs::metadata(&path).map_err(|e| corrupt(format!("{rel}: {e}")))?;
        if meta.len() != len {
            return Err(corrupt(format!("{rel} is {} bytes, {len} at publish", meta.len())));
        }
        if check == Check::Full && checksum(&path)? != hash {
            return Err(corrupt(format!("{rel} does not match its checksum")));
        }
    }
    Ok(())
}

/// The live generation of the index at `root`.
pub fn current(root: &Path) -> Result<PathBuf> {
    let file = root.join(CURRENT);
    let name = std::fs::read_to_string(&file).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::Index(format!("chưa có chỉ mục tại {}; hãy lập bằng `cancu index`", root.display()))
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
                "{} không phải thư mục chỉ mục của cancu (có {name:?}); hãy chọn --index khác",
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
        write_manifest(&self.path)?;
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
    fn a_generation_changed_after_publish_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("index");
        let s = begin(&root).unwrap();
        std::fs::write(s.path().join("a.idx"), "0123456789").unwrap();
        std::fs::write(s.path().join("b.term"), "terms").unwrap();
        std::fs::write(s.path().join(".tantivy-meta.lock"), "").unwrap();
        let gen = s.publish().unwrap();
        verify(&gen, Check::Full).unwrap();
        // Touching a dot file (Tantivy's locks) is not a change.
        std::fs::write(gen.join(".tantivy-meta.lock"), "x").unwrap();
        verify(&gen, Check::Full).unwrap();
        // Each change: (edit, the check that sees it, what the message says).
        type Edit = fn(&Path);
        let rows: [(Edit, Check, &str); 5] = [
            (|g| std::fs::write(g.join("a.idx"), "0123456780").unwrap(), Check::Full, "a.idx does not match"),
            (|g| std::fs::write(g.join("a.idx"), "01234").unwrap(), Check::Lengths, "a.idx is 5 bytes, 10"),
            (|g| std::fs::remove_file(g.join("b.term")).unwrap(), Check::Lengths, "b.term"),
            (
                |g| std::fs::write(g.join("c.pos"), "new").unwrap(),
                Check::Lengths,
                "c.pos is not in the manifest",
            ),
            (|g| std::fs::write(g.join(MANIFEST), "zz").unwrap(), Check::Lengths, "unreadable line"),
        ];
        for (edit, check, want) in rows {
            let copy = dir.path().join("copy");
            let _ = std::fs::remove_dir_all(&copy);
            std::fs::create_dir(&copy).unwrap();
            for e in std::fs::read_dir(&gen).unwrap() {
                let e = e.unwrap();
                std::fs::copy(e.path(), copy.join(e.file_name())).unwrap();
            }
            verify(&copy, Check::Full).unwrap();
            edit(&copy);
            let e = verify(&copy, check).unwrap_err().to_string();
            assert!(e.contains(want) && e.contains("copy") && e.contains("cancu index"), "{want}: {e}");
        }
    }

    #[test]
    fn refuses_foreign_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let e = begin(dir.path()).unwrap_err().to_string();
        assert!(e.contains("không phải thư mục chỉ mục"), "{e}");
        assert!(dir.path().join("notes.txt").exists());
    }
}
