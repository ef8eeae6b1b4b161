use super::i18n::Lang;
use super::state::Busy;
use duibiao_core::ingest::Format;
use duibiao_core::protocol::Stage;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

/// Files above this size show a progress indicator while they are read.
const LARGE_FILE_BYTES: usize = 1024 * 1024;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    pub lang: Lang,
    /// The file being read, while it is.
    pub busy: Option<Busy>,
    pub on_cancel: Callback<MouseEvent>,
    /// A file was picked or dropped (handed on unread).
    pub on_file: Callback<web_sys::File>,
}

/// The file picker: an `<input type="file">` behind a large drop area, keyboard-operable.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let t = props.lang.texts();
    let dragging = use_state(|| false);

    let read = {
        let on_file = props.on_file.clone();
        move |file: web_sys::File| on_file.emit(file)
    };

    let on_change = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read(file);
            }
            // Picking the same (corrected) file again must fire a change.
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read(file);
            }
        })
    };

    html! {
        <section
            class={classes!("drop-zone", dragging.then_some("dragging"))}
            ondragover={on_drag_over}
            ondragleave={on_drag_leave}
            ondrop={on_drop}
        >
            <p>{ t.drop_here }</p>
            <label class="button" for="file-input">{ t.choose_file }</label>
            <input
                id="file-input"
                class="file-input"
                type="file"
                accept={Format::accept_list()}
                onchange={on_change}
            />
            <p class="hint">{ t.accepted }</p>
            if let Some(busy) = &props.busy {
                <p class="busy" role="status">
                    { format!("{} {}（{} MB）", match busy.stage {
                        Some(Stage::Evaluating) => t.evaluating,
                        _ => t.reading,
                    }, busy.name, super::number::one_decimal(busy.bytes as f64 / 1_048_576.0)) }
                    if busy.bytes > LARGE_FILE_BYTES {
                        <progress aria-label={t.reading}></progress>
                    }
                    { " " }
                    <button type="button" class="button secondary" id="cancel-reading" onclick={props.on_cancel.clone()}>{ t.cancel }</button>
                </p>
            }
        </section>
    }
}
