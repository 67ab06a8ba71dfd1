//! Find: one Aho-Corasick pass over the cleaned text for type words and pinpoint words (see
//! [`super::patterns`]); at each hit a small hand-written reader takes the reference apart
//! (type, "số", number or list of numbers, date, issuer, or the name of an unnumbered
//! document; pinpoints before it). The text between hits is never looked at twice.

use super::citation::{Citation, Pinpoint};
use super::clean::Cleaned;
use super::patterns::{
    scanner, Trigger, Unnumbered, ASSEMBLIES, CONCEPTS, NO_LOWER_SELF, PLURALS, TYPE_WORDS, WRITING_VERBS,
};
use super::pinpoint;
use super::read::{self, When};
use super::scan::{
    at_word_end, at_word_start, char_at, eat_phrase, is_capitalized, preceded_by, skip_ws, word_at, word_is,
};
use crate::model::{Date, DocType};
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
}

/// Finds and reads every citation in `input`, in text order.
pub fn extract(input: &str) -> Vec<Citation> {
    let clean = Cleaned::new(input);
    let t: &str = clean.text();
    let sc = scanner();
    let mut found: Vec<Found> = Vec::new();
    let mut consumed = 0;
    for m in sc.automaton.find_iter(t) {
        let (s, e) = (m.start(), m.end());
        if s < consumed || !at_word_start(t, s) || !at_word_end(t, e) {
            continue;
        }
        let read = match sc.triggers[m.pattern()] {
            Trigger::Type(k) => reference(t, s, e, k, 0),
            Trigger::Pinpoint if is_article_heading(t, s, e) => None,
            Trigger::Pinpoint => pinpoints(t, s),
        };
        if let Some((items, end)) = read {
            consumed = end;
            found.extend(items);
        }
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    found.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.pinpoint == b.pinpoint);
    found
        .into_iter()
        .map(|f| {
            let (start, end) = clean.span(f.start, f.end);
            Citation {
                text: input[start..end].to_string(),
                start,
                end,
                doc_type: f.doc_type,
                number: f.number,
                date: f.date,
                year: f.year,
                issuer: f.issuer,
                name: f.name,
                pinpoint: f.pinpoint,
                self_ref: f.self_ref,
                target: None,
                confidence: None,
                candidates: Vec::new(),
            }
        })
        .collect()
}

type Read = Option<(Vec<Found>, usize)>;

/// Reads a reference whose type word `TYPE_WORDS[k]` spans `s..e`.
fn reference(t: &str, s: usize, e: usize, k: usize, depth: u8) -> Read {
    let tw = &TYPE_WORDS[k];
    let doc_type = tw.doc_type;
    let cap = is_capitalized(&t[s..e]);
    // An all-caps type word is a heading ("LUẬT TIẾP CẬN THÔNG TIN", "KỶ LUẬT LAO ĐỘNG") unless
    // a number follows ("CHỈ THỊ SỐ 27/CT-TTG").
    let upper =
        !t[s..e].chars().any(char::is_lowercase) && t[s..e].chars().filter(|c| c.is_alphabetic()).count() > 1;
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

    // "Chương trình hành động số …": up to three qualifier words before "số".
    let mut p = skip_ws(t, pos);
    let mut so = eat_phrase(t, p, "số");
    if so.is_none() && cap {
        let mut q = p;
        for _ in 0..3 {
            match word_at(t, q) {
                Some((w, we)) if !is_capitalized(w) && w.chars().all(char::is_alphabetic) => {
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
        return numbered(t, base, n, tw.doc_type);
    }
    if so.is_some() || upper || !cap || preceded_by(t, s, PLURALS) {
        return None;
    }
    pos = skip_ws(t, pos);
    match tw.unnumbered {
        Unnumbered::No => None,
        Unnumbered::Named if cap => {
            let (name, end) = read::name(t, pos)?;
            // "Luật Bảo hiểm xã hội số 58/2014/QH13": the name, then the number.
            if let Some(z) = eat_phrase(t, skip_ws(t, end), "số") {
                let q = skip_ws(t, z);
                if let Some(n) = read::number(t, q, false) {
                    return numbered(t, Found { name: Some(name), ..base }, n, doc_type);
                }
            }
            let mut f = Found { end, name: Some(name), ..base };
            let end = when_into(t, &mut f, end);
            Some((vec![f], end))
        }
        Unnumbered::Alone if cap => {
            let mut f = base;
            let mut end = e;
            if let Some(q) = eat_phrase(t, pos, "nước cộng hòa xã hội chủ nghĩa việt nam") {
                f.name = Some(read::collapse(&t[pos..q]));
                end = q;
            }
            f.end = end;
            let end = when_into(t, &mut f, end);
            Some((vec![f], end))
        }
        Unnumbered::Assembly if cap && ASSEMBLIES.iter().any(|a| eat_phrase(t, pos, a).is_some()) => {
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
        Unnumbered::Descriptive if cap && depth == 0 => descriptive(t, base, pos),
        _ => None,
    }
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

/// A numbered reference, with the list of further numbers sharing its type, date and issuer.
fn numbered(t: &str, base: Found, first: read::NumberRead, doc_type: DocType) -> Read {
    let joint = matches!(doc_type, DocType::NghiQuyetLienTich | DocType::ThongTuLienTich);
    let mut members = vec![Found { end: first.end, number: Some(first.canonical.clone()), ..base.clone() }];
    let mut end = when_into(t, &mut members[0], first.next);
    loop {
        let mut q = skip_ws(t, end);
        if char_at(t, q) == Some(',') {
            q = skip_ws(t, q + 1);
        } else if let Some(z) = eat_phrase(t, q, "và") {
            q = skip_ws(t, z);
        } else {
            break;
        }
        let Some(n) = read::number(t, q, first.bare) else { break };
        if n.bare != first.bare {
            break;
        }
        let mut m = Found { start: q, end: n.end, number: Some(n.canonical), ..base.clone() };
        end = when_into(t, &mut m, n.next);
        members.push(m);
    }
    // Shared date (for a single number, its own), then issuer (or issuer, then date).
    let single = members.len() == 1;
    let mut shared = Found::default();
    if !single {
        end = when_into(t, &mut shared, end);
    }
    if let Some((issuer, q)) = read::of_issuer(t, end, joint) {
        shared.issuer = Some(issuer);
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
            m.year = m.number.as_deref().and_then(crate::number::parts).and_then(|p| p.year);
        }
    }
    Some((members, end))
}

/// An unnumbered reference by a descriptive title: accepted when the title runs to
/// "năm YYYY của <issuer>", or when it is built on a cited document ("Chương trình hành động
/// thực hiện Nghị quyết Đại hội …"); never after a verb of writing ("Xây dựng Kế hoạch …").
fn descriptive(t: &str, base: Found, pos: usize) -> Read {
    let s = base.start;
    if preceded_by(t, s, WRITING_VERBS) {
        return None;
    }
    let (first, _) = word_at(t, pos)?;
    if is_capitalized(first) || pos == base.end {
        return None;
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
            let (mut inner, end) = reference(t, q, te, k, 1)?;
            if inner.iter().any(|f| f.self_ref) {
                return None;
            }
            let outer = Found { end: inner.last().map_or(end, |f| f.end), ..base };
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

/// Reads pinpoint groups at `s` and the document they point into, if one follows.
fn pinpoints(t: &str, s: usize) -> Read {
    let groups = pinpoint::groups(t, s)?;
    let last = groups.last()?;
    let mut doc: Option<Found> = None;
    let mut end = last.end;
    if last.this_article {
        doc = Some(Found { self_ref: true, ..Found::default() });
    } else {
        let mut p = skip_ws(t, last.end);
        for connector in ["của", "tại", "thuộc"] {
            if let Some(q) = eat_phrase(t, p, connector) {
                p = skip_ws(t, q);
                break;
            }
        }
        if let Some((k, te)) = read::type_word_any_case(t, p) {
            if let Some((items, e)) = reference(t, p, te, k, 1) {
                if let Some(first) = items.into_iter().next() {
                    end = e.max(first.end);
                    doc = Some(Found { end: first.end, ..first });
                }
            }
        }
    }
    let doc = doc.unwrap_or(Found { self_ref: true, ..Found::default() });
    let n = groups.len();
    let mut out = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let gend = if gi + 1 == n && doc.end > 0 { doc.end.max(g.end) } else { g.end };
        for p in &g.pinpoints {
            out.push(Found { start: g.start, end: gend, pinpoint: Some(p.clone()), ..doc.clone() });
        }
    }
    Some((out, end))
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
