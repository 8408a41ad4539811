/**
 * seccomp-bpf acceleration: a classic-BPF program that returns SECCOMP_RET_TRACE for the syscalls
 * being traced (and for anything unexpected: another arch, x32 numbers, numbers past the table)
 * and SECCOMP_RET_ALLOW for the rest, so untraced syscalls never stop the tracee.
 */

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JGT_K = 0x25;
const BPF_RET_K = 0x06;
export const SECCOMP_RET_TRACE = 0x7ff00000;
export const SECCOMP_RET_ALLOW = 0x7fff0000;
const X32_SYSCALL_BIT = 0x40000000;
/** Offsets in struct seccomp_data. */
const NR = 0, ARCH = 4;
const MAX_INSNS = 4096;

type Insn = [code: number, jt: number, jf: number, k: number];

/** Ranges [from, to] of consecutive numbers for which `traced` holds, below `limit`. */
function ranges(limit: number, traced: (nr: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let nr = 0; nr < limit; nr++) {
    if (!traced(nr)) continue;
    const last = out.at(-1);
    if (last && last[1] === nr - 1) last[1] = nr;
    else out.push([nr, nr]);
  }
  return out;
}

/**
 * The filter for one arch: `limit` is the first number past the syscall table. Returns the
 * instructions as the kernel's struct sock_filter array, or undefined if it would be too long.
 */
export function buildFilter(auditArch: number, limit: number, traced: (nr: number) => boolean): Buffer | undefined {
  const p: Insn[] = [
    [BPF_LD_W_ABS, 0, 0, ARCH],
    [BPF_JEQ_K, 1, 0, auditArch],
    [BPF_RET_K, 0, 0, SECCOMP_RET_TRACE],
    [BPF_LD_W_ABS, 0, 0, NR],
    [BPF_JGE_K, 0, 1, X32_SYSCALL_BIT],
    [BPF_RET_K, 0, 0, SECCOMP_RET_TRACE],
    [BPF_JGE_K, 0, 1, limit],
    [BPF_RET_K, 0, 0, SECCOMP_RET_TRACE],
  ];
  for (const [a, b] of ranges(limit, traced)) {
    if (a === b) p.push([BPF_JEQ_K, 0, 1, a], [BPF_RET_K, 0, 0, SECCOMP_RET_TRACE]);
    else p.push([BPF_JGE_K, 0, 2, a], [BPF_JGT_K, 1, 0, b], [BPF_RET_K, 0, 0, SECCOMP_RET_TRACE]);
  }
  p.push([BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW]);
  if (p.length > MAX_INSNS) return undefined;
  const buf = Buffer.alloc(p.length * 8);
  p.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}

/** The block's offsets, by the names shim.S and launcher.S give them in their .equ lines. */
export const FILTER_BLOCK = { SCWORD: 0, FPROG: 8 } as const;

/**
 * What the exec shim and the launcher's child read before installing a filter, at `base` in their
 * data area: a word (bit 0: install; bit 1: PR_SET_NO_NEW_PRIVS first, needed unless privileged, as
 * strace does), a struct sock_fprog at +8, and the instructions at `at` (an offset from `base`).
 */
export function filterBlock(filter: Buffer, base: bigint, at: number, noNewPrivs: boolean): Buffer {
  const b = Buffer.alloc(at + filter.length);
  b.writeBigUInt64LE(noNewPrivs ? 3n : 1n, FILTER_BLOCK.SCWORD);
  b.writeUInt16LE(filter.length / 8, FILTER_BLOCK.FPROG);
  b.writeBigUInt64LE(base + BigInt(at), FILTER_BLOCK.FPROG + 8); // sock_fprog.filter
  filter.copy(b, at);
  return b;
}

/** Run a filter on one syscall, as the kernel would (for tests). */
export function runFilter(prog: Buffer, arch: number, nr: number): number {
  let acc = 0;
  for (let pc = 0; pc < prog.length / 8; pc++) {
    const code = prog.readUInt16LE(pc * 8), jt = prog[pc * 8 + 2]!, jf = prog[pc * 8 + 3]!;
    const k = prog.readUInt32LE(pc * 8 + 4);
    switch (code) {
      case BPF_LD_W_ABS: acc = k === ARCH ? arch >>> 0 : k === NR ? nr >>> 0 : 0; break;
      case BPF_JEQ_K: pc += acc === k ? jt : jf; break;
      case BPF_JGE_K: pc += acc >= k ? jt : jf; break;
      case BPF_JGT_K: pc += acc > k ? jt : jf; break;
      case BPF_RET_K: return k;
      default: throw new Error(`bad BPF opcode ${code}`);
    }
  }
  throw new Error('BPF program fell off its end');
}
