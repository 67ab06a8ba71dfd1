//! The server-rendered pages, one module each, on maud templates ([`super::html`]). Pages
//! read the query string as a typed struct ([`super::query::Typed`]; the print view and the
//! linker with [`super::query::Params`]) and answer [`super::error::PageError`] on failure.

pub mod compare;
pub mod document;
pub mod download;
pub mod glossary;
pub mod linker;
pub mod phapdien;
pub mod print;
pub mod search;

use axum::response::Html;

use super::html::{html, page};

/// `GET /api`: a short guide to the JSON API.
pub async fn api_page() -> Html<String> {
    let rows = [
        (
            "GET",
            "/api/search?q=…&type=&status=&year=&issuer=&demuc=&page=&per_page=&nhom=",
            "Tìm kiếm: kết quả, đoạn trích, đếm theo nhóm; “not_found” khi số hiệu không có trong kho",
        ),
        ("GET", "/api/documents/{id}", "Một văn bản: siêu dữ liệu và nội dung"),
        ("GET", "/api/documents/{id}/articles/{n}", "Một điều, với các khoản, điểm và neo"),
        ("GET", "/api/documents/{id}/links", "Quan hệ, dẫn chiếu đi và được trích dẫn bởi"),
        ("GET", "/api/resolve?ref=…", "Chuỗi dẫn chiếu → văn bản, điều, khoản, điểm"),
        ("GET", "/api/versions?a={id}:{n}", "Các phiên bản của một điều (Pháp điển) và phần chữ thêm, bớt"),
        ("GET", "/api/glossary?q=&limit=", "Thuật ngữ pháp lý: định nghĩa và điều khoản định nghĩa"),
        ("POST", "/api/cite", "Văn bản {\"text\"} → các trích dẫn"),
        ("POST", "/api/link", "Kế hoạch {\"text\"} → trích dẫn, nguồn theo mục, cảnh báo"),
        ("GET", "/api/health", "Tình trạng máy chủ"),
    ];
    let body = html! {
        section.prose {
            h1 { "Giao diện lập trình (API JSON)" }
            p {
                "Mô tả OpenAPI đầy đủ: " a href="/api/openapi.json" { "/api/openapi.json" }
                ". Lỗi trả về dạng " code { "{\"code\": …, \"message\": …}" } "."
            }
            table.api {
                thead { tr { th { "Phương thức" } th { "Địa chỉ" } th { "Chức năng" } } }
                tbody {
                    @for (m, p, d) in rows { tr { td { (m) } td { code { (p) } } td { (d) } } }
                }
            }
        }
    };
    Html(page("API", body).into_string())
}
