//! The domain model: a legal or Party [`Document`] with its [`Metadata`] and [`Article`]s,
//! document types ([`DocType`]), validity ([`Status`]), dates ([`Date`]), where the text came
//! from ([`Provenance`]) and typed relations between documents ([`Relation`]). Every other
//! module speaks in these types; the corpus module stores them as Markdown.

mod date;
mod doc_type;
mod document;
mod status;

pub use date::Date;
pub use doc_type::DocType;
pub use document::{
    source_name, Amendment, Article, ArticleMeta, ArticleVersion, Block, Completeness, Division,
    DivisionKind, Document, Metadata, Provenance, Relation, RelationKind,
};
pub use status::Status;
