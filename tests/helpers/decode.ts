/** Decoder unit tests on fake tracee memory: the memory, and one call's strace line. */
import assert from 'node:assert/strict';
import type { Ctx, DecodeOptions, HostFacts, Memory, SyscallDecoder } from '../../src/decode/types.js';
import { formatRet, formatValue } from '../../src/render/strace.js';

/**
 * Tracee memory made of a few readable regions; anything else is unreadable. A string that runs
 * off the end of its region reads as unreadable when `strictStrings`, else as cut short.
 */
export class FakeMemory implements Memory {
  private regions: { a: bigint; b: Uint8Array }[] = [];
  /** The process read, when a test sets one (a tracer's Memory moves from tracee to tracee). */
  pid?: number;

  constructor(private strictStrings = false) {}

  put(a: bigint, b: Uint8Array | string): bigint {
    this.regions.push({ a, b: typeof b === 'string' ? new TextEncoder().encode(b) : b });
    return a;
  }

  private find(addr: bigint): { r: { a: bigint; b: Uint8Array }; off: number } | undefined {
    for (const r of this.regions)
      if (addr >= r.a && addr < r.a + BigInt(r.b.length)) return { r, off: Number(addr - r.a) };
    return undefined;
  }

  read(addr: bigint, len: number): Uint8Array | null {
    if (len === 0) return new Uint8Array(0);
    const f = this.find(addr);
    if (!f || f.off + len > f.r.b.length) return null;
    return f.r.b.slice(f.off, f.off + len);
  }

  readString(addr: bigint, max: number): { b: Uint8Array; nul: boolean } | null {
    const f = this.find(addr);
    if (!f) return null;
    const end = Math.min(f.r.b.length, f.off + max);
    for (let i = f.off; i < end; i++) if (f.r.b[i] === 0) return { b: f.r.b.slice(f.off, i), nul: true };
    if (this.strictStrings && end - f.off < max) return null;
    return { b: f.r.b.slice(f.off, end), nul: false };
  }
}

/**
 * The host the unit tests decode on (the tracer's answers, fixed so that lines do not depend on the
 * machine): interface 1 is `lo`, nothing else is known.
 */
export const FAKE_HOST: HostFacts = {
  ifname: (i) => (i === 1 ? 'lo' : undefined),
  fdLink: () => undefined,
  netlinkProtocol: () => undefined,
  possibleCpus: () => undefined,
  optmemMax: () => undefined,
  bootEpochMs: () => undefined,
  stackPointer: () => 0n,
};

export interface Call {
  args: (bigint | number)[];
  mem?: FakeMemory;
  /** What the host answers (FAKE_HOST unless given); null: no host, as in replay. */
  host?: HostFacts | null;
  rval?: bigint | number;
  err?: number;
  opt?: Partial<DecodeOptions>;
}

/**
 * A function giving the strace line (without alignment) of one call through `decoders`: entry
 * arguments, exit arguments, result.
 */
export function lineMaker(decoders: Readonly<Record<string, SyscallDecoder>>, memory: () => FakeMemory) {
  return (name: string, call: Call, decName = name): string => {
    const dec = decoders[decName];
    assert.ok(dec, `no decoder ${decName}`);
    const c: Ctx = {
      pid: 1, nr: 0, name,
      args: [...call.args.map((a) => BigInt.asUintN(64, BigInt(a))), 0n, 0n, 0n, 0n, 0n, 0n].slice(0, 6),
      mem: call.mem ?? memory(),
      opt: { strsize: 32, abbrev: true, verbose: true, ...call.opt },
      rval: 0n, err: 0, state: {},
    };
    if (call.host !== null) c.host = call.host ?? FAKE_HOST;
    const entry = dec.entry(c);
    const needsExit = dec.exit !== undefined && (dec.needsExit?.(c) ?? true);
    c.err = call.err ?? 0;
    c.rval = c.err ? BigInt(-c.err) : BigInt(call.rval ?? 0);
    const rest = needsExit ? dec.exit!(c) : [];
    if (needsExit) assert.ok(rest.length > 0, 'an exit part prints at least one value');
    const r = dec.ret ? dec.ret(c) : { fmt: 'd' as const };
    const ret = formatRet({ rval: c.rval, errno: r.errno ?? c.err, fmt: r.fmt, ...(r.aux ? { aux: r.aux } : {}) });
    return `${name}(${[...entry, ...rest].map((v) => formatValue(v)).join(', ')}) ${ret}`;
  };
}

/** Little-endian struct bytes from [size, value] fields. */
export function bytes(...fields: [1 | 2 | 4 | 8, bigint | number][]): Uint8Array {
  const b = new Uint8Array(fields.reduce((n, [s]) => n + s, 0));
  const v = new DataView(b.buffer);
  let off = 0;
  for (const [s, x] of fields) {
    const n = BigInt(x);
    if (s === 1) v.setUint8(off, Number(BigInt.asUintN(8, n)));
    else if (s === 2) v.setUint16(off, Number(BigInt.asUintN(16, n)), true);
    else if (s === 4) v.setUint32(off, Number(BigInt.asUintN(32, n)), true);
    else v.setBigUint64(off, BigInt.asUintN(64, n), true);
    off += s;
  }
  return b;
}

/** The concatenation of byte arrays. */
export const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};
