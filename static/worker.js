// Starts one of the page's workers (src/web/client.rs): the one its query names
// (worker.js?duibiao-worker), its wasm-bindgen glue and then its wasm.
//
// Not trunk's loader shim: that one leaves a wasm that cannot be loaded (a proxy or a server that
// refuses it, or answers with a page of its own) as a rejection inside the worker, which the page
// never hears of, so it would say "reading" for ever. This one tells the page, which then points
// to the one-file offline copy. The offline copy starts its workers from blobs, not from here.
const name = location.search.slice(1);
if (!/^duibiao-[a-z-]+$/.test(name)) throw new Error(`worker.js: no worker named "${name}"`);
importScripts(`./${name}.js`);
wasm_bindgen({ module_or_path: `./${name}_bg.wasm` }).catch((error) => {
  console.error(error);
  self.postMessage({ loadFailed: String(error) });
});
