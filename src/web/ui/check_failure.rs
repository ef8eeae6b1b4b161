use super::encoding_select::EncodingSelect;
use super::error_alert::ErrorAlert;
use super::i18n::Lang;
use super::year_prompt::YearPrompt;
use duibiao_core::ingest::TextEncoding;
use duibiao_core::protocol::ErrorInfo;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckFailureProps {
    pub lang: Lang,
    pub error: ErrorInfo,
    /// The years a file's values may be for, when it names none (the plan's base year to its
    /// end), once the plan is known.
    pub prompt_years: Option<(i32, i32)>,
    pub on_data_year: Callback<i32>,
    pub on_encoding: Callback<Option<TextEncoding>>,
}

/// Why a file could not be checked, and the question that lets it be: which year its values are
/// for, or which encoding its text is in.
#[component]
pub fn CheckFailure(props: &CheckFailureProps) -> Html {
    let lang = props.lang;
    let error = &props.error;
    html! {
        <>
            <ErrorAlert {lang} error={error.clone()} />
            if let (true, Some((first, last))) = (error.needs_year, props.prompt_years) {
                <YearPrompt {lang} {first} {last} on_year={props.on_data_year.clone()} />
            }
            if error.needs_encoding {
                <p class="encoding-prompt">
                    { format!("{}：", lang.texts().encoding) }
                    <EncodingSelect {lang} used={None} on_encoding={props.on_encoding.clone()} />
                </p>
            }
        </>
    }
}
