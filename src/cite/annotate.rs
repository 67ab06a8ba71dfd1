//! Annotate: the last stage — a text cut into pieces, each plain or covered by one mark (a
//! citation, a warning, text to drop), for every renderer to dress as it needs: the document
//! page's links, the linker's HTML and Markdown. One rule for overlapping and broken spans:
//! marks are taken in text order, the first (the longest at the same start) wins, and a span
//! that is empty, past the end or off a character boundary is left out.

/// A piece of the text: `text[start..end]`, plain (`mark: None`) or marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<M> {
    pub start: usize,
    pub end: usize,
    pub mark: Option<M>,
}

/// Cuts `text` into pieces under `marks` (byte spans `start..end` with what marks them). The
/// pieces cover the whole text in order; empty plain pieces are left out.
pub fn annotate<M>(text: &str, marks: impl IntoIterator<Item = (usize, usize, M)>) -> Vec<Piece<M>> {
    let mut marks: Vec<(usize, usize, M)> = marks
        .into_iter()
        .filter(|(s, e, _)| {
            s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
        })
        .collect();
    marks.sort_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)));
    let mut out = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    for (s, e, m) in marks {
        if s < at {
            continue;
        }
        if s > at {
            out.push(Piece { start: at, end: s, mark: None });
        }
        out.push(Piece { start: s, end: e, mark: Some(m) });
        at = e;
    }
    if at < text.len() {
        out.push(Piece { start: at, end: text.len(), mark: None });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, marks: Vec<(usize, usize, char)>) -> String {
        annotate(text, marks)
            .into_iter()
            .map(|p| match p.mark {
                Some(m) => format!("[{}]{m}", &text[p.start..p.end]),
                None => text[p.start..p.end].to_string(),
            })
            .collect()
    }

    #[test]
    fn pieces_cover_the_text_and_the_first_longest_mark_wins() {
        let t = "Luật số 10/2022/QH15 và Điều 5";
        type Row<'a> = (Vec<(usize, usize, char)>, &'a str);
        let rows: Vec<Row> = vec![
            (vec![], "Luật số 10/2022/QH15 và Điều 5"),
            (vec![(0, 24, 'a')], "[Luật số 10/2022/QH15]a và Điều 5"),
            // Overlapping: the longest at the same start, then the first in order.
            (vec![(0, 6, 'b'), (0, 24, 'a'), (12, 30, 'c')], "[Luật số 10/2022/QH15]a và Điều 5"),
            // Out of order input is put in order.
            (vec![(29, 38, 'd'), (0, 6, 'b')], "[Luật]b số 10/2022/QH15 và [Điều 5]d"),
            // Empty, past the end, off a character boundary: left out.
            (vec![(3, 3, 'x'), (30, 99, 'y'), (1, 4, 'z')], "Luật số 10/2022/QH15 và Điều 5"),
        ];
        for (marks, want) in rows {
            assert_eq!(show(t, marks.clone()), want, "{marks:?}");
        }
    }
}
