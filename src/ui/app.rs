use super::drop_zone::DropZone;
use super::error_alert::ErrorAlert;
use super::file_facts::FileFacts;
use super::i18n::Lang;
use super::results_table::ResultsTable;
use super::state::{Action, State};
use super::summary_cards::SummaryCards;
use super::unmatched_list::UnmatchedList;
use yew::prelude::*;

const LANG_KEY: &str = "duibiao.lang";

/// The language: `?lang=` first, then the saved preference, then Chinese.
fn initial_lang() -> Lang {
    let window = gloo::utils::window();
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|l| Lang::parse(&l));
    let saved = || {
        window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
            .and_then(|l| Lang::parse(&l))
    };
    from_query.or_else(saved).unwrap_or(Lang::Zh)
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(initial_lang()));
    let lang = state.lang;
    let t = lang.texts();

    {
        let code = lang.code();
        use_effect_with(lang, move |_| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", code);
            }
        });
    }

    let toggle_lang = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let next = state.lang.other();
            // Only the language preference is ever stored; nothing from a file is.
            if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
                let _ = storage.set_item(LANG_KEY, if next == Lang::Zh { "zh" } else { "en" });
            }
            state.dispatch(Action::SetLang(next));
        })
    };
    let on_start = {
        let state = state.clone();
        Callback::from(move |name: String| state.dispatch(Action::StartReading(name)))
    };
    let on_file = {
        let state = state.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            state.dispatch(Action::FileRead { name, bytes })
        })
    };
    let on_year = {
        let state = state.clone();
        Callback::from(move |year: i32| state.dispatch(Action::ChooseYear(year)))
    };
    let on_sheet = {
        let state = state.clone();
        Callback::from(move |sheet: String| state.dispatch(Action::ChooseSheet(sheet)))
    };

    let plan = &state.plan;
    html! {
        <>
            <header class="page-header">
                <h1>{ t.app_title }</h1>
                <button type="button" class="lang-toggle" onclick={toggle_lang} lang={lang.other().code()}>
                    { t.switch_language }
                </button>
            </header>
            <section class="intro">
                <p>{ t.tagline }</p>
                <p class="privacy">{ "🔒 " }{ t.privacy }</p>
                <p class="plan">
                    { format!("{}：{}（{}—{}），{} {}", t.plan_in_use, plan.title, plan.period.start, plan.period.end, plan.indicators.len(), t.targets) }
                </p>
            </section>
            <DropZone {lang} busy={state.reading.clone()} {on_start} {on_file} />
            if let Some(error) = &state.error {
                <ErrorAlert {lang} error={error.clone()} />
            }
            if let Some(loaded) = &state.loaded {
                <FileFacts {lang} report={loaded.report.clone()} {on_year} {on_sheet} />
                <div class="sr-only" aria-live="polite">
                    { format!("{}：{}", t.checked_summary, summary_line(lang, &loaded.report)) }
                </div>
                <SummaryCards {lang} report={loaded.report.clone()} />
                <ResultsTable {lang} report={loaded.report.clone()} plan={state.plan.clone()} />
                <UnmatchedList {lang} report={loaded.report.clone()} />
            }
        </>
    }
}

fn summary_line(lang: Lang, report: &crate::report::Report) -> String {
    report
        .summary
        .counts
        .iter()
        .map(|c| format!("{} {}", lang.status(c.status), c.count))
        .collect::<Vec<_>>()
        .join("，")
}
