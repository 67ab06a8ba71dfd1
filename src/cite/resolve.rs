//! Resolve: from what a citation says to a document id in the [`Catalog`]. By number and type
//! (a provincial Party number like `66-NQ/TU` only within the province of its issuer or of the
//! citing document); `11-QĐ/TW` for `11-QĐi/TW` when type, date and issuer agree; by name for
//! documents cited without a number, choosing the version in force at the citing date; a
//! self reference to the citing document. What cannot be resolved keeps `target: None` and
//! everything it read.

use super::citation::Citation;
use crate::catalog::{pick_version, Catalog};
use crate::model::{Date, DocType, Metadata};
use crate::number::{self, Shape};
use crate::text::fold;

/// The citing document: where a citation is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Its id: the target of self references.
    pub id: Option<String>,
    pub doc_type: Option<DocType>,
    /// Its province, which scopes provincial Party numbers.
    pub province: Option<String>,
    /// Its date: which version a name means.
    pub date: Option<Date>,
}

impl Context {
    /// The context of a corpus document.
    pub fn of(meta: &Metadata) -> Context {
        Context {
            id: Some(meta.id.clone()),
            doc_type: Some(meta.doc_type),
            province: meta.province.clone(),
            date: meta.signed.or(meta.effective),
        }
    }
}

/// Resolves every citation in place (sets `target`).
pub fn resolve(citations: &mut [Citation], catalog: &Catalog, ctx: &Context) {
    for c in citations {
        c.target = target(c, catalog, ctx);
    }
}

/// The id of the document a citation refers to, if the catalog has it.
pub fn target(c: &Citation, catalog: &Catalog, ctx: &Context) -> Option<String> {
    if c.self_ref {
        return ctx.id.clone();
    }
    if let Some(n) = &c.number {
        return by_number(c, n, catalog, ctx).map(|m| m.id.clone());
    }
    let t = c.doc_type?;
    let cands = match &c.name {
        Some(name) => catalog.by_name(Some(t), name),
        None if t == DocType::HienPhap => catalog.by_type(t),
        None => return None,
    };
    let cands = if cands.is_empty() { prefix_named(c, catalog) } else { cands };
    pick_version(&cands, c.year, c.date.or(ctx.date)).map(|m| m.id.clone())
}

/// A cited name cut short ("Luật Phòng, chống tác hại" of "… của thuốc lá"): the one document
/// of that type whose name starts with it.
fn prefix_named<'a>(c: &Citation, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let (Some(name), Some(t)) = (&c.name, c.doc_type) else { return Vec::new() };
    let key = crate::catalog::name_key(name);
    if key.split(' ').count() < 2 {
        return Vec::new();
    }
    let with_space = format!("{key} ");
    let hits: Vec<_> = catalog
        .by_type(t)
        .into_iter()
        .filter(|m| crate::catalog::name_key(&m.title).starts_with(&with_space))
        .collect();
    let distinct: std::collections::BTreeSet<_> =
        hits.iter().map(|m| crate::catalog::name_key(&m.title)).collect();
    if distinct.len() == 1 {
        hits
    } else {
        Vec::new()
    }
}

fn by_number<'a>(c: &Citation, n: &str, catalog: &'a Catalog, ctx: &Context) -> Option<&'a Metadata> {
    let mut cands = if n.bytes().all(|b| b.is_ascii_digit()) {
        bare(c, n, catalog)
    } else {
        catalog.by_number_and_type(n, c.doc_type)
    };
    if cands.is_empty() {
        cands = party_variant(c, n, catalog);
    }
    let local = number::parts(n).is_some_and(|p| p.shape == Shape::Party && !p.symbol.ends_with("/TW"));
    if local && cands.len() > 1 || local && cands.iter().any(|m| m.province.is_some()) {
        let province = issuer_province(c, &cands).or_else(|| ctx.province.clone());
        match province {
            Some(p) => cands.retain(|m| m.province.as_deref().is_none_or(|mp| fold(mp) == fold(&p))),
            None if cands.len() > 1 => return None,
            None => {}
        }
    }
    if cands.len() > 1 {
        if let Some(d) = c.date {
            let same: Vec<_> = cands.iter().copied().filter(|m| m.signed == Some(d)).collect();
            if !same.is_empty() {
                cands = same;
            }
        }
    }
    pick_version(&cands, c.year, ctx.date)
}

/// A province named in the citation's issuer ("Ban Thường vụ Tỉnh ủy Yên Bái").
fn issuer_province(c: &Citation, cands: &[&Metadata]) -> Option<String> {
    let issuer = fold(c.issuer.as_deref()?);
    cands.iter().filter_map(|m| m.province.as_deref()).find(|p| issuer.contains(&fold(p))).map(String::from)
}

/// `11-QĐ/TW` for `11-QĐi/TW` (and the reverse): accepted only when the type is the same and
/// the written date (or, without one, the issuer) agrees.
fn party_variant<'a>(c: &Citation, n: &str, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let Some(p) = number::parts(n) else { return Vec::new() };
    if p.shape != Shape::Party {
        return Vec::new();
    }
    let other = if let Some(rest) = p.symbol.strip_prefix("QĐi/") {
        format!("{}-QĐ/{rest}", p.serial)
    } else if let Some(rest) = p.symbol.strip_prefix("QĐ/") {
        format!("{}-QĐi/{rest}", p.serial)
    } else {
        return Vec::new();
    };
    catalog
        .by_number_and_type(&other, c.doc_type)
        .into_iter()
        .filter(|m| match (c.date, m.signed) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => false,
            (None, _) => issuers_agree(c.issuer.as_deref(), m.issuer.as_deref()),
        })
        .collect()
}

fn issuers_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (fold(a), fold(b));
            a.contains(&b) || b.contains(&a)
        }
        _ => false,
    }
}

/// A bare serial ("Quyết định số 217 … của Bộ Chính trị"): the central Party numbers it can
/// only be, when the issuer is a central Party body.
fn bare<'a>(c: &Citation, n: &str, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let Some(issuer) = c.issuer.as_deref().map(fold) else { return Vec::new() };
    let central =
        ["bo chinh tri", "ban bi thu", "ban chap hanh trung uong"].iter().any(|b| issuer.starts_with(b));
    if !central {
        return Vec::new();
    }
    let kinds: &[&str] = match c.doc_type {
        Some(DocType::QuyetDinh) => &["QĐ"],
        Some(DocType::QuyDinh) => &["QĐi", "QĐ"],
        Some(DocType::ChiThi) => &["CT"],
        Some(DocType::NghiQuyet) => &["NQ"],
        Some(DocType::KetLuan) => &["KL"],
        _ => &[],
    };
    kinds.iter().flat_map(|k| catalog.by_number_and_type(&format!("{n}-{k}/TW"), c.doc_type)).collect()
}
