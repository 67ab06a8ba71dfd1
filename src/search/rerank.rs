//! Second-stage scoring of a question's best hits: the first [`DEPTH`] hits of the BM25
//! union are scored again by a linear combination of a few features ([`FEATURES`]) and
//! reordered. BM25 scores an article by its words wherever they are; a question is mostly
//! answered by **one sentence or clause** of an article that holds most of the question's
//! words (not by one that repeats a few of them in many clauses), by the article whose
//! **title** says what it asks ("Trách nhiệm của Bộ Y tế …" is answered by the article
//! titled for that ministry, not by its neighbour naming another), inside a **document**
//! that other hits come from too; and the kind of title that answers depends on the
//! question's intent (duties and powers for "có trách nhiệm gì", a definitions article
//! only for "là gì").
//!
//! Most features come from the question's terms and two fast columns of each hit (the
//! article title and the document id, see [`crate::index::schema`]), and the title of its
//! document ([`super::domain`], read once per generation into [`Columns`]). The text features
//! ([`SENTENCE`]: the best line by IDF-weighted coverage and by content bigrams, the words
//! found anywhere in title and text) read the stored text of the first [`TEXT_DEPTH`] hits
//! only: a store read per hit is their cost. The weights ([`WEIGHTS`]) are fitted on the
//! training split of the dev questions by `examples/fit_rerank.rs` (coordinate ascent on
//! MRR@10 + recall@10); the held-out split is never used. Only questions (queries with a
//! frame, see [`super::question`]) are reranked: keyword queries keep their BM25 order.

use std::collections::{HashMap, HashSet};

use super::learned::Associations;
use super::question::Intent;
use crate::index::analysis::{syllables, term, Mode};

/// How many of the best hits are scored again. Those after [`TEXT_DEPTH`] are scored by
/// their title and document only (no store read). Scoring 100 found a few answers the first
/// stage ranks past 40 but cost 0.3–0.5 ms at p50 and let definitions articles of other
/// terms in (see BENCHMARKS.md).
pub const DEPTH: usize = 40;

/// How many of the best hits have their text read for the text features ([`SENTENCE`]);
/// the others have none (and the `no_text` offset), so they rank by title and document
/// only. Reading the
/// text of 40 hits cost about 1 ms at p50 (loaded machine), of 20 half as much, for 0.1
/// point of MRR@10 on the training split (see BENCHMARKS.md).
pub const TEXT_DEPTH: usize = 20;

/// Number of features.
pub const N: usize = 20;

/// Feature names, in order (reports, the fitting command).
pub const FEATURES: [&str; N] = [
    "bm25",       // text score / best text score
    "title_idf",  // IDF-weighted share of the question's content syllables in the title
    "title_bi",   // share of the question's content bigrams in the title
    "title_prec", // share of the title's syllables found in the question
    "same_doc",   // ln(1 + summed relative scores of the other hits of the same document)
    "assoc",      // learned question-word → title-word association mass
    "def_asked",  // a definitions article ("Giải thích từ ngữ") for a question asking what X is
    "def_title",  // a definitions article, whatever the question
    "sent_idf",   // the best line of the text: IDF-weighted share of the content syllables
    "sent_bi",    // the best line of the text: share of the content bigrams (proximity)
    "first_idf",  // the first line of the text: IDF-weighted share of the content syllables
    "body_idf",   // title and text: IDF-weighted share of the content syllables
    "resp_title", // a responsibility question and a title of duties or powers
    "perm_title", // a permission question and a title of rights, bans or conditions
    "no_text",    // the text was not read (deeper than TEXT_DEPTH): an offset for the text features
    "doc_best",   // the best relative score of another hit of the same document
    "defines",    // defines terms the question names: their share of its content (super::defined)
    "titled",     // the whole title is a phrase of the question: its share of the content (super::titled)
    "doc_title",  // the document's title: IDF-weighted share of the content syllables (super::domain)
    "covered",    // article and document titles together: IDF-weighted share (super::domain)
];

/// Index of the association feature.
pub const ASSOC: usize = 5;

/// The features read from the article text ([`Candidate::text`]): `CANCU_ABLATE=sentence`.
pub const SENTENCE: std::ops::Range<usize> = 8..12;

/// The features that depend on the question's intent: `CANCU_ABLATE=intent`.
pub const INTENT: std::ops::Range<usize> = 12..14;

/// Index of the feature telling a hit whose text was not read.
pub const NO_TEXT: usize = 14;

/// The features a hit shares with the other hits of its document: `CANCU_ABLATE=document`.
pub const DOCUMENT: [usize; 2] = [4, 15];

/// Index of the feature of the articles defining a term the question names
/// ([`super::defined`]); set by the searcher, 0 here.
pub const DEFINES: usize = 16;

/// Index of the feature of the articles whose whole title the question says
/// ([`super::titled`]); set by the searcher, 0 here.
pub const TITLED: usize = 17;

/// The features of the document's title ([`super::domain`]); set by the searcher, 0 here.
pub const DOMAIN: std::ops::Range<usize> = 18..20;

/// Fitted weights (see the module doc; `cargo run --release --example fit_rerank`).
pub const WEIGHTS: [f32; N] = [
    1.0, -0.65, 0.45, 0.55, 0.15, 0.0, 0.85, 0.25, 0.15, 0.7, 0.0, 1.05, 0.3, 0.15, 0.8, -0.05, 0.85, 0.9,
    0.0, 0.85,
];

/// Weights of their own for permission questions ("có được … không"), fitted on the
/// training split's permission questions from [`WEIGHTS`] (`FIT_INTENTS=1 cargo run
/// --release --example fit_rerank -- --fit`): a definitions article never answers whether
/// something may be done, and the words found anywhere in the article weigh more than those
/// of its title. Two-fold cross-validation inside the training split preferred them to the
/// pooled weights for permission questions only (in two sessions; see BENCHMARKS.md).
pub const PERMISSION_WEIGHTS: [f32; N] = [
    1.0, -0.65, 0.05, 0.75, 0.1, 0.0, 2.65, -3.0, -0.2, 0.6, 0.05, 1.5, 0.2, 0.15, 0.15, 0.05, 0.0, 0.0, 0.0,
    0.0,
];

/// The weights for a question of `intent` when the pooled weights are `pooled`: the
/// shipped pooled weights give way to [`PERMISSION_WEIGHTS`] for a permission question
/// (weights being fitted are used as they are).
pub fn weights_for(intent: Intent, pooled: &[f32; N]) -> &[f32; N] {
    if intent == Intent::Permission && *pooled == WEIGHTS {
        &PERMISSION_WEIGHTS
    } else {
        pooled
    }
}

/// Folded bigrams of a question that ask what something is or holds (beside the
/// definition intent of [`super::question`], which needs a subject): "là gì", "là ai",
/// "là sao", "gồm những", "khái niệm", "được hiểu".
const ASKS_DEFINITION: &[&str] =
    &["la_gi", "la_ai", "la_nhung", "la_sao", "gom_nhung", "bao_gom", "khai_niem", "dinh_nghia", "duoc_hieu"];

/// Folded titles of the articles that define a law's terms.
const DEFINITION_TITLES: &[&str] = &["giai thich tu ngu", "dinh nghia", "khai niem", "thuat ngu"];

/// Folded title openings of the articles that answer who must or may do something
/// ("Trách nhiệm của …", "Nhiệm vụ, quyền hạn của …", "Thẩm quyền …").
const RESPONSIBILITY_TITLES: &[&str] =
    &["trach nhiem", "nhiem vu", "quyen han", "tham quyen", "chuc nang", "vai tro"];

/// Folded title openings of the articles that answer whether something may be done
/// ("Quyền của …", "Các hành vi bị nghiêm cấm", "Điều kiện …", "Trường hợp không được …").
const PERMISSION_TITLES: &[&str] = &[
    "quyen",
    "nghia vu",
    "cac hanh vi bi",
    "hanh vi bi",
    "nghiem cam",
    "cam ",
    "dieu kien",
    "truong hop",
    "han che",
    "doi tuong",
];

/// A question as the reranker sees it: its folded syllables and bigrams.
#[derive(Debug, Clone, Default)]
pub struct Question {
    /// Content syllables (full weight) with their IDF.
    content: Vec<(String, f32)>,
    /// Content bigrams ("a_b", folded).
    bigrams: Vec<String>,
    /// Every folded syllable and bigram of the question, frame words included (for the
    /// title-precision and association features).
    all: HashSet<String>,
    /// Whether the question asks what something is.
    definition: bool,
    /// What the question asks for.
    intent: Intent,
    /// Index of each of the first 128 content syllables (for the text features' bit sets;
    /// a fast hash: it is asked for every word of 40 articles).
    lookup: rustc_hash::FxHashMap<String, u8>,
    /// The content bigrams (at most 128) as pairs of content syllable indices.
    pairs: Vec<(u8, u8)>,
    /// The folded syllables typed with diacritics only (every time the question has them):
    /// such a syllable of a title or text counts only as one of the words typed
    /// ([`Question::exact`]), so "bị đi tù" is not found in "thiết bị di động". A syllable
    /// typed without diacritics (a question typed without them) keeps any reading.
    strict: HashSet<String>,
    /// The words typed with diacritics, lower case (what a strict syllable must be).
    exact: HashSet<String>,
}

impl Question {
    /// The question's terms: `words` are its runs of (exact syllable, broken, weight) as
    /// understood (weight 1.0 = content, less = frame); `idf` gives a folded syllable's
    /// inverse document frequency; `intent`: what question understanding read it as.
    pub fn new(runs: &[Vec<(String, bool, f32)>], idf: &dyn Fn(&str) -> f32, intent: Intent) -> Question {
        let mut q = Question { intent, ..Question::default() };
        let mut seen = HashSet::new();
        let mut plain = HashSet::new();
        for run in runs {
            let mut prev: Option<(String, f32)> = None;
            for (w, broken, weight) in run {
                let f = term(w, Mode::Folded);
                if crate::text::has_diacritics(w) {
                    q.strict.insert(f.clone());
                    q.exact.insert(term(w, Mode::Exact));
                } else {
                    plain.insert(f.clone());
                }
                if *weight >= 1.0 && seen.insert(f.clone()) {
                    q.content.push((f.clone(), idf(&f)));
                }
                if let (Some((p, pw)), false) = (&prev, broken) {
                    let b = format!("{p}_{f}");
                    if *weight >= 1.0 && *pw >= 1.0 && !q.bigrams.contains(&b) {
                        q.bigrams.push(b.clone());
                    }
                    q.all.insert(b);
                }
                q.all.insert(f.clone());
                prev = Some((f, *weight));
            }
        }
        for (i, (s, _)) in q.content.iter().take(128).enumerate() {
            q.lookup.insert(s.clone(), i as u8);
        }
        q.pairs = q
            .bigrams
            .iter()
            .filter_map(|b| b.split_once('_'))
            .filter_map(|(a, b)| Some((*q.lookup.get(a)?, *q.lookup.get(b)?)))
            .take(128)
            .collect();
        q.definition = intent == Intent::Definition || ASKS_DEFINITION.iter().any(|b| q.all.contains(*b));
        q.strict.retain(|f| !plain.contains(f));
        q
    }

    /// Reads every syllable folded, as typed with diacritics or not (the ablation `exact`).
    pub fn read_folded(&mut self) {
        self.strict.clear();
    }

    /// Whether a syllable of a title or text, folded `folded`, as written `word`, is the
    /// question's syllable of that folded form: a syllable typed with diacritics only is
    /// the same word ("bị" is not "bí" nor "bi"), lower case (the exact term is computed only
    /// for such a syllable).
    fn reads(&self, folded: &str, word: &str) -> bool {
        !self.strict.contains(folded) || {
            let mut exact = String::with_capacity(word.len());
            word.chars().for_each(|c| crate::text::chars::push_lowercase(c, &mut exact));
            self.exact.contains(&exact)
        }
    }

    /// The index of the content syllable folded `folded`, as written `word`, if the
    /// question has it ([`Question::reads`]).
    fn slot(&self, folded: &str, word: &str) -> Option<u8> {
        self.lookup.get(folded).copied().filter(|_| self.reads(folded, word))
    }

    /// What the question asks for.
    pub fn intent(&self) -> Intent {
        self.intent
    }

    /// Whether there is anything to rerank on.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty()
    }

    /// Every folded syllable and bigram of the question.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.all.iter().map(String::as_str)
    }
}

/// The folded syllables and bigrams of a title.
pub fn title_terms(title: &str) -> (Vec<String>, Vec<String>) {
    let lower = title.to_lowercase();
    let mut syl: Vec<String> = Vec::new();
    let mut bi: Vec<String> = Vec::new();
    let mut prev: Option<String> = None;
    for s in syllables(&lower) {
        let f = term(&lower[s.start..s.end], Mode::Folded);
        if let (Some(p), false) = (&prev, s.broken) {
            bi.push(format!("{p}_{f}"));
        }
        prev = Some(f.clone());
        syl.push(f);
    }
    (syl, bi)
}

/// One hit to rescore: its first-stage score, a key of its document (equal keys = same
/// document), its article title and, when the text features are on, its text (lines =
/// paragraphs: the lead sentence, the clauses and points).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub score: f32,
    pub doc: u64,
    pub title: std::sync::Arc<str>,
    pub text: Option<String>,
}

/// The text features of a candidate ([`SENTENCE`]): the best line by IDF-weighted coverage
/// of the question's content syllables and by share of its content bigrams, the coverage of
/// the first line, and of title and text together. A question is answered by one sentence
/// or clause, so a line holding most of its words beats an article whose words are spread
/// over many clauses (which BM25 cannot tell apart).
pub fn text_features(q: &Question, title: &str, text: &str) -> [f32; 4] {
    text_features_of(q, scan_title(q, title).content, text)
}

/// [`text_features`] of a title already scanned: `title` is its [`content_mask`].
fn text_features_of(q: &Question, title: u128, text: &str) -> [f32; 4] {
    let idf = |mask: u128| -> f32 {
        q.content.iter().take(128).enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, (_, x))| x).sum()
    };
    let share = |mask: u128| mask.count_ones() as f32 / q.pairs.len().max(1) as f32;
    let (mut best_idf, mut best_bi, mut first) = (0.0f32, 0.0f32, None);
    let (mut all, mut line, mut line_bi) = (0u128, 0u128, 0u128);
    let mut word = String::new();
    let (mut prev, mut words): (Option<u8>, bool) = (None, false);
    let mut end_line = |line: &mut u128, line_bi: &mut u128, all: &mut u128, words: bool| {
        if words {
            let cov = idf(*line);
            best_idf = best_idf.max(cov);
            best_bi = best_bi.max(share(*line_bi));
            first.get_or_insert(cov);
        }
        *all |= *line;
        (*line, *line_bi) = (0, 0);
    };
    // Syllables are runs of letters and digits, folded; a punctuation mark breaks a bigram,
    // a line break ends a line.
    for c in text.chars().chain(std::iter::once('\n')) {
        // Vietnamese letters fold to ASCII ones (cheaper than `char::is_alphanumeric`).
        let f = crate::text::fold_char(c);
        if f.is_ascii_alphanumeric() {
            word.push(f);
            continue;
        }
        if !word.is_empty() {
            let id = q.lookup.get(word.as_str()).copied();
            if let Some(i) = id {
                line |= 1 << i;
                if let Some(p) = prev {
                    if let Some(k) = q.pairs.iter().position(|x| *x == (p, i)) {
                        line_bi |= 1 << k;
                    }
                }
            }
            prev = id;
            words = true;
            word.clear();
        }
        if c == '\n' {
            end_line(&mut line, &mut line_bi, &mut all, words);
            (prev, words) = (None, false);
        } else if c != ' ' {
            prev = None;
        }
    }
    all |= title;
    let total = idf(u128::MAX).max(f32::EPSILON);
    [best_idf / total, best_bi, first.unwrap_or(0.0) / total, idf(all) / total]
}

/// Every record's article title and document key, per segment of an index generation: read
/// once from the fast columns `title` and `id` (looking a title up in a column's dictionary
/// for each hit costs ~50 µs; a table of the titles, ~5 MB for 68,000 articles, costs
/// nothing per hit).
pub struct Columns {
    segments: Vec<Option<SegmentColumns>>,
    /// The article records of each document key, in index order (for [`super::titled`]).
    articles: HashMap<u64, Vec<tantivy::DocAddress>>,
    /// The title of each document key (for [`super::domain`]).
    doc_titles: HashMap<u64, std::sync::Arc<str>>,
}

struct SegmentColumns {
    id: tantivy::columnar::StrColumn,
    title: tantivy::columnar::StrColumn,
    /// Document key by id term ordinal.
    docs: Vec<u64>,
    /// Title by title term ordinal.
    titles: Vec<std::sync::Arc<str>>,
    /// Title folded ([`crate::glossary::key`]) by title term ordinal.
    keys: Vec<std::sync::Arc<str>>,
}

/// A key of a document id (equal ids, equal keys; FNV-1a).
fn doc_key(id: &[u8]) -> u64 {
    id.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3))
}

impl Columns {
    /// Reads the columns of every segment of `s` (a segment without them is skipped).
    pub fn load(s: &tantivy::Searcher) -> std::io::Result<Columns> {
        let mut segments = Vec::new();
        let mut articles: HashMap<u64, Vec<tantivy::DocAddress>> = HashMap::new();
        let mut doc_titles: HashMap<u64, std::sync::Arc<str>> = HashMap::new();
        let doc_title = s.schema().get_field("doc_title").ok();
        for (ord, r) in s.segment_readers().iter().enumerate() {
            let ff = r.fast_fields();
            let (Ok(Some(id)), Ok(Some(title))) = (ff.str("id"), ff.str("title")) else {
                segments.push(None);
                continue;
            };
            let mut docs = Vec::with_capacity(id.num_terms());
            let mut st = id.dictionary().stream()?;
            while st.advance() {
                docs.push(doc_key(st.key()));
            }
            let mut titles = Vec::with_capacity(title.num_terms());
            let mut st = title.dictionary().stream()?;
            while st.advance() {
                titles.push(String::from_utf8_lossy(st.key()).into());
            }
            // Article records have an order of 1 or more; a document's own record has 0.
            if let Ok(order) = ff.u64("ord") {
                let store = r.get_store_reader(1)?;
                for d in 0..r.max_doc() {
                    let alive = r.alive_bitset().is_none_or(|b| b.is_alive(d));
                    let key = id.term_ords(d).next().and_then(|o| docs.get(o as usize));
                    match (alive, key, order.first(d)) {
                        (true, Some(key), Some(1..)) => {
                            articles.entry(*key).or_default().push(tantivy::DocAddress::new(ord as u32, d))
                        }
                        // A document's own record: its title, read once per generation.
                        (true, Some(key), Some(0)) => {
                            let Some(field) = doc_title else { continue };
                            let doc: tantivy::TantivyDocument =
                                store.get(d).map_err(std::io::Error::other)?;
                            if let Some(t) = doc.get_first(field).and_then(|v| {
                                use tantivy::schema::Value;
                                v.as_str().map(str::to_string)
                            }) {
                                doc_titles.insert(*key, t.into());
                            }
                        }
                        _ => {}
                    }
                }
            }
            let keys: Vec<std::sync::Arc<str>> =
                titles.iter().map(|t: &std::sync::Arc<str>| crate::glossary::key(t).into()).collect();
            segments.push(Some(SegmentColumns { id, title, docs, titles, keys }));
        }
        Ok(Columns { segments, articles, doc_titles })
    }

    /// The article records of the document with key `doc` ([`Candidate::doc`]).
    pub fn articles(&self, doc: u64) -> &[tantivy::DocAddress] {
        self.articles.get(&doc).map_or(&[], Vec::as_slice)
    }

    /// The title of the document with key `doc` ([`Candidate::doc`]), "" if not known.
    pub fn doc_title(&self, doc: u64) -> &str {
        self.doc_titles.get(&doc).map_or("", |t| t)
    }

    /// The candidate at `a` with its first-stage score, if its segment has the columns.
    pub fn candidate(&self, a: tantivy::DocAddress, score: f32) -> Option<Candidate> {
        let c = self.segments.get(a.segment_ord as usize)?.as_ref()?;
        let doc = c.id.term_ords(a.doc_id).next().and_then(|o| c.docs.get(o as usize)).copied().unwrap_or(0);
        let title = c.title.term_ords(a.doc_id).next().and_then(|o| c.titles.get(o as usize));
        Some(Candidate { score, doc, title: title.cloned().unwrap_or_else(|| "".into()), text: None })
    }

    /// The title at `a` folded ([`crate::glossary::key`]: lower case, no diacritics, words
    /// separated by one space), if its segment has the columns.
    pub fn title_key(&self, a: tantivy::DocAddress) -> Option<&str> {
        let c = self.segments.get(a.segment_ord as usize)?.as_ref()?;
        c.title.term_ords(a.doc_id).next().and_then(|o| c.keys.get(o as usize)).map(|k| &**k)
    }
}

/// The feature vectors of `cands` (in first-stage order, best first).
pub fn features(q: &Question, cands: &[Candidate], assoc: &Associations) -> Vec<[f32; N]> {
    features_and_titles(q, cands, assoc).0
}

/// [`features`], with each candidate's title's [`content_mask`] (for [`add_text_of`] and
/// [`super::domain::features_of`], which would scan the title again).
pub fn features_and_titles(
    q: &Question,
    cands: &[Candidate],
    assoc: &Associations,
) -> (Vec<[f32; N]>, Vec<u128>) {
    let best = cands.iter().map(|c| c.score).fold(f32::MIN, f32::max).max(f32::EPSILON);
    // Per document: the summed relative scores of its hits, and the two best.
    let mut per_doc: HashMap<u64, (f32, f32, f32)> = HashMap::new();
    for c in cands {
        let e = per_doc.entry(c.doc).or_default();
        let x = c.score / best;
        e.0 += x;
        if x > e.1 {
            (e.1, e.2) = (x, e.1);
        } else if x > e.2 {
            e.2 = x;
        }
    }
    let idf_total: f32 = q.content.iter().map(|(_, i)| i).sum::<f32>().max(f32::EPSILON);
    let content_idf = |mask: u128| -> f32 {
        q.content.iter().take(128).enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, (_, x))| x).sum()
    };
    let mut titles = Vec::with_capacity(cands.len());
    let feats = cands
        .iter()
        .map(|c| {
            let t = scan_title(q, &c.title);
            titles.push(t.content);
            let [title_idf, title_bi, title_prec] = title_shares(q, &t, &content_idf, idf_total);
            let (sum, first, second) = per_doc.get(&c.doc).copied().unwrap_or_default();
            let others = sum - c.score / best;
            // The best other hit: the second best when this one is the best.
            let doc_best = if c.score / best >= first { second } else { first };
            let opens = |with: &[&str]| with.iter().any(|w| t.opening.starts_with(w)) as u8 as f32;
            let defines = opens(DEFINITION_TITLES);
            let resp = opens(RESPONSIBILITY_TITLES) * (q.intent == Intent::Responsibility) as u8 as f32;
            let perm = opens(PERMISSION_TITLES) * (q.intent == Intent::Permission) as u8 as f32;
            let mass = if assoc.is_empty() {
                0.0
            } else {
                let (syl, bi) = title_terms(&c.title);
                let in_title: HashSet<&str> = syl.iter().chain(&bi).map(String::as_str).collect();
                assoc.mass(q.terms(), &in_title)
            };
            let mut f = [
                c.score / best,
                title_idf,
                title_bi,
                title_prec,
                others.max(0.0).ln_1p(),
                mass,
                defines * q.definition as u8 as f32,
                defines,
                0.0,
                0.0,
                0.0,
                0.0,
                resp,
                perm,
                1.0,
                doc_best,
                0.0,
                0.0,
                0.0,
                0.0,
            ];
            add_text(q, c, &mut f);
            f
        })
        .collect();
    (feats, titles)
}

/// The title features (`title_idf`, `title_bi`, `title_prec`) of a scanned title.
fn title_shares(q: &Question, t: &TitleScan, content_idf: &dyn Fn(u128) -> f32, idf_total: f32) -> [f32; 3] {
    let title_idf = content_idf(t.content) / idf_total;
    let title_bi =
        if q.bigrams.is_empty() { 0.0 } else { t.pairs.count_ones() as f32 / q.bigrams.len() as f32 };
    let title_prec = if t.syllables == 0 { 0.0 } else { t.in_question as f32 / t.syllables as f32 };
    [title_idf, title_bi, title_prec]
}

/// The title features of `title` for `q` (`title_idf`, `title_bi`, `title_prec`: see
/// [`FEATURES`]), as [`features`] computes them.
pub fn title_match(q: &Question, title: &str) -> [f32; 3] {
    let idf_total: f32 = q.content.iter().map(|(_, i)| i).sum::<f32>().max(f32::EPSILON);
    let content_idf = |mask: u128| -> f32 {
        q.content.iter().take(128).enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, (_, x))| x).sum()
    };
    title_shares(q, &scan_title(q, title), &content_idf, idf_total)
}

/// The question's content syllables found in `title` (a bit set over [`Question`]'s lookup).
pub fn content_mask(q: &Question, title: &str) -> u128 {
    scan_title(q, title).content
}

/// The IDF-weighted share of the question's content that the syllables of `mask` hold.
pub fn idf_share(q: &Question, mask: u128) -> f32 {
    let total: f32 = q.content.iter().map(|(_, i)| i).sum::<f32>().max(f32::EPSILON);
    let found: f32 =
        q.content.iter().take(128).enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, (_, x))| x).sum();
    found / total
}

/// What the title features need from a title, in one pass without allocating per
/// syllable (the second stage scores up to [`DEPTH`] titles per question): the question's
/// content syllables and bigrams found (bit sets over [`Question`]'s lookup and pairs), the
/// number of syllables and of those found anywhere in the question, and the folded opening.
struct TitleScan {
    content: u128,
    pairs: u128,
    syllables: usize,
    in_question: usize,
    /// The first syllables, folded, each followed by a space ("giai thich tu ngu ").
    opening: String,
}

/// Syllables kept in [`TitleScan::opening`] (the longest title opening tested has four).
const OPENING: usize = 5;

fn scan_title(q: &Question, title: &str) -> TitleScan {
    let mut t = TitleScan { content: 0, pairs: 0, syllables: 0, in_question: 0, opening: String::new() };
    let mut word = String::new();
    let mut prev: Option<u8> = None;
    // The byte span of the syllable as written (for a syllable typed with diacritics).
    let (mut start, mut end) = (0, 0);
    for (at, c) in title.char_indices().chain(std::iter::once((title.len(), ' '))) {
        let f = crate::text::fold_char(c);
        if f.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = at;
            }
            word.push(f);
            end = at + c.len_utf8();
            continue;
        }
        if !word.is_empty() {
            let written = &title[start..end];
            t.syllables += 1;
            t.in_question += (q.all.contains(word.as_str()) && q.reads(&word, written)) as usize;
            if t.syllables <= OPENING {
                t.opening.push_str(&word);
                t.opening.push(' ');
            }
            let id = q.slot(&word, written);
            if let Some(i) = id {
                t.content |= 1 << i;
                if let Some(k) = prev.and_then(|p| q.pairs.iter().position(|x| *x == (p, i))) {
                    t.pairs |= 1 << k;
                }
            }
            prev = id;
            word.clear();
        }
        if c != ' ' {
            prev = None;
        }
    }
    t
}

/// Sets the text features ([`SENTENCE`], [`NO_TEXT`]) of a candidate's feature vector from
/// its text, if read.
pub fn add_text(q: &Question, c: &Candidate, f: &mut [f32; N]) {
    if let Some(t) = c.text.as_deref() {
        add_text_of(q, content_mask(q, &c.title), t, f);
    }
}

/// [`add_text`] of a candidate whose title's [`content_mask`] is `title` and text `text`.
pub fn add_text_of(q: &Question, title: u128, text: &str, f: &mut [f32; N]) {
    f[SENTENCE].copy_from_slice(&text_features_of(q, title, text));
    f[NO_TEXT] = 0.0;
}

/// The linear score of a feature vector.
pub fn score(w: &[f32; N], f: &[f32; N]) -> f32 {
    w.iter().zip(f).map(|(a, b)| a * b).sum()
}

/// The new order of the candidates (indices, with their scores; best first) under weights
/// `w`; ties keep the first-stage order.
pub fn order(feats: &[[f32; N]], w: &[f32; N]) -> Vec<(usize, f32)> {
    let mut v: Vec<(usize, f32)> = feats.iter().enumerate().map(|(i, f)| (i, score(w, f))).collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, frame: &[&str]) -> Question {
        let run: Vec<(String, bool, f32)> = text
            .split(' ')
            .map(|w| (w.to_string(), false, if frame.contains(&w) { 0.3 } else { 1.0 }))
            .collect();
        Question::new(&[run], &|_| 1.0, Intent::Other)
    }

    fn cand(score: f32, doc: u64, title: &str) -> Candidate {
        Candidate { score, doc, title: title.into(), text: None }
    }

    #[test]
    fn title_features() {
        let question = q("trách nhiệm của bộ y tế là gì", &["là", "gì"]);
        let cands = [
            cand(10.0, 1, "Trách nhiệm của Bộ Tài chính"),
            cand(8.0, 1, "Trách nhiệm của Bộ Y tế"),
            cand(5.0, 2, "Phạm vi điều chỉnh"),
        ];
        let f = features(&question, &cands, &Associations::default());
        // (bm25, title_idf, title_bi, title_prec, same_doc)
        let rows: Vec<(f32, f32, f32, f32, f32)> = f.iter().map(|x| (x[0], x[1], x[2], x[3], x[4])).collect();
        let want = [
            (1.0, 4.0 / 6.0, 3.0 / 5.0, 4.0 / 6.0, (0.8f32).ln_1p()),
            (0.8, 1.0, 1.0, 1.0, (1.0f32).ln_1p()),
            (0.5, 0.0, 0.0, 0.0, 0.0),
        ];
        for (got, want) in rows.iter().zip(want) {
            for (a, b) in
                [(got.0, want.0), (got.1, want.1), (got.2, want.2), (got.3, want.3), (got.4, want.4)]
            {
                assert!((a - b).abs() < 1e-5, "{rows:?}");
            }
        }
    }

    #[test]
    fn order_follows_weights() {
        let question = q("trách nhiệm của bộ y tế", &[]);
        let cands = [
            cand(12.0, 3, "Giải thích từ ngữ"),
            cand(10.0, 1, "Trách nhiệm của Bộ Tài chính"),
            cand(8.0, 1, "Trách nhiệm của Bộ Y tế"),
        ];
        let f = features(&question, &cands, &Associations::default());
        let mut bm25 = [0.0; N];
        bm25[0] = 1.0;
        let mut titled = [0.0; N];
        titled[..3].copy_from_slice(&[0.2, 1.0, 1.0]);
        let ids = |w| order(&f, w).into_iter().map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(ids(&bm25), vec![0, 1, 2]);
        assert_eq!(ids(&titled), vec![2, 1, 0]);
    }

    #[test]
    fn definitions_articles_for_questions_asking_what_a_thing_is() {
        let cands = [cand(10.0, 1, "Phạm vi điều chỉnh"), cand(8.0, 1, "Giải thích từ ngữ")];
        let rows: &[(&str, [f32; 2], [f32; 2])] = &[
            ("bến đò ngang là gì", [0.0, 1.0], [0.0, 1.0]),
            ("hồ sơ đăng ký bến đò ngang gồm những giấy tờ nào", [0.0, 1.0], [0.0, 1.0]),
            ("đăng ký bến đò ngang", [0.0, 0.0], [0.0, 1.0]),
        ];
        for (text, asked, defines) in rows {
            let f = features(&q(text, &[]), &cands, &Associations::default());
            assert_eq!(([f[0][6], f[1][6]], [f[0][7], f[1][7]]), (*asked, *defines), "{text}");
        }
    }

    #[test]
    fn text_features_find_the_answering_line() {
        // (question, title, text) → (best line by IDF, best line by bigrams, first line,
        // title and text); every syllable weighs 1 here.
        let rows: &[(&str, &str, &str, [f32; 4])] = &[
            // The words spread over two clauses: no line holds both bigrams.
            (
                "người lao động nghỉ việc",
                "Quyền",
                "1. Người lao động có quyền.\n2. Được nghỉ việc.",
                [0.6, 0.5, 0.6, 1.0],
            ),
            // One clause holds them all, folded and in capitals (3 of the 4 bigrams).
            (
                "người lao động nghỉ việc",
                "Quyền",
                "1. Điều chung.\n2. NGUOI LAO DONG được nghỉ việc.",
                [1.0, 0.75, 0.0, 1.0],
            ),
            // A punctuation mark breaks a bigram; the title adds to the whole.
            ("nghỉ việc đột xuất", "Đột xuất", "Nghỉ, việc riêng", [0.5, 0.0, 0.5, 1.0]),
            ("nghỉ việc", "Quyền", "", [0.0, 0.0, 0.0, 0.0]),
        ];
        for (question, title, text, want) in rows {
            let got = text_features(&q(question, &[]), title, text);
            assert!(got.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-5), "{question} / {text}: {got:?}");
        }
    }

    #[test]
    fn intent_titles() {
        let cands = [
            cand(10.0, 1, "Trách nhiệm của Bộ Y tế"),
            cand(9.0, 1, "Các hành vi bị nghiêm cấm"),
            cand(8.0, 1, "Quyền hạn của thanh tra"),
            cand(7.0, 1, "Phạm vi điều chỉnh"),
        ];
        // (intent, resp_title and perm_title of each candidate)
        let rows: &[(Intent, [(f32, f32); 4])] = &[
            (Intent::Responsibility, [(1.0, 0.0), (0.0, 0.0), (1.0, 0.0), (0.0, 0.0)]),
            (Intent::Permission, [(0.0, 0.0), (0.0, 1.0), (0.0, 1.0), (0.0, 0.0)]),
            (Intent::Other, [(0.0, 0.0); 4]),
        ];
        for (intent, want) in rows {
            let run: Vec<(String, bool, f32)> =
                "bộ y tế có được".split(' ').map(|w| (w.to_string(), false, 1.0)).collect();
            let f = features(&Question::new(&[run], &|_| 1.0, *intent), &cands, &Associations::default());
            let got: Vec<(f32, f32)> = f.iter().map(|x| (x[INTENT.start], x[INTENT.start + 1])).collect();
            assert_eq!(got, want.to_vec(), "{intent:?}");
        }
    }

    #[test]
    fn permission_questions_have_weights_of_their_own() {
        let mut fitted = WEIGHTS;
        fitted[1] = 0.5;
        // (intent, pooled weights) → the weights used
        let rows: &[(Intent, [f32; N], [f32; N])] = &[
            (Intent::Permission, WEIGHTS, PERMISSION_WEIGHTS),
            (Intent::Other, WEIGHTS, WEIGHTS),
            (Intent::Responsibility, WEIGHTS, WEIGHTS),
            // Weights being fitted are used as they are.
            (Intent::Permission, fitted, fitted),
        ];
        for (intent, pooled, want) in rows {
            assert_eq!(weights_for(*intent, pooled), want, "{intent:?}");
        }
        // A definitions article sinks for a permission question only.
        let cands = [cand(10.0, 1, "Giải thích từ ngữ"), cand(9.0, 1, "Quyền của người lao động")];
        let run: Vec<(String, bool, f32)> =
            "người lao động có được nghỉ".split(' ').map(|w| (w.to_string(), false, 1.0)).collect();
        for (intent, first) in [(Intent::Permission, 1), (Intent::Other, 0)] {
            let question = Question::new(std::slice::from_ref(&run), &|_| 1.0, intent);
            let f = features(&question, &cands, &Associations::default());
            assert_eq!(order(&f, weights_for(intent, &WEIGHTS))[0].0, first, "{intent:?}");
        }
    }

    #[test]
    fn a_word_typed_with_diacritics_reads_only_itself_in_titles() {
        // (question, title) → (title_idf, title_bi, title_prec); every syllable weighs 1.
        let rows: &[(&str, &str, [f32; 3])] = &[
            // "bị đi" is not the "bị di" of "thiết bị di động": only "bị" is read.
            ("bị đi tù", "Quản lý sử dụng thiết bị di động", [1.0 / 3.0, 0.0, 1.0 / 8.0]),
            ("bị đi tù", "Tù có thời hạn", [1.0 / 3.0, 0.0, 1.0 / 4.0]),
            // Capitals are the same word (one tone placement: both sides are normalized).
            ("bị đi tù", "TÙ CÓ THỜI HẠN", [1.0 / 3.0, 0.0, 1.0 / 4.0]),
            // A question typed without diacritics keeps every reading.
            ("bi di tu", "Quản lý sử dụng thiết bị di động", [2.0 / 3.0, 0.5, 2.0 / 8.0]),
            // A word typed both ways too.
            ("đi di chuyển", "Di chuyển", [1.0, 0.5, 1.0]),
        ];
        for (question, title, want) in rows {
            let got = title_match(&q(question, &[]), title);
            assert!(got.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-5), "{question} / {title}: {got:?}");
        }
        // The ablation `exact` reads folded.
        let mut folded = q("bị đi tù", &[]);
        folded.read_folded();
        let got = title_match(&folded, "Quản lý sử dụng thiết bị di động");
        assert!((got[0] - 2.0 / 3.0).abs() < 1e-5, "{got:?}");
    }

    #[test]
    fn title_terms_are_folded_with_bigrams() {
        assert_eq!(
            title_terms("Đặt cọc, thế chấp"),
            (
                vec!["dat".into(), "coc".into(), "the".into(), "chap".into()],
                vec!["dat_coc".into(), "the_chap".into()]
            )
        );
    }
}
