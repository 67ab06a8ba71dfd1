//! (index: under construction)
