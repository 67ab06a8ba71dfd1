//! Tải về: the answers that are files. `GET /van-ban/{id}.docx` (a document as a Word file;
//! the router's `/van-ban/{id}` comes here first and hands every other id to the document
//! page), and [`answer`], the one way a download is answered (type and
//! `Content-Disposition`). The print selection's and the linker's downloads are in
//! [`super::print`] and [`super::linker`].

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::export;
use crate::model::Date;
use crate::web::api::document;
use crate::web::error::{AppError, PageError};
use crate::web::pages::document::DocParams;
use crate::web::query::Typed;
use crate::web::state::AppState;

/// A download answer: the bytes with their type and `Content-Disposition` (file `name`).
pub fn answer(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, export::content_disposition(name)),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /van-ban/{id}`: `<id>.docx` is the Word file of document `id`; anything else the
/// document page.
pub async fn document_or_docx(
    State(state): State<AppState>,
    Path(id): Path<String>,
    params: Result<Typed<DocParams>, AppError>,
) -> Response {
    match id.strip_suffix(".docx") {
        Some(id) => match document_docx(state, id).await {
            Ok(r) => r,
            Err(e) => e.into_response(),
        },
        None => super::document::page_handler(State(state), Path(id), params).await.into_response(),
    }
}

/// The Word file of document `id`: metadata block, headings, text.
async fn document_docx(state: AppState, id: &str) -> Result<Response, PageError> {
    let snap = state.snapshot();
    let d = document(&snap, id)?;
    let name = format!("{}.docx", export::file_stem(&d.meta));
    let bytes = state
        .heavy(move || {
            let today = Date::today();
            export::docx::document(&d, &super::print::status_line(&snap, &d, today), today)
        })
        .await?
        .map_err(AppError::internal)?;
    Ok(answer(bytes, export::DOCX_TYPE, &name))
}
