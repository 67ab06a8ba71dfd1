//! (import: under construction)
