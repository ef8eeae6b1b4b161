use super::i18n::Lang;
use super::summary_cards::status_icon;
use duibiao_core::plan::PlanView;
use duibiao_core::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegionMatrixProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub plan: Rc<PlanView>,
}

/// Regions × indicators: one status per cell, for files with several regions.
#[component]
pub fn RegionMatrix(props: &RegionMatrixProps) -> Html {
    let t = props.lang.texts();
    let report = &props.report;
    if report.regions.len() < 2 {
        return html! {};
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
    html! {
        <section class="matrix" aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">{ t.matrix_heading }</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_indicator }</th>
                            { for report.regions.iter().map(|r| html! { <th scope="col">{ r }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for found.iter().map(|id| html! {
                            <tr>
                                <th scope="row">{ props.plan.indicator(id).map(|i| i.name.clone()).unwrap_or_default() }</th>
                                { for report.regions.iter().map(|region| {
                                    let cell = report.current_rows().find(|r| r.indicator_id == *id && r.region.as_deref() == Some(region.as_str()));
                                    match cell {
                                        Some(r) => html! {
                                            <td class={format!("status-{}", r.findings.status.word())} data-status={r.findings.status.word()}>
                                                <span class="badge">{ status_icon(r.findings.status) }{ " " }{ props.lang.status(r.findings.status) }</span>
                                            </td>
                                        },
                                        None => html! { <td></td> },
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
