//! The document's title as evidence for a question's answer: "Trách nhiệm của Bộ Khoa học
//! và Công nghệ về quản lý và phát triển công nghiệp an ninh" is answered in the decree on
//! "công nghiệp an ninh", not by the articles titled for that ministry in a dozen other
//! documents; BM25 weighs a document's title little (it is part of the context zone, beside
//! the headings), and the article-title features of [`super::rerank`] see only the article's
//! own title. Two features: the IDF-weighted share of the question's content syllables the
//! document's title holds (`doc_title`), and the share the article's and the document's
//! titles hold together (`covered`: the question's subject in one, its domain in the other).

use super::rerank::{content_mask, idf_share, Question};

/// The `doc_title` and `covered` features of an article titled `title` in a document titled
/// `doc_title`.
pub fn features(q: &Question, title: &str, doc_title: &str) -> [f32; 2] {
    features_of(q, content_mask(q, title), content_mask(q, doc_title))
}

/// [`features`] of titles already scanned: `title` and `doc_title` are their
/// [`content_mask`]s (a document's title is scanned once for all its candidates).
pub fn features_of(q: &Question, title: u128, doc_title: u128) -> [f32; 2] {
    [idf_share(q, doc_title), idf_share(q, doc_title | title)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::question::Intent;

    #[test]
    fn the_document_title_holds_the_domain() {
        // Every content syllable weighs 1 here: the question has 9 distinct ones (trach,
        // nhiem, cua, bo, cong, an, ve, nghiep, ninh).
        let run: Vec<(String, bool, f32)> = "trách nhiệm của bộ công an về công nghiệp an ninh"
            .split(' ')
            .map(|w| (w.to_string(), false, 1.0))
            .collect();
        let q = Question::new(&[run], &|_| 1.0, Intent::Responsibility);
        // (article title, document title) → (doc_title, covered)
        let rows: &[(&str, &str, [f32; 2])] = &[
            // The ministry in the article, the domain in the document.
            ("Trách nhiệm của Bộ Công an", "Nghị định quy định về công nghiệp an ninh", [5.0 / 9.0, 1.0]),
            // The ministry's article of another document: its title says nothing of the domain.
            ("Trách nhiệm của Bộ Công an", "Luật Cư trú", [0.0, 6.0 / 9.0]),
            // In capitals.
            ("", "NGHỊ ĐỊNH VỀ CÔNG NGHIỆP AN NINH", [5.0 / 9.0, 5.0 / 9.0]),
            // Written without diacritics: only the words typed without them are read
            // ("an", "ninh"; `rerank::Question`).
            ("", "NGHI DINH VE CONG NGHIEP AN NINH", [2.0 / 9.0, 2.0 / 9.0]),
            ("", "", [0.0, 0.0]),
        ];
        for (title, doc, want) in rows {
            let got = features(&q, title, doc);
            assert!(got.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-5), "{title} / {doc}: {got:?}");
        }
    }
}
