use super::i18n::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct YearPromptProps {
    pub lang: Lang,
    pub first: i32,
    pub last: i32,
    pub on_year: Callback<i32>,
}

/// Asks which year the values are for, when nothing in the file says.
#[component]
pub fn YearPrompt(props: &YearPromptProps) -> Html {
    let t = props.lang.texts();
    let on_change = {
        let on_year = props.on_year.clone();
        Callback::from(move |e: Event| {
            let year = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse().ok());
            if let Some(year) = year {
                on_year.emit(year);
            }
        })
    };
    html! {
        <p class="year-prompt">
            <label for="data-year-select">{ t.which_year }</label>
            { " " }
            <select id="data-year-select" onchange={on_change}>
                <option value="" selected=true disabled=true>{ t.choose }</option>
                { for (props.first..=props.last).rev().map(|y| html! { <option value={y.to_string()}>{ y }</option> }) }
            </select>
        </p>
    }
}
