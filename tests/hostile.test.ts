/**
 * Hostile tracee data (tests/fixtures/hostile.c): strings of every byte value, invalid UTF-8,
 * lying iovec/msghdr/mmsghdr/epoll_event/fd_set lengths and a million entries, sockaddrs of wrong
 * lengths, and bad pointers (unmapped, guard, just unmapped) at the pointer arguments of a table of
 * calls. The text is strace's, byte for byte; every --json line parses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compare, diffReport, SYSRAY, testEnv } from './helpers/diff.js';
import { fixture, haveCc, scratch } from './helpers/fixtures.js';

test('hostile structs, strings and pointers print as strace prints them', { skip: !haveCc() }, () => {
  const prog = fixture('hostile', ['-w']);
  for (const opts of [[], ['-v'], ['-s', '4', '-X', 'raw'], ['-e', 'verbose=none'], ['-xx', '-e', 'abbrev=none']]) {
    // bind() makes a socket file where it runs: each run in a directory of its own
    const dir = scratch();
    try {
      const c = compare([prog], opts, dir);
      assert.ok(c.ok, `${opts.join(' ')}:\n${diffReport(c)}`);
      assert.ok(c.strace.length > 300);
      assert.equal(c.sysrayRun.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('hostile data: every --json line parses', { skip: !haveCc() }, () => {
  const prog = fixture('hostile', ['-w']);
  const dir = scratch();
  try {
    const out = join(dir, 'trace.jsonl');
    const r = spawnSync(SYSRAY, ['--json', '-v', '-o', out, prog], { cwd: dir, env: testEnv(), encoding: 'latin1' });
    assert.equal(r.status, 0, r.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.ok(lines.length > 300);
    for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), l.slice(0, 200));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
