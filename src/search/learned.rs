//! Learned associations between a question's words and the words of the title of the
//! article that answers it: "bao nhiêu" goes with titles saying "mức", "hồ sơ" with
//! "hồ sơ" and "thủ tục", "tiền cọc" with "đặt cọc". Learned by [`learn`] from the
//! **training split** of the dev questions (`search::question::held_out` decides the split)
//! with `cargo run --release --example fit_rerank -- --learn`, which writes
//! `data/associations.tsv`: word pairs and weights only (folded syllables and bigrams "a_b"),
//! never question text; its header says where it comes from. The reranker
//! ([`super::rerank`]) uses the association mass of a hit's title as one feature.
//!
//! The weight of a pair (q, t) is the lift of t in the answering titles of the questions
//! holding q over its share of all article titles: ln(P(t ∈ answer title | q) / P(t ∈ any
//! title)), with P(t | q) shrunk towards zero for rare q ([`Params::shrink`]); only question
//! words seen in enough questions are kept (words of one topic do not carry over to other
//! questions), pairs seen in too few questions or with a small lift are dropped, and each
//! q keeps its strongest pairs ([`PARAMS`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

/// The table as shipped.
pub const DATA: &str = include_str!("../../data/associations.tsv");

/// How pairs are learned and pruned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Questions a question word must be seen in.
    pub min_word: usize,
    /// Questions a pair must be seen in.
    pub min_pair: usize,
    /// Pseudo-count added to a question word's count (shrinks the lift of rare words).
    pub shrink: f64,
    /// Least lift kept (ln scale).
    pub min_lift: f64,
    /// Most pairs kept per question word.
    pub per_word: usize,
}

/// The parameters the shipped table was learned with.
pub const PARAMS: Params = Params { min_word: 30, min_pair: 6, shrink: 2.0, min_lift: 0.7, per_word: 8 };

/// Question term → (title term, weight).
#[derive(Debug, Clone, Default)]
pub struct Associations {
    map: HashMap<String, Vec<(String, f32)>>,
}

/// One learned pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub question: String,
    pub title: String,
    pub weight: f32,
    /// Training questions the pair was seen in.
    pub count: usize,
}

impl Associations {
    /// Reads a table (`question<TAB>title<TAB>weight<TAB>count`; `#` comments and a header
    /// skipped). A malformed row is an error naming its line.
    pub fn parse(text: &str) -> Result<Associations, String> {
        let mut map: HashMap<String, Vec<(String, f32)>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("question\t") {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let weight = c.get(2).and_then(|w| w.parse::<f32>().ok());
            match (c.as_slice(), weight) {
                ([q, t, _, _], Some(w)) if !q.is_empty() && !t.is_empty() => {
                    map.entry(q.to_string()).or_default().push((t.to_string(), w))
                }
                _ => return Err(format!("associations line {}: want question, title, weight, count", i + 1)),
            }
        }
        Ok(Associations { map })
    }

    /// A table of learned pairs.
    pub fn from_pairs(pairs: &[Pair]) -> Associations {
        let mut map: HashMap<String, Vec<(String, f32)>> = HashMap::new();
        for p in pairs {
            map.entry(p.question.clone()).or_default().push((p.title.clone(), p.weight));
        }
        Associations { map }
    }

    /// The shipped table (checked by a unit test).
    pub fn shipped() -> &'static Associations {
        static A: OnceLock<Associations> = OnceLock::new();
        A.get_or_init(|| Associations::parse(DATA).unwrap_or_default())
    }

    /// Number of question terms with pairs.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The association mass of a title for a question: the summed weights of the pairs
    /// (q, t) with q among `question` terms and t in `title`, over the number of question
    /// terms the table knows.
    pub fn mass<'a>(&self, question: impl Iterator<Item = &'a str>, title: &HashSet<&str>) -> f32 {
        let (mut sum, mut known) = (0.0f32, 0usize);
        for q in question {
            if let Some(v) = self.map.get(q) {
                known += 1;
                sum += v.iter().filter(|(t, _)| title.contains(t.as_str())).map(|(_, w)| w).sum::<f32>();
            }
        }
        if known == 0 {
            0.0
        } else {
            sum / known as f32
        }
    }
}

/// Learns the pairs from training examples — (question terms, answering-title terms) — and
/// the share of all article titles holding each title term (`background`, terms missing
/// count as one title in `titles`).
pub fn learn(
    examples: &[(BTreeSet<String>, BTreeSet<String>)],
    background: &HashMap<String, usize>,
    titles: usize,
    p: &Params,
) -> Vec<Pair> {
    let mut cq: HashMap<&str, usize> = HashMap::new();
    let mut cqt: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (qs, ts) in examples {
        for q in qs {
            *cq.entry(q).or_default() += 1;
            for t in ts {
                *cqt.entry((q, t)).or_default() += 1;
            }
        }
    }
    let mut by_q: BTreeMap<&str, Vec<Pair>> = BTreeMap::new();
    for ((q, t), n) in cqt {
        if n < p.min_pair || cq[q] < p.min_word {
            continue;
        }
        let p_tq = n as f64 / (cq[q] as f64 + p.shrink);
        let p_t = background.get(t).copied().unwrap_or(1).max(1) as f64 / titles.max(1) as f64;
        let lift = (p_tq / p_t).ln();
        if lift >= p.min_lift {
            by_q.entry(q).or_default().push(Pair {
                question: q.to_string(),
                title: t.to_string(),
                weight: (lift * 1000.0).round() as f32 / 1000.0,
                count: n,
            });
        }
    }
    let mut out = Vec::new();
    for (_, mut v) in by_q {
        v.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.title.cmp(&b.title)));
        v.truncate(p.per_word);
        out.extend(v);
    }
    out
}

/// The table file for `pairs`, with a provenance header.
pub fn write(pairs: &[Pair], provenance: &str) -> String {
    let mut s = String::new();
    for line in provenance.lines() {
        s.push_str("# ");
        s.push_str(line);
        s.push('\n');
    }
    s.push_str("question\ttitle\tweight\tcount\n");
    for p in pairs {
        s.push_str(&format!("{}\t{}\t{}\t{}\n", p.question, p.title, p.weight, p.count));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(s: &str) -> BTreeSet<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn learns_lifted_pairs_seen_often_enough() {
        // "bao_nhieu" questions answered by titles with "muc" (rare among titles) three
        // times; "cua" everywhere; "coc" → "dat_coc" only twice (below MIN_PAIR).
        let ex = vec![
            (set("bao_nhieu phi cua"), set("muc phi")),
            (set("bao_nhieu luong cua"), set("muc luong")),
            (set("bao_nhieu thue cua"), set("muc thue")),
            (set("tien_coc cua"), set("dat_coc")),
            (set("tien_coc cua"), set("dat_coc")),
        ];
        let bg: HashMap<String, usize> =
            [("muc", 10), ("phi", 50), ("luong", 50), ("thue", 50), ("dat_coc", 2)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
        let p = Params { min_word: 3, min_pair: 3, shrink: 2.0, min_lift: 1.0, per_word: 12 };
        let got = |p: &Params| -> Vec<(String, String, usize)> {
            learn(&ex, &bg, 1000, p).into_iter().map(|p| (p.question, p.title, p.count)).collect()
        };
        assert_eq!(got(&p), vec![("bao_nhieu".into(), "muc".into(), 3), ("cua".into(), "muc".into(), 3)]);
        // Only "cua" is in four questions or more.
        assert_eq!(got(&Params { min_word: 4, ..p }), vec![("cua".into(), "muc".into(), 3)]);
    }

    #[test]
    fn table_round_trips_and_gives_mass() {
        let pairs = vec![
            Pair { question: "bao_nhieu".into(), title: "muc".into(), weight: 2.5, count: 3 },
            Pair { question: "ho_so".into(), title: "thu_tuc".into(), weight: 1.5, count: 4 },
        ];
        let a = Associations::parse(&write(&pairs, "test table\nsecond line")).unwrap();
        assert_eq!(a.len(), 2);
        let title: HashSet<&str> = ["muc", "phi"].into_iter().collect();
        let rows: &[(&[&str], f32)] =
            &[(&["bao_nhieu"], 2.5), (&["bao_nhieu", "ho_so"], 1.25), (&["ho_so"], 0.0), (&["khac"], 0.0)];
        for (q, want) in rows {
            assert_eq!(a.mass(q.iter().copied(), &title), *want, "{q:?}");
        }
        assert!(Associations::parse("a\tb\tx\t1").is_err());
    }

    #[test]
    fn shipped_table_parses() {
        assert!(Associations::parse(DATA).is_ok());
    }
}
