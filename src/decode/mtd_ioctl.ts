/**
 * MTD (flash) ioctls (type 'M', strace's mtd.c): erase and lock ranges, OOB and page writes, OTP
 * areas, and the device, ECC layout and statistics the kernel returns. 'M' is also the sound
 * mixer's type; the request's name shows both.
 */
import { addr, localArray, rd } from './args.js';
import { fetch, keepIn, numAt, onEntry, onExit, xval, xval64, type ArgAt, type ArgPrinter } from './printers.js';
import { array, field, hex, struct, uint, type Value } from './value.js';
import { flags, indexed, xlat } from './xlat/core.js';

const MTD_MODES = indexed(['MTD_OPS_PLACE_OOB', 'MTD_OPS_AUTO_OOB', 'MTD_OPS_RAW']);
const MTD_FILE_MODES = indexed(['MTD_FILE_MODE_NORMAL', 'MTD_FILE_MODE_OTP_FACTORY', 'MTD_FILE_MODE_OTP_USER', 'MTD_FILE_MODE_RAW']);
const MTD_TYPES = xlat([
  [0, 'MTD_ABSENT'], [1, 'MTD_RAM'], [2, 'MTD_ROM'], [3, 'MTD_NORFLASH'], [4, 'MTD_NANDFLASH'], [6, 'MTD_DATAFLASH'],
  [7, 'MTD_UBIVOLUME'], [8, 'MTD_MLCNANDFLASH'],
]);
const MTD_FLAGS = xlat([
  [0x400, 'MTD_WRITEABLE'], [0x800, 'MTD_BIT_WRITEABLE'], [0x1000, 'MTD_NO_ERASE'], [0x2000, 'MTD_POWERUP_LOCK'],
  [0x4000, 'MTD_SLC_ON_MLC_EMULATION'],
]);
const MTD_OTP_MODES = indexed(['MTD_OTP_OFF', 'MTD_OTP_FACTORY', 'MTD_OTP_USER']);
const MTD_NANDECC = indexed(['MTD_NANDECC_OFF', 'MTD_NANDECC_PLACE', 'MTD_NANDECC_AUTOPLACE', 'MTD_NANDECC_PLACEONLY', 'MTD_NANDECC_AUTOPL_USR']);

/** Hex u32 fields, one per name, from `off` on. */
const hex32s = (b: Uint8Array, off: number, ...names: string[]) => names.map((n, i) => field(n, hex(rd.u32(b, off + 4 * i))));
const hexWords = (b: Uint8Array, off: number, n: number): Value[] => Array.from({ length: n }, (_, i) => hex(rd.u32(b, off + 4 * i)));

const eraseInfo: ArgPrinter = (c, a) => fetch(c, a, 8, (b) => struct(hex32s(b, 0, 'start', 'length')));
const eraseInfo64: ArgPrinter = (c, a) => fetch(c, a, 16, (b) => struct([field('start', hex(rd.u64(b, 0))), field('length', hex(rd.u64(b, 8)))]));
const oobBuf: ArgPrinter = (c, a) => fetch(c, a, 16, (b) => struct([...hex32s(b, 0, 'start', 'length'), field('ptr', addr(rd.u64(b, 8)))]));
const oobBuf64: ArgPrinter = (c, a) =>
  fetch(c, a, 24, (b) =>
    struct([field('start', hex(rd.u64(b, 0))), field('length', hex(rd.u32(b, 12))), field('usr_ptr', addr(rd.u64(b, 16)))]));
const otpInfo: ArgPrinter = (c, a) => fetch(c, a, 12, (b) => struct([...hex32s(b, 0, 'start', 'length'), field('locked', uint(rd.u32(b, 8)))]), true);
const writeReq: ArgPrinter = (c, a) =>
  fetch(c, a, 48, (b) =>
    struct([
      field('start', hex(rd.u64(b, 0))), field('len', hex(rd.u64(b, 8))), field('ooblen', hex(rd.u64(b, 16))),
      field('usr_data', addr(rd.u64(b, 24))), field('usr_oob', addr(rd.u64(b, 32))),
      field('mode', xval(MTD_MODES, BigInt(b[40]!), 'MTD_OPS_???')),
    ]));

const infoUser: ArgPrinter = (c, a) =>
  fetch(c, a, 32, (b) =>
    struct([
      field('type', xval(MTD_TYPES, BigInt(b[0]!), 'MTD_???')), field('flags', flags(MTD_FLAGS, BigInt(rd.u32(b, 4)), 'MTD_???')),
      ...hex32s(b, 8, 'size', 'erasesize', 'writesize', 'oobsize'), field('padding', hex(rd.u64(b, 24))),
    ]), true);

/** struct nand_oobinfo (MEMGETOOBSEL). */
const oobInfo: ArgPrinter = (c, a) =>
  fetch(c, a, 200, (b) =>
    struct([
      field('useecc', xval(MTD_NANDECC, BigInt(rd.u32(b, 0)), 'MTD_NANDECC_???')), field('eccbytes', hex(rd.u32(b, 4))),
      field('oobfree', localArray(c, Array.from({ length: 8 }, (_, i) => array(hexWords(b, 8 + 8 * i, 2))))),
      field('eccpos', localArray(c, hexWords(b, 72, 32))),
    ]), true);

/** struct nand_ecclayout_user (ECCGETLAYOUT). */
const eccLayout: ArgPrinter = (c, a) =>
  fetch(c, a, 328, (b) =>
    struct([
      field('eccbytes', hex(rd.u32(b, 0))), field('eccpos', localArray(c, hexWords(b, 4, 64))), field('oobavail', hex(rd.u32(b, 260))),
      field('oobfree', localArray(c, Array.from({ length: 8 }, (_, i) => struct(hex32s(b, 264 + 8 * i, 'offset', 'length'))))),
    ]), true);

const eccStats: ArgPrinter = (c, a) => fetch(c, a, 16, (b) => struct(hex32s(b, 0, 'corrected', 'failed', 'badblocks', 'bbtblocks')), true);

/** struct region_info_user: the index asked at entry; the region's offset and size at exit. */
const regionInfo: ArgAt = {
  at: 'exit',
  save: keepIn((c, a) => fetch(c, a, 16, (b) => struct([field('regionindex', hex(rd.u32(b, 12)))]))),
  print: (c, a) => {
    const v = c.state.argIn as Value;
    const b = v.k === 'struct' && !c.err ? c.mem.read(a, 16) : undefined;
    return b && v.k === 'struct' ? struct([...v.fields, ...hex32s(b, 0, 'offset', 'erasesize', 'numblocks')]) : v;
  },
};

const set = onEntry;
const get = onExit;

export const MTD_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  // MEMERASE, MEMLOCK, MEMUNLOCK, MEMISLOCKED
  0x40084d02: set(eraseInfo), 0x40084d05: set(eraseInfo), 0x40084d06: set(eraseInfo), 0x80084d17: set(eraseInfo),
  0x40104d14: set(eraseInfo64), // MEMERASE64
  0xc0104d03: set(oobBuf), 0xc0104d04: set(oobBuf), // MEMWRITEOOB, MEMREADOOB
  0xc0184d15: set(oobBuf64), 0xc0184d16: set(oobBuf64), // MEMWRITEOOB64, MEMREADOOB64
  0xc0304d18: set(writeReq), // MEMWRITE
  0x400c4d0f: get(otpInfo), 0x800c4d10: set(otpInfo), // OTPGETREGIONINFO, OTPLOCK
  0x80044d0d: set((c, a) => fetch(c, a, 4, (b) => array([xval(MTD_OTP_MODES, BigInt(rd.u32(b, 0)), 'MTD_OTP_???')]))), // OTPSELECT
  0x4d13: set((_c, a) => xval64(MTD_FILE_MODES, a, 'MTD_FILE_MODE_???')), // MTDFILEMODE
  0x40084d0b: set((c, a) => numAt(c, a, false, true, 8)), 0x40084d0c: set((c, a) => numAt(c, a, false, true, 8)), // MEMGETBADBLOCK, MEMSETBADBLOCK
  0x80204d01: get(infoUser), // MEMGETINFO
  0x80c84d0a: get(oobInfo), // MEMGETOOBSEL
  0x81484d11: get(eccLayout), // ECCGETLAYOUT
  0x80104d12: get(eccStats), // ECCGETSTATS
  0x40044d0e: get((c, a) => numAt(c, a, true, true)), // OTPGETREGIONCOUNT
  0x80044d07: get((c, a) => numAt(c, a, true)), // MEMGETREGIONCOUNT
  0xc0104d08: regionInfo, // MEMGETREGIONINFO
};
