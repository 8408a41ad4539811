/**
 * --replay: a --json recording printed again. The text, -c counts and filtered output of a replay
 * equal those of a live run of the same deterministic fixture (normalised as two strace runs are);
 * what a replay reads from the recording (times, JSON) is checked against that same recording.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

const cc = haveCc();

/** `sysray --replay=FILE opts… -o OUT`: the text written, stderr and the exit status. */
function replay(file: string, opts: string[], cwd: string): { out: string; stderr: string; status: number | null } {
  const out = join(cwd, `replayed-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(SYSRAY, [`--replay=${file}`, ...opts, '-o', out], { cwd, encoding: 'latin1', env: testEnv(), timeout: 60_000 });
  let text = '';
  try {
    text = readFileSync(out, 'latin1');
    rmSync(out);
  } catch {
    /* nothing written */
  }
  return { out: text, stderr: r.stderr, status: r.status };
}

/** Record `cmd` with --json and `record` options; returns the recording's path. */
function record(cmd: string[], recordOpts: string[], cwd: string): string {
  const r = traceWith(SYSRAY, ['--json', ...recordOpts], cmd, cwd);
  assert.equal(r.status, 0, r.stderr);
  const file = join(cwd, `rec-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, r.trace, 'latin1');
  return file;
}

const VIEWS: { name: string; record: string[]; opts: string[] }[] = [
  { name: 'plain', record: [], opts: [] },
  { name: '-x -a 60', record: [], opts: ['-x', '-a', '60'] },
  { name: '-y', record: ['-y'], opts: ['-y'] },
  { name: 'a -y recording without -y', record: ['-y'], opts: [] },
  { name: '-e trace=%file -z', record: [], opts: ['-e', 'trace=%file', '-z'] },
  { name: '-Z', record: [], opts: ['-Z'] },
  { name: '-e trace=read,write -e status=successful', record: [], opts: ['-e', 'trace=read,write', '-e', 'status=successful'] },
  { name: '-P through paths and fds', record: ['-y'], opts: ['-y', '-P', 'fixture.txt'] },
  { name: '-X raw', record: [], opts: ['-X', 'raw', '-e', 'trace=openat,lseek,access'] },
];

for (const v of VIEWS) {
  test(`replay prints what the live run printed: ${v.name}`, { skip: !cc }, () => {
    const cwd = scratch();
    const cmd = [fixture('filebasics')];
    const rec = record(cmd, v.record, cwd);
    const live = traceWith(SYSRAY, v.opts, cmd, cwd);
    const again = replay(rec, v.opts, cwd);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(again.out.split('\n').length > 3, again.out);
    assert.equal(normalise(again.out), normalise(live.trace));
  });
}

/** The -c table's rows as `name calls errors` (times differ from run to run and are wall-clock in a replay). */
const counts = (table: string): string[] =>
  table.split('\n').filter((l) => /^ *\d+\.\d+ /.test(l)).map((l) => {
    const f = l.trim().split(/\s+/);
    return f.length === 6 ? `${f[5]} ${f[3]} ${f[4]}` : `${f[4]} ${f[3]} 0`;
  }).sort();

test('replay -c counts the calls and errors the live -c counted', { skip: !cc }, () => {
  const cwd = scratch();
  const cmd = [fixture('filebasics')];
  const rec = record(cmd, [], cwd);
  const live = counts(traceWith(SYSRAY, ['-c'], cmd, cwd).trace);
  const again = counts(replay(rec, ['-c'], cwd).out);
  assert.ok(live.length > 10, live.join('\n'));
  assert.deepEqual(again, live);
});

test('replay --json re-filters the recording line for line; unfiltered it is the recording', { skip: !cc }, () => {
  const cwd = scratch();
  const rec = record([fixture('filebasics')], [], cwd);
  const lines = readFileSync(rec, 'utf8').split('\n').filter(Boolean);
  assert.equal(replay(rec, ['--json'], cwd).out, lines.join('\n') + '\n');
  const want = lines.filter((l) => {
    const j = JSON.parse(l) as { type: string; name?: string; errno?: string };
    return j.type !== 'syscall' || ((j.name === 'openat' || j.name === 'read') && j.errno !== undefined);
  });
  const got = replay(rec, ['--json', '-e', 'trace=openat,read', '-Z'], cwd).out.split('\n').filter(Boolean);
  assert.ok(want.length >= 4);
  assert.deepEqual(got, want);
});

test('replay -ttt -T prints the recorded times', { skip: !cc }, () => {
  const cwd = scratch();
  const rec = record([fixture('filebasics')], [], cwd);
  const calls = readFileSync(rec, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; time: string; durationNs: number; ret: unknown })
    .filter((j) => j.type === 'syscall' && j.ret !== null);
  const lines = replay(rec, ['-ttt', '-T'], cwd).out.split('\n').filter((l) => / <\d+\.\d+>$/.test(l));
  assert.equal(lines.length, calls.length);
  lines.forEach((l, i) => {
    const t = BigInt(calls[i]!.time), d = BigInt(calls[i]!.durationNs);
    const us = (ns: bigint): string => `${ns / 1000000000n}.${String((ns % 1000000000n) / 1000n).padStart(6, '0')}`;
    assert.ok(l.startsWith(us(t) + ' '), `${l} should start at ${us(t)}`);
    assert.ok(l.endsWith(` <${us(d)}>`), `${l} should have taken ${us(d)}`);
  });
});

test('replay -f puts each call of several threads back in order: every unfinished line resumes', { skip: !cc }, () => {
  const cwd = scratch();
  const rec = record([fixture('threads_fork', ['-pthread'])], ['-f'], cwd);
  const syscalls = readFileSync(rec, 'utf8').split('\n').filter((l) => l.includes('"type":"syscall"')).length;
  const text = replay(rec, ['-f'], cwd).out;
  const open = new Map<string, string>();
  let calls = 0;
  for (const line of text.split('\n')) {
    const m = /^(\d+) +(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, rest] = m as unknown as [string, string, string];
    if (rest.startsWith('+++') || rest.startsWith('---')) continue;
    const resumed = /^<\.\.\. (\w+) resumed>/.exec(rest);
    if (resumed) {
      assert.equal(open.get(pid), resumed[1], `${pid} resumes ${resumed[1]} it did not start: ${line}`);
      open.delete(pid);
    } else if (rest.endsWith('<unfinished ...>') && !/= \?$/.test(rest)) {
      assert.ok(!open.has(pid), `${pid} starts a call inside another: ${line}`);
      open.set(pid, /^(\w+)\(/.exec(rest)![1]!);
      continue;
    }
    calls++;
  }
  assert.equal(open.size, 0, [...open].join(' '));
  assert.equal(calls, syscalls);
  assert.match(text, /<unfinished \.\.\.>/);
});

test('a truncated or corrupt recording: what came before it, then one line naming the line', { skip: !cc }, () => {
  const cwd = scratch();
  const rec = record([fixture('filebasics')], [], cwd);
  const lines = readFileSync(rec, 'utf8').split('\n').filter(Boolean);
  const whole = replay(rec, [], cwd).out;
  // cut in the middle of line 12
  const cut = join(cwd, 'cut.jsonl');
  writeFileSync(cut, lines.slice(0, 11).join('\n') + '\n' + lines[11]!.slice(0, 40));
  const head = join(cwd, 'head.jsonl');
  writeFileSync(head, lines.slice(0, 11).join('\n') + '\n');
  const r = replay(cut, [], cwd);
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr, `${SYSRAY}: ${cut}:12: truncated (the line does not end)\n`);
  assert.equal(r.out, replay(head, [], cwd).out);
  assert.ok(whole.startsWith(r.out.slice(0, r.out.lastIndexOf('\n'))));
  // a line in the middle that is not an event
  const bad = join(cwd, 'bad.jsonl');
  writeFileSync(bad, [...lines.slice(0, 11), '{"type":"syscall","pid":1}', ...lines.slice(11)].join('\n') + '\n');
  const b = replay(bad, [], cwd);
  assert.notEqual(b.status, 0);
  assert.equal(b.stderr, `${SYSRAY}: ${bad}:12: time is not an integer\n`);
  const missing = replay(join(cwd, 'nothing.jsonl'), [], cwd);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nothing\.jsonl: No such file or directory\n$/);
});

test('--replay takes no command', () => {
  const r = spawnSync(SYSRAY, ['--replay=x.jsonl', 'true'], { encoding: 'utf8', env: testEnv() });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--replay reads a recording: it takes no PROG or -p PID/);
});
