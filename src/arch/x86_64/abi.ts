/** x86_64's ABI facts beyond its syscall table (x86_64.ts): what decoders and the engine lay out. */
import type { ArchAbi } from '../types.js';
import { X86_64_REGS } from './regs.js';
import { statLayout } from '../stat.js';

/** Where a register of struct user_regs_struct sits (8 bytes each, in order). */
const reg = (name: string): number => 8 * X86_64_REGS.prstatus.indexOf(name);

export const X86_64_ABI: ArchAbi = {
  // clone(flags, stack, parent_tid, child_tid, tls): child_tidptr comes before tls here
  cloneArgs: { ptid: 2, ctid: 3, tls: 4 },
  // rt_sigframe is {pretcode; struct ucontext uc; …} at sp - 8; uc_sigmask sits at 296 of the
  // ucontext (40 bytes of header, then 256 of mcontext)
  sigmaskOffset: -8n + 8n + 296n,
  user: { rax: reg('rax'), origRax: reg('orig_rax') },
  // arch/x86/include/uapi/asm/stat.h: nlink is 8 bytes and comes before mode
  stat: statLayout(144, 'dev:8 ino:8 nlink:8 mode:4 uid:4 gid:4 pad:4 rdev:8 size:8 blksize:8 blocks:8 atime:16 mtime:16 ctime:16'),
  // asm/sembuf.h: a pad after each time
  semid: { size: 104, otime: 48, ctime: 64, nsems: 80 },
  regs: X86_64_REGS,
  syscallRegs: { nr: 'orig_rax', args: ['rdi', 'rsi', 'rdx', 'r10', 'r8', 'r9'], rval: 'rax', ip: 'rip', sp: 'rsp' },
  // user_regs_struct is r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx rdx rsi rdi orig_rax rip cs
  // eflags rsp …; DWARF numbers rax rdx rcx rbx rsi rdi rbp rsp r8-r15, then 16 the return address (rip)
  unwindRegs: { size: 27 * 8, dwarf: [10, 12, 11, 5, 13, 14, 4, 19, 9, 8, 7, 6, 3, 2, 1, 0, 16] },
};
