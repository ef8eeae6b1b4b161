//! Opens the dialog that builds a plan from its own text (issue 26). The dialog is
//! `static/drafter.js`, loaded the first time it is opened, as the correction dialog is: a first
//! check never downloads it, and every word of it lives there in both languages, so the page's
//! wasm carries none. The page only moves messages: the dialog's text or file goes to the writer
//! (`WorkerClient::draft_plan`, which drafts it off the page's thread), the writer's answer back
//! to the dialog, and the plan the user made goes through the plan picker's own path (the writer
//! validates it, the reader then uses it).

use super::i18n::Lang;
use super::on_demand;
use crate::web::client::WorkerClient;
use duibiao_core::protocol::Response;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

const GLOBAL: &str = "__duibiaoDrafter";
const SCRIPT: &str = "./drafter.js";

/// Shows the dialog; `use_plan` gets (file name, plan JSON) when the user uses the plan made.
pub fn open(lang: Lang, client: WorkerClient, use_plan: Callback<(String, String)>) {
    let draft = Closure::<dyn Fn(js_sys::Uint8Array, String)>::new(
        move |bytes: js_sys::Uint8Array, name: String| client.draft_plan(name, bytes),
    );
    let use_plan = Closure::<dyn Fn(String, String)>::new(move |name: String, json: String| {
        use_plan.emit((name, json))
    });
    let spec = js_sys::Object::new();
    for (key, value) in [
        ("lang", JsValue::from(lang.code())),
        // The dialog may be opened many times: these live as long as the page.
        ("draft", draft.into_js_value()),
        ("use", use_plan.into_js_value()),
    ] {
        let _ = js_sys::Reflect::set(&spec, &key.into(), &value);
    }
    on_demand::with_script(GLOBAL, SCRIPT, move |dialog| {
        call(&dialog, "open", &[spec.into()])
    });
}

/// Hands the dialog the writer's answers it waits for: a draft, or why there is none, and
/// whether the plan it handed the page was read. Others are the page's alone. A dialog never
/// opened has nothing to hear.
pub fn tell(response: &Response) {
    let Some(dialog) = on_demand::loaded(GLOBAL) else {
        return;
    };
    let (method, args): (&str, Vec<JsValue>) = match response {
        Response::PlanDrafted {
            source,
            plan_json,
            questions,
        } => (
            "drafted",
            vec![
                source.into(),
                plan_json.into(),
                questions.iter().map(JsValue::from).collect::<js_sys::Array>().into(),
            ],
        ),
        Response::DraftFailed {
            source,
            message_zh,
            message_en,
        }
        | Response::PlanFailed {
            source,
            message_zh,
            message_en,
        } => (
            if matches!(response, Response::DraftFailed { .. }) {
                "draftFailed"
            } else {
                "planFailed"
            },
            vec![source.into(), message_zh.into(), message_en.into()],
        ),
        Response::PlanRead { source, .. } => ("planRead", vec![source.into()]),
        // The writer died while drafting (`WorkerClient` replaces it): the dialog stops waiting.
        Response::ExportFailed { message } => ("exportFailed", vec![message.into()]),
        _ => return,
    };
    call(&dialog, method, &args);
}

fn call(dialog: &JsValue, method: &str, args: &[JsValue]) {
    let function = js_sys::Reflect::get(dialog, &method.into()).ok();
    if let Some(function) = function.as_ref().and_then(|f| f.dyn_ref::<js_sys::Function>()) {
        let _ = function.apply(dialog, &args.iter().collect::<js_sys::Array>());
    }
}
