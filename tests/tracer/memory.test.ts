/**
 * Reading tracee memory through the page cache (src/tracer/memory.ts), on this process's own
 * memory: the strings of one page cost one read, a string that spans pages one per page, other
 * reads of up to four pages go through the cache too, larger ones take their bytes only, the cache
 * serves what it holds until invalidated, and unreadable memory reads as null.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TraceeMemory } from '../../src/tracer/memory.js';
import { bufferAddress } from '../../src/sys/libc.js';

const PAGE = 4096;

/** A buffer holding seven whole pages, and the address and offset of the first of them. */
function pages(): { b: Buffer; at: number; addr: bigint } {
  const b = Buffer.alloc(8 * PAGE);
  const base = bufferAddress(b);
  const at = Number((BigInt(PAGE) - (base % BigInt(PAGE))) % BigInt(PAGE));
  return { b, at, addr: base + BigInt(at) };
}

test('40 strings in one page: one read, each string as written', () => {
  const { b, at, addr } = pages();
  const strs = Array.from({ length: 40 }, (_, i) => `argument-${i}`);
  let off = 0;
  const offs: number[] = [];
  for (const s of strs) {
    offs.push(off);
    b.write(s + '\0', at + off, 'latin1');
    off += s.length + 1;
  }
  const mem = new TraceeMemory(process.pid);
  strs.forEach((s, i) => {
    const r = mem.readString(addr + BigInt(offs[i]!), 4096);
    assert.ok(r);
    assert.equal(Buffer.from(r.b).toString('latin1'), s);
    assert.equal(r.nul, true);
  });
  assert.equal(mem.reads, 1);
  // small reads in the same page come from the cache too
  assert.deepEqual(Buffer.from(mem.read(addr + BigInt(offs[3]!), 10)!), b.subarray(at + offs[3]!, at + offs[3]! + 10));
  assert.equal(mem.reads, 1);
});

test('a string across a page boundary: one read per page; cut at max without a NUL', () => {
  const { b, at, addr } = pages();
  const s = 'x'.repeat(100) + 'y'.repeat(100);
  b.write(s + '\0', at + PAGE - 100, 'latin1');
  const mem = new TraceeMemory(process.pid);
  const r = mem.readString(addr + BigInt(PAGE - 100), 4096);
  assert.equal(Buffer.from(r!.b).toString('latin1'), s);
  assert.equal(mem.reads, 2);
  const cut = mem.readString(addr + BigInt(PAGE - 100), 150);
  assert.equal(Buffer.from(cut!.b).toString('latin1'), s.slice(0, 150));
  assert.equal(cut!.nul, false);
  // a read across the two cached pages reads nothing more
  const span = mem.read(addr + BigInt(PAGE - 8), 16);
  assert.deepEqual(Buffer.from(span!), b.subarray(at + PAGE - 8, at + PAGE + 8));
  assert.equal(mem.reads, 2);
});

test('a struct read brings its page into the cache, as strace 6.1 reads (vm_read_mem)', () => {
  const { b, at, addr } = pages();
  b.write('struct\0', at + 64, 'latin1');
  const mem = new TraceeMemory(process.pid);
  assert.deepEqual(Buffer.from(mem.read(addr + 64n, 7)!), Buffer.from('struct\0', 'latin1'));
  assert.equal(mem.reads, 1);
  assert.equal(Buffer.from(mem.readString(addr + 64n, 64)!.b).toString(), 'struct');
  assert.deepEqual(Buffer.from(mem.read(addr + 100n, 8)!), b.subarray(at + 100, at + 108));
  assert.equal(mem.reads, 1);
});

test('the cache holds four pages, oldest out first; larger reads bypass it', () => {
  const { b, at, addr } = pages();
  const mem = new TraceeMemory(process.pid);
  for (let p = 0; p < 5; p++) mem.read(addr + BigInt(p * PAGE), 8);
  assert.equal(mem.reads, 5);
  mem.read(addr + BigInt(4 * PAGE), 8); // the newest stays
  mem.read(addr + BigInt(PAGE), 8); // the second stays
  assert.equal(mem.reads, 5);
  mem.read(addr, 8); // the first went out
  assert.equal(mem.reads, 6);
  const big = mem.read(addr + 8n, 4 * PAGE);
  assert.deepEqual(Buffer.from(big!), b.subarray(at + 8, at + 8 + 4 * PAGE));
  assert.equal(mem.reads, 7);
});

test('readTo: the bytes read() gives, into a buffer the caller reuses, through the same cache', () => {
  const { b, at, addr } = pages();
  for (let i = 0; i < 4 * PAGE; i++) b[at + i] = i * 7;
  const mem = new TraceeMemory(process.pid);
  const out = new Uint8Array(4 * PAGE);
  assert.ok(mem.readTo(addr + 5n, 3 * PAGE, out));
  assert.deepEqual(Buffer.from(out.subarray(0, 3 * PAGE)), b.subarray(at + 5, at + 5 + 3 * PAGE));
  assert.equal(mem.reads, 4);
  // the same pages again: from the cache, into the same buffer
  out.fill(0);
  assert.ok(mem.readTo(addr + 9n, 100, out));
  assert.deepEqual(Buffer.from(out.subarray(0, 100)), b.subarray(at + 9, at + 109));
  assert.equal(mem.reads, 4);
  assert.equal(mem.readTo(0x10n, 8, out), false);
  assert.equal(mem.readTo(addr, 5 * PAGE, out), false, 'longer than the buffer');
});

test('the cache holds until invalidated; switching tracee empties it', () => {
  const { b, at, addr } = pages();
  b.write('before\0', at, 'latin1');
  const mem = new TraceeMemory(process.pid);
  assert.equal(Buffer.from(mem.readString(addr, 64)!.b).toString(), 'before');
  b.write('after!\0', at, 'latin1');
  // the tracee has not run (as far as the cache knows): the page as read
  assert.equal(Buffer.from(mem.readString(addr, 64)!.b).toString(), 'before');
  mem.invalidate();
  assert.equal(Buffer.from(mem.readString(addr, 64)!.b).toString(), 'after!');
  assert.equal(mem.reads, 2);
  mem.setPid(process.pid);
  mem.readString(addr, 64);
  assert.equal(mem.reads, 2, 'the same pid keeps the cache');
});

test('large reads go direct; unreadable memory is null', () => {
  const b = Buffer.alloc(5 * PAGE);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7) & 0xff;
  const mem = new TraceeMemory(process.pid);
  assert.deepEqual(Buffer.from(mem.read(bufferAddress(b), b.length)!), b);
  assert.equal(mem.reads, 1);
  assert.equal(mem.read(0x1000n, 8), null);
  assert.equal(mem.readString(0x1000n, 8), null);
  assert.equal(mem.read(0x1000n, 5 * PAGE), null);
});
