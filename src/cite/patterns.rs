//! Every pattern the citation finder knows, in one table: the document-type words that start a
//! reference (with how each may be cited), the pinpoint words, the number symbols, the words
//! that end a name or an issuer, and the verbs that mark a document as being written rather
//! than cited. The finder ([`super::find`]) and the readers ([`super::read`]) only consult
//! these tables; adding a form of citation starts here.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::model::DocType;

/// How a type word may be cited without a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unnumbered {
    /// Only with a number or as a self reference ("Quyết định này").
    No,
    /// By a capitalized name: "Luật Tiếp cận thông tin", "Bộ luật Lao động".
    Named,
    /// Alone or with a year: "Hiến pháp năm 2013".
    Alone,
    /// By an assembly: "Nghị quyết Đại hội lần thứ XIX của Đảng bộ tỉnh".
    Assembly,
    /// By a descriptive title with a year and issuer, or built on another cited document:
    /// "Kế hoạch lãnh đạo … năm 2024 của Đảng ủy Khối", "Chương trình hành động thực hiện
    /// Nghị quyết …".
    Descriptive,
}

/// One document-type word.
#[derive(Debug, Clone, Copy)]
pub struct TypeWord {
    /// The words as written in running text, capitalized ("Nghị quyết liên tịch").
    pub words: &'static str,
    pub doc_type: DocType,
    pub unnumbered: Unnumbered,
}

const fn tw(words: &'static str, doc_type: DocType, unnumbered: Unnumbered) -> TypeWord {
    TypeWord { words, doc_type, unnumbered }
}

/// The type words. Longer forms come first where one is a prefix of another.
pub const TYPE_WORDS: &[TypeWord] = &[
    tw("Hiến pháp", DocType::HienPhap, Unnumbered::Alone),
    tw("Bộ luật", DocType::BoLuat, Unnumbered::Named),
    tw("Luật", DocType::Luat, Unnumbered::Named),
    tw("Pháp lệnh", DocType::PhapLenh, Unnumbered::Named),
    tw("Nghị quyết liên tịch", DocType::NghiQuyetLienTich, Unnumbered::No),
    tw("Nghị quyết", DocType::NghiQuyet, Unnumbered::Assembly),
    tw("Nghị định", DocType::NghiDinh, Unnumbered::No),
    tw("Quyết định", DocType::QuyetDinh, Unnumbered::No),
    tw("Chỉ thị", DocType::ChiThi, Unnumbered::No),
    tw("Quy định", DocType::QuyDinh, Unnumbered::No),
    tw("Kết luận", DocType::KetLuan, Unnumbered::No),
    tw("Thông tư liên tịch", DocType::ThongTuLienTich, Unnumbered::No),
    tw("Thông tư", DocType::ThongTu, Unnumbered::No),
    tw("Kế hoạch", DocType::KeHoach, Unnumbered::Descriptive),
    tw("Chương trình", DocType::ChuongTrinh, Unnumbered::Descriptive),
    tw("Quy chế", DocType::QuyChe, Unnumbered::Descriptive),
    tw("Hướng dẫn", DocType::HuongDan, Unnumbered::No),
    tw("Công văn", DocType::CongVan, Unnumbered::No),
    tw("Thông báo", DocType::ThongBao, Unnumbered::No),
    tw("Đề án", DocType::DeAn, Unnumbered::Descriptive),
    tw("Tờ trình", DocType::ToTrinh, Unnumbered::No),
    tw("Báo cáo", DocType::BaoCao, Unnumbered::No),
    tw("Chiến lược", DocType::ChienLuoc, Unnumbered::Descriptive),
    tw("Điều lệ", DocType::DieuLe, Unnumbered::Named),
    tw("Văn bản hợp nhất", DocType::VanBanHopNhat, Unnumbered::No),
    tw("Văn bản", DocType::Khac, Unnumbered::No),
];

/// Pinpoint words, lower case: article, clause, point.
pub const ARTICLE: &str = "điều";
pub const CLAUSE: &str = "khoản";
pub const POINT: &str = "điểm";

/// Abbreviations of type words, as written in numbers' symbols ("59/2023/NĐ-CP") and, for
/// some, in running text ("NĐ 145/2020", "NĐ145"). Each agrees with
/// [`DocType::from_symbol`] (a unit test checks it).
pub const TYPE_ABBREVIATIONS: &[(&str, DocType)] = &[
    ("NĐ", DocType::NghiDinh),
    ("QĐ", DocType::QuyetDinh),
    ("QĐi", DocType::QuyDinh),
    ("NQ", DocType::NghiQuyet),
    ("NQLT", DocType::NghiQuyetLienTich),
    ("TT", DocType::ThongTu),
    ("TTLT", DocType::ThongTuLienTich),
    ("CT", DocType::ChiThi),
    ("KL", DocType::KetLuan),
    ("KH", DocType::KeHoach),
    ("CTr", DocType::ChuongTrinh),
    ("QC", DocType::QuyChe),
    ("HD", DocType::HuongDan),
    ("TB", DocType::ThongBao),
    ("ĐA", DocType::DeAn),
    ("BC", DocType::BaoCao),
    ("TTr", DocType::ToTrinh),
];

/// The abbreviations of [`TYPE_ABBREVIATIONS`] that stand for the type word in running text
/// when a number follows ("NĐ 145/2020", "QĐ217"); the others are read only inside symbols.
pub const TEXT_ABBREVIATIONS: &[&str] = &["NĐ", "QĐ", "NQ", "TT", "TTLT", "CT", "NQLT"];

/// Codes and other laws cited by an abbreviation: (abbreviation, type, name as the document
/// is titled after its type word). Each is its type's prefix ([`CODE_PREFIXES`]) and the
/// initials of the name ([`name_initials`]; a unit test checks the "L…" rows): the query
/// reader derives the others from the catalog's names by that rule ("LGTĐB", "LTTNCN", "LVC"),
/// and lists every law an abbreviation fits when several do ("LĐT": Đầu tư, Đấu thầu). The
/// rows are the ones the citation finder knows in running text, and the usual reading of an
/// abbreviation the rule finds shared ("LĐĐ" is the land law, not "Đê điều"; "LDN" the
/// enterprise law, not "Dạy nghề").
pub const CODE_NAMES: &[(&str, DocType, &str)] = &[
    ("BLLĐ", DocType::BoLuat, "Lao động"),
    ("BLDS", DocType::BoLuat, "Dân sự"),
    ("BLHS", DocType::BoLuat, "Hình sự"),
    ("BLTTDS", DocType::BoLuat, "Tố tụng dân sự"),
    ("BLTTHS", DocType::BoLuat, "Tố tụng hình sự"),
    ("BLHH", DocType::BoLuat, "Hàng hải Việt Nam"),
    // Laws whose abbreviation starts with the "L" of "Luật" ("Điều 12 LHNGĐ").
    ("LĐĐ", DocType::Luat, "Đất đai"),
    ("LHNGĐ", DocType::Luat, "Hôn nhân và gia đình"),
    ("LBHXH", DocType::Luat, "Bảo hiểm xã hội"),
    ("LBHYT", DocType::Luat, "Bảo hiểm y tế"),
    ("LXLVPHC", DocType::Luat, "Xử lý vi phạm hành chính"),
    ("LDN", DocType::Luat, "Doanh nghiệp"),
    ("LTM", DocType::Luat, "Thương mại"),
    ("LXD", DocType::Luat, "Xây dựng"),
    ("LKDBĐS", DocType::Luat, "Kinh doanh bất động sản"),
    ("LQLT", DocType::Luat, "Quản lý thuế"),
    ("LNSNN", DocType::Luat, "Ngân sách nhà nước"),
    ("LBVMT", DocType::Luat, "Bảo vệ môi trường"),
    ("LCBCC", DocType::Luat, "Cán bộ, công chức"),
];

/// The prefix of a law-level type's code names: "BL" + initials for a code ("BLLĐ"), "L" +
/// initials for a law ("LĐĐ", "LGTĐB").
pub const CODE_PREFIXES: &[(&str, DocType)] = &[("BL", DocType::BoLuat), ("L", DocType::Luat)];

/// The initials of a law's name as its code name writes them after the prefix: the first
/// letter of each word, upper case, "và" and punctuation skipped ("Giao thông đường bộ" →
/// "GTĐB", "Hôn nhân và gia đình" → "HNGĐ", "Cán bộ, công chức" → "CBCC").
pub fn name_initials(name: &str) -> String {
    crate::text::normalize(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && crate::text::fold(w) != "va")
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `typed` (any case) writes `initials` ([`name_initials`]): letter by letter, a "D"
/// typed without its stroke standing for "Đ" too ("LDT" fits "ĐT"; "LĐT" does not fit "DT").
pub fn initials_match(typed: &str, initials: &str) -> bool {
    let typed: Vec<char> = crate::text::normalize(typed).chars().flat_map(char::to_uppercase).collect();
    let want: Vec<char> = initials.chars().collect();
    typed.len() == want.len()
        && typed.iter().zip(&want).all(|(t, w)| {
            t == w || (t.is_ascii() && crate::text::fold_char(*t) == crate::text::fold_char(*w))
        })
}

/// The prefixes of technical standards' numbers ("QCVN 02:2019/BLĐTBXH", "TCVN 7391:2020").
pub const STANDARDS: &[(&str, DocType)] =
    &[("QCVN", DocType::QuyChuanKyThuat), ("TCVN", DocType::TieuChuanQuocGia)];

/// What a trigger found by the scanner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A type word of [`TYPE_WORDS`] in one of its forms (see [`type_word_variants`]); the
    /// reader matches it again, in any case and with any whitespace.
    Type,
    /// "Điều", "khoản" or "điểm" ("Điều" may also start "Điều lệ").
    Pinpoint,
    /// A type abbreviation in running text: index into [`TYPE_ABBREVIATIONS`].
    Abbreviation(usize),
    /// A type abbreviation inside a number's symbol, with its separator ("/NĐ", "-NQ"): index
    /// into [`TYPE_ABBREVIATIONS`].
    Symbol(usize),
    /// A code name: index into [`CODE_NAMES`].
    Code(usize),
    /// A standard's prefix: index into [`STANDARDS`].
    Standard(usize),
}

/// The scanner: the type words (title, lower and upper case, every word capitalized, broken
/// over two lines) and the pinpoint words, the abbreviations, code names and standards' prefixes, and the type
/// abbreviations after a number's separator, as one Aho-Corasick automaton (leftmost-longest).
pub struct Scanner {
    pub automaton: AhoCorasick,
    pub triggers: Vec<Trigger>,
}

/// The one scanner, built on first use.
pub fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let mut pats: Vec<String> = Vec::new();
        let mut triggers = Vec::new();
        let mut add = |s: String, t: Trigger| {
            if !pats.contains(&s) {
                pats.push(s);
                triggers.push(t);
            }
        };
        for w in ["Điều", "Khoản", "Điểm"] {
            for v in case_variants(w) {
                add(v, Trigger::Pinpoint);
            }
        }
        for w in TYPE_WORDS {
            for v in type_word_variants(w.words) {
                add(v, Trigger::Type);
            }
        }
        for (i, (a, _)) in TYPE_ABBREVIATIONS.iter().enumerate() {
            if TEXT_ABBREVIATIONS.contains(a) {
                add(a.to_string(), Trigger::Abbreviation(i));
            }
            for sep in ['/', '-'] {
                add(format!("{sep}{a}"), Trigger::Symbol(i));
                if a.chars().any(char::is_lowercase) {
                    add(format!("{sep}{}", a.to_uppercase()), Trigger::Symbol(i));
                }
            }
        }
        for (i, (a, _, _)) in CODE_NAMES.iter().enumerate() {
            add(a.to_string(), Trigger::Code(i));
        }
        for (i, (a, _)) in STANDARDS.iter().enumerate() {
            add(a.to_string(), Trigger::Standard(i));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .expect("the citation scanner's patterns are valid");
        Scanner { automaton, triggers }
    })
}

/// The forms a type word is found in: [`case_variants`], every word capitalized ("Nghị Quyết
/// Liên Tịch"), and each case variant broken over two lines at one of its spaces
/// ("Nghị\nquyết", "Chỉ \nthị", "NGHỊ\r\nQUYẾT"). The reader then matches the whole type word
/// with any whitespace.
fn type_word_variants(words: &str) -> Vec<String> {
    let mut out = case_variants(words);
    let each: Vec<String> = words.split(' ').map(|w| case_variants(w).swap_remove(0)).collect();
    out.push(each.join(" "));
    for v in case_variants(words) {
        for (i, _) in v.match_indices(' ') {
            for brk in ["\n", " \n", "\r\n", " \r\n"] {
                out.push(format!("{}{brk}{}", &v[..i], &v[i + 1..]));
            }
        }
    }
    out
}

/// "Nghị quyết" → ["Nghị quyết", "nghị quyết", "NGHỊ QUYẾT"].
fn case_variants(s: &str) -> Vec<String> {
    let mut first = s.chars();
    let title: String = match first.next() {
        Some(c) => c.to_uppercase().chain(first).collect(),
        None => String::new(),
    };
    vec![title, s.to_lowercase(), s.to_uppercase()]
}

/// The first words of symbols that may follow a bare serial in a Party number written with a
/// space instead of a dash ("84 QĐ/TW"), folded.
pub const PARTY_KINDS: &[&str] =
    &["qd", "qdi", "nq", "ct", "kl", "kh", "qc", "ctr", "hd", "tb", "bc", "da", "tt"];

/// Words that end a document name ("Luật Thực hiện dân chủ ở cơ sở | năm 2022"), lower case.
pub const NAME_STOPS: &[&str] = &[
    "năm", "ngày", "số", "của", "về", "nhằm", "để", "theo", "được", "đã", "có", "tại", "thì", "với", "do",
    "là", "trong", "này", "đó", "trên", "các", "những", "mà", "nhưng", "khi", "sẽ", "đang", "cho", "từ",
    "đến", "gồm", "hoặc", "như", "sau", "và", "vào", "qua", "nay", "tháng", "đối", "thuộc", "phải", "không",
    "cũng", "bằng", "ngoài", "vì", "nên", "làm", "gây", "áp", "tới", "bởi", "nếu", "hay", "rồi", "nữa",
    "đều", "vẫn", "hết", "còn",
];

/// Phrases that end a document name ("Luật Đất đai | quy định …").
pub const NAME_STOP_PHRASES: &[&str] = &["quy định", "hướng dẫn", "ban hành", "sửa đổi", "thi hành"];

/// Words that may follow a comma inside a law's name ("Luật Cán bộ, công chức", "Luật Phòng,
/// chống tham nhũng", "Luật Khám bệnh, chữa bệnh"), lower case.
pub const NAME_COMMA_GOES_ON: &[&str] =
    &["chống", "công", "viên", "chữa", "bổ", "chăm", "giáo", "cứu", "kiểm", "tiết", "khai", "sử", "vệ"];

/// Lower-case words that may continue an issuer's name ("Ban Thường vụ Đảng ủy Khối cơ quan
/// và doanh nghiệp tỉnh", "Bộ Chính trị", "Tỉnh ủy").
pub const ISSUER_LOWER: &[&str] = &[
    "vụ",
    "nghị",
    "hành",
    "nhất",
    "hai",
    "ba",
    "bốn",
    "tư",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "mươi",
    "khóa",
    "ủy",
    "bộ",
    "trị",
    "thư",
    "tướng",
    "phủ",
    "hội",
    "nhân",
    "dân",
    "cơ",
    "quan",
    "và",
    "doanh",
    "nghiệp",
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "xã",
    "phường",
    // "Ủy ban nhân dân quận Hoàn Kiếm", "thị trấn", "đặc khu" (probe 18: cut before the place).
    "quận",
    "trấn",
    "đặc",
    "lần",
    "thứ",
    "khối",
    "chủ",
    "tịch",
    "trung",
    "ương",
    "đảng",
    "quốc",
    "trưởng",
    "sát",
    "án",
    "tối",
    "cao",
    "kiểm",
    "toán",
    "nhà",
    "nước",
    "đồng",
    "trận",
    "tổ",
    "quốc",
    "liên",
    "đoàn",
    "lao",
    "động",
    "việt",
    "nam",
    "thường",
    "trực",
    "chính",
    "ban",
    "khu",
    "vực",
    "đô",
    "thị",
    // "Tổng cục Hải quan", "Tổng cục trưởng Tổng cục Địa chính" (probe 16: cut to "Tổng").
    "cục",
];

/// Offices a minister holds beside the ministry's, after a comma ("Bộ trưởng, Chủ nhiệm Ủy
/// ban Dân tộc"; probe 16: cut to "Bộ trưởng").
pub const SECOND_OFFICES: &[&str] = &["chủ nhiệm", "tổng thanh tra", "thống đốc"];

/// Words after which an issuer ends even if lower case (the start of the subject clause).
pub const ISSUER_STOPS: &[&str] =
    &["ban hành", "về", "quy định", "hướng dẫn", "phê duyệt", "và các", "và những"];

/// Heads of a further issuer after a comma in a joint document ("…, Chính phủ, Đoàn Chủ tịch …").
pub const ISSUER_HEADS: &[&str] = &[
    "chính phủ",
    "đoàn",
    "ủy ban",
    "bộ",
    "ban",
    "hội đồng",
    "tòa án",
    "viện",
    "kiểm toán",
    "tổng liên đoàn",
    "trung ương",
    // The heads of bodies signing for them ("Viện trưởng Viện kiểm sát nhân dân tối cao,
    // Chánh án Tòa án nhân dân tối cao, Bộ trưởng Bộ Công an"; probe 17: cut to the first).
    "chánh án",
    "thống đốc",
    "tổng kiểm toán",
    "tổng thanh tra",
];

/// Words just before an unnumbered descriptive title that make it a document being written,
/// not one cited ("Xây dựng Kế hoạch …", "ban hành Kế hoạch …", "Trên đây là Kế hoạch …").
pub const WRITING_VERBS: &[&str] =
    &["xây dựng", "ban hành", "là", "dự thảo", "soạn thảo", "tham mưu", "trình", "lập"];

/// Words before a type word that make it generic ("các Nghị quyết", "những Kế hoạch").
pub const PLURALS: &[&str] = &["các", "những", "mọi", "từng"];

/// Descriptive titles that name a concept, not a document ("Quy chế dân chủ ở cơ sở").
pub const CONCEPTS: &[&str] = &["quy chế dân chủ"];

/// Lower-case type words that are too common as plain nouns or verbs to be self references
/// ("các quy định này").
pub const NO_LOWER_SELF: &[DocType] = &[DocType::QuyDinh, DocType::HuongDan, DocType::BaoCao, DocType::Khac];

/// Issuing bodies, written as they are named (matched longest first, in any case, with either
/// tone placement: "Uỷ" = "Ủy"; a dash may have spaces around it). An issuer that starts with
/// one of them is read to its end and may go on with a place ("Ủy ban nhân dân tỉnh Quảng
/// Ninh"); bodies not in the table are read by the word rules of [`ISSUER_LOWER`].
pub const ISSUING_BODIES: &[&str] = &[
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương Đảng",
    "Ban Chấp hành Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Văn phòng Trung ương Đảng",
    "Ban Tổ chức Trung ương",
    "Ban Tuyên giáo Trung ương",
    "Ban Dân vận Trung ương",
    "Ban Nội chính Trung ương",
    "Ban Kinh tế Trung ương",
    "Ban Đối ngoại Trung ương",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Chính sách, chiến lược Trung ương",
    "Hội đồng Lý luận Trung ương",
    "Đảng ủy Khối các cơ quan Trung ương",
    "Đảng ủy Khối Doanh nghiệp Trung ương",
    "Đảng ủy Khối các cơ quan",
    "Đảng ủy Khối cơ quan và doanh nghiệp",
    "Đảng ủy Khối doanh nghiệp",
    "Đảng ủy Khối",
    "Quốc hội",
    "Ủy ban Thường vụ Quốc hội",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Chủ tịch nước",
    "Văn phòng Chính phủ",
    "Văn phòng Quốc hội",
    "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam",
    "Ngân hàng Nhà nước",
    "Thống đốc Ngân hàng Nhà nước Việt Nam",
    "Thống đốc Ngân hàng Nhà nước",
    "Thống đốc NHNN",
    "Tổng Thanh tra Chính phủ",
    "Tổng Kiểm toán Nhà nước",
    "Chánh án Tòa án nhân dân tối cao",
    "Viện trưởng Viện kiểm sát nhân dân tối cao",
    "Kiểm toán Nhà nước",
    "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao",
    "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    "Hội đồng Thẩm phán",
    "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
    "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
    "Hội đồng Bầu cử Quốc gia",
    "Hội đồng Quốc phòng và An ninh",
    "Hội Liên hiệp Phụ nữ Việt Nam",
    "Đoàn Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam",
    "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
    "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Nông dân Việt Nam",
    "Hội Cựu chiến binh Việt Nam",
    "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    "Phòng Thương mại và Công nghiệp Việt Nam",
    "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
    "Ủy ban Dân tộc",
    "Ủy ban Vật giá Nhà nước",
    "Ủy ban Kế hoạch Nhà nước",
    "Ủy ban Thể dục Thể thao",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Bảo hiểm xã hội Việt Nam",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Thường trực Hội đồng nhân dân",
    "Chủ tịch Ủy ban nhân dân",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    // A Party organ of a ministry, a council or a committee, named with it ("Ban cán sự đảng
    // Bộ Y tế", "Đảng đoàn Quốc hội"; probe 17: cut to "Ban").
    "Ban cán sự đảng",
    "Đảng đoàn",
];

/// The ministries, current and former, by the name after "Bộ" (a province's department, "Sở",
/// bears the same name).
pub const MINISTRIES: &[&str] = &[
    "Quốc phòng",
    "Công an",
    "Ngoại giao",
    "Nội vụ",
    "Tư pháp",
    "Kế hoạch và Đầu tư",
    "Tài chính",
    "Công Thương",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Giao thông vận tải",
    "Xây dựng",
    "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông",
    "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch",
    "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Dân tộc và Tôn giáo",
    "Thương mại",
    "Công nghiệp",
    "Thủy sản",
    "Văn hóa - Thông tin",
    "Bưu chính, Viễn thông",
    "Khoa học, Công nghệ và Môi trường",
    "Lao động",
    "Ngoại vụ",
    "Du lịch",
];

/// Party bodies that exist at every level ("Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Huyện
/// ủy"), and the committees they belong to.
pub const PARTY_ORGANS: &[&str] = &[
    "Ban Thường vụ",
    "Ban Chấp hành",
    "Ban Tổ chức",
    "Ban Tuyên giáo",
    "Ban Dân vận",
    "Ban Nội chính",
    "Ban Tuyên giáo và Dân vận",
    "Ủy ban Kiểm tra",
    "Văn phòng",
];
pub const PARTY_COMMITTEES: &[&str] = &[
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Đảng ủy Khối các cơ quan",
    "Đảng ủy Khối cơ quan và doanh nghiệp",
    "Đảng ủy Khối doanh nghiệp",
    "Đảng ủy Khối",
];

/// Every issuing body of [`ISSUING_BODIES`], [`MINISTRIES`] (as "Bộ …" and "Sở …") and
/// [`PARTY_ORGANS`] × [`PARTY_COMMITTEES`], spelled as the tables write them.
fn body_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut all: Vec<String> = ISSUING_BODIES.iter().map(|s| s.to_string()).collect();
        for m in MINISTRIES {
            for head in ["Bộ", "Sở", "Bộ trưởng Bộ", "Liên Bộ", "Giám đốc Sở"] {
                all.push(format!("{head} {m}"));
            }
        }
        for o in PARTY_ORGANS {
            for c in PARTY_COMMITTEES {
                all.push(format!("{o} {c}"));
            }
        }
        all
    })
}

/// A body's name as lower-case tokens (words, "," and "-"), the way [`issuing_bodies`]
/// compares them.
fn body_tokens(name: &str) -> Vec<String> {
    let lower = crate::text::normalize(&name.to_lowercase()).into_owned();
    lower.split_whitespace().flat_map(split_marks).map(String::from).collect()
}

/// A word split at its commas and dashes, each kept as a token of its own.
fn split_marks(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if c == ',' || c == '-' {
            if start < i {
                out.push(&word[start..i]);
            }
            out.push(&word[i..i + 1]);
            start = i + 1;
        }
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

/// The one spelling of an issuer ("Bộ công thương", "Bộ Công thương." → "Bộ Công Thương";
/// "Ủy ban thường vụ Quốc hội" → "Ủy ban Thường vụ Quốc hội"): the longest body of the tables
/// that the issuer begins with (compared as in [`issuing_bodies`]: any case, either tone
/// placement, spaces around a dash) is written as the tables write it; a place after it
/// ("Ủy ban nhân dân tỉnh Quảng Ninh") is kept as written, a subject after it ("Thủ tướng
/// Chính phủ về …", an over-long read) is dropped. An issuer of no known body is only
/// tidied (normalized text, one space, no trailing punctuation).
pub fn issuer_spelling(raw: &str) -> String {
    static BODIES: OnceLock<Vec<(Vec<String>, &'static str)>> = OnceLock::new();
    let bodies = BODIES.get_or_init(|| {
        let mut v: Vec<(Vec<String>, &'static str)> =
            body_names().iter().map(|n| (body_tokens(n), n.as_str())).collect();
        v.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        v
    });
    let tidy = crate::text::normalize(raw).split_whitespace().collect::<Vec<_>>().join(" ");
    let tidy = tidy.trim_end_matches(['.', ',', ';', ':']).trim().to_string();
    let tokens = body_tokens(&tidy);
    let Some((body, name)) =
        bodies.iter().find(|(b, _)| tokens.len() >= b.len() && tokens[..b.len()] == b[..])
    else {
        return tidy;
    };
    // The words of `tidy` past the body's tokens, as written (tokens split alike).
    let written: Vec<&str> = tidy.split_whitespace().flat_map(split_marks).collect();
    let rest = written.get(body.len()..).unwrap_or_default().join(" ").replace(" , ", ", ");
    // A list of bodies goes on after a comma ("Ủy ban Thường vụ Quốc hội, Chính phủ, …").
    let listed = rest.trim_start().starts_with(',');
    let rest = rest.trim_start_matches([' ', ',']).trim();
    let subject =
        ["về ", "quy định ", "ban hành ", "hướng dẫn "].iter().any(|w| rest.to_lowercase().starts_with(w));
    if rest.is_empty() || subject {
        name.to_string()
    } else if listed {
        format!("{name}, {rest}")
    } else {
        format!("{name} {rest}")
    }
}

/// Every issuing body of [`ISSUING_BODIES`], [`MINISTRIES`] (as "Bộ …" and "Sở …") and
/// [`PARTY_ORGANS`] × [`PARTY_COMMITTEES`], each as its lower-case tokens (words, "," and
/// "-"), longest first.
pub fn issuing_bodies() -> &'static [Vec<String>] {
    static BODIES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    BODIES.get_or_init(|| {
        let mut out: Vec<Vec<String>> = body_names()
            .iter()
            .map(|b| {
                let lower = crate::text::normalize(&b.to_lowercase()).into_owned();
                lower.replace(',', " , ").split_whitespace().map(String::from).collect()
            })
            .collect();
        out.sort_by_key(|t| std::cmp::Reverse(t.len()));
        out.dedup();
        out
    })
}

/// Verbs before a document named only by its type and issuer that show it is being carried
/// out, so cited ("thực hiện Chương trình hành động của Chính phủ"), lower case.
pub const IMPLEMENTING: &[&str] =
    &["thực hiện", "triển khai", "quán triệt", "căn cứ", "theo", "bám sát", "cụ thể hóa", "tinh thần"];

/// Issuing bodies that exist in every province, district and commune: named alone they do not
/// identify one ("Nghị quyết của Hội đồng nhân dân"), lower case.
pub const GENERIC_BODIES: &[&str] = &[
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "thường trực hội đồng nhân dân",
    "chủ tịch ủy ban nhân dân",
    "đảng ủy",
    "ủy ban mặt trận tổ quốc việt nam",
];

/// Words before a number that make it the code of a form, not a document ("Mẫu số
/// 01/TB-BSTT"), lower case.
pub const FORM_WORDS: &[&str] =
    &["mẫu", "mẫu số", "biểu", "biểu mẫu", "biểu số", "phụ lục", "phụ lục số", "mã"];

/// Phrases that introduce a short name for the document just cited ("(sau đây gọi là Luật
/// PPP)"), lower case.
pub const ALIAS_INTRODUCERS: &[&str] =
    &["sau đây gọi tắt là", "sau đây gọi chung là", "sau đây gọi là", "sau đây viết tắt là", "gọi tắt là"];

/// The words between a pinpoint and the decision it points into through the regulation
/// attached to it ("Điều 8, Quy định kèm theo Quyết định số …"), lower case.
pub const ATTACHED: &[&str] = &["quy định", "quy chế", "điều lệ", "quy trình", "chương trình", "kế hoạch"];

/// Assemblies naming a Nghị quyết ("Nghị quyết Đại hội …", "Nghị quyết Hội nghị …").
pub const ASSEMBLIES: &[&str] = &["đại hội", "hội nghị"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_finds_type_heads_symbols_and_codes() {
        let s = scanner();
        let text = "theo NGHỊ QUYẾT LIÊN TỊCH và Bộ luật, khoản 2; Nghị\nquyết, Nghị Quyết Liên Tịch; Bộ\nLuật; số 59/2023/NĐ-CP, BLLĐ, QCVN 02";
        let found: Vec<_> =
            s.automaton.find_iter(text).map(|m| (&text[m.range()], s.triggers[m.pattern()])).collect();
        let want = [
            ("NGHỊ QUYẾT LIÊN TỊCH", Trigger::Type),
            ("Bộ luật", Trigger::Type),
            ("khoản", Trigger::Pinpoint),
            ("Nghị\nquyết", Trigger::Type),
            ("Nghị Quyết Liên Tịch", Trigger::Type),
            ("Luật", Trigger::Type),
            ("/NĐ", Trigger::Symbol(0)),
            ("BLLĐ", Trigger::Code(0)),
            ("QCVN", Trigger::Standard(0)),
        ];
        assert_eq!(found, want);
    }

    #[test]
    fn listed_law_codes_follow_the_initials_rule() {
        for (a, t, name) in CODE_NAMES {
            if *t == DocType::Luat {
                let rest = a.strip_prefix('L').expect("a law's code starts with L");
                assert_eq!(rest, name_initials(name), "{a}");
                assert!(initials_match(rest, &name_initials(name)), "{a}");
            }
        }
        // (typed, initials, fits)
        let rows = [
            ("GTĐB", "GTĐB", true),
            ("gtdb", "GTĐB", true),
            ("ĐT", "ĐT", true),
            ("DT", "ĐT", true),
            ("ĐT", "DT", false),
            ("HNGĐ", "HNGĐ", true),
            ("HNG", "HNGĐ", false),
            ("tncn", "TNCN", true),
        ];
        for (typed, initials, fits) in rows {
            assert_eq!(initials_match(typed, initials), fits, "{typed} {initials}");
        }
        assert_eq!(name_initials("Thuế thu nhập cá nhân"), "TTNCN");
        assert_eq!(name_initials("Nghĩa vụ quân sự"), "NVQS");
        assert_eq!(name_initials("Cán bộ, công chức"), "CBCC");
    }

    #[test]
    fn abbreviations_agree_with_the_symbol_reader() {
        for (a, t) in TYPE_ABBREVIATIONS {
            assert_eq!(DocType::from_symbol(a), Some(*t), "{a}");
        }
        for a in TEXT_ABBREVIATIONS {
            assert!(TYPE_ABBREVIATIONS.iter().any(|(b, _)| b == a), "{a}");
        }
    }
}

#[cfg(test)]
mod issuer_tests {
    use super::issuer_spelling;

    #[test]
    fn one_spelling_per_body() {
        // (as read, as written in the catalog)
        let rows = [
            ("Bộ Công Thương", "Bộ Công Thương"),
            ("Bộ Công thương", "Bộ Công Thương"),
            ("Bộ công thương", "Bộ Công Thương"),
            ("Bộ Công Thương.", "Bộ Công Thương"),
            ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
            ("Bộ Lao động - Thương Binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            ("Bộ Lao động-Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội"),
            ("Ủy ban thường vụ Quốc hội", "Ủy ban Thường vụ Quốc hội"),
            ("Uỷ ban Thường vụ Quốc hội", "Ủy ban Thường vụ Quốc hội"),
            ("Bộ Văn hoá, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
            ("Thủ tướng Chính phủ về một số chính sách hỗ trợ", "Thủ tướng Chính phủ"),
            ("Ủy ban nhân dân tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"),
            ("ủy ban nhân dân  tỉnh Quảng Ninh", "Ủy ban nhân dân tỉnh Quảng Ninh"),
            ("Ban Thường vụ Tỉnh ủy Yên Bái", "Ban Thường vụ Tỉnh ủy Yên Bái"),
            ("Quốc hội", "Quốc hội"),
            ("Bộ Chính trị (khóa XII)", "Bộ Chính trị (khóa XII)"),
            (
                "Ủy ban thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
                "Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            ),
            ("Uỷ ban Thể dục thể thao ", "Ủy ban Thể dục Thể thao"),
            // Not a body of the tables: tidied only.
            ("Uỷ ban  Quốc gia thử nghiệm ", "Ủy ban Quốc gia thử nghiệm"),
            ("Hội Luật gia  Việt Nam,", "Hội Luật gia Việt Nam"),
        ];
        for (raw, want) in rows {
            assert_eq!(issuer_spelling(raw), want, "{raw}");
        }
    }
}
