//! The searcher: an open index generation plus its catalog (the one document table, saved in
//! the generation), shared across threads
//! behind an `Arc` and swapped whole by [`Searcher::reload`] when `cancu index` publishes a
//! new generation (requests in flight finish on the old one).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query as TQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{IndexReader, Order, ReloadPolicy, TantivyDocument, Term};

use super::facets;
use super::fulltext::{self, Cached, Plan, Weights, Word, WEIGHTS};
use super::query::{self, Filters, Parsed, Query, MAX_LIMIT};
use super::question::{self, Features, Intent};
use super::rerank;
use super::results::{Hit, Results, Route};
use super::snippet::{lead, Snippets};
use crate::catalog::Catalog;
use crate::cite::{Confidence, Lookup};
use crate::glossary::{vocabulary, Glossary};
use crate::index::analysis::Mode;
use crate::index::schema::{issuer_key, Fields, KIND_ARTICLE, KIND_DOCUMENT};
use crate::model::{Article, DocType, Metadata, Status};
use crate::Result;

/// How many articles on the same subject follow a pinpointed article.
const SIMILAR: usize = 9;

/// Score added to a defining article for a definition question: above any text score, so
/// that it comes first; several definitions of the term keep their text order.
const DEFINITION_SCORE: f32 = 1000.0;
/// Score added to the article an everyday ↔ legal pair rests on, as a share of the query's
/// best text score: it comes among the first hits, first if the text matches it too.
const BASIS_SHARE: f32 = 0.9;
/// Score added to an article whose whole title is the keyword query, as a share of the
/// query's best text score (see `Searcher::titles`).
const TITLE_SHARE: f32 = 1.0;
/// Most defining articles promoted for one definition question.
const MAX_DEFINITIONS: usize = 5;
/// Score the search gives an article lifted by a share of the best text score ([`Lifts`])
/// while the best text score is not known yet: above any text score and any definition, so
/// that the article is among the hits collected; replaced by the share once it is known.
const LIFT_SCORE: f32 = 10_000.0;

/// Most articles defining a term of a question added to its candidates
/// ([`Searcher::defining`]).
const DEFINED_ADDED: usize = 4;
/// How deep the first stage's list of a question is read for the scores of the articles
/// [`Searcher::defining`] adds: the window of a faceted search, so that a question ranks
/// the same with and without facets; an article deeper has the list's lowest score.
const POOL: usize = facets::WINDOW;

/// One open generation.
struct Inner {
    reader: IndexReader,
    fields: Fields,
    catalog: Arc<Catalog>,
    generation: PathBuf,
    /// Read on first use (a definition question, the glossary page).
    glossary: OnceLock<Arc<Glossary>>,
    /// Document frequencies looked up so far in this generation.
    freqs: fulltext::FreqCache,
    /// Titles and document keys of the records, read on the first reranked question.
    columns: OnceLock<Option<Arc<rerank::Columns>>>,
}

/// Most words of a query whose folded bigrams are weighed by their folding share
/// ([`fulltext::Plan::bigram_share`]): the length people type in a search box.
const SHORT_QUERY_WORDS: usize = 4;

/// Searches an index directory. Cheap to clone; clones share the open index and see each
/// other's [`Searcher::reload`].
#[derive(Clone)]
pub struct Searcher {
    dir: PathBuf,
    shared: Arc<RwLock<Arc<Inner>>>,
    weights: Weights,
    features: Features,
    /// Matches counted exactly before the total is estimated ([`facets::COUNT_BUDGET`]).
    count_budget: u64,
    /// Weights of the second-stage scorer ([`rerank::WEIGHTS`]).
    rerank_weights: [f32; rerank::N],
}

/// A question's second stage: its terms and, when fitting, where the candidates go.
struct Second {
    question: rerank::Question,
    /// The question's words as typed, by run (for [`super::defined`]).
    words: Vec<Vec<String>>,
    learned: bool,
    /// The candidates and their features, when collecting them.
    collect: Option<std::cell::RefCell<Candidates>>,
    /// The stored records the second stage read for their text, by address: the page's
    /// hits are mostly among them, and reading a record again (a block of the store
    /// decompressed, every field decoded) was a tenth of a question's CPU time.
    read: std::cell::RefCell<std::collections::HashMap<tantivy::DocAddress, TantivyDocument>>,
}

/// The first-stage candidates of a question, as the second stage sees them.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Hits kept first whatever their features (definitions promoted by the glossary):
    /// (document id, article number).
    pub pinned: Vec<(String, String)>,
    /// The others, best BM25 first.
    pub scored: Vec<Scored>,
}

/// A candidate of the second stage.
#[derive(Debug, Clone)]
pub struct Scored {
    pub id: String,
    pub article: String,
    pub title: String,
    pub features: [f32; rerank::N],
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher").field("dir", &self.dir).field("generation", &self.generation()).finish()
    }
}

fn str_of(d: &TantivyDocument, f: Field) -> Option<&str> {
    d.get_first(f).and_then(|v| v.as_str())
}

fn u64_of(d: &TantivyDocument, f: Field) -> Option<u64> {
    d.get_first(f).and_then(|v| v.as_u64())
}

fn term(f: Field, s: &str) -> Box<dyn TQuery> {
    Box::new(TermQuery::new(Term::from_field_text(f, s), IndexRecordOption::Basic))
}

fn all(qs: Vec<Box<dyn TQuery>>) -> Box<dyn TQuery> {
    Box::new(BooleanQuery::new(qs.into_iter().map(|q| (Occur::Must, q)).collect()))
}

fn any(qs: Vec<Box<dyn TQuery>>) -> Box<dyn TQuery> {
    Box::new(BooleanQuery::new(qs.into_iter().map(|q| (Occur::Should, q)).collect()))
}

fn load(dir: &Path) -> Result<Inner> {
    let (index, fields, generation) = crate::index::open(dir)?;
    let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
    let catalog = Arc::new(Catalog::load(&generation)?);
    Ok(Inner {
        reader,
        fields,
        catalog,
        generation,
        glossary: OnceLock::new(),
        freqs: Default::default(),
        columns: OnceLock::new(),
    })
}

impl Searcher {
    /// Opens the live generation of the index at `dir`.
    pub fn open(dir: &Path) -> Result<Searcher> {
        let inner = load(dir)?;
        Ok(Searcher {
            dir: dir.to_path_buf(),
            shared: Arc::new(RwLock::new(Arc::new(inner))),
            weights: WEIGHTS,
            features: Features::default(),
            count_budget: facets::COUNT_BUDGET,
            rerank_weights: rerank::WEIGHTS,
        })
    }

    /// Turns parts of question understanding on or off (for measurements; all on by default).
    pub fn set_features(&mut self, f: Features) {
        self.features = f;
    }

    /// How many matches are counted exactly before the total is estimated (default
    /// [`facets::COUNT_BUDGET`]; `u64::MAX` counts every match).
    pub fn set_count_budget(&mut self, budget: u64) {
        self.count_budget = budget;
    }

    /// The glossary of the generation in use (empty if it has none or cannot be read).
    pub fn glossary(&self) -> Arc<Glossary> {
        glossary_of(&self.inner())
    }

    /// Replaces the second-stage weights (for fitting; the default is [`rerank::WEIGHTS`]).
    pub fn set_rerank_weights(&mut self, w: [f32; rerank::N]) {
        self.rerank_weights = w;
    }

    /// Replaces the ranking weights (for experiments; the default is [`WEIGHTS`]).
    pub fn set_weights(&mut self, w: Weights) {
        self.weights = w;
    }

    fn inner(&self) -> Arc<Inner> {
        self.shared.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Switches to the live generation if it changed since the last (re)load. Returns
    /// whether it switched. Searches running meanwhile finish on the old generation.
    pub fn reload(&self) -> Result<bool> {
        let live = crate::index::current(&self.dir)?;
        if live == self.inner().generation {
            return Ok(false);
        }
        let inner = Arc::new(load(&self.dir)?);
        *self.shared.write().unwrap_or_else(|e| e.into_inner()) = inner;
        Ok(true)
    }

    /// The directory of the generation in use (other artifacts built with it live there).
    pub fn generation(&self) -> PathBuf {
        self.inner().generation.clone()
    }

    /// The catalog of the generation in use.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.inner().catalog.clone()
    }

    /// The record of article `number` of document `id`.
    pub fn article(&self, id: &str, number: &str) -> Result<Option<Hit>> {
        let inner = self.inner();
        let f = &inner.fields;
        let q = all(vec![term(f.id, id), term(f.kind, KIND_ARTICLE), term(f.article, number)]);
        let s = inner.reader.searcher();
        let top = s.search(&q, &TopDocs::with_limit(1))?;
        top.first().map(|(_, a)| Ok(hit(f, &s.doc(*a)?, 1.0, &Snippets::none()))).transpose()
    }

    /// The articles of document `id` in order, from `offset`.
    pub fn articles(&self, id: &str, offset: usize, limit: usize) -> Result<Vec<Hit>> {
        let inner = self.inner();
        let f = &inner.fields;
        let s = inner.reader.searcher();
        let q = all(vec![term(f.id, id), term(f.kind, KIND_ARTICLE)]);
        let top = s.search(
            &q,
            &TopDocs::with_limit(limit.clamp(1, MAX_LIMIT))
                .and_offset(offset)
                .order_by_fast_field::<u64>("ord", Order::Asc),
        )?;
        top.into_iter().map(|(_, a)| Ok(hit(f, &s.doc(a)?, 1.0, &Snippets::none()))).collect()
    }

    /// The document-level record of `id`.
    pub fn document(&self, id: &str) -> Result<Option<Hit>> {
        let inner = self.inner();
        let f = &inner.fields;
        let s = inner.reader.searcher();
        let q = all(vec![term(f.id, id), term(f.kind, KIND_DOCUMENT)]);
        let top = s.search(&q, &TopDocs::with_limit(1))?;
        top.first().map(|(_, a)| Ok(hit(f, &s.doc(*a)?, 1.0, &Snippets::none()))).transpose()
    }

    /// Runs a query.
    pub fn search(&self, q: &Query) -> Result<Results> {
        self.search_with(q, false).map(|(r, _)| r)
    }

    /// The first-stage candidates of a question with their reranking features, best BM25
    /// first (empty for a query that is not reranked): what `examples/fit_rerank.rs` fits
    /// the weights on.
    pub fn candidates(&self, q: &Query) -> Result<Candidates> {
        self.search_with(q, true).map(|(_, c)| c)
    }

    fn search_with(&self, q: &Query, collect: bool) -> Result<(Results, Candidates)> {
        let parsed = query::parse(&q.text)?;
        let inner = self.inner();
        let limit = q.limit.min(MAX_LIMIT);
        let mut results = Results {
            query: parsed.norm.clone(),
            hits: Vec::new(),
            total: None,
            total_approximate: false,
            offset: q.offset,
            route: None,
            facets: None,
            notice: None,
            suggestion: None,
        };
        if let Some(mut res) = crate::cite::lookup(&inner.catalog, &q.text) {
            // Filters apply to routes too: a named document outside them is not offered.
            res.docs.retain(|d| inner.catalog.get(d).is_some_and(|m| admits(&q.filters, m)));
            if !res.docs.is_empty() && self.routed(&inner, q, &res, limit, &mut results)? {
                // A part that looks like a pinpoint and was not read is said, never dropped.
                if let Some(u) = res.unread_vi() {
                    results.notice = Some(match results.notice.take() {
                        Some(n) => format!("{u} {n}"),
                        None => u,
                    });
                }
                return Ok((results, Candidates::default()));
            }
        } else if let Some(absent) = crate::cite::query::absent(&inner.catalog, &q.text) {
            // A number that no document of the catalog has (not even one only cited): say
            // so, rather than let the words of the number look like an answer.
            results.notice = Some(format!(
                "Không có văn bản số {} trong kho dữ liệu; các kết quả dưới đây chỉ khớp theo từ ngữ.",
                absent.read
            ));
        }
        let (plan, understood, pairs) = self.plan(&inner, &parsed)?;
        let searcher = inner.reader.searcher();
        let stats = Cached { stats: &searcher, cache: &inner.freqs };
        let (mut text_q, terms) = fulltext::build_plan(&inner.fields, &plan, &self.weights, &stats);
        let mut lifts = Lifts::default();
        let bases = self.bases(&inner, &pairs, &mut lifts)?;
        let titles = self.titles(&inner, &parsed, &understood, &mut lifts)?;
        let boosts: Vec<Box<dyn TQuery>> =
            self.definitions(&inner, &understood).into_iter().chain(bases).chain(titles).collect();
        if !boosts.is_empty() {
            let mut v = vec![(Occur::Should, text_q)];
            v.extend(boosts.into_iter().map(|q| (Occur::Should, q)));
            text_q = Box::new(BooleanQuery::new(v));
        }
        results.suggestion = super::suggest::suggest(&inner.fields, &parsed, &stats);
        let filters = filter_queries(&inner.fields, &q.filters);
        let full: Box<dyn TQuery> = if filters.is_empty() {
            text_q
        } else {
            let mut v = vec![text_q];
            v.extend(filters);
            all(v)
        };
        let folded = terms.highlight();
        let snippets = Snippets::new(&stats, &inner.fields, &folded).anchored(terms.anchors());
        let second = self.second(&inner, &parsed, &plan, &understood, &stats, collect);
        let exec = Execution { exhaustive: terms.exhaustive(), lifts };
        self.run(&inner, &*full, &exec, q, limit, &snippets, second.as_ref(), &mut results)?;
        let collected = second.and_then(|s| s.collect).map(|c| c.into_inner()).unwrap_or_default();
        Ok((results, collected))
    }

    /// The second stage of a question (a query with a frame), if on.
    fn second(
        &self,
        inner: &Inner,
        parsed: &Parsed,
        plan: &Plan,
        u: &question::Understanding,
        stats: &dyn fulltext::DocFreq,
        collect: bool,
    ) -> Option<Second> {
        let framed = u.framed();
        if !self.features.rerank || !framed {
            return None;
        }
        let runs: Vec<Vec<(String, bool, f32)>> = plan
            .runs
            .iter()
            .map(|r| r.iter().map(|w| (w.text.clone(), w.broken, w.weight)).collect())
            .collect();
        let n = stats.num_docs().max(1) as f32;
        let field = inner.fields.title_zone.folded;
        let idf =
            |t: &str| (n / (1.0 + stats.doc_freq(&Term::from_field_text(field, t)) as f32)).ln().max(0.0);
        let mut question = rerank::Question::new(&runs, &idf, u.intent);
        if !self.features.exact {
            question.read_folded();
        }
        let words =
            parsed.segments.iter().map(|s| s.words.iter().map(|(w, _)| w.clone()).collect()).collect();
        (!question.is_empty()).then(|| Second {
            question,
            words,
            learned: self.features.learned,
            collect: collect.then(Default::default),
            read: Default::default(),
        })
    }

    /// `top` (best first) with its first [`rerank::DEPTH`] hits in second-stage order.
    fn reorder(
        &self,
        inner: &Inner,
        s: &tantivy::Searcher,
        second: &Second,
        mut top: Vec<(f32, tantivy::DocAddress)>,
    ) -> Result<Vec<(f32, tantivy::DocAddress)>> {
        // Definitions promoted by the glossary keep their place ahead of the rest.
        let pinned = top.iter().take_while(|(sc, _)| *sc >= DEFINITION_SCORE).count();
        let n = top.len().min(rerank::DEPTH).max(pinned);
        let columns = inner.columns.get_or_init(|| rerank::Columns::load(s).ok().map(Arc::new));
        let Some(columns) = columns else { return Ok(top) };
        // The candidates: the first stage's best, then the articles defining the terms the
        // question names (`defined`), which may come from further down its list or outside it.
        let mut head: Vec<(f32, tantivy::DocAddress)> = top[pinned..n].to_vec();
        let defining = if self.features.defined {
            let pool = &top[pinned..top.len().min(POOL)];
            self.defining(inner, s, second, &top[..pinned], &mut head, pool)?
        } else {
            Default::default()
        };
        let runs = super::titled::folded(&second.words);
        if self.features.titled {
            let pool = &top[pinned..top.len().min(POOL)];
            head.extend(super::titled::added(&second.question, &runs, columns, &head, &top[..pinned], pool));
        }
        let mut cands = Vec::with_capacity(head.len());
        for (score, a) in &head {
            let Some(c) = columns.candidate(*a, *score) else { return Ok(top) };
            cands.push(c);
        }
        let none = super::learned::Associations::default();
        // The table costs a lookup per question term and title: skipped when it weighs nothing.
        let wanted =
            second.learned && (self.rerank_weights[rerank::ASSOC] != 0.0 || second.collect.is_some());
        let assoc = if wanted { super::learned::Associations::shipped() } else { &none };
        let (mut feats, title_masks) = rerank::features_and_titles(&second.question, &cands, assoc);
        if self.features.sentence {
            // The text is a stored field: one block of the document store per hit read.
            // The added articles are read too: they have no BM25 rank to be read by.
            // (Without their text, 3 fewer training questions in the first 10.)
            for i in (0..cands.len().min(rerank::TEXT_DEPTH)).chain(n - pinned..head.len()) {
                let d: TantivyDocument = s.doc(head[i].1)?;
                if let Some(t) = str_of(&d, inner.fields.text) {
                    rerank::add_text_of(&second.question, title_masks[i], t, &mut feats[i]);
                }
                second.read.borrow_mut().insert(head[i].1, d);
            }
        }
        // A document's title is scanned once for all its candidates.
        let mut doc_titles: std::collections::HashMap<u64, u128> = Default::default();
        for (((f, (_, a)), c), t) in feats.iter_mut().zip(&head).zip(&cands).zip(&title_masks) {
            f[rerank::DEFINES] = defining.get(a).copied().unwrap_or(0.0);
            if let (true, Some(k)) = (self.features.titled, columns.title_key(*a)) {
                f[rerank::TITLED] = super::titled::feature(&second.question, &runs, &c.title, k);
            }
            if self.features.domain {
                let d = *doc_titles
                    .entry(c.doc)
                    .or_insert_with(|| rerank::content_mask(&second.question, columns.doc_title(c.doc)));
                f[rerank::DOMAIN].copy_from_slice(&super::domain::features_of(&second.question, *t, d));
            }
        }
        if !self.features.intent {
            feats.iter_mut().for_each(|f| f[rerank::INTENT].fill(0.0));
        }
        if !self.features.document {
            feats.iter_mut().for_each(|f| rerank::DOCUMENT.iter().for_each(|&k| f[k] = 0.0));
        }
        if let Some(c) = &second.collect {
            let f = &inner.fields;
            let mut out = c.borrow_mut();
            let key = |a: &tantivy::DocAddress| -> Result<(String, String)> {
                let d: TantivyDocument = s.doc(*a)?;
                let art = str_of(&d, f.article).unwrap_or_default().to_string();
                Ok((str_of(&d, f.id).unwrap_or_default().to_string(), art))
            };
            for (_, a) in &top[..pinned] {
                out.pinned.push(key(a)?);
            }
            for (((_, a), x), c) in head.iter().zip(&feats).zip(&cands) {
                let (id, article) = key(a)?;
                out.scored.push(Scored { id, article, title: c.title.to_string(), features: *x });
            }
        }
        let weights = if self.features.permission {
            rerank::weights_for(second.question.intent(), &self.rerank_weights)
        } else {
            &self.rerank_weights
        };
        let order = rerank::order(&feats, weights);
        let ordered: Vec<(f32, tantivy::DocAddress)> =
            order.iter().map(|(i, sc)| (*sc, head[*i].1)).collect();
        let mut tail: Vec<(f32, tantivy::DocAddress)> = top.split_off(n);
        tail.retain(|(_, a)| !head[n - pinned..].iter().any(|(_, h)| h == a));
        top.truncate(pinned);
        top.extend(ordered);
        top.extend(tail);
        Ok(top)
    }

    /// The articles defining the terms a question names ([`super::defined`]), each with the
    /// share of the question's content its terms hold; those not among the candidates
    /// `head` nor `pinned` are added to `head` (most [`DEFINED_ADDED`], best share first),
    /// with their score in `pool` (the first stage's list) or its lowest.
    fn defining(
        &self,
        inner: &Inner,
        s: &tantivy::Searcher,
        second: &Second,
        pinned: &[(f32, tantivy::DocAddress)],
        head: &mut Vec<(f32, tantivy::DocAddress)>,
        pool: &[(f32, tantivy::DocAddress)],
    ) -> Result<std::collections::HashMap<tantivy::DocAddress, f32>> {
        let mut share: std::collections::HashMap<tantivy::DocAddress, f32> = Default::default();
        let g = glossary_of(inner);
        let f = &inner.fields;
        for (_, entries) in super::defined::terms(&g, &second.words) {
            for e in entries {
                // The term as the law writes it: a word the question typed with diacritics
                // counts only as that word (a look-alike term covers less).
                let cover = rerank::title_match(&second.question, &e.term)[0];
                let exact =
                    all(vec![term(f.id, &e.doc_id), term(f.kind, KIND_ARTICLE), term(f.article, &e.article)]);
                for (_, a) in s.search(&exact, &TopDocs::with_limit(1))? {
                    *share.entry(a).or_default() += cover;
                }
            }
        }
        let mut fresh: Vec<(f32, tantivy::DocAddress)> = share
            .iter()
            .filter(|(a, _)| !head.iter().chain(pinned).any(|(_, h)| h == *a))
            .map(|(a, x)| (*x, *a))
            .collect();
        fresh.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let floor = pool.last().map_or(0.0, |(sc, _)| *sc);
        for (_, a) in fresh.into_iter().take(DEFINED_ADDED) {
            let score = pool.iter().find(|(_, p)| *p == a).map_or(floor, |(sc, _)| *sc);
            head.push((score, a));
        }
        Ok(share)
    }

    /// What to look up for a free-text query: its words weighed by question understanding
    /// (frame words little), plus the law's terms for its everyday words.
    fn plan(
        &self,
        inner: &Inner,
        parsed: &Parsed,
    ) -> Result<(Plan, question::Understanding, Vec<&'static vocabulary::Pair>)> {
        let mut plan = Plan::of(parsed);
        plan.folding = self.features.folding;
        let u = question::understand_with(parsed, &self.features);
        if self.features.frame {
            for (run, ws) in plan.runs.iter_mut().zip(&u.weights) {
                for (w, x) in run.iter_mut().zip(ws) {
                    w.weight = *x;
                }
            }
        }
        let framed = u.framed();
        plan.common_content = framed && self.features.content;
        plan.floor = framed;
        plan.gate = !framed;
        // Short keyword queries only (see `Plan::bigram_share`).
        plan.bigram_share = !framed && plan.runs.iter().map(Vec::len).sum::<usize>() <= SHORT_QUERY_WORDS;
        let mut pairs = Vec::new();
        if self.features.vocabulary {
            let words: Vec<String> =
                parsed.segments.iter().flat_map(|s| s.words.iter().map(|(w, _)| w.clone())).collect();
            pairs = vocabulary::expand(&words, parsed.diacritics);
            if !self.features.abbreviations {
                pairs.retain(|p| !p.abbreviation());
            }
            // "trợ cấp thôi việc" is the law's own term (an article's title): its "thôi việc"
            // is not an everyday word to translate.
            let mut kept = Vec::with_capacity(pairs.len());
            for p in pairs {
                if !inside_a_titled_term(inner, &words, p)? {
                    kept.push(p);
                }
            }
            pairs = kept;
            // A query without diacritics reads as the everyday wordings it contains.
            plan.restore(pairs.iter().map(|p| p.everyday.as_slice()));
            for pair in &pairs {
                let n = crate::text::normalize(&pair.legal).to_lowercase();
                let run: Vec<Word> = crate::index::analysis::syllables(&n)
                    .map(|x| Word {
                        text: n[x.start..x.end].to_string(),
                        broken: x.broken,
                        weight: vocabulary::EXPANSION_WEIGHT,
                    })
                    .collect();
                plan.runs.push(run);
            }
        }
        Ok((plan, u, pairs))
    }

    /// The articles the vocabulary pairs of a query rest on, each lifted by [`BASIS_SHARE`]
    /// of the best text score ([`Lifts`]): "nghỉ phép" is answered by the article on "nghỉ
    /// hằng năm", which the words "nghỉ phép" alone do not find.
    fn bases(
        &self,
        inner: &Inner,
        pairs: &[&vocabulary::Pair],
        lifts: &mut Lifts,
    ) -> Result<Option<Box<dyn TQuery>>> {
        if pairs.is_empty() {
            return Ok(None);
        }
        let f = &inner.fields;
        let mut qs: Vec<Box<dyn TQuery>> = Vec::new();
        for (number, art) in pairs.iter().filter_map(|p| p.article()) {
            for d in inner.catalog.by_number(number) {
                qs.push(all(vec![term(f.id, &d.id), term(f.kind, KIND_ARTICLE), term(f.article, art)]));
            }
        }
        lifts.add(inner, qs, BASIS_SHARE)
    }

    /// For a keyword query that is an article's whole title ("trợ cấp thôi việc": Bộ luật Lao
    /// động, Điều 46), the articles so titled (case and diacritics aside), lifted by
    /// [`TITLE_SHARE`] of the best text score ([`Lifts`]) so that they come first; questions
    /// are left to the second stage.
    fn titles(
        &self,
        inner: &Inner,
        parsed: &Parsed,
        u: &question::Understanding,
        lifts: &mut Lifts,
    ) -> Result<Option<Box<dyn TQuery>>> {
        let framed = u.framed();
        let words: Vec<&str> =
            parsed.segments.iter().flat_map(|s| s.words.iter().map(|(w, _)| w.as_str())).collect();
        if framed || words.len() < 2 {
            return Ok(None);
        }
        let articles = titled(inner, &words.join(" "))?;
        if articles.is_empty() {
            return Ok(None);
        }
        let f = &inner.fields;
        let qs: Vec<Box<dyn TQuery>> = articles
            .iter()
            .map(|(id, art)| all(vec![term(f.id, id), term(f.kind, KIND_ARTICLE), term(f.article, art)]))
            .collect();
        lifts.add(inner, qs, TITLE_SHARE)
    }

    /// For a definition question whose subject the glossary defines: a query giving the
    /// defining articles a score above any text score.
    fn definitions(&self, inner: &Inner, u: &question::Understanding) -> Option<Box<dyn TQuery>> {
        if !self.features.glossary || u.intent != Intent::Definition {
            return None;
        }
        let subject = u.subject.as_deref()?;
        let g = glossary_of(inner);
        let mut articles: Vec<(String, String)> =
            g.lookup_within(subject).into_iter().map(|e| (e.doc_id.clone(), e.article.clone())).collect();
        if articles.is_empty() {
            articles = titled(inner, subject).unwrap_or_default();
        }
        if articles.is_empty() {
            return None;
        }
        let f = &inner.fields;
        let mut seen: Vec<&(String, String)> = Vec::new();
        let mut qs: Vec<Box<dyn TQuery>> = Vec::new();
        for e in &articles {
            if seen.contains(&e) {
                continue;
            }
            seen.push(e);
            let exact = all(vec![term(f.id, &e.0), term(f.kind, KIND_ARTICLE), term(f.article, &e.1)]);
            qs.push(Box::new(ConstScoreQuery::new(exact, DEFINITION_SCORE)));
            if qs.len() == MAX_DEFINITIONS {
                break;
            }
        }
        Some(any(qs))
    }

    /// Executes a scored query into `results` (hits, total, facets).
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        inner: &Inner,
        tq: &dyn TQuery,
        exec: &Execution,
        q: &Query,
        limit: usize,
        snippets: &Snippets,
        second: Option<&Second>,
        results: &mut Results,
    ) -> Result<()> {
        let f = &inner.fields;
        let s = inner.reader.searcher();
        // The clauses' BM25 weights from the frequencies the plan looked up ([`Bm25Cached`]).
        let stats = fulltext::Bm25Cached { searcher: &s, cache: &inner.freqs };
        // The best `n` hits by score, with the lifted articles' scores made final, and how
        // many records match when that was counted on the way.
        type Best = (Vec<(f32, tantivy::DocAddress)>, Option<usize>);
        let best = |n: usize| -> Result<Best> {
            let more = n + exec.lifts.len();
            let (mut top, count) = if exec.exhaustive {
                let (top, count) =
                    s.search_with_statistics_provider(tq, &facets::TopCount { limit: more }, &stats)?;
                (top, Some(count))
            } else {
                (s.search_with_statistics_provider(tq, &TopDocs::with_limit(more), &stats)?, None)
            };
            exec.lifts.settle(&mut top, n);
            Ok((top, count))
        };
        let docs = if q.facets {
            // The best hits of a window holding the page; facets over that window; matches
            // counted on the way for a long query, else without scores up to a budget (one
            // scored pass over every match costs far more; see `facets`).
            let window = facets::WINDOW.max(q.offset + limit);
            let (mut best, counted) = best(window)?;
            if let Some(second) = second {
                best = self.reorder(inner, &s, second, best)?;
            }
            let (count, estimated) = match counted {
                Some(n) => (n, false),
                None => facets::count_matches(&s, tq, self.count_budget)?,
            };
            let addresses: Vec<_> = best.iter().map(|(_, a)| *a).collect();
            let mut counted = facets::count_hits(&s, &addresses)?.facets();
            counted.approximate = estimated || count > best.len();
            results.total = Some(count);
            results.total_approximate = estimated;
            results.facets = Some(counted);
            best.into_iter().skip(q.offset).collect()
        } else if let Some(second) = second {
            // The page lies in the reranked head or in the BM25 order after it.
            // As deep as the window of a faceted search, so that the candidates added by
            // `defining` have the same first-stage scores either way.
            let deep = if self.features.defined || self.features.titled { POOL } else { rerank::DEPTH };
            let (top, _) = best(deep.max(q.offset + limit))?;
            self.reorder(inner, &s, second, top)?.into_iter().skip(q.offset).collect()
        } else if exec.exhaustive || !exec.lifts.is_empty() {
            best(q.offset + limit.max(1))?.0.into_iter().skip(q.offset).collect()
        } else {
            s.search_with_statistics_provider(
                tq,
                &TopDocs::with_limit(limit.max(1)).and_offset(q.offset),
                &stats,
            )?
        };
        for (score, a) in docs.into_iter().take(limit) {
            let read = second.and_then(|x| x.read.borrow_mut().remove(&a));
            let d = match read {
                Some(d) => d,
                None => s.doc(a)?,
            };
            results.hits.push(hit(f, &d, score, snippets));
        }
        Ok(())
    }

    /// Answers a query that names a document or an article. Returns false to fall back to
    /// full text (the named article does not exist and there is nothing else to show).
    fn routed(
        &self,
        inner: &Inner,
        q: &Query,
        res: &Lookup,
        limit: usize,
        results: &mut Results,
    ) -> Result<bool> {
        let f = &inner.fields;
        let ids: Vec<String> = res.docs.clone();
        let label = |id: &str| inner.catalog.get(id).map_or_else(|| id.to_string(), Metadata::label);
        if res.confidence == Confidence::Name && !res.others.is_empty() {
            let others: Vec<String> = res.others.iter().map(|i| label(i)).collect();
            results.notice = Some(format!(
                "Tên này có nhiều phiên bản; đang hiển thị {}. Phiên bản khác: {}.",
                label(&ids[0]),
                others.join("; ")
            ));
        }
        if res.confidence == Confidence::Ambiguous {
            results.notice = Some(res.ambiguity_vi(label));
        }
        // A number written otherwise than the document's ("Nghị định 4/2015/NĐ-CP"): say which
        // document it was taken as.
        if let Some(n) = ids.first().and_then(|d| inner.catalog.get(d)).and_then(|m| res.variant_vi(m)) {
            results.notice = Some(n);
        }
        // A year no version held has ("Điều 17 Luật Đất đai 2024" with only the 2013 law
        // held): the versions held, as documents, under the notice that none is the one asked
        // for; never an article of another version as if it answered.
        if res.missing.is_some() {
            results.route = Some(Route::Document { ids: ids.clone() });
            return self.documents_page(&ids, q, limit, results);
        }
        // An article of a document whose text is not held ("Điều 36 BLLĐ 2012"): the notice
        // that says so, the held versions' article as candidates under it, never as the answer
        // (the same answer as `cancu show` and `/api/resolve`: [`crate::cite::query::NotHeld`]).
        if let (Some(nh), Some(notice)) = (&res.not_held, res.not_held_vi(label)) {
            results.notice = Some(notice);
            results.route = Some(Route::Document { ids: vec![nh.doc.clone()] });
            let mut hits = Vec::new();
            for c in &nh.candidates {
                hits.extend(self.article(c, &nh.article)?);
            }
            results.total = Some(hits.len());
            results.hits = hits.into_iter().skip(q.offset).take(limit).collect();
            return Ok(true);
        }
        // An article of a reference several documents fit ("LĐT Điều 65"): that article of
        // each, under the notice listing them.
        if let (Some(art), true) = (&res.article, ids.len() > 1) {
            let mut hits = Vec::new();
            for d in &ids {
                hits.extend(self.article(d, art)?);
            }
            if !hits.is_empty() {
                results.route = Some(Route::Document { ids: ids.clone() });
                results.total = Some(hits.len());
                results.hits = hits.into_iter().skip(q.offset).take(limit).collect();
                return Ok(true);
            }
        }
        if let (Some(art), true) = (&res.article, ids.len() == 1) {
            for d in &ids {
                if let Some(mut h) = self.article(d, art)? {
                    let held = pinpoint_snippet(&mut h, res, self)?;
                    if let Some(m) = &held.missing {
                        let lacks = format!("Điều {art} của {} không có {m}.", label(d));
                        results.notice = Some(match results.notice.take() {
                            Some(n) => format!("{n} {lacks}"),
                            None => lacks,
                        });
                    }
                    let mut hits = vec![h];
                    hits.extend(self.similar(inner, &hits[0])?);
                    for r in self.related(inner, &hits[0])? {
                        if !hits.iter().any(|o| o.id == r.id && o.article == r.article) {
                            hits.push(r);
                        }
                    }
                    results.total = Some(hits.len());
                    results.hits = hits.into_iter().skip(q.offset).take(limit).collect();
                    results.route = Some(Route::Article {
                        id: d.clone(),
                        article: art.clone(),
                        clause: held.clause,
                        point: held.point,
                    });
                    return Ok(true);
                }
            }
            results.notice = Some(format!("Không tìm thấy Điều {art} trong {}.", label(&ids[0])));
        }
        results.route = Some(Route::Document { ids: ids.clone() });
        if !res.rest.is_empty() {
            if let Ok(parsed) = query::parse(&res.rest) {
                let (text_q, terms) = fulltext::build(f, &parsed, &self.weights, &inner.reader.searcher());
                let within = any(ids.iter().map(|i| term(f.id, i)).collect());
                let exhaustive = terms.exhaustive();
                let folded: Vec<String> = terms.folded.into_keys().collect();
                let searcher = inner.reader.searcher();
                let snippets = Snippets::new(&Cached { stats: &searcher, cache: &inner.freqs }, f, &folded);
                let exec = Execution { exhaustive, lifts: Lifts::default() };
                self.run(inner, &*all(vec![text_q, within]), &exec, q, limit, &snippets, None, results)?;
                if !results.hits.is_empty() {
                    return Ok(true);
                }
            }
        }
        if let [d] = ids.as_slice() {
            let n = inner.catalog.articles(d);
            if n > 0 {
                results.hits = self.articles(d, q.offset, limit)?;
                results.total = Some(n);
                return Ok(true);
            }
        }
        self.documents_page(&ids, q, limit, results)
    }

    /// The document records of `ids` as the page of hits asked for, their number the total.
    fn documents_page(&self, ids: &[String], q: &Query, limit: usize, results: &mut Results) -> Result<bool> {
        let mut hits = Vec::new();
        for id in ids {
            hits.extend(self.document(id)?);
        }
        results.total = Some(hits.len());
        results.hits = hits.into_iter().skip(q.offset).take(limit).collect();
        Ok(true)
    }

    /// Articles on the same subject as `h` (full text on its title; typically the decree
    /// articles detailing a law's article), after it; scores scaled below the pinpoint's.
    fn similar(&self, inner: &Inner, h: &Hit) -> Result<Vec<Hit>> {
        let Ok(parsed) = query::parse(&h.title) else { return Ok(Vec::new()) };
        let (tq, terms) = fulltext::build(&inner.fields, &parsed, &self.weights, &inner.reader.searcher());
        let mut r = Results {
            query: String::new(),
            hits: Vec::new(),
            total: None,
            total_approximate: false,
            offset: 0,
            route: None,
            facets: None,
            notice: None,
            suggestion: None,
        };
        let exhaustive = terms.exhaustive();
        let folded: Vec<String> = terms.folded.into_keys().collect();
        let searcher = inner.reader.searcher();
        let snippets =
            Snippets::new(&Cached { stats: &searcher, cache: &inner.freqs }, &inner.fields, &folded);
        let exec = Execution { exhaustive, lifts: Lifts::default() };
        self.run(inner, &*tq, &exec, &Query::new(""), SIMILAR + 1, &snippets, None, &mut r)?;
        let max = r.hits.iter().map(|x| x.score).fold(f32::MIN, f32::max).max(f32::EPSILON);
        Ok(r.hits
            .into_iter()
            .filter(|x| !(x.id == h.id && x.article == h.article))
            .take(SIMILAR)
            .map(|mut x| {
                x.score = 0.9 * x.score / max;
                x
            })
            .collect())
    }

    /// The articles the Pháp điển lists as related to `h` (e.g. the decree articles detailing
    /// a law's article), after it.
    fn related(&self, inner: &Inner, h: &Hit) -> Result<Vec<Hit>> {
        let f = &inner.fields;
        let s = inner.reader.searcher();
        let q = all(vec![
            term(f.id, &h.id),
            term(f.kind, KIND_ARTICLE),
            term(f.article, h.article.as_deref().unwrap_or("")),
        ]);
        let Some((_, a)) = s.search(&q, &TopDocs::with_limit(1))?.into_iter().next() else {
            return Ok(Vec::new());
        };
        let d: TantivyDocument = s.doc(a)?;
        let mut out = Vec::new();
        for (i, r) in d.get_all(f.related).filter_map(|v| v.as_str()).enumerate() {
            if let Some((_, a)) = s.search(&term(f.phapdien, r), &TopDocs::with_limit(1))?.into_iter().next()
            {
                let rh = hit(f, &s.doc(a)?, 0.1 / (1.0 + i as f32), &Snippets::none());
                if !out.iter().any(|o: &Hit| o.id == rh.id && o.article == rh.article)
                    && rh.article != h.article
                {
                    out.push(rh);
                }
            }
        }
        Ok(out)
    }
}

/// The articles titled with a definition question's subject itself ("Tài sản thế chấp"), for
/// a subject the glossary does not define: in a code, the article named after a notion is
/// where the notion is set out. At least two words; best text match first.
fn titled(inner: &Inner, subject: &str) -> Result<Vec<(String, String)>> {
    let f = &inner.fields;
    let words: Vec<Term> = subject
        .split_whitespace()
        .map(|w| Term::from_field_text(f.title_zone.folded, &crate::index::analysis::term(w, Mode::Folded)))
        .collect();
    if words.len() < 2 {
        return Ok(Vec::new());
    }
    let s = inner.reader.searcher();
    let want = crate::glossary::key(subject);
    let mut out = Vec::new();
    for (_, a) in s.search(&PhraseQuery::new(words), &TopDocs::with_limit(20))? {
        let d: TantivyDocument = s.doc(a)?;
        let title = str_of(&d, f.title).unwrap_or_default();
        if str_of(&d, f.kind) == Some(KIND_ARTICLE) && crate::glossary::key(title) == want {
            let id = str_of(&d, f.id).unwrap_or_default().to_string();
            out.push((id, str_of(&d, f.article).unwrap_or_default().to_string()));
        }
    }
    Ok(out)
}

/// Whether the everyday wording of `pair`, where it stands in the query `words`, is part of
/// a longer phrase of the query that an article title holds (with the word before it or the
/// word after it): "trợ cấp thôi việc" (Bộ luật Lao động, Điều 46) is the law's own term.
fn inside_a_titled_term(inner: &Inner, words: &[String], pair: &vocabulary::Pair) -> Result<bool> {
    let n = pair.everyday.len();
    let fold = |w: &str| crate::index::analysis::term(w, Mode::Folded);
    let s = inner.reader.searcher();
    for i in (0..words.len().saturating_sub(n - 1))
        .filter(|&i| pair.everyday.iter().zip(&words[i..]).all(|(a, b)| fold(a) == fold(b)))
    {
        let windows = [(i.checked_sub(1), i + n), (Some(i), i + n + 1)];
        for (from, to) in windows {
            let (Some(from), true) = (from, to <= words.len()) else { continue };
            let terms: Vec<Term> = words[from..to]
                .iter()
                .map(|w| Term::from_field_text(inner.fields.title_zone.folded, &fold(w)))
                .collect();
            let q = BooleanQuery::new(vec![
                (Occur::Must, Box::new(PhraseQuery::new(terms)) as Box<dyn TQuery>),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        Term::from_field_text(inner.fields.kind, KIND_ARTICLE),
                        tantivy::schema::IndexRecordOption::Basic,
                    )),
                ),
            ]);
            if s.search(&q, &tantivy::collector::Count)? > 0 {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// How a scored query is executed ([`Searcher::run`]).
struct Execution {
    /// Find the best hits in one pass over every match, counting them on the way, rather
    /// than with pruning ([`fulltext::Terms::exhaustive`]).
    exhaustive: bool,
    lifts: Lifts,
}

/// Articles whose score is lifted by a share of the query's best text score (the articles
/// an everyday ↔ legal pair rests on, those whose whole title is the keyword query). The best
/// text score is known only after the search, so the search gives them [`LIFT_SCORE`] (they
/// are among the hits collected, and counted), and [`Lifts::settle`] then replaces it by
/// the share: one search, where finding the best score first took a second one. The best
/// text score is taken over the hits that pass the filters.
#[derive(Default)]
struct Lifts {
    /// Each lifted article and the sum of its shares, with how many lifts it has.
    by_address: std::collections::HashMap<tantivy::DocAddress, (f32, u32)>,
}

impl Lifts {
    /// Lifts the articles matching one of `exact` by `share`; returns the query giving them
    /// [`LIFT_SCORE`], to add to the text query.
    fn add(
        &mut self,
        inner: &Inner,
        exact: Vec<Box<dyn TQuery>>,
        share: f32,
    ) -> Result<Option<Box<dyn TQuery>>> {
        if exact.is_empty() {
            return Ok(None);
        }
        let q = any(exact);
        let found = inner.reader.searcher().search(&q, &tantivy::collector::DocSetCollector)?;
        if found.is_empty() {
            return Ok(None);
        }
        for a in found {
            let e = self.by_address.entry(a).or_default();
            e.0 += share;
            e.1 += 1;
        }
        Ok(Some(Box::new(ConstScoreQuery::new(q, LIFT_SCORE))))
    }

    fn len(&self) -> usize {
        self.by_address.len()
    }

    fn is_empty(&self) -> bool {
        self.by_address.is_empty()
    }

    /// Gives the lifted articles among `top` (best first, holding every lifted article that
    /// matches) their share of the best text score instead of [`LIFT_SCORE`], sorts again and
    /// keeps the best `keep`.
    fn settle(&self, top: &mut Vec<(f32, tantivy::DocAddress)>, keep: usize) {
        if self.is_empty() {
            return;
        }
        let lifted = |a: &tantivy::DocAddress| self.by_address.get(a).copied().unwrap_or_default();
        let text = |score: f32, a: &tantivy::DocAddress| {
            let s = score - lifted(a).1 as f32 * LIFT_SCORE;
            if s >= DEFINITION_SCORE {
                s - DEFINITION_SCORE
            } else {
                s
            }
        };
        let best = top.iter().map(|(s, a)| text(*s, a)).fold(0.0, f32::max);
        let best = if best > 0.0 { best } else { 1.0 };
        for (s, a) in top.iter_mut() {
            let (share, n) = lifted(a);
            if n > 0 {
                *s = *s - n as f32 * LIFT_SCORE + share * best;
            }
        }
        top.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        top.truncate(keep);
    }
}

/// The glossary of a generation, read on first use.
fn glossary_of(inner: &Inner) -> Arc<Glossary> {
    inner.glossary.get_or_init(|| Arc::new(Glossary::load(&inner.generation).unwrap_or_default())).clone()
}

/// For a pinpoint to a khoản (or điểm), the snippet is that clause's text.
fn pinpoint_snippet(h: &mut Hit, res: &Lookup, s: &Searcher) -> Result<crate::structure::Held> {
    let article = h.article.clone().unwrap_or_default();
    h.anchor = Some(crate::structure::anchor(&article, None, None));
    if res.clause.is_none() {
        return Ok(crate::structure::Held::default());
    }
    let inner = s.inner();
    let f = &inner.fields;
    let searcher = inner.reader.searcher();
    let q = all(vec![
        term(f.id, &h.id),
        term(f.kind, KIND_ARTICLE),
        term(f.article, h.article.as_deref().unwrap_or("")),
    ]);
    let Some((_, a)) = searcher.search(&q, &TopDocs::with_limit(1))?.into_iter().next() else {
        return Ok(crate::structure::Held::default());
    };
    let d: TantivyDocument = searcher.doc(a)?;
    let text = str_of(&d, f.text).unwrap_or_default();
    let art = Article {
        number: String::new(),
        title: String::new(),
        paragraphs: text.lines().map(str::to_string).collect(),
    };
    let outline = crate::structure::Outline::of(&art);
    // The anchor and the snippet point at the parts the article has (never at a clause it
    // lacks: "Đ35.3.d" of an article with two clauses goes to the article, with a notice).
    let held = outline.held(res.clause.as_deref(), res.point.as_deref());
    h.anchor = Some(crate::structure::anchor(&article, held.clause.as_deref(), held.point.as_deref()));
    if let Some(c) = held.clause.as_deref().and_then(|c| outline.clause(c)) {
        let (first, last) = match held.point.as_deref().and_then(|p| c.points.iter().find(|x| x.letter == p))
        {
            Some(p) => (p.first, p.last),
            None => (c.first, c.last),
        };
        let plain = lead(&art.paragraphs[first..=last].join(" "), 400);
        h.snippet = super::snippet::escape_html(&plain);
        h.snippet_text = plain;
    }
    Ok(held)
}

/// Whether document `d` passes the document-level filters (type, issuer, year, status; a
/// đề mục filter is for articles and full text).
fn admits(flt: &Filters, d: &Metadata) -> bool {
    flt.doc_type.is_none_or(|t| d.doc_type == t)
        && flt
            .issuer
            .as_deref()
            .is_none_or(|i| d.issuer.as_deref().is_some_and(|di| issuer_key(di) == issuer_key(i)))
        && flt.year.is_none_or(|y| crate::catalog::year_of(d) == Some(y))
        && flt.status.is_none_or(|s| d.status == s)
}

fn filter_queries(f: &Fields, flt: &Filters) -> Vec<Box<dyn TQuery>> {
    let mut v = Vec::new();
    if let Some(t) = flt.doc_type {
        v.push(term(f.doc_type, t.slug()));
    }
    if let Some(i) = &flt.issuer {
        v.push(term(f.issuer_key, &issuer_key(i)));
    }
    if let Some(y) = flt.year {
        v.push(Box::new(TermQuery::new(Term::from_field_u64(f.year, y as u64), IndexRecordOption::Basic))
            as Box<dyn TQuery>);
    }
    if let Some(s) = flt.status {
        v.push(term(f.status, s.code()));
    }
    if let Some(d) = &flt.demuc {
        v.push(term(f.demuc, d.trim()));
    }
    v
}

/// A hit from a stored record.
fn hit(f: &Fields, d: &TantivyDocument, score: f32, snippets: &Snippets) -> Hit {
    let s = |field| str_of(d, field).map(str::to_string);
    let article = s(f.article);
    let text = str_of(d, f.text).unwrap_or_default();
    let title = s(f.title).unwrap_or_default();
    let (snippet, snippet_text) = snippets.make(if text.is_empty() { &title } else { text });
    Hit {
        id: s(f.id).unwrap_or_default(),
        number: s(f.number),
        doc_type: str_of(d, f.doc_type).and_then(DocType::parse).unwrap_or(DocType::Khac),
        anchor: article.as_deref().map(|a| crate::structure::anchor(a, None, None)),
        article,
        title,
        doc_title: s(f.doc_title).unwrap_or_default(),
        score,
        snippet,
        snippet_text,
        status: str_of(d, f.status).and_then(Status::parse).unwrap_or_default(),
        issuer: s(f.issuer),
        year: u64_of(d, f.year).map(|y| y as u16),
        signed: s(f.signed),
        demuc: s(f.demuc),
        phapdien: s(f.phapdien),
    }
}

#[cfg(test)]
mod tests {
    use tantivy::DocAddress;

    use super::*;

    fn at(doc: u32) -> DocAddress {
        DocAddress { segment_ord: 0, doc_id: doc }
    }

    #[test]
    fn lifted_articles_get_their_share_of_the_best_text_score() {
        // Doc 7 is lifted by 0.9 (text score 2), doc 8 by 0.9 + 1.0 (matches no word), doc 9
        // is a definition (text score 3); the best text score is doc 1's 10.
        let lifts = Lifts { by_address: [(at(7), (0.9, 1)), (at(8), (1.9, 2))].into_iter().collect() };
        let mut top = vec![
            (2.0 * LIFT_SCORE, at(8)),
            (LIFT_SCORE + 2.0, at(7)),
            (DEFINITION_SCORE + 3.0, at(9)),
            (10.0, at(1)),
            (9.5, at(2)),
            (4.0, at(3)),
        ];
        lifts.settle(&mut top, 5);
        // (doc, score)
        let want = [(9, DEFINITION_SCORE + 3.0), (8, 19.0), (7, 11.0), (1, 10.0), (2, 9.5)];
        let got: Vec<(u32, f32)> = top.iter().map(|(s, a)| (a.doc_id, *s)).collect();
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((d, s), (wd, ws)) in got.iter().zip(want) {
            assert!(*d == wd && (s - ws).abs() < 0.01, "{got:?}");
        }
        // Nothing matching the words: the share is of 1.
        let lifts = Lifts { by_address: [(at(4), (0.9, 1))].into_iter().collect() };
        let mut top = vec![(LIFT_SCORE, at(4))];
        lifts.settle(&mut top, 10);
        assert_eq!(top, [(0.9, at(4))]);
    }
}
