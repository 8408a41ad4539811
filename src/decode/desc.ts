/**
 * Decoders of the desc family: calls on file descriptors (read/write, fcntl, dup, getdents, …). ioctl,
 * with its many tables, is a family of its own (ioctl.ts), which builds on the helpers exported here.
 */
import { A, addr, atExit, buf, fd, R, rd, sig, slong, withFacts, type ArgFn } from './args.js';
import {
  asFd, byCommand, fetch, idV, iovecs, numAt, onEntry, onExit, pidOrGroupV, type PidType, pidV, printArray, sigsetAt,
  timespecAt, withName, xval64, type ArgAt, affinityAt, cstrN, nonzeroTail,
} from './printers.js';
import { filledBuf, openModes, pathn, statArg, statfsArg, umode } from './stat.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import { array, badPtr, field, hex, int, join, joinOf, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup, symbol, u32 } from './xlat/core.js';
import { AIO_CMDS, AIO_IOCB_FLAGS, CLOSE_RANGE_FLAGS, DIRENT_TYPES, IORING_SETUP_ATTACH_WQ, URING_ENTER_FLAGS, URING_IOWQ_ACCT, URING_OP_FLAGS, URING_OPS, URING_REGISTER_OPCODES, URING_REGISTER_RSRC_FLAGS, URING_RESTRICTION_OPCODES, URING_SETUP_FEATURES, URING_SETUP_FLAGS, URING_SQE_FLAGS } from './xlat/desc.js';
import { ioprioV } from './ioprio.js';
import { signalName } from './xlat/signals.js';
import { FCNTL_CMDS, FD_FLAGS, OPEN_FLAGS, POLL_EVENTS, SEEK_WHENCE } from './xlat/tables.js';
import {
  F_OWNER_TYPES, F_SEALS, FADVISE_ADVICE, FALLOC_FLAGS, FLOCK_CMDS, INOTIFY_FLAGS, INOTIFY_INIT_FLAGS, LOCKF_CMDS,
  MEMFD_FLAGS, MFD_HUGE_MASK, MFD_HUGE_SHIFT, NOTIFY_FLAGS, RWF_FLAGS, SPLICE_FLAGS, SYNC_FILE_RANGE_FLAGS,
} from './xlat/file.js';



/** readv/preadv at exit: the buffers up to the bytes read; on failure their addresses. */
const iovRead: ArgFn = (c, i) => iovecs(c, c.args[i]!, c.args[i + 1]!, c.err ? -1n : c.rval, !c.err);
/** writev/pwritev: every buffer. */
const iovWrite: ArgFn = (c, i) => iovecs(c, c.args[i]!, c.args[i + 1]!, -1n, true);

/** pipe/pipe2's `[3, 4]`. */
const fdPair: ArgFn = (c, i) => printArray(c, c.args[i]!, 2n, 4, (b) => fd(BigInt(rd.s32(b, 0))), { exiting: true });

// ---------------------------------------------------------------- fcntl and ioctl: the third argument

const FLOCK_SIZE = 32;

/** struct flock: `{l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}`, plus l_pid for F_GETLK. */
function flock(c: Ctx, a: bigint, getlk: boolean): Value {
  return fetch(c, a, FLOCK_SIZE, (b) => {
    const s16 = (off: number): bigint => BigInt.asUintN(64, BigInt((rd.u16(b, off) << 16) >> 16));
    const f: Field[] = [
      field('l_type', symbol(LOCKF_CMDS, s16(0), 'x', 'F_???')),
      field('l_whence', symbol(SEEK_WHENCE, s16(2), 'x', 'SEEK_???')),
      field('l_start', int(rd.s64(b, 8))),
      field('l_len', int(rd.s64(b, 16))),
    ];
    if (getlk) f.push(field('l_pid', pidV(c, rd.s32(b, 24))));
    return struct(f);
  }, true);
}

const OWNER_PID_TYPES: Readonly<Record<number, PidType>> = { 0: 'tid', 1: 'tgid' };
/** struct f_owner_ex: `{type=F_OWNER_PID, pid=123}`. */
const ownerEx = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 8, (b) =>
    struct([
      field('type', symbol(F_OWNER_TYPES, BigInt.asUintN(64, BigInt(rd.s32(b, 0))), 'x', 'F_OWNER_???')),
      // F_OWNER_TID names a thread, F_OWNER_PID a process, F_OWNER_PGRP a group
      field('pid', pidV(c, rd.s32(b, 4), OWNER_PID_TYPES[rd.s32(b, 0)] ?? 'pgid')),
    ]),
    true,
  );

/** `= 0x1 (flags FD_CLOEXEC)`: strace's RVAL_HEX|RVAL_STR with a prefixed flag string. */
const hexWith = (aux: Value): RetInfo => ({ fmt: 'x', aux });
const prefixed = (prefix: string, v: Value): Value => join(' ', tok(prefix), v);
/** sprint_open_modes: names whatever -X says. */
const namesOnly = (v: Value): Value =>
  v.k === 'flags' ? tok([...v.names, ...(v.rest || !v.names.length ? ['0x' + v.rest.toString(16)] : [])].join('|')) : v;

/** printsignal: the name, or the number strace cannot name. */
const signal = (n: number): Value => {
  const s = signalName(n);
  return s ? sym(s, n) : int(n);
};
/** fcntl, by command: its argument (none when absent) and, when the call succeeded, its result. */
interface FcntlCmd {
  arg?: ArgAt;
  ret?: (c: Ctx) => RetInfo;
}

const slongArg = onEntry((_c, a) => slong(a));
const setlk = onEntry((c, a) => flock(c, a, false));
const getlk = onExit((c, a) => flock(c, a, true));

const FCNTL: Readonly<Record<number, FcntlCmd>> = {
  0: { arg: slongArg, ret: asFd }, // F_DUPFD
  1030: { arg: slongArg, ret: asFd }, // F_DUPFD_CLOEXEC
  1: { ret: (c) => (c.rval === 0n ? { fmt: 'd' } : hexWith(prefixed('flags', flags(FD_FLAGS, c.rval)))) }, // F_GETFD
  2: { arg: onEntry((_c, a) => flags(FD_FLAGS, u32(a), 'FD_???')) }, // F_SETFD
  3: { ret: (c) => hexWith(prefixed('flags', namesOnly(openModes(u32(c.rval))))) }, // F_GETFL
  4: { arg: onEntry((_c, a) => openModes(u32(a))) }, // F_SETFL
  5: { arg: getlk }, // F_GETLK
  6: { arg: setlk }, // F_SETLK
  7: { arg: setlk }, // F_SETLKW
  36: { arg: getlk }, // F_OFD_GETLK
  37: { arg: setlk }, // F_OFD_SETLK
  38: { arg: setlk }, // F_OFD_SETLKW
  8: { arg: onEntry((c, a) => pidOrGroupV(c, a)) }, // F_SETOWN
  9: {}, // F_GETOWN
  10: { arg: onEntry((_c, a) => signal(Number(BigInt.asIntN(32, a)))) }, // F_SETSIG
  11: { ret: (c) => withName(c.rval ? signalName(Number(c.rval)) : undefined, 'd') }, // F_GETSIG
  15: { arg: onEntry(ownerEx) }, // F_SETOWN_EX
  16: { arg: onExit(ownerEx) }, // F_GETOWN_EX
  1024: { arg: onEntry((_c, a) => xval64(LOCKF_CMDS, a, 'F_???')) }, // F_SETLEASE
  1025: { ret: (c) => withName(lookup(LOCKF_CMDS, c.rval), 'x') }, // F_GETLEASE
  1026: { arg: onEntry((_c, a) => flags(NOTIFY_FLAGS, a, 'DN_???')) }, // F_NOTIFY
  1031: { arg: slongArg }, // F_SETPIPE_SZ
  1032: {}, // F_GETPIPE_SZ
  1033: { arg: onEntry((_c, a) => flags(F_SEALS, a, 'F_SEAL_???')) }, // F_ADD_SEALS
  1034: { ret: (c) => (c.rval === 0n ? { fmt: 'd' } : hexWith(prefixed('seals', flags(F_SEALS, c.rval)))) }, // F_GET_SEALS
};
/** Any other command: the argument in hex. */
const FCNTL_DEFAULT: FcntlCmd = { arg: onEntry((_c, a) => hex(a)) };

const fcntlCmd = (c: Ctx): FcntlCmd => FCNTL[Number(u32(c.args[1]!))] ?? FCNTL_DEFAULT;

const fcntl = byCommand(
  (c) => xval64(FCNTL_CMDS, u32(c.args[1]!), 'F_???'),
  (c) => fcntlCmd(c).arg,
  (c) => (c.err ? { fmt: 'd' } : fcntlCmd(c).ret?.(c) ?? { fmt: 'd' }),
);

// ---------------------------------------------------------------- getdents

/**
 * getdents/getdents64 at exit. With abbrev: the address and `/* N entries *\/`; else every entry,
 * `{d_ino=…, d_off=…, d_reclen=…, d_type=DT_DIR, d_name="."}` (old getdents: d_name, then d_type).
 */
function dirents(c: Ctx, is64: boolean): Value {
  const a = c.args[1]!;
  const count = u32(c.args[2]!);
  if (c.err || !c.opt.verbose || BigInt.asUintN(64, c.rval) > count) return addr(a);
  const header = is64 ? 19 : 18;
  const abbrev = c.opt.abbrev;
  let len = Number(c.rval);
  let cur = a;
  let n = 0;
  const items: Value[] = [];
  const notes: string[] = [];
  let trailing: Value | undefined;
  for (;;) {
    if (len < header) {
      if (!abbrev && len) trailing = buf(c, cur, len, true);
      break;
    }
    const h = c.mem.read(cur, header);
    if (!h) {
      if (!abbrev) {
        if (!n) return addr(cur);
        trailing = note(tok('...'), '0x' + cur.toString(16));
      }
      break;
    }
    n++;
    let reclen = rd.u16(h, 16);
    let comment: string | undefined;
    let nextLen = 0;
    let next = 0n;
    if (reclen > len) {
      comment = `${abbrev ? 'd_reclen ' : ''}${reclen - len} bytes overflow`;
      reclen = len;
    } else if (reclen < header) {
      comment = `${abbrev ? 'd_reclen ' : ''}${header - reclen} bytes underflow`;
      reclen = header;
      nextLen = len - header;
    } else {
      nextLen = len - reclen;
      if (nextLen) next = cur + BigInt(reclen);
    }
    len = nextLen;
    if (abbrev) {
      if (comment) notes.push(comment);
    } else {
      const reclenV = uint(rd.u16(h, 16));
      const f: Field[] = [
        field('d_ino', uint(rd.u64(h, 0))), field('d_off', uint(rd.u64(h, 8))),
        field('d_reclen', comment ? note(reclenV, comment) : reclenV),
      ];
      const { fields, ok } = is64 ? dent64Tail(c, cur + 19n, h[18]!, reclen - header) : dentTail(c, cur + 18n, reclen - header);
      items.push(struct([...f, ...fields]));
      if (next && !ok) {
        items.push(tok('...'));
        break;
      }
    }
    if (!next) break;
    cur = next;
  }
  if (abbrev) {
    let v: Value = addr(a);
    for (const t of notes) v = note(v, t);
    return note(v, `${n}${len ? '+' : ''} entries`);
  }
  if (trailing) items.push(trailing);
  return array(items);
}

const D_NAME_LEN_MAX = 256;

function dent64Tail(c: Ctx, nameAddr: bigint, type: number, nameLen: number): { fields: Field[]; ok: boolean } {
  const fields: Field[] = [field('d_type', xval64(DIRENT_TYPES, BigInt(type), 'DT_???'))];
  if (!nameLen) return { fields, ok: true };
  const name = pathn(c, nameAddr, Math.min(nameLen, D_NAME_LEN_MAX) - 1);
  fields.push(field('d_name', name));
  return { fields, ok: name.k === 'str' };
}

function dentTail(c: Ctx, nameAddr: bigint, nameTypeLen: number): { fields: Field[]; ok: boolean } {
  const fields: Field[] = [];
  if (!nameTypeLen) return { fields, ok: true };
  let ok = true;
  const nameLen = nameTypeLen - 1;
  if (nameLen) {
    const name = pathn(c, nameAddr, Math.min(nameLen, D_NAME_LEN_MAX) - 1);
    fields.push(field('d_name', name));
    ok = name.k === 'str';
  }
  const typeAddr = nameAddr + BigInt(nameTypeLen - 1);
  const t = c.mem.read(typeAddr, 1);
  if (!t) ok = false;
  fields.push(field('d_type', t ? xval64(DIRENT_TYPES, BigInt(t[0]!), 'DT_???') : addr(typeAddr)));
  return { fields, ok };
}

const getdents = (is64: boolean): SyscallDecoder => sig([A.fd, atExit((c) => dirents(c, is64)), atExit((c, i) => uint(u32(c.args[i]!)))]);

// ---------------------------------------------------------------- sendfile

/**
 * sendfile(out, in, [off] => [newoff], count): the offset is read at entry; when the call moved it
 * (success, non-zero result) the new value follows `=>`.
 */
const sendfile64: SyscallDecoder = {
  entry: (c) => {
    const off = numAt(c, c.args[2]!, true, true, 8);
    c.state.off = off;
    return [A.fd(c, 0), A.fd(c, 1)];
  },
  exit: (c) => {
    const before = c.state.off as Value;
    const count = uint(c.args[3]!);
    if (before.k !== 'array') return [before, count];
    if (c.err || c.rval === 0n) return [before, count];
    return [{ k: 'inout', in: before, out: numAt(c, c.args[2]!, true, true, 8) }, count];
  },
  ret: () => ({ fmt: 'd' }),
};

// ---------------------------------------------------------------- Linux AIO

const IOCB_SIZE = 64;
const IOCB_FLAG_RESFD = 1n;
const IOCB_FLAG_IOPRIO = 2n;

/** The iocb fields up to aio_fildes (what io_cancel shows), and the opcode. */
function iocbHeader(b: Uint8Array): { f: Field[]; op: number } {
  const key = rd.u32(b, 8);
  const rwFlags = rd.u32(b, 12);
  const op = rd.u16(b, 16);
  const prio = (rd.u16(b, 18) << 16) >> 16;
  const aioFlags = BigInt(rd.u32(b, 56));
  const f: Field[] = [field('aio_data', hex(rd.u64(b, 0)))];
  if (key) f.push(field('aio_key', uint(key)));
  if (rwFlags) f.push(field('aio_rw_flags', flags(RWF_FLAGS, BigInt(rwFlags), 'RWF_???')));
  f.push(field('aio_lio_opcode', symbol(AIO_CMDS, BigInt(op), 'u', 'IOCB_CMD_???')));
  // the s16 is zero-extended (PRINT_FIELD_OBJ_U): its class is 3 bits, not 19
  if (aioFlags & IOCB_FLAG_IOPRIO) f.push(field('aio_reqprio', ioprioV(BigInt(rd.u16(b, 18)), true)));
  else if (prio) f.push(field('aio_reqprio', int(prio)));
  f.push(field('aio_fildes', fd(BigInt(rd.u32(b, 20)))));
  return { f, op };
}

/** aio_flags and aio_resfd, when set. */
function iocbFlags(b: Uint8Array): Field[] {
  const aioFlags = BigInt(rd.u32(b, 56));
  const resfd = rd.u32(b, 60);
  const f: Field[] = [];
  if (aioFlags) f.push(field('aio_flags', flags(AIO_IOCB_FLAGS, aioFlags, 'IOCB_FLAG_???')));
  if (aioFlags & IOCB_FLAG_RESFD) f.push(field('aio_resfd', fd(BigInt(resfd))));
  else if (resfd) f.push(field('aio_resfd', hex(resfd)));
  return f;
}

/** One struct iocb, the buffer shown by opcode (strace's print_iocb). */
function iocb(c: Ctx, b: Uint8Array): Value {
  const { f, op } = iocbHeader(b);
  const base = rd.u64(b, 24);
  const nbytes = rd.u64(b, 32);
  const valid = BigInt.asIntN(64, nbytes) >= 0n;
  const offset = field('aio_offset', int(rd.s64(b, 40)));
  if (op === 0 || op === 1) {
    f.push(field('aio_buf', op === 1 && valid ? buf(c, base, nbytes) : hex(base)), field('aio_nbytes', uint(nbytes)), offset);
    f.push(...iocbFlags(b));
  } else if (op === 7 || op === 8) {
    if (valid) f.push(field('aio_buf', iovecs(c, base, nbytes, -1n, op === 8)));
    else f.push(field('aio_buf', hex(base)), field('aio_nbytes', uint(nbytes)));
    f.push(offset, ...iocbFlags(b));
  } else if (op === 5) {
    f.push(field('aio_buf', flags(POLL_EVENTS, base, 'POLL???')), ...iocbFlags(b));
  }
  return struct(f);
}

/** struct io_event: `{data=0x1234, obj=0x…, res=5, res2=0}`. */
const ioEvent = (b: Uint8Array): Value =>
  struct([
    field('data', hex(rd.u64(b, 0))), field('obj', hex(rd.u64(b, 8))),
    field('res', int(rd.s64(b, 16))), field('res2', int(rd.s64(b, 24))),
  ]);

/** io_submit's array of iocb pointers. */
const iocbs: ArgFn = (c, i) => {
  const nr = BigInt.asIntN(64, c.args[1]!);
  if (nr < 0n) return addr(c.args[i]!);
  return printArray(c, c.args[i]!, nr, 8, (b) => fetch(c, rd.u64(b, 0), IOCB_SIZE, (cb) => iocb(c, cb)));
};

/** io_getevents/io_pgetevents at exit: the events, then the timeout (and sigmask) read as at entry. */
function getevents(withSig: boolean): SyscallDecoder {
  return sig([
    A.ptr, A.long, A.long,
    atExit((c, i) => (c.err ? addr(c.args[i]!) : printArray(c, c.args[i]!, c.rval, 32, ioEvent))),
    atExit((c, i) => timespecAt(c, c.args[i]!)),
    ...(withSig ? [atExit((c: Ctx, i: number) => kernelSigset(c, c.args[i]!))] : []),
  ]);
}

/** print_kernel_sigset: `{sigmask=[USR1], sigsetsize=8}`. */
const kernelSigset = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 16, (b) =>
    struct([field('sigmask', sigsetAt(c, rd.u64(b, 0), rd.u64(b, 8))), field('sigsetsize', uint(rd.u64(b, 8)))]),
  );

const aioDecoders: Record<string, SyscallDecoder> = {
  io_setup: sig([(c, i) => uint(u32(c.args[i]!)), atExit((c, i) => fetch(c, c.args[i]!, 8, (b) => array([addr(rd.u64(b, 0))]), true))]),
  io_destroy: sig([A.ptr]),
  io_submit: sig([A.ptr, A.long, iocbs]),
  io_cancel: sig([
    A.ptr,
    (c, i) => fetch(c, c.args[i]!, IOCB_SIZE, (b) => struct(iocbHeader(b).f)),
    atExit((c, i) => fetch(c, c.args[i]!, 32, ioEvent, true)),
  ]),
  io_getevents_time64: getevents(false),
  io_pgetevents_time64: getevents(true),
};

// ---------------------------------------------------------------- io_uring

const URING_PARAMS_SIZE = 120;
const hexIfSet = (name: string, v: bigint | number): Field[] => (v ? [field(name, hex(v))] : []);

/** io_sqring_offsets / io_cqring_offsets: seven u32 fields, then resv1 and resv2 when set. */
const ringOffsets = (b: Uint8Array, off: number, names: string[]): Value =>
  struct([
    ...names.map((n, i) => field(n, uint(rd.u32(b, off + 4 * i)))),
    ...hexIfSet('resv1', rd.u32(b, off + 28)), ...hexIfSet('resv2', rd.u64(b, off + 32)),
  ]);

/** io_uring_params as the caller filled it: `{flags=…, sq_thread_cpu=0, sq_thread_idle=0, …`. */
function uringParamsIn(b: Uint8Array): Field[] {
  const fl = BigInt(rd.u32(b, 8));
  const f: Field[] = [
    field('flags', flags(URING_SETUP_FLAGS, fl, 'IORING_SETUP_???')),
    field('sq_thread_cpu', hex(rd.u32(b, 12))), field('sq_thread_idle', uint(rd.u32(b, 16))),
  ];
  if (fl & BigInt(IORING_SETUP_ATTACH_WQ)) f.push(field('wq_fd', fd(BigInt(rd.u32(b, 24)))));
  const resv = [rd.u32(b, 28), rd.u32(b, 32), rd.u32(b, 36)];
  if (resv.some((v) => v)) f.push(field('resv', array(resv.map((v) => hex(v)))));
  return f;
}

/** What the kernel filled in: entries, features and the ring offsets. */
const uringParamsOut = (b: Uint8Array): Field[] => [
  field('sq_entries', uint(rd.u32(b, 0))), field('cq_entries', uint(rd.u32(b, 4))),
  field('features', flags(URING_SETUP_FEATURES, BigInt(rd.u32(b, 20)), 'IORING_FEAT_???')),
  field('sq_off', ringOffsets(b, 40, ['head', 'tail', 'ring_mask', 'ring_entries', 'flags', 'dropped', 'array'])),
  field('cq_off', ringOffsets(b, 80, ['head', 'tail', 'ring_mask', 'ring_entries', 'overflow', 'cqes', 'flags'])),
];

/**
 * io_uring_setup(entries, params): the params as given at entry and, when the call succeeded, what
 * the kernel filled in, in one struct (printed once the call returns).
 */
const ioUringSetup: SyscallDecoder = {
  entry: (c) => {
    const a = c.args[1]!;
    const b = a && c.opt.verbose ? c.mem.read(a, URING_PARAMS_SIZE) : null;
    c.state.params = b;
    const out = [uint(u32(c.args[0]!))];
    if (!b) out.push(a ? { k: 'ptr', v: a, bad: c.opt.verbose } : addr(0n));
    return out;
  },
  needsExit: (c) => !!c.state.params,
  exit: (c) => {
    const f = uringParamsIn(c.state.params as Uint8Array);
    const b = c.err ? null : c.mem.read(c.args[1]!, URING_PARAMS_SIZE);
    if (b) f.push(...uringParamsOut(b));
    return [struct(f)];
  },
  ret: () => ({ fmt: 'fd' }),
};

type RegisterArg = (c: Ctx, a: bigint, n: bigint) => Value;
const fdArray: RegisterArg = (c, a, n) => printArray(c, a, n, 4, (b) => fd(BigInt(rd.s32(b, 0))));
/** A files update array: fds, with IORING_REGISTER_FILES_SKIP (-2) named. */
const updateFds: RegisterArg = (c, a, n) =>
  printArray(c, a, n, 4, (b) => {
    const v = rd.s32(b, 0);
    return v === -2 ? sym('IORING_REGISTER_FILES_SKIP', v) : v < -1 ? int(v) : fd(BigInt(v));
  });
const iovAddrs: RegisterArg = (c, a, n) => iovecs(c, a, n, -1n, false);
const u64Hex = (c: Ctx, a: bigint, n: bigint): Value => printArray(c, a, n, 8, (b) => hex(rd.u64(b, 0)));

/** The data and tags of a resource (un)registration, by opcode. */
const RSRC_DATA: Readonly<Record<number, RegisterArg>> = {
  13: fdArray, 14: updateFds, 15: iovAddrs, 16: iovAddrs, // FILES2, FILES_UPDATE2, BUFFERS2, BUFFERS_UPDATE
};
const rsrcDataTags = (c: Ctx, op: number, data: bigint, tags: bigint, nr: bigint): Field[] => [
  field('data', RSRC_DATA[op]!(c, data, nr)), field('tags', u64Hex(c, tags, nr)),
];

const optField = (f: Field | undefined): Field[] => (f ? [f] : []);

/** struct io_uring_rsrc_register (FILES2, BUFFERS2); `size` is nr_args, the struct's size. */
const rsrcRegister = (op: number): RegisterArg => (c, a, size) =>
  size < 32n ? addr(a) : fetch(c, a, 32, (b) => {
    const nr = BigInt(rd.u32(b, 0));
    return struct([
      field('nr', uint(nr)), field('flags', flags(URING_REGISTER_RSRC_FLAGS, BigInt(rd.u32(b, 4)), 'IORING_RSRC_REGISTER_???')),
      ...hexIfSet('resv2', rd.u64(b, 8)), ...rsrcDataTags(c, op, rd.u64(b, 16), rd.u64(b, 24), nr),
      ...optField(nonzeroTail(c, a, 32, size)),
    ]);
  });

/** struct io_uring_rsrc_update2 (FILES_UPDATE2, BUFFERS_UPDATE). */
const rsrcUpdate = (op: number): RegisterArg => (c, a, size) =>
  size < 32n ? addr(a) : fetch(c, a, 32, (b) => {
    const nr = BigInt(rd.u32(b, 24));
    return struct([
      field('offset', uint(rd.u32(b, 0))), ...hexIfSet('resv', rd.u32(b, 4)),
      ...rsrcDataTags(c, op, rd.u64(b, 8), rd.u64(b, 16), nr),
      field('nr', uint(nr)), ...hexIfSet('resv2', rd.u32(b, 28)), ...optField(nonzeroTail(c, a, 32, size)),
    ]);
  });

/** struct io_uring_files_update (FILES_UPDATE): `{offset=0, fds=[3, IORING_REGISTER_FILES_SKIP]}`. */
const filesUpdate: RegisterArg = (c, a, n) =>
  fetch(c, a, 16, (b) =>
    struct([field('offset', uint(rd.u32(b, 0))), ...hexIfSet('resv', rd.u32(b, 4)), field('fds', updateFds(c, rd.u64(b, 8), n))]),
  );

/** io_uring_rsrc_update arrays of (UN)REGISTER_RING_FDS. */
const ringFds = (register: boolean): RegisterArg => (c, a, n) =>
  printArray(c, a, n, 16, (b) => {
    const off = rd.u32(b, 0);
    const data = rd.u64(b, 8);
    return struct([
      field('offset', register && off === 0xffffffff ? int(-1) : uint(off)), ...hexIfSet('resv', rd.u32(b, 4)),
      ...(register ? [field('data', fd(data))] : hexIfSet('data', data)),
    ]);
  });

/** struct io_uring_buf_reg (REGISTER_PBUF_RING, UNREGISTER_PBUF_RING). */
const bufReg: RegisterArg = (c, a) =>
  fetch(c, a, 40, (b) => {
    const resv = [rd.u64(b, 16), rd.u64(b, 24), rd.u64(b, 32)];
    return struct([
      field('ring_addr', addr(rd.u64(b, 0))), field('ring_entries', uint(rd.u32(b, 8))), field('bgid', uint(rd.u16(b, 12))),
      ...hexIfSet('pad', rd.u16(b, 14)), ...(resv.some((v) => v) ? [field('resv', array(resv.map((v) => hex(v))))] : []),
    ]);
  });

/** struct io_uring_restriction array (REGISTER_RESTRICTIONS). */
const restrictions: RegisterArg = (c, a, n) =>
  printArray(c, a, n, 16, (b) => {
    const op = rd.u16(b, 0);
    const arg = BigInt(b[2]!);
    let opcode = xval64(URING_RESTRICTION_OPCODES, BigInt(op), 'IORING_RESTRICTION_???');
    const f: Field[] = [];
    if (op === 0) f.push(field('register_op', xval64(URING_REGISTER_OPCODES, arg, 'IORING_REGISTER_???')));
    else if (op === 1) f.push(field('sqe_op', xval64(URING_OPS, arg, 'IORING_OP_???')));
    else if (op === 2 || op === 3) f.push(field('sqe_flags', flags(URING_SQE_FLAGS, arg, 'IOSQE_???')));
    else opcode = note(opcode, `op: ${arg ? '0x' + arg.toString(16) : '0'}`);
    const resv2 = [rd.u32(b, 4), rd.u32(b, 8), rd.u32(b, 12)];
    return struct([
      field('opcode', opcode), ...f, ...hexIfSet('resv', b[3]!),
      ...(resv2.some((v) => v) ? [field('resv2', array(resv2.map((v) => hex(v))))] : []),
    ]);
  });

/**
 * Opcodes whose argument the kernel also writes: what `entry` returns prints at once (`done`), or
 * is kept and shown before ` => ` and what `exit` reads.
 */
interface TwoPhase {
  entry(c: Ctx, a: bigint, n: bigint): { v?: Value; done?: boolean };
  exit(c: Ctx, a: bigint, n: bigint, before: Value | undefined): Value;
}

const PROBE_HEADER = 16;
const PROBE_OP = 8;
/** struct io_uring_probe with `count` ops (`more`: the kernel has more than were asked for). */
function probeV(c: Ctx, b: Uint8Array, count: number, more: boolean): Value {
  const resv2 = [rd.u32(b, 4), rd.u32(b, 8), rd.u32(b, 12)];
  const ops: Value[] = [];
  const limit = c.opt.abbrev ? Math.min(count, c.opt.strsize) : count;
  for (let i = 0; i < limit; i++) {
    const o = PROBE_HEADER + PROBE_OP * i;
    ops.push(struct([
      field('op', symbol(URING_OPS, BigInt(b[o]!), 'u', 'IORING_OP_???')), ...hexIfSet('resv', b[o + 1]!),
      field('flags', flags(URING_OP_FLAGS, BigInt(rd.u16(b, o + 2)), 'IO_URING_OP_???')), ...hexIfSet('resv2', rd.u32(b, o + 4)),
    ]));
  }
  return struct([
    field('last_op', symbol(URING_OPS, BigInt(b[0]!), 'u', 'IORING_OP_???')), field('ops_len', uint(b[1]!)),
    ...hexIfSet('resv', rd.u16(b, 2)), ...(resv2.some((v) => v) ? [field('resv2', array(resv2.map((v) => hex(v))))] : []),
    field('ops', array(ops, more || limit < count)),
  ]);
}

const probe: TwoPhase = {
  entry: (c, a, n) => {
    if (n > 256n || !a || !c.opt.verbose) return { v: addr(a), done: true };
    const b = c.mem.read(a, PROBE_HEADER + PROBE_OP * Number(n));
    if (!b) return { v: badPtr(a), done: true };
    return b.every((x) => x === 0) ? {} : { v: probeV(c, b, Number(n), false) };
  },
  exit: (c, a, n, before) => {
    if (c.err) return before ?? addr(a);
    const b = c.mem.read(a, PROBE_HEADER + PROBE_OP * Number(n));
    const after = b ? probeV(c, b, Math.min(b[1]!, Number(n)), Number(n) < b[1]!) : addr(a);
    return before ? { k: 'inout', in: before, out: after } : after;
  },
};

/** IORING_REGISTER_IOWQ_MAX_WORKERS: `[[IO_WQ_BOUND]=0, [IO_WQ_UNBOUND]=0] => [[IO_WQ_BOUND]=4, …]`. */
function iowqCounts(c: Ctx, a: bigint, n: bigint): Value {
  let i = 0n;
  return printArray(c, a, n, 4, (b) => join('', tok('['), symbol(URING_IOWQ_ACCT, i++, 'u', 'IO_WQ_???'), tok(']='), uint(rd.u32(b, 0))), { exiting: true });
}
const iowqMaxWorkers: TwoPhase = {
  entry: (c, a, n) => {
    const v = iowqCounts(c, a, n);
    // print_array_ex succeeds only when every element was printed: a cut-short array ends the call
    const last = v.k === 'array' ? v.items[v.items.length - 1] : undefined;
    const complete = v.k === 'array' && !v.more && last !== undefined && !(last.k === 'note' && last.v.k === 'tok');
    return complete ? { v } : { v, done: true };
  },
  exit: (c, a, n, before) => ({ k: 'inout', in: before!, out: iowqCounts(c, a, n) }),
};

const URING_REGISTER_TWO_PHASE: Readonly<Record<number, TwoPhase>> = { 8: probe, 19: iowqMaxWorkers };

/** io_uring_register's argument, by opcode; others print as an address. */
const URING_REGISTER_ARGS: Readonly<Record<number, RegisterArg>> = {
  0: iovAddrs, // IORING_REGISTER_BUFFERS
  2: fdArray, 4: fdArray, 7: fdArray, // IORING_REGISTER_FILES, _EVENTFD, _EVENTFD_ASYNC
  6: filesUpdate, // IORING_REGISTER_FILES_UPDATE
  13: rsrcRegister(13), 15: rsrcRegister(15), // IORING_REGISTER_FILES2, IORING_REGISTER_BUFFERS2
  14: rsrcUpdate(14), 16: rsrcUpdate(16), // IORING_REGISTER_FILES_UPDATE2, IORING_REGISTER_BUFFERS_UPDATE
  20: ringFds(true), 21: ringFds(false), // IORING_REGISTER_RING_FDS, IORING_UNREGISTER_RING_FDS
  22: bufReg, 23: bufReg, // IORING_REGISTER_PBUF_RING, IORING_UNREGISTER_PBUF_RING
  11: restrictions, // IORING_REGISTER_RESTRICTIONS
  17: (c, a, n) => affinityAt(c, a, Number(n), false), // IORING_REGISTER_IOWQ_AFF: a CPU mask of nr_args bytes
};

const registerArgs = (c: Ctx): [number, bigint, bigint] => [Number(u32(c.args[1]!)), c.args[2]!, u32(c.args[3]!)];

/** io_uring_register(fd, opcode, arg, nr_args). */
const ioUringRegister: SyscallDecoder = {
  entry: (c) => {
    const [op, a, n] = registerArgs(c);
    const out = [A.fd(c, 0), xval64(URING_REGISTER_OPCODES, BigInt(op), 'IORING_REGISTER_???')];
    const two = URING_REGISTER_TWO_PHASE[op];
    if (!two) return [...out, (URING_REGISTER_ARGS[op] ?? ((_c, x) => addr(x)))(c, a, n), uint(n)];
    const r = two.entry(c, a, n);
    c.state.before = r.v;
    c.state.done = r.done;
    return r.done ? [...out, r.v!, uint(n)] : out;
  },
  needsExit: (c) => URING_REGISTER_TWO_PHASE[registerArgs(c)[0]] !== undefined && !c.state.done,
  exit: (c) => {
    const [op, a, n] = registerArgs(c);
    return [URING_REGISTER_TWO_PHASE[op]!.exit(c, a, n, c.state.before as Value | undefined), uint(n)];
  },
};

const uringDecoders: Record<string, SyscallDecoder> = {
  io_uring_setup: withFacts(ioUringSetup, { paths: [] }),
  io_uring_enter: withFacts(sig([
    A.fd, (c, i) => uint(u32(c.args[i]!)), (c, i) => uint(u32(c.args[i]!)),
    A.flags(URING_ENTER_FLAGS, 'IORING_ENTER_???'),
    (c, i) => sigsetAt(c, c.args[i]!, c.args[i + 1]!), (c, i) => uint(c.args[i]!),
  ]), { paths: [] }),
  io_uring_register: withFacts(ioUringRegister, { paths: [] }),
};

// ---------------------------------------------------------------- decoders

/** A loff_t pointer: `[offset]`, NULL or the address. */
const off64: ArgFn = (c, i) => numAt(c, c.args[i]!, true, false, 8);
const writeBuf: ArgFn = (c, i) => buf(c, c.args[i]!, c.args[i + 1]!);
const readBuf: ArgFn = (c, i) => filledBuf(c, c.args[i]!);
/** preadv2/pwritev2 flags: argument 5 on x86_64 (4 is the offset's unused high half). */
const rwf: ArgFn = (c) => flags(RWF_FLAGS, u32(c.args[5]!), 'RWF_???');

export const decoders: Record<string, SyscallDecoder> = {
  read: withFacts(sig([A.fd, atExit(readBuf), atExit(A.ulong)]), { dump: 'read' }),
  write: withFacts(sig([A.fd, writeBuf, A.ulong]), { dump: 'write' }),
  pread: withFacts(sig([A.fd, atExit(readBuf), atExit(A.ulong), atExit(A.long)]), { dump: 'read' }),
  pwrite: withFacts(sig([A.fd, writeBuf, A.ulong, A.long]), { dump: 'write' }),
  readv: withFacts(sig([A.fd, atExit(iovRead), atExit(A.ulong)]), { dump: 'readv' }),
  writev: withFacts(sig([A.fd, iovWrite, A.ulong]), { dump: 'writev' }),
  preadv: withFacts(sig([A.fd, atExit(iovRead), atExit(A.ulong), atExit(A.long)]), { dump: 'readv' }),
  pwritev: withFacts(sig([A.fd, iovWrite, A.ulong, A.long]), { dump: 'writev' }),
  preadv2: withFacts(sig([A.fd, atExit(iovRead), atExit(A.ulong), atExit(A.long), atExit(rwf)]), { dump: 'readv' }),
  pwritev2: withFacts(sig([A.fd, iovWrite, A.ulong, A.long, rwf]), { dump: 'writev' }),
  lseek: sig([A.fd, A.long, A.sym(SEEK_WHENCE, 'x', 'SEEK_???')], R.udec),

  close: sig([A.fd]),
  fchdir: sig([A.fd]),
  fsync: sig([A.fd]),
  fdatasync: sig([A.fd]),
  syncfs: sig([A.fd]),
  sync: sig([]),
  dup: sig([A.fd], R.fd),
  dup2: withFacts(sig([A.fd, A.fd], R.fd), { paths: ['fd', 'fd'] }),
  dup3: withFacts(sig([A.fd, A.fd, A.flags(OPEN_FLAGS, 'O_???')], R.fd), { paths: ['fd', 'fd'] }),
  pipe: withFacts(sig([atExit(fdPair)]), { paths: [] }),
  pipe2: withFacts(sig([atExit(fdPair), atExit(A.flags(OPEN_FLAGS, 'O_???'))]), { paths: [] }),

  fcntl: withFacts(fcntl, { pid: [1, 9] }),
  fstat: sig([A.fd, atExit(statArg)]),
  fstatfs: sig([A.fd, atExit(statfsArg)]),
  getdents: getdents(false),
  getdents64: getdents(true),

  fchmod: sig([A.fd, (c, i) => umode(c.args[i]!)]),
  fchown: sig([A.fd, (c, i) => idV(c.args[i]!), (c, i) => idV(c.args[i]!)]),
  ftruncate: sig([A.fd, A.ulong]),
  fadvise64: sig([A.fd, A.long, A.ulong, A.sym(FADVISE_ADVICE, 'x', 'POSIX_FADV_???')]),
  fallocate: sig([A.fd, A.flags(FALLOC_FLAGS, 'FALLOC_FL_???'), A.long, A.long]),
  sync_file_range: sig([A.fd, A.long, A.long, A.flags(SYNC_FILE_RANGE_FLAGS, 'SYNC_FILE_RANGE_???')]),
  flock: sig([A.fd, A.flags(FLOCK_CMDS, 'LOCK_???')]),
  sendfile64: withFacts(sendfile64, { paths: ['fd', 'fd'] }),
  close_range: sig([(c, i) => uint(u32(c.args[i]!)), (c, i) => uint(u32(c.args[i]!)), A.flags(CLOSE_RANGE_FLAGS, 'CLOSE_RANGE_???')]),
  copy_file_range: withFacts(sig([A.fd, off64, A.fd, off64, A.ulong, (c, i) => uint(u32(c.args[i]!))]), { paths: ['fd', '-', 'fd'] }),
  readahead: sig([A.fd, A.long, A.ulong]),
  splice: withFacts(sig([A.fd, off64, A.fd, off64, A.ulong, A.flags(SPLICE_FLAGS, 'SPLICE_F_???')]), { paths: ['fd', '-', 'fd'] }),
  tee: withFacts(sig([A.fd, A.fd, A.ulong, A.flags(SPLICE_FLAGS, 'SPLICE_F_???')]), { paths: ['fd', 'fd'] }),
  vmsplice: withFacts(sig([A.fd, iovWrite, A.ulong, A.flags(SPLICE_FLAGS, 'SPLICE_F_???')]), { dump: 'writev' }),
  inotify_init: withFacts(sig([], R.fd), { paths: [] }),
  inotify_init1: withFacts(sig([A.flags(INOTIFY_INIT_FLAGS, 'IN_???')], R.fd), { paths: [] }),
  inotify_add_watch: withFacts(sig([A.fd, A.path, A.flags(INOTIFY_FLAGS, 'IN_???')]), { paths: ['fd', 'path'] }),
  inotify_rm_watch: sig([A.fd, A.int]),
  // the name is read up to MFD_NAME_MAX_LEN + 1 bytes (255 less `memfd:`), so one at a page's end still prints
  memfd_create: withFacts(sig([(c, i) => cstrN(c, c.args[i]!, 250), (c, i) => memfdFlags(u32(c.args[i]!))], R.fd), { paths: [] }),
  ...aioDecoders,
  ...uringDecoders,
};

/** memfd_create flags: `MFD_CLOEXEC|MFD_HUGETLB|21<<MFD_HUGE_SHIFT`; 0 prints `0`. */
function memfdFlags(v: bigint): Value {
  if (!v) return hex(0);
  const huge = v & (MFD_HUGE_MASK << MFD_HUGE_SHIFT);
  const rest = v & ~(MFD_HUGE_MASK << MFD_HUGE_SHIFT);
  const parts: Value[] = [];
  if (rest || !huge) parts.push(flags(MEMFD_FLAGS, rest, 'MFD_???'));
  if (huge) parts.push(join('<<', uint(huge >> MFD_HUGE_SHIFT), tok('MFD_HUGE_SHIFT')));
  // one number with its parts: -X raw prints 0x…, -X verbose `0x100 /* 0x100 /* MFD_??? */ */` as strace does
  return joinOf(v, '|', ...parts);
}
