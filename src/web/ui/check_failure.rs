use super::corrections::SheetToCorrect;
use super::encoding_select::EncodingSelect;
use super::error_alert::ErrorAlert;
use super::file_facts::asked_to_correct;
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
    pub on_correct: Callback<Vec<SheetToCorrect>>,
}

/// Why a file could not be checked, and the question that lets it be: which year its values are
/// for, which encoding its text is in, or what a column holds.
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
            if let Some(sheet) = &error.columns {
                <p class="columns-prompt">
                    <button type="button" class="button" id="correct-reading" onclick={{
                        let (cb, sheets) = (props.on_correct.clone(), asked_to_correct(sheet));
                        Callback::from(move |_: MouseEvent| cb.emit(sheets.clone()))
                    }}>{ lang.texts().correct_reading }</button>
                </p>
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
