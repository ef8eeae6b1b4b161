//! The same facts — four indicators, three counties, two years — written in every table shape a
//! statistics system or a person makes (tests/fixtures/shapes/README.md: tidy exports, region and
//! year columns, a sheet per county or per year, years down the side, units in the cells, section
//! rows, .xls, .ods, GBK CSV, each made by a real tool): every file must give exactly the
//! (region, indicator, year, value) set it holds, and read no target or hidden sheet as data.

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::ingest::IngestErrorKind;
use duibiao_core::plan::Plan;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

type Fact = (String, String, i32, String);

fn dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/shapes"
    ))
}

fn json(name: &str) -> Value {
    let text = std::fs::read_to_string(dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A value as the facts file writes it: 3.1, 97.0 → "97".
fn number(value: f64) -> String {
    duibiao_core::numbers::trim_float(value)
}

/// The facts a file's report gives: every result row with a value, by the plan's indicator name.
fn read(file: &str) -> Result<(BTreeSet<Fact>, duibiao_core::report::Report), IngestErrorKind> {
    let path = dir().join(file);
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let report = check(
        &name,
        &bytes,
        &Plan::default_plan(),
        &CheckOptions::default(),
    )
    .map_err(|e| e.kind)?;
    let facts = report
        .results
        .iter()
        .filter_map(|row| {
            Some((
                row.region.clone().unwrap_or_default(),
                row.indicator.clone(),
                row.year,
                number(row.findings.value?),
            ))
        })
        .collect();
    Ok((facts, report))
}

fn facts_of(list: &Value) -> BTreeSet<Fact> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["region"].as_str().unwrap().to_string(),
                f["indicator"].as_str().unwrap().to_string(),
                f["year"].as_i64().unwrap() as i32,
                number(f["value"].as_f64().unwrap()),
            )
        })
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

fn years(value: &Value) -> Vec<i32> {
    value
        .as_array()
        .map(|a| a.iter().map(|y| y.as_i64().unwrap() as i32).collect())
        .unwrap_or_default()
}

#[test]
fn every_shape_gives_the_same_facts() {
    let all = facts_of(&json("facts.json"));
    let expected = json("expected.json");
    let mut checked = 0;
    for (file, spec) in expected.as_object().unwrap() {
        if spec.get("bad").is_some() {
            continue;
        }
        let (got, report) = read(file).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        let wanted: BTreeSet<Fact> = match &spec["facts"] {
            Value::String(all_of_them) if all_of_them == "all" => all.clone(),
            subset => {
                let (years, regions) = (years(&subset["years"]), strings(&subset["regions"]));
                all.iter()
                    .filter(|f| years.contains(&f.2) && regions.contains(&f.0))
                    .cloned()
                    .collect()
            }
        };
        let (extra_years, extra_regions) = (
            years(&spec["extra_allowed"]["years"]),
            strings(&spec["extra_allowed"]["regions"]),
        );
        let missing: Vec<&Fact> = wanted.difference(&got).collect();
        assert!(missing.is_empty(), "{file}: not read {missing:?}");
        let unexpected: Vec<&Fact> = got
            .difference(&wanted)
            .filter(|f| !extra_years.contains(&f.2) && !extra_regions.contains(&f.0))
            .collect();
        assert!(unexpected.is_empty(), "{file}: read as data {unexpected:?}");
        let mut skipped: Vec<String> = report
            .source
            .sheets_skipped
            .iter()
            .map(|s| s.name.clone())
            .collect();
        let mut want_skipped = strings(&spec["sheets_skipped"]);
        skipped.sort();
        want_skipped.sort();
        assert_eq!(skipped, want_skipped, "{file}: sheets skipped");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} files");
}

#[test]
fn a_hidden_sheet_is_named_and_never_read() {
    let (_, report) = read("sheet-per-county.xlsx").unwrap();
    let hidden = report
        .source
        .sheets_skipped
        .iter()
        .find(|s| s.name == "旧数据")
        .unwrap();
    assert_eq!(serde_json::to_value(hidden.why).unwrap(), "hidden");
    let read: Vec<&str> = report
        .source
        .sheets_read
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(read, ["柯城区", "衢江区", "开化县"]);
    assert!(report
        .source
        .sheets_read
        .iter()
        .all(|s| s.region.as_deref() == Some(s.name.as_str())));
}

#[test]
fn contradictory_shapes_are_asked_about_not_guessed() {
    assert!(matches!(
        read("bad/two-year-columns-disagree.xlsx").map(|_| ()),
        Err(IngestErrorKind::ColumnsDisagree { .. })
    ));
    assert!(matches!(
        read("bad/region-column-numbers.xlsx").map(|_| ()),
        Err(IngestErrorKind::ColumnNotAsHeaded { .. })
    ));
}

#[test]
fn two_hundred_township_sheets_are_all_read() {
    let spec = json("bad/township-sheets-200.facts.json");
    let indicators = strings(&spec["indicators"]);
    let years = years(&spec["years"]);
    let mut wanted = BTreeSet::new();
    for (town, values) in spec["values"].as_object().unwrap() {
        for (i, per_year) in values.as_array().unwrap().iter().enumerate() {
            for (y, value) in per_year.as_array().unwrap().iter().enumerate() {
                wanted.insert((
                    town.clone(),
                    indicators[i].clone(),
                    years[y],
                    number(value.as_f64().unwrap()),
                ));
            }
        }
    }
    let (got, report) = read("bad/township-sheets-200.xlsx").unwrap();
    assert_eq!(report.source.sheets_read.len(), 200);
    assert_eq!(got, wanted);
}
