/**
 * Golden lines of the sigtime decoders (signals, time, timers, system info) on fake tracee memory.
 * Each expected line is what strace 6.1 printed for the same call in tests/fixtures/fam_sigtime_*.c.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as signalDecoders, decodeSiginfo } from '../../src/decode/signal.js';
import { decoders as miscDecoders } from '../../src/decode/misc.js';
import type { SyscallDecoder } from '../../src/decode/types.js';
import { formatValue } from '../../src/render/strace.js';
import { FakeMemory, lineMaker, bytes } from '../helpers/decode.js';

const ALL: Record<string, SyscallDecoder> = { ...signalDecoders, ...miscDecoders };
const line = lineMaker(ALL, () => new FakeMemory());
const EFAULT = 14, EINVAL = 22;
const BUF = 0x7ffd0000n;

const padTo = (b: Uint8Array, n: number): Uint8Array => {
  const out = new Uint8Array(n);
  out.set(b);
  return out;
};

test('adjtimex and clock_adjtime print struct timex and the clock state', () => {
  const timex = padTo(bytes(
    [4, 0], [4, 0], [8, 0], [8, 0], [8, 16000000], [8, 16000000], [4, 0x40], [4, 0], [8, 2], [8, 1], [8, 32768000],
    [8, 1795785088], [8, 52638], [8, 10000], [8, 0], [8, 0], [4, 0], [4, 0], [8, 0], [8, 0], [8, 0], [8, 0], [8, 0], [4, 0],
  ), 208);
  const mem = new FakeMemory();
  mem.put(BUF, timex);
  const body = '{modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, constant=2, '
    + 'precision=1, tolerance=32768000, time={tv_sec=1795785088, tv_usec=52638}, tick=10000, ppsfreq=0, jitter=0, '
    + 'shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}';
  assert.equal(line('adjtimex', { args: [BUF], mem, rval: 5 }, 'adjtimex64'), `adjtimex(${body}) = 5 (TIME_ERROR)`);
  assert.equal(line('clock_adjtime', { args: [0, BUF], mem, rval: 5 }, 'clock_adjtime64'),
    `clock_adjtime(CLOCK_REALTIME, ${body}) = 5 (TIME_ERROR)`);
  assert.equal(line('adjtimex', { args: [BUF], mem, err: EINVAL }, 'adjtimex64'), 'adjtimex(0x7ffd0000) = -1 EINVAL (Invalid argument)');
  assert.equal(line('adjtimex', { args: [1], err: EFAULT }, 'adjtimex64'), 'adjtimex(0x1) = -1 EFAULT (Bad address)');
  assert.equal(line('clock_adjtime', { args: [99, 1], err: EFAULT }, 'clock_adjtime64'),
    'clock_adjtime(0x63 /* CLOCK_??? */, 0x1) = -1 EFAULT (Bad address)');
});

test('syslog prints its action always with the number, arguments only where used', () => {
  assert.equal(line('syslog', { args: [10, 0, 0], rval: 131072 }), 'syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 131072');
  assert.equal(line('syslog', { args: [99, 0, 0], err: EINVAL }), 'syslog(99 /* SYSLOG_ACTION_??? */, NULL, 0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('syslog', { args: [8, 0, 99], err: EINVAL }),
    'syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 99 /* LOGLEVEL_??? */) = -1 EINVAL (Invalid argument)');
  assert.equal(line('syslog', { args: [3, 0, -1], err: EINVAL }), 'syslog(3 /* SYSLOG_ACTION_READ_ALL */, NULL, -1) = -1 EINVAL (Invalid argument)');
  assert.equal(line('syslog', { args: [3, 1, 0], rval: 0 }), 'syslog(3 /* SYSLOG_ACTION_READ_ALL */, "", 0) = 0');
});

test('sethostname and setdomainname print the name unless longer than a UTS field', () => {
  const mem = new FakeMemory();
  mem.put(BUF, 'a\tb"c\\d\x01\0');
  assert.equal(line('sethostname', { args: [BUF, 9], mem }), 'sethostname("a\\tb\\"c\\\\d\\1\\0", 9) = 0');
  assert.equal(line('setdomainname', { args: [BUF, 100], mem, err: EINVAL }), 'setdomainname(0x7ffd0000, 100) = -1 EINVAL (Invalid argument)');
  assert.equal(line('sethostname', { args: [BUF, -1], mem, err: EINVAL }), 'sethostname(0x7ffd0000, 4294967295) = -1 EINVAL (Invalid argument)');
});

test('siginfo: si_code without SI_NOINFO, si_syscall of an i386 call', () => {
  const rt = padTo(bytes([4, 35], [4, 0], [4, 32767]), 128);
  assert.equal(formatValue(decodeSiginfo(rt)), '{si_signo=SIGRT_3, si_code=0x7fff}');
  const sys = padTo(bytes([4, 31], [4, 0], [4, 1], [4, 0], [8, 0x90], [4, 39], [4, 0x40000003]), 128);
  assert.equal(formatValue(decodeSiginfo(sys)),
    '{si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=0x90, si_syscall=39 /* mkdir */, si_arch=AUDIT_ARCH_I386}');
  const own = padTo(bytes([4, 31], [4, 0], [4, 1], [4, 0], [8, 0x90], [4, 39], [4, 0xc000003e]), 128);
  assert.equal(formatValue(decodeSiginfo(own), { acolumn: 40, xflag: 0, xlat: 'verbose' }),
    '{si_signo=31 /* SIGSYS */, si_code=0x1 /* SYS_SECCOMP */, si_call_addr=0x90, si_syscall=39 /* __NR_getpid */, si_arch=0xc000003e /* AUDIT_ARCH_X86_64 */}');
});

test('-X verbose: sigsets list numbers, SIG_IGN and si_code are hex', () => {
  const mem = new FakeMemory();
  mem.put(BUF, padTo(bytes([8, 1], [8, 0], [8, 0], [8, (1n << 1n) | (1n << 14n) | (1n << 40n)]), 88));
  const dec = ALL['rt_sigaction']!;
  const c = { pid: 1, nr: 13, name: 'rt_sigaction', args: [10n, BUF, 0n, 8n, 0n, 0n], mem,
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {} };
  assert.equal(formatValue(dec.entry(c)[1]!, { acolumn: 40, xflag: 0, xlat: 'verbose' }),
    '{sa_handler=0x1 /* SIG_IGN */, sa_mask=[2 /* INT */ 15 /* TERM */ 41 /* RT_9 */], sa_flags=0}');
});

test('personality and membarrier results', () => {
  assert.equal(line('personality', { args: [0x47], rval: 0x400008 }), 'personality(0x47 /* PER_??? */) = 0x400008 (PER_LINUX32|READ_IMPLIES_EXEC)');
  assert.equal(line('personality', { args: [0], rval: 0x80000047 }), 'personality(PER_LINUX) = 0x80000047 (0x47 /* PER_??? */|0x80000000)');
});

test('restart_syscall names the call it resumes (the thread\'s last returned syscall)', () => {
  const dec = ALL['restart_syscall']!;
  const c = { pid: 1, nr: 219, name: 'restart_syscall', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: new FakeMemory(),
    opt: { strsize: 32, abbrev: true, verbose: true }, rval: 0n, err: 0, state: {}, prev: 'clock_nanosleep' };
  assert.equal(dec.entry(c).map((v) => formatValue(v)).join(', '), '<... resuming interrupted clock_nanosleep ...>');
  assert.equal(dec.entry({ ...c, prev: undefined }).map((v) => formatValue(v)).join(', '), '<... resuming interrupted system call ...>');
});
