/** Decoders of the process family: execve, exit, wait, clone, ids, prctl, capabilities, … */
import { NATIVE } from '../arch/index.js';
import { A, addr, cstr, fd, hexv, path, R, rd, sig, sint, slong, ulong, type ArgFn } from './args.js';
import type { Ctx, RetInfo, SyscallDecoder } from './types.js';
import { array, field, hex, int, join, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, xlat } from './xlat/core.js';
import { signame } from './xlat/signals.js';
import { AT_FLAGS, CLONE_FLAGS, CSIGNAL, PRCTL_OPTIONS, WAIT_OPTIONS, WAITID_TYPES, ARCH_PRCTL_CODES } from './xlat/tables.js';
import {
  CAPS, CAP_MASK0, CAP_MASK1, CAP_VERSIONS, CLONE3_FLAGS, PIDFD_OPEN_FLAGS, PR_CAP_AMBIENT, PR_DUMPABLE, PR_FP_MODE,
  PR_MCE_KILL, PR_MCE_KILL_POLICY, PR_SET_MM, PR_SET_VMA, PR_SPEC_CMDS, PR_SPEC_GET_FLAGS, PR_SPEC_SET_FLAGS, PR_TSC,
  PR_UNALIGN, PTRACE_EVENTS, SECBITS, SECCOMP_FILTER_FLAGS, SECCOMP_MODES, SECCOMP_OPS, SECCOMP_RET_ACTIONS,
} from './xlat/more.js';
import {
  fetch, flagsText, idV, named, NULL, numAt, P, printArray, ptrAt, rusageAt, sigV, withAux, xflags32,
  xflags64, xval, xval64,
} from './misc.js';
import { siginfoAt } from './signal.js';

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
  for (let p = a; ; n++, p += BigInt(WORD)) {
    const w = c.mem.read(p, WORD);
    if (!w) {
      if (n === 0) return addr(a);
      break;
    }
    if (new DataView(w.buffer, w.byteOffset, 8).getBigUint64(0, true) === 0n) break;
  }
  return { k: 'note', v: addr(a), text: `${n} var${n === 1 ? '' : 's'}` };
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
  setpgid: sig([P, P]),
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
  if (s) {
    const event = (s >>> 16) & 0xffff;
    if (event) {
      const e = lookup(PTRACE_EVENTS, event);
      text += `|${e ?? `0x${event.toString(16)} /* PTRACE_EVENT_??? */`}<<16`;
      s &= 0xffff;
    }
    if (s) text += `|0x${(s >>> 0).toString(16)}`;
  }
  return array([tok(text)]);
}

const wait4: SyscallDecoder = {
  entry: (c) => [sint(c.args[0]!)],
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
    return [xval(WAITID_TYPES, type, 'P_???'), type === 3n ? fd(id) : sint(id)];
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

const clone: SyscallDecoder = {
  entry: (c) => [named('child_stack', addr(c.args[1]!)), named('flags', cloneFlags(c.args[0]!))],
  needsExit: (c) => (c.args[0]! & (CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_SETTLS)) !== 0n,
  exit: (c) => {
    const f = c.args[0]! & ~CSIGNAL;
    const out: Value[] = [];
    if (f & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
      const a = c.args[CLONE_ARGS.ptid]!;
      out.push(named('parent_tid', f & CLONE_PARENT_SETTID ? numAt(c, a, true) : fetch(c, a, 4, (b) => array([{ k: 'fd', fd: rd.s32(b, 0) }]), true)));
    }
    if (f & CLONE_SETTLS) out.push(named('tls', addr(c.args[CLONE_ARGS.tls]!)));
    if (f & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) out.push(named('child_tidptr', addr(c.args[CLONE_ARGS.ctid]!)));
    return out;
  },
};

const CLONE_ARGS_SIZE = 88;
const CLONE_ARGS_MIN = 64;

/** struct clone_args as clone3 prints it on entry. */
function cloneArgsV(b: Uint8Array, fetched: number): Value {
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
    f.push(field('set_tid', addr(setTid)), field('set_tid_size', uint(setTidSize)));
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
  return names.length === 0 && rest !== 0n ? note(v, 'CLONE_???') : v;
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
      return cloneArgsV(b, fetchSize);
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
    if (flags & CLONE_PARENT_SETTID) f.push(field('parent_tid', numAt(c, rd.u64(b, 24))));
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
  (c.err || c.rval === 0n ? { fmt: 'd' } : { fmt: 'x', aux: tok(flagsText(x, BigInt.asUintN(64, c.rval))) });
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
      ? { fmt: 'x', aux: tok(flagsText(PR_SPEC_GET_FLAGS, BigInt.asUintN(64, c.rval))) }
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
    entry: (c) => [BigInt.asIntN(32, c.args[1]!) === -1n ? sym('PR_SET_PTRACER_ANY', -1) : sint(c.args[1]!)],
  },
  22: { // PR_SET_SECCOMP
    entry: (c) => {
      const mode = c.args[1]!;
      const head = xval64(SECCOMP_MODES, mode, 'SECCOMP_MODE_???');
      if (mode === 1n) return [head];
      if (mode === 2n) return [head, fprogAt(c, c.args[2]!)];
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
      xval64(xlat([[0, 'PR_SYS_DISPATCH_OFF'], [1, 'PR_SYS_DISPATCH_ON']]), c.args[1]!, 'PR_SYS_DISPATCH_???'),
      hexv(c.args[2]!), hexv(c.args[3]!), addr(c.args[4]!),
    ],
  },
};
const PRCTL_DEFAULT: Prctl = { entry: (c) => hexRest(c, 1) };
const prctlSpec = (c: Ctx): Prctl => PRCTL[Number(BigInt.asUintN(32, c.args[0]!))] ?? PRCTL_DEFAULT;

const prctl: SyscallDecoder = {
  entry: (c) => [xval(PRCTL_OPTIONS, c.args[0]!, 'PR_???'), ...(prctlSpec(c).entry?.(c) ?? [])],
  exit: (c) => prctlSpec(c).exit?.(c) ?? [],
  needsExit: (c) => prctlSpec(c).exit !== undefined,
  ret: (c) => prctlSpec(c).ret?.(c) ?? { fmt: 'd' },
};

/** struct sock_fprog / seccomp fprog: `{len=N, filter=0x…}` (the filter itself only with -v: not decoded). */
export const fprogAt = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 16, (b) => struct([field('len', uint(rd.u16(b, 0))), field('filter', addr(rd.u64(b, 8)))]));

// ---------------------------------------------------------------- arch_prctl

const XFEATURES = xlat([
  [0x3, 'XFEATURE_MASK_FPSSE'], [0x1, 'XFEATURE_MASK_FP'], [0x2, 'XFEATURE_MASK_SSE'], [0x4, 'XFEATURE_MASK_YMM'],
  [0x8, 'XFEATURE_MASK_BNDREGS'], [0x10, 'XFEATURE_MASK_BNDCSR'], [0xe0, 'XFEATURE_MASK_AVX512'],
  [0x20, 'XFEATURE_MASK_OPMASK'], [0x40, 'XFEATURE_MASK_ZMM_Hi256'], [0x80, 'XFEATURE_MASK_Hi16_ZMM'],
  [0x100, 'XFEATURE_MASK_PT'], [0x200, 'XFEATURE_MASK_PKRU'], [0x400, 'XFEATURE_MASK_PASID'],
  [0x8000, 'XFEATURE_MASK_LBR'], [0x60000, 'XFEATURE_MASK_XTILE'], [0x20000, 'XFEATURE_MASK_XTILE_CFG'],
  [0x40000, 'XFEATURE_MASK_XTILE_DATA'],
]);

/** XLAT_STYLE_VERBOSE flags: `0x3 /* XFEATURE_MASK_FPSSE *\/`. */
const verboseFlags = (v: bigint): Value => (v === 0n ? int(0) : note(hex(v), flagsText(XFEATURES, v)));

const XFEATURE_BITS = xlat([
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

const capHeaderV = (a: bigint, h: { version: number; pid: number } | null): Value =>
  !h ? addr(a) : struct([
    field('version', xval(CAP_VERSIONS, BigInt(h.version), '_LINUX_CAPABILITY_VERSION_???')),
    field('pid', int(h.pid)),
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
    entry: (c) => [capHeaderV(c.args[0]!, capHeader(c, c.args[0]!))],
    exit: (c) => [capData(c, c.args[1]!, c.err ? null : capHeader(c, c.args[0]!))],
  },
  capset: sig([
    (c, i) => capHeaderV(c.args[i]!, capHeader(c, c.args[i]!)),
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
          return [head, xflags(SECCOMP_FILTER_FLAGS, fl, 'SECCOMP_FILTER_FLAG_???'), fprogAt(c, c.args[2]!)];
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

export const decoders: Record<string, SyscallDecoder> = {
  execve: sig([A.path, (c, i) => argv(c, c.args[i]!), envp]),
  execveat: sig([A.dirfd, A.path, (c, i) => argv(c, c.args[i]!), envp, (c, i) => xflags32(AT_FLAGS, c.args[i]!, 'AT_???')]),
  exit: sig([A.int], R.none),
  ...idDecoders,
  wait4,
  waitid,
  clone,
  clone3,
  prctl,
  arch_prctl: archPrctl,
  ...capDecoders,
  pidfd_open: sig([P, (c, i) => xflags32(PIDFD_OPEN_FLAGS, c.args[i]!, 'PIDFD_???')], 'fd'),
  setns: sig([A.fd, (c, i) => xflags32(SETNS_TYPES, c.args[i]!, 'CLONE_NEW???')]),
  unshare: sig([(c, i) => xflags64(UNSHARE_FLAGS, c.args[i]!, 'CLONE_???')]),
};
export { path };
