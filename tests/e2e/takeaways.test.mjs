// Take-aways in the browser: the report downloads open and hold the results, the blank template
// comes back through the page, and printing hides the controls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openApp, pick, statuses, artifacts, xlsxText } from './support.mjs';

const app = servedApp();
before(() => mkdir(artifacts, { recursive: true }));

async function download(page, button, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(artifacts, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

test('the report downloads as .xlsx and .csv holding every result', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');

  // The writer loads on the first workbook asked for: until the file is there the button says
  // so. Every text it shows is recorded, however briefly.
  await page.evaluate(() => {
    const button = document.querySelector('#download-xlsx');
    window.__xlsxButtonSaid = [];
    new MutationObserver(() => window.__xlsxButtonSaid.push(button.textContent.trim())).observe(button, {
      attributes: true, childList: true, subtree: true, characterData: true,
    });
  });
  const xlsx = await download(page, '#download-xlsx', 'report.xlsx');
  await page.waitForFunction(() => document.querySelector('#download-xlsx').textContent.trim() === '下载对标报告（.xlsx）');
  assert.ok((await page.evaluate(() => window.__xlsxButtonSaid)).includes('正在生成文件……'));
  assert.equal(await page.getAttribute('#download-xlsx', 'aria-busy'), null);
  assert.equal(xlsx.suggested, 'long-kecheng-2023-对标结果.xlsx');
  const text = xlsxText(xlsx.path);
  // The reporting year's rows on 结果, the earlier years' on 历年.
  assert.match(text, /SHEETS 汇总,结果,历年,未匹配,需核对/);
  for (const expected of ['儿童伤害死亡率', '进度正常', '未达标', '全市常住人口', 'F8', '还差 0.22/10万']) {
    assert.ok(text.includes(expected), `report.xlsx holds ${expected}`);
  }

  const csv = await download(page, '#download-csv', 'report.csv');
  const bytes = await readFile(csv.path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').split('\r\n');
  const injury = lines.find((l) => l.startsWith('child_injury_mortality,儿童伤害死亡率,儿童伤害死亡率,柯城区,2023,F8'));
  assert.ok(injury, 'the 2023 row of 儿童伤害死亡率');
  // Chinese words by default, not codes.
  assert.match(injury, /,进度正常,0\.22,还差 0\.22\/10万,/);
  assert.doesNotMatch(injury, /,on_track,/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the blank template downloads and a picked template is read with no mapping', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  const template = await download(page, '#download-template', 'template.xlsx');
  assert.match(template.suggested, /填报模板\.xlsx$/);
  await pick(page, { name: '模板.xlsx', mimeType: 'application/octet-stream', buffer: await readFile(template.path) });
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.textContent('.results .shown'), '25 行 / 44', "a row for each of the plan's indicators");
  await page.click('.show-more');
  const rows = await page.$$eval('tr[data-status]', (trs) => trs.map((tr) => tr.dataset.status));
  assert.equal(rows.length, 44);
  assert.ok(rows.every((s) => s === 'missing'));
  assert.equal(await page.$('.unmatched li'), null, 'no row needs mapping');
  await page.close();
});

test('printing: a title naming plan and year, the summary, the rows that need action, blanks to sign, no buttons', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#download-xlsx'), false);
  assert.equal(await page.isVisible('.drop-zone'), false);
  assert.match(await page.textContent('.print-report h1'), /儿童发展.*2023 年 对标自查结果/);
  assert.equal(await page.isVisible('.print-report .signature'), true);
  assert.match(await page.textContent('.print-report .signature'), /填报单位：.*审核人：.*日期：/);
  // What needs action is printed; met rows stay off paper.
  assert.equal(await page.isVisible('tr[data-status="behind"]'), true);
  assert.equal(await page.isVisible('tr[data-status="met"]'), false);
  assert.equal(await page.isVisible('.cards'), true);
  const pdf = await page.pdf({ path: join(artifacts, 'report.pdf'), format: 'A4' });
  assert.ok(pdf.length > 10_000, `a real PDF (${pdf.length} bytes)`);
  await page.close();
});
