/** --effects: the effects model's summary at 80 columns, and with --json the model itself. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSRAY, testEnv } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';
import { analyze } from '../../src/analyze/index.js';
import type { TraceEvent } from '../../src/api/events.js';

const cc = haveCc();

function sysray(args: string[], cwd: string): string {
  const out = join(cwd, 'out.txt');
  const r = spawnSync(SYSRAY, ['-o', out, ...args], { cwd, encoding: 'utf8', env: testEnv(), timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(out, 'utf8');
}

test('--effects: processes, files, errors at 80 columns', { skip: !cc }, () => {
  const cwd = scratch();
  const text = sysray(['-f', '--effects', fixture('report_calls')], cwd);
  for (const l of text.split('\n')) assert.ok([...l].length <= 80, `${[...l].length} columns: ${l}`);
  const section = (title: string): string => text.split('\n\n').find((s) => s.startsWith(title + '\n')) ?? '';
  assert.match(section('Processes'), /^ {2}\d+ \S+ +exited with 0, [\d.]+ \S+$/m);
  assert.match(section('Processes'), /^ {4}\d+ \S+ +exited with 3, [\d.]+ \S+$/m);
  // 7 writes of 25 bytes
  assert.match(section('Files'), /^ {2}\/dev\/null +.*wrote 175 B$/m);
  assert.match(section('Top errors'), /^ {2}openat ENOENT ×3 +\/nonexistent\/<script>alert\(1\)<\/script>$/m);
  assert.match(section('Top errors'), /^ {2}access ENAMETOOLONG ×1 +\/AAAA+…A+$/m);
  assert.match(section('Slowest calls'), /^ {2}\d+ \w+\(/m);
});

test('--effects --json of a replay is the model of the recording', { skip: !cc }, () => {
  const cwd = scratch();
  const rec = join(cwd, 'rec.jsonl');
  sysray(['-f', '--json', fixture('report_calls')], cwd);
  spawnSync('cp', [join(cwd, 'out.txt'), rec]);
  const events = readFileSync(rec, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TraceEvent);
  const got = JSON.parse(sysray(['-f', `--replay=${rec}`, '--effects', '--json'], cwd)) as unknown;
  assert.deepEqual(got, JSON.parse(JSON.stringify(analyze(events))));
  const e = got as { processes: { exit: { code: number } | null }[] };
  assert.deepEqual(e.processes.map((p) => p.exit), [{ code: 0 }, { code: 3 }]);
});

test('a view file that cannot be created: strace\'s message before anything runs', () => {
  for (const opt of ['--report=/nonexistent/dir/r.html', '--perfetto=/nonexistent/dir/p.json']) {
    const r = spawnSync(SYSRAY, [opt, 'sh', '-c', 'echo RAN'], { encoding: 'utf8', env: testEnv() });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `${SYSRAY}: Can't fopen '${opt.slice(opt.indexOf('=') + 1)}': No such file or directory\n`);
  }
});

test('the views\' code (dist/views.cjs) loads only when a view or a replay is asked for', () => {
  const cwd = scratch();
  const opened = (args: string[]): boolean => {
    const log = join(cwd, 'opens.txt');
    // sysray cannot trace under strace, but it opens its scripts before it tries
    spawnSync('/usr/bin/strace', ['-f', '-e', 'trace=openat', '-o', log, SYSRAY, ...args], { cwd, env: testEnv() });
    return readFileSync(log, 'utf8').includes('dist/views.cjs');
  };
  assert.equal(opened(['-o', '/dev/null', 'true']), false);
  assert.equal(opened(['--effects', '-o', '/dev/null', 'true']), true);
});
