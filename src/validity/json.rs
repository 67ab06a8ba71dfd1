//! The JSON form of a document's validity, for `cancu show --json` and the API: `status` (one
//! of the five labels), `effective`, `expired`, `status_evidence` and, per article, its
//! amendments (Pháp điển notes) and repeal (a later document's "bãi bỏ Điều …").

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{json, Value};

use super::{Change, Record, StatusAt, Validity};
use crate::model::{Date, Metadata};

static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)điều\s+(\d+[a-zđ]?)").expect("article pattern"));

/// `status`, `status_at`, `effective`, `expired`, `status_evidence` of a status.
pub fn status_json(s: &StatusAt, at: Date) -> Value {
    json!({
        "status": s.status.as_vi(),
        "status_at": at,
        "effective": s.effective,
        "expired": s.expired,
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
/// documents, for the articles that have any.
pub fn article_validity(record: Option<&Record>, meta: Option<&Metadata>) -> Vec<Value> {
    let mut numbers: Vec<String> = Vec::new();
    let mut repeals: Vec<(String, Value)> = Vec::new();
    for (n, e) in repeals_by_article(record) {
        repeals.push((n.clone(), json!({ "date": e.date, "part": e.part, "evidence": e.evidence })));
        if !numbers.contains(&n) {
            numbers.push(n);
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

/// The articles a partial repeal names (article number, the event stating it), in the
/// record's order.
fn repeals_by_article(record: Option<&Record>) -> Vec<(String, &super::Event)> {
    let mut out = Vec::new();
    for e in record.into_iter().flat_map(|r| r.events.iter()).filter(|e| e.change == Change::EndsInPart) {
        let Some(part) = &e.part else { continue };
        for c in ARTICLE.captures_iter(part) {
            out.push((c[1].to_string(), e));
        }
    }
    out
}

/// What is known of each article's own status, as lines in Vietnamese, by article number:
/// each repeal stated by a later document, with its evidence ("Điều này hết hiệu lực từ
/// 01/07/2016 — theo Điều 92 Luật 84/2015/QH13: “…”"), then the Pháp điển's amendment notes.
/// Articles nothing is known of are absent (the document's status then speaks for them).
/// Computed once per document; one home for `cancu show` of an article and the document page.
pub fn article_notes(record: Option<&Record>, meta: Option<&Metadata>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (n, e) in repeals_by_article(record) {
        let ev = &e.evidence;
        let when = e.date.map_or_else(|| "(chưa rõ ngày)".to_string(), |d| format!("từ {}", d.vi()));
        let at = ev.article.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default();
        out.entry(n)
            .or_default()
            .push(format!("Điều này hết hiệu lực {when} — theo {at}{}: “{}”", ev.label, ev.quote));
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
