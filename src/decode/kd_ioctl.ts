/**
 * Virtual console and keyboard ioctls (type 'K'), as strace's kd_ioctl.c prints them: tones, LEDs,
 * modes, screen and Unicode maps, keymap entries, function key strings, accent tables, key codes,
 * fonts and colour maps. "Get" requests print at exit; in/out structs as `{given => filled}`.
 */
import { addr, buf, rd } from './args.js';
import {
  changed, charLit, cstrN, fetch, onEntry, onExit, printArray, sigV, twoStep, xval, type ArgAt, type ArgPrinter,
} from './printers.js';
import type { Ctx } from './types.js';
import { array, field, hex, int, join, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, lookup, s32, symbol, u32 } from './xlat/core.js';
import {
  KD_DEFAULT_LED_FLAGS, KD_FONT_FLAGS, KD_FONT_OPS, KD_KBD_MODES, KD_KBD_TYPES, KD_KEY_FN_KEY_VALS, KD_KEY_TABLES,
  KD_KEY_TYPES, KD_KEYMAP_FLAGS, KD_KEYS_BY_TYPE, KD_LED_FLAGS, KD_META_VALS, KD_MODES,
} from './xlat/kd.js';

/** The PC speaker's timer frequency: tones are given as divisors of it. */
const PIT_TICK_RATE = 1193182n;
const E_TABSZ = 256;
const MAX_DIACR = 256;

/** A comment strace leaves out with -X raw. */
const comment = (v: Value, text: string): Value => ({ k: 'note', v, text, xlat: true });

/** KIOCSOUND: the divisor, and the tone it makes. */
const sound: ArgPrinter = (_c, a) => {
  const freq = a ? u32(PIT_TICK_RATE / a) : 0n;
  return comment(uint(a), freq ? `${freq} Hz` : 'off');
};

/** KDMKTONE: duration (ms) << 16 | divisor. */
const tone: ArgPrinter = (_c, a) => {
  const v = Number(u32(a));
  const ticks = v >>> 16;
  const count = v & 0xffff;
  const freq = ticks && count ? Number(PIT_TICK_RATE) / count | 0 : 0;
  const shown = ticks ? join('|', join('<<', uint(ticks), uint(16)), uint(count)) : uint(count);
  return comment(shown, freq ? `${freq} Hz, ${ticks} ms` : 'off');
};

/** KDADDIO/KDDELIO: an I/O port, counted from the first graphics port when it is one. */
const GPFIRST = 0x3b4n;
const GPLAST = 0x3dfn;
const ioPort: ArgPrinter = (_c, a) => (a >= GPFIRST && a <= GPLAST ? comment(hex(a), `GPFIRST + ${a - GPFIRST}`) : hex(a));

/** A byte, int or the argument itself, by table: `[KD_TEXT]` when read back through a pointer. */
const byteAt = (print: (v: bigint) => Value): ArgPrinter => (c, a) => fetch(c, a, 1, (b) => array([print(BigInt(b[0]!))]), true);
const intAt = (print: (v: bigint) => Value): ArgPrinter => (c, a) => fetch(c, a, 4, (b) => array([print(BigInt(rd.u32(b, 0)))]), true);
const leds = (v: bigint): Value => flags(KD_LED_FLAGS, v, 'LED_???');
const defaultLeds = (v: bigint): Value => flags(KD_DEFAULT_LED_FLAGS, v, 'LED_???');
const kbdMode = (v: bigint): Value => symbol(KD_KBD_MODES, s32(v), 'd', 'K_???');
const meta = (v: bigint): Value => xval(KD_META_VALS, v, 'K_???');

/** A buffer the kernel fills for "get" requests: its address when the call failed. */
const hexBytes = (size: number): ArgPrinter => (c, a) => (c.err ? addr(a) : buf(c, a, size, true));

/** GIO/PIO_UNISCRNMAP: 16-bit glyph codes, direct font positions named from UNI_DIRECT_BASE. */
const UNI_DIRECT_BASE = 0xf000;
const UNI_DIRECT_MASK = 0x1ff;
const uniMap = (exiting: boolean): ArgPrinter => (c, a) =>
  printArray(c, a, E_TABSZ, 2, (b) => {
    const v = rd.u16(b, 0);
    if ((v & ~UNI_DIRECT_MASK) !== UNI_DIRECT_BASE) return hex(v);
    const off = v & UNI_DIRECT_MASK;
    return { k: 'styled', abbrev: tok(`UNI_DIRECT_BASE+${off ? '0x' + off.toString(16) : '0'}`), raw: hex(v) };
  }, { exiting });

/** A key value's meaning: its name, else K(type, value), with the value as a character for the text types. */
const KT_CHAR_TYPES = new Set([0, 8, 11, 13]); // KT_LATIN, KT_META, KT_LETTER, KT_DEAD2
function keyValue(v: number): Value {
  const type = v >> 8;
  const val = v & 0xff;
  const table = KD_KEYS_BY_TYPE[type];
  const name = table && lookup(table, v);
  if (name) return comment(hex(v), name);
  const typeName = lookup(KD_KEY_TYPES, type) ?? '0x' + type.toString(16);
  const valText = KT_CHAR_TYPES.has(type) ? charLit(val, true) : val ? '0x' + val.toString(16) : '0';
  return comment(hex(v), `K(${typeName}, ${valText})`);
}

/** struct kbentry: table and index as given, then the key value (read at exit for KDGKBENT). */
function kbEntryHead(b: Uint8Array): Field[] {
  const table = b[0]!;
  const name = lookup(KD_KEY_TABLES, table);
  return [
    field('kb_table', name ? { k: 'sym', name, v: BigInt(table), fmt: 'x' } : flags(KD_KEYMAP_FLAGS, BigInt(table), 'K_???')),
    field('kb_index', uint(b[1]!)),
  ];
}
const kbValue = (c: Ctx, a: bigint): Field => {
  const b = c.mem.read(a + 2n, 2);
  return field('kb_value', b ? keyValue(rd.u16(b, 0)) : tok('???'));
};

/** A struct whose first `size` bytes print at entry, and the rest with them ("set") or at exit ("get"). */
const headTail = (size: number, head: (c: Ctx, b: Uint8Array) => Field[], tail: (c: Ctx, a: bigint) => Field[], get: boolean): ArgAt =>
  get ? twoStep({ size, head, done: (c, _b, given, a) => struct([...given, ...tail(c, a)]) })
    : onEntry((c, a) => fetch(c, a, size, (b) => struct([...head(c, b), ...tail(c, a)])));

/** strace reads struct kbentry with umoven, not umove_or_printaddr: it shows even with -e verbose=none. */
const evenUnverbose = (at: ArgAt): ArgAt => {
  const verbose = (c: Ctx): Ctx => ({ ...c, opt: { ...c.opt, verbose: true } });
  return { at: at.at, print: (c, a) => at.print(verbose(c), a), save: (c, a) => at.save?.(verbose(c), a) };
};
const kbEntry = (get: boolean): ArgAt => evenUnverbose(headTail(2, (_c, b) => kbEntryHead(b), (c, a) => [kbValue(c, a)], get));

/** struct kbsentry: the function key, then its string (up to 512 bytes, NUL-terminated). */
const FUNC_BUFSIZE = 512;
function kbString(c: Ctx, a: bigint): Field[] {
  const r = c.mem.readString(a + 1n, FUNC_BUFSIZE);
  if (!r) return [field('kb_string', tok('???'))];
  const shown = Math.min(c.opt.strsize, r.nul ? r.b.length + 1 : FUNC_BUFSIZE);
  const cut = !r.nul || r.b.length >= shown;
  return [field('kb_string', { k: 'str', b: r.b.subarray(0, cut ? shown : r.b.length), trunc: cut })];
}
const kbsEntry = (get: boolean): ArgAt =>
  headTail(1, (_c, b) => [field('kb_func', xval(KD_KEY_FN_KEY_VALS, BigInt(b[0]!), 'KVAL(K_???)'))], kbString, get);

/** struct kbdiacrs / kbdiacrsuc: a count, then that many (at most 256) accent entries. */
const diacrs = (name: string, size: number, elem: (b: Uint8Array) => Value, exiting: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 4, (b) => {
    const cnt = rd.u32(b, 0);
    return struct([
      field('kb_cnt', uint(cnt)),
      field(name, printArray(c, a + 4n, Math.min(cnt, MAX_DIACR), size, elem, { exiting, truncated: cnt > MAX_DIACR })),
    ]);
  }, exiting);
const diacr = (b: Uint8Array): Value =>
  struct([field('diacr', tok(charLit(b[0]!, true))), field('base', tok(charLit(b[1]!, true))), field('result', tok(charLit(b[2]!, true)))]);
const diacrUc = (b: Uint8Array): Value =>
  struct([field('diacr', hex(rd.u32(b, 0))), field('base', hex(rd.u32(b, 4))), field('result', hex(rd.u32(b, 8)))]);
const diacrAt = (name: string, size: number, elem: (b: Uint8Array) => Value, get: boolean): ArgAt =>
  get ? onExit(diacrs(name, size, elem, true)) : onEntry(diacrs(name, size, elem, false));

/** struct kbkeycode: the scan code and key code given, then ` => ` the key code read back. */
const keycodeHead = (_c: Ctx, b: Uint8Array): Field[] => [field('scancode', hex(rd.u32(b, 0))), field('keycode', hex(rd.u32(b, 4)))];
const keycode = (get: boolean): ArgAt =>
  !get ? onEntry((c, a) => fetch(c, a, 8, (b) => struct(keycodeHead(c, b)))) : twoStep({
    size: 8,
    head: keycodeHead,
    done: (_c, b, given) => struct([given[0]!, field('keycode', { k: 'inout', in: given[1]!.v, out: hex(rd.u32(b, 4)) })]),
  });

const repeatFields = (_c: Ctx, b: Uint8Array): Field[] => [field('delay', int(rd.s32(b, 0))), field('period', int(rd.s32(b, 4)))];
const kbdRepeat = twoStep({ size: 8, head: repeatFields, done: (c, b, given) => changed(given, repeatFields(c, b)) });

/** struct unimapdesc: the entry count (read back at exit for GIO_UNIMAP) and the unipair array. */
const UNIMAPDESC = 16;
const ENOMEM = 12;
const unipairs = (c: Ctx, b: Uint8Array, cnt: number, exiting: boolean): Field =>
  field('entries', printArray(c, rd.u64(b, 8), cnt, 4, (e) =>
    struct([field('unicode', hex(rd.u16(e, 0))), field('fontpos', hex(rd.u16(e, 2)))]), { exiting }));
const unimap = (get: boolean): ArgAt => {
  const count = (_c: Ctx, b: Uint8Array): Field[] => [field('entry_ct', uint(rd.u16(b, 0)))];
  if (!get) return onEntry((c, a) => fetch(c, a, UNIMAPDESC, (b) => struct([...count(c, b), unipairs(c, b, rd.u16(b, 0), false)])));
  // the kernel rewrites the count: the entries shown are as many as were asked for
  return twoStep({
    size: UNIMAPDESC,
    head: count,
    evenOnError: true,
    done: (c, b, given) => {
      const asked = given[0]!.v;
      const ct = field('entry_ct', { k: 'inout', in: asked, out: uint(rd.u16(b, 0)) });
      const n = asked.k === 'int' ? Number(asked.v) : 0;
      return struct([ct, c.err && c.err !== ENOMEM ? field('entries', addr(rd.u64(b, 8))) : unipairs(c, b, n, true)]);
    },
  });
};

/** struct consolefontdesc: the font's size and its glyphs (32 bytes each), a pointer when still to be filled. */
const fontDesc = (c: Ctx, b: Uint8Array, dataAsPtr: boolean): Field[] => {
  const count = rd.u16(b, 0);
  const data = rd.u64(b, 8);
  return [
    field('charcount', uint(count)), field('charheight', uint(rd.u16(b, 2))),
    field('chardata', dataAsPtr ? addr(data) : buf(c, data, Math.min(count, 512) * 32, true)),
  ];
};
const fontx = (get: boolean): ArgAt =>
  get ? twoStep({ size: 16, head: (c, b) => fontDesc(c, b, true), done: (c, b, given) => changed(given, fontDesc(c, b, false)) })
    : onEntry((c, a) => fetch(c, a, 16, (b) => struct(fontDesc(c, b, false))));

/** struct console_font_op: the fields each operation uses; GET's glyphs and SET_DEFAULT's name. */
const OP_SET = 0;
const OP_GET = 1;
const OP_SET_DEFAULT = 2;
const OP_COPY = 3;
const MAX_FONT_NAME = 32;
function fontOp(c: Ctx, b: Uint8Array, entering: boolean): Field[] {
  const op = rd.u32(b, 0);
  const width = rd.u32(b, 8);
  const count = rd.u32(b, 16);
  const data = rd.u64(b, 24);
  const f: Field[] = [];
  if (entering) {
    f.push(field('op', xval(KD_FONT_OPS, BigInt(op), 'KD_FONT_OP_???')));
    if (op !== OP_SET_DEFAULT && op !== OP_COPY) f.push(field('flags', flags(KD_FONT_FLAGS, BigInt(rd.u32(b, 4)), 'KD_FONT_FLAG_???')));
  }
  if (op !== OP_COPY) f.push(field('width', uint(width)));
  f.push(field('height', uint(rd.u32(b, 12))));
  if (op !== OP_SET_DEFAULT && op !== OP_COPY) f.push(field('charcount', uint(count)));
  const glyphs = (): Value => buf(c, data, Math.ceil(Math.min(width, 32) / 8) * 32 * Math.min(count, 512), true);
  if (op === OP_GET) f.push(field('data', entering ? addr(data) : glyphs()));
  else if (op === OP_SET) f.push(field('data', glyphs()));
  else if (op === OP_SET_DEFAULT) { if (entering) f.push(field('data', cstrN(c, data, MAX_FONT_NAME, true))); }
  else if (op !== OP_COPY) f.push(field('data', addr(data)));
  return f;
}
const fontOpArg = twoStep({
  size: 32,
  head: (c, b) => fontOp(c, b, true),
  // SET and COPY are complete at entry: nothing is read back
  complete: (b) => rd.u32(b, 0) === OP_SET || rd.u32(b, 0) === OP_COPY,
  done: (c, b, given) => changed(given, fontOp(c, b, false)),
});

const none = null;

/** By request (linux/kd.h); null: the request takes no argument and strace prints none. */
export const KD_IOCTLS: Readonly<Record<number, ArgAt | null>> = {
  0x4b2f: onEntry(sound), // KIOCSOUND
  0x4b30: onEntry(tone), // KDMKTONE
  0x4b31: onExit(byteAt(leds)), 0x4b32: onEntry((_c, a) => leds(a & 0xffn)), // KDGETLED, KDSETLED
  0x4b64: onExit(byteAt(defaultLeds)), 0x4b65: onEntry((_c, a) => defaultLeds(a & 0xffn)), // KDGKBLED, KDSKBLED
  0x4b33: onExit(byteAt((v) => xval(KD_KBD_TYPES, v, 'KB_???'))), // KDGKBTYPE
  0x4b34: onEntry(ioPort), 0x4b35: onEntry(ioPort), // KDADDIO, KDDELIO
  0x4b3a: onEntry((_c, a) => xval(KD_MODES, a, 'KD_???')), // KDSETMODE
  0x4b3b: onExit(intAt((v) => xval(KD_MODES, v, 'KD_???'))), // KDGETMODE
  0x4b40: onExit(hexBytes(E_TABSZ)), 0x4b41: onEntry(hexBytes(E_TABSZ)), // GIO_SCRNMAP, PIO_SCRNMAP
  0x4b69: onExit(uniMap(true)), 0x4b6a: onEntry(uniMap(false)), // GIO_UNISCRNMAP, PIO_UNISCRNMAP
  0x4b44: onExit(intAt(kbdMode)), 0x4b45: onEntry((_c, a) => kbdMode(u32(a))), // KDGKBMODE, KDSKBMODE
  0x4b46: kbEntry(true), 0x4b47: kbEntry(false), // KDGKBENT, KDSKBENT
  0x4b48: kbsEntry(true), 0x4b49: kbsEntry(false), // KDGKBSENT, KDSKBSENT
  0x4b4a: diacrAt('kbdiacr', 3, diacr, true), 0x4b4b: diacrAt('kbdiacr', 3, diacr, false), // KDGKBDIACR, KDSKBDIACR
  0x4bfa: diacrAt('kbdiacruc', 12, diacrUc, true), 0x4bfb: diacrAt('kbdiacruc', 12, diacrUc, false), // KDGKBDIACRUC, KDSKBDIACRUC
  0x4b4c: keycode(true), 0x4b4d: keycode(false), // KDGETKEYCODE, KDSETKEYCODE
  0x4b4e: onEntry((_c, a) => (a < 0x7fffffffn ? sigV(Number(a)) : uint(a))), // KDSIGACCEPT
  0x4b52: kbdRepeat, // KDKBDREP
  // GIO_FONT, PIO_FONT: 256 glyphs of 32 bytes
  0x4b60: onExit(hexBytes(8192)), 0x4b61: onEntry(hexBytes(8192)),
  0x4b62: onExit(intAt(meta)), 0x4b63: onEntry((_c, a) => meta(u32(a))), // KDGKBMETA, KDSKBMETA
  0x4b66: unimap(true), 0x4b67: unimap(false), // GIO_UNIMAP, PIO_UNIMAP
  0x4b68: onEntry((c, a) => fetch(c, a, 6, (b) => // PIO_UNIMAPCLR
    struct([
      field('advised_hashsize', uint(rd.u16(b, 0))), field('advised_hashstep', uint(rd.u16(b, 2))),
      field('advised_hashlevel', uint(rd.u16(b, 4))),
    ]))),
  0x4b6b: fontx(true), 0x4b6c: fontx(false), // GIO_FONTX, PIO_FONTX
  0x4b70: onExit(hexBytes(48)), 0x4b71: onEntry(hexBytes(48)), // GIO_CMAP, PIO_CMAP: 16 colours of 3 bytes
  0x4b72: fontOpArg, // KDFONTOP
  // KDENABIO, KDDISABIO, KDMAPDISP, KDUNMAPDISP, PIO_FONTRESET
  0x4b36: none, 0x4b37: none, 0x4b3c: none, 0x4b3d: none, 0x4b6d: none,
};
