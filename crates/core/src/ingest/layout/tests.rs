use super::*;

fn text(s: &str) -> RawCell {
    if s.is_empty() {
        RawCell::Empty
    } else {
        RawCell::Text(s.into())
    }
}

fn num(v: f64) -> RawCell {
    RawCell::Number {
        value: v,
        percent_format: false,
    }
}

fn quzhou() -> ReadContext {
    crate::check::read_context(&crate::plan::Plan::default_plan())
}

fn grid(rows: Vec<Vec<RawCell>>) -> Grid {
    named("Sheet1", rows)
}

fn named(sheet: &str, rows: Vec<Vec<RawCell>>) -> Grid {
    Grid {
        sheet_name: sheet.into(),
        hidden: false,
        rows,
    }
}

fn read_with(grids: &[Grid], file: &str, choices: &Choices) -> Result<Table, IngestErrorKind> {
    read_table(grids, None, file, choices, &quzhou()).map_err(|e| e.kind)
}

fn read(g: &Grid, file: &str, year: Option<i32>) -> Result<Table, IngestErrorKind> {
    let choices = Choices {
        year,
        columns: &[],
        sheets: &[],
    };
    read_with(std::slice::from_ref(g), file, &choices)
}

/// (region, label, year, value as written), in the table's order.
fn facts(table: &Table) -> Vec<(String, String, i32, String)> {
    table
        .observations
        .iter()
        .map(|o| {
            (
                table.region(o).unwrap_or("").to_string(),
                table.labels[o.label as usize].as_written.clone(),
                o.year,
                o.as_written(),
            )
        })
        .collect()
}

fn fact(region: &str, label: &str, year: i32, value: &str) -> (String, String, i32, String) {
    (region.into(), label.into(), year, value.into())
}

#[test]
fn long_layout_under_title_rows() {
    let g = grid(vec![
        vec![text("柯城区儿童发展规划监测表（2023年）"); 4],
        vec![text("填报单位：柯城区妇儿工委办　填报日期：2024年3月15日"); 4],
        vec![],
        vec![
            text("序号"),
            text("指标名称"),
            text("2020年"),
            text("2023年"),
        ],
        vec![num(1.0), text("婴儿死亡率（‰）"), num(3.1), num(2.9)],
        vec![],
        vec![text("注：初步统计数")],
    ]);
    let table = read(&g, "x.xlsx", None).unwrap();
    let sheet = &table.sheets[0];
    assert_eq!(sheet.layout, Layout::Long);
    assert_eq!(sheet.header_row, 4);
    assert_eq!(table.labels.len(), 1);
    assert_eq!(table.labels[0].cell.to_string(), "B5");
    assert_eq!(table.years, [2020, 2023]);
    assert_eq!(table.regions, ["柯城区"]);
    assert_eq!(table.observations[1].cell.to_string(), "D5");
    let roles: Vec<Role> = sheet.columns.iter().map(|c| c.role).collect();
    assert_eq!(
        roles,
        [Role::RowNumber, Role::Name, Role::Value, Role::Value]
    );
    assert_eq!(sheet.region_source, Some(FactSource::Title));
}

#[test]
fn numbers_are_not_labels_but_labels_with_numbers_are() {
    let g = grid(vec![
        vec![text("指标名称"), text("2023年")],
        vec![text("0-3岁儿童系统管理率"), num(95.0)],
        vec![text("１２３"), num(1.0)],
        vec![text("≥９８．５%"), num(2.0)],
        vec![num(7.0), num(3.0)],
        vec![text("5岁以下儿童死亡率"), num(4.0)],
    ]);
    let table = read(&g, "x.xlsx", None).unwrap();
    let labels: Vec<_> = table.labels.iter().map(|l| l.as_written.as_str()).collect();
    assert_eq!(labels, ["0-3岁儿童系统管理率", "5岁以下儿童死亡率"]);
}

#[test]
fn regions_as_columns_take_the_year_from_the_title() {
    let g = grid(vec![
        vec![text("衢州市各县（市、区）2022年儿童发展主要指标汇总表")],
        vec![
            text("指标名称"),
            text("柯城区"),
            text("衢江区"),
            text("全市"),
        ],
        vec![text("儿童伤害死亡率"), num(9.0), num(9.7), num(9.1)],
    ]);
    let table = read(&g, "汇总.xls", None).unwrap();
    assert_eq!(table.sheets[0].layout, Layout::IndicatorsByRegions);
    assert_eq!(table.sheets[0].year_source, Some(FactSource::Title));
    assert_eq!(table.regions, ["柯城区", "衢江区", "全市"]);
    assert!(table.observations.iter().all(|o| o.year == 2022));
}

#[test]
fn no_year_anywhere_asks_for_one_and_a_chosen_year_is_used() {
    let g = grid(vec![
        vec![text("指标名称"), text("柯城区"), text("衢江区")],
        vec![text("儿童伤害死亡率"), num(9.0), num(9.7)],
    ]);
    assert_eq!(
        read(&g, "汇总.xls", None).unwrap_err(),
        IngestErrorKind::YearUnknown
    );
    let table = read(&g, "汇总.xls", Some(2024)).unwrap();
    assert_eq!(table.years, [2024]);
    assert_eq!(table.sheets[0].year_source, Some(FactSource::Chosen));
}

#[test]
fn two_row_header_years_over_regions() {
    let g = grid(vec![
        vec![text("指标名称"), text("2023年"), text("2023年")],
        vec![text("指标名称"), text("柯城区"), text("衢江区")],
        vec![text("儿童伤害死亡率"), num(9.0), num(9.7)],
    ]);
    let table = read(&g, "f.xlsx", None).unwrap();
    assert_eq!(table.regions, ["柯城区", "衢江区"]);
    assert_eq!(table.years, [2023]);
    assert_eq!(table.observations[1].cell.to_string(), "C3");
}

#[test]
fn regions_as_rows_indicators_as_columns() {
    let g = grid(vec![
        vec![text("2023年各地指标")],
        vec![text("地区"), text("婴儿死亡率"), text("儿童伤害死亡率")],
        vec![text("柯城区"), num(2.1), num(9.0)],
        vec![text("衢江区"), num(2.5), num(9.7)],
    ]);
    let table = read(&g, "f.xlsx", None).unwrap();
    assert_eq!(table.sheets[0].layout, Layout::RegionsByIndicators);
    assert_eq!(table.labels.len(), 2);
    assert_eq!(table.observations.len(), 4);
    assert_eq!(table.observations[3].cell.to_string(), "C4");
    assert_eq!(table.observations[3].label_cell.to_string(), "C2");
}

#[test]
fn a_title_over_a_header_over_places_is_not_the_header() {
    let g = grid(vec![
        vec![text("常山县各乡镇（街道）2023年指标"); 3],
        vec![
            text("填报单位：常山县妇儿工委"),
            text("填报日期：2024年3月"),
        ],
        vec![text("地区"), text("婴儿死亡率"), text("儿童伤害死亡率")],
        vec![text("天马街道"), num(2.1), num(9.0)],
        vec![text("球川镇"), num(2.5), num(9.7)],
    ]);
    let table = read(&g, "f.xlsx", None).unwrap();
    assert_eq!(table.sheets[0].header_row, 3);
    assert_eq!(table.regions, ["天马街道", "球川镇"]);
    assert_eq!(table.years, [2023]);
}

#[test]
fn section_rows_are_not_names_whether_merged_or_numbered() {
    let g = grid(vec![
        vec![text("指标名称"), text("2022年"), text("2023年")],
        vec![text("一、儿童与健康"); 3],
        vec![text("1. 婴儿死亡率"), num(3.0), num(2.9)],
        vec![text("二、儿童与教育"), text(""), text("")],
        vec![text("（一）学前教育毛入园率"), num(98.5), num(98.7)],
        vec![text("①普惠性幼儿园覆盖率"), text(""), text("")],
    ]);
    let table = read(&g, "2023.xlsx", None).unwrap();
    let labels: Vec<_> = table.labels.iter().map(|l| l.as_written.as_str()).collect();
    // A listed indicator with blank cells stays: it is missing, not a section.
    assert_eq!(
        labels,
        [
            "1. 婴儿死亡率",
            "（一）学前教育毛入园率",
            "①普惠性幼儿园覆盖率"
        ]
    );
    assert_eq!(table.years, [2022, 2023]);
}

#[test]
fn a_tidy_export_gives_one_figure_per_row() {
    let g = grid(vec![
        vec![text("地区"), text("指标名称"), text("年份"), text("数值")],
        vec![text("柯城区"), text("婴儿死亡率"), num(2022.0), num(3.1)],
        vec![
            text("柯城区"),
            text("婴儿死亡率"),
            num(2023.0),
            text("2.9‰"),
        ],
        vec![text("衢江区"), text("婴儿死亡率"), text("2023年"), num(3.2)],
    ]);
    let table = read(&g, "export.csv", None).unwrap();
    assert_eq!(table.sheets[0].layout, Layout::Tidy);
    assert_eq!(
        facts(&table),
        [
            fact("柯城区", "婴儿死亡率", 2022, "3.1"),
            fact("柯城区", "婴儿死亡率", 2023, "2.9‰"),
            fact("衢江区", "婴儿死亡率", 2023, "3.2"),
        ]
    );
    assert_eq!(table.labels.len(), 1, "one label however many rows name it");
}

#[test]
fn a_system_export_with_its_own_words_and_years_written_out() {
    let g = grid(vec![
        vec![
            text("统计年度"),
            text("行政区划"),
            text("指标名称"),
            text("计量单位"),
            text("本期值"),
        ],
        vec![
            text("2023年"),
            text("开化县"),
            text("婴儿死亡率"),
            text("‰"),
            num(3.8),
        ],
        vec![
            text("2022年"),
            text("开化县"),
            text("婴儿死亡率"),
            text("‰"),
            num(4.1),
        ],
    ]);
    let table = read(&g, "导出.csv", None).unwrap();
    assert_eq!(
        facts(&table),
        [
            fact("开化县", "婴儿死亡率", 2023, "3.8"),
            fact("开化县", "婴儿死亡率", 2022, "4.1"),
        ]
    );
    assert_eq!(table.units, ["‰"]);
}

#[test]
fn a_region_written_once_over_its_block_is_carried_down() {
    let g = grid(vec![
        vec![
            text("序号"),
            text("县（市、区）"),
            text("指标名称"),
            text("单位"),
            text("2022年"),
            text("2023年"),
        ],
        vec![
            num(1.0),
            text("柯城区"),
            text("婴儿死亡率"),
            text("‰"),
            num(3.1),
            num(2.9),
        ],
        vec![
            num(2.0),
            text(""),
            text("儿童伤害死亡率"),
            text("1/10万"),
            num(9.6),
            num(9.1),
        ],
        vec![
            num(3.0),
            text("衢江区"),
            text("婴儿死亡率"),
            text("‰"),
            num(3.4),
            num(3.2),
        ],
    ]);
    let table = read(&g, "f.xlsx", None).unwrap();
    let regions: Vec<_> = table
        .observations
        .iter()
        .map(|o| table.region(o).unwrap())
        .collect();
    assert_eq!(
        regions,
        ["柯城区", "柯城区", "柯城区", "柯城区", "衢江区", "衢江区"]
    );
}

#[test]
fn years_down_the_side_and_the_county_in_the_title() {
    let g = grid(vec![
        vec![text("柯城区儿童发展主要指标（2020—2023年）"); 3],
        vec![
            text("年份"),
            text("婴儿死亡率（‰）"),
            text("儿童伤害死亡率（1/10万）"),
        ],
        vec![num(2022.0), num(3.1), num(9.6)],
        vec![num(2023.0), num(2.9), num(9.1)],
    ]);
    let table = read(&g, "表1.xlsx", None).unwrap();
    assert_eq!(table.sheets[0].layout, Layout::YearsByIndicators);
    assert_eq!(
        facts(&table),
        [
            fact("柯城区", "婴儿死亡率（‰）", 2022, "3.1"),
            fact("柯城区", "儿童伤害死亡率（1/10万）", 2022, "9.6"),
            fact("柯城区", "婴儿死亡率（‰）", 2023, "2.9"),
            fact("柯城区", "儿童伤害死亡率（1/10万）", 2023, "9.1"),
        ]
    );
}

#[test]
fn target_and_note_columns_are_never_data() {
    let g = grid(vec![
        vec![
            text("指标名称"),
            text("目标值"),
            text("2023年"),
            text("备注"),
        ],
        vec![text("婴儿死亡率"), text("≤5"), num(2.9), text("初步数")],
    ]);
    let table = read(&g, "f.xlsx", None).unwrap();
    assert_eq!(facts(&table), [fact("", "婴儿死亡率", 2023, "2.9")]);
    let roles: Vec<Role> = table.sheets[0].columns.iter().map(|c| c.role).collect();
    assert_eq!(roles, [Role::Name, Role::Target, Role::Value, Role::Notes]);
}

#[test]
fn a_sheet_per_county_and_a_sheet_per_year_give_their_names_to_their_rows() {
    let county = |name: &str, value: f64| {
        named(
            name,
            vec![
                vec![text("指标名称"), text("2023年")],
                vec![text("婴儿死亡率"), num(value)],
            ],
        )
    };
    let mut notes = named("说明", vec![vec![text("本表由各县填报。")]]);
    notes.rows.push(vec![text("数据为初步统计。")]);
    let hidden = Grid::hidden("旧数据".into());
    let grids = [notes, county("柯城区", 2.9), county("衢江区", 3.2), hidden];
    let choices = Choices {
        year: None,
        columns: &[],
        sheets: &[],
    };
    let table = read_with(&grids, "各县.xlsx", &choices).unwrap();
    assert_eq!(
        facts(&table),
        [
            fact("柯城区", "婴儿死亡率", 2023, "2.9"),
            fact("衢江区", "婴儿死亡率", 2023, "3.2")
        ]
    );
    assert_eq!(table.sheets[1].region_source, Some(FactSource::SheetName));
    let skipped: Vec<_> = table
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.why))
        .collect();
    assert_eq!(
        skipped,
        [
            ("说明", SkipReason::NotATable),
            ("旧数据", SkipReason::Hidden)
        ]
    );
    assert_eq!(table.address(1, CellRef::new(1, 1)), "衢江区!B2");

    let year = |name: &str, value: f64| {
        named(
            name,
            vec![
                vec![text("指标名称"), text("柯城区")],
                vec![text("婴儿死亡率"), num(value)],
            ],
        )
    };
    let table = read_with(
        &[year("2022年", 3.1), year("2023年", 2.9)],
        "各年.xlsx",
        &choices,
    )
    .unwrap();
    assert_eq!(
        facts(&table),
        [
            fact("柯城区", "婴儿死亡率", 2022, "3.1"),
            fact("柯城区", "婴儿死亡率", 2023, "2.9")
        ]
    );
}

#[test]
fn contradictions_are_asked_about_and_choices_settle_them() {
    let disagree = grid(vec![
        vec![
            text("年份"),
            text("统计年度"),
            text("指标名称"),
            text("数值"),
        ],
        vec![num(2022.0), text("2023年"), text("婴儿死亡率"), num(3.1)],
    ]);
    assert!(matches!(
        read(&disagree, "f.csv", None),
        Err(IngestErrorKind::ColumnsDisagree { row: 2, .. })
    ));
    let choices = Choices {
        year: None,
        columns: &[ColumnChoice {
            sheet: "Sheet1".into(),
            column: 0,
            role: Role::Ignored,
        }],
        sheets: &[],
    };
    let table = read_with(std::slice::from_ref(&disagree), "f.csv", &choices).unwrap();
    assert_eq!(facts(&table), [fact("", "婴儿死亡率", 2023, "3.1")]);
    assert_eq!(table.sheets[0].columns[0].by, RoleBy::Chosen);

    let numbers = grid(vec![
        vec![text("地区"), text("指标名称"), text("2023年")],
        vec![num(1.0), text("婴儿死亡率"), num(3.1)],
        vec![num(2.0), text("儿童伤害死亡率"), num(9.1)],
    ]);
    assert!(matches!(
        read(&numbers, "f.csv", None),
        Err(IngestErrorKind::ColumnNotAsHeaded { ref column, .. }) if column == "A"
    ));
}

#[test]
fn a_sheets_year_and_region_can_be_given() {
    let g = grid(vec![
        vec![text("指标"), text("单位"), text("数值")],
        vec![text("婴儿死亡率"), text("‰"), num(3.8)],
    ]);
    let sheets = [SheetChoice {
        sheet: "Sheet1".into(),
        year: Some(2023),
        region: Some("开化县".into()),
        skip: false,
    }];
    let choices = Choices {
        year: None,
        columns: &[],
        sheets: &sheets,
    };
    let table = read_with(std::slice::from_ref(&g), "f.xlsx", &choices).unwrap();
    assert_eq!(facts(&table), [fact("开化县", "婴儿死亡率", 2023, "3.8")]);
    assert_eq!(table.sheets[0].region_source, Some(FactSource::Chosen));
}

#[test]
fn unit_in_a_label() {
    assert_eq!(unit_in_label("婴儿死亡率（‰）"), Some(Unit::PerMille));
    assert_eq!(
        unit_in_label("儿童伤害死亡率(1/10万)"),
        Some(Unit::PerHundredThousand)
    );
    assert_eq!(unit_in_label("婴儿死亡率"), None);
}
