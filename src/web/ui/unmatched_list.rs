use super::i18n::Lang;
use super::indicator_select::IndicatorSelect;
use super::shared::Shared;
use duibiao_core::matching::Override;
use duibiao_core::plan::PlanView;
use duibiao_core::report::{Report, UnmatchedWhy};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnmatchedListProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
    /// How many rows are unmatched in all; the report lists the first ones.
    pub total: usize,
    #[prop_or_default]
    pub on_override: Callback<Override>,
}

/// Rows of the file that match no plan indicator, each with a control to map it to one.
#[component]
pub fn UnmatchedList(props: &UnmatchedListProps) -> Html {
    let t = props.lang.texts();
    // One row's mapping control at a time, opened on request: a select of every indicator on each
    // of 200 rows took the page's main thread 370 ms to render.
    let mapping = use_state(|| None::<usize>);
    html! {
        <section class="unmatched" aria-labelledby="unmatched-heading">
            <h2 id="unmatched-heading">{ t.unmatched_heading }</h2>
            if props.report.unmatched.is_empty() {
                <p>{ t.unmatched_none }</p>
            } else {
                <ul>
                    { for props.report.unmatched.iter().enumerate().map(|(i, row)| {
                        let on_choose = {
                            let (on_override, as_written) = (props.on_override.clone(), row.as_written.clone());
                            Callback::from(move |indicator_id: Option<String>| {
                                on_override.emit(Override { as_written: as_written.clone(), indicator_id })
                            })
                        };
                        // The core's words say which row already gives the indicator, when it does.
                        let why = match (props.lang, row.why) {
                            (Lang::Zh, _) if !row.why_words.is_empty() => row.why_words.as_str(),
                            (Lang::En, _) if !row.why_words_en.is_empty() => row.why_words_en.as_str(),
                            (_, UnmatchedWhy::Ambiguous) => t.why_ambiguous,
                            (_, UnmatchedWhy::Duplicate) => t.why_duplicate,
                            (_, UnmatchedWhy::Removed) => t.why_removed,
                            (_, UnmatchedWhy::Unmatched) => t.why_unmatched,
                        };
                        // The core keeps only suggestions worth a look; each shows how close it is.
                        let nearest = row.candidates.iter()
                            .filter_map(|c| props.plan.indicator(&c.indicator_id).map(|i| format!("{}（{} {}%）", i.name, t.confidence, (c.confidence * 100.0).round())))
                            .collect::<Vec<_>>().join("、");
                        html! {
                            <li data-as-written={row.as_written.clone()}>
                                <span class="cell">{ &row.cell }</span>{ " " }<strong>{ &row.as_written }</strong>
                                { format!(" · {why}") }
                                if !nearest.is_empty() { { format!("（{}：{nearest}）", t.nearest) } }
                                if *mapping == Some(i) {
                                    <label class="map-to">{ t.map_to }
                                        <IndicatorSelect lang={props.lang} plan={props.plan.clone()} id={format!("map-{i}")}
                                            label={format!("{} {}", t.map_to, row.as_written)} selected={None::<String>}
                                            {on_choose} focus=true />
                                    </label>
                                } else {
                                    <button type="button" class="link-button map-button"
                                        aria-label={format!("{} {}", t.map_open, row.as_written)}
                                        onclick={let mapping = mapping.clone(); move |_| mapping.set(Some(i))}>
                                        { t.map_open }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if props.total > props.report.unmatched.len() {
                    <p class="more-unmatched">{ t.unmatched_more
                        .replace("{shown}", &props.report.unmatched.len().to_string())
                        .replace("{total}", &props.total.to_string()) }</p>
                }
            }
        </section>
    }
}
