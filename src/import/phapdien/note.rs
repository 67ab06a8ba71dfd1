//! The source note of a Pháp điển article (`p.pGhiChu`): which article of which document the
//! text comes from, the document's title, signing date, issuer and effective date, and the
//! amendments ("có nội dung được sửa đổi, bổ sung bởi Điều 1 Nghị định số 128/2015/NĐ-CP, có
//! hiệu lực thi hành kể từ ngày …").
//!
//! The long form, on the first article of a document in a đề mục:
//! `(Điều 1 Luật số 10/2022/QH15 Luật thực hiện dân chủ ở cơ sở ngày 10/11/2022 của Quốc hội,
//! có hiệu lực thi hành kể từ ngày 01/07/2023)`; the short form on the others:
//! `(Điều 2 Nghị định số 59/2023/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/08/2023)`.
//! Odd notes are read as far as they go and their oddity is listed in [`Note::quirks`]:
//! doubled parentheses, a missing "Điều", no article at all ("Mục IV …", "Điều Thông tư số …"),
//! the document named inside a longer sentence, a numberless document ("Pháp lệnh Về Hàm,
//! cấp ngoại giao"), spaces inside the number ("01/2012/QĐ -TTg").

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Amendment, Date, DocType};
use crate::number::canonicalize;

/// A parsed source note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The original article number ("5", "5a"), if the note names one.
    pub article: Option<String>,
    pub doc_type: DocType,
    /// The number as written, inner spaces removed; `None` for a numberless document.
    pub number: Option<String>,
    pub title: Option<String>,
    pub signed: Option<Date>,
    pub issuer: Option<String>,
    pub effective: Option<Date>,
    pub amendments: Vec<Amendment>,
    /// What was odd about the note (empty for a clean note).
    pub quirks: Vec<&'static str>,
}

/// Type words as the notes write them, longest first so that "Thông tư liên tịch" wins over
/// "Thông tư". Matched case-insensitively ("Bộ Luật").
const TYPES: &[(&str, DocType)] = &[
    ("nghị quyết liên tịch", DocType::NghiQuyetLienTich),
    ("thông tư liên tịch", DocType::ThongTuLienTich),
    ("văn bản hợp nhất", DocType::VanBanHopNhat),
    ("hiến pháp", DocType::HienPhap),
    ("bộ luật", DocType::BoLuat),
    ("pháp lệnh", DocType::PhapLenh),
    ("sắc lệnh", DocType::SacLenh),
    ("nghị quyết", DocType::NghiQuyet),
    ("nghị định", DocType::NghiDinh),
    ("quyết định", DocType::QuyetDinh),
    ("chỉ thị", DocType::ChiThi),
    ("thông tư", DocType::ThongTu),
    ("luật", DocType::Luat),
    ("lệnh", DocType::Lenh),
];

static ARTICLE_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)điều\s+(\d+[a-zđ]?)\s*(?:của\s*)?$").expect("article pattern"));
static BARE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+[a-zđ]?)\s*$").expect("bare number"));
static SIGNED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s+của\s+").expect("signed pattern")
});
static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^có hiệu lực\s+(?:thi hành\s+)?(?:kể\s+)?từ\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    )
    .expect("effective pattern")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"có hiệu lực[^,;]*?ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})").expect("date pattern")
});

/// A document named in a note: where the type word starts, where the mention ends.
struct Mention {
    start: usize,
    end: usize,
    doc_type: DocType,
    number: Option<String>,
}

/// Parses a note (normalized text). `Err` when it names no document.
pub fn parse(raw: &str) -> Result<Note, String> {
    let mut quirks = Vec::new();
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let open = s.chars().take_while(|&c| c == '(').count();
    if open > 1 {
        quirks.push("ngoặc đơn kép");
    }
    s = s.trim_start_matches('(').trim_end_matches(['.', ' ']).trim_end_matches(')').trim().to_string();
    let Some(m) = first_mention(&s, true) else {
        return Err(format!("ghi chú không nêu văn bản nào: {}", shorten(&s)));
    };
    let prefix = s[..m.start].trim();
    let article = if let Some(c) = BARE_NUMBER.captures(prefix) {
        quirks.push("thiếu “Điều” trước số điều");
        Some(c[1].to_lowercase())
    } else if let Some(c) = ARTICLE_AT_END.captures(prefix) {
        if !prefix.to_lowercase().starts_with("điều") {
            quirks.push("số điều nằm trong một ghi chú dài hơn");
        }
        Some(c[1].to_lowercase())
    } else {
        let lower = prefix.to_lowercase();
        quirks.push(match lower.as_str() {
            "" => "ghi chú không nêu điều nào",
            "điều" => "thiếu số điều sau “Điều”",
            p if p.starts_with("mục ") && p.split_whitespace().count() == 2 => {
                "ghi chú nêu một mục (Mục), không phải một điều"
            }
            // "Thông tư này có hiệu lực … Bãi bỏ Thông tư số …": an effectivity clause, not a
            // source reference; the document it names is not the source.
            _ => return Err(format!("ghi chú không phải dẫn nguồn: {}", shorten(&s))),
        });
        None
    };
    if m.number.is_none() && article.is_none() {
        return Err(format!("ghi chú không nêu số hiệu văn bản hay điều nào: {}", shorten(&s)));
    }
    let rest = &s[m.end..];
    let (head, tail) = match rest.find("có hiệu lực") {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let head = head.trim().trim_matches(',').trim();
    let (mut title, mut signed, mut issuer) = (None, None, None);
    if !head.is_empty() {
        match SIGNED_BY.captures_iter(head).last() {
            Some(c) => {
                let all = c.get(0).expect("whole match");
                signed = dmy(&c[1], &c[2], &c[3]);
                issuer = Some(head[all.end()..].trim().trim_end_matches(',').trim().to_string())
                    .filter(|x| !x.is_empty());
                title = Some(head[..all.start()].trim().to_string()).filter(|x| !x.is_empty());
            }
            None => title = Some(head.to_string()),
        }
    }
    let (effective, tail) = match EFFECTIVE.captures(tail) {
        Some(c) => (dmy(&c[1], &c[2], &c[3]), &tail[c.get(0).expect("whole match").end()..]),
        None => (None, tail),
    };
    Ok(Note {
        article,
        doc_type: m.doc_type,
        number: m.number,
        title,
        signed,
        issuer,
        effective,
        amendments: amendments(tail),
        quirks,
    })
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s.to_string()
    }
}

fn dmy(d: &str, m: &str, y: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The first document mention in `s`. With `allow_numberless`, a type word followed by a
/// title (no number) counts when it is preceded by "Điều N" (a numberless Pháp lệnh).
fn first_mention(s: &str, allow_numberless: bool) -> Option<Mention> {
    let lower = s.to_lowercase();
    // `to_lowercase` keeps byte offsets for Vietnamese letters except a few; fall back to a
    // per-char scan when lengths differ.
    if lower.len() != s.len() {
        return None;
    }
    let mut from = 0;
    while from < lower.len() {
        let (pos, word, found_type) = TYPES
            .iter()
            .filter_map(|(w, t)| lower[from..].find(w).map(|i| (from + i, *w, *t)))
            .min_by_key(|(i, w, _)| (*i, std::cmp::Reverse(w.len())))?;
        let after = pos + word.len();
        let boundary_before = pos == 0 || lower[..pos].ends_with(' ');
        let boundary_after = lower[after..].starts_with(' ') || after == lower.len();
        if boundary_before && boundary_after {
            let mut i = after;
            let r = &s[i..];
            let r_trim = r.trim_start();
            i += r.len() - r_trim.len();
            let with_so = r_trim.strip_prefix("số ").or_else(|| r_trim.strip_prefix("Số "));
            let mut doc_type = found_type;
            if let Some(x) = with_so {
                i += r_trim.len() - x.len();
                // "Thông tư số liên tịch 01/…": the type continues after "số".
                if let Some(y) = x.strip_prefix("liên tịch ") {
                    i += x.len() - y.len();
                    doc_type = match doc_type {
                        DocType::ThongTu => DocType::ThongTuLienTich,
                        DocType::NghiQuyet => DocType::NghiQuyetLienTich,
                        t => t,
                    };
                }
                // "Pháp lệnh số Không số Về …": explicitly numberless.
                let x = &s[i..];
                if let Some(y) = x.strip_prefix("Không số ").or_else(|| x.strip_prefix("không số ")) {
                    return Some(Mention { start: pos, end: i + x.len() - y.len(), doc_type, number: None });
                }
                // Junk between "số" and the number: "số 'N", "số TT N", "số Thông tư N",
                // "số Số: N", "số Nghị quyết số: N".
                let junk = x.find(|c: char| c.is_ascii_digit()).filter(|&j| j <= 32).map(|j| &x[..j]);
                if let Some(j) = junk {
                    let type_words: Vec<&str> = word.split(' ').collect();
                    let is_junk = |t: &str| {
                        let bare = t.trim_matches(|c: char| ":'\"‘’“”".contains(c));
                        let l = bare.to_lowercase();
                        bare.is_empty()
                            || l == "số"
                            || type_words.contains(&l.as_str())
                            || (bare.len() <= 4 && bare.chars().all(|c| c.is_uppercase()))
                    };
                    if j.split_whitespace().all(is_junk) {
                        i += j.len();
                    }
                }
                // "Pháp lệnh số Bảo vệ …": a title where the number should be (numberless).
                if allow_numberless
                    && s[i..].starts_with(|c: char| c.is_uppercase())
                    && ARTICLE_AT_END.is_match(&s[..pos])
                {
                    return Some(Mention { start: pos, end: i, doc_type, number: None });
                }
            }
            let rest = &s[i..];
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                let (number, len) = scan_number(rest);
                return Some(Mention { start: pos, end: i + len, doc_type, number: Some(number) });
            }
            if allow_numberless && ARTICLE_AT_END.is_match(&s[..pos]) && with_so.is_none() {
                return Some(Mention { start: pos, end: after, doc_type: found_type, number: None });
            }
        }
        from = after;
    }
    None
}

/// Reads a document number at the start of `s`: letters, digits, `/` and `-`, with spaces
/// allowed next to a separator ("02 /2018/TTLT", "QĐ -TTg", "BCA- VKSNDTC") or between a bare
/// serial and a symbol ("60 TC/TCT"). Returns the number without spaces and the bytes read.
fn scan_number(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '/' || c == '-' {
            out.push(c);
            end = i + c.len_utf8();
        } else if c == ' ' {
            let next_word: &str = s[i + 1..].split([' ', ',', ')', ';']).next().unwrap_or("");
            let last = out.chars().last();
            let joins = matches!(last, Some('/' | '-'))
                || next_word.starts_with(['/', '-'])
                || (out.bytes().all(|b| b.is_ascii_digit())
                    && next_word.contains('/')
                    && next_word.starts_with(|c: char| c.is_uppercase()));
            if !joins {
                break;
            }
            let _ = chars.peek();
        } else {
            break;
        }
    }
    (out.trim_end_matches(['-', '/']).to_string(), end)
}

/// The amendments in the tail of a note (after the effective date).
fn amendments(tail: &str) -> Vec<Amendment> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = first_mention(&tail[from..], false) {
        let (start, end) = (from + m.start, from + m.end);
        let before = &tail[from..start];
        let next = first_mention(&tail[end..], false).map_or(tail.len(), |n| end + n.start);
        let after = &tail[end..next];
        let article = ARTICLE_AT_END.captures(before.trim_end()).map(|c| c[1].to_lowercase());
        let effective = DATE.captures(after).and_then(|c| dmy(&c[1], &c[2], &c[3]));
        // "sửa đổi, bổ sung, bãi bỏ" amends the article's content: only a repeal alone ends it.
        let repealed = (before.contains("bãi bỏ") || before.contains("hết hiệu lực"))
            && !before.contains("sửa đổi")
            && !before.contains("bổ sung");
        if let Some(n) = m.number {
            out.push(Amendment {
                number: canonicalize(&n),
                doc_type: Some(m.doc_type),
                article,
                effective,
                repealed,
            });
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn long_and_short_forms() {
        let n = parse("(Điều 1 Luật số 12/2021/QH15 Luật thử nghiệm ngày 10/11/2021 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2022)").unwrap();
        assert_eq!(n.article.as_deref(), Some("1"));
        assert_eq!(n.doc_type, DocType::Luat);
        assert_eq!(n.number.as_deref(), Some("12/2021/QH15"));
        assert_eq!(n.title.as_deref(), Some("Luật thử nghiệm"));
        assert_eq!(n.signed, d("2021-11-10"));
        assert_eq!(n.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(n.effective, d("2022-07-01"));
        assert!(n.quirks.is_empty() && n.amendments.is_empty());

        let n =
            parse("(Điều 5a Nghị định số 7/2020/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/08/2020)").unwrap();
        assert_eq!((n.article.as_deref(), n.doc_type, n.title), (Some("5a"), DocType::NghiDinh, None));
    }

    #[test]
    fn title_with_dates_inside_takes_the_last_signing() {
        let n = parse("(Điều 1 Thông tư số 3/2011/TT-BTC Hướng dẫn Nghị định số 2/2011/NĐ-CP ngày 23/3/2011 của Chính phủ về việc thử ngày 11/07/2011 của Bộ Tài chính, có hiệu lực thi hành kể từ ngày 15/08/2011)").unwrap();
        assert_eq!(
            n.title.as_deref(),
            Some("Hướng dẫn Nghị định số 2/2011/NĐ-CP ngày 23/3/2011 của Chính phủ về việc thử")
        );
        assert_eq!(n.signed, d("2011-07-11"));
        assert_eq!(n.issuer.as_deref(), Some("Bộ Tài chính"));
    }

    #[test]
    fn amendments_are_typed() {
        let n = parse("(Điều 7 Nghị định số 9/2013/NĐ-CP, có hiệu lực thi hành kể từ ngày 10/10/2013, có nội dung được sửa đổi, bổ sung bởi Điều 1 Nghị định số 8/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 10/02/2016, có nội dung bị bãi bỏ bởi khoản 2 Điều 3 Luật số 4/2017/QH14 có hiệu lực thi hành kể từ ngày 01/01/2018)").unwrap();
        assert_eq!(n.amendments.len(), 2);
        let a = &n.amendments[0];
        assert_eq!(
            (a.number.as_str(), a.article.as_deref(), a.effective, a.repealed),
            ("8/2015/NĐ-CP", Some("1"), d("2016-02-10"), false)
        );
        let b = &n.amendments[1];
        assert_eq!(
            (b.number.as_str(), b.doc_type, b.article.as_deref(), b.repealed),
            ("4/2017/QH14", Some(DocType::Luat), Some("3"), true)
        );
    }

    #[test]
    fn amended_repealed_and_supplemented_content_is_an_amendment_not_a_repeal() {
        // Regression: "có nội dung được sửa đổi, bổ sung, bãi bỏ bởi" marked the article repealed.
        let n = parse("(Điều 2 Luật số 16/2012/QH13, có hiệu lực thi hành kể từ ngày 01/01/2013, có nội dung được sửa đổi, bổ sung, bãi bỏ bởi Điều 1 Luật số 75/2025/QH15 có hiệu lực thi hành kể từ ngày 01/01/2026)").unwrap();
        assert_eq!(n.amendments.len(), 1);
        let a = &n.amendments[0];
        assert_eq!((a.number.as_str(), a.article.as_deref(), a.repealed), ("75/2025/QH15", Some("1"), false));
    }

    /// (note, article, number, quirk)
    type Row = (&'static str, Option<&'static str>, Option<&'static str>, Option<&'static str>);

    #[test]
    fn odd_notes() {
        let rows: &[Row] = &[
            ("((Điều 13 Thông tư số 21/2013/TT-BTC, có hiệu lực thi hành kể từ ngày 14/02/2014))", Some("13"), Some("21/2013/TT-BTC"), Some("ngoặc đơn kép")),
            ("(27 Nghị định số 7/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/10/2015)", Some("27"), Some("7/2015/NĐ-CP"), Some("thiếu “Điều” trước số điều")),
            ("(Điều Thông tư số 15/2017/TT-BTC, có hiệu lực thi hành kể từ ngày 05/02/2018)", None, Some("15/2017/TT-BTC"), Some("thiếu số điều sau “Điều”")),
            ("((Mục IV Thông tư số 24/2007/TT-BTC, có hiệu lực thi hành kể từ ngày 24/11/2007))", None, Some("24/2007/TT-BTC"), Some("ghi chú nêu một mục (Mục), không phải một điều")),
            ("(Danh mục được quy định tại Điều 7 Nghị định số 9/2013/NĐ-CP, có hiệu lực thi hành kể từ ngày 10/10/2013)", Some("7"), Some("9/2013/NĐ-CP"), Some("số điều nằm trong một ghi chú dài hơn")),
            ("(Điều 2 Quyết định số 01/2012/QĐ -TTg, có hiệu lực thi hành kể từ ngày 25/02/2012)", Some("2"), Some("01/2012/QĐ-TTg"), None),
            ("(Điều 3 Thông tư liên tịch số 02 /2018/TTLT-BCA- VKSNDTC, có hiệu lực thi hành kể từ ngày 18/03/2018)", Some("3"), Some("02/2018/TTLT-BCA-VKSNDTC"), None),
            ("(Điều 1 Thông tư liên tịch 13/2014/TTLT-BNN-BTC hướng dẫn thử ngày 01/02/2014 của Bộ Tài chính, có hiệu lực thi hành kể từ ngày 15/03/2014)", Some("1"), Some("13/2014/TTLT-BNN-BTC"), None),
            ("(Điều 2 Pháp lệnh Về hàm thử nghiệm, có hiệu lực thi hành kể từ ngày 31/05/1995)", Some("2"), None, None),
            ("(Điều 1 Pháp lệnh số Không số Về hàm thử nghiệm ngày 01/05/1995 của Ủy ban thường vụ Quốc hội, có hiệu lực thi hành kể từ ngày 31/05/1995)", Some("1"), None, None),
            ("(Điều 4 Thông tư số liên tịch 06/2015/TTLT-BTC-BNG, có hiệu lực thi hành kể từ ngày 01/02/2015)", Some("4"), Some("06/2015/TTLT-BTC-BNG"), None),
            ("(Điều 2 Thông tư số Thông tư 05/2016/TT-BYT, có hiệu lực thi hành kể từ ngày 01/02/2016)", Some("2"), Some("05/2016/TT-BYT"), None),
            ("(Điều 2 Thông tư số TT 05/2016/TT-BNN, có hiệu lực thi hành kể từ ngày 01/02/2016)", Some("2"), Some("05/2016/TT-BNN"), None),
            ("(Điều 2 Thông tư số '05/2016/TT-BCT, có hiệu lực thi hành kể từ ngày 01/02/2016)", Some("2"), Some("05/2016/TT-BCT"), None),
            ("(Điều 3 Quyết định số Số: 05/2016/QĐ-TTg, có hiệu lực thi hành kể từ ngày 01/02/2016)", Some("3"), Some("05/2016/QĐ-TTg"), None),
            ("(Điều 3 Nghị quyết số Nghị quyết số: 05/2016/QH14, có hiệu lực thi hành kể từ ngày 01/02/2016)", Some("3"), Some("05/2016/QH14"), None),
            ("(Điều 3 Pháp lệnh số Bảo vệ thử nghiệm ngày 01/02/1994 của Ủy ban thường vụ Quốc hội, có hiệu lực thi hành kể từ ngày 01/02/1994)", Some("3"), None, None),
            ("(Điều 1 Bộ Luật số 100/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2018)", Some("1"), Some("100/2015/QH13"), None),
        ];
        for (note, article, number, quirk) in rows {
            let n = parse(note).unwrap_or_else(|e| panic!("{note}: {e}"));
            assert_eq!(n.article.as_deref(), *article, "{note}");
            assert_eq!(n.number.as_deref(), *number, "{note}");
            match quirk {
                Some(q) => assert!(n.quirks.contains(q), "{note}: {:?}", n.quirks),
                None => assert!(n.quirks.is_empty(), "{note}: {:?}", n.quirks),
            }
        }
        let n = parse("(Điều 2 Pháp lệnh Về hàm thử nghiệm, có hiệu lực thi hành kể từ ngày 31/05/1995)")
            .unwrap();
        assert_eq!((n.doc_type, n.title.as_deref()), (DocType::PhapLenh, Some("Về hàm thử nghiệm")));
        assert_eq!(
            parse("(Điều 1 Bộ Luật số 100/2015/QH13, có hiệu lực)").unwrap().doc_type,
            DocType::BoLuat
        );
    }

    #[test]
    fn effectivity_clause_is_an_error() {
        let e = parse("(Thông tư này có hiệu lực thi hành kể từ ngày 28 tháng 6 năm 2017. Bãi bỏ Thông tư số 15/2010/TT-BGTVT)");
        assert!(e.unwrap_err().contains("không phải dẫn nguồn"));
        assert!(parse("(không có gì)").unwrap_err().contains("không nêu văn bản nào"));
    }
}
