//! A plan file the user asked this computer to remember (the one opt-in storage besides the
//! language: localStorage, this browser only, never sent anywhere). Nothing from a submission is
//! ever stored.

const NAME_KEY: &str = "duibiao.plan.name";
const TEXT_KEY: &str = "duibiao.plan.text";

fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The remembered plan file: its name and text.
pub fn saved() -> Option<(String, String)> {
    let storage = storage()?;
    let name = storage.get_item(NAME_KEY).ok().flatten()?;
    let text = storage.get_item(TEXT_KEY).ok().flatten()?;
    Some((name, text))
}

/// Keeps the plan file for the next visit; false when the browser refuses (storage full or off).
pub fn remember(name: &str, text: &str) -> bool {
    storage()
        .is_some_and(|s| s.set_item(TEXT_KEY, text).is_ok() && s.set_item(NAME_KEY, name).is_ok())
}

pub fn forget() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(NAME_KEY);
        let _ = storage.remove_item(TEXT_KEY);
    }
}
