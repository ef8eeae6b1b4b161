//! What the page's two workers (`src/worker.rs`, the reader; `src/export_worker.rs`, the writer)
//! share: taking the page's messages and posting replies in the shape its `WorkerClient` reads
//! (`{response, bytes}`, the bytes transferred, never copied).

use crate::protocol::Reply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts one reply to the page.
pub fn post_reply((response, bytes): Reply) {
    let Ok(value) = serde_wasm_bindgen::to_value(&response) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"response".into(), &value);
    let transfer = js_sys::Array::new();
    if let Some(bytes) = bytes {
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
        transfer.push(&array.buffer());
    }
    let _ = scope().post_message_with_transfer(&message, &transfer);
}

/// Hands every message's data to `handle` for the worker's lifetime, then tells the page it is
/// ready: messages sent before this point found no handler, so the page holds them until then.
pub fn serve(handle: impl FnMut(JsValue) + 'static) {
    let mut handle = handle;
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| handle(event.data()));
    let scope = scope();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"ready".into(), &true.into());
    let _ = scope.post_message(&ready);
}
