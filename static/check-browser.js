// Runs before static/boot.js. It is a classic script in old JavaScript (ES3: no let, no arrow
// functions) so that every browser can run it, IE too. It checks for what the app needs: WebAssembly
// with the features the build uses (build/wasm-features.mjs lists them), module scripts and
// workers. When one is missing, it shows the notice for browsers that are too old (index.html,
// .old-browser). IE shows that notice even when this script does not run: style.css hides it only
// in browsers that understand @supports.
(function () {
  // A 60-byte module: an imported mutable global, a function returning two values (multi-value,
  // Chromium 85), memory.fill (bulk memory), i32.extend8_s (sign extension), i32.trunc_sat_f32_s
  // (non-trapping float-to-int). Made with binaryen's wasm-as from:
  // (module (import "m" "g" (global (mut i32))) (memory 1)
  //   (func (result i32 i32) (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
  //     (i32.extend8_s (i32.const 0)) (i32.trunc_sat_f32_s (f32.const 0))))
  var probe = [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 2, 8, 1, 1, 109, 1, 103, 3,
    127, 1, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 23, 1, 21, 0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 65, 0,
    192, 67, 0, 0, 0, 0, 252, 0, 11];
  var works = false;
  try {
    works = typeof WebAssembly === 'object' &&
      WebAssembly.validate(new Uint8Array(probe)) &&
      !!window.Worker && !!window.Promise && !!window.TextDecoder && !!window.URLSearchParams &&
      'noModule' in document.createElement('script');
  } catch (e) {
    works = false;
  }
  if (!works) {
    window.__duibiaoBrowserTooOld = true;
    document.documentElement.className += ' browser-too-old';
  }
})();
