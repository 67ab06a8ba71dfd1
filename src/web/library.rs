//! The corpus as the server reads it: documents by id, by number (canonical, as written and
//! aliases, folded with [`crate::number::key`]), articles by Pháp điển number, and the đề mục
//! tree for browsing. Built once per [`super::Snapshot`]; read-only afterwards.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::model::{DocType, Document};

/// One article's place: the document's position in the library and the article number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    pub doc: usize,
    pub article: String,
    /// Pháp điển number ("44.13.LQ.1"), if any.
    pub phapdien: Option<String>,
}

/// The documents of a corpus, indexed for lookup.
#[derive(Debug, Default)]
pub struct Library {
    docs: Vec<Document>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_phapdien: HashMap<String, ArticleRef>,
    /// Đề mục number → its articles in Pháp điển order; the list itself in đề mục order.
    demuc: Vec<(String, Vec<ArticleRef>)>,
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
    /// Indexes `docs` (ids are unique: the corpus loader guarantees it; a repeated id keeps
    /// the first document).
    pub fn new(docs: Vec<Document>) -> Library {
        let mut lib = Library { docs, ..Library::default() };
        let mut demuc: HashMap<String, Vec<ArticleRef>> = HashMap::new();
        for (i, d) in lib.docs.iter().enumerate() {
            lib.by_id.entry(d.meta.id.clone()).or_insert(i);
            let numbers = d.meta.canonical.iter().chain(d.meta.number.iter()).chain(d.meta.aliases.iter());
            for n in numbers {
                let list = lib.by_key.entry(crate::number::key(n)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            for a in &d.meta.articles {
                let r = ArticleRef { doc: i, article: a.number.clone(), phapdien: a.phapdien.clone() };
                if let Some(p) = &a.phapdien {
                    lib.by_phapdien.entry(p.clone()).or_insert_with(|| r.clone());
                }
                if let Some(dm) = &a.demuc {
                    demuc.entry(dm.clone()).or_default().push(r);
                }
            }
        }
        let mut demuc: Vec<(String, Vec<ArticleRef>)> = demuc.into_iter().collect();
        demuc.sort_by(|a, b| natural_cmp(&a.0, &b.0));
        for (_, arts) in &mut demuc {
            // Articles with a Pháp điển number first, in its order; the rest by document.
            arts.sort_by(|a, b| {
                fn key(r: &ArticleRef) -> (bool, Option<Vec<Segment<'_>>>, usize) {
                    (r.phapdien.is_none(), r.phapdien.as_deref().map(segments), r.doc)
                }
                key(a).cmp(&key(b)).then_with(|| a.article.cmp(&b.article))
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

    pub fn documents(&self) -> &[Document] {
        &self.docs
    }

    pub fn doc(&self, index: usize) -> &Document {
        &self.docs[index]
    }

    /// The document with this id.
    pub fn get(&self, id: &str) -> Option<&Document> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }

    /// Documents carrying this number (any spelling [`crate::number::key`] folds together).
    pub fn by_number(&self, number: &str) -> Vec<&Document> {
        self.by_key
            .get(&crate::number::key(number))
            .map(|v| v.iter().map(|&i| &self.docs[i]).collect())
            .unwrap_or_default()
    }

    /// A relation target (an id or a number, optionally typed) → the document, when exactly
    /// one matches.
    pub fn find(&self, target: &str, doc_type: Option<DocType>) -> Option<&Document> {
        if let Some(d) = self.get(target) {
            return Some(d);
        }
        let found: Vec<&Document> = self
            .by_number(target)
            .into_iter()
            .filter(|d| doc_type.is_none_or(|t| d.meta.doc_type == t))
            .collect();
        (found.len() == 1).then(|| found[0])
    }

    /// The article with this Pháp điển number.
    pub fn phapdien(&self, number: &str) -> Option<&ArticleRef> {
        self.by_phapdien.get(number)
    }

    /// Đề mục numbers and their article counts, in order.
    pub fn demuc_list(&self) -> impl Iterator<Item = (&str, usize)> {
        self.demuc.iter().map(|(d, a)| (d.as_str(), a.len()))
    }

    /// The articles of one đề mục, in Pháp điển order.
    pub fn demuc(&self, number: &str) -> Option<&[ArticleRef]> {
        self.demuc.iter().find(|(d, _)| d == number).map(|(_, a)| a.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, Metadata};

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
    fn looks_up_by_id_number_and_phapdien() {
        let lib = Library::new(vec![
            doc("luat-18-2008-qh12", DocType::Luat, "18/2008/QH12", &[("2", "9.2.LQ.2"), ("1", "9.2.LQ.1")]),
            doc("nghi-quyet-18-2008-qh12", DocType::NghiQuyet, "18/2008/QH12", &[]),
            doc("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "59/2023/NĐ-CP", &[("3", "44.13.NĐ.1.3")]),
        ]);
        assert_eq!(lib.find("59/2023/ND-CP", None).unwrap().meta.id, "nghi-dinh-59-2023-nd-cp");
        assert!(lib.find("18/2008/QH12", None).is_none(), "ambiguous without a type");
        assert_eq!(
            lib.find("18/2008/QH12", Some(DocType::NghiQuyet)).unwrap().meta.id,
            "nghi-quyet-18-2008-qh12"
        );
        assert_eq!(lib.phapdien("9.2.LQ.2").unwrap().article, "2");
        let list: Vec<_> = lib.demuc_list().collect();
        assert_eq!(list, [("9.2", 2), ("44.13", 1)]);
        let arts: Vec<_> = lib.demuc("9.2").unwrap().iter().map(|a| a.article.as_str()).collect();
        assert_eq!(arts, ["1", "2"]);
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
