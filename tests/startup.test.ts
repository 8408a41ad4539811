/**
 * How the command starts: the two scripts of the bundle, and when the second one (the decoders)
 * loads. Checked from outside, with strace watching sysray's own Node (sysray's tracee is not
 * strace's: without -f strace follows only sysray).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, STRACE, SYSRAY, testEnv } from './helpers/diff.js';

/** sysray's own syscalls (openat, ptrace, kill) while it traces `args`. */
function watch(args: string[]): string[] {
  const out = join(mkdtempSync(join(tmpdir(), 'sysray-startup-')), 'trace');
  const r = spawnSync(STRACE, ['-o', out, '-e', 'trace=openat,ptrace,kill', SYSRAY, ...args], { encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8').split('\n');
}

const at = (lines: string[], re: RegExp): number => lines.findIndex((l) => re.test(l));

test('the decoders are a second script, apart from the command line and tracer', () => {
  const first = readFileSync(join(ROOT, 'dist', 'sysray.cjs'), 'latin1');
  const second = readFileSync(join(ROOT, 'dist', 'decoders.cjs'), 'latin1');
  // decoder tables (an ioctl name, a socket option) only in the second; the usage text only in the first
  for (const s of ['FIBMAP', 'SO_REUSEADDR']) {
    assert.ok(second.includes(s), s);
    assert.ok(!first.includes(s), s);
  }
  assert.ok(first.includes('--seccomp-bpf'));
  assert.ok(second.length > first.length * 2, 'the decoders are most of the code');
});

test('under a seccomp filter the decoders load only when a syscall is shown', () => {
  // nothing shown: never loaded
  const quiet = watch(['-f', '-e', 'trace=%network', '-o', '/dev/null', 'true']);
  assert.ok(at(quiet, /PTRACE_GETEVENTMSG/) >= 0, quiet.join('\n')); // the command did exec
  assert.equal(at(quiet, /openat\(.*dist\/decoders\.cjs"/), -1, 'decoders loaded with nothing to decode');
  // one socket() call: loaded at its seccomp stop, after the command had run on its own
  const lines = watch(['-f', '-e', 'trace=%network', '-o', '/dev/null', 'python3', '-c', 'import socket; socket.socket().close()']);
  const exec = at(lines, /PTRACE_GETEVENTMSG/);
  const load = at(lines, /openat\(.*dist\/decoders\.cjs"/);
  assert.ok(exec >= 0 && load > exec, lines.join('\n'));
  assert.ok(lines.slice(exec, load).some((l) => /PTRACE_CONT/.test(l)), 'the command ran free under its filter first');
  assert.ok(lines.slice(exec, load).some((l) => /PTRACE_GET_SYSCALL_INFO.*op=PTRACE_SYSCALL_INFO_SECCOMP/.test(l)), lines.slice(exec, load + 1).join('\n'));
});

test('-o: buffered lines reach the file while the command blocks; the flush tick stops when idle', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-tick-'));
  const out = join(dir, 'trace');
  const straced = join(dir, 'sysray-syscalls');
  // strace watches sysray's own setitimer calls and SIGALRMs while the command sleeps 1.5 s
  const p = spawn(STRACE, ['-o', straced, '-e', 'trace=setitimer', SYSRAY, '-o', out, 'sh', '-c', 'echo hi >/dev/null; sleep 1.5'], { env: testEnv(), stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 1000));
  const early = readFileSync(out, 'utf8');
  assert.match(early, /^execve\("\/usr\/bin\/sh"/, 'nothing written while the command sleeps');
  assert.match(early, /clone|wait4|nanosleep/);
  const code = await new Promise((r) => p.on('exit', r));
  assert.equal(code, 0);
  const own = readFileSync(straced, 'utf8');
  const alarms = own.split('\n').filter((l) => /--- SIGALRM/.test(l)).length;
  assert.ok(alarms >= 1 && alarms <= 6, `${alarms} ticks during a 1.5 s sleep:\n${own}`);
  assert.match(readFileSync(out, 'utf8'), /\+\+\+ exited with 0 \+\+\+\n$/);
});

test('without a filter the decoders load for the first line, and the output is whole', () => {
  const lines = watch(['-o', '/dev/null', 'true']);
  const load = at(lines, /openat\(.*dist\/decoders\.cjs"/);
  const first = at(lines, /PTRACE_GET_SYSCALL_INFO/);
  assert.ok(load > first && first >= 0, 'decoded before it had the decoders?');
  const r = spawnSync(SYSRAY, ['-e', 'trace=execve', 'true'], { encoding: 'utf8', env: testEnv() });
  assert.match(r.stderr, /^execve\("\/usr\/bin\/true", \["true"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0\n/);
});
