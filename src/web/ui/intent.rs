//! What the user asked of the plain-HTML landing page before the app had loaded
//! (static/boot.js leaves it in `window.__duibiaoIntent`): the app takes it over when it mounts.

use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, PartialEq)]
pub enum Intent {
    /// A picked or dropped file, to check.
    File(web_sys::File),
    Sample,
    Template,
    /// Open the picker for another plan file.
    PlanPicker,
}

const KEY: &str = "__duibiaoIntent";

/// The waiting intent, if any; it is taken, so it is acted on once.
pub fn take() -> Option<Intent> {
    let window: js_sys::Object = gloo::utils::window().unchecked_into();
    let key = JsValue::from_str(KEY);
    let intent = js_sys::Reflect::get(&window, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let field = |name: &str| js_sys::Reflect::get(&intent, &JsValue::from_str(name)).ok();
    match field("kind")?.as_string()?.as_str() {
        "file" => field("file")?.dyn_into().ok().map(Intent::File),
        "sample" => Some(Intent::Sample),
        "template" => Some(Intent::Template),
        "plan" => Some(Intent::PlanPicker),
        _ => None,
    }
}
