//! The shells over `duibiao_core` (crates/core), each where it runs: the command line (`cli`,
//! native only) and the browser (`web`, wasm32 only: the Yew page, its workers' loop and the
//! page's client of them, and the browser's codecs the core is handed). The entry points are in
//! `src/bin/`.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The built-in default plan as the readers take it: written as postcard by build.rs from its plan
/// file, which the core read and checked there.
pub fn built_in_plan() -> duibiao_core::plan::Plan {
    const BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default-plan.postcard"));
    // ok: build.rs wrote these bytes from this very type; tests/plans.rs decodes them.
    duibiao_core::protocol::decode(BYTES).expect("build.rs wrote the default plan")
}
