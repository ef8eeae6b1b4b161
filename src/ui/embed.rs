//! `?embed=1`: the compact mode for the portal's iframe. The page tells its parent only its
//! height (`{type: "duibiao:resize", height}`), never anything from a file.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A query parameter of the page's address.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

pub fn requested() -> bool {
    query_param("embed").is_some_and(|v| v == "1" || v == "true")
}

/// Marks the page as embedded and reports its height to the parent whenever it changes.
pub fn start() {
    let document = gloo::utils::document();
    if let Some(body) = document.body() {
        let _ = body.class_list().add_1("embed");
    }
    let window = gloo::utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let report = Closure::<dyn FnMut()>::new(move || {
        let height = gloo::utils::document()
            .document_element()
            .map_or(0, |e| e.scroll_height());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"duibiao:resize".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    if let (Ok(observer), Some(root)) = (
        web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()),
        document.document_element(),
    ) {
        observer.observe(&root);
    }
    // The observer lives as long as the page, so its callback must too.
    report.forget();
}
