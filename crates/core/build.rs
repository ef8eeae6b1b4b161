//! The built-in plans, from the list `static/plans/built-in.json` (file names, the plan in use by
//! default first): each file's JSON for the core to parse, and a summary of each (title, period,
//! number of targets, first note, sample) that the page shows before its reader has loaded. Adding
//! a built-in plan is adding its file to the folder and its name to the list.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    // Read when the script runs, not when it was compiled: a build script compiled for one
    // checkout of the project can be reused by another sharing the target directory.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let plans = Path::new(&manifest_dir).join("../../static/plans");
    let list_path = plans.join("built-in.json");
    println!("cargo:rerun-if-changed={}", list_path.display());
    let list: Vec<String> = serde_json::from_str(&read(&list_path)).unwrap_or_else(|e| {
        panic!(
            "{}: a JSON array of plan file names: {e}",
            list_path.display()
        )
    });
    assert!(!list.is_empty(), "{}: no plan listed", list_path.display());
    let mut files = String::from("pub const FILES: &[(&str, &str)] = &[\n");
    let mut summaries = String::from("pub const SUMMARIES: &[Summary] = &[\n");
    for file in &list {
        let path: PathBuf = plans.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let plan: serde_json::Value = serde_json::from_str(&read(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = |key: &str| plan[key].as_str().unwrap_or_default().to_string();
        let year = |key: &str| plan["period"][key].as_i64().unwrap_or(0);
        let sample = match plan["sample"]["file"].as_str() {
            Some(sample) => format!(
                "Some(SampleSummary {{ file: {sample:?}, name: {:?} }})",
                plan["sample"]["name"].as_str().unwrap_or(sample)
            ),
            None => "None".into(),
        };
        // Embedded without its indentation: the reader carries the default plan, and the
        // pretty-printed file was a tenth larger gzipped.
        let compact = out_dir().join(format!("plan-{}.json", files.lines().count()));
        std::fs::write(&compact, plan.to_string()).expect("OUT_DIR is writable");
        let _ = writeln!(
            files,
            "    ({file:?}, include_str!({:?})),",
            compact.display()
        );
        let _ = writeln!(
            summaries,
            "    Summary {{ file: {file:?}, id: {:?}, title: {:?}, title_en: {:?}, start: {}, end: {}, \
             targets: {}, first_note: {:?}, sample: {sample} }},",
            text("id"),
            text("title"),
            text("title_en"),
            year("start"),
            year("end"),
            plan["indicators"].as_array().map_or(0, Vec::len),
            plan["notes"][0].as_str().unwrap_or_default(),
        );
    }
    files.push_str("];\n");
    summaries.push_str("];\n");
    std::fs::write(out_dir().join("built_in_plans.rs"), files + &summaries)
        .expect("OUT_DIR is writable");
}

fn out_dir() -> PathBuf {
    PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
