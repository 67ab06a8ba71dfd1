//! cancu (from *căn cứ*, "legal basis"): a legal-reference knowledge base with full-text
//! search for Vietnamese legal and Party documents.
//!
//! The pipeline is import → corpus → index (+ citation graph) → search / serve. This library
//! does all the work; the `cancu` binary is a thin command line over it. See ARCHITECTURE.md
//! for one section per module.

pub mod alloc;
pub mod catalog;
pub mod cite;
pub mod corpus;
pub mod error;
pub mod export;
pub mod glossary;
pub mod graph;
pub mod import;
pub mod index;
pub mod kb;
pub mod link;
pub mod model;
pub mod number;
pub mod replace;
pub mod report;
pub mod search;
pub mod structure;
pub mod text;
pub mod validity;
pub mod web;

pub use error::{Error, Result};
