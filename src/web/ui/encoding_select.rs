use super::i18n::Lang;
use duibiao_core::ingest::TextEncoding;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EncodingSelectProps {
    pub lang: Lang,
    /// The encoding used, when the file was read.
    pub used: Option<TextEncoding>,
    pub on_encoding: Callback<Option<TextEncoding>>,
}

const CHOICES: [TextEncoding; 4] = [
    TextEncoding::Utf8,
    TextEncoding::Gb18030,
    TextEncoding::Utf16le,
    TextEncoding::Utf16be,
];

/// The text encoding of a CSV file: detected, and overridable when the text looks garbled.
#[component]
pub fn EncodingSelect(props: &EncodingSelectProps) -> Html {
    let t = props.lang.texts();
    let on_change = {
        let on_encoding = props.on_encoding.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
                .map(|s| s.value());
            on_encoding.emit(value.as_deref().and_then(TextEncoding::parse));
        })
    };
    html! {
        <select id="encoding-select" aria-label={t.encoding} onchange={on_change}>
            <option value="" selected={props.used.is_none()}>{ t.encoding_auto }</option>
            { for CHOICES.iter().map(|e| html! {
                <option value={e.label().split('/').next().unwrap_or_default().to_string()} selected={props.used == Some(*e)}>
                    { e.label() }
                </option>
            }) }
        </select>
    }
}
