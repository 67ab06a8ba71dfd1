//! Folding for matching without diacritics: lower case, every mark removed, `đ` → `d`.
//! "Nghị định" and "nghi dinh" fold to the same string; used for the index's folded field,
//! for number keys and for query routing.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds one character: lower case, base letter without marks, `đ`/`Đ` → `d`.
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    super::chars::folded(c).unwrap_or_else(|| fold_char_slow(c))
}

/// [`fold_char`] from the Unicode data (what the tables of [`super::chars`] are built from).
pub(super) fn fold_char_slow(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'đ' | 'Đ' | '\u{00D0}' | '\u{00F0}' => return 'd',
        _ => {}
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    let b = base.unwrap_or(c);
    b.to_lowercase().next().unwrap_or(b)
}

/// Folds a string (see [`fold_char`]); combining marks are dropped.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !super::chars::is_combining_mark(c) {
            out.push(fold_char(c));
        }
    }
    out
}

/// True if the string has any Vietnamese diacritic (including `đ`).
pub fn has_diacritics(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_ascii() && c.is_alphabetic() && fold_char(c) != c.to_lowercase().next().unwrap_or(c))
        || s.chars().any(is_combining_mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Nghị định số 59/2023/NĐ-CP"), "nghi dinh so 59/2023/nd-cp");
        assert_eq!(fold("TRƯỞNG THÔN"), "truong thon");
        assert!(has_diacritics("dân"));
        assert!(!has_diacritics("dan"));
        assert!(has_diacritics("đi"));
    }
}
