//! The check's controls as one hook: the worker, and a callback for every thing a user can do
//! (pick a file, the sample, cancel, change the year, sheet, encoding or a match, load a plan,
//! switch the language). `App` only draws. The hook is a few named steps: start the client, load
//! a portal's `?plan=`, make the callbacks that check a file, those that change the options, and
//! carry out what the landing page was asked.

use super::corrections::{self, Corrections, SheetToCorrect};
use super::downloads::save;
use super::drafter;
use super::intent::Intent;
use super::lang;
use super::plan_source::{self, SampleFile};
use super::state::{Action, PlanOrigin, State};
use super::view::View;
use crate::web::client::{Payload, WorkerClient};
use duibiao_core::check::CheckOptions;
use duibiao_core::ingest::TextEncoding;
use duibiao_core::matching::Override;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::protocol::{ErrorInfo, Request, Response};
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
    /// A sheet to read alone, or every sheet.
    pub on_sheet: Callback<Option<String>>,
    /// Opens the dialog that corrects how the file was read, for these sheets.
    pub on_correct: Callback<Vec<SheetToCorrect>>,
    pub on_override: Callback<Override>,
    pub on_confirm: Callback<Confirmation>,
    pub on_view: Callback<View>,
    pub on_request: Callback<Request>,
    pub on_plan_file: Callback<(String, String)>,
    /// Opens the dialog that builds a plan from its text; the plan it makes goes to the callback.
    pub on_build_plan: Callback<Callback<(String, String)>>,
    pub toggle_lang: Callback<MouseEvent>,
}

type StateHandle = UseReducerHandle<State>;

/// Starts the worker once, carries out the landing page's `intent` and a portal's `?plan=`,
/// and returns the controls.
#[hook]
pub fn use_check(state: StateHandle, intent: Option<Intent>) -> CheckControls {
    let client = use_client(state.clone());
    use_requested_plan(state.clone(), client.clone());
    let files = FileChecks::new(&state, &client);
    let options = option_callbacks(&state, &client);

    let on_cancel = {
        let (state, client) = (state.clone(), client.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            state.dispatch(Action::Cancelled);
        })
    };
    let on_request = {
        let (client, state) = (client.clone(), state.clone());
        Callback::from(move |request: Request| {
            if matches!(
                request,
                Request::ExportXlsx { .. } | Request::ExportCsv | Request::Template
            ) {
                state.dispatch(Action::ExportRequested);
            }
            client.send(request, None)
        })
    };
    let on_plan_file = {
        let client = client.clone();
        Callback::from(move |(source, text): (String, String)| client.load_plan(source, text))
    };
    // The plan panel hands its own plan-file callback, so a plan used from the dialog is one it
    // can remember, as a picked one.
    let on_build_plan = {
        let (state, client) = (state.clone(), client.clone());
        Callback::from(move |use_plan: Callback<(String, String)>| {
            drafter::open(state.lang, client.clone(), use_plan)
        })
    };
    {
        let (files, client) = (files.clone(), client.clone());
        use_effect_with((), move |_| files.carry_out(intent, &client));
    }
    let on_correct = {
        let (state, corrected) = (state.clone(), options.corrected.clone());
        Callback::from(move |sheets: Vec<SheetToCorrect>| {
            corrections::open(state.lang, &sheets, &state.options.read, corrected.clone())
        })
    };
    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let next = state.lang.other();
            lang::remember(next);
            state.dispatch(Action::SetLang(next));
        })
    };
    CheckControls {
        on_file: Callback::from({
            let files = files.clone();
            move |file| files.check_file(file)
        }),
        on_sample: Callback::from(move |sample| files.check_sample(sample)),
        on_cancel,
        on_year: options.year,
        on_data_year: options.data_year,
        on_encoding: options.encoding,
        on_sheet: options.sheet,
        on_correct,
        on_override: options.override_,
        on_confirm: options.confirm,
        on_view: Callback::from(move |view| state.dispatch(Action::SetView(view))),
        on_request,
        on_plan_file,
        on_build_plan,
        toggle_lang,
    }
}

/// The worker client, made once; its answers go to the reducer, files it makes are saved.
#[hook]
fn use_client(state: StateHandle) -> WorkerClient {
    let client = use_memo((), move |_| {
        WorkerClient::new(move |response, bytes| {
            if let (Response::File { name, mime }, Some(bytes)) = (&response, &bytes) {
                save(name, mime, bytes);
            }
            drafter::tell(&response);
            state.dispatch(Action::WorkerSaid(response));
        })
    });
    (*client).clone()
}

/// A portal may choose the plan: `?plan=<same-origin URL>`, fetched once; without one, a plan
/// file the user asked to remember is loaded.
#[hook]
fn use_requested_plan(state: StateHandle, client: WorkerClient) {
    use_effect_with((), move |_| {
        let Some(url) = plan_source::requested() else {
            // A portal's plan comes first; else the one the user asked this computer to remember.
            if let Some((name, text)) = super::saved_plan::saved() {
                client.load_plan(name, text);
            }
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            match plan_source::fetch_text(&url).await {
                Ok(text) => client.load_plan(url, text),
                Err(message) => state.dispatch(Action::WorkerSaid(Response::PlanFailed {
                    source: url,
                    message_zh: message.clone(),
                    message_en: message,
                })),
            }
        });
    });
}

/// Checking a file: one picked or dropped, or a plan's sample.
#[derive(Clone)]
struct FileChecks {
    state: StateHandle,
    client: WorkerClient,
}

impl FileChecks {
    fn new(state: &StateHandle, client: &WorkerClient) -> FileChecks {
        FileChecks {
            state: state.clone(),
            client: client.clone(),
        }
    }

    /// A corrected file keeps the reporting year, the data year, the sheet, the overrides and the
    /// confirmed figures (each holds only while its cell keeps its value);
    /// the encoding is detected afresh, and corrections of columns and sheets, which are about
    /// the last file's own, go.
    fn check(&self, name: String, bytes: usize, payload: Payload) {
        let mut options = self.state.options.clone();
        options.read.encoding = None;
        options.read.columns.clear();
        options.read.sheets.clear();
        self.state.dispatch(Action::SetOptions(options.clone()));
        self.state.dispatch(Action::Started {
            name: name.clone(),
            bytes,
        });
        self.client
            .send(Request::Check { name, options }, Some(payload));
    }

    fn check_file(&self, file: web_sys::File) {
        // ok: a file's size is a whole number of bytes well within f64's exact range.
        let bytes = file.size() as usize;
        self.check(file.name(), bytes, Payload::File(file))
    }

    fn check_sample(&self, sample: SampleFile) {
        let checks = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match plan_source::fetch_bytes(&sample.url).await {
                Ok(bytes) => checks.check(sample.name, bytes.len(), Payload::Bytes(bytes)),
                Err(detail) => checks.state.dispatch(Action::WorkerSaid(Response::Failed {
                    error: ErrorInfo::plain(
                        format!("示例文件无法载入（{detail}）"),
                        format!("The sample file could not be loaded ({detail})"),
                    ),
                })),
            }
        });
    }

    /// What the user asked of the landing page while the app loaded.
    fn carry_out(&self, intent: Option<Intent>, client: &WorkerClient) {
        match intent {
            Some(Intent::File(file)) => self.check_file(file),
            // The landing page's sample: the default plan's, before any plan has arrived.
            Some(Intent::Sample) => {
                if let Some(sample) = plan_source::sample_of(None, &PlanOrigin::Embedded) {
                    self.check_sample(sample)
                }
            }
            Some(Intent::Template) => client.send(Request::Template, None),
            Some(Intent::PlanPicker) | None => {}
        }
    }
}

/// The callbacks that change what the last file is checked with: re-read (data year, encoding,
/// sheet) or re-evaluated (reporting year, a match).
struct OptionCallbacks {
    year: Callback<i32>,
    data_year: Callback<i32>,
    encoding: Callback<Option<TextEncoding>>,
    sheet: Callback<Option<String>>,
    corrected: Callback<Corrections>,
    override_: Callback<Override>,
    confirm: Callback<Confirmation>,
}

fn option_callbacks(state: &StateHandle, client: &WorkerClient) -> OptionCallbacks {
    /// A callback that derives new options from the current ones and the user's choice, records
    /// them and sends them as `request`.
    fn sending<T: 'static>(
        state: &StateHandle,
        client: &WorkerClient,
        change: fn(&State, T) -> CheckOptions,
        request: fn(CheckOptions) -> Request,
    ) -> Callback<T> {
        let (state, client) = (state.clone(), client.clone());
        Callback::from(move |choice: T| {
            let options = change(&state, choice);
            state.dispatch(Action::SetOptions(options.clone()));
            client.send(request(options), None);
        })
    }
    let reread = |options| Request::Recheck { options };
    let reevaluate = |options| Request::Reevaluate { options };
    OptionCallbacks {
        year: sending(
            state,
            client,
            |state, year| CheckOptions {
                reporting_year: Some(year),
                ..state.options.clone()
            },
            reevaluate,
        ),
        data_year: sending(
            state,
            client,
            |state, year| {
                let mut options = state.options.clone();
                options.read.year = Some(year);
                options
            },
            reread,
        ),
        encoding: sending(
            state,
            client,
            |state, encoding| {
                let mut options = state.options.clone();
                options.read.encoding = encoding;
                options
            },
            reread,
        ),
        sheet: sending(
            state,
            client,
            |state, sheet| {
                let mut options = state.options.clone();
                options.read.sheet = sheet;
                options
            },
            reread,
        ),
        corrected: sending(
            state,
            client,
            |state, chosen: Corrections| {
                let mut options = state.options.clone();
                options.read.columns = chosen.columns;
                options.read.sheets = chosen.sheets;
                options
            },
            reread,
        ),
        override_: sending(state, client, State::with_override, reevaluate),
        confirm: sending(state, client, State::with_confirmation, reevaluate),
    }
}
