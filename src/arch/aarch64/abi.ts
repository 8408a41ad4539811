/** aarch64's ABI facts beyond its syscall table (aarch64.ts); sysray runs on x86_64 only for now. */
import type { ArchAbi } from '../types.js';

export const AARCH64_ABI: ArchAbi = {
  // the generic clone order: clone(flags, stack, parent_tid, tls, child_tid)
  cloneArgs: { ptid: 2, tls: 3, ctid: 4 },
  // the rt_sigframe is at sp: a 128-byte siginfo, then the ucontext with uc_sigmask at 40
  sigmaskOffset: 128n + 40n,
};
