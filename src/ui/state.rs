//! The page's one reducer: every change of state is an [`Action`].

use super::i18n::Lang;
use super::view::View;
use crate::check::{evaluate_workbook, sha256_hex, CheckOptions};
use crate::ingest::{read_workbook, IngestError, TextEncoding, Workbook};
use crate::matching::Override;
use crate::plan::{Plan, PlanError};
use crate::report::Report;
use std::rc::Rc;
use yew::Reducible;

/// The last file picked, kept so that a new choice (sheet, year, encoding, plan) needs no new pick.
#[derive(Clone, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
    pub sha256: String,
}

/// A file that was read and evaluated.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    pub workbook: Rc<Workbook>,
    pub report: Rc<Report>,
}

/// Where the plan in use came from.
#[derive(Clone, PartialEq)]
pub enum PlanOrigin {
    Embedded,
    /// A `?plan=` URL or a picked plan file.
    Loaded(String),
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub plan: Rc<Plan>,
    pub plan_origin: PlanOrigin,
    pub plan_error: Option<(String, PlanError)>,
    pub options: CheckOptions,
    pub reading: Option<String>,
    pub file: Option<PickedFile>,
    pub loaded: Option<Loaded>,
    pub error: Option<IngestError>,
    /// Filters, search, sort and the open detail of the results table.
    pub view: View,
}

pub enum Action {
    SetLang(Lang),
    StartReading(String),
    /// A picked file's bytes arrived.
    FileRead {
        name: String,
        bytes: Vec<u8>,
    },
    /// The year the summary is for.
    ChooseReportingYear(i32),
    /// The year of the values, when the file names none.
    ChooseDataYear(i32),
    ChooseSheet(String),
    ChooseEncoding(Option<TextEncoding>),
    /// A plan file arrived (from `?plan=` or the plan picker), named by where it came from.
    PlanArrived {
        source: String,
        result: Result<Plan, PlanError>,
    },
    SetView(View),
    /// The user mapped a row to an indicator, or to none.
    SetOverride(Override),
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            plan: Rc::new(Plan::default_plan()),
            plan_origin: PlanOrigin::Embedded,
            plan_error: None,
            options: CheckOptions::default(),
            reading: None,
            file: None,
            loaded: None,
            error: None,
            view: View::default(),
        }
    }

    /// Reads and evaluates the picked file with the current options and plan. A failure keeps
    /// the file and the options, so that a choice (year, encoding, sheet) can fix it.
    fn recheck(mut self) -> State {
        self.reading = None;
        let Some(file) = self.file.clone() else {
            return self;
        };
        match read_workbook(&file.name, &file.bytes, &self.options.read) {
            Ok(workbook) => {
                let report = evaluate_workbook(&workbook, &file.sha256, &self.plan, &self.options);
                self.loaded = Some(Loaded {
                    workbook: Rc::new(workbook),
                    report: Rc::new(report),
                });
                self.error = None;
            }
            Err(error) => {
                self.loaded = None;
                self.error = Some(error);
            }
        }
        self
    }

    /// Evaluates the already-read workbook again (a new reporting year or plan).
    fn reevaluate(mut self) -> State {
        if let (Some(loaded), Some(file)) = (&mut self.loaded, &self.file) {
            loaded.report = Rc::new(evaluate_workbook(
                &loaded.workbook,
                &file.sha256,
                &self.plan,
                &self.options,
            ));
        }
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next = match action {
            Action::SetLang(lang) => {
                next.lang = lang;
                next
            }
            Action::StartReading(name) => {
                next.reading = Some(name);
                next
            }
            Action::FileRead { name, bytes } => {
                // A corrected file keeps the reporting year, the data year and the overrides;
                // the sheet is kept only if the new file has one of that name (checked on read).
                let sha256 = sha256_hex(&bytes);
                next.file = Some(PickedFile {
                    name,
                    bytes: Rc::new(bytes),
                    sha256,
                });
                next.options.read.encoding = None;
                let kept_sheet = next.options.read.sheet.clone();
                next = next.recheck();
                if kept_sheet.is_some() && next.error.is_some() {
                    next.options.read.sheet = None;
                    next = next.recheck();
                }
                next
            }
            Action::ChooseReportingYear(year) => {
                next.options.reporting_year = Some(year);
                next.reevaluate()
            }
            Action::ChooseDataYear(year) => {
                next.options.read.year = Some(year);
                next.recheck()
            }
            Action::ChooseSheet(sheet) => {
                next.options.read.sheet = Some(sheet);
                next.recheck()
            }
            Action::ChooseEncoding(encoding) => {
                next.options.read.encoding = encoding;
                next.recheck()
            }
            Action::SetView(view) => {
                next.view = view;
                next
            }
            Action::SetOverride(decision) => {
                next.options
                    .overrides
                    .retain(|o| o.as_written != decision.as_written);
                next.options.overrides.push(decision);
                next.reevaluate()
            }
            Action::PlanArrived { source, result } => match result {
                Ok(plan) => {
                    next.plan = Rc::new(plan);
                    next.plan_origin = PlanOrigin::Loaded(source);
                    next.plan_error = None;
                    next.reevaluate()
                }
                Err(error) => {
                    next.plan_error = Some((source, error));
                    next
                }
            },
        };
        Rc::new(next)
    }
}
