/**
 * sysray/unix: ptrace, typed, as sysray's own tracer uses it. A tracee is traced by one thread:
 * make every request from the thread that attached (these are synchronous on purpose: no async
 * form, since libuv's pool threads are other threads and would get ESRCH). Node's child_process
 * reaps its own children on SIGCHLD and swallows their ptrace stops: trace processes you did not
 * start with child_process, or wait for the stop synchronously (wait4) before returning to the loop.
 */
import { addressOf, bytesArg, i32Arg, int, offArg, sys } from './core.js';
import { struct } from './struct.js';
import {
  PTRACE_ATTACH, PTRACE_CONT, PTRACE_DETACH, PTRACE_GETEVENTMSG, PTRACE_GETREGS, PTRACE_GET_SYSCALL_INFO,
  PTRACE_INTERRUPT, PTRACE_LISTEN, PTRACE_PEEKDATA, PTRACE_PEEKTEXT, PTRACE_PEEKUSER, PTRACE_POKEDATA, PTRACE_POKETEXT,
  PTRACE_POKEUSER, PTRACE_SEIZE, PTRACE_SETOPTIONS, PTRACE_SETREGS, PTRACE_SINGLESTEP, PTRACE_SYSCALL,
} from './names.js';

/** ptrace(2), raw: request, pid, addr and data as integers (addresses as bigints). */
export function ptrace(request: number, pid: number, addr: number | bigint = 0, data: number | bigint = 0): number {
  return sys('ptrace', [int(request, 'request', 0, 0x7fffffff), i32Arg(pid, 'pid'), offArg(addr, 'addr'), offArg(data, 'data')]);
}

export const ptraceAttach = (pid: number): void => void ptrace(PTRACE_ATTACH, pid);
/** PTRACE_SEIZE with PTRACE_O_* options (no stop, unlike attach). */
export const ptraceSeize = (pid: number, options = 0): void => void ptrace(PTRACE_SEIZE, pid, 0, options);
export const ptraceInterrupt = (pid: number): void => void ptrace(PTRACE_INTERRUPT, pid);
export const ptraceListen = (pid: number): void => void ptrace(PTRACE_LISTEN, pid);
export const ptraceCont = (pid: number, sig = 0): void => void ptrace(PTRACE_CONT, pid, 0, sig);
export const ptraceSyscall = (pid: number, sig = 0): void => void ptrace(PTRACE_SYSCALL, pid, 0, sig);
export const ptraceSingleStep = (pid: number): void => void ptrace(PTRACE_SINGLESTEP, pid);
export const ptraceDetach = (pid: number, sig = 0): void => void ptrace(PTRACE_DETACH, pid, 0, sig);
export const ptraceSetOptions = (pid: number, options: number): void => void ptrace(PTRACE_SETOPTIONS, pid, 0, options);

/** PTRACE_GETEVENTMSG: the new pid of a fork event, the exit status of an exit event, … */
export function ptraceGetEventMsg(pid: number): bigint {
  const b = Buffer.alloc(8);
  sys('ptrace', [PTRACE_GETEVENTMSG, i32Arg(pid, 'pid'), 0, addressOf(b)], [b]);
  return b.readBigUInt64LE(0);
}

/** x86_64's `struct user_regs_struct` (27 registers). */
export const REGS_AMD64 = struct(216, {
  r15: ['u64', 0], r14: ['u64', 8], r13: ['u64', 16], r12: ['u64', 24], rbp: ['u64', 32], rbx: ['u64', 40], r11: ['u64', 48],
  r10: ['u64', 56], r9: ['u64', 64], r8: ['u64', 72], rax: ['u64', 80], rcx: ['u64', 88], rdx: ['u64', 96], rsi: ['u64', 104],
  rdi: ['u64', 112], origRax: ['u64', 120], rip: ['u64', 128], cs: ['u64', 136], eflags: ['u64', 144], rsp: ['u64', 152],
  ss: ['u64', 160], fsBase: ['u64', 168], gsBase: ['u64', 176], ds: ['u64', 184], es: ['u64', 192], fs: ['u64', 200], gs: ['u64', 208],
});
export type PtraceRegs = ReturnType<typeof REGS_AMD64.decode>;

/** PTRACE_GETREGS (PtraceGetRegs / PtraceGetRegsAmd64): a stopped tracee's registers. */
export function ptraceGetRegs(pid: number): PtraceRegs {
  const b = Buffer.alloc(REGS_AMD64.size);
  sys('ptrace', [PTRACE_GETREGS, i32Arg(pid, 'pid'), 0, addressOf(b)], [b]);
  return REGS_AMD64.decode(b);
}

/** PTRACE_SETREGS. */
export function ptraceSetRegs(pid: number, regs: PtraceRegs): void {
  const b = REGS_AMD64.encode(regs);
  sys('ptrace', [PTRACE_SETREGS, i32Arg(pid, 'pid'), 0, addressOf(b)], [b]);
}

/** Read `length` bytes at `addr` a word at a time (the raw PEEK requests store the word at `data`). */
function peek(request: number, pid: number, addr: bigint, length: number): Buffer {
  const n = int(length, 'length', 0, 1 << 20);
  const out = Buffer.alloc(n);
  const word = Buffer.alloc(8);
  for (let off = 0; off < n; off += 8) {
    sys('ptrace', [request, i32Arg(pid, 'pid'), BigInt.asUintN(64, addr + BigInt(off)), addressOf(word)], [word]);
    word.copy(out, off, 0, Math.min(8, n - off));
  }
  return out;
}

/** Write `data` at `addr` a word at a time; a partial last word keeps the tracee's other bytes. */
function poke(peekReq: number, pokeReq: number, pid: number, addr: bigint, data: Uint8Array): number {
  const d = bytesArg(data, 'data');
  for (let off = 0; off < d.byteLength; off += 8) {
    const at = BigInt.asUintN(64, addr + BigInt(off));
    const word = off + 8 <= d.byteLength ? Buffer.from(d.subarray(off, off + 8)) : peek(peekReq, pid, at, 8);
    if (off + 8 > d.byteLength) word.set(d.subarray(off), 0);
    sys('ptrace', [pokeReq, i32Arg(pid, 'pid'), at, word.readBigUInt64LE(0)]);
  }
  return d.byteLength;
}

export const ptracePeekData = (pid: number, addr: bigint, length: number): Buffer => peek(PTRACE_PEEKDATA, pid, addr, length);
export const ptracePeekText = (pid: number, addr: bigint, length: number): Buffer => peek(PTRACE_PEEKTEXT, pid, addr, length);
/** PTRACE_PEEKUSER: words of the tracee's `struct user` (offset 0: its registers). */
export const ptracePeekUser = (pid: number, offset: bigint, length: number): Buffer => peek(PTRACE_PEEKUSER, pid, offset, length);
export const ptracePokeData = (pid: number, addr: bigint, data: Uint8Array): number => poke(PTRACE_PEEKDATA, PTRACE_POKEDATA, pid, addr, data);
export const ptracePokeText = (pid: number, addr: bigint, data: Uint8Array): number => poke(PTRACE_PEEKTEXT, PTRACE_POKETEXT, pid, addr, data);
export const ptracePokeUser = (pid: number, offset: bigint, data: Uint8Array): number => poke(PTRACE_PEEKUSER, PTRACE_POKEUSER, pid, offset, data);

/** A `struct ptrace_syscall_info` (PTRACE_GET_SYSCALL_INFO), the way sysray reads every syscall stop. */
export interface PtraceSyscallInfo {
  /** 0 none, 1 entry, 2 exit, 3 seccomp. */
  op: number;
  arch: number;
  ip: bigint;
  sp: bigint;
  /** At entry and seccomp stops. */
  nr?: bigint;
  args?: bigint[];
  /** At exit stops. */
  rval?: bigint;
  isError?: boolean;
}

/** PTRACE_GET_SYSCALL_INFO. */
export function ptraceGetSyscallInfo(pid: number): PtraceSyscallInfo {
  const b = Buffer.alloc(88);
  sys('ptrace', [PTRACE_GET_SYSCALL_INFO, i32Arg(pid, 'pid'), b.length, addressOf(b)], [b]);
  const info: PtraceSyscallInfo = { op: b[0]!, arch: b.readUInt32LE(4), ip: b.readBigUInt64LE(8), sp: b.readBigUInt64LE(16) };
  if (info.op === 1 || info.op === 3) {
    info.nr = b.readBigUInt64LE(24);
    info.args = Array.from({ length: 6 }, (_, i) => b.readBigUInt64LE(32 + i * 8));
  } else if (info.op === 2) {
    info.rval = b.readBigInt64LE(24);
    info.isError = b[32] !== 0;
  }
  return info;
}
