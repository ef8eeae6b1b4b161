//! The page's address: its query parameters (`?lang=`, `?plan=`). The embed mode (`?embed=1`)
//! is the landing page's own (static/boot.js), so it works before the app has loaded.

/// A query parameter of the page's address.
pub fn query_param(name: &str) -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}
