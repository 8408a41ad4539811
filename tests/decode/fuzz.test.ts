/**
 * Fuzz: random syscall numbers (both architectures' tables and numbers beyond them), random argument
 * values and partly unreadable fake memory, through every decoder's entry, exit and result, then
 * through both renderers (strace text with random options, JSON Lines). No case may throw.
 * The run is seeded (a fixed seed by default; SYSRAY_FUZZ_SEED=N for another, and to replay the one a
 * failure prints) and sized by SYSRAY_FUZZ_CASES (default 1,000,000).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AARCH64, X86_64 } from '../../src/arch/index.js';
import type { ArchTable } from '../../src/arch/index.js';
import { decoderTable } from '../../src/decode/index.js';
import { printargs } from '../../src/decode/args.js';
import { decodeSiginfo } from '../../src/decode/siginfo.js';
import type { Ctx, DecodeOptions, Memory, SyscallDecoder } from '../../src/decode/types.js';
import { renderJson } from '../../src/render/json.js';
import { StraceText } from '../../src/render/strace.js';
import { decodeOneCall } from '../helpers/decode-call.js';
import { Rng } from '../helpers/rng.js';

/** Fake tracee memory: one window of random bytes at BASE, with holes; everything else unreadable. */
const BASE = 0x7f0000000000n;
const SIZE = 1 << 16;
const PAGE = 4096;

class FuzzMemory implements Memory {
  bytes = new Uint8Array(SIZE);
  /** Readable pages of the window. */
  ok = new Uint8Array(SIZE / PAGE);
  reads = 0;

  shuffle(r: Rng): void {
    for (let i = 0; i < SIZE; i += 4) {
      const w = r.u32();
      this.bytes[i] = w & 0xff;
      this.bytes[i + 1] = (w >>> 8) & 0xff;
      this.bytes[i + 2] = (w >>> 16) & 0xff;
      this.bytes[i + 3] = w >>> 24;
    }
    // small values are what decoders branch on: sprinkle zeros and small numbers
    for (let i = 0; i < SIZE / 16; i++) this.bytes[r.below(SIZE)] = r.below(4) === 0 ? 0 : r.below(8);
    for (let p = 0; p < this.ok.length; p++) this.ok[p] = r.below(5) === 0 ? 0 : 1;
  }

  private readable(off: number, len: number): boolean {
    if (off < 0 || len < 0 || off + len > SIZE) return false;
    for (let p = Math.floor(off / PAGE); p <= Math.floor((off + Math.max(len, 1) - 1) / PAGE); p++) if (!this.ok[p]) return false;
    return true;
  }

  read(addr: bigint, len: number): Uint8Array | null {
    this.reads++;
    if (!Number.isSafeInteger(len) || len < 0) throw new Error(`bad read length ${len}`);
    if (len > 1 << 24) throw new Error(`read of ${len} bytes: a decoder forgot a bound`);
    if (len === 0) return new Uint8Array(0);
    const off = addr - BASE;
    if (off < 0n || off >= BigInt(SIZE)) return null;
    return this.readable(Number(off), len) ? this.bytes.slice(Number(off), Number(off) + len) : null;
  }

  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    this.reads++;
    const off0 = addr - BASE;
    if (off0 < 0n || off0 >= BigInt(SIZE)) return null;
    const off = Number(off0);
    if (!this.readable(off, 1)) return null;
    for (let i = off; i < off + max; i++) {
      if (i >= SIZE || !this.ok[Math.floor(i / PAGE)]) return { b: this.bytes.slice(off, i), nul: false };
      if (this.bytes[i] === 0) return { b: this.bytes.slice(off, i), nul: true };
    }
    return { b: this.bytes.slice(off, off + max), nul: false };
  }
}

/** Argument values decoders meet: small numbers, -1, flag soup, pointers in and out of memory. */
function argValue(r: Rng): bigint {
  switch (r.below(10)) {
    case 0: return 0n;
    case 1: return BigInt(r.below(8));
    case 2: return BigInt.asUintN(64, -BigInt(1 + r.below(4200)));
    case 3: return BigInt(r.below(1 << 16));
    case 4: return r.u64();
    case 5: return BigInt(r.u32());
    case 6: // inside the window, near a page edge half the time
      return BASE + BigInt(r.below(2) ? r.below(SIZE) : (1 + r.below(SIZE / PAGE - 1)) * PAGE - 1 - r.below(64));
    case 7: return BASE + BigInt(r.below(SIZE));
    case 8: return BigInt(1 + r.below(0x10)); // unreadable small pointers
    default: return BigInt(1) << BigInt(r.below(64));
  }
}

const OPTS: DecodeOptions[] = [];
for (const strsize of [0, 1, 4, 32, 256]) for (const abbrev of [true, false]) for (const verbose of [true, false]) OPTS.push({ strsize, abbrev, verbose });

const TABLES: ArchTable[] = [X86_64, AARCH64];
const DECODERS: SyscallDecoder[][] = TABLES.map((t) => decoderTable(t));

function textRenderers(): StraceText[] {
  const out: StraceText[] = [];
  for (const xflag of [0, 1, 2] as const)
    for (const xlat of ['abbrev', 'raw', 'verbose'] as const) out.push(new StraceText({ xflag, xlat, pidPrefix: xlat === 'raw' }));
  for (const r of out) r.render({ type: 'attach', pid: 1, how: 'start', time: 0n });
  return out;
}

const FIXED_SEED = 0x5eed_2026;

test('fuzz: random syscalls, arguments and memory through every decoder and both renderers', () => {
  const cases = Number(process.env.SYSRAY_FUZZ_CASES ?? 1_000_000);
  // a fixed seed, so that every run (CI's too) checks the same cases; SYSRAY_FUZZ_SEED explores others
  const seed = BigInt(process.env.SYSRAY_FUZZ_SEED ?? FIXED_SEED);
  const rng = new Rng(seed);
  const mem = new FuzzMemory();
  const texts = textRenderers();
  const failures: string[] = [];
  let bytesOut = 0;
  const started = Date.now();
  for (let i = 0; i < cases; i++) {
    if (i % 4096 === 0) mem.shuffle(rng);
    const ti = rng.below(TABLES.length);
    const t = TABLES[ti]!;
    const nr = rng.below(16) === 0 ? rng.below(1100) : rng.below(t.rows.length);
    const dec = DECODERS[ti]![nr] ?? printargs(6);
    const args = [argValue(rng), argValue(rng), argValue(rng), argValue(rng), argValue(rng), argValue(rng)];
    const failed = rng.below(3) === 0;
    const c: Ctx = {
      pid: 1, nr, name: t.rows[nr]?.name ?? `syscall_${nr}`, args, mem, opt: OPTS[rng.below(OPTS.length)]!,
      rval: 0n, err: 0, state: {},
    };
    const at = { stage: 'entry' };
    try {
      bytesOut += decodeOneCall(dec, c, () => {
        c.rval = failed ? -BigInt(1 + rng.below(133)) : rng.below(2) ? BigInt(rng.below(64)) : BigInt.asIntN(64, argValue(rng));
        c.err = failed ? Number(-c.rval) : 0;
      }, texts[i % texts.length]!, at);
      if (i % 64 === 0) {
        at.stage = 'siginfo';
        const b = mem.read(BASE + BigInt(rng.below(SIZE - 128)), 128) ?? new Uint8Array(128);
        const info = decodeSiginfo(b, c);
        bytesOut += texts[0]!.render({ type: 'signal', pid: 1, sig: 11, name: 'SIGSEGV', info, time: 0n }).length;
        bytesOut += renderJson({ type: 'signal', pid: 1, sig: 11, name: 'SIGSEGV', info, time: 0n }).length;
      }
    } catch (e) {
      if (failures.length < 10)
        failures.push(`case ${i} ${t.name} ${c.name}(${args.map((a) => '0x' + a.toString(16)).join(', ')}) opt=${JSON.stringify(c.opt)} at ${at.stage}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
      else failures.push('');
    }
  }
  const secs = (Date.now() - started) / 1000;
  console.log(`# fuzz: ${cases} cases (seed ${seed}) in ${secs.toFixed(1)} s, ${mem.reads} memory reads, ${bytesOut} bytes rendered, ${failures.length} exceptions, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  assert.equal(failures.length, 0, `${failures.length} cases threw (replay with SYSRAY_FUZZ_SEED=${seed}):\n${failures.filter(Boolean).join('\n')}`);
});
