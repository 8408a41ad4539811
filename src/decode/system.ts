/** Decoders of calls about the system and other processes: I/O priorities, kcmp, reboot, kexec, modules. */
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
import { cstrN } from './prctl.js';


// ================================================================ added: ioprio, kcmp, reboot, modules

const IOPRIO_CLASS_SHIFT = 13n;

/** An aux text strace leaves out with -X raw. */
export const rawless = (v: Value): Value => ({ k: 'styled', abbrev: v, raw: tok(''), verbose: v });

/** The same as a value (the class prints in the -X style): ioprio_get's result text. */
function ioprioCall(v: bigint): Value {
  const u = BigInt.asUintN(32, v);
  const cls = xval(IOPRIO_CLASS, u >> IOPRIO_CLASS_SHIFT, 'IOPRIO_CLASS_???');
  return call('IOPRIO_PRIO_VALUE', cls, int(u & ((1n << IOPRIO_CLASS_SHIFT) - 1n)));
}

/**
 * An ioprio (strace's print_ioprio): `IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)`; the number with -X raw;
 * both with -X verbose (the class in that style too). `hexNum`: the number in hex (an iocb's aio_reqprio).
 */
export function ioprioV(v: bigint, hexNum = false): Value {
  const n = hexNum ? hex(BigInt.asUintN(32, v)) : int(BigInt.asIntN(32, v));
  const text = ioprioCall(v);
  return { k: 'styled', abbrev: text, raw: n, verbose: join('', n, tok(' /* '), text, tok(' */')) };
}

/**
 * An fd of process `pid`: an fd value (which -y resolves in the tracee) when that is the tracee,
 * else the number (printfd_pid of another process is not resolved here).
 */
const fdOf = (c: Ctx, pid: bigint, v: bigint): Value => (Number(BigInt.asIntN(32, pid)) === c.pid ? fd(v) : sint(v));

/** kcmp's idx arguments by type: fds, an epoll slot, nothing, or hex. */
function kcmpIdx(c: Ctx): Value[] {
  const type = Number(BigInt.asUintN(32, c.args[2]!));
  const [pid1, pid2, idx1, idx2] = [c.args[0]!, c.args[1]!, c.args[3]!, c.args[4]!];
  if (type === 0) return [fdOf(c, pid1, idx1), fdOf(c, pid2, idx2)]; // KCMP_FILE
  if (type === 7) { // KCMP_EPOLL_TFD
    const slot = fetch(c, idx2, 12, (b) => struct([
      field('efd', fdOf(c, pid2, BigInt(rd.s32(b, 0)))), field('tfd', fdOf(c, pid2, BigInt(rd.s32(b, 4)))),
      field('toff', uint(rd.u32(b, 8))),
    ]));
    return [fdOf(c, pid1, idx1), slot];
  }
  if (type >= 1 && type <= 6) return [];
  return [hexv(idx1), hexv(idx2)];
}

const LINUX_REBOOT_CMD_RESTART2 = 0xa1b2c3d4n;
const KEXEC_SEGMENT_MAX = 16n, KEXEC_ARCH_MASK = 0xffff0000n;

/** struct kexec_segment: `{buf=0x…, bufsz=N, mem=0x…, memsz=N}`. */
const kexecSegV = (b: Uint8Array): Value => struct([
  field('buf', addr(rd.u64(b, 0))), field('bufsz', uint(rd.u64(b, 8))),
  field('mem', addr(rd.u64(b, 16))), field('memsz', uint(rd.u64(b, 24))),
]);

/** kexec_load's flags: the arch in the high half, then KEXEC_* flags. */
function kexecFlags(v: bigint): Value {
  const arch = xval64(KEXEC_ARCHES, v & KEXEC_ARCH_MASK, 'KEXEC_ARCH_???');
  const rest = v & ~KEXEC_ARCH_MASK;
  return rest ? join('|', arch, xflags64(KEXEC_LOAD_FLAGS, rest, 'KEXEC_???')) : arch;
}

/** ioprio's who: a process (IOPRIO_WHO_PROCESS), a process group, or a user. */
const ioprioWho = (c: Ctx): Value => (BigInt.asUintN(32, c.args[0]!) === 1n ? pidV(c, c.args[1]!) : sint(c.args[1]!));

const miscProcDecoders: Record<string, SyscallDecoder> = {
  ioprio_get: {
    entry: (c) => [xval(IOPRIO_WHO, c.args[0]!, 'IOPRIO_WHO_???'), ioprioWho(c)],
    ret: (c) => withAux('d', c.err ? undefined : rawless(ioprioCall(c.rval))),
  },
  ioprio_set: sig([X(IOPRIO_WHO, 'IOPRIO_WHO_???'), (c) => ioprioWho(c), (c, i) => ioprioV(c.args[i]!)]),
  kcmp: { entry: (c) => [pidV(c, c.args[0]!), pidV(c, c.args[1]!), xval(KCMP_TYPES, c.args[2]!, 'KCMP_???'), ...kcmpIdx(c)] },
  reboot: {
    entry: (c) => {
      const cmd = BigInt.asUintN(32, c.args[2]!);
      const out = [
        xval(REBOOT_MAGIC1, c.args[0]!, 'LINUX_REBOOT_MAGIC_???'),
        xval(REBOOT_MAGIC2, c.args[1]!, 'LINUX_REBOOT_MAGIC_???'),
        xval(REBOOT_CMDS, cmd, 'LINUX_REBOOT_CMD_???'),
      ];
      if (cmd === LINUX_REBOOT_CMD_RESTART2) out.push(cstrN(c, c.args[3]!, 255));
      return out;
    },
  },
  kexec_load: sig([
    A.ptr, A.ulong,
    (c, i) => (c.args[1]! > KEXEC_SEGMENT_MAX ? addr(c.args[i]!) : printArray(c, c.args[i]!, c.args[1]!, 32, kexecSegV)),
    (c, i) => kexecFlags(c.args[i]!),
  ]),
  kexec_file_load: withFacts(sig([A.fd, A.fd, A.ulong, (c, i) => buf(c, c.args[i]!, c.args[2]!),
    (c, i) => xflags64(KEXEC_FILE_LOAD_FLAGS, c.args[i]!, 'KEXEC_FILE_???')]), { paths: ['fd', 'fd'] }),
  init_module: sig([A.ptr, A.ulong, A.cstr]),
  finit_module: sig([A.fd, A.cstr, (c, i) => xflags32(MODULE_INIT_FLAGS, c.args[i]!, 'MODULE_INIT_???')]),
  delete_module: sig([A.cstr, (c, i) => xflags32(DELETE_MODULE_FLAGS, c.args[i]!, 'O_???')]),
};

export { miscProcDecoders as decoders };
