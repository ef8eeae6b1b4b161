use super::chapter_summary::ChapterSummary;
use super::downloads::{ReportDownloads, TemplateLink};
use super::drop_zone::DropZone;
use super::encoding_select::EncodingSelect;
use super::error_alert::ErrorAlert;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::intent::{self, Intent};
use super::plan_panel::PlanPanel;
use super::region_matrix::RegionMatrix;
use super::results_filters::ResultsFilters;
use super::results_table::ResultsTable;
use super::state::State;
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use super::use_check::{use_check, CheckControls};
use super::year_prompt::YearPrompt;
use yew::prelude::*;

pub(super) const LANG_KEY: &str = "duibiao.lang";

/// The language: `?lang=` first, then the saved preference, then Chinese.
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let from_query = super::address::query_param("lang").and_then(|l| Lang::parse(&l));
    let saved = || {
        window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
            .and_then(|l| Lang::parse(&l))
    };
    from_query.or_else(saved).unwrap_or(Lang::Zh)
}

/// The page: what the reducer holds, drawn; every user action goes through [`use_check`].
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
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
        on_override,
        on_view,
        on_request,
        on_plan_file,
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
    // The plan in use, once the worker has it; the landing page's words until then.
    let tagline = match &state.plan {
        Some(plan) => {
            let title = match lang {
                Lang::En if !plan.title_en.is_empty() => &plan.title_en,
                _ => &plan.title,
            };
            format!("{}{title}{}", t.tagline_plan.0, t.tagline_plan.1)
        }
        None => t.tagline.to_string(),
    };
    // A sample is offered only with the plan file that names it: against another plan it would
    // show only gaps that are not there.
    let try_sample = super::plan_source::sample_of(state.plan.as_deref(), &state.plan_origin)
        .map(|sample| Callback::from(move |_: MouseEvent| on_sample.emit(sample.clone())));
    // The years a file's values may be for, when it names none: the plan's period.
    let prompt_years = state.plan.as_ref().map(|p| (p.baseline_year, p.period.end));

    let report_and_plan = state.report.clone().zip(state.plan.clone());
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
                error={state.plan_error.clone()} {on_plan_file}
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
                <ErrorAlert {lang} error={error.clone()} />
                if let (true, Some((first, last))) = (error.needs_year, prompt_years) {
                    <YearPrompt {lang} {first} {last} on_year={on_data_year} />
                }
                if error.needs_encoding {
                    <p class="encoding-prompt">
                        { format!("{}：", t.encoding) }
                        <EncodingSelect {lang} used={None} on_encoding={on_encoding.clone()} />
                    </p>
                }
            }
            if let Some((report, plan)) = report_and_plan {
                <FileFacts {lang} report={report.clone()} {on_year} {on_sheet}
                    on_encoding={(report.source.format == duibiao_core::ingest::Format::Csv).then_some(on_encoding)} />
                <div class="sr-only" aria-live="polite">
                    { format!("{}：{}", t.checked_summary, summary_line(lang, &report)) }
                </div>
                <SummaryCards {lang} report={report.clone()} />
                <ChapterSummary {lang} report={report.clone()} plan={plan.clone()} />
                <RegionMatrix {lang} report={report.clone()} plan={plan.clone()} />
                <ResultsFilters {lang} report={report.clone()} plan={plan.clone()}
                    view={state.view.clone()} on_view={on_view.clone()} />
                <ResultsTable {lang} report={report.clone()} plan={plan.clone()}
                    view={state.view.clone()} {on_view} on_override={on_override.clone()} />
                <UnmatchedList {lang} report={report.clone()} plan={plan.clone()} total={state.unmatched_total} {on_override} />
                <ReportDownloads {lang} {on_request} exporting={state.exporting} />
            }
        </>
    }
}

fn summary_line(lang: Lang, report: &duibiao_core::report::Report) -> String {
    report
        .summary
        .counts
        .iter()
        .map(|c| format!("{} {}", lang.status(c.status), c.count))
        .collect::<Vec<_>>()
        .join("，")
}
