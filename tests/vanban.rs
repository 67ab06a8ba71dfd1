//! The plain-text original documents (`vanban-goc.zip`): every file parses (but the four
//! known bad ones), reads back from its corpus file unchanged, and the laws the founding plan
//! relies on come out whole. (The embedded default corpus is tested in `corpus::embedded`.)

use std::io::Read;
use std::sync::OnceLock;

use cancu::import::vanban;
use cancu::model::{Completeness, Date, DivisionKind, DocType, Document};
use rayon::prelude::*;

use crate::common::shared_file;

type Parsed = Vec<(String, Result<Document, String>)>;

/// Every `.txt` member of the zip: (name, parse result), parsed once for all tests.
fn parse_all() -> Option<&'static Parsed> {
    static ALL: OnceLock<Parsed> = OnceLock::new();
    let path = shared_file("corpus/vanban-goc.zip")?;
    Some(ALL.get_or_init(|| read_zip(&path)))
}

fn read_zip(path: &std::path::Path) -> Parsed {
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(path).expect("open vanban-goc.zip")).expect("read zip");
    let mut files = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("zip member");
        if !f.name().ends_with(".txt") {
            continue;
        }
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read member");
        files.push((name, bytes));
    }
    files
        .into_par_iter()
        .map(|(name, bytes)| {
            let res = match String::from_utf8(bytes) {
                Ok(text) => vanban::parse(&name, &text),
                Err(_) => Err(format!("{name}: not valid UTF-8")),
            };
            (name, res)
        })
        .collect()
}

/// The parsed documents from files whose name contains `part`.
fn docs(all: &'static Parsed, part: &str) -> Vec<&'static Document> {
    all.iter()
        .filter(|(n, _)| n.contains(part))
        .map(|(n, r)| r.as_ref().unwrap_or_else(|e| panic!("{n}: {e}")))
        .collect()
}

fn assert_articles_in_order(d: &Document, last: u32) {
    let numbers: Vec<String> = d.articles().map(|a| a.number.clone()).collect();
    let want: Vec<String> = (1..=last).map(|n| n.to_string()).collect();
    assert_eq!(numbers, want, "{}", d.meta.id);
}

#[test]
fn labour_code_2019_is_whole() {
    let Some(all) = parse_all() else { return };
    let copies = docs(all, "ao-dong");
    let copies: Vec<_> =
        copies.into_iter().filter(|d| d.meta.canonical.as_deref() == Some("45/2019/QH14")).collect();
    assert_eq!(copies.len(), 2, "Bộ luật Lao động is in 2021/ and 2023/");
    for d in copies {
        let m = &d.meta;
        assert_eq!(m.id, "bo-luat-45-2019-qh14");
        assert_eq!(m.doc_type, DocType::BoLuat);
        assert_eq!(m.title, "Bộ luật Lao động");
        assert_eq!(m.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(m.signed, Date::new(2019, 11, 20));
        assert_eq!(m.effective, Date::new(2021, 1, 1));
        assert_eq!(m.completeness, Completeness::Full);
        assert_eq!(m.sources[0].source, "vanban-goc");
        assert_eq!(m.sources[0].articles, 220);
        assert_articles_in_order(d, 220);
        assert!(d.preamble().next().is_some_and(|p| p.starts_with("Căn cứ Hiến pháp")));
        assert_eq!(d.article("1").unwrap().title, "Phạm vi điều chỉnh");
        assert_eq!(d.divisions_of("1")[0].kind, DivisionKind::Chapter);
        assert_eq!(d.divisions_of("1")[0].number, "I");
        assert!(vanban::gaps(d).is_empty());
    }
}

#[test]
fn access_to_information_law_is_whole() {
    let Some(all) = parse_all() else { return };
    let d = docs(all, "Luat-tiep-can-thong-tin-2016")[0];
    assert_eq!(d.meta.id, "luat-104-2016-qh13");
    assert_eq!(d.meta.title, "Luật Tiếp cận thông tin");
    assert_eq!(d.meta.signed, Date::new(2016, 4, 6));
    assert_eq!(d.meta.effective, Date::new(2018, 7, 1));
    assert_articles_in_order(d, 37);
}

/// Files that cannot be parsed, and why (checked by hand): an empty file, a copy whose
/// header lost its type and title lines (the 2021/ copy of the same law parses), one that
/// starts with its preamble (same), and a UN model law that is not a Vietnamese document.
const UNPARSABLE: &[&str] = &[
    "2021/luat-ban-hanh-van-ban-quy-pham-phap-luat.txt",
    "2023/Luat-viec-hien-lay-ghep-mo-bo-phan-co-the-nguoi-va-hien-lay-xac-2006-75-2006-QH11-15868.txt",
    "2023/Luat-Bien-gioi-Quoc-gia-2003-06-2003-QH11-51044.txt",
    "2023/Luat-mau-ve-trong-tai-thuong-mai-quoc-te-cua-Uy-ban-lien-hiep-quoc-ve-Luat-thuong-mai-quoc-te-1985-81043.txt",
];

#[test]
fn every_original_document_parses() {
    let Some(all) = parse_all() else { return };
    assert_eq!(all.len(), 318, "files in vanban-goc.zip");
    let mut failed: Vec<&str> = Vec::new();
    let mut bad_round_trips = Vec::new();
    let mut gaps = 0;
    for (name, r) in all {
        match r {
            Err(e) => {
                eprintln!("vanban: {e}");
                assert!(e.starts_with(name.as_str()), "the message names the file: {e}");
                failed.push(name);
            }
            Ok(d) => {
                if let Some(diff) = round_trip_diff(d) {
                    bad_round_trips.push(format!("{name}: {diff}"));
                }
                let m = &d.meta;
                assert!(m.signed.is_some(), "{name}: no signing date");
                assert!(
                    m.canonical.is_some()
                        || m.doc_type == DocType::HienPhap
                        || m.signed.is_some_and(|s| s.year < 1960),
                    "{name}: no number"
                );
                assert_eq!(m.issuer.as_deref(), Some("Quốc hội"), "{name}");
                assert!(m.title.starts_with(m.doc_type.as_vi()), "{name}: title {:?}", m.title);
                assert!(
                    m.title.chars().any(char::is_lowercase),
                    "{name}: title not in citation case: {:?}",
                    m.title
                );
                let g = vanban::gaps(d);
                if !g.is_empty() {
                    eprintln!("vanban: {name}: {}", g.join("; "));
                    gaps += 1;
                }
            }
        }
    }
    eprintln!(
        "vanban: {} of {} files parse; {gaps} with gaps in their article numbers",
        all.len() - failed.len(),
        all.len()
    );
    failed.sort_unstable();
    let mut want = UNPARSABLE.to_vec();
    want.sort_unstable();
    assert_eq!(failed, want);
    assert!(
        bad_round_trips.is_empty(),
        "corpus files that do not read back the same:\n{}",
        bad_round_trips.join("\n")
    );
}

/// Where a document written as a corpus file and read back differs from itself, if it does.
fn round_trip_diff(d: &Document) -> Option<String> {
    let back = match cancu::corpus::parse_document("round trip", &cancu::corpus::render_document(d)) {
        Ok(b) => b,
        Err(e) => return Some(e),
    };
    if back.meta != d.meta {
        return Some(format!("metadata {:?} became {:?}", d.meta, back.meta));
    }
    let i =
        d.body.iter().zip(&back.body).position(|(a, b)| a != b).unwrap_or(d.body.len().min(back.body.len()));
    (back.body != d.body).then(|| format!("block {i}: {:?} became {:?}", d.body.get(i), back.body.get(i)))
}
