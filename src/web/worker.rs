//! What the page's workers (`src/bin/duibiao-worker.rs` and `duibiao-worker-light.rs`, the reader
//! in its two builds; `duibiao-export.rs`, the writer) share: taking the page's messages and posting
//! replies in the shape its `WorkerClient` reads. Requests and responses cross as bytes
//! (`protocol::encode`): `{request}` in, `{response, kind, bytes}` out (`kind` names the response,
//! for whoever watches the messages; `bytes` a file's, transferred, never copied), and an export
//! job as `{export}`, which the page hands to the writer unread.

use duibiao_core::ingest::{check_file_size, IngestError, IngestErrorKind};
use duibiao_core::protocol::{decode, encode, Reply, Request, Response, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts one reply to the page: a big report as several messages
/// ([`Response::into_messages`]), any bytes with the last.
pub fn post_reply((response, mut bytes): Reply) {
    let mut messages = response.into_messages();
    let last = messages.pop();
    for part in messages {
        post_message(part, None);
    }
    if let Some(last) = last {
        post_message(last, bytes.take());
    }
}

fn post_message(response: Response, bytes: Option<Vec<u8>>) {
    let message = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let attach = |key: &str, bytes: &[u8]| {
        let array = js_sys::Uint8Array::from(bytes);
        let _ = js_sys::Reflect::set(&message, &key.into(), &array);
        transfer.push(&array.buffer());
    };
    let encoded = match &response {
        Response::Export(job) => encode(job).map(|job| attach("export", &job)),
        other => encode(other).map(|encoded| {
            attach("response", &encoded);
            let _ = js_sys::Reflect::set(&message, &"kind".into(), &other.kind().into());
        }),
    };
    if encoded.is_err() {
        return;
    }
    if let Some(bytes) = bytes {
        attach("bytes", &bytes);
    }
    let _ = scope().post_message_with_transfer(&message, &transfer);
}

/// The bytes of a message's `key`, if it holds a byte array there.
pub fn bytes_at(data: &JsValue, key: &str) -> Option<Vec<u8>> {
    js_sys::Reflect::get(data, &key.into())
        .ok()
        .filter(|b| b.is_instance_of::<js_sys::Uint8Array>())
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
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

/// The reader's whole life: each request goes to one [`Session`], with the bytes that came with
/// it or those of the picked file it names.
pub fn serve_reader() {
    let mut session = Session::new(super::codecs::READER, crate::built_in_plan());
    serve(move |data| {
        let Some(Ok(request)) = bytes_at(&data, "request").map(|b| decode::<Request>(&b)) else {
            return;
        };
        let bytes = match js_sys::Reflect::get(&data, &"bytes".into())
            .ok()
            .filter(|b| !b.is_undefined() && !b.is_null())
        {
            Some(bytes) => Some(Ok(js_sys::Uint8Array::new(&bytes).to_vec())),
            None => read_file(&data),
        };
        match bytes.transpose() {
            Ok(bytes) => session.handle(request, bytes, &mut post_reply),
            Err(error) => session.refuse(&error, &mut post_reply),
        }
    });
}

/// The bytes of the picked file sent with a request (the page hands files over unread). Its size
/// is checked first, so a file past the limit is never read into the worker's memory (which on
/// wasm32 never shrinks); a read that fails (the file moved, deleted or locked since it was
/// picked) is reported as such, never as an empty file.
fn read_file(data: &JsValue) -> Option<Result<Vec<u8>, IngestError>> {
    let file: web_sys::File = js_sys::Reflect::get(data, &"file".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let name = file.name();
    // A File's size is a whole number of bytes; the cast saturates (and NaN, never seen, is 0).
    if let Err(error) = check_file_size(&name, file.size() as u64) {
        return Some(Err(error));
    }
    let read = web_sys::FileReaderSync::new().and_then(|reader| reader.read_as_array_buffer(&file));
    Some(match read {
        Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
        Err(error) => Err(IngestError::new(
            &name,
            None,
            IngestErrorKind::ReadFailed {
                detail: dom_error_text(&error),
            },
        )),
    })
}

/// "NotReadableError: …" from a DOMException, or whatever the value says of itself.
fn dom_error_text(error: &JsValue) -> String {
    let field = |key: &str| {
        js_sys::Reflect::get(error, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.is_empty())
    };
    match (field("name"), field("message")) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (Some(text), None) | (None, Some(text)) => text,
        (None, None) => error.as_string().unwrap_or_else(|| "FileReaderSync".into()),
    }
}
