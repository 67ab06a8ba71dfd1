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

/// Help in Vietnamese: the headings of every command's help and the help and version flags.
fn vietnamese(cmd: clap::Command, root: bool) -> clap::Command {
    const ROOT: &str =
        "{about-with-newline}\nCách dùng: {usage}\n\nLệnh:\n{subcommands}\n\nTùy chọn:\n{options}\n";
    const VERB: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{positionals}\n\nTùy chọn:\n{options}\n";
    let mut cmd = cmd
        .help_template(if root { ROOT } else { VERB })
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("In trợ giúp"));
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version").short('V').long("version").action(ArgAction::Version).help("In phiên bản"),
        );
    }
    cmd.mut_subcommands(|c| vietnamese(c, false))
}

fn main() -> ExitCode {
    let matches = vietnamese(Cli::command(), true).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
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
