//! A plan file's plausibility checks (`"checks"`): what its figures can possibly be, which of
//! them can never be above another, and how far each plausibly moves in a year. The rules that
//! need no data (a ×10 step, a figure copied down, a region far from the others) are the core's
//! own (`crate::plausibility`); a plan file only says what is particular to its indicators,
//! each with its reason.
//!
//! A check that cannot be used (an unknown indicator, min above max, a loop of relations) is
//! dropped with a message naming it; the plan's targets load all the same.

use super::schema::Plan;
use super::PlanError;
use crate::units::Unit;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checks {
    /// Ranges that differ from the unit's (% 0–100, ‰ 0–1000, a count ≥ 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<RangeCheck>,
    /// Indicators, in order, each never above the next (a part before its whole).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationCheck>,
    /// The change in a year beyond which a figure is unusual (a warning, not a demotion).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub yearly_change: Vec<YearlyChangeCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangeCheck {
    pub indicator: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationCheck {
    /// Each at most the next: `["neonatal_mortality", "infant_mortality", "under5_mortality"]`.
    pub indicators: Vec<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearlyChangeCheck {
    pub indicator: String,
    /// In the indicator's unit (percentage points for a %), per year.
    pub max: f64,
    pub reason: String,
}

impl Checks {
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.relations.is_empty() && self.yearly_change.is_empty()
    }

    pub fn range_of(&self, indicator_id: &str) -> Option<&RangeCheck> {
        self.ranges.iter().find(|r| r.indicator == indicator_id)
    }

    pub fn yearly_change_of(&self, indicator_id: &str) -> Option<&YearlyChangeCheck> {
        self.yearly_change
            .iter()
            .find(|c| c.indicator == indicator_id)
    }
}

impl Plan {
    /// Drops the checks that cannot be used and says why, one message per check dropped.
    pub(super) fn sort_out_checks(&mut self) -> Vec<PlanError> {
        let mut problems = Vec::new();
        let checks = std::mem::take(&mut self.checks);
        let known = |id: &str| self.indicators.iter().any(|i| i.id == id);

        let mut ranges: Vec<RangeCheck> = Vec::new();
        for (index, range) in checks.ranges.into_iter().enumerate() {
            let entry = format!("核对规则 ranges 第 {} 条（{}）", index + 1, range.indicator);
            let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
            let problem = if !known(&range.indicator) {
                Some(("indicator", "本规划中已有的指标 id".to_string()))
            } else if range.min.is_none() && range.max.is_none() {
                Some(("min", "min 或 max 至少一项".into()))
            } else if !finite(range.min) || !finite(range.max) {
                Some(("max", "有限数值".into()))
            } else if range.min.zip(range.max).is_some_and(|(min, max)| min > max) {
                Some(("max", "不小于 min 的数值".into()))
            } else if ranges.iter().any(|r| r.indicator == range.indicator) {
                Some(("indicator", "每个指标只有一条范围（与前面的重复）".into()))
            } else if range.reason.trim().is_empty() {
                Some(("reason", "说明该范围的理由".into()))
            } else {
                None
            };
            match problem {
                Some((field, expected)) => problems.push(dropped(entry, field, expected)),
                None => ranges.push(range),
            }
        }

        let mut relations: Vec<RelationCheck> = Vec::new();
        for (index, relation) in checks.relations.into_iter().enumerate() {
            let entry = format!(
                "核对规则 relations 第 {} 条（{}）",
                index + 1,
                relation.indicators.join(" ≤ ")
            );
            let units: Vec<Option<Unit>> = relation
                .indicators
                .iter()
                .filter_map(|id| self.indicator(id))
                .map(|i| Unit::parse(&i.unit))
                .collect();
            let problem = if relation.indicators.len() < 2 {
                Some(("indicators", "至少两个指标".to_string()))
            } else if let Some(unknown) = relation.indicators.iter().find(|id| !known(id)) {
                Some((
                    "indicators",
                    format!("本规划中已有的指标 id（没有 “{unknown}”）"),
                ))
            } else if units.windows(2).any(|w| w[0] != w[1]) {
                Some(("indicators", "单位相同的指标".into()))
            } else if let Some(id) = loops_back(&relations, &relation.indicators) {
                Some((
                    "indicators",
                    format!("不成环的顺序（“{id}”与其他规则一起构成了 a ≤ b ≤ a）"),
                ))
            } else if relation.reason.trim().is_empty() {
                Some(("reason", "说明该关系的理由".into()))
            } else {
                None
            };
            match problem {
                Some((field, expected)) => problems.push(dropped(entry, field, expected)),
                None => relations.push(relation),
            }
        }

        let mut yearly_change: Vec<YearlyChangeCheck> = Vec::new();
        for (index, change) in checks.yearly_change.into_iter().enumerate() {
            let entry = format!(
                "核对规则 yearly_change 第 {} 条（{}）",
                index + 1,
                change.indicator
            );
            let problem = if !known(&change.indicator) {
                Some(("indicator", "本规划中已有的指标 id"))
            } else if !(change.max.is_finite() && change.max > 0.0) {
                Some(("max", "大于 0 的数值"))
            } else if yearly_change
                .iter()
                .any(|c| c.indicator == change.indicator)
            {
                Some(("indicator", "每个指标只有一条（与前面的重复）"))
            } else if change.reason.trim().is_empty() {
                Some(("reason", "说明该限度的理由"))
            } else {
                None
            };
            match problem {
                Some((field, expected)) => problems.push(dropped(entry, field, expected)),
                None => yearly_change.push(change),
            }
        }

        self.checks = Checks {
            ranges,
            relations,
            yearly_change,
        };
        problems
    }
}

/// The first indicator of `chain` that the relations kept so far (and the chain itself) already
/// put at or below a later one of the chain … or above it: a ≤ b with b ≤ a, or a repeated id.
fn loops_back<'a>(kept: &[RelationCheck], chain: &'a [String]) -> Option<&'a str> {
    let mut edges: Vec<(&str, &str)> = kept
        .iter()
        .flat_map(|r| {
            r.indicators
                .windows(2)
                .map(|w| (w[0].as_str(), w[1].as_str()))
        })
        .collect();
    edges.extend(chain.windows(2).map(|w| (w[0].as_str(), w[1].as_str())));
    // A loop: some indicator of the chain reaches itself.
    chain.iter().map(String::as_str).find(|&start| {
        let mut seen: Vec<&str> = Vec::new();
        let mut frontier = vec![start];
        while let Some(at) = frontier.pop() {
            for &(from, to) in &edges {
                if from == at {
                    if to == start {
                        return true;
                    }
                    if !seen.contains(&to) {
                        seen.push(to);
                        frontier.push(to);
                    }
                }
            }
        }
        false
    })
}

fn dropped(entry: String, field: &'static str, expected: impl Into<String>) -> PlanError {
    PlanError::CheckDropped {
        entry,
        field,
        expected: expected.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn plan_with(checks: &str) -> Plan {
        let text = format!(
            r#"{{"schema":"duibiao-plan/2","id":"t","title":"T","period":{{"start":2021,"end":2025}},
            "baseline_year":2020,"domains":[{{"id":"health","name":"儿童与健康"}}],
            "indicators":[{},{},{}], "checks": {checks}}}"#,
            indicator("neonatal", "新生儿死亡率", "‰"),
            indicator("infant", "婴儿死亡率", "‰"),
            indicator("coverage", "覆盖率", "%"),
        );
        Plan::from_json(&text).unwrap()
    }

    fn indicator(id: &str, name: &str, unit: &str) -> String {
        format!(
            r#"{{"id":"{id}","domain":"health","name":"{name}","unit":"{unit}","baseline":null,
            "target":{{"op":"<=","value":5,"year":2025,"text":"5以下"}},"kind":"threshold",
            "source":{{"section":"s","quote":"控制在5以下"}}}}"#
        )
    }

    fn fields(plan: &Plan) -> Vec<(&'static str, String)> {
        plan.check_problems
            .iter()
            .map(|p| match p {
                PlanError::CheckDropped { field, entry, .. } => (*field, entry.clone()),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn good_checks_are_kept() {
        let plan = plan_with(
            r#"{"ranges":[{"indicator":"coverage","max":150,"reason":"毛入学率可超过 100%"}],
                "relations":[{"indicators":["neonatal","infant"],"reason":"新生儿是婴儿的一部分"}],
                "yearly_change":[{"indicator":"infant","max":3,"reason":"一年很少变化 3‰ 以上"}]}"#,
        );
        assert!(plan.check_problems.is_empty(), "{:?}", plan.check_problems);
        assert_eq!(
            plan.checks.range_of("coverage").and_then(|r| r.max),
            Some(150.0)
        );
        assert_eq!(plan.checks.relations.len(), 1);
        assert!(plan.checks.yearly_change_of("infant").is_some());
    }

    #[test]
    fn unusable_checks_are_dropped_by_name_and_the_plan_is_kept() {
        let plan = plan_with(
            r#"{"ranges":[{"indicator":"nowhere","max":1,"reason":"r"},
                          {"indicator":"coverage","min":90,"max":10,"reason":"r"},
                          {"indicator":"infant","max":100,"reason":""}],
                "relations":[{"indicators":["neonatal","infant"],"reason":"part"},
                             {"indicators":["infant","neonatal"],"reason":"loop"},
                             {"indicators":["infant","coverage"],"reason":"units"},
                             {"indicators":["infant","ghost"],"reason":"unknown"}],
                "yearly_change":[{"indicator":"infant","max":-1,"reason":"r"}]}"#,
        );
        let fields = fields(&plan);
        let expected = [
            ("indicator", "ranges 第 1 条（nowhere）"),
            ("max", "ranges 第 2 条（coverage）"),
            ("reason", "ranges 第 3 条（infant）"),
            ("indicators", "relations 第 2 条（infant ≤ neonatal）"),
            ("indicators", "relations 第 3 条"),
            ("indicators", "relations 第 4 条"),
            ("max", "yearly_change 第 1 条（infant）"),
        ];
        assert_eq!(fields.len(), expected.len(), "{fields:?}");
        for ((field, entry), (want_field, want_entry)) in fields.iter().zip(expected) {
            assert_eq!(*field, want_field, "{entry}");
            assert!(
                entry.contains(want_entry),
                "{entry} should name {want_entry}"
            );
        }
        assert_eq!(plan.indicators.len(), 3, "the targets are all there");
        assert_eq!(plan.checks.relations.len(), 1, "the good relation is kept");
        assert!(plan.checks.ranges.is_empty());
    }

    #[test]
    fn a_relation_that_repeats_an_indicator_is_a_loop() {
        let plan = plan_with(
            r#"{"relations":[{"indicators":["infant","neonatal","infant"],"reason":"r"}]}"#,
        );
        assert_eq!(fields(&plan).len(), 1);
        assert!(plan.check_problems[0].message_zh().contains("不成环"));
    }
}
