// Another plan, another period, other regions: everything the page says of years and regions
// comes from the plan file and the report, none of it from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openApp, pick, screenshot, root } from './support.mjs';

const app = servedApp(async () => ({
  '/test-plans/test-city.json': await readFile(join(root, 'tests/fixtures/plans/test-city-2026-2030.json'), 'utf8'),
}));

const townships = {
  name: '常山县各乡镇2023.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      '乡镇（街道）,婴儿死亡率（‰）,,儿童伤害死亡率（1/10万）,',
      ',2022年,2023年,2022年,2023年',
      '天马街道,3.1,2.8,9.9,8.1',
      '球川镇,4.2,5.6,10.2,9.0',
    ].join('\r\n'),
  ),
};

test('a township breakdown is read town by town under the built-in plan', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, townships);
  await page.waitForSelector('tr[data-status]');
  assert.match(await page.textContent('.file-facts'), /天马街道、球川镇/);
  const rows = await page.$$eval('tr[data-indicator="infant_mortality"]', (trs) =>
    trs.map((tr) => [tr.querySelector('.region').textContent, tr.dataset.status]),
  );
  // Rows needing action come first; each region's own status is what counts here.
  assert.deepEqual(rows.sort(), [['天马街道', 'met'], ['球川镇', 'behind']]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('another plan’s period, mid-term year and regions are what the page shows', async () => {
  const { page, errors } = await openApp(app.browser, `${app.server.url}?plan=test-plans/test-city.json`);
  await page.waitForSelector('text=测试市儿童发展');
  await pick(page, {
    name: '测试市2028.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      ['测试市2028年各县（市、区）儿童发展指标', '指标名称,上城,拱墅区,建德市', '婴儿死亡率（‰）,2.9,3.5,4.6', '儿童伤害死亡率（1/10万）,6.5,8.0,9.5'].join('\r\n'),
    ),
  });
  await page.waitForSelector('tr[data-status]');
  assert.match(await page.textContent('.file-facts h2'), /^2028 中期评估/);
  assert.match(await page.textContent('.tagline'), /逐项对照测试市儿童发展“十五五”规划/);
  assert.doesNotMatch(await page.textContent('.tagline'), /衢州/);
  assert.equal(await page.$('#try-sample'), null, 'the built-in sample is for the built-in plan');
  assert.match(await page.textContent('.file-facts'), /上城区、拱墅区、建德市/);
  assert.match(await page.textContent('.results thead'), /2030年目标/);
  const rows = await page.$$eval('tr[data-indicator="infant_mortality"]', (trs) =>
    trs.map((tr) => [tr.querySelector('.region').textContent, tr.dataset.status]),
  );
  // 4.5 in 2025 → ≤3 in 2030: 2028 should be at most 3.6.
  assert.deepEqual(rows.sort(), [['上城区', 'met'], ['建德市', 'behind'], ['拱墅区', 'on_track']]);
  // The chart's axis runs over the plan's years, its path from 2025's 9 to 2030's 7.
  await page.click('tr[data-indicator="child_injury_mortality"] .row-toggle');
  const chart = await page.waitForSelector('.detail .value-chart');
  assert.equal(await chart.getAttribute('data-first-year'), '2025');
  assert.equal(await chart.getAttribute('data-last-year'), '2030');
  assert.equal(await chart.$$eval('polyline.path', (p) => p.length), 1);
  await screenshot(page, 'other-plan');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the plan in use goes with a file to the full reader', async () => {
  const { page, errors } = await openApp(app.browser, `${app.server.url}?plan=test-plans/test-city.json`);
  await page.waitForSelector('text=测试市儿童发展');
  // The light reader took the plan as the page opened; the full one must be given it too.
  const readers = [];
  page.on('request', (r) => new URL(r.url()).pathname.startsWith('/duibiao-worker') && readers.push(new URL(r.url()).pathname));
  // Named .xls, so the page starts the full reader for it; its bytes are CSV, which it reads.
  await pick(page, {
    name: '测试市2028.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from(['指标名称,上城,拱墅区,建德市', '婴儿死亡率（‰）,2.9,3.5,4.6'].join('\r\n')),
  });
  await page.waitForSelector('tr[data-status]');
  assert.ok(readers.includes('/duibiao-worker_bg.wasm'), readers.join(', '));
  assert.match(await page.textContent('.file-facts h2'), /^2028 中期评估/);
  const rows = await page.$$eval('tr[data-indicator="infant_mortality"]', (trs) =>
    trs.map((tr) => [tr.querySelector('.region').textContent, tr.dataset.status]),
  );
  assert.deepEqual(rows.sort(), [['上城区', 'met'], ['建德市', 'behind'], ['拱墅区', 'on_track']]);
  assert.deepEqual(errors, []);
  await page.close();
});
