/**
 * The ioctl decoder: the request (by name, or by formula) and, for the types strace decodes, the
 * argument. A family of its own, so that its tables (most of the desc family's size) load only when
 * a traced program makes an ioctl.
 */
import { addr, buf, cstr, fd, rd } from './args.js';
import {
  asFd, byCommand, cstrField, dev, fetch, flagsNoDflt, idV, inOut, keepIn, numAt, onEntry, onExit, printArray, withName,
  xval, xval64, type ArgAt, type ArgPrinter,
} from './printers.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import {
  array, call, field, hex, int, join, joinOf, note, struct, tok, uint, type Field, type Value,
} from './value.js';
import { flags, lookup, u32 } from './xlat/core.js';
import {
  FIEMAP_EXTENT_FLAGS, FIEMAP_FLAGS, FS_XFLAGS, HDIO_BUSSTATES, HDIO_DRIVE_CMDS, HDIO_IDE_NICE, LOOP_CRYPT_TYPES, LOOP_FLAGS,
  NS_TYPES, PERF_IOCTL_FLAGS, UFFD_API_FEATURES, UFFD_API_FLAGS, UFFD_COPY_FLAGS,
  UFFD_REGISTER_IOCTL_FLAGS, UFFD_REGISTER_MODE_FLAGS, UFFD_ZEROPAGE_FLAGS,
} from './xlat/desc.js';
import { ioctlName, TCFLSH_QUEUES } from './xlat/ioctls.js';
import { SOCK_IOCTLS } from './sock_ioctl.js';
import { RTC_IOCTLS } from './rtc_ioctl.js';
import { COUNTER_IOCTLS } from './counter_ioctl.js';
import { LIRC_IOCTLS, NBD_IOCTLS, WATCHDOG_IOCTLS } from './device_ioctl.js';
import { evdevArg } from './evdev_ioctl.js';
import { GPIO_IOCTLS } from './gpio_ioctl.js';
import { PTP_IOCTLS } from './ptp_ioctl.js';
import { KD_IOCTLS } from './kd_ioctl.js';
import { V4L2_IOCTLS, V4L2_RESULTS } from './v4l2_ioctl.js';
import { OPEN_FLAGS } from './xlat/tables.js';
import { SECCOMP_IOCTLS } from './seccomp_ioctl.js';
import { BLOCK_IOCTLS } from './block_ioctl.js';
import { MTD_IOCTLS } from './mtd_ioctl.js';
import { UBI_IOCTLS } from './ubi_ioctl.js';
import { SCSI_IOCTLS } from './scsi_ioctl.js';
import { KVM_IOCTLS, KVM_RESULTS } from './kvm_ioctl.js';
import { DM_IOCTLS } from './dm_ioctl.js';
import { TEE_IOCTLS } from './tee_ioctl.js';
import { BTRFS_IOCTLS } from './btrfs_ioctl.js';
import { perfAttrAt } from './perf_attr.js';
import {
  BAUD_OPTIONS, CBAUD, CIBAUD, CSIZE, EVDEV_ABS, EVDEV_EV, FS_IOC_FLAGS, IBSHIFT, IOCTL_DIRS, MODEM_FLAGS, NCC, NCCS,
  TCXONC_OPTIONS, TERM_CFLAGS, TERM_CSIZE, TERM_IFLAGS, TERM_LFLAGS, TERM_LINE_DISCS, TERM_OFLAG_FIELDS, TERM_OFLAGS,
  TERMIOS_CC,
} from './xlat/file.js';

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
  if (dir === IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f) return call('EVIOCSABS', xval64(EVDEV_ABS, BigInt(nr - 0xc0), 'ABS_???'));
  if (dir !== IOC_READ) return undefined;
  if (nr >= 0x20 && nr <= 0x20 + 0x1f)
    return call('EVIOCGBIT', nr === 0x20 ? uint(0) : xval64(EVDEV_EV, BigInt(nr - 0x20), 'EV_???'), uint(IOC_SIZE(code)));
  if (nr >= 0x40 && nr <= 0x40 + 0x3f) return call('EVIOCGABS', xval64(EVDEV_ABS, BigInt(nr - 0x40), 'ABS_???'));
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
    parts.push(xval64(x, v & mask, dflt));
    v &= ~mask;
  }
  parts.push(flagsNoDflt(TERM_OFLAGS, v));
  return join('|', ...parts);
}

/** c_cflag: `B38400|CS8|CREAD`, with the input speed `B9600<<IBSHIFT` when CIBAUD is set. */
function cflag(v: bigint): Value {
  const parts: Value[] = [xval64(BAUD_OPTIONS, v & CBAUD, 'B???')];
  if (v & CIBAUD) parts.push(join('<<', xval64(BAUD_OPTIONS, (v & CIBAUD) >> IBSHIFT, 'B???'), tok('IBSHIFT')));
  parts.push(xval64(TERM_CSIZE, v & CSIZE, 'CS?'));
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
  return [field('c_line', xval64(TERM_LINE_DISCS, BigInt(b[off]!), 'N_???')), field('c_cc', array(cc))];
}


/** struct termios (kernel: 4 flag words, c_line, c_cc[19]); termios2 adds c_ispeed, c_ospeed. */
const termios = (two: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, two ? 44 : 36, (b) => {
    const f = termFlags(b, 4);
    if (c.opt.abbrev) return struct(f, true);
    f.push(...termTail(b, 16, NCCS));
    if (two) f.push(field('c_ispeed', uint(rd.u32(b, 36))), field('c_ospeed', uint(rd.u32(b, 40))));
    return struct(f);
  }, true);

/** struct termio (16-bit flag words, c_line, c_cc[8]). */
const termio: ArgPrinter = (c, a) =>
  fetch(c, a, 18, (b) => {
    const f = termFlags(b, 2);
    return c.opt.abbrev ? struct(f, true) : struct([...f, ...termTail(b, 8, NCC)]);
  }, true);

const winsize: ArgPrinter = (c, a) =>
  fetch(c, a, 8, (b) =>
    struct([
      field('ws_row', uint(rd.u16(b, 0))), field('ws_col', uint(rd.u16(b, 2))),
      field('ws_xpixel', uint(rd.u16(b, 4))), field('ws_ypixel', uint(rd.u16(b, 6))),
    ]),
    true,
  );

const modem: ArgPrinter = (c, a) => fetch(c, a, 4, (b) => array([flags(MODEM_FLAGS, BigInt(rd.u32(b, 0)), 'TIOCM_???')]), true);
const intPtr: ArgPrinter = (c, a) => numAt(c, a, true, false, 4);

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
  0x540a: set((_c, a) => xval64(TCXONC_OPTIONS, a, 'TC???')), // TCXONC
  0x540b: set((_c, a) => xval64(TCFLSH_QUEUES, a, 'TC???')), // TCFLSH
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
const fsFlags: ArgPrinter = (c, a) => fetch(c, a, 4, (b) => array([flags(FS_IOC_FLAGS, BigInt(rd.u32(b, 0)), 'FS_???_FL')]), true);
const cloneRange: ArgPrinter = (c, a) =>
  fetch(c, a, 32, (b) =>
    struct([
      field('src_fd', fd(rd.u64(b, 0))), field('src_offset', uint(rd.u64(b, 8))),
      field('src_length', uint(rd.u64(b, 16))), field('dest_offset', uint(rd.u64(b, 24))),
    ]),
    true,
  );
/** struct fiemap: the request at entry, the mapped extents (all of them with -v) at exit. */
const FIEMAP_HEADER = 32;
const FIEMAP_EXTENT = 56;
const fiemap = inOut(
  (c, a) =>
    fetch(c, a, FIEMAP_HEADER, (b) =>
      struct([
        field('fm_start', uint(rd.u64(b, 0))), field('fm_length', uint(rd.u64(b, 8))),
        field('fm_flags', flags(FIEMAP_FLAGS, BigInt(rd.u32(b, 16)), 'FIEMAP_FLAG_???')),
        field('fm_extent_count', uint(rd.u32(b, 24))),
      ]),
    ),
  (c, a) =>
    fetch(c, a, FIEMAP_HEADER, (b) => {
      const mapped = rd.u32(b, 20);
      const f: Field[] = [
        field('fm_flags', flags(FIEMAP_FLAGS, BigInt(rd.u32(b, 16)), 'FIEMAP_FLAG_???')),
        field('fm_mapped_extents', uint(mapped)),
      ];
      if (c.opt.abbrev) return struct(f, true);
      const extents = printArray(c, a + BigInt(FIEMAP_HEADER), BigInt(mapped), FIEMAP_EXTENT, (e) =>
        struct([
          field('fe_logical', uint(rd.u64(e, 0))), field('fe_physical', uint(rd.u64(e, 8))),
          field('fe_length', uint(rd.u64(e, 16))),
          field('fe_flags', flags(FIEMAP_EXTENT_FLAGS, BigInt(rd.u32(e, 40)), 'FIEMAP_EXTENT_???')),
        ]), { exiting: true },
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
    fetch(c, a, DEDUPE_HEADER, (b) => {
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
  fetch(c, a, 28, (b) =>
    struct([
      field('fsx_xflags', flags(FS_XFLAGS, BigInt(rd.u32(b, 0)), 'FS_XFLAG_???')),
      field('fsx_extsize', uint(rd.u32(b, 4))),
      ...(isGet ? [field('fsx_nextents', uint(rd.u32(b, 8)))] : []),
      field('fsx_projid', hex(rd.u32(b, 12))), field('fsx_cowextsize', uint(rd.u32(b, 16))),
    ]),
    true,
  );

/** struct fstrim_range. */
const fstrimRange: ArgPrinter = (c, a) =>
  fetch(c, a, 24, (b) =>
    struct([field('start', hex(rd.u64(b, 0))), field('len', uint(rd.u64(b, 8))), field('minlen', uint(rd.u64(b, 16)))]),
    true,
  );


/** A file system label (char[256]). */
const FSLABEL_MAX = 256;
const fslabel: ArgPrinter = (c, a) => fetch(c, a, FSLABEL_MAX, (b) => cstrField(b, 0, FSLABEL_MAX), true);

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

/** Loop devices ('L'): struct loop_info (x86_64 layout, 168 bytes) and loop_info64 (232 bytes). */
const LO_KEY_SIZE = 32;
const hexArray = (...v: bigint[]): Value => array(v.map((x) => hex(x)));
const cryptFields = (type: number, keySize: number): Field[] => [
  field('lo_encrypt_type', xval64(LOOP_CRYPT_TYPES, BigInt(type), 'LO_CRYPT_???')),
  field('lo_encrypt_key_size', uint(keySize)),
];
const keyField = (b: Uint8Array, off: number, keySize: number): Field =>
  field('lo_encrypt_key', { k: 'str', b: b.subarray(off, off + Math.min(keySize, LO_KEY_SIZE)) });

const loopInfo: ArgPrinter = (c, a) =>
  fetch(c, a, 168, (b) => {
    const full = !c.opt.abbrev;
    const type = rd.s32(b, 36);
    const keySize = rd.u32(b, 40);
    const f: Field[] = [field('lo_number', int(rd.s32(b, 0)))];
    if (full) f.push(field('lo_device', dev(rd.u64(b, 8))), field('lo_inode', uint(rd.u64(b, 16))), field('lo_rdevice', dev(rd.u64(b, 24))));
    f.push(field('lo_offset', hex(rd.u32(b, 32))));
    if (full || type !== 0) f.push(...cryptFields(type >>> 0, keySize));
    f.push(field('lo_flags', flags(LOOP_FLAGS, BigInt(rd.u32(b, 44)), 'LO_FLAGS_???')), field('lo_name', cstrField(b, 48, 64)));
    if (full || type !== 0) f.push(keyField(b, 112, keySize));
    if (!full) return struct(f, true);
    f.push(field('lo_init', hexArray(rd.u64(b, 144), rd.u64(b, 152))), field('reserved', array([...b.subarray(160, 164)].map((x) => hex(x)))));
    return struct(f);
  }, true);

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
  f.push(field('lo_flags', flags(LOOP_FLAGS, BigInt(rd.u32(b, off + 52)), 'LO_FLAGS_???')), field('lo_file_name', cstrField(b, off + 56, 64)));
  if (full || type !== 0) f.push(field('lo_crypt_name', cstrField(b, off + 120, 64)), keyField(b, off + 184, keySize));
  if (!full) return struct(f, true);
  f.push(field('lo_init', hexArray(rd.u64(b, off + 216), rd.u64(b, off + 224))));
  return struct(f);
}
const loopInfo64: ArgPrinter = (c, a) => fetch(c, a, 232, (b) => loopInfo64Fields(c, b, 0), true);

/** struct loop_config: fd, block_size, info (loop_info64), __reserved[8] when set. */
const loopConfig: ArgPrinter = (c, a) =>
  fetch(c, a, 8 + 232 + 64, (b) => {
    const reserved: bigint[] = [];
    for (let i = 0; i < 8; i++) reserved.push(rd.u64(b, 240 + 8 * i));
    return struct([
      field('fd', fd(BigInt(rd.u32(b, 0)))), field('block_size', uint(rd.u32(b, 4))),
      field('info', loopInfo64Fields(c, b, 8)),
      ...(reserved.some((v) => v) ? [field('__reserved', hexArray(...reserved))] : []),
    ]);
  }, true);

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
  fetch(c, a, 8, (b) => {
    const size = rd.s32(b, 4);
    return struct([
      field('entropy_count', int(rd.s32(b, 0))), field('buf_size', int(size)),
      field('buf', buf(c, a + 8n, BigInt.asUintN(64, BigInt(size)))),
    ]);
  }, true);
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
  0xb704: get((c, a) => fetch(c, a, 4, (b) => array([idV(BigInt(rd.u32(b, 0)))]), true)), // NS_GET_OWNER_UID
};

/** Requests whose result strace shows specially: an fd, or a name after it. */
const IOCTL_RESULTS: Readonly<Record<number, (c: Ctx) => RetInfo>> = {
  0xb701: asFd, 0xb702: asFd, // NS_GET_USERNS, NS_GET_PARENT
  0xb703: (c) => (c.err ? { fmt: 'd' } : withName(lookup(NS_TYPES, c.rval), 'd')), // NS_GET_NSTYPE
  ...V4L2_RESULTS,
  ...KVM_RESULTS,
};

/** Legacy IDE (0x03): struct hd_geometry, kernel_ulong_t settings read or set, identity blocks. */
const ulongAt = (f: (v: bigint) => Value): ArgPrinter => (c, a) => fetch(c, a, 8, (b) => array([f(rd.u64(b, 0))]), true);
const hdioU = ulongAt((v) => uint(v));
const identity = (size: number): ArgPrinter => (c, a) => (c.err ? addr(a) : buf(c, a, size));
const hdioInts3: ArgPrinter = (c, a) => printArray(c, a, 3n, 4, (b) => hex(rd.u32(b, 0)), { exiting: true });
const busstate = (v: bigint): Value => xval64(HDIO_BUSSTATES, v, 'BUSSTATE_???');
const ideNice = (v: bigint): Value => flags(HDIO_IDE_NICE, v, 'IDE_NICE_???');
/**
 * HDIO_DRIVE_CMD: struct hd_drive_cmd_hdr at entry; at exit (on success or EIO, when the drive
 * answered) the status bytes the kernel wrote over it, and the sector data after them.
 */
const HD_SECTOR = 512;
const driveCmd: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) =>
    fetch(c, a, 4, (b) =>
      struct([
        field('command', xval(HDIO_DRIVE_CMDS, BigInt(b[0]!), 'ATA_CMD_???')), field('sector_number', uint(b[1]!)),
        field('feature', uint(b[2]!)), field('sector_count', uint(b[3]!)),
      ]))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    const b = v.k === 'struct' && (!c.err || c.err === 5 /* EIO */) ? c.mem.read(a, 4) : undefined;
    if (!b) return v;
    const f = [field('status', hex(b[0]!)), field('error', uint(b[1]!)), field('nsector', uint(b[2]!))];
    if (b[3]) f.push(field('buf', buf(c, a + 4n, b[3] * HD_SECTOR, true)));
    return { k: 'inout', in: v, out: struct(f) };
  },
};
const HDIO_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x301: get((c, a) => // HDIO_GETGEO
    fetch(c, a, 16, (b) =>
      struct([
        field('heads', uint(b[0]!)), field('sectors', uint(b[1]!)), field('cylinders', uint(rd.u16(b, 2))),
        field('start', uint(rd.u64(b, 8))),
      ]),
      true,
    )),
  // HDIO_GET_32BIT, _ACOUSTIC, _ADDRESS, _DMA, _KEEPSETTINGS, _MULTCOUNT, _NOWERR, _UNMASKINTR, _WCACHE
  0x309: get(hdioU), 0x30f: get(hdioU), 0x310: get(hdioU), 0x30b: get(hdioU), 0x308: get(hdioU), 0x304: get(hdioU),
  0x30a: get(hdioU), 0x302: get(hdioU), 0x30e: get(hdioU),
  0x31a: get(ulongAt(busstate)), 0x30c: get(ulongAt(ideNice)), // HDIO_GET_BUSSTATE, HDIO_GET_NICE
  0x30d: get(identity(512)), 0x307: get(identity(142)), // HDIO_GET_IDENTITY, HDIO_OBSOLETE_IDENTITY
  0x31f: driveCmd, // HDIO_DRIVE_CMD
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
/** struct perf_event_query_bpf: ids_len given at entry; the kernel's prog_cnt and ids at exit, else `...`. */
const queryBpf: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) => fetch(c, a, 4, (b) => struct([field('ids_len', uint(rd.u32(b, 0)))]))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    if (v.k !== 'struct') return v;
    const b = c.err ? undefined : c.mem.read(a + 4n, 4);
    if (!b) return struct(v.fields, true);
    const n = rd.u32(b, 0);
    return struct([
      ...v.fields, field('prog_cnt', uint(n)),
      field('ids', printArray(c, a + 8n, n, 4, (e) => uint(rd.u32(e, 0)), { exiting: true })),
    ]);
  },
};
const perfFlags: ArgAt = set((_c, a) => flags(PERF_IOCTL_FLAGS, u32(a), 'PERF_IOC_FLAG_???'));
const PERF_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x2400: perfFlags, 0x2401: perfFlags, 0x2403: perfFlags, // PERF_EVENT_IOC_ENABLE, _DISABLE, _RESET
  0x2402: set((_c, a) => int(BigInt.asIntN(32, a))), // PERF_EVENT_IOC_REFRESH
  0x40082404: set((c, a) => numAt(c, a, true, true, 8)), // PERF_EVENT_IOC_PERIOD
  0x2405: set((_c, a) => fd(a)), 0x40042408: set((_c, a) => fd(a)), // PERF_EVENT_IOC_SET_OUTPUT, _SET_BPF
  0x40042409: set((_c, a) => uint(a)), // PERF_EVENT_IOC_PAUSE_OUTPUT
  0x40082406: set((c, a) => cstr(c, a)), // PERF_EVENT_IOC_SET_FILTER
  0x80082407: get((c, a) => numAt(c, a, true, true, 8)), // PERF_EVENT_IOC_ID
  0xc008240a: queryBpf, // PERF_EVENT_IOC_QUERY_BPF
  0x4008240b: set(perfAttrAt), // PERF_EVENT_IOC_MODIFY_ATTRIBUTES
};

/**
 * userfaultfd (0xaa): structs the caller fills and the kernel completes. `done` gives the fields
 * printed when the call succeeded, from the fields given at entry, the struct at exit and at entry.
 */
type Completion = (given: Field[], b: Uint8Array, before: Uint8Array) => Field[];
const completed = (size: number, given: (b: Uint8Array) => Field[], done: Completion): ArgAt => ({
  at: 'exit',
  save: keepIn((c, a) =>
    fetch(c, a, size, (b) => {
      c.state.argBytes = b;
      return struct(given(b));
    }, true)),
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
  0x8010aa01: set((c, a) => fetch(c, a, 16, (b) => uffdRange(b, 0), true)), // UFFDIO_UNREGISTER
  0x8010aa02: set((c, a) => fetch(c, a, 16, (b) => uffdRange(b, 0), true)), // UFFDIO_WAKE
};

/** File system requests of type 0x94: the generic ones first, then btrfs's (strace's fs_0x94_ioctl falls back to btrfs_ioctl). */
const FS_0X94_IOCTLS: Readonly<Record<number, ArgAt | null>> = { ...BTRFS_IOCTLS, ...FS_IOCTLS };

/** strace's per-type ioctl decoders we follow: terminal ('T'), block (0x12), loop ('L'), random ('R'), inotify ('I'),
 * nsfs (0xb7), legacy IDE (0x03), perf ('$'), userfaultfd (0xaa), seccomp ('!'),
 * file system ('f', 'X', 0x94, with btrfs), sockets (0x89), real-time clocks ('p'), counters (0x3e),
 * watchdogs ('W'), network block devices (0xab), infrared remote controls ('i'), GPIO chips (0xb4),
 * PTP clocks ('='), virtual consoles ('K'), Video4Linux2 ('V'), MTD ('M'), UBI ('O', 'o'), SCSI
 * generic (0x22), KVM (0xae), device mapper (0xfd), TEE (0xa4). */
const DECODED_TYPES: Readonly<Record<number, Readonly<Record<number, ArgAt | null>>>> = {
  0x54: TERM_IOCTLS, 0x66: FS_IOCTLS, 0x58: FS_IOCTLS, 0x94: FS_0X94_IOCTLS, 0x12: BLOCK_IOCTLS, 0x4c: LOOP_IOCTLS,
  0x52: RANDOM_IOCTLS, 0x49: INOTIFY_IOCTLS, 0xb7: NSFS_IOCTLS, 0x03: HDIO_IOCTLS, 0x24: PERF_IOCTLS, 0xaa: UFFD_IOCTLS, 0x21: SECCOMP_IOCTLS,
  // read when a socket request is decoded, not when this module loads: the bundle then loads the
  // network part (sock_ioctl's) only for a socket ioctl (scripts/bundle.mjs, LATE)
  get [0x89]() { return SOCK_IOCTLS; },
  0x70: RTC_IOCTLS, 0x3e: COUNTER_IOCTLS, 0x57: WATCHDOG_IOCTLS, 0xab: NBD_IOCTLS, 0x69: LIRC_IOCTLS,
  0xb4: GPIO_IOCTLS, 0x3d: PTP_IOCTLS, 0x4b: KD_IOCTLS, 0x56: V4L2_IOCTLS,
  0x4d: MTD_IOCTLS, 0x4f: UBI_IOCTLS, 0x6f: UBI_IOCTLS, 0x22: SCSI_IOCTLS, 0xae: KVM_IOCTLS, 0xfd: DM_IOCTLS, 0xa4: TEE_IOCTLS,
};

/**
 * The argument of a request with no decoder: hex, at entry for the types whose decoders give up at
 * entry (terminal and file system requests), else at exit.
 */
const rawArg = (code: number): ArgAt => (DECODED_TYPES[IOC_TYPE(code)] ? onEntry : onExit)((_c, a) => hex(a));

/** Types whose decoders choose by the request's direction and number ranges rather than by request. */
const DECODED_BY_FN: Readonly<Record<number, (code: number) => ArgAt | undefined>> = {
  0x45: (code) => evdevArg(code) ?? onEntry((_c, a) => hex(a)),
};

const ioctlArg = (c: Ctx): ArgAt | undefined => {
  const code = Number(u32(c.args[1]!));
  const byFn = DECODED_BY_FN[IOC_TYPE(code)];
  if (byFn) return byFn(code);
  const h = DECODED_TYPES[IOC_TYPE(code)]?.[code];
  return h === null ? undefined : h ?? rawArg(code);
};

const ioctl = byCommand((c) => ioctlRequest(Number(u32(c.args[1]!))), ioctlArg, (c) => IOCTL_RESULTS[Number(u32(c.args[1]!))]?.(c) ?? { fmt: 'd' });


export const decoders: Record<string, SyscallDecoder> = { ioctl };
