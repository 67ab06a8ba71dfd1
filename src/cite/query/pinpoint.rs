//! The pinpoint of a typed reference, in any of the ways people type one: in full and in
//! either order ("khoản 1 Điều 35", "Điều 35 khoản 1", "Điều 5 khoản 2 điểm a"), in short
//! ("Đ37.3", "Đ35.3.d", "Đ18k3b", "k2 Đ5"), glued ("điều47", "k1đ35", "đ47"), dotted after a
//! full article ("Điều 37.3"), in any case and with the tones of the pinpoint words mistyped
//! or left out ("Điêu 47", "Dieu 47", "ĐIỀU 47"): the words are matched on the folded text
//! ([`crate::text::fold`]), while a point's letter is taken as typed ("điểm đ" is not "điểm
//! d"). [`unread`] finds what looks like a pinpoint and was not read ("k1x35"), so that a
//! query is never answered with a whole document in silence.

use crate::text::fold_char;

/// The parts of a pinpoint read from a query, and the byte spans (of the query) they took.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pin {
    pub article: Option<String>,
    pub clause: Option<String>,
    pub point: Option<String>,
    pub spans: Vec<(usize, usize)>,
}

impl Pin {
    fn is_empty(&self) -> bool {
        self.article.is_none() && self.clause.is_none() && self.point.is_none()
    }
}

/// A query folded (lower case, no diacritics) with, for each byte of the folded text, the
/// byte of the query it comes from (one more at the end: the query's length).
struct Folded<'q> {
    query: &'q str,
    text: Vec<u8>,
    at: Vec<usize>,
}

impl<'q> Folded<'q> {
    fn new(query: &'q str) -> Folded<'q> {
        let mut text = Vec::with_capacity(query.len());
        let mut at = Vec::with_capacity(query.len() + 1);
        for (i, c) in query.char_indices() {
            if crate::text::chars::is_combining_mark(c) {
                continue;
            }
            let f = fold_char(c).to_lowercase().next().unwrap_or(c);
            let mut buf = [0u8; 4];
            for b in f.encode_utf8(&mut buf).bytes() {
                text.push(b);
                at.push(i);
            }
        }
        at.push(query.len());
        Folded { query, text, at }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.text.get(i).copied()
    }

    fn is_alnum(&self, i: usize) -> bool {
        self.byte(i).is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80)
    }

    /// Whether a word starts at `i` (nothing alphanumeric just before).
    fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.is_alnum(i - 1)
    }

    /// The query's byte span of folded bytes `s..e`.
    fn span(&self, s: usize, e: usize) -> (usize, usize) {
        (self.at[s], self.at[e])
    }

    /// The character of the query folded byte `i` comes from, lower case ("đ" stays "đ").
    fn original(&self, i: usize) -> Option<char> {
        let c = self.query[self.at[i]..].chars().next()?;
        c.to_lowercase().next()
    }

    fn eat(&self, i: usize, word: &str) -> Option<usize> {
        self.text.get(i..i + word.len()).filter(|s| *s == word.as_bytes()).map(|_| i + word.len())
    }

    fn spaces(&self, mut i: usize) -> usize {
        while self.byte(i).is_some_and(|b| b == b' ' || b == b'\t') {
            i += 1;
        }
        i
    }

    /// Digits at `i` (one to four): the number and the position after it.
    fn digits(&self, i: usize, most: usize) -> Option<(String, usize)> {
        let mut e = i;
        while e - i < most && self.byte(e).is_some_and(|b| b.is_ascii_digit()) {
            e += 1;
        }
        if e == i || self.byte(e).is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((String::from_utf8_lossy(&self.text[i..e]).into_owned(), e))
    }
}

/// Which part a pinpoint word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Article,
    Clause,
    Point,
}

/// The pinpoint word at `i` and where its value starts: "điều"/"đ" (article), "khoản"/"k"
/// (clause), "điểm" (point). A one-letter word must be glued to its number ("k2", "đ47") or
/// be followed by a dot or one space and a number ("Đ 47", "k.2"); "khoản" and "điều" may
/// be glued too ("điều47").
fn keyword(f: &Folded<'_>, i: usize) -> Option<(Part, usize)> {
    for (word, part) in [("dieu", Part::Article), ("khoan", Part::Clause), ("diem", Part::Point)] {
        if let Some(e) = f.eat(i, word) {
            let v = f.spaces(e);
            let ok = match part {
                Part::Point => v > e,
                _ => f.byte(v).is_some_and(|b| b.is_ascii_digit()),
            };
            if ok {
                return Some((part, v));
            }
        }
    }
    let part = match f.byte(i)? {
        b'd' => Part::Article,
        b'k' => Part::Clause,
        _ => return None,
    };
    let mut v = i + 1;
    if f.byte(v) == Some(b'.') {
        v += 1;
    }
    if f.byte(v) == Some(b' ') && part == Part::Article {
        v += 1;
    }
    f.byte(v).is_some_and(|b| b.is_ascii_digit()).then_some((part, v))
}

/// A letter at `i` standing alone as a point ("a", "đ"): the letter as typed and the position
/// after it. Glued after a clause's number ("k3b"), it must end the word.
fn letter(f: &Folded<'_>, i: usize) -> Option<(String, usize)> {
    let b = f.byte(i)?;
    if !b.is_ascii_lowercase() {
        return None;
    }
    let e = i + 1;
    if f.is_alnum(e) {
        return None;
    }
    Some((f.original(i)?.to_string(), e))
}

/// Reads one pinpoint phrase starting at folded byte `i` (a word start): its parts in
/// whatever order, glued or apart. `None` if no part is read.
fn phrase(f: &Folded<'_>, mut i: usize) -> Option<(Pin, usize, usize)> {
    let start = i;
    let mut pin = Pin::default();
    let mut end = i;
    while let Some((part, v)) = keyword(f, i) {
        let read = match part {
            Part::Point => letter(f, v),
            _ => f.digits(v, 4),
        };
        let Some((value, mut e)) = read else { break };
        let slot = match part {
            Part::Article => &mut pin.article,
            Part::Clause => &mut pin.clause,
            Part::Point => &mut pin.point,
        };
        if slot.is_some() {
            break;
        }
        *slot = Some(value);
        match part {
            Part::Article => {
                // "Điều 10a": a letter ending the word is the article's.
                if let Some((l, after)) = letter(f, e) {
                    if let Some(a) = pin.article.as_mut() {
                        a.push_str(&l);
                    }
                    e = after;
                } else if f.byte(e) == Some(b'.') {
                    // "Đ37.3", "Đ35.3.d", "Điều 37.3": clause and point after dots.
                    if let Some((c, after)) = f.digits(e + 1, 3) {
                        pin.clause.get_or_insert(c);
                        e = after;
                        if f.byte(e) == Some(b'.') {
                            if let Some((p, after)) = letter(f, e + 1) {
                                pin.point.get_or_insert(p);
                                e = after;
                            }
                        }
                    }
                }
            }
            Part::Clause => {
                // "k3b", "k3 b": a point glued or after one space.
                let at = if f.byte(e) == Some(b' ') { e + 1 } else { e };
                if let Some((p, after)) = letter(f, at).filter(|_| pin.point.is_none()) {
                    pin.point = Some(p);
                    e = after;
                }
            }
            Part::Point => {}
        }
        end = e;
        // The next part: glued ("k1đ35"), or after spaces or a comma.
        let mut n = e;
        if !f.is_alnum(n) {
            n = f.spaces(n);
            if f.byte(n) == Some(b',') {
                n = f.spaces(n + 1);
            }
        }
        i = n;
    }
    // A phrase ends a word: "k1x35" is no clause 1.
    (!pin.is_empty() && !f.is_alnum(end)).then_some((pin, start, end))
}

/// Reads the pinpoint of query `q` (normalized): each part once, the first written.
pub(crate) fn read(q: &str) -> Pin {
    let f = Folded::new(q);
    let mut out = Pin::default();
    let mut i = 0;
    while i < f.text.len() {
        if !f.word_start(i) || !f.is_alnum(i) {
            i += 1;
            continue;
        }
        match phrase(&f, i) {
            Some((p, s, e)) => {
                let mut took = false;
                for (mine, theirs) in
                    [(&mut out.article, p.article), (&mut out.clause, p.clause), (&mut out.point, p.point)]
                {
                    if mine.is_none() && theirs.is_some() {
                        *mine = theirs;
                        took = true;
                    }
                }
                if took {
                    out.spans.push(f.span(s, e));
                }
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A pinpoint in short that is a whole token ("Đ37.3", "Đ18k3b"), in any case: what it
/// points at. `None` unless the token reads whole as one pinpoint phrase.
pub(crate) fn token(t: &str) -> Option<Pin> {
    let f = Folded::new(t);
    let (p, s, e) = phrase(&f, 0)?;
    (s == 0 && e == f.text.len()).then_some(p)
}

/// The first part of `q` outside `consumed` that looks like a pinpoint and was not read: a
/// pinpoint word glued to a number ("k1x35", "đ47x"), or "điều", "khoản", "điểm" before a word
/// with a digit or "thứ" ("Điều thứ 5"). Its text as typed.
pub(crate) fn unread(q: &str, consumed: &[(usize, usize)]) -> Option<String> {
    let words = tokens(q);
    let free = |&(s, e): &(usize, usize)| !consumed.iter().any(|&(a, b)| s < b && e > a);
    let folded = |(s, e): (usize, usize)| crate::text::fold(&q[s..e]);
    for (k, w) in words.iter().enumerate() {
        if !free(w) {
            continue;
        }
        let fw = folded(*w);
        let fw = fw.trim_end_matches('.');
        let glued = ["dieu", "khoan", "diem", "d", "k"]
            .iter()
            .any(|p| fw.strip_prefix(p).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
        // A pinpoint word, or one mistyped by a letter ("Điu 47", "khoảng 2"), before a number.
        let word = ["dieu", "khoan", "diem"]
            .iter()
            .any(|k| *k == fw || (one_edit(k, fw) && !WORDS_NEAR.contains(&fw)))
            && words.get(k + 1).filter(|n| free(n)).is_some_and(|n| {
                let fnext = folded(*n);
                fnext == "thu" || fnext.bytes().any(|b| b.is_ascii_digit())
            });
        if glued || word {
            let end = if word { words[k + 1].1 } else { w.1 };
            return Some(q[w.0..end].to_string());
        }
    }
    None
}

/// A number of one to four digits standing alone outside `consumed`, not a year ("BLLĐ 137":
/// an article number without its "Điều"?): said as not understood when no article was read.
pub(crate) fn bare_number(q: &str, consumed: &[(usize, usize)]) -> Option<String> {
    tokens(q)
        .into_iter()
        .filter(|&(s, e)| !consumed.iter().any(|&(a, b)| s < b && e > a))
        .map(|(s, e)| &q[s..e])
        .find(|w| {
            (1..=4).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_digit())
                && !w.parse::<u16>().is_ok_and(|y| (1945..=2100).contains(&y))
        })
        .map(String::from)
}

/// The words of `q` (letters, digits and dots): their spans.
fn tokens(q: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, c) in q.char_indices() {
        let inside = c.is_alphanumeric() || c == '.' || crate::text::chars::is_combining_mark(c);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                v.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        v.push((s, q.len()));
    }
    v
}

/// Common words one letter from a pinpoint word (folded): "khoảng 2 năm", "tiêu 5 triệu".
const WORDS_NEAR: &[&str] =
    &["khoang", "khoa", "khoai", "dien", "hieu", "tieu", "kieu", "kiem", "hiem", "tiem", "diep"];

/// Whether `b` is `a` with one letter added, dropped, changed, or two neighbours swapped.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let same = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[same..], &b[same..]);
    match (ra.len(), rb.len()) {
        (0, 0) => false,
        (x, y) if x == y => {
            ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        (x, y) if x + 1 == y => ra == &rb[1..],
        (x, y) if y + 1 == x => &ra[1..] == rb,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinpoints_in_every_order_and_spelling() {
        // (query, article, clause, point)
        type Row<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let rows: &[Row] = &[
            ("Điều 47 BLLĐ", Some("47"), None, None),
            ("khoản 1 Điều 35 BLLĐ", Some("35"), Some("1"), None),
            // Article first (probe 14: the article was dropped).
            ("Điều 35 khoản 1 BLLĐ", Some("35"), Some("1"), None),
            ("Điều 5 khoản 2 NĐ145", Some("5"), Some("2"), None),
            ("Điều 5 khoản 2 điểm a NĐ145", Some("5"), Some("2"), Some("a")),
            ("điểm đ khoản 1 điều 4", Some("4"), Some("1"), Some("đ")),
            ("diem d khoan 1 dieu 4", Some("4"), Some("1"), Some("d")),
            // Glued.
            ("điều47 bllđ", Some("47"), None, None),
            ("k1đ35 BLLĐ", Some("35"), Some("1"), None),
            ("đ47 BLLĐ", Some("47"), None, None),
            ("Đ18k3b BLHS", Some("18"), Some("3"), Some("b")),
            ("Đ18 k3 b", Some("18"), Some("3"), Some("b")),
            ("k2 Đ5 LĐĐ", Some("5"), Some("2"), None),
            ("nd135 d4", Some("4"), None, None),
            // Tones mistyped or left out, any case.
            ("Điêu 47 BLLĐ", Some("47"), None, None),
            ("Dieu 47 BLLD", Some("47"), None, None),
            ("ĐIỀU 47 BLLĐ", Some("47"), None, None),
            ("Điềù 47", Some("47"), None, None),
            // Dotted clause and point, after a short or a full article.
            ("Đ37.3 BLLĐ", Some("37"), Some("3"), None),
            ("Đ35.3.d BLLĐ", Some("35"), Some("3"), Some("d")),
            ("Điều 37.3 BLLĐ", Some("37"), Some("3"), None),
            ("Đ 47 BLLĐ", Some("47"), None, None),
            ("Điều 10a Luật Đất đai", Some("10a"), None, None),
            // A clause alone, in short or in full.
            ("k2 NĐ145", None, Some("2"), None),
            ("khoản 3", None, Some("3"), None),
        ];
        for (q, a, k, p) in rows {
            let pin = read(q);
            assert_eq!(
                (pin.article.as_deref(), pin.clause.as_deref(), pin.point.as_deref()),
                (*a, *k, *p),
                "{q}"
            );
        }
    }

    #[test]
    fn words_that_only_look_like_pinpoints_are_not_read() {
        for q in [
            "điều kiện biểu quyết",
            "NĐ145",
            "nd 145/2020",
            "59/2023/NĐ-CP",
            "đất đai 2013",
            "k 2",
            "điểm danh",
            "Luật Đất đai",
            "11-QĐ/TW",
        ] {
            assert_eq!(read(q), Pin::default(), "{q}");
        }
    }

    #[test]
    fn spans_cover_what_was_read() {
        let q = "Điều 35 khoản 1 BLLĐ";
        let pin = read(q);
        let taken: Vec<&str> = pin.spans.iter().map(|&(s, e)| &q[s..e]).collect();
        assert_eq!(taken, ["Điều 35 khoản 1"]);
        let q = "k1đ35 BLLĐ";
        assert_eq!(read(q).spans, [(0, "k1đ35".len())]);
    }

    #[test]
    fn one_letter_off() {
        let rows = [
            ("dieu", "diu", true),
            ("dieu", "dieeu", true),
            ("dieu", "deiu", true),
            ("dieu", "dieu", false),
            ("dieu", "dien", true),
            ("khoan", "khoang", true),
            ("dieu", "du", false),
            ("diem", "di", false),
        ];
        for (a, b, want) in rows {
            assert_eq!(one_edit(a, b), want, "{a} {b}");
        }
    }

    #[test]
    fn whole_tokens() {
        // (token, article, clause, point); None: not a pinpoint whole.
        type Row<'a> = (&'a str, Option<(&'a str, Option<&'a str>, Option<&'a str>)>);
        let rows: &[Row] = &[
            ("Đ37.3", Some(("37", Some("3"), None))),
            ("Đ35.3.d", Some(("35", Some("3"), Some("d")))),
            ("Đ18k3b", Some(("18", Some("3"), Some("b")))),
            ("đ47", Some(("47", None, None))),
            ("Đ37.3x", None),
            ("ĐT", None),
        ];
        for (t, want) in rows {
            let got = token(t);
            let got = got
                .as_ref()
                .map(|p| (p.article.as_deref().unwrap_or(""), p.clause.as_deref(), p.point.as_deref()));
            assert_eq!(got, *want, "{t}");
        }
    }

    #[test]
    fn what_looks_like_a_pinpoint_and_was_not_read() {
        // (query, what is said not to be understood)
        let rows: &[(&str, Option<&str>)] = &[
            ("k1x35 BLLĐ", Some("k1x35")),
            ("Điều thứ 5 BLLĐ", Some("Điều thứ")),
            ("đ4x7 BLLĐ", Some("đ4x7")),
            ("BLLĐ điều kiện nghỉ hưu", None),
            ("Điều 47 BLLĐ", None),
            ("k1đ35 BLLĐ", None),
            // A pinpoint word mistyped by a letter, before a number.
            ("Điu 47 BLLĐ", Some("Điu 47")),
            ("khaon 2 Điều 5 NĐ145", Some("khaon 2")),
            ("Điều 5 NĐ145 nghỉ khoảng 2 ngày", None),
            ("Dieeu 47 BLLĐ", Some("Dieeu 47")),
            // A word one letter from "điều" that is a word of its own is read only before a
            // number ("diễn", "kiều"): not here.
            ("BLLĐ diễn giải", None),
        ];
        for (q, want) in rows {
            let pin = read(q);
            assert_eq!(unread(q, &pin.spans).as_deref(), *want, "{q}");
        }
    }
}
