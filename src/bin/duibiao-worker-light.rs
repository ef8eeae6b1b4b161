//! The page's light reader, a web worker built without the `legacy-formats` feature: the formats
//! `Format::reader` gives the light build (.xlsx and .csv), 55 KB gzip smaller than the full
//! reader (`duibiao-worker.rs`), so a first check of such a file downloads less. The page starts it first; a file it cannot read it answers with
//! `Response::NeedsFullReader`, and the page hands that file to the full reader.

#[cfg(target_arch = "wasm32")]
fn main() {
    duibiao::web::worker::serve_reader();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
