//! Deriving the validity records of a corpus: every article's effect clauses are read (in
//! parallel), each document's own entry into force is settled (its text's clause, preferring
//! an article titled "Hiệu lực …" / "… thi hành", else the Pháp điển note), then every ended
//! document is resolved against the catalog — a document the catalog lacks becomes a
//! cited-only record — and dated (a clause without a date of its own applies when the stating
//! document takes effect).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::clauses::{self, Clause, Start, Verb, When};
use super::{Change, Event, Evidence, EvidenceKind, Record, Validity};
use crate::catalog::{Catalog, CitedTally};
use crate::cite::Context;
use crate::model::{Date, DocType, Document};

/// What one document's articles say.
struct Read {
    /// Own entry into force: (article, date, quote, from an article titled for it).
    effective: Option<(String, Date, String)>,
    /// The entry into force each article states of itself, where it does: an article of an
    /// amending law merged into the text it amends ("Luật này có hiệu lực thi hành từ ngày 01
    /// tháng 01 năm 2015" in an article of a 2007 law) dates what that article ends.
    stated: std::collections::HashMap<String, Date>,
    ends: Vec<(String, Clause)>,
}

fn read_document(doc: &Document, lex: &crate::cite::Lexicon) -> Read {
    let mut effective: Option<(String, Date, String, bool)> = None;
    let mut stated = std::collections::HashMap::new();
    let mut ends = Vec::new();
    for a in doc.articles() {
        let text = a.text();
        // A heading that is the effect sentence itself is read as the article's first.
        let mut cl = clauses::read_heading(&a.title, lex);
        cl.extend(clauses::read_with(&text, lex));
        if cl.is_empty() {
            continue;
        }
        let title = crate::text::fold(&a.title);
        let titled = title.contains("hieu luc") || title.contains("thi hanh");
        for c in cl {
            match c {
                Clause::Effective { start, quote } => {
                    let date = match start {
                        Start::On(d) => Some(d),
                        Start::AfterSigning(n) => doc.meta.signed.map(|s| s.add_days(u32::from(n))),
                    };
                    if let Some(d) = date {
                        stated.entry(a.number.clone()).or_insert(d);
                        let better = match &effective {
                            None => true,
                            Some((.., was_titled)) => titled && !was_titled,
                        };
                        if better {
                            effective = Some((a.number.clone(), d, quote, titled));
                        }
                    }
                }
                c @ Clause::Ends { .. } => ends.push((a.number.clone(), c)),
            }
        }
    }
    Read { effective: effective.map(|(a, d, q, _)| (a, d, q)), stated, ends }
}

/// The laws a clause's words name as having amended the document `ended` ("… đã được sửa
/// đổi, bổ sung một số điều theo Luật số 36/2013/QH13 …") whose own title says they amend that
/// one law only ("Luật sửa đổi, bổ sung một số điều của Luật Cư trú"): they end with it. A law
/// that amends several laws is left alone (only its part for this one would end).
fn amending_alone(quote: &str, ended: &str, catalog: &crate::catalog::Catalog) -> Vec<String> {
    let cites = crate::cite::extract(quote);
    let Some(theo) = quote.find("sửa đổi") else { return Vec::new() };
    cites
        .iter()
        .filter(|c| c.start > theo && c.number.is_some())
        // The document of that number and type, one only ("Nghị quyết số 19/2008/QH12" is not
        // the Luật 19/2008/QH12; probe 12).
        .filter_map(|c| match catalog.by_number_and_type(c.number.as_deref()?, c.doc_type).as_slice() {
            [one] => Some(*one),
            _ => None,
        })
        .filter(|m| m.id != ended && amends_one_law(&m.title))
        .map(|m| m.id.clone())
        .collect()
}

/// Whether a title amends one law only: "Luật sửa đổi, bổ sung một số điều của Luật Cư trú",
/// not "… của Luật A và Luật B" nor "… của 37 luật …".
fn amends_one_law(title: &str) -> bool {
    let t = crate::text::fold(&title.to_lowercase());
    let Some(i) = t.find(" cua ") else { return false };
    let rest = &t[i + " cua ".len()..];
    let body = ["bo luat ", "luat ", "phap lenh "].iter().find_map(|p| rest.strip_prefix(p));
    t.starts_with("luat sua doi") && body.is_some_and(|b| !b.contains(" luat ") && !b.contains(" phap lenh "))
}

/// The rank of a state document in the hierarchy of legal documents (0 highest), from its
/// type and, for a Nghị quyết, the issuer in its number (QH, UBTVQH, CP); `None` when unknown.
fn rank(t: DocType, number: Option<&str>) -> Option<u8> {
    use DocType::*;
    Some(match t {
        HienPhap => 0,
        BoLuat | Luat => 1,
        PhapLenh | NghiQuyetLienTich => 2,
        NghiQuyet => {
            let n = number?.to_uppercase();
            if n.contains("UBTVQH") {
                2
            } else if n.contains("QH") {
                1
            } else if n.contains("CP") {
                3
            } else {
                return None;
            }
        }
        Lenh | SacLenh => 1,
        NghiDinh => 3,
        // The Prime Minister's (QĐ-TTg) ranks above a minister's Thông tư; a minister's or
        // an agency's (QĐ-BGDĐT, QĐ-BNN, QĐ-NHNN) stands with it, so that a Thông tư can end
        // it (probe 15: 138 of 138 were kept as outranking the circular that replaced them).
        QuyetDinh => match number.map(str::to_uppercase) {
            Some(n) if n.contains("CTN") => 1,
            Some(n) if n.contains("TTG") => 4,
            Some(_) => 5,
            None => 4,
        },
        ThongTu | ThongTuLienTich => 5,
        _ => return None,
    })
}

/// True when the cited document ranks above the stating one, which cannot end it (a
/// Thông tư naming the law it guides, a Nghị định naming a resolution of the Quốc hội).
fn outranks(target: &crate::cite::Citation, stating: &crate::model::Metadata) -> bool {
    let (Some(t), Some(s)) = (
        target.doc_type.and_then(|t| rank(t, target.number.as_deref())),
        rank(stating.doc_type, stating.canonical.as_deref()),
    ) else {
        return false;
    };
    t < s
}

/// The event a hand-written record's status states, with its `status_source` as evidence
/// (resolved to the document and article it names, when it names one); `None` for "chưa rõ"
/// or a status without a source (which the loaders already drop: never a fact).
fn record_event(m: &crate::model::Metadata, catalog: &Catalog) -> Option<Event> {
    use crate::model::Status;
    let source = m.status_source.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let (change, date) = match m.status {
        Status::InForce | Status::NotYetInForce => (Change::Effective, m.effective),
        Status::Repealed => (Change::Ends, m.expired),
        Status::PartlyRepealed => (Change::EndsInPart, m.expired),
        Status::Unknown => return None,
    };
    let named = crate::cite::lookup(catalog, source)
        .and_then(|l| l.document().map(|d| (d.to_string(), l.article.clone())));
    let (document, label, article) = match named {
        Some((d, a)) => (d.clone(), catalog.get(&d).map_or_else(|| d.clone(), |x| x.label()), a),
        None => (m.id.clone(), m.label(), None),
    };
    Some(Event {
        change,
        date,
        part: (change == Change::EndsInPart).then(|| "một số quy định".to_string()),
        in_divisions: Vec::new(),
        kept: false,
        kept_until: None,
        evidence: Evidence {
            document,
            label,
            article,
            quote: source.to_string(),
            kind: EvidenceKind::Record,
        },
    })
}

/// Builds the validity records of `docs` (resolving against `catalog`, which should hold
/// them); the ended documents it cannot resolve are left out (see [`derive_pass`]).
pub fn derive(docs: &[Document], catalog: &Catalog) -> Validity {
    derive_pass(docs, catalog).0
}

/// [`derive`], with the ends whose document `catalog` could not resolve for certain: a name
/// and date with no number ("Luật này thay thế Luật quốc tịch Việt Nam ngày 20 tháng 5 năm
/// 1998") may name a document known only by citation, which joins the catalog after the
/// citation graph — [`Later::resolve`] tries them again then.
pub fn derive_pass(docs: &[Document], catalog: &Catalog) -> (Validity, Later) {
    // Names are read up to the catalog's titles ("Luật quốc tịch Việt Nam ngày …").
    let lex = catalog.lexicon();
    let reads: Vec<Read> = docs.par_iter().map(|d| read_document(d, lex)).collect();
    let mut records: BTreeMap<String, Record> = BTreeMap::new();
    // Own entry into force.
    let mut own: Vec<Option<Date>> = Vec::with_capacity(docs.len());
    for (doc, r) in docs.iter().zip(&reads) {
        let m = &doc.meta;
        let mut events = Vec::new();
        let ev = |article: Option<String>, quote: String, kind| Evidence {
            document: m.id.clone(),
            label: m.label(),
            article,
            quote,
            kind,
        };
        let date = match &r.effective {
            Some((article, d, quote)) => {
                events.push(Event {
                    change: Change::Effective,
                    date: Some(*d),
                    part: None,
                    in_divisions: Vec::new(),
                    kept: false,
                    kept_until: None,
                    evidence: ev(Some(article.clone()), quote.clone(), EvidenceKind::Effective),
                });
                Some(*d)
            }
            None => match (m.effective, m.articles.iter().find(|a| a.anchor.is_some())) {
                (Some(d), Some(a)) => {
                    let quote =
                        format!("có hiệu lực thi hành kể từ ngày {:02}/{:02}/{}", d.day, d.month, d.year);
                    events.push(Event {
                        change: Change::Effective,
                        date: Some(d),
                        part: None,
                        in_divisions: Vec::new(),
                        kept: false,
                        kept_until: None,
                        evidence: ev(Some(a.number.clone()), quote, EvidenceKind::PhapdienNote),
                    });
                    Some(d)
                }
                _ => None,
            },
        };
        // A hand-written status with its source: an event, unless the texts state that change.
        if let Some(e) = record_event(m, catalog) {
            if !events.iter().any(|x| x.change == e.change) {
                events.push(e);
            }
        }
        own.push(date);
        records.insert(
            m.id.clone(),
            Record {
                id: m.id.clone(),
                number: m.canonical.clone(),
                doc_type: m.doc_type,
                title: m.title.clone(),
                signed: m.signed,
                cited_only: false,
                events,
                known_until: None,
                current_until: None,
            },
        );
    }
    // What each document ends.
    let mut tally = CitedTally::default();
    let mut pending: Vec<(String, Event)> = Vec::new();
    let mut later = Later::default();
    for ((doc, r), own_date) in docs.iter().zip(&reads).zip(&own) {
        let m = &doc.meta;
        let ctx = Context::of(m);
        for (article, c) in &r.ends {
            let Clause::Ends { verb, targets, when, kept, quote } = c else { continue };
            let date = match when {
                When::On(d) => Some(*d),
                When::WithThis => r.stated.get(article).copied().or(*own_date),
            };
            let kind = match verb {
                Verb::Expires => EvidenceKind::Expires,
                Verb::Replaces => EvidenceKind::Replaces,
                Verb::Abolishes => EvidenceKind::Abolishes,
            };
            for t in targets {
                if outranks(&t.citation, m) {
                    continue;
                }
                let event = Event {
                    change: if t.part.is_some() { Change::EndsInPart } else { Change::Ends },
                    date,
                    part: t.part.clone(),
                    in_divisions: Vec::new(),
                    kept: kept.is_some() && t.part.is_none(),
                    kept_until: kept.flatten(),
                    evidence: Evidence {
                        document: m.id.clone(),
                        label: m.label(),
                        article: Some(article.clone()),
                        quote: quote.clone(),
                        kind,
                    },
                };
                let id = match crate::cite::target(&t.citation, catalog, &ctx) {
                    Some(id) => id,
                    // A number with its symbol ("04/TT", "104/TC/GTBĐ"), not a serial alone
                    // ("Thông tư số 01 ngày 2-3-1985"), which would name no one document.
                    // A number that cannot be a document's as written ("Luật Đầu tư số
                    // 67/2014/QH14": the XIVth term began in 2016) makes no record: it waits
                    // for the whole catalog, where the reader may know the document it is
                    // written for (`cite::resolve`'s numbers written otherwise; valid11: the
                    // end was dropped and the law stayed "chưa rõ").
                    None if t.citation.number.as_deref().is_some_and(|n| n.contains('/')) => {
                        match tally.add(&t.citation, &m.id) {
                            Some(id) => id,
                            None => {
                                later.ends.push(Unresolved {
                                    citation: t.citation.clone(),
                                    ctx: ctx.clone(),
                                    event,
                                });
                                continue;
                            }
                        }
                    }
                    None => {
                        later.ends.push(Unresolved { citation: t.citation.clone(), ctx: ctx.clone(), event });
                        continue;
                    }
                };
                if id != m.id {
                    pending.push((id, event));
                }
            }
        }
    }
    // A law ended "as amended by" a law that amends it alone ("Luật Cư trú số 81/2006/QH11 đã
    // được sửa đổi, bổ sung một số điều theo Luật số 36/2013/QH13 hết hiệu lực"): the
    // amending law ends with it, by the same words (trial 8: it stayed "còn hiệu lực").
    let mut with_base = Vec::new();
    for (id, e) in &pending {
        if e.change != Change::Ends {
            continue;
        }
        for d in amending_alone(&e.evidence.quote, id, catalog) {
            with_base.push((d, e.clone()));
        }
    }
    pending.extend(with_base);
    let cited = tally.finish();
    for c in &cited {
        records.entry(c.id.clone()).or_insert_with(|| Record::cited(c));
    }
    let held: std::collections::HashMap<&str, &Document> =
        docs.iter().map(|d| (d.meta.id.as_str(), d)).collect();
    for (id, mut e) in pending {
        if let (Some(part), Some(doc)) = (&e.part, held.get(id.as_str())) {
            e.in_divisions = super::divisions::articles_in(doc, part);
        }
        if let Some(r) = records.get_mut(&id) {
            if !r.events.contains(&e) {
                r.events.push(e);
            }
        }
    }
    (Validity { records, cited }, later)
}

/// An end whose document the first catalog did not resolve: the citation, where it was read
/// and the event it states.
#[derive(Debug, Clone)]
struct Unresolved {
    citation: crate::cite::Citation,
    ctx: Context,
    event: Event,
}

/// The ends [`derive_pass`] left unresolved, to try again against the whole catalog.
#[derive(Debug, Clone, Default)]
pub struct Later {
    ends: Vec<Unresolved>,
}

impl Later {
    /// How many ends wait.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether none waits.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Resolves the waiting ends against `catalog` (held and cited-only records, after the
    /// citation graph: [`crate::kb::derive`]) and adds the event of each one resolved for
    /// certain to that document's record in `v` — one the first pass lacked. A name that
    /// fits several documents, or whose date contradicts the one that bears it, stays
    /// unresolved ([`crate::cite::target`] gives no target then): never a guess. Returns how
    /// many events were added.
    pub fn resolve(self, v: &mut Validity, catalog: &Catalog) -> usize {
        let mut added = 0;
        for u in self.ends {
            let Some(id) = crate::cite::target(&u.citation, catalog, &u.ctx) else { continue };
            if u.ctx.id.as_deref() == Some(id.as_str()) {
                continue;
            }
            if let Some(r) = v.records.get_mut(&id) {
                if !r.events.contains(&u.event) {
                    r.events.push(u.event);
                    added += 1;
                }
            }
        }
        added
    }
}
