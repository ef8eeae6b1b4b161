//! Saving what the core made (report, template) as a file, without any request: a Blob and a
//! temporary object URL.

use super::i18n::Lang;
use crate::export::{report_csv, report_xlsx, template_xlsx};
use crate::plan::Plan;
use crate::report::Report;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Hands `bytes` to the browser as a download named `name`.
fn save(name: &str, mime: &str, bytes: &[u8]) {
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

/// The local time of the check, as the user's clock shows it.
fn now_local() -> String {
    js_sys::Date::new_0()
        .to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

fn stem(file: &str) -> &str {
    file.rsplit_once('.').map_or(file, |(stem, _)| stem)
}

#[derive(Properties, PartialEq)]
pub struct ReportDownloadsProps {
    pub lang: Lang,
    pub report: Rc<Report>,
    pub plan: Rc<Plan>,
    /// Shown when an export fails.
    pub on_error: Callback<String>,
}

/// Report downloads (.xlsx, .csv) and printing, under the results.
#[component]
pub fn ReportDownloads(props: &ReportDownloadsProps) -> Html {
    let t = props.lang.texts();
    let xlsx = {
        let (report, plan, on_error) = (
            props.report.clone(),
            props.plan.clone(),
            props.on_error.clone(),
        );
        Callback::from(
            move |_: MouseEvent| match report_xlsx(&report, &plan, &now_local()) {
                Ok(bytes) => save(
                    &format!("{}-对标结果.xlsx", stem(&report.source.file)),
                    XLSX_MIME,
                    &bytes,
                ),
                Err(e) => on_error.emit(e.to_string()),
            },
        )
    };
    let csv = {
        let report = props.report.clone();
        Callback::from(move |_: MouseEvent| {
            save(
                &format!("{}-对标结果.csv", stem(&report.source.file)),
                "text/csv;charset=utf-8",
                &report_csv(&report),
            )
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <section class="downloads no-print" aria-label={t.downloads}>
            <button type="button" class="button" id="download-xlsx" onclick={xlsx}>{ t.download_xlsx }</button>
            <button type="button" class="button secondary" id="download-csv" onclick={csv}>{ t.download_csv }</button>
            <button type="button" class="button secondary" id="print-report" onclick={print}>{ t.print }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TemplateLinkProps {
    pub lang: Lang,
    pub plan: Rc<Plan>,
    pub on_error: Callback<String>,
}

/// The blank submission template, made from the plan in use.
#[component]
pub fn TemplateLink(props: &TemplateLinkProps) -> Html {
    let t = props.lang.texts();
    let onclick = {
        let (plan, on_error) = (props.plan.clone(), props.on_error.clone());
        Callback::from(move |_: MouseEvent| match template_xlsx(&plan) {
            Ok(bytes) => save(&format!("{}-填报模板.xlsx", plan.title), XLSX_MIME, &bytes),
            Err(e) => on_error.emit(e.to_string()),
        })
    };
    html! {
        <button type="button" class="link-button" id="download-template" {onclick}>{ t.download_template }</button>
    }
}
