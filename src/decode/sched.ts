/** Decoders of sched_getattr/sched_setattr and struct sched_attr (strace's sched.c). */
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


// ================================================================ added: sched_attr

const SCHED_ATTR_SIZE = 56;
const SCHED_ATTR_MIN_SIZE = 48;
const SCHED_FLAG_KEEP_POLICY = 0x08n, SCHED_FLAG_KEEP_PARAMS = 0x10n;

/**
 * struct sched_attr (print_sched_attr): `usize` is sched_getattr's size argument, 0 for
 * sched_setattr (whose size comes from the struct itself).
 */
function schedAttrAt(c: Ctx, a: bigint, usize: number, exiting: boolean): Value {
  if (a === 0n || !c.opt.verbose || (exiting && c.err)) return addr(a);
  const isSet = usize === 0;
  let size: number;
  let b: Uint8Array;
  if (!isSet) {
    const n = Math.min(usize, SCHED_ATTR_SIZE);
    const r = c.mem.read(a, n);
    if (!r) return badPtr(a);
    b = new Uint8Array(SCHED_ATTR_SIZE);
    b.set(r);
    size = rd.u32(b, 0);
  } else {
    const h = c.mem.read(a, 4);
    if (!h) return badPtr(a);
    usize = rd.u32(h, 0) || SCHED_ATTR_MIN_SIZE;
    size = Math.min(usize, SCHED_ATTR_SIZE);
    b = new Uint8Array(SCHED_ATTR_SIZE);
    b.set(h);
    if (size >= SCHED_ATTR_MIN_SIZE) {
      const r = c.mem.read(a, size);
      if (!r) return badPtr(a);
      b.set(r);
    }
  }
  const f: Field[] = [field('size', uint(rd.u32(b, 0)))];
  if (size >= SCHED_ATTR_MIN_SIZE) {
    const policy = rd.u32(b, 4);
    const flags = rd.u64(b, 8);
    if (!isSet || policy >= 0x80000000 || !(flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)))
      f.push(field('sched_policy', xval(SCHEDULERS, BigInt(policy), 'SCHED_???')));
    f.push(field('sched_flags', xflags64(SCHED_FLAGS, flags, 'SCHED_FLAG_???')));
    if (!isSet || !(flags & SCHED_FLAG_KEEP_PARAMS)) {
      f.push(
        field('sched_nice', int(rd.s32(b, 16))), field('sched_priority', uint(rd.u32(b, 20))),
        field('sched_runtime', uint(rd.u64(b, 24))), field('sched_deadline', uint(rd.u64(b, 32))),
        field('sched_period', uint(rd.u64(b, 40))),
      );
    }
    if (size >= SCHED_ATTR_SIZE) f.push(field('sched_util_min', uint(rd.u32(b, 48))), field('sched_util_max', uint(rd.u32(b, 52))));
  }
  return struct(f, (isSet ? usize : rd.u32(b, 0)) > size);
}

export const E2BIG = 7;

const schedAttrDecoders: Record<string, SyscallDecoder> = {
  sched_getattr: sig([
    P,
    {
      exit: (c) => {
        const size = Number(BigInt.asUintN(32, c.args[2]!));
        return size ? schedAttrAt(c, c.args[1]!, size, true) : addr(c.args[1]!);
      },
    },
    { exit: (c, i) => uint(BigInt.asUintN(32, c.args[i]!)) },
    { exit: (c, i) => uint(BigInt.asUintN(32, c.args[i]!)) },
  ]),
  /** The struct is read at entry; on E2BIG the exit adds ` => {size=N}` (the size the kernel wants). */
  sched_setattr: {
    entry: (c) => {
      c.state.attr = schedAttrAt(c, c.args[1]!, 0, false);
      return [pidV(c, c.args[0]!)];
    },
    exit: (c) => {
      let attr = c.state.attr as Value;
      if (c.opt.verbose && c.err === E2BIG) {
        const b = c.mem.read(c.args[1]!, 4);
        if (b) attr = { k: 'inout', in: attr, out: struct([field('size', uint(rd.u32(b, 0)))]) };
      }
      return [attr, uint(BigInt.asUintN(32, c.args[2]!))];
    },
  },
};

export { schedAttrDecoders as decoders };
