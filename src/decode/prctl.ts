/** Decoders of prctl(2): each option's arguments and result (strace's prctl.c). */
import { addr, cstr, hexv, rd, sint, slong, ulong, withFacts } from './args.js';
import type { Ctx, PidType, RetInfo, SyscallDecoder } from './types.js';
import { array, hex, note, sym, tok, type Value } from './value.js';
import { lookup, xlat } from './xlat/core.js';
import { CAPS, PIDTYPES, PR_CAP_AMBIENT, PR_DUMPABLE, PR_FP_MODE, PR_MCE_KILL, PR_MCE_KILL_POLICY, PR_MTE_TCF, PR_PAC_ALL_KEYS, PR_PAC_KEYS, PR_SCHED_CORE_CMDS, PR_SET_MM, PR_SET_VMA, PR_SME_VL_FLAGS, PR_SPEC_CMDS, PR_SPEC_GET_FLAGS, PR_SPEC_SET_FLAGS, PR_SVE_VL_FLAGS, PR_TSC, PR_UNALIGN, PRCTL_OPTIONS, SECBITS, SECCOMP_MODES } from './xlat/proc.js';
import {
  auxFlags, cstrN, fetch, flagsText, numAt, pidV, ptrAt, rawless, sigV, withAux, xflags32, xflags64, xval, xval64,
} from './printers.js';
import { fprogAt } from './bpf_filter.js';


// ---------------------------------------------------------------- prctl


/** print_prctl_args: the arguments from `from` (0-based) to the fifth, in hex. */
const hexRest = (c: Ctx, from: number): Value[] => c.args.slice(from, 5).map((v) => hexv(v));

interface Prctl {
  entry?: (c: Ctx) => Value[];
  exit?: (c: Ctx) => Value[];
  ret?: (c: Ctx) => RetInfo;
}

const nothing: Prctl = {};
/** PR_SCHED_CORE's pid kinds by PIDTYPE_* number. */
const SCHED_CORE_PID_TYPES: readonly PidType[] = ['tid', 'tgid', 'pgid', 'sid'];
const getU: Prctl = { exit: (c) => [numAt(c, c.args[1]!, true, true)] };
const setU: Prctl = { entry: (c) => [ulong(c.args[1]!)] };
const setURest: Prctl = { entry: (c) => [ulong(c.args[1]!), ...hexRest(c, 2)] };
const auxName = (x: ReturnType<typeof xlat>) => (c: Ctx): RetInfo =>
  withAux('d', c.err ? undefined : ((n) => (n ? tok(n) : undefined))(lookup(x, BigInt.asUintN(64, c.rval))));
const auxBits = (x: ReturnType<typeof xlat>) => (c: Ctx): RetInfo =>
  (c.err || c.rval === 0n ? { fmt: 'd' } : withAux('x', auxFlags(x, BigInt.asUintN(64, c.rval))));
const intOut = (fn: (v: number) => Value): Prctl => ({
  exit: (c) => [fetch(c, c.args[1]!, 4, (b) => array([fn(rd.u32(b, 0))]), true)],
});

const PRCTL: Record<number, Prctl> = {
  7: nothing, 21: nothing, 30: nothing, 13: nothing, 31: nothing, 32: nothing, // PR_GET_KEEPCAPS, …, PR_TASK_PERF_EVENTS_*
  37: getU, 19: getU, 9: getU, 11: getU, // PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC
  3: { ret: auxName(PR_DUMPABLE) }, // PR_GET_DUMPABLE
  16: { exit: (c) => [c.err ? addr(c.args[1]!) : cstrN(c, c.args[1]!, 16)] }, // PR_GET_NAME
  2: intOut((v) => sigV(v | 0)), // PR_GET_PDEATHSIG
  27: { ret: auxBits(SECBITS) }, // PR_GET_SECUREBITS
  40: { exit: (c) => [ptrAt(c, c.args[1]!, true)] }, // PR_GET_TID_ADDRESS
  25: intOut((v) => xval(PR_TSC, BigInt(v), 'PR_TSC_???')), // PR_GET_TSC
  5: intOut((v) => xflags32(PR_UNALIGN, BigInt(v), 'PR_UNALIGN_???')), // PR_GET_UNALIGN
  46: { ret: auxBits(PR_FP_MODE) }, // PR_GET_FP_MODE
  52: { // PR_GET_SPECULATION_CTRL
    entry: (c) => [xval64(PR_SPEC_CMDS, c.args[1]!, 'PR_SPEC_???')],
    ret: (c) => (!c.err && c.args[1]! <= 2n
      ? withAux('x', auxFlags(PR_SPEC_GET_FLAGS, BigInt.asUintN(64, c.rval)))
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
      if (mode === 2n) return [head, fprogAt(c, c.args[2]!, 'seccomp')];
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
  61: { entry: (c: Ctx) => hexRest(c, 1), ret: auxBits(PR_PAC_KEYS) }, // PR_PAC_GET_ENABLED_KEYS
  62: { // PR_SCHED_CORE (the pid's kind is its 4th argument)
    entry: (c: Ctx) => {
      const pt = BigInt.asUintN(32, c.args[3]!);
      // the pid type prints in the verbose style, except with -X raw
      const verbose = note(hex(pt), lookup(PIDTYPES, pt) ?? 'PIDTYPE_???');
      const ptV: Value = { k: 'styled', abbrev: verbose, raw: hex(pt), verbose };
      // PIDTYPE_PID names a thread, PIDTYPE_TGID a process, PIDTYPE_PGID a group, PIDTYPE_SID a session
      const type = SCHED_CORE_PID_TYPES[Number(pt)];
      const who = type ? pidV(c, c.args[2]!, type) : sint(c.args[2]!);
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

export const decoders: Record<string, SyscallDecoder> = { prctl: withFacts(prctl, { commChange: [0, 15] }) };
