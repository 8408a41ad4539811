/**
 * Syscall stops read from registers, where PTRACE_GET_SYSCALL_INFO does not work (a kernel before
 * 5.3, or a seccomp filter on sysray refusing it): strace's legacy path. PTRACE_GETREGSET
 * (NT_PRSTATUS) is asked first, PTRACE_GETREGS once that fails, and what they say is laid out as
 * struct ptrace_syscall_info, so that the engine reads both paths alike.
 */
import { NATIVE, NATIVE_ABI } from '../arch/index.js';
import { bufferAddress } from '../sys/libc.js';
import { PTRACE, ptraceIntoBuf } from '../sys/ptrace.js';

const NT_PRSTATUS = 1;
const ESRCH = 3;
/** Results in -4095..-1 are errors (the kernel's IS_ERR_VALUE, strace's is_negated_errno). */
const MAX_ERRNO = 4095n;

/** struct ptrace_syscall_info's op values. */
export const SYSCALL_INFO_OP = { ENTRY: 1, EXIT: 2, SECCOMP: 3 } as const;

export class RegsInfo {
  private readonly regs: Buffer;
  private readonly words: BigUint64Array;
  /** struct iovec {base, len} over `regs`, for PTRACE_GETREGSET. */
  private readonly iov = Buffer.alloc(16);
  /** PTRACE_GETREGSET was refused: PTRACE_GETREGS from now on. */
  private getregs = false;
  private readonly at: { nr: number; args: number[]; rval: number; ip: number; sp: number };

  constructor() {
    const layout = NATIVE_ABI.regs, names = NATIVE_ABI.syscallRegs;
    if (!layout || !names) throw new Error(`sysray: PTRACE_GET_SYSCALL_INFO does not work, and no syscall registers are known on ${NATIVE.name}`);
    const i = (name: string): number => layout.prstatus.indexOf(name);
    this.at = { nr: i(names.nr), args: names.args.map(i), rval: i(names.rval), ip: i(names.ip), sp: i(names.sp) };
    this.regs = Buffer.alloc(layout.prstatus.length * 8);
    this.words = new BigUint64Array(this.regs.buffer, this.regs.byteOffset, layout.prstatus.length);
    this.iov.writeBigUInt64LE(bufferAddress(this.regs), 0);
  }

  /**
   * Fill `info` (88 bytes) for the stop `pid` is in, an entry (or seccomp stop) or an exit as the
   * caller's count of stops says (registers cannot tell them apart); its size as the kernel
   * would return it, or -errno.
   */
  fill(pid: number, op: number, info: Buffer): number {
    const r = this.read(pid);
    if (r < 0) return r;
    const w = this.words, at = this.at;
    info.fill(0);
    info[0] = op;
    info.writeUInt32LE(NATIVE.auditArch, 4);
    info.writeBigUInt64LE(w[at.ip]!, 8);
    info.writeBigUInt64LE(w[at.sp]!, 16);
    if (op === SYSCALL_INFO_OP.EXIT) {
      const rval = w[at.rval]!;
      info.writeBigUInt64LE(rval, 24);
      info[32] = rval >= (1n << 64n) - MAX_ERRNO ? 1 : 0;
      return 33;
    }
    info.writeBigUInt64LE(w[at.nr]!, 24);
    for (let k = 0; k < 6; k++) info.writeBigUInt64LE(w[at.args[k]!]!, 32 + 8 * k);
    return op === SYSCALL_INFO_OP.SECCOMP ? 84 : 80;
  }

  /** The registers into `regs`: 0, or -errno. */
  private read(pid: number): number {
    if (!this.getregs) {
      this.iov.writeBigUInt64LE(BigInt(this.regs.length), 8);
      const r = ptraceIntoBuf(PTRACE.GETREGSET, pid, NT_PRSTATUS, this.iov);
      if (r >= 0 || r === -ESRCH) return r < 0 ? r : 0;
      this.getregs = true;
    }
    const r = ptraceIntoBuf(PTRACE.GETREGS, pid, 0, this.regs);
    return r < 0 ? r : 0;
  }
}
