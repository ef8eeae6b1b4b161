//! The rules a plan file must follow beyond its JSON shape, each refusal naming the entry and
//! the field (`PlanError::Invalid`).

use super::schema::{Indicator, Kind, Op, Plan};
use super::{PlanError, PLAN_SCHEMA, PLAN_SCHEMA_1};

impl Plan {
    /// The schema, the plan's own facts, its regions, then each indicator.
    pub(super) fn validate(&self) -> Result<(), PlanError> {
        self.validate_facts()?;
        if let Some(region) = self.regions.iter().find(|r| r.name.trim().is_empty()) {
            return Err(invalid(
                format!(
                    "地区 “{}”（别名 {}）",
                    region.name,
                    region.aliases.join("、")
                ),
                "name",
                "非空的地区名称",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (index, indicator) in self.indicators.iter().enumerate() {
            let entry = format!("第 {} 个指标（id “{}”）", index + 1, indicator.id);
            if !seen.insert(indicator.id.as_str()) {
                return Err(invalid(entry, "id", "在本文件中唯一（与前面的指标重复）"));
            }
            self.validate_indicator(&entry, indicator)?;
        }
        Ok(())
    }

    /// The schema version, the id, the period, the base year and the monitoring cycle.
    fn validate_facts(&self) -> Result<(), PlanError> {
        if self.schema != PLAN_SCHEMA && self.schema != PLAN_SCHEMA_1 {
            return Err(PlanError::WrongSchema {
                found: self.schema.clone(),
            });
        }
        let plan_entry = || format!("规划 “{}”", self.id);
        // A reader of schema 1 would refuse the fields schema 2 added: a file that uses them
        // says so.
        if self.schema == PLAN_SCHEMA_1 && (self.sample.is_some() || !self.checks.is_empty()) {
            return Err(invalid(
                plan_entry(),
                "schema",
                format!("“{PLAN_SCHEMA}”（sample 和 checks 是第 2 版的字段）"),
            ));
        }
        if !is_snake_case_id(&self.id) {
            return Err(invalid(
                plan_entry(),
                "id",
                "由小写字母、数字、- 或 _ 组成的标识",
            ));
        }
        if self.period.start > self.period.end {
            return Err(invalid(plan_entry(), "period", "start 不晚于 end"));
        }
        // The straight-line path runs from the base year to the end: it needs a length.
        if self.baseline_year >= self.period.end {
            return Err(invalid(
                plan_entry(),
                "baseline_year",
                "早于 period.end 的年份",
            ));
        }
        match self.monitoring.midterm_year {
            Some(year) if !(self.period.start..=self.period.end).contains(&year) => Err(invalid(
                plan_entry(),
                "monitoring.midterm_year",
                "规划期内的年份",
            )),
            _ => Ok(()),
        }
    }

    fn validate_indicator(&self, entry: &str, indicator: &Indicator) -> Result<(), PlanError> {
        let entry = entry.to_string();
        if !is_snake_case_id(&indicator.id) {
            return Err(invalid(entry, "id", "由小写字母、数字、- 或 _ 组成的标识"));
        }
        if indicator.name.trim().is_empty() {
            return Err(invalid(entry, "name", "非空的指标名称"));
        }
        if self.domain(&indicator.domain).is_none() {
            let known: Vec<&str> = self.domains.iter().map(|d| d.id.as_str()).collect();
            return Err(invalid(
                entry,
                "domain",
                format!("domains 中的一项（{}）", known.join("、")),
            ));
        }
        validate_target(&entry, indicator)?;
        if indicator
            .baseline
            .as_ref()
            .is_some_and(|b| !b.value.is_finite())
        {
            return Err(invalid(entry, "baseline.value", "有限数值"));
        }
        if indicator.source.quote.trim().is_empty() {
            return Err(invalid(entry, "source.quote", "规划原文中的句子"));
        }
        Ok(())
    }
}

fn validate_target(entry: &str, indicator: &Indicator) -> Result<(), PlanError> {
    let target = &indicator.target;
    let entry = entry.to_string();
    let needs_value = !matches!(target.op, Op::IncreaseYearly | Op::Qualitative);
    match (needs_value, target.value) {
        (true, None) => return Err(invalid(entry, "target.value", "数值（该 op 需要目标值）")),
        (true, Some(v)) if !v.is_finite() => {
            return Err(invalid(entry, "target.value", "有限数值"))
        }
        (false, Some(_)) => {
            return Err(invalid(
                entry,
                "target.value",
                "null（increase_yearly 与 qualitative 没有目标值）",
            ))
        }
        _ => {}
    }
    match (target.op, target.upper) {
        (Op::Range, None) => return Err(invalid(entry, "target.upper", "range 的上限数值")),
        (Op::Range, Some(upper)) if target.value.is_some_and(|lower| upper <= lower) => {
            return Err(invalid(entry, "target.upper", "大于 target.value 的上限"))
        }
        (op, Some(_)) if op != Op::Range => {
            return Err(invalid(entry, "target.upper", "省略（只有 range 有上限）"))
        }
        _ => {}
    }
    match (target.op, target.base_year) {
        (Op::DecreasePpYearly, None) => {
            return Err(invalid(entry, "target.base_year", "逐年下降的起算年份"))
        }
        (op, Some(_)) if op != Op::DecreasePpYearly => {
            return Err(invalid(
                entry,
                "target.base_year",
                "省略（只有 decrease_pp_yearly 有起算年份）",
            ))
        }
        _ => {}
    }
    let kind_fits = match indicator.kind {
        Kind::IncreaseYearly => target.op == Op::IncreaseYearly,
        Kind::DecreasePpYearly => target.op == Op::DecreasePpYearly,
        Kind::Qualitative => target.op == Op::Qualitative,
        Kind::Threshold | Kind::Maintain | Kind::Count => !matches!(
            target.op,
            Op::IncreaseYearly | Op::DecreasePpYearly | Op::Qualitative
        ),
    };
    if !kind_fits {
        return Err(invalid(
            entry,
            "kind",
            format!("与 target.op “{}” 相符的类型", target.op.symbol()),
        ));
    }
    if target.text.trim().is_empty() {
        return Err(invalid(entry, "target.text", "规划原文对目标的表述"));
    }
    Ok(())
}

fn invalid(entry: String, field: &'static str, expected: impl Into<String>) -> PlanError {
    PlanError::Invalid {
        entry,
        field,
        expected: expected.into(),
    }
}

fn is_snake_case_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use crate::numbers::Comparator;

    fn minimal(indicator: &str) -> String {
        format!(
            r#"{{"schema":"duibiao-plan/2","id":"t","title":"T","period":{{"start":2021,"end":2025}},
            "baseline_year":2020,"domains":[{{"id":"health","name":"儿童与健康"}}],
            "indicators":[{indicator}]}}"#
        )
    }

    const GOOD: &str = r#"{"id":"infant_mortality","domain":"health","name":"婴儿死亡率","unit":"‰",
        "baseline":null,"target":{"op":"<=","value":5,"year":2025,"text":"5‰以下"},"kind":"threshold",
        "source":{"section":"s","quote":"控制在5‰以下"}}"#;

    fn error_of(indicator: &str) -> PlanError {
        Plan::from_json(&minimal(indicator)).unwrap_err()
    }

    #[test]
    fn a_good_minimal_plan_loads() {
        let plan = Plan::from_json(&minimal(GOOD)).unwrap();
        assert_eq!(plan.indicators[0].target.op, Op::Compare(Comparator::Le));
    }

    #[test]
    fn each_malformed_plan_names_entry_and_field() {
        let cases: &[(&str, &str)] = &[
            (r#""domain":"health""#, r#""domain":"nowhere""#),
            (r#""id":"infant_mortality""#, r#""id":"Infant Mortality""#),
            (r#""value":5,"#, r#""value":null,"#),
            (r#""op":"<=""#, r#""op":"range""#),
            (r#""kind":"threshold""#, r#""kind":"qualitative""#),
            (r#""text":"5‰以下""#, r#""text":"""#),
            (r#""quote":"控制在5‰以下""#, r#""quote":" ""#),
        ];
        let fields = [
            "domain",
            "id",
            "target.value",
            "target.upper",
            "kind",
            "target.text",
            "source.quote",
        ];
        for ((from, to), field) in cases.iter().zip(fields) {
            let broken = GOOD.replace(from, to);
            assert_ne!(broken, GOOD, "replacement {from} did not apply");
            match error_of(&broken) {
                PlanError::Invalid {
                    entry, field: f, ..
                } => {
                    assert_eq!(f, field, "for {to}");
                    assert!(entry.contains("第 1 个指标"), "{entry}");
                }
                other => panic!("expected Invalid for {to}, got {other:?}"),
            }
        }
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let err = error_of(&format!("{GOOD},{GOOD}"));
        assert!(
            matches!(err, PlanError::Invalid { field: "id", ref entry, .. } if entry.contains("第 2 个"))
        );
    }

    #[test]
    fn unknown_fields_and_bad_ops_are_syntax_errors_with_position() {
        let err = error_of(&GOOD.replace(r#""unit":"‰""#, r#""units":"‰""#));
        assert!(
            matches!(&err, PlanError::Syntax { message, .. } if message.contains("units")),
            "{err:?}"
        );
        let err = error_of(&GOOD.replace(r#""op":"<=""#, r#""op":"≤""#));
        assert!(
            matches!(&err, PlanError::Syntax { at: Some(_), .. }),
            "{err:?}"
        );
    }

    #[test]
    fn wrong_schema_is_named() {
        let text = minimal(GOOD).replace("duibiao-plan/2", "other/9");
        assert_eq!(
            Plan::from_json(&text).unwrap_err(),
            PlanError::WrongSchema {
                found: "other/9".into()
            }
        );
    }

    #[test]
    fn range_needs_an_upper_bound_above_the_value() {
        let range = GOOD.replace(r#""op":"<=""#, r#""op":"range","upper":4"#);
        assert!(matches!(
            error_of(&range),
            PlanError::Invalid {
                field: "target.upper",
                ..
            }
        ));
    }

    #[test]
    fn schema_1_files_load_without_the_fields_of_schema_2() {
        let v1 = minimal(GOOD).replace("duibiao-plan/2", "duibiao-plan/1");
        assert!(Plan::from_json(&v1).is_ok());
        let with_sample = v1.replace(
            r#""baseline_year""#,
            r#""sample":{"file":"s.xlsx"},"baseline_year""#,
        );
        assert!(matches!(
            Plan::from_json(&with_sample),
            Err(PlanError::Invalid {
                field: "schema",
                ..
            })
        ));
        let v2 = with_sample.replace("duibiao-plan/1", "duibiao-plan/2");
        assert_eq!(Plan::from_json(&v2).unwrap().sample.unwrap().file, "s.xlsx");
    }
}
