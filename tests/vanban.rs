//! The plain-text original documents (`vanban-goc.zip`): every file parses, and the
//! documents the founding plan relies on come out whole. Also the embedded default corpus.

use std::io::Read;

use cancu::import::vanban;
use cancu::model::{Date, DocType, Document};

use crate::common::shared_file;

/// Every `.txt` member of the zip: (name, parse result).
fn parse_all() -> Option<Vec<(String, Result<Document, String>)>> {
    let path = shared_file("corpus/vanban-goc.zip")?;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).expect("open vanban-goc.zip")).expect("read zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("zip member");
        if !f.name().ends_with(".txt") {
            continue;
        }
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).expect("read member");
        let res = match String::from_utf8(bytes) {
            Ok(text) => vanban::parse(&name, &text),
            Err(_) => Err(format!("{name}: not valid UTF-8")),
        };
        out.push((name, res));
    }
    Some(out)
}

#[test]
fn every_original_document_parses() {
    let Some(all) = parse_all() else { return };
    assert_eq!(all.len(), 318, "files in vanban-goc.zip");
    let failed: Vec<&String> = all.iter().filter_map(|(_, r)| r.as_ref().err()).collect();
    for e in &failed {
        eprintln!("vanban: {e}");
    }
    let ok = all.len() - failed.len();
    eprintln!("vanban: {ok} of {} files parse", all.len());
    for (name, r) in &all {
        if let Ok(d) = r {
            let m = &d.meta;
            eprintln!(
                "{name}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                m.id,
                m.canonical.as_deref().unwrap_or("-"),
                m.title,
                m.issuer.as_deref().unwrap_or("-"),
                m.signed.map(|d| d.to_string()).unwrap_or("-".into()),
                m.effective.map(|d| d.to_string()).unwrap_or("-".into()),
                d.articles().count()
            );
        }
    }
}
