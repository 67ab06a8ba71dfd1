//! Building a new index generation from documents: one record per article, one per
//! document, all text normalized ([`crate::text::normalize`]) before it is stored and
//! tokenized. The new generation is built beside the live one and published atomically
//! (see [`super::generation`]). The glossary ([`crate::glossary`]) is written into the
//! generation with it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::analysis;
use super::generation;
use super::schema::{Fields, Zone, FLAG_LISTED, KIND_ARTICLE, KIND_DOCUMENT};
use crate::model::{Block, Document, Metadata, Status};
use crate::text::normalize;
use crate::{Error, Result};

/// What a build did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub documents: usize,
    pub articles: usize,
    /// Documents with no article (indexed as one record each).
    pub metadata_only: usize,
    /// The published generation's directory.
    pub path: PathBuf,
    /// Size of the generation on disk, in bytes.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Wall time of each stage (records: analysing and adding every record; commit:
    /// flushing and merging segments; catalog: saving it; publish: the manifest's checksums
    /// and the swap), then of the two that run beside the commit (glossary; extra: the
    /// artifacts of [`Options::extra`], e.g. the citation graph).
    pub stages: Vec<(&'static str, Duration)>,
}

/// A step run on the new generation's directory before it goes live.
pub type Extra<'a> = dyn Fn(&Path) -> Result<()> + Sync + 'a;

/// Options of a build.
pub struct Options<'a> {
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Called with the new generation's directory after the Tantivy index is complete and
    /// before it is published: other artifacts (the citation graph) are written there, and
    /// an error here abandons the whole generation.
    pub extra: Option<&'a Extra<'a>>,
    /// Indexing memory budget in bytes (split between two threads).
    pub memory: usize,
    /// The catalog saved into the generation (see [`crate::catalog::Catalog::save`]); by
    /// default one made from the documents, without their corpus files.
    pub catalog: Option<&'a crate::catalog::Catalog>,
    /// Each document's status by id, when derived ([`crate::validity`]); a document absent
    /// from it, or "chưa rõ" in it, keeps its metadata's status.
    pub statuses: Option<&'a std::collections::HashMap<String, crate::model::Status>>,
    /// The documents' texts are normalized already (read by the corpus reader:
    /// [`crate::corpus::Loaded::normalized`]); normalizing is idempotent, this skips the work.
    pub normalized: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            progress: false,
            extra: None,
            memory: 120_000_000,
            catalog: None,
            statuses: None,
            normalized: false,
        }
    }
}

/// Builds an index of `docs` into the index directory `dir` and makes it live.
pub fn build(docs: &[Document], dir: &Path) -> Result<Summary> {
    build_with(docs, dir, &Options::default())
}

/// [`build`] with options.
pub fn build_with(docs: &[Document], dir: &Path, opts: &Options<'_>) -> Result<Summary> {
    let started = Instant::now();
    let staging = generation::begin(dir)?;
    let fields = Fields::new();
    let index = Index::create_in_dir(staging.path(), fields.schema.clone())?;
    analysis::register(&index);
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(2, opts.memory.max(30_000_000))?;
    // No merges while the records go in: the segments are merged into one once, after the
    // commit ([`merge_into_one`]).
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let bar = if opts.progress {
        crate::report::progress(docs.len() as u64, "index")
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut stages = Vec::new();
    let mut lap = Instant::now();
    let mut stage = |name: &'static str| {
        stages.push((name, lap.elapsed()));
        lap = Instant::now();
    };
    let failed: Vec<Error> = docs
        .par_iter()
        .filter_map(|doc| {
            let status = opts
                .statuses
                .and_then(|m| m.get(&doc.meta.id).copied())
                .filter(|s| *s != crate::model::Status::Unknown)
                .unwrap_or(doc.meta.status);
            let r = records_of(&fields, doc, status, opts.normalized)
                .into_iter()
                .try_for_each(|rec| writer.add_document(rec).map(|_| ()));
            bar.inc(1);
            r.err().map(Error::from)
        })
        .collect();
    if let Some(e) = failed.into_iter().next() {
        return Err(e);
    }
    stage("records");
    // Flushing and merging the segments leaves a core idle most of the time: the glossary
    // and the extra step (the citation graph) run beside it, in their own files.
    let gen = staging.path();
    let (committed, beside) = std::thread::scope(|scope| {
        let beside = scope.spawn(|| -> Result<[(&'static str, Duration); 2]> {
            let t = Instant::now();
            crate::glossary::Glossary::build_with(docs, opts.normalized).save(gen)?;
            let glossary = t.elapsed();
            let t = Instant::now();
            if let Some(extra) = opts.extra {
                extra(gen)?;
            }
            Ok([("glossary", glossary), ("extra", t.elapsed())])
        });
        let committed = writer
            .commit()
            .and_then(|_| merge_into_one(&index, &mut writer))
            .and_then(|_| writer.wait_merging_threads());
        (committed, beside.join())
    });
    committed?;
    bar.finish_and_clear();
    stage("commit");
    let beside = match beside {
        Ok(r) => r?,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    match opts.catalog {
        Some(c) => c.save(staging.path())?,
        None => crate::catalog::Catalog::from_documents(docs).save(staging.path())?,
    }
    stage("catalog");
    let bytes = dir_size(staging.path());
    let path = staging.publish()?;
    stage("publish");
    // The glossary and the extra step ran beside the commit (their own wall times).
    stages.extend(beside);
    let articles = docs.iter().map(|d| d.articles().count()).sum();
    let metadata_only = docs.iter().filter(|d| d.articles().next().is_none()).count();
    Ok(Summary {
        documents: docs.len(),
        articles,
        metadata_only,
        path,
        bytes,
        elapsed: started.elapsed(),
        stages,
    })
}

/// Merges the committed segments into one. A question's clauses are each looked up in the
/// term dictionary and their postings opened once per segment, so one segment saves most of
/// that set-up (BENCHMARKS, "Questions"); the BM25 statistics are the whole searcher's
/// either way, so the scores do not change.
fn merge_into_one(index: &Index, writer: &mut IndexWriter<TantivyDocument>) -> tantivy::Result<()> {
    let ids = index.searchable_segment_ids()?;
    if ids.len() > 1 {
        writer.merge(&ids).wait()?;
    }
    Ok(())
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

fn add_zone(d: &mut TantivyDocument, z: Zone, text: &str) {
    d.add_text(z.folded, text);
    d.add_text(z.extra, text);
}

/// The values of a document's fields that every one of its records repeats, made once per
/// document (not once per article).
struct Common<'a> {
    meta: &'a Metadata,
    title: &'a str,
    status: Status,
    /// The issuer, normalized, and its key ([`super::schema::issuer_key`]).
    issuer: Option<(String, String)>,
    signed: Option<String>,
}

impl<'a> Common<'a> {
    fn new(meta: &'a Metadata, title: &'a str, status: Status) -> Common<'a> {
        let issuer = meta.issuer.as_ref().map(|i| {
            let i = normalize(i).into_owned();
            let key = super::schema::issuer_key(&i);
            (i, key)
        });
        Common { meta, title, status, issuer, signed: meta.signed.map(|s| s.to_string()) }
    }
}

/// Fields shared by a document's record and its articles' records.
fn add_common(f: &Fields, d: &mut TantivyDocument, c: &Common<'_>) {
    let (meta, title, status) = (c.meta, c.title, c.status);
    d.add_text(f.id, &meta.id);
    if let Some(n) = &meta.canonical {
        d.add_text(f.number, n);
    }
    d.add_text(f.doc_type, meta.doc_type.slug());
    d.add_text(f.doc_title, title);
    if let Some((i, key)) = &c.issuer {
        d.add_text(f.issuer, i);
        d.add_text(f.issuer_key, key);
    }
    if let Some(y) = crate::catalog::year_of(meta) {
        d.add_u64(f.year, y as u64);
    }
    if let Some(s) = &c.signed {
        d.add_text(f.signed, s);
    }
    d.add_text(f.status, status.code());
}

/// The records of one document: its own, then one per article.
pub fn records(f: &Fields, doc: &Document) -> Vec<TantivyDocument> {
    records_with(f, doc, doc.meta.status)
}

/// [`records`] with the document's status given (derived at index time).
pub fn records_with(f: &Fields, doc: &Document, status: Status) -> Vec<TantivyDocument> {
    records_of(f, doc, status, false)
}

/// [`records_with`]; `normalized`: the document's texts are normalized already.
fn records_of(f: &Fields, doc: &Document, status: Status, normalized: bool) -> Vec<TantivyDocument> {
    let normalize = |s: &str| -> String {
        if normalized {
            s.to_string()
        } else {
            normalize(s).into_owned()
        }
    };
    // A text made here (an article's paragraphs joined) is kept, not copied, when it is
    // normalized already.
    let normalize_owned = |s: String| -> String {
        if normalized {
            s
        } else {
            crate::text::normalize(&s).into_owned()
        }
    };
    let meta = &doc.meta;
    let title = normalize(&meta.title);
    let label = format!("{} {}", meta.doc_type.as_vi(), title);
    let common = Common::new(meta, &title, status);
    let n_articles = doc.articles().count();
    let mut out = Vec::with_capacity(n_articles + 1);

    let mut d = TantivyDocument::new();
    d.add_text(f.kind, KIND_DOCUMENT);
    if n_articles == 0 {
        d.add_text(f.flags, FLAG_LISTED);
    }
    add_common(f, &mut d, &common);
    d.add_text(f.title, &title);
    for a in &meta.aliases {
        d.add_text(f.aliases, a);
    }
    d.add_u64(f.n_articles, n_articles as u64);
    d.add_u64(f.ord, 0);
    let mut demucs: Vec<&str> = meta.articles.iter().filter_map(|a| a.demuc.as_deref()).collect();
    demucs.sort_unstable();
    demucs.dedup();
    for m in &demucs {
        d.add_text(f.demuc, m);
    }
    let preamble = normalize_owned(doc.preamble().collect::<Vec<_>>().join("\n"));
    d.add_text(f.text, &preamble);
    // Only a document without articles is found by full text: otherwise its articles are.
    if n_articles == 0 {
        add_zone(&mut d, f.title_zone, &label);
        let mut ctx = String::new();
        for n in meta.canonical.iter().chain(meta.number.iter()).chain(meta.aliases.iter()) {
            ctx.push_str(n);
            ctx.push('\n');
        }
        if let Some(i) = &meta.issuer {
            ctx.push_str(&normalize(i));
        }
        add_zone(&mut d, f.ctx_zone, &ctx);
        add_zone(&mut d, f.body_zone, &preamble);
    }
    out.push(d);

    // Walk the body once, keeping the division path (Phần > Chương > Mục) in force.
    let metas: std::collections::HashMap<&str, &crate::model::ArticleMeta> =
        meta.articles.iter().map(|m| (m.number.as_str(), m)).collect();
    let mut path: Vec<(u8, String)> = Vec::new();
    let mut ord = 0u64;
    for block in &doc.body {
        let a = match block {
            Block::Division(div) => {
                let r = div.kind.rank();
                path.retain(|(pr, _)| *pr < r);
                path.push((r, normalize(&div.title)));
                continue;
            }
            Block::Article(a) => a,
            Block::Paragraph { .. } => continue,
        };
        ord += 1;
        let mut d = TantivyDocument::new();
        d.add_text(f.kind, KIND_ARTICLE);
        d.add_text(f.flags, FLAG_LISTED);
        add_common(f, &mut d, &common);
        d.add_text(f.article, &a.number);
        d.add_u64(f.ord, ord);
        let atitle = normalize(&a.title);
        d.add_text(f.title, &atitle);
        let body = normalize_owned(a.text());
        d.add_text(f.text, &body);
        if let Some(am) = metas.get(a.number.as_str()) {
            if let Some(m) = &am.demuc {
                d.add_text(f.demuc, m);
            }
            if let Some(p) = &am.phapdien {
                d.add_text(f.phapdien, p);
            }
            for r in &am.related {
                d.add_text(f.related, r);
            }
        }
        let mut ctx = label.clone();
        for (_, t) in &path {
            ctx.push('\n');
            ctx.push_str(t);
        }
        add_zone(&mut d, f.title_zone, &atitle);
        add_zone(&mut d, f.ctx_zone, &ctx);
        add_zone(&mut d, f.body_zone, &body);
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first value of `field` in each record.
    fn texts(recs: &[TantivyDocument], field: tantivy::schema::Field) -> Vec<String> {
        use tantivy::schema::Value;
        recs.iter().map(|d| d.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_string()).collect()
    }

    /// A corpus file written as a person might type it: decomposed diacritics, the new tone
    /// placement ("hoà", "thuỷ"), a no-break space.
    fn typed() -> String {
        use unicode_normalization::UnicodeNormalization;
        let md = "+++\nid = \"quyet-dinh-7-2024-qd-ubnd\"\nnumber = \"7/2024/QĐ-UBND\"\ndoc_type = \"Quyết định\"\ntitle = \"Về việc hoà giải ở cơ sở\"\n+++\n\n## Chương I. Quy định chung\n\n#### Điều 1. Thuỷ lợi\n\nHoà giải viên\u{00A0}được bầu ở thôn.\n";
        md.nfd().collect()
    }

    #[test]
    fn the_built_index_is_one_segment() {
        // Enough documents that both indexing threads get some (a segment each) before the
        // merge.
        let docs: Vec<Document> = (1..=60)
            .map(|i| {
                let md = format!(
                    "+++\nid = \"quyet-dinh-{i}-2024-qd-ubnd\"\nnumber = \"{i}/2024/QĐ-UBND\"\ndoc_type = \"Quyết định\"\ntitle = \"Về việc thử số {i}\"\n+++\n\n#### Điều 1. Phạm vi\n\nVăn bản thử số {i} áp dụng ở xã.\n"
                );
                crate::corpus::markdown::parse_document(&format!("d{i}.md"), &md).unwrap()
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let summary = build(&docs, dir.path()).unwrap();
        let index = Index::open_in_dir(&summary.path).unwrap();
        assert_eq!(index.searchable_segment_ids().unwrap().len(), 1);
        let reader = index.reader().unwrap();
        assert_eq!(reader.searcher().num_docs(), 120);
    }

    #[test]
    fn a_document_read_from_the_corpus_needs_no_second_normalizing() {
        let f = Fields::new();
        let read = crate::corpus::markdown::parse_document("typed.md", &typed()).unwrap();
        let twice = records_of(&f, &read, Status::Unknown, false);
        let once = records_of(&f, &read, Status::Unknown, true);
        assert_eq!(format!("{twice:?}"), format!("{once:?}"));
        assert_eq!(texts(&once, f.text)[1], "Hòa giải viên được bầu ở thôn.");
        assert_eq!(texts(&once, f.title)[1], "Thủy lợi");
    }

    #[test]
    fn a_document_made_in_memory_is_normalized_when_indexed() {
        // (normalized flag, whether the stored text is the normalized one)
        let mut doc = crate::corpus::markdown::parse_document("typed.md", &typed()).unwrap();
        for b in &mut doc.body {
            if let Block::Article(a) = b {
                use unicode_normalization::UnicodeNormalization;
                a.paragraphs = vec!["Hoà giải viên\u{00A0}được bầu".nfd().collect()];
            }
        }
        let f = Fields::new();
        for (normalized, expected) in [(false, true), (true, false)] {
            let recs = records_of(&f, &doc, Status::Unknown, normalized);
            assert_eq!(texts(&recs, f.text)[1] == "Hòa giải viên được bầu", expected, "{normalized}");
        }
    }
}
