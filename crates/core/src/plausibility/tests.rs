//! Each rule on both sides of its line, through the whole check of a small file against the
//! built-in children's plan (its checks included).

use super::*;
use crate::check::{check, CheckOptions};
use crate::evaluate::Status;
use crate::plan::Plan;
use crate::report::Report;

fn run(name: &str, csv: &str, options: &CheckOptions) -> Report {
    check(name, csv.as_bytes(), &Plan::default_plan(), options).unwrap()
}

fn report(csv: &str) -> Report {
    run("2023年监测.csv", csv, &CheckOptions::default())
}

/// The reporting year's row of an indicator (and region).
fn row<'r>(report: &'r Report, id: &str, region: Option<&str>) -> &'r ResultRow {
    report
        .current_rows()
        .find(|r| r.indicator_id == id && r.region.as_deref() == region)
        .unwrap_or_else(|| panic!("no row for {id} {region:?}"))
}

fn rules(row: &ResultRow) -> Vec<(Rule, Severity)> {
    row.findings
        .flags
        .iter()
        .map(|f| (f.rule, f.severity))
        .collect()
}

#[test]
fn a_figure_outside_what_its_measure_allows_is_never_met() {
    let r = report(
        "指标名称,2023年\n学前教育毛入园率,982\n高中阶段毛入学率,104.5\n12岁儿童龋患率,235\n0—6岁儿童健康管理率,96\n",
    );
    let preschool = row(&r, "preschool_gross_enrollment", None);
    assert_eq!(rules(preschool), [(Rule::Range, Severity::Implausible)]);
    assert_eq!(preschool.findings.status, Status::Review);
    assert_eq!(preschool.findings.status_if_confirmed, Some(Status::Met));
    assert!(
        preschool.findings.reason.starts_with("需人工核对：")
            && preschool.findings.reason.contains("则为已达标："),
        "the status shown first, the one once confirmed after: {}",
        preschool.findings.reason
    );
    assert!(preschool.findings.reason_en.starts_with("Needs review: "));
    assert!(
        preschool.findings.reason.contains("150%"),
        "{}",
        preschool.findings.reason
    );
    assert!(
        preschool.findings.reason.contains("可超过 100%"),
        "the plan's reason"
    );
    let high_school = row(&r, "high_school_gross_enrollment", None);
    assert!(rules(high_school).is_empty(), "a gross rate may pass 100 %");
    let caries = row(&r, "caries_rate_age12", None);
    assert_eq!(rules(caries), [(Rule::Range, Severity::Implausible)]);
    assert_eq!(caries.findings.status_if_confirmed, Some(Status::Behind));
    assert!(rules(row(&r, "child_health_management_0_6", None)).is_empty());
    assert_eq!(r.summary.flagged, 2);
}

#[test]
fn a_lost_decimal_point_against_the_base_or_the_year_before_is_flagged() {
    let r = report(
        "指标名称,2022年,2023年\n千名儿童儿科执业(助理)医师数,0.9,95\n每千人拥有3岁以下婴幼儿托位数,3.3,38\n\
         普惠性幼儿园覆盖率,96,0.93\n建立儿童活动中心的县(市、区)比例,83.3,100\n",
    );
    let doctors = row(&r, "pediatricians_per_1000_children", None);
    assert_eq!(rules(doctors), [(Rule::Jump, Severity::Implausible)]);
    assert_eq!(doctors.findings.status, Status::Review);
    assert_eq!(doctors.findings.status_if_confirmed, Some(Status::Met));
    assert!(
        doctors.findings.flags[0].reason.contains("相差约 100 倍"),
        "{}",
        doctors.findings.flags[0].reason
    );
    let places = row(&r, "nursery_places_per_1000_people", None);
    assert_eq!(rules(places), [(Rule::Jump, Severity::Implausible)]);
    assert!(places.findings.flags[0].reason.contains("2022 年的 3.3"));
    let coverage = row(&r, "inclusive_kindergarten_coverage", None);
    assert_eq!(rules(coverage), [(Rule::Jump, Severity::Implausible)]);
    assert!(
        coverage.findings.flags[0].reason.contains("0.93 即 93%"),
        "{}",
        coverage.findings.flags[0].reason
    );
    let centres = row(&r, "county_children_activity_center_ratio", None);
    assert!(
        rules(centres).is_empty(),
        "16.67 → 100 over five years is ×6: possible"
    );
}

#[test]
fn with_only_the_target_a_lost_digit_is_flagged_by_the_unit() {
    let r = report(
        "指标名称,2023年\n新生儿访视率,9.6\n5岁以下儿童贫血患病率,0.85\n5岁以下儿童生长迟缓率,1.1\n\
         新生儿死亡率,0.3\n0—6岁儿童健康管理率,96\n",
    );
    for id in ["neonatal_visit_rate", "under5_anemia_prevalence"] {
        let slip = row(&r, id, None);
        assert_eq!(rules(slip), [(Rule::Jump, Severity::Implausible)], "{id}");
        assert_eq!(slip.findings.status, Status::Review, "{id}");
    }
    for id in [
        "under5_stunting_rate",
        "neonatal_mortality",
        "child_health_management_0_6",
    ] {
        assert!(
            rules(row(&r, id, None)).is_empty(),
            "{id}: low but possible"
        );
    }
}

#[test]
fn the_right_figures_of_the_same_file_pass() {
    let r = report(
        "指标名称,2022年,2023年\n千名儿童儿科执业(助理)医师数,0.9,0.95\n每千人拥有3岁以下婴幼儿托位数,3.3,3.8\n\
         普惠性幼儿园覆盖率,96,93\n",
    );
    assert!(r.current_rows().all(|row| row.findings.flags.is_empty()));
    assert_eq!(r.summary.flagged, 0);
}

#[test]
fn a_part_above_its_whole_flags_the_figure_that_moved() {
    let slipped = report("指标名称,2022年,2023年\n新生儿死亡率,1.7,1.8\n婴儿死亡率,2.6,1.2\n5岁以下儿童死亡率,3.1,3.0\n");
    let infant = row(&slipped, "infant_mortality", None);
    assert_eq!(rules(infant), [(Rule::Relation, Severity::Implausible)]);
    assert_eq!(infant.findings.status, Status::Review);
    assert!(rules(row(&slipped, "neonatal_mortality", None)).is_empty());
    assert!(rules(row(&slipped, "under5_mortality", None)).is_empty());

    let clean = report("指标名称,2022年,2023年\n新生儿死亡率,1.7,1.8\n婴儿死亡率,2.6,2.5\n5岁以下儿童死亡率,3.1,3.0\n");
    assert!(clean
        .current_rows()
        .all(|row| row.findings.flags.is_empty()));

    // No history to tell which moved: both are flagged.
    let bare = report("指标名称,2023年\n新生儿死亡率,1.8\n婴儿死亡率,1.2\n");
    assert_eq!(rules(row(&bare, "neonatal_mortality", None)).len(), 1);
    assert_eq!(rules(row(&bare, "infant_mortality", None)).len(), 1);
}

#[test]
fn a_large_but_possible_change_is_a_warning_and_the_status_stays() {
    let r = report(
        "指标名称,2022年,2023年\n婴儿死亡率,2.0,5.5\n0—3岁中医药健康管理服务覆盖率,68,20\n新生儿死亡率,1.2,1.5\n\
         乡镇(街道)婴幼儿照护服务机构覆盖率,10,35\n5岁以下儿童贫血患病率,2,6.5\n",
    );
    let infant = row(&r, "infant_mortality", None);
    assert_eq!(rules(infant), [(Rule::YearlyChange, Severity::Unusual)]);
    assert_eq!(
        infant.findings.status,
        Status::Behind,
        "5.5 against ≤5‰, on the path"
    );
    assert_eq!(infant.findings.status_if_confirmed, None);
    let tcm = row(&r, "tcm_health_management_0_3", None);
    assert_eq!(rules(tcm), [(Rule::Jump, Severity::Unusual)]);
    assert_eq!(
        tcm.findings.status,
        Status::Behind,
        "20 against ≥70 %, not demoted"
    );
    assert!(rules(row(&r, "neonatal_mortality", None)).is_empty());
    assert!(
        rules(row(&r, "childcare_institution_township_coverage", None)).is_empty(),
        "a coverage growing from a low start"
    );
    assert!(
        rules(row(&r, "under5_anemia_prevalence", None)).is_empty(),
        "2 → 6.5 %: a low rate's swing"
    );
    assert_eq!(
        r.summary.flagged, 2,
        "warnings count as flagged, not as review"
    );
    assert_eq!(r.count(Status::Review), 0);
}

#[test]
fn across_regions_copied_down_far_off_and_ten_times_the_others() {
    let csv = "指标名称,柯城区,衢江区,龙游县,江山市,常山县,开化县\n\
               0—6个月婴儿纯母乳喂养率,72.5,72.5,72.5,72.5,72.5,72.5\n\
               新生儿访视率,100,100,100,100,100,100\n\
               0—6岁儿童健康管理率,96.1,95.8,96.5,95.9,96.3,80\n\
               3岁以下婴幼儿健康管理率,96.1,95.8,96.5,95.9,96.3,94.5\n\
               5岁以下儿童生长迟缓率,2.1,2.5,1.8,2.2,2.4,21\n";
    let r = report(csv);
    let copied = row(&r, "exclusive_breastfeeding_0_6m", Some("开化县"));
    assert_eq!(rules(copied), [(Rule::CopiedDown, Severity::Unusual)]);
    assert_eq!(copied.findings.status, Status::Met);
    assert!(
        rules(row(&r, "neonatal_visit_rate", Some("柯城区"))).is_empty(),
        "100 % everywhere is plausible"
    );
    let far = row(&r, "child_health_management_0_6", Some("开化县"));
    assert_eq!(rules(far), [(Rule::Outlier, Severity::Unusual)]);
    assert_eq!(far.findings.status, Status::Behind, "not demoted");
    assert!(rules(row(&r, "child_health_management_0_6", Some("柯城区"))).is_empty());
    assert!(
        rules(row(&r, "under3_health_management", Some("开化县"))).is_empty(),
        "1.5 points off is close"
    );
    let tenfold = row(&r, "under5_stunting_rate", Some("开化县"));
    assert_eq!(rules(tenfold), [(Rule::Jump, Severity::Implausible)]);
    assert!(tenfold.findings.flags[0]
        .reason
        .contains("其他地区的中位数"));
    assert!(rules(row(&r, "under5_stunting_rate", Some("柯城区"))).is_empty());
}

#[test]
fn a_figure_after_the_reporting_year_is_a_warning() {
    let options = CheckOptions {
        reporting_year: Some(2022),
        ..CheckOptions::default()
    };
    let r = run(
        "监测.csv",
        "指标名称,2022年,2023年\n婴儿死亡率,2.6,2.5\n",
        &options,
    );
    let later = r.results.iter().find(|row| row.year == 2023).unwrap();
    assert_eq!(rules(later), [(Rule::FutureYear, Severity::Unusual)]);
    assert!(rules(row(&r, "infant_mortality", None)).is_empty());
}

#[test]
fn a_confirmed_figure_is_evaluated_as_usual_until_it_changes() {
    let csv = "指标名称,2023年\n千名儿童儿科执业(助理)医师数,95\n";
    let confirm = |value: &str| CheckOptions {
        confirmed: vec![Confirmation::parse(&format!("B2={value}")).unwrap()],
        ..CheckOptions::default()
    };
    let confirmed = run("2023.csv", csv, &confirm("95"));
    let doctors = row(&confirmed, "pediatricians_per_1000_children", None);
    assert_eq!(doctors.findings.status, Status::Met);
    assert!(doctors.findings.confirmed);
    assert_eq!(doctors.findings.status_if_confirmed, None);
    assert_eq!(doctors.findings.flags.len(), 1, "the flag stays, confirmed");
    assert_eq!(confirmed.summary.flagged, 0);

    let from_the_row = CheckOptions {
        confirmed: vec![Confirmation::of_row(row(
            &run("2023.csv", csv, &CheckOptions::default()),
            "pediatricians_per_1000_children",
            None,
        ))
        .unwrap()],
        ..CheckOptions::default()
    };
    let confirmed = run("2023.csv", csv, &from_the_row);
    assert!(
        row(&confirmed, "pediatricians_per_1000_children", None)
            .findings
            .confirmed,
        "the page confirms from the row"
    );

    let stale = run("2023.csv", csv, &confirm("9.5"));
    let doctors = row(&stale, "pediatricians_per_1000_children", None);
    assert_eq!(
        doctors.findings.status,
        Status::Review,
        "another value needs its own confirmation"
    );
    assert!(!doctors.findings.confirmed);
}

#[test]
fn confirmations_read_as_the_cli_takes_them() {
    assert_eq!(
        Confirmation::parse("柯城区!b5 = 95"),
        Some(Confirmation {
            sheet: "柯城区".into(),
            cell: "B5".into(),
            value: "95".into()
        })
    );
    assert_eq!(
        Confirmation::parse("B5=95").map(|c| c.sheet),
        Some(String::new())
    );
    assert_eq!(Confirmation::parse("B5"), None);
    assert_eq!(Confirmation::parse("5B=1"), None);
    let c = Confirmation::parse("Sheet1!C3=0.930").unwrap();
    assert!(
        c.covers("Sheet1", false, "C3", "0.93"),
        "numbers compare as numbers"
    );
    assert!(!c.covers("Sheet2", false, "C3", "0.93"));
    assert!(!c.covers("Sheet1", false, "C4", "0.93"));
    assert!(Confirmation::parse("C3=1")
        .unwrap()
        .covers("任何", true, "c3", "1"));
    assert!(!Confirmation::parse("C3=1")
        .unwrap()
        .covers("任何", false, "C3", "1"));
}

#[test]
fn every_check_of_the_built_in_plans_names_an_indicator_and_a_reason() {
    for (_, json) in crate::plan::built_in::FILES {
        // Read as the page reads it: a check the loader drops would be missing, not failing.
        let plan = Plan::from_json(json).unwrap();
        assert!(
            plan.check_problems.is_empty(),
            "{}: {:?}",
            plan.id,
            plan.check_problems
        );
        let checks = &plan.checks;
        let named = checks
            .ranges
            .iter()
            .map(|c| (vec![c.indicator.clone()], &c.reason))
            .chain(
                checks
                    .relations
                    .iter()
                    .map(|c| (c.indicators.clone(), &c.reason)),
            )
            .chain(
                checks
                    .yearly_change
                    .iter()
                    .map(|c| (vec![c.indicator.clone()], &c.reason)),
            );
        for (ids, reason) in named {
            assert!(!reason.trim().is_empty(), "{ids:?} has no reason");
            for id in ids {
                assert!(
                    plan.indicator(&id).is_some(),
                    "{}: no indicator {id}",
                    plan.id
                );
            }
        }
    }
    let children = Plan::default_plan();
    assert!(!children.checks.relations.is_empty() && !children.checks.ranges.is_empty());
}

#[test]
fn a_file_that_writes_fractions_every_year_is_flagged_every_year() {
    let r = run(
        "监测.csv",
        "指标名称,2022年,2023年\n5岁以下儿童贫血患病率,0.085,0.081\n",
        &CheckOptions::default(),
    );
    for row in r
        .results
        .iter()
        .filter(|r| r.indicator_id == "under5_anemia_prevalence")
    {
        assert_eq!(
            rules(row),
            [(Rule::Jump, Severity::Implausible)],
            "{}",
            row.year
        );
        assert_eq!(row.findings.status, Status::Review);
        assert!(row.findings.flags[0].reason.contains("可能填的是小数"));
    }
}

#[test]
fn an_earlier_slip_is_no_yardstick_for_the_figure_after_it() {
    let r = report(
        "指标名称,2022年,2023年\n12岁儿童龋患率,235,24\n千名儿童儿科执业(助理)医师数,9,0.95\n",
    );
    assert!(
        rules(row(&r, "caries_rate_age12", None)).is_empty(),
        "24 % after a 235 % slip"
    );
    assert!(
        rules(row(&r, "pediatricians_per_1000_children", None)).is_empty(),
        "0.95 after a 9 that was ×10 the base 0.8"
    );
    let earlier = r
        .results
        .iter()
        .find(|row| row.indicator_id == "caries_rate_age12" && row.year == 2022)
        .unwrap();
    assert_eq!(rules(earlier), [(Rule::Range, Severity::Implausible)]);
}

#[test]
fn a_countys_count_is_not_measured_against_the_citys_base_nor_a_start_from_nothing_against_the_target(
) {
    let r = report("指标名称,2022年,2023年\n残疾儿童康复救助人数,60,70\n乡镇(街道)婴幼儿照护服务机构覆盖率,0,6\n");
    assert!(
        rules(row(&r, "disabled_children_rehab_aid", None)).is_empty(),
        "70 against the city's 551"
    );
    assert!(
        rules(row(&r, "childcare_institution_township_coverage", None)).is_empty(),
        "from 0 to 6 % is a start"
    );
}

#[test]
fn across_regions_the_whole_area_and_rare_event_rates_are_not_slips() {
    let csv = "指标名称,柯城区,衢江区,龙游县,江山市,常山县,开化县,全市\n\
               残疾儿童康复救助人数,90,110,100,95,105,98,598\n\
               儿童伤害死亡率,9.1,9.8,8.5,10.2,9.4,1.2,8.0\n";
    let r = report(csv);
    assert!(rules(row(&r, "disabled_children_rehab_aid", Some("全市"))).is_empty());
    let one_death = row(&r, "child_injury_mortality", Some("开化县"));
    assert!(
        one_death
            .findings
            .flags
            .iter()
            .all(|f| f.severity == Severity::Unusual),
        "{:?}",
        one_death.findings.flags
    );
    assert_ne!(one_death.findings.status, Status::Review);
}

#[test]
fn a_plan_range_with_one_side_keeps_the_units_other_side() {
    let mut plan = Plan::default_plan();
    plan.checks.ranges[0].min = None;
    assert_eq!(
        plan.checks.ranges[0].indicator,
        "preschool_gross_enrollment"
    );
    let csv = "指标名称,2023年\n学前教育毛入园率,-5\n";
    let r = check("2023.csv", csv.as_bytes(), &plan, &CheckOptions::default()).unwrap();
    assert_eq!(
        rules(row(&r, "preschool_gross_enrollment", None)),
        [(Rule::Range, Severity::Implausible)]
    );
}

#[test]
fn a_relation_holds_across_a_missing_middle() {
    let r = report("指标名称,2023年\n新生儿死亡率,3.5\n5岁以下儿童死亡率,3.0\n");
    assert_eq!(
        rules(row(&r, "neonatal_mortality", None)),
        [(Rule::Relation, Severity::Implausible)]
    );
    assert_eq!(
        rules(row(&r, "under5_mortality", None)),
        [(Rule::Relation, Severity::Implausible)]
    );
}
