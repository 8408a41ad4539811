/**
 * bin/sysray on x86_64: a small static executable (its source is launcher.S, next to this file) that
 * forks the command's process before Node starts, then execs Node. The child waits on a pipe with
 * the caller's exact state (environment, signals, fds, umask); the tracer seizes it, writes its plan
 * here (`planBlocks`: pathname, argv, envp, seccomp filter, -u's credentials) into the child's data
 * area, and releases it with one byte. Elsewhere the build installs bin/sysray.sh, the shell
 * launcher, instead.
 */
import { closeSync, writeSync } from 'node:fs';
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

/** x86_64 machine code, one instruction a row (hex), then its strings. */
const X86_64_LAUNCHER: string[] = [
  // BEGIN launcher code (scripts/launcher-table.mjs)
  // _start:
  '4c8b2424', // mov r12,QWORD PTR [rsp]
  '4c8d6c2408', // lea r13,[rsp+0x8]
  '4f8d74e508', // lea r14,[r13+r12*8+0x8]
  '41bf00008000', // mov r15d,0x800000
  '488d3dac030000', // lea rdi,[rip+0x3ac]
  '498db700100100', // lea rsi,[r15+0x11000]
  'baa00f0000', // mov edx,0xfa0
  'b859000000', // mov eax,0x59
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f8ec6010000', // jle <lost>
  '483da00f0000', // cmp rax,0xfa0
  '0f83ba010000', // jae <lost>
  '498dbc0700100100', // lea rdi,[r15+rax*1+0x11000]
  // find_slash:
  '48ffcf', // dec rdi
  '803f2f', // cmp BYTE PTR [rdi],0x2f
  '75f8', // jne <find_slash>
  '48ffc7', // inc rdi
  '49897f40', // mov QWORD PTR [r15+0x40],rdi
  '498d7f30', // lea rdi,[r15+0x30]
  'be00000800', // mov esi,0x80000
  'b825010000', // mov eax,0x125
  '0f05', // syscall
  '85c0', // test eax,eax
  '0f85af010000', // jne <fallback>
  '498d5f30', // lea rbx,[r15+0x30]
  'e801030000', // call <above2>
  '498d5f34', // lea rbx,[r15+0x34]
  'e8f8020000', // call <above2>
  'b839000000', // mov eax,0x39
  '0f05', // syscall
  '4885c0', // test rax,rax
  '0f888d010000', // js <fallback>
  '0f84b4010000', // je <child>
  '41894738', // mov DWORD PTR [r15+0x38],eax
  '418b7f30', // mov edi,DWORD PTR [r15+0x30]
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  '418b7f34', // mov edi,DWORD PTR [r15+0x34]
  'be02000000', // mov esi,0x2
  '31d2', // xor edx,edx
  'b848000000', // mov eax,0x48
  '0f05', // syscall
  '498b7f40', // mov rdi,QWORD PTR [r15+0x40]
  '48b8626f6f742e636a73', // movabs rax,0x736a632e746f6f62
  '488907', // mov QWORD PTR [rdi],rax
  'c6470800', // mov BYTE PTR [rdi+0x8],0x0
  '498dbf00000100', // lea rdi,[r15+0x10000]
  '48b85359535241595f4c', // movabs rax,0x4c5f594152535953
  '48ab', // stos QWORD PTR es:[rdi],rax
  '48b841554e434845443d', // movabs rax,0x3d444548434e5541
  '48ab', // stos QWORD PTR es:[rdi],rax
  '418b4738', // mov eax,DWORD PTR [r15+0x38]
  'e8a8020000', // call <decimal>
  'c6072c', // mov BYTE PTR [rdi],0x2c
  '48ffc7', // inc rdi
  '418b4734', // mov eax,DWORD PTR [r15+0x34]
  'e899020000', // call <decimal>
  'c60700', // mov BYTE PTR [rdi],0x0
  '498dbf00001000', // lea rdi,[r15+0x100000]
  '488d05be020000', // lea rax,[rip+0x2be]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '488d05ba020000', // lea rax,[rip+0x2ba]
  '48ab', // stos QWORD PTR es:[rdi],rax
  '488d05c2020000', // lea rax,[rip+0x2c2]
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
  '498d8700000100', // lea rax,[r15+0x10000]
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
  '4c89f6', // mov rsi,r14
  // find_path:
  '48ad', // lods rax,QWORD PTR ds:[rsi]
  '4885c0', // test rax,rax
  '7414', // je <default_path>
  '813850415448', // cmp DWORD PTR [rax],0x48544150
  '75f1', // jne <find_path>
  '8078043d', // cmp BYTE PTR [rax+0x4],0x3d
  '75eb', // jne <find_path>
  '488d7005', // lea rsi,[rax+0x5]
  'eb07', // jmp <try_entry>
  // default_path:
  '488d3574020000', // lea rsi,[rip+0x274]
  // try_entry:
  '498dbf00000200', // lea rdi,[r15+0x20000]
  // copy_entry:
  '8a06', // mov al,BYTE PTR [rsi]
  '84c0', // test al,al
  '740e', // je <entry_end>
  '3c3a', // cmp al,0x3a
  '740a', // je <entry_end>
  '8807', // mov BYTE PTR [rdi],al
  '48ffc6', // inc rsi
  '48ffc7', // inc rdi
  'ebec', // jmp <copy_entry>
  // entry_end:
  '4889f3', // mov rbx,rsi
  '498d8f00000200', // lea rcx,[r15+0x20000]
  '4839cf', // cmp rdi,rcx
  '7406', // je <no_slash>
  'c6072f', // mov BYTE PTR [rdi],0x2f
  '48ffc7', // inc rdi
  // no_slash:
  'c7076e6f6465', // mov DWORD PTR [rdi],0x65646f6e
  'c6470400', // mov BYTE PTR [rdi+0x4],0x0
  '498dbf00000200', // lea rdi,[r15+0x20000]
  '498db700001000', // lea rsi,[r15+0x100000]
  '4889ea', // mov rdx,rbp
  'b83b000000', // mov eax,0x3b
  '0f05', // syscall
  '4889de', // mov rsi,rbx
  '803e00', // cmp BYTE PTR [rsi],0x0
  '7405', // je <no_node>
  '48ffc6', // inc rsi
  'eba1', // jmp <try_entry>
  // no_node:
  '488d354b020000', // lea rsi,[rip+0x24b]
  'ba18000000', // mov edx,0x18
  'eb0c', // jmp <say_and_exit>
  // lost:
  '488d3555020000', // lea rsi,[rip+0x255]
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
  '418b7f34', // mov edi,DWORD PTR [r15+0x34]
  'b803000000', // mov eax,0x3
  '0f05', // syscall
  // wait_byte:
  '418b7f30', // mov edi,DWORD PTR [r15+0x30]
  '498d773c', // lea rsi,[r15+0x3c]
  'ba01000000', // mov edx,0x1
  '31c0', // xor eax,eax
  '0f05', // syscall
  '4883f8fc', // cmp rax,0xfffffffffffffffc
  '74e9', // je <wait_byte>
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
  '7419', // je <filter>
  'b89d000000', // mov eax,0x9d
  'bf26000000', // mov edi,0x26
  'be01000000', // mov esi,0x1
  '31d2', // xor edx,edx
  '4531d2', // xor r10d,r10d
  '4531c0', // xor r8d,r8d
  '0f05', // syscall
  // filter:
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
  '488d3523010000', // lea rsi,[rip+0x123]
  'ba31000000', // mov edx,0x31
  'bf02000000', // mov edi,0x2
  'b801000000', // mov eax,0x1
  '0f05', // syscall
  'ebda', // jmp <quit>
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
  // strings: ["/proc/self/exe","node","--v8-pool-size=1","--min-semi-space-size=4","/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","sysray: node: not found\nsysray: cannot find its own files (/proc/self/exe)\nsysray: cannot take on the -u user's credentials\n"]
  '2f70726f632f73656c662f657865006e6f6465002d2d76382d706f6f6c2d73697a653d31002d2d6d696e2d73656d692d73706163652d73697a653d34002f7573722f6c6f63616c2f7362696e3a2f7573722f6c6f63616c2f62696e3a2f7573722f7362696e3a2f7573722f62696e3a2f7362696e3a2f62696e007379737261793a206e6f64653a206e6f7420666f756e640a7379737261793a2063616e6e6f742066696e6420697473206f776e2066696c657320282f70726f632f73656c662f657865290a7379737261793a2063616e6e6f742074616b65206f6e20746865202d75207573657227732063726564656e7469616c730a',
  // END launcher code
];

export function launcherCode(): Buffer {
  return Buffer.from(X86_64_LAUNCHER.join(''), 'hex');
}

/** The executable the build installs as bin/sysray on x86_64. */
export function launcherImage(): Buffer {
  return staticElf(62, launcherCode(), LAUNCH_DATA, LAUNCH_DATA_SIZE);
}

/** The child the launcher forked, and the write end of the pipe it waits on. */
export interface Launched {
  pid: number;
  wfd: number;
}

/** SYSRAY_LAUNCHED as the launcher writes it: `<pid>,<fd>`, ten digits each. */
export function parseLaunched(v: string | undefined): Launched | undefined {
  const m = /^(\d+),(\d+)$/.exec(v ?? '');
  if (!m) return undefined;
  const pid = Number(m[1]), wfd = Number(m[2]);
  return pid > 0 && wfd > 2 ? { pid, wfd } : undefined;
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
