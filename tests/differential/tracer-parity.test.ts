/**
 * Differential tests for the tracer-process differences strace 6.1's own test suite found
 * (issue 18): each fixture makes the calls of one cause, traced by /usr/bin/strace and by sysray.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { compare, diffReport, normalise, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const noCc = !haveCc() && 'no cc';

/** Trace fixture `name` with both tracers; `expect` is a line strace must print (the fixture ran). */
function same(name: string, opts: string[], expect: RegExp): void {
  const c = compare([fixture(name)], opts, scratch());
  assert.ok(c.strace.some((l) => expect.test(l)), `strace printed ${expect}`);
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
}

test('syscalls newer than strace 6.1 print unnamed, with six arguments, whatever the filter', { skip: noCc }, () => {
  for (const x of [[], ['-e', 'trace=none'], ['-e', 'raw=none', '-v']])
    same('newer_syscalls', x, /^syscall_0x1c3\(0xbad0, 0xADDR, 0xADDR, 0x3, 0xdead, 0x6\) = -1 /);
});

test('syscall(-1) is named from its 64 bits: syscall_0xffffffffffffffff, not read', { skip: noCc }, () => {
  const c = compare([fixture('legacy_calls')], ['-e', 'trace=none'], scratch());
  assert.ok(c.straceRun.trace.includes('syscall_0xffffffffffffffff(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS'), c.straceRun.trace);
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
});

test('-p with a command: two tracees from the start, so -o lines carry pids', async () => {
  const runs: string[] = [];
  for (const tool of [STRACE, SYSRAY]) {
    const target = spawn('sleep', ['2'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    const run = traceWith(tool, ['-e', 'trace=chdir', '-p', String(target.pid)], ['sh', '-c', 'cd /nonexistent-sysray; true'], scratch());
    // the pid column's padding depends on how many digits the pid has (pids wrap at pid_max)
    runs.push(normalise(run.trace).replace(/^PID +/gm, 'PID '));
  }
  assert.match(runs[0]!, /^PID +chdir\("\/nonexistent-sysray"\) += -1 ENOENT/m);
  assert.equal(runs[1], runs[0]);
});

test('-d names each syscall number strace 6.1 has no entry for, traced or not', { skip: noCc }, () => {
  const invalid = (tool: string) => spawnSync(tool, ['-d', '-o', '/dev/null', '-e', 'trace=none', fixture('newer_syscalls')], { encoding: 'latin1', env: testEnv() }).stderr
    .split('\n').filter((l) => l.includes('invalid syscall')).map((l) => l.replace(/^.*?: pid \d+ /, ''));
  const want = invalid(STRACE);
  assert.deepEqual(want, ['invalid syscall 0x1c3', 'invalid syscall 0x1c4', 'invalid syscall 0x1c5', 'invalid syscall 0x3e8']);
  assert.deepEqual(invalid(SYSRAY), want);
});

test('a string cut short by an unmapped page: strace\'s umovestr says so on stderr', { skip: noCc }, () => {
  const said = (tool: string) => spawnSync(tool, ['-o', '/dev/null', '-e', 'trace=chdir', fixture('string_at_page_end')], { encoding: 'latin1', env: testEnv() }).stderr
    .split('\n').filter((l) => l).map((l) => l.replace(/^.*?: /, '').replace(/0x[0-9a-f]+/, 'ADDR'));
  const want = said(STRACE);
  assert.deepEqual(want, ['umovestr: short read (1 < 4096) @ADDR: Bad address', 'umovestr: short read (8 < 4096) @ADDR: Bad address']);
  assert.deepEqual(said(SYSRAY), want);
});

test('exit_group made to fail prints its error, then exit ends the process', () => {
  for (const fault of [['-e', 'fault=exit_group:error=ENOSYS'], ['-e', 'fault=all:error=ENOSYS', '-e', 'fault=exit:error=1:when=2+']]) {
    const c = compare(['sh', '-c', 'exit 42'], ['-e', 'trace=exit,exit_group', ...fault], scratch());
    assert.ok(c.strace.includes('exit_group(42) = -1 ENOSYS (Function not implemented) (INJECTED)'), c.strace.join('\n'));
    assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
  }
});

test('a signal the caller blocked and left pending never reaches the tracer, as with strace', { skip: noCc }, () => {
  const run = (tool: string, sig: number) => {
    const r = spawnSync(fixture('blocked_pending_exec'), [String(sig), tool, '-I2', '-e', 'trace=chdir', 'sh', '-c', 'cd /'], { encoding: 'latin1', env: testEnv() });
    return { status: r.status, signal: r.signal, stderr: r.stderr.replaceAll(tool, 'TOOL') };
  };
  for (const sig of [1, 2, 3, 13, 14, 15]) {
    const want = run(STRACE, sig);
    assert.equal(want.status, 0, `strace, signal ${sig}`);
    assert.deepEqual(run(SYSRAY, sig), want, `signal ${sig}`);
  }
});

test('children the tracer did not ask for: strace\'s messages, silenced by --quiet=exit / attach', { skip: noCc }, () => {
  const said = (tool: string, how: string, quiet: string) => spawnSync(tool, ['-o', '/dev/null', `--quiet=${quiet}`, '-e', 'trace=none', fixture('unknown_children'), how], { encoding: 'latin1', env: testEnv() })
    .stderr.replaceAll(tool, 'TOOL').replace(/\d+/g, 'N');
  for (const [how, quiet, want] of [
    ['parent', 'personality', 'TOOL: Exit of unknown pid N ignored\n'], ['parent', 'personality,exit', ''],
    ['ptrace', 'personality', 'TOOL: Detached unknown pid N\n'], ['ptrace', 'personality,attach', ''],
  ] as const) {
    assert.equal(said(STRACE, how, quiet), want, `strace ${how} ${quiet}`);
    assert.equal(said(SYSRAY, how, quiet), want, `${how} ${quiet}`);
  }
});
