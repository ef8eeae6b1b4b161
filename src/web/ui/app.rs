use super::check_failure::CheckFailure;
use super::downloads::TemplateLink;
use super::drop_zone::DropZone;
use super::i18n::Lang;
use super::intent::{self, Intent};
use super::plan_panel::PlanPanel;
use super::results::Results;
use super::state::State;
use super::use_check::{use_check, CheckControls};
use yew::prelude::*;

/// The page: what the reducer holds, drawn; every user action goes through [`use_check`].
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(super::lang::initial()));
    let lang = state.lang;
    let t = lang.texts();
    // What the user asked of the landing page while the app loaded, taken once.
    let intent = use_state(intent::take);
    let CheckControls {
        on_file,
        on_sample,
        on_cancel,
        on_year,
        on_data_year,
        on_encoding,
        on_sheet,
        on_correct,
        on_override,
        on_confirm,
        on_view,
        on_request,
        on_plan_file,
        on_build_plan,
        toggle_lang,
    } = use_check(state.clone(), (*intent).clone());
    {
        let code = lang.code();
        use_effect_with(lang, move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
        });
    }
    let tagline = tagline(lang, state.plan.as_deref());
    // A sample is offered only with the plan file that names it: against another plan it would
    // show only gaps that are not there.
    let try_sample = super::plan_source::sample_of(state.plan.as_deref(), &state.plan_origin)
        .map(|sample| Callback::from(move |_: MouseEvent| on_sample.emit(sample.clone())));
    // The years a file's values may be for, when it names none: the plan's period.
    let prompt_years = state.plan.as_ref().map(|p| (p.baseline_year, p.period.end));

    html! {
        <>
            <header class="page-header">
                <h1>{ t.app_title }</h1>
                <button type="button" class="lang-toggle" onclick={toggle_lang} lang={lang.other().code()}>
                    { t.switch_language }
                </button>
            </header>
            <section class="intro">
                <p class="tagline">{ tagline }</p>
                <p class="privacy">{ t.privacy }</p>
            </section>
            <PlanPanel {lang} plan={state.plan.clone()} origin={state.plan_origin.clone()}
                error={state.plan_error.clone()} dropped={state.dropped_checks.clone()} {on_plan_file} {on_build_plan}
                picking={*intent == Some(Intent::PlanPicker)} />
            <DropZone {lang} busy={state.busy.clone()} {on_file} {on_cancel} />
            <p class="template-hint no-print">
                if let Some(onclick) = try_sample {
                    <button type="button" class="link-button" id="try-sample" {onclick}>{ t.try_sample }</button>
                    { " · " }
                }
                <TemplateLink {lang} on_request={on_request.clone()} exporting={state.exporting} />
                { " " }{ t.template_hint }
            </p>
            if let Some(message) = &state.export_error {
                <div class="error-alert" role="alert"><p>{ format!("{}：{message}", t.export_failed) }</p></div>
            }
            if let Some(error) = &state.error {
                <CheckFailure {lang} error={error.clone()} {prompt_years} {on_data_year}
                    on_encoding={on_encoding.clone()} on_correct={on_correct.clone()} />
            }
            if let (Some(report), Some(plan)) = (state.report.clone(), state.plan.clone()) {
                <Results {lang} {report} {plan} view={state.view.clone()}
                    unmatched_total={state.unmatched_total} exporting={state.exporting}
                    {on_year} {on_sheet} {on_encoding} {on_correct} {on_view} {on_override} {on_confirm} {on_request} />
            }
        </>
    }
}

/// The plan in use, once the worker has it; the landing page's words until then.
fn tagline(lang: Lang, plan: Option<&duibiao_core::plan::PlanView>) -> String {
    let t = lang.texts();
    match plan {
        Some(plan) => {
            let title = match lang {
                Lang::En if !plan.title_en.is_empty() => &plan.title_en,
                _ => &plan.title,
            };
            format!("{}{title}{}", t.tagline_plan.0, t.tagline_plan.1)
        }
        None => t.tagline.to_string(),
    }
}
