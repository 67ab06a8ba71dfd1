//! Importers and the import driver: reads sources of any known format, merges the documents
//! that are the same document (same id) and writes them into a corpus directory.
//!
//! Formats, detected per source ([`detect`]):
//! - the official Pháp điển dump ([`phapdien`]): a zip or folder holding `demuc/*.html`, or
//!   a single đề mục `.html` file;
//! - original documents in plain text ([`vanban`]): a zip or folder of `.txt` files, or a
//!   `.txt` file;
//! - corpus Markdown files (`.md`, see `corpus/README.md`), alone or in a folder or zip.
//!
//! Every document read is merged with the other versions of it from this import and with
//! the file already in the corpus ([`merge`] states the rule), then written atomically with
//! [`crate::corpus::store::write`]; a file whose content would not change is not touched, so
//! re-running an import changes nothing. From reading the corpus to the last write the
//! import holds the corpus's exclusive lock ([`crate::corpus::lock`]): a second import
//! waits, then merges on top of the first; temporary files an interrupted import left are
//! removed first. A document that could not be written is counted apart
//! ([`Summary::not_written`]) from the problems of the sources. Bad input (unknown format, invalid UTF-8, empty
//! file, broken HTML, a front-matter error, a duplicate id among hand-written files) is
//! reported by file and skipped; the import goes on with the rest.
//!
//! **The base layer** (one rule, whatever the corpus folder): an import that reads any
//! document seeds the corpus it writes with the hand-written records compiled into the binary
//! ([`crate::corpus::embedded`]: Party and provincial documents the dump lacks, and the
//! sourced status of the laws the founding plan cites). A record the corpus already holds is
//! left as it is there (edits win); an imported document of the same id merges on top of the
//! record, as it would in the repository's own `corpus/`. Seeded records are counted apart
//! ([`Summary::seeded`]).

pub mod download;
pub mod issuers;
pub mod merge;
pub mod phapdien;
pub mod titles;
pub mod vanban;

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::corpus::store;
use crate::model::{Document, Provenance};
use crate::report::{progress, Problem};
use crate::{Error, Result};

/// The format of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Pháp điển dump as a zip.
    PhapdienZip,
    /// Pháp điển dump as a folder.
    PhapdienDir,
    /// One Pháp điển đề mục file.
    PhapdienFile,
    /// A zip of `.txt` and/or `.md` files.
    FilesZip,
    /// A folder of `.txt` and/or `.md` files.
    FilesDir,
    /// One `.txt` original document.
    Text,
    /// One corpus Markdown file.
    Markdown,
}

/// Counts of one Pháp điển release read in this import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseCounts {
    pub source: String,
    pub counts: phapdien::Counts,
    pub documents: usize,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents written for the first time.
    pub new: usize,
    /// Documents whose corpus file changed.
    pub updated: usize,
    /// Documents whose corpus file was already up to date.
    pub unchanged: usize,
    /// Articles in the documents read (after merging).
    pub articles: usize,
    /// Per Pháp điển release: every `p.pDieu` imported or reported.
    pub releases: Vec<ReleaseCounts>,
    /// Source files read (đề mục files, text files, Markdown files).
    pub files: usize,
    /// Placeholder titles replaced by the name other documents cite (see [`titles`]).
    pub titles_learned: usize,
    /// Problems of the sources (and of corpus files that could not be read).
    pub problems: Vec<Problem>,
    /// Documents that could not be written to the corpus (disk full, permissions, an id
    /// that is not an id): the import failed for them.
    pub not_written: Vec<Problem>,
    /// Temporary files of an interrupted earlier import, removed before writing.
    pub stale_temp_files: usize,
    /// Hand-written records of the base layer ([`crate::corpus::embedded`]) written into the
    /// corpus for the first time by this import (not counted in [`Summary::documents`]).
    pub seeded: usize,
    /// Wall time of each stage, in order (read: parsing and merging the sources; corpus:
    /// reading the corpus already there; write: merging with it and writing the files).
    pub stages: Vec<(&'static str, std::time::Duration)>,
    /// With [`Options::keep`]: the whole corpus after the import, every document as
    /// [`crate::corpus::load`] would read it back from its file, for an index built in the
    /// same process (`cancu import --build-index`). `None` when a document could not be
    /// written (the corpus on disk is then not what the import meant).
    pub corpus: Option<crate::corpus::Loaded>,
}

impl Summary {
    /// Documents imported (new, updated or unchanged).
    pub fn documents(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}

/// Threads writing corpus files (mostly waiting for the disk to make each file durable).
const WRITERS: usize = 8;

/// Options of [`import`].
#[derive(Debug, Clone)]
pub struct Options {
    /// The corpus directory written to.
    pub corpus: PathBuf,
    /// Show progress bars.
    pub progress: bool,
    /// Keep the corpus in memory after writing it ([`Summary::corpus`]).
    pub keep: bool,
}

/// Detects the format of `path`, or says why it has none.
pub fn detect(path: &Path) -> std::result::Result<Format, String> {
    let meta = std::fs::metadata(path).map_err(|e| crate::error::io_cause(&e))?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if meta.is_dir() {
        let files = walk(path).map_err(|e| e.to_string())?;
        let rel: Vec<String> = files.iter().map(|f| rel_name(path, f)).collect();
        if rel.iter().any(|r| phapdien::is_demuc_path(r)) {
            return Ok(Format::PhapdienDir);
        }
        if rel.iter().any(|r| r.ends_with(".txt") || r.ends_with(".md")) {
            return Ok(Format::FilesDir);
        }
        return Err("thư mục không có tệp demuc/*.html của Pháp điển, tệp .txt hay .md nào".into());
    }
    match ext.as_str() {
        "zip" => {
            let zip = zip::ZipArchive::new(File::open(path).map_err(|e| e.to_string())?)
                .map_err(|e| format!("không đọc được tệp zip: {e}"))?;
            let names: Vec<&str> = zip.file_names().collect();
            if names.iter().any(|n| phapdien::is_demuc_path(n)) {
                Ok(Format::PhapdienZip)
            } else if names.iter().any(|n| n.ends_with(".txt") || n.ends_with(".md")) {
                Ok(Format::FilesZip)
            } else {
                Err("tệp zip không có tệp demuc/*.html của Pháp điển, tệp .txt hay .md nào".into())
            }
        }
        "html" | "htm" => Ok(Format::PhapdienFile),
        "txt" => Ok(Format::Text),
        "md" => Ok(Format::Markdown),
        _ => {
            Err("không phải định dạng đã biết (cần zip hoặc thư mục Pháp điển, tệp .txt, .md, hoặc zip/thư mục chứa chúng)"
                .into())
        }
    }
}

fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            if e.file_type()?.is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn rel_name(root: &Path, f: &Path) -> String {
    f.strip_prefix(root).unwrap_or(f).to_string_lossy().replace('\\', "/")
}

/// Documents read from sources, before they meet the corpus.
#[derive(Debug, Default)]
pub struct Read {
    /// One document per id, every version merged.
    pub documents: Vec<Document>,
    pub releases: Vec<ReleaseCounts>,
    pub files: usize,
    pub problems: Vec<Problem>,
    /// Placeholder titles replaced by the name other documents cite (see [`titles`]).
    pub titles_learned: usize,
}

/// Reads `sources` and merges the versions of each document, then learns the titles that
/// sources left out from how the documents cite each other ([`titles`]). Pháp điển releases are read
/// oldest first (by the year in their name), then the text and Markdown sources in the
/// order given.
pub fn read_sources(sources: &[PathBuf], show_progress: bool) -> Read {
    let mut read = Read::default();
    let mut found: Vec<(PathBuf, Format)> = Vec::new();
    for s in sources {
        match detect(s) {
            Ok(f) => found.push((s.clone(), f)),
            Err(e) => read.problems.push(Problem::new(s.display().to_string(), format!("{e}: bỏ qua"))),
        }
    }
    let pd = |f: &Format| matches!(f, Format::PhapdienZip | Format::PhapdienDir | Format::PhapdienFile);
    found.sort_by_key(
        |(p, f)| if pd(f) { (0, phapdien::release_year(&phapdien::release_name(p))) } else { (1, 0) },
    );

    let mut merged: Vec<Document> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut hand_ids: HashMap<String, String> = HashMap::new();
    let mut add = |doc: Document, merged: &mut Vec<Document>| match index.get(&doc.meta.id) {
        Some(&i) => {
            let old =
                std::mem::replace(&mut merged[i], Document { meta: doc.meta.clone(), body: Vec::new() });
            merged[i] = merge::merge(old, doc);
        }
        None => {
            index.insert(doc.meta.id.clone(), merged.len());
            merged.push(doc);
        }
    };

    for (path, format) in found {
        let shown = path.display().to_string();
        match format {
            Format::PhapdienZip | Format::PhapdienDir | Format::PhapdienFile => {
                let source = phapdien::release_name(&path);
                match read_phapdien(&path, &format, &source, show_progress) {
                    Ok((built, files)) => {
                        read.files += files;
                        read.releases.push(ReleaseCounts {
                            source: source.clone(),
                            counts: built.counts.clone(),
                            documents: built.documents.len(),
                        });
                        read.problems.extend(built.problems.into_iter().map(|mut p| {
                            p.file = format!("{shown}:{}", p.file);
                            p
                        }));
                        for mut d in built.documents {
                            for s in &mut d.meta.sources {
                                s.file = Some(file_name(&path));
                            }
                            add(d, &mut merged);
                        }
                    }
                    Err(e) => read.problems.push(Problem::new(shown, format!("{e}: bỏ qua"))),
                }
            }
            Format::FilesZip | Format::FilesDir | Format::Text | Format::Markdown => {
                let entries = match list_files(&path, &format) {
                    Ok(e) => e,
                    Err(e) => {
                        read.problems.push(Problem::new(shown, format!("{e}: bỏ qua")));
                        continue;
                    }
                };
                let source = match format {
                    Format::FilesZip | Format::FilesDir => phapdien::release_name(&path),
                    _ => "vanban".to_string(),
                };
                for (name, bytes) in entries {
                    read.files += 1;
                    let label = if matches!(format, Format::FilesZip | Format::FilesDir) {
                        format!("{shown}:{name}")
                    } else {
                        shown.clone()
                    };
                    match read_text_file(&label, &name, &bytes, &source) {
                        Ok(doc) => {
                            if name.ends_with(".md") {
                                if let Some(first) = hand_ids.get(&doc.meta.id) {
                                    read.problems.push(Problem::new(
                                        label,
                                        format!("mã “{}” trùng (cũng có trong {first}): bỏ qua", doc.meta.id),
                                    ));
                                    continue;
                                }
                                hand_ids.insert(doc.meta.id.clone(), label.clone());
                            }
                            if name.ends_with(".txt") {
                                for gap in vanban::gaps(&doc) {
                                    read.problems.push(Problem::new(label.clone(), gap));
                                }
                            }
                            add(doc, &mut merged);
                        }
                        Err(p) => read.problems.push(p),
                    }
                }
            }
        }
    }
    read.titles_learned = titles::learn(&mut merged);
    for d in &mut merged {
        issuers::normalize(&mut d.meta);
    }
    read.documents = merged;
    read
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

/// Reads a Pháp điển release: (documents, number of đề mục files).
fn read_phapdien(
    path: &Path,
    format: &Format,
    source: &str,
    show_progress: bool,
) -> Result<(phapdien::Built, usize)> {
    let bar = |n: usize| {
        let b = progress(n as u64, source);
        if !show_progress {
            b.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        b
    };
    match format {
        Format::PhapdienZip => {
            let f = File::open(path).map_err(|e| Error::io(path, e))?;
            let zip = zip::ZipArchive::new(f)
                .map_err(|e| Error::format(path, format!("không đọc được tệp zip: {e}")))?;
            let names: Vec<String> =
                zip.file_names().filter(|n| phapdien::is_demuc_path(n)).map(String::from).collect();
            let mut names = names;
            names.sort();
            let pb = bar(names.len());
            let load = |i: usize| -> std::result::Result<Vec<u8>, String> {
                thread_local! {
                    static ZIP: std::cell::RefCell<Option<(PathBuf, zip::ZipArchive<File>)>> = const { std::cell::RefCell::new(None) };
                }
                ZIP.with(|z| {
                    let mut z = z.borrow_mut();
                    if z.as_ref().is_none_or(|(p, _)| p != path) {
                        let f = File::open(path).map_err(|e| e.to_string())?;
                        *z = Some((path.to_path_buf(), zip::ZipArchive::new(f).map_err(|e| e.to_string())?));
                    }
                    let (_, zip) = z.as_mut().expect("opened above");
                    let mut e = zip.by_name(&names[i]).map_err(|e| e.to_string())?;
                    let mut buf = Vec::with_capacity(e.size() as usize);
                    std::io::Read::read_to_end(&mut e, &mut buf)
                        .map_err(|e| format!("không đọc được: {e}"))?;
                    Ok(buf)
                })
            };
            let built = phapdien::import_files(source, &names, load, || pb.inc(1));
            pb.finish_and_clear();
            Ok((built, names.len()))
        }
        Format::PhapdienDir => {
            let files = walk(path).map_err(|e| Error::io(path, e))?;
            let files: Vec<PathBuf> =
                files.into_iter().filter(|f| phapdien::is_demuc_path(&rel_name(path, f))).collect();
            let names: Vec<String> = files.iter().map(|f| rel_name(path, f)).collect();
            let pb = bar(names.len());
            let load = |i: usize| std::fs::read(&files[i]).map_err(|e| e.to_string());
            let built = phapdien::import_files(source, &names, load, || pb.inc(1));
            pb.finish_and_clear();
            Ok((built, names.len()))
        }
        _ => {
            let names = vec![file_name(path)];
            let load = |_: usize| std::fs::read(path).map_err(|e| e.to_string());
            Ok((phapdien::import_files(source, &names, load, || ()), 1))
        }
    }
}

/// The `.txt` and `.md` files of a text source, as (name, bytes); other files are ignored.
fn list_files(path: &Path, format: &Format) -> Result<Vec<(String, Vec<u8>)>> {
    let keep = |n: &str| {
        (n.ends_with(".txt") || n.ends_with(".md"))
            && !n.rsplit('/').next().is_some_and(|b| b.eq_ignore_ascii_case("README.md"))
    };
    match format {
        Format::FilesZip => {
            let f = File::open(path).map_err(|e| Error::io(path, e))?;
            let mut zip = zip::ZipArchive::new(f)
                .map_err(|e| Error::format(path, format!("không đọc được tệp zip: {e}")))?;
            let mut names: Vec<String> = zip.file_names().filter(|n| keep(n)).map(String::from).collect();
            names.sort();
            let mut out = Vec::with_capacity(names.len());
            for n in names {
                let mut e = zip.by_name(&n).map_err(|e| Error::format(path, format!("{n}: {e}")))?;
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut e, &mut buf).map_err(|e| Error::io(path, e))?;
                out.push((n, buf));
            }
            Ok(out)
        }
        Format::FilesDir => {
            let mut out = Vec::new();
            for f in walk(path).map_err(|e| Error::io(path, e))? {
                let n = rel_name(path, &f);
                if keep(&n) {
                    out.push((n, std::fs::read(&f).map_err(|e| Error::io(&f, e))?));
                }
            }
            Ok(out)
        }
        _ => Ok(vec![(file_name(path), std::fs::read(path).map_err(|e| Error::io(path, e))?)]),
    }
}

/// Reads one `.txt` (original document) or `.md` (corpus file).
fn read_text_file(
    label: &str,
    name: &str,
    bytes: &[u8],
    source: &str,
) -> std::result::Result<Document, Problem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::new(label, "tệp rỗng: bỏ qua"));
    }
    let text = crate::text::utf8(bytes).map_err(|valid| {
        Problem::new(label, format!("không phải UTF-8 hợp lệ (tại byte {valid}): bỏ qua"))
    })?;
    let base = name.rsplit('/').next().unwrap_or(name).to_string();
    if name.ends_with(".md") {
        crate::corpus::markdown::parse_document(label, text)
            .map_err(|e| Problem::new(label, format!("{e}: bỏ qua")))
    } else {
        let mut doc = vanban::parse(name, text).map_err(|e| Problem::new(label, format!("{e}: bỏ qua")))?;
        if !doc
            .meta
            .sources
            .iter()
            .any(|s| s.file.as_deref() == Some(base.as_str()) || s.file.as_deref() == Some(name))
        {
            let n = doc.articles().count();
            doc.meta.sources.push(Provenance {
                source: source.to_string(),
                file: Some(name.to_string()),
                anchor: None,
                url: None,
                articles: n,
            });
        }
        Ok(doc)
    }
}

/// Imports `sources` into the corpus at `opts.corpus`: read, merge with what is there, write.
pub fn import(sources: &[PathBuf], opts: &Options) -> Result<Summary> {
    let started = std::time::Instant::now();
    let read = read_sources(sources, opts.progress);
    let read_elapsed = started.elapsed();
    let mut summary =
        Summary { releases: read.releases, files: read.files, problems: read.problems, ..Default::default() };
    // From here to the last write the corpus is ours: read it only now, so that a run that
    // waited merges on top of the one before it.
    let lock = crate::corpus::lock::exclusive(&opts.corpus, || {
        eprintln!("cancu import: một lần nhập khác đang ghi vào {}; đang chờ nó xong…", opts.corpus.display())
    })?;
    summary.stale_temp_files = crate::corpus::lock::remove_stale_temp_files(&opts.corpus, &lock)?;
    let corpus_started = std::time::Instant::now();
    let existing = store::load_dir_locked(&opts.corpus, &lock)?;
    summary.stages = vec![("read", read_elapsed), ("corpus", corpus_started.elapsed())];
    let write_started = std::time::Instant::now();
    // The corpus's own problems stay with a corpus kept in memory, as a reader would find them.
    let existing_problems = if opts.keep { existing.problems.clone() } else { Vec::new() };
    summary.problems.extend(existing.problems.into_iter().map(|mut p| {
        p.message = format!("tệp trong kho: {}", p.message);
        p
    }));
    let mut old: HashMap<String, (Document, PathBuf)> = HashMap::new();
    for d in existing.documents {
        let p = existing.paths.get(&d.meta.id).cloned().unwrap_or_default();
        old.insert(d.meta.id.clone(), (d, p));
    }
    // The base layer: every hand-written record the corpus lacks, under what was read.
    let mut base: Vec<Document> = if read.documents.is_empty() {
        Vec::new()
    } else {
        crate::corpus::embedded::load()
            .documents
            .into_iter()
            .filter(|d| !old.contains_key(&d.meta.id))
            .collect()
    };
    summary.titles_learned = read.titles_learned;
    let mut jobs: Vec<(Document, Option<PathBuf>)> = read
        .documents
        .into_iter()
        .map(|d| match old.remove(&d.meta.id) {
            Some((o, p)) => (merge::merge(o, d), Some(p)),
            None => match base.iter().position(|b| b.meta.id == d.meta.id) {
                Some(i) => (merge::merge(base.swap_remove(i), d), None),
                None => (d, None),
            },
        })
        .map(|(mut d, p)| {
            // The corpus's own spelling of an issuer gives way too (see `issuers`).
            issuers::normalize(&mut d.meta);
            (d, p)
        })
        .collect();
    summary.articles = jobs.iter().map(|(d, _)| d.articles().count()).sum();
    // The records nothing read merged with are written as they are, after the imported ones.
    let imported = jobs.len();
    base.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
    jobs.extend(base.into_iter().map(|d| (d, None)));
    let pb = progress(jobs.len() as u64, "writing");
    if !opts.progress {
        pb.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    type Written = (String, bool, Result<bool>, Option<(PathBuf, Result<Document>)>);
    let write_all = || -> Vec<Written> {
        jobs.into_par_iter()
            .map(|(d, p)| {
                // A document already in the corpus is rewritten where it lives.
                let path = match &p {
                    Some(p) if !p.as_os_str().is_empty() => Ok(p.clone()),
                    _ => store::path_of(&opts.corpus, &d),
                };
                let (r, kept) = match path {
                    Ok(path) => {
                        let text = crate::corpus::render_document(&d);
                        let r = store::write_text_at(&path, &text);
                        // The document as the corpus reader will read it back (text normalized, …).
                        let kept = (r.is_ok() && opts.keep).then(|| {
                            let doc = store::parse_at(&path, &text);
                            (path, doc)
                        });
                        (r, kept)
                    }
                    Err(e) => (Err(e), None),
                };
                pb.inc(1);
                (d.meta.id, p.is_some(), r, kept)
            })
            .collect()
    };
    // Each file is made durable (fsync) before it is renamed into place: a thread waits for
    // the disk then, so more threads than cores keep the disk and the cores busy.
    let results = match rayon::ThreadPoolBuilder::new().num_threads(WRITERS).build() {
        Ok(pool) => pool.install(write_all),
        Err(_) => write_all(),
    };
    pb.finish_and_clear();
    let mut files = Vec::with_capacity(if opts.keep { results.len() + old.len() } else { 0 });
    for (i, (id, existed, r, kept)) in results.into_iter().enumerate() {
        match r {
            Ok(true) if i >= imported => summary.seeded += 1,
            Ok(false) if i >= imported => {}
            Ok(true) if existed => summary.updated += 1,
            Ok(true) => summary.new += 1,
            Ok(false) => summary.unchanged += 1,
            Err(e) => summary.not_written.push(Problem::new(id, format!("không ghi được: {e}"))),
        }
        files.extend(kept);
    }
    drop(lock);
    if opts.keep && summary.not_written.is_empty() {
        // The documents of the corpus this import did not touch, as they were read.
        files.extend(old.into_values().map(|(d, p)| (p, Ok(d))));
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut corpus = crate::corpus::Loaded::of_files(files);
        corpus.duplicates.extend(existing.duplicates);
        corpus.problems.extend(existing_problems);
        summary.corpus = Some(corpus);
    }
    summary.stages.push(("write", write_started.elapsed()));
    Ok(summary)
}
