use super::ExportError;
use crate::plan::{display_unit, Kind, Plan};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Format, Workbook};

/// A blank submission template: the plan's indicators by chapter, the city's 2020 values where
/// the plan gives them, a column per year to fill (numbers only, except for qualitative
/// targets), the 2025 target, and a notes column. Its headers are the ones the reader knows, so
/// a filled copy is read back with no manual mapping.
pub fn template_xlsx(plan: &Plan) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("填报表")?;
    let bold = Format::new().set_bold().set_text_wrap();
    let title = Format::new().set_bold().set_font_size(14);
    let fill = Format::new().set_background_color(rust_xlsxwriter::Color::RGB(0xFFFBE6));

    let years: Vec<i32> = (plan.period.start..=plan.period.end).collect();
    sheet.write_string_with_format(0, 0, format!("{}监测数据填报表", plan.title), &title)?;
    sheet.write_string(1, 0, "填报单位：                    填报日期：")?;
    let mut headers = vec![
        "序号".to_string(),
        "领域".to_string(),
        "指标名称".to_string(),
        "计量单位".to_string(),
        format!("{}年基数", plan.baseline_year),
    ];
    headers.extend(years.iter().map(|y| format!("{y}年")));
    headers.push(format!("{}年目标", plan.period.end));
    headers.push("数据来源/备注".to_string());
    const HEADER_ROW: u32 = 3;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, header, &bold)?;
    }
    let first_year_col: u16 = 5;
    let last_year_col = first_year_col + years.len() as u16 - 1;
    let numbers_only = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1.0e12, 1.0e12))
        .set_error_title("请填写数值")?
        .set_error_message("此格只能填写数值（不带单位）；无数据请留空。Numbers only; leave blank when there is no data.")?;

    let mut row = HEADER_ROW + 1;
    let mut number = 1;
    for domain in &plan.domains {
        for indicator in plan.indicators.iter().filter(|i| i.domain == domain.id) {
            sheet.write_number(row, 0, f64::from(number))?;
            sheet.write_string(row, 1, &domain.name)?;
            sheet.write_string(row, 2, &indicator.name)?;
            sheet.write_string(row, 3, display_unit(&indicator.unit))?;
            if let Some(baseline) = indicator
                .baseline
                .as_ref()
                .filter(|b| b.year == plan.baseline_year)
            {
                sheet.write_number(row, 4, baseline.value)?;
            }
            for col in first_year_col..=last_year_col {
                sheet.write_blank(row, col, &fill)?;
            }
            if indicator.kind != Kind::Qualitative {
                sheet.add_data_validation(
                    row,
                    first_year_col,
                    row,
                    last_year_col,
                    &numbers_only,
                )?;
            }
            sheet.write_string(
                row,
                last_year_col + 1,
                indicator.target.display(&indicator.unit, false),
            )?;
            let note = indicator
                .target
                .base_year
                .map(|y| format!("另请在备注中填写 {y} 年数值"))
                .unwrap_or_default();
            sheet.write_string(row, last_year_col + 2, note)?;
            row += 1;
            number += 1;
        }
    }
    sheet.write_string(
        row + 1,
        0,
        format!(
            "注：目标取自《{}》原文；数值不带单位填写，无数据请留空。",
            plan.title
        ),
    )?;
    sheet.set_column_width(1, 14)?;
    sheet.set_column_width(2, 44)?;
    sheet.set_column_width(last_year_col + 1, 16)?;
    sheet.set_column_width(last_year_col + 2, 30)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    Ok(workbook.save_to_buffer()?)
}
