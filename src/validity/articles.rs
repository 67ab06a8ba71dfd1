//! Which articles of a document its partial repeals name, and how much of each: the part a
//! later document ends ([`super::Event::part`], "Mục 3 Chương III, khoản 4 Điều 84, các điều
//! 104–107") read by the one pinpoint reader ([`crate::cite::listed_pinpoints`]: lists,
//! ranges, clauses and points), with the articles of the chapters and sections it names
//! ([`super::Event::in_divisions`], read from the document's body when it was derived). One
//! home for an article's own status: the JSON (`article_validity`), the lines above an
//! article in `cancu show` and on the document page, and the linker's warning on a citation
//! of a repealed article.

use super::{Change, Event, Record};
use crate::model::{Date, Status};

/// One article a partial repeal names: its number, the clauses and points of it repealed
/// ("khoản 4", "điểm b khoản 1"; empty: the whole article), and the event stating it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRepeal<'a> {
    pub article: String,
    pub provisions: Vec<String>,
    pub event: &'a Event,
}

impl ArticleRepeal<'_> {
    /// Whether the whole article is repealed (not only clauses or points of it).
    pub fn whole(&self) -> bool {
        self.provisions.is_empty()
    }

    /// Whether it has taken effect by `at` (a repeal with no known date has not).
    pub fn by(&self, at: Date) -> bool {
        self.event.date.is_some_and(|d| d <= at)
    }

    /// What of the article is repealed, in Vietnamese: "Điều 105", "khoản 4 Điều 84".
    pub fn what(&self) -> String {
        if self.whole() {
            format!("Điều {}", self.article)
        } else {
            format!("{} Điều {}", join_vi(&self.provisions), self.article)
        }
    }
}

/// What a repeal ends of a pinpoint ([`Record::pinpoint_repeal`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinpointRepeal<'a> {
    /// `Repealed`: the article or clause cited; `PartlyRepealed`: some clauses or points of it.
    pub status: Status,
    /// What ended, in Vietnamese: "Điều 105", "khoản 4 Điều 84", "điểm b khoản 1 Điều 86".
    pub what: String,
    pub event: &'a Event,
}

/// "a", "a và b", "a, b và c".
pub fn join_vi(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

impl Record {
    /// The articles its partial repeals name, in the record's order, one entry per article
    /// and repeal (an article named whole anywhere in a repeal's part is whole).
    pub fn article_repeals(&self) -> Vec<ArticleRepeal<'_>> {
        let mut out: Vec<ArticleRepeal> = Vec::new();
        for e in self.events.iter().filter(|e| e.change == Change::EndsInPart) {
            let Some(part) = &e.part else { continue };
            let first = out.len();
            let named = crate::cite::listed_pinpoints(part).into_iter().filter_map(|p| {
                let provision = (p.clause.is_some() || p.point.is_some()).then(|| {
                    crate::cite::describe_pinpoint(&crate::cite::Pinpoint { article: None, ..p.clone() })
                });
                Some((p.article?, provision))
            });
            // The articles of the chapters and sections it names, whole.
            let divisions = e.in_divisions.iter().map(|a| (a.clone(), None));
            for (article, provision) in divisions.chain(named) {
                match out[first..].iter_mut().find(|r| r.article == article) {
                    Some(r) if provision.is_none() => r.provisions.clear(),
                    Some(r) => {
                        if !r.provisions.is_empty() {
                            r.provisions.extend(provision);
                        }
                    }
                    None => out.push(ArticleRepeal {
                        article,
                        provisions: provision.into_iter().collect(),
                        event: e,
                    }),
                }
            }
        }
        out
    }

    /// What is repealed by `at` of the pinpoint "khoản `clause` Điều `article`" (or of the
    /// whole article when `clause` is `None`): the whole article or the clause cited —
    /// `Repealed` — or only some of its clauses or points — `PartlyRepealed`; `None` when no
    /// known repeal names it.
    pub fn pinpoint_repeal(
        &self,
        article: &str,
        clause: Option<&str>,
        at: Date,
    ) -> Option<PinpointRepeal<'_>> {
        let of_clause = |p: &String| clause.is_none_or(|k| p.ends_with(&format!("khoản {k}")));
        let repeals = self.repeals_of(article, at);
        let hit = repeals.into_iter().find(|x| x.whole() || x.provisions.iter().any(of_clause))?;
        let parts: Vec<String> = hit.provisions.iter().filter(|p| of_clause(p)).cloned().collect();
        let status = match clause {
            _ if hit.whole() => Status::Repealed,
            Some(k) if parts == [format!("khoản {k}")] => Status::Repealed,
            _ => Status::PartlyRepealed,
        };
        let what = if hit.whole() {
            format!("Điều {article}")
        } else {
            format!("{} Điều {article}", join_vi(&parts))
        };
        Some(PinpointRepeal { status, what, event: hit.event })
    }

    /// [`Record::pinpoint_repeal`] of the article (and clause) citation `c` pinpoints in this
    /// record's document; `None` for a self-reference or a citation without an article.
    pub fn cited_repeal(&self, c: &crate::cite::Citation, at: Date) -> Option<PinpointRepeal<'_>> {
        let p = c.pinpoint.as_ref().filter(|_| !c.self_ref)?;
        self.pinpoint_repeal(p.article.as_deref()?, p.clause.as_deref(), at)
    }

    /// The repeals of article `article` in force by `at`, the whole-article ones first.
    pub fn repeals_of(&self, article: &str, at: Date) -> Vec<ArticleRepeal<'_>> {
        let mut v: Vec<ArticleRepeal> =
            self.article_repeals().into_iter().filter(|r| r.article == article && r.by(at)).collect();
        v.sort_by_key(|r| !r.whole());
        v
    }
}
