//! Vietnamese text: the one place where text is normalized ([`normalize`]) and folded for
//! matching without diacritics ([`fold`]). Import, index, query and citations all call these,
//! so the same words always compare equal whatever keyboard, encoding or dump they came from.

pub mod chars;
mod fold;
mod normalize;
mod tone;

pub use fold::{fold, fold_char, has_diacritics};
pub use normalize::{normalize, normalize_mapped, Mapped};

/// `bytes` as text, or the length of their longest valid UTF-8 prefix: `std::str::from_utf8`
/// with vectorized validation (the corpus reader and the importers check every file whole;
/// the standard check was 2 % of `cancu index`'s CPU on Vietnamese text, mostly non-ASCII).
pub fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::compat::from_utf8(bytes).map_err(|e| e.valid_up_to())
}

/// `s` with its whitespace runs (Unicode White_Space) made one space and its ends trimmed:
/// what `s.split_whitespace().collect::<Vec<_>>().join(" ")` gives, in one pass that copies
/// each word whole and decodes only non-ASCII characters (the importer does it for every
/// paragraph of a dump).
pub fn single_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let bytes = s.as_bytes();
    let push = |out: &mut String, word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    // The start of the word being read, if any.
    let mut word = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (white, width) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            s[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
        };
        if white {
            if let Some(w) = word.take() {
                push(&mut out, &s[w..i]);
            }
        } else if word.is_none() {
            word = Some(i);
        }
        i += width;
    }
    if let Some(w) = word {
        push(&mut out, &s[w..]);
    }
    out
}

/// `count` texts of `len` pieces each, drawn from `pieces` by a fixed linear congruential
/// sequence from `seed`: the same mixtures on every run, for the tests that hold a fast path
/// to its reference over many orders of the same pieces.
#[cfg(test)]
pub(crate) fn mixtures(pieces: &[&str], seed: u32, count: usize, len: usize) -> Vec<String> {
    let mut seed = seed;
    (0..count)
        .map(|_| {
            (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    pieces[(seed >> 16) as usize % pieces.len()]
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn single_spaced_is_split_and_join() {
        // (text, expected)
        let rows = [
            ("", ""),
            ("   ", ""),
            ("Điều  5", "Điều 5"),
            ("\t a\nb \u{00A0} c\u{2003}", "a b c"),
            ("x\u{000B}y\u{0085}z", "x y z"),
            ("một\u{3000}hai", "một hai"),
            ("“Khu dân cư”  là", "“Khu dân cư” là"),
        ];
        for (text, want) in rows {
            assert_eq!(super::single_spaced(text), want, "{text:?}");
            assert_eq!(text.split_whitespace().collect::<Vec<_>>().join(" "), want, "{text:?}");
        }
    }

    #[test]
    fn utf8_is_the_standard_check() {
        // Valid text of every width, then bytes broken at the start, in the middle, at the end
        // of a long run (the vectorized path) and in a truncated sequence.
        let long = "Người lao động được nghỉ. ".repeat(40);
        let mut rows: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"ascii".to_vec(),
            "Điều 5 – “dân chủ” 𝔸".into(),
            long.clone().into(),
            vec![0xFF],
            b"ab\xC3".to_vec(),
            "đ".as_bytes()[..1].to_vec(),
        ];
        for at in [0, 7, 300, long.len() - 1] {
            let mut b = long.clone().into_bytes();
            b.insert(at, 0x80);
            rows.push(b);
        }
        for b in &rows {
            let want = std::str::from_utf8(b).map_err(|e| e.valid_up_to());
            assert_eq!(super::utf8(b), want, "{b:?}");
        }
    }
}
