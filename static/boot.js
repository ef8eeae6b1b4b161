// Starts the app. An external file (not trunk's inline loader) so that the page's
// Content-Security-Policy can forbid inline scripts; the hashed asset names come from the
// attributes trunk writes on this script tag (Trunk.toml: pattern_script).
const tag = document.querySelector('script[data-wasm-bindgen-js]');
const base = document.baseURI;
const { default: init } = await import(new URL(tag.dataset.wasmBindgenJs, base).href);
await init({ module_or_path: new URL(tag.dataset.wasm, base) });
