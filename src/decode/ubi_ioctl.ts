/**
 * UBI ioctls (types 'o' and 'O', strace's ubi.c): volume and attach requests, logical eraseblock
 * requests and the numbers the kernel takes. Volume names print no further than their name_len.
 */
import { localArray, rd } from './args.js';
import { cstrField, fetch, inOut, numAt, onEntry, xval, type ArgAt, type ArgPrinter } from './printers.js';
import type { Ctx } from './types.js';
import { field, hex, int, struct, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';

const UBI_VOLUME_TYPES = xlat([[3, 'UBI_DYNAMIC_VOLUME'], [4, 'UBI_STATIC_VOLUME']]);
const UBI_VOLUME_FLAGS = xlat([[1, 'UBI_VOL_SKIP_CRC_CHECK_FLG']]);
const UBI_VOLUME_PROPS = xlat([[1, 'UBI_VOL_PROP_DIRECT_WRITE']]);
const UBI_DATA_TYPES = xlat([[1, 'UBI_LONGTERM'], [2, 'UBI_SHORTTERM'], [3, 'UBI_UNKNOWN']]);
const NAME_MAX = 127;
const s16 = (b: Uint8Array, off: number): number => (rd.u16(b, off) << 16) >> 16;
const s8 = (b: Uint8Array, off: number): number => (b[off]! << 24) >> 24;

/** A volume name: at most name_len characters (clamped to the 128-byte field), then `...` if no NUL ends them. */
const volName = (b: Uint8Array, off: number, nameLen: number): Value =>
  cstrField(b, off, 1 + Math.min(Math.max(nameLen, 0), NAME_MAX));

const intAt: ArgPrinter = (c, a) => numAt(c, a);
const dataType = (v: number): Value => xval(UBI_DATA_TYPES, BigInt(v), 'UBI_???');

/** struct ubi_mkvol_req (UBI_IOCMKVOL); the new volume's id follows at exit. */
const mkvol: ArgPrinter = (c, a) =>
  fetch(c, a, 152, (b) => {
    const nameLen = s16(b, 18);
    return struct([
      field('vol_id', int(rd.s32(b, 0))), field('alignment', int(rd.s32(b, 4))), field('bytes', int(rd.s64(b, 8))),
      field('vol_type', xval(UBI_VOLUME_TYPES, BigInt(s8(b, 16)), 'UBI_???_VOLUME')),
      field('flags', flags(UBI_VOLUME_FLAGS, BigInt(b[17]!), 'UBI_VOL_???')),
      field('name_len', int(nameLen)), field('name', volName(b, 24, nameLen)),
    ]);
  });

/** struct ubi_attach_req (UBI_IOCATT); the new UBI device's number follows at exit. */
const attach: ArgPrinter = (c, a) =>
  fetch(c, a, 24, (b) =>
    struct([
      field('ubi_num', int(rd.s32(b, 0))), field('mtd_num', int(rd.s32(b, 4))),
      field('vid_hdr_offset', int(rd.s32(b, 8))), field('max_beb_per1024', int(s16(b, 12))),
    ]));

/** struct ubi_rnvol_req: count, then up to 32 volumes to rename. */
const RNVOL_ENT = 136;
const rnvol: ArgPrinter = (c, a) =>
  fetch(c, a, 16 + 32 * RNVOL_ENT, (b) => {
    const count = rd.s32(b, 0);
    const ents: Value[] = [];
    for (let i = 0; i < Math.min(Math.max(count, 0), 32); i++) {
      const off = 16 + i * RNVOL_ENT;
      const nameLen = s16(b, off + 4);
      ents.push(struct([field('vol_id', int(rd.s32(b, off))), field('name_len', int(nameLen)), field('name', volName(b, off + 8, nameLen))]));
    }
    return struct([field('count', int(count)), field('ents', localArray(c, ents))]);
  });

const set = onEntry;
const NO_ARG = null;
/** What a created volume or attached device got: its number at exit. */
const withNumber = (given: ArgPrinter): ArgAt => inOut(given, (c: Ctx, a: bigint) => numAt(c, a));

export const UBI_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x40986f00: withNumber(mkvol), // UBI_IOCMKVOL
  0x40186f40: withNumber(attach), // UBI_IOCATT
  0x51106f03: set(rnvol), // UBI_IOCRNVOL
  0x400c6f02: set((c, a) => fetch(c, a, 12, (b) => struct([field('bytes', int(rd.s64(b, 0))), field('vol_id', int(rd.s32(b, 8)))]))), // UBI_IOCRSVOL
  0x40044f02: set((c, a) => // UBI_IOCEBCH
    fetch(c, a, 16, (b) => struct([field('lnum', int(rd.s32(b, 0))), field('bytes', int(rd.s32(b, 4))), field('dtype', dataType(s8(b, 8)))]))),
  0x40084f03: set((c, a) => fetch(c, a, 8, (b) => struct([field('lnum', int(rd.s32(b, 0))), field('dtype', dataType(s8(b, 4)))]))), // UBI_IOCEBMAP
  0x40104f06: set((c, a) => // UBI_IOCSETVOLPROP
    fetch(c, a, 16, (b) =>
      struct([field('property', xval(UBI_VOLUME_PROPS, BigInt(b[0]!), 'UBI_VOL_PROP_???')), field('value', hex(rd.u64(b, 8)))]))),
  0x40084f00: set((c, a) => numAt(c, a, false, false, 8)), // UBI_IOCVOLUP
  // UBI_IOCDET, UBI_IOCEBER, UBI_IOCEBISMAP, UBI_IOCEBUNMAP, UBI_IOCRMVOL, UBI_IOCRPEB, UBI_IOCSPEB
  0x40046f41: set(intAt), 0x40044f01: set(intAt), 0x80044f05: set(intAt), 0x40044f04: set(intAt), 0x40046f01: set(intAt),
  0x40046f04: set(intAt), 0x40046f05: set(intAt),
  0x40804f07: NO_ARG, 0x4f08: NO_ARG, // UBI_IOCVOLCRBLK, UBI_IOCVOLRMBLK
};
