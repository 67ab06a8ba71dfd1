//! Document types of Vietnamese state and Party documents, with their Vietnamese names,
//! the short forms used in numbers (NĐ, QĐ, CT…) and ASCII slugs for ids.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! doc_types {
    ($($variant:ident => $vi:literal, $slug:literal;)*) => {
        /// A document type. Serialized as its Vietnamese name ("Nghị định").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum DocType { $($variant),* }

        impl DocType {
            pub const ALL: &'static [DocType] = &[$(DocType::$variant),*];

            /// The Vietnamese name, e.g. "Nghị quyết liên tịch".
            pub fn as_vi(self) -> &'static str {
                match self { $(DocType::$variant => $vi),* }
            }

            /// An ASCII slug for ids and URLs, e.g. "nghi-quyet-lien-tich".
            pub fn slug(self) -> &'static str {
                match self { $(DocType::$variant => $slug),* }
            }
        }
    };
}

doc_types! {
    HienPhap => "Hiến pháp", "hien-phap";
    BoLuat => "Bộ luật", "bo-luat";
    Luat => "Luật", "luat";
    PhapLenh => "Pháp lệnh", "phap-lenh";
    Lenh => "Lệnh", "lenh";
    SacLenh => "Sắc lệnh", "sac-lenh";
    NghiQuyetLienTich => "Nghị quyết liên tịch", "nghi-quyet-lien-tich";
    NghiQuyet => "Nghị quyết", "nghi-quyet";
    NghiDinh => "Nghị định", "nghi-dinh";
    QuyetDinh => "Quyết định", "quyet-dinh";
    ChiThi => "Chỉ thị", "chi-thi";
    QuyDinh => "Quy định", "quy-dinh";
    KetLuan => "Kết luận", "ket-luan";
    ThongTuLienTich => "Thông tư liên tịch", "thong-tu-lien-tich";
    ThongTu => "Thông tư", "thong-tu";
    KeHoach => "Kế hoạch", "ke-hoach";
    ChuongTrinh => "Chương trình", "chuong-trinh";
    QuyChe => "Quy chế", "quy-che";
    HuongDan => "Hướng dẫn", "huong-dan";
    CongVan => "Công văn", "cong-van";
    ThongBao => "Thông báo", "thong-bao";
    DeAn => "Đề án", "de-an";
    ToTrinh => "Tờ trình", "to-trinh";
    BaoCao => "Báo cáo", "bao-cao";
    ChienLuoc => "Chiến lược", "chien-luoc";
    DieuLe => "Điều lệ", "dieu-le";
    VanBanHopNhat => "Văn bản hợp nhất", "van-ban-hop-nhat";
    QuyChuanKyThuat => "Quy chuẩn kỹ thuật quốc gia", "quy-chuan-ky-thuat-quoc-gia";
    TieuChuanQuocGia => "Tiêu chuẩn quốc gia", "tieu-chuan-quoc-gia";
    Khac => "Văn bản", "van-ban";
}

impl DocType {
    /// Reads a type name in any case, with or without diacritics ("nghi dinh", "NGHỊ ĐỊNH").
    pub fn parse(s: &str) -> Option<DocType> {
        let f = crate::text::fold(s.trim());
        let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
        DocType::ALL.iter().copied().find(|t| crate::text::fold(t.as_vi()) == f || t.slug() == f)
    }

    /// The type implied by the symbol part of a number: "NĐ-CP" → Nghị định, "QĐi/TW" →
    /// Quy định, "CT-TTg" → Chỉ thị, "QH15" → Luật (or Nghị quyết: ambiguous, so `None`).
    pub fn from_symbol(symbol: &str) -> Option<DocType> {
        let first = symbol.split(['-', '/']).find(|p| !p.is_empty())?;
        let f = crate::text::fold(first);
        Some(match f.as_str() {
            "nd" => DocType::NghiDinh,
            "qd" => DocType::QuyetDinh,
            "qdi" => DocType::QuyDinh,
            "ct" => DocType::ChiThi,
            "nq" => DocType::NghiQuyet,
            "nqlt" => DocType::NghiQuyetLienTich,
            "tt" => DocType::ThongTu,
            "ttlt" => DocType::ThongTuLienTich,
            "kl" => DocType::KetLuan,
            "kh" => DocType::KeHoach,
            "ctr" => DocType::ChuongTrinh,
            "qc" => DocType::QuyChe,
            "hd" => DocType::HuongDan,
            "tb" => DocType::ThongBao,
            "da" => DocType::DeAn,
            "tTr" | "ttr" => DocType::ToTrinh,
            "bc" => DocType::BaoCao,
            "pl" | "ubtvqh" => return None,
            _ => return None,
        })
    }

    /// A law, code or ordinance: a document cited by its name, whose versions the date or
    /// year tells apart ("Luật Đất đai năm 2013").
    pub fn is_named(self) -> bool {
        matches!(self, DocType::Luat | DocType::BoLuat | DocType::PhapLenh)
    }

    /// True for Party documents' usual types when the number has a Party issuer (…/TW, …/TU).
    pub fn is_law_level(self) -> bool {
        matches!(self, DocType::HienPhap | DocType::BoLuat | DocType::Luat)
    }
}

impl std::fmt::Display for DocType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_vi())
    }
}

impl Serialize for DocType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_vi())
    }
}

impl<'de> Deserialize<'de> for DocType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DocType::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown document type {s:?}")))
    }
}

/// The one reading of a type filter, shared by the command line and the web's query structs
/// ([`DocType::parse`]); the error is the Vietnamese message shown to users.
impl std::str::FromStr for DocType {
    type Err = String;
    fn from_str(s: &str) -> Result<DocType, String> {
        DocType::parse(s)
            .ok_or_else(|| format!("Loại văn bản không hợp lệ: “{}” (ví dụ: Luật, nghi-dinh).", s.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_symbols() {
        assert_eq!(DocType::parse("NGHỊ ĐỊNH"), Some(DocType::NghiDinh));
        assert_eq!(DocType::parse("nghi quyet lien tich"), Some(DocType::NghiQuyetLienTich));
        assert_eq!(DocType::parse("Bộ luật"), Some(DocType::BoLuat));
        assert_eq!(DocType::from_symbol("NĐ-CP"), Some(DocType::NghiDinh));
        assert_eq!(DocType::from_symbol("QĐi/TW"), Some(DocType::QuyDinh));
        assert_eq!(DocType::from_symbol("QH15"), None);
    }
}
