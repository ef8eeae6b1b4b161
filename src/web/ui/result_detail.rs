use super::i18n::Lang;
use super::indicator_select::IndicatorSelect;
use super::number::plain as trim_float;
use super::shared::Shared;
use super::value_chart::ValueChart;
use duibiao_core::matching::{Method, Override};
use duibiao_core::plan::PlanView;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::report::{MatchInfo, Report, ResultRow};
use std::rc::Rc;
use yew::prelude::*;

/// The file's values for this row's indicator and region across its years, and the base.
fn values_by_year(report: &Report, row: &ResultRow) -> Vec<(i32, f64)> {
    let mut across: Vec<(i32, f64)> = report
        .results
        .iter()
        .filter(|r| r.indicator_id == row.indicator_id && r.region == row.region)
        .filter_map(|r| r.findings.value.map(|v| (r.year, v)))
        .chain(row.findings.base_year.zip(row.findings.base))
        .collect();
    across.sort_by_key(|p| p.0);
    across.dedup_by_key(|p| p.0);
    across
}

/// How a row was matched, in words: "规划别名（置信度: 100%）".
fn match_words(lang: Lang, how: &MatchInfo) -> String {
    let word = match (how.method, lang == Lang::En) {
        (Method::Exact, false) => "名称完全一致",
        (Method::Alias, false) => "规划别名",
        (Method::Similar, false) => "名称相似",
        (Method::Manual, false) => "人工指定",
        (Method::Exact, true) => "exact name",
        (Method::Alias, true) => "alias",
        (Method::Similar, true) => "similar name",
        (Method::Manual, true) => "set by you",
    };
    format!(
        "{word}（{}: {}%）",
        lang.texts().confidence,
        trim_float(how.confidence * 100.0)
    )
}

#[derive(Properties, PartialEq)]
pub struct ResultDetailProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
    pub row: ResultRow,
    pub on_override: Callback<Override>,
    #[prop_or_default]
    pub on_confirm: Callback<Confirmation>,
}

/// A row's detail: the plan's own sentence, the rule applied, the match and a control to change
/// it, and the values across the years.
#[component]
pub fn ResultDetail(props: &ResultDetailProps) -> Html {
    let t = props.lang.texts();
    let row = &props.row;
    let Some(indicator) = props.plan.indicator(&row.indicator_id) else {
        return html! {};
    };
    let en = props.lang == Lang::En;
    let points = values_by_year(&props.report, row);
    let plan_years = (
        props.report.plan.baseline_year,
        props.report.plan.period.end,
    );
    let method = row.match_info.as_ref().map(|m| match_words(props.lang, m));
    let on_choose = {
        let (on_override, written) = (props.on_override.clone(), row.as_written.clone());
        Callback::from(move |indicator_id: Option<String>| {
            if let Some(as_written) = written.clone() {
                on_override.emit(Override {
                    as_written,
                    indicator_id,
                });
            }
        })
    };
    let select_id = format!(
        "match-{}-{}",
        row.indicator_id,
        row.region.as_deref().unwrap_or("")
    );
    html! {
        <div class="detail">
            { figure_check(props.lang, row, &props.on_confirm) }
            <dl>
                <dt>{ t.plan_words }</dt>
                <dd>
                    <blockquote>{ &indicator.plan_words }</blockquote>
                    <span class="section">{ &indicator.source.section }</span>
                    if indicator.plan_words != indicator.source.quote {
                        <details class="plan-raw">
                            <summary>{ t.plan_raw_text }</summary>
                            <blockquote>{ &indicator.source.quote }</blockquote>
                        </details>
                    }
                    // Working notes on how the target was read: for whoever doubts the reading.
                    if !indicator.notes.is_empty() {
                        <details class="how-target-read">
                            <summary>{ t.how_target_read }</summary>
                            { for indicator.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
                        </details>
                    }
                </dd>
                <dt>{ t.rule }</dt>
                <dd class="rule">{ if en { &row.findings.reason_en } else { &row.findings.reason } }</dd>
                if let (Some(method), Some(written)) = (method, row.as_written.as_ref()) {
                    <dt>{ t.match_label }</dt>
                    <dd>
                        { format!("“{written}” → {}：{method}", indicator.name) }
                        <label class="change-match">{ t.change_match }
                            <IndicatorSelect lang={props.lang} plan={props.plan.clone()} id={select_id}
                                label={t.change_match} selected={Some(row.indicator_id.clone())} {on_choose} />
                        </label>
                    </dd>
                }
            </dl>
            if !points.is_empty() {
                <ValueChart {points} goal={row.findings.goal} path={row.findings.path.clone()} years={plan_years}
                    label={format!("{} {}", indicator.name, t.values_by_year)} goal_word={t.chart_goal} />
            }
        </div>
    }
}

/// What the plausibility checks saw in the figure, and the user's word that it is right (or
/// taking that word back): the row is then evaluated again by the reader.
fn figure_check(lang: Lang, row: &ResultRow, on_confirm: &Callback<Confirmation>) -> Html {
    let (t, findings) = (lang.texts(), &row.findings);
    if findings.flags.is_empty() {
        return html! {};
    }
    let en = lang == Lang::En;
    let onclick =
        Confirmation::of_row(row).map(|c| on_confirm.reform(move |_: MouseEvent| c.clone()));
    html! {
        <section class="figure-check" aria-label={t.flags_heading}>
            <h3>{ t.flags_heading }</h3>
            <ul>
                { for findings.flags.iter().map(|f| html! {
                    <li data-severity={f.severity.label_en()}>
                        <strong>{ if en { f.severity.label_en() } else { f.severity.label_zh() } }</strong>
                        { " " }{ if en { &f.reason_en } else { &f.reason } }
                    </li>
                }) }
            </ul>
            if let Some(status) = findings.status_if_confirmed {
                <p class="if-confirmed">{ t.if_confirmed }{ lang.status(status) }</p>
            }
            if findings.confirmed {
                <p class="confirmed">{ "✔ " }{ t.confirmed_figure }</p>
            }
            if let Some(onclick) = onclick {
                <button type="button" class="confirm-figure" {onclick}>
                    { if findings.confirmed { t.undo_confirm } else { t.confirm_figure } }
                </button>
            }
        </section>
    }
}
