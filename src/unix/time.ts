/** sysray/unix: time: clocks, sleeps, interval timers, adjtimex, times. */
import { addressOf, i32Arg, int, sys } from './core.js';
import { row } from './rows.js';
import { struct } from './struct.js';
import type { Timespec } from './files.js';

/** A `struct timespec` as the calls here take it: seconds (number or bigint) and nanoseconds. */
export interface TimeSpec {
  sec: number | bigint;
  nsec: number | bigint;
}

/** The kernel's `struct timespec` (decode gives bigint seconds and nanoseconds). */
export const TIMESPEC = struct(16, { sec: ['i64', 0], nsec: ['i64', 8] });

/** The 16 bytes of a timespec, checked (0 <= nsec < 1e9). */
export function encodeTimespec(t: TimeSpec): Buffer {
  if (t === null || typeof t !== 'object') throw new TypeError(`expected a timespec {sec, nsec}. Received ${String(t)}`);
  const ns = Number(t.nsec);
  if (!Number.isInteger(ns) || ns < 0 || ns >= 1e9) throw new RangeError(`timespec nsec must be 0..999999999. Received ${String(t.nsec)}`);
  return TIMESPEC.encode({ sec: t.sec, nsec: ns });
}

const decodeTs = (b: Buffer, off = 0): Timespec => ({ sec: b.readBigInt64LE(off), nsec: Number(b.readBigInt64LE(off + 8)) });

/** clock_gettime(2) (made as the real syscall, not through the vDSO, so a tracer sees it). */
export function clock_gettime(clockid: number): Timespec {
  const b = Buffer.alloc(16);
  sys('clock_gettime', [i32Arg(clockid, 'clockid'), addressOf(b)], [b]);
  return decodeTs(b);
}

/** clock_getres(2). */
export function clock_getres(clockid: number): Timespec {
  const b = Buffer.alloc(16);
  sys('clock_getres', [i32Arg(clockid, 'clockid'), addressOf(b)], [b]);
  return decodeTs(b);
}

/** clock_settime(2) (needs CAP_SYS_TIME; moves the clock for the whole system). */
export function clock_settime(clockid: number, t: TimeSpec): void {
  const b = encodeTimespec(t);
  sys('clock_settime', [i32Arg(clockid, 'clockid'), addressOf(b)], [b]);
}

/**
 * nanosleep(2): sleep on this thread (the whole event loop with it: unix.async.nanosleep does not).
 * An interrupted sleep throws EINTR.
 */
export function nanosleep(t: TimeSpec): void {
  const b = encodeTimespec(t);
  sys('nanosleep', [addressOf(b), 0], [b]);
}

/** clock_nanosleep(2): TIMER_ABSTIME in `flags` sleeps until `t`. */
export function clock_nanosleep(clockid: number, flags: number, t: TimeSpec): void {
  const b = encodeTimespec(t);
  // clock_nanosleep returns the error number rather than setting errno; the raw syscall does -1/errno
  sys('clock_nanosleep', [i32Arg(clockid, 'clockid'), int(flags, 'flags', 0, 1), addressOf(b), 0], [b]);
}

/** A `struct timex`, the fields adjtimex reads and sets (208 bytes on 64-bit). */
export const TIMEX = struct(208, {
  modes: ['u32', 0], offset: ['i64', 8], freq: ['i64', 16], maxerror: ['i64', 24], esterror: ['i64', 32],
  status: ['i32', 40], constant: ['i64', 48], precision: ['i64', 56], tolerance: ['i64', 64],
  timeSec: ['i64', 72], timeUsec: ['i64', 80], tick: ['i64', 88], ppsfreq: ['i64', 96], jitter: ['i64', 104],
  shift: ['i32', 112], stabil: ['i64', 120], jitcnt: ['i64', 128], calcnt: ['i64', 136], errcnt: ['i64', 144],
  stbcnt: ['i64', 152], tai: ['i32', 160],
});
export type Timex = ReturnType<typeof TIMEX.decode>;

/** adjtimex(2): with `modes` 0 (the default) it only reads. Returns the clock state and the timex. */
export function adjtimex(tx: Parameters<typeof TIMEX.encode>[0] = {}): { state: number; timex: Timex } {
  const b = TIMEX.encode(tx);
  const state = sys('adjtimex', [addressOf(b)], [b]);
  return { state, timex: TIMEX.decode(b) };
}

/** clock_adjtime(2): adjtimex for a given clock. */
export function clock_adjtime(clockid: number, tx: Parameters<typeof TIMEX.encode>[0] = {}): { state: number; timex: Timex } {
  const b = TIMEX.encode(tx);
  const state = sys('clock_adjtime', [i32Arg(clockid, 'clockid'), addressOf(b)], [b]);
  return { state, timex: TIMEX.decode(b) };
}

/** gettimeofday(2) (the real syscall). */
export function gettimeofday(): { sec: bigint; usec: number } {
  const b = Buffer.alloc(16);
  sys('gettimeofday', [addressOf(b), 0], [b]);
  return { sec: b.readBigInt64LE(0), usec: Number(b.readBigInt64LE(8)) };
}

/** settimeofday(2) (needs CAP_SYS_TIME). */
export function settimeofday(tv: { sec: number | bigint; usec: number }): void {
  const b = Buffer.alloc(16);
  b.writeBigInt64LE(BigInt(tv.sec), 0);
  b.writeBigInt64LE(BigInt(int(tv.usec, 'usec', 0, 999999)), 8);
  sys('settimeofday', [addressOf(b), 0], [b]);
}

/** time(2): seconds since the epoch. */
export const time = row('time', [0]);

/** A `struct tms`: clock ticks of user and system time, self and waited-for children. */
export const TMS = struct(32, { utime: ['i64', 0], stime: ['i64', 8], cutime: ['i64', 16], cstime: ['i64', 24] });

/** times(2): the ticks since an arbitrary point, and the process's CPU times. */
export function times(): { ticks: number; tms: ReturnType<typeof TMS.decode> } {
  const b = Buffer.alloc(TMS.size);
  const ticks = sys('times', [addressOf(b)], [b]);
  return { ticks, tms: TMS.decode(b) };
}

/** A `struct itimerval`: interval and value, each {sec, usec}. */
export const ITIMERVAL = struct(32, { intervalSec: ['i64', 0], intervalUsec: ['i64', 8], valueSec: ['i64', 16], valueUsec: ['i64', 24] });
export type Itimerval = ReturnType<typeof ITIMERVAL.decode>;

/** An itimerval from two durations in nanoseconds (MakeItimerval in x/sys/unix). */
export function makeItimerval(intervalNs: bigint, valueNs: bigint): Itimerval {
  return {
    intervalSec: intervalNs / 1_000_000_000n, intervalUsec: (intervalNs % 1_000_000_000n) / 1000n,
    valueSec: valueNs / 1_000_000_000n, valueUsec: (valueNs % 1_000_000_000n) / 1000n,
  };
}

/** getitimer(2): ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF. */
export function getitimer(which: number): Itimerval {
  const b = Buffer.alloc(ITIMERVAL.size);
  sys('getitimer', [i32Arg(which, 'which'), addressOf(b)], [b]);
  return ITIMERVAL.decode(b);
}

/**
 * setitimer(2); returns the previous setting. An expiring timer sends SIGALRM/SIGVTALRM/SIGPROF,
 * which kill a Node process that has no handler for them (process.on('SIGALRM', …)).
 */
export function setitimer(which: number, it: Parameters<typeof ITIMERVAL.encode>[0]): Itimerval {
  const b = ITIMERVAL.encode(it);
  const old = Buffer.alloc(ITIMERVAL.size);
  sys('setitimer', [i32Arg(which, 'which'), addressOf(b), addressOf(old)], [b, old]);
  return ITIMERVAL.decode(old);
}

/** alarm(2): SIGALRM after `seconds` (0 cancels); returns the seconds left of the previous alarm. See setitimer. */
export const alarm = row('alarm', ['uint']);

// ---------------------------------------------------------------- conversions (no syscall)

/** Nanoseconds to a timespec. */
export const nsecToTimespec = (ns: bigint): Timespec => ({ sec: ns / 1_000_000_000n, nsec: Number(ns % 1_000_000_000n) });
/** A timespec to nanoseconds. */
export const timespecToNsec = (t: TimeSpec): bigint => BigInt(t.sec) * 1_000_000_000n + BigInt(t.nsec);
/** Nanoseconds to a timeval (microseconds, rounded down). */
export const nsecToTimeval = (ns: bigint): { sec: bigint; usec: number } => ({ sec: ns / 1_000_000_000n, usec: Number((ns % 1_000_000_000n) / 1000n) });
/** A timeval to nanoseconds. */
export const timevalToNsec = (tv: { sec: number | bigint; usec: number }): bigint => BigInt(tv.sec) * 1_000_000_000n + BigInt(tv.usec) * 1000n;
/** A Date to a timespec. */
export const timeToTimespec = (d: Date): Timespec => nsecToTimespec(BigInt(d.getTime()) * 1_000_000n);
/** The clock id of a POSIX clock fd (a PTP device, FdToClockID in x/sys/unix): `((~fd) << 3) | 3`. */
export const fdToClockID = (fd: number): number => ((~fd) << 3) | 3;

