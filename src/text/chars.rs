//! Character classes and mappings of the scripts Vietnamese text is written in (U+0000 to
//! U+1FFF: ASCII, Latin-1, Latin Extended, combining marks, Latin Extended Additional), read
//! from tables built once from the standard library's Unicode data. The standard lookups
//! (`char::is_alphanumeric`, `char::to_lowercase`, canonical decomposition) are binary
//! searches per character and were the hottest code of indexing; these answer the same for
//! every character (a unit test checks every one below [`END`]) and fall back to them above.

use std::sync::OnceLock;

use unicode_normalization::char::is_combining_mark as is_combining_mark_slow;

/// First character not in the tables.
pub const END: u32 = 0x2000;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 2;
const COMBINING: u8 = 4;
const NFC_STARTER: u8 = 8;

struct Tables {
    flags: Box<[u8]>,
    /// The one-character lowercase, or `'\0'` when it has several characters.
    lower: Box<[char]>,
    folded: Box<[char]>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let chars = || (0..END).map(|u| char::from_u32(u).unwrap_or('\0'));
        Tables {
            flags: chars()
                .map(|c| {
                    (if c.is_alphabetic() { ALPHABETIC } else { 0 })
                        | (if c.is_numeric() { NUMERIC } else { 0 })
                        | (if is_combining_mark_slow(c) { COMBINING } else { 0 })
                        | (if nfc_starter_slow(c) { NFC_STARTER } else { 0 })
                })
                .collect(),
            lower: chars()
                .map(|c| {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(one), None) => one,
                        _ => '\0',
                    }
                })
                .collect(),
            folded: chars().map(super::fold::fold_char_slow).collect(),
        }
    })
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if (c as u32) < END {
        tables().flags[c as usize] & ALPHABETIC != 0
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if (c as u32) < END {
        tables().flags[c as usize] & (ALPHABETIC | NUMERIC) != 0
    } else {
        c.is_alphanumeric()
    }
}

/// Whether a text made of such characters only is in NFC: combining class 0 and NFC quick
/// check "yes" (what `unicode_normalization::is_nfc_quick` checks, per character).
fn nfc_starter_slow(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && unicode_normalization::is_nfc_quick(std::iter::once(c)) == unicode_normalization::IsNormalized::Yes
}

/// Whether `c` has combining class 0 and is NFC on its own: a string of such characters is
/// in NFC (`is_nfc_quick` answers yes), without the Unicode lookups.
#[inline]
pub fn is_nfc_starter(c: char) -> bool {
    if c.is_ascii() {
        true
    } else if (c as u32) < END {
        tables().flags[c as usize] & NFC_STARTER != 0
    } else {
        nfc_starter_slow(c)
    }
}

/// Whether `c` is a combining mark (`unicode_normalization::char::is_combining_mark`).
#[inline]
pub fn is_combining_mark(c: char) -> bool {
    if c.is_ascii() {
        false
    } else if (c as u32) < END {
        tables().flags[c as usize] & COMBINING != 0
    } else {
        is_combining_mark_slow(c)
    }
}

/// Pushes the lowercase of `c` (`c.to_lowercase()`) onto `out`.
#[inline]
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if (c as u32) < END {
        let l = tables().lower[c as usize];
        if l != '\0' {
            out.push(l);
            return;
        }
    }
    out.extend(c.to_lowercase());
}

/// The lowercase of `c` when it is one character (`c.to_lowercase()` of length one), from the
/// tables below [`END`]; `None` when it is several characters or `c` is above the tables.
#[inline]
pub fn lowercase_one(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if (c as u32) < END {
        let l = tables().lower[c as usize];
        if l != '\0' {
            return Some(l);
        }
    }
    None
}

/// [`super::fold_char`] of a character below [`END`].
#[inline]
pub(super) fn folded(c: char) -> Option<char> {
    ((c as u32) < END).then(|| tables().folded[c as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_agree_with_the_standard_library_for_every_character() {
        for u in 0..END + 0x100 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_combining_mark(c), is_combining_mark_slow(c), "{c:?}");
            assert_eq!(is_nfc_starter(c), nfc_starter_slow(c), "{c:?}");
            let mut got = String::new();
            push_lowercase(c, &mut got);
            assert_eq!(got, c.to_lowercase().collect::<String>(), "{c:?}");
            assert_eq!(super::super::fold_char(c), super::super::fold::fold_char_slow(c), "{c:?}");
        }
    }

    #[test]
    fn a_word_of_nfc_starters_is_nfc() {
        use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
        // (word, every character an NFC starter)
        let nfd: String = "Hòa".nfd().collect();
        let rows =
            [("Hòa", true), ("Thủy", true), ("đường", true), (nfd.as_str(), false), ("a\u{0301}", false)];
        for (w, starters) in rows {
            assert_eq!(w.chars().all(is_nfc_starter), starters, "{w:?}");
            if starters {
                assert_eq!(is_nfc_quick(w.chars()), IsNormalized::Yes, "{w:?}");
            }
        }
    }

    #[test]
    fn vietnamese_rows() {
        // (character, alphanumeric, lowercase, folded)
        let rows = [
            ('Ệ', true, "ệ", 'e'),
            ('đ', true, "đ", 'd'),
            ('Ư', true, "ư", 'u'),
            ('5', true, "5", '5'),
            ('–', false, "–", '–'),
            ('\u{0301}', false, "\u{0301}", '\u{0301}'),
            ('İ', true, "i\u{0307}", 'i'),
        ];
        for (c, alnum, lower, fold) in rows {
            let mut l = String::new();
            push_lowercase(c, &mut l);
            assert_eq!(
                (is_alphanumeric(c), l.as_str(), super::super::fold_char(c)),
                (alnum, lower, fold),
                "{c:?}"
            );
        }
    }
}
