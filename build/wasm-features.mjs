// Checks that each shipped WebAssembly module uses only the features Chromium 86 runs (the
// kernel of 360安全浏览器 13 and many 奇安信 desktops): WebAssembly 1.0 (MVP, with mutable-global
// imports and exports) plus sign-extension, bulk memory, non-trapping float-to-int and
// multi-value. Anything else — reference types / externref, SIMD, tail calls, exception
// handling, GC, threads, memory64, extended constant expressions — makes the module fail to
// compile there, so the check fails and names the feature, the section and the function.
//
// It reads the binary itself, section by section and instruction by instruction (an
// independent reader: not binaryen, which wrote the file). A `.html` argument is searched for
// the modules it inlines as base64 (the one-file offline copy).
//   node build/wasm-features.mjs dist/*.wasm dist/duibiao-offline.html
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const ALLOWED = new Set(['mvp', 'mutable-globals', 'sign-ext', 'bulk-memory', 'nontrapping-fptoint', 'multivalue']);

const NUM_TYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c]); // i32 i64 f32 f64
const REF_TYPES = new Set([0x70, 0x6f]); // funcref externref

class Reader {
  constructor(bytes, at = 0, end = bytes.length) {
    Object.assign(this, { bytes, at, end });
  }
  byte() {
    if (this.at >= this.end) throw new Error(`unexpected end at byte ${this.at}`);
    return this.bytes[this.at++];
  }
  /** LEB128; `signed` for s32/s64/s33 (value not needed, only skipped, unless small). */
  leb(signed = false) {
    let result = 0, shift = 0, byte;
    do {
      byte = this.byte();
      if (shift < 32) result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (signed && shift < 32 && byte & 0x40) result |= -1 << shift;
    return signed ? result : result >>> 0;
  }
  skip(n) {
    this.at += n;
  }
  name() {
    const length = this.leb();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
  done() {
    return this.at >= this.end;
  }
}

/** Every feature a module uses, each with where it was first seen: Map feature → place. */
export function featuresOf(bytes) {
  const found = new Map();
  const use = (feature, where) => found.has(feature) || found.set(feature, where);
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('not a WebAssembly 1.0 binary');
  let tables = 0;
  let importedFunctions = 0;

  const valtype = (r, where) => {
    const t = r.byte();
    if (NUM_TYPES.has(t)) return;
    if (t === 0x7b) use('simd', where);
    else if (REF_TYPES.has(t)) use('reference-types', where);
    else use('gc', where); // (ref ...), (ref null ...) and the other GC types
    if (t === 0x63 || t === 0x64) r.leb(true); // heap type
  };
  const limits = (r, where) => {
    const flags = r.byte();
    if (flags & 0x02) use('threads', where);
    if (flags & 0x04) use('memory64', where);
    r.leb();
    if (flags & 0x01) r.leb();
  };
  const tabletype = (r, where) => {
    const element = r.byte();
    if (element !== 0x70) use(REF_TYPES.has(element) ? 'reference-types' : 'gc', where);
    limits(r, where);
    if (++tables > 1) use('reference-types', `${where} (a second table)`);
  };
  const blocktype = (r, where) => {
    const t = r.bytes[r.at];
    if (t === 0x40) return r.skip(1);
    if (NUM_TYPES.has(t) || t === 0x7b || REF_TYPES.has(t)) return valtype(r, where);
    r.leb(true);
    use('multivalue', `${where} (a block typed by index)`);
  };
  const memarg = (r, where) => {
    const align = r.leb();
    if (align & 0x40) use('multi-memory', where);
    r.leb();
  };
  const zeroByte = (r, feature, where) => r.byte() !== 0x00 && use(feature, where);

  /** Instructions up to the `end` that closes the expression (a function body or a constant). */
  const expression = (r, where, constant = false) => {
    let depth = 0;
    for (;;) {
      const op = r.byte();
      const at = `${where}, opcode 0x${op.toString(16)}`;
      if (constant && ![0x41, 0x42, 0x43, 0x44, 0x23, 0x0b].includes(op)) {
        use(op >= 0xd0 && op <= 0xd2 ? 'reference-types' : 'extended-const', at);
      }
      if (op === 0x0b) {
        if (depth-- === 0) return;
      } else if (op === 0x02 || op === 0x03 || op === 0x04) {
        blocktype(r, at);
        depth++;
      } else if (op === 0x05 || op === 0x00 || op === 0x01 || op === 0x0f || op === 0x1a || op === 0x1b) {
        // else, unreachable, nop, return, drop, select
      } else if (op === 0x0c || op === 0x0d) r.leb();
      else if (op === 0x0e) {
        for (let n = r.leb(); n >= 0; n--) r.leb(); // the targets and the default
      } else if (op === 0x10) r.leb();
      else if (op === 0x11) {
        r.leb();
        // An MVP call_indirect ends with the single byte 0x00; a table index as a longer
        // LEB (what LLVM writes with reference-types) does not compile in Chromium < 96.
        zeroByte(r, 'reference-types', `${at} (call_indirect's table byte)`);
      } else if (op === 0x12 || op === 0x13) {
        use('tail-call', at);
        r.leb();
      } else if (op === 0x14 || op === 0x15) {
        use('gc', at); // call_ref, return_call_ref (typed function references)
        r.leb();
      } else if ([0x06, 0x07, 0x08, 0x09, 0x18, 0x19, 0x0a, 0x1f].includes(op)) {
        use('exception-handling', at);
        if (op === 0x06) blocktype(r, at), depth++;
        else if (op === 0x07 || op === 0x08 || op === 0x09 || op === 0x18) r.leb();
        else if (op === 0x1f) {
          blocktype(r, at);
          depth++;
          for (let n = r.leb(); n > 0; n--) {
            const kind = r.byte();
            if (kind < 2) r.leb();
            r.leb();
          }
        }
      } else if (op === 0x1c) {
        use('reference-types', `${at} (typed select)`);
        for (let n = r.leb(); n > 0; n--) valtype(r, at);
      } else if (op >= 0x20 && op <= 0x24) r.leb();
      else if (op === 0x25 || op === 0x26) {
        use('reference-types', at); // table.get, table.set
        r.leb();
      } else if (op >= 0x28 && op <= 0x3e) memarg(r, at);
      else if (op === 0x3f || op === 0x40) zeroByte(r, 'multi-memory', at);
      else if (op === 0x41 || op === 0x42) r.leb(true);
      else if (op === 0x43) r.skip(4);
      else if (op === 0x44) r.skip(8);
      else if (op >= 0x45 && op <= 0xbf) {
        // numeric instructions of the MVP, no immediates
      } else if (op >= 0xc0 && op <= 0xc4) use('sign-ext', at);
      else if (op >= 0xd0 && op <= 0xd6) {
        use(op <= 0xd2 ? 'reference-types' : 'gc', at);
        if (op === 0xd0) r.leb(true);
        else if (op === 0xd2 || op === 0xd5 || op === 0xd6) r.leb();
      } else if (op === 0xfc) {
        const sub = r.leb();
        const subAt = `${where}, opcode 0xfc ${sub}`;
        if (sub <= 7) use('nontrapping-fptoint', subAt);
        else if (sub <= 14) {
          use('bulk-memory', subAt);
          if (sub === 8) r.leb(), zeroByte(r, 'multi-memory', subAt); // memory.init
          else if (sub === 9 || sub === 13) r.leb(); // data.drop, elem.drop
          else if (sub === 10) zeroByte(r, 'multi-memory', subAt), zeroByte(r, 'multi-memory', subAt);
          else if (sub === 11) zeroByte(r, 'multi-memory', subAt); // memory.fill
          else if (sub === 12) {
            r.leb();
            if (r.leb() !== 0) use('reference-types', `${subAt} (a table other than the first)`);
          } else if (sub === 14) {
            if (r.leb() !== 0 || r.leb() !== 0) use('reference-types', `${subAt} (a table other than the first)`);
          }
        } else if (sub <= 17) {
          use('reference-types', subAt); // table.grow, table.size, table.fill
          r.leb();
        } else {
          use('other 0xfc instructions', subAt);
          return; // cannot skip an unknown instruction: the rest of this body is not read
        }
      } else if (op === 0xfd) return use('simd', at);
      else if (op === 0xfe) return use('threads', at);
      else if (op === 0xfb) return use('gc', at);
      else return use(`unknown opcode 0x${op.toString(16)}`, at);
    }
  };

  const top = new Reader(bytes, 8);
  while (!top.done()) {
    const id = top.byte();
    const size = top.leb();
    const r = new Reader(bytes, top.at, top.at + size);
    top.skip(size);
    const section = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'][id] ?? `section ${id}`;
    if (id === 1) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const where = `type ${i}`;
        const form = r.byte();
        if (form !== 0x60) {
          use('gc', where);
          break; // recursive, struct and array types: the rest is GC's
        }
        for (let p = r.leb(); p > 0; p--) valtype(r, where);
        const results = r.leb();
        if (results > 1) use('multivalue', `${where} (${results} results)`);
        for (let q = results; q > 0; q--) valtype(r, where);
      }
    } else if (id === 2) {
      for (let n = r.leb(); n > 0; n--) {
        const where = `import ${r.name()}.${r.name()}`;
        const kind = r.byte();
        if (kind === 0) r.leb(), importedFunctions++;
        else if (kind === 1) tabletype(r, where);
        else if (kind === 2) limits(r, where);
        else if (kind === 3) {
          valtype(r, where);
          if (r.byte() === 1) use('mutable-globals', where);
        } else if (kind === 4) {
          use('exception-handling', where);
          r.byte(), r.leb();
        }
      }
    } else if (id === 4) {
      for (let n = r.leb(); n > 0; n--) tabletype(r, section);
    } else if (id === 5) {
      const n = r.leb();
      if (n > 1) use('multi-memory', section);
      for (let i = 0; i < n; i++) limits(r, section);
    } else if (id === 6) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const where = `global ${i}`;
        valtype(r, where);
        r.byte();
        expression(r, where, true);
      }
    } else if (id === 7) {
      for (let n = r.leb(); n > 0; n--) {
        const name = r.name();
        const kind = r.byte();
        r.leb();
        if (kind === 4) use('exception-handling', `export ${name}`);
      }
    } else if (id === 9) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const where = `element segment ${i}`;
        const flags = r.leb();
        if (flags > 2) {
          use('reference-types', `${where} (flags ${flags})`);
          break;
        }
        if (flags === 1) use('bulk-memory', `${where} (passive)`);
        if (flags === 2 && r.leb() !== 0) use('reference-types', `${where} (a table other than the first)`);
        if (flags !== 1) expression(r, where, true);
        if (flags !== 0 && r.byte() !== 0x00) use('reference-types', where);
        for (let f = r.leb(); f > 0; f--) r.leb();
      }
    } else if (id === 10) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const bodySize = r.leb();
        const body = new Reader(bytes, r.at, r.at + bodySize);
        r.skip(bodySize);
        const where = `function ${importedFunctions + i}`;
        for (let groups = body.leb(); groups > 0; groups--) {
          body.leb();
          valtype(body, `${where} (a local)`);
        }
        expression(body, where);
      }
    } else if (id === 11) {
      for (let n = r.leb(), i = 0; i < n; i++) {
        const where = `data segment ${i}`;
        const flags = r.leb();
        if (flags === 1) use('bulk-memory', `${where} (passive)`);
        else {
          if (flags === 2 && r.leb() !== 0) use('multi-memory', where);
          expression(r, where, true);
        }
        r.skip(r.leb());
      }
    } else if (id === 12) {
      use('bulk-memory', section);
    } else if (id === 13) {
      use('exception-handling', section);
    } else if (id > 13) {
      use(`unknown section ${id}`, section);
    }
  }
  return found;
}

/** The modules a file holds: a .wasm itself, or those an .html inlines as base64. */
export async function modulesIn(path) {
  const bytes = await readFile(path);
  if (!path.endsWith('.html')) return [{ name: path, bytes }];
  const text = bytes.toString('utf8');
  const modules = [];
  // "AGFzbQEAAAA" is base64 of the 8-byte header \0asm 1.0.0.0 (plus the start of the next byte).
  for (const match of text.matchAll(/AGFzbQEAAA[A-Za-z0-9+/]*={0,2}/g)) {
    modules.push({ name: `${path} (inlined module ${modules.length + 1})`, bytes: Buffer.from(match[0], 'base64') });
  }
  if (modules.length === 0) throw new Error(`${path} inlines no WebAssembly module`);
  return modules;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  if (paths.length === 0) {
    console.error('usage: node build/wasm-features.mjs FILE.wasm|FILE.html ...');
    process.exit(2);
  }
  let failed = false;
  for (const path of paths) {
    for (const { name, bytes } of await modulesIn(path)) {
      const features = featuresOf(bytes);
      const bad = [...features].filter(([feature]) => !ALLOWED.has(feature));
      const used = [...features.keys()].sort().join(', ') || 'MVP only';
      const size = `${(bytes.length / 1024).toFixed(0)} KiB`;
      if (bad.length === 0) {
        console.log(`ok   ${name} (${size}): ${used}`);
      } else {
        failed = true;
        console.log(`FAIL ${name} (${size}) uses what Chromium 86 cannot run:`);
        for (const [feature, where] of bad) console.log(`       ${feature}, first at ${where}`);
      }
    }
  }
  if (failed) {
    console.log(`allowed: ${[...ALLOWED].join(', ')}`);
    process.exit(1);
  }
}
