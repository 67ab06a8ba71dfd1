//! Finding definitions in article text. A definition article is one whose title says so
//! ("Giải thích từ ngữ", "Giải thích thuật ngữ", "Định nghĩa", "Khái niệm", "Thuật ngữ") or
//! whose lead-in announces it ("… các từ ngữ dưới đây được hiểu như sau:"). Each of its
//! clauses and points of the form "TERM là …" ("bao gồm …", "được hiểu là …", "gồm …") is
//! a definition of TERM; an abbreviation in parentheses after the term is dropped from it.

use crate::index::analysis::syllables;
use crate::model::Article;
use crate::structure::{clause_marker, point_marker};
use crate::text::{fold, normalize};

/// Longest definition kept, in characters (the article holds the rest).
pub const MAX_DEFINITION: usize = 600;
/// Longest term, in syllables.
const MAX_TERM_SYLLABLES: usize = 14;

/// What joins a term to its definition, in order of preference.
const JOINS: [&str; 6] = [" được hiểu là ", " là ", " bao gồm ", " gồm ", " được hiểu như sau", ":"];

/// One definition found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub term: String,
    pub definition: String,
    /// The clause ("3") or clause and point ("3.a") holding it; `None` in a lead-in.
    pub clause: Option<String>,
}

/// Whether `a` is an article that defines terms.
pub fn is_definition_article(a: &Article) -> bool {
    is_definition_article_in(a, false)
}

/// [`is_definition_article`]; `normalized`: the article's texts are normalized already (read
/// by the corpus reader), and normalizing them again changes nothing (it was half of the
/// glossary's time, run on every article).
pub fn is_definition_article_in(a: &Article, normalized: bool) -> bool {
    let folded = |s: &str| if normalized { fold(s) } else { fold(&normalize(s)) };
    let t = folded(&a.title);
    let titled =
        ["giai thich tu ngu", "giai thich thuat ngu", "dinh nghia", "khai niem", "thuat ngu", "tu ngu"]
            .iter()
            .any(|k| t.contains(k));
    titled
        || a.paragraphs.iter().take(2).any(|p| {
            let f = folded(p);
            f.contains("duoc hieu nhu sau") || f.contains("duoc hieu la")
        })
}

/// Splits "TERM là DEFINITION" (the marker already removed) into its two parts.
pub fn split_definition(p: &str) -> Option<(String, String)> {
    // Joins inside parentheses ("(sau đây gọi là …)") do not count: mask them.
    let mut depth = 0usize;
    let masked: String = p
        .chars()
        .map(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 || c == ')' {
                "\u{1}".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect();
    let (i, join) = JOINS.iter().filter_map(|j| masked.find(j).map(|i| (i, *j))).min_by_key(|(i, _)| *i)?;
    let raw = p[..i].trim();
    // "Nhà nước (sau đây gọi là NN)": the parenthesis is not the term.
    let term = match raw.find('(') {
        Some(k) if k > 0 => raw[..k].trim(),
        _ => raw,
    };
    let mut term = term.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    // "X bao gồm: …" joined at the colon: the join word is not part of the term.
    for tail in [" bao gồm", " gồm", " là"] {
        term = term.strip_suffix(tail).unwrap_or(term).trim_end();
    }
    let n = syllables(term).count();
    if n == 0 || n > MAX_TERM_SYLLABLES || term.contains(['.', ';', '“', '"']) {
        return None;
    }
    // A term of one letter is a formula's symbol ("A là thông số chiều cao …"), not a word
    // a glossary lists.
    if !term.chars().next().is_some_and(char::is_alphabetic) || term.chars().count() < 2 {
        return None;
    }
    let def = p[i + join.len()..].trim().trim_start_matches(':').trim();
    // "X: là …"
    let def = def.strip_prefix("là ").unwrap_or(def).trim();
    if def.is_empty() {
        return None;
    }
    let definition = if def.chars().count() > MAX_DEFINITION {
        let cut: String = def.chars().take(MAX_DEFINITION).collect();
        format!("{}…", cut.trim_end())
    } else {
        def.to_string()
    };
    Some((term.to_string(), definition))
}

/// The definitions of a definition article, in order.
pub fn definitions(a: &Article) -> Vec<Definition> {
    let mut out = Vec::new();
    let mut clause: Option<String> = None;
    let mut seen_clause = false;
    for p in &a.paragraphs {
        let p = normalize(p.trim());
        let (here, rest) = if let Some(c) = clause_marker(&p) {
            clause = Some(c.to_string());
            seen_clause = true;
            (clause.clone(), p[c.len() + 1..].trim().to_string())
        } else if let Some(l) = point_marker(&p) {
            let at = clause.as_ref().map_or(l.to_string(), |c| format!("{c}.{l}"));
            let skip = p.char_indices().nth(2).map_or(p.len(), |(i, _)| i);
            (Some(at), p[skip..].trim().to_string())
        } else if !seen_clause {
            // A lead-in "Trong Luật này, X được hiểu là …".
            let f = fold(&p);
            if !f.contains("duoc hieu la") {
                continue;
            }
            let body = match p.find(", ") {
                Some(k) if fold(&p[..k]).starts_with("trong ") => p[k + 2..].to_string(),
                _ => p.to_string(),
            };
            (None, body)
        } else {
            continue;
        };
        if let Some((term, definition)) = split_definition(&rest) {
            let mut cs = term.chars();
            let term: String = cs.next().map(|c| c.to_uppercase().chain(cs).collect()).unwrap_or_default();
            out.push(Definition { term, definition, clause: here });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_and_definitions() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            ("Ghe chở khách là phương tiện nhỏ.", Some(("Ghe chở khách", "phương tiện nhỏ."))),
            // A formula's one-letter symbol is no term; an acronym is.
            ("A là chiều cao của phông nền.", None),
            ("AIP là tập thông báo tin tức hàng không.", Some(("AIP", "tập thông báo tin tức hàng không."))),
            ("Hộ làm muối (sau đây gọi là hộ) là nhóm người.", Some(("Hộ làm muối", "nhóm người."))),
            ("Việc vặt bao gồm quét sân, tưới cây.", Some(("Việc vặt", "quét sân, tưới cây."))),
            ("Người giữ kho được hiểu là người trông coi.", Some(("Người giữ kho", "người trông coi."))),
            ("Chi phí vận hành: khoản tiền trả hằng tháng.", Some(("Chi phí vận hành", "khoản tiền trả hằng tháng."))),
            ("Đồ dùng bao gồm: bàn, ghế.", Some(("Đồ dùng", "bàn, ghế."))),
            ("Phí trông xe: là tiền gửi xe.", Some(("Phí trông xe", "tiền gửi xe."))),
            ("Không có định nghĩa nào ở đây.", None),
            ("Mọi người trong cả nước, kể cả người ở nước ngoài, người đang đi làm xa nhà, khi đến tuổi thì phải đăng ký là đúng.", None),
            ("5 là số.", None),
        ];
        for (p, want) in rows {
            let got = split_definition(p);
            assert_eq!(got.as_ref().map(|(a, b)| (a.as_str(), b.as_str())), *want, "{p}");
        }
    }

    #[test]
    fn clauses_points_and_lead_ins() {
        let art = |t: &str, ps: &[&str]| Article {
            number: "3".into(),
            title: t.into(),
            paragraphs: ps.iter().map(|p| p.to_string()).collect(),
        };
        let a = art(
            "Giải thích từ ngữ",
            &[
                "Trong Nghị định này, các từ ngữ dưới đây được hiểu như sau:",
                "1. Bè là vật nổi.",
                "2. Các loại thuyền gồm:",
                "a) thuyền nan là thuyền đan bằng tre;",
                "Câu nối thêm.",
            ],
        );
        assert!(is_definition_article(&a));
        let d = definitions(&a);
        let got: Vec<(&str, Option<&str>)> =
            d.iter().map(|x| (x.term.as_str(), x.clause.as_deref())).collect();
        assert_eq!(got, [("Bè", Some("1")), ("Thuyền nan", Some("2.a"))]);
        let lead =
            art("Phạm vi và giải thích", &["Trong Thông tư này, cây cảnh được hiểu là cây trồng để ngắm."]);
        assert!(is_definition_article(&lead));
        assert_eq!(definitions(&lead)[0].term, "Cây cảnh");
        assert!(!is_definition_article(&art("Phạm vi điều chỉnh", &["1. Luật này là luật."])));
    }

    #[test]
    fn normalized_texts_need_no_second_normalizing() {
        use unicode_normalization::UnicodeNormalization;
        let art = |t: &str, ps: &[&str]| Article {
            number: "2".into(),
            title: t.into(),
            paragraphs: ps.iter().map(|p| p.to_string()).collect(),
        };
        // (article, is a definition article); each also typed decomposed, as a person might.
        let rows = [
            (art("Giải thích thuật ngữ", &["1. Ao là chỗ trũng."]), true),
            (art("Phạm vi", &["Ở Quy chế này, bến nước được hiểu là chỗ lên xuống."]), true),
            (art("Đối tượng", &["Ghe bầu được\u{00A0}hiểu như sau:"]), true),
            (art("Phạm vi điều chỉnh", &["1. Quy chế này nói về ghe.", "2. Ghe hiểu rộng."]), false),
        ];
        for (a, want) in rows {
            let n = |s: &str| crate::text::normalize(s).into_owned();
            let normalized = Article {
                title: n(&a.title),
                paragraphs: a.paragraphs.iter().map(|p| n(p)).collect(),
                ..a.clone()
            };
            let typed = Article {
                title: a.title.nfd().collect(),
                paragraphs: a.paragraphs.iter().map(|p| p.nfd().collect()).collect(),
                ..a.clone()
            };
            assert_eq!(is_definition_article(&a), want, "{a:?}");
            assert_eq!(is_definition_article(&typed), want, "{a:?}");
            assert_eq!(is_definition_article_in(&normalized, true), want, "{a:?}");
        }
    }
}
