// The dashboard as an official uses it: filters, search and sort, a row's detail, changing a
// match, mapping an unmatched row, several regions, a sample file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, openApp, pick, screenshot, statuses, townshipRollUp } from './support.mjs';

const app = servedApp();

const shownStatuses = (page) => page.$$eval('tbody tr[data-status]', (rows) => rows.map((r) => r.dataset.status));

test('filters by status and chapter, search and sort change what the table shows', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  const all = (await shownStatuses(page)).length;
  assert.equal(all, 12, 'a row for each indicator the file mentions');

  await page.selectOption('#filter-status', 'on_track');
  assert.deepEqual(await shownStatuses(page), ['on_track', 'on_track', 'on_track', 'on_track']);
  await page.selectOption('#filter-status', '');
  await page.selectOption('#filter-chapter', 'law');
  const law = await page.$$eval('tbody tr[data-indicator]', (rows) => rows.map((r) => r.dataset.indicator));
  assert.ok(law.includes('minors_receiving_legal_aid') && law.length < all, law.join());
  await page.selectOption('#filter-chapter', '');

  await page.fill('#filter-search', '死亡率');
  const found = await page.$$eval('tbody tr[data-indicator]', (rows) => rows.map((r) => r.dataset.indicator));
  assert.deepEqual(found.sort(), ['child_injury_mortality', 'severe_birth_defect_rate'].filter((id) => found.includes(id)));
  assert.ok(found.includes('child_injury_mortality'), found.join());
  await page.fill('#filter-search', '');

  // Findings first by default: what needs action leads, then on track, met, and rows with no figure.
  const sorted = await shownStatuses(page);
  assert.equal(sorted[0], 'not_met', 'worst first');
  assert.ok(sorted.indexOf('met') > sorted.lastIndexOf('behind'), sorted.join());
  assert.equal(sorted.at(-1), 'missing');
  await page.selectOption('#sort', 'plan');
  const planOrder = await page.$$eval('tbody tr[data-indicator]', (rows) => rows.map((r) => r.dataset.indicator));
  assert.equal(planOrder[0], 'severe_birth_defect_rate', "the plan's first indicator");
  // By the share of the way to the target, least first: points and rates per 100,000 compare.
  await page.selectOption('#sort', 'progress');
  const shares = await page.$$eval('tbody tr[data-status] .progress-text', (ps) => ps.map((p) => parseFloat(p.textContent)));
  assert.ok(shares.length > 3 && shares.every((share, i) => i === 0 || shares[i - 1] <= share), shares.join());
  await screenshot(page, 'filters-sorted');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a row opens its detail: the plan sentence, the rule, the match and a chart', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.click('tr[data-indicator="child_injury_mortality"] .row-toggle');
  const detail = await page.waitForSelector('.detail-row');
  const text = await detail.textContent();
  assert.match(text, /4儿童伤害死亡率\(1\/10万\)10\.5<8\.78/, 'the quoted table row');
  assert.match(text, /2023 年应不高于 9\.468（文件中 2020 年 10\.5 → 2025 年 <8\.78\/10万 的直线进度）/);
  assert.match(text, /名称完全一致/);
  assert.equal(await detail.$$eval('.value-chart circle', (c) => c.length), 3, '2020, 2022 and 2023');
  await screenshot(page, 'row-detail');
  await page.click('tr[data-indicator="child_injury_mortality"] .row-toggle');
  assert.equal(await page.$('.detail-row'), null);
  await page.close();
});

test('changing a match and mapping an unmatched row update the results at once', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  // 全市常住人口 is not a plan indicator; say it is 婴儿死亡率: its unit 万人 is not ‰, so review.
  // A row's mapping control opens on request, with the keyboard focus in it.
  await page.click('.unmatched .map-button');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.unmatched')?.tagName), 'SECTION');
  await page.selectOption('.unmatched select', 'infant_mortality');
  await page.waitForSelector('tr[data-indicator="infant_mortality"][data-as-written="全市常住人口"]');
  assert.equal(await page.getAttribute('tr[data-indicator="infant_mortality"]', 'data-status'), 'review');
  assert.match(await page.textContent('tr[data-indicator="infant_mortality"]'), /单位/);
  assert.equal(await page.$('.unmatched li'), null);
  // Then take 学前三年毛入园率 off its indicator: the file no longer mentions that indicator, which
  // leaves the table for the list of those not in the file, and the row is listed as unmatched.
  const notInFile = await page.textContent('.not-in-file summary');
  await page.click('tr[data-indicator="preschool_gross_enrollment"] .row-toggle');
  await page.selectOption('.detail-row select', '');
  await page.waitForSelector('tr[data-indicator="preschool_gross_enrollment"]', { state: 'detached' });
  assert.notEqual(await page.textContent('.not-in-file summary'), notInFile);
  assert.match(await page.textContent('.not-in-file'), /学前教育毛入园率/);
  const listed = await page.$$eval('.unmatched li', (items) => items.map((li) => li.dataset.asWritten));
  assert.deepEqual(listed, ['学前三年毛入园率']);
  // A corrected file keeps the user's decisions.
  await pick(page, 'long-kecheng-2023.xls');
  await page.waitForSelector('tr[data-indicator="infant_mortality"][data-as-written="全市常住人口"]');
  await page.close();
});

test('a wide .xls with several regions shows a region × indicator matrix and filters by region', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'wide-regions-2023.xls');
  await page.waitForSelector('.matrix');
  const matrix = await page.$$eval('.matrix tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.dataset.status ?? '')));
  assert.deepEqual(matrix[0], ['on_track', 'behind', 'met', 'on_track'], '儿童伤害死亡率 by region');
  await page.selectOption('#filter-region', '衢江区');
  const regions = await page.$$eval('tbody tr[data-indicator] td.region', (tds) => [...new Set(tds.map((td) => td.textContent))]);
  assert.deepEqual(regions, ['衢江区']);
  await screenshot(page, 'wide-xls-matrix');
  await page.close();
});

test('a township roll-up arrives whole and is drawn a page at a time; its matrix waits to be asked', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  // A county file first: its four regions' matrix is drawn at once.
  await pick(page, 'wide-regions-2023.xls');
  await page.waitForSelector('.matrix tbody tr');
  // 150 towns × 41 indicators: the reader sends the 6,150 rows in parts, the page puts them together.
  await pick(page, { name: 'township-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(townshipRollUp(150, 41)) });
  await page.waitForFunction(() => /township-2023/.test(document.querySelector('.file-facts')?.textContent));
  const counted = await page.$$eval('.cards li[data-status] .count', (cards) =>
    cards.filter((c) => !['flagged', 'not_in_file'].includes(c.closest('li').dataset.status)).reduce((n, c) => n + Number(c.textContent), 0));
  assert.equal(counted, 150 * 41, 'every row of every part is counted');
  assert.equal(await page.textContent('.results .shown'), '25 行 / 6150');
  assert.equal(await page.locator('tbody tr[data-status]').count(), 25);
  await page.click('.show-more');
  assert.equal(await page.locator('tbody tr[data-status]').count(), 50);
  // The header names the first towns and how many there are; the region filter lists them all.
  assert.match(await page.textContent('.file-facts .facts'), /东塘安镇、东塘宁镇、[^，]*等，共 150 个/);
  assert.equal(await page.locator('#filter-region option').count(), 151);
  assert.equal(await page.locator('.matrix tbody tr').count(), 0, "the county file's open matrix does not carry over");
  await page.click('#show-matrix');
  assert.match(await page.textContent('.matrix .pager'), /第 1—12 个地区，共 150 个/);
  assert.equal(await page.locator('.matrix thead th').count(), 13, 'the indicator column and 12 towns');
  await page.selectOption('#filter-region', '后坑宁镇');
  assert.equal(await page.textContent('.results .shown'), '25 行 / 41', 'the last town, each of its rows');
  const regions = await page.$$eval('tbody tr[data-indicator] td.region', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual([...new Set(regions)], ['后坑宁镇']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the sample file shows results without picking anything', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.click('#try-sample');
  await page.waitForSelector('tr[data-status]');
  assert.equal((await statuses(page))['儿童伤害死亡率'], 'on_track');
  assert.ok(asked.includes('/plans/samples/kecheng-2023.xlsx'), 'loaded when asked for, not with the page');
  await page.close();
});

test('a sample that cannot be loaded says so; the page stays usable', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.route('**/samples/*.xlsx', (route) => route.fulfill({ status: 404, body: '' }));
  await page.click('#try-sample');
  const alert = await page.waitForSelector('[role=alert]');
  assert.match(await alert.textContent(), /示例文件无法载入.*HTTP 404/);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.$('[role=alert]'), null);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('switching the reporting year shows that year’s verdicts', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal((await statuses(page))['残疾儿童康复救助人数'], 'not_met', '590 in 2023 after 600 in 2022');
  await page.selectOption('#year-select', '2022');
  await page.waitForFunction(() => document.querySelector('.file-facts h2')?.textContent.startsWith('2022'));
  // 逐年增加 compares with the year before: the file has no 2021, so a person must look.
  assert.equal((await statuses(page))['残疾儿童康复救助人数'], 'review');
  assert.match(await page.textContent('tr[data-indicator="disabled_children_rehab_aid"]'), /2021/);
  assert.equal((await statuses(page))['儿童伤害死亡率'], 'on_track', '9.8 in 2022, the line allows 9.812');
  assert.match(await page.textContent('.file-facts h2'), /2022 年度监测/);
  await page.close();
});

test('a long read shows its progress and can be cancelled; the page stays usable', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  // About 40 MB of CSV: long enough to read that the cancel button can be pressed.
  const rows = ['指标名称,2023年'];
  for (let i = 0; i < 2_200_000; i++) rows.push(`指标${i},1`);
  const big = { name: '大文件.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n'), 'utf8') };
  await pick(page, big);
  // The first pick also loads the app; its progress line names the file.
  await page.waitForSelector('#cancel-reading');
  const busy = await page.$('.busy');
  assert.match(await busy.textContent(), /大文件\.csv（\d+\.\d MB）/);
  assert.ok(await page.$('.busy progress'), 'a progress indicator for a large file');
  await screenshot(page, 'reading-large-file');
  await page.click('#cancel-reading');
  await page.waitForSelector('.busy', { state: 'detached' });
  assert.equal(await page.$('tr[data-status]'), null, 'nothing from the cancelled read');
  await page.click('#try-sample');
  await page.waitForSelector('tr[data-status]');
  assert.deepEqual(errors, []);
  await page.close();
});
