//! Integration tests: validity status on the real data (both Pháp điển releases and vanban-goc imported,
//! written as a corpus and indexed once for all tests of this module): every row of the
//! development truth `eval/status/dev.tsv` at its date, evidence quoted word for word, the
//! `cancu show --json --at` answer for held and cited-only documents, and the plan linker's
//! warnings (with evidence; none resting on an unsourced fact for the founding plan).

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use cancu::catalog::Catalog;
use cancu::link::{self, WarningKind};
use cancu::model::{Date, DocType, Document, Status};
use cancu::validity::{EvidenceKind, Validity};

struct Real {
    corpus: &'static Path,
    index: &'static Path,
    docs: &'static [Document],
    validity: Validity,
}

/// The shared real knowledge base (`common::real_kb`: imported, written as a corpus and indexed
/// once per run) and its stored validity records; `None` when ../shared is absent.
fn real() -> Option<&'static Real> {
    static REAL: OnceLock<Option<Real>> = OnceLock::new();
    REAL.get_or_init(|| {
        let kb = crate::common::real_kb()?;
        let validity = Validity::open(&kb.index).unwrap();
        Some(Real { corpus: &kb.corpus, index: &kb.index, docs: &kb.docs, validity })
    })
    .as_ref()
}

struct Row {
    number: String,
    doc_type: DocType,
    at: Date,
    status: Status,
    effective: Option<Date>,
    expired: Option<Date>,
}

fn dev_rows() -> Vec<Row> {
    let path = crate::common::shared_file("eval/status/dev.tsv").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let date = |s: &str| (!s.is_empty()).then(|| s.parse::<Date>().unwrap());
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                number: c[0].into(),
                doc_type: DocType::parse(c[1]).unwrap(),
                at: c[2].parse().unwrap(),
                status: Status::parse(c[3]).unwrap(),
                effective: date(c[4]),
                expired: date(c[5]),
            }
        })
        .collect()
}

/// Every piece of the quote is in the article the evidence names, heading or text (a Pháp điển note's words
/// are the note's, not the article's; a hand-written record's source names an article that
/// the corpus holds, or a link).
fn check_quote(docs: &[Document], e: &cancu::validity::Evidence) {
    if e.kind == EvidenceKind::PhapdienNote {
        return;
    }
    if e.kind == EvidenceKind::Record {
        if let Some(art) = &e.article {
            let doc = docs.iter().find(|d| d.meta.id == e.document);
            assert!(doc.is_none_or(|d| d.article(art).is_some()), "{e:?}: no such article");
        } else {
            assert!(e.quote.starts_with("http"), "{e:?}: a record's source names an article or a link");
        }
        return;
    }
    let doc =
        docs.iter().find(|d| d.meta.id == e.document).unwrap_or_else(|| panic!("{} not held", e.document));
    let art = e.article.as_deref().unwrap_or_else(|| panic!("{e:?} names no article"));
    let a = doc.article(art).unwrap_or_else(|| panic!("{} has no Điều {art}", e.document));
    // An effect sentence written as the article's heading is quoted from the heading.
    let text = format!("{}\n{}", a.title, a.text());
    for piece in e.quote.split(" … ") {
        assert!(text.contains(piece), "{piece:?} is not in Điều {art} of {}", e.document);
    }
}

#[test]
fn dev_truth_status_at_its_date_with_evidence() {
    let Some(r) = real() else { return };
    let rows = dev_rows();
    assert!(rows.len() >= 20);
    for row in rows {
        // The one catalog finds the document (held or only cited) by type and number.
        let catalog = crate::common::real_kb().unwrap().base.catalog();
        let found = catalog.by_number_and_type(&row.number, Some(row.doc_type));
        assert_eq!(found.len(), 1, "{} {}", row.doc_type.as_vi(), row.number);
        let rec = r.validity.get(&found[0].id).unwrap_or_else(|| panic!("no record for {}", found[0].id));
        let s = rec.status_at(row.at);
        let what = format!("{} {} at {}", row.doc_type.as_vi(), row.number, row.at);
        assert_eq!(s.status, row.status, "{what}: {s:?}");
        if row.effective.is_some() {
            assert_eq!(s.effective, row.effective, "{what}: effective");
        }
        assert_eq!(s.expired, row.expired, "{what}: expired");
        assert!(!s.evidence.is_empty(), "{what}: no evidence");
        for e in &s.evidence {
            check_quote(r.docs, e);
        }
        // Nothing the truth says has ended is ever shown in force, at any date after it ended.
        if let Some(x) = row.expired {
            for at in [x, row.at] {
                assert_ne!(rec.status_at(at).status, Status::InForce, "{what}: in force at {at}");
            }
        }
    }
}

#[test]
fn every_status_rests_on_quoted_evidence() {
    let Some(r) = real() else { return };
    let today = Date::today();
    let (mut known, mut checked) = (0, 0);
    for rec in r.validity.records.values() {
        let s = rec.status_at(today);
        if s.status == Status::Unknown {
            continue;
        }
        known += 1;
        assert!(!s.evidence.is_empty(), "{}: {:?} without evidence", rec.id, s.status);
        for e in &s.evidence {
            check_quote(r.docs, e);
            checked += 1;
        }
    }
    // Most held documents have a status (a share, not an answer: see BENCHMARKS.md).
    assert!(known > r.docs.len() / 2, "{known} statuses");
    assert!(checked >= known);
}

fn show(r: &Real, reference: &str, at: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["show", reference, "--json", "--at", at, "--corpus"])
        .arg(r.corpus)
        .arg("--index")
        .arg(r.index)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn show_json_gives_status_at_a_date_held_or_cited() {
    let Some(r) = real() else { return };
    let j = show(r, "Bộ luật 10/2012/QH13", "2026-11-30");
    assert_eq!(j["status"], "hết hiệu lực");
    assert_eq!(j["expired"], "2021-01-01");
    assert_eq!(j["cited_only"], true);
    assert_eq!(j["title"], "Bộ luật Lao động");
    let e = &j["status_evidence"][0];
    assert_eq!((e["document"].as_str(), e["article"].as_str()), (Some("bo-luat-45-2019-qh14"), Some("220")));
    // A law replaced on 2024-07-01 was in force on 2024-03-25; its dates do not move.
    let j = show(r, "Luật 59/2010/QH12", "2024-03-25");
    assert_eq!((j["status"].as_str(), j["expired"].as_str()), (Some("còn hiệu lực"), Some("2024-07-01")));
    // Partial repeal: the articles repealed say by what.
    let j = show(r, "Luật 67/2011/QH12", "2026-11-30");
    assert_eq!(j["status"], "hết hiệu lực một phần");
    // A part's end is not the whole law's end (regression: `expired` gave the first part's).
    assert!(j["expired_wholly"].is_null(), "{}", j["expired_wholly"]);
    assert_eq!(j["expired"], j["expired_in_part"]);
    assert!(j["expired_in_part"].as_str().is_some_and(|d| d.len() == 10), "{}", j["expired_in_part"]);
    let t = show_text(r, "Luật 67/2011/QH12", "2026-11-30");
    assert!(t.contains("  hết hiệu lực một phần từ "), "{t}");
    assert!(!t.contains("  hết hiệu lực từ "), "{t}");
    // A partial repeal before a whole one: each line with its own source (trial 8: the
    // partial one had none in the text form).
    let t = show_text(r, "Bộ luật 10/2012/QH13", "2026-11-30");
    let part = t.find("  hết hiệu lực một phần từ 2016-07-01").unwrap_or_else(|| panic!("{t}"));
    assert!(
        t[part..].lines().nth(1).is_some_and(|l| l.contains("căn cứ: Bộ luật 92/2015/QH13 Điều 516")),
        "{t}"
    );
    let art25 = j["articles"].as_array().unwrap().iter().find(|a| a["number"] == "25").unwrap();
    assert_eq!(art25["validity"]["repealed_by"][0]["evidence"]["document"], "luat-97-2015-qh13");
}

#[test]
fn linker_warns_of_the_article_cited_not_only_the_document() {
    // Luật 58/2014/QH13 is partly repealed by Luật 84/2015/QH13 Điều 92 (from 01/07/2016):
    // Điều 105 whole, khoản 4 of Điều 84, two points of Điều 86; Điều 2 not at all.
    let Some(r) = real() else { return };
    let catalog = crate::common::real_kb().unwrap().base.catalog();
    let plan = "KẾ HOẠCH\nYên Bái, ngày 25 tháng 3 năm 2024\n\n\
        1. Thực hiện khoản 2 Điều 105 Luật Bảo hiểm xã hội số 58/2014/QH13.\n\
        2. Thực hiện khoản 4 Điều 84 Luật Bảo hiểm xã hội số 58/2014/QH13.\n\
        3. Thực hiện Điều 86 Luật Bảo hiểm xã hội số 58/2014/QH13.\n\
        4. Thực hiện Điều 2 Luật Bảo hiểm xã hội số 58/2014/QH13.\n";
    let rep = link::link_with(plan, catalog, &Default::default(), Some(&r.validity));
    let at = |line: &str| -> String {
        let start = plan.find(line).unwrap();
        rep.warnings
            .iter()
            .filter(|w| {
                matches!(w.kind, WarningKind::NotInForce | WarningKind::PartlyNotInForce)
                    && w.span.start >= start
                    && w.span.start < start + line.len()
            })
            .map(|w| w.message.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let w = at("1. Thực hiện khoản 2 Điều 105");
    assert!(w.starts_with("Điều 105 Luật 58/2014/QH13 đã hết hiệu lực từ ngày 01/07/2016"), "{w}");
    assert!(w.contains("Luật 84/2015/QH13"), "{w}");
    let w = at("2. Thực hiện khoản 4 Điều 84");
    assert!(w.starts_with("khoản 4 Điều 84 Luật 58/2014/QH13 đã hết hiệu lực từ ngày 01/07/2016"), "{w}");
    let w = at("3. Thực hiện Điều 86");
    assert!(
        w.starts_with("điểm b khoản 1 và điểm a khoản 2 Điều 86 Luật 58/2014/QH13 đã hết hiệu lực"),
        "{w}"
    );
    assert!(w.contains("(Điều 86 chỉ hết hiệu lực một phần)"), "{w}");
    // An article no known repeal names gets no "hết hiệu lực" warning (new-user trial: the
    // warning said so and its own text said Điều 2 was not among the parts).
    let w = at("4. Thực hiện Điều 2");
    assert!(w.is_empty(), "{w}");
    // The same in `cite --json`: the pinpoint's own status beside the document's.
    let rows = cite_json(r, plan, "2024-03-25");
    let row = |pin: &str| {
        rows.as_array().unwrap().iter().find(|c| c["pinpoint"] == pin).cloned().unwrap_or_default()
    };
    let r105 = row("khoản 2 Điều 105");
    assert_eq!(
        (r105["pinpoint_status"].as_str(), r105["pinpoint_repealed"].as_str()),
        (Some("hết hiệu lực"), Some("Điều 105")),
        "{r105}"
    );
    assert_eq!(r105["pinpoint_status_evidence"]["document"], "luat-84-2015-qh13", "{r105}");
    let r84 = row("khoản 4 Điều 84");
    assert_eq!(r84["pinpoint_status"], "hết hiệu lực", "{r84}");
    let r86 = row("Điều 86");
    assert_eq!(r86["pinpoint_status"], "hết hiệu lực một phần", "{r86}");
    assert!(row("Điều 2")["pinpoint_status"].is_null());
}

#[test]
fn linker_warns_with_evidence_and_never_on_an_unsourced_fact() {
    let Some(r) = real() else { return };
    let catalog = crate::common::real_kb().unwrap().base.catalog();
    let plan = "KẾ HOẠCH\nYên Bái, ngày 25 tháng 3 năm 2024\n\n1. Thực hiện Bộ luật Lao động số 10/2012/QH13 trong cơ quan.\n";
    let rep = link::link_with(plan, catalog, &Default::default(), Some(&r.validity));
    let w = rep.warnings.iter().find(|w| w.kind == WarningKind::NotInForce).expect("a not-in-force warning");
    assert!(w.message.contains("hết hiệu lực") && w.message.contains("45/2019/QH14"), "{}", w.message);
    assert!(w.message.contains("Điều 220"), "{}", w.message);
    // The founding plan at its date, against the real corpus and against the default records.
    let founding =
        std::fs::read_to_string(crate::common::shared_file("plans/ke-hoach-qcdc-2024.txt").unwrap()).unwrap();
    let embedded = cancu::corpus::embedded::load();
    assert!(embedded.problems.is_empty(), "{:?}", embedded.problems);
    let ecat = Catalog::from_documents(&embedded.documents);
    let evalidity = cancu::validity::derive(&embedded.documents, &ecat);
    for (cat, v) in [(catalog, &r.validity), (&ecat, &evalidity)] {
        let rep = link::link_with(&founding, cat, &Default::default(), Some(v));
        assert_eq!(rep.date, "2024-03-25".parse().ok());
        for w in rep
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::NotInForce | WarningKind::NotYetInForce))
        {
            assert!(w.message.contains(" theo Điều "), "a warning without evidence: {}", w.message);
        }
    }
}

#[test]
fn index_records_carry_todays_status() {
    let Some(r) = real() else { return };
    let searcher = cancu::search::Searcher::open(Path::new(&r.index)).unwrap();
    let query = |text: &str, status| {
        let mut q = cancu::search::Query::new(text).limit(50);
        q.filters.status = status;
        searcher.search(&q).unwrap().hits
    };
    // Luật Doanh nghiệp 68/2014/QH13 is held, and replaced: found without the filter, never
    // among the in-force hits, which are all in force.
    let all = query("thành lập doanh nghiệp", None);
    assert!(all.iter().any(|h| h.id == "luat-68-2014-qh13"));
    let in_force = query("thành lập doanh nghiệp", Some(Status::InForce));
    assert!(!in_force.is_empty());
    assert!(in_force.iter().all(|h| h.id != "luat-68-2014-qh13" && h.status == Status::InForce));
    let repealed = query("thành lập doanh nghiệp", Some(Status::Repealed));
    assert!(repealed.iter().any(|h| h.id == "luat-68-2014-qh13"));
}

/// `cancu cite --json --date DATE` of `text` against the real knowledge base.
fn cite_json(r: &Real, text: &str, date: &str) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["cite", "--json", "--date", date, "--corpus"])
        .arg(r.corpus)
        .arg("--index")
        .arg(r.index)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn cite_json_gives_each_target_status_at_the_citing_date() {
    let Some(r) = real() else { return };
    let text = "Theo Luật Doanh nghiệp số 68/2014/QH13, Bộ luật Lao động số 10/2012/QH13 và Luật Đất đai số 45/2013/QH13.";
    let run = |date: &str| cite_json(r, text, date);
    let status = |v: &serde_json::Value, n: &str| {
        v.as_array().unwrap().iter().find(|c| c["number"] == n).unwrap()["status"].clone()
    };
    let before = run("2020-06-01");
    assert_eq!(status(&before, "68/2014/QH13"), "còn hiệu lực");
    let after = run("2024-03-25");
    assert_eq!(status(&after, "68/2014/QH13"), "hết hiệu lực");
    // Known only by citation, still given its status.
    assert_eq!(status(&after, "10/2012/QH13"), "hết hiệu lực");
    // Nothing held establishes it: said, with why, not left out (regression).
    let now = run("2026-11-30");
    assert_eq!(status(&now, "45/2013/QH13"), "chưa rõ", "{now}");
    let land = now.as_array().unwrap().iter().find(|c| c["number"] == "45/2013/QH13").unwrap();
    assert!(land["status_caveat"].as_str().is_some_and(|c| !c.is_empty()), "{land}");
}

#[tokio::test(flavor = "multi_thread")]
async fn document_pages_show_the_status_history_with_evidence() {
    use tower::ServiceExt;
    let Some(r) = real() else { return };
    let snap = cancu::web::Snapshot::load(Some(r.corpus), r.index).unwrap();
    let app = cancu::web::router(cancu::web::AppState::new(snap));
    let get = |uri: &'static str| {
        let app = app.clone();
        async move {
            let res = app
                .oneshot(axum::http::Request::get(uri).body(axum::body::Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let bytes = axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        }
    };
    // A document only cited: shown with what is known, its end and the evidence for it.
    let (status, page) = get("/van-ban/bo-luat-10-2012-qh13").await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Lịch sử hiệu lực") && page.contains("45/2019/QH14"), "{page}");
    assert!(page.contains("hết hiệu lực"), "{page}");
    // A held document replaced by a later law: its badge is the derived status.
    let (status, page) = get("/van-ban/luat-68-2014-qh13").await;
    assert_eq!(status, 200);
    assert!(page.contains("Lịch sử hiệu lực") && page.contains("59/2020/QH14"), "history missing");
    // A partly repealed law: the date a part ended is labelled as such, never as the law's
    // end, and a repealed clause is named above its article.
    let (status, page) = get("/van-ban/luat-58-2014-qh13?tab=thuoc-tinh").await;
    assert_eq!(status, 200);
    assert!(page.contains("<dt>Ngày hết hiệu lực một phần</dt><dd>01/07/2016</dd>"), "{page}");
    assert!(!page.contains("<dt>Ngày hết hiệu lực</dt>"), "{page}");
    let (_, page) = get("/van-ban/luat-58-2014-qh13").await;
    assert!(page.contains("khoản 4 của Điều này hết hiệu lực từ 01/07/2016"), "{page}");
}

fn show_text(r: &Real, reference: &str, at: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["show", reference, "--at", at, "--corpus"])
        .arg(r.corpus)
        .arg("--index")
        .arg(r.index)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn articles_worded_otherwise_in_the_two_releases_keep_both_versions() {
    let Some(r) = real() else { return };
    let kb = crate::common::real_kb().unwrap();
    let (mut changed, mut absent) = (0, 0);
    let mut compared = None;
    for d in r.docs {
        for m in d.meta.articles.iter().filter(|m| m.versions.len() > 1) {
            assert_eq!(m.versions[0].release, "phapdien-2024", "{} Điều {}", d.meta.id, m.number);
            if m.versions.iter().any(|v| v.absent) {
                absent += 1;
            } else {
                changed += 1;
                compared.get_or_insert((d.meta.id.clone(), m.number.clone()));
            }
        }
    }
    assert!(changed > 100 && absent > 100, "{changed} worded otherwise, {absent} absent");
    // The comparison, from the document as the corpus holds it (what /api/versions answers).
    let (id, n) = compared.unwrap();
    let doc = kb.base.document(&id).unwrap().unwrap();
    let v = cancu::validity::versions::of_article(&doc, &n).unwrap();
    use cancu::validity::versions::OpKind;
    let spell =
        |skip: OpKind| v.diff.iter().filter(|o| o.op != skip).map(|o| o.text.as_str()).collect::<String>();
    let text = |i: usize| {
        let x = &v.versions[i];
        if x.title.is_empty() {
            x.text.clone().unwrap()
        } else {
            format!("{}\n{}", x.title, x.text.as_deref().unwrap())
        }
    };
    assert_eq!((spell(OpKind::Insert), spell(OpKind::Delete)), (text(0), text(v.versions.len() - 1)));
    assert!(v.diff.iter().any(|o| o.op != OpKind::Equal), "{id} Điều {n}");
    // An article gone from the 2026 release is a hint only: it changes no status.
    let hinted =
        r.docs.iter().find(|d| d.meta.articles.iter().any(|m| m.versions.iter().any(|x| x.absent))).unwrap();
    assert!(r
        .validity
        .get(&hinted.meta.id)
        .is_none_or(|rec| rec.events.iter().all(|e| !e.evidence.quote.is_empty())));
}

#[test]
fn a_name_goes_to_the_version_in_force_at_the_asked_date() {
    let Some(r) = real() else { return };
    // (name, date, the version, another version offered)
    let table = [
        ("bộ luật lao động", "2020-06-01", "bo-luat-10-2012-qh13", "bo-luat-45-2019-qh14"),
        ("bộ luật lao động", "2026-11-30", "bo-luat-45-2019-qh14", "bo-luat-10-2012-qh13"),
        ("luật đầu tư", "2026-11-30", "luat-61-2020-qh14", "luat-67-2014-qh13"),
    ];
    for (name, at, want, other) in table {
        let j = show(r, name, at);
        assert_eq!(j["id"], want, "{name} at {at}");
        let others: Vec<&str> =
            j["other_versions"].as_array().unwrap().iter().filter_map(|o| o["id"].as_str()).collect();
        assert!(others.contains(&other), "{name} at {at}: {others:?}");
    }
}

#[test]
fn a_document_cited_anywhere_is_shown_with_what_is_known() {
    let Some(r) = real() else { return };
    // Cited by Nghị định 145/2020/NĐ-CP, not in an effect clause (regression: "not found").
    let j = show(r, "Nghị định 04/2015/NĐ-CP", "2026-11-30");
    assert_eq!((j["cited_only"].as_bool(), j["number"].as_str()), (Some(true), Some("04/2015/NĐ-CP")));
    assert_eq!((j["doc_type"].as_str(), j["signed"].as_str()), (Some("Nghị định"), Some("2015-01-09")));
    assert_eq!(j["issuer"], "Chính phủ");
    let citing: Vec<&str> =
        j["cited_by"].as_array().unwrap().iter().filter_map(|c| c["id"].as_str()).collect();
    assert!(citing.contains(&"nghi-dinh-145-2020-nd-cp"), "{citing:?}");
    // Nothing states its status: never a guess.
    assert_eq!(j["status"], "chưa rõ");
}

#[test]
fn in_force_only_as_far_as_the_evidence_goes() {
    let Some(r) = real() else { return };
    // Luật Đất đai 2013: its own clause dates its entry into force; no source here shows it
    // current in 2026 (its successor's text is not held): "chưa rõ", with the caveat.
    let j = show(r, "Luật 45/2013/QH13", "2026-11-30");
    assert_eq!(j["status"], "chưa rõ", "{j}");
    assert!(j["status_caveat"].as_str().is_some_and(|c| c.contains("chưa có văn bản xác nhận")), "{j}");
    assert_eq!(show(r, "Luật 45/2013/QH13", "2014-07-01")["status"], "còn hiệu lực");
    // The text form never prints a later end as if it had happened (regression).
    let t = show_text(r, "Luật 59/2010/QH12", "2020-01-01");
    assert!(t.contains("sẽ hết hiệu lực từ 2024-07-01, sau ngày xét"), "{t}");
    assert!(!t.contains("  hết hiệu lực từ 2024-07-01"), "{t}");
}

#[tokio::test(flavor = "multi_thread")]
async fn versions_are_one_call_in_the_api_and_one_click_on_the_page() {
    use tower::ServiceExt;
    let Some(r) = real() else { return };
    let (id, n) = r
        .docs
        .iter()
        .find_map(|d| {
            let m = d
                .meta
                .articles
                .iter()
                .find(|m| m.versions.len() > 1 && m.versions.iter().all(|v| !v.absent))?;
            Some((d.meta.id.clone(), m.number.clone()))
        })
        .unwrap();
    let snap = cancu::web::Snapshot::load(Some(r.corpus), r.index).unwrap();
    let app = cancu::web::router(cancu::web::AppState::new(snap));
    let get = |uri: String| {
        let app = app.clone();
        async move {
            let res = app
                .oneshot(axum::http::Request::get(uri.as_str()).body(axum::body::Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let bytes = axum::body::to_bytes(res.into_body(), 64 << 20).await.unwrap();
            (status, String::from_utf8(bytes.to_vec()).unwrap())
        }
    };
    let (status, body) = get(format!("/api/versions?a={id}:{n}")).await;
    assert_eq!(status, 200, "{body}");
    let j: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!((j["from"].as_str(), j["to"].as_str()), (Some("phapdien-2024"), Some("phapdien-2026")));
    assert!(j["diff"].as_array().unwrap().iter().any(|o| o["op"] != "equal"), "{j}");
    let (status, page) = get(format!("/so-sanh?a={id}:{n}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Pháp điển 2024") && page.contains("Pháp điển 2026"), "{page}");
    let (_, doc) = get(format!("/van-ban/{id}")).await;
    assert!(doc.contains(&format!("href=\"/so-sanh?a={id}%3A{n}\">So sánh phiên bản</a>")), "{doc}");
    // Refused, or nothing to compare.
    assert_eq!(get("/api/versions?a=khong-hop-le".into()).await.0, 400);
    let (status, body) = get(format!("/api/versions?a={id}:9999")).await;
    assert_eq!(status, 404);
    assert!(body.contains("không có Điều 9999"), "{body}");
}

#[test]
fn real_repealed_article_says_so_when_shown() {
    // New-user trial: `cancu show "Điều 104 Luật 58/2014/QH13"` printed only the document's
    // badge ("hết hiệu lực một phần"), though Luật 84/2015/QH13 Điều 92 repeals that article.
    let Some(r) = real() else { return };
    let show = |reference: &str| show_text(r, reference, "2026-11-30");
    let text = show("Điều 104 Luật 58/2014/QH13");
    assert!(
        text.contains("Điều này hết hiệu lực từ 01/07/2016 — theo Điều 92 Luật 84/2015/QH13: “"),
        "{text}"
    );
    // The quote names the provisions, not the whole law.
    assert!(text.contains("Mục 3 Chương III"), "{text}");
    // An article the repeal does not name says nothing of the kind.
    assert!(!show("Điều 2 Luật 58/2014/QH13").contains("Điều này hết hiệu lực"));
    // The same repeal names "Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a
    // khoản 2 Điều 86, các điều 104–107, 116 và 117" (regression: only Điều 104 was read, the
    // section not at all, and a clause would have read as its whole article).
    let j = self::show(r, "Luật 58/2014/QH13", "2026-11-30");
    let rows: Vec<(String, bool, String)> = j["article_validity"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| {
            let r = a["repealed_by"].as_array()?.first()?;
            Some((a["article"].as_str()?.to_string(), r["whole"] == true, r["provisions"].to_string()))
        })
        .collect();
    let whole: Vec<&str> = rows.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
    for n in ["104", "105", "106", "107", "116", "117"] {
        assert!(whole.contains(&n), "Điều {n}: {rows:?}");
    }
    // Mục 3 Chương III (chế độ tai nạn lao động, bệnh nghề nghiệp) is Điều 42–52 of this law.
    for n in 42..=52 {
        assert!(whole.contains(&n.to_string().as_str()), "Điều {n} of Mục 3 Chương III: {rows:?}");
    }
    assert!(!whole.contains(&"41") && !whole.contains(&"53"), "{rows:?}");
    let part = |n: &str| rows.iter().find(|r| r.0 == n).map(|r| (r.1, r.2.clone()));
    assert_eq!(part("84"), Some((false, r#"["khoản 4"]"#.to_string())));
    assert_eq!(part("86"), Some((false, r#"["điểm b khoản 1","điểm a khoản 2"]"#.to_string())));
    let text = show("Điều 84 Luật 58/2014/QH13");
    assert!(text.contains("khoản 4 của Điều này hết hiệu lực từ 01/07/2016"), "{text}");
    assert!(!text.contains("⚠ Điều này hết hiệu lực"), "{text}");
}

/// The record of the document of `doc_type` and `number` (held or only cited).
fn record_of<'a>(r: &'a Real, doc_type: DocType, number: &str) -> &'a cancu::validity::Record {
    let catalog = crate::common::real_kb().unwrap().base.catalog();
    let found = catalog.by_number_and_type(number, Some(doc_type));
    assert_eq!(found.len(), 1, "{} {number}: {found:?}", doc_type.as_vi());
    r.validity.get(&found[0].id).unwrap_or_else(|| panic!("no record for {}", found[0].id))
}

#[test]
fn an_end_written_with_a_miswritten_number_and_an_exception() {
    // Valid11: Luật 61/2020/QH14 Điều 76 ends "Luật Đầu tư số 67/2014/QH14" (the XIIIth
    // term's law, its term miswritten) "trừ Điều 75" of it: the end was dropped (the number
    // makes no record) and the law stayed "chưa rõ". Điều 75 is kept, no end said: partial.
    let Some(r) = real() else { return };
    let rec = record_of(r, DocType::Luat, "67/2014/QH13");
    let s = rec.status_at("2026-11-30".parse::<Date>().unwrap());
    assert_eq!(s.status, Status::PartlyRepealed, "{s:?}");
    let e = s.evidence.iter().find(|e| e.label.contains("61/2020/QH14")).expect("the 2020 law's words");
    assert_eq!(e.article.as_deref(), Some("76"));
    assert!(e.quote.contains("trừ Điều 75"), "{}", e.quote);
    assert_ne!(rec.status_at("2020-12-31".parse::<Date>().unwrap()).status, Status::PartlyRepealed);
    // No record for the number as miswritten.
    let catalog = crate::common::real_kb().unwrap().base.catalog();
    assert!(catalog.by_number_and_type("67/2014/QH14", Some(DocType::Luat)).is_empty());
}

#[test]
fn a_regulation_ends_with_the_circular_that_issues_it_and_long_parts_stay_parts() {
    // Valid11: TT 21/2014/TT-BTTTT Điều 2 replaces QCVN 18:2010/BTTTT "ban hành kèm theo"
    // TT 18/2010/TT-BTTTT, which stayed "chưa rõ"; TT 349/2016/TT-BTC Điều 17 replaces a long
    // description of provisions in TTLT 26/2011 (read as a whole replacement).
    let Some(r) = real() else { return };
    let at = "2026-11-30".parse::<Date>().unwrap();
    let s = record_of(r, DocType::ThongTu, "18/2010/TT-BTTTT").status_at(at);
    assert_eq!(s.status, Status::PartlyRepealed, "{s:?}");
    assert!(s.evidence.iter().any(|e| e.quote.contains("QCVN 18:2010/BTTTT")), "{s:?}");
    let s = r
        .validity
        .get("quy-chuan-ky-thuat-quoc-gia-qcvn18-2010-btttt")
        .expect("the regulation")
        .status_at(at);
    assert_eq!(s.status, Status::Repealed, "{s:?}");
    let s = record_of(r, DocType::ThongTuLienTich, "26/2011/TTLT-BNNPTNT-BKHĐT-BTC").status_at(at);
    assert_eq!(s.status, Status::PartlyRepealed, "{s:?}");
}
