/** Qualifying expressions (-e trace=, --signal=, -e status=, …) against strace 6.1's rules and messages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X86_64 } from '../../src/arch/x86_64.js';
import { AARCH64 } from '../../src/arch/aarch64.js';
import { I386, NATIVE } from '../../src/arch/index.js';
import type { ArchTable } from '../../src/arch/types.js';
import {
  FilterError, defaultFilters, parseQualifier, applyLongQualifier, applyStatusFlag, applyNoAbbrev,
  finishQuiet, finishDecodeFds, zflagsWarning, qualFlags, qualTables, isKnownToStrace61, signalNumber,
  SYSCALL_CLASSES, type Filters,
} from '../../src/filter/expr.js';
import { compilePosixEre } from '../../src/filter/ere.js';
import { STRACE, testEnv } from '../helpers/diff.js';

const X = X86_64;
const nr = (name: string, t: ArchTable = X): number => {
  const r = t.byName.get(name);
  assert.ok(r, `no syscall ${name}`);
  return r.nr;
};
const parsed = (...args: string[]): Filters => {
  const f = defaultFilters();
  for (const a of args) parseQualifier(a, f, X);
  return f;
};
/** Names of the 64-bit syscalls in the trace set (known to strace 6.1 only). */
const traced = (f: Filters, t: ArchTable = X): string[] =>
  t.rows.filter((r) => r && isKnownToStrace61(t, r.nr) && f.trace.has(r.nr)).map((r) => r!.name).sort();
const errorOf = (fn: () => void): FilterError => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FilterError, `not a FilterError: ${String(e)}`);
    return e;
  }
  assert.fail('no error thrown');
};

test('defaults: trace/abbrev/verbose/signal/status all; raw/read/write/quiet/decode none', () => {
  const f = defaultFilters();
  for (const n of [0, 59, 450, 451, 100000]) {
    assert.ok(f.trace.has(n) && f.abbrev.has(n) && f.verbose.has(n));
    assert.ok(!f.raw.has(n));
  }
  assert.ok(f.signal.has(9) && f.signal.has(0));
  assert.ok(f.status.isComplete());
  assert.ok(!f.quiet.has('attach') && !f.read.has(0) && !f.write.has(1) && !f.decodeFds.has('path'));
  assert.equal(f.quietUpdated, false);
});

test('classes: spot checks of %class membership (x86_64)', () => {
  const has = (expr: string, yes: string[], no: string[]) => {
    const names = traced(parsed(`trace=${expr}`));
    for (const y of yes) assert.ok(names.includes(y), `${expr} should include ${y}`);
    for (const n of no) assert.ok(!names.includes(n), `${expr} should not include ${n}`);
  };
  has('%file', ['open', 'openat', 'stat', 'execve', 'chdir', 'unlink', 'statx'], ['read', 'close', 'fstat']);
  has('%desc', ['read', 'write', 'close', 'fstat', 'openat', 'mmap', 'dup2'], ['stat', 'execve']);
  has('%network', ['socket', 'connect', 'sendto', 'recvmsg'], ['read', 'pipe']);
  has('%net', ['socket', 'accept4'], ['open']);
  has('%process', ['execve', 'clone', 'fork', 'exit_group', 'wait4', 'kill'], ['getpid', 'open']);
  has('%signal', ['rt_sigaction', 'rt_sigprocmask', 'kill', 'tgkill', 'signalfd4'], ['read']);
  has('%ipc', ['shmget', 'semop', 'msgsnd'], ['pipe', 'socket']);
  has('%memory', ['mmap', 'munmap', 'brk', 'mprotect', 'madvise', 'shmat'], ['read']);
  has('%stat', ['stat'], ['lstat', 'fstat', 'newfstatat', 'statx']);
  has('%lstat', ['lstat'], ['stat', 'fstat']);
  has('%fstat', ['fstat', 'newfstatat', 'statx'], ['stat', 'lstat']);
  has('%%stat', ['stat', 'lstat', 'fstat', 'newfstatat', 'statx'], ['statfs', 'read']);
  has('%statfs', ['statfs'], ['fstatfs', 'ustat']);
  has('%fstatfs', ['fstatfs'], ['statfs']);
  has('%%statfs', ['statfs', 'fstatfs', 'ustat'], ['stat']);
  has('%creds', ['getuid', 'setuid', 'setresgid', 'capget', 'prctl'], ['getpid']);
  has('%clock', ['clock_gettime', 'clock_settime', 'adjtimex', 'settimeofday', 'time'], ['nanosleep', 'getpid']);
  has('%pure', ['getpid', 'getuid', 'getppid', 'gettid', 'getpgrp'], ['read', 'getcwd']);
  // Legacy class names without '%' (lowercase only), and the legacy 'all' inside a list.
  assert.deepEqual(traced(parsed('trace=file')), traced(parsed('trace=%file')));
  assert.deepEqual(traced(parsed('trace=network')), traced(parsed('trace=%network')));
  assert.deepEqual(traced(parsed('trace=all,open')), traced(defaultFilters()));
  assert.equal(Object.keys(SYSCALL_CLASSES).length, 26);
});

test('syscall sets: lists, negation, all/none, optional items, numbers, personalities', () => {
  assert.deepEqual(traced(parsed('trace=open,close')), ['close', 'open']);
  assert.deepEqual(traced(parsed('trace=,open,,close,')), ['close', 'open']);
  assert.deepEqual(traced(parsed('open')), ['open'], '-e NAME is -e trace=NAME');
  assert.deepEqual(traced(parsed('t=read')), ['read']);
  // A second trace= replaces the first.
  assert.deepEqual(traced(parsed('trace=open', 'trace=close')), ['close']);
  const not = parsed('trace=!open');
  assert.ok(!not.trace.has(nr('open')) && not.trace.has(nr('close')) && not.trace.has(100000));
  assert.ok(parsed('trace=!!open').trace.has(nr('open')) && !parsed('trace=!!open').trace.has(nr('read')));
  assert.equal(traced(parsed('trace=none')).length, 0);
  assert.equal(traced(parsed('trace=!all')).length, 0);
  assert.ok(parsed('trace=!none').trace.has(12345));
  assert.deepEqual(traced(parsed('trace=?nosuch,read')), ['read']);
  assert.deepEqual(traced(parsed('trace=?nosuch')), []);
  assert.deepEqual(traced(parsed('trace=0,1')), ['read', 'write']);
  assert.deepEqual(traced(parsed('trace=open@64')), ['open']);
  assert.deepEqual(traced(parsed('trace=open@32')), [], 'valid for i386 but selects nothing for 64-bit');
  assert.deepEqual(traced(parsed('trace=socketcall,ioctl#64,335')), [], 'i386/x32-only names and numbers');
  assert.deepEqual(traced(parsed('trace=/^(open|close)$')), ['close', 'open']);
  assert.deepEqual(traced(parsed('trace=/stat$')), ['fstat', 'lstat', 'stat', 'ustat']);
  assert.deepEqual(traced(parsed('trace=/^pread|^pwrite')), ['pread64', 'preadv', 'preadv2', 'pwrite64', 'pwritev', 'pwritev2']);
  // abbrev/verbose/raw are syscall sets too; -v is abbrev=none.
  const f = parsed('abbrev=none', 'verbose=!read', 'x=write');
  assert.ok(!f.abbrev.has(0) && !f.verbose.has(0) && f.verbose.has(1) && f.raw.has(1) && !f.raw.has(0));
  const g = defaultFilters();
  applyNoAbbrev(g, X);
  assert.ok(!g.abbrev.has(0));
});

test('syscalls newer than strace 6.1: names and numbers rejected, always traced raw', () => {
  assert.equal(errorOf(() => parsed('trace=cachestat')).message, "invalid system call 'cachestat'");
  assert.equal(errorOf(() => parsed('trace=uretprobe')).message, "invalid system call 'uretprobe'");
  assert.equal(errorOf(() => parsed('trace=451')).message, "invalid system call '451'");
  assert.ok(!isKnownToStrace61(X, 451) && !isKnownToStrace61(X, 335) && isKnownToStrace61(X, 450));
  assert.ok(!isKnownToStrace61(AARCH64, 451) && isKnownToStrace61(AARCH64, 450));
  const f = parsed('trace=open');
  assert.deepEqual(qualFlags(f, X, 451), { trace: true, abbrev: true, verbose: true, raw: true });
  assert.deepEqual(qualFlags(f, X, -1n), { trace: true, abbrev: true, verbose: true, raw: true });
  assert.deepEqual(qualFlags(f, X, nr('open')), { trace: true, abbrev: true, verbose: true, raw: false });
  assert.deepEqual(qualFlags(f, X, nr('read')), { trace: false, abbrev: true, verbose: true, raw: false });
  assert.deepEqual(traced(parsed('trace=/^cachestat$|^read$')), ['read']);
});

test('qualTables: the i386 personality (int $0x80 calls) has arrays of its own, by name, class and number', () => {
  const i386 = (exprs: string[]) => {
    const f = defaultFilters();
    for (const e of exprs) parseQualifier(e, f, X);
    const t = qualTables(f, X).compat?.(0x40000003);
    assert.ok(t, exprs.join(' '));
    return t;
  };
  // the numbers of rows traced (-1: no array, all are)
  const on = (a: Uint8Array | undefined): number[] => (a ? [...a.keys()].filter((n) => a[n] === 1 && I386.rows[n] !== undefined) : [-1]);
  assert.deepEqual(on(i386(['trace=getgid32']).traced), [200]); // not getgid (47, 16-bit)
  assert.equal(on(i386(['trace=?getgid32@64']).traced).includes(200), false);
  assert.equal(on(i386(['trace=200@32']).traced).includes(200), true);
  assert.equal(on(i386(['trace=%creds']).traced).includes(200), true);
  assert.equal(on(i386(['trace=/^getgid']).traced).includes(47), true);
  assert.equal(i386(['trace=!getgid32']).traced![200], 0);
  assert.equal(i386(['trace=!getgid32']).traced![47], 1);
  assert.equal(i386([]).traced, undefined);
  assert.equal(i386(['raw=getgid32']).qual![200], 1);
  // the 64-bit table's arrays do not see i386 names
  const f = defaultFilters();
  parseQualifier('trace=getgid32', f, X);
  assert.equal([...qualTables(f, X).traced!].some((v, n) => v === 1 && X.rows[n] !== undefined && isKnownToStrace61(X, n)), false);
});

test('qualTables: the per-number arrays the tracer uses agree with qualFlags', () => {
  for (const table of [X, AARCH64]) {
    for (const exprs of [[], ['trace=open'], ['trace=%network', 'x=read'], ['trace=!write', 'abbrev=none', 'verbose=!read'], ['trace=all', 'raw=all']]) {
      const f = defaultFilters();
      for (const e of exprs) parseQualifier(e, f, table);
      const { traced, qual } = qualTables(f, table);
      const len = table.rows.length;
      const wantTraced = Array.from({ length: len }, (_, n) => (table.rows[n] === undefined || qualFlags(f, table, n).trace ? 1 : 0));
      const wantQual = Array.from({ length: len }, (_, n) => {
        if (table.rows[n] === undefined) return 0;
        const q = qualFlags(f, table, n);
        return (q.raw ? 1 : 0) | (q.abbrev ? 0 : 2) | (q.verbose ? 0 : 4) | (isKnownToStrace61(table, n) ? 0 : 8);
      });
      const label = `${table.name} ${exprs.join(' ')}`;
      assert.deepEqual(traced ? [...traced] : wantTraced.map(() => 1), wantTraced, label);
      assert.deepEqual(qual ? [...qual] : wantQual.map(() => 0), wantQual, label);
      assert.equal(traced === undefined, wantTraced.every((x) => x === 1), label);
    }
  }
});

test('aarch64: its own classes, arm names accepted, @x32 rejected', () => {
  const f = defaultFilters();
  parseQualifier('trace=%stat,openat,open@32,cacheflush', f, AARCH64);
  assert.deepEqual(traced(f, AARCH64), ['openat']);
  parseQualifier('trace=983042,open', f, AARCH64); // __ARM_NR_cacheflush and open: valid for arm only
  assert.deepEqual(traced(f, AARCH64), []);
  assert.equal(errorOf(() => parseQualifier('trace=open@64', f, AARCH64)).message, "invalid system call 'open@64'");
  assert.equal(errorOf(() => parseQualifier('trace=983040', f, AARCH64)).message, "invalid system call '983040'");
  const e = errorOf(() => parseQualifier('trace=read@x32', f, AARCH64));
  assert.equal(e.message, "incorrect personality designator 'x32' in qualification 'read@x32'");
  assert.equal(e.hint, true);
});

test('signals, statuses, quiet, fds, decode sets', () => {
  assert.equal(signalNumber('SIGKILL'), 9);
  assert.equal(signalNumber('kill'), 9);
  assert.equal(signalNumber('sIgTeRm'), 15);
  assert.equal(signalNumber('RTMIN'), 32);
  assert.equal(signalNumber('sigrt_32'), 64);
  assert.equal(signalNumber('SIGRT_0'), -1);
  assert.equal(signalNumber('IOT'), -1);
  assert.equal(signalNumber('255'), 255);
  assert.equal(signalNumber('256'), -1);
  const f = parsed('signal=!SIGCHLD,2', 'status=FAILED,unfinished', 'quiet=exits,superseded', 'read=0,+3', 'w= 1');
  assert.ok(!f.signal.has(17) && !f.signal.has(2) && f.signal.has(9));
  assert.ok(f.status.has('failed') && f.status.has('unfinished') && !f.status.has('successful') && !f.status.isComplete());
  assert.ok(f.quiet.has('exit') && f.quiet.has('thread-execve') && !f.quiet.has('attach') && f.quietUpdated);
  assert.ok(f.read.has(0) && f.read.has(3) && !f.read.has(1) && f.write.has(1));
  const g = defaultFilters();
  applyLongQualifier('quiet', undefined, g, X);
  assert.ok(g.quiet.has('attach') && g.quiet.has('personality') && !g.quiet.has('exit'));
  applyLongQualifier('decode-fds', undefined, g, X);
  assert.ok(g.decodeFds.has('path') && !g.decodeFds.has('socket'));
  applyLongQualifier('signals', 'none', g, X);
  assert.ok(!g.signal.has(9));
  parseQualifier('decode-pids=pidns', g, X);
  assert.ok(g.decodePids.has('pidns') && !g.decodePids.has('comm'));
  parseQualifier('decode-pids=comm', g, X);
  assert.ok(g.decodePids.has('comm') && !g.decodePids.has('pidns'));
  parseQualifier('kvm=vcpu', g, X);
  assert.ok(g.kvmVcpu);
});

test('-z/-Z, -q, -y finishing rules', () => {
  const f = defaultFilters();
  applyStatusFlag(f, 'z');
  assert.ok(f.status.has('successful') && !f.status.has('failed'));
  assert.equal(zflagsWarning(f), undefined);
  applyStatusFlag(f, 'Z');
  assert.ok(!f.status.has('successful') && f.status.has('failed'));
  assert.match(zflagsWarning(f)!, /^Only the last of -z\/--successful-only\/-Z\/--failed-only options will take effect\. /);

  const q = defaultFilters();
  finishQuiet(q, 0, true); // -o FILE with a command implies -q
  assert.ok(q.quiet.has('attach') && q.quiet.has('personality') && !q.quiet.has('exit'));
  const qq = defaultFilters();
  finishQuiet(qq, 2, false);
  assert.ok(qq.quiet.has('exit'));
  const qqq = defaultFilters();
  finishQuiet(qqq, 3, false);
  assert.ok(qqq.quiet.isComplete());
  const none = defaultFilters();
  finishQuiet(none, 0, false);
  assert.ok(!none.quiet.has('attach'));
  const both = parsed('quiet=exit');
  finishQuiet(both, 0, true); // an explicit quiet= wins over the implicit -q
  assert.ok(both.quiet.has('exit') && !both.quiet.has('attach'));
  assert.equal(errorOf(() => finishQuiet(parsed('quiet=exit'), 1, false)).message, '-q and -e quiet/--quiet cannot be provided simultaneously');

  const y = defaultFilters();
  finishDecodeFds(y, 2);
  assert.ok(y.decodeFds.isComplete());
  assert.equal(errorOf(() => finishDecodeFds(parsed('decode-fds=path'), 1)).message, '-y and --decode-fds cannot be provided simultaneously');
});

test('inject/fault rules: when= ranges and steps, error names and numbers, fault\'s ENOSYS, what is not done yet', () => {
  const open = X.byName.get('open')!.nr, close = X.byName.get('close')!.nr;
  const rule = (q: string, nr = open) => parsed(q).inject.get(nr);
  assert.deepEqual(rule('inject=open:error=ENOENT'), { first: 1, last: Infinity, step: 1, error: 2 });
  assert.deepEqual(rule('inject=open:error=13:when=3'), { first: 3, last: Infinity, step: 0, error: 13 });
  assert.deepEqual(rule('inject=open:retval=0x10:when=2+'), { first: 2, last: Infinity, step: 1, retval: 16n });
  assert.deepEqual(rule('inject=open,close:signal=SIGUSR1:when=2..5+2', close), { first: 2, last: 5, step: 2, signal: 10 });
  assert.deepEqual(rule('fault=open:when=4..4'), { first: 4, last: 4, step: 1, error: 38 });
  assert.equal(parsed('fault=open').inject.get(close), undefined);
  // a retval a 64-bit caller reads as -EPERM: accepted, with strace's warning
  assert.deepEqual(parsed('inject=open:retval=-1').warnings, ['Inadvertent injection of error 1 is possible for retval=18446744073709551615']);
  assert.equal(errorOf(() => parsed('inject=open')).message, "invalid inject argument 'open'");
  assert.equal(errorOf(() => parsed('fault=open:retval=1')).message, "invalid fault argument 'open:retval=1'");
  // the actions beyond the result: a pure call in place, delays (µs by default), pokes
  assert.deepEqual(rule('inject=open:error=EPERM:syscall=getpid:delay_enter=10:delay_exit=1ms:poke_enter=@arg1=00'), {
    first: 1, last: Infinity, step: 1, error: 1, syscall: X86_64.byName.get('getpid')!.nr, delayEnter: 10_000n, delayExit: 1_000_000n,
    pokeEnter: [{ arg: 1, data: Uint8Array.of(0) }],
  });
  assert.equal(errorOf(() => parsed('inject=open:syscall=getpid')).message, "invalid inject argument 'open:syscall=getpid'");
});

test('POSIX ERE: glibc regcomp semantics and messages', () => {
  const names = ['open', 'openat', 'close', 'read', 'pread64', 'ioctl#64', '_llseek'];
  const m = (p: string): string[] | string => {
    const r = compilePosixEre(p);
    return r.ok ? names.filter((n) => r.test(n)) : r.error;
  };
  assert.deepEqual(m(''), names);
  assert.deepEqual(m('^open'), ['open', 'openat']);
  assert.deepEqual(m('a+?'), names, "a+? is (a+)? in POSIX, so it matches everywhere");
  assert.deepEqual(m('a**'), names);
  assert.deepEqual(m('[[:digit:]]{2}'), ['pread64', 'ioctl#64']);
  assert.deepEqual(m('\\<read'), ['read']);
  assert.deepEqual(m('#'), ['ioctl#64']);
  assert.deepEqual(m('[]a]'), ['openat', 'read', 'pread64']);
  assert.deepEqual(m('x)'), [], 'an unmatched ) is an ordinary character');
  assert.deepEqual(m('(.)\\1'), ['_llseek']);
  assert.deepEqual(m('(a|(b))\\2'), [], 'a reference to a group that did not take part fails');
  assert.deepEqual(m('e{,1}'), names);
  assert.equal(m('['), 'Invalid regular expression');
  assert.equal(m('[a'), 'Unmatched [, [^, [:, [., or [=');
  assert.equal(m('('), 'Unmatched ( or \\(');
  assert.equal(m('a{'), 'Unmatched \\{');
  assert.equal(m('a{2,1}'), 'Invalid content of \\{\\}');
  assert.equal(m('a{}'), 'Invalid content of \\{\\}');
  assert.equal(m('a{32768}'), 'Regular expression too big');
  assert.equal(m('*a'), 'Invalid preceding regular expression');
  assert.equal(m('^*'), 'Invalid preceding regular expression');
  assert.equal(m('\\'), 'Trailing backslash');
  assert.equal(m('[[:foo:]]'), 'Invalid character class name');
  assert.equal(m('[[.ab.]]'), 'Invalid collation character');
  assert.equal(m('[b-a]'), 'Invalid range end');
  assert.equal(m('\\1'), 'Invalid back reference');
  assert.equal(m('(a)|\\1'), 'Invalid back reference');
  // Nested repetitions that make backtracking engines explode stay fast.
  const t0 = Date.now();
  const slow = compilePosixEre('(.*)*=');
  assert.ok(slow.ok && !slow.test('sched_rr_get_interval_time64'));
  assert.ok(Date.now() - t0 < 1000);
});

// ---------------------------------------------------------------------------------------------
// Against /usr/bin/strace

const MSG_TOOL = 'TOOL';
const straceMsg = (args: string[]): { status: number | null; stderr: string } => {
  const r = spawnSync(STRACE, [...args, '-o', '/dev/null', 'true'], { encoding: 'utf8', env: testEnv(), timeout: 30_000 });
  return { status: r.status, stderr: r.stderr.replaceAll(STRACE, MSG_TOOL).replaceAll('strace', MSG_TOOL) };
};
/** What sysray would print for the same options (qualifier options only). */
const oursMsg = (args: string[], table: ArchTable): { status: number | null; stderr: string } => {
  const f = defaultFilters();
  try {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-e') parseQualifier(args[++i]!, f, table);
      else if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        applyLongQualifier(name === 'signal' ? 'signals' : name, eq < 0 ? undefined : a.slice(eq + 1), f, table);
      } else throw new Error(`test helper: ${a}`);
    }
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    return { status: 1, stderr: `${MSG_TOOL}: ${e.message.replaceAll('sysray', MSG_TOOL)}\n${e.hint ? `Try '${MSG_TOOL} -h' for more information.\n` : ''}` };
  }
  return { status: 0, stderr: '' };
};

test('error messages and exit status are those of /usr/bin/strace', () => {
  const cases: string[][] = [
    'trace=nosuch', 'trace=%nosuch', 'trace=/[', 'trace=/(', 'trace=/)', 'trace=/a{', 'trace=/{1', 'trace=/*a',
    'trace=/\\', 'trace=/[[:foo:]]', 'trace=/[b-a]', 'trace=/a{2,1}', 'trace=/\\1', 'trace=/', 'trace=/^$',
    'trace=/^open', 'trace=/(a|)', 'trace=%FILE', 'FILE', 'trace=ALL', 'trace=All,open', 'trace=', 'trace=!', 'trace=,',
    'trace=!!open', 'trace=!all', 'trace=?nosuch', 'trace=?', 'trace=open,!close', 'trace=open@foo', 'trace=?open@',
    'trace=0', 'trace=1x', 'trace=4294967296', 'trace=%%stat,%%statfs,%creds,%clock,%pure,%net',
    'trace=desc,file,memory,process,signal,ipc,network', 'trace=creds', 'open', 'nosuch', 'bogus=1', 'trace =x',
    'status=bogus', 'status=', 'status=!', 'status=FAILED,Detached', 'status=all,failed',
    'signal=NOSIG', 'signal=300', 'signal=0', 'signal=', 'signal=all,HUP', 'signal=SIGRT_33', 'signal=sigrt_32',
    'signals=x', 's=HUP', 'quiet=bogus', 'quiet=exits,superseded,path-resolution,personality,attach,thread-execve',
    'quiet=ALL', 'silent=x', 'silence=x', 'q=x', 'read=x', 'read=-1', 'read=-0', 'read=+3', 'read= 3', 'read=3 ',
    'write=2147483648', 'write=2147483647', 'reads=x', 'writes=1,2', 'r=x', 'w=x', 'abbrev=nosuch', 'a=x',
    'verbose=!bogus', 'v=all', 'raw=/[', 'x=nosuch', 'kvm=x', 'secontext=full', 'decode-fds=bogus', 'decode-fd=path,dev',
    'decode-pids=bogus', 'decode-pid=pidns',
  ].map((e) => ['-e', e]);
  cases.push(['--trace=nosuch'], ['--signal=NOSIG'], ['--status=bogus'], ['--quiet=bogus'], ['--quiet'], ['--read=x'],
    ['--write=x'], ['--abbrev=x'], ['--verbose=x'], ['--raw=x'], ['--decode-fds'], ['--decode-fds=x'], ['--silence=x'],
    ['-e', 'trace=open', '--trace=nosuch'], ['-e', 'trace=nosuch', '-e', 'trace=open']);
  if (process.arch === 'x64') {
    cases.push(...['trace=open@64', 'trace=open@x32', 'trace=foo@32', 'trace=socketcall', 'trace=send', 'trace=ioctl#64',
      'trace=335', 'trace=451', 'trace=512', 'trace=547', 'trace=548', 'trace=cachestat', 'trace=/^stat64$',
      'trace=/#64$@x32', 'trace=/#64$@64', 'trace=kexec_file_load@32'].map((e) => ['-e', e]));
  }
  for (const args of cases) {
    const want = straceMsg(args);
    const got = oursMsg(args, NATIVE);
    assert.deepEqual(got, want, `strace ${args.join(' ')}`);
  }
});

test('selected syscalls are those strace traces (real runs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-filter-'));
  try {
    const cmd = ['sh', '-c', 'ls -l / >/dev/null; cat /etc/hostname >/dev/null; id -u >/dev/null; kill -0 $$'];
    const names = (expr: string): Set<string> => {
      const out = join(dir, 'trace');
      spawnSync(STRACE, ['-f', '-qq', '-e', expr, '-o', out, ...cmd], { env: testEnv(), timeout: 30_000 });
      const set = new Set<string>();
      for (const m of readFileSync(out, 'latin1').matchAll(/^(?:\d+ +)?(?:<\.\.\. )?([a-z_0-9]+)(?:\(| resumed>)/gm)) set.add(m[1]!);
      return set;
    };
    const all = names('trace=all');
    assert.ok(all.size > 20);
    for (const expr of ['trace=%file', 'trace=%desc', 'trace=%%stat', 'trace=%memory', 'trace=%process', 'trace=%signal',
      'trace=%creds', 'trace=%pure', 'trace=%clock', 'trace=/^(open|close)', 'trace=!%file', 'trace=?nosuch,read,write',
      'trace=%network,%ipc', 'trace=/at$']) {
      const f = defaultFilters();
      parseQualifier(expr, f, NATIVE);
      const want = names(expr);
      const predicted = new Set([...all].filter((n) => f.trace.has(NATIVE.byName.get(n)!.nr)));
      assert.deepEqual([...predicted].sort(), [...want].sort(), expr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
