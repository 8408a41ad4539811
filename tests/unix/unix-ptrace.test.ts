/** sysray/unix's typed ptrace against a real tracee: seize, interrupt, read registers and memory, detach. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as unix from '../../src/unix/index.js';

test('ptrace: seize a sleeping child, stop it, read it, let it go', { skip: process.arch !== 'x64' && 'x86_64 registers' }, async () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const pid = child.pid!;
  try {
    unix.ptraceSeize(pid, unix.PTRACE_O_TRACESYSGOOD);
    unix.ptraceInterrupt(pid);
    // wait for the stop right here, before Node's SIGCHLD reaper runs on the event loop
    const w = unix.wait4(pid, 0x40000000 /* __WALL */);
    assert.equal(w.pid, pid);
    assert.equal(w.status & 0xff, 0x7f, 'stopped');
    assert.equal((w.status >> 16) & 0xff, unix.PTRACE_EVENT_STOP);
    const regs = unix.ptraceGetRegs(pid);
    assert.ok(regs.rip > 0n && regs.rsp > 0n);
    // the same registers through PEEKUSER: struct user begins with user_regs_struct
    assert.equal(unix.ptracePeekUser(pid, 128n /* rip */, 8).readBigUInt64LE(0), regs.rip);
    const stack = unix.ptracePeekData(pid, regs.rsp, 16);
    assert.equal(stack.length, 16);
    const info = unix.ptraceGetSyscallInfo(pid);
    assert.equal(info.arch, 0xc000003e);
    assert.equal(info.ip, regs.rip);
    unix.ptraceSetRegs(pid, regs);
    assert.equal(unix.ptraceGetEventMsg(pid), 0n);
    unix.ptraceDetach(pid);
    assert.throws(() => unix.ptraceCont(pid), { code: 'ESRCH' });
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});
