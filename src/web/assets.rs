//! The static assets (CSS, script, icon) from the repository's `web/` folder, compiled into
//! the binary. Served from memory by exact name: no request path ever reaches the file system.

use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use include_dir::{include_dir, Dir};

use super::error::AppError;

static WEB: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/web");

/// The asset called `name` (a plain file name, no folders), with its content type.
pub fn get(name: &str) -> Option<(&'static [u8], &'static str)> {
    if name.is_empty()
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        || name.starts_with('.')
    {
        return None;
    }
    let file = WEB.get_file(name)?;
    let mime = match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    Some((file.contents(), mime))
}

fn respond(name: &str) -> Response {
    match get(name) {
        Some((bytes, mime)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
            ],
            bytes,
        )
            .into_response(),
        None => super::error::PageError(AppError::not_found("Không có tệp này.")).into_response(),
    }
}

/// `GET /static/{name}`.
pub async fn static_file(Path(name): Path<String>) -> Response {
    respond(&name)
}

/// `GET /favicon.svg` and `/favicon.ico`.
pub async fn favicon() -> Response {
    respond("favicon.svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_only_embedded_names() {
        assert!(get("style.css").is_some());
        for bad in ["../Cargo.toml", "..", ".hidden", "a/b", "/etc/passwd", "%2e%2e", ""] {
            assert!(get(bad).is_none(), "{bad}");
        }
    }
}
