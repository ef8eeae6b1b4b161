// duibiao's real reader (dist/<reader>.js and its wasm: ?reader=duibiao-worker-light, the light
// build the page starts for .xlsx and .csv, or duibiao-worker, the full one it starts for .xls),
// started as the app starts it, with one addition for the benchmark: every message it posts
// carries the size of its wasm memory. Wasm memory only grows, so the last figure is the peak.
const reader = new URLSearchParams(self.location.search).get('reader') === 'duibiao-worker' ? 'duibiao-worker' : 'duibiao-worker-light';
importScripts(`/${reader}.js`);
let memory = null;
const post = self.postMessage.bind(self);
self.postMessage = (message, transfer) => {
  if (message && typeof message === 'object') message.wasmMemoryBytes = memory ? memory.buffer.byteLength : 0;
  post(message, transfer);
};
wasm_bindgen({ module_or_path: `/${reader}_bg.wasm` }).then((exports) => {
  memory = exports.memory;
});
