//! One module per verb: argument structs and the glue from arguments to the library.

pub mod cite;
pub mod import;
pub mod index;
pub mod link;
pub mod search;
pub mod serve;
pub mod show;

/// The knowledge base of `--index` (when it has a live generation) and `--corpus` (else
/// `./corpus`, else the embedded one). Unreadable corpus files are reported on stderr.
pub fn open_base(paths: &crate::Paths) -> anyhow::Result<cancu::kb::Base> {
    let base = cancu::kb::Base::open(paths.corpus.as_deref(), &paths.index)?;
    for p in base.problems() {
        eprintln!("cảnh báo: {p}");
    }
    Ok(base)
}
