// End to end, as an official would: open the built page in headless Chromium, pick a file,
// read the statuses; pick a broken file, read the message; pick a good one again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, openApp, pick, screenshot, statuses, KECHENG_2023 } from './support.mjs';

const app = servedApp();

test('picking a long-layout .xlsx shows every status worked out by hand', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  assert.match(await page.textContent('body'), /文件只在您的浏览器中处理，不会上传/);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.deepEqual(await statuses(page), KECHENG_2023);
  const unmatched = await page.$$eval('.unmatched li', (items) => items.map((li) => li.dataset.asWritten));
  assert.deepEqual(unmatched, ['全市常住人口']);
  assert.equal(await page.$('[role=alert]'), null);
  await screenshot(page, 'long-xlsx-results');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the same submission as a real .xls from LibreOffice gives the same statuses', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xls');
  await page.waitForSelector('tr[data-status]');
  assert.deepEqual(await statuses(page), KECHENG_2023);
  await page.close();
});

test('a broken file shows a plain message, then a good file still works', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, 'bad/word.docx.xlsx');
  const alert = await page.waitForSelector('[role=alert]');
  assert.match(await alert.textContent(), /word\.docx\.xlsx.*不是电子表格.*Word 文档/);
  await screenshot(page, 'broken-file-alert');
  await pick(page, 'long-kecheng-2023-gbk.csv');
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.$('[role=alert]'), null);
  assert.deepEqual(await statuses(page), KECHENG_2023);
  assert.equal(await page.inputValue('#encoding-select'), 'GB18030', 'the detected encoding is shown');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the landing page works before the app loads, and hands its language and action over', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  // The plain-HTML landing: no wasm yet.
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => r.name.endsWith('.wasm')).length), 0);
  await page.click('button.lang-toggle');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#app'), /never uploaded/);
  await screenshot(page, 'landing-english');
  // Asking for another plan loads the app, which opens the plan picker in English.
  await page.click('#load-plan');
  await page.waitForSelector('.plan-picker input[type=file]');
  assert.match(await page.textContent('.plan-picker'), /Plan file/i);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the English toggle switches the words, not the results', async () => {
  const { page } = await openApp(app.browser, app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  await page.click('button.lang-toggle');
  await page.waitForSelector('text=Results by indicator');
  assert.match(await page.textContent('html'), /never uploaded/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await statuses(page), KECHENG_2023);
  await screenshot(page, 'english');
  await page.close();
});
