//! Rebuilding source documents from the articles of all đề mục files of one Pháp điển release.
//!
//! Each article is assigned to the document its source note names (type + number; a number
//! without a year, such as "73-CP", is told apart by its vbpl.vn ItemID). A note that names no
//! document or no article (an effectivity clause, "Mục IV …", "Điều Thông tư số …") borrows
//! the document of the articles sharing its Pháp điển prefix in the same file ("27.1.TT.13.3"
//! → "27.1.TT.13") and the article number from the last part of its Pháp điển number; this is
//! reported. An article that still has no document or number, or that repeats an article
//! already placed (the same article in two đề mục, or twice in one file), is reported and
//! skipped. So every `p.pDieu` is either in exactly one document or in the problem list.
//!
//! Documents are ordered by original article number ("5" < "5a" < "6"); the vbpl anchor
//! (`#Chuong_I_Muc_2_Dieu_5`) gives Phần/Chương/Mục divisions, whose titles the dump lacks.

use std::collections::HashMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::file::DemucFile;
use super::headings::{self, Titles};
use super::note::{self, Note};
use crate::import::vanban::title::citation_title;
use crate::model::{
    Article, ArticleMeta, Block, Completeness, Date, Division, DivisionKind, DocType, Document, Metadata,
    Provenance, Status,
};
use crate::number::{canonicalize, doc_id, parts, Shape};
use crate::report::Problem;

/// Counts of one release: every `p.pDieu` is imported or skipped (and reported).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// `p.pDieu` elements read.
    pub total: usize,
    /// Articles placed in a document.
    pub imported: usize,
    /// Articles reported and left out.
    pub skipped: usize,
    /// Articles placed after a repair (odd note), also reported.
    pub repaired: usize,
}

/// The documents of one release, with what went wrong.
#[derive(Debug, Default)]
pub struct Built {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    pub counts: Counts,
}

static ITEM_ID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)ItemID=(\d+)").expect("ItemID pattern"));
static DIVISIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#(?:Phan_([A-Za-z0-9]+)_?)?(?:Chuong_([A-Za-z0-9]+)_?)?(?:Muc_([A-Za-z0-9]+)_?)?")
        .expect("anchor pattern")
});

/// One document being assembled.
struct Acc {
    doc_type: DocType,
    number: Option<String>,
    title: Option<String>,
    signed: Option<Date>,
    issuer: Option<String>,
    effective: Option<Date>,
    url: Option<String>,
    /// By article number: the article, its metadata, and where it was read ("file #anchor").
    articles: HashMap<String, (Article, ArticleMeta, String)>,
    /// Division titles lent by the đề mục outlines (see [`headings`]).
    titles: Titles,
    /// The titles of the đề mục the articles were read in.
    demuc_titles: std::collections::BTreeMap<String, String>,
}

/// Builds the documents of release `source` (e.g. "phapdien-2026") from its parsed files,
/// given as (file name for messages, parsed file).
pub fn build(source: &str, mut files: Vec<(String, DemucFile)>) -> Built {
    files.sort_by(|a, b| demuc_order(&a.1).cmp(&demuc_order(&b.1)).then_with(|| a.0.cmp(&b.0)));
    let mut built = Built::default();
    let mut docs: HashMap<String, Acc> = HashMap::new();
    let mut order: Vec<String> = Vec::new();

    // The notes of every file are read in parallel; the articles are then given to their
    // documents in order.
    let notes_of: Vec<Vec<Option<Result<Note, String>>>> = files
        .par_iter()
        .map(|(_, file)| file.articles.iter().map(|a| a.note.as_deref().map(note::parse)).collect())
        .collect();
    for ((name, file), notes) in files.into_iter().zip(notes_of) {
        // Pháp điển prefix → document key, from the articles whose note names a document.
        let mut by_prefix: HashMap<String, (String, &Note)> = HashMap::new();
        for (a, n) in file.articles.iter().zip(&notes) {
            if let (Some(pd), Some(Ok(n))) = (&a.phapdien, n) {
                by_prefix.entry(prefix(pd).to_string()).or_insert_with(|| (doc_key(n, a.url.as_deref()), n));
            }
        }
        for (a, n) in file.articles.into_iter().zip(&notes) {
            built.counts.total += 1;
            let at = format!(
                "{} #{}",
                a.phapdien.as_deref().or(a.plain_number.as_deref()).unwrap_or("?"),
                a.anchor
            );
            let mut fixes: Vec<String> = Vec::new();
            let (key, note_ref): (Option<String>, Option<&Note>) = match n {
                Some(Ok(n)) => (Some(doc_key(n, a.url.as_deref())), Some(n)),
                other => {
                    let why = match other {
                        Some(Err(e)) => e.clone(),
                        _ => "điều không có ghi chú nguồn".to_string(),
                    };
                    match a.phapdien.as_deref().and_then(|pd| by_prefix.get(prefix(pd))) {
                        Some((k, n)) => {
                            fixes.push(format!(
                                "{why}; văn bản lấy theo các điều đánh số {}.*",
                                prefix(a.phapdien.as_deref().unwrap_or(""))
                            ));
                            (Some(k.clone()), Some(*n))
                        }
                        None => {
                            built.problems.push(Problem::at(
                                &name,
                                at,
                                format!("{why}; không điều nào khác cho biết văn bản của nó: bỏ qua"),
                            ));
                            built.counts.skipped += 1;
                            continue;
                        }
                    }
                }
            };
            let key = key.expect("set above");
            let note = note_ref.expect("set above");
            let own_note = matches!(n, Some(Ok(_)));
            if own_note && !note.quirks.is_empty() {
                fixes.push(format!("ghi chú lạ ({})", note.quirks.join(", ")));
            }
            let number = match (
                own_note.then(|| note.article.clone()).flatten(),
                a.phapdien.as_deref().and_then(last_part),
            ) {
                (Some(n), _) => n,
                (None, Some(pd_last)) => {
                    fixes.push(format!("số điều {pd_last} lấy theo số Pháp điển"));
                    pd_last
                }
                (None, None) => {
                    built.problems.push(Problem::at(
                        &name,
                        at,
                        "không có số điều trong ghi chú hay tiêu đề: bỏ qua",
                    ));
                    built.counts.skipped += 1;
                    continue;
                }
            };
            let acc = docs.entry(key.clone()).or_insert_with(|| {
                order.push(key.clone());
                Acc {
                    doc_type: note.doc_type,
                    number: note.number.clone(),
                    title: None,
                    signed: None,
                    issuer: None,
                    effective: None,
                    url: None,
                    articles: HashMap::new(),
                    titles: Titles::default(),
                    demuc_titles: Default::default(),
                }
            });
            if let Some(d) = file.demuc.as_ref().filter(|_| !file.title.is_empty()) {
                acc.demuc_titles.entry(d.clone()).or_insert_with(|| file.title.clone());
            }
            if own_note {
                acc.title = acc.title.take().or_else(|| note.title.clone());
                acc.signed = acc.signed.or(note.signed);
                acc.issuer = acc.issuer.take().or_else(|| note.issuer.clone());
                acc.effective = acc.effective.or(note.effective);
            }
            acc.url = acc
                .url
                .take()
                .or_else(|| a.url.as_deref().map(|u| u.split('#').next().unwrap_or(u).to_string()));
            let here = format!("{name} #{}", a.anchor);
            if let Some((kept, _, first)) = acc.articles.get(&number) {
                let same_text = kept.title == a.title && kept.paragraphs == a.paragraphs;
                built.problems.push(Problem::at(
                    &name,
                    at,
                    duplicate_note(&number, &label(acc), first, &here, same_text),
                ));
                built.counts.skipped += 1;
                continue;
            }
            if !fixes.is_empty() {
                built.counts.repaired += 1;
                built.problems.push(Problem::at(
                    &name,
                    at,
                    format!("{}; nhập thành Điều {number} của {}", fixes.join("; "), label(acc)),
                ));
            }
            let meta = ArticleMeta {
                number: number.clone(),
                phapdien: a.phapdien.clone(),
                demuc: file.demuc.clone(),
                anchor: Some(a.anchor.clone()).filter(|s| !s.is_empty()),
                url: a.url.clone(),
                amended_by: if own_note { note.amendments.clone() } else { Vec::new() },
                related: a.related.clone(),
                versions: Vec::new(),
            };
            if a.phapdien.as_deref().is_some_and(headings::is_law_article) {
                if let Some(url) = &a.url {
                    acc.titles.vote(&anchor_path(url), &a.headings);
                }
            }
            let article = Article { number: number.clone(), title: a.title, paragraphs: a.paragraphs };
            acc.articles.insert(number, (article, meta, here));
            built.counts.imported += 1;
        }
    }

    // Documents, merged when two keys give one id (a yearless number seen with and without
    // its ItemID).
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let accs: Vec<Acc> =
        order.iter().map(|key| docs.remove(key).expect("every key in order has an accumulator")).collect();
    let finished: Vec<Document> = accs.into_par_iter().map(|acc| finish(source, acc)).collect();
    for doc in finished {
        match by_id.get(&doc.meta.id) {
            Some(&i) => {
                let target: &mut Document = &mut built.documents[i];
                let mut extra = Vec::new();
                for (art, meta) in pairs(&doc) {
                    if target.article(&art.number).is_some() {
                        built.problems.push(Problem::at(
                            source,
                            format!("{} Điều {}", doc.meta.id, art.number),
                            "điều xuất hiện hai lần trong một văn bản: bỏ qua",
                        ));
                        built.counts.imported -= 1;
                        built.counts.skipped += 1;
                    } else {
                        extra.push((art, meta));
                    }
                }
                let mut all = pairs(target);
                all.extend(extra);
                let n = all.len();
                let mut titles = Titles::default();
                titles.keep(&target.body);
                titles.keep(&doc.body);
                target.meta.articles = Vec::new();
                target.body = body_from(all, &mut target.meta.articles);
                titles.apply(&mut target.body);
                if let Some(p) = target.meta.sources.first_mut() {
                    p.articles = n;
                }
            }
            None => {
                by_id.insert(doc.meta.id.clone(), built.documents.len());
                built.documents.push(doc);
            }
        }
    }
    built
}

fn label(acc: &Acc) -> String {
    match &acc.number {
        Some(n) => format!("{} {}", acc.doc_type.as_vi(), canonicalize(n)),
        None => format!("{} {}", acc.doc_type.as_vi(), acc.title.as_deref().unwrap_or("?")),
    }
}

/// The key of the document a note names.
fn doc_key(n: &Note, url: Option<&str>) -> String {
    match &n.number {
        Some(num) => {
            let c = canonicalize(num);
            if has_year(&c) {
                format!("{}|{}", n.doc_type.slug(), crate::number::key(&c))
            } else {
                let item =
                    url.and_then(|u| ITEM_ID.captures(u)).map(|c| c[1].to_string()).unwrap_or_default();
                format!("{}|{}|{}", n.doc_type.slug(), crate::number::key(&c), item)
            }
        }
        None => format!("{}||{}", n.doc_type.slug(), crate::number::slug(n.title.as_deref().unwrap_or(""))),
    }
}

/// Whether a canonical number carries its year (or is a Party number, which never does).
fn has_year(c: &str) -> bool {
    parts(c).is_some_and(|p| p.year.is_some() || p.shape == Shape::Party)
}

/// "44.13.LQ.1" → "44.13.LQ"; "44.13.NĐ.1.2" → "44.13.NĐ.1".
fn prefix(pd: &str) -> &str {
    pd.rsplit_once('.').map_or(pd, |(p, _)| p)
}

/// The last part of a Pháp điển number if it reads as an article number ("1", "68a").
fn last_part(pd: &str) -> Option<String> {
    let last = pd.rsplit('.').next()?;
    let digits = last.bytes().take_while(|b| b.is_ascii_digit()).count();
    (digits > 0 && last[digits..].chars().all(|c| c.is_lowercase())).then(|| last.to_string())
}

fn demuc_order(f: &DemucFile) -> Vec<u32> {
    f.demuc.as_deref().map(|d| d.split('.').filter_map(|p| p.parse().ok()).collect()).unwrap_or_default()
}

/// Sort key of an article number: "5" < "5a" < "5b" < "5đ" < "6" (Vietnamese letter order).
pub fn article_order(n: &str) -> (u32, Vec<u32>, String) {
    const LETTERS: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    let digits = n.bytes().take_while(|b| b.is_ascii_digit()).count();
    let num = n[..digits].parse().unwrap_or(u32::MAX);
    let rest = &n[digits..];
    let key = rest
        .chars()
        .map(|c| LETTERS.chars().position(|l| l == c).map_or(1000 + c as u32, |p| p as u32))
        .collect();
    (num, key, n.to_string())
}

/// The articles of a document with their metadata records.
pub fn pairs(doc: &Document) -> Vec<(Article, ArticleMeta)> {
    doc.articles()
        .map(|a| {
            let meta = doc
                .meta
                .article(&a.number)
                .cloned()
                .unwrap_or_else(|| ArticleMeta { number: a.number.clone(), ..Default::default() });
            (a.clone(), meta)
        })
        .collect()
}

const KINDS: [DivisionKind; 3] = [DivisionKind::Part, DivisionKind::Chapter, DivisionKind::Section];

/// The Phần, Chương and Mục numbers a vbpl link's anchor gives (`#Chuong_II_Muc_1_Dieu_11`).
fn anchor_divisions(url: &str) -> Option<[Option<String>; 3]> {
    let frag = url.split_once('#').map(|(_, f)| format!("#{f}")).unwrap_or_default();
    let c = DIVISIONS.captures(&frag)?;
    Some([c.get(1), c.get(2), c.get(3)].map(|g| g.map(|g| g.as_str().replace('_', " "))))
}

/// The division path of an article from its vbpl link.
fn anchor_path(url: &str) -> headings::Path {
    let Some(found) = anchor_divisions(url) else { return Vec::new() };
    KINDS.into_iter().zip(found).filter_map(|(k, n)| n.map(|n| (k, n))).collect()
}

/// A body rebuilt from articles: sorted by number, with the divisions their vbpl anchors give.
/// Fills `metas` with the articles' metadata records (those with anything besides a number).
pub fn body_from(mut items: Vec<(Article, ArticleMeta)>, metas: &mut Vec<ArticleMeta>) -> Vec<Block> {
    items.sort_by_cached_key(|(a, _)| article_order(&a.number));
    let mut body = Vec::with_capacity(items.len() + 8);
    let mut cur: [Option<String>; 3] = [None, None, None];
    for (a, m) in items {
        if let Some(url) = &m.url {
            if let Some(found) = anchor_divisions(url) {
                let kinds = KINDS;
                let mut changed = false;
                for i in 0..3 {
                    if changed || (found[i].is_some() && found[i] != cur[i]) {
                        changed = true;
                        cur[i] = found[i].clone();
                        if let Some(n) = &found[i] {
                            body.push(Block::Division(Division {
                                kind: kinds[i],
                                number: n.clone(),
                                title: String::new(),
                            }));
                        }
                    }
                }
            }
        }
        let has_meta = m.phapdien.is_some()
            || m.url.is_some()
            || m.anchor.is_some()
            || !m.amended_by.is_empty()
            || !m.related.is_empty()
            || m.demuc.is_some();
        if has_meta {
            metas.push(m);
        }
        body.push(Block::Article(a));
    }
    body
}

fn finish(source: &str, acc: Acc) -> Document {
    let canonical = acc.number.as_deref().map(canonicalize);
    let year = acc.signed.or(acc.effective).map(|d| d.year);
    let title =
        acc.title.as_deref().map(|t| citation_title(acc.doc_type, t)).unwrap_or_else(|| match &canonical {
            Some(c) => format!("{} {}", acc.doc_type.as_vi(), c),
            None => acc.doc_type.as_vi().to_string(),
        });
    let mut id = doc_id(acc.doc_type, canonical.as_deref(), None, &title, year);
    if let (Some(c), Some(y)) = (&canonical, year) {
        if !has_year(c) {
            id.push_str(&format!("-{y}"));
        }
    }
    let n = acc.articles.len();
    let mut meta = Metadata::new(id, acc.doc_type, title);
    meta.number = acc.number.as_deref().map(|n| n.split_whitespace().collect());
    meta.canonical = canonical;
    meta.issuer = acc.issuer;
    meta.signed = acc.signed;
    meta.effective = acc.effective;
    meta.status = Status::Unknown;
    meta.completeness = Completeness::Partial;
    meta.url = acc.url.clone();
    meta.demuc_titles = acc.demuc_titles;
    meta.sources =
        vec![Provenance { source: source.to_string(), file: None, anchor: None, url: acc.url, articles: n }];
    let items = acc.articles.into_values().map(|(a, m, _)| (a, m)).collect();
    let mut body = body_from(items, &mut meta.articles);
    acc.titles.apply(&mut body);
    Document { meta, body }
}

/// The problem line for an article met a second time (the second is not imported): whether
/// it stood at the very same place of the same file (the dump repeats some articles under one
/// anchor) and whether its text is the same, so that a reader knows if anything was lost.
fn duplicate_note(number: &str, doc: &str, first: &str, here: &str, same_text: bool) -> String {
    let what = match (first == here, same_text) {
        (true, true) => "y hệt tại cùng một chỗ trong tệp nguồn: bỏ qua bản sau".to_string(),
        (true, false) => {
            "tại cùng một chỗ trong tệp nguồn, lời văn khác nhau: giữ bản đầu, bỏ qua bản sau".to_string()
        }
        (false, true) => format!("y hệt (lần đầu tại {first}): bỏ qua bản sau"),
        (false, false) => format!("với lời văn khác nhau (lần đầu tại {first}): giữ bản đầu, bỏ qua bản sau"),
    };
    format!("Điều {number} của {doc} xuất hiện hai lần {what}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_copy_of_an_article_says_where_and_whether_its_text_differs() {
        let (a, b) = ("f.html #1", "f.html #2");
        let rows = [
            (a, a, true, "y hệt tại cùng một chỗ trong tệp nguồn: bỏ qua bản sau"),
            (a, a, false, "tại cùng một chỗ trong tệp nguồn, lời văn khác nhau: giữ bản đầu, bỏ qua bản sau"),
            (a, b, true, "y hệt (lần đầu tại f.html #1): bỏ qua bản sau"),
            (a, b, false, "với lời văn khác nhau (lần đầu tại f.html #1): giữ bản đầu, bỏ qua bản sau"),
        ];
        for (first, here, same, want) in rows {
            let got = duplicate_note("5", "Luật 1/2020/QH14", first, here, same);
            assert!(
                got.starts_with("Điều 5 của Luật 1/2020/QH14 xuất hiện hai lần") && got.ends_with(want),
                "{got}"
            );
        }
    }

    #[test]
    fn article_numbers_sort_in_vietnamese_order() {
        let mut v = vec!["10", "5đ", "5", "5a", "2", "5d", "5b"];
        v.sort_by_key(|n| article_order(n));
        assert_eq!(v, ["2", "5", "5a", "5b", "5d", "5đ", "10"]);
    }

    #[test]
    fn prefixes_and_last_parts() {
        assert_eq!(prefix("44.13.NĐ.1.2"), "44.13.NĐ.1");
        assert_eq!(last_part("35.8.LQ.68a").as_deref(), Some("68a"));
        assert_eq!(last_part("35.8.LQ"), None);
    }
}
