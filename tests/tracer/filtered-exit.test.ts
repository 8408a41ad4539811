/** A syscall the filter hides costs the tracer nothing at its exit (strace skips get_regs there). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { scratch } from '../helpers/fixtures.js';

/** How many PTRACE_GET_SYSCALL_INFO requests sysray makes tracing `true` with `-e trace=…`. */
function infoRequests(trace: string): number {
  const out = join(scratch(), 'outer');
  const r = spawnSync(STRACE, ['-qq', '-e', 'signal=none', '-e', 'trace=ptrace', '-o', out, '--', SYSRAY, '-o', '/dev/null', '-qq', '-e', `trace=${trace}`, 'true'], { encoding: 'latin1', env: testEnv() });
  assert.equal(r.status, 0, r.stderr);
  return (readFileSync(out, 'latin1').match(/^ptrace\(PTRACE_GET_SYSCALL_INFO,/gm) ?? []).length;
}

test('the exit of a hidden call is not read: fewer requests with trace=none than trace=all', () => {
  const none = infoRequests('none'), all = infoRequests('all');
  assert.ok(none > 0, 'sysray read its stops');
  assert.ok(none < all, `trace=none ${none}, trace=all ${all}`);
});
