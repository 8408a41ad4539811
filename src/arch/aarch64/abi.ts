/** aarch64's ABI facts beyond its syscall table (aarch64.ts); sysray runs on x86_64 only for now. */
import type { ArchAbi } from '../types.js';

export const AARCH64_ABI: ArchAbi = {
  // the generic clone order: clone(flags, stack, parent_tid, tls, child_tid)
  cloneArgs: { ptid: 2, tls: 3, ctid: 4 },
  // the rt_sigframe is at sp: a 128-byte siginfo, then the ucontext with uc_sigmask at 40
  sigmaskOffset: 128n + 40n,
  // include/uapi/asm-generic/stat.h: 4-byte mode and nlink, a pad after rdev and after blksize
  stat: {
    size: 128,
    fields: {
      dev: [0, 8], ino: [8, 8], mode: [16, 4], nlink: [20, 4], uid: [24, 4], gid: [28, 4], rdev: [32, 8],
      size: [48, 8], blksize: [56, 4], blocks: [64, 8],
    },
    times: { atime: 72, mtime: 88, ctime: 104 },
  },
  // no regs: strace prints aarch64's user_pt_regs its own way, not decoded here (addresses instead)
};
