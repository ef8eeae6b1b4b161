//! The catalogue against the plan's published text: every quote verbatim, every figure in its
//! quote, and the comparator reading of each wording the issue names.

use duibiao_core::numbers::Comparator;
use duibiao_core::plan::{built_in, Kind, Op, Plan};
use duibiao_core::Codecs;

fn source_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/source/quzhou-plan-notice-2021.txt"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("the plan text {path}: {e}"))
}

#[test]
fn every_quote_and_figure_is_true_to_the_plan_text() {
    let source = source_text();
    for (file, _) in built_in::FILES {
        let plan = built_in::plan(file, &Codecs::OWN).unwrap();
        let problems = plan.check_against_source(&source);
        assert!(problems.is_empty(), "{}:\n{}", plan.id, problems.join("\n"));
        assert!(plan.excluded.iter().all(|e| !e.reason.trim().is_empty()));
    }
}

#[test]
fn the_source_check_catches_an_invented_figure() {
    let mut plan = Plan::default_plan();
    let infant = plan
        .indicators
        .iter_mut()
        .find(|i| i.id == "infant_mortality")
        .unwrap();
    infant.target.value = Some(4.0);
    infant.aliases.push("新生儿死亡率".into());
    let problems = plan.check_against_source(&source_text());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("infant_mortality: the figure 4")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("also names")),
        "{problems:?}"
    );
}

#[test]
fn the_whole_childrens_plan_is_catalogued() {
    let plan = Plan::default_plan();
    assert!(
        plan.indicators.len() >= 40,
        "{} indicators",
        plan.indicators.len()
    );
    assert_eq!(
        plan.indicators.iter().filter(|i| i.key).count(),
        11,
        "the key-indicator table has 11 rows"
    );
    for domain in ["family", "health", "safety", "education", "welfare", "law"] {
        assert!(
            plan.indicators.iter().any(|i| i.domain == domain),
            "no indicator in {domain}"
        );
    }
    assert!(
        !plan.excluded.is_empty(),
        "sentences left out are listed with reasons"
    );
}

/// (id, op, value, kind) for each wording whose reading decides statuses.
#[test]
fn the_plans_words_are_read_as_chinese_legal_usage() {
    let plan = Plan::default_plan();
    let cases: &[(&str, Op, Option<f64>, Kind)] = &[
        // 控制在3‰、5‰和6‰以下: 以下 includes the number.
        (
            "neonatal_mortality",
            Op::Compare(Comparator::Le),
            Some(3.0),
            Kind::Threshold,
        ),
        (
            "infant_mortality",
            Op::Compare(Comparator::Le),
            Some(5.0),
            Kind::Threshold,
        ),
        (
            "under5_mortality",
            Op::Compare(Comparator::Le),
            Some(6.0),
            Kind::Threshold,
        ),
        // 达到65%以上: 以上 includes it.
        (
            "exclusive_breastfeeding_0_6m",
            Op::Compare(Comparator::Ge),
            Some(65.0),
            Kind::Threshold,
        ),
        // 控制在25%以内: 以内 includes it.
        (
            "caries_rate_age12",
            Op::Compare(Comparator::Le),
            Some(25.0),
            Kind::Threshold,
        ),
        // The key table's explicit "<" is strict.
        (
            "severe_birth_defect_rate",
            Op::Compare(Comparator::Lt),
            Some(9.5),
            Kind::Threshold,
        ),
        (
            "child_injury_mortality",
            Op::Compare(Comparator::Lt),
            Some(8.78),
            Kind::Threshold,
        ),
        // A table target with no sign is a floor for a rate to raise.
        (
            "inclusive_kindergarten_coverage",
            Op::Compare(Comparator::Ge),
            Some(90.0),
            Kind::Threshold,
        ),
        (
            "high_school_gross_enrollment",
            Op::Compare(Comparator::Ge),
            Some(98.9),
            Kind::Threshold,
        ),
        // 保持在…以上 is a maintain target.
        (
            "preschool_gross_enrollment",
            Op::Compare(Comparator::Ge),
            Some(97.0),
            Kind::Maintain,
        ),
        (
            "compulsory_education_consolidation",
            Op::Compare(Comparator::Ge),
            Some(100.0),
            Kind::Maintain,
        ),
        // 逐年增加, 每年降低1个百分点以上, 应援尽援.
        (
            "disabled_children_rehab_aid",
            Op::IncreaseYearly,
            None,
            Kind::IncreaseYearly,
        ),
        (
            "myopia_rate_yearly_decline",
            Op::DecreasePpYearly,
            Some(1.0),
            Kind::DecreasePpYearly,
        ),
        (
            "minors_receiving_legal_aid",
            Op::Qualitative,
            None,
            Kind::Qualitative,
        ),
    ];
    for &(id, op, value, kind) in cases {
        let indicator = plan
            .indicator(id)
            .unwrap_or_else(|| panic!("no indicator {id}"));
        assert_eq!(
            (indicator.target.op, indicator.target.value, indicator.kind),
            (op, value, kind),
            "{id}"
        );
    }
    assert_eq!(
        plan.indicator("myopia_rate_yearly_decline")
            .unwrap()
            .target
            .base_year,
        Some(2018)
    );
}

#[test]
fn the_flattened_key_table_is_read_with_its_ambiguities_noted() {
    let plan = Plan::default_plan();
    let pediatricians = plan.indicator("pediatricians_per_1000_children").unwrap();
    assert_eq!(pediatricians.baseline.as_ref().map(|b| b.value), Some(0.8));
    assert_eq!(pediatricians.target.value, Some(1.0));
    assert!(
        pediatricians
            .notes
            .iter()
            .any(|n| n.contains("0.81") && n.contains("其他可能读法")),
        "the reading and its ambiguity are noted"
    );
    let defects = plan.indicator("severe_birth_defect_rate").unwrap();
    assert_eq!(defects.unit, "1/‰", "row 1's unit is kept as printed");
    assert!(!defects.notes.is_empty());
    let expected_2020 = [
        ("nursery_places_per_1000_people", 2.94, 4.5),
        ("child_injury_mortality", 10.5, 8.78),
        ("inclusive_kindergarten_coverage", 96.95, 90.0),
        ("minor_rescue_center_operation_rate", 50.0, 100.0),
        ("model_children_home_township_ratio", 90.1, 100.0),
        ("county_children_activity_center_ratio", 16.67, 75.0),
        ("preschool_gross_enrollment", 98.18, 97.0),
    ];
    for (id, base, goal) in expected_2020 {
        let indicator = plan.indicator(id).unwrap();
        assert_eq!(
            indicator.baseline.as_ref().map(|b| b.value),
            Some(base),
            "{id}"
        );
        assert_eq!(indicator.target.value, Some(goal), "{id}");
    }
}

#[test]
fn the_womens_plan_invents_no_target() {
    let women = built_in::plan("quzhou-women-2021-2025.json", &Codecs::OWN).unwrap();
    assert!(women.indicators.is_empty());
    assert!(
        women.notes.iter().any(|n| n.contains("实施")),
        "{:?}",
        women.notes
    );
}
