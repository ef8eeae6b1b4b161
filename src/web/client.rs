//! The page's side of its workers: the reader (reads, matches, evaluates) and the writer (.xlsx
//! report and template), each spawned on first use. The page sends the reader requests (a picked
//! file is handed over unread) and hands each answer to a callback; an export job the reader
//! answers with goes on to the writer unread. A worker that dies (a wasm trap, a message it
//! cannot take) is reported (a failed read, a failed export) and replaced, so the page never
//! waits on it forever; one whose script or wasm cannot be loaded (static/worker.js says so) is
//! reported with the offline copy as the way out.
//!
//! The reader comes in two builds. The light one (.xlsx and .csv, what nearly every submission
//! is) starts first; a file whose name says a format only the full reader reads (`Format::reader`),
//! or one the light reader finds to be such a file whatever its name
//! ([`Response::NeedsFullReader`]), moves the page to the full reader,
//! which then serves every later request: one reader runs at a time, so nothing is held twice.

use crate::web::worker::bytes_at;
use duibiao_core::ingest::{Format, ReaderBuild};
use duibiao_core::protocol::{decode, encode, ErrorInfo, Reassembly, Request, Response};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    LightReader,
    FullReader,
    /// Loaded only when a workbook is asked for: the .xlsx writer is a third of what a first
    /// check would otherwise download.
    Writer,
}

impl Role {
    /// The worker script: static/worker.js naming the build, or the blob URL the one-file
    /// offline copy sets up before the app starts (file:// pages cannot start workers from files).
    fn url(self) -> String {
        let (global, build) = match self {
            Role::LightReader => ("__DUIBIAO_LIGHT_URL", "duibiao-worker-light"),
            Role::FullReader => ("__DUIBIAO_WORKER_URL", "duibiao-worker"),
            Role::Writer => ("__DUIBIAO_EXPORT_URL", "duibiao-export"),
        };
        js_sys::Reflect::get(&gloo::utils::window(), &global.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| format!("./worker.js?{build}"))
    }

    fn is_reader(self) -> bool {
        self != Role::Writer
    }

    fn crashed(self) -> Response {
        match self {
            Role::LightReader | Role::FullReader => Response::Failed {
                error: ErrorInfo::plain(CRASHED_ZH.into(), CRASHED_EN.into()),
            },
            Role::Writer => Response::ExportFailed {
                message: EXPORT_CRASHED.into(),
            },
        }
    }

    /// Its script or its wasm never loaded: trying again will not help, the offline copy will.
    fn not_loaded(self) -> Response {
        match self {
            Role::LightReader | Role::FullReader => Response::Failed {
                error: ErrorInfo {
                    offers_offline_copy: true,
                    ..ErrorInfo::plain(NOT_LOADED_ZH.into(), NOT_LOADED_EN.into())
                },
            },
            Role::Writer => Response::ExportFailed {
                message: format!("{NOT_LOADED_ZH} {NOT_LOADED_EN}"),
            },
        }
    }
}

/// Whether a file's name says it is a workbook only the full reader reads. Only a shortcut: the
/// light reader looks at the bytes and hands on what it cannot read, whatever the name says.
fn named_for_full_reader(name: &str) -> bool {
    Format::named(name).is_some_and(|format| !ReaderBuild::Light.reads(format))
}

/// What goes with a request. A picked file goes as it is: the worker reads it, so its bytes
/// never pass through the page's main thread. Bytes the page holds (the sample) are transferred.
#[derive(Clone)]
pub enum Payload {
    File(web_sys::File),
    Bytes(Vec<u8>),
}

type OnReply = Rc<dyn Fn(Response, Option<Vec<u8>>)>;

/// What the page shows when the worker dies.
pub const CRASHED_ZH: &str = "读取时出错，工具已重新启动；请再选一次文件。";
pub const CRASHED_EN: &str =
    "The reader stopped unexpectedly and was restarted; please pick the file again.";
/// What the page shows when a worker's script or wasm cannot be loaded from the server.
pub const NOT_LOADED_ZH: &str =
    "本工具的读取组件（.wasm 文件）无法从服务器载入，可能被网络代理或服务器拦截。\
    请改用单文件离线版（duibiao-offline.html），它无需再从网络载入任何内容；\
    或请网站管理员允许 .wasm 文件（application/wasm）。";
pub const NOT_LOADED_EN: &str = "A part of this tool (a .wasm file) could not be loaded from the \
    server; a proxy or the server may be blocking it. Use the one-file offline copy \
    (duibiao-offline.html), which loads nothing more from the network, or ask the site's \
    administrator to allow .wasm files (application/wasm).";
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

impl Running {
    /// Ends the worker. Its handlers go a moment later, not now: this may be running inside one.
    fn stop(self) {
        self.worker.terminate();
        wasm_bindgen_futures::spawn_local(async move { drop(self) });
    }
}

/// Cheap to clone; all clones share one reader and one writer.
#[derive(Clone)]
pub struct WorkerClient(Rc<Client>);

struct Client {
    /// For the reader: the light build until a file needs the full one.
    role: Cell<Role>,
    running: RefCell<Option<Running>>,
    on_reply: OnReply,
    /// The last plan sent ([`Request::UsePlan`]), for a reader started after a crash or a switch.
    plan: RefCell<Option<Request>>,
    /// A crash, a cancel or a switch left the plan unsent: the next reader gets it after its
    /// hello.
    plan_owed: Cell<bool>,
    /// The last check the light reader was sent, for the full reader if the light one hands it on.
    light_check: RefCell<Option<(Request, Payload)>>,
    /// The reader's writer, which the reader's export jobs go on to.
    writer: Option<WorkerClient>,
    /// A big report's rows, which arrive in parts ahead of it.
    reassembly: RefCell<Reassembly>,
}

impl Client {
    fn new(role: Role, on_reply: OnReply, writer: Option<WorkerClient>) -> Client {
        Client {
            role: Cell::new(role),
            running: RefCell::default(),
            on_reply,
            plan: RefCell::default(),
            plan_owed: Cell::default(),
            light_check: RefCell::default(),
            writer,
            reassembly: RefCell::default(),
        }
    }
}

impl PartialEq for WorkerClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl WorkerClient {
    /// The reader, whose answers (and its writer's) go to `on_reply`. A plan file the writer
    /// read goes on to the reader as bytes; the page hears of it from the reader.
    pub fn new(on_reply: impl Fn(Response, Option<Vec<u8>>) + 'static) -> WorkerClient {
        let on_reply: OnReply = Rc::new(on_reply);
        WorkerClient(Rc::new_cyclic(|reader: &std::rc::Weak<Client>| {
            let (reader, to_page) = (reader.clone(), on_reply.clone());
            let writer_said: OnReply = Rc::new(move |response, bytes| match response {
                Response::PlanRead {
                    source,
                    plan,
                    dropped_checks,
                } => {
                    if let Some(reader) = reader.upgrade() {
                        WorkerClient(reader).send(
                            Request::UsePlan {
                                source: source.clone(),
                                plan,
                            },
                            None,
                        );
                    }
                    to_page(
                        Response::PlanRead {
                            source,
                            plan: Vec::new(),
                            dropped_checks,
                        },
                        None,
                    );
                }
                other => to_page(other, bytes),
            });
            let writer = WorkerClient(Rc::new(Client::new(Role::Writer, writer_said, None)));
            Client::new(Role::LightReader, on_reply, Some(writer))
        }))
    }

    /// A plan file's text (the plan picker, `?plan=`): the writer reads it, and the reader then
    /// uses its plan.
    pub fn load_plan(&self, source: String, text: String) {
        // As two strings, not an encoded job: encoding one here would link the serialisers of
        // every job (report and plan included) into the page.
        self.to_writer(
            ["plan_text", "plan_source"],
            &text.into(),
            source,
            js_sys::Array::new(),
        );
    }

    /// A plan's text to draft (the drafter dialog): its bytes as the dialog holds them and its
    /// name go to the writer, which answers `PlanDrafted` or `DraftFailed`. The bytes never enter
    /// the page's wasm; they are transferred, not copied.
    pub fn draft_plan(&self, source: String, bytes: js_sys::Uint8Array) {
        let transfer = js_sys::Array::of1(&bytes.buffer());
        self.to_writer(["draft_bytes", "draft_source"], &bytes, source, transfer);
    }

    /// A value and its source's name, under the keys the writer reads them by.
    fn to_writer(
        &self,
        [key, source_key]: [&str; 2],
        value: &JsValue,
        source: String,
        transfer: js_sys::Array,
    ) {
        let Some(writer) = &self.0.writer else {
            return;
        };
        let message = message_with(key, value);
        let _ = js_sys::Reflect::set(&message, &source_key.into(), &source.into());
        writer.post(message, transfer);
    }

    fn spawn(&self) -> Option<()> {
        let client = &self.0;
        if client.running.borrow().is_some() {
            return Some(());
        }
        let worker = web_sys::Worker::new(&client.role.get().url()).ok()?;
        // Weak: the handlers live inside `running`.
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(client) = weak.upgrade() {
                    WorkerClient(client).received(event.data());
                }
            },
        );
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let weak = Rc::downgrade(&self.0);
        let on_crash = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            if let Some(client) = weak.upgrade() {
                WorkerClient(client).crashed();
            }
        });
        worker.set_onerror(Some(on_crash.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_crash.as_ref().unchecked_ref()));
        *client.running.borrow_mut() = Some(Running {
            worker,
            queue: Some(Vec::new()),
            _on_message: on_message,
            _on_crash: on_crash,
        });
        if client.role.get().is_reader() {
            self.send(Request::Hello, None);
            if client.plan_owed.replace(false) {
                // Cloned out first: `send` records the plan again.
                let plan = client.plan.borrow().clone();
                if let Some(plan) = plan {
                    self.send(plan, None);
                }
            }
        }
        Some(())
    }

    /// One message from the worker: it is ready, an export job for the writer, or an answer.
    fn received(&self, data: JsValue) {
        let client = &self.0;
        if field(&data, "loadFailed").is_string() {
            self.crashed();
            return;
        }
        if field(&data, "ready").as_bool() == Some(true) {
            if let Some(running) = client.running.borrow_mut().as_mut() {
                for (message, transfer) in running.queue.take().unwrap_or_default() {
                    let _ = running
                        .worker
                        .post_message_with_transfer(&message, &transfer);
                }
            }
            return;
        }
        if let Some(writer) = &client.writer {
            let job = field(&data, "export");
            if job.is_object() {
                writer.post(message_with("job", &job), js_sys::Array::new());
                return;
            }
        }
        let Some(Ok(response)) = bytes_at(&data, "response").map(|b| decode::<Response>(&b)) else {
            return;
        };
        // Each part of a big report is decoded in a task of its own (issue 25).
        let Some(response) = client.reassembly.borrow_mut().receive(response) else {
            return;
        };
        if response == Response::NeedsFullReader {
            let handed_on = client.light_check.take();
            if let Some((check, payload)) = handed_on {
                self.switch_to_full_reader();
                self.send(check, Some(payload));
            }
            return;
        }
        // Drawn in a task of its own: decoding a township roll-up's report and drawing it in the
        // same task held the main thread for 140 ms (BENCHMARKS.md, issue 25).
        let (on_reply, bytes) = (client.on_reply.clone(), bytes_at(&data, "bytes"));
        let draw = Closure::once_into_js(move || on_reply(response, bytes));
        // ok to ignore: setTimeout fails only where a page has no timers.
        let _ = gloo::utils::window().set_timeout_with_callback(draw.unchecked_ref());
    }

    /// From now on the full reader serves every request; the light one stops, its memory with it.
    fn switch_to_full_reader(&self) {
        let client = &self.0;
        client.light_check.take();
        if client.role.replace(Role::FullReader) != Role::LightReader {
            return;
        }
        if let Some(light) = client.running.borrow_mut().take() {
            light.stop();
        }
        client.plan_owed.set(client.plan.borrow().is_some());
    }

    /// The worker's `error` and `messageerror`, or its wasm not loading: whatever it was doing is
    /// lost, so the page is told (a failed read ends "reading"; a failed export, its wait). One
    /// that had started is replaced at once by a fresh one; one that never loaded is tried again
    /// at the next request, not in a loop, and the page points to the offline copy. A writer
    /// starts again when next needed.
    fn crashed(&self) {
        let client = &self.0;
        let Some(crashed) = client.running.borrow_mut().take() else {
            return;
        };
        let had_started = crashed.queue.is_none();
        crashed.stop();
        client.reassembly.borrow_mut().clear();
        client.light_check.take();
        client.plan_owed.set(client.plan.borrow().is_some());
        let role = client.role.get();
        if !had_started {
            (client.on_reply)(role.not_loaded(), None);
            return;
        }
        (client.on_reply)(role.crashed(), None);
        if role.is_reader() {
            let _ = self.spawn();
        }
    }

    /// Sends the reader a request, starting it if it is not running.
    pub fn send(&self, request: Request, payload: Option<Payload>) {
        let client = &self.0;
        match &request {
            Request::UsePlan { .. } => *client.plan.borrow_mut() = Some(request.clone()),
            Request::Check { name, .. } if client.role.get() == Role::LightReader => {
                if named_for_full_reader(name) {
                    self.switch_to_full_reader();
                } else {
                    *client.light_check.borrow_mut() =
                        payload.clone().map(|p| (request.clone(), p));
                }
            }
            _ => {}
        }
        let Ok(encoded) = encode(&request) else {
            return;
        };
        let encoded = js_sys::Uint8Array::from(encoded.as_slice());
        let message = message_with("request", &encoded);
        let transfer = js_sys::Array::of1(&encoded.buffer());
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
        let client = &self.0;
        if self.spawn().is_none() {
            (client.on_reply)(
                Response::ExportFailed {
                    message: "此浏览器无法启动后台线程 (Web Worker)".into(),
                },
                None,
            );
            return;
        }
        let mut running = client.running.borrow_mut();
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

    /// Stops whatever the reader is doing; the next request starts a fresh one, which gets the
    /// plan in use first.
    pub fn cancel(&self) {
        self.0.light_check.take();
        if let Some(running) = self.0.running.borrow_mut().take() {
            running.worker.terminate();
            self.0.reassembly.borrow_mut().clear();
            self.0.plan_owed.set(self.0.plan.borrow().is_some());
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
