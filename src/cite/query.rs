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
    /// A part of the query that looks like a pinpoint and was not read ("k1x35"): the
    /// answer is the document, never in silence ([`Lookup::unread_vi`]).
    pub unread: Option<String>,
    /// An article asked of a document whose text is not held ("Điều 36 BLLĐ 2012", a law
    /// known only by citation): no article answers, held versions that have it are offered
    /// as candidates ([`NotHeld::vi`]).
    pub not_held: Option<NotHeld>,
}

/// An article asked of a document the corpus holds no text of (a record only, or a document
/// known only by citation). One answer for the search box, `cancu show` and `/api/resolve`:
/// the notice [`NotHeld::vi`], no article shown as the answer (`show` exits non-zero, the API
/// answers 404), the held versions of the same name that have the article offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotHeld {
    /// The document named.
    pub doc: String,
    pub article: String,
    /// Known only by citation (else: a record without text).
    pub cited_only: bool,
    /// Other versions of its name whose text holds the article, newest first: candidates,
    /// never the answer.
    pub candidates: Vec<String>,
}

impl NotHeld {
    /// The notice, in Vietnamese, naming documents by `label`: "Kho dữ liệu không có toàn văn
    /// Luật 22/2023/QH15 (chỉ biết qua trích dẫn) nên không có Điều 65 của văn bản này. Văn bản
    /// cùng tên có Điều 65: Luật 43/2013/QH13 (phiên bản khác, không phải văn bản được hỏi)."
    pub fn vi(&self, label: impl Fn(&str) -> String) -> String {
        let how = if self.cited_only {
            "chỉ biết qua trích dẫn"
        } else {
            "chỉ có thông tin về văn bản"
        };
        let mut out = format!(
            "Kho dữ liệu không có toàn văn {} ({how}) nên không có Điều {} của văn bản này.",
            label(&self.doc),
            self.article
        );
        if !self.candidates.is_empty() {
            let names: Vec<String> = self.candidates.iter().map(|c| label(c)).collect();
            out.push_str(&format!(
                " Văn bản cùng tên có Điều {}: {} (phiên bản khác, không phải văn bản được hỏi).",
                self.article,
                names.join("; ")
            ));
        }
        out
    }
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

    /// The notice for a part of the query that looks like a pinpoint and was not read, in
    /// Vietnamese: "Chưa hiểu “k1x35” trong dẫn chiếu: …". One home for the search box, the
    /// API and the command line.
    pub fn unread_vi(&self) -> Option<String> {
        self.unread.as_ref().map(|u| {
            let shown = match &self.article {
                Some(a) => format!("đang hiển thị Điều {a}"),
                None => "đang hiển thị cả văn bản".to_string(),
            };
            format!("Chưa hiểu “{u}” trong dẫn chiếu ({shown}). Hãy ghi điều, khoản như “khoản 1 Điều 35”.")
        })
    }

    /// The notice for an article of a document whose text is not held ([`NotHeld::vi`]),
    /// after the one saying the document is only the likely one when it is: the one text of
    /// the search box, `cancu show` and `/api/resolve`.
    pub fn not_held_vi(&self, label: impl Fn(&str) -> String) -> Option<String> {
        let nh = self.not_held.as_ref()?;
        let text = nh.vi(&label);
        Some(match self.confidence {
            Confidence::Ambiguous => format!("{} {text}", self.ambiguity_vi(&label)),
            _ => text,
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
            unread: None,
            not_held: None,
        });
    }
    let (mut r, titled) = match read_in(&q, catalog.lexicon()) {
        Some(r) => (r, false),
        None => match read_title(&q) {
            Some(r) => (r, true),
            None => (Ref::default(), false),
        },
    };
    let day = at.unwrap_or_else(crate::model::Date::today);
    let ctx = Context { date: Some(day), asked: true, ..Context::default() };
    // A law by an abbreviation the table does not list ("LGTĐB", "Luật NVQS"): the rule of
    // the listed ones, on the catalog's names; every law it fits when several do.
    if let Some((names, span)) = derived_code(catalog, &q, &r, day) {
        r.spans.retain(|&(a, b)| b <= span.0 || a >= span.1);
        r.spans.push(span);
        match names.as_slice() {
            [(t, name)] => {
                r.doc_type = Some(*t);
                r.name = Some(name.clone());
            }
            _ => return Some(shared_code(catalog, &q, r, &names, &ctx)),
        }
    }
    if !r.names_document() && r.doc_type.is_none() {
        return None;
    }
    let wanted = r.wanted();
    let res = resolve_wanted(&wanted, catalog, &ctx);
    // A name asked for in a version none of the versions offered is (a year, or the date
    // asked when one was).
    // The constitution is asked for by its year alone ("Điều 14 Hiến pháp 1992").
    let named = wanted.name.is_some() || wanted.doc_type == Some(DocType::HienPhap);
    let missing = match (res.target.as_deref(), named, wanted.number) {
        (None, true, None) => crate::cite::version_missing(
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
    let rest = rest_of(&q, &r.spans);
    let unread = unread(&q, &r);
    let mut found = Lookup {
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
        unread,
        not_held: None,
    };
    found.not_held = not_held(catalog, &found);
    Some(found)
}

/// What `q` holds outside the reference `r` read in it that looks like a pinpoint: a
/// pinpoint word not read ([`pinpoint::unread`]), or, when no article was read, a number
/// standing alone ("BLLĐ 137").
fn unread(q: &str, r: &Ref) -> Option<String> {
    pinpoint::unread(q, &r.spans)
        .or_else(|| r.article.is_none().then(|| pinpoint::bare_number(q, &r.spans)).flatten())
}

/// The words of `q` outside `spans`, fillers dropped: what to search within the document.
fn rest_of(q: &str, spans: &[(usize, usize)]) -> String {
    crate::index::analysis::syllables(q)
        .filter(|s| !spans.iter().any(|&(a, b)| s.start >= a && s.end <= b))
        .map(|s| &q[s.start..s.end])
        .filter(|w| !FILLER.contains(&fold(w).as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the corpus holds no text of document `id`: no article, and a record without text.
fn text_not_held(catalog: &Catalog, id: &str) -> bool {
    catalog.articles(id) == 0
        && catalog.get(id).is_some_and(|m| m.completeness == crate::model::Completeness::MetadataOnly)
}

/// The [`NotHeld`] answer of `found`: an article asked of the one document named, whose text
/// is not held. The candidates are the other versions of its name ([`Lookup::others`], and
/// for a law, code, ordinance or the constitution the documents titled alike, an amending
/// law's shared title aside) whose text holds the article, newest first.
pub fn not_held(catalog: &Catalog, found: &Lookup) -> Option<NotHeld> {
    let article = found.article.as_deref()?;
    // One document, named for certain or the only candidate ("nghị định 100 điều 5").
    let [doc] = found.docs.as_slice() else { return None };
    let doc = doc.as_str();
    if found.missing.is_some() {
        return None;
    }
    if !text_not_held(catalog, doc) {
        return None;
    }
    let meta = catalog.get(doc)?;
    let mut versions: Vec<&crate::model::Metadata> =
        found.others.iter().filter_map(|o| catalog.get(o)).collect();
    // Versions by name only where a name tells versions apart (a law, code, ordinance, the
    // constitution; an amending law's title is shared by laws that are no versions).
    let by_name =
        meta.doc_type == DocType::HienPhap || (meta.doc_type.is_named() && law_name(&meta.title).is_some());
    if by_name {
        versions.extend(catalog.by_name(Some(meta.doc_type), &meta.title));
    }
    versions.retain(|m| {
        m.id != doc && catalog.articles(&m.id) > 0 && catalog.lacks(&m.id, article, None).is_none()
    });
    versions.sort_by(|a, b| {
        crate::catalog::signed_or_year(b).cmp(&crate::catalog::signed_or_year(a)).then(a.id.cmp(&b.id))
    });
    versions.dedup_by(|a, b| a.id == b.id);
    Some(NotHeld {
        doc: doc.to_string(),
        article: article.to_string(),
        cited_only: catalog.is_cited_only(doc),
        candidates: versions.into_iter().map(|m| m.id.clone()).collect(),
    })
}

/// A law's type and its name as titled after the type word ("Giao thông đường bộ").
pub(crate) type LawName = (DocType, String);

/// Whether a word as typed reads as an abbreviation: letters only, and written with two
/// capitals or more, or with no vowel ("LGTĐB", "lgtdb"; not "lan", "Luật").
pub(crate) fn abbreviated(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && (word.chars().filter(|c| c.is_uppercase()).count() >= 2
            || !fold(word).contains(['a', 'e', 'i', 'o', 'u', 'y']))
}

/// The laws a code name not listed in [`super::patterns::CODE_NAMES`] stands for, by the rule
/// of the listed ones ([`super::patterns::name_initials`] after the type's prefix), on the
/// catalog's names: "Điều 59 LGTĐB" (Giao thông đường bộ), "LTTNCN" (Thuế thu nhập cá nhân);
/// or a law named by the initials of its name after the type word ("Luật NVQS"); a word alone
/// only beside a pinpoint (an article or clause read). The names it
/// fits, one per name (type, name as titled after the type word), and the span it took;
/// `None` when the query names a document otherwise, or no name fits. A name whose every
/// version has ended at `day` is not offered beside names in force.
fn derived_code(
    catalog: &Catalog,
    q: &str,
    r: &Ref,
    day: crate::model::Date,
) -> Option<(Vec<LawName>, (usize, usize))> {
    use super::patterns::CODE_PREFIXES;
    let law = |t: DocType| matches!(t, DocType::Luat | DocType::BoLuat);
    // (span, type, initials): a word after its prefix, or a name written as initials.
    let (span, wanted, initials) = if r.names_document() {
        let name =
            r.name.as_deref().filter(|n| abbreviated(n) && r.number.is_none() && r.serial.is_none())?;
        let t = r.doc_type.filter(|t| law(*t))?;
        if catalog.lexicon().knows(t, &super::lexicon::key(name)) {
            return None;
        }
        let at = q.find(name)?;
        ((at, at + name.len()), t, name.to_string())
    } else {
        // A word alone is a law only beside a pinpoint: "LHQ" of "công ước LHQ" is the United
        // Nations, not "Luật Hải quan"; "Điều 59 LGTĐB" is a law's article.
        if r.article.is_none() && r.clause.is_none() {
            return None;
        }
        let consumed = |s: usize, e: usize| r.spans.iter().any(|&(a, b)| s < b && e > a);
        words(q).into_iter().find_map(|w| {
            let typed = &q[w.start..w.end];
            if consumed(w.start, w.end) || !abbreviated(typed) {
                return None;
            }
            CODE_PREFIXES.iter().find_map(|(p, t)| {
                let rest = fold(typed).strip_prefix(&fold(p)).map(|_| &typed[p.len()..])?;
                (rest.chars().count() >= 2).then(|| ((w.start, w.end), *t, rest.to_string()))
            })
        })?
    };
    let names = laws_by_initials(catalog, wanted, &initials, day);
    if names.is_empty() {
        return None;
    }
    Some((names, span))
}

/// The laws of type `wanted` whose names' initials ([`super::patterns::name_initials`]) the
/// abbreviation `initials` writes ("GTĐB": Giao thông đường bộ), one per name; a name whose
/// every version has ended at `day` is not offered beside names in force. One rule for the
/// search box and the resolver (a code name in running text, "Điều 8 LGTĐB").
pub(crate) fn laws_by_initials(
    catalog: &Catalog,
    wanted: DocType,
    initials: &str,
    day: crate::model::Date,
) -> Vec<LawName> {
    use super::patterns::{initials_match, name_initials};
    let mut names: Vec<(DocType, String, bool)> = Vec::new();
    for m in catalog.iter().filter(|m| m.doc_type == wanted) {
        let Some(name) = law_name(&m.title) else { continue };
        if !initials_match(initials, &name_initials(&name)) {
            continue;
        }
        let ended = m.expired.is_some_and(|d| d <= day) || m.status == crate::model::Status::Repealed;
        let k = super::lexicon::key(&name);
        match names.iter_mut().find(|(_, n, _)| super::lexicon::key(n) == k) {
            Some(seen) => seen.2 &= ended,
            None => names.push((m.doc_type, name, ended)),
        }
    }
    if names.iter().any(|n| !n.2) {
        names.retain(|n| !n.2);
    }
    names.into_iter().map(|(t, n, _)| (t, n)).collect()
}

/// A law's name after its type word, as titled ("Luật Giao thông đường bộ" → "Giao thông
/// đường bộ"), without a number or year after it; `None` for an amending law's title.
fn law_name(title: &str) -> Option<String> {
    let folded = fold(title);
    let skip = ["bo luat ", "luat "].iter().find(|p| folded.starts_with(*p))?.len();
    // The folded prefix is ASCII of as many characters as the title's.
    let start = title.char_indices().nth(skip).map_or(title.len(), |(i, _)| i);
    let name = title[start..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let cut = words
        .iter()
        .enumerate()
        .position(|(i, w)| {
            let f = fold(w);
            (f == "so" || f == "nam")
                && words.get(i + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(words.len());
    let name = words[..cut].join(" ");
    let f = fold(&name);
    (!name.is_empty() && !f.starts_with("sua doi")).then_some(name)
}

/// The lookup of an abbreviation several laws' names fit ("LĐT Điều 65": Luật Đầu tư, Luật
/// Đấu thầu): ambiguous, each name's version in force at the date asked a candidate, newest
/// first; never one chosen.
fn shared_code(catalog: &Catalog, q: &str, r: Ref, names: &[LawName], ctx: &Context) -> Lookup {
    let mut docs: Vec<String> = Vec::new();
    for (t, name) in names {
        let wanted = Wanted { doc_type: Some(*t), name: Some(name), ..r.wanted() };
        let res = resolve_wanted(&wanted, catalog, ctx);
        if let Some(d) = res.target.into_iter().chain(res.candidates).next() {
            if !docs.contains(&d) {
                docs.push(d);
            }
        }
    }
    docs.sort_by(|a, b| {
        let date = |d: &str| catalog.get(d).and_then(crate::catalog::signed_or_year);
        date(b).cmp(&date(a)).then(a.cmp(b))
    });
    let matched = docs.len();
    let unread = unread(q, &r);
    Lookup {
        docs,
        confidence: Confidence::Ambiguous,
        rest: rest_of(q, &r.spans),
        article: r.article,
        clause: r.clause,
        point: r.point,
        others: Vec::new(),
        matched,
        missing: None,
        written: None,
        unread,
        not_held: None,
    }
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
/// "khoản 2", or in short "k2", "k.2" (glued: a lone "k" is not read).
static CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:(?:khoản|khoan)\s+|k\.?)(\d+)\b").unwrap());
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
    // The pinpoint as typed, in any order and spelling, completes the one the citation
    // reader took ("Điều 35 khoản 1 BLLĐ": it reads "khoản 1 BLLĐ", the article before it is
    // the query's; "Điều 37.3 BLLĐ": the ".3"; "Đ37.3 BLLĐ": all of it). Parts it read
    // otherwise than the citation are not mixed in.
    let typed = pinpoint::read(q);
    let agree = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    if agree(&r.article, &typed.article) && agree(&r.clause, &typed.clause) && agree(&r.point, &typed.point) {
        let before = (r.article.is_some(), r.clause.is_some(), r.point.is_some());
        r.article = r.article.or(typed.article);
        r.clause = r.clause.or(typed.clause);
        r.point = r.point.or(typed.point);
        if before != (r.article.is_some(), r.clause.is_some(), r.point.is_some()) {
            r.spans.extend(typed.spans);
        }
    }
    Some(r)
}

/// Reads the pinpoint parts, in any order and spelling ([`pinpoint::read`]): "điều 5",
/// "khoản 2", "điểm a", "Điều 35 khoản 1", or in short "Đ37.3", "k1đ35".
fn read_pinpoint(q: &str, r: &mut Ref) {
    let pin = pinpoint::read(q);
    r.article = pin.article;
    r.clause = pin.clause;
    r.point = pin.point;
    r.spans.extend(pin.spans);
}

/// A pinpoint in short written as one token of running text ("Đ37.3", "Đ35.3.d", "Đ18k3b"):
/// the reader of the search box's shorthand ([`pinpoint::token`]), for `cite::find`'s "Đ37.3
/// BLLĐ". The token must start with "Đ" (a "D5" of running text is no pinpoint). `None`
/// unless the token is the whole match.
pub(crate) fn short_pinpoint(token: &str) -> Option<super::Pinpoint> {
    let mut chars = token.chars();
    let glued = matches!(chars.next(), Some('Đ' | 'đ'))
        && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.');
    if !glued {
        return None;
    }
    let pin = pinpoint::token(token)?;
    pin.article.as_ref()?;
    Some(super::Pinpoint { article: pin.article, clause: pin.clause, point: pin.point })
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
                if *t == DocType::HienPhap {
                    // "Điều 14 Hiến pháp", "Hiến pháp 2013 Điều 14", "… Hiến pháp năm 2013":
                    // the constitution needs no name; a year after it chooses the version.
                    let mut end = i + len - 1;
                    let mut next = i + len;
                    if ws.get(next).is_some_and(|w| w.folded == "nam" && !consumed(w)) {
                        next += 1;
                    }
                    if let Some(y) = ws
                        .get(next)
                        .filter(|w| !consumed(w))
                        .and_then(|w| w.folded.parse::<u16>().ok())
                        .filter(|y| (1945..=2100).contains(y))
                    {
                        r.year = Some(y);
                        end = next;
                    }
                    r.doc_type = Some(DocType::HienPhap);
                    r.spans.push((ws[i].start, ws[end].end));
                    return;
                }
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

mod pinpoint;
#[cfg(test)]
mod tests;
