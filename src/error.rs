//! The library's error type. Every error names what it is about: a file (and line or
//! anchor), a field, or a query. Its Display texts are read by users (the command line, the
//! web's error messages): they are Vietnamese, an I/O error's cause included ([`io_cause`]).

use std::path::PathBuf;

/// Errors of the cancu library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {}", path.display(), io_cause(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Format { path: PathBuf, message: String },
    #[error("{}: không phải UTF-8 hợp lệ (tại byte {offset})", path.display())]
    Utf8 { path: PathBuf, offset: usize },
    #[error("không tìm thấy văn bản: {0}")]
    NotFound(String),
    #[error("câu tìm không hợp lệ: {0}")]
    Query(String),
    #[error("lỗi chỉ mục: {0}")]
    Index(String),
    #[error("không tải được {url}: {message}")]
    Download { url: String, message: String },
    #[error("không ghi được tệp tải về: {0}")]
    Export(String),
}

/// The cause of an I/O error in Vietnamese: the common kinds by name, any other with the
/// system's own text.
pub fn io_cause(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let what = match e.kind() {
        K::NotFound => "không tìm thấy",
        K::PermissionDenied => "không có quyền truy cập",
        K::AlreadyExists => "đã có",
        K::NotADirectory => "không phải thư mục",
        K::IsADirectory => "là một thư mục",
        K::StorageFull => "hết chỗ trên đĩa",
        K::ReadOnlyFilesystem => "hệ thống tệp chỉ đọc",
        K::UnexpectedEof => "tệp bị cắt cụt",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::TimedOut => "quá thời gian chờ",
        K::ConnectionRefused => "bị từ chối kết nối",
        K::AddrInUse => "địa chỉ đang được dùng",
        _ => return format!("lỗi vào/ra ({e})"),
    };
    // A message of our own (not the system's) says more than the kind.
    match e.get_ref() {
        Some(inner) => format!("{what} ({inner})"),
        None => what.to_string(),
    }
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A format error about `path` (include the line or anchor in `message`).
    pub fn format(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Format { path: path.into(), message: message.into() }
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Index(e.to_string())
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
