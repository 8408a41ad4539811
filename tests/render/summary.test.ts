/** The -c/-C call summary table: strace 6.1's layout, sorting, columns and option parsing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X86_64 } from '../../src/arch/x86_64.js';
import { NATIVE } from '../../src/arch/index.js';
import { FilterError } from '../../src/filter/expr.js';
import {
  SummaryCounter, parseSortBy, parseColumns, parseOverhead, formatFixed, DEFAULT_COLUMNS, type Column,
  type SummaryRenderOptions,
} from '../../src/render/summary.js';
import { STRACE, testEnv } from '../helpers/diff.js';

const US = 1000n;
const MS = 1000000n;

const HEAD = '% time     seconds  usecs/call     calls    errors syscall\n';
const DASH = '------ ----------- ----------- --------- --------- ----------------\n';

test('empty counter prints nothing (strace prints no table when nothing was counted)', () => {
  const c = new SummaryCounter(X86_64);
  assert.equal(c.empty, true);
  assert.equal(c.render(), '');
});

test('default layout: header, dashes, rows by time, blank zero errors, total line', () => {
  const c = new SummaryCounter(X86_64);
  c.add('read', 30n * US, false);
  c.add('read', 10n * US, true);
  c.add('openat', 50n * US, false);
  c.add('close', 0n, false);
  c.add('write', 10n * US, false);
  assert.equal(c.empty, false);
  assert.equal(
    c.render(),
    HEAD + DASH +
      ' 50.00    0.000050          50         1           openat\n' +
      ' 40.00    0.000040          20         2         1 read\n' +
      ' 10.00    0.000010          10         1           write\n' +
      '  0.00    0.000000           0         1           close\n' +
      DASH +
      '100.00    0.000100          20         5         1 total\n',
  );
});

test('all-zero times: 0.00 percent rows, ties in syscall-number order, 100.00 total', () => {
  const c = new SummaryCounter(X86_64);
  for (const n of ['mmap', 'read', 'close', 'execve', 'brk']) c.add(n, 0n, false);
  assert.equal(
    c.render(),
    HEAD + DASH +
      '  0.00    0.000000           0         1           read\n' +
      '  0.00    0.000000           0         1           close\n' +
      '  0.00    0.000000           0         1           mmap\n' +
      '  0.00    0.000000           0         1           brk\n' +
      '  0.00    0.000000           0         1           execve\n' +
      DASH +
      '100.00    0.000000           0         5           total\n',
  );
});

test('rounding: usecs/call truncates, ts_div rounds to ns, %.6f/%.2f round like glibc', () => {
  assert.equal(formatFixed(0.0078125, 6), '0.007812', 'ties go to even');
  assert.equal(formatFixed(0.0078135, 6), '0.007813', 'the double is just below the tie');
  assert.equal(formatFixed(12.125, 2), '12.12');
  assert.equal(formatFixed(12.375, 2), '12.38');
  assert.equal(formatFixed(2.5, 0), '2');
  assert.equal(formatFixed(100, 2), '100.00');
  assert.equal(formatFixed(1e21, 6), '1000000000000000000000.000000');
  const c = new SummaryCounter(X86_64);
  c.add('read', 1999n, false);
  c.add('read', 1n, false);
  c.add('read', 1n, false); // 2001 ns / 3 calls = 667 ns -> 0 usecs
  c.add('write', 7812500n, false);
  const rows = c.render().split('\n');
  assert.equal(rows[2], ' 99.97    0.007812        7812         1           write');
  assert.equal(rows[3], '  0.03    0.000002           0         3           read');
  assert.equal(rows[5], '100.00    0.007815        1953         4           total');
});

test('widths grow with the numbers; long names widen the name column', () => {
  const c = new SummaryCounter(X86_64);
  c.add('sched_rr_get_interval', 123456789n * 1000000000n, false);
  for (let i = 0; i < 3; i++) c.add('getpid', 0n, false);
  const out = c.render().split('\n');
  assert.equal(out[0], '% time          seconds      usecs/call     calls    errors syscall');
  assert.equal(out[1], '------ ---------------- --------------- --------- --------- ----------------------');
  assert.equal(out[2], '100.00 123456789.000000 123456789000000         1           sched_rr_get_interval');
  assert.equal(out[3], '  0.00         0.000000               0         3           getpid');
  // The avg column is as wide as the largest per-syscall average (not the total's).
  assert.equal(out[5], '100.00 123456789.000000  30864197250000         4           total');
});

test('-S sort keys and aliases; ties keep syscall-number order', () => {
  const c = new SummaryCounter(X86_64);
  c.add('write', 5n * US, false);
  c.add('read', 5n * US, true);
  c.add('read', 1n * US, true);
  c.add('close', 9n * US, false);
  c.add('brk', 1n * US, false);
  c.add('brk', 1n * US, false);
  c.add('brk', 1n * US, false);
  const order = (o: SummaryRenderOptions) => c.render(o).split('\n').slice(2, -3).map((l) => l.split(' ').pop());
  assert.deepEqual(order({}), ['close', 'read', 'write', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('calls') }), ['brk', 'read', 'write', 'close']);
  assert.deepEqual(order({ sortBy: parseSortBy('count') }), ['brk', 'read', 'write', 'close']);
  assert.deepEqual(order({ sortBy: parseSortBy('errors') }), ['read', 'write', 'close', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('name') }), ['brk', 'close', 'read', 'write']);
  assert.deepEqual(order({ sortBy: parseSortBy('syscall-name') }), ['brk', 'close', 'read', 'write']);
  assert.deepEqual(order({ sortBy: parseSortBy('nothing') }), ['read', 'write', 'close', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('none') }), ['read', 'write', 'close', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('shortest') }), ['close', 'write', 'read', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('longest') }), ['close', 'read', 'write', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('avg_time') }), ['close', 'write', 'read', 'brk']);
  assert.deepEqual(order({ sortBy: parseSortBy('total-time') }), ['close', 'read', 'write', 'brk']);
  for (const bad of ['bogus', 'Calls', '', 'time ']) {
    assert.throws(() => parseSortBy(bad), (e: unknown) => e instanceof FilterError && e.hint && e.message === `invalid sortby: '${bad}'`);
  }
});

test('-U columns: aliases, name appended, name not last is padded, min/max columns', () => {
  assert.deepEqual(parseColumns('time,seconds'.replace('seconds', 'total_time')), ['time_percent', 'total_time', 'name']);
  assert.deepEqual(parseColumns('shortest,longest,avg-time,count,error,syscall'), ['min_time', 'max_time', 'avg_time', 'calls', 'errors', 'name']);
  assert.deepEqual(parseColumns('time_percent,time_total,min_time,max_time,time_avg,calls,errors,name'),
    ['time_percent', 'total_time', 'min_time', 'max_time', 'avg_time', 'calls', 'errors', 'name']);
  const err = (s: string, msg: string) =>
    assert.throws(() => parseColumns(s), (e: unknown) => e instanceof FilterError && e.hint && e.message === msg, s);
  err('bogus', "unknown column name: 'bogus'");
  err('calls,', "unknown column name: ''");
  err('none', "unknown column name: 'none'");
  err('calls,errors,count,name', "call summary column has been provided more than once: 'count' (-U option residual: 'count,name')");

  const c = new SummaryCounter(X86_64);
  c.add('read', 2n * MS, false);
  c.add('read', 1n * MS, true);
  c.add('openat', 500n * US, false);
  const cols: Column[] = parseColumns('name,calls,errors,min,max'.replace('min', 'shortest').replace('max', 'longest'));
  assert.equal(
    c.render({ columns: cols }),
    'syscall              calls    errors shortest  longest\n' +
      '---------------- --------- --------- -------- --------\n' +
      'read                     2         1 0.001000 0.002000\n' +
      'openat                   1           0.000500 0.000500\n' +
      '---------------- --------- --------- -------- --------\n' +
      'total                    3         1 0.000500 0.002000\n',
  );
  assert.deepEqual(DEFAULT_COLUMNS, ['time_percent', 'total_time', 'avg_time', 'calls', 'errors', 'name']);
});

test('-O overhead: parsed like parse_ts, subtracted per call and clamped at zero', () => {
  assert.equal(parseOverhead('5'), 5000n);
  assert.equal(parseOverhead('5us'), 5000n);
  assert.equal(parseOverhead('2mS'), 2000000n);
  assert.equal(parseOverhead('2MS'), undefined, 'an integer must be followed by one of s m u n (lowercase)');
  assert.equal(parseOverhead('1.5MS'), 1500000n);
  assert.equal(parseOverhead(' 5'), 5000n);
  assert.equal(parseOverhead('1.5s'), 1500000000n);
  assert.equal(parseOverhead('300ns'), 300n);
  assert.equal(parseOverhead('1e3'), 1000000n);
  for (const bad of ['', 'x', '-1', '5x', '1.5.3', '1e400', '1e-400', 'e5', '0x10', '5 ']) assert.equal(parseOverhead(bad), undefined, bad);
  const c = new SummaryCounter(X86_64, { overheadNs: 3000n });
  c.add('read', 10000n, false);
  c.add('read', 1000n, false);
  assert.equal(c.render().split('\n')[2], '100.00    0.000007           3         2           read');
});

test('syscalls not in the table sort after known ones; an explicit nr is honoured', () => {
  const c = new SummaryCounter(X86_64);
  c.add('mystery', 0n, false);
  c.add('write', 0n, false);
  c.add('other', 0n, false, 0);
  const names = c.render().split('\n').slice(2, 5).map((l) => l.split(' ').pop());
  assert.deepEqual(names, ['other', 'write', 'mystery']);
});

// ---------------------------------------------------------------------------------------------
// Against real strace -c output

const HEADS: Record<string, Column> = {
  '% time': 'time_percent', seconds: 'total_time', 'usecs/call': 'avg_time', calls: 'calls', errors: 'errors',
  syscall: 'name', shortest: 'min_time', longest: 'max_time',
};

/**
 * Rebuild a counter from a strace -c table. Without -w strace's times come from ru_stime, whole
 * microseconds, so the printed seconds are exact and the table can be reproduced byte for byte.
 */
function rebuild(text: string): SummaryCounter {
  const lines = text.split('\n');
  const spans = [...lines[1]!.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const cut = (l: string, k: number) => (k === spans.length - 1 ? l.slice(spans[k]![0]) : l.slice(spans[k]![0], spans[k]![1])).trim();
  const cols = spans.map((_, k) => HEADS[cut(lines[0]!, k)]!);
  const c = new SummaryCounter(NATIVE);
  for (const l of lines.slice(2)) {
    if (l.startsWith('---')) break;
    const row = Object.fromEntries(cols.map((col, k) => [col, cut(l, k)])) as Record<Column, string>;
    const ns = BigInt(row.total_time.replace('.', '')) * 1000n;
    const calls = Number(row.calls);
    const errors = Number(row.errors || 0);
    for (let i = 0; i < calls; i++) c.add(row.name, i === 0 ? ns : 0n, i < errors);
  }
  return c;
}

test('real strace -c tables are reproduced byte for byte (default, -S, -U)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sysray-summary-'));
  try {
    const out = join(dir, 'c.txt');
    const cmd = ['sh', '-c', 'ls -l / >/dev/null; cat /etc/hostname /nonexistent 2>/dev/null; true'];
    const variants: string[][] = [[], ['-S', 'calls'], ['-S', 'name'], ['-S', 'nothing'], ['-S', 'errors'],
      ['-S', 'avg_time'], ['-U', 'name,calls,errors,total_time,time_percent,avg_time'], ['-S', 'count', '-U', 'syscall,calls,errors,time-total'],
      ['-U', 'calls,time_total']];
    for (const v of variants) {
      const r = spawnSync(STRACE, ['-f', '-c', ...v, '-o', out, ...cmd], { env: testEnv(), timeout: 30_000 });
      assert.equal(r.status, 0);
      const text = readFileSync(out, 'utf8');
      assert.match(text, /^(% time|syscall|    calls)/);
      assert.match(text, /\n(100\.00 |total|\s+\d+ )[^\n]*\n$/);
      const opts: SummaryRenderOptions = {};
      for (let i = 0; i < v.length; i++) {
        if (v[i] === '-S') opts.sortBy = parseSortBy(v[++i]!);
        else if (v[i] === '-U') opts.columns = parseColumns(v[++i]!);
      }
      assert.equal(rebuild(text).render(opts), text, `strace -c ${v.join(' ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('-S/-U error messages are those of /usr/bin/strace', () => {
  const cases = [['-S', 'bogus'], ['-S', ''], ['-U', 'bogus'], ['-U', 'calls,'], ['-U', 'none'], ['-U', 'calls,count'],
    ['-U', 'calls,errors,calls,name']];
  for (const args of cases) {
    const r = spawnSync(STRACE, ['-c', ...args, 'true'], { encoding: 'utf8', env: testEnv(), timeout: 30_000 });
    let ours = '';
    try {
      if (args[0] === '-S') parseSortBy(args[1]!);
      else parseColumns(args[1]!);
    } catch (e) {
      assert.ok(e instanceof FilterError);
      ours = `strace: ${e.message}\n${e.hint ? "Try 'strace -h' for more information.\n" : ''}`;
    }
    assert.equal(r.status, 1);
    assert.equal(ours, r.stderr.replaceAll(STRACE, 'strace'), args.join(' '));
  }
});
