//! Facet counts: how many matches have each type, issuer, year, validity status and Pháp
//! điển đề mục. A Tantivy collector that reads the fast-field columns of those five fields
//! (string ordinals, counted per segment in flat arrays, named once per segment at the end)
//! and needs no scores, so it runs beside — not inside — the pruned top-k search.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::results::{FacetCount, Facets};
use crate::model::{DocType, Status};

/// The string-valued facet fields, in the order of [`Counts::str`].
const STR_FIELDS: [&str; 4] = ["doc_type", "issuer", "status", "demuc"];

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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
