//! Clean: the text the finder reads, and the way back to the input. Text that has nothing for
//! [`crate::text::normalize_mapped`] to fix (no combining marks, no `Ð`, no odd spaces or
//! zero-width characters — the usual case) is read as is, without building an offset map;
//! anything else is normalized and mapped. Spans are always reported against the input.

use crate::text::{normalize_mapped, Mapped};

/// The text to scan, with the map back to the input when it differs from it.
pub struct Cleaned<'a> {
    input: &'a str,
    map: Option<Mapped>,
}

impl<'a> Cleaned<'a> {
    pub fn new(input: &'a str) -> Cleaned<'a> {
        let map = needs_normalizing(input).then(|| normalize_mapped(input));
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

/// True if the text has a character the normalizer would rewrite or drop: a combining mark
/// (U+0300–U+036F, UTF-8 lead bytes CC/CD), `Ð`/`ð` (C3 90/C3 B0), a no-break space or soft
/// hyphen (C2 A0/C2 AD), or a general-punctuation space, zero-width character or BOM (E2 80 …,
/// E2 81 A0, E3 80 80, EF BB BF). Tone placement ("hoà") is left alone: names read from the
/// text are normalized one by one.
fn needs_normalizing(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        match c {
            0xCC | 0xCD => return true,
            0xC3 if next == 0x90 || next == 0xB0 => return true,
            0xC2 if next == 0xA0 || next == 0xAD => return true,
            0xE2 if next == 0x80 || next == 0x81 => {
                let third = b.get(i + 2).copied().unwrap_or(0);
                if next == 0x80 && (third <= 0x8F || third == 0xAF)
                    || next == 0x81 && (third == 0x9F || third == 0xA0)
                {
                    return true;
                }
            }
            0xE3 if next == 0x80 && b.get(i + 2) == Some(&0x80) => return true,
            0xEF if next == 0xBB && b.get(i + 2) == Some(&0xBF) => return true,
            _ => {}
        }
        i += 1;
    }
    false
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
    fn maps_spans_back() {
        let input = "Nghi\u{0323} đi\u{0323}nh 5";
        let c = Cleaned::new(input);
        assert_eq!(c.text(), "Nghị định 5");
        let (s, e) = c.span(0, c.text().len());
        assert_eq!(&input[s..e], input);
    }
}
