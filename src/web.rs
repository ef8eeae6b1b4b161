#[cfg(not(target_arch = "wasm32"))]
fn main() {}
