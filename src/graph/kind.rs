//! Typing an edge from the words before a citation: "quy định chi tiết" (details), "sửa đổi,
//! bổ sung" (amends), "thay thế" (replaces), "bãi bỏ" (repeals); a preamble "Căn cứ" line is
//! a legal basis. The nearest such phrase in the same line before the citation decides; a
//! phrase that belongs to an earlier citation's title ("Luật sửa đổi, bổ sung …") or describes
//! an earlier cited document ("Nghị định số X sửa đổi …") does not, and passive forms ("được
//! sửa đổi bởi") read the other way. Anything else is a plain citation.

use crate::model::RelationKind;
use crate::text::fold;

/// How far back (bytes) a phrase may stand from the citation it types.
const WINDOW: usize = 300;

/// Folded phrases and the relation they state (when the citing text is the subject).
const PHRASES: &[(&str, RelationKind)] = &[
    ("quy dinh chi tiet", RelationKind::Details),
    ("huong dan thi hanh", RelationKind::Details),
    ("huong dan chi tiet", RelationKind::Details),
    ("huong dan mot so", RelationKind::Details),
    ("huong dan viec thi hanh", RelationKind::Details),
    ("sua doi, bo sung", RelationKind::Amends),
    ("sua doi bo sung", RelationKind::Amends),
    ("sua doi", RelationKind::Amends),
    ("bo sung", RelationKind::Amends),
    ("thay the", RelationKind::Replaces),
    ("bai bo", RelationKind::Repeals),
    ("het hieu luc", RelationKind::Repeals),
];

/// Most letters allowed between a phrase and the citation it types (earlier citations,
/// spaces and list punctuation do not count): "bãi bỏ một phần văn bản … trái với Hiến pháp"
/// does not repeal the Hiến pháp.
const GAP: usize = 60;

/// Type words that, just before a phrase, make it part of a document's title.
const TITLE_WORDS: &[&str] =
    &["luat", "nghi dinh", "thong tu", "nghi quyet", "phap lenh", "quyet dinh", "van ban", "lenh", "chi thi"];

/// A span of earlier citations in the same text (byte offsets), so that their own words are
/// not read as the relation.
pub type Span = (usize, usize);

/// The relation stated by the text before the citation starting at `start` in `text`.
/// `others` are the spans of the other (non-self) citations in `text`; `basis` says the text
/// is a preamble "Căn cứ" line.
pub fn classify(text: &str, start: usize, others: &[Span], basis: bool) -> RelationKind {
    if basis {
        return RelationKind::Basis;
    }
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(nl) = text[from..start].rfind('\n') {
        from += nl + 1;
    }
    // The window with earlier citations blanked to a placeholder.
    let mut window = String::with_capacity(start - from);
    let mut at = from;
    let mut spans: Vec<Span> = others.iter().copied().filter(|&(s, e)| e > from && s < start).collect();
    spans.sort_unstable();
    for (s, e) in spans {
        let s = s.max(at);
        if s > at {
            window.push_str(&text[at..s]);
        }
        if e > s {
            window.push_str(" § ");
        }
        at = at.max(e.min(start));
    }
    if at < start {
        window.push_str(&text[at..start]);
    }
    let folded = fold(&window);
    let mut best: Option<(usize, usize, RelationKind)> = None;
    for &(p, kind) in PHRASES {
        if let Some(pos) = folded.rfind(p) {
            // The phrase ending nearest the citation wins; at the same end, the longest.
            let end = pos + p.len();
            if best.is_none_or(|(be, bl, _)| end > be || (end == be && p.len() > bl)) {
                best = Some((end, p.len(), kind));
            }
        }
    }
    let Some((end, len, kind)) = best else { return RelationKind::Cites };
    let pos = end - len;
    let gap = folded[end..].chars().filter(|c| !matches!(c, '§' | ';' | ',' | ' ' | '.')).count();
    if gap > GAP {
        return RelationKind::Cites;
    }
    let before = folded[..pos].trim_end();
    // Part of a title ("Luật sửa đổi, bổ sung …") or a description of an earlier citation.
    if before.ends_with('§') || TITLE_WORDS.iter().any(|w| ends_with_word(before, w)) {
        return RelationKind::Cites;
    }
    let last_words: Vec<&str> = before.rsplit(' ').take(2).collect();
    let passive = last_words.iter().any(|w| *w == "duoc" || *w == "bi");
    match (passive, kind) {
        (false, k) => k,
        (true, RelationKind::Amends) => RelationKind::AmendedBy,
        (true, _) => RelationKind::Cites,
    }
}

/// The relation a document's own title states toward the citation starting at `start` in it
/// ("Nghị định quy định chi tiết một số điều của Luật X": details): as [`classify`], the
/// title's own leading type word not taken for an earlier document's title.
pub fn in_own_title(title: &str, start: usize, others: &[Span]) -> RelationKind {
    // The leading type word's end (byte offset), when the title starts with one.
    let lead = TITLE_WORDS.iter().find_map(|w| {
        let end = title.match_indices(' ').nth(w.split(' ').count() - 1).map_or(title.len(), |(i, _)| i);
        (end < start && fold(&title[..end]) == *w).then_some(end)
    });
    match lead {
        Some(end) => classify(&format!("{}{}", " ".repeat(end), &title[end..]), start, others, false),
        None => classify(title, start, others, false),
    }
}

fn ends_with_word(s: &str, w: &str) -> bool {
    s.strip_suffix(w).is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '(', ',', ';']))
}

/// Whether a preamble paragraph is a "Căn cứ" line.
pub fn is_basis_line(p: &str) -> bool {
    let head: String = p.trim_start().chars().take(6).collect();
    fold(&head) == "can cu"
}

#[cfg(test)]
mod tests {
    use super::*;
    use RelationKind::*;

    /// (a document's title, citation to type, expected)
    #[test]
    fn own_titles() {
        let rows: &[(&str, &str, RelationKind)] = &[
            ("Nghị định quy định chi tiết một số điều của Luật Thử", "Luật Thử", Details),
            ("Thông tư hướng dẫn thi hành Nghị định số 9/2030/NĐ-CP", "Nghị định số 9/2030/NĐ-CP", Details),
            ("Nghị định về tiền lương theo Luật Thử", "Luật Thử", Cites),
            ("Luật sửa đổi, bổ sung một số điều của Luật Thử", "Luật Thử", Amends),
            ("Quy định chi tiết về Luật Thử", "Luật Thử", Details),
        ];
        for (title, cited, want) in rows {
            let start = title.find(cited).unwrap();
            assert_eq!(in_own_title(title, start, &[]), *want, "{title}");
        }
    }

    /// (text, citation to type (its first occurrence), other citation surfaces, expected)
    #[test]
    fn table() {
        let rows: &[(&str, &str, &[&str], RelationKind)] = &[
            (
                "Nghị định này quy định chi tiết khoản 2 Điều 7 của Luật Thử nghiệm.",
                "khoản 2 Điều 7",
                &[],
                Details,
            ),
            (
                "Thông tư này hướng dẫn thi hành khoản 1 Điều 3; khoản 5 Điều 9 Nghị định số 12/2021/NĐ-CP.",
                "khoản 5 Điều 9 Nghị định số 12/2021/NĐ-CP",
                &["khoản 1 Điều 3"],
                Details,
            ),
            (
                "Sửa đổi, bổ sung Điều 4 của Nghị định số 8/2019/NĐ-CP như sau:",
                "Điều 4 của Nghị định",
                &[],
                Amends,
            ),
            ("Nghị định này thay thế Nghị định số 7/2014/NĐ-CP.", "Nghị định số 7/2014", &[], Replaces),
            ("Bãi bỏ khoản 3 Điều 12 của Thông tư số 2/2018/TT-BNV.", "khoản 3 Điều 12", &[], Repeals),
            ("Thực hiện theo quy định tại Điều 9 của Luật Mẫu.", "Điều 9 của Luật Mẫu", &[], Cites),
            (
                "Theo Luật số 5/2020/QH14 sửa đổi, bổ sung một số điều của Luật Mẫu và Điều 8 Luật Khác.",
                "Điều 8 Luật Khác",
                &["Luật số 5/2020/QH14"],
                Cites,
            ),
            (
                "Khoản này đã được sửa đổi, bổ sung bởi Điều 2 Luật số 3/2022/QH15.",
                "Điều 2 Luật",
                &[],
                AmendedBy,
            ),
            ("Trường hợp bị bãi bỏ theo Quyết định số 4/2020/QĐ-TTg thì …", "Quyết định số 4", &[], Cites),
            (
                "Sửa đổi, bổ sung Điều 4 như sau:\nThực hiện theo Điều 6 Luật Mẫu.",
                "Điều 6 Luật Mẫu",
                &[],
                Cites,
            ),
        ];
        for (text, cite, others, want) in rows {
            let start = text.find(cite).unwrap();
            let spans: Vec<Span> =
                others.iter().map(|o| (text.find(o).unwrap(), text.find(o).unwrap() + o.len())).collect();
            assert_eq!(classify(text, start, &spans, false), *want, "{text}");
        }
        assert_eq!(classify("Căn cứ Luật Mẫu ngày 1/1/2020;", 10, &[], true), Basis);
    }

    #[test]
    fn basis_lines() {
        assert!(is_basis_line("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"));
        assert!(is_basis_line("  CĂN CỨ Hiến pháp"));
        assert!(!is_basis_line("Theo đề nghị của Bộ trưởng"));
    }
}
