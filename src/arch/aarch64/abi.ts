/** aarch64's ABI facts beyond its syscall table (aarch64.ts); sysray runs on x86_64 only for now. */
import type { ArchAbi } from '../types.js';
import { statLayout } from '../stat.js';

export const AARCH64_ABI: ArchAbi = {
  // the generic clone order: clone(flags, stack, parent_tid, tls, child_tid)
  cloneArgs: { ptid: 2, tls: 3, ctid: 4 },
  // the rt_sigframe is at sp: a 128-byte siginfo, then the ucontext with uc_sigmask at 40
  sigmaskOffset: 128n + 40n,
  // include/uapi/asm-generic/stat.h: 4-byte mode and nlink
  stat: statLayout(128, 'dev:8 ino:8 mode:4 nlink:4 uid:4 gid:4 rdev:8 pad:8 size:8 blksize:4 pad:4 blocks:8 atime:16 mtime:16 ctime:16'),
  // asm-generic/sembuf.h with 64-bit longs: no pads between the times
  semid: { size: 88, otime: 48, ctime: 56, nsems: 64 },
  // no regs: strace prints aarch64's user_pt_regs its own way, not decoded here (addresses instead)
};
