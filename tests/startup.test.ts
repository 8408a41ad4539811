/**
 * How the command starts: the two scripts of the bundle, and when the second one (the decoders)
 * loads. Checked from outside, with strace watching sysray's own Node (sysray's tracee is not
 * strace's: without -f strace follows only sysray).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

test('under a seccomp filter the decoders load once the command has exec\'d, while it runs', () => {
  const lines = watch(['-f', '-e', 'trace=%network', '-o', '/dev/null', 'true']);
  const exec = at(lines, /PTRACE_GETEVENTMSG/); // the command's exec event
  const load = at(lines, /openat\(.*dist\/decoders\.cjs"/);
  assert.ok(exec >= 0 && load >= 0, lines.join('\n'));
  assert.ok(load > exec, 'decoders loaded before the command exec\'d');
  // the command was resumed (PTRACE_CONT: free-running under the filter) before the load began
  const cont = lines.slice(exec, load).some((l) => /PTRACE_CONT/.test(l));
  assert.ok(cont, lines.slice(exec, load + 1).join('\n'));
});

test('without a filter the decoders load for the first line, and the output is whole', () => {
  const lines = watch(['-o', '/dev/null', 'true']);
  const load = at(lines, /openat\(.*dist\/decoders\.cjs"/);
  const first = at(lines, /PTRACE_GET_SYSCALL_INFO/);
  assert.ok(load > first && first >= 0, 'decoded before it had the decoders?');
  const r = spawnSync(SYSRAY, ['-e', 'trace=execve', 'true'], { encoding: 'utf8', env: testEnv() });
  assert.match(r.stderr, /^execve\("\/usr\/bin\/true", \["true"\], 0x[0-9a-f]+ \/\* \d+ vars \*\/\) = 0\n/);
});
