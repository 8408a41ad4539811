/** Decoders of capget/capset (strace's capability.c) and seccomp(2) (seccomp.c). */
import { addr, hexv, rd, sig } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, field, join, struct, uint, type Value } from './value.js';
import { flags as xflags } from './xlat/core.js';
import { fetch, pidV, xval } from './printers.js';
import { fprogAt } from './bpf_filter.js';
import { CAP_MASK0, CAP_MASK1, CAP_VERSIONS, SECCOMP_FILTER_FLAGS, SECCOMP_OPS } from './xlat/proc.js';
import { SECCOMP_RET_ACTIONS } from './xlat/bpf_filter.js';


// ---------------------------------------------------------------- capabilities, seccomp

/** The header of capget/capset, or null when it cannot be read. */
function capHeader(c: Ctx, a: bigint): { version: number; pid: number } | null {
  if (a === 0n || !c.opt.verbose) return null;
  const b = c.mem.read(a, 8);
  return b ? { version: rd.u32(b, 0), pid: rd.s32(b, 4) } : null;
}

const capHeaderV = (c: Ctx, a: bigint, h: { version: number; pid: number } | null): Value =>
  !h ? addr(a) : struct([
    field('version', xval(CAP_VERSIONS, BigInt(h.version), '_LINUX_CAPABILITY_VERSION_???')),
    field('pid', pidV(c, h.pid)),
  ]);

function capBits(lo: number, hi: number): Value {
  const parts: Value[] = [];
  if (lo || !hi) parts.push(xflags(CAP_MASK0, BigInt(lo), 'CAP_???'));
  if (hi) parts.push(xflags(CAP_MASK1, BigInt(hi), 'CAP_???'));
  return parts.length === 1 ? parts[0]! : join('|', ...parts);
}

function capData(c: Ctx, a: bigint, h: { version: number; pid: number } | null): Value {
  if (a === 0n || !h) return addr(a);
  const n = h.version === 0x20071026 || h.version === 0x20080522 ? 2 : 1;
  const b = c.mem.read(a, 12 * n);
  if (!b) return { k: 'ptr', v: a, bad: true };
  const w = (i: number, k: number): number => (i < n ? rd.u32(b, i * 12 + k * 4) : 0);
  return struct(['effective', 'permitted', 'inheritable'].map((name, k) => field(name, capBits(w(0, k), w(1, k)))));
}

const capDecoders: Record<string, SyscallDecoder> = {
  capget: {
    entry: (c) => [capHeaderV(c, c.args[0]!, capHeader(c, c.args[0]!))],
    exit: (c) => [capData(c, c.args[1]!, c.err ? null : capHeader(c, c.args[0]!))],
  },
  capset: sig([
    (c, i) => capHeaderV(c, c.args[i]!, capHeader(c, c.args[i]!)),
    (c, i) => capData(c, c.args[i]!, capHeader(c, c.args[0]!)),
  ]),
  seccomp: {
    entry: (c) => {
      const op = BigInt.asUintN(32, c.args[0]!);
      const head = xval(SECCOMP_OPS, op, 'SECCOMP_SET_MODE_???');
      const fl = BigInt.asUintN(32, c.args[1]!);
      switch (op) {
        case 2n:
          return [head, hexv(fl), fetch(c, c.args[2]!, 4, (b) => array([xval(SECCOMP_RET_ACTIONS, BigInt(rd.u32(b, 0)), 'SECCOMP_RET_???')]))];
        case 3n:
          return [head, hexv(fl)];
        case 1n:
          return [head, xflags(SECCOMP_FILTER_FLAGS, fl, 'SECCOMP_FILTER_FLAG_???'), fprogAt(c, c.args[2]!, 'seccomp')];
        default:
          return [head, hexv(fl), addr(c.args[2]!)];
      }
    },
    needsExit: (c) => BigInt.asUintN(32, c.args[0]!) === 3n,
    exit: (c) => (BigInt.asUintN(32, c.args[0]!) === 3n
      ? [fetch(c, c.args[2]!, 6, (b) => struct([
        field('seccomp_notif', uint(rd.u16(b, 0))), field('seccomp_notif_resp', uint(rd.u16(b, 2))),
        field('seccomp_data', uint(rd.u16(b, 4))),
      ]), true)]
      : []),
  },
};

export { capDecoders as decoders };
