/**
 * The exec shim (src/tracer/shim.S, shim.ts): its machine code is what its source assembles to, and
 * the offsets the tracer writes its data area at are the ones the code reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILTER_BLOCK, filterBlock } from '../../src/tracer/seccomp.js';
import { SHIM_DATA, SHIM_FILTER, shimCode, shimImage } from '../../src/tracer/shim.js';
import { ROOT } from '../helpers/diff.js';

const x64 = process.arch === 'x64';
const source = (name: string) => readFileSync(join(ROOT, 'src', 'tracer', name), 'utf8');
/** A .S file's `.equ NAME, value` lines. */
const equs = (name: string) =>
  new Map([...source(name).matchAll(/^\.equ (\w+),\s*(0x[0-9a-f]+|\d+)/gm)].map((m) => [m[1]!, Number(m[2]!)] as const));

test('the machine code is what cc assembles from shim.S', { skip: !x64 && 'x86_64 only' }, () => {
  const d = mkdtempSync(join(tmpdir(), 'sysray-shim-'));
  try {
    execFileSync('cc', ['-c', join(ROOT, 'src', 'tracer', 'shim.S'), '-o', join(d, 's.o')]);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', join(d, 's.o'), join(d, 's.bin')]);
    const want = readFileSync(join(d, 's.bin'));
    assert.ok(want.length > 100);
    assert.ok(shimCode().equals(want), 'src/tracer/shim.ts is stale: run node scripts/asm-tables.mjs');
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});

test('the image runs the code from its entry point, with the data area where shim.S reads it', { skip: !x64 && 'x86_64 only' }, () => {
  const img = shimImage();
  assert.equal(img.subarray(0, 4).toString('latin1'), '\x7fELF');
  const entry = Number(img.readBigUInt64LE(24) - 0x400000n);
  assert.ok(img.subarray(entry).equals(shimCode()));
  // the second program header: the zero-filled data area
  assert.equal(img.readBigUInt64LE(64 + 56 + 16), SHIM_DATA);
  assert.ok(img.readBigUInt64LE(64 + 56 + 40) >= BigInt(SHIM_FILTER + 4096 * 8), 'room for the largest filter');
});

test('shim.ts and seccomp.ts write the data area at the offsets shim.S reads', () => {
  const e = equs('shim.S');
  assert.equal(BigInt(e.get('DATA') ?? -1), SHIM_DATA);
  assert.equal(e.get('FILTER'), SHIM_FILTER);
  assert.equal(e.get('SCWORD'), FILTER_BLOCK.SCWORD);
  assert.equal(e.get('FPROG'), FILTER_BLOCK.FPROG);
  // and the block filterBlock makes: word, sock_fprog {len, filter}, the instructions
  const prog = Buffer.alloc(16, 0xcd);
  const b = filterBlock(prog, SHIM_DATA, SHIM_FILTER, true);
  assert.equal(b.readBigUInt64LE(e.get('SCWORD')!), 3n);
  assert.equal(b.readUInt16LE(e.get('FPROG')!), 2);
  assert.equal(b.readBigUInt64LE(e.get('FPROG')! + 8), SHIM_DATA + BigInt(e.get('FILTER')!));
  assert.ok(b.subarray(e.get('FILTER')!).equals(prog));
});

test("the launcher's child reads the filter block at the same offsets", () => {
  const e = equs('launcher.S');
  assert.equal(e.get('SCWORD'), FILTER_BLOCK.SCWORD);
  assert.equal(e.get('FPROG'), FILTER_BLOCK.FPROG);
});
