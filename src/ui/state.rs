//! The page's one reducer: every change of state is an [`Action`].

use super::i18n::Lang;
use crate::check::{evaluate_workbook, sha256_hex, CheckOptions};
use crate::ingest::{read_workbook, IngestError, Workbook};
use crate::plan::Plan;
use crate::report::Report;
use std::rc::Rc;
use yew::Reducible;

/// A file that was read, kept so that changing the year or the sheet needs no new pick.
#[derive(Clone, PartialEq)]
pub struct Loaded {
    pub bytes: Rc<Vec<u8>>,
    pub sha256: String,
    pub workbook: Rc<Workbook>,
    pub report: Rc<Report>,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub plan: Rc<Plan>,
    pub options: CheckOptions,
    pub reading: Option<String>,
    pub loaded: Option<Loaded>,
    pub error: Option<IngestError>,
}

pub enum Action {
    SetLang(Lang),
    StartReading(String),
    /// A picked file's bytes arrived.
    FileRead {
        name: String,
        bytes: Vec<u8>,
    },
    ChooseYear(i32),
    ChooseSheet(String),
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            plan: Rc::new(Plan::default_plan()),
            options: CheckOptions::default(),
            reading: None,
            loaded: None,
            error: None,
        }
    }

    /// Reads and checks `bytes` with the current options; a failure keeps the options and
    /// clears only the last result.
    fn check(mut self, name: &str, bytes: Rc<Vec<u8>>) -> State {
        self.reading = None;
        match read_workbook(name, &bytes, &self.options.read) {
            Ok(workbook) => {
                let sha256 = sha256_hex(&bytes);
                let report = evaluate_workbook(&workbook, &sha256, &self.plan, &self.options);
                self.loaded = Some(Loaded {
                    bytes,
                    sha256,
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
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::StartReading(name) => next.reading = Some(name),
            Action::FileRead { name, bytes } => {
                // A new file starts on its own best sheet; year and overrides carry over.
                next.options.read.sheet = None;
                next = next.check(&name, Rc::new(bytes));
            }
            Action::ChooseYear(year) => {
                next.options.reporting_year = Some(year);
                if let Some(loaded) = &mut next.loaded {
                    let report = evaluate_workbook(
                        &loaded.workbook,
                        &loaded.sha256,
                        &next.plan,
                        &next.options,
                    );
                    loaded.report = Rc::new(report);
                }
            }
            Action::ChooseSheet(sheet) => {
                if let Some(loaded) = next.loaded.clone() {
                    next.options.read.sheet = Some(sheet);
                    let name = loaded.workbook.file_name.clone();
                    next = next.check(&name, loaded.bytes);
                }
            }
        }
        Rc::new(next)
    }
}
