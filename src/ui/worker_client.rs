//! The page's side of its two workers: the reader (reads, matches, evaluates) and the writer
//! (.xlsx report and template), each spawned on first use. The page sends the reader requests
//! (a picked file is handed over unread) and hands each answer to a callback; an export job the
//! reader answers with goes on to the writer unread. A worker that dies (a wasm trap, its script
//! failing to load, a message it cannot take) is reported (a failed read, a failed export) and
//! replaced, so the page never waits on it forever.

use crate::protocol::{ErrorInfo, Request, Response};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Reader,
    /// Loaded only when a workbook is asked for: the .xlsx writer is a third of what a first
    /// check would otherwise download.
    Writer,
}

impl Role {
    /// The worker script: trunk's loader next to the page, or the blob URL the one-file offline
    /// copy sets up before the app starts (file:// pages cannot start workers from files).
    fn url(self) -> String {
        let (global, file) = match self {
            Role::Reader => ("__DUIBIAO_WORKER_URL", "./duibiao-worker_loader.js"),
            Role::Writer => ("__DUIBIAO_EXPORT_URL", "./duibiao-export_loader.js"),
        };
        js_sys::Reflect::get(&gloo::utils::window(), &global.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| file.to_string())
    }

    fn crashed(self) -> Response {
        match self {
            Role::Reader => Response::Failed {
                error: ErrorInfo {
                    message_zh: CRASHED_ZH.into(),
                    message_en: CRASHED_EN.into(),
                    needs_year: false,
                    needs_encoding: false,
                },
            },
            Role::Writer => Response::ExportFailed {
                message: EXPORT_CRASHED.into(),
            },
        }
    }
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
/// What the page shows when the writer dies (the results stay; the user can ask again).
pub const EXPORT_CRASHED: &str =
    "生成文件时出错，请再试一次。The file could not be written; please try again.";

struct Running {
    worker: web_sys::Worker,
    /// Messages wait here until the worker says it is ready (its wasm has loaded).
    queue: Option<Vec<(js_sys::Object, js_sys::Array)>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_crash: Closure<dyn FnMut(web_sys::Event)>,
}

/// Cheap to clone; all clones share one reader and one writer.
#[derive(Clone)]
pub struct WorkerClient {
    role: Role,
    running: Rc<RefCell<Option<Running>>>,
    on_reply: OnReply,
    /// The last plan file sent, for a worker started after a crash.
    plan: Rc<RefCell<Option<Request>>>,
    /// A crash left the plan unsent: the next worker gets it after its hello.
    plan_owed: Rc<Cell<bool>>,
    /// The reader's writer, which the reader's export jobs go on to.
    writer: Option<Rc<WorkerClient>>,
}

impl PartialEq for WorkerClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.running, &other.running)
    }
}

impl WorkerClient {
    /// The reader, whose answers (and its writer's) go to `on_reply`.
    pub fn new(on_reply: impl Fn(Response, Option<Vec<u8>>) + 'static) -> WorkerClient {
        let on_reply: OnReply = Rc::new(on_reply);
        let writer = WorkerClient::with_role(Role::Writer, on_reply.clone(), None);
        WorkerClient::with_role(Role::Reader, on_reply, Some(Rc::new(writer)))
    }

    fn with_role(role: Role, on_reply: OnReply, writer: Option<Rc<WorkerClient>>) -> Self {
        WorkerClient {
            role,
            running: Rc::default(),
            on_reply,
            plan: Rc::default(),
            plan_owed: Rc::default(),
            writer,
        }
    }

    fn spawn(&self) -> Option<()> {
        if self.running.borrow().is_some() {
            return Some(());
        }
        let worker = web_sys::Worker::new(&self.role.url()).ok()?;
        let on_reply = self.on_reply.clone();
        let writer = self.writer.clone();
        let running = Rc::downgrade(&self.running);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let data = event.data();
                if field(&data, "ready").as_bool() == Some(true) {
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
                let response = field(&data, "response");
                if let Some(writer) = &writer {
                    let job = field(&response, "export");
                    if job.is_object() {
                        writer.post(message_with("job", &job), js_sys::Array::new());
                        return;
                    }
                }
                let Ok(response) = serde_wasm_bindgen::from_value::<Response>(response) else {
                    return;
                };
                let bytes = Some(field(&data, "bytes"))
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
        if self.role == Role::Reader {
            self.send(Request::Hello, None);
            if self.plan_owed.replace(false) {
                // Cloned out first: `send` records the plan again.
                let plan = self.plan.borrow().clone();
                if let Some(plan) = plan {
                    self.send(plan, None);
                }
            }
        }
        Some(())
    }

    /// The worker's `error` and `messageerror`: whatever it was doing is lost, so the page is
    /// told (a failed read ends "reading"; a failed export, its wait), and a fresh reader takes
    /// over. Only one that had started is replaced at once; one whose script never loaded is
    /// tried again at the next request, not in a loop. A writer starts again when next needed.
    fn on_crash(&self) -> Closure<dyn FnMut(web_sys::Event)> {
        // Weak: the closure lives inside `running`.
        let running = Rc::downgrade(&self.running);
        let (role, on_reply, plan, plan_owed, writer) = (
            self.role,
            self.on_reply.clone(),
            self.plan.clone(),
            self.plan_owed.clone(),
            self.writer.clone(),
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
            on_reply(role.crashed(), None);
            if had_started && role == Role::Reader {
                let client = WorkerClient {
                    role,
                    running,
                    on_reply: on_reply.clone(),
                    plan: plan.clone(),
                    plan_owed: plan_owed.clone(),
                    writer: writer.clone(),
                };
                let _ = client.spawn();
            }
        })
    }

    /// Sends the reader a request, starting it if it is not running.
    pub fn send(&self, request: Request, payload: Option<Payload>) {
        if matches!(request, Request::LoadPlan { .. }) {
            *self.plan.borrow_mut() = Some(request.clone());
        }
        let Ok(value) = serde_wasm_bindgen::to_value(&request) else {
            return;
        };
        let message = message_with("request", &value);
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
        self.post(message, transfer);
    }

    /// Posts a message once the worker is ready, starting it if it is not running.
    fn post(&self, message: js_sys::Object, transfer: js_sys::Array) {
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
        match &mut running.queue {
            Some(queue) => queue.push((message, transfer)),
            None => {
                let _ = running
                    .worker
                    .post_message_with_transfer(&message, &transfer);
            }
        }
    }

    /// Stops whatever the reader is doing; the next request starts a fresh one.
    pub fn cancel(&self) {
        if let Some(running) = self.running.borrow_mut().take() {
            running.worker.terminate();
        }
    }
}

/// `value[key]`, undefined where there is none (or `value` is not an object).
fn field(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn message_with(key: &str, value: &JsValue) -> js_sys::Object {
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &key.into(), value);
    message
}
