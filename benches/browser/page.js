// Runs in the benchmark page (run.mjs drives it): times duibiao's worker and SheetJS's on the
// same bytes. Each clock starts when the bytes are posted and stops at the answer.

function reply(worker, accept) {
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => reject(new Error(e.message));
    worker.onmessage = (event) => {
      if (accept(event.data)) resolve(event.data);
    };
  });
}

/**
 * The request the page's worker client sends (src/web/client.rs) for a check with the default
 * options, as the bytes `protocol::encode` makes of it (postcard: the variant `check` = 2, the
 * name's length and UTF-8 bytes, then the nine empty option fields). The core's test
 * `protocol::tests::a_check_with_default_options_is_the_bytes_the_benchmark_writes` keeps this
 * true.
 */
function checkMessage(name, bytes) {
  const utf8 = new TextEncoder().encode(name);
  const length = [];
  for (let n = utf8.length; ; n >>= 7) {
    if (n < 0x80) {
      length.push(n);
      break;
    }
    length.push((n & 0x7f) | 0x80);
  }
  const request = Uint8Array.from([2, ...length, ...utf8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  return { request, bytes };
}

async function duibiaoOnce(worker, name, buffer) {
  const bytes = new Uint8Array(buffer.slice(0));
  const answer = reply(worker, (m) => m.kind === 'checked' || m.kind === 'failed');
  const start = performance.now();
  worker.postMessage(checkMessage(name, bytes), [bytes.buffer]);
  const message = await answer;
  const ms = performance.now() - start;
  if (message.kind !== 'checked') throw new Error(`${name}: the reader could not check it`);
  return { ms, memory: message.wasmMemoryBytes, reply: message.response.length };
}

async function sheetjsOnce(worker, buffer) {
  const bytes = new Uint8Array(buffer.slice(0));
  const answer = reply(worker, (m) => 'rows' in m);
  const start = performance.now();
  worker.postMessage({ bytes }, [bytes.buffer]);
  const message = await answer;
  return { ms: performance.now() - start, rows: message.rows };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One input: a fresh worker of each kind (duibiao's is ready when it says so; SheetJS's first,
 * untimed run loads it), one warm-up run each, then `runs` timed runs. */
window.benchFile = async (name, runs, withSheetjs) => {
  const buffer = await (await fetch(`/inputs/${name}`)).arrayBuffer();
  // The reader the page would start for this file (src/web/client.rs).
  const readerUrl = `/bench/duibiao-worker.js?reader=${/\.(xls|xlsb|ods)$/i.test(name) ? 'duibiao-worker' : 'duibiao-worker-light'}`;
  // Peak memory: a fresh worker reading the file once, as a user's first pick does.
  const fresh = new Worker(readerUrl);
  await reply(fresh, (m) => m.ready === true);
  // …and its time: a fresh worker's code is still V8's baseline compile, as on a user's first pick.
  const { memory, ms: firstMs } = await duibiaoOnce(fresh, name, buffer);
  fresh.terminate();
  const duibiao = new Worker(readerUrl);
  await reply(duibiao, (m) => m.ready === true);
  await duibiaoOnce(duibiao, name, buffer);
  const ours = [];
  for (let i = 0; i < runs; i++) ours.push(await duibiaoOnce(duibiao, name, buffer));
  duibiao.terminate();
  const out = {
    name,
    bytes: buffer.byteLength,
    runs,
    duibiaoMs: median(ours.map((r) => r.ms)),
    duibiaoFirstMs: firstMs,
    wasmMemoryBytes: memory,
    replyBytes: ours[0].reply,
  };
  if (withSheetjs) {
    const sheetjs = new Worker('/bench/sheetjs-worker.js');
    await sheetjsOnce(sheetjs, buffer);
    const theirs = [];
    for (let i = 0; i < runs; i++) theirs.push(await sheetjsOnce(sheetjs, buffer));
    sheetjs.terminate();
    out.sheetjsMs = median(theirs.map((r) => r.ms));
    out.sheetjsRows = theirs[0].rows;
  }
  return out;
};
