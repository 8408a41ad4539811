/**
 * inject's actions beyond the result, against strace: a pure call run in place of the injected one
 * (syscall=), bytes written where the arguments point (poke_enter=/poke_exit=, seen by the
 * program), and tracees held back (delay_enter=/delay_exit=, seen with -T and -r, while the other
 * tracees are served).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { compare, diffReport, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

const skip = process.arch !== 'x64' ? 'x86_64 only' : !haveCc() ? 'no C compiler' : false;

test('syscall=: the pure call runs in place, the rule gives the result (or says why not)', { skip }, () => {
  const sh = (s: string) => ['sh', '-c', s];
  for (const [opts, cmd] of [
    [['-e', 'trace=chdir', '-e', 'inject=chdir:retval=0:syscall=gettid'], sh('cd /nonexistent && echo in')],
    [['-e', 'trace=chdir', '-e', 'inject=chdir:error=ENOENT:syscall=getpid:when=2'], sh('cd /tmp; cd /tmp || echo failed')],
    [['-f', '-e', 'trace=chdir,getppid', '-e', 'inject=chdir:retval=0:syscall=getppid'], sh('cd /nonexistent && echo in')],
  ] as [string[], string[]][]) {
    const c = compare(cmd, opts);
    assert.ok(c.ok, `${opts.join(' ')}\n${diffReport(c)}`);
    assert.match(c.strace.join('\n'), /\(INJECTED\)/);
    assert.equal(c.sysrayRun.stdout, c.straceRun.stdout);
    assert.equal(c.sysrayRun.status, c.straceRun.status);
  }
});

test('poke_enter= and poke_exit=: the program sees the bytes, the trace says (INJECTED: args)', { skip }, () => {
  const prog = fixture('inject_poke');
  for (const opts of [
    ['-e', 'trace=chdir,getcwd', '-e', 'inject=chdir:poke_enter=@arg1=2f746d7000', '-e', 'inject=getcwd:poke_exit=@arg1=2f6f6b00'],
    // with a result too, and a poke beyond the call's arguments (a message, the call untouched)
    ['-e', 'trace=chdir,getcwd', '-e', 'inject=chdir:poke_enter=@arg1=2f00:error=EPERM', '-e', 'inject=getcwd:poke_enter=@arg3=00'],
  ]) {
    const c = compare([prog], opts);
    assert.ok(c.ok, `${opts.join(' ')}\n${diffReport(c)}`);
    assert.match(c.strace.join('\n'), /\(INJECTED: args/);
    assert.equal(c.sysrayRun.stdout, c.straceRun.stdout);
    const said = (text: string, tool: string) => text.replaceAll(tool, 'T').replace(/process \d+/g, 'process N');
    assert.equal(said(c.sysrayRun.stderr, SYSRAY), said(c.straceRun.stderr, STRACE));
  }
  const seen = spawnSync(SYSRAY, ['-o', '/dev/null', '-e', 'inject=chdir:poke_enter=@arg1=2f746d7000', prog], { encoding: 'latin1', env: testEnv() });
  assert.equal(seen.stdout.split('\n')[0], 'chdir=0 path=/tmp');
});

/** The -T time of each line of `name` and the -r time of the line after it, in seconds. */
function times(trace: string, name: string): { took: number[]; next: number[] } {
  const lines = trace.split('\n').filter(Boolean);
  const took: number[] = [], next: number[] = [];
  lines.forEach((l, i) => {
    if (!l.includes(` ${name}(`)) return;
    took.push(Number(/<([\d.]+)>$/.exec(l)?.[1]));
    const after = lines[i + 1];
    if (after) next.push(Number(/^ *([\d.]+) /.exec(after)?.[1]));
  });
  return { took, next };
}

test('delay_enter= shows in -T, delay_exit= in -r of the next line, as strace: (DELAYED)', { skip }, () => {
  const opts = ['-r', '-T', '-e', 'trace=getppid,getpid', '-e', 'inject=getppid:delay_enter=300ms:delay_exit=0.2s:when=2'];
  const c = compare(['python3', '-c', 'import os; os.getppid(); os.getppid(); os.getpid()'], opts);
  for (const [who, run] of [['strace', c.straceRun], ['sysray', c.sysrayRun]] as const) {
    const t = times(run.trace, 'getppid');
    assert.equal(t.took.length, 2, `${who}: ${run.trace}`);
    // the first call is not delayed; the second is held 300 ms before it runs and 200 ms after
    assert.ok(t.took[0]! < 0.3, `${who} undelayed call took ${t.took[0]}`);
    assert.ok(t.took[1]! >= 0.3, `${who} delay_enter: ${t.took[1]}`);
    assert.ok(t.next[1]! >= 0.2, `${who} delay_exit: ${t.next[1]}`);
    assert.equal((run.trace.match(/\(DELAYED\)/g) ?? []).length, 1, run.trace);
  }
});

test('a delayed tracee never holds up the others (strace serves them meanwhile too)', { skip }, () => {
  const prog = fixture('inject_delay');
  const opts = ['-f', '-e', 'trace=getppid,getuid', '-e', 'inject=getppid:delay_enter=2s'];
  for (const tool of [STRACE, SYSRAY]) {
    const r = spawnSync(tool, [...opts, '-o', '/dev/null', prog], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
    assert.equal(r.stdout, 'served while delayed\n', `${tool}: ${r.stdout}${r.stderr}`);
  }
});

test('--json marks poked and delayed calls', { skip }, () => {
  const r = spawnSync(SYSRAY, ['--json', '-e', 'trace=chdir', '-e', 'inject=chdir:poke_enter=@arg1=2f00:delay_exit=1ms', 'sh', '-c', 'cd /tmp'], { encoding: 'latin1', env: testEnv() });
  const ev = r.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name?: string; poked?: boolean; delayed?: boolean; injected?: boolean }).find((e) => e.name === 'chdir');
  assert.deepEqual([ev?.poked, ev?.delayed, ev?.injected], [true, true, undefined], r.stderr);
});
