/** Decoders of the process family: execve, exit, wait, clone, ids, prctl, capabilities, … */
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

const WORD = 8;

/** argv: `["a", "b"]`, each string cut at -s; at most -s elements with abbrev. */
function argv(c: Ctx, a: bigint): Value {
  if (a === 0n || !c.opt.verbose) return addr(a);
  const items: Value[] = [];
  for (let n = 0, p = a; ; n++, p += BigInt(WORD)) {
    const w = c.mem.read(p, WORD);
    if (!w) {
      if (n === 0) return addr(a);
      items.push({ k: 'note', v: { k: 'tok', text: '...' }, text: '0x' + p.toString(16) });
      return { k: 'array', items };
    }
    const word = new DataView(w.buffer, w.byteOffset, 8).getBigUint64(0, true);
    if (word === 0n) break;
    if (c.opt.abbrev && n >= c.opt.strsize) return { k: 'array', items, more: true };
    items.push(cstr(c, word));
  }
  return { k: 'array', items };
}

/** envp with abbrev: the address and `/* N vars *\/`. */
function argc(c: Ctx, a: bigint): Value {
  if (a === 0n || !c.opt.verbose) return addr(a);
  let n = 0;
  let unterminated = false;
  for (let p = a; ; n++, p += BigInt(WORD)) {
    const w = c.mem.read(p, WORD);
    if (!w) {
      if (n === 0) return addr(a);
      unterminated = true;
      break;
    }
    if (new DataView(w.buffer, w.byteOffset, 8).getBigUint64(0, true) === 0n) break;
  }
  return { k: 'note', v: addr(a), text: `${n} var${n === 1 ? '' : 's'}${unterminated ? ', unterminated' : ''}` };
}

const envp = (c: Ctx, i: number): Value => (c.opt.abbrev ? argc(c, c.args[i]!) : argv(c, c.args[i]!));

// ---------------------------------------------------------------- ids

const uidArg: ArgFn = (c, i) => idV(c.args[i]!);
const uidOut: ArgFn = (c, i) => fetch(c, c.args[i]!, 4, (b) => array([idV(rd.u32(b, 0))]), true);
const NGROUPS_MAX = 65536n;

/** print_groups: `[0, 4, 27]`, or the address when the count is beyond NGROUPS_MAX. */
function groups(c: Ctx, len: bigint, a: bigint, exiting: boolean): Value {
  const n = BigInt.asUintN(32, len);
  if (n > NGROUPS_MAX) return addr(a);
  return printArray(c, a, n, 4, (b) => idV(rd.u32(b, 0)), { exiting });
}

const idDecoders: Record<string, SyscallDecoder> = {
  setuid: sig([uidArg]),
  setgid: sig([uidArg]),
  setfsuid: sig([uidArg]),
  setfsgid: sig([uidArg]),
  setreuid: sig([uidArg, uidArg]),
  setregid: sig([uidArg, uidArg]),
  setresuid: sig([uidArg, uidArg, uidArg]),
  setresgid: sig([uidArg, uidArg, uidArg]),
  getresuid: sig([{ exit: uidOut }, { exit: uidOut }, { exit: uidOut }]),
  getresgid: sig([{ exit: uidOut }, { exit: uidOut }, { exit: uidOut }]),
  getgroups: sig([A.int, { exit: (c, i) => groups(c, c.rval, c.args[i]!, true) }]),
  setgroups: sig([A.int, (c, i) => groups(c, BigInt.asIntN(32, c.args[0]!), c.args[i]!, false)]),
  getpgid: sig([P]),
  getsid: sig([P]),
  setpgid: sig([P, PGRP]),
};

// ---------------------------------------------------------------- wait

/** A wait status as strace shows it: `[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`. */
export function waitStatus(st: number): Value {
  let s = st;
  let text: string;
  const sigName = (n: number): string => signame(n);
  if ((s & 0xff) === 0x7f) {
    const sg = (s >> 8) & 0xff;
    text = `{WIFSTOPPED(s) && WSTOPSIG(s) == ${sigName(sg & 0x7f)}${sg & 0x80 ? ' | 0x80' : ''}}`;
    s &= ~((sg << 8) | 0x7f);
  } else if ((((s & 0x7f) + 1) << 24 >> 24) >> 1 > 0) {
    const term = s & 0x7f;
    text = `{WIFSIGNALED(s) && WTERMSIG(s) == ${sigName(term)}${s & 0x80 ? ' && WCOREDUMP(s)' : ''}}`;
    s &= ~(term | 0x80);
  } else if ((s & 0x7f) === 0) {
    const code = (s >> 8) & 0xff;
    text = `{WIFEXITED(s) && WEXITSTATUS(s) == ${code}}`;
    s &= ~(code << 8);
  } else if (s === 0xffff) {
    text = '{WIFCONTINUED(s)}';
    s &= ~0xffff;
  } else {
    return array([hex(BigInt.asUintN(32, BigInt(st)))]);
  }
  const parts: Value[] = [tok(text)];
  if (s) {
    const event = (s >>> 16) & 0xffff;
    if (event) {
      const e = lookup(PTRACE_EVENTS, event);
      const ev: Value = e ? { k: 'sym', name: e, v: BigInt(event), fmt: 'x' } : { k: 'note', v: hex(event), text: 'PTRACE_EVENT_???', xlat: true };
      parts.push(tok('|'), ev, tok('<<16'));
      s &= 0xffff;
    }
    if (s) parts.push(tok(`|0x${(s >>> 0).toString(16)}`));
  }
  return array([parts.length === 1 ? parts[0]! : join('', ...parts)]);
}

const wait4: SyscallDecoder = {
  entry: (c) => [pidOrGroupV(c, c.args[0]!)],
  exit: (c) => [
    c.rval === 0n ? addr(c.args[1]!) : fetch(c, c.args[1]!, 4, (b) => waitStatus(rd.s32(b, 0)), true),
    xflags32(WAIT_OPTIONS, c.args[2]!, 'W???'),
    c.rval > 0n ? rusageAt(c, c.args[3]!, true) : addr(c.args[3]!),
  ],
};

const waitid: SyscallDecoder = {
  entry: (c) => {
    const type = BigInt.asUintN(32, c.args[0]!);
    const id = c.args[1]!;
    // P_PID names a process, P_PGID a group, P_PIDFD an fd
    return [xval(WAITID_TYPES, type, 'P_???'), type === 3n ? fd(id) : type === 1n ? pidV(c, id) : sint(id)];
  },
  exit: (c) => [
    siginfoAt(c, c.args[2]!, true),
    xflags32(WAIT_OPTIONS, c.args[3]!, 'W???'),
    rusageAt(c, c.args[4]!, true),
  ],
};

// ---------------------------------------------------------------- clone

const CLONE_PARENT_SETTID = 0x100000n, CLONE_PIDFD = 0x1000n, CLONE_CHILD_SETTID = 0x1000000n;
const CLONE_CHILD_CLEARTID = 0x200000n, CLONE_SETTLS = 0x80000n;
/** clone's argument order: x86_64 has child_tidptr before tls, the generic order the reverse. */
const CLONE_ARGS = NATIVE.name === 'x86_64' ? { ptid: 2, ctid: 3, tls: 4 } : { ptid: 2, tls: 3, ctid: 4 };

/** clone's flags: `CLONE_VM|…|SIGCHLD`. */
function cloneFlags(v: bigint): Value {
  const f = v & ~CSIGNAL;
  const sg = Number(v & CSIGNAL);
  if (!f) return sigV(sg);
  const names = xflags(CLONE_FLAGS, f, 'CLONE_???');
  return sg ? join('|', names, sigV(sg)) : names;
}

/** printnum_pid(PT_TID): a thread id the kernel wrote, `[1234]` (named with -Y). */
const tidAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 4, (b) => array([pidV(c, rd.s32(b, 0), 'tid')]), exiting);

const clone: SyscallDecoder = {
  entry: (c) => [named('child_stack', addr(c.args[1]!)), named('flags', cloneFlags(c.args[0]!))],
  needsExit: (c) => (c.args[0]! & (CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_SETTLS)) !== 0n,
  exit: (c) => {
    const f = c.args[0]! & ~CSIGNAL;
    const out: Value[] = [];
    if (f & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
      const a = c.args[CLONE_ARGS.ptid]!;
      out.push(named('parent_tid', f & CLONE_PARENT_SETTID ? tidAt(c, a, true) : fetch(c, a, 4, (b) => array([{ k: 'fd', fd: rd.s32(b, 0) }]), true)));
    }
    if (f & CLONE_SETTLS) out.push(named('tls', addr(c.args[CLONE_ARGS.tls]!)));
    if (f & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) out.push(named('child_tidptr', addr(c.args[CLONE_ARGS.ctid]!)));
    return out;
  },
};

const CLONE_ARGS_SIZE = 88;
const CLONE_ARGS_MIN = 64;

/** struct clone_args as clone3 prints it on entry. */
function cloneArgsV(c: Ctx, b: Uint8Array, fetched: number): Value {
  const u = (off: number): bigint => (off + 8 <= fetched ? rd.u64(b, off) : 0n);
  const flags = u(0);
  const f: Field[] = [field('flags', clone3Flags(flags))];
  if (flags & CLONE_PIDFD) f.push(field('pidfd', addr(u(8))));
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) f.push(field('child_tid', addr(u(16))));
  if (flags & CLONE_PARENT_SETTID) f.push(field('parent_tid', addr(u(24))));
  const es = u(32);
  f.push(field('exit_signal', es < 0x7fffffffn ? sigV(Number(BigInt.asIntN(32, es))) : uint(es)));
  f.push(field('stack', addr(u(40))), field('stack_size', hex(u(48))));
  if (flags & CLONE_SETTLS) f.push(field('tls', addr(u(56))));
  const setTid = u(64), setTidSize = u(72);
  if (setTid || setTidSize) {
    const tids = !setTid || !setTidSize || setTidSize > 32n
      ? addr(setTid) : printArray(c, setTid, setTidSize, 4, (x) => int(rd.s32(x, 0)));
    f.push(field('set_tid', tids), field('set_tid_size', uint(setTidSize)));
  }
  if (fetched > 80 && (u(80) || flags & 0x200000000n)) f.push(field('cgroup', uint(u(80))));
  return struct(f);
}

/** printflags_ex over clone_flags then clone3_flags. */
function clone3Flags(flags: bigint): Value {
  const names: string[] = [];
  let rest = flags;
  for (const x of [CLONE_FLAGS, CLONE3_FLAGS]) {
    for (const [bit, name] of x.pairs) {
      if (bit && (rest & bit) === bit) {
        names.push(name);
        rest &= ~bit;
      }
    }
  }
  const v: Value = { k: 'flags', names, rest, v: flags };
  return names.length === 0 && rest !== 0n ? { k: 'note', v, text: 'CLONE_???', xlat: true } : v;
}

/**
 * clone3: the struct at entry; when the kernel writes back (CLONE_PIDFD, CLONE_PARENT_SETTID) the line
 * is finished at exit with `{…} => {parent_tid=[N]}, 88` (the whole argument list is printed then).
 */
const clone3: SyscallDecoder = {
  entry: (c) => {
    const a = c.args[0]!;
    const size = c.args[1]!;
    const fetchSize = Number(size < BigInt(CLONE_ARGS_SIZE) ? size : BigInt(CLONE_ARGS_SIZE));
    let flags = 0n;
    const v = fetchSize < CLONE_ARGS_MIN ? addr(a) : fetch(c, a, fetchSize, (b) => {
      flags = rd.u64(b, 0);
      return cloneArgsV(c, b, fetchSize);
    });
    c.state.flags = flags;
    if (!(flags & (CLONE_PIDFD | CLONE_PARENT_SETTID))) return [v, ulong(size)];
    c.state.struct = v;
    return [];
  },
  needsExit: (c) => c.state.struct !== undefined,
  exit: (c) => {
    const v = c.state.struct as Value | undefined;
    if (!v) return [];
    const flags = c.state.flags as bigint;
    const size = ulong(c.args[1]!);
    if (c.err) return [v, size];
    const a = c.args[0]!;
    const b = c.mem.read(a, 32);
    if (!b) return [{ k: 'inout', in: v, out: addr(a) }, size];
    const f: Field[] = [];
    if (flags & CLONE_PIDFD) f.push(field('pidfd', fetch(c, rd.u64(b, 8), 4, (x) => array([{ k: 'fd', fd: rd.s32(x, 0) }]))));
    if (flags & CLONE_PARENT_SETTID) f.push(field('parent_tid', tidAt(c, rd.u64(b, 24))));
    return [{ k: 'inout', in: v, out: struct(f) }, size];
  },
};

// ---------------------------------------------------------------- prctl

/** strace's printstr_ex with QUOTE_0_TERMINATED and a length: at most `len` (and -s) bytes, `...` without a NUL. */
export function cstrN(c: Ctx, a: bigint, len: number): Value {
  if (a === 0n) return NULL;
  let size = Math.min(c.opt.strsize + 1, len);
  const r = c.mem.readString(a, size);
  if (!r) return { k: 'ptr', v: a, bad: true };
  if (size > c.opt.strsize) size = c.opt.strsize;
  const terminated = r.nul && r.b.length < size;
  const b = r.b.subarray(0, Math.min(r.b.length, size));
  return terminated || len === 0 ? { k: 'str', b } : { k: 'str', b, trunc: true };
}

/** print_prctl_args: the arguments from `from` (0-based) to the fifth, in hex. */
const hexRest = (c: Ctx, from: number): Value[] => c.args.slice(from, 5).map((v) => hexv(v));

interface Prctl {
  entry?: (c: Ctx) => Value[];
  exit?: (c: Ctx) => Value[];
  ret?: (c: Ctx) => RetInfo;
}

const nothing: Prctl = {};
const getU: Prctl = { exit: (c) => [numAt(c, c.args[1]!, true, true)] };
const setU: Prctl = { entry: (c) => [ulong(c.args[1]!)] };
const setURest: Prctl = { entry: (c) => [ulong(c.args[1]!), ...hexRest(c, 2)] };
const auxName = (x: ReturnType<typeof xlat>) => (c: Ctx): RetInfo =>
  withAux('d', c.err ? undefined : ((n) => (n ? tok(n) : undefined))(lookup(x, BigInt.asUintN(64, c.rval))));
const auxFlags = (x: ReturnType<typeof xlat>) => (c: Ctx): RetInfo =>
  (c.err || c.rval === 0n ? { fmt: 'd' } : { fmt: 'x', aux: rawless(tok(flagsText(x, BigInt.asUintN(64, c.rval)))) });
const intOut = (fn: (v: number) => Value): Prctl => ({
  exit: (c) => [fetch(c, c.args[1]!, 4, (b) => array([fn(rd.u32(b, 0))]), true)],
});

const PRCTL: Record<number, Prctl> = {
  7: nothing, 21: nothing, 30: nothing, 13: nothing, 31: nothing, 32: nothing, // PR_GET_KEEPCAPS, …, PR_TASK_PERF_EVENTS_*
  37: getU, 19: getU, 9: getU, 11: getU, // PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC
  3: { ret: auxName(PR_DUMPABLE) }, // PR_GET_DUMPABLE
  16: { exit: (c) => [c.err ? addr(c.args[1]!) : cstrN(c, c.args[1]!, 16)] }, // PR_GET_NAME
  2: intOut((v) => sigV(v | 0)), // PR_GET_PDEATHSIG
  27: { ret: auxFlags(SECBITS) }, // PR_GET_SECUREBITS
  40: { exit: (c) => [ptrAt(c, c.args[1]!, true)] }, // PR_GET_TID_ADDRESS
  25: intOut((v) => xval(PR_TSC, BigInt(v), 'PR_TSC_???')), // PR_GET_TSC
  5: intOut((v) => xflags32(PR_UNALIGN, BigInt(v), 'PR_UNALIGN_???')), // PR_GET_UNALIGN
  46: { ret: auxFlags(PR_FP_MODE) }, // PR_GET_FP_MODE
  52: { // PR_GET_SPECULATION_CTRL
    entry: (c) => [xval64(PR_SPEC_CMDS, c.args[1]!, 'PR_SPEC_???')],
    ret: (c) => (!c.err && c.args[1]! <= 2n
      ? { fmt: 'x', aux: rawless(tok(flagsText(PR_SPEC_GET_FLAGS, BigInt.asUintN(64, c.rval)))) }
      : { fmt: 'd' }),
  },
  36: setU, 20: setU, 10: setU, 12: setU, 8: setU, 14: setU,
  4: { entry: (c) => [xval64(PR_DUMPABLE, c.args[1]!, 'SUID_DUMP_???')] }, // PR_SET_DUMPABLE
  24: { entry: (c) => [xval64(CAPS, c.args[1]!, 'CAP_???')] }, // PR_CAPBSET_DROP
  23: { entry: (c) => [xval64(CAPS, c.args[1]!, 'CAP_???')] }, // PR_CAPBSET_READ
  47: { // PR_CAP_AMBIENT
    entry: (c) => {
      const op = c.args[1]!;
      const head = xval64(PR_CAP_AMBIENT, op, 'PR_CAP_AMBIENT_???');
      return op >= 1n && op <= 3n ? [head, xval64(CAPS, c.args[2]!, 'CAP_???'), ...hexRest(c, 3)] : [head, ...hexRest(c, 2)];
    },
  },
  33: { // PR_MCE_KILL
    entry: (c) => [
      xval64(PR_MCE_KILL, c.args[1]!, 'PR_MCE_KILL_???'),
      c.args[1] === 1n ? xval64(PR_MCE_KILL_POLICY, c.args[2]!, 'PR_MCE_KILL_???') : hexv(c.args[2]!),
      ...hexRest(c, 3),
    ],
  },
  15: { entry: (c) => [cstrN(c, c.args[1]!, 15)] }, // PR_SET_NAME
  0x53564d41: { // PR_SET_VMA
    entry: (c) => (c.args[1] === 0n
      ? [xval64(PR_SET_VMA, 0n), addr(c.args[2]!), ulong(c.args[3]!), cstr(c, c.args[4]!)]
      : [xval64(PR_SET_VMA, c.args[1]!, 'PR_SET_VMA_???'), ...hexRest(c, 2)]),
  },
  35: { entry: (c) => [xval(PR_SET_MM, c.args[1]!, 'PR_SET_MM_???'), ...hexRest(c, 2)] }, // PR_SET_MM
  1: { entry: (c) => [c.args[1]! > 128n ? ulong(c.args[1]!) : sigV(Number(BigInt.asIntN(32, c.args[1]!)))] }, // PR_SET_PDEATHSIG
  0x59616d61: { // PR_SET_PTRACER
    entry: (c) => [BigInt.asIntN(32, c.args[1]!) === -1n ? sym('PR_SET_PTRACER_ANY', -1) : pidV(c, c.args[1]!)],
  },
  22: { // PR_SET_SECCOMP
    entry: (c) => {
      const mode = c.args[1]!;
      const head = xval64(SECCOMP_MODES, mode, 'SECCOMP_MODE_???');
      if (mode === 1n) return [head];
      if (mode === 2n) return [head, fprogAt(c, c.args[2]!, true)];
      return [head, ...hexRest(c, 2)];
    },
  },
  28: { entry: (c) => [xflags64(SECBITS, c.args[1]!, 'SECBIT_???')] }, // PR_SET_SECUREBITS
  29: { entry: (c) => [slong(c.args[1]!)] }, // PR_SET_TIMERSLACK
  26: { entry: (c) => [xval(PR_TSC, c.args[1]!, 'PR_TSC_???')] }, // PR_SET_TSC
  6: { entry: (c) => [xflags32(PR_UNALIGN, c.args[1]!, 'PR_UNALIGN_???')] }, // PR_SET_UNALIGN
  38: setURest, 41: setURest, 57: setURest, // PR_SET_NO_NEW_PRIVS, PR_SET_THP_DISABLE, PR_SET_IO_FLUSHER
  34: { entry: (c) => hexRest(c, 1), ret: auxName(PR_MCE_KILL_POLICY) }, // PR_MCE_KILL_GET
  45: { entry: (c) => [xflags32(PR_FP_MODE, c.args[1]!, 'PR_FP_MODE_???')] }, // PR_SET_FP_MODE
  53: { // PR_SET_SPECULATION_CTRL
    entry: (c) => [
      xval64(PR_SPEC_CMDS, c.args[1]!, 'PR_SPEC_???'),
      c.args[1]! <= 2n ? xval64(PR_SPEC_SET_FLAGS, c.args[2]!, 'PR_SPEC_???') : hexv(c.args[2]!),
    ],
  },
  59: { // PR_SET_SYSCALL_USER_DISPATCH
    entry: (c) => [
      xval64(xlat(() => [[0, 'PR_SYS_DISPATCH_OFF'], [1, 'PR_SYS_DISPATCH_ON']]), c.args[1]!, 'PR_SYS_DISPATCH_???'),
      hexv(c.args[2]!), hexv(c.args[3]!), addr(c.args[4]!),
    ],
  },
};
const PR_VL_LEN_MASK = 0xffffn;
/** sprint_sve_val/sprint_sme_val: `PR_SVE_SET_VL_ONEXEC|0x40`; as a result text only with flags. */
function vlText(v: bigint, flagsX: ReturnType<typeof xlat>, aux: boolean): string | undefined {
  const flags = v & ~PR_VL_LEN_MASK;
  if (!flags && aux) return undefined;
  const f = flags ? flagsText(flagsX, flags) : '';
  const vl = v & PR_VL_LEN_MASK;
  return `${f}${f ? '|' : ''}${vl ? '0x' + vl.toString(16) : '0'}`;
}
const vlPrctl = (flagsX: ReturnType<typeof xlat>, set: boolean): Prctl => ({
  ...(set ? {
    entry: (c: Ctx) => {
      const v = c.args[1]!;
      return [v & ~PR_VL_LEN_MASK ? { k: 'sym', name: vlText(v, flagsX, false)!, v, fmt: 'x' } as Value : hexv(v)];
    },
  } : {}),
  ret: (c) => {
    if (c.err || c.rval === 0n) return { fmt: 'd' };
    const t = vlText(BigInt.asUintN(64, c.rval), flagsX, true);
    return t ? { fmt: 'x', aux: rawless(tok(t)) } : { fmt: 'x' };
  },
});

/** sprint_tagged_addr_val: `PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC|0x1<<PR_MTE_TAG_SHIFT`. */
function taggedText(v: bigint): string {
  const tcf = v & 6n, tag = v & (0xffffn << 3n), rest = v & ~(1n | 6n | (0xffffn << 3n));
  let t = `${v & 1n ? 'PR_TAGGED_ADDR_ENABLE' : '!PR_TAGGED_ADDR_ENABLE'}|${lookup(PR_MTE_TCF, tcf) ?? '0x' + tcf.toString(16)}`;
  if (tag) t += `|0x${(tag >> 3n).toString(16)}<<PR_MTE_TAG_SHIFT`;
  if (rest) t += `|0x${rest.toString(16)}`;
  return t;
}

Object.assign(PRCTL, {
  50: vlPrctl(PR_SVE_VL_FLAGS, true), 51: vlPrctl(PR_SVE_VL_FLAGS, false), // PR_SVE_SET_VL, PR_SVE_GET_VL
  63: vlPrctl(PR_SME_VL_FLAGS, true), 64: vlPrctl(PR_SME_VL_FLAGS, false), // PR_SME_SET_VL, PR_SME_GET_VL
  55: { // PR_SET_TAGGED_ADDR_CTRL
    entry: (c: Ctx) => [{ k: 'sym', name: taggedText(c.args[1]!), v: c.args[1]!, fmt: 'x' } as Value, ...hexRest(c, 2)],
  },
  56: { // PR_GET_TAGGED_ADDR_CTRL
    entry: (c: Ctx) => hexRest(c, 1),
    ret: (c: Ctx) => (c.err ? { fmt: 'd' } : { fmt: 'x', aux: rawless(tok(taggedText(BigInt.asUintN(64, c.rval)))) }),
  },
  54: { entry: (c: Ctx) => [xflags64(PR_PAC_ALL_KEYS, c.args[1]!, 'PR_PAC_???'), ...hexRest(c, 2)] }, // PR_PAC_RESET_KEYS
  60: { // PR_PAC_SET_ENABLED_KEYS
    entry: (c: Ctx) => [
      xflags64(PR_PAC_KEYS, c.args[1]!, 'PR_PAC_???'), xflags64(PR_PAC_KEYS, c.args[2]!, 'PR_PAC_???'), ...hexRest(c, 3),
    ],
  },
  61: { entry: (c: Ctx) => hexRest(c, 1), ret: auxFlags(PR_PAC_KEYS) }, // PR_PAC_GET_ENABLED_KEYS
  62: { // PR_SCHED_CORE
    entry: (c: Ctx) => {
      const pt = BigInt.asUintN(32, c.args[3]!);
      // the pid type prints in the verbose style, except with -X raw
      const verbose = note(hex(pt), lookup(PIDTYPES, pt) ?? 'PIDTYPE_???');
      const ptV: Value = { k: 'styled', abbrev: verbose, raw: hex(pt), verbose };
      // PIDTYPE_PID names a thread, PIDTYPE_TGID a process
      const who = pt === 0n ? pidV(c, c.args[2]!, 'tid') : pt === 1n ? pidV(c, c.args[2]!) : sint(c.args[2]!);
      const out = [xval(PR_SCHED_CORE_CMDS, c.args[1]!, 'PR_SCHED_CORE_???'), who, ptV];
      return BigInt.asUintN(32, c.args[1]!) === 0n ? out : [...out, addr(c.args[4]!)];
    },
    exit: (c: Ctx) => (BigInt.asUintN(32, c.args[1]!) === 0n
      ? [c.err ? addr(c.args[4]!) : fetch(c, c.args[4]!, 8, (b) => array([hex(rd.u64(b, 0))]), true)]
      : []),
  },
});

const PRCTL_DEFAULT: Prctl = { entry: (c) => hexRest(c, 1) };
const prctlSpec = (c: Ctx): Prctl => PRCTL[Number(BigInt.asUintN(32, c.args[0]!))] ?? PRCTL_DEFAULT;

const prctl: SyscallDecoder = {
  entry: (c) => [xval(PRCTL_OPTIONS, c.args[0]!, 'PR_???'), ...(prctlSpec(c).entry?.(c) ?? [])],
  exit: (c) => prctlSpec(c).exit?.(c) ?? [],
  needsExit: (c) => {
    const e = prctlSpec(c).exit;
    return e !== undefined && (Number(BigInt.asUintN(32, c.args[0]!)) !== 62 || BigInt.asUintN(32, c.args[1]!) === 0n);
  },
  ret: (c) => prctlSpec(c).ret?.(c) ?? { fmt: 'd' },
};

/**
 * struct sock_fprog / seccomp fprog: `{len=N, filter=0x…}`; with -v the filter's instructions,
 * seccomp's return values named when `seccomp`.
 */
export const fprogAt = (c: Ctx, a: bigint, seccomp = false): Value =>
  fetch(c, a, 16, (b) => struct([
    field('len', uint(rd.u16(b, 0))),
    field('filter', bpfProg(c, rd.u64(b, 8), rd.u16(b, 0), seccomp)),
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
      else parts.push(xval(BPF_MISCOP, BigInt(code & 0xf8), 'BPF_???'));
  }
  return join('|', ...parts);
}

/** One struct bpf_insn: `{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_0, src_reg=BPF_REG_0, off=0, imm=0}`. */
const ebpfInsn = (b: Uint8Array, i: number): Value | null => (i >= BPF_MAXINSNS ? null : struct([
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

/** One struct sock_filter: `BPF_STMT(code, k)` or `BPF_JUMP(code, k, jt, jf)`. */
const bpfInsn = (seccomp: boolean) => (b: Uint8Array, i: number): Value | null => {
  if (i >= BPF_MAXINSNS) return null;
  const code = rd.u16(b, 0), jt = b[2]!, jf = b[3]!, k = rd.u32(b, 4);
  if (jt || jf) return call('BPF_JUMP', bpfCode(code), hex(k), hex(jt), hex(jf));
  return call('BPF_STMT', bpfCode(code), seccomp && (code & 7) === 6 ? seccompRet(k) : hex(k));
};

/** print_bpf_fprog: the address with abbrev, else the instructions. */
const bpfProg = (c: Ctx, a: bigint, len: number, seccomp: boolean): Value =>
  (c.opt.abbrev ? addr(a) : printArray(c, a, len, 8, bpfInsn(seccomp), { stopMore: true }));

// ---------------------------------------------------------------- arch_prctl

const XFEATURES = xlat(() => [
  [0x3, 'XFEATURE_MASK_FPSSE'], [0x1, 'XFEATURE_MASK_FP'], [0x2, 'XFEATURE_MASK_SSE'], [0x4, 'XFEATURE_MASK_YMM'],
  [0x8, 'XFEATURE_MASK_BNDREGS'], [0x10, 'XFEATURE_MASK_BNDCSR'], [0xe0, 'XFEATURE_MASK_AVX512'],
  [0x20, 'XFEATURE_MASK_OPMASK'], [0x40, 'XFEATURE_MASK_ZMM_Hi256'], [0x80, 'XFEATURE_MASK_Hi16_ZMM'],
  [0x100, 'XFEATURE_MASK_PT'], [0x200, 'XFEATURE_MASK_PKRU'], [0x400, 'XFEATURE_MASK_PASID'],
  [0x8000, 'XFEATURE_MASK_LBR'], [0x60000, 'XFEATURE_MASK_XTILE'], [0x20000, 'XFEATURE_MASK_XTILE_CFG'],
  [0x40000, 'XFEATURE_MASK_XTILE_DATA'],
]);

/** XLAT_STYLE_VERBOSE flags: `0x3 /* XFEATURE_MASK_FPSSE *\/`. */
const verboseFlags = (v: bigint): Value => (v === 0n ? int(0) : note(hex(v), flagsText(XFEATURES, v)));

const XFEATURE_BITS = xlat(() => [
  [0, 'XFEATURE_FP'], [1, 'XFEATURE_SSE'], [2, 'XFEATURE_YMM'], [3, 'XFEATURE_BNDREGS'], [4, 'XFEATURE_BNDCSR'],
  [5, 'XFEATURE_OPMASK'], [6, 'XFEATURE_ZMM_Hi256'], [7, 'XFEATURE_Hi16_ZMM'], [8, 'XFEATURE_PT_UNIMPLEMENTED_SO_FAR'],
  [9, 'XFEATURE_PKRU'], [10, 'XFEATURE_PASID'], [15, 'XFEATURE_LBR'], [17, 'XFEATURE_XTILE_CFG'], [18, 'XFEATURE_XTILE_DATA'],
]);

const ARCH_GET_FS = 0x1003n, ARCH_GET_GS = 0x1004n, ARCH_GET_CPUID = 0x1011n;
const ARCH_GET_XCOMP = new Set([0x1021n, 0x1022n, 0x1024n]);
const ARCH_REQ_XCOMP = new Set([0x1023n, 0x1025n]);
const archOp = (c: Ctx): bigint => BigInt.asUintN(32, c.args[0]!);

const archPrctl: SyscallDecoder = {
  entry: (c) => {
    const op = archOp(c);
    const head = xval(ARCH_PRCTL_CODES, op, 'ARCH_???');
    if (op === ARCH_GET_FS || op === ARCH_GET_GS || op === ARCH_GET_CPUID || ARCH_GET_XCOMP.has(op)) return [head];
    if (ARCH_REQ_XCOMP.has(op)) {
      const v = c.args[1]!;
      return [head, note(hex(v), lookup(XFEATURE_BITS, v) ?? 'XFEATURE_???')];
    }
    return [head, hexv(c.args[1]!)];
  },
  needsExit: (c) => {
    const op = archOp(c);
    return op === ARCH_GET_FS || op === ARCH_GET_GS || ARCH_GET_XCOMP.has(op);
  },
  exit: (c) => {
    const op = archOp(c);
    if (op === ARCH_GET_FS || op === ARCH_GET_GS) return [ptrAt(c, c.args[1]!, true)];
    if (ARCH_GET_XCOMP.has(op)) return [fetch(c, c.args[1]!, 8, (b) => array([verboseFlags(rd.u64(b, 0))]), true)];
    return [];
  },
  ret: (c) => (ARCH_REQ_XCOMP.has(archOp(c)) && !c.err && c.rval > 0n
    ? { fmt: 'x', aux: tok(flagsText(XFEATURES, c.rval)) }
    : { fmt: 'd' }),
};

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

// ---------------------------------------------------------------- namespaces

const CLONE_BY_NAME = new Map(CLONE_FLAGS.pairs.map(([v, n]) => [n, v] as const));
const cloneSubset = (names: string[]): ReturnType<typeof xlat> =>
  xlat(names.map((n) => [n === 'CLONE_NEWTIME' ? 0x80n : CLONE_BY_NAME.get(n)!, n] as const));
const SETNS_TYPES = cloneSubset(['CLONE_NEWTIME', 'CLONE_NEWNS', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET']);
const UNSHARE_FLAGS = cloneSubset(['CLONE_NEWTIME', 'CLONE_VM', 'CLONE_FS', 'CLONE_FILES', 'CLONE_SIGHAND', 'CLONE_THREAD', 'CLONE_NEWNS', 'CLONE_SYSVSEM', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET']);


// ================================================================ added: ioprio, kcmp, reboot, modules

const IOPRIO_CLASS_SHIFT = 13n;

/** An aux text strace leaves out with -X raw. */
const rawless = (v: Value): Value => ({ k: 'styled', abbrev: v, raw: tok(''), verbose: v });

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

const E2BIG = 7;

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

// ================================================================ added: futex_waitv, robust lists, process_vm, pidfd_getfd

const FUTEX_WAITV_MAX = 128;

const waiterV = (b: Uint8Array, i: number): Value | null => {
  if (i >= FUTEX_WAITV_MAX) return null;
  const f: Field[] = [
    field('val', hex(rd.u64(b, 0))),
    field('uaddr', addr(rd.u64(b, 8))),
    field('flags', xflags(FUTEX_WAITER_FLAGS, BigInt(rd.u32(b, 16)), 'FUTEX_???')),
  ];
  if (rd.u32(b, 20)) f.push(field('__reserved', hex(rd.u32(b, 20))));
  return struct(f);
};

/** An iovec array; `data` caps the bytes of the buffers shown (-1: all), `bases` false prints them as addresses. */
function iovecs(c: Ctx, a: bigint, n: bigint, data: bigint, bases: boolean): Value {
  let left = data;
  return printArray(c, a, n, 16, (b) => {
    const base = rd.u64(b, 0);
    const len = rd.u64(b, 8);
    const shown = left < 0n || len <= left ? len : left;
    if (left >= 0n) left -= shown;
    return struct([field('iov_base', bases ? buf(c, base, shown) : addr(base)), field('iov_len', ulong(len))]);
  }, { ignoreErr: true });
}

const procVmDecoders: Record<string, SyscallDecoder> = {
  futex_waitv: sig([
    (c, i) => printArray(c, c.args[i]!, BigInt.asUintN(32, c.args[1]!), 24, waiterV, { stopMore: true }),
    A.uint,
    (c, i) => hexv(BigInt.asUintN(32, c.args[i]!)),
    (c, i) => timespecAt(c, c.args[i]!),
    (c, i) => xval(CLOCK_IDS, c.args[i]!, 'CLOCK_???'),
  ]),
  get_robust_list: sig([
    PTID,
    { exit: (c, i) => ptrAt(c, c.args[i]!, true) },
    { exit: (c, i) => fetch(c, c.args[i]!, 8, (b) => array([uint(rd.u64(b, 0))]), true) },
  ]),
  process_vm_readv: sig([
    P,
    { exit: (c, i) => iovecs(c, c.args[i]!, c.args[2]!, c.err ? -1n : c.rval, !c.err) },
    { exit: (c, i) => ulong(c.args[i]!) },
    { exit: (c, i) => iovecs(c, c.args[i]!, c.args[4]!, -1n, false) },
    { exit: (c, i) => ulong(c.args[i]!) },
    { exit: (c, i) => ulong(c.args[i]!) },
  ]),
  process_vm_writev: sig([
    P,
    (c, i) => iovecs(c, c.args[i]!, c.args[2]!, -1n, true),
    A.ulong,
    (c, i) => iovecs(c, c.args[i]!, c.args[4]!, -1n, false),
    A.ulong,
    A.ulong,
  ]),
  // the target fd belongs to the pidfd's process, which a pure decoder cannot learn: a number
  pidfd_getfd: sig([A.fd, A.int, (c, i) => hexv(BigInt.asUintN(32, c.args[i]!))], 'fd'),
};

// ================================================================ added: ptrace

const PT = {
  TRACEME: 0n, PEEKTEXT: 1n, PEEKDATA: 2n, PEEKUSER: 3n, POKEUSER: 6n, CONT: 7n, KILL: 8n, SINGLESTEP: 9n,
  GETREGS: 0xcn, SETREGS: 0xdn, GETFPREGS: 0xen, SETFPREGS: 0xfn, ATTACH: 0x10n, DETACH: 0x11n, OLDSETOPTIONS: 0x15n,
  SYSCALL: 0x18n, SYSEMU: 0x1fn, SYSEMU_SINGLESTEP: 0x20n, SINGLEBLOCK: 0x21n,
  SETOPTIONS: 0x4200n, GETEVENTMSG: 0x4201n, GETSIGINFO: 0x4202n, SETSIGINFO: 0x4203n, GETREGSET: 0x4204n,
  SETREGSET: 0x4205n, SEIZE: 0x4206n, INTERRUPT: 0x4207n, LISTEN: 0x4208n, PEEKSIGINFO: 0x4209n,
  GETSIGMASK: 0x420an, SETSIGMASK: 0x420bn, SECCOMP_GET_FILTER: 0x420cn, SECCOMP_GET_METADATA: 0x420dn,
  GET_SYSCALL_INFO: 0x420en,
};
/** Requests whose addr and data are ignored. */
const PT_NO_ADDR = new Set([PT.ATTACH, PT.INTERRUPT, PT.KILL, PT.LISTEN]);
/** Requests whose addr is a number. */
const PT_ADDR_NUM = new Set([PT.GETSIGMASK, PT.SETSIGMASK, PT.SECCOMP_GET_FILTER, PT.SECCOMP_GET_METADATA, PT.GET_SYSCALL_INFO]);
/** Requests whose data is a signal to deliver. */
const PT_DATA_SIG = new Set([PT.CONT, PT.DETACH, PT.SYSCALL, PT.SINGLESTEP, PT.SINGLEBLOCK, PT.SYSEMU, PT.SYSEMU_SINGLESTEP]);
/** Requests whose data is filled by the kernel (printed at exit when verbose). */
const PT_DATA_OUT = new Set([
  PT.PEEKDATA, PT.PEEKTEXT, PT.PEEKUSER, PT.GETEVENTMSG, PT.GETSIGINFO, PT.GETSIGMASK, PT.PEEKSIGINFO,
  PT.SECCOMP_GET_FILTER, PT.GET_SYSCALL_INFO,
]);
/** Requests printed at exit with the registers at data (addr is not shown). */
const PT_GETREGS = new Set([PT.GETREGS, PT.GETFPREGS]);

const ptraceReq = (c: Ctx): bigint => c.args[0]!;

/** The register layouts below are x86_64's; elsewhere the registers print as their address. */
const X86 = NATIVE.name === 'x86_64';
const USER_REGS = [
  'r15', 'r14', 'r13', 'r12', 'rbp', 'rbx', 'r11', 'r10', 'r9', 'r8', 'rax', 'rcx', 'rdx', 'rsi', 'rdi', 'orig_rax',
  'rip', 'cs', 'eflags', 'rsp', 'ss', 'fs_base', 'gs_base', 'ds', 'es', 'fs', 'gs',
];
/** Offsets in struct user that PTRACE_PEEKUSER/POKEUSER name (x86_64), ascending. */
const USER_OFFSETS: ReadonlyArray<readonly [number, string]> = [
  ...['R15', 'R14', 'R13', 'R12', 'RBP', 'RBX', 'R11', 'R10', 'R9', 'R8', 'RAX', 'RCX', 'RDX', 'RSI', 'RDI', 'ORIG_RAX',
    'RIP', 'CS', 'EFL', 'RSP', 'SS'].map((n, i) => [i * 8, `8*${n}`] as const),
  ...([[216, 'u_fpvalid'], [224, 'i387'], [736, 'u_tsize'], [744, 'u_dsize'], [752, 'u_ssize'], [760, 'start_code'],
    [768, 'start_stack'], [776, 'signal'], [784, 'reserved'], [792, 'u_ar0'], [800, 'u_fpstate'], [808, 'magic'],
    [816, 'u_comm'], [848, 'u_debugreg']] as const).map(([o, n]) => [o, `offsetof(struct user, ${n})`] as const),
  [912, 'sizeof(struct user)'],
];

/** print_user_offset_addr: `8*RAX`, `offsetof(struct user, u_debugreg)+8`, or the address. */
function userOffset(a: bigint): Value {
  if (!X86) return addr(a);
  let hit: readonly [number, string] | undefined;
  for (const e of USER_OFFSETS) if (BigInt(e[0]) <= a) hit = e;
  if (!hit || (a > BigInt(hit[0]) && hit === USER_OFFSETS[USER_OFFSETS.length - 1])) return addr(a);
  const extra = a - BigInt(hit[0]);
  return { k: 'sym', name: extra ? `${hit[1]}+${extra}` : hit[1], v: a, fmt: 'x' };
}

const REGS_SIZE = 27 * 8, FPREGS_SIZE = 512;

/** A user_regs_struct (NT_PRSTATUS) of `size` bytes at `a` (arch_decode_prstatus_regset). */
function prstatusAt(c: Ctx, a: bigint, size: bigint, exiting = false): Value {
  if (!X86 || !size || size & 7n) return addr(a);
  const n = size < BigInt(REGS_SIZE) ? Number(size) : REGS_SIZE;
  return fetch(c, a, n, (b) => struct(
    USER_REGS.slice(0, n / 8).map((r, i) => field(r, hex(rd.u64(b, i * 8)))), size > BigInt(REGS_SIZE),
  ), exiting);
}

/** A user_fpregs_struct (NT_FPREGSET) of `size` bytes at `a` (arch_decode_fpregset). */
function fpregsetAt(c: Ctx, a: bigint, size: bigint, exiting = false): Value {
  if (!X86 || !size || size & 7n) return addr(a);
  const n = size < BigInt(FPREGS_SIZE) ? Number(size) : FPREGS_SIZE;
  return fetch(c, a, n, (b) => {
    const f: Field[] = [field('cwd', hex(rd.u16(b, 0)))];
    const head: [string, number, number][] = [
      ['swd', 2, 2], ['ftw', 4, 2], ['fop', 6, 2], ['rip', 8, 8], ['rdp', 16, 8], ['mxcsr', 24, 4], ['mxcr_mask', 28, 4],
    ];
    for (const [name, off, sz] of head) {
      if (n <= off) break;
      f.push(field(name, hex(sz === 2 ? rd.u16(b, off) : sz === 4 ? rd.u32(b, off) : rd.u64(b, off))));
    }
    for (const [name, off, count] of [['st_space', 32, 32], ['xmm_space', 160, 64], ['padding', 416, 24]] as const) {
      if (n <= off) break;
      const len = Math.min(count, Math.floor((n - off) / 4));
      const limit = c.opt.abbrev ? Math.min(len, c.opt.strsize) : len;
      const items = Array.from({ length: limit }, (_, i) => hex(rd.u32(b, off + i * 4)));
      f.push(field(name, array(items, limit < len)));
    }
    return struct(f, size > BigInt(FPREGS_SIZE));
  }, exiting);
}

const NT_PRSTATUS = 1n, NT_FPREGSET = 2n;
/** decode_regset: the registers an iovec of GETREGSET/SETREGSET points to. */
const regsetV = (c: Ctx, nt: bigint, base: bigint, len: bigint, exiting: boolean): Value =>
  (nt === NT_PRSTATUS ? prstatusAt(c, base, len, exiting)
    : nt === NT_FPREGSET ? fpregsetAt(c, base, len, exiting) : addr(base));

/** struct iovec of GETREGSET/SETREGSET: `{iov_base=0x…, iov_len=N}`; iov_len as it was at entry `=>` after. */
const regsetIov = (c: Ctx, a: bigint, oldLen?: bigint): Value => {
  const b = c.mem.read(a, 16);
  if (!b) return addr(a);
  const len = rd.u64(b, 8);
  const lenV: Value = oldLen !== undefined && oldLen !== len ? { k: 'inout', in: ulong(oldLen), out: ulong(len) } : ulong(len);
  const base = regsetV(c, BigInt.asUintN(32, c.args[2]!), rd.u64(b, 0), len, oldLen !== undefined);
  return struct([field('iov_base', base), field('iov_len', lenV)]);
};

/** struct __ptrace_peeksiginfo_args. */
const peeksiginfoArgs = (c: Ctx, a: bigint): Value => fetch(c, a, 16, (b) => struct([
  field('off', uint(rd.u64(b, 0))),
  field('flags', xflags(PTRACE_PEEKSIGINFO_FLAGS, BigInt(rd.u32(b, 8)), 'PTRACE_PEEKSIGINFO_???')),
  field('nr', uint(rd.u32(b, 12))),
]));

function ptraceAddr(c: Ctx, req: bigint): Value {
  const a = c.args[2]!;
  if (req === PT.GETREGSET || req === PT.SETREGSET) return xval(NT_TYPES, a, 'NT_???');
  if (PT_ADDR_NUM.has(req)) return ulong(a);
  if (req === PT.PEEKUSER || req === PT.POKEUSER) return userOffset(a);
  if (req === PT.PEEKSIGINFO) return peeksiginfoArgs(c, a);
  return addr(a);
}

function ptraceData(c: Ctx, req: bigint): Value | undefined {
  const d = c.args[3]!;
  if (PT_DATA_SIG.has(req)) return sigV(Number(BigInt.asIntN(32, d)));
  if (req === PT.SEIZE || req === PT.SETOPTIONS || req === PT.OLDSETOPTIONS) return xflags64(PTRACE_OPTIONS, d, 'PTRACE_O_???');
  if (req === PT.SETSIGINFO) return siginfoAt(c, d);
  if (req === PT.SETSIGMASK) return sigsetAt(c, d, c.args[2]!);
  if (req === PT.GETREGSET) return undefined;
  if (req === PT.SETREGSET) return regsetIov(c, d);
  if (PT_DATA_OUT.has(req) && c.opt.verbose) return undefined;
  return addr(d);
}

const PSI_EXIT_SIZE = 33, PSI_SECCOMP_SIZE = 84;

/** A syscall number of an audit arch: `__NR_read`, else the number. */
function syscallNameV(nr: bigint, arch: number): Value {
  const row = nr < 0x10000n ? tableForAudit(arch)?.rows[Number(nr)] : undefined;
  return row ? sym('__NR_' + row.name, nr) : uint(nr);
}

/** struct ptrace_syscall_info as PTRACE_GET_SYSCALL_INFO filled it (print_ptrace_syscall_info). */
function syscallInfoAt(c: Ctx, a: bigint, userLen: bigint): Value {
  const kernelLen = c.err ? 0n : BigInt.asUintN(64, c.rval);
  const retLen = userLen < kernelLen ? userLen : kernelLen;
  const size = Number(retLen < BigInt(PSI_SECCOMP_SIZE) ? retLen : BigInt(PSI_SECCOMP_SIZE));
  const b = size && c.opt.verbose ? c.mem.read(a, size) : null;
  if (!b) return addr(a);
  const op = b[0]!;
  const f: Field[] = [field('op', xval(PSI_OPS, BigInt(op), 'PTRACE_SYSCALL_INFO_???'))];
  const done = (): Value => struct(f);
  if (size < 8) return done();
  const arch = rd.u32(b, 4);
  f.push(field('arch', xval(AUDIT_ARCHES, BigInt(arch), 'AUDIT_ARCH_???')));
  if (size < 16) return done();
  f.push(field('instruction_pointer', addr(rd.u64(b, 8))));
  if (size < 24) return done();
  f.push(field('stack_pointer', addr(rd.u64(b, 16))));
  if (size < 32) return done();
  if (op === 1 || op === 3) {
    const g: Field[] = [field('nr', syscallNameV(rd.u64(b, 24), arch))];
    const nargs = Math.min(6, Math.floor((size - 32) / 8));
    if (nargs) g.push(field('args', localArray(c, Array.from({ length: nargs }, (_, i) => hex(rd.u64(b, 32 + i * 8))))));
    if (op === 3 && size >= PSI_SECCOMP_SIZE) g.push(field('ret_data', uint(rd.u32(b, 80))));
    f.push(field(op === 1 ? 'entry' : 'seccomp', struct(g)));
  } else if (op === 2) {
    const rval = rd.s64(b, 24);
    const isError = size >= PSI_EXIT_SIZE ? b[32]! : 0;
    const name = isError && rval < 0n ? errnoName(Number(-rval)) : undefined;
    const g: Field[] = [field('rval', name ? tok('-' + name) : int(rval))];
    if (size >= PSI_EXIT_SIZE) g.push(field('is_error', uint(isError)));
    f.push(field('exit', struct(g)));
  }
  return done();
}

const ptrace: SyscallDecoder = {
  entry: (c) => {
    const req = ptraceReq(c);
    const out: Value[] = [xval64(PTRACE_CMDS, req, 'PTRACE_???')];
    if (req === PT.TRACEME) return out;
    out.push(pidV(c, c.args[1]!));
    if (PT_NO_ADDR.has(req)) return out;
    if (req === PT.SETREGS) return [...out, prstatusAt(c, c.args[3]!, BigInt(REGS_SIZE))];
    if (req === PT.SETFPREGS) return [...out, fpregsetAt(c, c.args[3]!, BigInt(FPREGS_SIZE))];
    if (PT_GETREGS.has(req)) return out;
    out.push(ptraceAddr(c, req));
    if (req === PT.GETREGSET) {
      const b = c.mem.read(c.args[3]!, 16);
      if (b) c.state.iovLen = rd.u64(b, 8);
      else out.push(addr(c.args[3]!));
      return out;
    }
    const d = ptraceData(c, req);
    if (d) out.push(d);
    return out;
  },
  needsExit: (c) => {
    const req = ptraceReq(c);
    if (req === PT.GETREGSET) return c.state.iovLen !== undefined;
    return PT_GETREGS.has(req) || (PT_DATA_OUT.has(req) && c.opt.verbose);
  },
  exit: (c) => {
    const req = ptraceReq(c);
    const d = c.args[3]!;
    if (req === PT.GETREGSET) return [regsetIov(c, d, c.state.iovLen as bigint)];
    if (req === PT.GETREGS) return [prstatusAt(c, d, BigInt(REGS_SIZE), true)];
    if (req === PT.GETFPREGS) return [fpregsetAt(c, d, BigInt(FPREGS_SIZE), true)];
    switch (req) {
      case PT.PEEKDATA: case PT.PEEKTEXT: case PT.PEEKUSER: return [ptrAt(c, d, true)];
      case PT.GETEVENTMSG: return [fetch(c, d, 8, (b) => array([uint(rd.u64(b, 0))]), true)];
      case PT.GETSIGINFO: return [siginfoAt(c, d, true)];
      case PT.GETSIGMASK: return [sigsetAt(c, d, c.args[2]!, true)];
      case PT.GET_SYSCALL_INFO: return [syscallInfoAt(c, d, c.args[2]!)];
      case PT.PEEKSIGINFO: return [printArray(c, d, c.rval, 128, (b) => decodeSiginfo(b, c), { exiting: true })];
      case PT.SECCOMP_GET_FILTER: return [c.err ? addr(d) : bpfProg(c, d, Number(BigInt.asUintN(16, c.rval)), true)];
      default: return [addr(d)];
    }
  },
};

// ================================================================ added: keys

/** A key serial number: KEY_SPEC_* or the number. */
const keyV = (v: bigint): Value => symOf(KEY_SPEC, BigInt.asIntN(32, v));
const K: ArgFn = (c, i) => keyV(c.args[i]!);
/** printstrn: `len` bytes at `a`. */
const strn = (c: Ctx, a: bigint, len: bigint): Value => buf(c, a, len);

const KEYCTL = {
  GET_KEYRING_ID: 0, JOIN_SESSION_KEYRING: 1, UPDATE: 2, REVOKE: 3, CHOWN: 4, SETPERM: 5, DESCRIBE: 6, CLEAR: 7,
  LINK: 8, UNLINK: 9, SEARCH: 10, READ: 11, INSTANTIATE: 12, NEGATE: 13, SET_REQKEY_KEYRING: 14, SET_TIMEOUT: 15,
  ASSUME_AUTHORITY: 16, GET_SECURITY: 17, SESSION_TO_PARENT: 18, REJECT: 19, INSTANTIATE_IOV: 20, INVALIDATE: 21,
  GET_PERSISTENT: 22, RESTRICT_KEYRING: 29, MOVE: 30,
};

/** The arguments after the command, at entry, by command (args are 1-based: arg2 … arg5). */
const KEYCTL_ARGS: Record<number, (c: Ctx, a: bigint[]) => Value[]> = {
  [KEYCTL.GET_KEYRING_ID]: (c, a) => [keyV(a[1]!), sint(a[2]!)],
  [KEYCTL.JOIN_SESSION_KEYRING]: (c, a) => [cstr(c, a[1]!)],
  [KEYCTL.UPDATE]: (c, a) => [keyV(a[1]!), strn(c, a[2]!, a[3]!), ulong(a[3]!)],
  [KEYCTL.REVOKE]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.CLEAR]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.INVALIDATE]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.ASSUME_AUTHORITY]: (c, a) => [keyV(a[1]!)],
  [KEYCTL.LINK]: (c, a) => [keyV(a[1]!), keyV(a[2]!)],
  [KEYCTL.UNLINK]: (c, a) => [keyV(a[1]!), keyV(a[2]!)],
  [KEYCTL.SEARCH]: (c, a) => [keyV(a[1]!), cstr(c, a[2]!), cstr(c, a[3]!), keyV(a[4]!)],
  [KEYCTL.CHOWN]: (c, a) => [keyV(a[1]!), idV(a[2]!), idV(a[3]!)],
  [KEYCTL.SETPERM]: (c, a) => [keyV(a[1]!), xflags32(KEY_PERMS, a[2]!, 'KEY_???')],
  [KEYCTL.INSTANTIATE]: (c, a) => [keyV(a[1]!), strn(c, a[2]!, a[3]!), ulong(a[3]!), keyV(a[4]!)],
  [KEYCTL.NEGATE]: (c, a) => [keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!)), keyV(a[3]!)],
  [KEYCTL.SET_REQKEY_KEYRING]: (c, a) => [symOf(KEY_REQKEYS, BigInt.asIntN(32, a[1]!), 'd', 'KEY_REQKEY_DEFL_???')],
  [KEYCTL.SET_TIMEOUT]: (c, a) => [keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!))],
  [KEYCTL.SESSION_TO_PARENT]: () => [],
  [KEYCTL.REJECT]: (c, a) => [
    keyV(a[1]!), uint(BigInt.asUintN(32, a[2]!)),
    ((e) => (e ? tok(e) : uint(BigInt.asUintN(32, a[3]!))))(errnoName(Number(BigInt.asUintN(32, a[3]!)))),
    keyV(a[4]!),
  ],
  [KEYCTL.INSTANTIATE_IOV]: (c, a) => [keyV(a[1]!), iovecs(c, a[2]!, a[3]!, -1n, true), ulong(a[3]!), keyV(a[4]!)],
  [KEYCTL.GET_PERSISTENT]: (c, a) => [idV(a[1]!), keyV(a[2]!)],
  [KEYCTL.RESTRICT_KEYRING]: (c, a) => [keyV(a[1]!), cstr(c, a[2]!), cstr(c, a[3]!)],
  [KEYCTL.MOVE]: (c, a) => [keyV(a[1]!), keyV(a[2]!), keyV(a[3]!), xflags32(KEYCTL_MOVE_FLAGS, a[4]!, 'KEYCTL_MOVE_???')],
};
const KEYCTL_DH_COMPUTE = 23, KEYCTL_PKEY_QUERY = 24, KEYCTL_PKEY_VERIFY = 28, KEYCTL_CAPABILITIES = 31;
const KEYCTL_PKEY_OUT = new Set([25, 26, 27]); // KEYCTL_PKEY_ENCRYPT, _DECRYPT, _SIGN

/** A u32 array printed only when not all zero: `__spare=[0, 0x1, …]`. */
const spareField = (c: Ctx, b: Uint8Array, off: number, n: number): Field[] => {
  const w = Array.from({ length: n }, (_, i) => rd.u32(b, off + i * 4));
  return w.some((x) => x) ? [field('__spare', localArray(c, w.map((x) => hex(x))))] : [];
};

/** struct keyctl_pkey_params; `out` names the third word out_len, else in2_len. */
function pkeyParams(c: Ctx, a: bigint, out: boolean): { v: Value; b?: Uint8Array } {
  if (a === 0n || !c.opt.verbose) return { v: addr(a) };
  const b = c.mem.read(a, 40);
  if (!b) return { v: badPtr(a) };
  return {
    v: struct([
      field('key_id', keyV(BigInt(rd.s32(b, 0)))), field('in_len', uint(rd.u32(b, 4))),
      field(out ? 'out_len' : 'in2_len', uint(rd.u32(b, 8))), ...spareField(c, b, 12, 7),
    ]),
    b,
  };
}

/** The commands with an exit part beyond the read-key ones. */
const KEYCTL_SPECIAL: Record<number, SyscallDecoder> = {
  [KEYCTL_DH_COMPUTE]: {
    entry: (c) => [fetch(c, c.args[1]!, 12, (b) => struct([
      field('private', keyV(BigInt(rd.s32(b, 0)))), field('prime', keyV(BigInt(rd.s32(b, 4)))),
      field('base', keyV(BigInt(rd.s32(b, 8)))),
    ]))],
    exit: (c) => {
      const [bufA, len, kdfA] = [c.args[2]!, c.args[3]!, c.args[4]!];
      const data = c.err ? addr(bufA) : buf(c, bufA, c.rval >= 0n && c.rval > len ? len : c.rval);
      const k = kdfA ? c.mem.read(kdfA, 56) : null;
      const kdf = !k ? addr(kdfA) : (() => {
        const otherLen = rd.u32(k, 16);
        return struct([
          field('hashname', cstr(c, rd.u64(k, 0))),
          field('otherinfo', otherLen ? buf(c, rd.u64(k, 8), otherLen) : addr(rd.u64(k, 8))),
          field('otherinfolen', uint(otherLen)), ...spareField(c, k, 20, 8),
        ]);
      })();
      return [data, ulong(len), kdf];
    },
  },
  [KEYCTL_PKEY_QUERY]: {
    entry: (c) => [keyV(c.args[1]!), hexv(c.args[2]!), cstr(c, c.args[3]!)],
    exit: (c) => [fetch(c, c.args[4]!, 56, (b) => struct([
      field('supported_ops', xflags(KEYCTL_PKEY_OPS, BigInt(rd.u32(b, 0)), 'KEYCTL_SUPPORTS_???')),
      field('key_size', uint(rd.u32(b, 4))), field('max_data_size', uint(rd.u16(b, 8))),
      field('max_sig_size', uint(rd.u16(b, 10))), field('max_enc_size', uint(rd.u16(b, 12))),
      field('max_dec_size', uint(rd.u16(b, 14))), ...spareField(c, b, 16, 10),
    ]), true)],
  },
  [KEYCTL_CAPABILITIES]: {
    entry: () => [],
    exit: (c) => {
      const [a, len] = [c.args[1]!, c.args[2]!];
      const caps = [[KEYCTL_CAPS0, 'KEYCTL_CAPS0_???'], [KEYCTL_CAPS1, 'KEYCTL_CAPS1_???']] as const;
      const v = c.err ? addr(a) : printArray(c, a, len < c.rval ? len : c.rval, 1, (b, i) =>
        (i < caps.length ? xflags(caps[i]![0], BigInt(b[0]!), caps[i]![1]) : hex(b[0]!)), { exiting: true });
      return [v, ulong(len)];
    },
  },
};

/** The PKEY encrypt/decrypt/sign/verify commands: params, info, the input, and the output (at exit) or second input. */
function pkeyOp(c: Ctx, out: boolean): Value[] {
  const p = pkeyParams(c, c.args[1]!, out);
  const res = [p.v, cstr(c, c.args[2]!)];
  if (!p.b) return [...res, addr(c.args[3]!), addr(c.args[4]!)];
  res.push(buf(c, c.args[3]!, rd.u32(p.b, 4)));
  if (out) c.state.outLen = rd.u32(p.b, 8);
  else res.push(buf(c, c.args[4]!, rd.u32(p.b, 8)));
  return res;
}

/** Commands that read a key into a buffer: the buffer and its size print at exit. */
const KEYCTL_READS = new Set([KEYCTL.DESCRIBE, KEYCTL.READ, KEYCTL.GET_SECURITY]);
const keyctlCmd = (c: Ctx): number => Number(BigInt.asIntN(32, c.args[0]!));

/** keyctl_read_key at exit: what the kernel wrote (up to the buffer size); DESCRIBE/GET_SECURITY drop the NUL. */
function keyBuf(c: Ctx): Value {
  const a = c.args[2]!;
  const len = c.args[3]!;
  if (c.err) return addr(a);
  const n = c.rval >= 0n && c.rval > len ? len : c.rval;
  if (keyctlCmd(c) !== KEYCTL.READ && n > 0n && a !== 0n) {
    // QUOTE_OMIT_TRAILING_0: a NUL as the last byte shown ends the string
    const shown = n < BigInt(c.opt.strsize) ? Number(n) : c.opt.strsize;
    const b = c.mem.read(a, shown);
    if (b && b[shown - 1] === 0) return { k: 'str', b: b.subarray(0, shown - 1) };
  }
  return buf(c, a, n);
}

const keyDecoders: Record<string, SyscallDecoder> = {
  add_key: sig([A.cstr, A.cstr, (c, i) => strn(c, c.args[i]!, c.args[3]!), A.ulong, K]),
  request_key: sig([A.cstr, A.cstr, A.cstr, K]),
  keyctl: {
    entry: (c) => {
      const cmd = keyctlCmd(c);
      const head = xval(KEYCTL_CMDS, c.args[0]!, 'KEYCTL_???');
      if (KEYCTL_READS.has(cmd)) return [head, keyV(c.args[1]!)];
      const special = KEYCTL_SPECIAL[cmd];
      if (special) return [head, ...special.entry(c)];
      if (KEYCTL_PKEY_OUT.has(cmd) || cmd === KEYCTL_PKEY_VERIFY) return [head, ...pkeyOp(c, cmd !== KEYCTL_PKEY_VERIFY)];
      const f = KEYCTL_ARGS[cmd];
      return [head, ...(f ? f(c, c.args) : c.args.slice(1, 5).map((v) => hexv(v)))];
    },
    needsExit: (c) => {
      const cmd = keyctlCmd(c);
      return KEYCTL_READS.has(cmd) || KEYCTL_SPECIAL[cmd] !== undefined || (KEYCTL_PKEY_OUT.has(cmd) && c.state.outLen !== undefined);
    },
    exit: (c) => {
      const cmd = keyctlCmd(c);
      const special = KEYCTL_SPECIAL[cmd];
      if (special) return special.exit!(c);
      if (KEYCTL_PKEY_OUT.has(cmd)) return [c.err ? addr(c.args[4]!) : buf(c, c.args[4]!, BigInt(c.state.outLen as number))];
      return [keyBuf(c), ulong(c.args[3]!)];
    },
  },
};

// ================================================================ added: bpf, perf_event_open

/** A char array field printed up to its NUL, `...` if it has none (print_quoted_cstring). */
function cstrField(b: Uint8Array, off: number, size: number): Value {
  const s = b.subarray(off, off + size);
  const z = s.indexOf(0);
  if (z >= 0) return { k: 'str', b: s.subarray(0, z) };
  return { k: 'str', b: s.subarray(0, Math.max(0, size - 1)), trunc: true };
}

const BPF_MAP_CREATE_SIZE = 72;
const BPF_F_NUMA_NODE = 4;

/** union bpf_attr of BPF_MAP_CREATE, fields up to what `len` bytes hold (older kernels' sizes). */
function bpfMapCreate(b: Uint8Array, len: number): Field[] {
  const f: Field[] = [
    field('map_type', xval(BPF_MAP_TYPES, BigInt(rd.u32(b, 0)), 'BPF_MAP_TYPE_???')),
    field('key_size', uint(rd.u32(b, 4))), field('value_size', uint(rd.u32(b, 8))), field('max_entries', uint(rd.u32(b, 12))),
  ];
  if (len <= 16) return f;
  const flags = rd.u32(b, 16);
  f.push(field('map_flags', xflags(BPF_MAP_FLAGS, BigInt(flags), 'BPF_F_???')));
  if (len <= 20) return f;
  f.push(field('inner_map_fd', { k: 'fd', fd: rd.s32(b, 20) }));
  if (len <= 24) return f;
  if (flags & BPF_F_NUMA_NODE) {
    const node = rd.u32(b, 24);
    f.push(field('numa_node', node === 0xffffffff ? note(uint(node), 'NUMA_NO_NODE') : uint(node)));
  }
  if (len <= 28) return f;
  f.push(field('map_name', cstrField(b, 28, Math.min(16, len - 28))));
  if (len <= 44) return f;
  f.push(field('map_ifindex', ifindexV(rd.u32(b, 44))));
  if (len <= 48) return f;
  f.push(field('btf_fd', { k: 'fd', fd: rd.s32(b, 48) }), field('btf_key_type_id', uint(rd.u32(b, 52))),
    field('btf_value_type_id', uint(rd.u32(b, 56))));
  if (len <= 60) return f;
  f.push(field('btf_vmlinux_value_type_id', uint(rd.u32(b, 60))));
  if (len <= 64) return f;
  f.push(field('map_extra', uint(rd.u64(b, 64))));
  return f;
}

/** decode_attr_extra_data: nonzero bytes past the struct strace knows. */
function bpfExtra(c: Ctx, b: Uint8Array, known: number): Field[] {
  const extra = b.subarray(known);
  if (!extra.some((x) => x !== 0)) return [];
  if (c.opt.abbrev) return [{ v: tok('...') }];
  return [{ n: 'extra_data', v: note({ k: 'str', b: extra, hex: true } as Value, `bytes ${known}..${b.length - 1}`) }];
}

/** bpf commands that return a new fd. */
const BPF_FD_CMDS = new Set([0, 5, 6, 7, 13, 14, 17, 18, 19, 28, 30, 33]);
const PAGE_SIZE = 4096n;


/**
 * One field of a bpf command's attr: name, offset, printer; `opt` fields print only when the size
 * reaches them; `when` fields only when it holds for the attr.
 */
type BpfField = readonly [string, number, (c: Ctx, b: Uint8Array, off: number) => Value, boolean?, ((b: Uint8Array) => boolean)?];
const bfFd = (_c: Ctx, b: Uint8Array, off: number): Value => ({ k: 'fd', fd: rd.s32(b, off) });
const bfU32 = (_c: Ctx, b: Uint8Array, off: number): Value => uint(rd.u32(b, off));
const bfAddr = (_c: Ctx, b: Uint8Array, off: number): Value => addr(rd.u64(b, off));
const bfPath = (c: Ctx, b: Uint8Array, off: number): Value => path(c, rd.u64(b, off));
const bfFlags64 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xflags64(x, rd.u64(b, off), unknown);
const bfFlags32 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xflags32(x, BigInt(rd.u32(b, off)), unknown);
const bfVal64 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xval64(x, rd.u64(b, off), unknown);
const bfVal32 = (x: ReturnType<typeof xlat>, unknown: string) => (_c: Ctx, b: Uint8Array, off: number): Value =>
  xval(x, BigInt(rd.u32(b, off)), unknown);

const BPF_LOOKUP: readonly BpfField[] = [
  ['map_fd', 0, bfFd], ['key', 8, bfAddr], ['value', 16, bfAddr], ['flags', 24, bfFlags64(BPF_LOOKUP_FLAGS, 'BPF_???'), true],
];
const BPF_OBJ: readonly BpfField[] = [
  ['pathname', 0, bfPath], ['bpf_fd', 8, bfFd], ['file_flags', 12, bfFlags32(BPF_FILE_MODE_FLAGS, 'BPF_F_???'), true],
];
const bfInsns = (c: Ctx, b: Uint8Array, off: number): Value => {
  const a = rd.u64(b, off);
  return c.opt.abbrev ? addr(a) : printArray(c, a, rd.u32(b, 4), 8, ebpfInsn, { stopMore: true });
};
const bfKernelVersion = (_c: Ctx, b: Uint8Array, off: number): Value => {
  const v = rd.u32(b, off);
  return { k: 'sym', name: `KERNEL_VERSION(${v >>> 16}, ${(v >>> 8) & 0xff}, ${v & 0xff})`, v: BigInt(v), fmt: 'x' };
};
const BPF_PROG_LOAD_FIELDS: readonly BpfField[] = [
  ['prog_type', 0, bfVal32(BPF_PROG_TYPES, 'BPF_PROG_TYPE_???')], ['insn_cnt', 4, bfU32], ['insns', 8, bfInsns],
  ['license', 16, (c, b, off) => cstr(c, rd.u64(b, off))],
  ['log_level', 24, bfU32, true], ['log_size', 28, bfU32], ['log_buf', 32, (c, b, off) => cstrN(c, rd.u64(b, off), rd.u32(b, 28))],
  ['kern_version', 40, bfKernelVersion, true],
  ['prog_flags', 44, bfFlags32(BPF_PROG_FLAGS, 'BPF_F_???'), true],
  ['prog_name', 48, (_c, b, off) => cstrField(b, off, 16), true],
  ['prog_ifindex', 64, (_c, b, off) => ifindexV(rd.u32(b, off)), true],
  ['expected_attach_type', 68, bfVal32(BPF_ATTACH_TYPES, 'BPF_???'), true],
  ['prog_btf_fd', 72, bfFd, true], ['func_info_rec_size', 76, bfU32], ['func_info', 80, bfAddr], ['func_info_cnt', 88, bfU32],
  ['line_info_rec_size', 92, bfU32], ['line_info', 96, bfAddr], ['line_info_cnt', 104, bfU32],
  ['attach_btf_id', 108, bfU32, true], ['attach_prog_fd', 112, bfFd, true], ['fd_array', 120, bfAddr, true],
];

const bpfById = (id: string): readonly BpfField[] => [
  [id, 0, bfU32], ['next_id', 4, bfU32], ['open_flags', 8, bfFlags32(BPF_FILE_MODE_FLAGS, 'BPF_F_???'), true],
];

const BPF_TEST_RUN_FIELDS: readonly BpfField[] = [
  ['prog_fd', 0, bfFd], ['retval', 4, bfU32], ['data_size_in', 8, bfU32], ['data_size_out', 12, bfU32],
  ['data_in', 16, bfAddr], ['data_out', 24, bfAddr], ['repeat', 32, bfU32], ['duration', 36, bfU32],
  ['ctx_size_in', 40, bfU32, true], ['ctx_size_out', 44, bfU32], ['ctx_in', 48, bfAddr], ['ctx_out', 56, bfAddr],
  ['flags', 64, bfFlags32(BPF_TEST_RUN_FLAGS, 'BPF_F_???'), true], ['cpu', 68, bfU32], ['batch_size', 72, bfU32, true],
];

/**
 * The attr layouts of the bpf commands decoded here, with strace's size of each; `wrap` nests the
 * fields in a named struct (`{test={…}}`).
 */
const BPF_ATTRS: Record<number, { size: number; fields: readonly BpfField[]; wrap?: string }> = {
  10: { size: 76, fields: BPF_TEST_RUN_FIELDS, wrap: 'test' }, // BPF_PROG_TEST_RUN
  17: { // BPF_RAW_TRACEPOINT_OPEN
    size: 12, wrap: 'raw_tracepoint',
    fields: [['name', 0, (c, b, off) => cstrN(c, rd.u64(b, off), 128)], ['prog_fd', 8, bfFd]],
  },
  18: { // BPF_BTF_LOAD
    size: 28,
    fields: [['btf', 0, (c, b, off) => buf(c, rd.u64(b, off), rd.u32(b, 16))], ['btf_log_buf', 8, bfAddr],
      ['btf_size', 16, bfU32], ['btf_log_size', 20, bfU32], ['btf_log_level', 24, bfU32]],
  },
  29: { // BPF_LINK_UPDATE
    size: 16, wrap: 'link_update',
    fields: [['link_fd', 0, bfFd], ['new_prog_fd', 4, bfFd], ['flags', 8, bfFlags32(BPF_ATTACH_FLAGS, 'BPF_F_???')],
      ['old_prog_fd', 12, bfFd, false, (b) => (rd.u32(b, 8) & 4) !== 0]],
  },
  30: { size: 4, fields: [['link_id', 0, bfU32]] }, // BPF_LINK_GET_FD_BY_ID
  1: { size: 32, fields: BPF_LOOKUP }, // BPF_MAP_LOOKUP_ELEM
  21: { size: 32, fields: BPF_LOOKUP }, // BPF_MAP_LOOKUP_AND_DELETE_ELEM
  2: { // BPF_MAP_UPDATE_ELEM
    size: 32,
    fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr], ['value', 16, bfAddr], ['flags', 24, bfVal64(BPF_UPDATE_FLAGS, 'BPF_???')]],
  },
  3: { size: 16, fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr]] }, // BPF_MAP_DELETE_ELEM
  4: { size: 24, fields: [['map_fd', 0, bfFd], ['key', 8, bfAddr], ['next_key', 16, bfAddr]] }, // BPF_MAP_GET_NEXT_KEY
  22: { size: 4, fields: [['map_fd', 0, bfFd]] }, // BPF_MAP_FREEZE
  6: { size: 16, fields: BPF_OBJ }, // BPF_OBJ_PIN
  7: { size: 16, fields: BPF_OBJ }, // BPF_OBJ_GET
  8: { // BPF_PROG_ATTACH
    size: 20,
    fields: [['target_fd', 0, bfFd], ['attach_bpf_fd', 4, bfFd], ['attach_type', 8, bfVal32(BPF_ATTACH_TYPES, 'BPF_???')],
      ['attach_flags', 12, bfFlags32(BPF_ATTACH_FLAGS, 'BPF_F_???')], ['replace_bpf_fd', 16, bfFd, true]],
  },
  9: { size: 12, fields: [['target_fd', 0, bfFd], ['attach_type', 8, bfVal32(BPF_ATTACH_TYPES, 'BPF_???')]] }, // BPF_PROG_DETACH
  13: { size: 12, fields: bpfById('prog_id') }, // BPF_PROG_GET_FD_BY_ID
  14: { size: 12, fields: bpfById('map_id') }, // BPF_MAP_GET_FD_BY_ID
  19: { size: 4, fields: [['btf_id', 0, bfU32]] }, // BPF_BTF_GET_FD_BY_ID
  5: { size: 128, fields: BPF_PROG_LOAD_FIELDS }, // BPF_PROG_LOAD
};

/** union bpf_attr of one command (strace's BEGIN_BPF_CMD_DECODER… END_BPF_CMD_DECODER). */
function bpfAttr(c: Ctx, cmd: number, b: Uint8Array): Value {
  if (cmd === 28) return bpfLinkCreate(c, b);
  if (cmd === 0) {
    const full = new Uint8Array(Math.max(BPF_MAP_CREATE_SIZE, b.length));
    full.set(b);
    return struct([...bpfMapCreate(full, Math.min(b.length, BPF_MAP_CREATE_SIZE)), ...bpfExtra(c, b, BPF_MAP_CREATE_SIZE)]);
  }
  const spec = BPF_ATTRS[cmd]!;
  const full = new Uint8Array(Math.max(spec.size, b.length));
  full.set(b);
  const len = Math.min(b.length, spec.size);
  const f: Field[] = [];
  for (const [name, off, fn, opt, when] of spec.fields) {
    if (opt && len <= off) break;
    if (!when || when(full)) f.push(field(name, fn(c, full, off)));
  }
  return struct([...(spec.wrap ? [field(spec.wrap, struct(f))] : f), ...bpfExtra(c, b, spec.size)]);
}

/** `size` bytes or more: `b` padded with zeros (strace copies the attr into a zeroed struct). */
const padded = (b: Uint8Array, size: number): Uint8Array => {
  const full = new Uint8Array(Math.max(size, b.length));
  full.set(b);
  return full;
};
/** A u32 field that the kernel may have changed: `N`, or `N => M`. */
const changedU32 = (before: number, after: number): Value =>
  (before !== after ? { k: 'inout', in: uint(before), out: uint(after) } : uint(after));


/** The *_GET_NEXT_ID commands: the kernel fills next_id (`next_id=0 => 5`). */
function bpfNextId(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const a = padded(after, 12);
  const f: Field[] = [field('start_id', uint(rd.u32(a, 0))), field('next_id', changedU32(rd.u32(padded(before, 12), 4), rd.u32(a, 4)))];
  if (after.length > 8) f.push(field('open_flags', xflags32(BPF_FILE_MODE_FLAGS, BigInt(rd.u32(a, 8)), 'BPF_F_???')));
  return struct([...f, ...bpfExtra(c, after, 12)]);
}

/** BPF_PROG_QUERY: the query at entry, the program ids and their count as the kernel left them. */
function bpfProgQuery(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const b = padded(before, 28), a = padded(after, 28);
  return struct([field('query', struct([
    field('target_fd', bfFd(c, b, 0)), field('attach_type', xval(BPF_ATTACH_TYPES, BigInt(rd.u32(b, 4)), 'BPF_???')),
    field('query_flags', xflags(BPF_QUERY_FLAGS, BigInt(rd.u32(b, 8)), 'BPF_F_QUERY_???')),
    field('attach_flags', xflags(BPF_ATTACH_FLAGS, BigInt(rd.u32(b, 12)), 'BPF_F_???')),
    field('prog_ids', printArray(c, rd.u64(a, 16), rd.u32(a, 24), 4, (x) => uint(rd.u32(x, 0)), { exiting: true })),
    field('prog_cnt', changedU32(rd.u32(b, 24), rd.u32(a, 24))),
  ])), ...bpfExtra(c, after, 28)]);
}

/** BPF_TASK_FD_QUERY: what the kernel reports of a task's fd. */
function bpfTaskFdQuery(c: Ctx, before: Uint8Array, after: Uint8Array): Value {
  const b = padded(before, 48), a = padded(after, 48);
  const [lenBefore, lenAfter] = [rd.u32(b, 12), rd.u32(a, 12)];
  return struct([field('task_fd_query', struct([
    field('pid', pidV(c, rd.s32(b, 0))), field('fd', bfFd(c, b, 4)), field('flags', uint(rd.u32(b, 8))),
    field('buf_len', changedU32(lenBefore, lenAfter)),
    field('buf', cstrN(c, rd.u64(a, 16), Math.min(lenBefore, lenAfter))),
    field('prog_id', uint(rd.u32(a, 24))), field('fd_type', xval(BPF_TASK_FD_TYPES, BigInt(rd.u32(a, 28)), 'BPF_FD_TYPE_???')),
    field('probe_offset', hex(rd.u64(a, 32))), field('probe_addr', hex(rd.u64(a, 40))),
  ])), ...bpfExtra(c, after, 48)]);
}

/** The batch commands: the batch at entry, then ` => {batch={count=N}}` when the kernel changed the count. */
const bpfBatch = (fields: readonly string[]) => (c: Ctx, before: Uint8Array, after: Uint8Array): Value => {
  const b = padded(before, 56);
  const at: Record<string, (x: Uint8Array) => Value> = {
    in_batch: (x) => addr(rd.u64(x, 0)), out_batch: (x) => addr(rd.u64(x, 8)), keys: (x) => addr(rd.u64(x, 16)),
    values: (x) => addr(rd.u64(x, 24)), count: (x) => uint(rd.u32(x, 32)), map_fd: (x) => bfFd(c, x, 36),
    elem_flags: (x) => xflags64(BPF_LOOKUP_FLAGS, rd.u64(x, 40), 'BPF_???'), flags: (x) => hex(rd.u64(x, 48)),
  };
  const v = struct([field('batch', struct(fields.map((n) => field(n, at[n]!(b))))), ...bpfExtra(c, before, 56)]);
  const count = rd.u32(padded(after, 56), 32);
  return count !== rd.u32(b, 32) ? { k: 'inout', in: v, out: struct([field('batch', struct([field('count', uint(count))]))]) } : v;
};

/** Commands whose attr prints when the call returns (from the attr at entry and at exit). */
const BPF_AT_EXIT: Record<number, (c: Ctx, before: Uint8Array, after: Uint8Array) => Value> = {
  11: bpfNextId, 12: bpfNextId, 23: bpfNextId, 31: bpfNextId, // BPF_*_GET_NEXT_ID
  16: bpfProgQuery, // BPF_PROG_QUERY
  20: bpfTaskFdQuery, // BPF_TASK_FD_QUERY
  24: bpfBatch(['in_batch', 'out_batch', 'keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_LOOKUP_BATCH
  25: bpfBatch(['in_batch', 'out_batch', 'keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // …_AND_DELETE_BATCH
  26: bpfBatch(['keys', 'values', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_UPDATE_BATCH
  27: bpfBatch(['keys', 'count', 'map_fd', 'elem_flags', 'flags']), // BPF_MAP_DELETE_BATCH
};

const BPF_TRACE_ITER = 28, BPF_PERF_EVENT = 41, BPF_TRACE_KPROBE_MULTI = 42;

/** BPF_LINK_CREATE: the union after the flags is guessed from the attach type, as strace does. */
function bpfLinkCreate(c: Ctx, raw: Uint8Array): Value {
  const b = padded(raw, 48);
  const len = Math.min(raw.length, 48);
  const type = rd.u32(b, 8);
  const f: Field[] = [
    field('prog_fd', bfFd(c, b, 0)), field('target_fd', bfFd(c, b, 4)),
    field('attach_type', xval(BPF_ATTACH_TYPES, BigInt(type), 'BPF_???')), field('flags', hex(rd.u32(b, 12))),
  ];
  let known = 48;
  if (len > 16) {
    if (type === 0) {
      if (rd.u32(b, 16)) f.push(field('target_btf_id', uint(rd.u32(b, 16))));
      known = 20;
    } else if (type === BPF_TRACE_ITER) {
      f.push(field('iter_info', printArray(c, rd.u64(b, 16), rd.u32(b, 24), 4, (x) =>
        struct([field('map', struct([field('map_fd', { k: 'fd', fd: rd.s32(x, 0) })]))]))));
      f.push(field('iter_info_len', uint(rd.u32(b, 24))));
      known = 28;
    } else if (type === BPF_PERF_EVENT) {
      f.push(field('perf_event', struct([field('bpf_cookie', hex(rd.u64(b, 16)))])));
      known = 24;
    } else if (type === BPF_TRACE_KPROBE_MULTI) {
      const cnt = rd.u32(b, 20);
      f.push(field('kprobe_multi', struct([
        field('flags', xflags(BPF_KPROBE_MULTI_FLAGS, BigInt(rd.u32(b, 16)), 'BPF_F_???')), field('cnt', uint(cnt)),
        field('syms', printArray(c, rd.u64(b, 24), cnt, 8, (x) => cstr(c, rd.u64(x, 0)))),
        field('addrs', printArray(c, rd.u64(b, 32), cnt, 8, (x) => hex(rd.u64(x, 0)))),
        field('cookies', printArray(c, rd.u64(b, 40), cnt, 8, (x) => hex(rd.u64(x, 0)))),
      ])));
      known = 48;
    } else known = 16;
  }
  return struct([field('link_create', struct(f)), ...bpfExtra(c, raw, known)]);
}

/** The attr bytes when strace decodes them (a readable attr of 1 byte … a page), else the Value to print. */
function bpfFetch(c: Ctx, decoded: boolean): Uint8Array | Value {
  const a = c.args[1]!;
  const size = BigInt.asUintN(32, c.args[2]!);
  if (!decoded || size === 0n || size > PAGE_SIZE || a === 0n || !c.opt.verbose) return addr(a);
  return c.mem.read(a, Number(size)) ?? badPtr(a);
}

const bpfCmd = (c: Ctx): number => Number(BigInt.asUintN(32, c.args[0]!));

const bpf: SyscallDecoder = {
  entry: (c) => {
    const cmd = bpfCmd(c);
    const head = xval(BPF_CMDS, BigInt(cmd), 'BPF_???');
    const size = uint(BigInt.asUintN(32, c.args[2]!));
    const atExit = BPF_AT_EXIT[cmd] !== undefined;
    const got = bpfFetch(c, cmd === 0 || cmd === 28 || BPF_ATTRS[cmd] !== undefined || atExit);
    if (got instanceof Uint8Array && atExit) {
      c.state.attr = got;
      return [head];
    }
    return [head, got instanceof Uint8Array ? bpfAttr(c, cmd, got) : got, size];
  },
  needsExit: (c) => c.state.attr !== undefined,
  exit: (c) => {
    const before = c.state.attr as Uint8Array;
    const got = bpfFetch(c, true);
    return [BPF_AT_EXIT[bpfCmd(c)]!(c, before, got instanceof Uint8Array ? got : before), uint(BigInt.asUintN(32, c.args[2]!))];
  },
  ret: (c) => ({ fmt: BPF_FD_CMDS.has(Number(BigInt.asUintN(32, c.args[0]!))) ? 'fd' : 'd' }),
};

const PERF_ATTR_SIZE_VER0 = 64;
const PERF_ATTR_SIZE_MAX = 128;
const PERF_ABBREV_SIZE = 48; // offsetof(struct perf_event_attr, wakeup_events)
const PRECISE_IP = ['arbitrary skid', 'constant skid', 'requested to have 0 skid', 'must have 0 skid'];
/** The one-bit flags of perf_event_attr by bit number (precise_ip, two bits, sits at 15). */
const PERF_BITS: ReadonlyArray<readonly [number, string]> = [
  [0, 'disabled'], [1, 'inherit'], [2, 'pinned'], [3, 'exclusive'], [4, 'exclude_user'], [5, 'exclude_kernel'],
  [6, 'exclude_hv'], [7, 'exclude_idle'], [8, 'mmap'], [9, 'comm'], [10, 'freq'], [11, 'inherit_stat'],
  [12, 'enable_on_exec'], [13, 'task'], [14, 'watermark'], [-1, 'precise_ip'], [17, 'mmap_data'], [18, 'sample_id_all'],
  [19, 'exclude_host'], [20, 'exclude_guest'], [21, 'exclude_callchain_kernel'], [22, 'exclude_callchain_user'],
  [23, 'mmap2'], [24, 'comm_exec'], [25, 'use_clockid'], [26, 'context_switch'], [27, 'write_backward'],
  [28, 'namespaces'], [29, 'ksymbol'], [30, 'bpf_event'], [31, 'aux_output'], [32, 'cgroup'], [33, 'text_poke'],
  [34, 'build_id'], [35, 'inherit_thread'], [36, 'remove_on_exec'], [37, 'sigtrap'],
];

function perfConfig(type: number, config: bigint): Value {
  const shifted = (v: Value, n: number): Value => join('<<', v, tok(String(n)));
  const parts: Value[] = [];
  const hi = config >> 32n;
  if ((type === 0 || type === 3) && hi) parts.push(shifted(hex(hi), 32));
  switch (type) {
    case 0: // PERF_TYPE_HARDWARE: EEEEEEEE000000AA
      parts.push(xval64(PERF_HW_IDS, config & 0xffffffffn, 'PERF_COUNT_HW_???'));
      break;
    case 1: return xval64(PERF_SW_IDS, config, 'PERF_COUNT_SW_???');
    case 2: return uint(config);
    case 3: { // PERF_TYPE_HW_CACHE: EEEEEEEE00DDCCBB
      const top = (config & 0xffffffffn) >> 24n;
      if (top) parts.push(shifted(hex(top), 24));
      parts.push(
        shifted(xval64(PERF_HW_CACHE_RESULT_IDS, (config >> 16n) & 0xffn, 'PERF_COUNT_HW_CACHE_RESULT_???'), 16),
        shifted(xval64(PERF_HW_CACHE_OP_IDS, (config >> 8n) & 0xffn, 'PERF_COUNT_HW_CACHE_OP_???'), 8),
        xval64(PERF_HW_CACHE_IDS, config & 0xffn, 'PERF_COUNT_HW_CACHE_???'),
      );
      break;
    }
    default: return hex(config);
  }
  return parts.length === 1 ? parts[0]! : join('|', ...parts);
}

/** struct perf_event_attr of `size` fetched bytes (print_perf_event_attr). */
function perfAttrV(c: Ctx, b: Uint8Array, size: number, newSize?: Value): Value {
  const u64 = (off: number): bigint => (off + 8 <= size ? rd.u64(b, off) : 0n);
  const u32 = (off: number): number => (off + 4 <= size ? rd.u32(b, off) : 0);
  const type = u32(0);
  const attrSize = u32(4);
  const sizeV = xval(PERF_ATTR_SIZES, BigInt(attrSize), 'PERF_ATTR_SIZE_???');
  const f: Field[] = [
    field('type', xval(PERF_TYPES, BigInt(type), 'PERF_TYPE_???')),
    field('size', newSize ? { k: 'inout', in: sizeV, out: newSize } : sizeV),
    field('config', perfConfig(type, u64(8))),
  ];
  const bits = u64(40);
  const bit = (n: number): bigint => (bits >> BigInt(n)) & 1n;
  f.push(bit(10) ? field('sample_freq', uint(u64(16))) : field('sample_period', uint(u64(16))));
  f.push(field('sample_type', xflags64(PERF_SAMPLE_FORMAT, u64(24), 'PERF_SAMPLE_???')));
  f.push(field('read_format', xflags64(PERF_READ_FORMAT, u64(32), 'PERF_FORMAT_???')));
  for (const [n, name] of PERF_BITS) {
    if (n < 0) {
      const p = Number((bits >> 15n) & 3n);
      f.push(field(name, note(uint(p), PRECISE_IP[p]!)));
    } else if (!c.opt.abbrev || bit(n)) f.push(field(name, uint(bit(n))));
  }
  const reserved = bits >> 38n;
  if (reserved) f.push(field('__reserved_1', note(hex(reserved), 'Bits 63..38')));
  const more = (): boolean => (attrSize !== 0 && attrSize > size) || (attrSize === 0 && size < PERF_ATTR_SIZE_VER0);
  if (c.opt.abbrev) return struct(f, more());
  const watermark = bit(14);
  f.push(watermark ? field('wakeup_watermark', uint(u32(48))) : field('wakeup_events', uint(u32(48))));
  const bp = type === 5;
  if (bp) {
    const t = u32(52);
    f.push(field('bp_type', xval(HW_BREAKPOINT_TYPES, BigInt(t), t <= 7 ? 'HW_BREAKPOINT_INVALID' : 'HW_BREAKPOINT_???')));
  }
  f.push(bp ? field('bp_addr', hex(u64(56))) : field('config1', hex(u64(56))));
  const done = (): Value => struct(f, more());
  if (64 >= size) return done();
  f.push(bp ? field('bp_len', uint(u64(64))) : field('config2', hex(u64(64))));
  if (72 >= size) return done();
  if (u64(24) & 0x800n) f.push(field('branch_sample_type', xflags64(PERF_BRANCH_SAMPLE_TYPES, u64(72), 'PERF_SAMPLE_BRANCH_???')));
  if (80 >= size) return done();
  f.push(field('sample_regs_user', hex(u64(80))));
  if (88 >= size) return done();
  if (u64(24) & 0x2000n) f.push(field('sample_stack_user', hex(BigInt(u32(88)))));
  if (bit(25)) {
    if (92 >= size) return done();
    f.push(field('clockid', xval(CLOCK_IDS, BigInt(u32(92)), 'CLOCK_???')));
  }
  if (96 >= size) return done();
  f.push(field('sample_regs_intr', hex(u64(96))));
  if (104 >= size) return done();
  f.push(field('aux_watermark', uint(u32(104))));
  if (108 >= size) return done();
  f.push(field('sample_max_stack', uint(rd.u16(b, 108))));
  if (110 >= size) return done();
  const r2 = rd.u16(b, 110);
  if (r2) f.push({ v: tok(`/* bytes 110..111: 0x${r2.toString(16)} */`) });
  if (112 >= size) return done();
  f.push(field('aux_sample_size', uint(u32(112))));
  if (116 >= size) return done();
  const r3 = u32(116);
  if (r3) f.push({ v: tok(`/* bytes 116..119: 0x${r3.toString(16)} */`) });
  if (120 >= size) return done();
  f.push(field('sig_data', hex(u64(120))));
  return done();
}

const perfRest = (c: Ctx): Value[] => [
  sint(c.args[1]!), sint(c.args[2]!), fd(c.args[3]!), xflags64(PERF_OPEN_FLAGS, c.args[4]!, 'PERF_FLAG_???'),
];

/**
 * perf_event_open: the attr is fetched at entry and printed at exit (the kernel may write back its
 * size); an attr that cannot be fetched prints as its address, the whole call at entry.
 */
const perfEventOpen: SyscallDecoder = {
  entry: (c) => {
    const a = c.args[0]!;
    const h = a ? c.mem.read(a + 4n, 4) : null;
    let size = h ? rd.u32(h, 0) : 0;
    if (size > PERF_ATTR_SIZE_MAX) size = PERF_ATTR_SIZE_MAX;
    if (!size) size = PERF_ATTR_SIZE_VER0;
    if (!h || size < PERF_ATTR_SIZE_VER0) return [addr(a), ...perfRest(c)];
    if (c.opt.abbrev) size = PERF_ABBREV_SIZE;
    if (!c.opt.verbose) return [addr(a), ...perfRest(c)];
    const b = c.mem.read(a, size);
    if (!b) return [badPtr(a), ...perfRest(c)];
    c.state.attr = b;
    return [];
  },
  needsExit: (c) => c.state.attr !== undefined,
  exit: (c) => {
    const b = c.state.attr as Uint8Array;
    let newSize: Value | undefined;
    if (c.err === E2BIG) {
      const n = c.mem.read(c.args[0]! + 4n, 4);
      newSize = n ? xval(PERF_ATTR_SIZES, BigInt(rd.u32(n, 0)), 'PERF_ATTR_SIZE_???') : tok('???');
    }
    return [perfAttrV(c, b, b.length, newSize), ...perfRest(c)];
  },
  ret: () => ({ fmt: 'fd' }),
};

// ---------------------------------------------------------------- x86 I/O privileges and descriptor tables

/** struct user_desc (16 bytes): entry_number, base_addr, limit, then the flag bits. */
const USER_DESC = 16;
const entryNumber = (b: Uint8Array): Value => (rd.u32(b, 0) === 0xffffffff ? int(-1) : uint(rd.u32(b, 0)));
const formatEntry = (b: Uint8Array): string => (rd.u32(b, 0) === 0xffffffff ? '-1' : String(rd.u32(b, 0)));
/** C's `%#08x`: `00000000`, `0x001000`. */
const hex8 = (v: number): Value => tok(v === 0 ? '00000000' : '0x' + v.toString(16).padStart(6, '0'));
/** The fields after entry_number, as strace's print_user_desc writes them. */
function userDescRest(b: Uint8Array): Field[] {
  const w = rd.u32(b, 12);
  const bit = (n: number, width = 1): Value => uint((w >>> n) & ((1 << width) - 1));
  return [
    field('base_addr', hex8(rd.u32(b, 4))), field('limit', hex8(rd.u32(b, 8))), field('seg_32bit', bit(0)),
    field('contents', bit(1, 2)), field('read_exec_only', bit(3)), field('limit_in_pages', bit(4)),
    field('seg_not_present', bit(5)), field('useable', bit(6)), field('lm', bit(7)),
  ];
}
const userDescAt = (c: Ctx, a: bigint): Value =>
  fetch(c, a, USER_DESC, (b) => struct([field('entry_number', entryNumber(b)), ...userDescRest(b)]));

const ldtDecoders: Record<string, SyscallDecoder> = {
  iopl: sig([A.int]),
  ioperm: sig([A.hex, A.hex, A.int]),
  // the ABI returns an int: on x86_64 an error comes back as a large positive number
  modify_ldt: sig([A.int, (c, i) => (c.args[2] === BigInt(USER_DESC) ? userDescAt(c, c.args[i]!) : addr(c.args[i]!)), A.ulong], (c) =>
    !c.err && BigInt.asUintN(64, c.rval) >= 0xfffff000n ? { fmt: 'd', errno: Number(0x100000000n - BigInt.asUintN(32, c.rval)) } : { fmt: 'd' }),
  // the entry number the kernel chose, after the result
  set_thread_area: sig([(c, i) => userDescAt(c, c.args[i]!)], (c) => {
    const b = !c.err && c.opt.verbose && c.args[0] ? c.mem.read(c.args[0]!, USER_DESC) : null;
    return withAux('d', b ? tok(`entry_number=${rd.u32(b, 0)}`) : undefined);
  }),
  // entry_number at entry; the rest of the struct at exit (`, ...}` when the call failed)
  get_thread_area: {
    entry: (c) => {
      const a = c.args[0]!;
      const b = a && c.opt.verbose ? c.mem.read(a, 4) : null;
      c.state.ldtEntry = b !== null;
      return [b ? tok(`{entry_number=${formatEntry(b)}`) : a ? addr(a) : NULL];
    },
    needsExit: (c) => c.state.ldtEntry === true,
    exit: (c) => {
      const b = c.err ? null : c.mem.read(c.args[0]!, USER_DESC);
      return [b ? joinFields(userDescRest(b)) : tok('...}')];
    },
  },
};
/** `base_addr=0x…, …}`: the fields after entry_number, closing the struct entry opened. */
const joinFields = (fs: Field[]): Value =>
  ({ k: 'join', sep: '', parts: [{ k: 'join', sep: ', ', parts: fs.map((f) => ({ k: 'join', sep: '=', parts: [tok(f.n!), f.v] }) as Value) }, tok('}')] });

export const decoders: Record<string, SyscallDecoder> = {
  ...ldtDecoders,
  execve: withFacts(sig([A.path, (c, i) => argv(c, c.args[i]!), envp]), { commChange: true }),
  execveat: withFacts(sig([A.dirfd, A.path, (c, i) => argv(c, c.args[i]!), envp, (c, i) => xflags32(AT_FLAGS, c.args[i]!, 'AT_???')]), { paths: ['fd', 'path'], commChange: true }),
  exit: sig([A.int], R.none),
  // no arguments to print; the result names a process
  getpid: withFacts(sig([]), { pid: true }),
  getppid: withFacts(sig([]), { pid: true }),
  gettid: withFacts(sig([]), { pid: true }),
  fork: withFacts(sig([]), { pid: true }),
  vfork: withFacts(sig([]), { pid: true }),
  ...idDecoders,
  wait4: withFacts(wait4, { pid: true }),
  waitid,
  clone: withFacts(clone, { pid: true }),
  clone3: withFacts(clone3, { pid: true }),
  prctl: withFacts(prctl, { commChange: [0, 15] }),
  arch_prctl: archPrctl,
  ...capDecoders,
  pidfd_open: withFacts(sig([P, (c, i) => xflags32(PIDFD_OPEN_FLAGS, c.args[i]!, 'PIDFD_???')], 'fd'), { paths: [] }),
  setns: sig([A.fd, (c, i) => xflags32(SETNS_TYPES, c.args[i]!, 'CLONE_NEW???')]),
  unshare: sig([(c, i) => xflags64(UNSHARE_FLAGS, c.args[i]!, 'CLONE_???')]),
  ...miscProcDecoders,
  ...schedAttrDecoders,
  ...procVmDecoders,
  ptrace,
  ...keyDecoders,
  bpf: withFacts(bpf, { paths: [] }),
  perf_event_open: withFacts(perfEventOpen, { paths: [] }),
};
export { path };
