import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

import type { ArchTable } from '../../src/arch/types.js';
import { X86_64, NEWER_THAN_STRACE61 as X86_NEWER, STRACE61_MAX_NR as X86_S61 } from '../../src/arch/x86_64.js';
import { AARCH64, NEWER_THAN_STRACE61 as ARM_NEWER, STRACE61_MAX_NR as ARM_S61 } from '../../src/arch/aarch64.js';
import {
  NATIVE,
  isX32Syscall,
  syscallName,
  tableForAudit,
  I386,
  tableForNodeArch,
  unknownSyscallName,
} from '../../src/arch/index.js';

const TABLES: readonly ArchTable[] = [X86_64, AARCH64];

function range(lo: number, hi: number): number[] {
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function row(t: ArchTable, nr: number) {
  const r = t.rows[nr];
  assert.ok(r, `${t.name}: no row for ${nr}`);
  return r;
}

for (const t of TABLES) {
  test(`${t.name}: rows are indexed by nr, names unique, nargs sane`, () => {
    const names = new Set<string>();
    let count = 0;
    t.rows.forEach((r, i) => {
      if (r === undefined) return;
      count++;
      assert.equal(r.nr, i);
      assert.ok(!names.has(r.name), `duplicate name ${r.name}`);
      names.add(r.name);
      assert.ok(Number.isInteger(r.nargs) && r.nargs >= 0 && r.nargs <= 6, `${r.name} nargs ${r.nargs}`);
      assert.match(r.name, /^[a-z_][a-z0-9_]*$/);
      if (r.dec !== undefined) assert.notEqual(r.dec, r.name);
      assert.equal(t.byName.get(r.name), r);
    });
    assert.equal(t.byName.size, count);
    assert.equal(t.rows.length, 470);
  });
}

test('x86_64: every assigned number has a row, and only those', () => {
  const assigned = new Set([...range(0, 336), ...range(424, 469)]);
  for (let nr = 0; nr < 600; nr++) {
    assert.equal(X86_64.rows[nr] !== undefined, assigned.has(nr), `nr ${nr}`);
  }
});

test('aarch64: every assigned number has a row, and only those', () => {
  const assigned = new Set([...range(0, 243), ...range(260, 294), ...range(424, 469)]);
  for (let nr = 0; nr < 600; nr++) {
    assert.equal(AARCH64.rows[nr] !== undefined, assigned.has(nr), `nr ${nr}`);
  }
});

test('x86_64 spot checks', () => {
  assert.deepEqual(row(X86_64, 0), { nr: 0, name: 'read', nargs: 3, classes: ['desc'] });
  assert.deepEqual(row(X86_64, 2).classes, ['desc', 'file']);
  assert.equal(row(X86_64, 2).name, 'open');
  const execve = row(X86_64, 59);
  assert.equal(execve.name, 'execve');
  assert.equal(execve.nargs, 3);
  assert.ok(execve.classes.includes('process') && execve.classes.includes('file'));
  assert.equal(row(X86_64, 17).dec, 'pread');
  assert.equal(row(X86_64, 7).dec, 'poll_time64');
  assert.equal(row(X86_64, 231).name, 'exit_group');
  assert.equal(row(X86_64, 231).dec, 'exit');
  assert.equal(row(X86_64, 39).name, 'getpid');
  assert.equal(row(X86_64, 257).name, 'openat');
  assert.equal(row(X86_64, 257).nargs, 4);
  assert.equal(row(X86_64, 435).name, 'clone3');
  assert.equal(row(X86_64, 439).name, 'faccessat2');
  assert.equal(row(X86_64, 335).name, 'uretprobe');
  assert.equal(row(X86_64, 469).name, 'file_setattr');
  assert.equal(X86_64.auditArch, 0xc000003e);
});

test('aarch64 spot checks', () => {
  assert.equal(row(AARCH64, 56).name, 'openat');
  assert.deepEqual(row(AARCH64, 56).classes, ['desc', 'file']);
  assert.equal(row(AARCH64, 221).name, 'execve');
  assert.equal(row(AARCH64, 63).name, 'read');
  assert.equal(row(AARCH64, 63).nargs, 3);
  assert.equal(row(AARCH64, 79).name, 'newfstatat');
  assert.equal(row(AARCH64, 435).name, 'clone3');
  assert.equal(AARCH64.byName.get('open'), undefined);
  assert.equal(AARCH64.auditArch, 0xc00000b7);
});

test('strace 6.1 boundary', () => {
  assert.equal(X86_S61, 450);
  assert.equal(ARM_S61, 450);
  for (const [t, newer] of [[X86_64, X86_NEWER], [AARCH64, ARM_NEWER]] as const) {
    for (const nr of newer) assert.ok(t.rows[nr], `${t.name}: ${nr} listed as newer but has no row`);
    for (const nr of range(451, 469)) assert.ok(newer.has(nr));
    assert.ok(!newer.has(450));
  }
  assert.ok(X86_NEWER.has(335) && X86_NEWER.has(336));
});

test('x86_64 table covers every syscall in the system asm/unistd_64.h', (t) => {
  const path = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h';
  if (!existsSync(path)) {
    t.skip(`${path} not present`);
    return;
  }
  const defs = [...readFileSync(path, 'utf8').matchAll(/^#define __NR_(\w+)\s+(\d+)\s*$/gm)];
  assert.ok(defs.length > 300, 'header parsed');
  for (const [, name, nr] of defs) {
    assert.equal(X86_64.rows[Number(nr)]?.name, name, `__NR_${name} = ${nr}`);
  }
});

test('lookup helpers', () => {
  assert.equal(tableForAudit(0xc000003e), X86_64);
  assert.equal(tableForAudit(0xc000003e | 0), X86_64); // signed int32 form
  assert.equal(tableForAudit(0xc00000b7), AARCH64);
  assert.equal(tableForAudit(0x40000003), I386); // int $0x80 from a 64-bit process
  assert.equal(tableForAudit(0x40000028), undefined); // arm
  assert.equal(I386.rows[200]?.name, 'getgid32');
  assert.equal(I386.compat, true);
  assert.equal(I386.mode, '32 bit');
  assert.equal(X86_64.mode, '64 bit');
  assert.equal(tableForNodeArch('x64'), X86_64);
  assert.equal(tableForNodeArch('arm64'), AARCH64);
  assert.equal(NATIVE, tableForNodeArch(process.arch));

  assert.equal(syscallName(X86_64, 0), 'read');
  assert.equal(syscallName(AARCH64, 0), 'io_setup');
  assert.equal(syscallName(X86_64, 337), 'syscall_0x151');
  assert.equal(syscallName(X86_64, 512), 'syscall_0x200');
  assert.equal(syscallName(X86_64, 100000), 'syscall_0x186a0');
  assert.equal(syscallName(X86_64, -1), 'syscall_0xffffffffffffffff');
  assert.equal(syscallName(X86_64, 0xffffffffffffffffn), 'syscall_0xffffffffffffffff');
  assert.equal(syscallName(AARCH64, 244n), 'syscall_0xf4');
  assert.equal(unknownSyscallName(0), 'syscall_0');
  assert.equal(unknownSyscallName(0x40000001), 'syscall_0x40000001');

  assert.equal(isX32Syscall(0xc000003e, 0x40000001), true);
  assert.equal(isX32Syscall(0xc000003e, 1), false);
  assert.equal(isX32Syscall(0xc000003e, -1), false);
  assert.equal(isX32Syscall(0xc00000b7, 0x40000001), false);
});
