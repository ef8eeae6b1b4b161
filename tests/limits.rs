//! Inputs past the limits are refused with a message naming the limit, quickly and without
//! exhausting memory.

use duibiao_core::ingest::{
    read_workbook, IngestErrorKind, ReadOptions, MAX_CELLS, MAX_FILE_BYTES,
};

#[test]
fn a_sheet_of_a_million_rows_is_refused_naming_the_cell_limit() {
    let mut csv = String::with_capacity(24_000_000);
    csv.push_str("指标名称,2020年,2021年,2022年,2023年,备注\n");
    for row in 0..1_000_000 {
        csv.push_str(&format!("指标{row},1,2,3,4,\n"));
    }
    let error = read_workbook("百万行.csv", csv.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_refused_by_the_cell_limit(&error);
}

/// Refused by `MAX_CELLS`, which both messages name.
fn assert_refused_by_the_cell_limit(error: &duibiao_core::ingest::IngestError) {
    assert!(
        matches!(
            error.kind,
            IngestErrorKind::TooManyCells {
                limit: MAX_CELLS,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.message_zh().contains(&MAX_CELLS.to_string()),
        "{}",
        error.message_zh()
    );
    assert!(error.message_en().contains(&MAX_CELLS.to_string()));
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_parsing() {
    let bytes = vec![b'a'; MAX_FILE_BYTES + 1];
    let error = read_workbook("big.csv", &bytes, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(error.kind, IngestErrorKind::FileTooLarge { .. }),
        "{error:?}"
    );
    assert!(
        error.message_zh().contains("50.0 MB"),
        "{}",
        error.message_zh()
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory_naming_the_limit() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/bad/bomb.xlsx"
    ))
    .unwrap();
    let error = read_workbook("bomb.xlsx", &bytes, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(error.kind, IngestErrorKind::ZipTooLarge { .. }),
        "{error:?}"
    );
    assert!(error.message_zh().contains("200.0 MB"));
    let lying = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/bad/bomb-lying.xlsx"
    ))
    .unwrap();
    let error = read_workbook("bomb-lying.xlsx", &lying, &ReadOptions::default()).unwrap_err();
    assert!(
        matches!(
            error.kind,
            IngestErrorKind::ZipSizeMismatch { declared: 1000, .. }
        ),
        "{error:?}"
    );
}

#[test]
fn a_label_that_repeats_a_name_never_matches_by_accident() {
    let plan = duibiao_core::plan::Plan::default_plan();
    let matcher = duibiao_core::matching::Matcher::new(&plan);
    let long = "婴儿死亡率".repeat(40);
    assert!(!matches!(
        matcher.match_label(&long),
        duibiao_core::matching::Outcome::Matched(_)
    ));
}

#[test]
fn every_past_fuzzer_finding_is_read_or_refused_without_panicking() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions/ingest");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        // The fuzz target spends its first byte on options; the rest is the file.
        let result = std::panic::catch_unwind(|| {
            read_workbook("regression.xls", &bytes[1..], &ReadOptions::default())
        });
        assert!(result.is_ok(), "panicked on {}", path.display());
    }
}

/// An .xlsx whose first worksheet's `<sheetData>` is replaced by `sheet_data`.
fn xlsx_with_sheet_data(sheet_data: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "指标名称").unwrap();
    let written = book.save_to_buffer().unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(written)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = String::new();
        entry.read_to_string(&mut content).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let start = content.find("<sheetData").unwrap();
            let end = content.find("</sheetData>").unwrap() + "</sheetData>".len();
            content.replace_range(start..end, sheet_data);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_cell_on_the_last_u32_row_is_refused_not_wrapped() {
    // calamine counts a row without `r` as the one after the last: here row index u32::MAX.
    // Its "+ 1" wrapped to 0 on 32-bit targets (the browser's wasm32) and indexed past the grid.
    let bytes = xlsx_with_sheet_data(
        r#"<sheetData><row r="4294967295"></row><row><c t="inlineStr"><is><t>婴儿死亡率</t></is></c></row></sheetData>"#,
    );
    let error = read_workbook("末行.xlsx", &bytes, &ReadOptions::default()).unwrap_err();
    assert_refused_by_the_cell_limit(&error);
    // 2^32 rows × 1 column, counted without wrapping.
    assert!(
        error.message_zh().contains("4294967296"),
        "{}",
        error.message_zh()
    );
}
