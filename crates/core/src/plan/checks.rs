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
    /// Ranges that differ from the unit's (% 0–100, ‰ 0–1000, a count ≥ 0): `indicator`, `min`
    /// and/or `max`.
    #[serde(default)]
    pub ranges: Vec<Check>,
    /// `indicators` in order, each never above the next (a part before its whole).
    #[serde(default)]
    pub relations: Vec<Check>,
    /// The change of `indicator` in a year (`max`, in its unit) beyond which a figure is unusual
    /// (a warning, not a demotion).
    #[serde(default)]
    pub yearly_change: Vec<Check>,
}

/// One check, of whichever list holds it; each list uses the fields its comment names. (One
/// type for the three: the worker's plan reader costs wasm bytes per type.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub indicators: Vec<String>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    pub reason: String,
}

impl Checks {
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty() && self.relations.is_empty() && self.yearly_change.is_empty()
    }

    pub fn range_of(&self, indicator_id: &str) -> Option<&Check> {
        self.ranges.iter().find(|r| r.indicator == indicator_id)
    }

    pub fn yearly_change_of(&self, indicator_id: &str) -> Option<&Check> {
        self.yearly_change
            .iter()
            .find(|c| c.indicator == indicator_id)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum List {
    Ranges,
    Relations,
    YearlyChange,
}

impl Plan {
    /// Drops the checks that cannot be used and says why, one message per check dropped.
    pub(super) fn sort_out_checks(&mut self) -> Vec<PlanError> {
        let mut problems = Vec::new();
        let checks = std::mem::take(&mut self.checks);
        let mut kept = Checks::default();
        for (list, name, given) in [
            (List::Ranges, "ranges", checks.ranges),
            (List::Relations, "relations", checks.relations),
            (List::YearlyChange, "yearly_change", checks.yearly_change),
        ] {
            for (index, check) in given.into_iter().enumerate() {
                let kept_list = match list {
                    List::Ranges => &mut kept.ranges,
                    List::Relations => &mut kept.relations,
                    List::YearlyChange => &mut kept.yearly_change,
                };
                match self.check_problem(list, &check, kept_list) {
                    Some((field, expected)) => {
                        let what = if list == List::Relations {
                            check.indicators.join(" ≤ ")
                        } else {
                            check.indicator.clone()
                        };
                        problems.push(PlanError::CheckDropped {
                            entry: format!("核对规则 {name} 第 {} 条（{what}）", index + 1),
                            field,
                            expected,
                        });
                    }
                    None => kept_list.push(check),
                }
            }
        }
        self.checks = kept;
        problems
    }

    /// What is wrong with a check of `list`, given the checks of that list kept so far.
    fn check_problem(
        &self,
        list: List,
        check: &Check,
        kept: &[Check],
    ) -> Option<(&'static str, String)> {
        let known = |id: &str| self.indicator(id).is_some();
        let problem = |field, expected: &str| Some((field, expected.to_string()));
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if list == List::Relations {
            let units: Vec<Option<Unit>> = check
                .indicators
                .iter()
                .filter_map(|id| self.indicator(id))
                .map(|i| Unit::parse(&i.unit))
                .collect();
            if check.indicators.len() < 2 || !check.indicator.is_empty() {
                return problem("indicators", "至少两个指标的 id（关系只用 indicators）");
            }
            if let Some(unknown) = check.indicators.iter().find(|id| !known(id)) {
                return Some((
                    "indicators",
                    format!("本规划中已有的指标 id（没有 “{unknown}”）"),
                ));
            }
            if units.windows(2).any(|w| w[0] != w[1]) {
                return problem("indicators", "单位相同的指标");
            }
            if let Some(id) = loops_back(kept, &check.indicators) {
                return Some((
                    "indicators",
                    format!("不成环的顺序（“{id}”与其他规则一起构成了 a ≤ b ≤ a）"),
                ));
            }
            if check.min.is_some() || check.max.is_some() {
                return problem("max", "省略（关系没有 min 和 max）");
            }
        } else {
            if !known(&check.indicator) || !check.indicators.is_empty() {
                return problem(
                    "indicator",
                    "本规划中已有的指标 id（此类规则只用 indicator）",
                );
            }
            if kept.iter().any(|k| k.indicator == check.indicator) {
                return problem("indicator", "每个指标只有一条（与前面的重复）");
            }
            if !finite(check.min) || !finite(check.max) {
                return problem("max", "有限数值");
            }
            let range_problem = match list {
                List::Ranges if check.min.is_none() && check.max.is_none() => {
                    Some("min 或 max 至少一项")
                }
                List::Ranges if check.min.zip(check.max).is_some_and(|(a, b)| a > b) => {
                    Some("不小于 min 的数值")
                }
                List::YearlyChange
                    if check.min.is_some() || !check.max.is_some_and(|m| m > 0.0) =>
                {
                    Some("大于 0 的数值（一年内通常的最大变化；不用 min）")
                }
                _ => None,
            };
            if let Some(expected) = range_problem {
                return problem("max", expected);
            }
        }
        if check.reason.trim().is_empty() {
            return problem("reason", "说明这条规则的理由");
        }
        None
    }
}

/// The first indicator of `chain` that the relations kept so far (and the chain itself) already
/// put at or below a later one of the chain … or above it: a ≤ b with b ≤ a, or a repeated id.
fn loops_back<'a>(kept: &[Check], chain: &'a [String]) -> Option<&'a str> {
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
