//! Titles learned from citations. Some sources give a law only its number: the Pháp điển's
//! notes say "Luật số 75/2015/QH13", never "Luật Mặt trận Tổ quốc Việt Nam", so the
//! document would be titled with the made-up "Luật 75/2015/QH13" and found by neither its
//! name nor its subject. But other documents cite it by name *and* number ("Luật Mặt trận
//! Tổ quốc Việt Nam số 75/2015/QH13"). This stage reads every citation in the imported
//! texts (with [`crate::cite`]) and gives each untitled law, code or ordinance the name it
//! is most often cited by — when more than half of the named citations of that number agree
//! — recording the provenance `citations` (with the first citing document) so that a reader
//! can tell a learned title from a published one.

use std::collections::HashMap;

use rayon::prelude::*;

use super::merge::placeholder;
use crate::model::{DocType, Document, Provenance};

/// The source name recorded for a learned title.
pub const SOURCE: &str = "citations";

/// Types whose titles are names ("Luật Đất đai"), so that a citation gives the whole title.
const NAMED: [DocType; 3] = [DocType::Luat, DocType::BoLuat, DocType::PhapLenh];

/// Fills the placeholder titles of `docs` from how the texts of `docs` cite them. Returns
/// how many titles were learned.
pub fn learn(docs: &mut [Document]) -> usize {
    let mut wanted: HashMap<(DocType, String), usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if NAMED.contains(&d.meta.doc_type) && placeholder(&d.meta) {
            if let Some(n) = &d.meta.canonical {
                wanted.insert((d.meta.doc_type, crate::number::key(n)), i);
            }
        }
    }
    if wanted.is_empty() {
        return 0;
    }
    // Only texts that contain one of the numbers' "serial/year" (most contain none) are read
    // for citations.
    let mut stems: Vec<String> = Vec::new();
    for &i in wanted.values() {
        if let Some(c) = &docs[i].meta.canonical {
            let stem: String = c.splitn(3, '/').take(2).collect::<Vec<_>>().join("/");
            stems.push(regex::escape(&stem));
        }
    }
    let Ok(mentions) = regex::Regex::new(&stems.join("|")) else { return 0 };
    // (target, name, citing document), from every text.
    let found: Vec<(usize, String, usize)> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(from, d)| {
            let mut out = Vec::new();
            let texts =
                d.articles().flat_map(|a| a.paragraphs.iter().map(String::as_str)).chain(d.preamble());
            for text in texts.filter(|t| mentions.is_match(t)) {
                for c in crate::cite::extract(text) {
                    let (Some(t), Some(n), Some(name)) = (c.doc_type, &c.number, c.name) else { continue };
                    if let Some(&target) = wanted.get(&(t, crate::number::key(n))) {
                        if target != from {
                            out.push((target, name, from));
                        }
                    }
                }
            }
            out
        })
        .collect();
    // Votes per target: name (as first written) → (count, first citing document).
    let mut votes: HashMap<usize, Vec<(String, usize, usize)>> = HashMap::new();
    for (target, name, from) in found {
        let v = votes.entry(target).or_default();
        let key = crate::text::fold(&name);
        match v.iter_mut().find(|(n, _, _)| crate::text::fold(n) == key) {
            Some(slot) => slot.1 += 1,
            None => v.push((name, 1, from)),
        }
    }
    let mut learned = 0;
    for (target, mut v) in votes {
        let total: usize = v.iter().map(|x| x.1).sum();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let (name, count, from) = v.swap_remove(0);
        if count * 2 <= total {
            continue;
        }
        let from = docs[from].meta.id.clone();
        let m = &mut docs[target].meta;
        m.title = format!("{} {}", m.doc_type.as_vi(), name);
        m.sources.push(Provenance {
            source: SOURCE.into(),
            file: Some(from),
            anchor: None,
            url: None,
            articles: 0,
        });
        learned += 1;
    }
    learned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, Metadata};

    fn doc(id: &str, t: DocType, number: &str, title: &str, paras: &[&str]) -> Document {
        let mut m = Metadata::new(id, t, title);
        m.canonical = Some(number.into());
        let a = Article {
            number: "1".into(),
            title: "Thử".into(),
            paragraphs: paras.iter().map(|p| p.to_string()).collect(),
        };
        Document { meta: m, body: vec![Block::Article(a)] }
    }

    #[test]
    fn untitled_laws_take_the_name_they_are_cited_by() {
        let mut docs = vec![
            doc("luat-75-2015-qh13", DocType::Luat, "75/2015/QH13", "Luật 75/2015/QH13", &[]),
            doc("luat-9-2099-qh99", DocType::Luat, "9/2099/QH99", "Luật 9/2099/QH99", &[]),
            doc(
                "nghi-dinh-1-2099-nd-cp",
                DocType::NghiDinh,
                "1/2099/NĐ-CP",
                "Nghị định thử",
                &[
                    "Căn cứ Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13;",
                    "Theo Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13 và Luật Thử số 9/2099/QH99.",
                    "Theo Luật Khác số 9/2099/QH99.",
                ],
            ),
        ];
        assert_eq!(learn(&mut docs), 1);
        assert_eq!(docs[0].meta.title, "Luật Mặt trận Tổ quốc Việt Nam");
        assert_eq!(docs[0].meta.sources[0].source, SOURCE);
        assert_eq!(docs[0].meta.sources[0].file.as_deref(), Some("nghi-dinh-1-2099-nd-cp"));
        // Two names, one vote each: no majority, the placeholder stays.
        assert_eq!(docs[1].meta.title, "Luật 9/2099/QH99");
        // A real title is never replaced, and learning twice changes nothing.
        assert_eq!(learn(&mut docs), 0);
    }
}
