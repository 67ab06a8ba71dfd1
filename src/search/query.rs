//! A search request: the user's text, filters and paging; and the checked, normalized form
//! of the text. User syntax is never handed to Tantivy's query parser: the text is read
//! here (words and "quoted phrases") and queries are built programmatically, so malformed
//! input is a clear [`Error::Query`], never a panic.

use serde::Deserialize;

use crate::index::analysis::{syllables, term, Mode};
use crate::model::{DocType, Status};
use crate::text::{has_diacritics, normalize};
use crate::{Error, Result};

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most hits returned by one request.
pub const MAX_LIMIT: usize = 500;

/// Filters on hits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Filters {
    pub doc_type: Option<DocType>,
    /// Issuer, matched without case and diacritics ("Chính phủ", "chinh phu").
    pub issuer: Option<String>,
    pub year: Option<u16>,
    pub status: Option<Status>,
    /// Pháp điển đề mục ("44.13").
    pub demuc: Option<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A search request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    pub offset: usize,
    pub limit: usize,
    /// Count all hits and compute facet counts (costs a pass over every match).
    pub facets: bool,
}

impl Query {
    /// The first ten hits for `text`, no filters, no facets.
    pub fn new(text: impl Into<String>) -> Query {
        Query { text: text.into(), filters: Filters::default(), offset: 0, limit: 10, facets: false }
    }

    pub fn limit(mut self, n: usize) -> Query {
        self.limit = n;
        self
    }

    pub fn offset(mut self, n: usize) -> Query {
        self.offset = n;
        self
    }

    pub fn filters(mut self, f: Filters) -> Query {
        self.filters = f;
        self
    }

    pub fn with_facets(mut self) -> Query {
        self.facets = true;
        self
    }
}

/// One run of words: free text, or a quoted phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub phrase: bool,
    /// Exact (lower-case) syllables, with whether punctuation precedes each.
    pub words: Vec<(String, bool)>,
}

/// The checked text of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Normalized, lower case.
    pub norm: String,
    pub segments: Vec<Segment>,
    /// Whether the user typed diacritics (else exact-field matching is skipped).
    pub diacritics: bool,
}

const QUOTES: [char; 3] = ['"', '“', '”'];

/// Checks and reads the query text.
pub fn parse(text: &str) -> Result<Parsed> {
    let chars = text.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(Error::Query(format!("câu tìm kiếm quá dài ({chars} ký tự; tối đa {MAX_QUERY_CHARS})")));
    }
    let norm = normalize(text).trim().to_lowercase();
    if norm.is_empty() {
        return Err(Error::Query("câu tìm kiếm đang trống".into()));
    }
    let quotes = norm.chars().filter(|c| QUOTES.contains(c)).count();
    if quotes % 2 == 1 {
        return Err(Error::Query("thiếu dấu ngoặc kép đóng: hãy đóng cụm từ trong ngoặc kép".into()));
    }
    let mut segments = Vec::new();
    for (i, part) in norm.split(QUOTES).enumerate() {
        let words: Vec<(String, bool)> =
            syllables(part).map(|s| (term(&part[s.start..s.end], Mode::Exact), s.broken)).collect();
        if !words.is_empty() {
            segments.push(Segment { phrase: i % 2 == 1, words });
        }
    }
    if segments.is_empty() {
        return Err(Error::Query("câu tìm kiếm không có từ hoặc số nào để tìm".into()));
    }
    let diacritics = has_diacritics(&norm);
    Ok(Parsed { norm, segments, diacritics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_queries_are_clear_errors() {
        let rows = [
            ("", "trống"),
            ("   ", "trống"),
            ("!!! ?? ...", "không có từ"),
            ("\"dân chủ", "ngoặc kép"),
            ("a \"b\" \"c", "ngoặc kép"),
        ];
        for (q, want) in rows {
            let e = parse(q).unwrap_err().to_string();
            assert!(e.contains(want), "{q:?}: {e}");
        }
        let long = "dân chủ ".repeat(1400);
        assert!(parse(&long).unwrap_err().to_string().contains("quá dài"));
        // Tantivy syntax is just text here.
        assert!(parse("title:(a OR b) AND -c^2 ~ *").is_ok());
    }

    #[test]
    fn phrases_and_words() {
        let p = parse("Bầu \"trưởng thôn\" ").unwrap();
        assert_eq!(p.segments.len(), 2);
        assert!(p.segments[1].phrase);
        assert_eq!(p.segments[1].words[0].0, "trưởng");
        assert!(p.diacritics);
        assert!(!parse("bau truong thon").unwrap().diacritics);
    }
}
