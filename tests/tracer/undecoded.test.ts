/**
 * A decoder that throws never ends the trace: its call prints undecoded (as strace prints a call it
 * has no decoder for), one warning names the syscall, the traced program is unharmed. sysray's own
 * failure loses no line already traced and leaves no started command under its seccomp filter.
 * Decoders are made to fail with the test-only SYSRAY_TEST_FAULTS (src/tracer/faults.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compare, diffReport, normalise, SYSRAY, STRACE, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const skip = !haveCc();

interface Traced {
  status: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}

/** Trace `cmd` with `tool -o FILE opts…`, SYSRAY_TEST_FAULTS set to `faults`. */
function run(tool: string, opts: string[], cmd: string[], faults = ''): Traced {
  const dir = scratch();
  try {
    const out = join(dir, 'trace');
    const env = { ...testEnv(), ...(faults ? { SYSRAY_TEST_FAULTS: faults } : {}) };
    const r = spawnSync(tool, [...opts, '-o', out, ...cmd], { encoding: 'latin1', env, timeout: 60_000 });
    const trace = existsSync(out) ? readFileSync(out, 'latin1') : '';
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: normalise(trace).split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("strace's perf_event_open_unabbrev crash: an attr of every size prints as strace prints it", { skip }, () => {
  const prog = fixture('perf_attr_sizes');
  for (const opts of [['-v'], [], ['-e', 'verbose=none'], ['-v', '-X', 'verbose'], ['-v', '-e', 'abbrev=none', '-s', '3']]) {
    const c = compare([prog], [...opts, '-e', 'trace=perf_event_open,write']);
    assert.ok(c.ok, `${opts.join(' ')}:\n${diffReport(c)}`);
    assert.equal(c.strace.length, 164);
    assert.equal(c.sysrayRun.status, 3);
    assert.equal(c.sysrayRun.stderr, '');
  }
});

test('a decoder that throws: its call prints undecoded, one warning names it, the trace goes on', { skip }, () => {
  const prog = fixture('faults');
  const opts = ['-e', 'trace=openat,read,close,write,getpid'];
  const s = run(STRACE, opts, [prog]);
  // strace's printing of a call it does not decode (printargs): -e raw= shows the same arguments
  const raw = run(STRACE, [...opts, '-e', 'raw=openat,read'], [prog]);
  const parts = (l: string): { name: string; args: string[]; ret: string } => {
    const m = /^(?:PID +)?(\w+)\((.*)\) += (.*)$/.exec(l);
    assert.ok(m, l);
    return { name: m[1]!, args: m[2] ? m[2].split(', ') : [], ret: m[3]! };
  };
  // entry, exit and result decoders each failing; write fails at exit though it prints at entry
  const faults = 'openat:entry,read:exit,close:ret,write:exit';
  for (const extra of [[], ['-f'], ['--json']]) {
    const y = run(SYSRAY, [...opts, ...extra], [prog], faults);
    assert.equal(y.status, 3, y.stderr);
    assert.equal(y.stdout, 'one\ntwo\nthree\n');
    const warnings = y.stderr.split('\n').filter(Boolean);
    assert.deepEqual(warnings.map((w) => /^\S*sysray: (\w+): cannot decode \(RangeError: planted fault: \1 \w+ \(SYSRAY_TEST_FAULTS\)\), printed undecoded$/.exec(w)?.[1]).sort(),
      ['close', 'openat', 'read', 'write'], y.stderr);
    if (extra[0] === '--json') {
      const events = y.lines.map((l) => JSON.parse(l) as { type: string; name?: string; args?: { kind: string; format?: string }[] });
      const calls = events.filter((e) => e.type === 'syscall');
      assert.equal(calls.length, s.lines.length - 1);
      for (const e of calls.filter((e) => e.name === 'openat')) assert.ok(e.args!.every((a) => a.kind === 'int' && a.format === 'x'), JSON.stringify(e));
      assert.ok(events.some((e) => e.type === 'exit'));
      continue;
    }
    assert.equal(y.lines.length, s.lines.length, y.lines.join('\n'));
    assert.equal(y.lines.at(-1)!.replace(/^PID +/, ''), s.lines.at(-1));
    for (let i = 0; i < s.lines.length - 1; i++) {
      const [a, r, b] = [parts(s.lines[i]!), parts(raw.lines[i]!), parts(y.lines[i]!)];
      assert.equal(b.name, a.name);
      assert.equal(b.ret, a.ret, y.lines[i]);
      // openat's entry failed: all its arguments undecoded; read's exit: those it prints at exit
      const want = a.name === 'openat' ? r.args : a.name === 'read' ? [a.args[0]!, ...r.args.slice(1)] : a.args;
      assert.deepEqual(b.args, want, `${y.lines[i]} (strace: ${s.lines[i]})`);
    }
  }
});

test("sysray's own failure: every line traced reaches -o, the command is detached (or killed under the filter), exit 1", { skip }, () => {
  const prog = fixture('faults');
  const dir = scratch();
  try {
    const opts = ['-e', 'trace=openat,read,close,write,getpid'];
    const s = run(STRACE, opts, [prog]);
    const upTo = s.lines.findIndex((l) => l.startsWith('getpid('));
    // without a filter: strace's cleanup, SIGTERM (ignored here) and detach; the command runs to its end
    const marker = join(dir, 'ran');
    const y = run(SYSRAY, opts, [prog, marker], 'getpid:crash');
    assert.equal(y.status, 1);
    assert.match(y.stderr, /^\S*sysray: internal error: RangeError: planted fault: getpid crash \(SYSRAY_TEST_FAULTS\) \(at .*\)\n$/);
    assert.deepEqual(y.lines.slice(0, upTo), s.lines.slice(0, upTo));
    assert.equal(y.lines[upTo], 'getpid( <detached ...>');
    assert.equal(y.lines.length, upTo + 1);
    for (let i = 0; i < 100 && !existsSync(marker); i++) spawnSync('sleep', ['0.05']);
    assert.ok(existsSync(marker), 'the detached command ran to its end');
    // under the seccomp filter (-f): killed, as its traced calls would fail untraced
    rmSync(marker, { force: true });
    const f = run(SYSRAY, ['-f', ...opts], [prog, marker], 'getpid:crash');
    assert.equal(f.status, 1);
    assert.match(f.stderr, /internal error: .*; 1 process under its seccomp filter killed\n$/);
    assert.deepEqual(f.lines.slice(0, upTo).map((l) => l.replace(/^PID +/, '')), s.lines.slice(0, upTo));
    spawnSync('sleep', ['0.3']);
    assert.ok(!existsSync(marker), 'the command under the filter did not go on');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
