/**
 * PTP hardware clock ioctls (type '='), as strace's ptp.c prints them: capabilities, external
 * timestamp and periodic output requests, pin functions, and the clock/system time samples, with
 * the date of the wall-clock ones as a comment. Reserved words print only when some are set.
 */
import { localArray, rd } from './args.js';
import { cstrField, fetch, keepIn, onEntry, onExit, sprinttime, type ArgAt, type ArgPrinter } from './printers.js';
import type { Ctx } from './types.js';
import { array, field, hex, int, struct, tok, uint, type Field, type Value } from './value.js';
import { flags, symbol, xlat } from './xlat/core.js';

const PTP_EXTTS_FLAGS = xlat(() => ['ENABLE_FEATURE', 'RISING_EDGE', 'FALLING_EDGE', 'STRICT_FLAGS'].map((n, i) => [1 << i, `PTP_${n}`] as const));
const PTP_PEROUT_FLAGS = xlat(() => ['ONE_SHOT', 'DUTY_CYCLE', 'PHASE'].map((n, i) => [1 << i, `PTP_PEROUT_${n}`] as const));
const PTP_PIN_FUNCS = xlat(() => ['NONE', 'EXTTS', 'PEROUT', 'PHYSYNC'].map((n, i) => [i, `PTP_PF_${n}`] as const));
const PEROUT_DUTY_CYCLE = 2;
const PEROUT_PHASE = 4;
const MAX_SAMPLES = 25;

/** struct ptp_clock_time at `off`; `wall`: a realtime value, its date as a comment (not with -X raw). */
function clockTime(b: Uint8Array, off: number, wall: boolean): Value {
  const sec = rd.s64(b, off);
  const nsec = rd.u32(b, off + 8);
  const reserved = rd.u32(b, off + 12);
  const v = struct([
    field('sec', int(sec)), field('nsec', uint(nsec)), ...(reserved ? [field('reserved', hex(reserved))] : []),
  ]);
  const date = wall && nsec < 1e9 ? sprinttime(sec, BigInt(nsec), 999999999n, 9) : undefined;
  return date ? { k: 'note', v, text: date, xlat: true } : v;
}

/** A reserved u32 array, as `rsv=[…]` only when some word is set. */
function rsv(c: Ctx, b: Uint8Array, off: number, n: number): Field[] {
  const words = Array.from({ length: n }, (_, i) => rd.u32(b, off + 4 * i));
  return words.some((w) => w) ? [field('rsv', localArray(c, words.map((w) => hex(w))))] : [];
}

/** Without -v strace leaves every PTP argument raw. */
const verboseOnly = (at: ArgAt): ArgAt => ({
  at: at.at,
  save: at.save && ((c, a) => (c.opt.verbose ? at.save!(c, a) : undefined)),
  print: (c, a) => (c.opt.verbose ? at.print(c, a) : hex(a)),
});

const caps: ArgPrinter = (c, a) =>
  fetch(c, a, 80, (b) => {
    const names = ['max_adj', 'n_alarm', 'n_ext_ts', 'n_per_out', 'pps', 'n_pins', 'cross_timestamping', 'adjust_phase'];
    return struct([...names.map((n, i) => field(n, int(rd.s32(b, 4 * i)))), ...rsv(c, b, 32, 12)]);
  }, true);

const extts = (two: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 16, (b) =>
    struct([
      field('index', uint(rd.u32(b, 0))), field('flags', flags(PTP_EXTTS_FLAGS, BigInt(rd.u32(b, 4)), 'PTP_???')),
      ...(two ? rsv(c, b, 8, 2) : []),
    ]));

const perout = (two: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 56, (b) => {
    const fl = rd.u32(b, 36);
    const f: Field[] = [
      fl & PEROUT_PHASE ? field('phase', clockTime(b, 0, false)) : field('start', clockTime(b, 0, true)),
      field('period', clockTime(b, 16, false)), field('index', uint(rd.u32(b, 32))),
      field('flags', flags(PTP_PEROUT_FLAGS, BigInt(fl), 'PTP_PEROUT_???')),
    ];
    if (fl & PEROUT_DUTY_CYCLE) f.push(field('on', clockTime(b, 40, false)));
    else if (two) f.push(...rsv(c, b, 40, 4));
    return struct(f);
  });

/**
 * Requests whose struct strace opens at entry and completes at exit: the entry fields, then (on
 * success) the fields the kernel filled, `???` when the struct can no longer be read.
 */
function completedAtExit(size: number, given: (c: Ctx, b: Uint8Array) => Field[], filled: (c: Ctx, b: Uint8Array) => Field[]): ArgAt {
  return {
    at: 'exit',
    save: keepIn((c, a) => fetch(c, a, size, (b) => struct(given(c, b)))),
    print: (c, a) => {
      const v = c.state.argIn as Value;
      if (v.k !== 'struct' || c.err) return v;
      const b = c.mem.read(a, size);
      return struct([...v.fields, ...(b ? filled(c, b) : [{ v: tok('???') }])]);
    },
  };
}

/** Samples: `n` entries of `per` clock times each (strace dates every one of them). */
function samples(c: Ctx, b: Uint8Array, n: number, per: number): Value {
  const items: Value[] = [];
  for (let i = 0; i < n; i++) {
    const at = 16 + 16 * per * i;
    items.push(per === 1 ? clockTime(b, at, true) : array(Array.from({ length: per }, (_, j) => clockTime(b, at + 16 * j, true))));
  }
  return localArray(c, items);
}

const sysOffset = completedAtExit(
  832,
  (c, b) => [field('n_samples', uint(rd.u32(b, 0))), ...rsv(c, b, 4, 3)],
  (c, b) => [field('ts', samples(c, b, 2 * Math.min(rd.u32(b, 0), MAX_SAMPLES) + 1, 1))],
);

const sysOffsetExtended = completedAtExit(
  1216,
  (c, b) => [field('n_samples', uint(rd.u32(b, 0))), ...rsv(c, b, 4, 3)],
  (c, b) => [field('ts', samples(c, b, Math.min(rd.u32(b, 0), MAX_SAMPLES), 3))],
);

const pinFunc = (b: Uint8Array): Field[] => [
  field('func', symbol(PTP_PIN_FUNCS, BigInt(rd.u32(b, 68)), 'x', 'PTP_PF_???')), field('chan', uint(rd.u32(b, 72))),
];
const pinGet = (two: boolean): ArgAt =>
  completedAtExit(
    96,
    (c, b) => [field('index', uint(rd.u32(b, 64))), ...(two ? rsv(c, b, 76, 5) : [])],
    (_c, b) => [field('name', cstrField(b, 0, 64)), ...pinFunc(b)],
  );
const pinSet = (two: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 96, (b) => struct([field('index', uint(rd.u32(b, 64))), ...pinFunc(b), ...(two ? rsv(c, b, 76, 5) : [])]));

const precise: ArgPrinter = (c, a) =>
  fetch(c, a, 64, (b) =>
    struct([
      field('device', clockTime(b, 0, true)), field('sys_realtime', clockTime(b, 16, true)),
      field('sys_monoraw', clockTime(b, 32, false)), ...rsv(c, b, 48, 4),
    ]), true);

/** By request (x86_64 numbers); the "2" requests (numbers 10-18) print as the first ones, some with rsv. */
export const PTP_IOCTLS: Readonly<Record<number, ArgAt>> = Object.fromEntries(Object.entries({
  0x80503d01: onExit(caps), 0x80503d0a: onExit(caps), // PTP_CLOCK_GETCAPS, 2
  0x40103d02: onEntry(extts(false)), 0x40103d0b: onEntry(extts(true)), // PTP_EXTTS_REQUEST, 2
  0x40383d03: onEntry(perout(false)), 0x40383d0c: onEntry(perout(true)), // PTP_PEROUT_REQUEST, 2
  0x40043d04: onEntry((_c, a) => hex(a)), 0x40043d0d: onEntry((_c, a) => hex(a)), // PTP_ENABLE_PPS, 2
  0x43403d05: sysOffset, 0x43403d0e: sysOffset, // PTP_SYS_OFFSET, 2
  0xc0603d06: pinGet(false), 0xc0603d0f: pinGet(true), // PTP_PIN_GETFUNC, 2
  0x40603d07: onEntry(pinSet(false)), 0x40603d10: onEntry(pinSet(true)), // PTP_PIN_SETFUNC, 2
  0xc0403d08: onExit(precise), 0xc0403d11: onExit(precise), // PTP_SYS_OFFSET_PRECISE, 2
  0xc4c03d09: sysOffsetExtended, 0xc4c03d12: sysOffsetExtended, // PTP_SYS_OFFSET_EXTENDED, 2
} as Record<string, ArgAt>).map(([code, at]) => [code, verboseOnly(at)]));

