//! The report: what the CLI prints and the page shows. Field names are a contract (see README):
//! later changes may add fields, never remove or rename them.

use crate::evaluate::{Findings, Status};
use crate::ingest::{Format, Layout, SheetFacts, SkippedSheet, TextEncoding, YearSource};
use crate::matching::{Candidate, Method};
use crate::plan::{CheckKind, Period};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: SourceInfo,
    pub plan: PlanInfo,
    /// The year the summary and the page's table show (the latest, unless chosen).
    pub reporting_year: i32,
    /// What a check of that year is in the plan's cycle (年度监测, 中期评估, 终期评估).
    pub check_kind: CheckKind,
    /// The reporting year lies before the plan's base year or after its end: every row of it is
    /// `review`, and the page warns that the file is not of this plan's period.
    pub year_outside_period: bool,
    pub years: Vec<i32>,
    pub regions: Vec<String>,
    pub results: Vec<ResultRow>,
    pub unmatched: Vec<UnmatchedRow>,
    /// The plan's indicators the file never mentions: listed once, with no result rows.
    pub not_in_file: Vec<NotInFile>,
    pub summary: Summary,
}

/// A plan indicator no label of the file matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotInFile {
    pub indicator_id: String,
    pub indicator: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub file: String,
    pub sheet: String,
    pub sha256: String,
    pub format: Format,
    pub encoding: Option<TextEncoding>,
    pub sheets: Vec<String>,
    pub layout: Layout,
    pub header_row: usize,
    pub year_source: Option<YearSource>,
    /// How each sheet that holds a table was read: its layout, header row, year and region and
    /// where they came from, each column's role. `sheet`, `layout`, `header_row` and
    /// `year_source` above are the first of them.
    pub sheets_read: Vec<SheetFacts>,
    /// Sheets not read (hidden, empty, no table), and why.
    pub sheets_skipped: Vec<SkippedSheet>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub id: String,
    pub title: String,
    pub baseline_year: i32,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetInfo {
    /// The comparator as the report shows it: "≤".
    pub op: String,
    /// As the plan file writes it: "<=".
    pub op_code: String,
    pub value: Option<f64>,
    /// The upper end of a range target, else null.
    pub upper: Option<f64>,
    pub year: i32,
    /// The target in symbols: "≤5‰".
    pub text: String,
    /// The plan's own words for it: "分别控制在3‰、5‰和6‰以下".
    pub plan_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchInfo {
    pub method: Method,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub indicator_id: String,
    pub indicator: String,
    pub domain: String,
    /// The row label exactly as in the file, trimmed; null when the file lacks the indicator.
    pub as_written: Option<String>,
    pub region: Option<String>,
    pub year: i32,
    /// The value's cell: "B3", or "柯城区!B3" when the file's table spans sheets.
    pub cell: Option<String>,
    /// The cell as the user sees it.
    pub value_as_written: Option<String>,
    pub unit: String,
    pub target: TargetInfo,
    /// What the evaluation found: status, value (in the plan's unit), gap, progress, path,
    /// reasons … (`evaluate::Findings`). A field of its own between the page and its workers;
    /// the JSON report ([`to_json`]) writes its fields at the row's own level.
    pub findings: Findings,
    #[serde(rename = "match")]
    pub match_info: Option<MatchInfo>,
}

/// The JSON report, the contract the README documents: the report as it serialises, each result
/// row's `findings` written at the row's own level, in their order. (Flattened here, not by serde's
/// `flatten`: the page deserialises every report the worker sends, and a flattened struct costs it
/// serde's buffering of every field, 7 kB gzip of its wasm.)
#[cfg(feature = "own-codecs")]
pub fn to_json(report: &Report) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_value(report)?;
    if let Some(rows) = json.get_mut("results").and_then(|r| r.as_array_mut()) {
        for row in rows.iter_mut() {
            if let Some(fields) = row.as_object_mut() {
                *fields = std::mem::take(fields)
                    .into_iter()
                    .flat_map(|(key, value)| match (key.as_str(), value) {
                        ("findings", serde_json::Value::Object(findings)) => findings,
                        (_, value) => serde_json::Map::from_iter([(key, value)]),
                    })
                    .collect();
            }
        }
    }
    serde_json::to_string_pretty(&json)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedRow {
    pub as_written: String,
    pub cell: String,
    /// Set when two indicators were equally close, or for the nearest one below the threshold
    /// but at least [`crate::matching::SUGGESTION_FLOOR`] alike.
    pub candidates: Vec<Candidate>,
    pub why: UnmatchedWhy,
    /// Why, in a sentence naming the indicators: for a duplicate, the row that already gives
    /// the indicator and what to do to use this one instead.
    pub why_words: String,
    pub why_words_en: String,
}

/// Why a row of the file is not among the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedWhy {
    /// No plan indicator is close enough.
    Unmatched,
    /// Two indicators are equally close.
    Ambiguous,
    /// The user said the row is none of the plan's.
    Removed,
    /// An earlier row already gave this indicator.
    Duplicate,
}

impl UnmatchedWhy {
    /// The word the JSON report uses.
    pub fn word(self) -> &'static str {
        match self {
            UnmatchedWhy::Unmatched => "unmatched",
            UnmatchedWhy::Ambiguous => "ambiguous",
            UnmatchedWhy::Removed => "removed",
            UnmatchedWhy::Duplicate => "duplicate",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            UnmatchedWhy::Unmatched => "未匹配",
            UnmatchedWhy::Ambiguous => "两个指标同样接近",
            UnmatchedWhy::Removed => "已标为非规划指标",
            UnmatchedWhy::Duplicate => "该指标已由另一行给出",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            UnmatchedWhy::Unmatched => "Not matched",
            UnmatchedWhy::Ambiguous => "Two indicators equally close",
            UnmatchedWhy::Removed => "Marked as not a plan indicator",
            UnmatchedWhy::Duplicate => "Already given by another row",
        }
    }

    /// The row's why in a sentence (zh, en). `names`: the candidates' names, or for a duplicate
    /// the indicator's; `given_by`: for a duplicate, the cell and label of the row that counts.
    pub fn words(self, names: &[&str], given_by: Option<(&str, &str)>) -> (String, String) {
        // The names quoted, one after another ("“A”与“B”"): one or two of them.
        let quoted = |open: &str, close: &str, between: &str| {
            let mut out = String::new();
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    out += between;
                }
                out += open;
                out += name;
                out += close;
            }
            out
        };
        let (zh, en) = (quoted("“", "”", "与"), quoted("\"", "\"", " and "));
        match (self, given_by) {
            (UnmatchedWhy::Duplicate, Some((cell, written))) => (
                format!("{zh}已由 {cell} 行“{written}”给出，一个指标只取一行；如需改用本行，请先把那一行改为其他指标或“不是规划指标”"),
                format!("{en} is already given by row {cell} (\"{written}\"): one row per indicator is used. To use this row instead, first map that row to another indicator or to \"not a plan indicator\""),
            ),
            (UnmatchedWhy::Ambiguous, _) => (
                format!("{zh}同样接近，请选择其一"),
                format!("{en} are equally close: choose one"),
            ),
            (UnmatchedWhy::Unmatched, _) => {
                let (mut zh_words, mut en_words) = (
                    "没有足够接近的规划指标".to_string(),
                    "no plan indicator is close enough".to_string(),
                );
                if !names.is_empty() {
                    zh_words += "；最接近的是";
                    zh_words += &zh;
                    en_words += "; the nearest is ";
                    en_words += &en;
                }
                (zh_words, en_words)
            }
            (why, _) => (why.label_zh().into(), why.label_en().into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Counts for the reporting year, in the order of [`Status::ALL`].
    pub counts: Vec<StatusCount>,
    pub by_domain: Vec<DomainCounts>,
    /// How many of the plan's indicators the file never mentions (文件未涉及的指标).
    pub not_in_file: usize,
    /// Rows of the reporting year whose figure a plausibility check flagged and the user has
    /// not confirmed (待核对的数值).
    pub flagged: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainCounts {
    pub domain: String,
    pub name: String,
    pub counts: Vec<StatusCount>,
}

impl Report {
    /// Rows of the reporting year, the ones the table shows.
    pub fn current_rows(&self) -> impl Iterator<Item = &ResultRow> {
        self.results
            .iter()
            .filter(move |r| r.year == self.reporting_year)
    }

    pub fn count(&self, status: Status) -> usize {
        self.summary
            .counts
            .iter()
            .find(|c| c.status == status)
            .map_or(0, |c| c.count)
    }
}

pub fn count_statuses<'a>(rows: impl Iterator<Item = &'a ResultRow>) -> Vec<StatusCount> {
    let mut counts: Vec<StatusCount> = Status::ALL
        .iter()
        .map(|&status| StatusCount { status, count: 0 })
        .collect();
    for row in rows {
        if let Some(c) = counts.iter_mut().find(|c| c.status == row.findings.status) {
            c.count += 1;
        }
    }
    counts
}

/// A plain-text table for the terminal.
pub fn to_table(report: &Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "文件 File: {}  工作表 Sheet: {}  SHA-256: {}",
        report.source.file, report.source.sheet, report.source.sha256
    );
    let _ = writeln!(
        out,
        "规划 Plan: {} ({}–{})  报告年份 Year: {} {} {}",
        report.plan.title,
        report.plan.period.start,
        report.plan.period.end,
        report.reporting_year,
        report.check_kind.label_zh(),
        report.check_kind.label_en()
    );
    let _ = writeln!(
        out,
        "{}",
        report
            .summary
            .counts
            .iter()
            .map(|c| format!("{} {}: {}", c.status.label_zh(), c.status.word(), c.count))
            .chain(std::iter::once(format!(
                "待核对 flagged: {}",
                report.summary.flagged
            )))
            .collect::<Vec<_>>()
            .join("  ")
    );
    let _ = writeln!(out);
    for row in report.current_rows() {
        let value = row.value_as_written.clone().unwrap_or_else(|| "—".into());
        let _ = writeln!(
            out,
            "{:<9} {:<30} {:<8} {:>10} {:>6}  目标 {:<12} {}",
            row.findings.status.word(),
            row.indicator,
            row.region.as_deref().unwrap_or(""),
            value,
            row.cell.as_deref().unwrap_or(""),
            row.target.text,
            row.findings.reason
        );
        for flag in &row.findings.flags {
            let word = if row.findings.confirmed {
                "已确认无误 confirmed"
            } else {
                "待核对 check"
            };
            let _ = writeln!(out, "          {word}: {}", flag.reason);
        }
    }
    if !report.unmatched.is_empty() {
        let _ = writeln!(out, "\n未匹配的行 Unmatched rows:");
        for row in &report.unmatched {
            let _ = writeln!(
                out,
                "  {} {} ({}): {}",
                row.cell,
                row.as_written,
                row.why.word(),
                row.why_words
            );
        }
    }
    out
}
