//! Issuing bodies compared: a ministry by the code its documents' symbols use ("BLĐTBXH"),
//! so that a name written in full, with its separators otherwise, or abbreviated ("Bộ LĐ-TB&XH")
//! is the same ministry and another ministry is not. One home for the resolver (an issuer
//! written beside a number cut short) and the linker's `issuer_differs`.

use super::scan::word_is;

/// The codes of the ministries a body names, as symbols write them: "B" and the initials of
/// the name's words, an abbreviation's letters whole, "và" and separators left out, folded
/// ("Bộ Lao động - Thương binh và Xã hội", "Bộ LĐ-TB&XH" → "BLDTBXH"; "Bộ trưởng Bộ Tài
/// chính" → "BTC"). Empty when the body names no ministry.
pub fn ministry_codes(body: &str) -> Vec<String> {
    // "(khóa XII)" is no part of a name; the Politburo ("Bộ Chính trị") is no ministry.
    let body = body.split('(').next().unwrap_or(body);
    let body = joint_ministries(body);
    let words: Vec<&str> = body.split_whitespace().collect();
    // Every "Bộ" ends the name before it ("Bộ trưởng Bộ Y tế, Bộ trưởng Bộ Tài chính"); a
    // ministry's name starts at one not followed by "trưởng" or "Chính trị".
    let heads: Vec<usize> = (0..words.len()).filter(|&i| word_is(words[i], "bộ")).collect();
    let named = |i: usize| {
        words.get(i + 1).is_some_and(|n| !word_is(n.trim_end_matches([',', ';']), "trưởng"))
            && !(words.get(i + 1).is_some_and(|n| word_is(n, "chính"))
                && words.get(i + 2).is_some_and(|n| word_is(n, "trị")))
    };
    let mut out = Vec::new();
    for (k, &s) in heads.iter().enumerate().filter(|(_, &s)| named(s)) {
        let end = heads.get(k + 1).copied().unwrap_or(words.len());
        let mut code = String::from("B");
        for w in &words[s + 1..end] {
            for part in w.split(['-', '–', '&', ',', ';', '.', '(', ')']).filter(|p| !p.is_empty()) {
                let upper = part.chars().count() > 1 && part.chars().all(char::is_uppercase);
                if upper {
                    code.push_str(part);
                } else if !word_is(part, "và") {
                    code.extend(part.chars().next().into_iter().flat_map(char::to_uppercase));
                }
            }
        }
        if code.len() > 1 {
            out.push(crate::text::fold(&code).to_uppercase());
        }
    }
    out
}

/// "Liên Bộ Giáo dục và Đào tạo - Tài chính": the ministries after the first, named without
/// "Bộ" after a dash or a comma, each given its "Bộ" ("… - Bộ Tài chính"), so that each is a
/// ministry of its own (probe 17: read as one ministry "BGDĐTTC", a false `issuer_differs`).
/// Other bodies are left as written.
fn joint_ministries(body: &str) -> String {
    let folded = |s: &str| crate::text::fold(s.trim()).to_lowercase();
    if !body.split_whitespace().next().is_some_and(|w| word_is(w, "liên")) {
        return body.to_string();
    }
    let names: Vec<String> = super::patterns::MINISTRIES.iter().map(|m| folded(m)).collect();
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find([',', '-', '–']) {
        let sep = rest[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..i + sep]);
        rest = &rest[i + sep..];
        // The segment up to the next separator, a ministry's name alone.
        let seg = rest.split([',', '-', '–']).next().unwrap_or(rest);
        if names.contains(&folded(seg)) {
            out.push_str(" Bộ");
        }
    }
    out.push_str(rest);
    out
}

/// Whether a ministry written is none of the ministries that issued the document: neither
/// in its issuer ([`ministry_codes`]) nor in its number's symbol ("TT-BLĐTBXH") — "Bộ Nội vụ"
/// for a circular of the labour ministry (probe 13: issuers of the same kind were never
/// compared, lest an abbreviation be taken for another body; codes compare abbreviations).
pub fn ministries_differ(written: &str, real: &str, number: Option<&str>) -> bool {
    let said = ministry_codes(written);
    if said.is_empty() {
        return false;
    }
    let mut known = ministry_codes(real);
    known.extend(number.and_then(symbol_codes).unwrap_or_default());
    !known.is_empty() && said.iter().any(|c| !known.contains(c))
}

/// Whether a ministry is written as the issuer of a Party document: a Party number
/// ("35-CT/TW", "45-KH/ĐUK") is issued by an organ of the Party, never by a ministry ("Chỉ thị
/// số 35-CT/TW … của Bộ Công Thương"; probe 16: the Politburo has no ministry code, so the
/// codes compared nothing). A body that starts with a Party organ of a ministry ("Ban cán sự
/// đảng Bộ Y tế", "Đảng ủy Bộ Công an") is no ministry.
pub fn ministry_for_party(written: &str, number: Option<&str>) -> bool {
    let party = number.and_then(crate::number::parts).is_some_and(|p| p.shape == crate::number::Shape::Party);
    party
        && written.split_whitespace().next().is_some_and(|w| word_is(w, "bộ"))
        && !ministry_codes(written).is_empty()
}

/// Whether the Government and its Prime Minister are taken one for the other: the number's
/// symbol says which issued it ("NĐ-CP", "NQ-CP": the Government; "QĐ-TTg", "CT-TTg": the
/// Prime Minister), and the body written is the other ("Nghị định … của Thủ tướng Chính phủ";
/// trial 9: an office was read as its body, so the two agreed).
pub fn government_differs(written: &str, number: Option<&str>) -> bool {
    let Some(p) = number.and_then(crate::number::parts) else { return false };
    let codes: Vec<String> = p.symbol.split(['-', '/']).map(str::to_uppercase).collect();
    let (cp, ttg) = (codes.iter().any(|c| c == "CP"), codes.iter().any(|c| c == "TTG"));
    let w = format!(" {} ", crate::text::fold(written).to_lowercase());
    let premier = w.contains(" thu tuong ");
    let government = w.contains(" chinh phu ")
        && !premier
        && !w.contains(" van phong chinh phu ")
        && !w.contains(" thanh tra chinh phu ");
    (premier && cp && !ttg) || (government && ttg && !cp)
}

/// Whether the issuer written names the document's: the same ministry by its code
/// ([`ministry_codes`], against the issuer and the number's symbol), else, for other bodies,
/// one name holding the other, punctuation and case aside ("Bộ Lao động, Thương binh và Xã
/// hội", "Bộ LĐTBXH" for "Bộ Lao động - Thương binh và Xã hội").
pub fn issuer_named(written: &str, real: Option<&str>, number: Option<&str>) -> bool {
    if !ministry_codes(written).is_empty() {
        return !ministries_differ(written, real.unwrap_or(""), number)
            && (real.is_some_and(|r| !ministry_codes(r).is_empty())
                || number.and_then(symbol_codes).is_some());
    }
    let Some(real) = real else { return false };
    let (a, b) = (crate::catalog::name_key(written), crate::catalog::name_key(real));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// The ministries' codes in a number's symbol ("TTLT-BTC-BNV" → BTC, BNV), folded; `None`
/// when it has none.
fn symbol_codes(number: &str) -> Option<Vec<String>> {
    let p = crate::number::parts(number)?;
    let codes: Vec<String> = p
        .symbol
        .split(['-', '/'])
        .map(|c| crate::text::fold(&c.replace('&', "")).to_uppercase())
        .filter(|c| c.starts_with('B') && c.len() > 1)
        .collect();
    (!codes.is_empty()).then_some(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_named_by_code_or_name() {
        // (written, the document's issuer, its number, named?)
        let rows = [
            ("Bộ LĐ-TB&XH", Some("Bộ Lao động - Thương binh và Xã hội"), Some("02/2020/TT-BLĐTBXH"), true),
            ("Bộ LĐTBXH", Some("Bộ Lao động - Thương binh và Xã hội"), Some("02/2020/TT-BLĐTBXH"), true),
            ("Bộ Lao động, Thương binh và Xã hội", None, Some("02/2020/TT-BLĐTBXH"), true),
            ("Bộ LĐ-TB&XH", Some("Bộ Nội vụ"), Some("02/2020/TT-BNV"), false),
            ("Bộ Y tế", Some("Bộ Công Thương"), Some("01/2019/TT-BCT"), false),
            ("Bộ Y tế", None, None, false),
            ("Ủy ban nhân dân tỉnh Yên Bái", Some("Ủy ban nhân dân tỉnh Yên Bái"), None, true),
            ("Chính phủ", Some("Thủ tướng Chính phủ"), None, true),
            ("Ủy ban nhân dân tỉnh Lào Cai", Some("Ủy ban nhân dân tỉnh Yên Bái"), None, false),
            // Probe 17: joint ministries after "Liên Bộ", the later ones without "Bộ".
            (
                "Liên Bộ Giáo dục và Đào tạo - Tài chính",
                Some("Liên Bộ Giáo dục và Đào tạo"),
                Some("42/2003/TTLT-BGD&ĐT-BTC"),
                true,
            ),
            ("Liên Bộ Y tế - Tài chính", None, Some("42/2003/TTLT-BGD&ĐT-BTC"), false),
        ];
        for (w, r, n, want) in rows {
            assert_eq!(issuer_named(w, r, n), want, "{w} / {r:?} / {n:?}");
        }
    }

    #[test]
    fn ministries_never_issue_party_documents() {
        // (written, number, a ministry for a Party document?)
        let rows = [
            ("Bộ Công Thương", Some("12-CT/TW"), true),
            ("Bộ trưởng Bộ Nội vụ", Some("7-QĐi/TW"), true),
            ("Bộ Y tế", Some("40-KH/ĐUK"), true),
            ("Bộ Chính trị", Some("12-CT/TW"), false),
            ("Ban cán sự đảng Bộ Y tế", Some("3-NQ/BCSĐ"), false),
            ("Đảng ủy Bộ Công an", Some("5-NQ/ĐUCA"), false),
            ("Bộ Công Thương", Some("12/2020/TT-BCT"), false),
            ("Bộ Công Thương", None, false),
        ];
        for (w, n, want) in rows {
            assert_eq!(ministry_for_party(w, n), want, "{w} / {n:?}");
        }
    }

    #[test]
    fn the_government_and_its_prime_minister() {
        // (written, number, differ?)
        let rows = [
            ("Thủ tướng Chính phủ", "145/2020/NĐ-CP", true),
            ("Chính phủ", "30/CT-TTg", true),
            ("Chính phủ", "25/2021/QĐ-TTg", true),
            ("Chính phủ", "145/2020/NĐ-CP", false),
            ("Thủ tướng Chính phủ", "25/2021/QĐ-TTg", false),
            ("Thanh tra Chính phủ", "25/TTCP-C.IV", false),
            ("Văn phòng Chính phủ", "30/CT-TTg", false),
            ("Bộ Tài chính", "145/2020/NĐ-CP", false),
        ];
        for (w, n, want) in rows {
            assert_eq!(government_differs(w, Some(n)), want, "{w} / {n}");
        }
    }
}
