# bin/sysray on x86_64: the launcher, as machine code (src/tracer/launcher.ts holds these bytes; its
# test assembles this file with `cc -c` and checks that they are the same).
#
# It starts the command's process before Node starts: fork(), and the child waits on a pipe, so it
# keeps exactly the state the caller gave sysray (environment, signal dispositions and mask, fds,
# umask, argument bytes) with nothing to record or restore. The parent execs
# `node --v8-pool-size=1 --min-semi-space-size=4 --max-semi-space-size=4 <dir>/boot.cjs argv0 args...`
# (one V8 worker thread is plenty for sysray, and threads cost to start and to end; V8's young
# generation starts at 1 MB and doubles at each of its first collections, 3-5 ms each here, while
# sysray's code and the decoders it uses need about 2 MB: 4 MB from the start, and a short trace
# collects no garbage; and no more than 4 MB, for left to grow to 16 MB it takes 24 MB more memory
# in a long trace, for no gain in speed) with the
# caller's environment minus NODE_* (Node's own options are not meant for the tracer) and
# SYSRAY_LAUNCHED=<child pid>,<write end>. Once the tracer has seized the child and written its plan
# (pathname, argv, envp, seccomp filter) into the child's data area, it writes one byte to the pipe;
# the child then installs the filter (or, without one, stops itself so the tracer can start syscall
# tracing) and execs the command. If the tracer never writes (it exits, or has no command to run)
# the child reads end of file and exits.
#
# For a filtered trace with nothing but options it understands, the launcher makes that plan
# itself, seizes and releases the child, and sees it through its execve before it execs Node: the
# command runs while Node starts (early_plan, below; SYSRAY_LAUNCHED then ends in ",R<map>").
#
# Anything unexpected before the fork (no pipe, no fork) execs <dir>/sysray.sh, the shell launcher.

.intel_syntax noprefix
#include "child.inc"
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
.equ EARLY,   0x70          # nonzero: the command starts now, before Node (early_plan below)
.equ ESTATUS, 0x74          # a wait status
.equ EEXECVE, 0x78          # early start: the trace shows execve (Node prints its line from LVAR)
.equ ETIMED,  0x7c          #   an option that an execve line from LVAR cannot honour (-t -T -r -i -v)
.equ LVAR,    0x50000       # "SYSRAY_LAUNCHED=<pid>,<fd>" (",R<the filter's syscalls, hex>" if started,
                            # then ",E<envp>,<count>,<pathname, hex>" if the trace shows execve)
.equ EMAP,    0x12000       # early start: the filter's syscall numbers (a 512-bit map)
.equ EPATH,   0x13000       #   the command's pathname, found in PATH
.equ ESTAT,   0x14000       #   a struct stat
.equ FILTER,  0x100         #   the BPF program (the sock_fprog at FPROG points here)
# early_table, appended to this code by launcher.ts: u32 the table's size (the filter's limit),
# then three maps (64 bytes each): always traced, known to strace 6.1, and execve and execveat (a
# trace that shows them has Node print the command's execve from LVAR); then entries
# {u8 length, name, 64-byte map} to a zero length
.equ EBASE,   8
.equ EKNOWN,  72
.equ EEXECS, 136
.equ EHDR,    200
.equ SELF,    0x11000       # /proc/self/exe, then boot.cjs or sysray.sh in its directory
.equ SIGSET,  0x15000       # the signals pending as Node is to start
.equ SIGACT,  0x15008       # a struct k_sigaction (SIG_IGN)
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
    call early_plan
    mov [r15+EARLY], eax
start_child:
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
    # the child keeps its ends in registers: Node writes its plan over this data area (zeros at PIPE)
    # as soon as it has seized the child, which under load may not have run an instruction yet
    mov ebp, [r15+PIPE]
    mov ebx, [r15+PIPE+4]
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
    cmp dword ptr [r15+EARLY], 0
    je late
    call early_release
    test eax, eax
    jz late
    mov dword ptr [r15+EARLY], 0
    cmp eax, 1
    je late
    # the child is gone before its execve: start again, the usual way
    mov edi, [r15+PIPE+4]
    mov eax, 3                      # close
    syscall
    jmp start_child
late:
    # A signal the caller blocked and left pending would kill Node, which unblocks every signal as
    # it starts; strace keeps the caller's mask, so such a signal never reaches it. Ignoring it here
    # discards it (Node sets its own dispositions); not SIGCHLD, lest the command's end be reaped.
    lea rdi, [r15+SIGSET]
    mov esi, 8
    mov eax, 127                    # rt_sigpending
    syscall
    mov rbx, [r15+SIGSET]
    btr rbx, 16                     # bit n-1 is signal n: SIGCHLD
    mov qword ptr [r15+SIGACT], 1   # SIG_IGN; flags, restorer and mask stay 0
drop_pending:
    test rbx, rbx
    jz pending_dropped
    bsf rdi, rbx
    btr rbx, rdi
    inc edi
    lea rsi, [r15+SIGACT]
    xor edx, edx
    mov r10d, 8
    mov eax, 13                     # rt_sigaction
    syscall
    jmp drop_pending
pending_dropped:
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
    cmp dword ptr [r15+EARLY], 0
    je lvar_end
    mov word ptr [rdi], 0x522c      # ",R"
    add rdi, 2
    lea r9, [rip+hex_digits]
    xor ecx, ecx
lvar_hex:
    movzx eax, byte ptr [r15+EMAP+rcx]
    call hexbyte
    inc ecx
    cmp ecx, 64
    jb lvar_hex
    # the execve Node shows but did not see: the envp pointer, its length and the pathname
    cmp dword ptr [r15+EEXECVE], 0
    je lvar_end
    mov word ptr [rdi], 0x452c      # ",E"
    add rdi, 2
    mov rax, r14
    mov ecx, 60
lvar_envp:
    mov rdx, rax
    shr rdx, cl
    and edx, 15
    movzx edx, byte ptr [r9+rdx]
    mov [rdi], dl
    inc rdi
    sub ecx, 4
    jns lvar_envp
    mov byte ptr [rdi], ','
    inc rdi
    xor eax, eax
lvar_count:
    cmp qword ptr [r14+rax*8], 0
    je lvar_counted
    inc eax
    jmp lvar_count
lvar_counted:
    call decimal
    mov byte ptr [rdi], ','
    inc rdi
    lea r9, [rip+hex_digits]
    mov rsi, [r15+PATHP]
    test rsi, rsi
    jnz lvar_path
    mov rax, [r15+ARGIDX]
    mov rsi, [r13+rax*8]
lvar_path:
    movzx eax, byte ptr [rsi]
    test eax, eax
    jz lvar_end
    call hexbyte
    inc rsi
    jmp lvar_path
lvar_end:
    mov byte ptr [rdi], 0
    # Node's argv: "node", its three flags, boot.cjs, then the launcher's own argv (argv[0] first)
    lea rdi, [r15+ARGS]
    lea rax, [rip+str_node]
    stosq
    lea rax, [rip+str_pool]
    stosq
    lea rax, [rip+str_semi]
    stosq
    lea rax, [rip+str_maxsemi]
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
    call node_path
try_entry:
    call node_candidate
    mov rbx, rsi
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
    mov edi, ebx
    mov eax, 3                      # close the write end
    syscall
wait_byte:
    mov edi, ebp
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
    install_filter [r15+SCWORD], uids
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
    stop_self
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

# ---- the early start. With the options of a filtered trace alone (-f, -e trace=NAMES/%CLASSES,
# -o FILE, and options that only change how lines print: flags, -s N, -a N), the launcher knows what Node would decide:
# which syscalls stop (early_table, made from sysray's own tables), the pathname (PATH, as Node looks
# it up) and the filter. It then seizes the child itself, lets it exec the command under the filter
# and sees it through the execve, and the command runs while Node starts: it stops only at a traced
# syscall, where the kernel holds it until Node is there. Anything else (another option, a name or
# form it does not know, a command not found, an -o file it cannot open) leaves it all to Node.

# eax = 1 with the plan in DATA (SCWORD, FPROG, the filter, PATHP, ARGIDX, EMAP), else 0
early_plan:
    mov ebx, 1                      # the argument
    xor ebp, ebp                    # seen: 1 -f, 2 -o, 4 -e
e_loop:
    cmp rbx, r12
    jae e_no
    mov rsi, [r13+rbx*8]
    cmp byte ptr [rsi], '-'
    jne e_cmd
    cmp byte ptr [rsi+2], 0
    jne e_flags
    cmp word ptr [rsi], 0x662d      # -f
    jne e_not_f
    test ebp, 1
    jnz e_no
    or ebp, 1
    inc rbx
    jmp e_loop
e_not_f:
    cmp word ptr [rsi], 0x6f2d      # -o FILE: not a pipe, and one Node will open
    jne e_not_o
    test ebp, 2
    jnz e_no
    or ebp, 2
    inc rbx
    cmp rbx, r12
    jae e_no
    mov rdi, [r13+rbx*8]
    mov al, [rdi]
    test al, al
    jz e_no
    cmp al, '|'
    je e_no
    cmp al, '!'
    je e_no
    # a FIFO: opening it to see would hand its reader an end of file (Node opens it, and waits)
    mov r8, rdi
    lea rsi, [r15+ESTAT]
    mov eax, 4                      # stat
    syscall
    test rax, rax
    jnz e_o_open
    mov eax, [r15+ESTAT+24]         # st_mode
    and eax, 0xf000
    cmp eax, 0x1000                 # S_IFIFO
    je e_no
e_o_open:
    mov rdi, r8
    mov esi, 0x80841                # O_WRONLY|O_CREAT|O_NONBLOCK|O_CLOEXEC
    mov edx, 0x1b6                  # 0666
    mov eax, 2                      # open
    syscall
    test eax, eax
    js e_no
    mov edi, eax
    mov eax, 3                      # close
    syscall
    inc rbx
    jmp e_loop
e_not_o:
    cmp word ptr [rsi], 0x652d      # -e trace=LIST
    jne e_not_e
    test ebp, 4
    jnz e_no
    or ebp, 4
    inc rbx
    cmp rbx, r12
    jae e_no
    mov rsi, [r13+rbx*8]
    cmp dword ptr [rsi], 0x63617274 # "trac"
    jne e_no
    cmp word ptr [rsi+4], 0x3d65    # "e="
    jne e_no
    add rsi, 6
    call e_list
    test eax, eax
    jz e_no
    inc rbx
    jmp e_loop
e_not_e:
    cmp word ptr [rsi], 0x732d      # -s N, -a N: digits that Node takes (at most 9 of them)
    je e_number
    cmp word ptr [rsi], 0x612d
    jne e_flags
e_number:
    inc rbx
    cmp rbx, r12
    jae e_no
    mov rdi, [r13+rbx*8]
    xor ecx, ecx
e_digit:
    mov al, [rdi+rcx]
    test al, al
    jz e_digits_end
    sub al, '0'
    cmp al, 9
    ja e_no
    inc ecx
    cmp ecx, 9
    ja e_no
    jmp e_digit
e_digits_end:
    test ecx, ecx
    jz e_no
    inc rbx
    jmp e_loop
e_flags:
    lea rdi, [rip+early_flags]
e_flag:
    cmp byte ptr [rdi], 0
    je e_flags_timed
    call streq
    je e_flag_ok
    call skipstr
    jmp e_flag
e_flags_timed:
    inc rdi                         # the second list: times, addresses, full environments
    cmp byte ptr [rdi], 0
    je e_no
    call streq
    jne e_flags_timed_next
    mov dword ptr [r15+ETIMED], 1
    jmp e_flag_ok
e_flags_timed_next:
    call skipstr
    dec rdi
    jmp e_flags_timed
e_flag_ok:
    inc rbx
    jmp e_loop
e_cmd:
    # -f (no filter without it) and -e trace= are needed; a shown execve, without what its line
    # from LVAR cannot give
    test ebp, 1
    jz e_no
    test ebp, 4
    jz e_no
    mov eax, [r15+EEXECVE]
    and eax, [r15+ETIMED]
    jnz e_no
    call e_node
    test eax, eax
    jz e_no
    mov [r15+ARGIDX], rbx
    mov rsi, [r13+rbx*8]
    call e_resolve
    test eax, eax
    jz e_no
    call e_filter
    mov eax, 107                    # geteuid
    syscall
    mov ecx, 1                      # install the filter,
    test eax, eax
    jz e_root
    mov ecx, 3                      # after PR_SET_NO_NEW_PRIVS unless root
e_root:
    mov [r15+SCWORD], rcx
    mov eax, 1
    ret
e_no:
    xor eax, eax
    ret

# rsi: LIST. EMAP: the syscalls it names with those always traced; eax = 1, or 0 if Node would not
# filter these (an unknown name, an empty one, execve, everything)
e_list:
    lea rdi, [r15+EMAP]
    xor eax, eax
    mov ecx, 8
    rep stosq
    lea r11, [rip+early_table]
e_tok:
    mov rdx, rsi                    # the name
e_tok_end:
    mov al, [rsi]
    test al, al
    jz e_tok_have
    cmp al, ','
    je e_tok_have
    inc rsi
    jmp e_tok_end
e_tok_have:
    mov rcx, rsi
    sub rcx, rdx
    jz e_list_no
    lea rdi, [r11+EHDR]
e_ent:
    movzx r8d, byte ptr [rdi]
    test r8d, r8d
    jz e_list_no
    cmp r8, rcx
    jne e_ent_next
    xor r9d, r9d
e_cmp:
    mov al, [rdx+r9]
    cmp al, [rdi+r9+1]
    jne e_ent_next
    inc r9
    cmp r9, rcx
    jb e_cmp
    lea r9, [rdi+r8+1]
    xor r10d, r10d
e_or:
    mov rax, [r9+r10*8]
    or [r15+EMAP+r10*8], rax
    inc r10
    cmp r10, 8
    jb e_or
    cmp byte ptr [rsi], 0
    je e_list_check
    inc rsi
    jmp e_tok
e_ent_next:
    lea rdi, [rdi+r8+65]
    jmp e_ent
e_list_check:
    xor r10d, r10d
    xor r8d, r8d                    # known syscalls left out
e_chk:
    mov rax, [r15+EMAP+r10*8]
    test rax, [r11+EEXECS+r10*8]
    jz e_chk_shown
    mov dword ptr [r15+EEXECVE], 1  # execve (or execveat) is shown
e_chk_shown:
    mov rcx, rax
    not rcx
    and rcx, [r11+EKNOWN+r10*8]
    or r8, rcx
    or rax, [r11+EBASE+r10*8]
    mov [r15+EMAP+r10*8], rax
    inc r10
    cmp r10, 8
    jb e_chk
    test r8, r8
    jz e_list_no
    mov eax, 1
    ret
e_list_no:
    xor eax, eax
    ret

# rsi: the command. As Node's resolveCommand: a name with a slash as it is (it must exist), else the
# first PATH entry with a regular file with an execute bit (an empty entry, the current directory,
# is left to Node). eax = 1 with PATHP set (0: the child execs its argv[0]), else 0.
e_resolve:
    mov rdi, rsi
e_slash:
    mov al, [rdi]
    test al, al
    jz e_search
    cmp al, '/'
    je e_as_is
    inc rdi
    jmp e_slash
e_as_is:
    mov rdi, rsi
    lea rsi, [r15+ESTAT]
    mov eax, 4                      # stat
    syscall
    test rax, rax
    jnz e_res_no
    mov qword ptr [r15+PATHP], 0
    mov eax, 1
    ret
e_search:
    mov r8, rsi
    mov r9, r14
e_find_path:
    mov rax, [r9]
    add r9, 8
    test rax, rax
    jz e_res_no
    cmp dword ptr [rax], 0x48544150 # "PATH"
    jne e_find_path
    cmp byte ptr [rax+4], '='
    jne e_find_path
    lea r9, [rax+5]
    cmp byte ptr [r9], 0
    je e_res_no
e_entry:
    lea rdi, [r15+EPATH]
    lea r10, [r15+EPATH+4000]
e_copy:
    mov al, [r9]
    test al, al
    jz e_copied
    cmp al, ':'
    je e_copied
    cmp rdi, r10
    jae e_res_no
    mov [rdi], al
    inc rdi
    inc r9
    jmp e_copy
e_copied:
    lea rax, [r15+EPATH]
    cmp rdi, rax
    je e_res_no
    cmp byte ptr [rdi-1], '/'
    je e_cat_start
    mov byte ptr [rdi], '/'
    inc rdi
e_cat_start:
    mov rsi, r8
e_cat:
    cmp rdi, r10
    jae e_res_no
    mov al, [rsi]
    mov [rdi], al
    inc rsi
    inc rdi
    test al, al
    jnz e_cat
    lea rdi, [r15+EPATH]
    lea rsi, [r15+ESTAT]
    mov eax, 4                      # stat
    syscall
    test rax, rax
    jnz e_next_entry
    mov eax, [r15+ESTAT+24]         # st_mode
    mov ecx, eax
    and ecx, 0xf000
    cmp ecx, 0x8000                 # S_IFREG
    jne e_next_entry
    test eax, 0x49                  # 0111
    jz e_next_entry
    lea rax, [r15+EPATH]
    mov [r15+PATHP], rax
    mov eax, 1
    ret
e_next_entry:
    cmp byte ptr [r9], 0
    je e_res_no
    inc r9
    jmp e_entry
e_res_no:
    xor eax, eax
    ret

# eax = 1 if the node the launcher is about to exec is there (X_OK in a PATH entry, as the exec
# loop above tries them): a command must not start for a Node that cannot
e_node:
    call node_path
e_node_try:
    call node_candidate
    mov r9, rsi
    lea rdi, [r15+NODEP]
    mov esi, 1                      # X_OK
    mov eax, 21                     # access
    syscall
    test rax, rax
    jz e_node_yes
    cmp byte ptr [r9], 0
    je e_node_no
    lea rsi, [r9+1]
    jmp e_node_try
e_node_yes:
    mov eax, 1
    ret
e_node_no:
    xor eax, eax
    ret

# The filter over EMAP, instruction for instruction the one Node builds (src/tracer/seccomp.ts):
# another arch, x32 numbers and numbers past the table are traced; then the ranges; else allowed.
e_filter:
    lea rdi, [r15+FILTER]
    lea r11, [rip+early_table]
    mov r8d, [r11]                  # the table's size
    mov rax, 0x0000000400000020     # ld arch
    stosq
    mov rax, 0xc000003e00010015     # jeq AUDIT_ARCH_X86_64, 1, 0
    stosq
    mov rax, 0x7ff0000000000006     # ret TRACE
    stosq
    mov rax, 0x0000000000000020     # ld nr
    stosq
    mov rax, 0x4000000001000035     # jge X32_SYSCALL_BIT, 0, 1
    stosq
    mov rax, 0x7ff0000000000006
    stosq
    mov rax, r8                     # jge size, 0, 1
    shl rax, 32
    or rax, 0x01000035
    stosq
    mov rax, 0x7ff0000000000006
    stosq
    xor ecx, ecx
e_rng:
    cmp ecx, r8d
    jae e_rng_done
    bt qword ptr [r15+EMAP], rcx
    jnc e_rng_skip
    mov edx, ecx                    # from
e_rng_run:
    inc ecx
    cmp ecx, r8d
    jae e_rng_end
    bt qword ptr [r15+EMAP], rcx
    jc e_rng_run
e_rng_end:
    lea eax, [rcx-1]                # to
    cmp eax, edx
    jne e_rng_two
    mov rax, rdx                    # jeq from, 0, 1
    shl rax, 32
    or rax, 0x01000015
    stosq
    jmp e_rng_ret
e_rng_two:
    mov r9, rax
    mov rax, rdx                    # jge from, 0, 2
    shl rax, 32
    or rax, 0x02000035
    stosq
    mov rax, r9                     # jgt to, 1, 0
    shl rax, 32
    or rax, 0x00010025
    stosq
e_rng_ret:
    mov rax, 0x7ff0000000000006
    stosq
    jmp e_rng
e_rng_skip:
    inc ecx
    jmp e_rng
e_rng_done:
    mov rax, 0x7fff000000000006     # ret ALLOW
    stosq
    lea rax, [r15+FILTER]
    mov rcx, rdi
    sub rcx, rax
    shr rcx, 3
    mov word ptr [r15+FPROG], cx
    mov [r15+FPROG+8], rax
    ret

# The parent, with the child waiting on the pipe: seize it, release it, and see it through its
# execve (the filter's stop at its entry, then the exec event). eax = 0: the command runs under the
# filter; 1: not seized (the child still waits, for Node); 2: it did not get to run the command
# (the child is gone, reaped).
early_release:
    mov eax, 101                    # ptrace
    mov edi, 0x4206                 # PTRACE_SEIZE
    mov esi, [r15+PID]
    xor edx, edx
    mov r10d, 0x1000df              # SYSGOOD|FORK|VFORK|CLONE|EXEC|EXIT|SECCOMP, EXITKILL
    syscall
    test rax, rax
    jnz er_not_seized
    mov byte ptr [r15+RBYTE], 1
    mov edi, [r15+PIPE+4]
    lea rsi, [r15+RBYTE]
    mov edx, 1
    mov eax, 1                      # write
    syscall
    cmp rax, 1
    jne er_gone
    call er_wait
    cmp eax, 0x705                  # SIGTRAP | PTRACE_EVENT_SECCOMP << 8
    jne er_gone
    call er_cont
    call er_wait
    cmp eax, 0x405                  # SIGTRAP | PTRACE_EVENT_EXEC << 8
    jne er_gone
    call er_cont
    xor eax, eax
    ret
er_not_seized:
    mov eax, 1
    ret
er_gone:
    call er_cont                    # out of the stop just seen (one at its exit holds it)
    mov edi, [r15+PID]
    mov esi, 9                      # SIGKILL
    mov eax, 62                     # kill
    syscall
er_reap:
    call er_wait
    cmp eax, -1
    je er_reaped
    cmp eax, 0
    jl er_reaped
    call er_cont                    # a stop on the way out
    jmp er_reap
er_reaped:
    mov eax, 2
    ret
# wait4 for the child: eax = status >> 8 of a stop, -1 once it is gone
er_wait:
    mov edi, [r15+PID]
    lea rsi, [r15+ESTATUS]
    mov edx, 0x40000000             # __WALL
    xor r10d, r10d
    mov eax, 61                     # wait4
    syscall
    cmp rax, -4                     # EINTR
    je er_wait
    test rax, rax
    jle er_wait_gone
    mov eax, [r15+ESTATUS]
    cmp al, 0x7f
    jne er_wait_gone
    shr eax, 8
    ret
er_wait_gone:
    mov eax, -1
    ret
er_cont:
    mov eax, 101                    # ptrace
    mov edi, 7                      # PTRACE_CONT
    mov esi, [r15+PID]
    xor edx, edx
    xor r10d, r10d
    syscall
    ret

# rdi: past the NUL of the string it points into
skipstr:
    inc rdi
    cmp byte ptr [rdi-1], 0
    jne skipstr
    ret

# ZF: whether the strings at rsi and rdi are equal
streq:
    xor ecx, ecx
streq_next:
    mov al, [rsi+rcx]
    cmp al, [rdi+rcx]
    jne streq_done
    inc rcx
    test al, al
    jnz streq_next
streq_done:
    ret

# rsi: the caller's PATH (the first PATH= of the environment), else the shell's default path
node_path:
    mov rsi, r14
node_path_next:
    lodsq
    test rax, rax
    jz node_path_default
    cmp dword ptr [rax], 0x48544150 # "PATH"
    jne node_path_next
    cmp byte ptr [rax+4], '='
    jne node_path_next
    lea rsi, [rax+5]
    ret
node_path_default:
    lea rsi, [rip+str_default_path]
    ret

# NODEP: the PATH entry at rsi with "/node" (just "node" for an empty entry, the current
# directory); rsi moves to the entry's end (':' or the terminating NUL). An entry is at most an
# environment string long (128 KB), far less than NODEP's room.
node_candidate:
    lea rdi, [r15+NODEP]
node_candidate_copy:
    mov al, [rsi]
    test al, al
    jz node_candidate_end
    cmp al, ':'
    je node_candidate_end
    mov [rdi], al
    inc rsi
    inc rdi
    jmp node_candidate_copy
node_candidate_end:
    lea rcx, [r15+NODEP]
    cmp rdi, rcx
    je node_candidate_bare
    mov byte ptr [rdi], '/'
    inc rdi
node_candidate_bare:
    mov dword ptr [rdi], 0x65646f6e # "node"
    mov byte ptr [rdi+4], 0
    ret

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

# al as two hex digits at rdi (r9: "0123456789abcdef"); rdi moves past them
hexbyte:
    mov edx, eax
    shr edx, 4
    movzx edx, byte ptr [r9+rdx]
    mov [rdi], dl
    and eax, 15
    movzx eax, byte ptr [r9+rax]
    mov [rdi+1], al
    add rdi, 2
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
str_maxsemi:
    .asciz "--max-semi-space-size=4"
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
hex_digits:
    .ascii "0123456789abcdef"
# the flags an early start allows: they change how lines print, not what runs; then those it
# allows only when the trace does not show execve
early_flags:
    .asciz "-q", "-qq", "-y", "-yy", "-x", "-xx", "-n"
    .byte 0
    .asciz "-t", "-tt", "-ttt", "-T", "-v", "-i", "-r"
    .byte 0
early_table:
