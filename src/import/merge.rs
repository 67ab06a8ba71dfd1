//! Merging two versions of one document (same id) into one, keeping every provenance.
//!
//! The rule:
//! - **Provenance**: the union of both `sources`, one entry per (source, file); an entry of
//!   the incoming version replaces the existing entry with the same (source, file), so a
//!   re-import changes nothing. Sorted by source, then file.
//! - **Metadata fields** (number, canonical, title, issuer, dates, url, province): whichever
//!   version has them; when both do, the existing value stays, except that a placeholder
//!   title ("Nghị định 59/2023/NĐ-CP", made up when no source gave a title) gives way to a
//!   real one and a status "chưa rõ" gives way to a known one. Aliases and relations: union.
//! - **Body**: a full text (completeness "toàn văn": vanban-goc, a hand-written file) gives
//!   the structure, and the Pháp điển the wording: an article both hold reads as the Pháp
//!   điển compiles it (the wording in force at the release; an original is as enacted), an
//!   article only the Pháp điển holds goes in by number, one only the full text holds stays
//!   ([`overlay`]); a compiled "article" that is another article's quotation (it closes a
//!   quotation it never opened, under another title) does not replace the enacted one. Either beats metadata only. Two full texts: the one with more articles
//!   (the existing one on a tie). Two partial texts (two Pháp điển releases):
//!   the union of their articles; an article in both takes the text of the newer release
//!   (the release year in the source name, "phapdien-2026"; the incoming one on a tie).
//! - **Per-article metadata** (Pháp điển numbers, notes, links) is kept whichever body wins,
//!   merged by article number with the same newer-release rule.
//! - **Versions**: where two Pháp điển releases meet (two partial texts) and an article of the
//!   older one reads otherwise in the newer one (title or words, spacing aside) or is missing
//!   from it, the article's record keeps both releases' texts (`ArticleMeta::versions`; a
//!   release without the article is marked `absent`). Versions already recorded are kept
//!   (one entry per release, the incoming side's on a tie).

use std::collections::{BTreeMap, HashMap};

use super::phapdien::build::{article_order, body_from, pairs};
use super::phapdien::headings::Titles;
use super::phapdien::release_year;
use crate::model::{Article, ArticleMeta, ArticleVersion, Block, Completeness, Document, Metadata, Status};

fn rank(c: Completeness) -> u8 {
    match c {
        Completeness::Full => 2,
        Completeness::Partial => 1,
        Completeness::MetadataOnly => 0,
    }
}

/// The newest Pháp điển release among a document's sources (0 if none).
fn newest_release(meta: &Metadata) -> u16 {
    meta.sources
        .iter()
        .filter(|s| s.source.starts_with("phapdien"))
        .map(|s| release_year(&s.source))
        .max()
        .unwrap_or(0)
}

/// Whether `title` is the placeholder made up from type and number.
pub(crate) fn placeholder(meta: &Metadata) -> bool {
    meta.title.trim().is_empty()
        || meta.canonical.as_ref().is_some_and(|c| meta.title == format!("{} {}", meta.doc_type.as_vi(), c))
}

/// Merges `incoming` into `existing` (same id). See the module doc for the rule.
pub fn merge(existing: Document, incoming: Document) -> Document {
    let newer = newest_release(&incoming.meta) >= newest_release(&existing.meta);
    let (mut em, ebody) = (existing.meta, existing.body);
    let (im, ibody) = (incoming.meta, incoming.body);

    // Body.
    let (er, ir) = (rank(em.completeness), rank(im.completeness));
    let e_count = ebody.iter().filter(|b| matches!(b, crate::model::Block::Article(_))).count();
    let i_count = ibody.iter().filter(|b| matches!(b, crate::model::Block::Article(_))).count();
    let e_doc = Document { meta: em.clone(), body: ebody };
    let i_doc = Document { meta: im.clone(), body: ibody };
    let mut articles_meta = merge_article_meta(&em.articles, &im.articles, newer);
    if er == 1 && ir == 1 {
        let (old, new) = if newer { (&e_doc, &i_doc) } else { (&i_doc, &e_doc) };
        record_versions(old, new, &mut articles_meta);
    }
    let body = if ir == 2 && er == 1 {
        overlay(i_doc.body, &e_doc)
    } else if er == 2 && ir == 1 {
        overlay(e_doc.body, &i_doc)
    } else if ir > er || (ir == er && ir == 2 && i_count > e_count) {
        i_doc.body
    } else if ir == er && ir == 1 {
        let mut by_number: BTreeMap<String, _> = BTreeMap::new();
        let (first, second) =
            if newer { (pairs(&e_doc), pairs(&i_doc)) } else { (pairs(&i_doc), pairs(&e_doc)) };
        for (a, m) in first.into_iter().chain(second) {
            by_number.insert(a.number.clone(), (a, m));
        }
        let items: Vec<_> = by_number
            .into_values()
            .map(|(a, _)| {
                let m = articles_meta
                    .iter()
                    .find(|m| m.number == a.number)
                    .cloned()
                    .unwrap_or_else(|| ArticleMeta { number: a.number.clone(), ..Default::default() });
                (a, m)
            })
            .collect();
        let mut sink = Vec::new();
        let mut titles = Titles::default();
        titles.keep(&e_doc.body);
        titles.keep(&i_doc.body);
        let mut body = body_from(items, &mut sink);
        titles.apply(&mut body);
        body
    } else {
        e_doc.body
    };
    em.completeness = if ir > er { im.completeness } else { em.completeness };
    em.articles = articles_meta;
    // Đề mục titles: the union, the newer release's title for a đề mục in both.
    for (k, v) in im.demuc_titles.clone() {
        if newer || !em.demuc_titles.contains_key(&k) {
            em.demuc_titles.insert(k, v);
        }
    }

    // Metadata fields.
    if placeholder(&em) && !placeholder(&im) {
        em.title = im.title.clone();
    }
    em.number = em.number.or(im.number);
    em.canonical = em.canonical.or(im.canonical);
    em.issuer = em.issuer.or(im.issuer);
    em.province = em.province.or(im.province);
    em.signed = em.signed.or(im.signed);
    em.effective = em.effective.or(im.effective);
    em.expired = em.expired.or(im.expired);
    em.url = em.url.or(im.url);
    if em.status == Status::Unknown {
        em.status = im.status;
    }
    for a in im.aliases {
        if !em.aliases.contains(&a) {
            em.aliases.push(a);
        }
    }
    for r in im.relations {
        if !em.relations.contains(&r) {
            em.relations.push(r);
        }
    }
    for s in im.sources {
        match em.sources.iter_mut().find(|e| e.source == s.source && e.file == s.file) {
            Some(e) => *e = s,
            None => em.sources.push(s),
        }
    }
    em.sources.sort_by(|a, b| (&a.source, &a.file).cmp(&(&b.source, &b.file)));
    Document { meta: em, body }
}

/// A full text's body with the Pháp điển's wording of every article the Pháp điển compiles:
/// an article in both takes the compiled text (the wording in force at the release, where the
/// full text is as enacted), and a compiled article the full text lacks (a defective original
/// that merged several articles into one) goes in its place by number. The full text keeps
/// its divisions and the articles the Pháp điển does not compile.
fn overlay(full: Vec<Block>, compiled: &Document) -> Vec<Block> {
    let mut by_number: HashMap<&str, &Article> =
        compiled.articles().map(|a| (a.number.as_str(), a)).collect();
    let mut out: Vec<Block> = full
        .into_iter()
        .map(|b| match b {
            Block::Article(a) => match by_number.remove(a.number.as_str()) {
                // A compiled "article" that is the text another article quotes (the Pháp
                // điển 2026 holds, as Điều 51 of Bộ luật 92/2015/QH13, the article of Bộ luật
                // Lao động its Điều 516 rewrites) keeps the full text's own article.
                Some(c) if quoted_from_elsewhere(c) && !same_title(c, &a) => Block::Article(a),
                // …and the amending article it was cut from, left ending on "như sau:", keeps
                // the full text's whole article.
                Some(c) if cut_before_its_quotation(c) && a.paragraphs.len() > c.paragraphs.len() => {
                    Block::Article(a)
                }
                Some(c) => Block::Article(c.clone()),
                None => Block::Article(a),
            },
            other => other,
        })
        .collect();
    let mut rest: Vec<&Article> = by_number.into_values().collect();
    rest.sort_by_cached_key(|a| article_order(&a.number));
    for a in rest {
        let key = article_order(&a.number);
        // After the last article numbered before it; before the first article if none is.
        let at = match out
            .iter()
            .rposition(|b| matches!(b, Block::Article(x) if article_order(&x.number) < key))
        {
            Some(i) => i + 1,
            None => out.iter().position(|b| matches!(b, Block::Article(_))).unwrap_or(out.len()),
        };
        out.insert(at, Block::Article(a.clone()));
    }
    out
}

/// Whether an article's text closes a quotation it never opened (a paragraph ends with "”",
/// and there are more closing than opening quotes): the tail of an amending article's quoted
/// text, cut out as if it were an article of its own (what follows the quotation in the
/// amending article may come with it).
fn quoted_from_elsewhere(a: &Article) -> bool {
    let text = std::iter::once(a.title.as_str()).chain(a.paragraphs.iter().map(String::as_str));
    let (open, close) =
        text.fold((0, 0), |(o, c), p| (o + p.matches('“').count(), c + p.matches('”').count()));
    let closes = |p: &String| {
        let p = p.trim_end();
        p.ends_with('”') || p.ends_with("”.") || p.ends_with("”;")
    };
    close > open && a.paragraphs.iter().any(closes)
}

/// Whether an article ends announcing a quotation that is not there ("… được sửa đổi, bổ
/// sung như sau:" as its last words): its quoted text was cut off as another article.
fn cut_before_its_quotation(a: &Article) -> bool {
    a.paragraphs.last().is_some_and(|p| crate::text::fold(p.trim_end()).ends_with("nhu sau:"))
}

/// Whether two articles have the same title (case and diacritics aside).
fn same_title(a: &Article, b: &Article) -> bool {
    crate::text::fold(a.title.trim()) == crate::text::fold(b.title.trim())
}

/// The newest Pháp điển release among a document's sources, by name ("phapdien-2026").
fn newest_release_name(meta: &Metadata) -> Option<&str> {
    meta.sources
        .iter()
        .filter(|s| s.source.starts_with("phapdien"))
        .max_by_key(|s| release_year(&s.source))
        .map(|s| s.source.as_str())
}

/// Whether two articles read the same (title and words; spacing aside).
fn same_text(a: &Article, b: &Article) -> bool {
    fn words(a: &Article) -> impl Iterator<Item = &str> {
        std::iter::once(a.title.as_str())
            .chain(a.paragraphs.iter().map(String::as_str))
            .flat_map(str::split_whitespace)
    }
    words(a).eq(words(b))
}

fn version(release: &str, a: Option<&Article>) -> ArticleVersion {
    ArticleVersion {
        release: release.to_string(),
        absent: a.is_none(),
        title: a.map(|a| a.title.clone()).unwrap_or_default(),
        text: a.map(Article::text),
    }
}

/// One entry per release: `incoming`'s replace `existing`'s; oldest release first.
fn union_versions(existing: &[ArticleVersion], incoming: &[ArticleVersion]) -> Vec<ArticleVersion> {
    let mut v: Vec<ArticleVersion> =
        existing.iter().filter(|e| !incoming.iter().any(|i| i.release == e.release)).cloned().collect();
    v.extend(incoming.iter().cloned());
    v.sort_by(|a, b| (release_year(&a.release), &a.release).cmp(&(release_year(&b.release), &b.release)));
    v
}

/// Records in `metas` the two releases' texts of every article of `old` (the older release)
/// that `new` (the newer one) words otherwise or lacks.
fn record_versions(old: &Document, new: &Document, metas: &mut Vec<ArticleMeta>) {
    let (Some(ro), Some(rn)) = (newest_release_name(&old.meta), newest_release_name(&new.meta)) else {
        return;
    };
    if release_year(ro) >= release_year(rn) {
        return;
    }
    let mut added = false;
    for a in old.articles() {
        let b = new.article(&a.number);
        if b.is_some_and(|b| same_text(a, b)) {
            continue;
        }
        let pair = [version(ro, Some(a)), version(rn, b)];
        match metas.iter_mut().find(|m| m.number == a.number) {
            Some(m) => m.versions = union_versions(&m.versions, &pair),
            None => {
                metas.push(ArticleMeta {
                    number: a.number.clone(),
                    versions: pair.to_vec(),
                    ..Default::default()
                });
                added = true;
            }
        }
    }
    if added {
        metas.sort_by_cached_key(|m| article_order(&m.number));
    }
}

/// Per-article metadata by number; for a number in both, the newer side's record (with the
/// versions of both).
fn merge_article_meta(
    existing: &[ArticleMeta],
    incoming: &[ArticleMeta],
    incoming_newer: bool,
) -> Vec<ArticleMeta> {
    let mut by: BTreeMap<String, ArticleMeta> = BTreeMap::new();
    let (first, second) = if incoming_newer { (existing, incoming) } else { (incoming, existing) };
    for m in first.iter().chain(second) {
        let mut m = m.clone();
        if let Some(prev) = by.get(&m.number) {
            m.versions = union_versions(&prev.versions, &m.versions);
        }
        by.insert(m.number.clone(), m);
    }
    let mut v: Vec<ArticleMeta> = by.into_values().collect();
    v.sort_by_cached_key(|m| article_order(&m.number));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, DocType, Provenance};

    fn doc(source: &str, c: Completeness, arts: &[(&str, &str)]) -> Document {
        let mut meta = Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật 1/2020/QH14");
        meta.canonical = Some("1/2020/QH14".into());
        meta.completeness = c;
        meta.sources = vec![Provenance { source: source.into(), articles: arts.len(), ..Default::default() }];
        meta.articles = arts
            .iter()
            .map(|(n, _)| ArticleMeta {
                number: n.to_string(),
                phapdien: Some(format!("{source}.{n}")),
                ..Default::default()
            })
            .collect();
        let body = arts
            .iter()
            .map(|(n, t)| {
                Block::Article(Article {
                    number: n.to_string(),
                    title: String::new(),
                    paragraphs: vec![t.to_string()],
                })
            })
            .collect();
        Document { meta, body }
    }

    fn texts(d: &Document) -> Vec<(String, String)> {
        d.articles().map(|a| (a.number.clone(), a.text())).collect()
    }

    #[test]
    fn newer_release_wins_per_article_and_union_is_kept() {
        let old = doc("phapdien-2024", Completeness::Partial, &[("1", "cũ 1"), ("2", "cũ 2")]);
        let new = doc("phapdien-2026", Completeness::Partial, &[("2", "mới 2"), ("3", "mới 3")]);
        let want =
            vec![("1".into(), "cũ 1".into()), ("2".into(), "mới 2".into()), ("3".into(), "mới 3".into())];
        let a = merge(old.clone(), new.clone());
        let b = merge(new.clone(), old.clone());
        assert_eq!(texts(&a), want);
        assert_eq!(texts(&b), want);
        assert_eq!(a.meta.sources.len(), 2);
        assert_eq!(a.meta.article("2").unwrap().phapdien.as_deref(), Some("phapdien-2026.2"));
        assert_eq!(a, b);
        // Idempotent.
        assert_eq!(merge(a.clone(), new), a);
    }

    #[test]
    fn a_compiled_quotation_does_not_replace_the_full_texts_article() {
        // Điều 3 amends Điều 2 of another law, quoting it ("Điều 2 được sửa đổi như sau: “Điều
        // 2. …”"). The compilation holds the quotation as this law's Điều 2 — its text closes a
        // quotation it never opened, under another title — and its Điều 3 ends on "như sau:".
        // The full text's Điều 2 and Điều 3 stay; an amended wording of the same title still
        // wins (regression: Bộ luật 92/2015/QH13 Điều 51 and 516).
        let set = |d: &mut Document, n: &str, title: &str, paras: &[&str]| {
            for b in &mut d.body {
                if let Block::Article(a) = b {
                    if a.number == n {
                        a.title = title.into();
                        a.paragraphs = paras.iter().map(|p| p.to_string()).collect();
                    }
                }
            }
        };
        let mut full = doc("vanban-goc", Completeness::Full, &[("1", "gốc 1"), ("2", "x"), ("3", "x")]);
        set(&mut full, "2", "Nhiệm vụ của Thư ký", &["Thư ký làm việc."]);
        set(
            &mut full,
            "3",
            "Sửa đổi luật khác",
            &[
                "1. Điều 2 được sửa đổi như sau:",
                "“Điều 2. Thẩm quyền",
                "Tòa án có quyền.”",
                "2. Bãi bỏ Điều 7.",
            ],
        );
        let mut compiled =
            doc("phapdien-2026", Completeness::Partial, &[("1", "mới 1"), ("2", "x"), ("3", "x")]);
        set(&mut compiled, "2", "Thẩm quyền", &["Tòa án có quyền.”", "2. Bãi bỏ Điều 7."]);
        set(&mut compiled, "3", "Sửa đổi luật khác", &["1. Điều 2 được sửa đổi như sau:"]);
        let merged = merge(full.clone(), compiled.clone());
        let t = texts(&merged);
        assert_eq!(t[0], ("1".into(), "mới 1".into()));
        assert_eq!(t[1], ("2".into(), "Thư ký làm việc.".into()));
        assert!(t[2].1.ends_with("2. Bãi bỏ Điều 7."), "{}", t[2].1);
        assert_eq!(merge(compiled.clone(), full.clone()), merged);
        // The enacted title: an amended wording of the article, which wins as before.
        let mut amended = compiled.clone();
        set(&mut amended, "2", "Nhiệm vụ của Thư ký", &["Thư ký làm việc mới.”"]);
        assert_eq!(texts(&merge(full, amended))[1].1, "Thư ký làm việc mới.”");
    }

    /// (release, absent, text) of each version.
    type Versions = Vec<(String, bool, Option<String>)>;

    fn versions(d: &Document, n: &str) -> Versions {
        d.meta
            .article(n)
            .map(|m| m.versions.iter().map(|v| (v.release.clone(), v.absent, v.text.clone())).collect())
            .unwrap_or_default()
    }

    #[test]
    fn releases_that_differ_keep_both_texts() {
        let v = |r: &str, absent: bool, t: Option<&str>| (r.to_string(), absent, t.map(String::from));
        let old = doc(
            "phapdien-2024",
            Completeness::Partial,
            &[("1", "cũ 1"), ("2", "cũ 2"), ("4", "giữ  nguyên")],
        );
        let new = doc(
            "phapdien-2026",
            Completeness::Partial,
            &[("2", "mới 2"), ("3", "mới 3"), ("4", "giữ nguyên")],
        );
        // (article, its versions): changed, gone from the newer release, new, same words.
        let table: [(&str, Versions); 4] = [
            ("1", vec![v("phapdien-2024", false, Some("cũ 1")), v("phapdien-2026", true, None)]),
            ("2", vec![v("phapdien-2024", false, Some("cũ 2")), v("phapdien-2026", false, Some("mới 2"))]),
            ("3", vec![]),
            ("4", vec![]),
        ];
        for m in [merge(old.clone(), new.clone()), merge(new.clone(), old.clone())] {
            for (n, want) in &table {
                assert_eq!(&versions(&m, n), want, "Điều {n}");
            }
            // Kept when the newer release is imported again, and when a full text wins.
            let again = merge(m.clone(), new.clone());
            assert_eq!(versions(&again, "2"), table[1].1);
            let mut full = doc("vanban-goc", Completeness::Full, &[("1", "gốc 1"), ("2", "gốc 2")]);
            full.meta.articles.clear();
            let with_full = merge(m.clone(), full);
            assert_eq!(versions(&with_full, "1"), table[0].1);
            // The Pháp điển's wording stays the article's text; the original gives structure.
            assert_eq!(with_full.article("2").unwrap().text(), "mới 2");
            // Skeletons keep which releases differ, not their texts.
            let sk = with_full.skeleton();
            assert_eq!(
                versions(&sk, "2"),
                vec![v("phapdien-2024", false, None), v("phapdien-2026", false, None)]
            );
        }
        // One release only: nothing to compare.
        assert!(versions(&merge(new.clone(), new.clone()), "2").is_empty());
    }

    #[test]
    fn full_text_gives_the_structure_and_the_phapdien_the_wording() {
        // Regression: an original text replaced the Pháp điển's, showing an amended article as
        // enacted, and a defective original (Điều 3 swallowing Điều 4) lost an article.
        let pd = doc("phapdien-2026", Completeness::Partial, &[("2", "pháp điển 2"), ("4", "pháp điển 4")]);
        let mut full = doc(
            "vanban-goc",
            Completeness::Full,
            &[("1", "gốc 1"), ("2", "gốc 2"), ("3", "gốc 3 và 4"), ("5", "gốc 5")],
        );
        full.meta.articles.clear();
        full.meta.title = "Luật thử nghiệm".into();
        for (a, b) in [(pd.clone(), full.clone()), (full.clone(), pd.clone())] {
            let m = merge(a, b);
            assert_eq!(m.meta.completeness, Completeness::Full);
            let got: Vec<(String, String)> = texts(&m);
            let want = [
                ("1", "gốc 1"),
                ("2", "pháp điển 2"),
                ("3", "gốc 3 và 4"),
                ("4", "pháp điển 4"),
                ("5", "gốc 5"),
            ];
            assert_eq!(got, want.map(|(n, t)| (n.to_string(), t.to_string())));
        }
        let m = merge(pd, full);
        assert_eq!(m.meta.article("2").unwrap().phapdien.as_deref(), Some("phapdien-2026.2"));
        assert_eq!(m.meta.title, "Luật thử nghiệm");
        assert_eq!(
            m.meta.sources.iter().map(|s| s.source.as_str()).collect::<Vec<_>>(),
            ["phapdien-2026", "vanban-goc"]
        );
    }
}
