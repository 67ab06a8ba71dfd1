//! Word-level cursor helpers over the cleaned text: skipping whitespace (a single line break
//! counts as a space, a blank line does not), reading a word, matching a word in any case.
//! Positions are byte offsets, always on char boundaries.

/// The char at `i`, if any.
pub fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

/// The char just before `i`, if any.
pub fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

/// Skips spaces and tabs, and at most one line break (a wrapped line). Stops before a blank
/// line, which ends any citation.
pub fn skip_ws(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    let mut newline = false;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if !newline => {
                newline = true;
                i += 1;
            }
            _ => break,
        }
    }
    i
}

/// Skips spaces and tabs only.
pub fn skip_spaces(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// True if the gap `t[a..b]` contains a line break.
pub fn has_newline(t: &str, a: usize, b: usize) -> bool {
    t.as_bytes()[a..b].contains(&b'\n')
}

/// A letter or digit; Vietnamese letters (Latin-1, Latin Extended-A/B and Extended
/// Additional) are answered without the Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{00C0}'..='\u{00D6}' | '\u{00D8}'..='\u{00F6}' | '\u{00F8}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        || c.is_alphanumeric()
}

/// The word (alphanumeric run) starting at `i`, and its end.
pub fn word_at(t: &str, i: usize) -> Option<(&str, usize)> {
    let rest = t.get(i..)?;
    let len: usize = rest.chars().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum();
    (len > 0).then(|| (&rest[..len], i + len))
}

/// The word ending just before `i` (spaces skipped), and its start.
pub fn word_before(t: &str, i: usize) -> Option<(&str, usize)> {
    let head = t.get(..i)?.trim_end_matches([' ', '\t']);
    let len: usize = head.chars().rev().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum();
    (len > 0).then(|| (&head[head.len() - len..], head.len() - len))
}

/// True if `i` is at a word start (nothing alphanumeric just before it).
pub fn at_word_start(t: &str, i: usize) -> bool {
    !char_before(t, i).is_some_and(is_word_char)
}

/// True if `i` is at a word end (nothing alphanumeric at `i`).
pub fn at_word_end(t: &str, i: usize) -> bool {
    !char_at(t, i).is_some_and(is_word_char)
}

/// Case-insensitive equality of a word with a lower-case word.
pub fn word_is(word: &str, lower: &str) -> bool {
    // Vietnamese letters keep their UTF-8 length in lower case (and ASCII letters theirs).
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    // `word.chars().flat_map(char::to_lowercase).eq(lower.chars())`, one-character lowercases
    // read from the tables (the citation reader asks this at most words it passes).
    let mut want = lower.chars();
    for c in word.chars() {
        match crate::text::chars::lowercase_one(c) {
            Some(l) => {
                if want.next() != Some(l) {
                    return false;
                }
            }
            None => {
                if !c.to_lowercase().all(|l| want.next() == Some(l)) {
                    return false;
                }
            }
        }
    }
    want.next().is_none()
}

/// True if the word may carry its tone in the "new" place ("hoà", "Uỷ", "thoả"): it ends in a
/// non-ASCII letter after o or u.
pub fn maybe_new_tone(word: &str) -> bool {
    let mut rev = word.chars().rev();
    matches!((rev.next(), rev.next()), (Some(l), Some('o' | 'u' | 'O' | 'U')) if !l.is_ascii())
}

/// True if `word` equals the lower-case `lower` once normalized ("hoà" = "hòa", "Uỷ" = "ủy").
fn same_after_normalizing(word: &str, lower: &str) -> bool {
    maybe_new_tone(word) && crate::text::normalize(&word.to_lowercase()) == lower
}

/// Matches the lower-case words `phrase` (single spaces) at `i`, in any case, with any
/// whitespace between them; returns the end of the last word.
pub fn eat_phrase(t: &str, i: usize, phrase: &str) -> Option<usize> {
    let mut pos = i;
    for (n, w) in phrase.split(' ').enumerate() {
        if n > 0 {
            let next = skip_ws(t, pos);
            if next == pos {
                return None;
            }
            pos = next;
        }
        let (word, end) = word_at(t, pos)?;
        let same = word_is(word, w)
            || (word.len() == w.len() && !word.is_ascii() && same_after_normalizing(word, w));
        if !same {
            return None;
        }
        pos = end;
    }
    Some(pos)
}

/// Like [`eat_phrase`] after skipping whitespace.
pub fn eat_phrase_ws(t: &str, i: usize, phrase: &str) -> Option<usize> {
    eat_phrase(t, skip_ws(t, i), phrase)
}

/// True if the phrase ending at `i` (spaces skipped back) is one of `phrases` (lower case).
pub fn preceded_by(t: &str, i: usize, phrases: &[&str]) -> bool {
    // The word just before `i` is read once, not once per phrase.
    let Some((last, last_start)) = word_before(t, i) else { return false };
    phrases.iter().any(|p| {
        let mut words = p.split(' ').rev();
        if !words.next().is_some_and(|w| word_is(last, w)) {
            return false;
        }
        let mut pos = last_start;
        for w in words {
            match word_before(t, pos) {
                Some((word, start)) if word_is(word, w) => pos = start,
                _ => return false,
            }
        }
        true
    })
}

/// True if the first char of the word is upper case.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let t = "của  Ban\nThường vụ";
        assert_eq!(eat_phrase(t, 0, "của ban thường vụ"), Some(t.len()));
        assert_eq!(eat_phrase("BAN HÀNH x", 0, "ban hành"), Some("BAN HÀNH".len()));
        assert_eq!(eat_phrase("a\n\nb", 0, "a b"), None);
        assert!(preceded_by("Xây dựng Kế", "Xây dựng ".len(), &["xây dựng"]));
        assert!(!preceded_by("dựng Kế", "dựng ".len(), &["xây dựng"]));
        assert_eq!(word_before("ab cd ", 6), Some(("cd", 3)));
        assert!(word_is("SỐ", "số"));
        assert!(!word_is("sổ", "số"));
    }

    #[test]
    fn word_is_is_the_standard_lowercase() {
        // (word, lower-case word): the answer must be the standard library's.
        let rows = [
            ("SỐ", "số"),
            ("Số", "sô"),
            ("ĐIỀU", "điều"),
            ("Điều", "điêu"),
            ("HÒA", "hòa"),
            ("İ", "i̇"),
            ("ΩMEGA", "ωmega"),
            ("ẞ", "ß"),
            ("Luật", "luật"),
            ("LUẬT", "luât"),
            ("ab", "abc"),
            ("", ""),
            ("Ǆ", "ǆ"),
            ("Ⅻ", "ⅻ"),
        ];
        for (word, lower) in rows {
            let want = if word.is_ascii() {
                word.eq_ignore_ascii_case(lower)
            } else {
                word.len() == lower.len() && word.chars().flat_map(char::to_lowercase).eq(lower.chars())
            };
            assert_eq!(word_is(word, lower), want, "{word} {lower}");
        }
        assert!(word_is("ĐIỀU", "điều") && !word_is("Điều", "điêu"));
    }

    #[test]
    fn preceded_by_any_of_several_phrases() {
        // (text, position, phrases, expected)
        let rows: [(&str, usize, &[&str], bool); 6] = [
            ("các Nghị quyết", "các ".len(), &["những", "các"], true),
            ("Xây dựng Kế", "Xây dựng ".len(), &["ban hành", "xây dựng"], true),
            ("dựng Kế", "dựng ".len(), &["ban hành", "xây dựng"], false),
            ("  Kế", 2, &["các"], false),
            ("mẫu số 3", "mẫu số ".len(), &["mẫu", "mẫu số"], true),
            ("theo\tCĂN CỨ  x", "theo\tCĂN CỨ  ".len(), &["căn cứ", "theo"], true),
        ];
        for (t, i, phrases, want) in rows {
            assert_eq!(preceded_by(t, i, phrases), want, "{t:?}");
        }
    }
}
