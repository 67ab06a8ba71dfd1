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
pub fn open_base(paths: &crate::Paths) -> anyhow::Result<&'static cancu::kb::Base> {
    let base = for_the_process(cancu::kb::Base::open(paths.corpus.as_deref(), &paths.index)?);
    for p in base.problems() {
        eprintln!("cảnh báo: {p}");
    }
    if let Some(why) = base.unindexed() {
        eprintln!("lưu ý: {why}; đã đọc toàn bộ kho văn bản (chậm hơn). Chạy `cancu index` để lập chỉ mục.");
    }
    Ok(base)
}

/// `value` kept until the process ends: a verb answers once and exits, and freeing thousands
/// of catalog records and index readers one by one at the end costs more of a command's
/// time than anything it does with them (a sixth of `cancu search`); the system takes the
/// memory back at once.
pub fn for_the_process<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}
