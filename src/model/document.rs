//! A document: metadata plus a body of blocks (divisions, articles, loose paragraphs).

use serde::{Deserialize, Serialize};

use super::{Date, DocType, Status};

/// How much of a document's text the corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Completeness {
    /// The whole text as published (or consolidated).
    #[serde(rename = "toàn văn")]
    Full,
    /// Only some articles (e.g. those compiled into the Pháp điển).
    #[serde(rename = "một số điều")]
    Partial,
    /// Metadata only, no text.
    #[default]
    #[serde(rename = "chỉ siêu dữ liệu")]
    MetadataOnly,
}

/// Where (part of) a document's text or metadata came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// The source collection: "phapdien-2026", "vanban-goc", "cancu" (hand-written),
    /// "citations" (a title learned from how another document, `file`, cites this one), …
    pub source: String,
    /// The file inside it (zip member or path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// An anchor inside the file, if the provenance is one article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The official link (vbpl.vn …), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How many articles this source contributed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub articles: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The kind of a relation between documents (or articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// Legal basis (the "Căn cứ" lines of the preamble).
    Basis,
    /// Details or guides the target ("quy định chi tiết", "hướng dẫn").
    Details,
    /// Amends or supplements the target ("sửa đổi, bổ sung").
    Amends,
    /// Is amended by the target (Pháp điển notes).
    AmendedBy,
    /// Replaces the target ("thay thế").
    Replaces,
    /// Repeals the target ("bãi bỏ").
    Repeals,
    /// A related article (Pháp điển "Điều này có nội dung liên quan đến").
    Related,
    /// Any other reference.
    Cites,
}

impl RelationKind {
    /// The Vietnamese label shown to users.
    pub fn as_vi(self) -> &'static str {
        match self {
            RelationKind::Basis => "căn cứ",
            RelationKind::Details => "quy định chi tiết, hướng dẫn",
            RelationKind::Amends => "sửa đổi, bổ sung",
            RelationKind::AmendedBy => "được sửa đổi, bổ sung bởi",
            RelationKind::Replaces => "thay thế",
            RelationKind::Repeals => "bãi bỏ",
            RelationKind::Related => "nội dung liên quan",
            RelationKind::Cites => "trích dẫn",
        }
    }
}

/// A typed, document-level relation stated in metadata (e.g. "replaces 04/2015/NĐ-CP").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// The target's number (canonical) or id.
    pub target: String,
    /// The target's type, when the number alone is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<DocType>,
    /// Pinpoint in the target ("khoản 4 Điều 23").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinpoint: Option<String>,
    /// What establishes it: an article of a held document ("Điều 220 Bộ luật 45/2019/QH14") or
    /// an official link. A hand-written relation without one is dropped on loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An amendment note of the Pháp điển: this article's text was amended by `article` of `number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// The amending document's canonical number.
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<DocType>,
    /// The amending article ("1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// True when the note says the content was repealed ("bị bãi bỏ", "hết hiệu lực") rather
    /// than amended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repealed: bool,
}

/// Per-article metadata: where the article sits in the Pháp điển and what notes it carries.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The original article number ("5", "5a"): the key joining this record to the body.
    pub number: String,
    /// Pháp điển number ("44.13.LQ.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phapdien: Option<String>,
    /// Pháp điển đề mục ("44.13").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demuc: Option<String>,
    /// The 40-digit Pháp điển anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Official link to the article (vbpl.vn …#Chuong_I_Dieu_1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Amendments noted by the Pháp điển.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amended_by: Vec<Amendment>,
    /// Related articles, by Pháp điển number ("44.13.LQ.23").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// The article's text in each Pháp điển release, kept only where the releases differ
    /// (oldest release first; see [`crate::validity::versions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<ArticleVersion>,
}

/// An article as one Pháp điển release has it. A release that lacks the article is a hint
/// (the dump may miss a file), never proof of repeal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ArticleVersion {
    /// The release ("phapdien-2024").
    pub release: String,
    /// True when the release, holding other articles of the document, lacks this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
    /// The article's title in this release.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The article's body in this release, paragraphs one a line; `None` when absent or not
    /// loaded (catalogs and skeletons keep only which releases differ, see
    /// [`ArticleMeta::without_version_texts`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl ArticleMeta {
    /// This record with its versions' titles and texts dropped (which releases differ is kept).
    pub fn without_version_texts(mut self) -> ArticleMeta {
        for v in &mut self.versions {
            v.title = String::new();
            v.text = None;
        }
        self
    }
}

/// Document metadata: the front matter of a corpus file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Stable id: type slug + number slug ("nghi-dinh-59-2023-nd-cp"); see [`crate::number`].
    pub id: String,
    /// The number as written in the document ("59/2023/NĐ-CP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The canonical number (spacing, separators and case fixed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Other numberings of the same document ("11-QĐ/TW" for "11-QĐi/TW").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub doc_type: DocType,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Province (for provincial state and Party documents, whose numbers repeat).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// The date it ceased to be in force, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<Date>,
    #[serde(default)]
    pub status: Status,
    /// What establishes `status` (as for [`Relation::source`]); a status other than "chưa rõ"
    /// without one is dropped on loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_source: Option<String>,
    #[serde(default)]
    pub completeness: Completeness,
    /// The official link to the whole document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<ArticleMeta>,
    /// The titles of the Pháp điển đề mục this document's articles are compiled into, as
    /// the dump's `<h3>` gives them ("44.13" → "Thực hiện dân chủ ở cơ sở").
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub demuc_titles: std::collections::BTreeMap<String, String>,
}

impl Metadata {
    /// Minimal metadata: id, type and title; everything else empty.
    pub fn new(id: impl Into<String>, doc_type: DocType, title: impl Into<String>) -> Metadata {
        Metadata {
            id: id.into(),
            number: None,
            canonical: None,
            aliases: Vec::new(),
            doc_type,
            title: title.into(),
            issuer: None,
            province: None,
            signed: None,
            effective: None,
            expired: None,
            status: Status::Unknown,
            status_source: None,
            completeness: Completeness::MetadataOnly,
            url: None,
            sources: Vec::new(),
            relations: Vec::new(),
            articles: Vec::new(),
            demuc_titles: Default::default(),
        }
    }

    /// The metadata record of article `number`, if any.
    pub fn article(&self, number: &str) -> Option<&ArticleMeta> {
        self.articles.iter().find(|a| a.number == number)
    }

    /// "Nghị định 59/2023/NĐ-CP" or, without a number, "Luật <title>"; a central Party
    /// document known only by citation, whose number names it only within a congress term,
    /// with its term: "Nghị quyết 39-NQ/TW (khóa XI)" ([`crate::number::party`]).
    pub fn label(&self) -> String {
        use crate::number::party;
        match &self.canonical {
            Some(n) => match party::term_in_id(&self.id).filter(|_| party::is_central(n)) {
                Some(t) => format!("{} {} (khóa {})", self.doc_type.as_vi(), n, party::roman(t)),
                None => format!("{} {}", self.doc_type.as_vi(), n),
            },
            None => self.title.clone(),
        }
    }
}

/// The kind of a structural division above articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DivisionKind {
    /// Phần
    Part,
    /// Chương
    Chapter,
    /// Mục
    Section,
    /// Tiểu mục
    Subsection,
}

impl DivisionKind {
    pub fn as_vi(self) -> &'static str {
        match self {
            DivisionKind::Part => "Phần",
            DivisionKind::Chapter => "Chương",
            DivisionKind::Section => "Mục",
            DivisionKind::Subsection => "Tiểu mục",
        }
    }

    /// Nesting depth: Phần 0, Chương 1, Mục 2, Tiểu mục 3.
    pub fn rank(self) -> u8 {
        match self {
            DivisionKind::Part => 0,
            DivisionKind::Chapter => 1,
            DivisionKind::Section => 2,
            DivisionKind::Subsection => 3,
        }
    }

    /// Reads the leading word of a heading ("Chương", "MỤC", "Tiểu mục").
    pub fn parse(word: &str) -> Option<DivisionKind> {
        match crate::text::fold(word).as_str() {
            "phan" => Some(DivisionKind::Part),
            "chuong" => Some(DivisionKind::Chapter),
            "muc" => Some(DivisionKind::Section),
            "tieu muc" => Some(DivisionKind::Subsection),
            _ => None,
        }
    }
}

/// A Phần, Chương, Mục or Tiểu mục heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    pub kind: DivisionKind,
    /// "I", "1", "THỨ NHẤT"
    pub number: String,
    #[serde(default)]
    pub title: String,
}

/// An article (Điều). Its khoản and điểm are paragraphs starting "1." and "a)"; see
/// [`crate::structure`] for the parsed tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Original article number as written ("5", "5a").
    pub number: String,
    pub title: String,
    /// Paragraphs of the body, normalized, one per line of the source.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The body as one string, paragraphs separated by newlines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }
}

/// One block of a document body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "block")]
pub enum Block {
    Division(Division),
    Article(Article),
    /// A paragraph outside any article (preamble, "Căn cứ" lines, closing words).
    Paragraph {
        text: String,
    },
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub meta: Metadata,
    pub body: Vec<Block>,
}

impl Document {
    /// The articles in reading order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.body.iter().filter_map(|b| match b {
            Block::Article(a) => Some(a),
            _ => None,
        })
    }

    /// The article numbered `number`, if present.
    pub fn article(&self, number: &str) -> Option<&Article> {
        self.articles().find(|a| a.number == number)
    }

    /// Paragraphs outside articles before the first article (the preamble with "Căn cứ").
    pub fn preamble(&self) -> impl Iterator<Item = &str> {
        self.body.iter().take_while(|b| !matches!(b, Block::Article(_))).filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The document without its text: metadata, divisions and article numbers and titles,
    /// but no paragraphs (nor the texts of the articles' other versions). What a server keeps in memory for every document, reading the
    /// text from the corpus when a page needs it.
    pub fn skeleton(mut self) -> Document {
        self.body.retain_mut(|b| match b {
            Block::Article(a) => {
                a.paragraphs = Vec::new();
                true
            }
            Block::Division(_) => true,
            Block::Paragraph { .. } => false,
        });
        self.body.shrink_to_fit();
        self.meta.articles = std::mem::take(&mut self.meta.articles)
            .into_iter()
            .map(ArticleMeta::without_version_texts)
            .collect();
        self
    }

    /// The division path (Phần, Chương, Mục) in force at each article, by article number.
    pub fn divisions_of(&self, number: &str) -> Vec<&Division> {
        let mut path: Vec<&Division> = Vec::new();
        for b in &self.body {
            match b {
                Block::Division(d) => {
                    path.retain(|p| p.kind.rank() < d.kind.rank());
                    path.push(d);
                }
                Block::Article(a) if a.number == number => return path,
                _ => {}
            }
        }
        Vec::new()
    }
}

/// A provenance source ([`Provenance::source`]) named for people: "phapdien-2026" →
/// "Bộ Pháp điển điện tử (bản 2026)"; an unknown source as it is.
pub fn source_name(source: &str) -> String {
    if let Some(year) = source.strip_prefix("phapdien-") {
        return format!("Bộ Pháp điển điện tử (bản {year})");
    }
    match source {
        "vanban-goc" => "Văn bản gốc (bản công bố)".into(),
        "cancu" => "Hồ sơ nhập tay của căn cứ".into(),
        "citations" => "Tên văn bản theo cách các văn bản khác trích dẫn".into(),
        crate::catalog::cited::SOURCE => "Chỉ biết qua trích dẫn của các văn bản trong kho".into(),
        other => other.into(),
    }
}
