//! Warnings about a plan's citations, each naming the span it is about:
//! - `unresolved`: a reference the corpus does not hold (with everything read from it);
//! - `not_in_force` / `partly_not_in_force` / `not_yet_in_force`: at the plan's date (from the corpus metadata:
//!   dates, status, and documents stating they replace or repeal it — never guessed);
//! - `date_mismatch`: the date written differs from the document's real date;
//! - `two_numberings`: one document written with two numbers in the same text;
//! - `number_differs`: the number written is not the document's number (`11-QĐ/TW` for
//!   `11-QĐi/TW`; another spelling of it, "4/2015/NĐ-CP" for `04/2015/NĐ-CP`, says so);
//!   `malformed_number`: separators wrong (`04/2015/NĐ/CP`, `30/CTTg`);
//! - `type_differs`: the type word written is not the type of the document its number
//!   names ("Quyết định số 124-QĐ/TW" for a Quy định: "QĐ" stands for both);
//! - `impossible_deadline`: "trước ngày 10/4/2023" in a plan dated 2024;
//! - `invalid_date`: a date no calendar has ("30/02/2024");
//! - `issuer_differs`: the body written is not the issuer of the document its number names;
//! - `no_such_article`: the article pinpointed is not in the document (held whole), or not
//!   among the articles the corpus holds of it (held in part: not checked).
//!
//! Messages are Vietnamese (the web shows them as they are).
//!
//! [`order`] puts them as every output shows them: grouped per citation (a citation is
//! listed once, with all its warnings), the groups by severity ([`WarningKind::severity`]:
//! not in force, then a wrong number or date, … , not held last), then by place in the text.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::cite::{Citation, VersionMissing};
use crate::model::{Date, Metadata, RelationKind, Status};
use crate::number::{canonicalize, key, parts};
use crate::text::normalize_mapped;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    Unresolved,
    NotInForce,
    /// Some of its provisions no longer apply at the plan's date; others still do.
    PartlyNotInForce,
    NotYetInForce,
    DateMismatch,
    TwoNumberings,
    NumberDiffers,
    /// The number written is the start of the document's, its symbol (or year) left out
    /// ("Nghị định 145/2020", "Quyết định số 217").
    IncompleteNumber,
    MalformedNumber,
    ImpossibleDeadline,
    NoSuchArticle,
    /// A date no calendar has ("30/02/2024", "ngày 31 tháng 4 năm 2024").
    InvalidDate,
    /// The issuing body written is not the document's ("Nghị định 59/2023/NĐ-CP … của Bộ Lao
    /// động").
    IssuerDiffers,
    /// The name written is another document's, not the one its number names ("Luật Doanh
    /// nghiệp số 59/2014/QH13": 59/2014/QH13 is the Luật Căn cước công dân).
    NameDiffers,
    /// The type word written is not the type of the document its number names ("Quyết định
    /// số 124-QĐ/TW" for the Quy định 124-QĐ/TW).
    TypeDiffers,
}

impl WarningKind {
    /// How serious, most serious first: a document not in force (or not yet), then a wrong
    /// number or date, then a deadline past or a document written two ways, then a number
    /// written with the wrong separators, and last a reference the corpus does not hold.
    pub fn severity(self) -> u8 {
        use WarningKind::*;
        match self {
            NotInForce => 0,
            PartlyNotInForce | NotYetInForce => 1,
            DateMismatch | NumberDiffers | NoSuchArticle | InvalidDate | IssuerDiffers | NameDiffers
            | TypeDiffers => 2,
            ImpossibleDeadline | TwoNumberings => 3,
            MalformedNumber | IncompleteNumber => 4,
            Unresolved => 5,
        }
    }

    /// A short Vietnamese name of the kind, for headings and labels.
    pub fn as_vi(self) -> &'static str {
        use WarningKind::*;
        match self {
            Unresolved => "chưa xác định được văn bản",
            NotInForce => "hết hiệu lực",
            PartlyNotInForce => "hết hiệu lực một phần",
            NotYetInForce => "chưa có hiệu lực",
            DateMismatch => "sai ngày",
            TwoNumberings => "hai số hiệu",
            NumberDiffers => "sai số hiệu",
            MalformedNumber => "số hiệu sai quy cách",
            IncompleteNumber => "số hiệu ghi thiếu",
            ImpossibleDeadline => "thời hạn đã qua",
            NoSuchArticle => "không có điều được dẫn",
            InvalidDate => "ngày không có thật",
            IssuerDiffers => "sai cơ quan ban hành",
            NameDiffers => "tên không khớp số hiệu",
            TypeDiffers => "sai loại văn bản",
        }
    }

    /// The `snake_case` code of the kind (as in the JSON).
    pub fn code(self) -> &'static str {
        use WarningKind::*;
        match self {
            Unresolved => "unresolved",
            NotInForce => "not_in_force",
            PartlyNotInForce => "partly_not_in_force",
            NotYetInForce => "not_yet_in_force",
            DateMismatch => "date_mismatch",
            TwoNumberings => "two_numberings",
            NumberDiffers => "number_differs",
            MalformedNumber => "malformed_number",
            IncompleteNumber => "incomplete_number",
            ImpossibleDeadline => "impossible_deadline",
            NoSuchArticle => "no_such_article",
            InvalidDate => "invalid_date",
            IssuerDiffers => "issuer_differs",
            NameDiffers => "name_differs",
            TypeDiffers => "type_differs",
        }
    }
}

/// The warnings of one citation (or of one span that is no citation, such as a deadline).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningGroup {
    /// The citation (index into the report's citations), if the warnings are about one.
    pub citation: Option<usize>,
    /// The span of the text they are about.
    pub span: Span,
    /// The severity of the most serious warning ([`WarningKind::severity`]).
    pub severity: u8,
    /// Indices into the report's warnings, most serious first.
    pub warnings: Vec<usize>,
}

/// Puts warnings in the order every output lists them and groups them: duplicates dropped
/// (same citation or span, kind and message), one group per citation (warnings without a
/// citation grouped by span), groups by (severity, place in the text), warnings within a
/// group by severity. Returns the ordered warnings and the groups indexing into them.
pub fn order(warnings: Vec<Warning>) -> (Vec<Warning>, Vec<WarningGroup>) {
    #[derive(PartialEq, Eq, Hash, Clone, Copy)]
    enum Key {
        Citation(usize),
        Span(usize, usize),
    }
    let key = |w: &Warning| match w.citation {
        Some(i) => Key::Citation(i),
        None => Key::Span(w.span.start, w.span.end),
    };
    let mut groups: Vec<(Key, Vec<Warning>)> = Vec::new();
    let mut at: HashMap<Key, usize> = HashMap::new();
    for w in warnings {
        let k = key(&w);
        let g = *at.entry(k).or_insert_with(|| {
            groups.push((k, Vec::new()));
            groups.len() - 1
        });
        let ws = &mut groups[g].1;
        if !ws.iter().any(|o| o.kind == w.kind && o.message == w.message) {
            ws.push(w);
        }
    }
    for (_, ws) in &mut groups {
        ws.sort_by_key(|w| (w.kind.severity(), w.kind));
    }
    let start = |ws: &[Warning]| ws.iter().map(|w| w.span.start).min().unwrap_or(0);
    groups.sort_by_key(|(_, ws)| (ws[0].kind.severity(), start(ws)));
    let mut flat = Vec::new();
    let mut out = Vec::with_capacity(groups.len());
    for (k, ws) in groups {
        let span = Span { start: start(&ws), end: ws.iter().map(|w| w.span.end).max().unwrap_or(0) };
        let first = flat.len();
        let severity = ws[0].kind.severity();
        flat.extend(ws);
        out.push(WarningGroup {
            citation: match k {
                Key::Citation(i) => Some(i),
                Key::Span(..) => None,
            },
            span,
            severity,
            warnings: (first..flat.len()).collect(),
        });
    }
    (flat, out)
}

/// A byte span of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    /// In Vietnamese.
    pub message: String,
    pub span: Span,
    /// The citation it is about (index into the report's citations), if any.
    pub citation: Option<usize>,
}

/// The metadata the rules need.
pub trait Lookup {
    /// The metadata of document `id`.
    fn meta(&self, id: &str) -> Option<&Metadata>;
    /// The documents that state they replace or repeal document `id`.
    fn superseded_by(&self, id: &str) -> Vec<(RelationKind, &Metadata)>;
    /// The first part of a pinpoint the corpus does not hold of document `id`; `None` when
    /// held or when nothing can be checked ([`crate::catalog::Catalog::lacks`]).
    fn lacks(&self, _id: &str, _article: &str, _clause: Option<&str>) -> Option<crate::catalog::Missing> {
        None
    }
    /// Whether document `id` is known only by citation (no text of it in the corpus).
    fn cited_only(&self, _id: &str) -> bool {
        false
    }
    /// The documents a name of type `doc_type` names at date `at` (the version chosen first,
    /// then the others), as the citation reader resolves a name without a number; empty when
    /// the name is no known document's.
    fn named(&self, _doc_type: crate::model::DocType, _name: &str, _at: Option<Date>) -> Vec<&Metadata> {
        Vec::new()
    }
}

/// A pinpointed article the cited document does not have ("Điều 300" of a code of 220
/// articles) or a khoản its article does not have ("khoản 3 Điều 35" of an article of two),
/// or an article the corpus does not hold of a document it holds only in part.
pub fn articles(cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        if let Some(msg) = lacking(c, lookup) {
            out.push(warning(WarningKind::NoSuchArticle, msg, c, i));
        }
    }
    out
}

/// What [`articles`] says of one citation, if anything.
pub fn lacking(c: &Citation, lookup: &dyn Lookup) -> Option<String> {
    let t = c.target.as_deref()?;
    let p = c.pinpoint.as_ref()?;
    let a = p.article.as_deref()?;
    let missing = lookup.lacks(t, a, p.clause.as_deref())?;
    let m = lookup.meta(t)?;
    // An article missing from a document held in part may be one the corpus lacks; a clause
    // missing from an article held is missing from its text.
    let checked = m.completeness == crate::model::Completeness::Full
        || matches!(missing, crate::catalog::Missing::Clause { .. });
    Some(if checked {
        format!("{} không có {missing}.", m.label())
    } else {
        format!("Kho dữ liệu chỉ có một phần {}, không có {missing}: chưa kiểm tra được.", m.label())
    })
}

/// `dd/mm/yyyy`.
pub fn vi_date(d: Date) -> String {
    d.vi()
}

fn warning(kind: WarningKind, message: String, c: &Citation, i: usize) -> Warning {
    Warning { kind, message, span: Span { start: c.start, end: c.end }, citation: Some(i) }
}

/// What was read from a citation, for messages: "Quyết định; số 99-QĐ/TW; ngày 03/10/2017".
pub fn read_summary(c: &Citation) -> String {
    let mut parts = Vec::new();
    if let Some(t) = c.doc_type {
        parts.push(format!("loại: {}", t.as_vi()));
    }
    if let Some(n) = &c.number {
        parts.push(format!("số: {n}"));
    }
    if let Some(n) = &c.name {
        parts.push(format!("tên: {n}"));
    }
    match (c.date, c.year) {
        (Some(d), _) => parts.push(format!("ngày: {}", vi_date(d))),
        (None, Some(y)) => parts.push(format!("năm: {y}")),
        _ => {}
    }
    if let Some(i) = &c.issuer {
        parts.push(format!("cơ quan ban hành: {i}"));
    }
    if let Some(p) = &c.pinpoint {
        if let Some(pp) =
            crate::graph::pinpoint_vi(p.article.as_deref(), p.clause.as_deref(), p.point.as_deref())
        {
            parts.push(format!("vị trí: {pp}"));
        }
    }
    parts.join("; ")
}

/// Whether `c`, unresolved, names a version the corpus does not hold (its candidates are other
/// versions, not it; [`crate::cite::version_missing`] at the plan's date `at`): one rule for
/// the warning, the summary's count of citations not held and `cancu cite`.
pub fn version_missing(c: &Citation, at: Option<Date>, lookup: &dyn Lookup) -> Option<VersionMissing> {
    if c.target.is_some() || c.number.is_some() || c.name.is_none() {
        return None;
    }
    let year = c.year.or(c.date.map(|d| d.year));
    crate::cite::version_missing(c.doc_type, year, at, c.candidates.iter().map(|id| lookup.meta(id)))
}

/// Unresolved references that say what they are (a number or a name); an ambiguous one
/// lists the documents it may be.
pub fn unresolved(cits: &[Citation], at: Option<Date>, lookup: &dyn Lookup) -> Vec<Warning> {
    cits.iter()
        .enumerate()
        .filter(|(_, c)| !c.self_ref && c.target.is_none() && (c.number.is_some() || c.name.is_some()))
        .map(|(i, c)| {
            // A record known only by citation is said so: "có trong kho" is not its text (trial 9).
            let maybe: Vec<String> = c
                .candidates
                .iter()
                .map(|id| {
                    lookup.meta(id).map_or_else(
                        || id.clone(),
                        |m| {
                            let only =
                                if lookup.cited_only(id) { ", chỉ biết qua trích dẫn" } else { "" };
                            format!("{} ({}{only})", m.label(), m.title)
                        },
                    )
                })
                .collect();
            let missing = version_missing(c, at, lookup);
            let msg = if maybe.is_empty() {
                format!("Chưa tìm thấy văn bản trong kho dữ liệu. Đã đọc: {}.", read_summary(c))
            } else if let Some(m) = missing {
                format!("{} Đã đọc: {}.", m.vi(&maybe), read_summary(c))
            } else {
                format!(
                    "Chưa xác định chắc chắn văn bản được dẫn chiếu; có thể là: {}. Đã đọc: {}.",
                    maybe.join("; "),
                    read_summary(c)
                )
            };
            warning(WarningKind::Unresolved, msg, c, i)
        })
        .collect()
}

/// Validity at the plan's date (or now, without one).
pub fn validity(cits: &[Citation], at: Option<Date>, lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        let Some(m) = c.target.as_deref().and_then(|t| lookup.meta(t)) else { continue };
        if let Some((kind, msg)) = verdict(m, at, lookup) {
            out.push(warning(kind, format!("{} {msg}", m.label()), c, i));
        }
    }
    out
}

fn verdict(m: &Metadata, at: Option<Date>, lookup: &dyn Lookup) -> Option<(WarningKind, String)> {
    use WarningKind::*;
    let Some(at) = at else {
        return match m.status {
            Status::Repealed => Some((NotInForce, "hiện đã hết hiệu lực.".into())),
            Status::NotYetInForce => Some((NotYetInForce, "hiện chưa có hiệu lực.".into())),
            _ => None,
        };
    };
    let plan = vi_date(at);
    if let Some(s) = m.signed.filter(|s| *s > at) {
        return Some((
            NotYetInForce,
            format!("ban hành ngày {}, sau ngày của văn bản này ({plan}).", vi_date(s)),
        ));
    }
    if let Some(e) = m.effective.filter(|e| *e > at) {
        return Some((
            NotYetInForce,
            format!("có hiệu lực từ ngày {}, sau ngày của văn bản này ({plan}).", vi_date(e)),
        ));
    }
    if let Some(x) = m.expired.filter(|x| *x <= at) {
        return Some((NotInForce, format!("đã hết hiệu lực từ ngày {} (trước ngày {plan}).", vi_date(x))));
    }
    for (kind, by) in lookup.superseded_by(&m.id) {
        let how =
            if kind == RelationKind::Repeals { "bị bãi bỏ bởi" } else { "bị thay thế bởi" };
        match (by.effective, by.signed) {
            (Some(e), _) if e <= at => {
                return Some((
                    NotInForce,
                    format!("đã {how} {} từ ngày {} (trước ngày {plan}).", by.label(), vi_date(e)),
                ));
            }
            (None, Some(s)) if s <= at => {
                return Some((
                    NotInForce,
                    format!(
                        "đã {how} {} (ban hành ngày {}; chưa rõ ngày có hiệu lực).",
                        by.label(),
                        vi_date(s)
                    ),
                ));
            }
            _ => {}
        }
    }
    if m.status == Status::Repealed && m.expired.is_none() {
        return Some((NotInForce, format!("hiện đã hết hiệu lực (chưa rõ từ ngày nào so với ngày {plan}).")));
    }
    None
}

/// Whether a citation was resolved by its number (as written, or written otherwise:
/// [`crate::cite::Confidence::Variant`]), not a self reference: what its number names is
/// checked against what else it says.
fn by_number(c: &Citation) -> bool {
    use crate::cite::Confidence::{Exact, Variant};
    matches!(c.confidence, Some(Exact | Variant)) && !c.self_ref
}

/// The type word written is not the type (nor of the family) of the document its number
/// names. A type only implied by the symbol ("124-QĐ/TW" alone) is not checked: "QĐ" is
/// both Quyết định and Quy định.
pub fn types(cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        let (Some(t), Some(n)) = (c.doc_type, c.number.as_deref()) else { continue };
        let Some(m) = c.target.as_deref().filter(|_| by_number(c)).and_then(|id| lookup.meta(id)) else {
            continue;
        };
        let written = crate::text::fold(t.as_vi());
        if t == crate::model::DocType::Khac
            || crate::catalog::same_family(t, m.doc_type)
            || !crate::text::fold(&c.text).contains(&written)
        {
            continue;
        }
        let msg = format!("Loại văn bản ghi {}; số hiệu {n} là của {}.", t.as_vi(), m.label());
        out.push(warning(WarningKind::TypeDiffers, msg, c, i));
    }
    out
}

/// The date (or year) written differs from the document's — for a document found by its
/// number only: a name with another date names another document (the resolver leaves it
/// unresolved), not a wrong date.
pub fn dates(cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        if !by_number(c) {
            continue;
        }
        let Some(m) = c.target.as_deref().and_then(|t| lookup.meta(t)) else { continue };
        let msg = match (c.date, c.year, m.signed) {
            (Some(d), _, Some(real)) if d != real => {
                format!("Ngày ghi {} khác ngày ban hành của {} ({}).", vi_date(d), m.label(), vi_date(real))
            }
            (None, Some(y), Some(real)) if y != real.year => {
                format!("Năm ghi {y} khác năm ban hành của {} ({}).", m.label(), vi_date(real))
            }
            // Known only by citation, with no date: the year its number says (probe 12: "Luật
            // Đầu tư năm 2020 số 67/2014/QH13" passed in silence).
            (None, Some(y), None) => match crate::catalog::year_of(m) {
                Some(ny) if ny != y => {
                    format!("Năm ghi {y} khác năm trong số hiệu của {} ({ny}).", m.label())
                }
                _ => continue,
            },
            _ => continue,
        };
        out.push(warning(WarningKind::DateMismatch, msg, c, i));
    }
    out
}

/// An issuing body folded for comparison: abbreviations spelled out ("UBND"), titles of
/// office left out ("Bộ trưởng Bộ Tài chính" is the ministry), joints and dashes as spaces.
fn body_key(issuer: &str) -> String {
    let mut f = format!(" {} ", crate::text::fold(issuer).replace([',', '-', '–', ';'], " "));
    for (a, b) in [
        (" ubnd ", " uy ban nhan dan "),
        (" hdnd ", " hoi dong nhan dan "),
        (" tw ", " trung uong "),
        (" mttq ", " mat tran to quoc "),
        (" vn ", " viet nam "),
        (" nhnn ", " ngan hang nha nuoc "),
        (" cp ", " chinh phu "),
        (" ttcp ", " thanh tra chinh phu "),
        (" tandtc ", " toa an nhan dan toi cao "),
        (" vksndtc ", " vien kiem sat nhan dan toi cao "),
        (" hdtp ", " hoi dong tham phan "),
    ] {
        f = f.replace(a, b);
    }
    // The court's council of judges issues in the court's name (probe 13: "Hội đồng Thẩm phán"
    // for a resolution recorded as the Supreme People's Court's).
    if let Some(rest) = f.strip_prefix(" hoi dong tham phan ") {
        let rest = rest.strip_prefix("toa an nhan dan toi cao ").unwrap_or(rest);
        f = format!(" toa an nhan dan toi cao hoi dong tham phan {rest}");
    }
    // An office stands for its body ("Thống đốc Ngân hàng Nhà nước": the State Bank; probe 11).
    for title in [
        " bo truong ",
        " thu tuong ",
        " chu tich ",
        " truong ban ",
        " tong cuc truong ",
        " thong doc ",
        " chanh an ",
        " vien truong ",
    ] {
        f = f.replace(title, " ");
    }
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a body written agrees with a document's issuer: one holds the other, or each
/// body of a joint list is in the document's issuer ("Bộ Y tế, Bộ Tài chính" for "Bộ Y tế và
/// Bộ Tài chính").
fn issuers_agree(written: &str, real: &str) -> bool {
    let (w, r) = (body_key(written), body_key(real));
    if w.is_empty() || r.is_empty() || w.contains(&r) || r.contains(&w) {
        return true;
    }
    let bodies = |s: &str| -> Vec<String> {
        crate::text::fold(s)
            .split([',', ';'])
            .flat_map(|p| p.split(" va "))
            .map(body_key)
            .filter(|b| !b.is_empty())
            .collect()
    };
    let pieces = bodies(written);
    if !pieces.is_empty() && pieces.iter().all(|b| r.contains(b.as_str())) {
        return true;
    }
    // Only a different kind of body is a sure disagreement ("Bộ …" for "Chính phủ"): the
    // same kind written otherwise ("Bộ LĐ-TB&XH", "MTTQ") may be an abbreviation.
    let heads = |v: &[String]| -> Vec<String> { v.iter().map(|b| head(b)).collect() };
    let theirs = heads(&bodies(real));
    heads(&pieces).iter().any(|h| theirs.contains(h))
}

/// The kind of a body: its first word, or two for "Ủy ban", "Hội đồng", "Chính phủ" …
fn head(body: &str) -> String {
    let mut w = body.split(' ');
    let first = w.next().unwrap_or_default();
    match first {
        "uy" | "hoi" | "toa" | "chinh" | "quoc" | "van" | "kiem" | "ngan" | "thanh" | "tong" => {
            format!("{first} {}", w.next().unwrap_or_default())
        }
        _ => first.to_string(),
    }
}

/// A body written that is not the issuer of the document its number names (the number
/// decides: only citations resolved by number are checked).
pub fn issuers(cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    use crate::cite::issuer::ministry_for_party;
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        if c.target.is_none() && !c.self_ref {
            // A Party number not held still says that no ministry issued it.
            if let (Some(written), Some(n)) = (c.issuer.as_deref(), c.number.as_deref()) {
                if ministry_for_party(written, Some(n)) {
                    let msg = format!(
                        "Cơ quan ghi {written}; số hiệu {n} là số hiệu văn bản của tổ chức Đảng, không phải của một bộ."
                    );
                    out.push(warning(WarningKind::IssuerDiffers, msg, c, i));
                }
            }
            continue;
        }
        if !by_number(c) {
            continue;
        }
        let (Some(written), Some(m)) =
            (c.issuer.as_deref(), c.target.as_deref().and_then(|t| lookup.meta(t)))
        else {
            continue;
        };
        let Some(real) = m.issuer.as_deref() else { continue };
        if !issuers_agree(written, real)
            || crate::cite::issuer::ministries_differ(written, real, m.canonical.as_deref())
            || crate::cite::issuer::government_differs(written, m.canonical.as_deref())
            || ministry_for_party(written, m.canonical.as_deref())
        {
            let msg = format!("Cơ quan ghi {written}; {} do {real} ban hành.", m.label());
            out.push(warning(WarningKind::IssuerDiffers, msg, c, i));
        }
    }
    out
}

/// Whether `written` is `real` cut short: its serial alone ("217" of "217-QĐ/TW"), its
/// serial and year ("145/2020" of "145/2020/NĐ-CP"), or its year left out ("145/NĐ-CP").
fn incomplete(written: &str, real: &str) -> bool {
    let (w, r) = (key(written), key(real));
    (r.len() > w.len() && r.starts_with(&w) && r[w.len()..].starts_with(['/', '-']))
        || crate::number::year_left_out(written, real)
}

/// One document written with two numbers; a number that is not the document's.
pub fn numberings(cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    // First written number per document: by target, or for unresolved ones by type, serial,
    // issuer symbol and date.
    let mut first: HashMap<String, (usize, String)> = HashMap::new();
    for (i, c) in cits.iter().enumerate() {
        // A short name the text defined ("sau đây gọi là Nghị định 59") is not a number.
        let Some(n) = c.number.as_deref().filter(|_| c.alias_of.is_none()) else { continue };
        let group = match (&c.target, parts(n), c.date) {
            (Some(t), _, _) => t.clone(),
            (None, Some(p), Some(d)) => {
                let issuer = p.symbol.rsplit('/').next().unwrap_or("");
                format!("?{:?}|{}|{}|{d}", c.doc_type, p.serial, key(issuer))
            }
            _ => continue,
        };
        match first.get(&group) {
            None => {
                first.insert(group, (i, n.to_string()));
            }
            Some((_, f)) if key(f) != key(n) => {
                let msg = format!("Cùng một văn bản được ghi hai số hiệu khác nhau: {f} và {n}.");
                out.push(warning(WarningKind::TwoNumberings, msg, c, i));
            }
            _ => {}
        }
        if let Some(m) = c.target.as_deref().and_then(|t| lookup.meta(t)) {
            if let Some(real) = m.canonical.as_deref().filter(|r| key(r) != key(n)) {
                if incomplete(n, real) {
                    let msg = format!("Số hiệu ghi thiếu: {n}; số hiệu đầy đủ của văn bản là {real}.");
                    out.push(warning(WarningKind::IncompleteNumber, msg, c, i));
                } else {
                    let msg = match crate::number::spelling(&canonicalize(n), real) {
                        Some(how) => format!(
                            "Số hiệu ghi {n} là cách viết khác của số hiệu {real} ({}); hãy ghi đúng số hiệu của văn bản.",
                            how.as_vi()
                        ),
                        None => format!("Số hiệu ghi {n}; số hiệu của văn bản là {real}."),
                    };
                    out.push(warning(WarningKind::NumberDiffers, msg, c, i));
                }
            }
        }
    }
    out
}

/// Numbers written with the wrong separators ("04/2015/NĐ/CP"), unless the document's own
/// number, as published, is written so ("01/2014/NQLT/CP-UBTƯMTTQVN"; probe 13).
pub fn malformed(text: &str, cits: &[Citation], lookup: &dyn Lookup) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, c) in cits.iter().enumerate() {
        let Some(n) = c.number.as_deref() else { continue };
        let Some(raw) = text.get(c.start..c.end).and_then(|span| written_number(span, n)) else { continue };
        let squeezed: String = raw.chars().filter(|ch| !ch.is_whitespace()).collect();
        let canon = canonicalize(n);
        let published = c.target.as_deref().and_then(|t| lookup.meta(t)).and_then(|m| m.number.as_deref());
        if separators(&squeezed) != separators(&canon)
            && published.is_none_or(|p| separators(p) != separators(&squeezed))
        {
            let msg = format!("Số hiệu viết sai quy cách: {}; đúng quy cách là {canon}.", raw.trim());
            out.push(warning(WarningKind::MalformedNumber, msg, c, i));
        }
    }
    out
}

fn separators(s: &str) -> String {
    s.chars()
        .filter(|c| matches!(c, '/' | '-' | '–' | '—'))
        .map(|c| if c == '/' { '/' } else { '-' })
        .collect()
}

/// The number as written inside a citation's text: the shortest run starting at the serial
/// that canonicalizes to the same key as `number`.
fn written_number<'a>(span: &'a str, number: &str) -> Option<&'a str> {
    let serial: String = number.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let want = key(number);
    for (at, _) in span.match_indices(serial.as_str()) {
        if span[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let run_end = span[at..]
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '–' | '—' | ' ')))
            .map_or(span.len(), |(j, _)| at + j);
        let run = &span[at..run_end];
        // Shrink word by word from the end.
        let mut end = run.len();
        loop {
            let cand = run[..end].trim_end();
            if key(cand) == want {
                return Some(cand);
            }
            match cand.rfind(' ') {
                Some(sp) if sp > 0 => end = sp,
                _ => break,
            }
        }
    }
    None
}

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:trước|chậm nhất(?:\s+là)?|hạn chót|hạn cuối|không muộn hơn|không quá)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*(?:[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})|tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
    )
    .expect("deadline pattern")
});

/// Deadlines ("hoàn thành trước ngày 10/4/2023") that fall before the plan's own date.
pub fn deadlines(text: &str, at: Option<Date>) -> Vec<Warning> {
    let Some(at) = at else { return Vec::new() };
    let mapped = normalize_mapped(text);
    let mut out = Vec::new();
    for c in DEADLINE.captures_iter(&mapped.text) {
        let pick = |a: &str, b: &str| c.name(a).or_else(|| c.name(b)).map(|m| m.as_str());
        let Some(d) = (match (
            c["d"].parse().ok(),
            pick("m", "m2").and_then(|m| m.parse().ok()),
            pick("y", "y2").and_then(|y| y.parse().ok()),
        ) {
            (Some(d), Some(m), Some(y)) => Date::new(y, m, d),
            _ => None,
        }) else {
            continue;
        };
        if d < at {
            let m = c.get(0).expect("whole match");
            let (start, end) = mapped.span(m.start(), m.end());
            out.push(Warning {
                kind: WarningKind::ImpossibleDeadline,
                message: format!("Thời hạn {} đã qua so với ngày của văn bản ({}).", vi_date(d), vi_date(at)),
                span: Span { start, end },
                citation: None,
            });
        }
    }
    out
}

static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})\b|(?:^|[^\d/])(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})\b",
    )
    .expect("date pattern")
});

/// Dates written that no calendar has ("trước ngày 30/02/2024", "ngày 31 tháng 4 năm 2024"):
/// a typo a drafter must fix, which every other check passes over (such a date is never read).
pub fn invalid_dates(text: &str) -> Vec<Warning> {
    let mapped = normalize_mapped(text);
    let mut out = Vec::new();
    for c in ANY_DATE.captures_iter(&mapped.text) {
        let pick = |a: &str, b: &str| c.name(a).or_else(|| c.name(b));
        let (Some(d), Some(m), Some(y)) = (pick("d", "d2"), pick("m", "m2"), pick("y", "y2")) else {
            continue;
        };
        let (Ok(dn), Ok(mn), Ok(yn)) =
            (d.as_str().parse::<u8>(), m.as_str().parse::<u8>(), y.as_str().parse::<u16>())
        else {
            continue;
        };
        if Date::new(yn, mn, dn).is_some() {
            continue;
        }
        let whole = c.get(0).expect("whole match");
        let from = if c.name("d").is_some() { whole.start() } else { d.start() };
        let (start, end) = mapped.span(from, y.end());
        out.push(Warning {
            kind: WarningKind::InvalidDate,
            message: if (1..=12).contains(&mn) {
                format!(
                    "Ngày {} không có thật: tháng {mn} năm {yn} không có ngày {dn}.",
                    text[start..end].trim()
                )
            } else {
                format!("Ngày {} không có thật: không có tháng {mn}.", text[start..end].trim())
            },
            span: Span { start, end },
            citation: None,
        });
    }
    out
}

mod names;
pub use names::names;

#[cfg(test)]
mod tests;
