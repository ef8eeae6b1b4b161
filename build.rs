//! The built-in default plan as the readers take it: read and checked from its plan file by the
//! core (natively, here), then written as postcard bytes (`src/lib.rs`, `built_in_plan`). The
//! readers then link no plan-file reader: plan files are read by the writer (`ExportJob::ReadPlan`).

use duibiao_core::plan::Plan;

fn main() {
    // Read when the script runs (see crates/core/build.rs).
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let list = format!("{root}/static/plans");
    println!("cargo:rerun-if-changed={list}");
    let plan = Plan::default_plan();
    assert!(
        plan.check_problems.is_empty(),
        "the default plan's checks: {:?}",
        plan.check_problems
    );
    let bytes = duibiao_core::protocol::encode(&plan).expect("a plan encodes");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default-plan.postcard"), bytes).expect("OUT_DIR is writable");
}
