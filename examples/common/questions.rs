//! What the question benchmark and the fitting command share (`#[path =
//! "common/questions.rs"] mod questions;`): their folders and the dev questions as read from
//! `../shared/eval/questions/zalo2021-dev.tsv`.

use std::path::{Path, PathBuf};

/// One dev question: its id, its text, and its answering articles as (number key, article);
/// a hit on any of them counts.
pub struct DevQuestion {
    pub qid: String,
    pub text: String,
    pub gold: Vec<(String, String)>,
}

/// The dev questions, grouped by id (one row of the file per answering article), in file
/// order.
pub fn dev_questions(shared: &Path) -> Vec<DevQuestion> {
    let text = std::fs::read_to_string(shared.join("eval/questions/zalo2021-dev.tsv")).expect("questions");
    let mut out: Vec<DevQuestion> = Vec::new();
    for line in text.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 5 {
            continue;
        }
        let gold = (cancu::number::key(c[2]), c[3].to_string());
        match out.iter_mut().find(|q| q.qid == c[0]) {
            Some(q) => q.gold.push(gold),
            None => out.push(DevQuestion { qid: c[0].to_string(), text: c[1].to_string(), gold: vec![gold] }),
        }
    }
    out
}

/// The folders of a run: `--work DIR` (default `/tmp/cancu-bench-q`), the shared data, and
/// the corpus and index under `DIR`.
pub struct Folders {
    pub work: PathBuf,
    pub shared: PathBuf,
    pub corpus: PathBuf,
    pub index: PathBuf,
}

/// The [`Folders`] of `args`, the corpus imported from the Pháp điển 2026 dump and the
/// original laws if it is empty.
pub fn folders(args: &[String]) -> Folders {
    let work = args
        .iter()
        .position(|a| a == "--work")
        .and_then(|i| args.get(i + 1))
        .map_or_else(|| PathBuf::from("/tmp/cancu-bench-q"), PathBuf::from);
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let corpus = work.join("corpus");
    super::common::import_if_empty(
        &corpus,
        &[shared.join("corpus/phapdien-2026.zip"), shared.join("corpus/vanban-goc.zip")],
    );
    Folders { index: work.join("index"), work, shared, corpus }
}
