//! duibiao (对标自查): check a monitoring submission against a development plan's targets.
//!
//! The pure core, in pipeline order: [`plan`] (the catalogue) → [`ingest`] (bytes to
//! observations) → [`matching`] (labels to plan indicators) → [`evaluate`] (statuses) →
//! [`report`] (what the CLI prints and the page shows) → [`export`] (.xlsx/CSV report, blank
//! template). [`check`] runs the whole pipeline; [`protocol`] is the page's reader worker as plain
//! Rust. Nothing here knows about the browser: its dependencies hold no browser types (a check in
//! `make test`), and what only a host does well — parsing a plan file's JSON, decoding GB18030 —
//! the shell that runs the core hands it as [`Codecs`].

pub mod check;
mod codecs;
pub mod evaluate;
pub mod export;
pub mod ingest;
pub mod matching;
pub mod numbers;
pub mod plan;
pub mod plausibility;
pub mod protocol;
pub mod regions;
pub mod report;
pub mod units;

pub use codecs::Codecs;

// The unit tests read plan files and GB18030 text with the core's own codecs.
#[cfg(all(test, not(feature = "own-codecs")))]
compile_error!("run the core's tests with the `own-codecs` feature (on by default)");
