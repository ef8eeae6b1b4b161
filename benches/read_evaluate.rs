//! Read + evaluate on generated submissions (6 columns: 序号 | 指标名称 | 计量单位 | 2020年 |
//! 2022年 | 2023年; every tenth row a plan indicator) of 100, 10,000 and 200,000 rows as .xlsx and
//! GBK CSV, and of 100, 10,000 and 65,535 rows as .xls (BIFF8 holds at most 65,536 rows); and the
//! tidy shape a statistics system exports (地区 | 指标名称 | 年份 | 数值, one figure per row) of
//! 200,000 rows as .xlsx (`rows-200000-tidy.xlsx`). A benchmark, never a test: it prints figures
//! and asserts nothing about speed.
//!
//! The inputs live on disk in `target/bench-inputs/` so that the in-browser benchmark times the
//! same files:
//! - `cargo bench --bench read_evaluate -- --write-inputs` writes the .xlsx and .csv files, a
//!   20-row .xlsx for the browser's pick-to-results measurement, and `xls-rows.json` (the rows
//!   for `benches/make_xls.py`, which writes the .xls files beside it), then exits;
//! - `cargo bench --profile worker --bench read_evaluate` times every .xlsx, .xls and .csv file
//!   there (writing the directory first when it is missing), printing the median of several
//!   runs; `--profile worker` is what the browser's worker is built with (Cargo.toml), so native
//!   and browser figures differ only by target.
//!
//! Last, drafting a plan from its text (`plan::draft`): the project's plan text repeated to
//! 100,000 characters (`plan-100000-chars.txt`, also written to the inputs directory);
//! `-- --draft` times only that.
//!
//! BENCHMARKS.md records the figures.

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::ingest::read_workbook;
use duibiao_core::plan::Plan;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Rows of the .xlsx and GBK CSV inputs.
const SIZES: [usize; 3] = [100, 10_000, 200_000];
/// Rows of the 20-row .xlsx the browser benchmark picks (pick-to-results).
const PICK_ROWS: usize = 20;
/// Rows `make_xls.py` writes as .xls: 65,535 data rows + the header fill BIFF8's 65,536.
const XLS_SIZES: [usize; 3] = [100, 10_000, 65_535];
/// The rows `make_xls.py` reads (the first `XLS_SIZES[2]` rows, header apart).
const XLS_ROWS_FILE: &str = "xls-rows.json";

const HEADER: [&str; 6] = ["序号", "指标名称", "计量单位", "2020年", "2022年", "2023年"];

fn inputs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs")
}

fn label(row: usize, plan: &Plan) -> String {
    // Every tenth row is a plan indicator; the rest are other figures a county reports.
    if row.is_multiple_of(10) {
        plan.indicators[(row / 10) % plan.indicators.len()]
            .name
            .clone()
    } else {
        format!("其他统计指标{row}")
    }
}

/// One data row: its number (from 1), label, unit and the 2020, 2022 and 2023 values.
struct Row {
    number: usize,
    label: String,
    unit: &'static str,
    values: [f64; 3],
}

/// The first `n` rows; every input holds a prefix of the same sequence.
fn rows(n: usize, plan: &Plan) -> Vec<Row> {
    (0..n)
        .map(|r| Row {
            number: r + 1,
            label: label(r, plan),
            unit: "%",
            values: [
                90.0 + (r % 7) as f64,
                91.0 + (r % 5) as f64,
                92.5 + (r % 3) as f64,
            ],
        })
        .collect()
}

fn xlsx(n: usize, plan: &Plan) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    for (r, row) in rows(n, plan).iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, row.number as f64)?;
        sheet.write_string(r, 1, &row.label)?;
        sheet.write_string(r, 2, row.unit)?;
        for (c, value) in row.values.iter().enumerate() {
            sheet.write_number(r, 3 + c as u16, *value)?;
        }
    }
    book.save_to_buffer()
}

/// Rows of the tidy input.
const TIDY_ROWS: usize = 200_000;
const TIDY_HEADER: [&str; 4] = ["地区", "指标名称", "年份", "数值"];
const TIDY_REGIONS: [&str; 2] = ["柯城区", "衢江区"];

/// One figure per row: each label of the long inputs for two regions and two years, in the order
/// a system exports them (by label, then region, then year).
fn tidy_xlsx(n: usize, plan: &Plan) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in TIDY_HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    for (r, row) in rows(n.div_ceil(4), plan).iter().enumerate() {
        for (k, (region, year)) in [(0, 0), (0, 1), (1, 0), (1, 1)].into_iter().enumerate() {
            let at = (r * 4 + k) as u32 + 1;
            if at as usize > n {
                break;
            }
            sheet.write_string(at, 0, TIDY_REGIONS[region])?;
            sheet.write_string(at, 1, &row.label)?;
            sheet.write_number(at, 2, f64::from(2022 + year))?;
            sheet.write_number(at, 3, row.values[1 + year as usize] - region as f64)?;
        }
    }
    book.save_to_buffer()
}

fn gbk_csv(n: usize, plan: &Plan) -> Vec<u8> {
    let mut text = HEADER.join(",");
    text.push('\n');
    for row in rows(n, plan) {
        let [a, b, c] = row.values;
        text.push_str(&format!(
            "{},{},{},{a},{b},{c}\n",
            row.number, row.label, row.unit
        ));
    }
    encoding_rs::GB18030.encode(&text).0.into_owned()
}

/// `{"header": [...], "rows": [[1, "label", "%", 90.0, 91.0, 92.5], ...]}`, UTF-8.
fn xls_rows_json(n: usize, plan: &Plan) -> Vec<u8> {
    let rows: Vec<serde_json::Value> = rows(n, plan)
        .into_iter()
        .map(|row| {
            serde_json::json!([
                row.number,
                row.label,
                row.unit,
                row.values[0],
                row.values[1],
                row.values[2]
            ])
        })
        .collect();
    serde_json::json!({ "header": HEADER, "rows": rows })
        .to_string()
        .into_bytes()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

/// Writes every input this program makes (all but the .xls files) into `dir`.
fn write_inputs(dir: &Path, plan: &Plan) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let xlsx = |n| xlsx(n, plan).map_err(|e| format!("cannot make the {n}-row .xlsx: {e}"));
    write(dir, &format!("rows-{PICK_ROWS}.xlsx"), &xlsx(PICK_ROWS)?)?;
    for n in SIZES {
        write(dir, &format!("rows-{n}.xlsx"), &xlsx(n)?)?;
        write(dir, &format!("rows-{n}-gbk.csv"), &gbk_csv(n, plan))?;
    }
    let tidy = tidy_xlsx(TIDY_ROWS, plan)
        .map_err(|e| format!("cannot make the {TIDY_ROWS}-row tidy .xlsx: {e}"))?;
    write(dir, &format!("rows-{TIDY_ROWS}-tidy.xlsx"), &tidy)?;
    let most = XLS_SIZES.into_iter().max().unwrap_or(0);
    write(dir, XLS_ROWS_FILE, &xls_rows_json(most, plan))
}

/// A file to time: `rows-N.xlsx`, `rows-N-tidy.xlsx`, `rows-N.xls` or `rows-N-gbk.csv` (any
/// .xlsx, .xls or .csv).
struct Input {
    format: usize,
    rows: usize,
    name: String,
    path: PathBuf,
}

const FORMATS: [&str; 3] = ["xlsx", "xls", "csv"];

fn inputs(dir: &Path) -> Result<Vec<Input>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        let Some(format) = name
            .rsplit_once('.')
            .and_then(|(_, ext)| FORMATS.iter().position(|f| ext.eq_ignore_ascii_case(f)))
        else {
            continue;
        };
        let rows = name
            .strip_prefix("rows-")
            .map(|rest| {
                rest.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            })
            .and_then(|digits| digits.parse().ok())
            .unwrap_or(usize::MAX);
        found.push(Input {
            format,
            rows,
            name,
            path,
        });
    }
    found.sort_by(|a, b| (a.format, a.rows, &a.name).cmp(&(b.format, b.rows, &b.name)));
    Ok(found)
}

/// Median and minimum of `runs` timings of `work`.
fn time(runs: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn median(format: &str, name: &str, bytes: &[u8], plan: &Plan) {
    let runs = if bytes.len() > 1_000_000 { 5 } else { 15 };
    let options = CheckOptions::default();
    let (read, _) = time(runs, || {
        std::hint::black_box(
            read_workbook(name, bytes, &options.read).expect("benchmark input reads"),
        );
    });
    let (total, fastest) = time(runs, || {
        std::hint::black_box(check(name, bytes, plan, &options).expect("benchmark input reads"));
    });
    println!(
        "{format:<4} {name:<22} {:>9} bytes  read {:>9.2?}  read+evaluate median {:>9.2?} (min {:.2?}, {runs} runs)",
        bytes.len(),
        read,
        total,
        fastest
    );
}

/// Characters of the plan text the drafter is timed on.
const PLAN_CHARS: usize = 100_000;
const PLAN_TEXT: &str = include_str!("../tests/source/quzhou-plan-notice-2021.txt");

/// The plan's text repeated (a line break between copies) up to `PLAN_CHARS` characters: a
/// plan six times as long as the project's, with six key-indicator tables.
fn long_plan_text() -> String {
    PLAN_TEXT
        .chars()
        .chain(std::iter::once('\n'))
        .cycle()
        .take(PLAN_CHARS)
        .collect()
}

fn draft_median(dir: &Path) -> Result<(), String> {
    use duibiao_core::plan::draft::{draft_text, DraftOptions};
    let text = long_plan_text();
    let path = dir.join(format!("plan-{PLAN_CHARS}-chars.txt"));
    std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let runs = 15;
    let mut targets = 0;
    let (median, fastest) = time(runs, || {
        let draft = draft_text(&text, &DraftOptions::default()).expect("the plan text drafts");
        targets = draft.plan.indicators.len();
        std::hint::black_box(draft);
    });
    println!(
        "draft plan-{PLAN_CHARS}-chars.txt {:>9} bytes  {targets} targets  median {median:>9.2?} (min {fastest:.2?}, {runs} runs)",
        text.len()
    );
    Ok(())
}

fn run(write_only: bool, draft_only: bool) -> Result<(), String> {
    let plan = Plan::default_plan();
    let dir = inputs_dir();
    if draft_only {
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        return draft_median(&dir);
    }
    if write_only {
        return write_inputs(&dir, &plan);
    }
    if !dir.is_dir() {
        write_inputs(&dir, &plan)?;
    }
    let found = inputs(&dir)?;
    if !found.iter().any(|input| FORMATS[input.format] == "xls") {
        println!(
            "no .xls inputs in {}: make them with benches/make_xls.py (xlwt)",
            dir.display()
        );
    }
    for input in found {
        // Read before timing: the figures are for parsing and evaluating, not the disk.
        let bytes = std::fs::read(&input.path)
            .map_err(|e| format!("cannot read {}: {e}", input.path.display()))?;
        median(FORMATS[input.format], &input.name, &bytes, &plan);
    }
    draft_median(&dir)
}

fn main() -> ExitCode {
    let mut write_only = false;
    let mut draft_only = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--write-inputs" => write_only = true,
            "--draft" => draft_only = true,
            // cargo bench passes --bench to every bench target; filters are not supported.
            "--bench" => {}
            other => {
                eprintln!(
                    "read_evaluate: unknown argument {other} (only --write-inputs or --draft)"
                );
                return ExitCode::from(2);
            }
        }
    }
    match run(write_only, draft_only) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("read_evaluate: {message}");
            ExitCode::FAILURE
        }
    }
}
