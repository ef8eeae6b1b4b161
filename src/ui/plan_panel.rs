use super::i18n::Lang;
use super::state::PlanOrigin;
use crate::plan::{Plan, PlanError};
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub lang: Lang,
    pub plan: Rc<Plan>,
    pub origin: PlanOrigin,
    pub error: Option<(String, PlanError)>,
    /// A plan file was picked: (file name, its text).
    pub on_plan_file: Callback<(String, String)>,
}

/// The plan in use (title, period, number of targets, its notes), the women's plan with its
/// note, and a way to load another plan file.
#[component]
pub fn PlanPanel(props: &PlanPanelProps) -> Html {
    let t = props.lang.texts();
    let plan = &props.plan;
    let women = use_memo((), |_| Plan::women_plan());
    let picking = use_state(|| false);
    let reader = use_mut_ref(|| None::<FileReader>);
    let en = props.lang == Lang::En;
    let title = |p: &Plan| {
        if en && !p.title_en.is_empty() {
            p.title_en.clone()
        } else {
            p.title.clone()
        }
    };

    let on_change = {
        let reader = reader.clone();
        let on_plan_file = props.on_plan_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let name = file.name();
            let on_plan_file = on_plan_file.clone();
            let task =
                gloo::file::callbacks::read_as_text(&gloo::file::File::from(file), move |text| {
                    on_plan_file.emit((name, text.unwrap_or_default()));
                });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let toggle = {
        let picking = picking.clone();
        Callback::from(move |_: MouseEvent| picking.set(!*picking))
    };
    let origin = match &props.origin {
        PlanOrigin::Embedded => t.plan_builtin.to_string(),
        PlanOrigin::Loaded(source) => format!("{} {source}", t.plan_loaded_from),
    };
    html! {
        <section class="plan-panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading" class="sr-only">{ t.plan_in_use }</h2>
            <p class="plan">
                <strong>{ format!("{}：", t.plan_in_use) }</strong>
                { format!("{}（{}—{}），{} {} · {origin}", title(plan), plan.period.start, plan.period.end, plan.indicators.len(), t.targets) }
            </p>
            if !plan.notes.is_empty() {
                <details class="plan-notes">
                    <summary>{ t.plan_notes }</summary>
                    <ul>{ for plan.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
            if women.id != plan.id {
                <p class="plan other-plan">
                    { format!("{}（{}—{}），{} {}：", title(&women), women.period.start, women.period.end, women.indicators.len(), t.targets) }
                    { women.notes.first().cloned().unwrap_or_default() }
                </p>
            }
            <button type="button" class="link-button" onclick={toggle} aria-expanded={picking.to_string()}>
                { t.load_plan }
            </button>
            if *picking {
                <label class="plan-picker">
                    { t.plan_file }
                    <input type="file" accept=".json,application/json" onchange={on_change} />
                </label>
            }
            if let Some((source, error)) = &props.error {
                <div class="error-alert" role="alert">
                    <p class="error-message">
                        { format!("{source}：{}", if en { error.message_en() } else { error.message_zh() }) }
                    </p>
                    <p>{ t.plan_kept }</p>
                </div>
            }
        </section>
    }
}
