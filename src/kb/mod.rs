//! The knowledge base as one handle: [`Base`] opens what a verb needs — the catalog (the one
//! document table), the search index and its citation graph when an index is there, the
//! corpus for texts — and answers the questions every verb and the server ask: which document
//! a reference names ([`Base::lookup`]), what a text cites ([`Base::cite`]), a document's
//! whole text ([`Base::document`]), the citation graph ([`Base::graph`]). [`build`] is the one
//! entry point that builds an index generation with everything stored beside it (catalog,
//! graph), used by `cancu index` and the server's (re)index alike.
//!
//! With an index, nothing of the corpus is read but the one file a verb asks for, so `cancu
//! show` and `cancu cite` answer in a fraction of a second on the full Pháp điển; without
//! one, the corpus is loaded whole (the embedded corpus is small).

mod build;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use build::{build, derive, BuildSummary, Derived, GraphSummary};

use crate::catalog::Catalog;
use crate::cite::{Citation, Context, Lookup};
use crate::corpus::{CorpusSource, Loaded};
use crate::graph::Graph;
use crate::model::Document;
use crate::search::Searcher;
use crate::Result;

/// An open knowledge base.
pub struct Base {
    catalog: Arc<Catalog>,
    /// The index directory and its live generation, when there is one.
    index: Option<(PathBuf, PathBuf)>,
    /// The searcher, opened on first use (`show` and `cite` never need it).
    searcher: std::sync::OnceLock<Option<Searcher>>,
    source: CorpusSource,
    /// The corpus, when it was loaded (no index, or the embedded corpus).
    loaded: Option<Loaded>,
    /// The validity records derived from the loaded corpus (no index).
    derived: Option<crate::validity::Validity>,
    /// The citation graph built with them (no index).
    derived_graph: Option<Graph>,
    /// Why [`Base::open`] did not use the index and loaded a corpus directory instead
    /// (Vietnamese, for a notice): none there, unreadable, or built from another corpus.
    unindexed: Option<String>,
}

impl std::fmt::Debug for Base {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Base")
            .field("documents", &self.catalog.len())
            .field("index", &self.index)
            .field("source", &self.source)
            .finish()
    }
}

impl Base {
    /// Opens the knowledge base: the corpus chosen by [`crate::corpus::locate`] (`corpus`, else
    /// `./corpus`, else the embedded one) and the index at `index` if it has a live generation
    /// this cancu reads; without one, the corpus is loaded and catalogued.
    ///
    /// Errors: the corpus directory given does not exist or cannot be read; the live index
    /// generation was changed after it was published.
    pub fn open(corpus: Option<&Path>, index: &Path) -> Result<Base> {
        let dir = crate::corpus::locate(corpus)?;
        let source = dir.clone().map_or(CorpusSource::Embedded, CorpusSource::Dir);
        let live = crate::index::current(index).ok();
        if let Some(gen) = &live {
            // A generation edited in place is refused, by name (see `index::generation::verify`).
            crate::index::generation::verify(gen, crate::index::generation::Check::Lengths)?;
        }
        // An index answers only for the corpus it was built from (a default `./index` of
        // another corpus would give another corpus's documents).
        let wanted = dir.as_deref().map(crate::catalog::canonical);
        let why = match live.as_deref().map(Catalog::load) {
            Some(Ok(catalog)) if catalog.corpus() == wanted.as_deref() => {
                return Ok(Base {
                    catalog: Arc::new(catalog),
                    index: live.map(|gen| (index.to_path_buf(), gen)),
                    searcher: Default::default(),
                    source,
                    loaded: None,
                    derived: None,
                    derived_graph: None,
                    unindexed: None,
                });
            }
            Some(Ok(_)) => format!("chỉ mục ở {} được lập từ một kho văn bản khác", index.display()),
            Some(Err(e)) => format!("không dùng được chỉ mục ở {} ({e})", index.display()),
            None => format!("chưa có chỉ mục ở {}", index.display()),
        };
        let mut base = Base::of_corpus(corpus)?;
        if dir.is_some() {
            base.unindexed = Some(why);
        }
        Ok(base)
    }

    /// Opens the corpus alone (loaded whole), without an index.
    pub fn of_corpus(corpus: Option<&Path>) -> Result<Base> {
        let (loaded, source) = crate::corpus::load(corpus)?;
        let held = Catalog::from_documents(&loaded.documents).with_files(source.dir(), &loaded.paths);
        // As `build` does: the documents only cited join the catalog, with today's statuses.
        let d = build::derive(&loaded.documents, held);
        Ok(Base {
            catalog: Arc::new(d.catalog),
            index: None,
            searcher: Default::default(),
            source,
            loaded: Some(loaded),
            derived: Some(d.validity),
            derived_graph: Some(d.graph),
            unindexed: None,
        })
    }

    /// Why the index was not used and a corpus directory was read whole instead, when
    /// [`Base::open`] did so (Vietnamese): each call then pays the corpus's loading.
    pub fn unindexed(&self) -> Option<&str> {
        self.unindexed.as_deref()
    }

    /// The catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The searcher, when there is an index this cancu can search (opened on first use).
    pub fn searcher(&self) -> Option<&Searcher> {
        self.searcher
            .get_or_init(|| self.index.as_ref().and_then(|(dir, _)| Searcher::open(dir).ok()))
            .as_ref()
    }

    /// Where the corpus is.
    pub fn source(&self) -> &CorpusSource {
        &self.source
    }

    /// Files of the corpus that could not be read, when it was loaded.
    pub fn problems(&self) -> &[crate::report::Problem] {
        self.loaded.as_ref().map_or(&[], |l| &l.problems)
    }

    /// The document (and article) a reference typed by a person names: see
    /// [`crate::cite::lookup`].
    pub fn lookup(&self, reference: &str) -> Option<Lookup> {
        crate::cite::lookup(&self.catalog, reference)
    }

    /// [`Base::lookup`] at the date `at` (default today): a name several versions share goes
    /// to the version in force then ([`crate::cite::lookup_at`]).
    pub fn lookup_at(&self, reference: &str, at: Option<crate::model::Date>) -> Option<Lookup> {
        crate::cite::lookup_at(&self.catalog, reference, at)
    }

    /// The citations of `text`, read and resolved as written in the document `ctx`.
    pub fn cite(&self, text: &str, ctx: &Context) -> Vec<Citation> {
        crate::cite::extract_resolved(text, &self.catalog, ctx)
    }

    /// The whole document `id` (metadata, structure and text): from memory when the corpus
    /// is loaded, else from its corpus file. `None` for an id the catalog does not have or
    /// whose file is gone.
    ///
    /// Errors: the file exists but cannot be read or parsed, or holds another document.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        if let Some(l) = &self.loaded {
            return Ok(l.documents.iter().find(|d| d.meta.id == id).cloned());
        }
        let Some(meta) = self.catalog.get(id) else { return Ok(None) };
        if self.catalog.is_cited_only(id) {
            return Ok(None); // no text anywhere: known only by its citations
        }
        match &self.source {
            CorpusSource::Dir(dir) => {
                let guess = dir.join(meta.doc_type.slug()).join(format!("{id}.md"));
                let recorded =
                    self.catalog
                        .file(id)
                        .map(|f| if f.is_absolute() { f.to_path_buf() } else { dir.join(f) });
                for path in recorded.into_iter().chain([guess]) {
                    if path.is_file() {
                        let doc = crate::corpus::store::read(&path)?;
                        if doc.meta.id != id {
                            return Err(crate::Error::format(
                                &path,
                                format!("holds {:?}, not {id:?}", doc.meta.id),
                            ));
                        }
                        return Ok(Some(doc));
                    }
                }
                // The file moved: read the corpus.
                Ok(crate::corpus::load_dir(dir)?.documents.into_iter().find(|d| d.meta.id == id))
            }
            _ => Ok(crate::corpus::embedded::load().documents.into_iter().find(|d| d.meta.id == id)),
        }
    }

    /// The validity records (issue #11): those stored with the index, else those derived from
    /// the corpus when it was loaded.
    ///
    /// Errors: the stored records cannot be read; the corpus cannot be loaded.
    pub fn validity(&self) -> Result<crate::validity::Validity> {
        if let Some(v) = &self.derived {
            return Ok(v.clone());
        }
        if let Some((_, gen)) = &self.index {
            if gen.join(crate::validity::FILE).exists() {
                return crate::validity::Validity::load(gen);
            }
        }
        // An index built without validity records: derive them from the corpus now.
        self.with_documents(|docs| crate::validity::Validity::derive(docs, &Catalog::from_documents(docs)))
    }

    /// The validity records of `ids` alone ([`Base::validity`] holds every record): read
    /// from the index without reading the others ([`crate::validity::Validity::load_for`]),
    /// else taken from those derived. Any other id is "chưa rõ" in the result.
    ///
    /// Errors: as [`Base::validity`].
    pub fn validity_of(&self, ids: &[&str]) -> Result<crate::validity::Validity> {
        if self.derived.is_none() {
            if let Some((_, gen)) = &self.index {
                if gen.join(crate::validity::FILE).exists() {
                    return crate::validity::Validity::load_for(gen, ids);
                }
            }
        }
        let mut all = self.validity()?;
        all.records.retain(|id, _| ids.contains(&id.as_str()));
        all.cited.clear();
        Ok(all)
    }

    /// The citation graph: the one stored with the index, else built from the corpus now
    /// (resolved against this catalog, as `build` does).
    pub fn graph(&self) -> Result<Graph> {
        if let Some(g) = &self.derived_graph {
            return Ok(g.clone());
        }
        if let Some((_, gen)) = &self.index {
            if gen.join(crate::graph::FILE).exists() {
                return Graph::load(gen);
            }
        }
        self.with_documents(|docs| crate::graph::build(docs, &*self.catalog))
    }

    /// Runs `f` over the corpus's documents: those loaded, else read now.
    fn with_documents<T>(&self, f: impl FnOnce(&[Document]) -> T) -> Result<T> {
        match &self.loaded {
            Some(l) => Ok(f(&l.documents)),
            None => Ok(f(&crate::corpus::load(self.source.dir())?.0.documents)),
        }
    }
}
