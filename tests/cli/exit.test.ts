/**
 * No process of sysray's outlives it: once sysray has returned, nothing is left in its process
 * group or session (job runners, `timeout` and benchmark tools wait for or kill those), and its
 * exit status and output are whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { inSession } from '../helpers/session.js';

/**
 * Run `cmd` as the leader of a session of its own: setsid(1) makes the session and execs it in the
 * same process (spawnSync's child leads no group, so setsid needs no fork), so the pid spawnSync
 * reports is the group's and the session's id.
 */
function runAlone(cmd: string[]): { pid: number; status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('setsid', cmd, { encoding: 'utf8', env: testEnv() });
  return { pid: r.pid, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('nothing of sysray is left in its process group or session once it has returned', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-exit-')), 'trace');
  const cases: [string[], number][] = [
    [['-o', '/dev/null', 'true'], 0],
    [['-e', 'trace=write', '-o', out, 'sh', '-c', 'echo x; exit 9'], 9],
    [['-f', '-e', 'trace=%process', '-o', '/dev/null', 'sh', '-c', 'true; true'], 0],
  ];
  for (const [args, status] of cases) {
    const r = runAlone([SYSRAY, ...args]);
    assert.equal(r.status, status, `sysray ${args.join(' ')}: ${r.stderr}`);
    // checked at once: a process that goes a moment later has still outlived sysray
    assert.deepEqual(inSession(r.pid), [], `sysray ${args.join(' ')} left processes behind`);
  }
  const trace = readFileSync(out, 'utf8');
  assert.match(trace, /write\(1, "x\\n", 2\)/);
  assert.match(trace, /\+\+\+ exited with 9 \+\+\+\n$/);
});

test('the check sees a process left in the session', () => {
  // the same check must fail when something does stay behind: sh leaves a sleeping child
  const r = runAlone(['sh', '-c', 'sleep 5 >/dev/null 2>&1 & exit 0']);
  assert.equal(r.status, 0);
  const left = inSession(r.pid);
  for (const pid of left) process.kill(pid, 'SIGKILL');
  assert.equal(left.length, 1);
});
