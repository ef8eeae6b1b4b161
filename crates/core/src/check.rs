//! The whole pipeline in one call: bytes → workbook → matches → evaluations → report.

use crate::evaluate::{earlier_figure, evaluate, Case, Evaluation, Reading};
use crate::ingest::value::Value;
use crate::ingest::{
    read_workbook_with, unit_in_label, IngestError, Observation, ReadContext, ReadOptions, Table,
    Workbook,
};
use crate::matching::{Candidate, Matcher, Outcome, Override};
use crate::plan::Plan;
use crate::plausibility::{check_across, check_figure, settle, Confirmation};
use crate::report::{
    count_statuses, DomainCounts, MatchInfo, NotInFile, PlanInfo, Report, ResultRow, SourceInfo,
    Summary, TargetInfo, UnmatchedRow, UnmatchedWhy,
};
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};
use std::collections::hash_map::Entry;
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
    /// Flagged figures the user says are right.
    pub confirmed: Vec<Confirmation>,
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
/// match the labels, choose the years, sort out the matched labels' figures, evaluate every
/// indicator the file mentions × region × year, and count.
pub fn evaluate_workbook(
    workbook: &Workbook,
    sha256: &str,
    plan: &Plan,
    options: &CheckOptions,
) -> Report {
    let table = &workbook.table;
    let (matched, mut unmatched) = match_labels(table, plan, &options.overrides);
    let (years, reporting_year) = years_to_evaluate(table, plan, options.reporting_year);
    let figures = Figures::sort_out(table, plan, &matched, &mut unmatched);
    let results = evaluate_rows(table, plan, options, &figures, &years, reporting_year);
    let not_in_file: Vec<NotInFile> = plan
        .indicators
        .iter()
        .zip(&figures.info)
        .filter(|(_, info)| info.is_none())
        .map(|(i, _)| NotInFile {
            indicator_id: i.id.clone(),
            indicator: i.name.clone(),
        })
        .collect();
    let summary = summarise(plan, &results, reporting_year, not_in_file.len());
    Report {
        source: source_info(workbook, sha256),
        plan: PlanInfo {
            id: plan.id.clone(),
            title: plan.title.clone(),
            baseline_year: plan.baseline_year,
            period: plan.period,
        },
        reporting_year,
        check_kind: plan.check_kind(reporting_year),
        year_outside_period: !plan.covers_year(reporting_year),
        years,
        regions: table.regions.clone(),
        results,
        unmatched,
        not_in_file,
        summary,
    }
}

fn source_info(workbook: &Workbook, sha256: &str) -> SourceInfo {
    let table = &workbook.table;
    // ok: a table is read from at least one sheet (read_table refuses a file with none).
    let first = &table.sheets[0];
    SourceInfo {
        file: workbook.file_name.clone(),
        sheet: first.name.clone(),
        sha256: sha256.to_string(),
        format: workbook.format,
        encoding: workbook.encoding,
        sheets: workbook.sheet_names.clone(),
        layout: first.layout,
        header_row: first.header_row,
        year_source: first.year_source,
        sheets_read: table.sheets.clone(),
        sheets_skipped: table.skipped.clone(),
    }
}

/// Indicator id → the labels that give it (a file may write one indicator several ways, on
/// several sheets), each with how it matched: a row says how its own label matched, not the
/// first's (an alias is not "the same name" because another row wrote the name).
type Matched = BTreeMap<String, Vec<(u32, MatchInfo)>>;

fn match_labels(
    table: &Table,
    plan: &Plan,
    overrides: &[Override],
) -> (Matched, Vec<UnmatchedRow>) {
    let mut matched = Matched::new();
    let mut unmatched = Vec::new();
    let matcher = Matcher::new(plan);
    for (index, label) in table.labels.iter().enumerate() {
        let unmatched_row = |why: UnmatchedWhy, candidates: Vec<Candidate>| {
            let names: Vec<&str> = candidates
                .iter()
                .map(|c| {
                    plan.indicator(&c.indicator_id)
                        .map_or("", |i| i.name.as_str())
                })
                .collect();
            let (why_words, why_words_en) = why.words(&names, None);
            UnmatchedRow {
                as_written: label.as_written.clone(),
                cell: table.address(label.sheet, label.cell),
                candidates,
                why,
                why_words,
                why_words_en,
            }
        };
        match matcher.match_with_overrides(&label.as_written, overrides) {
            Outcome::Matched(m) => {
                let info = MatchInfo {
                    method: m.method,
                    confidence: m.confidence,
                };
                matched
                    .entry(m.indicator_id)
                    .or_default()
                    .push((index as u32, info));
            }
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
fn years_to_evaluate(table: &Table, plan: &Plan, chosen: Option<i32>) -> (Vec<i32>, i32) {
    let has_data = |year: i32| {
        table
            .observations
            .iter()
            .any(|o| o.year == year && !matches!(o.value, Value::Missing))
    };
    let mut years: Vec<i32> = table
        .years
        .iter()
        .copied()
        .filter(|&y| y > plan.baseline_year && has_data(y))
        .collect();
    if years.is_empty() {
        years = table.years.clone();
    }
    let reporting_year = chosen
        .filter(|y| years.contains(y))
        .or(years.last().copied())
        .unwrap_or(plan.period.end);
    (years, reporting_year)
}

/// Each matched indicator's figures, one per region and year: the first in the file counts,
/// and a later one for the same region and year is listed as a duplicate. Indexed as the plan's
/// indicators.
struct Figures<'t> {
    of: Vec<Vec<&'t Observation>>,
    /// How each indicator's first label matched; `None` for one the file never mentions.
    info: Vec<Option<&'t MatchInfo>>,
    /// How each label of the file matched, by label index; `None` for one not matched.
    label_info: Vec<Option<&'t MatchInfo>>,
}

impl<'t> Figures<'t> {
    /// One pass over the observations: a big sheet holds hundreds of thousands, and scanning
    /// them all for every indicator × region × year took longer than reading the file.
    fn sort_out(
        table: &'t Table,
        plan: &Plan,
        matched: &'t Matched,
        unmatched: &mut Vec<UnmatchedRow>,
    ) -> Figures<'t> {
        let count = plan.indicators.len();
        let mut info = vec![None; count];
        let mut indicator_of_label: Vec<Option<usize>> = vec![None; table.labels.len()];
        let mut label_info = vec![None; table.labels.len()];
        for (index, indicator) in plan.indicators.iter().enumerate() {
            let labels = matched.get(&indicator.id).map_or(&[][..], Vec::as_slice);
            info[index] = labels.first().map(|(_, how)| how);
            for (label, how) in labels {
                indicator_of_label[*label as usize] = Some(index);
                label_info[*label as usize] = Some(how);
            }
        }
        let mut of = vec![Vec::new(); count];
        // Indicator, region and year → the figure that counts for them.
        let mut first = FxHashMap::default();
        let mut duplicate_rows = FxHashSet::default();
        let label_of = |o: &Observation| table.labels[o.label as usize].as_written.clone();
        for observation in &table.observations {
            let Some(Some(index)) = indicator_of_label.get(observation.label as usize) else {
                continue;
            };
            // One lookup per figure: this runs for every figure of a big file.
            let counted: &Observation =
                match first.entry((*index, observation.region, observation.year)) {
                    Entry::Vacant(slot) => {
                        slot.insert(observation);
                        of[*index].push(observation);
                        continue;
                    }
                    Entry::Occupied(slot) => slot.get(),
                };
            if duplicate_rows.insert((observation.sheet, observation.label_cell)) {
                let (why_words, why_words_en) = UnmatchedWhy::Duplicate.words(
                    &[&plan.indicators[*index].name],
                    Some((
                        &table.address(counted.sheet, counted.label_cell),
                        &label_of(counted),
                    )),
                );
                unmatched.push(UnmatchedRow {
                    as_written: label_of(observation),
                    cell: table.address(observation.sheet, observation.label_cell),
                    candidates: vec![],
                    why: UnmatchedWhy::Duplicate,
                    why_words,
                    why_words_en,
                });
            }
        }
        Figures {
            of,
            info,
            label_info,
        }
    }
}

/// One result row per indicator the file mentions × region × year.
fn evaluate_rows(
    table: &Table,
    plan: &Plan,
    options: &CheckOptions,
    figures: &Figures,
    years: &[i32],
    reporting_year: i32,
) -> Vec<ResultRow> {
    let mut regions: Vec<Option<u32>> = (0..table.regions.len() as u32).map(Some).collect();
    if regions.is_empty() || table.observations.iter().any(|o| o.region.is_none()) {
        regions.push(None);
    }
    let mut results = Vec::new();
    // Each row's own yardstick (its earlier figure or base), for the checks across rows.
    let mut references = Vec::new();
    for (index, indicator) in plan.indicators.iter().enumerate() {
        let Some(first_how) = figures.info[index] else {
            continue;
        };
        let observations = &figures.of[index];
        for &region in &regions {
            let in_region: Vec<&Observation> = observations
                .iter()
                .copied()
                .filter(|o| o.region == region)
                .collect();
            let readings: Vec<Reading> = in_region
                .iter()
                .map(|o| Reading {
                    year: o.year,
                    value: o.value.clone(),
                    stated_unit: table
                        .stated_unit(o)
                        .or_else(|| unit_in_label(&table.labels[o.label as usize].as_written)),
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
                let observation = in_region.iter().find(|o| o.year == year).copied();
                let label = observation
                    .or(in_region.first().copied())
                    .or(observations.first().copied())
                    .map(|o| o.label as usize);
                let how = label
                    .and_then(|l| figures.label_info.get(l).copied().flatten())
                    .unwrap_or(first_how);
                let place = Place {
                    table,
                    region: region.map(|r| table.regions[r as usize].clone()),
                    observation,
                    as_written: label.map(|l| table.labels[l].as_written.clone()),
                };
                let mut row = result_row(&case, evaluate(&case), place, Some(how.clone()));
                let checked = row
                    .findings
                    .value
                    .map(|value| check_figure(&case, value, earlier_figure(&case)));
                references.push(checked.as_ref().and_then(|c| c.reference));
                if let Some(checked) = checked {
                    row.findings.flags = checked.flags;
                    row.findings.confirmed =
                        observation.is_some_and(|o| is_confirmed(table, o, &options.confirmed));
                }
                results.push(row);
            }
        }
    }
    check_across(plan, &mut results, &references, reporting_year);
    results.iter_mut().for_each(settle);
    results
}

/// Whether the user confirmed this figure, by its sheet, cell and value as written.
fn is_confirmed(table: &Table, observation: &Observation, confirmed: &[Confirmation]) -> bool {
    if confirmed.is_empty() {
        return false;
    }
    let sheet = &table.sheets[observation.sheet as usize].name;
    let (cell, value) = (observation.cell.to_string(), observation.as_written());
    confirmed
        .iter()
        .any(|c| c.covers(sheet, table.sheets.len() == 1, &cell, &value))
}

/// Where a result row's figure is: its region, its cell, its label as written.
struct Place<'t> {
    table: &'t Table,
    region: Option<String>,
    observation: Option<&'t Observation>,
    as_written: Option<String>,
}

fn result_row(
    case: &Case,
    evaluation: Evaluation,
    place: Place,
    match_info: Option<MatchInfo>,
) -> ResultRow {
    let indicator = case.indicator;
    let target = &indicator.target;
    let observation = place.observation;
    ResultRow {
        indicator_id: indicator.id.clone(),
        indicator: indicator.name.clone(),
        domain: indicator.domain.clone(),
        as_written: place.as_written,
        region: place.region,
        year: case.year,
        cell: observation.map(|o| place.table.address(o.sheet, o.cell)),
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
fn summarise(
    plan: &Plan,
    results: &[ResultRow],
    reporting_year: i32,
    not_in_file: usize,
) -> Summary {
    let current = || results.iter().filter(|r| r.year == reporting_year);
    Summary {
        counts: count_statuses(current()),
        flagged: current().filter(|r| r.findings.is_flagged()).count(),
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
        not_in_file,
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

    fn check_csv(name: &str, csv: &str) -> Report {
        check(
            name,
            csv.as_bytes(),
            &Plan::default_plan(),
            &CheckOptions::default(),
        )
        .unwrap()
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
        assert!(
            before
                .current_rows()
                .all(|r| r.indicator_id != "under5_mortality"),
            "not in the file: no row"
        );
        assert!(before
            .not_in_file
            .iter()
            .any(|i| i.indicator_id == "under5_mortality"));
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
        assert!(
            after
                .current_rows()
                .all(|r| r.indicator_id != "infant_mortality"),
            "removed: no longer in the file"
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
        let report = check_csv("2023年 draft.csv", csv);
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
    fn a_row_says_how_its_own_label_matched() {
        // The name on one region's row, the plan's alias on another's.
        let csv = "指标名称,地区,2023年\n每千人拥有3岁以下婴幼儿托位数,柯城区,3\n每千人口托位数,衢江区,3.2\n";
        let report = check_csv("draft.csv", csv);
        let methods: Vec<_> = report
            .current_rows()
            .filter(|r| r.indicator_id == "nursery_places_per_1000_people")
            .map(|r| (r.region.as_deref(), r.match_info.as_ref().map(|m| m.method)))
            .collect();
        use crate::matching::Method;
        assert_eq!(
            methods,
            [
                (Some("柯城区"), Some(Method::Exact)),
                (Some("衢江区"), Some(Method::Alias)),
            ]
        );
    }

    #[test]
    fn an_unmatched_row_is_offered_only_a_close_indicator_and_a_refused_mapping_says_why() {
        let csv = "指标名称,2023年\n婴儿死亡率,3.5\n全市常住人口,230\n新生儿死亡率,2\n";
        let mapped_again = Override {
            as_written: "新生儿死亡率".into(),
            indicator_id: Some("infant_mortality".into()),
        };
        let report = check(
            "draft.csv",
            csv.as_bytes(),
            &Plan::default_plan(),
            &CheckOptions {
                overrides: vec![mapped_again],
                ..CheckOptions::default()
            },
        )
        .unwrap();
        let unmatched = |written: &str| {
            report
                .unmatched
                .iter()
                .find(|u| u.as_written == written)
                .unwrap()
        };
        let population = unmatched("全市常住人口");
        assert_eq!(population.why, UnmatchedWhy::Unmatched);
        assert!(population.candidates.is_empty(), "{population:?}");
        assert_eq!(population.why_words, "没有足够接近的规划指标");
        let refused = unmatched("新生儿死亡率");
        assert_eq!(refused.why, UnmatchedWhy::Duplicate);
        assert_eq!(
            refused.why_words,
            "“婴儿死亡率”已由 A2 行“婴儿死亡率”给出，一个指标只取一行；如需改用本行，请先把那一行改为其他指标或“不是规划指标”"
        );
        assert!(refused.why_words_en.contains("already given by row A2"));
        assert_eq!(refused.why.label_zh(), "该指标已由另一行给出");
    }

    #[test]
    fn a_file_of_a_year_outside_the_plans_period_is_said_to_be() {
        let mut later = Plan::default_plan();
        (later.period.start, later.period.end, later.baseline_year) = (2026, 2030, 2025);
        let options = CheckOptions::default();
        let report = check("draft.csv", CSV.as_bytes(), &later, &options).unwrap();
        assert!(report.year_outside_period);
        let infant = row(&report, "infant_mortality");
        assert_eq!(infant.findings.status, crate::evaluate::Status::Review);
        assert!(infant.findings.path.is_empty());
        assert!(!run(vec![]).year_outside_period, "2023 in 2021–2025");
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
        let rows = report.summary.counts.iter().map(|c| c.count).sum::<usize>();
        assert_eq!(rows, 1, "the one indicator the file mentions");
        assert_eq!(
            rows + report.summary.not_in_file,
            Plan::default_plan().indicators.len()
        );
    }
}
