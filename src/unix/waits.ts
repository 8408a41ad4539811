/** The buffers of wait4 and waitid, shared by the synchronous forms and their async ones. */
import { addressOf, flagsArg, i32Arg } from './core.js';
import { struct } from './struct.js';

/** A `struct rusage`: times as {sec, usec} pairs, the rest counters. */
export const RUSAGE = struct(144, {
  utimeSec: ['i64', 0], utimeUsec: ['i64', 8], stimeSec: ['i64', 16], stimeUsec: ['i64', 24], maxrss: ['i64', 32],
  ixrss: ['i64', 40], idrss: ['i64', 48], isrss: ['i64', 56], minflt: ['i64', 64], majflt: ['i64', 72], nswap: ['i64', 80],
  inblock: ['i64', 88], oublock: ['i64', 96], msgsnd: ['i64', 104], msgrcv: ['i64', 112], nsignals: ['i64', 120],
  nvcsw: ['i64', 128], nivcsw: ['i64', 136],
});
export type Rusage = ReturnType<typeof RUSAGE.decode>;

/** The fields of a `siginfo_t` waitid fills in. */
export const WAITID_SIGINFO = struct(128, { signo: ['i32', 0], errno: ['i32', 4], code: ['i32', 8], pid: ['i32', 16], uid: ['u32', 20], status: ['i32', 24] });
export type WaitidInfo = ReturnType<typeof WAITID_SIGINFO.decode>;

/** The registers and buffers of a wait4. */
export function wait4Args(pid: number, options: number): { regs: bigint[]; st: Buffer; ru: Buffer } {
  const st = Buffer.alloc(4);
  const ru = Buffer.alloc(RUSAGE.size);
  return { regs: [BigInt(i32Arg(pid, 'pid')), addressOf(st), BigInt(flagsArg(options, 'options')), addressOf(ru)], st, ru };
}

/** The registers and buffers of a waitid. */
export function waitidArgs(idtype: number, id: number, options: number): { regs: bigint[]; si: Buffer; ru: Buffer } {
  const si = Buffer.alloc(128);
  const ru = Buffer.alloc(RUSAGE.size);
  return { regs: [BigInt(i32Arg(idtype, 'idtype')), BigInt(i32Arg(id, 'id')), addressOf(si), BigInt(flagsArg(options, 'options')), addressOf(ru)], si, ru };
}
