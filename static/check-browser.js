// Before boot.js, in ES3 so that every browser (IE too) runs it: does this browser have what the
// app needs (WebAssembly with the build's features, build/wasm-features.mjs; module scripts;
// workers)? If not, it shows index.html's .old-browser notice (IE shows it without this script).
(function () {
  // 60 bytes from binaryen's wasm-as: (module (import "m" "g" (global (mut i32))) (memory 1)
  // (func (result i32 i32) (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
  // (i32.extend8_s (i32.const 0)) (i32.trunc_sat_f32_s (f32.const 0)))): multi-value (Chromium
  // 85), bulk memory, sign extension, non-trapping float-to-int, a mutable global import.
  var probe = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 2, 8, 1, 1, 109, 1, 103, 3,
    127, 1, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 23, 1, 21, 0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 65, 0,
    192, 67, 0, 0, 0, 0, 252, 0, 11];
  var works = false;
  try {
    works = typeof WebAssembly === 'object' && WebAssembly.validate(new Uint8Array(probe)) &&
      !!window.Worker && !!window.Promise && !!window.TextDecoder && !!window.URLSearchParams &&
      'noModule' in document.createElement('script');
  } catch (e) {}
  if (!works) {
    window.__duibiaoBrowserTooOld = true;
    document.documentElement.className += ' browser-too-old';
  }
})();
