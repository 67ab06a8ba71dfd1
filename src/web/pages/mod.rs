//! The server-rendered pages, one module each. Pages read the query string with
//! [`super::query::Params`] and answer [`super::error::PageError`] on failure.

pub mod compare;
pub mod document;
pub mod download;
pub mod glossary;
pub mod linker;
pub mod phapdien;
pub mod print;
pub mod search;

use axum::response::Html;

use super::html::layout;

/// `GET /api`: a short guide to the JSON API.
pub async fn api_page() -> Html<String> {
    let rows = [
        (
            "GET",
            "/api/search?q=…&type=&status=&year=&issuer=&demuc=&page=&per_page=",
            "Tìm kiếm: kết quả, đoạn trích, đếm theo nhóm",
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
    let mut body = String::from(
        "<section class=\"prose\"><h1>Giao diện lập trình (API JSON)</h1><p>Mô tả OpenAPI đầy đủ: <a href=\"/api/openapi.json\">/api/openapi.json</a>. Lỗi trả về dạng <code>{\"code\": …, \"message\": …}</code>.</p><table class=\"api\"><thead><tr><th>Phương thức</th><th>Địa chỉ</th><th>Chức năng</th></tr></thead><tbody>",
    );
    for (m, p, d) in rows {
        body.push_str(&format!(
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td></tr>",
            super::html::esc(m),
            super::html::esc(p),
            super::html::esc(d)
        ));
    }
    body.push_str("</tbody></table></section>");
    Html(layout("API", "", &body))
}
