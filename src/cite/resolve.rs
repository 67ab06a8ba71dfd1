//! Resolve: from what a citation says to a document of the [`Catalog`] — the one place where
//! a reference becomes a document id, for citations in text and for references typed into
//! the search box alike ([`resolve_wanted`]).
//!
//! The rules, in order: a self reference is the citing document; a number is looked up with
//! its type (a provincial Party number like `66-NQ/TU` only within the province of its
//! issuer or of the citing document; `11-QĐ/TW` for `11-QĐi/TW` only when type and date, or
//! the issuer, agree); a number held under no spelling as written, by the one document it can
//! only be ([`Confidence::Variant`]: another spelling of its number, its type word
//! contradicted by the symbol, or its year left out with the date written naming it — never
//! one whose date contradicts the date written); a bare serial with the date or year that
//! names one document ("Nghị định số 59 ngày 14/8/2023"), likewise; a serial with year and
//! type ("NĐ 145/2020") like a number; a name only
//! when it is a *whole* title or name alias, choosing the version by the year or date written,
//! else the one in force at the citing (or asked) date, the others offered; an amending law
//! by its title and date when one catalogued title adds only the base law's number and was
//! signed that day ([`amending_title`]). Anything short of that — a name that is part of
//! several titles, a number two documents share, a date that contradicts the only document of
//! that name — is [`Confidence::Ambiguous`]: no target, the candidates listed. Never a guess.

use serde::Serialize;

use super::citation::Citation;
use crate::catalog::cited::term_of_record;
use crate::catalog::{pick_version, year_of, Catalog};
use crate::model::{Date, DocType, Metadata};
use crate::number::{self, Shape};
use crate::text::fold;

/// How many candidates an ambiguous reference lists at most.
pub const MAX_CANDIDATES: usize = 8;

/// How sure a resolution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// By number (with its type), or a self reference.
    Exact,
    /// By the whole name of a title or name alias.
    Name,
    /// By a number written otherwise than the document's, which can only be it: another
    /// spelling of its number (a leading zero, a dash, a joint document's bodies in another
    /// order, a Party number in the state shape), its number with a type word its symbol
    /// contradicts, or its number cut short (the year left out, a bare serial) with the date
    /// or year written naming it alone. The document, not as written: the linker says how
    /// the number differs.
    Variant,
    /// Several documents fit, or the only one contradicts what was written: no target.
    Ambiguous,
}

/// The citing document: where a citation is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Its id: the target of self references.
    pub id: Option<String>,
    pub doc_type: Option<DocType>,
    /// Its province, which scopes provincial Party numbers.
    pub province: Option<String>,
    /// Its date: which version a name means.
    pub date: Option<Date>,
    /// The name is a base law's inside an amending law's title: the version meant is the
    /// newest *enacted* by [`Context::date`], in force then or not (the 2017 amendment of
    /// "Bộ luật Hình sự" amends the 2015 code, which took effect only in 2018).
    pub amended: bool,
    /// The date is one a user asked for (`--at`, the search box), not a citing text's: a
    /// name means the version in force then, never one signed and not yet in force (which a
    /// text written then may mean: [`pending_at`]).
    pub asked: bool,
    /// The documents the citing text rests on, by id: its preamble's "Căn cứ" lines that say
    /// which version, the law its title says it details ("Nghị định quy định chi tiết … Bộ
    /// luật Lao động": the newest enacted by its date), its sourced "details" relations. A
    /// name one of them bears means it in every part of the text, which the graph reads
    /// article by article (`graph::build`).
    pub basis: Vec<String>,
}

impl Context {
    /// The context of a corpus document.
    pub fn of(meta: &Metadata) -> Context {
        Context {
            id: Some(meta.id.clone()),
            doc_type: Some(meta.doc_type),
            province: meta.province.clone(),
            date: meta.signed.or(meta.effective),
            amended: false,
            asked: false,
            basis: Vec::new(),
        }
    }
}

/// What a reference asks for, whichever reader read it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted<'a> {
    pub doc_type: Option<DocType>,
    /// A whole number.
    pub number: Option<&'a str>,
    /// A serial without its symbol ("145" of "NĐ 145/2020"), used when there is no number.
    pub serial: Option<&'a str>,
    /// A name, for documents cited without a number.
    pub name: Option<&'a str>,
    pub date: Option<Date>,
    pub year: Option<u16>,
    pub issuer: Option<&'a str>,
    pub self_ref: bool,
}

impl<'a> Wanted<'a> {
    /// What a citation asks for.
    pub fn of(c: &'a Citation) -> Wanted<'a> {
        Wanted {
            doc_type: c.doc_type,
            number: c.number.as_deref(),
            serial: None,
            name: c.name.as_deref(),
            date: c.date,
            year: c.year,
            issuer: c.issuer.as_deref(),
            self_ref: c.self_ref,
        }
    }
}

/// The answer for one reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    pub target: Option<String>,
    /// `None` when nothing in the catalog fits at all.
    pub confidence: Option<Confidence>,
    /// The documents that fit, best first, when ambiguous (at most [`MAX_CANDIDATES`]).
    pub candidates: Vec<String>,
    /// How many documents fit in all, when ambiguous: more than `candidates` lists when the
    /// list was cut.
    pub matched: usize,
    /// The other versions sharing the name, when one was chosen by name (newest first).
    pub others: Vec<String>,
}

impl Resolution {
    fn exact(m: &Metadata) -> Resolution {
        Resolution { target: Some(m.id.clone()), confidence: Some(Confidence::Exact), ..Default::default() }
    }

    fn variant(m: &Metadata) -> Resolution {
        Resolution { target: Some(m.id.clone()), confidence: Some(Confidence::Variant), ..Default::default() }
    }

    fn named(m: &Metadata) -> Resolution {
        Resolution { target: Some(m.id.clone()), confidence: Some(Confidence::Name), ..Default::default() }
    }

    /// `m`, chosen by name among the versions `all` (the others offered).
    fn version_of(m: &Metadata, all: &[&Metadata]) -> Resolution {
        let mut others: Vec<&Metadata> = all.iter().copied().filter(|o| o.id != m.id).collect();
        others.sort_by(|a, b| b.signed.cmp(&a.signed).then_with(|| a.id.cmp(&b.id)));
        others.dedup_by(|a, b| a.id == b.id);
        Resolution { others: others.into_iter().map(|o| o.id.clone()).collect(), ..Resolution::named(m) }
    }

    /// A short name's resolution: its definition's ("sau đây gọi là Luật PPP").
    pub fn as_defined(def: &Citation) -> Resolution {
        Resolution {
            target: def.target.clone(),
            confidence: def.confidence,
            candidates: def.candidates.clone(),
            matched: def.candidates.len(),
            others: Vec::new(),
        }
    }

    fn ambiguous(cands: &[&Metadata]) -> Resolution {
        if cands.is_empty() {
            return Resolution::default();
        }
        let mut ids: Vec<&str> = Vec::new();
        for m in cands {
            if !ids.contains(&m.id.as_str()) {
                ids.push(&m.id);
            }
        }
        let matched = ids.len();
        let candidates = ids.into_iter().take(MAX_CANDIDATES).map(String::from).collect();
        Resolution {
            target: None,
            confidence: Some(Confidence::Ambiguous),
            candidates,
            matched,
            others: Vec::new(),
        }
    }
}

/// Resolves every citation in place (sets `target`, `confidence` and `candidates`); see
/// [`resolve_each`].
pub fn resolve(citations: &mut [Citation], catalog: &Catalog, ctx: &Context) {
    resolve_each(citations, catalog, ctx, |c, at| resolve_wanted(&Wanted::of(c), catalog, at));
}

/// Resolves every citation of one text in place, each by `one(citation, context)`, except
/// where the text itself says what it means: a short name defined in the text ("sau đây gọi
/// là Luật PPP") resolves as its definition did, and so does a name written bare after the
/// same name with its date, year or number ([`named_elsewhere`]; several versions named: the
/// newest, [`version_named`]) unless, at the text's known date, the version in force then is
/// newer ([`elsewhere_or_own`]; `catalog` dates them); a
/// base law inside an amending title is resolved in [`within_context`]. The one home of these
/// rules for `cite`, `link`, the search box and the citation graph (which passes a memoizing
/// `one`).
pub fn resolve_each(
    citations: &mut [Citation],
    catalog: &Catalog,
    ctx: &Context,
    mut one: impl FnMut(&Citation, &Context) -> Resolution,
) {
    // Bare names the text names elsewhere with their version: set once every version named
    // is resolved.
    let mut later: Vec<(usize, Vec<usize>, Resolution)> = Vec::new();
    // Short names defined by one of those: set after it.
    let mut aliases: Vec<(usize, usize)> = Vec::new();
    for i in 0..citations.len() {
        let c = &citations[i];
        let r = if c.self_ref {
            one(c, ctx)
        } else if let Some(d) = c.alias_of.filter(|&d| d < i) {
            if later.iter().any(|(j, _, _)| *j == d) {
                aliases.push((i, d));
                continue;
            }
            Resolution::as_defined(&citations[d])
        } else if let Some(named) = Some(named_elsewhere(citations, i)).filter(|n| !n.is_empty()) {
            later.push((i, named, one(c, ctx)));
            continue;
        } else {
            match within_context(citations, i, ctx) {
                Some(within) => one(c, &within),
                None => one(c, ctx),
            }
        };
        citations[i].set(r);
    }
    for (i, named, own) in later {
        let named = version_named(citations, &named, catalog);
        let r = elsewhere_or_own(named, own, catalog, ctx);
        citations[i].set(r);
    }
    for (i, d) in aliases {
        let r = Resolution::as_defined(&citations[d]);
        citations[i].set(r);
    }
}

/// The version a bare name means among the mentions `named` of the same name with their
/// version (nearest first): the one they all name; when they name several versions held
/// ("Căn cứ Luật X ngày … 2020" … "Luật X số 72/2006/QH11 hết hiệu lực"), the newest, the
/// others offered — the older one is named to be set apart (a transition, a comparison), the
/// text's own provisions rest on the newer.
fn version_named(citations: &[Citation], named: &[usize], catalog: &Catalog) -> Resolution {
    let mut held: Vec<&Metadata> = Vec::new();
    for &j in named {
        if let Some(m) = citations[j].target.as_deref().and_then(|t| catalog.get(t)) {
            if !held.iter().any(|h| h.id == m.id) {
                held.push(m);
            }
        }
    }
    if held.len() < 2 {
        return Resolution::as_defined(&citations[named[0]]);
    }
    let newest = held
        .iter()
        .copied()
        .max_by(|a, b| {
            crate::catalog::signed_or_year(a)
                .cmp(&crate::catalog::signed_or_year(b))
                .then_with(|| b.id.cmp(&a.id))
        })
        .expect("two or more");
    Resolution::version_of(newest, &held)
}

/// A bare name's resolution when the text names a version elsewhere (`named`): that version,
/// unless the text's date is known (`ctx`) and the name alone (`own`, the version in force
/// then) is a newer one — in a text of 2025, a version named with its year to set it apart
/// ("so với Luật Phòng, chống ma túy năm 2000") is not the one the bare name cites.
fn elsewhere_or_own(named: Resolution, own: Resolution, catalog: &Catalog, ctx: &Context) -> Resolution {
    let signed = |id: &Option<String>| {
        id.as_deref().and_then(|t| catalog.get(t)).and_then(crate::catalog::signed_or_year)
    };
    match (ctx.date, signed(&own.target), signed(&named.target)) {
        (Some(_), Some(o), Some(n)) if o > n => own,
        _ => named,
    }
}

/// The citations of the same text that name the same document as citation `i` and say which
/// version, nearest earlier first, then the later ones in order: "Luật Khám bệnh, chữa bệnh
/// ngày 09 tháng 01 năm 2023 … Điều 3 Luật Khám bệnh, chữa bệnh" — the bare name is that
/// version, not the one in force today (a version not held stays unresolved rather than
/// become another). Empty when `i` is not a bare name or nothing names its version.
fn named_elsewhere(citations: &[Citation], i: usize) -> Vec<usize> {
    let c = &citations[i];
    let (Some(t), Some(name)) = (c.doc_type, c.name.as_deref()) else { return Vec::new() };
    if c.number.is_some() || c.date.is_some() || c.year.is_some() || c.within.is_some() {
        return Vec::new();
    }
    let k = crate::catalog::name_key(name);
    let says_version = |j: &usize| {
        let d = &citations[*j];
        d.within.is_none()
            && d.alias_of.is_none()
            && (d.date.is_some() || d.year.is_some() || d.number.is_some())
            && d.doc_type.is_some_and(|u| crate::catalog::same_family(u, t))
            && d.name.as_deref().is_some_and(|n| crate::catalog::name_key(n) == k)
    };
    // An earlier mention first; else a later one (a plan's title names the law bare, its
    // basis then with its date: "Triển khai Luật X … Căn cứ Luật X ngày …").
    (0..i).rev().filter(says_version).chain((i + 1..citations.len()).filter(says_version)).collect()
}

/// The context of a base law named inside an amending law's title without a date of its own
/// ("Luật sửa đổi … của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020"):
/// the amending law's date, and [`Context::amended`], so that the name means the newest
/// version enacted by then — the one amended, even if not yet in force.
pub fn within_context(citations: &[Citation], i: usize, ctx: &Context) -> Option<Context> {
    let c = &citations[i];
    if c.date.is_some() {
        return None;
    }
    let outer = citations.get(c.within?)?;
    // Without its date, the amending law's year ("Luật số 36/2013/QH13 sửa đổi … của Luật Cư
    // trú"): its last day.
    let d = outer.date.or_else(|| outer.year.and_then(|y| Date::new(y, 12, 31)))?;
    Some(Context { date: Some(d), amended: true, ..ctx.clone() })
}

/// The id of the document a citation refers to, if the catalog has it for certain.
pub fn target(c: &Citation, catalog: &Catalog, ctx: &Context) -> Option<String> {
    resolve_wanted(&Wanted::of(c), catalog, ctx).target
}

impl Citation {
    /// Sets the resolution's fields.
    pub fn set(&mut self, r: Resolution) {
        self.target = r.target;
        self.confidence = r.confidence;
        self.candidates = r.candidates;
    }
}

/// Why the version a name asks for is not held, when its candidates are other versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum VersionMissing {
    /// A year no version held has ("Luật Khám bệnh, chữa bệnh 2023", "Bộ luật Lao động năm
    /// 2019" with neither held).
    Year(u16),
    /// Asked with no year at a date (a plan's, `--at`) older than every version held ("Luật
    /// Đấu thầu" in a text of 2008, with only the 2013 and 2023 laws held).
    AllLater(Date),
    /// A year no version held has, after a version held (`then`: its index among the
    /// candidates, the newest of an earlier year). The year may be a later version's, not
    /// held, or the year of what is done under the law ("kết quả thực hiện Luật Phòng, chống
    /// tham nhũng năm 2023": the 2018 law): both are said, neither chosen.
    YearAfter { year: u16, then: usize, unnamed: bool },
}

impl VersionMissing {
    /// Whether no version held can be the one cited: counted as not held, not as uncertain.
    /// A year after a version held may be the year of what is done under it
    /// ([`VersionMissing::YearAfter`]): uncertain.
    pub fn not_held(&self) -> bool {
        !matches!(self, VersionMissing::YearAfter { .. })
    }

    /// The notice, in Vietnamese, naming the versions held (`labels`) as not the one asked
    /// for. One wording for the linker, the search box, `show` and the API.
    pub fn vi(&self, labels: &[String]) -> String {
        let which = if labels.len() == 1 { "phiên bản" } else { "các phiên bản" };
        match self {
            VersionMissing::Year(y) => format!(
                "Kho dữ liệu không có văn bản năm {y} mang tên này; {which} có trong kho: {}. Đây không phải văn bản được dẫn chiếu.",
                labels.join("; ")
            ),
            VersionMissing::YearAfter { year, then, unnamed } => format!(
                "Kho dữ liệu không có văn bản năm {year} mang tên này. Nếu {year} là năm thực hiện, không phải năm ban hành, văn bản mang tên này ban hành gần nhất trước năm {year} là {}; nếu là một văn bản ban hành năm {year}, {}. Có trong kho: {}.",
                labels.get(*then).map_or("", String::as_str),
                if *unnamed {
                    format!("có thể là một văn bản năm {year} kho chỉ biết qua trích dẫn, chưa rõ tên")
                } else {
                    "kho chưa có văn bản đó".to_string()
                },
                labels.join("; ")
            ),
            VersionMissing::AllLater(d) => format!(
                "Kho dữ liệu không có phiên bản nào ban hành trước ngày {:02}/{:02}/{} mang tên này; {which} có trong kho đều ban hành sau: {}. Đây không phải văn bản được dẫn chiếu.",
                d.day,
                d.month,
                d.year,
                labels.join("; ")
            ),
        }
    }
}

/// Whether a name of type `doc_type` that did not resolve, asked with `year` (or none) at
/// `at`, names a version not held: a year none of the versions offered (`candidates`, as
/// their records) has, or, with no year, a date older than every one of them. Only of a law,
/// code, ordinance, constitution or charter is a year a version ("Kế hoạch … năm 2024" names
/// the year a plan covers, signed the year before); a candidate whose record is unknown
/// (`None`) leaves it open. One home for the search box, `show`, the API and the linker.
pub fn version_missing<'a>(
    doc_type: Option<DocType>,
    year: Option<u16>,
    at: Option<Date>,
    candidates: impl IntoIterator<Item = Option<&'a Metadata>>,
) -> Option<VersionMissing> {
    doc_type.filter(|t| t.is_named() || matches!(t, DocType::HienPhap | DocType::DieuLe))?;
    let metas: Vec<&Metadata> = candidates.into_iter().collect::<Option<Vec<_>>>()?;
    if metas.is_empty() {
        return None;
    }
    // A law known only by a citation that gave no name ("Luật số 31/2024/QH15") is offered
    // beside the versions of the name: not a version held, maybe the one cited.
    let unnamed = metas.iter().any(|m| crate::catalog::is_unnamed(m));
    match (year, at) {
        (Some(y), _)
            if metas.iter().filter(|m| !crate::catalog::is_unnamed(m)).all(|m| year_of(m) != Some(y)) =>
        {
            let earlier = metas
                .iter()
                .enumerate()
                .filter(|(_, m)| !crate::catalog::is_unnamed(m) && year_of(m).is_some_and(|v| v < y));
            match earlier.max_by_key(|(_, m)| crate::catalog::signed_or_year(m)) {
                Some((then, _)) => Some(VersionMissing::YearAfter { year: y, then, unnamed }),
                // None of the versions held, but a law of that year known without its name
                // may be it: uncertain, not a version not held.
                None if unnamed => None,
                None => Some(VersionMissing::Year(y)),
            }
        }
        (Some(_), _) => None,
        (None, Some(d)) => metas
            .iter()
            .all(|m| crate::catalog::signed_or_year(m).is_some_and(|s| s > d))
            .then_some(VersionMissing::AllLater(d)),
        (None, None) => None,
    }
}

/// Resolves what a reference asks for (see the module doc for the rules).
pub fn resolve_wanted(w: &Wanted<'_>, catalog: &Catalog, ctx: &Context) -> Resolution {
    if w.self_ref {
        return match &ctx.id {
            Some(id) => Resolution {
                target: Some(id.clone()),
                confidence: Some(Confidence::Exact),
                ..Default::default()
            },
            None => Resolution::default(),
        };
    }
    if let Some(n) = w.number {
        return by_number(w, n, catalog, ctx);
    }
    if let Some(s) = w.serial {
        let cands = prefer_held(catalog.by_serial(s, w.year, w.doc_type), catalog);
        // "Thông tư số 01/2019 của Bộ Lao động - Thương binh và Xã hội": of the documents of
        // that type, serial and year, the one the issuer written names is the number written
        // short (probe 13: six circulars offered).
        if let (true, Some(_), Some(_)) = (cands.len() > 1, w.year, w.doc_type) {
            let named: Vec<&Metadata> = cands
                .iter()
                .copied()
                .filter(|m| {
                    w.issuer.is_some_and(|i| {
                        super::issuer::issuer_named(i, m.issuer.as_deref(), m.canonical.as_deref())
                    })
                })
                .collect();
            if let [one] = named.as_slice() {
                return Resolution::variant(one);
            }
        }
        return match cands.as_slice() {
            [one] if w.year.is_some() && w.doc_type.is_some() => Resolution::exact(one),
            _ => Resolution::ambiguous(&cands),
        };
    }
    let Some(t) = w.doc_type else { return Resolution::default() };
    match (w.name, w.issuer) {
        (Some(name), _) => by_name(w, t, name, catalog, ctx),
        (None, _) if t == DocType::HienPhap => versions(w, &catalog.by_type(t), ctx),
        // "Nghị quyết của Ban Thường vụ Tỉnh ủy": the documents of that type by that body
        // are candidates (the corpus holds few of a body's documents: never a target).
        (None, Some(issuer)) => {
            let body = fold(issuer);
            let cands: Vec<&Metadata> = catalog
                .by_type(t)
                .into_iter()
                .filter(|m| m.issuer.as_deref().is_some_and(|i| fold(i) == body))
                .collect();
            Resolution::ambiguous(&cands)
        }
        (None, None) => Resolution::default(),
    }
}

/// A name: the whole name of a title or alias, then the version; candidates otherwise.
fn by_name(w: &Wanted<'_>, t: DocType, name: &str, catalog: &Catalog, ctx: &Context) -> Resolution {
    let cands = without_miswritten(catalog.by_name(Some(t), name), catalog);
    if cands.is_empty() && matches!(t, DocType::Luat | DocType::BoLuat) && super::query::abbreviated(name) {
        // A code name the table does not list ("Điều 8 LGTĐB": the name "GTĐB"), by the
        // rule of the listed ones: the law whose name it writes, or each law it fits as a
        // candidate, never one chosen (probe 16: only the listed ones were read in texts).
        let day = ctx.date.unwrap_or_else(Date::today);
        let names = super::query::laws_by_initials(catalog, t, name, day);
        if let [(t, full)] = names.as_slice() {
            return by_name(w, *t, full, catalog, ctx);
        }
        let mut docs: Vec<&Metadata> = Vec::new();
        for (t, full) in &names {
            let r = by_name(w, *t, full, catalog, ctx);
            if let Some(m) = r.target.iter().chain(&r.candidates).next().and_then(|id| catalog.get(id)) {
                if !docs.iter().any(|d| d.id == m.id) {
                    docs.push(m);
                }
            }
        }
        return Resolution::ambiguous(&docs);
    }
    if cands.is_empty() {
        let near = catalog.names_near(Some(t), name);
        if let Some(m) = amending_title(w, name, &near) {
            return Resolution::named(m);
        }
        if near.is_empty() && is_amending(name) && t.is_named() {
            // An amending law not held by its title, dated: the laws of that year known only
            // by a number are offered, never chosen ("Luật sửa đổi, bổ sung Điều 6 và Phụ lục
            // 4 … của Luật Đầu tư ngày 22/11/2016" and "Luật số 03/2016/QH14"; probe 17).
            let year = w.year.or(w.date.map(|d| d.year));
            let unnamed: Vec<&Metadata> = year
                .map(|y| catalog.unnamed_of_year(t, y))
                .unwrap_or_default()
                .into_iter()
                .filter(|m| w.date.is_none_or(|d| m.signed.is_none_or(|s| s == d)))
                .collect();
            if !unnamed.is_empty() {
                return Resolution::ambiguous(&unnamed);
            }
        }
        if near.is_empty() {
            // A name written otherwise than the title (other word order, words left out):
            // the records whose name holds all its words are offered, never chosen.
            let mut other = catalog.names_with_words(t, name, w.issuer);
            // A provincial record of another province is not one of them.
            other.retain(|m| match (&m.province, &ctx.province) {
                (Some(a), Some(b)) => fold(a) == fold(b),
                _ => true,
            });
            return Resolution::ambiguous(&citable(other, ctx));
        }
        return Resolution::ambiguous(&citable(near, ctx));
    }
    // A year (or date) after every version held, while a law of that year is known only by
    // a citation that gave no name ("Luật Đất đai 2024" and "Luật số 31/2024/QH15"): that law
    // may be the later version cited, so it is offered first, never chosen (probe 16: only
    // the 2013 law was offered).
    if t.is_named() {
        let year = w.year.or(w.date.map(|d| d.year));
        let held = |m: &&Metadata| match w.date {
            Some(d) => m.signed == Some(d),
            None => year_of(m) == year,
        };
        // Only after a version held: a later version not held (a year before every version
        // held names none of them, nor a law of another name).
        let later = |y: u16| cands.iter().any(|m| year_of(m).is_some_and(|v| v < y));
        if let Some(y) = year.filter(|&y| !cands.iter().any(held) && later(y)) {
            let mut unnamed: Vec<&Metadata> = catalog
                .unnamed_of_year(t, y)
                .into_iter()
                .filter(|m| w.date.is_none_or(|d| m.signed.is_none_or(|s| s == d)))
                .collect();
            if !unnamed.is_empty() {
                // The versions held stay among the candidates listed.
                unnamed.truncate(MAX_CANDIDATES.saturating_sub(cands.len()).max(1));
                unnamed.extend(cands.iter().copied());
                return Resolution::ambiguous(&unnamed);
            }
        }
    }
    // Amending laws sharing a title ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức
    // Quốc hội" of 2020 and of 2025) are separate acts, not versions of one: without a date,
    // a year or a number, none is the one in force (probe 13: the newest was chosen).
    // One held is no surer: an amending title is reused for every amendment of a law, and
    // the others may not be held (probe 16: a title cut short went to a 2003 amendment).
    if w.date.is_none() && w.year.is_none() && is_amending(name) {
        let mut newest_first = citable(cands, ctx);
        newest_first.sort_by_key(|m| std::cmp::Reverse(crate::catalog::signed_or_year(m)));
        return Resolution::ambiguous(&newest_first);
    }
    versions(w, &cands, ctx)
}

/// The candidates a text could cite: none signed after its date (a law of 2024 is no
/// candidate for a name in a circular of 2013; probe 18). A date a user asks for keeps them
/// all (the notices say which versions came later).
fn citable<'a>(mut cands: Vec<&'a Metadata>, ctx: &Context) -> Vec<&'a Metadata> {
    if let (Some(d), false) = (ctx.date, ctx.asked) {
        cands.retain(|m| crate::catalog::signed_or_year(m).is_none_or(|s| s <= d));
    }
    cands
}

/// Whether a name is an amending law's title ("sửa đổi, bổ sung …", "sửa đổi …").
fn is_amending(name: &str) -> bool {
    crate::catalog::name_key(name).starts_with("sua doi")
}

/// The versions of one name without the records known only by a citation that miswrote a
/// held version's number: the same serial with the same symbol or the same year ("Luật Ngân
/// sách nhà nước 83/2016/QH13", cited once in a circular of 2014, is the held 83/2015/QH13;
/// "04/2007/QH11" is the held 04/2007/QH12). Such a record is no version of its own: as the
/// newest, it would answer for the name with no text. It stays for its number.
fn without_miswritten<'a>(cands: Vec<&'a Metadata>, catalog: &Catalog) -> Vec<&'a Metadata> {
    fn parts(m: &Metadata) -> Option<number::Parts<'_>> {
        m.canonical.as_deref().and_then(number::parts)
    }
    let serial = |p: &number::Parts<'_>| p.serial.trim_start_matches('0').to_string();
    let held: Vec<number::Parts<'_>> =
        cands.iter().filter(|m| !catalog.is_cited_only(&m.id)).filter_map(|m| parts(m)).collect();
    cands
        .iter()
        .copied()
        .filter(|m| {
            !catalog.is_cited_only(&m.id)
                || parts(m).is_none_or(|p| {
                    !held.iter().any(|h| {
                        serial(h) == serial(&p)
                            && (h.symbol == p.symbol || (h.year.is_some() && h.year == p.year))
                    })
                })
        })
        .collect()
}

/// An amending law cited by its title and date whose catalogued title adds only the base
/// law's number ("Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 20 tháng 6 năm
/// 2017" → "… của Bộ luật Hình sự số 100/2015/QH13", signed 2017-06-20): the one candidate
/// whose title is the name written followed by "số …" and that was signed on the date
/// written. Without a date, or with two such candidates, none.
fn amending_title<'c>(w: &Wanted<'_>, name: &str, near: &[&'c Metadata]) -> Option<&'c Metadata> {
    let date = w.date?;
    if !is_amending(name) {
        return None;
    }
    let key = crate::catalog::name_key(name);
    let numbered = format!("{key} so ");
    let mut fits = near.iter().filter(|m| {
        m.signed == Some(date)
            && std::iter::once(m.title.as_str())
                .chain(m.aliases.iter().map(String::as_str))
                .any(|n| crate::catalog::name_key(n).starts_with(&numbered))
    });
    let one = fits.next()?;
    fits.next().is_none().then_some(*one)
}

/// Chooses among the versions sharing a name: the one signed on the date written (none:
/// ambiguous — the date names another document, e.g. an amending law), else of the year
/// written, else the one in force at the citing (or asked) date ([`pick_version`]); the
/// others are offered ([`Resolution::others`]).
fn versions(w: &Wanted<'_>, cands: &[&Metadata], ctx: &Context) -> Resolution {
    if cands.is_empty() {
        return Resolution::default();
    }
    // Offered newest first when none is chosen.
    let mut newest_first = cands.to_vec();
    newest_first.sort_by_key(|m| std::cmp::Reverse(m.signed));
    let cands = newest_first.as_slice();
    if let Some(d) = w.date {
        let dated: Vec<&Metadata> = cands.iter().copied().filter(|m| m.signed.is_some()).collect();
        if let Some(m) = dated.iter().find(|m| m.signed == Some(d)) {
            return Resolution::version_of(m, cands);
        }
        // A version known only by its number ("Luật … số 07/1998/QH10", cited without its
        // date) is the one a date of its number's year names, when it alone has that year
        // and no dated version does: "Luật quốc tịch Việt Nam ngày 20 tháng 5 năm 1998" beside
        // the 2008 law held (probe 16: the replacement was missed). Two of that year: unsure.
        let undated: Vec<&Metadata> =
            cands.iter().copied().filter(|m| m.signed.is_none() && year_of(m) == Some(d.year)).collect();
        if let [m] = undated.as_slice() {
            if !dated.iter().any(|o| year_of(o) == Some(d.year)) {
                return Resolution::version_of(m, cands);
            }
        }
        if !dated.is_empty() {
            return Resolution::ambiguous(cands);
        }
    }
    if let Some(y) = w.year {
        let of_year: Vec<&Metadata> = cands.iter().copied().filter(|m| year_of(m) == Some(y)).collect();
        return match of_year.as_slice() {
            [one] => Resolution::version_of(one, cands),
            [] if cands.iter().all(|m| year_of(m).is_none()) && cands.len() == 1 => {
                Resolution::named(cands[0])
            }
            [] => Resolution::ambiguous(cands),
            many => Resolution::ambiguous(many),
        };
    }
    if let (true, Some(d)) = (ctx.amended, ctx.date) {
        // The newest enacted by the amending law's date (a record without a date counts as
        // of its number's year); none: the version amended is not held; a tie: unsure.
        let mut enacted: Vec<(Date, &Metadata)> = cands
            .iter()
            .filter_map(|m| crate::catalog::signed_or_year(m).filter(|s| *s <= d).map(|s| (s, *m)))
            .collect();
        enacted.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
        return match enacted.as_slice() {
            [] => Resolution::default(),
            // Two of the same date, or the newest known by its number's year only, of the
            // amending law's year: unsure which came first.
            [(s, _), (t, _), ..] if s == t => Resolution::ambiguous(cands),
            [(s, m), ..] if m.signed.is_none() && s.year == d.year => Resolution::ambiguous(cands),
            [(_, m), ..] => Resolution::version_of(m, cands),
        };
    }
    // The version the text rests on.
    if let Some(m) = cands.iter().filter(|_| !ctx.asked).find(|m| ctx.basis.contains(&m.id)) {
        return Resolution::version_of(m, cands);
    }
    match pick_version(cands, None, ctx.date) {
        Some(m) => match ctx.date.filter(|_| !ctx.asked).and_then(|d| pending_at(m, cands, d)) {
            // Between a new version's signing and its entry into force, a bare name may mean
            // either: the one applied then, or the one the text is written to carry out.
            Some(p) => Resolution::ambiguous(&[p, m]),
            None => Resolution::version_of(m, cands),
        },
        None => Resolution::ambiguous(cands),
    }
}

/// A version newer than `m` (the one in force at `d`) signed by `d` but in force only after
/// it: a text of that window citing the bare name ("Bộ luật Hình sự" in 2017, the 2015 code
/// signed, in force from 2018) may mean either. Only dates the catalog holds count.
fn pending_at<'a>(m: &Metadata, cands: &[&'a Metadata], d: Date) -> Option<&'a Metadata> {
    cands
        .iter()
        .copied()
        .filter(|p| p.id != m.id)
        .filter(|p| p.signed.is_some_and(|s| s <= d && m.signed.is_none_or(|ms| s > ms)))
        .filter(|p| p.effective.is_some_and(|e| e > d))
        .max_by_key(|p| p.signed)
}

fn by_number(w: &Wanted<'_>, n: &str, catalog: &Catalog, ctx: &Context) -> Resolution {
    // A serial and year without a symbol ("NĐ 145/2020"): as a serial.
    if let Some((serial, year)) = n.split_once('/').filter(|(a, b)| {
        a.bytes().all(|c| c.is_ascii_alphanumeric()) && b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit())
    }) {
        let wanted = Wanted { number: None, serial: Some(serial), year: year.parse().ok(), ..w.clone() };
        return resolve_wanted(&wanted, catalog, ctx);
    }
    let mut cands = if n.bytes().all(|b| b.is_ascii_digit()) {
        let central = bare(w, n, catalog);
        if central.is_empty() && w.doc_type.is_some() {
            // "NĐ145", "Quyết định số 217" of no central Party body: the documents of that
            // type and serial are candidates, never a target — those of the issuer written,
            // when one is.
            let cands: Vec<&Metadata> = catalog
                .by_serial(n, None, w.doc_type)
                .into_iter()
                .filter(|m| w.issuer.is_none() || issuers_agree(w.issuer, m.issuer.as_deref()))
                .collect();
            // The date (or year) written names one of them ("Nghị định số 59 ngày 14/8/2023"):
            // that one, the number written short.
            if let Some(one) = picked_by_date(w, &cands) {
                return Resolution::variant(one);
            }
            return Resolution::ambiguous(&prefer_held(cands, catalog));
        }
        central
    } else {
        catalog.by_number_and_type(n, w.doc_type)
    };
    if cands.is_empty() {
        cands = party_variant(w, n, catalog, true);
        if cands.is_empty() {
            // The other spelling with nothing to confirm it: a candidate, not a target.
            let unconfirmed = party_variant(w, n, catalog, false);
            if !unconfirmed.is_empty() {
                return Resolution::ambiguous(&unconfirmed);
            }
            return written_otherwise(w, n, catalog, ctx);
        }
    }
    // A central Party number names one document within its congress term: a document of
    // another term is another document, never the one cited — nor, the term unsaid, one
    // signed after the citing text (a later term's).
    let all = cands.len();
    if let Some(term) = number::party::term_of(w.date, w.year, w.issuer) {
        cands.retain(|m| term_of_record(m).is_none_or(|t| t == term));
    } else if let Some(at) = ctx.date {
        cands.retain(|m| term_of_record(m).is_none() || m.signed.is_none_or(|s| s <= at));
    }
    if all > 0 && cands.is_empty() {
        return Resolution::default();
    }
    let mut cands = match in_province(w, n, cands, ctx) {
        Ok(c) => c,
        Err(c) => return Resolution::ambiguous(&c),
    };
    if cands.len() > 1 {
        if let Some(d) = w.date {
            let same: Vec<_> = cands.iter().copied().filter(|m| m.signed == Some(d)).collect();
            if !same.is_empty() {
                cands = same;
            }
        }
    }
    match cands.as_slice() {
        [] => Resolution::default(),
        [one] => Resolution::exact(one),
        many => Resolution::ambiguous(many),
    }
}

/// A provincial Party number (`66-NQ/TU`) repeats in every province: of several documents
/// (or one of a province), those of the province named in the issuer, else of the citing
/// document's province (`Ok`); with none known and several documents, `Err` with them all.
/// Other numbers are left as they are.
fn in_province<'a>(
    w: &Wanted<'_>,
    n: &str,
    mut cands: Vec<&'a Metadata>,
    ctx: &Context,
) -> Result<Vec<&'a Metadata>, Vec<&'a Metadata>> {
    if is_local_party(n) && (cands.len() > 1 || cands.iter().any(|m| m.province.is_some())) {
        match issuer_province(w, &cands).or_else(|| ctx.province.clone()) {
            Some(p) => cands.retain(|m| m.province.as_deref().is_none_or(|mp| fold(mp) == fold(&p))),
            None if cands.len() > 1 => return Err(cands),
            None => {}
        }
    }
    Ok(cands)
}

/// A number the catalog does not hold as written with its type: the documents it can only
/// be ([`Confidence::Variant`]), else candidates.
/// - Another spelling of a document's number ([`number::spelling`]: "4/2015/NĐ-CP",
///   "08/2011/TT-BLĐ-TBXH", joint bodies in another order, "30/CT-TW" for `30-CT/TW`), or
///   the number itself under a type word its symbol contradicts ("Quyết định số 124-QĐ/TW"
///   for the Quy định): that document when it is the only one whose date agrees with the
///   date or year written (a type word's own family first); a date that contradicts leaves
///   it a candidate, never the target.
/// - The number with its year left out ("145/NĐ-CP", [`number::year_left_out`]): only the
///   one document the date (or year) written names; without one, candidates.
fn written_otherwise(w: &Wanted<'_>, n: &str, catalog: &Catalog, ctx: &Context) -> Resolution {
    let Some(p) = number::parts(n) else { return Resolution::default() };
    // A spelling keeps the year: a number with one looks among that year's only.
    let same_serial = catalog.by_serial(p.serial, p.year, None);
    let is = |m: &&Metadata, f: &dyn Fn(&str) -> bool| m.canonical.as_deref().is_some_and(f);
    let mut sure: Vec<&Metadata> =
        same_serial.iter().copied().filter(|m| is(m, &|r| number::spelling(n, r).is_some())).collect();
    for m in catalog.by_number(n) {
        if !sure.iter().any(|s| s.id == m.id) {
            sure.push(m);
        }
    }
    // Of another type than the word written, only a document whose type the symbol itself
    // names ("QĐ": Quyết định or Quy định; "NĐ": Nghị định): the National Assembly's laws
    // and resolutions share their numbers ("…/QH12"), so a Nghị quyết is not a Luật.
    sure.retain(|m| {
        w.doc_type.is_none_or(|t| crate::catalog::same_family(t, m.doc_type)) || symbol_names(n, m.doc_type)
    });
    if !sure.is_empty() {
        // "66/NQ-TU" for a provincial Party number is scoped by province as that number is.
        let local = sure.iter().filter_map(|m| m.canonical.as_deref()).find(|c| is_local_party(c));
        let sure = match in_province(w, local.unwrap_or(n), sure, ctx) {
            Ok(c) => c,
            Err(c) => return Resolution::ambiguous(&c),
        };
        let mut fits: Vec<&Metadata> = sure.iter().copied().filter(|m| !date_contradicts(w, m)).collect();
        if let Some(t) = w.doc_type {
            if fits.iter().any(|m| crate::catalog::same_family(m.doc_type, t)) {
                fits.retain(|m| crate::catalog::same_family(m.doc_type, t));
            }
        }
        return match fits.as_slice() {
            [one] => Resolution::variant(one),
            [] => Resolution::ambiguous(&sure),
            many => picked_by_date(w, many).map_or_else(|| Resolution::ambiguous(many), Resolution::variant),
        };
    }
    // The name written beside it names one document of that serial and year: that one, its
    // number miswritten ("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH14" for 10/2022/QH15;
    // trial 9: "chưa tìm thấy", and the bare name after it lost too).
    if let (Some(name), Some(_)) = (w.name, p.year) {
        let k = crate::catalog::name_key(name);
        let named: Vec<&Metadata> = same_serial
            .iter()
            .copied()
            .filter(|m| w.doc_type.is_none_or(|t| crate::catalog::same_family(t, m.doc_type)))
            .filter(|m| {
                crate::catalog::name_key(&m.title) == k
                    || m.aliases.iter().any(|a| crate::catalog::name_key(a) == k)
            })
            .collect();
        if let [one] = named.as_slice() {
            return Resolution::variant(one);
        }
    }
    let yearless: Vec<&Metadata> =
        same_serial.into_iter().filter(|m| is(m, &|r| number::year_left_out(n, r))).collect();
    match picked_by_date(w, &yearless) {
        Some(one) => Resolution::variant(one),
        None => Resolution::ambiguous(&prefer_held(yearless, catalog)),
    }
}

/// Whether a number is a provincial (not central) Party number, which every province repeats.
fn is_local_party(n: &str) -> bool {
    number::party::is_local(n)
}

/// Whether the type abbreviation of a number's symbol ("QĐ" of `124-QĐ/TW`, "NĐ" of
/// `105/2017/NĐ-CP`; [`crate::cite::patterns::TYPE_ABBREVIATIONS`]) stands for type `t`; "QĐ"
/// stands for Quy định too, written so before "QĐi" was.
fn symbol_names(n: &str, t: DocType) -> bool {
    let Some(p) = number::parts(n) else { return false };
    let head = match p.shape {
        Shape::Party => p.symbol.split('/').next(),
        _ => p.symbol.split('-').next(),
    };
    let Some(head) = head.map(fold) else { return false };
    crate::cite::patterns::TYPE_ABBREVIATIONS
        .iter()
        .filter(|(a, _)| fold(a) == head)
        .any(|(_, at)| *at == t || (*at == DocType::QuyetDinh && t == DocType::QuyDinh))
}

/// Whether the date (or, without one, the year) written contradicts a document's: a
/// document of another day or year is not the one cited, whatever its number.
fn date_contradicts(w: &Wanted<'_>, m: &Metadata) -> bool {
    match (w.date, m.signed) {
        (Some(d), Some(s)) => d != s,
        (Some(d), None) => year_of(m).is_some_and(|y| y != d.year),
        (None, _) => w.year.zip(year_of(m)).is_some_and(|(a, b)| a != b),
    }
}

/// The one document of `cands` signed on the date written (without a date: of the year
/// written); `None` without either, or unless exactly one fits.
fn picked_by_date<'a>(w: &Wanted<'_>, cands: &[&'a Metadata]) -> Option<&'a Metadata> {
    let fits = |m: &&&Metadata| match (w.date, w.year) {
        (Some(d), _) => m.signed == Some(d),
        (None, Some(y)) => year_of(m) == Some(y),
        (None, None) => false,
    };
    let mut picked = cands.iter().filter(fits);
    let one = picked.next()?;
    picked.next().is_none().then_some(*one)
}

/// The candidates of a bare serial ("NĐ145", "nghị định 145"): those the corpus holds, when
/// any — a document known only by citation is offered only when no held one fits — newest
/// first (a serial written without its year most often means a recent document).
fn prefer_held<'a>(cands: Vec<&'a Metadata>, catalog: &Catalog) -> Vec<&'a Metadata> {
    let mut cands = if cands.iter().any(|m| !catalog.is_cited_only(&m.id)) {
        cands.into_iter().filter(|m| !catalog.is_cited_only(&m.id)).collect()
    } else {
        cands
    };
    cands.sort_by(|a, b| b.signed.cmp(&a.signed).then_with(|| a.id.cmp(&b.id)));
    cands
}

/// A province named in the citation's issuer ("Ban Thường vụ Tỉnh ủy Yên Bái").
fn issuer_province(w: &Wanted<'_>, cands: &[&Metadata]) -> Option<String> {
    let issuer = fold(w.issuer?);
    cands.iter().filter_map(|m| m.province.as_deref()).find(|p| issuer.contains(&fold(p))).map(String::from)
}

/// `11-QĐ/TW` for `11-QĐi/TW` (and the reverse), of the same type; when `confirmed`, only
/// those whose date (or, without one, issuer) agrees with the written one.
fn party_variant<'a>(w: &Wanted<'_>, n: &str, catalog: &'a Catalog, confirmed: bool) -> Vec<&'a Metadata> {
    let Some(p) = number::parts(n) else { return Vec::new() };
    if p.shape != Shape::Party {
        return Vec::new();
    }
    let other = if let Some(rest) = p.symbol.strip_prefix("QĐi/") {
        format!("{}-QĐ/{rest}", p.serial)
    } else if let Some(rest) = p.symbol.strip_prefix("QĐ/") {
        format!("{}-QĐi/{rest}", p.serial)
    } else {
        return Vec::new();
    };
    // Unconfirmed, the type is not held against it either: "QĐ" is written for both.
    let found =
        if confirmed { catalog.by_number_and_type(&other, w.doc_type) } else { catalog.by_number(&other) };
    found
        .into_iter()
        .filter(|m| {
            !confirmed
                || match (w.date, m.signed) {
                    (Some(a), Some(b)) => a == b,
                    (Some(_), None) => false,
                    (None, _) => issuers_agree(w.issuer, m.issuer.as_deref()),
                }
        })
        .collect()
}

fn issuers_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (fold(a), fold(b));
            a.contains(&b) || b.contains(&a)
        }
        _ => false,
    }
}

/// A bare serial ("Quyết định số 217 … của Bộ Chính trị"): the central Party numbers it can
/// only be, when the issuer is a central Party body.
fn bare<'a>(w: &Wanted<'_>, n: &str, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let Some(issuer) = w.issuer.map(fold) else { return Vec::new() };
    let central =
        ["bo chinh tri", "ban bi thu", "ban chap hanh trung uong"].iter().any(|b| issuer.starts_with(b));
    if !central {
        return Vec::new();
    }
    let kinds: &[&str] = match w.doc_type {
        Some(DocType::QuyetDinh) => &["QĐ"],
        Some(DocType::QuyDinh) => &["QĐi", "QĐ"],
        Some(DocType::ChiThi) => &["CT"],
        Some(DocType::NghiQuyet) => &["NQ"],
        Some(DocType::KetLuan) => &["KL"],
        _ => &[],
    };
    kinds.iter().flat_map(|k| catalog.by_number_and_type(&format!("{n}-{k}/TW"), w.doc_type)).collect()
}

#[cfg(test)]
mod tests;
