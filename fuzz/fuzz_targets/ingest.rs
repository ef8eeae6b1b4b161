//! Fuzzes the ingest entry point (`read_workbook`) and, on success, matching + evaluation.
//!
//! Input layout: byte 0 selects the file name and read options, the rest is the file.
//! The format is sniffed from the bytes, so xlsx/xlsb/xls/ods/csv are all reachable.
//! Any `Result` is fine; only a panic, crash, timeout or OOM is a finding.
#![no_main]

use duibiao_core::check::{evaluate_workbook, CheckOptions};
use duibiao_core::ingest::{read_workbook, ReadOptions, TextEncoding};
use duibiao_core::plan::Plan;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static PLAN: OnceLock<Plan> = OnceLock::new();

const FILE_NAMES: [&str; 4] = ["data.xlsx", "监测数据-2023.csv", "report.xls", "x"];
const ENCODINGS: [Option<TextEncoding>; 4] = [
    None,
    Some(TextEncoding::Gb18030),
    Some(TextEncoding::Utf8),
    Some(TextEncoding::Utf16le),
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    // bits 0-1: file name; bit 2: year; bits 3-4: encoding; bit 5: sheet.
    let file_name = FILE_NAMES[(selector & 0b11) as usize];
    let options = ReadOptions {
        year: (selector & 0b100 != 0).then_some(2023),
        encoding: ENCODINGS[((selector >> 3) & 0b11) as usize],
        sheet: (selector & 0b10_0000 != 0).then(|| "Sheet1".to_string()),
        ..ReadOptions::default()
    };
    if let Ok(workbook) = read_workbook(file_name, bytes, &options) {
        let plan = PLAN.get_or_init(Plan::default_plan);
        let _ = evaluate_workbook(&workbook, "0", plan, &CheckOptions::default());
    }
});
