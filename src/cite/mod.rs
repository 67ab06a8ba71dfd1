//! Citations: finding, reading and resolving references to legal and Party documents in
//! free Vietnamese text. Stages, as in eyecite: [`clean`] (normalize, keep the way back to the
//! input) → [`find`] (one pass over a table of [`patterns`]) → [`read`] (number, date,
//! issuer, name bounded by a [`Lexicon`] of known names; [`pinpoint`]s) → [`resolve`]
//! (against a [`crate::catalog::Catalog`]) → [`annotate`] (the text cut into marked pieces for
//! every renderer). [`extract`] reads with the built-in lexicon, [`extract_with`] with a given
//! one (the catalog's: [`crate::catalog::Catalog::lexicon`]). [`query`] reads a reference
//! typed by a person and [`lookup`] resolves it through the same resolver.
//!
//! ```
//! let cites = cancu::cite::extract("theo khoản 2 Điều 5 của Nghị định số 59/2023/NĐ - CP.");
//! assert_eq!(cites.len(), 1);
//! assert_eq!(cites[0].number.as_deref(), Some("59/2023/NĐ-CP"));
//! assert_eq!(cites[0].pinpoint_text().as_deref(), Some("khoản 2 Điều 5"));
//! ```

pub mod annotate;
mod citation;
mod clean;
mod find;
pub mod issuer;
pub mod lexicon;
pub mod patterns;
mod pinpoint;
pub mod query;
mod read;
mod resolve;
pub(crate) mod scan;

pub use citation::{Citation, Pinpoint};
pub use find::{extract, extract_with};
pub use lexicon::Lexicon;
pub use pinpoint::{describe as describe_pinpoint, listed as listed_pinpoints};
pub use query::{lookup, lookup_at, Lookup};
pub use resolve::{
    resolve, resolve_each, resolve_wanted, target, version_missing, within_context, Confidence, Context,
    Resolution, VersionMissing, Wanted, MAX_CANDIDATES,
};

use crate::catalog::Catalog;

/// The canonical document number written at byte `i` of `t` ("45 - KH/ĐUK" → "45-KH/ĐUK"),
/// if one starts there: the citation reader's number, for a number read outside a citation
/// (a plan's own number in its header, `link::header`).
pub fn number_at(t: &str, i: usize) -> Option<String> {
    read::number(t, i, false).filter(|n| !n.bare).map(|n| n.canonical)
}

/// Extracts the citations of `text` (names bounded by the catalog's titles) and resolves them
/// against `catalog` for the citing document `ctx`.
pub fn extract_resolved(text: &str, catalog: &Catalog, ctx: &Context) -> Vec<Citation> {
    let mut cites = extract_with(text, catalog.lexicon());
    resolve(&mut cites, catalog, ctx);
    cites
}

impl Citation {
    /// The anchor of the pinpointed article, clause or point in the cited document
    /// (`dieu-23-khoan-4`, see [`crate::structure::anchor`]), when the pinpoint names an article.
    pub fn anchor(&self) -> Option<String> {
        let p = self.pinpoint.as_ref()?;
        let article = p.article.as_deref()?;
        Some(crate::structure::anchor(article, p.clause.as_deref(), p.point.as_deref()))
    }

    /// The pinpoint as words ("điểm a khoản 1 Điều 5"), if any.
    pub fn pinpoint_text(&self) -> Option<String> {
        let p = self.pinpoint.as_ref()?;
        let mut s = pinpoint::describe(p);
        if self.self_ref
            && p.article.is_none()
            && (p.clause.is_some() || p.point.is_some())
            && self.doc_type.is_none()
        {
            s.push_str(" Điều này");
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests;
