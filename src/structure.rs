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

    /// The parts of a pinpoint's `clause` and `point` this article has, and what it lacks:
    /// "khoản 3 điểm d" of an article with clauses 1–2 keeps neither and lacks "khoản 3";
    /// "điểm e" of a clause with points a–d keeps the clause and lacks "điểm e khoản 2". An
    /// article without numbered clauses lacks any clause asked for. One home for the search
    /// route, the reference API and the command line, so that no anchor points at a part the
    /// text does not have.
    pub fn held(&self, clause: Option<&str>, point: Option<&str>) -> Held {
        let Some(c) = clause else { return Held::default() };
        let Some(found) = self.clause(c) else {
            return Held { clause: None, point: None, missing: Some(format!("khoản {c}")) };
        };
        let Some(p) = point else { return Held { clause: Some(c.to_string()), ..Held::default() } };
        match found.points.iter().find(|x| x.letter == p.to_lowercase()) {
            Some(x) => Held { clause: Some(c.to_string()), point: Some(x.letter.clone()), missing: None },
            None => Held {
                clause: Some(c.to_string()),
                point: None,
                missing: Some(format!("điểm {p} khoản {c}")),
            },
        }
    }
}

/// What [`Outline::held`] finds of a pinpoint in an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Held {
    /// The clause asked for, when the article has it.
    pub clause: Option<String>,
    /// The point asked for, when its clause has it.
    pub point: Option<String>,
    /// The first part asked for that the article lacks, in words ("khoản 3", "điểm e khoản
    /// 2").
    pub missing: Option<String>,
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
    fn the_parts_of_a_pinpoint_an_article_holds() {
        let o = Outline::of(&art(&["1. One", "a) first", "đ) fifth", "2. Two"]));
        let held = |c: Option<&str>, p: Option<&str>| {
            let h = o.held(c, p);
            (h.clause, h.point, h.missing)
        };
        let s = |x: &str| Some(x.to_string());
        // (clause, point) asked → (clause kept, point kept, missing)
        let rows = [
            ((None, None), (None, None, None)),
            ((s("1"), None), (s("1"), None, None)),
            ((s("1"), s("đ")), (s("1"), s("đ"), None)),
            ((s("1"), s("Đ")), (s("1"), s("đ"), None)),
            ((s("1"), s("d")), (s("1"), None, s("điểm d khoản 1"))),
            ((s("3"), s("d")), (None, None, s("khoản 3"))),
            ((s("2"), s("a")), (s("2"), None, s("điểm a khoản 2"))),
        ];
        for ((c, p), want) in rows {
            assert_eq!(held(c.as_deref(), p.as_deref()), want, "{c:?} {p:?}");
        }
        // An article without numbered clauses has none.
        let plain = Outline::of(&art(&["Văn bản không chia khoản."]));
        assert_eq!(plain.held(Some("1"), None).missing.as_deref(), Some("khoản 1"));
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
