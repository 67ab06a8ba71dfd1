//! Learns the data of the second-stage scorer from the **training split** of the dev
//! questions (`../shared/eval/questions/zalo2021-dev.tsv`; the held-out split, chosen by
//! [`cancu::search::question::held_out`], is never read here):
//!
//! - `--learn` writes `data/associations.tsv`, the question-word → title-word associations
//!   of [`cancu::search::learned`] (word pairs and weights only);
//! - `--fit` fits the weights of [`cancu::search::rerank`] by coordinate ascent on MRR@10
//!   over the first-stage candidates of each training question, from the shipped weights,
//!   and prints them to paste into `rerank::WEIGHTS`; then, per intent, whether weights of
//!   its own would beat the pooled ones under two-fold cross-validation inside the training
//!   split (`FIT_INTENTS=1` also prints each intent's own weights).
//!
//! ```text
//! cargo run --release --example fit_rerank -- [--work DIR] [--learn] [--fit]
//! ```
//! `--work` is the directory of `bench_questions` (its corpus and index are reused; the
//! corpus is imported and indexed there if missing). `CANCU_ABLATE` as in the benchmark.
//! `FIT_REACH_ONLY=1` stops after counting the training questions with an answer among the
//! candidates and scoring the shipped weights (a quick check of a new candidate source).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use cancu::search::learned::{self, Associations};
use cancu::search::question::{held_out, understand, Intent};
use cancu::search::rerank::{self, N};

use cancu::search::{Features, Query, Searcher};

#[path = "common/mod.rs"]
#[allow(dead_code)]
mod common;
#[path = "common/questions.rs"]
#[allow(dead_code)]
mod questions;

/// Answering articles: (number key, article).
type Gold = Vec<(String, String)>;

/// Training questions: (text, answering articles).
fn training(shared: &Path) -> Vec<(String, Gold)> {
    questions::dev_questions(shared)
        .into_iter()
        .filter(|q| !held_out(&q.qid))
        .map(|q| (q.text, q.gold))
        .collect()
}

fn question_terms(text: &str) -> BTreeSet<String> {
    let Ok(p) = cancu::search::query::parse(text) else { return BTreeSet::new() };
    let u = understand(&p);
    let runs: Vec<Vec<(String, bool, f32)>> = p
        .segments
        .iter()
        .zip(&u.weights)
        .map(|(s, ws)| s.words.iter().zip(ws).map(|((w, b), x)| (w.clone(), *b, *x)).collect())
        .collect();
    rerank::Question::new(&runs, &|_| 1.0, u.intent).terms().map(str::to_string).collect()
}

/// What learning needs from the corpus: the share of article titles holding each term, and
/// every article's title by (number key, article).
struct Titles {
    background: HashMap<String, usize>,
    n: usize,
    titles: HashMap<(String, String), String>,
}

fn titles(corpus: &Path) -> Titles {
    let loaded = cancu::corpus::store::load_dir(corpus).expect("load corpus");
    let mut background: HashMap<String, usize> = HashMap::new();
    let mut titles: HashMap<(String, String), String> = HashMap::new();
    let mut n = 0;
    for d in &loaded.documents {
        let key = cancu::number::key(d.meta.number.as_deref().unwrap_or(""));
        for a in d.articles() {
            n += 1;
            let (syl, bi) = rerank::title_terms(&a.title);
            let set: HashSet<String> = syl.into_iter().chain(bi).collect();
            for t in set {
                *background.entry(t).or_default() += 1;
            }
            titles.entry((key.clone(), a.number.clone())).or_insert_with(|| a.title.clone());
        }
    }
    Titles { background, n, titles }
}

/// The learning examples of `qs`: (question terms, answering-title terms).
fn examples(t: &Titles, qs: &[&(String, Gold)]) -> Vec<(BTreeSet<String>, BTreeSet<String>)> {
    let mut examples = Vec::new();
    for (text, gold) in qs.iter().map(|q| (&q.0, &q.1)) {
        let mut ts = BTreeSet::new();
        for g in gold {
            if let Some(t) = t.titles.get(g) {
                let (syl, bi) = rerank::title_terms(t);
                ts.extend(syl.into_iter().chain(bi));
            }
        }
        if !ts.is_empty() {
            examples.push((question_terms(text), ts));
        }
    }
    examples
}

fn learn(t: &Titles, qs: &[(String, Gold)]) {
    let all: Vec<&(String, Gold)> = qs.iter().collect();
    let examples = examples(t, &all);
    let (n, background) = (t.n, &t.background);
    let pairs = learned::learn(&examples, background, n, &params());
    let provenance = format!(
        "Question-word → answering-article-title-word associations (src/search/learned.rs).\n\
         Learned by `cargo run --release --example fit_rerank -- --learn` from the training split\n\
         ({} questions with an answering article found; the held-out split of\n\
         search::question::held_out is left out) of ../shared/eval/questions/zalo2021-dev.tsv\n\
         (Zalo AI 2021 legal text retrieval, dev part), against the titles of {} articles of the\n\
         Pháp điển 2026 and the original laws. Columns: folded question syllable or bigram,\n\
         folded title syllable or bigram, ln lift, training questions holding the pair.\n\
         Parameters: {:?}.",
        examples.len(),
        n,
        params()
    );
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/associations.tsv");
    std::fs::write(&out, learned::write(&pairs, &provenance)).expect("write");
    let words: HashSet<&str> = pairs.iter().map(|p| p.question.as_str()).collect();
    println!("{} pairs for {} question words → {}", pairs.len(), words.len(), out.display());
}

/// One training question's candidates: features, whether each answers, and the rank of an
/// answering pinned hit.
struct Case {
    intent: Intent,
    feats: Vec<[f32; N]>,
    gold: Vec<bool>,
    pinned: usize,
    pinned_gold: Option<usize>,
}

/// MRR@10 and recall@10 of the cases under weights `w`.
fn evaluate<'a>(cases: impl IntoIterator<Item = &'a Case>, w: &[f32; N]) -> (f64, f64) {
    let cases: Vec<&Case> = cases.into_iter().collect();
    let (mut mrr, mut hit) = (0.0, 0.0);
    for c in &cases {
        let rank = c.pinned_gold.or_else(|| {
            let order = rerank::order(&c.feats, w);
            order.iter().position(|(i, _)| c.gold[*i]).map(|p| c.pinned + p + 1)
        });
        if let Some(r) = rank.filter(|r| *r <= 10) {
            mrr += 1.0 / r as f64;
            hit += 1.0;
        }
    }
    let n = cases.len().max(1) as f64;
    (mrr / n, hit / n)
}

/// The learning parameters: [`learned::PARAMS`], or for experiments
/// `FIT_LEARN="min_word min_pair shrink min_lift per_word"`.
fn params() -> learned::Params {
    let v: Vec<f64> = std::env::var("FIT_LEARN")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match v[..] {
        [min_word, min_pair, shrink, min_lift, per_word] => learned::Params {
            min_word: min_word as usize,
            min_pair: min_pair as usize,
            shrink,
            min_lift,
            per_word: per_word as usize,
        },
        _ => learned::PARAMS,
    }
}

/// Folds of the training split for the association feature: a question's candidates get
/// the mass of a table learned without it (else the feature would see its own answer).
const FOLDS: usize = 5;

/// Weight of recall@10 beside MRR@10 in the fitted objective (both have targets).
const RECALL: f64 = 1.0;

fn fit(searcher: &Searcher, qs: &[(String, Gold)], t: &Titles) {
    let tables: Vec<Associations> = (0..FOLDS)
        .map(|f| {
            let rest: Vec<_> =
                qs.iter().enumerate().filter(|(i, _)| i % FOLDS != f).map(|(_, q)| q).collect();
            Associations::from_pairs(&learned::learn(&examples(t, &rest), &t.background, t.n, &params()))
        })
        .collect();
    let catalog = searcher.catalog();
    let key = |id: &str| cancu::number::key(catalog.get(id).and_then(|m| m.number.as_deref()).unwrap_or(""));
    let assoc_on = !std::env::var("CANCU_ABLATE").is_ok_and(|a| a.contains("learned"));
    let mut cases = Vec::new();
    let mut skipped = 0;
    // Exploration only: every candidate with its features, to a scratch file.
    let dump = std::env::var("FIT_DUMP")
        .ok()
        .map(|p| std::cell::RefCell::new(std::fs::File::create(p).expect("dump file")));
    for (i, (text, gold)) in qs.iter().enumerate() {
        let c = searcher.candidates(&Query::new(text.as_str())).expect("search");
        let terms = question_terms(text);
        if c.scored.is_empty() && c.pinned.is_empty() {
            skipped += 1;
            continue;
        }
        let is_gold = |id: &str, art: &str| gold.contains(&(key(id), art.to_string()));
        if let Some(d) = &dump {
            let mut d = d.borrow_mut();
            for x in &c.scored {
                let f: Vec<String> = x.features.iter().map(|v| format!("{v:.4}")).collect();
                let row = format!(
                    "{i}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    text,
                    x.id,
                    x.article,
                    is_gold(&x.id, &x.article),
                    x.title,
                    f.join("\t")
                );
                std::io::Write::write_all(&mut *d, row.as_bytes()).expect("dump");
            }
        }
        let intent = cancu::search::query::parse(text).map_or(Intent::Other, |p| understand(&p).intent);
        cases.push(Case {
            intent,
            feats: c
                .scored
                .iter()
                .map(|x| {
                    let mut f = x.features;
                    if assoc_on {
                        let (syl, bi) = rerank::title_terms(&x.title);
                        let set: HashSet<&str> = syl.iter().chain(&bi).map(String::as_str).collect();
                        f[rerank::ASSOC] = tables[i % FOLDS].mass(terms.iter().map(String::as_str), &set);
                    }
                    f
                })
                .collect(),
            gold: c.scored.iter().map(|x| is_gold(&x.id, &x.article)).collect(),
            pinned: c.pinned.len(),
            pinned_gold: c.pinned.iter().position(|x| is_gold(&x.0, &x.1)).map(|p| p + 1),
        });
    }
    let reachable = cases.iter().filter(|c| c.pinned_gold.is_some() || c.gold.contains(&true)).count();
    println!(
        "{} training questions reranked ({} not: no frame or routed), {} with an answer in the first {}",
        cases.len(),
        skipped,
        reachable,
        rerank::DEPTH
    );
    let mut w = [0.0f32; N];
    w[0] = 1.0;
    let (m0, r0) = evaluate(&cases, &w);
    println!("BM25 order: MRR@10 {m0:.4} recall@10 {r0:.4} (of the reranked questions)");
    let (ms, rs) = evaluate(&cases, &rerank::WEIGHTS);
    println!("shipped weights: MRR@10 {ms:.4} recall@10 {rs:.4}");
    if std::env::var("FIT_REACH_ONLY").is_ok() {
        return;
    }
    // What each feature does alone beside BM25 (best weight on the grid).
    let grid: Vec<f32> = (-60..=60).map(|i| i as f32 * 0.05).collect();
    for k in 1..N {
        let (mut bw, mut bm) = (0.0, m0);
        for &g in &grid {
            let mut t = [0.0f32; N];
            t[0] = 1.0;
            t[k] = g;
            let m = evaluate(&cases, &t).0;
            if m > bm + 1e-6 {
                (bw, bm) = (g, m);
            }
        }
        println!("  {:<10} alone: best weight {bw:5.2} → MRR@10 {bm:.4}", rerank::FEATURES[k]);
    }
    w = ascend(&cases.iter().collect::<Vec<_>>(), rerank::WEIGHTS, true);
    // Per-intent weights, checked by two-fold cross-validation inside the training
    // split: weights fitted on one half (pooled, then per intent from the pooled ones),
    // scored on the other half's questions of that intent.
    let halves: [Vec<&Case>; 2] =
        [0, 1].map(|h| cases.iter().enumerate().filter(|(i, _)| i % 2 == h).map(|(_, c)| c).collect());
    let pooled_halves = [0, 1].map(|h| ascend(&halves[1 - h], rerank::WEIGHTS, false));
    for intent in Intent::ALL {
        let (mut pooled, mut own) = ((0.0, 0.0), (0.0, 0.0));
        for h in 0..2 {
            let train: Vec<&Case> = halves[1 - h].iter().copied().filter(|c| c.intent == intent).collect();
            let test: Vec<&Case> = halves[h].iter().copied().filter(|c| c.intent == intent).collect();
            let wi = ascend(&train, pooled_halves[h], false);
            let (pm, pr) = evaluate(test.iter().copied(), &pooled_halves[h]);
            let (om, or) = evaluate(test.iter().copied(), &wi);
            let n = test.len() as f64;
            pooled = (pooled.0 + pm * n, pooled.1 + pr * n);
            own = (own.0 + om * n, own.1 + or * n);
        }
        let n = cases.iter().filter(|c| c.intent == intent).count().max(1) as f64;
        println!(
            "  {:<14} n={n}: cross-validated MRR@10 / recall@10 pooled {:.4} / {:.4}, own weights {:.4} / {:.4}",
            intent.name(),
            pooled.0 / n,
            pooled.1 / n,
            own.0 / n,
            own.1 / n
        );
        if std::env::var("FIT_INTENTS").is_ok() {
            let mine: Vec<&Case> = cases.iter().filter(|c| c.intent == intent).collect();
            let wi = ascend(&mine, w, false);
            let shown: Vec<String> = wi.iter().map(|x| format!("{x:.2}")).collect();
            println!("    {}: [{}]", intent.name(), shown.join(", "));
        }
    }
    println!("\nfeatures {:?}", rerank::FEATURES);
    let shown: Vec<String> = w.iter().map(|x| format!("{x:.2}")).collect();
    println!("pub const WEIGHTS: [f32; N] = [{}];", shown.join(", "));
}

/// Coordinate ascent on MRR@10 + RECALL × recall@10 of `cases` from `start`, with a line
/// search on a grid per coordinate (the BM25 weight fixed at 1 sets the scale).
fn ascend(cases: &[&Case], start: [f32; N], verbose: bool) -> [f32; N] {
    let grid: Vec<f32> = (-60..=60).map(|i| i as f32 * 0.05).collect();
    let objective = |w: &[f32; N]| {
        let (m, r) = evaluate(cases.iter().copied(), w);
        m + RECALL * r
    };
    let mut w = start;
    let mut best = objective(&w);
    for round in 0..8 {
        let mut moved = false;
        for k in 1..N {
            for &g in &grid {
                let mut t = w;
                t[k] = g;
                let m = objective(&t);
                if m > best + 1e-6 {
                    best = m;
                    w[k] = g;
                    moved = true;
                }
            }
        }
        if verbose {
            let (m, r) = evaluate(cases.iter().copied(), &w);
            println!("round {round}: MRR@10 {m:.4} recall@10 {r:.4} weights {w:?}");
        }
        if !moved {
            break;
        }
    }
    w
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let questions::Folders { shared, corpus, index: index_dir, .. } = questions::folders(&args);
    let qs = training(&shared);
    let (do_learn, do_fit) = (args.iter().any(|a| a == "--learn"), args.iter().any(|a| a == "--fit"));
    let t = (do_learn || do_fit).then(|| titles(&corpus));
    if let (true, Some(t)) = (do_learn, &t) {
        learn(t, &qs);
    }
    if let (true, Some(t)) = (do_fit, &t) {
        if cancu::index::current(&index_dir).is_err() {
            let loaded = cancu::corpus::store::load_dir(&corpus).expect("load corpus");
            cancu::index::build(&loaded.documents, &index_dir).expect("build");
        }
        let mut searcher = Searcher::open(&index_dir).expect("open index");
        let mut features = Features::default();
        if let Ok(off) = std::env::var("CANCU_ABLATE") {
            features = Features::without(&off);
        }
        searcher.set_features(features);
        common::weights_from_env(&mut searcher);
        fit(&searcher, &qs, t);
    }
}
