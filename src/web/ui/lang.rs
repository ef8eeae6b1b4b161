//! The language preference: `?lang=` first, then what this browser remembers, then Chinese. It is
//! the only thing the page ever stores (localStorage); nothing from a file is.

use super::i18n::Lang;

const KEY: &str = "duibiao.lang";

/// The language the page starts in.
pub fn initial() -> Lang {
    let from_query = super::address::query_param("lang").and_then(|l| Lang::parse(&l));
    let saved = || {
        gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .and_then(|l| Lang::parse(&l))
    };
    from_query.or_else(saved).unwrap_or(Lang::Zh)
}

/// Remembers the user's choice for the next visit.
pub fn remember(lang: Lang) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = storage.set_item(KEY, if lang == Lang::Zh { "zh" } else { "en" });
    }
}
