//! One figure against what its measure allows and against its own history: the file's figure
//! of an earlier year and the plan's base (or, with neither, the target).

use super::words::{self, Reference};
use super::{Flag, Rule, Severity};
use crate::evaluate::Case;
use crate::plan::{Indicator, Op};
use crate::units::Unit;

/// A step of at least this factor from every reference is a slip (a lost point is ×10).
pub(super) const SLIP_FACTOR: f64 = 7.0;
/// … and of at least this factor a large but possible jump: for a percentage whose earlier
/// figure was at least `LARGE_FROM` (a coverage growing from 10 % to 35 % in a year is a new
/// programme, not a slip; rarer events per mille or per 100,000 swing, and the plan's
/// `yearly_change` says how far each may).
const LARGE_FACTOR: f64 = 3.0;
const LARGE_FROM: f64 = 20.0;
/// With only the target to go by: a percentage a tenth of a small target (anaemia 0.85 % against
/// ≤ 9 %: 8.5 without its digit, which would pass as met) …
const TARGET_ONLY_PERCENT: f64 = 10.0;
/// … and a rarer event's rate (per mille, per 100,000, which small counties see swing) only a
/// step as large as a fraction for a percent.
pub(super) const RARE_RATE_FACTOR: f64 = 30.0;

/// What one figure's checks found, and the reference its history gives (for the checks across
/// figures, which ask which of two related figures moved).
pub struct Checked {
    pub flags: Vec<Flag>,
    pub reference: Option<f64>,
}

/// Checks `value` (in the plan's unit) of `case`'s year; `earlier` is the file's latest figure
/// before it, with its year.
// Not inlined: the reader's hot loops are in the same caller, and their code should not
// change shape for checks that run once per result row.
#[inline(never)]
pub fn check_figure(case: &Case, value: f64, earlier: Option<(i32, f64)>) -> Checked {
    let indicator = case.indicator;
    let unit = Unit::parse(&indicator.unit);
    let mut flags = Vec::new();
    if let Some(flag) = out_of_range(case, value, unit) {
        flags.push(flag);
    }
    // The plan's base is the city's: a county's rate compares with it, a county's count does not
    // (残疾儿童康复救助人数 551 for the city, 70 for a county), unless the count is per head.
    let base = indicator
        .baseline
        .as_ref()
        .filter(|b| b.year == case.plan.baseline_year && Some(b.year) != earlier.map(|e| e.0))
        .filter(|_| unit != Some(Unit::Count) || per_head(&indicator.name))
        .map(|b| Reference::Base {
            year: b.year,
            value: b.value,
        });
    // An earlier figure that is itself a slip (out of range, or ×7 from the base) is no yardstick.
    let earlier = earlier.filter(|&(_, before)| {
        in_range(case, unit, before)
            && base.is_none_or(|b| before <= 0.0 || factor(before, b.value()) < SLIP_FACTOR)
    });
    let has_history = earlier.is_some() || base.is_some();
    let mut references: Vec<Reference> = earlier
        .map(|(year, value)| Reference::Earlier { year, value })
        .into_iter()
        .chain(base)
        .filter(|r| r.value() > 0.0)
        .collect();
    let reference = references.first().map(Reference::value);
    let rare = unit.is_some_and(|u| u.is_rate() && u != Unit::Percent && u != Unit::Fraction);
    if !has_history {
        if let Some(target) = target_reference(indicator, unit) {
            references.push(target);
        }
    }
    // How far from a yardstick is a slip: ×7, but with only the target to go by, or below the
    // city's base for a rarer event's rate (one death in a small county), further.
    let slip_from = |reference: &Reference| match *reference {
        Reference::Target { value: target } => match unit {
            Some(Unit::Percent) if target >= 50.0 => SLIP_FACTOR,
            Some(Unit::Percent) => TARGET_ONLY_PERCENT,
            _ => RARE_RATE_FACTOR,
        },
        Reference::Base { value: base, .. } if rare && value < base => RARE_RATE_FACTOR,
        _ => SLIP_FACTOR,
    };
    if flags.is_empty() {
        if let Some(flag) = fraction_for_percent(case, value, unit, base) {
            flags.push(flag);
        }
    }
    let far_from_every = value > 0.0
        && !references.is_empty()
        && references
            .iter()
            .all(|r| factor(value, r.value()) >= slip_from(r));
    let factor_from_all = (value > 0.0 && !references.is_empty()).then(|| {
        references
            .iter()
            .map(|r| factor(value, r.value()))
            .fold(f64::INFINITY, f64::min)
    });
    let percent = unit == Some(Unit::Percent);
    // A figure already flagged says enough.
    let factor_from_all = factor_from_all.filter(|_| flags.is_empty());
    match (factor_from_all, references.first()) {
        (Some(_), Some(&first)) if far_from_every => {
            let (reason, reason_en) = words::jump(indicator, value, first, unit);
            flags.push(Flag {
                rule: Rule::Jump,
                severity: Severity::Implausible,
                reason,
                reason_en,
            });
        }
        (Some(f), Some(&first @ Reference::Earlier { value: before, .. }))
            if f >= LARGE_FACTOR && percent && before >= LARGE_FROM =>
        {
            let (reason, reason_en) = words::large_jump(indicator, value, first, f);
            flags.push(Flag {
                rule: Rule::Jump,
                severity: Severity::Unusual,
                reason,
                reason_en,
            });
        }
        _ if flags.is_empty() => {
            if let Some(flag) = beyond_yearly_change(case, value, earlier) {
                flags.push(flag);
            }
        }
        _ => {}
    }
    Checked { flags, reference }
}

/// A count per head of population (千名儿童…医师数, 每千人…托位数): a ratio a county shares with
/// its city, unlike a count of people or places.
pub(super) fn per_head(name: &str) -> bool {
    ["每千", "千名", "千人", "每万", "万人", "每十万", "每百"]
        .iter()
        .any(|w| name.contains(w))
}

/// A bare number at most 1 where the plan's % figures are far above 1: a fraction (0.93 for 93 %),
/// whatever the years before say (a file that writes fractions every year has no ×100 step).
fn fraction_for_percent(
    case: &Case,
    value: f64,
    unit: Option<Unit>,
    base: Option<Reference>,
) -> Option<Flag> {
    if unit != Some(Unit::Percent) || value <= 0.0 || value > 1.0 {
        return None;
    }
    let stated = case
        .readings
        .iter()
        .find(|r| r.year == case.year)
        .is_some_and(|r| {
            r.stated_unit.is_some()
                || matches!(
                    r.value,
                    crate::ingest::value::Value::Number { unit: Some(_), .. }
                )
        });
    let scale = base.or_else(|| target_reference(case.indicator, unit))?;
    (!stated && scale.value() > 5.0).then(|| {
        let (reason, reason_en) = words::jump(case.indicator, value, scale, unit);
        Flag {
            rule: Rule::Jump,
            severity: Severity::Implausible,
            reason,
            reason_en,
        }
    })
}

/// How many times one positive figure is the other, ≥ 1.
pub(super) fn factor(a: f64, b: f64) -> f64 {
    if a > b {
        a / b
    } else {
        b / a
    }
}

/// A bound of an indicator's figures, with the plan's reason for it ("" for the unit's own).
type Bound<'p> = Option<(f64, &'p str)>;

/// The range of the indicator's figures: its unit's (a % 0–100, ‰ 0–1000, a count ≥ 0; a growth
/// rate, 增长, 增速, 增幅, none), either side replaced by the plan's `checks.ranges`, which gives
/// its reason for that side only.
fn range_of<'p>(case: &Case<'p>, unit: Option<Unit>) -> (Bound<'p>, Bound<'p>) {
    let indicator = case.indicator;
    let growth = ["增长", "增速", "增幅", "变化"]
        .iter()
        .any(|w| indicator.name.contains(w));
    let (unit_min, unit_max) = match unit {
        _ if growth => (None, None),
        Some(Unit::Percent) => (Some(0.0), Some(100.0)),
        Some(Unit::PerMille) => (Some(0.0), Some(1000.0)),
        Some(Unit::PerTenThousand) => (Some(0.0), Some(10_000.0)),
        Some(Unit::PerHundredThousand) => (Some(0.0), Some(100_000.0)),
        Some(Unit::Fraction) => (Some(0.0), Some(1.0)),
        Some(Unit::Count) => (Some(0.0), None),
        None => (None, None),
    };
    let plan = case.plan.checks.range_of(&indicator.id);
    let side = |planned: Option<f64>, own: Option<f64>| match (planned, plan) {
        (Some(bound), Some(range)) => Some((bound, range.reason.as_str())),
        _ => own.map(|bound| (bound, "")),
    };
    (
        side(plan.and_then(|r| r.min), unit_min),
        side(plan.and_then(|r| r.max), unit_max),
    )
}

fn in_range(case: &Case, unit: Option<Unit>, value: f64) -> bool {
    let (min, max) = range_of(case, unit);
    min.is_none_or(|(m, _)| value >= m - crate::numbers::EPSILON)
        && max.is_none_or(|(m, _)| value <= m + crate::numbers::EPSILON)
}

fn out_of_range(case: &Case, value: f64, unit: Option<Unit>) -> Option<Flag> {
    let (min, max) = range_of(case, unit);
    let below = min.filter(|&(m, _)| value < m - crate::numbers::EPSILON);
    let above = max.filter(|&(m, _)| value > m + crate::numbers::EPSILON);
    let (reason, reason_en) = match (below, above) {
        (Some((min, why)), _) => words::below_range(case.indicator, value, min, why),
        (None, Some((max, why))) => words::above_range(case.indicator, value, max, why),
        (None, None) => return None,
    };
    Some(Flag {
        rule: Rule::Range,
        severity: Severity::Implausible,
        reason,
        reason_en,
    })
}

/// The target as the only yardstick, for a rate with no base and no earlier figure.
fn target_reference(indicator: &Indicator, unit: Option<Unit>) -> Option<Reference> {
    let comparable = matches!(indicator.target.op, Op::Compare(_) | Op::About | Op::Range);
    let value = indicator.target.value.filter(|&v| v > 0.0 && comparable)?;
    unit.filter(|u| u.is_rate())
        .map(|_| Reference::Target { value })
}

fn beyond_yearly_change(case: &Case, value: f64, earlier: Option<(i32, f64)>) -> Option<Flag> {
    let limit = case.plan.checks.yearly_change_of(&case.indicator.id)?;
    let max = limit.max?;
    let (year, before) = earlier?;
    let years = f64::from((case.year - year).max(1));
    let change = (value - before).abs();
    (change > max * years + crate::numbers::EPSILON).then(|| {
        let (reason, reason_en) =
            words::yearly_change(case.indicator, value, year, before, max, &limit.reason);
        Flag {
            rule: Rule::YearlyChange,
            severity: Severity::Unusual,
            reason,
            reason_en,
        }
    })
}
