// Drafting a 100,000-character plan in the page (issue 26; make bench-draft): the project's plan
// text repeated to 100,000 characters, as the native benchmark builds it (benches/read_evaluate.rs
// --draft), pasted into the drafter dialog in headless Chromium. Prints the time from the click on
// 生成草稿 to the review table on screen: the first run starts the writer (its wasm compiled), the
// later runs reuse it, as an official's second draft would. A benchmark, never a test.
//   node benches/browser/draft.mjs [runs]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, root, serveDist } from '../../tests/e2e/support.mjs';

const PLAN_CHARS = 100_000;
const RUNS = Number(process.argv[2] ?? 7);

// By code point, as Rust's chars(): the text is Chinese, so String.slice would count the same
// here only because it holds no character outside the BMP.
const source = [...readFileSync(join(root, 'tests/source/quzhou-plan-notice-2021.txt'), 'utf8'), '\n'];
const text = Array.from({ length: PLAN_CHARS }, (_, i) => source[i % source.length]).join('');

const server = await serveDist();
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.click('#load-plan'); // the app loads on first use; its plan panel has the button
await page.click('#build-plan');
await page.waitForSelector('#drafter-text');
await page.evaluate((value) => {
  const area = document.querySelector('#drafter-text');
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}, text);
const times = [];
let targets = 0;
for (let run = 0; run < RUNS; run += 1) {
  const ms = await page.evaluate(() => new Promise((done) => {
    const old = document.querySelector('#drafter-table');
    if (old) old.remove();
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector('#drafter-table')) {
        observer.disconnect();
        done(performance.now() - start);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.querySelector('#drafter-generate').click();
  }));
  targets = await page.$$eval('#drafter-table tbody tr', (rows) => rows.length);
  times.push(ms);
  console.log(`run ${run + 1}${run === 0 ? ' (the writer starts)' : ''}: 生成草稿 → review table ${ms.toFixed(0)} ms, ${targets} targets`);
}
const warm = times.slice(1).sort((a, b) => a - b);
console.log(`${Buffer.byteLength(text)} bytes, ${PLAN_CHARS} characters, ${targets} targets: first ${times[0].toFixed(0)} ms, median of the other ${warm.length} ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms (min ${warm[0].toFixed(0)} ms)`);
await browser.close();
await server.close();
