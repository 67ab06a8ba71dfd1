//! Original documents as published in plain text (the `vanban-goc` collection): issuer,
//! national motto, number, place and date, type and title in upper case, the "Căn cứ"
//! preamble, Phần/Chương/Mục/Tiểu mục, Điều with their khoản and điểm, and the closing
//! words and signature. [`parse`] turns one such file into a [`Document`].
//!
//! Conventions: the title includes the type word and is written as citations write it
//! ("Bộ luật Lao động", "Luật Tiếp cận thông tin"; see [`title`]); the preamble becomes
//! [`Block::Paragraph`]s before the first division; the closing words ("Luật này đã được
//! Quốc hội … thông qua ngày …") and the signature are dropped (their date is the fallback
//! signing date), so that the corpus file reads back as the same document.

mod body;
mod header;
mod lines;
pub mod title;

use crate::model::{Completeness, Document, Metadata, Provenance, Status};
use crate::number::{canonicalize, doc_id, parts};

/// The provenance source name of this collection.
pub const SOURCE: &str = "vanban-goc";

/// Parses one plain-text original document. `file` names it in messages and in the
/// provenance (the zip member, e.g. `2021/bo-luat-lao-dong.txt`). An `Err` says what is
/// missing or wrong ("no document type line …").
pub fn parse(file: &str, text: &str) -> Result<Document, String> {
    let lines = lines::clean(text);
    if lines.is_empty() {
        return Err(format!("{file}: tệp rỗng"));
    }
    let head = header::read(&lines).map_err(|e| format!("{file}: {e}"))?;
    let body = body::read(&lines[head.rest_start..]).map_err(|e| format!("{file}: {e}"))?;

    let number = head.number.clone();
    let canonical = number.as_deref().map(canonicalize).filter(|c| parts(c).is_some());
    if number.is_some() && canonical.is_none() {
        return Err(format!("{file}: số hiệu {:?} không có dạng nào đã biết", number.unwrap_or_default()));
    }
    let signed = head.signed.or(body.passed);
    if canonical.is_none() && signed.is_none() {
        return Err(format!("{file}: không thấy số hiệu hay ngày ban hành ở phần đầu văn bản"));
    }
    let year = signed.map(|d| d.year).or_else(|| canonical.as_deref().and_then(parts).and_then(|p| p.year));
    let id = doc_id(head.doc_type, canonical.as_deref(), None, &head.title, year);
    let mut meta = Metadata::new(id, head.doc_type, head.title);
    meta.number = number.map(|n| crate::text::normalize(&n).into_owned());
    meta.canonical = canonical;
    meta.issuer = head.issuer;
    meta.signed = signed;
    meta.effective = body.effective;
    meta.status = Status::Unknown;
    meta.completeness = Completeness::Full;
    meta.sources = vec![Provenance {
        source: SOURCE.to_string(),
        file: Some(file.to_string()),
        anchor: None,
        url: None,
        articles: body.articles,
    }];
    Ok(Document { meta, body: body.blocks })
}

/// Article numbers a parsed document skips ("Điều 47 missing after Điều 46"): published
/// texts lose a heading now and then, and its text then stays in the article before. The
/// import reports these as problems.
pub fn gaps(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev: Option<u32> = None;
    for a in doc.articles() {
        let digits: String = a.number.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = digits.parse::<u32>() else { continue };
        if let Some(p) = prev {
            if n > p + 1 {
                let missing = if n == p + 2 {
                    format!("Điều {}", p + 1)
                } else {
                    format!("Điều {}–{}", p + 1, n - 1)
                };
                out.push(format!("thiếu {missing} sau Điều {p}"));
            }
        }
        prev = Some(n);
    }
    out
}

#[cfg(test)]
mod tests;
