//! The default corpus compiled into the binary: the metadata records in the repository's
//! `corpus/` folder, so that a fresh `cancu serve` has real documents to look up. They are
//! also the base layer of every corpus `cancu import` writes (see [`crate::import`]).

use include_dir::{include_dir, Dir};

use super::markdown::parse_document;
use super::store::Loaded;
use crate::report::Problem;

static CORPUS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/corpus");

/// Loads the embedded corpus.
pub fn load() -> Loaded {
    let mut loaded = Loaded { normalized: true, ..Default::default() };
    let mut stack = vec![&CORPUS];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in d.entries() {
            match e {
                include_dir::DirEntry::Dir(sub) => stack.push(sub),
                include_dir::DirEntry::File(f) => files.push(f),
            }
        }
    }
    files.sort_by_key(|f| f.path());
    for f in files {
        let path = f.path();
        if path.extension().is_none_or(|e| e != "md") || path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let name = format!("(embedded)/{}", path.display());
        match f
            .contents_utf8()
            .ok_or_else(|| "không phải UTF-8 hợp lệ".to_string())
            .and_then(|t| parse_document(&name, t))
        {
            Ok(mut doc) if !loaded.paths.contains_key(&doc.meta.id) => {
                for msg in super::sourced::drop_unsourced(&mut doc) {
                    loaded.problems.push(Problem::new(name.clone(), msg));
                }
                loaded.paths.insert(doc.meta.id.clone(), path.to_path_buf());
                loaded.documents.push(doc);
            }
            Ok(doc) => loaded.problems.push(Problem::new(name, format!("mã {:?} trùng", doc.meta.id))),
            Err(e) => loaded.problems.push(Problem::new(name, e)),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Completeness, Date, DocType, RelationKind, Status};
    use crate::number::{canonicalize, doc_id};

    #[test]
    fn loads_without_problems() {
        let c = load();
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert!(c.documents.len() >= 28, "{} records", c.documents.len());
    }

    #[test]
    fn every_record_is_consistent_metadata() {
        for d in load().documents {
            let m = &d.meta;
            let id = doc_id(
                m.doc_type,
                m.canonical.as_deref(),
                m.province.as_deref(),
                &m.title,
                m.signed.map(|s| s.year),
            );
            assert_eq!(m.id, id, "id of {}", m.title);
            if let Some(n) = &m.number {
                assert_eq!(m.canonical.as_deref(), Some(canonicalize(n).as_str()), "{}", m.id);
            }
            assert!(m.title.starts_with(m.doc_type.as_vi()), "{}: the title includes the type word", m.id);
            assert_eq!(m.completeness, Completeness::MetadataOnly, "{}", m.id);
            assert_eq!(d.articles().count(), 0, "{}: metadata only, no text", m.id);
            assert!(m.aliases.is_empty(), "{}: no aliases", m.id);
            if m.canonical.as_deref().is_some_and(crate::number::party::is_local) {
                assert_eq!(m.province.as_deref(), Some("Yên Bái"), "{}", m.id);
            }
            for r in &m.relations {
                assert_eq!(r.target, canonicalize(&r.target), "{}: relation target", m.id);
            }
        }
    }

    #[test]
    fn founding_plan_documents_are_there() {
        let c = load();
        let get = |id: &str| {
            c.documents
                .iter()
                .find(|d| d.meta.id == id)
                .unwrap_or_else(|| panic!("{id} missing"))
                .meta
                .clone()
        };
        let nd59 = get("nghi-dinh-59-2023-nd-cp");
        assert_eq!(nd59.doc_type, DocType::NghiDinh);
        assert_eq!(nd59.canonical.as_deref(), Some("59/2023/NĐ-CP"));
        assert_eq!(nd59.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(nd59.signed, Date::new(2023, 8, 14));
        assert_eq!(nd59.effective, Date::new(2023, 8, 15));
        assert_eq!(nd59.status, Status::InForce);
        let rel: Vec<(RelationKind, &str)> =
            nd59.relations.iter().map(|r| (r.kind, r.target.as_str())).collect();
        // Điều 28 of 59/2023 repeals only 159/2016/NĐ-CP: no source says it replaces 04/2015,
        // nor that 04/2015 has ended (issue #11).
        assert_eq!(rel, [(RelationKind::Details, "10/2022/QH15")]);
        assert_eq!(get("nghi-dinh-04-2015-nd-cp").status, Status::Unknown);
        assert_eq!(nd59.status_source.as_deref(), Some("Điều 28 Nghị định 59/2023/NĐ-CP"));
        assert_eq!(get("luat-10-2022-qh15").title, "Luật Thực hiện dân chủ ở cơ sở");
        assert_eq!(get("bo-luat-45-2019-qh14").signed, Date::new(2019, 11, 20));
        assert_eq!(get("quy-dinh-11-qdi-tw").canonical.as_deref(), Some("11-QĐi/TW"));
        assert_eq!(get("quyet-dinh-217-qd-tw").issuer.as_deref(), Some("Bộ Chính trị"));
        assert_eq!(get("nghi-quyet-66-nq-tu-yen-bai").province.as_deref(), Some("Yên Bái"));
        assert_eq!(
            get("nghi-quyet-lien-tich-403-2017-nqlt-ubtvqh14-cp-dctubtwmttqvn").signed,
            Date::new(2017, 6, 15)
        );
        // Party 30-CT/TW and government 30/CT-TTg are two documents.
        assert_ne!(get("chi-thi-30-ct-tw").issuer, get("chi-thi-30-ct-ttg").issuer);
    }
}
