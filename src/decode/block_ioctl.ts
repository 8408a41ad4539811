/**
 * Block device ioctls (type 0x12, strace's block.c): sizes and settings the kernel takes or
 * returns, partition requests (BLKPG) and block trace setup.
 */
import { rd } from './args.js';
import { cstrField, fetch, keepIn, numAt, onEntry as set, onExit as get, pidV, xval, type ArgAt, type ArgPrinter } from './printers.js';
import { array, field, int, struct, uint, type Value } from './value.js';
import { indexed } from './xlat/core.js';

const intPtr: ArgPrinter = (c, a) => numAt(c, a, true, false, 4);
const NO_ARG = null;

const BLKPG_OPS = indexed(['BLKPG_ADD_PARTITION', 'BLKPG_DEL_PARTITION', 'BLKPG_RESIZE_PARTITION'], 1);
const DEVNAME = 64;

/** struct blkpg_ioctl_arg and the struct blkpg_partition its data points to. */
const blkpg: ArgPrinter = (c, a) =>
  fetch(c, a, 24, (b) =>
    struct([
      field('op', xval(BLKPG_OPS, BigInt(rd.s32(b, 0)), 'BLKPG_???')), field('flags', int(rd.s32(b, 4))),
      field('datalen', int(rd.s32(b, 8))),
      field('data', fetch(c, rd.u64(b, 16), 152, (p) =>
        struct([
          field('start', int(rd.s64(p, 0))), field('length', int(rd.s64(p, 8))), field('pno', int(rd.s32(p, 16))),
          field('devname', cstrField(p, 20, DEVNAME)), field('volname', cstrField(p, 20 + DEVNAME, DEVNAME)),
        ]))),
    ]));

/** struct blk_user_trace_setup: the request at entry; the trace's name the kernel chose at exit. */
const TRACE_SETUP = 72;
const traceSetup: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) =>
    fetch(c, a, TRACE_SETUP, (b) =>
      struct([
        field('act_mask', uint(rd.u16(b, 32))), field('buf_size', uint(rd.u32(b, 36))), field('buf_nr', uint(rd.u32(b, 40))),
        field('start_lba', uint(rd.u64(b, 48))), field('end_lba', uint(rd.u64(b, 56))), field('pid', pidV(c, rd.s32(b, 64), 'tgid')),
      ]))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    const b = v.k === 'struct' && !c.err ? c.mem.read(a, TRACE_SETUP) : undefined;
    return b && v.k === 'struct' ? struct([...v.fields, field('name', cstrField(b, 0, 32))]) : v;
  },
};

/** strace's block_ioctl (type 0x12): numbers the kernel returns or takes, by request. */
const shortAt: ArgPrinter = (c, a) => fetch(c, a, 2, (b) => array([uint(rd.u16(b, 0))]), true);
const pairU64: ArgPrinter = (c, a) => fetch(c, a, 16, (b) => array([uint(rd.u64(b, 0)), uint(rd.u64(b, 8))]), true);
export const BLOCK_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x1262: set((_c, a) => uint(a)), 0x1264: set((_c, a) => uint(a)), // BLKRASET, BLKFRASET
  0x1267: get(shortAt), 0x127e: get(shortAt), // BLKSECTGET, BLKROTATIONAL
  // BLKROGET, BLKBSZGET, BLKSSZGET, BLKALIGNOFF; BLKROSET, BLKBSZSET
  0x125e: get(intPtr), 0x80081270: get(intPtr), 0x1268: get(intPtr), 0x127a: get(intPtr),
  0x125d: set(intPtr), 0x40081271: set(intPtr),
  // BLKPBSZGET, BLKIOMIN, BLKIOOPT, BLKDISCARDZEROES, BLKGETZONESZ, BLKGETNRZONES
  0x127b: get((c, a) => numAt(c, a, true, true, 4)), 0x1278: get((c, a) => numAt(c, a, true, true, 4)),
  0x1279: get((c, a) => numAt(c, a, true, true, 4)), 0x127c: get((c, a) => numAt(c, a, true, true, 4)),
  0x80041284: get((c, a) => numAt(c, a, true, true, 4)), 0x80041285: get((c, a) => numAt(c, a, true, true, 4)),
  0x1263: get((c, a) => numAt(c, a, true, false, 8)), 0x1265: get((c, a) => numAt(c, a, true, false, 8)), // BLKRAGET, BLKFRAGET
  0x1260: get((c, a) => numAt(c, a, true, true, 8)), // BLKGETSIZE
  0x80081272: get((c, a) => numAt(c, a, true, true, 8)), 0x80081280: get((c, a) => numAt(c, a, true, true, 8)), // BLKGETSIZE64, BLKGETDISKSEQ
  0x1269: set(blkpg), // BLKPG
  0xc0481273: traceSetup, // BLKTRACESETUP
  0x1277: set(pairU64), 0x127d: set(pairU64), 0x127f: set(pairU64), // BLKDISCARD, BLKSECDISCARD, BLKZEROOUT
  // BLKRRPART, BLKFLSBUF, BLKTRACESTART, BLKTRACESTOP, BLKTRACETEARDOWN
  0x125f: NO_ARG, 0x1261: NO_ARG, 0x1274: NO_ARG, 0x1275: NO_ARG, 0x1276: NO_ARG,
};

