//! The plan linker: reads a plan, report or Party document in plain text, finds and resolves
//! its citations, recognizes its outline ([`outline`]) and reports per clause the sources it
//! cites, per source the clauses citing it, and [`warn`]ings (unresolved, not in force at the
//! plan's date, wrong date, two numberings, malformed number, impossible deadline). Renders
//! the text with every citation linked ([`render`]) as HTML or Markdown.

pub mod header;
mod lookup;
pub mod outline;
pub mod render;
pub mod report;
mod validity;
pub mod warn;

use std::collections::HashMap;

pub use report::{ClauseSources, LinkReport, Linked, Source, Summary};
pub use warn::{Lookup, Span, Warning, WarningGroup, WarningKind};

use crate::cite::Context;
use crate::graph::Resolve;
use crate::model::{DocType, Metadata, Status};

/// What the linker needs from the catalog: citations read and resolved, and metadata.
pub trait Catalogue: Resolve + Lookup {}
impl<T: Resolve + Lookup> Catalogue for T {}

/// The prefix of the server's document pages (`/van-ban/<id>`): the default link base, so
/// that `cancu link` and `cancu serve` give the same links.
pub const DEFAULT_BASE: &str = "/van-ban/";

/// Options of [`link`].
#[derive(Debug, Clone)]
pub struct Options {
    /// Prefix of document links: `<base><id>#<anchor>` (default [`DEFAULT_BASE`]).
    pub base: String,
}

impl Default for Options {
    fn default() -> Options {
        Options { base: DEFAULT_BASE.into() }
    }
}

/// The link of a citation target, with the anchor of the pinpointed article, clause or
/// point — only of the parts the corpus holds (`lookup`): no link to a clause the article
/// lacks.
pub fn href(base: &str, target: &str, c: &crate::cite::Citation, lookup: &dyn Lookup) -> String {
    match anchor(c, lookup) {
        Some(a) => format!("{base}{target}#{a}"),
        None => format!("{base}{target}"),
    }
}

/// The anchor of a resolved citation's pinpoint in its target, down to the parts held: the
/// article without the clause when the clause is missing, none when the article is.
pub fn anchor(c: &crate::cite::Citation, lookup: &dyn Lookup) -> Option<String> {
    let p = c.pinpoint.as_ref()?;
    let a = p.article.as_deref()?;
    let t = c.target.as_deref()?;
    match lookup.lacks(t, a, p.clause.as_deref()) {
        Some(crate::catalog::Missing::Article(_)) => None,
        Some(crate::catalog::Missing::Clause { .. }) => Some(crate::structure::anchor(a, None, None)),
        None => Some(crate::structure::anchor(a, p.clause.as_deref(), p.point.as_deref())),
    }
}

/// Links `text`: citations resolved against `catalog`, outline, sources and warnings.
pub fn link<C: Catalogue>(text: &str, catalog: &C, opts: &Options) -> LinkReport {
    link_with(text, catalog, opts, None)
}

/// [`link`], with validity records (issue #11): a citation they settle is judged by them —
/// not in force at the plan's date, with the evidence — instead of by the metadata.
pub fn link_with<C: Catalogue>(
    text: &str,
    catalog: &C,
    opts: &Options,
    records: Option<&crate::validity::Validity>,
) -> LinkReport {
    let head = header::read(text);
    let ctx = Context { doc_type: head.doc_type.or(Some(DocType::KeHoach)), ..head.context() };
    let text = &*head.readable(text);
    let mut cits = catalog.citations(text, &ctx);
    let outline = outline::parse(text);
    // The plan's own number (in its header, and wherever the text names it) is the plan
    // itself: a reference to the text, not a source not found.
    if let Some(own) = head.number.as_deref().map(crate::number::key) {
        for c in cits.iter_mut().filter(|c| c.target.is_none()) {
            if c.number.as_deref().is_some_and(|n| crate::number::key(n) == own) {
                c.self_ref = true;
            }
        }
    }

    let mut clauses: Vec<ClauseSources> = outline
        .iter()
        .map(|c| ClauseSources { clause: c.clone(), targets: vec![], unresolved: vec![], citations: vec![] })
        .collect();
    let mut sources: Vec<Source> = Vec::new();
    let mut source_of: HashMap<String, usize> = HashMap::new();
    let mut linked = Vec::with_capacity(cits.len());
    for (i, c) in cits.iter().enumerate() {
        let ci = outline::clause_at(&outline, c.start);
        let clause_no = ci.map_or(String::new(), |k| outline[k].number.clone());
        let meta = c.target.as_deref().and_then(|t| catalog.meta(t));
        // A base law named inside an amending law's title is part of that citation: linked
        // in the text, but not a source of the clause, nor warned about, nor counted.
        let part_of_title = c.within.is_some();
        if let Some(k) = ci.filter(|_| !part_of_title) {
            let cs = &mut clauses[k];
            cs.citations.push(i);
            match &c.target {
                Some(t) if !cs.targets.contains(t) => cs.targets.push(t.clone()),
                None if !c.self_ref && (c.number.is_some() || c.name.is_some()) => {
                    cs.unresolved.push(c.text.clone())
                }
                _ => {}
            }
        }
        let href = c.target.as_deref().map(|t| href(&opts.base, t, c, catalog));
        if let Some(t) = c.target.as_deref().filter(|_| !part_of_title) {
            let s = *source_of.entry(t.to_string()).or_insert_with(|| {
                sources.push(Source {
                    target: t.to_string(),
                    label: meta.map_or_else(|| t.to_string(), Metadata::label),
                    // A record known only by citation is titled with its label: no title.
                    title: meta
                        .filter(|m| m.title != m.label())
                        .map_or_else(String::new, |m| m.title.clone()),
                    status: meta.map_or(Status::Unknown, |m| m.status),
                    href: format!("{}{t}", opts.base),
                    clauses: vec![],
                    citations: vec![],
                });
                sources.len() - 1
            });
            let src = &mut sources[s];
            src.citations.push(i);
            if !src.clauses.contains(&clause_no) {
                src.clauses.push(clause_no.clone());
            }
        }
        linked.push(Linked {
            citation: c.clone(),
            clause: clause_no,
            href,
            label: meta.map(Metadata::label),
            status: c.target.as_ref().map(|_| meta.map_or(Status::Unknown, |m| m.status)),
        });
    }

    // With validity records, a source's status is theirs at the plan's date when they know
    // it (a document known only by citation, "chưa rõ" in the catalog, may be repealed by
    // then), as the warnings judge it.
    if let Some(v) = records {
        let day = head.date.unwrap_or_else(crate::model::Date::today);
        for s in &mut sources {
            s.status = v.status_or(&s.target, day, s.status);
        }
        for l in &mut linked {
            if let (Some(t), Some(st)) = (l.citation.target.as_deref(), l.status.as_mut()) {
                *st = v.status_or(t, day, *st);
            }
        }
    }

    let lookup: &dyn Lookup = catalog;
    let mut warnings = warn::unresolved(&cits, head.date, catalog);
    match records {
        Some(v) => {
            let (found, settled) = validity::warnings(&cits, head.date, v);
            warnings.extend(
                warn::validity(&cits, head.date, lookup)
                    .into_iter()
                    .filter(|w| w.citation.is_none_or(|i| !settled.contains(&i))),
            );
            warnings.extend(found);
        }
        None => warnings.extend(warn::validity(&cits, head.date, lookup)),
    }
    warnings.extend(warn::dates(&cits, lookup));
    warnings.extend(warn::issuers(&cits, lookup));
    warnings.extend(warn::names(&cits, head.date, lookup));
    warnings.extend(warn::types(&cits, lookup));
    warnings.extend(warn::articles(&cits, lookup));
    warnings.extend(warn::numberings(&cits, lookup));
    warnings.extend(warn::malformed(text, &cits, lookup));
    warnings.extend(warn::deadlines(text, head.date));
    warnings.extend(warn::invalid_dates(text));
    warnings.retain(|w| w.citation.is_none_or(|i| cits[i].within.is_none()));
    warnings.sort_by_key(|w| (w.span.start, w.kind));
    let (warnings, groups) = warn::order(warnings);
    let cited_only = linked
        .iter()
        .filter(|l| l.citation.within.is_none())
        .filter(|l| l.citation.target.as_deref().is_some_and(|t| lookup.cited_only(t)))
        .count();
    let missing =
        |c: &crate::cite::Citation| warn::version_missing(c, head.date, lookup).is_some_and(|m| m.not_held());
    let summary = Summary::of(&linked, &groups, warnings.len(), cited_only, &missing);

    LinkReport {
        date: head.date,
        place: head.place,
        undated_month: head.undated.map(|(m, y)| format!("{m:02}/{y}")),
        citations: linked,
        clauses,
        sources,
        warnings,
        groups,
        summary,
    }
}

#[cfg(test)]
mod tests;
