//! Clean: the text the finder reads, and the way back to the input. Text that has nothing for
//! [`crate::text::normalize_mapped`] to fix (no combining marks, no `Ð`, no odd spaces or
//! zero-width characters — the usual case) is read as is, without an offset map. Text whose
//! only faults are decomposed letters and those characters is composed by a light pass (a
//! pair table lookup per combining mark); anything else goes through `normalize_mapped`.
//! Tone placement ("hoà") is left alone by the light pass: names and issuers read from the
//! text are normalized one by one, and word comparisons accept either placement.

use unicode_normalization::char::compose;

use crate::text::{normalize_mapped, Mapped};

/// The text to scan, with the map back to the input when it differs from it.
pub struct Cleaned<'a> {
    input: &'a str,
    map: Option<Mapped>,
}

impl<'a> Cleaned<'a> {
    pub fn new(input: &'a str) -> Cleaned<'a> {
        let map = needs_normalizing(input).then(|| light(input).unwrap_or_else(|| normalize_mapped(input)));
        Cleaned { input, map }
    }

    /// The text to scan.
    pub fn text(&self) -> &str {
        self.map.as_ref().map_or(self.input, |m| m.text.as_str())
    }

    /// The input byte span of a span of the cleaned text.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
            None => (start, end),
            Some(m) => m.span(start, end),
        }
    }
}

/// The light pass: composes each combining mark onto the letter before it, reads `Ð`/`ð` as
/// `Đ`/`đ`, odd spaces as a space, drops zero-width characters, BOM and soft hyphens; `None`
/// when a mark does not compose (not in canonical order, or after a non-letter), so that the
/// full normalizer handles the text.
fn light(s: &str) -> Option<Mapped> {
    let mut text = String::with_capacity(s.len());
    let mut origin: Vec<usize> = Vec::with_capacity(s.len() + 1);
    // The last char pushed, where it starts in `text`, and its input offset.
    let mut last: Option<(char, usize, usize)> = None;
    for (i, c) in s.char_indices() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            let (base, at, from) = last?;
            let composed = compose(base, c)?;
            text.truncate(at);
            origin.truncate(at);
            text.push(composed);
            origin.resize(text.len(), from);
            last = Some((composed, at, from));
            continue;
        }
        let c = match c {
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => {
                last = None;
                continue;
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
            '\u{00D0}' => '\u{0110}',
            '\u{00F0}' => '\u{0111}',
            c => c,
        };
        let at = text.len();
        text.push(c);
        origin.resize(text.len(), i);
        last = Some((c, at, i));
    }
    origin.push(s.len());
    Some(Mapped { text, origin })
}

/// True if the text has a character the normalizer would rewrite or drop: a combining mark
/// (U+0300–U+036F, UTF-8 lead bytes CC/CD), `Ð`/`ð` (C3 90/C3 B0), a no-break space or soft
/// hyphen (C2 A0/C2 AD), or a general-punctuation space, zero-width character or BOM (E2 80 …,
/// E2 81 A0, E3 80 80, EF BB BF). Tone placement ("hoà") is left alone: names read from the
/// text are normalized one by one.
fn needs_normalizing(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    if memchr::memchr3_iter(0xCC, 0xCD, 0xC2, b).any(|i| b[i] != 0xC2 || matches!(at(i + 1), 0xA0 | 0xAD)) {
        return true;
    }
    if memchr::memmem::find(b, "\u{D0}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{F0}".as_bytes()).is_some()
    {
        return true;
    }
    memchr::memchr3_iter(0xE2, 0xE3, 0xEF, b).any(|i| match (b[i], at(i + 1), at(i + 2)) {
        (0xE2, 0x80, t) => t <= 0x8F || t == 0xAF,
        (0xE2, 0x81, t) => t == 0x9F || t == 0xA0,
        (0xE3, 0x80, 0x80) | (0xEF, 0xBB, 0xBF) => true,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_what_the_normalizer_fixes() {
        assert!(!needs_normalizing("Nghị định số 59/2023/NĐ-CP – “x”"));
        assert!(needs_normalizing("Nghi\u{0323} đi\u{0323}nh"));
        assert!(needs_normalizing("Q\u{00D0}/TW"));
        assert!(needs_normalizing("Điều\u{00A0}5"));
        assert!(needs_normalizing("\u{FEFF}Luật"));
        assert!(needs_normalizing("a\u{200B}b"));
    }

    #[test]
    fn light_pass_agrees_with_the_normalizer() {
        use unicode_normalization::UnicodeNormalization;
        let samples = [
            "Nghị định số 59/2023/NĐ-CP của Chính phủ về thực hiện dân chủ ở cơ sở",
            "Ủy ban Thường vụ Quốc hội ban hành Nghị quyết liên tịch; điểm đ khoản 4",
            "Q\u{00D0}i\u{00A0}số\u{200B} 11 \u{FEFF}Luật",
        ];
        for s in samples {
            let nfd: String = s.nfd().collect();
            for input in [nfd.as_str(), s] {
                let m = light(input).expect("composes");
                assert_eq!(m.text, crate::text::normalize(input), "{input:?}");
                assert_eq!(m.origin.len(), m.text.len() + 1);
                let (a, e) = m.span(0, m.text.len());
                assert_eq!((a, e), (0, input.len()));
            }
        }
        // A mark with nothing to compose onto goes to the full normalizer.
        assert!(light(" \u{0301}x").is_none());
        let c = Cleaned::new(" \u{0301}x");
        assert_eq!(c.text(), crate::text::normalize(" \u{0301}x"));
    }

    #[test]
    fn maps_spans_back() {
        let input = "Nghi\u{0323} đi\u{0323}nh 5";
        let c = Cleaned::new(input);
        assert_eq!(c.text(), "Nghị định 5");
        let (s, e) = c.span(0, c.text().len());
        assert_eq!(&input[s..e], input);
    }
}
