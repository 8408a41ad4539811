/**
 * Leaving at once. When a process exits, the kernel frees its memory before its parent hears of
 * the exit; for Node (some 40 MB of touched pages, several threads) that takes about 5 ms on these
 * machines, and whoever waits for sysray waits for it too. So sysray's last act is to start a
 * helper that shares its memory (clone with CLONE_VM) and waits, in read(), on a pipe whose write
 * end only sysray holds. sysray's exit then merely drops its hold on the memory; its parent hears
 * of it at once; the kernel closes the pipe as sysray's last thread goes, the helper reads EOF and
 * exits, and the memory is freed then, in the helper.
 *
 * The helper is a few x86_64 instructions in a page of their own (`flag` → { ready, rfd, byte }):
 *   close_range(0, rfd - 1, 0); close_range(rfd + 1, ~0U, 0);   // holds no fd of the caller's
 *   flag->ready = 1;
 *   while (read(rfd, &flag->byte, 1) == -EINTR) {}
 *   exit(0);
 * It runs with every signal blocked. sysray waits (yielding, at most 50 ms) for `ready`, so the helper
 * holds no pipe of the caller's when sysray exits. Anything unexpected (another architecture, no
 * executable page, clone refused) simply exits the plain way.
 */
import { bufferAddress as addressOf, libc, raw } from './libc.js';

const X86_64_HELPER: number[][] = [
  [0xf3, 0x0f, 0x1e, 0xfa], //          endbr64
  [0x49, 0x89, 0xfc], //                mov  r12, rdi              the flag block
  [0x31, 0xff], //                      xor  edi, edi
  [0x41, 0x8b, 0x74, 0x24, 0x04], //    mov  esi, [r12+4]          rfd
  [0xff, 0xce], //                      dec  esi
  [0x31, 0xd2], //                      xor  edx, edx
  [0xb8, 0xb4, 0x01, 0, 0], //          mov  eax, 436 (close_range)
  [0x0f, 0x05], //                      syscall
  [0x41, 0x8b, 0x7c, 0x24, 0x04], //    mov  edi, [r12+4]
  [0xff, 0xc7], //                      inc  edi
  [0xbe, 0xff, 0xff, 0xff, 0xff], //    mov  esi, 0xffffffff
  [0x31, 0xd2], //                      xor  edx, edx
  [0xb8, 0xb4, 0x01, 0, 0], //          mov  eax, 436 (close_range)
  [0x0f, 0x05], //                      syscall
  [0x41, 0xc7, 0x04, 0x24, 1, 0, 0, 0], // mov dword [r12], 1      ready
  [0x41, 0x8b, 0x7c, 0x24, 0x04], //    loop: mov edi, [r12+4]
  [0x49, 0x8d, 0x74, 0x24, 0x08], //    lea  rsi, [r12+8]
  [0xba, 0x01, 0, 0, 0], //             mov  edx, 1
  [0x31, 0xc0], //                      xor  eax, eax (read)
  [0x0f, 0x05], //                      syscall
  [0x48, 0x83, 0xf8, 0xfc], //          cmp  rax, -4 (EINTR)
  [0x74, 0xe7], //                      je   loop (-25)
  [0x31, 0xff], //                      xor  edi, edi
  [0xb8, 0x3c, 0, 0, 0], //             mov  eax, 60 (exit)
  [0x0f, 0x05], //                      syscall
];

const PAGE = 4096;
const CLONE_VM = 0x100;
const SIGCHLD = 17;
const PROT_READ_EXEC = 5;
const SYS_MPROTECT = 10;
const SYS_PIPE2 = 293;
const SYS_SCHED_YIELD = 24;
const SIG_SETMASK = 2;

/** Reachable until the process is gone: the helper runs in these. */
const keep: Buffer[] = [];

/** The helper's machine code, for tests. */
export function helperCode(): Buffer {
  return Buffer.from(X86_64_HELPER.flat());
}

/**
 * Start the helper. Returns its pid once it is ready (sharing this process's memory, holding none
 * of its fds but the pipe), or 0 if it could not be started.
 */
export function startMemoryHolder(): number {
  if (process.arch !== 'x64' || process.platform !== 'linux') return 0;
  const fds = Buffer.alloc(8);
  if ((raw.syscall6(SYS_PIPE2, addressOf(fds), 0n, 0n, 0n, 0n, 0n) as number) !== 0) return 0;
  const rfd = fds.readInt32LE(0);
  if (rfd < 1) return 0;
  // the code: a page-aligned page inside a buffer of our own, made read+exec
  const codeBuf = Buffer.alloc(PAGE * 2);
  const base = addressOf(codeBuf);
  const page = (base + BigInt(PAGE - 1)) & ~BigInt(PAGE - 1);
  codeBuf.set(helperCode(), Number(page - base));
  if ((raw.syscall6(SYS_MPROTECT, page, BigInt(PAGE), BigInt(PROT_READ_EXEC), 0n, 0n, 0n) as number) !== 0) return 0;
  const flag = Buffer.alloc(16);
  flag.writeInt32LE(rfd, 4);
  const stack = Buffer.alloc(16384);
  const top = (addressOf(stack) + BigInt(stack.length)) & ~15n;
  keep.push(fds, codeBuf, flag, stack);
  // the helper starts with every signal blocked (it inherits this mask); sysray is leaving anyway
  raw.sigprocmask(SIG_SETMASK, Buffer.alloc(128, 0xff), null);
  const clone = libc.func('int clone(uint64_t fn, uint64_t stack, int flags, uint64_t arg)');
  const pid = clone(page, top, CLONE_VM | SIGCHLD, addressOf(flag)) as number;
  if (pid <= 0) return 0;
  // it is ready within microseconds, unless every CPU is busy: then yield to it, for up to 50 ms
  const until = process.hrtime.bigint() + 50_000_000n;
  while (flag.readInt32LE(0) !== 1) {
    if (process.hrtime.bigint() > until) return 0;
    raw.syscall6(SYS_SCHED_YIELD, 0n, 0n, 0n, 0n, 0n, 0n);
  }
  return pid;
}

/** _exit(code), having first handed the freeing of this process's memory to a helper. */
export function exitNow(code: number): never {
  try {
    startMemoryHolder();
  } catch {
    // exit the plain way
  }
  raw._exit(code);
  throw new Error('_exit returned');
}
