//! Per-query latency: runs each query of a file (one per line) many times against an index
//! and prints p50/p99 per query, with and without facet counting, slowest first — the tool
//! for finding which queries make the tail of `bench_search`'s latency figure.
//!
//! ```text
//! cargo run --release --example latency -- INDEX QUERIES.txt [RUNS]
//! ```

use std::time::Instant;

use cancu::search::{Query, Searcher};

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index, file, rest @ ..] = args.as_slice() else {
        eprintln!("usage: latency INDEX QUERIES.txt [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = rest.first().and_then(|r| r.parse().ok()).unwrap_or(20);
    let searcher = Searcher::open(index.as_ref()).expect("open index");
    let text = std::fs::read_to_string(file).expect("read queries");
    let queries: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    // One warm-up pass: the first touch of each posting list is a page fault, not search.
    for q in &queries {
        std::hint::black_box(searcher.search(&Query::new(*q).with_facets()).expect("search"));
    }
    let mut rows = Vec::new();
    let (mut all_plain, mut all_facets) = (Vec::new(), Vec::new());
    for q in &queries {
        let (mut plain, mut facets) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            let r = searcher.search(&Query::new(*q)).expect("search");
            plain.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(r);
            let t = Instant::now();
            let r = searcher.search(&Query::new(*q).with_facets()).expect("search");
            facets.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(r);
        }
        all_plain.extend_from_slice(&plain);
        all_facets.extend_from_slice(&facets);
        rows.push((
            pct(&mut plain, 0.5),
            pct(&mut plain, 0.99),
            pct(&mut facets, 0.5),
            pct(&mut facets, 0.99),
            q,
        ));
    }
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!("ALL mean {:.2} ms; with total+facets mean {:.2} ms", mean(&all_plain), mean(&all_facets));
    println!(
        "ALL {} queries x {runs}: p50 {:.2} ms p99 {:.2} ms; with total+facets p50 {:.2} ms p99 {:.2} ms",
        queries.len(),
        pct(&mut all_plain, 0.5),
        pct(&mut all_plain, 0.99),
        pct(&mut all_facets, 0.5),
        pct(&mut all_facets, 0.99)
    );
    println!("{:>8} {:>8} {:>8} {:>8}  query", "p50", "p99", "f.p50", "f.p99");
    for (a, b, c, d, q) in rows {
        println!("{a:8.2} {b:8.2} {c:8.2} {d:8.2}  {q}");
    }
}
