//! Regions come from the plan file and from the names themselves, never from code: a table of
//! region sets (the plan's counties with an alias, a county's townships the plan has never
//! heard of, another city's counties under another plan) × layouts and header shapes (regions
//! as columns or rows, under one- or two-row merged headers), each written as .xlsx (with real
//! merged cells) and as a GBK CSV (where a merged header is text in its first cell only).

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::ingest::Layout;
use duibiao_core::plan::{CheckKind, Plan};
use duibiao_core::report::Report;
use rust_xlsxwriter::{Format, Workbook};

#[derive(Clone)]
enum Cell {
    Text(String),
    Number(f64),
}

/// A sheet as the tests write it: cells by (row, column), and merged ranges with their text.
#[derive(Default)]
struct SheetSpec {
    cells: Vec<(u32, u16, Cell)>,
    merges: Vec<(u32, u16, u32, u16, String)>,
}

impl SheetSpec {
    fn text(&mut self, row: u32, col: u16, text: &str) {
        self.cells.push((row, col, Cell::Text(text.into())));
    }

    fn number(&mut self, row: u32, col: u16, value: f64) {
        self.cells.push((row, col, Cell::Number(value)));
    }

    /// A merged header cell; `span` columns wide, `height` rows high.
    fn merged(&mut self, row: u32, col: u16, height: u32, span: u16, text: &str) {
        if height == 1 && span == 1 {
            self.text(row, col, text);
        } else {
            self.merges
                .push((row, col, row + height - 1, col + span - 1, text.into()));
        }
    }

    fn xlsx(&self) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        for (first_row, first_col, last_row, last_col, text) in &self.merges {
            sheet
                .merge_range(
                    *first_row,
                    *first_col,
                    *last_row,
                    *last_col,
                    text,
                    &Format::new(),
                )
                .unwrap();
        }
        for (row, col, cell) in &self.cells {
            match cell {
                Cell::Text(text) => sheet.write_string(*row, *col, text).map(|_| ()),
                Cell::Number(value) => sheet.write_number(*row, *col, *value).map(|_| ()),
            }
            .unwrap();
        }
        workbook.save_to_buffer().unwrap()
    }

    /// GBK CSV: a merged range is its text in its first cell, as spreadsheet programs export it.
    fn gbk_csv(&self) -> Vec<u8> {
        let mut grid: Vec<Vec<String>> = Vec::new();
        let mut put = |row: u32, col: u16, text: String| {
            let (row, col) = (row as usize, col as usize);
            if grid.len() <= row {
                grid.resize(row + 1, Vec::new());
            }
            if grid[row].len() <= col {
                grid[row].resize(col + 1, String::new());
            }
            grid[row][col] = text;
        };
        for (row, col, _, _, text) in &self.merges {
            put(*row, *col, text.clone());
        }
        for (row, col, cell) in &self.cells {
            let text = match cell {
                Cell::Text(text) => text.clone(),
                Cell::Number(value) => value.to_string(),
            };
            put(*row, *col, text);
        }
        let text: String = grid.iter().map(|r| r.join(",") + "\r\n").collect();
        encoding_rs::GBK.encode(&text).0.into_owned()
    }
}

/// Who reports and under which plan: the names as the file writes them, and as the report
/// must give them.
struct RegionSet {
    name: &'static str,
    plan: Plan,
    as_written: [&'static str; 3],
    expected: [&'static str; 3],
    /// The header over a column of region names.
    row_header: &'static str,
    years: [i32; 2],
}

fn region_sets() -> Vec<RegionSet> {
    let other = Plan::from_json(include_str!("fixtures/plans/test-city-2026-2030.json")).unwrap();
    vec![
        RegionSet {
            name: "the plan's counties, one by its alias",
            plan: Plan::default_plan(),
            as_written: ["柯城", "衢江区", "常山县"],
            expected: ["柯城区", "衢江区", "常山县"],
            row_header: "县（市、区）",
            years: [2022, 2023],
        },
        RegionSet {
            name: "a county's townships",
            plan: Plan::default_plan(),
            as_written: ["天马街道", "球川镇", "何家乡"],
            expected: ["天马街道", "球川镇", "何家乡"],
            row_header: "乡镇（街道）",
            years: [2022, 2023],
        },
        RegionSet {
            name: "another city's counties under its own plan",
            plan: other,
            as_written: ["上城", "拱墅区", "桐庐县"],
            expected: ["上城区", "拱墅区", "桐庐县"],
            row_header: "地区",
            years: [2027, 2028],
        },
    ]
}

const INDICATORS: [(&str, &str); 2] = [
    ("婴儿死亡率（‰）", "infant_mortality"),
    ("儿童伤害死亡率（1/10万）", "child_injury_mortality"),
];

/// A different figure for every region × indicator × year, so a mix-up shows.
fn figure(region: usize, indicator: usize, year: usize) -> f64 {
    let v = 2.0 + region as f64 * 0.1 + indicator as f64 * 5.0 + year as f64 * 0.01;
    (v * 100.0).round() / 100.0
}

#[derive(Clone, Copy, Debug)]
enum Shape {
    /// 指标名称 | 柯城区 | 衢江区 …, the year in the title.
    RegionsAcrossOneRow,
    /// 2023年 merged over the regions.
    YearsOverRegions,
    /// Each region merged over its years.
    RegionsOverYears,
    /// 乡镇（街道） | 婴儿死亡率 | …, the year in the title.
    RegionsDownOneRow,
    /// Regions down the side with no header word over them: the names say they are places.
    RegionsDownUnnamed,
    /// Each indicator merged over its years.
    IndicatorsOverYears,
    /// Each year merged over the indicators.
    YearsOverIndicators,
}

impl Shape {
    const ALL: [Shape; 7] = [
        Shape::RegionsAcrossOneRow,
        Shape::YearsOverRegions,
        Shape::RegionsOverYears,
        Shape::RegionsDownOneRow,
        Shape::RegionsDownUnnamed,
        Shape::IndicatorsOverYears,
        Shape::YearsOverIndicators,
    ];

    fn layout(self) -> Layout {
        match self {
            Shape::RegionsAcrossOneRow | Shape::YearsOverRegions | Shape::RegionsOverYears => {
                Layout::IndicatorsByRegions
            }
            _ => Layout::RegionsByIndicators,
        }
    }

    /// Whether the sheet holds both years (else only the later one, named in the title).
    fn both_years(self) -> bool {
        !matches!(
            self,
            Shape::RegionsAcrossOneRow | Shape::RegionsDownOneRow | Shape::RegionsDownUnnamed
        )
    }
}

fn sheet(shape: Shape, set: &RegionSet) -> SheetSpec {
    let mut s = SheetSpec::default();
    let [_, last_year] = set.years;
    let year_text = |y: i32| format!("{y}年");
    let years: Vec<(usize, i32)> = if shape.both_years() {
        set.years.iter().copied().enumerate().collect()
    } else {
        vec![(1, last_year)]
    };
    let title = if shape.both_years() {
        "儿童发展规划主要指标监测表".to_string()
    } else {
        format!("{last_year}年儿童发展规划主要指标监测表")
    };
    s.merged(0, 0, 1, 7, &title);
    let regions = set.as_written.iter().enumerate();
    match shape {
        Shape::RegionsAcrossOneRow | Shape::YearsOverRegions | Shape::RegionsOverYears => {
            let two_rows = !matches!(shape, Shape::RegionsAcrossOneRow);
            s.merged(1, 0, if two_rows { 2 } else { 1 }, 1, "指标名称");
            let data = if two_rows { 3 } else { 2 };
            // (column, region, year) of every value column.
            let mut columns = Vec::new();
            for (r, region) in regions {
                for &(y, year) in &years {
                    let col = match shape {
                        Shape::YearsOverRegions => 1 + y_pos(&years, y) * 3 + r,
                        _ => 1 + r * years.len() + y_pos(&years, y),
                    } as u16;
                    columns.push((col, r, y));
                    match shape {
                        Shape::RegionsAcrossOneRow => s.text(1, col, region),
                        Shape::YearsOverRegions => s.text(2, col, region),
                        _ => s.text(2, col, &year_text(year)),
                    }
                }
                if matches!(shape, Shape::RegionsOverYears) {
                    s.merged(
                        1,
                        1 + (r * years.len()) as u16,
                        1,
                        years.len() as u16,
                        region,
                    );
                }
            }
            if matches!(shape, Shape::YearsOverRegions) {
                for &(y, year) in &years {
                    s.merged(1, 1 + (y_pos(&years, y) * 3) as u16, 1, 3, &year_text(year));
                }
            }
            for (i, (label, _)) in INDICATORS.iter().enumerate() {
                let row = data + i as u32;
                s.text(row, 0, label);
                for &(col, r, y) in &columns {
                    s.number(row, col, figure(r, i, y));
                }
            }
        }
        _ => {
            let two_rows = matches!(
                shape,
                Shape::IndicatorsOverYears | Shape::YearsOverIndicators
            );
            let header = if matches!(shape, Shape::RegionsDownUnnamed) {
                ""
            } else {
                set.row_header
            };
            if !header.is_empty() {
                s.merged(1, 0, if two_rows { 2 } else { 1 }, 1, header);
            }
            let data = if two_rows { 3 } else { 2 };
            let mut columns = Vec::new();
            for (i, (label, _)) in INDICATORS.iter().enumerate() {
                for &(y, year) in &years {
                    let col = match shape {
                        Shape::YearsOverIndicators => 1 + y_pos(&years, y) * 2 + i,
                        _ => 1 + i * years.len() + y_pos(&years, y),
                    } as u16;
                    columns.push((col, i, y));
                    match shape {
                        Shape::IndicatorsOverYears => s.text(2, col, &year_text(year)),
                        Shape::YearsOverIndicators => s.text(2, col, label),
                        _ => s.text(1, col, label),
                    }
                }
                if matches!(shape, Shape::IndicatorsOverYears) {
                    s.merged(
                        1,
                        1 + (i * years.len()) as u16,
                        1,
                        years.len() as u16,
                        label,
                    );
                }
            }
            if matches!(shape, Shape::YearsOverIndicators) {
                for &(y, year) in &years {
                    s.merged(1, 1 + (y_pos(&years, y) * 2) as u16, 1, 2, &year_text(year));
                }
            }
            for (r, region) in regions {
                let row = data + r as u32;
                s.text(row, 0, region);
                for &(col, i, y) in &columns {
                    s.number(row, col, figure(r, i, y));
                }
            }
        }
    }
    s
}

/// The position of year index `y` among the years the sheet holds.
fn y_pos(years: &[(usize, i32)], y: usize) -> usize {
    years.iter().position(|&(i, _)| i == y).unwrap_or(0)
}

fn value_of(report: &Report, indicator: &str, region: &str, year: i32) -> Option<f64> {
    report
        .results
        .iter()
        .find(|r| {
            r.indicator_id == indicator && r.region.as_deref() == Some(region) && r.year == year
        })
        .and_then(|r| r.findings.value)
}

#[test]
fn every_region_set_in_every_layout_and_header_shape_is_read_with_its_regions() {
    let mut checked = 0;
    for set in region_sets() {
        for shape in Shape::ALL {
            let spec = sheet(shape, &set);
            for (file, bytes) in [("监测表.xlsx", spec.xlsx()), ("监测表.csv", spec.gbk_csv())]
            {
                let case = format!("{} × {shape:?} × {file}", set.name);
                let report = check(file, &bytes, &set.plan, &CheckOptions::default())
                    .unwrap_or_else(|e| panic!("{case}: {}", e.message_en()));
                assert_eq!(report.source.layout, shape.layout(), "{case}");
                assert_eq!(report.regions, set.expected, "{case}");
                let years: Vec<(usize, i32)> = if shape.both_years() {
                    set.years.iter().copied().enumerate().collect()
                } else {
                    vec![(1, set.years[1])]
                };
                assert_eq!(
                    report.years,
                    years.iter().map(|y| y.1).collect::<Vec<_>>(),
                    "{case}"
                );
                for (r, region) in set.expected.iter().enumerate() {
                    for (i, (_, id)) in INDICATORS.iter().enumerate() {
                        for &(y, year) in &years {
                            assert_eq!(
                                value_of(&report, id, region, year),
                                Some(figure(r, i, y)),
                                "{case}: {id} {region} {year}"
                            );
                        }
                    }
                }
                assert!(
                    report.unmatched.is_empty(),
                    "{case}: {:?}",
                    report.unmatched
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 7 * 2);
}

#[test]
fn another_plans_period_base_year_and_cycle_come_from_its_file() {
    let set = region_sets().pop().unwrap();
    let spec = sheet(Shape::RegionsOverYears, &set);
    let report = check(
        "测试市.xlsx",
        &spec.xlsx(),
        &set.plan,
        &CheckOptions::default(),
    )
    .unwrap();
    assert_eq!(report.reporting_year, 2028);
    assert_eq!(
        report.check_kind,
        CheckKind::Midterm,
        "the plan's mid-term year"
    );
    assert_eq!(
        (report.plan.baseline_year, report.plan.period.end),
        (2025, 2030)
    );
    // 上城区 2028: 2.0 (2 → 3‰ is met; the plan's base 4.5 in 2025).
    let row = report
        .results
        .iter()
        .find(|r| {
            r.indicator_id == "child_injury_mortality"
                && r.region.as_deref() == Some("上城区")
                && r.year == 2028
        })
        .unwrap();
    // 7.01 against <7 per 100,000 from 9 in 2025: the 2028 point is 9 − 2 × 3/5 = 7.8.
    assert_eq!(row.findings.value, Some(7.01));
    assert_eq!(row.findings.expected_on_path, Some(7.8));
    assert_eq!(row.findings.expected_share, Some(0.6));
    assert_eq!(
        row.findings
            .path
            .iter()
            .map(|p| (p.year, p.value))
            .collect::<Vec<_>>(),
        [(2025, 9.0), (2030, 7.0)]
    );
    assert_eq!(row.target.year, 2030);
    let annual = check(
        "测试市.xlsx",
        &spec.xlsx(),
        &set.plan,
        &CheckOptions {
            reporting_year: Some(2027),
            ..CheckOptions::default()
        },
    )
    .unwrap();
    assert_eq!(annual.check_kind, CheckKind::Annual);
}
