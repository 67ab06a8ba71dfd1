//! The search index: a Tantivy index with one record per article (Điều) and one per
//! document, built from the corpus with Vietnamese analysis (per text zone a field of folded
//! syllables and one of exact syllables and bigrams; see [`analysis`]), and replaced
//! atomically (see [`generation`]): a crash or kill during `cancu index` leaves the previous
//! index intact and searchable. Searching it is
//! [`crate::search`]'s job.

pub mod analysis;
pub mod build;
pub mod generation;
pub mod packed;
pub mod schema;

pub use build::{build, build_with, Extra, Options, Summary};
pub use generation::current;
pub use schema::Fields;

use std::path::Path;

/// Opens the live generation of the index at `dir`, with the cancu tokenizers registered,
/// after checking that its files are those recorded at publish ([`generation::Check::Lengths`];
/// a server checks every byte, see `web::state`).
pub fn open(dir: &Path) -> crate::Result<(tantivy::Index, Fields, std::path::PathBuf)> {
    let gen = current(dir)?;
    generation::verify(&gen, generation::Check::Lengths)?;
    let index = tantivy::Index::open_in_dir(&gen)?;
    analysis::register(&index);
    let fields = Fields::of(&index.schema())?;
    Ok((index, fields, gen))
}
