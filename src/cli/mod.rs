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
    check_file_size, ColumnChoice, IngestError, IngestErrorKind, Role, SheetChoice, TextEncoding,
    MAX_FILE_BYTES,
};
use duibiao_core::plan::Plan;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::report::{to_table, Report};
use std::ffi::OsString;
use std::path::PathBuf;

const USAGE: &str = "\
duibiao — 对标自查: check a monitoring submission against the plan's targets

USAGE:
duibiao check FILE [--year Y] [--sheet NAME] [--encoding utf-8|gbk|utf-16] [--plan PLAN.json] [--format table|json]
                   [--out REPORT.xlsx|REPORT.csv [--csv-codes]]
                   [--column SHEET!COL=ROLE]... [--sheet-year SHEET=YEAR]... [--sheet-region SHEET=REGION]...
                   [--skip-sheet SHEET]... [--confirm SHEET!CELL=VALUE]...
duibiao template [--plan PLAN.json] --out TEMPLATE.xlsx
duibiao plan [--plan PLAN.json] [--format table|json] [--source PLAN-TEXT.txt]
duibiao plan draft FILE [--format json|table] [--out PLAN.json]

`check` reads every sheet that holds a table (`--sheet NAME`: only that one) and decides what each
column holds; `--format table` ends with how each sheet was read. To correct it:
  --column SHEET!COL=ROLE   column COL (A, B, …, AA, …) of sheet SHEET holds ROLE, one of
                            name, region, year, value, unit, target, notes, row_number, ignored
                            ('Sheet1!D=ignored'; a CSV file's one sheet is CSV). SHEET! may be
                            left out when the file has one sheet, or for the sheet of --sheet NAME
  --sheet-year SHEET=YEAR   the year of every row of SHEET that names none, over what the sheet says
  --sheet-region SHEET=REGION  the same for the region
  --skip-sheet SHEET        do not read SHEET
Each may be given several times; quote what holds ! or spaces for the shell.

A figure that cannot be right as written (a % above 100, ten times the year before, a part
above its whole) is `review` with the reason, never met; `status_if_confirmed` says what it
would be. When it is right after all:
  --confirm SHEET!CELL=VALUE  the figure in CELL of SHEET, written VALUE, is right: evaluate it
                            as usual ('柯城区!C5=95'; SHEET! may be left out for a one-sheet
                            table). A changed figure needs a new confirmation.

`--out` writes the report: .xlsx (结果 the reporting year, 历年 the other years, figures as
numbers) or .csv (statuses and trends in Chinese words); --csv-codes writes the report's codes
(met, improving) and progress as a fraction in the .csv instead.

`plan --source` checks a plan file against the plan's published text: every quote verbatim,
every figure of a target in its quote (exit 1 with one line per problem).

`plan draft` drafts a plan file from the plan's own text (.txt in UTF-8, GBK or UTF-16, .docx,
.html): every target quotes its sentence or table row; the sentences with figures it left out
are in the plan's `excluded` field, each with why. `--out` writes the plan file (JSON); stdout
shows the draft (`--format json`: the plan file itself); what the review must settle (the
plan's region, rows read with a judgement) goes to stderr. Check a submission with it:
`duibiao check SUB.xlsx --plan PLAN.json`.

Exit status: 0 when the file was evaluated (gaps are findings, not errors);
2 when it cannot be read or the arguments are wrong (one line on stderr).";

#[derive(Clone, Copy, PartialEq)]
enum Output {
    Table,
    Json,
}

struct Args {
    command: String,
    /// `plan draft FILE`.
    draft: bool,
    file: Option<PathBuf>,
    year: Option<i32>,
    sheet: Option<String>,
    encoding: Option<TextEncoding>,
    plan: Option<PathBuf>,
    source: Option<PathBuf>,
    out: Option<PathBuf>,
    /// `--csv-codes`: the .csv report with codes, not Chinese words.
    csv_codes: bool,
    output: Output,
    /// `--column`, in the order given (a later one for the same column wins).
    columns: Vec<ColumnArg>,
    /// `--sheet-year`, `--sheet-region` and `--skip-sheet`, one per sheet.
    sheet_choices: Vec<SheetChoice>,
    /// `--confirm`: flagged figures the user says are right.
    confirmed: Vec<Confirmation>,
}

/// One `--column SHEET!COL=ROLE`; `sheet` is `None` when `SHEET!` was left out.
struct ColumnArg {
    sheet: Option<String>,
    column: u32,
    role: Role,
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
    if args.command == "plan" && args.draft {
        return draft_plan(&args);
    }
    let plan = match &args.plan {
        None => Plan::default_plan(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => match Plan::from_json(&text) {
                Ok(plan) => {
                    // Checks that cannot be used are dropped; the plan is used all the same.
                    for problem in &plan.check_problems {
                        eprintln!(
                            "duibiao: {}: {} / {}",
                            path.display(),
                            problem.message_zh(),
                            problem.message_en()
                        );
                    }
                    plan
                }
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
        confirmed: args.confirmed.clone(),
        ..CheckOptions::default()
    };
    options.read.year = args.year;
    options.read.sheet = args.sheet.clone();
    options.read.encoding = args.encoding;
    // A choice that names no sheet is for `--sheet`'s or the file's only one: the reader says
    // so, and refuses a sheet the file does not have.
    options.read.columns = args
        .columns
        .iter()
        .map(|c| ColumnChoice {
            sheet: c.sheet.clone().unwrap_or_default(),
            column: c.column,
            role: c.role,
        })
        .collect();
    options.read.sheets = args.sheet_choices.clone();
    match check(&file_name, &bytes, plan, &options) {
        Ok(report) => {
            if let Some(out) = &args.out {
                if let Err(message) = write_report(&report, plan, out, args.csv_codes) {
                    return fail(&message);
                }
            }
            match args.output {
                Output::Json => match duibiao_core::report::to_json(&report) {
                    Ok(json) => outln!("{json}"),
                    Err(e) => return fail(&format!("JSON: {e}")),
                },
                Output::Table => {
                    out!("{}", to_table(&report));
                    print_how_read(&report);
                }
            }
            0
        }
        Err(e) => {
            let mut message = format!("{} / {}", e.message_zh(), e.message_en());
            if matches!(
                e.kind,
                IngestErrorKind::ColumnNotAsHeaded { .. } | IngestErrorKind::ColumnsDisagree { .. }
            ) {
                message.push_str(&format!(" (用途 ROLE: {})", role_words()));
            }
            fail(&message)
        }
    }
}

/// The JSON word of a report's enum (`tidy`, `sheet name`, `row_number`): new variants need no
/// change here.
fn json_word<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(word)) => word,
        Ok(other) => other.to_string(),
        Err(_) => "?".into(),
    }
}

/// After the table: how each sheet was read, the sheets left out, and the plan's indicators the
/// file never mentions.
fn print_how_read(report: &Report) {
    outln!("");
    for sheet in &report.source.sheets_read {
        let mut facts = vec![
            json_word(&sheet.layout),
            format!("header row {}", sheet.header_row),
        ];
        if let Some(year) = sheet.year {
            facts.push(match &sheet.year_source {
                Some(source) => format!("year {year} ({})", json_word(source)),
                None => format!("year {year}"),
            });
        }
        if let Some(region) = &sheet.region {
            facts.push(match &sheet.region_source {
                Some(source) => format!("region {region} ({})", json_word(source)),
                None => format!("region {region}"),
            });
        }
        let columns: Vec<String> = sheet
            .columns
            .iter()
            .map(|c| {
                let header = c.header.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut text = if header.is_empty() {
                    c.column.clone()
                } else {
                    format!("{} {header}", c.column)
                };
                text.push_str(&format!(" → {}", json_word(&c.role)));
                if let Some(region) = &c.region {
                    text.push_str(&format!(" {region}"));
                }
                if let Some(year) = c.year {
                    text.push_str(&format!(" {year}"));
                }
                let by = json_word(&c.by);
                if by != "header" {
                    text.push_str(&format!(" ({by})"));
                }
                text
            })
            .collect();
        outln!(
            "工作表 Sheet {}: {}; {}",
            sheet.name,
            facts.join(", "),
            columns.join(", ")
        );
    }
    if !report.source.sheets_skipped.is_empty() {
        let skipped: Vec<String> = report
            .source
            .sheets_skipped
            .iter()
            .map(|s| format!("{} ({})", s.name, json_word(&s.why)))
            .collect();
        outln!("未读取的工作表 Sheets not read: {}", skipped.join(", "));
    }
    outln!(
        "文件未涉及的指标 Not in the file: {}",
        report.not_in_file.len()
    );
    for names in report.not_in_file.chunks(8) {
        let names: Vec<&str> = names.iter().map(|n| n.indicator.as_str()).collect();
        outln!("  {}", names.join("、"));
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

/// Writes the report as .xlsx or .csv, chosen by the extension (`csv_codes`: a .csv with codes).
fn write_report(
    report: &duibiao_core::report::Report,
    plan: &Plan,
    out: &std::path::Path,
    csv_codes: bool,
) -> Result<(), String> {
    let extension = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("csv") => duibiao_core::export::report_csv(report, csv_codes),
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
        Output::Json => match plan.to_json() {
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

/// `plan draft FILE`: the draft to stdout (a table, or the plan file as JSON), to `--out` as a
/// plan file, and what the review must settle to stderr.
fn draft_plan(args: &Args) -> i32 {
    use duibiao_core::plan::draft::{draft_file, MAX_DRAFT_BYTES};
    use std::io::Read as _;
    let Some(path) = &args.file else {
        return fail("缺少文件 missing FILE: duibiao plan draft FILE");
    };
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut bytes = Vec::new();
    // One byte past the limit is enough for the drafter to refuse the file with its limit.
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DRAFT_BYTES as u64 + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(&format!("无法读取 cannot read {}: {e}", path.display()));
    }
    let draft = match draft_file(&bytes, &file_name, &duibiao_core::Codecs::OWN) {
        Ok(draft) => draft,
        Err(e) => return fail(&format!("{} / {}", e.message_zh(), e.message_en())),
    };
    let plan = &draft.plan;
    let json = match plan.to_json() {
        Ok(json) => json,
        Err(e) => return fail(&format!("JSON: {e}")),
    };
    if let Some(out) = &args.out {
        if let Err(e) = std::fs::write(out, format!("{json}\n")) {
            return fail(&format!("无法写入 cannot write {}: {e}", out.display()));
        }
    }
    for question in &draft.questions {
        eprintln!("duibiao: {file_name}: {question}");
    }
    for indicator in plan
        .indicators
        .iter()
        .filter(|i| i.notes.iter().any(|n| n.contains("请核对")))
    {
        eprintln!(
            "duibiao: {file_name}: 请核对 review {} “{}”: {}",
            indicator.id,
            indicator.name,
            indicator.notes.join(" ")
        );
    }
    eprintln!(
        "duibiao: {file_name}: {} 项目标 targets drafted, {} 句含数字未收录 sentences with figures left out (excluded)",
        plan.indicators.len(),
        plan.excluded.len()
    );
    match args.output {
        Output::Json => outln!("{json}"),
        Output::Table => {
            outln!(
                "{} ({}–{}), {} 项目标 targets",
                plan.title,
                plan.period.start,
                plan.period.end,
                plan.indicators.len()
            );
            for i in &plan.indicators {
                let base = i
                    .baseline
                    .as_ref()
                    .map_or("—".to_string(), |b| format!("{}年 {}", b.year, b.value));
                outln!(
                    "{:<12} {:<10} {:<30} {:<16} 基期 base: {:<12} 原文 quote: {}",
                    i.id,
                    plan.domain(&i.domain)
                        .map_or(i.domain.as_str(), |d| d.name.as_str()),
                    i.name,
                    i.target.display(&i.unit, false),
                    base,
                    i.source.quote.chars().take(60).collect::<String>()
                );
            }
            if !plan.excluded.is_empty() {
                outln!("未收录 Left out:");
            }
            for e in &plan.excluded {
                outln!(
                    "  {} — {}",
                    e.quote.chars().take(60).collect::<String>(),
                    e.reason
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
        draft: false,
        file: None,
        year: None,
        sheet: None,
        encoding: None,
        plan: None,
        source: None,
        out: None,
        csv_codes: false,
        output: Output::Table,
        columns: Vec::new(),
        sheet_choices: Vec::new(),
        confirmed: Vec::new(),
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
            Long("column") => {
                let written = parser.value().map_err(bad)?.string().map_err(bad)?;
                args.columns.push(parse_column(&written)?);
            }
            Long(option @ ("sheet-year" | "sheet-region" | "skip-sheet")) => {
                let option = format!("--{option}");
                let written = parser.value().map_err(bad)?.string().map_err(bad)?;
                args.sheet_option(&option, &written)?;
            }
            Long("confirm") => {
                let written = parser.value().map_err(bad)?.string().map_err(bad)?;
                args.confirmed.push(Confirmation::parse(&written).ok_or(format!(
                    "--confirm {written}: 应为 expected SHEET!CELL=VALUE, e.g. --confirm '柯城区!C5=95'"
                ))?);
            }
            Long("plan") => args.plan = Some(parser.value().map_err(bad)?.into()),
            Long("source") => args.source = Some(parser.value().map_err(bad)?.into()),
            Long("out") => args.out = Some(parser.value().map_err(bad)?.into()),
            Long("csv-codes") => args.csv_codes = true,
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
            Value(value) if args.command == "plan" && !args.draft && value == "draft" => {
                args.draft = true
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

impl Args {
    /// `--sheet-year SHEET=YEAR`, `--sheet-region SHEET=REGION` or `--skip-sheet SHEET`.
    fn sheet_option(&mut self, option: &str, written: &str) -> Result<(), String> {
        match option {
            "--sheet-year" => {
                let (sheet, year) = sheet_and(option, written, "SHEET=YEAR", "2022")?;
                let year = parse_year(year).ok_or(format!(
                    "--sheet-year {written}: 年份应为四位数字 the year must be a number such as 2022"
                ))?;
                self.sheet_choice(sheet).year = Some(year);
            }
            "--sheet-region" => {
                let (sheet, region) = sheet_and(option, written, "SHEET=REGION", "柯城区")?;
                self.sheet_choice(sheet).region = Some(region.to_string());
            }
            _ => {
                let sheet = unquote(written);
                if sheet.is_empty() {
                    return Err("--skip-sheet: 工作表名为空 the sheet name is empty".into());
                }
                self.sheet_choice(sheet).skip = true;
            }
        }
        Ok(())
    }

    /// The one choice for this sheet, made on its first option.
    fn sheet_choice(&mut self, sheet: &str) -> &mut SheetChoice {
        let index = match self.sheet_choices.iter().position(|c| c.sheet == sheet) {
            Some(index) => index,
            None => {
                self.sheet_choices.push(SheetChoice {
                    sheet: sheet.to_string(),
                    ..SheetChoice::default()
                });
                self.sheet_choices.len() - 1
            }
        };
        &mut self.sheet_choices[index]
    }
}

/// `name, region, …, ignored`: the words `--column` takes.
fn role_words() -> String {
    Role::ALL.map(Role::word).join(", ")
}

/// A sheet name as written, without the quotes Excel puts round one in a reference
/// (`'Sheet 1'!C`); no sheet name starts or ends with an apostrophe.
fn unquote(sheet: &str) -> &str {
    let sheet = sheet.trim();
    sheet
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .unwrap_or(sheet)
}

/// `SHEET=REST` split at its last `=` (a sheet name may hold one; a year or region does not).
fn sheet_and<'a>(
    option: &str,
    written: &'a str,
    shape: &str,
    example: &str,
) -> Result<(&'a str, &'a str), String> {
    let malformed =
        || format!("{option} {written}: 应为 expected {shape}, e.g. {option} Sheet1={example}");
    let (sheet, rest) = written.rsplit_once('=').ok_or_else(malformed)?;
    let (sheet, rest) = (unquote(sheet), rest.trim());
    if sheet.is_empty() || rest.is_empty() {
        return Err(malformed());
    }
    Ok((sheet, rest))
}

/// `2022` or `2022年`.
fn parse_year(text: &str) -> Option<i32> {
    let digits = text.strip_suffix('年').unwrap_or(text).trim();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `SHEET!COL=ROLE` or `COL=ROLE`.
fn parse_column(written: &str) -> Result<ColumnArg, String> {
    let (place, word) = written.rsplit_once('=').ok_or_else(|| {
        format!("--column {written}: 应为 expected SHEET!COL=ROLE, e.g. --column 'Sheet1!C=region'")
    })?;
    let word = word.trim();
    let role = Role::parse(&word.to_ascii_lowercase()).ok_or_else(|| {
        format!(
            "--column {written}: 未知用途 unknown role \"{word}\"; 可用 roles: {}",
            role_words()
        )
    })?;
    let (sheet, letters) = match place.rsplit_once('!') {
        Some((sheet, letters)) => {
            let sheet = unquote(sheet);
            if sheet.is_empty() {
                return Err(format!(
                    "--column {written}: 工作表名为空 the sheet name is empty"
                ));
            }
            (Some(sheet.to_string()), letters.trim())
        }
        None => (None, place.trim()),
    };
    let column = column_index(letters).ok_or_else(|| {
        format!(
            "--column {written}: “{letters}”不是列字母 is not a column letter (A, B, …, Z, AA, … XFD)"
        )
    })?;
    Ok(ColumnArg {
        sheet,
        column,
        role,
    })
}

/// Excel's column letters, 0-based (A = 0, AA = 26), up to XFD, its last column.
fn column_index(letters: &str) -> Option<u32> {
    const LAST: u32 = 16_383;
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut number = 0u32;
    for byte in letters.bytes() {
        if !byte.is_ascii_alphabetic() {
            return None;
        }
        number = number * 26 + u32::from(byte.to_ascii_uppercase() - b'A') + 1;
    }
    (number - 1 <= LAST).then(|| number - 1)
}
