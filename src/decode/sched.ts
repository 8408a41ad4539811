/** Decoders of sched_getattr/sched_setattr and struct sched_attr (strace's sched.c). */
import { addr, rd, sig } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { badPtr, field, int, struct, uint, type Field, type Value } from './value.js';
import { SCHED_FLAGS } from './xlat/proc.js';
import { P, pidV, xflags64, xval } from './printers.js';
import { E2BIG } from './xlat/errno.js';
import { SCHEDULERS } from './xlat/tables.js';


// ================================================================ added: sched_attr

const SCHED_ATTR_SIZE = 56;
const SCHED_ATTR_MIN_SIZE = 48;
const SCHED_FLAG_KEEP_POLICY = 0x08n, SCHED_FLAG_KEEP_PARAMS = 0x10n;

/**
 * struct sched_attr (print_sched_attr): `usize` is sched_getattr's size argument, 0 for
 * sched_setattr (whose size comes from the struct itself).
 */
function schedAttrAt(c: Ctx, a: bigint, usize: number, exiting: boolean): Value {
  if (a === 0n || !c.opt.verbose || (exiting && c.err)) return addr(a);
  const isSet = usize === 0;
  let size: number;
  let b: Uint8Array;
  if (!isSet) {
    const n = Math.min(usize, SCHED_ATTR_SIZE);
    const r = c.mem.read(a, n);
    if (!r) return badPtr(a);
    b = new Uint8Array(SCHED_ATTR_SIZE);
    b.set(r);
    size = rd.u32(b, 0);
  } else {
    const h = c.mem.read(a, 4);
    if (!h) return badPtr(a);
    usize = rd.u32(h, 0) || SCHED_ATTR_MIN_SIZE;
    size = Math.min(usize, SCHED_ATTR_SIZE);
    b = new Uint8Array(SCHED_ATTR_SIZE);
    b.set(h);
    if (size >= SCHED_ATTR_MIN_SIZE) {
      const r = c.mem.read(a, size);
      if (!r) return badPtr(a);
      b.set(r);
    }
  }
  const f: Field[] = [field('size', uint(rd.u32(b, 0)))];
  if (size >= SCHED_ATTR_MIN_SIZE) {
    const policy = rd.u32(b, 4);
    const flags = rd.u64(b, 8);
    if (!isSet || policy >= 0x80000000 || !(flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)))
      f.push(field('sched_policy', xval(SCHEDULERS, BigInt(policy), 'SCHED_???')));
    f.push(field('sched_flags', xflags64(SCHED_FLAGS, flags, 'SCHED_FLAG_???')));
    if (!isSet || !(flags & SCHED_FLAG_KEEP_PARAMS)) {
      f.push(
        field('sched_nice', int(rd.s32(b, 16))), field('sched_priority', uint(rd.u32(b, 20))),
        field('sched_runtime', uint(rd.u64(b, 24))), field('sched_deadline', uint(rd.u64(b, 32))),
        field('sched_period', uint(rd.u64(b, 40))),
      );
    }
    if (size >= SCHED_ATTR_SIZE) f.push(field('sched_util_min', uint(rd.u32(b, 48))), field('sched_util_max', uint(rd.u32(b, 52))));
  }
  return struct(f, (isSet ? usize : rd.u32(b, 0)) > size);
}


const schedAttrDecoders: Record<string, SyscallDecoder> = {
  sched_getattr: sig([
    P,
    {
      exit: (c) => {
        const size = Number(BigInt.asUintN(32, c.args[2]!));
        return size ? schedAttrAt(c, c.args[1]!, size, true) : addr(c.args[1]!);
      },
    },
    { exit: (c, i) => uint(BigInt.asUintN(32, c.args[i]!)) },
    { exit: (c, i) => uint(BigInt.asUintN(32, c.args[i]!)) },
  ]),
  /** The struct is read at entry; on E2BIG the exit adds ` => {size=N}` (the size the kernel wants). */
  sched_setattr: {
    entry: (c) => {
      c.state.attr = schedAttrAt(c, c.args[1]!, 0, false);
      return [pidV(c, c.args[0]!)];
    },
    exit: (c) => {
      let attr = c.state.attr as Value;
      if (c.opt.verbose && c.err === E2BIG) {
        const b = c.mem.read(c.args[1]!, 4);
        if (b) attr = { k: 'inout', in: attr, out: struct([field('size', uint(rd.u32(b, 0)))]) };
      }
      return [attr, uint(BigInt.asUintN(32, c.args[2]!))];
    },
  },
};

export { schedAttrDecoders as decoders };
