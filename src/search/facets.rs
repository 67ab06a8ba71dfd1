//! Facet counts: how many matches have each type, issuer, year, validity status and Pháp
//! điển đề mục. A Tantivy collector that reads the fast-field columns of those five fields
//! (string ordinals, counted per segment in flat arrays, named once per segment at the end)
//! and needs no scores, so it runs beside — not inside — the pruned top-k search.
//!
//! The searcher counts facets over the best [`WINDOW`] hits only ([`count_hits`]), and
//! counts matches up to [`COUNT_BUDGET`] ([`count_matches`]), so that the cost follows what
//! is shown, not how many records a short query matches ("và" matches most of the 72,000
//! records: counting them all took 9 ms, ten times the search). Beyond those, the facet
//! counts are those of the best hits and the total is extrapolated from the share of the
//! index read, both marked approximate ([`Facets::approximate`],
//! [`super::Results::total_approximate`]).
//!
//! A long query (a question) is not pruned anyway: its best hits are found in one pass over
//! every match, which counts them exactly on the way ([`TopCount`]), with no second pass.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector, TopNComputer};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{EnableScoring, Query as TQuery};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentOrdinal, SegmentReader, TERMINATED};

use super::results::{FacetCount, Facets};
use crate::model::{DocType, Status};

/// The string-valued facet fields, in the order of [`Counts::str`].
const STR_FIELDS: [&str; 4] = ["doc_type", "issuer", "status", "demuc"];

/// How many of the best hits facets are counted over (the page shown lies inside them).
pub const WINDOW: usize = 100;

/// Matches counted exactly; past this many, the total is estimated.
pub const COUNT_BUDGET: u64 = 5_000;

/// How many records match `q`: exactly if at most `budget`, else estimated (`true`) from
/// the matches among the records read so far, as a share of all records, to two
/// significant digits.
pub fn count_matches(
    searcher: &tantivy::Searcher,
    q: &dyn TQuery,
    budget: u64,
) -> tantivy::Result<(usize, bool)> {
    let weight = q.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let all: u64 = searcher.segment_readers().iter().map(|r| r.max_doc() as u64).sum();
    let (mut count, mut before) = (0u64, 0u64);
    for reader in searcher.segment_readers() {
        let alive = reader.alive_bitset();
        let mut docs = weight.scorer(reader, 1.0)?;
        let mut doc = docs.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                count += 1;
                if count > budget {
                    let read = before + doc as u64 + 1;
                    let estimate = count as f64 * all as f64 / read as f64;
                    return Ok((two_digits(estimate), true));
                }
            }
            doc = docs.advance();
        }
        before += reader.max_doc() as u64;
    }
    Ok((count as usize, false))
}

/// The best `limit` hits of a query and how many records it matches, in one pass over every
/// match: for a query whose best hits cannot be found by pruning anyway (a question's union of
/// a hundred clauses or more rarely lets block-max WAND skip anything: one clause without
/// postings in a segment turns it off), counting beside the top-k costs next to nothing,
/// where [`count_matches`] walks the matches a second time. The total is exact. Hits are
/// ordered as [`tantivy::collector::TopDocs`] orders them (score, then address).
#[derive(Debug, Clone, Copy)]
pub struct TopCount {
    pub limit: usize,
}

/// The [`TopCount`] of one segment.
pub struct SegmentTopCount {
    top: TopNComputer<Score, DocId>,
    count: usize,
    segment: SegmentOrdinal,
}

impl Collector for TopCount {
    type Fruit = (Vec<(Score, DocAddress)>, usize);
    type Child = SegmentTopCount;

    fn for_segment(&self, segment: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<SegmentTopCount> {
        Ok(SegmentTopCount { top: TopNComputer::new(self.limit), count: 0, segment })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, parts: Vec<(Vec<(Score, DocAddress)>, usize)>) -> tantivy::Result<Self::Fruit> {
        let mut top: TopNComputer<Score, DocAddress> = TopNComputer::new(self.limit);
        let mut count = 0;
        for (hits, n) in parts {
            count += n;
            for (score, a) in hits {
                top.push(score, a);
            }
        }
        let best = if self.limit == 0 {
            Vec::new()
        } else {
            top.into_sorted_vec().into_iter().map(|c| (c.feature, c.doc)).collect()
        };
        Ok((best, count))
    }
}

impl SegmentCollector for SegmentTopCount {
    type Fruit = (Vec<(Score, DocAddress)>, usize);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.count += 1;
        self.top.push(score, doc);
    }

    fn harvest(self) -> Self::Fruit {
        let segment_ord = self.segment;
        let hits = self
            .top
            .into_sorted_vec()
            .into_iter()
            .map(|c| (c.feature, DocAddress { segment_ord, doc_id: c.doc }));
        (hits.collect(), self.count)
    }
}

/// `x` rounded to two significant digits (41,237 → 41,000).
fn two_digits(x: f64) -> usize {
    if x < 100.0 {
        return x.round() as usize;
    }
    let unit = 10f64.powi(x.log10().floor() as i32 - 1);
    ((x / unit).round() * unit) as usize
}

/// Facet counts over the hits `docs` (of `searcher`'s segments): the few ordinals seen are
/// counted sparsely (a dense array per column, as [`FacetCounter`] keeps for every match,
/// would cost more to allocate and sweep than the hundred hits), then named in one sorted
/// walk of each column's dictionary.
pub fn count_hits(searcher: &tantivy::Searcher, docs: &[DocAddress]) -> tantivy::Result<Counts> {
    let mut by_segment: Vec<&DocAddress> = docs.iter().collect();
    by_segment.sort_by_key(|d| (d.segment_ord, d.doc_id));
    let mut out = Counts::default();
    for run in by_segment.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let ff = searcher.segment_reader(run[0].segment_ord).fast_fields();
        for (into, name) in out.str.iter_mut().zip(STR_FIELDS) {
            let Some(col) = ff.str(name)? else { continue };
            let mut seen: std::collections::BTreeMap<u64, u64> = Default::default();
            for d in run {
                for ord in col.ords().values_for_doc(d.doc_id) {
                    *seen.entry(ord).or_default() += 1;
                }
            }
            let mut next = seen.values().copied();
            col.dictionary().sorted_ords_to_term_cb(seen.keys().copied(), |bytes| {
                if let (Some(n), Ok(name)) = (next.next(), std::str::from_utf8(bytes)) {
                    *into.entry(name.to_string()).or_default() += n;
                }
                Ok(())
            })?;
        }
        if let Ok(col) = ff.u64("year") {
            for d in run {
                if let Some(y) = col.first(d.doc_id) {
                    *out.year.entry(y).or_default() += 1;
                }
            }
        }
    }
    Ok(out)
}

/// Counts by value, per facet.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    /// `doc_type`, `issuer`, `status`, `demuc`.
    pub str: [HashMap<String, u64>; 4],
    pub year: HashMap<u64, u64>,
}

/// Counts facet values over every match of a query.
#[derive(Debug, Default, Clone, Copy)]
pub struct FacetCounter;

/// The counter of one segment: one array of counts per column, indexed by term ordinal.
pub struct SegmentCounter {
    columns: Vec<Option<(StrColumn, Vec<u64>)>>,
    /// The year column, its smallest value, and counts from there.
    year: Option<(Column<u64>, u64, Vec<u64>)>,
}

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentCounter;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<SegmentCounter> {
        let ff = reader.fast_fields();
        let mut columns = Vec::with_capacity(STR_FIELDS.len());
        for name in STR_FIELDS {
            columns.push(ff.str(name)?.map(|c| {
                let n = c.num_terms();
                (c, vec![0; n])
            }));
        }
        let year = ff.u64("year").ok().map(|c| {
            let (lo, hi) = (c.min_value(), c.max_value());
            (c, lo, vec![0; (hi.saturating_sub(lo) as usize + 1).min(1 << 16)])
        });
        Ok(SegmentCounter { columns, year })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        for p in parts {
            for (into, from) in out.str.iter_mut().zip(p.str) {
                for (k, v) in from {
                    *into.entry(k).or_default() += v;
                }
            }
            for (k, v) in p.year {
                *out.year.entry(k).or_default() += v;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (col, counts) in self.columns.iter_mut().flatten() {
            for ord in col.ords().values_for_doc(doc) {
                counts[ord as usize] += 1;
            }
        }
        if let Some((col, lo, counts)) = &mut self.year {
            if let Some(n) = col.first(doc).and_then(|y| counts.get_mut((y - *lo) as usize)) {
                *n += 1;
            }
        }
    }

    fn harvest(self) -> Counts {
        let mut out = Counts::default();
        if let Some((_, lo, counts)) = self.year {
            out.year = (lo..).zip(counts).filter(|(_, n)| *n > 0).collect();
        }
        for (into, col) in out.str.iter_mut().zip(self.columns) {
            let Some((col, counts)) = col else { continue };
            // Names in one sorted walk of the column's dictionary (looking ordinals up one
            // by one costs a block decode each).
            let seen: Vec<(u64, u64)> =
                counts.into_iter().enumerate().filter(|(_, n)| *n > 0).map(|(o, n)| (o as u64, n)).collect();
            let mut next = seen.iter().map(|(_, n)| *n);
            let _ = col.dictionary().sorted_ords_to_term_cb(seen.iter().map(|(o, _)| *o), |bytes| {
                if let (Some(n), Ok(name)) = (next.next(), std::str::from_utf8(bytes)) {
                    into.insert(name.to_string(), n);
                }
                Ok(())
            });
        }
        out
    }
}

impl Counts {
    /// The facets to show: values with their Vietnamese labels, most frequent first (years
    /// newest first).
    pub fn facets(&self) -> Facets {
        let list = |m: &HashMap<String, u64>, label: &dyn Fn(&str) -> Option<String>| {
            let mut v: Vec<FacetCount> = m
                .iter()
                .map(|(value, &count)| FacetCount {
                    value: value.clone(),
                    label: label(value).unwrap_or_else(|| value.clone()),
                    count,
                })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            v
        };
        let none = |_: &str| None;
        let mut year: Vec<FacetCount> = self
            .year
            .iter()
            .map(|(y, &count)| FacetCount { value: y.to_string(), label: y.to_string(), count })
            .collect();
        year.sort_by(|a, b| b.value.cmp(&a.value));
        Facets {
            doc_type: list(&self.str[0], &|v| DocType::parse(v).map(|t| t.as_vi().to_string())),
            issuer: list(&self.str[1], &none),
            year,
            status: list(&self.str[2], &|v| Status::parse(v).map(|s| s.as_vi().to_string())),
            demuc: list(&self.str[3], &none),
            approximate: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small index of invented texts in three segments: [`TopCount`] finds the same best
    /// hits, in the same order, as `TopDocs`, and counts every match as `Count` does.
    #[test]
    fn one_pass_finds_the_best_hits_and_counts_every_match() {
        use tantivy::collector::{Count, TopDocs};
        use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
        use tantivy::schema::{IndexRecordOption, Schema, TEXT};
        use tantivy::{doc, Index, Term};

        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let words = ["mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi"];
        for seg in 0..3 {
            for i in 0..40usize {
                // Texts of 1–6 words, some repeated, so that scores differ and some tie.
                let text: Vec<&str> =
                    (0..1 + (i + seg) % 6).map(|k| words[(i * 7 + k * 3 + seg) % 10]).collect();
                w.add_document(doc!(body => text.join(" "))).unwrap();
            }
            w.commit().unwrap();
        }
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3);
        // (words looked up, hits wanted)
        let rows: [(&[&str], usize); 4] =
            [(&["hai"], 5), (&["mot", "tam", "muoi"], 10), (&words, 100), (&["khong"], 10)];
        for (looked_up, limit) in rows {
            let q = BooleanQuery::new(
                looked_up
                    .iter()
                    .map(|t| {
                        let tq = TermQuery::new(Term::from_field_text(body, t), IndexRecordOption::WithFreqs);
                        (Occur::Should, Box::new(tq) as Box<dyn Query>)
                    })
                    .collect(),
            );
            let (best, count) = searcher.search(&q, &TopCount { limit }).unwrap();
            let (want, want_count) = searcher.search(&q, &(TopDocs::with_limit(limit), Count)).unwrap();
            assert_eq!(count, want_count, "{looked_up:?}");
            assert_eq!(best, want, "{looked_up:?}");
        }
    }

    #[test]
    fn estimates_keep_two_digits() {
        for (x, want) in [(7.4, 7), (99.6, 100), (123.0, 120), (41_237.0, 41_000), (68_329.0, 68_000)] {
            assert_eq!(two_digits(x), want, "{x}");
        }
    }

    #[test]
    fn facets_are_sorted_and_labelled() {
        let mut c = Counts::default();
        c.str[0].insert("luat".into(), 3);
        c.str[0].insert("nghi-dinh".into(), 5);
        c.str[2].insert("in_force".into(), 1);
        c.year.insert(2019, 2);
        c.year.insert(2023, 1);
        let f = c.facets();
        assert_eq!(f.doc_type[0].value, "nghi-dinh");
        assert_eq!(f.doc_type[0].label, "Nghị định");
        assert_eq!(f.doc_type[1].label, "Luật");
        assert_eq!(f.status[0].label, Status::InForce.as_vi());
        assert_eq!(f.year.iter().map(|y| y.value.as_str()).collect::<Vec<_>>(), ["2023", "2019"]);
    }
}
