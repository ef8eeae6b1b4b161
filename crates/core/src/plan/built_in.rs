//! The plans built into the app, from the list `static/plans/built-in.json` (crates/core/build.rs):
//! each file's JSON, and a summary of each that the page shows before its reader has loaded. The
//! first in the list is the plan in use by default. Nothing here names a plan: adding one is adding
//! its file and its line in the list.

use super::Plan;
use crate::Codecs;

/// What the page shows of a built-in plan before it has the plan itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The plan file's name in `static/plans/` (and so in the page's `plans/`).
    pub file: &'static str,
    pub id: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    pub start: i32,
    pub end: i32,
    /// How many targets it holds.
    pub targets: usize,
    /// Its first note (for a plan without targets, why).
    pub first_note: &'static str,
    pub sample: Option<SampleSummary>,
}

/// A built-in plan's sample: `file` relative to the plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleSummary {
    pub file: &'static str,
    pub name: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/built_in_plans.rs"));

/// The plan in use unless another is chosen: the first in the list.
pub fn default_plan(codecs: &Codecs) -> Plan {
    // ok: every built-in plan is read by the test `every_built_in_plan_is_valid`, and build.rs
    // refuses an empty list.
    Plan::read(FILES[0].1, codecs).expect("the built-in plans are valid")
}

/// A built-in plan by its file name.
pub fn plan(file: &str, codecs: &Codecs) -> Option<Plan> {
    let (_, json) = FILES.iter().find(|(name, _)| *name == file)?;
    Plan::read(json, codecs).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_plan_is_valid_and_summarised_as_it_reads() {
        assert_eq!(FILES.len(), SUMMARIES.len());
        for ((file, json), summary) in FILES.iter().zip(SUMMARIES) {
            let plan = Plan::read(json, &Codecs::OWN).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(summary.file, *file);
            assert_eq!(summary.id, plan.id);
            assert_eq!(summary.title, plan.title);
            assert_eq!(
                (summary.start, summary.end),
                (plan.period.start, plan.period.end)
            );
            assert_eq!(summary.targets, plan.indicators.len());
            assert_eq!(
                summary.first_note,
                plan.notes.first().map_or("", String::as_str)
            );
            assert_eq!(
                summary.sample.map(|s| s.file),
                plan.sample.as_ref().map(|s| s.file.as_str())
            );
        }
    }

    #[test]
    fn each_plan_writes_back_as_its_file_and_crosses_to_a_worker_whole() {
        for (file, json) in FILES {
            let plan = Plan::read(json, &Codecs::OWN).unwrap();
            let written = plan.to_json().unwrap();
            assert_eq!(Plan::read(&written, &Codecs::OWN).unwrap(), plan, "{file}");
            for says_nothing in [
                "\"quote\": null",
                "\"upper\": null",
                "\"base_year\": null",
                "\"sample\": null",
                "\"midterm_year\": null",
                "\"whole\": false",
                "\"aliases\": []",
                "check_problems",
            ] {
                assert!(!written.contains(says_nothing), "{file}: {says_nothing}");
            }
            let bytes = crate::protocol::encode(&plan).unwrap();
            let decoded: Plan = crate::protocol::decode(&bytes).unwrap();
            assert_eq!(decoded, plan, "{file}: as postcard");
        }
    }

    #[test]
    fn the_default_is_the_first_listed() {
        assert_eq!(Plan::default_plan().id, SUMMARIES[0].id);
        assert_eq!(
            plan(SUMMARIES[1].file, &Codecs::OWN).map(|p| p.id),
            Some(SUMMARIES[1].id.to_string())
        );
        assert_eq!(plan("nowhere.json", &Codecs::OWN), None);
    }
}
