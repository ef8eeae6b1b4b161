//! The plan catalogue: a plan's targets as data, loaded from a JSON file and validated.
//!
//! The default plan is embedded at compile time; any other file with the same schema can be
//! loaded instead (`--plan FILE`, or a plan file picked in the page). See `docs/plan-format.md`.

use crate::regions::{Region, RegionBook};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The schema tag every plan file must carry.
pub const PLAN_SCHEMA: &str = "duibiao-plan/1";

/// The children's plan the tool was built for.
pub const DEFAULT_PLAN_JSON: &str = include_str!("../static/plans/quzhou-children-2021-2025.json");
/// The women's plan: listed, but its targets are not in the published text.
pub const WOMEN_PLAN_JSON: &str = include_str!("../static/plans/quzhou-women-2021-2025.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: String,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub period: Period,
    pub baseline_year: i32,
    /// Which years are reviews rather than yearly monitoring.
    #[serde(default)]
    pub monitoring: Monitoring,
    /// The regions the plan reports on; a file may name others, recognised by their suffix.
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub source_document: String,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub domains: Vec<Domain>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub excluded: Vec<Excluded>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// The plan's monitoring cycle: every year is 年度监测 but the mid-term year (中期评估) and the
/// end of the period (终期评估).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midterm_year: Option<i32>,
}

/// What a check of one year is, in the plan's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Annual,
    Midterm,
    Final,
}

impl CheckKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            CheckKind::Annual => "年度监测",
            CheckKind::Midterm => "中期评估",
            CheckKind::Final => "终期评估",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CheckKind::Annual => "annual monitoring",
            CheckKind::Midterm => "mid-term evaluation",
            CheckKind::Final => "final evaluation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub domain: String,
    #[serde(default)]
    pub key: bool,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub unit: String,
    pub baseline: Option<Baseline>,
    pub target: Target,
    pub kind: Kind,
    pub source: Source,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub year: i32,
    pub value: f64,
    /// The sentence the value comes from, when it is not the target's own quote (the 十三五
    /// review paragraph gives some 2020 values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub op: Op,
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
    pub year: i32,
    pub text: String,
}

/// How a value is compared with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "=")]
    Eq,
    #[serde(rename = "range")]
    Range,
    #[serde(rename = "increase_yearly")]
    IncreaseYearly,
    #[serde(rename = "decrease_pp_yearly")]
    DecreasePpYearly,
    #[serde(rename = "qualitative")]
    Qualitative,
}

impl Target {
    /// The target in symbols, as the report and the page show it: "≤5‰", "<8.78/10万", "≥90%",
    /// "1–2个", "逐年增加"; the plan's own words are in `text`.
    pub fn display(&self, unit: &str, lang_en: bool) -> String {
        let unit = display_unit(unit);
        let number = |v: Option<f64>| v.map(crate::numbers::trim_float).unwrap_or_default();
        match self.op {
            Op::Lt | Op::Le | Op::Gt | Op::Ge | Op::Eq => {
                format!("{}{}{unit}", self.op.symbol(), number(self.value))
            }
            Op::Range => format!("{}–{}{unit}", number(self.value), number(self.upper)),
            Op::IncreaseYearly if lang_en => "increase every year".into(),
            Op::IncreaseYearly => "逐年增加".into(),
            Op::DecreasePpYearly if lang_en => format!(
                "−{} point(s) a year from {}",
                number(self.value),
                self.base_year.map(|y| y.to_string()).unwrap_or_default()
            ),
            Op::DecreasePpYearly => format!(
                "自{}年起每年降低{}个百分点",
                self.base_year.map(|y| y.to_string()).unwrap_or_default(),
                number(self.value)
            ),
            Op::Qualitative => self.text.clone(),
        }
    }
}

/// A unit as it reads after a number: the key table's "1/‰" is ‰, "1/10万" reads "/10万".
pub fn display_unit(unit: &str) -> &str {
    match unit {
        "1/‰" => "‰",
        "1/10万" => "/10万",
        other => other,
    }
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::Eq => "=",
            Op::Range => "range",
            Op::IncreaseYearly => "increase_yearly",
            Op::DecreasePpYearly => "decrease_pp_yearly",
            Op::Qualitative => "qualitative",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Threshold,
    Maintain,
    IncreaseYearly,
    DecreasePpYearly,
    Count,
    Qualitative,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub section: String,
    pub quote: String,
}

/// A sentence of the plan left out of the catalogue, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excluded {
    pub quote: String,
    #[serde(default)]
    pub section: String,
    pub reason: String,
}

/// Why a plan file was refused: which entry, which field, what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// Not JSON, or a field of the wrong type or name; serde's message names line and column.
    Syntax {
        message: String,
    },
    WrongSchema {
        found: String,
    },
    Invalid {
        entry: String,
        field: &'static str,
        expected: String,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for PlanError {}

impl PlanError {
    pub fn message_zh(&self) -> String {
        match self {
            PlanError::Syntax { message } => format!("规划文件不是有效的规划 JSON：{message}"),
            PlanError::WrongSchema { found } => {
                format!("规划文件的 schema 应为 “{PLAN_SCHEMA}”，实际为 “{found}”")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!("规划文件中 {entry} 的字段 {field} 有误：应为{expected}")
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            PlanError::Syntax { message } => {
                format!("The plan file is not valid plan JSON: {message}")
            }
            PlanError::WrongSchema { found } => {
                format!("The plan file's schema must be \"{PLAN_SCHEMA}\", found \"{found}\"")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!(
                    "In the plan file, field `{field}` of {entry} is wrong: expected {expected}"
                )
            }
        }
    }
}

impl Plan {
    /// Parses and validates a plan file.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let plan = parse_json(text.trim_start_matches('\u{feff}'))?;
        plan.validate()?;
        Ok(plan)
    }

    /// The embedded children's plan.
    pub fn default_plan() -> Plan {
        // ok: the embedded file is checked by the test `embedded_plans_are_valid`.
        Plan::from_json(DEFAULT_PLAN_JSON).expect("embedded plan is valid")
    }

    /// The embedded women's plan (no targets: see its notes).
    pub fn women_plan() -> Plan {
        // ok: checked by the test `embedded_plans_are_valid`.
        Plan::from_json(WOMEN_PLAN_JSON).expect("embedded plan is valid")
    }

    /// 年度监测, 中期评估 or 终期评估 for a reporting year.
    pub fn check_kind(&self, year: i32) -> CheckKind {
        if year >= self.period.end {
            CheckKind::Final
        } else if self.monitoring.midterm_year == Some(year) {
            CheckKind::Midterm
        } else {
            CheckKind::Annual
        }
    }

    /// The plan's regions with their aliases, for reading files and matching labels.
    pub fn region_book(&self) -> RegionBook {
        RegionBook::new(&self.regions)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// Checks the catalogue against the plan's published text: every quote verbatim, every
    /// figure of a target in its quote, no spelling shared by two indicators. Returns one line
    /// per problem (empty when the catalogue is true to its source).
    pub fn check_against_source(&self, source: &str) -> Vec<String> {
        use crate::numbers::trim_float;
        let mut problems = Vec::new();
        let mut spellings: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for indicator in &self.indicators {
            let id = &indicator.id;
            let quote = &indicator.source.quote;
            let target = &indicator.target;
            if !source.contains(quote.as_str()) {
                problems.push(format!(
                    "{id}: source.quote is not in the plan text: {quote}"
                ));
            }
            if !quote.contains(&target.text) {
                problems.push(format!(
                    "{id}: target.text \"{}\" is not in its quote",
                    target.text
                ));
            }
            for figure in [target.value, target.upper].into_iter().flatten() {
                if !quote.contains(&trim_float(figure)) {
                    problems.push(format!(
                        "{id}: the figure {} is not in its quote",
                        trim_float(figure)
                    ));
                }
            }
            if let Some(year) = target.base_year.filter(|y| !quote.contains(&y.to_string())) {
                problems.push(format!("{id}: base_year {year} is not in its quote"));
            }
            if let Some(baseline) = &indicator.baseline {
                let from = baseline.quote.as_ref().unwrap_or(quote);
                if !source.contains(from.as_str()) {
                    problems.push(format!(
                        "{id}: baseline.quote is not in the plan text: {from}"
                    ));
                }
                if !from.contains(&trim_float(baseline.value)) {
                    problems.push(format!(
                        "{id}: the baseline {} is not in its quote",
                        trim_float(baseline.value)
                    ));
                }
            }
            if target.year != self.period.end {
                problems.push(format!(
                    "{id}: target.year {} is not the plan's end {}",
                    target.year, self.period.end
                ));
            }
            for spelling in std::iter::once(&indicator.name).chain(&indicator.aliases) {
                if let Some(other) = spellings.insert(spelling, id).filter(|other| *other != id) {
                    problems.push(format!("{id}: \"{spelling}\" also names {other}"));
                }
            }
        }
        for excluded in &self.excluded {
            if !source.contains(excluded.quote.as_str()) {
                problems.push(format!(
                    "excluded: not in the plan text: {}",
                    excluded.quote
                ));
            }
        }
        problems
    }

    fn validate(&self) -> Result<(), PlanError> {
        if self.schema != PLAN_SCHEMA {
            return Err(PlanError::WrongSchema {
                found: self.schema.clone(),
            });
        }
        let plan_entry = || format!("规划 “{}”", self.id);
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
        if let Some(year) = self.monitoring.midterm_year {
            if !(self.period.start..=self.period.end).contains(&year) {
                return Err(invalid(
                    plan_entry(),
                    "monitoring.midterm_year",
                    "规划期内的年份",
                ));
            }
        }
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
            if !is_snake_case_id(&indicator.id) {
                return Err(invalid(entry, "id", "由小写字母、数字、- 或 _ 组成的标识"));
            }
            if !seen.insert(indicator.id.as_str()) {
                return Err(invalid(entry, "id", "在本文件中唯一（与前面的指标重复）"));
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
            if let Some(baseline) = &indicator.baseline {
                if !baseline.value.is_finite() {
                    return Err(invalid(entry, "baseline.value", "有限数值"));
                }
            }
            if indicator.source.quote.trim().is_empty() {
                return Err(invalid(entry, "source.quote", "规划原文中的句子"));
            }
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

#[cfg(not(target_arch = "wasm32"))]
fn parse_json(text: &str) -> Result<Plan, PlanError> {
    serde_json::from_str(text).map_err(|e| PlanError::Syntax {
        message: e.to_string(),
    })
}

/// In the browser, the browser's own JSON parser: the reader then links no JSON parser (serde_json
/// was 14 kB gzip of it). `tests/web_components.rs` checks both give the same plans.
#[cfg(target_arch = "wasm32")]
fn parse_json(text: &str) -> Result<Plan, PlanError> {
    use wasm_bindgen::JsCast;
    let value = js_sys::JSON::parse(text).map_err(|e| PlanError::Syntax {
        message: e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "JSON".into(), |e| e.message().into()),
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| PlanError::Syntax {
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_plans_are_valid() {
        let children = Plan::from_json(DEFAULT_PLAN_JSON).unwrap();
        assert!(
            children.indicators.len() >= 30,
            "{}",
            children.indicators.len()
        );
        assert_eq!(children.indicators.iter().filter(|i| i.key).count(), 11);
        let women = Plan::from_json(WOMEN_PLAN_JSON).unwrap();
        assert!(women.indicators.is_empty());
        assert!(!women.notes.is_empty());
    }

    fn minimal(indicator: &str) -> String {
        format!(
            r#"{{"schema":"duibiao-plan/1","id":"t","title":"T","period":{{"start":2021,"end":2025}},
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
        assert_eq!(plan.indicators[0].target.op, Op::Le);
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
            matches!(&err, PlanError::Syntax { message } if message.contains("units")),
            "{err:?}"
        );
        let err = error_of(&GOOD.replace(r#""op":"<=""#, r#""op":"≤""#));
        assert!(
            matches!(&err, PlanError::Syntax { message } if message.contains("line")),
            "{err:?}"
        );
    }

    #[test]
    fn wrong_schema_is_named() {
        let text = minimal(GOOD).replace("duibiao-plan/1", "other/9");
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
}
