/**
 * -k on the tracer's side: a stopped tracee's registers (PTRACE_GETREGS) handed to the unwinder
 * with the tracee's memory. One per engine; its caches live as long as the trace.
 */
import { NATIVE_ABI } from '../arch/index.js';
import type { Memory } from '../decode/types.js';
import type { StackFrame } from '../model.js';
import { PTRACE, ptraceIntoBuf } from '../sys/ptrace.js';
import { Unwinder } from '../stack/unwind.js';

export class StackTaker {
  readonly unwinder = new Unwinder();
  private layout = NATIVE_ABI.unwindRegs;
  private buf = Buffer.alloc(this.layout?.size ?? 0);
  private regs: bigint[] = [];

  /** The stack of stopped `pid`; empty if its registers cannot be read. `queued`: see Unwinder.walk. */
  take(pid: number, mem: Memory, queued = false): StackFrame[] {
    const l = this.layout;
    if (!l || ptraceIntoBuf(PTRACE.GETREGS, pid, 0, this.buf) < 0) return [];
    for (let r = 0; r < l.dwarf.length; r++) this.regs[r] = this.buf.readBigUInt64LE(l.dwarf[r]! * 8);
    try {
      return this.unwinder.walk(pid, this.regs, mem, queued);
    } catch {
      // a file the walk could not make sense of costs this stack, never the trace
      return [];
    }
  }
}
