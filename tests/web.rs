//! Integration tests: web.
