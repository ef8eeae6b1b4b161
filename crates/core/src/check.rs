//! The whole pipeline in one call: bytes → workbook → matches → evaluations → report.

use crate::evaluate::{evaluate, Case, Evaluation, Reading};
use crate::ingest::value::Value;
use crate::ingest::{
    read_workbook_with, unit_in_label, IngestError, Observation, ReadContext, ReadOptions, Sheet,
    Workbook,
};
use crate::matching::{Matcher, Outcome, Override};
use crate::plan::Plan;
use crate::report::{
    count_statuses, DomainCounts, MatchInfo, PlanInfo, Report, ResultRow, SourceInfo, Summary,
    TargetInfo, UnmatchedRow, UnmatchedWhy,
};
use crate::units::Unit;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Everything a user can choose about a check.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CheckOptions {
    pub read: ReadOptions,
    /// The year the summary is for; the latest year in the file when `None`.
    pub reporting_year: Option<i32>,
    pub overrides: Vec<Override>,
    /// Values the plan does not give but a target needs (the 2018 base of 近视率), by indicator id.
    pub supplied_bases: BTreeMap<String, f64>,
}

/// Reads, matches and evaluates a file, with the core's own decoders (the CLI's and the tests').
#[cfg(feature = "own-codecs")]
pub fn check(
    file_name: &str,
    bytes: &[u8],
    plan: &Plan,
    options: &CheckOptions,
) -> Result<Report, IngestError> {
    check_with(file_name, bytes, plan, options, &crate::Codecs::OWN)
}

/// Reads, matches and evaluates a file, decoding with the host's codecs.
pub fn check_with(
    file_name: &str,
    bytes: &[u8],
    plan: &Plan,
    options: &CheckOptions,
    codecs: &crate::Codecs,
) -> Result<Report, IngestError> {
    let workbook =
        read_workbook_with(file_name, bytes, &options.read, &read_context(plan), codecs)?;
    Ok(evaluate_workbook(
        &workbook,
        &sha256_hex(bytes),
        plan,
        options,
    ))
}

/// What the reader needs to know of a plan: its regions and its base year.
pub fn read_context(plan: &Plan) -> ReadContext {
    ReadContext {
        regions: plan.region_book(),
        base_year: Some(plan.baseline_year),
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Matches and evaluates an already-read workbook (the page re-runs this when a match changes):
/// match the labels, choose the years, sort out the matched rows' figures, evaluate every
/// indicator × region × year, and count.
pub fn evaluate_workbook(
    workbook: &Workbook,
    sha256: &str,
    plan: &Plan,
    options: &CheckOptions,
) -> Report {
    let sheet = &workbook.sheet;
    let (matched, unmatched) = match_labels(sheet, plan, &options.overrides);
    let (years, reporting_year) = years_to_evaluate(sheet, plan, options.reporting_year);
    let results = evaluate_rows(sheet, plan, options, &matched, &years);
    let summary = summarise(plan, &results, reporting_year);
    Report {
        source: SourceInfo {
            file: workbook.file_name.clone(),
            sheet: sheet.name.clone(),
            sha256: sha256.to_string(),
            format: workbook.format,
            encoding: workbook.encoding,
            sheets: workbook.sheet_names.clone(),
            layout: sheet.layout,
            header_row: sheet.header_row,
            year_source: sheet.year_source,
        },
        plan: PlanInfo {
            id: plan.id.clone(),
            title: plan.title.clone(),
            baseline_year: plan.baseline_year,
            period: plan.period,
        },
        reporting_year,
        check_kind: plan.check_kind(reporting_year),
        years,
        regions: sheet.regions.clone(),
        results,
        unmatched,
        summary,
    }
}

/// Indicator id → (the label that gives it, how it matched); the first row for an indicator
/// counts and later ones are listed as duplicates.
type Matched = BTreeMap<String, (usize, MatchInfo)>;

fn match_labels(
    sheet: &Sheet,
    plan: &Plan,
    overrides: &[Override],
) -> (Matched, Vec<UnmatchedRow>) {
    let mut matched = Matched::new();
    let mut unmatched = Vec::new();
    let matcher = Matcher::new(plan);
    for (index, label) in sheet.labels.iter().enumerate() {
        let unmatched_row = |why, candidates| UnmatchedRow {
            as_written: label.as_written.clone(),
            cell: label.cell.to_string(),
            candidates,
            why,
        };
        match matcher.match_with_overrides(&label.as_written, overrides) {
            Outcome::Matched(m) => match matched.entry(m.indicator_id) {
                std::collections::btree_map::Entry::Occupied(_) => {
                    unmatched.push(unmatched_row(UnmatchedWhy::Duplicate, vec![]));
                }
                std::collections::btree_map::Entry::Vacant(entry) => {
                    entry.insert((
                        index,
                        MatchInfo {
                            method: m.method,
                            confidence: m.confidence,
                        },
                    ));
                }
            },
            Outcome::Ambiguous { candidates } => {
                unmatched.push(unmatched_row(UnmatchedWhy::Ambiguous, candidates))
            }
            Outcome::Unmatched { best } => unmatched.push(unmatched_row(
                UnmatchedWhy::Unmatched,
                best.into_iter().collect(),
            )),
            Outcome::Removed => unmatched.push(unmatched_row(UnmatchedWhy::Removed, vec![])),
        }
    }
    (matched, unmatched)
}

/// The years to evaluate — those after the base year that hold at least one figure (a
/// template's empty last column is not a year the file reports) — and the reporting year: the
/// one chosen if the file has it, else the latest.
fn years_to_evaluate(sheet: &Sheet, plan: &Plan, chosen: Option<i32>) -> (Vec<i32>, i32) {
    let has_data = |year: i32| {
        sheet
            .observations
            .iter()
            .any(|o| o.year == year && !matches!(o.value, Value::Missing))
    };
    let mut years: Vec<i32> = sheet
        .years
        .iter()
        .copied()
        .filter(|&y| y > plan.baseline_year && has_data(y))
        .collect();
    if years.is_empty() {
        years = sheet.years.clone();
    }
    let reporting_year = chosen
        .filter(|y| years.contains(y))
        .or(years.last().copied())
        .unwrap_or(plan.period.end);
    (years, reporting_year)
}

/// One result row per plan indicator × region × year.
fn evaluate_rows(
    sheet: &Sheet,
    plan: &Plan,
    options: &CheckOptions,
    matched: &Matched,
    years: &[i32],
) -> Vec<ResultRow> {
    let regions: Vec<Option<String>> = if sheet.regions.is_empty() {
        vec![None]
    } else {
        sheet.regions.iter().cloned().map(Some).collect()
    };
    let observations_of_label = observations_of_matched_labels(sheet, matched);
    let mut results = Vec::new();
    for indicator in &plan.indicators {
        let found = matched.get(&indicator.id);
        let label = found.map(|(label_index, _)| &sheet.labels[*label_index]);
        let observations: &[&Observation] = found
            .and_then(|(label_index, _)| observations_of_label[*label_index].as_deref())
            .unwrap_or_default();
        let stated_unit = label.and_then(|label| {
            label
                .unit_text
                .as_deref()
                .and_then(Unit::parse)
                .or_else(|| unit_in_label(&label.as_written))
        });
        for region in &regions {
            let in_region = || observations.iter().filter(|o| &o.region == region);
            let readings: Vec<Reading> = in_region()
                .map(|o| Reading {
                    year: o.year,
                    value: o.value.clone(),
                    stated_unit,
                })
                .collect();
            for &year in years {
                let case = Case {
                    plan,
                    indicator,
                    year,
                    readings: &readings,
                    supplied_base: options.supplied_bases.get(&indicator.id).copied(),
                };
                let observation = in_region().find(|o| o.year == year).copied();
                results.push(result_row(
                    &case,
                    evaluate(&case),
                    region,
                    label.map(|l| l.as_written.clone()),
                    observation,
                    found.map(|(_, info)| info.clone()),
                ));
            }
        }
    }
    results
}

/// The matched labels' figures in one pass: a big sheet holds hundreds of thousands of
/// observations, and scanning them all for every indicator × region × year took longer than
/// reading the file. Indexed by label; `None` for labels no indicator matched.
fn observations_of_matched_labels<'s>(
    sheet: &'s Sheet,
    matched: &Matched,
) -> Vec<Option<Vec<&'s Observation>>> {
    let mut observations_of_label: Vec<Option<Vec<&Observation>>> = vec![None; sheet.labels.len()];
    for (label_index, _) in matched.values() {
        observations_of_label[*label_index] = Some(Vec::new());
    }
    for observation in &sheet.observations {
        if let Some(Some(observations)) = observations_of_label.get_mut(observation.label) {
            observations.push(observation);
        }
    }
    observations_of_label
}

fn result_row(
    case: &Case,
    evaluation: Evaluation,
    region: &Option<String>,
    as_written: Option<String>,
    observation: Option<&Observation>,
    match_info: Option<MatchInfo>,
) -> ResultRow {
    let indicator = case.indicator;
    let target = &indicator.target;
    ResultRow {
        indicator_id: indicator.id.clone(),
        indicator: indicator.name.clone(),
        domain: indicator.domain.clone(),
        as_written,
        region: region.clone(),
        year: case.year,
        cell: observation.map(|o| o.cell.to_string()),
        value_as_written: observation
            .map(|o| o.as_written())
            .filter(|s| !s.is_empty()),
        unit: indicator.unit.clone(),
        target: TargetInfo {
            op: target.op.symbol().to_string(),
            op_code: target.op.code().to_string(),
            value: target.value,
            upper: target.upper,
            year: target.year,
            text: target.display(&indicator.unit, false),
            plan_text: target.text.clone(),
        },
        findings: evaluation.findings,
        match_info,
    }
}

/// The reporting year's counts, overall and by chapter.
fn summarise(plan: &Plan, results: &[ResultRow], reporting_year: i32) -> Summary {
    let current = || results.iter().filter(|r| r.year == reporting_year);
    Summary {
        counts: count_statuses(current()),
        by_domain: plan
            .domains
            .iter()
            .map(|d| DomainCounts {
                domain: d.id.clone(),
                name: d.name.clone(),
                counts: count_statuses(current().filter(|r| r.domain == d.id)),
            })
            .filter(|d| d.counts.iter().any(|c| c.count > 0))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str =
        "指标名称,2020年,2023年\n婴儿死亡率,4.0,3.5\n儿童死亡率（本地口径）,6.1,5.8\n";

    fn run(overrides: Vec<Override>) -> Report {
        let options = CheckOptions {
            overrides,
            ..CheckOptions::default()
        };
        check("draft.csv", CSV.as_bytes(), &Plan::default_plan(), &options).unwrap()
    }

    fn row<'a>(report: &'a Report, id: &str) -> &'a ResultRow {
        report
            .current_rows()
            .find(|r| r.indicator_id == id)
            .unwrap()
    }

    #[test]
    fn a_mapped_row_is_evaluated_and_a_removed_one_is_listed() {
        let before = run(vec![]);
        assert_eq!(
            row(&before, "under5_mortality").findings.status,
            crate::evaluate::Status::Missing
        );
        assert!(before
            .unmatched
            .iter()
            .any(|u| u.as_written == "儿童死亡率（本地口径）"));

        let after = run(vec![
            Override {
                as_written: "儿童死亡率（本地口径）".into(),
                indicator_id: Some("under5_mortality".into()),
            },
            Override {
                as_written: "婴儿死亡率".into(),
                indicator_id: None,
            },
        ]);
        let under5 = row(&after, "under5_mortality");
        assert_eq!(
            under5.findings.status,
            crate::evaluate::Status::Met,
            "5.8‰ meets ≤6‰"
        );
        assert_eq!(
            under5.match_info.as_ref().map(|m| m.method),
            Some(crate::matching::Method::Manual)
        );
        assert_eq!(
            row(&after, "infant_mortality").findings.status,
            crate::evaluate::Status::Missing
        );
        let removed = after
            .unmatched
            .iter()
            .find(|u| u.as_written == "婴儿死亡率")
            .unwrap();
        assert_eq!(removed.why, UnmatchedWhy::Removed);
    }

    #[test]
    fn each_region_shows_its_own_cell_as_written() {
        let csv = "指标名称,柯城区,衢江区\n其他统计,1,2\n婴儿死亡率,3.50,＜4\n";
        let report = check(
            "2023年 draft.csv",
            csv.as_bytes(),
            &Plan::default_plan(),
            &CheckOptions::default(),
        )
        .unwrap();
        let cells: Vec<_> = report
            .current_rows()
            .filter(|r| r.indicator_id == "infant_mortality")
            .map(|r| {
                (
                    r.region.as_deref(),
                    r.cell.as_deref(),
                    r.value_as_written.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            cells,
            [
                (Some("柯城区"), Some("B3"), Some("3.50")),
                (Some("衢江区"), Some("C3"), Some("＜4")),
            ]
        );
    }

    #[test]
    fn a_percent_formatted_cell_shows_as_a_percent_and_the_first_row_counts() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
        sheet.write_string(0, 0, "指标名称").unwrap();
        sheet.write_string(0, 1, "2023年").unwrap();
        sheet.write_string(1, 0, "普惠性幼儿园覆盖率").unwrap();
        sheet
            .write_number_with_format(1, 1, 0.961, &percent)
            .unwrap();
        sheet.write_string(2, 0, "普惠性幼儿园覆盖率").unwrap();
        sheet.write_number(2, 1, 50.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let report = check(
            "draft.xlsx",
            &bytes,
            &Plan::default_plan(),
            &CheckOptions::default(),
        )
        .unwrap();
        let row = row(&report, "inclusive_kindergarten_coverage");
        assert_eq!(row.cell.as_deref(), Some("B2"));
        assert_eq!(row.value_as_written.as_deref(), Some("96.1%"));
        assert_eq!(row.findings.value, Some(96.1));
        let duplicate = report
            .unmatched
            .iter()
            .find(|u| u.why == UnmatchedWhy::Duplicate);
        assert_eq!(duplicate.map(|u| u.cell.as_str()), Some("A3"));
    }

    #[test]
    fn the_reporting_year_is_the_latest_unless_chosen() {
        let report = run(vec![]);
        assert_eq!(report.reporting_year, 2023);
        assert_eq!(
            report.years,
            [2023],
            "2020 is the base, not a year to evaluate"
        );
        assert_eq!(
            report.summary.counts.iter().map(|c| c.count).sum::<usize>(),
            Plan::default_plan().indicators.len()
        );
    }
}
