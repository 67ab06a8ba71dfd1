//! The inner structure of an article: khoản (numbered clauses "1.") and điểm (lettered points
//! "a)"), with stable anchors such as `dieu-5-khoan-2-diem-đ`. Vietnamese point letters are
//! a b c d đ e g h i k l m n o p q r s t u v x y: "điểm đ" is its own point, never "điểm d".

use crate::model::Article;

/// The Vietnamese point letters, in order.
pub const POINT_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
    "x", "y",
];

/// A lettered point (điểm) of a clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub letter: String,
    /// Index of its first paragraph in the article; it runs until the next point or clause.
    pub first: usize,
    pub last: usize,
}

/// A numbered clause (khoản).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub number: String,
    pub first: usize,
    pub last: usize,
    pub points: Vec<Point>,
}

/// The clause structure of an article. Paragraphs before the first clause are the lead-in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    pub clauses: Vec<Clause>,
}

/// The clause number a paragraph opens with ("2." → "2"), if any.
pub fn clause_marker(p: &str) -> Option<&str> {
    let digits = p.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &p[digits..];
    (rest.starts_with(". ") || rest == ".").then(|| &p[..digits])
}

/// The point letter a paragraph opens with ("đ) …" → "đ"), if any.
pub fn point_marker(p: &str) -> Option<&'static str> {
    let mut chars = p.chars();
    let c = chars.next()?;
    if chars.next()? != ')' {
        return None;
    }
    let lower = c.to_lowercase().next()?;
    POINT_LETTERS.iter().copied().find(|l| l.starts_with(lower) && l.chars().count() == 1)
}

impl Outline {
    /// Parses an article's paragraphs.
    pub fn of(article: &Article) -> Outline {
        let mut clauses: Vec<Clause> = Vec::new();
        for (i, p) in article.paragraphs.iter().enumerate() {
            if let Some(n) = clause_marker(p) {
                clauses.push(Clause { number: n.to_string(), first: i, last: i, points: Vec::new() });
                continue;
            }
            let Some(c) = clauses.last_mut() else { continue };
            c.last = i;
            match point_marker(p) {
                Some(l) => c.points.push(Point { letter: l.to_string(), first: i, last: i }),
                None => {
                    if let Some(pt) = c.points.last_mut() {
                        pt.last = i;
                    }
                }
            }
        }
        Outline { clauses }
    }

    pub fn clause(&self, number: &str) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.number == number)
    }
}

/// The anchor of an article, clause or point: `dieu-5`, `dieu-5-khoan-2`, `dieu-5-khoan-2-diem-đ`.
pub fn anchor(article: &str, clause: Option<&str>, point: Option<&str>) -> String {
    let mut a = format!("dieu-{}", article.to_lowercase());
    if let Some(c) = clause {
        a.push_str("-khoan-");
        a.push_str(c);
        if let Some(p) = point {
            a.push_str("-diem-");
            a.push_str(&p.to_lowercase());
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(ps: &[&str]) -> Article {
        Article {
            number: "5".into(),
            title: "T".into(),
            paragraphs: ps.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn clauses_and_points() {
        let a = art(&["Lead-in:", "1. One", "a) first", "đ) fifth", "more of đ", "2. Two", "d) dee"]);
        let o = Outline::of(&a);
        assert_eq!(o.clauses.len(), 2);
        let c1 = o.clause("1").unwrap();
        assert_eq!(c1.points.iter().map(|p| p.letter.as_str()).collect::<Vec<_>>(), ["a", "đ"]);
        assert_eq!(c1.points[1].last, 4);
        assert_eq!(o.clause("2").unwrap().points[0].letter, "d");
        assert_eq!(anchor("5", Some("2"), Some("đ")), "dieu-5-khoan-2-diem-đ");
    }

    #[test]
    fn markers() {
        assert_eq!(clause_marker("12. Text"), Some("12"));
        assert_eq!(clause_marker("2023. not"), None);
        assert_eq!(clause_marker("1.5 not"), None);
        assert_eq!(point_marker("đ) x"), Some("đ"));
        assert_eq!(point_marker("f) x"), None);
        assert_eq!(point_marker("ab) x"), None);
    }
}
