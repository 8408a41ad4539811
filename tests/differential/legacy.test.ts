/**
 * Where PTRACE_GET_SYSCALL_INFO does not work (strace-suite's legacy_syscall_info), syscall stops
 * are read from registers: sysray and strace run under a seccomp filter of our own (the
 * deny_ptrace fixture) that refuses it, and PTRACE_GETREGSET too, and must print the same trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalise, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

const noCc = (!haveCc() || process.arch !== 'x64') && 'no cc, or not x86_64';
const GET_SYSCALL_INFO = '0x420e', GETREGSET = '0x4204';

/** `tool ARGS` with ptrace requests `deny` refused; its -o trace (when asked) and its stderr. */
function denied(deny: string, tool: string, args: string[], out?: string): { trace: string; stderr: string } {
  const r = spawnSync(fixture('deny_ptrace'), [deny, tool, ...(out ? ['-o', out] : []), ...args], { encoding: 'latin1', env: testEnv(), timeout: 60_000 });
  if (out) assert.equal(r.status, 0, `${tool} ${args.join(' ')}: ${r.stderr}`);
  return { trace: out ? readFileSync(out, 'latin1') : '', stderr: r.stderr };
}

test('-d says PTRACE_GET_SYSCALL_INFO does not work when it is refused, as strace does', { skip: noCc }, () => {
  const said = (deny: string, tool: string) => denied(deny, tool, ['-d', '-e', 'trace=none', '/']).stderr.split('\n')
    .filter((l) => l.includes('PTRACE_GET_SYSCALL_INFO')).map((l) => l.replace(/^.*?: /, ''));
  const want = ['PTRACE_GET_SYSCALL_INFO: Input/output error', 'PTRACE_GET_SYSCALL_INFO does not work'];
  assert.deepEqual(said(GET_SYSCALL_INFO, STRACE), want);
  assert.deepEqual(said(GET_SYSCALL_INFO, SYSRAY), want);
  assert.deepEqual(said('0x4200', SYSRAY), ['PTRACE_GET_SYSCALL_INFO works']);
});

test('syscall stops from registers (GETREGSET, then GETREGS) print as strace prints them', { skip: noCc }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-legacy-'));
  try {
    for (const deny of [GET_SYSCALL_INFO, `${GET_SYSCALL_INFO},${GETREGSET}`]) {
      for (const opts of [[], ['-e', 'trace=none'], ['-f', '-e', 'trace=chdir,close,write'], ['-a10', '--trace=chdir']]) {
        const label = `${deny} ${opts.join(' ')}`;
        const run = (tool: string) => normalise(denied(deny, tool, [...opts, fixture('legacy_calls')], join(dir, 'trace')).trace).split('\n');
        const want = run(STRACE);
        assert.ok(want.some((l) => /syscall_0x\S+\(0x1, 0x2, 0x3, 0x4, 0x5, 0x6\) += -1 ENOSYS|chdir\(NULL\) += -1 EFAULT/.test(l)), `${label}: strace ran the fixture:\n${want.join('\n')}`);
        assert.deepEqual(run(SYSRAY), want, label);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
