//! A plan file against the plan's published text: every target quotes its sentence verbatim and
//! every figure is in its quote (`duibiao plan --source`, and the built-in plan's test).

use super::Plan;
use crate::numbers::trim_float;

impl Plan {
    /// Checks the catalogue against the plan's published text: every quote verbatim, every
    /// figure of a target in its quote, no spelling shared by two indicators. Returns one line
    /// per problem (empty when the catalogue is true to its source).
    pub fn check_against_source(&self, source: &str) -> Vec<String> {
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
}
