//! What each flag says, in Chinese and English: what was seen, then the likely cause.

use crate::numbers::trim_float;
use crate::plan::{display_unit, Indicator};
use crate::units::Unit;

/// What a figure was measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reference {
    /// The file's own figure of an earlier year.
    Earlier { year: i32, value: f64 },
    /// The plan's base.
    Base { year: i32, value: f64 },
    /// The target, when there is nothing else.
    Target { value: f64 },
    /// The median of the other regions' figures.
    Regions { value: f64 },
}

impl Reference {
    pub fn value(&self) -> f64 {
        match *self {
            Reference::Earlier { value, .. }
            | Reference::Base { value, .. }
            | Reference::Target { value }
            | Reference::Regions { value } => value,
        }
    }

    fn words(&self, unit: &str) -> (String, String) {
        let v = format!("{}{unit}", n(self.value()));
        match *self {
            Reference::Earlier { year, .. } => {
                (format!("{year} 年的 {v}"), format!("the {year} figure {v}"))
            }
            Reference::Base { year, .. } => {
                (format!("{year} 年基数 {v}"), format!("the {year} base {v}"))
            }
            Reference::Target { .. } => (format!("目标值 {v}"), format!("the target {v}")),
            Reference::Regions { .. } => (
                format!("其他地区的中位数 {v}"),
                format!("the other regions' median {v}"),
            ),
        }
    }
}

fn n(value: f64) -> String {
    trim_float(value)
}

fn unit_of(indicator: &Indicator) -> &str {
    display_unit(&indicator.unit)
}

/// "about 100 times": a power of ten when the factor is near one, else the factor rounded.
fn times(factor: f64) -> String {
    // The nearest power of ten by multiplying (no libm log in the reader for this).
    let mut power = 1.0;
    while factor / power >= 10f64.sqrt() {
        power *= 10.0;
    }
    if power >= 10.0 && (0.5..=2.0).contains(&(factor / power)) {
        n(power)
    } else if factor < 10.0 {
        n((factor * 10.0).round() / 10.0)
    } else {
        n(factor.round())
    }
}

pub fn jump(
    indicator: &Indicator,
    value: f64,
    reference: Reference,
    unit: Option<Unit>,
) -> (String, String) {
    let u = unit_of(indicator);
    let (against, against_en) = reference.words(u);
    let factor = super::figure::factor(value, reference.value());
    let how_many = times(factor);
    let (cause, cause_en) = if value > reference.value() {
        (
            "可能漏了小数点或多录了数字".to_string(),
            "a decimal point may be missing or a digit added".to_string(),
        )
    } else if unit == Some(Unit::Percent) && value <= 1.0 {
        (
            format!(
                "可能填的是小数（{} 即 {}%），而不是百分数",
                n(value),
                n(value * 100.0)
            ),
            format!(
                "it may be a fraction ({} = {}%) where a percent is meant",
                n(value),
                n(value * 100.0)
            ),
        )
    } else {
        (
            "可能错放了小数点或用错了单位".into(),
            "a decimal point may be misplaced or the unit wrong".into(),
        )
    };
    let v = n(value);
    (
        format!("{v}{u} 与{against}相差约 {how_many} 倍，{cause}"),
        format!("{v}{u} is about {how_many} times off {against_en}: {cause_en}"),
    )
}

pub fn large_jump(
    indicator: &Indicator,
    value: f64,
    reference: Reference,
    factor: f64,
) -> (String, String) {
    let u = unit_of(indicator);
    let (against, against_en) = reference.words(u);
    let (v, how_many) = (n(value), times(factor));
    (
        format!("{v}{u} 与{against}相差约 {how_many} 倍，变化很大，请核对"),
        format!("{v}{u} is about {how_many} times off {against_en}: a large change, check it"),
    )
}

pub fn above_range(
    indicator: &Indicator,
    value: f64,
    max: f64,
    plan_reason: &str,
) -> (String, String) {
    let u = unit_of(indicator);
    let (v, max) = (n(value), n(max));
    let (why, why_en) = if plan_reason.is_empty() {
        (
            format!("按单位“{u}”不会超过 {max}{u}"),
            format!("a figure in {u} cannot exceed {max}{u}"),
        )
    } else {
        (plan_reason.to_string(), plan_reason.to_string())
    };
    (
        format!("{v}{u} 超过“{}”可能的最大值 {max}{u}（{why}），可能多录了数字或漏了小数点", indicator.name),
        format!("{v}{u} is above the most \"{}\" can be, {max}{u} ({why_en}): a digit may be added or a decimal point missing", indicator.name),
    )
}

pub fn below_range(
    indicator: &Indicator,
    value: f64,
    min: f64,
    plan_reason: &str,
) -> (String, String) {
    let u = unit_of(indicator);
    let (v, min) = (n(value), n(min));
    let (why, why_en) = if plan_reason.is_empty() {
        (
            "该指标不会为负数".to_string(),
            "it cannot be negative".to_string(),
        )
    } else {
        (plan_reason.to_string(), plan_reason.to_string())
    };
    (
        format!("{v}{u} 低于“{}”可能的最小值 {min}{u}（{why}），可能录错了符号或数字", indicator.name),
        format!("{v}{u} is below the least \"{}\" can be, {min}{u} ({why_en}): a sign or digit may be wrong", indicator.name),
    )
}

pub fn yearly_change(
    indicator: &Indicator,
    value: f64,
    year: i32,
    before: f64,
    max: f64,
    reason: &str,
) -> (String, String) {
    let u = unit_of(indicator);
    let (v, b, change, max) = (n(value), n(before), n((value - before).abs()), n(max));
    (
        format!("{v}{u} 比 {year} 年的 {b}{u} 变化了 {change}{u}，超过该指标一年通常的变化 {max}{u}（{reason}），请核对"),
        format!("{v}{u} is {change}{u} away from {b}{u} in {year}, more than the {max}{u} this indicator usually moves in a year ({reason}): check it"),
    )
}

pub fn copied_down(indicator: &Indicator, regions: usize, value: f64) -> (String, String) {
    let u = unit_of(indicator);
    let v = n(value);
    (
        format!("全部 {regions} 个地区的数值都是 {v}{u}，可能是复制填充的，请核对"),
        format!("all {regions} regions give {v}{u}: it may have been copied down, check it"),
    )
}

pub fn outlier(indicator: &Indicator, value: f64, median: f64) -> (String, String) {
    let u = unit_of(indicator);
    let (v, m) = (n(value), n(median));
    (
        format!("{v}{u} 与其他地区相差悬殊（各地区中位数 {m}{u}），请核对"),
        format!("{v}{u} is far from the other regions (their median is {m}{u}): check it"),
    )
}

pub fn relation(
    part: &Indicator,
    small: f64,
    whole: &Indicator,
    large: f64,
    reason: &str,
) -> (String, String) {
    let (pu, wu) = (unit_of(part), unit_of(whole));
    let (s, l) = (n(small), n(large));
    (
        format!("“{}” {s}{pu} 高于“{}” {l}{wu}，而前者不会高于后者（{reason}），其中一项可能填错", part.name, whole.name),
        format!("\"{}\" {s}{pu} is above \"{}\" {l}{wu}, which it can never be ({reason}): one of them may be wrong", part.name, whole.name),
    )
}

pub fn future_year(year: i32, reporting_year: i32) -> (String, String) {
    (
        format!("{year} 年晚于报告年份 {reporting_year} 年，请核对年份是否填错"),
        format!("{year} is after the reporting year {reporting_year}: check the year"),
    )
}

#[cfg(test)]
mod tests {
    use super::times;

    #[test]
    fn factors_read_as_people_say_them() {
        assert_eq!(times(118.75), "100");
        assert_eq!(times(11.5), "10");
        assert_eq!(times(8.4), "10");
        assert_eq!(times(3.24), "3.2");
        assert_eq!(times(35.0), "35");
        assert_eq!(times(1040.0), "1000");
    }
}
