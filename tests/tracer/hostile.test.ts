/**
 * Hostile tracee data (tests/fixtures/hostile.c): strings of every byte value, invalid UTF-8,
 * lying iovec/msghdr/mmsghdr/epoll_event/fd_set lengths and a million entries, sockaddrs of wrong
 * lengths, and bad pointers (unmapped, guard, just unmapped) at the pointer arguments of a table of
 * calls: the text is strace's, byte for byte, and every --json line parses. Structs another thread
 * rewrites while they are read (tests/fixtures/race.c): every call has its line. Arrays of thousands
 * of readable entries (tests/fixtures/huge_arrays.c) print whole with -v, as strace prints them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compare, diffReport, STRACE, SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

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

test('arrays of thousands of readable entries print in full with -v, as strace prints them', { skip: !haveCc() }, () => {
  // strace's -v turns abbreviation off: every entry prints (the reliability script runs 200,000)
  const prog = fixture('huge_arrays');
  const dir = scratch();
  try {
    const c = compare([prog, '5000'], ['-v', '-e', 'trace=writev,sendmsg,ppoll'], dir);
    assert.ok(c.ok, diffReport(c));
    assert.equal(c.strace.filter((l) => (l.match(/\{iov_base="x", iov_len=1\}/g) ?? []).length === 5000).length, 2);
    assert.equal(c.sysrayRun.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('arrays of thousands of entries with -v --json: every entry, written as read', { skip: !haveCc() }, () => {
  const prog = fixture('huge_arrays');
  const dir = scratch();
  try {
    const out = join(dir, 'trace.jsonl');
    const r = spawnSync(SYSRAY, ['--json', '-v', '-e', 'trace=writev,ppoll', '-o', out, prog, '5000'], { cwd: dir, env: testEnv(), encoding: 'latin1' });
    assert.equal(r.status, 0, r.stderr);
    const calls = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { name: string; args: { items?: unknown[] }[] });
    const [writev, ppoll] = [calls.find((c) => c.name === 'writev')!, calls.find((c) => c.name === 'ppoll')!];
    const iov = { kind: 'struct', fields: { iov_base: { kind: 'string', text: 'x' }, iov_len: { kind: 'int', value: 1, format: 'u' } } };
    assert.equal(writev.args[1]!.items!.length, 5000);
    for (const x of writev.args[1]!.items!) assert.deepEqual(x, iov);
    assert.equal(ppoll.args[0]!.items!.length, 5000);
    for (const x of ppoll.args[0]!.items!) assert.deepEqual(x, { kind: 'struct', fields: { fd: { kind: 'fd', fd: -1 } } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
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

test('structs rewritten by another thread while read: every call has its line, as under strace', { skip: !haveCc() }, () => {
  const prog = fixture('race', ['-lpthread']);
  const dir = scratch();
  try {
    const lines = (tool: string): string => {
      const out = join(dir, 'trace');
      const r = spawnSync(tool, ['-f', '-v', '-o', out, prog, '200'], { cwd: dir, env: testEnv(), encoding: 'latin1' });
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(out, 'latin1');
      return ['writev', 'perf_event_open', 'sendmsg'].map((c) => (text.match(new RegExp(`^\\d+ +${c}\\(`, 'gm')) ?? []).length).join('/');
    };
    assert.equal(lines(SYSRAY), '200/200/200');
    assert.equal(lines(STRACE), '200/200/200');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
