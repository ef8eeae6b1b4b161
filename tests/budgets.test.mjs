// build/budgets.mjs reads function names from a module's "name" section and the crates they
// name: tiny modules written here byte by byte, so the light reader's crate check is tested
// without a build (make check-budgets runs this first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functionNames, functionsFrom, cratesNamed, demangleLegacy, v0Crates, inDrafter } from '../build/budgets.mjs';

const FORBIDDEN = ['encoding_rs', 'serde_json'];

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const str = (s) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...leb(bytes.length), ...bytes];
};
const section = (id, body) => [id, ...leb(body.length), ...body];

/** A module of `names.length` empty functions `() -> ()`; with a "name" section naming them
 * (plus a module name, and a locals subsection after) unless `names` is null. */
function module(names, count = names?.length ?? 1) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [1, 0x60, 0, 0])); // one type: () -> ()
  bytes.push(...section(3, [...leb(count), ...Array(count).fill(0)]));
  bytes.push(...section(7, [1, ...str('run'), 0x00, 0])); // export function 0
  const body = [0, 0x0b]; // no locals, end
  bytes.push(...section(10, [...leb(count), ...Array(count).fill([...leb(body.length), ...body]).flat()]));
  bytes.push(...section(0, [...str('producers'), 0])); // another custom section first
  if (names) {
    const moduleName = section(0, str('tiny'));
    const functions = section(1, [...leb(names.length), ...names.flatMap((name, i) => [...leb(i), ...str(name)])]);
    const locals = section(2, [...leb(0)]);
    bytes.push(...section(0, [...str('name'), ...moduleName, ...functions, ...locals]));
  }
  return Uint8Array.from(bytes);
}

test('the hand-built modules are valid WebAssembly', () => {
  for (const bytes of [module(['_ZN11encoding_rs3foo17h0123456789abcdefE', 'main']), module(null)]) {
    assert.ok(WebAssembly.validate(bytes));
  }
});

test('a function of encoding_rs is found by its mangled name', () => {
  const bytes = module(['main', '_ZN11encoding_rs3foo17h0123456789abcdefE', '_ZN4core3fmt5write17h0123456789abcdefE']);
  assert.deepEqual([...functionNames(bytes)], [
    [0, 'main'],
    [1, '_ZN11encoding_rs3foo17h0123456789abcdefE'],
    [2, '_ZN4core3fmt5write17h0123456789abcdefE'],
  ]);
  const found = functionsFrom(bytes, FORBIDDEN);
  assert.deepEqual([...found], [['encoding_rs', ['_ZN11encoding_rs3foo17h0123456789abcdefE']]]);
});

test('a module naming no function of those crates has none of them', () => {
  const bytes = module(['main', '_ZN4core3fmt5write17h0123456789abcdefE', '_ZN8calamine4xlsx4read17h0123456789abcdefE']);
  assert.equal(functionNames(bytes).size, 3);
  assert.deepEqual([...functionsFrom(bytes, FORBIDDEN)], []);
  assert.deepEqual([...functionsFrom(bytes, ['calamine'])].map(([crate]) => crate), ['calamine']);
});

test('a module without a name section cannot be checked', () => {
  assert.equal(functionNames(module(null)), null);
  assert.equal(functionsFrom(module(null), FORBIDDEN), null);
  assert.throws(() => functionNames(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])), /not a WebAssembly/);
});

test('crates are read from legacy, v0 and demangled names, wherever in the path they stand', () => {
  assert.equal(demangleLegacy('_ZN11encoding_rs3foo17h0123456789abcdefE'), 'encoding_rs::foo');
  const cases = {
    '_ZN11encoding_rs3foo17h0123456789abcdefE': ['encoding_rs'],
    // <serde_json::value::Value as core::fmt::Debug>::fmt
    '_ZN61_$LT$serde_json..value..Value$u20$as$u20$core..fmt..Debug$GT$3fmt17h0123456789abcdefE': ['serde_json', 'core'],
    // core::ptr::drop_in_place<serde_json::error::Error>, as LLVM demangles it
    'core::ptr::drop_in_place<serde_json::error::Error>': ['core', 'serde_json'],
    'encoding_rs::Encoding::decode_without_bom_handling::h0123456789abcdef': ['encoding_rs'],
    'encoding_rs[1a2b3c4d]::Encoding::for_label': ['encoding_rs'],
    // v0: encoding_rs::foo, and <serde_json::Value as core::fmt::Debug>::fmt
    _RNvCs1234_11encoding_rs3foo: ['encoding_rs'],
    _RNvXs_NtCsabc_10serde_json5valueNtB4_5ValueNtNtCsdef_4core3fmt5Debug3fmt: ['serde_json', 'core'],
    // core::ptr::drop_in_place::<serde_json::Value> (a generic argument), instantiated in duibiao
    _RINvNtCs1_4core3ptr13drop_in_placeNtCs2_10serde_json5ValueECs3_7duibiao: ['core', 'serde_json'],
    // core's Iterator::advance_by::<str::Split<char>> as instantiated in serde_json (a shared
    // generic the light reader calls): core's code, not serde_json's
    _RNvXs_NvNtNtNtNtCs8ePKmRfDRtI_4core4iter6traits8iterator8Iterator10advance_byINtNtNtBe_3str4iter5SplitcENtB4_13SpecAdvanceBy15spec_advance_byCs8SMOmzAgkuF_10serde_json:
      ['core'],
    // v0 with a tag the parser does not know: the crate roots it seems to hold, the last aside
    _RNvNvCs1_11encoding_rsWx3fooCs3_7duibiao: ['encoding_rs'],
    'not_rust_serde_jsonish': [],
    '__wbindgen_malloc': [],
    'encoding_rs_like::f': ['encoding_rs_like'],
  };
  for (const [name, crates] of Object.entries(cases)) {
    assert.deepEqual([...cratesNamed(name)].sort(), [...crates].sort(), name);
  }
});

test("a v0 name's instantiating crate is told apart from its path", () => {
  const { crates, instantiatedIn } = v0Crates('_RINvNtCs1_4core3ptr13drop_in_placeNtCs2_11encoding_rs8EncodingECs3_10serde_json');
  assert.deepEqual([...crates].sort(), ['core', 'encoding_rs']);
  assert.deepEqual([...instantiatedIn], ['serde_json']);
  assert.throws(() => v0Crates('_RNvZz'), /unknown path tag/);
});

test("the drafter's functions are told by their path, in v0, legacy and demangled names", () => {
  // As rustc names them in the writer (build/budgets.mjs's light-reader-drafter check).
  assert.ok(inDrafter('_RNvNtNtNtCs5U96Kbsif55_12duibiao_core4plan5draft6phrase11strip_scope'));
  assert.ok(inDrafter('_ZN12duibiao_core4plan5draft10draft_file17h0123456789abcdefE'));
  assert.ok(inDrafter('duibiao_core::plan::draft::input::read_document'));
  assert.equal(inDrafter('_ZN12duibiao_core4plan8validate8validate17h0123456789abcdefE'), false);
  assert.equal(inDrafter('_RNvNtCs5U96Kbsif55_12duibiao_core8protocol12draft_reply'), false, 'a protocol function is not the drafter');
});
