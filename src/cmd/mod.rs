//! One module per verb: argument structs and the glue from arguments to the library.

pub mod cite;
pub mod import;
pub mod index;
pub mod link;
pub mod search;
pub mod serve;
pub mod show;

/// The catalog of the corpus named by `--corpus`, else `./corpus`, else the embedded one.
/// Unreadable files are reported on stderr and skipped.
pub fn load_catalog(paths: &crate::Paths) -> anyhow::Result<cancu::catalog::Catalog> {
    let (loaded, _) = cancu::corpus::load(paths.corpus.as_deref())?;
    for p in &loaded.problems {
        eprintln!("warning: {p}");
    }
    Ok(cancu::catalog::Catalog::from_documents(&loaded.documents))
}
