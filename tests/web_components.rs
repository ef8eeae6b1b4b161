//! Component tests of the Yew shell in real headless Chromium (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use duibiao::web::ui::i18n::Lang;
use duibiao::web::ui::shared::Shared;
use duibiao::web::ui::view::{SortKey, View, ROWS_PER_STEP};
use duibiao::web::ui::{
    ErrorAlert, ErrorAlertProps, ReportDownloads, ReportDownloadsProps, ResultDetail,
    ResultDetailProps, ResultsFilters, ResultsFiltersProps, ResultsTable, ResultsTableProps,
    SummaryCards, SummaryCardsProps,
};
use duibiao_core::check::{check, CheckOptions};
use duibiao_core::evaluate::Status;
use duibiao_core::ingest::{IngestError, IngestErrorKind};
use duibiao_core::plan::{Plan, PlanView};
use duibiao_core::plausibility::Confirmation;
use duibiao_core::protocol::Request;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const KECHENG: &[u8] = include_bytes!("fixtures/long-kecheng-2023.xlsx");

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets yew's scheduler render.
async fn rendered() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn report() -> Shared<duibiao_core::report::Report> {
    let plan = Plan::default_plan();
    Shared::new(
        check(
            "long-kecheng-2023.xlsx",
            KECHENG,
            &plan,
            &CheckOptions::default(),
        )
        .unwrap(),
    )
}

#[wasm_bindgen_test]
async fn results_table_rows_carry_status_and_label_as_written() {
    let root = fresh_root();
    let props = ResultsTableProps {
        lang: Lang::Zh,
        report: report(),
        plan: Rc::new(PlanView::from(&Plan::default_plan())),
        view: View::default(),
        on_view: Default::default(),
        on_override: Default::default(),
        on_confirm: Default::default(),
    };
    yew::Renderer::<ResultsTable>::with_root_and_props(root.clone(), props).render();
    rendered().await;

    let rows = root.query_selector_all("tr[data-status]").unwrap();
    let report = report();
    assert_eq!(rows.length() as usize, report.current_rows().count());
    assert_eq!(
        rows.length() as usize + report.not_in_file.len(),
        Plan::default_plan().indicators.len(),
        "a row for each indicator the file mentions, the others listed apart"
    );
    let row = root
        .query_selector("tr[data-as-written='儿童伤害死亡率']")
        .unwrap()
        .expect("row for 儿童伤害死亡率");
    assert_eq!(
        row.get_attribute("data-status").as_deref(),
        Some("on_track")
    );
    let text = row.text_content().unwrap();
    assert!(text.contains("9（F8）"), "{text}");
    assert!(
        text.contains("进度正常"),
        "status shown in words, not colour alone: {text}"
    );
    assert!(root
        .query_selector("tr[data-indicator='infant_mortality']")
        .unwrap()
        .is_none());
    assert!(report
        .not_in_file
        .iter()
        .any(|i| i.indicator_id == "infant_mortality"));
}

#[wasm_bindgen_test]
async fn summary_cards_count_each_status() {
    let root = fresh_root();
    let report = report();
    let expected_met = report.count(duibiao_core::evaluate::Status::Met);
    yew::Renderer::<SummaryCards>::with_root_and_props(
        root.clone(),
        SummaryCardsProps {
            lang: Lang::En,
            report,
        },
    )
    .render();
    rendered().await;
    let card = root
        .query_selector(".card[data-status='met'] .count")
        .unwrap()
        .unwrap();
    assert_eq!(card.text_content().unwrap(), expected_met.to_string());
    assert!(root.text_content().unwrap().contains("On track"));
}

#[wasm_bindgen_test]
async fn error_alert_is_an_alert_naming_the_file() {
    let root = fresh_root();
    let error = duibiao_core::protocol::ErrorInfo::from(&IngestError::new(
        "草稿.xlsx",
        None,
        IngestErrorKind::PasswordProtected,
    ));
    yew::Renderer::<ErrorAlert>::with_root_and_props(
        root.clone(),
        ErrorAlertProps {
            lang: Lang::Zh,
            error,
        },
    )
    .render();
    rendered().await;
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("role=alert");
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("草稿.xlsx") && text.contains("密码"),
        "{text}"
    );
}

fn statuses_shown(root: &Element) -> Vec<String> {
    let rows = root.query_selector_all("tbody tr[data-status]").unwrap();
    (0..rows.length())
        .map(|i| {
            rows.item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-status")
                .unwrap()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_table_shows_what_the_view_asks_for() {
    let root = fresh_root();
    let view = View {
        status: Some(Status::OnTrack),
        ..View::default()
    };
    let props = ResultsTableProps {
        lang: Lang::Zh,
        report: report(),
        plan: Rc::new(PlanView::from(&Plan::default_plan())),
        view,
        on_view: Default::default(),
        on_override: Default::default(),
        on_confirm: Default::default(),
    };
    yew::Renderer::<ResultsTable>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    assert_eq!(statuses_shown(&root), ["on_track"; 4]);

    let root = fresh_root();
    let props = ResultsTableProps {
        lang: Lang::Zh,
        report: report(),
        plan: Rc::new(PlanView::from(&Plan::default_plan())),
        view: View {
            sort: SortKey::Findings,
            query: "儿童".into(),
            ..View::default()
        },
        on_view: Default::default(),
        on_override: Default::default(),
        on_confirm: Default::default(),
    };
    yew::Renderer::<ResultsTable>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let shown = statuses_shown(&root);
    assert!(!shown.is_empty() && shown.len() < 44, "{shown:?}");
    assert_eq!(
        shown.first().map(String::as_str),
        Some("not_met"),
        "worst first"
    );
}

#[wasm_bindgen_test]
async fn the_default_view_shows_the_files_rows_first_and_the_rest_on_request() {
    // Four regions: 20 rows, more than none and fewer than a step.
    let report = Shared::new(
        check(
            "wide-regions-2023.xlsx",
            include_bytes!("fixtures/wide-regions-2023.xlsx"),
            &Plan::default_plan(),
            &CheckOptions::default(),
        )
        .unwrap(),
    );
    let in_file = report
        .current_rows()
        .filter(|r| r.as_written.is_some())
        .count();
    let table = |view: View| {
        let root = fresh_root();
        let props = ResultsTableProps {
            lang: Lang::Zh,
            report: report.clone(),
            plan: Rc::new(PlanView::from(&Plan::default_plan())),
            view,
            on_view: Default::default(),
            on_override: Default::default(),
            on_confirm: Default::default(),
        };
        yew::Renderer::<ResultsTable>::with_root_and_props(root.clone(), props).render();
        root
    };
    let default = table(View::default());
    let all = table(View {
        all_rows: true,
        limit: 1000,
        ..View::default()
    });
    rendered().await;
    let (shown, every) = (statuses_shown(&default), statuses_shown(&all));
    assert_eq!(
        shown.len(),
        in_file.min(ROWS_PER_STEP),
        "the rows the file has, a step at a time"
    );
    assert_eq!(every.len(), report.current_rows().count());
    // Every region here has a row for each indicator the file names, so nothing is folded.
    assert!(
        shown.len() <= every.len(),
        "{} of {}",
        shown.len(),
        every.len()
    );
    // Needs action first: no met row before a row that is not met or behind.
    let first_met = shown.iter().position(|s| s == "met").unwrap_or(shown.len());
    assert!(
        shown[first_met..]
            .iter()
            .all(|s| s != "not_met" && s != "behind"),
        "{shown:?}"
    );
}

#[wasm_bindgen_test]
async fn choosing_a_status_filter_emits_the_new_view() {
    let root = fresh_root();
    let seen: Rc<RefCell<Option<View>>> = Rc::default();
    let on_view = {
        let seen = seen.clone();
        yew::Callback::from(move |view: View| *seen.borrow_mut() = Some(view))
    };
    let props = ResultsFiltersProps {
        lang: Lang::Zh,
        report: report(),
        plan: Rc::new(PlanView::from(&Plan::default_plan())),
        view: View::default(),
        on_view,
    };
    yew::Renderer::<ResultsFilters>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector("#filter-status")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value("behind");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(
        seen.borrow().as_ref().and_then(|v| v.status),
        Some(Status::Behind)
    );
}

#[wasm_bindgen_test]
async fn a_flagged_figure_shows_its_check_and_confirms_its_cell() {
    let root = fresh_root();
    let plan = Plan::default_plan();
    let csv = "指标名称,2022年,2023年\n千名儿童儿科执业(助理)医师数,0.9,95\n";
    let report = Shared::new(
        check(
            "草稿2023.csv",
            csv.as_bytes(),
            &plan,
            &CheckOptions::default(),
        )
        .unwrap(),
    );
    let row = report
        .current_rows()
        .find(|r| r.indicator_id == "pediatricians_per_1000_children")
        .unwrap()
        .clone();
    assert_eq!(row.findings.status, Status::Review);
    let confirmed: Rc<RefCell<Option<Confirmation>>> = Rc::default();
    let on_confirm = {
        let confirmed = confirmed.clone();
        yew::Callback::from(move |c: Confirmation| *confirmed.borrow_mut() = Some(c))
    };
    let props = ResultDetailProps {
        lang: Lang::Zh,
        report,
        plan: Rc::new(PlanView::from(&plan)),
        row,
        on_override: Default::default(),
        on_confirm,
    };
    yew::Renderer::<ResultDetail>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("相差约 100 倍，可能漏了小数点"), "{text}");
    assert!(text.contains("核对无误后为：已达标"), "{text}");
    let button: web_sys::HtmlElement = root
        .query_selector(".confirm-figure")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(
        *confirmed.borrow(),
        Some(Confirmation {
            sheet: String::new(),
            cell: "C2".into(),
            value: "95".into()
        })
    );
}

#[wasm_bindgen_test]
async fn the_detail_quotes_the_plan_and_draws_the_years() {
    let root = fresh_root();
    let report = report();
    let row = report
        .current_rows()
        .find(|r| r.indicator_id == "child_injury_mortality")
        .unwrap()
        .clone();
    let props = ResultDetailProps {
        lang: Lang::Zh,
        report,
        plan: Rc::new(PlanView::from(&Plan::default_plan())),
        row,
        on_override: Default::default(),
        on_confirm: Default::default(),
    };
    yew::Renderer::<ResultDetail>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("4儿童伤害死亡率(1/10万)10.5<8.78"), "{text}");
    assert!(text.contains("9.468"), "the rule in words: {text}");
    assert_eq!(
        root.query_selector_all(".value-chart circle")
            .unwrap()
            .length(),
        3
    );
}

/// 儿童总体近视率 falls one point a year from 2018: the chart draws that path from 2018's value
/// (55) to 2025's (48), with 48 as its target line, never the yearly step of 1 and never the
/// 2018 value at 2020.
#[wasm_bindgen_test]
async fn the_yearly_fall_is_charted_from_its_own_start() {
    let root = fresh_root();
    let plan = Plan::default_plan();
    let csv = "指标名称,2018年,2023年\n儿童总体近视率（%）,55,49\n";
    let report = Shared::new(
        check(
            "近视率.csv",
            csv.as_bytes(),
            &plan,
            &CheckOptions::default(),
        )
        .unwrap(),
    );
    let row = report
        .current_rows()
        .find(|r| r.indicator_id == "myopia_rate_yearly_decline")
        .unwrap()
        .clone();
    assert_eq!(row.findings.status, Status::Met, "{}", row.findings.reason);
    let props = ResultDetailProps {
        lang: Lang::Zh,
        report,
        plan: Rc::new(PlanView::from(&plan)),
        row,
        on_override: Default::default(),
        on_confirm: Default::default(),
    };
    yew::Renderer::<ResultDetail>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let chart = root
        .query_selector(".value-chart")
        .unwrap()
        .expect("a chart");
    assert_eq!(
        chart.get_attribute("data-first-year").as_deref(),
        Some("2018")
    );
    assert_eq!(
        chart.get_attribute("data-last-year").as_deref(),
        Some("2025")
    );
    let labels: Vec<String> = (0..chart.query_selector_all("text.point").unwrap().length())
        .filter_map(|i| chart.query_selector_all("text.point").unwrap().get(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert_eq!(labels, ["55", "49"], "2018's value at 2018, then 2023's");
    let target = chart
        .query_selector("text.axis")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        target, "目标 48",
        "55 − 7 points by 2025, not the step of 1"
    );
    let path = chart
        .query_selector("polyline.path")
        .unwrap()
        .expect("the path");
    let points = path.get_attribute("points").unwrap();
    let first = chart.query_selector("circle").unwrap().unwrap();
    let first_x = first.get_attribute("cx").unwrap();
    assert!(
        points.starts_with(&format!("{:.1},", first_x.parse::<f64>().unwrap())),
        "the path starts at the 2018 point: {points} / {first_x}"
    );
}

/// The plain-HTML landing page (index.html) paints before the app loads; it must say what the
/// app says, in both languages, and name the plans as their files do.
#[wasm_bindgen_test]
fn the_landing_page_speaks_the_apps_words() {
    use duibiao_core::plan::built_in::SUMMARIES;
    let html = include_str!("../index.html");
    let main = &html[html.find("<main id=\"app\">").unwrap()..html.find("</main>").unwrap()];
    let root = fresh_root();
    root.set_inner_html(main);
    let list = root.query_selector_all("[data-en]").unwrap();
    let landing: Vec<(String, String)> = (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<Element>())
        .map(|e| {
            (
                e.text_content().unwrap(),
                e.get_attribute("data-en").unwrap(),
            )
        })
        .collect();
    root.remove();

    let (zh, en) = (Lang::Zh.texts(), Lang::En.texts());
    // The plan in use unless another is chosen: the first of the built-in list.
    let default = &SUMMARIES[0];
    let plan_line = |t: &duibiao::web::ui::i18n::Texts, title: &str| {
        format!(
            "{title}（{}—{}），{} {} · {}",
            default.start, default.end, default.targets, t.targets, t.plan_builtin
        )
    };
    let expected = [
        (zh.app_title.to_string(), en.app_title.to_string()),
        (zh.switch_language.into(), en.switch_language.into()),
        (zh.tagline.into(), en.tagline.into()),
        (zh.privacy.into(), en.privacy.into()),
        (
            format!("{}：", zh.plan_in_use),
            format!("{}：", en.plan_in_use),
        ),
        (
            plan_line(zh, default.title),
            plan_line(en, default.title_en),
        ),
        (zh.load_plan.into(), en.load_plan.into()),
        (zh.drop_here.into(), en.drop_here.into()),
        (zh.choose_file.into(), en.choose_file.into()),
        (zh.accepted.into(), en.accepted.into()),
        (zh.download_template.into(), en.download_template.into()),
        (zh.template_hint.into(), en.template_hint.into()),
    ];
    for pair in &expected {
        assert!(landing.contains(pair), "index.html lacks {pair:?}");
    }
    // The landing page offers the default plan's sample exactly when its file names one.
    let try_sample = (zh.try_sample.to_string(), en.try_sample.to_string());
    assert_eq!(
        landing.contains(&try_sample),
        default.sample.is_some(),
        "index.html's sample button and the default plan's sample"
    );
}

#[wasm_bindgen_test]
async fn the_xlsx_button_says_while_the_workbook_is_made() {
    let root = fresh_root();
    let requests = Rc::new(RefCell::new(Vec::new()));
    let sink = requests.clone();
    let props = ReportDownloadsProps {
        lang: Lang::Zh,
        on_request: yew::Callback::from(move |r| sink.borrow_mut().push(r)),
        exporting: true,
    };
    yew::Renderer::<ReportDownloads>::with_root_and_props(root.clone(), props).render();
    rendered().await;
    let button = root.query_selector("#download-xlsx").unwrap().unwrap();
    assert_eq!(
        button.text_content().unwrap().trim(),
        Lang::Zh.texts().preparing_file
    );
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    assert!(matches!(
        requests.borrow().as_slice(),
        [Request::ExportXlsx { .. }]
    ));
}

/// Plan files are parsed in the worker by the browser's JSON parser: the same plans as the core's
/// own parser (serde_json) gives natively, and a broken file is a syntax error with the browser's
/// words.
#[wasm_bindgen_test]
fn plans_parse_in_the_browser_as_natively() {
    use duibiao::web::codecs::WRITER as BROWSER;
    use duibiao_core::plan::built_in::FILES;
    let test_city = include_str!("fixtures/plans/test-city-2026-2030.json");
    for text in FILES.iter().map(|(_, json)| *json).chain([test_city]) {
        let native = Plan::read(text, &duibiao_core::Codecs::OWN).unwrap();
        assert_eq!(Plan::read(text, &BROWSER).unwrap(), native);
    }
    for broken in ["{\"title\": ", "{\"title\": 1}"] {
        let error = Plan::read(broken, &BROWSER).unwrap_err();
        assert!(
            matches!(&error, duibiao_core::plan::PlanError::Syntax { message, .. } if !message.is_empty()),
            "{broken}: {error:?}"
        );
    }
}

/// GB18030 text is decoded in the worker by the browser's TextDecoder: every character encoding_rs
/// encodes (all of CJK Unified Ideographs, full-width forms, a four-byte one) comes back the same.
#[wasm_bindgen_test]
fn gb18030_text_is_decoded_by_the_browser_as_by_encoding_rs() {
    use duibiao::web::codecs::WRITER as BROWSER;
    use duibiao_core::ingest::{decode_text, TextEncoding};
    let mut text: String = (0x4E00..=0x9FA5).filter_map(char::from_u32).collect();
    text.push_str("\r\n指标名称,２０２３年（‰）,1/10万,％,𠀀\r\n");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert_eq!(
        decode_text(&bytes, None, &BROWSER),
        Ok((text, TextEncoding::Gb18030))
    );
    let broken = [0x80, 0xFF, 0x80, 0xFF];
    assert_eq!(
        decode_text(&broken, None, &BROWSER),
        Err(IngestErrorKind::UnknownEncoding)
    );
    let (replaced, _) = decode_text(&broken, Some(TextEncoding::Gb18030), &BROWSER).unwrap();
    assert!(replaced.contains('\u{FFFD}'), "{replaced:?}");
    let (gbk, _) = decode_text(
        include_bytes!("fixtures/long-kecheng-2023-gbk.csv"),
        None,
        &BROWSER,
    )
    .unwrap();
    let (utf8, _) = decode_text(
        include_bytes!("fixtures/long-kecheng-2023-utf8bom.csv"),
        None,
        &BROWSER,
    )
    .unwrap();
    // The two fixtures differ only in encoding and line ends.
    assert_eq!(gbk.replace("\r\n", "\n"), utf8.replace("\r\n", "\n"));
}
