//! Scripts the page loads only when first needed (the dialogs `static/corrections.js` and
//! `static/drafter.js`): a first check never downloads them. Each sets one global object.

use wasm_bindgen::prelude::*;

/// The script's global object, if the script has run.
pub fn loaded(global: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&gloo::utils::window(), &global.into())
        .ok()
        .filter(JsValue::is_object)
}

/// Runs `then` with the object `script` sets as `global`, loading the script first if this is
/// the first time.
/// (`then` boxed: one copy of this in the page's wasm for every dialog.)
pub fn with_script(global: &'static str, script: &str, then: Box<dyn FnOnce(JsValue)>) {
    if let Some(object) = loaded(global) {
        then(object);
        return;
    }
    let document = gloo::utils::document();
    let Ok(element) = document.create_element("script") else {
        return;
    };
    let _ = element.set_attribute("src", script);
    let on_load = Closure::once_into_js(move || {
        if let Some(object) = loaded(global) {
            then(object);
        }
    });
    let _ = js_sys::Reflect::set(&element, &"onload".into(), &on_load);
    if let Some(head) = document.head() {
        let _ = head.append_child(&element);
    }
}
