//! The catalog: the one document table. Every document's metadata in memory, with the one
//! lookup of each kind that the rest of cancu uses to turn what a reader wrote into a
//! document: by id; by number (folded, so `ND-CP` finds `NĐ-CP`; number aliases included);
//! by number and type; by serial (and year, and type) for the shorthand people type ("NĐ
//! 145/2020", "nghị định 145"); by name — the whole name of a title or a name alias, never a
//! part of one — with every version sharing it ([`pick_version`] chooses). Citation
//! resolution ([`crate::cite`]), search routing, `show`, the graph, the linker and the web
//! all look documents up here, through these rules and no others.
//!
//! A catalog is built from corpus documents (at index time, or by the server over its
//! library) and saved into each index generation ([`Catalog::save`], `catalog.bin`), with
//! the keys its lookups use, so that the command line and the searcher open it without
//! reading the corpus, parsing every record or computing a key ([`stored`]).

pub mod cited;
mod names;
mod stored;
pub mod topics;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use cited::{is_unnamed, CitedDocument, CitedTally};
pub use names::name_key;
pub use stored::FILE;

use crate::model::{Date, DocType, Document, Metadata};
use crate::number;

/// How current the data of a catalog is: see [`Catalog::data_date`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataDate {
    /// The newest signing date of a document compiled in the release.
    pub date: Date,
    /// The newest Pháp điển release held ("phapdien-2026").
    pub release: String,
}

/// A catalog record: metadata of its own, shared with the document that carries it (a
/// server holds every document's metadata once, for its library and its catalog), or still
/// in the generation's stored catalog, read when first asked for ([`stored`]).
#[derive(Debug, Clone)]
enum Record {
    Owned(Box<Metadata>),
    Shared(Arc<Document>),
    Stored(Box<stored::Lazy>),
}

impl std::ops::Deref for Record {
    type Target = Metadata;

    fn deref(&self) -> &Metadata {
        match self {
            Record::Owned(m) => m,
            Record::Shared(d) => &d.meta,
            Record::Stored(l) => l.meta(),
        }
    }
}

impl Record {
    /// The metadata, to change (a stored record is read and becomes owned).
    fn make_mut(&mut self) -> &mut Metadata {
        if let Record::Stored(l) = self {
            *self = Record::Owned(Box::new(l.meta().clone()));
        }
        match self {
            Record::Owned(m) => m,
            Record::Shared(d) => &mut Arc::make_mut(d).meta,
            Record::Stored(_) => unreachable!("made owned above"),
        }
    }
}

/// What the catalog knows of a record besides its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Held {
    /// The numbers of the articles whose text the corpus holds, in the document's order.
    numbers: Vec<String>,
    /// Beside each, its highest numbered khoản (0: none numbered).
    clauses: Vec<u16>,
    /// The corpus file of the document, relative to the corpus directory when it is inside.
    file: Option<PathBuf>,
}

impl Held {
    fn of(d: &Document) -> Held {
        let numbers: Vec<String> = d.articles().map(|a| a.number.clone()).collect();
        let clauses = d
            .articles()
            .map(|a| {
                let outline = crate::structure::Outline::of(a);
                outline.clauses.iter().filter_map(|c| c.number.parse::<u16>().ok()).max().unwrap_or(0)
            })
            .collect();
        Held { numbers, clauses, file: None }
    }
}

/// The part of a pinpoint a document lacks ([`Catalog::lacks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The article ("Điều 300").
    Article(String),
    /// A khoản of an article held ("khoản 3 Điều 35").
    Clause { clause: String, article: String },
}

impl std::fmt::Display for Missing {
    /// In words: "Điều 300", "khoản 3 Điều 35".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Article(a) => write!(f, "Điều {a}"),
            Missing::Clause { clause, article } => write!(f, "khoản {clause} Điều {article}"),
        }
    }
}

/// Document metadata indexed for lookups. Build it once per corpus; lookups are hash probes.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    docs: Vec<Record>,
    /// Each record's type, beside it (read without reading the record).
    types: Vec<DocType>,
    held: Vec<Held>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_serial: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// The corpus directory the records were read from (canonical), if one.
    corpus: Option<PathBuf>,
    /// The name keys in order, for the names that begin with a given one.
    names_sorted: std::collections::BTreeSet<String>,
    /// The names the citation reader knows, built on first use.
    lexicon: std::sync::OnceLock<crate::cite::Lexicon>,
    /// Ids of records known only by citation (see [`cited`]).
    cited_only: std::collections::HashSet<String>,
    /// [`Catalog::data_date`], computed on first use (the start page and `/api/health` ask
    /// for it on every request).
    data_date: std::sync::OnceLock<Option<DataDate>>,
    /// Each word of the name keys → the records whose name holds it, built on first use
    /// ([`Catalog::names_with_words`]).
    name_words: std::sync::OnceLock<HashMap<String, Vec<usize>>>,
}

impl Catalog {
    /// Builds a catalog from metadata records (articles held: those the metadata lists). A
    /// record whose id repeats an earlier one is ignored (the corpus loader reports
    /// duplicates).
    pub fn new(metas: impl IntoIterator<Item = Metadata>) -> Catalog {
        Catalog::of_records(metas.into_iter().map(|m| {
            let numbers: Vec<String> = m.articles.iter().map(|a| a.number.clone()).collect();
            // Metadata alone: the articles' clauses are not known.
            let held = Held { numbers, clauses: Vec::new(), file: None };
            (Record::Owned(Box::new(m)), held)
        }))
    }

    /// Builds a catalog over documents shared with their other holders (no metadata copied).
    pub fn from_shared(docs: impl IntoIterator<Item = Arc<Document>>) -> Catalog {
        Catalog::of_records(docs.into_iter().map(|d| {
            let held = Held::of(&d);
            (Record::Shared(d), held)
        }))
    }

    /// Builds a catalog from loaded documents (their metadata is cloned, without the
    /// per-article records).
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Catalog {
        Catalog::of_records(docs.into_iter().map(|d| {
            let mut m = d.meta.clone();
            m.articles = Vec::new();
            (Record::Owned(Box::new(m)), Held::of(d))
        }))
    }

    fn of_records(records: impl IntoIterator<Item = (Record, Held)>) -> Catalog {
        let mut c = Catalog::default();
        for (m, held) in records {
            if c.by_id.contains_key(&m.id) {
                continue;
            }
            let i = c.docs.len();
            c.by_id.insert(m.id.clone(), i);
            let mut keys: Vec<String> = Vec::new();
            let mut serials: Vec<String> = Vec::new();
            for n in m.canonical.iter().chain(m.number.iter()).chain(m.aliases.iter()) {
                if !n.bytes().any(|b| b.is_ascii_digit()) {
                    continue; // a name alias
                }
                let k = number::key(n);
                if !k.is_empty() && !keys.contains(&k) {
                    keys.push(k);
                }
                let canon = number::canonicalize(n);
                if let Some(p) = number::parts(&canon) {
                    let s = number::serial_key(p.serial);
                    if !serials.contains(&s) {
                        serials.push(s);
                    }
                }
            }
            for k in keys {
                c.by_key.entry(k).or_default().push(i);
            }
            for s in serials {
                c.by_serial.entry(s).or_default().push(i);
            }
            let names = std::iter::once(m.title.as_str()).chain(
                m.aliases.iter().map(String::as_str).filter(|a| !a.bytes().any(|b| b.is_ascii_digit())),
            );
            let mut seen: Vec<String> = Vec::new();
            for n in names {
                let nk = name_key(n);
                if !nk.is_empty() && !seen.contains(&nk) {
                    c.by_name.entry(nk.clone()).or_default().push(i);
                    c.names_sorted.insert(nk.clone());
                    seen.push(nk);
                }
            }
            c.types.push(m.doc_type);
            c.docs.push(m);
            c.held.push(held);
        }
        c
    }

    /// Records where each document's corpus file is (`paths`: id → path, as
    /// [`crate::corpus::Loaded::paths`] gives them), relative to `root` when inside it.
    pub fn with_files(mut self, root: Option<&Path>, paths: &HashMap<String, PathBuf>) -> Catalog {
        self.corpus = root.map(canonical);
        for (i, r) in self.docs.iter().enumerate() {
            if let Some(p) = paths.get(&r.id) {
                let rel = root.and_then(|root| p.strip_prefix(root).ok()).unwrap_or(p);
                self.held[i].file = Some(rel.to_path_buf());
            }
        }
        self
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// The corpus directory the records were read from (canonical), when known: an index
    /// answers only for the corpus it was built from.
    pub fn corpus(&self) -> Option<&Path> {
        self.corpus.as_deref()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// How current the data is ("Dữ liệu cập nhật đến …"): the newest signing date among the
    /// held documents compiled in an official Pháp điển release (a `phapdien…` provenance),
    /// with the newest such release. The dump states no release date of its own (its tree
    /// file is missing and its zip times are those of packing), so the newest document it
    /// compiles is the date its data is current to. `None` without such a document.
    pub fn data_date(&self) -> Option<DataDate> {
        self.data_date.get_or_init(|| self.newest_release_date()).clone()
    }

    /// [`Catalog::data_date`], computed over every record.
    fn newest_release_date(&self) -> Option<DataDate> {
        use crate::import::phapdien::release_year;
        let today = Date::today();
        let mut out: Option<DataDate> = None;
        for m in self.docs.iter() {
            if self.cited_only.contains(&m.id) {
                continue;
            }
            let Some(release) = m
                .sources
                .iter()
                .filter(|s| s.source.starts_with("phapdien"))
                .max_by_key(|s| release_year(&s.source))
            else {
                continue;
            };
            // A date past today is a misread, not the data's date.
            let Some(signed) = m.signed.filter(|d| *d <= today) else { continue };
            let d = out.get_or_insert_with(|| DataDate { date: signed, release: release.source.clone() });
            d.date = d.date.max(signed);
            if release_year(&release.source) > release_year(&d.release) {
                d.release = release.source.clone();
            }
        }
        out
    }

    /// All records, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &Metadata> {
        self.docs.iter().map(|r| &**r)
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Metadata> {
        self.by_id.get(id).map(|&i| &*self.docs[i])
    }

    /// How many articles of document `id` the corpus holds (0 for a metadata-only record or
    /// an unknown id).
    pub fn articles(&self, id: &str) -> usize {
        self.by_id.get(id).map_or(0, |&i| self.held[i].numbers.len())
    }

    /// The first part of a pinpoint (article, then clause) the corpus does not hold of
    /// document `id`; `None` when it holds them, or holds no article of the document (nothing
    /// to check against). A clause is checked against the highest khoản numbered in the
    /// article's text.
    pub fn lacks(&self, id: &str, article: &str, clause: Option<&str>) -> Option<Missing> {
        let held = &self.held[*self.by_id.get(id)?];
        if held.numbers.is_empty() {
            return None;
        }
        let Some(i) = held.numbers.iter().position(|n| n.eq_ignore_ascii_case(article)) else {
            return Some(Missing::Article(article.to_string()));
        };
        let (c, top) = (clause?, *held.clauses.get(i)?);
        match c.parse::<u16>() {
            Ok(n) if n >= 1 && n <= top => None,
            _ => Some(Missing::Clause { clause: c.to_string(), article: article.to_string() }),
        }
    }

    /// The corpus file of document `id` as recorded (relative to the corpus directory when
    /// it was inside it), if known.
    pub fn file(&self, id: &str) -> Option<&Path> {
        self.by_id.get(id).and_then(|&i| self.held[i].file.as_deref())
    }

    fn pick(&self, ix: Option<&Vec<usize>>) -> Vec<&Metadata> {
        ix.map(|v| v.iter().map(|&i| &*self.docs[i]).collect()).unwrap_or_default()
    }

    /// Every record numbered `number` (any spelling: spaces, `ND`/`NĐ`, case; number
    /// aliases count), of any type. Several types can share a number (18/2008/QH12 is a
    /// Luật and a Nghị quyết) and provincial Party numbers repeat in every province.
    pub fn by_number(&self, number: &str) -> Vec<&Metadata> {
        self.pick(self.by_key.get(&number::key(number)))
    }

    /// Records numbered `number` whose type is `doc_type` or of its family (see
    /// [`same_family`]); all of them when `doc_type` is `None` or [`DocType::Khac`].
    pub fn by_number_and_type(&self, number: &str, doc_type: Option<DocType>) -> Vec<&Metadata> {
        of_type(self.by_number(number), doc_type)
    }

    /// Records whose number has this serial ("145"; leading zeros aside, "4" finds "04/…":
    /// [`number::serial_key`]), and this year and type when given ("NĐ 145/2020", "nghị
    /// định 145").
    pub fn by_serial(&self, serial: &str, year: Option<u16>, doc_type: Option<DocType>) -> Vec<&Metadata> {
        let all = self.pick(self.by_serial.get(&number::serial_key(serial)));
        let all: Vec<&Metadata> = match year {
            Some(y) => all.into_iter().filter(|m| number_year(m) == Some(y)).collect(),
            None => all,
        };
        of_type(all, doc_type)
    }

    /// Records whose whole title or name alias is `name` ("Thực hiện dân chủ ở cơ sở", "Luật
    /// Thực hiện dân chủ ở cơ sở", "LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ" all work; see
    /// [`name_key`]), of type `doc_type` or its family when given. All versions are
    /// returned; see [`pick_version`]. A part of a name finds nothing here: see
    /// [`Catalog::names_near`].
    pub fn by_name(&self, doc_type: Option<DocType>, name: &str) -> Vec<&Metadata> {
        let found = self.by_name.get(&name_key(name)).or_else(|| {
            // A name that starts with its type's word ("Luật sư" of "Luật Luật sư"): the key
            // drops a leading type word, which here is the name's own.
            let t = doc_type?;
            self.by_name.get(&name_key(&format!("{} {name}", t.as_vi())))
        });
        of_type(self.pick(found), doc_type)
    }

    /// Records of type `doc_type` (or its family) whose name begins with `name`, or that
    /// `name` begins with, word by word: the candidates to show for a name that matches no
    /// title whole. Never a resolution by itself.
    pub fn names_near(&self, doc_type: Option<DocType>, name: &str) -> Vec<&Metadata> {
        let key = name_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        // Longer names: those after "key " in order that begin with it.
        let with_space = format!("{key} ");
        let longer = self
            .names_sorted
            .range::<str, _>((std::ops::Bound::Included(with_space.as_str()), std::ops::Bound::Unbounded))
            .take_while(|k| k.starts_with(&with_space));
        // Shorter names: the key cut at each of its word ends.
        let shorter =
            key.match_indices(' ').map(|(i, _)| &key[..i]).filter(|k| self.by_name.contains_key(*k));
        let hits: Vec<&Metadata> = longer
            .map(String::as_str)
            .chain(shorter)
            .filter_map(|k| self.by_name.get(k))
            .flat_map(|v| v.iter().map(|&i| &*self.docs[i]))
            .collect();
        let mut hits = of_type(hits, doc_type);
        // A name typed with diacritics offers only titles whose words are its own: "Luật
        // Biển" is not "Luật Biên giới quốc gia" (probe 10).
        if !name.is_ascii() {
            let words = |s: &str| -> Vec<String> {
                crate::text::normalize(s)
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect()
            };
            let asked = words(name);
            hits.retain(|m| {
                let title = words(&m.title);
                // The title's words after its type word(s), matched on the shorter of the two.
                (0..=2.min(title.len())).any(|skip| {
                    let rest = &title[skip..];
                    let n = asked.len().min(rest.len());
                    n > 0 && rest[..n] == asked[..n]
                })
            });
        }
        hits.sort_by(|a, b| a.id.cmp(&b.id));
        hits.dedup_by(|a, b| a.id == b.id);
        hits
    }

    /// The records of type `doc_type` whose name (title or alias, as [`name_key`] reads it)
    /// holds every word of `name` and, when `issuer` is given, every word of it in the name
    /// or in the record's issuer — "Đại hội lần thứ XIX" of "Đảng bộ tỉnh" finds "Nghị quyết
    /// Đại hội đại biểu Đảng bộ tỉnh Yên Bái lần thứ XIX". Candidates for a name written
    /// otherwise than the title, never a resolution; a name of fewer than three words finds
    /// none. Sorted by id.
    pub fn names_with_words(&self, doc_type: DocType, name: &str, issuer: Option<&str>) -> Vec<&Metadata> {
        let key = name_key(name);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 3 {
            return Vec::new();
        }
        let index = self.name_words.get_or_init(|| {
            let mut m: HashMap<String, Vec<usize>> = HashMap::new();
            for (k, docs) in &self.by_name {
                for w in k.split(' ').filter(|w| !w.is_empty()) {
                    m.entry(w.to_string()).or_default().extend(docs.iter().copied());
                }
            }
            for v in m.values_mut() {
                v.sort_unstable();
                v.dedup();
            }
            m
        });
        let Some(rarest) = words.iter().map(|w| index.get(*w)).collect::<Option<Vec<_>>>() else {
            return Vec::new();
        };
        let Some(smallest) = rarest.iter().min_by_key(|v| v.len()) else { return Vec::new() };
        let issuer_words: Vec<String> = issuer
            .map(|i| crate::cite::lexicon::key(i).split(' ').map(String::from).collect())
            .unwrap_or_default();
        let mut out: Vec<&Metadata> = smallest
            .iter()
            .filter(|&&i| self.types[i] == doc_type)
            .map(|&i| &*self.docs[i])
            .filter(|m| {
                let names: Vec<String> =
                    std::iter::once(&m.title).chain(&m.aliases).map(|n| name_key(n)).collect();
                let has = |w: &str| names.iter().any(|n| n.split(' ').any(|x| x == w));
                let by = m.issuer.as_deref().map(crate::cite::lexicon::key).unwrap_or_default();
                words.iter().all(|w| has(w))
                    && issuer_words
                        .iter()
                        .filter(|w| !w.is_empty())
                        .all(|w| has(w) || by.split(' ').any(|x| x == w))
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// A relation's target as metadata records write it — an id, or a number of this type
    /// if given — when exactly one document matches (a number two documents share is not
    /// guessed).
    pub fn find(&self, target: &str, doc_type: Option<DocType>) -> Option<&Metadata> {
        if let Some(m) = self.get(target) {
            return Some(m);
        }
        match self.by_number_and_type(target, doc_type).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The citation reader's lexicon of this catalog: every title and name alias by type
    /// (names are read up to the longest one known; see [`crate::cite::Lexicon`]).
    pub fn lexicon(&self) -> &crate::cite::Lexicon {
        self.lexicon.get_or_init(|| {
            crate::cite::Lexicon::new(self.docs.iter().flat_map(|m| {
                std::iter::once((m.doc_type, m.title.as_str())).chain(
                    m.aliases
                        .iter()
                        .filter(|a| !a.bytes().any(|b| b.is_ascii_digit()))
                        .map(|a| (m.doc_type, a.as_str())),
                )
            }))
        })
    }

    /// Every record of one type (e.g. all versions of the Hiến pháp).
    pub fn by_type(&self, doc_type: DocType) -> Vec<&Metadata> {
        self.types.iter().zip(&self.docs).filter(|(t, _)| **t == doc_type).map(|(_, r)| &**r).collect()
    }
}

/// A directory's canonical path, or the path as given when it cannot be resolved.
pub fn canonical(dir: &Path) -> PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// Keeps the records of type `t` (or, when none is, of its family); all when `t` is `None`
/// or [`DocType::Khac`].
fn of_type(all: Vec<&Metadata>, t: Option<DocType>) -> Vec<&Metadata> {
    match t {
        None | Some(DocType::Khac) => all,
        Some(t) => {
            let exact: Vec<_> = all.iter().copied().filter(|m| m.doc_type == t).collect();
            if !exact.is_empty() {
                return exact;
            }
            all.into_iter().filter(|m| same_family(m.doc_type, t)).collect()
        }
    }
}

/// Types cited interchangeably (Luật/Bộ luật, Nghị quyết/Nghị quyết liên tịch, Thông
/// tư/Thông tư liên tịch).
pub fn same_family(a: DocType, b: DocType) -> bool {
    use DocType::*;
    let fam = |t| match t {
        Luat | BoLuat => 1,
        NghiQuyet | NghiQuyetLienTich => 2,
        ThongTu | ThongTuLienTich => 3,
        _ => 0,
    };
    a == b || (fam(a) != 0 && fam(a) == fam(b))
}

/// The version to cite among records sharing a name or number: those of `year` if given
/// (signed that year, or numbered with it); then, at the date `at` (the asked or citing
/// date), those not known to be out of force then (signed and in effect by then, or of
/// unknown dates, and not ended: the `effective` and `expired` that [`Catalog::with_validity`]
/// gives from the texts), else those signed on or before `at`, else none (every version came
/// later: the one meant is not held); the latest signed of them.
/// Records without a date count as of their number's year, else as oldest.
pub fn pick_version<'a>(
    candidates: &[&'a Metadata],
    year: Option<u16>,
    at: Option<Date>,
) -> Option<&'a Metadata> {
    let mut pool: Vec<&Metadata> = candidates.to_vec();
    if let Some(y) = year {
        let of_year: Vec<_> = pool.iter().copied().filter(|m| year_of(m) == Some(y)).collect();
        if !of_year.is_empty() {
            pool = of_year;
        }
    }
    if let Some(d) = at {
        let in_force: Vec<_> = pool.iter().copied().filter(|m| not_out_of_force(m, d)).collect();
        let before: Vec<_> =
            pool.iter().copied().filter(|m| signed_or_year(m).is_none_or(|s| s <= d)).collect();
        if !in_force.is_empty() {
            pool = in_force;
        } else if !before.is_empty() {
            pool = before;
        } else {
            // Every version came after: the one meant then is not held (a text of 2008 citing
            // "Luật Đấu thầu" does not mean the 2023 law).
            return None;
        }
    }
    pool.into_iter().max_by(|a, b| signed_or_year(a).cmp(&signed_or_year(b)).then_with(|| b.id.cmp(&a.id)))
}

/// When a record was signed, else the first day of the year in its number (a document known
/// only by citations that give no date).
pub fn signed_or_year(m: &Metadata) -> Option<Date> {
    m.signed.or_else(|| number_year(m).and_then(|y| Date::new(y, 1, 1)))
}

/// Whether nothing known puts `m` out of force at `d`: signed and effective by then (or not
/// known), not yet expired.
fn not_out_of_force(m: &Metadata, d: Date) -> bool {
    signed_or_year(m).is_none_or(|s| s <= d)
        && m.effective.is_none_or(|e| e <= d)
        && m.expired.is_none_or(|x| x > d)
}

/// The year a record was signed, or the year in its number.
pub fn year_of(m: &Metadata) -> Option<u16> {
    m.signed.map(|d| d.year).or_else(|| number_year(m))
}

/// The year written in a record's number ("59/2023/NĐ-CP" → 2023).
fn number_year(m: &Metadata) -> Option<u16> {
    m.canonical.as_deref().and_then(number::parts).and_then(|p| p.year).or_else(|| m.signed.map(|d| d.year))
}

#[cfg(test)]
mod tests;
