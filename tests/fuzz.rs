//! Integration tests: fuzzing on the stable toolchain. Each target feeds generated input to
//! one parser of untrusted text — the citation extractor, the Pháp điển đề mục parser, the
//! plain-text (vanban) parser, the Markdown corpus reader, the search query parser — and
//! checks that it never panics and that what it returns keeps its invariants (spans are
//! slices of the input, ids are ids, a corpus file reads back as itself).
//!
//! Inputs are the project's own fixtures with random splices (deletions, duplications,
//! insertions of markup and legal fragments), plus random fragment soup; they are generated
//! by proptest from fixed seeds, so a failure names the seed and replays. Budget: by default
//! a few hundred inputs per target (part of `cargo test`); `CANCU_FUZZ_SECS=N` runs each
//! target for N seconds instead (`.ci/run` does), printing the number of inputs tried.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Fragments spliced into inputs: markup the parsers look for, legal words, numbers, and
/// characters that normalization rewrites or that break naive slicing.
const FRAGMENTS: &[&str] = &[
    "Điều 5. ",
    "Điều 12a",
    "Chương II",
    "Mục 3",
    "Phần thứ nhất",
    "khoản 2 ",
    "điểm đ ",
    "1. ",
    "a) ",
    "Luật ",
    "Bộ luật ",
    "Nghị định số ",
    "Nghị quyết ",
    "Quyết định ",
    "Thông tư ",
    "Chỉ thị ",
    "59/2023/NĐ-CP",
    "10/2022/QH15",
    "11-QĐi/TW",
    "30/CT-TTg",
    "số 45/2019/QH14 ngày 20 tháng 11 năm 2019",
    "Điều này",
    "Luật này",
    "sửa đổi, bổ sung",
    "hết hiệu lực",
    "của Quốc hội",
    "Chính phủ",
    "<p class='pDieu'>",
    "<p class='pChuong'>",
    "<p class='pGhiChu'>",
    "<a name='",
    "'>",
    "</a>",
    "</p>",
    "<a href='#'>",
    "<span>",
    "</span>",
    "<table>",
    "<br/>",
    "&amp;",
    "&#7889;",
    "<!--",
    "-->",
    "+++\n",
    "\n+++\n",
    "id = \"",
    "\"\n",
    "doc_type = \"Luật\"\n",
    "title = \"",
    "# ",
    "#### ",
    "\\# ",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "-",
    "/",
    ":",
    ";",
    ".",
    ",",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u{0301}",
    "\u{0323}",
    "Ð",
    "\u{00a0}",
    "\u{200b}",
    "\u{feff}",
    "ﬁ",
    "𝔏",
    "ẞ",
    "İ",
    "\u{0}",
    "0",
    "9",
    "99999999999999999999",
    "2024",
    "31/02/2024",
    "../",
    "/etc/passwd",
];

/// The fixture files of a kind, as seeds.
fn seeds(dir: &str, ext: &str) -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    assert!(!out.is_empty(), "no {ext} fixtures in {dir}");
    out
}

/// Cuts `s` at the char boundary at or before `at % (len + 1)`.
fn boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One edit of a seed: delete a span, duplicate a span, or insert a fragment.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, &'static str),
}

fn apply(mut s: String, edits: &[Edit]) -> String {
    for e in edits {
        match *e {
            Edit::Delete(a, n) => {
                let a = boundary(&s, a);
                let b = boundary(&s, a + n % 200);
                if a < b {
                    s.replace_range(a..b, "");
                }
            }
            Edit::Duplicate(a, n) => {
                let a = boundary(&s, a);
                let b = boundary(&s, a + n % 400).max(a);
                let copy = s[a..b].to_string();
                s.insert_str(b, &copy);
            }
            Edit::Insert(a, f) => {
                let a = boundary(&s, a);
                s.insert_str(a, f);
            }
        }
    }
    s
}

/// Seeds with up to 16 random edits, or up to 64 fragments in a row.
fn inputs(seeds: Vec<String>) -> impl Strategy<Value = String> {
    let edit = prop_oneof![
        (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), prop::sample::select(FRAGMENTS)).prop_map(|(a, f)| Edit::Insert(a, f)),
    ];
    let mutated = (prop::sample::select(seeds), prop::collection::vec(edit, 0..16))
        .prop_map(|(seed, edits)| apply(seed, &edits));
    let soup = prop::collection::vec(prop::sample::select(FRAGMENTS), 0..64).prop_map(|v| v.concat());
    prop_oneof![3 => mutated, 1 => soup, 1 => any::<String>()]
}

/// Runs `check` on generated inputs: a few hundred, or for `CANCU_FUZZ_SECS` seconds (at most
/// `CANCU_FUZZ_MAX` inputs). Prints and returns the number of inputs tried; panics (naming the
/// seed) on the first failure.
fn fuzz(
    target: &str,
    strategy: impl Strategy<Value = String>,
    check: impl Fn(&str) -> Result<(), String>,
) -> u64 {
    let budget = std::env::var("CANCU_FUZZ_SECS").ok().and_then(|s| s.parse::<u64>().ok());
    // At most this many inputs (the seeds are fixed, so a run tries the same inputs as any
    // other run of that count, or the first of them when time runs out first).
    let most = std::env::var("CANCU_FUZZ_MAX").ok().and_then(|s| s.parse::<u64>().ok()).unwrap_or(u64::MAX);
    let (deadline, least) = match budget {
        Some(secs) => (Instant::now() + Duration::from_secs(secs), most),
        None => (Instant::now() + Duration::from_secs(3600), 300.min(most)),
    };
    let started = Instant::now();
    let mut tried = 0u64;
    let mut seed = 0u64;
    while tried < least && Instant::now() < deadline {
        seed += 1;
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..8 + target.len().min(24)].copy_from_slice(&target.as_bytes()[..target.len().min(24)]);
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
        let mut runner = TestRunner::new_with_rng(Config::default(), rng);
        for _ in 0..100 {
            let input = strategy.new_tree(&mut runner).expect("strategy").current();
            tried += 1;
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&input)));
            let failure = match outcome {
                Ok(Ok(())) => continue,
                Ok(Err(m)) => m,
                Err(p) => p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".into()),
            };
            panic!("fuzz {target}: seed {seed}, input {tried}: {failure}\ninput: {input:?}");
        }
    }
    eprintln!("fuzz {target}: {tried} inputs in {:.1} s, no failure", started.elapsed().as_secs_f64());
    tried
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

#[test]
fn fuzz_cite_extractor() {
    let mut s = seeds("vanban", "txt");
    s.extend(seeds("web", "md"));
    fuzz("cite", inputs(s), |text| {
        for c in cancu::cite::extract(text) {
            ensure(c.start <= c.end && c.end <= text.len(), || {
                format!("span {}..{} out of the input", c.start, c.end)
            })?;
            ensure(text.is_char_boundary(c.start) && text.is_char_boundary(c.end), || {
                "span off a char boundary".into()
            })?;
            ensure(text[c.start..c.end] == c.text, || format!("text {:?} is not its span", c.text))?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_phapdien_parser() {
    fuzz("phapdien", inputs(seeds("phapdien", "html")), |html| {
        let names = vec!["demuc/fuzz.html".to_string()];
        let built = cancu::import::phapdien::import_files(
            "phapdien-2030",
            &names,
            |_| Ok(html.as_bytes().to_vec()),
            || (),
        );
        for d in &built.documents {
            ensure(cancu::number::valid_id(&d.meta.id), || format!("id {:?}", d.meta.id))?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_vanban_parser() {
    fuzz("vanban", inputs(seeds("vanban", "txt")), |text| {
        if let Ok(d) = cancu::import::vanban::parse("fuzz.txt", text) {
            ensure(cancu::number::valid_id(&d.meta.id), || format!("id {:?}", d.meta.id))?;
            let _ = cancu::import::vanban::gaps(&d);
        }
        Ok(())
    });
}

#[test]
fn fuzz_markdown_reader() {
    fuzz("markdown", inputs(seeds("web", "md")), |text| {
        if let Ok(d) = cancu::corpus::parse_document("fuzz.md", text) {
            ensure(cancu::number::valid_id(&d.meta.id), || format!("id {:?}", d.meta.id))?;
            let again = cancu::corpus::parse_document("fuzz.md", &cancu::corpus::render_document(&d));
            ensure(again.as_ref() == Ok(&d), || format!("does not read back as itself: {again:?}"))?;
        }
        Ok(())
    });
}

#[test]
fn fuzz_query_parser() {
    let queries: Vec<String> = [
        "bầu trưởng thôn",
        "\"dân chủ ở cơ sở\" -xã",
        "Điều 5 Luật 10/2022/QH15",
        "khoản 2 điều 7 nghị định 59/2023/nđ-cp",
        "thuc hien dan chu",
    ]
    .map(String::from)
    .to_vec();
    fuzz("query", inputs(queries), |q| {
        let _ = cancu::search::query::parse(q);
        let _ = cancu::cite::query::read(q);
        Ok(())
    });
}
