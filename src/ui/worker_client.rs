//! The page's side of the worker: spawns it on first use, sends requests (a picked file is
//! handed over unread), and hands each answer to a callback.

use crate::protocol::{Request, Response};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker script: trunk's loader next to the page, or the blob URL the one-file offline
/// copy sets up before the app starts (file:// pages cannot start workers from files).
fn worker_url() -> String {
    let window = gloo::utils::window();
    js_sys::Reflect::get(&window, &"__DUIBIAO_WORKER_URL".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "./duibiao-worker_loader.js".to_string())
}

/// What goes with a request. A picked file goes as it is: the worker reads it, so its bytes
/// never pass through the page's main thread. Bytes the page holds (the sample) are transferred.
pub enum Payload {
    File(web_sys::File),
    Bytes(Vec<u8>),
}

type OnReply = Rc<dyn Fn(Response, Option<Vec<u8>>)>;

struct Running {
    worker: web_sys::Worker,
    /// Messages wait here until the worker says it is ready (its wasm has loaded).
    queue: Option<Vec<(js_sys::Object, js_sys::Array)>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

/// Cheap to clone; all clones share one worker.
#[derive(Clone)]
pub struct WorkerClient {
    running: Rc<RefCell<Option<Running>>>,
    on_reply: OnReply,
}

impl PartialEq for WorkerClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.running, &other.running)
    }
}

impl WorkerClient {
    pub fn new(on_reply: impl Fn(Response, Option<Vec<u8>>) + 'static) -> WorkerClient {
        WorkerClient {
            running: Rc::default(),
            on_reply: Rc::new(on_reply),
        }
    }

    fn spawn(&self) -> Option<()> {
        if self.running.borrow().is_some() {
            return Some(());
        }
        let worker = web_sys::Worker::new(&worker_url()).ok()?;
        let on_reply = self.on_reply.clone();
        let running = Rc::downgrade(&self.running);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                if js_sys::Reflect::get(&data, &"ready".into())
                    .ok()
                    .and_then(|r| r.as_bool())
                    == Some(true)
                {
                    if let Some(running) = running.upgrade() {
                        if let Some(running) = running.borrow_mut().as_mut() {
                            for (message, transfer) in running.queue.take().unwrap_or_default() {
                                let _ = running
                                    .worker
                                    .post_message_with_transfer(&message, &transfer);
                            }
                        }
                    }
                    return;
                }
                let Ok(response) = js_sys::Reflect::get(&data, &"response".into()) else {
                    return;
                };
                let Ok(response) = serde_wasm_bindgen::from_value::<Response>(response) else {
                    return;
                };
                let bytes = js_sys::Reflect::get(&data, &"bytes".into())
                    .ok()
                    .filter(|b| !b.is_undefined())
                    .map(|b| js_sys::Uint8Array::new(&b).to_vec());
                on_reply(response, bytes);
            },
        );
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        *self.running.borrow_mut() = Some(Running {
            worker,
            queue: Some(Vec::new()),
            _on_message: on_message,
        });
        self.send(Request::Hello, None);
        Some(())
    }

    /// Sends a request, starting the worker if it is not running.
    pub fn send(&self, request: Request, payload: Option<Payload>) {
        if self.spawn().is_none() {
            (self.on_reply)(
                Response::ExportFailed {
                    message: "此浏览器无法启动后台线程 (Web Worker)".into(),
                },
                None,
            );
            return;
        }
        let mut running = self.running.borrow_mut();
        let Some(running) = running.as_mut() else {
            return;
        };
        let Ok(value) = serde_wasm_bindgen::to_value(&request) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"request".into(), &value);
        let transfer = js_sys::Array::new();
        match payload {
            Some(Payload::File(file)) => {
                let _ = js_sys::Reflect::set(&message, &"file".into(), &file);
            }
            Some(Payload::Bytes(bytes)) => {
                let array = js_sys::Uint8Array::from(bytes.as_slice());
                let _ = js_sys::Reflect::set(&message, &"bytes".into(), &array);
                transfer.push(&array.buffer());
            }
            None => {}
        }
        match &mut running.queue {
            Some(queue) => queue.push((message, transfer)),
            None => {
                let _ = running
                    .worker
                    .post_message_with_transfer(&message, &transfer);
            }
        }
    }

    /// Stops whatever the worker is doing; the next request starts a fresh one.
    pub fn cancel(&self) {
        if let Some(running) = self.running.borrow_mut().take() {
            running.worker.terminate();
        }
    }
}
