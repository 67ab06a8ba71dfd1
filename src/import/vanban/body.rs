//! The body after the title: preamble paragraphs ("Căn cứ …"), divisions (Phần, Chương,
//! Mục, Tiểu mục, their title on the same line or the next upper-case line), articles
//! ("Điều 5. Title", one paragraph per source line: lead-in, khoản "1.", điểm "a)"). The
//! closing words ("Luật này đã được Quốc hội … thông qua ngày …") and the signature are
//! dropped: the corpus format has no place after the last article (they would read back as
//! part of it); their date is kept as the fallback signing date.
//!
//! An article heading is taken when its number follows the previous article's (n + 1, or a
//! lettered article "5a" after 5), or jumps ahead by a little (published texts lose a
//! heading now and then: "Điền 47." for "Điều 47."), or jumps ahead further and the next
//! heading continues from it. "Điều 12." lines quoted inside an amending article, which go
//! back, stay paragraphs of that article. [`super::gaps`] lists the numbers skipped.

use std::sync::LazyLock;

use regex::Regex;

use super::header::find_date;
use super::lines::is_upper;
use crate::model::{Article, Block, Date, Division, DivisionKind};
use crate::text::fold;

/// What the body yields besides its blocks.
#[derive(Debug, Default)]
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub articles: usize,
    /// "có hiệu lực (thi hành) (kể) từ ngày …" in the last articles.
    pub effective: Option<Date>,
    /// "… thông qua ngày …" in the closing words.
    pub passed: Option<Date>,
}

static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(phần|chương|tiểu mục|mục))\s+((?i:thứ)\s+\p{L}+|[IVXLC]+\b|\d+\b)\s*[.:]?\s*(.*)$")
        .unwrap()
});
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Điều|Điền|ĐIỀU)\s*(\d+)([a-zđ]?)(?:\s*[.:]\s*|\s+|$)(.*)$").unwrap());

/// How far an article number may jump ahead without the next heading confirming it.
const SMALL_GAP: u32 = 3;
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh|Nghị quyết)\s+(?:này\s+)?(?:đã\s+)?(?:được|do)\s+.*thông qua",
    )
    .unwrap()
});
static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)có hiệu lực(?: thi hành)?(?: kể)? từ ngày ?(\d{1,2}(?: ?tháng ?\d{1,2} ?năm ?\d{4}|[/.-]\d{1,2}[/.-]\d{4}))")
        .unwrap()
});

/// A division heading line: kind, number and the title written on the same line.
fn division(line: &str) -> Option<(DivisionKind, String, String)> {
    let c = DIVISION.captures(line)?;
    let kind = DivisionKind::parse(&c[1])?;
    let title = c[3].trim().to_string();
    // "Mục 2 Chương này quy định …" inside a paragraph is not a heading.
    if !title.is_empty() && !is_upper(&title) {
        return None;
    }
    Some((kind, c[2].to_string(), title))
}

/// An article heading: numeric part, letter suffix, title.
fn article(line: &str) -> Option<(u32, String, String)> {
    let c = ARTICLE.captures(line)?;
    let title = c[3].trim();
    // "Điều 9 của Luật … được sửa đổi": a sentence, not a heading.
    if title.starts_with(char::is_lowercase) {
        return None;
    }
    Some((c[1].parse().ok()?, c[2].to_string(), title.to_string()))
}

/// True for a division or article heading line.
pub(super) fn is_heading(line: &str) -> bool {
    division(line).is_some() || article(line).is_some()
}

/// Signature lines after the last article when no closing sentence marks them.
fn is_signature(line: &str) -> bool {
    let f = fold(line);
    is_upper(line)
        && ["chu tich", "pho chu tich", "tm.", "kt.", "thu tuong", "tong bi thu"]
            .iter()
            .any(|p| f.starts_with(p))
}

/// Reads the lines after the title.
pub(super) fn read(lines: &[String]) -> Result<Body, String> {
    let mut body = Body::default();
    let mut current: Option<Article> = None;
    let mut last: Option<(u32, String)> = None;
    let mut closing = false;
    let candidates: Vec<Option<(u32, String, String)>> = lines.iter().map(|l| article(l)).collect();
    let next_number = |from: usize| candidates[from..].iter().flatten().next().map(|c| c.0);
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        if closing {
            continue;
        }
        if current.is_some() && (CLOSING.is_match(line) || is_signature(line)) {
            body.passed = find_date(line);
            closing = true;
            flush(&mut body, &mut current);
            continue;
        }
        if let Some((n, suffix, title)) = candidates[i - 1].clone() {
            let follows = match &last {
                None => true,
                Some((p, ps)) if n == *p => !suffix.is_empty() && suffix > *ps,
                Some((p, _)) => {
                    n > *p
                        && suffix.is_empty()
                        && (n - p <= SMALL_GAP || next_number(i).is_none_or(|m| m == n + 1))
                }
            };
            if follows {
                flush(&mut body, &mut current);
                last = Some((n, suffix.clone()));
                current = Some(Article { number: format!("{n}{suffix}"), title, paragraphs: Vec::new() });
                continue;
            }
        }
        if let Some((kind, number, mut title)) = division(line) {
            flush(&mut body, &mut current);
            if title.is_empty() {
                if let Some(next) =
                    lines.get(i).filter(|l| is_upper(l) && division(l).is_none() && article(l).is_none())
                {
                    title = next.clone();
                    i += 1;
                }
            }
            body.blocks.push(Block::Division(Division { kind, number, title }));
            continue;
        }
        match current.as_mut() {
            Some(a) => a.paragraphs.push(line.clone()),
            None => body.blocks.push(Block::Paragraph { text: line.clone() }),
        }
    }
    flush(&mut body, &mut current);
    if body.articles == 0 {
        return Err("không có điều nào (\"Điều 1.\")".to_string());
    }
    body.effective = effective(&body.blocks);
    Ok(body)
}

fn flush(body: &mut Body, current: &mut Option<Article>) {
    if let Some(a) = current.take() {
        body.articles += 1;
        body.blocks.push(Block::Article(a));
    }
}

/// The effective date stated by the last articles ("Luật này có hiệu lực thi hành từ ngày
/// 01 tháng 01 năm 2021"), searching from the end.
fn effective(blocks: &[Block]) -> Option<Date> {
    blocks
        .iter()
        .rev()
        .filter_map(|b| match b {
            Block::Article(a) => Some(a),
            _ => None,
        })
        .take(6)
        .find_map(|a| {
            std::iter::once(&a.title).chain(&a.paragraphs).find_map(|p| {
                let c = EFFECTIVE.captures(p)?;
                find_date(&format!("ngày {}", &c[1]))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(division("Chương I"), Some((DivisionKind::Chapter, "I".into(), String::new())));
        assert_eq!(division("Chương 1:"), Some((DivisionKind::Chapter, "1".into(), String::new())));
        assert_eq!(
            division("CHƯƠNG II. THOẢ THUẬN"),
            Some((DivisionKind::Chapter, "II".into(), "THOẢ THUẬN".into()))
        );
        assert_eq!(division("Phần thứ nhất"), Some((DivisionKind::Part, "thứ nhất".into(), String::new())));
        assert_eq!(division("Mục 2 Chương này quy định"), None);
        assert_eq!(division("Tiểu mục 1"), Some((DivisionKind::Subsection, "1".into(), String::new())));
        assert_eq!(article("Điều 5a. Tên"), Some((5, "a".into(), "Tên".into())));
        assert_eq!(article("Điều 1"), Some((1, String::new(), String::new())));
        assert_eq!(article("Điều 2: CÁC ĐỊNH NGHĨA"), Some((2, String::new(), "CÁC ĐỊNH NGHĨA".into())));
        assert_eq!(article("Điều này quy định"), None);
        assert_eq!(article("Điều 9 của Luật này được sửa đổi"), None);
        assert_eq!(article("Điều15. Cấp bậc"), Some((15, String::new(), "Cấp bậc".into())));
        assert_eq!(article("Điền 47. Tên"), Some((47, String::new(), "Tên".into())));
    }
}
