// Bundle sizes (make bench-sizes): gzip -9 and brotli -q 11 of every file in dist/, split by when
// the page loads it — recorded in headless Chromium, not assumed: the first paint, then the
// user's first pick of a file (the app and its worker), and files the page never loads itself
// (the embed demo, plan files named by ?plan=, the one-file offline copy). The measuring is
// benches/load-phases.mjs, which the size budgets (build/budgets.mjs) use too.
import { PHASES, measureLoads, total } from './load-phases.mjs';

const rows = await measureLoads();
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const line = (name, r) => console.log(`${name.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${'file (kB = 1000 bytes)'.padEnd(44)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
for (const [phase, title] of Object.entries(PHASES)) {
  console.log(`— ${title}`);
  for (const r of rows.filter((r) => r.phase === phase)) line(`  ${r.file}`, r);
  line('  total', total(rows, [phase]));
}
line('whole app (everything the page loads)', total(rows, ['firstPaint', 'firstPick']));
