//! The plan catalogue: a plan's targets as data, loaded from a JSON file and validated.
//!
//! The built-in plans are embedded at compile time from the list `static/plans/built-in.json`
//! ([`built_in`]); any other file with the same schema can be loaded instead (`--plan FILE`, or a
//! plan file picked in the page). See `docs/plan-format.md`. The module holds the schema, the rules
//! a file must follow beyond its shape (`validate`), and the check of a file against the plan's
//! published text (`source_check`).

pub mod built_in;
mod checks;
pub mod draft;
mod error;
mod schema;
mod source_check;
mod validate;
mod view;

pub use checks::{Check, Checks};
pub use error::PlanError;
pub use schema::*;
pub use view::{IndicatorView, PlanView};

use crate::regions::RegionBook;
use crate::Codecs;

/// The schema tag of the plan files this version writes …
pub const PLAN_SCHEMA: &str = "duibiao-plan/2";
/// … and of the first version, which it still reads (schema 2 added `sample`).
pub const PLAN_SCHEMA_1: &str = "duibiao-plan/1";

impl Plan {
    /// Parses (with the host's JSON parser) and validates a plan file.
    pub fn read(text: &str, codecs: &Codecs) -> Result<Plan, PlanError> {
        let mut plan = (codecs.parse_plan)(text.trim_start_matches('\u{feff}'))?;
        plan.validate()?;
        plan.check_problems = plan.sort_out_checks();
        Ok(plan)
    }

    /// [`Plan::read`] with the core's own JSON parser.
    #[cfg(feature = "own-codecs")]
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        Plan::read(text, &Codecs::OWN)
    }

    /// The plan as a plan file writes it: the optional fields that say nothing (no sample, no
    /// upper bound, an empty list of aliases or checks …) left out, as a person writes them.
    /// (The types themselves serialise every field: the workers pass plans as postcard, which
    /// has no field names and so cannot skip one.)
    #[cfg(feature = "own-codecs")]
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut json = serde_json::to_value(self)?;
        prune(&mut json, false);
        serde_json::to_string_pretty(&json)
    }

    /// The built-in plan in use unless another is chosen, read with the core's own parser.
    #[cfg(feature = "own-codecs")]
    pub fn default_plan() -> Plan {
        built_in::default_plan(&Codecs::OWN)
    }

    /// Whether a year lies within the plan's reach, from its base year to its end: outside it
    /// there is no line from the base to the target to judge a value on.
    pub fn covers_year(&self, year: i32) -> bool {
        (self.baseline_year..=self.period.end).contains(&year)
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
}

/// Fields a plan file may leave out when they say nothing: everywhere, and inside `checks`.
#[cfg(feature = "own-codecs")]
const OPTIONAL: [&str; 7] = [
    "sample",
    "midterm_year",
    "aliases",
    "whole",
    "quote",
    "upper",
    "base_year",
];
#[cfg(feature = "own-codecs")]
const OPTIONAL_IN_CHECKS: [&str; 7] = [
    "indicator",
    "indicators",
    "min",
    "max",
    "ranges",
    "relations",
    "yearly_change",
];

#[cfg(feature = "own-codecs")]
fn prune(value: &mut serde_json::Value, in_checks: bool) {
    use serde_json::Value;
    match value {
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                prune(field, in_checks || key == "checks");
            }
            // An empty string says nothing only in a check (`indicator` of a relation): elsewhere
            // it is a field's value (an excluded sentence's `quote` is required).
            let says_nothing = |v: &Value| match v {
                Value::Null | Value::Bool(false) => true,
                Value::String(s) => in_checks && s.is_empty(),
                Value::Array(a) => a.is_empty(),
                Value::Object(o) => o.is_empty(),
                Value::Number(_) | Value::Bool(true) => false,
            };
            fields.retain(|key, field| {
                let optional = OPTIONAL.contains(&key.as_str())
                    || key == "checks"
                    || (in_checks && OPTIONAL_IN_CHECKS.contains(&key.as_str()));
                !(optional && says_nothing(field))
            });
        }
        Value::Array(items) => items.iter_mut().for_each(|item| prune(item, in_checks)),
        _ => {}
    }
}
