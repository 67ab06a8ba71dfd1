//! Canonical form of Vietnamese text: NFC, one tone-mark placement (see [`super::tone`]),
//! `Ð` (U+00D0, eth) read as `Đ` (U+0110), no-break and other odd spaces as a plain space,
//! byte-order marks, soft hyphens and zero-width characters removed.
//!
//! [`normalize_mapped`] also returns, for every byte of the output, the byte offset in the
//! input it came from, so that spans found in normalized text (citations) can be reported
//! against the text the user gave.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::tone;

/// Normalized text plus a map from output byte offsets to input byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    /// The normalized text.
    pub text: String,
    /// `origin[i]` is the input byte offset of output byte `i`; `origin[text.len()]` is the
    /// input length. Offsets are non-decreasing and always on input char boundaries.
    pub origin: Vec<usize>,
}

impl Mapped {
    /// Maps a byte span of [`Mapped::text`] back to a byte span of the input.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start.min(self.text.len())];
        if end <= start {
            return (s, s);
        }
        // The end of a span is the start of what follows it in the input.
        let e = if end >= self.text.len() {
            self.origin[self.text.len()]
        } else {
            let mut i = end;
            // A span ending inside a rewritten word ends where the word ends.
            while i < self.text.len() && self.origin[i] == self.origin[end - 1] {
                i += 1;
            }
            self.origin[i]
        };
        (s, e.max(s))
    }
}

/// `raw` in NFC with the eth read as Đ/đ, written into `buf` (cleared first); returns it.
fn composed_into<'a>(raw: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    buf.extend(raw.nfc().map(|c| match c {
        '\u{00D0}' => '\u{0110}',
        '\u{00F0}' => '\u{0111}',
        c => c,
    }));
    buf
}

/// Normalizes Vietnamese text. ASCII input is returned borrowed.
pub fn normalize(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    run(s, &mut out, None);
    Cow::Owned(out)
}

/// Normalizes and keeps the offset map (see [`Mapped`]).
pub fn normalize_mapped(s: &str) -> Mapped {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len() + 1);
    run(s, &mut text, Some(&mut origin));
    origin.push(s.len());
    Mapped { text, origin }
}

/// What to do with one character outside words.
enum Action {
    Drop,
    Space,
    Keep,
}

fn classify(c: char) -> Action {
    match c {
        '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => Action::Drop,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Action::Space,
        _ => Action::Keep,
    }
}

fn is_word_char(c: char) -> bool {
    super::chars::is_alphabetic(c) || super::chars::is_combining_mark(c)
}

fn run(s: &str, out: &mut String, mut origin: Option<&mut Vec<usize>>) {
    let bytes = s.as_bytes();
    let mut word = String::new();
    // `s[kept..i]` comes out unchanged and is not written yet: most text is already in
    // canonical form, and is then copied in one piece.
    let mut kept = 0;
    let mut i = 0;
    let keep = |out: &mut String, origin: &mut Option<&mut Vec<usize>>, from: usize, to: usize| {
        out.push_str(&s[from..to]);
        if let Some(map) = origin.as_deref_mut() {
            map.extend(from..to);
        }
    };
    while i < s.len() {
        // ASCII stays as it is, words and the rest alike (the characters dropped or made a
        // space are not ASCII): skip to the next non-ASCII byte, less the ASCII letters just
        // before it (they begin the word it may belong to).
        let next = bytes[i..].iter().position(|b| !b.is_ascii()).map_or(s.len(), |k| i + k);
        let mut start = next;
        if next < s.len() {
            while start > i && bytes[start - 1].is_ascii_alphabetic() {
                start -= 1;
            }
        }
        i = start;
        let Some(c) = s[i..].chars().next() else { break };
        if is_word_char(c) {
            // The whole word, and whether it is made of NFC starters only (then it is
            // composed already: no decompose-recompose round trip).
            let mut end = i;
            let mut starters = true;
            for (k, d) in s[i..].char_indices() {
                if !is_word_char(d) {
                    break;
                }
                starters &= super::chars::is_nfc_starter(d) && !matches!(d, '\u{00D0}' | '\u{00F0}');
                end = i + k + d.len_utf8();
            }
            let raw = &s[i..end];
            let composed = starters
                || (is_nfc_quick(raw.chars()) == IsNormalized::Yes
                    && !raw.contains(['\u{00D0}', '\u{00F0}']));
            let word: &str = if composed { raw } else { composed_into(raw, &mut word) };
            let fixed = tone::to_classic(word);
            // A composed word the tone rule left alone is the word as written.
            let unchanged = if composed { matches!(fixed, Cow::Borrowed(_)) } else { *fixed == *raw };
            if !unchanged {
                keep(out, &mut origin, kept, i);
                let before = out.len();
                out.push_str(&fixed);
                if let Some(map) = origin.as_deref_mut() {
                    if fixed.len() == raw.len() {
                        map.extend(i..end);
                    } else {
                        map.extend(std::iter::repeat_n(i, out.len() - before));
                    }
                }
                kept = end;
            }
            i = end;
            continue;
        }
        let width = c.len_utf8();
        match classify(c) {
            // Every byte of a character kept maps to its first byte: only a map needs the
            // character apart.
            Action::Keep if width == 1 || origin.is_none() => {}
            action => {
                keep(out, &mut origin, kept, i);
                let before = out.len();
                match action {
                    Action::Drop => {}
                    Action::Space => out.push(' '),
                    Action::Keep => out.push(c),
                }
                if let Some(map) = origin.as_deref_mut() {
                    map.extend(std::iter::repeat_n(i, out.len() - before));
                }
                kept = i + width;
            }
        }
        i += width;
    }
    keep(out, &mut origin, kept, s.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_nfc_agree() {
        let nfd: String = "Thực hiện dân chủ ở cơ sở".nfd().collect();
        assert_ne!(nfd, "Thực hiện dân chủ ở cơ sở");
        assert_eq!(normalize(&nfd), "Thực hiện dân chủ ở cơ sở");
    }

    #[test]
    fn eth_spaces_bom_zero_width() {
        assert_eq!(normalize("\u{FEFF}NGHỊ ÐỊNH"), "NGHỊ ĐỊNH");
        assert_eq!(normalize("Điều\u{00A0}5"), "Điều 5");
        assert_eq!(normalize("dân\u{200B}chủ"), "dânchủ");
        assert_eq!(normalize("plain ascii"), "plain ascii");
    }

    #[test]
    fn tone_placement_is_unified() {
        for (a, b) in [("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("thoả", "thỏa")]
        {
            assert_eq!(normalize(a), normalize(b), "{a} vs {b}");
        }
        // "quý" keeps its mark: the u belongs to the consonant "qu".
        assert_eq!(normalize("quý"), "quý");
        // A mark on a vowel followed by a final consonant never moves.
        assert_eq!(normalize("hoàn thành"), "hoàn thành");
    }

    #[test]
    fn empty_spans_do_not_panic() {
        // Regression: span(0, 0) underflowed computing `end - 1`.
        let m = normalize_mapped("Điều 5");
        assert_eq!(m.span(0, 0), (0, 0));
        assert_eq!(m.span(3, 2), (m.origin[3], m.origin[3]));
        let empty = normalize_mapped("");
        assert_eq!(empty.span(0, 0), (0, 0));
    }

    #[test]
    fn mapped_offsets_point_into_input() {
        let input = "\u{FEFF}Luật\u{00A0}số 10";
        let m = normalize_mapped(input);
        assert_eq!(m.text, "Luật số 10");
        let start = m.text.find("số").unwrap();
        let (s, e) = m.span(start, m.text.len());
        assert_eq!(&input[s..e], "số 10");
        let nfd: String = "Điều 5".nfd().collect();
        let m = normalize_mapped(&nfd);
        let (s, e) = m.span(0, "Điều".len());
        assert_eq!(&nfd[s..e], &nfd[..nfd.find(' ').unwrap()]);
    }

    /// The character-by-character reading this module had before its fast paths (ASCII
    /// skipped, unchanged text copied in runs): the oracle they must agree with, text and
    /// offsets.
    fn reference(s: &str, out: &mut String, mut origin: Option<&mut Vec<usize>>) {
        let mut word = String::new();
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                // Collect the whole word, then compose it and fix its tone mark.
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                let raw = &s[i..end];
                if raw.is_ascii() {
                    // Nothing to compose or move: the fast path for markup and plain words.
                    out.push_str(raw);
                    if let Some(map) = origin.as_deref_mut() {
                        map.extend(i..end);
                    }
                    continue;
                }
                let composed = (raw.chars().all(super::super::chars::is_nfc_starter)
                    || is_nfc_quick(raw.chars()) == IsNormalized::Yes)
                    && !raw.contains(['\u{00D0}', '\u{00F0}']);
                // Already composed (most words): skip the decompose-recompose round trip.
                let word: &str = if composed { raw } else { composed_into(raw, &mut word) };
                let fixed = super::tone::to_classic(word);
                let before = out.len();
                out.push_str(&fixed);
                if let Some(map) = origin.as_deref_mut() {
                    if fixed.len() == raw.len() {
                        map.extend(i..end);
                    } else {
                        map.extend(std::iter::repeat_n(i, out.len() - before));
                    }
                }
                continue;
            }
            let before = out.len();
            match classify(c) {
                Action::Drop => {}
                Action::Space => out.push(' '),
                Action::Keep => out.push(c),
            }
            if let Some(map) = origin.as_deref_mut() {
                map.extend(std::iter::repeat_n(i, out.len() - before));
            }
        }
    }

    #[test]
    fn the_fast_paths_change_nothing() {
        // Pieces that meet in every order: NFD and NFC words, tone placements, eth, odd
        // spaces, zero-width characters, a combining mark after ASCII, digits, punctuation.
        let nfd: String = "Thuỷ lợi".nfd().collect();
        let pieces = [
            "Điều 5.",
            "hoà",
            "Uỷ ban",
            "quý",
            " ",
            "\u{00A0}",
            "\u{200B}",
            "\u{FEFF}",
            "ÐỊNH",
            "ð",
            "abc",
            "e\u{0301}",
            "\u{0301}",
            "5à",
            "“trích”",
            "x-y",
            "\n",
            &nfd,
            "khoẻ;",
            "TOÀ",
            "ngoài",
            "(a)",
        ];
        let mut rows: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        rows.extend(crate::text::mixtures(&pieces, 7, 400, 6));
        for t in rows {
            let (mut want, mut want_map) = (String::new(), Vec::new());
            reference(&t, &mut want, Some(&mut want_map));
            want_map.push(t.len());
            let got = normalize_mapped(&t);
            assert_eq!((got.text.as_str(), &got.origin), (want.as_str(), &want_map), "{t:?}");
            assert_eq!(normalize(&t), want, "{t:?}");
        }
    }
}
