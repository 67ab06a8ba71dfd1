//! Downloading a source by URL (`cancu import https://…`): the official Pháp điển zip is
//! fetched into a local file with a progress bar, resumed after an interruption and
//! checksummed, then imported like any file.
//!
//! The rule: the file is written to `<dir>/<name>.part` while it downloads (`name` is the
//! last segment of the URL's path) and renamed to `<dir>/<name>` when complete. A `.part`
//! left by an interrupted download is resumed with an HTTP `Range` request: a server that
//! answers 206 sends the rest, one that answers 200 sends the whole file again (the part is
//! restarted). The SHA-256 of the complete file is computed as it is written (the resumed
//! part is read back first) so that the user can compare it with the published one. HTTP and
//! HTTPS (rustls, Mozilla's roots) through `ureq`; errors name the URL and the HTTP status.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// What a download produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Downloaded {
    /// The complete file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// The bytes already there from an interrupted download (0 when it started afresh).
    pub resumed_from: u64,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
}

/// Whether a source names a URL to download rather than a local path.
pub fn is_url(source: &str) -> bool {
    let s = source.trim_start();
    ["http://", "https://"].iter().any(|p| s.len() > p.len() && s[..p.len()].eq_ignore_ascii_case(p))
}

/// The local file name for `url`: the last segment of its path (query and fragment cut),
/// reduced to safe characters; "phapdien.zip" when the path has none.
pub fn file_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let last = path.split_once('/').map_or("", |(_, p)| p).rsplit('/').next().unwrap_or("");
    let decoded = percent_decode(last);
    let last = decoded.rsplit(['/', '\\']).next().unwrap_or("");
    let safe: String = last
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    let safe = safe.trim_start_matches('.').to_string();
    if safe.is_empty() {
        "phapdien.zip".to_string()
    } else {
        safe
    }
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn failed(url: &str, message: impl Into<String>) -> Error {
    Error::Download { url: url.to_string(), message: message.into() }
}

/// Downloads `url` into the directory `dir` (created if needed), resuming a `.part` file an
/// interrupted download left there; `progress` shows a progress bar on stderr.
pub fn download(url: &str, dir: &Path, progress: bool) -> Result<Downloaded> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let path = dir.join(file_name(url));
    let part = dir.join(format!("{}.part", file_name(url)));
    let have = std::fs::metadata(&part).map(|m| m.len()).unwrap_or(0);

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(30)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        // A stalled transfer fails (and is resumed by the next run) rather than hanging.
        .timeout_per_read(Some(Duration::from_secs(60)))
        .build()
        .into();
    let mut request = agent.get(url).header("User-Agent", concat!("cancu/", env!("CARGO_PKG_VERSION")));
    if have > 0 {
        request = request.header("Range", format!("bytes={have}-"));
    }
    let response = request.call().map_err(|e| failed(url, format!("không kết nối được ({e})")))?;
    let status = response.status().as_u16();
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let length: Option<u64> = header("content-length").and_then(|v| v.trim().parse().ok());
    let (resumed_from, total) = match status {
        206 if have > 0 => {
            // "bytes START-END/TOTAL": the rest must start where the part ends.
            let range = header("content-range").unwrap_or_default();
            let start: Option<u64> = range
                .strip_prefix("bytes ")
                .and_then(|r| r.split('-').next())
                .and_then(|s| s.trim().parse().ok());
            if start != Some(have) {
                return Err(failed(
                    url,
                    format!("máy chủ gửi phần tiếp theo không khớp ({range:?}, đã có {have} byte)"),
                ));
            }
            (have, length.map(|l| l + have))
        }
        200 => (0, length),
        416 if have > 0 => {
            // The part is already the whole file (or longer than it): start again.
            std::fs::remove_file(&part).map_err(|e| Error::io(&part, e))?;
            return download(url, dir, progress);
        }
        s => {
            let reason = response.status().canonical_reason().unwrap_or("");
            return Err(failed(url, format!("máy chủ trả lời HTTP {s} {reason}").trim_end().to_string()));
        }
    };

    let mut hasher = Sha256::new();
    let mut file = if resumed_from > 0 {
        let mut f = File::open(&part).map_err(|e| Error::io(&part, e))?;
        std::io::copy(&mut f, &mut hasher).map_err(|e| Error::io(&part, e))?;
        OpenOptions::new().append(true).open(&part).map_err(|e| Error::io(&part, e))?
    } else {
        File::create(&part).map_err(|e| Error::io(&part, e))?
    };

    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::no_length(),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, còn {eta})",
        )
        .expect("progress template")
        .progress_chars("=> "),
    );
    bar.set_message("đang tải");
    bar.set_position(resumed_from);
    if !progress {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }

    let mut body = response.into_body().into_reader();
    let mut buf = vec![0u8; 1 << 16];
    let mut written = resumed_from;
    loop {
        let n = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                bar.abandon();
                let _ = file.flush();
                return Err(failed(
                    url,
                    format!(
                        "tải bị ngắt sau {written} byte ({e}); chạy lại lệnh để tải tiếp từ {}",
                        part.display()
                    ),
                ));
            }
        };
        file.write_all(&buf[..n]).map_err(|e| Error::io(&part, e))?;
        hasher.update(&buf[..n]);
        written += n as u64;
        bar.set_position(written);
    }
    file.sync_all().map_err(|e| Error::io(&part, e))?;
    drop(file);
    bar.finish_and_clear();
    if let Some(t) = total {
        if written != t {
            return Err(failed(
                url,
                format!(
                    "tải bị ngắt: nhận {written} trên {t} byte; chạy lại lệnh để tải tiếp từ {}",
                    part.display()
                ),
            ));
        }
    }
    std::fs::rename(&part, &path).map_err(|e| Error::io(&path, e))?;
    let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(Downloaded { path, bytes: written, resumed_from, sha256 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_file_names() {
        // (source, is a URL, local file name)
        let rows = [
            ("https://phapdien.moj.gov.vn/Pages/BoPhapDien.zip", true, "BoPhapDien.zip"),
            ("HTTP://example.org/a/phapdien-2026.zip?x=1#y", true, "phapdien-2026.zip"),
            ("https://example.org/t%E1%BA%A3i/ph%C3%A1p%20%C4%91i%E1%BB%83n.zip", true, "pháp_điển.zip"),
            ("https://example.org/", true, "phapdien.zip"),
            ("https://example.org", true, "phapdien.zip"),
            ("https://example.org/../..", true, "phapdien.zip"),
            ("https://example.org/a/..%2F..%2Fetc", true, "etc"),
            ("../shared/corpus/phapdien-2026.zip", false, "phapdien.zip"),
            ("https://", false, "phapdien.zip"),
        ];
        for (src, url, name) in rows {
            assert_eq!(is_url(src), url, "{src}");
            if url {
                assert_eq!(file_name(src), name, "{src}");
            }
        }
    }
}
