//! The browser shell (wasm32 only): the Yew page (`ui`), the page's side of its workers
//! (`client`), the workers' side (`worker`), and the browser's codecs the core is handed
//! (`codecs`: `JSON.parse`, `TextDecoder`).

pub mod client;
pub mod codecs;
pub mod ui;
pub mod worker;
