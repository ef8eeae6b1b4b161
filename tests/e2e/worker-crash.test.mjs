// When the reader (the web worker; an .xlsx goes to its light build) dies — a wasm trap, its script failing to load — the page says
// so in its alert area instead of "reading" forever, starts a fresh reader, and the next pick works.
// Also the worker's side of a picked file it must not or cannot read whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, pick, screenshot, statuses, fixtures } from './support.mjs';

const app = servedApp();
const CRASHED_ZH = '读取时出错，工具已重新启动；请再选一次文件。';
const NOT_LOADED_ZH = /读取组件（\.wasm 文件）无法从服务器载入.*单文件离线版（duibiao-offline\.html）/;

/** A page whose scripts see `setup` run first (before the app reads `window.__DUIBIAO_LIGHT_URL`). */
async function pageWith(setup, arg) {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  if (setup) await page.addInitScript(setup, arg);
  await page.goto(app.server.url);
  await page.waitForSelector('input[type=file]');
  return { page, errors };
}

/** Waits (up to 10 s) until `check()` holds. */
async function until(check, what) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.ok(check(), what);
}

async function alertText(page) {
  const alert = await page.waitForSelector('[role=alert]');
  return alert.textContent();
}

test('a reader whose script fails to load ends "reading" pointing to the offline copy; the next pick works', async (t) => {
  const { page, errors } = await pageWith(() => {
    window.__DUIBIAO_LIGHT_URL = './no-such-reader.js';
  });
  await pick(page, 'long-kecheng-2023.xlsx');
  const text = await alertText(page);
  t.diagnostic(text);
  assert.match(text, NOT_LOADED_ZH);
  assert.equal(await page.$('.busy'), null, 'no longer "reading"');
  await screenshot(page, 'worker-failed-to-load');
  await page.evaluate(() => delete window.__DUIBIAO_LIGHT_URL);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.$('[role=alert]'), null);
  assert.equal((await statuses(page))['儿童伤害死亡率'], 'on_track');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader whose wasm the server refuses: within seconds the page says so and links the offline copy', async (t) => {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // As a proxy does: a page of its own, not the wasm.
  const refuse = (route) => route.fulfill({ status: 403, contentType: 'text/html', body: '<h1>Forbidden</h1>' });
  await page.route('**/duibiao-worker-light_bg.wasm', refuse);
  await page.goto(`${app.server.url}`);
  await page.waitForSelector('input[type=file]');
  const started = Date.now();
  await pick(page, 'long-kecheng-2023.xlsx');
  const text = await alertText(page);
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`${text} (${seconds.toFixed(1)} s)`);
  assert.match(text, NOT_LOADED_ZH);
  assert.ok(seconds < 10, `said within seconds, not after a timeout: ${seconds} s`);
  assert.equal(await page.$('.busy'), null, 'no longer "reading"');
  assert.equal(await page.getAttribute('[role=alert] a.offline-copy', 'href'), 'duibiao-offline.html');
  await page.click('button.lang-toggle');
  assert.match(await page.textContent('[role=alert]'), /could not be loaded from the server.*offline copy/);
  await page.click('button.lang-toggle');
  // Once the server serves it, the next pick reads as usual.
  await page.unroute('**/duibiao-worker-light_bg.wasm', refuse);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.$('[role=alert]'), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reader that dies while reading (as a wasm trap does) is replaced at once', async (t) => {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
  let served = 0;
  // The first reader says it is ready, then throws on the first request as a trapped wasm call
  // does; the replacement is the real one.
  await page.route((url) => url.pathname.endsWith('/worker.js') && url.search === '?duibiao-worker-light', (route) => {
    served += 1;
    if (served > 1) return route.continue();
    return route.fulfill({
      contentType: 'text/javascript',
      body: `postMessage({ ready: true });
             onmessage = () => { throw new WebAssembly.RuntimeError('unreachable'); };`,
    });
  });
  await page.goto(`${app.server.url}?lang=en`);
  await page.waitForSelector('input[type=file]');
  await pick(page, 'long-kecheng-2023.xlsx');
  const text = await alertText(page);
  t.diagnostic(text);
  assert.match(text, /The reader stopped unexpectedly and was restarted; please pick the file again\./);
  assert.equal(await page.$('.busy'), null, 'no longer "reading"');
  await until(() => served === 2, 'replaced at once, not at the next pick');
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal(await page.$('[role=alert]'), null);
  await page.close();
});

test('a file over the size limit is refused by its size, not read whole first', async (t) => {
  // 1 TiB, sparse (nothing is written): read whole, it could only fail.
  const dir = await mkdtemp(join(tmpdir(), 'duibiao-e2e-'));
  const path = join(dir, '全市汇总.xlsx');
  const file = await open(path, 'w');
  await file.truncate(2 ** 40);
  await file.close();
  try {
    const { page } = await pageWith();
    await page.setInputFiles('#file-input', path);
    const text = await alertText(page);
    t.diagnostic(text);
    assert.match(text, /全市汇总\.xlsx.*超过上限 50\.0 MB/);
    assert.doesNotMatch(text, /空的/);
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file that vanished after it was picked is named unreadable, never empty', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'duibiao-e2e-'));
  const path = join(dir, '柯城区.xlsx');
  await writeFile(path, await readFile(join(fixtures, 'long-kecheng-2023.xlsx')));
  try {
    const page = await app.browser.newPage();
    // The reader reads the picked file only once its wasm has loaded: hold that back until the
    // file is gone.
    let release;
    const removed = new Promise((ok) => (release = ok));
    await page.route('**/duibiao-worker-light_bg.wasm', async (route) => {
      await removed;
      await route.continue();
    });
    await page.goto(app.server.url);
    await page.waitForSelector('input[type=file]');
    await page.setInputFiles('#file-input', path);
    await rm(path);
    release();
    const text = await alertText(page);
    t.diagnostic(text);
    assert.match(text, /柯城区\.xlsx.*无法读取文件/);
    assert.doesNotMatch(text, /空的/);
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
