//! The built-in plans' titles, periods and target counts, read from their files at build time
//! (build.rs), so the landing page names them before the worker has loaded.
include!(concat!(env!("OUT_DIR"), "/plan_summary.rs"));
