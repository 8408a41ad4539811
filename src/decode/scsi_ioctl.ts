/**
 * SCSI generic ioctls (type '"', strace's scsi.c): ints taken or returned by pointer, the device's
 * id, the request table, resets, and SG_IO's requests and responses (strace's sg_io_v3.c, sg_io_v4.c).
 */
import { addr, buf, rd } from './args.js';
import { fetch, iovecs, numAt, onEntry, onExit, xval, type ArgAt, type ArgPrinter } from './printers.js';
import type { Ctx } from './types.js';
import { array, field, hex, int, join, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';

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

const SG_DXFER_DIRECTIONS = xlat([
  [0xffffffff, 'SG_DXFER_NONE'], [0xfffffffe, 'SG_DXFER_TO_DEV'], [0xfffffffd, 'SG_DXFER_FROM_DEV'], [0xfffffffc, 'SG_DXFER_TO_FROM_DEV'],
]);
const SG_DXFER_TO_DEV = 0xfffffffe;
const SG_DXFER_FROM_DEV = 0xfffffffd;
const SG_DXFER_TO_FROM_DEV = 0xfffffffc;
const SG_FLAGS = xlat([
  [1, 'SG_FLAG_DIRECT_IO'], [2, 'SG_FLAG_UNUSED_LUN_INHIBIT'], [4, 'SG_FLAG_MMAP_IO'], [0x10000, 'SG_FLAG_NO_DXFER'],
  [0x10, 'SG_FLAG_Q_AT_TAIL'], [0x20, 'SG_FLAG_Q_AT_HEAD'],
]);
const SG_INFO = xlat([[1, 'SG_INFO_CHECK'], [2, 'SG_INFO_DIRECT_IO'], [4, 'SG_INFO_MIXED_IO']]);
const BSG_PROTOCOLS = xlat([[0, 'BSG_PROTOCOL_SCSI']]);
const BSG_SUBPROTOCOLS = xlat([[0, 'BSG_SUB_PROTOCOL_SCSI_CMD'], [1, 'BSG_SUB_PROTOCOL_SCSI_TMF'], [2, 'BSG_SUB_PROTOCOL_SCSI_TRANSPORT']]);
const BSG_FLAGS = xlat([[0x10, 'BSG_FLAG_Q_AT_TAIL'], [0x20, 'BSG_FLAG_Q_AT_HEAD']]);

/** A data buffer of SG_IO: an iovec array of `count` entries, else the bytes in hex escapes. */
const sgBuffer = (c: Ctx, a: bigint, size: number, count: number): Value =>
  count ? iovecs(c, a, BigInt(count), BigInt(size), true) : buf(c, a, size, true);
const u32f = (b: Uint8Array, n: string, off: number): Field => field(n, uint(rd.u32(b, off)));
const x32f = (b: Uint8Array, n: string, off: number): Field => field(n, hex(rd.u32(b, off)));
/** What the kernel left in the buffer: its length less a positive residue no larger than it. */
const dinLen = (len: number, resid: number): number => (resid > 0 && resid <= len ? len - resid : len);

/** The fields with ` => name=value` after the last one's value (strace's tprint_value_changed inside a struct). */
const changedLast = (f: Field[], name: string, v: Value): Field[] => {
  const last = f[f.length - 1]!;
  return [...f.slice(0, -1), { ...last, v: { k: 'inout', in: last.v, out: join('=', tok(name), v) } }];
};

/** One SG_IO interface: its header size, the request read at entry and the response read at exit. */
interface SgIface {
  id: string;
  size: number;
  request: (c: Ctx, b: Uint8Array) => Field[];
  response: (c: Ctx, b: Uint8Array, given: Field[]) => Field[];
  /** The pointers shown when the header cannot be read at exit. */
  unread: (given: Uint8Array) => Field[];
}

/** struct sg_io_hdr ('S'). */
const SG_V3: SgIface = {
  id: 'interface_id',
  size: 88,
  request: (c, b) => {
    const dir = rd.u32(b, 4);
    const f = [
      field('dxfer_direction', xval(SG_DXFER_DIRECTIONS, BigInt(dir), 'SG_DXFER_???')), field('cmd_len', uint(b[8]!)),
      field('cmdp', sgBuffer(c, rd.u64(b, 24), b[8]!, 0)), field('mx_sb_len', uint(b[9]!)),
      field('iovec_count', uint(rd.u16(b, 10))), u32f(b, 'dxfer_len', 12), u32f(b, 'timeout', 40),
      field('flags', flags(SG_FLAGS, BigInt(rd.u32(b, 44)), 'SG_FLAG_???')),
    ];
    if (dir === SG_DXFER_TO_DEV || dir === SG_DXFER_TO_FROM_DEV) f.push(field('dxferp', sgBuffer(c, rd.u64(b, 16), rd.u32(b, 12), rd.u16(b, 10))));
    return f;
  },
  response: (c, b, given) => {
    let f = given;
    const dir = rd.u32(b, 4);
    if (dir === SG_DXFER_FROM_DEV || dir === SG_DXFER_TO_FROM_DEV) {
      const len = dinLen(rd.u32(b, 12), rd.s32(b, 72));
      const data = sgBuffer(c, rd.u64(b, 16), len, rd.u16(b, 10));
      if (dir === SG_DXFER_FROM_DEV) f = [...f, field('dxferp', data)];
      // the data the device sent back follows what went to it, as ` => dxferp=…`
      else if (len) f = changedLast(f, 'dxferp', data);
    }
    const sbLen = b[67]!;
    return [
      ...f, field('status', hex(b[64]!)), field('masked_status', hex(b[65]!)), field('msg_status', hex(b[66]!)),
      field('sb_len_wr', uint(sbLen)), field('sbp', sgBuffer(c, rd.u64(b, 32), sbLen, 0)),
      field('host_status', hex(rd.u16(b, 68))), field('driver_status', hex(rd.u16(b, 70))), field('resid', int(rd.s32(b, 72))),
      u32f(b, 'duration', 76), field('info', flags(SG_INFO, BigInt(rd.u32(b, 80)), 'SG_INFO_???')),
    ];
  },
  unread: (given) => [
    ...(rd.u32(given, 4) === SG_DXFER_FROM_DEV ? [field('dxferp', addr(rd.u64(given, 16)))] : []), field('sbp', addr(rd.u64(given, 32))),
  ],
};

/** struct sg_io_v4 ('Q'). */
const SG_V4: SgIface = {
  id: 'guard',
  size: 160,
  request: (c, b) => [
    field('protocol', xval(BSG_PROTOCOLS, BigInt(rd.u32(b, 4)), 'BSG_PROTOCOL_???')),
    field('subprotocol', xval(BSG_SUBPROTOCOLS, BigInt(rd.u32(b, 8)), 'BSG_SUB_PROTOCOL_???')),
    u32f(b, 'request_len', 12), field('request', sgBuffer(c, rd.u64(b, 16), rd.u32(b, 12), 0)), field('request_tag', hex(rd.u64(b, 24))),
    u32f(b, 'request_attr', 32), u32f(b, 'request_priority', 36), u32f(b, 'request_extra', 40), u32f(b, 'max_response_len', 44),
    u32f(b, 'dout_iovec_count', 56), u32f(b, 'dout_xfer_len', 60), u32f(b, 'din_iovec_count', 64), u32f(b, 'din_xfer_len', 68),
    field('dout_xferp', sgBuffer(c, rd.u64(b, 72), rd.u32(b, 60), rd.u32(b, 56))), u32f(b, 'timeout', 88),
    field('flags', flags(BSG_FLAGS, BigInt(rd.u32(b, 92)), 'BSG_FLAG_???')), field('usr_ptr', hex(rd.u64(b, 96))),
  ],
  response: (c, b, given) => {
    const respLen = rd.u32(b, 132);
    return [
      ...given, u32f(b, 'response_len', 132), field('response', sgBuffer(c, rd.u64(b, 48), respLen, 0)),
      field('din_xferp', sgBuffer(c, rd.u64(b, 80), dinLen(rd.u32(b, 68), rd.s32(b, 136)), rd.u32(b, 64))),
      x32f(b, 'driver_status', 108), x32f(b, 'transport_status', 112), x32f(b, 'device_status', 116), u32f(b, 'retry_delay', 120),
      field('info', flags(SG_INFO, BigInt(rd.u32(b, 124)), 'SG_INFO_???')), u32f(b, 'duration', 128), u32f(b, 'response_len', 132),
      field('din_resid', int(rd.s32(b, 136))), field('dout_resid', int(rd.s32(b, 140))), field('generated_tag', hex(rd.u64(b, 144))),
    ];
  },
  unread: (given) => [field('response', hex(rd.u64(given, 48))), field('din_xferp', hex(rd.u64(given, 80)))],
};
const SG_IFACES: Readonly<Record<number, SgIface>> = { 0x53: SG_V3, 0x51: SG_V4 };

/**
 * SG_IO: the request at entry, the response at exit (read even when the call failed); an interface
 * id strace does not know prints as `[id]`. A changed id at exit prints as ` => id=N`.
 */
const sgIo: ArgAt = {
  at: 'exit',
  save: (c, a) => {
    c.state.argIn = fetch(c, a, 4, (b) => {
      const iid = rd.u32(b, 0);
      const sg = SG_IFACES[iid];
      if (!sg) return array([uint(iid)]);
      const head = field(sg.id, tok(`'${String.fromCharCode(iid)}'`));
      const rest = c.mem.read(a + 4n, sg.size - 4);
      if (!rest) return struct([head, { v: addr(a + 4n) }]);
      const given = new Uint8Array(sg.size);
      given.set(b.subarray(0, 4));
      given.set(rest, 4);
      c.state.sgIo = { sg, given };
      return struct([head, ...sg.request(c, given)]);
    });
  },
  print: (c, a) => {
    const v = c.state.argIn as Value;
    const st = c.state.sgIo as { sg: SgIface; given: Uint8Array } | undefined;
    if (!st || v.k !== 'struct') return v;
    const b = c.mem.read(a, st.sg.size);
    if (!b) return struct([...v.fields, ...st.sg.unread(st.given)]);
    const iid = rd.u32(b, 0);
    if (iid !== rd.u32(st.given, 0)) return struct(changedLast(v.fields, st.sg.id, uint(iid)));
    return struct(st.sg.response(c, b, v.fields));
  },
};

const set = onEntry;
const get = onExit;
const intIn: ArgAt = set((c, a) => numAt(c, a));
const intOut: ArgAt = get((c, a) => numAt(c, a, true));

export const SCSI_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x2285: sgIo, // SG_IO
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
