//! Growth curve (issue 15): builds synthetic corpora of k × the Pháp điển and prints, for each
//! k, the build time (index, catalog, validity, glossary, graph: `kb::build`, as `cancu index`),
//! the index size on disk, peak RSS and the in-process query latency p50 / p99.
//!
//! `cargo run --release --example bench_growth -- [--work DIR] [--mult 1,3,10] [--runs N]`
//!
//! The corpus is `WORK/corpus` (imported from `../shared/corpus/phapdien-2026.zip` when
//! empty). Copy 0 is the real corpus; copy c ≥ 1 of each document gets a new id and number
//! (the serial prefixed with c) and each paragraph and title its own words shuffled (a fixed
//! seed per copy): the real vocabulary and word frequencies, in new documents. Each k runs in
//! a child process (`--one k`), so its peak RSS is its own. Queries: the distinct dev queries
//! of `../shared/eval/queries.tsv`, each `--runs` times (default 10), without and with facets.

#[allow(dead_code)]
#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cancu::model::{Block, Document};
use cancu::search::{Query, Searcher};

fn peak_rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// xorshift64*: a fixed-seed generator, enough to shuffle words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle(&mut self, s: &str) -> String {
        let mut w: Vec<&str> = s.split_whitespace().collect();
        for i in (1..w.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            w.swap(i, j);
        }
        w.join(" ")
    }
}

/// Copy `c` (≥ 1) of `doc`: new id and number, words shuffled.
fn copy_of(doc: &Document, c: usize) -> Document {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (c as u64 * 0x1000_0001));
    let mut d = doc.clone();
    d.meta.id = format!("{}-x{c}", d.meta.id);
    let renumber = |n: &str| format!("{c}{n}");
    d.meta.number = d.meta.number.as_deref().map(renumber);
    d.meta.canonical = d.meta.canonical.as_deref().map(renumber);
    d.meta.aliases.clear();
    d.meta.relations.clear();
    d.meta.title = rng.shuffle(&d.meta.title);
    for b in &mut d.body {
        match b {
            Block::Article(a) => {
                a.title = rng.shuffle(&a.title);
                for p in &mut a.paragraphs {
                    *p = rng.shuffle(p);
                }
            }
            Block::Paragraph { text } => *text = rng.shuffle(text),
            Block::Division(_) => {}
        }
    }
    d
}

fn queries(shared: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(shared.join("eval/queries.tsv")).expect("queries.tsv");
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().skip(1) {
        if let Some(q) = line.split('\t').nth(1).filter(|q| !q.is_empty()) {
            if !out.iter().any(|o| o == q) {
                out.push(q.to_string());
            }
        }
    }
    out
}

/// One multiplier, in this process: prints one line of JSON.
fn one(k: usize, corpus: &Path, work: &Path, runs: usize) {
    let t = Instant::now();
    let loaded = cancu::corpus::store::load_dir(corpus).expect("load corpus");
    let mut docs = loaded.documents;
    let n = docs.len();
    for c in 1..k {
        let copies: Vec<Document> = docs[..n].iter().map(|d| copy_of(d, c)).collect();
        docs.extend(copies);
    }
    let made = t.elapsed();
    let articles: usize = docs.iter().map(|d| d.articles().count()).sum();
    let text_bytes: usize = docs
        .iter()
        .flat_map(|d| d.articles())
        .map(|a| a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum();
    let index = work.join(format!("index-{k}"));
    let _ = std::fs::remove_dir_all(&index);
    let loaded = cancu::corpus::Loaded { documents: docs, ..Default::default() };
    let t = Instant::now();
    let built = cancu::kb::build(&loaded, None, &index, &Default::default()).expect("build");
    let build = t.elapsed();
    let rss_build = peak_rss_mib();
    drop(loaded);
    let searcher = Searcher::open(&index).expect("open index");
    let qs = queries(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    for q in &qs {
        let _ = searcher.search(&Query::new(q.as_str())).expect("search"); // warm the page cache
    }
    let (mut plain, mut facets): (Vec<Duration>, Vec<Duration>) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        for q in &qs {
            let s = Instant::now();
            let _ = searcher.search(&Query::new(q.as_str())).expect("search");
            plain.push(s.elapsed());
            let s = Instant::now();
            let _ = searcher.search(&Query::new(q.as_str()).with_facets()).expect("search");
            facets.push(s.elapsed());
        }
    }
    let line = serde_json::json!({
        "k": k,
        "documents": built.index.documents,
        "articles": articles,
        "text_mb": text_bytes as f64 / 1e6,
        "copy_seconds": made.as_secs_f64(),
        "build_seconds": build.as_secs_f64(),
        "graph_seconds": built.graph.elapsed.as_secs_f64(),
        "stages": built.index.stages.iter().map(|(s, d)| format!("{s} {:.1}", d.as_secs_f64())).collect::<Vec<_>>(),
        "index_mb": built.index.bytes as f64 / 1e6,
        "peak_rss_mib": rss_build,
        "queries": plain.len(),
        "p50_ms": common::pct(&mut plain, 0.5),
        "p99_ms": common::pct(&mut plain, 0.99),
        "facets_p50_ms": common::pct(&mut facets, 0.5),
        "facets_p99_ms": common::pct(&mut facets, 0.99),
    });
    println!("{line}");
    let _ = std::fs::remove_dir_all(&index);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let work = PathBuf::from(arg("--work").unwrap_or_else(|| "/tmp/cancu-growth".into()));
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(10);
    let corpus = work.join("corpus");
    if let Some(k) = arg("--one") {
        one(k.parse().expect("--one K"), &corpus, &work, runs);
        return;
    }
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    std::fs::create_dir_all(&work).expect("work directory");
    common::import_if_empty(&corpus, &[shared.join("corpus/phapdien-2026.zip")]);
    let mults: Vec<usize> = arg("--mult")
        .unwrap_or_else(|| "1,3".into())
        .split(',')
        .map(|m| m.trim().parse().expect("--mult 1,3,10"))
        .collect();
    let exe = std::env::current_exe().expect("this executable");
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average before: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    println!(
        "{:>3} {:>9} {:>9} {:>8} {:>9} {:>9} {:>9} {:>10} {:>13} {:>13}",
        "k",
        "documents",
        "articles",
        "text MB",
        "build s",
        "graph s",
        "index MB",
        "RSS MiB",
        "p50/p99 ms",
        "facets p50/p99"
    );
    let mut base: Option<(f64, f64, f64)> = None;
    for k in mults {
        let out = std::process::Command::new(&exe)
            .args(["--one", &k.to_string(), "--work"])
            .arg(&work)
            .args(["--runs", &runs.to_string()])
            .output()
            .expect("child");
        assert!(out.status.success(), "k = {k}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("child JSON");
        let f = |key: &str| v[key].as_f64().unwrap_or(f64::NAN);
        println!(
            "{:>3} {:>9} {:>9} {:>8.1} {:>9.1} {:>9.1} {:>9.1} {:>10.0} {:>6.2}/{:<6.2} {:>6.2}/{:<6.2}",
            k,
            v["documents"],
            v["articles"],
            f("text_mb"),
            f("build_seconds"),
            f("graph_seconds"),
            f("index_mb"),
            f("peak_rss_mib"),
            f("p50_ms"),
            f("p99_ms"),
            f("facets_p50_ms"),
            f("facets_p99_ms")
        );
        let (b, i, r) = *base.get_or_insert((
            f("build_seconds") / k as f64,
            f("index_mb") / k as f64,
            f("peak_rss_mib") / k as f64,
        ));
        println!(
            "    per k: build {:.2}× linear, index {:.2}×, RSS {:.2}×; stages {}",
            f("build_seconds") / (b * k as f64),
            f("index_mb") / (i * k as f64),
            f("peak_rss_mib") / (r * k as f64),
            v["stages"]
        );
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average after: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
}
