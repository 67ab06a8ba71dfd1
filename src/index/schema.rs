//! The index schema: one record per article and one per document, with stored fields for
//! hits, keyword fields for filters and lookups (the facet fields, the document id and the
//! article title also as fast columns), and three text zones (title, context, body), each
//! two analysed fields: its folded terms with positions (quoted phrases), and its exact and
//! bigram terms (see [`super::analysis`]).

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analysis::{is_folded, EXTRA, FOLDED};

/// The two fields of one text zone (see [`super::analysis`]).
#[derive(Debug, Clone, Copy)]
pub struct Zone {
    /// Folded terms, with positions.
    pub folded: Field,
    /// Exact terms that differ from their folded one, and bigrams.
    pub extra: Field,
}

impl Zone {
    /// The field holding `text` (a folded, exact or bigram term) in this zone.
    pub fn field_of(&self, text: &str) -> Field {
        if is_folded(text) {
            self.folded
        } else {
            self.extra
        }
    }

    /// The term `text` of this zone, in the field that holds it.
    pub fn term(&self, text: &str) -> tantivy::Term {
        tantivy::Term::from_field_text(self.field_of(text), text)
    }
}

/// Record kinds (value of the `kind` field).
pub const KIND_ARTICLE: &str = "article";
pub const KIND_DOCUMENT: &str = "document";
/// Value of the `flags` field on records that full-text search returns: articles, and
/// documents that have no article (metadata only).
pub const FLAG_LISTED: &str = "listed";

/// The value of the `issuer_key` field for an issuer as written: normalized, trimmed,
/// folded, so that filters match "Chính phủ" and "chinh phu" alike.
pub fn issuer_key(issuer: &str) -> String {
    crate::text::fold(&crate::text::normalize(issuer.trim()))
}

/// Every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    pub schema: Schema,
    pub kind: Field,
    pub flags: Field,
    pub id: Field,
    pub number: Field,
    pub aliases: Field,
    pub doc_type: Field,
    pub article: Field,
    pub ord: Field,
    pub title: Field,
    pub doc_title: Field,
    pub text: Field,
    pub issuer: Field,
    pub issuer_key: Field,
    pub year: Field,
    pub signed: Field,
    pub status: Field,
    pub demuc: Field,
    pub phapdien: Field,
    pub related: Field,
    pub n_articles: Field,
    /// The text zones: article title; context (document title, number, issuer, headings);
    /// body.
    pub title_zone: Zone,
    pub ctx_zone: Zone,
    pub body_zone: Zone,
}

fn text_opts(tokenizer: &str, rec: IndexRecordOption) -> TextOptions {
    TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(rec))
}

fn zone(b: &mut tantivy::schema::SchemaBuilder, name: &str) -> Zone {
    Zone {
        folded: b.add_text_field(
            &format!("{name}_f"),
            text_opts(FOLDED, IndexRecordOption::WithFreqsAndPositions),
        ),
        extra: b.add_text_field(&format!("{name}_e"), text_opts(EXTRA, IndexRecordOption::WithFreqs)),
    }
}

impl Fields {
    /// The schema of a new index.
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        let kind = b.add_text_field("kind", STRING | STORED);
        let flags = b.add_text_field("flags", STRING);
        let id = b.add_text_field("id", STRING | STORED | FAST);
        let number = b.add_text_field("number", STORED);
        let aliases = b.add_text_field("aliases", STORED);
        let doc_type = b.add_text_field("doc_type", STRING | STORED | FAST);
        let article = b.add_text_field("article", STRING | STORED);
        let ord = b.add_u64_field("ord", FAST | STORED);
        let title = b.add_text_field("title", STORED | FAST);
        let doc_title = b.add_text_field("doc_title", STORED);
        let text = b.add_text_field("text", STORED);
        let issuer = b.add_text_field("issuer", STORED | FAST);
        let issuer_key = b.add_text_field("issuer_key", STRING);
        let year = b.add_u64_field("year", INDEXED | STORED | FAST);
        let signed = b.add_text_field("signed", STORED);
        let status = b.add_text_field("status", STRING | STORED | FAST);
        let demuc = b.add_text_field("demuc", STRING | STORED | FAST);
        let phapdien = b.add_text_field("phapdien", STRING | STORED);
        let related = b.add_text_field("related", STORED);
        let n_articles = b.add_u64_field("n_articles", STORED);
        let title_zone = zone(&mut b, "title");
        let ctx_zone = zone(&mut b, "ctx");
        let body_zone = zone(&mut b, "body");
        Fields {
            schema: b.build(),
            kind,
            flags,
            id,
            number,
            aliases,
            doc_type,
            article,
            ord,
            title,
            doc_title,
            text,
            issuer,
            issuer_key,
            year,
            signed,
            status,
            demuc,
            phapdien,
            related,
            n_articles,
            title_zone,
            ctx_zone,
            body_zone,
        }
    }

    /// The fields of an existing index, checked against the current schema.
    pub fn of(schema: &Schema) -> crate::Result<Fields> {
        let want = Fields::new();
        if *schema != want.schema {
            return Err(crate::Error::Index(
                "chỉ mục do một phiên bản cancu khác lập; hãy lập lại bằng `cancu index`".into(),
            ));
        }
        Ok(want)
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}
