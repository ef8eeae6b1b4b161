//! Loading a plan named by `?plan=`, and the built-in sample: same-origin URLs only, so the page
//! never talks to another server. The worker validates the text.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The `?plan=` value of the page's address, if any.
pub fn requested() -> Option<String> {
    super::address::query_param("plan").filter(|p| !p.is_empty())
}

/// Fetches the text at `url` (resolved against the page; same origin only).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = fetch_same_origin(url, "plan files").await?;
    let text = response.text().map_err(|_| "no body".to_string())?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| "no body".to_string())?;
    Ok(text.as_string().unwrap_or_default())
}

/// Fetches the bytes at `url`, as [`fetch_text`] does (the built-in sample, loaded when asked for).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = fetch_same_origin(url, "files").await?;
    let buffer = response.array_buffer().map_err(|_| "no body".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "no body".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// `what`: what the message says is loaded only from this site. A `data:` URL (the one-file
/// offline copy's sample) is its own origin-less content, never a request to a server.
async fn fetch_same_origin(url: &str, what: &str) -> Result<web_sys::Response, String> {
    let location = gloo::utils::window().location();
    let page = location.href().map_err(|_| "no page address".to_string())?;
    let resolved =
        web_sys::Url::new_with_base(url, &page).map_err(|_| format!("not a URL: {url}"))?;
    let origin = location.origin().unwrap_or_default();
    if resolved.origin() != origin && resolved.protocol() != "data:" {
        return Err(format!(
            "{url}: only {what} from this site ({origin}) are loaded"
        ));
    }
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&resolved.href()))
        .await
        .map_err(|_| format!("{url}: could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    Ok(response)
}
