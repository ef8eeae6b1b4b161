// Writes dist/duibiao-offline.html: the whole app in one file (JS, wasm, CSS inlined) that
// works opened from disk (file://) with no server and no network — for an official who can
// only receive a file by mail or USB stick. Run after `trunk build` (make dist does).
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const html = await readFile(join(dist, 'index.html'), 'utf8');

// trunk minifies dist/index.html (Trunk.toml): attributes may stand unquoted, so every pattern
// here takes a value quoted or not.
const VALUE = `["']?(?:\\./)?([^"' >]+)["']?`;
// The value ends at a quote, a space, a slash or the tag's end, which it must not take: an
// unquoted last attribute (`rel=icon>`) would otherwise take the next tag along with its own.
const tag = (element, attribute, value) => new RegExp(`<${element}\\b[^>]*\\b${attribute}=["']?${value}(?=["'\\s/>])[^>]*>`);
const attribute = (name) => {
  const match = html.match(new RegExp(`${name}=${VALUE}`));
  if (!match) throw new Error(`dist/index.html has no ${name}`);
  return match[1];
};
const jsFile = attribute('data-wasm-bindgen-js');
const wasmFile = attribute('data-wasm');
const cssFile = html.match(tag('link', 'rel', 'stylesheet'))?.[0].match(new RegExp(`href=${VALUE}`))?.[1];
if (!cssFile) throw new Error('dist/index.html has no stylesheet');

const glue = await readFile(join(dist, jsFile), 'utf8');
// The workers (reader; .xlsx writer): a file:// page cannot start a worker from a file, so it
// starts each from a blob holding the worker's glue and its wasm.
const workerSource = async (name) => {
  const glue = await readFile(join(dist, `${name}.js`), 'utf8');
  const wasm = await readFile(join(dist, `${name}_bg.wasm`));
  return `${glue}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0)) });
`;
};
const readerSource = await workerSource('duibiao-worker');
const writerSource = await workerSource('duibiao-export');
if (/from\s+['"]\.\/snippets\//.test(glue)) throw new Error('the JS glue imports snippets; inline them too');
const wasm = await readFile(join(dist, wasmFile));
// The built-in plans' samples, which the served page loads from plans/ when asked for, by the path
// the page asks for (a plan file names its sample relative to itself).
const samples = {};
for (const file of JSON.parse(await readFile(join(dist, 'plans', 'built-in.json'), 'utf8'))) {
  const plan = JSON.parse(await readFile(join(dist, 'plans', file), 'utf8'));
  if (!plan.sample) continue;
  const path = `plans/${plan.sample.file}`;
  const bytes = await readFile(join(dist, path));
  samples[path] = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${bytes.toString('base64')}`;
}
const css = await readFile(join(dist, cssFile), 'utf8');

// The landing page's script (static/boot.js) loads the app when first used; here the app is
// the inlined glue (an ES module whose default export is __wbg_init) started with the bytes.
const boot = await readFile(join(dist, 'boot.js'), 'utf8');
// The dialog that corrects how a file was read, which the served page loads when it is opened:
// here it is part of the one script (a file:// page loads no other).
const corrections = await readFile(join(dist, 'corrections.js'), 'utf8');
// The dialog that builds a plan from its text, likewise (src/web/ui/drafter.rs).
const drafter = await readFile(join(dist, 'drafter.js'), 'utf8');
const script = `${glue}
window.__DUIBIAO_WORKER_URL = URL.createObjectURL(new Blob([${JSON.stringify(readerSource)}], { type: 'text/javascript' }));
// The full reader serves as the light one too: this copy is opened from disk, never downloaded
// per check, so a second reader would only make the file bigger.
window.__DUIBIAO_LIGHT_URL = window.__DUIBIAO_WORKER_URL;
window.__DUIBIAO_FILES = ${JSON.stringify(samples)};
window.__DUIBIAO_EXPORT_URL = URL.createObjectURL(new Blob([${JSON.stringify(writerSource)}], { type: 'text/javascript' }));
window.__duibiaoLoadApp = () => {
  const wasmBytes = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));
  return __wbg_init({ module_or_path: wasmBytes });
};
{ // its own scope: its names must not meet the glue's
${boot}
}
${corrections}
${drafter}
`;
// The check for browsers too old to run the app (static/check-browser.js), a classic script run
// before the app's.
const checkBrowser = await readFile(join(dist, 'check-browser.js'), 'utf8');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  // 'unsafe-eval' as in index.html: Chromium < 97 compiles WebAssembly under a CSP only with it.
  `script-src ${sha256(checkBrowser)} ${sha256(script)} 'wasm-unsafe-eval' 'unsafe-eval'`,
  `style-src ${sha256(css)}`,
  // The workers come from blobs made by the page's own (hashed) script; see above.
  'worker-src blob:',
  // data: only: the sample (above), never a request to anywhere.
  "connect-src data:",
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** `page` with the one match of `pattern` replaced; a pattern that matches nothing is an error,
 * never a copy silently missing its stylesheet or a script. */
const replaced = (page, pattern, replacement) => {
  if (!pattern.test(page)) throw new Error(`dist/index.html has nothing like ${pattern}`);
  return page.replace(pattern, replacement);
};
let page = [
  [tag('meta', 'http-equiv', 'Content-Security-Policy'), () => `<meta http-equiv="Content-Security-Policy" content="${csp}" />`],
  [tag('link', 'rel', 'stylesheet'), () => `<style>${css}</style>`],
  [tag('link', 'rel', 'icon'), ''],
  [new RegExp(`${tag('script', 'src', '[^"\' >]*boot\\.js').source}</script>`), ''],
  [new RegExp(`${tag('script', 'src', '[^"\' >]*check-browser\\.js').source}</script>`), () => `<script>${checkBrowser}</script>`],
].reduce((page, [pattern, replacement]) => replaced(page, pattern, replacement), html)
  .replace(new RegExp(tag('link', 'rel', '(?:modulepreload|preload)').source, 'g'), '');
if (/src=["']?[^"' >]*(?:boot|check-browser)\.js/.test(page)) throw new Error('a script was not inlined');
page = page.replace('</body>', () => `<script type="module">${script}</script>\n</body>`);
await writeFile(join(dist, 'duibiao-offline.html'), page);
console.log(`wrote ${join(dist, 'duibiao-offline.html')} (${page.length} bytes)`);
