//! The catalog as the linker's [`Lookup`]: metadata by id, and the documents whose stated
//! relations replace or repeal a document (matched by id or by number).

use super::warn::Lookup;
use crate::catalog::Catalog;
use crate::model::{Metadata, RelationKind};
use crate::number::key;

impl Lookup for Catalog {
    fn meta(&self, id: &str) -> Option<&Metadata> {
        self.get(id)
    }

    fn lacks(&self, id: &str, article: &str, clause: Option<&str>) -> Option<crate::catalog::Missing> {
        Catalog::lacks(self, id, article, clause)
    }

    fn cited_only(&self, id: &str) -> bool {
        self.is_cited_only(id)
    }

    fn named(
        &self,
        doc_type: crate::model::DocType,
        name: &str,
        at: Option<crate::model::Date>,
    ) -> Vec<&Metadata> {
        let wanted = crate::cite::Wanted { doc_type: Some(doc_type), name: Some(name), ..Default::default() };
        let ctx = crate::cite::Context { date: at, ..Default::default() };
        let r = crate::cite::resolve_wanted(&wanted, self, &ctx);
        r.target.iter().chain(&r.candidates).chain(&r.others).filter_map(|id| self.get(id)).collect()
    }

    fn superseded_by(&self, id: &str) -> Vec<(RelationKind, &Metadata)> {
        let Some(m) = self.get(id) else { return Vec::new() };
        let keys: Vec<String> =
            m.canonical.iter().chain(m.number.iter()).chain(m.aliases.iter()).map(|n| key(n)).collect();
        self.iter()
            .flat_map(|by| by.relations.iter().map(move |r| (by, r)))
            .filter(|(by, r)| {
                by.id != id
                    && matches!(r.kind, RelationKind::Replaces | RelationKind::Repeals)
                    && (r.target == id || keys.contains(&key(&r.target)))
                    && r.target_type.is_none_or(|t| t == m.doc_type)
            })
            .map(|(by, r)| (r.kind, by))
            .collect()
    }
}
