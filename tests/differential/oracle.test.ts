// The differential tests take /usr/bin/strace as the oracle, and sysray copies strace 6.1's output:
// another version prints some calls differently, so say plainly which one is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { STRACE } from '../helpers/diff.js';

test('the oracle is strace 6.1', () => {
  const r = spawnSync(STRACE, ['-V'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${STRACE} -V failed: ${r.stderr}`);
  const first = r.stdout.split('\n')[0] ?? '';
  assert.match(first, /^strace -- version 6\.1(\D|$)/,
    `the differential tests expect strace 6.1's output; ${STRACE} says: ${first}`);
});
