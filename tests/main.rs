//! Integration tests: one binary, one module per theme. Tests that read the real data in
//! `../shared` skip themselves when it is absent, unless `CANCU_REQUIRE_SHARED=1` (set by
//! `.ci/run`), in which case its absence is a failure.

mod cite;
mod common;
mod fuzz;
mod import;
mod link;
mod questions;
mod reference;
mod search;
mod validity;
mod vanban;
mod web;
