//! Tải về: a document, a print selection or a linker result as a file to download. [`docx`]
//! writes Word files (with the `docx-rs` crate): the metadata block, Phần/Chương/Mục/Điều as
//! Word heading styles, each article heading ("Điều 1. …") in one text run so that Word's
//! search finds it. This module holds what every download and the print view share: the
//! metadata block of a document ([`metadata_rows`], with the status and its evidence), and
//! the HTTP `Content-Disposition` of a download ([`content_disposition`]: an ASCII file name
//! and the UTF-8 one of RFC 5987).

pub mod docx;

use crate::link::warn::vi_date;
use crate::model::{Date, Metadata, Status};
use crate::validity::Validity;

/// The media type of a Word file.
pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The media type of a Markdown file.
pub const MARKDOWN_TYPE: &str = "text/markdown; charset=utf-8";

/// A document's status at a date and what establishes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub status: Status,
    /// The date it holds at.
    pub at: Date,
    /// What establishes it, in Vietnamese ("theo Điều 220 Bộ luật 45/2019/QH14 (thay thế):
    /// “…”"), or the metadata's `status_source`; empty when nothing does.
    pub evidence: Vec<String>,
}

impl StatusLine {
    /// The status of `m` at `at`: the validity records' when they know it (with their
    /// evidence), else the metadata's (with its source).
    pub fn of(records: Option<&Validity>, m: &Metadata, at: Date) -> StatusLine {
        let s = records.map(|v| v.status_at(&m.id, at)).unwrap_or_default();
        // What the status cannot say (a document past the latest source, or past the data),
        // last.
        let caveat = s.caveat.iter().map(|c| format!("lưu ý: {c}"));
        if s.status != Status::Unknown {
            let evidence = s
                .evidence
                .iter()
                .map(|e| {
                    let art = e.article.as_deref().map(|a| format!("Điều {a} ")).unwrap_or_default();
                    format!("theo {art}{} ({}): “{}”", e.label, e.kind.as_vi(), e.quote)
                })
                .chain(caveat)
                .collect();
            return StatusLine { status: s.status, at, evidence };
        }
        let evidence = m.status_source.iter().map(|s| format!("nguồn: {s}")).chain(caveat).collect();
        StatusLine { status: m.status, at, evidence }
    }
}

/// The metadata block of a document as the print view and the Word files show it: (label,
/// value) rows, those without a value left out; `stamp` is the last row ("Ngày tải" or
/// "Ngày in" and its date).
pub fn metadata_rows(
    m: &Metadata,
    status: &StatusLine,
    stamp: (&'static str, Date),
) -> Vec<(&'static str, String)> {
    let mut rows: Vec<(&'static str, String)> = Vec::new();
    if let Some(n) = &m.canonical {
        rows.push(("Số hiệu", n.clone()));
    }
    rows.push(("Loại văn bản", m.doc_type.as_vi().to_string()));
    if let Some(i) = &m.issuer {
        rows.push(("Cơ quan ban hành", i.clone()));
    }
    if let Some(d) = m.signed {
        rows.push(("Ngày ban hành", vi_date(d)));
    }
    if let Some(d) = m.effective {
        rows.push(("Ngày có hiệu lực", vi_date(d)));
    }
    if let Some(d) = m.expired {
        rows.push(("Ngày hết hiệu lực", vi_date(d)));
    }
    rows.push((
        "Tình trạng hiệu lực",
        format!("{} (tại ngày {})", status.status.as_vi(), vi_date(status.at)),
    ));
    if !status.evidence.is_empty() {
        rows.push(("Căn cứ xác định tình trạng", status.evidence.join("; ")));
    }
    let mut sources: Vec<String> = Vec::new();
    for p in &m.sources {
        let name = crate::model::source_name(&p.source);
        if !sources.contains(&name) {
            sources.push(name);
        }
    }
    if let Some(u) = &m.url {
        sources.push(format!("bản chính thức: {u}"));
    }
    if !sources.is_empty() {
        rows.push(("Nguồn", sources.join("; ")));
    }
    rows.push((stamp.0, vi_date(stamp.1)));
    rows
}

/// The `Content-Disposition` of a download named `name` (an extension included): an ASCII
/// `filename` (diacritics folded, anything but letters, digits, `.`, `-` and `_` made a dash)
/// and the exact name as RFC 5987 `filename*`.
pub fn content_disposition(name: &str) -> String {
    let mut ascii = String::with_capacity(name.len());
    for c in crate::text::fold(name).chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' };
        if !(c == '-' && ascii.ends_with('-')) {
            ascii.push(c);
        }
    }
    let ascii = ascii.trim_matches('-');
    let ascii = if ascii.is_empty() || ascii.starts_with('.') { "tai-ve" } else { ascii };
    let mut utf8 = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') {
            utf8.push(b as char);
        } else {
            utf8.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{utf8}")
}

/// A file name for a document's download: its label, with what a file name cannot hold
/// made a dash ("Nghị định 59-2023-NĐ-CP").
pub fn file_stem(m: &Metadata) -> String {
    let label = m.label();
    let stem: String = label
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    if stem.trim().is_empty() {
        m.id.clone()
    } else {
        stem.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocType;

    #[test]
    fn content_disposition_has_an_ascii_name_and_the_utf8_one() {
        let rows = [
            (
                "Nghị định 59-2023-NĐ-CP.docx",
                "attachment; filename=\"nghi-dinh-59-2023-nd-cp.docx\"; filename*=UTF-8''Ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2059-2023-N%C4%90-CP.docx",
            ),
            ("luat-10-2022-qh15.docx", "attachment; filename=\"luat-10-2022-qh15.docx\"; filename*=UTF-8''luat-10-2022-qh15.docx"),
            ("\"; x=\r\n.docx", "attachment; filename=\"x-.docx\"; filename*=UTF-8''%22%3B%20x%3D%0D%0A.docx"),
            ("", "attachment; filename=\"tai-ve\"; filename*=UTF-8''"),
        ];
        for (name, want) in rows {
            assert_eq!(content_disposition(name), want, "{name:?}");
        }
    }

    #[test]
    fn metadata_rows_say_status_evidence_source_and_date() {
        let mut m = Metadata::new("luat-x", DocType::Luat, "Thử");
        m.canonical = Some("1/2020/QH14".into());
        m.issuer = Some("Quốc hội".into());
        m.signed = "2020-06-01".parse().ok();
        m.status = Status::InForce;
        m.status_source = Some("Điều 9 Luật 1/2020/QH14".into());
        let at: Date = "2026-11-30".parse().unwrap();
        let s = StatusLine::of(None, &m, at);
        let rows = metadata_rows(&m, &s, ("Ngày tải", at));
        let want: Vec<(&str, &str)> = vec![
            ("Số hiệu", "1/2020/QH14"),
            ("Loại văn bản", "Luật"),
            ("Cơ quan ban hành", "Quốc hội"),
            ("Ngày ban hành", "01/06/2020"),
            ("Tình trạng hiệu lực", "còn hiệu lực (tại ngày 30/11/2026)"),
            ("Căn cứ xác định tình trạng", "nguồn: Điều 9 Luật 1/2020/QH14"),
            ("Ngày tải", "30/11/2026"),
        ];
        assert_eq!(rows.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>(), want);
        assert_eq!(file_stem(&m), "Luật 1-2020-QH14");
    }
}
