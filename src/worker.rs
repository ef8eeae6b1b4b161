//! The page's reader, a web worker: a thin shell that hands each message to a
//! [`duibiao::protocol::Session`] and posts the replies back. Reading and evaluating never block
//! the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    use duibiao::protocol::{Request, Session};
    use duibiao::web_worker::{post_reply, serve};

    let mut session = Session::default();
    serve(move |data| {
        let Ok(request) = js_sys::Reflect::get(&data, &"request".into()) else {
            return;
        };
        let Ok(request) = serde_wasm_bindgen::from_value::<Request>(request) else {
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
#[cfg(target_arch = "wasm32")]
fn read_file(
    data: &wasm_bindgen::JsValue,
) -> Option<Result<Vec<u8>, duibiao::ingest::IngestError>> {
    use duibiao::ingest::{check_file_size, IngestError, IngestErrorKind};
    use wasm_bindgen::JsCast;
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
#[cfg(target_arch = "wasm32")]
fn dom_error_text(error: &wasm_bindgen::JsValue) -> String {
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

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
