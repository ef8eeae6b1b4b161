use super::corrections::{ColumnToCorrect, SheetToCorrect};
use super::encoding_select::EncodingSelect;
use super::i18n::{Lang, Texts};
use super::shared::Shared;
use duibiao_core::ingest::{
    FactSource, Layout, SheetColumns, SheetFacts, SkipReason, SkippedSheet, TextEncoding,
};
use duibiao_core::report::Report;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FileFactsProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    /// The plan's English title (the report carries the Chinese one).
    #[prop_or_default]
    pub plan_title_en: String,
    pub on_year: Callback<i32>,
    /// A sheet to read alone, or `None` for every sheet.
    pub on_sheet: Callback<Option<String>>,
    /// Present for CSV files, whose encoding can be overridden.
    pub on_encoding: Option<Callback<Option<TextEncoding>>>,
    /// Opens the dialog that corrects how the file was read.
    pub on_correct: Callback<Vec<SheetToCorrect>>,
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
                cb.emit(Some(sheet).filter(|s| !s.is_empty()));
            }
        })
    };
    let on_correct = {
        let (cb, source) = (props.on_correct.clone(), source.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(sheets_to_correct(
                &source.sheets_read,
                &source.sheets_skipped,
            ))
        })
    };
    let one_sheet = source.sheets_read.len() == 1 && source.sheets_skipped.is_empty();
    let plan_title = match props.lang {
        Lang::En if !props.plan_title_en.is_empty() => &props.plan_title_en,
        _ => &report.plan.title,
    };
    html! {
        <section class="file-facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading" tabindex="-1">{ format!("{} {} · {}", report.reporting_year, check_kind, source.file) }</h2>
            <p class="plan-line">{ format!("{}：{plan_title}", t.plan_in_use) }</p>
            <dl class="facts">
                <dt><label for="year-select">{ t.reporting_year }</label></dt>
                <dd>
                    <select id="year-select" onchange={on_year}>
                        { for report.years.iter().map(|y| html! {
                            <option value={y.to_string()} selected={*y == report.reporting_year}>{ y }</option>
                        }) }
                    </select>
                </dd>
                <dt><label for="sheet-select">{ t.sheet }</label></dt>
                <dd>
                    <select id="sheet-select" onchange={on_sheet}>
                        if source.sheets.len() > 1 {
                            <option value="" selected={!one_sheet || source.sheets_read.len() > 1}>{ t.all_sheets }</option>
                        }
                        { for source.sheets.iter().map(|s| html! {
                            <option value={s.clone()} selected={one_sheet && *s == source.sheet}>{ s }</option>
                        }) }
                    </select>
                </dd>
                if let Some(on_encoding) = &props.on_encoding {
                    <dt>{ t.encoding }</dt>
                    <dd><EncodingSelect lang={props.lang} used={source.encoding} on_encoding={on_encoding.clone()} /></dd>
                }
                <dt>{ t.regions }</dt>
                <dd>{ regions_line(t, &report.regions) }</dd>
            </dl>
            <details class="how-read-fold no-print">
                <summary>{ t.how_read }</summary>
                <dl>
                    <dt>{ t.format }</dt><dd>{ source.format.label() }</dd>
                    <dt>{ "SHA-256" }</dt><dd class="sha256">{ &source.sha256 }</dd>
                    <dt>{ t.how_read }</dt>
                    <dd class="how-read">
                        <ul>{ for source.sheets_read.iter().map(|sheet| html! { <li>{ sheet_line(props.lang, sheet) }</li> }) }</ul>
                        if !source.sheets_skipped.is_empty() {
                            <p>{ format!("{}：{}", t.sheets_skipped, skipped_line(t, &source.sheets_skipped)) }</p>
                        }
                    </dd>
                </dl>
            </details>
            // Outside the fold: a file read wrongly is corrected without hunting for the button.
            <button type="button" class="link-button no-print" id="correct-reading" onclick={on_correct}>{ t.correct_reading }</button>
        </section>
    }
}

/// The regions a file gives: a county's districts all, a township roll-up's first few and their
/// number (its 150 names were a paragraph above the findings; the region filter lists them all).
fn regions_line(t: &Texts, regions: &[String]) -> String {
    const NAMED: usize = 12;
    match regions.len() {
        0 => t.city_wide.to_string(),
        n if n <= NAMED => regions.join("、"),
        n => regions[..NAMED].join("、") + &t.regions_in_all.replace("{n}", &n.to_string()),
    }
}

/// "柯城区：纵表…，表头第 4 行，年份 2023（来自文件名）；A 序号 → 序号，B 指标名称 → 指标名称 …"
fn sheet_line(lang: Lang, sheet: &SheetFacts) -> String {
    let t = lang.texts();
    let layout = match sheet.layout {
        Layout::Long => t.layout_long,
        Layout::IndicatorsByRegions => t.layout_by_regions,
        Layout::RegionsByIndicators => t.layout_regions_by_indicators,
        Layout::YearsByIndicators => t.layout_years_by_indicators,
        Layout::Tidy => t.layout_tidy,
    };
    let mut line = format!(
        "{}：{layout}，{} {}",
        sheet.name, t.header_row, sheet.header_row
    );
    let source = |s: Option<FactSource>| match s {
        Some(FactSource::Title) => t.from_title,
        Some(FactSource::SheetName) => t.from_sheet_name,
        Some(FactSource::FileName) => t.from_file_name,
        Some(FactSource::Chosen) | None => t.from_chosen,
    };
    if let Some(year) = sheet.year {
        line += &format!("，{} {year}（{}）", t.year_word, source(sheet.year_source));
    }
    if let Some(region) = &sheet.region {
        line += &format!(
            "，{} {region}（{}）",
            t.region_word,
            source(sheet.region_source)
        );
    }
    let columns: Vec<String> = sheet
        .columns
        .iter()
        .filter(|c| !c.header.is_empty() || c.role != duibiao_core::ingest::Role::Ignored)
        .map(|c| {
            let role = match lang {
                Lang::Zh => c.role.label_zh(),
                Lang::En => c.role.label_en(),
            };
            let key = c.year.map(|y| format!(" {y}")).unwrap_or_default()
                + &c.region
                    .as_ref()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default();
            format!("{} {} → {role}{key}", c.column, c.header)
        })
        .collect();
    line + "；" + &columns.join("，")
}

fn skipped_line(t: &Texts, skipped: &[SkippedSheet]) -> String {
    skipped
        .iter()
        .map(|s| {
            let why = match s.why {
                SkipReason::Hidden => t.skip_hidden,
                SkipReason::Empty => t.skip_empty,
                SkipReason::NotATable => t.skip_not_a_table,
                SkipReason::NoData => t.skip_no_data,
                SkipReason::Chosen => t.skip_chosen,
            };
            format!("{}（{why}）", s.name)
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The sheets as the dialog shows them: those read, and those the user left out (to take back).
pub fn sheets_to_correct(read: &[SheetFacts], skipped: &[SkippedSheet]) -> Vec<SheetToCorrect> {
    let read = read.iter().map(|sheet| SheetToCorrect {
        name: sheet.name.clone(),
        header_row: Some(sheet.header_row),
        year: sheet.year,
        region: sheet.region.clone(),
        columns: columns_to_correct(&sheet.columns),
    });
    let left_out = skipped
        .iter()
        .filter(|s| s.why == SkipReason::Chosen)
        .map(|s| SheetToCorrect {
            name: s.name.clone(),
            header_row: None,
            year: None,
            region: None,
            columns: Vec::new(),
        });
    read.chain(left_out).collect()
}

/// A sheet whose reading stopped at a question, as the dialog shows it.
pub fn asked_to_correct(sheet: &SheetColumns) -> Vec<SheetToCorrect> {
    vec![SheetToCorrect {
        name: sheet.name.clone(),
        header_row: Some(sheet.header_row),
        year: None,
        region: None,
        columns: columns_to_correct(&sheet.columns),
    }]
}

fn columns_to_correct(columns: &[duibiao_core::ingest::ColumnFacts]) -> Vec<ColumnToCorrect> {
    columns
        .iter()
        .map(|c| ColumnToCorrect {
            column: c.column.clone(),
            header: c.header.clone(),
            role: c.role,
        })
        .collect()
}
