//! What the results table shows: filters, search and sort over the core's rows. Presentation
//! only: statuses, gaps and reasons are the core's, never recomputed here.

use duibiao_core::evaluate::Status;
use duibiao_core::plan::PlanView;
use duibiao_core::report::{Report, ResultRow};

/// Rows drawn at first and added per "show more": a township roll-up has thousands, and drawing
/// them all at once held the main thread for a second (BENCHMARKS.md, issue 25).
pub const ROWS_PER_STEP: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// What needs action first: figures to check, not met, behind, review, on track, met, then
    /// missing; within a status the least way covered first.
    #[default]
    Findings,
    /// The plan's order.
    Plan,
    /// The least share of the way from base to target first (a gap in points and one per
    /// 100,000 cannot be compared; a share can).
    Progress,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    pub status: Option<Status>,
    /// Only the figures to check (flagged, not confirmed).
    pub flagged: bool,
    /// Every row, also those the file has no figure for (off: the rows with a figure or a flag).
    pub all_rows: bool,
    pub domain: Option<String>,
    pub region: Option<String>,
    pub query: String,
    pub sort: SortKey,
    /// How many rows are drawn, in steps of [`ROWS_PER_STEP`]: 0 means the first step.
    pub limit: usize,
    /// The row whose detail is open: (indicator id, region).
    pub open: Option<(String, Option<String>)>,
}

impl View {
    pub fn limit(&self) -> usize {
        self.limit.max(ROWS_PER_STEP)
    }

    /// The same view with other filters: back to the first rows, nothing open.
    pub fn refiltered(&self, apply: impl FnOnce(&mut View)) -> View {
        let mut next = View {
            limit: 0,
            open: None,
            ..self.clone()
        };
        apply(&mut next);
        next
    }
}

fn severity(row: &ResultRow) -> u8 {
    if row.findings.is_flagged() {
        return 0;
    }
    match row.findings.status {
        Status::NotMet => 1,
        Status::Behind => 2,
        Status::Review => 3,
        Status::OnTrack => 4,
        Status::Met => 5,
        Status::Missing => 6,
    }
}

/// A row the default view shows: the file has a row for it (with a figure, words or a blank),
/// or a check flagged it. The rest are the plan's indicators the file never gives for this
/// region, listed once below as "not in the file".
pub fn carries_a_finding(row: &ResultRow) -> bool {
    row.as_written.is_some() || row.findings.is_flagged()
}

/// Text as a search compares it: full-width letters and digits as half-width, lower case, no
/// spaces. (Not the matcher's `normalise`, which would bring its region and unit tables into the
/// page for a search box.)
fn searchable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The reporting year's rows that pass the filters, in the chosen order.
pub fn visible_rows<'a>(report: &'a Report, plan: &PlanView, view: &View) -> Vec<&'a ResultRow> {
    let query = searchable(&view.query);
    // Once the last flagged figure is confirmed the filter has nothing to show: it lets go.
    let only_flagged = view.flagged && report.summary.flagged > 0;
    // A status picked from the filter or a card is shown whatever the switch says.
    let only_findings = !view.all_rows && view.status.is_none();
    let mut rows: Vec<&ResultRow> = report
        .current_rows()
        .filter(|r| view.status.is_none_or(|s| r.findings.status == s))
        .filter(|r| !only_flagged || r.findings.is_flagged())
        .filter(|r| !only_findings || carries_a_finding(r))
        .filter(|r| view.domain.as_ref().is_none_or(|d| &r.domain == d))
        .filter(|r| view.region.is_none() || r.region == view.region)
        .filter(|r| {
            query.is_empty()
                || searchable(&r.indicator).contains(&query)
                || r.as_written
                    .as_deref()
                    .is_some_and(|w| searchable(w).contains(&query))
                || plan
                    .indicator(&r.indicator_id)
                    .is_some_and(|i| searchable(&i.name_en).contains(&query))
        })
        .collect();
    // One comparison for every order, so the page links one sort: the plan's order is the rows'
    // own, which a stable sort keeps.
    let progress = |r: &ResultRow| r.findings.progress.unwrap_or(f64::INFINITY);
    let sort = view.sort;
    rows.sort_by(|a, b| match sort {
        SortKey::Plan => std::cmp::Ordering::Equal,
        SortKey::Findings => severity(a)
            .cmp(&severity(b))
            .then(progress(a).total_cmp(&progress(b))),
        SortKey::Progress => progress(a).total_cmp(&progress(b)),
    });
    rows
}

/// How many of the reporting year's rows the default view leaves out (no row in the file, no flag).
pub fn rows_without_findings(report: &Report) -> usize {
    report
        .current_rows()
        .filter(|r| !carries_a_finding(r))
        .count()
}
