//! Benchmark: imports a Pháp điển dump (default `../shared/corpus/phapdien-2026.zip`) into a
//! temporary corpus and prints wall time per phase and peak memory (VmHWM).
//!
//! `cargo run --release --example bench_import [-- PATH…]`

use std::path::PathBuf;
use std::time::Instant;

fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU seconds (user + system) used by this process so far: the figure that matters on a
/// shared machine, where wall time depends on the neighbours.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat (utime, stime, in clock ticks of 1/100 s) are the 12th and
    // 13th after the ')'.
    let field = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (field(11) + field(12)) / 100.0
}

fn main() {
    let mut sources: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if sources.is_empty() {
        sources.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/phapdien-2026.zip"));
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let (t, c) = (Instant::now(), cpu_s());
    let read = cancu::import::read_sources(&sources, false);
    let (t_read, c_read) = (t.elapsed(), cpu_s() - c);
    let docs = read.documents.len();
    let articles: usize = read.documents.iter().map(|d| d.articles().count()).sum();
    drop(read);
    let (t2, c2) = (Instant::now(), cpu_s());
    let opts = cancu::import::Options { corpus: dir.path().to_path_buf(), progress: false, keep: false };
    let summary = cancu::import::import(&sources, &opts).expect("import");
    let (t_import, c_import) = (t2.elapsed(), cpu_s() - c2);
    let (t3, c3) = (Instant::now(), cpu_s());
    let again = cancu::import::import(&sources, &opts).expect("re-import");
    let (t_again, c_again) = (t3.elapsed(), cpu_s() - c3);
    println!("sources: {}", sources.iter().map(|s| s.display().to_string()).collect::<Vec<_>>().join(", "));
    println!(
        "read + parse + rebuild only: {:.2} s wall, {c_read:.2} s CPU ({docs} documents, {articles} articles)",
        t_read.as_secs_f64()
    );
    println!(
        "full import into an empty corpus: {:.2} s wall, {c_import:.2} s CPU ({} new, {} problems)",
        t_import.as_secs_f64(),
        summary.new,
        summary.problems.len()
    );
    println!(
        "re-import (nothing changes): {:.2} s wall, {c_again:.2} s CPU ({} unchanged)",
        t_again.as_secs_f64(),
        again.unchanged
    );
    println!("peak RSS (VmHWM): {:.0} MiB", peak_rss_mib().unwrap_or(f64::NAN));
    println!("threads: {}", rayon::current_num_threads());
}
