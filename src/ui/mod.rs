//! The Yew shell (wasm32 only).
