//! Search benchmark: relevance on `../shared/eval/queries.tsv` (nDCG@10, MRR@10, recall@10
//! overall and by kind, plus every query with diacritics stripped), index build time, peak
//! memory, index size and in-process query latency — with the SQLite FTS5 peer
//! (`examples/fts5_peer.py`, BM25 over title and body, words OR-ed) on the same articles.
//!
//! ```text
//! cargo run --release --example bench_search -- [--work DIR] [--rebuild] [--runs N]
//! ```
//! `--work` (default `/tmp/cancu-bench`) caches the imported corpus (`corpus/`, imported
//! from `../shared/corpus/phapdien-2026.zip` if empty) and the index (`index/`, built if
//! missing or with `--rebuild`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cancu::search::{Query, Searcher};

#[path = "common/mod.rs"]
mod common;
use cancu::text::{fold, has_diacritics, normalize};
use common::pct;

struct Judged {
    query: String,
    /// (number key, article) → grade
    grades: HashMap<(String, String), u32>,
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse::<f64>().unwrap_or(0.0))
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        dir_size(&e.path())
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn judgments(shared: &Path) -> Vec<Judged> {
    let text = std::fs::read_to_string(shared.join("eval/queries.tsv")).expect("queries.tsv");
    let mut out: Vec<Judged> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            continue;
        }
        let key = (cancu::number::key(c[2]), c[3].to_string());
        let g: u32 = c[4].parse().unwrap_or(0);
        match out.iter_mut().find(|j| j.query == c[1]) {
            Some(j) => {
                j.grades.insert(key, g);
            }
            None => out.push(Judged { query: c[1].to_string(), grades: HashMap::from([(key, g)]) }),
        }
    }
    out
}

/// (nDCG@10, MRR@10, recall@10) of a ranking.
fn metrics(ranked: &[(String, String)], j: &Judged) -> (f64, f64, f64) {
    let gain = |g: u32| (2f64.powi(g as i32)) - 1.0;
    let mut dcg = 0.0;
    let mut rr = 0.0;
    let mut found = 0;
    for (i, k) in ranked.iter().take(10).enumerate() {
        if let Some(&g) = j.grades.get(k) {
            dcg += gain(g) / ((i + 2) as f64).log2();
            if rr == 0.0 && g > 0 {
                rr = 1.0 / (i + 1) as f64;
            }
            found += 1;
        }
    }
    let mut ideal: Vec<u32> = j.grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal.iter().take(10).enumerate().map(|(i, &g)| gain(g) / ((i + 2) as f64).log2()).sum();
    (if idcg > 0.0 { dcg / idcg } else { 0.0 }, rr, found as f64 / j.grades.len() as f64)
}

fn kind(q: &str) -> &'static str {
    if cancu::cite::query::read(&normalize(q)).is_some() {
        "number/pinpoint"
    } else if !has_diacritics(q) {
        "without diacritics"
    } else if normalize(q) != q || q.split_whitespace().count() <= 2 {
        "keyword/old tone"
    } else {
        "with diacritics"
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let work = PathBuf::from(arg("--work").unwrap_or_else(|| "/tmp/cancu-bench".into()));
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(20);
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let corpus = work.join("corpus");
    let index_dir = work.join("index");
    common::import_if_empty(&corpus, &[shared.join("corpus/phapdien-2026.zip")]);
    if args.iter().any(|a| a == "--rebuild") || cancu::index::current(&index_dir).is_err() {
        let t = Instant::now();
        let loaded = cancu::corpus::store::load_dir(&corpus).expect("load corpus");
        let load = t.elapsed();
        let s = cancu::index::build(&loaded.documents, &index_dir).expect("build");
        println!(
            "BUILD: {} documents, {} articles; load {:.1} s + index {:.1} s = {:.1} s; index {:.1} MB; peak RSS {:.0} MB",
            s.documents,
            s.articles,
            load.as_secs_f64(),
            s.elapsed.as_secs_f64(),
            t.elapsed().as_secs_f64(),
            s.bytes as f64 / 1e6,
            peak_rss_mb()
        );
    }
    let mut searcher = Searcher::open(&index_dir).expect("open index");
    common::weights_from_env(&mut searcher);
    if let Some(q) = arg("--show") {
        let r = searcher.search(&Query::new(q.as_str())).expect("search");
        for h in r.hits {
            println!("{:.2} {:?} {:?} {} | {}", h.score, h.number, h.article, h.title, h.doc_title);
        }
        return;
    }
    println!("index: {:.1} MB on disk", dir_size(&cancu::index::current(&index_dir).unwrap()) as f64 / 1e6);
    let judged = judgments(&shared);

    // Our runs: each query and its accent-stripped twin.
    let mut ours: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let run = |q: &str| -> Vec<(String, String)> {
        let r = searcher.search(&Query::new(q)).expect("search");
        r.hits
            .into_iter()
            .map(|h| (cancu::number::key(h.number.as_deref().unwrap_or("")), h.article.unwrap_or_default()))
            .collect()
    };
    let mut queries: Vec<String> = judged.iter().map(|j| j.query.clone()).collect();
    for j in &judged {
        if has_diacritics(&j.query) {
            queries.push(fold(&j.query));
        }
    }
    for q in &queries {
        ours.push((q.clone(), run(q)));
    }

    let no_peer = args.iter().any(|a| a == "--no-peer");
    // The FTS5 peer on the same articles.
    let peer: serde_json::Value = if no_peer {
        serde_json::json!({"queries": [], "build_seconds": 0.0, "bytes": 0.0})
    } else {
        common::fts5_peer(&corpus, &work, &queries, runs)
    };
    let mut peer_runs: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut peer_lat: Vec<Duration> = Vec::new();
    for q in peer["queries"].as_array().unwrap() {
        let hits = q["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h[0].as_str().unwrap().to_string(), h[1].as_str().unwrap().to_string()))
            .collect();
        peer_runs.insert(q["query"].as_str().unwrap().to_string(), hits);
        if judged.iter().any(|j| j.query == q["query"].as_str().unwrap()) {
            peer_lat.extend(
                q["latencies"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| Duration::from_secs_f64(l.as_f64().unwrap())),
            );
        }
    }

    // Relevance.
    println!("\nRELEVANCE (nDCG@10 / MRR@10 / recall@10), cancu vs FTS5");
    let mut by_kind: Vec<(&str, [f64; 6], usize)> = Vec::new();
    let mut all = [0.0; 6];
    for j in &judged {
        let o = metrics(&ours.iter().find(|(q, _)| *q == j.query).unwrap().1, j);
        let p = metrics(peer_runs.get(&j.query).map(|v| v.as_slice()).unwrap_or(&[]), j);
        println!(
            "  {:<70} {:.2} {:.2} {:.2} | {:.2} {:.2} {:.2}  [{}]",
            j.query,
            o.0,
            o.1,
            o.2,
            p.0,
            p.1,
            p.2,
            kind(&j.query)
        );
        let v = [o.0, o.1, o.2, p.0, p.1, p.2];
        let k = kind(&j.query);
        match by_kind.iter_mut().find(|(n, _, _)| *n == k) {
            Some((_, s, n)) => {
                s.iter_mut().zip(v).for_each(|(a, b)| *a += b);
                *n += 1
            }
            None => by_kind.push((k, v, 1)),
        }
        all.iter_mut().zip(v).for_each(|(a, b)| *a += b);
    }
    let n = judged.len() as f64;
    println!(
        "  {:<70} {:.3} {:.3} {:.3} | {:.3} {:.3} {:.3}   ratio nDCG {:.2}x",
        "ALL",
        all[0] / n,
        all[1] / n,
        all[2] / n,
        all[3] / n,
        all[4] / n,
        all[5] / n,
        all[0] / all[3]
    );
    for (k, s, c) in &by_kind {
        let c = *c as f64;
        println!(
            "  {:<70} {:.3} {:.3} {:.3} | {:.3} {:.3} {:.3}  (n={c})",
            k,
            s[0] / c,
            s[1] / c,
            s[2] / c,
            s[3] / c,
            s[4] / c,
            s[5] / c
        );
    }
    // Accent-stripped twins.
    let (mut with, mut without, mut pw, mut pwo, mut m) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for j in judged.iter().filter(|j| has_diacritics(&j.query)) {
        let f = fold(&j.query);
        with += metrics(&ours.iter().find(|(q, _)| *q == j.query).unwrap().1, j).0;
        without += metrics(&ours.iter().find(|(q, _)| *q == f).unwrap().1, j).0;
        pw += metrics(peer_runs.get(&j.query).map(|v| v.as_slice()).unwrap_or(&[]), j).0;
        pwo += metrics(peer_runs.get(&f).map(|v| v.as_slice()).unwrap_or(&[]), j).0;
        m += 1.0;
    }
    println!(
        "  stripped twins (n={m}): cancu nDCG {:.3} with → {:.3} without ({:+.1}%); FTS5 {:.3} → {:.3}",
        with / m,
        without / m,
        (without - with) / with * 100.0,
        pw / m,
        pwo / m
    );

    // Latency, in process.
    let mut lat = Vec::new();
    let mut lat_f = Vec::new();
    for _ in 0..runs {
        for j in &judged {
            let t = Instant::now();
            let _ = searcher.search(&Query::new(j.query.as_str())).unwrap();
            lat.push(t.elapsed());
            let t = Instant::now();
            let _ = searcher.search(&Query::new(j.query.as_str()).with_facets()).unwrap();
            lat_f.push(t.elapsed());
        }
    }
    println!(
        "\nLATENCY over {} runs of the {} queries: cancu p50 {:.2} ms p99 {:.2} ms (with facets+count: p50 {:.2} ms p99 {:.2} ms); FTS5 p50 {:.2} ms p99 {:.2} ms",
        runs,
        judged.len(),
        pct(&mut lat, 0.5),
        pct(&mut lat, 0.99),
        pct(&mut lat_f, 0.5),
        pct(&mut lat_f, 0.99),
        if peer_lat.is_empty() { 0.0 } else { pct(&mut peer_lat, 0.5) },
        if peer_lat.is_empty() { 0.0 } else { pct(&mut peer_lat, 0.99) }
    );
    println!(
        "FTS5 build {:.1} s, {:.1} MB; peak RSS of this process {:.0} MB",
        peer["build_seconds"].as_f64().unwrap(),
        peer["bytes"].as_f64().unwrap() / 1e6,
        peak_rss_mb()
    );
}
