//! Validity coverage and cost: derives the validity records of an imported corpus as an index
//! build does (`kb::derive`: effect clauses, cited-only records from every citation through the
//! citation graph, horizons) and prints
//! the time taken, the share of held and of cited documents whose status today is not "chưa
//! rõ", the counts by kind of evidence, and the rows of the development truth it gets right.
//! Run: `cargo run --release --example bench_validity -- CORPUS_DIR [DEV_TSV]` (CORPUS_DIR
//! from `cancu import ../shared/corpus/phapdien-2026.zip ../shared/corpus/vanban-goc.zip`;
//! DEV_TSV default `../shared/eval/status/dev.tsv`).

use std::collections::BTreeMap;
use std::time::Instant;

use cancu::model::{Date, DocType, Status};
use cancu::validity::Validity;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or_else(|| anyhow::anyhow!("usage: bench_validity CORPUS_DIR [DEV_TSV]"))?;
    let dev = args.next().unwrap_or_else(|| "../shared/eval/status/dev.tsv".into());
    let loaded = cancu::corpus::store::load_dir(std::path::Path::new(&dir))?;
    let docs = loaded.documents;
    let t = Instant::now();
    let catalog = cancu::catalog::Catalog::from_documents(&docs);
    let d = cancu::kb::derive(&docs, catalog);
    let v: Validity = d.validity;
    let elapsed = t.elapsed();
    println!(
        "of which the citation graph (gathering the documents cited anywhere): {:.2} s; validity: {:.2} s",
        d.graph_elapsed.as_secs_f64(),
        d.validity_elapsed.as_secs_f64()
    );
    let today = Date::today();
    let (mut held, mut held_known, mut cited, mut cited_known) = (0, 0, 0, 0);
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for r in v.records.values() {
        let s = r.status_at(today);
        let known = s.status != Status::Unknown;
        if r.cited_only {
            cited += 1;
            cited_known += known as usize;
        } else {
            held += 1;
            held_known += known as usize;
        }
        if !r.cited_only {
            *by_status.entry(s.status.as_vi()).or_default() += 1;
        }
        for e in &r.events {
            *by_kind.entry(e.evidence.kind.as_vi()).or_default() += 1;
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "derive: {:.2} s for {} documents (catalog and graph included)",
        elapsed.as_secs_f64(),
        docs.len()
    );
    println!(
        "held:  {held_known}/{held} with a status other than \"chưa rõ\" ({:.1}%)",
        pct(held_known, held)
    );
    println!(
        "cited: {cited_known}/{cited} with a status other than \"chưa rõ\" ({:.1}%)",
        pct(cited_known, cited)
    );
    println!("held documents' status today ({today}): {by_status:?}");
    if std::env::var_os("LIST_REPEALED").is_some() {
        for r in v.records.values().filter(|r| !r.cited_only) {
            let s = r.status_at(today);
            if matches!(s.status, Status::Repealed | Status::PartlyRepealed) {
                let e = &s.evidence[0];
                println!(
                    "  {} {} [{}] by {} Điều {}: {}",
                    r.label(),
                    s.status.as_vi(),
                    r.title,
                    e.label,
                    e.article.as_deref().unwrap_or("?"),
                    e.quote
                );
            }
        }
    }
    println!("events by kind of evidence: {by_kind:?}");
    // DUMP_STATUS=FILE: every record's status today (id, held or cited, status, label), to
    // compare two derivations by id.
    if let Some(path) = std::env::var_os("DUMP_STATUS") {
        let mut out = String::new();
        for r in v.records.values() {
            let s = r.status_at(today);
            let kind = if r.cited_only { "cited" } else { "held" };
            out.push_str(&format!("{}\t{kind}\t{}\t{}\n", r.id, s.status.as_vi(), r.label()));
        }
        std::fs::write(path, out)?;
    }
    for id in args {
        println!("{id}: {}", serde_json::to_string_pretty(&v.get(&id))?);
    }
    if let Ok(text) = std::fs::read_to_string(&dev) {
        let (mut ok, mut n) = (0, 0);
        for line in text.lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 6 {
                continue;
            }
            n += 1;
            let t = DocType::parse(c[1]);
            let at: Date = c[2].parse().map_err(|e: String| anyhow::anyhow!(e))?;
            let cat = &d.catalog;
            let recs: Vec<&cancu::validity::Record> =
                cat.by_number_and_type(c[0], t).iter().filter_map(|m| v.get(&m.id)).collect();
            let got = recs.first().map(|r| r.status_at(at));
            let shown = got.as_ref().map(|s| {
                (s.status.as_vi(), s.effective.map(|d| d.to_string()), s.expired.map(|d| d.to_string()))
            });
            let want = (
                c[3],
                Some(c[4]).filter(|s| !s.is_empty()).map(String::from),
                Some(c[5]).filter(|s| !s.is_empty()).map(String::from),
            );
            let right = shown
                .as_ref()
                .is_some_and(|s| s.0 == want.0 && (want.1.is_none() || s.1 == want.1) && s.2 == want.2);
            ok += right as usize;
            if !right {
                println!("  miss {} {} at {}: want {:?}, got {:?}", c[1], c[0], c[2], want, shown);
            }
        }
        println!("dev truth: {ok}/{n} rows right (status, effective, expired)");
    }
    Ok(())
}
