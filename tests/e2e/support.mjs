// Shared by the end-to-end tests: a static server for dist/ and Debian's Chromium via playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const dist = join(root, 'dist');
export const fixtures = join(root, 'tests', 'fixtures');
export const artifacts = join(here, 'artifacts');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Serves dist/ on an ephemeral loopback port, plus `extra` { path: body } routes; resolves to
 * { url, close, requests } where requests lists every path asked for. */
export async function serveDist(extra = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (path in extra) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Opens the page and waits until the app has mounted. */
export async function openApp(browser, url, viewport = { width: 1280, height: 720 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('input[type=file]');
  return { page, errors };
}

/** Picks a fixture by name, or { name, mimeType, buffer } made by the test. */
export async function pick(page, fixture) {
  const file = typeof fixture === 'string' ? join(fixtures, fixture) : fixture;
  await page.setInputFiles('#file-input', file);
}

export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** { as_written → status } of the result rows on screen. */
export async function statuses(page) {
  return page.$$eval('tr[data-status]', (rows) =>
    Object.fromEntries(rows.filter((r) => r.dataset.asWritten).map((r) => [r.dataset.asWritten, r.dataset.status])),
  );
}

/** For a test file: serves dist/ (plus the routes `extraRoutes()` returns) and starts Chromium
 * before its tests, stops both after. `app.server` and `app.browser` are set once started. */
export function servedApp(extraRoutes = async () => ({})) {
  const app = {};
  before(async () => {
    app.server = await serveDist(await extraRoutes());
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

// Worked out by hand from the plan's targets (tests/fixtures/README.md has the cells).
export const KECHENG_2023 = {
  '严重致残的出生缺陷发生率（‰）': 'behind',
  '千名儿童儿科执业（助理）医师数': 'on_track',
  '每千人口拥有3岁以下婴幼儿托位数': 'behind',
  '儿童伤害死亡率': 'on_track',
  '普惠性幼儿园覆盖率': 'met',
  '学前三年毛入园率': 'met',
  '高中阶段毛入学率': 'met',
  '未成年人救助保护中心实体化运行率': 'on_track',
  '获得法律机构援助的未成年人数': 'review',
  '残疾儿童康复救助人数': 'not_met',
  '乡镇（街道）建有示范型儿童之家的比例': 'on_track',
  '建立儿童活动中心的县（市、区）比例': 'missing',
};

/** The sheet names and all text of an .xlsx, read with python's zipfile (an independent reader). */
export function xlsxText(path) {
  const script = `
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
book = z.read('xl/workbook.xml').decode()
print('SHEETS', ','.join(re.findall(r'<sheet name="([^"]+)"', book)))
text = z.read('xl/sharedStrings.xml').decode() if 'xl/sharedStrings.xml' in z.namelist() else ''
print(text)`;
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

/** A township roll-up as one wide .csv: a title row with the year, then 指标名称, 单位 and a
 * column per town, a row for each of the children's plan's first `indicators` indicators that
 * have a figure to go by (a target's or the base's), figures within ±10 % of it. */
export function townshipRollUp(towns, indicators) {
  const plan = JSON.parse(readFileSync(join(root, 'static/plans/quzhou-children-2021-2025.json'), 'utf8'));
  const rows = plan.indicators.filter((i) => typeof i.target.value === 'number' || i.baseline).slice(0, indicators);
  const names = [];
  for (const a of '东南西北上下前后新老大小金银石龙凤云山水') for (const b of '塘溪桥岭坑口田湖坞源') for (const c of '安宁') {
    if (names.length < towns) names.push(`${a}${b}${c}镇`);
  }
  if (rows.length !== indicators || names.length !== towns) throw new Error('the plan or the name list is too short');
  const lines = ['某县各乡镇儿童发展监测表（2023年）', ['指标名称', '单位', ...names].join(',')];
  rows.forEach((indicator, row) => {
    const centre = indicator.baseline?.value ?? indicator.target.value;
    const figures = names.map((_, town) => (centre * (0.9 + ((row * 7 + town * 13) % 21) / 100)).toFixed(2));
    lines.push([indicator.name, indicator.unit, ...figures].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
