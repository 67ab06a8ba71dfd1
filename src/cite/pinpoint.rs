//! Pinpoints: "điểm a khoản 1 Điều 5", with lists ("khoản 1, 2 và 3 Điều 5", "điểm a, b"),
//! sequences of groups ("khoản 4 Điều 23; khoản 4 Điều 33 và khoản 3 Điều 40") and the self
//! form "Điều này". A group missing its article or clause takes it from the group after it
//! ("khoản 1 và khoản 2 Điều 5": both in Điều 5).

use super::citation::Pinpoint;
use super::patterns::{ARTICLE, CLAUSE, POINT};
use super::scan::{char_at, eat_phrase, skip_ws, word_at, word_is};

/// One group of a pinpoint phrase: its span and the pinpoints it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub start: usize,
    pub end: usize,
    pub pinpoints: Vec<Pinpoint>,
    /// Ends with "Điều này".
    pub this_article: bool,
}

/// Reads one group at `i` ("điểm a, b khoản 1 Điều 5").
pub fn group(t: &str, i: usize) -> Option<Group> {
    let mut pos = i;
    let mut points = Vec::new();
    let mut clauses = Vec::new();
    let mut articles = Vec::new();
    let mut this_article = false;
    if let Some(p) = eat_phrase(t, pos, POINT) {
        let (list, e) = list(t, p, is_point)?;
        points = list;
        pos = e;
    }
    let p = if points.is_empty() { pos } else { skip_ws(t, pos) };
    if let Some(p) = eat_phrase(t, p, CLAUSE) {
        let (list, e) = list(t, p, is_number)?;
        clauses = list;
        pos = e;
    }
    let mut p = if points.is_empty() && clauses.is_empty() { pos } else { skip_ws(t, pos) };
    // "khoản 1 của Điều 8"
    if !clauses.is_empty() {
        if let Some(q) = eat_phrase(t, p, "của").map(|q| skip_ws(t, q)) {
            if eat_phrase(t, q, ARTICLE).is_some() {
                p = q;
            }
        }
    }
    if let Some(p) = eat_phrase(t, p, ARTICLE) {
        let q = skip_ws(t, p);
        if let Some(e) = eat_phrase(t, q, "này") {
            this_article = true;
            pos = e;
        } else if let Some((list, e)) = list(t, p, is_number) {
            articles = list;
            pos = e;
        }
    }
    if clauses.is_empty() && articles.is_empty() && !this_article {
        return None;
    }
    let opt = |v: &Vec<String>| if v.is_empty() { vec![None] } else { v.iter().cloned().map(Some).collect() };
    let mut pinpoints = Vec::new();
    for article in opt(&articles) {
        for clause in opt(&clauses) {
            for point in opt(&points) {
                pinpoints.push(Pinpoint { article: article.clone(), clause: clause.clone(), point });
            }
        }
    }
    Some(Group { start: i, end: pos, pinpoints, this_article })
}

/// A list of items after a pinpoint word: "1", "1, 2 và 3", "a, b".
fn list(t: &str, i: usize, item: fn(&str) -> bool) -> Option<(Vec<String>, usize)> {
    let p = skip_ws(t, i);
    let (w, mut end) = word_at(t, p)?;
    if !item(w) {
        return None;
    }
    let mut out = vec![w.to_string()];
    loop {
        let mut p = skip_ws(t, end);
        // A range of numbers: "104–107", "104 - 107", "104 đến 107".
        if let Some((hi, e)) = range_end(t, p, out.last().map(String::as_str)) {
            let lo: u32 = out.last().and_then(|l| l.parse().ok()).unwrap_or(hi);
            out.extend((lo + 1..=hi).map(|n| n.to_string()));
            end = e;
            continue;
        }
        if char_at(t, p) == Some(',') {
            p = skip_ws(t, p + 1);
        } else if let Some(q) = eat_phrase(t, p, "và").or_else(|| eat_phrase(t, p, "hoặc")) {
            p = skip_ws(t, q);
        } else {
            break;
        }
        match word_at(t, p) {
            Some((w, e)) if item(w) => {
                out.push(w.to_string());
                end = e;
            }
            _ => break,
        }
    }
    Some((out, end))
}

/// The upper end of a range of numbers at `i` ("–107", "- 107", "đến 107") after the
/// number `lo`, with the position after it; both ends plain numbers, the range ascending
/// and at most [`MAX_RANGE`] long.
fn range_end(t: &str, i: usize, lo: Option<&str>) -> Option<(u32, usize)> {
    let lo: u32 = lo?.parse().ok()?;
    let p = match char_at(t, i)? {
        '–' | '—' | '-' => i + char_at(t, i)?.len_utf8(),
        _ => eat_phrase(t, i, "đến")?,
    };
    let (w, e) = word_at(t, skip_ws(t, p))?;
    let hi: u32 = w.parse().ok()?;
    (hi > lo && hi - lo <= MAX_RANGE).then_some((hi, e))
}

/// The longest range of numbers read as its members ("Điều 1–300").
const MAX_RANGE: u32 = 300;

/// An article or clause number: digits with an optional letter ("5", "5a").
fn is_number(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 4 && w.len() - digits <= 1 && w[digits..].bytes().all(|c| c.is_ascii_lowercase())
}

/// A point letter: one lower-case letter ("a", "đ"), or one with a digit ("a1").
fn is_point(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some(l) if l.is_lowercase()) && c.all(|d| d.is_ascii_digit()) && w.chars().count() <= 2
}

/// Reads a sequence of groups joined by ";", ",", "và", "hoặc", "đến" at `i`.
pub fn groups(t: &str, i: usize) -> Option<Vec<Group>> {
    let mut out = vec![group(t, i)?];
    loop {
        let last = out.last().map_or(i, |g| g.end);
        let mut p = skip_ws(t, last);
        let mut joined = false;
        let mut range = false;
        if matches!(char_at(t, p), Some(';' | ',')) {
            p = skip_ws(t, p + 1);
            joined = true;
        }
        for joint in ["và", "hoặc", "đến"] {
            if let Some(q) = eat_phrase(t, p, joint) {
                p = skip_ws(t, q);
                joined = true;
                range = joint == "đến";
                break;
            }
        }
        if !joined {
            break;
        }
        // "…, các điều 4–6": the plural article before a pinpoint word.
        if let Some(q) = eat_phrase(t, p, "các").map(|q| skip_ws(t, q)) {
            if word_at(t, q).is_some_and(|(w, _)| [POINT, CLAUSE, ARTICLE].iter().any(|k| word_is(w, k))) {
                p = q;
            }
        }
        match word_at(t, p) {
            Some((w, _)) if [POINT, CLAUSE, ARTICLE].iter().any(|k| word_is(w, k)) => match group(t, p) {
                Some(mut g) => {
                    if range {
                        fill_range(out.last(), &mut g);
                    }
                    out.push(g)
                }
                None => break,
            },
            _ => break,
        }
        if out.len() >= 64 {
            break;
        }
    }
    inherit(&mut out);
    Some(out)
}

/// "Điều 104 đến Điều 107": the articles between two whole articles join the second group.
fn fill_range(prev: Option<&Group>, g: &mut Group) {
    let whole = |g: &Group| match g.pinpoints.as_slice() {
        [Pinpoint { article: Some(a), clause: None, point: None }] => a.parse::<u32>().ok(),
        _ => None,
    };
    let (Some(lo), Some(hi)) = (prev.and_then(whole), whole(g)) else { return };
    if hi > lo + 1 && hi - lo <= MAX_RANGE {
        let between =
            (lo + 1..hi).map(|n| Pinpoint { article: Some(n.to_string()), clause: None, point: None });
        g.pinpoints.splice(0..0, between);
    }
}

/// Every pinpoint a phrase of provisions names, in order: "khoản 4 Điều 84, điểm b khoản 1
/// và điểm a khoản 2 Điều 86, các điều 104–107, 116 và 117" gives khoản 4 of Điều 84, the two
/// points of Điều 86, then Điều 104 to 107, 116 and 117 whole. Words that are not part of a
/// pinpoint (divisions such as "Mục 3 Chương III", "các") are passed over.
pub fn listed(t: &str) -> Vec<Pinpoint> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some((w, e)) = word_at(t, i) else {
            i += char_at(t, i).map_or(1, char::len_utf8);
            continue;
        };
        if [POINT, CLAUSE, ARTICLE].iter().any(|k| word_is(w, k)) {
            if let Some(gs) = groups(t, i) {
                i = gs.last().map_or(e, |g| g.end.max(e));
                out.extend(gs.into_iter().flat_map(|g| g.pinpoints));
                continue;
            }
        }
        i = e;
    }
    out
}

/// A group missing its article (or clause) takes the next group's.
fn inherit(groups: &mut [Group]) {
    for k in (0..groups.len().saturating_sub(1)).rev() {
        let (head, tail) = groups.split_at_mut(k + 1);
        let next = &tail[0];
        let Some(np) = next.pinpoints.first().cloned() else { continue };
        let g = &mut head[k];
        if g.this_article {
            continue;
        }
        for p in &mut g.pinpoints {
            if p.article.is_none() && !next.this_article {
                if p.clause.is_none() && p.point.is_some() && np.clause.is_some() {
                    p.clause = np.clause.clone();
                }
                if p.clause.is_some() || p.point.is_some() {
                    p.article = np.article.clone();
                }
            }
        }
        if next.this_article && g.pinpoints.iter().all(|p| p.article.is_none()) {
            g.this_article = true;
        }
    }
}

/// The article number of an article heading at `i` — "Điều 5. Phạm vi điều chỉnh", "#### Điều
/// 5: …": "Điều" first on its line (after spaces or Markdown marks), one article, then "." or
/// ":" — the text's own structure, not a reference. A heading quoted in an amending text
/// (“Điều 5. …”) is not at the start of its line and stays a reference.
pub fn heading(t: &str, i: usize) -> Option<String> {
    let line = t[..i].rfind('\n').map_or(0, |n| n + 1);
    if !t[line..i].chars().all(|c| HEADING_MARKS.contains(&c)) {
        return None;
    }
    let g = group(t, i)?;
    let [p] = g.pinpoints.as_slice() else { return None };
    if g.this_article || p.clause.is_some() || p.point.is_some() || !t[i..].starts_with(['Đ', 'đ']) {
        return None;
    }
    let rest = &t[g.end..];
    let after = rest.strip_prefix('.').or_else(|| rest.strip_prefix(':'))?;
    after.chars().next().is_none_or(char::is_whitespace).then(|| p.article.clone())?
}

/// What may stand before "Điều" on a heading's line: spaces and Markdown marks.
const HEADING_MARKS: [char; 5] = [' ', '\t', '#', '*', '>'];

/// The article headings of `t` ([`heading`]): where each starts, and its article, in order.
pub fn headings(t: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut line = 0;
    for l in t.split_inclusive('\n') {
        let start = line + (l.len() - l.trim_start_matches(HEADING_MARKS).len());
        if let Some(a) = heading(t, start) {
            out.push((start, a));
        }
        line += l.len();
    }
    out
}

/// The article whose heading (one of `headings`, [`headings`] of `t`) opens the part of `t`
/// that `i` is in: what "Điều này" means in a text that holds its own headings. `None` when no
/// heading comes before `i` or a quotation opens between them (the quoted text is another
/// document's).
pub fn article_at(t: &str, headings: &[(usize, String)], i: usize) -> Option<String> {
    let k = headings.partition_point(|(start, _)| *start < i);
    let (start, a) = headings.get(k.checked_sub(1)?)?;
    (!t[*start..i].contains(['“', '"', '”'])).then(|| a.clone())
}

/// The pinpoint as words: "điểm a khoản 1 Điều 5".
pub fn describe(p: &Pinpoint) -> String {
    let mut parts = Vec::new();
    if let Some(x) = &p.point {
        parts.push(format!("điểm {x}"));
    }
    if let Some(x) = &p.clause {
        parts.push(format!("khoản {x}"));
    }
    match &p.article {
        Some(x) => parts.push(format!("Điều {x}")),
        None if parts.is_empty() => parts.push("Điều này".into()),
        None => {}
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp(a: Option<&str>, c: Option<&str>, p: Option<&str>) -> Pinpoint {
        Pinpoint { article: a.map(Into::into), clause: c.map(Into::into), point: p.map(Into::into) }
    }

    #[test]
    fn groups_and_lists() {
        let t = "khoản 4 Điều 23; khoản 4 Điều 33 và khoản 3 Điều 40 của Luật";
        let g = groups(t, 0).unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].pinpoints, vec![pp(Some("23"), Some("4"), None)]);
        assert_eq!(&t[g[2].start..g[2].end], "khoản 3 Điều 40");

        let g = groups("điểm a, b khoản 1 Điều 5 của", 0).unwrap();
        assert_eq!(
            g[0].pinpoints,
            vec![pp(Some("5"), Some("1"), Some("a")), pp(Some("5"), Some("1"), Some("b"))]
        );

        let g = groups("khoản 1 và khoản 2 Điều 5.", 0).unwrap();
        assert_eq!(g[0].pinpoints, vec![pp(Some("5"), Some("1"), None)]);

        let g = groups("điểm a khoản 1 Điều này", 0).unwrap();
        assert!(g[0].this_article);
        assert_eq!(describe(&g[0].pinpoints[0]), "điểm a khoản 1");

        let g = groups("Khoản 1 của Điều 8, Quy định", 0).unwrap();
        assert_eq!(g[0].pinpoints, vec![pp(Some("8"), Some("1"), None)]);
        assert!(groups("điều kiện", 0).is_none());
        assert!(groups("Điều 5a", 0).is_some());
    }

    #[test]
    fn ranges_and_phrases_of_provisions() {
        let arts = |t: &str| -> Vec<String> { listed(t).into_iter().map(|p| describe(&p)).collect() };
        let table: &[(&str, &[&str])] = &[
            ("các điều 104–107, 116 và 117", &["Điều 104", "Điều 105", "Điều 106", "Điều 107", "Điều 116", "Điều 117"]),
            ("Điều 3 - 5", &["Điều 3", "Điều 4", "Điều 5"]),
            ("từ Điều 10 đến Điều 12", &["Điều 10", "Điều 11", "Điều 12"]),
            ("khoản 1 đến khoản 3 Điều 9", &["khoản 1 Điều 9", "khoản 3 Điều 9"]),
            (
                "Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104–106",
                &[
                    "khoản 4 Điều 84",
                    "điểm b khoản 1 Điều 86",
                    "điểm a khoản 2 Điều 86",
                    "Điều 104",
                    "Điều 105",
                    "Điều 106",
                ],
            ),
            // Not ranges: a descending pair, a symbol's hyphen, an overlong span.
            ("Điều 7 - 5", &["Điều 7"]),
            ("Điều 5 Quy định 11-QĐi/TW", &["Điều 5"]),
            ("Điều 1 – 900", &["Điều 1"]),
            ("điều kiện kinh doanh", &[]),
        ];
        for (t, want) in table {
            assert_eq!(arts(t), *want, "{t}");
        }
    }
}
