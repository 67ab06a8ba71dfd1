//! The JSON form of a document's validity, for `cancu show --json` and the API: `status` (one
//! of the five labels), `effective`, `expired` (wholly, else when a part first stopped),
//! `expired_wholly`, `expired_in_part`, `status_evidence` and, per article, its amendments
//! (Pháp điển notes) and repeal (a later document's "bãi bỏ Điều …", whole or clauses and
//! points of it).

use std::collections::HashMap;

use serde_json::{json, Value};

use super::{Record, StatusAt, Validity};
use crate::model::{Date, Metadata};

/// `status`, `status_at`, `effective`, `expired`, `expired_wholly`, `expired_in_part`,
/// `status_evidence` of a status.
pub fn status_json(s: &StatusAt, at: Date) -> Value {
    json!({
        "status": s.status.as_vi(),
        "status_at": at,
        "effective": s.effective,
        "expired": s.expired,
        "expired_wholly": s.expired_wholly,
        "expired_in_part": s.expired_in_part,
        "status_evidence": s.evidence,
        "status_caveat": s.caveat,
    })
}

/// The validity fields of document `id` at `at`: [`status_json`] plus `validity_events` (the
/// whole history) and `article_validity` (per article: `amended_by`, `repealed_by`), using
/// the document's metadata (`meta`) for the Pháp điển amendment notes when it is held.
pub fn document_json(v: &Validity, id: &str, meta: Option<&Metadata>, at: Date) -> Value {
    let s = v.status_at(id, at);
    let mut out = status_json(&s, at);
    let record = v.get(id);
    if let Some(r) = record {
        out["validity_events"] = serde_json::to_value(&r.events).unwrap_or_default();
        if r.cited_only {
            out["cited_only"] = json!(true);
        }
    }
    out["article_validity"] = json!(article_validity(record, meta));
    out
}

/// Per article: the amendments noted by the Pháp điển and the repeals stated by later
/// documents, for the articles that have any. A repeal entry's `provisions` lists the
/// clauses and points repealed ("khoản 4") when not the whole article (`whole`).
pub fn article_validity(record: Option<&Record>, meta: Option<&Metadata>) -> Vec<Value> {
    let mut numbers: Vec<String> = Vec::new();
    let mut repeals: Vec<(String, Value)> = Vec::new();
    for r in record.map(Record::article_repeals).unwrap_or_default() {
        let e = r.event;
        repeals.push((
            r.article.clone(),
            json!({
                "date": e.date,
                "part": e.part,
                "whole": r.whole(),
                "provisions": r.provisions,
                "evidence": e.evidence,
            }),
        ));
        if !numbers.contains(&r.article) {
            numbers.push(r.article);
        }
    }
    if let Some(m) = meta {
        for a in m.articles.iter().filter(|a| !a.amended_by.is_empty()) {
            if !numbers.contains(&a.number) {
                numbers.push(a.number.clone());
            }
        }
    }
    numbers.sort_by_key(|n| crate::import::phapdien::build::article_order(n));
    numbers
        .into_iter()
        .map(|n| {
            let amended: Vec<Value> = meta
                .and_then(|m| m.article(&n))
                .map(|a| {
                    a.amended_by
                        .iter()
                        .map(|am| {
                            json!({
                                "number": am.number,
                                "doc_type": am.doc_type.map(|t| t.as_vi()),
                                "article": am.article,
                                "effective": am.effective,
                                "repealed": am.repealed,
                                "note": amendment_note(am),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            let repealed: Vec<&Value> = repeals.iter().filter(|(k, _)| *k == n).map(|(_, v)| v).collect();
            json!({ "article": n, "amended_by": amended, "repealed_by": repealed })
        })
        .collect()
}

/// What is known of each article's own status, as lines in Vietnamese, by article number:
/// each repeal stated by a later document, with its evidence ("Điều này hết hiệu lực từ
/// 01/07/2016 — theo Điều 92 Luật 84/2015/QH13: “…”"), then the Pháp điển's amendment notes.
/// Articles nothing is known of are absent (the document's status then speaks for them).
/// Computed once per document; one home for `cancu show` of an article and the document page.
pub fn article_notes(record: Option<&Record>, meta: Option<&Metadata>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for r in record.map(Record::article_repeals).unwrap_or_default() {
        let ev = &r.event.evidence;
        let when = r.event.date.map_or_else(|| "(chưa rõ ngày)".to_string(), |d| format!("từ {}", d.vi()));
        let at = ev.article.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default();
        let what = if r.provisions.is_empty() {
            "Điều này".to_string()
        } else {
            format!("{} của Điều này", super::articles::join_vi(&r.provisions))
        };
        out.entry(r.article)
            .or_default()
            .push(format!("{what} hết hiệu lực {when} — theo {at}{}: “{}”", ev.label, ev.quote));
    }
    for a in meta.into_iter().flat_map(|m| &m.articles) {
        for am in &a.amended_by {
            out.entry(a.number.clone()).or_default().push(format!("Điều này {}", amendment_note(am)));
        }
    }
    out
}

/// "được sửa đổi, bổ sung bởi Điều 1 Nghị định 128/2015/NĐ-CP, từ 2016-01-01".
pub fn amendment_note(am: &crate::model::Amendment) -> String {
    let mut s = String::from(if am.repealed {
        "bị bãi bỏ bởi "
    } else {
        "được sửa đổi, bổ sung bởi "
    });
    if let Some(a) = &am.article {
        s.push_str(&format!("Điều {a} "));
    }
    if let Some(t) = am.doc_type {
        s.push_str(t.as_vi());
        s.push(' ');
    }
    s.push_str(&am.number);
    if let Some(d) = am.effective {
        s.push_str(&format!(", từ {d}"));
    }
    s
}
