import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Value } from '../../src/decode/value.js';
import { flags, lookup, symbol, type Xlat } from '../../src/decode/xlat/core.js';
import {
  ERRNO_ALIASES,
  ERRNO_MESSAGES,
  ERRNO_NAMES,
  errnoByName,
  errnoMessage,
  errnoName,
  errorReturnText,
} from '../../src/decode/xlat/errno.js';
import {
  SIGNAL_DESCRIPTIONS,
  SIGNAL_NAMES,
  signalByName,
  signalDescription,
  signame,
  sigsetNames,
  sprintSigmask,
} from '../../src/decode/xlat/signals.js';
import * as tables from '../../src/decode/xlat/tables.js';
import * as desc from '../../src/decode/xlat/desc.js';
import * as file from '../../src/decode/xlat/file.js';
import * as ioctls from '../../src/decode/xlat/ioctls.js';
import * as mem from '../../src/decode/xlat/mem.js';
import * as net from '../../src/decode/xlat/net.js';
import * as proc from '../../src/decode/xlat/proc.js';
import * as sigtime from '../../src/decode/xlat/sigtime.js';

/** The tables, wherever their owner keeps them. */
const T = { ...tables, ...desc, ...file, ...ioctls, ...mem, ...net, ...proc, ...sigtime };

// ---------------------------------------------------------------- helpers

/** Render a flags/sym/int/note value the way strace's text does, enough for these checks. */
function render(v: Value): string {
  switch (v.k) {
    case 'flags': {
      const parts = [...v.names];
      if (v.rest !== 0n || parts.length === 0) parts.push(v.rest === 0n ? '0' : '0x' + v.rest.toString(16));
      return parts.join('|');
    }
    case 'sym':
      return v.name;
    case 'int':
      return v.fmt === 'x' ? '0x' + v.v.toString(16) : v.v.toString();
    case 'note':
      return `${render(v.v)} /* ${v.text} */`;
    default:
      throw new Error(`unexpected value kind ${v.k}`);
  }
}

/** open(2) flags as strace 6.1 prints them: access mode, then the other flags. */
function openFlags(v: bigint): string {
  const mode = lookup(T.OPEN_ACCMODE, v & 3n);
  assert.ok(mode !== undefined);
  const rest = v & ~3n;
  return rest === 0n ? mode : `${mode}|${render(flags(T.OPEN_FLAGS, rest))}`;
}

/** mmap flags as strace 6.1 prints them (type, other flags, MAP_HUGE field). */
function mmapFlags(v: bigint): string {
  let s = render(symbol(T.MMAP_TYPE, v & T.MAP_TYPE_MASK, 'x', 'MAP_???'));
  const huge = (v >> T.MAP_HUGE_SHIFT) & T.MAP_HUGE_MASK;
  const rest = v & ~T.MAP_TYPE_MASK & ~(T.MAP_HUGE_MASK << T.MAP_HUGE_SHIFT);
  if (rest !== 0n) s += '|' + render(flags(T.MMAP_FLAGS, rest));
  if (huge !== 0n) s += `|${huge}<<MAP_HUGE_SHIFT`;
  return s;
}

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

interface PyFacts {
  strerror: Record<string, string>;
  errorcode: Record<string, string>;
  errnoAttr: Record<string, number | null>;
  strsignal: Record<string, string | null>;
}

let pyFacts: PyFacts | null | undefined;
/** glibc facts via python3 (one process), or null when python3 is missing. */
function py(): PyFacts | null {
  if (pyFacts !== undefined) return pyFacts;
  if (!which('python3')) return (pyFacts = null);
  const names = JSON.stringify([...Object.values(ERRNO_NAMES), ...Object.keys(ERRNO_ALIASES)]);
  const script = `
import errno, json, os, signal, sys
names = json.loads(sys.argv[1])
print(json.dumps({
  "strerror": {n: os.strerror(n) for n in range(1, 141)},
  "errorcode": {n: errno.errorcode[n] for n in range(1, 141) if n in errno.errorcode},
  "errnoAttr": {s: getattr(errno, s, None) for s in names},
  "strsignal": {n: signal.strsignal(n) for n in range(1, 65)},
}))`;
  pyFacts = JSON.parse(execFileSync('python3', ['-c', script, names], { encoding: 'utf8' })) as PyFacts;
  return pyFacts;
}

// ---------------------------------------------------------------- errno

test('errno messages equal glibc strerror (python3 os.strerror) for 1..133', (t) => {
  const p = py();
  if (!p) return t.skip('python3 not available');
  for (let n = 1; n <= 133; n++) {
    assert.equal(ERRNO_MESSAGES[n], p.strerror[n], `errno ${n}`);
    assert.equal(errnoMessage(n), p.strerror[n], `errnoMessage(${n})`);
  }
  // Past the table: glibc's fallback text.
  assert.equal(errnoMessage(134), p.strerror[134]);
  assert.equal(errnoMessage(4095), 'Unknown error 4095');
});

test('errno names agree with glibc/python where the primary name is the same', (t) => {
  const p = py();
  if (!p) return t.skip('python3 not available');
  let compared = 0;
  for (let n = 1; n <= 133; n++) {
    const pyName: string | undefined = p.errorcode[n];
    if (pyName === undefined) {
      // python knows no name: strace has none either, except EHWPOISON (newer than python's list).
      if (n !== 133) assert.equal(errnoName(n), undefined, `errno ${n}`);
      continue;
    }
    if (pyName in ERRNO_ALIASES) {
      // python prefers ENOTSUP/EDEADLOCK; strace prints EOPNOTSUPP/EDEADLK/EAGAIN.
      assert.equal(ERRNO_ALIASES[pyName], n);
      assert.notEqual(errnoName(n), pyName);
      continue;
    }
    assert.equal(errnoName(n), pyName, `errno ${n}`);
    compared++;
  }
  assert.ok(compared >= 125, `only ${compared} names compared`);
  // Every strace name below 134 that python knows has the same value there.
  for (const [v, name] of Object.entries(ERRNO_NAMES)) {
    const pv: number | null | undefined = p.errnoAttr[name];
    if (Number(v) < 134 && pv !== null && pv !== undefined) assert.equal(pv, Number(v), name);
  }
  for (const [alias, v] of Object.entries(ERRNO_ALIASES)) assert.equal(p.errnoAttr[alias], v, alias);
});

test('errno printing follows strace 6.1', () => {
  assert.equal(errnoName(11), 'EAGAIN');
  assert.equal(errnoName(35), 'EDEADLK');
  assert.equal(errnoName(95), 'EOPNOTSUPP');
  assert.equal(errnoName(41), undefined);
  assert.equal(errnoName(58), undefined);
  assert.equal(errnoName(519), undefined);
  assert.equal(errnoName(524), 'ENOTSUPP');
  assert.equal(errnoName(530), 'ERECALLCONFLICT');
  assert.equal(errnoName(531), undefined);
  // Texts as /usr/bin/strace 6.1 printed them for injected errors.
  assert.equal(errorReturnText(2), '-1 ENOENT (No such file or directory)');
  assert.equal(errorReturnText(11), '-1 EAGAIN (Resource temporarily unavailable)');
  assert.equal(errorReturnText(95), '-1 EOPNOTSUPP (Operation not supported)');
  assert.equal(errorReturnText(133), '-1 EHWPOISON (Memory page has hardware error)');
  assert.equal(errorReturnText(41), '-1 (errno 41)');
  assert.equal(errorReturnText(519), '-1 (errno 519)');
  assert.equal(errorReturnText(4095), '-1 (errno 4095)');
  assert.equal(errorReturnText(515), '-1 ENOIOCTLCMD (Unknown error 515)');
  assert.equal(errorReturnText(524), '-1 ENOTSUPP (Unknown error 524)');
  assert.equal(errorReturnText(512), '? ERESTARTSYS (To be restarted if SA_RESTART is set)');
  assert.equal(errorReturnText(513), '? ERESTARTNOINTR (To be restarted)');
  assert.equal(errorReturnText(514), '? ERESTARTNOHAND (To be restarted if no handler)');
  assert.equal(errorReturnText(516), '? ERESTART_RESTARTBLOCK (Interrupted by signal)');
  assert.equal(errorReturnText(512, true), '-1 ERESTARTSYS (Unknown error 512)');
  assert.equal(errnoByName('ENOENT'), 2);
  assert.equal(errnoByName('eagain'), 11);
  assert.equal(errnoByName('ERESTARTSYS'), 512);
  assert.equal(errnoByName('EWOULDBLOCK'), undefined);
  assert.equal(errnoByName('ENOPARAM'), undefined);
});

// ---------------------------------------------------------------- signals

test('signal descriptions equal glibc strsignal (python3 signal.strsignal)', (t) => {
  const p = py();
  if (!p) return t.skip('python3 not available');
  for (let n = 1; n <= 64; n++) {
    // python hides glibc's "Unknown signal N" (32 and 33) as None.
    const want: string = p.strsignal[n] ?? `Unknown signal ${n}`;
    assert.equal(SIGNAL_DESCRIPTIONS[n], want, `signal ${n}`);
    assert.equal(signalDescription(n), want);
  }
  assert.equal(SIGNAL_DESCRIPTIONS[32], 'Unknown signal 32');
  assert.equal(SIGNAL_DESCRIPTIONS[34], 'Real-time signal 0');
});

test('signal names as strace 6.1 prints them', () => {
  assert.equal(SIGNAL_NAMES[29], 'SIGIO');
  assert.equal(SIGNAL_NAMES[16], 'SIGSTKFLT');
  assert.equal(signame(0), '0');
  assert.equal(signame(-3), '-3');
  assert.equal(signame(9), 'SIGKILL');
  assert.equal(signame(31), 'SIGSYS');
  assert.equal(signame(32), 'SIGRTMIN');
  assert.equal(signame(33), 'SIGRT_1');
  assert.equal(signame(40), 'SIGRT_8');
  assert.equal(signame(64), 'SIGRT_32');
  assert.equal(signame(65), '65');
  assert.equal(signalByName('SIGINT'), 2);
  assert.equal(signalByName('int'), 2);
  assert.equal(signalByName('RTMIN'), 32);
  assert.equal(signalByName('SIGRT_3'), 35);
  assert.equal(signalByName('rt_32'), 64);
  assert.equal(signalByName('9'), 9);
  assert.equal(signalByName('256'), undefined);
  assert.equal(signalByName('SIGPOLL'), undefined);
  assert.equal(signalByName('SIGRTMAX'), undefined);
});

test('sigset rendering follows strace 6.1 sprintsigmask_n', () => {
  const bits = (...sigs: number[]) => sigs.reduce((m, s) => m | (1n << BigInt(s - 1)), 0n);
  assert.deepEqual(sigsetNames(0n), { names: [], inverted: false });
  assert.equal(sprintSigmask(0n), '[]');
  assert.equal(sprintSigmask(bits(2, 15)), '[INT TERM]');
  assert.equal(sprintSigmask(bits(32, 33, 64)), '[RTMIN RT_1 RT_32]');
  assert.equal(sprintSigmask(bits(2, 15, 35, 36)), '[INT TERM RT_3 RT_4]');
  assert.equal(sprintSigmask(~0n), '~[]');
  // 42 of 64 bits is the threshold (64*2/3 rounded down); 41 prints the set itself.
  const first = (k: number) => (1n << BigInt(k)) - 1n;
  const s42 = sigsetNames(first(42));
  assert.equal(s42.inverted, true);
  assert.deepEqual(s42.names, Array.from({ length: 22 }, (_, i) => `RT_${i + 11}`));
  const s41 = sigsetNames(first(41));
  assert.equal(s41.inverted, false);
  assert.equal(s41.names.length, 41);
  assert.equal(s41.names[0], 'HUP');
  assert.equal(s41.names.at(-1), 'RT_9');
  // Everything but KILL, STOP and the two glibc-internal signals.
  let all = first(64);
  for (const s of [9, 19, 32, 33]) all &= ~bits(s);
  assert.equal(sprintSigmask(all), '~[KILL STOP RTMIN RT_1]');
  // A 4-byte set: one word, threshold 21 of 32; higher bits are outside the set.
  assert.equal(sigsetNames(first(21), 4).inverted, true);
  assert.equal(sigsetNames(first(20), 4).inverted, false);
  assert.equal(sprintSigmask(first(31) | bits(40), 4), '~[RTMIN]');
});

// ---------------------------------------------------------------- flag renderings

test('flag renderings match strace 6.1 output', () => {
  // O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC
  assert.equal(openFlags(0x1n | 0x40n | 0x200n | 0x80000n), 'O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC');
  assert.equal(openFlags(0n), 'O_RDONLY');
  assert.equal(openFlags(0x2n | 0x800n | 0x101000n | 0x8000n | 0x410000n), 'O_RDWR|O_NONBLOCK|O_SYNC|O_LARGEFILE|O_TMPFILE');
  assert.equal(openFlags(0x100000n), 'O_RDONLY|__O_SYNC');
  assert.equal(openFlags(0x1000n | 0x10000n), 'O_RDONLY|O_DSYNC|O_DIRECTORY');
  assert.equal(openFlags(3n | 0x80000000n), 'O_ACCMODE|0x80000000');
  assert.equal(render(flags(T.PIPE_FLAGS, 0x80000n | 0x800n | 0x4000n)), 'O_NONBLOCK|O_DIRECT|O_CLOEXEC');
  assert.equal(render(flags(T.MMAP_PROT, 0n)), 'PROT_NONE');
  assert.equal(render(flags(T.MMAP_PROT, 0x1000003n)), 'PROT_READ|PROT_WRITE|PROT_GROWSDOWN');
  assert.equal(mmapFlags(0x22n), 'MAP_PRIVATE|MAP_ANONYMOUS');
  assert.equal(mmapFlags(0x22n | (21n << 26n) | 0x4000000n), 'MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT');
  assert.equal(mmapFlags(0x20n), 'MAP_FILE|MAP_ANONYMOUS');
  assert.equal(mmapFlags(0x27n), '0x7 /* MAP_??? */|MAP_ANONYMOUS');
  assert.equal(render(flags(T.SA_FLAGS, 0x14000404n)), 'SA_RESTORER|SA_RESTART|SA_SIGINFO|0x400');
  assert.equal(render(flags(T.WAIT_OPTIONS, 0x40000103n)), 'WNOHANG|WSTOPPED|__WALL|0x100');
  assert.equal(render(flags(T.AT_STATX_SYNC, 0x6000n)), 'AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC');
  assert.equal(render(flags(T.AT_STATX_SYNC, 0n)), 'AT_STATX_SYNC_AS_STAT');
  assert.equal(render(flags(T.AT_FLAGS, 0x900n)), 'AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT');
  assert.equal(render(flags(T.STATX_MASK, 0xfffn | 0x80000000n)), 'STATX_ALL|0x80000000');
  assert.equal(render(flags(T.STATX_MASK, 0x7ffn)), 'STATX_BASIC_STATS');
  assert.equal(render(flags(T.ACCESS_MODES, 0n)), 'F_OK');
  assert.equal(render(flags(T.ACCESS_MODES, 15n)), 'R_OK|W_OK|X_OK|0x8');
  assert.equal(render(flags(T.CLONE_FLAGS, 0x10000200n)), 'CLONE_FS|CLONE_NEWUSER');
  assert.equal(render(flags(T.SOCK_TYPE_FLAGS, 0x80800n)), 'SOCK_CLOEXEC|SOCK_NONBLOCK');
  assert.equal(render(flags(T.EPOLL_EVENTS, 0x80000001n)), 'EPOLLIN|EPOLLET');
  assert.equal(render(symbol(T.FUTEX_OPS, 0x189n, 'x', 'FUTEX_???')), 'FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME');
  assert.equal(render(symbol(T.FUTEX_OPS, 0x101n, 'x', 'FUTEX_???')), '0x101 /* FUTEX_??? */');
  assert.equal(render(symbol(T.SIGPROCMASK_HOW, 7n, 'x', 'SIG_???')), '0x7 /* SIG_??? */');
  assert.equal(lookup(T.SOCKOPT_LEVELS, 6n), 'SOL_TCP');
  assert.equal(lookup(T.SOCKOPT_LEVELS, 40n), 'AF_VSOCK');
  assert.equal(lookup(T.IPPROTO, 6n), 'IPPROTO_TCP');
  assert.equal(lookup(T.SOL_SOCKET_GETSOCKOPT, 26n), 'SO_GET_FILTER');
  assert.equal(lookup(T.SOL_SOCKET_SETSOCKOPT, 26n), 'SO_ATTACH_FILTER');
  assert.equal(lookup(T.IOCTL_TERMINAL, 0x5401n), 'TCGETS');
  assert.equal(lookup(T.IOCTL_TERMINAL, 0x5402n), 'SNDCTL_TMR_START or TCSETS');
  assert.equal(lookup(T.IOCTL_TERMINAL, 0x5413n), 'TIOCGWINSZ');
  assert.equal(lookup(T.SA_HANDLER_VALUES, 0xffffffffffffffffn), 'SIG_ERR');
});

/** Tables of values strace prints as signed ints (KEY_SPEC_THREAD_KEYRING is -1). */
const SIGNED = new Set(['KEY_REQKEYS', 'KEY_SPEC']);

test('tables have unique names and non-negative values', () => {
  for (const [name, x] of Object.entries(T)) {
    if (typeof x !== 'object' || x === null || !('pairs' in x)) continue;
    const names = (x as Xlat).pairs.map(([, n]) => n);
    assert.equal(new Set(names).size, names.length, `${name}: duplicate names`);
    if (!SIGNED.has(name)) for (const [v] of (x as Xlat).pairs) assert.ok(v >= 0n, `${name}: negative value`);
  }
});

// ---------------------------------------------------------------- values vs. C headers

/** Names whose strace value deliberately differs from what glibc's headers say on x86_64. */
const DIFFERS_FROM_GLIBC = new Set([
  'O_LARGEFILE', // glibc: 0 on x86_64; strace uses the kernel's 0x8000
  '__O_TMPFILE', // glibc folds O_DIRECTORY into it
  'F_GETLK64', // glibc: 5/6/7 on x86_64; strace uses the 32-bit ABI numbers
  'F_SETLK64',
  'F_SETLKW64',
  'SIGRTMIN', // glibc: a function call, 34 at run time
]);

/** Tables whose names are also C macros worth checking. */
const CHECKED: Array<[string, Xlat]> = [
  ['OPEN_ACCMODE', T.OPEN_ACCMODE], ['OPEN_FLAGS', T.OPEN_FLAGS], ['AT_FLAGS', T.AT_FLAGS],
  ['AT_STATX_SYNC', T.AT_STATX_SYNC], ['FACCESSAT_FLAGS', T.FACCESSAT_FLAGS],
  ['ACCESS_MODES', T.ACCESS_MODES], ['FCNTL_CMDS', T.FCNTL_CMDS], ['FD_FLAGS', T.FD_FLAGS],
  ['SEEK_WHENCE', T.SEEK_WHENCE], ['STATX_MASK', T.STATX_MASK], ['STATX_ATTRS', T.STATX_ATTRS],
  ['S_IFMT_TYPES', T.S_IFMT_TYPES], ['DIRENT_TYPES', T.DIRENT_TYPES],
  ['CLOSE_RANGE_FLAGS', T.CLOSE_RANGE_FLAGS], ['MMAP_PROT', T.MMAP_PROT],
  ['MMAP_TYPE', T.MMAP_TYPE], ['MMAP_FLAGS', T.MMAP_FLAGS], ['MADVISE_ADVICE', T.MADVISE_ADVICE],
  ['MREMAP_FLAGS', T.MREMAP_FLAGS], ['MSYNC_FLAGS', T.MSYNC_FLAGS], ['RESOURCES', T.RESOURCES],
  ['ARCH_PRCTL_CODES', T.ARCH_PRCTL_CODES], ['GETRANDOM_FLAGS', T.GETRANDOM_FLAGS],
  ['FUTEX_OPS', T.FUTEX_OPS], ['FUTEX_BITSET', T.FUTEX_BITSET], ['CLOCK_IDS', T.CLOCK_IDS],
  ['TIMER_FLAGS', T.TIMER_FLAGS], ['TFD_FLAGS', T.TFD_FLAGS], ['ITIMER_WHICH', T.ITIMER_WHICH],
  ['PRCTL_OPTIONS', T.PRCTL_OPTIONS], ['CLONE_FLAGS', T.CLONE_FLAGS],
  ['WAIT_OPTIONS', T.WAIT_OPTIONS], ['WAITID_TYPES', T.WAITID_TYPES],
  ['SIGPROCMASK_HOW', T.SIGPROCMASK_HOW], ['SA_FLAGS', T.SA_FLAGS],
  ['SOCKET_FAMILIES', T.SOCKET_FAMILIES], ['SOCKET_TYPES', T.SOCKET_TYPES],
  ['SOCK_TYPE_FLAGS', T.SOCK_TYPE_FLAGS], ['IPPROTO', T.IPPROTO], ['MSG_FLAGS', T.MSG_FLAGS],
  ['SHUTDOWN_MODES', T.SHUTDOWN_MODES], ['SOCKOPT_LEVELS', T.SOCKOPT_LEVELS],
  ['SOL_SOCKET_GETSOCKOPT', T.SOL_SOCKET_GETSOCKOPT], ['SOL_SOCKET_SETSOCKOPT', T.SOL_SOCKET_SETSOCKOPT],
  ['TCP_OPTIONS', T.TCP_OPTIONS], ['EPOLL_EVENTS', T.EPOLL_EVENTS], ['EPOLL_CTL_OPS', T.EPOLL_CTL_OPS],
  ['EPOLL_CREATE_FLAGS', T.EPOLL_CREATE_FLAGS], ['POLL_EVENTS', T.POLL_EVENTS],
  ['EFD_FLAGS', T.EFD_FLAGS], ['SFD_FLAGS', T.SFD_FLAGS], ['TCFLSH_QUEUES', T.TCFLSH_QUEUES],
  ['TCXONC_ACTIONS', T.TCXONC_ACTIONS],
];

/** These must be found in the headers, or the check proves little. */
const REQUIRED = [
  'O_CREAT', 'O_TRUNC', 'O_CLOEXEC', 'O_DIRECTORY', 'O_SYNC', 'O_TMPFILE', 'O_LARGEFILE', '__O_SYNC',
  '__O_TMPFILE', 'AT_SYMLINK_NOFOLLOW', 'AT_EMPTY_PATH', 'AT_STATX_DONT_SYNC', 'MAP_ANONYMOUS',
  'MAP_FIXED_NOREPLACE', 'MAP_UNINITIALIZED', 'PROT_GROWSDOWN', 'PROT_SEM', 'MADV_DONTNEED',
  'SEEK_DATA', 'RLIMIT_NOFILE', 'ARCH_SET_FS', 'GRND_NONBLOCK', 'FUTEX_WAIT_BITSET_PRIVATE',
  'CLOCK_BOOTTIME', 'SA_SIGINFO', 'SA_RESTART', 'SA_RESTORER', 'F_DUPFD_CLOEXEC', 'F_CANCELLK',
  'STATX_BTIME', 'S_IFSOCK', 'DT_LNK', 'AF_NETLINK', 'SOCK_CLOEXEC', 'IPPROTO_UDP', 'MSG_NOSIGNAL',
  'SO_REUSEPORT', 'TCP_NODELAY', 'PR_SET_NAME', 'CLONE_NEWUSER', '__WALL', 'P_PIDFD', 'EPOLLET',
  'EPOLLNVAL', 'POLLRDHUP', 'EFD_SEMAPHORE', 'TIOCGWINSZ', 'FIONREAD', 'TCSETSW', 'TCGETS2',
  'EHWPOISON', 'ENOTRECOVERABLE', 'SIGSTKFLT', 'SIGSYS', 'SIGRTMIN',
];

/** Two translation units: glibc's view and the kernel UAPI view (they can't share one). */
const GLIBC_HEADERS = [
  'errno.h', 'signal.h', 'fcntl.h', 'unistd.h', 'sys/mman.h', 'sys/socket.h', 'netinet/in.h',
  'netinet/tcp.h', 'sys/wait.h', 'sys/epoll.h', 'poll.h', 'sys/eventfd.h', 'sys/timerfd.h',
  'sys/signalfd.h', 'sys/prctl.h', 'sched.h', 'sys/resource.h', 'sys/time.h', 'asm/prctl.h',
  'sys/ioctl.h', 'asm/termbits.h', 'linux/serial.h', 'sys/random.h', 'linux/futex.h', 'sys/stat.h',
  'dirent.h', 'time.h', 'stdio.h',
];
const KERNEL_HEADERS = [
  'stdio.h', 'linux/fcntl.h', 'linux/mman.h', 'asm/signal.h', 'linux/wait.h', 'linux/eventpoll.h',
  'linux/in.h', 'linux/sched.h', 'linux/prctl.h', 'linux/time.h', 'linux/errno.h',
];

/** Compile and run a program printing each defined macro of `names`; returns name -> value. */
function cValues(dir: string, tag: string, headers: string[], names: Iterable<string>): Map<string, bigint> {
  const lines = ['#define _GNU_SOURCE', ...headers.map((h) => `#include <${h}>`)];
  lines.push(
    '#define P(n) printf("%s %llu\\n", #n, sizeof(n) <= 4 ? (unsigned long long)(unsigned int)(n) : (unsigned long long)(n))',
    'int main(void) {',
  );
  for (const name of names) lines.push(`#ifdef ${name}`, `  P(${name});`, '#endif');
  lines.push('  return 0;', '}');
  const src = join(dir, `${tag}.c`);
  const exe = join(dir, tag);
  writeFileSync(src, lines.join('\n') + '\n');
  execFileSync('cc', ['-o', exe, src], { stdio: ['ignore', 'ignore', 'pipe'] });
  const got = new Map<string, bigint>();
  for (const line of execFileSync(exe, { encoding: 'utf8' }).trim().split('\n')) {
    const [n, v] = line.split(' ');
    if (n && v) got.set(n, BigInt(v));
  }
  return got;
}

test('table values match the C headers (x86_64)', (t) => {
  if (process.arch !== 'x64') return t.skip('values are x86_64-specific');
  if (!which('cc')) return t.skip('cc not available');

  // name -> [where, value]; only C identifiers, each checked once.
  const want = new Map<string, [string, bigint]>();
  const add = (where: string, name: string, v: bigint) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return;
    const prev = want.get(name);
    if (prev) assert.equal(prev[1], v, `${name}: ${prev[0]} says ${prev[1]}, ${where} says ${v}`);
    else want.set(name, [where, v]);
  };
  for (const [tname, x] of CHECKED) for (const [v, n] of x.pairs) add(tname, n, v);
  for (const [v, n] of Object.entries(ERRNO_NAMES)) add('ERRNO_NAMES', n, BigInt(v));
  for (const [v, n] of Object.entries(SIGNAL_NAMES)) add('SIGNAL_NAMES', n, BigInt(v));
  for (const [n, v] of Object.entries(T.IOCTL_CODES)) add('IOCTL_CODES', n, BigInt(v));
  add('AT_FDCWD', 'AT_FDCWD', BigInt.asUintN(32, T.AT_FDCWD));

  const dir = mkdtempSync(join(tmpdir(), 'sysray-xlat-'));
  try {
    const glibcNames = [...want.keys()].filter((n) => !DIFFERS_FROM_GLIBC.has(n));
    const units: Array<[string, Map<string, bigint>]> = [
      ['glibc', cValues(dir, 'glibc', GLIBC_HEADERS, glibcNames)],
      ['kernel', cValues(dir, 'kernel', KERNEL_HEADERS, want.keys())],
    ];
    const seen = new Set<string>();
    for (const [tag, got] of units) {
      for (const [name, v] of got) {
        const [where, mine] = want.get(name)!;
        // Table values are stored unsigned; compare in the width C printed.
        const c = v > 0xffffffffn ? v : BigInt.asUintN(32, v);
        assert.equal(mine, c, `${name} (${where}) vs ${tag} headers: table 0x${mine.toString(16)}, C 0x${c.toString(16)}`);
        seen.add(name);
      }
    }
    for (const name of REQUIRED) assert.ok(seen.has(name), `${name} not found in the headers`);
    assert.ok(seen.size >= 700, `only ${seen.size} constants checked`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
