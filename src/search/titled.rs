//! Articles whose whole title the question says: "Nhiệm vụ, quyền hạn của Bộ Y tế trong hoạt
//! động khắc phục hậu quả bom mìn …" names the title of the decree's article on that
//! ministry word for word, "Kỳ kế toán của nghiệp vụ kế toán thi hành án dân sự …" the
//! title "Kỳ kế toán"; BM25 ranks such an article far down when its neighbours repeat the
//! question's other words (the document's subject) in their bodies. In the documents with
//! the most first-stage evidence (a title as short as "Kỳ kế toán" is found in many others),
//! the articles whose title is a run of the question's words (two words or more, compared
//! folded) join the second stage's candidates ([`super::rerank`]), and every candidate so
//! titled has the feature `titled`: the IDF-weighted share of the question's content
//! syllables its title holds.

use std::collections::{HashMap, HashSet};

use tantivy::DocAddress;

use super::rerank::{title_match, Columns, Question};
use crate::glossary::key;

/// How many documents are looked into: those with the largest summed first-stage scores
/// (relative to the best hit) among the candidates.
pub const DOCUMENTS: usize = 3;

/// Most articles added to the candidates of one question.
pub const ADDED: usize = 3;

/// Fewest words of a title looked for.
pub const MIN_WORDS: usize = 2;

/// The question's words by run, folded ([`key`]): what titles are compared with.
pub fn folded(runs: &[Vec<String>]) -> Vec<Vec<String>> {
    runs.iter().map(|r| r.iter().map(|w| key(w)).collect()).collect()
}

/// Whether the title whose folded form ([`key`]) is `title_key` is a run of the words of
/// `runs` ([`folded`]).
pub fn said(runs: &[Vec<String>], title_key: &str) -> bool {
    let n = title_key.split(' ').filter(|w| !w.is_empty()).count();
    n >= MIN_WORDS
        && runs.iter().any(|r| {
            r.windows(n)
                .any(|w| w.iter().zip(title_key.split(' ').filter(|w| !w.is_empty())).all(|(a, b)| a == b))
        })
}

/// The `titled` feature of an article titled `title` (folded: `title_key`) for `q`: the
/// share of the question's content its title holds if the question says the whole title,
/// else 0.
pub fn feature(q: &Question, runs: &[Vec<String>], title: &str, title_key: &str) -> f32 {
    if said(runs, title_key) {
        title_match(q, title)[0]
    } else {
        0.0
    }
}

/// The articles to add to `head` (the candidates, best first-stage score first): those of
/// the [`DOCUMENTS`] documents with the most evidence in `head` whose whole title the
/// question says, not in `head` nor `pinned`, best [`feature`] first, at most [`ADDED`];
/// each with its score in `first` (the first stage's list, best first) or the lowest score
/// of `first`.
pub fn added(
    q: &Question,
    runs: &[Vec<String>],
    columns: &Columns,
    head: &[(f32, DocAddress)],
    pinned: &[(f32, DocAddress)],
    first: &[(f32, DocAddress)],
) -> Vec<(f32, DocAddress)> {
    let best = head.iter().map(|(s, _)| *s).fold(f32::MIN, f32::max).max(f32::EPSILON);
    let mut evidence: HashMap<u64, f32> = HashMap::new();
    for (s, a) in head {
        if let Some(c) = columns.candidate(*a, *s) {
            *evidence.entry(c.doc).or_default() += s / best;
        }
    }
    let mut docs: Vec<(u64, f32)> = evidence.into_iter().collect();
    docs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // A document has up to hundreds of articles: the candidates are a set, and a title is
    // compared with the question's runs only when its first word is one of theirs.
    let taken: HashSet<DocAddress> = head.iter().chain(pinned).map(|(_, a)| *a).collect();
    let words: HashSet<&str> = runs.iter().flatten().map(String::as_str).collect();
    let mut found: Vec<(f32, DocAddress)> = Vec::new();
    for (doc, _) in docs.iter().take(DOCUMENTS) {
        for a in columns.articles(*doc) {
            if taken.contains(a) {
                continue;
            }
            let Some(k) = columns.title_key(*a) else { continue };
            if !k.split(' ').find(|w| !w.is_empty()).is_some_and(|w| words.contains(w)) || !said(runs, k) {
                continue;
            }
            let Some(c) = columns.candidate(*a, 0.0) else { continue };
            found.push((title_match(q, &c.title)[0], *a));
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let floor = first.last().map_or(0.0, |(s, _)| *s);
    found
        .into_iter()
        .take(ADDED)
        .map(|(_, a)| (first.iter().find(|(_, f)| *f == a).map_or(floor, |(s, _)| *s), a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_the_question_says() {
        // (question, title) → said
        let rows = [
            (
                "nhiệm vụ quyền hạn của bộ y tế trong hoạt động khắc phục",
                "Nhiệm vụ, quyền hạn của Bộ Y tế",
                true,
            ),
            ("ky ke toan cua nghiep vu ke toan", "Kỳ kế toán", true),
            ("kỳ kế toán của nghiệp vụ", "Kế toán trưởng", false),
            // One word is not enough.
            ("nộp thuế thu nhập", "Thuế", false),
            // The words must follow each other.
            ("nhiệm vụ và quyền hạn của bộ y tế", "Nhiệm vụ, quyền hạn của Bộ Y tế", false),
        ];
        for (question, title, want) in rows {
            let runs = folded(&[question.split(' ').map(str::to_string).collect()]);
            assert_eq!(said(&runs, &key(title)), want, "{question} / {title}");
        }
    }
}
