/** Decoders of capget/capset (strace's capability.c) and seccomp(2) (seccomp.c). */
import { NATIVE, tableForAudit } from '../arch/index.js';
import { A, addr, buf, cstr, fd, hexv, localArray, path, R, rd, sig, sint, slong, symOf, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import { array, badPtr, call, field, hex, int, join, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, xlat } from './xlat/core.js';
import { signame } from './xlat/signals.js';
import {
  AT_FLAGS, CLONE_FLAGS, CLOCK_IDS, CSIGNAL, PRCTL_OPTIONS, WAIT_OPTIONS, WAITID_TYPES, ARCH_PRCTL_CODES,
} from './xlat/tables.js';
import {
  AUDIT_ARCHES, CAPS, CAP_MASK0, CAP_MASK1, CAP_VERSIONS, CLONE3_FLAGS, PIDFD_OPEN_FLAGS, PR_CAP_AMBIENT, PR_DUMPABLE,
  PR_FP_MODE, PR_MCE_KILL, PR_MCE_KILL_POLICY, PR_SET_MM, PR_SET_VMA, PR_SPEC_CMDS, PR_SPEC_GET_FLAGS,
  PR_SPEC_SET_FLAGS, PR_TSC, PR_UNALIGN, PTRACE_EVENTS, SCHEDULERS, SECBITS, SECCOMP_FILTER_FLAGS, SECCOMP_MODES,
  SECCOMP_OPS, SECCOMP_RET_ACTIONS,
} from './xlat/more.js';
import {
  BPF_ATTACH_FLAGS, BPF_ATTACH_TYPES, BPF_CLASS, BPF_CMDS, BPF_FILE_MODE_FLAGS, BPF_KPROBE_MULTI_FLAGS,
  BPF_LOOKUP_FLAGS, BPF_MAP_FLAGS, BPF_MAP_TYPES, BPF_MISCOP, BPF_MODE, BPF_OP_ALU, BPF_OP_JMP, BPF_PROG_FLAGS,
  BPF_PROG_TYPES, BPF_QUERY_FLAGS, BPF_RVAL, BPF_SIZE, BPF_SRC, BPF_TASK_FD_TYPES, BPF_TEST_RUN_FLAGS,
  BPF_UPDATE_FLAGS, DELETE_MODULE_FLAGS, EBPF_CLASS, EBPF_MODE, EBPF_REGS, FUTEX_WAITER_FLAGS, HW_BREAKPOINT_TYPES,
  IOPRIO_CLASS, IOPRIO_WHO, KCMP_TYPES, KEXEC_ARCHES, KEXEC_FILE_LOAD_FLAGS, KEXEC_LOAD_FLAGS, KEYCTL_CAPS0,
  KEYCTL_CAPS1, KEYCTL_CMDS, KEYCTL_MOVE_FLAGS, KEYCTL_PKEY_OPS, KEY_PERMS, KEY_REQKEYS, KEY_SPEC, MODULE_INIT_FLAGS,
  NT_TYPES, PERF_ATTR_SIZES, PERF_BRANCH_SAMPLE_TYPES, PERF_HW_CACHE_IDS, PERF_HW_CACHE_OP_IDS,
  PERF_HW_CACHE_RESULT_IDS, PERF_HW_IDS, PERF_OPEN_FLAGS, PERF_READ_FORMAT, PERF_SAMPLE_FORMAT, PERF_SW_IDS,
  PERF_TYPES, PIDTYPES, PR_MTE_TCF, PR_PAC_ALL_KEYS, PR_PAC_KEYS, PR_SCHED_CORE_CMDS, PR_SME_VL_FLAGS,
  PR_SVE_VL_FLAGS, PSI_OPS, PTRACE_CMDS, PTRACE_OPTIONS, PTRACE_PEEKSIGINFO_FLAGS, REBOOT_CMDS, REBOOT_MAGIC1,
  REBOOT_MAGIC2, SCHED_FLAGS,
} from './xlat/proc.js';
import { errnoName } from './xlat/errno.js';
import {
  fetch, flagsText, idV, ifindexV, named, NULL, numAt, P, PGRP, pidOrGroupV, pidV, PTID, printArray, ptrAt, rusageAt, sigsetAt, sigV, timespecAt,
  withAux, X, xflags32, xflags64, xval, xval64,
} from './printers.js';
import { decodeSiginfo, siginfoAt } from './signal.js';
import { fprogAt } from './bpf_filter.js';


// ---------------------------------------------------------------- capabilities, seccomp

/** The header of capget/capset, or null when it cannot be read. */
function capHeader(c: Ctx, a: bigint): { version: number; pid: number } | null {
  if (a === 0n || !c.opt.verbose) return null;
  const b = c.mem.read(a, 8);
  return b ? { version: rd.u32(b, 0), pid: rd.s32(b, 4) } : null;
}

const capHeaderV = (c: Ctx, a: bigint, h: { version: number; pid: number } | null): Value =>
  !h ? addr(a) : struct([
    field('version', xval(CAP_VERSIONS, BigInt(h.version), '_LINUX_CAPABILITY_VERSION_???')),
    field('pid', pidV(c, h.pid)),
  ]);

function capBits(lo: number, hi: number): Value {
  const parts: Value[] = [];
  if (lo || !hi) parts.push(xflags(CAP_MASK0, BigInt(lo), 'CAP_???'));
  if (hi) parts.push(xflags(CAP_MASK1, BigInt(hi), 'CAP_???'));
  return parts.length === 1 ? parts[0]! : join('|', ...parts);
}

function capData(c: Ctx, a: bigint, h: { version: number; pid: number } | null): Value {
  if (a === 0n || !h) return addr(a);
  const n = h.version === 0x20071026 || h.version === 0x20080522 ? 2 : 1;
  const b = c.mem.read(a, 12 * n);
  if (!b) return { k: 'ptr', v: a, bad: true };
  const w = (i: number, k: number): number => (i < n ? rd.u32(b, i * 12 + k * 4) : 0);
  return struct(['effective', 'permitted', 'inheritable'].map((name, k) => field(name, capBits(w(0, k), w(1, k)))));
}

const capDecoders: Record<string, SyscallDecoder> = {
  capget: {
    entry: (c) => [capHeaderV(c, c.args[0]!, capHeader(c, c.args[0]!))],
    exit: (c) => [capData(c, c.args[1]!, c.err ? null : capHeader(c, c.args[0]!))],
  },
  capset: sig([
    (c, i) => capHeaderV(c, c.args[i]!, capHeader(c, c.args[i]!)),
    (c, i) => capData(c, c.args[i]!, capHeader(c, c.args[0]!)),
  ]),
  seccomp: {
    entry: (c) => {
      const op = BigInt.asUintN(32, c.args[0]!);
      const head = xval(SECCOMP_OPS, op, 'SECCOMP_SET_MODE_???');
      const fl = BigInt.asUintN(32, c.args[1]!);
      switch (op) {
        case 2n:
          return [head, hexv(fl), fetch(c, c.args[2]!, 4, (b) => array([xval(SECCOMP_RET_ACTIONS, BigInt(rd.u32(b, 0)), 'SECCOMP_RET_???')]))];
        case 3n:
          return [head, hexv(fl)];
        case 1n:
          return [head, xflags(SECCOMP_FILTER_FLAGS, fl, 'SECCOMP_FILTER_FLAG_???'), fprogAt(c, c.args[2]!, true)];
        default:
          return [head, hexv(fl), addr(c.args[2]!)];
      }
    },
    needsExit: (c) => BigInt.asUintN(32, c.args[0]!) === 3n,
    exit: (c) => (BigInt.asUintN(32, c.args[0]!) === 3n
      ? [fetch(c, c.args[2]!, 6, (b) => struct([
        field('seccomp_notif', uint(rd.u16(b, 0))), field('seccomp_notif_resp', uint(rd.u16(b, 2))),
        field('seccomp_data', uint(rd.u16(b, 4))),
      ]), true)]
      : []),
  },
};

export { capDecoders as decoders };
