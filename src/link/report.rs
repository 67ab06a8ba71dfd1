//! The linker's result: the plan's citations (each with its clause, link and the cited
//! document's status), its clauses with the sources each cites, the sources with the clauses
//! citing them, and the warnings. Serializes to the JSON of `cancu link --format json` and
//! `POST /api/link`. All spans are byte offsets into the text as given.

use serde::Serialize;

use super::outline::Clause;
use super::warn::Warning;
use crate::cite::Citation;
use crate::model::{Date, Status};

/// One citation of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Linked {
    #[serde(flatten)]
    pub citation: Citation,
    /// The number (path) of the clause it is in ("II.1"; "" for the preamble).
    pub clause: String,
    /// Link to the cited document, article-level where pinpointed (`/doc/<id>#dieu-5-khoan-2`).
    pub href: Option<String>,
    /// The cited document's label ("Nghị định 59/2023/NĐ-CP").
    pub label: Option<String>,
    /// The cited document's status (Vietnamese; "chưa rõ" when unknown).
    pub status: Option<Status>,
}

/// One clause with what it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseSources {
    #[serde(flatten)]
    pub clause: Clause,
    /// Distinct resolved targets (document ids), in order of first citation.
    pub targets: Vec<String>,
    /// The surface text of unresolved references in the clause.
    pub unresolved: Vec<String>,
    /// Indices into `citations`.
    pub citations: Vec<usize>,
}

/// One cited document with the clauses citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub target: String,
    pub label: String,
    pub title: String,
    pub status: Status,
    pub href: String,
    /// Clause numbers, distinct, in text order.
    pub clauses: Vec<String>,
    pub citations: Vec<usize>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkReport {
    /// The plan's date, read from its header.
    pub date: Option<Date>,
    /// The place in the header ("Yên Bái").
    pub place: Option<String>,
    pub citations: Vec<Linked>,
    pub clauses: Vec<ClauseSources>,
    pub sources: Vec<Source>,
    pub warnings: Vec<Warning>,
}

impl LinkReport {
    /// The clause numbered `number`.
    pub fn clause(&self, number: &str) -> Option<&ClauseSources> {
        self.clauses.iter().find(|c| c.clause.number == number)
    }

    /// The source entry for document `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.target == id)
    }
}
