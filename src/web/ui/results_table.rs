use super::i18n::Lang;
use super::number::{one_decimal, plain as trim_float};
use super::result_detail::ResultDetail;
use super::shared::Shared;
use super::summary_cards::status_icon;
use super::view::{visible_rows, View, ROWS_PER_STEP};
use duibiao_core::evaluate::{Direction, Trend};
use duibiao_core::matching::Override;
use duibiao_core::plan::PlanView;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::report::{Report, ResultRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
    #[prop_or_default]
    pub view: View,
    #[prop_or_default]
    pub on_view: Callback<View>,
    #[prop_or_default]
    pub on_override: Callback<Override>,
    #[prop_or_default]
    pub on_confirm: Callback<Confirmation>,
}

/// The reporting year's rows, filtered and sorted as the view says, drawn a step at a time.
/// Test contract: each row carries `data-status` and `data-as-written`; each cell `data-label`
/// (its column's name, shown before it when a narrow screen lays rows out as cards).
#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let t = props.lang.texts();
    let mut rows = visible_rows(&props.report, &props.plan, &props.view);
    let (shown, limit) = (rows.len(), props.view.limit());
    rows.truncate(limit);
    let more = shown.saturating_sub(limit).min(ROWS_PER_STEP);
    let on_more = {
        let (view, on_view) = (props.view.clone(), props.on_view.clone());
        Callback::from(move |_: MouseEvent| {
            on_view.emit(View {
                limit: limit + ROWS_PER_STEP,
                ..view.clone()
            })
        })
    };
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{ t.results_heading }</h2>
            <p class="shown" aria-live="polite">{ format!("{} {}", shown.min(limit), t.rows_shown) }
                if shown > limit { { format!(" / {shown}") } }</p>
            <p class="trend-key"><span class="trend good">{ "▲" }</span><span class="trend bad">{ "▼" }</span>{ " " }{ t.trend_key }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="results-heading">
            <table class="results-table">
                <thead>
                    <tr>
                        <th scope="col">{ t.col_indicator }</th>
                        <th scope="col">{ t.col_region }</th>
                        <th scope="col">{ t.col_value }</th>
                        <th scope="col">{ format!("{}{}", props.report.plan.period.end, t.col_target_after_year) }</th>
                        <th scope="col">{ t.col_status }</th>
                        <th scope="col">{ t.col_gap }</th>
                        <th scope="col">{ t.col_progress }</th>
                        <th scope="col">{ t.col_reason }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.into_iter().map(|row| result_row(props, row)) }
                </tbody>
            </table>
            </div>
            if more > 0 {
                <button type="button" class="button secondary show-more" onclick={on_more}>
                    { t.show_more.replace("{n}", &more.to_string()) }
                </button>
            }
        </section>
    }
}

fn result_row(props: &ResultsTableProps, row: &ResultRow) -> Html {
    let (lang, plan) = (props.lang, &props.plan);
    let t = lang.texts();
    let name = match (lang, plan.indicator(&row.indicator_id)) {
        (Lang::En, Some(i)) if !i.name_en.is_empty() => i.name_en.clone(),
        _ => row.indicator.clone(),
    };
    let value = match (&row.value_as_written, &row.cell) {
        (Some(v), Some(cell)) => format!("{v}（{cell}）"),
        (Some(v), None) => v.clone(),
        _ => "—".to_string(),
    };
    let reason = match lang {
        Lang::Zh => row.findings.reason.clone(),
        Lang::En => row.findings.reason_en.clone(),
    };
    let target_label = format!(
        "{}{}",
        props.report.plan.period.end, t.col_target_after_year
    );
    let key = (row.indicator_id.clone(), row.region.clone());
    let open = props.view.open.as_ref() == Some(&key);
    let toggle = {
        let (view, on_view, key) = (props.view.clone(), props.on_view.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            let open = if view.open.as_ref() == Some(&key) {
                None
            } else {
                Some(key.clone())
            };
            on_view.emit(View {
                open,
                ..view.clone()
            });
        })
    };
    let detail_id = format!(
        "detail-{}-{}",
        row.indicator_id,
        row.region.as_deref().unwrap_or("")
    );
    html! {
        <>
            <tr
                class={format!("status-{}", row.findings.status.word())}
                data-status={row.findings.status.word()}
                data-as-written={row.as_written.clone().unwrap_or_default()}
                data-indicator={row.indicator_id.clone()}
                data-flagged={row.findings.is_flagged().then_some("true")}
            >
                <th scope="row">
                    <button type="button" class="row-toggle" aria-expanded={open.to_string()} aria-controls={detail_id.clone()} onclick={toggle}>
                        { name }
                    </button>
                    if let Some(written) = row.as_written.as_ref().filter(|w| **w != row.indicator) {
                        <span class="as-written">{ format!("（{written}）") }</span>
                    }
                </th>
                <td class="region" data-label={t.col_region}>{ row.region.clone().unwrap_or_default() }</td>
                <td class="num" data-label={t.col_value}>{ value }{ trend(lang, row) }</td>
                <td data-label={target_label.clone()}>{ &row.target.text }</td>
                <td class="status" data-label={t.col_status}>{ status(lang, row) }</td>
                <td class="gap" data-label={t.col_gap}>{ gap_words(lang, row) }</td>
                <td data-label={t.col_progress}>{ progress_bar(row, t.col_progress) }</td>
                <td class="reason" data-label={t.col_reason}>{ reason }</td>
            </tr>
            if open {
                <tr class="detail-row" id={detail_id}>
                    <td colspan="8">
                        <ResultDetail {lang} report={props.report.clone()} plan={plan.clone()} row={row.clone()}
                            on_override={props.on_override.clone()} on_confirm={props.on_confirm.clone()} />
                    </td>
                </tr>
            }
        </>
    }
}

/// The trend since the file's previous figure: the arrow is the way the figure moved, its
/// colour whether that is towards the target, and its words are there for screen readers.
fn trend(lang: Lang, row: &ResultRow) -> Html {
    let t = lang.texts();
    let rising_is_good = row.findings.direction == Direction::Higher;
    let (mark, class, words) = match row.findings.trend {
        Some(Trend::Improving) => (
            if rising_is_good { "▲" } else { "▼" },
            "good",
            t.trend_improving,
        ),
        Some(Trend::Worsening) => (
            if rising_is_good { "▼" } else { "▲" },
            "bad",
            t.trend_worsening,
        ),
        Some(Trend::Flat) => ("▬", "flat", t.trend_flat),
        None => return html! {},
    };
    html! { <span class={classes!("trend", class)} title={words} aria-label={words}>{ format!(" {mark}") }</span> }
}

/// The core's words for the gap ("还差 0.4 个百分点"; none when there is no gap to tell).
fn gap_words(lang: Lang, row: &ResultRow) -> String {
    match lang {
        Lang::Zh => row.findings.gap_words.clone(),
        Lang::En => row.findings.gap_words_en.clone(),
    }
}

/// The status badge, and the mark of a figure to check.
fn status(lang: Lang, row: &ResultRow) -> Html {
    let status = row.findings.status;
    html! {
        <>
            <span class="badge">{ status_icon(status) }{ " " }{ lang.status(status) }</span>
            if row.findings.is_flagged() {
                <span class="flag">{ "⚑ " }{ lang.texts().flagged }</span>
            }
        </>
    }
}

/// Base → target as a bar: the share of the way covered, and a mark where the straight line
/// says the reporting year should be. SVG attributes, not inline styles (the CSP forbids those).
fn progress_bar(row: &ResultRow, label: &str) -> Html {
    let Some(progress) = row.findings.progress else {
        return html! {};
    };
    let width = progress.clamp(0.0, 1.0) * 100.0;
    let percent = trim_float((progress * 100.0).round());
    html! {
        <span class="progress">
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={format!("{label} {percent}%")}>
                <rect class="progress-track" x="0" y="2" width="100" height="6" />
                <rect class="progress-fill" x="0" y="2" width={one_decimal(width)} height="6" />
                if let Some(share) = row.findings.expected_share {
                    <line class="progress-mark" x1={one_decimal(share.clamp(0.0, 1.0) * 100.0)} x2={one_decimal(share.clamp(0.0, 1.0) * 100.0)} y1="0" y2="10" />
                }
            </svg>
            <span class="progress-text">{ format!("{percent}%") }</span>
        </span>
    }
}
