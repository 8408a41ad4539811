/**
 * The trace is the oracle: bin/sysray traces a Node program that calls every row of
 * tests/helpers/unix-cases.ts against the real kernel, and each row's syscall must show up between
 * its markers exactly as the row says (name and every argument it passed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CASES } from '../helpers/unix-cases.js';
import { ROOT, SYSRAY, testEnv } from '../helpers/diff.js';
import { NEWER_THAN_STRACE61, X86_64 } from '../../src/arch/x86_64.js';

/**
 * strace 6.1 prints a syscall it has no entry for as `syscall_0x1c3(…)` with six raw arguments, and
 * so does sysray: a row of such a call expects that form.
 */
function asStrace61(want: string): string {
  const name = /^(\w+)\(/.exec(want)?.[1];
  const nr = X86_64.rows.findIndex((r) => r?.name === name);
  return nr >= 0 && NEWER_THAN_STRACE61.has(nr) ? `syscall_0x${nr.toString(16)}(%*) = %*` : want;
}

/** A row's pattern as a whole-line regex: %d an integer, %x a hex address, %* anything. */
export function patternRegex(p: string): RegExp {
  const parts = p.split(/(%d|%x|%\*)/);
  const src = parts.map((s) => (s === '%d' ? '-?\\d+' : s === '%x' ? '0x[0-9a-f]+' : s === '%*' ? '.*?' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${src}$`);
}

/** The trace's lines with strace's alignment padding before ` = ` collapsed. */
const normalise = (line: string): string => line.replace(/\)\s+= /, ') = ');

test('patternRegex: literals stay literal, placeholders match what they say', () => {
  assert.ok(patternRegex('read(3, "a.b", 8) = %d').test('read(3, "a.b", 8) = 8'));
  assert.ok(!patternRegex('read(3, "a.b", 8) = %d').test('read(3, "axb", 8) = 8'));
  assert.ok(patternRegex('mmap(NULL, 4096) = %x').test('mmap(NULL, 4096) = 0x7f00'));
  assert.ok(!patternRegex('mmap(NULL, 4096) = %x').test('mmap(NULL, 4096) = -1 ENOMEM (Cannot allocate memory)'));
});

test('every sysray/unix row shows its exact syscall in sysray\'s trace', { timeout: 120_000 }, () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'sysray-oracle-'));
  const trace = join(dir, 'trace');
  const work = join(dir, 'work');
  fs.mkdirSync(work);
  try {
    const prog = join(ROOT, 'dist', 'tests', 'helpers', 'unix-oracle-program.js');
    const r = spawnSync(SYSRAY, ['-s', '64', '-e', 'signal=none', '-o', trace, process.execPath, prog, work], {
      encoding: 'utf8', env: testEnv(), timeout: 100_000,
    });
    assert.equal(r.status, 0, `the program failed: ${r.stderr}`);
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ran: string[]; threw: Record<string, string> };
    assert.deepEqual(report.threw, {}, 'rows that threw');

    const lines = fs.readFileSync(trace, 'utf8').split('\n').map(normalise);
    const failures: string[] = [];
    let checked = 0;
    for (const k of CASES) {
      if (!report.ran.includes(k.name)) continue;
      const start = lines.findIndex((l) => l.startsWith(`write(-1, "@case ${k.name}", `));
      const end = lines.findIndex((l, i) => i > start && l.startsWith(`write(-1, "@end ${k.name}", `));
      if (start < 0 || end < 0) {
        failures.push(`${k.name}: markers not found`);
        continue;
      }
      const segment = lines.slice(start + 1, end);
      let at = 0;
      for (const want of Array.isArray(k.expect) ? k.expect : [k.expect]) {
        const re = patternRegex(process.arch === 'x64' ? asStrace61(want) : want);
        const found = segment.findIndex((l, i) => i >= at && re.test(l));
        if (found < 0) {
          failures.push(`${k.name}: expected\n    ${want}\n  in\n    ${segment.join('\n    ')}`);
          break;
        }
        at = found + 1;
      }
      checked++;
    }
    assert.deepEqual(failures, [], `${failures.length} rows differ:\n${failures.join('\n')}`);
    assert.ok(checked >= CASES.filter((k) => !k.root).length, `${checked} rows checked`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
