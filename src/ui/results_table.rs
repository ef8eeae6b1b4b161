use super::i18n::Lang;
use super::summary_cards::status_icon;
use crate::ingest::value::trim_float;
use crate::plan::Plan;
use crate::report::{Report, ResultRow};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub plan: Rc<Plan>,
}

/// Every plan indicator × region for the reporting year. Test contract: each row carries
/// `data-status` and `data-as-written`.
#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let t = props.lang.texts();
    let rows: Vec<&ResultRow> = props.report.current_rows().collect();
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{ t.results_heading }</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_indicator }</th>
                            <th scope="col">{ t.col_region }</th>
                            <th scope="col">{ t.col_value }</th>
                            <th scope="col">{ t.col_target }</th>
                            <th scope="col">{ t.col_status }</th>
                            <th scope="col">{ t.col_gap }</th>
                            <th scope="col">{ t.col_reason }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.into_iter().map(|row| result_row(props.lang, &props.plan, row)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn result_row(lang: Lang, plan: &Plan, row: &ResultRow) -> Html {
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
        Lang::Zh => row.reason.clone(),
        Lang::En => row.reason_en.clone(),
    };
    html! {
        <tr
            class={format!("status-{}", row.status.word())}
            data-status={row.status.word()}
            data-as-written={row.as_written.clone().unwrap_or_default()}
            data-indicator={row.indicator_id.clone()}
        >
            <th scope="row">
                { name }
                if let Some(written) = row.as_written.as_ref().filter(|w| **w != row.indicator) {
                    <span class="as-written">{ format!("（{written}）") }</span>
                }
            </th>
            <td class="region">{ row.region.clone().unwrap_or_default() }</td>
            <td class="num">{ value }</td>
            <td>{ &row.target.text }</td>
            <td class="status"><span class="badge">{ status_icon(row.status) }{ " " }{ lang.status(row.status) }</span></td>
            <td class="num">{ row.gap.map(trim_float).unwrap_or_default() }</td>
            <td class="reason">{ reason }</td>
        </tr>
    }
}
