//! The full-text query, built programmatically from a [`Parsed`] query: every syllable is
//! looked up exact (only if the user typed diacritics) and folded, every pair of adjacent
//! syllables as a folded bigram, in the three zones (article title, context = document
//! title and headings, body), each with its weight. A flat union of boosted term queries, so
//! that Tantivy's block-max WAND prunes it. Quoted phrases must match as phrases.
//!
//! **One clause per term and zone.** A zone indexes an exact term only where it differs from
//! the folded one ([`crate::index::analysis`]): a word typed without diacritics in a query
//! with diacritics ("cho") has one term for both ways, looked up once with both weights. A typed
//! word whose folded form nearly always stands for it (more than [`Weights::same`] of the
//! folded form's bodies hold it: "người" is all of "nguoi") is looked up folded only, with
//! both weights too: the two posting lists are nearly the same, walking both is the cost.
//!
//! **Common syllables** ("của", "và", "nhà", "nước", "cơ", "quan": those in more than
//! [`Weights::common`] of the records) are not looked up on their own when a bigram of the
//! query contains them: "nhà nước" is matched as the unit `nha_nuoc`. On their own they say
//! almost nothing about relevance (BM25 gives them a tiny IDF) yet their postings are the
//! longest of the query, so this cuts latency about threefold at no cost in ranking (the
//! search benchmark measures both). A common syllable with no bigram (a one-word query, or
//! a word between two commas) is still looked up.
//!
//! **Common syllables of the context.** The context zone repeats a document's title and
//! headings in every article's record, so the syllables of titles ("luật", "quy", "định",
//! "lao", "động") have long posting lists there. One in more than [`Weights::ctx_common`] of
//! the records' contexts that is part of a bigram of the query is matched in the context only
//! through the bigram ("lao_dong"), for questions too: on the dev questions this left recall
//! and MRR as they were (0.875 / 0.692 → 0.875 / 0.694) with fewer and shorter lists.
//!
//! **Folded collisions.** A word typed with diacritics is not matched through another word
//! that folds like it ("thuế đất" is not "thuê đất", "ra tù" is not "ra từ", "bạo hành" is
//! not "điều hành giá"). In a keyword query ([`Plan::gate`]), when the word's folded form
//! mostly stands for other words (it is looked up apart, see above) and the word is in the
//! corpus, every folded clause it is part of — the syllable and its bigrams — counts only in
//! a zone that also holds the typed word ([`Plan::folding`]; a typo, a word found nowhere,
//! keeps its folded reading), and it does not lower its bigrams' weight. In a short one
//! ([`Plan::bigram_share`]) what its folded clause loses by its share goes to its exact
//! clause. The common-syllable rule
//! looks at the typed word itself, in questions too: "tù" is rare though "tu" ("tự", "từ") is
//! common, so it is looked up on its own. Questions keep plain weights and no gates: the
//! gates doubled their CPU time, and the shares cost recall on the training split (field
//! kind 19; BENCHMARKS.md, "Folded collisions (fold8)").
//!
//! **A question's floor.** A clause whose most a match can add is small — its weight (zone ×
//! kind × the word's weight) times its IDF under [`Weights::floor`] — is left out of a
//! question ([`Plan::floor`]): a frame word's clauses ("quy định", "được", "không", weight
//! 0.3) and the context zone's common syllables, whose posting lists are the longest of the
//! question. On the dev questions this left recall@10 / MRR@10 as they were (0.889 / 0.734;
//! training split 0.896 / 0.735 → 0.895 / 0.734) and cut the CPU time of a question by a
//! quarter (p99 with counts 5.8 → 4.1–4.6 ms, loaded machine; BENCHMARKS.md). Keyword queries
//! keep every clause.

use std::collections::{BTreeMap, BTreeSet};

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
    /// Fraction of records above which a syllable counts as common (see the module doc);
    /// 1.0 turns the rule off.
    pub common: f32,
    /// Share of a folded form's bodies holding the typed word above which the word's exact
    /// clause is merged into its folded one (see the module doc); above 1.0 turns it off.
    pub same: f32,
    /// Fraction of records whose context holds a syllable above which the syllable, when
    /// part of a bigram of the query, is matched in the context zone only through its
    /// bigrams (see the module doc); 1.0 turns the rule off.
    pub ctx_common: f32,
    /// Least weight × IDF of a clause of a question ([`Plan::floor`], see the module doc);
    /// 0 turns the rule off.
    pub floor: f32,
}

/// The weights in use.
pub const WEIGHTS: Weights = Weights {
    title: 1.0,
    ctx: 0.5,
    body: 1.0,
    exact: 0.6,
    folded: 1.0,
    bigram: 1.5,
    common: 0.1,
    same: 0.9,
    ctx_common: 0.05,
    floor: 1.0,
};

/// Most distinct syllables used from one query.
const MAX_TERMS: usize = 40;

/// Least share of a folded match's weight kept when the user typed diacritics (see
/// [`Plan::folding`]).
const MIN_FOLDED_SHARE: f32 = 0.05;

/// One word of a [`Plan`]: exact lower-case syllable, whether punctuation precedes it (which
/// breaks the bigram with the previous word), and its weight (1.0 = a word the user typed).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub broken: bool,
    pub weight: f32,
}

/// What to look up: runs of weighted words (bigrams are formed inside a run), from the
/// user's text as understood ([`super::question`]) and its expansions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub runs: Vec<Vec<Word>>,
    /// Quoted phrases (folded syllables), which must match as phrases.
    pub phrases: Vec<Vec<String>>,
    /// Whether the user typed diacritics (else exact-field matching is skipped).
    pub diacritics: bool,
    /// When the user typed diacritics, weigh a folded match by the share of the folded
    /// form's records that hold the typed word: "đẻ" is seldom what "de" stands for, so
    /// "nghỉ đẻ" does not find "đề nghị"; "dân" is most of "dan". With [`Plan::gate`],
    /// count a folded match (syllable or bigram) of such a word only in a zone that holds
    /// the typed word itself (see the module doc, "Folded collisions").
    pub folding: bool,
    /// Look up common syllables of full weight on their own too (for questions, whose
    /// frame words are the common syllables worth skipping).
    pub common_content: bool,
    /// Weigh a folded bigram by its weaker syllable's folding share too ([`Plan::folding`]),
    /// and give a typed word's exact clause what its folded one loses by its share: for
    /// short keyword queries, where one collision pair decides the ranking ("ly dị" must
    /// not find "quản lý di sản" through "ly_di"). Not for longer queries: their many words
    /// dilute a collision, and the shares cost the dev questions 1–2.4 points of recall@10.
    pub bigram_share: bool,
    /// Leave out the clauses whose weight × IDF is under [`Weights::floor`] (questions; see
    /// the module doc).
    pub floor: bool,
    /// Count the folded clauses of a word typed with diacritics only in the zones that hold
    /// the word ([`Plan::folding`]; keyword queries, not questions: see the module doc).
    pub gate: bool,
}

impl Plan {
    /// Every word of `p` with weight 1, as typed.
    pub fn of(p: &Parsed) -> Plan {
        let runs = p
            .segments
            .iter()
            .map(|s| s.words.iter().map(|(w, b)| Word { text: w.clone(), broken: *b, weight: 1.0 }).collect())
            .collect();
        Plan {
            runs,
            phrases: phrases(p),
            diacritics: p.diacritics,
            folding: false,
            common_content: false,
            bigram_share: false,
            floor: false,
            gate: false,
        }
    }
}

impl Plan {
    /// Reads a query typed without diacritics as the everyday wordings of two syllables or
    /// more that it contains (`wordings`: exact lower-case syllables, from the vocabulary)
    /// would have it: "bia do" is "bìa đỏ", not the beer of "bia", "dat tho cu" is "đất thổ
    /// cư", not the "thọ" of birthdays. The words read so get their diacritics, and the plan
    /// is then weighed as one typed with diacritics ([`Plan::folding`]); the other words
    /// stand for any reading, as typed. A one-syllable wording is too ambiguous to restore
    /// ("cuoi" is "cưới" as often as "cuối"). Returns whether a word was restored.
    pub fn restore<'a>(&mut self, wordings: impl IntoIterator<Item = &'a [String]>) -> bool {
        if self.diacritics {
            return false;
        }
        let mut restored = false;
        for wording in wordings.into_iter().filter(|w| w.len() >= 2) {
            let folded: Vec<String> = wording.iter().map(|x| term(x, Mode::Folded)).collect();
            for run in &mut self.runs {
                for i in 0..run.len().saturating_sub(folded.len() - 1) {
                    let window = &run[i..i + folded.len()];
                    let same = window.iter().zip(&folded).all(|(w, f)| term(&w.text, Mode::Folded) == *f);
                    // Punctuation inside the window breaks the wording.
                    if same && !window[1..].iter().any(|w| w.broken) {
                        for (w, x) in run[i..i + folded.len()].iter_mut().zip(wording) {
                            restored |= w.text != *x;
                            w.text = x.clone();
                        }
                    }
                }
            }
        }
        self.diacritics |= restored;
        restored
    }
}

fn phrases(p: &Parsed) -> Vec<Vec<String>> {
    p.segments
        .iter()
        .filter(|s| s.phrase)
        .map(|s| s.words.iter().map(|(w, _)| term(w, Mode::Folded)).collect())
        .collect()
}

/// The terms of a query, by kind, each with its weight (the largest of its occurrences).
#[derive(Debug, Default, Clone)]
pub struct Terms {
    pub exact: BTreeMap<String, f32>,
    pub folded: BTreeMap<String, f32>,
    pub bigrams: BTreeMap<String, f32>,
    /// Folded syllables that are part of some bigram of the query.
    pub paired: BTreeSet<String>,
    /// How many scoring clauses (term and zone) the query built from these terms has (set by
    /// [`build_plan`]): past [`PRUNED_CLAUSES`], its best hits are found without pruning.
    pub clauses: usize,
}

/// Most scoring clauses of a query whose best hits are found with Tantivy's block-max WAND.
/// A longer query (a question: 110–190 clauses) seldom lets it skip anything — one clause
/// without postings in a segment turns it off, and where it is on, its pivot search over so
/// many clauses costs more than it saves — so its best hits are found in one pass over every
/// match, which counts them on the way ([`super::facets::TopCount`]). Keyword queries (at
/// most 33 clauses for four words) keep the pruning.
pub const PRUNED_CLAUSES: usize = 48;

impl Terms {
    /// Whether the best hits of the query are better found in one pass over every match
    /// than with pruning (see [`PRUNED_CLAUSES`]).
    pub fn exhaustive(&self) -> bool {
        self.clauses > PRUNED_CLAUSES
    }
}

impl Terms {
    /// The folded terms that carry the query (for highlighting): weight at least one half.
    pub fn highlight(&self) -> Vec<String> {
        self.folded.iter().filter(|(_, w)| **w >= 0.5).map(|(t, _)| t.clone()).collect()
    }

    /// The exact (typed with diacritics) words that carry the query: where a snippet of a
    /// long text is looked for first ([`super::snippet`]).
    pub fn anchors(&self) -> Vec<String> {
        self.exact
            .iter()
            .filter(|(t, w)| **w >= 0.5 && crate::text::has_diacritics(t))
            .map(|(t, _)| t.clone())
            .collect()
    }
}

fn put(m: &mut BTreeMap<String, f32>, k: String, w: f32) {
    let e = m.entry(k).or_insert(0.0);
    *e = e.max(w);
}

/// The terms of a parsed query (all weights 1).
pub fn terms(p: &Parsed) -> Terms {
    plan_terms(&Plan::of(p))
}

/// The terms of a plan.
pub fn plan_terms(plan: &Plan) -> Terms {
    let mut t = Terms::default();
    for run in &plan.runs {
        let mut prev: Option<(String, f32)> = None;
        for w in run {
            if t.folded.len() >= MAX_TERMS {
                break;
            }
            let f = term(&w.text, Mode::Folded);
            if plan.diacritics {
                put(&mut t.exact, w.text.clone(), w.weight);
            }
            if let (Some((pv, pw)), false) = (&prev, w.broken) {
                put(&mut t.bigrams, format!("{pv}_{f}"), pw.min(w.weight));
                t.paired.insert(pv.clone());
                t.paired.insert(f.clone());
            }
            put(&mut t.folded, f.clone(), w.weight);
            prev = Some((f, w.weight));
        }
    }
    t
}
/// How many records contain a term: the collection statistics the query is built with.
pub trait DocFreq {
    /// Records containing `term`.
    fn doc_freq(&self, term: &Term) -> u64;
    /// Records in all.
    fn num_docs(&self) -> u64;
}

impl DocFreq for tantivy::Searcher {
    fn doc_freq(&self, term: &Term) -> u64 {
        tantivy::Searcher::doc_freq(self, term).unwrap_or(0)
    }

    fn num_docs(&self) -> u64 {
        tantivy::Searcher::num_docs(self)
    }
}

/// Most document frequencies a [`FreqCache`] remembers before it starts afresh (typos make
/// unbounded keys).
const MAX_CACHED: usize = 100_000;

/// The document frequencies of one index generation, remembered across queries: the same
/// syllables ("của", "người", "lao") are looked up by nearly every query, by the
/// common-syllable rule, the folding shares, the snippet weights and the suggestions, and
/// each lookup walks the term dictionary of every segment.
#[derive(Debug, Default)]
pub struct FreqCache {
    map: std::sync::Mutex<std::collections::HashMap<Vec<u8>, u64>>,
    /// Tokens of each field in all records (BM25's average length; [`Bm25Cached`]).
    tokens: std::sync::Mutex<std::collections::HashMap<Field, u64>>,
}

/// A searcher's statistics through a [`FreqCache`] of its generation.
pub struct Cached<'a> {
    pub stats: &'a dyn DocFreq,
    pub cache: &'a FreqCache,
}

impl FreqCache {
    fn get(&self, term: &Term) -> Option<u64> {
        self.map.lock().unwrap_or_else(|e| e.into_inner()).get(term.serialized_term()).copied()
    }

    /// `term`'s document frequency, from the cache or else from `count` (remembered; an
    /// error is returned, not remembered).
    fn through<E>(&self, term: &Term, count: impl FnOnce() -> Result<u64, E>) -> Result<u64, E> {
        if let Some(n) = self.get(term) {
            return Ok(n);
        }
        let n = count()?;
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_CACHED {
            map.clear();
        }
        map.insert(term.serialized_term().to_vec(), n);
        Ok(n)
    }
}

impl DocFreq for Cached<'_> {
    fn doc_freq(&self, term: &Term) -> u64 {
        let n: Result<u64, std::convert::Infallible> =
            self.cache.through(term, || Ok(self.stats.doc_freq(term)));
        n.unwrap_or_else(|e| match e {})
    }

    fn num_docs(&self) -> u64 {
        self.stats.num_docs()
    }
}

/// The BM25 statistics of a searcher through the [`FreqCache`] of its generation, for the
/// weights of a query's clauses: Tantivy computes each term clause's IDF from its document
/// frequency summed over the segments (a term-dictionary lookup per segment) and the field's
/// token total (a pass over the segments), when the query's plan has just looked up the
/// same frequencies ([`Weights::floor`], the common-syllable rules) — 7 % of a question's
/// CPU time. The figures are the searcher's own, so every score is the same to the bit.
pub struct Bm25Cached<'a> {
    pub searcher: &'a tantivy::Searcher,
    pub cache: &'a FreqCache,
}

impl tantivy::query::Bm25StatisticsProvider for Bm25Cached<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(n) = self.cache.tokens.lock().unwrap_or_else(|e| e.into_inner()).get(&field) {
            return Ok(*n);
        }
        let n = tantivy::query::Bm25StatisticsProvider::total_num_tokens(self.searcher, field)?;
        self.cache.tokens.lock().unwrap_or_else(|e| e.into_inner()).insert(field, n);
        Ok(n)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        tantivy::query::Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.cache.through(term, || tantivy::Searcher::doc_freq(self.searcher, term))
    }
}

/// Below this many records nothing is common: every posting list is short anyway.
const MIN_RECORDS_FOR_COMMON: u64 = 5_000;

/// The paired syllables of `t` in more than `fraction` of the records' `zone` (see the
/// module doc).
fn common(zone: Zone, t: &Terms, fraction: f32, stats: &dyn DocFreq) -> BTreeSet<String> {
    let n = stats.num_docs();
    if fraction >= 1.0 || n < MIN_RECORDS_FOR_COMMON {
        return BTreeSet::new();
    }
    let limit = (fraction as f64 * n as f64) as u64;
    t.paired.iter().filter(|s| stats.doc_freq(&zone.term(s)) > limit).cloned().collect()
}

/// The BM25 IDF of `term` (as Tantivy computes it), from the collection statistics.
fn idf(stats: &dyn DocFreq, term: &Term) -> f32 {
    let n = stats.num_docs() as f32;
    let df = stats.doc_freq(term) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn term_q(field: Field, text: &str, boost: f32) -> (Occur, Box<dyn TQuery>) {
    let tq = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
    (Occur::Should, Box::new(BoostQuery::new(Box::new(tq), boost)))
}

/// `q`, counted only in the records whose zone `z` holds a word of each of `groups` (the
/// gates add nothing to the score).
fn gated_q(z: Zone, q: Box<dyn TQuery>, groups: &[Vec<String>]) -> Box<dyn TQuery> {
    let mut all = vec![(Occur::Must, q)];
    for g in groups {
        let any: Vec<(Occur, Box<dyn TQuery>)> = g.iter().map(|e| term_q(z.field_of(e), e, 1.0)).collect();
        let any: Box<dyn TQuery> = Box::new(BooleanQuery::new(any));
        all.push((Occur::Must, Box::new(BoostQuery::new(any, 0.0))));
    }
    Box::new(BooleanQuery::new(all))
}

/// The scoring query of `p` (without filters), every word as typed, with the collection
/// statistics of `stats`.
pub fn build(f: &Fields, p: &Parsed, w: &Weights, stats: &dyn DocFreq) -> (Box<dyn TQuery>, Terms) {
    build_plan(f, &Plan::of(p), w, stats)
}

/// Share of the folded form `folded`'s records that hold one of the typed words `exact`
/// (with diacritics) that fold to it; 1 when none of them has diacritics.
fn folded_share(f: &Fields, folded: &str, exact: &[&String], stats: &dyn DocFreq) -> f32 {
    let typed: Vec<&&String> = exact.iter().filter(|e| crate::text::has_diacritics(e)).collect();
    if typed.len() < exact.len() || typed.is_empty() {
        return 1.0;
    }
    let all = stats.doc_freq(&f.body_zone.term(folded)).max(1);
    let hold: u64 = typed.iter().map(|e| stats.doc_freq(&f.body_zone.term(e))).sum();
    (hold as f32 / all as f32).clamp(MIN_FOLDED_SHARE, 1.0)
}

/// The weight of every term a plan looks up in each zone (before the zone's weight): the
/// exact, folded and bigram weights of one term added up (see the module doc).
#[cfg(test)]
fn term_weights(
    f: &Fields,
    plan: &Plan,
    t: &Terms,
    w: &Weights,
    stats: &dyn DocFreq,
) -> BTreeMap<String, f32> {
    weigh(f, plan, t, w, stats).0
}

/// The exact words (any one of them) a record's zone must hold for a folded term to count
/// there: one group per gated syllable of the term (see [`Plan::folding`] and the module
/// doc); terms without gates are absent.
type Gates = BTreeMap<String, Vec<Vec<String>>>;

/// [`term_weights`], and the gates of the terms ([`Gates`]).
fn weigh(
    f: &Fields,
    plan: &Plan,
    t: &Terms,
    w: &Weights,
    stats: &dyn DocFreq,
) -> (BTreeMap<String, f32>, Gates) {
    let mut common = common(f.body_zone, t, w.common, stats);
    if plan.common_content {
        common.retain(|c| t.folded.get(c).is_some_and(|w| *w < 1.0));
    }
    let rare = |s: &str| !common.contains(&term(s, Mode::Folded));
    let share: BTreeMap<&String, f32> = t
        .folded
        .keys()
        .map(|fd| {
            let exact: Vec<&String> = t.exact.keys().filter(|e| term(e, Mode::Folded) == *fd).collect();
            let s = if plan.folding && plan.diacritics { folded_share(f, fd, &exact, stats) } else { 1.0 };
            (fd, s)
        })
        .collect();
    // The term an exact word is looked up as: itself, or its folded form when that is the
    // same term or nearly always stands for it (see the module doc).
    let exact_key = |e: &String| -> String {
        let fd = term(e, Mode::Folded);
        if fd == *e {
            return fd;
        }
        if w.same > 1.0 {
            return e.clone();
        }
        let all = stats.doc_freq(&f.body_zone.term(&fd)).max(1);
        let hold = stats.doc_freq(&f.body_zone.term(e));
        if hold as f32 >= w.same * all as f32 {
            fd
        } else {
            e.clone()
        }
    };
    // The folded syllables that stand for a typed word only where the word itself is in
    // the zone: typed with diacritics, looked up apart from its folded form (not nearly all
    // of it), and found in the corpus (an unknown word, a typo, keeps its folded reading).
    let mut gated: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Keyword queries only ([`Plan::gate`]): in a question the gates doubled the CPU time.
    if plan.folding && plan.diacritics && plan.gate {
        for fd in t.folded.keys() {
            let exact: Vec<&String> = t.exact.keys().filter(|e| term(e, Mode::Folded) == *fd).collect();
            let typed = !exact.is_empty() && exact.iter().all(|e| crate::text::has_diacritics(e));
            if typed
                && exact.iter().all(|e| exact_key(e) != *fd)
                && exact.iter().any(|e| stats.doc_freq(&f.body_zone.term(e)) > 0)
            {
                gated.insert(fd.clone(), exact.iter().map(|e| e.to_string()).collect());
            }
        }
    }
    // A folded bigram is as good as its weaker syllable's share (keyword queries only, see
    // [`Plan::bigram_share`]): "ly dị" must not find "quản lý di sản" through "ly_di". A
    // gated syllable has its typed word beside the bigram: it costs the bigram nothing.
    let bigram_share = |b: &str| {
        if !plan.bigram_share {
            return 1.0;
        }
        let of = |x: &str| {
            if gated.contains_key(x) {
                return 1.0;
            }
            share.iter().find(|(k, _)| k.as_str() == x).map_or(1.0, |(_, v)| *v)
        };
        b.split_once('_').map_or(1.0, |(a, c)| of(a).min(of(c)))
    };
    // A typed word looked up apart from its folded form is left to its bigrams only when it
    // is common itself: "tù" is rare though "tu" ("tự", "từ", "tư") is common.
    let limit = (w.common as f64 * stats.num_docs() as f64) as u64;
    let kept = |s: &str| {
        rare(s) || {
            let key = exact_key(&s.to_string());
            key != term(s, Mode::Folded) && stats.doc_freq(&f.body_zone.term(&key)) <= limit
        }
    };
    // One weight per term: the exact, folded and bigram weights of one term add up. In a
    // short keyword query, what a typed word's folded clause loses to other words of the
    // same letters (1 − its share) goes to its exact clause: each typed word keeps its
    // whole weight ("tù" of "đi tù" is not outweighed by "đi").
    let mut weighed: BTreeMap<String, f32> = BTreeMap::new();
    for (s, sw) in t.exact.iter().filter(|(s, _)| kept(s)) {
        let lost = match (plan.bigram_share, share.get(&term(s, Mode::Folded))) {
            (true, Some(x)) => 1.0 - x,
            _ => 0.0,
        };
        *weighed.entry(exact_key(s)).or_default() += (w.exact + w.folded * lost) * sw;
    }
    for (s, sw) in t.folded.iter().filter(|(s, _)| rare(s)) {
        *weighed.entry(s.clone()).or_default() += w.folded * sw * share[s];
    }
    for (s, sw) in &t.bigrams {
        *weighed.entry(s.clone()).or_default() += w.bigram * sw * bigram_share(s);
    }
    let mut gates = Gates::new();
    for s in weighed.keys() {
        let groups: Vec<Vec<String>> = s.split('_').filter_map(|x| gated.get(x).cloned()).collect();
        if !groups.is_empty() {
            gates.insert(s.clone(), groups);
        }
    }
    (weighed, gates)
}

/// The scoring query of a [`Plan`] (without filters).
pub fn build_plan(f: &Fields, plan: &Plan, w: &Weights, stats: &dyn DocFreq) -> (Box<dyn TQuery>, Terms) {
    let mut t = plan_terms(plan);
    let (weighed, gates) = weigh(f, plan, &t, w, stats);
    let zones = [(f.title_zone, w.title), (f.ctx_zone, w.ctx), (f.body_zone, w.body)];
    let mut clauses: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
    // Syllables common in the contexts are matched there through their bigrams only, even
    // a question's content words (see the module doc).
    let ctx_common = common(f.ctx_zone, &t, w.ctx_common, stats);
    for (z, zw) in zones {
        for (s, sw) in &weighed {
            if z.folded == f.ctx_zone.folded && ctx_common.contains(s) {
                continue;
            }
            if plan.floor && zw * sw * idf(stats, &z.term(s)) < w.floor {
                continue;
            }
            let clause = term_q(z.field_of(s), s, zw * sw);
            match gates.get(s) {
                None => clauses.push(clause),
                Some(groups) => clauses.push((Occur::Should, gated_q(z, clause.1, groups))),
            }
        }
    }
    t.clauses = clauses.len();
    let scoring: Box<dyn TQuery> = Box::new(BooleanQuery::new(clauses));
    let phrases: Vec<Box<dyn TQuery>> = plan
        .phrases
        .iter()
        .map(|words| {
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::search::query::parse;

    /// Invented collection statistics: 100,000 records; "nha" and "nuoc" are common, and
    /// nearly all of them "nhà" and "nước".
    struct Stats(HashMap<&'static str, u64>, u64);

    impl DocFreq for Stats {
        fn doc_freq(&self, term: &Term) -> u64 {
            term.value().as_str().and_then(|t| self.0.get(t)).copied().unwrap_or(10)
        }
        fn num_docs(&self) -> u64 {
            self.1
        }
    }

    fn stats(n: u64) -> Stats {
        Stats(
            HashMap::from([
                ("nha", 50_000),
                ("nhà", 49_000),
                ("nuoc", 40_000),
                ("nước", 39_800),
                ("dan", 900),
            ]),
            n,
        )
    }

    /// The texts looked up, per field name.
    fn looked_up(q: &str, s: &Stats) -> Vec<(String, String)> {
        let f = Fields::new();
        let (tq, _) = build(&f, &parse(q).unwrap(), &WEIGHTS, s);
        let mut out = Vec::new();
        tq.query_terms(&mut |t, _| {
            let field = f.schema.get_field_name(t.field()).to_string();
            out.push((field, t.value().as_str().unwrap_or_default().to_string()));
        });
        out.sort();
        out.dedup();
        out
    }

    fn has(v: &[(String, String)], field: &str, text: &str) -> bool {
        v.iter().any(|(f, t)| f == field && t == text)
    }

    /// Counts the lookups that reach it.
    struct Counting(std::cell::Cell<u64>);

    impl DocFreq for Counting {
        fn doc_freq(&self, _: &Term) -> u64 {
            self.0.set(self.0.get() + 1);
            7
        }
        fn num_docs(&self) -> u64 {
            100
        }
    }

    #[test]
    fn document_frequencies_are_looked_up_once_per_generation() {
        let f = Fields::new();
        let inner = Counting(Default::default());
        let cache = FreqCache::default();
        let c = Cached { stats: &inner, cache: &cache };
        let (a, b) = (f.body_zone.term("lao"), f.body_zone.term("lão"));
        assert_eq!([c.doc_freq(&a), c.doc_freq(&a), c.doc_freq(&b), c.doc_freq(&a)], [7; 4]);
        // One lookup per field and text.
        assert_eq!(inner.0.get(), 2);
    }

    /// A small index of invented texts in three segments: scored with the statistics of a
    /// [`FreqCache`] (cold, then warm), a query finds the same hits with the same scores, to
    /// the bit, as with the searcher's own.
    #[test]
    fn cached_bm25_statistics_give_the_same_scores() {
        use tantivy::collector::TopDocs;
        use tantivy::schema::{Schema, TEXT};
        use tantivy::{doc, Index};

        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let title = schema.add_text_field("title", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];
        for seg in 0..3 {
            for i in 0..30usize {
                let text: Vec<&str> =
                    (0..1 + (i + seg) % 7).map(|k| words[(i * 7 + k * 3 + seg) % 10]).collect();
                w.add_document(doc!(body => text.join(" "), title => words[(i + seg) % 10])).unwrap();
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        let cache = FreqCache::default();
        let q = BooleanQuery::new(vec![
            term_q(body, "hai", 1.5),
            term_q(body, "tam", 0.6),
            term_q(title, "hai", 1.0),
            term_q(body, "khong", 1.0),
            term_q(title, "muoi", 0.5),
        ]);
        let want = searcher.search(&q, &TopDocs::with_limit(50)).unwrap();
        assert!(want.len() > 10);
        for _ in 0..2 {
            let stats = Bm25Cached { searcher: &searcher, cache: &cache };
            let got = searcher.search_with_statistics_provider(&q, &TopDocs::with_limit(50), &stats).unwrap();
            let bits = |v: &[(f32, tantivy::DocAddress)]| -> Vec<(u32, tantivy::DocAddress)> {
                v.iter().map(|(s, a)| (s.to_bits(), *a)).collect()
            };
            assert_eq!(bits(&got), bits(&want));
        }
        assert!(cache.get(&Term::from_field_text(body, "hai")).is_some());
    }

    #[test]
    fn common_syllables_are_matched_through_their_bigrams() {
        let v = looked_up("nhà nước dân", &stats(100_000));
        assert!(has(&v, "body_e", "nha_nuoc") && has(&v, "title_e", "nuoc_dan"));
        for field in ["title_f", "ctx_f", "body_f", "title_e", "body_e"] {
            assert!(!has(&v, field, "nha") && !has(&v, field, "nhà"), "{field}: {v:?}");
            assert!(!has(&v, field, "nuoc"), "{field}: {v:?}");
        }
        assert!(has(&v, "body_f", "dan") && has(&v, "body_e", "dân"));
    }

    #[test]
    fn a_common_syllable_with_no_bigram_is_still_looked_up() {
        let s = stats(100_000);
        assert!(has(&looked_up("nhà", &s), "body_f", "nha"));
        // Punctuation breaks the pair: "nước" stands alone.
        let v = looked_up("dân, nước", &s);
        assert!(has(&v, "body_f", "nuoc") && !has(&v, "body_e", "dan_nuoc"));
    }

    #[test]
    fn a_question_leaves_out_the_clauses_under_its_floor() {
        // 100,000 records; "nghi" and "khong" are each in 8,000 (IDF ≈ 2.5): the content word
        // "nghi" (weight 1) keeps its clauses, the frame word "khong" (weight 0.3) loses
        // them; their bigram is rare and stays.
        let s = Stats(HashMap::from([("nghi", 8_000), ("khong", 8_000)]), 100_000);
        let f = Fields::new();
        let mut plan = Plan::of(&parse("nghi khong").unwrap());
        plan.runs[0][1].weight = 0.3;
        // (floor on, field, term, looked up)
        let rows = [
            (true, "body_f", "nghi", true),
            (true, "body_f", "khong", false),
            (true, "title_f", "khong", false),
            (true, "body_e", "nghi_khong", true),
            (false, "body_f", "khong", true),
            (false, "title_f", "khong", true),
        ];
        for (floor, field, text, want) in rows {
            plan.floor = floor;
            let (tq, _) = build_plan(&f, &plan, &WEIGHTS, &s);
            let mut v = Vec::new();
            tq.query_terms(&mut |t, _| {
                v.push((
                    f.schema.get_field_name(t.field()).to_string(),
                    t.value().as_str().unwrap().to_string(),
                ))
            });
            assert_eq!(has(&v, field, text), want, "floor {floor}, {field} {text}: {v:?}");
        }
    }

    #[test]
    fn question_length_queries_are_not_pruned() {
        let s = stats(100_000);
        let f = Fields::new();
        // (query, its best hits found in one pass over every match)
        let rows = [
            ("dân", false),
            ("hợp đồng lao động thời vụ", false),
            ("nghi hop dong lao dong", false),
            ("người lao động làm việc theo hợp đồng thời vụ dưới ba tháng có được hưởng chế độ thai sản không", true),
        ];
        for (q, want) in rows {
            let (_, t) = build(&f, &parse(q).unwrap(), &WEIGHTS, &s);
            assert_eq!(t.exhaustive(), want, "{q}: {} clauses", t.clauses);
        }
    }

    #[test]
    fn small_indexes_have_no_common_syllables() {
        let v = looked_up("nhà nước", &stats(2_000));
        assert!(has(&v, "body_f", "nha") && has(&v, "body_f", "nuoc") && has(&v, "body_e", "nha_nuoc"));
    }

    /// Invented statistics by field and text: 100,000 records; "lao" is in a fifth of the
    /// contexts but few bodies.
    struct ByField;

    impl DocFreq for ByField {
        fn doc_freq(&self, t: &Term) -> u64 {
            let field = Fields::new().schema.get_field_name(t.field()).to_string();
            match (field.as_str(), t.value().as_str().unwrap_or_default()) {
                ("ctx_f", "lao") => 20_000,
                (_, "lao") => 3_000,
                _ => 10,
            }
        }
        fn num_docs(&self) -> u64 {
            100_000
        }
    }

    #[test]
    fn a_syllable_common_in_the_contexts_is_matched_there_through_its_bigrams() {
        let f = Fields::new();
        let (tq, _) = build(&f, &parse("lao động").unwrap(), &WEIGHTS, &ByField);
        let mut v = Vec::new();
        tq.query_terms(&mut |t, _| {
            v.push((f.schema.get_field_name(t.field()).to_string(), t.value().as_str().unwrap().to_string()))
        });
        // (field, term, looked up)
        let rows = [
            ("ctx_f", "lao", false),
            ("ctx_e", "lao_dong", true),
            ("ctx_f", "dong", true),
            ("title_f", "lao", true),
            ("body_f", "lao", true),
        ];
        for (field, text, want) in rows {
            assert_eq!(has(&v, field, text), want, "{field} {text}: {v:?}");
        }
        // Alone (no bigram), it is looked up in the contexts too.
        let (tq, _) = build(&f, &parse("lao, động").unwrap(), &WEIGHTS, &ByField);
        let mut alone = false;
        tq.query_terms(&mut |t, _| {
            alone |= t.field() == f.ctx_zone.folded && t.value().as_str() == Some("lao")
        });
        assert!(alone);
    }

    #[test]
    fn one_clause_per_term_and_zone() {
        // "dân" is rare among "dan" (900 bodies; the default 10 hold "dân"): looked up exact
        // and folded. "cho" typed without diacritics is the same term both ways: one clause
        // with both weights. "người" is nearly all of "nguoi": looked up folded only, with
        // both weights.
        let s =
            Stats(HashMap::from([("dan", 900), ("nguoi", 5_000), ("người", 4_900), ("cho", 3_000)]), 100_000);
        let f = Fields::new();
        let plan = Plan::of(&parse("dân cho người").unwrap());
        let got = term_weights(&f, &plan, &plan_terms(&plan), &WEIGHTS, &s);
        // (term, its weight; None: not looked up)
        let (e, fo) = (WEIGHTS.exact, WEIGHTS.folded);
        let rows = [
            ("dân", Some(e)),
            ("dan", Some(fo)),
            ("cho", Some(e + fo)),
            ("nguoi", Some(e + fo)),
            ("người", None),
        ];
        for (t, want) in rows {
            match (got.get(t), want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-4, "{t}: {g} != {w}"),
                (g, w) => assert_eq!(g.copied(), w, "{t}: {got:?}"),
            }
        }
        // With the rule off, "người" is looked up exact.
        let off = Weights { same: 1.1, ..WEIGHTS };
        let got_off = term_weights(&f, &plan, &plan_terms(&plan), &off, &s);
        assert_eq!((got_off.get("người"), got_off.get("nguoi")), (Some(&e), Some(&fo)));
        // Three zones, each with the same terms.
        let v = looked_up("dân cho người", &s);
        let n = |z: &str| v.iter().filter(|(f, _)| f.starts_with(z)).count();
        assert_eq!([n("title_"), n("ctx_"), n("body_")], [got.len(); 3]);
    }

    #[test]
    fn a_word_typed_with_diacritics_is_not_matched_through_its_look_alikes() {
        // Invented statistics, 100,000 records: "thuế" is 3,000 of the 10,000 records of
        // "thue" (the rest "thuê"); "đất" nearly all of "dat"; "tu" and "ra" are common, "tù"
        // is not; "thuê" is typed nowhere in the corpus when it stands for a typo below.
        let s = Stats(
            HashMap::from([
                ("thue", 10_000),
                ("thuế", 3_000),
                ("dat", 8_000),
                ("đất", 7_900),
                ("tu", 50_000),
                ("tù", 400),
                ("ra", 40_000),
                ("lừa", 300),
                ("lua", 2_000),
                ("thuê", 0),
            ]),
            100_000,
        );
        let f = Fields::new();
        let (e, fo, b) = (WEIGHTS.exact, WEIGHTS.folded, WEIGHTS.bigram);
        // (query, short keyword query, term, its weight (None: not looked up), the typed
        // words a zone must hold for it to count)
        type Row<'a> = (&'a str, bool, &'a str, Option<f32>, &'a [&'a [&'a str]]);
        let rows: &[Row] = &[
            // "thue" and its bigram count only beside "thuế"; the share (0.3) of the folded
            // clause goes to the exact one in a short query, and the gated syllable does not
            // lower the bigram's weight ("đất", 0.9875 of "dat", does); "dat" stands for
            // "đất" and is not gated.
            ("thuế đất", true, "thue", Some(fo * 0.3), &[&["thuế"]]),
            ("thuế đất", true, "thuế", Some(e + fo * 0.7), &[]),
            ("thuế đất", true, "thue_dat", Some(b * 0.9875), &[&["thuế"]]),
            ("thuế đất", true, "dat", Some(e + fo), &[]),
            // A question: plain weights, no gates.
            ("thuế đất", false, "thuế", Some(e), &[]),
            ("thuế đất", false, "thue_dat", Some(b), &[]),
            ("thuế đất", false, "thue", Some(fo * 0.3), &[]),
            // Both words gated: the bigram needs both.
            ("lừa thuế", true, "lua_thue", Some(b), &[&["lừa"], &["thuế"]]),
            // A word typed with diacritics that the corpus does not hold (a typo) keeps its
            // folded reading, ungated, at the least share.
            ("thuê đất", true, "thue", Some(fo * MIN_FOLDED_SHARE), &[]),
            ("thuê đất", true, "thue_dat", Some(b * MIN_FOLDED_SHARE), &[]),
            ("thuê đất", true, "thuê", Some(e + fo * (1.0 - MIN_FOLDED_SHARE)), &[]),
            // Without diacritics nothing is gated.
            ("thue dat", true, "thue", Some(fo), &[]),
            ("thue dat", true, "thue_dat", Some(b), &[]),
            // "tu" and "ra" are common: left to their bigram; "tù" is not, looked up itself.
            ("ra tù", true, "tù", Some(e + fo * (1.0 - MIN_FOLDED_SHARE)), &[]),
            ("ra tù", true, "tu", None, &[]),
            ("ra tù", true, "ra", None, &[]),
            ("ra tù", true, "ra_tu", Some(b), &[&["tù"]]),
        ];
        for (q, short, t, want, gates) in rows {
            let mut plan = Plan::of(&parse(q).unwrap());
            plan.folding = true;
            plan.bigram_share = *short;
            plan.gate = *short;
            let (got, got_gates) = weigh(&f, &plan, &plan_terms(&plan), &WEIGHTS, &s);
            match (got.get(*t), want) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-4, "{q}: {t}: {g} != {w}"),
                (g, w) => assert_eq!(g.copied(), *w, "{q}: {t}: {got:?}"),
            }
            let want_gates: Vec<Vec<String>> =
                gates.iter().map(|g| g.iter().map(|x| x.to_string()).collect()).collect();
            assert_eq!(got_gates.get(*t).cloned().unwrap_or_default(), want_gates, "{q}: {t}");
        }
    }

    #[test]
    fn a_gated_clause_counts_only_beside_the_typed_word() {
        // In a short keyword query, "thue" and "thue_dat" of "thuế đất" are each looked up in every zone together with
        // that zone's "thuế" (a required clause that adds nothing to the score).
        let s = Stats(
            HashMap::from([("thue", 10_000), ("thuế", 3_000), ("dat", 8_000), ("đất", 7_900)]),
            100_000,
        );
        let f = Fields::new();
        let mut plan = Plan::of(&parse("thuế đất").unwrap());
        let gated = |plan: &Plan| {
            let (tq, _) = build_plan(&f, plan, &WEIGHTS, &s);
            format!("{tq:?}").matches("Must").count()
        };
        plan.folding = true;
        plan.gate = true;
        // Two gated terms in the title and body zones, the bigram alone in the contexts
        // ("thue" is common there), each a required term and a required gate.
        assert_eq!(gated(&plan), (2 + 1 + 2) * 2);
        // Off, or in a question, the same query has no gate.
        plan.folding = false;
        assert_eq!(gated(&plan), 0);
        plan.folding = true;
        plan.gate = false;
        assert_eq!(gated(&plan), 0);
    }

    #[test]
    fn a_query_without_diacritics_reads_as_the_everyday_wordings_it_holds() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let wordings = [w("bìa đỏ"), w("thổ cư"), w("cưới")];
        // (query, its words after reading, whether the plan is then weighed with diacritics)
        let rows: &[(&str, &str, bool)] = &[
            ("bia do", "bìa đỏ", true),
            ("dat tho cu", "dat thổ cư", true),
            ("mua BIA DO ở đâu", "mua BIA DO ở đâu", true),
            // A one-syllable wording is not restored; punctuation breaks a wording.
            ("cuoi nam", "cuoi nam", false),
            ("bia, do", "bia do", false),
            ("bia hoi", "bia hoi", false),
        ];
        for (q, want, diacritics) in rows {
            let mut plan = Plan::of(&parse(q).unwrap());
            let before = plan.diacritics;
            plan.restore(wordings.iter().map(Vec::as_slice));
            let got: Vec<&str> = plan.runs.iter().flatten().map(|x| x.text.as_str()).collect();
            assert_eq!(got.join(" ").to_lowercase(), want.to_lowercase(), "{q}");
            assert_eq!(plan.diacritics, *diacritics || before, "{q}");
        }
    }
}
