// duibiao's real worker (dist/duibiao-worker.js and its wasm), started as the app starts it, with
// one addition for the benchmark: every message it posts carries the size of its wasm memory.
// Wasm memory only grows, so the last figure is the worker's peak.
importScripts('/duibiao-worker.js');
let memory = null;
const post = self.postMessage.bind(self);
self.postMessage = (message, transfer) => {
  if (message && typeof message === 'object') message.wasmMemoryBytes = memory ? memory.buffer.byteLength : 0;
  post(message, transfer);
};
wasm_bindgen({ module_or_path: '/duibiao-worker_bg.wasm' }).then((exports) => {
  memory = exports.memory;
});
