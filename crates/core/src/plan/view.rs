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
    /// The raw source: the section and the text as published (a table row flattened).
    pub source: Source,
    /// The plan's words as a reader should see them ([`super::Indicator::plan_words`]): a table
    /// row rebuilt "名称（单位）｜2020 年 2.94｜2025 年 4.5", else the quote.
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
                    plan_words: i.plan_words(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_table_row_reads_as_a_row_and_a_sentence_as_written() {
        let view = PlanView::from(&Plan::default_plan());
        let nursery = view.indicator("nursery_places_per_1000_people").unwrap();
        assert_eq!(
            nursery.plan_words,
            "每千人拥有3岁以下婴幼儿托位数（个）｜2020 年 2.94｜2025 年 4.5"
        );
        assert_eq!(
            nursery.source.quote, "3每千人拥有3岁以下婴幼儿托位数(个)2.944.5",
            "the raw text is kept"
        );
        let defects = view.indicator("severe_birth_defect_rate").unwrap();
        assert_eq!(
            defects.plan_words,
            "严重致残的出生缺陷发生率（1/‰）｜2020 年 7.06｜2025 年 <9.5"
        );
        for indicator in view.indicators.iter().filter(|i| !i.key) {
            assert_eq!(
                indicator.plan_words, indicator.source.quote,
                "{}",
                indicator.id
            );
        }
    }

    #[test]
    fn a_row_number_run_into_the_name_is_a_table_row_whatever_the_section() {
        let row = Source {
            section: "附件".into(),
            quote: "12孕产妇死亡率(1/10万)<10".into(),
        };
        assert!(row.is_table_row("孕产妇死亡率"));
        let sentence = Source {
            section: "二、(二)儿童与健康 第1条".into(),
            quote: "孕产妇死亡率控制在10/10万以下".into(),
        };
        assert!(!sentence.is_table_row("孕产妇死亡率"));
    }
}
