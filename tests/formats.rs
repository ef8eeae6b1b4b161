//! `Format` (crates/core/src/ingest/format.rs) is the one place that says which formats the page
//! reads and how they are named: the landing page's file picker (`index.html`, plain HTML that
//! paints before any wasm) must offer exactly what it lists, and its hint must name each format.

use duibiao_core::ingest::Format;

const INDEX_HTML: &str = include_str!("../index.html");

/// The value of `attribute` in the tag that carries `marker`.
fn attribute_of(marker: &str, attribute: &str) -> String {
    let at = INDEX_HTML
        .find(marker)
        .unwrap_or_else(|| panic!("index.html has no {marker}"));
    let start = INDEX_HTML[..at].rfind('<').unwrap();
    let tag = &INDEX_HTML[start..start + INDEX_HTML[start..].find('>').unwrap()];
    let key = format!("{attribute}=\"");
    let value = &tag[tag
        .find(&key)
        .unwrap_or_else(|| panic!("{tag}: no {attribute}"))
        + key.len()..];
    value[..value.find('"').unwrap()].to_string()
}

#[test]
fn the_landing_pages_file_picker_accepts_what_format_lists() {
    assert_eq!(
        attribute_of("id=\"file-input\"", "accept"),
        Format::accept_list(),
        "index.html's #file-input accept list (the Yew drop zone uses Format::accept_list())"
    );
}

#[test]
fn the_landing_pages_hint_names_every_format() {
    let hint_en = attribute_of("class=\"hint\"", "data-en");
    for format in Format::ALL {
        let label = format!(".{}", format.label());
        assert!(hint_en.contains(&label), "{hint_en} lacks {label}");
    }
}
