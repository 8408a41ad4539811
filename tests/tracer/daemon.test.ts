/**
 * -D, -DD, -DDD against strace: the traced program keeps the pid it was started with (sysray's
 * own), its tracer is an orphaned grandchild in the caller's process group, a new one, or a new
 * session; the trace starts at the program's execve; strace's option checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalise, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

const skip = !haveCc() ? 'no C compiler' : false;

/** Wait (at most 20 s) until a process is gone: the detached tracer outlives its tracee a little. */
function gone(pid: number): boolean {
  for (let i = 0; i < 2000; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  return false;
}

test('the process tree as strace makes it, for each of -D, -DD, -DDD', { skip }, () => {
  const prog = fixture('daemon_tree');
  for (const d of ['-D', '-DD', '-DDD', '--daemonize=session']) {
    const out: Record<string, string> = {};
    for (const tool of [STRACE, SYSRAY]) {
      const r = spawnSync(tool, [d, '-q', '-o', '/dev/null', '-e', 'trace=none', prog], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
      assert.equal(r.status, 0, `${tool} ${d}: ${r.stdout}${r.stderr}`);
      // the program runs in the process the tracer was started as
      assert.equal(/^pid=(\d+)$/m.exec(r.stdout)?.[1], String(r.pid), `${tool} ${d}: ${r.stdout}`);
      const tracer = Number(/^tracer=(\d+)$/m.exec(r.stdout)?.[1]);
      assert.ok(tracer > 1 && tracer !== r.pid, r.stdout);
      assert.ok(gone(tracer), `${tool} ${d}: the tracer ${tracer} did not end`);
      out[tool] = r.stdout.split('\n').filter((l) => !/^(pid|tracer)=/.test(l)).join('\n');
    }
    assert.equal(out[SYSRAY], out[STRACE], d);
  }
});

test('the trace starts at the execve, attached as strace says; exit status and output as without -D', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-daemon-'));
  try {
    const traces: string[] = [];
    for (const tool of [STRACE, SYSRAY]) {
      const file = join(dir, 'trace');
      const r = spawnSync(tool, ['-D', '-o', file, '-e', 'trace=execve,write,exit_group', 'sh', '-c', 'echo hello; exit 3'], { encoding: 'latin1', env: testEnv() });
      assert.equal(r.stdout, 'hello\n');
      assert.equal(r.status, 3);
      // the detached tracer writes its last line after the program has ended
      let trace = '';
      for (let i = 0; i < 2000 && !trace.endsWith('+++ exited with 3 +++\n'); i++) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        trace = readFileSync(file, 'latin1');
      }
      traces.push(normalise(trace));
    }
    assert.match(traces[0]!, /^execve\(/);
    assert.equal(traces[1], traces[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = spawnSync(SYSRAY, ['-D', '-e', 'trace=none', 'true'], { encoding: 'latin1', env: testEnv() });
  assert.match(r.stderr, new RegExp(`^${SYSRAY}: Process ${r.pid} attached\\n`));
});

// The caller: INT ignored, USR1 and TERM blocked, then it execs the tracer (fd 3 stays open).
const caller = `
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGTERM])
os.execv(sys.argv[1], sys.argv[1:])
`;

test('the program gets the caller\'s environment (with -E), fds and signals, as under strace', { skip }, () => {
  const nul = openSync('/dev/null', 'r');
  try {
    const see = (tool: string, command: string[]): string => {
      const r = spawnSync('python3', ['-c', caller, tool, '-qq', '-D', '-E', 'FOO=bar', '-e', 'trace=none', ...command], {
        encoding: 'latin1', env: testEnv(), stdio: ['ignore', 'pipe', 'pipe', nul],
      });
      assert.equal(r.status, 0, `${tool}: ${r.stderr}`);
      return r.stdout;
    };
    const shell = ['sh', '-c', 'echo $FOO; ls /proc/$$/fd'];
    const a = see(STRACE, shell);
    assert.match(a, /^bar\n0\n1\n2\n(\d+\n)*3\n/);
    assert.equal(see(SYSRAY, shell), a);
    // The program reads its own status, with no shell between: dash blocks every signal around
    // each vfork until the child has exec'd, so a child reading the shell's status races it, and
    // dash clears the mask it gives its children.
    const status = ['grep', '-E', '^Sig(Ign|Blk)', '/proc/self/status'];
    const b = see(STRACE, status);
    assert.match(b, /^SigBlk:\t0*4200\nSigIgn:\t0*2\n$/, 'under strace: USR1 and TERM blocked, INT ignored');
    assert.equal(see(SYSRAY, status), b);
  } finally {
    closeSync(nul);
  }
});

test('-D with -u: the program runs as that user, as under strace', { skip: skip || (process.getuid?.() !== 0 && 'root only') }, () => {
  const id = (tool: string) => spawnSync(tool, ['-qq', '-D', '-u', 'nobody', '-e', 'trace=none', 'id'], { encoding: 'latin1', env: testEnv() }).stdout;
  const a = id(STRACE);
  assert.match(a, /^uid=\d+\(nobody\)/);
  assert.equal(id(SYSRAY), a);
});

test('-D option checks: strace\'s messages and exit status', () => {
  for (const args of [['-D', '-p', '1'], ['-DDDD', 'true'], ['-D', '--daemonize', 'true'], ['--daemonize=bogus', 'true'], ['--daemonised=pgrp', '-V']]) {
    const a = spawnSync(STRACE, args, { encoding: 'latin1', env: testEnv() });
    const b = spawnSync(SYSRAY, args, { encoding: 'latin1', env: testEnv() });
    assert.equal(b.status, a.status, args.join(' '));
    assert.equal(b.stderr.replaceAll(SYSRAY, 'T'), a.stderr.replaceAll(STRACE, 'T'), args.join(' '));
  }
});
