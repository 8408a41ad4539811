/**
 * A tracee killed at a syscall's entry stop, after wait4 reported the stop and before the tracer
 * read it (the race strace's own kill_child test waits for): its call prints as `???(`, whether the
 * stop was a syscall-entry stop (full trace) or a seccomp stop (filtered trace), and the trace goes
 * on. The test-only SYSRAY_TEST_FAULTS=NAME:vanish makes the race certain (src/tracer/faults.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const skip = !haveCc();

function trace(opts: string[]): { status: number | null; stdout: string; lines: string[] } {
  const dir = scratch();
  try {
    const out = join(dir, 'trace');
    const r = spawnSync(SYSRAY, ['-f', '-o', out, ...opts, fixture('vanish')], {
      encoding: 'latin1', env: { ...testEnv(), SYSRAY_TEST_FAULTS: 'getppid:vanish' }, timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, lines: readFileSync(out, 'latin1').split('\n').filter(Boolean) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [how, opts] of [
  ['full trace (syscall-entry stop)', []],
  ['-e trace=all (syscall-entry stop)', ['-e', 'trace=all']],
  ['filtered (seccomp stop)', ['-e', 'trace=getppid,getpid']],
  ['--seccomp-bpf, filtered (seccomp stop)', ['--seccomp-bpf', '-e', 'trace=getppid,getpid,wait4']],
] as const) {
  test(`a tracee killed at its entry stop prints \`???(\`: ${how}`, { skip }, () => {
    const r = trace([...opts]);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'killed 9\n');
    const at = r.lines.findIndex((l) => /^\d+ +\?\?\?\((?: <unfinished \.\.\.>|\) += \?)$/.test(l));
    assert.ok(at >= 0, `no ???( line:\n${r.lines.join('\n')}`);
    // the pid column, as padded
    const pid = /^\d+ +/.exec(r.lines[at]!)![0];
    // the call it was making is not named, and nothing else of it prints after the kill
    assert.ok(!r.lines.some((l) => l.startsWith(`${pid}getppid`) || l.startsWith(`${pid}getpid`)), r.lines.join('\n'));
    assert.ok(r.lines.slice(at + 1).some((l) => l === `${pid}+++ killed by SIGKILL +++`), r.lines.join('\n'));
    assert.ok(r.lines.at(-1)!.endsWith('+++ exited with 0 +++'));
  });
}

test('a tracee killed at its entry stop: --json keeps the call, and its replay prints the line', { skip }, () => {
  const r = trace(['--json', '-e', 'trace=getppid,getpid']);
  const events = r.lines.map((l) => JSON.parse(l) as { type: string; name?: string; pid?: number; ret?: unknown; died?: boolean });
  const unnamed = events.find((e) => e.name === '???');
  assert.ok(unnamed, r.lines.join('\n'));
  assert.equal(unnamed.ret, null);
  assert.ok(events.some((e) => e.type === 'killed' && e.pid === unnamed.pid));
  const dir = scratch();
  try {
    const rec = join(dir, 'rec.jsonl');
    writeFileSync(rec, r.lines.join('\n') + '\n');
    const text = spawnSync(SYSRAY, ['-f', `--replay=${rec}`], { encoding: 'latin1', env: testEnv() }).stderr.split('\n');
    const at = text.findIndex((l) => new RegExp(`^\\[pid +${unnamed.pid}\\] \\?\\?\\?\\((?: <unfinished \\.\\.\\.>|\\) += \\?)$`).test(l));
    assert.ok(at >= 0, text.join('\n'));
    assert.match(text[at + 1]!, new RegExp(`^\\[pid +${unnamed.pid}\\] \\+\\+\\+ killed by SIGKILL \\+\\+\\+$`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
