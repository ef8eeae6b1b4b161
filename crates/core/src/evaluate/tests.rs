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

fn run_in(plan: &Plan, indicator: &Indicator, year: i32, readings: &[Reading]) -> Evaluation {
    evaluate(&Case {
        plan,
        indicator,
        year,
        readings,
        supplied_base: None,
    })
}

/// A verdict's sentences for a 2023 value under the default plan.
fn sentences_in_2023(indicator: &Indicator, verdict: &Verdict) -> (String, String) {
    verdict.sentences(&Case {
        plan: &plan(),
        indicator,
        year: 2023,
        readings: &[],
        supplied_base: None,
    })
}

fn status(indicator: &Indicator, year: i32, readings: &[Reading]) -> Status {
    run(indicator, year, readings).findings.status
}

#[test]
fn yixia_includes_the_number_and_the_tables_less_than_does_not() {
    let le3 = indicator(
        Op::Compare(Comparator::Le),
        Some(3.0),
        Kind::Threshold,
        "‰",
        None,
    );
    assert_eq!(
        status(&le3, 2025, &[number(2025, 3.0)]),
        Status::Met,
        "3‰ against 控制在3‰以下"
    );
    assert_eq!(status(&le3, 2025, &[number(2025, 3.01)]), Status::NotMet);
    let lt = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
    assert_eq!(
        status(&lt, 2025, &[number(2025, 8.78)]),
        Status::NotMet,
        "8.78 against <8.78"
    );
    assert_eq!(status(&lt, 2025, &[number(2025, 8.77)]), Status::Met);
    let ge = indicator(
        Op::Compare(Comparator::Ge),
        Some(65.0),
        Kind::Threshold,
        "%",
        None,
    );
    assert_eq!(
        status(&ge, 2025, &[number(2025, 65.0)]),
        Status::Met,
        "65% against 达到65%以上"
    );
}

#[test]
fn exactly_on_the_straight_line_is_on_track() {
    // 10.5 in 2020 → <8.78 in 2025: the 2023 point is 10.5 − 1.72 × 3/5 = 9.468.
    let lt = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
    let on_line = run(&lt, 2023, &[number(2023, 9.468)]);
    assert_eq!(on_line.findings.status, Status::OnTrack);
    assert_eq!(on_line.findings.expected_on_path, Some(9.468));
    assert_eq!(status(&lt, 2023, &[number(2023, 9.469)]), Status::Behind);
    // A floor: 0.8 → 1, the 2023 point is 0.92 (stored as 0.9199999… by spreadsheets).
    let ge = indicator(
        Op::Compare(Comparator::Ge),
        Some(1.0),
        Kind::Threshold,
        "人",
        Some(0.8),
    );
    assert_eq!(
        status(&ge, 2023, &[number(2023, 0.8 + 0.2 * 0.6)]),
        Status::OnTrack
    );
    assert_eq!(status(&ge, 2023, &[number(2023, 0.919)]), Status::Behind);
    let e = run(&ge, 2023, &[number(2023, 0.9)]);
    assert_eq!(
        (e.findings.gap, e.findings.progress),
        (Some(0.1), Some(0.5))
    );
}

#[test]
fn the_files_own_2020_value_is_the_base_before_the_plans() {
    // The plan's city base would put the 2023 point at 9.468; this county started at 12.
    let lt = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
    let county = run(&lt, 2023, &[number(2020, 12.0), number(2023, 9.9)]);
    assert_eq!(county.findings.base, Some(12.0));
    assert_eq!(
        county.findings.status,
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
    let ge = indicator(
        Op::Compare(Comparator::Ge),
        Some(85.0),
        Kind::Threshold,
        "%",
        None,
    );
    let e = run(&ge, 2023, &[number(2023, 80.0)]);
    assert_eq!(e.findings.status, Status::Behind);
    assert_eq!(
        (e.findings.expected_on_path, e.findings.progress),
        (None, None)
    );
    assert_eq!(status(&ge, 2025, &[number(2025, 80.0)]), Status::NotMet);
    assert_eq!(status(&ge, 2023, &[number(2023, 85.0)]), Status::Met);
}

#[test]
fn a_base_already_past_the_target_stays_met_only_while_met() {
    let floor = indicator(
        Op::Compare(Comparator::Ge),
        Some(90.0),
        Kind::Threshold,
        "%",
        Some(96.95),
    );
    assert_eq!(status(&floor, 2022, &[number(2022, 92.0)]), Status::Met);
    assert_eq!(status(&floor, 2022, &[number(2022, 89.0)]), Status::Behind);
    assert_eq!(status(&floor, 2025, &[number(2025, 89.0)]), Status::NotMet);
    let ceiling = indicator(
        Op::Compare(Comparator::Lt),
        Some(9.5),
        Kind::Threshold,
        "1/‰",
        Some(7.06),
    );
    assert_eq!(status(&ceiling, 2023, &[number(2023, 9.6)]), Status::Behind);
}

#[test]
fn maintain_targets_are_met_or_behind_until_2025() {
    let keep = indicator(
        Op::Compare(Comparator::Ge),
        Some(97.0),
        Kind::Maintain,
        "%",
        Some(98.18),
    );
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
    assert_eq!(e.findings.status, Status::Review);
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
    assert_eq!(e.findings.status, Status::Review);
    // 55 in 2018: 2023 must be at most 50.
    assert_eq!(
        run_with_base(&myopia, 2023, &[number(2023, 50.0)], Some(55.0))
            .findings
            .status,
        Status::Met
    );
    assert_eq!(
        run_with_base(&myopia, 2023, &[number(2023, 50.5)], Some(55.0))
            .findings
            .status,
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
    assert_eq!(e.findings.status, Status::Review);
    assert_eq!(
        run(&legal, 2023, &[number(2023, 700.0)]).verdict,
        Verdict::Qualitative {
            written: "700".into()
        }
    );
}

#[test]
fn fractions_convert_when_stated_and_are_left_to_the_plausibility_checks_when_not() {
    let rate = indicator(
        Op::Compare(Comparator::Ge),
        Some(90.0),
        Kind::Maintain,
        "%",
        Some(96.95),
    );
    let bare = run(&rate, 2023, &[number(2023, 0.961)]);
    // Read as written (0.961 %); `plausibility` flags it as a likely fraction.
    assert_eq!(bare.findings.value, Some(0.961));
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
    assert_eq!(run(&rate, 2023, &[stated]).findings.value, Some(96.1));
    let per_mille = indicator(
        Op::Compare(Comparator::Le),
        Some(5.0),
        Kind::Threshold,
        "‰",
        None,
    );
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
        (e.findings.status, e.findings.value),
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
    let le = indicator(
        Op::Compare(Comparator::Le),
        Some(6.0),
        Kind::Threshold,
        "‰",
        None,
    );
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
    let strict = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
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
    let floor = indicator(
        Op::Compare(Comparator::Gt),
        Some(90.0),
        Kind::Threshold,
        "%",
        None,
    );
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
    let lt = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
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
    assert_eq!(e.findings.direction, Direction::Lower);
    assert_eq!(e.findings.expected_share, Some(0.6));
    assert_eq!(e.findings.goal, Some(8.78));
    assert_eq!(
        e.findings.path,
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
    let ge = indicator(
        Op::Compare(Comparator::Ge),
        Some(90.0),
        Kind::Threshold,
        "%",
        None,
    );
    assert_eq!(
        run(&ge, 2023, &[number(2023, 80.0)]).verdict,
        Verdict::NoBase { value: 80.0 }
    );
    let already = indicator(
        Op::Compare(Comparator::Ge),
        Some(90.0),
        Kind::Threshold,
        "%",
        Some(96.95),
    );
    let e = run(&already, 2023, &[number(2023, 89.0)]);
    assert_eq!(
        e.verdict,
        Verdict::BaseAlreadyMet {
            base: 96.95,
            value: 89.0
        }
    );
    assert!(
        e.findings.path.is_empty(),
        "no path from a base past the target"
    );
    let keep = indicator(
        Op::Compare(Comparator::Ge),
        Some(97.0),
        Kind::Maintain,
        "%",
        Some(98.18),
    );
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
    assert_eq!(e.findings.expected_on_path, Some(50.0));
    assert_eq!(e.findings.goal, Some(48.0), "not the yearly step of 1");
    assert_eq!(
        (e.findings.base, e.findings.base_year),
        (Some(55.0), Some(2018))
    );
    assert_eq!(
        e.findings.path,
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
    let lt = indicator(
        Op::Compare(Comparator::Lt),
        Some(8.78),
        Kind::Threshold,
        "1/10万",
        Some(10.5),
    );
    let on_path = Verdict::OnPath {
        value: 9.0,
        expected: 9.468,
        base: 10.5,
        base_from_file: true,
        on_track: true,
    };
    let (zh, en) = sentences_in_2023(&lt, &on_path);
    assert_eq!(
        zh,
        "进度正常：2023 年应不高于 9.468（文件中 2020 年 10.5 → 2025 年 <8.78/10万 的直线进度），实际 9/10万"
    );
    assert_eq!(
        en,
        "On track: 2023 should be at most 9.468 (straight line from 10.5 in 2020 to <8.78/10万 in 2025); the value is 9/10万"
    );
}

#[test]
fn trend_follows_the_direction_of_the_target() {
    let lower = indicator(
        Op::Compare(Comparator::Le),
        Some(5.0),
        Kind::Threshold,
        "‰",
        None,
    );
    assert_eq!(
        run(&lower, 2023, &[number(2022, 6.0), number(2023, 5.5)])
            .findings
            .trend,
        Some(Trend::Improving)
    );
    assert_eq!(
        run(&lower, 2023, &[number(2022, 5.0), number(2023, 5.5)])
            .findings
            .trend,
        Some(Trend::Worsening)
    );
    assert_eq!(
        run(&lower, 2023, &[number(2022, 5.5), number(2023, 5.5)])
            .findings
            .trend,
        Some(Trend::Flat)
    );
    assert_eq!(run(&lower, 2023, &[number(2023, 5.5)]).findings.trend, None);
}

/// 严重致残的出生缺陷发生率: 7.06 in 2020 against <9.5‰.
fn birth_defects() -> Indicator {
    indicator(
        Op::Compare(Comparator::Lt),
        Some(9.5),
        Kind::Threshold,
        "1/‰",
        Some(7.06),
    )
}

/// Every verdict, one of each: the match has no wildcard, so a new verdict fails to compile here
/// until it is given a case below.
fn every_verdict() -> Vec<Verdict> {
    let all = vec![
        Verdict::NoValue,
        Verdict::Blank,
        Verdict::Unreadable {
            zh: "单元格是错误值 #DIV/0!".into(),
            en: "the cell holds the error #DIV/0!".into(),
        },
        Verdict::NotANumber {
            text: "见附表".into(),
        },
        Verdict::Qualitative {
            written: "已建立".into(),
        },
        Verdict::UnitMismatch {
            unit_zh: "%",
            unit_en: "%",
        },
        Verdict::BoundSettles {
            bound: Comparator::Lt,
            value: 6.0,
        },
        Verdict::BoundUnsettled {
            bound: Comparator::Le,
            value: 9.5,
        },
        Verdict::Met { value: 7.0 },
        Verdict::NotMetAtEnd { value: 9.6 },
        Verdict::MaintainFallsShort { value: 9.6 },
        Verdict::NoBase { value: 9.6 },
        Verdict::BaseAlreadyMet {
            base: 7.06,
            value: 9.6,
        },
        Verdict::OnPath {
            value: 9.6,
            expected: 9.0,
            base: 10.5,
            base_from_file: false,
            on_track: false,
        },
        Verdict::OnPath {
            value: 8.9,
            expected: 9.0,
            base: 10.5,
            base_from_file: true,
            on_track: true,
        },
        Verdict::OutsidePeriod { year: 2019 },
        Verdict::NeedsPreviousYear {
            previous_year: 2022,
        },
        Verdict::YearOnYear {
            value: 5.0,
            previous: 4.0,
            previous_year: 2022,
            increased: true,
        },
        Verdict::YearOnYear {
            value: 4.0,
            previous: 4.0,
            previous_year: 2022,
            increased: false,
        },
        Verdict::NeedsStartValue { base_year: 2018 },
        Verdict::YearlyFall {
            value: 20.0,
            allowed: 21.0,
            base: 26.0,
            base_year: 2018,
            step: 1.0,
            met: true,
        },
        Verdict::YearlyFall {
            value: 22.0,
            allowed: 21.0,
            base: 26.0,
            base_year: 2018,
            step: 1.0,
            met: false,
        },
    ];
    let rank = |v: &Verdict| match v {
        Verdict::NoValue => 0,
        Verdict::Blank => 1,
        Verdict::Unreadable { .. } => 2,
        Verdict::NotANumber { .. } => 3,
        Verdict::Qualitative { .. } => 4,
        Verdict::UnitMismatch { .. } => 5,
        Verdict::BoundSettles { .. } => 6,
        Verdict::BoundUnsettled { .. } => 7,
        Verdict::Met { .. } => 8,
        Verdict::NotMetAtEnd { .. } => 9,
        Verdict::MaintainFallsShort { .. } => 10,
        Verdict::NoBase { .. } => 11,
        Verdict::BaseAlreadyMet { .. } => 12,
        Verdict::OnPath { .. } => 13,
        Verdict::OutsidePeriod { .. } => 14,
        Verdict::NeedsPreviousYear { .. } => 15,
        Verdict::YearOnYear { .. } => 16,
        Verdict::NeedsStartValue { .. } => 17,
        Verdict::YearlyFall { .. } => 18,
    };
    let mut ranks: Vec<usize> = all.iter().map(rank).collect();
    ranks.dedup();
    assert_eq!(
        ranks,
        (0..=18).collect::<Vec<_>>(),
        "one case of every verdict"
    );
    all
}

#[test]
fn every_sentence_names_its_own_status_and_no_other() {
    let lt = birth_defects();
    for verdict in every_verdict() {
        let status = verdict.status();
        let (zh, en) = sentences_in_2023(&lt, &verdict);
        let en = en.to_lowercase();
        assert!(zh.contains(status.label_zh()), "{verdict:?}: {zh}");
        assert!(
            en.contains(&status.label_en().to_lowercase()),
            "{verdict:?}: {en}"
        );
        // Without its own label ("not met" holds "met"), no other label may remain.
        let (zh_rest, en_rest) = (
            zh.replace(status.label_zh(), ""),
            en.replace(&status.label_en().to_lowercase(), ""),
        );
        for other in Status::ALL.into_iter().filter(|&s| s != status) {
            assert!(
                !zh_rest.contains(other.label_zh()),
                "{verdict:?} says {}: {zh}",
                other.label_zh()
            );
            assert!(
                !en_rest.contains(&other.label_en().to_lowercase()),
                "{verdict:?} says {}: {en}",
                other.label_en()
            );
        }
    }
}

#[test]
fn a_value_that_slipped_back_past_a_target_the_base_had_met_reads_as_behind() {
    let lt = birth_defects();
    let findings = run(&lt, 2023, &[number(2023, 9.6)]).findings;
    assert_eq!(findings.status, Status::Behind);
    assert_eq!(
        findings.reason,
        "进度滞后：2020 年基数 7.06 已达到目标“<9.5‰”，2023 年为 9.6‰，退到了目标之外"
    );
}

/// The children's plan moved to 2026–2030 with 2025 as its base year.
fn later_plan() -> Plan {
    let mut later = plan();
    later.period = crate::plan::Period {
        start: 2026,
        end: 2030,
    };
    later.baseline_year = 2025;
    later
}

#[test]
fn a_year_outside_the_plans_period_is_for_a_person_with_no_path() {
    let later = later_plan();
    let ge = indicator(
        Op::Compare(Comparator::Ge),
        Some(4.5),
        Kind::Threshold,
        "个",
        Some(2.94),
    );
    for year in [2023, 2031] {
        let evaluation = run_in(&later, &ge, year, &[number(2022, 3.0), number(year, 3.5)]);
        let findings = &evaluation.findings;
        assert_eq!(evaluation.verdict, Verdict::OutsidePeriod { year });
        assert_eq!(findings.status, Status::Review);
        assert_eq!(findings.value, Some(3.5), "the value is still shown");
        assert!(findings.path.is_empty() && findings.progress.is_none());
        assert!(findings.expected_on_path.is_none() && findings.gap.is_none());
        if year == 2023 {
            assert_eq!(
                findings.reason,
                "需人工核对：2023 年不在规划期（2026—2030 年，基期 2025 年）内，无法对照目标"
            );
        }
    }
    // The base year itself and the end year are the plan's.
    let at_base = run_in(&later, &ge, 2025, &[number(2025, 3.5)]);
    assert_ne!(at_base.findings.status, Status::Review);
}

#[test]
fn a_gap_reads_with_its_unit_and_which_side_of_the_target() {
    use super::verdict::gap_words;
    let words = |gap, direction, unit| gap_words(gap, direction, unit);
    assert_eq!(
        words(0.4, Direction::Higher, "%"),
        (
            "还差 0.4 个百分点".into(),
            "0.4 percentage points short".into()
        )
    );
    assert_eq!(
        words(-7.5, Direction::Higher, "%"),
        (
            "已超出 7.5 个百分点".into(),
            "7.5 percentage points beyond the target".into()
        )
    );
    assert_eq!(
        words(1.0, Direction::Lower, "1/‰"),
        ("还差 1 个千分点".into(), "1 per-mille point short".into())
    );
    assert_eq!(words(0.3, Direction::Higher, "张").0, "还差 0.3 张");
    assert_eq!(words(1.2, Direction::Lower, "1/10万").0, "还差 1.2/10万");
    assert_eq!(words(-2.0, Direction::Either, "%").0, "", "within a range");
    assert_eq!(
        words(2.0, Direction::Either, "%"),
        (
            "与目标相差 2 个百分点".into(),
            "2 percentage points off the target".into()
        )
    );
    assert_eq!(words(0.0, Direction::Higher, "%").0, "");
    // Through an evaluation: 9.6 against <9.5‰ is 0.1 short; no gap, no words.
    let findings = run(&birth_defects(), 2023, &[number(2023, 9.6)]).findings;
    assert_eq!(findings.gap_words, "还差 0.1 个千分点");
    let blank = run(&birth_defects(), 2023, &[]).findings;
    assert!(blank.gap.is_none() && blank.gap_words.is_empty());
}
