//! What the page and its workers say to each other, and the workers' side of it as plain Rust
//! (no browser types), so the conversation is tested natively. The page sends the reader a
//! [`Request`] (a file's bytes travel beside it); its [`Session`] answers with [`Response`]s.
//! An .xlsx to make comes back as an [`ExportJob`], which the page hands, unread, to the export
//! worker: the .xlsx writer loads only when someone asks for a workbook, not before a first check.
//!
//! Messages cross as bytes ([`encode`], [`decode`]: postcard, fields by position), not as JS
//! objects: reading a report as a JS object took serde's field-name matching for every struct,
//! 14 kB gzip of the page's wasm. Types that cross keep every field when serialised (no
//! `skip_serializing_if`), as a positional format needs.

use crate::check::CheckOptions;
use crate::export::{report_csv, report_xlsx, template_xlsx};
use crate::ingest::{read_workbook_with, IngestError, IngestErrorKind, SheetColumns, Workbook};
use crate::plan::{Plan, PlanError, PlanView};
use crate::report::{Report, ResultRow};
use crate::Codecs;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

// Externally tagged (`{"check": {...}}`, `"hello"`), the serde default: an internally tagged
// enum buffers every message through serde's `Content` on the way in, which cost the page about
// 50 KB of wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// The page is ready: send the plans.
    Hello,
    /// A plan to use, as the writer read it from a plan file ([`ExportJob::ReadPlan`]): the
    /// plan's postcard bytes, which the page passes on unread.
    UsePlan {
        source: String,
        plan: Vec<u8>,
    },
    /// Read and check the file whose bytes come with this request.
    Check {
        name: String,
        options: CheckOptions,
    },
    /// Read the last file again with new options (sheet, encoding, data year).
    Recheck {
        options: CheckOptions,
    },
    /// Evaluate the last file again (reporting year, match overrides).
    Reevaluate {
        options: CheckOptions,
    },
    ExportXlsx {
        checked_at: String,
    },
    /// The report as .csv in Chinese words (已达标, 较上期改善).
    ExportCsv,
    Template,
    /// The report as .csv with the report's codes (met, improving), for another program.
    ExportCsvCodes,
}

/// Where a check is, for the page's progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Reading,
    Evaluating,
}

/// An ingest error as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorInfo {
    pub message_zh: String,
    pub message_en: String,
    /// The page asks for a year.
    pub needs_year: bool,
    /// The page offers an encoding choice.
    pub needs_encoding: bool,
    /// The page asks what these columns are (a header its cells contradict, two year columns
    /// that disagree).
    #[serde(default)]
    pub columns: Option<SheetColumns>,
    /// The page offers the one-file offline copy (a part of the app could not be loaded from the
    /// server).
    #[serde(default)]
    pub offers_offline_copy: bool,
}

impl ErrorInfo {
    /// A message and nothing to ask.
    pub fn plain(message_zh: String, message_en: String) -> ErrorInfo {
        ErrorInfo {
            message_zh,
            message_en,
            needs_year: false,
            needs_encoding: false,
            columns: None,
            offers_offline_copy: false,
        }
    }
}

impl From<&IngestError> for ErrorInfo {
    fn from(error: &IngestError) -> ErrorInfo {
        ErrorInfo {
            message_zh: error.message_zh(),
            message_en: error.message_en(),
            needs_year: error.kind == IngestErrorKind::YearUnknown,
            needs_encoding: error.kind == IngestErrorKind::UnknownEncoding,
            columns: error
                .columns
                .as_deref()
                .filter(|_| error.asks_about_columns())
                .cloned(),
            offers_offline_copy: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The plan in use, as the page shows it.
    Ready {
        plan: PlanView,
    },
    PlanLoaded {
        source: String,
        plan: PlanView,
    },
    PlanFailed {
        source: String,
        message_zh: String,
        message_en: String,
    },
    /// The writer read a plan file: its plan's bytes for the readers ([`Request::UsePlan`]),
    /// and the file's checks it dropped, in Chinese and English.
    PlanRead {
        source: String,
        plan: Vec<u8>,
        dropped_checks: Vec<(String, String)>,
    },
    Progress {
        stage: Stage,
    },
    /// The writer drafted a plan from its text (`ExportJob::DraftPlan`): the draft as a plan
    /// file's JSON (its `excluded` lists the sentences left out; what a target's reading leaves
    /// to the review is in its `notes`). The draft's questions about the whole plan stay behind:
    /// the dialog asks for the plan's region itself, and every field it decodes costs the page's
    /// wasm, which each first check downloads.
    PlanDrafted {
        source: String,
        plan_json: String,
    },
    /// The text could not be drafted: the drafter's words.
    DraftFailed {
        source: String,
        message_zh: String,
        message_en: String,
    },
    /// The report, with at most [`UNMATCHED_SHOWN`] of its unmatched rows; the exports have all
    /// `unmatched_total`.
    Checked {
        report: Box<Report>,
        unmatched_total: usize,
    },
    /// Rows of the report that follows, sent ahead of it in parts ([`Response::into_messages`]).
    ResultRows {
        rows: Vec<ResultRow>,
    },
    Failed {
        error: ErrorInfo,
    },
    /// The light reader (built without `legacy-formats`) found an .xls, .xlsb or .ods: the page
    /// sends the same check to the full reader. The light reader has already let the file go.
    NeedsFullReader,
    /// A file to save; its bytes come with the response.
    File {
        name: String,
        mime: String,
    },
    ExportFailed {
        message: String,
    },
    /// An .xlsx for the export worker to make; the worker posts it apart from the responses
    /// (`src/web/worker.rs`), and the page passes it on without reading it.
    #[serde(skip_deserializing)]
    Export(ExportJob),
}

impl Response {
    /// Its variant's name, as a message names it beside its bytes.
    pub fn kind(&self) -> &'static str {
        match self {
            Response::Ready { .. } => "ready",
            Response::PlanLoaded { .. } => "plan_loaded",
            Response::PlanFailed { .. } => "plan_failed",
            Response::PlanRead { .. } => "plan_read",
            Response::Progress { .. } => "progress",
            Response::PlanDrafted { .. } => "plan_drafted",
            Response::DraftFailed { .. } => "draft_failed",
            Response::Checked { .. } => "checked",
            Response::ResultRows { .. } => "result_rows",
            Response::Failed { .. } => "failed",
            Response::NeedsFullReader => "needs_full_reader",
            Response::File { .. } => "file",
            Response::ExportFailed { .. } => "export_failed",
            Response::Export(_) => "export",
        }
    }
}

/// The most result rows one message carries. The page decodes a message in one task of its
/// main thread: a township roll-up's 6,150 rows in one message held it for 50–90 ms, 500 of
/// them take a few (BENCHMARKS.md, issue 25).
pub const RESULT_ROWS_PER_MESSAGE: usize = 500;

impl Response {
    /// The messages this response crosses as: a big report's rows go ahead of it in parts of
    /// at most [`RESULT_ROWS_PER_MESSAGE`], in their order, and the report itself comes last
    /// with the remaining rows. [`Reassembly`] puts it back together.
    pub fn into_messages(self) -> Vec<Response> {
        let Response::Checked {
            mut report,
            unmatched_total,
        } = self
        else {
            return vec![self];
        };
        let mut rows = std::mem::take(&mut report.results);
        let last_part = rows.len().saturating_sub(1) / RESULT_ROWS_PER_MESSAGE;
        report.results = rows.split_off(last_part * RESULT_ROWS_PER_MESSAGE);
        let mut messages = Vec::with_capacity(last_part + 1);
        let mut rows = rows.into_iter();
        for _ in 0..last_part {
            messages.push(Response::ResultRows {
                rows: rows.by_ref().take(RESULT_ROWS_PER_MESSAGE).collect(),
            });
        }
        messages.push(Response::Checked {
            report,
            unmatched_total,
        });
        messages
    }
}

/// The page's side of [`Response::into_messages`]: keeps a report's rows as they arrive and
/// hands on the whole report when it comes.
#[derive(Debug, Default)]
pub struct Reassembly {
    rows: Vec<ResultRow>,
}

impl Reassembly {
    /// One message as received: `None` while it is a part of a report still arriving, else the
    /// response, a report with every row sent ahead of it.
    pub fn receive(&mut self, response: Response) -> Option<Response> {
        match response {
            Response::ResultRows { mut rows } => {
                self.rows.append(&mut rows);
                None
            }
            Response::Checked {
                mut report,
                unmatched_total,
            } => {
                let mut rows = std::mem::take(&mut self.rows);
                rows.append(&mut report.results);
                report.results = rows;
                Some(Response::Checked {
                    report,
                    unmatched_total,
                })
            }
            other => Some(other),
        }
    }

    /// Drops the parts of a report that will never come whole (its worker stopped).
    pub fn clear(&mut self) {
        self.rows = Vec::new();
    }
}

/// A message as the bytes that cross between the page and a worker.
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(message).map_err(|e| e.to_string())
}

/// The message those bytes hold.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

/// A job for the writer, the worker loaded only when asked: a workbook to write, with
/// everything it needs, or a plan file to read (the readers take plans only as postcard, so
/// they link no JSON reader).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportJob {
    /// The report as .xlsx, every unmatched row included.
    ReportXlsx {
        report: Rc<Report>,
        plan: Rc<Plan>,
        checked_at: String,
    },
    /// The report as .csv, every unmatched row included (written here, not by the reader: the
    /// CSV writer was 7 kB gzip of a first check); `codes`: the report's codes (met, improving)
    /// in place of Chinese words.
    ReportCsv { report: Rc<Report>, codes: bool },
    /// The blank submission template of the plan in use.
    Template { plan: Rc<Plan> },
    /// A plan file's text, from `?plan=` or the plan picker.
    ReadPlan { source: String, text: String },
    /// A plan's own text (a pasted text, a .txt, .docx or web page) to draft a plan from, for
    /// the page's review dialog (static/drafter.js). Here, not in a reader: the drafter never
    /// weighs on a first check, and a long text is drafted off the page's thread. It never
    /// crosses as postcard (the page posts the bytes and the name as they are), so it has no
    /// wire form: the readers, which serialise jobs, carry no code for it.
    #[serde(skip)]
    DraftPlan { source: String, bytes: Vec<u8> },
}

impl ExportJob {
    /// The export worker's one task: the file, or why it could not be written.
    pub fn run(self, codecs: &Codecs) -> Reply {
        match self {
            ExportJob::ReportXlsx {
                report,
                plan,
                checked_at,
            } => match report_xlsx(&report, &plan, &checked_at) {
                Ok(bytes) => file_reply(&report.source.file, "对标结果.xlsx", XLSX_MIME, bytes),
                Err(e) => export_failed(e.to_string()),
            },
            ExportJob::ReportCsv { report, codes } => file_reply(
                &report.source.file,
                "对标结果.csv",
                CSV_MIME,
                report_csv(&report, codes),
            ),
            ExportJob::Template { plan } => match template_xlsx(&plan) {
                Ok(bytes) => (
                    Response::File {
                        name: format!("{}-填报模板.xlsx", plan.title),
                        mime: XLSX_MIME.into(),
                    },
                    Some(bytes),
                ),
                Err(e) => export_failed(e.to_string()),
            },
            ExportJob::DraftPlan { source, bytes } => draft_reply(source, &bytes, codecs),
            ExportJob::ReadPlan { source, text } => {
                let read = Plan::read(&text, codecs).and_then(|plan| {
                    let bytes =
                        encode(&plan).map_err(|message| PlanError::Syntax { message, at: None })?;
                    Ok((bytes, plan.check_problems))
                });
                match read {
                    Ok((plan, dropped)) => (
                        Response::PlanRead {
                            source,
                            plan,
                            dropped_checks: dropped
                                .iter()
                                .map(|p| (p.message_zh(), p.message_en()))
                                .collect(),
                        },
                        None,
                    ),
                    Err(e) => (
                        Response::PlanFailed {
                            source,
                            message_zh: e.message_zh(),
                            message_en: e.message_en(),
                        },
                        None,
                    ),
                }
            }
        }
    }
}

/// The drafter's answer: the draft as plan-file JSON, or why the text could not be drafted.
fn draft_reply(source: String, bytes: &[u8], codecs: &Codecs) -> Reply {
    let drafted = crate::plan::draft::draft_file(bytes, &source, codecs)
        .map(|draft| (codecs.write_plan)(&draft.plan));
    let response = match drafted {
        Ok(Ok(plan_json)) => Response::PlanDrafted { source, plan_json },
        Ok(Err(message)) => Response::DraftFailed {
            source,
            message_zh: format!("草稿无法写成规划文件：{message}"),
            message_en: format!("The draft could not be written as a plan file: {message}"),
        },
        Err(e) => Response::DraftFailed {
            source,
            message_zh: e.message_zh(),
            message_en: e.message_en(),
        },
    };
    (response, None)
}

fn export_failed(message: String) -> Reply {
    (Response::ExportFailed { message }, None)
}

/// The most unmatched rows the page lists. A big workbook can have hundreds of thousands (every
/// other figure a county reports); each would cost the page's main thread a message entry and a
/// row with a mapping control, so the page lists the first ones and the .xlsx export all.
pub const UNMATCHED_SHOWN: usize = 200;

/// A response and, for [`Response::File`], its bytes.
pub type Reply = (Response, Option<Vec<u8>>);

/// The worker's state: the plan in use and the last file, kept so that a new choice needs no
/// new pick.
pub struct Session {
    /// The host's decoders: how GB18030 text is read.
    codecs: Codecs,
    /// Shared with an export job rather than copied.
    plan: Rc<Plan>,
    /// The options of the last request, for re-evaluating under a newly loaded plan.
    options: CheckOptions,
    file: Option<(String, Vec<u8>, String)>,
    workbook: Option<Workbook>,
    /// Shared with an export job rather than copied: it holds every unmatched row.
    report: Option<Rc<Report>>,
}

impl Session {
    /// A session with `plan` in use (the host's built-in default), reading with the host's
    /// decoders.
    pub fn new(codecs: Codecs, plan: Plan) -> Session {
        Session {
            codecs,
            plan: Rc::new(plan),
            options: CheckOptions::default(),
            file: None,
            workbook: None,
            report: None,
        }
    }

    /// Handles one request; `send` receives each reply as it is ready (progress first).
    pub fn handle(
        &mut self,
        request: Request,
        bytes: Option<Vec<u8>>,
        send: &mut dyn FnMut(Reply),
    ) {
        let request_is_codes = matches!(request, Request::ExportCsvCodes);
        match request {
            Request::Hello => {
                send((
                    Response::Ready {
                        plan: PlanView::from(&*self.plan),
                    },
                    None,
                ));
            }
            Request::UsePlan { source, plan } => match decode::<Plan>(&plan) {
                Ok(plan) => {
                    let view = PlanView::from(&plan);
                    self.plan = Rc::new(plan);
                    send((Response::PlanLoaded { source, plan: view }, None));
                    if self.workbook.is_some() {
                        let options = self.options.clone();
                        self.reevaluate(&options, send);
                    }
                }
                Err(message) => send((
                    Response::PlanFailed {
                        source,
                        message_zh: format!("规划无法传给读取程序：{message}"),
                        message_en: format!("The plan could not reach the reader: {message}"),
                    },
                    None,
                )),
            },
            Request::Check { name, options } => {
                let bytes = bytes.unwrap_or_default();
                let sha256 = crate::check::sha256_hex(&bytes);
                self.file = Some((name, bytes, sha256));
                self.read(&options, send);
            }
            Request::Recheck { options } => self.read(&options, send),
            Request::Reevaluate { options } => self.reevaluate(&options, send),
            Request::ExportXlsx { checked_at } => send(match &self.report {
                Some(report) => (
                    Response::Export(ExportJob::ReportXlsx {
                        report: report.clone(),
                        plan: self.plan.clone(),
                        checked_at,
                    }),
                    None,
                ),
                None => export_failed("no report yet".into()),
            }),
            Request::ExportCsv | Request::ExportCsvCodes => send(match &self.report {
                Some(report) => (
                    Response::Export(ExportJob::ReportCsv {
                        report: report.clone(),
                        codes: request_is_codes,
                    }),
                    None,
                ),
                None => export_failed("no report yet".into()),
            }),
            Request::Template => send((
                Response::Export(ExportJob::Template {
                    plan: self.plan.clone(),
                }),
                None,
            )),
        }
    }

    /// A picked file that never reached the reader (too large to read, or its read failed): the
    /// last file and its results go, as for any new pick, and the page is told why.
    pub fn refuse(&mut self, error: &IngestError, send: &mut dyn FnMut(Reply)) {
        self.file = None;
        self.workbook = None;
        self.report = None;
        send((
            Response::Failed {
                error: ErrorInfo::from(error),
            },
            None,
        ));
    }

    fn read(&mut self, options: &CheckOptions, send: &mut dyn FnMut(Reply)) {
        self.options = options.clone();
        let Some((name, bytes, _)) = &self.file else {
            return;
        };
        send((
            Response::Progress {
                stage: Stage::Reading,
            },
            None,
        ));
        // The last file's results go before the next read, not after it: holding both would
        // double the worker's peak memory on big files (wasm memory never shrinks).
        self.workbook = None;
        self.report = None;
        let known = crate::check::read_context(&self.plan);
        match read_workbook_with(name, bytes, &options.read, &known, &self.codecs) {
            Ok(workbook) => {
                self.workbook = Some(workbook);
                self.reevaluate(options, send);
            }
            Err(error) if matches!(error.kind, IngestErrorKind::FormatNotInThisBuild { .. }) => {
                self.file = None;
                send((Response::NeedsFullReader, None));
            }
            Err(error) => {
                send((
                    Response::Failed {
                        error: ErrorInfo::from(&error),
                    },
                    None,
                ));
            }
        }
    }

    fn reevaluate(&mut self, options: &CheckOptions, send: &mut dyn FnMut(Reply)) {
        self.options = options.clone();
        let (Some(workbook), Some((_, _, sha256))) = (&self.workbook, &self.file) else {
            return;
        };
        send((
            Response::Progress {
                stage: Stage::Evaluating,
            },
            None,
        ));
        let mut report = crate::check::evaluate_workbook(workbook, sha256, &self.plan, options);
        let unmatched = std::mem::take(&mut report.unmatched);
        let mut for_page = report.clone();
        for_page.unmatched = unmatched.iter().take(UNMATCHED_SHOWN).cloned().collect();
        report.unmatched = unmatched;
        let unmatched_total = report.unmatched.len();
        self.report = Some(Rc::new(report));
        send((
            Response::Checked {
                report: Box::new(for_page),
                unmatched_total,
            },
            None,
        ));
    }
}

fn file_reply(source_file: &str, suffix: &str, mime: &str, bytes: Vec<u8>) -> Reply {
    let stem = source_file
        .rsplit_once('.')
        .map_or(source_file, |(stem, _)| stem);
    (
        Response::File {
            name: format!("{stem}-{suffix}"),
            mime: mime.into(),
        },
        Some(bytes),
    )
}

#[cfg(test)]
#[cfg(feature = "own-codecs")]
impl Default for Session {
    fn default() -> Self {
        Session::new(Codecs::OWN, Plan::default_plan())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replies(session: &mut Session, request: Request, bytes: Option<Vec<u8>>) -> Vec<Reply> {
        let mut out = Vec::new();
        session.handle(request, bytes, &mut |reply| out.push(reply));
        out
    }

    fn kecheng() -> Vec<u8> {
        fixture("long-kecheng-2023.xlsx")
    }

    #[test]
    fn the_page_gets_the_first_unmatched_rows_and_the_export_gets_them_all() {
        let mut csv = String::from("指标名称,2023年\n学前三年毛入园率,99\n");
        for i in 0..UNMATCHED_SHOWN + 50 {
            csv.push_str(&format!("本县其他统计{i},1\n"));
        }
        let mut session = Session::default();
        let out = replies(
            &mut session,
            Request::Check {
                name: "big.csv".into(),
                options: CheckOptions::default(),
            },
            Some(csv.into_bytes()),
        );
        let Some((
            Response::Checked {
                report,
                unmatched_total,
            },
            _,
        )) = out.last()
        else {
            panic!("{out:?}")
        };
        assert_eq!(*unmatched_total, UNMATCHED_SHOWN + 50);
        assert_eq!(report.unmatched.len(), UNMATCHED_SHOWN);
        assert_eq!(report.unmatched[0].as_written, "本县其他统计0");
        assert!(report
            .results
            .iter()
            .any(|r| r.findings.value == Some(99.0)));

        let csv_of = |session: &mut Session, request| {
            let out = export_through_the_page(replies(session, request, None));
            let (Response::File { .. }, Some(bytes)) = out else {
                panic!("a CSV file")
            };
            let text = String::from_utf8(bytes).unwrap();
            let row = text.lines().find(|l| l.contains("本县其他统计0,"));
            row.unwrap().to_string()
        };
        let words = csv_of(&mut session, Request::ExportCsv);
        assert!(words.contains(",未匹配,"), "in Chinese words: {words}");
        let codes = csv_of(&mut session, Request::ExportCsvCodes);
        assert!(codes.contains(",unmatched,"), "with codes: {codes}");
        let kept = session.report.as_ref().map(|r| r.unmatched.len());
        assert_eq!(
            kept,
            Some(UNMATCHED_SHOWN + 50),
            "exports are made from every row"
        );
        let out = replies(
            &mut session,
            Request::ExportXlsx {
                checked_at: String::new(),
            },
            None,
        );
        let [(Response::Export(ExportJob::ReportXlsx { report, .. }), _)] = &out[..] else {
            panic!("{out:?}")
        };
        assert_eq!(report.unmatched.len(), UNMATCHED_SHOWN + 50);
    }

    /// A wide .csv of `regions` towns (at most 400 names) × three of the plan's indicators.
    fn regions_csv(regions: usize) -> Vec<u8> {
        let syllables: Vec<char> = "东南西北上下前后新老大小金银石龙凤云山水".chars().collect();
        let names: Vec<String> = (0..regions)
            .map(|i| format!("{}{}塘镇", syllables[i % 20], syllables[i / 20 % 20]))
            .collect();
        let mut csv = format!("某县各乡镇监测表（2023年）\n指标名称,{}\n", names.join(","));
        for (indicator, figure) in [
            ("学前三年毛入园率", "98"),
            ("5岁以下儿童死亡率", "4.5"),
            ("婴儿死亡率", "3"),
        ] {
            csv += &format!("{indicator}{}\n", format!(",{figure}").repeat(regions));
        }
        csv.into_bytes()
    }

    /// The last reply of a fresh session to a check of `bytes`.
    fn checked(name: &str, bytes: Vec<u8>) -> Response {
        let request = Request::Check {
            name: name.into(),
            options: CheckOptions::default(),
        };
        let out = replies(&mut Session::default(), request, Some(bytes));
        out.last().map(|(response, _)| response.clone()).unwrap()
    }

    #[test]
    fn a_big_report_crosses_in_parts_and_comes_back_whole() {
        for regions in [1, 166, 167, 400] {
            let checked = checked("towns.csv", regions_csv(regions));
            let Response::Checked { report, .. } = &checked else {
                panic!("{checked:?}")
            };
            let rows = report.results.len();
            assert!(rows >= regions * 3, "{regions} regions: {rows} rows");
            let messages = checked.clone().into_messages();
            assert_eq!(messages.len(), rows.div_ceil(RESULT_ROWS_PER_MESSAGE));
            let mut reassembly = Reassembly::default();
            let mut whole = Vec::new();
            for message in &messages {
                let bytes = encode(message).unwrap();
                if let Response::ResultRows { rows } = message {
                    assert_eq!(rows.len(), RESULT_ROWS_PER_MESSAGE, "full parts ahead");
                }
                whole.extend(reassembly.receive(decode(&bytes).unwrap()));
            }
            assert_eq!(whole, [checked], "{regions} regions");
        }
    }

    #[test]
    fn parts_of_a_report_that_never_came_whole_are_dropped() {
        let mut first = checked("towns.csv", regions_csv(400)).into_messages();
        assert!(matches!(first[0], Response::ResultRows { .. }));
        let mut reassembly = Reassembly::default();
        assert_eq!(reassembly.receive(first.remove(0)), None);
        // The worker stopped there; the next one answers a one-region file.
        reassembly.clear();
        let next = checked("one.csv", regions_csv(1));
        let [message] = &next.clone().into_messages()[..] else {
            panic!("a small report is one message")
        };
        assert_eq!(reassembly.receive(message.clone()), Some(next));
        let other = Response::Progress {
            stage: Stage::Reading,
        };
        assert_eq!(reassembly.receive(other.clone()), Some(other));
    }

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!(
            "{}/../../tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    /// What each build answers a check of each format with: the light reader (no
    /// `legacy-formats`, `make test-native` runs it too) hands .xls and .ods on and lets the
    /// file go; the full reader reads everything.
    #[test]
    fn each_build_reads_its_formats_and_hands_on_the_others() {
        use crate::ingest::{Format, ReaderBuild};
        for name in [
            "long-kecheng-2023.xlsx",
            "long-kecheng-2023-gbk.csv",
            "long-kecheng-2023.xls",
            "long-kecheng-2023.ods",
        ] {
            let format = Format::named(name).unwrap();
            let mut session = Session::default();
            let check = Request::Check {
                name: name.into(),
                options: CheckOptions::default(),
            };
            let out = replies(&mut session, check, Some(fixture(name)));
            let last = &out.last().unwrap().0;
            if !ReaderBuild::THIS.reads(format) {
                assert_eq!(last, &Response::NeedsFullReader, "{name}");
                assert!(
                    session.file.is_none(),
                    "{name}: the light reader keeps no copy"
                );
                let again = replies(&mut session, Request::ExportCsv, None);
                assert!(
                    matches!(again[0].0, Response::ExportFailed { .. }),
                    "{name}"
                );
            } else {
                let Response::Checked { report, .. } = last else {
                    panic!("{name}: {last:?}")
                };
                assert!(
                    report.results.iter().any(|r| r.findings.value.is_some()),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn a_check_reports_progress_then_the_report_and_survives_serialisation() {
        let mut session = Session::default();
        let out = replies(
            &mut session,
            Request::Check {
                name: "k.xlsx".into(),
                options: CheckOptions::default(),
            },
            Some(kecheng()),
        );
        assert_eq!(
            out[0].0,
            Response::Progress {
                stage: Stage::Reading
            }
        );
        assert_eq!(
            out[1].0,
            Response::Progress {
                stage: Stage::Evaluating
            }
        );
        let Response::Checked { report, .. } = &out[2].0 else {
            panic!("{:?}", out[2].0)
        };
        assert_eq!(report.reporting_year, 2023);
        let json = serde_json::to_string(&out[2].0).unwrap();
        assert_eq!(
            serde_json::from_str::<Response>(&json).unwrap(),
            out[2].0,
            "the page can read what the worker sends"
        );
    }

    #[test]
    fn choices_reuse_the_file_and_exports_name_it() {
        let mut session = Session::default();
        replies(
            &mut session,
            Request::Check {
                name: "k.xlsx".into(),
                options: CheckOptions::default(),
            },
            Some(kecheng()),
        );
        let options = CheckOptions {
            reporting_year: Some(2022),
            ..CheckOptions::default()
        };
        let out = replies(&mut session, Request::Reevaluate { options }, None);
        assert!(
            matches!(&out.last().unwrap().0, Response::Checked { report, .. } if report.reporting_year == 2022)
        );
        let csv = export_through_the_page(replies(&mut session, Request::ExportCsv, None));
        assert!(matches!(&csv.0, Response::File { name, .. } if name == "k-对标结果.csv"));
        assert!(csv
            .1
            .as_ref()
            .is_some_and(|b| b.starts_with(&[0xEF, 0xBB, 0xBF])));
        let xlsx = export_through_the_page(replies(
            &mut session,
            Request::ExportXlsx {
                checked_at: "2026-12-02 10:00 UTC".into(),
            },
            None,
        ));
        assert!(
            matches!(&xlsx.0, Response::File { name, mime } if name == "k-对标结果.xlsx" && mime == XLSX_MIME)
        );
        assert!(xlsx.1.is_some_and(|b| b.starts_with(b"PK")));
        let template = export_through_the_page(replies(&mut session, Request::Template, None));
        assert!(
            matches!(&template.0, Response::File { name, .. } if name.ends_with("-填报模板.xlsx"))
        );
        assert!(template.1.is_some_and(|b| b.starts_with(b"PK")));
    }

    /// What the page does with an export job: it cannot read it (the page's wasm has no code for
    /// it), and passes it on; the export worker reads it and writes the file.
    fn export_through_the_page(out: Vec<Reply>) -> Reply {
        let [(response @ Response::Export(_), None)] = &out[..] else {
            panic!("an export job, not {:?}", out.first().map(|o| o.0.kind()))
        };
        let message = serde_json::to_value(response).unwrap();
        assert!(serde_json::from_value::<Response>(message.clone()).is_err());
        let job: ExportJob = serde_json::from_value(message["export"].clone()).unwrap();
        job.run(&Codecs::OWN)
    }

    #[test]
    fn errors_say_what_the_page_should_ask() {
        let mut session = Session::default();
        let csv = "指标名称,柯城区\n儿童伤害死亡率,9\n".as_bytes().to_vec();
        let out = replies(
            &mut session,
            Request::Check {
                name: "x.csv".into(),
                options: CheckOptions::default(),
            },
            Some(csv),
        );
        let Response::Failed { error } = &out.last().unwrap().0 else {
            panic!()
        };
        assert!(error.needs_year && !error.needs_encoding);
        let mut options = CheckOptions::default();
        options.read.year = Some(2024);
        let out = replies(&mut session, Request::Recheck { options }, None);
        assert!(
            matches!(&out.last().unwrap().0, Response::Checked { report, .. } if report.reporting_year == 2024)
        );
        let read = |text: &str| {
            ExportJob::ReadPlan {
                source: "p.json".into(),
                text: text.into(),
            }
            .run(&Codecs::OWN)
            .0
        };
        assert!(matches!(read("{}"), Response::PlanFailed { .. }));
        // A plan file goes through the writer, which hands the readers its plan as bytes.
        let Response::PlanRead {
            plan,
            dropped_checks,
            ..
        } = read(crate::plan::built_in::FILES[0].1)
        else {
            panic!("the built-in plan reads")
        };
        assert!(dropped_checks.is_empty());
        let with_a_bad_check = crate::plan::built_in::FILES[0].1.replace(
            "\"relations\":[",
            "\"relations\":[{\"indicators\":[\"nowhere\",\"infant_mortality\"],\"reason\":\"r\"},",
        );
        let Response::PlanRead {
            dropped_checks: named,
            ..
        } = read(&with_a_bad_check)
        else {
            panic!("a bad check does not refuse the plan")
        };
        assert!(
            named.len() == 1 && named[0].0.contains("relations 第 1 条"),
            "{named:?}"
        );
        let source = "p.json".to_string();
        let out = replies(&mut session, Request::UsePlan { source, plan }, None);
        assert!(matches!(&out[0].0, Response::PlanLoaded { source, .. } if source == "p.json"));
        assert!(
            matches!(&out.last().unwrap().0, Response::Checked { .. }),
            "the last file is evaluated under the new plan"
        );
    }

    #[test]
    fn the_writer_drafts_a_plan_the_page_can_load_and_says_why_not() {
        let draft = |name: &str, bytes: &[u8]| {
            ExportJob::DraftPlan {
                source: name.into(),
                bytes: bytes.to_vec(),
            }
            .run(&Codecs::OWN)
            .0
        };
        let text = "青溪县儿童发展规划（2021—2025年）\n(一)儿童与健康\n\
            1.婴儿死亡率和5岁以下儿童死亡率分别控制在4.5‰和6.0‰以下。\n\
            2020年全县义务教育巩固率为99.2%。\n";
        let Response::PlanDrafted { source, plan_json } = draft("粘贴的文本.txt", text.as_bytes())
        else {
            panic!("the text drafts")
        };
        assert_eq!(source, "粘贴的文本.txt");
        // The draft is a plan file the plan picker's path reads, its left-out sentence in `excluded`.
        let plan = Plan::read(&plan_json, &Codecs::OWN).expect("the drafted JSON is a plan file");
        assert_eq!(plan.indicators.len(), 2);
        assert_eq!(plan.excluded[0].quote, "2020年全县义务教育巩固率为99.2%");
        let Response::DraftFailed {
            source,
            message_zh,
            message_en,
        } = draft(
            "规划.doc",
            &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0],
        )
        else {
            panic!("an old .doc is refused")
        };
        assert_eq!(source, "规划.doc");
        assert!(message_zh.contains("另存为") && message_en.contains(".docx"));
        assert!(matches!(
            draft("空.txt", b"  \n"),
            Response::DraftFailed { .. }
        ));
    }

    #[test]
    fn a_file_refused_before_reading_replaces_the_last_one() {
        let mut session = Session::default();
        let check = Request::Check {
            name: "柯城区.xlsx".into(),
            options: CheckOptions::default(),
        };
        replies(&mut session, check, Some(kecheng()));
        let error = IngestError::new(
            "新.xlsx",
            None,
            IngestErrorKind::ReadFailed {
                detail: "NotReadableError".into(),
            },
        );
        let mut out = Vec::new();
        session.refuse(&error, &mut |reply| out.push(reply));
        let [(Response::Failed { error }, None)] = out.as_slice() else {
            panic!("{out:?}")
        };
        assert!(error.message_zh.contains("新.xlsx") && error.message_zh.contains("无法读取"));
        assert!(!error.needs_year && !error.needs_encoding);
        // Nothing of the previous file is exported or re-read under the new one's name.
        let out = replies(&mut session, Request::ExportCsv, None);
        assert!(matches!(&out[0].0, Response::ExportFailed { .. }));
        let options = CheckOptions::default();
        assert!(replies(&mut session, Request::Recheck { options }, None).is_empty());
    }

    #[test]
    fn a_check_with_default_options_is_the_bytes_the_benchmark_writes() {
        // benches/browser/page.js (checkMessage) writes these bytes by hand.
        let check = Request::Check {
            name: "rows-20.xlsx".into(),
            options: CheckOptions::default(),
        };
        let mut expected = vec![2, 12];
        expected.extend_from_slice(b"rows-20.xlsx");
        expected.extend_from_slice(&[0; 9]);
        assert_eq!(encode(&check).unwrap(), expected);
    }

    #[test]
    fn every_message_crosses_as_bytes_and_back() {
        let mut session = Session::default();
        let mut replies = Vec::new();
        let options = CheckOptions {
            reporting_year: Some(2023),
            ..CheckOptions::default()
        };
        let check = Request::Check {
            name: "k.xlsx".into(),
            options,
        };
        let request: Request = decode(&encode(&check).unwrap()).unwrap();
        assert_eq!(request, check);
        session.handle(request, Some(kecheng()), &mut |reply| replies.push(reply));
        session.handle(Request::Hello, None, &mut |reply| replies.push(reply));
        let csv = b"\xe6\x8c\x87\xe6\xa0\x87,2023\n".to_vec();
        let year_unknown = Request::Check {
            name: "x.csv".into(),
            options: CheckOptions::default(),
        };
        session.handle(year_unknown, Some(csv), &mut |reply| replies.push(reply));
        for (response, _) in replies {
            let back: Response = decode(&encode(&response).unwrap()).unwrap();
            assert_eq!(back, response, "{}", response.kind());
        }
    }
}
