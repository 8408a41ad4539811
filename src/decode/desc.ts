/** Decoders of the desc family: calls on file descriptors (read/write, fcntl, ioctl, dup, getdents, …). */
import { A, addr, atExit, buf, cstr, fd, R, rd, sig, slong, structAt, type ArgFn } from './args.js';
import { sigsetAt, timespecAt } from './printers.js';
import { dev, filledBuf, id, numAt, openModes, outStruct, pathn, statArg, statfsArg, umode } from './file.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import { array, call, field, hex, int, join, joinOf, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup, symbol, type Xlat } from './xlat/core.js';
import {
  AIO_CMDS, AIO_IOCB_FLAGS, FIEMAP_EXTENT_FLAGS, FIEMAP_FLAGS, FS_XFLAGS, HDIO_BUSSTATES, HDIO_IDE_NICE, IORING_SETUP_ATTACH_WQ,
  LOOP_CRYPT_TYPES, LOOP_FLAGS, NS_TYPES, PERF_IOCTL_FLAGS, UFFD_API_FEATURES, UFFD_API_FLAGS, UFFD_COPY_FLAGS,
  SECCOMP_ADDFD_FLAGS, SECCOMP_RESP_FLAGS, UFFD_FLAGS, UFFD_REGISTER_IOCTL_FLAGS, UFFD_REGISTER_MODE_FLAGS, UFFD_ZEROPAGE_FLAGS, URING_ENTER_FLAGS, URING_IOWQ_ACCT, URING_OP_FLAGS, URING_OPS, URING_REGISTER_OPCODES,
  URING_REGISTER_RSRC_FLAGS, URING_RESTRICTION_OPCODES, URING_SETUP_FEATURES, URING_SETUP_FLAGS, URING_SQE_FLAGS,
} from './xlat/desc.js';
import { errnoName } from './xlat/errno.js';
import { ioctlName } from './xlat/ioctls.js';
import { SOCK_IOCTLS } from './net.js';
import { ioprioV } from './process.js';
import { signalName } from './xlat/signals.js';
import { CLOSE_RANGE_FLAGS, DIRENT_TYPES, FCNTL_CMDS, FD_FLAGS, OPEN_FLAGS, POLL_EVENTS, SEEK_WHENCE, TCFLSH_QUEUES } from './xlat/tables.js';
import {
  BAUD_OPTIONS, CBAUD, CIBAUD, CSIZE, EVDEV_ABS, EVDEV_EV, F_OWNER_TYPES, F_SEALS, FADVISE_ADVICE, FALLOC_FLAGS,
  FLOCK_CMDS, FS_IOC_FLAGS, IBSHIFT, INOTIFY_FLAGS, INOTIFY_INIT_FLAGS, IOCTL_DIRS, LOCKF_CMDS, MEMFD_FLAGS, MFD_HUGE_MASK,
  MFD_HUGE_SHIFT, MODEM_FLAGS, NCC, NCCS, NOTIFY_FLAGS, RWF_FLAGS, SPLICE_FLAGS, SYNC_FILE_RANGE_FLAGS,
  TCXONC_OPTIONS, TERM_CFLAGS, TERM_CSIZE, TERM_IFLAGS, TERM_LFLAGS, TERM_LINE_DISCS, TERM_OFLAG_FIELDS,
  TERM_OFLAGS, TERMIOS_CC,
} from './xlat/file.js';

const u32 = (v: bigint): bigint => BigInt.asUintN(32, v);

/** One value of a table for a C unsigned int argument; unknown: hex with strace's comment. */
const xval = (x: Xlat, v: bigint, dflt?: string): Value => symbol(x, v, 'x', dflt);
const xvalArg = (x: Xlat, dflt: string): ArgFn => (c, i) => xval(x, u32(c.args[i]!), dflt);
const flagsArg = (x: Xlat, dflt: string): ArgFn => (c, i) => flags(x, u32(c.args[i]!), dflt);
/** strace's printflags with no default: a zero value prints nothing at all. */
const flagsNoDflt = (x: Xlat, v: bigint): Value => (v === 0n && lookup(x, 0n) === undefined ? tok('') : flags(x, v));

const ulen: ArgFn = (c, i) => uint(c.args[i]!);
/** print_arg_lld: a 64-bit signed argument. */
const lld: ArgFn = (c, i) => slong(c.args[i]!);

// ---------------------------------------------------------------- arrays in tracee memory

interface ArrayOpts {
  /** tfetch_mem_ignore_syserror: elements are read even when the call failed. */
  ignoreErr?: boolean;
}

/**
 * strace's print_array: `[e1, e2]`; NULL; the address when the first element is unreadable; a later
 * unreadable element ends the list with `... /* 0x… *\/`; with abbrev, more than -s elements end
 * with `...`.
 */
function arrayAt(c: Ctx, start: bigint, nmemb: bigint, size: number, elem: (b: Uint8Array) => Value, o: ArrayOpts = {}): Value {
  if (start === 0n) return addr(0n);
  if (nmemb === 0n) return array([]);
  const total = nmemb * BigInt(size);
  if (total >= 1n << 64n || start + total >= 1n << 64n) return addr(start);
  const end = start + total;
  const limit = c.opt.abbrev && BigInt(c.opt.strsize) < nmemb ? c.opt.strsize : Infinity;
  const readable = c.opt.verbose && (o.ignoreErr || !c.err);
  const items: Value[] = [];
  for (let cur = start, n = 0; cur < end; cur += BigInt(size), n++) {
    const b = readable ? c.mem.read(cur, size) : null;
    if (!b) {
      if (n === 0) return addr(cur);
      items.push(note(tok('...'), '0x' + cur.toString(16)));
      return array(items);
    }
    if (n >= limit) return array(items, true);
    items.push(elem(b));
  }
  return array(items);
}

/**
 * An iovec array: `[{iov_base="…", iov_len=5}]`. `dataSize` caps how many bytes of the buffers are
 * shown in total (readv shows what was read); `bases: false` prints the buffers as addresses.
 */
function iovec(c: Ctx, a: bigint, n: bigint, dataSize: bigint, bases: boolean): Value {
  let left = dataSize;
  return arrayAt(
    c, a, n, 16,
    (b) => {
      const base = rd.u64(b, 0);
      const len = rd.u64(b, 8);
      const shown = left < 0n || len <= left ? len : left;
      if (left >= 0n) left -= shown;
      return struct([field('iov_base', bases ? buf(c, base, shown) : addr(base)), field('iov_len', uint(len))]);
    },
    { ignoreErr: true },
  );
}

/** readv/preadv at exit: the buffers up to the bytes read; on failure their addresses. */
const iovRead: ArgFn = (c, i) => iovec(c, c.args[i]!, c.args[i + 1]!, c.err ? -1n : c.rval, !c.err);
/** writev/pwritev: every buffer. */
const iovWrite: ArgFn = (c, i) => iovec(c, c.args[i]!, c.args[i + 1]!, -1n, true);

/** pipe/pipe2's `[3, 4]`. */
const fdPair: ArgFn = (c, i) => arrayAt(c, c.args[i]!, 2n, 4, (b) => fd(BigInt(rd.s32(b, 0))));

// ---------------------------------------------------------------- fcntl and ioctl: the third argument

/** How a command's third argument prints: when (entry, or exit for what the kernel fills in) and how. */
type ArgPrinter = (c: Ctx, a: bigint) => Value;
interface ArgAt {
  at: 'entry' | 'exit';
  print: ArgPrinter;
  /**
   * For arguments printed at exit: runs at entry, to keep in c.state what the call overwrites
   * (in/out arguments keep their entry value as c.state.argIn).
   */
  save?: (c: Ctx, a: bigint) => void;
}
const onEntry = (print: ArgPrinter): ArgAt => ({ at: 'entry', print });
const onExit = (print: ArgPrinter): ArgAt => ({ at: 'exit', print });

/** A decoder for fd/command/argument calls: the argument per command, the result per command. */
function byCommand(name: (c: Ctx) => Value, argOf: (c: Ctx) => ArgAt | undefined, ret: (c: Ctx) => RetInfo): SyscallDecoder {
  return {
    entry: (c) => {
      const h = argOf(c);
      const out = [A.fd(c, 0), name(c)];
      if (h?.at === 'entry') out.push(h.print(c, c.args[2]!));
      else h?.save?.(c, c.args[2]!);
      return out;
    },
    needsExit: (c) => argOf(c)?.at === 'exit',
    exit: (c) => [argOf(c)!.print(c, c.args[2]!)],
    ret,
  };
}

const FLOCK_SIZE = 32;

/** struct flock: `{l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}`, plus l_pid for F_GETLK. */
function flock(c: Ctx, a: bigint, getlk: boolean): Value {
  return outStruct(c, a, FLOCK_SIZE, (b) => {
    const s16 = (off: number): bigint => BigInt.asUintN(64, BigInt((rd.u16(b, off) << 16) >> 16));
    const f: Field[] = [
      field('l_type', symbol(LOCKF_CMDS, s16(0), 'x', 'F_???')),
      field('l_whence', symbol(SEEK_WHENCE, s16(2), 'x', 'SEEK_???')),
      field('l_start', int(rd.s64(b, 8))),
      field('l_len', int(rd.s64(b, 16))),
    ];
    if (getlk) f.push(field('l_pid', int(rd.s32(b, 24))));
    return struct(f);
  });
}

/** struct f_owner_ex: `{type=F_OWNER_PID, pid=123}`. */
const ownerEx = (c: Ctx, a: bigint): Value =>
  outStruct(c, a, 8, (b) =>
    struct([
      field('type', symbol(F_OWNER_TYPES, BigInt.asUintN(64, BigInt(rd.s32(b, 0))), 'x', 'F_OWNER_???')),
      field('pid', int(rd.s32(b, 4))),
    ]),
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
/** A result followed by `(NAME)` when there is a name (strace's RVAL_STR with a looked-up auxstr). */
const withName = (name: string | undefined, fmt: 'd' | 'x'): RetInfo => (name ? { fmt, aux: tok(name) } : { fmt });

/** fcntl, by command: its argument (none when absent) and, when the call succeeded, its result. */
interface FcntlCmd {
  arg?: ArgAt;
  ret?: (c: Ctx) => RetInfo;
}

const asFd = (): RetInfo => ({ fmt: 'fd' });
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
  8: { arg: onEntry((_c, a) => int(BigInt.asIntN(32, a))) }, // F_SETOWN
  9: {}, // F_GETOWN
  10: { arg: onEntry((_c, a) => signal(Number(BigInt.asIntN(32, a)))) }, // F_SETSIG
  11: { ret: (c) => withName(c.rval ? signalName(Number(c.rval)) : undefined, 'd') }, // F_GETSIG
  15: { arg: onEntry(ownerEx) }, // F_SETOWN_EX
  16: { arg: onExit(ownerEx) }, // F_GETOWN_EX
  1024: { arg: onEntry((_c, a) => xval(LOCKF_CMDS, a, 'F_???')) }, // F_SETLEASE
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
  (c) => xval(FCNTL_CMDS, u32(c.args[1]!), 'F_???'),
  (c) => fcntlCmd(c).arg,
  (c) => (c.err ? { fmt: 'd' } : fcntlCmd(c).ret?.(c) ?? { fmt: 'd' }),
);

// ---------------------------------------------------------------- ioctl: the request

const IOC_NR = (code: number): number => code & 0xff;
const IOC_TYPE = (code: number): number => (code >>> 8) & 0xff;
const IOC_SIZE = (code: number): number => (code >>> 16) & 0x3fff;
const IOC_DIR = (code: number): number => code >>> 30;
const IOC_WRITE = 1;
const IOC_READ = 2;

const sizeCall = (fn: string, code: number): Value => call(fn, uint(IOC_SIZE(code)));

/** evdev requests strace names by formula (EVIOCGBIT(EV_KEY, 96), EVIOCGNAME(256), …). */
function evdevNumber(code: number): Value | undefined {
  const nr = IOC_NR(code);
  const dir = IOC_DIR(code);
  if (dir === IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f) return call('EVIOCSABS', xval(EVDEV_ABS, BigInt(nr - 0xc0), 'ABS_???'));
  if (dir !== IOC_READ) return undefined;
  if (nr >= 0x20 && nr <= 0x20 + 0x1f)
    return call('EVIOCGBIT', nr === 0x20 ? uint(0) : xval(EVDEV_EV, BigInt(nr - 0x20), 'EV_???'), uint(IOC_SIZE(code)));
  if (nr >= 0x40 && nr <= 0x40 + 0x3f) return call('EVIOCGABS', xval(EVDEV_ABS, BigInt(nr - 0x40), 'ABS_???'));
  const byNr: Record<number, string> = {
    0x06: 'EVIOCGNAME', 0x07: 'EVIOCGPHYS', 0x08: 'EVIOCGUNIQ', 0x09: 'EVIOCGPROP', 0x0a: 'EVIOCGMTSLOTS',
    0x18: 'EVIOCGKEY', 0x19: 'EVIOCGLED', 0x1a: 'EVIOCGSND', 0x1b: 'EVIOCGSW',
  };
  const fn = byNr[nr];
  return fn ? sizeCall(fn, code) : undefined;
}

function hiddevNumber(code: number): Value | undefined {
  const dir = IOC_DIR(code);
  const names: Record<number, string> | undefined =
    dir === IOC_READ
      ? { 0x04: 'HIDIOCGRAWNAME', 0x05: 'HIDIOCGRAWPHYS', 0x06: 'HIDIOCSFEATURE', 0x08: 'HIDIOCGRAWUNIQ', 0x12: 'HIDIOCGPHYS' }
      : dir === (IOC_READ | IOC_WRITE)
        ? { 0x06: 'HIDIOCSFEATURE', 0x07: 'HIDIOCGFEATURE' }
        : undefined;
  const fn = names?.[IOC_NR(code)];
  return fn ? sizeCall(fn, code) : undefined;
}

/** strace's ioctl_decode_command_number: requests named by formula, by _IOC_TYPE. */
const NUMBER_DECODERS: Readonly<Record<number, (code: number) => Value | undefined>> = {
  0x21: (code) => (code === (((IOC_READ << 30) | (8 << 16) | (0x21 << 8) | 2) >>> 0) ? tok('SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR') : undefined),
  0x45: evdevNumber,
  0x48: hiddevNumber,
  0x4d: (code) =>
    IOC_DIR(code) === IOC_WRITE ? call('MIXER_WRITE', uint(IOC_NR(code)))
    : IOC_DIR(code) === IOC_READ ? call('MIXER_READ', uint(IOC_NR(code)))
    : undefined,
  0x55: (code) => (IOC_DIR(code) === IOC_READ && IOC_NR(code) === 0x2c ? sizeCall('UI_GET_SYSNAME', code) : undefined),
  0x6a: (code) => (IOC_DIR(code) === IOC_READ && IOC_NR(code) === 0x13 ? sizeCall('JSIOCGNAME', code) : undefined),
  0x6b: (code) => (IOC_DIR(code) === IOC_WRITE && IOC_NR(code) === 0 ? sizeCall('SPI_IOC_MESSAGE', code) : undefined),
};

/**
 * The request as strace names it: `TCGETS`, `SNDCTL_TMR_START or TCSETS`, else
 * `_IOC(_IOC_READ, 0x12, 0x34, 0x8)`; the number stands for the whole with -X raw/verbose.
 */
export function ioctlRequest(code: number): Value {
  return joinOf(BigInt(code), '', ioctlRequestName(code));
}

function ioctlRequestName(code: number): Value {
  const byFormula = NUMBER_DECODERS[IOC_TYPE(code)]?.(code);
  const names = ioctlName(code);
  if (byFormula && names) return join(' or ', byFormula, tok(names));
  if (byFormula) return byFormula;
  if (names) return tok(names);
  return call('_IOC', flags(IOCTL_DIRS, BigInt(IOC_DIR(code)), '_IOC_???'), hex(IOC_TYPE(code)), hex(IOC_NR(code)), hex(IOC_SIZE(code)));
}

// ---------------------------------------------------------------- ioctl: terminal arguments

/** c_oflag: each delay field named (`NL0|CR0|TAB0|BS0|VT0|FF0`), then the flag bits. */
function oflag(v: bigint): Value {
  const parts: Value[] = [];
  for (const { mask, x, dflt } of TERM_OFLAG_FIELDS) {
    parts.push(xval(x, v & mask, dflt));
    v &= ~mask;
  }
  parts.push(flagsNoDflt(TERM_OFLAGS, v));
  return join('|', ...parts);
}

/** c_cflag: `B38400|CS8|CREAD`, with the input speed `B9600<<IBSHIFT` when CIBAUD is set. */
function cflag(v: bigint): Value {
  const parts: Value[] = [xval(BAUD_OPTIONS, v & CBAUD, 'B???')];
  if (v & CIBAUD) parts.push(join('<<', xval(BAUD_OPTIONS, (v & CIBAUD) >> IBSHIFT, 'B???'), tok('IBSHIFT')));
  parts.push(xval(TERM_CSIZE, v & CSIZE, 'CS?'));
  parts.push(flagsNoDflt(TERM_CFLAGS, v & ~(CBAUD | CIBAUD | CSIZE)));
  return join('|', ...parts);
}

/** The four flag words of struct termios/termio (`width` 4 or 2 bytes each). */
function termFlags(b: Uint8Array, width: 2 | 4): Field[] {
  const w = (i: number): bigint => BigInt(width === 4 ? rd.u32(b, i * 4) : rd.u16(b, i * 2));
  return [
    field('c_iflag', flagsNoDflt(TERM_IFLAGS, w(0))),
    field('c_oflag', oflag(w(1))),
    field('c_cflag', cflag(w(2))),
    field('c_lflag', flagsNoDflt(TERM_LFLAGS, w(3))),
  ];
}

/** c_line and c_cc (`[[VINTR]=0x3, …, [17]=0]`), shown without abbrev. */
function termTail(b: Uint8Array, off: number, ncc: number): Field[] {
  const cc: Value[] = [];
  for (let i = 0; i < ncc; i++) {
    const idx = lookup(TERMIOS_CC, BigInt(i)) ?? String(i);
    cc.push(join('=', tok(`[${idx}]`), hex(b[off + 1 + i]!)));
  }
  return [field('c_line', xval(TERM_LINE_DISCS, BigInt(b[off]!), 'N_???')), field('c_cc', array(cc))];
}


/** struct termios (kernel: 4 flag words, c_line, c_cc[19]); termios2 adds c_ispeed, c_ospeed. */
const termios = (two: boolean): ArgPrinter => (c, a) =>
  outStruct(c, a, two ? 44 : 36, (b) => {
    const f = termFlags(b, 4);
    if (c.opt.abbrev) return struct(f, true);
    f.push(...termTail(b, 16, NCCS));
    if (two) f.push(field('c_ispeed', uint(rd.u32(b, 36))), field('c_ospeed', uint(rd.u32(b, 40))));
    return struct(f);
  });

/** struct termio (16-bit flag words, c_line, c_cc[8]). */
const termio: ArgPrinter = (c, a) =>
  outStruct(c, a, 18, (b) => {
    const f = termFlags(b, 2);
    return c.opt.abbrev ? struct(f, true) : struct([...f, ...termTail(b, 8, NCC)]);
  });

const winsize: ArgPrinter = (c, a) =>
  outStruct(c, a, 8, (b) =>
    struct([
      field('ws_row', uint(rd.u16(b, 0))), field('ws_col', uint(rd.u16(b, 2))),
      field('ws_xpixel', uint(rd.u16(b, 4))), field('ws_ypixel', uint(rd.u16(b, 6))),
    ]),
  );

const modem: ArgPrinter = (c, a) => outStruct(c, a, 4, (b) => array([flags(MODEM_FLAGS, BigInt(rd.u32(b, 0)), 'TIOCM_???')]));
const intPtr: ArgPrinter = (c, a) => numAt(c, a, 4);

/** A terminal request's argument: `get` requests print it at exit, `set` ones at entry; NO_ARG: none. */
const get = onExit;
const set = onEntry;
const NO_ARG = null;

/** strace's term_ioctl, by request number (x86_64). */
const TERM_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x802c542a: get(termios(true)), // TCGETS2
  0x402c542b: set(termios(true)), 0x402c542c: set(termios(true)), 0x402c542d: set(termios(true)), // TCSETS2, W2, F2
  0x5401: get(termios(false)), 0x5456: get(termios(false)), // TCGETS, TIOCGLCKTRMIOS
  0x5402: set(termios(false)), 0x5403: set(termios(false)), 0x5404: set(termios(false)), 0x5457: set(termios(false)),
  0x5405: get(termio), // TCGETA
  0x5406: set(termio), 0x5407: set(termio), 0x5408: set(termio),
  0x5413: get(winsize), 0x5414: set(winsize), // TIOCGWINSZ, TIOCSWINSZ
  0x540a: set((_c, a) => xval(TCXONC_OPTIONS, a, 'TC???')), // TCXONC
  0x540b: set((_c, a) => xval(TCFLSH_QUEUES, a, 'TC???')), // TCFLSH
  0x5409: set((_c, a) => int(BigInt.asIntN(32, a))), // TCSBRK
  0x5425: set((_c, a) => int(BigInt.asIntN(32, a))), // TCSBRKP
  0x540e: set((_c, a) => int(BigInt.asIntN(32, a))), // TIOCSCTTY
  0x5415: get(modem), // TIOCMGET
  0x5416: set(modem), 0x5417: set(modem), 0x5418: set(modem),
  // TIOCGPGRP, TIOCGSID, TIOCGETD, TIOCGSOFTCAR, TIOCGPTN, FIONREAD, TIOCOUTQ, TIOCGEXCL, TIOCGDEV
  0x540f: get(intPtr), 0x5429: get(intPtr), 0x5424: get(intPtr), 0x5419: get(intPtr), 0x80045430: get(intPtr),
  0x541b: get(intPtr), 0x5411: get(intPtr), 0x80045440: get(intPtr), 0x80045432: get(intPtr),
  // TIOCSPGRP, TIOCSETD, FIONBIO, FIOASYNC, TIOCPKT, TIOCSSOFTCAR, TIOCSPTLCK
  0x5410: set(intPtr), 0x5423: set(intPtr), 0x5421: set(intPtr), 0x5452: set(intPtr), 0x5420: set(intPtr),
  0x541a: set(intPtr), 0x40045431: set(intPtr),
  0x5412: set((c, a) => buf(c, a, 1)), // TIOCSTI
  // TIOCSBRK, TIOCCBRK, TIOCCONS, TIOCNOTTY, TIOCEXCL, TIOCNXCL, FIOCLEX, FIONCLEX, TIOCVHANGUP, TIOCSSERIAL
  0x5427: NO_ARG, 0x5428: NO_ARG, 0x541d: NO_ARG, 0x5422: NO_ARG, 0x540c: NO_ARG, 0x540d: NO_ARG,
  0x5451: NO_ARG, 0x5450: NO_ARG, 0x5437: NO_ARG, 0x541f: NO_ARG,
};

/** File system requests strace decodes (fs_f_ioctl, fs_x_ioctl, fs_0x94_ioctl). */
const fsFlags: ArgPrinter = (c, a) => outStruct(c, a, 4, (b) => array([flags(FS_IOC_FLAGS, BigInt(rd.u32(b, 0)), 'FS_???_FL')]));
const cloneRange: ArgPrinter = (c, a) =>
  outStruct(c, a, 32, (b) =>
    struct([
      field('src_fd', fd(rd.u64(b, 0))), field('src_offset', uint(rd.u64(b, 8))),
      field('src_length', uint(rd.u64(b, 16))), field('dest_offset', uint(rd.u64(b, 24))),
    ]),
  );
/**
 * An argument the kernel reads and then fills: the entry value, then ` => ` and the exit value when
 * the call succeeded (an unreadable argument prints once).
 */
/** A save hook keeping the argument as printed at entry, for printing at exit (c.state.argIn). */
const keepIn = (before: ArgPrinter) => (c: Ctx, a: bigint): void => {
  c.state.argIn = before(c, a);
};

const inOut = (before: ArgPrinter, after: ArgPrinter): ArgAt => ({
  at: 'exit',
  save: keepIn(before),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    return v.k !== 'struct' || c.err ? v : { k: 'inout', in: v, out: after(c, a) };
  },
});

/** struct fiemap: the request at entry, the mapped extents (all of them with -v) at exit. */
const FIEMAP_HEADER = 32;
const FIEMAP_EXTENT = 56;
const fiemap = inOut(
  (c, a) =>
    structAt(c, a, FIEMAP_HEADER, (b) =>
      struct([
        field('fm_start', uint(rd.u64(b, 0))), field('fm_length', uint(rd.u64(b, 8))),
        field('fm_flags', flags(FIEMAP_FLAGS, BigInt(rd.u32(b, 16)), 'FIEMAP_FLAG_???')),
        field('fm_extent_count', uint(rd.u32(b, 24))),
      ]),
    ),
  (c, a) =>
    structAt(c, a, FIEMAP_HEADER, (b) => {
      const mapped = rd.u32(b, 20);
      const f: Field[] = [
        field('fm_flags', flags(FIEMAP_FLAGS, BigInt(rd.u32(b, 16)), 'FIEMAP_FLAG_???')),
        field('fm_mapped_extents', uint(mapped)),
      ];
      if (c.opt.abbrev) return struct(f, true);
      const extents = arrayAt(c, a + BigInt(FIEMAP_HEADER), BigInt(mapped), FIEMAP_EXTENT, (e) =>
        struct([
          field('fe_logical', uint(rd.u64(e, 0))), field('fe_physical', uint(rd.u64(e, 8))),
          field('fe_length', uint(rd.u64(e, 16))),
          field('fe_flags', flags(FIEMAP_EXTENT_FLAGS, BigInt(rd.u32(e, 40)), 'FIEMAP_EXTENT_???')),
        ]),
      );
      return struct([...f, field('fm_extents', extents)]);
    }),
);

/**
 * struct file_dedupe_range (FIDEDUPERANGE): the request and destinations at entry, then ` => ` and
 * each destination's result. With abbrev only two destinations show, and then the results do not.
 */
const DEDUPE_HEADER = 24;
const DEDUPE_INFO = 32;
function dedupeInfos(c: Ctx, a: bigint, count: number, elem: (e: Uint8Array) => Value): { v: Value; complete: boolean } {
  const limit = c.opt.abbrev && count > 2 ? 2 : count;
  const items: Value[] = [];
  for (let i = 0; i < count; i++) {
    if (i >= limit) return { v: array(items, true), complete: false };
    const cur = a + BigInt(DEDUPE_HEADER + DEDUPE_INFO * i);
    const e = c.mem.read(cur, DEDUPE_INFO);
    if (!e) {
      if (!i) return { v: addr(cur), complete: false };
      items.push(note(tok('...'), '0x' + cur.toString(16)));
      return { v: array(items), complete: false };
    }
    items.push(elem(e));
  }
  return { v: array(items), complete: count > 0 };
}
const dedupeRange: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) =>
    structAt(c, a, DEDUPE_HEADER, (b) => {
      const count = rd.u16(b, 16);
      const { v, complete } = dedupeInfos(c, a, count, (e) =>
        struct([field('dest_fd', fd(rd.u64(e, 0))), field('dest_offset', uint(rd.u64(e, 8)))]));
      c.state.dedupeComplete = complete;
      return struct([
        field('src_offset', uint(rd.u64(b, 0))), field('src_length', uint(rd.u64(b, 8))), field('dest_count', uint(count)),
        field('info', v),
      ]);
    })),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    if (v.k !== 'struct' || c.err || !c.state.dedupeComplete) return v;
    const b = c.mem.read(a, DEDUPE_HEADER);
    if (!b) return v;
    const { v: info } = dedupeInfos(c, a, rd.u16(b, 16), (e) =>
      struct([field('bytes_deduped', uint(rd.u64(e, 16))), field('status', int(rd.s32(e, 24)))]));
    return { k: 'inout', in: v, out: struct([field('info', info)]) };
  },
};

/** struct fsxattr (fsx_nextents only for FS_IOC_FSGETXATTR). */
const fsxattr = (isGet: boolean): ArgPrinter => (c, a) =>
  outStruct(c, a, 28, (b) =>
    struct([
      field('fsx_xflags', flags(FS_XFLAGS, BigInt(rd.u32(b, 0)), 'FS_XFLAG_???')),
      field('fsx_extsize', uint(rd.u32(b, 4))),
      ...(isGet ? [field('fsx_nextents', uint(rd.u32(b, 8)))] : []),
      field('fsx_projid', hex(rd.u32(b, 12))), field('fsx_cowextsize', uint(rd.u32(b, 16))),
    ]),
  );

/** struct fstrim_range. */
const fstrimRange: ArgPrinter = (c, a) =>
  outStruct(c, a, 24, (b) =>
    struct([field('start', hex(rd.u64(b, 0))), field('len', uint(rd.u64(b, 8))), field('minlen', uint(rd.u64(b, 16)))]),
  );

/** print_quoted_cstring: a char array quoted up to its NUL; with none, all but the last byte and `...`. */
function cstrIn(b: Uint8Array, off: number, size: number): Value {
  const s = b.subarray(off, off + size);
  const end = s.indexOf(0);
  return end < 0 ? { k: 'str', b: s.subarray(0, size - 1), trunc: true } : { k: 'str', b: s.subarray(0, end) };
}

/** A file system label (char[256]). */
const FSLABEL_MAX = 256;
const fslabel: ArgPrinter = (c, a) => outStruct(c, a, FSLABEL_MAX, (b) => cstrIn(b, 0, FSLABEL_MAX));

const FS_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xc020660b: fiemap, // FS_IOC_FIEMAP
  0x801c581f: get(fsxattr(true)), 0x401c5820: set(fsxattr(false)), // FS_IOC_FSGETXATTR, FS_IOC_FSSETXATTR
  0xc0185879: set(fstrimRange), // FITRIM
  0x81009431: get(fslabel), 0x41009432: set(fslabel), // FS_IOC_GETFSLABEL, FS_IOC_SETFSLABEL
  0xc0189436: dedupeRange, // FIDEDUPERANGE
  0x80086601: get(fsFlags), 0x80046601: get(fsFlags), // FS_IOC_GETFLAGS, FS_IOC32_GETFLAGS
  0x40086602: set(fsFlags), 0x40046602: set(fsFlags), // FS_IOC_SETFLAGS, FS_IOC32_SETFLAGS
  0x40049409: set((_c, a) => int(BigInt.asIntN(32, a))), // FICLONE
  0x4020940d: set(cloneRange), // FICLONERANGE
  0xc0045877: NO_ARG, 0xc0045878: NO_ARG, // FIFREEZE, FITHAW
};

/** strace's block_ioctl (type 0x12): numbers the kernel returns or takes, by request. */
const shortAt: ArgPrinter = (c, a) => outStruct(c, a, 2, (b) => array([uint(rd.u16(b, 0))]));
const pairU64: ArgPrinter = (c, a) => outStruct(c, a, 16, (b) => array([uint(rd.u64(b, 0)), uint(rd.u64(b, 8))]));
const BLOCK_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x1262: set((_c, a) => uint(a)), 0x1264: set((_c, a) => uint(a)), // BLKRASET, BLKFRASET
  0x1267: get(shortAt), 0x127e: get(shortAt), // BLKSECTGET, BLKROTATIONAL
  // BLKROGET, BLKBSZGET, BLKSSZGET, BLKALIGNOFF; BLKROSET, BLKBSZSET
  0x125e: get(intPtr), 0x80081270: get(intPtr), 0x1268: get(intPtr), 0x127a: get(intPtr),
  0x125d: set(intPtr), 0x40081271: set(intPtr),
  // BLKPBSZGET, BLKIOMIN, BLKIOOPT, BLKDISCARDZEROES, BLKGETZONESZ, BLKGETNRZONES
  0x127b: get((c, a) => numAt(c, a, 4, 'u')), 0x1278: get((c, a) => numAt(c, a, 4, 'u')),
  0x1279: get((c, a) => numAt(c, a, 4, 'u')), 0x127c: get((c, a) => numAt(c, a, 4, 'u')),
  0x80041284: get((c, a) => numAt(c, a, 4, 'u')), 0x80041285: get((c, a) => numAt(c, a, 4, 'u')),
  0x1263: get((c, a) => numAt(c, a, 8)), 0x1265: get((c, a) => numAt(c, a, 8)), // BLKRAGET, BLKFRAGET
  0x1260: get((c, a) => numAt(c, a, 8, 'u')), // BLKGETSIZE
  0x80081272: get((c, a) => numAt(c, a, 8, 'u')), 0x80081280: get((c, a) => numAt(c, a, 8, 'u')), // BLKGETSIZE64, BLKGETDISKSEQ
  0x1277: set(pairU64), 0x127d: set(pairU64), 0x127f: set(pairU64), // BLKDISCARD, BLKSECDISCARD, BLKZEROOUT
  // BLKRRPART, BLKFLSBUF, BLKTRACESTART, BLKTRACESTOP, BLKTRACETEARDOWN
  0x125f: NO_ARG, 0x1261: NO_ARG, 0x1274: NO_ARG, 0x1275: NO_ARG, 0x1276: NO_ARG,
};

/** Loop devices ('L'): struct loop_info (x86_64 layout, 168 bytes) and loop_info64 (232 bytes). */
const LO_KEY_SIZE = 32;
const hexArray = (...v: bigint[]): Value => array(v.map((x) => hex(x)));
const cryptFields = (type: number, keySize: number): Field[] => [
  field('lo_encrypt_type', xval(LOOP_CRYPT_TYPES, BigInt(type), 'LO_CRYPT_???')),
  field('lo_encrypt_key_size', uint(keySize)),
];
const keyField = (b: Uint8Array, off: number, keySize: number): Field =>
  field('lo_encrypt_key', { k: 'str', b: b.subarray(off, off + Math.min(keySize, LO_KEY_SIZE)) });

const loopInfo: ArgPrinter = (c, a) =>
  outStruct(c, a, 168, (b) => {
    const full = !c.opt.abbrev;
    const type = rd.s32(b, 36);
    const keySize = rd.u32(b, 40);
    const f: Field[] = [field('lo_number', int(rd.s32(b, 0)))];
    if (full) f.push(field('lo_device', dev(rd.u64(b, 8))), field('lo_inode', uint(rd.u64(b, 16))), field('lo_rdevice', dev(rd.u64(b, 24))));
    f.push(field('lo_offset', hex(rd.u32(b, 32))));
    if (full || type !== 0) f.push(...cryptFields(type >>> 0, keySize));
    f.push(field('lo_flags', flags(LOOP_FLAGS, BigInt(rd.u32(b, 44)), 'LO_FLAGS_???')), field('lo_name', cstrIn(b, 48, 64)));
    if (full || type !== 0) f.push(keyField(b, 112, keySize));
    if (!full) return struct(f, true);
    f.push(field('lo_init', hexArray(rd.u64(b, 144), rd.u64(b, 152))), field('reserved', array([...b.subarray(160, 164)].map((x) => hex(x)))));
    return struct(f);
  });

function loopInfo64Fields(c: Ctx, b: Uint8Array, off: number): Value {
  const full = !c.opt.abbrev;
  const type = rd.u32(b, off + 44);
  const keySize = rd.u32(b, off + 48);
  const f: Field[] = full
    ? [
      field('lo_device', dev(rd.u64(b, off))), field('lo_inode', uint(rd.u64(b, off + 8))),
      field('lo_rdevice', dev(rd.u64(b, off + 16))), field('lo_offset', hex(rd.u64(b, off + 24))),
      field('lo_sizelimit', uint(rd.u64(b, off + 32))), field('lo_number', uint(rd.u32(b, off + 40))),
    ]
    : [field('lo_offset', hex(rd.u64(b, off + 24))), field('lo_number', uint(rd.u32(b, off + 40)))];
  if (full || type !== 0) f.push(...cryptFields(type, keySize));
  f.push(field('lo_flags', flags(LOOP_FLAGS, BigInt(rd.u32(b, off + 52)), 'LO_FLAGS_???')), field('lo_file_name', cstrIn(b, off + 56, 64)));
  if (full || type !== 0) f.push(field('lo_crypt_name', cstrIn(b, off + 120, 64)), keyField(b, off + 184, keySize));
  if (!full) return struct(f, true);
  f.push(field('lo_init', hexArray(rd.u64(b, off + 216), rd.u64(b, off + 224))));
  return struct(f);
}
const loopInfo64: ArgPrinter = (c, a) => outStruct(c, a, 232, (b) => loopInfo64Fields(c, b, 0));

/** struct loop_config: fd, block_size, info (loop_info64), __reserved[8] when set. */
const loopConfig: ArgPrinter = (c, a) =>
  outStruct(c, a, 8 + 232 + 64, (b) => {
    const reserved: bigint[] = [];
    for (let i = 0; i < 8; i++) reserved.push(rd.u64(b, 240 + 8 * i));
    return struct([
      field('fd', fd(BigInt(rd.u32(b, 0)))), field('block_size', uint(rd.u32(b, 4))),
      field('info', loopInfo64Fields(c, b, 8)),
      ...(reserved.some((v) => v) ? [field('__reserved', hexArray(...reserved))] : []),
    ]);
  });

const LOOP_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x4c02: set(loopInfo), 0x4c03: get(loopInfo), // LOOP_SET_STATUS, LOOP_GET_STATUS
  0x4c04: set(loopInfo64), 0x4c05: get(loopInfo64), // LOOP_SET_STATUS64, LOOP_GET_STATUS64
  0x4c0a: set(loopConfig), // LOOP_CONFIGURE
  0x4c01: NO_ARG, 0x4c07: NO_ARG, 0x4c82: NO_ARG, // LOOP_CLR_FD, LOOP_SET_CAPACITY, LOOP_CTL_GET_FREE
  0x4c00: set((_c, a) => fd(a)), 0x4c06: set((_c, a) => fd(a)), // LOOP_SET_FD, LOOP_CHANGE_FD
  0x4c80: set((_c, a) => int(BigInt.asIntN(32, a))), 0x4c81: set((_c, a) => int(BigInt.asIntN(32, a))), // LOOP_CTL_ADD, _REMOVE
  0x4c08: set((_c, a) => uint(a)), 0x4c09: set((_c, a) => uint(a)), // LOOP_SET_DIRECT_IO, LOOP_SET_BLOCK_SIZE
};

/** Random ('R'): entropy counts and struct rand_pool_info. */
const randPoolInfo: ArgPrinter = (c, a) =>
  outStruct(c, a, 8, (b) => {
    const size = rd.s32(b, 4);
    return struct([
      field('entropy_count', int(rd.s32(b, 0))), field('buf_size', int(size)),
      field('buf', buf(c, a + 8n, BigInt.asUintN(64, BigInt(size)))),
    ]);
  });
const RANDOM_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x80045200: get(intPtr), 0x40045201: set(intPtr), // RNDGETENTCNT, RNDADDTOENTCNT
  0x40085203: set(randPoolInfo), // RNDADDENTROPY
  0x5204: NO_ARG, 0x5206: NO_ARG, 0x5207: NO_ARG, // RNDZAPENTCNT, RNDCLEARPOOL, RNDRESEEDCRNG
};

/** inotify ('I'): INOTIFY_IOC_SETNEXTWD takes the next watch descriptor as a value. */
const INOTIFY_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x40044900: set((_c, a) => int(BigInt.asIntN(32, a))),
};

/** nsfs (0xb7): NS_GET_OWNER_UID's uid; the results are handled by IOCTL_RESULTS. */
const NSFS_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xb701: NO_ARG, 0xb702: NO_ARG, 0xb703: NO_ARG, // NS_GET_USERNS, NS_GET_PARENT, NS_GET_NSTYPE
  0xb704: get((c, a) => outStruct(c, a, 4, (b) => array([id(BigInt(rd.u32(b, 0)))]))), // NS_GET_OWNER_UID
};

/** Requests whose result strace shows specially: an fd, or a name after it. */
const IOCTL_RESULTS: Readonly<Record<number, (c: Ctx) => RetInfo>> = {
  0xb701: asFd, 0xb702: asFd, // NS_GET_USERNS, NS_GET_PARENT
  0xb703: (c) => (c.err ? { fmt: 'd' } : withName(lookup(NS_TYPES, c.rval), 'd')), // NS_GET_NSTYPE
};

/** Legacy IDE (0x03): struct hd_geometry, kernel_ulong_t settings read or set, identity blocks. */
const ulongAt = (f: (v: bigint) => Value): ArgPrinter => (c, a) => outStruct(c, a, 8, (b) => array([f(rd.u64(b, 0))]));
const hdioU = ulongAt((v) => uint(v));
const identity = (size: number): ArgPrinter => (c, a) => (c.err ? addr(a) : buf(c, a, size));
const hdioInts3: ArgPrinter = (c, a) => arrayAt(c, a, 3n, 4, (b) => hex(rd.u32(b, 0)));
const busstate = (v: bigint): Value => xval(HDIO_BUSSTATES, v, 'BUSSTATE_???');
const ideNice = (v: bigint): Value => flags(HDIO_IDE_NICE, v, 'IDE_NICE_???');
const HDIO_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x301: get((c, a) => // HDIO_GETGEO
    outStruct(c, a, 16, (b) =>
      struct([
        field('heads', uint(b[0]!)), field('sectors', uint(b[1]!)), field('cylinders', uint(rd.u16(b, 2))),
        field('start', uint(rd.u64(b, 8))),
      ]),
    )),
  // HDIO_GET_32BIT, _ACOUSTIC, _ADDRESS, _DMA, _KEEPSETTINGS, _MULTCOUNT, _NOWERR, _UNMASKINTR, _WCACHE
  0x309: get(hdioU), 0x30f: get(hdioU), 0x310: get(hdioU), 0x30b: get(hdioU), 0x308: get(hdioU), 0x304: get(hdioU),
  0x30a: get(hdioU), 0x302: get(hdioU), 0x30e: get(hdioU),
  0x31a: get(ulongAt(busstate)), 0x30c: get(ulongAt(ideNice)), // HDIO_GET_BUSSTATE, HDIO_GET_NICE
  0x30d: get(identity(512)), 0x307: get(identity(142)), // HDIO_GET_IDENTITY, HDIO_OBSOLETE_IDENTITY
  0x31c: set(hdioInts3), 0x328: set(hdioInts3), // HDIO_DRIVE_RESET, HDIO_SCAN_HWIF
  // HDIO_SET_32BIT, _ACOUSTIC, _ADDRESS, _DMA, _KEEPSETTINGS, _MULTCOUNT, _NOWERR, _PIO_MODE, _UNMASKINTR, _WCACHE,
  // HDIO_UNREGISTER_HWIF: the value itself
  0x324: set((_c, a) => uint(a)), 0x32c: set((_c, a) => uint(a)), 0x32f: set((_c, a) => uint(a)),
  0x326: set((_c, a) => uint(a)), 0x323: set((_c, a) => uint(a)), 0x321: set((_c, a) => uint(a)),
  0x325: set((_c, a) => uint(a)), 0x327: set((_c, a) => uint(a)), 0x322: set((_c, a) => uint(a)),
  0x32b: set((_c, a) => uint(a)), 0x32a: set((_c, a) => uint(a)),
  0x32d: set((_c, a) => busstate(a)), 0x329: set((_c, a) => ideNice(a)), // HDIO_SET_BUSSTATE, HDIO_SET_NICE
};

/** perf events ('$'). */
const perfFlags: ArgAt = set((_c, a) => flags(PERF_IOCTL_FLAGS, u32(a), 'PERF_IOC_FLAG_???'));
const PERF_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x2400: perfFlags, 0x2401: perfFlags, 0x2403: perfFlags, // PERF_EVENT_IOC_ENABLE, _DISABLE, _RESET
  0x2402: set((_c, a) => int(BigInt.asIntN(32, a))), // PERF_EVENT_IOC_REFRESH
  0x40082404: set((c, a) => numAt(c, a, 8, 'u')), // PERF_EVENT_IOC_PERIOD
  0x2405: set((_c, a) => fd(a)), 0x40042408: set((_c, a) => fd(a)), // PERF_EVENT_IOC_SET_OUTPUT, _SET_BPF
  0x40042409: set((_c, a) => uint(a)), // PERF_EVENT_IOC_PAUSE_OUTPUT
  0x40082406: set((c, a) => cstr(c, a)), // PERF_EVENT_IOC_SET_FILTER
  0x80082407: get((c, a) => numAt(c, a, 8, 'u')), // PERF_EVENT_IOC_ID
};

/**
 * userfaultfd (0xaa): structs the caller fills and the kernel completes. `done` gives the fields
 * printed when the call succeeded, from the fields given at entry, the struct at exit and at entry.
 */
type Completion = (given: Field[], b: Uint8Array, before: Uint8Array) => Field[];
const completed = (size: number, given: (b: Uint8Array) => Field[], done: Completion): ArgAt => ({
  at: 'exit',
  save: keepIn((c, a) =>
    outStruct(c, a, size, (b) => {
      c.state.argBytes = b;
      return struct(given(b));
    })),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    if (v.k !== 'struct' || c.err) return v;
    const b = c.mem.read(a, size);
    return b ? struct(done(v.fields, b, c.state.argBytes as Uint8Array)) : v;
  },
});
const uffdRange = (b: Uint8Array, off: number): Value =>
  struct([field('start', hex(rd.u64(b, off))), field('len', hex(rd.u64(b, off + 8)))]);
const uffdApiFeatures = (v: bigint): Value => flags(UFFD_API_FEATURES, v, 'UFFD_FEATURE_???');
const UFFD_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xc018aa3f: completed( // UFFDIO_API
    24,
    (b) => [field('api', hex(rd.u64(b, 0))), field('features', uffdApiFeatures(rd.u64(b, 8)))],
    (given, b, before) => {
      const features = rd.u64(b, 8);
      const f = features === rd.u64(before, 8) ? given
        : [given[0]!, field('features', join('', given[1]!.v, tok(' => features='), uffdApiFeatures(features)))];
      return [...f, field('ioctls', flags(UFFD_API_FLAGS, rd.u64(b, 16), '_UFFDIO_???'))];
    },
  ),
  0xc020aa00: completed( // UFFDIO_REGISTER
    32,
    (b) => [field('range', uffdRange(b, 0)), field('mode', flags(UFFD_REGISTER_MODE_FLAGS, rd.u64(b, 16), 'UFFDIO_REGISTER_MODE_???'))],
    (given, b) => [...given, field('ioctls', flags(UFFD_REGISTER_IOCTL_FLAGS, rd.u64(b, 24), 'UFFDIO_???'))],
  ),
  0xc028aa03: completed( // UFFDIO_COPY
    40,
    (b) => [
      field('dst', hex(rd.u64(b, 0))), field('src', hex(rd.u64(b, 8))), field('len', hex(rd.u64(b, 16))),
      field('mode', flags(UFFD_COPY_FLAGS, rd.u64(b, 24), 'UFFDIO_COPY_???')),
    ],
    (given, b) => [...given, field('copy', hex(rd.u64(b, 32)))],
  ),
  0xc020aa04: completed( // UFFDIO_ZEROPAGE
    32,
    (b) => [field('range', uffdRange(b, 0)), field('mode', flags(UFFD_ZEROPAGE_FLAGS, rd.u64(b, 16), 'UFFDIO_ZEROPAGE_???'))],
    (given, b) => [...given, field('zeropage', hex(rd.u64(b, 24)))],
  ),
  0x8010aa01: set((c, a) => outStruct(c, a, 16, (b) => uffdRange(b, 0))), // UFFDIO_UNREGISTER
  0x8010aa02: set((c, a) => outStruct(c, a, 16, (b) => uffdRange(b, 0))), // UFFDIO_WAKE
};

/** seccomp user notifications ('!'): responses, ids and fds the supervisor installs. */
const negErrno = (v: number): Value => {
  const name = v < 0 ? errnoName(-v) : undefined;
  return name ? sym('-' + name, v) : int(v);
};
const notifId: ArgPrinter = (c, a) => outStruct(c, a, 8, (b) => array([hex(rd.u64(b, 0))]));
const SECCOMP_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0xc0182101: set((c, a) => // SECCOMP_IOCTL_NOTIF_SEND
    outStruct(c, a, 24, (b) =>
      struct([
        field('id', hex(rd.u64(b, 0))), field('val', int(rd.s64(b, 8))), field('error', negErrno(rd.s32(b, 16))),
        field('flags', flags(SECCOMP_RESP_FLAGS, BigInt(rd.u32(b, 20)), 'SECCOMP_USER_NOTIF_FLAG_???')),
      ]),
    )),
  0x40082102: set(notifId), 0x80082102: set(notifId), // SECCOMP_IOCTL_NOTIF_ID_VALID (and its old, wrong direction)
  0x40182103: set((c, a) => // SECCOMP_IOCTL_NOTIF_ADDFD
    outStruct(c, a, 24, (b) =>
      struct([
        field('id', hex(rd.u64(b, 0))), field('flags', flags(SECCOMP_ADDFD_FLAGS, BigInt(rd.u32(b, 8)), 'SECCOMP_ADDFD_FLAG_???')),
        field('srcfd', fd(BigInt(rd.u32(b, 12)))), field('newfd', int(rd.s32(b, 16))),
        field('newfd_flags', flags(OPEN_FLAGS, BigInt(rd.u32(b, 20)), 'O_???')),
      ]),
    )),
};

/** strace's per-type ioctl decoders we follow: terminal ('T'), block (0x12), loop ('L'), random ('R'), inotify ('I'),
 * nsfs (0xb7), legacy IDE (0x03), perf ('$'), userfaultfd (0xaa), seccomp ('!'),
 * file system ('f', 'X', 0x94). */
const DECODED_TYPES: Readonly<Record<number, Readonly<Record<number, ArgAt | null>>>> = {
  0x54: TERM_IOCTLS, 0x66: FS_IOCTLS, 0x58: FS_IOCTLS, 0x94: FS_IOCTLS, 0x12: BLOCK_IOCTLS, 0x4c: LOOP_IOCTLS,
  0x52: RANDOM_IOCTLS, 0x49: INOTIFY_IOCTLS, 0xb7: NSFS_IOCTLS, 0x03: HDIO_IOCTLS, 0x24: PERF_IOCTLS, 0xaa: UFFD_IOCTLS, 0x21: SECCOMP_IOCTLS,
  0x89: SOCK_IOCTLS,
};

/**
 * The argument of a request with no decoder: hex, at entry for the types whose decoders give up at
 * entry (terminal and file system requests), else at exit.
 */
const rawArg = (code: number): ArgAt => (DECODED_TYPES[IOC_TYPE(code)] ? onEntry : onExit)((_c, a) => hex(a));

const ioctlArg = (c: Ctx): ArgAt | undefined => {
  const code = Number(u32(c.args[1]!));
  const h = DECODED_TYPES[IOC_TYPE(code)]?.[code];
  return h === null ? undefined : h ?? rawArg(code);
};

const ioctl = byCommand((c) => ioctlRequest(Number(u32(c.args[1]!))), ioctlArg, (c) => IOCTL_RESULTS[Number(u32(c.args[1]!))]?.(c) ?? { fmt: 'd' });

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
  const fields: Field[] = [field('d_type', xval(DIRENT_TYPES, BigInt(type), 'DT_???'))];
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
  fields.push(field('d_type', t ? xval(DIRENT_TYPES, BigInt(t[0]!), 'DT_???') : addr(typeAddr)));
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
    const off = numAt(c, c.args[2]!, 8, 'u');
    c.state.off = off;
    return [A.fd(c, 0), A.fd(c, 1)];
  },
  exit: (c) => {
    const before = c.state.off as Value;
    const count = uint(c.args[3]!);
    if (before.k !== 'array') return [before, count];
    if (c.err || c.rval === 0n) return [before, count];
    return [{ k: 'inout', in: before, out: numAt(c, c.args[2]!, 8, 'u') }, count];
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
  if (aioFlags & IOCB_FLAG_IOPRIO) f.push(field('aio_reqprio', ioprioV(BigInt(prio >>> 0), true)));
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
    if (valid) f.push(field('aio_buf', iovec(c, base, nbytes, -1n, op === 8)));
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
  return arrayAt(c, c.args[i]!, nr, 8, (b) => structAt(c, rd.u64(b, 0), IOCB_SIZE, (cb) => iocb(c, cb)));
};

/** io_getevents/io_pgetevents at exit: the events, then the timeout (and sigmask) read as at entry. */
function getevents(withSig: boolean): SyscallDecoder {
  return sig([
    A.ptr, lld, lld,
    atExit((c, i) => (c.err ? addr(c.args[i]!) : arrayAt(c, c.args[i]!, c.rval, 32, ioEvent))),
    atExit((c, i) => timespecAt(c, c.args[i]!)),
    ...(withSig ? [atExit((c: Ctx, i: number) => kernelSigset(c, c.args[i]!))] : []),
  ]);
}

/** print_kernel_sigset: `{sigmask=[USR1], sigsetsize=8}`. */
const kernelSigset = (c: Ctx, a: bigint): Value =>
  structAt(c, a, 16, (b) =>
    struct([field('sigmask', sigsetAt(c, rd.u64(b, 0), rd.u64(b, 8))), field('sigsetsize', uint(rd.u64(b, 8)))]),
  );

const aioDecoders: Record<string, SyscallDecoder> = {
  io_setup: sig([(c, i) => uint(u32(c.args[i]!)), atExit((c, i) => outStruct(c, c.args[i]!, 8, (b) => array([addr(rd.u64(b, 0))])))]),
  io_destroy: sig([A.ptr]),
  io_submit: sig([A.ptr, lld, iocbs]),
  io_cancel: sig([
    A.ptr,
    (c, i) => structAt(c, c.args[i]!, IOCB_SIZE, (b) => struct(iocbHeader(b).f)),
    atExit((c, i) => outStruct(c, c.args[i]!, 32, ioEvent)),
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
const fdArray: RegisterArg = (c, a, n) => arrayAt(c, a, n, 4, (b) => fd(BigInt(rd.s32(b, 0))));
/** A files update array: fds, with IORING_REGISTER_FILES_SKIP (-2) named. */
const updateFds: RegisterArg = (c, a, n) =>
  arrayAt(c, a, n, 4, (b) => {
    const v = rd.s32(b, 0);
    return v === -2 ? sym('IORING_REGISTER_FILES_SKIP', v) : v < -1 ? int(v) : fd(BigInt(v));
  });
const iovAddrs: RegisterArg = (c, a, n) => iovec(c, a, n, -1n, false);
const u64Hex = (c: Ctx, a: bigint, n: bigint): Value => arrayAt(c, a, n, 8, (b) => hex(rd.u64(b, 0)));

/** The data and tags of a resource (un)registration, by opcode. */
const RSRC_DATA: Readonly<Record<number, RegisterArg>> = {
  13: fdArray, 14: updateFds, 15: iovAddrs, 16: iovAddrs, // FILES2, FILES_UPDATE2, BUFFERS2, BUFFERS_UPDATE
};
const rsrcDataTags = (c: Ctx, op: number, data: bigint, tags: bigint, nr: bigint): Field[] => [
  field('data', RSRC_DATA[op]!(c, data, nr)), field('tags', u64Hex(c, tags, nr)),
];

/** struct io_uring_rsrc_register (FILES2, BUFFERS2); `size` is nr_args, the struct's size. */
const rsrcRegister = (op: number): RegisterArg => (c, a, size) =>
  size < 32n ? addr(a) : structAt(c, a, 32, (b) => {
    const nr = BigInt(rd.u32(b, 0));
    return struct([
      field('nr', uint(nr)), field('flags', flags(URING_REGISTER_RSRC_FLAGS, BigInt(rd.u32(b, 4)), 'IORING_RSRC_REGISTER_???')),
      ...hexIfSet('resv2', rd.u64(b, 8)), ...rsrcDataTags(c, op, rd.u64(b, 16), rd.u64(b, 24), nr),
    ]);
  });

/** struct io_uring_rsrc_update2 (FILES_UPDATE2, BUFFERS_UPDATE). */
const rsrcUpdate = (op: number): RegisterArg => (c, a, size) =>
  size < 32n ? addr(a) : structAt(c, a, 32, (b) => {
    const nr = BigInt(rd.u32(b, 24));
    return struct([
      field('offset', uint(rd.u32(b, 0))), ...hexIfSet('resv', rd.u32(b, 4)),
      ...rsrcDataTags(c, op, rd.u64(b, 8), rd.u64(b, 16), nr),
      field('nr', uint(nr)), ...hexIfSet('resv2', rd.u32(b, 28)),
    ]);
  });

/** struct io_uring_files_update (FILES_UPDATE): `{offset=0, fds=[3, IORING_REGISTER_FILES_SKIP]}`. */
const filesUpdate: RegisterArg = (c, a, n) =>
  structAt(c, a, 16, (b) =>
    struct([field('offset', uint(rd.u32(b, 0))), ...hexIfSet('resv', rd.u32(b, 4)), field('fds', updateFds(c, rd.u64(b, 8), n))]),
  );

/** io_uring_rsrc_update arrays of (UN)REGISTER_RING_FDS. */
const ringFds = (register: boolean): RegisterArg => (c, a, n) =>
  arrayAt(c, a, n, 16, (b) => {
    const off = rd.u32(b, 0);
    const data = rd.u64(b, 8);
    return struct([
      field('offset', register && off === 0xffffffff ? int(-1) : uint(off)), ...hexIfSet('resv', rd.u32(b, 4)),
      ...(register ? [field('data', fd(data))] : hexIfSet('data', data)),
    ]);
  });

/** struct io_uring_buf_reg (REGISTER_PBUF_RING, UNREGISTER_PBUF_RING). */
const bufReg: RegisterArg = (c, a) =>
  structAt(c, a, 40, (b) => {
    const resv = [rd.u64(b, 16), rd.u64(b, 24), rd.u64(b, 32)];
    return struct([
      field('ring_addr', addr(rd.u64(b, 0))), field('ring_entries', uint(rd.u32(b, 8))), field('bgid', uint(rd.u16(b, 12))),
      ...hexIfSet('pad', rd.u16(b, 14)), ...(resv.some((v) => v) ? [field('resv', array(resv.map((v) => hex(v))))] : []),
    ]);
  });

/** struct io_uring_restriction array (REGISTER_RESTRICTIONS). */
const restrictions: RegisterArg = (c, a, n) =>
  arrayAt(c, a, n, 16, (b) => {
    const op = rd.u16(b, 0);
    const arg = BigInt(b[2]!);
    let opcode = xval(URING_RESTRICTION_OPCODES, BigInt(op), 'IORING_RESTRICTION_???');
    const f: Field[] = [];
    if (op === 0) f.push(field('register_op', xval(URING_REGISTER_OPCODES, arg, 'IORING_REGISTER_???')));
    else if (op === 1) f.push(field('sqe_op', xval(URING_OPS, arg, 'IORING_OP_???')));
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
    if (!b) return { v: { k: 'ptr', v: a, bad: true }, done: true };
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
  return arrayAt(c, a, n, 4, (b) => join('', tok('['), symbol(URING_IOWQ_ACCT, i++, 'u', 'IO_WQ_???'), tok(']='), uint(rd.u32(b, 0))));
}
const iowqMaxWorkers: TwoPhase = {
  entry: (c, a, n) => {
    const v = iowqCounts(c, a, n);
    return v.k === 'array' && v.items.length ? { v } : { v, done: true };
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
};

const registerArgs = (c: Ctx): [number, bigint, bigint] => [Number(u32(c.args[1]!)), c.args[2]!, u32(c.args[3]!)];

/** io_uring_register(fd, opcode, arg, nr_args). */
const ioUringRegister: SyscallDecoder = {
  entry: (c) => {
    const [op, a, n] = registerArgs(c);
    const out = [A.fd(c, 0), xval(URING_REGISTER_OPCODES, BigInt(op), 'IORING_REGISTER_???')];
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
  io_uring_setup: ioUringSetup,
  io_uring_enter: sig([
    A.fd, (c, i) => uint(u32(c.args[i]!)), (c, i) => uint(u32(c.args[i]!)),
    flagsArg(URING_ENTER_FLAGS, 'IORING_ENTER_???'),
    (c, i) => sigsetAt(c, c.args[i]!, c.args[i + 1]!), (c, i) => uint(c.args[i]!),
  ]),
  io_uring_register: ioUringRegister,
};

// ---------------------------------------------------------------- decoders

/** A loff_t pointer: `[offset]`, NULL or the address. */
const off64: ArgFn = (c, i) => numAt(c, c.args[i]!, 8);
const writeBuf: ArgFn = (c, i) => buf(c, c.args[i]!, c.args[i + 1]!);
const readBuf: ArgFn = (c, i) => filledBuf(c, c.args[i]!);
/** preadv2/pwritev2 flags: argument 5 on x86_64 (4 is the offset's unused high half). */
const rwf: ArgFn = (c) => flags(RWF_FLAGS, u32(c.args[5]!), 'RWF_???');

export const decoders: Record<string, SyscallDecoder> = {
  read: sig([A.fd, atExit(readBuf), atExit(ulen)]),
  write: sig([A.fd, writeBuf, ulen]),
  pread: sig([A.fd, atExit(readBuf), atExit(ulen), atExit(lld)]),
  pwrite: sig([A.fd, writeBuf, ulen, lld]),
  readv: sig([A.fd, atExit(iovRead), atExit(ulen)]),
  writev: sig([A.fd, iovWrite, ulen]),
  preadv: sig([A.fd, atExit(iovRead), atExit(ulen), atExit(lld)]),
  pwritev: sig([A.fd, iovWrite, ulen, lld]),
  preadv2: sig([A.fd, atExit(iovRead), atExit(ulen), atExit(lld), atExit(rwf)]),
  pwritev2: sig([A.fd, iovWrite, ulen, lld, rwf]),
  lseek: sig([A.fd, lld, xvalArg(SEEK_WHENCE, 'SEEK_???')], R.udec),

  close: sig([A.fd]),
  fchdir: sig([A.fd]),
  fsync: sig([A.fd]),
  fdatasync: sig([A.fd]),
  syncfs: sig([A.fd]),
  sync: sig([]),
  dup: sig([A.fd], R.fd),
  dup2: sig([A.fd, A.fd], R.fd),
  dup3: sig([A.fd, A.fd, flagsArg(OPEN_FLAGS, 'O_???')], R.fd),
  pipe: sig([atExit(fdPair)]),
  pipe2: sig([atExit(fdPair), atExit(flagsArg(OPEN_FLAGS, 'O_???'))]),

  fcntl,
  ioctl,
  fstat: sig([A.fd, atExit(statArg)]),
  fstatfs: sig([A.fd, atExit(statfsArg)]),
  getdents: getdents(false),
  getdents64: getdents(true),

  fchmod: sig([A.fd, (c, i) => umode(c.args[i]!)]),
  fchown: sig([A.fd, (c, i) => id(c.args[i]!), (c, i) => id(c.args[i]!)]),
  ftruncate: sig([A.fd, ulen]),
  fadvise64: sig([A.fd, lld, ulen, xvalArg(FADVISE_ADVICE, 'POSIX_FADV_???')]),
  fallocate: sig([A.fd, flagsArg(FALLOC_FLAGS, 'FALLOC_FL_???'), lld, lld]),
  sync_file_range: sig([A.fd, lld, lld, flagsArg(SYNC_FILE_RANGE_FLAGS, 'SYNC_FILE_RANGE_???')]),
  flock: sig([A.fd, flagsArg(FLOCK_CMDS, 'LOCK_???')]),
  sendfile64,
  close_range: sig([(c, i) => uint(u32(c.args[i]!)), (c, i) => uint(u32(c.args[i]!)), flagsArg(CLOSE_RANGE_FLAGS, 'CLOSE_RANGE_???')]),
  copy_file_range: sig([A.fd, off64, A.fd, off64, ulen, (c, i) => uint(u32(c.args[i]!))]),
  readahead: sig([A.fd, lld, ulen]),
  splice: sig([A.fd, off64, A.fd, off64, ulen, flagsArg(SPLICE_FLAGS, 'SPLICE_F_???')]),
  tee: sig([A.fd, A.fd, ulen, flagsArg(SPLICE_FLAGS, 'SPLICE_F_???')]),
  vmsplice: sig([A.fd, iovWrite, ulen, flagsArg(SPLICE_FLAGS, 'SPLICE_F_???')]),
  inotify_init: sig([], R.fd),
  inotify_init1: sig([flagsArg(INOTIFY_INIT_FLAGS, 'IN_???')], R.fd),
  inotify_add_watch: sig([A.fd, A.path, flagsArg(INOTIFY_FLAGS, 'IN_???')]),
  inotify_rm_watch: sig([A.fd, A.int]),
  memfd_create: sig([A.cstr, (c, i) => memfdFlags(u32(c.args[i]!))], R.fd),
  ...aioDecoders,
  ...uringDecoders,
  userfaultfd: sig([flagsArg(UFFD_FLAGS, 'UFFD_???')], R.fd),
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
