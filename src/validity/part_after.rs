//! A part of the ended document named *after* "hết hiệu lực": "Thông tư số … hết hiệu lực quy
//! định danh mục báo cáo, biểu mẫu …", "… hết hiệu lực thi hành các Điều 5, 6 …" — the words
//! that follow the verb say which provisions stop applying, so the end is partial (probe 16:
//! read as a whole repeal). Only words that name provisions open such a part ("quy định",
//! "nội dung", "điều", "khoản", "chương", "phụ lục", "biểu mẫu", …, with "các", "những",
//! "một số" or "đối với" before them); "… hết hiệu lực kể từ ngày …", "… hết hiệu lực thi
//! hành", "… hết hiệu lực toàn bộ" name none, nor do a condition ("khi …"), a basis ("theo
//! quy định …") or another subject ("đối với người lao động").

use std::sync::LazyLock;

use regex::Regex;

static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:đối\s+với\s+)?(?:(?:các|những|một\s+số)\s+)?(?:(?:quy\s+định|nội\s+dung|chương|mục|phần|phụ\s+lục|biểu\s+mẫu|mẫu\s+số|danh\s+mục)(?:\s|$)|(?:điều|khoản)\s+\d|điểm\s+[a-zđ]\b)",
    )
    .expect("part-after pattern")
});

/// Where the part stops: its date ("kể từ ngày …", "từ ngày …"), a semicolon, or the
/// sentence's end.
static STOPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)[,]?\s+(?:kể\s+)?từ\s+ngày\s|;").expect("part-after stop pattern"));

/// The part named right after the verb in `rest` (the sentence after "hết hiệu lực" or "hết
/// hiệu lực thi hành"), verbatim, and where its words end in `rest`; `None` when the words
/// after the verb name no provisions.
pub fn part_after(rest: &str) -> Option<(String, usize)> {
    let m = OPENS.find(rest)?;
    let start = rest[..m.end()].len() - rest[..m.end()].trim_start().len();
    let end = STOPS.find(&rest[start..]).map_or(rest.len(), |s| start + s.start());
    let part = rest[start..end].trim_end().trim_end_matches(['.', ',', ' ']).trim_end();
    if part.is_empty() {
        return None;
    }
    Some((part.to_string(), start + part.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_named_after_the_verb() {
        // (words after "hết hiệu lực", part expected)
        let table: &[(&str, Option<&str>)] = &[
            // Probe 16 (07/2025/TT-BDTTG Điều 5, reworded): the list and forms of a circular.
            (
                " quy định danh mục mẫu thử, biểu mẫu thử và hướng dẫn ghi biểu mẫu thử .",
                Some("quy định danh mục mẫu thử, biểu mẫu thử và hướng dẫn ghi biểu mẫu thử"),
            ),
            (" các Điều 5, 6 và 9 kể từ ngày 01 tháng 7 năm 2030.", Some("các Điều 5, 6 và 9")),
            (
                " đối với các quy định về phí thử nghiệm; Điều 3 giữ nguyên.",
                Some("đối với các quy định về phí thử nghiệm"),
            ),
            (" Phụ lục II, từ ngày 01/01/2031.", Some("Phụ lục II")),
            // Whole: a date, nothing, "toàn bộ"; another subject, a condition, a basis.
            (" kể từ ngày Thông tư này có hiệu lực thi hành.", None),
            ("", None),
            (".", None),
            (" toàn bộ kể từ ngày 01/7/2030.", None),
            (" đối với người lao động nước ngoài.", None),
            (" khi Nghị quyết mẫu hết hiệu lực.", None),
            (" theo quy định tại Điều 154 của Luật mẫu.", None),
            // "điều kiện" names no article: an article or clause is named with its number.
            (" điều kiện cấp phép.", None),
        ];
        for (rest, want) in table {
            let got = part_after(rest);
            assert_eq!(got.as_ref().map(|(p, _)| p.as_str()), *want, "{rest:?}");
            if let Some((p, end)) = got {
                assert!(rest[..end].ends_with(&p), "{rest:?}");
            }
        }
    }
}
