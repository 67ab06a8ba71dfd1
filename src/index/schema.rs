//! The index schema: one record per article and one per document, with stored fields for
//! hits, keyword fields for filters and lookups (the facet fields, the document id and the
//! article title also as fast columns), and three text zones (title, context, body), each
//! one analysed field holding its folded, exact and bigram terms (see [`super::analysis`]),
//! with positions (quoted phrases).

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analysis::ZONE;

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
    /// body. One field each, analysed by [`ZONE`].
    pub title_zone: Field,
    pub ctx_zone: Field,
    pub body_zone: Field,
}

fn zone(b: &mut tantivy::schema::SchemaBuilder, name: &str) -> Field {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ZONE)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    b.add_text_field(&format!("{name}_t"), TextOptions::default().set_indexing_options(indexing))
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
