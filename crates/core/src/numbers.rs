//! How numbers read in words: shared by the plan (targets in symbols), ingest (cells as
//! written), evaluation (reasons) and the exports, so it belongs to none of them.

/// A number as a person writes it: no trailing zeros, no float noise (0.92, not
/// 0.9199999999), and never "-0".
pub fn trim_float(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    let text = format!("{rounded}");
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}
