//! Context snippets: a short excerpt of the citing text around a citation, whitespace
//! collapsed, cut on word boundaries, with the citation's place inside it.

/// Bytes of context kept on each side of the citation (before word trimming).
const SIDE: usize = 80;

/// An excerpt and the byte span of the citation inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub mark: (usize, usize),
}

/// The excerpt of `text` around `start..end` (byte offsets on char boundaries), staying in the
/// same line.
pub fn around(text: &str, start: usize, end: usize) -> Snippet {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let mut from = start.saturating_sub(SIDE).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > line_start {
        // Start at a word.
        if let Some(sp) = text[from..start].find(' ') {
            from += sp + 1;
        }
    }
    let mut to = (end + SIDE).min(line_end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < line_end {
        if let Some(sp) = text[end..to].rfind(' ') {
            to = end + sp;
        }
    }
    let mut out = String::with_capacity(to - from + 8);
    let mut mark = (0, 0);
    if from > line_start {
        out.push('…');
    }
    push_collapsed(&mut out, &text[from..start]);
    mark.0 = out.len();
    push_collapsed(&mut out, &text[start..end]);
    mark.1 = out.len();
    push_collapsed(&mut out, &text[end..to]);
    if to < line_end {
        out.push('…');
    }
    Snippet { text: out, mark }
}

/// Appends `s` with every whitespace run as one space.
fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// `s` with every whitespace run as one space, trimmed (to compare snippets with sources).
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s.trim());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_line_and_marks_the_citation() {
        let text = "Dòng trước.\nTheo quy định tại   Điều 5 của Luật Mẫu thì cơ quan phải làm.\nDòng sau.";
        let s = text.find("Điều 5").unwrap();
        let e = s + "Điều 5 của Luật Mẫu".len();
        let sn = around(text, s, e);
        assert_eq!(sn.text, "Theo quy định tại Điều 5 của Luật Mẫu thì cơ quan phải làm.");
        assert_eq!(&sn.text[sn.mark.0..sn.mark.1], "Điều 5 của Luật Mẫu");
    }

    #[test]
    fn cuts_long_lines_at_words() {
        let long = "một hai ba bốn năm sáu bảy tám chín mười ".repeat(6);
        let text = format!("{long}Nghị định số 1/2020/NĐ-CP {long}");
        let s = text.find("Nghị định").unwrap();
        let sn = around(&text, s, s + "Nghị định số 1/2020/NĐ-CP".len());
        assert!(sn.text.starts_with('…') && sn.text.ends_with('…'), "{}", sn.text);
        assert!(sn.text.len() < 2 * SIDE + 40);
        assert_eq!(&sn.text[sn.mark.0..sn.mark.1], "Nghị định số 1/2020/NĐ-CP");
        assert!(!sn.text.contains("  "));
    }
}
