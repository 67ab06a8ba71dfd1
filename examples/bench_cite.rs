//! Citation extractor throughput: MB/s over the article text (`p.pNoiDung`) of the Pháp điển
//! dump, on one core. Run: `cargo run --release --example bench_cite [-- ZIP]`
//! (default `../shared/corpus/phapdien-2026.zip`).

use std::io::Read;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/phapdien-2026.zip".into());
    let file = std::fs::File::open(&path).map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
    let mut zip = zip::ZipArchive::new(file)?;
    let mut articles: Vec<String> = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        if !entry.name().ends_with(".html") {
            continue;
        }
        let mut html = String::new();
        entry.read_to_string(&mut html)?;
        articles.extend(article_texts(&html));
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut found = 0;
    for _ in 0..3 {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        found = 0;
        for a in &articles {
            found += cancu::cite::extract(a).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let mb = bytes as f64 / 1e6;
    println!("{path}: {} articles, {mb:.1} MB of article text, {found} citations", articles.len());
    println!("extract: {best:.2} s wall (best of 3, one thread) = {:.1} MB/s", mb / best);
    if best_cpu.is_finite() {
        // On a shared machine the wall time includes waiting for a core; CPU time does not.
        println!("extract: {best_cpu:.2} s CPU (best of 3) = {:.1} MB/s per core", mb / best_cpu);
    }
    Ok(())
}

/// User + system CPU seconds of this process (Linux `/proc/self/stat`, 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The text of every `p.pNoiDung` (up to the next classed paragraph), tags stripped crudely:
/// paragraph and row boundaries become line breaks, a few entities are decoded.
fn article_texts(html: &str) -> Vec<String> {
    const OPEN: &str = "class='pNoiDung'>";
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(OPEN) {
        let body = &rest[i + OPEN.len()..];
        let end = body.find("<p class=").unwrap_or(body.len());
        out.push(strip(&body[..end]));
        rest = &body[end..];
    }
    out
}

fn strip(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let mut tag = String::new();
    for c in s.chars() {
        match (in_tag, c) {
            (false, '<') => {
                in_tag = true;
                tag.clear();
            }
            (true, '>') => {
                in_tag = false;
                let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or("");
                if matches!(name, "p" | "br" | "tr" | "div") && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            (true, c) => tag.push(c),
            (false, c) => out.push(c),
        }
    }
    out.replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}
