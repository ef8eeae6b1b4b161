use super::i18n::Lang;
use super::shared::Shared;
use duibiao_core::evaluate::Status;
use duibiao_core::plan::PlanView;
use duibiao_core::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterSummaryProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
}

/// Counts by status for each chapter of the plan.
#[component]
pub fn ChapterSummary(props: &ChapterSummaryProps) -> Html {
    let t = props.lang.texts();
    html! {
        <div class="table-scroll chapter-summary" tabindex="0" role="region" aria-label={t.by_chapter}>
            <table>
                <caption>{ t.by_chapter }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ t.chapter }</th>
                        { for Status::ALL.iter().map(|s| html! { <th scope="col" class="num">{ props.lang.status(*s) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.report.summary.by_domain.iter().map(|d| {
                        let name = props.plan.domain(&d.domain).filter(|_| props.lang == Lang::En).map(|d| d.name_en.clone()).filter(|n| !n.is_empty()).unwrap_or_else(|| d.name.clone());
                        html! {
                            <tr data-domain={d.domain.clone()}>
                                <th scope="row">{ name }</th>
                                { for d.counts.iter().map(|c| html! { <td class="num">{ c.count }</td> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
