//! The bounds every request and connection is held to. A request outside them gets a 4xx
//! (or a 503 when the server is saturated) with a clear Vietnamese message; nothing here ever
//! grows with user input. SECURITY.md lists them for operators.

use std::time::Duration;

/// Largest request body (a pasted plan; the founding plan is about 21 KB).
pub const MAX_BODY: usize = 2 * 1024 * 1024;
/// Longest raw query string, in bytes.
pub const MAX_QUERY_STRING: usize = 8 * 1024;
/// Longest search query, in characters.
pub const MAX_QUERY_CHARS: usize = 300;
/// Longest reference string for `/api/resolve`, in characters.
pub const MAX_REF_CHARS: usize = 300;
/// Hits per page: default and maximum.
pub const DEFAULT_PER_PAGE: usize = 20;
pub const MAX_PER_PAGE: usize = 50;
/// Deepest page reachable (page × per_page bounds the work of one search).
pub const MAX_PAGE: usize = 50;
/// Most articles on one print page.
pub const MAX_PRINT_ARTICLES: usize = 100;
/// Longest text accepted by the citation and linker endpoints, in bytes (the body limit
/// already bounds it; this is the same figure, stated for the JSON field).
pub const MAX_TEXT: usize = MAX_BODY;
/// Time allowed for one request before a 408: 15 s in a release build. A debug build (the
/// tests') reads citations some twenty times slower, and a 64 KB citation flood, cut at
/// [`MAX_CITATIONS`] in 0.2 s by a release build, took over 15 s in a loaded test run: 120 s
/// there.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 15 });
/// Time allowed for `POST /api/admin/reindex` (a full rebuild under load takes tens of
/// seconds); past it the answer is a 408 but the rebuild still completes and swaps in.
pub const REINDEX_TIMEOUT: Duration = Duration::from_secs(600);
/// Time a client has to send a request's whole header block, counted from the moment the
/// server starts reading it: on a new connection, and again on a kept-alive connection after
/// each answer (so it is also the keep-alive idle timeout). A connection that sends nothing,
/// or drips its headers, is closed after it.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(20);
/// Most open connections; past it the server stops accepting (new connections wait in the
/// kernel's queue) until one closes. Lowered below the descriptor limit by
/// [`max_connections`].
pub const MAX_CONNECTIONS: usize = 4096;
/// Descriptors kept for everything but connections (index files, the corpus, a reindex).
pub const RESERVED_DESCRIPTORS: usize = 256;
/// Longest wait for a turn at the CPU-bound work ([`heavy_permits`]) before a 503 `busy`;
/// below [`REQUEST_TIMEOUT`], so that the answer says why.
pub const HEAVY_QUEUE_TIMEOUT: Duration = Duration::from_secs(10);
/// Shortest time between the starts of two rebuilds by `POST /api/admin/reindex` (the
/// default; `cancu serve --admin-min-interval` sets another).
pub const REINDEX_MIN_INTERVAL: Duration = Duration::from_secs(300);
/// Most citations in one answer of `/api/cite`, `/api/link` or `POST /lien-ket`; past it the
/// answer is cut and says so (`truncated`). An ordinary plan cites a few hundred.
pub const MAX_CITATIONS: usize = 5000;
/// Largest answer of `/api/cite` and `/api/link`, in bytes: [`MAX_CITATIONS`] keeps them
/// well below it (a test holds them to it).
pub const MAX_ANSWER: usize = 8 * 1024 * 1024;

/// CPU-bound requests (citations, linking, reindex) running at once: one per core but one,
/// so that a core stays free for searches and pages however many plans are posted (one on a
/// single core).
pub fn heavy_permits() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
}

/// The nice value of the threads that run CPU-bound work (Linux), so that the scheduler
/// serves searches first when the cores are busy.
pub const HEAVY_NICE: i32 = 10;

/// The connection cap for this process: [`MAX_CONNECTIONS`], or fewer when the limit on open
/// descriptors is lower (less [`RESERVED_DESCRIPTORS`]); at least 16.
pub fn max_connections() -> usize {
    let fds = open_files_limit().unwrap_or(1024);
    MAX_CONNECTIONS.min(fds.saturating_sub(RESERVED_DESCRIPTORS)).max(16)
}

/// The soft limit on open files (Linux: `/proc/self/limits`), `None` if unknown or unlimited.
fn open_files_limit() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/self/limits").ok()?;
    parse_open_files(&text)
}

fn parse_open_files(limits: &str) -> Option<usize> {
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line["Max open files".len()..].split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_files_limit_is_read() {
        let rows = [
            ("Max cpu time              unlimited            unlimited            seconds\nMax open files            1024                 524288               files\n", Some(1024)),
            ("Max open files            unlimited            unlimited            files\n", None),
            ("", None),
        ];
        for (text, want) in rows {
            assert_eq!(parse_open_files(text), want, "{text}");
        }
        assert!(max_connections() >= 16 && max_connections() <= MAX_CONNECTIONS);
    }
}
