//! The route table and the layers around it: body limit, timeout, security headers, and a last layer that turns any bare error response (a 405, a 408 from the
//! timeout, a 413 from the body limit, a path the extractor refused) into the standard
//! `{code, message}` JSON under `/api` or an HTML error page elsewhere.

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use super::error::{AppError, PageError};
use super::limits::{MAX_BODY, REINDEX_TIMEOUT, REQUEST_TIMEOUT};
use super::state::AppState;
use super::{api, assets, pages};

/// The whole application: UI pages, JSON API and assets. Concurrency is bounded outside the
/// router: connections by [`super::server`], the CPU-bound posts (cite, link, the linker
/// page, reindex) by one global semaphore ([`AppState::heavy`]) whose queue is inside the
/// request timeout.
pub fn router(state: AppState) -> Router {
    let public = Router::new()
        .route("/", get(pages::search::page))
        // The Vietnamese name users type for the search page.
        .route("/tim-kiem", get(pages::search::page))
        .route("/van-ban/{id}", get(pages::download::document_or_docx))
        .route("/van-ban/{id}/dieu/{n}", get(pages::document::article_redirect))
        .route("/phap-dien", get(pages::phapdien::index))
        .route("/thuat-ngu", get(pages::glossary::page_handler))
        .route("/phap-dien/{demuc}", get(pages::phapdien::demuc))
        .route("/lien-ket", get(pages::linker::form_page).post(pages::linker::submit))
        .route("/lien-ket.docx", post(pages::linker::docx))
        .route("/lien-ket.md", post(pages::linker::markdown))
        .route("/in", get(pages::print::page))
        .route("/so-sanh", get(pages::compare::page))
        .route("/api/versions", get(pages::compare::api))
        .route("/in.docx", get(pages::print::docx))
        .route("/api", get(pages::api_page))
        .route("/static/{name}", get(assets::static_file))
        .route("/favicon.svg", get(assets::favicon))
        .route("/favicon.ico", get(assets::favicon))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/health", get(api::health))
        .route("/api/search", get(api::search_api))
        .route("/api/resolve", get(api::resolve_api))
        .route("/api/glossary", get(api::glossary_api))
        .route("/api/documents/{id}", get(api::document_api))
        .route("/api/documents/{id}/links", get(api::links_api))
        .route("/api/documents/{id}/articles/{n}", get(api::article_api))
        .route("/api/documents/{id}/articles/{n}/links", get(api::article_links_api))
        .route("/api/cite", post(api::cite_api))
        .route("/api/link", post(api::link_api))
        .fallback(fallback)
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT));
    // The reindex waits for a whole rebuild: it has a timeout of its own.
    let admin = Router::new()
        .route("/api/admin/reindex", post(api::reindex_api))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REINDEX_TIMEOUT));
    public
        .merge(admin)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(middleware::from_fn(finish))
        .with_state(state)
}

async fn fallback(req: Request) -> Response {
    if is_api(req.uri().path()) {
        AppError::no_route().into_response()
    } else {
        PageError(AppError::no_route()).into_response()
    }
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The standard error for a bare status.
fn bare_error(status: StatusCode) -> AppError {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::too_large(),
        StatusCode::REQUEST_TIMEOUT => {
            AppError::new(status, "timeout", "Yêu cầu xử lý quá lâu và đã bị dừng.")
        }
        StatusCode::METHOD_NOT_ALLOWED => {
            AppError::new(status, "method_not_allowed", "Phương thức HTTP không được hỗ trợ ở địa chỉ này.")
        }
        StatusCode::NOT_FOUND => AppError::no_route(),
        s if s.is_client_error() => AppError::new(s, "bad_request", "Yêu cầu không hợp lệ."),
        s => AppError::new(s, "internal", "Lỗi máy chủ. Vui lòng thử lại sau."),
    }
}

async fn finish(req: Request, next: Next) -> Response {
    let api = is_api(req.uri().path());
    let mut res = next.run(req).await;
    let status = res.status();
    let typed = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json") || t.starts_with("text/html"));
    if (status.is_client_error() || status.is_server_error()) && !typed {
        let e = bare_error(status);
        let allow = res.headers().get(header::ALLOW).cloned();
        res = if api { e.into_response() } else { PageError(e).into_response() };
        if let Some(a) = allow {
            res.headers_mut().insert(header::ALLOW, a);
        }
    }
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    res
}
