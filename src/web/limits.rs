//! The bounds every request is held to. A request outside them gets a 4xx with a clear
//! Vietnamese message; nothing here ever grows with user input.

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
/// Time allowed for one request before a 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
/// Time allowed for `POST /api/admin/reindex` (a full rebuild under load takes tens of
/// seconds); past it the answer is a 408 but the rebuild still completes and swaps in.
pub const REINDEX_TIMEOUT: Duration = Duration::from_secs(600);
/// Requests served at once; the rest wait in the accept queue.
pub const MAX_CONCURRENCY: usize = 512;
