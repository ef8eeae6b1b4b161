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

/// Both of the dialog's callbacks take two values: one closure type, one shim in the page's wasm
/// (every first check downloads it).
type TwoValues = dyn Fn(JsValue, JsValue);

/// Shows the dialog; `use_plan` gets (file name, plan JSON) when the user uses the plan made.
pub fn open(lang: Lang, client: WorkerClient, use_plan: Callback<(String, String)>) {
    let draft = Closure::<TwoValues>::new(move |bytes: JsValue, name: JsValue| {
        client.draft_plan(name.as_string().unwrap_or_default(), bytes.unchecked_into())
    });
    let use_plan = Closure::<TwoValues>::new(move |name: JsValue, json: JsValue| {
        use_plan.emit((
            name.as_string().unwrap_or_default(),
            json.as_string().unwrap_or_default(),
        ))
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
    on_demand::with_script(
        GLOBAL,
        SCRIPT,
        Box::new(move |dialog| {
            if let Some(open) = method(&dialog, "open") {
                let _ = open.call1(&dialog, &spec);
            }
        }),
    );
}

/// Hands the dialog the writer's answers it waits for, by the response's kind (its method's name:
/// `plan_drafted`, `draft_failed`, `plan_read`, `plan_failed`, `export_failed`): a draft, or why
/// there is none, and whether the plan it handed the page was read.
/// Others are the page's alone. A dialog never opened has nothing to hear.
pub fn tell(response: &Response) {
    let Some(dialog) = on_demand::loaded(GLOBAL) else {
        return;
    };
    let [a, b, c]: [&str; 3] = match response {
        Response::PlanDrafted { source, plan_json } => [source, plan_json, ""],
        Response::DraftFailed {
            source,
            message_zh,
            message_en,
        }
        | Response::PlanFailed {
            source,
            message_zh,
            message_en,
        } => [source, message_zh, message_en],
        Response::PlanRead { source, .. } => [source, "", ""],
        // The writer died while drafting (`WorkerClient` replaces it): the dialog stops waiting.
        Response::ExportFailed { message } => [message, "", ""],
        _ => return,
    };
    if let Some(answer) = method(&dialog, response.kind()) {
        let _ = answer.call3(&dialog, &a.into(), &b.into(), &c.into());
    }
}

fn method(dialog: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(dialog, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}
