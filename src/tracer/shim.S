# The exec shim on x86_64, as machine code (src/tracer/shim.ts holds these bytes; its test assembles
# this file with `cc -c` and checks that they are the same; scripts/asm-tables.mjs rewrites them).
#
# sysray posix_spawns it as `shim <path> <argv...>` when the launcher's child is not there to run the
# command (the shell launcher, the API, -p... then a command). It stops itself so the tracer can
# seize it, optionally installs the seccomp filter the tracer wrote into its data area while it was
# stopped, then execs the command: the tracer sees the command's own execve as its first syscall,
# with argv[0] and the environment exactly as given (a shell shim cannot set argv[0]).
#
#   kill(getpid(), SIGSTOP);
#   when (word & 1) { when (word & 2) prctl(PR_SET_NO_NEW_PRIVS, 1); seccomp(SET_MODE_FILTER, 0, &fprog); }
#   execve(argv[1], &argv[2], envp); exit_group(1);

.intel_syntax noprefix
#include "child.inc"
.equ DATA,    0x500000      # the data area (a zero-filled PT_LOAD; SHIM_DATA in shim.ts)
.equ SCWORD,  0x00          # seccomp word: bit 0 install the filter, bit 1 PR_SET_NO_NEW_PRIVS first
.equ FPROG,   0x08          # struct sock_fprog
.equ FILTER,  0x20          #   the BPF program it points at (SHIM_FILTER in shim.ts)

.text
.globl _start
_start:
    stop_self
    install_filter "qword ptr ds:[DATA+SCWORD]", exec
    mov edx, DATA+FPROG
    syscall
exec:
    # the stack at entry: argc, argv[0] (the shim), argv[1] (the path), argv[2...] (the command's
    # argv), NULL, envp
    mov rdi, [rsp+16]
    lea rsi, [rsp+24]
    mov rax, [rsp]
    lea rdx, [rsp+rax*8+16]
    mov eax, 59                     # execve
    syscall
    mov edi, 1
    mov eax, 231                    # exit_group
    syscall
