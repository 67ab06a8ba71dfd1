//! (search: under construction)
