//! One tone-mark placement. Vietnamese writes the tone of the open syllables -oa, -oe, -uy
//! either on the first vowel ("classic": hòa, khỏe, thủy, Ủy ban, the style of official legal
//! texts) or on the second ("new": hoà, khoẻ, thuỷ, Uỷ ban). cancu keeps the classic style.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// Moves a tone mark written on the second vowel of a final -oa/-oe/-uy to the first.
/// `word` must be NFC; the result is NFC. Words that need no change are returned as is.
pub(super) fn to_classic(word: &str) -> std::borrow::Cow<'_, str> {
    let bytes = word.as_bytes();
    // Cheap filter: the word must end in a non-ASCII letter (the toned a/e/y) right after an
    // ASCII o or u (the first vowel of the pair), which rejects almost every word before any
    // character is decoded or allocated.
    if bytes.len() < 3 || bytes[bytes.len() - 1].is_ascii() {
        return word.into();
    }
    let last = word.chars().next_back().map_or(0, char::len_utf8);
    if !matches!(bytes[..bytes.len() - last].last(), Some(b'o' | b'O' | b'u' | b'U')) {
        return word.into();
    }
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return word.into();
    }
    let (last_base, tone) = split_tone(chars[n - 1]);
    let Some(tone) = tone else { return word.into() };
    let first = chars[n - 2];
    let pair = (first.to_ascii_lowercase(), last_base.to_ascii_lowercase());
    if !matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return word.into();
    }
    // "qu" is a consonant: "quý" is already right; "gi" likewise has no -oa/-uy here.
    if n >= 3 && matches!(chars[n - 3], 'q' | 'Q') {
        return word.into();
    }
    // The first vowel must not follow another vowel (e.g. "ươ" words are out of scope).
    if n >= 3 && is_vowel(chars[n - 3]) {
        return word.into();
    }
    let mut out: String = chars[..n - 2].iter().collect();
    out.extend([first, tone].iter().copied().nfc());
    out.push(last_base);
    out.into()
}

/// Splits a precomposed letter into its letter-without-tone and its tone mark, if any.
fn split_tone(c: char) -> (char, Option<char>) {
    let mut tone = None;
    let base: String = std::iter::once(c)
        .nfd()
        .filter(|m| {
            if TONES.contains(m) {
                tone = Some(*m);
                false
            } else {
                true
            }
        })
        .nfc()
        .collect();
    let mut it = base.chars();
    match (it.next(), it.next()) {
        (Some(b), None) => (b, tone),
        _ => (c, None),
    }
}

fn is_vowel(c: char) -> bool {
    let f = super::fold_char(c);
    matches!(f, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}
