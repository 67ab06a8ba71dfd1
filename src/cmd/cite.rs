//! `cancu cite [FILE|-] [--json] [--province P] [--date D] [--id ID]`: finds, reads and
//! resolves the citations in a text file (or standard input) and prints them as a table or as
//! JSON, resolving against the catalog of the index (`--index`) when there is one, else of the
//! corpus (`--corpus DIR`, else ./corpus, else the corpus embedded in the binary). The options describe the citing document, for provincial numbers, versions
//! and self references.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use cancu::cite::{Citation, Context};
use serde::Serialize;

#[derive(clap::Args)]
pub struct Args {
    /// Tệp văn bản cần đọc; `-` hoặc bỏ trống để đọc từ đầu vào chuẩn.
    pub file: Option<PathBuf>,
    /// In mảng JSON (theo thứ tự trong văn bản) thay cho bảng.
    #[arg(long)]
    pub json: bool,
    /// Tỉnh của văn bản trích dẫn: xác định số hiệu văn bản Đảng cấp tỉnh (66-NQ/TU); mặc định:
    /// nơi ghi ở đầu văn bản, nếu đọc được.
    #[arg(long)]
    pub province: Option<String>,
    /// Ngày của văn bản trích dẫn (YYYY-MM-DD): chọn phiên bản khi dẫn theo tên, không có số;
    /// mặc định: ngày ghi ở đầu văn bản, nếu đọc được (như `cancu link`).
    #[arg(long)]
    pub date: Option<cancu::model::Date>,
    /// Mã của văn bản trích dẫn: đích của dẫn chiếu tới chính nó ("Kế hoạch này").
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub paths: crate::Paths,
}

/// One citation as printed in JSON.
#[derive(Serialize)]
struct Row<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    doc_type: Option<&'static str>,
    number: Option<&'a str>,
    date: Option<String>,
    year: Option<u16>,
    issuer: Option<&'a str>,
    name: Option<&'a str>,
    pinpoint: Option<String>,
    self_ref: bool,
    target: Option<&'a str>,
    /// How the target was found: exact (number), name, or ambiguous (no target).
    confidence: Option<cancu::cite::Confidence>,
    /// The documents that fit an ambiguous citation.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    candidates: &'a [String],
    /// Anchor of the pinpointed article/clause/point in the target.
    anchor: Option<String>,
    /// Index of the citation this one is named inside (a base law in an amending law's title).
    #[serde(skip_serializing_if = "Option::is_none")]
    within: Option<usize>,
    /// Index of the citation that defined the short name this one uses.
    #[serde(skip_serializing_if = "Option::is_none")]
    alias_of: Option<usize>,
    /// The cited document's validity status at the citing document's date (`--date`, else
    /// today), for every citation resolved to a document (held and cited-only alike; issue
    /// #11): "chưa rõ" when no text held establishes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    status_evidence: Vec<cancu::validity::Evidence>,
    /// Why a document in force by its own words is "chưa rõ" at that date.
    #[serde(skip_serializing_if = "Option::is_none")]
    status_caveat: Option<String>,
    /// The pinpointed article's (or clause's) own status at that date, when a later text
    /// repeals it: "hết hiệu lực" (the article or clause cited) or "hết hiệu lực một phần"
    /// (some of its clauses or points), with what ended and the evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pinpoint_status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pinpoint_repealed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pinpoint_status_evidence: Option<cancu::validity::Evidence>,
    /// The pinpointed article is not among those the corpus holds of the document (then no
    /// `anchor`): what the linker's `no_such_article` warning says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pinpoint_note: Option<String>,
    /// The version cited is not held: its `candidates` are other versions, not it (a year no
    /// version has, or a text older than every version; the linker's same rule).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    version_not_held: bool,
}

impl<'a> From<&'a Citation> for Row<'a> {
    fn from(c: &'a Citation) -> Row<'a> {
        Row {
            text: &c.text,
            start: c.start,
            end: c.end,
            doc_type: c.doc_type.map(|t| t.as_vi()),
            number: c.number.as_deref(),
            date: c.date.map(|d| d.to_string()),
            year: c.year,
            issuer: c.issuer.as_deref(),
            name: c.name.as_deref(),
            pinpoint: c.pinpoint_text(),
            self_ref: c.self_ref,
            target: c.target.as_deref(),
            confidence: c.confidence,
            candidates: &c.candidates,
            anchor: c.target.as_ref().and(c.anchor()),
            within: c.within,
            alias_of: c.alias_of,
            status: None,
            status_evidence: Vec::new(),
            status_caveat: None,
            pinpoint_status: None,
            pinpoint_repealed: None,
            pinpoint_status_evidence: None,
            pinpoint_note: None,
            version_not_held: false,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (name, bytes) = match args.file.as_deref() {
        None => ("<stdin>".to_string(), read_stdin()?),
        Some(p) if p == Path::new("-") => ("<stdin>".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("không đọc được {}", p.display()))?,
        ),
    };
    let text = String::from_utf8(bytes).map_err(|e| cancu::Error::Utf8 {
        path: PathBuf::from(&name),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let base = super::open_base(&args.paths)?;
    // As the linker: without `--date` / `--province`, the text's own header says them (a
    // dated plan means the versions of its date; cite and link agree).
    // A corpus file says what it is in its front matter: its id, type and date.
    let head = cancu::link::header::read(&text);
    if let Some(e) = &head.front_error {
        eprintln!("lưu ý: {name}: {e}; đọc như văn bản thường");
    }
    let date = args.date.or(head.date);
    let ctx = Context {
        id: args.id.clone().or(head.id.clone()),
        province: args.province.clone().or(head.place.clone()),
        date,
        ..head.context()
    };
    let cites = base.cite(&head.readable(&text), &ctx);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        // The records of the documents cited: nothing else is read.
        let targets: Vec<&str> = cites.iter().filter_map(|c| c.target.as_deref()).collect();
        let records = base.validity_of(&targets)?;
        let at = date.unwrap_or_else(cancu::model::Date::today);
        let rows: Vec<Row> = cites
            .iter()
            .map(|c| {
                let mut row = Row::from(c);
                row.version_not_held =
                    cancu::link::warn::version_missing(c, date, base.catalog()).is_some_and(|m| m.not_held());
                if let Some(s) = status_of(c, &records, at) {
                    row.status = Some(s.status.as_vi());
                    row.status_evidence = s.evidence;
                    row.status_caveat = s.caveat;
                }
                if let Some(note) = cancu::link::warn::lacking(c, base.catalog()) {
                    row.anchor = cancu::link::anchor(c, base.catalog());
                    row.pinpoint_note = Some(note);
                }
                let record = c.target.as_deref().and_then(|t| records.get(t));
                if let Some(hit) = record.and_then(|r| r.cited_repeal(c, at)) {
                    row.pinpoint_status = Some(hit.status.as_vi());
                    row.pinpoint_repealed = Some(hit.what);
                    row.pinpoint_status_evidence = Some(hit.event.evidence.clone());
                }
                row
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        let missing = |c: &Citation| {
            cancu::link::warn::version_missing(c, date, base.catalog()).is_some_and(|m| m.not_held())
        };
        print_table(&mut out, &cites, &missing)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The status of the document a citation names, at `at` ("chưa rõ" when nothing held
/// establishes it); `None` for a self-reference or a citation not resolved to a document.
fn status_of(
    c: &Citation,
    v: &cancu::validity::Validity,
    at: cancu::model::Date,
) -> Option<cancu::validity::StatusAt> {
    if c.self_ref {
        return None;
    }
    // Cited-only documents are in the catalog: the resolver gives them as targets too.
    let id = c.target.as_deref()?;
    Some(v.status_at(id, at))
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    std::io::stdin().read_to_end(&mut buf).context("không đọc được đầu vào chuẩn")?;
    Ok(buf)
}

/// `missing`: whether a citation names a version not held ([`cancu::link::warn::version_missing`]).
fn print_table(
    out: &mut impl Write,
    cites: &[Citation],
    missing: &dyn Fn(&Citation) -> bool,
) -> std::io::Result<()> {
    if cites.is_empty() {
        return writeln!(out, "Không tìm thấy dẫn chiếu nào.");
    }
    writeln!(
        out,
        "{:>6}  {:<20} {:<28} {:<10} {:<22} {:<26} văn bản",
        "vị trí (byte)", "loại", "số hiệu/tên", "ngày", "điều khoản", "cơ quan"
    )?;
    for c in cites {
        let what = c
            .number
            .clone()
            .or_else(|| c.name.clone())
            .or_else(|| c.self_ref.then(|| "(văn bản này)".to_string()))
            .unwrap_or_default();
        let date =
            c.date.map(|d| d.to_string()).or_else(|| c.year.map(|y| y.to_string())).unwrap_or_default();
        writeln!(
            out,
            "{:>6}  {:<20} {:<28} {:<10} {:<22} {:<26} {}",
            c.start,
            c.doc_type.map(|t| t.as_vi()).unwrap_or("-"),
            clip(&what, 28),
            date,
            c.pinpoint_text().unwrap_or_default(),
            clip(c.issuer.as_deref().unwrap_or(""), 26),
            match (&c.target, c.candidates.as_slice()) {
                (Some(t), _) => t.clone(),
                (None, []) => "(chưa xác định)".to_string(),
                (None, cands) if missing(c) =>
                    format!("(kho không có phiên bản này; có: {})", cands.join(", ")),
                (None, cands) => format!("(chưa chắc: {})", cands.join(", ")),
            }
        )?;
    }
    // A base law named inside an amending law's title is read and listed, but is part of
    // that citation (the linker counts it so too).
    let within = cites.iter().filter(|c| c.within.is_some()).count();
    let nested = match within {
        0 => String::new(),
        n => format!(" (trong đó {n} là luật được sửa đổi nêu trong tên một luật sửa đổi)"),
    };
    writeln!(
        out,
        "{} dẫn chiếu{nested}, {} đã xác định văn bản",
        cites.len(),
        cites.iter().filter(|c| c.target.is_some()).count()
    )
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
