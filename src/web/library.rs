//! The corpus as the server reads it: documents by id (every other lookup — by number, name,
//! reference — is the [`crate::catalog::Catalog`]'s), articles by Pháp điển number, and the
//! đề mục tree for browsing. Built once per [`super::Snapshot`]; read-only afterwards.
//!
//! A corpus read from a directory is held *lean*: every document's metadata and structure
//! (divisions, article numbers and titles — a [`Document::skeleton`]) stay in memory, and
//! the text is read from the document's file when a page needs it ([`Library::text`]; the
//! last few are kept). The texts of a full Pháp điển corpus would otherwise be most of the
//! server's memory.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::model::Document;
use crate::{Error, Result};

/// How many complete documents read from files are kept for the next request.
const RECENT: usize = 8;

/// One article's place: the document's position in the library and the article number,
/// borrowed from the document's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRef<'a> {
    pub doc: usize,
    pub article: &'a str,
    /// Pháp điển number ("44.13.LQ.1"), if any.
    pub phapdien: Option<&'a str>,
}

/// Where an article's metadata record is: document, then record (8 bytes, where an owned
/// reference would copy both numbers for each of 62,000 articles, twice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    doc: u32,
    record: u32,
}

/// The documents of a corpus, indexed for lookup.
#[derive(Debug, Default)]
pub struct Library {
    /// Complete documents, or skeletons when `files` is set.
    docs: Vec<Arc<Document>>,
    /// Where each document's text is read from (lean libraries).
    files: Option<Vec<PathBuf>>,
    /// The complete documents last read from `files`, most recent last.
    recent: Mutex<Vec<(usize, Arc<Document>)>>,
    by_id: HashMap<String, usize>,
    /// Articles with a Pháp điển number, sorted by it (the first document wins a repeat).
    by_phapdien: Vec<Slot>,
    /// Đề mục number → its articles in Pháp điển order; the list itself in đề mục order.
    demuc: Vec<(String, Vec<Slot>)>,
    /// Đề mục number → its title (from the documents' `demuc_titles`).
    demuc_titles: HashMap<String, String>,
}

/// One segment of a dotted number: numbers sort before words, numbers numerically.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Segment<'a> {
    Num(u64),
    Word(&'a str),
}

fn segments(s: &str) -> Vec<Segment<'_>> {
    s.split('.').map(|p| p.parse::<u64>().map(Segment::Num).unwrap_or(Segment::Word(p))).collect()
}

/// Compares dotted numbers segment by segment, numbers numerically ("44.2" < "44.13"),
/// numbers before words: a total order, whatever the input.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    segments(a).cmp(&segments(b))
}

impl Library {
    /// Indexes `docs`, held complete in memory (ids are unique: the corpus loader guarantees
    /// it; a repeated id keeps the first document).
    pub fn new(docs: Vec<Document>) -> Library {
        Library::build(docs.into_iter().map(Arc::new).collect(), None)
    }

    /// Indexes `docs` read from the files `paths` (by id), keeping only their skeletons:
    /// [`Library::text`] reads the rest from the file. A document with no path is kept whole.
    pub fn lean(docs: Vec<Document>, paths: &HashMap<String, PathBuf>) -> Library {
        let mut files = Vec::with_capacity(docs.len());
        let docs = docs
            .into_iter()
            .map(|d| match paths.get(&d.meta.id) {
                Some(p) => {
                    files.push(p.clone());
                    Arc::new(d.skeleton())
                }
                None => {
                    files.push(PathBuf::new());
                    Arc::new(d)
                }
            })
            .collect();
        Library::build(docs, Some(files))
    }

    fn build(docs: Vec<Arc<Document>>, files: Option<Vec<PathBuf>>) -> Library {
        let mut lib = Library { docs, files, ..Library::default() };
        let mut demuc: HashMap<String, Vec<Slot>> = HashMap::new();
        for (i, d) in lib.docs.iter().enumerate() {
            lib.by_id.entry(d.meta.id.clone()).or_insert(i);
            for (k, v) in &d.meta.demuc_titles {
                lib.demuc_titles.entry(k.clone()).or_insert_with(|| v.clone());
            }
            for (j, a) in d.meta.articles.iter().enumerate() {
                let slot = Slot { doc: i as u32, record: j as u32 };
                if a.phapdien.is_some() {
                    lib.by_phapdien.push(slot);
                }
                if let Some(dm) = &a.demuc {
                    demuc.entry(dm.clone()).or_default().push(slot);
                }
            }
        }
        let docs = &lib.docs;
        let at = |s: &Slot| at(docs, *s);
        // Stable: among repeats of a Pháp điển number the first document stays first.
        lib.by_phapdien.sort_by(|a, b| at(a).phapdien.cmp(&at(b).phapdien));
        lib.by_phapdien.dedup_by(|b, a| at(a).phapdien == at(b).phapdien);
        let mut demuc: Vec<(String, Vec<Slot>)> = demuc.into_iter().collect();
        demuc.sort_by(|a, b| natural_cmp(&a.0, &b.0));
        for (_, arts) in &mut demuc {
            // Articles with a Pháp điển number first, in its order; the rest by document.
            arts.sort_by(|a, b| {
                fn key(r: ArticleRef<'_>) -> (bool, Option<Vec<Segment<'_>>>, usize) {
                    (r.phapdien.is_none(), r.phapdien.map(segments), r.doc)
                }
                let (a, b) = (at(a), at(b));
                key(a).cmp(&key(b)).then_with(|| a.article.cmp(b.article))
            });
        }
        lib.demuc = demuc;
        lib
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The documents as shared handles (for a [`crate::catalog::Catalog`] over the same
    /// metadata).
    pub fn shared(&self) -> impl Iterator<Item = Arc<Document>> + '_ {
        self.docs.iter().cloned()
    }

    /// Every document: metadata and structure (the text only if held in memory).
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.docs.iter().map(|d| &**d)
    }

    /// Document `index`: metadata and structure (the text only if held in memory).
    pub fn doc(&self, index: usize) -> &Document {
        &self.docs[index]
    }

    /// The document with this id: metadata and structure (see [`Library::text`]).
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &*self.docs[i])
    }

    /// The complete document with this id, its text read from the corpus if not in memory.
    /// An error when the file can no longer be read or no longer holds that document (the
    /// corpus changed under the server: a reindex is due).
    pub fn text(&self, id: &str) -> Result<Option<Arc<Document>>> {
        let Some(&i) = self.by_id.get(id) else { return Ok(None) };
        let Some(path) = self.files.as_ref().map(|f| &f[i]).filter(|p| !p.as_os_str().is_empty()) else {
            return Ok(Some(self.docs[i].clone()));
        };
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(k) = recent.iter().position(|(j, _)| *j == i) {
            let hit = recent.remove(k);
            recent.push(hit.clone());
            return Ok(Some(hit.1));
        }
        drop(recent);
        let mut doc = crate::corpus::store::read(path)?;
        // As the loader reads it: an unsourced status or relation is no claim (the loader
        // reported it when the corpus was loaded).
        crate::corpus::sourced::drop_unsourced(&mut doc);
        if doc.meta.id != id {
            return Err(Error::format(path, format!("holds {:?} now, not {id:?}", doc.meta.id)));
        }
        let doc = Arc::new(doc);
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((i, doc.clone()));
        Ok(Some(doc))
    }

    /// The article with this Pháp điển number.
    pub fn phapdien(&self, number: &str) -> Option<ArticleRef<'_>> {
        let i = self.by_phapdien.binary_search_by(|s| at(&self.docs, *s).phapdien.cmp(&Some(number))).ok()?;
        Some(at(&self.docs, self.by_phapdien[i]))
    }

    /// Đề mục numbers and their article counts, in order.
    pub fn demuc_list(&self) -> impl Iterator<Item = (&str, usize)> {
        self.demuc.iter().map(|(d, a)| (d.as_str(), a.len()))
    }

    /// The title of đề mục `number` ("Thực hiện dân chủ ở cơ sở"), when an imported
    /// document recorded it.
    pub fn demuc_title(&self, number: &str) -> Option<&str> {
        self.demuc_titles.get(number).map(String::as_str)
    }

    /// "Đề mục 44.13. Thực hiện dân chủ ở cơ sở", or "Đề mục 44.13" without a title.
    pub fn demuc_name(&self, number: &str) -> String {
        match self.demuc_title(number) {
            Some(t) => format!("Đề mục {number}. {t}"),
            None => format!("Đề mục {number}"),
        }
    }

    /// The articles of one đề mục, in Pháp điển order.
    pub fn demuc(&self, number: &str) -> Option<Vec<ArticleRef<'_>>> {
        let (_, slots) = self.demuc.iter().find(|(d, _)| d == number)?;
        Some(slots.iter().map(|s| at(&self.docs, *s)).collect())
    }
}

/// The article a slot points at.
fn at(docs: &[Arc<Document>], s: Slot) -> ArticleRef<'_> {
    let doc = &docs[s.doc as usize];
    let m = &doc.meta.articles[s.record as usize];
    ArticleRef { doc: s.doc as usize, article: &m.number, phapdien: m.phapdien.as_deref() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, DocType, Metadata};

    fn doc(id: &str, t: DocType, number: &str, arts: &[(&str, &str)]) -> Document {
        let mut m = Metadata::new(id, t, "Văn bản thử");
        m.canonical = Some(number.into());
        m.articles = arts
            .iter()
            .map(|(n, p)| ArticleMeta {
                number: n.to_string(),
                phapdien: Some(p.to_string()),
                demuc: Some(p.split('.').take(2).collect::<Vec<_>>().join(".")),
                ..Default::default()
            })
            .collect();
        Document { meta: m, body: vec![] }
    }

    #[test]
    fn looks_up_by_id_and_phapdien() {
        let lib = Library::new(vec![
            doc("luat-18-2008-qh12", DocType::Luat, "18/2008/QH12", &[("2", "9.2.LQ.2"), ("1", "9.2.LQ.1")]),
            doc("nghi-quyet-18-2008-qh12", DocType::NghiQuyet, "18/2008/QH12", &[]),
            doc("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "59/2023/NĐ-CP", &[("3", "44.13.NĐ.1.3")]),
        ]);
        assert_eq!(lib.get("nghi-dinh-59-2023-nd-cp").unwrap().meta.doc_type, DocType::NghiDinh);
        assert_eq!(lib.phapdien("9.2.LQ.2").unwrap().article, "2");
        let list: Vec<_> = lib.demuc_list().collect();
        assert_eq!(list, [("9.2", 2), ("44.13", 1)]);
        let arts: Vec<_> = lib.demuc("9.2").unwrap().iter().map(|a| a.article).collect();
        assert_eq!(arts, ["1", "2"]);
    }

    #[test]
    fn a_lean_library_reads_texts_from_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc("luat-1-2020-qh14", DocType::Luat, "1/2020/QH14", &[("1", "9.2.LQ.1")]);
        d.body = vec![crate::model::Block::Article(crate::model::Article {
            number: "1".into(),
            title: "Phạm vi".into(),
            paragraphs: vec!["Nội dung điều một.".into()],
        })];
        let path = crate::corpus::store::path_of(dir.path(), &d).unwrap();
        crate::corpus::store::write(dir.path(), &d).unwrap();
        let paths = HashMap::from([(d.meta.id.clone(), path.clone())]);
        let lib = Library::lean(vec![d.clone()], &paths);
        // In memory: the structure, not the text.
        let held = lib.get("luat-1-2020-qh14").unwrap();
        assert_eq!(held.article("1").unwrap().title, "Phạm vi");
        assert!(held.article("1").unwrap().paragraphs.is_empty());
        // On demand: the whole document, from its file (then from the recent list).
        let full = lib.text("luat-1-2020-qh14").unwrap().unwrap();
        assert_eq!(full.article("1").unwrap().paragraphs, ["Nội dung điều một."]);
        std::fs::remove_file(&path).unwrap();
        assert!(lib.text("luat-1-2020-qh14").unwrap().is_some(), "kept from the last read");
        assert!(lib.text("khong-co").unwrap().is_none());
        // A file that now holds another document is an error naming the file.
        let lib = Library::lean(vec![d.clone()], &paths);
        let mut other = d.clone();
        other.meta.id = "luat-2-2020-qh14".into();
        crate::corpus::store::write_at(&path, &other).unwrap();
        let e = lib.text("luat-1-2020-qh14").unwrap_err().to_string();
        assert!(e.contains("luat-1-2020-qh14.md") && e.contains("luat-2-2020-qh14"), "{e}");
    }

    #[test]
    fn natural_order() {
        assert_eq!(natural_cmp("44.2", "44.13"), Ordering::Less);
        assert_eq!(natural_cmp("44.13.LQ.10", "44.13.LQ.9"), Ordering::Greater);
        // Regression: mixed numbers and words once made a cycle (2 < 10 < 1a < 2) and the
        // sort of the real Pháp điển panicked.
        let mut v = vec!["1.2", "1.10", "1.1a", "1.LQ", "1", "1.2.NĐ.1", "1.10"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1", "1.2", "1.2.NĐ.1", "1.10", "1.10", "1.1a", "1.LQ"]);
    }
}
