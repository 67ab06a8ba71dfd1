//! The web server behind `cancu serve`: a Vietnamese, server-rendered UI and a JSON API over
//! the knowledge base, in one [`router`]. Pages work without JavaScript (the script in `web/`
//! only enhances them); pages are `maud` templates, so every corpus and user string is
//! HTML-escaped on output ([`html`]); every link to a page is built by [`url`];
//! request bodies, query strings and paging are bounded ([`limits`]); assets are served from
//! memory only ([`assets`]). The corpus and its search index live in a [`Snapshot`] that a
//! reindex swaps atomically under running requests ([`state`]). [`serve`] runs it with
//! bounded connections ([`server`]).
//!
//! Tests drive [`router`] with `tower::ServiceExt::oneshot`, no socket needed.

pub mod assets;
pub mod citations;
pub mod error;
pub mod html;
pub mod library;
pub mod limits;
pub mod query;
pub mod reference;
pub mod render;
pub mod search;
pub mod server;
pub mod state;
pub mod url;

mod api;
mod pages;
mod routes;

pub use error::AppError;
pub use library::Library;
pub use routes::router;
pub use server::{serve, ServerLimits};
pub use state::{Admin, AppState, SearchCache, Snapshot};
