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

/// What a trigger found by the scanner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Index into [`TYPE_WORDS`].
    Type(usize),
    /// "Điều", "khoản" or "điểm".
    Pinpoint,
}

/// The scanner: every type word and pinpoint word, in title, lower and upper case, as one
/// Aho-Corasick automaton (leftmost-longest, so "Nghị quyết liên tịch" beats "Nghị quyết").
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
        for (i, w) in TYPE_WORDS.iter().enumerate() {
            for v in case_variants(w.words) {
                add(v, Trigger::Type(i));
            }
        }
        for w in ["Điều", "Khoản", "Điểm"] {
            for v in case_variants(w) {
                add(v, Trigger::Pinpoint);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .expect("the citation scanner's patterns are valid");
        Scanner { automaton, triggers }
    })
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
    "cũng", "bằng", "ngoài", "vì", "nên", "làm", "gây", "áp",
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
];

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

/// Assemblies naming a Nghị quyết ("Nghị quyết Đại hội …", "Nghị quyết Hội nghị …").
pub const ASSEMBLIES: &[&str] = &["đại hội", "hội nghị"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_finds_longest_type_word() {
        let s = scanner();
        let text = "theo NGHỊ QUYẾT LIÊN TỊCH và Bộ luật, khoản 2";
        let found: Vec<_> =
            s.automaton.find_iter(text).map(|m| (&text[m.range()], s.triggers[m.pattern()])).collect();
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].0, "NGHỊ QUYẾT LIÊN TỊCH");
        assert_eq!(found[1], ("Bộ luật", Trigger::Type(1)));
        assert_eq!(found[2].1, Trigger::Pinpoint);
    }
}
