use super::i18n::Lang;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    pub lang: Lang,
    /// The name of the file being read, while it is.
    pub busy: Option<String>,
    pub on_start: Callback<String>,
    pub on_file: Callback<(String, Vec<u8>)>,
}

/// The file picker: an `<input type="file">` behind a large drop area, keyboard-operable.
#[component]
pub fn DropZone(props: &DropZoneProps) -> Html {
    let t = props.lang.texts();
    let reader = use_mut_ref(|| None::<FileReader>);
    let dragging = use_state(|| false);

    let read = {
        let reader = reader.clone();
        let on_start = props.on_start.clone();
        let on_file = props.on_file.clone();
        move |file: web_sys::File| {
            let name = file.name();
            on_start.emit(name.clone());
            let on_file = on_file.clone();
            let task = gloo::file::callbacks::read_as_bytes(
                &gloo::file::File::from(file),
                move |result| {
                    // A read failure (file removed meanwhile) is shown as an empty file.
                    on_file.emit((name, result.unwrap_or_default()));
                },
            );
            *reader.borrow_mut() = Some(task);
        }
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
                accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt"
                onchange={on_change}
            />
            <p class="hint">{ t.accepted }</p>
            if let Some(name) = &props.busy {
                <p class="busy" role="status">{ format!("{} {name}", t.reading) }</p>
            }
        </section>
    }
}
