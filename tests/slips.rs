//! Drafts with slips of every kind (tests/fixtures/slips/, README there): each slip flagged as
//! expected and never certified, every clean figure of the same files unflagged.

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::plan::Plan;
use duibiao_core::report::Report;
use std::collections::BTreeMap;

fn report(file: &str) -> Report {
    let path = format!("{}/tests/fixtures/slips/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    check(
        file,
        &bytes,
        &Plan::default_plan(),
        &CheckOptions::default(),
    )
    .unwrap()
}

/// (indicator id, region) → the flags' rules, for every row of the reporting year with flags.
fn flagged(report: &Report) -> BTreeMap<(String, String), Vec<String>> {
    assert!(
        report
            .results
            .iter()
            .filter(|r| r.year != report.reporting_year)
            .all(|r| r.findings.flags.is_empty()),
        "the earlier year's figures are clean"
    );
    report
        .current_rows()
        .filter(|r| !r.findings.flags.is_empty())
        .map(|r| {
            let rules = r
                .findings
                .flags
                .iter()
                .map(|f| format!("{:?}:{:?}", f.rule, f.severity).to_lowercase())
                .collect();
            (
                (r.indicator_id.clone(), r.region.clone().unwrap_or_default()),
                rules,
            )
        })
        .collect()
}

fn expect(rows: &[(&str, &str, &[&str])]) -> BTreeMap<(String, String), Vec<String>> {
    rows.iter()
        .map(|(id, region, rules)| {
            (
                (id.to_string(), region.to_string()),
                rules.iter().map(|r| r.to_string()).collect(),
            )
        })
        .collect()
}

/// No implausible figure is shown as met or on track; each says what it would be once confirmed.
fn never_certified(report: &Report) {
    for row in report.current_rows() {
        let implausible = row
            .findings
            .flags
            .iter()
            .any(|f| f.severity == duibiao_core::plausibility::Severity::Implausible);
        if implausible {
            assert_eq!(row.findings.status.word(), "review", "{}", row.indicator);
            assert!(
                row.findings.status_if_confirmed.is_some(),
                "{}",
                row.indicator
            );
        }
    }
}

#[test]
fn a_county_draft_with_seven_slips() {
    let report = report("county-draft-2023.csv");
    assert!(report.unmatched.is_empty(), "{:?}", report.unmatched);
    let k = "柯城区";
    assert_eq!(
        flagged(&report),
        expect(&[
            ("pediatricians_per_1000_children", k, &["jump:implausible"]),
            ("nursery_places_per_1000_people", k, &["jump:implausible"]),
            ("inclusive_kindergarten_coverage", k, &["jump:implausible"]),
            ("preschool_gross_enrollment", k, &["range:implausible"]),
            ("caries_rate_age12", k, &["range:implausible"]),
            ("infant_mortality", k, &["relation:implausible"]),
            ("disabled_children_rehab_aid", k, &["range:implausible"]),
        ])
    );
    never_certified(&report);
    assert_eq!(report.summary.flagged, 7);
}

#[test]
fn six_counties_copied_down_far_off_and_a_part_above_its_whole() {
    let report = report("counties-2023.csv");
    assert!(report.unmatched.is_empty(), "{:?}", report.unmatched);
    let copied: Vec<(&str, &str, &[&str])> =
        ["柯城区", "衢江区", "龙游县", "江山市", "常山县", "开化县"]
            .into_iter()
            .map(|region| {
                (
                    "exclusive_breastfeeding_0_6m",
                    region,
                    &["copieddown:unusual"][..],
                )
            })
            .collect();
    let mut expected = expect(&copied);
    expected.extend(expect(&[
        (
            "child_health_management_0_6",
            "开化县",
            &["outlier:unusual"],
        ),
        ("under5_stunting_rate", "开化县", &["jump:implausible"]),
        (
            "infant_mortality",
            "龙游县",
            &["outlier:unusual", "relation:implausible"],
        ),
    ]));
    assert_eq!(flagged(&report), expected);
    never_certified(&report);
    let far = report
        .current_rows()
        .find(|r| {
            r.indicator_id == "child_health_management_0_6" && r.region.as_deref() == Some("开化县")
        })
        .unwrap();
    assert_eq!(
        far.findings.status.word(),
        "behind",
        "an unusual figure keeps its status"
    );
}
