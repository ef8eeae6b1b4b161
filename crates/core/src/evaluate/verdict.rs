//! Why an evaluation came out as it did: the status follows from the verdict, and so do the
//! reasons, every sentence the evaluation says written here in both languages.

use super::{direction, Case, Direction, Status};
use crate::numbers::{trim_float, Comparator};
use crate::plan::display_unit;

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
    /// The year lies before the plan's base year or after its end: there is no line to judge
    /// it on (a 2023 file against a 2026–2030 plan).
    OutsidePeriod { year: i32 },
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
            | Verdict::BoundUnsettled { .. }
            | Verdict::OutsidePeriod { .. }
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

    /// The reason in Chinese and in English: every sentence the evaluation says is here. Each
    /// begins with the label of its status ("进度滞后：…"), so a sentence never reads as another
    /// status than the one beside it.
    pub fn sentences(&self, case: &Case) -> (String, String) {
        let (zh, en) = self.explanation(case);
        let status = self.status();
        (
            format!("{}：{zh}", status.label_zh()),
            format!("{}: {en}", status.label_en()),
        )
    }

    /// The sentences after the status label; none names a status.
    fn explanation(&self, case: &Case) -> (String, String) {
        let words = Words::of(case);
        match self {
            Verdict::NoValue
            | Verdict::Blank
            | Verdict::Unreadable { .. }
            | Verdict::NotANumber { .. }
            | Verdict::Qualitative { .. }
            | Verdict::UnitMismatch { .. }
            | Verdict::OutsidePeriod { .. }
            | Verdict::NeedsPreviousYear { .. }
            | Verdict::NeedsStartValue { .. } => self.why_not_compared(case, &words),
            Verdict::BoundSettles { bound, value } => words.bound(*bound, *value, true),
            Verdict::BoundUnsettled { bound, value } => words.bound(*bound, *value, false),
            Verdict::OnPath {
                value,
                expected,
                base,
                base_from_file,
                ..
            } => words.on_path(case, *value, *expected, *base, *base_from_file),
            Verdict::YearOnYear {
                value,
                previous,
                previous_year,
                increased,
            } => words.year_on_year(*value, *previous, *previous_year, *increased),
            Verdict::YearlyFall {
                value,
                allowed,
                base,
                base_year,
                step,
                met,
            } => words.yearly_fall(*value, *allowed, *base, *base_year, *step, *met),
            _ => self.against_the_target(&words),
        }
    }

    /// Why there is nothing to compare yet: no value, one that cannot be read as the plan's, or
    /// a rule that needs another year's.
    fn why_not_compared(&self, case: &Case, w: &Words) -> (String, String) {
        let indicator = case.indicator;
        let (name, year) = (&indicator.name, w.year);
        let (goal_zh, goal_en) = (&w.goal_zh, &w.goal_en);
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
                format!("定性目标“{}”由人判断；文件填写：“{written}”", indicator.target.text),
                format!("qualitative target \"{}\" is for a person to judge; the file says \"{written}\"", indicator.target.text),
            ),
            Verdict::UnitMismatch { unit_zh, unit_en } => (
                format!("单位“{unit_zh}”与规划单位“{}”不一致", indicator.unit),
                format!("the unit \"{unit_en}\" does not match the plan's unit \"{}\"", indicator.unit),
            ),
            Verdict::OutsidePeriod { year } => {
                let (start, end) = (case.plan.period.start, w.plan_end);
                (
                    format!("{year} 年不在规划期（{start}—{end} 年，基期 {} 年）内，无法对照目标", w.base_year),
                    format!("{year} lies outside the plan's period ({start}–{end}, base year {}); it cannot be judged against the targets", w.base_year),
                )
            }
            Verdict::NeedsPreviousYear { previous_year } => (
                format!("“逐年增加”需要与上一年比较：请提供 {previous_year} 年的数值"),
                format!("\"increase every year\" needs the {previous_year} value to compare with"),
            ),
            Verdict::NeedsStartValue { base_year } => (
                format!("目标为“{goal_zh}”，需要 {base_year} 年的数值作为起点，规划未给出：请提供 {base_year} 年数值"),
                format!("the target \"{goal_en}\" counts from {base_year}; the plan gives no {base_year} value: supply it"),
            ),
            _ => (String::new(), String::new()),
        }
    }

    /// A value judged against the end-of-period target itself.
    fn against_the_target(&self, w: &Words) -> (String, String) {
        let (year, unit, plan_end, base_year) = (w.year, &w.unit, w.plan_end, w.base_year);
        let (goal_zh, goal_en) = (&w.goal_zh, &w.goal_en);
        match self {
            Verdict::Met { value } => (
                format!("{year} 年为 {}{unit}，已达到目标“{goal_zh}”", n(*value)),
                format!("{}{unit} in {year} meets the target \"{goal_en}\"", n(*value)),
            ),
            Verdict::NotMetAtEnd { value } => (
                format!("{year} 年为 {}{unit}，未达到 {plan_end} 年目标“{goal_zh}”", n(*value)),
                format!("{}{unit} in {year} does not meet the {plan_end} target \"{goal_en}\"", n(*value)),
            ),
            Verdict::MaintainFallsShort { value } => (
                format!("{year} 年为 {}{unit}，未能保持目标“{goal_zh}”", n(*value)),
                format!("{}{unit} in {year} falls short of the target to maintain, \"{goal_en}\"", n(*value)),
            ),
            Verdict::NoBase { value } => (
                format!("{year} 年为 {}{unit}，尚未达到目标“{goal_zh}”，且没有 {base_year} 年基数可画进度线", n(*value)),
                format!("{}{unit} in {year} does not meet \"{goal_en}\" and there is no {base_year} base to draw the path from", n(*value)),
            ),
            Verdict::BaseAlreadyMet { base, value } => (
                format!("{base_year} 年基数 {} 已达到目标“{goal_zh}”，{year} 年为 {}{unit}，退到了目标之外", n(*base), n(*value)),
                format!("the {base_year} base {} was within \"{goal_en}\" but {}{unit} in {year} has slipped back outside it", n(*base), n(*value)),
            ),
            _ => (String::new(), String::new()),
        }
    }
}

/// A gap in words with its unit (`gap` positive = short of the target): "还差 0.4 个百分点",
/// "已超出 7.5 个千分点", "还差 1.2/10万". Empty for none, and for a range target met.
pub fn gap_words(gap: f64, direction: Direction, unit: &str) -> (String, String) {
    let (lead_zh, tail_en) = match (gap > 0.0, direction) {
        _ if gap.abs() <= crate::numbers::EPSILON => return (String::new(), String::new()),
        (true, Direction::Either) => ("与目标相差", " off the target"),
        (true, _) => ("还差", " short"),
        // Within a range is no distance beyond it.
        (false, Direction::Either) => return (String::new(), String::new()),
        (false, _) => ("已超出", " beyond the target"),
    };
    let size = n(gap.abs());
    // Points of a percentage or per-mille take a plural in English; "1.2/10万" no space.
    let (unit_zh, unit_en, points) = match display_unit(unit) {
        "%" => ("个百分点", "percentage point", true),
        "‰" => ("个千分点", "per-mille point", true),
        other => (other, other, false),
    };
    let space = if unit_zh.is_empty() || unit_zh.starts_with('/') {
        ""
    } else {
        " "
    };
    let plural = if points && size != "1" { "s" } else { "" };
    (
        format!("{lead_zh} {size}{space}{unit_zh}"),
        format!("{size}{space}{unit_en}{plural}{tail_en}"),
    )
}

fn n(value: f64) -> String {
    trim_float(value)
}

/// What every sentence of one evaluation may name.
struct Words {
    year: i32,
    base_year: i32,
    plan_end: i32,
    unit: String,
    goal_zh: String,
    goal_en: String,
}

impl Words {
    fn of(case: &Case) -> Words {
        let indicator = case.indicator;
        Words {
            year: case.year,
            base_year: case.plan.baseline_year,
            plan_end: case.plan.period.end,
            unit: display_unit(&indicator.unit).to_string(),
            goal_zh: indicator.target.display(&indicator.unit, false),
            goal_en: indicator.target.display(&indicator.unit, true),
        }
    }

    fn bound(&self, bound: Comparator, value: f64, settles: bool) -> (String, String) {
        let (symbol, value) = (bound.symbol(), n(value));
        let (goal_zh, goal_en) = (&self.goal_zh, &self.goal_en);
        if settles {
            (
                format!("文件只给出范围“{symbol}{value}”，已可判定满足目标“{goal_zh}”"),
                format!(
                    "the file gives only a bound ({symbol}{value}), which already meets the target"
                ),
            )
        } else {
            (
                format!("文件只给出范围“{symbol}{value}”，无法判定是否满足目标“{goal_zh}”，请填写实际数值"),
                format!("the file gives only a bound ({symbol}{value}), which does not settle the target \"{goal_en}\"; type the actual value"),
            )
        }
    }

    fn on_path(
        &self,
        case: &Case,
        value: f64,
        expected: f64,
        base: f64,
        base_from_file: bool,
    ) -> (String, String) {
        let Words {
            year,
            base_year,
            plan_end,
            unit,
            goal_zh,
            goal_en,
        } = self;
        let lower = direction(case.indicator.target.op) == Direction::Lower;
        let (bound_zh, bound_en) = if lower {
            ("不高于", "at most")
        } else {
            ("不低于", "at least")
        };
        let from = if base_from_file {
            "文件中"
        } else {
            "规划"
        };
        let (expected, base, value) = (n(expected), n(base), n(value));
        (
            format!("{year} 年应{bound_zh} {expected}（{from} {base_year} 年 {base} → {plan_end} 年 {goal_zh} 的直线进度），实际 {value}{unit}"),
            format!("{year} should be {bound_en} {expected} (straight line from {base} in {base_year} to {goal_en} in {plan_end}); the value is {value}{unit}"),
        )
    }

    fn year_on_year(
        &self,
        value: f64,
        previous: f64,
        previous_year: i32,
        increased: bool,
    ) -> (String, String) {
        let (year, value, previous) = (self.year, n(value), n(previous));
        if increased {
            (
                format!("{year} 年 {value} 高于 {previous_year} 年 {previous}，满足“逐年增加”"),
                format!("{value} in {year} is above {previous} in {previous_year}: increasing as required"),
            )
        } else {
            (
                format!("{year} 年 {value} 未高于 {previous_year} 年 {previous}，不满足“逐年增加”"),
                format!("{value} in {year} is not above {previous} in {previous_year}: the yearly increase was missed"),
            )
        }
    }

    /// `base_year`: the year the fall counts from, the target's own.
    fn yearly_fall(
        &self,
        value: f64,
        allowed: f64,
        base: f64,
        base_year: i32,
        step: f64,
        met: bool,
    ) -> (String, String) {
        let year = self.year;
        let (missed_zh, missed_en) = if met {
            ("", "")
        } else {
            ("，未达到当年目标", " misses that year's target")
        };
        let (allowed, base, step, value) = (n(allowed), n(base), n(step), n(value));
        (
            format!("{year} 年应不高于 {allowed}（{base_year} 年 {base} 起每年降低 {step} 个百分点），实际 {value}{missed_zh}"),
            format!("{year} should be at most {allowed} ({base_year} value {base} less {step} point(s) a year); the value {value}{missed_en}"),
        )
    }
}
