//! `duibiao`, the command line (src/cli/).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(duibiao::cli::run(std::env::args_os().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
