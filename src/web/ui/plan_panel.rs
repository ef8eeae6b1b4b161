use super::i18n::Lang;
use super::state::PlanOrigin;
use duibiao_core::plan::built_in::{Summary, SUMMARIES};
use duibiao_core::plan::PlanView;
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub lang: Lang,
    /// The plan in use once the worker has sent it; until then the built-in plan's summary.
    pub plan: Option<Rc<PlanView>>,
    pub origin: PlanOrigin,
    /// (source, message zh, message en)
    pub error: Option<(String, String, String)>,
    /// The loaded plan file's checks that could not be used: (zh, en) each.
    #[prop_or_default]
    pub dropped: Vec<(String, String)>,
    /// A plan file was picked: (file name, its text).
    pub on_plan_file: Callback<(String, String)>,
    /// Opens the dialog that builds a plan from its text (static/drafter.js), which hands the
    /// plan it makes to the given callback.
    pub on_build_plan: Callback<Callback<(String, String)>>,
    /// Show the plan file picker from the start (asked for on the landing page).
    #[prop_or_default]
    pub picking: bool,
}

/// The plan in use (title, period, number of targets, its notes), the other built-in plans with
/// their first note, and a way to load another plan file.
#[component]
pub fn PlanPanel(props: &PlanPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let picking = use_state(|| props.picking);
    let toggle = {
        let picking = picking.clone();
        Callback::from(move |_: MouseEvent| picking.set(!*picking))
    };
    let origin = match &props.origin {
        PlanOrigin::Embedded => t.plan_builtin.to_string(),
        PlanOrigin::Loaded(source) => format!("{} {source}", t.plan_loaded_from),
    };
    // The last plan file picked here (name, text): what "remember" keeps.
    // (A remembered plan counts as picked: its switch stays, to forget it and to keep it again.)
    let picked = use_state(super::saved_plan::saved);
    let remembered = use_state(|| super::saved_plan::saved().map(|(name, _)| name));
    let on_plan_file = {
        let (picked, on_plan_file) = (picked.clone(), props.on_plan_file.clone());
        Callback::from(move |file: (String, String)| {
            picked.set(Some(file.clone()));
            on_plan_file.emit(file);
        })
    };
    let build_plan = {
        let (on_build_plan, on_plan_file) = (props.on_build_plan.clone(), on_plan_file.clone());
        Callback::from(move |_: MouseEvent| on_build_plan.emit(on_plan_file.clone()))
    };
    let in_use = match &props.origin {
        PlanOrigin::Loaded(source) => Some(source.clone()),
        PlanOrigin::Embedded => None,
    };
    // One switch: on keeps the plan file picked here for the next visit, off forgets it.
    let on_remember = {
        let (remembered, picked) = (remembered.clone(), picked.clone());
        Callback::from(move |_: Event| match (&*remembered, &*picked) {
            (None, Some((name, text))) if super::saved_plan::remember(name, text) => {
                remembered.set(Some(name.clone()))
            }
            _ => {
                super::saved_plan::forget();
                remembered.set(None);
            }
        })
    };
    let picked_in_use = (*picked)
        .as_ref()
        .is_some_and(|(name, _)| in_use.as_ref() == Some(name));
    let notes = props
        .plan
        .as_ref()
        .map(|p| p.notes.clone())
        .unwrap_or_default();
    html! {
        <section class="plan-panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading" class="sr-only">{ t.plan_in_use }</h2>
            <p class="plan">
                <strong>{ format!("{}：", t.plan_in_use) }</strong>
                { format!("{} · {origin}", in_use_line(lang, props.plan.as_deref())) }
            </p>
            if !notes.is_empty() {
                <details class="plan-notes">
                    <summary>{ t.plan_notes }</summary>
                    <ul>{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
            if !props.dropped.is_empty() {
                <p class="plan-warning" role="status">
                    { t.checks_dropped }
                    { for props.dropped.iter().map(|(zh, en)| if lang == Lang::En { format!(" {en}") } else { zh.clone() }) }
                </p>
            }
            if props.origin == PlanOrigin::Embedded {
                { for SUMMARIES[1..].iter().map(|other| other_plan(lang, other)) }
            }
            <button type="button" class="link-button" id="load-plan" onclick={toggle} aria-expanded={picking.to_string()}>
                { t.load_plan }
            </button>
            { " · " }
            <button type="button" class="link-button" id="build-plan" onclick={build_plan} aria-haspopup="dialog">
                { t.build_plan }
            </button>
            if *picking {
                <div class="plan-file-help">
                    <p>{ t.plan_file_help }{ " " }
                        // docs/plan-format.md, copied into dist/ (index.html); opened on request only.
                        <a href="plan-format.md" target="_blank" rel="noopener">{ t.plan_format_link }</a>
                    </p>
                    <PlanFilePicker {lang} {on_plan_file} />
                </div>
            }
            if picked_in_use || remembered.is_some() {
                <label class="remember-plan">
                    <input type="checkbox" id="remember-plan" checked={remembered.is_some()} onchange={on_remember} />
                    { " " }{ t.remember_plan }
                    if let Some(name) = remembered.as_ref() { { format!("：{name}") } }
                </label>
            }
            if let Some((source, zh, english)) = &props.error {
                <div class="error-alert" role="alert">
                    <p class="error-message">
                        { format!("{source}：{}", if lang == Lang::En { english } else { zh }) }
                    </p>
                    <p>{ t.plan_kept }</p>
                </div>
            }
        </section>
    }
}

/// The English name where the plan gives one and the page is in English.
fn in_lang(lang: Lang, zh: &str, english: &str) -> String {
    if lang == Lang::En && !english.is_empty() {
        english.to_string()
    } else {
        zh.to_string()
    }
}

/// "title（start—end），N 项目标" of the plan in use, or of the default plan until the worker has
/// sent it.
fn in_use_line(lang: Lang, plan: Option<&PlanView>) -> String {
    let t = lang.texts();
    let (title, start, end, targets) = match plan {
        Some(plan) => (
            in_lang(lang, &plan.title, &plan.title_en),
            plan.period.start,
            plan.period.end,
            plan.indicators.len(),
        ),
        None => {
            let default = &SUMMARIES[0];
            let title = in_lang(lang, default.title, default.title_en);
            (title, default.start, default.end, default.targets)
        }
    };
    format!("{title}（{start}—{end}），{targets} {}", t.targets)
}

fn other_plan(lang: Lang, other: &Summary) -> Html {
    let title = in_lang(lang, other.title, other.title_en);
    let (start, end, targets) = (other.start, other.end, other.targets);
    if targets == 0 {
        // A plan whose published text gives no targets: say so in a line, the why folded.
        return html! {
            <details class="plan other-plan">
                <summary>{ format!("{title}（{start}—{end}）：{}", lang.texts().no_targets_yet) }</summary>
                <p>{ other.first_note }</p>
                // The panel's help names the way out: build it from the plan's text (从规划文本生成).
                <p>{ lang.texts().plan_file_help }</p>
            </details>
        };
    }
    html! {
        <p class="plan other-plan">
            { format!("{title}（{start}—{end}），{targets} {}：", lang.texts().targets) }
            { other.first_note }
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct PlanFilePickerProps {
    lang: Lang,
    on_plan_file: Callback<(String, String)>,
}

/// A file input for a plan file: its name and text go to `on_plan_file` (the worker checks it).
#[component]
fn PlanFilePicker(props: &PlanFilePickerProps) -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let on_change = {
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
    html! {
        <label class="plan-picker">
            { props.lang.texts().plan_file }
            <input type="file" accept=".json,application/json" onchange={on_change} />
        </label>
    }
}
