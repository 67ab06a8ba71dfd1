//! Find: one Aho-Corasick pass over the cleaned text for the first words of type words,
//! pinpoint words, type abbreviations (in text and inside numbers' symbols), code names and
//! standards' prefixes (see [`super::patterns`]); at each hit a small hand-written reader takes
//! the reference apart (type, "số", number or list of numbers, date, issuer, or the name of an
//! unnumbered document; pinpoints before it). The text between hits is never looked at twice.
//! A last pass links short names defined in the text ("(sau đây gọi là Luật PPP)") to their
//! later uses, and nested references to the one they are named in.

use super::citation::{Citation, Pinpoint};
use super::clean::Cleaned;
use super::lexicon::{key, Lexicon};
use super::patterns::{
    scanner, Trigger, Unnumbered, ALIAS_INTRODUCERS, ASSEMBLIES, ATTACHED, CODE_NAMES, CODE_PREFIXES,
    CONCEPTS, FORM_WORDS, GENERIC_BODIES, IMPLEMENTING, NO_LOWER_SELF, PLURALS, STANDARDS,
    TEXT_ABBREVIATIONS, TYPE_ABBREVIATIONS, TYPE_WORDS, WRITING_VERBS,
};
use super::pinpoint;
use super::read::{self, When};
use super::scan::{
    at_word_end, at_word_start, char_at, char_before, eat_phrase, has_newline, is_capitalized, preceded_by,
    skip_spaces, skip_ws, word_at, word_is,
};
use crate::model::{Date, DocType};
use crate::number::Shape;
use crate::text::fold;

/// A reading in cleaned-text coordinates, before spans are mapped back to the input.
#[derive(Debug, Clone, Default)]
struct Found {
    start: usize,
    end: usize,
    doc_type: Option<DocType>,
    number: Option<String>,
    date: Option<Date>,
    year: Option<u16>,
    issuer: Option<String>,
    name: Option<String>,
    pinpoint: Option<Pinpoint>,
    self_ref: bool,
    /// The span of the reference this one is named in.
    within: Option<(usize, usize)>,
    /// The span of the reference whose short name this one uses.
    alias_of: Option<(usize, usize)>,
}

/// Finds and reads every citation in `input`, in text order, with the built-in
/// [`Lexicon`] of names.
pub fn extract(input: &str) -> Vec<Citation> {
    extract_with(input, Lexicon::builtin())
}

/// Finds and reads every citation in `input`, in text order; names are bounded by `lex`.
pub fn extract_with(input: &str, lex: &Lexicon) -> Vec<Citation> {
    let clean = Cleaned::new(input);
    let t: &str = clean.text();
    let r = Reader { t, lex, headings: std::cell::OnceCell::new() };
    let mut found = r.scan(0, t.len());
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    found.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.pinpoint == b.pinpoint);
    let found = amended_after_number(t, short_names(t, found));
    let index_of = |span: Option<(usize, usize)>, found: &[Found]| {
        span.and_then(|(s, e)| found.iter().position(|f| f.start == s && f.end == e && f.within.is_none()))
    };
    found
        .iter()
        .map(|f| {
            let (start, end) = clean.span(f.start, f.end);
            Citation {
                text: input[start..end].to_string(),
                start,
                end,
                doc_type: f.doc_type,
                number: f.number.clone(),
                date: f.date,
                year: f.year,
                issuer: f.issuer.clone(),
                name: f.name.clone(),
                pinpoint: f.pinpoint.clone(),
                self_ref: f.self_ref,
                target: None,
                confidence: None,
                candidates: Vec::new(),
                within: index_of(f.within, &found),
                alias_of: index_of(f.alias_of, &found),
            }
        })
        .collect()
}

/// A short name defined in the text: (type, name key, defining span, end of the parentheses,
/// name as written, end of the reference the parentheses follow — the defining one, or the
/// last law of the amendments listed after it).
type ShortName = (DocType, String, (usize, usize), usize, String, usize);

/// The most base laws an amending law's title names one by one ("… của Luật Đầu tư công, Luật
/// Đầu tư theo phương thức đối tác công tư, … và Luật Thi hành án dân sự ngày 11 tháng 01 năm
/// 2022" names nine; a title past this many is cut and its date goes to the last law read).
const MAX_AMENDED: usize = 30;

/// Base laws named after a numbered amending law ("Luật số 36/2013/QH13 sửa đổi, bổ sung một
/// số điều của Luật Cư trú"): inside it, as in an amending title read by name, so that each
/// is the version the amending law amended (the one in force today had answered).
fn amended_after_number(t: &str, mut found: Vec<Found>) -> Vec<Found> {
    let law = |f: &Found| f.doc_type.is_some_and(DocType::is_named);
    let mut i = 0;
    while i < found.len() {
        let f = &found[i];
        if !(law(f) && f.number.is_some() && f.within.is_none() && f.pinpoint.is_none()) {
            i += 1;
            continue;
        }
        let span = (f.start, f.end);
        let mut p = skip_ws(t, f.end);
        if char_at(t, p) == Some(',') {
            p = skip_ws(t, p + 1);
        }
        if let Some(z) = eat_phrase(t, p, "về") {
            p = skip_ws(t, z);
        }
        let Some(mut q) = eat_phrase(t, p, "sửa đổi") else {
            i += 1;
            continue;
        };
        let mut r = skip_ws(t, q);
        if char_at(t, r) == Some(',') {
            r = skip_ws(t, r + 1);
        }
        if let Some(z) = eat_phrase(t, r, "bổ sung") {
            q = z;
        }
        if let Some(z) = eat_phrase(t, skip_ws(t, q), "một số điều") {
            q = z;
        }
        let Some(z) = eat_phrase(t, skip_ws(t, q), "của") else {
            i += 1;
            continue;
        };
        // The laws listed there, joined by commas and "và".
        let mut at = skip_ws(t, z);
        let mut j = i + 1;
        while let Some(g) = found.get_mut(j).filter(|g| g.start == at && law(g) && g.number.is_none()) {
            g.within = Some(span);
            let next = skip_ws(t, g.end);
            at = match char_at(t, next) {
                Some(',') => skip_ws(t, next + 1),
                _ => match eat_phrase(t, next, "và") {
                    Some(z) => skip_ws(t, z),
                    None => break,
                },
            };
            j += 1;
        }
        i = j.max(i + 1);
    }
    found
}

/// "Trung ương 4 khóa XII" at `p`: a plenum of the Central Committee named by its number
/// alone ("Nghị quyết Trung ương 4"), as people write "Hội nghị Trung ương 4".
fn plenum(t: &str, p: usize) -> bool {
    eat_phrase(t, p, "trung ương")
        .map(|z| skip_spaces(t, z))
        .is_some_and(|q| char_at(t, q).is_some_and(|c| c.is_ascii_digit()))
}

/// Words naming a treaty, whose subject may be written like a law's name ("Công ước Luật
/// Biển"); "Nghị định thư" is a protocol, not a decree.
const TREATIES: &[&str] = &["công ước", "hiệp định", "hiệp ước", "điều ước", "nghị định thư"];

/// Whether the type word at `s` is the subject of a treaty named just before it: right after
/// the treaty's word ("Công ước Luật Biển 1982"), or after "về" with "Công ước" within the few
/// words before ("Công ước của Liên Hợp quốc về Luật Biển").
fn convention_subject(t: &str, s: usize) -> bool {
    if preceded_by(t, s, TREATIES) {
        return true;
    }
    if !preceded_by(t, s, &["về"]) {
        return false;
    }
    let from = s.saturating_sub(80);
    let from = (from..s).find(|&i| t.is_char_boundary(i)).unwrap_or(s);
    crate::text::fold(&t[from..s]).to_lowercase().contains("cong uoc")
}

/// The type of a further number in a list of one type word (`list`): its symbol's type
/// ("các văn bản: Quyết định số …, số 01/2012/TTLT-…"), except where "QĐ" may stand for the
/// list's Quy định as well as Quyết định, and a Party symbol's, which names no type (probe
/// 13: "các Quy định số 11-QĐi/TW …, số 124-QĐ/TW" made the second a Quyết định).
fn member_type(number: &str, list: Option<DocType>) -> Option<DocType> {
    let own = crate::number::parts(number)
        .filter(|p| p.shape != Shape::Party)
        .and_then(|p| DocType::from_symbol(p.symbol));
    match (own, list) {
        (Some(DocType::QuyetDinh), Some(DocType::QuyDinh)) => list,
        _ => own.or(list),
    }
}

/// Most words of what a list's plural type word says of its members before the colon.
const LIST_DESCRIPTION_WORDS: usize = 8;

/// The end of a short lower-case description at `i` — "các Thông tư sửa đổi, bổ sung: số …",
/// "các Quyết định có liên quan: số …" — when a colon follows it on the same line (a name, a
/// number or a line break in between: `i`, nothing described).
fn described(t: &str, i: usize) -> usize {
    let mut q = i;
    let mut words = 0;
    while let Some((w, e)) = word_at(t, q) {
        if words == LIST_DESCRIPTION_WORDS || is_capitalized(w) || w.bytes().any(|b| b.is_ascii_digit()) {
            return i;
        }
        words += 1;
        q = e;
        if char_at(t, q) == Some(',') {
            q += 1;
        }
        q = skip_spaces(t, q);
        if char_at(t, q) == Some(':') {
            return q;
        }
    }
    i
}

/// How a short name that is a serial ("sau đây gọi là Nghị định 145", "Luật số 69") is keyed
/// among the names: apart from any name, leading zeros dropped ("05" = "5").
fn serial_key(serial: &str) -> String {
    format!("#{}", crate::number::serial_key(serial))
}

/// A short serial a text may define or use as a short name: digits, or digits and a year
/// ("145", "33/2009").
fn short_serial(s: &str) -> bool {
    let (serial, year) = s.split_once('/').unwrap_or((s, "0000"));
    !serial.is_empty()
        && serial.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// Short names: a reference followed by "(sau đây gọi là Luật PPP)" defines "PPP" for its
/// type; the reading of the short name inside the parentheses is dropped, and every later
/// reference by that type and name points to the defining one.
fn short_names(t: &str, found: Vec<Found>) -> Vec<Found> {
    let mut defs: Vec<ShortName> = Vec::new();
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found {
        if defs.iter().any(|d| f.start >= d.5 && f.end <= d.3) {
            continue;
        }
        // The short names defined before `f`, of its type's family.
        let (start, ty) = (f.start, f.doc_type);
        let defined = |d: &&ShortName| ty.is_some_and(|t| same_family(d.0, t)) && start >= d.3;
        if let (Some(dt), None, Some(n)) = (f.doc_type, &f.name, &f.number) {
            // "Điều 5 Nghị định 145" after "(sau đây gọi là Nghị định 145)".
            if short_serial(n) {
                let k = serial_key(n);
                if let Some(d) = defs.iter().rev().filter(defined).find(|d| d.1 == k) {
                    f.alias_of = Some(d.2);
                } else if f.date.is_none() && f.year.is_none() && n.bytes().all(|b| b.is_ascii_digit()) {
                    // "Thông tư số 50" after "Thông tư số 50/2014/TT-BYT" in the same text: the
                    // one whole number of that type and serial cited before.
                    let full = |g: &&Found| {
                        g.within.is_none()
                            && g.doc_type.is_some_and(|t| same_family(t, dt))
                            && g.number.as_deref().is_some_and(|m| {
                                crate::number::parts(m)
                                    .is_some_and(|p| p.year.is_some() && serial_key(p.serial) == k)
                            })
                    };
                    let mut whole = out.iter().filter(full);
                    if let Some(g) = whole.next() {
                        let same = |h: &Found| h.number.as_deref().map(crate::number::key);
                        if whole.all(|h| same(h) == same(g)) {
                            f.alias_of = Some((g.start, g.end));
                        }
                    }
                }
            }
        }
        if let (Some(_), Some(name), None) = (f.doc_type, f.name.clone(), &f.number) {
            let k = key(&name);
            let name_at = t[f.start..f.end].find(name.as_str()).map(|j| f.start + j);
            if let Some(d) = defs.iter().rev().filter(defined).find(|d| d.1 == k) {
                f.alias_of = Some(d.2);
            } else if let Some((d, at)) = name_at.and_then(|at| {
                // "Luật Rượu, bia" after "(sau đây gọi là Luật Rượu, bia)": the short name holds
                // what the name reader stops at (a comma before a lower-case word; probe 13).
                defs.iter()
                    .rev()
                    .filter(defined)
                    .find(|d| d.1.starts_with(&format!("{k} ")) && t[at..].starts_with(d.4.as_str()))
                    .map(|d| (d, at))
            }) {
                f.end = at + d.4.len();
                f.name = Some(d.4.clone());
                f.alias_of = Some(d.2);
            } else if let Some(d) = defs.iter().rev().filter(defined).find(|d| {
                // "Luật PPP và …": the short name, then a word that ends a name.
                k.strip_prefix(&d.1)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .and_then(|rest| rest.split(' ').next())
                    .is_some_and(|w| super::patterns::NAME_STOPS.iter().any(|s| key(s) == w))
            }) {
                if let Some(at) = t[f.start..f.end].find(d.4.as_str()) {
                    f.end = f.start + at + d.4.len();
                    f.name = Some(d.4.clone());
                    f.date = None;
                    f.alias_of = Some(d.2);
                }
            }
        }
        if f.within.is_none() && !f.self_ref {
            if let Some((dt, name, close)) = alias_definition(t, f.end) {
                let k = if name.starts_with('#') { name.clone() } else { key(&name) };
                let head = if f.doc_type.is_some_and(|t| same_family(t, dt)) {
                    Some(amended_head(t, &out, &f, (&name, close)).unwrap_or((f.start, f.end)))
                } else {
                    defined_earlier(t, &out, &f, dt, &k)
                };
                if let Some(head) = head {
                    defs.push((dt, k, head, close, name, f.end));
                }
            }
        }
        out.push(f);
    }
    out
}

/// The document a short name of another type than the reference just before it names:
/// "Nghị định số 54/2017/NĐ-CP … quy định chi tiết … Luật Dược (sau đây gọi tắt là Nghị định
/// 54)" defines the decree, whose subject named the law (probe 17: the short name went to the
/// law, and "Điều 93 Nghị định 54" with it). The nearest earlier reference of the short name's
/// family in the same clause (no ";" or line between), of the same serial when the short name
/// is one; none, and no short name, otherwise.
fn defined_earlier(t: &str, before: &[Found], f: &Found, dt: DocType, k: &str) -> Option<(usize, usize)> {
    let g = before.iter().rev().find(|g| {
        g.within.is_none()
            && !g.self_ref
            && g.end <= f.start
            && g.doc_type.is_some_and(|t| same_family(t, dt))
    })?;
    if t[g.end..f.start].contains([';', '\n']) {
        return None;
    }
    let serial = |n: &str| crate::number::parts(n).map(|p| serial_key(p.serial));
    if k.starts_with('#') && g.number.as_deref().and_then(serial).as_deref() != Some(k) {
        return None;
    }
    Some((g.start, g.end))
}

/// Whether `f` is an amending law cited by a title that names `g`'s law as the one it amends
/// ("sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế" for "Luật Bảo hiểm y tế"), of one
/// family.
fn amends_by_title(f: &Found, g: &Found) -> bool {
    let (Some(fname), Some(gname), Some(gt)) = (f.name.as_deref(), g.name.as_deref(), g.doc_type) else {
        return false;
    };
    let (fk, gk) = (key(fname), key(gname));
    let family = f.doc_type.is_some_and(|a| same_family(a, gt));
    // The law named whole among those the title lists: its type word, its name, then the
    // title's end or the next law ("… của Luật Đầu tư công, Luật Đầu tư …"), never a longer
    // name ("Luật Đầu tư" is not "Luật Đầu tư công").
    let named = format!(" {} {gk}", key(gt.as_vi()));
    let listed = fk.match_indices(&named).any(|(i, m)| {
        let rest = &fk[i + m.len()..];
        rest.is_empty()
            || ["luat ", "bo luat ", "phap lenh ", "va "].iter().any(|n| rest.starts_with(&format!(" {n}")))
    });
    family && !gk.is_empty() && fk.starts_with("sua doi") && listed
}

/// "(GTGT)" at `i`, an abbreviation in parentheses (capitals only, at most ten): its end.
fn abbreviation_in_parentheses(t: &str, i: usize) -> Option<usize> {
    (char_at(t, i) == Some('(')).then_some(())?;
    let close = t[i + 1..].char_indices().take(12).find(|&(_, c)| c == ')').map(|(j, _)| i + 1 + j)?;
    let inside = &t[i + 1..close];
    (inside.chars().count() >= 2 && inside.chars().all(|c| c.is_uppercase())).then_some(close + 1)
}

/// The document a list of its amendments follows, when the reference before a short name's
/// definition is the last of them: "Bộ luật Hình sự số 100/2015/QH13, đã được sửa đổi, bổ sung
/// một số điều theo Luật số 12/2017/QH14 (sau đây gọi là Bộ luật Hình sự)" names the code as
/// amended, not the amending law (probe 16: the short name went to the last law listed).
fn amended_head(t: &str, before: &[Found], f: &Found, short: (&str, usize)) -> Option<(usize, usize)> {
    let gap = |a: usize, b: usize| {
        let g = fold(&t[a..b]).to_lowercase();
        g.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    // "Luật Bảo hiểm y tế ngày … và Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế
    // ngày … (sau đây gọi chung là …)": the law and its amending law named together are the law
    // as amended (probe 17: the short name went to the amending law). After a ";" only when
    // the definition says so: "gọi chung", or the law's own name as the short name.
    if let Some(g) = before.iter().rev().find(|g| g.within.is_none() && g.end <= f.start) {
        let between = gap(g.end, f.start);
        let (name, close) = short;
        let collective = fold(&t[f.end..close]).to_lowercase().contains("goi chung");
        let own_name = g.name.as_deref().is_some_and(|n| key(n) == key(name));
        let joined = matches!(between.as_str(), "" | "va") || (between == ";" && (collective || own_name));
        if joined && amends_by_title(f, g) {
            return Some((g.start, g.end));
        }
    }
    let mut start = f.start;
    for g in before.iter().rev().filter(|g| g.within.is_none() && g.end <= f.start) {
        if g.end > start {
            continue;
        }
        let between = gap(g.end, start);
        if between.is_empty() || between == "va" {
            // Another amendment of the list ("Luật số …, Luật số … và Luật số …").
            if !g.doc_type.is_some_and(DocType::is_named) {
                return None;
            }
            start = g.start;
            continue;
        }
        let amended = ["da duoc sua doi", "duoc sua doi", "sua doi"].iter().any(|head| {
            between.strip_prefix(head).is_some_and(|rest| {
                let rest = rest.trim_start();
                let rest = rest.strip_prefix("bo sung").unwrap_or(rest).trim_start();
                let rest = rest.strip_prefix("mot so dieu").unwrap_or(rest).trim_start();
                ["theo", "boi", "tai", ""].contains(&rest)
            })
        });
        return (amended && g.doc_type.is_some_and(|t| f.doc_type.is_some_and(|u| same_family(t, u))))
            .then_some((g.start, g.end));
    }
    None
}

fn same_family(a: DocType, b: DocType) -> bool {
    a == b || (a.is_named() && b.is_named())
}

/// "(sau đây gọi là Luật PPP)" at `i`: the type and short name it defines, and the end of the
/// parentheses.
fn alias_definition(t: &str, i: usize) -> Option<(DocType, String, usize)> {
    let mut p = skip_ws(t, i);
    if char_at(t, p) == Some(',') {
        p = skip_ws(t, p + 1);
    }
    (char_at(t, p) == Some('(')).then_some(())?;
    let p = skip_ws(t, p + 1);
    let q = ALIAS_INTRODUCERS.iter().find_map(|a| eat_phrase(t, p, a))?;
    let mut q = skip_ws(t, q);
    if let Some(':') = char_at(t, q) {
        q = skip_ws(t, q + 1);
    }
    while let Some(c @ ('"' | '“' | '\'' | '‘')) = char_at(t, q) {
        q += c.len_utf8();
    }
    // The type word, or its abbreviation before a serial ("NĐ 145").
    let (doc_type, te, abbreviated) = match read::type_word_any_case(t, q) {
        Some((k, te)) => (TYPE_WORDS[k].doc_type, te, false),
        None => {
            let k = TYPE_ABBREVIATIONS.iter().position(|(a, _)| t[q..].starts_with(a))?;
            (TYPE_ABBREVIATIONS[k].1, q + TYPE_ABBREVIATIONS[k].0.len(), true)
        }
    };
    let close =
        t[te..].char_indices().take(80).find(|&(_, c)| c == ')' || c == '\n').map(|(j, c)| (te + j, c))?;
    (close.1 == ')').then_some(())?;
    let name = t[te..close.0].trim_matches(|c: char| c.is_whitespace() || "\"”'’".contains(c));
    // "Nghị định 145", "Luật số 69", "NĐ 145": a serial, which later references give as their
    // number.
    let serial = name.strip_prefix("số ").unwrap_or(name).trim();
    if short_serial(serial) {
        return Some((doc_type, serial_key(serial), close.0 + 1));
    }
    if abbreviated {
        return None;
    }
    (!name.is_empty() && name.chars().next().is_some_and(char::is_uppercase)).then_some(())?;
    Some((doc_type, read::collapse(name), close.0 + 1))
}

/// The text being read and the names known.
struct Reader<'a> {
    t: &'a str,
    lex: &'a Lexicon,
    /// The text's article headings ([`pinpoint::headings`]), found at the first "Điều này".
    headings: std::cell::OnceCell<Vec<(usize, String)>>,
}

type Read = Option<(Vec<Found>, usize)>;

impl Reader<'_> {
    /// Finds and reads the references whose first word lies in `a..b`, in text order.
    fn scan(&self, a: usize, b: usize) -> Vec<Found> {
        let t = self.t;
        let sc = scanner();
        let mut found: Vec<Found> = Vec::new();
        let mut consumed = a;
        for m in sc.automaton.find_iter(&t[a..b]) {
            let (s, e) = (a + m.start(), a + m.end());
            if s < consumed {
                continue;
            }
            let trigger = sc.triggers[m.pattern()];
            if let Trigger::Symbol(k) = trigger {
                if let Some((items, end)) = self.symbol_only(s, e, k) {
                    consumed = end;
                    found.extend(items);
                }
                continue;
            }
            if !at_word_start(t, s) {
                continue;
            }
            let read = match trigger {
                Trigger::Abbreviation(k) => self.abbreviation(s, e, k, false),
                _ if !at_word_end(t, e) => None,
                Trigger::Code(k) => self.code_name(s, e, k),
                Trigger::Standard(k) => self.standard(s, e, k),
                Trigger::Type | Trigger::Pinpoint => match read::type_word_any_case(t, s) {
                    Some((k, te)) => {
                        let read = self.reference(s, te, k, 0);
                        if read.is_none() {
                            // The whole type word is passed, as one word.
                            consumed = te;
                        }
                        read
                    }
                    None if trigger == Trigger::Pinpoint && !is_article_heading(t, s, e) => self.pinpoints(s),
                    None => None,
                },
                Trigger::Symbol(_) => None,
            };
            let read = match trigger {
                // "Đ37.3 BLLĐ", "k1 Đ5 NĐ145": a pinpoint in short before a code or an
                // abbreviated number, as the search box reads it.
                Trigger::Abbreviation(_) | Trigger::Code(_) => read.map(|(mut items, end)| {
                    if let Some(f) = items.first_mut().filter(|f| f.pinpoint.is_none()) {
                        if let Some((start, pin)) = short_pin_before(t, f.start, consumed, &mut found) {
                            f.start = start;
                            f.pinpoint = Some(pin);
                        }
                    }
                    (items, end)
                }),
                _ => read,
            };
            if let Some((items, end)) = read {
                consumed = end;
                found.extend(items);
            }
        }
        found
    }

    /// Reads a reference whose type word `TYPE_WORDS[k]` spans `s..e`.
    fn reference(&self, s: usize, e: usize, k: usize, depth: u8) -> Read {
        let t = self.t;
        let tw = &TYPE_WORDS[k];
        let doc_type = tw.doc_type;
        let cap = is_capitalized(&t[s..e]);
        // An all-caps type word is a heading ("LUẬT TIẾP CẬN THÔNG TIN", "KỶ LUẬT LAO ĐỘNG")
        // unless a number follows ("CHỈ THỊ SỐ 27/CT-TTG").
        let upper = !t[s..e].chars().any(char::is_lowercase)
            && t[s..e].chars().filter(|c| c.is_alphabetic()).count() > 1;
        let base = Found { start: s, end: e, doc_type: Some(doc_type), ..Found::default() };
        let mut pos = e;

        // Self reference: "Nghị định này", "kế hoạch này".
        if let Some(end) = eat_phrase(t, skip_ws(t, pos), "này") {
            let generic = preceded_by(t, s, PLURALS) || preceded_by(t, s, &["pháp"]);
            if generic || (!cap && NO_LOWER_SELF.contains(&doc_type)) {
                return None;
            }
            return Some((vec![Found { end, self_ref: true, ..base }], end));
        }

        // "Chương trình hành động số …", "THÔNG TƯ HƯỚNG DẪN SỐ …": up to three qualifier words
        // (lower case, or upper case after an upper-case type word) before "số".
        let mut p = skip_ws(t, pos);
        let mut so = eat_phrase(t, p, "số");
        if so.is_none() && cap {
            let mut q = p;
            for _ in 0..3 {
                match word_at(t, q) {
                    Some((w, we))
                        if w.chars().all(char::is_alphabetic)
                            && !word_is(w, "của")
                            && if upper {
                                !w.chars().any(char::is_lowercase)
                            } else {
                                !is_capitalized(w)
                            } =>
                    {
                        q = skip_ws(t, we);
                        if let Some(z) = eat_phrase(t, q, "số") {
                            so = Some(z);
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
        if so.is_some_and(|z| at_line_start(t, s) && char_at(t, skip_ws(t, z)) == Some(':')) {
            // The document's own number in its header: "Luật số: 104/2016/QH13".
            return None;
        }
        if let Some(mut z) = so {
            // "số số", "số:"
            loop {
                let q = skip_ws(t, z);
                if let Some(z2) = eat_phrase(t, q, "số") {
                    z = z2;
                } else if char_at(t, q) == Some(':') {
                    z = q + 1;
                } else {
                    break;
                }
            }
            p = skip_ws(t, z);
        }
        if let Some(n) = read::number(t, p, so.is_some()) {
            let read = numbered(t, base.clone(), n, tw.doc_type);
            // "các Quyết định số 217/QĐ-UBND ngày … về …; số 51/QĐ-UBND ngày … về …": members
            // with subjects between them.
            let so_at = skip_ws(t, e);
            if depth <= 1 && preceded_by(t, s, PLURALS) && eat_phrase(t, so_at, "số").is_some() {
                let plain = read.as_ref().map_or(0, |r| r.0.iter().filter(|f| f.number.is_some()).count());
                if let Some((mut items, end, count)) = self.members(&base, None, so_at) {
                    if count > plain {
                        items[0].start = s;
                        return Some((items, end));
                    }
                }
            }
            return read;
        }
        // "Nghị định 145", "Điều 57 Nghị định 145": a serial alone after the type word, as
        // people write a document they named in full before (or defined as a short name).
        if so.is_none()
            && cap
            && !upper
            && p > e
            && BARE_SERIALS.contains(&doc_type)
            && !preceded_by(t, s, PLURALS)
        {
            if let Some(r) = self.serial(base.clone(), p, Serial::Word) {
                return Some(r);
            }
        }
        if so.is_none() && depth == 0 {
            // "các Kế hoạch của Ủy ban nhân dân tỉnh: Số 217/KH-UBND ngày …; số 51/KH-UBND …"
            if let Some(r) = self.colon_list(&base, p) {
                return Some(r);
            }
        }
        if so.is_none() && depth == 0 && !preceded_by(t, s, PLURALS) {
            // "Luật kiểm toán độc lập số 67/2011/QH12", "Nghị định của Chính phủ số …": words the
            // name reader does not take, then a dated number.
            if let Some(r) = self.words_then_number(&base, pos, doc_type) {
                return Some(r);
            }
        }
        if so.is_none()
            && !upper
            && cap
            && depth == 0
            && tw.unnumbered == Unnumbered::Named
            && preceded_by(t, s, PLURALS)
        {
            // "các Luật: Đầu tư công, Ngân sách nhà nước và Quản lý nợ công".
            if let Some(r) = self.named_list(&base, pos, doc_type) {
                return Some(r);
            }
        }
        if convention_subject(t, s) {
            // "Công ước của Liên Hợp quốc về Luật Biển năm 1982": a treaty's subject.
            return None;
        }
        if so.is_some() || upper || !cap || preceded_by(t, s, PLURALS) {
            return None;
        }
        pos = skip_ws(t, pos);
        match tw.unnumbered {
            Unnumbered::No => None,
            Unnumbered::Named if cap => {
                // At depth 1, after a pinpoint ("khoản 3 Điều 1 Luật sửa đổi, bổ sung …").
                if depth <= 1 {
                    if let Some(r) = self.amending(base.clone(), pos) {
                        return Some(r);
                    }
                }
                // "pháp Luật về đấu thầu" (a capital in running text) is the law in general,
                // never a title "Luật về …".
                if eat_phrase(t, pos, "về").is_some() && preceded_by(t, s, &["pháp"]) {
                    return None;
                }
                let (name, end) = read::name(t, pos, doc_type, self.lex)?;
                // "Luật Bảo hiểm xã hội số 58/2014/QH13": the name, then the number; without
                // "số" only a number with its year ("Bộ luật Lao động 10/2012/QH13").
                let after = skip_spaces(t, end);
                let numbered_after = match eat_phrase(t, after, "số") {
                    Some(z) => read::number(t, skip_ws(t, z), false),
                    None => read::number(t, after, false)
                        .filter(|n| crate::number::parts(&n.canonical).is_some_and(|p| p.year.is_some())),
                };
                if let Some(n) = numbered_after {
                    return numbered(t, Found { name: Some(name), ..base }, n, doc_type);
                }
                let mut f = Found { end, name: Some(name), ..base };
                let end = if depth == 0 { name_when_into(t, &mut f, end) } else { end };
                // "Luật Doanh nghiệp 2020 số 68/2014/QH13": the number still follows the year
                // (it was dropped); the linker then weighs the year against it.
                if depth == 0 && f.year.is_some() && f.date.is_none() {
                    if let Some(z) = eat_phrase(t, skip_spaces(t, end), "số") {
                        if let Some(n) = read::number(t, skip_ws(t, z), false) {
                            return numbered(t, f, n, doc_type);
                        }
                    }
                }
                let more = if depth == 0 { further_years(t, &f, end) } else { Vec::new() };
                let end = more.last().map_or(end, |g| g.end);
                Some((std::iter::once(f).chain(more).collect(), end))
            }
            Unnumbered::Alone if cap => {
                let mut f = base;
                let mut end = e;
                if let Some(q) = eat_phrase(t, pos, "nước cộng hòa xã hội chủ nghĩa việt nam") {
                    f.name = Some(read::collapse(&t[pos..q]));
                    end = q;
                }
                f.end = end;
                // "Hiến pháp 2013"
                if let Some((y, q)) = read::year_at(t, skip_spaces(t, end)).filter(|_| end == e) {
                    f.year = Some(y);
                    f.end = q;
                    return Some((vec![f], q));
                }
                let end = when_into(t, &mut f, end);
                Some((vec![f], end))
            }
            Unnumbered::Assembly
                if cap && (ASSEMBLIES.iter().any(|a| eat_phrase(t, pos, a).is_some()) || plenum(t, pos)) =>
            {
                let (name, end) = read::assembly(t, pos)?;
                let mut f = Found { end, name: Some(name), ..base };
                let mut end = when_into(t, &mut f, end);
                if let Some((issuer, q)) = read::of_issuer(t, end, false) {
                    f.issuer = Some(issuer);
                    f.end = q;
                    end = q;
                }
                Some((vec![f], end))
            }
            Unnumbered::Assembly | Unnumbered::Descriptive if cap && depth == 0 => {
                if let Some(r) = self.by_issuer(base.clone(), pos) {
                    return Some(r);
                }
                if tw.unnumbered == Unnumbered::Descriptive {
                    self.descriptive(base, pos)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính
    /// quyền địa phương ngày 22 tháng 11 năm 2019": one reference to the amending law (its name
    /// from "sửa đổi" to the last base law, its date), then the base laws named in it, each
    /// marked as within it and without its date.
    fn amending(&self, base: Found, pos: usize) -> Read {
        let t = self.t;
        let mut q = eat_phrase(t, pos, "sửa đổi")?;
        let mut r = skip_ws(t, q);
        if char_at(t, r) == Some(',') {
            r = skip_ws(t, r + 1);
        }
        if let Some(z) = eat_phrase(t, r, "bổ sung") {
            q = z;
        }
        for phrase in ["một số điều", "của"] {
            if let Some(z) = eat_phrase(t, skip_ws(t, q), phrase) {
                q = z;
            }
        }
        // "… một số điều và Phụ lục Danh mục chỉ tiêu thống kê quốc gia của Luật Thống kê":
        // what else it amends, up to "của" and the law (probe 13: read as the base law alone).
        if read::type_word_at(t, skip_ws(t, q)).is_none() {
            if let Some(z) = of_law_ahead(t, q) {
                q = z;
            }
        }
        let mut inner: Vec<Found> = Vec::new();
        let mut p = skip_ws(t, q);
        if let Some(last) = omnibus_end(t, p) {
            // "… của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018": the laws
            // amended are not named one by one; the title runs to its date or number.
            let (outer, end) = amending_title(t, base, pos, last);
            return Some((vec![outer], end));
        }
        // Whether a base law of the list could not be read: the title then runs to its date.
        let mut unread = false;
        loop {
            let (k, te) = read::type_word_at(t, p)?;
            let tw = &TYPE_WORDS[k];
            if !matches!(tw.unnumbered, Unnumbered::Named) && inner.is_empty() {
                return None;
            }
            let f = Found { start: p, end: te, doc_type: Some(tw.doc_type), ..Found::default() };
            let np = skip_ws(t, te);
            let f = if let Some(z) = eat_phrase(t, np, "số") {
                read::number(t, skip_ws(t, z), false).map(|n| Found {
                    end: n.end,
                    number: Some(n.canonical),
                    ..f
                })
            } else {
                read::name(t, np, tw.doc_type, self.lex).map(|(name, end)| Found {
                    end,
                    name: Some(name),
                    ..f
                })
            };
            let Some(f) = f else {
                if inner.is_empty() {
                    return None;
                }
                unread = true;
                break;
            };
            let mut next = skip_ws(t, f.end);
            // "… của Luật Giao thông đường bộ, Luật Trật tự, an toàn giao thông đường bộ, Luật
            // Đường bộ … ngày …": a name the lexicon does not know goes on after its comma
            // (probe 17: cut at "Trật tự", the list then ended and lost its date).
            let f = match (f.name.is_some(), name_after_comma(t, next)) {
                (true, Some(e)) => {
                    next = skip_ws(t, e);
                    Found { end: e, name: Some(read::collapse(&t[np..e])), ..f }
                }
                _ => f,
            };
            // "Luật Thuế giá trị gia tăng (GTGT), Luật …": a base law's abbreviation in
            // parentheses ends no list (probe 16: the title was cut there and taken for an
            // older amending law's).
            if let Some(z) = abbreviation_in_parentheses(t, next) {
                next = skip_ws(t, z);
            }
            inner.push(f);
            let joint =
                if char_at(t, next) == Some(',') { Some(next + 1) } else { eat_phrase(t, next, "và") };
            let law = |j: usize| {
                read::type_word_at(t, j).is_some_and(|(k, _)| TYPE_WORDS[k].unnumbered == Unnumbered::Named)
            };
            match joint.map(|j| skip_ws(t, j)) {
                Some(j) if law(j) && inner.len() < MAX_AMENDED => p = j,
                _ => break,
            }
        }
        let mut last = inner.last()?.end;
        if unread {
            // "… của Luật A và Luật <unread> ngày 29 tháng 6 năm 2024": the amending law's
            // title runs to the date that closes the clause, if one does.
            if let Some(d) = date_in_clause(t, last) {
                last = d;
            }
        }
        let (mut outer, end) = amending_title(t, base, pos, last);
        // "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự số 100/2015/QH13 ngày 20
        // tháng 6 năm 2017": a number of another year than the date that follows is the base
        // law's, as the official title writes it, not the amending law's (probe 11: false date
        // and name warnings).
        let number_year = outer.number.as_deref().and_then(crate::number::year);
        if let (Some(y), Some(d), Some(b)) = (number_year, outer.date, inner.last_mut()) {
            if y < d.year && b.number.is_none() {
                b.number = outer.number.take();
                outer.year = Some(d.year);
            }
        }
        let span = Some((outer.start, outer.end));
        for f in &mut inner {
            f.within = span;
        }
        let more = further_years(t, &outer, end);
        inner.insert(0, outer);
        let end = more.last().map_or(end, |f| f.end);
        inner.extend(more);
        Some((inner, end))
    }

    /// One type word in the plural for a list of names, each with its own date or year ("các
    /// Luật: Đầu tư công, Ngân sách nhà nước và Quản lý nợ công", "các Bộ luật Dân sự năm 2015,
    /// Hình sự năm 2015"): one citation per name, the first spanning the type word. A name
    /// holding "và" is cut there when the lexicon knows the part before it and not the whole.
    /// At least two names, or none.
    fn named_list(&self, base: &Found, pos: usize, doc_type: DocType) -> Read {
        let t = self.t;
        let mut p = skip_ws(t, pos);
        if char_at(t, p) == Some(':') {
            p = skip_ws(t, p + 1);
        }
        let mut out: Vec<Found> = Vec::new();
        let mut end = p;
        while out.len() < 30 {
            if read::type_word_at(t, p).is_some() {
                break;
            }
            let Some((mut name, mut e)) = read::name(t, p, doc_type, self.lex) else { break };
            if let Some(cut) = name.find(" và ") {
                let (head, whole) = (key(&name[..cut]), key(&name));
                if self.lex.knows(doc_type, &head) && !self.lex.knows(doc_type, &whole) {
                    e = p + t[p..].find(" và ").unwrap_or(e - p);
                    name.truncate(cut);
                }
            }
            let start = if out.is_empty() { base.start } else { p };
            let mut f = Found { start, end: e, name: Some(name), ..base.clone() };
            end = name_when_into(t, &mut f, e);
            out.push(f);
            let q = skip_ws(t, end);
            let next = match char_at(t, q) {
                Some(',' | ';') => skip_ws(t, q + 1),
                _ => match eat_phrase(t, q, "và") {
                    Some(z) => skip_ws(t, z),
                    None => break,
                },
            };
            // The list stays on its line ("…; \nCăn cứ …" is the next clause).
            if has_newline(t, end, next) {
                break;
            }
            p = next;
        }
        (out.len() >= 2).then_some((out, end))
    }

    /// A document named by its type and a known issuing body only ("quán triệt Nghị quyết của
    /// Ban Thường vụ Tỉnh ủy", "thực hiện Chương trình hành động của Chính phủ"): after a verb
    /// of carrying out ([`IMPLEMENTING`]), up to three lower-case words, then "của" and an
    /// issuer that starts with a body of the table (a local council or committee only with its
    /// level or place).
    fn by_issuer(&self, base: Found, pos: usize) -> Read {
        let t = self.t;
        if !preceded_by(t, base.start, IMPLEMENTING) {
            return None;
        }
        let mut q = pos;
        let mut name_end = pos;
        for _ in 0..4 {
            if let Some(z) = eat_phrase(t, q, "của") {
                let i = skip_ws(t, z);
                let body = read::known_body(t, i)?;
                let (issuer, end) = read::issuer(t, i, false)?;
                // "của Hội đồng nhân dân" alone is any council: the level or place must follow.
                if end == body && GENERIC_BODIES.iter().any(|g| eat_phrase(t, i, g) == Some(body)) {
                    return None;
                }
                // Then its subject, a date, or the end of the clause ("của Quốc hội, Chủ tịch
                // nước …" is a generic mention).
                let next = skip_spaces(t, end);
                let closes = matches!(char_at(t, next), None | Some(';' | '.' | '\n' | ':'))
                    || eat_phrase(t, next, "về").is_some()
                    || read::when(t, end).is_some();
                if !closes {
                    return None;
                }
                let name = (name_end > pos).then(|| read::collapse(&t[pos..name_end]));
                let mut f = Found { end, issuer: Some(issuer), name, ..base };
                let end = when_into(t, &mut f, end);
                return Some((vec![f], end));
            }
            let (w, we) = word_at(t, q)?;
            if is_capitalized(w)
                || !w.chars().all(char::is_alphabetic)
                || super::patterns::NAME_STOPS.contains(&w)
            {
                return None;
            }
            name_end = we;
            let next = skip_ws(t, we);
            if next == we {
                return None;
            }
            q = next;
        }
        None
    }
}

/// The start of the first "ngày <date>" after `from` within its clause (before a ';', a
/// newline or 200 bytes), if one reads as a date.
/// The amending law whose title runs from `pos` ("sửa đổi …") to `last`: named by its title,
/// with the number after it if one follows (the amending law's: "… của Luật Di sản văn hóa
/// số 32/2009/QH12") and its date; returns it and where the reading ends.
fn amending_title(t: &str, base: Found, pos: usize, last: usize) -> (Found, usize) {
    let mut outer = Found { end: last, name: Some(read::collapse(t[pos..last].trim_end())), ..base };
    let mut after = last;
    if let Some(z) = eat_phrase(t, skip_ws(t, last), "số") {
        if let Some(n) = read::number(t, skip_ws(t, z), false) {
            outer.number = Some(n.canonical);
            outer.year = outer.number.as_deref().and_then(crate::number::year);
            outer.end = n.end;
            after = n.next;
        }
    }
    let end = when_into(t, &mut outer, after);
    (outer, end)
}

/// A base law's name going on at `i`, a comma followed by lower-case words ("…, an toàn giao
/// thông đường bộ"), to the next law of the list (", Luật …", "và Luật …") or to the date,
/// number or year that closes the title: the end of its last word. `None` if anything else
/// comes first (a word that ends names, a capitalized word, a digit).
fn name_after_comma(t: &str, i: usize) -> Option<usize> {
    let law = |j: usize| {
        read::type_word_at(t, j).is_some_and(|(k, _)| TYPE_WORDS[k].unnumbered == Unnumbered::Named)
    };
    (char_at(t, i) == Some(',')).then_some(())?;
    let mut p = skip_ws(t, i + 1);
    let (mut end, mut prev) = (None, i);
    for _ in 0..12 {
        match char_at(t, p) {
            Some(',') if end.is_some() => {
                let q = skip_ws(t, p + 1);
                if law(q) {
                    return end;
                }
                p = q;
                continue;
            }
            Some(';' | '.' | '\n') => return end,
            _ => {}
        }
        let (w, e) = word_at(t, p)?;
        let closes = word_is(w, "ngày") || word_is(w, "số") || word_is(w, "năm");
        if end.is_some() && (closes || (word_is(w, "và") && law(skip_ws(t, e)))) {
            return end;
        }
        let lower = !is_capitalized(w) && w.chars().all(char::is_alphabetic);
        if !lower || super::patterns::NAME_STOPS.contains(&w) || has_newline(t, prev, p) {
            return None;
        }
        end = Some(e);
        prev = e;
        p = skip_ws(t, e);
    }
    None
}

/// The end of "của" within the next 24 words on the line from `q`, when a law's type word
/// follows it (what an amending title amends besides articles, then whose: "… Điều 6 và Phụ
/// lục 4 về Danh mục ngành, nghề kinh doanh có điều kiện của Luật Đầu tư"; probe 17: the
/// numbers of the articles and annexes it names stopped it).
fn of_law_ahead(t: &str, q: usize) -> Option<usize> {
    let mut p = skip_ws(t, q);
    for _ in 0..24 {
        if let Some(z) = eat_phrase(t, p, "của") {
            let n = skip_ws(t, z);
            let law =
                read::type_word_at(t, n).is_some_and(|(k, _)| TYPE_WORDS[k].unnumbered == Unnumbered::Named);
            return law.then_some(z);
        }
        let (w, e) = word_at(t, p)?;
        let numeral = w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 3;
        if !(w.chars().all(char::is_alphabetic) || numeral) || read::type_word_at(t, p).is_some() {
            return None;
        }
        let next = skip_spaces(t, e);
        if has_newline(t, e, next) || matches!(char_at(t, next), Some(';' | '.' | '(')) {
            return None;
        }
        p = if char_at(t, next) == Some(',') { skip_spaces(t, next + 1) } else { next };
    }
    None
}

/// Where the title of an omnibus amending law ends: `p` is just after "của", at "37 luật",
/// "các luật" or "một số luật" (laws counted or grouped, not named); the title runs to the
/// date, the "số" or the year that closes its clause, or to the end of its subject ("có liên
/// quan đến …"). `None` when `p` is not at such words, or nothing closes the title.
fn omnibus_end(t: &str, p: usize) -> Option<usize> {
    let (w, we) = word_at(t, p)?;
    let q = if w.bytes().all(|b| b.is_ascii_digit()) || word_is(w, "các") {
        we
    } else {
        eat_phrase(t, p, "một số")?
    };
    let after = eat_phrase(t, skip_ws(t, q), "luật")?;
    let rest = &t[after..];
    let clause = boundary(rest, rest.find([';', '\n', '.']).unwrap_or(rest.len()).min(200));
    // Its own number, else its date, whichever comes first: "… của các luật về thuế số
    // 71/2014/QH13 có hiệu lực từ ngày …" ends at its number (probe 16: it ran to the date of
    // the clause).
    let mut number = None;
    let mut at = after;
    while let Some(off) = t[at..after + clause].find(" số ") {
        let i = at + off + 1;
        if read::number(t, skip_ws(t, i + "số".len()), false).is_some() {
            number = Some(i);
            break;
        }
        at = i + "số".len();
    }
    match (number, date_in_clause(t, after)) {
        (Some(n), Some(d)) => return Some(n.min(d)),
        (Some(n), None) => return Some(n),
        (None, Some(d)) => return Some(d),
        (None, None) => {}
    }
    // Neither date nor number: the year that closes it ("… quy hoạch năm 2018"), else the
    // subject's end ("… của 37 luật có liên quan đến quy hoạch;"; probe 13: nothing was read).
    let mut at = after;
    while let Some(off) = t[at..after + clause].find(" năm ") {
        let i = at + off + 1;
        if read::when(t, i).is_some_and(|(w, _)| matches!(w, When::Year(_))) {
            return Some(i);
        }
        at = i + "năm".len();
    }
    // "… của các luật về thuế", "… của các Luật Thuế" (probe 16: nothing was read): a plural
    // names no law one by one, whatever its subject.
    let plural = word_is(w, "các");
    if !plural {
        eat_phrase(t, skip_ws(t, after), "có liên quan")?;
    }
    let end = rest.find([';', '\n', '.', ',', '(', ')']).unwrap_or(rest.len());
    (end <= 200).then(|| after + t[after..after + end].trim_end().len())
}

/// A pinpoint in short just before `s` on the same line, not before `floor` ("Đ37.3 " before
/// "BLLĐ"): its start and what it points at. Without a clause of its own, the clause written
/// just before it is its own: in short ("k1 Đ5 NĐ145"), or in full ("khoản 2 Đ5 BLLĐ"), which
/// the scan has read already as a pinpoint of its own (the last of `found`, taken out).
fn short_pin_before(t: &str, s: usize, floor: usize, found: &mut Vec<Found>) -> Option<(usize, Pinpoint)> {
    let head = t.get(floor..s)?;
    let trimmed = head.trim_end_matches([' ', '\t']);
    if trimmed.len() == head.len() {
        return None;
    }
    let token_start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let mut pin = super::query::short_pinpoint(&trimmed[token_start..])?;
    let mut start = floor + token_start;
    if pin.clause.is_some() {
        return Some((start, pin));
    }
    let before = trimmed[..token_start].trim_end();
    if let Some((clause, at)) = super::query::clause_at_end(before) {
        pin.clause = Some(clause);
        start = floor + at;
    } else if let Some((at, p)) = found
        .last()
        .filter(|g| {
            g.doc_type.is_none()
                && g.number.is_none()
                && g.name.is_none()
                && g.end <= start
                && !t[g.end..start].contains('\n')
                && t[g.end..start].trim().is_empty()
        })
        .and_then(|g| {
            g.pinpoint.clone().filter(|p| p.article.is_none() && p.clause.is_some()).map(|p| (g.start, p))
        })
    {
        pin.clause = p.clause;
        pin.point = pin.point.or(p.point);
        start = at;
        found.pop();
    }
    Some((start, pin))
}

/// `i` moved back to the nearest char boundary of `s` (a length cap may fall inside a letter).
fn boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn date_in_clause(t: &str, from: usize) -> Option<usize> {
    let rest = &t[from..];
    let clause = boundary(rest, rest.find([';', '\n']).unwrap_or(rest.len()).min(200));
    let mut at = from;
    while let Some(off) = t[at..from + clause].find("ngày") {
        let i = at + off;
        if read::when(t, i).is_some_and(|(w, _)| matches!(w, When::Date(_))) {
            return Some(i);
        }
        at = i + "ngày".len();
    }
    None
}

/// Reads the date or year after a reference into `f`, extending it; returns the new end.
fn when_into(t: &str, f: &mut Found, end: usize) -> usize {
    match read::when(t, end) {
        Some((When::Date(d), q)) => {
            f.date = Some(d);
            f.year = Some(d.year);
            f.end = q;
            q
        }
        Some((When::Year(y), q)) => {
            f.year = Some(y);
            f.end = q;
            q
        }
        None => end,
    }
}

/// How a serial without its year follows its type ([`Reader::serial`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Serial {
    /// Against an abbreviation: "NĐ145".
    Glued,
    /// After an abbreviation and a space: only with its year ("NĐ 145/2020").
    Spaced,
    /// After a whole type word: "Nghị định 145", not a year or a count after it.
    Word,
}

/// Types whose documents are cited by a serial alone after the type word ("Nghị định 145",
/// "Quyết định 1719", "Chỉ thị 05").
const BARE_SERIALS: &[DocType] = &[
    DocType::NghiDinh,
    DocType::NghiQuyet,
    DocType::QuyetDinh,
    DocType::ChiThi,
    DocType::QuyDinh,
    DocType::KetLuan,
    DocType::ThongTu,
    DocType::HuongDan,
    DocType::KeHoach,
    DocType::CongVan,
    DocType::ThongBao,
];

/// Words that make a number before them a count, not a serial ("Kế hoạch 5 năm", "Nghị quyết
/// 3 nội dung"), lower case with diacritics (folded, "quý" would take "quy định").
const COUNTED: &[&str] = &[
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "quý",
    "giờ",
    "phút",
    "lần",
    "người",
    "nội dung",
    "nhiệm vụ",
    "giải pháp",
    "văn bản",
    "mục",
    "điều",
    "khoản",
    "điểm",
    "chương",
    "bước",
    "trang",
    "loại",
    "nhóm",
    "lĩnh vực",
    "triệu",
    "tỷ",
    "đồng",
    "ha",
    "km",
    "tiêu chí",
    "chỉ tiêu",
    "cấp",
    "giai đoạn",
    "kỳ",
    "phiên",
    "đợt",
    "lượt",
    "khóa",
    "khoá",
    "vòng",
    "tập",
    "cuộc",
    "đơn vị",
    "cơ quan",
    "xã",
    "huyện",
    "tỉnh",
    "thôn",
    "tổ",
    "hộ",
    "lớp",
    "buổi",
];

/// True if a count word follows the number ending at `q`.
fn counted_after(t: &str, q: usize) -> bool {
    let p = skip_spaces(t, q);
    if char_at(t, p) == Some('%') {
        return true;
    }
    // "Nghị định 59 năm 2023": the year of the document, not a count of years; "Kế hoạch 5
    // năm 2021-2025" counts the years of a span.
    if let Some((_, e)) = read::when(t, p) {
        return matches!(char_at(t, skip_spaces(t, e)), Some('-' | '–'));
    }
    let head = t[p..].chars().take(16).collect::<String>().to_lowercase();
    COUNTED
        .iter()
        .any(|w| head.strip_prefix(w).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric())))
}

/// [`when_into`] after a document's name, which may also be followed by its year alone ("Bộ
/// luật Lao động 2019", "Luật Đất đai 2013"): a version the name alone would not tell. A
/// number or a span that starts with the year ("2019/QH14", "2019-2020") is not a year.
fn name_when_into(t: &str, f: &mut Found, end: usize) -> usize {
    let q = when_into(t, f, end);
    let p = skip_spaces(t, end);
    if q != end || p == end {
        return q;
    }
    match read::year_at(t, p) {
        Some((y, q)) if !matches!(char_at(t, q), Some('/' | '-' | '–' | ':')) => {
            f.year = Some(y);
            f.end = q;
            q
        }
        _ => end,
    }
}

/// "… năm 2008 và năm 2014": further years of the same name after "và" or a comma, each one
/// more citation of that name (two amending laws of one title, two versions of a law; probe
/// 13: the second was lost). Only after a name read with a year, each year after "năm".
fn further_years(t: &str, f: &Found, end: usize) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    if f.name.is_none() || f.year.is_none() || f.date.is_some() || f.number.is_some() {
        return out;
    }
    let mut end = end;
    loop {
        let q = skip_spaces(t, end);
        let q = match char_at(t, q) {
            Some(',') => skip_spaces(t, q + 1),
            _ => match eat_phrase(t, q, "và") {
                Some(z) => skip_spaces(t, z),
                None => break,
            },
        };
        let Some(z) = eat_phrase(t, q, "năm") else { break };
        let Some((y, e)) = read::year_at(t, skip_spaces(t, z)) else { break };
        if matches!(char_at(t, e), Some('/' | '-' | '–' | ':')) {
            break;
        }
        out.push(Found {
            start: q,
            end: e,
            year: Some(y),
            pinpoint: None,
            alias_of: None,
            within: None,
            ..f.clone()
        });
        end = e;
    }
    out
}

/// A numbered reference, with the list of further numbers sharing its type, date and issuer.
/// Whether a document of this type is issued jointly, so that the bodies after "của" joined
/// by commas or dashes are all its issuers.
fn is_joint(doc_type: Option<DocType>) -> bool {
    matches!(doc_type, Some(DocType::NghiQuyetLienTich | DocType::ThongTuLienTich))
}

fn numbered(t: &str, base: Found, first: read::NumberRead, doc_type: DocType) -> Read {
    let joint = is_joint(Some(doc_type))
        || member_type(&first.canonical, Some(doc_type)).is_some_and(|d| is_joint(Some(d)));
    let mut members = vec![Found { end: first.end, number: Some(first.canonical.clone()), ..base.clone() }];
    let mut end = when_into(t, &mut members[0], first.next);
    loop {
        let mut q = skip_ws(t, end);
        let semicolon = char_at(t, q) == Some(';');
        if char_at(t, q) == Some(',') || semicolon {
            q = skip_ws(t, q + 1);
        } else if let Some(z) = eat_phrase(t, q, "và") {
            q = skip_ws(t, z);
        } else {
            break;
        }
        // "… và số 51/KH-UBND", "…; số 51/KH-UBND"
        let at = q;
        match eat_phrase(t, q, "số") {
            Some(z) => q = skip_ws(t, z),
            None if semicolon => break,
            None => {}
        }
        let Some(n) = read::number(t, q, first.bare) else { break };
        if n.bare != first.bare {
            break;
        }
        let doc_type = member_type(&n.canonical, base.doc_type);
        let mut m = Found { start: at, end: n.end, number: Some(n.canonical), doc_type, ..base.clone() };
        end = when_into(t, &mut m, n.next);
        members.push(m);
    }
    date_shared_back(&mut members);
    // Shared date (for a single number, its own), then issuer (or issuer, then date).
    let single = members.len() == 1;
    let mut shared = Found::default();
    if !single {
        end = when_into(t, &mut shared, end);
    }
    let issuer = read::of_issuer(t, end, joint)
        .map(|(i, q)| (i, Some(q)))
        .or_else(|| issuer_after_aside(t, end, doc_type, joint));
    if let Some((issuer, read_to)) = issuer {
        shared.issuer = Some(issuer);
        if let Some(q) = read_to {
            end = q;
            if members.iter().all(|m| m.date.is_none()) && shared.date.is_none() {
                let mut tmp = Found::default();
                let q2 = when_into(t, &mut tmp, end);
                if tmp.date.is_some() {
                    shared.date = tmp.date;
                    shared.year = tmp.year;
                    end = q2;
                }
            }
            if single {
                members[0].end = end;
            }
        }
    }
    for m in &mut members {
        m.issuer = shared.issuer.clone();
        if m.date.is_none() {
            m.date = shared.date;
            m.year = m.year.or(shared.year);
        }
        if single {
            m.end = m.end.max(end);
        }
    }
    // A number's own year ("59/2023/NĐ-CP") when no date says otherwise.
    for m in &mut members {
        if m.year.is_none() {
            m.year = m.number.as_deref().and_then(crate::number::year);
        }
    }
    Some((members, end))
}

/// The issuer of a numbered reference written after something set aside from it (probe 17's
/// leftover: the issuer was lost): a short reference in parentheses ("… ngày 14/10/2021
/// (Quyết định 1719) của Thủ tướng Chính phủ"; the reference ends before the parentheses,
/// which are read for references of their own, so no end is returned), its type word written
/// again ("… ngày 18/11/2019, Nghị quyết của Quốc hội"), or a plenum on the same line without
/// "của" ("… ngày 09/11/2022 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng"). Returns the
/// issuer and where the reference then ends, if it takes the words read.
fn issuer_after_aside(
    t: &str,
    end: usize,
    doc_type: DocType,
    joint: bool,
) -> Option<(String, Option<usize>)> {
    let mut p = skip_ws(t, end);
    if has_newline(t, end, p) {
        return None;
    }
    if char_at(t, p) == Some('(') {
        let (j, c) =
            t[p + 1..].char_indices().take(160).find(|&(_, c)| matches!(c, ')' | '(' | '\n' | ';'))?;
        let close = p + 1 + j;
        // A date or year written in the parentheses is the reference's own, not an aside.
        let inside = &t[p + 1..close];
        if c != ')' || inside.trim().is_empty() || read::when(t, skip_ws(t, p + 1)).is_some() {
            return None;
        }
        return read::of_issuer(t, close + 1, joint).map(|(i, _)| (i, None));
    }
    if char_at(t, p) == Some(',') {
        p = skip_ws(t, p + 1);
    }
    if let Some((k, e)) = read::type_word_at(t, p) {
        return (TYPE_WORDS[k].doc_type == doc_type && !has_newline(t, end, p))
            .then(|| read::of_issuer(t, e, joint).map(|(i, q)| (i, Some(q))))
            .flatten();
    }
    let p = skip_spaces(t, end);
    let plenum =
        word_at(t, p).is_some_and(|(w, _)| is_capitalized(w)) && eat_phrase(t, p, "hội nghị").is_some();
    plenum.then(|| read::issuer(t, p, joint).map(|(i, q)| (i, Some(q)))).flatten()
}

impl Reader<'_> {
    /// An unnumbered reference by a descriptive title: accepted when the title runs to
    /// "năm YYYY của <issuer>", or when it is built on a cited document ("Chương trình hành
    /// động thực hiện Nghị quyết Đại hội …"), or when a capitalized title runs to its period
    /// ("Chương trình Chăm sóc sức khỏe người cao tuổi đến năm 2030"); never after a verb of
    /// writing ("Xây dựng Kế hoạch …").
    fn descriptive(&self, base: Found, pos: usize) -> Read {
        let t = self.t;
        let s = base.start;
        if preceded_by(t, s, WRITING_VERBS) {
            return None;
        }
        let (first, _) = word_at(t, pos)?;
        if pos == base.end {
            return None;
        }
        if is_capitalized(first) {
            return titled_to_period(t, base, pos);
        }
        let head = fold(&t[s..].chars().take(40).collect::<String>());
        if CONCEPTS.iter().any(|c| head.starts_with(&fold(c))) {
            return None;
        }
        let mut q = pos;
        let mut prev_end = pos;
        for _ in 0..20 {
            if let Some((k, te)) = read::type_word_at(t, q) {
                if !preceded_by(t, q, &["thực hiện", "triển khai"]) {
                    return None;
                }
                let (mut inner, end) = self.reference(q, te, k, 1)?;
                if inner.iter().any(|f| f.self_ref) {
                    return None;
                }
                // Its name is its title's words after the type word ("hành động thực hiện
                // Nghị quyết Đại hội lần thứ XIII của Đảng"): what a record of that title is
                // found by, or offered as a candidate by when its title goes on.
                let outer_end = inner.last().map_or(end, |f| f.end);
                let name = Some(read::collapse(&t[pos..outer_end]));
                let outer = Found { end: outer_end, name, ..base };
                inner.insert(0, outer);
                return Some((inner, end));
            }
            let (w, we) = word_at(t, q)?;
            if word_is(w, "năm") {
                let mut f = base;
                let end = when_into(t, &mut f, prev_end);
                f.year?;
                let (issuer, ie) = read::of_issuer(t, end, false)?;
                f.issuer = Some(issuer);
                f.end = ie;
                f.name = Some(read::collapse(&t[pos..prev_end]));
                return Some((vec![f], ie));
            }
            if word_is(w, "của") || word_is(w, "về") {
                return None;
            }
            prev_end = we;
            let next = skip_ws(t, we);
            if next == we || !char_at(t, next).is_some_and(char::is_alphanumeric) {
                return None;
            }
            q = next;
        }
        None
    }

    /// Reads pinpoint groups at `s` and the document they point into, if one follows: directly
    /// or after "của", "tại", "thuộc", or through the regulation attached to it ("Điều 8, Quy
    /// định kèm theo Quyết định số …").
    fn pinpoints(&self, s: usize) -> Read {
        let t = self.t;
        // "Điều 5. Phạm vi điều chỉnh" on a line of its own: the text's own article.
        if pinpoint::heading(t, s).is_some() {
            return None;
        }
        let groups = pinpoint::groups(t, s)?;
        let last = groups.last()?;
        // "khoản 2 Điều này" in a text holding its article headings: that article.
        let this_article = if last.this_article {
            pinpoint::article_at(t, self.headings.get_or_init(|| pinpoint::headings(t)), s)
        } else {
            None
        };
        let mut doc: Option<Found> = None;
        let mut inside: Vec<Found> = Vec::new();
        let mut members: Vec<Found> = Vec::new();
        let mut end = last.end;
        if last.this_article {
            doc = Some(Found { self_ref: true, ..Found::default() });
        } else {
            let mut p = skip_ws(t, last.end);
            if let Some(q) = attached(t, p) {
                p = q;
            } else {
                for connector in ["của", "tại", "thuộc"] {
                    if let Some(q) = eat_phrase(t, p, connector) {
                        p = skip_ws(t, q);
                        break;
                    }
                }
            }
            // "Điều 3 của các Thông tư số … và số …": the list's plural word.
            let listed = eat_phrase(t, p, "các")
                .map(|q| skip_ws(t, q))
                .filter(|&q| read::type_word_any_case(t, q).is_some());
            if let Some(q) = listed {
                p = q;
            }
            let read = if let Some((k, te)) = read::type_word_any_case(t, p) {
                self.reference(p, te, k, 1)
            } else if let Some(k) =
                CODE_NAMES.iter().position(|(a, _, _)| word_at(t, p).is_some_and(|(w, _)| w == *a))
            {
                // "Điều 47 BLLĐ": a code by its short name.
                self.code_name(p, p + CODE_NAMES[k].0.len(), k)
            } else if let Some(got) = self.derived_code_name(p) {
                // "Điều 8 LGTĐB": a law by a code name the table does not list.
                Some(got)
            } else if let Some(k) = TYPE_ABBREVIATIONS
                .iter()
                .position(|(a, _)| TEXT_ABBREVIATIONS.contains(a) && t[p..].starts_with(a))
            {
                // "Điều 57 NĐ 145/2020", "Điều 57 NĐ145".
                self.abbreviation(p, p + TYPE_ABBREVIATIONS[k].0.len(), k, true)
            } else {
                None
            };
            if let Some((items, e)) = read {
                let mut items = items.into_iter();
                if let Some(mut first) = items.next() {
                    // The base laws named inside an amending law's title stay its own; the
                    // further members of a list get the pinpoint too.
                    let (within, further): (Vec<Found>, Vec<Found>) = items.partition(|f| f.within.is_some());
                    inside = within;
                    if listed.is_some() {
                        members = further.into_iter().filter(|f| f.number.is_some()).collect();
                    }
                    // A name's date or year right after it ("Điều 35 Bộ luật Lao động năm
                    // 2012"): the document's, as without the pinpoint (it was dropped, and
                    // the version in force answered).
                    if first.name.is_some()
                        && first.number.is_none()
                        && first.date.is_none()
                        && first.year.is_none()
                    {
                        let at = first.end;
                        name_when_into(t, &mut first, at);
                    }
                    end = e.max(first.end);
                    doc = Some(Found { end: first.end, ..first });
                }
            }
        }
        let doc = doc.unwrap_or(Found { self_ref: true, ..Found::default() });
        let n = groups.len();
        let mut out = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            let gend = if gi + 1 == n && doc.end > 0 { doc.end.max(g.end) } else { g.end };
            for p in &g.pinpoints {
                let mut p = p.clone();
                if p.article.is_none() {
                    p.article.clone_from(&this_article);
                }
                out.push(Found { start: g.start, end: gend, pinpoint: Some(p), ..doc.clone() });
            }
        }
        let span = out.last().map(|f| (f.start, f.end));
        out.extend(inside.into_iter().map(|f| Found { within: span, ..f }));
        for m in members {
            let pins = groups.iter().flat_map(|g| g.pinpoints.iter().cloned());
            out.extend(pins.map(|p| Found { pinpoint: Some(p), ..m.clone() }));
        }
        Some((out, end))
    }

    /// A type word, then up to fifteen words on the same line (no other type word, no
    /// punctuation but a name's comma), then "số" and a number with its year: one numbered
    /// citation, the words its name for a law-level type.
    fn words_then_number(&self, base: &Found, pos: usize, doc_type: DocType) -> Read {
        let t = self.t;
        let mut q = skip_spaces(t, pos);
        let start = q;
        let mut last = q;
        for _ in 0..15 {
            if let Some(z) = eat_phrase(t, q, "số") {
                let p = skip_spaces(t, z);
                let n = read::number(t, p, false)?;
                let dated = crate::number::parts(&n.canonical).is_some_and(|x| x.year.is_some());
                if !dated || last == start {
                    return None;
                }
                let name = doc_type.is_named().then(|| read::collapse(&t[start..last]));
                return numbered(t, Found { name, ..base.clone() }, n, doc_type);
            }
            let (w, we) = word_at(t, q)?;
            if read::type_word_any_case(t, q).is_some() || w.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            last = we;
            let mut r = skip_spaces(t, we);
            if char_at(t, r) == Some(',') {
                r = skip_spaces(t, r + 1);
            }
            if r == we || !char_at(t, r).is_some_and(char::is_alphabetic) {
                return None;
            }
            q = r;
        }
        None
    }

    /// A number cited without its type word, the type taken from its symbol ("Theo
    /// 59/2023/NĐ-CP", a table cell "21-NQ/TW"): `s..e` is the separator and abbreviation
    /// `TYPE_ABBREVIATIONS[k]` inside the number.
    fn symbol_only(&self, s: usize, e: usize, k: usize) -> Read {
        let t = self.t;
        let b = t.as_bytes();
        if !(at_word_end(t, e) || matches!(char_at(t, e), Some('-' | '/'))) {
            return None;
        }
        let mut j = s;
        while j > 0 && b[j - 1].is_ascii_digit() {
            j -= 1;
        }
        if j == s || s - j > 5 {
            return None;
        }
        let mut start = j;
        if b[s] == b'/' && s - j == 4 && j >= 2 && b[j - 1] == b'/' {
            // "59/2023/NĐ-CP": back over the year to the serial.
            let mut i = j - 1;
            while i > 0 && b[i - 1].is_ascii_digit() {
                i -= 1;
            }
            if i == j - 1 {
                return None;
            }
            start = i;
        }
        if !at_word_start(t, start) || matches!(char_before(t, start), Some('/' | '-' | '.' | ':')) {
            return None;
        }
        // Form codes ("Mẫu số 01/TB-BSTT") are not documents, nor is the document's own
        // number in its header ("Số: 45-KH/TU", "Số 45-KH/TU" at a line start).
        if preceded_by(t, start, FORM_WORDS) || own_number(t, start) {
            return None;
        }
        let n = read::number(t, start, false)?;
        if n.end <= s {
            return None;
        }
        // Alone, only a number with its year or a Party number, or one followed by its date.
        let shape = crate::number::parts(&n.canonical).map(|p| p.shape);
        if !matches!(shape, Some(Shape::Normative | Shape::Party)) && read::when(t, n.next).is_none() {
            return None;
        }
        let doc_type = TYPE_ABBREVIATIONS[k].1;
        let base = Found { start, end: n.end, doc_type: Some(doc_type), ..Found::default() };
        numbered(t, base, n, doc_type)
    }

    /// A type abbreviation in running text with its number: "NĐ 145/2020", "NĐ145",
    /// "QĐ 217/QĐ-TTg".
    /// `pinpointed`: after a pinpoint ("Điều 57 NĐ 145"), where a serial after a space is no
    /// table row.
    fn abbreviation(&self, s: usize, e: usize, k: usize, pinpointed: bool) -> Read {
        let t = self.t;
        let doc_type = TYPE_ABBREVIATIONS[k].1;
        let glued = char_at(t, e).is_some_and(|c| c.is_ascii_digit());
        // Not inside a file name or code ("Mẫu số 06.NĐ118.doc").
        if (!glued && !at_word_end(t, e)) || matches!(char_before(t, s), Some('.' | '/' | '-' | '_')) {
            return None;
        }
        let p = if glued { e } else { skip_spaces(t, e) };
        if p == e && !glued {
            return None;
        }
        let base = Found { start: s, end: e, doc_type: Some(doc_type), ..Found::default() };
        // "NĐ 59/2023/NĐ-CP", "NĐ số 59/2023", and glued: "NĐ145/2020/NĐ-CP".
        let so = if glued { None } else { eat_phrase(t, p, "số").map(|z| skip_spaces(t, z)) };
        let at = so.unwrap_or(p);
        if let Some(n) = read::number(t, at, false) {
            return numbered(t, base, n, doc_type);
        }
        if let Some(q) = so {
            return self.serial(base, q, Serial::Word);
        }
        let how = match (glued, pinpointed) {
            (true, _) => Serial::Glued,
            (false, true) => Serial::Word,
            (false, false) => Serial::Spaced,
        };
        self.serial(base, p, how)
    }

    /// A serial written without its symbol at `p`, after a type word or its abbreviation
    /// (`base`): "145", "145/2020", each with the date and issuer that may follow. A serial
    /// without its year must stand as a word, as [`Serial`] says.
    fn serial(&self, base: Found, p: usize, how: Serial) -> Read {
        let t = self.t;
        let b = t.as_bytes();
        let mut q = p;
        while q < b.len() && b[q].is_ascii_digit() && q - p < 5 {
            q += 1;
        }
        if q == p || b.get(q).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut f = Found { end: q, number: Some(t[p..q].to_string()), ..base };
        if char_at(t, q) == Some('/') {
            let (y, r) = read::year_at(t, q + 1)?;
            if matches!(char_at(t, r), Some('/' | '-')) {
                return None;
            }
            f.number = Some(t[p..r].to_string());
            f.year = Some(y);
            f.end = r;
        } else {
            let cut = !at_word_end(t, q) || matches!(char_at(t, q), Some('_' | '-'));
            let stands = match how {
                Serial::Glued => !cut && char_at(t, q) != Some('.'),
                // "TT 5" in a table is a row, not a circular.
                Serial::Spaced => false,
                // "Nghị quyết 2021", "Kế hoạch 5 năm", "Quyết định 3 lần": a year or a count.
                Serial::Word => !cut && read::year_at(t, p).is_none() && !counted_after(t, q),
            };
            if !stands {
                return None;
            }
        }
        if matches!(char_at(t, f.end), Some('.')) && char_at(t, f.end + 1).is_some_and(char::is_alphanumeric)
        {
            return None;
        }
        let fe = f.end;
        let mut end = when_into(t, &mut f, fe);
        if let Some((issuer, q)) = read::of_issuer(t, end, false) {
            f.issuer = Some(issuer);
            f.end = q;
            end = q;
        }
        Some((vec![f], end))
    }

    /// A code cited by its abbreviation ("BLLĐ", "BLDS 2015"): its type and name.
    fn code_name(&self, s: usize, e: usize, k: usize) -> Read {
        let (_, doc_type, name) = CODE_NAMES[k];
        let f = Found {
            start: s,
            end: e,
            doc_type: Some(doc_type),
            name: Some(name.to_string()),
            ..Found::default()
        };
        Some(self.code_tail(f, e))
    }

    /// A code name's year ("BLDS 2015") or date after it, read into `f` (which ends at `e`).
    fn code_tail(&self, mut f: Found, e: usize) -> (Vec<Found>, usize) {
        let t = self.t;
        if let Some((y, q)) = read::year_at(t, skip_spaces(t, e)).filter(|_| char_at(t, e) == Some(' ')) {
            f.year = Some(y);
            f.end = q;
            return (vec![f], q);
        }
        let end = when_into(t, &mut f, e);
        (vec![f], end)
    }

    /// A law by a code name [`CODE_NAMES`] does not list, after a pinpoint ("Điều 8 LTTNCN",
    /// "khoản 2 Điều 5 LGTĐB"): its type's prefix ([`CODE_PREFIXES`]) and the initials of a
    /// name the lexicon knows; the name read is the initials, which the resolver reads by the
    /// same rule on the catalog's titles (one law, or each law they fit as a candidate).
    fn derived_code_name(&self, s: usize) -> Option<(Vec<Found>, usize)> {
        let t = self.t;
        let (w, e) = word_at(t, s)?;
        if !super::query::abbreviated(w) || w.chars().filter(|c| c.is_uppercase()).count() < 3 {
            return None;
        }
        let (prefix, doc_type) = CODE_PREFIXES.iter().find(|(p, _)| w.starts_with(p))?;
        let rest = &w[prefix.len()..];
        if rest.chars().count() < 2 || !self.lex.fits_initials(*doc_type, rest) {
            return None;
        }
        let f = Found {
            start: s,
            end: e,
            doc_type: Some(*doc_type),
            name: Some(rest.to_string()),
            ..Found::default()
        };
        Some(self.code_tail(f, e))
    }

    /// A technical standard: "QCVN 02:2019/BLĐTBXH", "TCVN 7391:2020".
    fn standard(&self, s: usize, e: usize, k: usize) -> Read {
        let (prefix, doc_type) = STANDARDS[k];
        let (number, year, end) = read::standard(self.t, e)?;
        let f = Found {
            start: s,
            end,
            doc_type: Some(doc_type),
            number: Some(format!("{prefix} {number}")),
            year,
            ..Found::default()
        };
        Some((vec![f], end))
    }
}

/// "Chương trình Chăm sóc sức khỏe người cao tuổi đến năm 2030": a capitalized title that
/// runs, within twenty words on one line, to "đến năm YYYY" or "giai đoạn YYYY - YYYY" (the
/// period is part of the name).
fn titled_to_period(t: &str, base: Found, pos: usize) -> Read {
    let mut q = pos;
    for _ in 0..24 {
        let (w, we) = word_at(t, q)?;
        let period = if word_is(w, "đến") {
            eat_phrase(t, skip_ws(t, we), "năm").and_then(|z| read::year_at(t, skip_ws(t, z))).map(|(_, e)| e)
        } else if word_is(w, "giai") {
            eat_phrase(t, q, "giai đoạn").and_then(|z| {
                let (_, a) = read::year_at(t, skip_ws(t, z))?;
                let d = skip_ws(t, a);
                let c = char_at(t, d)?;
                matches!(c, '-' | '–').then_some(())?;
                read::year_at(t, skip_ws(t, d + c.len_utf8())).map(|(_, e)| e)
            })
        } else {
            None
        };
        if let Some(e) = period {
            let f = Found { end: e, name: Some(read::collapse(&t[pos..e])), ..base };
            return Some((vec![f], e));
        }
        if w.bytes().all(|c| c.is_ascii_digit()) || read::type_word_at(t, q).is_some() {
            return None;
        }
        // Words go on after a space, a comma or a dash ("kinh tế - xã hội").
        let mut next = skip_spaces(t, we);
        if matches!(char_at(t, next), Some(',' | '-' | '–')) {
            next = skip_spaces(t, next + char_at(t, next).map_or(1, char::len_utf8));
        }
        if next == we || !char_at(t, next).is_some_and(char::is_alphanumeric) {
            return None;
        }
        q = next;
    }
    None
}

impl Reader<'_> {
    /// "…: Số 217/KH-UBND ngày 18/9/2019 về …; số 51/KH-UBND ngày 12/3/2020 về …; số …"
    /// after a type word (and "của <issuer>") at `p`: each number its own reference, of the
    /// type word's type (or its symbol's), with its own date and issuer, or the issuer stated
    /// before the colon. The subject after each is read for references of its own up to the
    /// next ";".
    fn colon_list(&self, base: &Found, p: usize) -> Option<(Vec<Found>, usize)> {
        let t = self.t;
        let mut q = p;
        let mut issuer = None;
        if let Some((i, e)) = read::of_issuer(t, q, false) {
            issuer = Some(i);
            q = e;
        }
        q = skip_ws(t, q);
        if issuer.is_none() {
            q = described(t, q);
        }
        (char_at(t, q) == Some(':')).then_some(())?;
        self.members(base, issuer, skip_ws(t, q + 1)).map(|(out, end, _)| (out, end))
    }

    /// The members of a list at `at`, each "số <number>" with its date and issuer (or
    /// `issuer`), then a subject read for references of its own up to a ";" (or a "," before
    /// the next "số"). Returns the references, the end and how many members were read.
    fn members(&self, base: &Found, issuer: Option<String>, at: usize) -> Option<(Vec<Found>, usize, usize)> {
        let t = self.t;
        let mut out: Vec<Found> = Vec::new();
        let mut members = 0;
        let mut at = at;
        let mut end;
        // Whether a subject was written between two members ("…; số 51/KH-UBND ngày … về …;").
        let mut subjects = false;
        loop {
            let z = eat_phrase(t, at, "số")?;
            let n = read::number(t, skip_ws(t, z), false)?;
            let doc_type = member_type(&n.canonical, base.doc_type);
            let mut m = Found {
                start: at,
                end: n.end,
                doc_type,
                number: Some(n.canonical.clone()),
                issuer: issuer.clone(),
                ..Found::default()
            };
            end = when_into(t, &mut m, n.next);
            // A joint member's bodies joined by commas are all its issuers (probe 17: "của Bộ
            // Quốc phòng, Bộ Lao động - …, Bộ Tài chính" was cut to the first).
            if let Some((own, e)) = read::of_issuer(t, end, is_joint(m.doc_type)) {
                m.issuer = Some(own);
                m.end = e;
                end = e;
            }
            if m.year.is_none() {
                m.year = crate::number::year(&n.canonical);
            }
            out.push(m);
            members += 1;
            // The subject, to the next ";" on the same line.
            let rest = &t[end..];
            // (or to a "," or "và" before the next "số").
            let and_then_so = |j: usize| {
                rest[..j].ends_with(char::is_whitespace)
                    && eat_phrase(t, end + j, "và")
                        .is_some_and(|z| eat_phrase(t, skip_ws(t, z), "số").is_some())
            };
            let stop = rest.char_indices().take(400).find(|&(j, c)| {
                matches!(c, ';' | '.' | '\n')
                    || (c == ',' && eat_phrase(t, skip_ws(t, end + j + 1), "số").is_some())
                    || (c == 'v' && and_then_so(j))
            });
            match stop {
                Some((j, c @ (';' | ',' | 'v'))) if members < 64 => {
                    let sep = if c == 'v' { "và".len() } else { 1 };
                    let next = skip_ws(t, end + j + sep);
                    if eat_phrase(t, next, "số").is_none() {
                        break;
                    }
                    subjects |= !rest[..j].trim().is_empty();
                    // What the subject's references read past it is the list's to read.
                    out.extend(self.scan(end, end + j).into_iter().filter(|f| f.start < end + j));
                    at = next;
                }
                _ => break,
            }
        }
        if !subjects {
            date_shared_back(&mut out);
            issuer_shared_back(&mut out);
        }
        Some((out, end, members))
    }
}

/// "Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017": a date written once, after the last
/// number of a list whose other numbers have none, is the list's — for numbers that carry no
/// year of their own (a Party number, "217/KH-UBND"), which only a date can place; a number
/// with its year keeps what it says. One rule for a list with or without a colon (probe 17:
/// "các Nghị quyết: số 18-NQ/TW, số 19-NQ/TW ngày …" left the first undated).
fn date_shared_back(members: &mut [Found]) {
    if let [rest @ .., last] = members {
        if last.date.is_some()
            && !rest.is_empty()
            && rest.iter().all(|m| m.date.is_none() && m.year.is_none())
        {
            for m in rest.iter_mut() {
                let own_year = m.number.as_deref().and_then(crate::number::year);
                if own_year.is_none() {
                    m.date = last.date;
                    m.year = last.year;
                }
            }
        }
    }
}

/// "các Quyết định: số 39/2021/QĐ-TTg, số 18/2023/QĐ-TTg, số 02/2022/QĐ-TTg của Thủ tướng
/// Chính phủ": the issuer written after the last member of a list without subjects between
/// its members is every member's, as it is without the colon (probe 17: only the last had
/// it) — for the members without an issuer of their own whose number has the last one's
/// symbol ("QĐ-TTg"), so that a list of several issuers' numbers is never given one of them.
fn issuer_shared_back(members: &mut [Found]) {
    let symbol =
        |f: &Found| f.number.as_deref().and_then(crate::number::parts).map(|p| p.symbol.to_uppercase());
    let Some(last) = members.iter().rposition(|f| f.number.is_some()) else { return };
    let (Some(issuer), Some(sym)) = (members[last].issuer.clone(), symbol(&members[last])) else { return };
    if members[..last].iter().any(|f| f.number.is_some() && f.issuer.is_some()) {
        return;
    }
    for f in members[..last].iter_mut().filter(|f| symbol(f).as_ref() == Some(&sym)) {
        f.issuer = Some(issuer.clone());
    }
}

/// ", Quy định kèm theo", "của Quy chế ban hành kèm theo" after a pinpoint at `i`: the
/// position after "kèm theo", where the decision's type word should start.
fn attached(t: &str, i: usize) -> Option<usize> {
    let mut p = i;
    if char_at(t, p) == Some(',') {
        p = skip_ws(t, p + 1);
    }
    if let Some(q) = eat_phrase(t, p, "của").or_else(|| eat_phrase(t, p, "tại")) {
        p = skip_ws(t, q);
    }
    let mut q = ATTACHED.iter().find_map(|a| eat_phrase(t, p, a))?;
    if let Some(z) = eat_phrase(t, skip_ws(t, q), "ban hành") {
        q = z;
    }
    let q = eat_phrase(t, skip_ws(t, q), "kèm theo")?;
    Some(skip_ws(t, q))
}

/// True if the number at `i` follows "Số:" or starts a line after "Số": a header's own number.
fn own_number(t: &str, i: usize) -> bool {
    let head = t[..i].trim_end_matches([' ', '\t']);
    let head = head.strip_suffix(':').unwrap_or(head).trim_end_matches([' ', '\t']);
    match super::scan::word_before(head, head.len()) {
        Some((w, ws)) if word_is(w, "số") => {
            head.len() < t[..i].trim_end_matches([' ', '\t']).len() || at_line_start(t, ws)
        }
        _ => false,
    }
}

/// True if `i` starts a line (only spaces before it on its line).
fn at_line_start(t: &str, i: usize) -> bool {
    t[..i].trim_end_matches([' ', '\t']).chars().next_back().is_none_or(|c| c == '\n')
}

/// "Điều 5. Tên điều" at the start of a line: an article heading, not a reference.
fn is_article_heading(t: &str, s: usize, e: usize) -> bool {
    if !at_line_start(t, s) || !word_is(&t[s..e], "điều") {
        return false;
    }
    let p = skip_ws(t, e);
    match word_at(t, p) {
        Some((w, we)) if w.starts_with(|c: char| c.is_ascii_digit()) => {
            matches!(char_at(t, we), Some('.' | ':'))
        }
        _ => false,
    }
}
