//! Loading a plan named by `?plan=`: same-origin URLs only, so the page never talks to another
//! server.

use crate::plan::{Plan, PlanError};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The `?plan=` value of the page's address, if any.
pub fn requested() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("plan")
        .filter(|p| !p.is_empty())
}

/// Fetches and validates the plan at `url` (resolved against the page; same origin only).
pub async fn fetch(url: &str) -> Result<Plan, PlanError> {
    let failed = |message: String| PlanError::Syntax { message };
    let location = gloo::utils::window().location();
    let page = location
        .href()
        .map_err(|_| failed("no page address".into()))?;
    let resolved =
        web_sys::Url::new_with_base(url, &page).map_err(|_| failed(format!("not a URL: {url}")))?;
    let origin = location.origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(failed(format!(
            "{url}: only plan files from this site ({origin}) are loaded"
        )));
    }
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(&resolved.href()))
        .await
        .map_err(|_| failed(format!("{url}: could not be fetched")))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("no response".into()))?;
    if !response.ok() {
        return Err(failed(format!("{url}: HTTP {}", response.status())));
    }
    let text = response.text().map_err(|_| failed("no body".into()))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| failed("no body".into()))?;
    Plan::from_json(&text.as_string().unwrap_or_default())
}
