/**
 * Constant tables of BPF programs (strace's xlat/bpf_*.in, ebpf_*.in, seccomp_ret_action.in,
 * skf_ad.in), for the one printer of classic and extended BPF instructions (decode/bpf_filter.ts).
 */
import { indexed, xlat } from './core.js';

/** xlat/bpf_class.in */
export const BPF_CLASS = indexed([
  'BPF_LD', 'BPF_LDX', 'BPF_ST', 'BPF_STX', 'BPF_ALU', 'BPF_JMP', 'BPF_RET', 'BPF_MISC',
]);

/** xlat/bpf_size.in */
export const BPF_SIZE = xlat(() => [[0, 'BPF_W'], [8, 'BPF_H'], [0x10, 'BPF_B'], [0x18, 'BPF_DW']]);

/** xlat/bpf_mode.in */
export const BPF_MODE = xlat(() => [
  [0, 'BPF_IMM'], [0x20, 'BPF_ABS'], [0x40, 'BPF_IND'], [0x60, 'BPF_MEM'], [0x80, 'BPF_LEN'], [0xa0, 'BPF_MSH'],
  [0xc0, 'BPF_XADD'],
]);

/** xlat/bpf_miscop.in */
export const BPF_MISCOP = xlat(() => [[0, 'BPF_TAX'], [0x80, 'BPF_TXA']]);

/** xlat/bpf_src.in */
export const BPF_SRC = xlat(() => [[0, 'BPF_K'], [8, 'BPF_X']]);

/** xlat/bpf_op_alu.in */
export const BPF_OP_ALU = xlat(() => [
  [0, 'BPF_ADD'], [0x10, 'BPF_SUB'], [0x20, 'BPF_MUL'], [0x30, 'BPF_DIV'], [0x40, 'BPF_OR'], [0x50, 'BPF_AND'],
  [0x60, 'BPF_LSH'], [0x70, 'BPF_RSH'], [0x80, 'BPF_NEG'], [0x90, 'BPF_MOD'], [0xa0, 'BPF_XOR'], [0xb0, 'BPF_MOV'],
  [0xc0, 'BPF_ARSH'], [0xd0, 'BPF_END'],
]);

/** xlat/bpf_op_jmp.in */
export const BPF_OP_JMP = xlat(() => [
  [0, 'BPF_JA'], [0x10, 'BPF_JEQ'], [0x20, 'BPF_JGT'], [0x30, 'BPF_JGE'], [0x40, 'BPF_JSET'], [0x50, 'BPF_JNE'],
  [0x60, 'BPF_JSGT'], [0x70, 'BPF_JSGE'], [0x80, 'BPF_CALL'], [0x90, 'BPF_EXIT'], [0xa0, 'BPF_JLT'],
  [0xb0, 'BPF_JLE'], [0xc0, 'BPF_JSLT'], [0xd0, 'BPF_JSLE'],
]);

/** xlat/bpf_rval.in */
export const BPF_RVAL = xlat(() => [[0, 'BPF_K'], [8, 'BPF_X'], [0x10, 'BPF_A']]);

export const EBPF_CLASS = xlat(() => [
  [0, 'BPF_LD'], [1, 'BPF_LDX'], [2, 'BPF_ST'], [3, 'BPF_STX'], [4, 'BPF_ALU'], [5, 'BPF_JMP'], [6, 'BPF_JMP32'],
  [7, 'BPF_ALU64'],
]);

export const EBPF_MODE = xlat(() => [
  [0, 'BPF_IMM'], [0x20, 'BPF_ABS'], [0x40, 'BPF_IND'], [0x60, 'BPF_MEM'], [0xc0, 'BPF_XADD'],
]);

export const EBPF_REGS = xlat(Array.from({ length: 11 }, (_, i) => [i, `BPF_REG_${i}`] as const));

export const SECCOMP_RET_ACTIONS = xlat(() => [
  [0, 'SECCOMP_RET_KILL_THREAD'], [0x80000000, 'SECCOMP_RET_KILL_PROCESS'], [0x00030000, 'SECCOMP_RET_TRAP'],
  [0x00050000, 'SECCOMP_RET_ERRNO'], [0x7fc00000, 'SECCOMP_RET_USER_NOTIF'], [0x7ff00000, 'SECCOMP_RET_TRACE'],
  [0x7ffc0000, 'SECCOMP_RET_LOG'], [0x7fff0000, 'SECCOMP_RET_ALLOW'],
]);

/** SKF_AD_*: ancillary data offsets after SKF_AD_OFF. */
export const SKF_AD = xlat(() => [
  [0, 'SKF_AD_PROTOCOL'], [4, 'SKF_AD_PKTTYPE'], [8, 'SKF_AD_IFINDEX'], [12, 'SKF_AD_NLATTR'], [16, 'SKF_AD_NLATTR_NEST'],
  [20, 'SKF_AD_MARK'], [24, 'SKF_AD_QUEUE'], [28, 'SKF_AD_HATYPE'], [32, 'SKF_AD_RXHASH'], [36, 'SKF_AD_CPU'],
  [40, 'SKF_AD_ALU_XOR_X'], [44, 'SKF_AD_VLAN_TAG'], [48, 'SKF_AD_VLAN_TAG_PRESENT'], [52, 'SKF_AD_PAY_OFFSET'],
  [56, 'SKF_AD_RANDOM'], [60, 'SKF_AD_VLAN_TPID'],
]);
