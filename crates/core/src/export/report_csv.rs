use crate::ingest::value::trim_float;
use crate::plan::display_unit;
use crate::report::Report;

/// The results as CSV: UTF-8 with a BOM (so Excel opens it as Chinese), every row of every year,
/// and every cell that a spreadsheet would run as a formula neutralised (the checked file is
/// untrusted: a label "=HYPERLINK(…)" must stay text). Statuses and trends read in Chinese as the
/// page says them (已达标, 较上期改善) and progress as a percent; `codes` writes the report's codes
/// (met, improving) and progress as a fraction instead, for another program to read.
pub fn report_csv(report: &Report, codes: bool) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let header = [
        "指标代码",
        "指标",
        "填报名称",
        "地区",
        "年份",
        "单元格",
        "填报值",
        "数值",
        "单位",
        "目标",
        "状态",
        "差距",
        "差距说明",
        "进度",
        "直线进度应达",
        "趋势",
        "原因",
        "Reason",
        "核对提示",
        "核对无误后状态",
        "已确认数值无误",
    ];
    push_row(&mut out, header.iter().map(|h| h.to_string()));
    let status = |s: crate::evaluate::Status| if codes { s.word() } else { s.label_zh() };
    for row in &report.results {
        let findings = &row.findings;
        let progress = findings.progress.map(|p| {
            if codes {
                trim_float(p)
            } else {
                format!("{}%", trim_float((p * 1000.0).round() / 10.0))
            }
        });
        push_row(
            &mut out,
            [
                row.indicator_id.clone(),
                row.indicator.clone(),
                row.as_written.clone().unwrap_or_default(),
                row.region.clone().unwrap_or_default(),
                row.year.to_string(),
                row.cell.clone().unwrap_or_default(),
                row.value_as_written.clone().unwrap_or_default(),
                findings.value.map(trim_float).unwrap_or_default(),
                display_unit(&row.unit).to_string(),
                row.target.text.clone(),
                status(findings.status).to_string(),
                findings.gap.map(trim_float).unwrap_or_default(),
                findings.gap_words.clone(),
                progress.unwrap_or_default(),
                findings
                    .expected_on_path
                    .map(trim_float)
                    .unwrap_or_default(),
                findings
                    .trend
                    .map(|t| if codes { t.word() } else { t.label_zh() })
                    .unwrap_or_default()
                    .to_string(),
                findings.reason.clone(),
                findings.reason_en.clone(),
                findings.flags_text(false),
                findings
                    .status_if_confirmed
                    .map(|s| status(s).to_string())
                    .unwrap_or_default(),
                if findings.confirmed { "是" } else { "" }.to_string(),
            ]
            .into_iter(),
        );
    }
    for row in &report.unmatched {
        let mut cells = vec![String::new(); header.len()];
        cells[2] = row.as_written.clone();
        cells[5] = row.cell.clone();
        cells[10] = if codes {
            row.why.word()
        } else {
            row.why.label_zh()
        }
        .to_string();
        cells[16] = row.why_words.clone();
        cells[17] = row.why_words_en.clone();
        push_row(&mut out, cells.into_iter());
    }
    out.into_bytes()
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.map(|c| quote(&neutralise(&c))).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// A leading = + - @ tab or carriage return would make a spreadsheet evaluate the cell: prefix an
/// apostrophe, as OWASP advises. Only a plain negative decimal ("-7.5", a gap) stays a number.
pub fn neutralise(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_negative_number(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn is_plain_negative_number(cell: &str) -> bool {
    let Some(digits) = cell.strip_prefix('-') else {
        return false;
    };
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("0");
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_numbers_kept() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("+1+1"), "'+1+1");
        assert_eq!(neutralise("-A1"), "'-A1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tcmd"), "'\tcmd");
        assert_eq!(neutralise("-2.5"), "-2.5");
        assert_eq!(neutralise("+4.5"), "'+4.5");
        assert_eq!(neutralise("-1e9"), "'-1e9");
        assert_eq!(neutralise("婴儿死亡率"), "婴儿死亡率");
    }

    #[test]
    fn fields_with_commas_quotes_and_breaks_are_quoted() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("说\"明\""), "\"说\"\"明\"\"\"");
        assert_eq!(quote("婴儿\n死亡率"), "\"婴儿\n死亡率\"");
    }
}
