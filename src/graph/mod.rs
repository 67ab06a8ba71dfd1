//! (graph: under construction)
