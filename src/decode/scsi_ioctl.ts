/**
 * SCSI generic ioctls (type '"', strace's scsi.c): ints taken or returned by pointer, the device's
 * id, the request table, resets, and SG_IO's interface id.
 */
import { addr, rd } from './args.js';
import { fetch, numAt, onEntry, onExit, xval, type ArgAt, type ArgPrinter } from './printers.js';
import { array, field, hex, int, join, struct, uint, type Value } from './value.js';
import { xlat } from './xlat/core.js';

const SG_SCSI_RESETS = xlat([
  [0, 'SG_SCSI_RESET_NOTHING'], [1, 'SG_SCSI_RESET_DEVICE'], [2, 'SG_SCSI_RESET_BUS'], [3, 'SG_SCSI_RESET_HOST'],
  [4, 'SG_SCSI_RESET_TARGET'], [0x100, 'SG_SCSI_RESET_NO_ESCALATE'],
]);
const NO_ESCALATE = 0x100;

/** struct sg_scsi_id (SG_GET_SCSI_ID). */
const scsiId: ArgPrinter = (c, a) =>
  fetch(c, a, 32, (b) =>
    struct([
      field('host_no', int(rd.s32(b, 0))), field('channel', int(rd.s32(b, 4))), field('scsi_id', hex(rd.u32(b, 8))),
      field('lun', int(rd.s32(b, 12))), field('scsi_type', hex(rd.u32(b, 16))),
      field('h_cmd_per_lun', int((rd.u16(b, 20) << 16) >> 16)), field('d_queue_depth', int((rd.u16(b, 22) << 16) >> 16)),
    ]), true);

/** struct sg_req_info (SG_GET_REQUEST_TABLE): strace prints the first entry only. */
const reqInfo: ArgPrinter = (c, a) =>
  fetch(c, a, 24, (b) => {
    const s8 = (off: number): Value => int((b[off]! << 24) >> 24);
    return struct([
      field('req_state', s8(0)), field('orphan', s8(1)), field('sg_io_owned', s8(2)), field('problem', s8(3)),
      field('pack_id', int(rd.s32(b, 4))), field('usr_ptr', addr(rd.u64(b, 8))), field('duration', uint(rd.u32(b, 16))),
    ]);
  }, true);

/** SG_SCSI_RESET's value: `[SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]`. */
const reset: ArgPrinter = (c, a) =>
  fetch(c, a, 4, (b) => {
    const v = rd.u32(b, 0);
    const rest = xval(SG_SCSI_RESETS, BigInt(v & ~NO_ESCALATE), 'SG_SCSI_RESET_???');
    return array([v & NO_ESCALATE ? join('|', xval(SG_SCSI_RESETS, BigInt(NO_ESCALATE)), rest) : rest]);
  });

/** SG_IO: an interface id strace does not know prints as `[id]`. */
const sgIo: ArgPrinter = (c, a) => fetch(c, a, 4, (b) => {
  const iid = rd.u32(b, 0);
  return array([uint(iid)]);
});

const set = onEntry;
const get = onExit;
const intIn: ArgAt = set((c, a) => numAt(c, a));
const intOut: ArgAt = get((c, a) => numAt(c, a, true));

export const SCSI_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x2285: set(sgIo), // SG_IO
  0x2276: get(scsiId), // SG_GET_SCSI_ID
  0x2286: get(reqInfo), // SG_GET_REQUEST_TABLE
  0x2284: set(reset), // SG_SCSI_RESET
  // SG_NEXT_CMD_LEN, SG_SET_COMMAND_Q, SG_SET_DEBUG, SG_SET_FORCE_LOW_DMA, SG_SET_FORCE_PACK_ID, SG_SET_KEEP_ORPHAN,
  // SG_SET_RESERVED_SIZE, SG_SET_TIMEOUT
  0x2283: intIn, 0x2271: intIn, 0x227e: intIn, 0x2279: intIn, 0x227b: intIn, 0x2287: intIn, 0x2275: intIn, 0x2201: intIn,
  // SG_EMULATED_HOST, SG_GET_ACCESS_COUNT, SG_GET_COMMAND_Q, SG_GET_KEEP_ORPHAN, SG_GET_LOW_DMA, SG_GET_NUM_WAITING,
  // SG_GET_PACK_ID, SG_GET_RESERVED_SIZE, SG_GET_SG_TABLESIZE, SG_GET_TRANSFORM, SG_GET_VERSION_NUM
  0x2203: intOut, 0x2289: intOut, 0x2270: intOut, 0x2288: intOut, 0x227a: intOut, 0x227d: intOut, 0x227c: intOut,
  0x2272: intOut, 0x227f: intOut, 0x2205: intOut, 0x2282: intOut,
  0x2204: set((_c, a) => hex(BigInt.asUintN(32, a))), // SG_SET_TRANSFORM
  0x2202: null, // SG_GET_TIMEOUT
};
