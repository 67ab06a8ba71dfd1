//! Line clean-up: normalized text, one trimmed line per source line, runs of spaces
//! collapsed, blank lines dropped.

use crate::text::normalize;

/// The non-blank lines of `text`, normalized, trimmed and with single spaces.
pub(super) fn clean(text: &str) -> Vec<String> {
    let text = normalize(text);
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// True if the line has letters and none of them is lower case ("LAO ĐỘNG", "CHƯƠNG I").
pub(super) fn is_upper(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// Strips decoration runs (`-----`, `*****`, `____`) from both ends and the middle's edges.
pub(super) fn strip_rules(line: &str) -> &str {
    line.trim_matches(|c: char| matches!(c, '-' | '*' | '_' | '=' | '–' | '—') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_spacing_and_blank_lines() {
        let got = clean("\u{feff}QUỐC   HỘI   -------\n\n  Hà\u{a0}Nội \n");
        assert_eq!(got, vec!["QUỐC HỘI -------", "Hà Nội"]);
        assert_eq!(strip_rules("QUỐC HỘI -------"), "QUỐC HỘI");
        assert!(is_upper("CHƯƠNG I"));
        assert!(!is_upper("Chương I"));
        assert!(!is_upper("-----"));
    }
}
