//! Evaluation: one status per plan indicator × region × year, with the gap, the progress along
//! the straight line from the 2020 base to the 2025 target, and the reason in words.

//!
//! The module in steps: here the types, the reading of a value in the plan's unit and the order of
//! the judgement ([`evaluate`]); `rules` the rule of each kind of target; `verdict` the why of
//! each outcome, from which its status and its sentences follow.

mod rules;
#[cfg(test)]
mod tests;
mod verdict;

pub use verdict::Verdict;

use crate::ingest::value::Value;
use crate::numbers::{trim_float, Comparator, EPSILON};
use crate::plan::{Indicator, Kind, Op, Plan};
use crate::plausibility::Flag;
use crate::units::Unit;
use serde::Serialize;

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

impl Trend {
    /// The code the JSON report and a .csv with codes use.
    pub fn word(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Worsening => "worsening",
            Trend::Flat => "flat",
        }
    }

    /// As the page says it beside a row (its `i18n.rs` has the same words).
    pub fn label_zh(self) -> &'static str {
        match self {
            Trend::Improving => "较上期改善",
            Trend::Worsening => "较上期变差",
            Trend::Flat => "与上期持平",
        }
    }
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

/// One evaluation: why it came out so, and what the report shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// What the status and the reason follow from.
    pub verdict: Verdict,
    pub findings: Findings,
}

/// What a report row shows of an evaluation (`report::ResultRow` holds it, its fields at the
/// row's own level in the JSON).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Findings {
    pub status: Status,
    /// The value in the plan's unit, when there is one.
    pub value: Option<f64>,
    /// Signed distance to the target in its unit; positive = short of it.
    pub gap: Option<f64>,
    /// The gap in words with its unit: "还差 0.4 个百分点", "已超出 7.5 个百分点"; empty when there
    /// is no gap.
    pub gap_words: String,
    /// "0.4 percentage points short", "7.5 percentage points beyond the target".
    pub gap_words_en: String,
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
    /// What the plausibility checks saw in the figure (`crate::plausibility`); empty when
    /// nothing.
    pub flags: Vec<Flag>,
    /// For a figure flagged implausible and shown as `review`: the status it has once the
    /// user confirms it.
    pub status_if_confirmed: Option<Status>,
    /// The user confirmed this flagged figure (by sheet, cell and value).
    pub confirmed: bool,
}

/// One point of a path: a year and the value the path gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct PathPoint {
    pub year: i32,
    pub value: f64,
}

impl Findings {
    /// Flagged by a plausibility check and not yet confirmed.
    pub fn is_flagged(&self) -> bool {
        !self.flags.is_empty() && !self.confirmed
    }
}

impl Evaluation {
    pub(super) fn of(verdict: Verdict) -> Evaluation {
        let findings = Findings {
            status: verdict.status(),
            value: None,
            gap: None,
            gap_words: String::new(),
            gap_words_en: String::new(),
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
            flags: Vec::new(),
            status_if_confirmed: None,
            confirmed: false,
        };
        Evaluation { verdict, findings }
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

pub(super) fn direction(op: Op) -> Direction {
    match op {
        Op::Compare(c) if c.is_lower_bound() => Direction::Higher,
        Op::Compare(c) if c.is_upper_bound() => Direction::Lower,
        Op::IncreaseYearly => Direction::Higher,
        Op::DecreasePpYearly => Direction::Lower,
        Op::Compare(_) | Op::About | Op::Range | Op::Qualitative => Direction::Either,
    }
}

/// Whether `value` meets a numeric target `op target` (`upper` for ranges).
pub fn meets(op: Op, value: f64, target: f64, upper: Option<f64>) -> bool {
    match op {
        Op::Compare(comparator) => comparator.holds(value, target),
        Op::About => {
            (value - target).abs() <= crate::plan::ABOUT_TOLERANCE * target.abs() + EPSILON
        }
        Op::Range => {
            Comparator::Ge.holds(value, target)
                && upper.is_none_or(|u| Comparator::Le.holds(value, u))
        }
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

pub fn evaluate(case: &Case) -> Evaluation {
    let target = &case.indicator.target;
    let mut evaluation = judge(case);
    evaluation.findings.direction = direction(target.op);
    if evaluation.findings.goal.is_none()
        && !matches!(
            target.op,
            Op::IncreaseYearly | Op::DecreasePpYearly | Op::Qualitative
        )
    {
        evaluation.findings.goal = target.value;
    }
    (evaluation.findings.reason, evaluation.findings.reason_en) =
        evaluation.verdict.sentences(case);
    if let Some(gap) = evaluation.findings.gap {
        (
            evaluation.findings.gap_words,
            evaluation.findings.gap_words_en,
        ) = verdict::gap_words(gap, evaluation.findings.direction, &case.indicator.unit);
    }
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
    if !case.plan.covers_year(case.year) {
        // No path runs outside the plan's years: the value is shown, not judged.
        let mut evaluation = Evaluation::of(Verdict::OutsidePeriod { year: case.year });
        evaluation.findings.value = in_plan_unit(indicator, current).ok().map(|(v, _)| v);
        return evaluation;
    }
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
    let previous = earlier_figure(case);
    let trend = previous.map(|(_, p)| trend_of(direction(indicator.target.op), p, value));
    let mut evaluation = match indicator.target.op {
        Op::IncreaseYearly => rules::increase_yearly(case, value),
        Op::DecreasePpYearly => rules::decrease_pp_yearly(case, value),
        _ => rules::threshold(case, value),
    };
    evaluation.findings.value = Some(value);
    evaluation.findings.trend = trend;
    if let Some(bound) = comparator {
        rules::bound_only(case, bound, value, &mut evaluation);
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

/// The file's plain number for a year, in the plan's unit.
fn numeric(case: &Case, year: i32) -> Option<f64> {
    let reading = case.readings.iter().find(|r| r.year == year)?;
    match in_plan_unit(case.indicator, reading) {
        Ok((value, None)) => Some(value),
        _ => None,
    }
}

/// The file's latest figure before the year evaluated, with its year.
pub fn earlier_figure(case: &Case) -> Option<(i32, f64)> {
    let mut earlier: Vec<i32> = case
        .readings
        .iter()
        .map(|r| r.year)
        .filter(|&y| y < case.year)
        .collect();
    earlier.sort_unstable();
    earlier
        .into_iter()
        .rev()
        .find_map(|y| numeric(case, y).map(|v| (y, v)))
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

pub(super) fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
