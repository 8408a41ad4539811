/**
 * Differential tests of -e kvm=vcpu (issue 18): a real guest's vCPUs run under /usr/bin/strace and
 * sysray, their kvm_run mapped, moved, unmapped and their fds dup2'ed and reused
 * (tests/fixtures/kvm_vcpu.c). Skipped without a usable /dev/kvm.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { compare, diffReport } from '../helpers/diff.js';
import { fixture, haveCc, scratch } from '../helpers/fixtures.js';

function usableKvm(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const skip = (!haveCc() && 'no cc') || (!usableKvm() && 'no usable /dev/kvm');

/** The fixture, when its guest runs here (it exits 77 when KVM cannot run one). */
function guest(): string | undefined {
  const bin = fixture('kvm_vcpu');
  return spawnSync(bin).status === 0 ? bin : undefined;
}

test('-e kvm=vcpu: each KVM_RUN names the exit its vCPU\'s mapped kvm_run holds, found as strace finds it', { skip }, (t) => {
  const bin = guest();
  if (!bin) return t.skip('KVM cannot run a guest here');
  const runs = [
    // the strace suite's options; mremap, dup2 and close shown
    ['-a36', '-y', '-e', 'trace=ioctl,mremap,dup2,close', '-e', 'kvm=vcpu'],
    // the calls that move mappings not shown: they still make the tracer look again
    ['-e', 'trace=ioctl', '-e', 'kvm=vcpu'],
    // under the seccomp filter, which must stop them all the same
    ['-f', '-y', '-e', 'trace=ioctl', '-e', 'kvm=vcpu'],
    ['-e', 'kvm=vcpu'],
  ];
  for (const opts of runs) {
    const c = compare([bin], opts, scratch());
    assert.equal(c.strace.filter((l) => / = 0 \(KVM_EXIT_(IO|HLT)\)$/.test(l)).length, 7, `strace named 7 exits with ${opts.join(' ')}`);
    // the fd dup2'ed over vCPU 0's: strace names the exit vCPU 0's kvm_run last held
    if (opts === runs[0]) assert.ok(c.strace.includes('ioctl(5<anon_inode:kvm-vcpu:1>, KVM_RUN, 0) = 0 (KVM_EXIT_IO)'), 'the stale exit strace prints');
    assert.ok(c.ok, `${opts.join(' ')}: first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
  }
});

test('without -e kvm=vcpu, KVM_RUN prints only its result', { skip }, (t) => {
  const bin = guest();
  if (!bin) return t.skip('KVM cannot run a guest here');
  const c = compare([bin], ['-y', '-e', 'trace=ioctl'], scratch());
  assert.ok(c.strace.some((l) => l === 'ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0'), 'strace ran the guest');
  assert.ok(c.ok, `first difference at line ${c.firstDiff}:\n${diffReport(c)}`);
});
