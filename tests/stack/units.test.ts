/** -k's parts alone: /proc/PID/maps parsing, ELF symbols, CFI rows and expressions, the text form. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mappingAt, parseMaps } from '../../src/stack/maps.js';
import { ElfFile } from '../../src/stack/elf.js';
import { evalExpr, FrameTable, rowAt } from '../../src/stack/cfi.js';
import { stackText } from '../../src/render/strace.js';
import { fixture, haveCc } from '../helpers/fixtures.js';

test('maps: named mappings only, in order, as strace keeps them', () => {
  const maps = parseMaps([
    '55d55dad7000-55d55dad9000 r--p 00000000 fe:00 260386                     /usr/bin/head',
    '55d55dad9000-55d55dadf000 r-xp 00002000 fe:00 260386                     /usr/bin/head',
    '55868ab09000-55868ab19000 rw-p 00000000 00:00 0 ',
    '55d55dad9000-55d55dadf000 r-xp 00002000 fe:00 260386                     /usr/bin/overlap',
    '7f0000000000-7f0000001000 r-xp 00001000 fe:00 12                         /tmp/a file (deleted)',
    '7ffbc0e84000-7ffbc0e87000 r-xp 00000000 00:00 0                          [vdso]',
    '7ffbc0e84000-7ffbc0e87000 r-xp 00000000 00:00 0                          [vdso]',
    'garbage',
  ].join('\n'));
  assert.deepEqual(maps.map((m) => [m.path, m.exec, m.offset]), [
    ['/usr/bin/head', false, 0n], ['/usr/bin/head', true, 0x2000n], ['/tmp/a file (deleted)', true, 0x1000n], ['[vdso]', true, 0n],
  ]);
  assert.equal(mappingAt(maps, 0x55d55dad9000n)?.exec, true);
  assert.equal(mappingAt(maps, 0x55d55dadf000n), undefined);
  assert.equal(mappingAt(maps, 0x7ffbc0e86fffn)?.path, '[vdso]');
});

test("DWARF expressions: a PLT stub's CFA and a signal frame's saved register", () => {
  // glibc's PLT: rsp + 8 + ((rip & 15) >= 11) * 8
  const plt = Buffer.from([0x77, 8, 0x80, 0, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22]);
  const env = (rip: bigint) => ({ reg: (r: number) => (r === 7 ? 0x1000n : r === 16 ? rip : undefined), word: () => undefined });
  assert.equal(evalExpr(plt, env(0x4010n), 0n), 0x1008n);
  assert.equal(evalExpr(plt, env(0x401bn), 0n), 0x1010n);
  // DW_OP_breg7 160; DW_OP_deref: the saved rsp in a ucontext
  const words = new Map([[0x10a0n, 0x7777n]]);
  assert.equal(evalExpr(Buffer.from([0x77, 0xa0, 0x01, 0x06]), { reg: () => 0x1000n, word: (a) => words.get(a) }, 0n), 0x7777n);
  // an unreadable word or an unknown operation: no value
  assert.equal(evalExpr(Buffer.from([0x77, 0x00, 0x06]), { reg: () => 0x2000n, word: () => undefined }, 0n), undefined);
  assert.equal(evalExpr(Buffer.from([0xe0]), env(0n), 0n), undefined);
});

test('stack lines as strace prints them', () => {
  assert.equal(stackText([
    { file: '/lib/libc.so.6', symbol: '__write', offset: 0x10n, pc: 0xf8350n },
    { file: '/usr/bin/echo', pc: 0x60c4n },
    { file: '/usr/bin/true', symbol: '', offset: 0n, pc: 0x23f1n },
    { error: 'unexpected_backtracing_error', pc: 0x7f00n },
    { error: 'too many stack frames' },
  ]), [
    ' > /lib/libc.so.6(__write+0x10) [0xf8350]', ' > /usr/bin/echo() [0x60c4]', ' > /usr/bin/true(+0x0) [0x23f1]',
    ' > unexpected_backtracing_error [0x7f00]', ' > too many stack frames', '',
  ].join('\n'));
});

test("an ELF file's symbols and CFI, checked against nm and the ABI's entry rule", { skip: !haveCc() && 'needs cc' }, () => {
  const path = fixture('stack_calls');
  const nm = execFileSync('nm', [path], { encoding: 'latin1' });
  const main = BigInt('0x' + /^([0-9a-f]+) T main$/m.exec(nm)![1]);
  const elf = ElfFile.open(path)!;
  try {
    assert.deepEqual(elf.symbolAt(main + 5n, 0n), { name: 'main', dist: 5n });
    // loaded at 0x5555…000 from offset 0: the same symbol, relocated
    const bias = elf.loadBias(0x555555554000n, 0n);
    assert.equal(bias, 0x555555554000n);
    assert.deepEqual(elf.symbolAt(0x555555554000n + main, bias), { name: 'main', dist: 0n });
    assert.equal(elf.symbolAt(0n, 0n), undefined);
    const table = FrameTable.fromHdr(elf.ehFrameHdr()!, (v) => elf.ehFrame(v))!;
    const fde = table.find(main)!;
    assert.ok(fde.start <= main && main < fde.end);
    // at a function's first instruction the CFA is rsp + 8 and the return address sits just below it
    const row = rowAt(fde, main);
    assert.deepEqual([row.cfa, row.regs.get(16), row.ra, row.signal], [{ k: 'reg', r: 7, n: 8n }, { k: 'offset', n: -8n }, 16, false]);
    // after push rbp; mov rsp, rbp (-O0): the CFA rests on rbp
    assert.deepEqual(rowAt(fde, main + 8n).cfa, { k: 'reg', r: 6, n: 16n });
    assert.equal(table.find(0n), undefined);
  } finally {
    elf.close();
  }
  assert.equal(ElfFile.open('/nonexistent'), undefined);
  assert.equal(ElfFile.open('/etc/hostname'), undefined);
});

test("glibc's signal trampoline is a signal frame ('S'), unwound by expressions", () => {
  const libc = parseMaps(execFileSync('cat', ['/proc/self/maps'], { encoding: 'latin1' })).find((m) => /\/libc\.so\.6$/.test(m.path));
  if (!libc) return;
  const elf = ElfFile.open(libc.path)!;
  try {
    const dyn = execFileSync('nm', ['-D', libc.path], { encoding: 'latin1' });
    const sigaction = BigInt('0x' + /^([0-9a-f]+) T __sigaction(?:@@\S+)?$/m.exec(dyn)![1]);
    // __restore_rt follows __sigaction's code: look from there for the first 'S' FDE
    const table = FrameTable.fromHdr(elf.ehFrameHdr()!, (v) => elf.ehFrame(v))!;
    let found;
    for (let a = sigaction; a < sigaction + 0x200n && !found; a++) {
      const f = table.find(a);
      if (f && rowAt(f, a).signal) found = rowAt(f, a);
    }
    assert.ok(found, 'no signal frame near __sigaction');
    assert.equal(found.cfa.k, 'expr');
    assert.equal(found.regs.get(16)?.k, 'expr');
  } finally {
    elf.close();
  }
});
