//! Validity of a document, as the Vietnamese portals state it.

use serde::{Deserialize, Serialize};

/// Whether a document is in force. Unknown is said, never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "còn hiệu lực")]
    InForce,
    #[serde(rename = "hết hiệu lực một phần")]
    PartlyRepealed,
    #[serde(rename = "hết hiệu lực")]
    Repealed,
    #[serde(rename = "chưa có hiệu lực")]
    NotYetInForce,
    #[default]
    #[serde(rename = "chưa rõ")]
    Unknown,
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::InForce, Status::PartlyRepealed, Status::Repealed, Status::NotYetInForce, Status::Unknown];

    /// The Vietnamese label (also the serialized form).
    pub fn as_vi(self) -> &'static str {
        match self {
            Status::InForce => "còn hiệu lực",
            Status::PartlyRepealed => "hết hiệu lực một phần",
            Status::Repealed => "hết hiệu lực",
            Status::NotYetInForce => "chưa có hiệu lực",
            Status::Unknown => "chưa rõ",
        }
    }

    /// A short ASCII code for URLs and filters.
    pub fn code(self) -> &'static str {
        match self {
            Status::InForce => "in_force",
            Status::PartlyRepealed => "partly_repealed",
            Status::Repealed => "repealed",
            Status::NotYetInForce => "not_yet",
            Status::Unknown => "unknown",
        }
    }

    /// Reads a label or code, with or without diacritics.
    pub fn parse(s: &str) -> Option<Status> {
        let f = crate::text::fold(s.trim());
        Status::ALL.into_iter().find(|st| crate::text::fold(st.as_vi()) == f || st.code() == f)
    }
}

/// The one reading of a status filter, shared by the command line (clap's `value_parser`)
/// and the web's query structs: a label or code, with or without diacritics; the error is
/// the Vietnamese message shown to users.
impl std::str::FromStr for Status {
    type Err = String;
    fn from_str(s: &str) -> Result<Status, String> {
        Status::parse(s).ok_or_else(|| {
            format!(
                "Tình trạng hiệu lực không hợp lệ: “{}” (ví dụ: in_force, repealed, còn hiệu lực).",
                s.trim()
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn reads_labels_and_codes() {
        let rows =
            [("in_force", Some(Status::InForce)), ("het hieu luc", Some(Status::Repealed)), ("x", None)];
        for (text, want) in rows {
            assert_eq!(text.parse::<Status>().ok(), want, "{text}");
        }
    }
}
