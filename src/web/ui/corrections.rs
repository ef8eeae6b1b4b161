//! Opens the dialog that corrects how a file was read. The dialog is `static/corrections.js`,
//! loaded the first time it is opened (a first check never downloads it); the page hands it the
//! sheets as the reader read them, the roles and every word in the page's language, and gets
//! back the user's choices, which it sends to the reader with the file's options.

use super::i18n::Lang;
use duibiao_core::ingest::{ColumnChoice, ReadOptions, Role, SheetChoice};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// A sheet as the dialog shows it: its columns with their roles, its year and region.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetToCorrect {
    pub name: String,
    pub header_row: Option<usize>,
    pub year: Option<i32>,
    pub region: Option<String>,
    pub columns: Vec<ColumnToCorrect>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnToCorrect {
    pub column: String,
    pub header: String,
    pub role: Role,
}

/// What the user chose in the dialog: every column and sheet choice in effect.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corrections {
    pub columns: Vec<ColumnChoice>,
    pub sheets: Vec<SheetChoice>,
}

const GLOBAL: &str = "__duibiaoCorrections";
const SCRIPT: &str = "./corrections.js";

/// Shows the dialog over the page; `on_apply` gets the choices when the user confirms. The
/// dialog's data is built as plain JS objects here and read back the same way: a serde bridge
/// for this one dialog cost the page's wasm 3 kB gzip.
pub fn open(
    lang: Lang,
    sheets: &[SheetToCorrect],
    current: &ReadOptions,
    on_apply: Callback<Corrections>,
) {
    let t = &lang.texts().corrections;
    let texts = object(&[
        ("title", t.title.into()),
        ("hint", t.hint.into()),
        ("sheet", t.sheet.into()),
        ("header_row", t.header_row.into()),
        ("column", t.column.into()),
        ("role", t.role.into()),
        ("no_header", t.no_header.into()),
        ("sheet_year", t.sheet_year.into()),
        ("sheet_region", t.sheet_region.into()),
        ("skip_sheet", t.skip_sheet.into()),
        ("apply", t.apply.into()),
        ("cancel", t.cancel.into()),
    ]);
    let roles = array(Role::ALL.iter().map(|role| {
        let name = match lang {
            Lang::Zh => role.label_zh(),
            Lang::En => role.label_en(),
        };
        object(&[("word", role.word().into()), ("name", name.into())])
    }));
    let sheets = array(sheets.iter().map(|sheet| {
        let columns = array(sheet.columns.iter().map(|c| {
            object(&[
                ("column", c.column.as_str().into()),
                ("header", c.header.as_str().into()),
                ("role", c.role.word().into()),
            ])
        }));
        object(&[
            ("name", sheet.name.as_str().into()),
            ("header_row", optional(sheet.header_row.map(|r| r as f64))),
            ("year", optional(sheet.year.map(f64::from))),
            (
                "region",
                sheet.region.as_deref().map_or(JsValue::NULL, JsValue::from),
            ),
            ("columns", columns.into()),
        ])
    }));
    let choices = object(&[
        (
            "columns",
            array(current.columns.iter().map(column_choice)).into(),
        ),
        (
            "sheets",
            array(current.sheets.iter().map(sheet_choice)).into(),
        ),
    ]);
    let apply = Closure::once_into_js(move |chosen: JsValue| on_apply.emit(corrections(&chosen)));
    let spec = object(&[
        ("lang", lang.code().into()),
        ("sheets", sheets.into()),
        ("roles", roles.into()),
        ("choices", choices.into()),
        ("texts", texts.into()),
        ("apply", apply),
    ]);
    super::on_demand::with_script(
        GLOBAL,
        SCRIPT,
        Box::new(move |dialog| {
            if let Ok(open) = js_sys::Reflect::get(&dialog, &"open".into()) {
                if let Some(open) = open.dyn_ref::<js_sys::Function>() {
                    let _ = open.call1(&dialog, &spec);
                }
            }
        }),
    );
}

fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object
}

fn array(items: impl Iterator<Item = js_sys::Object>) -> js_sys::Array {
    items.collect()
}

fn optional(value: Option<f64>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from)
}

fn column_choice(choice: &ColumnChoice) -> js_sys::Object {
    object(&[
        ("sheet", choice.sheet.as_str().into()),
        ("column", choice.column.into()),
        ("role", choice.role.word().into()),
    ])
}

fn sheet_choice(choice: &SheetChoice) -> js_sys::Object {
    object(&[
        ("sheet", choice.sheet.as_str().into()),
        ("year", optional(choice.year.map(f64::from))),
        (
            "region",
            choice
                .region
                .as_deref()
                .map_or(JsValue::NULL, JsValue::from),
        ),
        ("skip", choice.skip.into()),
    ])
}

/// The dialog's answer, `{columns: [{sheet, column, role}], sheets: [{sheet, year, region,
/// skip}]}`, as choices; what does not read as one is left out.
fn corrections(chosen: &JsValue) -> Corrections {
    let field = |value: &JsValue, key: &str| {
        js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
    };
    let list = |key: &str| -> Vec<JsValue> {
        field(chosen, key)
            .dyn_into::<js_sys::Array>()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    };
    let columns = list("columns")
        .iter()
        .filter_map(|c| {
            Some(ColumnChoice {
                sheet: field(c, "sheet").as_string()?,
                column: field(c, "column").as_f64()? as u32,
                role: Role::parse(&field(c, "role").as_string()?)?,
            })
        })
        .collect();
    let sheets = list("sheets")
        .iter()
        .filter_map(|s| {
            Some(SheetChoice {
                sheet: field(s, "sheet").as_string()?,
                year: field(s, "year").as_f64().map(|y| y as i32),
                region: field(s, "region").as_string(),
                skip: field(s, "skip").as_bool().unwrap_or(false),
            })
        })
        .collect();
    Corrections { columns, sheets }
}
