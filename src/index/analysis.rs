//! Vietnamese analysis for the index and for queries: text is cut into syllables (runs of
//! letters and digits) and each syllable gives up to three terms —
//!
//! - **folded**: lower case, diacritics removed ([`crate::text::fold`]), so "dan" finds "dân";
//!   the one-letter word "đ" is *not* folded, so that "điểm đ" never matches "điểm d";
//! - **exact**: lower case, diacritics kept ("dân" ≠ "dần"), indexed only where it differs
//!   from the folded term ("dân", not "cho": the folded "cho" stands for it);
//! - **bigram**: two adjacent folded syllables joined by `_` ("dan_chu"), so that two-syllable
//!   words ("dân chủ", "lao động", "trưởng thôn") count as units. Punctuation between two
//!   syllables breaks the pair ("hương ước, quy ước" has no "uoc_quy").
//!
//! A zone is **two fields**: its folded terms, with positions (quoted phrases), and its
//! other terms ([`Mode::Extra`]: exact where it differs from the folded term, bigrams) without
//! positions. The kinds of term cannot collide (a folded term has no diacritics except the
//! lone "đ", which is its own exact term; only a bigram has `_`), so [`field_of`] tells from a
//! term which of the two holds it, and a syllable typed without diacritics costs one posting,
//! not two.
//!
//! Text must already be normalized ([`crate::text::normalize`]): the tokenizers work on it as
//! is, so that token offsets point into the stored text (snippets highlight by offset).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::text::chars::{is_alphanumeric, push_lowercase};
use crate::text::fold_char;

/// Tokenizer names registered on every index: a zone's folded terms, and its other terms.
pub const FOLDED: &str = "vi_folded";
pub const EXTRA: &str = "vi_extra";

/// How a syllable is turned into terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Exact,
    Folded,
    Bigram,
    /// A zone's terms besides its folded ones, per syllable: the exact term (only where it
    /// differs from the folded one), then the bigram with the previous syllable (unless
    /// broken).
    Extra,
}

/// One syllable of a text: its byte span, and whether punctuation separates it from the
/// previous syllable (which breaks bigrams).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syllable {
    pub start: usize,
    pub end: usize,
    pub broken: bool,
}

/// The syllables of `text`, in order.
pub fn syllables(text: &str) -> Syllables<'_> {
    Syllables { text, pos: 0, first: true }
}

/// Iterator over [`Syllable`]s.
pub struct Syllables<'a> {
    text: &'a str,
    pos: usize,
    first: bool,
}

impl Iterator for Syllables<'_> {
    type Item = Syllable;

    fn next(&mut self) -> Option<Syllable> {
        // Byte by byte over ASCII (most of the markup, digits, spaces and many syllables),
        // decoding a character only where a byte is not ASCII.
        let bytes = self.text.as_bytes();
        let mut broken = self.first;
        let mut i = self.pos;
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break i;
                }
                if !(b as char).is_whitespace() {
                    broken = true;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next()?;
                if is_alphanumeric(c) {
                    break i;
                }
                if !c.is_whitespace() {
                    broken = true;
                }
                i += c.len_utf8();
            }
        };
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                end += 1;
            } else {
                match self.text[end..].chars().next() {
                    Some(c) if is_alphanumeric(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        self.pos = end;
        self.first = false;
        Some(Syllable { start, end, broken })
    }
}

/// Writes the term of one syllable in `mode` into `out`: Folded folds, every other mode
/// gives the exact term.
pub fn term_into(word: &str, mode: Mode, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // Folding an ASCII word is lowering its case, as for the exact term (pushed byte by
        // byte: a syllable is a few bytes, shorter than a call to `memcpy` is worth).
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(_), None));
    for c in word.chars() {
        match mode {
            Mode::Folded if !(single && matches!(c, 'đ' | 'Đ')) => out.push(fold_char(c)),
            _ => push_lowercase(c, out),
        }
    }
}

/// The folded and the exact term of one syllable in one pass ([`term_into`] in both modes);
/// returns whether they differ.
fn terms_into(word: &str, folded: &mut String, exact: &mut String) -> bool {
    folded.clear();
    exact.clear();
    if word.is_ascii() {
        folded.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return false;
    }
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(_), None));
    for c in word.chars() {
        push_lowercase(c, exact);
        if single && matches!(c, 'đ' | 'Đ') {
            push_lowercase(c, folded);
        } else {
            folded.push(fold_char(c));
        }
    }
    folded != exact
}

/// The term of one syllable in `mode` (Exact or Folded).
pub fn term(word: &str, mode: Mode) -> String {
    let mut s = String::new();
    term_into(word, mode, &mut s);
    s
}

/// The terms a text gives in `mode`, in order (bigrams included for [`Mode::Bigram`] and
/// [`Mode::Extra`]).
pub fn terms(text: &str, mode: Mode) -> Vec<String> {
    let mut out = Vec::new();
    let mut tok = ViTokenizer::new(mode);
    let mut stream = tok.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The tantivy tokenizer for one [`Mode`].
#[derive(Clone)]
pub struct ViTokenizer {
    mode: Mode,
    token: Token,
}

impl ViTokenizer {
    pub fn new(mode: Mode) -> ViTokenizer {
        ViTokenizer { mode, token: Token::default() }
    }
}

/// Token stream of [`ViTokenizer`].
pub struct ViTokenStream<'a> {
    text: &'a str,
    syllables: Syllables<'a>,
    mode: Mode,
    token: &'a mut Token,
    /// Bigram and extra modes: the previous syllable's folded term and start.
    prev: String,
    prev_start: Option<usize>,
    scratch: String,
    /// Extra mode: the terms still to emit at the current syllable (exact, then bigram),
    /// with their spans.
    pending: [Option<(usize, usize)>; 2],
    exact: String,
    bigram: String,
}

impl Tokenizer for ViTokenizer {
    type TokenStream<'a> = ViTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ViTokenStream<'a> {
        self.token.reset();
        ViTokenStream {
            text,
            syllables: syllables(text),
            mode: self.mode,
            token: &mut self.token,
            prev: String::new(),
            prev_start: None,
            scratch: String::new(),
            pending: [None; 2],
            exact: String::new(),
            bigram: String::new(),
        }
    }
}

impl ViTokenStream<'_> {
    /// Extra mode: emits the next term pending at the current syllable, if any.
    fn pop_pending(&mut self) -> bool {
        for (i, slot) in self.pending.iter_mut().enumerate() {
            if let Some((from, to)) = slot.take() {
                // The term's buffer is rewritten whole before its next use: swap, not copy.
                std::mem::swap(&mut self.token.text, if i == 0 { &mut self.exact } else { &mut self.bigram });
                self.token.offset_from = from;
                self.token.offset_to = to;
                return true;
            }
        }
        false
    }
}

impl TokenStream for ViTokenStream<'_> {
    fn advance(&mut self) -> bool {
        if self.pop_pending() {
            return true;
        }
        loop {
            let Some(s) = self.syllables.next() else { return false };
            let word = &self.text[s.start..s.end];
            self.token.position = self.token.position.wrapping_add(1);
            match self.mode {
                Mode::Exact | Mode::Folded => {
                    term_into(word, self.mode, &mut self.token.text);
                    self.token.offset_from = s.start;
                    self.token.offset_to = s.end;
                    return true;
                }
                Mode::Extra => {
                    if terms_into(word, &mut self.scratch, &mut self.exact) {
                        self.pending[0] = Some((s.start, s.end));
                    }
                    if let (Some(p), false) = (self.prev_start, s.broken) {
                        self.bigram.clear();
                        self.bigram.push_str(&self.prev);
                        self.bigram.push('_');
                        self.bigram.push_str(&self.scratch);
                        self.pending[1] = Some((p, s.end));
                    }
                    std::mem::swap(&mut self.prev, &mut self.scratch);
                    self.prev_start = Some(s.start);
                    if self.pop_pending() {
                        return true;
                    }
                }
                Mode::Bigram => {
                    term_into(word, Mode::Folded, &mut self.scratch);
                    let prev_start = if s.broken { None } else { self.prev_start };
                    std::mem::swap(&mut self.prev, &mut self.scratch);
                    self.prev_start = Some(s.start);
                    if let Some(p) = prev_start {
                        // scratch now holds the previous term.
                        self.token.text.clear();
                        self.token.text.push_str(&self.scratch);
                        self.token.text.push('_');
                        self.token.text.push_str(&self.prev);
                        self.token.offset_from = p;
                        self.token.offset_to = s.end;
                        return true;
                    }
                }
            }
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Registers the two tokenizers on an index (needed after every open).
pub fn register(index: &tantivy::Index) {
    let m = index.tokenizers();
    m.register(FOLDED, ViTokenizer::new(Mode::Folded));
    m.register(EXTRA, ViTokenizer::new(Mode::Extra));
}

/// Whether a term of a zone is one of its folded terms (else an exact or bigram term, held
/// in the zone's other field; see the module doc).
pub fn is_folded(t: &str) -> bool {
    !t.contains('_') && term(t, Mode::Folded) == t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_modes() {
        let t = "Dân chủ, ở cơ sở; điểm đ";
        assert_eq!(terms(t, Mode::Exact), ["dân", "chủ", "ở", "cơ", "sở", "điểm", "đ"]);
        assert_eq!(terms(t, Mode::Folded), ["dan", "chu", "o", "co", "so", "diem", "đ"]);
        assert_eq!(terms(t, Mode::Bigram), ["dan_chu", "o_co", "co_so", "diem_đ"]);
    }

    #[test]
    fn a_zone_has_every_term_once_per_syllable() {
        // (text, folded terms, other terms: exact where it differs, then the bigram)
        let rows: [(&str, &[&str], &[&str]); 4] = [
            ("Dân chủ", &["dan", "chu"], &["dân", "chủ", "dan_chu"]),
            ("cho con, theo", &["cho", "con", "theo"], &["cho_con"]),
            ("điểm đ", &["diem", "đ"], &["điểm", "diem_đ"]),
            ("Đảng 5", &["dang", "5"], &["đảng", "dang_5"]),
        ];
        for (text, folded, extra) in rows {
            assert_eq!(terms(text, Mode::Folded), folded, "{text}");
            assert_eq!(terms(text, Mode::Extra), extra, "{text}");
            assert!(folded.iter().all(|t| is_folded(t)) && !extra.iter().any(|t| is_folded(t)), "{text}");
        }
    }

    #[test]
    fn extra_terms_point_into_the_text() {
        let t = "Lao động, tiền";
        let mut tok = ViTokenizer::new(Mode::Extra);
        let mut s = tok.token_stream(t);
        let mut got = Vec::new();
        while s.advance() {
            got.push((s.token().text.clone(), &t[s.token().offset_from..s.token().offset_to]));
        }
        let want = [("động", "động"), ("lao_dong", "Lao động"), ("tiền", "tiền")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b)));
    }

    #[test]
    fn identifiers_keep_their_letters() {
        assert_ne!(terms("điểm đ", Mode::Folded), terms("điểm d", Mode::Folded));
        assert_ne!(terms("điểm đ", Mode::Bigram), terms("điểm d", Mode::Bigram));
        // Longer words fold as usual.
        assert_eq!(terms("Đảng", Mode::Folded), ["dang"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let t = "Điều 5. Lao động";
        let mut tok = ViTokenizer::new(Mode::Bigram);
        let mut s = tok.token_stream(t);
        let mut spans = Vec::new();
        while s.advance() {
            spans.push(&t[s.token().offset_from..s.token().offset_to]);
        }
        assert_eq!(spans, ["Điều 5", "Lao động"]);
    }

    /// The analysis as it was written before its fast paths (one character at a time, one
    /// pass per term): the oracle the index's tokens must stay identical to.
    mod reference {
        use super::super::Mode;
        use crate::text::chars::{is_alphanumeric, push_lowercase};
        use crate::text::fold_char;

        fn syllables(text: &str) -> Vec<(usize, usize, bool)> {
            let (mut out, mut pos, mut first) = (Vec::new(), 0, true);
            loop {
                let mut broken = first;
                let mut start = None;
                for (i, c) in text[pos..].char_indices() {
                    if is_alphanumeric(c) {
                        start = Some(pos + i);
                        break;
                    }
                    if !c.is_whitespace() {
                        broken = true;
                    }
                }
                let Some(start) = start else { return out };
                let end = text[start..]
                    .char_indices()
                    .find(|(_, c)| !is_alphanumeric(*c))
                    .map_or(text.len(), |(i, _)| start + i);
                out.push((start, end, broken));
                pos = end;
                first = false;
            }
        }

        fn term(word: &str, folded: bool) -> String {
            let single = word.chars().count() == 1;
            let mut out = String::new();
            for c in word.chars() {
                if folded && !(single && matches!(c, 'đ' | 'Đ')) {
                    out.push(fold_char(c));
                } else {
                    push_lowercase(c, &mut out);
                }
            }
            out
        }

        /// (term, offset from, offset to, position) of every token of `text` in `mode`.
        pub fn tokens(text: &str, mode: Mode) -> Vec<(String, usize, usize, usize)> {
            let mut out = Vec::new();
            let mut prev: Option<(String, usize)> = None;
            for (pos, (start, end, broken)) in syllables(text).into_iter().enumerate() {
                let word = &text[start..end];
                let folded = term(word, true);
                match mode {
                    Mode::Exact | Mode::Folded => {
                        out.push((term(word, mode == Mode::Folded), start, end, pos))
                    }
                    Mode::Extra | Mode::Bigram => {
                        let exact = term(word, false);
                        if mode == Mode::Extra && exact != folded {
                            out.push((exact, start, end, pos));
                        }
                        if let (Some((p, from)), false) = (&prev, broken) {
                            out.push((format!("{p}_{folded}"), *from, end, pos));
                        }
                    }
                }
                prev = Some((folded, start));
            }
            out
        }
    }

    #[test]
    fn the_tokens_are_those_of_the_reference_analysis() {
        // A fixture in every mode, then its pieces joined in many orders: diacritics, the lone
        // "đ", digits, punctuation and odd spaces between syllables, NFD marks, other scripts.
        let fixture = "Điều 12. Người lao động (NLĐ) được nghỉ 5 ngày; điểm đ khoản 3, Đ 4\u{00A0}ĐẢNG\n\
                       Hòa giải ở cơ sở – “tổ hòa giải”/thôn-bản 2024/NĐ-CP x2 ÀÁ e\u{0301} Ωμέγα ß İ";
        let pieces: Vec<&str> = fixture.split_inclusive([' ', '.', ',']).collect();
        let mut rows = vec![fixture.to_string(), String::new(), " ; ".into(), "đ".into(), "Đ".into()];
        rows.extend(crate::text::mixtures(&pieces, 11, 300, 8));
        for t in &rows {
            for mode in [Mode::Exact, Mode::Folded, Mode::Bigram, Mode::Extra] {
                let mut tok = ViTokenizer::new(mode);
                let mut s = tok.token_stream(t);
                let mut got = Vec::new();
                while s.advance() {
                    let k = s.token();
                    got.push((k.text.clone(), k.offset_from, k.offset_to, k.position));
                }
                assert_eq!(got, reference::tokens(t, mode), "{mode:?} {t:?}");
            }
        }
    }
}
