//! The linker's result: the plan's citations (each with its clause, link and the cited
//! document's status), its clauses with the sources each cites, the sources with the clauses
//! citing them, and the warnings. Serializes to the JSON of `cancu link --format json` and
//! `POST /api/link`. All spans are byte offsets into the text as given.

use serde::Serialize;

use super::outline::Clause;
use super::warn::{Warning, WarningGroup};
use crate::cite::Citation;
use crate::model::{Date, Status};

/// One citation of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Linked {
    #[serde(flatten)]
    pub citation: Citation,
    /// The number (path) of the clause it is in ("II.1"; "" for the preamble).
    pub clause: String,
    /// Link to the cited document, article-level where pinpointed (`/van-ban/<id>#dieu-5-khoan-2`).
    pub href: Option<String>,
    /// The cited document's label ("Nghị định 59/2023/NĐ-CP").
    pub label: Option<String>,
    /// The cited document's status (Vietnamese; "chưa rõ" when unknown): with validity
    /// records ([`super::link_with`]), theirs at the plan's date when they know it.
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

impl ClauseSources {
    /// Whether the clause cites another document, found or not (a reference to the plan
    /// itself, "kế hoạch này", names none).
    pub fn names_a_source(&self) -> bool {
        !self.targets.is_empty() || !self.unresolved.is_empty()
    }
}

/// One cited document with the clauses citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub target: String,
    pub label: String,
    pub title: String,
    /// As [`Linked::status`]: the validity records' at the plan's date when they know it,
    /// else the catalog's.
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
    /// A draft's header with the day left blank: its month and year ("03/2025"); `date` is
    /// then `None` and statuses are those of today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated_month: Option<String>,
    pub citations: Vec<Linked>,
    pub clauses: Vec<ClauseSources>,
    pub sources: Vec<Source>,
    /// Grouped per citation and sorted by severity ([`super::warn::order`]).
    pub warnings: Vec<Warning>,
    /// The warnings per citation (or per span that is no citation), most serious first.
    pub groups: Vec<WarningGroup>,
    /// What was found, resolved, uncertain and warned.
    pub summary: Summary,
}

/// The counts of a report, for its summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    /// Citations read in the text (references to the text itself included).
    pub citations: usize,
    /// Citations resolved to a document of the catalog.
    pub resolved: usize,
    /// Of those, citations of a document known only by citation (its text is not in the
    /// corpus: its articles and status cannot be checked there).
    pub cited_only: usize,
    /// Citations several documents fit (not resolved; the warning names the candidates).
    pub uncertain: usize,
    /// Citations naming a document (by number or name) the catalog does not hold.
    pub not_held: usize,
    /// The other citations: to the text itself ("Điều 5 của Kế hoạch này"), or naming no
    /// document (a bare "khoản 2 Điều 5"). `resolved + uncertain + not_held + other` is
    /// `citations`.
    pub other: usize,
    /// Places warned about: citations with at least one warning, and other spans (deadlines).
    pub warned: usize,
    /// Warnings in all.
    pub warnings: usize,
}

impl Summary {
    /// Counts `citations` and the warning `groups`.
    /// `missing`: whether an unresolved citation names a version not held
    /// ([`super::warn::version_missing`]), counted as not held rather than uncertain.
    pub fn of(
        citations: &[Linked],
        groups: &[WarningGroup],
        warnings: usize,
        cited_only: usize,
        missing: &dyn Fn(&crate::cite::Citation) -> bool,
    ) -> Summary {
        // A base law inside an amending law's title is part of that citation, not one more.
        let citations: Vec<&Linked> = citations.iter().filter(|l| l.citation.within.is_none()).collect();
        let (mut uncertain, mut not_held, mut other) = (0, 0, 0);
        for c in citations.iter().map(|l| &l.citation) {
            if c.target.is_some() {
                continue;
            }
            if c.self_ref || (c.number.is_none() && c.name.is_none()) {
                other += 1;
                continue;
            }
            if missing(c) {
                not_held += 1;
            } else if c.confidence == Some(crate::cite::Confidence::Ambiguous) || !c.candidates.is_empty() {
                uncertain += 1;
            } else {
                not_held += 1;
            }
        }
        Summary {
            citations: citations.len(),
            resolved: citations.iter().filter(|l| l.citation.target.is_some()).count(),
            cited_only,
            uncertain,
            not_held,
            other,
            warned: groups.len(),
            warnings,
        }
    }

    /// The summary line, in Vietnamese: "42 trích dẫn: 38 đã xác định được văn bản, 1 chưa
    /// chắc chắn, 3 chưa có trong kho; 9 cảnh báo tại 7 chỗ."
    pub fn as_vi(&self) -> String {
        let other = match self.other {
            0 => String::new(),
            n => format!(", {n} dẫn chiếu tới chính văn bản hoặc không nêu văn bản"),
        };
        let cited_only = match self.cited_only {
            0 => String::new(),
            n => format!(" (trong đó {n} chỉ biết qua trích dẫn, kho chưa có toàn văn)"),
        };
        format!(
            "{} trích dẫn: {} đã xác định được văn bản{cited_only}, {} chưa chắc chắn, {} chưa có trong kho{other}; {} cảnh báo tại {} chỗ.",
            self.citations, self.resolved, self.uncertain, self.not_held, self.warnings, self.warned
        )
    }
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
