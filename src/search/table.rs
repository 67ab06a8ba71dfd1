//! The document table: every document's identity (id, number, aliases, type, title, status)
//! in memory, for resolving query references by number or name. Built from the index's
//! document records when a [`super::Searcher`] opens, or from corpus documents (for
//! `cancu show` without an index).

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{DocType, Document, Status};
use crate::number;

/// One document's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocEntry {
    pub id: String,
    pub doc_type: DocType,
    /// Canonical number.
    pub number: Option<String>,
    pub aliases: Vec<String>,
    pub title: String,
    pub issuer: Option<String>,
    pub status: Status,
    pub year: Option<u16>,
    /// Signing date, `YYYY-MM-DD`.
    pub signed: Option<String>,
    pub articles: usize,
}

impl DocEntry {
    /// "Nghị định 59/2023/NĐ-CP" or the title.
    pub fn label(&self) -> String {
        match &self.number {
            Some(n) => format!("{} {}", self.doc_type.as_vi(), n),
            None => self.title.clone(),
        }
    }
}

/// All documents, with lookups by number and by name.
#[derive(Debug, Clone, Default)]
pub struct DocTable {
    entries: Vec<DocEntry>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_loose: HashMap<String, Vec<usize>>,
    by_serial_year: HashMap<(String, u16), Vec<usize>>,
    titles: Vec<String>,
}

/// A number's loose key: folded, with "QĐi" read as "QĐ" (Party regulations are often
/// written `11-QĐ/TW` for `11-QĐi/TW`).
pub fn loose_key(n: &str) -> String {
    let k = number::key(n);
    let mut out = String::with_capacity(k.len());
    for (i, tok) in k.split_inclusive(['-', '/']).enumerate() {
        let (word, sep) = match tok.strip_suffix(['-', '/']) {
            Some(w) => (w, &tok[w.len()..]),
            None => (tok, ""),
        };
        out.push_str(if i > 0 && word == "qdi" { "qd" } else { word });
        out.push_str(sep);
    }
    out
}

impl DocTable {
    /// A table of `entries`.
    pub fn new(entries: Vec<DocEntry>) -> DocTable {
        let mut t = DocTable { entries, ..DocTable::default() };
        for (i, e) in t.entries.iter().enumerate() {
            t.by_id.insert(e.id.clone(), i);
            for n in e.number.iter().chain(e.aliases.iter()) {
                t.by_key.entry(number::key(n)).or_default().push(i);
                t.by_loose.entry(loose_key(n)).or_default().push(i);
                if let Some(p) = number::parts(&number::canonicalize(n)) {
                    if let Some(y) = p.year {
                        t.by_serial_year.entry((p.serial.to_lowercase(), y)).or_default().push(i);
                    }
                }
            }
            t.titles.push(crate::catalog::name_key(&e.title));
        }
        for v in t.by_key.values_mut().chain(t.by_loose.values_mut()).chain(t.by_serial_year.values_mut()) {
            v.dedup();
        }
        t
    }

    /// A table of corpus documents.
    pub fn from_documents(docs: &[Document]) -> DocTable {
        DocTable::new(
            docs.iter()
                .map(|d| DocEntry {
                    id: d.meta.id.clone(),
                    doc_type: d.meta.doc_type,
                    number: d.meta.canonical.clone(),
                    aliases: d.meta.aliases.clone(),
                    title: crate::text::normalize(&d.meta.title).into_owned(),
                    issuer: d.meta.issuer.clone(),
                    status: d.meta.status,
                    year: crate::index::build::year_of(&d.meta),
                    signed: d.meta.signed.map(|s| s.to_string()),
                    articles: d.articles().count(),
                })
                .collect(),
        )
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[DocEntry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&DocEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    fn pick(&self, ix: &[usize]) -> Vec<&DocEntry> {
        ix.iter().map(|&i| &self.entries[i]).collect()
    }

    /// Documents with this number: by exact key, else by loose key (`11-QĐ/TW` finds
    /// `11-QĐi/TW`). Several when a number is shared (18/2008/QH12: Luật and Nghị quyết).
    pub fn by_number(&self, n: &str) -> Vec<&DocEntry> {
        if let Some(ix) = self.by_key.get(&number::key(n)) {
            return self.pick(ix);
        }
        self.by_loose.get(&loose_key(n)).map(|ix| self.pick(ix)).unwrap_or_default()
    }

    /// Documents whose number has this serial and year ("59", 2023).
    pub fn by_serial_year(&self, serial: &str, year: u16) -> Vec<&DocEntry> {
        self.by_serial_year.get(&(serial.to_lowercase(), year)).map(|ix| self.pick(ix)).unwrap_or_default()
    }

    /// Documents of type `t` (any type if `None`) named `name` (folded): an exact title
    /// first; failing that, when `loose`, titles that start with the name or that the name
    /// starts with. Best first: in force, then newest.
    pub fn by_name(&self, t: Option<DocType>, name: &str, loose: bool) -> Vec<&DocEntry> {
        let name = crate::catalog::name_key(name);
        if name.is_empty() {
            return Vec::new();
        }
        let of_type = |i: &usize| t.is_none_or(|t| self.entries[*i].doc_type == t);
        let mut hits: Vec<usize> =
            (0..self.entries.len()).filter(of_type).filter(|&i| self.titles[i] == name).collect();
        if hits.is_empty() && loose {
            hits = (0..self.entries.len())
                .filter(of_type)
                .filter(|&i| {
                    let ti = &self.titles[i];
                    !ti.is_empty()
                        && (ti.starts_with(&format!("{name} ")) || name.starts_with(&format!("{ti} ")))
                })
                .collect();
        }
        let mut out = self.pick(&hits);
        out.sort_by_key(|e| {
            (
                !matches!(e.status, Status::InForce | Status::PartlyRepealed),
                std::cmp::Reverse(e.signed.clone()),
            )
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, t: DocType, n: &str, title: &str) -> DocEntry {
        DocEntry {
            id: id.into(),
            doc_type: t,
            number: Some(n.into()),
            aliases: vec![],
            title: title.into(),
            issuer: None,
            status: Status::Unknown,
            year: None,
            signed: None,
            articles: 0,
        }
    }

    #[test]
    fn lookups() {
        let t = DocTable::new(vec![
            entry("a", DocType::QuyDinh, "11-QĐi/TW", "Quy định x"),
            entry("b", DocType::Luat, "18/2008/QH12", "Luật Năng lượng nguyên tử"),
            entry("c", DocType::NghiQuyet, "18/2008/QH12", "Nghị quyết y"),
            entry("d", DocType::BoLuat, "45/2019/QH14", "Bộ luật Lao động"),
        ]);
        assert_eq!(t.by_number("11-QĐ/TW")[0].id, "a");
        assert_eq!(t.by_number("11-qdi/tw")[0].id, "a");
        assert_eq!(t.by_number("18/2008/QH12").len(), 2);
        assert_eq!(t.by_serial_year("45", 2019)[0].id, "d");
        assert_eq!(t.by_name(Some(DocType::BoLuat), "lao dong", false)[0].id, "d");
        assert!(t.by_name(Some(DocType::Luat), "lao dong", false).is_empty());
        assert_eq!(t.by_name(Some(DocType::Luat), "nang luong", true)[0].id, "b");
        assert_eq!(loose_key("11-QĐi/TW"), "11-qd/tw");
    }
}
