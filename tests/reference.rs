//! References: one reader and one document table behind every path. The same strings go
//! through the search box, `/api/resolve`, `cancu cite` and `cancu show` and must name the
//! same document and article on each; on the real corpus, the shorthand cadres type (BLLĐ,
//! NĐ145, Đ37.3) finds its article, and a sample of resolved citations never names a document
//! whose number or whole name is not the one written.

use std::path::{Path, PathBuf};
use std::process::Command;

use axum::body::Body;
use axum::http::Request;
use cancu::cite::{Confidence, Context};
use cancu::search::{Query, Route};
use cancu::web::{router, AppState, Snapshot};
use serde_json::Value;
use tower::ServiceExt;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

/// What a path answered: the document id and the article, if any.
type Answer = Option<(String, Option<String>)>;

fn via_search(s: &cancu::search::Searcher, q: &str) -> Answer {
    let r = s.search(&Query::new(q)).unwrap();
    match r.route? {
        Route::Article { id, article, .. } => Some((id, Some(article))),
        Route::Document { ids } if ids.len() == 1 => Some((ids[0].clone(), None)),
        Route::Document { .. } => None,
    }
}

async fn via_api(app: &axum::Router, q: &str) -> Answer {
    let uri = format!("/api/resolve?ref={}", urlencode(q));
    let res = app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    if !res.status().is_success() {
        return None;
    }
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap();
    let v: Value = serde_json::from_slice(&bytes).unwrap();
    Some((v["id"].as_str()?.to_string(), v["article"].as_str().map(String::from)))
}

fn via_cite(base: &cancu::kb::Base, q: &str) -> Answer {
    let c = base.cite(q, &Context::default()).into_iter().find(|c| c.target.is_some())?;
    Some((c.target.clone()?, c.pinpoint.and_then(|p| p.article)))
}

/// `cancu show REF --json` through the binary.
fn via_show(corpus: &Path, index: &Path, q: &str) -> Answer {
    let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["show", q, "--json", "--corpus"])
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap();
    if !out.status.success() {
        return None;
    }
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let article = v["article"]["number"].as_str().map(String::from);
    Some((v["id"].as_str()?.to_string(), article))
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_string_names_the_same_article_on_every_path() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let snap = Snapshot::rebuild(Some(&fixtures()), &index).unwrap();
    let searcher = snap.searcher.clone().unwrap();
    let app = router(AppState::new(snap));
    let base = cancu::kb::Base::open(Some(&fixtures()), &index).unwrap();
    // (reference, document, article, whether it is a citation in running text)
    let rows: &[(&str, &str, Option<&str>, bool)] = &[
        ("khoản 2 Điều 5 Luật số 10/2022/QH15", "luat-10-2022-qh15", Some("5"), true),
        ("Điều 5 Luật Thực hiện dân chủ ở cơ sở", "luat-10-2022-qh15", Some("5"), true),
        ("điều 3 nghị định 59/2023/NĐ-CP", "nghi-dinh-59-2023-nd-cp", Some("3"), true),
        ("Nghị định số 59/2023/NĐ-CP", "nghi-dinh-59-2023-nd-cp", None, true),
        ("Luật 18/2008/QH12", "luat-18-2008-qh12", None, true),
        ("Nghị quyết số 18/2008/QH12", "nghi-quyet-18-2008-qh12", None, true),
        ("NĐ 59/2023 Điều 3", "nghi-dinh-59-2023-nd-cp", Some("3"), false),
        ("59/2023/ND-CP", "nghi-dinh-59-2023-nd-cp", None, false),
        ("nđ 59 năm 2023", "nghi-dinh-59-2023-nd-cp", None, false),
        ("dieu 5 luat thuc hien dan chu o co so", "luat-10-2022-qh15", Some("5"), false),
        ("luat-10-2022-qh15#dieu-5", "luat-10-2022-qh15", Some("5"), false),
    ];
    let mut failures = Vec::new();
    for (q, id, article, in_text) in rows {
        let want: Answer = Some((id.to_string(), article.map(String::from)));
        let mut got = vec![
            ("search", via_search(&searcher, q)),
            ("api", via_api(&app, q).await),
            ("show", via_show(&fixtures(), &index, q)),
        ];
        if *in_text {
            got.push(("cite", via_cite(&base, q)));
        }
        for (path, answer) in got {
            if answer != want {
                failures.push(format!("{q:?} via {path}: {answer:?}, want {want:?}"));
            }
        }
    }
    // A number two documents share names neither on any path.
    let shared_number = "18/2008/QH12";
    assert_eq!(via_search(&searcher, shared_number), None);
    assert_eq!(via_api(&app, shared_number).await, None);
    assert_eq!(via_show(&fixtures(), &index, shared_number), None);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn show_says_plainly_what_it_cannot_find() {
    let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["show", "Nghị định số 999/2099/NĐ-CP", "--corpus"])
        .arg(fixtures())
        .args(["--index", "/nonexistent-index"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Không có văn bản nào khớp"), "{err}");
    // Without an index the corpus is read whole: said, with what to do (regression: silent).
    assert!(err.contains("lưu ý: chưa có chỉ mục ở /nonexistent-index"), "{err}");
    assert!(err.contains("Chạy `cancu index`"), "{err}");
}

#[test]
fn show_of_an_article_gives_its_page_address() {
    // Trial 6: a bare "#dieu-5" line; the address on the server's document page instead.
    let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
        .args(["show", "Điều 5 Luật 10/2022/QH15", "--corpus"])
        .arg(fixtures())
        .args(["--index", "/nonexistent-index"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().nth(1).is_some_and(|l| l == "Đường dẫn: /van-ban/luat-10-2022-qh15#dieu-5"),
        "{text}"
    );
}

// ---- Real data ----

#[test]
fn real_shorthand_finds_the_article_in_search_and_show() {
    let Some(kb) = crate::common::real_kb() else { return };
    let s = kb.base.searcher().unwrap();
    let number = |id: &str| kb.base.catalog().get(id).and_then(|m| m.canonical.clone()).unwrap_or_default();
    // (query, number of the first hit, its article, routed to an article)
    let rows: &[(&str, &str, Option<&str>, bool)] = &[
        ("Điều 47 BLLĐ", "45/2019/QH14", Some("47"), true),
        ("NĐ145 Điều 57", "145/2020/NĐ-CP", Some("57"), true),
        ("nghị định 145", "145/2020/NĐ-CP", None, false),
        ("Đ37.3 BLLĐ", "45/2019/QH14", Some("37"), true),
        ("NĐ 145/2020 Điều 57", "145/2020/NĐ-CP", Some("57"), true),
        ("Điều 47 Bộ luật Lao động", "45/2019/QH14", Some("47"), true),
    ];
    for (q, want_number, want_article, article_route) in rows {
        let r = s.search(&Query::new(*q)).unwrap();
        let first = r.hits.first().unwrap_or_else(|| panic!("{q}: no hit"));
        assert_eq!(first.number.as_deref(), Some(*want_number), "{q}");
        if let Some(a) = want_article {
            assert_eq!(first.article.as_deref(), Some(*a), "{q}");
        }
        match &r.route {
            Some(Route::Article { id, .. }) if *article_route => assert_eq!(number(id), *want_number, "{q}"),
            Some(Route::Document { ids }) if !article_route => {
                assert!(ids.iter().any(|i| number(i) == *want_number), "{q}: {ids:?}")
            }
            other => panic!("{q}: route {other:?}"),
        }
    }
    // Khoản 3 of Điều 37 is what "Đ37.3" points at.
    let r = s.search(&Query::new("Đ37.3 BLLĐ")).unwrap();
    assert!(matches!(&r.route, Some(Route::Article { clause: Some(c), .. }) if c == "3"), "{:?}", r.route);
    // `cancu show` answers the same, from the index.
    let shown = via_show(&kb.corpus, &kb.index, "Điều 47 BLLĐ").expect("show finds it");
    assert_eq!((number(&shown.0), shown.1.as_deref()), ("45/2019/QH14".to_string(), Some("47")));
}

/// Probe 14 (kind 18): shorthand pinpoints written article first, glued or with the tones of
/// "Điều" mistyped keep their article; the constitution, laws by the initials of their name
/// (one law, or all the laws an abbreviation fits); an article of a document whose text is
/// not held is one answer on every path — the search box's notice, `show`'s exit code and
/// message, the API's 404 — with the held version that has it as a candidate.
#[tokio::test(flavor = "multi_thread")]
async fn real_shorthand_pinpoints_codes_and_texts_not_held() {
    let Some(kb) = crate::common::real_kb() else { return };
    let s = kb.base.searcher().unwrap();
    let number = |id: &str| kb.base.catalog().get(id).and_then(|m| m.canonical.clone()).unwrap_or_default();
    // (query, number routed to, article, clause, point)
    type Row<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
    let rows: &[Row] = &[
        ("Điều 35 khoản 1 BLLĐ", "45/2019/QH14", "35", Some("1"), None),
        ("Điều 5 khoản 2 NĐ145", "145/2020/NĐ-CP", "5", Some("2"), None),
        ("k1đ35 BLLĐ", "45/2019/QH14", "35", Some("1"), None),
        ("điều47 bllđ", "45/2019/QH14", "47", None, None),
        ("Điêu 47 BLLĐ", "45/2019/QH14", "47", None, None),
        ("Điều 37.3 BLLĐ", "45/2019/QH14", "37", Some("3"), None),
        ("Điều 51 khoản 1 điểm s BLHS", "100/2015/QH13", "51", Some("1"), Some("s")),
        ("Điều 59 LGTĐB", "23/2008/QH12", "59", None, None),
        ("LTTNCN Điều 3", "04/2007/QH12", "3", None, None),
        ("Luật NVQS Điều 30", "78/2015/QH13", "30", None, None),
        ("LVC Điều 2", "58/2010/QH12", "2", None, None),
    ];
    let mut failures = Vec::new();
    for (q, want, article, clause, point) in rows {
        let r = s.search(&Query::new(*q)).unwrap();
        match &r.route {
            Some(Route::Article { id, article: a, clause: c, point: p })
                if number(id) == *want
                    && a == article
                    && c.as_deref() == *clause
                    && p.as_deref() == *point => {}
            other => failures.push(format!("{q}: route {other:?}")),
        }
    }
    // The constitution with an article, either order.
    for q in ["Điều 14 Hiến pháp", "Hiến pháp 2013 Điều 14"] {
        let r = s.search(&Query::new(q)).unwrap();
        match &r.route {
            Some(Route::Article { id, article, .. })
                if article == "14"
                    && kb
                        .base
                        .catalog()
                        .get(id)
                        .is_some_and(|m| m.doc_type == cancu::model::DocType::HienPhap) => {}
            other => failures.push(format!("{q}: route {other:?}")),
        }
    }
    // An abbreviation two laws share: both listed, none chosen.
    let r = s.search(&Query::new("LĐT Điều 65")).unwrap();
    let numbers: Vec<String> = match &r.route {
        Some(Route::Document { ids }) => ids.iter().map(|i| number(i)).collect(),
        other => panic!("LĐT Điều 65: route {other:?}"),
    };
    assert!(numbers.contains(&"61/2020/QH14".to_string()) && numbers.len() >= 2, "{numbers:?}");
    assert!(r.notice.as_deref().is_some_and(|n| n.starts_with("Dẫn chiếu chưa rõ")), "{:?}", r.notice);
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // An article of a document without text: one answer everywhere.
    let app = router(AppState::new(Snapshot::load(Some(&kb.corpus), &kb.index).expect("real snapshot")));
    // (query, document named, the held version offered)
    let rows = [
        ("Điều 36 BLLĐ 2012", "10/2012/QH13", "45/2019/QH14", "36"),
        ("BLHS 1999 Điều 104", "15/1999/QH10", "100/2015/QH13", "104"),
        ("Luật Đấu thầu Điều 65", "22/2023/QH15", "43/2013/QH13", "65"),
    ];
    for (q, asked, held, article) in rows {
        let r = s.search(&Query::new(q)).unwrap();
        let notice = r.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("Kho dữ liệu không có toàn văn"), "{q}: {notice}");
        assert!(notice.contains(asked) && notice.contains(held), "{q}: {notice}");
        assert!(
            matches!(&r.route, Some(Route::Document { ids }) if ids.len() == 1 && number(&ids[0]) == asked),
            "{q}: {:?}",
            r.route
        );
        assert!(
            r.hits
                .first()
                .is_some_and(|h| h.number.as_deref() == Some(held) && h.article.as_deref() == Some(article)),
            "{q}: the candidate's article"
        );
        let out = Command::new(env!("CARGO_BIN_EXE_cancu"))
            .args(["show", q, "--corpus"])
            .arg(&kb.corpus)
            .arg("--index")
            .arg(&kb.index)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{q}: show must fail as the API does");
        assert!(out.stdout.is_empty(), "{q}: show printed the record as if it answered");
        assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), notice, "{q}");
        let uri = format!("/api/resolve?ref={}", urlencode(q));
        let res = app.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status().as_u16(), 404, "{q}");
        let v: Value =
            serde_json::from_slice(&axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap()).unwrap();
        assert_eq!(v["message"].as_str(), Some(notice.as_str()), "{q}");
    }
}

/// A small deterministic generator (no dependency for a sample).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn real_sample_of_resolved_citations_names_the_written_document() {
    let Some(kb) = crate::common::real_kb() else { return };
    let catalog = kb.base.catalog();
    let graph = kb.base.graph().unwrap();
    let text_edges: Vec<usize> =
        (0..graph.len()).filter(|&i| graph.edge(i).origin == cancu::graph::Origin::Text).collect();
    let mut rng = Rng(0xC17A_710E);
    let mut seen = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    let (mut by_number, mut by_name) = (0, 0);
    while checked < 100 {
        let e = graph.edge(text_edges[rng.below(text_edges.len())]);
        let Some(art) = e.source_article else { continue };
        if !seen.insert((e.source.to_string(), art.to_string(), e.target.to_string())) {
            continue;
        }
        let src = kb.docs.iter().find(|d| d.meta.id == e.source).unwrap();
        let Some(a) = src.article(art) else { continue };
        let text = a.text();
        let cites = kb.base.cite(&text, &Context::of(&src.meta));
        let Some(c) = cites.iter().find(|c| c.target.as_deref() == Some(e.target) && !c.self_ref) else {
            continue;
        };
        checked += 1;
        let tgt = catalog.get(e.target).unwrap();
        let verdict = match (c.confidence, &c.number, &c.name) {
            (Some(Confidence::Exact), Some(n), _) => {
                let keys: Vec<String> = tgt
                    .canonical
                    .iter()
                    .chain(&tgt.number)
                    .chain(&tgt.aliases)
                    .map(|x| cancu::number::key(x))
                    .collect();
                by_number += 1;
                let variant = cancu::number::key(n).replace("qdi/", "qd/").replace("qd/", "qdi/");
                (keys.contains(&cancu::number::key(n)) || keys.contains(&variant))
                    .then_some(())
                    .ok_or(format!("number {n} is not the target's {keys:?}"))
            }
            (Some(Confidence::Name), None, Some(name)) => {
                by_name += 1;
                let names: Vec<String> = std::iter::once(&tgt.title)
                    .chain(&tgt.aliases)
                    .map(|t| cancu::catalog::name_key(t))
                    .collect();
                // The catalog's own rule for a name ("Luật sư" of "Luật Luật sư").
                let by_catalog = catalog.by_name(Some(tgt.doc_type), name).iter().any(|m| m.id == tgt.id);
                (names.contains(&cancu::catalog::name_key(name)) || by_catalog)
                    .then_some(())
                    .ok_or(format!("read name {name:?} is not the target's title {:?}", tgt.title))
            }
            // A number written otherwise ("115/NĐ-CP" with its date for 115/2015/NĐ-CP): the same
            // serial, the rest of the spelling or the date settling it.
            (Some(Confidence::Variant), Some(n), _) => {
                by_number += 1;
                let serial = |x: &str| {
                    let k = cancu::number::key(x);
                    cancu::number::parts(&k).map(|p| cancu::number::serial_key(p.serial)).unwrap_or(k)
                };
                let real = tgt.canonical.as_deref().unwrap_or_default();
                (serial(n) == serial(real))
                    .then_some(())
                    .ok_or(format!("number {n} written otherwise is not a spelling of {real}"))
            }
            // A name the same text cites elsewhere with a number ("Luật X" and "Luật X số …"):
            // that number is the target's.
            (Some(Confidence::Exact), None, Some(name)) => {
                by_name += 1;
                let keys: Vec<String> =
                    tgt.canonical.iter().chain(&tgt.number).map(|x| cancu::number::key(x)).collect();
                cites
                    .iter()
                    .any(|o| o.number.as_deref().is_some_and(|n| keys.contains(&cancu::number::key(n))))
                    .then_some(())
                    .ok_or(format!(
                        "name {name:?} resolved exactly, but no citation of the text gives {keys:?}"
                    ))
            }
            (Some(Confidence::Name), None, None) if tgt.doc_type == cancu::model::DocType::HienPhap => Ok(()),
            other => Err(format!("resolved without a number or a name: {other:?}")),
        };
        let around = cancu::graph::around(&text, c.start, c.end);
        eprintln!(
            "{checked:>3}. {} Điều {art}: «{}» → {} ({}) {}",
            e.source,
            around.text,
            tgt.label(),
            tgt.title,
            match &verdict {
                Ok(()) => "ok".into(),
                Err(m) => format!("WRONG: {m}"),
            }
        );
        if let Err(m) = verdict {
            failures.push(format!("{} Điều {art} → {}: {m}", e.source, e.target));
        }
    }
    eprintln!("{checked} resolutions checked: {by_number} by number, {by_name} by name");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Resolves `text` against the real catalog: (surface start, target, anchor, confidence).
fn real_targets(kb: &crate::common::RealKb, text: &str) -> Vec<cancu::cite::Citation> {
    kb.base.cite(text, &Context::default())
}

#[test]
fn real_names_with_stop_words_and_short_names_resolve_to_the_whole_title() {
    let Some(kb) = crate::common::real_kb() else { return };
    // Sentences of our own in the form of a decree's basis list and body (case 06's kind).
    let text = "Căn cứ Luật Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6 năm 2020 (sau đây \
                gọi là Luật PPP);\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n\
                Dự án thực hiện theo Điều 73 Luật Đầu tư theo phương thức PPP. Hồ sơ lập theo điểm a \
                khoản 5 Điều 70 Luật PPP và nghiệm thu theo Điều 72 Luật PPP.";
    let cites = real_targets(kb, text);
    let got: Vec<(String, Option<String>, Option<String>)> = cites
        .iter()
        .filter(|c| !c.self_ref)
        .map(|c| {
            (
                c.text.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
                c.target.clone(),
                c.target.as_ref().and(c.anchor()),
            )
        })
        .collect();
    let ppp = Some("luat-64-2020-qh14".to_string());
    let want = vec![
        ("Luật Đầu tư".to_string(), ppp.clone(), None),
        ("Luật Thi đua,".to_string(), Some("luat-06-2022-qh15".to_string()), None),
        ("Điều 73 Luật".to_string(), ppp.clone(), Some("dieu-73".to_string())),
        ("điểm a khoản".to_string(), ppp.clone(), Some("dieu-70-khoan-5-diem-a".to_string())),
        ("Điều 72 Luật".to_string(), ppp.clone(), Some("dieu-72".to_string())),
    ];
    assert_eq!(got, want, "{cites:#?}");
    // Luật Đầu tư (61/2020/QH14) is another law: never a target here.
    assert!(cites.iter().all(|c| c.target.as_deref() != Some("luat-61-2020-qh14")));
    // The linker leaves none of the short names unresolved.
    let report = cancu::link::link(text, kb.base.catalog(), &Default::default());
    let unresolved: Vec<_> =
        report.warnings.iter().filter(|w| w.kind == cancu::link::WarningKind::Unresolved).collect();
    assert!(unresolved.is_empty(), "{unresolved:#?}");
}

#[test]
fn real_amending_laws_are_their_own_citations_and_raise_no_date_warning() {
    let Some(kb) = crate::common::real_kb() else { return };
    // A basis list of our own with amending laws cited by title (case 16's kind): their base
    // laws are in the corpus, and one of the amending laws.
    let text = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\
                Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức \
                chính quyền địa phương ngày 22 tháng 11 năm 2019;\n\
                Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật \
                ngày 18 tháng 6 năm 2020;\n\
                Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Dược ngày 21 tháng 11 năm 2024;";
    let cites = real_targets(kb, text);
    let amending: Vec<&cancu::cite::Citation> = cites
        .iter()
        .filter(|c| c.name.as_deref().is_some_and(|n| n.starts_with("sửa đổi, bổ sung")))
        .collect();
    let dates: Vec<String> =
        amending.iter().map(|c| c.date.map(|d| d.to_string()).unwrap_or_default()).collect();
    assert_eq!(dates, ["2019-11-22", "2020-06-18", "2024-11-21"], "{cites:#?}");
    // Never a base law; the one the corpus holds (Luật 47/2019/QH14, from the 2024 release) is
    // itself, by its title and date.
    for c in &amending {
        let signed = c.target.as_deref().and_then(|t| kb.base.catalog().get(t)).map(|m| m.signed);
        assert!(signed.is_none_or(|s| s == c.date), "{c:#?}");
    }
    assert_eq!(amending[0].target.as_deref(), Some("luat-47-2019-qh14"));
    // Base laws named inside: without the amending law's date, resolved to the base law.
    let inside: Vec<&cancu::cite::Citation> = cites.iter().filter(|c| c.within.is_some()).collect();
    assert!(inside.iter().all(|c| c.date.is_none()), "{inside:#?}");
    let base_targets: Vec<&str> = inside.iter().filter_map(|c| c.target.as_deref()).collect();
    for id in ["luat-76-2015-qh13", "luat-77-2015-qh13", "luat-80-2015-qh13", "luat-105-2016-qh13"] {
        assert!(base_targets.contains(&id), "{id} not among {base_targets:?}");
    }
    // The plain base-law line still resolves, with its own date.
    assert_eq!(cites[0].target.as_deref(), Some("luat-76-2015-qh13"));
    // No false "wrong date" warning.
    let report = cancu::link::link(text, kb.base.catalog(), &Default::default());
    let dates: Vec<_> =
        report.warnings.iter().filter(|w| w.kind == cancu::link::WarningKind::DateMismatch).collect();
    assert!(dates.is_empty(), "{dates:#?}");
}

#[test]
fn command_line_help_is_vietnamese() {
    let verbs = ["import", "index", "search", "show", "cite", "link", "serve"];
    let mut runs: Vec<Vec<&str>> = vec![vec!["--help"]];
    runs.extend(verbs.iter().map(|v| vec![*v, "--help"]));
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_cancu")).args(&args).output().unwrap();
        assert!(out.status.success());
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("Cách dùng:") && help.contains("Tùy chọn:") && help.contains("In trợ giúp"),
            "{help}"
        );
        // clap's own words and placeholders (regression: "[OPTIONS]", "<AT>", "[default: index]").
        for english in [
            "Print help",
            "Usage:",
            "[OPTIONS]",
            "<COMMAND>",
            "Commands:",
            "Arguments:",
            "[default:",
            "possible values",
            "<AT>",
            "<CORPUS>",
        ] {
            assert!(!help.contains(english), "{english:?} in {args:?}: {help}");
        }
    }
}

#[test]
fn command_line_errors_are_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("không-có");
    let missing = missing.to_str().unwrap();
    // (arguments, what the error says)
    let rows: &[(&[&str], &str)] = &[
        (&["serch", "x"], "lỗi: không có lệnh 'serch' (có phải ý bạn là"),
        (&["show"], "lỗi: thiếu đối số bắt buộc: <THAM_CHIẾU>"),
        (&["show", "x", "--bogus"], "lỗi: đối số không hợp lệ: '--bogus'"),
        // The hint names the verb's own help, where its options are (regression: `cancu --help`).
        (&["search", "--foo", "x"], "Xem trợ giúp: cancu search --help"),
        (&["serch", "x"], "Xem trợ giúp: cancu --help"),
        (&["search", "--limit", "abc", "x"], "lỗi: giá trị 'abc' của --limit <SỐ> không đọc được"),
        (&["link", "p", "--format", "pdf"], "giá trị được phép: html, md, json"),
        (&["show", "x", "--at", "2024-13-01"], "lỗi: giá trị '2024-13-01' của --at <NGÀY>"),
        (&["search", "x", "--json", "--json"], "lỗi: --json chỉ được dùng một lần"),
        // `--type` and `--status` use the web's `FromStr`, whose message says what is allowed.
        (&["search", "x", "--type", "abc"], "Loại văn bản không hợp lệ: “abc”"),
        (&["search", "x", "--status", "abc"], "Tình trạng hiệu lực không hợp lệ: “abc”"),
        // The library's errors (Error's Display) reach the user in Vietnamese too.
        (&["show", "x", "--corpus", missing], "không có thư mục kho văn bản này"),
    ];
    for (args, want) in rows {
        let out = Command::new(env!("CARGO_BIN_EXE_cancu")).args(*args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{args:?}: want {want:?} in {err}");
        for english in ["error:", "Usage:", "For more information", "not found", "unexpected argument"] {
            assert!(!err.contains(english), "{english:?} in {args:?}: {err}");
        }
    }
}

#[test]
fn an_index_answers_only_for_its_own_corpus() {
    // Regression: a default `./index` built from another corpus answered `show` and `cite`
    // with that corpus's documents.
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    Snapshot::rebuild(Some(&fixtures()), &index).unwrap();
    let other = dir.path().join("other");
    let mut m = cancu::model::Metadata::new("luat-7-2020-qh14", cancu::model::DocType::Luat, "Luật thử khác");
    m.number = Some("7/2020/QH14".into());
    m.canonical = Some("7/2020/QH14".into());
    cancu::corpus::store::write(&other, &cancu::model::Document { meta: m, body: vec![] }).unwrap();
    assert_eq!(via_show(&other, &index, "Luật số 7/2020/QH14"), Some(("luat-7-2020-qh14".to_string(), None)));
    assert_eq!(via_show(&other, &index, "Luật số 10/2022/QH15"), None, "not a document of this corpus");
    // The index's own corpus still answers from the index.
    assert_eq!(
        via_show(&fixtures(), &index, "Luật số 10/2022/QH15"),
        Some(("luat-10-2022-qh15".to_string(), None))
    );
}

/// Central Party documents cited across the corpus are first-class records even when the
/// corpus holds none of their text: one per number and congress term (the Party numbers
/// anew in every term), with the date, issuer and citing documents read from the
/// citations; every path finds them by number, and a number two terms share is ambiguous
/// with both, each labelled with its term.
#[test]
fn real_party_documents_known_by_citation_are_records_per_term() {
    let Some(kb) = crate::common::real_kb() else { return };
    let cat = kb.base.catalog();
    let m = cat
        .get("nghi-quyet-27-nq-tw-khoa-xii")
        .expect("Nghị quyết 27-NQ/TW of 2018 is cited across the corpus");
    assert!(cat.is_cited_only(&m.id));
    assert_eq!(m.signed, "2018-05-21".parse().ok());
    assert!(m.issuer.as_deref().is_some_and(|i| i.contains("Ban Chấp hành Trung ương")), "{:?}", m.issuer);
    assert_eq!(m.label(), "Nghị quyết 27-NQ/TW (khóa XII)");
    // The search box, the API's reader and `show` name it.
    let s = kb.base.searcher().unwrap();
    let r = s.search(&Query::new("Nghị quyết 27-NQ/TW")).unwrap();
    assert!(matches!(&r.route, Some(Route::Document { ids }) if ids.contains(&m.id)), "{:?}", r.route);
    let cited = via_cite(&kb.base, "theo Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Ban Chấp hành Trung ương");
    assert_eq!(cited, Some((m.id.clone(), None)));
    assert_eq!(
        via_show(&kb.corpus, &kb.index, "Nghị quyết 27-NQ/TW ngày 21/5/2018").map(|a| a.0),
        Some(m.id.clone())
    );
    // Another term's resolution of that number is not this one.
    let other =
        base_cite_one(&kb.base, "theo Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương");
    assert_ne!(other.target.as_deref(), Some(m.id.as_str()), "{other:?}");
    // Numbers cited of two terms: both records, and an undated citation is uncertain.
    let terms: Vec<&cancu::model::Metadata> =
        cat.by_number("39-NQ/TW").into_iter().filter(|m| cat.is_cited_only(&m.id)).collect();
    if terms.len() > 1 {
        let c = base_cite_one(&kb.base, "quán triệt Nghị quyết số 39-NQ/TW về mẫu");
        assert_eq!((c.target.as_deref(), c.confidence), (None, Some(Confidence::Ambiguous)), "{c:?}");
    }
}

fn base_cite_one(base: &cancu::kb::Base, text: &str) -> cancu::cite::Citation {
    base.cite(text, &Context::default()).into_iter().next().unwrap_or_else(|| panic!("{text}: no citation"))
}

/// Implementing decrees name the law they detail bare, article by article ("Điều 5 Bộ luật
/// Lao động"), and many were signed after a new version of that law and before it took
/// effect: the graph links such a name to the version the decree rests on (its title's
/// "quy định chi tiết …", its basis, its sourced "details" relations), and never to the
/// version in force that day by default — no silent link to the replaced version.
#[test]
fn real_decrees_cite_the_version_they_detail() {
    let Some(kb) = crate::common::real_kb() else { return };
    let catalog = kb.base.catalog();
    let graph = kb.base.graph().unwrap();
    // (decree, the version it details, the version it replaces)
    let rows = [
        ("nghi-dinh-145-2020-nd-cp", "bo-luat-45-2019-qh14", "bo-luat-10-2012-qh13"),
        ("nghi-dinh-155-2020-nd-cp", "luat-54-2019-qh14", "luat-70-2006-qh11"),
        ("nghi-dinh-112-2021-nd-cp", "luat-69-2020-qh14", "luat-72-2006-qh11"),
    ];
    for (decree, new, old) in rows {
        if catalog.get(decree).is_none() || catalog.get(new).is_none() {
            continue;
        }
        let out = graph.outgoing(decree, None);
        let to = |t: &str| out.iter().filter(|e| e.target == t && bare_law_name(e)).count();
        assert!(to(new) > 10, "{decree} → {new}: {}", to(new));
        assert_eq!(to(old), 0, "{decree} → {old}");
    }
    // Over the whole graph: an edge written as a bare name (no digit in the citation) from a
    // document signed while a newer version of that name was signed but not in force goes to
    // that newer version or, unresolved, nowhere.
    let mut wrong = Vec::new();
    for e in graph.edges().filter(|e| e.origin == cancu::graph::Origin::Text) {
        if !bare_law_name(&e) {
            continue;
        }
        let mark = &e.snippet[e.mark.0..e.mark.1];
        let (Some(src), Some(tgt)) = (catalog.get(e.source), catalog.get(e.target)) else { continue };
        let (Some(d), Some(ts)) = (src.signed, tgt.signed) else { continue };
        let pending = catalog.iter().any(|v| {
            v.id != tgt.id
                && v.doc_type == tgt.doc_type
                && cancu::catalog::name_key(&v.title) == cancu::catalog::name_key(&tgt.title)
                && v.signed.is_some_and(|s| s > ts && s <= d)
                && v.effective.is_some_and(|x| x > d)
        });
        if pending {
            wrong.push(format!("{} Điều {:?} «{mark}» → {}", e.source, e.source_article, e.target));
        }
    }
    assert!(
        wrong.len() <= 5,
        "{} bare names linked to the replaced version: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
}

/// Whether an edge's citation is a law's name written without number, date or year (a
/// pinpoint before it aside: "Điều 5 Bộ luật Lao động").
fn bare_law_name(e: &cancu::graph::Edge<'_>) -> bool {
    let mark = &e.snippet[e.mark.0..e.mark.1];
    e.origin == cancu::graph::Origin::Text
        && mark.rfind("uật").is_some_and(|at| !mark[at..].chars().any(|c| c.is_ascii_digit()))
}
