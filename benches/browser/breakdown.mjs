// A township roll-up in the page (make bench-breakdown): 150 towns × 41 of the plan's indicators
// (6,150 result rows) as one wide .csv, picked in headless Chromium. Prints the time from the
// reader's answer (the first message of its report, which comes in parts) to the first result
// row, from the pick to the first row, the longest main-thread task after the answer, how many
// tasks over 50 ms (and each one's length and start), how many elements the page holds, and then
// the longest task of each thing an official does next (a town, search, a row's detail …). Issue 25: findings within 1 s of the answer,
// no main-thread task over 50 ms.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, root, serveDist, townshipRollUp } from '../../tests/e2e/support.mjs';

const TOWNS = 150;
const INDICATORS = 41;
const RUNS = Number(process.argv[2] ?? 9);

const inputs = join(root, 'target', 'bench-inputs');
await mkdir(inputs, { recursive: true });
const file = join(inputs, 'township-2023.csv');
await writeFile(file, townshipRollUp(TOWNS, INDICATORS));

const server = await serveDist();
const browser = await launch();
const results = [];
for (let run = 0; run < RUNS; run += 1) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration }))))
      .observe({ entryTypes: ['longtask'] });
    document.addEventListener('change', (e) => { if (e.target.id === 'file-input') window.__picked = performance.now(); }, true);
    const Original = window.Worker;
    window.Worker = function Worker(...args) {
      const worker = new Original(...args);
      // The answer starts with the first part of the report (a big one comes in parts).
      worker.addEventListener('message', ({ data }) => {
        if (!window.__answer && ['result_rows', 'checked'].includes(data?.kind)) window.__answer = performance.now();
      });
      return worker;
    };
    window.Worker.prototype = Original.prototype;
    new MutationObserver(() => {
      if (!window.__firstRow && document.querySelector('tr[data-status]')) window.__firstRow = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForSelector('#file-input', { state: 'attached' });
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('tr[data-status]');
  await page.waitForTimeout(1500);
  const run_ = await page.evaluate(() => {
    const after = window.__longTasks.filter((t) => t.start >= window.__answer - 1);
    return {
      answerToFirstRow: window.__firstRow - window.__answer,
      pickToFirstRow: window.__firstRow - window.__picked,
      longestTaskAfterAnswer: Math.max(0, ...after.map((t) => t.duration)),
      tasksOver50: after.length,
      longTasks: after.map((t) => `${Math.round(t.duration)} ms at +${Math.round(t.start - window.__answer)}`),
      elements: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('tr[data-status]').length,
    };
  });
  results.push(run_);
  console.log(`run ${run + 1}: answer → first row ${run_.answerToFirstRow.toFixed(0)} ms, pick → first row ${run_.pickToFirstRow.toFixed(0)} ms, longest task after the answer ${run_.longestTaskAfterAnswer.toFixed(0)} ms (${run_.tasksOver50} over 50 ms: ${run_.longTasks.join(', ') || 'none'}), ${run_.elements} elements, ${run_.rows} rows drawn`);
  // Then what an official does with it: each action's longest main-thread task (0: none over 50 ms).
  const longest = {};
  for (const [name, act] of [
    ['a town', () => page.selectOption('#filter-region', { index: 150 })],
    ['every town', () => page.selectOption('#filter-region', '')],
    ['show more', () => page.click('.show-more')],
    ['plan order', () => page.selectOption('#sort', 'plan')],
    ['search', () => page.fill('#filter-search', '死亡率')],
    ['a row\'s detail', () => page.click('tbody tr[data-status] .row-toggle')],
  ]) {
    const since = await page.evaluate(() => performance.now());
    await act();
    await page.waitForTimeout(600);
    longest[name] = await page.evaluate((since) => Math.max(0, ...window.__longTasks.filter((t) => t.start > since).map((t) => Math.round(t.duration))), since);
  }
  console.log(`       then, longest task: ${Object.entries(longest).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
  await page.close();
}
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`median of ${RUNS}: answer → first row ${median('answerToFirstRow').toFixed(0)} ms, pick → first row ${median('pickToFirstRow').toFixed(0)} ms, longest task ${median('longestTaskAfterAnswer').toFixed(0)} ms, ${median('elements')} elements`);
await browser.close();
server.close();
