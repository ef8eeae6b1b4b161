//! Loading a plan named by `?plan=`: same-origin URLs only, so the page never talks to another
//! server. The worker validates the text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The `?plan=` value of the page's address, if any.
pub fn requested() -> Option<String> {
    super::address::query_param("plan").filter(|p| !p.is_empty())
}

/// Fetches the text at `url` (resolved against the page; same origin only).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let location = gloo::utils::window().location();
    let page = location.href().map_err(|_| "no page address".to_string())?;
    let resolved =
        web_sys::Url::new_with_base(url, &page).map_err(|_| format!("not a URL: {url}"))?;
    let origin = location.origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(format!(
            "{url}: only plan files from this site ({origin}) are loaded"
        ));
    }
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&resolved.href()))
        .await
        .map_err(|_| format!("{url}: could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "no body".to_string())?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| "no body".to_string())?;
    Ok(text.as_string().unwrap_or_default())
}
