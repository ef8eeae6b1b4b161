use super::i18n::Lang;
use duibiao_core::plan::PlanView;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorSelectProps {
    pub lang: Lang,
    pub plan: Rc<PlanView>,
    pub id: AttrValue,
    pub label: AttrValue,
    /// The indicator chosen now, if any.
    pub selected: Option<String>,
    /// Some(id) to map, None for "not a plan indicator".
    pub on_choose: Callback<Option<String>>,
    /// Take the keyboard focus when shown (opened on the user's request).
    #[prop_or_default]
    pub focus: bool,
}

/// A choice among the plan's indicators, by chapter, or "not a plan indicator".
#[component]
pub fn IndicatorSelect(props: &IndicatorSelectProps) -> Html {
    let t = props.lang.texts();
    let on_change = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |e: Event| {
            let Some(value) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value())
            else {
                return;
            };
            on_choose.emit((!value.is_empty()).then_some(value));
        })
    };
    let select = use_node_ref();
    {
        let (select, focus) = (select.clone(), props.focus);
        use_effect_with((), move |_| {
            if let (true, Some(select)) = (focus, select.cast::<HtmlSelectElement>()) {
                let _ = select.focus();
            }
        });
    }
    let plan = &props.plan;
    html! {
        <select ref={select} id={props.id.clone()} aria-label={props.label.clone()} onchange={on_change}>
            <option value="" selected={props.selected.is_none()}>{ t.not_an_indicator }</option>
            // A chapter with no indicator of its own (the key-indicator table's) is not offered.
            { for plan.domains.iter().filter(|d| plan.indicators.iter().any(|i| i.domain == d.id)).map(|d| html! {
                <optgroup label={d.name.clone()}>
                    { for plan.indicators.iter().filter(|i| i.domain == d.id).map(|i| html! {
                        <option value={i.id.clone()} selected={props.selected.as_deref() == Some(i.id.as_str())}>{ &i.name }</option>
                    }) }
                </optgroup>
            }) }
        </select>
    }
}
