//! What header words and cells say: years, the words that name a column's role, row labels,
//! section rows and notes under a table.

use crate::ingest::value::{interpret, RawCell, Value};
use crate::regions::is_region_header;

/// The first 20xx in a text that is not the start or end of a range such as 2021—2025 (a dash
/// between a name and a year, 监测表-2023, is no range).
pub fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '~' | '～' | '至');
    let digit_at = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut i = 0;
    while i + 4 <= chars.len() {
        let window: String = chars[i..i + 4].iter().collect();
        let before_is_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).copied();
        if !before_is_digit && !after.is_some_and(|c| c.is_ascii_digit()) {
            if let Ok(year) = window.parse::<i32>() {
                let starts_range = after.is_some_and(dash) && digit_at(i + 5);
                let ends_range = i >= 2 && dash(chars[i - 1]) && digit_at(i - 2);
                if (2000..=2049).contains(&year) && !starts_range && !ends_range {
                    return Some(year);
                }
            }
        }
        i += 1;
    }
    None
}

/// A year written as a header: the number 2023, or a short text with one (2023年, 2023年度).
pub fn header_year(cell: &RawCell) -> Option<i32> {
    match cell {
        RawCell::Number {
            value,
            percent_format: false,
        } if value.fract() == 0.0 && (2000.0..=2049.0).contains(value) => Some(*value as i32),
        RawCell::Text(text) => {
            let t = text.trim();
            if t.chars().count() > 16 || is_notes_header(t) || is_target_header(t) {
                return None;
            }
            year_in(t)
        }
        _ => None,
    }
}

/// A cell of a year column: 2023, "2023", 2023年, 2023年度 — nothing else.
pub fn year_cell(cell: &RawCell) -> Option<i32> {
    match cell {
        RawCell::Text(text) => {
            let t = text
                .trim()
                .trim_end_matches('度')
                .trim_end_matches('年')
                .trim();
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| year_in(t))
                .flatten()
        }
        other => header_year(other),
    }
}

/// A header part that is only a year: 2023年, 2023, 2023年度.
pub fn is_year_only(part: &str) -> bool {
    let t = part.trim();
    year_in(t).is_some() && t.chars().count() <= 8
}

/// The column of indicator names: 指标名称, 指标, 监测指标, 项目, 名称.
pub fn is_name_header(text: &str) -> bool {
    let t = text.trim();
    (t.contains("指标") && !t.contains("指标值") && !t.contains("指标数值"))
        || (t.contains("名称") && !is_region_header(t))
        || t == "项目"
}

/// The column of years: 年份, 年度, 统计年度, 报告期.
pub fn is_year_header(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "年份",
        "年度",
        "统计年度",
        "统计年份",
        "报告年度",
        "报告期",
        "年",
        "期别",
        "时间",
    ];
    let t = text.trim();
    WORDS.contains(&t) || (t.ends_with("年份") && t.chars().count() <= 6)
}

/// A column of figures whose header names no year or region: 数值, 本期值, 指标值, 完成值 …
pub fn is_value_header(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "数值",
        "本期值",
        "指标值",
        "指标数值",
        "完成值",
        "实际值",
        "监测值",
        "统计值",
        "数据",
        "本年值",
        "本年数",
        "本期数",
        "当年值",
        "实绩",
        "完成数",
        "值",
    ];
    let t = text.trim();
    WORDS.contains(&t) || (t.ends_with("数据") && t.chars().count() <= 8)
}

/// The unit column: 单位, 计量单位 (not 单位名称 or 填报单位, which name who reports).
pub fn is_unit_header(text: &str) -> bool {
    let t = text.trim();
    t.contains("单位") && !t.contains("名称") && !t.contains("填报") && t.chars().count() <= 5
}

/// A target column: the plan's figures, never data.
pub fn is_target_header(text: &str) -> bool {
    text.contains("目标")
}

/// Notes, sources and who is responsible: never data.
pub fn is_notes_header(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "备注",
        "说明",
        "数据来源",
        "来源",
        "责任单位",
        "牵头单位",
        "完成情况",
        "情况说明",
        "填报说明",
        "评价",
        "是否达标",
    ];
    WORDS.iter().any(|w| text.contains(w))
}

pub fn is_row_number_header(text: &str) -> bool {
    let t = text.trim();
    ["序号", "编号", "排序", "序", "No.", "NO.", "No"].contains(&t)
}

/// 基数, 基期, 基线: the plan's base year.
pub fn is_base_header(text: &str) -> bool {
    text.contains("基数") || text.contains("基期") || text.contains("基线")
}

/// A header word that says which column is what, for telling a header row from a title.
pub fn is_role_word(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && (is_name_header(t)
            || is_region_header(t)
            || is_year_header(t)
            || is_value_header(t)
            || is_unit_header(t))
}

/// The label of a data row, or `None` for blank rows, bare numbers and notes under the table.
pub fn row_label(cell: &RawCell) -> Option<String> {
    let displayed;
    let text = match cell {
        RawCell::Text(text) => text.trim(),
        _ => {
            displayed = cell.display();
            displayed.trim()
        }
    };
    // A number needs a digit; most labels have none, and interpreting a label as a number
    // copies it several times, on every row of a big sheet.
    let has_digit = text
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if text.is_empty() || has_digit && matches!(interpret(cell), Value::Number { .. }) {
        return None;
    }
    const NOTE_PREFIXES: &[&str] = &[
        "注",
        "说明",
        "备注",
        "填报人",
        "审核人",
        "负责人",
        "制表",
        "联系电话",
        "填表说明",
        "数据来源",
        "填报单位",
        "填报日期",
    ];
    if NOTE_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return None;
    }
    Some(text.to_string())
}

/// A chapter heading among the names: 一、儿童与健康, 第二部分 …
pub fn is_section_heading(text: &str) -> bool {
    let t = text.trim();
    let numerals = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    let after = t.chars().nth(numerals);
    (numerals > 0 && matches!(after, Some('、' | '.' | '．')))
        || (t.starts_with('第') && (t.contains("部分") || t.contains('章')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_ranges_are_not_the_data_year() {
        assert_eq!(
            year_in("衢州市儿童发展规划（2021—2025年）2023年监测表"),
            Some(2023)
        );
        assert_eq!(year_in("2021-2025"), None);
        assert_eq!(year_in("（2020—2023年）"), None);
        assert_eq!(year_in("柯城区儿童发展监测表-2023.xlsx"), Some(2023));
        assert_eq!(year_in("第12023号"), None);
    }

    #[test]
    fn year_cells_are_years_and_nothing_else() {
        let text = |s: &str| RawCell::Text(s.into());
        assert_eq!(year_cell(&text("2023年")), Some(2023));
        assert_eq!(year_cell(&text(" 2022年度 ")), Some(2022));
        assert_eq!(year_cell(&text("2023年3月")), None);
        assert_eq!(year_cell(&text("婴儿死亡率2023")), None);
        let number = RawCell::Number {
            value: 2021.0,
            percent_format: false,
        };
        assert_eq!(year_cell(&number), Some(2021));
    }

    #[test]
    fn header_words_name_their_columns() {
        assert!(
            is_name_header("指标名称") && is_name_header("监测指标") && !is_name_header("指标值")
        );
        assert!(is_year_header("统计年度") && is_year_header("年份") && !is_year_header("2023年"));
        assert!(
            is_value_header("本期值") && is_value_header("2023年数据") && is_value_header("数值")
        );
        assert!(
            is_unit_header("计量单位")
                && !is_unit_header("单位名称")
                && !is_unit_header("填报单位")
        );
        assert!(is_target_header("2025年目标值") && is_notes_header("完成情况"));
    }

    #[test]
    fn section_headings_are_not_names() {
        assert!(is_section_heading("一、儿童与健康"));
        assert!(is_section_heading("十二、其他"));
        assert!(!is_section_heading("（一）普惠性幼儿园覆盖率"));
        assert!(!is_section_heading("婴儿死亡率"));
    }
}
