use super::chapter_summary::ChapterSummary;
use super::corrections::SheetToCorrect;
use super::downloads::ReportDownloads;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::region_matrix::RegionMatrix;
use super::results_filters::ResultsFilters;
use super::results_table::ResultsTable;
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use super::view::View;
use duibiao_core::ingest::{Format, TextEncoding};
use duibiao_core::matching::Override;
use duibiao_core::plan::PlanView;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::protocol::Request;
use duibiao_core::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub plan: Rc<PlanView>,
    pub view: View,
    /// All the report's unmatched rows; the page holds only the first ones.
    pub unmatched_total: usize,
    /// A workbook is being made.
    pub exporting: bool,
    pub on_year: Callback<i32>,
    pub on_sheet: Callback<Option<String>>,
    pub on_correct: Callback<Vec<SheetToCorrect>>,
    pub on_encoding: Callback<Option<TextEncoding>>,
    pub on_view: Callback<View>,
    pub on_override: Callback<Override>,
    pub on_confirm: Callback<Confirmation>,
    pub on_request: Callback<Request>,
}

/// A checked file: how it was read, the counts, the chapters and regions, every row, the rows
/// not matched, and the downloads.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let (report, plan, view) = (&props.report, &props.plan, &props.view);
    let on_encoding = (report.source.format == Format::Csv).then(|| props.on_encoding.clone());
    html! {
        <>
            <FileFacts {lang} report={report.clone()} on_year={props.on_year.clone()}
                on_sheet={props.on_sheet.clone()} {on_encoding} on_correct={props.on_correct.clone()} />
            <div class="sr-only" aria-live="polite">
                { format!("{}：{}", t.checked_summary, summary_line(lang, report)) }
            </div>
            <SummaryCards {lang} report={report.clone()} />
            <ChapterSummary {lang} report={report.clone()} plan={plan.clone()} />
            <RegionMatrix {lang} report={report.clone()} plan={plan.clone()} />
            <ResultsFilters {lang} report={report.clone()} plan={plan.clone()}
                view={view.clone()} on_view={props.on_view.clone()} />
            <ResultsTable {lang} report={report.clone()} plan={plan.clone()}
                view={view.clone()} on_view={props.on_view.clone()} on_override={props.on_override.clone()}
                on_confirm={props.on_confirm.clone()} />
            <UnmatchedList {lang} report={report.clone()} plan={plan.clone()}
                total={props.unmatched_total} on_override={props.on_override.clone()} />
            if !report.not_in_file.is_empty() {
                <details class="not-in-file">
                    <summary>{ format!("{}（{}）", t.not_in_file, report.not_in_file.len()) }</summary>
                    <ul>{ for report.not_in_file.iter().map(|i| html! { <li>{ &i.indicator }</li> }) }</ul>
                </details>
            }
            <ReportDownloads {lang} on_request={props.on_request.clone()} exporting={props.exporting} />
        </>
    }
}

/// The counts, for screen readers when a check ends.
fn summary_line(lang: Lang, report: &Report) -> String {
    report
        .summary
        .counts
        .iter()
        .map(|c| format!("{} {}", lang.status(c.status), c.count))
        .collect::<Vec<_>>()
        .join("，")
}
