/**
 * -Y / --decode-pids=comm against strace: each pid a process or thread stands for is followed by its
 * name from /proc/PID/comm, in line prefixes, arguments, results, siginfo and -yy pidfds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perProcess, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';

/** The tracer's own name (getppid's result names it): strace's and sysray's differ, and are equal here. */
const tool = (s: string): string => s.replace(/<(?:strace|sysray)>/g, '<TOOL>');

const py = (code: string): string[] => ['python3', '-c', code];

test('-Y names pids as strace does: prefixes, arguments, results, siginfo (-f -o, per process)', () => {
  const d = mkdtempSync(join(tmpdir(), 'sysray-comm-'));
  const cases: [string[], string[]][] = [
    // kill of a process and of a group, a background child reaped by wait4, SIGCHLD's si_pid
    [['-f', '-Y', '-e', 'trace=kill,wait4,clone,exit_group'], ['sh', '-c', 'kill -0 $$; (sleep 0.2; exit 3) & wait; kill -0 -$$; exit 1']],
    // results that are pids (getpid, getppid: the tracer itself, fork), groups and sessions bare
    [['-f', '--decode-pids=comm', '-e', 'trace=getpid,getppid,gettid,getpgid,getsid,setpgid,wait4,kill,tgkill,clone'], py([
      'import os, signal, threading, time',
      'os.getpid(); os.getppid(); os.getpgid(0); os.getpgid(os.getpid()); os.getsid(0); os.setpgid(0, 0)',
      'p = os.fork()',
      // the child outlives the parent's wait4 starting, so SIGCHLD comes once it is reaped (si_pid
      // then has no name to show), whoever the scheduler runs first
      'if p == 0: time.sleep(0.2); os._exit(4)',
      'os.waitpid(p, 0); os.kill(os.getpid(), 0)',
      'signal.pthread_kill(threading.get_ident(), 0)',
    ].join('\n'))],
    // PR_SET_NAME renames the process: the prefix follows, even with prctl not shown; a name with
    // characters strace escapes between its angle brackets
    [['-f', '-Y', '-e', 'trace=kill,exit_group'], py([
      'import ctypes, os',
      'libc = ctypes.CDLL(None)',
      'os.kill(os.getpid(), 0)',
      'libc.prctl(15, b"re<nam>ed\\t", 0, 0, 0)',
      'os.kill(os.getpid(), 0)',
    ].join('\n'))],
    // an exec renames it too
    [['-f', '-Y', '-x', '-e', 'trace=execve,exit_group'], ['sh', '-c', 'exec /bin/true']],
    // scheduling and resource calls name the process they are about
    [['-f', '-Y', '-e', 'trace=sched_getaffinity,sched_getscheduler,prlimit64,getpriority,pidfd_open'], py(
      'import os, resource\nos.sched_getaffinity(0); os.sched_getaffinity(os.getpid()); os.sched_getscheduler(os.getpid())\nresource.prlimit(os.getpid(), resource.RLIMIT_NOFILE)\nos.getpriority(os.PRIO_PROCESS, os.getpid()); os.getpriority(os.PRIO_PGRP, 0)\nos.pidfd_open(os.getpid())',
    )],
    // -yy: a pidfd's process, named
    [['-f', '-Y', '-yy', '-e', 'trace=pidfd_open,close'], py('import os\nfd = os.pidfd_open(os.getpid())\nos.close(fd)')],
  ];
  for (const [opts, cmd] of cases) {
    const a = traceWith(STRACE, opts, cmd, d), b = traceWith(SYSRAY, opts, cmd, d);
    assert.ok(a.trace.length > 0, a.stderr);
    assert.match(a.trace, /<[^>]+>/, `strace named nothing: ${opts.join(' ')} ${cmd.join(' ')}`);
    assert.deepEqual(perProcess(tool(b.trace)), perProcess(tool(a.trace)), `${opts.join(' ')} ${cmd.join(' ')}\n${a.trace}\n${b.trace}`);
    assert.equal(b.status, a.status, cmd.join(' '));
  }
});

test('-Y without -o: the [pid N<name>] prefix once there are several processes', () => {
  // which lines carry a prefix depends on how the processes interleave: compare the prefixes' form
  const prefixes = (t: string) => {
    const r = spawnSync(t, ['-f', '-Y', '-e', 'trace=exit_group,wait4', 'sh', '-c', '(sleep 0.2; exit 3) & wait'], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    return [...new Set(r.stderr.match(/^\[pid +\d+<[^>]*>\] /gm)?.map((p) => p.replace(/\d/g, 'N')))].sort();
  };
  const a = prefixes(STRACE);
  assert.ok(a.length > 0 && a.every((p) => /^\[pid +N+<(sh|sleep)>\] $/.test(p)), JSON.stringify(a));
  assert.deepEqual(prefixes(SYSRAY), a);
});

test('sysray names its process as the kernel would have, after its own file: not node', () => {
  // the command's parent is sysray's Node
  const s = spawnSync(SYSRAY, ['-e', 'trace=none', 'sh', '-c', 'cat /proc/$PPID/comm'], { encoding: 'latin1', env: testEnv() });
  assert.equal(s.stdout, 'sysray\n');
});

test('--json: a named pid carries its process name', () => {
  const r = spawnSync(SYSRAY, ['--json', '-Y', '-e', 'trace=kill', 'sh', '-c', 'kill -0 $$'], { encoding: 'latin1', env: testEnv() });
  assert.equal(r.status, 0, r.stderr);
  const events = r.stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; name?: string; comm?: string; args?: { comm?: string }[] });
  const kill = events.find((e) => e.name === 'kill');
  assert.equal(kill?.args?.[0]?.comm, 'sh');
  // and each event, the name of the process it happened in
  assert.equal(kill?.comm, 'sh');
  assert.equal(events.find((e) => e.type === 'exit')?.comm, 'sh');
});
