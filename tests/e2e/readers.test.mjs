// The reader in two builds: the light one (.xlsx, .csv) is what a first check downloads; an .xls,
// .xlsb or .ods, by its name or found inside a file whatever its name, moves the page to the full
// reader, which then serves every later file. Each file's results are the same either way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { servedApp, openApp, pick, statuses, fixtures, KECHENG_2023 } from './support.mjs';

const app = servedApp();

const LIGHT = ['/duibiao-worker-light.js', '/duibiao-worker-light_bg.wasm'];
const FULL = ['/duibiao-worker.js', '/duibiao-worker_bg.wasm'];

/** The app's page, recording which reader files it asks for. */
async function readerPage() {
  const { page, errors } = await openApp(app.browser, app.server.url);
  const readers = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/duibiao-worker')) readers.push(path);
  });
  return { page, errors, readers };
}

/** Picks a file and waits for its results: those naming this file, not the last one's. */
async function check(page, fixture) {
  const name = typeof fixture === 'string' ? fixture : fixture.name;
  await pick(page, fixture);
  await page.waitForFunction((name) => document.querySelector('.file-facts')?.textContent.includes(name), name);
  await page.waitForSelector('tr[data-status]');
  return statuses(page);
}

test('an .xlsx and a .csv use the light reader; an .xls moves the page to the full one for good', async () => {
  const { page, errors, readers } = await readerPage();
  assert.deepEqual(await check(page, 'long-kecheng-2023.xlsx'), KECHENG_2023);
  assert.deepEqual(await check(page, 'long-kecheng-2023-gbk.csv'), KECHENG_2023);
  assert.deepEqual(readers, LIGHT, 'the first check downloads the light reader only');

  assert.deepEqual(await check(page, 'long-kecheng-2023.xls'), KECHENG_2023);
  assert.deepEqual(readers, [...LIGHT, ...FULL], 'an .xls is read by the full reader');
  assert.deepEqual(await check(page, 'long-kecheng-2023.xlsx'), KECHENG_2023);
  assert.deepEqual(readers, [...LIGHT, ...FULL], 'which then reads the .xlsx too: nothing more is loaded');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an .ods named .xlsx is handed from the light reader to the full one, then read', async () => {
  const { page, errors, readers } = await readerPage();
  const misnamed = {
    name: '柯城区2023.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await readFile(join(fixtures, 'long-kecheng-2023.ods')),
  };
  assert.deepEqual(await check(page, misnamed), KECHENG_2023);
  assert.deepEqual(readers, [...LIGHT, ...FULL]);
  assert.equal(await page.$('[role=alert]'), null, 'no error on the way');
  // The full reader holds the file now: a new choice reads it again without a new pick.
  await page.selectOption('#year-select', '2022');
  await page.waitForSelector('.file-facts h2:has-text("2022")');
  assert.deepEqual(errors, []);
  await page.close();
});
