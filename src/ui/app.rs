use super::chapter_summary::ChapterSummary;
use super::downloads::{ReportDownloads, TemplateLink};
use super::drop_zone::DropZone;
use super::encoding_select::EncodingSelect;
use super::error_alert::ErrorAlert;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::plan_panel::PlanPanel;
use super::plan_source;
use super::region_matrix::RegionMatrix;
use super::results_filters::ResultsFilters;
use super::results_table::ResultsTable;
use super::state::{Action, State};
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use super::year_prompt::YearPrompt;
use crate::ingest::{Format, IngestErrorKind};
use crate::plan::Plan;
use yew::prelude::*;

const LANG_KEY: &str = "duibiao.lang";

/// A sample submission to try, built in (no request).
const SAMPLE: &[u8] = include_bytes!("../../static/sample/sample-kecheng-2023.xlsx");
const SAMPLE_NAME: &str = "示例-柯城区2023年监测表.xlsx";

/// The language: `?lang=` first, then the saved preference, then Chinese.
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let from_query = super::embed::query_param("lang").and_then(|l| Lang::parse(&l));
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

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    let lang = state.lang;
    let t = lang.texts();

    {
        let code = lang.code();
        use_effect_with(lang, move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
        });
    }

    {
        // A portal may choose the plan: ?plan=<same-origin URL>.
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(url) = plan_source::requested() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = plan_source::fetch(&url).await;
                    state.dispatch(Action::PlanArrived {
                        source: url,
                        result,
                    });
                });
            }
        });
    }

    let export_error = use_state(|| None::<String>);
    let on_export_error = {
        let export_error = export_error.clone();
        Callback::from(move |message: String| export_error.set(Some(message)))
    };

    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let next = state.lang.other();
            // Only the language preference is ever stored; nothing from a file is.
            if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
                let _ = storage.set_item(LANG_KEY, if next == Lang::Zh { "zh" } else { "en" });
            }
            state.dispatch(Action::SetLang(next));
        })
    };
    let on_start = {
        let state = state.clone();
        Callback::from(move |name: String| state.dispatch(Action::StartReading(name)))
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            state.dispatch(Action::FileRead { name, bytes })
        })
    };
    let on_year = {
        let state = state.clone();
        Callback::from(move |year: i32| state.dispatch(Action::ChooseReportingYear(year)))
    };
    let on_data_year = {
        let state = state.clone();
        Callback::from(move |year: i32| state.dispatch(Action::ChooseDataYear(year)))
    };
    let on_encoding = {
        let state = state.clone();
        Callback::from(move |encoding| state.dispatch(Action::ChooseEncoding(encoding)))
    };
    let on_view = {
        let state = state.clone();
        Callback::from(move |view| state.dispatch(Action::SetView(view)))
    };
    let on_override = {
        let state = state.clone();
        Callback::from(move |decision| state.dispatch(Action::SetOverride(decision)))
    };
    let on_sample = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::FileRead {
                name: SAMPLE_NAME.into(),
                bytes: SAMPLE.to_vec(),
            })
        })
    };
    let on_plan_file = {
        let state = state.clone();
        Callback::from(move |(source, text): (String, String)| {
            state.dispatch(Action::PlanArrived {
                result: Plan::from_json(&text),
                source,
            })
        })
    };
    let on_sheet = {
        let state = state.clone();
        Callback::from(move |sheet: String| state.dispatch(Action::ChooseSheet(sheet)))
    };

    let plan = &state.plan;
    html! {
        <>
            <header class="page-header">
                <h1>{ t.app_title }</h1>
                <button type="button" class="lang-toggle" onclick={toggle_lang} lang={lang.other().code()}>
                    { t.switch_language }
                </button>
            </header>
            <section class="intro">
                <p class="tagline">{ t.tagline }</p>
                <p class="privacy">{ t.privacy }</p>
            </section>
            <PlanPanel {lang} plan={plan.clone()} origin={state.plan_origin.clone()}
                error={state.plan_error.clone()} {on_plan_file} />
            <DropZone {lang} busy={state.reading.clone()} {on_start} {on_file} />
            <p class="template-hint no-print">
                <button type="button" class="link-button" id="try-sample" onclick={on_sample}>{ t.try_sample }</button>
                { " · " }
                <TemplateLink {lang} plan={plan.clone()} on_error={on_export_error.clone()} />
                { " " }{ t.template_hint }
            </p>
            if let Some(message) = &*export_error {
                <div class="error-alert" role="alert"><p>{ format!("{}：{message}", t.export_failed) }</p></div>
            }
            if let Some(error) = &state.error {
                <ErrorAlert {lang} error={error.clone()} />
                if error.kind == IngestErrorKind::YearUnknown {
                    <YearPrompt {lang} first={plan.period.start} last={plan.period.end} on_year={on_data_year} />
                }
                if error.kind == IngestErrorKind::UnknownEncoding {
                    <p class="encoding-prompt">
                        { format!("{}：", t.encoding) }
                        <EncodingSelect {lang} used={None} on_encoding={on_encoding.clone()} />
                    </p>
                }
            }
            if let Some(loaded) = &state.loaded {
                <FileFacts {lang} report={loaded.report.clone()} {on_year} {on_sheet}
                    on_encoding={(loaded.workbook.format == Format::Csv).then_some(on_encoding)} />
                <div class="sr-only" aria-live="polite">
                    { format!("{}：{}", t.checked_summary, summary_line(lang, &loaded.report)) }
                </div>
                <SummaryCards {lang} report={loaded.report.clone()} />
                <ChapterSummary {lang} report={loaded.report.clone()} plan={state.plan.clone()} />
                <RegionMatrix {lang} report={loaded.report.clone()} plan={state.plan.clone()} />
                <ResultsFilters {lang} report={loaded.report.clone()} plan={state.plan.clone()}
                    view={state.view.clone()} on_view={on_view.clone()} />
                <ResultsTable {lang} report={loaded.report.clone()} plan={state.plan.clone()}
                    view={state.view.clone()} {on_view} on_override={on_override.clone()} />
                <UnmatchedList {lang} report={loaded.report.clone()} plan={state.plan.clone()} {on_override} />
                <ReportDownloads {lang} report={loaded.report.clone()} plan={state.plan.clone()} on_error={on_export_error} />
            }
        </>
    }
}

fn summary_line(lang: Lang, report: &crate::report::Report) -> String {
    report
        .summary
        .counts
        .iter()
        .map(|c| format!("{} {}", lang.status(c.status), c.count))
        .collect::<Vec<_>>()
        .join("，")
}
