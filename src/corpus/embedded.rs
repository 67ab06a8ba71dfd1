//! The default corpus compiled into the binary: the metadata records in the repository's
//! `corpus/` folder, so that a fresh `cancu serve` has real documents to look up.

use include_dir::{include_dir, Dir};

use super::markdown::parse_document;
use super::store::Loaded;
use crate::report::Problem;

static CORPUS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/corpus");

/// Loads the embedded corpus.
pub fn load() -> Loaded {
    let mut loaded = Loaded::default();
    let mut stack = vec![&CORPUS];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in d.entries() {
            match e {
                include_dir::DirEntry::Dir(sub) => stack.push(sub),
                include_dir::DirEntry::File(f) => files.push(f),
            }
        }
    }
    files.sort_by_key(|f| f.path());
    for f in files {
        let path = f.path();
        if path.extension().is_none_or(|e| e != "md") || path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let name = format!("(embedded)/{}", path.display());
        match f
            .contents_utf8()
            .ok_or_else(|| "not valid UTF-8".to_string())
            .and_then(|t| parse_document(&name, t))
        {
            Ok(doc) if !loaded.paths.contains_key(&doc.meta.id) => {
                loaded.paths.insert(doc.meta.id.clone(), path.to_path_buf());
                loaded.documents.push(doc);
            }
            Ok(doc) => loaded.problems.push(Problem::new(name, format!("duplicate id {:?}", doc.meta.id))),
            Err(e) => loaded.problems.push(Problem::new(name, e)),
        }
    }
    loaded
}
