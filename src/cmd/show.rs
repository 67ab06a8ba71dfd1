//! `cancu show REF`: prints a document (metadata and articles), as text or `--json`.

use std::process::ExitCode;

use cancu::cite::{Confidence, Lookup};
use cancu::kb::Base;
use cancu::model::{Block, Document};

#[derive(clap::Args)]
pub struct Args {
    /// Văn bản hoặc điều cần xem: số hiệu theo mọi cách viết ("59/2023/NĐ-CP", "NĐ 145/2020"), tên
    /// ("Bộ luật Lao động", "BLLĐ"), mã, hoặc điều khoản ("khoản 2 Điều 5 Luật 10/2022/QH15", "Đ37.3 BLLĐ").
    pub reference: String,
    /// In JSON thay cho văn bản.
    #[arg(long)]
    pub json: bool,
    /// Xem liên kết trích dẫn thay cho nội dung: văn bản được dẫn và "được trích dẫn bởi",
    /// theo từng loại quan hệ, kèm tình trạng (đọc đồ thị của chỉ mục `--index`). Với "Điều N",
    /// xem liên kết của điều đó.
    #[arg(long)]
    pub links: bool,
    /// Ngày xét tình trạng hiệu lực (YYYY-MM-DD; mặc định hôm nay).
    #[arg(long)]
    pub at: Option<cancu::model::Date>,
    /// Ghi văn bản (hoặc điều được chỉ tới) ra tệp Word (.docx) này: thông tin văn bản, tình
    /// trạng hiệu lực kèm căn cứ, chương, mục, điều thành đề mục.
    #[arg(long, value_name = "TỆP")]
    pub docx: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub paths: crate::Paths,
}

fn emit(s: &str) {
    use std::io::Write;
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let base = super::open_base(&args.paths)?;
    let Some(found) = base.lookup_at(&args.reference, args.at) else {
        eprintln!("Không có văn bản nào khớp với “{}” trong kho dữ liệu.", args.reference);
        return Ok(ExitCode::FAILURE);
    };
    let label = |id: &str| {
        base.catalog()
            .get(id)
            .map_or_else(|| id.to_string(), |m| format!("{} ({}: {})", m.id, m.label(), m.title))
    };
    if found.missing.is_some() {
        // The version asked for is not held: the versions held are named, none shown as it.
        eprintln!("{}", found.ambiguity_vi(label));
        return Ok(ExitCode::from(2));
    }
    // An article of a document whose text is not held: the notice, no document shown as the
    // answer (as the API's 404 and the search box's notice; `--links` still reads the graph).
    if let Some(notice) = found
        .not_held_vi(|d: &str| base.catalog().get(d).map_or_else(|| d.to_string(), |m| m.label()))
        .filter(|_| !args.links)
    {
        eprintln!("{notice}");
        return Ok(ExitCode::FAILURE);
    }
    if let Some(u) = found.unread_vi() {
        eprintln!("Lưu ý: {u}");
    }
    let id = match found.docs.as_slice() {
        [one] => {
            if found.confidence == Confidence::Ambiguous {
                eprintln!("Lưu ý: {}", found.ambiguity_vi(label));
            }
            if let Some(note) = base.catalog().get(one).and_then(|m| found.variant_vi(m)) {
                eprintln!("Lưu ý: {note}");
            }
            one.clone()
        }
        many => {
            eprintln!(
                "“{}” ứng với {} văn bản; hãy ghi rõ số hiệu hoặc mã:",
                args.reference,
                found.matched.max(many.len())
            );
            for d in many {
                eprintln!("  {}", label(d));
            }
            if found.matched > many.len() {
                eprintln!("  … và {} văn bản khác", found.matched - many.len());
            }
            return Ok(ExitCode::from(2));
        }
    };
    if args.links {
        return show_links(base, &id, found.article.as_deref(), args.json);
    }
    let data = base.catalog().data_date();
    let code = show(base, &args, &found, &id)?;
    // How current the data is, after what was shown (the text form).
    if !args.json && code == ExitCode::SUCCESS {
        if let Some(d) = data {
            emit(&format!("\nDữ liệu cập nhật đến {} (văn bản mới nhất của {}).\n", d.date, d.release));
        }
    }
    Ok(code)
}

/// Shows the document or article `found` resolved to `id`.
fn show(base: &Base, args: &Args, found: &cancu::cite::Lookup, id: &str) -> anyhow::Result<ExitCode> {
    let id = id.to_string();
    // Validity (issue #11): the status at `--at`, with its evidence.
    let at = args.at.unwrap_or_else(cancu::model::Date::today);
    // The records of the document shown and of its other versions: nothing else is read.
    let wanted: Vec<&str> =
        std::iter::once(id.as_str()).chain(found.others.iter().map(String::as_str)).collect();
    let validity = base.validity_of(&wanted)?;
    // The other versions of a name several share ("phiên bản khác"), with their status.
    let others: Vec<serde_json::Value> = found
        .others
        .iter()
        .filter_map(|o| base.catalog().get(o))
        .map(|m| {
            let s = validity.status_at(&m.id, at).status;
            serde_json::json!({ "id": m.id, "label": m.label(), "title": m.title, "status": s })
        })
        .collect();
    let others_text: String = others
        .iter()
        .map(|o| {
            format!(
                "Phiên bản khác: {} — {} ({})\n",
                o["label"].as_str().unwrap_or_default(),
                o["title"].as_str().unwrap_or_default(),
                o["status"].as_str().unwrap_or_default()
            )
        })
        .collect();
    if let Some(path) = &args.docx {
        return write_docx(base, &id, found.article.as_deref(), &validity, at, path);
    }
    let Some(mut doc) = base.document(&id)? else {
        // Known from the catalog only (a document only cited, a metadata record).
        let meta = base.catalog().get(&id).expect("looked up in this catalog");
        // Which documents cite it (the citation graph's "cited by", one entry a document).
        let graph = base.graph()?;
        let mut citing: Vec<serde_json::Value> = Vec::new();
        for g in cancu::graph::links(&graph, base.catalog(), &id, None).cited_by {
            for l in g.links {
                if !citing.iter().any(|c| c["id"] == l.doc.as_str()) {
                    citing.push(serde_json::json!({ "id": l.doc, "label": l.label }));
                }
            }
        }
        let known =
            Known { cited_only: base.catalog().is_cited_only(&id), cited_by: &citing, others: &others };
        return show_known(meta, &known, &validity, at, args.json, &others_text);
    };
    let mut status = cancu::validity::document_json(&validity, &id, Some(&doc.meta), at);
    if !others.is_empty() {
        status["other_versions"] = serde_json::json!(others);
    }
    // One status everywhere: the text header says what the records say at `--at`.
    let derived = validity.status_at(&id, at).status;
    if derived != cancu::model::Status::Unknown {
        doc.meta.status = derived;
    }
    match found.article.as_deref() {
        Some(art) => {
            let notes = cancu::validity::json::article_notes(validity.get(&id), Some(&doc.meta))
                .remove(art)
                .unwrap_or_default();
            show_pinpoint(&doc, art, found, &status, &notes, args.json)
        }
        None => {
            if args.json {
                let mut v = json(&doc);
                merge_validity(&mut v, &status);
                emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
            } else {
                // The status and its evidence right after the document's fields, before its
                // text (a code's text runs to thousands of lines).
                emit(&text(&doc, &format!("{}{others_text}", validity_text(&validity, &id, at))));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What is known of a document besides its catalog record.
struct Known<'a> {
    cited_only: bool,
    /// The documents citing it: `{id, label}`.
    cited_by: &'a [serde_json::Value],
    /// Its other versions: `{id, label, title, status}`.
    others: &'a [serde_json::Value],
}

/// A document the corpus holds no text of, shown with what is known: its catalog record (for
/// a document only cited: number, type, date, issuer and name as read), the documents citing
/// it, and its validity.
fn show_known(
    m: &cancu::model::Metadata,
    known: &Known<'_>,
    validity: &cancu::validity::Validity,
    at: cancu::model::Date,
    as_json: bool,
    others_text: &str,
) -> anyhow::Result<ExitCode> {
    let cited_only = known.cited_only;
    if as_json {
        // The document form of every `show --json`, with no articles.
        let mut v = json(&Document { meta: m.clone(), body: Vec::new() });
        v["cited_only"] = serde_json::json!(cited_only);
        v["cited_by"] = serde_json::json!(known.cited_by);
        merge_validity(&mut v, &cancu::validity::document_json(validity, &m.id, None, at));
        if !known.others.is_empty() {
            v["other_versions"] = serde_json::json!(known.others);
        }
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
    } else {
        let note = if cited_only {
            "(chỉ biết qua trích dẫn)"
        } else {
            "(kho dữ liệu chỉ có thông tin về văn bản)"
        };
        let label = m.label();
        let title = if m.title == label
            || m.title == format!("{} {}", m.doc_type.as_vi(), m.number.as_deref().unwrap_or_default())
        {
            String::new()
        } else {
            format!("{}\n", m.title)
        };
        emit(&format!("{label}\n{title}{note}\n"));
        // What is known of it: for a document only cited, as its citations read.
        let facts: Vec<String> = [
            m.signed.map(|d| format!("ngày ban hành {}", d.vi())),
            m.issuer.as_ref().map(|i| format!("cơ quan ban hành: {i}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !facts.is_empty() {
            let how = if cited_only { "Theo trích dẫn" } else { "Thông tin văn bản" };
            emit(&format!("{how}: {}\n", facts.join("; ")));
        }
        if !known.cited_by.is_empty() {
            let labels: Vec<&str> = known.cited_by.iter().filter_map(|c| c["label"].as_str()).collect();
            emit(&format!("Được trích dẫn bởi {} văn bản: {}\n", labels.len(), labels.join("; ")));
        }
        emit(&validity_text(validity, &m.id, at));
        emit(others_text);
    }
    Ok(ExitCode::SUCCESS)
}

/// Puts the validity fields into a document's JSON: `status`, `effective`, `expired`,
/// `status_evidence`, … at the top, and each article's amendments and repeal in it.
fn merge_validity(doc: &mut serde_json::Value, validity: &serde_json::Value) {
    let (Some(obj), Some(val)) = (doc.as_object_mut(), validity.as_object()) else { return };
    for (k, v) in val {
        if (k == "effective" || k == "expired") && v.is_null() && obj.get(k).is_some_and(|x| !x.is_null()) {
            continue;
        }
        obj.insert(k.clone(), v.clone());
    }
    let per_article = val.get("article_validity").and_then(|a| a.as_array()).cloned().unwrap_or_default();
    if let Some(arts) = obj.get_mut("articles").and_then(|a| a.as_array_mut()) {
        for a in arts {
            let n = a["number"].as_str().unwrap_or_default().to_string();
            if let Some(av) = per_article.iter().find(|x| x["article"] == n.as_str()) {
                a["validity"] =
                    serde_json::json!({ "amended_by": av["amended_by"], "repealed_by": av["repealed_by"] });
            }
        }
    }
}

/// The text form of a document's validity at `at`.
fn validity_text(v: &cancu::validity::Validity, id: &str, at: cancu::model::Date) -> String {
    let s = v.status_at(id, at);
    let mut out = format!("\nHiệu lực (ngày {at}): {}\n", s.status.as_vi());
    if let Some(d) = s.effective {
        out.push_str(&format!("  có hiệu lực từ {d}\n"));
    }
    let source = |e: &cancu::validity::Evidence| {
        let art = e.article.as_deref().map(|a| format!(" Điều {a}")).unwrap_or_default();
        format!("  căn cứ: {}{art} ({}): \"{}\"\n", e.label, e.kind.as_vi(), e.quote)
    };
    for (date, what) in [(s.expired_in_part, "hết hiệu lực một phần"), (s.expired_wholly, "hết hiệu lực")]
    {
        match date {
            Some(d) if d > at => out.push_str(&format!("  sẽ {what} từ {d}, sau ngày xét\n")),
            Some(d) => out.push_str(&format!("  {what} từ {d}\n")),
            None => {}
        }
        // A partial repeal's own source (trial 8: only the status's was printed).
        if let (Some(d), true) = (date, what == "hết hiệu lực một phần") {
            let part = v.records.get(id).and_then(|r| {
                r.events.iter().find(|e| e.change == cancu::validity::Change::EndsInPart && e.date == Some(d))
            });
            if let Some(e) = part.filter(|e| !s.evidence.contains(&e.evidence)) {
                out.push_str(&source(&e.evidence));
            }
        }
    }
    if let Some(c) = &s.caveat {
        out.push_str(&format!("  lưu ý: {c}\n"));
    }
    for e in &s.evidence {
        out.push_str(&source(e));
    }
    out
}

/// The JSON form: metadata fields plus `articles` with number, title, text and Pháp điển data.
pub fn json(doc: &Document) -> serde_json::Value {
    let m = &doc.meta;
    let articles: Vec<serde_json::Value> = doc
        .articles()
        .map(|a| {
            let mut v = serde_json::json!({
                "number": a.number,
                "title": a.title,
                "text": a.text(),
            });
            if let Some(am) = m.article(&a.number) {
                let extra = serde_json::to_value(am).unwrap_or_default();
                if let (Some(obj), serde_json::Value::Object(e)) = (v.as_object_mut(), extra) {
                    for (k, val) in e {
                        obj.entry(k).or_insert(val);
                    }
                }
            }
            v
        })
        .collect();
    serde_json::json!({
        "id": m.id,
        "number": m.canonical.as_ref().or(m.number.as_ref()),
        "number_as_written": m.number,
        "doc_type": m.doc_type,
        "title": m.title,
        "issuer": m.issuer,
        "signed": m.signed,
        "effective": m.effective,
        "expired": m.expired,
        "status": m.status,
        "completeness": m.completeness,
        "url": m.url,
        "sources": m.sources,
        "relations": m.relations,
        "articles": articles,
    })
}

/// The text form: a metadata header, then the body.
/// The document as text: its fields, then `after_fields` (the status and its evidence),
/// then its divisions and articles.
pub fn text(doc: &Document, after_fields: &str) -> String {
    let m = &doc.meta;
    let mut out = String::new();
    out.push_str(&format!("{}\n{}\n\n", m.label(), m.title));
    let mut field = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("{k:<14}{v}\n"));
        }
    };
    field("Mã:", Some(m.id.clone()));
    field("Loại:", Some(m.doc_type.to_string()));
    field("Số hiệu:", m.canonical.clone().or(m.number.clone()));
    field("Cơ quan:", m.issuer.clone());
    field("Ngày ký:", m.signed.map(|d| d.to_string()));
    field("Hiệu lực từ:", m.effective.map(|d| d.to_string()));
    field("Hết hiệu lực:", m.expired.map(|d| d.to_string()));
    field("Tình trạng:", Some(m.status.as_vi().to_string()));
    field(
        "Nội dung:",
        Some(
            serde_json::to_value(m.completeness)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default(),
        ),
    );
    field("Liên kết:", m.url.clone());
    for s in &m.sources {
        let file = s.file.as_deref().map(|f| format!(", {f}")).unwrap_or_default();
        let n = if s.articles > 0 { format!(" ({} điều)", s.articles) } else { String::new() };
        field("Nguồn:", Some(format!("{}{file}{n}", cancu::model::source_name(&s.source))));
    }
    out.push_str(after_fields);
    for b in &doc.body {
        match b {
            Block::Division(d) => {
                out.push_str(&format!("\n{} {}", d.kind.as_vi(), d.number));
                if !d.title.is_empty() {
                    out.push_str(&format!(". {}", d.title));
                }
                out.push('\n');
            }
            Block::Article(a) => {
                out.push_str(&format!("\nĐiều {}. {}\n", a.number, a.title));
                if let Some(pd) = m.article(&a.number).and_then(|am| am.phapdien.as_deref()) {
                    out.push_str(&format!("(Pháp điển: Điều {pd})\n"));
                }
                for p in &a.paragraphs {
                    out.push_str(p);
                    out.push('\n');
                }
            }
            Block::Paragraph { text } => {
                out.push('\n');
                out.push_str(text);
                out.push('\n');
            }
        }
    }
    out
}

/// A pinpoint ("khoản 2 Điều 63 Bộ luật Lao động", "NĐ 145/2020 điều 37"): prints that
/// article, the khoản/điểm named marked.
fn show_pinpoint(
    doc: &Document,
    art: &str,
    res: &Lookup,
    status: &serde_json::Value,
    notes: &[String],
    json: bool,
) -> anyhow::Result<ExitCode> {
    let Some(a) = doc.article(art) else {
        eprintln!("{} không có Điều {art} trong kho dữ liệu.", doc.meta.label());
        return Ok(ExitCode::FAILURE);
    };
    // Only the parts of the pinpoint the article has; what it lacks is said.
    let outline = cancu::structure::Outline::of(a);
    let held = outline.held(res.clause.as_deref(), res.point.as_deref());
    let lacks =
        held.missing.as_ref().map(|m| format!("Điều {} của {} không có {m}.", a.number, doc.meta.label()));
    let anchor = cancu::structure::anchor(&a.number, held.clause.as_deref(), held.point.as_deref());
    if json {
        let v = serde_json::json!({
            "id": doc.meta.id,
            "number": doc.meta.canonical,
            "doc_type": doc.meta.doc_type,
            "title": doc.meta.title,
            "status": doc.meta.status,
            "confidence": res.confidence,
            "article": { "number": a.number, "title": a.title, "text": a.text() },
            "clause": held.clause,
            "point": held.point,
            "anchor": anchor,
            "article_notes": notes,
            "note": lacks,
        });
        let mut v = v;
        merge_validity(&mut v, status);
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
    } else {
        if let Some(l) = &lacks {
            eprintln!("{l}");
        }
        let marked = held.clause.as_deref().and_then(|c| outline.clause(c)).map(|c| {
            match held.point.as_deref().and_then(|p| c.points.iter().find(|x| x.letter == p)) {
                Some(p) => (p.first, p.last),
                None => (c.first, c.last),
            }
        });
        let mut out = format!(
            "{} — {} [{}]\nĐường dẫn: {}\n\nĐiều {}. {}\n",
            doc.meta.label(),
            doc.meta.title,
            doc.meta.status.as_vi(),
            cancu::web::url::at(&doc.meta.id, Some(&anchor)),
            a.number,
            a.title
        );
        // The article's own status (a repeal stated by a later document, an amendment noted
        // by the Pháp điển), above its text: the document's badge does not say it.
        for n in notes {
            out.push_str(&format!("⚠ {n}\n"));
        }
        for (i, p) in a.paragraphs.iter().enumerate() {
            let mark = if marked.is_some_and(|(f, l)| i >= f && i <= l) { "▶ " } else { "  " };
            out.push_str(&format!("{mark}{p}\n"));
        }
        emit(&out);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--links`: references and "cited by" from the graph of the index (or, without an index,
/// one built now).
fn show_links(base: &Base, id: &str, article: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let meta = base.catalog().get(id).expect("looked up in this catalog");
    let graph = base.graph()?;
    let links = cancu::graph::links(&graph, base.catalog(), id, article);
    if json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&links)?));
    } else {
        emit(&format!("{}\n{}\n{}", meta.label(), meta.title, links.to_text()));
    }
    Ok(ExitCode::SUCCESS)
}

/// `--docx FILE`: the document (or the article pinpointed) as a Word file.
fn write_docx(
    base: &Base,
    id: &str,
    article: Option<&str>,
    validity: &cancu::validity::Validity,
    at: cancu::model::Date,
    path: &std::path::Path,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    use cancu::export::{docx, StatusLine};
    let doc = match base.document(id)? {
        Some(d) => d,
        None => {
            let meta = base.catalog().get(id).expect("looked up in this catalog").clone();
            Document { meta, body: Vec::new() }
        }
    };
    let status = StatusLine::of(Some(validity), &doc.meta, at);
    let today = cancu::model::Date::today();
    let bytes = match article.and_then(|n| doc.article(n)) {
        Some(a) => docx::selection(&[docx::Pick { doc: &doc, status, articles: Some(vec![a]) }], today)?,
        None => docx::document(&doc, &status, today)?,
    };
    std::fs::write(path, bytes).with_context(|| format!("không ghi được {}", path.display()))?;
    eprintln!("Đã ghi {} ({}).", path.display(), doc.meta.label());
    Ok(ExitCode::SUCCESS)
}
