//! Pseudo-relevance feedback for a question's second stage ([`super::rerank`]): the titles
//! of the first stage's best hits say, in the law's words, what the question is about
//! ("trợ cấp", "hưởng", "điều kiện" around an everyday wording). The folded syllables and
//! bigrams that several of those titles share and the question lacks, weighed by how many
//! titles hold them times their IDF, are looked up in the article titles together with the
//! question's own content words (a small title-only query, pruned); its best articles not
//! yet among the candidates join them, with the first-stage score they have (or the lowest
//! of the first stage's list when they are not in it).

use std::collections::{HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query as TQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::rerank::{title_terms, Columns, Question};
use crate::index::schema::{Fields, KIND_ARTICLE};

/// How many of the first stage's best hits give their titles.
pub const FROM: usize = 5;

/// Most feedback terms.
pub const TERMS: usize = 5;

/// Most articles added to the candidates of one question.
pub const ADDED: usize = 5;

fn env(name: &str, default: f32) -> f32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The feedback terms of `titles` (the first stage's best, best first) for `q`: folded
/// syllables and bigrams held by two titles or more and not by the question, with weight
/// (share of the titles holding them × `idf`), best first, at most [`TERMS`].
pub fn terms(q: &Question, titles: &[&str], idf: &dyn Fn(&str) -> f32) -> Vec<(String, f32)> {
    let asked: HashSet<&str> = q.terms().collect();
    let mut held: HashMap<String, usize> = HashMap::new();
    for t in titles {
        let (syl, bi) = title_terms(t);
        let set: HashSet<String> = syl.into_iter().chain(bi).collect();
        for s in set {
            if !asked.contains(s.as_str()) {
                *held.entry(s).or_default() += 1;
            }
        }
    }
    let n = titles.len().max(1) as f32;
    let mut out: Vec<(String, f32)> = held
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .map(|(t, c)| {
            let w = c as f32 / n * idf(&t);
            (t, w)
        })
        .filter(|(_, w)| *w > 0.0)
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(env("FB_TERMS", TERMS as f32) as usize);
    out
}

/// The articles to add to `head` (the candidates, best first) for `q`: the best of a title
/// query of `q`'s content terms and the feedback [`terms`] of `head`'s first [`FROM`]
/// titles, at most [`ADDED`] not in `head`, each with its score in `first` (the first
/// stage's list, best first) or the lowest score of `first`.
pub fn added(
    q: &Question,
    fields: &Fields,
    s: &tantivy::Searcher,
    columns: &Columns,
    head: &[(f32, DocAddress)],
    first: &[(f32, DocAddress)],
    idf: &dyn Fn(&str) -> f32,
) -> tantivy::Result<Vec<(f32, DocAddress)>> {
    let from = env("FB_FROM", FROM as f32) as usize;
    let titles: Vec<std::sync::Arc<str>> =
        head.iter().take(from).filter_map(|(sc, a)| columns.candidate(*a, *sc)).map(|c| c.title).collect();
    let titles: Vec<&str> = titles.iter().map(|t| &**t).collect();
    let fb = terms(q, &titles, idf);
    if fb.is_empty() {
        return Ok(Vec::new());
    }
    let weight = env("FB_WEIGHT", 0.5);
    let z = fields.title_zone;
    let clause = |t: &str, w: f32| -> (Occur, Box<dyn TQuery>) {
        let tq = TermQuery::new(z.term(t), IndexRecordOption::WithFreqs);
        (Occur::Should, Box::new(BoostQuery::new(Box::new(tq), w)))
    };
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = q.terms_content().map(|t| clause(t, 1.0)).collect();
    clauses.extend(fb.iter().map(|(t, w)| clause(t, weight * w / fb[0].1)));
    let text: Box<dyn TQuery> = Box::new(BooleanQuery::new(clauses));
    let kind: Box<dyn TQuery> =
        Box::new(TermQuery::new(Term::from_field_text(fields.kind, KIND_ARTICLE), IndexRecordOption::Basic));
    let query = BooleanQuery::new(vec![(Occur::Must, text), (Occur::Must, Box::new(BoostQuery::new(kind, 0.0)))]);
    let scores: HashMap<DocAddress, f32> = first.iter().map(|(sc, a)| (*a, *sc)).collect();
    let floor = first.last().map_or(0.0, |(sc, _)| *sc);
    let added = env("FB_ADDED", ADDED as f32) as usize;
    if std::env::var("FB_DEBUG").is_ok() {
        eprintln!("feedback {fb:?}");
    }
    Ok(s.search(&query, &TopDocs::with_limit(added + head.len()))?
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| !head.iter().any(|(_, h)| h == a))
        .take(added)
        .map(|a| (scores.get(&a).copied().unwrap_or(floor), a))
        .collect())
}
