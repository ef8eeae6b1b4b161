//! What the results table shows: filters, search and sort over the core's rows. Presentation
//! only: statuses, gaps and reasons are the core's, never recomputed here.

use duibiao_core::evaluate::Status;
use duibiao_core::matching::normalise;
use duibiao_core::plan::PlanView;
use duibiao_core::report::{Report, ResultRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The plan's order.
    #[default]
    Plan,
    /// Worst first: figures to check, then not met, behind, review, missing, on track, met.
    Status,
    /// Largest gap first.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct View {
    pub status: Option<Status>,
    /// Only the figures to check (flagged, not confirmed).
    pub flagged: bool,
    pub domain: Option<String>,
    pub region: Option<String>,
    pub query: String,
    pub sort: SortKey,
    /// The row whose detail is open: (indicator id, region).
    pub open: Option<(String, Option<String>)>,
}

fn severity(status: Status) -> u8 {
    match status {
        Status::NotMet => 0,
        Status::Behind => 1,
        Status::Review => 2,
        Status::Missing => 3,
        Status::OnTrack => 4,
        Status::Met => 5,
    }
}

/// The reporting year's rows that pass the filters, in the chosen order.
pub fn visible_rows<'a>(report: &'a Report, plan: &PlanView, view: &View) -> Vec<&'a ResultRow> {
    let query = normalise(view.query.trim());
    // Once the last flagged figure is confirmed the filter has nothing to show: it lets go.
    let only_flagged = view.flagged && report.summary.flagged > 0;
    let mut rows: Vec<&ResultRow> = report
        .current_rows()
        .filter(|r| view.status.is_none_or(|s| r.findings.status == s))
        .filter(|r| !only_flagged || r.findings.is_flagged())
        .filter(|r| view.domain.as_ref().is_none_or(|d| &r.domain == d))
        .filter(|r| view.region.is_none() || r.region == view.region)
        .filter(|r| {
            query.is_empty()
                || normalise(&r.indicator).contains(&query)
                || r.as_written
                    .as_deref()
                    .is_some_and(|w| normalise(w).contains(&query))
                || plan.indicator(&r.indicator_id).is_some_and(|i| {
                    i.name_en
                        .to_lowercase()
                        .contains(&view.query.trim().to_lowercase())
                })
        })
        .collect();
    match view.sort {
        SortKey::Plan => {}
        SortKey::Status => {
            rows.sort_by_key(|r| (!r.findings.is_flagged(), severity(r.findings.status)))
        }
        SortKey::Gap => rows.sort_by(|a, b| {
            b.findings
                .gap
                .unwrap_or(f64::MIN)
                .total_cmp(&a.findings.gap.unwrap_or(f64::MIN))
        }),
    }
    rows
}
