//! More candidates for the second stage of a question ([`super::rerank`]) than the first
//! stage's best hits: **document first, article second**. A question is often answered by
//! a document the first stage finds (several of its best hits come from it) but through an
//! article the first stage ranks far down or not at all — the article's title says what is
//! asked ("Nhiệm vụ, quyền hạn của Bộ Y tế") while its body names the question's words
//! once, and the neighbouring articles of the same decree repeat them. So the documents
//! with the most first-stage evidence are looked into: each of their articles is scored
//! by its title against the question (in memory: [`super::rerank::Columns`] holds every
//! title and each document's articles, no search), and the best titled articles not yet
//! among the candidates join them, with the first-stage score they have (or the lowest of
//! the first stage's list, an upper bound, when they are not in it). The second stage then
//! ranks them with the others by its features.

use std::collections::HashMap;

use tantivy::DocAddress;

use super::rerank::{Columns, Question};

/// How deep the first stage's list is for the scores of the added articles: the window of a
/// faceted search, so that a question ranks the same with and without facets.
pub const POOL: usize = super::facets::WINDOW;

/// Whether the added articles have their text read for the text features (a store read
/// each).
pub const READ_TEXT: bool = true;

/// How many documents are looked into: those with the largest summed first-stage scores
/// (relative to the best hit) among the candidates.
pub const DOCUMENTS: usize = 3;

/// Most articles added to the candidates of one question.
pub const ADDED: usize = 5;

/// Most articles added from one document.
pub const PER_DOCUMENT: usize = 2;

fn env(name: &str, default: f32) -> f32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The articles of one document ranked by their titles against `q`, best first, with
/// their scores (those holding no content syllable of `q` left out). A syllable weighs its
/// IDF in the whole index times its IDF among the document's titles: the words of the
/// document's subject, in most of its titles ("bom mìn vật nổ"), tell its articles apart
/// less than those in few ("Bộ Y tế"). Content bigrams add the same way, at half weight.
pub fn rank_titles(q: &Question, titles: &[&str]) -> Vec<(usize, f32)> {
    let idf = q.content_idf();
    let masks: Vec<(u128, u128)> = titles.iter().map(|t| q.in_title(t)).collect();
    let n = titles.len() as f32;
    let local = |df: u32| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let syl_df: Vec<u32> = (0..idf.len()).map(|i| masks.iter().filter(|m| m.0 >> i & 1 == 1).count() as u32).collect();
    let pairs = q.bigram_count();
    let bi_df: Vec<u32> = (0..pairs).map(|k| masks.iter().filter(|m| m.1 >> k & 1 == 1).count() as u32).collect();
    let top = local(1);
    let syl_total: f32 = idf.iter().sum::<f32>().max(f32::EPSILON) * top;
    let bi_total = (pairs.max(1) as f32) * top;
    let half = env("EXPAND_BI", 0.5);
    let mut out: Vec<(usize, f32)> = masks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.0 != 0)
        .map(|(j, m)| {
            let syl: f32 = (0..idf.len()).filter(|i| m.0 >> i & 1 == 1).map(|i| idf[i] * local(syl_df[i])).sum();
            let bi: f32 = (0..pairs).filter(|k| m.1 >> k & 1 == 1).map(|k| local(bi_df[k])).sum();
            (j, syl / syl_total + half * bi / bi_total)
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The articles to add to `head` (the candidates, best first-stage score first) for `q`:
/// the [`PER_DOCUMENT`] best titled articles ([`rank_titles`]) not in `head` of each of
/// the [`DOCUMENTS`] documents with the most first-stage evidence in `head` (summed scores
/// relative to the best), each with its score in `first` (the first stage's list, best
/// first; `head` is a part of it) or the lowest score of `first`.
pub fn within_documents(
    q: &Question,
    columns: &Columns,
    head: &[(f32, DocAddress)],
    first: &[(f32, DocAddress)],
) -> Vec<(f32, DocAddress)> {
    let best = head.iter().map(|(s, _)| *s).fold(f32::MIN, f32::max).max(f32::EPSILON);
    let mut evidence: HashMap<u64, f32> = HashMap::new();
    for (s, a) in head {
        if let Some(c) = columns.candidate(*a, *s) {
            *evidence.entry(c.doc).or_default() += s / best;
        }
    }
    let mut docs: Vec<(u64, f32)> = evidence.into_iter().collect();
    docs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let scores: HashMap<DocAddress, f32> = first.iter().map(|(s, a)| (*a, *s)).collect();
    let floor = first.last().map_or(0.0, |(s, _)| *s);
    let mut out = Vec::new();
    let ndocs = env("EXPAND_DOCS", DOCUMENTS as f32) as usize;
    let per = env("EXPAND_PER", PER_DOCUMENT as f32) as usize;
    let least = env("EXPAND_LEAST", 0.0);
    for (doc, _) in docs.iter().take(ndocs) {
        let articles = columns.articles(*doc);
        let cands: Vec<_> = articles.iter().filter_map(|a| columns.candidate(*a, 0.0)).collect();
        if cands.len() != articles.len() {
            continue;
        }
        let titles: Vec<&str> = cands.iter().map(|c| &*c.title).collect();
        let ranked = rank_titles(q, &titles);
        let fresh = ranked.into_iter().filter(|(j, m)| *m >= least && !head.iter().any(|(_, h)| *h == articles[*j]));
        if std::env::var("EXPAND_DEBUG").is_ok() {
            for (j, m) in rank_titles(q, &titles).into_iter().take(8) {
                eprintln!("  {m:.3} {}", titles[j]);
            }
        }
        let mut mine: Vec<DocAddress> = fresh.take(per).map(|(j, _)| articles[j]).collect();
        let by_score = env("EXPAND_POOLPER", 0.0) as usize;
        let deeper = first
            .iter()
            .filter(|(_, a)| !head.iter().any(|(_, h)| h == a) && !mine.contains(a))
            .filter(|(s, a)| columns.candidate(*a, *s).is_some_and(|c| c.doc == *doc))
            .take(by_score)
            .map(|(_, a)| *a)
            .collect::<Vec<_>>();
        mine.extend(deeper);
        out.extend(mine.into_iter().map(|a| (scores.get(&a).copied().unwrap_or(floor), a)));
    }
    out
}
