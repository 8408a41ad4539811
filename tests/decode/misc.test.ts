/**
 * Unit tests of the memory, process, signal, network and misc decoders on fake tracee memory: each
 * case builds the memory and raw arguments of one call and asserts the exact line strace 6.1 prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGISTRY } from '../../src/decode/index.js';
import { waitStatus } from '../../src/decode/process.js';
import { decodeSiginfo } from '../../src/decode/signal.js';
import { netlinkV } from '../../src/decode/netlink.js';
import { netlinkRecords } from '../../src/decode/netlink_nla.js';
import { ntop6 } from '../../src/decode/sockaddr.js';
import { clockT, HELD_ELEMENTS, printArray, STREAM_AT } from '../../src/decode/printers.js';
import type { ArrayTail } from '../../src/decode/value.js';
import { mmapFlags } from '../../src/decode/memory.js';
import type { Ctx, SyscallDecoder } from '../../src/decode/types.js';
import { defaultTextOptions, formatRet, formatValue, writeStreamed } from '../../src/render/strace.js';
import { FakeMemory as BaseMemory, lineMaker, bytes, cat } from '../helpers/decode.js';

process.env.TZ = 'UTC';

const ALL: Readonly<Record<string, SyscallDecoder>> = REGISTRY;


const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

class FakeMemory extends BaseMemory {
  constructor(strict = false) {
    super(strict);
  }
}
const line = lineMaker(ALL, () => new FakeMemory(false));

const EFAULT = 14, EINVAL = 22, EAGAIN = 11, ECHILD = 10, ENOTCONN = 107, ERESTART_RESTARTBLOCK = 516;
const BUF = 0x7ffd0000n;
const BUF2 = 0x7ffd1000n;
const BAD = 0xdead0000n;

// ---------------------------------------------------------------- memory

test('mmap flags with -X verbose: an unknown type keeps its comment inside the comment', () => {
  assert.equal(formatValue(mmapFlags(0x5404401fn), { acolumn: 40, xflag: 0, xlat: 'verbose' }),
    '0x5404401f /* 0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT */');
  assert.equal(formatValue(mmapFlags(0x22n), { acolumn: 40, xflag: 0, xlat: 'verbose' }), '0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */');
});

test('brk and mmap: hex results, prot and flags', () => {
  assert.equal(line('brk', { args: [0], rval: 0x55d000n }), 'brk(NULL) = 0x55d000');
  assert.equal(
    line('mmap', { args: [0, 8192, 3, 0x22, -1, 0], rval: 0x7f0000001000n }),
    'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000001000',
  );
  assert.equal(
    line('mmap', { args: [0x7f0000000000n, 4096, 5, 0x812, 3, 0x26000], rval: 0x7f0000000000n }),
    'mmap(0x7f0000000000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f0000000000',
  );
  assert.equal(
    line('mmap', { args: [0, 4096, 0x20, 0x27, -1, 0], err: EINVAL }),
    'mmap(NULL, 4096, 0x20 /* PROT_??? */, 0x7 /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)',
  );
  assert.equal(
    line('mmap', { args: [0, 4096, 1, 0x21 | 0x40000 | (21 << 26), -1, 0], err: 12 }),
    'mmap(NULL, 4096, PROT_READ, MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 ENOMEM (Cannot allocate memory)',
  );
  assert.equal(line('mmap', { args: [0, 4096, 0, 0, -1, 0], err: EINVAL }), 'mmap(NULL, 4096, PROT_NONE, MAP_FILE, -1, 0) = -1 EINVAL (Invalid argument)');
});

test('munmap, mprotect, madvise, mremap, msync, mlock family', () => {
  assert.equal(line('munmap', { args: [0x7f00n, 34547] }), 'munmap(0x7f00, 34547) = 0');
  assert.equal(line('mprotect', { args: [0x7f00n, 4096, 1] }), 'mprotect(0x7f00, 4096, PROT_READ) = 0');
  assert.equal(line('madvise', { args: [0x7f00n, 4096, 4] }), 'madvise(0x7f00, 4096, MADV_DONTNEED) = 0');
  assert.equal(line('madvise', { args: [0x7f00n, 4096, 77], err: EINVAL }), 'madvise(0x7f00, 4096, 0x4d /* MADV_??? */) = -1 EINVAL (Invalid argument)');
  assert.equal(line('mremap', { args: [0x7f00n, 8192, 16384, 1], rval: 0x7e00n }), 'mremap(0x7f00, 8192, 16384, MREMAP_MAYMOVE) = 0x7e00');
  assert.equal(
    line('mremap', { args: [0x7f00n, 8192, 4096, 3, 0x10000000], err: EINVAL }),
    'mremap(0x7f00, 8192, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x10000000) = -1 EINVAL (Invalid argument)',
  );
  assert.equal(line('msync', { args: [0x7f00n, 4096, 6] }), 'msync(0x7f00, 4096, MS_SYNC|MS_INVALIDATE) = 0');
  assert.equal(line('mlockall', { args: [3] }), 'mlockall(MCL_CURRENT|MCL_FUTURE) = 0');
  assert.equal(line('mlock2', { args: [0x7f00n, 4096, 1] }), 'mlock2(0x7f00, 4096, MLOCK_ONFAULT) = 0');
  assert.equal(line('set_robust_list', { args: [0x7f00n, 24] }), 'set_robust_list(0x7f00, 24) = 0');
  const m = new FakeMemory();
  m.put(BUF, new Uint8Array([1, 0, 3]));
  assert.equal(line('mincore', { args: [0x7f00n, 8193, BUF], mem: m }), 'mincore(0x7f00, 8193, [1, 0, 1]) = 0');
  assert.equal(line('mincore', { args: [0x7f00n, 8192, BAD], mem: m, err: EFAULT }), 'mincore(0x7f00, 8192, 0xdead0000) = -1 EFAULT (Bad address)');
});

// ---------------------------------------------------------------- resources, misc

test('prlimit64 and getrlimit: *1024 and RLIM64_INFINITY', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 8192 * 1024], [8, -1n]));
  assert.equal(
    line('prlimit64', { args: [0, 3, 0, BUF], mem: m }),
    'prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0',
  );
  m.put(BUF2, bytes([8, 20000], [8, 1024]));
  assert.equal(line('getrlimit', { args: [7, BUF2], mem: m }), 'getrlimit(RLIMIT_NOFILE, {rlim_cur=20000, rlim_max=1024}) = 0');
  assert.equal(line('getrlimit', { args: [99, BUF2], mem: m, err: EINVAL }), 'getrlimit(0x63 /* RLIMIT_??? */, 0x7ffd1000) = -1 EINVAL (Invalid argument)');
  assert.equal(line('prlimit64', { args: [0, 9, BAD, BUF], mem: m, err: EFAULT }), 'prlimit64(0, RLIMIT_AS, 0xdead0000, 0x7ffd0000) = -1 EFAULT (Bad address)');
});

test('getrandom prints its buffer in hex at exit', () => {
  const m = new FakeMemory();
  m.put(BUF, new Uint8Array([0x9f, 0x30, 0xba, 0xd8]));
  assert.equal(line('getrandom', { args: [BUF, 4, 1], mem: m, rval: 4 }), 'getrandom("\\x9f\\x30\\xba\\xd8", 4, GRND_NONBLOCK) = 4');
  assert.equal(line('getrandom', { args: [BAD, 16, 0], mem: m, err: EFAULT }), 'getrandom(0xdead0000, 16, 0) = -1 EFAULT (Bad address)');
  assert.equal(line('getrandom', { args: [BUF, 40, 0x10], mem: m, err: EINVAL }), 'getrandom(0x7ffd0000, 40, 0x10 /* GRND_??? */) = -1 EINVAL (Invalid argument)');
});

test('uname: abbreviated, and full with -v', () => {
  const m = new FakeMemory();
  const u = new Uint8Array(65 * 6);
  ['Linux', 'vm', '6.1.0', '#1 SMP', 'x86_64', '(none)'].forEach((s, i) => u.set(enc(s), i * 65));
  m.put(BUF, u);
  assert.equal(line('uname', { args: [BUF], mem: m }), 'uname({sysname="Linux", nodename="vm", ...}) = 0');
  assert.equal(
    line('uname', { args: [BUF], mem: m, opt: { abbrev: false } }),
    'uname({sysname="Linux", nodename="vm", release="6.1.0", version="#1 SMP", machine="x86_64", domainname="(none)"}) = 0',
  );
  assert.equal(line('uname', { args: [BAD], mem: m, err: EFAULT }), 'uname(0xdead0000) = -1 EFAULT (Bad address)');
});

test('times, sysinfo, getrusage, clock_t comments', () => {
  assert.equal(formatValue(clockT(150n)), '150 /* 1.50 s */');
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 150], [8, 7], [8, 0], [8, 0]));
  assert.equal(
    line('times', { args: [BUF], mem: m, rval: 1718089099 }),
    'times({tms_utime=150 /* 1.50 s */, tms_stime=7 /* 0.07 s */, tms_cutime=0, tms_cstime=0}) = 1718089099',
  );
  m.put(BUF2, bytes([8, 1], [8, 7000]));
  const ru = cat(bytes([8, 0], [8, 7275], [8, 1], [8, 2]), new Uint8Array(112));
  m.put(0x7000n, ru);
  assert.equal(
    line('getrusage', { args: [0, 0x7000n], mem: m }),
    'getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=7275}, ru_stime={tv_sec=1, tv_usec=2}, ...}) = 0',
  );
  assert.equal(line('getrusage', { args: [-1, BAD], mem: m, err: EFAULT }), 'getrusage(RUSAGE_CHILDREN, 0xdead0000) = -1 EFAULT (Bad address)');
  // sysinfo's loads is a local array: cut after -s elements, as print_local_array cuts it
  m.put(0x9000n, cat(bytes([8, 5], [8, 100], [8, 200], [8, 300]), new Uint8Array(96)));
  const loads = (strsize: number) => /loads=(\[[^\]]*\])/.exec(line('sysinfo', { args: [0x9000n], mem: m, opt: { strsize } }))![1];
  assert.equal(loads(32), '[100, 200, 300]');
  assert.equal(loads(1), '[100, ...]');
  assert.equal(loads(0), '[...]');
});

test('time, clocks, nanosleep', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 1700000000]));
  assert.equal(line('time', { args: [0], rval: 1700000000 }), 'time(NULL) = 1700000000 (2023-11-14T22:13:20+0000)');
  assert.equal(
    line('time', { args: [BUF], mem: m, rval: 1700000000 }),
    'time([1700000000 /* 2023-11-14T22:13:20+0000 */]) = 1700000000 (2023-11-14T22:13:20+0000)',
  );
  m.put(BUF2, bytes([8, 1], [8, 500]));
  assert.equal(line('clock_gettime', { args: [1, BUF2], mem: m }, 'clock_gettime64'), 'clock_gettime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=500}) = 0');
  assert.equal(line('clock_gettime', { args: [99, BUF2], mem: m, err: EINVAL }, 'clock_gettime64'), 'clock_gettime(0x63 /* CLOCK_??? */, 0x7ffd1000) = -1 EINVAL (Invalid argument)');
  assert.equal(line('nanosleep', { args: [BUF2, BUF], mem: m }, 'nanosleep_time64'), 'nanosleep({tv_sec=1, tv_nsec=500}, 0x7ffd0000) = 0');
  assert.equal(
    line('nanosleep', { args: [BUF2, BUF2], mem: m, err: ERESTART_RESTARTBLOCK }, 'nanosleep_time64'),
    'nanosleep({tv_sec=1, tv_nsec=500}, {tv_sec=1, tv_nsec=500}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)',
  );
  assert.equal(
    line('clock_nanosleep', { args: [1, 1, BUF2, 0], mem: m }, 'clock_nanosleep_time64'),
    'clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=500}, NULL) = 0',
  );
  m.put(0x6000n, bytes([8, 5], [8, 6], [4, 0], [4, 0]));
  assert.equal(line('gettimeofday', { args: [0x6000n, 0x6010n], mem: m }), 'gettimeofday({tv_sec=5, tv_usec=6}, {tz_minuteswest=0, tz_dsttime=0}) = 0');
});

test('futex: ops, timeouts, bitsets, wake_op', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 1], [8, 500]));
  assert.equal(
    line('futex', { args: [0x1000, 0, 1, BUF, 0, 0], mem: m, err: EAGAIN }, 'futex_time64'),
    'futex(0x1000, FUTEX_WAIT, 1, {tv_sec=1, tv_nsec=500}) = -1 EAGAIN (Resource temporarily unavailable)',
  );
  assert.equal(line('futex', { args: [0x1000, 0x81, 1], rval: 1 }, 'futex_time64'), 'futex(0x1000, FUTEX_WAKE_PRIVATE, 1) = 1');
  assert.equal(
    line('futex', { args: [0x1000, 0x189, 0, 0, 0, 0xffffffff] }, 'futex_time64'),
    'futex(0x1000, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = 0',
  );
  assert.equal(
    line('futex', { args: [0x1000, 5, 1, 1, 0x1000, 0x14001000] }, 'futex_time64'),
    'futex(0x1000, FUTEX_WAKE_OP, 1, 1, 0x1000, FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0) = 0',
  );
  assert.equal(
    line('futex', { args: [0x1000, 99, 1, 2, 0x1000, 3], err: 38 }, 'futex_time64'),
    'futex(0x1000, 0x63 /* FUTEX_??? */, 1, 0x2, 0x1000, 0x3) = -1 ENOSYS (Function not implemented)',
  );
});

test('sched_getaffinity, getcpu, personality, membarrier', () => {
  const m = new FakeMemory();
  m.put(BUF, new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0]));
  assert.equal(line('sched_getaffinity', { args: [0, 128, BUF], mem: m, rval: 8 }), 'sched_getaffinity(0, 128, [0 1]) = 8');
  assert.equal(line('sched_getaffinity', { args: [0, 8, BAD], mem: m, err: EFAULT }), 'sched_getaffinity(0, 8, 0xdead0000) = -1 EFAULT (Bad address)');
  m.put(BUF2, bytes([4, 1], [4, 0]));
  assert.equal(line('getcpu', { args: [BUF2, BUF2 + 4n, 0], mem: m }), 'getcpu([1], [0], NULL) = 0');
  assert.equal(line('personality', { args: [0xffffffff], rval: 0x40000 }), 'personality(0xffffffff) = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)');
  assert.equal(line('personality', { args: [0x40000], rval: 0 }), 'personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)');
  assert.equal(line('membarrier', { args: [0, 0], rval: 3 }), 'membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3 (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED)');
});

test('poll, ppoll, select: arrays, and the result text', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 0], [2, 1], [2, 1], [4, -1], [2, 4], [2, 0]));
  assert.equal(
    line('poll', { args: [BUF, 2, 0], mem: m, rval: 1 }, 'poll_time64'),
    'poll([{fd=0, events=POLLIN}, {fd=-1}], 2, 0) = 1 ([{fd=0, revents=POLLIN}])',
  );
  assert.equal(line('poll', { args: [BUF, 2, 10], mem: m, rval: 0 }, 'poll_time64'), 'poll([{fd=0, events=POLLIN}, {fd=-1}], 2, 10) = 0 (Timeout)');
  assert.equal(line('poll', { args: [BAD, 1, 0], mem: m, err: EFAULT }, 'poll_time64'), 'poll(0xdead0000, 1, 0) = -1 EFAULT (Bad address)');
  m.put(BUF2, bytes([8, 0], [8, 1000]));
  m.put(0x6000n, bytes([8, 0]));
  assert.equal(
    line('ppoll', { args: [BUF, 1, BUF2, 0x6000n, 8], mem: m, rval: 1 }, 'ppoll_time64'),
    'ppoll([{fd=0, events=POLLIN}], 1, {tv_sec=0, tv_nsec=1000}, [], 8) = 1 ([{fd=0, revents=POLLIN}], left {tv_sec=0, tv_nsec=1000})',
  );
  m.put(0x8000n, bytes([8, 3]));
  m.put(0x8100n, bytes([8, 2]));
  m.put(0x8200n, bytes([8, 0], [8, 100]));
  assert.equal(
    line('select', { args: [2, 0x8000n, 0x8100n, 0, 0x8200n], mem: m, rval: 2 }),
    'select(2, [0 1], [1], NULL, {tv_sec=0, tv_usec=100}) = 2 (in [0 1], left {tv_sec=0, tv_usec=100})',
  );
  // ready fds the sets no longer show (the kernel wrote all three results into one set): `()`
  m.put(0x8300n, bytes([8, 0]));
  assert.equal(line('select', { args: [2, 0x8300n, 0x8300n, 0x8300n, 0], mem: m, rval: 1 }), 'select(2, [], [], [], NULL) = 1 ()');
  // an fd_set of 262,144 fds, all set (the fuzz test found a stack overflow building its list)
  m.put(0x100000n, new Uint8Array(0x8000).fill(0xff));
  const big = line('select', { args: [0x40000, 0x100000n, 0, 0, 0], mem: m, rval: 0 });
  assert.ok(big.startsWith('select(262144, [0 1 2 3 '), big.slice(0, 40));
  assert.ok(big.includes(' 262142 262143], NULL, NULL, NULL) = 0'), big.slice(-60));
});

test('epoll and eventfd', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 0x80000001], [8, 0x1234567890n]));
  assert.equal(line('epoll_create1', { args: [0x80000], rval: 3 }), 'epoll_create1(EPOLL_CLOEXEC) = 3');
  assert.equal(
    line('epoll_ctl', { args: [3, 1, 4, BUF], mem: m }),
    'epoll_ctl(3, EPOLL_CTL_ADD, 4, {events=EPOLLIN|EPOLLET, data={u32=878082192, u64=78187493520}}) = 0',
  );
  assert.equal(line('epoll_ctl', { args: [3, 2, 4, 0], mem: m }), 'epoll_ctl(3, EPOLL_CTL_DEL, 4, NULL) = 0');
  assert.equal(
    line('epoll_wait', { args: [3, BUF, 4, 0], mem: m, rval: 1 }),
    'epoll_wait(3, [{events=EPOLLIN|EPOLLET, data={u32=878082192, u64=78187493520}}], 4, 0) = 1',
  );
  assert.equal(line('epoll_wait', { args: [-1, BUF, 4, 0], mem: m, err: 9 }), 'epoll_wait(-1, 0x7ffd0000, 4, 0) = -1 EBADF (Bad file descriptor)');
  assert.equal(line('eventfd2', { args: [3, 0x80800], rval: 4 }), 'eventfd2(3, EFD_CLOEXEC|EFD_NONBLOCK) = 4');
});

test('print_array: abbreviation and an unreadable tail', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 1], [4, 2], [4, 3]));
  const c: Ctx = {
    pid: 1, nr: 0, name: 'x', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: m, opt: { strsize: 2, abbrev: true, verbose: true },
    rval: 0n, err: 0, state: {},
  };
  const u = (b: Uint8Array): ReturnType<typeof clockT> => ({ k: 'int', v: BigInt(b[0]!) });
  assert.equal(formatValue(printArray(c, BUF, 3, 4, u)), '[1, 2, ...]');
  assert.equal(formatValue(printArray(c, BUF + 4n, 3, 4, u)), '[2, 3, ... /* 0x7ffd000c */]');
  assert.equal(formatValue(printArray(c, BAD, 3, 4, u)), '0xdead0000');
});

test('print_array without streaming: a call holds at most HELD_ELEMENTS elements, nested arrays counted', () => {
  // one readable page of zeros, read as 4,096 one-byte elements by each of many arrays (sendmmsg's
  // messages all pointing at one huge iovec make the same)
  const m = new FakeMemory();
  m.put(BUF, new Uint8Array(4096));
  const ctx = (stream: boolean): Ctx => ({
    pid: 1, nr: 0, name: 'x', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: m, opt: { strsize: 32, abbrev: false, verbose: true, ...(stream ? { streamArrays: true } : {}) },
    rval: 0n, err: 0, state: {},
  });
  const u = (b: Uint8Array): ReturnType<typeof clockT> => ({ k: 'int', v: BigInt(b[0]!) });
  const c = ctx(false);
  const outer = printArray(c, BUF, 4096, 1, () => printArray(c, BUF, 4096, 1, u));
  const count = (v: ReturnType<typeof printArray>): number => v.k === 'array' ? v.items.reduce((n, x) => n + 1 + count(x), 0) : 0;
  assert.equal(count(outer), HELD_ELEMENTS);
  // the array cut short says so: `...` after its last element
  assert.ok(outer.k === 'array' && outer.more === true);
  assert.match(formatValue(outer), /0\], \[0, 0.*, 0, \.\.\.\], \.\.\.\]$/);
  // netlink records count too (a sendmsg to AF_NETLINK decodes each iovec's data as records)
  const recs = new Uint8Array(4 * (HELD_ELEMENTS + 10));
  for (let i = 0; i < recs.length; i += 4) recs[i] = 4;
  m.put(BUF + 0x10000n, recs);
  const walked = netlinkRecords(ctx(false), BUF + 0x10000n, recs.length, 4, (h) => h[0]!, () => ({ k: 'int', v: 1n }));
  assert.ok(walked.k === 'array' && walked.items.length === HELD_ELEMENTS + 1);
  assert.deepEqual(walked.items.at(-1), { k: 'tok', text: '...' });
  // small arrays are untouched; a streaming output is not counted (its elements do not live at once)
  assert.equal(formatValue(printArray(ctx(false), BUF, 3, 1, u)), '[0, 0, 0]');
  const s = ctx(true);
  printArray(s, BUF, 4096, 1, u);
  assert.equal(s.state.held, undefined);
});

test('print_array with streamArrays: the tail of a huge array is read as it is written, same text', () => {
  const m = new FakeMemory();
  const n = 1000;
  const data = new Uint8Array(4 * n);
  for (let i = 0; i < n; i++) data[4 * i] = i & 0xff;
  m.put(BUF, data);
  const ctx = (stream: boolean, pid = 1): Ctx => ({
    pid, nr: 0, name: 'x', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: m, opt: { strsize: 32, abbrev: false, verbose: true, streamArrays: stream },
    rval: 0n, err: 0, state: {},
  });
  const u = (b: Uint8Array): ReturnType<typeof clockT> => ({ k: 'int', v: BigInt(b[0]!) });
  // the last element runs into unreadable memory: the tail ends with strace's `... /* 0xADDR */`
  const whole = formatValue(printArray(ctx(false), BUF + 4n, n, 4, u));
  assert.match(whole, /, 231, \.\.\. \/\* 0x7ffd0fa0 \*\/\]$/);
  const c = ctx(true);
  const v = printArray(c, BUF + 4n, n, 4, u);
  assert.ok(v.k === 'array' && v.tail !== undefined && v.items.length === Number(STREAM_AT));
  assert.equal(c.state.streamed, true);
  // inline (no writer collecting tails) and streamed, the text is the same
  assert.equal(formatValue(v), whole);
  const tails: ArrayTail[] = [];
  const parts: string[] = [];
  const o = { ...defaultTextOptions, tails };
  writeStreamed(`f(${formatValue(printArray(ctx(true), BUF + 4n, n, 4, u), o)})`, o, (s) => parts.push(s));
  assert.equal(parts.join(''), `f(${whole})`);
  assert.ok(parts.length > n / 2, 'written element by element');
  assert.equal(tails.length, 0);
  // a tail read while the memory belongs to another process says no more than `...`
  m.pid = 2;
  assert.match(formatValue(printArray(ctx(true, 1), BUF + 4n, n, 4, u)), /, 255, 0, \.\.\.\]$/);
});

// ---------------------------------------------------------------- process

test('exit_group and ids', () => {
  // exit_group returns only when it fails (an injected fault): then its error, as strace prints it
  assert.equal(line('exit_group', { args: [0], err: EINVAL }, 'exit'), 'exit_group(0) = -1 EINVAL (Invalid argument)');
  assert.equal(line('setresuid', { args: [-1, 0, 0xfffffffe] }), 'setresuid(-1, 0, 4294967294) = 0');
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 0], [4, 4], [4, 27]));
  assert.equal(line('getgroups', { args: [64, BUF], mem: m, rval: 3 }), 'getgroups(64, [0, 4, 27]) = 3');
  assert.equal(line('getgroups', { args: [0, 0], rval: 3 }), 'getgroups(0, NULL) = 3');
  assert.equal(line('getresuid', { args: [BUF, BUF, BUF], mem: m }), 'getresuid([0], [0], [0]) = 0');
  assert.equal(line('getresgid', { args: [BUF, BAD, BUF], mem: m, err: EFAULT }), 'getresgid(0x7ffd0000, 0xdead0000, 0x7ffd0000) = -1 EFAULT (Bad address)');
});

test('wait4: status forms, options, rusage', () => {
  assert.equal(formatValue(waitStatus(7 << 8)), '[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]');
  assert.equal(formatValue(waitStatus(9)), '[{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}]');
  assert.equal(formatValue(waitStatus(11 | 0x80)), '[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]');
  assert.equal(formatValue(waitStatus((19 << 8) | 0x7f)), '[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}]');
  assert.equal(formatValue(waitStatus((4 << 16) | (5 << 8) | 0x7f)), '[{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_EXEC<<16]');
  assert.equal(formatValue(waitStatus(0xffff)), '[{WIFCONTINUED(s)}]');
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 0]));
  assert.equal(line('wait4', { args: [-1, BUF, 0, 0], mem: m, rval: 1234 }), 'wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 1234');
  assert.equal(line('wait4', { args: [-1, BUF, 1, 0], mem: m, rval: 0 }), 'wait4(-1, 0x7ffd0000, WNOHANG, NULL) = 0');
  assert.equal(line('wait4', { args: [-1, BAD, 0, BAD], mem: m, err: ECHILD }), 'wait4(-1, 0xdead0000, 0, 0xdead0000) = -1 ECHILD (No child processes)');
});

test('clone, clone3 and vfork return plain pids', () => {
  assert.equal(
    line('clone', { args: [0x1200011, 0, 0, 0x7f10n, 0], rval: 4321 }),
    'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f10) = 4321',
  );
  assert.equal(line('clone', { args: [17, 0], rval: 4321 }), 'clone(child_stack=NULL, flags=SIGCHLD) = 4321');
  const m = new FakeMemory();
  const args = bytes([8, 0x3d0f00], [8, 0], [8, 0x7f10], [8, 0x7f10], [8, 0], [8, 0x7e00], [8, 0x7fff00], [8, 0x7f00], [8, 0], [8, 0], [8, 0]);
  m.put(BUF, args);
  m.put(0x7f10n, bytes([4, 4322]));
  assert.equal(
    line('clone3', { args: [BUF, 88], mem: m, rval: 4322 }),
    'clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f10, parent_tid=0x7f10, exit_signal=0, stack=0x7e00, stack_size=0x7fff00, tls=0x7f00} => {parent_tid=[4322]}, 88) = 4322',
  );
  m.put(BUF2, bytes([8, 0], [8, 0], [8, 0], [8, 0], [8, 17], [8, 0], [8, 0], [8, 0]));
  assert.equal(line('clone3', { args: [BUF2, 64], mem: m, rval: 5 }), 'clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 64) = 5');
  assert.equal(line('clone3', { args: [BUF2, 8], mem: m, err: EINVAL }), 'clone3(0x7ffd1000, 8) = -1 EINVAL (Invalid argument)');
});

test('prctl and arch_prctl', () => {
  const m = new FakeMemory();
  m.put(BUF, 'hello\0');
  m.put(BUF2, 'abcdefghijklmnopqrstuvwxyz\0');
  assert.equal(line('prctl', { args: [15, BUF], mem: m }), 'prctl(PR_SET_NAME, "hello") = 0');
  assert.equal(line('prctl', { args: [15, BUF2], mem: m }), 'prctl(PR_SET_NAME, "abcdefghijklmno"...) = 0');
  assert.equal(line('prctl', { args: [16, BUF], mem: m }), 'prctl(PR_GET_NAME, "hello") = 0');
  assert.equal(line('prctl', { args: [3], rval: 1 }), 'prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)');
  assert.equal(line('prctl', { args: [1, 9] }), 'prctl(PR_SET_PDEATHSIG, SIGKILL) = 0');
  assert.equal(line('prctl', { args: [38, 1, 0, 0, 0] }), 'prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0');
  assert.equal(line('prctl', { args: [9999, 1, 2, 3, 4], err: EINVAL }), 'prctl(0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)');
  assert.equal(line('prctl', { args: [0x59616d61, -1], err: EINVAL }), 'prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = -1 EINVAL (Invalid argument)');
  assert.equal(line('arch_prctl', { args: [0x1002, 0x7f00] }), 'arch_prctl(ARCH_SET_FS, 0x7f00) = 0');
  m.put(0x6000n, bytes([8, 0x7f86c662c740n]));
  assert.equal(line('arch_prctl', { args: [0x1003, 0x6000] , mem: m }), 'arch_prctl(ARCH_GET_FS, [0x7f86c662c740]) = 0');
  assert.equal(line('arch_prctl', { args: [0x1003, BAD], mem: m, err: EFAULT }), 'arch_prctl(ARCH_GET_FS, 0xdead0000) = -1 EFAULT (Bad address)');
});

test('capget prints capability masks', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 0x20080522], [4, 0]));
  m.put(BUF2, bytes([4, 0x21], [4, 0], [4, 0], [4, 1], [4, 0], [4, 0]));
  assert.equal(
    line('capget', { args: [BUF, BUF2], mem: m }),
    'capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_MAC_OVERRIDE, permitted=0, inheritable=0}) = 0',
  );
});

// ---------------------------------------------------------------- signals

test('rt_sigaction and rt_sigprocmask', () => {
  const m = new FakeMemory();
  const sa = cat(bytes([8, 0], [8, 0x04000000], [8, 0x7f0000001234n], [8, 0]), new Uint8Array(56));
  m.put(BUF, sa);
  assert.equal(
    line('rt_sigaction', { args: [2, BUF, 0, 8], mem: m }),
    'rt_sigaction(SIGINT, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x7f0000001234}, NULL, 8) = 0',
  );
  assert.equal(line('rt_sigaction', { args: [2, 0, BAD, 8], mem: m, err: EFAULT }), 'rt_sigaction(SIGINT, NULL, 0xdead0000, 8) = -1 EFAULT (Bad address)');
  m.put(BUF2, bytes([8, 2]));
  m.put(0x6000n, bytes([8, 0]));
  assert.equal(line('rt_sigprocmask', { args: [0, BUF2, 0x6000n, 8], mem: m }), 'rt_sigprocmask(SIG_BLOCK, [INT], [], 8) = 0');
  m.put(0x6100n, bytes([8, 0xfffffffe7ffbfeffn]));
  assert.equal(line('rt_sigprocmask', { args: [2, 0x6100n, 0, 8], mem: m }), 'rt_sigprocmask(SIG_SETMASK, ~[KILL STOP RTMIN RT_1], NULL, 8) = 0');
  assert.equal(line('rt_sigprocmask', { args: [0, BUF2, 0, 4], mem: m, err: EINVAL }), 'rt_sigprocmask(SIG_BLOCK, 0x7ffd1000, NULL, 4) = -1 EINVAL (Invalid argument)');
  assert.equal(line('kill', { args: [1234, 10] }), 'kill(1234, SIGUSR1) = 0');
  assert.equal(line('tgkill', { args: [1, 2, 0] }), 'tgkill(1, 2, 0) = 0');
  assert.equal(line('rt_sigsuspend', { args: [0x6000n, 8], mem: m, err: 514 }), 'rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if no handler)');
});

test('siginfo as strace prints it', () => {
  const chld = cat(bytes([4, 17], [4, 0], [4, 1], [4, 0], [4, 4321], [4, 0], [4, 7], [4, 0], [8, 150], [8, 0]), new Uint8Array(80));
  assert.equal(
    formatValue(decodeSiginfo(chld)),
    '{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4321, si_uid=0, si_status=7, si_utime=150 /* 1.50 s */, si_stime=0}',
  );
  const segv = cat(bytes([4, 11], [4, 0], [4, 1], [4, 0], [8, 0xdead0000]), new Uint8Array(104));
  assert.equal(formatValue(decodeSiginfo(segv)), '{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0xdead0000}');
  const user = cat(bytes([4, 10], [4, 0], [4, -6], [4, 0], [4, 99], [4, 0]), new Uint8Array(104));
  assert.equal(formatValue(decodeSiginfo(user)), '{si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=99, si_uid=0}');
  const kern = cat(bytes([4, 14], [4, 0], [4, 0x80]), new Uint8Array(116));
  assert.equal(formatValue(decodeSiginfo(kern)), '{si_signo=SIGALRM, si_code=SI_KERNEL}');
});

test('sigaltstack', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 0], [4, 2], [4, 0], [8, 0]));
  assert.equal(line('sigaltstack', { args: [0, BUF], mem: m }), 'sigaltstack(NULL, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0');
});

// ---------------------------------------------------------------- network

test('socket, socketpair, bind and connect addresses', () => {
  assert.equal(line('socket', { args: [1, 0x80801, 0], rval: 3 }), 'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3');
  assert.equal(line('socket', { args: [10, 2, 0], rval: 3 }), 'socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 3');
  assert.equal(line('socket', { args: [16, 3, 0], rval: 3 }), 'socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = 3');
  assert.equal(line('socket', { args: [17, 3, 0x300], rval: 3 }), 'socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3');
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 0x0000000500000004n]));
  assert.equal(line('socketpair', { args: [1, 5, 0, BUF], mem: m }), 'socketpair(AF_UNIX, SOCK_SEQPACKET, 0, [4, 5]) = 0');
  const un = new Uint8Array(110);
  un.set(bytes([2, 1]));
  un.set(enc('/tmp/sock'), 2);
  m.put(0x5000n, un);
  assert.equal(line('bind', { args: [3, 0x5000n, 110], mem: m }), 'bind(3, {sa_family=AF_UNIX, sun_path="/tmp/sock"}, 110) = 0');
  const abs = cat(bytes([2, 1]), new Uint8Array([0]), enc('abs'), new Uint8Array([0]), enc('x'));
  m.put(0x5100n, abs);
  assert.equal(line('bind', { args: [4, 0x5100n, 8], mem: m }), 'bind(4, {sa_family=AF_UNIX, sun_path=@"abs\\0x"}, 8) = 0');
  m.put(0x5200n, cat(bytes([2, 2]), new Uint8Array([0x1f, 0x90, 127, 0, 0, 1]), new Uint8Array(8)));
  assert.equal(
    line('connect', { args: [3, 0x5200n, 16], mem: m }),
    'connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
  );
  assert.equal(line('connect', { args: [3, 0x5200n, 3], mem: m, err: EINVAL }), 'connect(3, {sa_family=AF_INET, sa_data="\\37"}, 3) = -1 EINVAL (Invalid argument)');
  const six = cat(bytes([2, 10]), new Uint8Array([0, 53]), new Uint8Array([0, 0, 0, 7]), new Uint8Array(15), new Uint8Array([1]), bytes([4, 0]));
  m.put(0x5300n, six);
  assert.equal(
    line('connect', { args: [3, 0x5300n, 28], mem: m }),
    'connect(3, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(7), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
  );
  m.put(0x5400n, bytes([2, 16], [2, 0], [4, 1234], [4, 0]));
  assert.equal(line('bind', { args: [3, 0x5400n, 12], mem: m }), 'bind(3, {sa_family=AF_NETLINK, nl_pid=1234, nl_groups=00000000}, 12) = 0');
  assert.equal(line('connect', { args: [3, BAD, 16], mem: m, err: EFAULT }), 'connect(3, 0xdead0000, 16) = -1 EFAULT (Bad address)');
});

test('inet_ntop for IPv6', () => {
  const a = (s: number[]): Uint8Array => new Uint8Array(s.flatMap((w) => [w >> 8, w & 0xff]));
  assert.equal(ntop6(a([0, 0, 0, 0, 0, 0, 0, 1])), '::1');
  assert.equal(ntop6(a([0, 0, 0, 0, 0, 0, 0, 0])), '::');
  assert.equal(ntop6(a([0xfe80, 0, 0, 0, 0, 0, 1, 2])), 'fe80::1:2');
  assert.equal(ntop6(a([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304])), '::ffff:1.2.3.4');
  assert.equal(ntop6(a([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1])), '2001:db8::1:0:0:1');
});

test('getsockname, accept, recvfrom: in/out lengths', () => {
  const m = new FakeMemory();
  const un = new Uint8Array(110);
  un.set(bytes([2, 1]));
  un.set(enc('/tmp/s'), 2);
  m.put(BUF, un);
  m.put(BUF2, bytes([4, 110]));
  // the length cell is read at entry (110) and again at exit; the fake memory returns 110 both times
  assert.equal(line('getsockname', { args: [3, BUF, BUF2], mem: m }), 'getsockname(3, {sa_family=AF_UNIX, sun_path="/tmp/s"}, [110]) = 0');
  assert.equal(line('getpeername', { args: [3, BUF, BUF2], mem: m, err: ENOTCONN }), 'getpeername(3, 0x7ffd0000, [110]) = -1 ENOTCONN (Transport endpoint is not connected)');
  assert.equal(line('accept', { args: [3, 0, 0], rval: 5 }), 'accept(3, NULL, NULL) = 5');
  assert.equal(
    line('accept4', { args: [3, BUF, BUF2, 0x80000], mem: m, err: EAGAIN }),
    'accept4(3, 0x7ffd0000, [110], SOCK_CLOEXEC) = -1 EAGAIN (Resource temporarily unavailable)',
  );
  m.put(0x6000n, 'hello\n');
  assert.equal(
    line('recvfrom', { args: [6, 0x6000n, 100, 0, 0, 0], mem: m, rval: 6 }),
    'recvfrom(6, "hello\\n", 100, 0, NULL, NULL) = 6',
  );
  assert.equal(line('sendto', { args: [5, 0x6000n, 6, 0x4040, 0, 0], mem: m, rval: 6 }), 'sendto(5, "hello\\n", 6, MSG_DONTWAIT|MSG_NOSIGNAL, NULL, 0) = 6');
});

test('sendmsg with iovecs and SCM_RIGHTS', () => {
  const m = new FakeMemory();
  m.put(0x6000n, 'abc');
  m.put(0x6100n, 'defgh');
  m.put(0x6200n, bytes([8, 0x6000], [8, 3], [8, 0x6100], [8, 5]));
  m.put(0x6300n, bytes([8, 24], [4, 1], [4, 1], [4, 0], [4, 1]));
  m.put(BUF, bytes([8, 0], [4, 0], [4, 0], [8, 0x6200], [8, 2], [8, 0x6300], [8, 24], [4, 0], [4, 0]));
  assert.equal(
    line('sendmsg', { args: [5, BUF, 0], mem: m, rval: 8 }),
    'sendmsg(5, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="abc", iov_len=3}, {iov_base="defgh", iov_len=5}], msg_iovlen=2, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, msg_flags=0}, 0) = 8',
  );
  assert.equal(line('recvmsg', { args: [6, BUF, 0x40], mem: m, err: EAGAIN }), 'recvmsg(6, {msg_namelen=0}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)');
  assert.equal(line('sendmsg', { args: [5, BAD, 0], mem: m, err: EFAULT }), 'sendmsg(5, 0xdead0000, 0) = -1 EFAULT (Bad address)');
});

test('setsockopt and getsockopt', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([4, 1]));
  m.put(BUF2, bytes([4, 4]));
  assert.equal(line('setsockopt', { args: [5, 1, 2, BUF, 4], mem: m }), 'setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0');
  assert.equal(line('setsockopt', { args: [5, 6, 1, BUF, 4], mem: m }), 'setsockopt(5, SOL_TCP, TCP_NODELAY, [1], 4) = 0');
  assert.equal(line('setsockopt', { args: [5, 1, 8, BUF, 2], mem: m, err: EINVAL }), 'setsockopt(5, SOL_SOCKET, SO_RCVBUF, 0x7ffd0000, 2) = -1 EINVAL (Invalid argument)');
  assert.equal(line('getsockopt', { args: [5, 1, 3, BUF, BUF2], mem: m }), 'getsockopt(5, SOL_SOCKET, SO_TYPE, [1], [4]) = 0');
  assert.equal(line('getsockopt', { args: [5, 999, 5, BUF, BUF2], mem: m, err: 95 }), 'getsockopt(5, 0x3e7 /* SOL_?? */, 5, 0x7ffd0000, [4]) = -1 EOPNOTSUPP (Operation not supported)');
  assert.equal(line('shutdown', { args: [5, 2] }), 'shutdown(5, SHUT_RDWR) = 0');
  assert.equal(line('listen', { args: [3, -1] }), 'listen(3, -1) = 0');
});

test('netlink messages: RTM_GETADDR request, RTM_NEWADDR with attributes, NLMSG_DONE and NLMSG_ERROR', () => {
  const m = new FakeMemory();
  const c = (): Ctx => ({
    pid: 1, nr: 0, name: 'x', args: [0n, 0n, 0n, 0n, 0n, 0n], mem: m, opt: { strsize: 32, abbrev: true, verbose: true },
    rval: 0n, err: 0, state: {},
  });
  m.put(BUF, cat(bytes([4, 20], [2, 22], [2, 0x301], [4, 7], [4, 0]), new Uint8Array([0, 0, 0, 0])));
  assert.equal(
    formatValue(netlinkV(c(), 0, BUF, 20n)),
    '[{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=7, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}]',
  );
  const addrMsg = cat(
    bytes([4, 48], [2, 20], [2, 2], [4, 7], [4, 99]),
    bytes([1, 2], [1, 8], [1, 0x80], [1, 254], [4, 0]),
    bytes([2, 8], [2, 1]), new Uint8Array([127, 0, 0, 1]),
    bytes([2, 7], [2, 3]), enc('lo\0'), new Uint8Array(1),
    bytes([2, 5], [2, 11]), new Uint8Array([1, 0, 0, 0]),
  );
  const done = bytes([4, 20], [2, 3], [2, 2], [4, 7], [4, 99], [4, 0]);
  m.put(BUF2, cat(addrMsg, done));
  assert.equal(
    formatValue(netlinkV(c(), 0, BUF2, BigInt(addrMsg.length + done.length))),
    '[[{nlmsg_len=48, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=99}, '
      + '{ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=0}, '
      + '[[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("127.0.0.1")], [{nla_len=7, nla_type=IFA_LABEL}, "lo"], '
      + '[{nla_len=5, nla_type=IFA_PROTO}, "\\x01"]]], '
      + '[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=7, nlmsg_pid=99}, 0]]',
  );
  m.put(0x6000n, cat(bytes([4, 36], [2, 2], [2, 0x100], [4, 1], [4, 5], [4, -2]), bytes([4, 16], [2, 18], [2, 1], [4, 1], [4, 0])));
  assert.equal(
    formatValue(netlinkV(c(), 0, 0x6000n, 36n)),
    '[{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=1, nlmsg_pid=5}, '
      + '{error=-ENOENT, msg={nlmsg_len=16, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=1, nlmsg_pid=0}}]',
  );
});

test('-e verbose=none: structures in memory print as addresses', () => {
  const m = new FakeMemory();
  m.put(BUF, bytes([8, 1], [8, 2]));
  const opt = { verbose: false };
  assert.equal(line('prlimit64', { args: [0, 3, 0, BUF], mem: m, opt }), 'prlimit64(0, RLIMIT_STACK, NULL, 0x7ffd0000) = 0');
  assert.equal(line('rt_sigprocmask', { args: [0, BUF, 0, 8], mem: m, opt }), 'rt_sigprocmask(SIG_BLOCK, 0x7ffd0000, NULL, 8) = 0');
  assert.equal(line('poll', { args: [BUF, 1, 0], mem: m, rval: 0, opt }, 'poll_time64'), 'poll(0x7ffd0000, 1, 0) = 0 (Timeout)');
  assert.equal(line('sched_getaffinity', { args: [0, 128, BUF], mem: m, rval: 8, opt }), 'sched_getaffinity(0, 128, 0x7ffd0000) = 8');
});
