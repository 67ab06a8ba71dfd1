//! Documents known only because others cite them (Bộ luật Lao động 10/2012/QH13, Pháp lệnh
//! 34/2007/PL-UBTVQH11 …): what the citations say about each — number, type, date, issuer
//! and name, each the majority reading across its citations — so that they can be looked up
//! by number like held documents and carry a status. [`CitedTally`] gathers the readings;
//! [`Catalog::with_cited`] adds the records, flagged as cited-only.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{year_of, Catalog};
use crate::cite::Citation;
use crate::model::{Completeness, Date, DocType, Metadata, Provenance};
use crate::number;

/// The provenance source of a cited-only record.
pub const SOURCE: &str = "cited-only";

/// A document known only by citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedDocument {
    pub id: String,
    /// Canonical number.
    pub number: String,
    pub doc_type: DocType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The name as cited ("Bộ luật Lao động"), if any citation gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many citations were read.
    pub citations: usize,
    /// The first citing document's id.
    pub first_cited_by: String,
}

impl CitedDocument {
    /// Its catalog metadata: a record without text, provenance [`SOURCE`].
    pub fn to_metadata(&self) -> Metadata {
        let title = self.name.clone().unwrap_or_else(|| format!("{} {}", self.doc_type.as_vi(), self.number));
        let mut m = Metadata::new(self.id.clone(), self.doc_type, title);
        m.number = Some(self.number.clone());
        m.canonical = Some(self.number.clone());
        m.signed = self.signed;
        m.issuer = self.issuer.clone();
        m.completeness = Completeness::MetadataOnly;
        m.sources.push(Provenance {
            source: SOURCE.into(),
            file: Some(self.first_cited_by.clone()),
            ..Default::default()
        });
        m
    }
}

struct Readings {
    doc_type: DocType,
    number: String,
    dates: HashMap<Date, usize>,
    issuers: HashMap<String, usize>,
    names: HashMap<String, usize>,
    count: usize,
    first: String,
}

/// Gathers the readings of citations whose document the catalog does not hold.
#[derive(Default)]
pub struct CitedTally {
    by_id: BTreeMap<String, Readings>,
}

impl CitedTally {
    /// The id a numbered citation of an unheld document gets; `None` without type or number.
    /// A central Party number, numbered anew in every congress term, gets its term
    /// ("nghi-quyet-27-nq-tw-khoa-xii", [`number::party`]); `None` when the citation's date,
    /// year and issuer give no one term.
    pub fn id_of(c: &Citation) -> Option<String> {
        let t = c.doc_type?;
        let n = number::canonicalize(c.number.as_deref()?);
        let mut id = number::doc_id(t, Some(&n), None, "", None);
        if number::party::is_central(&n) {
            let term = number::party::term_of(c.date, c.year, c.issuer.as_deref())?;
            id.push('-');
            id.push_str(&number::party::id_suffix(term));
        }
        Some(id)
    }

    /// Adds one citation (read in document `citing`); returns its id, or `None` when the
    /// citation lacks a type or a number, or its number cannot be a document's (a year
    /// outside the term its symbol names, [`number::term_contradicts`]).
    pub fn add(&mut self, c: &Citation, citing: &str) -> Option<String> {
        if number::term_contradicts(&number::canonicalize(c.number.as_deref()?)) {
            return None;
        }
        let id = CitedTally::id_of(c)?;
        let r = self.by_id.entry(id.clone()).or_insert_with(|| Readings {
            doc_type: c.doc_type.unwrap_or(DocType::Khac),
            number: number::canonicalize(c.number.as_deref().unwrap_or_default()),
            dates: HashMap::new(),
            issuers: HashMap::new(),
            names: HashMap::new(),
            count: 0,
            first: citing.to_string(),
        });
        r.count += 1;
        if let Some(d) = c.date {
            *r.dates.entry(d).or_default() += 1;
        }
        if let Some(i) = &c.issuer {
            *r.issuers.entry(i.clone()).or_default() += 1;
        }
        if let Some(n) = name_of(c) {
            *r.names.entry(n).or_default() += 1;
        }
        Some(id)
    }

    /// Merges another tally into this one.
    pub fn merge(&mut self, other: CitedTally) {
        for (id, o) in other.by_id {
            match self.by_id.get_mut(&id) {
                None => {
                    self.by_id.insert(id, o);
                }
                Some(r) => {
                    r.count += o.count;
                    for (k, v) in o.dates {
                        *r.dates.entry(k).or_default() += v;
                    }
                    for (k, v) in o.issuers {
                        *r.issuers.entry(k).or_default() += v;
                    }
                    for (k, v) in o.names {
                        *r.names.entry(k).or_default() += v;
                    }
                    if o.first < r.first {
                        r.first = o.first;
                    }
                }
            }
        }
    }

    /// One record per cited document, each field the majority reading (ties: the smallest).
    pub fn finish(self) -> Vec<CitedDocument> {
        self.by_id
            .into_iter()
            .map(|(id, r)| CitedDocument {
                id,
                number: r.number,
                doc_type: r.doc_type,
                signed: majority(r.dates),
                issuer: majority(r.issuers),
                name: majority(r.names),
                citations: r.count,
                first_cited_by: r.first,
            })
            .collect()
    }
}

fn majority<K: Ord + Clone>(m: HashMap<K, usize>) -> Option<K> {
    m.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(k, _)| k)
}

/// The name a numbered citation gives its document: the words between the type word and
/// "số" ("Bộ luật Lao động số 10/2012/QH13" → "Bộ luật Lao động"), when they are capitalized.
fn name_of(c: &Citation) -> Option<String> {
    if let Some(n) = &c.name {
        return Some(format!("{} {}", c.doc_type?.as_vi(), n));
    }
    let t = c.doc_type?;
    let text = crate::text::normalize(&c.text);
    let folded_type = crate::text::fold(t.as_vi());
    let words: Vec<&str> = text.split_whitespace().collect();
    let k = folded_type.split(' ').count();
    if words.len() <= k || crate::text::fold(&words[..k].join(" ")) != folded_type {
        return None;
    }
    let rest: Vec<&str> = words[k..].iter().copied().take_while(|w| *w != "số").collect();
    if rest.is_empty()
        || rest.len() == words.len() - k
        || !rest[0].chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    Some(format!("{} {}", t.as_vi(), rest.join(" ")))
}

impl Catalog {
    /// This catalog with the cited-only records added (a record whose id or number and type a
    /// held document already has is skipped); they are found by number, id and name like held
    /// ones and flagged by [`Catalog::is_cited_only`].
    pub fn with_cited(self, cited: &[CitedDocument]) -> Catalog {
        let mut flagged = self.cited_only.clone();
        let mut added: Vec<Metadata> = Vec::new();
        for c in cited {
            let held = self.by_number_and_type(&c.number, Some(c.doc_type));
            // A central Party number held of another term is another document.
            let term = number::party::term_in_id(&c.id);
            let same = |m: &&Metadata| term.is_none() || term_of_record(m).is_none_or(|t| Some(t) == term);
            if self.get(&c.id).is_some() || held.iter().any(same) {
                continue;
            }
            flagged.insert(c.id.clone());
            added.push(c.to_metadata());
        }
        let held: Vec<(super::Record, super::Held)> = self.docs.into_iter().zip(self.held).collect();
        let new = added.into_iter().map(|m| (super::Record::Owned(Box::new(m)), super::Held::default()));
        let corpus = self.corpus;
        let mut out = Catalog::of_records(held.into_iter().chain(new));
        out.cited_only = flagged;
        out.corpus = corpus;
        out
    }

    /// This catalog with each record's status set from `statuses` (by id; "chưa rõ" there
    /// leaves a record's own status), as derived from the texts ([`crate::validity`]).
    pub fn with_statuses(mut self, statuses: &HashMap<String, crate::model::Status>) -> Catalog {
        for r in &mut self.docs {
            let Some(s) = statuses.get(&r.id).copied().filter(|s| *s != crate::model::Status::Unknown) else {
                continue;
            };
            r.make_mut().status = s;
        }
        self
    }

    /// This catalog with each record's status of today, and its `effective` and `expired`
    /// dates where its metadata has none, from the validity records derived from the texts
    /// ([`crate::validity`]; `expired` only for a document ended wholly). What
    /// [`super::pick_version`] reads to choose the version in force at a date.
    pub fn with_validity(mut self, v: &crate::validity::Validity) -> Catalog {
        let today = crate::model::Date::today();
        for r in &mut self.docs {
            let Some(rec) = v.get(&r.id) else { continue };
            let at = rec.status_at(today);
            let ended = rec.ended();
            let apply = |m: &mut Metadata| {
                if at.status != crate::model::Status::Unknown {
                    m.status = at.status;
                }
                m.effective = m.effective.or(at.effective);
                m.expired = m.expired.or(ended);
            };
            apply(r.make_mut());
        }
        self
    }

    /// True for a record known only by citation.
    pub fn is_cited_only(&self, id: &str) -> bool {
        self.cited_only.contains(id)
    }

    /// The documents of `doc_type` and number year `year` known only by a citation that gave
    /// no name ("Luật số 31/2024/QH15"): any of them may be a version of a name cited with
    /// that year that no held document has ("Luật Đất đai 2024"; probe 16).
    pub fn unnamed_of_year(&self, doc_type: DocType, year: u16) -> Vec<&Metadata> {
        self.by_type(doc_type)
            .into_iter()
            .filter(|m| self.is_cited_only(&m.id) && year_of(m) == Some(year) && is_unnamed(m))
            .collect()
    }
}

/// The congress term of a record of a central Party number: its signing date's, else the one
/// its id names (a record known only by citation, [`CitedTally::id_of`]); `None` for other
/// numbers or when neither is known.
pub fn term_of_record(m: &Metadata) -> Option<u16> {
    if !m.canonical.as_deref().is_some_and(number::party::is_central) {
        return None;
    }
    m.signed.and_then(number::party::term_of_date).or_else(|| number::party::term_in_id(&m.id))
}

/// Whether a record is known by its number alone: a record made from citations that gave no
/// name is titled with its type and number ("Luật 31/2024/QH15"), which no held title is.
pub fn is_unnamed(m: &Metadata) -> bool {
    m.canonical.as_deref().is_some_and(|n| m.title == format!("{} {n}", m.doc_type.as_vi()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_readings_and_lookup() {
        let texts = [
            ("Bộ luật Mẫu số 10/2012/QH13", "a"),
            ("Bộ luật Mẫu số 10/2012/QH13 ngày 18 tháng 6 năm 2012", "b"),
            ("Bộ luật số 10/2012/QH13 ngày 18/6/2012 của Quốc hội", "c"),
        ];
        let mut tally = CitedTally::default();
        for (t, by) in texts {
            let c = &crate::cite::extract(t)[0];
            assert_eq!(tally.add(c, by).as_deref(), Some("bo-luat-10-2012-qh13"));
        }
        let cited = tally.finish();
        assert_eq!(cited.len(), 1);
        let c = &cited[0];
        assert_eq!(c.name.as_deref(), Some("Bộ luật Mẫu"));
        assert_eq!(c.signed, "2012-06-18".parse().ok());
        assert_eq!(c.citations, 3);
        assert_eq!(c.first_cited_by, "a");
        let cat = Catalog::new([]).with_cited(&cited);
        assert_eq!(cat.by_number("10/2012/QH13")[0].id, "bo-luat-10-2012-qh13");
        assert!(cat.is_cited_only("bo-luat-10-2012-qh13"));
    }

    #[test]
    fn central_party_numbers_get_their_congress_term() {
        let rows = [
            (
                "Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Ban Chấp hành Trung ương",
                Some("nghi-quyet-27-nq-tw-khoa-xii"),
            ),
            (
                "Nghị quyết số 27-NQ/TW ngày 9 tháng 11 năm 2022 của Ban Chấp hành Trung ương",
                Some("nghi-quyet-27-nq-tw-khoa-xiii"),
            ),
            ("Kết luận số 17-KL/TW của Bộ Chính trị khóa XI về mẫu", Some("ket-luan-17-kl-tw-khoa-xi")),
            (
                "Hướng dẫn số 05-HD/BTCTW ngày 02/3/2012 của Ban Tổ chức Trung ương",
                Some("huong-dan-05-hd-btctw-khoa-xi"),
            ),
            // No term known: no record (a number alone names a document of any term).
            ("Nghị quyết số 27-NQ/TW về mẫu", None),
            // A year two terms share.
            ("Nghị quyết số 27-NQ/TW năm 2021 về mẫu", None),
            // Date and issuer disagree.
            ("Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Ban Chấp hành Trung ương khóa XIII", None),
        ];
        for (text, want) in rows {
            let c = &crate::cite::extract(text)[0];
            assert_eq!(CitedTally::id_of(c).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_number_its_term_contradicts_makes_no_record() {
        // Regression: "Luật số 67/2014/QH14" (a typo for QH13 in a citing text) became a
        // document known by citation and another version of the Luật Đầu tư.
        let mut tally = CitedTally::default();
        let c = &crate::cite::extract("Luật Đầu tư số 67/2014/QH14")[0];
        assert_eq!(tally.add(c, "a"), None);
        assert!(tally.finish().is_empty());
    }
}
