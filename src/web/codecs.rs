//! The browser's own decoders, handed to the core (`duibiao_core::Codecs`): plan files parsed by
//! `JSON.parse` into serde, GB18030 decoded by `TextDecoder` (the WHATWG decoder encoding_rs also
//! implements). The readers the page downloads then link no GBK tables, and no plan-file reader
//! at all (`READER`: plans reach them as postcard); only the writer reads plan files (`WRITER`);
//! `tests/web_components.rs` checks both against the core's own.

use duibiao_core::plan::{Plan, PlanError};
use duibiao_core::Codecs;
use wasm_bindgen::JsCast;

/// The writer's: it reads plan files (`ExportJob::ReadPlan`).
pub const WRITER: Codecs = Codecs {
    parse_plan,
    decode_gb18030,
    write_plan,
};

/// The readers': they take plans as postcard from the writer or build.rs, so they link no plan-file
/// reader (serde's field-name matching of every plan type, 10 kB gzip of a first check).
pub const READER: Codecs = Codecs {
    parse_plan: no_plan_files,
    decode_gb18030,
    write_plan: no_plan_written,
};

fn no_plan_written(_: &Plan) -> Result<String, String> {
    Err("plan files are written by the writer".into())
}

fn no_plan_files(_: &str) -> Result<Plan, PlanError> {
    Err(PlanError::Syntax {
        message: "plan files are read by the writer".into(),
        at: None,
    })
}

fn parse_plan(text: &str) -> Result<Plan, PlanError> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message: String = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| "JSON".into(), |e| e.message().into());
        PlanError::Syntax {
            at: place_in(text, &message),
            message,
        }
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| PlanError::Syntax {
        message: e.to_string(),
        at: None,
    })
}

/// The line and column a browser's JSON.parse message points at: Chromium says "at position N"
/// (a UTF-16 offset; newer ones add "(line L column C)"), Firefox "at line L column C".
fn place_in(text: &str, message: &str) -> Option<(usize, usize)> {
    let number_after = |word: &str| {
        let rest = &message[message.find(word)? + word.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<usize>().ok()
    };
    if let (Some(line), Some(column)) = (number_after("line "), number_after("column ")) {
        return Some((line, column));
    }
    let position = number_after("position ")?;
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars() {
        if units >= position {
            break;
        }
        units += c.len_utf16();
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    Some((line, column))
}

/// A plan as JSON text by the browser's `JSON.stringify` (the writer links no serde_json). Fields
/// a plan file may leave out are written as null or empty: `Plan::read` takes them, and the
/// review dialog (static/drafter.js) writes the file the user downloads without them.
fn write_plan(plan: &Plan) -> Result<String, String> {
    use serde::Serialize;
    let value = plan
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into())
        .map(String::from)
        .map_err(|_| "JSON.stringify".to_string())
}

fn decode_gb18030(bytes: &[u8], strict: bool) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(strict);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .and_then(|decoder| decoder.decode_with_u8_array(bytes))
        .ok()
}
