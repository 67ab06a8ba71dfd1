//! The name written beside a number, checked against the document the number names: "Luật
//! Doanh nghiệp số 59/2014/QH13" resolves by its number to the Luật Căn cước công dân, and
//! that must not pass in silence ([`WarningKind::NameDiffers`]).
//!
//! A name is another document's when it shares fewer than half its words with the title of
//! the document its number names *and* it is the name of some other document the catalog
//! knows ([`Lookup::named`]). A short name or an abbreviation no title holds ("Luật PPP") is
//! left alone, and so is a version of the same law ("Bộ luật Lao động số 10/2012/QH13" in a
//! plan of 2025: the name's words are in the title).

use super::{warning, Lookup, Warning, WarningKind};
use crate::catalog::name_key;
use crate::cite::{Citation, Confidence};
use crate::model::Date;

/// The share of the word pairs of name `written` (its one word, when it has one) that the
/// title `title` holds, both as [`name_key`] gives them (folded, type word and dates dropped):
/// pairs, since syllables alone are shared by unrelated names ("Tổ chức chính quyền địa
/// phương", "Tổ chức Chính phủ").
fn shared_words(written: &str, title: &str) -> f32 {
    let units = |s: &str| -> Vec<String> {
        let words: Vec<&str> = s.split(' ').filter(|x| !x.is_empty()).collect();
        match words.len() {
            0 | 1 => words.iter().map(|w| w.to_string()).collect(),
            _ => words.windows(2).map(|p| p.join(" ")).collect(),
        }
    };
    let (w, t) = (units(&name_key(written)), units(&name_key(title)));
    if w.is_empty() {
        return 1.0;
    }
    w.iter().filter(|x| t.contains(x)).count() as f32 / w.len() as f32
}

/// Citations with a number and a name whose name is another document's (see the module doc),
/// at the plan's date `at`.
pub fn names(cits: &[Citation], at: Option<Date>, lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        if !matches!(c.confidence, Some(Confidence::Exact | Confidence::Variant))
            || c.self_ref
            || c.number.is_none()
        {
            continue;
        }
        let (Some(t), Some(name), Some(m)) =
            (c.doc_type, c.name.as_deref(), c.target.as_deref().and_then(|id| lookup.meta(id)))
        else {
            continue;
        };
        // A record known by its number only ("Luật 62/2010/QH12" as its title) has no name to
        // differ from (probe 11).
        let titled =
            name_key(&m.title).split(' ').any(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()));
        if !titled || shared_words(name, &m.title) >= 0.5 {
            continue;
        }
        let named = lookup.named(t, name, at);
        // The name fits the document too (another version, an alias): no conflict.
        if named.iter().any(|o| o.id == m.id) {
            continue;
        }
        // Not a document signed after the plan (trial 8: a 2019 plan was offered the 2020 law).
        let others: Vec<String> = named
            .iter()
            .filter(|o| at.is_none_or(|d| crate::catalog::signed_or_year(o).is_none_or(|s| s <= d)))
            .map(|o| format!("{} ({})", o.label(), o.title))
            .collect();
        if others.is_empty() {
            continue;
        }
        let msg = format!(
            "Tên ghi «{} {name}» không phải tên của {} ({}); văn bản mang tên này: {}. Hãy kiểm tra lại số hiệu hoặc tên.",
            t.as_vi(),
            m.label(),
            m.title,
            others.join("; ")
        );
        out.push(warning(WarningKind::NameDiffers, msg, c, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_words_of_a_name_and_a_title() {
        // (name written, title, share)
        for (name, title, share) in [
            ("Doanh nghiệp", "Luật Căn cước công dân", 0.0),
            ("Lao động", "Bộ luật Lao động", 1.0),
            ("Bảo hiểm xã hội", "Luật Bảo hiểm xã hội", 1.0),
            ("Thi đua, khen thưởng", "Luật Thi đua, Khen thưởng", 1.0),
            ("Đất đai", "Luật Đất đai năm 2013", 1.0),
            ("Tổ chức chính quyền địa phương", "Luật Tổ chức Chính phủ", 0.4),
            ("Dược", "Luật Dược", 1.0),
            ("Thuế TNDN", "Luật Thuế thu nhập doanh nghiệp", 1.0),
        ] {
            assert_eq!(shared_words(name, title), share, "{name} / {title}");
        }
    }
}
