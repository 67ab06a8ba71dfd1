//! (cite: under construction)
