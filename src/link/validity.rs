//! Warnings from the validity records ([`crate::validity`]): a plan citing a document (held,
//! or known only by citation, like Bộ luật Lao động 10/2012/QH13) that is not in force at the
//! plan's date is warned with the evidence — the later document, its article and its words.
//! A citation these records settle replaces the metadata verdict of [`super::warn::validity`].

use super::warn::{vi_date, Span, Warning, WarningKind};
use crate::cite::Citation;
use crate::model::{Date, Status};
use crate::validity::{Evidence, Validity};

/// The record a citation names: its resolved target's (documents only cited are catalogued,
/// so they are targets too).
fn record_of<'a>(c: &Citation, v: &'a Validity) -> Option<&'a crate::validity::Record> {
    if c.self_ref {
        return None;
    }
    v.get(c.target.as_deref()?)
}

fn cite_evidence(e: &Evidence) -> String {
    let art = e.article.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default();
    format!("theo {art}{}: “{}”", e.label, e.quote)
}

/// The pinpoint's article and clause, when it has an article.
fn pinpointed(c: &Citation) -> Option<(&str, Option<&str>)> {
    let p = c.pinpoint.as_ref()?;
    Some((p.article.as_deref()?, p.clause.as_deref()))
}

/// When the article (or clause) a citation pinpoints is itself repealed by `at` (the plan's
/// date, `plan` as written): "Điều 105 Luật 58/2014/QH13 đã hết hiệu lực từ ngày 01/07/2016
/// (trước ngày …), theo …" — the whole article, the clause cited, or the clauses and points
/// of the article cited that are.
fn article_repealed(c: &Citation, r: &crate::validity::Record, at: Date, plan: &str) -> Option<String> {
    let hit = r.cited_repeal(c, at)?;
    let only = if hit.status == Status::PartlyRepealed {
        format!(" (Điều {} chỉ hết hiệu lực một phần)", pinpointed(c)?.0)
    } else {
        String::new()
    };
    let when = hit.event.date.map(|d| format!(" từ ngày {}", vi_date(d))).unwrap_or_default();
    Some(format!(
        "{} {} đã hết hiệu lực{when}{only} (trước ngày {plan}), {}.",
        hit.what,
        r.label(),
        cite_evidence(&hit.event.evidence)
    ))
}

/// Whether a known partial repeal names article `article` (whole or clauses of it).
fn named(r: &crate::validity::Record, article: &str) -> bool {
    r.article_repeals().iter().any(|x| x.article == article)
}

/// The warnings, and the indices of the citations the records settle (in force or not).
pub fn warnings(cits: &[Citation], at: Option<Date>, v: &Validity) -> (Vec<Warning>, Vec<usize>) {
    let day = at.unwrap_or_else(Date::today);
    let plan = vi_date(day);
    let mut out = Vec::new();
    let mut settled = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        let Some(r) = record_of(c, v) else { continue };
        // The article (or clause) cited is itself repealed: said whatever else is known of
        // the document at that date.
        if let Some(m) = article_repealed(c, r, day, &plan) {
            settled.push(i);
            out.push(Warning {
                kind: WarningKind::NotInForce,
                message: m,
                span: Span { start: c.start, end: c.end },
                citation: Some(i),
            });
            continue;
        }
        let s = r.status_at(day);
        if s.status == Status::Unknown {
            continue;
        }
        settled.push(i);
        let ev = s.evidence.first().map(cite_evidence).unwrap_or_default();
        let (kind, msg) = match s.status {
            Status::Repealed => (
                WarningKind::NotInForce,
                format!(
                    "{} đã hết hiệu lực{} (trước ngày {plan}), {ev}.",
                    r.label(),
                    s.expired.map(|d| format!(" từ ngày {}", vi_date(d))).unwrap_or_default()
                ),
            ),
            // An article no known repeal names stands, as far as the texts go: no warning.
            Status::PartlyRepealed if pinpointed(c).is_some_and(|(a, _)| !named(r, a)) => continue,
            Status::PartlyRepealed => (
                WarningKind::PartlyNotInForce,
                format!(
                    "{} đã hết hiệu lực một phần{} (trước ngày {plan}), {ev}.",
                    r.label(),
                    s.expired_in_part
                        .or(s.expired)
                        .map(|d| format!(" từ ngày {}", vi_date(d)))
                        .unwrap_or_default(),
                ),
            ),
            Status::NotYetInForce => (
                WarningKind::NotYetInForce,
                format!(
                    "{} có hiệu lực từ ngày {}, sau ngày của văn bản này ({plan}), {ev}.",
                    r.label(),
                    s.effective.map(vi_date).unwrap_or_default()
                ),
            ),
            _ => continue,
        };
        out.push(Warning {
            kind,
            message: msg,
            span: Span { start: c.start, end: c.end },
            citation: Some(i),
        });
    }
    (out, settled)
}
