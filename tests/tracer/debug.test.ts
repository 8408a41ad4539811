/** -d: strace's debug lines where its own suite reads them, and the wait statuses in its words. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { debugWaitLine } from '../../src/tracer/debug.js';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

const run = (tool: string, args: string[]) => spawnSync(tool, args, { encoding: 'latin1', env: testEnv() }).stderr.replaceAll(tool, 'T');

test('the first lines as strace says them (its suite greps for the second)', () => {
  for (const args of [['-d', '-enone', '/'], ['-d', '-f', '-e', 'trace=none', 'true']]) {
    const head = (t: string) => t.split('\n').slice(0, 2);
    assert.deepEqual(head(run(SYSRAY, args)), head(run(STRACE, args)), args.join(' '));
  }
});

test('wait statuses: each kind of stop and end as print_debug_info words it', () => {
  assert.equal(debugWaitLine(42, 0x80137f), '[wait(0x80137f) = 42] WIFSTOPPED,sig=SIGSTOP,EVENT_STOP (128)');
  assert.equal(debugWaitLine(42, 0x857f), '[wait(0x00857f) = 42] WIFSTOPPED,sig=133');
  assert.equal(debugWaitLine(42, 0x06057f), '[wait(0x06057f) = 42] WIFSTOPPED,sig=SIGTRAP,EVENT_EXIT (6)');
  assert.equal(debugWaitLine(42, 0x100), '[wait(0x000100) = 42] WIFEXITED,exitcode=1');
  assert.equal(debugWaitLine(42, 0x89), '[wait(0x000089) = 42] WIFSIGNALED,core,sig=SIGKILL');
});

test('a traced run: the same kinds of lines as strace\'s, in order, for one process', () => {
  // strace's own queueing lines (next_event: ...) are its internals; the rest match in kind
  const kinds = (t: string) => t.split('\n').filter((l) => l.startsWith('T: ') && !l.includes('next_event') && !l.includes('TCB_STARTUP'))
    .map((l) => l.replace(/\d{3,}/g, 'N').replace(/0x[0-9a-f]{6}/, '0xS'));
  const a = kinds(run(STRACE, ['-d', '-e', 'trace=none', 'true']));
  const b = kinds(run(SYSRAY, ['-d', '-e', 'trace=none', 'true']));
  const tail = (l: string[]) => l.slice(-3);
  assert.deepEqual(tail(b), tail(a));
  assert.ok(b.some((l) => /new tcb for pid N, active tcbs:1/.test(l)), b.join('\n'));
});

test('--seccomp-bpf with -p: strace\'s warning, said with a command too under -d', () => {
  // a pid nobody has: the attach fails at once, after the option checks this compares
  const msgs = (tool: string, args: string[]) => spawnSync(tool, args, { encoding: 'latin1', env: testEnv(), timeout: 20_000 }).stderr
    .replaceAll(tool, 'T').split('\n').filter((l) => /--seccomp-bpf|Seccomp filter/.test(l));
  const warned = msgs(STRACE, ['--seccomp-bpf', '-f', '-d', '-e', 'trace=none', '-p', '999999999', 'true']);
  assert.ok(warned.some((l) => /attached with -p/.test(l)), warned.join('\n'));
  for (const args of [
    ['--seccomp-bpf', '-f', '-e', 'trace=none', '-p', '999999999'],
    ['--seccomp-bpf', '-e', 'trace=none', '-p', '999999999'],
    ['--seccomp-bpf', '-f', '-e', 'trace=none', '-p', '999999999', 'true'],
    ['--seccomp-bpf', '-f', '-d', '-e', 'trace=none', '-p', '999999999', 'true'],
  ]) assert.deepEqual(msgs(SYSRAY, args), msgs(STRACE, args), args.join(' '));
});

test('-d says when the started command runs under the seccomp filter, as strace does', () => {
  const enabled = (tool: string, args: string[]) =>
    spawnSync(tool, ['-d', ...args, 'true'], { encoding: 'latin1', env: testEnv() }).stderr.split('\n').filter((l) => l.endsWith(': seccomp filter enabled')).length;
  for (const args of [['-f', '--seccomp-bpf', '-e', 'trace=openat'], ['-e', 'trace=openat'], ['-f', '--seccomp-bpf', '-e', 'trace=all']]) {
    assert.equal(enabled(SYSRAY, args), enabled(STRACE, args), args.join(' '));
  }
  assert.equal(enabled(STRACE, ['-f', '--seccomp-bpf', '-e', 'trace=openat']), 1);
  // sysray's filter is on by default with -f and a partial trace (strace's is off), and -d says so
  assert.equal(enabled(SYSRAY, ['-f', '-e', 'trace=none']), 1);
  assert.equal(enabled(SYSRAY, ['-f', '--no-seccomp-bpf', '-e', 'trace=none']), 0);
});
