//! Question benchmark: article-level recall@1/5/10 and MRR@10 on the real legal questions of
//! `../shared/eval/questions/zalo2021-dev.tsv`, overall, on the held-out split (questions
//! whose id hashes to [`cancu::search::question::held_out`]; never used for tuning or
//! learning) and by intent, beside the SQLite FTS5 peer (`examples/fts5_peer.py`) on the same
//! articles; then in-process latency over the questions, with and without total and facet
//! counts.
//!
//! ```text
//! cargo run --release --example bench_questions -- [--work DIR] [--rebuild] [--runs N] [--no-peer]
//!     [--show QUESTION [--limit N]] [--misses N] [--list INTENT] [--diagnose] [--compare PARTS] [--slowest N]
//!     [--dump FILE]
//! ```
//! `--dump FILE` writes every question's ranked list (id, then document key and article of
//! each hit), to compare two builds' answers.
//! `--slowest N` lists the N questions whose search with total and facet counts took the most
//! thread CPU time (the least of their runs, so that a preemption or a cache miss of one run
//! does not put a question there), with their time without counts and without the second
//! stage, and their length in words.
//! `--list INTENT` lists the training questions of an intent with their rank; `--diagnose`
//! tells where the answers of the training misses lie (first-stage and final
//! rank, 200 deep); `--compare PARTS` also times each question with those parts off (as in
//! `CANCU_ABLATE`) in the same loop.
//! `--work` (default `/tmp/cancu-bench-q`) caches the corpus imported from
//! `../shared/corpus/phapdien-2026.zip` and `vanban-goc.zip` (some answers are only in the
//! original laws) and its index. Ablation:
//! `CANCU_ABLATE=frame,glossary,vocabulary,folding,content,rerank,learned` turns parts of
//! question understanding off (see `cancu::search::Features`); the latency pass also times
//! each question without the second stage (`rerank`), in the same loop.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use cancu::search::question::{held_out, understand, Intent};
use cancu::search::{Features, Query, Searcher};

#[path = "common/mod.rs"]
mod common;
#[path = "common/questions.rs"]
mod questions;
use common::pct;

struct Question {
    qid: String,
    text: String,
    /// The answering articles (number key, article); a hit on any counts.
    gold: Vec<(String, String)>,
    intent: Intent,
}

fn questions(shared: &Path) -> Vec<Question> {
    questions::dev_questions(shared)
        .into_iter()
        .map(|q| {
            let intent =
                cancu::search::query::parse(&q.text).map(|p| understand(&p).intent).unwrap_or(Intent::Other);
            Question { qid: q.qid, text: q.text, gold: q.gold, intent }
        })
        .collect()
}

/// Rank (1-based) of the first answering article in a ranking, if in the top 10.
fn rank(ranked: &[(String, String)], gold: &[(String, String)]) -> Option<usize> {
    ranked.iter().take(10).position(|k| gold.contains(k)).map(|i| i + 1)
}

/// recall@1, @5, @10, MRR@10 of ranks.
fn summary(ranks: &[Option<usize>]) -> [f64; 4] {
    let n = ranks.len().max(1) as f64;
    let at = |k: usize| ranks.iter().filter(|r| r.is_some_and(|r| r <= k)).count() as f64 / n;
    let mrr = ranks.iter().map(|r| r.map_or(0.0, |r| 1.0 / r as f64)).sum::<f64>() / n;
    [at(1), at(5), at(10), mrr]
}

fn line(label: &str, n: usize, o: [f64; 4], p: Option<[f64; 4]>) {
    let p = p.map_or(String::new(), |p| format!(" | FTS5 {:.3} {:.3} {:.3} {:.3}", p[0], p[1], p[2], p[3]));
    println!("  {label:<22} n={n:<5} cancu {:.3} {:.3} {:.3} {:.3}{p}", o[0], o[1], o[2], o[3]);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let runs: usize = arg("--runs").and_then(|r| r.parse().ok()).unwrap_or(3);
    let questions::Folders { work, shared, corpus, index: index_dir } = questions::folders(&args);
    if args.iter().any(|a| a == "--rebuild") || cancu::index::current(&index_dir).is_err() {
        let t = Instant::now();
        let loaded = cancu::corpus::store::load_dir(&corpus).expect("load corpus");
        let s = cancu::index::build(&loaded.documents, &index_dir).expect("build");
        println!(
            "BUILD: {} documents, {} articles in {:.1} s",
            s.documents,
            s.articles,
            t.elapsed().as_secs_f64()
        );
    }
    let mut searcher = Searcher::open(&index_dir).expect("open index");
    let mut features = Features::default();
    if let Ok(off) = std::env::var("CANCU_ABLATE") {
        features = Features::without(&off);
        println!("ablated: {off} → {features:?}");
    }
    searcher.set_features(features);
    common::weights_from_env(&mut searcher);
    if let Some(q) = arg("--show") {
        let limit = arg("--limit").and_then(|n| n.parse().ok()).unwrap_or(10);
        let r = searcher.search(&Query::new(q.as_str()).limit(limit)).expect("search");
        for h in r.hits {
            println!("{:.6} {:?} {:?} {} | {}", h.score, h.number, h.article, h.title, h.doc_title);
        }
        if let Some(s) = r.suggestion {
            println!("suggestion: {s}");
        }
        return;
    }
    let qs = questions(&shared);
    let run = |q: &str| -> Vec<(String, String)> {
        let r = searcher.search(&Query::new(q)).expect("search");
        r.hits
            .into_iter()
            .map(|h| (cancu::number::key(h.number.as_deref().unwrap_or("")), h.article.unwrap_or_default()))
            .collect()
    };
    let t = Instant::now();
    let ours: Vec<Vec<(String, String)>> = qs.iter().map(|q| run(&q.text)).collect();
    println!("{} questions searched in {:.1} s", qs.len(), t.elapsed().as_secs_f64());
    if let Some(path) = arg("--dump") {
        // Every question's ranked list (to compare two builds' answers line by line).
        let mut out = String::new();
        for (q, r) in qs.iter().zip(&ours) {
            out.push_str(&format!("{}\t{:?}\n", q.qid, r));
        }
        std::fs::write(&path, out).expect("write --dump");
    }

    let no_peer = args.iter().any(|a| a == "--no-peer");
    let mut peer: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut peer_lat: Vec<Duration> = Vec::new();
    if !no_peer {
        let texts: Vec<String> = qs.iter().map(|q| q.text.clone()).collect();
        let v = common::fts5_peer(&corpus, &work, &texts, 1);
        for q in v["queries"].as_array().unwrap() {
            let hits = q["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| (h[0].as_str().unwrap().to_string(), h[1].as_str().unwrap().to_string()))
                .collect();
            peer.insert(q["query"].as_str().unwrap().to_string(), hits);
            peer_lat.extend(
                q["latencies"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| Duration::from_secs_f64(l.as_f64().unwrap())),
            );
        }
    }
    let ranks: Vec<Option<usize>> = qs.iter().zip(&ours).map(|(q, r)| rank(r, &q.gold)).collect();
    let pranks: Vec<Option<usize>> =
        qs.iter().map(|q| peer.get(&q.text).and_then(|r| rank(r, &q.gold))).collect();
    let group = |keep: &dyn Fn(&Question) -> bool| -> (usize, [f64; 4], [f64; 4]) {
        let idx: Vec<usize> = (0..qs.len()).filter(|&i| keep(&qs[i])).collect();
        let o: Vec<Option<usize>> = idx.iter().map(|&i| ranks[i]).collect();
        let p: Vec<Option<usize>> = idx.iter().map(|&i| pranks[i]).collect();
        (idx.len(), summary(&o), summary(&p))
    };
    let peer_on = !no_peer;
    println!("\nQUESTIONS (article level: recall@1 recall@5 recall@10 MRR@10)");
    let show = |label: &str, keep: &dyn Fn(&Question) -> bool| {
        let (n, o, p) = group(keep);
        line(label, n, o, peer_on.then_some(p));
    };
    show("all", &|_| true);
    show("held-out split", &|q| held_out(&q.qid));
    show("training split", &|q| !held_out(&q.qid));
    for intent in Intent::ALL {
        show(&format!("intent {}", intent.name()), &|q| q.intent == intent);
        show(&format!("  held-out {}", intent.name()), &|q| q.intent == intent && held_out(&q.qid));
    }
    if let Some(n) = arg("--misses").and_then(|n| n.parse::<usize>().ok()) {
        println!("\nMISSES (training split only)");
        for (q, r) in
            qs.iter().zip(&ours).filter(|(q, r)| !held_out(&q.qid) && rank(r, &q.gold).is_none()).take(n)
        {
            println!("  {} [{}] gold {:?} got {:?}", q.text, q.intent.name(), q.gold, r.first());
        }
    }

    if let Some(name) = arg("--list") {
        println!("\nTRAINING QUESTIONS of intent {name} (rank in the first 10, question, answers)");
        for (q, r) in qs.iter().zip(&ours).filter(|(q, _)| !held_out(&q.qid) && q.intent.name() == name) {
            println!("  {:?} | {} | {:?}", rank(r, &q.gold), q.text, q.gold);
        }
    }

    if args.iter().any(|a| a == "--diagnose") {
        diagnose(&searcher, features, &qs, &ours);
    }

    if runs == 0 {
        return;
    }
    // Latency in process (the relevance pass has warmed the page cache). The same question
    // without the second stage right after, so that its cost is measured under the same load.
    let mut first = searcher.clone();
    first.set_features(Features { rerank: false, ..features });
    // `--compare PARTS`: the same questions with those parts off too, in the same loop (the
    // cost of a feature group, old vs new under the same load).
    let compare = arg("--compare").map(|off| {
        let mut c = searcher.clone();
        c.set_features(Features::without(&off));
        (off, c)
    });
    let mut lat = Vec::new();
    let mut lat_f = Vec::new();
    let mut lat_1 = Vec::new();
    // The same in the thread's CPU time: what the search costs, less disturbed than wall time
    // by other work on a shared machine (preemption), though not by its cache pressure.
    let (mut cpu, mut cpu_f, mut cpu_1) = (Vec::new(), Vec::new(), Vec::new());
    let mut lat_c = Vec::new();
    // Per question, the least thread CPU time of its runs: without the second stage, plain,
    // with counts (`--slowest`).
    let mut least = vec![[Duration::MAX; 3]; qs.len()];
    for _ in 0..runs {
        for (i, q) in qs.iter().enumerate() {
            let (t, c) = (Instant::now(), thread_cpu());
            let _ = first.search(&Query::new(q.text.as_str())).unwrap();
            lat_1.push(t.elapsed());
            cpu_1.push(thread_cpu().saturating_sub(c));
            let (t, c) = (Instant::now(), thread_cpu());
            let _ = searcher.search(&Query::new(q.text.as_str())).unwrap();
            lat.push(t.elapsed());
            cpu.push(thread_cpu().saturating_sub(c));
            if let Some((_, c)) = &compare {
                let t = Instant::now();
                let _ = c.search(&Query::new(q.text.as_str())).unwrap();
                lat_c.push(t.elapsed());
            }
            let (t, c) = (Instant::now(), thread_cpu());
            let _ = searcher.search(&Query::new(q.text.as_str()).with_facets()).unwrap();
            lat_f.push(t.elapsed());
            cpu_f.push(thread_cpu().saturating_sub(c));
            let n = cpu_f.len() - 1;
            for (k, d) in [cpu_1[n], cpu[n], cpu_f[n]].into_iter().enumerate() {
                least[i][k] = least[i][k].min(d);
            }
        }
    }
    let (p50, p99) = (pct(&mut lat, 0.5), pct(&mut lat, 0.99));
    let (f50, f99) = (pct(&mut lat_f, 0.5), pct(&mut lat_f, 0.99));
    print!("\nLATENCY over {runs} runs of {} questions: p50 {p50:.2} ms p99 {p99:.2} ms; with total+facets p50 {f50:.2} ms p99 {f99:.2} ms", qs.len());
    if !peer_lat.is_empty() {
        print!("; FTS5 p50 {:.2} ms p99 {:.2} ms", pct(&mut peer_lat, 0.5), pct(&mut peer_lat, 0.99));
    }
    println!();
    if features.rerank {
        println!(
            "  without the second stage (same runs): p50 {:.2} ms p99 {:.2} ms",
            pct(&mut lat_1, 0.5),
            pct(&mut lat_1, 0.99)
        );
    }
    if cpu.iter().any(|d| !d.is_zero()) {
        println!(
            "  thread CPU time (same runs): p50 {:.2} ms p99 {:.2} ms; with total+facets p50 {:.2} ms p99 {:.2} ms; without the second stage p50 {:.2} ms p99 {:.2} ms",
            pct(&mut cpu, 0.5),
            pct(&mut cpu, 0.99),
            pct(&mut cpu_f, 0.5),
            pct(&mut cpu_f, 0.99),
            pct(&mut cpu_1, 0.5),
            pct(&mut cpu_1, 0.99)
        );
    }
    if let Some((off, _)) = &compare {
        println!(
            "  without {off} (same runs): p50 {:.2} ms p99 {:.2} ms",
            pct(&mut lat_c, 0.5),
            pct(&mut lat_c, 0.99)
        );
    }
    if let Some(n) = arg("--slowest").and_then(|n| n.parse::<usize>().ok()) {
        let mut order: Vec<usize> = (0..qs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(least[i][2]));
        println!("\nSLOWEST {n} (least thread CPU of {runs} runs, ms: with counts, plain, without the second stage; words; question)");
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        for &i in order.iter().take(n) {
            let [one, plain, counts] = least[i];
            let words = qs[i].text.split_whitespace().count();
            println!("  {:6.2} {:6.2} {:6.2} {:3} {}", ms(counts), ms(plain), ms(one), words, qs[i].text);
        }
    }
}

/// The CPU time of the calling thread (zero where it cannot be read).
fn thread_cpu() -> Duration {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }
    #[cfg(not(target_os = "linux"))]
    Duration::ZERO
}

/// Where the answers of the training misses lie: the first answering article's rank in the
/// first stage (BM25 order, 200 deep) and in the final order, and whether a hit of the first
/// ten comes from an answering document (the right document, the wrong article).
fn diagnose(searcher: &Searcher, features: Features, qs: &[Question], ours: &[Vec<(String, String)>]) {
    let mut first = searcher.clone();
    first.set_features(Features { rerank: false, ..features });
    let deep = |s: &Searcher, q: &str| -> Vec<(String, String)> {
        let r = s.search(&Query::new(q).limit(200)).expect("search");
        r.hits
            .into_iter()
            .map(|h| (cancu::number::key(h.number.as_deref().unwrap_or("")), h.article.unwrap_or_default()))
            .collect()
    };
    let bucket = |r: Option<usize>| match r {
        Some(r) if r <= 10 => "1-10",
        Some(r) if r <= 20 => "11-20",
        Some(r) if r <= 40 => "21-40",
        Some(r) if r <= 100 => "41-100",
        Some(_) => "101-200",
        None => "none",
    };
    let mut by_first: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    let mut by_final: std::collections::BTreeMap<&str, usize> = Default::default();
    let (mut misses, mut right_doc) = (0, 0);
    for (q, r) in qs.iter().zip(ours) {
        if held_out(&q.qid) || rank(r, &q.gold).is_some() {
            continue;
        }
        misses += 1;
        let pos = |v: &[(String, String)]| v.iter().position(|k| q.gold.contains(k)).map(|i| i + 1);
        let f = pos(&deep(&first, &q.text));
        let o = pos(&deep(searcher, &q.text));
        *by_first.entry((bucket(f), q.intent.name())).or_default() += 1;
        *by_final.entry(bucket(o)).or_default() += 1;
        if r.iter().take(10).any(|h| q.gold.iter().any(|g| g.0 == h.0)) {
            right_doc += 1;
        }
        if std::env::var("DIAG_LIST").is_ok() {
            println!("  first {f:?} final {o:?} [{}] {} gold {:?}", q.intent.name(), q.text, q.gold);
        }
    }
    println!(
        "\nDIAGNOSIS of {misses} training misses ({right_doc} with an answering document in the first 10)"
    );
    println!("  final rank (200 deep): {by_final:?}");
    let mut totals: std::collections::BTreeMap<&str, usize> = Default::default();
    for ((b, _), n) in &by_first {
        *totals.entry(b).or_default() += n;
    }
    println!("  first-stage rank: {totals:?}");
    for ((b, i), n) in &by_first {
        println!("    {b:<8} {i:<15} {n}");
    }
}
