// build/wasm-features.mjs names what a module uses: small modules written by binaryen's wasm-as
// (npm binaryen), one per feature, each must be told apart (make check-wasm runs this first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featuresOf, ALLOWED } from '../build/wasm-features.mjs';

const dir = mkdtempSync(join(tmpdir(), 'wasm-features-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function assemble(wat) {
  const source = join(dir, 'm.wat');
  writeFileSync(source, `(module ${wat})`);
  const run = spawnSync('wasm-as', ['--all-features', source, '-o', join(dir, 'm.wasm')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return [...featuresOf(readFileSync(join(dir, 'm.wasm'))).keys()].sort();
}

test('what Chromium 86 runs is named and allowed', () => {
  const used = assemble(`(import "env" "g" (global (mut i32))) (type $t (func (param i32) (result i32)))
    (table 1 funcref) (memory 1) (elem (i32.const 0) $f)
    (func $f (param i32) (result i32) (i32.extend8_s (local.get 0)))
    (func (export "h") (param i32 f64) (result i32 i32)
      (memory.copy (i32.const 0) (i32.const 8) (i32.const 2))
      (drop (i32.trunc_sat_f64_s (local.get 1)))
      (call_indirect (type $t) (local.get 0) (i32.const 0)) (i32.const 3))`);
  assert.deepEqual(used, ['bulk-memory', 'multivalue', 'mutable-globals', 'nontrapping-fptoint', 'sign-ext']);
  assert.ok(used.every((feature) => ALLOWED.has(feature)));
});

test('what it cannot run is named, and is not allowed', () => {
  const cases = {
    'reference-types': '(func (export "h") (param externref))',
    simd: '(func (export "h") (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4)))',
    'tail-call': '(func $a (result i32) (i32.const 1)) (func (export "h") (result i32) (return_call $a))',
    'exception-handling': '(tag $e) (func (export "h") (throw $e))',
    threads: '(memory 1 1 shared) (func (export "h") (result i32) (i32.atomic.load (i32.const 0)))',
  };
  for (const [feature, wat] of Object.entries(cases)) {
    assert.ok(assemble(wat).includes(feature), feature);
    assert.equal(ALLOWED.has(feature), false, feature);
  }
});
