//! Citations: finding, reading and resolving references to legal and Party documents in
//! free Vietnamese text. Stages, as in eyecite: clean → find → read → resolve → annotate.
//! (Under construction: the data type is fixed here; the stages land next.)

mod citation;

pub use citation::{Citation, Pinpoint};
