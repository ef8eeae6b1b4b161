//! Opens the dialog that corrects how a file was read. The dialog is `static/corrections.js`,
//! loaded the first time it is opened (a first check never downloads it); the page hands it the
//! sheets as the reader read them, the roles and every word in the page's language, and gets
//! back the user's choices, which it sends to the reader with the file's options.

use super::i18n::Lang;
use duibiao_core::ingest::{ColumnChoice, ReadOptions, Role, SheetChoice};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// A sheet as the dialog shows it: its columns with their roles, its year and region.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetToCorrect {
    pub name: String,
    pub header_row: Option<usize>,
    pub year: Option<i32>,
    pub region: Option<String>,
    pub columns: Vec<ColumnToCorrect>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnToCorrect {
    pub column: String,
    pub header: String,
    pub role: Role,
}

/// What the user chose in the dialog: every column and sheet choice in effect.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Corrections {
    pub columns: Vec<ColumnChoice>,
    pub sheets: Vec<SheetChoice>,
}

#[derive(Serialize)]
struct RoleName {
    word: Role,
    name: &'static str,
}

#[derive(Serialize)]
struct Spec<'a> {
    lang: &'static str,
    sheets: &'a [SheetToCorrect],
    roles: Vec<RoleName>,
    choices: Choices<'a>,
    texts: &'static super::i18n::CorrectionTexts,
}

#[derive(Serialize)]
struct Choices<'a> {
    columns: &'a [ColumnChoice],
    sheets: &'a [SheetChoice],
}

const GLOBAL: &str = "__duibiaoCorrections";
const SCRIPT: &str = "./corrections.js";

/// Shows the dialog over the page; `on_apply` gets the choices when the user confirms.
pub fn open(
    lang: Lang,
    sheets: &[SheetToCorrect],
    current: &ReadOptions,
    on_apply: Callback<Corrections>,
) {
    let roles = Role::ALL
        .into_iter()
        .map(|word| RoleName {
            word,
            name: match lang {
                Lang::Zh => word.label_zh(),
                Lang::En => word.label_en(),
            },
        })
        .collect();
    let spec = Spec {
        lang: lang.code(),
        sheets,
        roles,
        choices: Choices {
            columns: &current.columns,
            sheets: &current.sheets,
        },
        texts: &lang.texts().corrections,
    };
    let Ok(spec) = serde_wasm_bindgen::to_value(&spec) else {
        return;
    };
    let apply = Closure::once_into_js(move |chosen: JsValue| {
        let chosen = serde_wasm_bindgen::from_value(chosen).unwrap_or_default();
        on_apply.emit(chosen);
    });
    let _ = js_sys::Reflect::set(&spec, &"apply".into(), &apply);
    with_dialog(move |dialog| {
        if let Ok(open) = js_sys::Reflect::get(&dialog, &"open".into()) {
            if let Some(open) = open.dyn_ref::<js_sys::Function>() {
                let _ = open.call1(&dialog, &spec);
            }
        }
    });
}

/// Runs `then` with the dialog's script, loading it first if this is the first time.
fn with_dialog(then: impl FnOnce(JsValue) + 'static) {
    let window = gloo::utils::window();
    let loaded = js_sys::Reflect::get(&window, &GLOBAL.into()).ok();
    if let Some(dialog) = loaded.filter(|d| d.is_object()) {
        then(dialog);
        return;
    }
    let document = gloo::utils::document();
    let Ok(script) = document.create_element("script") else {
        return;
    };
    let _ = script.set_attribute("src", SCRIPT);
    let on_load = Closure::once_into_js(move || {
        if let Ok(dialog) = js_sys::Reflect::get(&gloo::utils::window(), &GLOBAL.into()) {
            then(dialog);
        }
    });
    let _ = js_sys::Reflect::set(&script, &"onload".into(), &on_load);
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}
