use super::chapter_summary::ChapterSummary;
use super::corrections::SheetToCorrect;
use super::downloads::ReportDownloads;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::print_signature::PrintSignature;
use super::region_matrix::RegionMatrix;
use super::results_filters::ResultsFilters;
use super::results_table::ResultsTable;
use super::shared::Shared;
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use super::view::{rows_without_findings, View};
use duibiao_core::ingest::{Format, TextEncoding};
use duibiao_core::matching::Override;
use duibiao_core::plan::PlanView;
use duibiao_core::plausibility::Confirmation;
use duibiao_core::protocol::Request;
use duibiao_core::report::Report;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub report: Shared<Report>,
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

/// A checked file, findings first: what was checked and the counts, the downloads and the
/// switch for every row; then the rows to map, the rows, the chapters and regions; the plan's
/// indicators the file never mentions folded last. A new file moves the view and the focus to
/// the heading.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let (report, plan, view) = (&props.report, &props.plan, &props.view);
    let on_encoding = (report.source.format == Format::Csv).then(|| props.on_encoding.clone());
    use_effect_with(
        (report.source.sha256.clone(), report.source.sheet.clone()),
        |_| focus_heading("facts-heading"),
    );
    let folded = rows_without_findings(report);
    let on_all_rows = {
        let (view, on_view) = (view.clone(), props.on_view.clone());
        Callback::from(move |_: Event| {
            on_view.emit(view.refiltered(|next| next.all_rows = !next.all_rows))
        })
    };
    html! {
        <>
            <PrintSignature {lang} report={report.clone()} />
            <section class="result-header" aria-label={t.results_for}>
                <FileFacts {lang} report={report.clone()} plan_title_en={plan.title_en.clone()} on_year={props.on_year.clone()}
                    on_sheet={props.on_sheet.clone()} {on_encoding} on_correct={props.on_correct.clone()} />
                if report.year_outside_period {
                    <p class="plan-warning" role="alert">{ t.outside_period
                        .replace("{year}", &report.reporting_year.to_string())
                        .replace("{start}", &report.plan.period.start.to_string())
                        .replace("{end}", &report.plan.period.end.to_string()) }</p>
                }
                <div class="sr-only" aria-live="polite">
                    { format!("{}：{}", t.checked_summary, summary_line(lang, report)) }
                </div>
                <SummaryCards {lang} report={report.clone()} />
                <ReportDownloads {lang} on_request={props.on_request.clone()} exporting={props.exporting} />
                if folded > 0 {
                    <label class="all-rows no-print">
                        <input type="checkbox" id="show-all-rows" checked={view.all_rows} onchange={on_all_rows} />
                        { " " }{ t.show_all_rows }
                        if !view.all_rows { <span class="muted">{ format!("（{}）", t.rows_folded.replace("{n}", &folded.to_string())) }</span> }
                    </label>
                }
            </section>
            if !report.unmatched.is_empty() {
                <UnmatchedList {lang} report={report.clone()} plan={plan.clone()}
                    total={props.unmatched_total} on_override={props.on_override.clone()} />
            }
            <ResultsFilters {lang} report={report.clone()} plan={plan.clone()}
                view={view.clone()} on_view={props.on_view.clone()} />
            <ResultsTable {lang} report={report.clone()} plan={plan.clone()}
                view={view.clone()} on_view={props.on_view.clone()} on_override={props.on_override.clone()}
                on_confirm={props.on_confirm.clone()} />
            // Keyed by file and sheet: another file starts with its matrix as its own size
            // says (folded for a roll-up), not as the last file's was left.
            <RegionMatrix key={format!("{}{}", report.source.sha256, report.source.sheet)}
                {lang} report={report.clone()} plan={plan.clone()} />
            <ChapterSummary {lang} report={report.clone()} plan={plan.clone()} />
            if !report.not_in_file.is_empty() {
                <details class="not-in-file">
                    <summary>{ format!("{}（{}）", t.not_in_file, report.not_in_file.len()) }</summary>
                    <ul>{ for report.not_in_file.iter().map(|i| html! { <li>{ &i.indicator }</li> }) }</ul>
                </details>
            }
        </>
    }
}

/// Moves the view and the keyboard to a heading (it has tabindex=-1), so that a screen reader
/// reads on from there.
fn focus_heading(id: &str) {
    if let Some(heading) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        heading.scroll_into_view();
        let _ = heading.focus();
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
