//! Reading and writing corpus directories. Files are written to a temporary file in the same
//! folder and renamed into place, so a crash never leaves a half-written document. A document
//! lives at `<corpus>/<type slug>/<id>.md`; loading reads every `.md` file below the corpus
//! (except README.md) and reports, rather than stops at, files it cannot read.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::markdown::{parse_document, render_document};
use crate::model::Document;
use crate::report::Problem;
use crate::{Error, Result};

/// Documents loaded from a corpus, and the files that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    /// Where each document was read from, by id.
    pub paths: HashMap<String, PathBuf>,
    /// Ids found in more than one file: (id, the file kept, the file skipped). Also listed
    /// in `problems`; an index refuses to publish while there are any.
    pub duplicates: Vec<(String, PathBuf, PathBuf)>,
    /// Every text was normalized as it was read ([`crate::text::normalize`]: the corpus
    /// reader normalizes each file whole), so a builder need not normalize it again.
    pub normalized: bool,
}

impl Loaded {
    /// Refuses a corpus in which two files have the same id, naming both: indexing one of
    /// them would hide the other (and `show` might print the other).
    pub fn check_unique(&self) -> Result<()> {
        match self.duplicates.first() {
            None => Ok(()),
            Some((id, kept, skipped)) => Err(Error::Index(format!(
                "mã {id:?} trùng nhau ở {} và {}{}; chưa lập chỉ mục — hãy cho mỗi văn bản một mã riêng",
                kept.display(),
                skipped.display(),
                match self.duplicates.len() {
                    1 => String::new(),
                    n => format!(" (và {} mã trùng khác)", n - 1),
                }
            ))),
        }
    }
}

/// The path of a document inside a corpus directory: `<corpus>/<type slug>/<id>.md`. An id
/// outside the id grammar ([`crate::number::valid_id`]) is refused, so no document is ever
/// written outside the corpus.
pub fn path_of(corpus: &Path, doc: &Document) -> Result<PathBuf> {
    let id = &doc.meta.id;
    if !crate::number::valid_id(id) {
        return Err(Error::format(
            corpus,
            format!(
                "mã văn bản {id:?} không hợp lệ (chỉ chữ ASCII thường, chữ số và dấu gạch ngang): không ghi"
            ),
        ));
    }
    Ok(corpus.join(doc.meta.doc_type.slug()).join(format!("{id}.md")))
}

/// All corpus files below `dir`, sorted.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in rd {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let p = entry.path();
            let ft = entry.file_type().map_err(|e| Error::io(&p, e))?;
            if ft.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "md")
                && !p.file_name().is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads one corpus file.
pub fn read(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text =
        crate::text::utf8(&bytes).map_err(|offset| Error::Utf8 { path: path.to_path_buf(), offset })?;
    parse_at(path, text)
}

/// Loads every document below `dir`. A missing directory is an empty corpus. Two files with
/// the same id: the first (in path order) is kept and the second reported.
pub fn load_dir(dir: &Path) -> Result<Loaded> {
    load_dir_with(dir, |d| d)
}

/// [`load_dir`], passing each document through `keep` as soon as it is read (e.g.
/// [`Document::skeleton`], so that the texts of all documents are never in memory at once).
pub fn load_dir_with(dir: &Path, keep: impl Fn(Document) -> Document + Sync + Send) -> Result<Loaded> {
    if !dir.exists() {
        return Ok(Loaded::default());
    }
    // Held until every file is read: an import in progress is waited for, never half-read.
    let _lock = super::lock::shared(dir, || {
        eprintln!("cancu: đang chờ lần nhập đang ghi vào {} xong…", dir.display())
    })?;
    read_all(dir, keep)
}

/// [`load_dir`] by the holder of the corpus's exclusive lock (an import).
pub fn load_dir_locked(dir: &Path, held: &super::lock::Lock) -> Result<Loaded> {
    debug_assert_eq!(held.path(), dir);
    read_all(dir, |d| d)
}

fn read_all(dir: &Path, keep: impl Fn(Document) -> Document + Sync + Send) -> Result<Loaded> {
    let paths = files(dir)?;
    let results: Vec<(PathBuf, Result<Document>)> = paths
        .into_par_iter()
        .map(|p| {
            let r = read(&p).map(&keep);
            (p, r)
        })
        .collect();
    Ok(Loaded::of_files(results))
}

/// Parses the text of the corpus file at `path` as [`read`] does, without reading the file:
/// for a writer that holds the text it wrote.
pub fn parse_at(path: &Path, text: &str) -> Result<Document> {
    parse_document(&path.display().to_string(), text).map_err(|m| Error::format(path, m))
}

impl Loaded {
    /// The corpus made of the documents read from each file, as [`load_dir`] makes it: in
    /// path order, unsourced claims dropped and reported, the second file of an id skipped
    /// and named, unreadable files reported. `files` must be sorted by path (as
    /// [`files`] lists them).
    pub fn of_files(files: Vec<(PathBuf, Result<Document>)>) -> Loaded {
        let mut loaded = Loaded { normalized: true, ..Default::default() };
        for (p, r) in files {
            match r {
                Ok(mut doc) => {
                    for msg in super::sourced::drop_unsourced(&mut doc) {
                        loaded.problems.push(Problem::new(p.display().to_string(), msg));
                    }
                    if let Some(first) = loaded.paths.get(&doc.meta.id) {
                        loaded.problems.push(Problem::new(
                            p.display().to_string(),
                            format!("mã {:?} trùng (cũng có trong {}); bỏ qua", doc.meta.id, first.display()),
                        ));
                        loaded.duplicates.push((doc.meta.id.clone(), first.clone(), p));
                        continue;
                    }
                    loaded.paths.insert(doc.meta.id.clone(), p);
                    loaded.documents.push(doc);
                }
                Err(e) => loaded.problems.push(Problem::new(p.display().to_string(), e.to_string())),
            }
        }
        loaded
    }
}

/// Writes `doc` to `path` atomically (temporary file + rename). Returns whether the file
/// changed: writing the same document twice leaves the file untouched.
pub fn write_at(path: &Path, doc: &Document) -> Result<bool> {
    write_text_at(path, &render_document(doc))
}

/// [`write_at`] of a document already rendered ([`render_document`]).
pub fn write_text_at(path: &Path, text: &str) -> Result<bool> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = crate::replace::temp_in(dir, ".cancu-", ".tmp")?;
    tmp.write_all(text.as_bytes()).map_err(|e| Error::io(tmp.path(), e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(tmp.path(), e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(true)
}

/// Writes `doc` at its place in the corpus `dir` (see [`path_of`]).
pub fn write(dir: &Path, doc: &Document) -> Result<bool> {
    write_at(&path_of(dir, doc)?, doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocType, Metadata};

    #[test]
    fn write_is_atomic_and_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let doc =
            Document { meta: Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật thử"), body: vec![] };
        assert!(write(dir.path(), &doc).unwrap());
        assert!(!write(dir.path(), &doc).unwrap());
        let loaded = load_dir(dir.path()).unwrap();
        assert_eq!(loaded.documents, vec![doc.clone()]);
        assert!(loaded.problems.is_empty());
        // Readable by a server running as another user (regression: files were 0600).
        #[cfg(unix)]
        {
            let path = path_of(dir.path(), &doc).unwrap();
            let mode =
                std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path).unwrap().permissions());
            assert_eq!(mode & 0o044, 0o044, "{}: {mode:o}", path.display());
        }
    }

    #[test]
    fn ids_that_are_paths_are_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        for id in ["../../x", "../x", "/tmp/cancu-x", "a/b", "..", ""] {
            let doc = Document { meta: Metadata::new(id, DocType::Luat, "Luật thử"), body: vec![] };
            let e = write(&corpus, &doc).unwrap_err().to_string();
            assert!(e.contains("không hợp lệ"), "{id}: {e}");
        }
        assert!(!dir.path().join("x.md").exists() && !corpus.join("x.md").exists());
        assert!(!Path::new("/tmp/cancu-x.md").exists());
    }

    #[test]
    fn duplicate_ids_name_both_files() {
        let dir = tempfile::tempdir().unwrap();
        let doc =
            |t: &str| Document { meta: Metadata::new("luat-1-2020-qh14", DocType::Luat, t), body: vec![] };
        write(dir.path(), &doc("Thật")).unwrap();
        write_at(&dir.path().join("a-first.md"), &doc("Giả")).unwrap();
        let loaded = load_dir(dir.path()).unwrap();
        assert_eq!(loaded.duplicates.len(), 1);
        let (id, kept, skipped) = &loaded.duplicates[0];
        assert_eq!(id, "luat-1-2020-qh14");
        assert!(
            kept.ends_with("a-first.md") && skipped.ends_with("luat/luat-1-2020-qh14.md"),
            "{kept:?} {skipped:?}"
        );
    }

    #[test]
    fn a_path_as_id_is_refused_naming_file_and_field() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("evil.md");
        std::fs::write(&f, "+++\nid = \"../../etc/passwd\"\ndoc_type = \"Luật\"\ntitle = \"t\"\n+++\n")
            .unwrap();
        let loaded = load_dir(dir.path()).unwrap();
        assert!(loaded.documents.is_empty());
        let msg = loaded.problems[0].to_string();
        assert!(msg.contains("evil.md") && msg.contains("trường `id`"), "{msg}");
    }

    #[test]
    fn bad_files_are_reported_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("broken.md"), "no front matter").unwrap();
        std::fs::write(dir.path().join("latin1.md"), b"+++\xff\xfe").unwrap();
        let loaded = load_dir(dir.path()).unwrap();
        assert!(loaded.documents.is_empty());
        let msgs: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
        assert!(msgs.iter().any(|m| m.contains("broken.md") && m.contains("front matter")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("latin1.md") && m.contains("UTF-8")), "{msgs:?}");
    }
}
