// The township roll-up of breakdown.mjs on the old kernels officials' PCs run (make
// bench-breakdown-kernels): Chromium 86 and 109, unpacked by build/old-chromium.mjs and driven as
// tests/e2e/kernels.test.mjs drives them (one process, software GL). Each run is a new tab in the
// same browser; the first run of each browser starts it cold. Prints the time from the pick to
// the result header and the main-thread tasks over 50 ms after the pick.
import { join } from 'node:path';
import { writeFile, mkdir } from 'node:fs/promises';
import { startKernel } from '../../tests/e2e/browsers.mjs';
import { root, serveDist, townshipRollUp } from '../../tests/e2e/support.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const inputs = join(root, 'target', 'bench-inputs');
await mkdir(inputs, { recursive: true });
const file = join(inputs, 'township-2023.csv');
await writeFile(file, townshipRollUp(150, 41));

const server = await serveDist();
for (const version of [86, 109]) {
  const kernel = await startKernel({ version });
  for (let run = 0; run < RUNS; run += 1) {
    const tab = await kernel.newTab();
    await tab.page.evaluateOnNewDocument(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: Math.round(e.duration) }))))
        .observe({ entryTypes: ['longtask'] });
    });
    await tab.goto(server.url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const picked = await tab.evaluate(() => performance.now());
    await tab.pick(file);
    await tab.page.waitForFunction(() => /township/.test(document.querySelector('.file-facts')?.textContent ?? ''), { timeout: 60000 });
    const shown = await tab.evaluate(() => performance.now());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const long = await tab.evaluate((since) => window.__longTasks.filter((t) => t.start > since).map((t) => t.duration), picked);
    console.log(`Chromium ${version} run ${run + 1}: pick → result header ${Math.round(shown - picked)} ms, tasks over 50 ms after the pick: ${long.length ? long.map((d) => `${d} ms`).join(', ') : 'none'}`);
    await tab.close();
  }
  await kernel.close();
}
server.close();
