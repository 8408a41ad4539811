/**
 * unix.async under sysray -f: pool calls are the same syscall on another thread; a readiness call
 * checks with a zero-timeout poll and reads on the main thread; a wait is one poll on a pool
 * thread over the pending fds and the wake eventfd.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT, SYSRAY, testEnv } from '../helpers/diff.js';

test('unix.async, traced: which thread makes which call', { timeout: 60_000 }, () => {
  const dir = fs.mkdtempSync(join(os.tmpdir(), 'sysray-async-trace-'));
  try {
    const out = join(dir, 'trace');
    const prog = join(ROOT, 'dist', 'tests', 'helpers', 'unix-async-program.js');
    const r = spawnSync(SYSRAY, ['-f', '-e', 'trace=write,read,nanosleep,poll', '-e', 'signal=none', '-o', out, process.execPath, prog], { encoding: 'utf8', env: testEnv() });
    assert.equal(r.status, 0, r.stderr);
    const lines = fs.readFileSync(out, 'utf8').split('\n').map((l) => {
      const m = /^(\d+) +(.*)$/.exec(l);
      return m ? { tid: Number(m[1]), text: m[2]! } : { tid: 0, text: l };
    });
    // a call another thread's line interrupted prints in two pieces: join them on the first piece
    for (const [i, l] of lines.entries()) {
      const cut = / <unfinished \.\.\.>$/.exec(l.text);
      if (!cut) continue;
      const name = /^(\w+)\(/.exec(l.text)?.[1];
      const j = lines.findIndex((x, k) => k > i && x.tid === l.tid && x.text.startsWith(`<... ${name} resumed>`));
      if (j < 0) continue;
      l.text = l.text.slice(0, cut.index) + lines[j]!.text.slice(`<... ${name} resumed>`.length);
      lines.splice(j, 1);
    }
    for (const l of lines) l.text = l.text.replace(/\)\s+= /, ') = ');
    const find = (re: RegExp): { tid: number; text: string } => {
      const l = lines.find((x) => re.test(x.text));
      assert.ok(l, `no line matching ${re}`);
      return l;
    };
    const main = find(/^read\(151, "async-write", 11\) = 11$/).tid;
    assert.notEqual(find(/^write\(150, "async-write", 11\) = 11$/).tid, main, 'the pool write ran off the main thread');
    assert.notEqual(find(/^nanosleep\(\{tv_sec=0, tv_nsec=1234\}, NULL\) = 0$/).tid, main);
    const i = lines.findIndex((x) => x.tid === main && /^read\(151, "async-write"/.test(x.text));
    assert.match(lines.slice(0, i).filter((x) => x.tid === main).pop()!.text, /^poll\(\[\{fd=151, events=POLLIN\}\], 1, 0\) = 1 /);
    const waiter = find(/^poll\(\[\{fd=\d+, events=POLLIN\}, \{fd=151, events=POLLIN\}\], 2, -1/);
    assert.notEqual(waiter.tid, main, 'the shared wait is on a pool thread');
    assert.equal(find(/^read\(151, "late", 4\) = 4$/).tid, main);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
