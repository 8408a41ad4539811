/**
 * Ioctls of two small device families whose arguments are plain values or ints: watchdogs ('W') and
 * network block devices (0xab), as strace's watchdog_ioctl.c and nbd_ioctl.c print them.
 */
import { fd } from './args.js';
import type { Ctx } from './types.js';
import { uint, type Value } from './value.js';
import { flags, xlat } from './xlat/core.js';
import { numAt } from './printers.js';

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
