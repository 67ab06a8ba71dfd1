//! Reading the effect clauses of one article: the document's own entry into force ("Luật này
//! có hiệu lực thi hành từ ngày …", "… sau 45 ngày kể từ ngày ký") and what it ends — "X hết
//! hiệu lực (thi hành) kể từ ngày …", "… và thay thế X", "Bãi bỏ Điều …, khoản … của X" — with
//! the exceptions that keep named provisions of X in force ("…, trừ Điều 159 … tiếp tục có
//! hiệu lực đến hết ngày …"). Citations are found by [`crate::cite::extract`]; which of them a
//! clause ends is decided by how they are listed (the repealed documents are the items of the
//! list; the documents that amended them, "đã được sửa đổi, bổ sung theo Luật số …", or that
//! a title mentions, "… của Nghị định số …", are not). Resolution is left to the caller.

use std::sync::LazyLock;

use regex::Regex;

use crate::cite::{extract_with, Citation, Lexicon};
use crate::model::{Date, DocType};
use crate::text::fold;

/// When a document takes effect, as its own clause says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// "từ ngày 01 tháng 7 năm 2023".
    On(Date),
    /// "kể từ ngày ký" (0) or "sau 45 ngày kể từ ngày ký" (45).
    AfterSigning(u16),
}

/// When a repeal applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A date written in the clause.
    On(Date),
    /// "kể từ ngày Luật này có hiệu lực", or no date at all: when the stating document does.
    WithThis,
}

/// How a clause ends a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verb {
    /// "hết hiệu lực".
    Expires,
    /// "thay thế".
    Replaces,
    /// "bãi bỏ".
    Abolishes,
}

/// One document a clause ends, wholly or in part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub citation: Citation,
    /// The part ended ("Điều 25 và khoản 3 Điều 15", "Chương V"), for a partial repeal.
    pub part: Option<String>,
}

/// A clause read from an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// The document's own entry into force.
    Effective { start: Start, quote: String },
    /// Documents (or parts of them) that stop applying.
    Ends {
        verb: Verb,
        targets: Vec<Target>,
        when: When,
        /// Some provisions of the targets are kept in force ("trừ … tiếp tục có hiệu lực"),
        /// until this date if one is written.
        kept: Option<Option<Date>>,
        quote: String,
    },
}

const DATE: &str = r"(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))";

static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(\p{{L}}+)\s+này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+chính\s+thức)?\s*,?\s*(?:(?:kể\s+)?từ\s+ngày\s+(?:{DATE}|(ký|ban\s+hành))|sau\s+(\d{{1,3}})\s+ngày\s*,?\s*(?:kể\s+)?từ\s+ngày\s+(?:ký|ban\s+hành))"
    ))
    .expect("effective pattern")
});
static EXPIRES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)hết\s+hiệu\s+lực(?:\s+thi\s+hành)?").expect("expiry pattern"));
// "… này thay thế", "… và thay thế", and joined to the effect sentence by a comma, a
// semicolon or nothing after its date ("… có hiệu lực thi hành kể từ ngày …, thay thế Thông
// tư số …", "… từ ngày 20/11/2015 thay thế …"; checked in `read_sentence`: only after "hiệu
// lực", never "…, thay thế bằng …").
static REPLACES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:này|và)\s+|[,;]\s*|\d\s+)thay\s+thế(?:\s+cho)?").expect("replace pattern")
});
static ABOLISHES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)bãi\s+bỏ").expect("abolish pattern"));
static WHEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*,?\s*(?:kể\s+)?từ\s+ngày\s+{DATE}")).expect("when pattern")
});
static UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)tiếp\s+tục\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:cho\s+)?đến\s+(?:hết\s+)?ngày\s+{DATE})?"
    ))
    .expect("until pattern")
});
/// An exception that names provisions: "trừ Điều 75", "trừ các quy định tại khoản 2 Điều 3",
/// "trừ các điều 7, 8", "trừ Chương V".
static KEPT_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^trừ\s+(?:(?:các\s+)?quy\s+định\s+(?:tại\s+)?)?(?:các\s+)?(?:điều|khoản|điểm|chương|mục|phần|phụ\s+lục)\s+[0-9IVXLCDM]",
    )
    .expect("kept named pattern")
});
static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\s)((?:chương|mục|phần|phụ\s+lục)\s+[0-9IVXLCDM]+(?:-[A-Z])?(?:\s+(?:của\s+)?chương\s+[0-9IVXLCDM]+)?)\b",
    )
        .expect("division pattern")
});

/// Words a linked mention ends with: "đã được sửa đổi, bổ sung theo", "… của", "quy định tại".
const LINKING: &[&str] = &["theo", "của", "tại", "bởi", "với", "về", "cứ", "kèm", "cho", "bằng"];

/// The words of a clause that name a division of the document and not the document itself.
const NOT_DOCUMENT: &[&str] =
    &["điều", "khoản", "điểm", "chương", "mục", "phần", "lục", "tiết", "dung", "án"];

fn date_of(c: &regex::Captures<'_>, first: usize) -> Option<Date> {
    let g = |i: usize| c.get(first + i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (d, m, y) = match (g(0), g(1), g(2)) {
        (Some(d), Some(m), Some(y)) => (d, m, y),
        _ => (g(3)?, g(4)?, g(5)?),
    };
    Date::new(y as u16, m as u8, d as u8)
}

/// The sentences of a text as byte ranges: paragraphs, cut after a full stop followed by a
/// capital letter.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split_inclusive('\n').scan(0usize, |at, l| {
        let s = *at;
        *at += l.len();
        Some((s, l))
    }) {
        let mut a = i;
        let bytes = line.as_bytes();
        for (j, _) in line.match_indices(". ") {
            let next = line[j + 2..].chars().next();
            // "1. Luật …" opens a khoản: not a sentence end.
            let numbered = line[..j].trim().chars().all(|c| c.is_ascii_digit());
            if next.is_some_and(char::is_uppercase)
                && !numbered
                && bytes.get(j.wrapping_sub(1)) != Some(&b' ')
            {
                out.push((a, i + j + 1));
                a = i + j + 2;
            }
        }
        out.push((a, i + line.trim_end().len()));
        start = i + line.len();
    }
    let _ = start;
    out.retain(|(a, b)| b > a);
    out
}

/// The clauses of one article's text.
pub fn read(text: &str) -> Vec<Clause> {
    read_with(text, Lexicon::builtin())
}

/// [`read`], with names bounded by `lex` (the catalog's: a law named in lower case, "Luật
/// quốc tịch Việt Nam ngày …", is read up to its whole name).
pub fn read_with(text: &str, lex: &Lexicon) -> Vec<Clause> {
    if !(text.contains("hiệu lực")
        || text.contains("thay thế")
        || text.contains("bãi bỏ")
        || text.contains("Bãi bỏ"))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let sents = sentences(text);
    for (i, &(a, b)) in sents.iter().enumerate() {
        let before = out.len();
        let opened = read_sentence(text, a, b, lex, &mut out);
        kept_in_items(text, (a, b), &sents[i + 1..], &mut out[before..]);
        let Some((verb, when, lead)) = opened else { continue };
        // "… các Nghị định sau đây hết hiệu lực thi hành:" then one item per line, of the type
        // the lead-in names.
        let lower = lead.to_lowercase();
        if lower.contains("sửa đổi") {
            continue;
        }
        let named = LIST_TYPE.captures(&lower).and_then(|c| crate::model::DocType::parse(&c[1]));
        for &(c, d) in &sents[i + 1..] {
            let line = &text[c..d];
            if !LIST_ITEM.is_match(line) {
                break;
            }
            if !triggers(line).is_empty() {
                continue;
            }
            let cites = citations(line, lex);
            let targets: Vec<Target> = pick_targets(line, &cites, 0, line.len())
                .into_iter()
                .take(1)
                .filter(|t| named.is_none_or(|n| t.citation.doc_type.is_some_and(|ct| same_family(ct, n))))
                .collect();
            let Some(t) = targets.first() else { continue };
            let item = quote(line, t.citation.start.min(part_start(line, t)), t.citation.end);
            out.push(Clause::Ends { verb, targets, when, kept: None, quote: format!("{lead} … {item}") });
        }
    }
    out
}

/// The clauses of an article's heading when the heading is itself the effect sentence
/// ("Điều 2. Quyết định này có hiệu lực sau 15 ngày, kể từ ngày đăng Công báo và thay thế
/// Quyết định số …": probe 16, not read); a heading that names the subject ("Hiệu lực thi
/// hành", "Xử lý văn bản ban hành trước ngày Luật này có hiệu lực") gives none.
pub fn read_heading(title: &str, lex: &Lexicon) -> Vec<Clause> {
    if HEADING.is_match(title) {
        read_with(title, lex)
    } else {
        Vec::new()
    }
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d{1,2}\.\s*)?\p{Lu}\p{L}*(?:\s+\p{L}+){0,3}\s+(?i:này\s+có\s+hiệu\s+lực)")
        .expect("heading pattern")
});

/// "X hết hiệu lực …, trừ trường hợp sau đây:" then an item "b) Các điều 77, 78 của X … có
/// hiệu lực đến hết ngày …": provisions of X kept in force, written on the following lines
/// (probe 16: the law was said wholly ended while the articles listed still applied). An item
/// counts only when it names X by its number; the quote adds the item.
fn kept_in_items(text: &str, (a, b): (usize, usize), next: &[(usize, usize)], ended: &mut [Clause]) {
    let sentence = text[a..b].trim_end().to_lowercase();
    if !(sentence.ends_with(':') && sentence.contains("trừ")) {
        return;
    }
    for clause in ended {
        let Clause::Ends { verb: Verb::Expires, targets, kept: kept @ None, quote, .. } = clause else {
            continue;
        };
        let Some(number) = targets.first().and_then(|t| t.citation.number.clone()) else { continue };
        for &(c, d) in next {
            let item = &text[c..d];
            if !LIST_ITEM.is_match(item) {
                break;
            }
            if !fold(item).to_uppercase().contains(&fold(&number).to_uppercase()) {
                continue;
            }
            if let Some(m) = KEPT_ITEM.captures(item) {
                *kept = Some(date_of(&m, 1));
                let whole = m.get(0).expect("whole");
                quote.push_str(" … ");
                quote.push_str(&self::quote(item, 0, whole.end()));
                break;
            }
        }
    }
}

static KEPT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:tiếp\s+tục\s+)?có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:cho\s+)?đến\s+(?:hết\s+)?ngày\s+{DATE}"
    ))
    .expect("kept item pattern")
});

static LIST_TYPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"các\s+(nghị định|pháp lệnh|bộ luật|luật|thông tư liên tịch|thông tư|quyết định|nghị quyết|chỉ thị)\s+(?:sau|dưới|được liệt kê)")
        .expect("list type pattern")
});

// Types a list names together ("các Luật sau đây" covers a Bộ luật): the catalog's families.
use crate::catalog::same_family;

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[a-zđ]\)|[-–+•]|\d{1,2}[.)])\s").expect("list item pattern"));

/// Reads one sentence into `out`; returns the verb, date and quoted lead-in of a clause whose
/// documents are listed on the following lines ("… hết hiệu lực thi hành:").
fn read_sentence(
    text: &str,
    a: usize,
    b: usize,
    lex: &Lexicon,
    out: &mut Vec<Clause>,
) -> Option<(Verb, When, String)> {
    let s = &text[a..b];
    if let Some(c) = EFFECTIVE.captures(s) {
        let word = c[1].to_lowercase();
        if !NOT_DOCUMENT.contains(&word.as_str()) {
            let start = if let Some(days) = c.get(9) {
                days.as_str().parse().ok().map(Start::AfterSigning)
            } else if c.get(8).is_some() {
                Some(Start::AfterSigning(0))
            } else {
                date_of(&c, 2).map(Start::On)
            };
            if let Some(start) = start {
                let m = c.get(0).expect("whole match");
                // The quote starts at the type word: "Nghị định này …", not "định này …".
                let head = s[..m.start()].trim_end();
                let from = match head.rsplit_once(' ').map_or(head, |(_, w)| w) {
                    w if w.chars().next().is_some_and(char::is_uppercase) && w.len() < 12 => {
                        head.len() - w.len()
                    }
                    _ => m.start(),
                };
                out.push(Clause::Effective { start, quote: s[from..m.end()].to_string() });
            }
        }
    }
    let triggers = triggers(s);
    if triggers.is_empty() {
        return None;
    }
    let cites = citations(s, lex);
    let mut open = None;
    for (k, &(verb, ts, te)) in triggers.iter().enumerate() {
        // The stretch of the sentence this trigger speaks about.
        let (from, to) = match verb {
            Verb::Expires => (if k == 0 { 0 } else { triggers[k - 1].2 }, ts),
            _ => (te, triggers.get(k + 1).map_or(s.len(), |t| t.1)),
        };
        let targets = pick_targets(s, &cites, from, to);
        if targets.is_empty() {
            let lead = s.trim_end();
            if k + 1 == triggers.len()
                && lead.ends_with(':')
                && cites.iter().all(|c| c.end <= from || c.self_ref)
            {
                let when = match WHEN_DATE.captures(&s[te..]) {
                    Some(c) if verb == Verb::Expires => date_of(&c, 1).map_or(When::WithThis, When::On),
                    _ => When::WithThis,
                };
                let start = s.len()
                    - s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ').len();
                open = Some((verb, when, quote(s, start, lead.len() - 1)));
            }
            continue;
        }
        // "… khi Nghị quyết số … hết hiệu lực": a condition, not a statement; "… theo Nghị
        // định số … cho đến khi Giấy xác nhận … hết hiệu lực": another subject.
        if verb == Verb::Expires {
            let before = s[from..targets[0].citation.start].trim_end().to_lowercase();
            let last = targets.last().map_or(ts, |t| t.citation.end);
            // "… khi Giấy xác nhận …" names another subject; "… trồng rừng thay thế khi chuyển
            // mục đích …" in the ended document's title does not (probe 15).
            let between = &s[last.min(ts)..ts];
            let another_subject = between.match_indices(" khi ").any(|(i, w)| {
                let next = between[i + w.len()..].trim_start();
                next.starts_with(char::is_uppercase) || between[..i].to_lowercase().ends_with("đến")
            });
            if ["khi", "nếu", "trường hợp", "đến khi"].iter().any(|w| before.ends_with(w)) || another_subject
            {
                continue;
            }
        }
        // "… hết hiệu lực quy định danh mục báo cáo, …": a part named after the verb (probe
        // 16: read as a whole repeal); the date and the exception follow it.
        let after = (verb == Verb::Expires).then(|| super::part_after::part_after(&s[te..])).flatten();
        let mut targets = targets;
        if let Some((part, _)) = &after {
            for t in targets.iter_mut().filter(|t| t.part.is_none()) {
                t.part = Some(part.clone());
            }
        }
        let te = after.as_ref().map_or(te, |(_, end)| te + end);
        let rest = &s[te..];
        let when = match WHEN_DATE.captures(rest) {
            Some(c) if verb == Verb::Expires => date_of(&c, 1).map_or(When::WithThis, When::On),
            _ => When::WithThis,
        };
        let kept_at = (verb == Verb::Expires).then(|| kept_in_force(rest)).flatten();
        let kept = kept_at.map(|(until, _)| until);
        // A part whose words are not found verbatim (a list read into "Điều 104 và Điều 105 …"
        // from "các điều 104, 105 …", or missed in part): the quote starts with the sentence,
        // so that it shows which provisions end — never "Luật … hết hiệu lực" alone. A part
        // named after the verb is quoted with it, from the document.
        let first = match (&targets[0].part, part_found(s, &targets[0])) {
            _ if after.is_some() => targets[0].citation.start,
            (Some(_), None) => from,
            (_, found) => targets[0].citation.start.min(found.unwrap_or(targets[0].citation.start)),
        };
        // The quote of an end with provisions kept in force runs to the exception, so that
        // it names what survives.
        let (qa, qb) = if verb == Verb::Expires {
            (first, kept_at.map_or(te, |(_, end)| te + end))
        } else {
            (ts, targets.last().map_or(te, |t| t.citation.end))
        };
        out.push(Clause::Ends { verb, targets, when, kept, quote: quote(s, qa, qb) });
    }
    open
}

/// The verbs of a sentence that end documents: (verb, start, end) in `s`, in order; the
/// mentions that are no statement ("chưa hết hiệu lực", "được thay thế", "sửa đổi, bổ sung,
/// bãi bỏ …" in a title) are left out.
fn triggers(s: &str) -> Vec<(Verb, usize, usize)> {
    let mut t: Vec<(Verb, usize, usize)> = Vec::new();
    for m in EXPIRES.find_iter(s) {
        let before = s[..m.start()].trim_end().to_lowercase();
        if !(before.ends_with("chưa") || before.ends_with("không") || before.ends_with("đã")) {
            t.push((Verb::Expires, m.start(), m.end()));
        }
    }
    for m in REPLACES.find_iter(s) {
        let before = s[..m.start()].trim_end().to_lowercase();
        // A comma or semicolon joins a replacement to the effect sentence only ("…, thay
        // thế Thông tư số …"), not to a list of amending verbs ("sửa đổi, bổ sung, thay
        // thế …") nor to "được bãi bỏ, thay thế bằng văn bản khác".
        let joined = !m.as_str().chars().next().is_some_and(char::is_alphabetic);
        let replaced_by = s[m.end()..].trim_start().to_lowercase().starts_with("bằng");
        if before.ends_with("được")
            || (joined
                && (!before.contains("hiệu lực")
                    || replaced_by
                    || ["sung", "đổi", "bỏ"].iter().any(|w| before.ends_with(w))))
        {
            continue;
        }
        // The quote starts at "thay thế", not at the comma.
        let word = m.as_str().find(|c: char| c.is_alphabetic()).unwrap_or(0);
        t.push((Verb::Replaces, m.start() + if joined { word } else { 0 }, m.end()));
    }
    for m in ABOLISHES.find_iter(s) {
        let before = s[..m.start()].trim_end().to_lowercase();
        // "bãi bỏ, sửa đổi, bổ sung hoặc ban hành …": a task, not a repeal.
        let listed = s[m.end()..].starts_with(',') || s[m.end()..].starts_with(" hoặc");
        // "sửa đổi, bổ sung, bãi bỏ một số văn bản …": a title's list of amending verbs
        // (valid11: the last item of a list under "thay thế, bãi bỏ:" was dropped for it).
        let amending =
            ["sung", "đổi", "sung,", "đổi,", "sung và", "đổi và"].iter().any(|w| before.ends_with(w));
        if !(before.ends_with("được")
            || before.ends_with("bị")
            || before.ends_with("đã")
            || listed
            || amending)
        {
            t.push((Verb::Abolishes, m.start(), m.end()));
        }
    }
    t.sort_by_key(|x| x.1);
    t
}

/// Where the quoted part begins for a partial target ("Chương V của …").
fn part_start(s: &str, t: &Target) -> usize {
    part_found(s, t).unwrap_or(t.citation.start)
}

/// Where a partial target's part is written verbatim before its citation, if it is.
fn part_found(s: &str, t: &Target) -> Option<usize> {
    s[..t.citation.start].rfind(t.part.as_deref()?)
}

/// The words from `a` to `b`, verbatim; a long stretch is quoted as its first and last words
/// joined by " … " (each piece verbatim).
pub fn quote(s: &str, a: usize, b: usize) -> String {
    let q = s[a..b].trim();
    if q.chars().count() <= 320 {
        return q.to_string();
    }
    let head: String = q.chars().take(160).collect();
    let tail_start = q.char_indices().rev().nth(119).map_or(0, |(i, _)| i);
    let head = head.trim_end();
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    let tail = &q[tail_start..];
    let tail = tail.find(' ').map_or(tail, |i| &tail[i + 1..]);
    format!("{head} … {tail}")
}

/// "…, trừ Điều 159 và điểm h khoản 1 Điều 192 tiếp tục có hiệu lực thi hành đến hết ngày
/// 31 tháng 12 năm 2016" (or "…; Điều 12 Nghị định số … tiếp tục có hiệu lực thi hành"):
/// provisions of the ended document kept in force, until the date if one is written, and
/// where the exception's words end in `rest`. An exception that points into the stating
/// document ("trừ trường hợp quy định tại khoản 5 Điều 115 của Luật này") is transitional and
/// keeps nothing of the old one.
fn kept_in_force(rest: &str) -> Option<(Option<Date>, usize)> {
    // After a semicolon only provisions named first ("; Điều 12 …"), not another subject
    // ("; giấy phép đã cấp tiếp tục có hiệu lực").
    let semicolon = rest.find(';').filter(|&i| {
        let next = rest[i + 1..].trim_start().to_lowercase();
        [
            "điều ",
            "khoản ",
            "điểm ",
            "chương ",
            "mục ",
            "phụ lục ",
            "các điều ",
            "các quy định ",
            "quy định tại ",
        ]
        .iter()
        .any(|w| next.starts_with(w))
    });
    let tru = [rest.find("trừ"), semicolon].into_iter().flatten().min()?;
    let after = &rest[tru..];
    let Some(m) = UNTIL.captures(after) else {
        return kept_named(after).map(|end| (None, tru + end));
    };
    let whole = m.get(0).expect("whole");
    let between = &after[..whole.start()];
    if between.contains(" này") {
        return None;
    }
    Some((date_of(&m, 1), tru + whole.end()))
}

/// "…, trừ Điều 75 của Luật Mẫu số 1/2014/QH13": an exception that names provisions (of the
/// ended document, not "của Luật này", nor "trừ trường hợp …") without saying until when they
/// apply keeps them in force — the rest ends (valid11: Luật Đầu tư 67/2014/QH13 by Luật
/// 61/2020/QH14 Điều 76). Where the exception's words end in `after`, which starts at "trừ".
fn kept_named(after: &str) -> Option<usize> {
    let m = KEPT_NAMED.find(after)?;
    let end = after.find([';', '.', ':', '\n']).map_or(after.len(), |i| {
        // A dot inside a pinpoint ("Điều 5.2") is no sentence end.
        if after[i + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            after.len()
        } else {
            i
        }
    });
    let words = after[..end].trim_end();
    let lower = words.to_lowercase();
    (m.end() <= words.len() && !lower.contains(" này") && !lower.contains("trường hợp"))
        .then_some(words.len())
}

/// The citations between `from` and `to` that the clause ends: the numbered items of the
/// list, not the documents their descriptions mention. A bare pinpoint ("Điều 25 và khoản 3
/// Điều 15 của …") is the part of the document that follows it.
fn pick_targets(s: &str, cites: &[Citation], from: usize, to: usize) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    let mut prev_end = from;
    let mut prev_role = false;
    let mut first = true;
    let mut pending: Option<String> = None;
    // Where the pending pinpoints start in `s`.
    let mut pending_at: Option<usize> = None;
    let mut item_type = None;
    let mut prev_type = None;
    // "Bãi bỏ các quy định về … tại: Nghị định số …; Quyết định số …": the provisions the
    // lead-in names are the part of every item listed, not of the first only (valid10: the
    // later items were read as whole repeals).
    let mut list_part: Option<String> = None;
    // A technical standard just read as an item ("thay thế … ký hiệu QCVN 18:2010/BTTTT ban
    // hành kèm theo Thông tư số …"), or the circular just read that issues one ("Thông tư số
    // … ban hành QCVN 18: 2013/BLĐTBXH …"): see `issued_with`.
    let mut prev_item: Option<(bool, String)> = None;
    for c in cites.iter().filter(|c| c.start >= from && c.end <= to) {
        let gap = if c.start > prev_end { &s[prev_end..c.start] } else { "" };
        let g =
            gap.trim().trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.' || ch == ')').trim();
        let lower = g.to_lowercase();
        let last_word = lower.split_whitespace().last().unwrap_or("");
        // "…, các điều 4–6": the plural article after a separator is a separator too.
        let sep = lower.strip_suffix("các").map_or(lower.as_str(), str::trim_end);
        let sep_only = matches!(sep, "" | "," | ";" | "và" | ", và" | "; và" | "hoặc");
        // "… và các Thông tư sửa đổi, bổ sung: số …, số …": a plural type word's list after a
        // colon continues the items (valid11: its members were dropped).
        let colon_list = lower.ends_with(':') && {
            let l = lower.trim_start_matches(|ch: char| ch == ',' || ch == ';' || ch.is_whitespace());
            let l = l.strip_prefix("và ").unwrap_or(l);
            l.starts_with("các ") || l.starts_with("những ")
        };
        prev_end = prev_end.max(c.end);
        // "Nghị định số 140/2018/NĐ-CP … (sau đây gọi là Nghị định số 140/2018/NĐ-CP) và Nghị
        // định số …": the short name is the item before it again, not a new mention that
        // ends the list (valid11: the item after it was dropped).
        if ["gọi là", "gọi tắt là"].iter().any(|w| lower.ends_with(w))
            && out.last().is_some_and(|t| t.citation.number.is_some() && t.citation.number == c.number)
        {
            prev_role = true;
            prev_type = c.doc_type;
            continue;
        }
        // A bare pinpoint (read as a self reference when nothing follows it).
        if c.doc_type.is_none() && c.number.is_none() && c.pinpoint.is_some() && !c.text.contains("này") {
            // "… tại Mục 3 Chương III, khoản 4 Điều 84, …": a division listed before the
            // first pinpoint starts the part.
            let before = first
                .then(|| DIVISION.captures(last_clause(g.trim_end_matches([',', ' ', ':']))))
                .flatten()
                .map(|m| m[1].to_string());
            let p = match (before, c.pinpoint_text()) {
                (Some(d), Some(p)) if pending.is_none() => Some(format!("{d}, {p}")),
                (_, p) => p,
            };
            pending = match (pending.take(), p) {
                (Some(mut was), Some(p)) if sep_only => {
                    was.push_str(" và ");
                    was.push_str(&p);
                    Some(was)
                }
                (_, p) => {
                    pending_at = Some(c.start);
                    p
                }
            };
            continue;
        }
        // "Kể từ ngày Thông tư này có hiệu lực thi hành, các Điều 12, … của Thông tư số …":
        // the date's own words open the sentence; the list is still to come.
        if c.self_ref && first && s[c.end..].trim_start().starts_with("có hiệu lực") {
            continue;
        }
        // "các điều 223, 224 và 234 Mục 5 Chương XIV của Bộ luật …": the articles listed are
        // the part, not the whole division they sit in.
        let in_division = |l: &str| {
            l.strip_suffix(" của")
                .or_else(|| l.strip_suffix(" tại"))
                .is_some_and(|d| DIVISION.is_match(d.trim()))
        };
        // The words a part ends with before the document it belongs to ("Điều 4 và Phụ lục 2
        // ban hành kèm theo Thông tư số …"), and where they start in `s`.
        let tail = ATTACH_TAILS
            .iter()
            .find(|t| lower == **t || lower.ends_with(&format!(" {t}")))
            .filter(|_| lower.len() == g.len());
        // (An empty gap is no slice of `s`.)
        let g_at = if g.is_empty() { c.start } else { g.as_ptr() as usize - s.as_ptr() as usize };
        let before_tail = tail.map(|t| (lower[..lower.len() - t.len()].trim(), g_at + g.len() - t.len()));
        let simple = matches!(lower.as_str(), "của" | "tại" | "quy định tại") || in_division(&lower);
        let (was, was_at) = (pending.take(), pending_at.take());
        let attach = match (was, was_at, before_tail) {
            (Some(p), _, _) if simple => Some(p),
            // "Điều 4 và Phụ lục 2, Phụ lục 3 ban hành kèm theo …", "các Điều 46, 47, 48 và
            // các nội dung liên quan đến … tại …": the pinpoints and what the gap adds, verbatim.
            (Some(_), Some(at), Some((rest, cut)))
                if part_words(rest) && (rest.is_empty() || rest.starts_with(['v', ',', ';'])) =>
            {
                Some(s[at..cut].trim().trim_end_matches([',', ';', ' ']).to_string())
            }
            _ => None,
        };
        let trimmed = g.trim_end_matches([',', ' ', ':']);
        // "Bãi bỏ các biểu mẫu số 92, 93 ban hành kèm theo Nghị quyết số …", "Phần I, phần III
        // … Phụ lục ban hành kèm theo Quyết định số … hết hiệu lực": what is annexed to it.
        let annexed = before_tail
            .filter(|(rest, _)| {
                first
                    && lower.ends_with("kèm theo")
                    && !rest.is_empty()
                    && part_words(rest)
                    && rest.chars().count() < PROVISIONS_MAX
            })
            .map(|(_, cut)| s[g_at..cut].trim().trim_end_matches([',', ';', ' ']).to_string());
        let division = annexed.or_else(|| {
            DIVISION.captures(last_clause(trimmed)).map(|m| m[1].to_string()).or_else(|| {
                (trimmed.chars().count() < 40 && DIVISION.is_match(trimmed)).then(|| trimmed.to_string())
            })
        });
        // "Bãi bỏ các quy định về … tại: Nghị định số …": some provisions only.
        let provisions = (first
            && [
                "các quy định",
                "quy định",
                "những quy định",
                "các nội dung",
                "nội dung",
                "những nội dung",
                "một số nội dung",
                "một số quy định",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
            && lower.chars().count() < PROVISIONS_MAX)
            .then(|| trimmed.to_string());
        // "Bãi bỏ hiệu lực thi hành của Quyết định số …": the document itself, not a document
        // a description names (valid11: read as linked, the decision stayed "chưa rõ").
        let its_force = first && matches!(lower.as_str(), "hiệu lực của" | "hiệu lực thi hành của");
        let linked = !its_force && (LINKING.contains(&last_word) || lower.ends_with("sửa đổi, bổ sung"));
        // "…; các điều 13, 14 của Nghị định số …": the plural article after the separator
        // (valid11: a partial item in a semicolon list was dropped).
        let ends_sep = [",", ";", " và", " hoặc"].iter().any(|e| sep.ends_with(e));
        // "Bãi bỏ các quy định … tại khoản này theo quy định tại Khoản 4 Điều 6 của Luật số …": the
        // document after "theo" is what the repeal rests on, not what it ends (a Pháp điển
        // note had a 2007 law repeal part of a 2014 law; probe 11).
        // ("… ban hành kèm theo Thông tư số …" names what is annexed to it, not a basis.)
        let basis = ["theo", "theo quy định tại", "theo quy định của", "theo quy định"]
            .iter()
            .any(|w| lower == *w || lower.ends_with(&format!(" {w}")))
            && !lower.ends_with("kèm theo");
        // A document without its number is an item only by its name and date or year ("Luật
        // này thay thế Luật quốc tịch Việt Nam ngày 20 tháng 5 năm 1998": probe 16), never by
        // its type alone ("các văn bản trước đây").
        let named = c.name.is_some() && (c.date.is_some() || c.year.is_some());
        let role = if c.self_ref || (c.number.is_none() && !named) || basis {
            false
        } else if attach.is_some() || division.is_some() {
            true
        } else if first {
            provisions.is_some() || !linked
        } else if sep_only || colon_list {
            // "theo Luật số 1, Luật số 2 và Luật số 3" (amending laws) and "… thi hành Bộ luật
            // số 1, Luật số 2" (a title's list) go together; an item of the list's own type
            // after a mention of another type starts a new item, and so does any numbered
            // document after a semicolon once the list has begun ("Nghị định số … về … Luật
            // Người lao động …; Thông tư liên tịch số …": the law named in the title is no item).
            prev_role
                || (item_type.is_some() && c.doc_type == item_type && c.doc_type != prev_type)
                || (item_type.is_some() && sep.starts_with(';') && c.number.is_some())
        } else {
            // A new item follows a description ("… thị trấn và Nghị quyết số …"); a document
            // that a description names ("… về việc thi hành Bộ luật … số …") is not one.
            ends_sep
        };
        prev_type = c.doc_type;
        if role && item_type.is_none() {
            item_type = c.doc_type;
        }
        if first && role {
            // What the provisions are about, without the words that tie them to the first
            // item ("… tại Chương V của"): the later items' part.
            list_part = provisions.as_deref().map(|p| {
                let p = format!("{p} ");
                let cut = [" tại ", " trong "].iter().filter_map(|w| p.rfind(w)).min();
                cut.map_or(p.as_str(), |i| &p[..i]).trim_end().trim_end_matches(" của").to_string()
            });
        }
        let division = division.or(provisions);
        let issued = issued_with(prev_item.take(), &lower, c);
        let role = role || issued.is_some();
        prev_role = role;
        first = false;
        if !role {
            continue;
        }
        let own =
            c.pinpoint.as_ref().filter(|p| p.article.is_some() || p.clause.is_some()).and(c.pinpoint_text());
        if let Some(issued) = issued {
            // The standard is the part of the circular that issues it (its own pinpoint when
            // written: "khoản 17 Điều 1"); a standard a circular issues ends with it.
            let part = if is_standard(c) { None } else { own.or(Some(issued)) };
            prev_item = Some((is_standard(c), c.text.clone()));
            out.push(Target { citation: c.clone(), part });
            continue;
        }
        prev_item = Some((is_standard(c), c.text.clone()));
        // "… tại Mục 3 Chương III, khoản 4 Điều 84, …": the division listed before the
        // first pinpoint is part of the list too.
        let part = match (own, division) {
            (Some(own), Some(div)) if DIVISION.is_match(&div) && !own.contains(&div) => {
                Some(format!("{div}, {own}"))
            }
            (Some(own), _) if attach.is_some() => attach.map(|a| format!("{a} và {own}")),
            (own, division) => own.or(attach).or(division).or_else(|| list_part.clone()),
        };
        // "Điều 7 và khoản 2 Điều 3 của Luật …" may be read as one citation per pinpoint.
        if let (Some(last), Some(p)) = (out.last_mut(), &part) {
            if last.citation.number == c.number && last.citation.doc_type == c.doc_type {
                if let Some(lp) = &mut last.part {
                    lp.push_str(" và ");
                    lp.push_str(p);
                    last.citation.end = last.citation.end.max(c.end);
                    continue;
                }
            }
        }
        out.push(Target { citation: c.clone(), part });
    }
    out
}

/// Whether a citation is a technical standard ("QCVN 18:2010/BTTTT", "TCVN 7391:2020").
fn is_standard(c: &Citation) -> bool {
    matches!(c.doc_type, Some(DocType::QuyChuanKyThuat | DocType::TieuChuanQuocGia))
}

/// A national technical regulation has force through the document that issues it ("ban hành
/// kèm theo"), so an end names both (valid11: the circulars stayed "chưa rõ", the regulations
/// unread): after an item that is a standard, the numbered circular or decision it is issued
/// with ("… QCVN 18:2010/BTTTT ban hành kèm theo Thông tư số 18/2010/TT-BTTTT", "… quy định
/// tại khoản 17 Điều 1 Thông tư số …") ends in part, the standard being its part (returned);
/// after an item that is a circular, the standard it issues ("Thông tư số 42/2013/TT-BLĐTBXH
/// ngày … ban hành QCVN 18: 2013/BLĐTBXH …") ends with it. `prev`: whether the previous item
/// was a standard, and its words; `gap`: the words between them, in lower case.
fn issued_with(prev: Option<(bool, String)>, gap: &str, c: &Citation) -> Option<String> {
    let (was_standard, words) = prev?;
    if was_standard {
        let issuer = matches!(
            c.doc_type,
            Some(DocType::ThongTu | DocType::ThongTuLienTich | DocType::QuyetDinh | DocType::NghiDinh)
        );
        let tied = ["ban hành kèm theo", "kèm theo", "quy định tại", "tại", "ban hành theo"]
            .iter()
            .any(|w| gap == *w || gap.strip_suffix(w).is_some_and(|h| h.ends_with(' ') && !h.contains(',')));
        return (issuer && c.number.is_some() && tied && !c.self_ref).then_some(words);
    }
    // The circular's date and issuer may come between: the standard directly after "ban hành".
    (is_standard(c) && c.number.is_some() && (gap == "ban hành" || gap.ends_with(" ban hành")))
        .then_some(words)
}

/// The longest description of provisions read as a part, in characters: a sentence's whole
/// subject ("các nội dung quy định về quản lý, thanh toán, quyết toán vốn … tại các Thông tư
/// liên tịch số …" runs past 200 bytes; valid11: a cap in bytes dropped the part of TT
/// 349/2016/TT-BTC Điều 17, and its list was read as whole replacements).
const PROVISIONS_MAX: usize = 400;

/// Words that end a part's description before the document it belongs to, longest first.
const ATTACH_TAILS: &[&str] = &["ban hành kèm theo", "kèm theo", "quy định tại", "tại", "của"];

/// Whether the words between a part and its document describe that part (annexes, forms,
/// "các nội dung liên quan đến …"), not another act on it ("sửa đổi", "thay thế") or the
/// stating document ("… này").
fn part_words(rest: &str) -> bool {
    !["sửa đổi", "bổ sung", "thay thế", "bãi bỏ", "hướng dẫn", "này", "theo"].iter().any(|w| rest.contains(w))
}

/// The citations of a sentence (the one reader: [`extract`]).
fn citations(s: &str, lex: &Lexicon) -> Vec<Citation> {
    extract_with(s, lex)
}

/// The last item of a gap: after its last comma, semicolon or "và".
fn last_clause(g: &str) -> &str {
    let cut = [g.rfind(','), g.rfind(';'), g.rfind(" và ").map(|i| i + 4)].into_iter().flatten().max();
    cut.map_or(g, |i| &g[(i + 1).min(g.len())..])
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Verb, Vec<(String, Option<String>)>, When, Option<Option<Date>>);

    fn ends(text: &str) -> Vec<Read> {
        read(text)
            .into_iter()
            .filter_map(|c| match c {
                Clause::Ends { verb, targets, when, kept, quote } => {
                    for piece in quote.split(" … ") {
                        assert!(text.contains(piece), "{piece:?} not in the text");
                    }
                    Some((
                        verb,
                        targets
                            .into_iter()
                            .map(|t| (t.citation.number.unwrap_or_default(), t.part))
                            .collect(),
                        when,
                        kept,
                    ))
                }
                _ => None,
            })
            .collect()
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn effective_dates() {
        let table: &[(&str, Option<Start>)] = &[
            (
                "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2030.",
                Some(Start::On(d("2030-07-01"))),
            ),
            ("Nghị định này có hiệu lực thi hành kể từ ngày 15/8/2031.", Some(Start::On(d("2031-08-15")))),
            ("Thông tư này có hiệu lực thi hành sau 45 ngày kể từ ngày ký.", Some(Start::AfterSigning(45))),
            ("Quyết định này có hiệu lực kể từ ngày ký ban hành.", Some(Start::AfterSigning(0))),
            ("Điều này có hiệu lực từ ngày 01 tháng 01 năm 2032.", None),
            ("Giấy phép có hiệu lực từ ngày cấp.", None),
        ];
        for (text, want) in table {
            let got = read(text).into_iter().find_map(|c| match c {
                Clause::Effective { start, quote } => {
                    assert!(text.contains(&quote));
                    assert!(quote.starts_with(char::is_uppercase), "{quote}");
                    Some(start)
                }
                _ => None,
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn a_partial_repeal_quotes_the_provisions_it_names() {
        // Regression: the quote was "Luật mẫu số 58/2014/QH13 hết hiệu lực", which reads as a
        // whole repeal, when the sentence names sections, clauses and articles of it.
        let text = "2. Các quy định về chế độ thử tại Mục 3 Chương III, khoản 4 Điều 84, các điều 104, 105 và 117 của Luật mẫu số 58/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.";
        let quotes: Vec<String> = read(text)
            .into_iter()
            .filter_map(|c| match c {
                Clause::Ends { quote, .. } => Some(quote),
                _ => None,
            })
            .collect();
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert!(quotes[0].contains("Mục 3 Chương III") && quotes[0].contains("hết hiệu lực"), "{quotes:?}");
        assert!(text.contains(&quotes[0]), "{quotes:?}");
    }

    #[test]
    fn a_heading_that_is_the_effect_sentence() {
        // Probe 16 (11/2008/QĐ-BTNMT Điều 2, reworded): the clause is the heading.
        let table: &[(&str, Option<&str>)] = &[
            (
                "Quyết định này có hiệu lực sau 15 ngày, kể từ ngày đăng Công báo và thay thế Quyết định số 45/KT ngày 15 tháng 5 năm 1989 của Cục trưởng Cục Thử nghiệm ban hành quy phạm mẫu.",
                Some("45/KT"),
            ),
            (
                "Thông tư liên tịch này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2031 và thay thế Thông tư liên tịch số 07/2019/TTLT-BMT-BTH.",
                Some("07/2019/TTLT-BMT-BTH"),
            ),
            ("Hiệu lực thi hành", None),
            ("Xử lý văn bản ban hành trước ngày Luật này có hiệu lực và thay thế Luật số 5/2001/QH10", None),
            ("Bãi bỏ Thông tư số 12/2019/TT-BMT", None),
        ];
        for (title, want) in table {
            let got = read_heading(title, Lexicon::builtin()).into_iter().find_map(|c| match c {
                Clause::Ends { verb: Verb::Replaces, targets, quote, .. } => {
                    assert!(title.contains(&quote), "{quote}");
                    targets.first().and_then(|t| t.citation.number.clone())
                }
                _ => None,
            });
            assert_eq!(got.as_deref(), *want, "{title}");
        }
    }

    #[test]
    fn a_document_named_with_its_date_is_an_item() {
        // Probe 16 (24/2008/QH12 Điều 43, reworded): replaced by name and date, no number.
        let got = read("Luật này thay thế Luật Quốc tịch mẫu ngày 20 tháng 5 năm 1998.");
        let Some(Clause::Ends { verb: Verb::Replaces, targets, .. }) = got.first() else { panic!("{got:?}") };
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0].citation.date, Some(d("1998-05-20")));
        // A name in lower case is read up to a title the catalog knows.
        let lex = Lexicon::new([(crate::model::DocType::Luat, "Luật Quốc tịch mẫu")]);
        let got = read_with("Luật này thay thế Luật quốc tịch mẫu ngày 20 tháng 5 năm 1998.", &lex);
        assert!(matches!(got.first(), Some(Clause::Ends { targets, .. }) if targets.len() == 1), "{got:?}");
        // A name without date or year names no one version.
        assert!(ends("Luật này thay thế Luật Quốc tịch mẫu.").is_empty());
    }

    #[test]
    fn a_part_named_after_the_verb_is_a_partial_end() {
        // Probe 16 (02/2018/TT-UBDT by 07/2025/TT-BDTTG Điều 5, reworded): the words after
        // "hết hiệu lực" name what stops; "… hết hiệu lực kể từ …" and "… hết hiệu lực thi
        // hành" stay whole.
        let p = |num: &str, part: &str| vec![(num.to_string(), Some(part.to_string()))];
        let n = |num: &str| vec![(num.to_string(), None::<String>)];
        assert_eq!(
            ends("2. Kể từ ngày Thông tư này có hiệu lực, Thông tư số 03/2019/TT-BMT ngày 05 tháng 11 năm 2019 của Bộ trưởng quy định chế độ báo cáo thử hết hiệu lực quy định danh mục báo cáo thử, biểu mẫu thử và hướng dẫn ghi biểu mẫu thử ."),
            vec![(
                Verb::Expires,
                p("03/2019/TT-BMT", "quy định danh mục báo cáo thử, biểu mẫu thử và hướng dẫn ghi biểu mẫu thử"),
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("Nghị định số 41/2020/NĐ-CP hết hiệu lực thi hành các Điều 5, 6 và 9 kể từ ngày 01 tháng 7 năm 2036."),
            vec![(Verb::Expires, p("41/2020/NĐ-CP", "các Điều 5, 6 và 9"), When::On(d("2036-07-01")), None)]
        );
        assert_eq!(
            ends("Thông tư số 04/2019/TT-BMT hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành."),
            vec![(Verb::Expires, n("04/2019/TT-BMT"), When::WithThis, None)]
        );
        assert_eq!(
            ends(
                "2. Thông tư số 05/2019/TT-BMT ngày 1 tháng 2 năm 2019 của Bộ trưởng hết hiệu lực thi hành."
            ),
            vec![(Verb::Expires, n("05/2019/TT-BMT"), When::WithThis, None)]
        );
        // The quote names the part.
        let text = "Thông tư số 06/2019/TT-BMT hết hiệu lực quy định về biểu mẫu thử từ ngày 01/01/2036.";
        let quote = read(text).into_iter().find_map(|c| match c {
            Clause::Ends { quote, .. } => Some(quote),
            _ => None,
        });
        assert_eq!(
            quote.as_deref(),
            Some("Thông tư số 06/2019/TT-BMT hết hiệu lực quy định về biểu mẫu thử")
        );
    }

    #[test]
    fn the_quote_of_an_end_names_the_provisions_kept() {
        // Probe 15: the quote stopped before "trừ …", so the user was not told what survives.
        let table: &[(&str, &str)] = &[
            (
                "Pháp lệnh mẫu số 07/2002/PL-UBTVQH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ các quy định tại các điều 3, 4 và khoản 1 Điều 26 tiếp tục có hiệu lực thi hành cho đến khi bị hủy bỏ.",
                "trừ các quy định tại các điều 3, 4 và khoản 1 Điều 26 tiếp tục có hiệu lực thi hành",
            ),
            (
                "2. Nghị định số 05/1999/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực; Điều 9 Nghị định số 05/1999/NĐ-CP tiếp tục có hiệu lực thi hành cho đến khi được bãi bỏ.",
                "Điều 9 Nghị định số 05/1999/NĐ-CP tiếp tục có hiệu lực thi hành",
            ),
        ];
        for (text, kept) in table {
            let quotes: Vec<String> = read(text)
                .into_iter()
                .filter_map(|c| match c {
                    Clause::Ends { quote, kept: Some(_), .. } => Some(quote),
                    _ => None,
                })
                .collect();
            assert_eq!(quotes.len(), 1, "{text}");
            assert!(quotes[0].ends_with(kept) && text.contains(&quotes[0]), "{quotes:?}");
        }
    }

    #[test]
    fn what_ends() {
        let n = |s: &str| (s.to_string(), None::<String>);
        // A plural type word's list after a colon: every member is an item.
        assert_eq!(
            ends("Thông tư này có hiệu lực kể từ ngày 01 tháng 3 năm 2034 và thay thế Quyết định số 4/2008/QĐ-BTC ngày 5 tháng 1 năm 2008 và các Thông tư sửa đổi, bổ sung: số 17/2009/TT-BTC ngày 2/3/2009, số 61/2010/TT-BTC ngày 9/4/2010."),
            vec![(
                Verb::Replaces,
                vec![n("4/2008/QĐ-BTC"), n("17/2009/TT-BTC"), n("61/2010/TT-BTC")],
                When::WithThis,
                None
            )]
        );
        // A law replaced, dated by this one's entry into force; the laws that amended it are
        // not repealed by the sentence.
        assert_eq!(
            ends("2. Luật Thí điểm số 11/2001/QH10 đã được sửa đổi, bổ sung một số điều theo Luật số 12/2003/QH11 và Luật số 13/2005/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."),
            vec![(Verb::Expires, vec![n("11/2001/QH10")], When::WithThis, None)]
        );
        // Two items of a list; a title's mention of another decree is not an item.
        assert_eq!(
            ends("Nghị định số 21/2019/NĐ-CP ngày 02 tháng 3 năm 2019 của Chính phủ sửa đổi một số điều của Nghị định số 22/2017/NĐ-CP về thử nghiệm và Nghị định số 23/2018/NĐ-CP ngày 4 tháng 4 năm 2018 của Chính phủ về mẫu hết hiệu lực thi hành kể từ ngày 01 tháng 9 năm 2033."),
            vec![(Verb::Expires, vec![n("21/2019/NĐ-CP"), n("23/2018/NĐ-CP")], When::On(d("2033-09-01")), None)]
        );
        // Replaced at this document's entry into force.
        assert_eq!(
            ends("1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2034 và thay thế Nghị định số 31/2010/NĐ-CP ngày 14 tháng 5 năm 2010 của Chính phủ về thử nghiệm."),
            vec![(Verb::Replaces, vec![n("31/2010/NĐ-CP")], When::WithThis, None)]
        );
        // Parts repealed: a pinpoint, a chapter.
        assert_eq!(
            ends("đ) Bãi bỏ Điều 7 và khoản 2 Điều 3 của Luật thử nghiệm số 41/2012/QH13;"),
            vec![(
                Verb::Abolishes,
                vec![("41/2012/QH13".into(), Some("Điều 7 và khoản 2 Điều 3".into()))],
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("Chương IV của Luật mẫu số 51/2012/QH13 hết hiệu lực thi hành kể từ ngày Luật này có hiệu lực."),
            vec![(Verb::Expires, vec![("51/2012/QH13".into(), Some("Chương IV".into()))], When::WithThis, None)],
        );
        // Articles listed, then the division they sit in: the articles are the part, not the
        // whole division (trial 7: a pinpoint to a repealed article was not warned).
        assert_eq!(
            ends("3. Bãi bỏ các điều 12, 13 và 15 Mục 2 Chương IV của Bộ luật mẫu số 10/2012/QH13."),
            vec![(
                Verb::Abolishes,
                vec![("10/2012/QH13".into(), Some("Điều 12 và Điều 13 và Điều 15".into()))],
                When::WithThis,
                None
            )]
        );
        // A division listed before the pinpoints stays in the part (regression: dropped),
        // whether the pinpoints are read with the document or before it.
        assert_eq!(
            ends("2. Các quy định về bảo hiểm thử, bảo hiểm mẫu tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 và điểm a khoản 2 Điều 86, các điều 104, 105, 116 và 117 của Luật bảo hiểm xã hội số 51/2012/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."),
            vec![(
                Verb::Expires,
                vec![("51/2012/QH13".into(), Some("Mục 3 Chương III, khoản 4 Điều 84 và điểm b khoản 1 Điều 86 và điểm a khoản 2 Điều 86 và Điều 104 và Điều 105 và Điều 116 và Điều 117".into()))],
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("Bãi bỏ các quy định về bảo hiểm thử tại Mục 3 Chương III, khoản 4 Điều 84 và các điều 104–106 của Luật mẫu số 51/2012/QH13."),
            vec![(
                Verb::Abolishes,
                vec![("51/2012/QH13".into(), Some("Mục 3 Chương III, khoản 4 Điều 84 và Điều 104 và Điều 105 và Điều 106".into()))],
                When::WithThis,
                None
            )]
        );
        // Named provisions kept in force: partial; a transitional exception is not.
        assert_eq!(
            ends("2. Bộ luật mẫu số 61/2004/QH11 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành, trừ các quy định tại Điều 12 tiếp tục có hiệu lực thi hành đến hết ngày 31 tháng 12 năm 2036."),
            vec![(Verb::Expires, vec![n("61/2004/QH11")], When::WithThis, Some(Some(d("2036-12-31"))))]
        );
        assert_eq!(
            ends("2. Luật mẫu số 71/2010/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp quy định tại khoản 2 Điều 80 của Luật này."),
            vec![(Verb::Expires, vec![n("71/2010/QH12")], When::WithThis, None)]
        );
        // Valid11: provisions of the ended law named in the exception, with no end written,
        // stay in force (partial); those of the stating law ("… này") are transitional.
        assert_eq!(
            ends("4. Luật Thử nghiệm số 12/2013/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ Điều 40 của Luật Thử nghiệm số 12/2013/QH13."),
            vec![(Verb::Expires, vec![n("12/2013/QH13")], When::WithThis, Some(None))]
        );
        assert_eq!(
            ends("Nghị định số 7/2009/NĐ-CP hết hiệu lực kể từ ngày 01 tháng 3 năm 2020, trừ các quy định tại khoản 2 Điều 6 và Điều 9"),
            vec![(Verb::Expires, vec![n("7/2009/NĐ-CP")], When::On(d("2020-03-01")), Some(None))]
        );
        // Valid11: a technical regulation ends with the circular it is issued with, which
        // ends in part (the regulation being its part), and the reverse.
        assert_eq!(
            ends("Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2016 và thay thế “Quy chuẩn kỹ thuật quốc gia về máy thử”, ký hiệu QCVN 99:2012/BTTTT ban hành kèm theo Thông tư số 5/2012/TT-BTTTT ngày 3 tháng 4 năm 2012."),
            vec![(
                Verb::Replaces,
                vec![
                    ("QCVN 99:2012/BTTTT".into(), None),
                    ("5/2012/TT-BTTTT".into(), Some("QCVN 99:2012/BTTTT".into()))
                ],
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("2. Thông tư số 7/2012/TT-BLĐTBXH ngày 2 tháng 5 năm 2012 ban hành QCVN 05: 2012/BLĐTBXH Quy chuẩn kỹ thuật quốc gia về an toàn cần trục hết hiệu lực kể từ ngày Thông tư này có hiệu lực."),
            vec![(
                Verb::Expires,
                vec![("7/2012/TT-BLĐTBXH".into(), None), ("QCVN 05:2012/BLĐTBXH".into(), None)],
                When::WithThis,
                None
            )]
        );
        // A long description of the provisions replaced is their part, for every item (a cap
        // of 200 bytes read the items as whole replacements).
        let long = ends("Thông tư này thay thế các nội dung quy định về quản lý, thanh toán, quyết toán vốn đầu tư thuộc nguồn vốn ngân sách nhà nước của các dự án thử nghiệm thuộc các chương trình mục tiêu quốc gia thí điểm tại các Thông tư liên tịch số 3/2011/TTLT-BTC-BXD ngày 1/2/2011 của Bộ Tài chính - Bộ Xây dựng hướng dẫn thử nghiệm; Thông tư số 9/2014/TT-BTC ngày 2/3/2014 của Bộ Tài chính về thử nghiệm.");
        assert_eq!(long.len(), 1, "{long:?}");
        let targets = &long[0].1;
        assert_eq!(targets.len(), 2, "{targets:?}");
        for (number, part) in targets {
            let part = part.as_deref().unwrap_or_else(|| panic!("{number}: read as a whole replacement"));
            assert!(
                part.starts_with("các nội dung quy định về quản lý") && part.contains("thí điểm"),
                "{part}"
            );
        }
        // Valid11: "bãi bỏ hiệu lực thi hành của" the document; a short name in parentheses
        // does not end the list.
        assert_eq!(
            ends("Bãi bỏ hiệu lực thi hành của Quyết định số 5/2003/QĐ-BKHCN ngày 7 tháng 5 năm 2003 của Bộ trưởng về việc ban hành quy định thử."),
            vec![(Verb::Abolishes, vec![n("5/2003/QĐ-BKHCN")], When::WithThis, None)]
        );
        assert_eq!(
            ends("2. Nghị định số 14/2018/NĐ-CP ngày 1 tháng 2 năm 2018 của Chính phủ sửa đổi các Nghị định về thử nghiệm (sau đây gọi là Nghị định số 14/2018/NĐ-CP) và Nghị định số 7/2014/NĐ-CP ngày 2 tháng 3 năm 2014 của Chính phủ quy định về thử nghiệm hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành."),
            vec![(Verb::Expires, vec![n("14/2018/NĐ-CP"), n("7/2014/NĐ-CP")], When::WithThis, None)]
        );
        for transitional in [
            "3. Luật Thử nghiệm số 12/2013/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ quy định tại khoản 4 Điều 101 của Luật này.",
            "2. Thông tư số 8/2016/TT-BTC hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành trừ quy định tại khoản 1 Điều 30 Thông tư này.",
            "2. Thông tư số 8/2016/TT-BTC hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành, trừ trường hợp quy định tại Điều 12.",
        ] {
            let got = ends(transitional);
            assert!(got.iter().all(|r| r.3.is_none()), "{transitional}: {got:?}");
        }
        // Probe 16: provisions kept in force on the items after "trừ trường hợp sau đây:"
        // (the law was said wholly ended); an item about the stating law keeps nothing.
        assert_eq!(
            ends("3. Luật Mẫu thử số 24/2001/QH10 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp sau đây:\na) Khoản 2 Điều 90 của Luật này;\nb) Các điều 7, 8 và 12 của Luật Mẫu thử số 24/2001/QH10 có hiệu lực đến hết ngày 31 tháng 12 năm 2029.\n4. Chính phủ quy định chi tiết."),
            vec![(Verb::Expires, vec![n("24/2001/QH10")], When::WithThis, Some(Some(d("2029-12-31"))))]
        );
        assert_eq!(
            ends("3. Luật Mẫu thử số 24/2001/QH10 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành, trừ trường hợp sau đây:\na) Hợp đồng đã giao kết được tiếp tục thực hiện đến hết ngày 31 tháng 12 năm 2029;\nb) Khoản 1 Điều 91 của Luật này."),
            vec![(Verb::Expires, vec![n("24/2001/QH10")], When::WithThis, None)]
        );
        // A name with a comma, a lower-case name, pinpoints before the document.
        assert_eq!(
            ends("2. Luật Thí điểm, mẫu số 16/2004/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 17/2006/QH11, Luật số 18/2008/QH12 và Luật số 19/2010/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành."),
            vec![(Verb::Expires, vec![n("16/2004/QH11")], When::WithThis, None)]
        );
        assert_eq!(
            ends("đ) Bãi bỏ Điều 25 và khoản 3 Điều 15 của Luật kiểm toán thử số 67/2019/QH14;"),
            vec![(
                Verb::Abolishes,
                vec![("67/2019/QH14".into(), Some("Điều 25 và khoản 3 Điều 15".into()))],
                When::WithThis,
                None
            )]
        );
        // A list on the following lines.
        assert_eq!(
            ends("2. Kể từ ngày Nghị định này có hiệu lực thi hành, các Nghị định sau đây hết hiệu lực thi hành:\na) Nghị định số 44/2013/NĐ-CP ngày 10 tháng 5 năm 2013 của Chính phủ quy định chi tiết một số điều của Bộ luật Mẫu;\nb) Nghị định số 45/2013/NĐ-CP ngày 10 tháng 5 năm 2013 của Chính phủ về thử nghiệm.\n3. Các hợp đồng đã ký được tiếp tục thực hiện theo Nghị định số 46/2013/NĐ-CP."),
            vec![
                (Verb::Expires, vec![n("44/2013/NĐ-CP")], When::WithThis, None),
                (Verb::Expires, vec![n("45/2013/NĐ-CP")], When::WithThis, None)
            ]
        );
        // A partial item after a semicolon, its plural article word after the separator.
        let items: Vec<(String, Option<String>)> = read("2. Nghị định số 81/2002/NĐ-CP ngày 17 tháng 10 năm 2002 của Chính phủ quy định chi tiết một số điều của Luật mẫu; Nghị định số 201/2004/NĐ-CP ngày 10 tháng 12 năm 2004 của Chính phủ ban hành Quy chế thử; các điều 13, 14 và 29 của Nghị định số 80/2010/NĐ-CP ngày 14 tháng 7 năm 2010 của Chính phủ quy định về hợp tác thử; Điều 12 Nghị định số 61/2010/NĐ-CP ngày 04 tháng 6 năm 2010 của Chính phủ về khuyến khích thử hết hiệu lực kể từ ngày Nghị định này có hiệu lực.")
            .into_iter()
            .flat_map(|c| match c {
                Clause::Ends { targets, .. } => {
                    targets.into_iter().map(|t| (t.citation.number.unwrap_or_default(), t.part)).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(
            items,
            [
                n("81/2002/NĐ-CP"),
                n("201/2004/NĐ-CP"),
                ("80/2010/NĐ-CP".into(), Some("Điều 13 và Điều 14 và Điều 29".into())),
                ("61/2010/NĐ-CP".into(), Some("Điều 12".into())),
            ]
        );
        // An item whose title lists amending verbs ("sửa đổi, bổ sung, bãi bỏ một số văn bản")
        // is an item all the same (valid11: the last item of such a list was dropped).
        assert_eq!(
            ends("3. Thông tư này thay thế, bãi bỏ:\na) Thông tư số 11/2009/TT-BMT ngày 2 tháng 3 năm 2009 của Bộ trưởng Bộ Mẫu về thử nghiệm;\nb) Khoản 1 Điều 4, Điều 5 của Thông tư số 12/2016/TT-BMT ngày 5 tháng 12 năm 2016 của Bộ trưởng Bộ Mẫu sửa đổi, bổ sung, bãi bỏ một số văn bản về thử nghiệm.\n4. Các cơ quan thực hiện."),
            vec![
                (Verb::Abolishes, vec![n("11/2009/TT-BMT")], When::WithThis, None),
                (
                    Verb::Abolishes,
                    vec![("12/2016/TT-BMT".into(), Some("khoản 1 Điều 4 và Điều 5".into()))],
                    When::WithThis,
                    None
                )
            ]
        );
        // After a semicolon a numbered document of another type is a new item, even after a
        // law a title names (valid10: the joint circular was dropped once the law's lower-case
        // name was read whole).
        let lex = Lexicon::new([(crate::model::DocType::Luat, "Luật Người lao động đi làm việc mẫu")]);
        let items: Vec<String> = read_with("2. Nghị định số 38/2020/NĐ-CP ngày 03 tháng 4 năm 2020 của Chính phủ quy định chi tiết một số điều của Luật Người lao động đi làm việc mẫu; Thông tư liên tịch số 17/2007/TTLT-BMT-BTH ngày 04 tháng 9 năm 2007 của Bộ Mẫu - Bộ Thử quy định về ký quỹ hết hiệu lực thi hành kể từ ngày Nghị định này có hiệu lực.", &lex)
            .into_iter()
            .flat_map(|c| match c {
                Clause::Ends { targets, .. } => targets.into_iter().filter_map(|t| t.citation.number).collect(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(items, ["38/2020/NĐ-CP", "17/2007/TTLT-BMT-BTH"]);
        // Provisions named before a list are the part of every item of it.
        let parts: Vec<Option<String>> = read("Bãi bỏ các quy định về học bổng thử tại: Quyết định số 11/1997/QĐ-TTg ngày 23 tháng 12 năm 1997 của Thủ tướng Chính phủ về học bổng; Quyết định số 82/2006/QĐ-TTg ngày 14 tháng 4 năm 2006 của Thủ tướng Chính phủ.")
            .into_iter()
            .flat_map(|c| match c {
                Clause::Ends { targets, .. } => targets.into_iter().map(|t| t.part).collect(),
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(
            parts.iter().all(|p| p.as_deref().is_some_and(|p| p.starts_with("các quy định về học bổng thử"))),
            "{parts:?}"
        );
        assert_eq!(parts[1].as_deref(), Some("các quy định về học bổng thử"));
        // Documents a description names are not items; a condition is not a repeal.
        assert_eq!(
            ends("Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật Mẫu số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 hết hiệu lực kể từ ngày 01 tháng 01 năm 2037."),
            vec![(Verb::Expires, vec![n("109/2015/QH13"), n("144/2016/QH13")], When::On(d("2037-01-01")), None)]
        );
        assert!(ends("Nghị định này hết hiệu lực khi Nghị quyết số 54/2030/QH15 hết hiệu lực thi hành.")
            .is_empty());
        // Not a repeal: amended wording, negation, no document, a document named without number.
        assert!(ends("Bãi bỏ những nội dung trái với Luật Mẫu và các văn bản hướng dẫn Luật Mẫu.").is_empty());
        assert!(ends("Cụm từ \"thử\" được thay thế bằng cụm từ \"mẫu\" tại Nghị định số 81/2015/NĐ-CP.")
            .is_empty());
        assert!(ends(
            "Giấy phép đã cấp theo Nghị định số 91/2015/NĐ-CP chưa hết hiệu lực thì tiếp tục sử dụng."
        )
        .is_empty());
        assert!(ends("Giấy chứng nhận hết hiệu lực khi hết thời hạn.").is_empty());
        // A replacement joined to the effect sentence by a comma or a semicolon (probe 15:
        // missed in 54 of 56); not a list of amending verbs, nor "được … thay thế bằng".
        assert_eq!(
            ends("1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2035, thay thế Thông tư số 61/2019/TT-BMT ngày 3 tháng 4 năm 2019 của Bộ trưởng Bộ Mẫu về thử nghiệm."),
            vec![(Verb::Replaces, vec![n("61/2019/TT-BMT")], When::WithThis, None)]
        );
        assert_eq!(
            ends("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 02 năm 2036; thay thế Nghị định số 77/2020/NĐ-CP ngày 5 tháng 5 năm 2020 của Chính phủ."),
            vec![(Verb::Replaces, vec![n("77/2020/NĐ-CP")], When::WithThis, None)]
        );
        assert!(
            ends("Thông tư này sửa đổi, bổ sung, thay thế Điều 5 của Thông tư số 8/2020/TT-BMT.").is_empty()
        );
        assert!(ends("Thông tư này có hiệu lực từ ngày 01/01/2036; quy định nào tại Thông tư số 9/2020/TT-BMT được bãi bỏ, thay thế bằng văn bản khác thì theo văn bản đó.").is_empty());
        assert_eq!(
            ends("2. Thông tư này có hiệu lực thi hành từ ngày 20/11/2035 thay thế Thông tư số 62/2019/TT-BMT ngày 23/7/2019 của Bộ Mẫu."),
            vec![(Verb::Replaces, vec![n("62/2019/TT-BMT")], When::WithThis, None)]
        );
        // A title's "khi" is no condition.
        assert_eq!(
            ends("2. Thông tư số 13/2019/TT-BMT ngày 25 tháng 10 năm 2019 của Bộ trưởng quy định về trồng cây thay thế khi chuyển mục đích sử dụng đất hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành."),
            vec![(Verb::Expires, vec![n("13/2019/TT-BMT")], When::WithThis, None)]
        );
        assert!(ends("Người đã được cấp Giấy xác nhận theo Nghị định số 31/2019/NĐ-CP được tiếp tục sử dụng cho đến khi Giấy xác nhận hết hiệu lực.").is_empty());
        assert!(
            ends("Mẫu số 3 ban hành năm 2019 thay thế Mẫu số 2 tại Thông tư số 8/2020/TT-BMT.").is_empty()
        );
        // Partial repeals written as circulars and decrees write them: an article with the
        // annexes "ban hành kèm theo" the document, forms, articles with "các nội dung liên
        // quan", a list after "Kể từ ngày Thông tư này có hiệu lực thi hành," (probe 15: left
        // "còn hiệu lực").
        let p = |num: &str, part: &str| vec![(num.to_string(), Some(part.to_string()))];
        assert_eq!(
            ends("2. Bãi bỏ Điều 6 và Phụ lục 4, Phụ lục 5 ban hành kèm theo Thông tư số 14/2019/TT-BMT."),
            vec![(
                Verb::Abolishes,
                p("14/2019/TT-BMT", "Điều 6 và Phụ lục 4, Phụ lục 5"),
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("2. Bãi bỏ các biểu mẫu số 17, 18 ban hành kèm theo Nghị quyết số 03/2019/NQ-HĐTP ngày 5 tháng 6 năm 2019 của Hội đồng Thẩm phán."),
            vec![(Verb::Abolishes, p("03/2019/NQ-HĐTP", "các biểu mẫu số 17, 18"), When::WithThis, None)]
        );
        assert_eq!(
            ends("c) Bãi bỏ các Điều 31, 32 và các nội dung liên quan đến lệ phí mẫu tại Nghị định số 44/2018/NĐ-CP ngày 2 tháng 3 năm 2018 của Chính phủ."),
            vec![(
                Verb::Abolishes,
                p("44/2018/NĐ-CP", "Điều 31, 32 và các nội dung liên quan đến lệ phí mẫu"),
                When::WithThis,
                None
            )]
        );
        assert_eq!(
            ends("2. Kể từ ngày Thông tư này có hiệu lực thi hành, các Điều 7, Điều 8 và Điều 9 của Thông tư số 15/2017/TT-BMT ngày 1 tháng 2 năm 2017 của Bộ trưởng hết hiệu lực."),
            vec![(Verb::Expires, p("15/2017/TT-BMT", "Điều 7 và Điều 8 và Điều 9"), When::WithThis, None)]
        );
        assert_eq!(
            ends("3. Phần II và phần IV Phụ lục ban hành kèm theo Quyết định số 52/2006/QĐ-BMT ngày 6 tháng 7 năm 2006 của Bộ trưởng hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành."),
            vec![(Verb::Expires, p("52/2006/QĐ-BMT", "Phần II và phần IV Phụ lục"), When::WithThis, None)]
        );
        // An article kept in force after a semicolon (probe 15: read as a whole end); another
        // subject after a semicolon keeps nothing.
        assert_eq!(
            ends("2. Nghị định số 05/1999/NĐ-CP ngày 10 tháng 01 năm 1999 của Chính phủ về thử nghiệm hết hiệu lực kể từ ngày Nghị định này có hiệu lực; Điều 9 Nghị định số 05/1999/NĐ-CP tiếp tục có hiệu lực thi hành cho đến khi được bãi bỏ, thay thế bằng văn bản khác."),
            vec![(Verb::Expires, vec![n("05/1999/NĐ-CP")], When::WithThis, Some(None))]
        );
        assert_eq!(
            ends("2. Nghị định số 06/1999/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực; giấy phép đã cấp tiếp tục có hiệu lực đến hết thời hạn."),
            vec![(Verb::Expires, vec![n("06/1999/NĐ-CP")], When::WithThis, None)]
        );
        // The document a repeal rests on is not what it ends (probe 11).
        assert!(ends("Bãi bỏ các quy định liên quan đến việc xác định thuế tại khoản này theo quy định tại Khoản 4 Điều 6 của Luật số 71/2014/QH13.").is_empty());
    }
}
