//! Unit tests of the graph with invented documents and a toy resolver (numbers only).

use std::sync::LazyLock;

use regex::Regex;

use super::*;
use crate::cite::{Citation, Pinpoint};
use crate::model::{
    Amendment, Article, ArticleMeta, Block, DocType, Document, Metadata, Relation, RelationKind,
};

/// Reads "[điểm x ][khoản n ]Điều m" pinpoints (of the next number on the line, or of this
/// document when followed by "này" or by no number) and "<Type> số <number>".
struct Toy;

static PIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:điểm ([a-zđ]) )?(?:khoản (\d+) )?Điều (\d+)( này)?").unwrap());
static NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:Luật|Nghị định) số (\d+/\d{4}/[A-ZĐ0-9-]+)").unwrap());

fn id_of(number: &str) -> String {
    crate::number::slug(number)
}

fn cit(text: &str, start: usize, end: usize) -> Citation {
    Citation {
        text: text[start..end].into(),
        start,
        end,
        doc_type: None,
        number: None,
        date: None,
        year: None,
        issuer: None,
        name: None,
        pinpoint: None,
        self_ref: false,
        target: None,
        ..Citation::default()
    }
}

impl Resolve for Toy {
    fn citations(&self, text: &str, _citing: &crate::cite::Context) -> Vec<Citation> {
        let nums: Vec<_> = NUM.captures_iter(text).collect();
        let mut out = Vec::new();
        let mut merged = Vec::new();
        for c in PIN.captures_iter(text) {
            let m = c.get(0).unwrap();
            let mut x = cit(text, m.start(), m.end());
            x.pinpoint = Some(Pinpoint {
                article: Some(c[3].into()),
                clause: c.get(2).map(|x| x.as_str().into()),
                point: c.get(1).map(|x| x.as_str().into()),
            });
            let line_end = text[m.end()..].find('\n').map_or(text.len(), |i| m.end() + i);
            let next = nums
                .iter()
                .find(|n| n.get(0).unwrap().start() >= m.end() && n.get(0).unwrap().start() < line_end);
            match (c.get(4), next) {
                (None, Some(n)) => {
                    let nm = n.get(0).unwrap();
                    if text[m.end()..nm.start()].trim() == "của"
                        || text[m.end()..nm.start()].trim().is_empty()
                    {
                        x = Citation { text: text[m.start()..nm.end()].into(), end: nm.end(), ..x };
                        merged.push(nm.start());
                    }
                    x.number = Some(n[1].into());
                    x.target = Some(id_of(&n[1]));
                }
                _ => x.self_ref = true,
            }
            out.push(x);
        }
        for n in &nums {
            let m = n.get(0).unwrap();
            if !merged.contains(&m.start()) {
                let mut x = cit(text, m.start(), m.end());
                x.number = Some(n[1].into());
                x.target = Some(id_of(&n[1]));
                out.push(x);
            }
        }
        out.sort_by_key(|c| c.start);
        out
    }

    fn by_number(&self, number: &str, _t: Option<DocType>) -> Option<String> {
        Some(id_of(number))
    }
}

fn doc(number: &str, preamble: &[&str], articles: &[(&str, &str)]) -> Document {
    let mut meta = Metadata::new(id_of(number), DocType::NghiDinh, "Thử");
    meta.canonical = Some(number.into());
    let mut body: Vec<Block> = preamble.iter().map(|p| Block::Paragraph { text: p.to_string() }).collect();
    for (n, t) in articles {
        body.push(Block::Article(Article {
            number: n.to_string(),
            title: "T".into(),
            paragraphs: t.split('\n').map(String::from).collect(),
        }));
    }
    Document { meta, body }
}

fn corpus() -> Vec<Document> {
    let mut a = doc(
        "9/2023/NĐ-CP",
        &["Căn cứ Luật số 1/2022/QH15;", "Theo đề nghị của Bộ trưởng;"],
        &[
            ("1", "Nghị định này quy định chi tiết khoản 4 Điều 23; khoản 4 Điều 33 của Luật số 1/2022/QH15."),
            ("2", "Theo quy định tại khoản 1 Điều này và Điều 5 của Nghị định số 9/2023/NĐ-CP."),
            ("3", "Nghị định này thay thế Nghị định số 4/2015/NĐ-CP.\nBãi bỏ Điều 7 của Nghị định số 5/2016/NĐ-CP."),
        ],
    );
    a.meta.articles = vec![ArticleMeta {
        number: "1".into(),
        phapdien: Some("1.1.NĐ.1".into()),
        amended_by: vec![Amendment {
            number: "2/2024/NĐ-CP".into(),
            doc_type: None,
            article: Some("3".into()),
            effective: None,
            repealed: false,
        }],
        related: vec!["1.1.LQ.23".into(), "9.9.X.1".into()],
        ..Default::default()
    }];
    a.meta.relations = vec![Relation {
        kind: RelationKind::Replaces,
        target: "4/2015/NĐ-CP".into(),
        target_type: None,
        pinpoint: None,
        source: None,
    }];
    let mut law =
        doc("1/2022/QH15", &[], &[("23", "Điều luật."), ("33", "Điều 23 của Luật số 1/2022/QH15.")]);
    law.meta.articles = vec![
        ArticleMeta { number: "23".into(), phapdien: Some("1.1.LQ.23".into()), ..Default::default() },
        // A related article of the same document: no edge.
        ArticleMeta { number: "33".into(), related: vec!["1.1.LQ.23".into()], ..Default::default() },
    ];
    vec![a, law]
}

#[test]
fn builds_typed_article_level_edges() {
    let g = build(&corpus(), &Toy);
    let out = g.outgoing("9-2023-nd-cp", Some("1"));
    let text: Vec<_> = out.iter().filter(|e| e.origin == Origin::Text).collect();
    assert_eq!(text.len(), 2, "{out:#?}");
    assert!(text.iter().all(|e| e.kind == RelationKind::Details && e.target == "1-2022-qh15"));
    assert_eq!(text[0].target_pinpoint().as_deref(), Some("khoản 4 Điều 23"));
    assert_eq!(text[0].target_anchor().as_deref(), Some("dieu-23-khoan-4"));
    assert_eq!(text[1].target_pinpoint().as_deref(), Some("khoản 4 Điều 33"));
    assert_eq!(&text[0].snippet[text[0].mark.0..text[0].mark.1], "khoản 4 Điều 23");

    // Notes: amended by, related (the unknown Pháp điển number is skipped).
    let notes: Vec<_> = out.iter().filter(|e| e.origin == Origin::Note).collect();
    assert_eq!(notes.len(), 2);
    assert_eq!(
        (notes[0].kind, notes[0].target, notes[0].target_article),
        (RelationKind::AmendedBy, "2-2024-nd-cp", Some("3"))
    );
    assert_eq!(
        (notes[1].kind, notes[1].target, notes[1].target_article),
        (RelationKind::Related, "1-2022-qh15", Some("23"))
    );

    // Preamble basis, replaces / repeals, metadata relation.
    let all = g.outgoing("9-2023-nd-cp", None);
    let basis: Vec<_> = all.iter().filter(|e| e.kind == RelationKind::Basis).collect();
    assert_eq!(basis.len(), 1);
    assert_eq!(basis[0].source_article, None);
    let kinds: Vec<_> = g.outgoing("9-2023-nd-cp", Some("3")).iter().map(|e| (e.kind, e.target)).collect();
    assert_eq!(kinds, [(RelationKind::Replaces, "4-2015-nd-cp"), (RelationKind::Repeals, "5-2016-nd-cp")]);
    assert!(all
        .iter()
        .any(|e| e.origin == Origin::Note && e.kind == RelationKind::Replaces && e.source_article.is_none()));
}

#[test]
fn never_cites_itself() {
    let g = build(&corpus(), &Toy);
    assert!(g.edges().all(|e| e.source != e.target), "{:#?}", g.edges().collect::<Vec<_>>());
    // Article 2 cites only itself ("khoản 1 Điều này", its own number) → no edge.
    assert!(g.outgoing("9-2023-nd-cp", Some("2")).is_empty());
    // The law's article 33 cites the law itself → no edge.
    assert!(g.outgoing("1-2022-qh15", None).is_empty());
}

#[test]
fn cited_by_finds_article_level_edges() {
    let g = build(&corpus(), &Toy);
    let by = g.cited_by("1-2022-qh15", None);
    assert_eq!(by.len(), 4, "{by:#?}"); // basis + 2 details + related
    let art23 = g.cited_by("1-2022-qh15", Some("23"));
    assert_eq!(art23.len(), 2);
    assert!(art23.iter().all(|e| e.source == "9-2023-nd-cp" && e.source_article == Some("1")));
    assert!(g.cited_by("nothing", None).is_empty());
}

#[test]
fn saves_and_loads_the_same_graph() {
    let g = build(&corpus(), &Toy);
    let dir = tempfile::tempdir().unwrap();
    g.save(dir.path()).unwrap();
    let h = Graph::load(dir.path()).unwrap();
    assert_eq!(g.edges().collect::<Vec<_>>(), h.edges().collect::<Vec<_>>());
    assert_eq!(g.cited_by("1-2022-qh15", Some("23")), h.cited_by("1-2022-qh15", Some("23")));
}

#[test]
fn bad_graph_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let e = Graph::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("graph.json"), "{e}");
    std::fs::write(dir.path().join(FILE), r#"{"version":1,"docs":["a"],"symbols":[],"snippets":"","edges":[[0,4294967295,3,4294967295,4294967295,4294967295,7,0,0,0,0,0]]}"#).unwrap();
    let e = Graph::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("graph.json") && e.contains("edge 0"), "{e}");
    std::fs::write(dir.path().join(FILE), "not json").unwrap();
    assert!(Graph::load(dir.path()).is_err());
}

/// A decree read article by article names a law bare ("Điều 5 Bộ luật Lao động"); signed
/// after a new version of the law and before it took effect, the bare name is the version the
/// decree rests on — the one its title says it details, or its basis names with a date —
/// and, with nothing to say which, no edge (never the old version silently).
#[test]
fn a_bare_name_in_an_article_is_the_version_the_document_rests_on() {
    let version = |id: &str, number: &str, signed: &str, effective: &str| {
        let mut m = Metadata::new(id, DocType::BoLuat, "Bộ luật Lao động");
        m.number = Some(number.into());
        m.canonical = Some(number.into());
        m.signed = signed.parse().ok();
        m.effective = effective.parse().ok();
        m
    };
    let catalog = crate::catalog::Catalog::new([
        version("bo-luat-45-2019-qh14", "45/2019/QH14", "2019-11-20", "2021-01-01"),
        version("bo-luat-10-2012-qh13", "10/2012/QH13", "2012-06-18", "2013-05-01"),
    ]);
    let decree = |n: &str, title: &str, preamble: &[&str]| {
        let mut d = doc(n, preamble, &[("3", "Theo Điều 5 Bộ luật Lao động.")]);
        d.meta.title = title.into();
        d.meta.signed = "2020-12-14".parse().ok();
        d
    };
    // (decree, target of its article's bare name)
    let rows = [
        (
            decree("1/2020/NĐ-CP", "Nghị định quy định chi tiết một số điều của Bộ luật Lao động", &[]),
            Some("bo-luat-45-2019-qh14"),
        ),
        (
            decree(
                "2/2020/NĐ-CP",
                "Nghị định về việc làm",
                &["Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;"],
            ),
            Some("bo-luat-45-2019-qh14"),
        ),
        (decree("3/2020/NĐ-CP", "Nghị định về việc làm", &[]), None),
    ];
    for (d, want) in rows {
        let g = build(std::slice::from_ref(&d), &catalog);
        let got: Vec<&str> = g.outgoing(&d.meta.id, Some("3")).into_iter().map(|e| e.target).collect();
        assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{}", d.meta.id);
    }
}
