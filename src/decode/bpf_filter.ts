/**
 * Classic BPF programs (seccomp filters, SO_ATTACH_FILTER) and eBPF instructions (strace's
 * bpf_filter.c): the one printer both kinds of filter and bpf(2) use.
 */
import { addr, rd } from './args.js';
import type { Ctx } from './types.js';
import { call, field, hex, int, join, note, struct, uint, type Value } from './value.js';
import { symbol, xlat } from './xlat/core.js';
import {
  BPF_CLASS, BPF_MISCOP, BPF_MODE, BPF_OP_ALU, BPF_OP_JMP, BPF_RVAL, BPF_SIZE, BPF_SRC, EBPF_CLASS, EBPF_MODE,
  EBPF_REGS, SECCOMP_RET_ACTIONS, SKF_AD,
} from './xlat/bpf_filter.js';
import { fetch, printArray, xval } from './printers.js';


/**
 * Whose program it is, which decides how an instruction's k prints: a seccomp filter's return
 * values by name, a socket filter's special load offsets (SKF_AD_OFF+…).
 */
export type FilterKind = 'seccomp' | 'socket';

/** struct sock_fprog: `{len=N, filter=0x…}`; with -v the filter's instructions. */
export const fprogAt = (c: Ctx, a: bigint, kind: FilterKind): Value =>
  fetch(c, a, 16, (b) => struct([
    field('len', uint(rd.u16(b, 0))),
    field('filter', bpfProg(c, rd.u64(b, 8), rd.u16(b, 0), kind)),
  ]));

const BPF_MAXINSNS = 4096;


/**
 * A BPF opcode: `BPF_LD|BPF_W|BPF_ABS` (print_bpf_filter_code); `extended` for eBPF (JMP32, ALU64,
 * sized stores).
 */
function bpfCode(code: number, extended = false): Value {
  const cls = code & 7;
  const parts: Value[] = [xval(extended ? EBPF_CLASS : BPF_CLASS, BigInt(cls), 'BPF_???')];
  const odd = (i: number): void => {
    if (i) parts.push(note(hex(i), 'BPF_???'));
  };
  const ldst = (): void => {
    parts.push(xval(BPF_SIZE, BigInt(code & 0x18), 'BPF_???'), xval(extended ? EBPF_MODE : BPF_MODE, BigInt(code & 0xe0), 'BPF_???'));
  };
  const op = (x: ReturnType<typeof xlat>): void => {
    parts.push(xval(BPF_SRC, BigInt(code & 8), 'BPF_???'), xval(x, BigInt(code & 0xf0), 'BPF_???'));
  };
  switch (cls) {
    case 0: case 1: // BPF_LD, BPF_LDX
      ldst();
      break;
    case 2: case 3: // BPF_ST, BPF_STX
      if (extended) ldst();
      else odd(code & ~7);
      break;
    case 4: // BPF_ALU
      op(BPF_OP_ALU);
      break;
    case 5: // BPF_JMP
      op(BPF_OP_JMP);
      break;
    case 6: // BPF_RET (BPF_JMP32 in eBPF)
      if (!extended) {
        parts.push(xval(BPF_RVAL, BigInt(code & 0x18), 'BPF_???'));
        odd(code & ~7 & ~0x18);
      } else odd(code & ~7);
      break;
    default: // BPF_MISC (BPF_ALU64 in eBPF)
      if (extended) op(BPF_OP_ALU);
      else {
        parts.push(xval(BPF_MISCOP, BigInt(code & 0xf8), 'BPF_???'));
        odd(code & ~0xff);
      }
  }
  return join('|', ...parts);
}

/** One struct bpf_insn: `{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}`. */
export const ebpfInsn = (b: Uint8Array, i: number): Value | null => (i >= BPF_MAXINSNS ? null : struct([
  field('code', bpfCode(b[0]!, true)),
  field('dst_reg', xval(EBPF_REGS, BigInt(b[1]! & 0xf), 'BPF_REG_???')),
  field('src_reg', xval(EBPF_REGS, BigInt(b[1]! >> 4), 'BPF_REG_???')),
  field('off', int(rd.u16(b, 2) << 16 >> 16)),
  field('imm', hex(rd.u32(b, 4))),
]));

/** A seccomp filter's return value: `SECCOMP_RET_ERRNO|0x26`. */
function seccompRet(k: number): Value {
  const action = k & 0xffff0000;
  const data = k & ~action;
  const a = xval(SECCOMP_RET_ACTIONS, BigInt(action >>> 0), 'SECCOMP_RET_???');
  return data ? join('|', a, hex(data)) : a;
}

const SKF_AD_OFF = 0x100000000 - 0x1000, SKF_NET_OFF = 0x100000000 - 0x100000, SKF_LL_OFF = 0x100000000 - 0x200000;

/** A special offset as a constant: -X raw prints its number. */
const skfOff = (name: string, v: number): Value => ({ k: 'sym', name, v: BigInt(v), fmt: 'x' });

/** A socket filter's k: loads from the special offsets by name (print_sock_filter_k). */
function sockFilterK(code: number, k: number): Value {
  if ((code & 7) === 0 && (code & 0xe0) === 0x20) {
    if (k >= SKF_AD_OFF) return join('+', skfOff('SKF_AD_OFF', SKF_AD_OFF), symbol(SKF_AD, BigInt(k - SKF_AD_OFF), 'x', 'SKF_AD_???'));
    if (k >= SKF_NET_OFF) return join('+', skfOff('SKF_NET_OFF', SKF_NET_OFF), uint(k - SKF_NET_OFF));
    if (k >= SKF_LL_OFF) return join('+', skfOff('SKF_LL_OFF', SKF_LL_OFF), uint(k - SKF_LL_OFF));
  }
  return hex(k);
}

/** One struct sock_filter: `BPF_STMT(code, k)` or `BPF_JUMP(code, k, jt, jf)`. */
const bpfInsn = (kind: FilterKind) => (b: Uint8Array, i: number): Value | null => {
  if (i >= BPF_MAXINSNS) return null;
  const code = rd.u16(b, 0), jt = b[2]!, jf = b[3]!, k = rd.u32(b, 4);
  if (jt || jf) return call('BPF_JUMP', bpfCode(code), hex(k), hex(jt), hex(jf));
  return call('BPF_STMT', bpfCode(code), kind === 'socket' ? sockFilterK(code, k) : (code & 7) === 6 ? seccompRet(k) : hex(k));
};

/** print_bpf_fprog: the address with abbrev, else the instructions. */
export const bpfProg = (c: Ctx, a: bigint, len: number, kind: FilterKind): Value =>
  (c.opt.abbrev ? addr(a) : printArray(c, a, len, 8, bpfInsn(kind), { stopMore: true }));
