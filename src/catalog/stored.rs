//! The catalog as saved in an index generation (`catalog.json`): every record's metadata
//! (without per-article records), how many articles the corpus holds and its corpus file.
//! Written when the generation is built, read by the searcher and the command line, so that
//! neither has to read the corpus to look a document up.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Catalog, Held, Record};
use crate::model::Metadata;
use crate::{Error, Result};

/// The file name inside a generation.
pub const FILE: &str = "catalog.json";

/// The format's version: a different one is refused (the index is rebuilt).
const VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The corpus directory the catalog was read from, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    corpus: Option<PathBuf>,
    records: Vec<StoredRecord>,
}

#[derive(Serialize, Deserialize)]
struct StoredRecord {
    meta: Metadata,
    articles: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    file: Option<PathBuf>,
    /// Known only by citation (see [`super::cited`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    cited_only: bool,
}

impl Catalog {
    /// Writes the catalog into the generation directory `dir`.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let records = self
            .docs
            .iter()
            .zip(&self.held)
            .map(|(r, h)| {
                let mut meta: Metadata = (**r).clone();
                meta.articles = Vec::new();
                let cited_only = self.cited_only.contains(&meta.id);
                StoredRecord { meta, articles: h.articles, file: h.file.clone(), cited_only }
            })
            .collect();
        let path = dir.join(FILE);
        let bytes = serde_json::to_vec(&Stored { version: VERSION, corpus: self.corpus.clone(), records })
            .map_err(|e| Error::format(&path, e.to_string()))?;
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
    }

    /// Reads the catalog saved in the generation directory `dir`.
    pub fn load(dir: &Path) -> Result<Catalog> {
        let path = dir.join(FILE);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let stored: Stored =
            serde_json::from_slice(&bytes).map_err(|e| Error::format(&path, e.to_string()))?;
        if stored.version != VERSION {
            return Err(Error::format(
                &path,
                format!("catalog format {} (this cancu reads {VERSION})", stored.version),
            ));
        }
        let cited_only = stored.records.iter().filter(|r| r.cited_only).map(|r| r.meta.id.clone()).collect();
        let mut c = Catalog::of_records(
            stored
                .records
                .into_iter()
                .map(|r| (Record::Owned(Box::new(r.meta)), Held { articles: r.articles, file: r.file })),
        );
        c.cited_only = cited_only;
        c.corpus = stored.corpus;
        Ok(c)
    }
}
