//! Fuzzes the cell-value parser, label normalisation and unit parsing on arbitrary UTF-8.
#![no_main]

use duibiao_core::ingest::value::{interpret, RawCell};
use duibiao_core::matching::normalise;
use duibiao_core::units::Unit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let _ = interpret(&RawCell::Text(s.to_string()));
    let _ = normalise(s);
    let _ = Unit::parse(s);
});
