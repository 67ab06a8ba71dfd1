//! Resolving a reference string ("khoản 2 Điều 5 Luật 10/2022/QH15", "NĐ 59/2023/NĐ-CP điều
//! 3", "Điều 8 Luật Thực hiện dân chủ ở cơ sở") to a document and, where pinpointed, an
//! article, clause and point with their anchor, for `/api/resolve`. The reading and the
//! resolution are [`crate::cite::lookup`]'s, as for the search box, `cancu show` and `cancu
//! cite`, so they all agree.

use serde::Serialize;

use super::error::AppError;
use super::state::Snapshot;
use crate::cite::Confidence;
use crate::model::DocType;

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The document id.
    pub id: String,
    /// "Luật 10/2022/QH15".
    pub label: String,
    pub title: String,
    pub doc_type: DocType,
    pub number: Option<String>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// The anchor in the document page (`dieu-5-khoan-2-diem-đ`), if pinpointed.
    pub anchor: Option<String>,
    /// The document page, with the anchor.
    pub url: String,
    /// How the document was found: `exact` (number), `name`, `variant` (a number written
    /// otherwise than the document's that can only be it: "4/2015/NĐ-CP"), or `ambiguous`
    /// (the only candidate of a partial reference such as "nghị định 145").
    pub confidence: Confidence,
    /// Its validity status at the date asked (default today): one of the five labels.
    pub status: crate::model::Status,
    /// With `ambiguous`: why it is not certain, in Vietnamese (the same notice as `cancu
    /// show` and the search box: "Khớp gần đúng: … Hãy ghi đủ số hiệu để chắc chắn."); a
    /// part of the pinpoint the article lacks is said here too ("Điều 35 của Bộ luật
    /// 45/2019/QH14 không có khoản 3."), the answer pointing at what it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The other versions of a name several documents share ("luật đất đai"), newest first,
    /// with their status at the date asked: "phiên bản khác".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_versions: Vec<OtherVersion>,
}

/// Another version of the document named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherVersion {
    pub id: String,
    pub label: String,
    pub title: String,
    pub status: crate::model::Status,
}

/// Resolves `text` against the snapshot's catalog at the date `at` (default today: a name
/// several versions share goes to the one in force then); the article's parts are checked
/// against the document's text.
pub fn resolve(snap: &Snapshot, text: &str, at: Option<crate::model::Date>) -> Result<Resolved, AppError> {
    let not_found = || AppError::not_found("Không tìm thấy văn bản được dẫn chiếu trong kho dữ liệu.");
    let r = crate::cite::lookup_at(&snap.catalog, text, at).ok_or_else(not_found)?;
    let day = at.unwrap_or_else(crate::model::Date::today);
    // The status at the date from the validity records; the record's own where they know none.
    let status_of = |m: &crate::model::Metadata| snap.status_at(&m.id, day);
    let other_versions = r
        .others
        .iter()
        .filter_map(|o| snap.catalog.get(o))
        .map(|m| OtherVersion {
            id: m.id.clone(),
            label: m.label(),
            title: m.title.clone(),
            status: status_of(m),
        })
        .collect();
    let label = |d: &str| snap.catalog.get(d).map_or_else(|| d.to_string(), |m| m.label());
    if r.missing.is_some() {
        // The version asked for is not held: no document answers, the notice names the ones
        // held (a client reading only `id` would link another law; trial 7).
        return Err(AppError::not_found(r.ambiguity_vi(label)));
    }
    if let Some(notice) = r.not_held_vi(label) {
        // An article of a document whose text is not held: no article answers (the same
        // notice as `cancu show` and the search box), the held versions that have it named.
        return Err(AppError::not_found(notice));
    }
    let doc = match r.docs.as_slice() {
        [] => return Err(not_found()),
        [one] => super::api::document(snap, one)?,
        _ => {
            return Err(AppError::new(
                axum::http::StatusCode::CONFLICT,
                "ambiguous_reference",
                r.ambiguity_vi(label),
            ));
        }
    };
    let article = r.article.clone();
    let (mut clause, mut point, mut missing) = (None, None, None);
    if let Some(a) = &article {
        let Some(art) = doc.article(a) else {
            return Err(AppError::not_found(format!(
                "{} không có Điều {a} trong kho dữ liệu.",
                doc.meta.label()
            )));
        };
        // Keep only the parts of the pinpoint the article has ("điểm d" where the clause has
        // only a, b, đ points to the clause), and say what it lacks.
        let held = crate::structure::Outline::of(art).held(r.clause.as_deref(), r.point.as_deref());
        clause = held.clause;
        point = held.point;
        missing = held.missing.map(|m| format!("Điều {a} của {} không có {m}.", doc.meta.label()));
    }
    let anchor = article.as_deref().map(|a| crate::structure::anchor(a, clause.as_deref(), point.as_deref()));
    let url = super::url::at(&doc.meta.id, anchor.as_deref());
    Ok(Resolved {
        id: doc.meta.id.clone(),
        label: doc.meta.label(),
        title: doc.meta.title.clone(),
        doc_type: doc.meta.doc_type,
        number: doc.meta.canonical.clone(),
        article,
        clause,
        point,
        anchor,
        url,
        confidence: r.confidence,
        status: status_of(&doc.meta),
        note: [
            (r.confidence == Confidence::Ambiguous).then(|| {
                r.ambiguity_vi(|d| snap.catalog.get(d).map_or_else(|| d.to_string(), |m| m.label()))
            }),
            r.variant_vi(&doc.meta),
            r.unread_vi(),
            missing,
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a} {b}")),
        other_versions,
    })
}
