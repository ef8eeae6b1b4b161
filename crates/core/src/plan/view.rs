//! What the page shows of a plan: its names, period, notes, sample, chapters and, per indicator,
//! its name, chapter and the sentence it comes from. No target, base or rule: the reader
//! evaluates, the page only draws what the report says (and deserialises less: the whole `Plan`
//! cost its wasm about 6 kB gzip).

use super::{Domain, Period, Plan, Sample, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanView {
    pub title: String,
    pub title_en: String,
    pub period: Period,
    pub baseline_year: i32,
    pub notes: Vec<String>,
    pub sample: Option<Sample>,
    pub domains: Vec<Domain>,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: String,
    pub domain: String,
    /// In the plan's key-indicator table.
    pub key: bool,
    pub name: String,
    pub name_en: String,
    pub notes: Vec<String>,
    pub source: Source,
    /// The plan's words as the page shows them (a table row rebuilt; else the quote).
    pub plan_words: String,
}

impl From<&Plan> for PlanView {
    fn from(plan: &Plan) -> PlanView {
        PlanView {
            title: plan.title.clone(),
            title_en: plan.title_en.clone(),
            period: plan.period,
            baseline_year: plan.baseline_year,
            notes: plan.notes.clone(),
            sample: plan.sample.clone(),
            domains: plan.domains.clone(),
            indicators: plan
                .indicators
                .iter()
                .map(|i| IndicatorView {
                    id: i.id.clone(),
                    domain: i.domain.clone(),
                    key: i.key,
                    name: i.name.clone(),
                    name_en: i.name_en.clone(),
                    notes: i.notes.clone(),
                    source: i.source.clone(),
                    plan_words: i.source.quote.clone(),
                })
                .collect(),
        }
    }
}

impl PlanView {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorView> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }
}
