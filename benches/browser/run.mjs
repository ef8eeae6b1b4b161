// The in-browser benchmark (make bench-browser): in one headless Chromium run, on the files
// `cargo bench --bench read_evaluate -- --write-inputs` wrote to target/bench-inputs/:
//  1. duibiao's read + evaluate in its real worker against SheetJS reading the same bytes into a
//     2-D array, and the native CLI on the same file;
//  2. duibiao's peak wasm memory against the sheet's uncompressed XML;
//  3. in the real page: pick-to-results for a 20-row file (median of 10) and the main thread's
//     long tasks while a 200,000-row file is read.
// Prints a table and writes target/bench-browser.json. A benchmark: it asserts nothing about
// speed, and exits non-zero only when something breaks.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, extname } from 'node:path';
import { launch, dist, root } from '../../tests/e2e/support.mjs';
import { serveBench, inputs } from './serve.mjs';

// Built with the worker's own profile (opt-level "s"), so the two differ only by target.
const native = join(root, 'target', 'worker', 'duibiao');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function nativeMs(file, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    execFileSync(native, ['check', file, '--format', 'table'], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** The uncompressed size of the first worksheet's XML (python's zipfile reads the directory). */
function sheetXmlBytes(file) {
  const script = 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size)';
  return Number(execFileSync('python3', ['-c', script, file]).toString().trim());
}

/** Pick-to-results in the real app: a 20-row file picked `runs` times (alternating two names, so
 * each pick visibly changes the page), after a first pick that also loads the app. The clock runs
 * from the input's change event to the frame after the new file's results are in the DOM. */
async function pickToResults(browser, url, bytes, runs) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('input[type=file]');
  const pickOnce = async (name) => {
    await page.evaluate((name) => {
      window.__picked = new Promise((resolve) => {
        let start = null;
        document.addEventListener('change', () => { start = performance.now(); }, { capture: true, once: true });
        // The file facts name the file only once its results are shown (the progress line names
        // it earlier).
        const done = () => document.querySelector('.file-facts')?.textContent.includes(name) && document.querySelector('tr[data-status]');
        const observer = new MutationObserver(() => {
          if (start !== null && done()) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }, name);
    await page.setInputFiles('input[type=file]', { name, mimeType: 'application/octet-stream', buffer: bytes });
    return page.evaluate(() => window.__picked);
  };
  const first = await pickOnce('冷启动-20行.xlsx');
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await pickOnce(`第${i + 1}次-20行.xlsx`));
  await page.close();
  return { firstMs: first, medianMs: median(times), runs };
}

/** Long tasks on the page's main thread from picking a big file to its results on screen. */
async function longTasksWhileReading(browser, url, file) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('input[type=file]');
  // The app loads on the first action; load it first (sample), so only the read is watched.
  await page.click('#try-sample');
  await page.waitForSelector('tr[data-status]');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const start = Date.now();
  await page.setInputFiles('input[type=file]', file);
  await page.waitForFunction(() => document.querySelector('.file-facts')?.textContent.includes('rows-200000'), null, { timeout: 300_000 });
  const ms = Date.now() - start;
  const tasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return { pickToResultsMs: ms, longTasks: tasks.length, longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
}

// `node benches/browser/run.mjs rows-200000.xlsx …` times only the files named.
const only = process.argv.slice(2);
const files = (await readdir(inputs))
  .filter((f) => /^rows-\d+(-gbk|-tidy)?\.(xlsx|xls|csv)$/.test(f) && f !== 'rows-20.xlsx')
  .filter((f) => only.length === 0 || only.includes(f));
const order = (f) => [extname(f), Number(f.match(/\d+/)[0])];
files.sort((a, b) => (order(a)[0] + order(a)[1]).localeCompare(order(b)[0] + order(b)[1]) || order(a)[1] - order(b)[1]);
if (!(await readdir(inputs)).includes('rows-200000.xlsx')) {
  console.error('run.mjs: no target/bench-inputs/rows-200000.xlsx; run make bench-inputs first');
  process.exit(2);
}

const server = await serveBench(dist);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(`${url}bench/page.html`);
const chromium = browser.version();

const rows = [];
for (const name of files) {
  const runs = 5;
  // SheetJS reads the spreadsheet formats; its CSV reading is not what the comparison is about.
  const result = await page.evaluate(([n, r, s]) => window.benchFile(n, r, s), [name, runs, !name.endsWith('.csv')]);
  result.nativeMs = nativeMs(join(inputs, name), runs);
  if (name.endsWith('.xlsx')) result.sheetXmlBytes = sheetXmlBytes(join(inputs, name));
  rows.push(result);
  const f = (ms) => (ms === undefined ? '—' : `${ms.toFixed(0)} ms`);
  const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
  console.log(
    `${name.padEnd(22)} ${String(result.bytes).padStart(9)} B  duibiao ${f(result.duibiaoMs).padStart(8)} (fresh worker ${f(result.duibiaoFirstMs)})` +
      `  SheetJS ${f(result.sheetjsMs).padStart(8)} (SheetJS/duibiao ${ratio(result.sheetjsMs, result.duibiaoMs)})` +
      `  native ${f(result.nativeMs).padStart(8)} (browser/native ${ratio(result.duibiaoMs, result.nativeMs)})` +
      `  wasm memory ${(result.wasmMemoryBytes / 2 ** 20).toFixed(0)} MiB` +
      (result.sheetXmlBytes ? ` (${ratio(result.wasmMemoryBytes, result.sheetXmlBytes)} the sheet XML)` : ''),
  );
}
await page.close();

const twenty = await readFile(join(inputs, 'rows-20.xlsx'));
const picks = await pickToResults(browser, url, twenty, 10);
console.log(`rows-20.xlsx pick to results in the page: median of ${picks.runs} ${picks.medianMs.toFixed(0)} ms (first pick, loading the app: ${picks.firstMs.toFixed(0)} ms)`);
const reading = await longTasksWhileReading(browser, url, join(inputs, 'rows-200000.xlsx'));
console.log(`rows-200000.xlsx in the page: pick to results ${reading.pickToResultsMs} ms; main-thread long tasks ${reading.longTasks}, longest ${reading.longestTaskMs.toFixed(0)} ms`);

await writeFile(join(root, 'target', 'bench-browser.json'), JSON.stringify({ chromium, files: rows, picks, reading }, null, 2));
await browser.close();
server.close();
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
