//! The legal glossary (thuật ngữ): every term the law defines, with its definition, built at
//! index time from the "Giải thích từ ngữ" articles (and the like, see [`extract`]) and stored
//! in the index generation beside the Tantivy index and the graph (`glossary.json`), so that
//! it goes live with them. Search uses it to rank the defining article first for definition
//! questions; the web serves it as the `/thuat-ngu` page and `GET /api/glossary`.
//! [`vocabulary`] maps everyday words to the law's terms.

pub mod extract;
pub mod vocabulary;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Document;
use crate::text::{fold, normalize};
use crate::{Error, Result};

/// File name of the glossary in an index generation.
pub const FILE: &str = "glossary.json";

/// One definition of one term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The term as the law writes it ("Bến khách ngang sông").
    pub term: String,
    /// Lookup key: lower case, folded, single spaces ([`key`]).
    pub key: String,
    /// The definition (the rest of the clause, shortened to [`extract::MAX_DEFINITION`]).
    pub definition: String,
    /// The defining document's id, label ("Luật 45/2019/QH14") and title.
    pub doc_id: String,
    pub document: String,
    pub doc_title: String,
    /// The defining article's original number and title, and the clause ("3") or point.
    pub article: String,
    pub article_title: String,
    pub clause: Option<String>,
}

/// Words that start a qualifier or a predicate after a defined term ("… trong đo lường",
/// "… của doanh nghiệp", "… được quy định"): the term before them is the subject. Compared
/// exact when the subject is typed with diacritics, folded otherwise.
const QUALIFIER_STARTS: &[&str] = &[
    "trong",
    "của",
    "theo",
    "về",
    "đối với",
    "tại",
    "ở",
    "trên",
    "khi",
    "cho",
    "thuộc",
    "do",
    "với",
    "dưới",
    "ngoài",
    "từ",
    "đến",
    "và",
    "hoặc",
    "được",
    "là",
    "có",
    "bị",
    "phải",
    "thì",
];

/// Words before a defined term that do not change what is asked ("loại đò ngang", "các tổ
/// chức tín dụng"); compared like [`QUALIFIER_STARTS`] ("loài lai" keeps its "loài").
const CLASSIFIERS: &[&str] = &["loại", "các", "những", "việc", "hoạt động", "hành vi", "một"];

/// The lookup key of a term: normalized, lower case, folded, one space between words.
pub fn key(term: &str) -> String {
    fold(&normalize(term))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every definition, sorted by key (then document).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glossary {
    entries: Vec<Entry>,
}

fn label(doc: &Document) -> String {
    match &doc.meta.canonical {
        Some(n) => format!("{} {}", doc.meta.doc_type.as_vi(), n),
        None => doc.meta.title.clone(),
    }
}

impl Glossary {
    /// The glossary of `docs`.
    pub fn build(docs: &[Document]) -> Glossary {
        Glossary::build_with(docs, false)
    }

    /// [`Glossary::build`]; `normalized`: the documents' texts are normalized already (read
    /// by the corpus reader: [`crate::corpus::Loaded::normalized`]), which spares normalizing
    /// every article's title and first paragraphs again to find the definition articles.
    pub fn build_with(docs: &[Document], normalized: bool) -> Glossary {
        let mut entries = Vec::new();
        for doc in docs {
            for a in doc.articles() {
                if !extract::is_definition_article_in(a, normalized) {
                    continue;
                }
                for d in extract::definitions(a) {
                    entries.push(Entry {
                        key: key(&d.term),
                        term: d.term,
                        definition: d.definition,
                        doc_id: doc.meta.id.clone(),
                        document: label(doc),
                        doc_title: normalize(&doc.meta.title).into_owned(),
                        article: a.number.clone(),
                        article_title: normalize(&a.title).into_owned(),
                        clause: d.clause,
                    });
                }
            }
        }
        Glossary::from_entries(entries)
    }

    /// A glossary of the given entries (sorted here).
    pub fn from_entries(mut entries: Vec<Entry>) -> Glossary {
        entries.retain(|e| !e.key.is_empty());
        entries.sort_by(|a, b| (&a.key, &a.doc_id, &a.article).cmp(&(&b.key, &b.doc_id, &b.article)));
        entries.dedup_by(|a, b| a.key == b.key && a.doc_id == b.doc_id && a.article == b.article);
        Glossary { entries }
    }

    /// Writes the glossary into an index generation directory.
    pub fn save(&self, generation: &Path) -> Result<()> {
        let path = generation.join(FILE);
        let json = serde_json::to_vec(self).map_err(|e| Error::Index(format!("glossary: {e}")))?;
        std::fs::write(&path, json).map_err(|source| Error::Io { path, source })
    }

    /// Reads the glossary of an index generation (empty if the generation has none).
    pub fn load(generation: &Path) -> Result<Glossary> {
        let path = generation.join(FILE);
        match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| Error::Index(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Glossary::default()),
            Err(source) => Err(Error::Io { path, source }),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, sorted by key.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The definitions of exactly `term` (compared by [`key`]); those whose term is written
    /// with the same diacritics as `term` first.
    pub fn lookup(&self, term: &str) -> Vec<&Entry> {
        let k = key(term);
        let start = self.entries.partition_point(|e| e.key < k);
        let mut v: Vec<&Entry> = self.entries[start..].iter().take_while(|e| e.key == k).collect();
        let exact = normalize(term).to_lowercase();
        v.sort_by_key(|e| normalize(&e.term).to_lowercase() != exact);
        v
    }

    /// The definitions of `subject` as a whole term (leading classifiers such as "loại",
    /// "các" dropped, [`CLASSIFIERS`]), else of the longest term that begins it before a
    /// qualifier ("dung môi trong đo lường" finds "dung môi": the rest starts with a
    /// connecting word, [`QUALIFIER_STARTS`]). Never a term that is only part of a compound:
    /// "tài sản thế chấp" is not "tài sản", whose definitions answer another question.
    pub fn lookup_within(&self, subject: &str) -> Vec<&Entry> {
        let mut words: Vec<&str> = subject.split_whitespace().collect();
        let typed = crate::text::has_diacritics(subject);
        let same = |a: &str, b: &str| {
            if typed {
                a == b.to_lowercase()
            } else {
                crate::text::fold(a) == crate::text::fold(b)
            }
        };
        let starts = |words: &[&str], i: usize, list: &[&str]| -> Option<usize> {
            list.iter().map(|l| l.split(' ').collect::<Vec<_>>()).find_map(|l| {
                let hit = i + l.len() <= words.len() && l.iter().zip(&words[i..]).all(|(a, b)| same(a, b));
                hit.then_some(l.len())
            })
        };
        while let Some(k) = starts(&words, 0, CLASSIFIERS).filter(|k| *k < words.len()) {
            words.drain(..k);
        }
        let whole = self.lookup(&words.join(" "));
        if !whole.is_empty() {
            return whole;
        }
        for len in (2..words.len()).rev() {
            if starts(&words, len, QUALIFIER_STARTS).is_some() {
                let found = self.lookup(&words[..len].join(" "));
                if !found.is_empty() {
                    return found;
                }
            }
        }
        Vec::new()
    }

    /// Entries whose term starts with `q` (by key), then those containing it; at most
    /// `limit`. An empty `q` gives the first entries.
    pub fn search(&self, q: &str, limit: usize) -> Vec<&Entry> {
        let k = key(q);
        let start = self.entries.partition_point(|e| e.key < k);
        let mut out: Vec<&Entry> =
            self.entries[start..].iter().take_while(|e| e.key.starts_with(&k)).take(limit).collect();
        if out.len() < limit && !k.is_empty() {
            let more = self
                .entries
                .iter()
                .filter(|e| !e.key.starts_with(&k) && format!(" {} ", e.key).contains(&format!(" {k} ")));
            out.extend(more.take(limit - out.len()));
        }
        out
    }

    /// The entries under `letter` in the Vietnamese alphabet's order as dictionaries group
    /// it: "đ" is a letter of its own (after "d"); a vowel with a mark is listed under its
    /// base letter ("ă", "â" and "á" under "a"). `letter` is matched the same way, so "Đ"
    /// and "đ" give the "đ" entries, "A" and "Â" the "a" entries.
    pub fn by_letter(&self, letter: char) -> Vec<&Entry> {
        let l = initial_of(letter);
        let base = crate::text::fold(&l.to_string()).chars().next().unwrap_or(l);
        let start = self.entries.partition_point(|e| e.key.chars().next().is_some_and(|c| c < base));
        let end = self.entries.partition_point(|e| e.key.chars().next().is_some_and(|c| c <= base));
        self.entries[start..end.max(start)].iter().filter(|e| initial(&e.term) == Some(l)).collect()
    }

    /// The first letters present (lower case, as [`Glossary::by_letter`] groups them), in
    /// alphabetical order ("đ" after "d"), with their entry counts.
    pub fn letters(&self) -> Vec<(char, usize)> {
        let mut out: Vec<(char, usize)> = Vec::new();
        for c in self.entries.iter().filter_map(|e| initial(&e.term)) {
            match out.iter_mut().find(|(l, _)| *l == c) {
                Some((_, n)) => *n += 1,
                None => out.push((c, 1)),
            }
        }
        let order = |c: char| (crate::text::fold(&c.to_string()), c == 'đ');
        out.sort_by_key(|(c, _)| order(*c));
        out
    }
}

/// The letter a term is listed under: its first letter in lower case, "đ" kept, any other
/// mark dropped.
fn initial(term: &str) -> Option<char> {
    term.chars().find(|c| c.is_alphanumeric()).map(initial_of)
}

fn initial_of(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    if c == 'đ' {
        return c;
    }
    crate::text::fold(&c.to_string()).chars().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, DocType, Metadata};

    fn doc() -> Document {
        let mut meta = Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật Thử nghiệm");
        meta.canonical = Some("1/2020/QH14".into());
        let art = |n: &str, t: &str, ps: &[&str]| {
            Block::Article(Article {
                number: n.into(),
                title: t.into(),
                paragraphs: ps.iter().map(|p| p.to_string()).collect(),
            })
        };
        Document {
            meta,
            body: vec![
                art("1", "Phạm vi điều chỉnh", &["Luật này áp dụng cho ghe là phương tiện."]),
                art(
                    "2",
                    "Giải thích từ ngữ",
                    &[
                        "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:",
                        "1. Ghe chở khách là phương tiện nhỏ chở người qua sông.",
                        "2. Đò ngang là ghe chở khách đi từ bờ này sang bờ kia.",
                    ],
                ),
            ],
        }
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet() {
        // Each term → the letter it is listed under.
        let rows = [
            ("Đò ngang", 'đ'),
            ("đất", 'đ'),
            ("Dân cư", 'd'),
            ("Ăn chia", 'a'),
            ("Âm", 'a'),
            ("“Ủy ban”", 'u'),
        ];
        for (term, letter) in rows {
            assert_eq!(initial(term), Some(letter), "{term}");
        }
        let mut d = doc();
        if let Some(Block::Article(a)) = d.body.get_mut(1) {
            a.paragraphs.push("3. Dân cư là người sống ở bờ sông.".into());
            a.paragraphs.push("4. Ăn chia là chia phần thu của ghe.".into());
        }
        let g = Glossary::build(&[d]);
        assert_eq!(g.letters(), [('a', 1), ('d', 1), ('đ', 1), ('g', 1)]);
        let terms = |l: char| g.by_letter(l).iter().map(|e| e.term.clone()).collect::<Vec<_>>();
        assert_eq!(terms('D'), ["Dân cư"]);
        assert_eq!(terms('Đ'), ["Đò ngang"]);
        assert_eq!(terms('ă'), ["Ăn chia"]);
    }

    #[test]
    fn built_from_definition_articles_only() {
        let g = Glossary::build(&[doc()]);
        let terms: Vec<&str> = g.entries().iter().map(|e| e.term.as_str()).collect();
        assert_eq!(terms, ["Đò ngang", "Ghe chở khách"]);
        let e = &g.lookup("ghe chở khách")[0];
        assert_eq!(
            (e.article.as_str(), e.clause.as_deref(), e.document.as_str()),
            ("2", Some("1"), "Luật 1/2020/QH14")
        );
        assert!(e.definition.starts_with("phương tiện nhỏ"), "{}", e.definition);
        assert_eq!(g.lookup("GHE CHO KHACH").len(), 1);
        assert!(g.lookup("ghe").is_empty());
        assert_eq!(g.lookup_within("ghe chở khách trên sông").len(), 1);
        assert_eq!(g.lookup_within("loại đò ngang").len(), 1);
        assert!(g.lookup_within("ghe").is_empty());
        // Part of a compound is another term: "ghe chở khách du lịch" is not "ghe chở khách".
        assert!(g.lookup_within("ghe chở khách du lịch").is_empty());
        assert!(g.lookup_within("bến đò ngang").is_empty());
        assert_eq!(g.lookup_within("ghe chở khách được quy định").len(), 1);
        assert_eq!(g.lookup_within("cac do ngang").len(), 1);
        assert_eq!(g.lookup_within("các đò ngang của xã").len(), 1);
        assert_eq!(g.search("ghe", 10).len(), 1);
        assert_eq!(g.search("khach", 10).len(), 1);
        // "Đ" is a letter of its own, after "D" (the test document defines no "d" term).
        assert!(g.by_letter('d').is_empty());
        assert_eq!(g.by_letter('Đ').len(), 1);
        assert_eq!(g.by_letter('đ').len(), 1);
        assert_eq!(g.letters(), [('đ', 1), ('g', 1)]);
    }

    #[test]
    fn saved_and_loaded() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Glossary::load(dir.path()).unwrap().is_empty());
        let g = Glossary::build(&[doc()]);
        g.save(dir.path()).unwrap();
        assert_eq!(Glossary::load(dir.path()).unwrap(), g);
    }
}
