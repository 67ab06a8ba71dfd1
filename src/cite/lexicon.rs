//! Lexicon: the document names the name reader knows, so that a name is bounded by knowledge
//! rather than by a closed list of stop words. A name ("Đầu tư theo phương thức đối tác công
//! tư", "Thi đua, khen thưởng") is kept as a folded key (no diacritics, lower case, punctuation
//! dropped, known abbreviations expanded: "PPP" → "đối tác công tư") per type family (the
//! law-level types share one). [`Lexicon::new`] builds one from known titles (the catalog's)
//! plus the small built-in set; [`Lexicon::builtin`] is that set alone, which
//! [`super::extract`] uses.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use crate::model::DocType;
use crate::text::fold;

/// Names of well-known laws and codes, after their type word. Titles, not text.
const BUILTIN: &[(DocType, &str)] = &[
    (DocType::Luat, "Đầu tư"),
    (DocType::Luat, "Đầu tư theo phương thức đối tác công tư"),
    (DocType::Luat, "Đầu tư công"),
    (DocType::Luat, "Thi đua, khen thưởng"),
    (DocType::Luat, "Phòng, chống tác hại của thuốc lá"),
    (DocType::Luat, "Phòng, chống tham nhũng"),
    (DocType::Luat, "Phòng, chống tác hại của rượu, bia"),
    (DocType::Luat, "Phòng, chống ma túy"),
    (DocType::Luat, "Phòng, chống bạo lực gia đình"),
    (DocType::Luat, "Phòng, chống thiên tai"),
    (DocType::Luat, "Tổ chức Chính phủ"),
    (DocType::Luat, "Tổ chức chính quyền địa phương"),
    (DocType::Luat, "Tổ chức Quốc hội"),
    (DocType::Luat, "Ban hành văn bản quy phạm pháp luật"),
    (DocType::Luat, "Cán bộ, công chức"),
    (DocType::Luat, "Viên chức"),
    (DocType::Luat, "Dược"),
    (DocType::Luat, "Đất đai"),
    (DocType::Luat, "Doanh nghiệp"),
    (DocType::Luat, "Thực hiện dân chủ ở cơ sở"),
    (DocType::Luat, "Tiếp cận thông tin"),
    (DocType::Luat, "Khám bệnh, chữa bệnh"),
    (DocType::Luat, "An toàn, vệ sinh lao động"),
    (DocType::Luat, "Bảo hiểm xã hội"),
    (DocType::Luat, "Bảo hiểm y tế"),
    (DocType::Luat, "Ngân sách nhà nước"),
    (DocType::Luat, "Quản lý thuế"),
    (DocType::Luat, "Xử lý vi phạm hành chính"),
    (DocType::Luat, "Người cao tuổi"),
    (DocType::BoLuat, "Lao động"),
    (DocType::BoLuat, "Dân sự"),
    (DocType::BoLuat, "Hình sự"),
    (DocType::BoLuat, "Tố tụng dân sự"),
    (DocType::BoLuat, "Tố tụng hình sự"),
    (DocType::BoLuat, "Hàng hải Việt Nam"),
];

/// Abbreviations written inside names, with what they stand for (folded): "Luật PPP",
/// "Luật BHXH", "Luật HNGĐ" as drafters and cadres write them. Only whole words of a name
/// are expanded, never a word of running text.
const EXPANSIONS: &[(&str, &str)] = &[
    ("ppp", "doi tac cong tu"),
    ("bhxh", "bao hiem xa hoi"),
    ("bhyt", "bao hiem y te"),
    ("hngd", "hon nhan va gia dinh"),
    ("dd", "dat dai"),
    ("xlvphc", "xu ly vi pham hanh chinh"),
    ("gtdb", "giao thong duong bo"),
    ("pctn", "phong chong tham nhung"),
    ("bvmt", "bao ve moi truong"),
    ("atvsld", "an toan ve sinh lao dong"),
    ("ktnn", "kiem toan nha nuoc"),
    ("nsnn", "ngan sach nha nuoc"),
    ("bhvbqppl", "ban hanh van ban quy pham phap luat"),
    ("tccqdp", "to chuc chinh quyen dia phuong"),
    ("dn", "doanh nghiep"),
    ("tm", "thuong mai"),
    ("xd", "xay dung"),
    ("kdbds", "kinh doanh bat dong san"),
    ("qlt", "quan ly thue"),
    ("cbcc", "can bo cong chuc"),
    ("tthc", "to tung hanh chinh"),
    ("thads", "thi hanh an dan su"),
    ("attp", "an toan thuc pham"),
    ("tndn", "thu nhap doanh nghiep"),
    ("tncn", "thu nhap ca nhan"),
    ("gtgt", "gia tri gia tang"),
    ("ttdb", "tieu thu dac biet"),
    ("xnk", "xuat khau nhap khau"),
    ("sddn", "su dung dat nong nghiep"),
];

/// The known names, by type family.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    names: HashMap<DocType, BTreeSet<String>>,
}

impl Lexicon {
    /// A lexicon of `titles` (type, title as catalogued: "Luật Đầu tư", or the name alone
    /// "Đầu tư"; a trailing "số …" or "năm YYYY" is dropped) and the built-in names.
    pub fn new<I, S>(titles: I) -> Lexicon
    where
        I: IntoIterator<Item = (DocType, S)>,
        S: AsRef<str>,
    {
        let mut lex = Lexicon::default();
        for (t, name) in BUILTIN {
            lex.add(*t, name);
        }
        for (t, title) in titles {
            lex.add(t, title.as_ref());
        }
        lex
    }

    /// The stored form of a lexicon: each type family with its name keys in order (what
    /// [`Lexicon::from_tables`] reads back without computing a key).
    pub fn tables(&self) -> Vec<(DocType, Vec<&str>)> {
        let mut out: Vec<(DocType, Vec<&str>)> =
            self.names.iter().map(|(t, s)| (*t, s.iter().map(String::as_str).collect())).collect();
        out.sort_by_key(|(t, _)| *t);
        out
    }

    /// A lexicon of stored [`Lexicon::tables`] (keys already computed), with the built-in
    /// names added.
    pub fn from_tables(tables: impl IntoIterator<Item = (DocType, Vec<String>)>) -> Lexicon {
        let mut lex = Lexicon::default();
        for (t, keys) in tables {
            // Stored keys are in order: the set is built in one pass.
            let set: BTreeSet<String> = keys.into_iter().collect();
            lex.names.entry(family(t)).or_default().extend(set);
        }
        for (t, name) in BUILTIN {
            lex.add(*t, name);
        }
        lex
    }

    /// The built-in names alone, built once.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN_LEXICON: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN_LEXICON.get_or_init(|| Lexicon::new(std::iter::empty::<(DocType, &str)>()))
    }

    fn add(&mut self, t: DocType, title: &str) {
        let mut k = key(title);
        for tw in [t.as_vi(), "bộ luật", "luật"] {
            let p = key(tw);
            if let Some(rest) = k.strip_prefix(&p).and_then(|r| r.strip_prefix(' ')) {
                k = rest.to_string();
                break;
            }
        }
        let words: Vec<&str> = k.split(' ').collect();
        let cut = words
            .iter()
            .enumerate()
            .position(|(i, w)| {
                // "… số 45/2013/QH13" ends the name; "Tần số vô tuyến điện" holds "số", and
                // "… ở cơ sở" ends with "sở", folded alike (probe 13: the key lost it).
                (*w == "so" && words.get(i + 1).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit())))
                    || (*w == "nam"
                        && words
                            .get(i + 1)
                            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())))
            })
            .unwrap_or(words.len());
        let k = words[..cut].join(" ");
        if !k.is_empty() {
            self.names.entry(family(t)).or_default().insert(k);
        }
    }

    /// True if `key` (see [`key`]) is a known name of a document of type `t`'s family.
    pub fn knows(&self, t: DocType, key: &str) -> bool {
        self.names.get(&family(t)).is_some_and(|s| s.contains(key))
    }

    /// The known names of `t`'s family that extend `key` by more words.
    pub fn longer<'a>(&'a self, t: DocType, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let prefix = format!("{key} ");
        self.names
            .get(&family(t))
            .into_iter()
            .flat_map(move |s| {
                s.range(prefix.clone()..).take_while({
                    let prefix = prefix.clone();
                    move |k| k.starts_with(&prefix)
                })
            })
            .map(String::as_str)
    }

    /// True if a known name of `t`'s family has the initials `abbreviation` writes ("GTĐB":
    /// "giao thong duong bo"; "và" skipped, "Đ" and "D" alike as the keys are folded).
    pub fn fits_initials(&self, t: DocType, abbreviation: &str) -> bool {
        let want = fold(abbreviation).to_lowercase();
        self.names.get(&family(t)).is_some_and(|s| {
            s.iter().any(|k| {
                let initials: String =
                    k.split(' ').filter(|w| *w != "va").filter_map(|w| w.chars().next()).collect();
                initials == want
            })
        })
    }

    /// True if no name of `t`'s family is known.
    pub fn is_empty_for(&self, t: DocType) -> bool {
        self.names.get(&family(t)).is_none_or(BTreeSet::is_empty)
    }
}

/// The family whose names are shared: the law-level types (a code is often cited as "Luật
/// Lao động") share one; the others stand alone.
fn family(t: DocType) -> DocType {
    match t {
        DocType::BoLuat | DocType::Luat | DocType::PhapLenh => DocType::Luat,
        t => t,
    }
}

/// The lookup key of a name: folded, punctuation dropped, single spaces, known abbreviations
/// expanded ("Đầu tư theo phương thức PPP" → "dau tu theo phuong thuc doi tac cong tu").
pub fn key(name: &str) -> String {
    let f = fold(name);
    let mut out = String::with_capacity(f.len());
    for w in f.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        match EXPANSIONS.iter().find(|(a, _)| *a == w) {
            Some((_, full)) => out.push_str(full),
            None => out.push_str(w),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_lookups() {
        assert_eq!(key("Thi đua, khen thưởng"), "thi dua khen thuong");
        assert_eq!(key("Đầu tư theo phương thức PPP"), "dau tu theo phuong thuc doi tac cong tu");
        assert_eq!(key("BHXH"), "bao hiem xa hoi");
        assert_eq!(key("HNGĐ"), "hon nhan va gia dinh");
        assert_eq!(key("DN"), "doanh nghiep");
        assert_eq!(key("KDBĐS"), "kinh doanh bat dong san");
        // Inside a longer word, or a word that only starts like one, nothing is expanded.
        assert_eq!(key("BHXHVN"), "bhxhvn");
        let lex = Lexicon::new([
            (DocType::Luat, "Luật Bảo vệ môi trường"),
            (DocType::Luat, "Luật Trồng trọt số 31/2018/QH14"),
            (DocType::BoLuat, "Bộ luật Lao động năm 2019"),
        ]);
        let rows: &[(DocType, &str, bool)] = &[
            (DocType::Luat, "bao ve moi truong", true),
            (DocType::Luat, "trong trot", true),
            (DocType::Luat, "lao dong", true),
            (DocType::BoLuat, "dau tu", true),
            (DocType::NghiDinh, "dau tu", false),
            (DocType::Luat, "bao ve", false),
        ];
        for (t, k, want) in rows {
            assert_eq!(lex.knows(*t, k), *want, "{t:?} {k}");
        }
        let longer: Vec<&str> = lex.longer(DocType::Luat, "dau tu").collect();
        assert_eq!(longer, vec!["dau tu cong", "dau tu theo phuong thuc doi tac cong tu"]);
        assert!(Lexicon::builtin().knows(DocType::Luat, "duoc"));
    }

    #[test]
    fn stored_tables_read_back_as_built() {
        let lex = Lexicon::new([
            (DocType::Luat, "Luật Bảo vệ môi trường"),
            (DocType::NghiDinh, "Nghị định quy định chi tiết Luật Đầu tư"),
            (DocType::BoLuat, "Bộ luật Lao động năm 2019"),
        ]);
        let tables: Vec<(DocType, Vec<String>)> = lex
            .tables()
            .into_iter()
            .map(|(t, keys)| (t, keys.into_iter().map(String::from).collect()))
            .collect();
        let back = Lexicon::from_tables(tables);
        assert_eq!(back.names, lex.names);
        assert!(back.knows(DocType::NghiDinh, "quy dinh chi tiet luat dau tu"));
    }
}
