/**
 * The started command shares the tracer's CPU while it is one thread (src/tracer/cpubind.ts): the
 * kernel holds it to one CPU until it forks, while sched_getaffinity, and the trace of it, show
 * the set it was given; its child, and it after the fork, have that set back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';
import { chooseCpu } from '../../src/tracer/cpubind.js';

const skip = !haveCc();

/** The fixture's lines by label ("allowed=LIST asked=COUNT"), run with `args` by `tracer` (else untraced), and its trace. */
function run(tracer?: string, opts: string[] = [], args: string[] = []): { seen: Map<string, string>; trace: string[] } {
  const dir = scratch();
  try {
    const out = join(dir, 'trace');
    const r = tracer
      ? spawnSync(tracer, [...opts, '-o', out, fixture('cpubind'), ...args], { encoding: 'latin1', env: testEnv(), timeout: 60_000 })
      : spawnSync(fixture('cpubind'), args, { encoding: 'latin1', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const seen = new Map(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)] as [string, string]));
    return { seen, trace: tracer ? readFileSync(out, 'latin1').split('\n').filter(Boolean) : [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const affinityLines = (trace: string[]): string[] => trace.filter((l) => /^(\d+ +)?sched_getaffinity\(/.test(l));

test('the command runs on one CPU until it forks, and is told the set it was given', { skip }, () => {
  const given = run().seen.get('before')!;
  const { seen, trace } = run(SYSRAY);
  const [, list, count] = /^allowed=(\S+) asked=(\d+)$/.exec(given)!;
  // bound only where there is more than one CPU to choose from
  if (Number(count) > 1) assert.match(seen.get('before')!, new RegExp(`^allowed=\\d+ asked=${count}$`));
  else assert.equal(seen.get('before'), given);
  assert.equal(seen.get('child'), `allowed=${list} asked=${count}`);
  assert.equal(seen.get('after'), `allowed=${list} asked=${count}`);
  // the trace shows what the command was told, as strace's does
  const s = run('/usr/bin/strace');
  assert.deepEqual(affinityLines(trace), affinityLines(s.trace));
  assert.equal(affinityLines(trace).length, 2);
});

test('with -f, a parent that forks and waits stays on the one CPU, and so does its child', { skip }, () => {
  const given = run().seen.get('before')!;
  const count = /asked=(\d+)/.exec(given)![1]!;
  const { seen, trace } = run(SYSRAY, ['-f']);
  for (const label of ['before', 'child', 'after']) {
    if (Number(count) > 1) assert.match(seen.get(label)!, new RegExp(`^allowed=\\d+ asked=${count}$`), label);
    else assert.equal(seen.get(label), given);
  }
  // each of the three answers is rewritten, the child's too
  const asked = trace.filter((l) => /^\d+ +sched_getaffinity\(/.test(l)).map((l) => l.replace(/^\d+ +/, ''));
  const s = run('/usr/bin/strace', ['-f']).trace.filter((l) => /^\d+ +sched_getaffinity\(/.test(l)).map((l) => l.replace(/^\d+ +/, ''));
  assert.deepEqual(asked, s);
  assert.equal(asked.length, 3);
});

test('with -f, a parent that runs on after its fork instead of waiting gets its CPU set back, with its child', { skip }, () => {
  const given = run().seen.get('before')!;
  const { seen } = run(SYSRAY, ['-f'], ['busy']);
  assert.equal(seen.get('child'), given);
  assert.equal(seen.get('after'), given);
});

test('with -f, two processes running at once, and a thread, get their CPU set back', { skip }, () => {
  const allowed = (out: string): string[] => [...out.matchAll(/Cpus_allowed_list:\s*(\S+)/g)].map((m) => m[1]!);
  const given = allowed(readFileSync('/proc/self/status', 'latin1'))[0]!;
  // a pipeline: the shell's second fork finds the first child running; the last grep runs after both
  const sh = spawnSync(SYSRAY, ['-f', '-o', '/dev/null', 'sh', '-c', 'cat /dev/null | cat; grep Cpus_allowed_list /proc/self/status'], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
  assert.deepEqual(allowed(sh.stdout), [given]);
  const py = spawnSync(SYSRAY, ['-f', '-o', '/dev/null', '/usr/bin/python3', '-c', [
    'import threading',
    'show = lambda: print(open("/proc/thread-self/status").read().split("Cpus_allowed_list:")[1].split()[0], flush=True)',
    't = threading.Thread(target=show); t.start(); t.join(); show()',
  ].join('\n')], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
  assert.deepEqual(py.stdout.trim().split('\n'), [given, given]);
});

test('--no-cpu-bind, and a filtered trace under seccomp, leave the command unbound', { skip }, () => {
  const given = run().seen.get('before')!;
  assert.equal(run(SYSRAY, ['--no-cpu-bind']).seen.get('before'), given);
  // the seccomp filter lets untraced calls run unseen: sched_getaffinity could not be rewritten
  assert.equal(run(SYSRAY, ['-f', '-e', 'trace=write']).seen.get('before'), given);
});

test('a filtered trace without seccomp still rewrites the hidden sched_getaffinity', { skip }, () => {
  const given = run().seen;
  const { seen, trace } = run(SYSRAY, ['-e', 'trace=write']);
  assert.equal(seen.get('child'), given.get('child'));
  assert.equal(seen.get('before')!.split(' ')[1], given.get('before')!.split(' ')[1]);
  assert.ok(trace.every((l) => l.startsWith('write(') || l.startsWith('+++') || l.startsWith('---')), trace.join('\n'));
});

test('chooseCpu: the current CPU when both sets hold it, else the lowest both hold', () => {
  const set = (...cpus: number[]): Uint8Array => {
    const m = new Uint8Array(4);
    for (const c of cpus) m[c >> 3]! |= 1 << (c & 7);
    return m;
  };
  assert.equal(chooseCpu(set(0, 1), set(0, 1), 1), 1);
  assert.equal(chooseCpu(set(0, 1), set(1), 0), 1);
  assert.equal(chooseCpu(set(9, 20), set(20, 31), 3), 20);
  assert.equal(chooseCpu(set(0), set(1), 0), -1);
  assert.equal(chooseCpu(set(0, 1), set(0, 1), -1), 0);
});

test('a command detached at its exec (-b execve) runs on with the CPU set it was given', { skip }, async () => {
  const given = run().seen.get('before')!.split(' ')[0]!;
  const again = 'import os, time\nprint(os.getpid(), flush=True)\ntime.sleep(30)';
  const child = spawn(SYSRAY, ['-b', 'execve', '-o', '/dev/null', '/usr/bin/python3', '-c', `import os\nos.execv("/usr/bin/python3", ["python3", "-c", ${JSON.stringify(again)}])`], {
    env: testEnv(), stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = Number(await new Promise<string>((done) => child.stdout.once('data', (d: Buffer) => done(d.toString()))));
  try {
    const allowed = readFileSync(`/proc/${pid}/status`, 'latin1').match(/Cpus_allowed_list:\s*(\S+)/)![1];
    assert.equal(`allowed=${allowed}`, given);
  } finally {
    process.kill(pid, 'SIGKILL');
    await new Promise((done) => (child.exitCode !== null ? done(0) : child.once('exit', done)));
  }
});
