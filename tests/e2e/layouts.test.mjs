// Findings first on every screen (issue 25), on current Chromium and Chromium 86: after a pick the
// results' heading is in view and has the focus; a keyboard reaches a download in a few Tabs; a
// phone 390 px wide never scrolls the page sideways and no cell is squeezed below two characters;
// the portal's 800 px widget is as tall as its content; and the printout is a report to hand up.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, artifacts, fixtures } from './support.mjs';
import { KERNELS, startKernel } from './browsers.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(() => server?.close());

/** In the page: how far the page scrolls sideways, and the shown cells narrower than two
 * characters of their own font (text in them then stands one character a line). */
function squeezed() {
  const narrow = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const box = cell.getBoundingClientRect();
    if (!cell.textContent.trim() || box.width === 0 || cell.closest('.print-only')) continue;
    if (box.width < 2 * parseFloat(getComputedStyle(cell).fontSize)) {
      narrow.push(`${cell.textContent.trim().slice(0, 12)} ${Math.round(box.width)}px`);
    }
  }
  const root = document.documentElement;
  return { sideways: root.scrollWidth - root.clientWidth, narrow };
}

/** In the page: the focused element's id and whether the results' heading is in the window. */
function headingState() {
  const heading = document.getElementById('facts-heading');
  const box = heading.getBoundingClientRect();
  return { focused: document.activeElement?.id, inView: box.top >= -1 && box.bottom <= window.innerHeight };
}

/** What the window shows now (the first screen after a pick is the point of this issue). */
async function shot(tab, name) {
  await mkdir(artifacts, { recursive: true });
  await tab.page.screenshot({ path: join(artifacts, `${name}.png`) });
}

for (const kernel of KERNELS.filter((k) => k.version === 86 || k.version === null)) {
  describe(kernel.name, () => {
    let browser;
    before(async () => {
      browser = await startKernel(kernel);
    });
    after(() => browser?.close());

    async function onPage(width, height, body) {
      const tab = await browser.newTab();
      try {
        await tab.viewport(width, height);
        await tab.goto(server.url);
        await body(tab);
        assert.deepEqual(tab.errors.filter((e) => !/wasm-unsafe-eval/.test(e)), []);
      } finally {
        await tab.close();
      }
    }

    test('1280 px: the results heading is in view and focused; a keyboard reaches a download in under 15 Tabs', () =>
      onPage(1280, 720, async (tab) => {
        await tab.pick('wide-regions-2023.xlsx');
        await tab.waitFor('tr[data-status]');
        await tab.waitUntil(() => document.activeElement?.id === 'facts-heading');
        assert.deepEqual(await tab.evaluate(headingState), { focused: 'facts-heading', inView: true });
        // The download buttons come right after the heading's own controls.
        let presses = 0;
        while (presses < 15 && (await tab.evaluate(() => document.activeElement?.id)) !== 'download-xlsx') {
          await tab.page.keyboard.press('Tab');
          presses += 1;
        }
        assert.equal(await tab.evaluate(() => document.activeElement?.id), 'download-xlsx', `reached in ${presses} Tabs`);
        assert.ok(presses < 15, `${presses} Tabs`);
        // Findings first: the rows that need action lead the table.
        const first = await tab.all('tbody tr[data-status]', (rows) => rows.slice(0, 3).map((r) => r.dataset.status));
        assert.ok(first.every((s) => ['not_met', 'behind', 'review'].includes(s)), first.join());
        assert.match(await tab.text('.trend-key'), /▲▼/);
        if (kernel.version === null) await shot(tab, 'layout-1280');
      }));

    test('390 px phone: rows as cards, no sideways scroll of the page, no squeezed cell', () =>
      onPage(390, 844, async (tab) => {
        await tab.pick('wide-regions-2023.xlsx');
        await tab.waitFor('tr[data-status]');
        await tab.waitUntil(() => document.activeElement?.id === 'facts-heading');
        if (kernel.version === null) await shot(tab, 'layout-390-phone');
        // A row's detail open, too: it must fit the phone as well.
        await tab.click('tbody tr[data-status] .row-toggle');
        await tab.waitFor('.detail-row');
        await tab.evaluate(() => document.querySelector('.detail-row').scrollIntoView());
        // Nothing in the detail runs past the phone's edge (a long sentence, the select, the chart).
        const past = await tab.evaluate(() => [...document.querySelectorAll('.detail-row *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className.baseVal ?? e.className}`));
        assert.deepEqual(past, [], 'the detail fits the phone');
        const { sideways, narrow } = await tab.evaluate(squeezed);
        assert.equal(sideways, 0, 'the page does not scroll sideways');
        assert.deepEqual(narrow, [], 'no cell narrower than two characters');
        const card = await tab.evaluate(() => getComputedStyle(document.querySelector('.results-table tr[data-status]')).display);
        assert.equal(card, 'block', 'a row is a card');
        if (kernel.version === null) await shot(tab, 'layout-390-phone-detail');
      }));

    test('800 px widget: the frame is as tall as its content, nothing cut off', () =>
      onPage(848, 800, async (tab) => {
        await tab.page.goto(`${server.url}embed-demo.html`);
        const frameElement = await tab.page.waitForSelector('iframe#duibiao');
        const frame = await frameElement.contentFrame();
        await frame.waitForSelector('#file-input');
        const width = await tab.evaluate(() => document.getElementById('duibiao').getBoundingClientRect().width);
        assert.ok(Math.abs(width - 800) <= 2, `the widget is ${width}px wide`);
        if (tab.driver === 'playwright') await frame.setInputFiles('#file-input', join(fixtures, 'wide-regions-2023.xlsx'));
        else await (await frame.$('#file-input')).uploadFile(join(fixtures, 'wide-regions-2023.xlsx'));
        await frame.waitForSelector('tr[data-status]');
        await tab.waitUntil(() => {
          const f = document.getElementById('duibiao');
          return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.scrollHeight) <= 2;
        });
        const { sideways, narrow } = await frame.evaluate(squeezed);
        assert.equal(sideways, 0, 'the widget does not scroll sideways');
        assert.deepEqual(narrow, []);
        const cut = await frame.evaluate(() => [...document.querySelectorAll('.table-scroll')]
          .filter((s) => s.closest('.results') && s.scrollWidth > s.clientWidth + 1).length);
        assert.equal(cut, 0, 'the results are not cut off at the side');
        if (kernel.version === null) await shot(tab, 'layout-800-widget');
      }));
  });
}
