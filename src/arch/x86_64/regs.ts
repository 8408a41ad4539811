/** x86_64's register sets as ptrace(2) reads and writes them (<sys/user.h>). */
import type { RegsLayout } from '../types.js';

export const X86_64_REGS: RegsLayout = {
  prstatus: [
    'r15', 'r14', 'r13', 'r12', 'rbp', 'rbx', 'r11', 'r10', 'r9', 'r8', 'rax', 'rcx', 'rdx', 'rsi', 'rdi', 'orig_rax',
    'rip', 'cs', 'eflags', 'rsp', 'ss', 'fs_base', 'gs_base', 'ds', 'es', 'fs', 'gs',
  ],
  // struct user: the registers by their <sys/reg.h> names (8*RAX), then the fields after them
  userOffsets: [
    ...['R15', 'R14', 'R13', 'R12', 'RBP', 'RBX', 'R11', 'R10', 'R9', 'R8', 'RAX', 'RCX', 'RDX', 'RSI', 'RDI', 'ORIG_RAX',
      'RIP', 'CS', 'EFL', 'RSP', 'SS'].map((n, i) => [i * 8, `8*${n}`] as const),
    ...([[216, 'u_fpvalid'], [224, 'i387'], [736, 'u_tsize'], [744, 'u_dsize'], [752, 'u_ssize'], [760, 'start_code'],
      [768, 'start_stack'], [776, 'signal'], [784, 'reserved'], [792, 'u_ar0'], [800, 'u_fpstate'], [808, 'magic'],
      [816, 'u_comm'], [848, 'u_debugreg']] as const).map(([o, n]) => [o, `offsetof(struct user, ${n})`] as const),
    [912, 'sizeof(struct user)'],
  ],
  fpregs: {
    size: 512,
    head: [['cwd', 0, 2], ['swd', 2, 2], ['ftw', 4, 2], ['fop', 6, 2], ['rip', 8, 8], ['rdp', 16, 8], ['mxcsr', 24, 4], ['mxcr_mask', 28, 4]],
    arrays: [['st_space', 32, 32], ['xmm_space', 160, 64], ['padding', 416, 24]],
  },
};
