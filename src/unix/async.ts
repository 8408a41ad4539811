/**
 * sysray/unix's Promise forms (`unix.async.accept(fd)`), for every call that can wait. They keep
 * the event loop running in one of two ways:
 *
 * - **Waiting for readiness** (accept, read, recv*, epoll_wait, waitid on a pidfd): one shared
 *   poll(2), on one libuv pool thread, waits for every pending fd at once together with an
 *   eventfd that wakes it when the set changes. When an fd is ready, the call itself is made on
 *   the main thread right after a zero-timeout poll confirms it still is (so a hundred accepts on
 *   one listener never block: the first takes the connection, the others wait again). These take
 *   `{ signal }`: aborting removes the wait and rejects with the signal's reason.
 * - **On the pool** (write, send*, connect, open, fsync, flock, nanosleep, wait4, …): the same
 *   syscall, with the same argument checks, made on a libuv pool thread (koffi's `.async`). The
 *   kernel offers nothing to cut these short from another thread, so they take no signal. libuv
 *   has 4 pool threads by default (UV_THREADPOOL_SIZE), shared with Node's fs and dns.
 *
 * ptrace has no async form: a tracee answers only the thread that attached.
 */
import { pollAsync } from '../sys/libc.js';
import { captureSyscall, fdArg, sysAsync, type SyscallArg } from './core.js';
import { EFD_CLOEXEC, EFD_NONBLOCK, P_PIDFD, POLLIN, WNOHANG } from './names.js';
import * as files from './files.js';
import * as sockets from './sockets.js';
import * as events from './events.js';
import * as filedata from './filedata.js';
import * as time from './time.js';
import * as proc from './process.js';
import * as memory from './memory.js';
import { RUSAGE, WAITID_SIGINFO, wait4Args, waitidArgs } from './waits.js';
import { syscall as syscallSync } from './core.js';

/** The options of a call that waits for readiness. */
export interface WaitOptions {
  /** Abort the wait: the promise rejects with `signal.reason`, and no syscall is made. */
  signal?: AbortSignal;
}

// ---------------------------------------------------------------- the shared waiter

interface Waiter {
  fd: number;
  events: number;
  resolve: () => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

const waiters = new Set<Waiter>();
let wakeFd = -1;
let polling = false;
const eight = Buffer.alloc(8);

/** Wake the pool thread's poll so it picks up a changed set of fds. */
function wake(): void {
  eight.writeBigUInt64LE(1n);
  files.write(wakeFd, eight);
}

/** Start a poll over every waiter (and the wake eventfd) unless one is running. */
function arm(): void {
  if (polling || waiters.size === 0) return;
  if (wakeFd === -1) wakeFd = events.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  polling = true;
  const list = [...waiters];
  const buf = Buffer.alloc((list.length + 1) * 8);
  buf.writeInt32LE(wakeFd, 0);
  buf.writeInt16LE(POLLIN, 4);
  list.forEach((w, i) => {
    buf.writeInt32LE(w.fd, (i + 1) * 8);
    buf.writeInt16LE(w.events, (i + 1) * 8 + 4);
  });
  void pollAsync(buf, list.length + 1, -1).then(({ result }) => {
    polling = false;
    if (result > 0 && buf.readUInt16LE(6) !== 0) {
      try {
        files.read(wakeFd, eight);
      } catch {
        // already drained
      }
    }
    list.forEach((w, i) => {
      if (result > 0 && buf.readUInt16LE((i + 1) * 8 + 6) !== 0 && waiters.delete(w)) settle(w).resolve();
    });
    arm();
  }, (err: unknown) => {
    polling = false;
    for (const w of list) if (waiters.delete(w)) settle(w).reject(err);
    arm();
  });
}

/** Forget a waiter's abort listener; returns it for resolving or rejecting. */
function settle(w: Waiter): Waiter {
  if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
  return w;
}

/** Whether `fd` has one of `events` now (a poll with timeout 0, on this thread). */
function readyNow(fd: number, ev: number): boolean {
  const p: events.PollFd[] = [{ fd, events: ev }];
  events.poll(p, 0);
  return (p[0]!.revents ?? 0) !== 0;
}

/** Resolve when `fd` is ready for `ev` (or reject when `signal` aborts). */
function whenReady(fd: number, ev: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const w: Waiter = { fd, events: ev, resolve, reject, signal };
    if (signal) {
      w.onAbort = (): void => {
        if (waiters.delete(w)) {
          reject(signal.reason);
          if (polling) wake();
        }
      };
      signal.addEventListener('abort', w.onAbort, { once: true });
    }
    waiters.add(w);
    if (polling) wake();
    else arm();
  });
}

/**
 * The Promise form of a synchronous call that waits for `fd` (argument `fdIndex`) to be readable:
 * `arity` arguments, then `{signal}`. The call runs on this thread once the fd is ready.
 */
function readable<A extends unknown[], R>(fn: (...a: A) => R, arity: number, fdIndex = 0): (...a: [...A, WaitOptions?]) => Promise<R> {
  return async (...given: unknown[]): Promise<R> => {
    const opts = (given.length > arity ? given[arity] : undefined) as WaitOptions | undefined;
    const args = given.slice(0, arity) as A;
    const fd = fdArg(args[fdIndex], 'fd');
    for (;;) {
      if (opts?.signal?.aborted) throw opts.signal.reason;
      if (readyNow(fd, POLLIN)) return fn(...args);
      await whenReady(fd, POLLIN, opts?.signal);
    }
  };
}

/** The Promise form of a one-syscall wrapper, made on a libuv pool thread. */
function pooled<A extends unknown[]>(fn: (...a: A) => number): (...a: A) => Promise<number>;
function pooled<A extends unknown[]>(fn: (...a: A) => void, ret: 'void'): (...a: A) => Promise<void>;
function pooled<A extends unknown[]>(fn: (...a: A) => number | void, ret?: 'void'): (...a: A) => Promise<number | void> {
  return async (...args: A): Promise<number | void> => {
    const c = captureSyscall(fn, args);
    const r = await sysAsync(c.name, c.args, c.keep, c.ctx);
    return ret === 'void' ? undefined : r;
  };
}

// ---------------------------------------------------------------- waiting for readiness

export const accept = readable(sockets.accept, 1);
export const accept4 = readable(sockets.accept4, 2);
export const acceptPeer = readable(sockets.acceptPeer, 2);
export const read = readable(files.read, 3);
export const readv = readable(files.readv, 2);
export const recv = readable(sockets.recv, 3);
export const recvfrom = readable(sockets.recvfrom, 3);
export const recvmsg = readable(sockets.recvmsg, 3);
export const epoll_wait = readable(events.epoll_wait, 3);
export const epoll_pwait = readable(events.epoll_pwait, 4);

/** waitid: with P_PIDFD it waits for the pidfd (abortable); otherwise on the pool. */
export async function waitid(idtype: number, id: number, options: number, opts?: WaitOptions): Promise<ReturnType<typeof proc.waitid>> {
  if (idtype === P_PIDFD) {
    for (;;) {
      if (opts?.signal?.aborted) throw opts.signal.reason;
      if (readyNow(id, POLLIN)) return proc.waitid(idtype, id, options | WNOHANG);
      await whenReady(id, POLLIN, opts?.signal);
    }
  }
  const a = waitidArgs(idtype, id, options);
  await sysAsync('waitid', a.regs, [a]);
  return { info: WAITID_SIGINFO.decode(a.si), rusage: RUSAGE.decode(a.ru) };
}

// ---------------------------------------------------------------- on the pool

export const write = pooled(files.write);
export const writev = pooled(files.writev);
export const pread = pooled(files.pread);
export const pwrite = pooled(files.pwrite);
export const open = pooled(files.open);
export const openat = pooled(files.openat);
export const creat = pooled(files.creat);
export const fcntl = pooled(files.fcntl);
export const send = pooled(sockets.send);
export const sendto = pooled(sockets.sendto);
export const sendmsg = pooled(sockets.sendmsg);
export const connect = pooled(sockets.connect, 'void');
export const preadv = pooled(filedata.preadv);
export const pwritev = pooled(filedata.pwritev);
export const preadv2 = pooled(filedata.preadv2);
export const pwritev2 = pooled(filedata.pwritev2);
export const fsync = pooled(filedata.fsync, 'void');
export const fdatasync = pooled(filedata.fdatasync, 'void');
export const syncfs = pooled(filedata.syncfs, 'void');
export const sync = pooled(filedata.sync, 'void');
export const sync_file_range = pooled(filedata.sync_file_range, 'void');
export const fallocate = pooled(filedata.fallocate, 'void');
export const flock = pooled(filedata.flock, 'void');
export const fcntlInt = pooled(filedata.fcntlInt);
export const sendfile = pooled(filedata.sendfile);
export const splice = pooled(filedata.splice);
export const tee = pooled(filedata.tee);
export const vmsplice = pooled(filedata.vmsplice);
export const copy_file_range = pooled(filedata.copy_file_range);
export const msync = pooled(memory.msync, 'void');
export const nanosleep = pooled(time.nanosleep, 'void');
export const getrandom = pooled(proc.getrandom);
/** select and pselect on the pool: the FdSets are updated in place when the promise resolves. */
export const select = pooled(events.select);
export const pselect = pooled(events.pselect);
export const clock_nanosleep = pooled(time.clock_nanosleep, 'void');

/** fcntl with a `struct flock` (F_SETLKW waits for the lock). */
export async function fcntlFlock(fd: number, cmd: number, lock: Parameters<typeof filedata.fcntlFlock>[2]): Promise<filedata.Flock> {
  const c = captureSyscall(filedata.fcntlFlock, [fd, cmd, lock]);
  await sysAsync(c.name, c.args, c.keep, c.ctx);
  return filedata.FLOCK.decode(c.keep![0] as Buffer);
}

/** wait4 on the pool. */
export async function wait4(pid: number, options = 0): Promise<proc.Wait4Result> {
  const a = wait4Args(pid, options);
  const r = await sysAsync('wait4', a.regs, [a]);
  return { pid: r, status: a.st.readInt32LE(0), rusage: RUSAGE.decode(a.ru) };
}

/** poll on the pool: `revents` are filled in when it resolves. */
export async function poll(fds: events.PollFd[], timeout: number): Promise<number> {
  return pollFilled(captureSyscall(events.poll, [fds, timeout]));
}

/** ppoll on the pool. */
export async function ppoll(fds: events.PollFd[], timeout: time.TimeSpec | null, sigmask: number[] | null = null): Promise<number> {
  return pollFilled(captureSyscall(events.ppoll, [fds, timeout, sigmask]));
}

/** Make a captured poll/ppoll on the pool and copy the kernel's revents into the caller's entries. */
async function pollFilled(c: ReturnType<typeof captureSyscall>): Promise<number> {
  const n = await sysAsync(c.name, c.args, c.keep, c.ctx);
  const p = c.keep![0] as { buf: Buffer; list: events.PollFd[] };
  p.list.forEach((x, i) => {
    x.revents = p.buf.readUInt16LE(i * 8 + 6);
  });
  return n;
}

/** The raw escape hatch on the pool: any syscall by name or number, integer arguments. */
export function syscall(nameOrNr: string | number, ...args: SyscallArg[]): Promise<number> {
  const c = captureSyscall(syscallSync, [nameOrNr, ...args]);
  return sysAsync(c.name, c.args, c.keep, c.ctx);
}

/** How many readiness waits are pending (for tests and diagnostics). */
export const pendingWaits = (): number => waiters.size;
