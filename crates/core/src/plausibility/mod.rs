//! Slips in a draft: figures that cannot be right (outside what the measure allows, a ×10 or
//! ×100 step from the figure before, a part above its whole) and figures that are unusual (a
//! region far from the others, one figure copied down every region, a large but possible jump).
//!
//! An implausible figure is never certified: its row becomes `review` with the flag's reason,
//! and `status_if_confirmed` keeps what it would be. The user confirms a figure by its sheet,
//! cell and value ([`Confirmation`]); a confirmed row is evaluated as usual and says so. An
//! unusual figure is a warning: its status stays.
//!
//! `figure` checks one figure against its own history; `across` the figures of one indicator
//! across regions and of related indicators; `words` says what was seen and the likely cause.

mod across;
mod figure;
#[cfg(test)]
mod tests;
mod words;

pub use across::check_across;
pub use figure::check_figure;

use crate::evaluate::Findings;
use crate::report::ResultRow;
use serde::{Deserialize, Serialize};

/// One thing seen in a figure, and its likely cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub rule: Rule,
    pub severity: Severity,
    pub reason: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Outside what the measure allows (a % above 100, a negative count).
    Range,
    /// About ×10 or ×100 from the figure before, the plan's base or the other regions.
    Jump,
    /// Above an indicator it is part of (新生儿死亡率 above 婴儿死亡率).
    Relation,
    /// More change in a year than the indicator plausibly moves.
    YearlyChange,
    /// The same figure in every region.
    CopiedDown,
    /// One region far from the others.
    Outlier,
    /// A figure for a year after the reporting year.
    FutureYear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Cannot be right as it stands: the row is `review` until confirmed.
    Implausible,
    /// Worth a look; the status stays.
    Unusual,
}

impl Severity {
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Implausible => "不合理",
            Severity::Unusual => "异常",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Implausible => "implausible",
            Severity::Unusual => "unusual",
        }
    }
}

impl Findings {
    /// The flags in one line, for a download's cell: "【不合理】… ；【异常】…".
    pub fn flags_text(&self, en: bool) -> String {
        let one = |f: &Flag| {
            if en {
                format!("[{}] {}", f.severity.label_en(), f.reason_en)
            } else {
                format!("【{}】{}", f.severity.label_zh(), f.reason)
            }
        };
        self.flags
            .iter()
            .map(one)
            .collect::<Vec<_>>()
            .join(if en { "; " } else { "；" })
    }
}

/// The user's word that a flagged figure is right: the sheet, the cell and the value as written.
/// A changed figure needs a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confirmation {
    /// Empty: the only sheet the table was read from.
    pub sheet: String,
    pub cell: String,
    pub value: String,
}

impl Confirmation {
    /// As the CLI takes it: `柯城区!B5=95` or, for a one-sheet table, `B5=95`.
    pub fn parse(text: &str) -> Option<Confirmation> {
        let (place, value) = text.rsplit_once('=')?;
        let (sheet, cell) = place.rsplit_once('!').unwrap_or(("", place));
        // Excel quotes a sheet name with spaces: 'Sheet 1'!B5.
        let sheet = sheet.trim();
        let sheet = sheet
            .strip_prefix('\'')
            .and_then(|s| s.strip_suffix('\''))
            .unwrap_or(sheet);
        let cell = cell.trim().to_ascii_uppercase();
        let is_cell = cell.starts_with(|c: char| c.is_ascii_alphabetic())
            && cell.ends_with(|c: char| c.is_ascii_digit())
            && cell.chars().all(|c| c.is_ascii_alphanumeric());
        is_cell.then(|| Confirmation {
            sheet: sheet.to_string(),
            cell,
            value: value.trim().to_string(),
        })
    }

    /// The confirmation of a row's figure as the report shows it (its cell "B5" or "柯城区!B5").
    pub fn of_row(row: &ResultRow) -> Option<Confirmation> {
        let (cell, value) = (row.cell.as_deref()?, row.value_as_written.as_deref()?);
        let (sheet, cell) = cell.rsplit_once('!').unwrap_or(("", cell));
        Some(Confirmation {
            sheet: sheet.to_string(),
            cell: cell.to_string(),
            value: value.trim().to_string(),
        })
    }

    /// Whether this confirms the figure in `cell` of `sheet` written `value`. An empty sheet
    /// confirms only in a table read from one sheet; values compare as written, or as numbers.
    pub fn covers(&self, sheet: &str, one_sheet: bool, cell: &str, value: &str) -> bool {
        let same_sheet = self.sheet == sheet || (self.sheet.is_empty() && one_sheet);
        let same_value = self.value == value.trim()
            || matches!(
                (self.value.parse::<f64>(), value.trim().parse::<f64>()),
                (Ok(a), Ok(b)) if a == b
            );
        same_sheet && self.cell.eq_ignore_ascii_case(cell) && same_value
    }
}

/// Settles a row after its checks: an unconfirmed implausible figure becomes `review`, its
/// reason the flags' and the status it would have kept in `status_if_confirmed`.
// Not inlined: the reader's hot loops are in the same caller, and their code should not
// change shape for checks that run once per result row.
#[inline(never)]
pub fn settle(row: &mut ResultRow) {
    let findings: &mut Findings = &mut row.findings;
    if findings.flags.is_empty() {
        findings.confirmed = false;
        return;
    }
    let implausible = findings
        .flags
        .iter()
        .any(|f| f.severity == Severity::Implausible);
    if !implausible || findings.confirmed {
        return;
    }
    let flagged = |pick: fn(&Flag) -> &str| {
        findings
            .flags
            .iter()
            .filter(|f| f.severity == Severity::Implausible)
            .map(pick)
            .collect::<Vec<_>>()
    };
    let (zh, en) = (
        flagged(|f| &f.reason).join("；"),
        flagged(|f| &f.reason_en).join("; "),
    );
    // The sentence names the status it now has first; the one it keeps once confirmed follows
    // with its own reason, which begins with that status's label.
    let review = crate::evaluate::Status::Review;
    findings.reason = format!(
        "{}：{zh}。请核对原表；若数值无误，则为{}",
        review.label_zh(),
        findings.reason
    );
    findings.reason_en = format!(
        "{}: {en}. Check the draft; if the figure is right — {}",
        review.label_en(),
        findings.reason_en
    );
    findings.status_if_confirmed = Some(findings.status);
    findings.status = review;
}
