//! Finding a document of a loaded corpus by what a user types: its id ("luat-10-2022-qh15"),
//! its number in any common spelling ("10/2022/QH15", "59/2023/ND-CP", "Nghị định số
//! 59/2023/NĐ-CP", "nđ 59/2023/nđ-cp"), optionally led by its type, which then narrows the
//! match (18/2008/QH12 is both a Luật and a Nghị quyết), or its name ("Bộ luật Lao động").
//! The lookups themselves are the [`Catalog`]'s; this adds the "type + number" form.

use crate::catalog::Catalog;
use crate::model::{DocType, Document};
use crate::text::fold;

/// The documents `reference` names, best first (see [`Catalog::lookup`]).
pub fn find<'a>(docs: &'a [Document], reference: &str) -> Vec<&'a Document> {
    let r = reference.trim();
    if r.is_empty() {
        return Vec::new();
    }
    let catalog = Catalog::from_documents(docs);
    let (doc_type, number) = split_type(r);
    let mut metas = match doc_type {
        Some(t) if !number.is_empty() => catalog.by_number_and_type(number, Some(t)),
        _ => Vec::new(),
    };
    if metas.is_empty() {
        metas = catalog.lookup(r);
    }
    metas.iter().filter_map(|m| docs.iter().find(|d| d.meta.id == m.id)).collect()
}

/// Splits a leading type name ("Nghị định số", "Luat") from the number.
fn split_type(r: &str) -> (Option<DocType>, &str) {
    let words: Vec<(usize, &str)> =
        r.split_whitespace().map(|w| (w.as_ptr() as usize - r.as_ptr() as usize, w)).collect();
    // Longest type name first ("Nghị quyết liên tịch" before "Nghị quyết").
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let end = words[n - 1].0 + words[n - 1].1.len();
        if let Some(t) = DocType::parse(&r[..end]) {
            let mut rest = r[end..].trim_start();
            if let Some(x) = rest
                .strip_prefix("số")
                .or_else(|| rest.strip_prefix("so"))
                .or_else(|| rest.strip_prefix("Số"))
            {
                if x.starts_with(|c: char| c.is_whitespace() || c == ':') {
                    rest = x.trim_start_matches(':').trim_start();
                }
            }
            return (Some(t), rest);
        }
    }
    // A short form before the number: "NĐ 59/2023/NĐ-CP", "QĐ 11".
    if words.len() >= 2 {
        let first = fold(words[0].1);
        if let Some(t) = DocType::from_symbol(&first) {
            return (Some(t), r[words[1].0..].trim());
        }
    }
    (None, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn doc(id: &str, t: DocType, number: &str) -> Document {
        let mut m = Metadata::new(id, t, "t");
        m.number = Some(number.into());
        m.canonical = Some(crate::number::canonicalize(number));
        Document { meta: m, body: vec![] }
    }

    #[test]
    fn finds_by_id_and_number_variants() {
        let docs = vec![
            doc("luat-18-2008-qh12", DocType::Luat, "18/2008/QH12"),
            doc("nghi-quyet-18-2008-qh12", DocType::NghiQuyet, "18/2008/QH12"),
            doc("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "59/2023/NĐ-CP"),
        ];
        let ids = |r: &str| find(&docs, r).iter().map(|d| d.meta.id.clone()).collect::<Vec<_>>();
        let rows: &[(&str, &[&str])] = &[
            ("nghi-dinh-59-2023-nd-cp", &["nghi-dinh-59-2023-nd-cp"]),
            ("59/2023/NĐ-CP", &["nghi-dinh-59-2023-nd-cp"]),
            ("59/2023/nd-cp", &["nghi-dinh-59-2023-nd-cp"]),
            ("59/2023/NĐ - CP", &["nghi-dinh-59-2023-nd-cp"]),
            ("Nghị định số 59/2023/NĐ-CP", &["nghi-dinh-59-2023-nd-cp"]),
            ("nghi dinh 59/2023/ND-CP", &["nghi-dinh-59-2023-nd-cp"]),
            ("NĐ 59/2023/NĐ-CP", &["nghi-dinh-59-2023-nd-cp"]),
            ("18/2008/QH12", &["luat-18-2008-qh12", "nghi-quyet-18-2008-qh12"]),
            ("Luật 18/2008/QH12", &["luat-18-2008-qh12"]),
            ("Nghị quyết số 18/2008/QH12", &["nghi-quyet-18-2008-qh12"]),
            ("60/2023/NĐ-CP", &[]),
            ("", &[]),
        ];
        for (r, want) in rows {
            assert_eq!(ids(r), *want, "{r}");
        }
    }
}
