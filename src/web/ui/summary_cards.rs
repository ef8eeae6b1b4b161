use super::i18n::Lang;
use super::shared::Shared;
use duibiao_core::report::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryCardsProps {
    pub lang: Lang,
    pub report: Shared<Report>,
}

/// The figures to check first, then one card per status with its count for the reporting year,
/// and one for the plan's indicators the file never mentions.
#[component]
pub fn SummaryCards(props: &SummaryCardsProps) -> Html {
    let t = props.lang.texts();
    html! {
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ t.summary_heading }</h2>
            <ul class="cards">
                if props.report.summary.flagged > 0 {
                    <li class="card flagged-card" data-status="flagged">
                        <span class="count">{ props.report.summary.flagged }</span>
                        <span class="label">{ "⚑ " }{ t.flagged }</span>
                    </li>
                }
                { for props.report.summary.counts.iter().map(|c| html! {
                    <li class={classes!("card", format!("status-{}", c.status.word()))} data-status={c.status.word()}>
                        <span class="count">{ c.count }</span>
                        <span class="label">{ status_icon(c.status) }{ " " }{ props.lang.status(c.status) }</span>
                    </li>
                }) }
                if props.report.summary.not_in_file > 0 {
                    <li class="card not-in-file-card" data-status="not_in_file">
                        <span class="count">{ props.report.summary.not_in_file }</span>
                        <span class="label">{ t.not_in_file }</span>
                    </li>
                }
            </ul>
        </section>
    }
}

/// A shape per status, so status is never told by colour alone.
pub fn status_icon(status: duibiao_core::evaluate::Status) -> &'static str {
    use duibiao_core::evaluate::Status::*;
    match status {
        Met => "✔",
        OnTrack => "➚",
        Behind => "⚠",
        NotMet => "✖",
        Missing => "○",
        Review => "?",
    }
}
