/**
 * strace's filters against the real strace: -e trace= (names, classes, regex, negation), status
 * (-z, -Z, -e status=), signal=, and seccomp-bpf on and off giving the same output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare, diffReport, multisetAgreement, perProcess, STRACE, SYSRAY, traceWith } from '../helpers/diff.js';
import { scratch } from '../helpers/fixtures.js';

/** One process (no child races): files, a socket, a failure, a signal to itself. */
const PROGRAM = [
  'python3', '-c',
  "import os, signal, socket\nsignal.signal(signal.SIGUSR1, lambda *a: None)\nos.kill(os.getpid(), signal.SIGUSR1)\n" +
    "open('/etc/hostname').read()\ns = socket.socket(); s.close()\ntry: open('/nonexist')\nexcept OSError: pass",
];
/** Several processes, for -f. */
const FAMILY = ['sh', '-c', 'cat /etc/hostname; ls /nonexist; python3 -c "import socket; socket.socket()"'];

const CASES: string[][] = [
  ['-e', 'trace=openat,close'],
  ['-e', 'trace=%file'],
  ['-e', 'trace=%network'],
  ['-e', 'trace=%memory'],
  ['-e', 'trace=%stat'],
  ['-e', 'trace=%%stat'],
  ['-e', 'trace=%desc'],
  ['-e', 'trace=%process'],
  ['-e', 'trace=%signal'],
  ['-e', 'trace=%creds'],
  ['-e', 'trace=%pure'],
  ['-e', 'trace=/^(open|read)'],
  ['-e', 'trace=!%memory,%desc'],
  ['-e', 'trace=?nosuchcall,write'],
  ['-e', 'trace=none'],
  ['--trace=execve,exit_group'],
  ['-eopenat'],
  ['-z', '-e', 'trace=openat'],
  ['-Z'],
  ['-e', 'status=failed'],
  ['-e', 'status=!successful'],
  ['-e', 'signal=none'],
  ['-e', 'signal=!SIGUSR1'],
  ['-e', 'raw=openat,read'],
  ['-e', 'raw=all', '-e', 'trace=%file'],
  ['-v'],
  ['-e', 'abbrev=none', '-e', 'trace=%stat'],
  ['-e', 'verbose=none'],
  ['-e', 'verbose=!newfstatat', '-e', 'trace=newfstatat,rt_sigaction'],
  ['--strings-in-hex=non-ascii'],
  ['-n'],
  ['-i'],
  ['-n', '-i', '-e', 'trace=kill,openat'],
  ['-P', '/etc/hostname'],
  ['-P', '/etc/ld.so.cache', '-P', '/etc/hostname'],
  ['-P', '/tmp/../etc/hostname'],
  ['-P', '/nonexist'],
  ['-e', 'signal=SIGUSR1', '-e', 'trace=kill'],
];

for (const opts of CASES) {
  test(`same trace as strace: ${opts.join(' ')}`, () => {
    const c = compare(PROGRAM, opts, scratch());
    assert.ok(c.straceRun.status === 0 || c.straceRun.status === 1, `strace ran (${c.straceRun.stderr})`);
    assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
  });
}

const names = (lines: string[]): string[] =>
  [...new Set(lines.map((l) => /^([a-z_0-9]+)\(/.exec(l)?.[1]).filter((n): n is string => !!n))].sort();

test('-f with seccomp-bpf (sysray default) traces what strace -f --seccomp-bpf traces, and what plain strace -f does', () => {
  for (const filter of ['trace=%network', 'trace=%file', 'trace=execve,wait4']) {
    const cwd = scratch();
    const withBpf = traceWith(STRACE, ['-f', '--seccomp-bpf', '-e', filter], FAMILY, cwd);
    const plain = traceWith(STRACE, ['-f', '-e', filter], FAMILY, cwd);
    const ours = traceWith(SYSRAY, ['-f', '-e', filter], FAMILY, cwd);
    const oursNoBpf = traceWith(SYSRAY, ['-f', '--no-seccomp-bpf', '-e', filter], FAMILY, cwd);
    // several processes race (a SIGCHLD may restart a clone): the same syscalls, and nearly the same lines
    const same = (x: string, y: string, what: string) => {
      const a = perProcess(x).flat(), b = perProcess(y).flat();
      assert.deepEqual(names(b), names(a), `${filter}: syscalls traced, ${what}`);
      const ag = multisetAgreement(a, b);
      assert.ok(ag >= 0.95, `${filter}: ${what}: ${(ag * 100).toFixed(1)}% of lines agree`);
    };
    same(withBpf.trace, ours.trace, 'sysray (seccomp) vs strace --seccomp-bpf');
    same(plain.trace, oursNoBpf.trace, 'sysray --no-seccomp-bpf vs strace');
    same(oursNoBpf.trace, ours.trace, 'sysray with and without seccomp');
    assert.equal(ours.status, withBpf.status);
  }
});

test('bad expressions: strace\'s message and exit 1', () => {
  for (const opts of [['-e', 'trace=nosuch'], ['-e', 'trace=%nosuch'], ['-e', 'status=bogus'], ['-e', 'signal=NOSIG'], ['-e', 'trace=/[']]) {
    const a = traceWith(STRACE, opts, ['true'], scratch());
    const b = traceWith(SYSRAY, opts, ['true'], scratch());
    assert.equal(b.status, 1);
    assert.equal(b.stderr.replace(/^\S*sysray/gm, 'TOOL'), a.stderr.replace(/^\S*strace/gm, 'TOOL'), opts.join(' '));
  }
});
