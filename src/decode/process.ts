/** Decoders of the process family: execve, exit, wait, clone, ids, prctl, capabilities, … */
import { NATIVE_ABI } from '../arch/index.js';
import { A, addr, cstr, fd, hexv, path, R, rd, s32, sig, sint, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, field, hex, int, join, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, xlat } from './xlat/core.js';
import { signame } from './xlat/signals.js';
import { AT_FLAGS, CLOCK_IDS, CSIGNAL } from './xlat/tables.js';
import { ARCH_PRCTL_CODES, CLONE3_FLAGS, CLONE_FLAGS, FUTEX_WAITER_FLAGS, PIDFD_OPEN_FLAGS, PTRACE_EVENTS, WAIT_OPTIONS, WAITID_TYPES } from './xlat/proc.js';
import {
  hex0,
  nonzeroTail,
  auxFlags, fetch, flagsText, idV, iovecs, named, NULL, P, PGRP, pidOrGroupV, pidV, printArray, PTID, ptrAt, rusageAt, sigV,
  timespecAt, withAux, xflags32, xflags64, xval,
} from './printers.js';
import { siginfoAt } from './siginfo.js';

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
  getpgid: withFacts(sig([P]), { pid: true, pidType: 'pgid' }),
  getsid: withFacts(sig([P]), { pid: true, pidType: 'sid' }),
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
const CLONE_ARGS = NATIVE_ABI.cloneArgs;

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
    let tail = false;
    const v = fetchSize < CLONE_ARGS_MIN ? addr(a) : fetch(c, a, fetchSize, (b) => {
      flags = rd.u64(b, 0);
      const s = cloneArgsV(c, b, fetchSize);
      // the bytes past the struct this strace knows: shown at entry, and again at exit
      tail = size > BigInt(fetchSize);
      const more = tail ? nonzeroTail(c, a, fetchSize, size) : undefined;
      return more && s.k === 'struct' ? struct([...s.fields, more]) : s;
    });
    c.state.flags = flags;
    c.state.fetchSize = fetchSize;
    c.state.tail = tail;
    if (!(flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) && !tail) return [v, ulong(size)];
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
    const fetchSize = c.state.fetchSize as number;
    const b = c.mem.read(a, fetchSize);
    if (!b) return [{ k: 'inout', in: v, out: addr(a) }, size];
    const f: Field[] = [];
    if (flags & CLONE_PIDFD) f.push(field('pidfd', fetch(c, rd.u64(b, 8), 4, (x) => array([{ k: 'fd', fd: rd.s32(x, 0) }]))));
    if (flags & CLONE_PARENT_SETTID) f.push(field('parent_tid', tidAt(c, rd.u64(b, 24))));
    const more = c.state.tail ? nonzeroTail(c, a, fetchSize, c.args[1]!) : undefined;
    if (more) f.push(more);
    return [f.length ? { k: 'inout', in: v, out: struct(f) } : v, size];
  },
};

// ---------------------------------------------------------------- arch_prctl

const XFEATURES = xlat(() => [
  [0x3, 'XFEATURE_MASK_FPSSE'], [0x1, 'XFEATURE_MASK_FP'], [0x2, 'XFEATURE_MASK_SSE'], [0x4, 'XFEATURE_MASK_YMM'],
  [0x8, 'XFEATURE_MASK_BNDREGS'], [0x10, 'XFEATURE_MASK_BNDCSR'], [0xe0, 'XFEATURE_MASK_AVX512'],
  [0x20, 'XFEATURE_MASK_OPMASK'], [0x40, 'XFEATURE_MASK_ZMM_Hi256'], [0x80, 'XFEATURE_MASK_Hi16_ZMM'],
  [0x100, 'XFEATURE_MASK_PT'], [0x200, 'XFEATURE_MASK_PKRU'], [0x400, 'XFEATURE_MASK_PASID'],
  [0x8000, 'XFEATURE_MASK_LBR'], [0x60000, 'XFEATURE_MASK_XTILE'], [0x20000, 'XFEATURE_MASK_XTILE_CFG'],
  [0x40000, 'XFEATURE_MASK_XTILE_DATA'],
]);

/** XLAT_STYLE_VERBOSE flags: `0x3 /* XFEATURE_MASK_FPSSE *\/`, `/* XFEATURE_MASK_??? *\/` when no bit has a name; -X raw: the number. */
const verboseFlags = (v: bigint): Value => {
  if (v === 0n) return int(0);
  const text = flagsText(XFEATURES, v);
  return { k: 'note', v: hex(v), text: text.startsWith('0x') ? 'XFEATURE_MASK_???' : text, xlat: true };
};

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
      // named in a comment even without -X verbose, but -X raw drops it
      return [head, { k: 'note', v: hex(v), text: lookup(XFEATURE_BITS, v) ?? 'XFEATURE_???', xlat: true }];
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
  ret: (c) => {
    if (!ARCH_REQ_XCOMP.has(archOp(c)) || c.err || c.rval <= 0n) return { fmt: 'd' };
    return withAux('x', auxFlags(XFEATURES, c.rval));
  },
};

// ---------------------------------------------------------------- namespaces

const CLONE_BY_NAME = new Map(CLONE_FLAGS.pairs.map(([v, n]) => [n, v] as const));
const cloneSubset = (names: string[]): ReturnType<typeof xlat> =>
  xlat(names.map((n) => [n === 'CLONE_NEWTIME' ? 0x80n : CLONE_BY_NAME.get(n)!, n] as const));
const SETNS_TYPES = cloneSubset(['CLONE_NEWTIME', 'CLONE_NEWNS', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET']);
const UNSHARE_FLAGS = cloneSubset(['CLONE_NEWTIME', 'CLONE_VM', 'CLONE_FS', 'CLONE_FILES', 'CLONE_SIGHAND', 'CLONE_THREAD', 'CLONE_NEWNS', 'CLONE_SYSVSEM', 'CLONE_NEWCGROUP', 'CLONE_NEWUTS', 'CLONE_NEWIPC', 'CLONE_NEWUSER', 'CLONE_NEWPID', 'CLONE_NEWNET']);


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
  // the target fd is the pidfd's process's, which -y describes
  pidfd_getfd: sig([A.fd, (c, i) => ({ k: 'fd', fd: Number(s32(c.args[i]!)), pidfd: Number(s32(c.args[0]!)) }),
    (c, i) => hexv(BigInt.asUintN(32, c.args[i]!))], 'fd'),
};

// ---------------------------------------------------------------- x86 I/O privileges and descriptor tables

/** struct user_desc (16 bytes): entry_number, base_addr, limit, then the flag bits. */
const USER_DESC = 16;
const entryNumber = (b: Uint8Array): Value => (rd.u32(b, 0) === 0xffffffff ? int(-1) : uint(rd.u32(b, 0)));
const formatEntry = (b: Uint8Array): string => (rd.u32(b, 0) === 0xffffffff ? '-1' : String(rd.u32(b, 0)));
/** C's `%#08x`: `00000000`, `0x001000`. */
/** The fields after entry_number, as strace's print_user_desc writes them. */
function userDescRest(b: Uint8Array): Field[] {
  const w = rd.u32(b, 12);
  const bit = (n: number, width = 1): Value => uint((w >>> n) & ((1 << width) - 1));
  return [
    field('base_addr', hex0(rd.u32(b, 4), 4)), field('limit', hex0(rd.u32(b, 8), 4)), field('seg_32bit', bit(0)),
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
  execve: withFacts(sig([A.path, (c, i) => argv(c, c.args[i]!), envp]), { commChange: true, mapsChange: true, stackAtEntry: true }),
  execveat: withFacts(sig([A.dirfd, A.path, (c, i) => argv(c, c.args[i]!), envp, (c, i) => xflags32(AT_FLAGS, c.args[i]!, 'AT_???')]), { paths: ['fd', 'path'], commChange: true, mapsChange: true, stackAtEntry: true }),
  // strace's printargs_d: a result only when the call fails (an injected fault), as the process dies else
  exit: withFacts(sig([A.int]), { stackAtEntry: true }),
  // no arguments to print; the result names a process
  getpid: withFacts(sig([]), { pid: true }),
  getppid: withFacts(sig([]), { pid: true }),
  gettid: withFacts(sig([]), { pid: true, pidType: 'tid' }),
  getpgrp: withFacts(sig([]), { pid: true, pidType: 'pgid' }),
  fork: withFacts(sig([]), { pid: true }),
  vfork: withFacts(sig([]), { pid: true }),
  ...idDecoders,
  wait4: withFacts(wait4, { pid: true }),
  waitid,
  clone: withFacts(clone, { pid: true, pidType: 'tid' }),
  clone3: withFacts(clone3, { pid: true, pidType: 'tid' }),
  arch_prctl: archPrctl,
  pidfd_open: withFacts(sig([P, (c, i) => xflags32(PIDFD_OPEN_FLAGS, c.args[i]!, 'PIDFD_???')], 'fd'), { paths: [] }),
  setns: sig([A.fd, (c, i) => xflags32(SETNS_TYPES, c.args[i]!, 'CLONE_NEW???')]),
  unshare: sig([(c, i) => xflags64(UNSHARE_FLAGS, c.args[i]!, 'CLONE_???')]),
  ...procVmDecoders,
};
export { path };
