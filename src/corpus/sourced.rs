//! Claims need sources: a hand-written record's `status` (other than "chưa rõ") must name
//! what establishes it in `status_source`, and each relation its `source` — an article of a
//! held document ("Điều 220 Bộ luật 45/2019/QH14") or an official link. The loaders drop an
//! unsourced claim and report it, so that nothing downstream (validity, the plan linker)
//! rests on it.

use crate::model::{Document, Status};

/// Drops the unsourced status and relations of `doc`; returns one message per claim dropped.
pub fn drop_unsourced(doc: &mut Document) -> Vec<String> {
    let m = &mut doc.meta;
    let mut out = Vec::new();
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    if m.status != Status::Unknown && blank(&m.status_source) {
        out.push(format!(
            "tình trạng {:?} không có status_source (nguồn); đọc là \"chưa rõ\"",
            m.status.as_vi()
        ));
        m.status = Status::Unknown;
    }
    m.relations.retain(|r| {
        let keep = !blank(&r.source);
        if !keep {
            out.push(format!("quan hệ {:?} → {} không có source (nguồn); bỏ", r.kind.as_vi(), r.target));
        }
        keep
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocType, Metadata, Relation, RelationKind};

    #[test]
    fn unsourced_claims_are_dropped() {
        let rel = |source: Option<&str>| Relation {
            kind: RelationKind::Replaces,
            target: "9/2015/NĐ-CP".into(),
            target_type: None,
            pinpoint: None,
            source: source.map(Into::into),
        };
        // (status, status_source, relation sources) → (status kept, relations kept, messages)
        type Row<'a> = (Status, Option<&'a str>, Vec<Option<&'a str>>, Status, usize, usize);
        let table: &[Row] = &[
            (
                Status::InForce,
                Some("Điều 9 Luật 1/2030/QH15"),
                vec![Some("Điều 9 Luật 1/2030/QH15")],
                Status::InForce,
                1,
                0,
            ),
            (Status::Repealed, None, vec![None, Some("https://vbpl.vn/x")], Status::Unknown, 1, 2),
            (Status::Unknown, None, vec![], Status::Unknown, 0, 0),
            (Status::InForce, Some("  "), vec![Some("")], Status::Unknown, 0, 2),
        ];
        for (status, source, rels, want, kept, msgs) in table {
            let mut m = Metadata::new("x", DocType::NghiDinh, "Nghị định thử");
            m.status = *status;
            m.status_source = source.map(Into::into);
            m.relations = rels.iter().map(|s| rel(*s)).collect();
            let mut d = Document { meta: m, body: vec![] };
            let got = drop_unsourced(&mut d);
            assert_eq!((d.meta.status, d.meta.relations.len(), got.len()), (*want, *kept, *msgs));
        }
    }
}
