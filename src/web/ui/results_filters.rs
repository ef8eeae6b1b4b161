use super::i18n::Lang;
use super::shared::Shared;
use super::view::{SortKey, View};
use duibiao_core::evaluate::Status;
use duibiao_core::plan::PlanView;
use duibiao_core::report::Report;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsFiltersProps {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub plan: Rc<PlanView>,
    pub view: View,
    pub on_view: Callback<View>,
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The status filter: all, the figures to check (when there are any), or one status.
fn status_filter(props: &ResultsFiltersProps, on_status: Callback<Event>) -> Html {
    let (t, view) = (props.lang.texts(), &props.view);
    html! {
        <label>{ t.col_status }
            <select id="filter-status" onchange={on_status}>
                <option value="" selected={view.status.is_none() && !view.flagged}>{ t.all }</option>
                if props.report.summary.flagged > 0 {
                    <option value="flagged" selected={view.flagged}>{ t.flagged }</option>
                }
                { for Status::ALL.iter().map(|s| html! {
                    <option value={s.word()} selected={view.status == Some(*s)}>{ props.lang.status(*s) }</option>
                }) }
            </select>
        </label>
    }
}

/// Filters by status, chapter and region; search; sort.
#[component]
pub fn ResultsFilters(props: &ResultsFiltersProps) -> Html {
    let t = props.lang.texts();
    let changed = |apply: fn(&mut View, String)| {
        let (view, on_view) = (props.view.clone(), props.on_view.clone());
        Callback::from(move |e: Event| {
            on_view.emit(view.refiltered(|next| apply(next, select_value(&e))));
        })
    };
    let on_status = changed(|v, s| {
        v.flagged = s == "flagged";
        v.status = Status::ALL.into_iter().find(|st| st.word() == s);
    });
    let on_domain = changed(|v, s| v.domain = (!s.is_empty()).then_some(s));
    let on_region = changed(|v, s| v.region = (!s.is_empty()).then_some(s));
    let on_sort = changed(|v, s| {
        v.sort = match s.as_str() {
            "plan" => SortKey::Plan,
            "progress" => SortKey::Progress,
            _ => SortKey::Findings,
        }
    });
    let on_search = {
        let (view, on_view) = (props.view.clone(), props.on_view.clone());
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            on_view.emit(view.refiltered(|next| next.query = input.value()));
        })
    };
    let view = &props.view;
    html! {
        <div class="filters no-print" role="group" aria-label={t.filters}>
            { status_filter(props, on_status) }
            <label>{ t.chapter }
                <select id="filter-chapter" onchange={on_domain}>
                    <option value="" selected={view.domain.is_none()}>{ t.all }</option>
                    { for props.plan.domains.iter().map(|d| html! {
                        <option value={d.id.clone()} selected={view.domain.as_deref() == Some(d.id.as_str())}>
                            { if props.lang == Lang::En && !d.name_en.is_empty() { d.name_en.clone() } else { d.name.clone() } }
                        </option>
                    }) }
                </select>
            </label>
            if props.report.regions.len() > 1 {
                <label>{ t.col_region }
                    <select id="filter-region" onchange={on_region}>
                        <option value="" selected={view.region.is_none()}>{ t.all }</option>
                        { for props.report.regions.iter().map(|r| html! {
                            <option value={r.clone()} selected={view.region.as_deref() == Some(r.as_str())}>{ r }</option>
                        }) }
                    </select>
                </label>
            }
            <label>{ t.search }
                <input id="filter-search" type="search" value={view.query.clone()} oninput={on_search} />
            </label>
            <label>{ t.sort }
                <select id="sort" onchange={on_sort}>
                    <option value="findings" selected={view.sort == SortKey::Findings}>{ t.sort_findings }</option>
                    <option value="progress" selected={view.sort == SortKey::Progress}>{ t.sort_progress }</option>
                    <option value="plan" selected={view.sort == SortKey::Plan}>{ t.sort_plan }</option>
                </select>
            </label>
        </div>
    }
}
