//! The corpus: one Markdown file per document, metadata in TOML front matter — the
//! human-editable source of truth. Importers write it ([`store::write`]), the indexer reads
//! it ([`store::load_dir`]). The format is specified in `corpus/README.md`; [`markdown`]
//! parses and prints it, [`embedded`] is the default corpus compiled into the binary,
//! [`lock`] keeps writers (imports) and readers (indexing) from interleaving.

pub mod embedded;
pub mod lock;
pub mod markdown;
mod source;
pub mod sourced;
pub mod store;

pub use markdown::{parse_document, render_document};
pub use source::{load, load_with, locate, CorpusSource};
pub use store::{load_dir, Loaded};
