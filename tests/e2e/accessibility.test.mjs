// WCAG 2.1 A and AA, as axe-core (npm) checks them, on what an official sees: the landing page,
// the results with a row’s detail open, the same on a phone, the portal’s widget, and the drafter dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { servedApp, pick, root, fixtures } from './support.mjs';

const app = servedApp();
const AXE = join(root, 'node_modules', 'axe-core', 'axe.min.js');
const RULES = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

/** axe's violations in `frame` (a page or an iframe's frame), one line each. */
async function violations(frame) {
  await frame.addScriptTag({ path: AXE });
  const found = await frame.evaluate((rules) => window.axe.run(document, rules).then((r) => r.violations), RULES);
  return found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** A page whose CSP lets the test add axe's script (the app's own CSP forbids any other). */
async function page(viewport = { width: 1280, height: 720 }) {
  const context = await app.browser.newContext({ viewport, bypassCSP: true });
  return context.newPage();
}

test('the landing page has no WCAG 2.1 A/AA violation', async () => {
  const tab = await page();
  await tab.goto(app.server.url);
  await tab.waitForSelector('input[type=file]');
  assert.deepEqual(await violations(tab), []);
  await tab.context().close();
});

for (const [name, viewport] of [['1280 px', { width: 1280, height: 720 }], ['a 390 px phone', { width: 390, height: 844 }]]) {
  test(`the results with a detail open, unmatched rows and the matrix, at ${name}: no violation`, async () => {
    const tab = await page(viewport);
    await tab.goto(app.server.url);
    await tab.waitForSelector('input[type=file]');
    await pick(tab, 'wide-regions-2023.xlsx');
    await tab.waitForSelector('tr[data-status]');
    await tab.click('tbody tr[data-status] .row-toggle');
    await tab.waitForSelector('.detail-row');
    assert.deepEqual(await violations(tab), []);
    await tab.context().close();
  });
}

test('the widget in the portal, after a check: no violation', async () => {
  const tab = await page({ width: 848, height: 800 });
  await tab.goto(`${app.server.url}embed-demo.html`);
  const frame = await (await tab.waitForSelector('iframe#duibiao')).contentFrame();
  await frame.waitForSelector('#file-input', { state: 'attached' });
  await frame.setInputFiles('#file-input', join(fixtures, 'long-kecheng-2023.xlsx'));
  await frame.waitForSelector('tr[data-status]');
  assert.deepEqual(await violations(frame), []);
  await tab.context().close();
});

test('the drafter dialog with a draft under review: no violation', async () => {
  const tab = await page();
  await tab.goto(app.server.url);
  await tab.waitForSelector('input[type=file]');
  await tab.click('#load-plan');
  await tab.click('#build-plan');
  await tab.fill('#drafter-text', '(一)儿童与健康\n1.婴儿死亡率和5岁以下儿童死亡率分别控制在4.5‰和6.0‰以下。\n2020年全县义务教育巩固率为99.2%。');
  await tab.click('#drafter-generate');
  await tab.waitForSelector('#drafter-table');
  assert.deepEqual(await violations(tab), []);
  await tab.context().close();
});
