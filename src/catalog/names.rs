//! Name keys: a document's title reduced to what a citation by name writes. Folded (no
//! diacritics, lower case, single spaces, known abbreviations expanded: "PPP" is "đối tác
//! công tư"; see [`crate::cite::lexicon::key`]), without the leading type word ("Luật", "Bộ luật"),
//! a leading "số …" and a trailing year or date ("năm 2022", "ngày 13 tháng 11 năm 2008").

use crate::model::DocType;
use crate::text::fold;

/// The name key of a title or a cited name: "LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ năm 2022" and
/// "Thực hiện dân chủ ở cơ sở" both give "thuc hien dan chu o co so".
pub fn name_key(title: &str) -> String {
    // Folded, punctuation dropped, known abbreviations expanded (the citation reader's key).
    let folded = crate::cite::lexicon::key(title);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    // Leading type word (longest first: "bo luat" before "luat").
    for t in folded_types() {
        if words.len() > t.len() && words.iter().zip(t).all(|(a, b)| a == b) {
            words.drain(..t.len());
            break;
        }
    }
    // Trailing "nam YYYY" and "ngay D thang M nam YYYY".
    if let Some(p) = words.iter().rposition(|w| *w == "ngay") {
        if p > 0
            && words[p + 1..]
                .iter()
                .all(|w| w.bytes().all(|c| c.is_ascii_digit()) || *w == "thang" || *w == "nam")
        {
            words.truncate(p);
        }
    }
    if words.len() >= 2
        && words[words.len() - 2] == "nam"
        && words[words.len() - 1].len() == 4
        && words[words.len() - 1].bytes().all(|c| c.is_ascii_digit())
    {
        words.truncate(words.len() - 2);
    }
    words.join(" ")
}

/// The type words, folded and split into words, longest first (computed once).
fn folded_types() -> &'static [Vec<String>] {
    static TYPES: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    TYPES.get_or_init(|| {
        let mut types: Vec<Vec<String>> = DocType::ALL
            .iter()
            .map(|t| fold(t.as_vi()).split(' ').map(String::from).collect::<Vec<_>>())
            .collect();
        types.sort_by_key(|t| std::cmp::Reverse(t.len()));
        types
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let rows = [
            ("Luật Thực hiện dân chủ ở cơ sở", "thuc hien dan chu o co so"),
            ("LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ năm 2022", "thuc hien dan chu o co so"),
            ("Thực hiện dân chủ ở cơ sở", "thuc hien dan chu o co so"),
            ("Bộ luật Lao động", "lao dong"),
            ("Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008", "can bo cong chuc"),
            ("Luật Luật sư", "luat su"),
            ("Hiến pháp năm 2013", ""),
            ("Luật Đầu tư theo phương thức PPP", "dau tu theo phuong thuc doi tac cong tu"),
        ];
        for (title, want) in rows {
            assert_eq!(name_key(title), want, "{title}");
        }
    }
}
