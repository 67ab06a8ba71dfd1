//! Integration tests: cite.
