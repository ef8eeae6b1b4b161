//! Take-aways: the .xlsx and CSV reports hold every result, and the blank template comes back
//! through the checker with no manual mapping.

use calamine::{Data, Reader, Xlsx};
use duibiao_core::check::{check, CheckOptions};
use duibiao_core::export::{report_csv, report_xlsx, template_xlsx};
use duibiao_core::plan::Plan;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::report::Report;
use std::collections::BTreeMap;
use std::io::Cursor;

fn kecheng() -> (Report, Plan) {
    let plan = Plan::default_plan();
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/long-kecheng-2023.xlsx"
    ))
    .unwrap();
    (
        check(
            "long-kecheng-2023.xlsx",
            &bytes,
            &plan,
            &CheckOptions::default(),
        )
        .unwrap(),
        plan,
    )
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_xlsx_report_holds_every_result_with_its_status() {
    let (report, plan) = kecheng();
    let bytes = report_xlsx(&report, &plan, "2026-11-28 15:10 UTC").unwrap();
    let summary = sheet(&bytes, "汇总");
    assert!(
        summary.iter().any(|r| r.contains(&report.source.sha256)),
        "the file's SHA-256"
    );
    assert!(
        summary
            .iter()
            .any(|r| r.iter().any(|c| c == "2026-11-28 15:10 UTC")),
        "the time of the check"
    );
    assert!(summary
        .iter()
        .any(|r| r[1] == "2023 中期评估（规划期 2021—2025 年，基期 2020 年）"));
    let results = sheet(&bytes, "结果");
    assert_eq!(
        results.len() - 1,
        report.current_rows().count(),
        "one row per indicator × region of the reporting year"
    );
    for (row, expected) in results[1..].iter().zip(report.current_rows()) {
        assert_eq!(row[0], expected.indicator);
        assert_eq!(row[4], expected.year.to_string());
        assert_eq!(row[13], expected.findings.status.label_zh());
    }
    let injury = results
        .iter()
        .find(|r| r[0] == "儿童伤害死亡率" && r[4] == "2023")
        .unwrap();
    assert_eq!(
        (injury[5].as_str(), injury[7].as_str(), injury[13].as_str()),
        ("F8", "9", "进度正常")
    );
    let unmatched = sheet(&bytes, "未匹配");
    assert_eq!(
        unmatched[1][..3],
        [
            "B17".to_string(),
            "全市常住人口".to_string(),
            "未匹配".to_string()
        ]
    );
    let review = sheet(&bytes, "需核对");
    assert_eq!(
        review.len() - 1,
        report
            .current_rows()
            .filter(|r| r.findings.status.word() == "review" || !r.findings.flags.is_empty())
            .count()
    );
}

/// The report of a file with 2022 and 2023 figures, and its .xlsx's cells as calamine reads them.
fn two_years() -> (Report, Vec<u8>) {
    let plan = Plan::default_plan();
    let csv =
        "指标名称,2022年,2023年\n普惠性幼儿园覆盖率,88,89\n每千人拥有3岁以下婴幼儿托位数,3.3,3.6\n";
    let report = check("2023.csv", csv.as_bytes(), &plan, &CheckOptions::default()).unwrap();
    let bytes = report_xlsx(&report, &plan, "2026-12-04 18:00 UTC").unwrap();
    (report, bytes)
}

fn cells(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    book.worksheet_range(name).unwrap()
}

#[test]
fn the_xlsx_results_are_the_reporting_years_with_figures_as_numbers() {
    let (report, bytes) = two_years();
    assert_eq!(report.reporting_year, 2023);
    let results = cells(&bytes, "结果");
    let header: Vec<String> = results
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h.starts_with(name)).unwrap();
    let rows: Vec<&[Data]> = results.rows().skip(1).collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r[column("年份")] == Data::Float(2023.0)),
        "only the reporting year, the summary's"
    );
    let earlier = cells(&bytes, "历年");
    let earlier: Vec<&[Data]> = earlier.rows().skip(1).collect();
    assert_eq!(earlier.len(), 2);
    assert!(earlier
        .iter()
        .all(|r| r[column("年份")] == Data::Float(2022.0)));
    let nursery_at = rows
        .iter()
        .position(|r| r[0] == Data::String("每千人拥有3岁以下婴幼儿托位数".into()))
        .unwrap();
    let nursery = rows[nursery_at];
    assert_eq!(nursery[column("数值")], Data::Float(3.6));
    assert_eq!(nursery[column("目标值")], Data::Float(4.5));
    assert_eq!(nursery[column("基数 Base")], Data::Float(2.94));
    assert_eq!(nursery[column("差距 Gap")], Data::Float(0.9));
    assert_eq!(
        nursery[column("差距说明")],
        Data::String("还差 0.9 个".into())
    );
    let Data::Float(progress) = nursery[column("进度")] else {
        panic!("progress is a number: {:?}", nursery[column("进度")]);
    };
    assert!((progress - (3.6 - 2.94) / (4.5 - 2.94)).abs() < 1e-6);
    assert_eq!(
        nursery[column("规划原文")],
        Data::String("每千人拥有3岁以下婴幼儿托位数（个）｜2020 年 2.94｜2025 年 4.5".into())
    );
    // The percent format is the cell's: 0.0%, not text like "42.3077%".
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
    let styles = book.worksheet_style("结果").unwrap();
    let progress_col = column("进度") as u32;
    let formats: Vec<String> = styles
        .cells()
        .filter(|(row, col, _)| *row == nursery_at as u32 + 1 && *col == progress_col)
        .map(|(_, _, style)| format!("{:?}", style.number_format))
        .collect();
    assert!(
        formats.len() == 1 && formats[0].contains("\"0.0%\""),
        "{formats:?}"
    );
}

#[test]
fn the_csv_speaks_chinese_unless_codes_are_asked_for() {
    let (report, _) = two_years();
    let words = String::from_utf8(report_csv(&report, false)).unwrap();
    let codes = String::from_utf8(report_csv(&report, true)).unwrap();
    let row = |text: &str| {
        text.lines()
            .find(|l| l.contains("普惠性幼儿园覆盖率") && l.contains(",2023,"))
            .unwrap()
            .to_string()
    };
    let (words, codes) = (row(&words), row(&codes));
    assert!(
        words.contains(",进度滞后,") && words.contains(",较上期改善,"),
        "{words}"
    );
    assert!(
        words.contains(",%,") && words.contains("还差 1 个百分点"),
        "{words}"
    );
    assert!(
        codes.contains(",behind,") && codes.contains(",improving,"),
        "{codes}"
    );
    assert!(!codes.contains("进度滞后,"), "{codes}");
}

#[test]
fn the_csv_report_opens_in_chinese_and_defuses_formulas() {
    let plan = Plan::default_plan();
    let csv =
        "指标名称,2023年\n=HYPERLINK(\"http://evil.example\"),1\n婴儿死亡率,+4.5\n@SUM(A1),2\n";
    let report = check("恶意.csv", csv.as_bytes(), &plan, &CheckOptions::default()).unwrap();
    let bytes = report_csv(&report, false);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("婴儿死亡率"), "Chinese text intact");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert!(!cells.is_empty());
    for cell in &cells {
        let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
            || (cell.starts_with('-') && cell.parse::<f64>().is_err());
        assert!(!risky, "a cell a spreadsheet would run: {cell:?}");
    }
    assert!(
        cells
            .iter()
            .any(|c| c == "'=HYPERLINK(\"http://evil.example\")"),
        "kept as text"
    );
    assert!(cells.iter().any(|c| c == "'@SUM(A1)"));
    assert!(
        cells.iter().any(|c| c == "'+4.5"),
        "the value as written is text too"
    );
}

/// Copies the template's cells into a new workbook, filling some years, as an official would.
fn fill(template: &[u8], values: &BTreeMap<&str, Vec<(i32, &str)>>) -> Vec<u8> {
    let grid = sheet(template, "填报表");
    let header_row = grid
        .iter()
        .position(|r| r.iter().any(|c| c == "指标名称"))
        .unwrap();
    let year_col = |year: i32| {
        grid[header_row]
            .iter()
            .position(|c| *c == format!("{year}年"))
            .unwrap()
    };
    let mut book = rust_xlsxwriter::Workbook::new();
    let out = book.add_worksheet().set_name("填报表").unwrap();
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                match cell.parse::<f64>() {
                    Ok(n) => out.write_number(r as u32, c as u16, n).unwrap(),
                    Err(_) => out.write_string(r as u32, c as u16, cell).unwrap(),
                };
            }
        }
        if let Some(filled) = row.get(2).and_then(|name| values.get(name.as_str())) {
            for &(year, value) in filled {
                match value.parse::<f64>() {
                    Ok(n) => out
                        .write_number(r as u32, year_col(year) as u16, n)
                        .unwrap(),
                    Err(_) => out
                        .write_string(r as u32, year_col(year) as u16, value)
                        .unwrap(),
                };
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_filled_template_is_checked_with_no_manual_mapping() {
    let plan = Plan::default_plan();
    let template = template_xlsx(&plan).unwrap();
    let blank = check("模板.xlsx", &template, &plan, &CheckOptions::default()).unwrap();
    assert!(
        blank.unmatched.is_empty(),
        "every template row is a plan indicator: {:?}",
        blank.unmatched
    );
    assert!(blank
        .current_rows()
        .all(|r| r.findings.status.word() == "missing"));
    assert!(blank.regions.is_empty(), "the plan's title is not a region");

    let values: BTreeMap<&str, Vec<(i32, &str)>> = BTreeMap::from([
        ("婴儿死亡率", vec![(2023, "4.2")]),
        ("儿童伤害死亡率", vec![(2023, "9.0")]),
        ("普惠性幼儿园覆盖率", vec![(2023, "89")]),
        ("高中阶段毛入学率", vec![(2023, "98.2")]),
        ("残疾儿童康复救助人数", vec![(2022, "600"), (2023, "620")]),
        ("儿童总体近视率", vec![(2023, "50")]),
        ("获得法律机构援助的未成年人数", vec![(2023, "应援尽援")]),
    ]);
    let filled = fill(&template, &values);
    let report = check("柯城区2023.xlsx", &filled, &plan, &CheckOptions::default()).unwrap();
    assert_eq!(
        report.reporting_year, 2023,
        "the empty 2024 and 2025 columns are not reported years"
    );
    assert!(report.unmatched.is_empty());
    let status = |id: &str| {
        report
            .current_rows()
            .find(|r| r.indicator_id == id)
            .unwrap()
            .findings
            .status
            .word()
    };
    let infant = report
        .current_rows()
        .find(|r| r.indicator_id == "infant_mortality")
        .unwrap();
    assert_eq!(
        status("infant_mortality"),
        "met",
        "{:?}",
        infant.findings.flags
    );
    assert_eq!(
        status("child_injury_mortality"),
        "on_track",
        "the template's 2020 column is the base: 10.5 → 9.468"
    );
    assert_eq!(status("inclusive_kindergarten_coverage"), "behind");
    assert_eq!(status("high_school_gross_enrollment"), "behind");
    assert_eq!(status("disabled_children_rehab_aid"), "met");
    assert_eq!(status("myopia_rate_yearly_decline"), "review");
    assert_eq!(status("minors_receiving_legal_aid"), "review");
    assert_eq!(status("neonatal_mortality"), "missing");
}

/// The template filled as an official would, 2022 and 2023, with six typical slips in 2023:
/// each slip is flagged and never certified, and no clean figure is flagged.
#[test]
fn a_filled_template_with_six_slips_has_each_flagged_and_nothing_else() {
    let plan = Plan::default_plan();
    let template = template_xlsx(&plan).unwrap();
    let clean: &[(&str, &str, &str)] = &[
        ("严重致残的出生缺陷发生率", "7.5", "7.8"),
        ("儿童伤害死亡率", "9.8", "9.0"),
        ("高中阶段毛入学率", "98.4", "98.6"),
        ("未成年人救助保护中心实体化运行率", "80", "100"),
        ("残疾儿童康复救助人数", "580", "600"),
        ("乡镇(街道)建有示范型儿童之家的比例", "95", "97"),
        ("建立儿童活动中心的县(市、区)比例", "50", "66.67"),
        (
            "公共文化设施管理单位每年开展家庭教育指导或亲子活动次数",
            "3",
            "4",
        ),
        ("设立亲子阅读区的社区图书室比例", "85", "88"),
        ("新生儿死亡率", "1.7", "1.8"),
        ("5岁以下儿童死亡率", "3.1", "2.9"),
        ("0—6个月婴儿纯母乳喂养率", "62", "64"),
        ("5岁以下儿童贫血患病率", "8.5", "8.1"),
        ("5岁以下儿童生长迟缓率", "3.2", "3.0"),
        ("新生儿访视率", "96", "97"),
        ("危重新生儿救治中心", "1", "1"),
        ("0—6岁儿童健康管理率", "95", "96"),
        ("0—3岁中医药健康管理服务覆盖率", "68", "70"),
        ("0—3岁儿童发育监测筛查率", "84", "86"),
        ("儿童总体近视率", "52", "51"),
        ("乡镇(街道)婴幼儿照护服务机构覆盖率", "40", "45"),
        ("3岁以下婴幼儿健康管理率", "93", "94"),
        ("3岁以下婴幼儿家长科学育儿知识普及率", "80", "83"),
        ("婴幼儿照护服务机构从业人员持证率", "80", "84"),
        ("儿童食品抽检不合格问题处置率", "100", "100"),
        ("九年义务教育巩固率", "100", "100"),
        ("全国义务教育优质均衡发展县(市、区)", "1", "2"),
        ("义务段学校“互联网+义务教育”覆盖率", "100", "100"),
        ("残疾儿童义务教育入学率", "98.5", "99"),
        ("开展标准化发育筛查的乡镇(社区)基层医疗机构比例", "70", "75"),
        ("区域性儿童福利机构", "1", "1"),
        ("社区儿童维权机构覆盖率", "95", "100"),
        ("县(市、区)“12355”青少年服务台基层工作站覆盖率", "90", "100"),
        ("中小学法治校长、法治辅导员配备率", "98", "100"),
        ("中小学生普法教育率", "99", "100"),
    ];
    // (name, 2022, 2023 slip, what it is)
    let slips: &[(&str, &str, &str, &str)] = &[
        (
            "千名儿童儿科执业(助理)医师数",
            "0.9",
            "95",
            "pediatricians_per_1000_children",
        ),
        (
            "每千人拥有3岁以下婴幼儿托位数",
            "3.3",
            "38",
            "nursery_places_per_1000_people",
        ),
        (
            "学前教育毛入园率",
            "98.3",
            "982",
            "preschool_gross_enrollment",
        ),
        ("婴儿死亡率", "2.3", "1.2", "infant_mortality"),
        (
            "普惠性幼儿园覆盖率",
            "96.5",
            "0.93",
            "inclusive_kindergarten_coverage",
        ),
        ("12岁儿童龋患率", "24", "235", "caries_rate_age12"),
    ];
    let values: BTreeMap<&str, Vec<(i32, &str)>> = clean
        .iter()
        .map(|&(name, a, b)| (name, vec![(2022, a), (2023, b)]))
        .chain(
            slips
                .iter()
                .map(|&(name, a, b, _)| (name, vec![(2022, a), (2023, b)])),
        )
        .collect();
    let filled = fill(&template, &values);
    let report = check("草稿2023.xlsx", &filled, &plan, &CheckOptions::default()).unwrap();
    assert!(report.unmatched.is_empty(), "{:?}", report.unmatched);
    let slip_ids: Vec<&str> = slips.iter().map(|s| s.3).collect();
    for row in report.current_rows() {
        let slipped = slip_ids.contains(&row.indicator_id.as_str());
        let certified = matches!(row.findings.status.word(), "met" | "on_track");
        if slipped {
            assert!(
                !row.findings.flags.is_empty() && !certified,
                "{} {:?}: {} {}",
                row.indicator,
                row.value_as_written,
                row.findings.status.word(),
                row.findings.reason
            );
        } else {
            assert!(
                row.findings.flags.is_empty(),
                "{} {:?} flagged: {:?}",
                row.indicator,
                row.value_as_written,
                row.findings.flags
            );
        }
    }
    assert_eq!(report.summary.flagged, slips.len());
    assert!(report
        .results
        .iter()
        .filter(|r| r.year == 2022)
        .all(|r| r.findings.flags.is_empty()));

    // The official confirms one figure; the downloads carry the flags and the confirmation.
    let doctors = |report: &duibiao_core::report::Report| {
        report
            .current_rows()
            .find(|r| r.indicator_id == "pediatricians_per_1000_children")
            .cloned()
            .unwrap()
    };
    let slip = doctors(&report);
    let confirmation = Confirmation {
        sheet: "填报表".into(),
        cell: slip.cell.clone().unwrap(),
        value: slip.value_as_written.clone().unwrap(),
    };
    let options = CheckOptions {
        confirmed: vec![confirmation],
        ..CheckOptions::default()
    };
    let confirmed = check("草稿2023.xlsx", &filled, &plan, &options).unwrap();
    assert_eq!(doctors(&confirmed).findings.status.word(), "met");
    assert_eq!(confirmed.summary.flagged, slips.len() - 1);
    let bytes = report_xlsx(&confirmed, &plan, "2026-12-04 16:00 UTC").unwrap();
    let results = sheet(&bytes, "结果");
    let header = &results[0];
    let column = |name: &str| header.iter().position(|h| h.starts_with(name)).unwrap();
    let xlsx_row = |indicator: &str| {
        results
            .iter()
            .find(|r| r[0] == indicator && r[4] == "2023")
            .unwrap()
    };
    let confirmed_row = xlsx_row("千名儿童儿科执业(助理)医师数");
    assert!(confirmed_row[column("核对提示")].contains("相差约 100 倍"));
    assert_eq!(confirmed_row[column("已确认")], "已确认数值无误");
    let open_slip = xlsx_row("学前教育毛入园率");
    assert!(open_slip[column("核对提示")].starts_with("【不合理】"));
    assert_eq!(open_slip[column("核对无误后")], "已达标");
    let summary = sheet(&bytes, "汇总");
    assert!(summary
        .iter()
        .any(|r| r[0].starts_with("待核对") && r[1] == "5"));
    let csv = String::from_utf8(report_csv(&confirmed, false)).unwrap();
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with("核对提示,核对无误后状态,已确认数值无误"));
    assert!(csv
        .lines()
        .any(|l| l.contains("千名儿童") && l.contains("2023") && l.ends_with(",是")));
}
