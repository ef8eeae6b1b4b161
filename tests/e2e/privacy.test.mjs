// "Nothing leaves your browser", tested: a strict CSP with no violation, and no request at all
// after the app's own assets have loaded, over a whole journey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { servedApp, pick, CHROMIUM_ARGS, dist } from './support.mjs';
import { chromium } from 'playwright-core';

const app = servedApp();

/** Opens a page that records every request and every CSP violation. */
async function recordingPage(url) {
  const page = await app.browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  await page.goto(url);
  await page.waitForSelector('input[type=file]');
  return { page, requests, problems };
}

test('a whole journey makes no request after the app has loaded, and none to another origin', async () => {
  const { page, requests, problems } = await recordingPage(app.server.url);
  const origin = new URL(app.server.url).origin;
  const firstPaint = requests.length;
  assert.ok(firstPaint >= 3, `the app's own assets: ${requests.join(', ')}`);
  const firstPaintFiles = requests.map((url) => new URL(url).pathname.replace(/-[0-9a-f]{8,16}\./, '.'));
  assert.deepEqual(firstPaintFiles.sort(), ['/', '/boot.js', '/check-browser.js', '/favicon.svg', '/style.css'],
    'the first paint is the plain-HTML landing page: no wasm, no reader');

  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  // The app loads on first use: the page's glue and wasm, then the worker's three files, once.
  const appFiles = requests.slice(firstPaint).map((url) => new URL(url).pathname.replace(/-[0-9a-f]{8,16}/, ''));
  assert.deepEqual(appFiles, ['/duibiao-web.js', '/duibiao-web_bg.wasm',
    '/worker.js', '/duibiao-worker-light.js', '/duibiao-worker-light_bg.wasm']);
  const loaded = requests.length;
  const distFiles = new Set(readdirSync(dist));
  for (const url of requests) {
    assert.ok(url.startsWith(origin), `same origin: ${url}`);
    const file = new URL(url).pathname.slice(1) || 'index.html';
    assert.ok(distFiles.has(file), `one of the app's own files: ${file}`);
  }
  await page.selectOption('#year-select', '2022');
  await page.waitForSelector('#year-select');
  await page.click('button.lang-toggle');
  await pick(page, 'bad/encrypted.xlsx');
  await page.waitForSelector('[role=alert]');
  await pick(page, 'long-kecheng-2023-gbk.csv');
  await page.waitForSelector('tr[data-status]');
  assert.deepEqual(requests.slice(loaded).filter((url) => !url.startsWith('blob:')), [],
    'no request after the app loaded');
  await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  await Promise.all([page.waitForEvent('download'), page.click('#download-xlsx')]);
  await Promise.all([page.waitForEvent('download'), page.click('#download-template')]);

  // The first download asked for loads the writer's three files, once, and nothing else;
  // downloads are blob: URLs made in the page and never reach a network.
  const after = requests.slice(loaded).filter((url) => !url.startsWith('blob:'));
  assert.deepEqual(after.map((url) => new URL(url).pathname.replace(/-[0-9a-f]{8,16}/, '')),
    ['/worker.js', '/duibiao-export.js', '/duibiao-export_bg.wasm'],
    'after the app loaded, only the writer when a download is first asked for');

  // The drafter dialog (issue 26) loads its one script when first opened; its drafting runs in
  // the writer already loaded, and its plan file is a blob: download.
  const beforeDrafter = requests.length;
  await page.click('#build-plan');
  await page.fill('#drafter-text', '学前教育毛入园率保持在97%以上。');
  await page.click('#drafter-generate');
  await page.waitForSelector('#drafter-table');
  await page.fill('#drafter-region', '某县');
  await Promise.all([page.waitForEvent('download'), page.click('#drafter-download')]);
  assert.deepEqual(requests.slice(beforeDrafter).filter((url) => !url.startsWith('blob:')).map((url) => new URL(url).pathname),
    ['/drafter.js'], 'opening the drafter loads drafter.js and nothing else');
  assert.deepEqual(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:')), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  // 'unsafe-eval' beside 'wasm-unsafe-eval' for Chromium < 97 (README.md, Privacy).
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.equal(await page.$('script:not([src])'), null, 'no inline script');
  await page.close();
});

test('nothing from the file is stored: only the language preference', async () => {
  const { page } = await recordingPage(app.server.url);
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  await page.click('button.lang-toggle');
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookies: document.cookie,
    databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
    caches: 'caches' in self ? await caches.keys() : [],
  }));
  assert.deepEqual(stored, { local: ['duibiao.lang'], session: [], cookies: '', databases: [], caches: [] });
  await page.close();
});

test('the embed demo shows the widget without its header and sizes the iframe to it', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1024, height: 700 } });
  await page.goto(`${app.server.url}embed-demo.html`);
  const frame = await (await page.waitForSelector('iframe#duibiao')).contentFrame();
  await frame.waitForSelector('input[type=file]');
  assert.equal(await frame.isVisible('.page-header'), false, 'no page header inside the portal');
  const heightBefore = await page.$eval('iframe#duibiao', (f) => f.getBoundingClientRect().height);
  await frame.setInputFiles('#file-input', join(dist, '..', 'tests', 'fixtures', 'long-kecheng-2023.xlsx'));
  await frame.waitForSelector('tr[data-status]');
  await page.waitForFunction((before) => document.getElementById('duibiao').getBoundingClientRect().height > before + 500, heightBefore);
  const heightAfter = await page.$eval('iframe#duibiao', (f) => f.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(heightAfter - content) <= 2, `iframe ${heightAfter}px fits its content ${content}px`);
  await page.close();
});

test('the one-file copy works from file:// with the network off', async () => {
  const offline = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await offline.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(pathToFileURL(join(dist, 'duibiao-offline.html')).href);
  await page.waitForSelector('input[type=file]');
  // The page itself: its title, its stylesheet applied (not shown as text), the browser check inlined.
  assert.match(await page.title(), /^对标自查 · /);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim()), '#1f2328');
  assert.ok(!(await page.textContent('body')).includes('--ink'), 'no stylesheet text in the page');
  assert.equal(await page.locator('script:not([src])').count(), 2, 'the browser check and the app, inlined');
  // The sample, which the served page loads from plans/samples/, is inside the file.
  await page.click('#try-sample');
  await page.waitForSelector('.file-facts h2:has-text("示例-柯城区2023年监测表.xlsx")');
  await page.waitForSelector('tr[data-as-written="儿童伤害死亡率"][data-status="on_track"]');
  await pick(page, 'long-kecheng-2023.xls');
  await page.waitForSelector('.file-facts h2:has-text("long-kecheng-2023.xls")');
  await page.waitForSelector('tr[data-as-written="儿童伤害死亡率"][data-status="on_track"]');
  assert.deepEqual(problems, []);
  await offline.close();
});
