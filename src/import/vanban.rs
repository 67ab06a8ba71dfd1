//! Plain-text original documents importer (under construction by another branch; this
//! placeholder keeps the agreed signature so the import driver can call it).

use crate::model::Document;

/// Parses an original document in plain text. Placeholder: always an error.
pub fn parse(file: &str, _text: &str) -> Result<Document, String> {
    Err(format!("{file}: the plain-text importer is not built yet"))
}
