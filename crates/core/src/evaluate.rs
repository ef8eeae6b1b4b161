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
    /// Why: what the status and the reason follow from.
    #[serde(skip)]
    pub verdict: Verdict,
}

/// One point of a path: a year and the value the path gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct PathPoint {
    pub year: i32,
    pub value: f64,
}

/// Why an evaluation came out as it did, with the figures its sentence names. The status
/// follows from it ([`Verdict::status`]) and so do the reasons, written in one place
/// ([`Verdict::sentences`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The file has no value for the year.
    NoValue,
    /// The cell is blank or a placeholder (—, 无数据).
    Blank,
    /// The reader could not make out the cell (a formula without a result, an error cell …).
    Unreadable { zh: String, en: String },
    /// Text where a number is needed.
    NotANumber { text: String },
    /// A target only a person can judge.
    Qualitative { written: String },
    /// The file's unit is not the plan's and does not convert to it.
    UnitMismatch {
        unit_zh: &'static str,
        unit_en: &'static str,
    },
    /// A bare number ≤ 1 against a % target: a fraction or a tiny rate?
    BareFraction { value: f64 },
    /// The cell gives only a bound (<6), and the bound already meets the target.
    BoundSettles { bound: Comparator, value: f64 },
    /// The cell gives only a bound that cannot tell (≤8.78 against <8.78).
    BoundUnsettled { bound: Comparator, value: f64 },
    /// The value meets the target.
    Met { value: f64 },
    /// The period has ended and the value misses the target.
    NotMetAtEnd { value: f64 },
    /// A maintain target (保持在…以上) missed in a year of the period.
    MaintainFallsShort { value: f64 },
    /// Short of the target with no base to draw the path from.
    NoBase { value: f64 },
    /// The base already met the target and the value no longer does.
    BaseAlreadyMet { base: f64, value: f64 },
    /// Short of the target; at or beyond the straight line from the base (`on_track`) or not.
    OnPath {
        value: f64,
        expected: f64,
        base: f64,
        base_from_file: bool,
        on_track: bool,
    },
    /// 逐年增加 needs the year before.
    NeedsPreviousYear { previous_year: i32 },
    /// 逐年增加: above the year before (`increased`) or not.
    YearOnYear {
        value: f64,
        previous: f64,
        previous_year: i32,
        increased: bool,
    },
    /// 每年降低…个百分点 needs the value of the year it counts from.
    NeedsStartValue { base_year: i32 },
    /// 每年降低…个百分点: within that year's allowance (`met`) or not.
    YearlyFall {
        value: f64,
        allowed: f64,
        base: f64,
        base_year: i32,
        step: f64,
        met: bool,
    },
}

impl Verdict {
    pub fn status(&self) -> Status {
        match self {
            Verdict::NoValue | Verdict::Blank => Status::Missing,
            Verdict::Unreadable { .. }
            | Verdict::NotANumber { .. }
            | Verdict::Qualitative { .. }
            | Verdict::UnitMismatch { .. }
            | Verdict::BareFraction { .. }
            | Verdict::BoundUnsettled { .. }
            | Verdict::NeedsPreviousYear { .. }
            | Verdict::NeedsStartValue { .. } => Status::Review,
            Verdict::Met { .. } | Verdict::BoundSettles { .. } => Status::Met,
            Verdict::NotMetAtEnd { .. } => Status::NotMet,
            Verdict::MaintainFallsShort { .. }
            | Verdict::NoBase { .. }
            | Verdict::BaseAlreadyMet { .. } => Status::Behind,
            Verdict::OnPath { on_track, .. } => {
                if *on_track {
                    Status::OnTrack
                } else {
                    Status::Behind
                }
            }
            Verdict::YearOnYear { increased: met, .. } | Verdict::YearlyFall { met, .. } => {
                if *met {
                    Status::Met
                } else {
                    Status::NotMet
                }
            }
        }
    }

    /// The reason in Chinese and in English: every sentence the evaluation says is here.
    pub fn sentences(&self, case: &Case) -> (String, String) {
        let indicator = case.indicator;
        let year = case.year;
        let name = &indicator.name;
        let goal_zh = indicator.target.display(&indicator.unit, false);
        let goal_en = indicator.target.display(&indicator.unit, true);
        let unit = crate::plan::display_unit(&indicator.unit);
        let (base_year, plan_end) = (case.plan.baseline_year, case.plan.period.end);
        let n = |v: &f64| trim_float(*v);
        match self {
            Verdict::NoValue => (
                format!("文件中没有 {year} 年“{name}”的数据"),
                format!("the file has no {year} value for \"{name}\""),
            ),
            Verdict::Blank => (
                format!("{year} 年的数值为空或为“—”"),
                format!("the {year} value is blank or a placeholder"),
            ),
            Verdict::Unreadable { zh, en } => (zh.clone(), en.clone()),
            Verdict::NotANumber { text } => (
                format!("文件写的是“{text}”，不是数值，无法与目标“{goal_zh}”比较"),
                format!("the file says \"{text}\", not a number; it cannot be compared with the target \"{goal_en}\""),
            ),
            Verdict::Qualitative { written } => (
                format!("定性目标“{}”需人工核对；文件填写：“{written}”", indicator.target.text),
                format!("qualitative target \"{}\" needs a person to judge; the file says \"{written}\"", indicator.target.text),
            ),
            Verdict::UnitMismatch { unit_zh, unit_en } => (
                format!("单位“{unit_zh}”与规划单位“{}”不一致", indicator.unit),
                format!("the unit \"{unit_en}\" does not match the plan's unit \"{}\"", indicator.unit),
            ),
            Verdict::BareFraction { value } => (
                format!(
                    "数值 {} 未注明单位，而规划单位为 %（{base_year} 年为 {}）；若它是小数，应为 {}%，请核对后注明单位",
                    n(value),
                    indicator.baseline.as_ref().map_or("—".into(), |b| n(&b.value)),
                    n(&(value * 100.0))
                ),
                format!(
                    "the value {} states no unit while the plan's unit is %; if it is a fraction it would be {}%: check it and state the unit",
                    n(value),
                    n(&(value * 100.0))
                ),
            ),
            Verdict::BoundSettles { bound, value } => (
                format!("文件只给出范围“{}{}”，已可判定满足目标“{goal_zh}”", comparator_symbol(*bound), n(value)),
                format!("the file gives only a bound ({}{}), which already meets the target", comparator_symbol(*bound), n(value)),
            ),
            Verdict::BoundUnsettled { bound, value } => (
                format!("文件只给出范围“{}{}”，无法判定是否满足目标“{goal_zh}”，请填写实际数值", comparator_symbol(*bound), n(value)),
                format!("the file gives only a bound ({}{}), which does not settle the target \"{goal_en}\"; type the actual value", comparator_symbol(*bound), n(value)),
            ),
            Verdict::Met { value } => (
                format!("{year} 年为 {}{unit}，已达到目标“{goal_zh}”", n(value)),
                format!("{}{unit} in {year} meets the target \"{goal_en}\"", n(value)),
            ),
            Verdict::NotMetAtEnd { value } => (
                format!("{year} 年为 {}{unit}，未达到 {plan_end} 年目标“{goal_zh}”", n(value)),
                format!("{}{unit} in {year} does not meet the {plan_end} target \"{goal_en}\"", n(value)),
            ),
            Verdict::MaintainFallsShort { value } => (
                format!("保持性目标“{goal_zh}”：{year} 年为 {}{unit}，未保持", n(value)),
                format!("maintain target \"{goal_en}\": {}{unit} in {year} falls short", n(value)),
            ),
            Verdict::NoBase { value } => (
                format!("{year} 年为 {}{unit}，尚未达到目标“{goal_zh}”，且没有 {base_year} 年基数可画进度线", n(value)),
                format!("{}{unit} in {year} does not meet \"{goal_en}\" and there is no {base_year} base to draw the path from", n(value)),
            ),
            Verdict::BaseAlreadyMet { base, value } => (
                format!("{base_year} 年基数 {} 已达到目标“{goal_zh}”，{year} 年为 {}{unit}，已退回未达标", n(base), n(value)),
                format!("the {base_year} base {} already met \"{goal_en}\" but {}{unit} in {year} no longer does", n(base), n(value)),
            ),
            Verdict::OnPath { value, expected, base, base_from_file, .. } => {
                let lower = direction(indicator.target.op) == Direction::Lower;
                let (bound_zh, bound_en) = if lower { ("不高于", "at most") } else { ("不低于", "at least") };
                let from = if *base_from_file { "文件中" } else { "规划" };
                (
                    format!(
                        "{year} 年应{bound_zh} {}（{from} {base_year} 年 {} → {plan_end} 年 {goal_zh} 的直线进度），实际 {}{unit}",
                        n(expected), n(base), n(value)
                    ),
                    format!(
                        "{year} should be {bound_en} {} (straight line from {} in {base_year} to {goal_en} in {plan_end}); the value is {}{unit}",
                        n(expected), n(base), n(value)
                    ),
                )
            }
            Verdict::NeedsPreviousYear { previous_year } => (
                format!("“逐年增加”需要与上一年比较：请提供 {previous_year} 年的数值"),
                format!("\"increase every year\" needs the {previous_year} value to compare with"),
            ),
            Verdict::YearOnYear { value, previous, previous_year, increased: true } => (
                format!("{year} 年 {} 高于 {previous_year} 年 {}，满足“逐年增加”", n(value), n(previous)),
                format!("{} in {year} is above {} in {previous_year}: increasing as required", n(value), n(previous)),
            ),
            Verdict::YearOnYear { value, previous, previous_year, increased: false } => (
                format!("{year} 年 {} 未高于 {previous_year} 年 {}，不满足“逐年增加”", n(value), n(previous)),
                format!("{} in {year} is not above {} in {previous_year}: the yearly increase was missed", n(value), n(previous)),
            ),
            Verdict::NeedsStartValue { base_year } => (
                format!("目标为“{goal_zh}”，需要 {base_year} 年的数值作为起点，规划未给出：请提供 {base_year} 年数值"),
                format!("the target \"{goal_en}\" counts from {base_year}; the plan gives no {base_year} value: supply it"),
            ),
            Verdict::YearlyFall { value, allowed, base, base_year, step, met } => {
                let (missed_zh, missed_en) = if *met { ("", "") } else { ("，未达到当年目标", " misses that year's target") };
                (
                    format!("{year} 年应不高于 {}（{base_year} 年 {} 起每年降低 {} 个百分点），实际 {}{missed_zh}", n(allowed), n(base), n(step), n(value)),
                    format!("{year} should be at most {} ({base_year} value {} less {} point(s) a year); the value {}{}", n(allowed), n(base), n(step), n(value), if *met { String::new() } else { missed_en.to_string() }),
                )
            }
        }
    }
}

impl Evaluation {
    fn of(verdict: Verdict) -> Evaluation {
        Evaluation {
            status: verdict.status(),
            value: None,
            gap: None,
            progress: None,
            expected_on_path: None,
            base: None,
            base_year: None,
            trend: None,
            reason: String::new(),
            reason_en: String::new(),
            direction: Direction::Either,
            path: Vec::new(),
            expected_share: None,
            goal: None,
            verdict,
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
) -> Result<(f64, Option<Comparator>), Verdict> {
    let Value::Number {
        value,
        unit,
        comparator,
    } = &reading.value
    else {
        return Err(Verdict::NotANumber {
            text: String::new(),
        });
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
            let (unit_zh, unit_en) = unit_words(from);
            Err(Verdict::UnitMismatch { unit_zh, unit_en })
        }
        (None, Some(Unit::Percent)) if looks_like_fraction(indicator, *value) => {
            Err(Verdict::BareFraction { value: *value })
        }
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
    if evaluation.goal.is_none()
        && !matches!(
            target.op,
            Op::IncreaseYearly | Op::DecreasePpYearly | Op::Qualitative
        )
    {
        evaluation.goal = target.value;
    }
    (evaluation.reason, evaluation.reason_en) = evaluation.verdict.sentences(case);
    evaluation
}

/// The verdict and figures, step by step: is there a value, can it be compared, then the rule
/// of the target's kind, then what a bound-only cell changes.
fn judge(case: &Case) -> Evaluation {
    let indicator = case.indicator;
    let current = match readable(case) {
        Ok(current) => current,
        Err(verdict) => return Evaluation::of(verdict),
    };
    if indicator.kind == Kind::Qualitative || indicator.target.op == Op::Qualitative {
        let written = match &current.value {
            Value::Text { text } => text.clone(),
            Value::Number { value, .. } => trim_float(*value),
            _ => String::new(),
        };
        return Evaluation::of(Verdict::Qualitative { written });
    }
    let (value, comparator) = match in_plan_unit(indicator, current) {
        Ok(v) => v,
        Err(verdict) => return Evaluation::of(verdict),
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
    if let Some(bound) = comparator {
        bound_only(case, bound, value, &mut evaluation);
    }
    evaluation
}

/// The reading of the year evaluated, or why there is nothing to compare.
fn readable<'c>(case: &Case<'c>) -> Result<&'c Reading, Verdict> {
    let current = case
        .readings
        .iter()
        .find(|r| r.year == case.year)
        .ok_or(Verdict::NoValue)?;
    match &current.value {
        Value::Missing => Err(Verdict::Blank),
        Value::Unreadable {
            reason_zh,
            reason_en,
        } => Err(Verdict::Unreadable {
            zh: reason_zh.clone(),
            en: reason_en.clone(),
        }),
        Value::Text { text } if case.indicator.kind != Kind::Qualitative => {
            Err(Verdict::NotANumber { text: text.clone() })
        }
        _ => Ok(current),
    }
}

/// A cell that gives only a bound ("<6") is judged only when the bound settles it.
fn bound_only(case: &Case, bound: Comparator, value: f64, evaluation: &mut Evaluation) {
    let target = &case.indicator.target;
    // "≤8.78" against "<8.78" could be 8.78 itself: only a strict bound at the line, or any
    // bound inside it, settles a strict target.
    let settles = match (bound, target.op, target.value) {
        (Comparator::Le, Op::Lt, Some(t)) => value < t - EPSILON,
        (Comparator::Lt | Comparator::Le, Op::Le | Op::Lt, Some(t)) => value <= t + EPSILON,
        (Comparator::Ge, Op::Gt, Some(t)) => value > t + EPSILON,
        (Comparator::Gt | Comparator::Ge, Op::Ge | Op::Gt, Some(t)) => value >= t - EPSILON,
        _ => false,
    };
    if settles {
        evaluation.verdict = Verdict::BoundSettles { bound, value };
        evaluation.status = evaluation.verdict.status();
    } else {
        *evaluation = Evaluation::of(Verdict::BoundUnsettled { bound, value });
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

/// A threshold or maintain target: the gap, the straight-line path from the base, then the
/// verdict.
fn threshold(case: &Case, value: f64) -> Evaluation {
    let target = &case.indicator.target;
    // ok: validation guarantees a value for every op handled here.
    let goal = target.value.unwrap_or(0.0);
    let (base, base_from_file) = base_of(case);
    let path = straight_path(case, base, goal);
    let verdict = threshold_verdict(case, value, goal, base, base_from_file, path.as_ref());
    let mut evaluation = Evaluation::of(verdict);
    evaluation.gap = Some(round(gap_to(target.op, target.upper, goal, value)));
    evaluation.base = base;
    evaluation.base_year = base.map(|_| case.plan.baseline_year);
    if let Some(path) = path {
        evaluation.expected_on_path = Some(round(path.expected));
        evaluation.progress = Some(round((value - path.base) / (goal - path.base)));
        evaluation.expected_share = Some(round(path.share));
        evaluation.path = path.points;
    }
    evaluation
}

/// Signed distance to the target; positive = short of it.
fn gap_to(op: Op, upper: Option<f64>, goal: f64, value: f64) -> f64 {
    match direction(op) {
        Direction::Higher => goal - value,
        Direction::Lower => value - goal,
        Direction::Either => match upper {
            Some(upper) if value > upper => value - upper,
            _ => goal - value,
        },
    }
}

/// The base: the file's own value for the plan's base year, else the plan's; and whether it is
/// the file's.
fn base_of(case: &Case) -> (Option<f64>, bool) {
    let base_year = case.plan.baseline_year;
    if let Some(file_base) = numeric(case, base_year) {
        return (Some(file_base), true);
    }
    let plan_base = case
        .indicator
        .baseline
        .as_ref()
        .filter(|b| b.year == base_year)
        .map(|b| b.value);
    (plan_base, false)
}

/// The straight line from the base to the target, where the base has not met it already.
struct StraightPath {
    base: f64,
    /// The share of the period gone by in the year evaluated.
    share: f64,
    expected: f64,
    points: Vec<PathPoint>,
}

fn straight_path(case: &Case, base: Option<f64>, goal: f64) -> Option<StraightPath> {
    let target = &case.indicator.target;
    let (base_year, plan_end) = (case.plan.baseline_year, case.plan.period.end);
    let base =
        base.filter(|&b| !meets(target.op, b, goal, target.upper) && (goal - b).abs() > EPSILON)?;
    let share = f64::from(case.year - base_year) / f64::from(plan_end - base_year);
    Some(StraightPath {
        base,
        share,
        expected: base + (goal - base) * share,
        points: vec![
            PathPoint {
                year: base_year,
                value: base,
            },
            PathPoint {
                year: plan_end,
                value: goal,
            },
        ],
    })
}

fn threshold_verdict(
    case: &Case,
    value: f64,
    goal: f64,
    base: Option<f64>,
    base_from_file: bool,
    path: Option<&StraightPath>,
) -> Verdict {
    let target = &case.indicator.target;
    if meets(target.op, value, goal, target.upper) {
        return Verdict::Met { value };
    }
    if case.year >= case.plan.period.end {
        return Verdict::NotMetAtEnd { value };
    }
    if case.indicator.kind == Kind::Maintain {
        return Verdict::MaintainFallsShort { value };
    }
    match (base, path) {
        (None, _) => Verdict::NoBase { value },
        (Some(base), None) => Verdict::BaseAlreadyMet { base, value },
        (Some(base), Some(path)) => {
            let on_track = if direction(target.op) == Direction::Lower {
                value <= path.expected + EPSILON
            } else {
                value >= path.expected - EPSILON
            };
            Verdict::OnPath {
                value,
                expected: round(path.expected),
                base,
                base_from_file,
                on_track,
            }
        }
    }
}

fn increase_yearly(case: &Case, value: f64) -> Evaluation {
    let previous_year = case.year - 1;
    let Some(previous) = numeric(case, previous_year) else {
        return Evaluation::of(Verdict::NeedsPreviousYear { previous_year });
    };
    let mut evaluation = Evaluation::of(Verdict::YearOnYear {
        value,
        previous,
        previous_year,
        increased: value > previous + EPSILON,
    });
    evaluation.gap = Some(round(previous - value));
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
        return Evaluation::of(Verdict::NeedsStartValue { base_year });
    };
    let allowed = base - f64::from(case.year - base_year) * step;
    let mut evaluation = Evaluation::of(Verdict::YearlyFall {
        value,
        allowed,
        base,
        base_year,
        step,
        met: value <= allowed + EPSILON,
    });
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
        assert_eq!(
            e.verdict,
            Verdict::NeedsPreviousYear {
                previous_year: 2022
            },
            "2022 is not in the file"
        );
        assert_eq!(e.status, Status::Review);
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
        assert_eq!(e.verdict, Verdict::NeedsStartValue { base_year: 2018 });
        assert_eq!(e.status, Status::Review);
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
        assert_eq!(
            e.verdict,
            Verdict::Qualitative {
                written: "已实现".into()
            }
        );
        assert_eq!(e.status, Status::Review);
        assert_eq!(
            run(&legal, 2023, &[number(2023, 700.0)]).verdict,
            Verdict::Qualitative {
                written: "700".into()
            }
        );
    }

    #[test]
    fn fractions_convert_when_stated_and_are_reviewed_when_not() {
        let rate = indicator(Op::Ge, Some(90.0), Kind::Maintain, "%", Some(96.95));
        let bare = run(&rate, 2023, &[number(2023, 0.961)]);
        assert_eq!(bare.verdict, Verdict::BareFraction { value: 0.961 });
        assert_eq!(bare.status, Status::Review);
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
        // "≤8.78" might be 8.78 itself, which a strict "<8.78" excludes: it cannot be known.
        let strict = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        assert_eq!(
            run(&strict, 2023, &[bound(Comparator::Le, 8.78)]).verdict,
            Verdict::BoundUnsettled {
                bound: Comparator::Le,
                value: 8.78
            }
        );
        assert_eq!(
            run(&strict, 2023, &[bound(Comparator::Lt, 8.78)]).verdict,
            Verdict::BoundSettles {
                bound: Comparator::Lt,
                value: 8.78
            }
        );
        assert_eq!(
            status(&strict, 2023, &[bound(Comparator::Le, 8.7)]),
            Status::Met
        );
        let floor = indicator(Op::Gt, Some(90.0), Kind::Threshold, "%", None);
        assert_eq!(
            status(&floor, 2023, &[bound(Comparator::Ge, 90.0)]),
            Status::Review
        );
        assert_eq!(
            status(&floor, 2023, &[bound(Comparator::Gt, 90.0)]),
            Status::Met
        );
    }

    #[test]
    fn threshold_verdicts_say_why() {
        let lt = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        let e = run(&lt, 2023, &[number(2023, 9.0)]);
        assert_eq!(
            e.verdict,
            Verdict::OnPath {
                value: 9.0,
                expected: 9.468,
                base: 10.5,
                base_from_file: false,
                on_track: true
            }
        );
        assert_eq!(e.direction, Direction::Lower);
        assert_eq!(e.expected_share, Some(0.6));
        assert_eq!(e.goal, Some(8.78));
        assert_eq!(
            e.path,
            [
                PathPoint {
                    year: 2020,
                    value: 10.5
                },
                PathPoint {
                    year: 2025,
                    value: 8.78
                }
            ]
        );
        assert_eq!(
            run(&lt, 2023, &[number(2023, 8.0)]).verdict,
            Verdict::Met { value: 8.0 }
        );
        assert_eq!(
            run(&lt, 2025, &[number(2025, 9.0)]).verdict,
            Verdict::NotMetAtEnd { value: 9.0 }
        );
        let ge = indicator(Op::Ge, Some(90.0), Kind::Threshold, "%", None);
        assert_eq!(
            run(&ge, 2023, &[number(2023, 80.0)]).verdict,
            Verdict::NoBase { value: 80.0 }
        );
        let already = indicator(Op::Ge, Some(90.0), Kind::Threshold, "%", Some(96.95));
        let e = run(&already, 2023, &[number(2023, 89.0)]);
        assert_eq!(
            e.verdict,
            Verdict::BaseAlreadyMet {
                base: 96.95,
                value: 89.0
            }
        );
        assert!(e.path.is_empty(), "no path from a base past the target");
        let keep = indicator(Op::Ge, Some(97.0), Kind::Maintain, "%", Some(98.18));
        assert_eq!(
            run(&keep, 2023, &[number(2023, 96.0)]).verdict,
            Verdict::MaintainFallsShort { value: 96.0 }
        );
    }

    #[test]
    fn a_yearly_fall_draws_its_own_path_from_its_own_start() {
        // 55 in 2018, less 1 point a year: 50 allowed in 2023, 48 at the end of 2025.
        let myopia = indicator(
            Op::DecreasePpYearly,
            Some(1.0),
            Kind::DecreasePpYearly,
            "%",
            None,
        );
        let e = run(&myopia, 2023, &[number(2018, 55.0), number(2023, 49.0)]);
        assert_eq!(e.expected_on_path, Some(50.0));
        assert_eq!(e.goal, Some(48.0), "not the yearly step of 1");
        assert_eq!((e.base, e.base_year), (Some(55.0), Some(2018)));
        assert_eq!(
            e.path,
            [
                PathPoint {
                    year: 2018,
                    value: 55.0
                },
                PathPoint {
                    year: 2025,
                    value: 48.0
                }
            ]
        );
    }

    #[test]
    fn every_sentence_names_its_figures_in_both_languages() {
        let plan = plan();
        let lt = indicator(Op::Lt, Some(8.78), Kind::Threshold, "1/10万", Some(10.5));
        let case = Case {
            plan: &plan,
            indicator: &lt,
            year: 2023,
            readings: &[],
            supplied_base: None,
        };
        let (zh, en) = Verdict::OnPath {
            value: 9.0,
            expected: 9.468,
            base: 10.5,
            base_from_file: true,
            on_track: true,
        }
        .sentences(&case);
        assert_eq!(
            zh,
            "2023 年应不高于 9.468（文件中 2020 年 10.5 → 2025 年 <8.78/10万 的直线进度），实际 9/10万"
        );
        assert_eq!(
            en,
            "2023 should be at most 9.468 (straight line from 10.5 in 2020 to <8.78/10万 in 2025); the value is 9/10万"
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
