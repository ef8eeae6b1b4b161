// The main journeys on each browser kernel an official may have (issue 14): Chromium 86 (360安全
// 浏览器 13, many 奇安信 desktops), Chromium 109 (the last Chrome on Windows 7) and Debian's current
// Chromium, and Debian's Firefox ESR. Each kernel: a long .xlsx with its detail and the privacy promise, a wide .xls, a GBK
// .csv, a broken file then a good one, the report downloaded as .xlsx, a plan built from its pasted
// text (issue 26), the one-file offline copy.
// make test-kernels (part of make test) unpacks the old kernels first (build/old-chromium.mjs).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serveDist, dist, KECHENG_2023, xlsxText } from './support.mjs';
import { KERNELS, startKernel } from './browsers.mjs';
import { COUNTY_PLAN_TEXT, COUNTY_SUBMISSION, COUNTY_2023_EDITED } from './county-plan.mjs';

let server;
before(async () => {
  server = await serveDist();
});
after(() => server?.close());

for (const kernel of KERNELS) {
  const skip = kernel.firefox && !existsSync(kernel.firefox) && `${kernel.firefox} is not installed (make browser)`;
  describe(kernel.name, { skip }, () => {
    let browser;
    before(async () => {
      browser = await startKernel(kernel);
    });
    after(() => browser?.close());

    /** A tab on the served page; `check(tab)` after the test body: no error, no CSP violation. */
    async function journey(body, { url = server.url, offline = false } = {}) {
      const tab = await browser.newTab({ offline });
      try {
        await tab.goto(url);
        assert.equal(await tab.evaluate(() => document.documentElement.classList.contains('browser-too-old')), false,
          'the browser check lets this kernel in');
        await body(tab);
        // Chromium before 97 does not know 'wasm-unsafe-eval' and says so; 'unsafe-eval' beside
        // it is what lets it compile the app (README.md, Privacy). Chromium 86 also reports each
        // WebAssembly compile as a script-src violation of "eval" even though it then compiles
        // (seen with a bare module under script-src 'self' 'unsafe-eval'; 109 reports none).
        const old = browser.version < 97;
        const violations = await tab.evaluate(() => window.__cspViolations);
        assert.deepEqual(violations.filter((v) => !(old && v === 'script-src eval')), []);
        assert.deepEqual(tab.errors.filter((e) => !(old && /invalid source: ''wasm-unsafe-eval''/.test(e))), []);
      } finally {
        await tab.close();
      }
    }

    test('a long .xlsx: every status, a row’s detail, and no request after the app has loaded', () =>
      journey(async (tab) => {
        const origin = new URL(server.url).origin;
        // What the server was asked for (the worker's requests too, which puppeteer does not show).
        const landing = server.requests.length;
        await tab.pick('long-kecheng-2023.xlsx');
        await tab.waitFor('tr[data-status]');
        assert.deepEqual(await tab.statuses(), KECHENG_2023);
        assert.equal((await tab.all('tbody tr[data-status]', (rows) => rows.length)), 12, 'the indicators the file mentions');
        assert.match(await tab.text('.not-in-file summary'), /（32）/, 'the others listed once, folded');
        assert.deepEqual(await tab.all('.unmatched li', (items) => items.map((li) => li.dataset.asWritten)), ['全市常住人口']);
        const loaded = server.requests.length;
        assert.deepEqual(server.requests.slice(landing).map((path) => path.replace(/-[0-9a-f]{8,16}/, '')),
          ['/duibiao-web.js', '/duibiao-web_bg.wasm', '/worker.js', '/duibiao-worker-light.js', '/duibiao-worker-light_bg.wasm'],
          'the app loads on first use, page then worker');

        await tab.click('tr[data-indicator="child_injury_mortality"] .row-toggle');
        await tab.waitFor('.detail-row');
        assert.match(await tab.text('.detail-row'), /2023 年应不高于 9\.468（文件中 2020 年 10\.5 → 2025 年 <8\.78\/10万 的直线进度）/);
        assert.equal(await tab.all('.detail-row .value-chart circle', (c) => c.length), 3, '2020, 2022 and 2023');
        await tab.click('button.lang-toggle');
        await tab.waitUntil(() => document.documentElement.lang === 'en');
        assert.match(await tab.text('body'), /never uploaded/);

        assert.deepEqual(server.requests.slice(loaded), [], 'no request after the app has loaded');
        // blob: (downloads) and data: (Firefox loads a font of its own so) never reach a network.
        assert.deepEqual(tab.requests.filter((url) => !/^(blob|data):/.test(url) && !url.startsWith(origin)), [], 'none elsewhere');
        assert.equal(await tab.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'no inline script');
      }));

    test('table shapes: a tidy export, a sheet per county, a column corrected in the page, a partial township file', () =>
      journey(async (tab) => {
        const rows = () => tab.all('tbody tr[data-status]', (trs) => trs.map((tr) => [tr.dataset.indicator, tr.querySelector('td.region').textContent]));
        const regions = async () => [...new Set((await rows()).map(([, region]) => region))].sort();
        const counties = ['开化县', '柯城区', '衢江区'];
        await tab.pick('shapes/tidy-regions-years.xlsx');
        await tab.waitFor('tr[data-status]');
        assert.equal((await rows()).length, 12, '4 indicators × 3 counties in 2023');
        assert.deepEqual(await regions(), counties);
        assert.match(await tab.text('.how-read'), /明细表/);

        await tab.pick('shapes/sheet-per-county.xlsx');
        await tab.waitUntil(() => /sheet-per-county/.test(document.querySelector('.file-facts h2')?.textContent));
        assert.deepEqual(await regions(), counties, 'each sheet gives its name to its rows');
        const how = await tab.text('.how-read');
        assert.match(how, /旧数据（隐藏）/);
        assert.match(how, /说明（不是指标表）/);

        await tab.pick('shapes/bad/two-year-columns-disagree.xlsx');
        // The prompt's own button: the last file's facts have one of the same name until the answer comes.
        await tab.waitFor('.columns-prompt #correct-reading');
        assert.match(await tab.text('[role=alert]'), /不一致/);
        await tab.click('.columns-prompt #correct-reading');
        await tab.waitFor('.corrections-dialog select[data-column="3"]');
        await tab.select('.corrections-dialog select[data-column="3"]', 'ignored');
        await tab.click('.corrections-dialog button[type=submit]');
        await tab.waitFor('tr[data-status]');
        assert.equal((await rows()).length, 12, 'read once told which year column to leave');
        assert.match(await tab.text('.how-read'), /D 统计年度 → 不读取/);

        await tab.pick('shapes/township-partial-2023.csv');
        await tab.waitUntil(() => /township-partial/.test(document.querySelector('.file-facts h2')?.textContent));
        assert.equal((await rows()).length, 18, '3 indicators × 6 towns, no row for what the file never mentions');
        assert.match(await tab.text('.not-in-file summary'), /（41）/);
      }));

    test('a wide .xls: the region × indicator matrix and the region filter', () =>
      journey(async (tab) => {
        await tab.pick('wide-regions-2023.xls');
        await tab.waitFor('.matrix');
        const matrix = await tab.all('.matrix tbody tr', (rows) =>
          rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.dataset.status ?? '')));
        assert.deepEqual(matrix[0], ['on_track', 'behind', 'met', 'on_track'], '儿童伤害死亡率 by region');
        await tab.select('#filter-region', '衢江区');
        const regions = await tab.all('tbody tr[data-indicator] td.region', (tds) => [...new Set(tds.map((td) => td.textContent))]);
        assert.deepEqual(regions, ['衢江区']);
      }));

    test('a broken file shows a plain message, then a GBK .csv is read with its encoding named', () =>
      journey(async (tab) => {
        await tab.pick('bad/word.docx.xlsx');
        await tab.waitFor('[role=alert]');
        assert.match(await tab.text('[role=alert]'), /word\.docx\.xlsx.*不是电子表格.*Word 文档/);
        await tab.pick('long-kecheng-2023-gbk.csv');
        await tab.waitFor('tr[data-status]');
        assert.equal(await tab.evaluate(() => document.querySelector('[role=alert]')), null, 'the message has gone');
        assert.deepEqual(await tab.statuses(), KECHENG_2023);
        assert.equal(await tab.evaluate(() => document.querySelector('#encoding-select').value), 'GB18030');
      }));

    test('the report downloads as an .xlsx holding every result', () =>
      journey(async (tab) => {
        await tab.pick('long-kecheng-2023.xlsx');
        await tab.waitFor('tr[data-status]');
        const report = await tab.download('#download-xlsx');
        assert.equal(report.name, 'long-kecheng-2023-对标结果.xlsx');
        const text = xlsxText(report.path);
        assert.match(text, /SHEETS 汇总,结果,历年,未匹配,需核对/);
        for (const expected of ['儿童伤害死亡率', '进度正常', '未达标', '全市常住人口', 'F8']) {
          assert.ok(text.includes(expected), `the report holds ${expected}`);
        }
      }));

    test('a draft with slips: the figures to check first, one confirmed and evaluated, the .xlsx carries both', () =>
      journey(async (tab) => {
        await tab.pick('slips/county-draft-2023.csv');
        await tab.waitFor('tr[data-status]');
        const cards = () => tab.all('.cards li', (items) => items.map((li) => [li.dataset.status, li.querySelector('.count').textContent]));
        assert.deepEqual((await cards())[0], ['flagged', '7'], 'the figures to check come first');
        await tab.select('#filter-status', 'flagged');
        const shown = await tab.all('tbody tr[data-status]', (rows) => rows.map((r) => [r.dataset.indicator, r.dataset.status]));
        assert.equal(shown.length, 7);
        assert.ok(shown.every(([, status]) => status === 'review'), 'a slip is never met');
        await tab.select('#filter-status', '');

        const doctors = 'tr[data-indicator="pediatricians_per_1000_children"]';
        await tab.click(`${doctors} .row-toggle`);
        await tab.waitFor('.figure-check');
        assert.match(await tab.text('.figure-check'), /95人 与2022 年的 0\.9人相差约 100 倍，可能漏了小数点/);
        assert.match(await tab.text('.figure-check'), /核对无误后为：已达标/);
        await tab.click('.confirm-figure');
        await tab.waitUntil(() => document.querySelector('tr[data-indicator="pediatricians_per_1000_children"]')?.dataset.status === 'met');
        await tab.waitFor('.figure-check .confirmed');
        assert.deepEqual((await cards())[0], ['flagged', '6']);

        const report = await tab.download('#download-xlsx');
        const text = xlsxText(report.path);
        assert.ok(text.includes('已确认数值无误'), 'the confirmation is in the report');
        assert.ok(text.includes('【不合理】982% 超过“学前教育毛入园率”可能的最大值 150%'), 'and the open flags');
      }));

    test('a plan built from its pasted text: a target edited, the plan used on a submission', () =>
      journey(async (tab) => {
        await tab.click('#load-plan'); // the app loads on first use; its plan panel has the button
        await tab.waitFor('#build-plan');
        await tab.click('#build-plan');
        await tab.waitFor('#drafter-text');
        // Set as a paste sets it: typing Chinese through the old kernels' drivers is unreliable.
        await tab.evaluate((text) => {
          const area = document.querySelector('#drafter-text');
          area.value = text;
          area.dispatchEvent(new Event('input', { bubbles: true }));
        }, COUNTY_PLAN_TEXT);
        await tab.click('#drafter-generate');
        await tab.waitFor('#drafter-table');
        assert.equal(await tab.all('#drafter-table tbody tr', (rows) => rows.length), 5);
        await tab.evaluate(() => {
          document.querySelector('#drafter-region').value = '青溪县';
          const row = [...document.querySelectorAll('#drafter-table tbody tr')]
            .find((tr) => tr.querySelector('[data-field=name]').value === '学前教育毛入园率');
          row.querySelector('[data-field=value]').value = '94';
        });
        await tab.click('#drafter-use');
        await tab.waitUntil(() => !document.querySelector('#drafter') && /青溪县/.test(document.querySelector('.plan').textContent));
        const submission = join(mkdtempSync(join(tmpdir(), 'duibiao-')), COUNTY_SUBMISSION.name);
        writeFileSync(submission, COUNTY_SUBMISSION.buffer);
        await tab.pick(submission);
        await tab.waitFor('tr[data-status]');
        assert.deepEqual(await tab.statuses(), COUNTY_2023_EDITED);
      }));

    test('the one-file offline copy works from file:// with the network off', () =>
      journey(async (tab) => {
        await tab.pick('long-kecheng-2023.xls');
        await tab.waitFor('tr[data-status]');
        assert.deepEqual(await tab.statuses(), KECHENG_2023);
      }, { url: pathToFileURL(join(dist, 'duibiao-offline.html')).href, offline: true }));
  });
}

// What a browser too old for the app shows (IE, Chromium before 86): simulated in the current
// kernel by a WebAssembly that lacks the features the build needs, as Chromium 80–84 (no
// multi-value) or one without WebAssembly.
describe('a browser too old for the app', () => {
  let browser;
  before(async () => {
    browser = await startKernel(KERNELS.find((k) => k.version === null));
  });
  after(() => browser?.close());

  for (const [what, lack] of [
    ['WebAssembly without multi-value', () => { WebAssembly.validate = () => false; }],
    ['no WebAssembly at all', () => { delete window.WebAssembly; }],
  ]) {
    test(`${what}: the landing says which browsers work, in Chinese and English, and offers the offline copy`, async () => {
      const tab = await browser.newTab();
      await tab.page.addInitScript(lack);
      await tab.goto(server.url);
      await tab.waitUntil(() => document.documentElement.classList.contains('browser-too-old'));
      const notice = await tab.page.waitForSelector('.old-browser', { state: 'visible' });
      const text = await notice.textContent();
      assert.match(text, /本浏览器版本过旧/);
      assert.match(text, /Chromium 内核 86 及以上/);
      assert.match(text, /Chromium-based browser from version 86/);
      assert.match(text, /命令行版 duibiao/);
      assert.deepEqual(await tab.all('.old-browser a', (links) => links.map((a) => a.getAttribute('href'))),
        ['duibiao-offline.html', 'duibiao-offline.html']);
      assert.equal(await tab.page.isVisible('.drop-zone'), false, 'no file picker that cannot work');
      // Asking anyway (a ?plan= address starts the app at once) loads nothing.
      await tab.goto(`${server.url}?plan=plans/quzhou-children-2021-2025.json`);
      await tab.page.waitForSelector('.old-browser', { state: 'visible' });
      assert.equal(tab.requests.filter((url) => url.endsWith('.wasm')).length, 0);
      assert.deepEqual(tab.errors, []);
      await tab.close();
    });
  }
});
