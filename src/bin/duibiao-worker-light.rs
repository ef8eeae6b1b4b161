//! The page's light reader, a web worker built without the `legacy-formats` feature: .xlsx and
//! .csv only, 55 KB gzip smaller than the full reader (`src/worker.rs`), so a first check of an
//! .xlsx or .csv downloads less. The page starts it first; a file it cannot read it answers with
//! `Response::NeedsFullReader`, and the page hands that file to the full reader.

#[cfg(target_arch = "wasm32")]
fn main() {
    duibiao::web::worker::serve_reader();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
