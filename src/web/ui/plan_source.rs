//! Loading a plan named by `?plan=`, and the sample a plan file names: same-origin URLs only, so
//! the page never talks to another server. The worker validates the text.

use super::state::PlanOrigin;
use duibiao_core::plan::built_in::SUMMARIES;
use duibiao_core::plan::PlanView;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The `?plan=` value of the page's address, if any.
pub fn requested() -> Option<String> {
    super::address::query_param("plan").filter(|p| !p.is_empty())
}

/// A sample submission to fetch: where, and what the page calls it.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleFile {
    pub url: String,
    pub name: String,
}

/// The sample the plan in use names, at its path relative to the plan file's own address — known
/// for a built-in plan (`plans/<file>`) and one named by `?plan=`, not for a picked file. The
/// one-file offline copy holds the built-in plans' samples by that path (`__DUIBIAO_FILES`).
pub fn sample_of(plan: Option<&PlanView>, origin: &PlanOrigin) -> Option<SampleFile> {
    let (file, name, plan_address) = match (plan, origin) {
        // The landing page's sample, before the worker has sent the plan.
        (None, PlanOrigin::Embedded) => {
            let default = &SUMMARIES[0];
            let sample = default.sample?;
            (sample.file, sample.name, format!("plans/{}", default.file))
        }
        (Some(plan), origin) => {
            let sample = plan.sample.as_ref()?;
            let address = match origin {
                PlanOrigin::Embedded => format!("plans/{}", SUMMARIES[0].file),
                PlanOrigin::Loaded(source) if requested().as_ref() == Some(source) => {
                    source.clone()
                }
                PlanOrigin::Loaded(_) => return None,
            };
            (sample.file.as_str(), sample.name.as_str(), address)
        }
        (None, PlanOrigin::Loaded(_)) => return None,
    };
    let path = match plan_address.rfind('/') {
        Some(end) => format!("{}{file}", &plan_address[..=end]),
        None => file.to_string(),
    };
    let inlined = js_sys::Reflect::get(&gloo::utils::window(), &"__DUIBIAO_FILES".into())
        .ok()
        .and_then(|files| js_sys::Reflect::get(&files, &path.as_str().into()).ok())
        .and_then(|url| url.as_string());
    let name = if name.is_empty() {
        file.rsplit('/').next().unwrap_or(file)
    } else {
        name
    };
    Some(SampleFile {
        url: inlined.unwrap_or(path),
        name: name.to_string(),
    })
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

/// Fetches the bytes at `url`, as [`fetch_text`] does (a plan's sample, loaded when asked for).
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = fetch_same_origin(url, "files").await?;
    let buffer = response.array_buffer().map_err(|_| "no body".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "no body".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// `what`: what the message says is loaded only from this site. A `data:` URL (the one-file
/// offline copy's samples) is its own origin-less content, never a request to a server.
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
