//! Integration tests: the citation graph and the plan linker on the real data
//! (phapdien-2026 and vanban-goc read with the library import API; one corpus shared by all
//! tests of this module), and the founding plan `plans/ke-hoach-qcdc-2024.txt`.

use std::sync::OnceLock;

use cancu::catalog::{name_key, Catalog};
use cancu::graph::{self, Edge, Graph, Origin};
use cancu::link::{self, LinkReport, WarningKind};
use cancu::model::{Document, Metadata, RelationKind};
use cancu::number::key;
use cancu::text::fold;

use crate::common::shared;

struct Real {
    docs: &'static [Document],
    catalog: &'static Catalog,
    graph: Graph,
}

/// The shared real knowledge base's documents, catalog and stored graph; `None` when
/// ../shared is absent.
fn real() -> Option<&'static Real> {
    static REAL: OnceLock<Option<Real>> = OnceLock::new();
    REAL.get_or_init(|| {
        let kb = crate::common::real_kb()?;
        let graph = kb.base.graph().expect("the index stores its graph");
        Some(Real { docs: &kb.docs, catalog: kb.base.catalog(), graph })
    })
    .as_ref()
}

fn plan() -> Option<String> {
    let p = shared()?.join("plans/ke-hoach-qcdc-2024.txt");
    Some(std::fs::read_to_string(p).expect("the founding plan is UTF-8"))
}

/// The id of the one document of this number (the corpus must hold it).
fn id_of(c: &Catalog, number: &str) -> String {
    let hits = c.by_number(number);
    assert_eq!(hits.len(), 1, "{number}: {:?}", hits.iter().map(|m| &m.id).collect::<Vec<_>>());
    hits[0].id.clone()
}

fn warnings_at(r: &LinkReport, text: &str, surface: &str) -> Vec<WarningKind> {
    let at = text.find(surface).unwrap_or_else(|| panic!("{surface} not in the plan"));
    r.warnings.iter().filter(|w| w.span.start <= at && at < w.span.end).map(|w| w.kind).collect()
}

#[test]
fn founding_plan_is_linked_and_checked() {
    let (Some(real), Some(text)) = (real(), plan()) else { return };
    let r = link::link(&text, real.catalog, &link::Options::default());
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2024-03-25"));

    // Every citation of a document the corpus holds is resolved to it.
    let law = id_of(real.catalog, "10/2022/QH15");
    let nd59 = id_of(real.catalog, "59/2023/NĐ-CP");
    let nd145 = id_of(real.catalog, "145/2020/NĐ-CP");
    let blld = id_of(real.catalog, "45/2019/QH14");
    let tctt = id_of(real.catalog, "104/2016/QH13");
    let nqlt = id_of(real.catalog, "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN");
    let expect = |c: &cancu::cite::Citation| -> Option<&String> {
        let n = c.number.as_deref().map(key);
        let name = c.name.as_deref().map(name_key);
        match (n.as_deref(), name.as_deref()) {
            (Some("59/2023/nd-cp"), _) => Some(&nd59),
            (Some("145/2020/nd-cp"), _) => Some(&nd145),
            (Some(k), _) if k.starts_with("403/2017/nqlt") => Some(&nqlt),
            (None, Some("thuc hien dan chu o co so")) => Some(&law),
            (None, Some("lao dong")) => Some(&blld),
            (None, Some("tiep can thong tin")) => Some(&tctt),
            _ => None,
        }
    };
    let mut seen = std::collections::BTreeSet::new();
    for l in &r.citations {
        if let Some(want) = expect(&l.citation) {
            assert_eq!(l.citation.target.as_ref(), Some(want), "{:?}", l.citation.text);
            seen.insert(want.clone());
        }
    }
    assert_eq!(seen.len(), 6, "each of the six documents is cited: {seen:?}");

    // The rest: unresolved, each with a warning that says what was read.
    let mut unresolved = 0;
    for (i, l) in r.citations.iter().enumerate() {
        let c = &l.citation;
        if c.target.is_none() && !c.self_ref && (c.number.is_some() || c.name.is_some()) {
            unresolved += 1;
            let w = r
                .warnings
                .iter()
                .find(|w| w.kind == WarningKind::Unresolved && w.citation == Some(i))
                .unwrap_or_else(|| panic!("no unresolved warning for {:?}", c.text));
            assert_eq!((w.span.start, w.span.end), (c.start, c.end));
            let read = c.number.as_deref().or(c.name.as_deref()).unwrap();
            assert!(w.message.contains(read), "{} / {read}", w.message);
        }
    }
    assert!(unresolved >= 10, "the plan cites many Party documents the corpus lacks: {unresolved}");
    // No warning says a document cited is not held when the year in its title is the year a
    // plan covers (trial 8: the Party committee's 2024 plan, signed in 2023).
    for w in &r.warnings {
        assert!(!w.message.contains("Kho dữ liệu không có văn bản năm"), "{}", w.message);
    }
    let unresolved_texts: Vec<&str> =
        r.clauses.iter().flat_map(|c| c.unresolved.iter().map(String::as_str)).collect();
    assert!(
        unresolved_texts.iter().any(|t| t.contains("99-QĐ/TW"))
            || r.citations
                .iter()
                .any(|c| c.citation.number.as_deref() == Some("99-QĐ/TW") && c.citation.target.is_some())
    );

    // Each clause its sources; each source its clauses.
    let targets = |n: &str| r.clause(n).unwrap_or_else(|| panic!("clause {n:?}")).targets.clone();
    for (clause, want) in [
        ("", vec![&law, &nd145, &blld, &nd59]),
        ("I.1", vec![&law, &nd145, &blld]),
        ("II.1", vec![&nd59, &tctt]),
        ("II.2", vec![&nd59, &law]),
        ("II.3", vec![&nqlt]),
    ] {
        let got = targets(clause);
        for w in want {
            assert!(got.contains(w), "clause {clause:?}: {w} not in {got:?}");
        }
    }
    assert_eq!(r.source(&nd59).unwrap().clauses, ["", "II.1", "II.2"]);
    assert_eq!(r.source(&nqlt).unwrap().clauses, ["II.3"]);
    let pinned = r.citations.iter().filter(|c| c.href.as_deref().is_some_and(|h| h.contains('#'))).count();
    let plain_links = r.citations.iter().filter(|c| c.href.is_some()).count();
    assert!(plain_links >= 15, "{plain_links}");
    assert_eq!(pinned, 0, "the plan pinpoints no article");

    // Warnings: two numberings of one regulation, a malformed number, a deadline in the past.
    let q = warnings_at(&r, &text, "Quy định số 11-QĐ/TW");
    assert!(q.contains(&WarningKind::TwoNumberings) || q.contains(&WarningKind::NumberDiffers), "{q:?}");
    assert!(warnings_at(&r, &text, "Nghị định 04/2015/NĐ/CP").contains(&WarningKind::MalformedNumber));
    assert_eq!(warnings_at(&r, &text, "trước ngày 10/4/2023"), [WarningKind::ImpossibleDeadline]);
    assert!(warnings_at(&r, &text, "Quy định số 11-QĐi/TW").iter().all(|k| *k == WarningKind::Unresolved));

    // The JSON the web serves.
    let v = serde_json::to_value(&r).unwrap();
    assert!(v["citations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c.get("clause").is_some() && c.get("target").is_some()));
    assert!(v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| w["span"]["end"].as_u64() > w["span"]["start"].as_u64()));
    let html = link::render::html(&text, &r);
    assert!(html.contains(&format!("href=\"/van-ban/{nd59}\"")) && !html.contains("bookmark"));
}

#[test]
fn cited_by_the_law_includes_the_decree_article_by_article() {
    let Some(real) = real() else { return };
    let law = id_of(real.catalog, "10/2022/QH15");
    let nd59 = id_of(real.catalog, "59/2023/NĐ-CP");
    let by = real.graph.cited_by(&law, None);
    let from_art1: Vec<&Edge> =
        by.iter().filter(|e| e.source == nd59 && e.source_article == Some("1")).collect();
    for e in &from_art1 {
        eprintln!("{:?} {:?} {:?}: {}", e.kind, e.target_pinpoint(), e.origin, e.snippet);
    }
    let details: Vec<(Option<&str>, Option<&str>)> = from_art1
        .iter()
        .filter(|e| e.kind == RelationKind::Details && e.origin == Origin::Text)
        .map(|e| (e.target_article, e.target_clause))
        .collect();
    for want in [(Some("23"), Some("4")), (Some("33"), Some("4"))] {
        assert!(details.contains(&want), "{want:?} not in {details:?}");
    }
    assert!(details.len() >= 4, "Điều 1 details several clauses of the law: {details:?}");
    // And the article view: Điều 23 of the law is cited by NĐ 59 Điều 1.
    let a23 = real.graph.cited_by(&law, Some("23"));
    assert!(a23
        .iter()
        .any(|e| e.source == nd59 && e.source_article == Some("1") && e.kind == RelationKind::Details));
    let links = graph::links(&real.graph, real.catalog, &law, None);
    assert!(links
        .cited_by
        .iter()
        .any(|g| g.kind == RelationKind::Details && g.links.iter().any(|l| l.doc == nd59)));
}

/// xorshift64*: a fixed-seed generator, no dependency.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

/// Folded words separated by single spaces.
fn words(s: &str) -> String {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn squeeze(s: &str) -> String {
    fold(s).chars().filter(|c| !c.is_whitespace()).collect()
}

fn numbers_of(m: &Metadata) -> Vec<String> {
    m.canonical
        .iter()
        .chain(m.number.iter())
        .chain(m.aliases.iter())
        .map(|n| squeeze(&cancu::number::canonicalize(n)))
        .collect()
}

/// Checks one edge against the corpus; `Err` says what is wrong.
/// A range of article numbers as written: "104–107", "27 - 29", "27 đến Điều 29".
static RANGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(\d{1,4})\s*(?:[–—-]|đến(?:\s+điều)?)\s*(\d{1,4})\b").unwrap()
});

fn check(real: &Real, e: &Edge) -> Result<(), String> {
    let src = real.docs.iter().find(|d| d.meta.id == e.source).ok_or("source document missing")?;
    // A held document, or one known only by its citations (its catalog record).
    let tgt = match real.docs.iter().find(|d| d.meta.id == e.target) {
        Some(d) => &d.meta,
        None => real
            .catalog
            .get(e.target)
            .filter(|_| real.catalog.is_cited_only(e.target))
            .ok_or("target neither held nor a cited-only record")?,
    };
    if e.source == e.target {
        return Err("self edge".into());
    }
    match e.origin {
        Origin::Note => {
            let ok = match (e.kind, e.source_article) {
                (RelationKind::AmendedBy, Some(a)) => src.meta.article(a).is_some_and(|am| {
                    am.amended_by
                        .iter()
                        .any(|x| numbers_of(tgt).contains(&squeeze(&cancu::number::canonicalize(&x.number))))
                }),
                (RelationKind::Related, Some(a)) => {
                    let pd =
                        e.target_article.and_then(|ta| tgt.article(ta)).and_then(|am| am.phapdien.clone());
                    src.meta.article(a).is_some_and(|am| pd.is_some_and(|p| am.related.contains(&p)))
                }
                (_, None) => src
                    .meta
                    .relations
                    .iter()
                    .any(|r| numbers_of(tgt).contains(&squeeze(&cancu::number::canonicalize(&r.target)))),
                _ => false,
            };
            return ok.then_some(()).ok_or_else(|| "note not in the metadata".into());
        }
        Origin::Text => {}
    }
    let text = match e.source_article {
        Some(a) => src.article(a).ok_or("citing article missing")?.text(),
        None => src.preamble().collect::<Vec<_>>().join("\n"),
    };
    let text = graph::collapse(&text);
    let snippet = e.snippet.trim_start_matches('…').trim_end_matches('…').trim();
    let at = text.find(snippet).ok_or("snippet not in the citing text")?;
    let mut from = at.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + snippet.len() + 400).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let window = &text[from..to];
    let mark = &e.snippet[e.mark.0..e.mark.1];
    // The target's number (or name) is written near the edge.
    let by_number = numbers_of(tgt).iter().any(|n| squeeze(window).contains(n.as_str()));
    let nk = name_key(&tgt.title);
    // (An abbreviated name, "Luật NSNN", is read as the reader expands it.)
    // (A code cited by its abbreviation, "khoản 2 Điều 192 BLTTDS", is read as its name.)
    // (A law's code derived from its name's initials, "Luật TTTM", "LTTTM", as the reader
    // derives it: `patterns::name_initials`.)
    let abbreviated = || {
        let ws = words(window);
        let initials = fold(&cancu::cite::patterns::name_initials(
            tgt.title.strip_prefix(tgt.doc_type.as_vi()).unwrap_or(&tgt.title).trim(),
        ))
        .to_lowercase();
        let lower = ws.to_lowercase();
        let derived = initials.chars().count() >= 2
            && (lower.contains(&format!("luat {initials}"))
                || lower.split(' ').any(|w| w == format!("l{initials}")));
        derived
            || cancu::cite::patterns::CODE_NAMES
                .iter()
                .any(|(abbr, _, name)| name_key(name) == nk && ws.split(' ').any(|w| w == fold(abbr)))
    };
    let by_name = !nk.is_empty()
        && (words(window).contains(&nk) || cancu::cite::lexicon::key(window).contains(&nk) || abbreviated());
    let constitution = tgt.doc_type == cancu::model::DocType::HienPhap && fold(window).contains("hien phap");
    if !(by_number || by_name || constitution) {
        return Err(format!("neither {:?} nor the name {nk:?} near the citation", tgt.canonical));
    }
    // A number in the citation itself is the target's.
    // (A date "ngày 13/6/2019" is not a number.)
    let toks: Vec<&str> =
        mark.split(|c: char| c.is_whitespace() || c == ',' || c == ';').filter(|t| !t.is_empty()).collect();
    if let Some(tok) = toks.iter().enumerate().find_map(|(i, t)| {
        let dated = i > 0 && fold(toks[i - 1]) == "ngay";
        (t.contains('/') && t.starts_with(|c: char| c.is_ascii_digit()) && !dated).then_some(*t)
    }) {
        let k = squeeze(&cancu::number::canonicalize(tok.trim_end_matches(|c: char| !c.is_alphanumeric())));
        if !numbers_of(tgt).iter().any(|n| k.starts_with(n.as_str()) || n.starts_with(&k)) && !by_number {
            return Err(format!("the citation's number {tok:?} is not the target's"));
        }
    }
    // A document cited by name is not one signed after the citing text (as amended).
    if !mark.chars().any(|c| c.is_ascii_digit()) {
        let amended = e
            .source_article
            .and_then(|a| src.meta.article(a))
            .and_then(|m| m.amended_by.iter().filter_map(|x| x.effective).max());
        let at = src.meta.signed.or(src.meta.effective).max(amended);
        if let (Some(at), Some(signed)) = (at, tgt.signed) {
            if signed > at {
                return Err(format!("named target signed {signed}, after the citing text ({at})"));
            }
        }
    }
    // A year stated in the citation is the target's year (not another version's).
    let mw: Vec<String> = words(mark).split(' ').map(String::from).collect();
    if let Some(p) = mw.iter().position(|w| w == "nam") {
        if let (Some(y), Some(ty)) =
            (mw.get(p + 1).and_then(|y| y.parse::<u16>().ok()), cancu::catalog::year_of(tgt))
        {
            if y != ty && y > 1900 {
                return Err(format!("the citation says {y}, the target is of {ty}"));
            }
        }
    }
    // A pinpointed article is written in the citation or near it.
    if let Some(a) = e.target_article {
        let w = words(&format!("{mark} {window}"));
        // "các điều 3, 20, 30", "Điều 47, 48 và 55": the number in a list after "điều".
        let ws: Vec<&str> = w.split(' ').collect();
        let listed = ws.iter().enumerate().any(|(i, x)| {
            *x == "dieu"
                && ws[i + 1..]
                    .iter()
                    .take(20)
                    .take_while(|y| {
                        y.chars().all(|c| c.is_ascii_alphanumeric())
                            && (y.chars().next().is_some_and(|c| c.is_ascii_digit())
                                || ["va", "dieu", "khoan", "diem", "den", "tu"].contains(y)
                                || y.len() == 1)
                    })
                    .any(|y| *y == fold(a))
        });
        // "các điều 104–107", "từ Điều 27 đến Điều 29": inside a range written there.
        let in_range = a.parse::<u32>().is_ok_and(|n| {
            RANGE.captures_iter(&format!("{mark} {window}")).any(|c| {
                let (lo, hi) = (c[1].parse::<u32>().unwrap_or(0), c[2].parse::<u32>().unwrap_or(0));
                lo < n && n < hi
            })
        });
        if !w.contains(&format!("dieu {}", fold(a))) && !listed && !in_range {
            return Err(format!("Điều {a} not written near the citation {mark:?}"));
        }
    }
    Ok(())
}

#[test]
fn a_random_sample_of_edges_matches_the_source_text() {
    let Some(real) = real() else { return };
    let g = &real.graph;
    assert!(g.len() > 10_000, "the real corpus gives many edges: {}", g.len());
    // 50 edges read from article text (the ones a reader can get wrong), then 20 from the
    // Pháp điển's notes and stated relations.
    let text_edges: Vec<usize> = (0..g.len()).filter(|&i| g.edge(i).origin == Origin::Text).collect();
    let note_edges: Vec<usize> = (0..g.len()).filter(|&i| g.edge(i).origin == Origin::Note).collect();
    let mut rng = Rng(0x5EED_CA9C_u64);
    let mut failures = Vec::new();
    let mut picked = std::collections::BTreeSet::new();
    while picked.len() < 50 {
        picked.insert(text_edges[rng.below(text_edges.len())]);
    }
    let mut notes = std::collections::BTreeSet::new();
    while notes.len() < 20 {
        notes.insert(note_edges[rng.below(note_edges.len())]);
    }
    let picked: Vec<usize> = picked.into_iter().chain(notes).collect();
    for (k, i) in picked.into_iter().enumerate() {
        let e = g.edge(i);
        let verdict = check(real, &e);
        eprintln!(
            "{k:>2}. #{i} {} Điều {} → {} {} [{:?}, {:?}] «{}» {}",
            e.source,
            e.source_article.unwrap_or("-"),
            e.target,
            e.target_pinpoint().unwrap_or_default(),
            e.kind,
            e.origin,
            e.snippet,
            match &verdict {
                Ok(()) => "ok".to_string(),
                Err(m) => format!("WRONG: {m}"),
            }
        );
        if let Err(m) = verdict {
            failures.push(format!("#{i}: {m}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn founding_plan_warnings_are_grouped_sorted_and_exported() {
    let (Some(real), Some(text)) = (real(), plan()) else { return };
    let r = link::link(&text, real.catalog, &link::Options::default());
    // One citation is never listed twice; groups go from the most serious down.
    let mut cited: Vec<usize> = r.groups.iter().filter_map(|g| g.citation).collect();
    let n = cited.len();
    cited.sort_unstable();
    cited.dedup();
    assert_eq!(n, cited.len());
    assert!(r.groups.windows(2).all(|g| g[0].severity <= g[1].severity));
    let flat: Vec<usize> = r.groups.iter().flat_map(|g| g.warnings.iter().copied()).collect();
    assert_eq!(flat, (0..r.warnings.len()).collect::<Vec<_>>());
    // "Not held" leads only the last groups.
    let led: Vec<WarningKind> = r.groups.iter().map(|g| r.warnings[g.warnings[0]].kind).collect();
    let first = led.iter().position(|k| *k == WarningKind::Unresolved).unwrap_or(led.len());
    assert!(led[first..].iter().all(|k| *k == WarningKind::Unresolved), "{led:?}");
    let s = r.summary;
    assert_eq!(s.citations, r.citations.len());
    assert_eq!(s.resolved, r.citations.iter().filter(|c| c.citation.target.is_some()).count());
    assert_eq!((s.warnings, s.warned), (r.warnings.len(), r.groups.len()));
    // Every citation is counted once (regression: self-references and bare pinpoints were
    // counted nowhere, so the summary's parts did not add up).
    assert_eq!(s.resolved + s.uncertain + s.not_held + s.other, s.citations);
    // The Word export opens with the warnings, and holds the plan's text.
    let bytes = cancu::export::docx::link_report(&text, &r, "2026-11-30".parse().unwrap()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    let warn = xml.find(&format!("Cảnh báo ({})", r.warnings.len())).expect("the warnings heading");
    let body = xml.find("Văn bản</w:t>").expect("the text heading");
    assert!(warn < body);
    assert!(xml.contains("59/2023/NĐ-CP") && !xml.contains("bookmark"));
    // Then the sources per clause, as the Markdown lists them (the same rows), and the
    // documents with their statuses.
    let per_clause = xml.find(">Nguồn trích dẫn theo từng mục<").expect("the per-clause sources");
    let per_doc = xml.find(">Các mục dẫn từng văn bản<").expect("the per-document list");
    assert!(body < per_clause && per_clause < per_doc);
    let rows = link::render::clause_rows(&r);
    assert!(rows.len() >= 5, "{rows:?}");
    let md = link::render::markdown(&text, &r);
    for row in &rows {
        let name = link::render::clause_name(row.number);
        assert!(xml[per_clause..per_doc].contains(&format!(">{name}<")), "{name}");
        assert!(md.contains(&format!("- **{name}**")), "{name}");
        for cs in &row.sources {
            let label = cs.source.label.replace('&', "&amp;");
            assert!(xml[per_clause..per_doc].contains(&label), "{label}");
        }
    }
    for s in &r.sources {
        assert!(xml[per_doc..].contains(&format!(">{}<", s.status.as_vi())), "{}", s.label);
    }
    // The founding plan's not-found references are marked in its clause.
    let unresolved: usize = rows.iter().map(|row| row.unresolved.len()).sum();
    assert_eq!(xml[per_clause..per_doc].matches("(chưa xác định được văn bản)").count(), unresolved);
}

/// `word/document.xml` of the .docx file at `path`.
fn docx_text(path: &std::path::Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("a .docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    xml
}

#[test]
fn command_line_exports_and_links_to_the_servers_pages() {
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web");
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("ke-hoach.txt");
    std::fs::write(
        &plan,
        "Hà Nội, ngày 1 tháng 3 năm 2024\n1. Thực hiện khoản 2 Điều 5 Luật số 10/2022/QH15.\n",
    )
    .unwrap();
    let cancu = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cancu"))
            .args(args)
            .arg("--corpus")
            .arg(&fixtures)
            .arg("--index")
            .arg(dir.path().join("no-index"))
            .output()
            .unwrap()
    };
    let os = |s: &'static str| std::ffi::OsStr::new(s);
    // Without --base, links go to the server's document pages (they were /doc/…, a 404).
    let out = cancu(&[os("link"), plan.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("](/van-ban/luat-10-2022-qh15#dieu-5-khoan-2"), "{md}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 trích dẫn: 1 đã xác định được văn bản"));
    // A Word file needs a file to write.
    let out = cancu(&[os("link"), plan.as_os_str(), os("--format"), os("docx")]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--output"));
    let file = dir.path().join("ket-qua.docx");
    let out =
        cancu(&[os("link"), plan.as_os_str(), os("--format"), os("docx"), os("--output"), file.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = docx_text(&file);
    assert!(xml.contains("Cảnh báo (0)") && xml.contains("10/2022/QH15"), "{xml}");
    // With the default base the links are paths Word cannot open: none, and a note saying
    // how to get them; with an absolute base, hyperlinks and no note.
    assert!(xml.contains(cancu::export::docx::RELATIVE_LINKS_NOTE) && !xml.contains("<w:hyperlink"), "{xml}");
    let out = cancu(&[
        os("link"),
        plan.as_os_str(),
        os("--format"),
        os("docx"),
        os("--output"),
        file.as_os_str(),
        os("--base"),
        os("http://127.0.0.1:8080/van-ban/"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = docx_text(&file);
    assert!(!xml.contains(cancu::export::docx::RELATIVE_LINKS_NOTE) && xml.contains("<w:hyperlink"), "{xml}");
    // `cancu show --docx`: the document as a Word file, its article headings in one run.
    let file = dir.path().join("luat.docx");
    let out = cancu(&[os("show"), os("Luật 10/2022/QH15"), os("--docx"), file.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = docx_text(&file);
    assert!(xml.contains(">Điều 5. Việc người dân được bàn</w:t>"), "{xml}");
    assert!(xml.contains("Cơ quan ban hành") && xml.contains("Ngày tải"));
}

#[test]
fn a_sources_status_is_the_one_at_the_plans_date() {
    // The lists of sources gave the catalog's status (today's) whatever the plan's date,
    // while the warnings judge each citation at that date: Luật Doanh nghiệp 2014, in force
    // in 2020 and ended in 2021, was listed as ended in a plan of 2020.
    let Some(kb) = crate::common::real_kb() else { return };
    let records = kb.base.validity().unwrap();
    use cancu::model::Status;
    for (date, want) in
        [("ngày 1 tháng 6 năm 2020", Status::InForce), ("ngày 25 tháng 3 năm 2024", Status::Repealed)]
    {
        let plan = format!(
            "Mẫu Sơn, {date}\nKẾ HOẠCH\nI. NỘI DUNG\n1. Thực hiện Luật Doanh nghiệp số 68/2014/QH13.\n"
        );
        let r = link::link_with(&plan, kb.base.catalog(), &Default::default(), Some(&records));
        let s =
            r.sources.iter().find(|s| s.label.contains("68/2014/QH13")).expect("the 2014 law is a source");
        let c = r.citations.iter().find_map(|c| c.status);
        assert_eq!((s.status, c), (want, Some(want)), "{date}");
        let md = link::render::markdown(&plan, &r);
        let listed = md.split("## Nguồn trích dẫn theo từng mục").nth(1).unwrap();
        assert!(listed.contains(&format!("({})", want.as_vi())), "{date}: {listed}");
    }
}
