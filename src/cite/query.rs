//! Reading a reference typed by a person — into the search box, `cancu show`, `/api/resolve`
//! — and resolving it: [`lookup`]. A reference written as running text ("khoản 2 Điều 63 Bộ
//! luật Lao động", "Nghị định số 59/2023/NĐ-CP") is read by the citation reader
//! ([`super::extract`]); this adds the shorthand people type and the citation reader rightly
//! does not take for a citation in prose: a bare number ("59/2023/ND-CP", "11-QĐ/TW"), a
//! partial one ("nđ 59/2023", "nghị định 59 năm 2023", "nghị định 145"), a type abbreviation
//! glued to a serial ("NĐ145"), a code's short name ("BLLĐ", "BLDS"), a pinpoint in short
//! ("Đ37.3", "Đ35.3.d", "Đ18k3b"), an id ("luat-10-2022-qh15#dieu-23"), lower case and no
//! diacritics ("dieu 5 luat thuc hien dan chu o co so"). Whatever was read is resolved by the
//! one resolver ([`super::resolve_wanted`]), so the search box, `show`, the API and `cite`
//! give the same document and article for the same string.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::resolve::{resolve_wanted, Confidence, Context, Wanted};
use crate::catalog::Catalog;
use crate::model::DocType;
use crate::text::{fold, normalize};

/// A reference read from a query. Byte offsets are into the normalized query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref {
    /// The type the query names ("nghị định", "NĐ") or the number implies.
    pub doc_type: Option<DocType>,
    /// A full number, canonical ("59/2023/NĐ-CP").
    pub number: Option<String>,
    /// Serial and year of a partial number ("59/2023", "59 năm 2023", "NĐ145").
    pub serial: Option<(String, Option<u16>)>,
    /// The name of a document cited by name ("lao dong", "Thực hiện dân chủ ở cơ sở").
    pub name: Option<String>,
    /// A year written with a name ("Hiến pháp 2013").
    pub year: Option<u16>,
    /// A date written with the reference.
    pub date: Option<crate::model::Date>,
    pub issuer: Option<String>,
    /// A document id typed as such.
    pub id: Option<String>,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// Byte spans of the query that the reference consumed.
    pub spans: Vec<(usize, usize)>,
}

impl Ref {
    /// True if the reference names a document (by id, number or name).
    pub fn names_document(&self) -> bool {
        self.id.is_some() || self.number.is_some() || self.serial.is_some() || self.name.is_some()
    }

    fn wanted(&self) -> Wanted<'_> {
        Wanted {
            doc_type: self.doc_type,
            number: self.number.as_deref(),
            serial: self.serial.as_ref().map(|(s, _)| s.as_str()),
            name: self.name.as_deref(),
            date: self.date,
            year: self.serial.as_ref().and_then(|(_, y)| *y).or(self.year),
            issuer: self.issuer.as_deref(),
            self_ref: false,
        }
    }
}

/// A reference typed by a person, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lookup {
    /// The document named (one, when `confidence` is exact or name), or the candidates when
    /// ambiguous, best first.
    pub docs: Vec<String>,
    pub confidence: Confidence,
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    /// Words of the query outside the reference ("nghị định 59/2023 trưởng thôn" →
    /// "trưởng thôn"), to search within the document.
    pub rest: String,
    /// The other versions of a document named by a name several share ("luật đất đai"),
    /// newest first: "phiên bản khác".
    pub others: Vec<String>,
    /// How many documents fit in all when ambiguous (`docs` lists at most
    /// [`crate::cite::MAX_CANDIDATES`]).
    pub matched: usize,
    /// A name asked for in a version not held ("Luật Khám bệnh, chữa bệnh 2023" when only
    /// the 2009 law is held; "Luật Đấu thầu" at a date before every law of that name): why;
    /// the versions held are `docs`, not it ([`crate::cite::version_missing`]).
    pub missing: Option<crate::cite::VersionMissing>,
    /// The number as typed, when the document was found by a number written otherwise
    /// ([`Confidence::Variant`]; see [`Lookup::variant_vi`]).
    pub written: Option<String>,
}

impl Lookup {
    /// The notice for an ambiguous reference, in Vietnamese, naming the candidates by
    /// `label` and saying how many more fit when the list was cut: "Dẫn chiếu chưa rõ, có 12
    /// văn bản phù hợp, trong đó: … (và 4 văn bản khác). Hãy ghi đủ số hiệu." One home for
    /// the search box, the API and the command line.
    pub fn ambiguity_vi(&self, label: impl Fn(&str) -> String) -> String {
        let labels: Vec<String> = self.docs.iter().map(|d| label(d)).collect();
        if let Some(m) = self.missing {
            return m.vi(&labels);
        }
        match labels.as_slice() {
            [one] if self.matched <= 1 => format!("Khớp gần đúng: {one}. Hãy ghi đủ số hiệu để chắc chắn."),
            many if self.matched > many.len() => format!(
                "Dẫn chiếu chưa rõ, có {} văn bản phù hợp, trong đó: {} (và {} văn bản khác). Hãy ghi đủ số hiệu.",
                self.matched,
                many.join("; "),
                self.matched - many.len()
            ),
            many => format!("Dẫn chiếu chưa rõ, có {} văn bản phù hợp: {}. Hãy ghi đủ số hiệu.", many.len(), many.join("; ")),
        }
    }

    /// The notice for a document found by a number written otherwise than its own
    /// ([`Confidence::Variant`]), in Vietnamese, naming both: "Số hiệu ghi 4/2015/NĐ-CP khác
    /// số hiệu của văn bản: đã hiểu là Nghị định 04/2015/NĐ-CP." (a type word the number
    /// contradicts: "Số hiệu 124-QĐ/TW là của Quy định 124-QĐ/TW."). `None` for any other
    /// answer. One home for the API and the command line.
    pub fn variant_vi(&self, doc: &crate::model::Metadata) -> Option<String> {
        if self.confidence != Confidence::Variant {
            return None;
        }
        let real = doc.canonical.as_deref().map(crate::number::key);
        Some(match self.written.as_deref() {
            Some(n) if real.as_deref() == Some(crate::number::key(n).as_str()) => {
                format!("Số hiệu {n} là của {}.", doc.label())
            }
            Some(n) => format!("Số hiệu ghi {n} khác số hiệu của văn bản: đã hiểu là {}.", doc.label()),
            None => format!("Số hiệu ghi khác số hiệu của văn bản: đã hiểu là {}.", doc.label()),
        })
    }

    /// The one document named for certain, if any.
    pub fn document(&self) -> Option<&str> {
        match (self.confidence, self.docs.as_slice()) {
            (Confidence::Exact | Confidence::Name | Confidence::Variant, [one]) => Some(one),
            _ => None,
        }
    }
}

/// Words that carry no meaning next to a reference.
const FILLER: &[&str] =
    &["so", "nam", "cua", "theo", "tai", "quy", "dinh", "ve", "va", "trong", "ngay", "cac"];

/// Reads the reference in `text` and resolves it against `catalog`; `None` when the text
/// names no document, or names one the catalog does not know at all.
pub fn lookup(catalog: &Catalog, text: &str) -> Option<Lookup> {
    lookup_at(catalog, text, None)
}

/// [`lookup`] at the date `at` (default today): a name several versions share goes to the
/// version in force then, the others offered in [`Lookup::others`].
pub fn lookup_at(catalog: &Catalog, text: &str, at: Option<crate::model::Date>) -> Option<Lookup> {
    let q = normalize(text).trim().to_string();
    if let Some(r) = read_id(&q).filter(|r| r.id.as_deref().is_some_and(|id| catalog.get(id).is_some())) {
        let docs = r.id.iter().cloned().collect();
        return Some(Lookup {
            docs,
            confidence: Confidence::Exact,
            article: r.article,
            clause: r.clause,
            point: r.point,
            rest: String::new(),
            others: Vec::new(),
            matched: 1,
            missing: None,
            written: None,
        });
    }
    let (r, titled) = match read_in(&q, catalog.lexicon()) {
        Some(r) => (r, false),
        None => (read_title(&q)?, true),
    };
    let ctx = Context { date: Some(at.unwrap_or_else(crate::model::Date::today)), ..Context::default() };
    let wanted = r.wanted();
    let res = resolve_wanted(&wanted, catalog, &ctx);
    // A name asked for in a version none of the versions offered is (a year, or the date
    // asked when one was).
    let missing = match (res.target.as_deref(), wanted.name, wanted.number) {
        (None, Some(_), None) => crate::cite::version_missing(
            wanted.doc_type,
            wanted.year.or(wanted.date.map(|d| d.year)),
            at,
            res.candidates.iter().map(|c| catalog.get(c)),
        ),
        _ => None,
    };
    let others = res.others.clone();
    let matched = res.matched;
    let written = (res.confidence == Some(Confidence::Variant))
        .then(|| wanted.number.or(wanted.serial).map(String::from))
        .flatten();
    let (docs, confidence) = match (res.target, res.confidence) {
        (Some(t), Some(c)) => (vec![t], c),
        // A query that merely starts with a type word ("luật đất đai thu hồi đất") is a
        // reference only if the rest is a whole name: otherwise it is a full-text query.
        (None, Some(Confidence::Ambiguous)) if titled => return None,
        (_, Some(c)) => (res.candidates, c),
        _ => return None,
    };
    let rest = crate::index::analysis::syllables(&q)
        .filter(|s| !r.spans.iter().any(|&(a, b)| s.start >= a && s.end <= b))
        .map(|s| &q[s.start..s.end])
        .filter(|w| !FILLER.contains(&fold(w).as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Lookup {
        docs,
        confidence,
        article: r.article,
        clause: r.clause,
        point: r.point,
        rest,
        others,
        matched,
        missing,
        written,
    })
}

/// A number typed that the catalog does not know (see [`absent`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absent<'a> {
    /// The reference as read, with its type when one was typed ("Nghị định 999/2099/NĐ-CP",
    /// "Nghị định 73/2024").
    pub read: String,
    pub doc_type: Option<DocType>,
    /// The number read (canonical), or the serial and year of a partial one ("73/2024").
    pub number: String,
    /// Documents the catalog knows with the same serial and issuing symbol in another year
    /// ("59/2023/NĐ-CP" for "59/2099/NĐ-CP"), or the same serial and year under another
    /// symbol; at most [`MAX_CLOSE`].
    pub close: Vec<&'a crate::model::Metadata>,
}

/// Most close matches an [`Absent`] number offers.
pub const MAX_CLOSE: usize = 5;

/// The number `q` names when the catalog knows no document by it: `q` reads as a reference
/// with a whole number ("Thông tư 01/2021/TT-BNV"), or a type with a serial and year
/// ("nghị định 73/2024", "NĐ73/2024"), and the lookup finds nothing (a document known only
/// from citations is found). `None` otherwise. One home for the search box, the search API
/// and `cancu search`.
pub fn absent<'a>(catalog: &'a Catalog, q: &str) -> Option<Absent<'a>> {
    let r = read(&normalize(q))?;
    if r.id.is_some() || lookup(catalog, q).is_some_and(|l| !l.docs.is_empty()) {
        return None;
    }
    let number = match (&r.number, &r.serial) {
        (Some(n), _) => n.clone(),
        (None, Some((s, Some(y)))) if r.doc_type.is_some() => format!("{s}/{y}"),
        _ => return None,
    };
    let read = match r.doc_type {
        Some(t) => format!("{} {number}", t.as_vi()),
        None => number.clone(),
    };
    // A whole number's symbol narrows the close matches; a partial one has none.
    let whole = r.number.as_deref().and_then(crate::number::parts);
    let (serial, year, family) = match (whole, &r.serial) {
        (Some(p), _) => (p.serial.to_string(), p.year, Some(symbol_family(p.symbol))),
        (None, Some((s, y))) => (s.clone(), *y, None),
        (None, None) => (number.split('/').next().unwrap_or("").to_string(), None, None),
    };
    let same_family = |m: &&crate::model::Metadata| {
        let theirs = m.canonical.as_deref().and_then(crate::number::parts).map(|p| symbol_family(p.symbol));
        family.is_none() || theirs == family
    };
    let mut close: Vec<&crate::model::Metadata> =
        catalog.by_serial(&serial, None, r.doc_type).into_iter().filter(same_family).collect();
    if year.is_some() {
        close.extend(catalog.by_serial(&serial, year, None));
    }
    let mut seen = std::collections::HashSet::new();
    close.retain(|m| seen.insert(m.id.clone()));
    close.truncate(MAX_CLOSE);
    Some(Absent { read, doc_type: r.doc_type, number, close })
}

/// The issuing part of a number's symbol, without the legislature's term ("QH15" → "QH",
/// "NĐ-CP" → "NĐ-CP").
fn symbol_family(symbol: &str) -> String {
    symbol.trim_end_matches(|c: char| c.is_ascii_digit()).to_string()
}

static FULL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+[a-z]?)\s*/\s*(\d{4})\s*/\s*(\p{L}[\p{L}\d]*(?:\s*[-/]\s*[\p{L}\d]+)*)").unwrap()
});
static PARTY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d+[a-z]?)\s*-\s*(\p{L}+)\s*/\s*(\p{L}[\p{L}\d]*)").unwrap());
static STATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\d+[a-z]?)\s*/\s*(\p{L}+\s*-\s*\p{L}[\p{L}\d]*)").unwrap());
static SERIAL_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d+[a-z]?)\s*/\s*(\d{4})\b").unwrap());
static NAM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(\d+)\s+(?:năm|nam)\s+(\d{4})\b").unwrap());
/// A type abbreviation glued to a serial, with an optional year: "NĐ145", "nd145/2020".
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\p{L}{2,4}?)(\d+)(?:\s*/\s*(\d{4}))?\b").unwrap());
/// A serial alone: "nghị định 145" (only after a type word).
static SERIAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{1,4})\b").unwrap());
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:điều|dieu)\s+(\d+[a-z]?)\b").unwrap());
/// A pinpoint in short: "Đ37", "Đ37.3", "Đ35.3.d", "Đ18k3b", "Đ18 k3 b".
static SHORT_PIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}\d])(?:đ|d)\.?\s?(\d+[a-z]?)(?:\.(\d+)(?:\.([a-zđ]))?|\s?k\.?\s?(\d+)(?:\s?([a-zđ]))?)?(?:$|[^\p{L}\d])").unwrap()
});
/// "khoản 2", or in short "k2", "k.2" (glued: a lone "k" is not read).
static CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(?:khoản|khoan)\s+|k\.?)(\d+)\b").unwrap());
static POINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\b(?:điểm|diem)\s+([a-zđ])\b").unwrap());
/// An id, with an optional anchor: "luat-10-2022-qh15", "luat-10-2022-qh15#dieu-23-khoan-4".
static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-z0-9]+(?:-[a-z0-9]+)+)(?:#dieu-(\d+[a-z]?)(?:-khoan-(\d+)(?:-diem-([a-zđ]))?)?)?$")
        .unwrap()
});

/// Type names (folded).
const TYPE_WORDS: &[(&str, DocType)] = &[
    ("hien phap", DocType::HienPhap),
    ("bo luat", DocType::BoLuat),
    ("luat", DocType::Luat),
    ("phap lenh", DocType::PhapLenh),
    ("nghi quyet lien tich", DocType::NghiQuyetLienTich),
    ("nghi quyet", DocType::NghiQuyet),
    ("nghi dinh", DocType::NghiDinh),
    ("quyet dinh", DocType::QuyetDinh),
    ("thong tu lien tich", DocType::ThongTuLienTich),
    ("thong tu", DocType::ThongTu),
    ("chi thi", DocType::ChiThi),
    ("quy dinh", DocType::QuyDinh),
    ("ket luan", DocType::KetLuan),
    ("ke hoach", DocType::KeHoach),
    ("huong dan", DocType::HuongDan),
    ("quy che", DocType::QuyChe),
    ("chuong trinh", DocType::ChuongTrinh),
];

/// The type abbreviations of [`super::patterns::TYPE_ABBREVIATIONS`], folded ("nd", "qdi").
fn abbreviations() -> &'static [(String, DocType)] {
    static ABBR: LazyLock<Vec<(String, DocType)>> =
        LazyLock::new(|| super::patterns::TYPE_ABBREVIATIONS.iter().map(|(a, t)| (fold(a), *t)).collect());
    &ABBR
}

/// The abbreviation typed glued to a serial ("NĐ145"): those of
/// [`super::patterns::TEXT_ABBREVIATIONS`].
fn glued_type(folded: &str) -> Option<DocType> {
    super::patterns::TEXT_ABBREVIATIONS
        .iter()
        .find(|a| fold(a) == folded)
        .and_then(|a| abbreviations().iter().find(|(f, _)| *f == fold(a)).map(|(_, t)| *t))
}

/// A word of the query: span and folded text.
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

fn words(q: &str) -> Vec<Word> {
    crate::index::analysis::syllables(q)
        .map(|s| Word { start: s.start, end: s.end, folded: fold(&q[s.start..s.end]) })
        .collect()
}

/// The type phrase ending at word `end` (exclusive), skipping a "số" before the number:
/// `(type, index of its first word)`.
fn type_before(ws: &[Word], mut end: usize, abbreviated: bool) -> Option<(DocType, usize)> {
    if end > 0 && ws[end - 1].folded == "so" {
        end -= 1;
    }
    for len in (1..=4).rev() {
        if end < len {
            continue;
        }
        let phrase = ws[end - len..end].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
        if let Some((_, t)) = TYPE_WORDS.iter().find(|(p, _)| *p == phrase) {
            return Some((*t, end - len));
        }
        if abbreviated && len == 1 {
            if let Some((_, t)) = abbreviations().iter().find(|(p, _)| *p == phrase) {
                return Some((*t, end - len));
            }
        }
    }
    None
}

/// The index of the first word starting at or after byte `pos`.
fn word_index(ws: &[Word], pos: usize) -> usize {
    ws.iter().position(|w| w.start >= pos).unwrap_or(ws.len())
}

/// Reads an id typed as such, with an optional anchor ("luat-10-2022-qh15#dieu-23").
fn read_id(q: &str) -> Option<Ref> {
    let c = ID.captures(q)?;
    Some(Ref {
        id: Some(c[1].to_string()),
        article: c.get(2).map(|m| m.as_str().to_string()),
        clause: c.get(3).map(|m| m.as_str().to_string()),
        point: c.get(4).map(|m| m.as_str().to_string()),
        spans: vec![(0, q.len())],
        ..Ref::default()
    })
}

/// Reads the first reference in `q` (normalized): a citation, else the shorthand.
pub fn read(q: &str) -> Option<Ref> {
    read_in(q, super::Lexicon::builtin())
}

/// [`read`], with names bounded by `lex`.
fn read_in(q: &str, lex: &super::Lexicon) -> Option<Ref> {
    let mut r = from_citation(q, lex).or_else(|| read_shorthand(q))?;
    leading_article(q, &mut r);
    Some(r)
}

/// "137 BLLĐ", "57 NĐ145": an article number written right before the document it is in,
/// as notes and logs abbreviate "Điều 137 BLLĐ". Only a number of one to three digits that
/// starts the query and is followed by the document read, when no article was written.
fn leading_article(q: &str, r: &mut Ref) {
    static LEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3}[a-z]?)\s+").unwrap());
    if r.article.is_some() {
        return;
    }
    let Some(c) = LEADING.captures(q) else { return };
    let (number, all) = (c.get(1).unwrap(), c.get(0).unwrap());
    if r.spans.iter().map(|s| s.0).min() == Some(all.end()) {
        r.article = Some(number.as_str().to_lowercase());
        r.spans.push((number.start(), number.end()));
    }
}

/// The first citation the citation reader finds that names a document.
fn from_citation(q: &str, lex: &super::Lexicon) -> Option<Ref> {
    let c = super::extract_with(q, lex)
        .into_iter()
        .find(|c| !c.self_ref && (c.number.is_some() || c.name.is_some()))?;
    // "NĐ 145/2020", "NĐ145": a type abbreviation with a serial (and year) but no symbol is
    // left to the shorthand reader, which resolves a serial and reads what follows.
    let abbreviated = super::patterns::TYPE_ABBREVIATIONS.iter().any(|(a, _)| c.text.starts_with(a));
    if abbreviated
        && c.number.as_deref().is_some_and(|n| {
            crate::number::parts(n)
                .is_none_or(|p| p.year.is_none() && p.symbol.bytes().all(|b| b.is_ascii_digit()))
        })
    {
        return None;
    }
    let pin = c.pinpoint.clone();
    let number = c.number.as_deref().map(crate::number::canonicalize);
    let mut r = Ref {
        doc_type: c.doc_type.filter(|t| *t != DocType::Khac),
        name: if number.is_none() { c.name.clone() } else { None },
        number,
        year: c.year,
        date: c.date,
        issuer: c.issuer.clone(),
        article: pin.as_ref().and_then(|p| p.article.clone()),
        clause: pin.as_ref().and_then(|p| p.clause.clone()),
        point: pin.as_ref().and_then(|p| p.point.clone()),
        spans: vec![(c.start, c.end)],
        ..Ref::default()
    };
    if r.article.is_none() {
        // "Đ37.3 BLLĐ": a pinpoint in short beside the document.
        let mut pin = Ref::default();
        read_pinpoint(q, &mut pin);
        if pin.spans.iter().all(|&(a, b)| b <= c.start || a >= c.end) {
            r.article = pin.article;
            r.clause = pin.clause;
            r.point = pin.point;
            r.spans.extend(pin.spans);
        }
    }
    Some(r)
}

/// Reads the pinpoint parts: "điều 5", "khoản 2", "điểm a", or in short "Đ37.3".
fn read_pinpoint(q: &str, r: &mut Ref) {
    for (re, slot) in [(&*ARTICLE, 0), (&*CLAUSE, 1), (&*POINT, 2)] {
        if let Some(c) = re.captures(q) {
            let m = c.get(0).unwrap();
            let v = c[1].to_lowercase();
            match slot {
                0 => r.article = Some(v),
                1 => r.clause = Some(v),
                _ => r.point = Some(v),
            }
            r.spans.push((m.start(), m.end()));
        }
    }
    if r.article.is_none() {
        if let Some(c) = SHORT_PIN.captures(q) {
            let m = c.get(0).unwrap();
            r.article = Some(c[1].to_lowercase());
            // "khoản 2 Đ5": a clause or point written in full beside the short article stays.
            r.clause = c.get(2).or(c.get(4)).map(|m| m.as_str().to_string()).or(r.clause.take());
            r.point = c.get(3).or(c.get(5)).map(|m| m.as_str().to_lowercase()).or(r.point.take());
            r.spans.push((m.start(), m.end()));
        }
    }
}

/// A pinpoint in short written as one token of running text ("Đ37.3", "Đ35.3.d", "Đ18k3b"):
/// the reader of the search box's shorthand ([`SHORT_PIN`]), for `cite::find`'s "Đ37.3
/// BLLĐ". The token must start with "Đ" (a "D5" of running text is no pinpoint). `None`
/// unless the token is the whole match.
pub(crate) fn short_pinpoint(token: &str) -> Option<super::Pinpoint> {
    if !token.starts_with(['Đ', 'đ']) {
        return None;
    }
    let c = SHORT_PIN.captures(token)?;
    if c.get(0)?.as_str().trim() != token {
        return None;
    }
    Some(super::Pinpoint {
        article: Some(c[1].to_lowercase()),
        clause: c.get(2).or(c.get(4)).map(|m| m.as_str().to_string()),
        point: c.get(3).or(c.get(5)).map(|m| m.as_str().to_lowercase()),
    })
}

/// A clause (in short or in full: "k2", "khoản 2") ending `text`: its number and where it
/// starts.
pub(crate) fn clause_at_end(text: &str) -> Option<(String, usize)> {
    let k = CLAUSE.captures_iter(text).last()?;
    let m = k.get(0)?;
    (m.end() == text.len()).then(|| (k[1].to_string(), m.start()))
}

/// Whether the "N/YYYY" at byte `at` of `q` is a date: a month after "tháng" ("từ tháng
/// 7/2020"), or the month and year of a day ("01/07/2021").
fn is_date(q: &str, at: usize) -> bool {
    let before = q[..at].trim_end();
    before.ends_with('/')
        || before.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| fold(w) == "thang")
}

/// Reads the query shorthand (see the module doc).
fn read_shorthand(q: &str) -> Option<Ref> {
    let ws = words(q);
    let mut r = Ref::default();
    read_pinpoint(q, &mut r);
    let consumed_by =
        |spans: &[(usize, usize)], s: usize, e: usize| spans.iter().any(|&(a, b)| s < b && e > a);
    // A number.
    let mut number_span = None;
    if let Some(c) = FULL.captures(q) {
        let canon = crate::number::canonicalize(&c[0]);
        r.doc_type = DocType::from_symbol(crate::number::parts(&canon).map_or("", |p| p.symbol));
        r.number = Some(canon);
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = PARTY.captures(q).or_else(|| STATE.captures(q)) {
        let canon = crate::number::canonicalize(&c[0]);
        r.doc_type = DocType::from_symbol(crate::number::parts(&canon).map_or("", |p| p.symbol));
        r.number = Some(canon);
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = SERIAL_YEAR.captures_iter(q).find(|c| !is_date(q, c.get(0).unwrap().start())) {
        r.serial = c[2].parse().ok().map(|y| (c[1].to_string(), Some(y)));
        number_span = c.get(0).map(|m| (m.start(), m.end()));
    } else if let Some(c) = NAM.captures(q) {
        let m = c.get(0).unwrap();
        // "59 năm 2023" is a number only after a type word ("nghị định 59 năm 2023").
        if type_before(&ws, word_index(&ws, m.start()), true).is_some() {
            r.serial = c[2].parse().ok().map(|y| (c[1].to_string(), Some(y)));
            number_span = Some((m.start(), m.end()));
        }
    }
    if number_span.is_none() {
        // "NĐ145", "nd145/2020": an abbreviation glued to a serial.
        for c in GLUED.captures_iter(q) {
            let m = c.get(0).unwrap();
            let Some(t) = glued_type(&fold(&c[1])) else { continue };
            if consumed_by(&r.spans, m.start(), m.end()) {
                continue;
            }
            r.doc_type = Some(t);
            r.serial = Some((c[2].to_string(), c.get(3).and_then(|y| y.as_str().parse().ok())));
            r.spans.push((m.start(), m.end()));
            break;
        }
    }
    if number_span.is_none() && r.serial.is_none() {
        // "nghị định 145": a serial right after a type word.
        for c in SERIAL.captures_iter(q) {
            let m = c.get(1).unwrap();
            if consumed_by(&r.spans, m.start(), m.end()) {
                continue;
            }
            let Some((t, first)) = type_before(&ws, word_index(&ws, m.start()), true) else { continue };
            let serial = m.as_str();
            let year: Option<u16> = serial.parse().ok().filter(|y| (1945..=2100).contains(y));
            if matches!(t, DocType::HienPhap | DocType::BoLuat | DocType::Luat) && year.is_some() {
                continue; // "Hiến pháp 2013": a year, read with the name below
            }
            r.doc_type = Some(t);
            r.serial = Some((serial.to_string(), None));
            r.spans.push((ws[first].start, m.end()));
            break;
        }
    }
    if let Some((s, e)) = number_span {
        let at = word_index(&ws, s);
        if let Some((t, first)) = type_before(&ws, at, true) {
            // The type word decides ("luật 18/2008/QH12" vs "nghị quyết 18/2008/QH12").
            r.doc_type = Some(t);
            r.spans.push((ws[first].start, s));
        }
        r.spans.push((s, e));
    }
    if !r.names_document() {
        code_name(&ws, &mut r);
    }
    if !r.names_document() && r.article.is_some() {
        named_after_type(q, &ws, &mut r);
    }
    (r.names_document() || r.article.is_some()).then_some(r)
}

/// A code's short name anywhere in the query: "BLLĐ", "blds".
fn code_name(ws: &[Word], r: &mut Ref) {
    for w in ws {
        if let Some((_, t, name)) = super::patterns::CODE_NAMES.iter().find(|(a, _, _)| fold(a) == w.folded) {
            r.doc_type = Some(*t);
            r.name = Some((*name).to_string());
            r.spans.push((w.start, w.end));
            return;
        }
    }
}

/// A document named after a type word: "điều 5 luật thực hiện dân chủ ở cơ sở" (the name runs
/// from after the type words to the next consumed word).
fn named_after_type(q: &str, ws: &[Word], r: &mut Ref) {
    let consumed = |w: &Word| r.spans.iter().any(|&(s, e)| w.start >= s && w.end <= e);
    let free: Vec<usize> = (0..ws.len()).filter(|&i| !consumed(&ws[i])).collect();
    for (k, &i) in free.iter().enumerate() {
        for len in (1..=4).rev() {
            let Some(group) = free.get(k..k + len) else { continue };
            if group.windows(2).any(|p| p[1] != p[0] + 1) {
                continue;
            }
            let phrase = group.iter().map(|&j| ws[j].folded.as_str()).collect::<Vec<_>>().join(" ");
            if let Some((_, t)) = TYPE_WORDS.iter().find(|(p, _)| *p == phrase) {
                let mut j = i + len;
                while j < ws.len() && !consumed(&ws[j]) {
                    j += 1;
                }
                if j > i + len {
                    r.doc_type = Some(*t);
                    r.name = Some(q[ws[i + len].start..ws[j - 1].end].to_string());
                    r.spans.push((ws[i].start, ws[j - 1].end));
                }
                return;
            }
        }
    }
}

/// A document named by its type and title alone ("luật thực hiện dân chủ ở cơ sở", "hiến pháp
/// 2013", "bộ luật lao động 2019"), if the query starts with a type name.
pub fn read_title(q: &str) -> Option<Ref> {
    let ws = words(q);
    for len in (1..=4).rev() {
        if ws.len() < len {
            continue;
        }
        let phrase = ws[..len].iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
        let Some((_, t)) = TYPE_WORDS.iter().find(|(p, _)| *p == phrase) else { continue };
        let mut rest: &[Word] = &ws[len..];
        let mut year = None;
        if let Some(last) = rest.last() {
            if let Ok(y) = last.folded.parse::<u16>() {
                if (1945..=2100).contains(&y) {
                    year = Some(y);
                    rest = &rest[..rest.len() - 1];
                    if rest.last().is_some_and(|w| w.folded == "nam") {
                        rest = &rest[..rest.len() - 1];
                    }
                }
            }
        }
        if rest.is_empty() && *t != DocType::HienPhap {
            return None;
        }
        let name = rest.first().map(|f| q[f.start..rest[rest.len() - 1].end].to_string());
        return Some(Ref { doc_type: Some(*t), name, year, spans: vec![(0, q.len())], ..Ref::default() });
    }
    None
}

#[cfg(test)]
mod tests;
