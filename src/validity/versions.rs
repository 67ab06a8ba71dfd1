//! Versions of an article: its text in each Pháp điển release where the releases differ, and
//! the word-level comparison of two of them. The texts are recorded when the releases meet at
//! import ([`crate::import::merge`], kept in the corpus as `ArticleMeta::versions`); this module
//! compares them ([`diff_words`], with the `similar` crate) and gives the API its answer
//! ([`of_article`]). A release that lacks an article is a version too ("absent") and only a
//! hint: a dump may miss a file, so it is never proof of repeal and never changes a status.

use serde::Serialize;

use crate::model::{ArticleVersion, Document};

/// What a piece of the comparison is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// In both texts.
    Equal,
    /// Only in the newer text (added).
    Insert,
    /// Only in the older text (removed).
    Delete,
}

/// One piece of a comparison: consecutive words (with the spaces between them) of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Op {
    pub op: OpKind,
    pub text: String,
}

/// The word-level comparison of `old` and `new`: the `equal` and `delete` pieces in order
/// spell `old`, the `equal` and `insert` pieces spell `new`.
pub fn diff_words(old: &str, new: &str) -> Vec<Op> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_secs(1))
        .diff_words(old, new);
    let mut out: Vec<Op> = Vec::new();
    for c in diff.iter_all_changes() {
        let op = match c.tag() {
            similar::ChangeTag::Equal => OpKind::Equal,
            similar::ChangeTag::Insert => OpKind::Insert,
            similar::ChangeTag::Delete => OpKind::Delete,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(c.value()),
            _ => out.push(Op { op, text: c.value().to_string() }),
        }
    }
    out
}

/// An article's versions and the comparison of the oldest with the newest release that has
/// it: what `GET /api/versions` answers.
#[derive(Debug, Clone, Serialize)]
pub struct Versions {
    /// `<document id>:<article number>`.
    pub article_id: String,
    pub document: String,
    /// "Luật 10/2022/QH15".
    pub label: String,
    pub article: String,
    /// Oldest release first.
    pub versions: Vec<ArticleVersion>,
    /// The release compared from and to (`from` = `to` when one release lacks the article).
    pub from: String,
    pub to: String,
    /// Title then text of `from` against those of `to`; empty when a release lacks the article.
    pub diff: Vec<Op>,
    /// How to read a missing article (Vietnamese, for the user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a release that lacks an article means (the hint, never a repeal).
pub const ABSENT_NOTE: &str = "Điều này không có trong bản Pháp điển mới hơn. Đây chỉ là dấu hiệu (bản tải về có thể thiếu tệp), không phải căn cứ cho thấy điều này đã bị bãi bỏ.";

/// Title and body as one text: the title on the first line.
fn full_text(v: &ArticleVersion) -> String {
    match (&v.title, &v.text) {
        (t, Some(b)) if !t.is_empty() => format!("{t}\n{b}"),
        (_, Some(b)) => b.clone(),
        (t, None) => t.clone(),
    }
}

/// The versions of article `number` of `doc` (whose texts are loaded), or `None` when the
/// corpus holds only one.
pub fn of_article(doc: &Document, number: &str) -> Option<Versions> {
    let m = doc.meta.article(number)?;
    let present: Vec<&ArticleVersion> = m.versions.iter().filter(|v| !v.absent && v.text.is_some()).collect();
    if m.versions.len() < 2 || present.is_empty() {
        return None;
    }
    let (from, to) = (present[0], present[present.len() - 1]);
    let absent = m.versions.iter().any(|v| v.absent);
    let diff = if std::ptr::eq(from, to) { Vec::new() } else { diff_words(&full_text(from), &full_text(to)) };
    Some(Versions {
        article_id: format!("{}:{}", doc.meta.id, number),
        document: doc.meta.id.clone(),
        label: doc.meta.label(),
        article: number.to_string(),
        versions: m.versions.clone(),
        from: from.release.clone(),
        to: to.release.clone(),
        diff,
        note: absent.then(|| ABSENT_NOTE.to_string()),
    })
}

/// The articles of `doc` that have versions (their numbers, in the order of the records).
pub fn articles_with_versions(doc: &Document) -> Vec<&str> {
    doc.meta.articles.iter().filter(|m| m.versions.len() > 1).map(|m| m.number.as_str()).collect()
}

/// How many articles of `docs` have versions: (worded otherwise, absent from a newer release).
pub fn count(docs: &[Document]) -> (usize, usize) {
    let mut changed = 0;
    let mut absent = 0;
    for m in docs.iter().flat_map(|d| &d.meta.articles).filter(|m| m.versions.len() > 1) {
        if m.versions.iter().any(|v| v.absent) {
            absent += 1;
        } else {
            changed += 1;
        }
    }
    (changed, absent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleMeta, DocType, Metadata};

    fn spell(ops: &[Op], skip: OpKind) -> String {
        ops.iter().filter(|o| o.op != skip).map(|o| o.text.as_str()).collect()
    }

    #[test]
    fn word_diff_table() {
        use OpKind::*;
        // (old, new, expected pieces)
        type Row<'a> = (&'a str, &'a str, &'a [(OpKind, &'a str)]);
        let table: &[Row] = &[
            ("a b c", "a b c", &[(Equal, "a b c")]),
            (
                "Cơ quan thu thuế phải trả lời trong 10 ngày",
                "Cơ quan thu thuế phải trả lời trong 15 ngày làm việc",
                &[
                    (Equal, "Cơ quan thu thuế phải trả lời trong "),
                    (Delete, "10"),
                    (Insert, "15"),
                    (Equal, " ngày"),
                    (Insert, " làm việc"),
                ],
            ),
            ("bỏ cả câu này", "", &[(Delete, "bỏ cả câu này")]),
            ("", "thêm mới", &[(Insert, "thêm mới")]),
        ];
        for (old, new, want) in table {
            let got = diff_words(old, new);
            let got: Vec<(OpKind, &str)> = got.iter().map(|o| (o.op, o.text.as_str())).collect();
            assert_eq!(&got, want, "{old} → {new}");
        }
    }

    #[test]
    fn pieces_spell_both_texts() {
        let old = "1. Người lao động có quyền:\na) Làm việc;\nb) Nghỉ ngơi.";
        let new = "1. Người lao động có các quyền sau đây:\na) Làm việc, tự do chọn việc;\nc) Đình công.";
        let ops = diff_words(old, new);
        assert_eq!(spell(&ops, OpKind::Insert), old);
        assert_eq!(spell(&ops, OpKind::Delete), new);
    }

    fn doc(versions: Vec<ArticleVersion>) -> Document {
        let mut meta = Metadata::new("luat-1-2020-qh14", DocType::Luat, "Luật thử");
        meta.canonical = Some("1/2020/QH14".into());
        meta.articles = vec![ArticleMeta { number: "3".into(), versions, ..Default::default() }];
        Document { meta, body: Vec::new() }
    }

    fn v(release: &str, title: &str, text: Option<&str>) -> ArticleVersion {
        ArticleVersion {
            release: release.into(),
            absent: text.is_none(),
            title: title.into(),
            text: text.map(String::from),
        }
    }

    #[test]
    fn article_versions_and_their_comparison() {
        let d = doc(vec![
            v("phapdien-2024", "Quyền", Some("được nghỉ")),
            v("phapdien-2026", "Quyền", Some("được nghỉ phép")),
        ]);
        let got = of_article(&d, "3").unwrap();
        assert_eq!(got.article_id, "luat-1-2020-qh14:3");
        assert_eq!((got.from.as_str(), got.to.as_str()), ("phapdien-2024", "phapdien-2026"));
        assert_eq!(got.diff.last().unwrap(), &Op { op: OpKind::Insert, text: " phép".into() });
        assert!(got.note.is_none());
        assert_eq!(articles_with_versions(&d), ["3"]);

        // Gone from the newer release: both versions, no comparison, the hint said as a hint.
        let gone = doc(vec![v("phapdien-2024", "Quyền", Some("được nghỉ")), v("phapdien-2026", "", None)]);
        let got = of_article(&gone, "3").unwrap();
        assert!(got.diff.is_empty());
        assert_eq!(got.from, got.to);
        assert!(got.note.as_deref().unwrap().contains("không phải căn cứ"));
        assert_eq!(count(&[d.clone(), gone]), (1, 1));

        // One version, an unknown article, texts not loaded: nothing to compare.
        assert!(of_article(&doc(vec![v("phapdien-2026", "Quyền", Some("x"))]), "3").is_none());
        assert!(of_article(&d, "4").is_none());
        let skeleton = d.skeleton();
        assert!(of_article(&skeleton, "3").is_none());
    }
}
