// Bundle sizes (make bench-sizes): gzip -9 and brotli -q 11 of every file in dist/, split by when
// the page loads it — recorded in headless Chromium, not assumed: the first paint, then the
// user's first pick of a file (the app and its worker), and files the page never loads itself
// (the embed demo, plan files named by ?plan=, the one-file offline copy).
import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative } from 'node:path';
import { serveDist, launch, dist, fixtures } from '../tests/e2e/support.mjs';

async function files(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await files(path)));
    else out.push(relative(dist, path));
  }
  return out.sort();
}

const server = await serveDist();
const browser = await launch();
const page = await browser.newPage();
const requested = [];
page.on('request', (r) => requested.push(decodeURIComponent(new URL(r.url()).pathname).slice(1) || 'index.html'));
await page.goto(server.url);
await page.waitForSelector('input[type=file]');
await page.waitForLoadState('networkidle');
const firstPaint = new Set(requested);
await page.setInputFiles('input[type=file]', join(fixtures, 'long-kecheng-2023.xlsx'));
await page.waitForSelector('tr[data-status]');
await page.waitForLoadState('networkidle');
const afterPick = new Set(requested.filter((f) => !firstPaint.has(f)));
await browser.close();
await server.close();

const phases = [
  ['before a file is picked', (f) => firstPaint.has(f)],
  ['after the first pick (the app and its worker)', (f) => afterPick.has(f)],
  ['not loaded by the page', (f) => !firstPaint.has(f) && !afterPick.has(f)],
];
const rows = [];
for (const file of await files(dist)) {
  const bytes = await readFile(join(dist, file));
  rows.push({
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const line = (name, r) => console.log(`${name.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${'file (kB = 1000 bytes)'.padEnd(44)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
const app = { raw: 0, gzip: 0, brotli: 0 };
for (const [phase, belongs] of phases) {
  console.log(`— ${phase}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows.filter((r) => belongs(r.file))) {
    line(`  ${r.file}`, r);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  line('  total', total);
  if (phase !== 'not loaded by the page') for (const k of Object.keys(app)) app[k] += total[k];
}
line('whole app (everything the page loads)', app);
