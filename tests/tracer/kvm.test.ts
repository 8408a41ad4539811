/**
 * Unit tests of -e kvm=vcpu's vCPU map (src/tracer/kvm.ts) on a fake /proc: when it finds a
 * vCPU's kvm_run mapping, and when it keeps what it found, as strace 6.1's vcpu_get_info does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { KvmRuns, type KvmProc } from '../../src/tracer/kvm.js';
import { parseMaps } from '../../src/stack/maps.js';

/** A /proc whose fd links and maps text the test changes, counting the maps reads. */
function fakeProc(): KvmProc & { fds: Map<number, string>; text: string; reads: number } {
  const p = {
    fds: new Map<number, string>(), text: '', reads: 0,
    fdPath: (_proc: number, fd: number) => p.fds.get(fd),
    maps: (_proc: number) => {
      p.reads++;
      return parseMaps(p.text);
    },
  };
  return p;
}

const line = (start: number, end: number, dev: string, path: string): string =>
  `${start.toString(16)}-${end.toString(16)} rw-s 00000000 ${dev} 1234 ${path}\n`;
const LIBC = line(0x7000000, 0x7001000, '08:01', '/usr/lib/x86_64-linux-gnu/libc.so.6');

test('a vCPU fd is found by its /proc link: the first mapping of that name, of an anonymous inode', () => {
  const proc = fakeProc();
  const one = new KvmRuns(proc).forTracee(() => 1);
  proc.fds.set(5, 'anon_inode:kvm-vcpu:0').set(6, '/dev/null').set(7, 'anon_inode:kvm-vcpu:x');
  proc.text = LIBC + line(0x8000000, 0x8003000, '00:0e', 'anon_inode:kvm-vcpu:1') + line(0x9000000, 0x9003000, '08:01', 'anon_inode:kvm-vcpu:0') +
    line(0xa000000, 0xa001000, '00:0e', 'anon_inode:kvm-vcpu:0') + line(0xb000000, 0xb003000, '00:0e', 'anon_inode:kvm-vcpu:0');
  assert.deepEqual(one.run(5), { addr: 0xa000000n, len: 0x1000n });
  assert.equal(one.run(6), undefined);
  assert.equal(one.run(7), undefined);
  assert.equal(one.run(8), undefined);
});

test('what was found stands until mappings change; then it stands if the same vCPU is still mapped there', () => {
  const proc = fakeProc();
  const runs = new KvmRuns(proc);
  const one = runs.forTracee(() => 1);
  proc.fds.set(5, 'anon_inode:kvm-vcpu:0');
  proc.text = LIBC + line(0x8000000, 0x8003000, '00:0e', 'anon_inode:kvm-vcpu:0');
  assert.deepEqual(one.run(5), { addr: 0x8000000n, len: 0x3000n });
  // another vCPU behind the fd, the mappings unchanged: the mapping found before, unread
  proc.fds.set(5, 'anon_inode:kvm-vcpu:1');
  proc.text = LIBC + line(0x9000000, 0x9003000, '00:0e', 'anon_inode:kvm-vcpu:1');
  assert.deepEqual(one.run(5), { addr: 0x8000000n, len: 0x3000n });
  assert.equal(proc.reads, 1);
  // they changed: vCPU 0 is no longer at its address, so the fd is looked up again
  runs.mapsChanged();
  assert.deepEqual(one.run(5), { addr: 0x9000000n, len: 0x3000n });
  assert.equal(proc.reads, 2);
  // they changed, but vCPU 1 is still mapped at its address (grown): the old length stands
  proc.text = LIBC + line(0x9000000, 0x9004000, '00:0e', 'anon_inode:kvm-vcpu:1');
  runs.mapsChanged();
  assert.deepEqual(one.run(5), { addr: 0x9000000n, len: 0x3000n });
  // now nothing is mapped: none
  proc.text = LIBC;
  runs.mapsChanged();
  assert.equal(one.run(5), undefined);
  // and no /proc maps at all: none
  proc.text = '';
  runs.mapsChanged();
  proc.fds.set(5, 'anon_inode:kvm-vcpu:1');
  assert.equal(one.run(5), undefined);
});

test('KVM_CREATE_VCPU of another vCPU under a known fd makes it looked up again; each tracee keeps its own', () => {
  const proc = fakeProc();
  const runs = new KvmRuns(proc);
  const one = runs.forTracee(() => 1), two = runs.forTracee(() => 2);
  proc.fds.set(5, 'anon_inode:kvm-vcpu:0');
  proc.text = LIBC + line(0x8000000, 0x8003000, '00:0e', 'anon_inode:kvm-vcpu:0');
  one.created(5, 0);
  assert.deepEqual(one.run(5), { addr: 0x8000000n, len: 0x3000n });
  // the same vCPU number again: kept
  one.created(5, 0);
  proc.fds.set(5, 'anon_inode:kvm-vcpu:2');
  assert.deepEqual(one.run(5), { addr: 0x8000000n, len: 0x3000n });
  // another: looked up again, and vCPU 2 is not mapped
  one.created(5, 2);
  assert.equal(one.run(5), undefined);
  // the other tracee never found fd 5's before
  proc.fds.set(5, 'anon_inode:kvm-vcpu:0');
  assert.deepEqual(two.run(5), { addr: 0x8000000n, len: 0x3000n });
  one.created(-1, 0);
});
