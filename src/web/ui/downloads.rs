//! Saving what the worker made (report, template) as a file, without any request: a Blob and a
//! temporary object URL.

use super::i18n::Lang;
use duibiao_core::protocol::Request;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Hands `bytes` to the browser as a download named `name`.
pub fn save(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The local time of the check, as the user's clock shows it: "2026-12-04 09:05". From the
/// date's fields, not `toLocaleString`: its first call loads the browser's locale data, 30 ms
/// of the task that draws a first report (BENCHMARKS.md, issue 25).
pub fn now_local() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

#[derive(Properties, PartialEq)]
pub struct ReportDownloadsProps {
    pub lang: Lang,
    pub on_request: Callback<Request>,
    /// A workbook is being made: the .xlsx button says so (and stays usable: should the writer
    /// never answer, another click is the way to try again).
    #[prop_or_default]
    pub exporting: bool,
}

/// Report downloads (.xlsx, .csv) and printing, under the results.
#[component]
pub fn ReportDownloads(props: &ReportDownloadsProps) -> Html {
    let t = props.lang.texts();
    let xlsx = props
        .on_request
        .reform(|_: MouseEvent| Request::ExportXlsx {
            checked_at: now_local(),
        });
    let csv = props.on_request.reform(|_: MouseEvent| Request::ExportCsv);
    let csv_codes = props
        .on_request
        .reform(|_: MouseEvent| Request::ExportCsvCodes);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="downloads no-print" aria-label={t.downloads}>
            <button type="button" class="button" id="download-xlsx" onclick={xlsx}
                aria-busy={props.exporting.then_some("true")}>
                { if props.exporting { t.preparing_file } else { t.download_xlsx } }
            </button>
            <button type="button" class="button secondary" id="download-csv" onclick={csv}>{ t.download_csv }</button>
            <button type="button" class="button secondary" id="print-report" onclick={print}>{ t.print }</button>
            // The same .csv with the report's codes (met, on_track …) for a statistics system.
            <button type="button" class="link-button" id="download-csv-codes" onclick={csv_codes}>{ t.download_csv_codes }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TemplateLinkProps {
    pub lang: Lang,
    pub on_request: Callback<Request>,
    #[prop_or_default]
    pub exporting: bool,
}

/// The blank submission template, made from the plan in use.
#[component]
pub fn TemplateLink(props: &TemplateLinkProps) -> Html {
    let t = props.lang.texts();
    let onclick = props.on_request.reform(|_: MouseEvent| Request::Template);
    html! {
        <button type="button" class="link-button" id="download-template" {onclick}
            aria-busy={props.exporting.then_some("true")}>
            { if props.exporting { t.preparing_file } else { t.download_template } }
        </button>
    }
}
