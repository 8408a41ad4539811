/**
 * Ioctls of small device families whose arguments are plain values or ints: watchdogs ('W'),
 * infrared remote controls ('i') and network block devices (0xab), as strace's watchdog_ioctl.c,
 * lirc_ioctl.c and nbd_ioctl.c print them.
 */
import { fd } from './args.js';
import type { Ctx } from './types.js';
import { rd } from './args.js';
import { array, hex, uint, type Value } from './value.js';
import { flags, symbol, xlat } from './xlat/core.js';
import { fetch, numAt } from './printers.js';

/** The shape of the ioctl dispatcher's table (desc.ts's ArgAt): when the argument prints, and how. */
interface DeviceArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
}

const intAtExit: DeviceArg = { at: 'exit', print: (c, a) => numAt(c, a, true) };
const intAtEntry: DeviceArg = { at: 'entry', print: (c, a) => numAt(c, a) };

/** Watchdog requests: the GET ones fill an int, the SET ones give one; WDIOC_KEEPALIVE's is ignored. */
export const WATCHDOG_IOCTLS: Readonly<Record<number, DeviceArg | null>> = {
  // WDIOC_GETSTATUS, _GETBOOTSTATUS, _GETTEMP, _GETTIMEOUT, _GETPRETIMEOUT, _GETTIMELEFT
  0x80045701: intAtExit, 0x80045702: intAtExit, 0x80045703: intAtExit, 0x80045707: intAtExit, 0x80045709: intAtExit,
  0x8004570a: intAtExit,
  0xc0045706: intAtEntry, 0xc0045708: intAtEntry, // WDIOC_SETTIMEOUT, WDIOC_SETPRETIMEOUT
  0x80045705: null, // WDIOC_KEEPALIVE
};

const NBD_FLAGS = xlat(() => ['HAS_FLAGS', 'READ_ONLY', 'SEND_FLUSH', 'SEND_FUA', 'ROTATIONAL', 'SEND_TRIM',
  'SEND_WRITE_ZEROES', 'SEND_DF', 'CAN_MULTI_CONN', 'SEND_RESIZE', 'SEND_CACHE'].map((n, i) => [1 << i, `NBD_FLAG_${n}`] as const));

const value = (print: (a: bigint) => Value): DeviceArg => ({ at: 'entry', print: (_c, a) => print(a) });

/** Network block device requests: values, an fd, flags, or nothing. */
export const NBD_IOCTLS: Readonly<Record<number, DeviceArg | null>> = {
  0xab00: value(fd), // NBD_SET_SOCK
  // NBD_SET_BLKSIZE, NBD_SET_SIZE, NBD_SET_SIZE_BLOCKS, NBD_SET_TIMEOUT
  0xab01: value(uint), 0xab02: value(uint), 0xab07: value(uint), 0xab09: value(uint),
  0xab0a: value((a) => flags(NBD_FLAGS, a, 'NBD_IOC_FLAG_???')), // NBD_SET_FLAGS
  // NBD_DO_IT, NBD_CLEAR_SOCK, NBD_CLEAR_QUE, NBD_PRINT_DEBUG, NBD_DISCONNECT
  0xab03: null, 0xab04: null, 0xab05: null, 0xab06: null, 0xab08: null,
};

const LIRC_FEATURES = xlat(() => [
  [0x2, 'LIRC_CAN_SEND_PULSE'], [0x10, 'LIRC_CAN_SEND_LIRCCODE'], [0x100, 'LIRC_CAN_SET_SEND_CARRIER'],
  [0x200, 'LIRC_CAN_SET_SEND_DUTY_CYCLE'], [0x400, 'LIRC_CAN_SET_TRANSMITTER_MASK'], [0x40000, 'LIRC_CAN_REC_MODE2'],
  [0x80000, 'LIRC_CAN_REC_SCANCODE'], [0x100000, 'LIRC_CAN_REC_LIRCCODE'], [0x1000000, 'LIRC_CAN_SET_REC_CARRIER'],
  [0x2000000, 'LIRC_CAN_MEASURE_CARRIER'], [0x4000000, 'LIRC_CAN_USE_WIDEBAND_RECEIVER'],
  [0x10000000, 'LIRC_CAN_SET_REC_TIMEOUT'], [0x20000000, 'LIRC_CAN_GET_REC_RESOLUTION'],
  [0x80000000, 'LIRC_CAN_SET_REC_CARRIER_RANGE'],
]);
const LIRC_MODES = xlat(() => ['RAW', 'PULSE', 'MODE2', 'SCANCODE', 'LIRCCODE'].map((n, i) => [1 << i, `LIRC_MODE_${n}`] as const));

/** A u32 the kernel fills (read requests: at exit) or is given (write requests: at entry), as `[value]`. */
function lircU32(code: number, show: (v: bigint) => Value): DeviceArg {
  const reads = code >>> 30 === 2;
  return { at: reads ? 'exit' : 'entry', print: (c, a) => fetch(c, a, 4, (b) => array([show(BigInt(rd.u32(b, 0)))]), reads) };
}
const lircFeatures = (v: bigint): Value => flags(LIRC_FEATURES, v, 'LIRC_CAN_???');
const lircMode = (v: bigint): Value => symbol(LIRC_MODES, v, 'x', 'LIRC_MODE_???');

/** By request: features and modes by name, the transmitter mask in hex, the rest as numbers. */
export const LIRC_IOCTLS: Readonly<Record<number, DeviceArg>> = Object.fromEntries(([
  [0x80046900, lircFeatures], // LIRC_GET_FEATURES
  [0x80046901, lircMode], [0x80046902, lircMode], [0x40046911, lircMode], [0x40046912, lircMode], // GET/SET_SEND/REC_MODE
  [0x40046917, hex], // LIRC_SET_TRANSMITTER_MASK
  // LIRC_GET_REC_RESOLUTION, _MIN_TIMEOUT, _MAX_TIMEOUT, _LENGTH, _REC_TIMEOUT
  [0x80046907, uint], [0x80046908, uint], [0x80046909, uint], [0x8004690f, uint], [0x80046924, uint],
  // LIRC_SET_SEND_CARRIER, _REC_CARRIER, _SEND_DUTY_CYCLE, _REC_TIMEOUT, _REC_TIMEOUT_REPORTS,
  // _MEASURE_CARRIER_MODE, _REC_CARRIER_RANGE, _WIDEBAND_RECEIVER
  [0x40046913, uint], [0x40046914, uint], [0x40046915, uint], [0x40046918, uint], [0x40046919, uint],
  [0x4004691d, uint], [0x4004691f, uint], [0x40046923, uint],
] as const).map(([code, show]) => [code, lircU32(code, show)]));
