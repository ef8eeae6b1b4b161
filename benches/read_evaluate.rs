//! Read + evaluate on generated submissions of 100, 10,000 and 200,000 rows (6 columns), as
//! .xlsx and as GBK CSV. `make bench` (or `cargo bench --bench read_evaluate`) prints the
//! median of several runs; BENCHMARKS.md records the figures. A benchmark, never a test.

use duibiao::check::{check, CheckOptions};
use duibiao::ingest::read_workbook;
use duibiao::plan::Plan;
use std::time::{Duration, Instant};

const SIZES: [usize; 3] = [100, 10_000, 200_000];

fn label(row: usize, plan: &Plan) -> String {
    // Every tenth row is a plan indicator; the rest are other figures a county reports.
    if row % 10 == 0 {
        plan.indicators[(row / 10) % plan.indicators.len()]
            .name
            .clone()
    } else {
        format!("其他统计指标{row}")
    }
}

fn rows(n: usize, plan: &Plan) -> Vec<[String; 6]> {
    (0..n)
        .map(|r| {
            [
                (r + 1).to_string(),
                label(r, plan),
                "%".into(),
                format!("{}", 90.0 + (r % 7) as f64),
                format!("{}", 91.0 + (r % 5) as f64),
                format!("{}", 92.5 + (r % 3) as f64),
            ]
        })
        .collect()
}

const HEADER: [&str; 6] = ["序号", "指标名称", "计量单位", "2020年", "2022年", "2023年"];

fn xlsx(n: usize, plan: &Plan) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows(n, plan).iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, f64::from(r)).unwrap();
        sheet.write_string(r, 1, &row[1]).unwrap();
        sheet.write_string(r, 2, &row[2]).unwrap();
        for c in 3..6 {
            sheet
                .write_number(r, c as u16, row[c].parse::<f64>().unwrap())
                .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn gbk_csv(n: usize, plan: &Plan) -> Vec<u8> {
    let mut text = HEADER.join(",");
    text.push('\n');
    for row in rows(n, plan) {
        text.push_str(&row.join(","));
        text.push('\n');
    }
    encoding_rs::GB18030.encode(&text).0.into_owned()
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

fn median(name: &str, bytes: &[u8], plan: &Plan) {
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
        "{name:<24} {:>9} bytes  read {:>9.2?}  read+evaluate median {:>9.2?} (min {:.2?}, {runs} runs)",
        bytes.len(),
        read,
        total,
        fastest
    );
}

fn main() {
    let plan = Plan::default_plan();
    for n in SIZES {
        median(&format!("{n}-rows.xlsx"), &xlsx(n, &plan), &plan);
        median(&format!("{n}-rows-gbk.csv"), &gbk_csv(n, &plan), &plan);
    }
}
