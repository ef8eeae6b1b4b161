use super::report_csv::neutralise;
use super::ExportError;
use crate::evaluate::Status;
use crate::ingest::value::trim_float;
use crate::plan::{display_unit, Plan};
use crate::report::{Report, ResultRow};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet};

/// Fill colours of the status cells: the page's palette (the word is always there too).
fn status_fill(status: Status) -> Color {
    Color::RGB(match status {
        Status::Met => 0xDAFBE1,
        Status::OnTrack => 0xDDF4FF,
        Status::Behind => 0xFFF8C5,
        Status::NotMet => 0xFFEBE9,
        Status::Missing => 0xEAEEF2,
        Status::Review => 0xFBEFFF,
    })
}

/// The report as a workbook: 汇总 (what was checked, counts by status and chapter), 结果 (every
/// indicator × region of the reporting year, the year the summary counts), 历年 (the other years'
/// rows), 未匹配 and 需核对 (the reporting year's). Figures are numbers with number formats, so
/// they sum and sort in a spreadsheet.
pub fn report_xlsx(report: &Report, plan: &Plan, checked_at: &str) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    let summary = workbook.add_worksheet().set_name("汇总")?;
    let facts = [
        ("规划 Plan", report.plan.title.clone()),
        ("文件 File", report.source.file.clone()),
        ("工作表 Sheet", report.source.sheet.clone()),
        ("SHA-256", report.source.sha256.clone()),
        ("检查时间 Checked at", checked_at.to_string()),
        ("报告年份 Reporting year", reporting_year_words(report)),
        ("地区 Regions", report.regions.join("、")),
        (
            "待核对的数值 Flagged figures",
            report.summary.flagged.to_string(),
        ),
    ];
    for (row, (label, value)) in facts.iter().enumerate() {
        summary.write_string_with_format(row as u32, 0, *label, &bold)?;
        summary.write_string(row as u32, 1, neutralise(value))?;
    }
    let mut row = facts.len() as u32 + 1;
    summary.write_string_with_format(row, 0, "领域 Chapter", &bold)?;
    for (col, status) in Status::ALL.iter().enumerate() {
        let header = Format::new()
            .set_bold()
            .set_background_color(status_fill(*status));
        summary.write_string_with_format(
            row,
            col as u16 + 1,
            format!("{} {}", status.label_zh(), status.word()),
            &header,
        )?;
    }
    row += 1;
    summary.write_string_with_format(row, 0, "全部 All", &bold)?;
    for (col, count) in report.summary.counts.iter().enumerate() {
        summary.write_number(row, col as u16 + 1, count.count as f64)?;
    }
    for domain in &report.summary.by_domain {
        row += 1;
        summary.write_string(row, 0, &domain.name)?;
        for (col, count) in domain.counts.iter().enumerate() {
            summary.write_number(row, col as u16 + 1, count.count as f64)?;
        }
    }
    summary.set_column_width(0, 24)?;
    summary.set_column_width(1, 66)?;

    let formats = Formats {
        bold: &bold,
        wrap: &wrap,
        percent: &Format::new().set_num_format("0.0%"),
    };
    let reporting_year = |r: &&ResultRow| r.year == report.reporting_year;
    let results = workbook.add_worksheet().set_name("结果")?;
    write_results(results, report.current_rows(), plan, &formats)?;
    let other_years = workbook.add_worksheet().set_name("历年")?;
    let others = report.results.iter().filter(|r| !reporting_year(r));
    write_results(other_years, others, plan, &formats)?;

    let unmatched = workbook.add_worksheet().set_name("未匹配")?;
    for (col, header) in [
        "单元格 Cell",
        "填报名称 As written",
        "原因 Why",
        "说明 Details",
        "最接近的指标 Nearest",
    ]
    .iter()
    .enumerate()
    {
        unmatched.write_string_with_format(0, col as u16, *header, &bold)?;
    }
    for (i, row) in report.unmatched.iter().enumerate() {
        let r = i as u32 + 1;
        unmatched.write_string(r, 0, &row.cell)?;
        unmatched.write_string(r, 1, neutralise(&row.as_written))?;
        unmatched.write_string(r, 2, row.why.label_zh())?;
        unmatched.write_string_with_format(r, 3, neutralise(&row.why_words), &wrap)?;
        let nearest: Vec<String> = row
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{}（相似度 {}%）",
                    plan.indicator(&c.indicator_id)
                        .map_or(c.indicator_id.as_str(), |i| i.name.as_str()),
                    trim_float((c.confidence * 100.0).round())
                )
            })
            .collect();
        unmatched.write_string(r, 4, nearest.join("；"))?;
    }
    unmatched.set_column_width(1, 40)?;
    unmatched.set_column_width(3, 60)?;

    let review = workbook.add_worksheet().set_name("需核对")?;
    write_results(
        review,
        report
            .current_rows()
            .filter(|r| r.findings.status == Status::Review || !r.findings.flags.is_empty()),
        plan,
        &formats,
    )?;

    Ok(workbook.save_to_buffer()?)
}

/// "2023 年度监测（规划期 2021—2025 年，基期 2020 年）", with a warning when the year lies outside.
fn reporting_year_words(report: &Report) -> String {
    let plan = &report.plan;
    let outside = if report.year_outside_period {
        "；不在规划期内，未对照目标"
    } else {
        ""
    };
    format!(
        "{} {}（规划期 {}—{} 年，基期 {} 年{outside}）",
        report.reporting_year,
        report.check_kind.label_zh(),
        plan.period.start,
        plan.period.end,
        plan.baseline_year
    )
}

/// The formats a results sheet uses.
struct Formats<'f> {
    bold: &'f Format,
    wrap: &'f Format,
    percent: &'f Format,
}

const RESULT_HEADERS: [&str; 24] = [
    "指标 Indicator",
    "领域 Chapter",
    "填报名称 As written",
    "地区 Region",
    "年份 Year",
    "单元格 Cell",
    "填报值 Value as written",
    "数值 Value",
    "单位 Unit",
    "目标 Target",
    "目标值 Target value",
    "基数 Base",
    "基数年份 Base year",
    "状态 Status",
    "差距 Gap",
    "差距说明 Gap in words",
    "进度 Progress",
    "直线进度应达 On the path",
    "原因",
    "Reason",
    "规划原文 Plan's words",
    "核对提示 Checks",
    "核对无误后 If confirmed",
    "已确认 Confirmed",
];

fn write_results<'a>(
    sheet: &mut Worksheet,
    rows: impl Iterator<Item = &'a ResultRow>,
    plan: &Plan,
    formats: &Formats,
) -> Result<(), ExportError> {
    let wrap = formats.wrap;
    for (col, header) in RESULT_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, formats.bold)?;
    }
    for (i, row) in rows.enumerate() {
        let r = i as u32 + 1;
        let findings = &row.findings;
        let indicator = plan.indicator(&row.indicator_id);
        // A figure is written only when there is one: an empty cell, not a 0, says "none".
        let mut number = |col: u16, value: Option<f64>| -> Result<(), ExportError> {
            if let Some(value) = value {
                sheet.write_number(r, col, value)?;
            }
            Ok(())
        };
        number(4, Some(f64::from(row.year)))?;
        number(7, findings.value)?;
        number(10, row.target.value)?;
        number(11, findings.base)?;
        number(12, findings.base_year.map(f64::from))?;
        number(14, findings.gap)?;
        number(17, findings.expected_on_path)?;
        sheet.write_string(r, 0, &row.indicator)?;
        sheet.write_string(
            r,
            1,
            plan.domain(&row.domain)
                .map_or(row.domain.as_str(), |d| d.name.as_str()),
        )?;
        sheet.write_string(r, 2, neutralise(row.as_written.as_deref().unwrap_or("")))?;
        sheet.write_string(r, 3, row.region.as_deref().unwrap_or(""))?;
        sheet.write_string(r, 5, row.cell.as_deref().unwrap_or(""))?;
        sheet.write_string(
            r,
            6,
            neutralise(row.value_as_written.as_deref().unwrap_or("")),
        )?;
        sheet.write_string(r, 8, display_unit(&row.unit))?;
        sheet.write_string(r, 9, &row.target.text)?;
        let fill = Format::new().set_background_color(status_fill(findings.status));
        sheet.write_string_with_format(r, 13, findings.status.label_zh(), &fill)?;
        sheet.write_string(r, 15, &findings.gap_words)?;
        if let Some(progress) = findings.progress {
            sheet.write_number_with_format(r, 16, progress, formats.percent)?;
        }
        sheet.write_string_with_format(r, 18, &findings.reason, wrap)?;
        sheet.write_string_with_format(r, 19, &findings.reason_en, wrap)?;
        if let Some(indicator) = indicator {
            sheet.write_string_with_format(r, 20, indicator.plan_words(), wrap)?;
        }
        if !findings.flags.is_empty() {
            sheet.write_string_with_format(r, 21, findings.flags_text(false), wrap)?;
        }
        if let Some(status) = findings.status_if_confirmed {
            sheet.write_string(r, 22, status.label_zh())?;
        }
        if findings.confirmed {
            sheet.write_string(r, 23, "已确认数值无误")?;
        }
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(2, 30)?;
    for wide in [18, 19, 20, 21] {
        sheet.set_column_width(wide, 50)?;
    }
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}
