//! (web: under construction)
