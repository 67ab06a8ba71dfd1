//! The catalog as saved in an index generation (`catalog.bin`, an [`crate::index::packed`]
//! file): a table of every record's id, type, articles held, corpus file and flags, with
//! what the lookups derive from the records — the number keys, serials and name keys with
//! their records, the citation reader's lexicon tables, the data date — and each record's
//! metadata (without per-article records) as JSON, read only when a lookup returns it.
//! Written when the generation is built, read by the searcher and the command line, so that
//! neither reads the corpus, parses every record or recomputes a key to look a document up.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::{Catalog, DataDate, Held, Record};
use crate::index::packed;
use crate::model::{DocType, Metadata};
use crate::{Error, Result};

/// The file name inside a generation.
pub const FILE: &str = "catalog.bin";

/// The file of the JSON format before `catalog.bin` (its generations are refused by name).
const OLD_FILE: &str = "catalog.json";

const MAGIC: &[u8; 8] = b"CANCUCAT";

/// The format's version: a different one is refused (the index is rebuilt).
/// 7: serials keyed without their leading zeros ([`crate::number::serial_key`]).
const VERSION: u32 = 7;

/// The stored table (fixed-shape types only: see [`packed`]).
#[derive(Serialize, Deserialize)]
struct Table {
    /// The corpus directory the catalog was read from, if one.
    corpus: Option<PathBuf>,
    /// The document types by the numbers the rows use ([`DocType::as_vi`]), so that a new
    /// type in a later cancu never turns one number into another type.
    types: Vec<String>,
    rows: Vec<Row>,
    /// Number keys, serials and name keys (in order), each with its records.
    by_key: Vec<(String, Vec<u32>)>,
    by_serial: Vec<(String, Vec<u32>)>,
    by_name: Vec<(String, Vec<u32>)>,
    /// The lexicon's name keys by type family ([`crate::cite::Lexicon::tables`]).
    lexicon: Vec<(u8, Vec<String>)>,
    data_date: Option<DataDate>,
}

#[derive(Serialize, Deserialize)]
struct Row {
    id: String,
    doc_type: u8,
    /// Where its metadata is among the records.
    span: (u32, u32),
    /// The numbers of the articles held, in order, and each one's highest khoản.
    numbers: Vec<String>,
    clauses: Vec<u16>,
    file: Option<PathBuf>,
    /// Known only by citation (see [`super::cited`]).
    cited_only: bool,
}

/// The records' bytes of a loaded catalog file, shared by its records.
#[derive(Debug)]
pub(super) struct Blob {
    path: PathBuf,
    bytes: Vec<u8>,
}

/// A stored record, read on first use.
#[derive(Clone)]
pub(super) struct Lazy {
    blob: Arc<Blob>,
    span: (u32, u32),
    meta: OnceLock<Metadata>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy").field("span", &self.span).field("meta", &self.meta.get()).finish()
    }
}

impl Lazy {
    /// Whether the record was read.
    #[cfg(test)]
    pub(super) fn is_read(&self) -> bool {
        self.meta.get().is_some()
    }

    /// The record's metadata, read now if not yet.
    pub(super) fn meta(&self) -> &Metadata {
        self.meta.get_or_init(|| {
            // The whole file's checksum was checked when it was loaded, and these bytes were
            // written by `save` from a `Metadata`: a failure here is a bug, not bad data.
            packed::json_at(&self.blob.path, &self.blob.bytes, self.span)
                .unwrap_or_else(|e| panic!("stored catalog record unreadable: {e}"))
        })
    }
}

impl Catalog {
    /// Writes the catalog into the generation directory `dir`.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let mut records = Vec::new();
        let mut rows = Vec::with_capacity(self.docs.len());
        for (r, h) in self.docs.iter().zip(&self.held) {
            let span = if r.articles.is_empty() {
                packed::push_json(&mut records, &**r)?
            } else {
                let mut meta: Metadata = (**r).clone();
                meta.articles = Vec::new();
                packed::push_json(&mut records, &meta)?
            };
            rows.push(Row {
                id: r.id.clone(),
                doc_type: type_number(r.doc_type),
                span,
                numbers: h.numbers.clone(),
                clauses: h.clauses.clone(),
                file: h.file.clone(),
                cited_only: self.cited_only.contains(&r.id),
            });
        }
        let sorted = |m: &HashMap<String, Vec<usize>>| {
            let mut v: Vec<(String, Vec<u32>)> =
                m.iter().map(|(k, ix)| (k.clone(), ix.iter().map(|&i| i as u32).collect())).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        let lexicon = self
            .lexicon()
            .tables()
            .into_iter()
            .map(|(t, keys)| (type_number(t), keys.into_iter().map(String::from).collect()))
            .collect();
        let table = Table {
            corpus: self.corpus.clone(),
            types: DocType::ALL.iter().map(|t| t.as_vi().to_string()).collect(),
            rows,
            by_key: sorted(&self.by_key),
            by_serial: sorted(&self.by_serial),
            by_name: sorted(&self.by_name),
            lexicon,
            data_date: self.data_date(),
        };
        packed::write(&dir.join(FILE), MAGIC, VERSION, &table, &records)
    }

    /// Reads the catalog saved in the generation directory `dir`: the table whole, each
    /// record's metadata when a lookup first returns it.
    ///
    /// Errors (naming the file): missing or unreadable; saved by a cancu of another format
    /// (an older generation's `catalog.json` included), changed or cut — rebuild the index.
    pub fn load(dir: &Path) -> Result<Catalog> {
        let path = dir.join(FILE);
        if !path.exists() && dir.join(OLD_FILE).exists() {
            return Err(Error::format(
                dir.join(OLD_FILE),
                "danh mục văn bản theo định dạng cũ (JSON) của một bản cancu trước; hãy lập lại chỉ mục (cancu index)",
            ));
        }
        let packed::Packed { table, records } = packed::read::<Table>(&path, MAGIC, VERSION)?;
        let bad = |why: &str| Error::format(&path, format!("{why}; hãy lập lại chỉ mục (cancu index)"));
        let types: Vec<DocType> = table
            .types
            .iter()
            .map(|s| DocType::parse(s).ok_or_else(|| bad(&format!("loại văn bản lạ {s:?}"))))
            .collect::<Result<_>>()?;
        let type_of = |n: u8| types.get(n as usize).copied().ok_or_else(|| bad("số loại văn bản lạ"));
        let n = table.rows.len();
        let blob = Arc::new(Blob { path: path.clone(), bytes: records });
        let mut c = Catalog::default();
        c.docs.reserve(n);
        c.types.reserve(n);
        c.held.reserve(n);
        c.by_id.reserve(n);
        for (i, row) in table.rows.into_iter().enumerate() {
            if row.cited_only {
                c.cited_only.insert(row.id.clone());
            }
            c.by_id.insert(row.id, i);
            c.types.push(type_of(row.doc_type)?);
            c.docs.push(Record::Stored(Box::new(Lazy {
                blob: blob.clone(),
                span: row.span,
                meta: OnceLock::new(),
            })));
            c.held.push(Held { numbers: row.numbers, clauses: row.clauses, file: row.file });
        }
        let index = |v: Vec<(String, Vec<u32>)>| -> Result<HashMap<String, Vec<usize>>> {
            let mut m = HashMap::with_capacity(v.len());
            for (k, ix) in v {
                if ix.iter().any(|&i| i as usize >= n) {
                    return Err(bad("chỉ số bản ghi ngoài bảng"));
                }
                m.insert(k, ix.into_iter().map(|i| i as usize).collect());
            }
            Ok(m)
        };
        c.names_sorted = table.by_name.iter().map(|(k, _)| k.clone()).collect::<BTreeSet<String>>();
        c.by_key = index(table.by_key)?;
        c.by_serial = index(table.by_serial)?;
        c.by_name = index(table.by_name)?;
        let lexicon = table
            .lexicon
            .into_iter()
            .map(|(t, keys)| Ok((type_of(t)?, keys)))
            .collect::<Result<Vec<(DocType, Vec<String>)>>>()?;
        let _ = c.lexicon.set(crate::cite::Lexicon::from_tables(lexicon));
        let _ = c.data_date.set(table.data_date);
        c.corpus = table.corpus;
        Ok(c)
    }
}

/// A type's number in the stored table's `types`.
fn type_number(t: DocType) -> u8 {
    DocType::ALL.iter().position(|x| *x == t).expect("every type is in DocType::ALL") as u8
}
