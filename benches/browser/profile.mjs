// Where the worker's time goes (make bench-profile): V8's sampling profiler on duibiao's worker
// in headless Chromium, reading one generated file (default rows-200000.xlsx) three times after a
// warm-up. Needs target/profile-dist/: dist/ with the worker's wasm rebuilt by wasm-bindgen
// --keep-debug, so the profile names Rust functions. That wasm skips wasm-opt, which the shipped
// worker goes through ("s"): shares are a guide, not the shipped figures (make bench-browser).
// Prints self and inclusive time per function and writes target/worker.cpuprofile (open it in
// Chromium's DevTools, Performance panel).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, root } from '../../tests/e2e/support.mjs';
import { serveBench } from './serve.mjs';

const name = process.argv[2] ?? 'rows-200000.xlsx';
const RUNS = 3;
const server = await serveBench(join(root, 'target', 'profile-dist'));
const browser = await launch();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench/page.html`);

// Workers are reached through the page's session: auto-attach with the worker paused at start,
// then talk to it with Target.sendMessageToTarget (the non-flat protocol Playwright can carry).
const cdp = await page.context().newCDPSession(page);
let lastId = 0;
const pending = new Map();
const workers = [];
cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
  const reply = JSON.parse(message);
  pending.get(reply.id)?.(reply);
  pending.delete(reply.id);
});
const send = (sessionId, method, params = {}) =>
  new Promise((resolve) => {
    const id = ++lastId;
    pending.set(id, resolve);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  });
cdp.on('Target.attachedToTarget', async ({ sessionId }) => {
  workers.push(sessionId);
  await send(sessionId, 'Profiler.enable');
  await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
  await send(sessionId, 'Runtime.runIfWaitingForDebugger');
});
await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });

// page.js's helpers: start the worker as the app does, one untimed read to warm up.
await page.evaluate(async (name) => {
  window.profiled = { buffer: await (await fetch(`/inputs/${name}`)).arrayBuffer() };
  // The full reader: the one `make bench-profile` rebuilds with its function names.
  window.profiled.worker = new Worker('/bench/duibiao-worker.js?reader=duibiao-worker');
  await reply(window.profiled.worker, (m) => m.ready === true);
  await duibiaoOnce(window.profiled.worker, name, window.profiled.buffer);
}, name);
const worker = workers.at(-1);
await send(worker, 'Profiler.start');
const times = await page.evaluate(async ([name, runs]) => {
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push((await duibiaoOnce(window.profiled.worker, name, window.profiled.buffer)).ms);
  return ms;
}, [name, RUNS]);
const { result } = await send(worker, 'Profiler.stop');
await browser.close();
server.close();

const profile = result.profile;
await writeFile(join(root, 'target', 'worker.cpuprofile'), JSON.stringify(profile));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
const label = (node) => (node.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/, '');
const own = new Map();
const within = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  own.set(label(nodes.get(id)), (own.get(label(nodes.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(label(nodes.get(at)));
  for (const f of seen) within.set(f, (within.get(f) ?? 0) + dt);
});
const total = [...own.values()].reduce((a, b) => a + b, 0);
const table = (map, n) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([f, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000 / RUNS).toFixed(0).padStart(5)} ms/run  ${f.slice(0, 140)}`)
    .join('\n');
console.log(`${name}: ${times.map((t) => t.toFixed(0)).join(', ')} ms (profiled, ${RUNS} runs)`);
console.log(`— self time\n${table(own, 30)}\n— inclusive time\n${table(within, 40)}`);
