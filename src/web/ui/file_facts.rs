use super::encoding_select::EncodingSelect;
use super::i18n::Lang;
use duibiao_core::ingest::{Layout, TextEncoding};
use duibiao_core::report::Report;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileFactsProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub on_year: Callback<i32>,
    pub on_sheet: Callback<String>,
    /// Present for CSV files, whose encoding can be overridden.
    pub on_encoding: Option<Callback<Option<TextEncoding>>>,
}

fn selected(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// What was found in the file, with the sheet and reporting year switchable.
#[component]
pub fn FileFacts(props: &FileFactsProps) -> Html {
    let t = props.lang.texts();
    let report = &props.report;
    let source = &report.source;
    let layout = match source.layout {
        Layout::Long => t.layout_long,
        Layout::IndicatorsByRegions => t.layout_by_regions,
        Layout::RegionsByIndicators => t.layout_regions_by_indicators,
    };
    let check_kind = match props.lang {
        Lang::Zh => report.check_kind.label_zh(),
        Lang::En => report.check_kind.label_en(),
    };
    let on_year = {
        let cb = props.on_year.clone();
        Callback::from(move |e: Event| {
            if let Some(year) = selected(&e).and_then(|v| v.parse().ok()) {
                cb.emit(year);
            }
        })
    };
    let on_sheet = {
        let cb = props.on_sheet.clone();
        Callback::from(move |e: Event| {
            if let Some(sheet) = selected(&e) {
                cb.emit(sheet);
            }
        })
    };
    html! {
        <section class="file-facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{ format!("{} {} · {}", report.reporting_year, check_kind, source.file) }</h2>
            <dl>
                <dt>{ t.format }</dt><dd>{ source.format.label() }</dd>
                if let Some(on_encoding) = &props.on_encoding {
                    <dt>{ t.encoding }</dt>
                    <dd><EncodingSelect lang={props.lang} used={source.encoding} on_encoding={on_encoding.clone()} /></dd>
                }
                <dt><label for="sheet-select">{ t.sheet }</label></dt>
                <dd>
                    <select id="sheet-select" onchange={on_sheet}>
                        { for source.sheets.iter().map(|s| html! {
                            <option value={s.clone()} selected={*s == source.sheet}>{ s }</option>
                        }) }
                    </select>
                </dd>
                <dt>{ "SHA-256" }</dt><dd class="sha256">{ &source.sha256 }</dd>
                <dt class="print-only">{ t.printed_on }</dt>
                <dd class="print-only">{ String::from(js_sys::Date::new_0().to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED)) }</dd>
                <dt>{ t.header_row }</dt><dd>{ format!("{} · {}", source.header_row, layout) }</dd>
                <dt>{ t.regions }</dt>
                <dd>{ if report.regions.is_empty() { t.city_wide.to_string() } else { report.regions.join("、") } }</dd>
                <dt><label for="year-select">{ t.reporting_year }</label></dt>
                <dd>
                    <select id="year-select" onchange={on_year}>
                        { for report.years.iter().map(|y| html! {
                            <option value={y.to_string()} selected={*y == report.reporting_year}>{ y }</option>
                        }) }
                    </select>
                </dd>
            </dl>
        </section>
    }
}
