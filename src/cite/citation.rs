//! The reading of one citation: its exact span in the input and what it says.

use serde::Serialize;

use crate::model::{Date, DocType};

/// A pinpoint inside the cited document: Điều, khoản, điểm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pinpoint {
    /// Original article number ("23"); `None` for a pinpoint with no Điều ("khoản 2 Điều này"
    /// keeps the article; "điểm a khoản 1" alone has none).
    pub article: Option<String>,
    /// Khoản number ("4").
    pub clause: Option<String>,
    /// Điểm letter ("đ").
    pub point: Option<String>,
}

/// One reference to a document, read from text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Exact surface string (`input[start..end]`).
    pub text: String,
    /// Byte offsets into the input as given (not the normalized text).
    pub start: usize,
    pub end: usize,
    pub doc_type: Option<DocType>,
    /// Normalized number as written ("11-QĐ/TW" stays "11-QĐ/TW"), or `None`.
    pub number: Option<String>,
    /// The date written next to the reference.
    pub date: Option<Date>,
    /// "năm 2022" alone.
    pub year: Option<u16>,
    /// The issuing body as written, whitespace collapsed ("Bộ Chính trị (khóa VIII)").
    pub issuer: Option<String>,
    /// The name of a document cited without a number ("Thực hiện dân chủ ở cơ sở").
    pub name: Option<String>,
    /// The pinpoint, if any, as read.
    pub pinpoint: Option<Pinpoint>,
    /// A reference to the citing document itself ("Luật này", "khoản 1 Điều này").
    pub self_ref: bool,
    /// The resolved document id, if resolution found it for certain.
    pub target: Option<String>,
    /// How the target was found; `None` before resolution or when nothing fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<super::Confidence>,
    /// The documents that fit an ambiguous citation, best first (ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// For a reference named inside another one (the base law inside "Luật sửa đổi, bổ sung
    /// một số điều của Luật …"): the index of the enclosing citation in the same list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<usize>,
    /// For a short name defined in the text ("(sau đây gọi là Luật PPP)") and used later: the
    /// index, in the same list, of the citation that defined it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias_of: Option<usize>,
}
