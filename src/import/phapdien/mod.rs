//! The official Bộ Pháp điển điện tử dump (phapdien.moj.gov.vn): `BoPhapDien.html` plus
//! `demuc/<uuid>.html`, one file per đề mục, as a zip or an unzipped folder (or a single
//! đề mục file). Files are read and parsed in parallel ([`file`], over the token scanner in
//! [`html`]), their source notes parsed ([`note`]), and the source documents rebuilt from the
//! articles of all files ([`build`]).

pub mod build;
pub mod file;
pub mod headings;
pub mod html;
pub mod note;

use std::path::Path;

use rayon::prelude::*;

pub use build::{Built, Counts};

use crate::report::Problem;

/// One đề mục file as bytes, with the name used in messages.
#[derive(Debug)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Whether a zip member or relative path is a đề mục file.
pub fn is_demuc_path(path: &str) -> bool {
    let p = path.replace('\\', "/");
    p.ends_with(".html") && (p.starts_with("demuc/") || p.contains("/demuc/"))
}

/// Parses the đề mục files of release `source` and rebuilds its documents. `load(i)` gives
/// the bytes of file `i` of `names` (called from several threads); `tick` is called once per
/// file (progress).
pub fn import_files<L, T>(source: &str, names: &[String], load: L, tick: T) -> Built
where
    L: Fn(usize) -> Result<Vec<u8>, String> + Sync,
    T: Fn() + Sync,
{
    let results: Vec<Result<(String, file::DemucFile), Problem>> = (0..names.len())
        .into_par_iter()
        .map(|i| {
            let name = &names[i];
            let r = load(i).map_err(|e| Problem::new(name, e)).and_then(|bytes| parse_bytes(name, &bytes));
            tick();
            r
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.push(f),
            Err(p) => problems.push(p),
        }
    }
    let mut built = build::build(source, files);
    problems.append(&mut built.problems);
    built.problems = problems;
    built
}

/// Reads one đề mục file: UTF-8 check, parse, and a problem if it holds no article.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<(String, file::DemucFile), Problem> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::new(name, "tệp rỗng: bỏ qua"));
    }
    let text = crate::text::utf8(bytes)
        .map_err(|valid| Problem::new(name, format!("không phải UTF-8 hợp lệ (tại byte {valid}): bỏ qua")))?;
    let f = file::parse(text);
    // A đề mục with a heading and no article is an empty đề mục (the dump has many).
    if f.articles.is_empty() && f.demuc.is_none() {
        return Err(Problem::new(
            name,
            "không có điều nào (p.pDieu): không phải tệp đề mục Pháp điển, hoặc HTML hỏng; bỏ qua",
        ));
    }
    Ok((name.to_string(), f))
}

/// The release name of a dump at `path`: its file or folder name without extension
/// ("phapdien-2026").
pub fn release_name(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "phapdien".into())
}

/// The release year in a source name ("phapdien-2026" → 2026), 0 if none.
pub fn release_year(source: &str) -> u16 {
    source
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| p.len() == 4)
        .filter_map(|p| p.parse().ok())
        .next_back()
        .unwrap_or(0)
}
