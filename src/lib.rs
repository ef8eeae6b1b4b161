//! duibiao (对标自查): check a monitoring submission against a development plan's targets.
//!
//! The pure core, in pipeline order: [`plan`] (the catalogue) → [`ingest`] (bytes to
//! observations) → [`matching`] (labels to plan indicators) → [`evaluate`] (statuses) →
//! [`report`] (what the CLI prints and the page shows) → [`export`] (.xlsx/CSV report, blank
//! template). [`check`] runs the whole pipeline.
//! Nothing here knows about the browser; `ui` (wasm32 only) is a thin Yew shell over it, and
//! `web_worker` (wasm32 only) the plumbing of its two workers.

pub mod check;
pub mod evaluate;
pub mod export;
pub mod ingest;
pub mod matching;
pub mod numbers;
pub mod plan;
pub mod protocol;
pub mod regions;
pub mod report;
pub mod units;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web_worker;
