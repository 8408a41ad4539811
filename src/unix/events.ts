/**
 * sysray/unix: waiting for events: poll/ppoll/select, epoll, eventfd, signalfd, timerfd, inotify,
 * fanotify. The calls here that wait have Promise forms in async.ts.
 */
import os from 'node:os';
import {
  addressOf, arrayArg, bytesArg, describe, fdArg, flagsArg, i32Arg, int, offArg, pathArg, sys, u32Arg,
} from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { AT_FDCWD } from './names.js';
import { encodeTimespec, TIMESPEC, type TimeSpec } from './time.js';

// ---------------------------------------------------------------- poll, select

/** One entry of poll's array: `revents` is filled in by the call. */
export interface PollFd {
  fd: number;
  events: number;
  revents?: number;
}

function pollfds(fds: unknown): { buf: Buffer; list: readonly PollFd[] } {
  const list = arrayArg<PollFd>(fds, 'fds');
  const buf = Buffer.alloc(Math.max(list.length, 1) * 8);
  list.forEach((p, i) => {
    if (p === null || typeof p !== 'object') throw new TypeError(`fds[${i}] must be {fd, events}. Received ${describe(p)}`);
    buf.writeInt32LE(int(p.fd, `fds[${i}].fd`, -0x80000000, 0x7fffffff), i * 8);
    buf.writeInt16LE(int(p.events, `fds[${i}].events`, -0x8000, 0xffff) << 16 >> 16, i * 8 + 4);
  });
  return { buf, list };
}

function readRevents(buf: Buffer, list: readonly PollFd[]): void {
  list.forEach((p, i) => {
    p.revents = buf.readUInt16LE(i * 8 + 6);
  });
}

/** poll(2): waits up to `timeout` ms (-1: forever) and fills each entry's `revents`. Returns how many are ready. */
export function poll(fds: PollFd[], timeout: number): number {
  const p = pollfds(fds);
  const n = sys('poll', [addressOf(p.buf), p.list.length, i32Arg(timeout, 'timeout')], [p]);
  readRevents(p.buf, p.list);
  return n;
}

/** ppoll(2): `timeout` null waits forever; `sigmask` a list of signals to block while waiting, or null. */
export function ppoll(fds: PollFd[], timeout: TimeSpec | null, sigmask: number[] | null = null): number {
  const p = pollfds(fds);
  const ts = timeout === null ? null : encodeTimespec(timeout);
  const mask = sigmask === null ? null : sigset(sigmask);
  const n = sys('ppoll', [addressOf(p.buf), p.list.length, ts ? addressOf(ts) : 0, mask ? addressOf(mask) : 0, 8], [p, ts, mask]);
  readRevents(p.buf, p.list);
  return n;
}

/** A kernel signal set (8 bytes) of signal numbers. */
export function sigset(signals: readonly (number | NodeJS.Signals)[]): Buffer {
  const b = Buffer.alloc(8);
  let bits = 0n;
  for (const s of arrayArg<number | NodeJS.Signals>(signals, 'signals')) bits |= 1n << BigInt(signalNumber(s) - 1);
  b.writeBigUInt64LE(bits);
  return b;
}

/** A signal's number from a number or a name ('SIGTERM'). */
export function signalNumber(sig: number | NodeJS.Signals | string): number {
  if (typeof sig === 'string') {
    const v = (os.constants.signals as Record<string, number | undefined>)[sig];
    if (v === undefined) throw new TypeError(`Unknown signal: ${sig}`);
    return v;
  }
  return int(sig, 'sig', 1, 64);
}

/** An `fd_set` for select(2): FD_SET/FD_ISSET/FD_CLR/FD_ZERO as methods (FdSet in x/sys/unix). */
export class FdSet {
  readonly bytes = Buffer.alloc(128);
  set(fd: number): void { this.bytes[fdArg(fd) >> 3]! |= 1 << (fd & 7); }
  clear(fd: number): void { this.bytes[fdArg(fd) >> 3]! &= ~(1 << (fd & 7)); }
  isSet(fd: number): boolean { return (this.bytes[fdArg(fd) >> 3]! & (1 << (fd & 7))) !== 0; }
  zero(): void { this.bytes.fill(0); }
}

/** A `struct timeval`. */
export interface Timeval {
  sec: bigint;
  usec: number;
}

export const TIMEVAL = struct(16, { sec: ['i64', 0], usec: ['i64', 8] });

/** select(2): the sets are updated in place; `timeout` null waits forever. Returns how many are ready. */
export function select(nfds: number, r: FdSet | null, w: FdSet | null, e: FdSet | null, timeout: Timeval | null): number {
  const tv = timeout === null ? null : TIMEVAL.encode({ sec: timeout.sec, usec: BigInt(timeout.usec) });
  const a = (s: FdSet | null): bigint => (s ? addressOf(s.bytes) : 0n);
  return sys('select', [int(nfds, 'nfds', 0, 1024), a(r), a(w), a(e), tv ? addressOf(tv) : 0], [r, w, e, tv]);
}

/** pselect6(2): as select, with a timespec and a signal mask to hold while waiting. */
export function pselect(nfds: number, r: FdSet | null, w: FdSet | null, e: FdSet | null, timeout: TimeSpec | null, sigmask: number[] | null = null): number {
  const ts = timeout === null ? null : encodeTimespec(timeout);
  const mask = sigmask === null ? null : sigset(sigmask);
  // the sixth argument is a {sigset pointer, size} pair
  const pair = mask ? Buffer.alloc(16) : null;
  if (pair && mask) {
    pair.writeBigUInt64LE(addressOf(mask), 0);
    pair.writeBigUInt64LE(8n, 8);
  }
  const a = (s: FdSet | null): bigint => (s ? addressOf(s.bytes) : 0n);
  return sys('pselect6', [int(nfds, 'nfds', 0, 1024), a(r), a(w), a(e), ts ? addressOf(ts) : 0, pair ? addressOf(pair) : 0], [r, w, e, ts, mask, pair]);
}

// ---------------------------------------------------------------- epoll

/** An epoll event: EPOLL* bits and the 64-bit user data given to epoll_ctl. */
export interface EpollEvent {
  events: number;
  data: bigint;
}

/** `struct epoll_event` is packed on x86_64 (12 bytes); 16 elsewhere. */
const EPOLL_EVENT_SIZE = process.arch === 'x64' ? 12 : 16;
const EPOLL_DATA_OFF = process.arch === 'x64' ? 4 : 8;

/** epoll_create1(2): EPOLL_CLOEXEC. Returns the epoll fd. */
export const epoll_create1 = row('epoll_create1', [], ['flags']);
/** epoll_create(2): `size` must be positive and is otherwise ignored. */
export const epoll_create = row('epoll_create', ['int']);

/** epoll_ctl(2): EPOLL_CTL_ADD/MOD/DEL; `event.data` defaults to the fd. */
export function epoll_ctl(epfd: number, op: number, fd: number, event: { events: number; data?: number | bigint } | null): void {
  const ep = fdArg(epfd, 'epfd');
  const f = fdArg(fd);
  let b: Buffer | null = null;
  if (event !== null) {
    b = Buffer.alloc(EPOLL_EVENT_SIZE);
    b.writeUInt32LE(u32Arg(event.events >>> 0, 'event.events'), 0);
    b.writeBigUInt64LE(BigInt.asUintN(64, offArg(event.data ?? f, 'event.data')), EPOLL_DATA_OFF);
  }
  sys('epoll_ctl', [ep, i32Arg(op, 'op'), f, b ? addressOf(b) : 0], [b]);
}

function epollEvents(b: Buffer, n: number): EpollEvent[] {
  const out: EpollEvent[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ events: b.readUInt32LE(i * EPOLL_EVENT_SIZE), data: b.readBigUInt64LE(i * EPOLL_EVENT_SIZE + EPOLL_DATA_OFF) });
  }
  return out;
}

/** epoll_wait(2): up to `maxevents` ready events, waiting up to `timeout` ms (-1: forever). */
export function epoll_wait(epfd: number, maxevents: number, timeout: number): EpollEvent[] {
  const ep = fdArg(epfd, 'epfd');
  const max = int(maxevents, 'maxevents', 1, 1 << 16);
  const b = Buffer.alloc(max * EPOLL_EVENT_SIZE);
  return epollEvents(b, sys('epoll_wait', [ep, addressOf(b), max, i32Arg(timeout, 'timeout')], [b]));
}

/** epoll_pwait(2): epoll_wait with a signal mask held while waiting. */
export function epoll_pwait(epfd: number, maxevents: number, timeout: number, sigmask: number[] | null): EpollEvent[] {
  const ep = fdArg(epfd, 'epfd');
  const max = int(maxevents, 'maxevents', 1, 1 << 16);
  const b = Buffer.alloc(max * EPOLL_EVENT_SIZE);
  const mask = sigmask === null ? null : sigset(sigmask);
  const n = sys('epoll_pwait', [ep, addressOf(b), max, i32Arg(timeout, 'timeout'), mask ? addressOf(mask) : 0, 8], [b, mask]);
  return epollEvents(b, n);
}

// ---------------------------------------------------------------- eventfd, signalfd, timerfd

/** eventfd(2) (the eventfd2 syscall): EFD_CLOEXEC, EFD_NONBLOCK, EFD_SEMAPHORE. */
export const eventfd = row('eventfd2', ['uint'], ['flags']);

/** signalfd(2) (signalfd4): a new fd (`fd` -1) or an update, for the `signals` listed. */
export function signalfd(fd: number, signals: readonly (number | NodeJS.Signals)[], flags = 0): number {
  const f = fd === -1 ? -1 : fdArg(fd);
  const mask = sigset(signals);
  return sys('signalfd4', [f, addressOf(mask), 8, flagsArg(flags)], [mask]);
}

/** A `struct signalfd_siginfo` (128 bytes), the first fields. */
export const SIGNALFD_SIGINFO = struct(128, {
  signo: ['u32', 0], errno: ['i32', 4], code: ['i32', 8], pid: ['u32', 12], uid: ['u32', 16], fd: ['i32', 20],
  tid: ['u32', 24], band: ['u32', 28], overrun: ['u32', 32], trapno: ['u32', 36], status: ['i32', 40], int: ['i32', 44],
  ptr: ['u64', 48], utime: ['u64', 56], stime: ['u64', 64], addr: ['u64', 72],
});
export type SignalfdSiginfo = ReturnType<typeof SIGNALFD_SIGINFO.decode>;

/** The records a read(2) of a signalfd returned. */
export function parseSignalfdSiginfo(buf: Uint8Array, bytes: number = buf.byteLength): SignalfdSiginfo[] {
  const out: SignalfdSiginfo[] = [];
  for (let off = 0; off + 128 <= bytes; off += 128) out.push(SIGNALFD_SIGINFO.decode(buf, off));
  return out;
}

/** A `struct itimerspec`: the interval and the first expiry. */
export interface Itimerspec {
  interval: TimeSpec;
  value: TimeSpec;
}

function encodeItimerspec(it: Itimerspec): Buffer {
  const b = Buffer.alloc(32);
  encodeTimespec(it.interval).copy(b, 0);
  encodeTimespec(it.value).copy(b, 16);
  return b;
}

const decodeItimerspec = (b: Buffer): Itimerspec => ({ interval: TIMESPEC.decode(b, 0), value: TIMESPEC.decode(b, 16) });

/** timerfd_create(2): CLOCK_MONOTONIC etc.; TFD_CLOEXEC, TFD_NONBLOCK. */
export const timerfd_create = row('timerfd_create', ['int'], ['flags']);

/** timerfd_settime(2): arm (or disarm, with a zero value); returns the previous setting. */
export function timerfd_settime(fd: number, flags: number, value: Itimerspec): Itimerspec {
  const nv = encodeItimerspec(value);
  const old = Buffer.alloc(32);
  sys('timerfd_settime', [fdArg(fd), flagsArg(flags), addressOf(nv), addressOf(old)], [nv, old]);
  return decodeItimerspec(old);
}

/** timerfd_gettime(2). */
export function timerfd_gettime(fd: number): Itimerspec {
  const b = Buffer.alloc(32);
  sys('timerfd_gettime', [fdArg(fd), addressOf(b)], [b]);
  return decodeItimerspec(b);
}

// ---------------------------------------------------------------- inotify, fanotify

/** inotify_init(2). */
export const inotify_init = row('inotify_init', []);
/** inotify_init1(2): IN_NONBLOCK, IN_CLOEXEC. */
export const inotify_init1 = row('inotify_init1', [], ['flags']);
/** inotify_add_watch(2): returns the watch descriptor. */
export const inotify_add_watch = row('inotify_add_watch', ['fd', 'path', 'uint']);
/** inotify_rm_watch(2). */
export const inotify_rm_watch = rowVoid('inotify_rm_watch', ['fd', 'int']);

export interface InotifyEvent {
  wd: number;
  mask: number;
  cookie: number;
  name: string;
}

/** The events a read(2) of an inotify fd returned. */
export function parseInotifyEvents(buf: Uint8Array, bytes: number = buf.byteLength): InotifyEvent[] {
  const b = Buffer.from(bytesArg(buf, 'buf').buffer, buf.byteOffset, bytes);
  const out: InotifyEvent[] = [];
  for (let off = 0; off + 16 <= b.length; ) {
    const len = b.readUInt32LE(off + 12);
    const name = b.subarray(off + 16, off + 16 + len);
    const nul = name.indexOf(0);
    out.push({ wd: b.readInt32LE(off), mask: b.readUInt32LE(off + 4), cookie: b.readUInt32LE(off + 8), name: name.toString('utf8', 0, nul === -1 ? len : nul) });
    off += 16 + len;
  }
  return out;
}

/** fanotify_init(2): FAN_CLASS_* | FAN_* flags, and the O_* flags of the event fds. */
export const fanotify_init = row('fanotify_init', ['flags', 'flags']);

/** fanotify_mark(2): `mask` 64-bit (FAN_* events); `path` null marks `dirfd` itself. */
export function fanotify_mark(fd: number, flags: number, mask: number | bigint, dirfd: number, path: string | null): void {
  const p = path === null ? null : pathArg(path);
  const d = dirfd === AT_FDCWD ? AT_FDCWD : fdArg(dirfd, 'dirfd');
  sys('fanotify_mark', [fdArg(fd), flagsArg(flags), offArg(mask, 'mask'), d, p ? addressOf(p.c) : 0], [p], { path: p?.text });
}

/** A `struct fanotify_event_metadata` (24 bytes). */
export const FANOTIFY_EVENT_METADATA = struct(24, {
  eventLen: ['u32', 0], vers: ['u8', 4], metadataLen: ['u16', 6], mask: ['u64', 8], fd: ['i32', 16], pid: ['i32', 20],
});
export type FanotifyEventMetadata = ReturnType<typeof FANOTIFY_EVENT_METADATA.decode>;

/** The events a read(2) of a fanotify fd returned. */
export function parseFanotifyEvents(buf: Uint8Array, bytes: number = buf.byteLength): FanotifyEventMetadata[] {
  const out: FanotifyEventMetadata[] = [];
  for (let off = 0; off + 24 <= bytes; ) {
    const m = FANOTIFY_EVENT_METADATA.decode(buf, off);
    out.push(m);
    if (m.eventLen < 24) break;
    off += m.eventLen;
  }
  return out;
}
