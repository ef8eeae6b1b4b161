// Minifies dist/'s scripts in place (make dist, after trunk, before build/single-file.mjs):
// trunk's own minifier gives up on wasm-bindgen's glue (it cannot parse `export { … as default }`)
// and copies static/*.js as they are, comments and all. Terser saves about 3 kB gzip of a first check
// (BENCHMARKS.md, issue 25).
//
// Names at the top level stay as they are: build/single-file.mjs calls the glue's `__wbg_init`
// and the workers' `wasm_bindgen`, and the page's classic scripts share globals. Terser leaves
// the syntax at the level it found it (`ecma` 5 by default), so check-browser.js still runs on
// the browsers it has to turn away, and nothing gets newer than Chromium 86 reads.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
let before = 0;
let after = 0;
for (const name of (await readdir(dist)).filter((n) => n.endsWith('.js'))) {
  const path = join(dist, name);
  const code = await readFile(path, 'utf8');
  const module = /^export\s|import\.meta/m.test(code);
  // Parsed as a module where it is one, but not minified as one: terser's `module` would rename
  // the top level's names.
  const { code: minified } = await minify(code, {
    parse: { module },
    compress: { toplevel: false, passes: 2 },
    mangle: { toplevel: false },
    format: { comments: false },
  });
  if (typeof minified !== 'string' || minified.length === 0) throw new Error(`terser gave nothing for ${path}`);
  await writeFile(path, minified);
  before += code.length;
  after += minified.length;
}
console.log(`minified ${dist}/*.js: ${before} → ${after} bytes`);
