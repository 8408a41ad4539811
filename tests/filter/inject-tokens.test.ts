/** inject's syscall=, delay_enter=/delay_exit= and poke_enter=/poke_exit= values, as strace 6.1 reads them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X86_64 } from '../../src/arch/x86_64.js';
import { parseDelay, parsePokes, replacementSyscall } from '../../src/filter/inject-tokens.js';
import { STRACE, SYSRAY, testEnv } from '../helpers/diff.js';

test('delays: integers are microseconds, units s/ms/us/ns, decimals and exponents (parse_ts)', () => {
  // the four spellings strace's own delay test uses for 0.8 s and 1.6 s
  for (const s of ['800000', '8e5', '800ms', '+8e8ns']) assert.equal(parseDelay(s), 800_000_000n, s);
  for (const s of ['1600000', '1.6s', '1.6e+6us', '.16E7']) assert.equal(parseDelay(s), 1_600_000_000n, s);
  // a unit after an integer must start with one of s, m, u, n in lower case; after a decimal any case
  assert.equal(parseDelay('3S'), undefined);
  assert.equal(parseDelay('1.5MS'), 1_500_000n);
  assert.equal(parseDelay('0'), 0n);
  assert.equal(parseDelay('1.5ms'), 1_500_000n);
  for (const bad of ['', 'ms', '-1', '1x', '1 s', '1e999', '5min', '1.5q', '-1.5', '3Ms', '3m']) assert.equal(parseDelay(bad), undefined, bad);
});

test('pokes: @argN=HEX for N 1..7, an even number of hex digits, each argument once', () => {
  assert.deepEqual(parsePokes('@arg1=2f00'), [{ arg: 1, data: Uint8Array.of(0x2f, 0) }]);
  assert.deepEqual(parsePokes('@arg2=aB,@arg7=00ff')!.map((p) => [p.arg, [...p.data]]), [[2, [0xab]], [7, [0, 0xff]]]);
  for (const bad of ['', '@arg0=00', '@arg8=00', '@arg1=0', '@arg1=', '@arg1=zz', 'arg1=00', '@arg1=00,@arg1=11', '@arg1:00', '@arg1=' + '00'.repeat(1025)]) {
    assert.equal(parsePokes(bad), undefined, bad);
  }
});

test('syscall=: only pure calls, by name', () => {
  assert.equal(replacementSyscall('gettid', X86_64), X86_64.byName.get('gettid')!.nr);
  assert.equal(replacementSyscall('getppid', X86_64), X86_64.byName.get('getppid')!.nr);
  for (const bad of ['chdir', '186', 'nosuch', '']) assert.equal(replacementSyscall(bad, X86_64), undefined, bad);
});

test('inject rules with the new tokens: strace accepts and rejects the same ones, with its messages', () => {
  const run = (tool: string, rule: string) => {
    const r = spawnSync(tool, ['-e', 'trace=none', '-e', rule, 'true'], { encoding: 'latin1', env: testEnv() });
    return { status: r.status, stderr: r.stderr.replaceAll(tool, 'TOOL') };
  };
  for (const rule of [
    'inject=chdir:syscall=getpid', 'inject=chdir:error=EPERM:syscall=chdir', 'inject=chdir:retval=0:syscall=gettid',
    'inject=chdir:error=EPERM:syscall=gettid:syscall=getpid', 'fault=chdir:syscall=getpid', 'fault=chdir:delay_enter=1',
    'inject=chdir:delay_enter=1', 'inject=chdir:delay_exit=1.5ms', 'inject=chdir:delay_exit=3S', 'inject=chdir:delay_exit=1.5MS', 'inject=chdir:delay_enter=1:delay_enter=2', 'inject=chdir:delay_exit=x',
    'inject=chdir:poke_enter=@arg1=00', 'inject=chdir:poke_exit=@arg9=00', 'inject=chdir:poke_enter=@arg1=0', 'inject=chdir:poke_enter=,',
    'inject=chdir:poke_enter=@arg1=00:poke_enter=@arg1=00', 'fault=chdir:poke_exit=@arg1=00',
  ]) assert.deepEqual(run(SYSRAY, rule), run(STRACE, rule), rule);
});
