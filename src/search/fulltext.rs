//! The full-text query, built programmatically from a [`Parsed`] query: every syllable is
//! looked up exact (only if the user typed diacritics) and folded, every pair of adjacent
//! syllables as a folded bigram, in the three zones (article title, context = document
//! title and headings, body), each with its weight. A flat union of boosted term queries, so
//! that Tantivy's block-max WAND prunes it. Quoted phrases must match as phrases.

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query as TQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::query::Parsed;
use crate::index::analysis::{term, Mode};
use crate::index::schema::{Fields, Zone};

/// Weights of zones and of the three ways a syllable is matched.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub title: f32,
    pub ctx: f32,
    pub body: f32,
    pub exact: f32,
    pub folded: f32,
    pub bigram: f32,
}

/// The weights in use.
pub const WEIGHTS: Weights =
    Weights { title: 1.0, ctx: 0.5, body: 1.0, exact: 0.6, folded: 1.0, bigram: 1.5 };

/// Most distinct syllables used from one query.
const MAX_TERMS: usize = 40;

/// The terms of a query, by kind.
#[derive(Debug, Default, Clone)]
pub struct Terms {
    pub exact: BTreeSet<String>,
    pub folded: BTreeSet<String>,
    pub bigrams: BTreeSet<String>,
}

/// The terms of a parsed query.
pub fn terms(p: &Parsed) -> Terms {
    let mut t = Terms::default();
    for seg in &p.segments {
        let mut prev: Option<String> = None;
        for (w, broken) in &seg.words {
            if t.folded.len() >= MAX_TERMS {
                break;
            }
            let f = term(w, Mode::Folded);
            if p.diacritics {
                t.exact.insert(w.clone());
            }
            if let (Some(pv), false) = (&prev, *broken) {
                t.bigrams.insert(format!("{pv}_{f}"));
            }
            t.folded.insert(f.clone());
            prev = Some(f);
        }
    }
    t
}

fn term_q(field: Field, text: &str, boost: f32) -> (Occur, Box<dyn TQuery>) {
    let tq = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
    (Occur::Should, Box::new(BoostQuery::new(Box::new(tq), boost)))
}

/// The scoring query of `p` (without filters).
pub fn build(f: &Fields, p: &Parsed, w: &Weights) -> (Box<dyn TQuery>, Terms) {
    let t = terms(p);
    let zones: [(Zone, f32); 3] = [(f.title_zone, w.title), (f.ctx_zone, w.ctx), (f.body_zone, w.body)];
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    for (z, zw) in zones {
        clauses.extend(t.exact.iter().map(|s| term_q(z.exact, s, zw * w.exact)));
        clauses.extend(t.folded.iter().map(|s| term_q(z.folded, s, zw * w.folded)));
        clauses.extend(t.bigrams.iter().map(|s| term_q(z.bigram, s, zw * w.bigram)));
    }
    let scoring: Box<dyn TQuery> = Box::new(BooleanQuery::new(clauses));
    let phrases: Vec<Box<dyn TQuery>> = p
        .segments
        .iter()
        .filter(|s| s.phrase)
        .map(|s| {
            let words: Vec<String> = s.words.iter().map(|(w, _)| term(w, Mode::Folded)).collect();
            let in_zone = |field: Field| -> (Occur, Box<dyn TQuery>) {
                if words.len() == 1 {
                    return term_q(field, &words[0], 1.0);
                }
                let terms = words.iter().map(|x| Term::from_field_text(field, x)).collect();
                (Occur::Should, Box::new(PhraseQuery::new(terms)))
            };
            let any: Box<dyn TQuery> = Box::new(BooleanQuery::new(vec![
                in_zone(f.title_zone.folded),
                in_zone(f.ctx_zone.folded),
                in_zone(f.body_zone.folded),
            ]));
            any
        })
        .collect();
    if phrases.is_empty() {
        return (scoring, t);
    }
    let mut all = vec![(Occur::Must, scoring)];
    all.extend(
        phrases.into_iter().map(|q| (Occur::Must, Box::new(BoostQuery::new(q, 0.0)) as Box<dyn TQuery>)),
    );
    (Box::new(BooleanQuery::new(all)), t)
}
