/**
 * The per-arch layouts in src/arch/<arch>/abi.ts against the C headers that define them: a program
 * made from the tables themselves prints what the compiler says each offset and size is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AARCH64_ABI } from '../../src/arch/aarch64/abi.js';
import { X86_64_ABI } from '../../src/arch/x86_64/abi.js';
import type { StatLayout } from '../../src/arch/types.js';
import { haveCc } from '../helpers/fixtures.js';

const skip = (process.arch !== 'x64' && 'x86_64 only (the headers are the build host\'s)') || (!haveCc() && 'needs cc');

/** Compile `body` (statements printing one value a line) after `includes`, run it, the lines as numbers. */
function run(includes: string[], body: string[]): number[] {
  const d = mkdtempSync(join(tmpdir(), 'sysray-abi-'));
  try {
    const src = [...['stddef.h', 'stdio.h', ...includes].map((h) => `#include <${h}>`), 'int main(void) {', ...body, '  return 0;', '}', ''].join('\n');
    writeFileSync(join(d, 'a.c'), src);
    execFileSync('cc', ['-o', join(d, 'a'), join(d, 'a.c')]);
    return execFileSync(join(d, 'a'), { encoding: 'utf8' }).trim().split('\n').map(Number);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}
const print = (expr: string) => `  printf("%zu\\n", (size_t)(${expr}));`;

/** The layout as the header has it: [size, each field's offset and size, each time's offset]. */
function statFromHeader(header: string, l: StatLayout): number[] {
  const names = Object.keys(l.fields);
  const exprs = ['sizeof(struct stat)', ...names.flatMap((n) => [`offsetof(struct stat, st_${n})`, `sizeof(((struct stat *)0)->st_${n})`]),
    ...Object.keys(l.times).map((n) => `offsetof(struct stat, st_${n})`)];
  return run([header], exprs.map(print));
}
const statFlat = (l: StatLayout): number[] => [l.size, ...Object.values(l.fields).flat(), ...Object.values(l.times)];

test('struct stat: x86_64 as <asm/stat.h>, aarch64 as <asm-generic/stat.h>', { skip }, () => {
  assert.deepEqual(statFromHeader('asm/stat.h', X86_64_ABI.stat), statFlat(X86_64_ABI.stat));
  // the generic header compiled for a 64-bit long is aarch64's struct stat
  assert.deepEqual(statFromHeader('asm-generic/stat.h', AARCH64_ABI.stat), statFlat(AARCH64_ABI.stat));
});

test('struct semid64_ds: x86_64 as <asm/sembuf.h>, aarch64 as <asm-generic/sembuf.h>', { skip }, () => {
  for (const [header, s] of [['asm/sembuf.h', X86_64_ABI.semid], ['asm-generic/sembuf.h', AARCH64_ABI.semid]] as const) {
    const exprs = ['sizeof(struct semid64_ds)', ...['otime', 'ctime', 'nsems'].map((n) => `offsetof(struct semid64_ds, sem_${n})`)];
    assert.deepEqual(run([header], exprs.map(print)), [s.size, s.otime, s.ctime, s.nsems], header);
  }
});

test('x86_64 registers: user_regs_struct, user_fpregs_struct and struct user as <sys/user.h>', { skip }, () => {
  const r = X86_64_ABI.regs!;
  const regs = run(['sys/user.h'], [print('sizeof(struct user_regs_struct)'), ...r.prstatus.map((n) => print(`offsetof(struct user_regs_struct, ${n})`))]);
  assert.deepEqual(regs, [r.prstatus.length * 8, ...r.prstatus.map((_, i) => i * 8)]);
  // the names PEEKUSER's offsets print as are C expressions (8*RAX is <sys/reg.h>'s; strace says
  // EFL where glibc says EFLAGS)
  const expr = (name: string) => (name === '8*EFL' ? '8*EFLAGS' : name);
  assert.deepEqual(run(['sys/user.h', 'sys/reg.h'], r.userOffsets.map(([, name]) => print(expr(name)))), r.userOffsets.map(([o]) => o));
  const fp = r.fpregs;
  const fields = [...fp.head.map(([n, o]) => [n, o] as const), ...fp.arrays.map(([n, o]) => [n, o] as const)];
  assert.deepEqual(run(['sys/user.h'], [print('sizeof(struct user_fpregs_struct)'), ...fields.map(([n]) => print(`offsetof(struct user_fpregs_struct, ${n})`))]),
    [fp.size, ...fields.map(([, o]) => o)]);
  // and the field sizes: the arrays are of u32, the rest as declared
  assert.deepEqual(run(['sys/user.h'], [...fp.head.map(([n]) => print(`sizeof(((struct user_fpregs_struct *)0)->${n})`)),
    ...fp.arrays.map(([n]) => print(`sizeof(((struct user_fpregs_struct *)0)->${n}) / 4`))]),
  [...fp.head.map(([, , b]) => b), ...fp.arrays.map(([, , count]) => count)]);
  // inject= writes these two
  assert.deepEqual([X86_64_ABI.user!.rax, X86_64_ABI.user!.origRax], run(['sys/user.h'], [print('offsetof(struct user_regs_struct, rax)'), print('offsetof(struct user_regs_struct, orig_rax)')]));
});
