//! Problems and summaries of long jobs (import, index): what happened, counted, and what went
//! wrong, each problem naming its file and, where known, its anchor or line.

use std::fmt;

/// One problem met while reading input: the file (and place in it) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    /// Anchor, line or article inside the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { file: file.into(), at: None, message: message.into() }
    }

    pub fn at(file: impl Into<String>, at: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { file: file.into(), at: Some(at.into()), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{} [{}]: {}", self.file, at, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A progress bar on stderr for `len` steps (hidden when stderr is not a terminal).
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({elapsed})")
            .expect("progress template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// The Vietnamese name of a stage of `cancu import` or `cancu index` (the names their
/// summaries time: [`crate::import::Summary::stages`], [`crate::index::Summary::stages`]);
/// an unknown name is returned as it is.
pub fn stage_vi(name: &str) -> &str {
    match name {
        "read" => "đọc nguồn",
        "corpus" => "đọc kho hiện có",
        "write" => "ghi kho",
        "loading" => "đọc kho",
        "validity" => "hiệu lực",
        "records" => "phân tích văn bản",
        "commit" => "ghi chỉ mục",
        "catalog" => "bảng văn bản",
        "publish" => "công bố",
        "glossary" => "thuật ngữ",
        "extra" => "ghi hiệu lực và đồ thị",
        other => other,
    }
}
