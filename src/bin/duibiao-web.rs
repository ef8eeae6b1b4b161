//! The web page's entry point: trunk builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    duibiao::web::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
