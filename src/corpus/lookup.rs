//! Finding a document of a loaded corpus by what a user types: its id ("luat-10-2022-qh15")
//! or its number in any common spelling ("10/2022/QH15", "59/2023/ND-CP", "Nghị định số
//! 59/2023/NĐ-CP", "nđ 59/2023/nđ-cp"), optionally led by its type, which then narrows the
//! match (18/2008/QH12 is both a Luật and a Nghị quyết).

use crate::model::{DocType, Document};
use crate::number::key;
use crate::text::fold;

/// The documents `reference` names, best first: an id match alone, else every document whose
/// number (canonical, as written or an alias) matches, filtered by the leading type if any.
pub fn find<'a>(docs: &'a [Document], reference: &str) -> Vec<&'a Document> {
    let r = reference.trim();
    if let Some(d) = docs.iter().find(|d| d.meta.id == r) {
        return vec![d];
    }
    let (doc_type, number) = split_type(r);
    let k = key(number);
    if k.is_empty() {
        return Vec::new();
    }
    docs.iter()
        .filter(|d| doc_type.is_none_or(|t| d.meta.doc_type == t))
        .filter(|d| {
            let m = &d.meta;
            m.canonical.iter().chain(m.number.iter()).chain(m.aliases.iter()).any(|n| key(n) == k)
        })
        .collect()
}

/// Splits a leading type name ("Nghị định số", "Luat") from the number.
fn split_type(r: &str) -> (Option<DocType>, &str) {
    let words: Vec<(usize, &str)> = r.split_whitespace().map(|w| (w.as_ptr() as usize - r.as_ptr() as usize, w)).collect();
    // Longest type name first ("Nghị quyết liên tịch" before "Nghị quyết").
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let end = words[n - 1].0 + words[n - 1].1.len();
        if let Some(t) = DocType::parse(&r[..end]) {
            let mut rest = r[end..].trim_start();
            if let Some(x) = rest.strip_prefix("số").or_else(|| rest.strip_prefix("so")).or_else(|| rest.strip_prefix("Số")) {
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
