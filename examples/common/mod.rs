//! What the search benchmarks share (`#[path = "common/mod.rs"] mod common;`): the corpus
//! import, ranking weights from the environment, the SQLite FTS5 peer run on the same
//! articles, percentiles.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cancu::search::Searcher;
use cancu::text::normalize;

/// Imports `sources` into `corpus` unless it already holds documents.
pub fn import_if_empty(corpus: &Path, sources: &[PathBuf]) {
    if corpus.join("luat").exists() {
        return;
    }
    let t = std::time::Instant::now();
    let opts = cancu::import::Options { corpus: corpus.to_path_buf(), progress: false, keep: false };
    let s = cancu::import::import(sources, &opts).expect("import");
    println!(
        "imported {} documents, {} articles in {:.1} s",
        s.documents(),
        s.articles,
        t.elapsed().as_secs_f64()
    );
}

/// Experiments: `CANCU_WEIGHTS="title ctx body exact folded bigram common [same ctx_common
/// floor]"` (the last three default to the ones in use).
pub fn weights_from_env(searcher: &mut Searcher) {
    if let Ok(w) = std::env::var("CANCU_WEIGHTS") {
        let v: Vec<f32> = w.split_whitespace().filter_map(|x| x.parse().ok()).collect();
        let same = v.get(7).copied().unwrap_or(cancu::search::fulltext::WEIGHTS.same);
        let ctx_common = v.get(8).copied().unwrap_or(cancu::search::fulltext::WEIGHTS.ctx_common);
        let floor = v.get(9).copied().unwrap_or(cancu::search::fulltext::WEIGHTS.floor);
        if let [title, ctx, body, exact, folded, bigram, common, ..] = v[..] {
            searcher.set_weights(cancu::search::fulltext::Weights {
                title,
                ctx,
                body,
                exact,
                folded,
                bigram,
                common,
                same,
                ctx_common,
                floor,
            });
        }
    }
}

/// Runs the FTS5 peer (`examples/fts5_peer.py`) over every article of `corpus` (exported to
/// `work/articles.tsv`) for `queries` (`runs` timings each); its JSON answer.
pub fn fts5_peer(corpus: &Path, work: &Path, queries: &[String], runs: usize) -> serde_json::Value {
    use std::io::Write;
    let tsv = work.join("articles.tsv");
    let qfile = work.join("queries.txt");
    let loaded = cancu::corpus::store::load_dir(corpus).expect("load corpus");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&tsv).unwrap());
    let clean = |s: &str| normalize(s).replace(['\t', '\r'], " ").replace('\n', "\\n");
    for d in &loaded.documents {
        let key = cancu::number::key(d.meta.canonical.as_deref().unwrap_or(""));
        for a in d.articles() {
            writeln!(f, "{}\t{}\t{}\t{}\t{}", d.meta.id, key, a.number, clean(&a.title), clean(&a.text()))
                .unwrap();
        }
    }
    f.flush().unwrap();
    std::fs::write(&qfile, queries.join("\n")).unwrap();
    let py = std::process::Command::new("python3")
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fts5_peer.py"))
        .arg(&tsv)
        .arg(&qfile)
        .arg(runs.to_string())
        .output()
        .expect("python3");
    assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
    serde_json::from_slice(&py.stdout).expect("peer JSON")
}

/// The `p` quantile of `v`, in milliseconds.
pub fn pct(v: &mut [Duration], p: f64) -> f64 {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i].as_secs_f64() * 1000.0
}
