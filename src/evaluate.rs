//! Evaluation: one status per plan indicator × region × year, with the gap, the progress along
//! the straight line from the 2020 base to the 2025 target, and the reason in words.

use crate::ingest::value::{Comparator, Value};
use crate::numbers::trim_float;
use crate::plan::{Indicator, Kind, Op, Plan};
use crate::units::Unit;
use serde::Serialize;

/// Values closer than this are equal: spreadsheets store 0.92 as 0.9199999999.
const EPSILON: f64 = 1e-9;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    OnTrack,
    Behind,
    NotMet,
    Missing,
    Review,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::NotMet,
        Status::Missing,
        Status::Review,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on_track",
            Status::Behind => "behind",
            Status::NotMet => "not_met",
            Status::Missing => "missing",
            Status::Review => "review",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Met => "已达标",
            Status::OnTrack => "进度正常",
            Status::Behind => "进度滞后",
            Status::NotMet => "未达标",
            Status::Missing => "缺数据",
            Status::Review => "需人工核对",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Met => "Met",
            Status::OnTrack => "On track",
            Status::Behind => "Behind",
            Status::NotMet => "Not met",
            Status::Missing => "Missing",
            Status::Review => "Needs review",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Improving,
    Worsening,
    Flat,
}

/// What the file says for one indicator, region and year, already in the plan's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub year: i32,
    pub value: Value,
    /// The unit the file states for this value (cell, unit column or label), if any.
    pub stated_unit: Option<Unit>,
}

/// The inputs for one evaluation: the indicator, the reporting year, and every year's reading
/// the file has for this region.
pub struct Case<'a> {
    pub plan: &'a Plan,
    pub indicator: &'a Indicator,
    pub year: i32,
    pub readings: &'a [Reading],
    /// A value the user supplied for the base year of a decrease_pp_yearly target.
    pub supplied_base: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub status: Status,
    /// The value in the plan's unit, when there is one.
    pub value: Option<f64>,
    /// Signed distance to the target in its unit; positive = short of it.
    pub gap: Option<f64>,
    /// Share of the way from base to target (1.0 = there; may exceed 1).
    pub progress: Option<f64>,
    pub expected_on_path: Option<f64>,
    pub base: Option<f64>,
    /// The year `base` is the value of (the plan's base year, or 2018 for a fall counted from it).
    pub base_year: Option<i32>,
    pub trend: Option<Trend>,
    pub reason: String,
    pub reason_en: String,
    /// Which way is better.
    pub direction: Direction,
    /// The line a value should follow, base first: (2020, base) → (2025, target), or for a
    /// yearly fall from 2018, (2018, base) → (2025, base − 7 points). Empty when there is none.
    pub path: Vec<PathPoint>,
    /// Where on the way from base to target the reporting year should be (0 at the base, 1 at
    /// the end), for the progress bar's mark.
    pub expected_share: Option<f64>,
    /// The value the target asks for at the end of the period, when one number says it.
    pub goal: Option<f64>,
}

/// One point of a path: a year and the value the path gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct PathPoint {
    pub year: i32,
    pub value: f64,
}

impl Evaluation {
    fn bare(status: Status, reason: String, reason_en: String) -> Evaluation {
        Evaluation {
            status,
            value: None,
            gap: None,
            progress: None,
            expected_on_path: None,
            base: None,
            base_year: None,
            trend: None,
            reason,
            reason_en,
            direction: Direction::Either,
            path: Vec::new(),
            expected_share: None,
            goal: None,
        }
    }
}

/// Which way is better for a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
    Either,
}

fn direction(op: Op) -> Direction {
    match op {
        Op::Ge | Op::Gt | Op::IncreaseYearly => Direction::Higher,
        Op::Le | Op::Lt | Op::DecreasePpYearly => Direction::Lower,
        Op::Eq | Op::Range | Op::Qualitative => Direction::Either,
    }
}

/// Whether `value` meets a numeric target `op target` (`upper` for ranges).
pub fn meets(op: Op, value: f64, target: f64, upper: Option<f64>) -> bool {
    match op {
        Op::Lt => value < target - EPSILON,
        Op::Le => value <= target + EPSILON,
        Op::Gt => value > target + EPSILON,
        Op::Ge => value >= target - EPSILON,
        Op::Eq => (value - target).abs() <= EPSILON,
        Op::Range => value >= target - EPSILON && upper.is_none_or(|u| value <= u + EPSILON),
        Op::IncreaseYearly | Op::DecreasePpYearly | Op::Qualitative => false,
    }
}

/// A number read in the plan's unit, or why it cannot be.
fn in_plan_unit(
    indicator: &Indicator,
    reading: &Reading,
) -> Result<(f64, Option<Comparator>), (String, String)> {
    let Value::Number {
        value,
        unit,
        comparator,
    } = &reading.value
    else {
        return Err(("不是数值".into(), "not a number".into()));
    };
    let plan_unit = Unit::parse(&indicator.unit);
    let stated = unit.or(reading.stated_unit);
    match (stated, plan_unit) {
        (Some(from), Some(to)) if from.is_rate() && to.is_rate() => {
            // ok: both are rates, so the conversion exists.
            let converted = from.convert(*value, to).unwrap_or(*value);
            Ok((converted, *comparator))
        }
        (Some(from), Some(to)) if from != to => {
            let (zh, en) = unit_words(from);
            Err((
                format!("单位“{zh}”与规划单位“{}”不一致", indicator.unit),
                format!("the unit \"{en}\" does not match the plan's unit \"{}\"", indicator.unit),
            ))
        }
        (None, Some(Unit::Percent)) if looks_like_fraction(indicator, *value) => Err((
            format!(
                "数值 {} 未注明单位，而规划单位为 %（2020 年为 {}）；若它是小数，应为 {}%，请核对后注明单位",
                trim_float(*value),
                indicator.baseline.as_ref().map_or("—".into(), |b| trim_float(b.value)),
                trim_float(value * 100.0)
            ),
            format!(
                "the value {} states no unit while the plan's unit is %; if it is a fraction it would be {}%: check it and state the unit",
                trim_float(*value),
                trim_float(value * 100.0)
            ),
        )),
        _ => Ok((*value, *comparator)),
    }
}

/// How a stated unit reads in a message: its symbol, or for a count (人, 个 …) that it is one.
fn unit_words(unit: Unit) -> (&'static str, &'static str) {
    match unit {
        Unit::Count => ("计数（人、个等）", "a count"),
        Unit::Fraction => ("小数", "a fraction"),
        other => (other.symbol(), other.symbol()),
    }
}

/// A bare value at most 1 against a percent target whose scale is far above 1.
fn looks_like_fraction(indicator: &Indicator, value: f64) -> bool {
    let scale = indicator
        .baseline
        .as_ref()
        .map(|b| b.value)
        .or(indicator.target.value)
        .unwrap_or(0.0);
    value.abs() <= 1.0 && scale > 5.0
}

pub fn evaluate(case: &Case) -> Evaluation {
    let target = &case.indicator.target;
    let mut evaluation = judge(case);
    evaluation.direction = direction(target.op);
    if evaluation.goal.is_none() && !matches!(target.op, Op::IncreaseYearly | Op::DecreasePpYearly | Op::Qualitative) {
        evaluation.goal = target.value;
    }
    evaluation
}

/// The status, figures and reason, before the facts every row carries are added.
fn judge(case: &Case) -> Evaluation {
    let indicator = case.indicator;
    let Some(current) = case.readings.iter().find(|r| r.year == case.year) else {
        return Evaluation::bare(
            Status::Missing,
            format!("文件中没有 {} 年“{}”的数据", case.year, indicator.name),
            format!(
                "the file has no {} value for \"{}\"",
                case.year, indicator.name
            ),
        );
    };
    match &current.value {
        Value::Missing => {
            return Evaluation::bare(
                Status::Missing,
                format!("{} 年的数值为空或为“—”", case.year),
                format!("the {} value is blank or a placeholder", case.year),
            )
        }
        Value::Unreadable { reason_zh, reason_en } => {
            return Evaluation::bare(Status::Review, reason_zh.clone(), reason_en.clone())
        }
        Value::Text { text } if indicator.kind != Kind::Qualitative => {
            return Evaluation::bare(
                Status::Review,
                format!("文件写的是“{text}”，不是数值，无法与目标“{}”比较", indicator.target.display(&indicator.unit, false)),
                format!("the file says \"{text}\", not a number; it cannot be compared with the target \"{}\"", indicator.target.display(&indicator.unit, true)),
            )
        }
        _ => {}
    }
    if indicator.kind == Kind::Qualitative || indicator.target.op == Op::Qualitative {
        let written = match &current.value {
            Value::Text { text } => text.clone(),
            Value::Number { value, .. } => trim_float(*value),
            _ => String::new(),
        };
        return Evaluation::bare(
            Status::Review,
            format!(
                "定性目标“{}”需人工核对；文件填写：“{written}”",
                indicator.target.text
            ),
            format!(
                "qualitative target \"{}\" needs a person to judge; the file says \"{written}\"",
                indicator.target.text
            ),
        );
    }
    let (value, comparator) = match in_plan_unit(indicator, current) {
        Ok(v) => v,
        Err((zh, en)) => return Evaluation::bare(Status::Review, zh, en),
    };
    let previous = previous_value(case);
    let trend = previous.map(|p| trend_of(direction(indicator.target.op), p, value));
    let mut evaluation = match indicator.target.op {
        Op::IncreaseYearly => increase_yearly(case, value),
        Op::DecreasePpYearly => decrease_pp_yearly(case, value),
        _ => threshold(case, value),
    };
    evaluation.value = Some(value);
    evaluation.trend = trend;
    if let Some(c) = comparator {
        bound_only(case, c, value, &mut evaluation);
    }
    evaluation
}

/// A cell that gives only a bound ("<6") is judged only when the bound settles it.
fn bound_only(case: &Case, comparator: Comparator, value: f64, evaluation: &mut Evaluation) {
    let target = &case.indicator.target;
    // "≤8.78" against "<8.78" could be 8.78 itself: only a strict bound at the line, or any
    // bound inside it, settles a strict target.
    let settles = match (comparator, target.op, target.value) {
        (Comparator::Le, Op::Lt, Some(t)) => value < t - EPSILON,
        (Comparator::Lt | Comparator::Le, Op::Le | Op::Lt, Some(t)) => value <= t + EPSILON,
        (Comparator::Ge, Op::Gt, Some(t)) => value > t + EPSILON,
        (Comparator::Gt | Comparator::Ge, Op::Ge | Op::Gt, Some(t)) => value >= t - EPSILON,
        _ => false,
    };
    if settles {
        evaluation.status = Status::Met;
        evaluation.reason = format!(
            "文件只给出范围“{}{}”，已可判定满足目标“{}”",
            comparator_symbol(comparator),
            trim_float(value),
            case.indicator.target.display(&case.indicator.unit, false)
        );
        evaluation.reason_en = format!(
            "the file gives only a bound ({}{}), which already meets the target",
            comparator_symbol(comparator),
            trim_float(value)
        );
    } else {
        *evaluation = Evaluation::bare(
            Status::Review,
            format!("文件只给出范围“{}{}”，无法判定是否满足目标“{}”，请填写实际数值", comparator_symbol(comparator), trim_float(value), case.indicator.target.display(&case.indicator.unit, false)),
            format!("the file gives only a bound ({}{}), which does not settle the target; type the actual value", comparator_symbol(comparator), trim_float(value)),
        );
    }
}

fn comparator_symbol(c: Comparator) -> &'static str {
    match c {
        Comparator::Lt => "<",
        Comparator::Le => "≤",
        Comparator::Gt => ">",
        Comparator::Ge => "≥",
    }
}

fn numeric(case: &Case, year: i32) -> Option<f64> {
    let reading = case.readings.iter().find(|r| r.year == year)?;
    match in_plan_unit(case.indicator, reading) {
        Ok((value, None)) => Some(value),
        _ => None,
    }
}

/// The file's value for the latest year before the one evaluated.
fn previous_value(case: &Case) -> Option<f64> {
    let mut earlier: Vec<i32> = case
        .readings
        .iter()
        .map(|r| r.year)
        .filter(|&y| y < case.year)
        .collect();
    earlier.sort_unstable();
    earlier.into_iter().rev().find_map(|y| numeric(case, y))
}

fn trend_of(direction: Direction, previous: f64, value: f64) -> Trend {
    let delta = value - previous;
    if delta.abs() <= EPSILON {
        return Trend::Flat;
    }
    match (direction, delta > 0.0) {
        (Direction::Higher, true) | (Direction::Lower, false) => Trend::Improving,
        (Direction::Higher, false) | (Direction::Lower, true) => Trend::Worsening,
        (Direction::Either, _) => Trend::Flat,
    }
}

fn threshold(case: &Case, value: f64) -> Evaluation {
    let indicator = case.indicator;
    let target = &indicator.target;
    let plan_end = case.plan.period.end;
    let base_year = case.plan.baseline_year;
    // ok: validation guarantees a value for every op handled here.
    let goal = target.value.unwrap_or(0.0);
    let dir = direction(target.op);
    let gap = match dir {
        Direction::Higher => goal - value,
        Direction::Lower => value - goal,
        Direction::Either => match target.upper {
            Some(upper) if value > upper => value - upper,
            _ => goal - value,
        },
    };
    let file_base = numeric(case, base_year);
    let base = file_base.or(indicator
        .baseline
        .as_ref()
        .filter(|b| b.year == base_year)
        .map(|b| b.value));
    let base_source_zh = if file_base.is_some() {
        "文件中"
    } else {
        "规划"
    };
    let mut evaluation = Evaluation::bare(Status::Met, String::new(), String::new());
    evaluation.gap = Some(round(gap));
    evaluation.base = base;
    evaluation.base_year = base.map(|_| base_year);
    let path =
        base.filter(|&b| !meets(target.op, b, goal, target.upper) && (goal - b).abs() > EPSILON);
    if let Some(b) = path {
        let share = f64::from(case.year - base_year) / f64::from(plan_end - base_year);
        evaluation.expected_on_path = Some(round(b + (goal - b) * share));
        evaluation.progress = Some(round((value - b) / (goal - b)));
        evaluation.expected_share = Some(round(share));
        evaluation.path = vec![
            PathPoint {
                year: base_year,
                value: b,
            },
            PathPoint {
                year: plan_end,
                value: goal,
            },
        ];
    }
    let met = meets(target.op, value, goal, target.upper);
    let v = trim_float(value);
    let unit = crate::plan::display_unit(&indicator.unit);
    let goal_text = target.display(&indicator.unit, false);
    if met {
        evaluation.reason = format!("{} 年为 {v}{unit}，已达到目标“{}”", case.year, goal_text);
        evaluation.reason_en = format!(
            "{v}{unit} in {} meets the target \"{}\"",
            case.year, goal_text
        );
        return evaluation;
    }
    if case.year >= plan_end {
        evaluation.status = Status::NotMet;
        evaluation.reason = format!(
            "{} 年为 {v}{unit}，未达到 {plan_end} 年目标“{}”",
            case.year, goal_text
        );
        evaluation.reason_en = format!(
            "{v}{unit} in {} does not meet the {plan_end} target \"{}\"",
            case.year, goal_text
        );
        return evaluation;
    }
    if indicator.kind == Kind::Maintain {
        evaluation.status = Status::Behind;
        evaluation.reason = format!(
            "保持性目标“{}”：{} 年为 {v}{unit}，未保持",
            goal_text, case.year
        );
        evaluation.reason_en = format!(
            "maintain target \"{}\": {v}{unit} in {} falls short",
            goal_text, case.year
        );
        return evaluation;
    }
    match (base, evaluation.expected_on_path) {
        (None, _) => {
            evaluation.status = Status::Behind;
            evaluation.reason = format!(
                "{} 年为 {v}{unit}，尚未达到目标“{}”，且没有 {base_year} 年基数可画进度线",
                case.year, goal_text
            );
            evaluation.reason_en = format!("{v}{unit} in {} does not meet \"{}\" and there is no {base_year} base to draw the path from", case.year, goal_text);
        }
        (Some(b), None) => {
            evaluation.status = Status::Behind;
            evaluation.reason = format!(
                "{base_year} 年基数 {} 已达到目标“{}”，{} 年为 {v}{unit}，已退回未达标",
                trim_float(b),
                goal_text,
                case.year
            );
            evaluation.reason_en = format!(
                "the {base_year} base {} already met \"{}\" but {v}{unit} in {} no longer does",
                trim_float(b),
                goal_text,
                case.year
            );
        }
        (Some(b), Some(expected)) => {
            let on_track = match dir {
                Direction::Lower => value <= expected + EPSILON,
                _ => value >= expected - EPSILON,
            };
            let bound = if dir == Direction::Lower {
                "不高于"
            } else {
                "不低于"
            };
            let bound_en = if dir == Direction::Lower {
                "at most"
            } else {
                "at least"
            };
            evaluation.status = if on_track {
                Status::OnTrack
            } else {
                Status::Behind
            };
            evaluation.reason = format!(
                "{} 年应{bound} {}（{base_source_zh} {base_year} 年 {} → {plan_end} 年 {} 的直线进度），实际 {v}{unit}",
                case.year,
                trim_float(expected),
                trim_float(b),
                goal_text
            );
            evaluation.reason_en = format!(
                "{} should be {bound_en} {} (straight line from {} in {base_year} to {} in {plan_end}); the value is {v}{unit}",
                case.year,
                trim_float(expected),
                trim_float(b),
                goal_text
            );
        }
    }
    evaluation
}

fn increase_yearly(case: &Case, value: f64) -> Evaluation {
    let previous_year = case.year - 1;
    let Some(prev) = numeric(case, previous_year) else {
        return Evaluation::bare(
            Status::Review,
            format!("“逐年增加”需要与上一年比较：请提供 {previous_year} 年的数值"),
            format!("\"increase every year\" needs the {previous_year} value to compare with"),
        );
    };
    let v = trim_float(value);
    let p = trim_float(prev);
    let mut evaluation = if value > prev + EPSILON {
        Evaluation::bare(
            Status::Met,
            format!(
                "{} 年 {v} 高于 {previous_year} 年 {p}，满足“逐年增加”",
                case.year
            ),
            format!(
                "{v} in {} is above {p} in {previous_year}: increasing as required",
                case.year
            ),
        )
    } else {
        Evaluation::bare(
            Status::NotMet,
            format!(
                "{} 年 {v} 未高于 {previous_year} 年 {p}，不满足“逐年增加”",
                case.year
            ),
            format!(
                "{v} in {} is not above {p} in {previous_year}: the yearly increase was missed",
                case.year
            ),
        )
    };
    evaluation.gap = Some(round(prev - value));
    evaluation
}

fn decrease_pp_yearly(case: &Case, value: f64) -> Evaluation {
    let target = &case.indicator.target;
    // ok: validation guarantees both for decrease_pp_yearly.
    let (step, base_year) = (
        target.value.unwrap_or(1.0),
        target.base_year.unwrap_or(case.year),
    );
    let Some(base) = numeric(case, base_year).or(case.supplied_base) else {
        return Evaluation::bare(
            Status::Review,
            format!("目标为“{}”，需要 {base_year} 年的数值作为起点，规划未给出：请提供 {base_year} 年数值", target.display(&case.indicator.unit, false)),
            format!("the target \"{}\" counts from {base_year}; the plan gives no {base_year} value: supply it", target.display(&case.indicator.unit, true)),
        );
    };
    let allowed = base - f64::from(case.year - base_year) * step;
    let v = trim_float(value);
    let mut evaluation = if value <= allowed + EPSILON {
        Evaluation::bare(
            Status::Met,
            format!("{} 年应不高于 {}（{base_year} 年 {} 起每年降低 {} 个百分点），实际 {v}", case.year, trim_float(allowed), trim_float(base), trim_float(step)),
            format!("{} should be at most {} ({base_year} value {} less {} point(s) a year); the value is {v}", case.year, trim_float(allowed), trim_float(base), trim_float(step)),
        )
    } else {
        Evaluation::bare(
            Status::NotMet,
            format!("{} 年应不高于 {}（{base_year} 年 {} 起每年降低 {} 个百分点），实际 {v}，未达到当年目标", case.year, trim_float(allowed), trim_float(base), trim_float(step)),
            format!("{} should be at most {} ({base_year} value {} less {} point(s) a year); the value {v} misses that year's target", case.year, trim_float(allowed), trim_float(base), trim_float(step)),
        )
    };
    evaluation.gap = Some(round(value - allowed));
    evaluation.expected_on_path = Some(round(allowed));
    evaluation.base = Some(base);
    evaluation.base_year = Some(base_year);
    let plan_end = case.plan.period.end;
    let at_end = round(base - f64::from(plan_end - base_year) * step);
    evaluation.goal = Some(at_end);
    evaluation.path = vec![
        PathPoint {
            year: base_year,
            value: base,
        },
        PathPoint {
            year: plan_end,
            value: at_end,
        },
    ];
    evaluation
}

fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Baseline, Indicator, Source, Target};

    fn plan() -> Plan {
        Plan::default_plan()
    }

    fn indicator(
        op: Op,
        value: Option<f64>,
        kind: Kind,
        unit: &str,
        baseline: Option<f64>,
    ) -> Indicator {
        Indicator {
            id: "x".into(),
            domain: "health".into(),
            key: false,
            name: "测试指标".into(),
            name_en: String::new(),
            aliases: vec![],
            unit: unit.into(),
            baseline: baseline.map(|value| Baseline {
                year: 2020,
                value,
                quote: None,
            }),
            target: Target {
                op,
                value,
                upper: None,
                base_year: (op == Op::DecreasePpYearly).then_some(2018),
                year: 2025,
                text: "t".into(),
            },
            kind,
            source: Source {
                section: "s".into(),
                quote: "q".into(),
            },
            notes: vec![],
        }
    }

    fn number(year: i32, value: f64) -> Reading {
        Reading {
            year,
            value: Value::Number {
                value,
                unit: None,
                comparator: None,
            },
            stated_unit: None,
        }
    }

    fn run(indicator: &Indicator, year: i32, readings: &[Reading]) -> Evaluation {
        run_with_base(indicator, year, readings, None)
    }

    fn run_with_base(
        indicator: &Indicator,
        year: i32,
        readings: &[Reading],
        supplied: Option<f64>,
    ) -> Evaluation {
        let plan = plan();
        evaluate(&Case {
            plan: &plan,
            indicator,
            year,
            readings,
            supplied_base: supplied,
        })
    }

    fn status(indicator: &Indicator, year: i32, readings: &[Reading]) -> Status {
        run(indicator, year, readings).status
    }

    #[test]
    fn yixia_includes_the_number_and_the_tables_less_than_does_not() {
        let le3 = indicator(Op::Le, Some(3.0), Kind::Threshold, "‰", None);
        assert_eq!(
            status(&le3, 2025, &[number(2025, 3.0)]),
            Status::Met,
            "3‰ against 控制在3‰以下"
        );
        assert_eq!(status(&le3, 2025, &[number(2025, 3.01)]), Status::NotMet);
        let lt = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        assert_eq!(
            status(&lt, 2025, &[number(2025, 8.78)]),
            Status::NotMet,
            "8.78 against <8.78"
        );
        assert_eq!(status(&lt, 2025, &[number(2025, 8.77)]), Status::Met);
        let ge = indicator(Op::Ge, Some(65.0), Kind::Threshold, "%", None);
        assert_eq!(
            status(&ge, 2025, &[number(2025, 65.0)]),
            Status::Met,
            "65% against 达到65%以上"
        );
    }

    #[test]
    fn exactly_on_the_straight_line_is_on_track() {
        // 10.5 in 2020 → <8.78 in 2025: the 2023 point is 10.5 − 1.72 × 3/5 = 9.468.
        let lt = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        let on_line = run(&lt, 2023, &[number(2023, 9.468)]);
        assert_eq!(on_line.status, Status::OnTrack);
        assert_eq!(on_line.expected_on_path, Some(9.468));
        assert_eq!(status(&lt, 2023, &[number(2023, 9.469)]), Status::Behind);
        // A floor: 0.8 → 1, the 2023 point is 0.92 (stored as 0.9199999… by spreadsheets).
        let ge = indicator(Op::Ge, Some(1.0), Kind::Threshold, "人", Some(0.8));
        assert_eq!(
            status(&ge, 2023, &[number(2023, 0.8 + 0.2 * 0.6)]),
            Status::OnTrack
        );
        assert_eq!(status(&ge, 2023, &[number(2023, 0.919)]), Status::Behind);
        let e = run(&ge, 2023, &[number(2023, 0.9)]);
        assert_eq!((e.gap, e.progress), (Some(0.1), Some(0.5)));
    }

    #[test]
    fn the_files_own_2020_value_is_the_base_before_the_plans() {
        // The plan's city base would put the 2023 point at 9.468; this county started at 12.
        let lt = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        let county = run(&lt, 2023, &[number(2020, 12.0), number(2023, 9.9)]);
        assert_eq!(county.base, Some(12.0));
        assert_eq!(
            county.status,
            Status::OnTrack,
            "12 → 8.78: the 2023 point is 10.068"
        );
        assert_eq!(
            status(&lt, 2023, &[number(2023, 9.9)]),
            Status::Behind,
            "from the city's 10.5 it is behind"
        );
    }

    #[test]
    fn no_base_means_behind_before_2025_and_not_met_after() {
        let ge = indicator(Op::Ge, Some(85.0), Kind::Threshold, "%", None);
        let e = run(&ge, 2023, &[number(2023, 80.0)]);
        assert_eq!(e.status, Status::Behind);
        assert_eq!((e.expected_on_path, e.progress), (None, None));
        assert_eq!(status(&ge, 2025, &[number(2025, 80.0)]), Status::NotMet);
        assert_eq!(status(&ge, 2023, &[number(2023, 85.0)]), Status::Met);
    }

    #[test]
    fn a_base_already_past_the_target_stays_met_only_while_met() {
        let floor = indicator(Op::Ge, Some(90.0), Kind::Threshold, "%", Some(96.95));
        assert_eq!(status(&floor, 2022, &[number(2022, 92.0)]), Status::Met);
        assert_eq!(status(&floor, 2022, &[number(2022, 89.0)]), Status::Behind);
        assert_eq!(status(&floor, 2025, &[number(2025, 89.0)]), Status::NotMet);
        let ceiling = indicator(Op::Lt, Some(9.5), Kind::Threshold, "1/‰", Some(7.06));
        assert_eq!(status(&ceiling, 2023, &[number(2023, 9.6)]), Status::Behind);
    }

    #[test]
    fn maintain_targets_are_met_or_behind_until_2025() {
        let keep = indicator(Op::Ge, Some(97.0), Kind::Maintain, "%", Some(98.18));
        assert_eq!(status(&keep, 2022, &[number(2022, 97.0)]), Status::Met);
        assert_eq!(status(&keep, 2022, &[number(2022, 96.9)]), Status::Behind);
        assert_eq!(status(&keep, 2025, &[number(2025, 96.9)]), Status::NotMet);
    }

    #[test]
    fn a_yearly_increase_must_be_strict_and_needs_the_year_before() {
        let more = indicator(
            Op::IncreaseYearly,
            None,
            Kind::IncreaseYearly,
            "人",
            Some(551.0),
        );
        assert_eq!(
            status(&more, 2021, &[number(2020, 551.0), number(2021, 560.0)]),
            Status::Met
        );
        assert_eq!(
            status(&more, 2021, &[number(2020, 551.0), number(2021, 551.0)]),
            Status::NotMet,
            "flat"
        );
        assert_eq!(
            status(&more, 2022, &[number(2021, 600.0), number(2022, 590.0)]),
            Status::NotMet,
            "falling"
        );
        let e = run(&more, 2023, &[number(2021, 500.0), number(2023, 600.0)]);
        assert_eq!(e.status, Status::Review, "2022 is not in the file");
        assert!(e.reason.contains("2022"), "{}", e.reason);
    }

    #[test]
    fn a_yearly_fall_from_2018_needs_the_2018_value() {
        let myopia = indicator(
            Op::DecreasePpYearly,
            Some(1.0),
            Kind::DecreasePpYearly,
            "%",
            None,
        );
        let e = run(&myopia, 2023, &[number(2023, 50.0)]);
        assert_eq!(e.status, Status::Review);
        assert!(e.reason.contains("2018"), "{}", e.reason);
        // 55 in 2018: 2023 must be at most 50.
        assert_eq!(
            run_with_base(&myopia, 2023, &[number(2023, 50.0)], Some(55.0)).status,
            Status::Met
        );
        assert_eq!(
            run_with_base(&myopia, 2023, &[number(2023, 50.5)], Some(55.0)).status,
            Status::NotMet
        );
        assert_eq!(
            status(&myopia, 2023, &[number(2018, 55.0), number(2023, 50.0)]),
            Status::Met,
            "2018 in the file"
        );
    }

    #[test]
    fn qualitative_targets_are_reviewed_quoting_the_file() {
        let legal = indicator(Op::Qualitative, None, Kind::Qualitative, "人", None);
        let text = Reading {
            year: 2023,
            value: Value::Text {
                text: "已实现".into(),
            },
            stated_unit: None,
        };
        let e = run(&legal, 2023, &[text]);
        assert_eq!(e.status, Status::Review);
        assert!(e.reason.contains("已实现"), "{}", e.reason);
        assert!(run(&legal, 2023, &[number(2023, 700.0)])
            .reason
            .contains("700"));
    }

    #[test]
    fn fractions_convert_when_stated_and_are_reviewed_when_not() {
        let rate = indicator(Op::Ge, Some(90.0), Kind::Maintain, "%", Some(96.95));
        let bare = run(&rate, 2023, &[number(2023, 0.961)]);
        assert_eq!(bare.status, Status::Review);
        assert!(
            bare.reason.contains("96.1%"),
            "says what it would be: {}",
            bare.reason
        );
        let formatted = Reading {
            year: 2023,
            value: Value::Number {
                value: 96.1,
                unit: Some(Unit::Percent),
                comparator: None,
            },
            stated_unit: None,
        };
        assert_eq!(status(&rate, 2023, &[formatted]), Status::Met);
        let stated = Reading {
            stated_unit: Some(Unit::Fraction),
            ..number(2023, 0.961)
        };
        assert_eq!(run(&rate, 2023, &[stated]).value, Some(96.1));
        let per_mille = indicator(Op::Le, Some(5.0), Kind::Threshold, "‰", None);
        let percent = Reading {
            year: 2023,
            value: Value::Number {
                value: 0.45,
                unit: Some(Unit::Percent),
                comparator: None,
            },
            stated_unit: None,
        };
        let e = run(&per_mille, 2023, &[percent]);
        assert_eq!(
            (e.status, e.value),
            (Status::Met, Some(4.5)),
            "0.45% is 4.5‰"
        );
        let count = Reading {
            stated_unit: Some(Unit::Count),
            ..number(2023, 3.0)
        };
        assert_eq!(
            status(&per_mille, 2023, &[count]),
            Status::Review,
            "a count against a rate"
        );
    }

    #[test]
    fn blanks_are_missing_and_bounds_are_judged_only_when_they_settle_it() {
        let le = indicator(Op::Le, Some(6.0), Kind::Threshold, "‰", None);
        assert_eq!(status(&le, 2023, &[]), Status::Missing);
        let blank = Reading {
            year: 2023,
            value: Value::Missing,
            stated_unit: None,
        };
        assert_eq!(status(&le, 2023, &[blank]), Status::Missing);
        let bound = |comparator, value| Reading {
            year: 2023,
            value: Value::Number {
                value,
                unit: None,
                comparator: Some(comparator),
            },
            stated_unit: None,
        };
        assert_eq!(
            status(&le, 2023, &[bound(Comparator::Lt, 6.0)]),
            Status::Met
        );
        assert_eq!(
            status(&le, 2023, &[bound(Comparator::Lt, 7.0)]),
            Status::Review
        );
        assert_eq!(
            status(&le, 2023, &[bound(Comparator::Gt, 1.0)]),
            Status::Review
        );
    }

    #[test]
    fn trend_follows_the_direction_of_the_target() {
        let lower = indicator(Op::Le, Some(5.0), Kind::Threshold, "‰", None);
        assert_eq!(
            run(&lower, 2023, &[number(2022, 6.0), number(2023, 5.5)]).trend,
            Some(Trend::Improving)
        );
        assert_eq!(
            run(&lower, 2023, &[number(2022, 5.0), number(2023, 5.5)]).trend,
            Some(Trend::Worsening)
        );
        assert_eq!(
            run(&lower, 2023, &[number(2022, 5.5), number(2023, 5.5)]).trend,
            Some(Trend::Flat)
        );
        assert_eq!(run(&lower, 2023, &[number(2023, 5.5)]).trend, None);
    }
}
