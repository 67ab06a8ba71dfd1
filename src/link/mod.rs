//! (link: under construction)
