//! One module per verb: argument structs and the glue from arguments to the library.

pub mod cite;
pub mod import;
pub mod index;
pub mod link;
pub mod search;
pub mod serve;
pub mod show;
