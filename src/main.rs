//! The `cancu` command line: parses arguments and hands each verb to `cmd::<verb>`, which
//! calls the library. All the work is in the library (`cancu::…`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};

mod cmd;

/// cancu — căn cứ: kho tra cứu văn bản pháp luật và văn bản của Đảng.
#[derive(Parser)]
#[command(name = "cancu", version, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the corpus and the index live.
#[derive(clap::Args, Clone, Debug)]
pub struct Paths {
    /// Thư mục kho văn bản (mặc định: ./corpus, nếu không có thì dùng kho dựng sẵn trong chương trình).
    #[arg(long, global = true)]
    pub corpus: Option<PathBuf>,
    /// Thư mục chỉ mục.
    #[arg(long, global = true, default_value = "index")]
    pub index: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Nhập văn bản vào kho (tệp zip hoặc thư mục Pháp điển, zip hoặc .txt văn bản gốc, Markdown).
    Import(cmd::import::Args),
    /// Lập chỉ mục tìm kiếm, đồ thị trích dẫn và hiệu lực từ kho văn bản.
    Index(cmd::index::Args),
    /// Tìm điều khoản và văn bản.
    Search(cmd::search::Args),
    /// Xem một văn bản hoặc một điều (theo số hiệu, tên, mã hoặc điều khoản).
    Show(cmd::show::Args),
    /// Tìm, đọc và xác định các dẫn chiếu trong một văn bản.
    Cite(cmd::cite::Args),
    /// Liên kết một kế hoạch, báo cáo: dẫn chiếu, căn cứ của từng mục và cảnh báo.
    Link(cmd::link::Args),
    /// Chạy giao diện web và API JSON.
    Serve(cmd::serve::Args),
}

/// The placeholder shown for an argument's value, by argument id (clap shows the id in
/// capitals otherwise).
fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "sources" => "NGUỒN",
        "problems" | "file" | "admin_token_file" => "TỆP",
        "corpus" | "index" => "THƯ_MỤC",
        "query" => "CÂU_TÌM",
        "limit" | "offset" | "cache" => "SỐ",
        "doc_type" => "LOẠI",
        "issuer" => "CƠ_QUAN",
        "year" => "NĂM",
        "status" => "TÌNH_TRẠNG",
        "demuc" => "ĐỀ_MỤC",
        "reference" => "THAM_CHIẾU",
        "at" | "date" => "NGÀY",
        "province" => "TỈNH",
        "id" => "MÃ",
        "plan" => "KẾ_HOẠCH",
        "format" => "ĐỊNH_DẠNG",
        "base" => "TIỀN_TỐ",
        "addr" => "ĐỊA_CHỈ",
        "admin_min_interval" => "GIÂY",
        _ => return None,
    })
}

/// One argument in Vietnamese: its placeholder, and its default and possible values written
/// into its help instead of clap's "[default: …]" and "[possible values: …]".
fn vietnamese_arg(arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let takes_value = arg.get_action().takes_values();
    let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let possible: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    if takes_value && !possible.is_empty() {
        help.push_str(&format!(" [giá trị: {}]", possible.join(", ")));
    }
    if takes_value && !defaults.is_empty() {
        help.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    let heading = if arg.is_positional() { "Đối số" } else { "Tùy chọn" };
    let mut arg = arg.help(help).help_heading(heading);
    if takes_value {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if takes_value && arg.get_value_names().is_none_or(|n| n.iter().all(|n| n.as_str() == id.to_uppercase()))
    {
        if let Some(name) = value_name(&id) {
            arg = arg.value_name(name);
        }
    }
    arg
}

/// The usage line of a verb, in Vietnamese: `cancu show [TÙY_CHỌN] <THAM_CHIẾU>`.
fn usage(cmd: &clap::Command) -> String {
    let mut out = format!("cancu {} [TÙY_CHỌN]", cmd.get_name());
    for a in cmd.get_positionals() {
        let name = a.get_value_names().and_then(|n| n.first()).map(|n| n.to_string()).unwrap_or_default();
        let many = a.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        out.push_str(&if a.is_required_set() {
            format!(" <{name}>{dots}")
        } else {
            format!(" [{name}]{dots}")
        });
    }
    out
}

/// Help in Vietnamese: the headings, placeholders and usage lines of every command's help, and
/// the help and version flags.
fn vietnamese(cmd: clap::Command, root: bool) -> clap::Command {
    const ROOT: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}\n";
    const VERB: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}\n";
    let mut cmd = cmd
        .help_template(if root { ROOT } else { VERB })
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("In trợ giúp"));
    if root {
        cmd = cmd
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("In phiên bản"),
            )
            .subcommand_value_name("LỆNH")
            .subcommand_help_heading("Lệnh")
            .override_usage("cancu <LỆNH>");
    }
    cmd = cmd.mut_args(vietnamese_arg);
    if !root {
        let line = usage(&cmd);
        cmd = cmd.override_usage(line);
    }
    cmd.mut_subcommands(|c| vietnamese(c, false))
}

/// A command-line error in Vietnamese, naming the argument and value at fault, with a
/// suggestion when clap has one.
fn vietnamese_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| -> Option<String> {
        e.get(k).map(|v| match v {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join(", "),
            ContextValue::StyledStr(s) => s.to_string(),
            ContextValue::StyledStrs(v) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "),
            ContextValue::Number(n) => n.to_string(),
            ContextValue::Bool(b) => b.to_string(),
            _ => String::new(),
        })
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut msg = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh '{}'", get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::UnknownArgument => format!("đối số không hợp lệ: '{arg}'"),
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} cần một giá trị"),
        ErrorKind::InvalidValue => {
            let valid =
                get(ContextKind::ValidValue).map(|v| format!("; giá trị được phép: {v}")).unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho {arg}{valid}")
        }
        ErrorKind::ValueValidation => match std::error::Error::source(e) {
            // The parser's own message (the `FromStr` of a date, a document type, a status) says why.
            Some(why) => format!("giá trị '{value}' của {arg} không đọc được: {why}"),
            None => format!("giá trị '{value}' của {arg} không đọc được"),
        },
        ErrorKind::MissingRequiredArgument => format!("thiếu đối số bắt buộc: {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh".to_string(),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            Some(prior) if prior != arg => format!("không dùng được {arg} cùng với {prior}"),
            _ => format!("{arg} chỉ được dùng một lần"),
        },
        ErrorKind::TooManyValues => format!("quá nhiều giá trị cho {arg}: '{value}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("số giá trị của {arg} không đúng")
        }
        ErrorKind::NoEquals => format!("{arg} cần dấu '=' trước giá trị"),
        ErrorKind::InvalidUtf8 => "đối số không phải UTF-8 hợp lệ".to_string(),
        _ => "đối số không hợp lệ".to_string(),
    };
    if let Some(s) = get(ContextKind::SuggestedSubcommand).or_else(|| get(ContextKind::SuggestedArg)) {
        let quoted: Vec<String> = s.split(", ").map(|w| format!("'{w}'")).collect();
        msg.push_str(&format!(" (có phải ý bạn là {}?)", quoted.join(" hoặc ")));
    }
    msg
}

/// The arguments, or the process ends: help and version on stdout, a usage error in
/// Vietnamese on stderr (exit code 2, as clap's own).
fn parse_args() -> Cli {
    let cmd = vietnamese(Cli::command(), true);
    let parsed = cmd.clone().try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                e.exit();
            }
            // The verb's own usage line, when the error is about a verb's arguments.
            let sub = std::env::args().nth(1).and_then(|v| cmd.find_subcommand(&v));
            eprintln!("lỗi: {}", vietnamese_error(&e));
            eprintln!();
            eprintln!("Cách dùng: {}", sub.map(usage).unwrap_or_else(|| "cancu <LỆNH>".into()));
            // The verb's own help, where its options are listed.
            match sub {
                Some(s) => eprintln!("Xem trợ giúp: cancu {} --help", s.get_name()),
                None => eprintln!("Xem trợ giúp: cancu --help"),
            }
            std::process::exit(2);
        }
    }
}

fn main() -> ExitCode {
    let cli = parse_args();
    if matches!(cli.command, Command::Import(_) | Command::Index(_)) {
        // The builders allocate on many threads: one arena per core keeps the peak RSS down.
        cancu::alloc::limit_arenas();
    }
    let result = match cli.command {
        Command::Import(a) => cmd::import::run(a),
        Command::Index(a) => cmd::index::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Show(a) => cmd::show::run(a),
        Command::Cite(a) => cmd::cite::run(a),
        Command::Link(a) => cmd::link::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::FAILURE
        }
    }
}
