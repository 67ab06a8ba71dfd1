//! Which corpus a command or the server uses: the directory given (`--corpus DIR`, which must
//! exist), else `./corpus` if it exists, else the corpus embedded in the binary. Every verb
//! and the web server choose through [`load`], so they all agree.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::store::load_dir_with;
use super::{embedded, Loaded};
use crate::model::Document;
use crate::{Error, Result};

/// Where a corpus came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "path")]
pub enum CorpusSource {
    /// The corpus compiled into the binary.
    Embedded,
    /// A corpus directory.
    Dir(PathBuf),
    /// Documents handed over in memory (tests).
    Memory,
}

impl CorpusSource {
    /// The corpus directory, for a corpus read from one.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            CorpusSource::Dir(d) => Some(d),
            _ => None,
        }
    }
}

impl fmt::Display for CorpusSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusSource::Embedded => f.write_str("kho dựng sẵn trong chương trình"),
            CorpusSource::Dir(d) => write!(f, "{}", d.display()),
            CorpusSource::Memory => f.write_str("văn bản trong bộ nhớ"),
        }
    }
}

/// The corpus directory to read: `given` (an error if it is not a directory), else
/// `./corpus` if it exists; `None` means the embedded corpus.
pub fn locate(given: Option<&Path>) -> Result<Option<PathBuf>> {
    match given {
        Some(d) if !d.is_dir() => Err(Error::io(
            d,
            std::io::Error::new(std::io::ErrorKind::NotFound, "không có thư mục kho văn bản này"),
        )),
        Some(d) => Ok(Some(d.to_path_buf())),
        None => Ok(Some(PathBuf::from("corpus")).filter(|d| d.is_dir())),
    }
}

/// Loads the corpus chosen by [`locate`].
pub fn load(given: Option<&Path>) -> Result<(Loaded, CorpusSource)> {
    load_with(given, |d| d)
}

/// [`load`], passing each document read from a directory through `keep` as it is read
/// (see [`super::store::load_dir_with`]); the embedded corpus is kept whole, as there is no
/// file to read its text back from.
pub fn load_with(
    given: Option<&Path>,
    keep: impl Fn(Document) -> Document + Sync + Send,
) -> Result<(Loaded, CorpusSource)> {
    Ok(match locate(given)? {
        Some(d) => (load_dir_with(&d, keep)?, CorpusSource::Dir(d)),
        None => (embedded::load(), CorpusSource::Embedded),
    })
}
