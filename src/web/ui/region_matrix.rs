use super::i18n::Lang;
use super::shared::Shared;
use super::summary_cards::status_icon;
use duibiao_core::plan::PlanView;
use duibiao_core::report::{Report, ResultRow};
use std::rc::Rc;
use yew::prelude::*;

/// Regions shown side by side: a county's districts fit at once; a township roll-up of 150 towns
/// is paged, so the matrix never draws thousands of cells at once.
const REGIONS_PER_PAGE: usize = 12;

#[derive(Properties, PartialEq)]
pub struct RegionMatrixProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
}

/// Regions × indicators: one status per cell, for files with several regions. The indicator
/// column stays in place while the regions scroll (static/style.css).
#[component]
pub fn RegionMatrix(props: &RegionMatrixProps) -> Html {
    let t = props.lang.texts();
    let report = &props.report;
    let first = use_state(|| 0_usize);
    // A roll-up of many regions shows its matrix when asked: its cells were most of the page's
    // elements and of the time to draw the first results.
    let shown = use_state(|| report.regions.len() <= REGIONS_PER_PAGE);
    if report.regions.len() < 2 {
        return html! {};
    }
    if !*shown {
        let show = {
            let shown = shown.clone();
            Callback::from(move |_: MouseEvent| shown.set(true))
        };
        return html! {
            <section class="matrix no-print" aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">{ t.matrix_heading }</h2>
                <button type="button" class="button secondary" id="show-matrix" onclick={show}>
                    { t.show_matrix.replace("{n}", &report.regions.len().to_string()) }
                </button>
            </section>
        };
    }
    let found: Vec<&str> = {
        let mut ids: Vec<&str> = report
            .current_rows()
            .filter(|r| r.as_written.is_some())
            .map(|r| r.indicator_id.as_str())
            .collect();
        ids.dedup();
        ids
    };
    // Each row put in its cell once: a scan of every row per cell was 6,150 × 6,150 comparisons
    // for a township roll-up.
    let total = report.regions.len();
    let mut grid: Vec<Option<&ResultRow>> = vec![None; found.len() * total];
    for row in report.current_rows() {
        let indicator = found.iter().position(|id| *id == row.indicator_id);
        let region = row
            .region
            .as_ref()
            .and_then(|r| report.regions.iter().position(|n| n == r));
        if let (Some(i), Some(r)) = (indicator, region) {
            grid[i * total + r] = Some(row);
        }
    }
    let start = (*first).min(total.saturating_sub(1));
    let end = (start + REGIONS_PER_PAGE).min(total);
    let regions = &report.regions[start..end];
    let step = |to: usize| {
        let first = first.clone();
        Callback::from(move |_: MouseEvent| first.set(to))
    };
    html! {
        <section class="matrix" aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{ t.matrix_heading }</h2>
            if total > REGIONS_PER_PAGE {
                <p class="pager no-print">
                    <button type="button" class="button secondary" disabled={start == 0}
                        onclick={step(start.saturating_sub(REGIONS_PER_PAGE))}>{ "‹" }</button>
                    <span aria-live="polite">{ t.regions_shown
                        .replace("{from}", &(start + 1).to_string())
                        .replace("{to}", &end.to_string())
                        .replace("{total}", &total.to_string()) }</span>
                    <button type="button" class="button secondary" disabled={end >= total}
                        onclick={step(end)}>{ "›" }</button>
                </p>
            }
            // Focusable, so that a keyboard can scroll the regions (WCAG 2.1.1).
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-heading">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_indicator }</th>
                            { for regions.iter().map(|r| html! { <th scope="col">{ r }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for found.iter().enumerate().map(|(i, id)| html! {
                            <tr>
                                <th scope="row">{ props.plan.indicator(id).map(|i| i.name.clone()).unwrap_or_default() }</th>
                                { for (start..end).map(|r| match grid[i * total + r] {
                                    Some(r) => html! {
                                        <td class={format!("status-{}", r.findings.status.word())} data-status={r.findings.status.word()}>
                                            <span class="badge">{ status_icon(r.findings.status) }{ " " }{ props.lang.status(r.findings.status) }</span>
                                        </td>
                                    },
                                    None => html! { <td></td> },
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
