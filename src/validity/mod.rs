//! Hiệu lực: the validity of every document held or cited, at any date, with the evidence for
//! it. At index time [`Validity::derive`] reads the effect clauses of every article
//! ([`clauses`]): each document's own entry into force, and the documents (or parts of them)
//! it ends — "hết hiệu lực kể từ ngày …", "thay thế", "bãi bỏ". Each becomes an [`Event`] of the
//! document concerned, with its [`Evidence`] (document, article, the words quoted verbatim,
//! kind). A document only cited gets a record too ([`crate::catalog::cited`]). Where no text
//! states an entry into force, the Pháp điển note's effective date is used (evidence kind
//! `phapdien_note`). [`Validity::status_at`] turns the events into one of the five
//! [`Status`] labels at a date; where nothing establishes one it is "chưa rõ", never a guess.
//! The result is stored beside the citation graph in the index generation ([`FILE`], an
//! [`crate::index::packed`] file: a table of ids with each record's place, so that a command
//! about one document reads that record alone: [`Validity::load_for`]).
//! [`versions`] compares an article's texts in two Pháp điển releases (a hint, never a status).

pub mod articles;
pub mod clauses;
mod derive;
pub mod divisions;
pub mod horizon;
pub mod json;
mod part_after;
pub mod versions;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use derive::{derive, derive_pass, Later};
pub use json::{document_json, status_json};

use crate::catalog::CitedDocument;
use crate::model::{Date, DocType, Status};
use crate::Result;

/// The file inside an index generation.
pub const FILE: &str = "validity.bin";
const MAGIC: &[u8; 8] = b"CANCUVAL";
const VERSION: u32 = 3;

/// The stored table of [`FILE`]: each record's id (in order) and place among the records
/// (JSON each), and the place of the list of documents only cited.
#[derive(Serialize, Deserialize)]
struct Table {
    rows: Vec<(String, (u32, u32))>,
    cited: (u32, u32),
}

/// What kind of words establish an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// The document's own "có hiệu lực thi hành từ ngày …".
    Effective,
    /// The Pháp điển note of the document's article: "có hiệu lực thi hành kể từ ngày …" (the
    /// quote is the note's wording, not the article's).
    PhapdienNote,
    /// "X hết hiệu lực (thi hành) kể từ ngày …".
    Expires,
    /// "… thay thế X".
    Replaces,
    /// "bãi bỏ X" / "bãi bỏ Điều … của X".
    Abolishes,
    /// A hand-written record's status with its `status_source` (the quote is the source as
    /// written: an article of a held document, or an official link).
    Record,
}

impl EvidenceKind {
    /// The Vietnamese label.
    pub fn as_vi(self) -> &'static str {
        match self {
            EvidenceKind::Effective => "có hiệu lực",
            EvidenceKind::PhapdienNote => "ghi chú Pháp điển",
            EvidenceKind::Expires => "hết hiệu lực",
            EvidenceKind::Replaces => "thay thế",
            EvidenceKind::Abolishes => "bãi bỏ",
            EvidenceKind::Record => "thông tin văn bản có nguồn",
        }
    }
}

/// The words that establish an event: `quote` is found verbatim in `article` of `document`
/// (pieces joined by " … " each are), except for [`EvidenceKind::PhapdienNote`] and
/// [`EvidenceKind::Record`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The stating document's id.
    pub document: String,
    /// Its label ("Bộ luật 45/2019/QH14").
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    pub quote: String,
    pub kind: EvidenceKind,
}

/// What happens to a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// It takes effect.
    Effective,
    /// It stops applying as a whole.
    Ends,
    /// Part of it (`part`) stops applying.
    EndsInPart,
}

/// One dated change of a document, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub change: Change,
    /// When; `None` when the stating document's own date is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The part concerned ("Điều 25 và khoản 3 Điều 15", "Chương V").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// The articles of the (held) document inside the chapters and sections `part` names,
    /// read from its body ([`divisions::articles_in`]); its articles and clauses named one by
    /// one are read from `part` itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_divisions: Vec<String>,
    /// Named provisions stay in force past the end ("trừ … tiếp tục có hiệu lực").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept: bool,
    /// Until when they stay, if written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_until: Option<Date>,
    pub evidence: Evidence,
}

/// The validity record of one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub doc_type: DocType,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    /// Known only by citation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cited_only: bool,
    pub events: Vec<Event>,
    /// The latest date a source shows it still current ([`horizon`]): past it, a document
    /// with no end known is "chưa rõ", not "còn hiệu lực".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub known_until: Option<horizon::KnownUntil>,
    /// For a document the newest Pháp điển release compiles (no horizon): how far that
    /// release's data reaches (the signing date of the newest document it holds). Past it
    /// the status stands, with a note that later documents are not in the corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_until: Option<horizon::KnownUntil>,
}

impl Record {
    /// The record of a document known only by citation, before any event: what the
    /// citations read (number, type, name, date); "chưa rõ" until a text states a status.
    pub fn cited(c: &CitedDocument) -> Record {
        Record {
            id: c.id.clone(),
            number: Some(c.number.clone()),
            doc_type: c.doc_type,
            title: c.name.clone().unwrap_or_else(|| format!("{} {}", c.doc_type.as_vi(), c.number)),
            signed: c.signed,
            cited_only: true,
            events: Vec::new(),
            known_until: None,
            current_until: None,
        }
    }

    /// "Bộ luật 10/2012/QH13", or the title.
    pub fn label(&self) -> String {
        match &self.number {
            Some(n) => format!("{} {}", self.doc_type.as_vi(), n),
            None => self.title.clone(),
        }
    }

    /// When the document took (or takes) effect.
    pub fn effective(&self) -> Option<Date> {
        self.events.iter().find(|e| e.change == Change::Effective).and_then(|e| e.date)
    }

    /// When it stopped applying: wholly, else (a partial repeal) when the first part did —
    /// the `expired` of the status truth (`eval/status`: for a document "hết hiệu lực một
    /// phần", when the repealed part stopped applying). [`Record::expired_wholly`] and
    /// [`Record::expired_in_part`] tell the two apart.
    pub fn expired(&self) -> Option<Date> {
        self.expired_wholly().or_else(|| self.expired_in_part())
    }

    /// When it stopped applying as a whole (the earliest dated end; provisions may be kept in
    /// force past it, see [`Record::ended`]).
    pub fn expired_wholly(&self) -> Option<Date> {
        self.first(Change::Ends)
    }

    /// When a part of it first stopped applying (the earliest dated partial repeal).
    pub fn expired_in_part(&self) -> Option<Date> {
        self.first(Change::EndsInPart)
    }

    fn first(&self, c: Change) -> Option<Date> {
        self.dates(c).min()
    }

    /// The dates of the dated events of kind `c`.
    fn dates(&self, c: Change) -> impl Iterator<Item = Date> + '_ {
        self.events.iter().filter(move |e| e.change == c).filter_map(|e| e.date)
    }

    /// When it stopped applying as a whole (no provision kept in force past it), if it did.
    pub fn ended(&self) -> Option<Date> {
        self.events.iter().filter(|e| e.change == Change::Ends && !e.kept).filter_map(|e| e.date).min()
    }

    /// The status at `at`, with the evidence for it.
    pub fn status_at(&self, at: Date) -> StatusAt {
        let dated = |c: Change| {
            let mut v: Vec<&Event> =
                self.events.iter().filter(|e| e.change == c && e.date.is_some_and(|d| d <= at)).collect();
            v.sort_by_key(|e| e.date);
            v
        };
        let ends = dated(Change::Ends);
        let parts = dated(Change::EndsInPart);
        let (status, evidence): (Status, Vec<&Event>) = if !ends.is_empty() {
            // Provisions kept in force past the end (until a date not yet reached, or
            // without an end date) leave it partly in force.
            let kept = ends.iter().all(|e| e.kept && e.kept_until.is_none_or(|u| u >= at));
            (if kept { Status::PartlyRepealed } else { Status::Repealed }, ends)
        } else if !parts.is_empty() {
            (Status::PartlyRepealed, parts)
        } else {
            let eff: Vec<&Event> = self.events.iter().filter(|e| e.change == Change::Effective).collect();
            match eff.first().and_then(|e| e.date) {
                Some(d) if d > at => (Status::NotYetInForce, eff),
                Some(_) => (Status::InForce, eff),
                None => (Status::Unknown, Vec::new()),
            }
        };
        let mut s = StatusAt {
            status,
            effective: self.effective(),
            expired: self.expired(),
            expired_wholly: self.expired_wholly(),
            expired_in_part: self.expired_in_part(),
            evidence: evidence.into_iter().map(|e| e.evidence.clone()).collect(),
            caveat: None,
        };
        // In force (wholly, or but for the parts repealed) by its own words, with no later end
        // known, past the latest source showing it current: not known (a known later end
        // shows it in force until then). A partial repeal says that those parts ended, not
        // that the rest is still in force years later; the document repealing them shows the
        // rest current on that day (and a partial repeal still to come, until then).
        let ends_known = self.dates(Change::Ends).next().is_some();
        let last_part = self.dates(Change::EndsInPart).max();
        if let (Status::InForce | Status::PartlyRepealed, Some(k), false) =
            (status, &self.known_until, ends_known)
        {
            if at > k.date && last_part.is_none_or(|p| at > p) {
                let parts = match s.expired_in_part.filter(|_| status == Status::PartlyRepealed) {
                    Some(d) => format!(
                        "Một số quy định đã hết hiệu lực từ ngày {} (xem lịch sử hiệu lực). ",
                        crate::link::warn::vi_date(d)
                    ),
                    None => String::new(),
                };
                s.status = Status::Unknown;
                s.evidence.clear();
                s.caveat = Some(format!("{parts}{}", k.caveat()));
            }
        }
        if let (Status::InForce | Status::PartlyRepealed, None, Some(c), false) =
            (s.status, &self.known_until, &self.current_until, ends_known)
        {
            if at > c.date {
                s.caveat = Some(c.data_ends());
            }
        }
        s
    }
}

/// A document's status at a date (the default: "chưa rõ", nothing known).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusAt {
    pub status: Status,
    pub effective: Option<Date>,
    /// When it stopped (or stops) applying, whatever `at` is: wholly, else when its first
    /// repealed part did ([`Record::expired`]).
    pub expired: Option<Date>,
    /// When it stopped (or stops) applying as a whole, whatever `at` is.
    pub expired_wholly: Option<Date>,
    /// When a part of it first stopped (or stops) applying, whatever `at` is: a partial
    /// repeal's date, never read as the whole document's end.
    pub expired_in_part: Option<Date>,
    pub evidence: Vec<Evidence>,
    /// Why a document in force by its own words is "chưa rõ" at the date (Vietnamese).
    pub caveat: Option<String>,
}

/// The validity records of a corpus: held documents and those only cited.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    pub records: BTreeMap<String, Record>,
    /// The cited-only documents, as read from their citations.
    pub cited: Vec<CitedDocument>,
}

impl Validity {
    /// Reads the effect clauses of `docs`; see [`derive`].
    pub fn derive(docs: &[crate::model::Document], catalog: &crate::catalog::Catalog) -> Validity {
        derive(docs, catalog)
    }

    /// Adds the documents only cited that other citations than effect clauses name (the
    /// citation graph's [`crate::catalog::CitedTally`]): a record each, with no event
    /// ("chưa rõ" until a text states one); those already known are skipped.
    pub fn add_cited(&mut self, cited: Vec<CitedDocument>) {
        for c in cited {
            if self.records.contains_key(&c.id) {
                continue;
            }
            self.records.insert(c.id.clone(), Record::cited(&c));
            self.cited.push(c);
        }
    }

    /// The record of a document id.
    pub fn get(&self, id: &str) -> Option<&Record> {
        self.records.get(id)
    }

    /// The status of document `id` at `at` ("chưa rõ" for an unknown id).
    pub fn status_at(&self, id: &str, at: Date) -> StatusAt {
        self.get(id).map(|r| r.status_at(at)).unwrap_or_default()
    }

    /// The status shown beside document `id` at `at`: these records' when they know it, else
    /// `fallback` (the catalog's). The one rule of the pages (`web::Snapshot::status_at`) and
    /// the linker's sources.
    pub fn status_or(&self, id: &str, at: Date, fallback: Status) -> Status {
        match self.status_at(id, at).status {
            Status::Unknown => fallback,
            s => s,
        }
    }

    /// The documents that ended document `id` wholly, by `at` ("Bộ luật 45/2019/QH14"), when
    /// it is "hết hiệu lực" then: what a search hit of a replaced document names.
    pub fn replaced_by(&self, id: &str, at: Date) -> Vec<String> {
        let s = self.status_at(id, at);
        if s.status != Status::Repealed {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for e in &s.evidence {
            if !out.contains(&e.label) {
                out.push(e.label.clone());
            }
        }
        out
    }

    /// Every record's status at `at`, by id.
    pub fn statuses_at(&self, at: Date) -> std::collections::HashMap<String, Status> {
        self.records.iter().map(|(id, r)| (id.clone(), r.status_at(at).status)).collect()
    }

    /// Writes `dir/validity.bin` (temporary file, then rename).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let mut records = Vec::new();
        let mut rows = Vec::with_capacity(self.records.len());
        for (id, r) in &self.records {
            rows.push((id.clone(), crate::index::packed::push_json(&mut records, r)?));
        }
        let cited = crate::index::packed::push_json(&mut records, &self.cited)?;
        crate::index::packed::write(&dir.join(FILE), MAGIC, VERSION, &Table { rows, cited }, &records)
    }

    /// Reads `dir/validity.bin` whole.
    ///
    /// Errors (naming the file): missing or unreadable, of another format, changed or cut.
    pub fn load(dir: &Path) -> Result<Validity> {
        let path = dir.join(FILE);
        let p = crate::index::packed::read::<Table>(&path, MAGIC, VERSION)?;
        let mut v = Validity::default();
        for (id, span) in p.table.rows {
            v.records.insert(id, crate::index::packed::json_at(&path, &p.records, span)?);
        }
        v.cited = crate::index::packed::json_at(&path, &p.records, p.table.cited)?;
        Ok(v)
    }

    /// The records of `ids` alone (those known; no list of documents only cited), read from
    /// `dir/validity.bin` without reading the others: what a command about one document
    /// needs. Any other id is "chưa rõ" in the result.
    ///
    /// Errors: as [`Validity::load`].
    pub fn load_for(dir: &Path, ids: &[&str]) -> Result<Validity> {
        let path = dir.join(FILE);
        let p = crate::index::packed::read::<Table>(&path, MAGIC, VERSION)?;
        let mut v = Validity::default();
        for id in ids {
            if let Ok(i) = p.table.rows.binary_search_by(|(k, _)| k.as_str().cmp(id)) {
                let (k, span) = &p.table.rows[i];
                v.records.insert(k.clone(), crate::index::packed::json_at(&path, &p.records, *span)?);
            }
        }
        Ok(v)
    }

    /// The records of the live generation of the index at `index`.
    pub fn open(index: &Path) -> Result<Validity> {
        Validity::load(&crate::index::current(index)?)
    }
}

#[cfg(test)]
mod tests;
