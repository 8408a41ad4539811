/** x86_64's ABI facts beyond its syscall table (x86_64.ts): what decoders and the engine lay out. */
import type { ArchAbi } from '../types.js';

export const X86_64_ABI: ArchAbi = {
  // clone(flags, stack, parent_tid, child_tid, tls): child_tidptr comes before tls here
  cloneArgs: { ptid: 2, ctid: 3, tls: 4 },
  // rt_sigframe is {pretcode; struct ucontext uc; …} at sp - 8; uc_sigmask sits at 296 of the
  // ucontext (40 bytes of header, then 256 of mcontext)
  sigmaskOffset: -8n + 8n + 296n,
  // struct user_regs_struct: rax is the 11th word, orig_rax the 16th
  user: { rax: 80, origRax: 120 },
  // user_regs_struct is r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx rdx rsi rdi orig_rax rip cs
  // eflags rsp …; DWARF numbers rax rdx rcx rbx rsi rdi rbp rsp r8-r15, then 16 the return address (rip)
  unwindRegs: { size: 27 * 8, dwarf: [10, 12, 11, 5, 13, 14, 4, 19, 9, 8, 7, 6, 3, 2, 1, 0, 16] },
};
