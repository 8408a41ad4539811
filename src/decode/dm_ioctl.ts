/**
 * Device mapper ioctls (type 0xfd, strace's dm.c): struct dm_ioctl's header, then the payload its
 * data_start points to (target specs, dependencies, device and target lists, messages), each
 * checked to lie inside data_size. The header prints again at exit (` => [...]`) when the call
 * succeeded or changed it.
 */
import { rd } from './args.js';
import { cstrField, cstrN, dev, fetch, printArray, type ArgAt } from './printers.js';
import type { Ctx } from './types.js';
import { MORE, array, field, hex, int, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';

const DM_FLAGS = xlat(() => [
  'READONLY_FLAG', 'SUSPEND_FLAG', 'EXISTS_FLAG', 'PERSISTENT_DEV_FLAG', 'STATUS_TABLE_FLAG', 'ACTIVE_PRESENT_FLAG',
  'INACTIVE_PRESENT_FLAG', '', 'BUFFER_FULL_FLAG', 'SKIP_BDGET_FLAG', 'SKIP_LOCKFS_FLAG', 'NOFLUSH_FLAG',
  'QUERY_INACTIVE_TABLE_FLAG', 'UEVENT_GENERATED_FLAG', 'UUID_FLAG', 'SECURE_DATA_FLAG', 'DATA_OUT_FLAG', 'DEFERRED_REMOVE',
  'INTERNAL_SUSPEND_FLAG', 'IMA_MEASUREMENT_FLAG',
].flatMap((n, i) => (n ? [[1 << i, `DM_${n}`] as const] : [])));
const SUSPEND_FLAG = 2;
const DATA_OUT_FLAG = 1 << 16;

/** offsetof(struct dm_ioctl, data): the header strace reads. */
const HEADER = 305;
const SPEC_SIZE = 40;

const CMD = {
  VERSION: 0, REMOVE_ALL: 1, LIST_DEVICES: 2, DEV_CREATE: 3, DEV_REMOVE: 4, DEV_RENAME: 5, DEV_SUSPEND: 6, DEV_STATUS: 7,
  DEV_WAIT: 8, TABLE_LOAD: 9, TABLE_CLEAR: 10, TABLE_DEPS: 11, TABLE_STATUS: 12, LIST_VERSIONS: 13, TARGET_MSG: 14,
  DEV_SET_GEOMETRY: 15, DEV_ARM_POLL: 16,
} as const;
const NO_PARAMS = new Set<number>([
  CMD.VERSION, CMD.REMOVE_ALL, CMD.DEV_CREATE, CMD.DEV_REMOVE, CMD.DEV_SUSPEND, CMD.DEV_STATUS, CMD.TABLE_CLEAR, CMD.DEV_ARM_POLL,
]);
const NO_DEVICE = new Set<number>([CMD.REMOVE_ALL, CMD.LIST_DEVICES, CMD.LIST_VERSIONS]);
const COUNTS_OUT = new Set<number>([
  CMD.DEV_CREATE, CMD.DEV_RENAME, CMD.DEV_SUSPEND, CMD.DEV_STATUS, CMD.DEV_WAIT, CMD.TABLE_LOAD, CMD.TABLE_CLEAR,
  CMD.TABLE_DEPS, CMD.TABLE_STATUS, CMD.TARGET_MSG,
]);

interface Ioc { b: Uint8Array; dataSize: number; dataStart: number; targetCount: number; flags: number }
const ioc = (b: Uint8Array): Ioc => ({
  b, dataSize: rd.u32(b, 12), dataStart: rd.u32(b, 16), targetCount: rd.u32(b, 20), flags: rd.u32(b, 28),
});

const misplaced = (what: string): Value => note(tok('???'), `misplaced ${what}`);
/** A string of the payload: at most up to data_size, NUL-terminated. */
const payloadStr = (c: Ctx, a: bigint, at: number, d: Ioc): Value => cstrN(c, a + BigInt(at), (d.dataSize - at) >>> 0);

/** The header's fields; `ok`: whether strace goes on to the payload. */
function header(c: Ctx, cmd: number, d: Ioc, exiting: boolean): { f: Field[]; ok: boolean } {
  const { b } = d;
  const version = array([0, 4, 8].map((o) => uint(rd.u32(b, o))));
  if (rd.u32(b, 0) !== 4) return { f: [field('version', note(version, 'unsupported device mapper ABI version'))], ok: false };
  const f = [field('version', version)];
  if (d.dataSize < HEADER) return { f: [...f, field('data_size', note(uint(d.dataSize), 'data_size too small'))], ok: false };
  f.push(field('data_size', uint(d.dataSize)));
  if (!NO_PARAMS.has(cmd)) f.push(field('data_start', uint(d.dataStart)));
  if (!NO_DEVICE.has(cmd)) {
    if (rd.u64(b, 40)) f.push(field('dev', dev(rd.u64(b, 40))));
    if (b[48]) f.push(field('name', cstrField(b, 48, 128)));
    if (b[176]) f.push(field('uuid', cstrField(b, 176, 129)));
  }
  if (!exiting) {
    if (cmd === CMD.TABLE_LOAD) f.push(field('target_count', uint(d.targetCount)));
    else if (cmd === CMD.DEV_RENAME || cmd === CMD.DEV_REMOVE || cmd === CMD.DEV_WAIT || (cmd === CMD.DEV_SUSPEND && !(d.flags & SUSPEND_FLAG)))
      f.push(field('event_nr', uint(rd.u32(b, 32))));
  } else if (!c.err && COUNTS_OUT.has(cmd)) {
    f.push(field('target_count', uint(d.targetCount)), field('open_count', uint(rd.u32(b, 24))), field('event_nr', uint(rd.u32(b, 32))));
  }
  f.push(field('flags', flags(DM_FLAGS, BigInt(d.flags), 'DM_???')));
  return { f, ok: true };
}

/** struct dm_target_spec records: at entry each `next` is relative to the record, at exit to data_start. */
function targetSpecs(c: Ctx, a: bigint, d: Ioc, exiting: boolean): Value[] {
  if (c.opt.abbrev) return d.targetCount ? [MORE] : [];
  const out: Value[] = [];
  let offset = d.dataStart;
  let end = 0;
  for (let i = 0; i < d.targetCount; i++) {
    if ((i && offset <= end) || (end = (offset + SPEC_SIZE) >>> 0) <= offset || end > d.dataSize) {
      out.push(misplaced('struct dm_target_spec'));
      break;
    }
    if (i >= c.opt.strsize) {
      out.push(MORE);
      break;
    }
    const specEnd = end;
    let next = 0;
    const v = fetch(c, a + BigInt(offset), SPEC_SIZE, (s) => {
      next = rd.u32(s, 20);
      return struct([
        field('sector_start', uint(rd.u64(s, 0))), field('length', uint(rd.u64(s, 8))),
        ...(exiting ? [field('status', int(rd.s32(s, 16)))] : []),
        field('target_type', cstrField(s, 24, 16)), field('string', payloadStr(c, a, specEnd, d)),
      ]);
    });
    out.push(v);
    if (v.k !== 'struct') break;
    offset = exiting ? (d.dataStart + next) >>> 0 : (offset + next) >>> 0;
  }
  return out;
}

/** A chain of records linked by `next` (dm_name_list, dm_target_versions), from data_start. */
function chain(c: Ctx, a: bigint, d: Ioc, what: string, head: number, rec: (s: Uint8Array, end: number) => Value, nextAt: number): Value[] {
  if (d.dataStart === d.dataSize) return [];
  if (c.opt.abbrev) return [MORE];
  const out: Value[] = [];
  let offset = d.dataStart;
  let end = 0;
  for (let i = 0; ; i++) {
    if ((i && offset <= end) || (end = (offset + head) >>> 0) <= offset || end > d.dataSize) {
      out.push(misplaced(what));
      break;
    }
    if (i >= c.opt.strsize) {
      out.push(MORE);
      break;
    }
    const recEnd = end;
    let next = 0;
    const v = fetch(c, a + BigInt(offset), head, (s) => {
      next = rd.u32(s, nextAt);
      return rec(s, recEnd);
    });
    out.push(v);
    if (v.k !== 'struct' || !next) break;
    offset = (offset + next) >>> 0;
  }
  return out;
}

function targetDeps(c: Ctx, a: bigint, d: Ioc): Value[] {
  if (d.dataStart === d.dataSize) return [];
  if (c.opt.abbrev) return [MORE];
  const end = (d.dataStart + 8) >>> 0;
  if (end <= d.dataStart || end > d.dataSize) return [misplaced('struct dm_target_deps')];
  const space = Math.floor((d.dataSize - end) / 8);
  return [fetch(c, a + BigInt(d.dataStart), 8, (s) => {
    const count = rd.u32(s, 0);
    if (count > space) return misplaced('struct dm_target_deps');
    return struct([field('count', uint(count)), field('deps', printArray(c, a + BigInt(end), count, 8, (e) => dev(rd.u64(e, 0))))]);
  })];
}

function targetMsg(c: Ctx, a: bigint, d: Ioc): Value[] {
  if (d.dataStart === d.dataSize) return [];
  if (c.opt.abbrev) return [MORE];
  const end = (d.dataStart + 8) >>> 0;
  if (end <= d.dataStart || end > d.dataSize) return [misplaced('struct dm_target_msg')];
  return [fetch(c, a + BigInt(d.dataStart), 8, (s) => struct([field('sector', uint(rd.u64(s, 0))), field('message', payloadStr(c, a, end, d))]))];
}

function dmString(c: Ctx, a: bigint, d: Ioc): Value[] {
  if (c.opt.abbrev) return [MORE];
  return [d.dataStart <= d.dataSize ? struct([field('string', payloadStr(c, a, d.dataStart, d))]) : misplaced('string')];
}

function payload(c: Ctx, a: bigint, cmd: number, d: Ioc, exiting: boolean): Value[] {
  const out = exiting && !c.err;
  switch (cmd) {
    case CMD.DEV_WAIT: case CMD.TABLE_STATUS: return out ? targetSpecs(c, a, d, true) : [];
    case CMD.TABLE_LOAD: return exiting ? [] : targetSpecs(c, a, d, false);
    case CMD.TABLE_DEPS: return out ? targetDeps(c, a, d) : [];
    case CMD.LIST_DEVICES:
      return out ? chain(c, a, d, 'struct dm_name_list', 12, (s, end) =>
        struct([field('dev', dev(rd.u64(s, 0))), field('name', payloadStr(c, a, end, d))]), 8) : [];
    case CMD.LIST_VERSIONS:
      return out ? chain(c, a, d, 'struct dm_target_versions', 16, (s, end) =>
        struct([field('name', payloadStr(c, a, end, d)), field('version', array([4, 8, 12].map((o) => uint(rd.u32(s, o)))))]), 0) : [];
    case CMD.TARGET_MSG: return !exiting ? targetMsg(c, a, d) : out && d.flags & DATA_OUT_FLAG ? dmString(c, a, d) : [];
    case CMD.DEV_RENAME: case CMD.DEV_SET_GEOMETRY: return exiting ? [] : dmString(c, a, d);
    default: return [];
  }
}

/** `[{header}, payload…]`. */
function decode(c: Ctx, a: bigint, cmd: number, d: Ioc, exiting: boolean): Value {
  const { f, ok } = header(c, cmd, d, exiting);
  return array([struct(f), ...(ok ? payload(c, a, cmd, d, exiting) : [])]);
}

/** The header, or nothing when it cannot be read or its data_size field lies beyond data_size. */
const readIoc = (c: Ctx, a: bigint): Ioc | undefined => {
  const b = c.opt.verbose ? c.mem.read(a, HEADER) : null;
  const d = b ? ioc(b) : undefined;
  return d && d.dataSize >= 12 ? d : undefined;
};

const known = (cmd: number): ArgAt => ({
  at: 'exit',
  save: (c, a) => {
    const d = readIoc(c, a);
    c.state.dm = d;
    c.state.argIn = d && decode(c, a, cmd, d, false);
  },
  print: (c, a) => {
    const given = c.state.dm as Ioc | undefined;
    const d = readIoc(c, a);
    if (!d) return (c.state.argIn as Value | undefined) ?? hex(a);
    const changed = !given || [0, 4, 8, 12, 16, 28].some((o) => rd.u32(d.b, o) !== rd.u32(given.b, o));
    const before = c.state.argIn as Value | undefined;
    if (c.err && !changed) return before!;
    const after = decode(c, a, cmd, d, true);
    return before ? { k: 'inout', in: before, out: after } : after;
  },
});

export const DM_IOCTLS: Readonly<Record<number, ArgAt | null>> = Object.fromEntries(
  Object.values(CMD).map((cmd) => [(0xc138fd00 | cmd) >>> 0, known(cmd)]),
);
