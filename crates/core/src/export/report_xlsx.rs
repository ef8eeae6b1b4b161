use super::report_csv::neutralise;
use super::ExportError;
use crate::evaluate::Status;
use crate::ingest::value::trim_float;
use crate::plan::Plan;
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
/// indicator × region × year), 未匹配 and 需核对.
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
        ("报告年份 Reporting year", report.reporting_year.to_string()),
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

    let results = workbook.add_worksheet().set_name("结果")?;
    write_results(results, report.results.iter(), plan, &bold, &wrap)?;

    let unmatched = workbook.add_worksheet().set_name("未匹配")?;
    for (col, header) in [
        "单元格 Cell",
        "填报名称 As written",
        "原因 Why",
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
        unmatched.write_string(r, 2, row.why.word())?;
        let nearest: Vec<String> = row
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    plan.indicator(&c.indicator_id)
                        .map_or(c.indicator_id.as_str(), |i| i.name.as_str()),
                    c.confidence
                )
            })
            .collect();
        unmatched.write_string(r, 3, nearest.join("；"))?;
    }
    unmatched.set_column_width(1, 40)?;

    let review = workbook.add_worksheet().set_name("需核对")?;
    write_results(
        review,
        report
            .results
            .iter()
            .filter(|r| r.findings.status == Status::Review || !r.findings.flags.is_empty()),
        plan,
        &bold,
        &wrap,
    )?;

    Ok(workbook.save_to_buffer()?)
}

const RESULT_HEADERS: [&str; 18] = [
    "指标 Indicator",
    "领域 Chapter",
    "填报名称 As written",
    "地区 Region",
    "年份 Year",
    "单元格 Cell",
    "填报值 Value as written",
    "数值 Value",
    "目标 Target",
    "状态 Status",
    "差距 Gap",
    "进度 Progress",
    "直线进度应达 On the path",
    "原因",
    "Reason",
    "核对提示 Checks",
    "核对无误后 If confirmed",
    "已确认 Confirmed",
];

fn write_results<'a>(
    sheet: &mut Worksheet,
    rows: impl Iterator<Item = &'a ResultRow>,
    plan: &Plan,
    bold: &Format,
    wrap: &Format,
) -> Result<(), ExportError> {
    for (col, header) in RESULT_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, bold)?;
    }
    for (i, row) in rows.enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &row.indicator)?;
        sheet.write_string(
            r,
            1,
            plan.domain(&row.domain)
                .map_or(row.domain.as_str(), |d| d.name.as_str()),
        )?;
        sheet.write_string(r, 2, neutralise(row.as_written.as_deref().unwrap_or("")))?;
        sheet.write_string(r, 3, row.region.as_deref().unwrap_or(""))?;
        sheet.write_number(r, 4, f64::from(row.year))?;
        sheet.write_string(r, 5, row.cell.as_deref().unwrap_or(""))?;
        sheet.write_string(
            r,
            6,
            neutralise(row.value_as_written.as_deref().unwrap_or("")),
        )?;
        if let Some(value) = row.findings.value {
            sheet.write_number(r, 7, value)?;
        }
        sheet.write_string(r, 8, &row.target.text)?;
        let fill = Format::new().set_background_color(status_fill(row.findings.status));
        sheet.write_string_with_format(
            r,
            9,
            format!(
                "{} {}",
                row.findings.status.label_zh(),
                row.findings.status.word()
            ),
            &fill,
        )?;
        if let Some(gap) = row.findings.gap {
            sheet.write_number(r, 10, gap)?;
        }
        if let Some(progress) = row.findings.progress {
            sheet.write_string(r, 11, format!("{}%", trim_float(progress * 100.0)))?;
        }
        if let Some(expected) = row.findings.expected_on_path {
            sheet.write_number(r, 12, expected)?;
        }
        sheet.write_string_with_format(r, 13, &row.findings.reason, wrap)?;
        sheet.write_string_with_format(r, 14, &row.findings.reason_en, wrap)?;
        if !row.findings.flags.is_empty() {
            sheet.write_string_with_format(r, 15, row.findings.flags_text(false), wrap)?;
        }
        if let Some(status) = row.findings.status_if_confirmed {
            sheet.write_string(r, 16, format!("{} {}", status.label_zh(), status.word()))?;
        }
        if row.findings.confirmed {
            sheet.write_string(r, 17, "已确认数值无误 confirmed")?;
        }
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(2, 30)?;
    sheet.set_column_width(13, 50)?;
    sheet.set_column_width(14, 50)?;
    sheet.set_column_width(15, 50)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}
