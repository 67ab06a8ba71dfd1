//! How long a document in force by its own words is known to stay in force. A document's
//! effect clause says when it takes effect, not that it is still in force years later: a
//! successor the corpus lacks (Luật Đất đai 45/2013/QH13, replaced by 31/2024/QH15, whose
//! text no source here holds) may have ended it. So "còn hiệu lực" is said only up to the
//! latest date a source shows the document current ([`KnownUntil`]):
//!
//! - the **newest Pháp điển release** of the corpus compiling its articles: the corpus's
//!   present — no horizon (replaced documents a release still holds are ended by the
//!   replacing text, which always wins);
//! - an **older release** compiling it: that release's horizon, the latest effective date
//!   among the documents only that release holds;
//! - a **held document that cites it as its legal basis** ("Căn cứ …"): that document's date
//!   of signing — its issuer relied on it then.
//!
//! - at least its **own entry into force** (the text or the Pháp điển note dating it).
//!
//! Past that date, with no end known (a known later end shows it in force until then), the
//! status is "chưa rõ" with a caveat naming the latest
//! source; never a guess of its end. A hand-written record's status (evidence kind `record`)
//! is its author's statement, checked through its source, and gets no horizon of its own.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Validity;
use crate::catalog::Catalog;
use crate::model::{Date, Document, RelationKind};

/// The latest date a source shows a document current, and which source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownUntil {
    pub date: Date,
    /// The source, in Vietnamese ("bản Pháp điển 2026", "căn cứ của Nghị định 10/2023/NĐ-CP").
    pub source: String,
}

impl KnownUntil {
    /// What a status of a document the newest release compiles says past the release's data
    /// (Vietnamese): the status stands, and what the corpus cannot know.
    pub fn data_ends(&self) -> String {
        format!(
            "Tình trạng theo {} (văn bản mới nhất trong đó ký ngày {}); kho dữ liệu không có các văn bản ban hành sau ngày đó, và có thể chưa có cả văn bản ban hành trước đó mà bản Pháp điển chưa hệ thống hóa, nên kho không biết nếu đã có văn bản thay thế hay bãi bỏ: hãy đối chiếu nguồn chính thức.",
            self.source,
            crate::link::warn::vi_date(self.date)
        )
    }

    /// What a status past `date` says (Vietnamese).
    pub fn caveat(&self) -> String {
        format!(
            "Văn bản có hiệu lực theo chính nội dung của nó, nhưng nguồn mới nhất cho thấy còn áp dụng là {} (ngày {}); sau ngày đó kho dữ liệu chưa có văn bản xác nhận còn hay hết hiệu lực (có thể đã có văn bản thay thế mà kho chưa có).",
            self.source,
            crate::link::warn::vi_date(self.date)
        )
    }
}

/// The horizon of each Pháp điển release: the latest effective date (of a document or an
/// amendment note) among the documents that release alone holds.
fn release_horizons(docs: &[Document]) -> HashMap<String, Date> {
    let mut out: HashMap<String, Date> = HashMap::new();
    for d in docs {
        let mut releases: Vec<&str> = d
            .meta
            .sources
            .iter()
            .filter(|s| s.source.starts_with("phapdien"))
            .map(|s| s.source.as_str())
            .collect();
        releases.dedup();
        let [only] = releases.as_slice() else { continue };
        let dates = d
            .meta
            .effective
            .into_iter()
            .chain(d.meta.articles.iter().flat_map(|a| a.amended_by.iter().filter_map(|x| x.effective)));
        if let Some(latest) = dates.max() {
            let e = out.entry(only.to_string()).or_insert(latest);
            *e = (*e).max(latest);
        }
    }
    out
}

fn release_label(release: &str) -> String {
    match crate::import::phapdien::release_year(release) {
        0 => format!("bản {release}"),
        y => format!("bản Pháp điển {y}"),
    }
}

/// Sets each record's [`KnownUntil`] from the releases holding the document and the held
/// documents citing it as their basis (`graph`, dated by `catalog`).
pub fn set(v: &mut Validity, docs: &[Document], graph: &crate::graph::Graph, catalog: &Catalog) {
    let mut best: HashMap<String, super::horizon::KnownUntil> = HashMap::new();
    let mut offer = |id: &str, k: KnownUntil| match best.get_mut(id) {
        Some(b) if b.date >= k.date => {}
        Some(b) => *b = k,
        None => {
            best.insert(id.to_string(), k);
        }
    };
    let horizons = release_horizons(docs);
    let newest = docs
        .iter()
        .flat_map(|d| &d.meta.sources)
        .filter(|s| s.source.starts_with("phapdien"))
        .map(|s| crate::import::phapdien::release_year(&s.source))
        .max()
        .unwrap_or(0);
    let mut current: std::collections::HashSet<&str> = std::collections::HashSet::new();
    // How far the newest release's data reaches: its newest document's signing date.
    let mut newest_signed: Option<(Date, &str)> = None;
    for d in docs {
        for s in d.meta.sources.iter().filter(|s| s.source.starts_with("phapdien")) {
            if crate::import::phapdien::release_year(&s.source) == newest {
                current.insert(d.meta.id.as_str());
                if let Some(signed) = d.meta.signed.filter(|x| newest_signed.is_none_or(|(n, _)| *x > n)) {
                    newest_signed = Some((signed, s.source.as_str()));
                }
            }
            if let Some(&date) = horizons.get(&s.source) {
                offer(&d.meta.id, KnownUntil { date, source: release_label(&s.source) });
            }
        }
    }
    for e in graph.edges().filter(|e| e.kind == RelationKind::Basis && e.source != e.target) {
        let Some(citing) = catalog.get(e.source) else { continue };
        if catalog.is_cited_only(e.source) {
            continue;
        }
        if let Some(date) = citing.signed {
            offer(e.target, KnownUntil { date, source: format!("căn cứ ban hành {}", citing.label()) });
        }
    }
    for (id, r) in v.records.iter_mut() {
        if current.contains(id.as_str()) {
            r.known_until = None;
            r.current_until =
                newest_signed.map(|(date, release)| KnownUntil { date, source: release_label(release) });
            continue;
        }
        let own = r
            .events
            .iter()
            .find(|e| e.change == super::Change::Effective)
            .filter(|e| e.evidence.kind != super::EvidenceKind::Record)
            .and_then(|e| e.date);
        let Some(own) = own else { continue };
        let mut k = best
            .remove(id)
            .unwrap_or(KnownUntil {
                date: own, source: "ngày có hiệu lực của chính văn bản".into()
            });
        if k.date < own {
            k = KnownUntil { date: own, source: "ngày có hiệu lực của chính văn bản".into() };
        }
        r.known_until = Some(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, DocType, Metadata, Provenance, Status};

    fn doc(id: &str, number: &str, t: DocType, signed: &str, release: Option<&str>, text: &str) -> Document {
        let mut m = Metadata::new(id, t, "Văn bản mẫu");
        m.canonical = Some(number.into());
        m.number = Some(number.into());
        m.signed = signed.parse().ok();
        if let Some(r) = release {
            m.sources.push(Provenance { source: r.into(), ..Default::default() });
        }
        let body = text
            .split('|')
            .enumerate()
            .map(|(i, p)| {
                if i == 0 {
                    Block::Paragraph { text: p.to_string() }
                } else {
                    Block::Article(Article {
                        number: i.to_string(),
                        title: "Hiệu lực thi hành".into(),
                        paragraphs: vec![p.to_string()],
                    })
                }
            })
            .collect();
        Document { meta: m, body }
    }

    #[test]
    fn in_force_only_as_long_as_a_source_shows_it() {
        let docs = vec![
            // A law in force by its own clause; no release holds it.
            doc("luat-5-2013-qh13", "5/2013/QH13", DocType::Luat, "2013-11-29", None, "Quốc hội ban hành Luật Mẫu.|Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2014."),
            // A decree based on it, signed 2020-05-05.
            doc("nghi-dinh-7-2020-nd-cp", "7/2020/NĐ-CP", DocType::NghiDinh, "2020-05-05", None, "Căn cứ Luật Mẫu số 5/2013/QH13;|Nghị định này có hiệu lực thi hành từ ngày 01 tháng 6 năm 2020."),
            // A law in a release whose documents take effect up to 2027.
            doc("luat-9-2025-qh15", "9/2025/QH15", DocType::Luat, "2025-06-01", Some("phapdien-2026"), "Quốc hội ban hành Luật Khác.|Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027."),
        ];
        let held = Catalog::from_documents(&docs);
        let mut v = crate::validity::derive(&docs, &held);
        let graph = crate::graph::build(&docs, &held);
        set(&mut v, &docs, &graph, &held);
        let d = |s: &str| s.parse::<Date>().unwrap();
        // (document, date, status, caveat given)
        let table = [
            ("luat-5-2013-qh13", "2015-01-01", Status::InForce, false),
            ("luat-5-2013-qh13", "2020-05-05", Status::InForce, false),
            ("luat-5-2013-qh13", "2026-11-30", Status::Unknown, true),
            ("luat-9-2025-qh15", "2026-11-30", Status::NotYetInForce, false),
            // The newest release is the corpus's present: no horizon; past its data (its
            // newest document signed 2025-06-01) the status stands with a note.
            ("luat-9-2025-qh15", "2040-01-02", Status::InForce, true),
            // Nothing after its own entry into force shows the decree current.
            ("nghi-dinh-7-2020-nd-cp", "2020-06-01", Status::InForce, false),
            ("nghi-dinh-7-2020-nd-cp", "2021-01-01", Status::Unknown, true),
        ];
        for (id, at, want, caveat) in table {
            let s = v.status_at(id, d(at));
            assert_eq!((s.status, s.caveat.is_some()), (want, caveat), "{id} at {at}");
        }
        let c = v.status_at("luat-9-2025-qh15", d("2040-01-02")).caveat.unwrap();
        assert!(c.contains("bản Pháp điển 2026") && c.contains("01/06/2025"), "{c}");
        let c = v.status_at("luat-5-2013-qh13", d("2026-11-30")).caveat.unwrap();
        assert!(c.contains("căn cứ ban hành Nghị định 7/2020/NĐ-CP") && c.contains("05/05/2020"), "{c}");
    }
}
