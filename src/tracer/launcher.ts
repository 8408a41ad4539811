/**
 * bin/sysray on x86_64: a small static executable (its source is launcher.S, next to this file) that
 * forks the command's process before Node starts, then execs Node. The child waits on a pipe with
 * the caller's exact state (environment, signals, fds, umask); the tracer seizes it, writes its plan
 * here (`planBlocks`: pathname, argv, envp, seccomp filter, -u's credentials) into the child's data
 * area, and releases it with one byte. For a plain filtered trace the launcher does all that itself
 * (the early start, with `earlyTable`) and the command runs while Node starts. Elsewhere the build
 * installs bin/sysray.sh, the shell launcher, instead.
 */
import { closeSync, writeSync } from 'node:fs';
import { X86_64, type ArchTable } from '../arch/index.js';
import { isKnownToStrace61, qualifySyscalls, SyscallSet, SYSCALL_CLASSES } from '../filter/expr.js';
import { raw } from '../sys/libc.js';
import { writeTraceeMemory } from './memory.js';
import { filterBlock } from './seccomp.js';
import { staticElf } from './shim.js';

/** The launcher's (and so the child's) zero-filled data area: address and size. */
export const LAUNCH_DATA = 0x800000n;
export const LAUNCH_DATA_SIZE = 0x2000000;
/** Offsets in the data area the child reads (the .equ names in launcher.S). */
const PATHP = 0x18, ARGVP = 0x20, ENVPP = 0x28, ARGIDX = 0x48, FILTER = 0x100, STRINGS = 0x100000;
const CRED = 0x50, NGROUPS = 0x54, GROUPSP = 0x58, RUID = 0x60, EUID = 0x64, RGID = 0x68, EGID = 0x6c;
/** The same offsets by their launcher.S names, for the test that compares them with its .equ lines. */
export const DATA_OFFSETS: Readonly<Record<string, number>> = {
  DATA: Number(LAUNCH_DATA), PATHP, ARGVP, ENVPP, ARGIDX, FILTER, ARGS: STRINGS, CRED, NGROUPS, GROUPSP, RUID, EUID, RGID, EGID,
};

/** x86_64 machine code, one instruction a row (hex), then its strings. */
const X86_64_LAUNCHER: string[] = [
  // BEGIN launcher code (scripts/asm-tables.mjs)
  // _start:
  '4c8b2424', // mov r12,QWORD PTR [rsp]
  '4c8d6c2408', // lea r13,[rsp+0x8]
  '4f8d74e508', // lea r14,[r13+r12*8+0x8]
  '41bf00008000', // mov r15d,0x800000
  '488d3d7e0b0000', // lea rdi,[rip+0xb7e]
  '498db700100100', // lea rsi,[r15+0x11000]
  'baa00f0000', // mov edx,0xfa0
  'b859000000', // mov eax,0x59
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f8eb6020000', // jle <lost>
  '483da00f0000', // cmp rax,0xfa0
  '0f83aa020000', // jae <lost>
  '498dbc0700100100', // lea rdi,[r15+rax*1+0x11000]
  // find_slash:
  '48ffcf', // dec rdi
  '803f2f', // cmp BYTE PTR [rdi],0x2f
  '75f8', // jne <find_slash>
  '48ffc7', // inc rdi
  '49897f40', // mov QWORD PTR [r15+0x40],rdi
  'e809040000', // call <early_plan>
  '41894770', // mov DWORD PTR [r15+0x70],eax
  // start_child:
  '498d7f30', // lea rdi,[r15+0x30]
  'be00000800', // mov esi,0x80000
  'b825010000', // mov eax,0x125
  '0f05', // syscall
  '85c0', // test eax,eax
  '0f8596020000', // jne <fallback>
  '498d5f30', // lea rbx,[r15+0x30]
  'e8ae0a0000', // call <above2>
  '498d5f34', // lea rbx,[r15+0x34]
  'e8a50a0000', // call <above2>
  '418b6f30', // mov ebp,DWORD PTR [r15+0x30]
  '418b5f34', // mov ebx,DWORD PTR [r15+0x34]
  'b839000000', // mov eax,0x39
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f886c020000', // js <fallback>
  '0f8493020000', // je <child>
  '41894738', // mov DWORD PTR [r15+0x38],eax
  '418b7f30', // mov edi,DWORD PTR [r15+0x30]
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  '418b7f34', // mov edi,DWORD PTR [r15+0x34]
  'be02000000', // mov esi,0x2
  '31d2', // xor edx,edx
  'b848000000', // mov eax,0x48
  '0f05', // syscall
  '41837f7000', // cmp DWORD PTR [r15+0x70],0x0
  '7426', // je <late>
  'e8ff080000', // call <early_release>
  '85c0', // test eax,eax
  '741d', // je <late>
  '41c7477000000000', // mov DWORD PTR [r15+0x70],0x0
  '83f801', // cmp eax,0x1
  '7410', // je <late>
  '418b7f34', // mov edi,DWORD PTR [r15+0x34]
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  'e96affffff', // jmp <start_child>
  // late:
  '498dbf00500100', // lea rdi,[r15+0x15000]
  'be08000000', // mov esi,0x8
  'b87f000000', // mov eax,0x7f
  '0f05', // syscall
  '498b9f00500100', // mov rbx,QWORD PTR [r15+0x15000]
  '480fbaf310', // btr rbx,0x10
  '49c7870850010001000000', // mov QWORD PTR [r15+0x15008],0x1
  // drop_pending:
  '4885db', // test rbx,rbx
  '7422', // je <pending_dropped>
  '480fbcfb', // bsf rdi,rbx
  '480fb3fb', // btr rbx,rdi
  'ffc7', // inc edi
  '498db708500100', // lea rsi,[r15+0x15008]
  '31d2', // xor edx,edx
  '41ba08000000', // mov r10d,0x8
  'b80d000000', // mov eax,0xd
  '0f05', // syscall
  'ebd9', // jmp <drop_pending>
  // pending_dropped:
  '498b7f40', // mov rdi,QWORD PTR [r15+0x40]
  '48b8626f6f742e636a73', // movabs rax,0x736a632e746f6f62
  '488907', // mov QWORD PTR [rdi],rax
  'c6470800', // mov BYTE PTR [rdi+0x8],0x0
  '498dbf00000500', // lea rdi,[r15+0x50000]
  '48b85359535241595f4c', // movabs rax,0x4c5f594152535953
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b841554e434845443d', // movabs rax,0x3d444548434e5541
  '48ab', // stos QWORD PTR es:[rdi],rax
  '418b4738', // mov eax,DWORD PTR [r15+0x38]
  'e8eb090000', // call <decimal>
  'c6072c', // mov BYTE PTR [rdi],0x2c
  '48ffc7', // inc rdi
  '418b4734', // mov eax,DWORD PTR [r15+0x34]
  'e8dc090000', // call <decimal>
  '41837f7000', // cmp DWORD PTR [r15+0x70],0x0
  '0f849f000000', // je <lvar_end>
  '66c7072c52', // mov WORD PTR [rdi],0x522c
  '4883c702', // add rdi,0x2
  '4c8d0df60a0000', // lea r9,[rip+0xaf6]
  '31c9', // xor ecx,ecx
  // lvar_hex:
  '410fb6840f00200100', // movzx eax,BYTE PTR [r15+rcx*1+0x12000]
  'e895090000', // call <hexbyte>
  'ffc1', // inc ecx
  '83f940', // cmp ecx,0x40
  '72eb', // jb <lvar_hex>
  '41837f7800', // cmp DWORD PTR [r15+0x78],0x0
  '7471', // je <lvar_end>
  '66c7072c45', // mov WORD PTR [rdi],0x452c
  '4883c702', // add rdi,0x2
  '4c89f0', // mov rax,r14
  'b93c000000', // mov ecx,0x3c
  // lvar_envp:
  '4889c2', // mov rdx,rax
  '48d3ea', // shr rdx,cl
  '83e20f', // and edx,0xf
  '410fb61411', // movzx edx,BYTE PTR [r9+rdx*1]
  '8817', // mov BYTE PTR [rdi],dl
  '48ffc7', // inc rdi
  '83e904', // sub ecx,0x4
  '79e8', // jns <lvar_envp>
  'c6072c', // mov BYTE PTR [rdi],0x2c
  '48ffc7', // inc rdi
  '31c0', // xor eax,eax
  // lvar_count:
  '49833cc600', // cmp QWORD PTR [r14+rax*8],0x0
  '7404', // je <lvar_counted>
  'ffc0', // inc eax
  'ebf5', // jmp <lvar_count>
  // lvar_counted:
  'e862090000', // call <decimal>
  'c6072c', // mov BYTE PTR [rdi],0x2c
  '48ffc7', // inc rdi
  '4c8d0d8a0a0000', // lea r9,[rip+0xa8a]
  '498b7718', // mov rsi,QWORD PTR [r15+0x18]
  '4885f6', // test rsi,rsi
  '7509', // jne <lvar_path>
  '498b4748', // mov rax,QWORD PTR [r15+0x48]
  '498b74c500', // mov rsi,QWORD PTR [r13+rax*8+0x0]
  // lvar_path:
  '0fb606', // movzx eax,BYTE PTR [rsi]
  '85c0', // test eax,eax
  '740a', // je <lvar_end>
  'e81b090000', // call <hexbyte>
  '48ffc6', // inc rsi
  'ebef', // jmp <lvar_path>
  // lvar_end:
  'c60700', // mov BYTE PTR [rdi],0x0
  '498dbf00001000', // lea rdi,[r15+0x100000]
  '488d0557090000', // lea rax,[rip+0x957]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '488d0553090000', // lea rax,[rip+0x953]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '488d055b090000', // lea rax,[rip+0x95b]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '488d056a090000', // lea rax,[rip+0x96a]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '498d8700100100', // lea rax,[r15+0x11000]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '4c89ee', // mov rsi,r13
  // copy_argv:
  '48ad', // lods rax,QWORD PTR ds:[rsi]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '4885c0', // test rax,rax
  '75f7', // jne <copy_argv>
  '4889fd', // mov rbp,rdi
  '498d8700000500', // lea rax,[r15+0x50000]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '4c89f6', // mov rsi,r14
  // copy_env:
  '48ad', // lods rax,QWORD PTR ds:[rsi]
  '4885c0', // test rax,rax
  '7412', // je <env_done>
  '81384e4f4445', // cmp DWORD PTR [rax],0x45444f4e
  '7506', // jne <keep_env>
  '8078045f', // cmp BYTE PTR [rax+0x4],0x5f
  '74eb', // je <copy_env>
  // keep_env:
  '48ab', // stos QWORD PTR es:[rdi],rax
  'ebe7', // jmp <copy_env>
  // env_done:
  '48ab', // stos QWORD PTR es:[rdi],rax
  'e823080000', // call <node_path>
  // try_entry:
  'e843080000', // call <node_candidate>
  '4889f3', // mov rbx,rsi
  '498dbf00000200', // lea rdi,[r15+0x20000]
  '498db700001000', // lea rsi,[r15+0x100000]
  '4889ea', // mov rdx,rbp
  'b83b000000', // mov eax,0x3b
  '0f05', // syscall
  '4889de', // mov rsi,rbx
  '803e00', // cmp BYTE PTR [rsi],0x0
  '7405', // je <no_node>
  '48ffc6', // inc rsi
  'ebd3', // jmp <try_entry>
  // no_node:
  '488d3545090000', // lea rsi,[rip+0x945]
  'ba18000000', // mov edx,0x18
  'eb0c', // jmp <say_and_exit>
  // lost:
  '488d354f090000', // lea rsi,[rip+0x94f]
  'ba33000000', // mov edx,0x33
  // say_and_exit:
  'bf02000000', // mov edi,0x2
  'b801000000', // mov eax,0x1
  '0f05', // syscall
  'bf7f000000', // mov edi,0x7f
  'b8e7000000', // mov eax,0xe7
  '0f05', // syscall
  // fallback:
  '498b7f40', // mov rdi,QWORD PTR [r15+0x40]
  '48b87379737261792e73', // movabs rax,0x732e796172737973
  '488907', // mov QWORD PTR [rdi],rax
  '66c747086800', // mov WORD PTR [rdi+0x8],0x68
  '498dbf00100100', // lea rdi,[r15+0x11000]
  '4c89ee', // mov rsi,r13
  '4c89f2', // mov rdx,r14
  'b83b000000', // mov eax,0x3b
  '0f05', // syscall
  'ebaf', // jmp <lost>
  // child:
  '89df', // mov edi,ebx
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  // wait_byte:
  '89ef', // mov edi,ebp
  '498d773c', // lea rsi,[r15+0x3c]
  'ba01000000', // mov edx,0x1
  '31c0', // xor eax,eax
  '0f05', // syscall
  '4883f8fc', // cmp rax,0xfffffffffffffffc
  '74eb', // je <wait_byte>
  '4883f801', // cmp rax,0x1
  '0f85dc000000', // jne <quit>
  '41837f5000', // cmp DWORD PTR [r15+0x50],0x0
  '7430', // je <groups_done>
  '418b7f54', // mov edi,DWORD PTR [r15+0x54]
  '498b7758', // mov rsi,QWORD PTR [r15+0x58]
  'b874000000', // mov eax,0x74
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f85c9000000', // jne <no_cred>
  '418b7f68', // mov edi,DWORD PTR [r15+0x68]
  '418b776c', // mov esi,DWORD PTR [r15+0x6c]
  'b872000000', // mov eax,0x72
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f85b1000000', // jne <no_cred>
  // groups_done:
  '31db', // xor ebx,ebx
  '498b07', // mov rax,QWORD PTR [r15]
  '4885c0', // test rax,rax
  '7436', // je <uids>
  'a802', // test al,0x2
  '7419', // je <groups_done+0x27>
  'b89d000000', // mov eax,0x9d
  'bf26000000', // mov edi,0x26
  'be01000000', // mov esi,0x1
  '31d2', // xor edx,edx
  '4531d2', // xor r10d,r10d
  '4531c0', // xor r8d,r8d
  '0f05', // syscall
  'b83d010000', // mov eax,0x13d
  'bf01000000', // mov edi,0x1
  '31f6', // xor esi,esi
  '498d5708', // lea rdx,[r15+0x8]
  '0f05', // syscall
  '4885c0', // test rax,rax
  '7502', // jne <uids>
  'ffc3', // inc ebx
  // uids:
  '41837f5000', // cmp DWORD PTR [r15+0x50],0x0
  '7414', // je <uids_done>
  '418b7f60', // mov edi,DWORD PTR [r15+0x60]
  '418b7764', // mov esi,DWORD PTR [r15+0x64]
  'b871000000', // mov eax,0x71
  '0f05', // syscall
  '4885c0', // test rax,rax
  '7556', // jne <no_cred>
  // uids_done:
  '85db', // test ebx,ebx
  '7515', // jne <exec>
  // stop:
  'b827000000', // mov eax,0x27
  '0f05', // syscall
  '89c7', // mov edi,eax
  'be13000000', // mov esi,0x13
  'b83e000000', // mov eax,0x3e
  '0f05', // syscall
  // exec:
  '498b7720', // mov rsi,QWORD PTR [r15+0x20]
  '4885f6', // test rsi,rsi
  '7509', // jne <have_argv>
  '498b4748', // mov rax,QWORD PTR [r15+0x48]
  '498d74c500', // lea rsi,[r13+rax*8+0x0]
  // have_argv:
  '498b7f18', // mov rdi,QWORD PTR [r15+0x18]
  '4885ff', // test rdi,rdi
  '7503', // jne <have_path>
  '488b3e', // mov rdi,QWORD PTR [rsi]
  // have_path:
  '498b5728', // mov rdx,QWORD PTR [r15+0x28]
  '4885d2', // test rdx,rdx
  '7503', // jne <have_envp>
  '4c89f2', // mov rdx,r14
  // have_envp:
  'b83b000000', // mov eax,0x3b
  '0f05', // syscall
  // quit:
  'bf01000000', // mov edi,0x1
  'b8e7000000', // mov eax,0xe7
  '0f05', // syscall
  // no_cred:
  '488d3521080000', // lea rsi,[rip+0x821]
  'ba31000000', // mov edx,0x31
  'bf02000000', // mov edi,0x2
  'b801000000', // mov eax,0x1
  '0f05', // syscall
  'ebda', // jmp <quit>
  // early_plan:
  'bb01000000', // mov ebx,0x1
  '31ed', // xor ebp,ebp
  // e_loop:
  '4c39e3', // cmp rbx,r12
  '0f8316020000', // jae <e_no>
  '498b74dd00', // mov rsi,QWORD PTR [r13+rbx*8+0x0]
  '803e2d', // cmp BYTE PTR [rsi],0x2d
  '0f85b0010000', // jne <e_cmd>
  '807e0200', // cmp BYTE PTR [rsi+0x2],0x0
  '0f8561010000', // jne <e_flags>
  '66813e2d66', // cmp WORD PTR [rsi],0x662d
  '7514', // jne <e_not_f>
  'f7c501000000', // test ebp,0x1
  '0f85eb010000', // jne <e_no>
  '83cd01', // or ebp,0x1
  '48ffc3', // inc rbx
  'ebc4', // jmp <e_loop>
  // e_not_f:
  '66813e2d6f', // cmp WORD PTR [rsi],0x6f2d
  '0f8594000000', // jne <e_not_o>
  'f7c502000000', // test ebp,0x2
  '0f85cc010000', // jne <e_no>
  '83cd02', // or ebp,0x2
  '48ffc3', // inc rbx
  '4c39e3', // cmp rbx,r12
  '0f83bd010000', // jae <e_no>
  '498b7cdd00', // mov rdi,QWORD PTR [r13+rbx*8+0x0]
  '8a07', // mov al,BYTE PTR [rdi]
  '84c0', // test al,al
  '0f84ae010000', // je <e_no>
  '3c7c', // cmp al,0x7c
  '0f84a6010000', // je <e_no>
  '3c21', // cmp al,0x21
  '0f849e010000', // je <e_no>
  '4989f8', // mov r8,rdi
  '498db700400100', // lea rsi,[r15+0x14000]
  'b804000000', // mov eax,0x4
  '0f05', // syscall
  '4885c0', // test rax,rax
  '7517', // jne <e_o_open>
  '418b8718400100', // mov eax,DWORD PTR [r15+0x14018]
  '2500f00000', // and eax,0xf000
  '3d00100000', // cmp eax,0x1000
  '0f8471010000', // je <e_no>
  // e_o_open:
  '4c89c7', // mov rdi,r8
  'be41080800', // mov esi,0x80841
  'bab6010000', // mov edx,0x1b6
  'b802000000', // mov eax,0x2
  '0f05', // syscall
  '85c0', // test eax,eax
  '0f8855010000', // js <e_no>
  '89c7', // mov edi,eax
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  '48ffc3', // inc rbx
  'e925ffffff', // jmp <e_loop>
  // e_not_o:
  '66813e2d65', // cmp WORD PTR [rsi],0x652d
  '7551', // jne <e_not_e>
  'f7c504000000', // test ebp,0x4
  '0f8531010000', // jne <e_no>
  '83cd04', // or ebp,0x4
  '48ffc3', // inc rbx
  '4c39e3', // cmp rbx,r12
  '0f8322010000', // jae <e_no>
  '498b74dd00', // mov rsi,QWORD PTR [r13+rbx*8+0x0]
  '813e74726163', // cmp DWORD PTR [rsi],0x63617274
  '0f8511010000', // jne <e_no>
  '66817e04653d', // cmp WORD PTR [rsi+0x4],0x3d65
  '0f8505010000', // jne <e_no>
  '4883c606', // add rsi,0x6
  'e8ff000000', // call <e_list>
  '85c0', // test eax,eax
  '0f84f4000000', // je <e_no>
  '48ffc3', // inc rbx
  'e9cdfeffff', // jmp <e_loop>
  // e_not_e:
  '66813e2d73', // cmp WORD PTR [rsi],0x732d
  '7407', // je <e_number>
  '66813e2d61', // cmp WORD PTR [rsi],0x612d
  '7541', // jne <e_flags>
  // e_number:
  '48ffc3', // inc rbx
  '4c39e3', // cmp rbx,r12
  '0f83d2000000', // jae <e_no>
  '498b7cdd00', // mov rdi,QWORD PTR [r13+rbx*8+0x0]
  '31c9', // xor ecx,ecx
  // e_digit:
  '8a040f', // mov al,BYTE PTR [rdi+rcx*1]
  '84c0', // test al,al
  '7417', // je <e_digits_end>
  '2c30', // sub al,0x30
  '3c09', // cmp al,0x9
  '0f87ba000000', // ja <e_no>
  'ffc1', // inc ecx
  '83f909', // cmp ecx,0x9
  '0f87af000000', // ja <e_no>
  'ebe2', // jmp <e_digit>
  // e_digits_end:
  '85c9', // test ecx,ecx
  '0f84a5000000', // je <e_no>
  '48ffc3', // inc rbx
  'e97efeffff', // jmp <e_loop>
  // e_flags:
  '488d3dbf060000', // lea rdi,[rip+0x6bf]
  // e_flag:
  '803f00', // cmp BYTE PTR [rdi],0x0
  '740e', // je <e_flags_timed>
  'e8c1040000', // call <streq>
  '742a', // je <e_flag_ok>
  'e8b0040000', // call <skipstr>
  'ebed', // jmp <e_flag>
  // e_flags_timed:
  '48ffc7', // inc rdi
  '803f00', // cmp BYTE PTR [rdi],0x0
  '747b', // je <e_no>
  'e8ab040000', // call <streq>
  '750a', // jne <e_flags_timed_next>
  '41c7477c01000000', // mov DWORD PTR [r15+0x7c],0x1
  'eb0a', // jmp <e_flag_ok>
  // e_flags_timed_next:
  'e890040000', // call <skipstr>
  '48ffcf', // dec rdi
  'ebdd', // jmp <e_flags_timed>
  // e_flag_ok:
  '48ffc3', // inc rbx
  'e939feffff', // jmp <e_loop>
  // e_cmd:
  'f7c501000000', // test ebp,0x1
  '7450', // je <e_no>
  'f7c504000000', // test ebp,0x4
  '7448', // je <e_no>
  '418b4778', // mov eax,DWORD PTR [r15+0x78]
  '4123477c', // and eax,DWORD PTR [r15+0x7c]
  '753e', // jne <e_no>
  'e841020000', // call <e_node>
  '85c0', // test eax,eax
  '7435', // je <e_no>
  '49895f48', // mov QWORD PTR [r15+0x48],rbx
  '498b74dd00', // mov rsi,QWORD PTR [r13+rbx*8+0x0]
  'e80f010000', // call <e_resolve>
  '85c0', // test eax,eax
  '7423', // je <e_no>
  'e860020000', // call <e_filter>
  'b86b000000', // mov eax,0x6b
  '0f05', // syscall
  'b901000000', // mov ecx,0x1
  '85c0', // test eax,eax
  '7405', // je <e_root>
  'b903000000', // mov ecx,0x3
  // e_root:
  '49890f', // mov QWORD PTR [r15],rcx
  'b801000000', // mov eax,0x1
  'c3', // ret
  // e_no:
  '31c0', // xor eax,eax
  'c3', // ret
  // e_list:
  '498dbf00200100', // lea rdi,[r15+0x12000]
  '31c0', // xor eax,eax
  'b908000000', // mov ecx,0x8
  'f348ab', // rep stos QWORD PTR es:[rdi],rax
  '4c8d1d40060000', // lea r11,[rip+0x640]
  // e_tok:
  '4889f2', // mov rdx,rsi
  // e_tok_end:
  '8a06', // mov al,BYTE PTR [rsi]
  '84c0', // test al,al
  '7409', // je <e_tok_have>
  '3c2c', // cmp al,0x2c
  '7405', // je <e_tok_have>
  '48ffc6', // inc rsi
  'ebf1', // jmp <e_tok_end>
  // e_tok_have:
  '4889f1', // mov rcx,rsi
  '4829d1', // sub rcx,rdx
  '0f84ac000000', // je <e_list_no>
  '498dbbc8000000', // lea rdi,[r11+0xc8]
  // e_ent:
  '440fb607', // movzx r8d,BYTE PTR [rdi]
  '4585c0', // test r8d,r8d
  '0f8498000000', // je <e_list_no>
  '4939c8', // cmp r8,rcx
  '753d', // jne <e_ent_next>
  '4531c9', // xor r9d,r9d
  // e_cmp:
  '428a040a', // mov al,BYTE PTR [rdx+r9*1]
  '423a440f01', // cmp al,BYTE PTR [rdi+r9*1+0x1]
  '752f', // jne <e_ent_next>
  '49ffc1', // inc r9
  '4939c9', // cmp r9,rcx
  '72ed', // jb <e_cmp>
  '4e8d4c0701', // lea r9,[rdi+r8*1+0x1]
  '4531d2', // xor r10d,r10d
  // e_or:
  '4b8b04d1', // mov rax,QWORD PTR [r9+r10*8]
  '4b0984d700200100', // or QWORD PTR [r15+r10*8+0x12000],rax
  '49ffc2', // inc r10
  '4983fa08', // cmp r10,0x8
  '72eb', // jb <e_or>
  '803e00', // cmp BYTE PTR [rsi],0x0
  '740c', // je <e_list_check>
  '48ffc6', // inc rsi
  'eb8c', // jmp <e_tok>
  // e_ent_next:
  '4a8d7c0741', // lea rdi,[rdi+r8*1+0x41]
  'ebaa', // jmp <e_ent>
  // e_list_check:
  '4531d2', // xor r10d,r10d
  '4531c0', // xor r8d,r8d
  // e_chk:
  '4b8b84d700200100', // mov rax,QWORD PTR [r15+r10*8+0x12000]
  '4b8584d388000000', // test QWORD PTR [r11+r10*8+0x88],rax
  '7408', // je <e_chk_shown>
  '41c7477801000000', // mov DWORD PTR [r15+0x78],0x1
  // e_chk_shown:
  '4889c1', // mov rcx,rax
  '48f7d1', // not rcx
  '4b234cd348', // and rcx,QWORD PTR [r11+r10*8+0x48]
  '4909c8', // or r8,rcx
  '4b0b44d308', // or rax,QWORD PTR [r11+r10*8+0x8]
  '4b8984d700200100', // mov QWORD PTR [r15+r10*8+0x12000],rax
  '49ffc2', // inc r10
  '4983fa08', // cmp r10,0x8
  '72c2', // jb <e_chk>
  '4d85c0', // test r8,r8
  '7406', // je <e_list_no>
  'b801000000', // mov eax,0x1
  'c3', // ret
  // e_list_no:
  '31c0', // xor eax,eax
  'c3', // ret
  // e_resolve:
  '4889f7', // mov rdi,rsi
  // e_slash:
  '8a07', // mov al,BYTE PTR [rdi]
  '84c0', // test al,al
  '7431', // je <e_search>
  '3c2f', // cmp al,0x2f
  '7405', // je <e_as_is>
  '48ffc7', // inc rdi
  'ebf1', // jmp <e_slash>
  // e_as_is:
  '4889f7', // mov rdi,rsi
  '498db700400100', // lea rsi,[r15+0x14000]
  'b804000000', // mov eax,0x4
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f85f1000000', // jne <e_res_no>
  '49c7471800000000', // mov QWORD PTR [r15+0x18],0x0
  'b801000000', // mov eax,0x1
  'c3', // ret
  // e_search:
  '4989f0', // mov r8,rsi
  '4d89f1', // mov r9,r14
  // e_find_path:
  '498b01', // mov rax,QWORD PTR [r9]
  '4983c108', // add r9,0x8
  '4885c0', // test rax,rax
  '0f84cd000000', // je <e_res_no>
  '813850415448', // cmp DWORD PTR [rax],0x48544150
  '75e8', // jne <e_find_path>
  '8078043d', // cmp BYTE PTR [rax+0x4],0x3d
  '75e2', // jne <e_find_path>
  '4c8d4805', // lea r9,[rax+0x5]
  '41803900', // cmp BYTE PTR [r9],0x0
  '0f84b1000000', // je <e_res_no>
  // e_entry:
  '498dbf00300100', // lea rdi,[r15+0x13000]
  '4d8d97a03f0100', // lea r10,[r15+0x13fa0]
  // e_copy:
  '418a01', // mov al,BYTE PTR [r9]
  '84c0', // test al,al
  '7417', // je <e_copied>
  '3c3a', // cmp al,0x3a
  '7413', // je <e_copied>
  '4c39d7', // cmp rdi,r10
  '0f838f000000', // jae <e_res_no>
  '8807', // mov BYTE PTR [rdi],al
  '48ffc7', // inc rdi
  '49ffc1', // inc r9
  'ebe2', // jmp <e_copy>
  // e_copied:
  '498d8700300100', // lea rax,[r15+0x13000]
  '4839c7', // cmp rdi,rax
  '7479', // je <e_res_no>
  '807fff2f', // cmp BYTE PTR [rdi-0x1],0x2f
  '7406', // je <e_cat_start>
  'c6072f', // mov BYTE PTR [rdi],0x2f
  '48ffc7', // inc rdi
  // e_cat_start:
  '4c89c6', // mov rsi,r8
  // e_cat:
  '4c39d7', // cmp rdi,r10
  '7365', // jae <e_res_no>
  '8a06', // mov al,BYTE PTR [rsi]
  '8807', // mov BYTE PTR [rdi],al
  '48ffc6', // inc rsi
  '48ffc7', // inc rdi
  '84c0', // test al,al
  '75ed', // jne <e_cat>
  '498dbf00300100', // lea rdi,[r15+0x13000]
  '498db700400100', // lea rsi,[r15+0x14000]
  'b804000000', // mov eax,0x4
  '0f05', // syscall
  '4885c0', // test rax,rax
  '752f', // jne <e_next_entry>
  '418b8718400100', // mov eax,DWORD PTR [r15+0x14018]
  '89c1', // mov ecx,eax
  '81e100f00000', // and ecx,0xf000
  '81f900800000', // cmp ecx,0x8000
  '7518', // jne <e_next_entry>
  'a949000000', // test eax,0x49
  '7411', // je <e_next_entry>
  '498d8700300100', // lea rax,[r15+0x13000]
  '49894718', // mov QWORD PTR [r15+0x18],rax
  'b801000000', // mov eax,0x1
  'c3', // ret
  // e_next_entry:
  '41803900', // cmp BYTE PTR [r9],0x0
  '7408', // je <e_res_no>
  '49ffc1', // inc r9
  'e94fffffff', // jmp <e_entry>
  // e_res_no:
  '31c0', // xor eax,eax
  'c3', // ret
  // e_node:
  'e83a020000', // call <node_path>
  // e_node_try:
  'e85a020000', // call <node_candidate>
  '4989f1', // mov r9,rsi
  '498dbf00000200', // lea rdi,[r15+0x20000]
  'be01000000', // mov esi,0x1
  'b815000000', // mov eax,0x15
  '0f05', // syscall
  '4885c0', // test rax,rax
  '740c', // je <e_node_yes>
  '41803900', // cmp BYTE PTR [r9],0x0
  '740c', // je <e_node_no>
  '498d7101', // lea rsi,[r9+0x1]
  'ebd4', // jmp <e_node_try>
  // e_node_yes:
  'b801000000', // mov eax,0x1
  'c3', // ret
  // e_node_no:
  '31c0', // xor eax,eax
  'c3', // ret
  // e_filter:
  '498dbf00010000', // lea rdi,[r15+0x100]
  '4c8d1d0b040000', // lea r11,[rip+0x40b]
  '458b03', // mov r8d,DWORD PTR [r11]
  '48b82000000004000000', // movabs rax,0x400000020
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b8150001003e0000c0', // movabs rax,0xc000003e00010015
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b8060000000000f07f', // movabs rax,0x7ff0000000000006
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48c7c020000000', // mov rax,0x20
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b83500000100000040', // movabs rax,0x4000000001000035
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b8060000000000f07f', // movabs rax,0x7ff0000000000006
  '48ab', // stos QWORD PTR es:[rdi],rax
  '4c89c0', // mov rax,r8
  '48c1e020', // shl rax,0x20
  '480d35000001', // or rax,0x1000035
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b8060000000000f07f', // movabs rax,0x7ff0000000000006
  '48ab', // stos QWORD PTR es:[rdi],rax
  '31c9', // xor ecx,ecx
  // e_rng:
  '4439c1', // cmp ecx,r8d
  '7368', // jae <e_rng_done>
  '490fa38f00200100', // bt QWORD PTR [r15+0x12000],rcx
  '735a', // jae <e_rng_skip>
  '89ca', // mov edx,ecx
  // e_rng_run:
  'ffc1', // inc ecx
  '4439c1', // cmp ecx,r8d
  '730a', // jae <e_rng_end>
  '490fa38f00200100', // bt QWORD PTR [r15+0x12000],rcx
  '72ef', // jb <e_rng_run>
  // e_rng_end:
  '8d41ff', // lea eax,[rcx-0x1]
  '39d0', // cmp eax,edx
  '7511', // jne <e_rng_two>
  '4889d0', // mov rax,rdx
  '48c1e020', // shl rax,0x20
  '480d15000001', // or rax,0x1000015
  '48ab', // stos QWORD PTR es:[rdi],rax
  'eb21', // jmp <e_rng_ret>
  // e_rng_two:
  '4989c1', // mov r9,rax
  '4889d0', // mov rax,rdx
  '48c1e020', // shl rax,0x20
  '480d35000002', // or rax,0x2000035
  '48ab', // stos QWORD PTR es:[rdi],rax
  '4c89c8', // mov rax,r9
  '48c1e020', // shl rax,0x20
  '480d25000100', // or rax,0x10025
  '48ab', // stos QWORD PTR es:[rdi],rax
  // e_rng_ret:
  '48b8060000000000f07f', // movabs rax,0x7ff0000000000006
  '48ab', // stos QWORD PTR es:[rdi],rax
  'eb97', // jmp <e_rng>
  // e_rng_skip:
  'ffc1', // inc ecx
  'eb93', // jmp <e_rng>
  // e_rng_done:
  '48b8060000000000ff7f', // movabs rax,0x7fff000000000006
  '48ab', // stos QWORD PTR es:[rdi],rax
  '498d8700010000', // lea rax,[r15+0x100]
  '4889f9', // mov rcx,rdi
  '4829c1', // sub rcx,rax
  '48c1e903', // shr rcx,0x3
  '6641894f08', // mov WORD PTR [r15+0x8],cx
  '49894710', // mov QWORD PTR [r15+0x10],rax
  'c3', // ret
  // early_release:
  'b865000000', // mov eax,0x65
  'bf06420000', // mov edi,0x4206
  '418b7738', // mov esi,DWORD PTR [r15+0x38]
  '31d2', // xor edx,edx
  '41badf001000', // mov r10d,0x1000df
  '0f05', // syscall
  '4885c0', // test rax,rax
  '7544', // jne <er_not_seized>
  '41c6473c01', // mov BYTE PTR [r15+0x3c],0x1
  '418b7f34', // mov edi,DWORD PTR [r15+0x34]
  '498d773c', // lea rsi,[r15+0x3c]
  'ba01000000', // mov edx,0x1
  'b801000000', // mov eax,0x1
  '0f05', // syscall
  '4883f801', // cmp rax,0x1
  '752b', // jne <er_gone>
  'e857000000', // call <er_wait>
  '3d05070000', // cmp eax,0x705
  '751f', // jne <er_gone>
  'e87f000000', // call <er_cont>
  'e846000000', // call <er_wait>
  '3d05040000', // cmp eax,0x405
  '750e', // jne <er_gone>
  'e86e000000', // call <er_cont>
  '31c0', // xor eax,eax
  'c3', // ret
  // er_not_seized:
  'b801000000', // mov eax,0x1
  'c3', // ret
  // er_gone:
  'e860000000', // call <er_cont>
  '418b7f38', // mov edi,DWORD PTR [r15+0x38]
  'be09000000', // mov esi,0x9
  'b83e000000', // mov eax,0x3e
  '0f05', // syscall
  // er_reap:
  'e817000000', // call <er_wait>
  '83f8ff', // cmp eax,0xffffffff
  '740c', // je <er_reaped>
  '83f800', // cmp eax,0x0
  '7c07', // jl <er_reaped>
  'e83c000000', // call <er_cont>
  'ebea', // jmp <er_reap>
  // er_reaped:
  'b802000000', // mov eax,0x2
  'c3', // ret
  // er_wait:
  '418b7f38', // mov edi,DWORD PTR [r15+0x38]
  '498d7774', // lea rsi,[r15+0x74]
  'ba00000040', // mov edx,0x40000000
  '4531d2', // xor r10d,r10d
  'b83d000000', // mov eax,0x3d
  '0f05', // syscall
  '4883f8fc', // cmp rax,0xfffffffffffffffc
  '74e3', // je <er_wait>
  '4885c0', // test rax,rax
  '7e0c', // jle <er_wait_gone>
  '418b4774', // mov eax,DWORD PTR [r15+0x74]
  '3c7f', // cmp al,0x7f
  '7504', // jne <er_wait_gone>
  'c1e808', // shr eax,0x8
  'c3', // ret
  // er_wait_gone:
  'b8ffffffff', // mov eax,0xffffffff
  'c3', // ret
  // er_cont:
  'b865000000', // mov eax,0x65
  'bf07000000', // mov edi,0x7
  '418b7738', // mov esi,DWORD PTR [r15+0x38]
  '31d2', // xor edx,edx
  '4531d2', // xor r10d,r10d
  '0f05', // syscall
  'c3', // ret
  // skipstr:
  '48ffc7', // inc rdi
  '807fff00', // cmp BYTE PTR [rdi-0x1],0x0
  '75f7', // jne <skipstr>
  'c3', // ret
  // streq:
  '31c9', // xor ecx,ecx
  // streq_next:
  '8a040e', // mov al,BYTE PTR [rsi+rcx*1]
  '3a040f', // cmp al,BYTE PTR [rdi+rcx*1]
  '7507', // jne <streq_done>
  '48ffc1', // inc rcx
  '84c0', // test al,al
  '75f1', // jne <streq_next>
  // streq_done:
  'c3', // ret
  // node_path:
  '4c89f6', // mov rsi,r14
  // node_path_next:
  '48ad', // lods rax,QWORD PTR ds:[rsi]
  '4885c0', // test rax,rax
  '7413', // je <node_path_default>
  '813850415448', // cmp DWORD PTR [rax],0x48544150
  '75f1', // jne <node_path_next>
  '8078043d', // cmp BYTE PTR [rax+0x4],0x3d
  '75eb', // jne <node_path_next>
  '488d7005', // lea rsi,[rax+0x5]
  'c3', // ret
  // node_path_default:
  '488d35f5000000', // lea rsi,[rip+0xf5]
  'c3', // ret
  // node_candidate:
  '498dbf00000200', // lea rdi,[r15+0x20000]
  // node_candidate_copy:
  '8a06', // mov al,BYTE PTR [rsi]
  '84c0', // test al,al
  '740e', // je <node_candidate_end>
  '3c3a', // cmp al,0x3a
  '740a', // je <node_candidate_end>
  '8807', // mov BYTE PTR [rdi],al
  '48ffc6', // inc rsi
  '48ffc7', // inc rdi
  'ebec', // jmp <node_candidate_copy>
  // node_candidate_end:
  '498d8f00000200', // lea rcx,[r15+0x20000]
  '4839cf', // cmp rdi,rcx
  '7406', // je <node_candidate_bare>
  'c6072f', // mov BYTE PTR [rdi],0x2f
  '48ffc7', // inc rdi
  // node_candidate_bare:
  'c7076e6f6465', // mov DWORD PTR [rdi],0x65646f6e
  'c6470400', // mov BYTE PTR [rdi+0x4],0x0
  'c3', // ret
  // above2:
  '8b3b', // mov edi,DWORD PTR [rbx]
  '83ff03', // cmp edi,0x3
  '731c', // jae <above2_done>
  'be06040000', // mov esi,0x406
  'ba03000000', // mov edx,0x3
  'b848000000', // mov eax,0x48
  '0f05', // syscall
  '8b3b', // mov edi,DWORD PTR [rbx]
  '8903', // mov DWORD PTR [rbx],eax
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  // above2_done:
  'c3', // ret
  // hexbyte:
  '89c2', // mov edx,eax
  'c1ea04', // shr edx,0x4
  '410fb61411', // movzx edx,BYTE PTR [r9+rdx*1]
  '8817', // mov BYTE PTR [rdi],dl
  '83e00f', // and eax,0xf
  '410fb60401', // movzx eax,BYTE PTR [r9+rax*1]
  '884701', // mov BYTE PTR [rdi+0x1],al
  '4883c702', // add rdi,0x2
  'c3', // ret
  // decimal:
  '4883c70a', // add rdi,0xa
  '4989f8', // mov r8,rdi
  'b90a000000', // mov ecx,0xa
  '41b90a000000', // mov r9d,0xa
  // decimal_digit:
  '31d2', // xor edx,edx
  '41f7f1', // div r9d
  '80c230', // add dl,0x30
  '48ffcf', // dec rdi
  '8817', // mov BYTE PTR [rdi],dl
  'ffc9', // dec ecx
  '75ef', // jne <decimal_digit>
  '4c89c7', // mov rdi,r8
  'c3', // ret
  // strings: ["/proc/self/exe","node","--v8-pool-size=1","--min-semi-space-size=4","--max-semi-space-size=4","/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","sysray: node: not found\nsysray: cannot find its own files (/proc/self/exe)\nsysray: cannot take on the -u user's credentials\n0123456789abcdef-q","-qq","-y","-yy","-x","-xx","-n","-t","-tt","-ttt","-T","-v","-i","-r"]
  '2f70726f632f73656c662f657865006e6f6465002d2d76382d706f6f6c2d73697a653d31002d2d6d696e2d73656d692d73706163652d73697a653d34002d2d6d61782d73656d692d73706163652d73697a653d34002f7573722f6c6f63616c2f7362696e3a2f7573722f6c6f63616c2f62696e3a2f7573722f7362696e3a2f7573722f62696e3a2f7362696e3a2f62696e007379737261793a206e6f64653a206e6f7420666f756e640a7379737261793a2063616e6e6f742066696e6420697473206f776e2066696c657320282f70726f632f73656c662f657865290a7379737261793a2063616e6e6f742074616b65206f6e20746865202d75207573657227732063726564656e7469616c730a303132333435363738396162636465662d71002d7171002d79002d7979002d78002d7878002d6e00002d74002d7474002d747474002d54002d76002d69002d720000',
  // END launcher code
];

export function launcherCode(): Buffer {
  return Buffer.from(X86_64_LAUNCHER.join(''), 'hex');
}

/** The executable the build installs as bin/sysray on x86_64: the code, then its early_table. */
export function launcherImage(): Buffer {
  return staticElf(62, Buffer.concat([launcherCode(), earlyTable(X86_64)]), LAUNCH_DATA, LAUNCH_DATA_SIZE);
}

/**
 * The ptrace options the launcher seizes a command it starts itself with (launcher.S,
 * early_release): -f's, with TRACESECCOMP and EXITKILL.
 */
export const LAUNCHER_PTRACE_OPTIONS = 0x1000df;

/** The syscall numbers a map of the early start holds (bit n of byte n/8). */
const MAP_BYTES = 64;
const mapOf = (nrs: Iterable<number>): Buffer => {
  const b = Buffer.alloc(MAP_BYTES);
  for (const nr of nrs) {
    if (nr >= MAP_BYTES * 8) throw new RangeError(`early table: syscall ${nr} does not fit`);
    b[nr >> 3]! |= 1 << (nr & 7);
  }
  return b;
};

/**
 * The table the launcher reads to start a filtered trace before Node (launcher.S, early_plan), made
 * by sysray's own expression parser so that the two cannot disagree: the table's size; the numbers
 * always traced (no row, unknown to strace 6.1, or strace's seccomp defaults); those strace 6.1
 * knows; the seccomp defaults (execve, execveat: a trace that shows them has Node print the
 * command's execve from what the launcher passes); then every name and class `-e trace=` takes for
 * this table's own personality, with its numbers.
 */
export function earlyTable(t: ArchTable): Buffer {
  const rows = t.rows;
  const always: number[] = [], known: number[] = [], forbid: number[] = [];
  for (let nr = 0; nr < rows.length; nr++) {
    const r = rows[nr];
    const dflt = r?.classes.includes('seccomp_default') ?? false;
    if (!r || !isKnownToStrace61(t, nr) || dflt) always.push(nr);
    if (r && isKnownToStrace61(t, nr)) known.push(nr);
    if (dflt) forbid.push(nr);
  }
  const head = Buffer.alloc(8);
  head.writeUInt32LE(rows.length, 0);
  const entries: Buffer[] = [];
  const tokens = [...rows.flatMap((r) => (r && isKnownToStrace61(t, r.nr) ? [r.name] : [])), ...Object.keys(SYSCALL_CLASSES).filter((c) => c !== 'all')];
  for (const tok of tokens) {
    const set = new SyscallSet();
    qualifySyscalls(tok, set, t);
    const name = Buffer.from(tok, 'latin1');
    entries.push(Buffer.of(name.length), name, mapOf(set.nrs));
  }
  return Buffer.concat([head, mapOf(always), mapOf(known), mapOf(forbid), ...entries, Buffer.of(0)]);
}

/**
 * The child the launcher forked, and the write end of the pipe it waits on. `running`: the launcher
 * started the command itself (early_plan): it runs under a filter stopping these syscalls (a map,
 * bit n of byte n/8), past its execve.
 */
export interface Launched {
  pid: number;
  wfd: number;
  running?: Buffer;
  /** With `running`, when the trace shows execve: what that execve got (its line is Node's to print). */
  execve?: LaunchedExecve;
}

/** The started command's execve: the pathname, the envp pointer and how many variables it held. */
export interface LaunchedExecve {
  path: Buffer;
  envp: bigint;
  vars: number;
}

/**
 * SYSRAY_LAUNCHED as the launcher writes it: `<pid>,<fd>`, ten digits each; then `,R<map in hex>`
 * if it started the command, and `,E<envp, 16 hex digits>,<count, 10 digits>,<pathname in hex>`
 * if the trace shows that execve.
 */
export function parseLaunched(v: string | undefined): Launched | undefined {
  const m = /^(\d+),(\d+)(?:,R([0-9a-f]{128})(?:,E([0-9a-f]{16}),(\d{10}),((?:[0-9a-f]{2})+))?)?$/.exec(v ?? '');
  if (!m) return undefined;
  const pid = Number(m[1]), wfd = Number(m[2]);
  if (!(pid > 0 && wfd > 2)) return undefined;
  const execve = m[4] ? { path: Buffer.from(m[6]!, 'hex'), envp: BigInt('0x' + m[4]), vars: Number(m[5]) } : undefined;
  return { pid, wfd, ...(m[3] ? { running: Buffer.from(m[3], 'hex') } : {}), ...(execve ? { execve } : {}) };
}

/** What the child does once released. Strings are byte strings (latin1). */
export interface Plan {
  /** The pathname to exec; undefined: the argv[0] it execs with. */
  path?: string;
  /**
   * The command's argv; or, as a number, the index in the launcher's own argv where it starts: the
   * bytes exactly as the caller gave them (Node's copy of the arguments is decoded as UTF-8).
   */
  argv: string[] | number;
  /** undefined: the caller's environment, which the child still has. */
  envp?: string[];
  /** A BPF program to install first (struct sock_filter array), and whether PR_SET_NO_NEW_PRIVS must go before it. */
  filter?: Buffer;
  noNewPrivs?: boolean;
  /** -u: the credentials to take on before the execve (groups and gids before the filter, uids after). */
  creds?: Credentials;
}

/** A user's credentials, as strace's -u sets them: setgroups, setregid, setreuid. */
export interface Credentials {
  groups: number[];
  ruid: number;
  euid: number;
  rgid: number;
  egid: number;
}

/**
 * The plan as the two blocks to write into the child: `head` at LAUNCH_DATA, `strings` at
 * LAUNCH_DATA + 0x100000. Undefined if it does not fit (more than execve would take anyway).
 */
export function planBlocks(p: Plan): { head: Buffer; strings: Buffer } | undefined {
  // the seccomp word, sock_fprog and filter (launcher.S: SCWORD, FPROG), or zeros: no filter
  const head = p.filter ? filterBlock(p.filter, LAUNCH_DATA, FILTER, p.noNewPrivs ?? false) : Buffer.alloc(FILTER);
  if (typeof p.argv === 'number') head.writeBigUInt64LE(BigInt(p.argv), ARGIDX);
  // pointer arrays first (with the head field that points at each), then the strings
  const arrays: [number, string[]][] = [];
  if (typeof p.argv !== 'number') arrays.push([ARGVP, p.argv]);
  if (p.envp) arrays.push([ENVPP, p.envp]);
  const bytes = (x: string): Buffer => Buffer.from(x, 'latin1');
  const path = p.path !== undefined ? bytes(p.path) : undefined;
  const lists = arrays.map(([, l]) => l.map(bytes));
  const groups = p.creds?.groups ?? [];
  let size = arrays.reduce((n, [, l]) => n + (l.length + 1) * 8, 0) + groups.length * 4;
  for (const b of [...(path ? [path] : []), ...lists.flat()]) size += b.length + 1;
  if (STRINGS + size > LAUNCH_DATA_SIZE) return undefined;
  const strings = Buffer.alloc(size);
  const base = LAUNCH_DATA + BigInt(STRINGS);
  let at = arrays.reduce((n, [, l]) => n + (l.length + 1) * 8, 0);
  if (p.creds) {
    const c = p.creds;
    head.writeUInt32LE(1, CRED);
    head.writeUInt32LE(groups.length, NGROUPS);
    head.writeBigUInt64LE(base + BigInt(at), GROUPSP);
    groups.forEach((g, i) => strings.writeUInt32LE(g >>> 0, at + i * 4));
    at += groups.length * 4;
    head.writeUInt32LE(c.ruid >>> 0, RUID);
    head.writeUInt32LE(c.euid >>> 0, EUID);
    head.writeUInt32LE(c.rgid >>> 0, RGID);
    head.writeUInt32LE(c.egid >>> 0, EGID);
  }
  const put = (b: Buffer): bigint => {
    strings.set(b, at);
    const addr = base + BigInt(at);
    at += b.length + 1;
    return addr;
  };
  if (path) head.writeBigUInt64LE(put(path), PATHP);
  let ptr = 0;
  arrays.forEach(([field], i) => {
    head.writeBigUInt64LE(base + BigInt(ptr), field);
    for (const b of lists[i]!) {
      strings.writeBigUInt64LE(put(b), ptr);
      ptr += 8;
    }
    ptr += 8; // NULL
  });
  return { head, strings };
}

/** Write the plan into the (seized) child and release it. False if the plan could not be written. */
export function releaseWithPlan(l: Launched, p: Plan): boolean {
  const b = planBlocks(p);
  if (!b || !writeTraceeMemory(l.pid, LAUNCH_DATA, b.head) || !writeTraceeMemory(l.pid, LAUNCH_DATA + BigInt(STRINGS), b.strings)) return false;
  const ok = writeSync(l.wfd, Buffer.of(1)) === 1;
  closeSync(l.wfd);
  return ok;
}

/** Not needed (no command, or it cannot be run): the child reads end of file and exits; reap it. */
export function dismiss(l: Launched): void {
  try {
    closeSync(l.wfd);
  } catch {
    /* already closed */
  }
  raw.waitpid(l.pid, [0], 0);
}
