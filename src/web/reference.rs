//! Resolving a reference string ("khoản 2 Điều 5 Luật 10/2022/QH15", "NĐ 59/2023/NĐ-CP điều
//! 3", "Điều 8 Luật Thực hiện dân chủ ở cơ sở") to a document and, where pinpointed, an
//! article, clause and point with their anchor — for `/api/resolve` and the print view.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::error::AppError;
use super::library::Library;
use crate::model::{DocType, Document};
use crate::text::{fold, normalize};

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d+[a-zđ]?(?:\s*/\s*\d{4})?\s*[/-]\s*[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*")
        .expect("number pattern")
});
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bdieu\s+(\d+[a-z]?)\b").expect("article pattern"));
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bkhoan\s+(\d+)\b").expect("clause pattern"));
// Points are read from the unfolded text: "điểm đ" and "điểm d" differ.
static POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bđiểm\s+([a-zđ])(?:\s|$|,|\))").expect("point pattern"));

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The document id.
    pub id: String,
    /// "Luật 10/2022/QH15".
    pub label: String,
    pub title: String,
    pub doc_type: DocType,
    pub number: Option<String>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// The anchor in the document page (`dieu-5-khoan-2-diem-đ`), if pinpointed.
    pub anchor: Option<String>,
    /// The document page, with the anchor.
    pub url: String,
}

fn type_word(folded: &str) -> Option<DocType> {
    // Longest name first: "nghi quyet lien tich" before "nghi quyet", "bo luat" before "luat".
    let mut types: Vec<DocType> = DocType::ALL.to_vec();
    types.sort_by_key(|t| std::cmp::Reverse(t.as_vi().len()));
    types.into_iter().find(|t| {
        let name = fold(t.as_vi());
        folded.match_indices(&name).any(|(i, _)| {
            let before = folded[..i].chars().next_back();
            let after = folded[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Resolves `text` against the library.
pub fn resolve(lib: &Library, text: &str) -> Result<Resolved, AppError> {
    let text = normalize(text);
    let folded = fold(&text);
    let doc_type = type_word(&folded);
    let doc = find_doc(lib, &text, &folded, doc_type)?;
    let article = ARTICLE.captures(&folded).map(|c| c[1].to_string());
    let (clause, point) = match &article {
        Some(_) => {
            let clause = CLAUSE.captures(&folded).map(|c| c[1].to_string());
            let point = clause.as_ref().and(POINT.captures(&text)).map(|c| c[1].to_lowercase());
            (clause, point)
        }
        None => (None, None),
    };
    if let Some(a) = &article {
        if doc.article(a).is_none() {
            return Err(AppError::not_found(format!(
                "{} không có Điều {a} trong kho dữ liệu.",
                doc.meta.label()
            )));
        }
    }
    let anchor = article.as_deref().map(|a| crate::structure::anchor(a, clause.as_deref(), point.as_deref()));
    let mut url = format!("/van-ban/{}", doc.meta.id);
    if let Some(a) = &anchor {
        url.push('#');
        url.push_str(a);
    }
    Ok(Resolved {
        id: doc.meta.id.clone(),
        label: doc.meta.label(),
        title: doc.meta.title.clone(),
        doc_type: doc.meta.doc_type,
        number: doc.meta.canonical.clone(),
        article,
        clause,
        point,
        anchor,
        url,
    })
}

fn find_doc<'a>(
    lib: &'a Library,
    text: &str,
    folded: &str,
    doc_type: Option<DocType>,
) -> Result<&'a Document, AppError> {
    for m in NUMBER.find_iter(text) {
        let number = crate::number::canonicalize(m.as_str());
        let found = lib.by_number(&number);
        let typed: Vec<&Document> =
            found.iter().copied().filter(|d| doc_type.is_none_or(|t| d.meta.doc_type == t)).collect();
        match (typed.len(), found.len()) {
            (1, _) => return Ok(typed[0]),
            (0, 1) => return Ok(found[0]),
            (0, 0) => continue,
            _ => {
                let labels: Vec<String> = found.iter().map(|d| d.meta.label()).collect();
                return Err(AppError::new(
                    axum::http::StatusCode::CONFLICT,
                    "ambiguous_reference",
                    format!(
                        "Số hiệu {number} ứng với nhiều văn bản: {}. Hãy ghi rõ loại văn bản.",
                        labels.join("; ")
                    ),
                ));
            }
        }
    }
    // By name: the longest document title the reference contains (with its type word).
    let best = lib
        .documents()
        .iter()
        .filter(|d| doc_type.is_none_or(|t| d.meta.doc_type == t))
        .filter_map(|d| {
            let title = fold(&d.meta.title);
            let name = title
                .strip_prefix(&fold(d.meta.doc_type.as_vi()))
                .map(str::trim)
                .unwrap_or(&title)
                .to_string();
            (name.chars().count() >= 6 && folded.contains(&name)).then_some((name.len(), d))
        })
        .max_by_key(|(len, _)| *len);
    match best {
        Some((_, d)) => Ok(d),
        None => Err(AppError::not_found("Không tìm thấy văn bản được dẫn chiếu trong kho dữ liệu.")),
    }
}
