/**
 * Decoders of the file family (path-based calls: open, stat, access, link, chmod, …); what files
 * and descriptors both show (struct stat, modes, device numbers, times) is in stat.ts.
 */
import {
  A, addr, atExit, buf, cstr, dirfd as dirfdOf, fd as fdOf, localArray, path, R, rd, sig, withFacts, type ArgFn,
} from './args.js';
import type { Ctx, RetFmt, SyscallDecoder } from './types.js';
import { array, field, hex, int, join, note, oct, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup, symbol, type Xlat } from './xlat/core.js';
import {
  ACCESS_MODES, AT_FLAGS, AT_STATX_SYNC, AT_STATX_SYNC_TYPE, FACCESSAT_FLAGS, OPEN_MODE_NEEDED, S_IFMT, STATX_ATTRS,
  STATX_MASK,
} from './xlat/tables.js';
import {
  FSCONFIG_CMDS, FSMOUNT_ATTR_FLAGS, FSMOUNT_FLAGS, FSOPEN_FLAGS, FSPICK_FLAGS, MOUNT_ATTR_ATTR, MOUNT_ATTR_IDMAP,
  MOUNT_ATTR_PROPAGATION, MOUNT_FLAGS, MOUNT_SETATTR_FLAGS, MOVE_MOUNT_FLAGS, MS_IGNORE_DATA, MS_MGC_MSK, MS_MGC_VAL,
  MS_REMOUNT, OPEN_TREE_FLAGS, RENAME_FLAGS, RESOLVE_FLAGS, UMOUNT_FLAGS, XATTR_FLAGS, FAN_ALL_CLASS_BITS,
  FAN_CLASSES, FAN_EVENT_FLAGS, FAN_INIT_FLAGS, FAN_MARK_FLAGS, IF_DQBLK_VALID, IF_DQINFO_FLAGS, IF_DQINFO_VALID,
  LANDLOCK_ACCESS_FS, LANDLOCK_CREATE_RULESET_FLAGS, LANDLOCK_RULE_TYPES, NAME_TO_HANDLE_AT_FLAGS, QUOTA_CMDS,
  QUOTA_FORMATS, QUOTA_TYPES, SWAP_FLAG_PRIO_MASK, SWAP_FLAGS, FCHMODAT_FLAGS, XFS_DQBLK_FLAGS, XFS_QUOTA_FLAGS,
} from './xlat/file.js';
import { cstrN, dev, fetch, idV, nonzeroTail, numAt, sprinttime } from './printers.js';
import {
  filledBuf, idArg, openModes, pathn, secNote, statArg, statfsArg, symbolicMode, umode,
} from './stat.js';

// ---------------------------------------------------------------- struct statx

const STATX_SIZE = 256;

function statxTimestamp(b: Uint8Array, off: number): Value {
  const sec = rd.s64(b, off);
  const nsec = BigInt(rd.u32(b, off + 8));
  const ts = struct([field('tv_sec', int(sec)), field('tv_nsec', uint(nsec))]);
  const t = sprinttime(sec, nsec);
  return t === undefined ? ts : note(ts, t);
}

function statxStruct(c: Ctx, b: Uint8Array): Value {
  const mask = rd.u32(b, 0);
  const has = (bit: number): boolean => (mask & bit) !== 0;
  const full = !c.opt.abbrev;
  const f: Field[] = [field('stx_mask', flags(STATX_MASK, BigInt(mask), 'STATX_???'))];
  if (full) f.push(field('stx_blksize', uint(rd.u32(b, 4))));
  f.push(field('stx_attributes', flags(STATX_ATTRS, rd.u64(b, 8), 'STATX_ATTR_???')));
  if (full) {
    if (has(0x4)) f.push(field('stx_nlink', uint(rd.u32(b, 16))));
    if (has(0x8)) f.push(field('stx_uid', idV(BigInt(rd.u32(b, 20)))));
    if (has(0x10)) f.push(field('stx_gid', idV(BigInt(rd.u32(b, 24)))));
  }
  if (has(0x1 | 0x2)) f.push(field('stx_mode', symbolicMode(rd.u16(b, 28))));
  if (full && has(0x100)) f.push(field('stx_ino', uint(rd.u64(b, 32))));
  if (has(0x200)) f.push(field('stx_size', uint(rd.u64(b, 40))));
  if (!full) return struct(f, true);
  if (has(0x400)) f.push(field('stx_blocks', uint(rd.u64(b, 48))));
  f.push(field('stx_attributes_mask', flags(STATX_ATTRS, rd.u64(b, 56), 'STATX_ATTR_???')));
  const times = [['stx_atime', 0x20, 64], ['stx_btime', 0x800, 80], ['stx_ctime', 0x80, 96], ['stx_mtime', 0x40, 112]] as const;
  for (const [name, bit, off] of times) if (has(bit)) f.push(field(name, statxTimestamp(b, off)));
  f.push(
    field('stx_rdev_major', uint(rd.u32(b, 128))), field('stx_rdev_minor', uint(rd.u32(b, 132))),
    field('stx_dev_major', uint(rd.u32(b, 136))), field('stx_dev_minor', uint(rd.u32(b, 140))),
  );
  if (has(0x1000)) f.push(field('stx_mnt_id', hex(rd.u64(b, 144))));
  if (has(0x2000)) f.push(field('stx_dio_mem_align', uint(rd.u32(b, 152))), field('stx_dio_offset_align', uint(rd.u32(b, 156))));
  return struct(f);
}

/** statx flags: the sync type (always named), then `|` and the AT_* flags when any. */
function statxFlags(v: bigint): Value {
  const f = BigInt.asUintN(32, v);
  const syncType: Value = { ...flags(AT_STATX_SYNC, f & AT_STATX_SYNC_TYPE), noDflt: true } as Value;
  const rest = f & ~AT_STATX_SYNC_TYPE;
  return rest ? join('|', syncType, flags(AT_FLAGS, rest)) : syncType;
}

// ---------------------------------------------------------------- struct timespec[2] for utimensat

const UTIME_NOW = (1n << 30n) - 1n;
const UTIME_OMIT = (1n << 30n) - 2n;

function utimeSpec(b: Uint8Array, off: number): Value {
  const sec = rd.s64(b, off);
  const nsec = rd.u64(b, off + 8);
  const ts = struct([field('tv_sec', int(sec)), field('tv_nsec', uint(nsec))]);
  if (nsec === UTIME_NOW || nsec === UTIME_OMIT) return { k: 'sym', name: nsec === UTIME_NOW ? 'UTIME_NOW' : 'UTIME_OMIT', v: nsec, raw: ts };
  const t = sprinttime(sec, nsec);
  return t === undefined ? ts : note(ts, t);
}

/** print_timespec64_utime_pair: `[{tv_sec=…, tv_nsec=…} /* date *\/, UTIME_NOW]`. */
const utimePair: ArgFn = (c, i) =>
  fetch(c, c.args[i]!, 32, (b) => localArray(c, [utimeSpec(b, 0), utimeSpec(b, 16)]));

/** print_timeval_utimes (utimes, futimesat): `[{tv_sec=…, tv_usec=…} /* date *\/, …]`. */
function utimeval(b: Uint8Array, off: number): Value {
  const sec = rd.s64(b, off);
  const usec = rd.u64(b, off + 8);
  const tv = struct([field('tv_sec', int(sec)), field('tv_usec', uint(usec))]);
  const t = sprinttime(sec, usec, 999999n, 6);
  return t === undefined ? tv : note(tv, t);
}
const timevalPair: ArgFn = (c, i) => fetch(c, c.args[i]!, 32, (b) => localArray(c, [utimeval(b, 0), utimeval(b, 16)]));

// ---------------------------------------------------------------- xattr

const XATTR_SIZE_MAX = 65536n;

/** An xattr value of `size` bytes (strace's QUOTE_OMIT_TRAILING_0: a last shown NUL is dropped, no `...`). */
function xattrValue(c: Ctx, a: bigint, size: bigint): Value {
  if (BigInt.asUintN(64, size) > XATTR_SIZE_MAX) return addr(a);
  const v = buf(c, a, size);
  if (v.k === 'str' && v.b.length && v.b[v.b.length - 1] === 0) return { k: 'str', b: v.b.subarray(0, v.b.length - 1) };
  return v;
}
const xattrIn: ArgFn = (c, i) => xattrValue(c, c.args[i]!, c.args[i + 1]!);
/** getxattr at exit: the value the call returned (a failure's -1 is too big: the address). */
const xattrOut: ArgFn = (c, i) => xattrValue(c, c.args[i]!, c.rval);
/** listxattr at exit: the names, unless the size was 0 or the call failed. */
const xattrList: ArgFn = (c, i) => (!c.args[i + 1] || c.err ? addr(c.args[i]!) : buf(c, c.args[i]!, c.rval));

// ---------------------------------------------------------------- open family

/** open's flags and, with O_CREAT or O_TMPFILE, its mode. */
function openArgs(c: Ctx, off: number): Value[] {
  const fl = BigInt.asUintN(32, c.args[off + 1]!);
  const out = [path(c, c.args[off]!), openModes(fl)];
  if (fl & OPEN_MODE_NEEDED) out.push(umode(c.args[off + 2]!));
  return out;
}

const OPEN_HOW_MIN = 24;

/** struct open_how: `{flags=…, mode=…, resolve=…}` (mode only with O_CREAT/O_TMPFILE or when set). */
const openHow: ArgFn = (c, i) => {
  const a = c.args[i]!;
  const size = c.args[i + 1]!;
  if (size < BigInt(OPEN_HOW_MIN)) return addr(a);
  return fetch(c, a, OPEN_HOW_MIN, (b) => {
    const fl = rd.u64(b, 0);
    const m = rd.u64(b, 8);
    const f: Field[] = [field('flags', openModes(fl))];
    if (fl & OPEN_MODE_NEEDED || m) f.push(field('mode', oct(m)));
    f.push(field('resolve', flags(RESOLVE_FLAGS, rd.u64(b, 16), 'RESOLVE_???')));
    const tail = nonzeroTail(c, a, OPEN_HOW_MIN, size);
    if (tail) f.push(tail);
    return struct(f);
  });
};

// ---------------------------------------------------------------- mount and the new mount API

/** mount(2): the type prints as an address when MS_REMOUNT/bind/move/propagation ignore it, so does the data. */
function mountArgs(c: Ctx): Value[] {
  let fl = c.args[3]!;
  const magic = (fl & MS_MGC_MSK) === MS_MGC_VAL;
  if (magic) fl &= ~MS_MGC_MSK;
  const ignoreType = (fl & MS_REMOUNT) !== 0n || (fl & MS_IGNORE_DATA) !== 0n;
  const ignoreData = !(fl & MS_REMOUNT) && (fl & MS_IGNORE_DATA) !== 0n;
  const mgc: Value = { k: 'sym', name: 'MS_MGC_VAL', v: MS_MGC_VAL, fmt: 'x' };
  const rest = flags(MOUNT_FLAGS, fl, 'MS_???');
  return [
    path(c, c.args[0]!), path(c, c.args[1]!),
    ignoreType ? addr(c.args[2]!) : A.cstr(c, 2),
    magic ? (fl ? join('|', mgc, rest) : mgc) : rest,
    ignoreData ? addr(c.args[4]!) : A.cstr(c, 4),
  ];
}

const FSCONFIG_KEYED = new Set([0n, 1n, 2n, 3n, 4n, 5n]);

const FSCONFIG_PATH_ROLES = ['-', '-', '-', 'path', 'fd'] as const;

/** fsconfig: key and value print by the command (strings, a path, hex bytes of `aux` or an address). */
function fsconfigArgs(c: Ctx): Value[] {
  const cmd = BigInt.asUintN(32, c.args[1]!);
  const key = c.args[2]!;
  const value = c.args[3]!;
  const aux = BigInt.asIntN(32, c.args[4]!);
  // printstr_ex of at most 256 bytes: `...` when none of them is a NUL
  const keyV = FSCONFIG_KEYED.has(cmd) ? cstrN(c, key, 256) : addr(key);
  let valueV: Value;
  if (cmd === 1n) valueV = cstrN(c, value, 256);
  else if (cmd === 3n || cmd === 4n) valueV = path(c, value);
  else if (cmd === 2n && aux >= 0n && aux <= 1048576n) valueV = buf(c, value, aux, true);
  else valueV = addr(value);
  const auxV = cmd === 3n || cmd === 4n ? dirfdOf(aux) : cmd === 5n ? fdOf(aux) : int(aux);
  return [fdOf(BigInt.asIntN(32, c.args[0]!)), symbol(FSCONFIG_CMDS, cmd, 'x', 'FSCONFIG_???'), keyV, valueV, auxV];
}

const MOUNT_ATTR_SIZE_VER0 = 32;

/** struct mount_attr: `{attr_set=…, attr_clr=…, propagation=…, userns_fd=…}` and any non-zero tail. */
const mountAttr: ArgFn = (c, i) => {
  const a = c.args[i]!;
  const size = c.args[i + 1]!;
  if (size < BigInt(MOUNT_ATTR_SIZE_VER0)) return addr(a);
  return fetch(c, a, MOUNT_ATTR_SIZE_VER0, (b) => {
    const set = rd.u64(b, 0);
    const clr = rd.u64(b, 8);
    const userns = rd.u64(b, 24);
    const f: Field[] = [
      field('attr_set', flags(MOUNT_ATTR_ATTR, set, 'MOUNT_ATTR_???')),
      field('attr_clr', flags(MOUNT_ATTR_ATTR, clr, 'MOUNT_ATTR_???')),
      field('propagation', symbol(MOUNT_ATTR_PROPAGATION, rd.u64(b, 16), 'x', 'MS_???')),
      field('userns_fd', userns > 0x7fffffffn || !((set | clr) & MOUNT_ATTR_IDMAP) ? uint(userns) : fdOf(userns)),
    ];
    const tail = nonzeroTail(c, a, MOUNT_ATTR_SIZE_VER0, size);
    if (tail) f.push(tail);
    return struct(f);
  });
};

// ---------------------------------------------------------------- fanotify

/** fanotify_init flags: the class (always named), then `|` and the other flags when any. */
const fanInitFlags: ArgFn = (c, i) => {
  const v = BigInt.asUintN(32, c.args[i]!);
  const cls = symbol(FAN_CLASSES, v & FAN_ALL_CLASS_BITS, 'x', 'FAN_CLASS_???');
  const rest = v & ~FAN_ALL_CLASS_BITS;
  return rest ? join('|', cls, flags(FAN_INIT_FLAGS, rest, 'FAN_???')) : cls;
};

/** fanotify_mark's dirfd: FAN_NOFD (-1) by name, else a dirfd. */
const fanDirfd: ArgFn = (c, i) => (BigInt.asIntN(32, c.args[i]!) === -1n ? { k: 'sym', name: 'FAN_NOFD', v: -1n } : dirfdOf(c.args[i]!));

// ---------------------------------------------------------------- file handles

const MAX_HANDLE_SZ = 128;

/** f_handle: at most MAX_HANDLE_SZ bytes in hex (not cut by -s), `...` when the handle is longer; `???` unreadable. */
function fHandle(c: Ctx, a: bigint, bytes: number): Value {
  const len = Math.min(bytes, MAX_HANDLE_SZ);
  const b = c.mem.read(a + 8n, len);
  if (!b) return tok('???');
  return { k: 'str', b, hex: true, ...(bytes > len ? { trunc: true } : {}) };
}

/** name_to_handle_at: `{handle_bytes=128 => 8, handle_type=1, f_handle="\x…"}, [mount_id], flags` at exit. */
const nameToHandleAt: SyscallDecoder = {
  entry: (c) => {
    const head = [dirfdOf(c.args[0]!), path(c, c.args[1]!)];
    const h = c.args[2]! && c.opt.verbose ? c.mem.read(c.args[2]!, 8) : null;
    if (!h) {
      c.state.done = true;
      return [...head, addr(c.args[2]!), addr(c.args[3]!), flags(NAME_TO_HANDLE_AT_FLAGS, BigInt.asUintN(32, c.args[4]!), 'AT_???')];
    }
    c.state.bytes = rd.u32(h, 0);
    return head;
  },
  needsExit: (c) => !c.state.done,
  exit: (c) => {
    const a = c.args[2]!;
    const before = c.state.bytes as number;
    const f: Field[] = [];
    const h = !c.err || c.err === 75 /* EOVERFLOW */ ? c.mem.read(a, 8) : null;
    if (h && rd.u32(h, 0) !== before) f.push(field('handle_bytes', { k: 'inout', in: uint(before), out: uint(rd.u32(h, 0)) }));
    else f.push(field('handle_bytes', uint(before)));
    if (h && !c.err) f.push(field('handle_type', int(rd.s32(h, 4))), field('f_handle', fHandle(c, a, rd.u32(h, 0))));
    return [struct(f), numAt(c, c.args[3]!, true, false, 4), flags(NAME_TO_HANDLE_AT_FLAGS, BigInt.asUintN(32, c.args[4]!), 'AT_???')];
  },
  ret: () => ({ fmt: 'd' }),
};

/** open_by_handle_at's handle: `{handle_bytes=8, handle_type=1, f_handle="\x…"}`. */
const fileHandle: ArgFn = (c, i) =>
  fetch(c, c.args[i]!, 8, (h) => struct([
    field('handle_bytes', uint(rd.u32(h, 0))), field('handle_type', int(rd.s32(h, 4))),
    field('f_handle', fHandle(c, c.args[i]!, rd.u32(h, 0))),
  ]));

// ---------------------------------------------------------------- landlock

/** struct landlock_ruleset_attr: `{handled_access_fs=…}`, `, ...` when the size is larger. */
const rulesetAttr: ArgFn = (c, i) => {
  const a = c.args[i]!;
  const size = c.args[i + 1]!;
  if (size < 8n) return addr(a);
  return fetch(c, a, 8, (b) =>
    struct([field('handled_access_fs', flags(LANDLOCK_ACCESS_FS, rd.u64(b, 0), 'LANDLOCK_ACCESS_FS_???'))], size > 8n));
};

/** landlock_add_rule's attr: struct landlock_path_beneath_attr for LANDLOCK_RULE_PATH_BENEATH, else the address. */
const ruleAttr: ArgFn = (c, i) =>
  BigInt.asUintN(32, c.args[i - 1]!) !== 1n ? addr(c.args[i]!)
    : fetch(c, c.args[i]!, 12, (b) => struct([
      field('allowed_access', flags(LANDLOCK_ACCESS_FS, rd.u64(b, 0), 'LANDLOCK_ACCESS_FS_???')),
      field('parent_fd', fdOf(BigInt(rd.s32(b, 8)))),
    ]));

const hex32: ArgFn = (c, i) => hex(BigInt.asUintN(32, c.args[i]!));

// ---------------------------------------------------------------- quotactl

/** QCMD(cmd, type): `QCMD(Q_GETQUOTA, USRQUOTA)`; -X raw the number in decimal, -X verbose both. */
function qcmd(v: bigint): Value {
  // an unknown part prints as %#x does: 0 without the 0x
  const named = (x: Xlat, n: bigint, dflt: string): string => lookup(x, n) ?? `${n ? '0x' + n.toString(16) : '0'} /* ${dflt} */`;
  const text = `QCMD(${named(QUOTA_CMDS, v >> 8n, 'Q_???')}, ${named(QUOTA_TYPES, v & 0xffn, '???QUOTA')})`;
  return { k: 'sym', name: text, v, raw: uint(v) };
}

const u64s = (b: Uint8Array, names: string[], off = 0): Field[] => names.map((n, k) => field(n, uint(rd.u64(b, off + 8 * k))));
const DQBLK_HEAD = ['dqb_bhardlimit', 'dqb_bsoftlimit', 'dqb_curspace', 'dqb_ihardlimit', 'dqb_isoftlimit', 'dqb_curinodes'];

/** struct if_dqblk / if_nextdqblk (`next`: with dqb_id). */
function dqblk(c: Ctx, b: Uint8Array, next: boolean): Value {
  const f = u64s(b, DQBLK_HEAD);
  if (!c.opt.abbrev) {
    f.push(...u64s(b, ['dqb_btime', 'dqb_itime'], 48), field('dqb_valid', flags(IF_DQBLK_VALID, BigInt(rd.u32(b, 64)), 'QIF_???')));
    if (next) f.push(field('dqb_id', uint(rd.u32(b, 68))));
    return struct(f);
  }
  if (next) f.push(field('dqb_id', uint(rd.u32(b, 68))));
  return struct(f, true);
}

const dqinfo = (b: Uint8Array): Value => struct([
  ...u64s(b, ['dqi_bgrace', 'dqi_igrace']),
  field('dqi_flags', flags(IF_DQINFO_FLAGS, BigInt(rd.u32(b, 16)), 'DQF_???')),
  field('dqi_valid', flags(IF_DQINFO_VALID, BigInt(rd.u32(b, 20)), 'IIF_???')),
]);

/** XFS fs_disk_quota_t (112 bytes): the limits and counts; -v adds timers, warnings and realtime limits. */
function xfsDiskQuota(c: Ctx, b: Uint8Array): Value {
  const f: Field[] = [
    field('d_version', int(BigInt.asIntN(8, BigInt(b[0]!)))),
    field('d_flags', flags(XFS_DQBLK_FLAGS, BigInt(b[1]!), 'FS_???_QUOTA')),
    field('d_fieldmask', hex(rd.u16(b, 2))), field('d_id', uint(rd.u32(b, 4))),
    ...u64s(b, ['d_blk_hardlimit', 'd_blk_softlimit', 'd_ino_hardlimit', 'd_ino_softlimit', 'd_bcount', 'd_icount'], 8),
  ];
  if (c.opt.abbrev) return struct(f, true);
  f.push(
    field('d_itimer', int(rd.s32(b, 56))), field('d_btimer', int(rd.s32(b, 60))),
    field('d_iwarns', uint(rd.u16(b, 64))), field('d_bwarns', uint(rd.u16(b, 66))),
    ...u64s(b, ['d_rtb_hardlimit', 'd_rtb_softlimit', 'd_rtbcount'], 72),
    field('d_rtbtimer', int(rd.s32(b, 96))), field('d_rtbwarns', uint(rd.u16(b, 100))),
  );
  return struct(f);
}

/** fs_qfilestat(v) at `off`: `{qfs_ino=…, qfs_nblks=…, qfs_nextents=…}`. */
const qfilestat = (b: Uint8Array, off: number): Value =>
  struct([...u64s(b, ['qfs_ino', 'qfs_nblks'], off), field('qfs_nextents', uint(rd.u32(b, off + 16)))]);

/** XFS fs_quota_stat_t (Q_XGETQSTAT, 80 bytes) or struct fs_quota_statv (Q_XGETQSTATV, 160 bytes). */
function xfsQuotaStat(c: Ctx, b: Uint8Array, v: boolean): Value {
  const f: Field[] = [field('qs_version', int(BigInt.asIntN(8, BigInt(b[0]!))))];
  if (c.opt.abbrev) return struct(f, true);
  f.push(field('qs_flags', flags(XFS_QUOTA_FLAGS, BigInt(rd.u16(b, 2)), 'FS_QUOTA_???')));
  const t = v ? 80 : 60;
  if (v) f.push(field('qs_incoredqs', uint(rd.u32(b, 4))), field('qs_uquota', qfilestat(b, 8)), field('qs_gquota', qfilestat(b, 32)), field('qs_pquota', qfilestat(b, 56)));
  else f.push(field('qs_uquota', qfilestat(b, 8)), field('qs_gquota', qfilestat(b, 32)), field('qs_incoredqs', uint(rd.u32(b, 56))));
  f.push(
    field('qs_btimelimit', int(rd.s32(b, t))), field('qs_itimelimit', int(rd.s32(b, t + 4))), field('qs_rtbtimelimit', int(rd.s32(b, t + 8))),
    field('qs_bwarnlimit', uint(rd.u16(b, t + 12))), field('qs_iwarnlimit', uint(rd.u16(b, t + 14))),
  );
  return struct(f);
}

const Q = { SYNC: 0x800001n, QUOTAON: 0x800002n, QUOTAOFF: 0x800003n, GETFMT: 0x800004n, GETINFO: 0x800005n, SETINFO: 0x800006n,
  GETQUOTA: 0x800007n, SETQUOTA: 0x800008n, GETNEXTQUOTA: 0x800009n, XQUOTAON: 0x5801n, XQUOTAOFF: 0x5802n, XGETQUOTA: 0x5803n,
  XSETQLIM: 0x5804n, XGETQSTAT: 0x5805n, XQUOTARM: 0x5806n, XQUOTASYNC: 0x5807n, XGETQSTATV: 0x5808n, XGETNEXTQUOTA: 0x5809n };

/** `[flags]` of a u32 the call reads (Q_XQUOTAON/OFF, Q_XQUOTARM). */
const flagsIn = (c: Ctx, a: bigint, x: Xlat, dflt: string): Value =>
  fetch(c, a, 4, (b) => array([flags(x, BigInt(rd.u32(b, 0)), dflt)]));

/**
 * What quotactl prints after its command (and special): nothing, the id, a struct in or out.
 * `out` is the struct printed at exit, for the GET commands.
 */
function quotaData(c: Ctx, cmd: bigint, idArg: bigint, data: bigint): { entry: Value[]; out?: () => Value } {
  const uid = idV(idArg);
  switch (cmd) {
    case Q.QUOTAOFF: case Q.SYNC: case Q.XQUOTASYNC: return { entry: [] };
    case Q.QUOTAON: return { entry: [symbol(QUOTA_FORMATS, BigInt.asUintN(32, idArg), 'x', 'QFMT_VFS_???'), path(c, data)] };
    case Q.GETQUOTA: return { entry: [uid], out: () => fetch(c, data, 68, (b) => dqblk(c, b, false), true) };
    case Q.SETQUOTA: return { entry: [uid, fetch(c, data, 68, (b) => dqblk(c, b, false))] };
    case Q.GETNEXTQUOTA: return { entry: [uid], out: () => fetch(c, data, 72, (b) => dqblk(c, b, true), true) };
    case Q.GETFMT:
      return { entry: [], out: () => fetch(c, data, 4, (b) => array([symbol(QUOTA_FORMATS, BigInt(rd.u32(b, 0)), 'x', 'QFMT_VFS_???')]), true) };
    case Q.GETINFO: return { entry: [], out: () => fetch(c, data, 24, dqinfo, true) };
    case Q.XQUOTAON: case Q.XQUOTAOFF: return { entry: [flagsIn(c, data, XFS_QUOTA_FLAGS, 'FS_QUOTA_???')] };
    case Q.XQUOTARM: return { entry: [flagsIn(c, data, XFS_DQBLK_FLAGS, 'FS_???_QUOTA')] };
    case Q.XGETQUOTA: case Q.XGETNEXTQUOTA: return { entry: [uid], out: () => fetch(c, data, 112, (b) => xfsDiskQuota(c, b), true) };
    case Q.XSETQLIM: return { entry: [uid, fetch(c, data, 112, (b) => xfsDiskQuota(c, b))] };
    case Q.XGETQSTAT: return { entry: [], out: () => fetch(c, data, 80, (b) => xfsQuotaStat(c, b, false), true) };
    case Q.XGETQSTATV: return { entry: [], out: () => fetch(c, data, 160, (b) => xfsQuotaStat(c, b, true), true) };
    case Q.SETINFO: return { entry: [fetch(c, data, 24, dqinfo)] };
    default: return { entry: [uid, addr(data)] };
  }
}

/** quotactl and quotactl_fd (command in argument `cmdArg`, then id and data in 2 and 3): `head` prints the command and its target. */
function quotactlOf(head: (c: Ctx) => Value[], cmdArg: number): SyscallDecoder {
  const data = (c: Ctx): ReturnType<typeof quotaData> =>
    quotaData(c, BigInt.asUintN(32, c.args[cmdArg]!) >> 8n, c.args[2]!, c.args[3]!);
  return {
    entry: (c) => [...head(c), ...data(c).entry],
    needsExit: (c) => data(c).out !== undefined,
    exit: (c) => [data(c).out!()],
    ret: () => ({ fmt: 'd' }),
  };
}

// ---------------------------------------------------------------- swapon

/** swapon flags: the SWAP_FLAG_* bits, then `|` and the priority (always printed, in decimal). */
const swapFlags: ArgFn = (c, i) => {
  const v = BigInt.asUintN(32, c.args[i]!);
  const prio = uint(v & SWAP_FLAG_PRIO_MASK);
  const rest = v & ~SWAP_FLAG_PRIO_MASK;
  return rest ? join('|', flags(SWAP_FLAGS, rest, 'SWAP_FLAG_???'), prio) : prio;
};

// ---------------------------------------------------------------- readlink / getcwd


const getcwdBuf: ArgFn = (c, i) => (c.err ? addr(c.args[i]!) : pathn(c, c.args[i]!, Number(c.rval) - 1));

// ---------------------------------------------------------------- decoders

const pathArg = A.path;
const dirfd = A.dirfd;
const atFlags = A.flags(AT_FLAGS, 'AT_???');
const modeArg: ArgFn = (c, i) => umode(c.args[i]!);
const filled: ArgFn = (c, i) => filledBuf(c, c.args[i]!);

/** A decoder whose printed arguments are not 1:1 with the raw ones. */
export const custom = (entry: (c: Ctx) => Value[], ret: RetFmt = 'd'): SyscallDecoder => ({ entry, ret: () => ({ fmt: ret }) });

export const decoders: Record<string, SyscallDecoder> = {
  open: custom((c) => openArgs(c, 0), R.fd),
  openat: withFacts(custom((c) => [A.dirfd(c, 0), ...openArgs(c, 1)], R.fd), { paths: ['fd', 'path'] }),
  creat: sig([pathArg, modeArg], R.fd),
  openat2: withFacts(sig([dirfd, pathArg, openHow, A.ulong], R.fd), { paths: ['fd', 'path'] }),

  stat: sig([pathArg, atExit(statArg)]),
  lstat: sig([pathArg, atExit(statArg)]),
  newfstatat: withFacts(sig([dirfd, pathArg, atExit(statArg), atExit(atFlags)]), { paths: ['fd', 'path'] }),
  statx: withFacts(sig([
    dirfd, pathArg, (c, i) => statxFlags(c.args[i]!), A.flags(STATX_MASK, 'STATX_???'),
    atExit((c, i) => fetch(c, c.args[i]!, STATX_SIZE, (b) => statxStruct(c, b), true)),
  ]), { paths: ['fd', 'path'] }),
  statfs: sig([pathArg, atExit(statfsArg)]),
  ustat: sig([(c, i) => dev(BigInt.asUintN(32, c.args[i]!)), atExit(A.ptr)]),

  access: sig([pathArg, A.flags(ACCESS_MODES, '?_OK')]),
  faccessat: withFacts(sig([dirfd, pathArg, A.flags(ACCESS_MODES, '?_OK')]), { paths: ['fd', 'path'] }),
  faccessat2: withFacts(sig([dirfd, pathArg, A.flags(ACCESS_MODES, '?_OK'), A.flags(FACCESSAT_FLAGS, 'AT_???')]), { paths: ['fd', 'path'] }),

  readlink: sig([pathArg, atExit(filled), atExit(A.ulong)]),
  readlinkat: withFacts(sig([dirfd, pathArg, atExit(filled), atExit(A.ulong)]), { paths: ['fd', 'path'] }),
  getcwd: sig([atExit(getcwdBuf), atExit(A.ulong)]),

  chdir: sig([pathArg]),
  unlink: sig([pathArg]),
  rmdir: sig([pathArg]),
  unlinkat: withFacts(sig([dirfd, pathArg, atFlags]), { paths: ['fd', 'path'] }),
  mkdir: sig([pathArg, modeArg]),
  mkdirat: withFacts(sig([dirfd, pathArg, modeArg]), { paths: ['fd', 'path'] }),
  chmod: sig([pathArg, modeArg]),
  fchmodat: withFacts(sig([dirfd, pathArg, modeArg]), { paths: ['fd', 'path'] }),
  // newer than strace 6.1 (the filter prints such numbers raw for now): as strace 6.6+ prints it
  fchmodat2: sig([dirfd, pathArg, modeArg, A.flags(FCHMODAT_FLAGS, 'AT_???')]),
  link: withFacts(sig([pathArg, pathArg]), { paths: ['path', 'path'] }),
  rename: sig([pathArg, pathArg]),
  symlink: withFacts(sig([pathArg, pathArg]), { paths: ['-', 'path'] }),
  linkat: withFacts(sig([dirfd, pathArg, dirfd, pathArg, atFlags]), { paths: ['fd', 'path', 'fd', 'path'] }),
  renameat: withFacts(sig([dirfd, pathArg, dirfd, pathArg]), { paths: ['fd', 'path', 'fd', 'path'] }),
  renameat2: withFacts(sig([dirfd, pathArg, dirfd, pathArg, A.flags(RENAME_FLAGS, 'RENAME_??')]), { paths: ['fd', 'path', 'fd', 'path'] }),
  symlinkat: withFacts(sig([pathArg, dirfd, pathArg]), { paths: ['-', 'fd', 'path'] }),
  chown: sig([pathArg, idArg, idArg]),
  fchownat: withFacts(sig([dirfd, pathArg, idArg, idArg, atFlags]), { paths: ['fd', 'path'] }),
  truncate: sig([pathArg, A.ulong]),
  umask: sig([modeArg], R.oct),
  utimensat_time64: withFacts(sig([dirfd, pathArg, utimePair, atFlags]), { paths: ['fd', 'path'] }),
  utimes: sig([pathArg, timevalPair]),
  futimesat: withFacts(sig([dirfd, pathArg, timevalPair]), { paths: ['fd', 'path'] }),
  mknod: custom((c) => mknodArgs(c, 0)),
  mknodat: withFacts(custom((c) => [A.dirfd(c, 0), ...mknodArgs(c, 1)]), { paths: ['fd', 'path'] }),
  chroot: sig([pathArg]),
  acct: sig([pathArg]),
  uselib: sig([pathArg]),
  swapon: sig([pathArg, swapFlags]),
  lookup_dcookie: sig([atExit(A.ulong), atExit(filled), atExit(A.ulong)]),
  swapoff: sig([pathArg]),
  pivotroot: withFacts(sig([pathArg, pathArg]), { paths: ['path', 'path'] }),
  umount2: sig([pathArg, A.flags(UMOUNT_FLAGS, 'MNT_???')]),
  mount: withFacts(custom(mountArgs), { paths: ['path', 'path'] }),
  fsopen: withFacts(sig([A.cstr, A.flags(FSOPEN_FLAGS, 'FSOPEN_???')], R.fd), { paths: [] }),
  // -P: a path command's value and dirfd, FSCONFIG_SET_FD's fd
  fsconfig: withFacts(custom(fsconfigArgs), { paths: { arg: 1, byCmd: { 3: FSCONFIG_PATH_ROLES, 4: FSCONFIG_PATH_ROLES, 5: ['-', '-', '-', '-', 'fd'] } } }),
  fsmount: withFacts(sig([A.fd, A.flags(FSMOUNT_FLAGS, 'FSMOUNT_???'), A.flags(FSMOUNT_ATTR_FLAGS, 'MOUNT_ATTR_???')], R.fd), { paths: [] }),
  fspick: withFacts(sig([dirfd, pathArg, A.flags(FSPICK_FLAGS, 'FSPICK_???')], R.fd), { paths: ['fd', 'path'] }),
  move_mount: withFacts(sig([dirfd, pathArg, dirfd, pathArg, A.flags(MOVE_MOUNT_FLAGS, 'MOVE_MOUNT_???')]), { paths: ['fd', 'path', 'fd', 'path'] }),
  open_tree: withFacts(sig([dirfd, pathArg, A.flags(OPEN_TREE_FLAGS, 'OPEN_TREE_???')], R.fd), { paths: ['fd', 'path'] }),
  fanotify_init: withFacts(sig([fanInitFlags, (c, i) => openModes(BigInt.asUintN(32, c.args[i]!))], R.fd), { paths: [] }),
  fanotify_mark: withFacts(sig([A.fd, A.flags(FAN_MARK_FLAGS, 'FAN_MARK_???'), (c, i) => flags(FAN_EVENT_FLAGS, c.args[i]!, 'FAN_???'), fanDirfd, pathArg]), { paths: ['-', '-', '-', 'fd', 'path'] }),
  name_to_handle_at: withFacts(nameToHandleAt, { paths: ['fd', 'path'] }),
  open_by_handle_at: sig([A.fd, fileHandle, (c, i) => openModes(BigInt.asUintN(32, c.args[i]!))]),
  landlock_create_ruleset: withFacts(sig([rulesetAttr, A.ulong, A.flags(LANDLOCK_CREATE_RULESET_FLAGS, 'LANDLOCK_CREATE_RULESET_???')],
    (c) => ({ fmt: c.args[2]! & 1n ? 'd' : 'fd' })), { paths: [] }),
  landlock_add_rule: withFacts(sig([A.fd, (c, i) => symbol(LANDLOCK_RULE_TYPES, BigInt.asUintN(32, c.args[i]!), 'x', 'LANDLOCK_RULE_???'), ruleAttr, hex32]), { paths: [] }),
  landlock_restrict_self: withFacts(sig([A.fd, hex32]), { paths: [] }),
  quotactl: withFacts(quotactlOf((c) => [qcmd(BigInt.asUintN(32, c.args[0]!)), path(c, c.args[1]!)], 0), { paths: ['-', 'path'] }),
  quotactl_fd: quotactlOf((c) => [fdOf(c.args[0]!), qcmd(BigInt.asUintN(32, c.args[1]!))], 1),
  mount_setattr: withFacts(sig([dirfd, pathArg, A.flags(MOUNT_SETATTR_FLAGS, 'AT_???'), mountAttr, A.ulong], R.fd), { paths: ['fd', 'path'] }),
  utime: sig([pathArg, (c, i) => fetch(c, c.args[i]!, 16, (b) => struct([field('actime', secNote(rd.s64(b, 0))), field('modtime', secNote(rd.s64(b, 8)))]))]),

  setxattr: sig([pathArg, A.cstr, xattrIn, A.ulong, A.flags(XATTR_FLAGS, 'XATTR_???')]),
  fsetxattr: sig([A.fd, A.cstr, xattrIn, A.ulong, A.flags(XATTR_FLAGS, 'XATTR_???')]),
  getxattr: sig([pathArg, A.cstr, atExit(xattrOut), atExit(A.ulong)]),
  fgetxattr: sig([A.fd, A.cstr, atExit(xattrOut), atExit(A.ulong)]),
  listxattr: sig([pathArg, atExit(xattrList), atExit(A.ulong)]),
  flistxattr: sig([A.fd, atExit(xattrList), atExit(A.ulong)]),
  removexattr: sig([pathArg, A.cstr]),
  fremovexattr: sig([A.fd, A.cstr]),
};

/** mknod's path, symbolic mode (16 bits) and, for devices, the device number. */
function mknodArgs(c: Ctx, off: number): Value[] {
  const m = Number(c.args[off + 1]! & 0xffffn);
  const out = [path(c, c.args[off]!), symbolicMode(m)];
  const type = BigInt(m) & S_IFMT;
  if (type === 0o020000n || type === 0o060000n) out.push(dev(BigInt.asUintN(32, c.args[off + 2]!)));
  return out;
}
