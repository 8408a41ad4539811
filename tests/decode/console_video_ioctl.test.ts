/**
 * Fuzz: every virtual console ('K') and Video4Linux2 ('V') request strace decodes, fed hostile
 * structs (pointers into memory, counts and sizes that lie, a struct cut by an unreadable page),
 * with each option set, failing and succeeding: entry, exit, result and both renderers must not throw.
 * The random argument values of the all-decoder fuzzer almost never make one of these requests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X86_64 } from '../../src/arch/index.js';
import { decoderTable } from '../../src/decode/index.js';
import { KD_IOCTLS } from '../../src/decode/kd_ioctl.js';
import type { Ctx, Memory } from '../../src/decode/types.js';
import { V4L2_IOCTLS } from '../../src/decode/v4l2_ioctl.js';
import { StraceText } from '../../src/render/strace.js';
import { decodeOneCall } from '../helpers/decode-call.js';
import { Rng } from '../helpers/rng.js';

const BASE = 0x7f0000000000n;
const SIZE = 4 * 4096;

/** Tracee memory up to `guard`, unreadable from there on. */
class CutMemory implements Memory {
  bytes = new Uint8Array(SIZE);
  guard = SIZE;
  read(addr: bigint, len: number): Uint8Array | null {
    if (len > 1 << 24) throw new Error(`read of ${len} bytes: a decoder forgot a bound`);
    const off = addr - BASE;
    return off < 0n || off + BigInt(len) > BigInt(this.guard) ? null : this.bytes.slice(Number(off), Number(off) + len);
  }
  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    const off = Number(addr - BASE);
    if (addr < BASE || off >= this.guard) return null;
    const s = this.bytes.subarray(off, Math.min(this.guard, off + max));
    const z = s.indexOf(0);
    return z >= 0 ? { b: s.slice(0, z), nul: true } : { b: s.slice(), nul: false };
  }
}

test('fuzz: console and V4L2 ioctls never throw on hostile structs', () => {
  const r = new Rng(0x4b56n);
  const mem = new CutMemory();
  const view = new DataView(mem.bytes.buffer);
  const ioctl = decoderTable(X86_64)[X86_64.rows.findIndex((row) => row?.name === 'ioctl')]!;
  const texts = [new StraceText({}), new StraceText({ xflag: 2, xlat: 'verbose' }), new StraceText({ xlat: 'raw' })];
  const failures: string[] = [];
  const codes = [...Object.keys(KD_IOCTLS), ...Object.keys(V4L2_IOCTLS)].map(Number);
  assert.ok(codes.length > 70, 'both tables are there');
  for (const code of codes) {
    for (let i = 0; i < 40; i++) {
      for (let o = 0; o < SIZE; o += 8) {
        const kind = r.below(4);
        const v = kind === 0 ? BASE + BigInt(8 * r.below(SIZE / 8)) : kind === 1 ? BigInt(r.below(600)) : r.u64();
        view.setBigUint64(o, BigInt.asUintN(64, v), true);
      }
      mem.guard = SIZE - r.below(4096);
      const a = [0n, BASE + BigInt(mem.guard - r.below(300)), BASE + BigInt(8 * r.below(SIZE / 16)), r.u64()][r.below(4)]!;
      const opt = { strsize: [0, 4, 32, 1024][r.below(4)]!, abbrev: r.below(2) === 0, verbose: r.below(4) !== 0 };
      const c: Ctx = { pid: 1, nr: 16, name: 'ioctl', args: [BigInt.asUintN(64, -1n), BigInt(code), a, 0n, 0n, 0n], mem, opt, rval: 0n, err: 0, state: {} };
      const at = { stage: 'entry' };
      try {
        decodeOneCall(ioctl, c, () => {
          const failed = r.below(3) === 0;
          c.rval = failed ? -BigInt([9, 12, 14][r.below(3)]!) : 0n;
          c.err = failed ? Number(-c.rval) : 0;
        }, texts[i % texts.length]!, at, true);
      } catch (e) {
        failures.push(`0x${code.toString(16)} arg 0x${a.toString(16)} at ${at.stage}: ${(e as Error).message}`);
      }
    }
  }
  assert.deepEqual(failures.slice(0, 10), []);
});
