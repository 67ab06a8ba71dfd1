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
    let d = content_mask(q, doc_title);
    let t = content_mask(q, title);
    [idf_share(q, d), idf_share(q, d | t)]
}
