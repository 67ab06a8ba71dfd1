//! The catalog: every document's metadata in memory, with the lookups the rest of cancu needs
//! to turn what a reader wrote into a document id — by id, by number (folded, so `ND-CP`
//! finds `NĐ-CP`; aliases included), by number and type, and by name for documents cited
//! without a number ("Luật Thực hiện dân chủ ở cơ sở", "Bộ luật Lao động"), choosing the
//! version in force at a date when several share a name. Citation resolution, search, show,
//! the graph, the linker and the web UI all look documents up here.

pub mod cited;
mod names;

use std::collections::HashMap;
use std::sync::Arc;

pub use cited::{CitedDocument, CitedTally};
pub use names::name_key;

use crate::model::{Date, DocType, Document, Metadata};
use crate::number;

/// A catalog record: metadata of its own, or shared with the document that carries it (a
/// server holds every document's metadata once, for its library and its catalog).
#[derive(Debug, Clone)]
enum Record {
    Owned(Box<Metadata>),
    Shared(Arc<Document>),
}

impl std::ops::Deref for Record {
    type Target = Metadata;

    fn deref(&self) -> &Metadata {
        match self {
            Record::Owned(m) => m,
            Record::Shared(d) => &d.meta,
        }
    }
}

/// Document metadata indexed for lookups. Build it once per corpus; lookups are hash probes.
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    docs: Vec<Record>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    /// Ids of records known only by citation (see [`cited`]).
    cited_only: std::collections::HashSet<String>,
}

impl Catalog {
    /// Builds a catalog from metadata records. A record whose id repeats an earlier one is
    /// ignored (the corpus loader reports duplicates).
    pub fn new(metas: impl IntoIterator<Item = Metadata>) -> Catalog {
        Catalog::of_records(metas.into_iter().map(|m| Record::Owned(Box::new(m))))
    }

    /// Builds a catalog over documents shared with their other holders (no metadata copied).
    pub fn from_shared(docs: impl IntoIterator<Item = Arc<Document>>) -> Catalog {
        Catalog::of_records(docs.into_iter().map(Record::Shared))
    }

    fn of_records(records: impl IntoIterator<Item = Record>) -> Catalog {
        let mut c = Catalog::default();
        for m in records {
            if c.by_id.contains_key(&m.id) {
                continue;
            }
            let i = c.docs.len();
            c.by_id.insert(m.id.clone(), i);
            let mut keys: Vec<String> = Vec::new();
            for n in m.canonical.iter().chain(m.number.iter()).chain(m.aliases.iter()) {
                let k = number::key(n);
                if !k.is_empty() && !keys.contains(&k) {
                    keys.push(k);
                }
            }
            for k in keys {
                c.by_key.entry(k).or_default().push(i);
            }
            let nk = name_key(&m.title);
            if !nk.is_empty() {
                c.by_name.entry(nk).or_default().push(i);
            }
            c.docs.push(m);
        }
        c
    }

    /// Builds a catalog from loaded documents (their metadata is cloned).
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Catalog {
        Catalog::new(docs.into_iter().map(|d| d.meta.clone()))
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// All records, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &Metadata> {
        self.docs.iter().map(|r| &**r)
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Metadata> {
        self.by_id.get(id).map(|&i| &*self.docs[i])
    }

    /// Every record numbered `number` (any spelling: spaces, `ND`/`NĐ`, case; aliases count),
    /// of any type. Several types can share a number (18/2008/QH12 is a Luật and a Nghị
    /// quyết) and provincial Party numbers repeat in every province.
    pub fn by_number(&self, number: &str) -> Vec<&Metadata> {
        self.by_key
            .get(&number::key(number))
            .map(|v| v.iter().map(|&i| &*self.docs[i]).collect())
            .unwrap_or_default()
    }

    /// Records numbered `number` whose type is `doc_type` or close to it (Luật/Bộ luật, Nghị
    /// quyết/Nghị quyết liên tịch, Thông tư/Thông tư liên tịch); all of them when `doc_type` is
    /// `None` or [`DocType::Khac`].
    pub fn by_number_and_type(&self, number: &str, doc_type: Option<DocType>) -> Vec<&Metadata> {
        let all = self.by_number(number);
        match doc_type {
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

    /// Records whose title names the document `name` ("Thực hiện dân chủ ở cơ sở", "Luật Thực
    /// hiện dân chủ ở cơ sở", "LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ" all work), of type `doc_type`
    /// or its family when given. All versions are returned; see [`pick_version`].
    pub fn by_name(&self, doc_type: Option<DocType>, name: &str) -> Vec<&Metadata> {
        let key = name_key(name);
        let all: Vec<&Metadata> =
            self.by_name.get(&key).map(|v| v.iter().map(|&i| &*self.docs[i]).collect()).unwrap_or_default();
        match doc_type {
            None => all,
            Some(t) => {
                let exact: Vec<_> = all.iter().copied().filter(|m| m.doc_type == t).collect();
                if !exact.is_empty() {
                    return exact;
                }
                all.into_iter().filter(|m| same_family(m.doc_type, t)).collect()
            }
        }
    }

    /// Every record of one type (e.g. all versions of the Hiến pháp).
    pub fn by_type(&self, doc_type: DocType) -> Vec<&Metadata> {
        self.docs.iter().map(|r| &**r).filter(|m| m.doc_type == doc_type).collect()
    }

    /// What a user typed: an id, a number ("59/2023/ND-CP"), or a type and name ("Luật Tiếp
    /// cận thông tin", "bo luat lao dong"). Returns the matches, best first: an id is unique; a
    /// name gives its versions, latest first.
    pub fn lookup(&self, query: &str) -> Vec<&Metadata> {
        let q = query.trim();
        if let Some(m) = self.get(q) {
            return vec![m];
        }
        let by_number = self.by_number(q);
        if !by_number.is_empty() {
            return by_number;
        }
        let mut by_name = self.by_name(None, q);
        by_name.sort_by_key(|m| std::cmp::Reverse(m.signed));
        by_name
    }
}

/// Types cited interchangeably.
fn same_family(a: DocType, b: DocType) -> bool {
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
/// (signed that year, or numbered with it), then the latest signed on or before `at` (the citing
/// document's date), else the latest. Records without a date count as oldest.
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
        let before: Vec<_> = pool.iter().copied().filter(|m| m.signed.is_none_or(|s| s <= d)).collect();
        if !before.is_empty() {
            pool = before;
        }
    }
    pool.into_iter().max_by(|a, b| a.signed.cmp(&b.signed).then_with(|| b.id.cmp(&a.id)))
}

/// The year a record was signed, or the year in its number.
pub fn year_of(m: &Metadata) -> Option<u16> {
    m.signed.map(|d| d.year).or_else(|| m.canonical.as_deref().and_then(number::parts).and_then(|p| p.year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, t: DocType, number: Option<&str>, title: &str, signed: Option<&str>) -> Metadata {
        let mut m = Metadata::new(id, t, title);
        m.number = number.map(Into::into);
        m.canonical = number.map(crate::number::canonicalize);
        m.signed = signed.map(|s| s.parse().unwrap());
        m
    }

    fn catalog() -> Catalog {
        let mut nq = meta(
            "quy-dinh-11-qdi-tw",
            DocType::QuyDinh,
            Some("11-QĐi/TW"),
            "Quy định về trách nhiệm",
            Some("2019-02-18"),
        );
        nq.aliases.push("11-QĐ/TW".into());
        Catalog::new([
            meta(
                "luat-10-2022-qh15",
                DocType::Luat,
                Some("10/2022/QH15"),
                "Luật Thực hiện dân chủ ở cơ sở",
                Some("2022-11-10"),
            ),
            meta(
                "nghi-dinh-59-2023-nd-cp",
                DocType::NghiDinh,
                Some("59/2023/NĐ-CP"),
                "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
                Some("2023-08-14"),
            ),
            meta(
                "bo-luat-45-2019-qh14",
                DocType::BoLuat,
                Some("45/2019/QH14"),
                "Bộ luật Lao động",
                Some("2019-11-20"),
            ),
            meta(
                "bo-luat-10-2012-qh13",
                DocType::BoLuat,
                Some("10/2012/QH13"),
                "BỘ LUẬT LAO ĐỘNG",
                Some("2012-06-18"),
            ),
            meta("nghi-quyet-18-2008-qh12", DocType::NghiQuyet, Some("18/2008/QH12"), "Nghị quyết x", None),
            meta("luat-18-2008-qh12", DocType::Luat, Some("18/2008/QH12"), "Luật y", None),
            nq,
        ])
    }

    #[test]
    fn numbers_fold_and_aliases() {
        let c = catalog();
        assert_eq!(c.by_number("59/2023/ND-CP")[0].id, "nghi-dinh-59-2023-nd-cp");
        assert_eq!(c.by_number("59/2023/NĐ - CP").len(), 1);
        assert_eq!(c.by_number("11-QĐ/TW")[0].id, "quy-dinh-11-qdi-tw");
        assert_eq!(c.by_number("18/2008/QH12").len(), 2);
        assert_eq!(c.by_number_and_type("18/2008/QH12", Some(DocType::Luat))[0].id, "luat-18-2008-qh12");
        assert!(c.by_number("60/2023/NĐ-CP").is_empty());
    }

    #[test]
    fn names_and_versions() {
        let c = catalog();
        assert_eq!(c.by_name(Some(DocType::Luat), "Thực hiện dân chủ ở cơ sở")[0].id, "luat-10-2022-qh15");
        let codes = c.by_name(Some(DocType::BoLuat), "Lao động");
        assert_eq!(codes.len(), 2);
        assert_eq!(pick_version(&codes, None, None).unwrap().id, "bo-luat-45-2019-qh14");
        assert_eq!(pick_version(&codes, None, "2015-01-01".parse().ok()).unwrap().id, "bo-luat-10-2012-qh13");
        assert_eq!(pick_version(&codes, Some(2012), None).unwrap().id, "bo-luat-10-2012-qh13");
        assert_eq!(c.lookup("bo luat lao dong")[0].id, "bo-luat-45-2019-qh14");
        assert_eq!(c.lookup("luat-10-2022-qh15")[0].id, "luat-10-2022-qh15");
    }
}
