/** x86_64's ABI facts beyond its syscall table (x86_64.ts): what decoders and the engine lay out. */
import type { ArchAbi } from '../types.js';
import { X86_64_REGS } from './regs.js';

/** Where a register of struct user_regs_struct sits (8 bytes each, in order). */
const reg = (name: string): number => 8 * X86_64_REGS.prstatus.indexOf(name);

export const X86_64_ABI: ArchAbi = {
  // clone(flags, stack, parent_tid, child_tid, tls): child_tidptr comes before tls here
  cloneArgs: { ptid: 2, ctid: 3, tls: 4 },
  // rt_sigframe is {pretcode; struct ucontext uc; …} at sp - 8; uc_sigmask sits at 296 of the
  // ucontext (40 bytes of header, then 256 of mcontext)
  sigmaskOffset: -8n + 8n + 296n,
  user: { rax: reg('rax'), origRax: reg('orig_rax') },
  // arch/x86/include/uapi/asm/stat.h: nlink is 8 bytes and comes before mode; __pad0 after gid
  stat: {
    size: 144,
    fields: {
      dev: [0, 8], ino: [8, 8], nlink: [16, 8], mode: [24, 4], uid: [28, 4], gid: [32, 4], rdev: [40, 8],
      size: [48, 8], blksize: [56, 8], blocks: [64, 8],
    },
    times: { atime: 72, mtime: 88, ctime: 104 },
  },
  regs: X86_64_REGS,
};
