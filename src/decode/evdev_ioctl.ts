/**
 * Input event device ioctls (type 'E'), as strace's evdev.c prints them: read requests at exit
 * (ints, struct input_id, input_absinfo, key codes, bit sets named bit by bit, multi-touch slots,
 * device strings), write requests at entry (the same structs, struct ff_effect, plain values).
 */
import { buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, field, hex, int, join, struct, tok, uint, MORE, type Field, type Value } from './value.js';
import type { Xlat } from './xlat/core.js';
import { addr } from './args.js';
import { fetch, numAt, printArray, xval } from './printers.js';
import { EVDEV_ABS, EVDEV_EV } from './xlat/file.js';
import {
  EVDEV_AUTOREPEAT, EVDEV_FF_STATUS, EVDEV_FF_TYPES, EVDEV_KEYCODE, EVDEV_LEDS, EVDEV_MISC, EVDEV_MTSLOTS, EVDEV_PROP,
  EVDEV_REL, EVDEV_SND, EVDEV_SWITCH,
} from './xlat/evdev.js';

/** The shape of the ioctl dispatcher's table (desc.ts's ArgAt): when the argument prints, and how. */
interface EvdevArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
}

const IOC_NR = (code: number): number => code & 0xff;
const IOC_SIZE = (code: number): number => (code >>> 16) & 0x3fff;
const IOC_DIR = (code: number): number => code >>> 30;
const IOC_WRITE = 1;
const IOC_READ = 2;
const ABS_MAX = 0x3f;
const EV_MAX = 0x1f;

/** printnum_int with %#x: `[0x10001]`. */
const hexInt = (c: Ctx, a: bigint, exiting: boolean): Value => fetch(c, a, 4, (b) => array([hex(rd.u32(b, 0))]), exiting);

/** struct input_absinfo: value and minimum, the rest unless abbreviating; sizes from the request. */
const ABS_ORIG = 20;
const ABS_RES = 24;
function absinfo(c: Ctx, code: number, a: bigint, exiting: boolean): Value {
  const sz = IOC_SIZE(code);
  if (sz < ABS_ORIG) return addr(a);
  return fetch(c, a, Math.min(sz, ABS_RES), (b) => {
    const u = (i: number): Value => uint(rd.u32(b, 4 * i));
    const f: Field[] = [field('value', u(0)), field('minimum', u(1))];
    if (c.opt.abbrev) return struct(f, true);
    f.push(field('maximum', u(2)), field('fuzz', u(3)), field('flat', u(4)));
    if (sz > ABS_ORIG && sz >= ABS_RES) f.push(field('resolution', u(5)));
    return struct(f, sz > ABS_ORIG && sz !== ABS_RES);
  }, exiting);
}

/** EVIOC[GS]KEYCODE: `[scancode, KEY_…]`. */
const keycode = (c: Ctx, a: bigint, exiting: boolean): Value =>
  fetch(c, a, 8, (b) => array([uint(rd.u32(b, 0)), xval(EVDEV_KEYCODE, BigInt(rd.u32(b, 4)), 'KEY_???')]), exiting);

/** struct input_keymap_entry (EVIOC[GS]KEYCODE_V2). */
const keycodeV2 = (c: Ctx, a: bigint, exiting: boolean): Value =>
  fetch(c, a, 40, (b) => {
    const f: Field[] = [field('flags', uint(b[0]!)), field('len', uint(b[1]!))];
    if (c.opt.abbrev) return struct(f, true);
    f.push(
      field('index', uint(rd.u16(b, 2))), field('keycode', xval(EVDEV_KEYCODE, BigInt(rd.u32(b, 4)), 'KEY_???')),
      field('scancode', array([...b.subarray(8, 40)].map((x) => hex(x)))),
    );
    return struct(f);
  }, exiting);

/** EVIOC[GS]REP: `[delay, period]`. */
const repeat = (c: Ctx, a: bigint, exiting: boolean): Value =>
  fetch(c, a, 8, (b) => array([uint(rd.u32(b, 0)), uint(rd.u32(b, 4))]), exiting);

/**
 * A bit set the kernel filled (its length is the result): the set bits by name (at most four and
 * `...` with abbrev), then the words in hex: alone with -X raw, as a comment with -X verbose.
 */
function bitset(c: Ctx, a: bigint, names: Xlat, maxNr: number, dflt: string): Value {
  const rval = BigInt.asUintN(64, c.rval);
  const sizeBits = rval > BigInt(Math.floor(maxNr / 8)) ? maxNr : Number(rval) * 8;
  const size = Math.ceil(Math.ceil(sizeBits / 8) / 8) * 8;
  if (c.err || !size) return addr(a);
  return fetch(c, a, size, (b) => {
    const shown: Value[] = [];
    let displayed = 0;
    for (let i = 0; i < sizeBits; i++) {
      if (!(b[i >> 3]! & (1 << (i & 7)))) continue;
      if (shown.length && c.opt.abbrev && displayed >= 3) {
        shown.push(MORE);
        break;
      }
      if (shown.length) displayed++;
      shown.push(xval(names, BigInt(i), dflt));
    }
    const bits = join('', tok('['), join(' ', ...shown), tok(']'));
    const words: Value[] = [];
    for (let i = 0; i < size; i += 8) words.push(hex(rd.u64(b, i)));
    const raw = array(words);
    return { k: 'styled', abbrev: bits, raw, verbose: join('', bits, tok(' /* '), raw, tok(' */')) };
  }, true);
}

/** EVIOCGMTSLOTS(len): the axis code, then the values of the slots. */
function mtslots(c: Ctx, code: number, a: bigint): Value {
  const n = Math.floor(IOC_SIZE(code) / 4);
  if (!n) return addr(a);
  return fetch(c, a, 4, (b) =>
    struct([
      field('code', xval(EVDEV_MTSLOTS, BigInt(rd.u32(b, 0)), 'ABS_MT_???')),
      field('values', printArray(c, a + 4n, n - 1, 4, (e) => int(rd.s32(e, 0)), { exiting: true })),
    ]), true);
}

/** The EVIOCGBIT(ev, len) tables, by event type; EV_PWR's is an int. */
const BIT_TABLES: Readonly<Record<number, readonly [Xlat, number, string]>> = {
  0x00: [EVDEV_EV, 0x1f, 'EV_???'], 0x01: [EVDEV_KEYCODE, 0x2ff, 'KEY_???'], 0x02: [EVDEV_REL, 0x0f, 'REL_???'],
  0x03: [EVDEV_ABS, 0x3f, 'ABS_???'], 0x04: [EVDEV_MISC, 0x07, 'MSC_???'], 0x05: [EVDEV_SWITCH, 0x10, 'SW_???'],
  0x11: [EVDEV_LEDS, 0x0f, 'LED_???'], 0x12: [EVDEV_SND, 0x07, 'SND_???'], 0x14: [EVDEV_AUTOREPEAT, 0x01, 'REP_???'],
  0x15: [EVDEV_FF_TYPES, 0x7f, 'FF_???'], 0x17: [EVDEV_FF_STATUS, 0x01, 'FF_STATUS_???'],
};

/** Variable-length read requests, by number: the bit sets and the device strings. */
const BY_NR: Readonly<Record<number, readonly [Xlat, number, string]>> = {
  0x09: [EVDEV_PROP, 0x1f, 'PROP_???'], 0x1a: BIT_TABLES[0x12]!, 0x1b: BIT_TABLES[0x05]!, 0x18: BIT_TABLES[0x01]!,
  0x19: BIT_TABLES[0x11]!,
};

function readArg(c: Ctx, code: number, a: bigint): Value {
  switch (code) {
    case 0x80044501: return hexInt(c, a, true); // EVIOCGVERSION
    case 0x80044584: return numAt(c, a, true, true); // EVIOCGEFFECTS
    case 0x80084502: // EVIOCGID
      return fetch(c, a, 8, (b) =>
        struct(['bustype', 'vendor', 'product', 'version'].map((n, i) => field(n, uint(rd.u16(b, 2 * i))))), true);
    case 0x80084503: return repeat(c, a, true); // EVIOCGREP
    case 0x80084504: return keycode(c, a, true); // EVIOCGKEYCODE
    case 0x80284504: return keycodeV2(c, a, true); // EVIOCGKEYCODE_V2
  }
  const nr = IOC_NR(code);
  if (nr === 0x0a) return mtslots(c, code, a);
  if (nr === 0x06 || nr === 0x07 || nr === 0x08) return c.err ? addr(a) : buf(c, a, c.rval); // NAME, PHYS, UNIQ
  const t = BY_NR[nr];
  if (t) return bitset(c, a, ...t);
  if ((nr & ~ABS_MAX) === 0x40) return absinfo(c, code, a, true);
  if ((nr & ~EV_MAX) === 0x20) {
    const ev = nr & EV_MAX;
    if (ev === 0x16) return numAt(c, a, true); // EV_PWR
    const bits = BIT_TABLES[ev];
    return bits ? bitset(c, a, ...bits) : addr(a);
  }
  return addr(a);
}

/** struct ff_effect (x86_64: the union at 16): type, id, direction, and with -v the rest. */
const envelope = (b: Uint8Array, off: number): Value =>
  struct([
    field('attack_length', uint(rd.u16(b, off))), field('attack_level', uint(rd.u16(b, off + 2))),
    field('fade_length', uint(rd.u16(b, off + 4))), field('fade_level', hex(rd.u16(b, off + 6))),
  ]);
const FF_UNION = 16;
function ffUnion(type: number, b: Uint8Array): Field | undefined {
  const u = FF_UNION;
  const s16 = (off: number): Value => int(rd.u16(b, u + off) << 16 >> 16);
  const u16 = (off: number): Value => uint(rd.u16(b, u + off));
  switch (type) {
    case 0x52: return field('constant', struct([field('level', s16(0)), field('envelope', envelope(b, u + 2))]));
    case 0x57: return field('ramp', struct([field('start_level', s16(0)), field('end_level', s16(2)), field('envelope', envelope(b, u + 4))]));
    case 0x51: // FF_PERIODIC
      return field('periodic', struct([
        field('waveform', u16(0)), field('period', u16(2)), field('magnitude', s16(4)), field('offset', s16(6)),
        field('phase', u16(8)), field('envelope', envelope(b, u + 10)), field('custom_len', uint(rd.u32(b, u + 20))),
        field('custom_data', addr(rd.u64(b, u + 24))),
      ]));
    case 0x50: return field('rumble', struct([field('strong_magnitude', u16(0)), field('weak_magnitude', u16(2))]));
    default: return undefined;
  }
}
const ffEffect = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 48, (b) => {
    const type = rd.u16(b, 0);
    const f: Field[] = [
      field('type', xval(EVDEV_FF_TYPES, BigInt(type), 'FF_???')), field('id', int(rd.u16(b, 2) << 16 >> 16)),
      field('direction', uint(rd.u16(b, 4))),
    ];
    if (c.opt.abbrev) return struct(f, true);
    f.push(
      field('trigger', struct([field('button', uint(rd.u16(b, 6))), field('interval', uint(rd.u16(b, 8)))])),
      field('replay', struct([field('length', uint(rd.u16(b, 10))), field('delay', uint(rd.u16(b, 12)))])),
    );
    const more = ffUnion(type, b);
    if (more) f.push(more);
    return struct(f);
  });

function writeArg(c: Ctx, code: number, a: bigint): Value {
  switch (code) {
    case 0x40084503: return repeat(c, a, false); // EVIOCSREP
    case 0x40084504: return keycode(c, a, false); // EVIOCSKEYCODE
    case 0x40284504: return keycodeV2(c, a, false); // EVIOCSKEYCODE_V2
    case 0x40044581: return int(BigInt.asIntN(32, a)); // EVIOCRMFF
    case 0x40044590: case 0x40044591: return uint(a); // EVIOCGRAB, EVIOCREVOKE
    case 0x400445a0: return numAt(c, a, false, true); // EVIOCSCLOCKID
    case 0x40304580: return ffEffect(c, a); // EVIOCSFF
  }
  if ((IOC_NR(code) & ~ABS_MAX) === 0xc0) return absinfo(c, code, a, false);
  return addr(a);
}

const READ: EvdevArg = { at: 'exit', print: (c, a) => readArg(c, Number(BigInt.asUintN(32, c.args[1]!)), a) };
const WRITE: EvdevArg = { at: 'entry', print: (c, a) => writeArg(c, Number(BigInt.asUintN(32, c.args[1]!)), a) };

/** The argument's printer for an 'E' request; undefined: strace prints it raw, at entry. */
export function evdevArg(code: number): EvdevArg | undefined {
  const dir = IOC_DIR(code);
  return dir === IOC_READ ? READ : dir === IOC_WRITE ? WRITE : undefined;
}
