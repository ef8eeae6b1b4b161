//! Puts the built-in plans' titles and counts into the page's first-paint code, so the landing
//! page names the plan before the worker (which parses plan files) has loaded.

use std::fmt::Write;

fn field<'a>(plan: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    &plan[key]
}

fn main() {
    let mut out = String::new();
    for (prefix, path) in [
        ("CHILDREN", "static/plans/quzhou-children-2021-2025.json"),
        ("WOMEN", "static/plans/quzhou-women-2021-2025.json"),
    ] {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).expect("plan file");
        let plan: serde_json::Value = serde_json::from_str(&text).expect("plan JSON");
        let text_of = |key: &str| field(&plan, key).as_str().unwrap_or_default().to_string();
        let count = field(&plan, "indicators").as_array().map_or(0, Vec::len);
        let first_note = field(&plan, "notes")
            .get(0)
            .and_then(|n| n.as_str())
            .unwrap_or_default()
            .to_string();
        let _ = writeln!(
            out,
            "pub const {prefix}_TITLE: &str = {:?};",
            text_of("title")
        );
        let _ = writeln!(
            out,
            "pub const {prefix}_TITLE_EN: &str = {:?};",
            text_of("title_en")
        );
        let _ = writeln!(
            out,
            "pub const {prefix}_START: i32 = {};",
            field(&plan, "period")["start"].as_i64().unwrap_or(0)
        );
        let _ = writeln!(
            out,
            "pub const {prefix}_END: i32 = {};",
            field(&plan, "period")["end"].as_i64().unwrap_or(0)
        );
        let _ = writeln!(out, "pub const {prefix}_TARGETS: usize = {count};");
        let _ = writeln!(out, "pub const {prefix}_ID: &str = {:?};", text_of("id"));
        if prefix == "WOMEN" {
            // Why the women's plan has no targets, shown beside it on the landing page.
            let _ = writeln!(out, "pub const {prefix}_NOTE: &str = {first_note:?};");
        }
    }
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("plan_summary.rs");
    std::fs::write(dest, out).expect("write plan_summary.rs");
}
