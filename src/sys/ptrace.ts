/** ptrace and waitpid, as thin typed wrappers over src/sys/libc. All calls must come from one thread. */
import { bufferAddress, errno, raw } from './libc.js';

export const PTRACE = {
  TRACEME: 0, PEEKDATA: 2, CONT: 7, KILL: 8, GETREGS: 12, DETACH: 17, SYSCALL: 24,
  GETEVENTMSG: 0x4201, GETSIGINFO: 0x4202, SEIZE: 0x4206, INTERRUPT: 0x4207, LISTEN: 0x4208,
  GETREGSET: 0x4204, GET_SYSCALL_INFO: 0x420e, SET_SYSCALL_INFO: 0x4212,
} as const;

export const PTRACE_O = {
  TRACESYSGOOD: 1, TRACEFORK: 2, TRACEVFORK: 4, TRACECLONE: 8, TRACEEXEC: 0x10,
  TRACEVFORKDONE: 0x20, TRACEEXIT: 0x40, TRACESECCOMP: 0x80, EXITKILL: 0x100000,
} as const;

export const PTRACE_EVENT = { FORK: 1, VFORK: 2, CLONE: 3, EXEC: 4, VFORK_DONE: 5, EXIT: 6, SECCOMP: 7, STOP: 128 } as const;

/** waitpid options. */
export const W = { NOHANG: 1, UNTRACED: 2, NOTHREAD: 0x20000000, ALL: 0x40000000 } as const;

const ptraceNum = raw.ptraceN;

/** ptrace with numeric addr and data; returns [result, errno]. */
export function ptrace(req: number, pid: number, addr = 0, data = 0): number {
  const r = Number(ptraceNum(req, pid, addr, data));
  return r < 0 ? -errno() : r;
}

/** The buffer ptraceIntoBuf last filled and its address (held, so that the address stays valid). */
let lastBuf: Buffer | undefined;
let lastAddr = 0;

/** ptrace whose data argument is a buffer the kernel fills or reads (addr numeric). */
export function ptraceIntoBuf(req: number, pid: number, addr: number, buf: Buffer): number {
  // the tracer fills the same buffer at every stop: its address is looked up once
  if (buf !== lastBuf) {
    lastAddr = Number(bufferAddress(buf));
    lastBuf = buf;
  }
  const r = Number(ptraceNum(req, pid, addr, lastAddr));
  return r < 0 ? -errno() : r;
}

const statusBuf = Buffer.alloc(4);
const statusAddr = Number(bufferAddress(statusBuf));
const status = new Int32Array(statusBuf.buffer, statusBuf.byteOffset, 1);
/** waitpid: returns [pid, status] or [-errno, 0]. */
export function waitpid(pid: number, options: number): [number, number] {
  const r = raw.waitpidAt(pid, statusAddr, options) as number;
  if (r < 0) return [-errno(), 0];
  return [r, status[0]!];
}

const rusage = Buffer.alloc(144);
const rusageAddr = Number(bufferAddress(rusage));
/** wait4: like waitpid, also filling the rusage of the process that stopped (see stimeNs). */
export function wait4(pid: number, options: number): [number, number] {
  const r = raw.wait4At(pid, statusAddr, options, rusageAddr) as number;
  if (r < 0) return [-errno(), 0];
  return [r, status[0]!];
}
/** System CPU time (ns) of the process the last wait4 reported (ru_stime). */
export function stimeNs(): bigint {
  return rusage.readBigInt64LE(16) * 1000000000n + rusage.readBigInt64LE(24) * 1000n;
}

// wait status decoding (glibc's macros)
export const WIFEXITED = (s: number) => (s & 0x7f) === 0;
export const WEXITSTATUS = (s: number) => (s >> 8) & 0xff;
export const WIFSIGNALED = (s: number) => ((s & 0x7f) + 1) >> 1 > 0 && (s & 0x7f) !== 0x7f && (s & 0x7f) !== 0;
export const WTERMSIG = (s: number) => s & 0x7f;
export const WCOREDUMP = (s: number) => (s & 0x80) !== 0;
export const WIFSTOPPED = (s: number) => (s & 0xff) === 0x7f;
export const WSTOPSIG = (s: number) => (s >> 8) & 0xff;
/** ptrace event number of a stop (status >> 16). */
export const WEVENT = (s: number) => (s >>> 16) & 0xff;

/** PTRACE_POKEUSER: write one word of the tracee's user area (its registers) at `offset`. */
export function pokeUser(pid: number, offset: number, value: bigint): number {
  const r = Number(raw.ptraceN(6, pid, offset, BigInt.asUintN(64, value)));
  return r < 0 ? -errno() : r;
}

export function kill(pid: number, sig: number): number {
  const r = raw.kill(pid, sig) as number;
  return r < 0 ? -errno() : 0;
}
