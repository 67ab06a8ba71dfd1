//! One error type for every handler, [`AppError`]: an HTTP status, a stable machine `code`
//! (English snake_case, part of the API contract) and a Vietnamese `message` for people.
//! API routes answer `{"code", "message"}` as JSON; pages wrap it in [`PageError`] and answer
//! an HTML page with the same status. Internal errors never leak paths or details.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error answered to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: &'a str,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> AppError {
        AppError { status, code, message: message.into() }
    }

    /// 400 with a code naming what was wrong.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// 404 for something that does not exist.
    pub fn not_found(message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 404 for an unknown route.
    pub fn no_route() -> AppError {
        AppError::not_found("Không có trang hoặc địa chỉ API này.")
    }

    /// 413 for a body over the limit.
    pub fn too_large() -> AppError {
        AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("Nội dung gửi lên quá lớn (tối đa {} MiB).", super::limits::MAX_BODY / (1024 * 1024)),
        )
    }

    /// 503 for a feature whose data is not available in this build or index.
    pub fn unavailable(code: &'static str, message: impl Into<String>) -> AppError {
        AppError::new(StatusCode::SERVICE_UNAVAILABLE, code, message)
    }

    /// 500; the detail goes to the server log, never to the client.
    pub fn internal(detail: impl std::fmt::Display) -> AppError {
        eprintln!("cancu serve: internal error: {detail}");
        AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Lỗi máy chủ. Vui lòng thử lại sau.")
    }

    /// The JSON body `{"code", "message"}`.
    pub fn json_body(&self) -> String {
        serde_json::to_string(&Body { code: self.code, message: &self.message })
            .expect("error body serializes")
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.message)
    }
}

impl From<crate::Error> for AppError {
    fn from(e: crate::Error) -> AppError {
        match e {
            crate::Error::NotFound(what) => AppError::not_found(format!("Không tìm thấy văn bản: {what}")),
            crate::Error::Query(msg) => {
                AppError::bad_request("bad_query", format!("Truy vấn không hợp lệ: {msg}"))
            }
            other => AppError::internal(other),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (self.status, Json(Body { code: self.code, message: &self.message })).into_response()
    }
}

/// An [`AppError`] answered as an HTML page.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> PageError {
        PageError(e)
    }
}

impl From<crate::Error> for PageError {
    fn from(e: crate::Error) -> PageError {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let e = self.0;
        let title = match e.status.as_u16() {
            404 => "Không tìm thấy",
            400..=499 => "Yêu cầu không hợp lệ",
            _ => "Lỗi máy chủ",
        };
        let body = maud::html! {
            section.error { h1 { (title) } p { (e.message) } p { a href="/" { "Về trang tìm kiếm" } } }
        };
        (e.status, Html(super::html::page(title, body).into_string())).into_response()
    }
}
