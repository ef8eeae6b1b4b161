//! What the printed report adds to the page: a title naming the plan, the regions and the year,
//! the rows that need action in full (the page's table is paged and filtered), and the blanks an
//! office signs. Shown only in print (static/style.css).

use super::downloads::now_local;
use super::i18n::Lang;
use super::shared::Shared;
use duibiao_core::report::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintSignatureProps {
    pub lang: Lang,
    pub report: Shared<Report>,
}

/// The printout's own lines: a title naming the plan, the regions and the year, and the blanks an
/// office signs. The rows it prints are the table's that need action (static/style.css hides the
/// rest in print; the table's default order puts them first).
#[component]
pub fn PrintSignature(props: &PrintSignatureProps) -> Html {
    let (lang, report) = (props.lang, &props.report);
    let t = lang.texts();
    let regions = match report.regions.len() {
        0 => t.city_wide.to_string(),
        1..=4 => report.regions.join("、"),
        n if lang == Lang::En => format!("{} and {} more", report.regions[0], n - 1),
        n => format!("{}等 {n} 个地区", report.regions[0]),
    };
    html! {
        <div class="print-only print-report">
            <h1>{ format!("{} · {regions} · {} 年 {}", report.plan.title, report.reporting_year, t.print_heading) }</h1>
            <p class="signature">
                <span>{ t.print_unit }{ "＿＿＿＿＿＿＿＿" }</span>
                <span>{ t.print_reviewer }{ "＿＿＿＿＿＿" }</span>
                <span>{ t.print_date }{ now_local() }</span>
            </p>
        </div>
    }
}
