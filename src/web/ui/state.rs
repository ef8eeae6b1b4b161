//! The page's one reducer: every change of state is an [`Action`]. The worker does the work;
//! its answers arrive as [`Action::WorkerSaid`].

use super::i18n::Lang;
use super::shared::Shared;
use super::view::View;
use duibiao_core::check::CheckOptions;
use duibiao_core::matching::Override;
use duibiao_core::plan::PlanView;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::protocol::{ErrorInfo, Response, Stage};
use duibiao_core::report::Report;
use std::rc::Rc;
use yew::Reducible;

/// Where the plan in use came from.
#[derive(Clone, PartialEq)]
pub enum PlanOrigin {
    Embedded,
    /// A `?plan=` URL or a picked plan file.
    Loaded(String),
}

/// A file being read: its name, size and how far the worker has got.
#[derive(Clone, PartialEq)]
pub struct Busy {
    pub name: String,
    pub bytes: usize,
    pub stage: Option<Stage>,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// The plan in use, once the worker has sent it (the landing page shows a build-time summary).
    pub plan: Option<Rc<PlanView>>,
    pub plan_origin: PlanOrigin,
    /// (source, message zh, message en)
    pub plan_error: Option<(String, String, String)>,
    /// The loaded plan file's checks that could not be used: (zh, en) each.
    pub dropped_checks: Vec<(String, String)>,
    pub options: CheckOptions,
    pub busy: Option<Busy>,
    pub report: Option<Shared<Report>>,
    /// All the report's unmatched rows; the page holds only the first ones.
    pub unmatched_total: usize,
    pub error: Option<ErrorInfo>,
    pub export_error: Option<String>,
    /// A workbook (report or template) is being made: from the user's click to the file.
    pub exporting: bool,
    /// Filters, search, sort and the open detail of the results table.
    pub view: View,
}

pub enum Action {
    SetLang(Lang),
    /// A file was handed to the worker.
    Started {
        name: String,
        bytes: usize,
    },
    /// The user stopped a long read; the worker was replaced.
    Cancelled,
    /// A workbook (report or template) was asked for: the writer makes it, loading first if
    /// this is the first.
    ExportRequested,
    /// New options were sent to the worker (year, sheet, encoding, overrides).
    SetOptions(CheckOptions),
    SetView(View),
    WorkerSaid(Response),
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            plan: None,
            plan_origin: PlanOrigin::Embedded,
            plan_error: None,
            dropped_checks: Vec::new(),
            options: CheckOptions::default(),
            busy: None,
            report: None,
            unmatched_total: 0,
            error: None,
            export_error: None,
            exporting: false,
            view: View::default(),
        }
    }

    /// The options with the user's decision about one label recorded (a later one replaces it).
    pub fn with_override(&self, decision: Override) -> CheckOptions {
        let mut options = self.options.clone();
        options
            .overrides
            .retain(|o| o.as_written != decision.as_written);
        options.overrides.push(decision);
        options
    }
}

impl State {
    /// The options with a flagged figure confirmed, or its confirmation taken back.
    pub fn with_confirmation(&self, confirmation: Confirmation) -> CheckOptions {
        let mut options = self.options.clone();
        let before = options.confirmed.len();
        options.confirmed.retain(|c| *c != confirmation);
        if options.confirmed.len() == before {
            options.confirmed.push(confirmation);
        }
        options
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Started { name, bytes } => {
                next.busy = Some(Busy {
                    name,
                    bytes,
                    stage: None,
                });
                next.export_error = None;
            }
            Action::Cancelled => next.busy = None,
            Action::ExportRequested => {
                next.exporting = true;
                next.export_error = None;
            }
            Action::SetOptions(options) => next.options = options,
            Action::SetView(view) => next.view = view,
            Action::WorkerSaid(response) => match response {
                Response::Ready { plan } => {
                    if next.plan_origin == PlanOrigin::Embedded {
                        next.plan = Some(Rc::new(plan));
                    }
                }
                Response::PlanLoaded { source, plan } => {
                    next.plan = Some(Rc::new(plan));
                    next.plan_origin = PlanOrigin::Loaded(source);
                    next.plan_error = None;
                }
                Response::PlanRead { dropped_checks, .. } => {
                    next.dropped_checks = dropped_checks;
                }
                Response::PlanFailed {
                    source,
                    message_zh,
                    message_en,
                } => {
                    next.plan_error = Some((source, message_zh, message_en));
                }
                Response::Progress { stage } => {
                    if let Some(busy) = &mut next.busy {
                        busy.stage = Some(stage);
                    }
                }
                Response::Checked {
                    report,
                    unmatched_total,
                } => {
                    next.busy = None;
                    next.error = None;
                    next.report = Some(Shared::from(report));
                    next.unmatched_total = unmatched_total;
                }
                Response::Failed { error } => {
                    next.busy = None;
                    next.report = None;
                    next.error = Some(error);
                }
                Response::ExportFailed { message } => {
                    next.exporting = false;
                    next.export_error = Some(message);
                }
                // The page saves files as they arrive; export jobs go from the reader to the
                // writer, and a check the light reader hands on to the full one, without reaching
                // the state.
                Response::File { .. } => next.exporting = false,
                // The drafter's answers are the dialog's (`drafter::tell`); a report's rows
                // reach the state with their report (`WorkerClient` puts them together).
                Response::Export(_)
                | Response::NeedsFullReader
                | Response::ResultRows { .. }
                | Response::PlanDrafted { .. }
                | Response::DraftFailed { .. } => {}
            },
        }
        Rc::new(next)
    }
}
