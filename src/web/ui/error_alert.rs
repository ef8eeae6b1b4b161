use super::i18n::Lang;
use duibiao_core::protocol::ErrorInfo;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorAlertProps {
    pub lang: Lang,
    pub error: ErrorInfo,
}

/// Why a file could not be checked, in plain words, with what to do next.
#[component]
pub fn ErrorAlert(props: &ErrorAlertProps) -> Html {
    let t = props.lang.texts();
    let message = match props.lang {
        Lang::Zh => &props.error.message_zh,
        Lang::En => &props.error.message_en,
    };
    html! {
        <div class="error-alert" role="alert">
            <h2>{ t.error_heading }</h2>
            <p class="error-message">{ message }</p>
            if props.error.offers_offline_copy {
                <p><a class="offline-copy" href="duibiao-offline.html" download="">{ t.offline_copy }</a></p>
            } else {
                <p>{ t.try_another }</p>
            }
        </div>
    }
}
