//! Resolve: from what a citation says to a document id in the [`Catalog`]. By number and type
//! (a provincial Party number like `66-NQ/TU` only within the province of its issuer or of the
//! citing document); `11-QĐ/TW` for `11-QĐi/TW` when type, date and issuer agree; by name for
//! documents cited without a number, choosing the version in force at the citing date; a
//! self reference to the citing document. What cannot be resolved keeps `target: None` and
//! everything it read.

use super::citation::Citation;
use crate::catalog::{pick_version, Catalog};
use crate::model::{Date, DocType, Metadata};
use crate::number::{self, Shape};
use crate::text::fold;

/// The citing document: where a citation is read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Its id: the target of self references.
    pub id: Option<String>,
    pub doc_type: Option<DocType>,
    /// Its province, which scopes provincial Party numbers.
    pub province: Option<String>,
    /// Its date: which version a name means.
    pub date: Option<Date>,
}

impl Context {
    /// The context of a corpus document.
    pub fn of(meta: &Metadata) -> Context {
        Context {
            id: Some(meta.id.clone()),
            doc_type: Some(meta.doc_type),
            province: meta.province.clone(),
            date: meta.signed.or(meta.effective),
        }
    }
}

/// Resolves every citation in place (sets `target`).
pub fn resolve(citations: &mut [Citation], catalog: &Catalog, ctx: &Context) {
    for c in citations {
        c.target = target(c, catalog, ctx);
    }
}

/// The id of the document a citation refers to, if the catalog has it.
pub fn target(c: &Citation, catalog: &Catalog, ctx: &Context) -> Option<String> {
    if c.self_ref {
        return ctx.id.clone();
    }
    if let Some(n) = &c.number {
        return by_number(c, n, catalog, ctx).map(|m| m.id.clone());
    }
    let t = c.doc_type?;
    let cands = match &c.name {
        Some(name) => catalog.by_name(Some(t), name),
        None if t == DocType::HienPhap => catalog.by_type(t),
        None => return None,
    };
    let cands = if cands.is_empty() { prefix_named(c, catalog) } else { cands };
    pick_version(&cands, c.year, c.date.or(ctx.date)).map(|m| m.id.clone())
}

/// A cited name cut short ("Luật Phòng, chống tác hại" of "… của thuốc lá"): the one document
/// of that type whose name starts with it.
fn prefix_named<'a>(c: &Citation, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let (Some(name), Some(t)) = (&c.name, c.doc_type) else { return Vec::new() };
    let key = crate::catalog::name_key(name);
    if key.split(' ').count() < 2 {
        return Vec::new();
    }
    let with_space = format!("{key} ");
    let hits: Vec<_> = catalog
        .by_type(t)
        .into_iter()
        .filter(|m| crate::catalog::name_key(&m.title).starts_with(&with_space))
        .collect();
    let distinct: std::collections::BTreeSet<_> =
        hits.iter().map(|m| crate::catalog::name_key(&m.title)).collect();
    if distinct.len() == 1 {
        hits
    } else {
        Vec::new()
    }
}

fn by_number<'a>(c: &Citation, n: &str, catalog: &'a Catalog, ctx: &Context) -> Option<&'a Metadata> {
    let mut cands = if n.bytes().all(|b| b.is_ascii_digit()) {
        bare(c, n, catalog)
    } else {
        catalog.by_number_and_type(n, c.doc_type)
    };
    if cands.is_empty() {
        cands = party_variant(c, n, catalog);
    }
    let local = number::parts(n).is_some_and(|p| p.shape == Shape::Party && !p.symbol.ends_with("/TW"));
    if local && (cands.len() > 1 || cands.iter().any(|m| m.province.is_some())) {
        let province = issuer_province(c, &cands).or_else(|| ctx.province.clone());
        match province {
            Some(p) => cands.retain(|m| m.province.as_deref().is_none_or(|mp| fold(mp) == fold(&p))),
            None if cands.len() > 1 => return None,
            None => {}
        }
    }
    if cands.len() > 1 {
        if let Some(d) = c.date {
            let same: Vec<_> = cands.iter().copied().filter(|m| m.signed == Some(d)).collect();
            if !same.is_empty() {
                cands = same;
            }
        }
    }
    pick_version(&cands, c.year, ctx.date)
}

/// A province named in the citation's issuer ("Ban Thường vụ Tỉnh ủy Yên Bái").
fn issuer_province(c: &Citation, cands: &[&Metadata]) -> Option<String> {
    let issuer = fold(c.issuer.as_deref()?);
    cands.iter().filter_map(|m| m.province.as_deref()).find(|p| issuer.contains(&fold(p))).map(String::from)
}

/// `11-QĐ/TW` for `11-QĐi/TW` (and the reverse): accepted only when the type is the same and
/// the written date (or, without one, the issuer) agrees.
fn party_variant<'a>(c: &Citation, n: &str, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let Some(p) = number::parts(n) else { return Vec::new() };
    if p.shape != Shape::Party {
        return Vec::new();
    }
    let other = if let Some(rest) = p.symbol.strip_prefix("QĐi/") {
        format!("{}-QĐ/{rest}", p.serial)
    } else if let Some(rest) = p.symbol.strip_prefix("QĐ/") {
        format!("{}-QĐi/{rest}", p.serial)
    } else {
        return Vec::new();
    };
    catalog
        .by_number_and_type(&other, c.doc_type)
        .into_iter()
        .filter(|m| match (c.date, m.signed) {
            (Some(a), Some(b)) => a == b,
            (Some(_), None) => false,
            (None, _) => issuers_agree(c.issuer.as_deref(), m.issuer.as_deref()),
        })
        .collect()
}

fn issuers_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (fold(a), fold(b));
            a.contains(&b) || b.contains(&a)
        }
        _ => false,
    }
}

/// A bare serial ("Quyết định số 217 … của Bộ Chính trị"): the central Party numbers it can
/// only be, when the issuer is a central Party body.
fn bare<'a>(c: &Citation, n: &str, catalog: &'a Catalog) -> Vec<&'a Metadata> {
    let Some(issuer) = c.issuer.as_deref().map(fold) else { return Vec::new() };
    let central =
        ["bo chinh tri", "ban bi thu", "ban chap hanh trung uong"].iter().any(|b| issuer.starts_with(b));
    if !central {
        return Vec::new();
    }
    let kinds: &[&str] = match c.doc_type {
        Some(DocType::QuyetDinh) => &["QĐ"],
        Some(DocType::QuyDinh) => &["QĐi", "QĐ"],
        Some(DocType::ChiThi) => &["CT"],
        Some(DocType::NghiQuyet) => &["NQ"],
        Some(DocType::KetLuan) => &["KL"],
        _ => &[],
    };
    kinds.iter().flat_map(|k| catalog.by_number_and_type(&format!("{n}-{k}/TW"), c.doc_type)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::extract;

    fn meta(id: &str, t: DocType, number: Option<&str>, title: &str, signed: Option<&str>) -> Metadata {
        let mut m = Metadata::new(id, t, title);
        m.number = number.map(Into::into);
        m.canonical = number.map(number::canonicalize);
        m.signed = signed.map(|s| s.parse().unwrap());
        m
    }

    fn catalog() -> Catalog {
        let mut yb = meta(
            "nghi-quyet-66-nq-tu-yen-bai",
            DocType::NghiQuyet,
            Some("66-NQ/TU"),
            "x",
            Some("2021-12-10"),
        );
        yb.province = Some("Yên Bái".into());
        let mut lc = meta(
            "nghi-quyet-66-nq-tu-lao-cai",
            DocType::NghiQuyet,
            Some("66-NQ/TU"),
            "y",
            Some("2020-05-05"),
        );
        lc.province = Some("Lào Cai".into());
        let mut qdi =
            meta("quy-dinh-11-qdi-tw", DocType::QuyDinh, Some("11-QĐi/TW"), "z", Some("2019-02-18"));
        qdi.issuer = Some("Bộ Chính trị".into());
        Catalog::new([
            meta(
                "luat-10-2022-qh15",
                DocType::Luat,
                Some("10/2022/QH15"),
                "Luật thực hiện dân chủ ở cơ sở",
                Some("2022-11-10"),
            ),
            meta(
                "nghi-dinh-59-2023-nd-cp",
                DocType::NghiDinh,
                Some("59/2023/NĐ-CP"),
                "Quy định chi tiết",
                Some("2023-08-14"),
            ),
            meta("chi-thi-30-ct-ttg", DocType::ChiThi, Some("30/CT-TTg"), "a", Some("2021-11-26")),
            meta(
                "bo-luat-45-2019-qh14",
                DocType::BoLuat,
                Some("45/2019/QH14"),
                "Lao động",
                Some("2019-11-20"),
            ),
            meta(
                "bo-luat-10-2012-qh13",
                DocType::BoLuat,
                Some("10/2012/QH13"),
                "Bộ luật Lao động",
                Some("2012-06-18"),
            ),
            meta("hien-phap-2013", DocType::HienPhap, None, "Hiến pháp", Some("2013-11-28")),
            meta("hien-phap-1992", DocType::HienPhap, None, "Hiến pháp", Some("1992-04-15")),
            meta("quyet-dinh-217-qd-tw", DocType::QuyetDinh, Some("217-QĐ/TW"), "b", Some("2013-12-12")),
            meta(
                "luat-phong-chong-tac-hai",
                DocType::Luat,
                Some("09/2012/QH13"),
                "Luật Phòng, chống tác hại của thuốc lá",
                Some("2012-06-18"),
            ),
            yb,
            lc,
            qdi,
        ])
    }

    fn targets(text: &str, ctx: &Context) -> Vec<Option<String>> {
        let mut c = extract(text);
        resolve(&mut c, &catalog(), ctx);
        c.into_iter().map(|c| c.target).collect()
    }

    fn ids(v: &[Option<&str>]) -> Vec<Option<String>> {
        v.iter().map(|s| s.map(String::from)).collect()
    }

    #[test]
    fn by_number_and_type() {
        let none = Context::default();
        assert_eq!(
            targets("Nghị định số 59/2023/ND-CP và Chỉ thị số 30/CT-TTg", &none),
            ids(&[Some("nghi-dinh-59-2023-nd-cp"), Some("chi-thi-30-ct-ttg")])
        );
        // The Party 30-CT/TW is not the government 30/CT-TTg; unknown numbers stay unresolved.
        let mut c = extract("Chỉ thị số 30-CT/TW, ngày 18/02/1998 của Bộ Chính trị");
        resolve(&mut c, &catalog(), &none);
        assert_eq!(c[0].target, None);
        assert_eq!(c[0].number.as_deref(), Some("30-CT/TW"));
        assert_eq!(c[0].issuer.as_deref(), Some("Bộ Chính trị"));
    }

    #[test]
    fn provincial_party_numbers_need_a_province() {
        let text = "Nghị quyết số 66-NQ/TU của Ban Thường vụ Tỉnh ủy";
        assert_eq!(targets(text, &Context::default()), ids(&[None]));
        let yb = Context { province: Some("Yên Bái".into()), ..Context::default() };
        assert_eq!(targets(text, &yb), ids(&[Some("nghi-quyet-66-nq-tu-yen-bai")]));
        // The issuer names the province.
        let named = "Nghị quyết số 66-NQ/TU của Ban Thường vụ Tỉnh ủy Lào Cai";
        assert_eq!(targets(named, &yb), ids(&[Some("nghi-quyet-66-nq-tu-lao-cai")]));
    }

    #[test]
    fn qd_for_qdi_when_date_or_issuer_agree() {
        let none = Context::default();
        assert_eq!(
            targets("Quy định số 11-QĐ/TW, ngày 18/02/2019 của Bộ Chính trị", &none),
            ids(&[Some("quy-dinh-11-qdi-tw")])
        );
        assert_eq!(
            targets("Quy định số 11-QĐ/TW của Bộ Chính trị", &none),
            ids(&[Some("quy-dinh-11-qdi-tw")])
        );
        assert_eq!(targets("Quy định số 11-QĐ/TW, ngày 01/01/2020", &none), ids(&[None]));
        assert_eq!(targets("Quyết định số 11-QĐ/TW, ngày 18/02/2019", &none), ids(&[None]));
    }

    #[test]
    fn names_pick_the_version_in_force() {
        let none = Context::default();
        assert_eq!(
            targets("Luật Thực hiện dân chủ ở cơ sở năm 2022", &none),
            ids(&[Some("luat-10-2022-qh15")])
        );
        assert_eq!(targets("Bộ luật Lao động", &none), ids(&[Some("bo-luat-45-2019-qh14")]));
        let old = Context { date: "2016-01-01".parse().ok(), ..Context::default() };
        assert_eq!(targets("Bộ luật Lao động", &old), ids(&[Some("bo-luat-10-2012-qh13")]));
        assert_eq!(targets("Hiến pháp năm 1992", &none), ids(&[Some("hien-phap-1992")]));
        assert_eq!(targets("theo Hiến pháp.", &none), ids(&[Some("hien-phap-2013")]));
        // A name cut short by "của" still finds the one law it begins.
        assert_eq!(
            targets("Luật Phòng, chống tác hại của thuốc lá", &none),
            ids(&[Some("luat-phong-chong-tac-hai")])
        );
        assert_eq!(targets("Luật Đất đai", &none), ids(&[None]));
    }

    #[test]
    fn bare_central_party_numbers_and_self_references() {
        let none = Context::default();
        assert_eq!(
            targets("Quyết định số 217, 218 của Bộ Chính trị", &none),
            ids(&[Some("quyet-dinh-217-qd-tw"), None])
        );
        let me = Context { id: Some("ke-hoach-165".into()), ..Context::default() };
        assert_eq!(
            targets("thực hiện Kế hoạch này; khoản 2 Điều 5 của Luật này", &me),
            ids(&[Some("ke-hoach-165"), Some("ke-hoach-165")])
        );
        // Pinpoints into another document resolve to it.
        assert_eq!(
            targets("khoản 4 Điều 23; khoản 4 Điều 33 của Luật Thực hiện dân chủ ở cơ sở", &none),
            ids(&[Some("luat-10-2022-qh15"), Some("luat-10-2022-qh15")])
        );
    }
}
