/** sysray/unix: processes and identity: ids, signals, uname, exit, limits, scheduling. */
import os from 'node:os';
import { cStringArray } from '../sys/libc.js';
import { ERRNO_NAMES } from '../decode/xlat/errno.js';
import { SIGNAL_NAMES } from '../decode/xlat/signals.js';
import {
  addressOf, iovecs, arrayArg, bytesArg, fdArg, flagsArg, i32Arg, int, offArg, pathArg, sys, u32Arg, type PathLike,
} from './core.js';
import { row, rowVoid } from './rows.js';
import { struct } from './struct.js';
import { RUSAGE, WAITID_SIGINFO, wait4Args, waitidArgs, type Rusage, type WaitidInfo } from './waits.js';

export const getpid = (): number => sys('getpid', []);
export const getppid = (): number => sys('getppid', []);
/** The calling thread's id (the main thread's equals getpid()). */
export const gettid = (): number => sys('gettid', []);
export const getuid = (): number => sys('getuid', []);
export const geteuid = (): number => sys('geteuid', []);
export const getgid = (): number => sys('getgid', []);
export const getegid = (): number => sys('getegid', []);

/** kill(2): `sig` a number (0 only checks) or a name ('SIGTERM'). */
export function kill(pid: number, sig: number | NodeJS.Signals = 'SIGTERM'): void {
  const p = i32Arg(pid, 'pid');
  let s: number;
  if (typeof sig === 'string') {
    const v = (os.constants.signals as Record<string, number | undefined>)[sig];
    if (v === undefined) throw new TypeError(`Unknown signal: ${sig}`);
    s = v;
  } else s = int(sig, 'sig', 0, 64);
  sys('kill', [p, s]);
}

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

/** uname(2). */
export function uname(): Utsname {
  const b = Buffer.alloc(6 * 65);
  sys('uname', [addressOf(b)], [b]);
  const field = (i: number): string => {
    const f = b.subarray(i * 65, (i + 1) * 65);
    const nul = f.indexOf(0);
    return f.toString('utf8', 0, nul === -1 ? 65 : nul);
  };
  return { sysname: field(0), nodename: field(1), release: field(2), version: field(3), machine: field(4), domainname: field(5) };
}

/**
 * exit_group(2): end the process now, every thread, with `status & 0xff`. Nothing more runs: no
 * 'exit' handlers, and output Node still has buffered (asynchronous stdout) is lost.
 */
export function exit(status = 0): never {
  sys('exit_group', [i32Arg(status, 'status')]);
  throw new Error('exit_group returned');
}

// ---------------------------------------------------------------- groups, sessions, priority

/** getpgid(2) (0: this process). */
export const getpgid = row('getpgid', ['int']);
/** getpgrp(2). */
export const getpgrp = row('getpgrp', []);
/** getsid(2) (0: this process). */
export const getsid = row('getsid', ['int']);
/** setsid(2): a new session (fails with EPERM for a process-group leader, as a shell's child usually is not). */
export const setsid = row('setsid', []);
/** setpgid(2). */
export const setpgid = rowVoid('setpgid', ['int', 'int']);
/**
 * getpriority(2), the raw syscall: returns 20 - nice (1..40), as the kernel does; glibc's wrapper
 * gives the nice value itself.
 */
export const getpriority = row('getpriority', ['int', 'int']);
/** setpriority(2): `prio` is the nice value (-20..19). */
export const setpriority = rowVoid('setpriority', ['int', 'int', 'int']);

// ---------------------------------------------------------------- resources

/** A resource limit; `RLIM_INFINITY` is 2^64-1. */
export interface Rlimit {
  cur: bigint;
  max: bigint;
}
export const RLIM_INFINITY = (1n << 64n) - 1n;

const RLIMIT = struct(16, { cur: ['u64', 0], max: ['u64', 8] });

/** getrlimit(2): RLIMIT_*. */
export function getrlimit(resource: number): Rlimit {
  const b = Buffer.alloc(16);
  sys('getrlimit', [i32Arg(resource, 'resource'), addressOf(b)], [b]);
  return RLIMIT.decode(b);
}

/** setrlimit(2). */
export function setrlimit(resource: number, limit: Rlimit): void {
  const b = RLIMIT.encode(limit);
  sys('setrlimit', [i32Arg(resource, 'resource'), addressOf(b)], [b]);
}

/** prlimit64(2): another process's limit; sets `limit` unless null; returns the old one. */
export function prlimit(pid: number, resource: number, limit: Rlimit | null = null): Rlimit {
  const nb = limit === null ? null : RLIMIT.encode(limit);
  const old = Buffer.alloc(16);
  sys('prlimit64', [i32Arg(pid, 'pid'), i32Arg(resource, 'resource'), nb ? addressOf(nb) : 0, addressOf(old)], [nb, old]);
  return RLIMIT.decode(old);
}

export { RUSAGE, WAITID_SIGINFO, type Rusage, type WaitidInfo } from './waits.js';

/** getrusage(2): RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD. */
export function getrusage(who: number): Rusage {
  const b = Buffer.alloc(RUSAGE.size);
  sys('getrusage', [flagsArg(who, 'who'), addressOf(b)], [b]);
  return RUSAGE.decode(b);
}

// ---------------------------------------------------------------- identity

/**
 * The set*id calls below are the raw syscalls: they change the credentials of the calling thread
 * only (glibc's wrappers signal every thread to do the same; Node's worker and libuv threads keep
 * theirs). That is the kernel's rule, and why x/sys/unix documents the same.
 */
export const setuid = rowVoid('setuid', ['uint']);
export const setgid = rowVoid('setgid', ['uint']);
export const setreuid = rowVoid('setreuid', ['int', 'int']);
export const setregid = rowVoid('setregid', ['int', 'int']);
export const setresuid = rowVoid('setresuid', ['int', 'int', 'int']);
export const setresgid = rowVoid('setresgid', ['int', 'int', 'int']);
/** setfsuid(2): returns the previous fsuid (-1 only reads it). */
export const setfsuid = row('setfsuid', ['int']);
/** setfsgid(2): returns the previous fsgid. */
export const setfsgid = row('setfsgid', ['int']);

function resIds(name: string): { r: number; e: number; s: number } {
  const b = Buffer.alloc(12);
  sys(name, [addressOf(b), addressOf(b) + 4n, addressOf(b) + 8n], [b]);
  return { r: b.readUInt32LE(0), e: b.readUInt32LE(4), s: b.readUInt32LE(8) };
}
/** getresuid(2): real, effective and saved uids. */
export const getresuid = (): { r: number; e: number; s: number } => resIds('getresuid');
/** getresgid(2). */
export const getresgid = (): { r: number; e: number; s: number } => resIds('getresgid');

/** getgroups(2): the supplementary group ids. */
export function getgroups(): number[] {
  const n = sys('getgroups', [0, 0]);
  const b = Buffer.alloc(Math.max(n, 1) * 4);
  const got = sys('getgroups', [n, addressOf(b)], [b]);
  return Array.from({ length: got }, (_, i) => b.readUInt32LE(i * 4));
}

/** setgroups(2) (this thread only, as set*id). */
export function setgroups(gids: readonly number[]): void {
  const list = arrayArg<number>(gids, 'gids');
  const b = Buffer.alloc(Math.max(list.length, 1) * 4);
  list.forEach((g, i) => b.writeUInt32LE(u32Arg(g, `gids[${i}]`), i * 4));
  sys('setgroups', [list.length, addressOf(b)], [b]);
}

/** A capability set for capget/capset: 64-bit masks (the kernel's two 32-bit words joined). */
export interface CapSets {
  effective: bigint;
  permitted: bigint;
  inheritable: bigint;
}
const CAP_V3 = 0x20080522;

/** capget(2) of `pid` (0: this thread), with _LINUX_CAPABILITY_VERSION_3. */
export function capget(pid = 0): CapSets {
  const hdr = Buffer.alloc(8);
  hdr.writeUInt32LE(CAP_V3, 0);
  hdr.writeInt32LE(i32Arg(pid, 'pid'), 4);
  const d = Buffer.alloc(24);
  sys('capget', [addressOf(hdr), addressOf(d)], [hdr, d]);
  const mask = (off: number): bigint => BigInt(d.readUInt32LE(off)) | (BigInt(d.readUInt32LE(off + 12)) << 32n);
  return { effective: mask(0), permitted: mask(4), inheritable: mask(8) };
}

/** capset(2) of this thread. */
export function capset(sets: CapSets): void {
  const hdr = Buffer.alloc(8);
  hdr.writeUInt32LE(CAP_V3, 0);
  const d = Buffer.alloc(24);
  ([['effective', 0], ['permitted', 4], ['inheritable', 8]] as const).forEach(([k, off]) => {
    const v = BigInt.asUintN(64, offArg(sets[k], k));
    d.writeUInt32LE(Number(v & 0xffffffffn), off);
    d.writeUInt32LE(Number(v >> 32n), off + 12);
  });
  sys('capset', [addressOf(hdr), addressOf(d)], [hdr, d]);
}

/** prctl(2): PR_* option and up to four integer arguments; returns the kernel's result. */
export const prctl = row('prctl', ['int'], ['off', 'off', 'off', 'off']);

/** CPU affinity: the CPU numbers a thread may run on. */
export function sched_getaffinity(pid = 0): number[] {
  const b = Buffer.alloc(128);
  const n = sys('sched_getaffinity', [i32Arg(pid, 'pid'), b.length, addressOf(b)], [b]);
  const cpus: number[] = [];
  for (let i = 0; i < n * 8; i++) if (b[i >> 3]! & (1 << (i & 7))) cpus.push(i);
  return cpus;
}

/** sched_setaffinity(2) of `pid` (0: this thread) to the CPUs listed. */
export function sched_setaffinity(pid: number, cpus: readonly number[]): void {
  const b = Buffer.alloc(128);
  for (const [i, c] of arrayArg<number>(cpus, 'cpus').entries()) {
    const n = int(c, `cpus[${i}]`, 0, 1023);
    b[n >> 3]! |= 1 << (n & 7);
  }
  sys('sched_setaffinity', [i32Arg(pid, 'pid'), b.length, addressOf(b)], [b]);
}

/** A `struct sched_attr` (56 bytes). */
export const SCHED_ATTR = struct(56, {
  size: ['u32', 0], policy: ['u32', 4], flags: ['u64', 8], nice: ['i32', 16], priority: ['u32', 20],
  runtime: ['u64', 24], deadline: ['u64', 32], period: ['u64', 40], utilMin: ['u32', 48], utilMax: ['u32', 52],
});
export type SchedAttr = ReturnType<typeof SCHED_ATTR.decode>;

/** sched_getattr(2). */
export function sched_getattr(pid: number, flags = 0): SchedAttr {
  const b = Buffer.alloc(SCHED_ATTR.size);
  sys('sched_getattr', [i32Arg(pid, 'pid'), addressOf(b), b.length, flagsArg(flags)], [b]);
  return SCHED_ATTR.decode(b);
}

/** sched_setattr(2) (`size` is filled in). */
export function sched_setattr(pid: number, attr: Parameters<typeof SCHED_ATTR.encode>[0], flags = 0): void {
  const b = SCHED_ATTR.encode({ ...attr, size: SCHED_ATTR.size });
  sys('sched_setattr', [i32Arg(pid, 'pid'), addressOf(b), flagsArg(flags)], [b]);
}

// ---------------------------------------------------------------- children, pidfds, signals

/** What wait4 reports: the child's pid (0 with WNOHANG and none ready), its wait status and rusage. */
export interface Wait4Result {
  pid: number;
  status: number;
  rusage: Rusage;
}

/** wait4(2). Blocks unless WNOHANG (use unix.async.wait4). Node's own children are reaped by Node. */
export function wait4(pid: number, options = 0): Wait4Result {
  const a = wait4Args(pid, options);
  const r = sys('wait4', a.regs, [a]);
  return { pid: r, status: a.st.readInt32LE(0), rusage: RUSAGE.decode(a.ru) };
}

/** waitid(2): P_ALL/P_PID/P_PGID/P_PIDFD, WEXITED|WSTOPPED|WCONTINUED, WNOHANG, WNOWAIT. */
export function waitid(idtype: number, id: number, options: number): { info: WaitidInfo; rusage: Rusage } {
  const a = waitidArgs(idtype, id, options);
  sys('waitid', a.regs, [a]);
  return { info: WAITID_SIGINFO.decode(a.si), rusage: RUSAGE.decode(a.ru) };
}

/** pidfd_open(2): PIDFD_NONBLOCK. */
export const pidfd_open = row('pidfd_open', ['int'], ['flags']);
/** pidfd_getfd(2): a copy of another process's fd. */
export const pidfd_getfd = row('pidfd_getfd', ['fd', 'int'], ['flags']);

/** pidfd_send_signal(2) (no siginfo: as kill). */
export function pidfd_send_signal(pidfd: number, sig: number | NodeJS.Signals, flags = 0): void {
  sys('pidfd_send_signal', [fdArg(pidfd, 'pidfd'), typeof sig === 'string' ? signalNum(sig) : int(sig, 'sig', 0, 64), 0, flagsArg(flags)]);
}

/** tgkill(2): a signal to one thread. */
export function tgkill(tgid: number, tid: number, sig: number | NodeJS.Signals): void {
  sys('tgkill', [i32Arg(tgid, 'tgid'), i32Arg(tid, 'tid'), typeof sig === 'string' ? signalNum(sig) : int(sig, 'sig', 0, 64)]);
}

/** A signal's number from its name ('SIGTERM'); 0 if unknown (SignalNum). */
export const signalNum = (name: string): number => (os.constants.signals as Record<string, number | undefined>)[name] ?? 0;
/** A signal's name from its number ('SIGTERM'); '' if unknown (SignalName). */
export const signalName = (sig: number): string => SIGNAL_NAMES[sig] ?? '';
/** An errno's name ('ENOENT'); '' if unknown (ErrnoName). */
export const errnoName = (errno: number): string => ERRNO_NAMES[errno] ?? '';

/**
 * execve(2): replace this process (Node and every thread) with `path`. Returns only by throwing.
 * `argv[0]` is the program's name as it will see it. Node marks its own descriptors close-on-exec,
 * stdio included when it is a pipe: clear FD_CLOEXEC (`fcntlInt(fd, F_SETFD, 0)`) on those the
 * program should keep.
 */
export function exec(path: PathLike, argv: readonly string[], envv: readonly string[]): never {
  const p = pathArg(path);
  const args = cStringArray(arrayArg<string>(argv, 'argv').map((s) => Buffer.from(s, 'utf8')));
  const env = cStringArray(arrayArg<string>(envv, 'envv').map((s) => Buffer.from(s, 'utf8')));
  sys('execve', [addressOf(p.c), addressOf(args.ptrs), addressOf(env.ptrs)], [p, args, env], { path: p.text });
  throw new Error('execve returned');
}

// ---------------------------------------------------------------- system

/** A `struct sysinfo`. */
export const SYSINFO = struct(112, {
  uptime: ['i64', 0], loads1: ['u64', 8], loads5: ['u64', 16], loads15: ['u64', 24], totalram: ['u64', 32],
  freeram: ['u64', 40], sharedram: ['u64', 48], bufferram: ['u64', 56], totalswap: ['u64', 64], freeswap: ['u64', 72],
  procs: ['u16', 80], totalhigh: ['u64', 88], freehigh: ['u64', 96], memUnit: ['u32', 104],
});
export type Sysinfo = ReturnType<typeof SYSINFO.decode>;

/** sysinfo(2). */
export function sysinfo(): Sysinfo {
  const b = Buffer.alloc(SYSINFO.size);
  sys('sysinfo', [addressOf(b)], [b]);
  return SYSINFO.decode(b);
}

/** getrandom(2) into `buf`: GRND_NONBLOCK, GRND_RANDOM. Returns the byte count. */
export const getrandom = row('getrandom', ['buf'], ['flags']);

/** klogctl (the syslog syscall): SYSLOG_ACTION_*; `buf` for the read actions, or null. */
export function klogctl(type: number, buf: Uint8Array | null = null): number {
  const b = buf === null ? null : bytesArg(buf, 'buf');
  return sys('syslog', [i32Arg(type, 'type'), b ? addressOf(b) : 0, b ? b.byteLength : 0], [b]);
}

/** Klogset: klogctl with an integer argument (SYSLOG_ACTION_CONSOLE_LEVEL). */
export const klogset = rowVoid('syslog', ['int', 0, 'int']);

/** process_vm_readv(2): read another process's memory at `remote` (address, length) pairs into `local`. */
export function process_vm_readv(pid: number, local: Uint8Array[], remote: readonly { addr: bigint; len: number }[], flags = 0): number {
  return processVm('process_vm_readv', pid, local, remote, flags);
}

/** process_vm_writev(2). */
export function process_vm_writev(pid: number, local: Uint8Array[], remote: readonly { addr: bigint; len: number }[], flags = 0): number {
  return processVm('process_vm_writev', pid, local, remote, flags);
}

function processVm(name: string, pid: number, local: Uint8Array[], remote: readonly { addr: bigint; len: number }[], flags: number): number {
  const l = iovecs(local, 'local');
  const rl = arrayArg<{ addr: bigint; len: number }>(remote, 'remote');
  const r = Buffer.alloc(Math.max(rl.length, 1) * 16);
  rl.forEach((x, i) => {
    r.writeBigUInt64LE(BigInt.asUintN(64, offArg(x.addr, `remote[${i}].addr`)), i * 16);
    r.writeBigUInt64LE(BigInt(int(x.len, `remote[${i}].len`, 0, Number.MAX_SAFE_INTEGER)), i * 16 + 8);
  });
  return sys(name, [i32Arg(pid, 'pid'), addressOf(l.iov), l.list.length, addressOf(r), rl.length, flagsArg(flags)], [l, r]);
}

/** perf_event_open(2) with a raw `struct perf_event_attr` (its size field filled in by the caller). */
export const perf_event_open = row('perf_event_open', ['ptr', 'int', 'int', 'int', 'flags']);
