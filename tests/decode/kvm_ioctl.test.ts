/**
 * Unit tests of KVM_RUN and KVM_CREATE_VCPU under -e kvm=vcpu (src/decode/kvm_ioctl.ts), with a
 * fake tracer's vCPU map (Ctx.kvm) and fake tracee memory: the lines strace 6.1 prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decoders as ioctlDecoders } from '../../src/decode/ioctl.js';
import type { Ctx, KvmRunMap, KvmVcpus } from '../../src/decode/types.js';
import { formatRet, formatValue } from '../../src/render/strace.js';
import { FakeMemory } from '../helpers/decode.js';

const KVM_RUN = 0xae80, KVM_CREATE_VCPU = 0xae41;
const ENOTTY = 25;

/** A vCPU map that answers `maps` by fd and records the vCPUs it is told of. */
function vcpus(maps: Record<number, KvmRunMap>): KvmVcpus & { told: [number, number][] } {
  const told: [number, number][] = [];
  return { told, run: (fd) => maps[fd], created: (fd, cpuid) => void told.push([fd, cpuid]) };
}

/** The line of ioctl(fd, req, arg) returning `rval` (or failing with `err`). */
function line(args: bigint[], kvm: KvmVcpus | undefined, mem: FakeMemory, rval = 0n, err = 0): string {
  const dec = ioctlDecoders.ioctl!;
  const c: Ctx = {
    pid: 1, nr: 16, name: 'ioctl', args: [...args, 0n, 0n, 0n], mem, opt: { strsize: 32, abbrev: true, verbose: true },
    rval: 0n, err: 0, state: {}, ...(kvm ? { kvm } : {}),
  };
  const entry = dec.entry(c);
  c.err = err;
  c.rval = err ? BigInt(-err) : rval;
  const rest = dec.exit && (dec.needsExit?.(c) ?? true) ? dec.exit(c) : [];
  const r = dec.ret!(c);
  return `ioctl(${[...entry, ...rest].map((v) => formatValue(v)).join(', ')}) ${formatRet({ rval: c.rval, errno: r.errno ?? c.err, fmt: r.fmt, ...(r.aux ? { aux: r.aux } : {}) })}`;
}

/** A kvm_run structure (2352 bytes) whose exit_reason is `reason`. */
function kvmRun(reason: number, size = 2352): Uint8Array {
  const b = new Uint8Array(size);
  new DataView(b.buffer).setUint32(8, reason, true);
  return b;
}

test('KVM_RUN names the exit reason read from the mapped kvm_run; an unknown one is KVM_EXIT_???', () => {
  const mem = new FakeMemory();
  mem.put(0x10000n, kvmRun(5));
  mem.put(0x20000n, kvmRun(2));
  mem.put(0x30000n, kvmRun(38));
  mem.put(0x40000n, kvmRun(17));
  const kvm = vcpus({ 5: { addr: 0x10000n, len: 12288n }, 6: { addr: 0x20000n, len: 4096n }, 7: { addr: 0x30000n, len: 4096n }, 8: { addr: 0x40000n, len: 4096n } });
  assert.equal(line([5n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(5, KVM_RUN, 0) = 0 (KVM_EXIT_HLT)');
  assert.equal(line([6n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(6, KVM_RUN, 0) = 0 (KVM_EXIT_IO)');
  assert.equal(line([7n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(7, KVM_RUN, 0) = 0 (KVM_EXIT_???)');
  assert.equal(line([8n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(8, KVM_RUN, 0) = 0 (KVM_EXIT_INTERNAL_ERROR)');
});

test('KVM_RUN prints no exit: without -e kvm=vcpu, on failure, with no mapping, a short one, or unreadable memory', () => {
  const mem = new FakeMemory();
  mem.put(0x10000n, kvmRun(5));
  mem.put(0x20000n, kvmRun(5, 2351));
  const kvm = vcpus({ 5: { addr: 0x10000n, len: 4096n }, 6: { addr: 0x10000n, len: 2351n }, 7: { addr: 0x20000n, len: 4096n } });
  assert.equal(line([5n, BigInt(KVM_RUN), 0n], undefined, mem), 'ioctl(5, KVM_RUN, 0) = 0');
  assert.equal(line([5n, BigInt(KVM_RUN), 0n], kvm, mem, 0n, ENOTTY), 'ioctl(5, KVM_RUN, 0) = -1 ENOTTY (Inappropriate ioctl for device)');
  assert.equal(line([4n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(4, KVM_RUN, 0) = 0');
  assert.equal(line([6n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(6, KVM_RUN, 0) = 0');
  assert.equal(line([7n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(7, KVM_RUN, 0) = 0');
});

test('KVM_RUN asks for the fd as a 32-bit int; KVM_CREATE_VCPU tells the tracer its new fd and vCPU number', () => {
  const mem = new FakeMemory();
  mem.put(0x10000n, kvmRun(5));
  const kvm = vcpus({ 5: { addr: 0x10000n, len: 4096n } });
  assert.equal(line([0xffffffff00000005n, BigInt(KVM_RUN), 0n], kvm, mem), 'ioctl(5, KVM_RUN, 0) = 0 (KVM_EXIT_HLT)');
  assert.equal(line([4n, BigInt(KVM_CREATE_VCPU), 0x100000002n], kvm, mem, 6n), 'ioctl(4, KVM_CREATE_VCPU, 2) = 6');
  assert.equal(line([4n, BigInt(KVM_CREATE_VCPU), 3n], kvm, mem, 0n, ENOTTY), 'ioctl(4, KVM_CREATE_VCPU, 3) = -1 ENOTTY (Inappropriate ioctl for device)');
  assert.deepEqual(kvm.told, [[6, 2]]);
});
