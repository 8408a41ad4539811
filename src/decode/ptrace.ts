/** The ptrace(2) decoder: requests, their addresses and data (strace's ptrace.c). */
import { NATIVE_ABI, tableForAudit } from '../arch/index.js';
import { addr, localArray, rd, ulong } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, field, hex, int, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags } from './xlat/core.js';
import { NT_TYPES, PSI_OPS, PTRACE_CMDS, PTRACE_OPTIONS, PTRACE_PEEKSIGINFO_FLAGS, SECCOMP_FILTER_FLAGS } from './xlat/proc.js';
import { errnoName } from './xlat/errno.js';
import { fetch, pidV, printArray, ptrAt, sigsetAt, sigV, xflags64, xval, xval64 } from './printers.js';
import { decodeSiginfo, siginfoAt } from './siginfo.js';
import { bpfProg } from './bpf_filter.js';
import { AUDIT_ARCHES } from './xlat/tables.js';


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

/** The arch's register layouts (src/arch/<arch>/); without them the registers print as their address. */
const REGS = NATIVE_ABI.regs;

/** print_user_offset_addr: `8*RAX`, `offsetof(struct user, u_debugreg)+8`, or the address. */
function userOffset(a: bigint): Value {
  if (!REGS) return addr(a);
  const offsets = REGS.userOffsets;
  let hit: readonly [number, string] | undefined;
  for (const e of offsets) if (BigInt(e[0]) <= a) hit = e;
  if (!hit || (a > BigInt(hit[0]) && hit === offsets[offsets.length - 1])) return addr(a);
  const extra = a - BigInt(hit[0]);
  return { k: 'sym', name: extra ? `${hit[1]}+${extra}` : hit[1], v: a, fmt: 'x' };
}

const REGS_SIZE = (REGS?.prstatus.length ?? 0) * 8, FPREGS_SIZE = REGS?.fpregs.size ?? 0;

/** A user_regs_struct (NT_PRSTATUS) of `size` bytes at `a` (arch_decode_prstatus_regset). */
function prstatusAt(c: Ctx, a: bigint, size: bigint, exiting = false): Value {
  if (!REGS || !size || size & 7n) return addr(a);
  const n = size < BigInt(REGS_SIZE) ? Number(size) : REGS_SIZE;
  return fetch(c, a, n, (b) => struct(
    REGS.prstatus.slice(0, n / 8).map((r, i) => field(r, hex(rd.u64(b, i * 8)))), size > BigInt(REGS_SIZE),
  ), exiting);
}

/** A user_fpregs_struct (NT_FPREGSET) of `size` bytes at `a` (arch_decode_fpregset). */
function fpregsetAt(c: Ctx, a: bigint, size: bigint, exiting = false): Value {
  if (!REGS || !size || size & 7n) return addr(a);
  const n = size < BigInt(FPREGS_SIZE) ? Number(size) : FPREGS_SIZE;
  return fetch(c, a, n, (b) => {
    const f: Field[] = [];
    // the first field always fits: size is a nonzero multiple of 8
    for (const [name, off, sz] of REGS.fpregs.head) {
      if (n <= off) break;
      f.push(field(name, hex(sz === 2 ? rd.u16(b, off) : sz === 4 ? rd.u32(b, off) : rd.u64(b, off))));
    }
    for (const [name, off, count] of REGS.fpregs.arrays) {
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

/** iov_len: as it was at entry, then ` => ` what the kernel wrote back when that differs. */
const lenChange = (oldLen: bigint, len: bigint): Value =>
  (oldLen !== len ? { k: 'inout', in: ulong(oldLen), out: ulong(len) } : ulong(len));

/** struct iovec of GETREGSET: `{iov_base=0x…, iov_len=N}`; iov_len as it was at entry `=>` after. */
const regsetIov = (c: Ctx, a: bigint, oldLen: bigint): Value => {
  const b = c.mem.read(a, 16);
  if (!b) return addr(a);
  const len = rd.u64(b, 8);
  const base = regsetV(c, BigInt.asUintN(32, c.args[2]!), rd.u64(b, 0), len, true);
  return struct([field('iov_base', base), field('iov_len', lenChange(oldLen, len))]);
};

/**
 * SETREGSET's iovec: the registers as they were at entry; at exit, iov_len `=>` the length the
 * kernel wrote back when it differs (decode_setregset).
 */
const setRegsetAt = (c: Ctx, a: bigint): void => {
  const b = c.mem.read(a, 16);
  if (!b) return;
  const len = rd.u64(b, 8);
  c.state.iovLen = len;
  c.state.iovBase = regsetV(c, BigInt.asUintN(32, c.args[2]!), rd.u64(b, 0), len, false);
};
const setRegsetExit = (c: Ctx, a: bigint): Value => {
  const oldLen = c.state.iovLen as bigint, b = c.mem.read(a, 16);
  const len = b ? rd.u64(b, 8) : oldLen;
  return struct([field('iov_base', c.state.iovBase as Value), field('iov_len', lenChange(oldLen, len))]);
};

/**
 * struct seccomp_metadata: filter_off as read at entry; flags at exit from a successful call, read
 * as far as the result (the size the kernel wrote) says, `???` when cut short.
 */
const METADATA_SIZE = 16n;
const metadataExit = (c: Ctx, a: bigint): Value => {
  const f: Field[] = [field('filter_off', uint(c.state.filterOff as bigint))];
  const size = BigInt.asUintN(64, c.rval);
  if (c.err || size <= 8n) return struct(f);
  const b = size < METADATA_SIZE ? null : c.mem.read(a + 8n, 8);
  f.push(b ? field('flags', xflags(SECCOMP_FILTER_FLAGS, rd.u64(b, 0), 'SECCOMP_FILTER_FLAG_???')) : { v: tok('???') });
  return struct(f, !!b && size > METADATA_SIZE);
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
  if (PT_DATA_OUT.has(req) && c.opt.verbose) return undefined;
  return addr(d);
}

const PSI_EXIT_SIZE = 33, PSI_SECCOMP_SIZE = 84;

/** A syscall number of an audit arch: `__NR_read`, `200 /* getgid32 *\/` in a compat one, else the number. */
function syscallNameV(nr: bigint, arch: number): Value {
  const t = tableForAudit(arch);
  const row = nr < 0x10000n ? t?.rows[Number(nr)] : undefined;
  if (row && t!.compat) return note(uint(nr), row.name);
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
    const g: Field[] = [field('rval', name ? sym('-' + name, rval) : int(rval))];
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
    if (req === PT.SETREGSET) {
      setRegsetAt(c, c.args[3]!);
      if (c.state.iovLen === undefined) out.push(addr(c.args[3]!));
      return out;
    }
    if (req === PT.SECCOMP_GET_METADATA) {
      const b = c.args[2]! < 8n ? null : c.mem.read(c.args[3]!, 8);
      if (b) c.state.filterOff = rd.u64(b, 0);
      else out.push(addr(c.args[3]!));
      return out;
    }
    const d = ptraceData(c, req);
    if (d) out.push(d);
    return out;
  },
  needsExit: (c) => {
    const req = ptraceReq(c);
    if (req === PT.GETREGSET || req === PT.SETREGSET) return c.state.iovLen !== undefined;
    if (req === PT.SECCOMP_GET_METADATA) return c.state.filterOff !== undefined;
    return PT_GETREGS.has(req) || (PT_DATA_OUT.has(req) && c.opt.verbose);
  },
  exit: (c) => {
    const req = ptraceReq(c);
    const d = c.args[3]!;
    if (req === PT.GETREGSET) return [regsetIov(c, d, c.state.iovLen as bigint)];
    if (req === PT.SETREGSET) return [setRegsetExit(c, d)];
    if (req === PT.SECCOMP_GET_METADATA) return [metadataExit(c, d)];
    if (req === PT.GETREGS) return [prstatusAt(c, d, BigInt(REGS_SIZE), true)];
    if (req === PT.GETFPREGS) return [fpregsetAt(c, d, BigInt(FPREGS_SIZE), true)];
    switch (req) {
      case PT.PEEKDATA: case PT.PEEKTEXT: case PT.PEEKUSER: return [ptrAt(c, d, true)];
      case PT.GETEVENTMSG: return [fetch(c, d, 8, (b) => array([uint(rd.u64(b, 0))]), true)];
      case PT.GETSIGINFO: return [siginfoAt(c, d, true)];
      case PT.GETSIGMASK: return [sigsetAt(c, d, c.args[2]!, true)];
      case PT.GET_SYSCALL_INFO: return [syscallInfoAt(c, d, c.args[2]!)];
      case PT.PEEKSIGINFO: return [printArray(c, d, c.rval, 128, (b) => decodeSiginfo(b, c), { exiting: true })];
      case PT.SECCOMP_GET_FILTER: return [c.err ? addr(d) : bpfProg(c, d, Number(BigInt.asUintN(16, c.rval)), 'seccomp')];
      default: return [addr(d)];
    }
  },
};

export const decoders: Record<string, SyscallDecoder> = { ptrace };
