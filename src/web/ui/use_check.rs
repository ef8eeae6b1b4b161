//! The check's controls as one hook: the worker, and a callback for every thing a user can do
//! (pick a file, the sample, cancel, change the year, sheet, encoding or a match, load a plan,
//! switch the language). `App` only draws.

use super::app::LANG_KEY;
use super::downloads::save;
use super::i18n::Lang;
use super::intent::Intent;
use super::plan_source::{self, SampleFile};
use super::state::{Action, PlanOrigin, State};
use super::view::View;
use crate::web::client::{Payload, WorkerClient};
use duibiao_core::check::CheckOptions;
use duibiao_core::ingest::TextEncoding;
use duibiao_core::matching::Override;
use duibiao_core::protocol::{ErrorInfo, Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Every callback the page hands to its components.
pub struct CheckControls {
    pub on_file: Callback<web_sys::File>,
    pub on_sample: Callback<SampleFile>,
    pub on_cancel: Callback<MouseEvent>,
    /// The reporting year.
    pub on_year: Callback<i32>,
    /// The year of a file's values, when it names none.
    pub on_data_year: Callback<i32>,
    pub on_encoding: Callback<Option<TextEncoding>>,
    pub on_sheet: Callback<String>,
    pub on_override: Callback<Override>,
    pub on_view: Callback<View>,
    pub on_request: Callback<Request>,
    pub on_plan_file: Callback<(String, String)>,
    pub toggle_lang: Callback<MouseEvent>,
}

/// Starts the worker once, carries out the landing page's `intent` and a portal's `?plan=`,
/// and returns the controls.
#[hook]
pub fn use_check(state: UseReducerHandle<State>, intent: Option<Intent>) -> CheckControls {
    // The last plan file loaded, to hand to a fresh worker after a cancel.
    let plan_file = use_mut_ref(|| None::<(String, String)>);
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
    let check_sample = {
        let state = state.clone();
        move |sample: SampleFile| {
            let (check, state) = (check.clone(), state.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match plan_source::fetch_bytes(&sample.url).await {
                    Ok(bytes) => check(sample.name, bytes.len(), Payload::Bytes(bytes)),
                    Err(detail) => state.dispatch(Action::WorkerSaid(Response::Failed {
                        error: ErrorInfo {
                            message_zh: format!("示例文件无法载入（{detail}）"),
                            message_en: format!("The sample file could not be loaded ({detail})"),
                            needs_year: false,
                            needs_encoding: false,
                        },
                    })),
                }
            });
        }
    };
    {
        let (intent, client, check_file, check_sample) = (
            intent.clone(),
            client.clone(),
            check_file.clone(),
            check_sample.clone(),
        );
        use_effect_with((), move |_| match intent {
            Some(Intent::File(file)) => check_file(file),
            Some(Intent::Sample) => {
                // The landing page's sample: the default plan's, before any plan has arrived.
                if let Some(sample) = plan_source::sample_of(None, &PlanOrigin::Embedded) {
                    check_sample(sample)
                }
            }
            Some(Intent::Template) => client.send(Request::Template, None),
            Some(Intent::PlanPicker) | None => {}
        });
    }
    let on_file = Callback::from(check_file);
    let on_sample = Callback::from(check_sample);
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
        let (client, state) = (client.clone(), state.clone());
        Callback::from(move |request: Request| {
            if matches!(request, Request::ExportXlsx { .. } | Request::Template) {
                state.dispatch(Action::ExportRequested);
            }
            client.send(request, None)
        })
    };
    let on_plan_file = {
        let (client, plan_file) = (client.clone(), plan_file.clone());
        Callback::from(move |(source, text): (String, String)| {
            load_plan(&client, &plan_file, source, text)
        })
    };

    CheckControls {
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
