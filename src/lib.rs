//! The shells over `duibiao_core` (crates/core), each where it runs: the command line (`cli`,
//! native only) and the browser (`web`, wasm32 only: the Yew page, its workers' loop and the
//! page's client of them, and the browser's codecs the core is handed). The entry points are in
//! `src/bin/`.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;
