use super::chapter_summary::ChapterSummary;
use super::downloads::{save, ReportDownloads, TemplateLink};
use super::drop_zone::DropZone;
use super::encoding_select::EncodingSelect;
use super::error_alert::ErrorAlert;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::intent::{self, Intent};
use super::plan_panel::PlanPanel;
use super::plan_source;
use super::region_matrix::RegionMatrix;
use super::results_filters::ResultsFilters;
use super::results_table::ResultsTable;
use super::state::{Action, State};
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use super::worker_client::{Payload, WorkerClient};
use super::year_prompt::YearPrompt;
use crate::check::CheckOptions;
use crate::matching::Override;
use crate::protocol::{Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const LANG_KEY: &str = "duibiao.lang";

/// A sample submission to try, built in (no request).
const SAMPLE: &[u8] = include_bytes!("../../static/sample/sample-kecheng-2023.xlsx");
const SAMPLE_NAME: &str = "示例-柯城区2023年监测表.xlsx";

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

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    let lang = state.lang;
    let t = lang.texts();
    // The last plan file loaded, to hand to a fresh worker after a cancel.
    let plan_file = use_mut_ref(|| None::<(String, String)>);
    // What the user asked of the landing page while the app loaded, taken once.
    let intent = use_state(intent::take);
    let client = {
        let state = state.clone();
        use_memo((), move |_| {
            WorkerClient::new(move |response, bytes| {
                if let (Response::File { name, mime }, Some(bytes)) = (&response, &bytes) {
                    save(name, mime, bytes);
                }
                state.dispatch(Action::WorkerSaid(response));
            })
        })
    };

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
        let (client, plan_file) = (client.clone(), plan_file.clone());
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(url) = plan_source::requested() {
                wasm_bindgen_futures::spawn_local(async move {
                    match plan_source::fetch_text(&url).await {
                        Ok(text) => load_plan(&client, &plan_file, url, text),
                        Err(message) => state.dispatch(Action::WorkerSaid(Response::PlanFailed {
                            source: url,
                            message_zh: message.clone(),
                            message_en: message,
                        })),
                    }
                });
            }
        });
    }

    let send_options = {
        let (state, client) = (state.clone(), client.clone());
        move |options: CheckOptions, request: fn(CheckOptions) -> Request| {
            state.dispatch(Action::SetOptions(options.clone()));
            client.send(request(options), None);
        }
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
    let check = {
        let (state, client) = (state.clone(), client.clone());
        move |name: String, bytes: usize, payload: Payload| {
            // A corrected file keeps the reporting year, the data year, the sheet and the
            // overrides; the encoding is detected afresh.
            let mut options = state.options.clone();
            options.read.encoding = None;
            state.dispatch(Action::SetOptions(options.clone()));
            state.dispatch(Action::Started {
                name: name.clone(),
                bytes,
            });
            client.send(Request::Check { name, options }, Some(payload));
        }
    };
    let check_file = {
        let check = check.clone();
        move |file: web_sys::File| {
            // ok: a file's size is a whole number of bytes well within f64's exact range.
            let bytes = file.size() as usize;
            check(file.name(), bytes, Payload::File(file))
        }
    };
    let check_sample = move || {
        check(
            SAMPLE_NAME.into(),
            SAMPLE.len(),
            Payload::Bytes(SAMPLE.to_vec()),
        )
    };
    {
        let (intent, client, check_file, check_sample) = (
            intent.clone(),
            client.clone(),
            check_file.clone(),
            check_sample.clone(),
        );
        use_effect_with((), move |_| match (*intent).clone() {
            Some(Intent::File(file)) => check_file(file),
            Some(Intent::Sample) => check_sample(),
            Some(Intent::Template) => client.send(Request::Template, None),
            Some(Intent::PlanPicker) | None => {}
        });
    }
    let on_file = Callback::from(check_file);
    let on_sample = Callback::from(move |_: MouseEvent| check_sample());
    let on_cancel = {
        let (state, client, plan_file) = (state.clone(), client.clone(), plan_file.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            state.dispatch(Action::Cancelled);
            let again = plan_file.borrow().clone();
            if let Some((source, text)) = again {
                client.send(Request::LoadPlan { source, text }, None);
            }
        })
    };
    let on_year = {
        let (state, send) = (state.clone(), send_options.clone());
        Callback::from(move |year: i32| {
            send(
                CheckOptions {
                    reporting_year: Some(year),
                    ..state.options.clone()
                },
                |options| Request::Reevaluate { options },
            )
        })
    };
    let on_data_year = {
        let (state, send) = (state.clone(), send_options.clone());
        Callback::from(move |year: i32| {
            let mut options = state.options.clone();
            options.read.year = Some(year);
            send(options, |options| Request::Recheck { options })
        })
    };
    let on_encoding = {
        let (state, send) = (state.clone(), send_options.clone());
        Callback::from(move |encoding| {
            let mut options = state.options.clone();
            options.read.encoding = encoding;
            send(options, |options| Request::Recheck { options })
        })
    };
    let on_sheet = {
        let (state, send) = (state.clone(), send_options.clone());
        Callback::from(move |sheet: String| {
            let mut options = state.options.clone();
            options.read.sheet = Some(sheet);
            send(options, |options| Request::Recheck { options })
        })
    };
    let on_override = {
        let (state, send) = (state.clone(), send_options.clone());
        Callback::from(move |decision: Override| {
            send(state.with_override(decision), |options| {
                Request::Reevaluate { options }
            })
        })
    };
    let on_view = {
        let state = state.clone();
        Callback::from(move |view| state.dispatch(Action::SetView(view)))
    };
    let on_request = {
        let client = client.clone();
        Callback::from(move |request: Request| client.send(request, None))
    };
    let on_plan_file = {
        let (client, plan_file) = (client.clone(), plan_file.clone());
        Callback::from(move |(source, text): (String, String)| {
            load_plan(&client, &plan_file, source, text)
        })
    };

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
                <p class="tagline">{ t.tagline }</p>
                <p class="privacy">{ t.privacy }</p>
            </section>
            <PlanPanel {lang} plan={state.plan.clone()} origin={state.plan_origin.clone()}
                error={state.plan_error.clone()} {on_plan_file}
                picking={*intent == Some(Intent::PlanPicker)} />
            <DropZone {lang} busy={state.busy.clone()} {on_file} {on_cancel} />
            <p class="template-hint no-print">
                <button type="button" class="link-button" id="try-sample" onclick={on_sample}>{ t.try_sample }</button>
                { " · " }
                <TemplateLink {lang} on_request={on_request.clone()} />
                { " " }{ t.template_hint }
            </p>
            if let Some(message) = &state.export_error {
                <div class="error-alert" role="alert"><p>{ format!("{}：{message}", t.export_failed) }</p></div>
            }
            if let Some(error) = &state.error {
                <ErrorAlert {lang} error={error.clone()} />
                if error.needs_year {
                    <YearPrompt {lang} first={crate::ui::plan_summary::CHILDREN_START} last={crate::ui::plan_summary::CHILDREN_END} on_year={on_data_year} />
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
                    on_encoding={(report.source.format == crate::ingest::Format::Csv).then_some(on_encoding)} />
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
                <ReportDownloads {lang} {on_request} />
            }
        </>
    }
}

fn load_plan(
    client: &WorkerClient,
    remembered: &Rc<RefCell<Option<(String, String)>>>,
    source: String,
    text: String,
) {
    *remembered.borrow_mut() = Some((source.clone(), text.clone()));
    client.send(Request::LoadPlan { source, text }, None);
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
