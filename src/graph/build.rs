//! Building the graph from documents: the citations of every preamble line and article
//! (read and resolved by a [`Resolve`]r, typed by [`super::kind`]), plus the Pháp điển's
//! amendment notes and related-article links and the relations stated in metadata.
//! Documents are read in parallel; edges are interned into the compact [`Graph`] after.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::edges::{Graph, Origin, RawEdge, NONE};
use super::kind::{classify, in_own_title, is_basis_line, Span};
use super::snippet::{around, Snippet};
use crate::catalog::{Catalog, CitedTally};
use crate::cite::{Citation, Context, Resolution, Wanted};
use crate::model::{DocType, Document, RelationKind};

/// What the graph needs from the catalog: citations read and resolved, and numbers looked up.
pub trait Resolve: Sync {
    /// Finds, reads and resolves the citations in `text`, written in the document `citing`
    /// (self-references marked `self_ref`; `target` set where resolved).
    fn citations(&self, text: &str, citing: &Context) -> Vec<Citation>;
    /// The id of the document with this number (canonical or as written), of this type if
    /// given.
    fn by_number(&self, number: &str, doc_type: Option<DocType>) -> Option<String>;
    /// The year of document `id` (signed, or in its number), if known: a citation that
    /// states another year is not linked to it (it means another version).
    fn year(&self, _id: &str) -> Option<u16> {
        None
    }
    /// The date document `id` was signed, if known.
    fn signed(&self, _id: &str) -> Option<crate::model::Date> {
        None
    }
}

/// What a citation's target depends on (besides the citing document).
type MemoKey = (
    Option<DocType>,
    Option<String>,
    Option<String>,
    Option<u16>,
    Option<crate::model::Date>,
    Option<String>,
    bool,
);

/// Targets already resolved for the document being read on this thread: a document names the
/// same few laws again and again, and resolving a name is the costly step.
struct Memo {
    owner: (usize, Option<String>, Option<crate::model::Date>, Option<String>, Vec<String>),
    targets: HashMap<MemoKey, Resolution>,
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> =
        std::cell::RefCell::new(Memo { owner: (0, None, None, None, Vec::new()), targets: HashMap::new() });
}

impl Resolve for Catalog {
    fn citations(&self, text: &str, citing: &Context) -> Vec<Citation> {
        let mut cites = crate::cite::extract_with(text, self.lexicon());
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            let owner = (
                self as *const Catalog as usize,
                citing.id.clone(),
                citing.date,
                citing.province.clone(),
                citing.basis.clone(),
            );
            if m.owner != owner {
                m.owner = owner;
                m.targets.clear();
            }
            crate::cite::resolve_each(&mut cites, self, citing, |c, at| {
                let key = (
                    c.doc_type,
                    c.number.clone(),
                    c.name.clone(),
                    c.year,
                    c.date.or(at.date),
                    c.issuer.clone(),
                    at.amended,
                );
                if let Some(r) = m.targets.get(&key) {
                    return r.clone();
                }
                let r = crate::cite::resolve_wanted(&Wanted::of(c), self, at);
                m.targets.insert(key, r.clone());
                r
            });
        });
        cites
    }

    fn by_number(&self, number: &str, doc_type: Option<DocType>) -> Option<String> {
        self.find(number, doc_type).map(|m| m.id.clone())
    }

    fn year(&self, id: &str) -> Option<u16> {
        self.get(id).and_then(crate::catalog::year_of)
    }

    fn signed(&self, id: &str) -> Option<crate::model::Date> {
        self.get(id).and_then(|m| m.signed)
    }
}

/// An edge before interning.
struct Local<'a> {
    source_article: Option<&'a str>,
    target: String,
    article: Option<String>,
    clause: Option<String>,
    point: Option<String>,
    kind: RelationKind,
    origin: Origin,
    snippet: Snippet,
}

/// Builds the citation graph of `docs`.
pub fn build<R: Resolve>(docs: &[Document], resolver: &R) -> Graph {
    build_with_cited(docs, resolver).0
}

/// Builds the citation graph of `docs`, and gathers what the citations of documents the
/// resolver does not know say of them (every numbered citation of a type and a well-formed
/// number that nothing fits: [`CitedTally`]). Their edges point to the id such a document
/// gets, so that adding the tally's records to the catalog ([`Catalog::with_cited`]) links
/// them.
pub fn build_with_cited<R: Resolve>(docs: &[Document], resolver: &R) -> (Graph, CitedTally) {
    // Pháp điển number ("44.13.LQ.23") → (document id, article number), for related links.
    let mut phapdien: HashMap<&str, (&str, &str)> = HashMap::new();
    for d in docs {
        for a in &d.meta.articles {
            if let Some(p) = &a.phapdien {
                phapdien.insert(p.as_str(), (d.meta.id.as_str(), a.number.as_str()));
            }
        }
    }
    let per_doc: Vec<(Vec<Local<'_>>, CitedTally)> =
        docs.par_iter().map(|d| edges_of(d, resolver, &phapdien)).collect();
    let mut b = Builder::default();
    let mut tally = CitedTally::default();
    for (d, (locals, t)) in docs.iter().zip(per_doc) {
        b.push_doc(&d.meta.id, locals);
        tally.merge(t);
    }
    (b.finish(), tally)
}

/// The id of the unknown document a citation names, added to `tally`: a citation with a type
/// and a well-formed number with its year (or a central Party number, its term known from
/// the citation: [`CitedTally::id_of`]) that nothing in the catalog fits.
fn cited_only(c: &Citation, citing: &str, tally: &mut CitedTally) -> Option<String> {
    if c.confidence.is_some() || c.doc_type.is_none() {
        return None;
    }
    let n = crate::number::canonicalize(c.number.as_deref()?);
    crate::number::parts(&n).filter(|p| p.year.is_some() || crate::number::party::is_central(&n))?;
    tally.add(c, citing)
}

fn edges_of<'a, R: Resolve>(
    doc: &'a Document,
    r: &R,
    phapdien: &HashMap<&str, (&'a str, &'a str)>,
) -> (Vec<Local<'a>>, CitedTally) {
    let mut out = Vec::new();
    let mut tally = CitedTally::default();
    let id = doc.meta.id.as_str();
    let mut ctx = Context::of(&doc.meta);
    let mut basis = details_basis(doc, r, &ctx);
    for p in doc.preamble() {
        let is_basis = is_basis_line(p);
        let cits = text_edges(p, None, is_basis, doc, &ctx, r, &mut out, &mut tally);
        if is_basis {
            let stated = |c: &&Citation| c.number.is_some() || c.date.is_some() || c.year.is_some();
            basis.extend(cits.iter().filter(stated).filter_map(|c| c.target.clone()));
        }
    }
    ctx.basis = basis;
    for a in doc.articles() {
        let text = a.text();
        // An amended article speaks as of its latest amendment: names mean the versions then.
        let amended =
            doc.meta.article(&a.number).and_then(|m| m.amended_by.iter().filter_map(|x| x.effective).max());
        let actx;
        let ctx = match (amended, ctx.date) {
            (Some(d), Some(c)) if d > c => {
                actx = Context { date: Some(d), ..ctx.clone() };
                &actx
            }
            _ => &ctx,
        };
        text_edges(&text, Some(a.number.as_str()), false, doc, ctx, r, &mut out, &mut tally);
    }
    for am in &doc.meta.articles {
        let src = Some(am.number.as_str());
        for amd in &am.amended_by {
            let Some(target) = r.by_number(&amd.number, amd.doc_type).filter(|t| t != id) else { continue };
            let what = match &amd.article {
                Some(n) => format!("Điều {n} {}", amd.number),
                None => amd.number.clone(),
            };
            out.push(note(
                src,
                target,
                amd.article.clone(),
                RelationKind::AmendedBy,
                format!("Được sửa đổi, bổ sung bởi {what}"),
            ));
        }
        for rel in &am.related {
            let Some(&(t, art)) = phapdien.get(rel.as_str()) else { continue };
            if t == id {
                continue;
            }
            out.push(note(
                src,
                t.to_string(),
                Some(art.to_string()),
                RelationKind::Related,
                format!("Nội dung liên quan: Điều {rel}"),
            ));
        }
    }
    for rel in &doc.meta.relations {
        let Some(target) = r.by_number(&rel.target, rel.target_type).filter(|t| t != id) else { continue };
        let msg = format!("{}: {}", rel.kind.as_vi(), rel.target);
        out.push(note(None, target, None, rel.kind, msg));
    }
    (out, tally)
}

fn note<'a>(
    src: Option<&'a str>,
    target: String,
    article: Option<String>,
    kind: RelationKind,
    text: String,
) -> Local<'a> {
    Local {
        source_article: src,
        target,
        article,
        clause: None,
        point: None,
        kind,
        origin: Origin::Note,
        snippet: Snippet { text, mark: (0, 0) },
    }
}

/// The documents `doc` says it details: its sourced "details" relations, and what its title
/// names after "quy định chi tiết" / "hướng dẫn thi hành" (a law named bare there is the
/// newest enacted by the document's date, in force then or not: a decree detailing "Bộ luật
/// Lao động" signed in December 2020 details the 2019 code, in force from 2021).
fn details_basis<R: Resolve>(doc: &Document, r: &R, ctx: &Context) -> Vec<String> {
    let mut out: Vec<String> = doc
        .meta
        .relations
        .iter()
        .filter(|rel| rel.kind == RelationKind::Details)
        .filter_map(|rel| r.by_number(&rel.target, rel.target_type))
        .collect();
    let title = &doc.meta.title;
    let enacted = Context { amended: true, ..ctx.clone() };
    let cits = r.citations(title, &enacted);
    let spans: Vec<Span> = cits.iter().filter(|c| !c.self_ref).map(|c| (c.start, c.end)).collect();
    for c in cits.iter().filter(|c| !c.self_ref) {
        let others: Vec<Span> = spans.iter().copied().filter(|&(s, _)| s < c.start).collect();
        if in_own_title(title, c.start, &others) == RelationKind::Details {
            out.extend(c.target.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The edges of one text (a preamble line or an article body); the documents cited that `r`
/// does not know go into `tally`. Returns the citations read.
#[allow(clippy::too_many_arguments)]
fn text_edges<'a, R: Resolve>(
    text: &str,
    article: Option<&'a str>,
    basis: bool,
    doc: &Document,
    ctx: &Context,
    r: &R,
    out: &mut Vec<Local<'a>>,
    tally: &mut CitedTally,
) -> Vec<Citation> {
    let cits = r.citations(text, ctx);
    if cits.is_empty() {
        return cits;
    }
    let spans: Vec<Span> = cits.iter().filter(|c| !c.self_ref).map(|c| (c.start, c.end)).collect();
    for c in &cits {
        if c.self_ref {
            continue;
        }
        let unknown;
        let target = match &c.target {
            Some(t) => t,
            None => match cited_only(c, &doc.meta.id, tally) {
                Some(t) => {
                    unknown = t;
                    &unknown
                }
                None => continue,
            },
        };
        if *target == doc.meta.id {
            continue;
        }
        // Not another version than the one the citation states, and for a document cited by
        // name, not one signed after the citing text.
        let stated = c.year.or(c.date.map(|d| d.year));
        if let (Some(y), Some(ty)) = (stated, r.year(target)) {
            if y != ty {
                continue;
            }
        }
        if c.number.is_none() {
            if let (Some(at), Some(signed)) = (ctx.date, r.signed(target)) {
                if signed > at {
                    continue;
                }
            }
        }
        let others: Vec<Span> = spans.iter().copied().filter(|&(s, _)| s < c.start).collect();
        let kind = classify(text, c.start, &others, basis);
        let pp = c.pinpoint.as_ref();
        out.push(Local {
            source_article: article,
            target: target.clone(),
            article: pp.and_then(|p| p.article.clone()),
            clause: pp.and_then(|p| p.article.as_ref().and(p.clause.clone())),
            point: pp.and_then(|p| p.article.as_ref().and(p.point.clone())),
            kind,
            origin: Origin::Text,
            snippet: around(text, c.start, c.end),
        });
    }
    cits
}

/// Interns edges into a [`Graph`].
#[derive(Default)]
struct Builder {
    graph: Graph,
    syms: HashMap<Box<str>, u32>,
}

impl Builder {
    fn doc(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.graph.doc_index.get(id) {
            return i;
        }
        let i = self.graph.docs.len() as u32;
        self.graph.docs.push(id.into());
        self.graph.doc_index.insert(id.into(), i);
        i
    }

    fn sym(&mut self, s: Option<&str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some(&i) = self.syms.get(s) {
            return i;
        }
        let i = self.graph.symbols.len() as u32;
        self.graph.symbols.push(s.into());
        self.syms.insert(s.into(), i);
        i
    }

    fn push_doc(&mut self, id: &str, locals: Vec<Local<'_>>) {
        if locals.is_empty() {
            return;
        }
        let source = self.doc(id);
        let mut seen = HashSet::new();
        for l in locals {
            let e = RawEdge {
                source,
                source_article: self.sym(l.source_article),
                target: self.doc(&l.target),
                target_article: self.sym(l.article.as_deref()),
                target_clause: self.sym(l.clause.as_deref()),
                target_point: self.sym(l.point.as_deref()),
                kind: l.kind,
                origin: l.origin,
                snippet: self.graph.snippets.len() as u32,
                len: l.snippet.text.len() as u32,
                mark: (
                    l.snippet.mark.0.min(u16::MAX as usize) as u16,
                    l.snippet.mark.1.min(u16::MAX as usize) as u16,
                ),
            };
            let key = (e.source_article, e.target, e.target_article, e.target_clause, e.target_point, e.kind);
            if !seen.insert(key) {
                continue;
            }
            self.graph.snippets.push_str(&l.snippet.text);
            self.graph.edges.push(e);
        }
    }

    fn finish(mut self) -> Graph {
        self.graph.edges.sort_by_key(|e| e.source);
        self.graph.snippets.shrink_to_fit();
        self.graph.edges.shrink_to_fit();
        self.graph.index();
        self.graph
    }
}
