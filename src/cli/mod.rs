//! The command-line shell over the core (`duibiao check`, `plan`, `template`): it parses
//! arguments, reads and writes files and prints; all the work is in `duibiao_core`.

/// Prints to stdout; when stdout is a pipe that has closed (`duibiao check f | head`), the
/// program ends quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}
macro_rules! outln {
    ($($arg:tt)*) => {{ out!($($arg)*); out!("\n"); }};
}

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::ingest::{
    check_file_size, IngestError, IngestErrorKind, TextEncoding, MAX_FILE_BYTES,
};
use duibiao_core::plan::Plan;
use duibiao_core::report::to_table;
use std::ffi::OsString;
use std::path::PathBuf;

const USAGE: &str = "\
duibiao — 对标自查: check a monitoring submission against the plan's targets

USAGE:
duibiao check FILE [--year Y] [--sheet NAME] [--encoding utf-8|gbk|utf-16] [--plan PLAN.json] [--format table|json]
                   [--out REPORT.xlsx|REPORT.csv]
duibiao template [--plan PLAN.json] --out TEMPLATE.xlsx
duibiao plan [--plan PLAN.json] [--format table|json] [--source PLAN-TEXT.txt]

`plan --source` checks a plan file against the plan's published text: every quote verbatim,
every figure of a target in its quote (exit 1 with one line per problem).

Exit status: 0 when the file was evaluated (gaps are findings, not errors);
2 when it cannot be read or the arguments are wrong (one line on stderr).";

#[derive(Clone, Copy, PartialEq)]
enum Output {
    Table,
    Json,
}

struct Args {
    command: String,
    file: Option<PathBuf>,
    year: Option<i32>,
    sheet: Option<String>,
    encoding: Option<TextEncoding>,
    plan: Option<PathBuf>,
    source: Option<PathBuf>,
    out: Option<PathBuf>,
    output: Output,
}

pub fn run(argv: Vec<OsString>) -> i32 {
    let args = match parse(argv) {
        Ok(Some(args)) => args,
        Ok(None) => {
            outln!("{USAGE}");
            return 0;
        }
        Err(message) => return fail(&message),
    };
    let plan = match &args.plan {
        None => Plan::default_plan(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => match Plan::from_json(&text) {
                Ok(plan) => plan,
                Err(e) => {
                    return fail(&format!(
                        "{}: {} / {}",
                        path.display(),
                        e.message_zh(),
                        e.message_en()
                    ))
                }
            },
            Err(e) => {
                return fail(&format!(
                    "无法读取规划文件 cannot read plan file {}: {e}",
                    path.display()
                ))
            }
        },
    };
    match args.command.as_str() {
        "plan" => match &args.source {
            Some(source) => check_plan_source(&plan, source),
            None => print_plan(&plan, args.output),
        },
        "check" => run_check(&args, &plan),
        "template" => write_template(&args, &plan),
        other => fail(&format!("未知命令 unknown command: {other}\n{USAGE}")),
    }
}

fn run_check(args: &Args, plan: &Plan) -> i32 {
    let Some(path) = &args.file else {
        return fail("缺少文件 missing FILE: duibiao check FILE");
    };
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = match read_submission(path, &file_name) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&format!("{} / {}", e.message_zh(), e.message_en())),
    };
    let mut options = CheckOptions {
        reporting_year: args.year,
        ..CheckOptions::default()
    };
    options.read.year = args.year;
    options.read.sheet = args.sheet.clone();
    options.read.encoding = args.encoding;
    match check(&file_name, &bytes, plan, &options) {
        Ok(report) => {
            if let Some(out) = &args.out {
                if let Err(message) = write_report(&report, plan, out) {
                    return fail(&message);
                }
            }
            match args.output {
                Output::Json => match duibiao_core::report::to_json(&report) {
                    Ok(json) => outln!("{json}"),
                    Err(e) => return fail(&format!("JSON: {e}")),
                },
                Output::Table => out!("{}", to_table(&report)),
            }
            0
        }
        Err(e) => fail(&format!("{} / {}", e.message_zh(), e.message_en())),
    }
}

/// The file's bytes, its size taken first: a file past the limit is refused without being
/// read, and a read that fails says so, never "empty".
fn read_submission(path: &std::path::Path, file_name: &str) -> Result<Vec<u8>, IngestError> {
    use std::io::Read as _;
    let unreadable = |e: std::io::Error| {
        IngestError::new(
            file_name,
            None,
            IngestErrorKind::ReadFailed {
                detail: e.to_string(),
            },
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    check_file_size(file_name, size)?;
    // Within the limit, so it fits usize.
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grew since (or a device that reports no size) stops one byte past the
    // limit, and the reader refuses it.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(bytes)
}

/// Writes the report as .xlsx or .csv, chosen by the extension.
fn write_report(
    report: &duibiao_core::report::Report,
    plan: &Plan,
    out: &std::path::Path,
) -> Result<(), String> {
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("csv") => duibiao_core::export::report_csv(report),
        Some("xlsx") => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            duibiao_core::export::report_xlsx(
                report,
                plan,
                &duibiao_core::export::utc_timestamp(now),
            )
            .map_err(|e| e.to_string())?
        }
        _ => {
            return Err(format!(
                "--out 应以 .xlsx 或 .csv 结尾 must end in .xlsx or .csv: {}",
                out.display()
            ))
        }
    };
    std::fs::write(out, bytes).map_err(|e| format!("无法写入 cannot write {}: {e}", out.display()))
}

fn write_template(args: &Args, plan: &Plan) -> i32 {
    let Some(out) = &args.out else {
        return fail("缺少 --out missing --out TEMPLATE.xlsx");
    };
    let bytes = match duibiao_core::export::template_xlsx(plan) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&e.to_string()),
    };
    match std::fs::write(out, bytes) {
        Ok(()) => 0,
        Err(e) => fail(&format!("无法写入 cannot write {}: {e}", out.display())),
    }
}

fn print_plan(plan: &Plan, output: Output) -> i32 {
    match output {
        Output::Json => match serde_json::to_string_pretty(plan) {
            Ok(json) => outln!("{json}"),
            Err(e) => return fail(&format!("JSON: {e}")),
        },
        Output::Table => {
            outln!(
                "{} ({}–{}), {} 项指标 targets",
                plan.title,
                plan.period.start,
                plan.period.end,
                plan.indicators.len()
            );
            for note in &plan.notes {
                outln!("  注 Note: {note}");
            }
            for i in &plan.indicators {
                let baseline = i
                    .baseline
                    .as_ref()
                    .map_or("—".to_string(), |b| format!("{}", b.value));
                outln!(
                    "{:<40} {:<10} {:<24} {}: {:<8} 目标 target: {}",
                    i.id,
                    plan.domain(&i.domain)
                        .map_or(i.domain.as_str(), |d| d.name.as_str()),
                    i.name,
                    plan.baseline_year,
                    baseline,
                    i.target.text
                );
            }
        }
    }
    0
}

fn check_plan_source(plan: &Plan, source: &std::path::Path) -> i32 {
    let text = match std::fs::read_to_string(source) {
        Ok(text) => text,
        Err(e) => {
            return fail(&format!(
                "无法读取规划原文 cannot read {}: {e}",
                source.display()
            ))
        }
    };
    let problems = plan.check_against_source(&text);
    for problem in &problems {
        outln!("{problem}");
    }
    outln!(
        "{}: {} indicators, {} problems",
        plan.id,
        plan.indicators.len(),
        problems.len()
    );
    if problems.is_empty() {
        0
    } else {
        1
    }
}

fn fail(message: &str) -> i32 {
    eprintln!("duibiao: {}", message.replace('\n', " "));
    2
}

fn parse(argv: Vec<OsString>) -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(argv);
    let mut args = Args {
        command: String::new(),
        file: None,
        year: None,
        sheet: None,
        encoding: None,
        plan: None,
        source: None,
        out: None,
        output: Output::Table,
    };
    let bad = |e: lexopt::Error| e.to_string();
    while let Some(arg) = parser.next().map_err(bad)? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("year") => {
                let value = parser.value().map_err(bad)?;
                let year: i32 = value.parse().map_err(bad)?;
                args.year = Some(year);
            }
            Long("sheet") => args.sheet = Some(parser.value().map_err(bad)?.string().map_err(bad)?),
            Long("encoding") => {
                let name = parser.value().map_err(bad)?.string().map_err(bad)?;
                args.encoding = Some(
                    TextEncoding::parse(&name)
                        .ok_or(format!("未知编码 unknown encoding: {name}"))?,
                );
            }
            Long("plan") => args.plan = Some(parser.value().map_err(bad)?.into()),
            Long("source") => args.source = Some(parser.value().map_err(bad)?.into()),
            Long("out") => args.out = Some(parser.value().map_err(bad)?.into()),
            Long("format") => {
                args.output = match parser.value().map_err(bad)?.string().map_err(bad)?.as_str() {
                    "table" => Output::Table,
                    "json" => Output::Json,
                    other => return Err(format!("--format 应为 table 或 json, got {other}")),
                }
            }
            Value(value) if args.command.is_empty() => {
                args.command = value.string().map_err(bad)?
            }
            Value(value) if args.file.is_none() => args.file = Some(value.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if args.command.is_empty() {
        return Ok(None);
    }
    Ok(Some(args))
}
