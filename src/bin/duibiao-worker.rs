//! The page's full reader, a web worker: every format, .xls, .xlsb and .ods included. The page
//! starts it for those (by the file's name, or when the light reader finds one inside a file);
//! reading and evaluating never block the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    duibiao::web::worker::serve_reader();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
