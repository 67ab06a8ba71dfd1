//! The citation graph: typed edges from a citing article (or preamble line) to a cited
//! document and, where the text pinpoints it, to the cited article, khoản and điểm. Built at
//! index time ([`build`]) from the citations of every article and the Pháp điển's notes,
//! stored inside the index directory ([`Graph::save`], [`Graph::load`]) and swapped with it.
//! A document never cites itself: self-references and edges back to the citing document are
//! dropped.

mod build;
mod edges;
mod kind;
mod links;
mod snippet;
mod store;

pub use build::{build, build_with_cited, Resolve};
pub use edges::{inverse_vi, pinpoint_vi, Edge, Graph, Origin};
pub use kind::{classify, is_basis_line};
pub use links::{links, Group, Link, Links};
pub use snippet::{around, collapse, Snippet};
pub use store::FILE;

#[cfg(test)]
mod tests;
