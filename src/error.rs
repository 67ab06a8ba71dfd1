//! The library's error type. Every error names what it is about: a file (and line or
//! anchor), a field, or a query.

use std::path::PathBuf;

/// Errors of the cancu library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("{path}: not valid UTF-8 (at byte {offset})")]
    Utf8 { path: PathBuf, offset: usize },
    #[error("document not found: {0}")]
    NotFound(String),
    #[error("invalid query: {0}")]
    Query(String),
    #[error("index error: {0}")]
    Index(String),
    #[error("cannot write the file to download: {0}")]
    Export(String),
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A format error about `path` (include the line or anchor in `message`).
    pub fn format(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Format { path: path.into(), message: message.into() }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Index(e.to_string())
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
