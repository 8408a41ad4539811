/**
 * -k against `strace -k` (built with libunwind here): the same program under both, the frames
 * compared exactly (they are file offsets, the same in every run), the other lines after the usual
 * normalising. C fixtures as a PIE, a non-PIE, a static and an optimised binary, a thread, the
 * coreutils and python3.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { normalise, ROOT, STRACE, SYSRAY, testEnv, traceWith } from '../helpers/diff.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

const x64 = process.arch === 'x64';
const straceK = x64 && existsSync(STRACE) && /stack-trace=libunwind/.test(spawnSync(STRACE, ['-V'], { encoding: 'latin1' }).stdout);
const skip = !straceK && 'needs x86_64 and strace built with libunwind';
const noCc = skip || (!haveCc() && 'needs cc');

/**
 * A trace with its frame lines kept exact (but for an unplaced frame's raw address, which ASLR
 * moves) and every other line normalised as the differential tests do.
 */
function comparable(trace: string): string[] {
  const frames: string[] = [];
  const masked = trace.split('\n').map((l) => {
    if (!l.startsWith(' > ')) return l;
    frames.push(l.replace(/^( > unexpected_backtracing_error) \[0x[0-9a-f]+\]$/, '$1 [ADDR]'));
    return `\u0001${frames.length - 1}`;
  });
  return normalise(masked.join('\n')).split('\n').map((l) => (l.startsWith('\u0001') ? frames[Number(l.slice(1))]! : l));
}

/** Trace `cmd` under both with `opts` and -k; assert the same lines and return how many were frames. */
function same(cmd: string[], opts: string[] = []): number {
  const a = traceWith(STRACE, ['-k', ...opts], cmd, ROOT);
  const b = traceWith(SYSRAY, ['-k', ...opts], cmd, ROOT);
  assert.equal(b.stderr, a.stderr.replaceAll(STRACE, SYSRAY));
  const sa = comparable(a.trace), sb = comparable(b.trace);
  const at = sa.findIndex((l, i) => l !== sb[i]);
  assert.ok(at < 0 && sa.length === sb.length, `first difference at line ${at + 1}:\n  strace: ${sa[at]}\n  sysray: ${sb[at]}`);
  const n = sa.filter((l) => l.startsWith(' > ')).length;
  assert.ok(n > 0, 'no frames at all');
  return n;
}

test('a dynamic PIE: nested calls, recursion over the limit, a signal handler, exit_group', { skip: noCc }, () => {
  const n = same([fixture('stack_calls')]);
  // 20 levels of recursion, then the 256-frame limit, then the handler's frames through the trampoline
  assert.ok(n > 300, `${n} frames`);
});

test('a process killed by a signal (abort): the signal\'s stack, then nothing more', { skip: noCc }, () => {
  same([fixture('stack_calls'), 'abort'], ['-e', 'trace=tgkill,rt_sigprocmask']);
});

test('a non-PIE binary and an optimised one', { skip: noCc }, () => {
  same([fixture('stack_calls_nopie', ['-no-pie'], 'stack_calls')]);
  same([fixture('stack_calls_o2', ['-O2'], 'stack_calls')]);
});

test('a static binary', { skip: noCc || (!existsSync('/usr/lib/x86_64-linux-gnu/libc.a') && 'needs libc.a') }, () => {
  same([fixture('stack_calls_static', ['-static'], 'stack_calls')]);
});

test("a thread's stack (clone3's child) and the main thread's after join", { skip: noCc }, () => {
  // the thread's exit(): a stack taken at entry, printed after its `+++ exited` line
  same([fixture('stack_thread', ['-pthread'])], ['-f', '-e', 'trace=write,exit,exit_group']);
});

test('coreutils: echo, cat, sort, ls', { skip }, () => {
  same(['echo', 'hi']);
  same(['cat', 'tests/fixtures/stack_calls.c']);
  same(['sort', 'tests/fixtures/stack_thread.c']);
  same(['ls', '-l', 'tests/fixtures'], ['-e', 'trace=%file,write']);
});

test('-ff: a shell, its forked children and what they exec, one file each', { skip }, () => {
  /** Each process's frame lines, one string per -ff file, sorted (the files are named by pid). */
  const perFile = (tool: string): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'sysray-stack-ff-'));
    try {
      const r = spawnSync(tool, ['-ff', '-k', '-o', join(dir, 't'), 'sh', '-c', 'echo a; /bin/true; ls tests/fixtures/stack_calls.c'], { cwd: ROOT, env: testEnv(), encoding: 'latin1' });
      assert.equal(r.status, 0, r.stderr);
      return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'latin1').split('\n').filter((l) => l.startsWith(' > ')).join('\n')).sort();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const a = perFile(STRACE), b = perFile(SYSRAY);
  assert.equal(a.length, 3);
  assert.deepEqual(b, a);
});

test('python3 printing (its hash seed fixed, so it runs the same way twice)', { skip: skip || (!existsSync('/usr/bin/python3') && 'needs python3') }, () => {
  same(['/usr/bin/env', 'PYTHONHASHSEED=0', '/usr/bin/python3', '-c', 'import os; print(sorted(os.listdir("tests/fixtures"))[0])'], ['-e', 'trace=write,exit_group']);
});

test('--json carries the frames, and --replay prints them as the live trace did', { skip: noCc }, () => {
  const prog = fixture('stack_calls');
  const text = traceWith(SYSRAY, ['-k', '-e', 'trace=write,exit_group'], [prog], ROOT).trace;
  const json = traceWith(SYSRAY, ['-k', '--json', '-e', 'trace=write,exit_group'], [prog], ROOT).trace;
  const events = json.trim().split('\n').map((l) => JSON.parse(l));
  const first = events.find((e) => e.type === 'syscall' && e.name === 'write');
  const top = first.stack[0];
  assert.match(top.file, /\/libc\.so\.6$/);
  assert.deepEqual([top.symbol, top.offset, typeof top.pc], ['__write', 16, 'number']);
  // a C++ name, demangled as strace prints it
  assert.ok(first.stack.some((f: { symbol?: string; file: string }) => f.symbol === 'app::Outer::inner()' && f.file === prog));
  const exit = events.find((e) => e.type === 'syscall' && e.name === 'exit_group');
  assert.equal(exit.ret, null);
  assert.ok(exit.stack.length > 1);
  const replayed = spawnSync(SYSRAY, ['--replay=-'], { input: json, encoding: 'latin1', env: testEnv() });
  assert.equal(replayed.status, 0, replayed.stderr);
  assert.deepEqual(comparable(replayed.stderr), comparable(text));
});

test('-k with -c: strace\'s warning, and no frames in the summary', { skip }, () => {
  const a = spawnSync(STRACE, ['-c', '-k', '-o', '/dev/null', 'true'], { encoding: 'latin1', env: testEnv() });
  const b = spawnSync(SYSRAY, ['-c', '-k', '-o', '/dev/null', 'true'], { encoding: 'latin1', env: testEnv() });
  assert.equal(b.stderr, a.stderr.replaceAll(STRACE, SYSRAY).replaceAll('strace:', 'sysray:'));
  assert.equal(b.status, 0);
});

test("the API's stackTraces: the same frames on its events", { skip }, async () => {
  const { trace } = await import('../../src/api/index.js');
  const t = trace(['echo', 'hi'], { stackTraces: true, filter: ['trace=write'], stdio: 'ignore' });
  const writes = [];
  for await (const ev of t) if (ev.type === 'syscall') writes.push(ev);
  await t.exit;
  assert.equal(writes.length, 1);
  const text = traceWith(SYSRAY, ['-k', '-e', 'trace=write'], ['echo', 'hi'], ROOT).trace;
  const frames = text.split('\n').filter((l) => l.startsWith(' > '));
  assert.deepEqual(writes[0]!.stack!.map((f) => ` > ${f.file}(${f.symbol ?? ''}${f.symbol ? `+0x${Number(f.offset).toString(16)}` : ''}) [0x${Number(f.pc).toString(16)}]`), frames);
});
