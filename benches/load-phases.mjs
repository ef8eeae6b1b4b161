// What the page downloads, and when: one measurement shared by the size benchmark
// (benches/sizes.mjs, make bench-sizes) and the size budgets (build/budgets.mjs, make
// check-budgets), so the two can never count differently. Recorded in headless Chromium, not
// assumed: the files the page requests from a fresh load until it is idle (the first paint), then
// those a first pick of an .xlsx adds until its results show (the app and its worker). Each file of
// dist/ is counted once, at its size as served: raw, gzip -9 and brotli -q 11 (kB = 1000 bytes).
import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, relative } from 'node:path';
import { serveDist, launch, dist, fixtures } from '../tests/e2e/support.mjs';

export const PHASES = {
  firstPaint: 'before a file is picked',
  firstPick: 'after the first pick (the app and its worker)',
  never: 'not loaded by the page',
};

/** The file the first pick reads, from tests/fixtures/. */
export const FIRST_PICK = 'long-kecheng-2023.xlsx';

async function files(dir) {
  const out = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await files(path)));
    else out.push(relative(dist, path));
  }
  return out.sort();
}

/** The dist/ paths the page requests: { firstPaint: Set, firstPick: Set } (disjoint). */
export async function recordLoads() {
  const server = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(decodeURIComponent(new URL(r.url()).pathname).slice(1) || 'index.html'));
    await page.goto(server.url);
    await page.waitForSelector('input[type=file]');
    await page.waitForLoadState('networkidle');
    const firstPaint = new Set(requested);
    await page.setInputFiles('input[type=file]', join(fixtures, FIRST_PICK));
    await page.waitForSelector('tr[data-status]');
    await page.waitForLoadState('networkidle');
    const firstPick = new Set(requested.filter((f) => !firstPaint.has(f)));
    return { firstPaint, firstPick };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Every file of dist/ with its sizes and the phase that loads it:
 * [{ file, raw, gzip, brotli, phase }] sorted by file, phase one of the keys of PHASES. */
export async function measureLoads() {
  const { firstPaint, firstPick } = await recordLoads();
  const rows = [];
  for (const file of await files(dist)) {
    const bytes = await readFile(join(dist, file));
    rows.push({
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      phase: firstPaint.has(file) ? 'firstPaint' : firstPick.has(file) ? 'firstPick' : 'never',
    });
  }
  return rows;
}

/** { raw, gzip, brotli } summed over the rows whose phase is one of `phases`. */
export function total(rows, phases) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows.filter((r) => phases.includes(r.phase))) {
    for (const k of Object.keys(sum)) sum[k] += r[k];
  }
  return sum;
}
