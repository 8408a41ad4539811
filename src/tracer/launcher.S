# bin/sysray on x86_64: the launcher, as machine code (src/tracer/launcher.ts holds these bytes; its
# test assembles this file with `cc -c` and checks that they are the same).
#
# It starts the command's process before Node starts: fork(), and the child waits on a pipe, so it
# keeps exactly the state the caller gave sysray (environment, signal dispositions and mask, fds,
# umask, argument bytes) with nothing to record or restore. The parent execs
# `node --v8-pool-size=1 --min-semi-space-size=4 <dir>/boot.cjs argv0 args...` (one V8 worker thread
# is plenty for sysray, and threads cost to start and to end; V8's young generation starts at 1 MB and
# doubles at each of its first collections, 3-5 ms each here, while sysray's code and the decoders it
# uses need about 2 MB: 4 MB from the start, and a short trace collects no garbage) with the caller's environment minus NODE_* (Node's own
# options are not meant for the tracer) and SYSRAY_LAUNCHED=<child pid>,<write end>. Once the
# tracer has seized the child and written its plan (pathname, argv, envp, seccomp filter) into the
# child's data area, it writes one byte to the pipe; the child then installs the filter (or, without
# one, stops itself so the tracer can start syscall tracing) and execs the command. If the tracer
# never writes (it exits, or has no command to run) the child reads end of file and exits.
#
# Anything unexpected before the fork (no pipe, no fork) execs <dir>/sysray.sh, the shell launcher.

.intel_syntax noprefix
.equ DATA,    0x800000      # the data area (zero-filled, DATA_SIZE bytes; see launcher.ts)
.equ SCWORD,  0x00          # seccomp word: bit 0 install the filter, bit 1 PR_SET_NO_NEW_PRIVS first
                            # (not WORD: in Intel syntax that is the size keyword, 2)
.equ FPROG,   0x08          # struct sock_fprog
.equ PATHP,   0x18          # the command: pathname (0: its argv[0]), argv (0: see ARGIDX), envp
                            # (0: the caller's environment)
.equ ARGVP,   0x20
.equ ENVPP,   0x28
.equ PIPE,    0x30          # int fds[2]
.equ PID,     0x38          # the child's pid
.equ RBYTE,   0x3c          # the byte read from the pipe (not BYTE: a size keyword, 1)
.equ DIREND,  0x40          # where the directory of /proc/self/exe ends in SELF
.equ ARGIDX,  0x48          # with ARGVP 0: the command's argv is the launcher's own from this index
.equ CRED,    0x50          # -u: nonzero to take on the user's credentials before the execve:
.equ NGROUPS, 0x54          #   supplementary groups (count, pointer to gid_t[]),
.equ GROUPSP, 0x58
.equ RUID,    0x60          #   real and effective uid and gid
.equ EUID,    0x64
.equ RGID,    0x68
.equ EGID,    0x6c
.equ LVAR,    0x10000       # "SYSRAY_LAUNCHED=<pid>,<fd>"
.equ SELF,    0x11000       # /proc/self/exe, then boot.cjs or sysray.sh in its directory
.equ NODEP,   0x20000       # a PATH entry + "/node"
.equ ARGS,    0x100000      # Node's argv and envp (parent); the plan's strings (child)

.text
.globl _start
_start:
    mov r12, [rsp]                  # argc
    lea r13, [rsp+8]                # argv
    lea r14, [r13+r12*8+8]          # envp
    mov r15d, DATA
    # this file's directory, from /proc/self/exe
    lea rdi, [rip+proc_self_exe]
    lea rsi, [r15+SELF]
    mov edx, 4000
    mov eax, 89                     # readlink
    syscall
    test rax, rax
    jle lost
    cmp rax, 4000
    jae lost
    lea rdi, [r15+SELF+rax]
find_slash:
    dec rdi
    cmp byte ptr [rdi], '/'
    jne find_slash
    inc rdi
    mov [r15+DIREND], rdi
    # pipe2(fds, O_CLOEXEC), both ends moved above fd 2 (0-2 stay as the caller left them)
    lea rdi, [r15+PIPE]
    mov esi, 0x80000
    mov eax, 293                    # pipe2
    syscall
    test eax, eax
    jnz fallback
    lea rbx, [r15+PIPE]
    call above2
    lea rbx, [r15+PIPE+4]
    call above2
    mov eax, 57                     # fork
    syscall
    test rax, rax
    js fallback
    jz child
    mov [r15+PID], eax
    # the parent: close the read end; the write end stays open across execve, for the tracer
    mov edi, [r15+PIPE]
    mov eax, 3                      # close
    syscall
    mov edi, [r15+PIPE+4]
    mov esi, 2                      # F_SETFD
    xor edx, edx
    mov eax, 72                     # fcntl
    syscall
    # "<dir>/boot.cjs"
    mov rdi, [r15+DIREND]
    mov rax, 0x736a632e746f6f62     # "boot.cjs"
    mov [rdi], rax
    mov byte ptr [rdi+8], 0
    # SYSRAY_LAUNCHED=<pid, 10 digits>,<write end, 10 digits>
    lea rdi, [r15+LVAR]
    mov rax, 0x4c5f594152535953     # "SYSRAY_L"
    stosq
    mov rax, 0x3d444548434e5541     # "AUNCHED="
    stosq
    mov eax, [r15+PID]
    call decimal
    mov byte ptr [rdi], ','
    inc rdi
    mov eax, [r15+PIPE+4]
    call decimal
    mov byte ptr [rdi], 0
    # Node's argv: "node", its two flags, boot.cjs, then the launcher's own argv (argv[0] first)
    lea rdi, [r15+ARGS]
    lea rax, [rip+str_node]
    stosq
    lea rax, [rip+str_pool]
    stosq
    lea rax, [rip+str_semi]
    stosq
    lea rax, [r15+SELF]
    stosq
    mov rsi, r13
copy_argv:
    lodsq
    stosq
    test rax, rax
    jnz copy_argv
    # Node's envp: SYSRAY_LAUNCHED first (it wins over any other), then the caller's but NODE_*
    mov rbp, rdi
    lea rax, [r15+LVAR]
    stosq
    mov rsi, r14
copy_env:
    lodsq
    test rax, rax
    jz env_done
    cmp dword ptr [rax], 0x45444f4e # "NODE"
    jne keep_env
    cmp byte ptr [rax+4], '_'
    je copy_env
keep_env:
    stosq
    jmp copy_env
env_done:
    stosq
    # node: each PATH entry in turn (an empty one is the current directory), as the shell would
    mov rsi, r14
find_path:
    lodsq
    test rax, rax
    jz default_path
    cmp dword ptr [rax], 0x48544150 # "PATH"
    jne find_path
    cmp byte ptr [rax+4], '='
    jne find_path
    lea rsi, [rax+5]
    jmp try_entry
default_path:
    lea rsi, [rip+str_default_path]
try_entry:
    lea rdi, [r15+NODEP]
copy_entry:
    mov al, [rsi]
    test al, al
    jz entry_end
    cmp al, ':'
    je entry_end
    mov [rdi], al
    inc rsi
    inc rdi
    jmp copy_entry
entry_end:
    mov rbx, rsi
    lea rcx, [r15+NODEP]
    cmp rdi, rcx
    je no_slash
    mov byte ptr [rdi], '/'
    inc rdi
no_slash:
    mov dword ptr [rdi], 0x65646f6e # "node"
    mov byte ptr [rdi+4], 0
    lea rdi, [r15+NODEP]
    lea rsi, [r15+ARGS]
    mov rdx, rbp
    mov eax, 59                     # execve
    syscall
    mov rsi, rbx
    cmp byte ptr [rsi], 0
    je no_node
    inc rsi
    jmp try_entry
no_node:
    lea rsi, [rip+msg_no_node]
    mov edx, msg_no_node_end - msg_no_node
    jmp say_and_exit
lost:
    lea rsi, [rip+msg_lost]
    mov edx, msg_lost_end - msg_lost
say_and_exit:
    mov edi, 2
    mov eax, 1                      # write
    syscall
    mov edi, 127
    mov eax, 231                    # exit_group
    syscall

# the shell launcher next to this file, with the caller's argv and environment
fallback:
    mov rdi, [r15+DIREND]
    mov rax, 0x732e796172737973     # "sysray.s"
    mov [rdi], rax
    mov word ptr [rdi+8], 0x68      # "h"
    lea rdi, [r15+SELF]
    mov rsi, r13
    mov rdx, r14
    mov eax, 59                     # execve
    syscall
    jmp lost

# the child: wait for the tracer's byte, then the filter, then the command. With -u, as strace
# does: the groups and gids first, the filter while still privileged, then the uids.
child:
    mov edi, [r15+PIPE+4]
    mov eax, 3                      # close the write end
    syscall
wait_byte:
    mov edi, [r15+PIPE]
    lea rsi, [r15+RBYTE]
    mov edx, 1
    xor eax, eax                    # read
    syscall
    cmp rax, -4                     # EINTR
    je wait_byte
    cmp rax, 1
    jne quit
    cmp dword ptr [r15+CRED], 0
    je groups_done
    mov edi, [r15+NGROUPS]
    mov rsi, [r15+GROUPSP]
    mov eax, 116                    # setgroups
    syscall
    test rax, rax
    jnz no_cred
    mov edi, [r15+RGID]
    mov esi, [r15+EGID]
    mov eax, 114                    # setregid
    syscall
    test rax, rax
    jnz no_cred
groups_done:
    xor ebx, ebx                    # 1 once the filter is in
    mov rax, [r15+SCWORD]
    test rax, rax
    jz uids
    test al, 2
    jz filter
    mov eax, 157                    # prctl
    mov edi, 38                     # PR_SET_NO_NEW_PRIVS
    mov esi, 1
    xor edx, edx
    xor r10d, r10d
    xor r8d, r8d
    syscall
filter:
    mov eax, 317                    # seccomp
    mov edi, 1                      # SECCOMP_SET_MODE_FILTER
    xor esi, esi
    lea rdx, [r15+FPROG]
    syscall
    test rax, rax
    jnz uids
    inc ebx
uids:
    cmp dword ptr [r15+CRED], 0
    je uids_done
    mov edi, [r15+RUID]
    mov esi, [r15+EUID]
    mov eax, 113                    # setreuid
    syscall
    test rax, rax
    jnz no_cred
uids_done:
    test ebx, ebx
    jnz exec
stop:
    # no filter: stop, so that the tracer resumes us with PTRACE_SYSCALL
    mov eax, 39                     # getpid
    syscall
    mov edi, eax
    mov esi, 19                     # SIGSTOP
    mov eax, 62                     # kill
    syscall
exec:
    mov rsi, [r15+ARGVP]
    test rsi, rsi
    jnz have_argv
    mov rax, [r15+ARGIDX]           # the launcher's own argv, byte for byte as the caller gave it
    lea rsi, [r13+rax*8]
have_argv:
    mov rdi, [r15+PATHP]
    test rdi, rdi
    jnz have_path
    mov rdi, [rsi]
have_path:
    mov rdx, [r15+ENVPP]
    test rdx, rdx
    jnz have_envp
    mov rdx, r14
have_envp:
    mov eax, 59                     # execve
    syscall
quit:
    mov edi, 1
    mov eax, 231                    # exit_group
    syscall
no_cred:
    lea rsi, [rip+msg_no_cred]
    mov edx, msg_no_cred_end - msg_no_cred
    mov edi, 2
    mov eax, 1                      # write
    syscall
    jmp quit

# [rbx]: an fd; if below 3, move it to the lowest free fd from 3 (close-on-exec)
above2:
    mov edi, [rbx]
    cmp edi, 3
    jae above2_done
    mov esi, 1030                   # F_DUPFD_CLOEXEC
    mov edx, 3
    mov eax, 72                     # fcntl
    syscall
    mov edi, [rbx]
    mov [rbx], eax
    mov eax, 3                      # close
    syscall
above2_done:
    ret

# eax as 10 decimal digits at rdi; rdi moves past them
decimal:
    add rdi, 10
    mov r8, rdi
    mov ecx, 10
    mov r9d, 10
decimal_digit:
    xor edx, edx
    div r9d
    add dl, '0'
    dec rdi
    mov [rdi], dl
    dec ecx
    jnz decimal_digit
    mov rdi, r8
    ret

proc_self_exe:
    .asciz "/proc/self/exe"
str_node:
    .asciz "node"
str_pool:
    .asciz "--v8-pool-size=1"
str_semi:
    .asciz "--min-semi-space-size=4"
str_default_path:
    .asciz "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
msg_no_node:
    .ascii "sysray: node: not found\n"
msg_no_node_end:
msg_lost:
    .ascii "sysray: cannot find its own files (/proc/self/exe)\n"
msg_lost_end:
msg_no_cred:
    .ascii "sysray: cannot take on the -u user's credentials\n"
msg_no_cred_end:
