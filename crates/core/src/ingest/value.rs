//! What a cell says: a number (with the unit and comparator typed around it), a no-data
//! placeholder, qualitative text, or something that cannot be read.

use crate::numbers::Comparator;
use crate::units::Unit;
use serde::Serialize;

/// A cell as the reader found it, before interpretation.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RawCell {
    #[default]
    Empty,
    /// A stored number; `percent_format` when the cell's number format shows it as a percent
    /// (the stored 0.961 is displayed as 96.1%).
    Number {
        value: f64,
        percent_format: bool,
    },
    Text(String),
    Bool(bool),
    /// An error cell such as #DIV/0!.
    Error(String),
    /// A formula whose result was never computed and saved.
    FormulaWithoutValue(String),
}

impl RawCell {
    /// The cell as a person sees it, for messages and labels.
    pub fn display(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Number {
                value,
                percent_format: true,
            } => format!("{}%", trim_float(value * 100.0)),
            RawCell::Number { value, .. } => trim_float(*value),
            RawCell::Text(text) => text.trim().to_string(),
            RawCell::Bool(true) => "TRUE".into(),
            RawCell::Bool(false) => "FALSE".into(),
            RawCell::Error(code) => code.clone(),
            RawCell::FormulaWithoutValue(formula) => format!("={formula}"),
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            RawCell::Text(text) => Some(text.trim()),
            _ => None,
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }
}

/// A cell's meaning.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    Number {
        value: f64,
        /// The unit written in the cell or implied by its percent format; `None` when bare.
        unit: Option<Unit>,
        comparator: Option<Comparator>,
    },
    /// Blank, —, /, 无, 暂无 …: the submission has no figure.
    Missing,
    /// Words such as 应援尽援, 已完成, 是: kept for the evaluator to quote.
    Text { text: String },
    /// An error cell, or a formula without a saved result: cannot be judged.
    Unreadable {
        reason_zh: String,
        reason_en: String,
    },
}

const NO_DATA: &[&str] = &[
    "",
    "-",
    "—",
    "——",
    "–",
    "－",
    "/",
    "／",
    "\\",
    "空",
    "无",
    "暂无",
    "不适用",
    "无数据",
    "n/a",
    "na",
    "…",
    "...",
    "x",
    "×",
];

/// Interprets one cell.
pub fn interpret(raw: &RawCell) -> Value {
    match raw {
        RawCell::Empty => Value::Missing,
        RawCell::Number { value, percent_format } => {
            // A percent-formatted cell stores the fraction; the number format, not the size, says so.
            let value = if *percent_format { value * 100.0 } else { *value };
            finite_number(value, percent_format.then_some(Unit::Percent), None)
        }
        RawCell::Bool(b) => Value::Text { text: if *b { "是".into() } else { "否".into() } },
        RawCell::Error(code) => Value::Unreadable {
            reason_zh: format!("单元格是错误值 {code}，请修正公式或填入数值"),
            reason_en: format!("the cell holds the error {code}; fix the formula or type the value"),
        },
        RawCell::FormulaWithoutValue(formula) => Value::Unreadable {
            reason_zh: format!("公式 ={formula} 没有保存计算结果，请在 Excel/WPS 中打开并保存后再检查"),
            reason_en: format!("the formula ={formula} has no saved result; open and save the file in Excel/WPS, then check again"),
        },
        RawCell::Text(text) => interpret_text(text),
    }
}

/// Infinity or NaN would pass through every comparison as a finding of nothing (a gap of inf, a
/// progress of NaN): such a cell, typed or stored, is unreadable.
fn finite_number(value: f64, unit: Option<Unit>, comparator: Option<Comparator>) -> Value {
    if value.is_finite() {
        Value::Number {
            value,
            unit,
            comparator,
        }
    } else {
        unreadable("数值不是有限数", "the number is not finite")
    }
}

fn unreadable(zh: &str, en: &str) -> Value {
    Value::Unreadable {
        reason_zh: zh.into(),
        reason_en: en.into(),
    }
}

/// The half-width form of a full-width character (digits, letters, punctuation, the ideographic
/// space, 。); any other character as it is.
pub fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '。' => '.',
        _ => c,
    }
}

fn interpret_text(text: &str) -> Value {
    let compact: String = text
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    // The placeholders are ASCII or caseless, and full-width letters are ASCII by now.
    if NO_DATA
        .iter()
        .any(|no_data| no_data.eq_ignore_ascii_case(&compact))
    {
        return Value::Missing;
    }
    if compact.starts_with('#') {
        return Value::Unreadable {
            reason_zh: format!("单元格是错误值 {compact}，请修正公式或填入数值"),
            reason_en: format!(
                "the cell holds the error {compact}; fix the formula or type the value"
            ),
        };
    }
    match parse_number_text(&compact) {
        Some((value, unit, comparator)) => finite_number(value, unit, comparator),
        None => Value::Text {
            text: text.trim().to_string(),
        },
    }
}

/// "<9.5", "≥90", "98.5%", "3.2‰", "8.9/10万", "1,234", "-2.5": the number, its unit, its comparator.
fn parse_number_text(compact: &str) -> Option<(f64, Option<Unit>, Option<Comparator>)> {
    let (comparator, rest) = split_comparator(compact);
    let number_end = rest
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit() || c == '.' || c == ',' || (i == 0 && (c == '-' || c == '+')))
        })
        .map_or(rest.len(), |(i, _)| i);
    let (number, suffix) = rest.split_at(number_end);
    if !number.bytes().any(|b| b.is_ascii_digit()) || !valid_grouping(number) {
        return None;
    }
    // fast_float2 (calamine's) rather than `str::parse`: one float parser in the reader, not two.
    let value: f64 = fast_float2::parse(number.replace(',', "")).ok()?;
    let unit = if suffix.is_empty() {
        None
    } else {
        Some(Unit::parse(suffix)?)
    };
    Some((value, unit, comparator))
}

fn split_comparator(text: &str) -> (Option<Comparator>, &str) {
    for (prefix, comparator) in [
        ("<=", Comparator::Le),
        (">=", Comparator::Ge),
        ("≤", Comparator::Le),
        ("≥", Comparator::Ge),
        ("≦", Comparator::Le),
        ("≧", Comparator::Ge),
        ("<", Comparator::Lt),
        (">", Comparator::Gt),
        ("小于等于", Comparator::Le),
        ("大于等于", Comparator::Ge),
        ("小于", Comparator::Lt),
        ("大于", Comparator::Gt),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (Some(comparator), rest);
        }
    }
    (None, text)
}

/// Thousands separators only in groups of three ("1,234.5"); "1,2" is not a number.
fn valid_grouping(number: &str) -> bool {
    let integer = number.split('.').next().unwrap_or("");
    if number.matches('.').count() > 1 {
        return false;
    }
    if !integer.contains(',') {
        return true;
    }
    let digits = integer.trim_start_matches(['-', '+']);
    let mut groups = digits.split(',');
    let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
    first_ok
        && groups.all(|g| g.len() == 3)
        && !number.split('.').nth(1).is_some_and(|f| f.contains(','))
}

pub use crate::numbers::trim_float;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_parse_as_the_standard_library_parses_them() {
        for text in [
            "+5",
            "1.",
            ".5",
            "1.2.3",
            "007",
            "-0.0",
            "..",
            "0.1",
            "98.18",
            "12345678901234567890.5",
            "4.9406564584124654e-324",
        ] {
            let standard = text.parse::<f64>().ok();
            let fast = fast_float2::parse::<f64, _>(text).ok();
            assert_eq!(fast.map(f64::to_bits), standard.map(f64::to_bits), "{text}");
        }
    }

    fn text(s: &str) -> Value {
        interpret(&RawCell::Text(s.into()))
    }

    fn number(value: f64, unit: Option<Unit>, comparator: Option<Comparator>) -> Value {
        Value::Number {
            value,
            unit,
            comparator,
        }
    }

    #[test]
    fn reads_numbers_as_officials_type_them() {
        assert_eq!(text("98.5%"), number(98.5, Some(Unit::Percent), None));
        assert_eq!(text("３．２‰"), number(3.2, Some(Unit::PerMille), None));
        assert_eq!(
            text("８.9/10万"),
            number(8.9, Some(Unit::PerHundredThousand), None)
        );
        assert_eq!(text("1,234"), number(1234.0, None, None));
        assert_eq!(text(" <9.5 "), number(9.5, None, Some(Comparator::Lt)));
        assert_eq!(
            text("≥90％"),
            number(90.0, Some(Unit::Percent), Some(Comparator::Ge))
        );
        assert_eq!(text("-2.5"), number(-2.5, None, None));
        assert_eq!(text("12人"), number(12.0, Some(Unit::Count), None));
    }

    #[test]
    fn a_percent_format_means_the_stored_value_is_a_fraction() {
        let cell = RawCell::Number {
            value: 0.961,
            percent_format: true,
        };
        match interpret(&cell) {
            Value::Number {
                value,
                unit: Some(Unit::Percent),
                ..
            } => assert!((value - 96.1).abs() < 1e-9),
            other => panic!("{other:?}"),
        }
        assert_eq!(cell.display(), "96.1%");
        let bare = RawCell::Number {
            value: 0.961,
            percent_format: false,
        };
        assert_eq!(interpret(&bare), number(0.961, None, None));
    }

    #[test]
    fn placeholders_are_missing_and_words_are_kept() {
        for placeholder in [
            "",
            "—",
            "-",
            "/",
            "空",
            "无",
            "暂无",
            "不适用",
            "　",
            "N/A",
            "NA",
            "X",
            "ｎ／ａ",
            "Ｘ",
            " n / a ",
        ] {
            assert_eq!(text(placeholder), Value::Missing, "{placeholder:?}");
        }
        assert_eq!(interpret(&RawCell::Empty), Value::Missing);
        assert_eq!(
            text("应援尽援"),
            Value::Text {
                text: "应援尽援".into()
            }
        );
        assert_eq!(text("1,2"), Value::Text { text: "1,2".into() });
        assert_eq!(
            text("2023年"),
            Value::Text {
                text: "2023年".into()
            }
        );
    }

    #[test]
    fn errors_and_uncomputed_formulas_are_unreadable_not_zero() {
        assert!(matches!(
            interpret(&RawCell::Error("#DIV/0!".into())),
            Value::Unreadable { .. }
        ));
        assert!(matches!(text("#N/A"), Value::Unreadable { .. }));
        assert!(matches!(
            interpret(&RawCell::FormulaWithoutValue("20+3".into())),
            Value::Unreadable { .. }
        ));
    }

    #[test]
    fn a_numeral_too_big_for_a_float_is_unreadable_not_infinite() {
        // 400 digits parse to +inf: a gap or a progress of inf would be no finding at all.
        let huge = "9".repeat(400);
        for typed in [huge.clone(), format!("-{huge}"), format!("≥{huge}%")] {
            match text(&typed) {
                Value::Unreadable {
                    reason_zh,
                    reason_en,
                } => {
                    assert!(reason_zh.contains("有限"), "{reason_zh}");
                    assert!(reason_en.contains("finite"), "{reason_en}");
                }
                other => panic!("{}…: {other:?}", &typed[..12]),
            }
        }
        // The largest finite float still reads as itself.
        assert_eq!(text(&format!("{}", f64::MAX)), number(f64::MAX, None, None));
    }

    #[test]
    fn a_percent_format_that_overflows_when_scaled_is_unreadable() {
        let cell = RawCell::Number {
            value: f64::MAX,
            percent_format: true,
        };
        assert!(matches!(interpret(&cell), Value::Unreadable { .. }));
    }
}
