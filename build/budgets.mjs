// Budgets that fail the build (make check-budgets, part of make test): what a first check of an
// .xlsx downloads, what the first paint downloads, and the crates the page's light reader must
// not link. Each failure is one line naming the budget, the measured figure and the limit.
//   node build/budgets.mjs
// Sizes are measured as make bench-sizes measures them (benches/load-phases.mjs): gzip -9 of the
// dist/ files headless Chromium requests, kB = 1000 bytes. The crates are read from the light
// reader's wasm as cargo wrote it, before wasm-bindgen strips its names: its "name" custom
// section, function names subsection (under $CARGO_TARGET_DIR, default target/).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

// An official on a slow county line waits for this before the first results: issue 14 brought it
// from 551.5 to 442.8 kB, and the limit keeps that from creeping back.
export const FIRST_CHECK_GZIP_LIMIT = 450_000;
// The landing page must paint at once, before any wasm loads (static/boot.js): HTML, CSS, icon
// and the loader are a few kB, so any app code slipping into the first paint shows here.
export const FIRST_PAINT_GZIP_LIMIT = 100_000;
// The light reader decodes GB18030 with the browser's TextDecoder and plan files with JSON.parse
// (vendor/README.md); either crate linked back in costs tens of kB of the first check.
export const LIGHT_READER_FORBIDDEN_CRATES = ['encoding_rs', 'serde_json'];
// The plan drafter (issue 26) runs in the writer only: a first check must not carry it. Its
// functions are those whose path runs through duibiao_core::plan::draft (v0: `4plan5draft`).
export const LIGHT_READER_FORBIDDEN_MODULE = 'duibiao_core::plan::draft';
// A crate the light reader always links (it reads .xlsx with it): if its names cannot be found,
// the name reader no longer understands the binary and the crate check would pass for nothing.
export const LIGHT_READER_KNOWN_CRATE = 'calamine';
// The light reader as cargo builds it for trunk (index.html: profile "worker", no default features).
export const LIGHT_READER_WASM = 'wasm32-unknown-unknown/worker/duibiao-worker-light.wasm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---- the wasm "name" custom section ------------------------------------------------------------

class Reader {
  constructor(bytes, at, end) {
    Object.assign(this, { bytes, at, end });
  }
  byte() {
    if (this.at >= this.end) throw new Error(`unexpected end of the module at byte ${this.at}`);
    return this.bytes[this.at++];
  }
  u32() {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      if (shift > 28) throw new Error(`a LEB128 u32 longer than 5 bytes at byte ${this.at - 1}`);
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
    }
  }
  bytesOf(length) {
    if (this.at + length > this.end) throw new Error(`unexpected end of the module at byte ${this.at}`);
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }
  name() {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytesOf(this.u32()));
  }
  done() {
    return this.at >= this.end;
  }
}

/** The function names of a module's "name" section (subsection 1): Map function index → name,
 * or null when the module has no name section or it names no function. */
export function functionNames(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || !magic.every((b, i) => bytes[i] === b)) throw new Error('not a WebAssembly 1.0 binary');
  const top = new Reader(bytes, 8, bytes.length);
  let names = null;
  while (!top.done()) {
    const id = top.byte();
    const size = top.u32();
    const section = new Reader(bytes, top.at, top.at + size);
    top.bytesOf(size);
    if (id !== 0 || section.name() !== 'name') continue;
    while (!section.done()) {
      const sub = section.byte();
      const subSize = section.u32();
      const r = new Reader(bytes, section.at, section.at + subSize);
      section.bytesOf(subSize);
      if (sub !== 1) continue; // 0 module name, 2 locals, and the extended ones
      names ??= new Map();
      for (let n = r.u32(); n > 0; n--) {
        const index = r.u32();
        names.set(index, r.name());
      }
    }
  }
  return names;
}

// ---- which crates a Rust symbol names ----------------------------------------------------------

const LEGACY_ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

/** A legacy-mangled Rust name (_ZN…E) as its path, hash dropped: `encoding_rs::foo`. */
export function demangleLegacy(symbol) {
  const m = /^_{0,2}ZN(.*)E(?:\.[\w.$]*)?$/.exec(symbol);
  if (!m) return null;
  const rest = m[1];
  const segments = [];
  let at = 0;
  while (at < rest.length) {
    const digits = /^\d+/.exec(rest.slice(at));
    if (!digits) return null;
    at += digits[0].length;
    const length = Number(digits[0]);
    if (length === 0 || at + length > rest.length) return null;
    segments.push(rest.slice(at, at + length));
    at += length;
  }
  if (segments.length > 1 && /^h[0-9a-f]{16}$/.test(segments.at(-1))) segments.pop();
  return segments
    .map((s) =>
      s
        .replace(/^_\$/, '$')
        .replace(/\.\./g, '::')
        .replace(/\$([A-Z]{1,2}|u[0-9a-f]+)\$/g, (whole, code) =>
          code[0] === 'u' ? String.fromCodePoint(parseInt(code.slice(1), 16)) : (LEGACY_ESCAPES[code] ?? whole),
        ),
    )
    .join('::');
}

/** The crates a v0-mangled Rust name (_R…) names anywhere in its path: the function's own, the
 * types it is instantiated over, the traits of its impls: { crates, instantiatedIn }. Apart:
 * the crate a generic was instantiated in (the optional path at the end), which is not whose
 * code it is: with opt-level "s"/"z" rustc shares generics, so the light reader may call
 * `core::iter::Iterator::advance_by::<Split<char>>` as instantiated in serde_json, an upstream
 * crate of the library, without a line of serde_json's. Throws on what it cannot parse. */
export function v0Crates(symbol) {
  const s = symbol.replace(/^_{0,2}R/, '');
  let crates = new Set();
  const pathCrates = crates;
  let p = 0;
  const peek = () => s[p];
  const next = () => {
    if (p >= s.length) throw new Error(`v0 symbol ends early: ${symbol}`);
    return s[p++];
  };
  const base62 = () => {
    while (next() !== '_') if (!/[0-9a-zA-Z]/.test(s[p - 1])) throw new Error(`bad base-62 number in ${symbol}`);
  };
  const decimal = () => {
    const d = /^(0|[1-9]\d*)/.exec(s.slice(p));
    if (!d) throw new Error(`expected a number at ${p} in ${symbol}`);
    p += d[0].length;
    return Number(d[0]);
  };
  const undisambiguated = () => {
    if (peek() === 'u') p++; // punycode: crate names are ASCII, other names do not matter here
    const length = decimal();
    if (peek() === '_') p++;
    if (p + length > s.length) throw new Error(`identifier runs past the end of ${symbol}`);
    p += length;
    return s.slice(p - length, p);
  };
  const identifier = () => {
    if (peek() === 's') p++, base62();
    return undisambiguated();
  };
  const lifetime = () => (next(), base62());
  const binder = () => peek() === 'G' && (p++, base62());
  const path = () => {
    const c = next();
    if (c === 'C') crates.add(identifier());
    else if (c === 'M') implPath(), type();
    else if (c === 'X') implPath(), type(), path();
    else if (c === 'Y') type(), path();
    else if (c === 'N') next(), path(), identifier();
    else if (c === 'I') {
      path();
      while (peek() !== 'E') genericArg();
      p++;
    } else if (c === 'B') base62(); // backref: what it points to was read already
    else throw new Error(`unknown path tag ${c} in ${symbol}`);
  };
  const implPath = () => {
    if (peek() === 's') p++, base62();
    path();
  };
  const genericArg = () => {
    if (peek() === 'L') lifetime();
    else if (peek() === 'K') p++, constant();
    else type();
  };
  const type = () => {
    const c = peek();
    if (/[abcdefhijlmnopstuvxyz]/.test(c)) p++;
    else if (c === 'A') p++, type(), constant();
    else if (c === 'S' || c === 'P' || c === 'O') p++, type();
    else if (c === 'T') {
      p++;
      while (peek() !== 'E') type();
      p++;
    } else if (c === 'R' || c === 'Q') {
      p++;
      if (peek() === 'L') lifetime();
      type();
    } else if (c === 'F') {
      p++;
      binder();
      if (peek() === 'U') p++;
      if (peek() === 'K') {
        p++;
        if (peek() === 'C') p++;
        else undisambiguated();
      }
      while (peek() !== 'E') type();
      p++;
      type();
    } else if (c === 'D') {
      p++;
      binder();
      while (peek() !== 'E') {
        path();
        while (peek() === 'p') p++, undisambiguated(), type();
      }
      p++;
      lifetime();
    } else path();
  };
  const constant = () => {
    const c = peek();
    if (c === 'p') p++;
    else if (c === 'B') p++, base62();
    else if (c === 'R' || c === 'Q') p++, constant();
    else if (c === 'A' || c === 'T') {
      p++;
      while (peek() !== 'E') constant();
      p++;
    } else if (c === 'V') {
      p++;
      path();
      const fields = next();
      if (fields === 'T' || fields === 'S') {
        while (peek() !== 'E') {
          if (fields === 'S') identifier();
          constant();
        }
        p++;
      } else if (fields !== 'U') throw new Error(`unknown const fields ${fields} in ${symbol}`);
    } else {
      type();
      if (peek() === 'n') p++;
      while (next() !== '_') if (!/[0-9a-f]/.test(s[p - 1])) throw new Error(`bad const data in ${symbol}`);
    }
  };
  if (/\d/.test(peek() ?? '')) decimal(); // encoding version
  path();
  crates = new Set();
  if (p < s.length && peek() !== '.' && peek() !== '$') path(); // the instantiating crate
  return { crates: pathCrates, instantiatedIn: crates };
}

/** The crates a function name names as the root of a path (a v0 name's instantiating crate
 * aside, see v0Crates), whether the name is
 * legacy-mangled (_ZN…E), v0-mangled (_R…) or demangled (`<serde_json::Value as …>::fmt`). */
export function cratesNamed(name) {
  if (/^_{0,2}R[0-9A-Z]/.test(name)) {
    try {
      return v0Crates(name.replace(/\.[\w.]*$/, '')).crates;
    } catch {
      // Not parsed: every crate root it seems to hold (C, a disambiguator, a length, the name),
      // but the one that ends the name (the instantiating crate).
      const crates = new Set();
      for (const m of name.matchAll(/C(?:s[0-9a-zA-Z]*_)?(\d+)_?/g)) {
        const at = m.index + m[0].length;
        if (at + Number(m[1]) < name.length) crates.add(name.slice(at, at + Number(m[1])));
      }
      return crates;
    }
  }
  const path = demangleLegacy(name) ?? name;
  const crates = new Set();
  // A path's first segment: not preceded by another segment; a v0 disambiguator may follow it.
  for (const m of path.matchAll(/(?<![\w:$])([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)) crates.add(m[1]);
  return crates;
}

/** Of `crates`, those the module's function names name: Map crate → [function names], the
 * crate's own functions (its name first in theirs) first; null when the module names no
 * function (a stripped module cannot be checked). */
export function functionsFrom(bytes, crates) {
  const names = functionNames(bytes);
  if (names === null) return null;
  const found = new Map();
  for (const name of names.values()) {
    const named = [...cratesNamed(name)];
    for (const crate of crates) {
      if (!named.includes(crate)) continue;
      const list = found.get(crate) ?? [];
      if (named[0] === crate) list.unshift(name);
      else list.push(name);
      found.set(crate, list);
    }
  }
  return found;
}

/** How many of a module's functions (v0 names) were instantiated in each of `crates`. */
function instantiatedIn(names, crates) {
  const counts = new Map();
  for (const name of names.values()) {
    if (!/^_{0,2}R[0-9A-Z]/.test(name)) continue;
    try {
      for (const crate of v0Crates(name.replace(/\.[\w.]*$/, '')).instantiatedIn) {
        if (crates.includes(crate)) counts.set(crate, (counts.get(crate) ?? 0) + 1);
      }
    } catch {
      // counted by cratesNamed's fallback instead
    }
  }
  return counts;
}

// ---- the gate ----------------------------------------------------------------------------------

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

async function checkLightReaderCrates() {
  const targetDir = resolve(root, process.env.CARGO_TARGET_DIR || 'target');
  const path = join(targetDir, LIGHT_READER_WASM);
  const name = 'light-reader-crates';
  let bytes;
  try {
    bytes = await readFile(path);
  } catch {
    return { name, failure: `${path} is missing (make dist builds it; CARGO_TARGET_DIR is ${targetDir})` };
  }
  const found = functionsFrom(bytes, [...LIGHT_READER_FORBIDDEN_CRATES, LIGHT_READER_KNOWN_CRATE]);
  const limit = `limit: none of ${LIGHT_READER_FORBIDDEN_CRATES.join(', ')}`;
  if (found === null) return { name, failure: `${path} has no function names to read (stripped?), ${limit}` };
  if (!found.has(LIGHT_READER_KNOWN_CRATE)) {
    return { name, failure: `no function of ${LIGHT_READER_KNOWN_CRATE} found in ${path}: its names are not understood, ${limit}` };
  }
  const linked = LIGHT_READER_FORBIDDEN_CRATES.filter((crate) => found.has(crate));
  const names = functionNames(bytes);
  if (linked.length === 0) {
    const shared = [...instantiatedIn(names, LIGHT_READER_FORBIDDEN_CRATES)].map(([crate, n]) => `${n} of other crates' generics instantiated in ${crate}`);
    const note = shared.length ? `; ${shared.join(', ')}, not their code` : '';
    return { name, ok: `none of ${LIGHT_READER_FORBIDDEN_CRATES.join(', ')} among ${names.size} functions of ${path}${note}` };
  }
  const what = linked.map((crate) => `${crate} (${found.get(crate).length} functions, e.g. ${found.get(crate)[0]})`);
  return { name, failure: `duibiao-worker-light links ${what.join(' and ')}, ${limit}` };
}

/** Whether a function name's path runs through LIGHT_READER_FORBIDDEN_MODULE (legacy or v0). */
export function inDrafter(name) {
  return /12duibiao_core4plan5draft/.test(name) || (demangleLegacy(name) ?? name).includes(`${LIGHT_READER_FORBIDDEN_MODULE}::`);
}

async function checkLightReaderDrafter() {
  const path = join(resolve(root, process.env.CARGO_TARGET_DIR || 'target'), LIGHT_READER_WASM);
  const name = 'light-reader-drafter';
  let names;
  try {
    names = functionNames(await readFile(path));
  } catch {
    return { name, failure: `${path} is missing or unreadable (make dist builds it)` };
  }
  if (names === null) return { name, failure: `${path} has no function names to read (stripped?)` };
  const linked = [...names.values()].filter(inDrafter);
  return linked.length
    ? { name, failure: `duibiao-worker-light links ${linked.length} functions of ${LIGHT_READER_FORBIDDEN_MODULE}, e.g. ${linked[0]}; limit: none` }
    : { name, ok: `no function of ${LIGHT_READER_FORBIDDEN_MODULE} among ${names.size} functions of ${path}` };
}

async function checkSizes() {
  const { measureLoads, total, FIRST_PICK } = await import('../benches/load-phases.mjs');
  const rows = await measureLoads();
  const budgets = [
    ['first-paint', total(rows, ['firstPaint']).gzip, FIRST_PAINT_GZIP_LIMIT, 'what the page loads before any file is picked'],
    ['first-check', total(rows, ['firstPaint', 'firstPick']).gzip, FIRST_CHECK_GZIP_LIMIT, `first paint + a first pick of ${FIRST_PICK}`],
  ];
  return budgets.map(([name, measured, limit, what]) =>
    measured > limit
      ? { name, failure: `${kB(measured)} gzip > limit ${kB(limit)} (${what}; make bench-sizes lists the files)` }
      : { name, ok: `${kB(measured)} gzip <= limit ${kB(limit)} (${what})` },
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = [await checkLightReaderCrates(), await checkLightReaderDrafter(), ...(await checkSizes())];
  for (const r of results) {
    if (r.failure) console.error(`FAIL budget ${r.name}: ${r.failure}`);
    else console.log(`ok   budget ${r.name}: ${r.ok}`);
  }
  if (results.some((r) => r.failure)) process.exit(1);
}
