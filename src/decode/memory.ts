/** Decoders of the memory family: brk, mmap, munmap, mprotect, madvise, mremap, mlock, … */
import { A, addr, hexv, R, rd, sig, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, int, joinOf, sym, tok, type Value } from './value.js';
import { flags as xflags, lookup, symbol } from './xlat/core.js';
import { MAP_HUGE_MASK, MAP_HUGE_SHIFT, MAP_TYPE_MASK } from './xlat/tables.js';
import { GET_MEMPOLICY_FLAGS, MADVISE_ADVICE, MBIND_FLAGS, MEMFD_SECRET_FLAGS, MLOCK_FLAGS, MLOCKALL_FLAGS, MMAP_FLAGS, MMAP_PROT, MMAP_TYPE, MOVE_PAGES_FLAGS, MPOL_MODE_FLAGS, MPOL_MODE_FLAGS_MASK, MPOL_MODES, MREMAP_FLAGS, MSYNC_FLAGS, PKEY_ACCESS, UFFD_FLAGS } from './xlat/mem.js';
import { errnoName } from './xlat/errno.js';
import { fetch, P, printArray, xflags32, xflags64, xval, xval64 } from './printers.js';

/** mmap's flags: the mapping type, the other flags, and the MAP_HUGE field: `MAP_PRIVATE|MAP_ANONYMOUS`. */
export function mmapFlags(v: bigint): Value {
  const type = symbol(MMAP_TYPE, v & MAP_TYPE_MASK, 'x', 'MAP_???');
  // strace prints the type with printxvals, whose `/* MAP_??? */` stays even inside -X verbose's comment
  const parts: Value[] = [type.k === 'note' ? { k: 'note', v: type.v, text: type.text } : type];
  const hugeMask = MAP_HUGE_MASK << MAP_HUGE_SHIFT;
  const rest = v & ~MAP_TYPE_MASK & ~hugeMask;
  const huge = v & hugeMask;
  if (rest) parts.push(xflags(MMAP_FLAGS, rest));
  if (huge) parts.push(tok(`${huge >> MAP_HUGE_SHIFT}<<MAP_HUGE_SHIFT`));
  // always one number with its parts, as strace prints them
  return joinOf(v, '|', ...parts);
}

const prot: ArgFn = (c, i) => xflags64(MMAP_PROT, c.args[i]!, 'PROT_???');

/** mincore's vector: one 0/1 per page of the range. */
function mincoreVec(c: Ctx): Value {
  const len = c.args[1]!;
  const pages = len / 4096n + (len % 4096n ? 1n : 0n);
  return printArray(c, c.args[2]!, pages, 1, (b) => int(rd.u8(b, 0) & 1, 'u'), { exiting: true });
}

// ---------------------------------------------------------------- NUMA

/**
 * A node mask of `maxnode` bits: `[0x00000000000001, 0000000000000000]`, one unsigned long per
 * element in strace's fixed-width hex (`%#016lx`, so 0 has no 0x). As in strace, the mask holds
 * maxnode - 1 bits.
 */
function nodemask(c: Ctx, a: bigint, maxnode: bigint, exiting = false): Value {
  const n = BigInt.asUintN(64, maxnode + 62n) / 64n;
  if (n < maxnode / 64n || (maxnode && !n)) return addr(a);
  return printArray(c, a, n, 8, (b) => tok(hex0(rd.u64(b, 0))), { exiting });
}
const hex0 = (v: bigint): string => (v ? '0x' + v.toString(16).padStart(14, '0') : '0'.repeat(16));

/** A memory policy mode with its flags: `MPOL_BIND`, `MPOL_INTERLEAVE|MPOL_F_STATIC_NODES`. */
function mpolMode(v: bigint): Value {
  const fl = v & MPOL_MODE_FLAGS_MASK;
  const m = v & ~MPOL_MODE_FLAGS_MASK;
  if (!fl) return xval64(MPOL_MODES, m, 'MPOL_???');
  const name = lookup(MPOL_MODES, m);
  if (name === undefined) return xflags64(MPOL_MODE_FLAGS, v, 'MPOL_???');
  return joinOf(v, '|', sym(name, m), xflags(MPOL_MODE_FLAGS, fl));
}

/** move_pages' status: a node number, or a negated errno (`-ENOENT`). */
function pageStatus(st: number): Value {
  const name = st < 0 ? errnoName(-st) : undefined;
  return name ? { k: 'sym', name: '-' + name, v: BigInt(st) } : int(st);
}

const getMempolicy: SyscallDecoder = sig([
  { exit: (c, i) => fetch(c, c.args[i]!, 4, (b) => array([xval(MPOL_MODES, BigInt(rd.u32(b, 0)), 'MPOL_???')]), true) },
  { exit: (c, i) => nodemask(c, c.args[i]!, c.args[2]!, true) },
  { exit: A.ulong },
  { exit: A.ptr },
  { exit: (c, i) => xflags64(GET_MEMPOLICY_FLAGS, c.args[i]!, 'MPOL_???') },
]);

const numa: Record<string, SyscallDecoder> = {
  mbind: sig([
    A.ptr, A.ulong, (c, i) => mpolMode(c.args[i]!), (c, i) => nodemask(c, c.args[i]!, c.args[4]!), A.ulong,
    (c, i) => xflags32(MBIND_FLAGS, c.args[i]!, 'MPOL_???'),
  ]),
  set_mempolicy: sig([(c, i) => mpolMode(BigInt.asUintN(32, c.args[i]!)), (c, i) => nodemask(c, c.args[i]!, c.args[2]!), A.ulong]),
  get_mempolicy: getMempolicy,
  set_mempolicy_home_node: sig([A.ptr, A.ulong, A.ulong, A.hex]),
  migrate_pages: sig([P, A.ulong, (c, i) => nodemask(c, c.args[i]!, c.args[1]!), (c, i) => nodemask(c, c.args[i]!, c.args[1]!)]),
  move_pages: sig([
    P,
    A.ulong,
    (c, i) => printArray(c, c.args[i]!, c.args[1]!, 8, (b) => addr(rd.u64(b, 0))),
    (c, i) => printArray(c, c.args[i]!, c.args[1]!, 4, (b) => int(rd.s32(b, 0))),
    { exit: (c, i) => printArray(c, c.args[i]!, c.args[1]!, 4, (b) => pageStatus(rd.s32(b, 0)), { exiting: true }) },
    { exit: (c, i) => xflags32(MOVE_PAGES_FLAGS, c.args[i]!, 'MPOL_???') },
  ]),
};

export const decoders: Record<string, SyscallDecoder> = {
  ...numa,
  userfaultfd: withFacts(sig([(c, i) => xflags32(UFFD_FLAGS, c.args[i]!, 'UFFD_???')], R.fd), { paths: [] }),
  memfd_secret: withFacts(sig([(c, i) => xflags32(MEMFD_SECRET_FLAGS, c.args[i]!)], R.fd), { paths: [] }),
  brk: withFacts(sig([A.ptr], R.hex), { mapsChange: true }),
  mmap: withFacts(sig([A.ptr, A.ulong, prot, (c, i) => mmapFlags(c.args[i]!), A.fd, A.hex], R.hex), { paths: ['-', '-', '-', '-', 'fd'], mapsChange: true }),
  munmap: withFacts(sig([A.ptr, A.ulong]), { mapsChange: true }),
  mlock: sig([A.ptr, A.ulong]),
  munlock: sig([A.ptr, A.ulong]),
  set_robust_list: sig([A.ptr, A.ulong]),
  mprotect: withFacts(sig([A.ptr, A.ulong, prot]), { mapsChange: true }),
  pkey_mprotect: withFacts(sig([A.ptr, A.ulong, prot, A.int]), { mapsChange: true }),
  pkey_alloc: sig([A.hex, (c, i) => xflags64(PKEY_ACCESS, c.args[i]!, 'PKEY_???')]),
  pkey_free: sig([A.int]),
  mremap: {
    entry: (c) => {
      const f = c.args[3]!;
      const out = [addr(c.args[0]!), ulong(c.args[1]!), ulong(c.args[2]!), xflags64(MREMAP_FLAGS, f, 'MREMAP_???')];
      if ((f & 3n) === 3n) out.push(addr(c.args[4]!));
      return out;
    },
    ret: () => ({ fmt: 'x' }),
    facts: { mapsChange: true },
  },
  madvise: sig([A.ptr, A.ulong, (c, i) => xval(MADVISE_ADVICE, c.args[i]!, 'MADV_???')]),
  msync: sig([A.ptr, A.ulong, (c, i) => xflags32(MSYNC_FLAGS, c.args[i]!, 'MS_???')]),
  mlockall: sig([(c, i) => xflags32(MLOCKALL_FLAGS, c.args[i]!, 'MCL_???')]),
  mlock2: sig([A.ptr, A.ulong, (c, i) => xflags32(MLOCK_FLAGS, c.args[i]!, 'MLOCK_???')]),
  mincore: sig([A.ptr, A.ulong, { exit: (c) => mincoreVec(c) }]),
  remap_file_pages: withFacts(sig([A.ptr, A.ulong, prot, A.ulong, (c, i) => mmapFlags(c.args[i]!)]), { mapsChange: true }),
  process_mrelease: sig([A.fd, (c, i) => hexv(BigInt.asUintN(32, c.args[i]!))]),
  process_madvise: sig([
    A.fd,
    (c, i) => printArray(c, c.args[i]!, c.args[2]!, 16, (b) => ({
      k: 'struct', fields: [{ n: 'iov_base', v: addr(rd.u64(b, 0)) }, { n: 'iov_len', v: ulong(rd.u64(b, 8)) }],
    })),
    A.ulong,
    (c, i) => xval(MADVISE_ADVICE, c.args[i]!, 'MADV_???'),
    (c, i) => hexv(BigInt.asUintN(32, c.args[i]!)),
  ]),
};
