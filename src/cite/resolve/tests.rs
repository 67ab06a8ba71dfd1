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
    let mut yb =
        meta("nghi-quyet-66-nq-tu-yen-bai", DocType::NghiQuyet, Some("66-NQ/TU"), "x", Some("2021-12-10"));
    yb.province = Some("Yên Bái".into());
    let mut lc =
        meta("nghi-quyet-66-nq-tu-lao-cai", DocType::NghiQuyet, Some("66-NQ/TU"), "y", Some("2020-05-05"));
    lc.province = Some("Lào Cai".into());
    let mut qdi = meta("quy-dinh-11-qdi-tw", DocType::QuyDinh, Some("11-QĐi/TW"), "z", Some("2019-02-18"));
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
        meta("bo-luat-45-2019-qh14", DocType::BoLuat, Some("45/2019/QH14"), "Lao động", Some("2019-11-20")),
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
    targets_in(text, &catalog(), ctx)
}

fn targets_in(text: &str, cat: &Catalog, ctx: &Context) -> Vec<Option<String>> {
    let mut c = crate::cite::extract_with(text, cat.lexicon());
    resolve(&mut c, cat, ctx);
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
    assert_eq!(targets("Quy định số 11-QĐ/TW của Bộ Chính trị", &none), ids(&[Some("quy-dinh-11-qdi-tw")]));
    assert_eq!(targets("Quy định số 11-QĐ/TW, ngày 01/01/2020", &none), ids(&[None]));
    assert_eq!(targets("Quyết định số 11-QĐ/TW, ngày 18/02/2019", &none), ids(&[None]));
}

#[test]
fn names_pick_the_version_in_force() {
    let none = Context::default();
    assert_eq!(targets("Luật Thực hiện dân chủ ở cơ sở năm 2022", &none), ids(&[Some("luat-10-2022-qh15")]));
    assert_eq!(targets("Bộ luật Lao động", &none), ids(&[Some("bo-luat-45-2019-qh14")]));
    let old = Context { date: "2016-01-01".parse().ok(), ..Context::default() };
    assert_eq!(targets("Bộ luật Lao động", &old), ids(&[Some("bo-luat-10-2012-qh13")]));
    assert_eq!(targets("Hiến pháp năm 1992", &none), ids(&[Some("hien-phap-1992")]));
    assert_eq!(targets("theo Hiến pháp.", &none), ids(&[Some("hien-phap-2013")]));
    // The whole name is read up to the longest title known, and resolves.
    assert_eq!(
        targets("Luật Phòng, chống tác hại của thuốc lá ngày 18 tháng 6 năm 2012", &none),
        ids(&[Some("luat-phong-chong-tac-hai")])
    );
    // A name nothing is titled is not guessed.
    assert_eq!(targets("Luật Đất đai", &none), ids(&[None]));
}

#[test]
fn a_base_law_inside_an_amending_title_is_the_version_enacted_by_then() {
    // The 2015 code was enacted in 2015 but in force only from 2018: a 2017 amendment of
    // "Bộ luật Hình sự" amends it, not the 1999 code still in force then.
    let c = criminal_codes();
    let cites = |text: &str| targets_in(text, &c, &Context::default());
    assert_eq!(
        cites("Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 20 tháng 6 năm 2017"),
        ids(&[None, Some("bo-luat-100-2015-qh13")])
    );
    // A name written alone at that date may mean the version in force then or the one
    // signed and waiting: uncertain, both offered (see `a_bare_name_between_a_new_versions_
    // signing_and_entry_into_force_is_uncertain`).
    let then = Context { date: "2017-06-20".parse().ok(), ..Context::default() };
    assert_eq!(targets_in("Bộ luật Hình sự", &c, &then), ids(&[None]));
    // Every version held is later than the amending law: the one amended is not held.
    assert_eq!(
        cites("Luật sửa đổi, bổ sung một số điều của Bộ luật Lao động ngày 20 tháng 6 năm 2010"),
        ids(&[None, None])
    );
}

#[test]
fn a_bare_name_after_the_same_name_with_its_date_is_that_version() {
    let none = Context::default();
    assert_eq!(
        targets("Bộ luật Lao động năm 2012 quy định …; theo Điều 5 Bộ luật Lao động thì", &none),
        ids(&[Some("bo-luat-10-2012-qh13"), Some("bo-luat-10-2012-qh13")])
    );
    // The dated version is not held: the bare name does not become another version.
    assert_eq!(
        targets("Bộ luật Lao động ngày 1 tháng 7 năm 2030; Điều 5 Bộ luật Lao động", &none),
        ids(&[None, None])
    );
    // Without a dated mention, the version in force.
    assert_eq!(targets("Điều 5 Bộ luật Lao động", &none), ids(&[Some("bo-luat-45-2019-qh14")]));
    // A bare mention before the dated one (a plan's title, then its basis): that version too.
    assert_eq!(
        targets("Triển khai Bộ luật Lao động. Căn cứ Bộ luật Lao động năm 2012;", &none),
        ids(&[Some("bo-luat-10-2012-qh13"), Some("bo-luat-10-2012-qh13")])
    );
    assert_eq!(
        targets("Triển khai Bộ luật Lao động. Căn cứ Bộ luật Lao động ngày 1 tháng 7 năm 2030;", &none),
        ids(&[None, None])
    );
}

/// Probe 13: in a text of known date, a version named with its year to set it apart ("so với
/// … năm 2012") does not make the bare name that old version when a newer one is in force
/// then (a false "hết hiệu lực" followed); without the text's date, or when the version named
/// is the newer, the bare name is the version named.
#[test]
fn a_bare_name_beside_an_older_version_named_is_the_one_in_force_at_a_known_date() {
    let at = |d: &str| Context { date: Some(d.parse().unwrap()), ..Context::default() };
    // (text, date, targets)
    type Row<'a> = (&'a str, Option<&'a str>, &'a [Option<&'a str>]);
    let rows: &[Row] = &[
        (
            "Triển khai Bộ luật Lao động; so với Bộ luật Lao động năm 2012 thì",
            Some("2025-03-10"),
            &[Some("bo-luat-45-2019-qh14"), Some("bo-luat-10-2012-qh13")],
        ),
        (
            "Bộ luật Lao động năm 2012 đã hết hiệu lực. Triển khai Bộ luật Lao động",
            Some("2025-03-10"),
            &[Some("bo-luat-10-2012-qh13"), Some("bo-luat-45-2019-qh14")],
        ),
        (
            "Triển khai Bộ luật Lao động; so với Bộ luật Lao động năm 2012 thì",
            None,
            &[Some("bo-luat-10-2012-qh13"), Some("bo-luat-10-2012-qh13")],
        ),
        // At a date before the newer version is in force, the newer one named is meant.
        (
            "Bộ luật Lao động năm 2019 có hiệu lực từ năm 2021; Điều 5 Bộ luật Lao động",
            Some("2020-03-10"),
            &[Some("bo-luat-45-2019-qh14"), Some("bo-luat-45-2019-qh14")],
        ),
    ];
    for (text, date, want) in rows {
        let ctx = date.map_or_else(Context::default, at);
        assert_eq!(targets(text, &ctx), ids(want), "{text} at {date:?}");
    }
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

fn resolutions(text: &str, ctx: &Context) -> Vec<(Option<String>, Option<Confidence>, Vec<String>)> {
    let mut c = extract(text);
    resolve(&mut c, &catalog(), ctx);
    c.into_iter().map(|c| (c.target, c.confidence, c.candidates)).collect()
}

#[test]
fn never_silently_wrong() {
    let none = Context::default();
    // A number: exact.
    assert_eq!(
        resolutions("Nghị định số 59/2023/NĐ-CP", &none),
        [(Some("nghi-dinh-59-2023-nd-cp".into()), Some(Confidence::Exact), vec![])]
    );
    // A whole name: by name.
    assert_eq!(
        resolutions("Luật Thực hiện dân chủ ở cơ sở", &none),
        [(Some("luat-10-2022-qh15".into()), Some(Confidence::Name), vec![])]
    );
    // A name that only begins a title is no match: candidates, no target.
    assert_eq!(
        resolutions("theo Luật Phòng, chống tác hại.", &none),
        [(None, Some(Confidence::Ambiguous), vec!["luat-phong-chong-tac-hai".to_string()])]
    );
    // The only document of that name was signed on another date: another document (an
    // amending law, a different version) — doubted, not linked.
    assert_eq!(
        resolutions("Luật Thực hiện dân chủ ở cơ sở ngày 22 tháng 11 năm 2019", &none),
        [(None, Some(Confidence::Ambiguous), vec!["luat-10-2022-qh15".to_string()])]
    );
    // …while the date it was signed confirms it.
    assert_eq!(
        resolutions("Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022", &none)[0].1,
        Some(Confidence::Name)
    );
    // A provincial Party number without a province: both candidates.
    let r = resolutions("Nghị quyết số 66-NQ/TU của Ban Thường vụ Tỉnh ủy", &none);
    assert_eq!(r[0].1, Some(Confidence::Ambiguous));
    assert_eq!(r[0].2.len(), 2);
    // Nothing fits: no confidence at all.
    assert_eq!(resolutions("Nghị định số 1/2001/NĐ-CP", &none), [(None, None, vec![])]);
}

#[test]
fn serials_need_year_and_type_to_be_exact() {
    let c = catalog();
    let none = Context::default();
    let w = Wanted {
        doc_type: Some(DocType::NghiDinh),
        serial: Some("59"),
        year: Some(2023),
        ..Wanted::default()
    };
    assert_eq!(resolve_wanted(&w, &c, &none).target.as_deref(), Some("nghi-dinh-59-2023-nd-cp"));
    let w = Wanted { doc_type: Some(DocType::NghiDinh), serial: Some("59"), ..Wanted::default() };
    let r = resolve_wanted(&w, &c, &none);
    assert_eq!(
        (r.target, r.confidence, r.candidates),
        (None, Some(Confidence::Ambiguous), vec!["nghi-dinh-59-2023-nd-cp".to_string()])
    );
}

#[test]
fn numbers_without_a_symbol_and_documents_named_by_their_body() {
    let c = catalog();
    let none = Context::default();
    // "NĐ 145/2020"-style: serial and year, as read by the citation reader.
    let w = Wanted { doc_type: Some(DocType::NghiDinh), number: Some("59/2023"), ..Wanted::default() };
    assert_eq!(resolve_wanted(&w, &c, &none).target.as_deref(), Some("nghi-dinh-59-2023-nd-cp"));
    // A bare serial of a type: candidates only.
    let w = Wanted { doc_type: Some(DocType::NghiDinh), number: Some("59"), ..Wanted::default() };
    let r = resolve_wanted(&w, &c, &none);
    assert_eq!((r.target, r.candidates), (None, vec!["nghi-dinh-59-2023-nd-cp".to_string()]));
    // A bare serial with an issuer: only that issuer's documents are candidates.
    let w = Wanted {
        doc_type: Some(DocType::NghiDinh),
        number: Some("59"),
        issuer: Some("Bộ Chính trị"),
        ..Wanted::default()
    };
    assert_eq!(resolve_wanted(&w, &c, &none), Resolution::default());
    // Type and issuer alone: candidates, never a target.
    let w =
        Wanted { doc_type: Some(DocType::QuyDinh), issuer: Some("Bộ Chính trị"), ..Wanted::default() };
    let r = resolve_wanted(&w, &c, &none);
    assert_eq!((r.target, r.confidence), (None, Some(Confidence::Ambiguous)));
    assert_eq!(r.candidates, ["quy-dinh-11-qdi-tw"]);
}

/// Probe 13: a number written without its symbol and the issuer written after it: the one
/// document of that type, serial and year the issuer names, as a number written short.
#[test]
fn a_serial_and_year_with_the_issuer_written() {
    let circular = |id: &str, number: &str, issuer: &str| {
        let mut m = meta(id, DocType::ThongTu, Some(number), "Thông tư mẫu", Some("2019-01-10"));
        m.issuer = Some(issuer.into());
        m
    };
    let cat = Catalog::new([
        circular("thong-tu-01-2019-tt-bldtbxh", "01/2019/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        circular("thong-tu-01-2019-tt-bct", "01/2019/TT-BCT", "Bộ Công Thương"),
    ]);
    // (text, target, confidence)
    let rows = [
        (
            "Thông tư số 01/2019 của Bộ Lao động, Thương binh và Xã hội",
            Some("thong-tu-01-2019-tt-bldtbxh"),
            Some(Confidence::Variant),
        ),
        (
            "Thông tư số 01/2019 của Bộ Công Thương",
            Some("thong-tu-01-2019-tt-bct"),
            Some(Confidence::Variant),
        ),
        ("Thông tư số 01/2019 của Bộ Y tế", None, Some(Confidence::Ambiguous)),
        ("Thông tư số 01/2019", None, Some(Confidence::Ambiguous)),
    ];
    for (text, target, confidence) in rows {
        let mut c = extract(text);
        resolve(&mut c, &cat, &Context::default());
        assert_eq!((c[0].target.as_deref(), c[0].confidence), (target, confidence), "{text}");
    }
}

#[test]
fn a_bare_serial_offers_the_held_documents_first() {
    let held = Catalog::new([meta(
        "nghi-dinh-145-2020-nd-cp",
        DocType::NghiDinh,
        Some("145/2020/NĐ-CP"),
        "Nghị định mẫu",
        Some("2020-12-14"),
    )]);
    let cited = crate::catalog::CitedTally::default();
    let mut cited = cited;
    for t in ["Nghị định số 145/2013/NĐ-CP", "Nghị định số 145/2018/NĐ-CP"] {
        cited.add(&extract(t)[0], "luat-x");
    }
    let cat = held.with_cited(&cited.finish());
    // (serial, year, candidates): the held one only while one fits; the cited ones otherwise.
    let table: [(&str, Option<u16>, &[&str]); 3] = [
        ("145", None, &["nghi-dinh-145-2020-nd-cp"]),
        ("145", Some(2013), &["nghi-dinh-145-2013-nd-cp"]),
        ("145", Some(2020), &["nghi-dinh-145-2020-nd-cp"]),
    ];
    for (serial, year, want) in table {
        let w =
            Wanted { doc_type: Some(DocType::NghiDinh), serial: Some(serial), year, ..Default::default() };
        let r = resolve_wanted(&w, &cat, &Context::default());
        let got: Vec<&str> = r.target.iter().chain(&r.candidates).map(String::as_str).collect();
        assert_eq!(got, want, "{serial} {year:?}");
    }
    // By number as people type it: "nghị định 145".
    let w = Wanted { doc_type: Some(DocType::NghiDinh), number: Some("145"), ..Default::default() };
    assert_eq!(resolve_wanted(&w, &cat, &Context::default()).candidates, ["nghi-dinh-145-2020-nd-cp"]);
}

#[test]
fn a_base_law_inside_an_amending_title_is_the_version_amended_then() {
    let cat = Catalog::new([
        meta(
            "luat-80-2015-qh13",
            DocType::Luat,
            Some("80/2015/QH13"),
            "Luật Ban hành văn bản mẫu",
            Some("2015-06-22"),
        ),
        meta(
            "luat-64-2025-qh15",
            DocType::Luat,
            Some("64/2025/QH15"),
            "Luật Ban hành văn bản mẫu",
            Some("2025-02-19"),
        ),
    ]);
    // (text, target of the base law named inside)
    let table = [
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản mẫu ngày 18 tháng 6 năm 2020",
            "luat-80-2015-qh13",
        ),
        (
            "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản mẫu ngày 18 tháng 6 năm 2026",
            "luat-64-2025-qh15",
        ),
        // By number, without a date: the year in the number.
        (
            "Luật số 63/2020/QH14 sửa đổi, bổ sung một số điều của Luật Ban hành văn bản mẫu",
            "luat-80-2015-qh13",
        ),
    ];
    for (text, want) in table {
        let mut cites = extract(text);
        resolve(&mut cites, &cat, &Context::default());
        let inside = cites.iter().find(|c| c.within.is_some()).unwrap_or_else(|| panic!("{cites:#?}"));
        assert_eq!(inside.target.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn amending_laws_by_title_and_date() {
    let amending = |id: &str, signed: &str| {
        meta(
            id,
            DocType::Luat,
            None,
            "Luật Sửa đổi, bổ sung một số điều của Bộ luật Hình sự số 100/2015/QH13",
            Some(signed),
        )
    };
    let one = Catalog::new([amending("luat-12-2017-qh14", "2017-06-20")]);
    let rows = [
        // The title written without the base law's number, and the date it was signed: by name.
        (
            "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 20 tháng 6 năm 2017",
            Some("luat-12-2017-qh14"),
            Some(Confidence::Name),
        ),
        // Another date: another amending law, not this one.
        (
            "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 21 tháng 6 năm 2017",
            None,
            Some(Confidence::Ambiguous),
        ),
        // No date: which amendment is not known.
        ("Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự;", None, Some(Confidence::Ambiguous)),
    ];
    for (text, target, confidence) in rows {
        let mut c = extract(text);
        resolve(&mut c, &one, &Context::default());
        assert_eq!((c[0].target.as_deref(), c[0].confidence), (target, confidence), "{text}");
    }
    // Two amending laws of that title signed the same day: neither is chosen.
    let two = Catalog::new([amending("a", "2017-06-20"), amending("b", "2017-06-20")]);
    let mut c = extract("Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự ngày 20 tháng 6 năm 2017");
    resolve(&mut c, &two, &Context::default());
    assert_eq!((c[0].target.as_deref(), c[0].confidence), (None, Some(Confidence::Ambiguous)));
}

/// Probe 13: two amending laws of one title are two acts, not versions: without a date, a
/// year or a number neither is chosen (the newest was, with no warning).
#[test]
fn amending_laws_sharing_a_title_are_not_versions() {
    let title = "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu";
    let cat = Catalog::new([
        meta("luat-65-2020-qh14", DocType::Luat, Some("65/2020/QH14"), title, Some("2020-11-19")),
        meta("luat-62-2025-qh15", DocType::Luat, Some("62/2025/QH15"), title, Some("2025-06-24")),
    ]);
    let at = Context { date: Some("2025-09-01".parse().unwrap()), ..Context::default() };
    // (text, target, candidates)
    let rows: &[(&str, Option<&str>, &[&str])] = &[
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu;",
            None,
            &["luat-62-2025-qh15", "luat-65-2020-qh14"],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu năm 2020;",
            Some("luat-65-2020-qh14"),
            &[],
        ),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu ngày 24 tháng 6 năm 2025;",
            Some("luat-62-2025-qh15"),
            &[],
        ),
    ];
    for (text, target, cands) in rows {
        let mut c = extract(text);
        resolve(&mut c, &cat, &at);
        let got: Vec<&str> = c[0].candidates.iter().map(String::as_str).collect();
        assert_eq!((c[0].target.as_deref(), got.as_slice()), (*target, *cands), "{text}");
    }
    // Probe 16: one held amending law of a title is no surer without a date, a year or a
    // number (others of the title may not be held); with its year it is chosen.
    let one = Catalog::new([meta(
        "luat-65-2020-qh14",
        DocType::Luat,
        Some("65/2020/QH14"),
        title,
        Some("2020-11-19"),
    )]);
    for (text, target) in [
        ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu;", None),
        (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu năm 2020;",
            Some("luat-65-2020-qh14"),
        ),
    ] {
        let mut c = extract(text);
        resolve(&mut c, &one, &at);
        assert_eq!(c[0].target.as_deref(), target, "{text}");
        assert_eq!(c[0].candidates.is_empty(), target.is_some(), "{text}");
    }
    // Probe 18: in a text older than every amending law of the title held, none is a
    // candidate (the one cited is not held); in a text between them, only the earlier one.
    for (date, cands) in [("2013-08-15", vec![]), ("2022-01-01", vec!["luat-65-2020-qh14"])] {
        let then = Context { date: Some(date.parse().unwrap()), ..Context::default() };
        let mut c = extract("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức mẫu;");
        resolve(&mut c, &cat, &then);
        let got: Vec<&str> = c[0].candidates.iter().map(String::as_str).collect();
        assert_eq!((c[0].target.as_deref(), got), (None, cands), "at {date}");
    }
}

#[test]
fn a_bare_serial_lists_the_newest_and_counts_them_all() {
    // Ten decrees numbered 59, 2011–2020: more than MAX_CANDIDATES.
    let c = Catalog::new((2011..=2020).map(|y| {
        let n = format!("59/{y}/NĐ-CP");
        meta(
            &format!("nghi-dinh-59-{y}-nd-cp"),
            DocType::NghiDinh,
            Some(&n),
            "x",
            Some(&format!("{y}-03-01")),
        )
    }));
    let w = Wanted { doc_type: Some(DocType::NghiDinh), number: Some("59"), ..Wanted::default() };
    let r = resolve_wanted(&w, &c, &Context::default());
    assert_eq!((r.target.as_deref(), r.confidence, r.matched), (None, Some(Confidence::Ambiguous), 10));
    assert_eq!(r.candidates.len(), MAX_CANDIDATES);
    assert_eq!(r.candidates[0], "nghi-dinh-59-2020-nd-cp", "newest first");
    assert_eq!(r.candidates[7], "nghi-dinh-59-2013-nd-cp");
    // The notice says how many fit, not how many are listed.
    let found = crate::cite::lookup(&c, "nghị định 59").expect("a reference");
    let notice = found.ambiguity_vi(|d: &str| d.to_string());
    assert!(notice.contains("có 10 văn bản phù hợp"), "{notice}");
    assert!(notice.contains("và 2 văn bản khác"), "{notice}");
    assert!(
        notice.starts_with("Dẫn chiếu chưa rõ, có 10 văn bản phù hợp, trong đó: nghi-dinh-59-2020-nd-cp;"),
        "{notice}"
    );
}

#[test]
fn laws_by_their_usual_abbreviation() {
    let c = Catalog::new([
        meta(
            "luat-58-2014-qh13",
            DocType::Luat,
            Some("58/2014/QH13"),
            "Luật Bảo hiểm xã hội",
            Some("2014-11-20"),
        ),
        meta(
            "luat-52-2014-qh13",
            DocType::Luat,
            Some("52/2014/QH13"),
            "Luật Hôn nhân và gia đình",
            Some("2014-06-19"),
        ),
        meta(
            "bo-luat-45-2019-qh14",
            DocType::BoLuat,
            Some("45/2019/QH14"),
            "Bộ luật Lao động",
            Some("2019-11-20"),
        ),
    ]);
    // (query, document, article, clause)
    let rows = [
        ("Luật BHXH Điều 54", "luat-58-2014-qh13", Some("54"), None),
        ("điều 51 luật hngđ", "luat-52-2014-qh13", Some("51"), None),
        // A clause written in full beside an article in short (regression: the clause was lost).
        ("khoản 2 Đ5 BLLĐ", "bo-luat-45-2019-qh14", Some("5"), Some("2")),
    ];
    for (q, id, article, clause) in rows {
        let found = crate::cite::lookup(&c, q).unwrap_or_else(|| panic!("{q}: nothing"));
        assert_eq!(found.document(), Some(id), "{q}");
        assert_eq!((found.article.as_deref(), found.clause.as_deref()), (article, clause), "{q}");
    }
    // In running text too.
    let mut cites = extract("theo quy định tại khoản 1 Điều 54 Luật BHXH");
    resolve(&mut cites, &c, &Context::default());
    assert_eq!(cites[0].target.as_deref(), Some("luat-58-2014-qh13"));
    // The abbreviation alone, outside a reference, names no law ("mức đóng BHXH").
    assert!(crate::cite::lookup(&c, "mức đóng BHXH").is_none());
}

/// A record known only by a citation that miswrote a held version's number (same serial,
/// same symbol or year) is no version of the name: the held law answers for it (probe 8: the
/// budget law went to "83/2016/QH13", a stub from one circular's typo). A version known only by
/// citation with a number of its own still counts.
#[test]
fn a_miswritten_number_is_no_version_of_the_name() {
    let held = Catalog::new([
        meta(
            "luat-83-2015-qh13",
            DocType::Luat,
            Some("83/2015/QH13"),
            "Luật Ngân sách nhà nước",
            Some("2015-06-25"),
        ),
        meta(
            "luat-04-2007-qh12",
            DocType::Luat,
            Some("04/2007/QH12"),
            "Luật Thuế thu nhập cá nhân",
            Some("2007-11-21"),
        ),
    ]);
    let mut cited = crate::catalog::CitedTally::default();
    for t in [
        "Luật Ngân sách nhà nước số 83/2016/QH13",
        "Luật Thuế thu nhập cá nhân số 04/2007/QH11",
        "Luật Thuế thu nhập cá nhân số 26/2012/QH13",
    ] {
        cited.add(&extract(t)[0], "thong-tu-x");
    }
    let cat = held.with_cited(&cited.finish());
    let at = Context { date: Some("2025-03-05".parse().unwrap()), ..Context::default() };
    // (name, target)
    for (name, want) in
        [("Ngân sách nhà nước", "luat-83-2015-qh13"), ("Thuế thu nhập cá nhân", "luat-26-2012-qh13")]
    {
        let w = Wanted { doc_type: Some(DocType::Luat), name: Some(name), ..Default::default() };
        let r = resolve_wanted(&w, &cat, &at);
        assert_eq!(r.target.as_deref(), Some(want), "{name}: {r:?}");
        assert!(!r.others.iter().any(|o| o == "luat-83-2016-qh13" || o == "luat-04-2007-qh11"), "{r:?}");
    }
    // Its number still finds it.
    let w = Wanted { doc_type: Some(DocType::Luat), number: Some("83/2016/QH13"), ..Default::default() };
    assert_eq!(resolve_wanted(&w, &cat, &at).target.as_deref(), Some("luat-83-2016-qh13"));
}

/// Probe 16: a name cited with a year no held version has, while a law of that year is known
/// only by a citation without its name, offers that law first and chooses none; a law of
/// another year, or one whose name is known, is not offered.
#[test]
fn an_unnamed_law_of_the_year_cited_is_a_candidate() {
    let held = Catalog::new([meta(
        "luat-45-2013-qh13",
        DocType::Luat,
        Some("45/2013/QH13"),
        "Luật Đất đai",
        Some("2013-11-29"),
    )]);
    let mut cited = crate::catalog::CitedTally::default();
    for t in [
        "theo Luật số 31/2024/QH15",
        "theo Luật số 16/2023/QH15",
        "Luật Điện lực số 61/2024/QH15",
        "theo Luật số 20/2010/QH12",
    ] {
        cited.add(&extract(t)[0], "thong-tu-y");
    }
    let cat = held.with_cited(&cited.finish());
    let none = Context::default();
    let ask = |text: &str| {
        let mut c = crate::cite::extract_with(text, cat.lexicon());
        resolve(&mut c, &cat, &none);
        (c[0].target.clone(), c[0].candidates.clone())
    };
    // (text, candidates)
    for (text, want) in [
        ("khoản 2 Điều 9 Luật Đất đai năm 2024 quy định", vec!["luat-31-2024-qh15", "luat-45-2013-qh13"]),
        ("theo Luật Đất đai 2024;", vec!["luat-31-2024-qh15", "luat-45-2013-qh13"]),
        ("theo Luật Đất đai 2023;", vec!["luat-16-2023-qh15", "luat-45-2013-qh13"]),
        ("theo Luật Đất đai 2021;", vec!["luat-45-2013-qh13"]),
        // A year before every version held offers no unnamed law of that year.
        ("theo Luật Đất đai 2010;", vec!["luat-45-2013-qh13"]),
    ] {
        let (target, cands) = ask(text);
        assert_eq!(target, None, "{text}");
        assert_eq!(cands, want, "{text}");
    }
    // The year of a held version chooses it.
    assert_eq!(ask("theo Luật Đất đai năm 2013;").0.as_deref(), Some("luat-45-2013-qh13"));
    // The notice still says that the year may be the work's, and that an unnamed law of that
    // year may be the one cited: uncertain, not a version not held.
    let (_, cands) = ask("theo Luật Đất đai 2024;");
    let missing =
        version_missing(Some(DocType::Luat), Some(2024), None, cands.iter().map(|c| cat.get(c))).unwrap();
    assert_eq!(missing, VersionMissing::YearAfter { year: 2024, then: 1, unnamed: true });
    assert!(!missing.not_held());
    let labels: Vec<String> = cands.clone();
    assert!(missing.vi(&labels).contains("chỉ biết qua trích dẫn, chưa rõ tên"), "{}", missing.vi(&labels));
}

/// Probe 17: an amending law cited by a title no record holds, with its date or year, offers
/// the laws of that year known only by a number, never one chosen (it was not held, the
/// amending law known by its number never offered); without date or year, none.
#[test]
fn an_amending_title_not_held_offers_the_unnamed_laws_of_its_year() {
    let held = Catalog::new([meta(
        "luat-67-2014-qh13",
        DocType::Luat,
        Some("67/2014/QH13"),
        "Luật Đầu tư",
        Some("2014-11-26"),
    )]);
    let mut cited = crate::catalog::CitedTally::default();
    for t in ["theo Luật số 03/2016/QH14", "theo Luật số 20/2015/QH13"] {
        cited.add(&extract(t)[0], "thong-tu-y");
    }
    let cat = held.with_cited(&cited.finish());
    let ask = |text: &str| {
        let mut c = crate::cite::extract_with(text, cat.lexicon());
        resolve(&mut c, &cat, &Context::default());
        (c[0].target.clone(), c[0].candidates.clone())
    };
    // (text, candidates)
    for (text, want) in [
        (
            "Căn cứ Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 của Luật Đầu tư ngày 22 tháng 11 năm 2016;",
            vec!["luat-03-2016-qh14"],
        ),
        ("theo Luật sửa đổi, bổ sung một số điều của Luật Đầu tư năm 2016;", vec!["luat-03-2016-qh14"]),
        ("theo Luật sửa đổi, bổ sung một số điều của Luật Đầu tư năm 2019;", vec![]),
    ] {
        let (target, cands) = ask(text);
        assert_eq!(target, None, "{text}");
        assert_eq!(cands, want, "{text}");
    }
}

/// Documents whose numbers citations write otherwise (real numbers and dates).
fn variants() -> Catalog {
    let m = |id, t, n, signed| {
        let mut m = meta(id, t, Some(n), "x", Some(signed));
        m.issuer = (t == DocType::NghiDinh).then(|| "Chính phủ".to_string());
        m
    };
    Catalog::new([
        m("nghi-dinh-04-2015-nd-cp", DocType::NghiDinh, "04/2015/NĐ-CP", "2015-01-09"),
        m("nghi-dinh-04-2011-nd-cp", DocType::NghiDinh, "04/2011/NĐ-CP", "2011-01-14"),
        m("thong-tu-08-2011-tt-bldtbxh", DocType::ThongTu, "08/2011/TT-BLĐTBXH", "2011-04-22"),
        m(
            "thong-tu-lien-tich-02-2013-ttlt-bnv-bldtbxh-btc-byt",
            DocType::ThongTuLienTich,
            "02/2013/TTLT-BNV-BLĐTBXH-BTC-BYT",
            "2013-07-09",
        ),
        m("chi-thi-30-ct-tw", DocType::ChiThi, "30-CT/TW", "1998-02-18"),
        m("chi-thi-30-ct-ttg", DocType::ChiThi, "30/CT-TTg", "2021-11-26"),
        m("nghi-dinh-145-2020-nd-cp", DocType::NghiDinh, "145/2020/NĐ-CP", "2020-12-14"),
        m("quy-dinh-124-qd-tw", DocType::QuyDinh, "124-QĐ/TW", "2018-02-02"),
        m("quyet-dinh-217-qd-tw", DocType::QuyetDinh, "217-QĐ/TW", "2013-12-12"),
        m("nghi-dinh-59-2023-nd-cp", DocType::NghiDinh, "59/2023/NĐ-CP", "2023-08-14"),
        m("nghi-dinh-59-2021-nd-cp", DocType::NghiDinh, "59/2021/NĐ-CP", "2021-06-18"),
        m("luat-15-2003-qh11", DocType::Luat, "15/2003/QH11", "2003-11-26"),
    ])
}

/// A number written otherwise than the document's resolves to the one document it can only
/// be, as a variant — never to one whose date contradicts the date written, and a number cut
/// short only by the date (or year) that names one document.
#[test]
fn numbers_written_otherwise() {
    use Confidence::{Ambiguous, Variant};
    let cat = variants();
    let none = Context::default();
    type Row<'a> = (&'a str, Option<&'a str>, Option<Confidence>, &'a [&'a str]);
    let rows: &[Row<'_>] = &[
        // A leading zero left out.
        (
            "Căn cứ Nghị định số 4/2015/NĐ-CP của Chính phủ;",
            Some("nghi-dinh-04-2015-nd-cp"),
            Some(Variant),
            &[],
        ),
        // …whose date contradicts: offered, not chosen.
        (
            "Căn cứ Nghị định số 4/2015/NĐ-CP ngày 20/3/2015;",
            None,
            Some(Ambiguous),
            &["nghi-dinh-04-2015-nd-cp"],
        ),
        // A dash inside the ministry's code.
        (
            "theo Thông tư 08/2011/TT-BLĐ-TBXH về thang máy",
            Some("thong-tu-08-2011-tt-bldtbxh"),
            Some(Variant),
            &[],
        ),
        // The bodies of a joint circular in another order.
        (
            "Thông tư liên tịch số 02/2013/TTLT-BLĐTBXH-BNV-BTC-BYT ngày 09/7/2013 hướng dẫn",
            Some("thong-tu-lien-tich-02-2013-ttlt-bnv-bldtbxh-btc-byt"),
            Some(Variant),
            &[],
        ),
        // A Party number written in the state shape; the government's 30/CT-TTg is not it.
        ("quán triệt Chỉ thị 30/CT-TW ngày 18/2/1998", Some("chi-thi-30-ct-tw"), Some(Variant), &[]),
        ("quán triệt Chỉ thị 30/CT-TW ngày 18/2/1999", None, Some(Ambiguous), &["chi-thi-30-ct-tw"]),
        // The year left out: the date names the decree…
        (
            "Nghị định số 145/NĐ-CP ngày 14/12/2020 của Chính phủ",
            Some("nghi-dinh-145-2020-nd-cp"),
            Some(Variant),
            &[],
        ),
        // …or not: candidates only, for a date of another day or no date at all.
        ("Nghị định số 145/NĐ-CP ngày 15/12/2020", None, Some(Ambiguous), &["nghi-dinh-145-2020-nd-cp"]),
        ("Nghị định số 145/NĐ-CP của Chính phủ", None, Some(Ambiguous), &["nghi-dinh-145-2020-nd-cp"]),
        (
            "Nghị định số 4/NĐ-CP về việc này",
            None,
            Some(Ambiguous),
            &["nghi-dinh-04-2015-nd-cp", "nghi-dinh-04-2011-nd-cp"],
        ),
        ("Nghị định số 4/NĐ-CP ngày 14/01/2011", Some("nghi-dinh-04-2011-nd-cp"), Some(Variant), &[]),
        // A type word the symbol "QĐ" does not settle, both ways.
        (
            "Quyết định số 124-QĐ/TW ngày 02/02/2018 của Ban Bí thư",
            Some("quy-dinh-124-qd-tw"),
            Some(Variant),
            &[],
        ),
        (
            "Quy định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
            Some("quyet-dinh-217-qd-tw"),
            Some(Variant),
            &[],
        ),
        ("Quyết định số 124-QĐ/TW ngày 02/02/2019", None, Some(Ambiguous), &["quy-dinh-124-qd-tw"]),
        // The National Assembly's laws and resolutions share their numbers: a Nghị quyết of a
        // law's number is another document, whatever its date.
        ("Nghị quyết số 15/2003/QH11 ngày 26/11/2003", None, None, &[]),
        // A bare serial: the date (or year) written names one decree.
        ("Nghị định số 59 ngày 14/8/2023 của Chính phủ", Some("nghi-dinh-59-2023-nd-cp"), Some(Variant), &[]),
        (
            "Nghị định số 59 ngày 15/8/2023 của Chính phủ",
            None,
            Some(Ambiguous),
            &["nghi-dinh-59-2023-nd-cp", "nghi-dinh-59-2021-nd-cp"],
        ),
        ("Nghị định 59 năm 2023 của Chính phủ", Some("nghi-dinh-59-2023-nd-cp"), Some(Variant), &[]),
        // A number as written stays exact.
        ("Nghị định số 04/2015/NĐ-CP", Some("nghi-dinh-04-2015-nd-cp"), Some(Confidence::Exact), &[]),
        // Another serial, year or body is another number: nothing.
        ("Nghị định số 5/2015/NĐ-CP", None, None, &[]),
        ("Thông tư 08/2011/TT-BTC", None, None, &[]),
    ];
    // A provincial Party number in the state shape is scoped by province like the number.
    let text = "Nghị quyết số 66/NQ-TU của Ban Thường vụ Tỉnh ủy";
    assert_eq!(targets(text, &none), ids(&[None]));
    let yb = Context { province: Some("Yên Bái".into()), ..Context::default() };
    assert_eq!(targets(text, &yb), ids(&[Some("nghi-quyet-66-nq-tu-yen-bai")]));
    for (text, target, confidence, cands) in rows {
        let mut c = crate::cite::extract_with(text, cat.lexicon());
        resolve(&mut c, &cat, &none);
        let got: Vec<_> =
            c.iter().map(|c| (c.target.as_deref(), c.confidence, c.candidates.clone())).collect();
        let want: Vec<String> = cands.iter().map(|s| s.to_string()).collect();
        assert_eq!(got, [(*target, *confidence, want)], "{text}");
    }
}

/// The Party numbers its central documents anew in every congress term: "Nghị quyết số
/// 27-NQ/TW" of 2018 (XIIth term) and of 2022 (XIIIth) are two documents. A citation's
/// date, year or issuer ("… khóa XIII") names the term; a document of another term is never
/// the one cited, and without a term two documents of one number are candidates.
#[test]
fn central_party_numbers_are_scoped_by_term() {
    use crate::catalog::CitedDocument;
    use Confidence::{Ambiguous, Exact};
    let held = || {
        Catalog::new([meta(
            "nghi-quyet-27-nq-tw",
            DocType::NghiQuyet,
            Some("27-NQ/TW"),
            "Nghị quyết về cải cách chính sách tiền lương",
            Some("2018-05-21"),
        )])
    };
    let cited = CitedDocument {
        id: "nghi-quyet-27-nq-tw-khoa-xiii".into(),
        number: "27-NQ/TW".into(),
        doc_type: DocType::NghiQuyet,
        signed: "2022-11-09".parse().ok(),
        issuer: Some("Ban Chấp hành Trung ương".into()),
        name: None,
        citations: 2,
        first_cited_by: "x".into(),
    };
    let both = held().with_cited(std::slice::from_ref(&cited));
    assert!(
        both.get("nghi-quyet-27-nq-tw-khoa-xiii").is_some(),
        "a held number of another term is no reason to skip"
    );
    let none = Context::default();
    type Row<'a> = (&'a str, Option<&'a str>, Option<Confidence>, usize);
    let rows: &[Row<'_>] = &[
        (
            "theo Nghị quyết số 27-NQ/TW ngày 21/5/2018 của Ban Chấp hành Trung ương",
            Some("nghi-quyet-27-nq-tw"),
            Some(Exact),
            0,
        ),
        (
            "theo Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương",
            Some("nghi-quyet-27-nq-tw-khoa-xiii"),
            Some(Exact),
            0,
        ),
        (
            "Nghị quyết số 27-NQ/TW của Ban Chấp hành Trung ương khóa XIII về mẫu",
            Some("nghi-quyet-27-nq-tw-khoa-xiii"),
            Some(Exact),
            0,
        ),
        ("Nghị quyết số 27-NQ/TW năm 2019 về mẫu", Some("nghi-quyet-27-nq-tw"), Some(Exact), 0),
        ("quán triệt Nghị quyết số 27-NQ/TW về mẫu", None, Some(Ambiguous), 2),
    ];
    for (text, target, conf, cands) in rows {
        let mut c = crate::cite::extract_with(text, both.lexicon());
        resolve(&mut c, &both, &none);
        assert_eq!(
            (c[0].target.as_deref(), c[0].confidence, c[0].candidates.len()),
            (*target, *conf, *cands),
            "{text}"
        );
    }
    // Undated in a text of 2020: the resolution of 2022 is not yet signed.
    let in_2020 = Context { date: "2020-06-01".parse().ok(), ..Context::default() };
    let mut c = crate::cite::extract_with("quán triệt Nghị quyết số 27-NQ/TW về mẫu", both.lexicon());
    resolve(&mut c, &both, &in_2020);
    assert_eq!((c[0].target.as_deref(), c[0].confidence), (Some("nghi-quyet-27-nq-tw"), Some(Exact)));
    // …and in a text of 2017, neither.
    let in_2017 = Context { date: "2017-06-01".parse().ok(), ..Context::default() };
    let mut c = crate::cite::extract_with("quán triệt Nghị quyết số 27-NQ/TW về mẫu", both.lexicon());
    resolve(&mut c, &both, &in_2017);
    assert_eq!((c[0].target.as_deref(), c[0].confidence), (None, None));
    // Only the 2018 resolution held: one of 2022 is not held, and not a candidate.
    let mut c =
        crate::cite::extract("theo Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương");
    resolve(&mut c, &held(), &none);
    assert_eq!((c[0].target.as_deref(), c[0].confidence), (None, None));
}

/// Probe 16: a name with a date, beside a held version of another date, is the version known
/// only by its number of that date's year — when it alone has that year; never a version
/// whose date contradicts, nor one of two of that year.
#[test]
fn a_dated_name_is_the_cited_version_of_that_year() {
    let held = Catalog::new([meta(
        "luat-24-2008-qh12",
        DocType::Luat,
        Some("24/2008/QH12"),
        "Luật Quốc tịch mẫu",
        Some("2008-11-13"),
    )]);
    let mut cited = crate::catalog::CitedTally::default();
    for t in [
        "Luật Quốc tịch mẫu số 07/1998/QH10",
        "Luật Hộ tịch mẫu số 03/1995/QH9",
        "Luật Hộ tịch mẫu số 05/1995/QH9",
        "Luật Lý lịch mẫu số 09/1996/QH9 ngày 2 tháng 3 năm 1996",
    ] {
        cited.add(&extract(t)[0], "thong-tu-z");
    }
    let cat = held.with_cited(&cited.finish());
    let none = Context::default();
    // (text, target)
    for (text, want) in [
        ("Luật này thay thế Luật Quốc tịch mẫu ngày 20 tháng 5 năm 1998.", Some("luat-07-1998-qh10")),
        ("Luật Quốc tịch mẫu ngày 13 tháng 11 năm 2008", Some("luat-24-2008-qh12")),
        // No version of that year; two of that year; a dated one of another day.
        ("Luật Quốc tịch mẫu ngày 20 tháng 5 năm 1999", None),
        ("Luật Hộ tịch mẫu ngày 10 tháng 10 năm 1995", None),
        ("Luật Lý lịch mẫu ngày 5 tháng 3 năm 1996", None),
    ] {
        let mut c = crate::cite::extract_with(text, cat.lexicon());
        resolve(&mut c, &cat, &none);
        let c = c.iter().find(|c| c.name.is_some()).expect(text);
        assert_eq!(c.target.as_deref(), want, "{text}: {c:?}");
    }
}

fn criminal_codes() -> Catalog {
    let mut new = meta(
        "bo-luat-100-2015-qh13",
        DocType::BoLuat,
        Some("100/2015/QH13"),
        "Bộ luật Hình sự",
        Some("2015-11-27"),
    );
    new.effective = "2018-01-01".parse().ok();
    let mut old = meta(
        "bo-luat-15-1999-qh10",
        DocType::BoLuat,
        Some("15/1999/QH10"),
        "Bộ luật Hình sự",
        Some("1999-12-21"),
    );
    old.effective = "2000-07-01".parse().ok();
    old.expired = "2018-01-01".parse().ok();
    Catalog::new(catalog().iter().cloned().chain([new, old]))
}

fn resolutions_in(
    text: &str,
    cat: &Catalog,
    ctx: &Context,
) -> Vec<(Option<String>, Option<Confidence>, Vec<String>)> {
    let mut c = crate::cite::extract_with(text, cat.lexicon());
    resolve(&mut c, cat, ctx);
    c.into_iter().map(|c| (c.target, c.confidence, c.candidates)).collect()
}

/// A text dated after a new version was signed but before it took effect, citing the bare
/// name, may mean the version applied then or the one it carries out: never one of them
/// silently. Before the signing and after the entry into force, one version is meant.
#[test]
fn a_bare_name_between_a_new_versions_signing_and_entry_into_force_is_uncertain() {
    let c = criminal_codes();
    let at = |d: &str| Context { date: Some(d.parse().unwrap()), ..Context::default() };
    let both = vec!["bo-luat-100-2015-qh13".to_string(), "bo-luat-15-1999-qh10".to_string()];
    // (date of the text, expected target; None: uncertain with both)
    let rows: &[(&str, Option<&str>)] = &[
        ("2014-03-01", Some("bo-luat-15-1999-qh10")),
        ("2015-11-27", None),
        ("2017-06-20", None),
        ("2017-12-31", None),
        ("2018-01-01", Some("bo-luat-100-2015-qh13")),
        ("2020-05-05", Some("bo-luat-100-2015-qh13")),
    ];
    for (date, want) in rows {
        let got = resolutions_in("theo Điều 5 Bộ luật Hình sự", &c, &at(date));
        match want {
            Some(id) => assert_eq!(got[0].0.as_deref(), Some(*id), "at {date}"),
            None => assert_eq!(got[0], (None, Some(Confidence::Ambiguous), both.clone()), "at {date}"),
        }
    }
    // The text names the version it rests on: the bare name is that one.
    assert_eq!(
        targets_in(
            "Căn cứ Bộ luật Hình sự ngày 27 tháng 11 năm 2015; theo Điều 5 Bộ luật Hình sự",
            &c,
            &at("2017-06-20")
        ),
        ids(&[Some("bo-luat-100-2015-qh13"), Some("bo-luat-100-2015-qh13")])
    );
}

/// A text naming two versions of one name — its basis, and the old one in a transition or a
/// comparison — means the newer by the bare name, wherever the older is named (the nearest
/// mention is not the rule); the older is offered beside it.
#[test]
fn a_bare_name_beside_two_versions_named_is_the_newer() {
    let at = Context { date: "2020-01-15".parse().ok(), ..Context::default() };
    let none = Context::default();
    let rows: &[(&str, &Context, &[Option<&str>])] = &[
        (
            "Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019; Bộ luật Lao động số 10/2012/QH13 hết hiệu lực; theo Điều 5 Bộ luật Lao động",
            &at,
            &[Some("bo-luat-45-2019-qh14"), Some("bo-luat-10-2012-qh13"), Some("bo-luat-45-2019-qh14")],
        ),
        (
            "so với Bộ luật Lao động năm 2012, Bộ luật Lao động năm 2019 mới; Điều 5 Bộ luật Lao động",
            &none,
            &[Some("bo-luat-10-2012-qh13"), Some("bo-luat-45-2019-qh14"), Some("bo-luat-45-2019-qh14")],
        ),
        // A bare name first, both versions later.
        (
            "Triển khai Bộ luật Lao động. Căn cứ Bộ luật Lao động năm 2019; thay Bộ luật Lao động năm 2012",
            &none,
            &[Some("bo-luat-45-2019-qh14"), Some("bo-luat-45-2019-qh14"), Some("bo-luat-10-2012-qh13")],
        ),
    ];
    for (text, ctx, want) in rows {
        assert_eq!(targets(text, ctx), ids(want), "{text}");
    }
    // The older version is offered beside the one chosen.
    let cat = catalog();
    let mut c = crate::cite::extract_with(rows[1].0, cat.lexicon());
    resolve(&mut c, &cat, &none);
    let r = version_named(&c, &named_elsewhere(&c, 2), &cat);
    assert_eq!(r.others, vec!["bo-luat-10-2012-qh13".to_string()]);
}

/// The version a text rests on (`Context::basis`: its basis, the law it details) is the one
/// its bare name means — in a window when another is in force, too; a date a user asks for
/// means the version in force then.
#[test]
fn a_bare_name_is_the_version_the_text_rests_on() {
    let c = criminal_codes();
    let at = |d: &str, basis: &[&str], asked: bool| Context {
        date: Some(d.parse().unwrap()),
        basis: basis.iter().map(|s| s.to_string()).collect(),
        asked,
        ..Context::default()
    };
    let rows: &[(Context, Option<&str>)] = &[
        (at("2017-06-20", &["bo-luat-100-2015-qh13"], false), Some("bo-luat-100-2015-qh13")),
        (at("2017-06-20", &["bo-luat-15-1999-qh10"], false), Some("bo-luat-15-1999-qh10")),
        (at("2017-06-20", &[], false), None),
        (at("2017-06-20", &["bo-luat-100-2015-qh13"], true), Some("bo-luat-15-1999-qh10")),
        (at("2017-06-20", &[], true), Some("bo-luat-15-1999-qh10")),
    ];
    for (ctx, want) in rows {
        assert_eq!(targets_in("Điều 5 Bộ luật Hình sự", &c, ctx), ids(&[*want]), "{ctx:?}");
    }
}
