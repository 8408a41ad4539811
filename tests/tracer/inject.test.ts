/**
 * -e inject= and -e fault= against strace: which calls are tampered with (when=), what they return
 * (error=, retval=), signals delivered as they start (signal=), `(INJECTED)`, and the messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { compare, diffReport, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

const x64 = process.arch === 'x64';
const skip = !x64 && 'x86_64 only';

test('tampered calls, their results and what the program does then: the same trace as strace', { skip }, () => {
  const cat = ['cat', '/etc/hostname'];
  const cases: [string[], string[]][] = [
    // the 3rd openat fails, every close returns 42 without closing, the 2nd read fails with ENOSYS
    [['-e', 'trace=openat,read,close', '-e', 'inject=openat:error=ENOENT:when=3', '-e', 'inject=close:retval=42', '-e', 'fault=read:when=2'], cat],
    // when=F+S and F..L, through the seccomp filter (-f with a partial trace=)
    [['-f', '-e', 'trace=openat', '-e', 'fault=openat:when=2+2'], cat],
    [['-f', '-e', 'trace=openat,close', '-e', 'inject=openat:error=EACCES:when=4..5'], cat],
    // an errno by number, a class of syscalls (each syscall counts its own calls), from the 2nd on
    [['-e', 'trace=%file', '-e', 'inject=%file:error=1:when=2+'], ['true']],
    [['-e', 'trace=openat', '-e', 'inject=all:error=ENOSYS:when=7'], cat],
    // a made-up success: read's buffer then prints as if 3 bytes had come
    [['-y', '-e', 'trace=openat,read', '-e', 'inject=read:retval=3'], cat],
    // (INJECTED) after what strace shows in parentheses for a success
    [['-e', 'trace=fcntl', '-e', 'inject=fcntl:retval=1:when=1'], ['python3', '-c', 'import os; os.get_inheritable(0)']],
    // a signal as the call starts, the call itself untouched
    [['-e', 'trace=getpid,kill', '-e', 'inject=getpid:signal=USR1'], ['sh', '-c', 'trap "echo got" USR1; kill -0 $$']],
    // both: the signal first, then the made-up result
    [['-e', 'trace=kill', '-e', 'inject=kill:signal=SIGUSR2:retval=0'], ['sh', '-c', 'trap "" USR2; kill -0 $$; echo $?']],
  ];
  for (const [opts, cmd] of cases) {
    const c = compare(cmd, opts);
    assert.ok(c.ok, `${opts.join(' ')} ${cmd.join(' ')}\n${diffReport(c)}`);
    assert.match(c.strace.join('\n'), /\(INJECTED\)|--- SIGUSR/, 'strace tampered with nothing');
    assert.equal(c.sysrayRun.status, c.straceRun.status);
    assert.equal(c.sysrayRun.stdout, c.straceRun.stdout);
  }
});

test('-c counts the calls and errors injected, as strace does', { skip }, () => {
  const counts = (tool: string) => {
    const r = spawnSync(tool, ['-c', '-e', 'fault=openat:when=1..2', '-e', 'inject=close:error=EBADF', 'cat', '/etc/hostname'], { encoding: 'latin1', env: testEnv() });
    // calls and errors per syscall (times differ from run to run)
    return r.stderr.split('\n').filter((l) => /^ *[\d.]+ +[\d.]+ +\d+ +\d+/.test(l)).map((l) => l.trim().split(/ +/).slice(3).join(' ')).sort();
  };
  const a = counts(STRACE);
  assert.ok(a.some((l) => /^\d+ \d+ close$/.test(l)), a.join('\n'));
  assert.deepEqual(counts(SYSRAY), a);
});

test('bad rules and doubtful retvals: strace\'s messages and exit status', () => {
  const msgs = (tool: string, args: string[]) => {
    const r = spawnSync(tool, [...args, 'true'], { encoding: 'latin1', env: testEnv() });
    return { status: r.status, stderr: r.stderr.replaceAll(tool, 'TOOL') };
  };
  for (const rule of [
    ['-e', 'inject=openat'], ['-e', 'inject=openat:error=NOPE'], ['-e', 'inject=nosuch:error=EIO'], ['-e', 'fault=openat:retval=1'],
    ['-e', 'inject=openat:when=0:error=EIO'], ['-e', 'inject=openat:when=3..2:error=EIO'], ['-e', 'inject=openat:error=EIO:error=EIO'],
    ['-e', 'inject=:error=EIO'], ['-e', 'inject='], ['-e', 'inject=openat:when=2+x:error=EIO'], ['-e', 'fault=openat:signal=USR1'],
    ['--inject=openat:signal=NOSIG'], ['--fault=openat:error=4096'],
    // accepted, with a warning: values an x86_64 or a 32-bit process would read as an error
    ['-e', 'trace=none', '-e', 'inject=openat:retval=-1'], ['-e', 'trace=none', '-e', 'inject=openat:retval=0xfffffffe'],
    ['-e', 'trace=none', '-e', 'inject=openat:retval=0x1ffffffff'], ['-e', 'trace=none', '-e', 'fault=openat:when=1000'],
  ]) {
    const a = msgs(STRACE, rule);
    assert.deepEqual(msgs(SYSRAY, rule), a, rule.join(' '));
  }
});

test('--json marks an injected result', { skip }, () => {
  const r = spawnSync(SYSRAY, ['--json', '-e', 'trace=close', '-e', 'inject=close:retval=7:when=1', 'true'], { encoding: 'latin1', env: testEnv() });
  const close = r.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name?: string; ret?: number; injected?: boolean }).filter((e) => e.name === 'close');
  assert.ok(close.length >= 2, r.stderr);
  assert.deepEqual([close[0]!.ret, close[0]!.injected], [7, true]);
  assert.equal(close[1]!.injected, undefined);
});
