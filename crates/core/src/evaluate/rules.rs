//! The rule of each kind of target: a threshold or maintain target against the straight line
//! from the base, 逐年增加 against the year before, 每年降低…个百分点 against its yearly allowance,
//! and what a cell that gives only a bound can settle.

use super::{direction, meets, numeric, round, Case, Direction, Evaluation, PathPoint, Verdict};
use crate::numbers::{Comparator, EPSILON};
use crate::plan::{Kind, Op};

/// A cell that gives only a bound ("<6") is judged only when the bound settles it.
pub(super) fn bound_only(case: &Case, bound: Comparator, value: f64, evaluation: &mut Evaluation) {
    let target = &case.indicator.target;
    // "≤8.78" against "<8.78" could be 8.78 itself: only a strict bound at the line, or any
    // bound inside it, settles a strict target.
    let settles = match (bound, target.op, target.value) {
        (Comparator::Le, Op::Compare(Comparator::Lt), Some(t)) => Comparator::Lt.holds(value, t),
        (Comparator::Ge, Op::Compare(Comparator::Gt), Some(t)) => Comparator::Gt.holds(value, t),
        (bound, Op::Compare(goal), Some(t)) if bound.is_upper_bound() && goal.is_upper_bound() => {
            Comparator::Le.holds(value, t)
        }
        (bound, Op::Compare(goal), Some(t)) if bound.is_lower_bound() && goal.is_lower_bound() => {
            Comparator::Ge.holds(value, t)
        }
        _ => false,
    };
    if settles {
        evaluation.verdict = Verdict::BoundSettles { bound, value };
        evaluation.findings.status = evaluation.verdict.status();
    } else {
        *evaluation = Evaluation::of(Verdict::BoundUnsettled { bound, value });
    }
}

/// A threshold or maintain target: the gap, the straight-line path from the base, then the
/// verdict.
pub(super) fn threshold(case: &Case, value: f64) -> Evaluation {
    let target = &case.indicator.target;
    // ok: validation guarantees a value for every op handled here.
    let goal = target.value.unwrap_or(0.0);
    let (base, base_from_file) = base_of(case);
    let path = straight_path(case, base, goal);
    let verdict = threshold_verdict(case, value, goal, base, base_from_file, path.as_ref());
    let mut evaluation = Evaluation::of(verdict);
    evaluation.findings.gap = Some(round(gap_to(target.op, target.upper, goal, value)));
    evaluation.findings.base = base;
    evaluation.findings.base_year = base.map(|_| case.plan.baseline_year);
    if let Some(path) = path {
        evaluation.findings.expected_on_path = Some(round(path.expected));
        evaluation.findings.progress = Some(round((value - path.base) / (goal - path.base)));
        evaluation.findings.expected_share = Some(round(path.share));
        evaluation.findings.path = path.points;
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

pub(super) fn increase_yearly(case: &Case, value: f64) -> Evaluation {
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
    evaluation.findings.gap = Some(round(previous - value));
    evaluation
}

pub(super) fn decrease_pp_yearly(case: &Case, value: f64) -> Evaluation {
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
    evaluation.findings.gap = Some(round(value - allowed));
    evaluation.findings.expected_on_path = Some(round(allowed));
    evaluation.findings.base = Some(base);
    evaluation.findings.base_year = Some(base_year);
    let plan_end = case.plan.period.end;
    let at_end = round(base - f64::from(plan_end - base_year) * step);
    evaluation.findings.goal = Some(at_end);
    evaluation.findings.path = vec![
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
