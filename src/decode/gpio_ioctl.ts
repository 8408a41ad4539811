/**
 * GPIO character device ioctls (type 0xb4), as strace's gpio_ioctl.c prints them: chip and line
 * information, line handle and event requests (v1), line requests, configs and values (v2). Requests
 * the kernel completes print what was given at entry, then ` => ` and what it filled in.
 */
import { fd, localArray, rd } from './args.js';
import { cstrField, fetch, inOut, onEntry, onExit, type ArgAt, type ArgPrinter } from './printers.js';
import type { Ctx } from './types.js';
import { array, field, hex, struct, uint, type Field, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';

const GPIOLINE_FLAGS = xlat(() => ['KERNEL', 'IS_OUT', 'ACTIVE_LOW', 'OPEN_DRAIN', 'OPEN_SOURCE', 'BIAS_PULL_UP',
  'BIAS_PULL_DOWN', 'BIAS_DISABLE'].map((n, i) => [1 << i, `GPIOLINE_FLAG_${n}`] as const));
const GPIOHANDLE_FLAGS = xlat(() => ['INPUT', 'OUTPUT', 'ACTIVE_LOW', 'OPEN_DRAIN', 'OPEN_SOURCE', 'BIAS_PULL_UP',
  'BIAS_PULL_DOWN', 'BIAS_DISABLE'].map((n, i) => [1 << i, `GPIOHANDLE_REQUEST_${n}`] as const));
const GPIOEVENT_FLAGS = xlat(() => [
  [3, 'GPIOEVENT_REQUEST_BOTH_EDGES'], [1, 'GPIOEVENT_REQUEST_RISING_EDGE'], [2, 'GPIOEVENT_REQUEST_FALLING_EDGE'],
]);
const GPIO_V2_LINE_FLAGS = xlat(() => ['USED', 'ACTIVE_LOW', 'INPUT', 'OUTPUT', 'EDGE_RISING', 'EDGE_FALLING',
  'OPEN_DRAIN', 'OPEN_SOURCE', 'BIAS_PULL_UP', 'BIAS_PULL_DOWN', 'BIAS_DISABLED', 'EVENT_CLOCK_REALTIME',
  'EVENT_CLOCK_HTE'].map((n, i) => [1 << i, `GPIO_V2_LINE_FLAG_${n}`] as const));

const handleFlags = (v: number): Value => flags(GPIOHANDLE_FLAGS, BigInt(v), 'GPIOHANDLE_REQUEST_???');
const v2Flags = (v: bigint): Value => flags(GPIO_V2_LINE_FLAGS, v, 'GPIO_V2_LINE_FLAG_???');

/** print_local_array_upto: the first `n` (at most `max`) elements of `size` bytes, as unsigned numbers. */
function uintsUpto(c: Ctx, b: Uint8Array, off: number, n: number, max: number, size: 1 | 4): Value {
  const items: Value[] = [];
  for (let i = 0; i < Math.min(n, max); i++) items.push(uint(size === 1 ? b[off + i]! : rd.u32(b, off + 4 * i)));
  return localArray(c, items);
}

/** A u32 array printed in hex (PRINT_FIELD_X_ARRAY), only when some element is set. */
function padding(b: Uint8Array, off: number, n: number): Field[] {
  const words = Array.from({ length: n }, (_, i) => rd.u32(b, off + 4 * i));
  return words.some((w) => w) ? [field('padding', array(words.map((w) => hex(w))))] : [];
}

/** struct gpio_v2_line_attribute's fields: by id, or raw (id, padding, data) for an unknown id or set padding. */
function attribute(b: Uint8Array, off: number, asField: boolean): Field[] {
  const id = rd.u32(b, off);
  const pad = rd.u32(b, off + 4);
  const value = rd.u64(b, off + 8);
  if (!pad) {
    if (id === 1) return [field('flags', v2Flags(value))];
    if (id === 2) return [field('values', hex(value))];
    if (id === 3) return [field('debounce_period_us', uint(rd.u32(b, off + 8)))];
  }
  const raw = [field('id', uint(id)), ...(pad ? [field('padding', hex(pad))] : []), field('data', hex(value))];
  return asField ? [field('attr', struct(raw))] : raw;
}

/** struct gpio_v2_line_config (272 bytes at `off`). */
function lineConfig(c: Ctx, b: Uint8Array, off: number): Value {
  const n = rd.u32(b, off + 8);
  const f: Field[] = [field('flags', v2Flags(rd.u64(b, off))), field('num_attrs', uint(n)), ...padding(b, off + 12, 5)];
  if (n) {
    const attrs: Value[] = [];
    for (let i = 0; i < Math.min(n, 10); i++) {
      const at = off + 32 + 24 * i;
      attrs.push(struct([...attribute(b, at, true), field('mask', hex(rd.u64(b, at + 16)))]));
    }
    f.push(field('attrs', localArray(c, attrs)));
  }
  return struct(f);
}

const chipInfo: ArgPrinter = (c, a) =>
  fetch(c, a, 68, (b) =>
    struct([field('name', cstrField(b, 0, 32)), field('label', cstrField(b, 32, 32)), field('lines', uint(rd.u32(b, 64)))]), true);

/** The `{fd=N}` the kernel fills in a request at offset `off`. */
const filledFd = (size: number, off: number): ArgPrinter => (c, a) =>
  fetch(c, a, size, (b) => struct([field('fd', fd(BigInt(rd.u32(b, off))))]), true);

const lineInfo = inOut(
  (c, a) => fetch(c, a, 72, (b) => struct([field('line_offset', uint(rd.u32(b, 0)))])),
  (c, a) =>
    fetch(c, a, 72, (b) =>
      struct([
        field('flags', flags(GPIOLINE_FLAGS, BigInt(rd.u32(b, 4)), 'GPIOLINE_FLAG_???')),
        field('name', cstrField(b, 8, 32)), field('consumer', cstrField(b, 40, 32)),
      ]), true),
);

const handleRequest = inOut(
  (c, a) =>
    fetch(c, a, 364, (b) => {
      const lines = rd.u32(b, 356);
      return struct([
        field('lines', uint(lines)), field('lineoffsets', uintsUpto(c, b, 0, lines, 64, 4)),
        field('flags', handleFlags(rd.u32(b, 256))), field('default_values', uintsUpto(c, b, 260, lines, 64, 1)),
        field('consumer_label', cstrField(b, 324, 32)),
      ]);
    }),
  filledFd(364, 360),
);

const eventRequest = inOut(
  (c, a) =>
    fetch(c, a, 48, (b) =>
      struct([
        field('lineoffset', uint(rd.u32(b, 0))), field('handleflags', handleFlags(rd.u32(b, 4))),
        field('eventflags', flags(GPIOEVENT_FLAGS, BigInt(rd.u32(b, 8)), 'GPIOEVENT_REQUEST_???')),
        field('consumer_label', cstrField(b, 12, 32)),
      ])),
  filledFd(48, 44),
);

const handleData = (exiting: boolean): ArgPrinter => (c, a) =>
  fetch(c, a, 64, (b) => struct([field('values', uintsUpto(c, b, 0, 64, 64, 1))]), exiting);

const handleConfig: ArgPrinter = (c, a) =>
  fetch(c, a, 84, (b) =>
    struct([field('flags', handleFlags(rd.u32(b, 0))), field('default_values', uintsUpto(c, b, 4, 64, 64, 1))]));

const v2LineInfo = inOut(
  (c, a) => fetch(c, a, 256, (b) => struct([field('offset', uint(rd.u32(b, 64)))])),
  (c, a) =>
    fetch(c, a, 256, (b) => {
      const n = rd.u32(b, 68);
      const f: Field[] = [
        field('name', cstrField(b, 0, 32)), field('consumer', cstrField(b, 32, 32)), field('flags', v2Flags(rd.u64(b, 72))),
        field('num_attrs', uint(n)),
      ];
      if (n) {
        const attrs: Value[] = [];
        for (let i = 0; i < Math.min(n, 10); i++) attrs.push(struct(attribute(b, 80 + 16 * i, false)));
        f.push(field('attrs', localArray(c, attrs)));
      }
      return struct([...f, ...padding(b, 240, 4)]);
    }, true),
);

const v2LineRequest = inOut(
  (c, a) =>
    fetch(c, a, 592, (b) => {
      const n = rd.u32(b, 560);
      const bufSize = rd.u32(b, 564);
      return struct([
        field('num_lines', uint(n)), field('offsets', uintsUpto(c, b, 0, n, 64, 4)), field('consumer', cstrField(b, 256, 32)),
        field('config', lineConfig(c, b, 288)), ...(bufSize ? [field('event_buffer_size', uint(bufSize))] : []),
        ...padding(b, 568, 5),
      ]);
    }),
  filledFd(592, 588),
);

const v2GetValues = inOut(
  (c, a) => fetch(c, a, 16, (b) => struct([field('mask', hex(rd.u64(b, 8)))])),
  (c, a) => fetch(c, a, 16, (b) => struct([field('bits', hex(rd.u64(b, 0)))]), true),
);

/** By request (x86_64 numbers). */
export const GPIO_IOCTLS: Readonly<Record<number, ArgAt>> = {
  0x8044b401: onExit(chipInfo), // GPIO_GET_CHIPINFO_IOCTL
  0xc004b40c: onEntry((c, a) => fetch(c, a, 4, (b) => struct([field('offset', uint(rd.u32(b, 0)))]))), // _LINEINFO_UNWATCH_
  0xc048b402: lineInfo, 0xc048b40b: lineInfo, // GPIO_GET_LINEINFO_IOCTL, GPIO_GET_LINEINFO_WATCH_IOCTL
  0xc16cb403: handleRequest, // GPIO_GET_LINEHANDLE_IOCTL
  0xc030b404: eventRequest, // GPIO_GET_LINEEVENT_IOCTL
  0xc040b408: onExit(handleData(true)), 0xc040b409: onEntry(handleData(false)), // GPIOHANDLE_[GS]ET_LINE_VALUES_IOCTL
  0xc054b40a: onEntry(handleConfig), // GPIOHANDLE_SET_CONFIG_IOCTL
  0xc100b405: v2LineInfo, 0xc100b406: v2LineInfo, // GPIO_V2_GET_LINEINFO_IOCTL, GPIO_V2_GET_LINEINFO_WATCH_IOCTL
  0xc250b407: v2LineRequest, // GPIO_V2_GET_LINE_IOCTL
  0xc110b40d: onEntry((c, a) => fetch(c, a, 272, (b) => lineConfig(c, b, 0))), // GPIO_V2_LINE_SET_CONFIG_IOCTL
  0xc010b40e: v2GetValues, // GPIO_V2_LINE_GET_VALUES_IOCTL
  0xc010b40f: onEntry((c, a) => // GPIO_V2_LINE_SET_VALUES_IOCTL
    fetch(c, a, 16, (b) => struct([field('bits', hex(rd.u64(b, 0))), field('mask', hex(rd.u64(b, 8)))]))),
};
