//! The page's side of the worker: spawns it on first use, sends requests (a picked file is
//! handed over unread), and hands each answer to a callback. A worker that dies (a wasm trap,
//! its script failing to load, a message it cannot take) is reported as a failed read and
//! replaced, so the page never waits on it forever.

use crate::protocol::{ErrorInfo, Request, Response};
use std::cell::{Cell, RefCell};
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

/// What the page shows when the worker dies.
pub const CRASHED_ZH: &str = "读取时出错，工具已重新启动；请再选一次文件。";
pub const CRASHED_EN: &str =
    "The reader stopped unexpectedly and was restarted; please pick the file again.";

struct Running {
    worker: web_sys::Worker,
    /// Messages wait here until the worker says it is ready (its wasm has loaded).
    queue: Option<Vec<(js_sys::Object, js_sys::Array)>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_crash: Closure<dyn FnMut(web_sys::Event)>,
}

/// Cheap to clone; all clones share one worker.
#[derive(Clone)]
pub struct WorkerClient {
    running: Rc<RefCell<Option<Running>>>,
    on_reply: OnReply,
    /// The last plan file sent, for a worker started after a crash.
    plan: Rc<RefCell<Option<Request>>>,
    /// A crash left the plan unsent: the next worker gets it after its hello.
    plan_owed: Rc<Cell<bool>>,
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
            plan: Rc::default(),
            plan_owed: Rc::default(),
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
        let on_crash = self.on_crash();
        worker.set_onerror(Some(on_crash.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_crash.as_ref().unchecked_ref()));
        *self.running.borrow_mut() = Some(Running {
            worker,
            queue: Some(Vec::new()),
            _on_message: on_message,
            _on_crash: on_crash,
        });
        self.send(Request::Hello, None);
        if self.plan_owed.replace(false) {
            // Cloned out first: `send` records the plan again.
            let plan = self.plan.borrow().clone();
            if let Some(plan) = plan {
                self.send(plan, None);
            }
        }
        Some(())
    }

    /// The worker's `error` and `messageerror`: whatever it was doing is lost, so the page is
    /// told (as a failed read, which ends "reading"), and a fresh worker takes over. Only one
    /// that had started is replaced at once; one whose script never loaded is tried again at the
    /// next request, not in a loop.
    fn on_crash(&self) -> Closure<dyn FnMut(web_sys::Event)> {
        // Weak: the closure lives inside `running`.
        let running = Rc::downgrade(&self.running);
        let (on_reply, plan, plan_owed) = (
            self.on_reply.clone(),
            self.plan.clone(),
            self.plan_owed.clone(),
        );
        Closure::new(move |_event: web_sys::Event| {
            let Some(running) = running.upgrade() else {
                return;
            };
            let Some(crashed) = running.borrow_mut().take() else {
                return;
            };
            crashed.worker.terminate();
            let had_started = crashed.queue.is_none();
            // This closure belongs to `crashed`: it is dropped once this call has returned.
            wasm_bindgen_futures::spawn_local(async move { drop(crashed) });
            plan_owed.set(plan.borrow().is_some());
            on_reply(
                Response::Failed {
                    error: ErrorInfo {
                        message_zh: CRASHED_ZH.into(),
                        message_en: CRASHED_EN.into(),
                        needs_year: false,
                        needs_encoding: false,
                    },
                },
                None,
            );
            if had_started {
                let client = WorkerClient {
                    running,
                    on_reply: on_reply.clone(),
                    plan: plan.clone(),
                    plan_owed: plan_owed.clone(),
                };
                let _ = client.spawn();
            }
        })
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
        if matches!(request, Request::LoadPlan { .. }) {
            *self.plan.borrow_mut() = Some(request.clone());
        }
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
