//! Search: query understanding and execution over the index built by [`crate::index`].
//!
//! A query that is or contains a document reference goes straight to it (read and resolved
//! by [`crate::cite::lookup`]: a number in any variant, a named document, a pinpoint to an
//! article; an uncertain one is said so, with its candidates); everything else is
//! full-text search ([`fulltext`]) with highlighted [`snippet`]s, filters, facet counts and
//! paging. [`Searcher`] is the entry point: open it on an index directory, clone it freely
//! across threads, [`Searcher::reload`] it when a new index generation is published.

pub mod defined;
pub mod domain;
pub mod facets;
pub mod fulltext;
pub mod learned;
pub mod query;
pub mod question;
pub mod rerank;
pub mod results;
mod searcher;
pub mod snippet;
pub mod suggest;
pub mod titled;

pub use query::{Filters, Query};
pub use question::{Features, Intent};
pub use results::{FacetCount, Facets, Hit, Results, Route};
pub use searcher::{Candidates, Scored, Searcher};
