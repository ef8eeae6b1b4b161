//! Numbers as text, written by the browser's own `Number` formatting: with these the page links
//! none of Rust's float formatting (BENCHMARKS.md, issue 25: kB of a first check). Same output
//! as the core's `trim_float` for the figures a report holds (shortest round trip, no exponent
//! below 1e21).

/// A figure as the core writes it: rounded to 9 decimals, trailing zeros dropped, "-0" as "0".
pub fn plain(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    // ok to ignore: toString(10) throws only for a radix outside 2..=36.
    String::from(
        js_sys::Number::from(rounded + 0.0)
            .to_string_with_radix(10)
            .unwrap_or_default(),
    )
}

/// One decimal, for SVG coordinates and sizes.
pub fn one_decimal(value: f64) -> String {
    // ok to ignore: toFixed(1) throws only for a digit count outside 0..=100.
    String::from(js_sys::Number::from(value).to_fixed(1).unwrap_or_default())
}
