// A township roll-up in the page (make bench-breakdown): 150 towns × 41 of the plan's indicators
// (6,150 result rows) as one wide .csv, picked in headless Chromium. Prints the time from the
// reader's answer (the worker's last message before the first row shows) to the first result row,
// from the pick to the first row, the longest main-thread task after the answer, how many tasks
// over 50 ms, and how many elements the page holds. Issue 25: findings within 1 s of the answer,
// no main-thread task over 50 ms.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, root, serveDist } from '../../tests/e2e/support.mjs';

const TOWNS = 150;
const INDICATORS = 41;
const RUNS = Number(process.argv[2] ?? 3);

/** The roll-up: a title row, then 指标名称, 单位 and one column per town. */
function township() {
  const plan = JSON.parse(readFileSync(join(root, 'static/plans/quzhou-children-2021-2025.json'), 'utf8'));
  // The plan's indicators with a figure to go by (a target's or the base's), in its order.
  const indicators = plan.indicators.filter((i) => typeof i.target.value === 'number' || i.baseline).slice(0, INDICATORS);
  const first = '东南西北上下前后新老大小金银石龙凤云山水';
  const second = '塘溪桥岭坑口田湖坞源';
  const towns = [];
  for (const a of first) for (const b of second) for (const c of '安宁') if (towns.length < TOWNS) towns.push(`${a}${b}${c}镇`);
  const lines = ['某县各乡镇儿童发展监测表（2023年）', ['指标名称', '单位', ...towns].join(',')];
  indicators.forEach((indicator, row) => {
    const centre = indicator.baseline?.value ?? indicator.target.value;
    const figures = towns.map((_, town) => (centre * (0.9 + ((row * 7 + town * 13) % 21) / 100)).toFixed(2));
    lines.push([indicator.name, indicator.unit, ...figures].join(','));
  });
  if (indicators.length !== INDICATORS || towns.length !== TOWNS) throw new Error('the plan or the name list is too short');
  return `${lines.join('\r\n')}\r\n`;
}

const inputs = join(root, 'target', 'bench-inputs');
await mkdir(inputs, { recursive: true });
const file = join(inputs, 'township-2023.csv');
await writeFile(file, township());

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
      worker.addEventListener('message', () => { if (!window.__firstRow) window.__answer = performance.now(); });
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
      elements: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('tr[data-status]').length,
    };
  });
  results.push(run_);
  console.log(`run ${run + 1}: answer → first row ${run_.answerToFirstRow.toFixed(0)} ms, pick → first row ${run_.pickToFirstRow.toFixed(0)} ms, longest task after the answer ${run_.longestTaskAfterAnswer.toFixed(0)} ms (${run_.tasksOver50} over 50 ms), ${run_.elements} elements, ${run_.rows} rows drawn`);
  await page.close();
}
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(`median of ${RUNS}: answer → first row ${median('answerToFirstRow').toFixed(0)} ms, pick → first row ${median('pickToFirstRow').toFixed(0)} ms, longest task ${median('longestTaskAfterAnswer').toFixed(0)} ms, ${median('elements')} elements`);
await browser.close();
server.close();
