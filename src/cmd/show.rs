//! `cancu show REF`: prints a document (metadata and articles), as text or `--json`.

use std::path::Path;
use std::process::ExitCode;

use cancu::corpus::{lookup, Loaded};
use cancu::model::{Block, Document};

#[derive(clap::Args)]
pub struct Args {
    /// Document number in any common spelling ("59/2023/NĐ-CP", "Luật 10/2022/QH15") or id.
    pub reference: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Show the citation links instead of the text: outgoing references and "cited by",
    /// grouped by relation, with status (reads the graph of the index given by `--index`).
    /// A reference with "Điều N" shows that article's links.
    #[arg(long)]
    pub links: bool,
    /// The date at which the validity status is given (YYYY-MM-DD; default today).
    #[arg(long)]
    pub at: Option<String>,
    #[command(flatten)]
    pub paths: crate::Paths,
}

/// Loads the corpus (see [`cancu::corpus::locate`]).
pub fn load_corpus(corpus: Option<&Path>) -> anyhow::Result<Loaded> {
    Ok(cancu::corpus::load(corpus)?.0)
}

/// Reads only the corpus files whose name contains the reference's id or number slug (a
/// corpus file is named by its id, which holds the number); `None` when none does.
fn load_candidates(dir: &Path, reference: &str) -> anyhow::Result<Option<Vec<Document>>> {
    let number = reference.split_whitespace().last().unwrap_or("");
    let slug = cancu::number::slug(&cancu::number::canonicalize(number));
    if slug.is_empty() {
        return Ok(None);
    }
    let docs: Vec<Document> = cancu::corpus::store::files(dir)?
        .into_iter()
        .filter(|p| {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            stem == reference.trim()
                || stem.ends_with(&format!("-{slug}"))
                || stem.contains(&format!("-{slug}-"))
        })
        .filter_map(|p| cancu::corpus::store::read(&p).ok())
        .collect();
    Ok(Some(docs).filter(|d| !d.is_empty()))
}

fn emit(s: &str) {
    use std::io::Write;
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(s.as_bytes());
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.links {
        return show_links(&args);
    }
    if let Some(code) = show_pinpoint(&args)? {
        return Ok(code);
    }
    let fast = match cancu::corpus::locate(args.paths.corpus.as_deref())? {
        Some(d) => load_candidates(&d, &args.reference)?
            .filter(|docs| !lookup::find(docs, &args.reference).is_empty()),
        None => None,
    };
    let documents = match fast {
        Some(docs) => docs,
        None => load_corpus(args.paths.corpus.as_deref())?.documents,
    };
    let found = lookup::find(&documents, &args.reference);
    let at = match &args.at {
        Some(s) => s.parse::<cancu::model::Date>().map_err(|e| anyhow::anyhow!(e))?,
        None => cancu::model::Date::today(),
    };
    match found.as_slice() {
        [] => show_cited(&args, at),
        [doc] => {
            // Validity (issue #11): the status at `at`, with its evidence.
            let validity = load_validity(&args);
            if args.json {
                let mut v = json(doc);
                merge_validity(
                    &mut v,
                    &cancu::validity::document_json(&validity, &doc.meta.id, Some(&doc.meta), at),
                );
                emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
            } else {
                emit(&text(doc));
                emit(&validity_text(&validity, &doc.meta.id, at));
            }
            Ok(ExitCode::SUCCESS)
        }
        many => {
            eprintln!("{:?} matches {} documents; name one by id or type:", args.reference, many.len());
            for d in many {
                eprintln!("  {}  ({}: {})", d.meta.id, d.meta.label(), d.meta.title);
            }
            Ok(ExitCode::from(2))
        }
    }
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

/// The validity records of the live index, or (without one) derived from the whole corpus.
fn load_validity(args: &Args) -> cancu::validity::Validity {
    match cancu::validity::Validity::open(&args.paths.index) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("note: {e}; deriving validity from the corpus now");
            match load_corpus(args.paths.corpus.as_deref()) {
                Ok(l) => cancu::validity::derive(
                    &l.documents,
                    &cancu::catalog::Catalog::from_documents(&l.documents),
                ),
                Err(_) => Default::default(),
            }
        }
    }
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
    if let Some(d) = s.expired {
        out.push_str(&format!("  hết hiệu lực (toàn bộ hoặc một phần) từ {d}\n"));
    }
    for e in &s.evidence {
        let art = e.article.as_deref().map(|a| format!(" Điều {a}")).unwrap_or_default();
        out.push_str(&format!("  căn cứ: {}{art} ({}): \"{}\"\n", e.label, e.kind.as_vi(), e.quote));
    }
    out
}

/// A document the corpus does not hold: shown from its validity record (known by citation),
/// else "not found".
fn show_cited(args: &Args, at: cancu::model::Date) -> anyhow::Result<ExitCode> {
    let validity = load_validity(args);
    let recs = validity.find(&args.reference);
    let Some(r) = recs.first() else {
        eprintln!("no document matches {:?}", args.reference);
        return Ok(ExitCode::FAILURE);
    };
    let cited = validity.cited.iter().find(|c| c.id == r.id);
    if args.json {
        let mut v = serde_json::json!({
            "id": r.id,
            "number": r.number,
            "doc_type": r.doc_type,
            "title": r.title,
            "issuer": cited.and_then(|c| c.issuer.clone()),
            "signed": r.signed,
            "completeness": cancu::model::Completeness::MetadataOnly,
            "cited_only": r.cited_only,
            "citations": cited.map(|c| c.citations),
            "articles": [],
        });
        merge_validity(&mut v, &cancu::validity::document_json(&validity, &r.id, None, at));
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
    } else {
        emit(&format!("{}\n{}\n(chỉ biết qua trích dẫn)\n", r.label(), r.title));
        emit(&validity_text(&validity, &r.id, at));
    }
    Ok(ExitCode::SUCCESS)
}

/// The text form: a metadata header, then the body.
pub fn text(doc: &Document) -> String {
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
        field("Nguồn:", Some(format!("{}{file}{n}", s.source)));
    }
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
/// article (the khoản/điểm named is marked). `None` if the reference has no article.
fn show_pinpoint(args: &Args) -> anyhow::Result<Option<ExitCode>> {
    let norm = cancu::text::normalize(&args.reference);
    if cancu::search::refs::read(&norm).is_none_or(|r| r.article.is_none()) {
        return Ok(None);
    }
    let docs = load_corpus(args.paths.corpus.as_deref())?.documents;
    let table = cancu::search::DocTable::from_documents(&docs);
    let Some(res) = cancu::search::resolve_ref(&table, &args.reference) else {
        eprintln!("no document matches {:?}", args.reference);
        return Ok(Some(ExitCode::FAILURE));
    };
    let Some(art) = res.article.as_deref() else { return Ok(None) };
    let found = res.docs.iter().find_map(|e| {
        let d = docs.iter().find(|d| d.meta.id == e.id)?;
        Some((d, d.article(art)?))
    });
    let Some((doc, a)) = found else {
        eprintln!("Điều {art} is not in {}", res.docs[0].label());
        return Ok(Some(ExitCode::FAILURE));
    };
    let anchor = cancu::structure::anchor(&a.number, res.clause.as_deref(), res.point.as_deref());
    if args.json {
        let v = serde_json::json!({
            "id": doc.meta.id,
            "number": doc.meta.canonical,
            "doc_type": doc.meta.doc_type,
            "title": doc.meta.title,
            "status": doc.meta.status,
            "article": { "number": a.number, "title": a.title, "text": a.text() },
            "clause": res.clause,
            "point": res.point,
            "anchor": anchor,
        });
        emit(&format!("{}\n", serde_json::to_string_pretty(&v)?));
    } else {
        let outline = cancu::structure::Outline::of(a);
        let marked = res.clause.as_deref().and_then(|c| outline.clause(c)).map(|c| {
            match res.point.as_deref().and_then(|p| c.points.iter().find(|x| x.letter == p)) {
                Some(p) => (p.first, p.last),
                None => (c.first, c.last),
            }
        });
        let mut out = format!(
            "{} — {} [{}]\n#{anchor}\n\nĐiều {}. {}\n",
            doc.meta.label(),
            doc.meta.title,
            doc.meta.status.as_vi(),
            a.number,
            a.title
        );
        for (i, p) in a.paragraphs.iter().enumerate() {
            let mark = if marked.is_some_and(|(f, l)| i >= f && i <= l) { "▶ " } else { "  " };
            out.push_str(&format!("{mark}{p}\n"));
        }
        emit(&out);
    }
    Ok(Some(ExitCode::SUCCESS))
}

/// Splits "Điều 5 Luật 10/2022/QH15" (or "… điều 5", "…#dieu-5") into the document reference
/// and the article number.
fn split_article(reference: &str) -> (String, Option<String>) {
    static ART: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?:^|\s|#)(?:điều|dieu)[\s-]+(\d+[a-zđ]?)\b").expect("article pattern")
    });
    let norm = cancu::text::normalize(reference).into_owned();
    match ART.captures(&norm) {
        Some(c) => {
            let m = c.get(0).expect("whole match");
            let rest = format!("{} {}", &norm[..m.start()], &norm[m.end()..]);
            let rest = rest.trim_matches(|ch: char| ch.is_whitespace() || ch == '#').to_string();
            (rest, Some(c[1].to_lowercase()))
        }
        None => (norm, None),
    }
}

/// `--links`: the graph of the live index (or, without an index, one built now).
fn show_links(args: &Args) -> anyhow::Result<ExitCode> {
    let (reference, article) = split_article(&args.reference);
    let loaded = load_corpus(args.paths.corpus.as_deref())?;
    let found = lookup::find(&loaded.documents, &reference);
    let doc = match found.as_slice() {
        [doc] => *doc,
        [] => {
            eprintln!("no document matches {reference:?}");
            return Ok(ExitCode::FAILURE);
        }
        many => {
            eprintln!("{reference:?} matches {} documents; name one by id:", many.len());
            for d in many {
                eprintln!("  {}  ({}: {})", d.meta.id, d.meta.label(), d.meta.title);
            }
            return Ok(ExitCode::from(2));
        }
    };
    if let Some(a) = &article {
        if doc.article(a).is_none() && doc.meta.article(a).is_none() {
            eprintln!("{} has no article {a} in the corpus", doc.meta.label());
            return Ok(ExitCode::FAILURE);
        }
    }
    let catalog = cancu::catalog::Catalog::from_documents(&loaded.documents);
    let graph = match cancu::graph::Graph::open(&args.paths.index) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("note: {e}; building the citation graph from the corpus now");
            cancu::graph::build(&loaded.documents, &catalog)
        }
    };
    let links = cancu::graph::links(&graph, &catalog, &doc.meta.id, article.as_deref());
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&links)?));
    } else {
        emit(&format!("{}\n{}\n{}", doc.meta.label(), doc.meta.title, links.to_text()));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_the_article_from_the_reference() {
        let rows = [
            ("Điều 5 Luật 10/2022/QH15", "Luật 10/2022/QH15", Some("5")),
            ("59/2023/NĐ-CP điều 1", "59/2023/NĐ-CP", Some("1")),
            ("luat-10-2022-qh15#dieu-23", "luat-10-2022-qh15", Some("23")),
            ("59/2023/NĐ-CP", "59/2023/NĐ-CP", None),
        ];
        for (r, doc, art) in rows {
            let (d, a) = super::split_article(r);
            assert_eq!((d.as_str(), a.as_deref()), (doc, art), "{r}");
        }
    }
}
