// The decoder registry (src/decode/index.ts): one owner per syscall, and the facts the engine and
// the filters derive from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AARCH64, I386, X86_64 } from '../../src/arch/index.js';
import { decoderName, FAMILIES, factsFor, mergeFamilies, REGISTRY } from '../../src/decode/index.js';
import { printargs, sig } from '../../src/decode/args.js';

test('every table row resolves to exactly one decoder', () => {
  for (const t of [X86_64, AARCH64, I386]) {
    for (const row of t.rows) {
      if (!row) continue;
      const name = decoderName(row);
      if (name === undefined) {
        // printargs: only when strace's table says so, or the row names no decoder of its own
        assert.ok(row.dec === undefined || row.dec === 'printargs', `${t.name} ${row.name}: dec ${row.dec} is no decoder`);
        continue;
      }
      const owners = Object.entries(FAMILIES).filter(([, decs]) => Object.hasOwn(decs, name)).map(([fam]) => fam);
      assert.equal(owners.length, 1, `${t.name} ${row.name} (${name}): decoded in ${owners.join(', ') || 'no family'}`);
      assert.equal(REGISTRY[name], FAMILIES[owners[0]!]![name]);
    }
  }
});

test('the registry refuses a name decoded twice', () => {
  const d = printargs(1);
  assert.throws(() => mergeFamilies({ one: { kcmp: d }, two: { kcmp: sig([]) } }), /kcmp is decoded in both one and two/);
  assert.deepEqual(Object.keys(mergeFamilies({ one: { kcmp: d }, two: { getpid: d } })), ['kcmp', 'getpid']);
});

test('facts: results that are pids, renames, dumps, -P roles', () => {
  const f = (name: string) => factsFor(X86_64.byName.get(name));
  for (const n of ['getpid', 'getppid', 'gettid', 'fork', 'vfork', 'clone', 'clone3', 'wait4']) assert.equal(f(n).pid, true, n);
  assert.deepEqual(f('fcntl').pid, [1, 9]); // F_GETOWN
  // a process group is a pid too (pidns translates it), one -Y does not name
  assert.deepEqual([f('getpgrp').pid, f('getpgrp').pidType], [true, 'pgid']);
  assert.equal(f('execve').commChange, true);
  assert.deepEqual(f('prctl').commChange, [0, 15]); // PR_SET_NAME
  assert.equal(f('pread64').dump, 'read'); // through its row's decoder name, pread
  assert.equal(f('recvmmsg').dump, 'recvmmsg');
  assert.equal(f('vmsplice').dump, 'writev');
  assert.deepEqual(f('renameat2').paths, ['fd', 'path', 'fd', 'path']);
  assert.equal(f('poll').paths, 'pollfds');
  assert.equal(f('select').paths, 'fdsets');
  assert.deepEqual(f('epoll_ctl_old').paths, []); // printargs by name
  assert.deepEqual(f('open'), {}); // no facts: -P falls back to argument 0
  assert.deepEqual(factsFor(undefined), {});
});
