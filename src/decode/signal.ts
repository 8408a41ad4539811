/** Decoders of the signal family (sigaction, masks, signalfd, …); siginfo is in siginfo.ts. */
import { NATIVE_ABI } from '../arch/index.js';
import { A, addr, hexv, rd, sig, sint, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { field, note, struct, tok, type Field, type Value } from './value.js';
import { lookup } from './xlat/core.js';
import { SA_FLAGS, SA_HANDLER_VALUES, SFD_FLAGS, SIGALTSTACK_FLAGS, SIGPROCMASK_HOW } from './xlat/tables.js';
import {
  fetch, P, PANY, PTID, sigsetAt, sigsetV, sigV, timespecAt, timespecV, withAux, xflags32, xflags64, xval,
} from './printers.js';
import { siginfoAt } from './siginfo.js';

// ---------------------------------------------------------------- sigaction, masks

/** struct sigaction as the kernel takes it; strace reads its own, larger struct (88 bytes on 64-bit). */
const SIGACTION_SIZE = 8 + 8 + 8 + 64;

function sigactionAt(c: Ctx, a: bigint, exiting = false): Value {
  return fetch(c, a, SIGACTION_SIZE, (b) => {
    const handler = rd.u64(b, 0);
    const flags = rd.u64(b, 8);
    const hname = lookup(SA_HANDLER_VALUES, handler);
    const f: Field[] = [
      field('sa_handler', hname ? { k: 'sym', name: hname, v: handler, fmt: 'x' } : addr(handler)),
      field('sa_mask', sigsetV(b.subarray(24, 32), 8)),
      field('sa_flags', xflags64(SA_FLAGS, flags, 'SA_???')),
    ];
    if (flags & 0x04000000n) f.push(field('sa_restorer', addr(rd.u64(b, 16))));
    return struct(f);
  }, exiting);
}

const stackAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 24, (b) => struct([
  field('ss_sp', addr(rd.u64(b, 0))),
  field('ss_flags', xflags32(SIGALTSTACK_FLAGS, BigInt(rd.u32(b, 8)), 'SS_???')),
  field('ss_size', ulong(rd.u64(b, 16))),
]), exiting);

const signum: ArgFn = (c, i) => sigV(Number(BigInt.asIntN(32, c.args[i]!)));
const sigsetArg = (lenArg: number): ArgFn => (c, i) => sigsetAt(c, c.args[i]!, c.args[lenArg]!);
const siginfoArg: ArgFn = (c, i) => siginfoAt(c, c.args[i]!);

// ---------------------------------------------------------------- rt_sigreturn

/** Where the interrupted mask lies (the architecture's sigframe). */
const SIGMASK_OFFSET = NATIVE_ABI.sigmaskOffset;

const rtSigreturn: SyscallDecoder = {
  entry: (c) => {
    // the frame is on the stack: without the tracee's registers there is nothing to print
    const sp = c.host?.stackPointer();
    if (sp === undefined) return [];
    return [struct([field('mask', sigsetAt(c, sp + SIGMASK_OFFSET, 8n))])];
  },
};

// ---------------------------------------------------------------- rt_sigtimedwait

const rtSigtimedwait: SyscallDecoder = {
  entry: (c) => {
    const set = sigsetAt(c, c.args[0]!, c.args[3]!);
    if (!(c.args[1] && c.opt.verbose)) return [set, addr(c.args[1]!), timespecAt(c, c.args[2]!), ulong(c.args[3]!)];
    // the timeout is read now, printed after the siginfo at exit
    const t = c.args[2]!;
    c.state.ts = t === 0n ? addr(0n) : ((b) => (b ? timespecV(b) : addr(t)))(c.mem.read(t, 16));
    return [set];
  },
  needsExit: (c) => c.args[1] !== 0n && c.opt.verbose,
  exit: (c) => [siginfoAt(c, c.args[1]!, true), c.state.ts as Value, ulong(c.args[3]!)],
  ret: (c) => withAux('d', !c.err && c.rval ? sigName(Number(c.rval)) : undefined),
};
const sigName = (n: number): Value | undefined => {
  const v = sigV(n);
  return v.k === 'sym' ? tok(v.name) : undefined;
};

export const decoders: Record<string, SyscallDecoder> = {
  rt_sigaction: sig([
    signum,
    (c, i) => sigactionAt(c, c.args[i]!),
    { exit: (c, i) => sigactionAt(c, c.args[i]!, true) },
    { exit: (c, i) => ulong(c.args[i]!) },
  ]),
  rt_sigprocmask: sig([
    (c, i) => xval(SIGPROCMASK_HOW, c.args[i]!, 'SIG_???'),
    sigsetArg(3),
    { exit: (c, i) => sigsetAt(c, c.args[i]!, c.args[3]!, true) },
    { exit: (c, i) => ulong(c.args[i]!) },
  ]),
  rt_sigpending: sig([
    { exit: (c, i) => sigsetAt(c, c.args[i]!, c.args[1]!, true, 1n) },
    { exit: (c, i) => ulong(c.args[i]!) },
  ]),
  rt_sigsuspend: sig([sigsetArg(1), A.ulong]),
  rt_sigreturn: rtSigreturn,
  rt_sigtimedwait_time64: rtSigtimedwait,
  rt_sigqueueinfo: sig([P, signum, siginfoArg]),
  rt_tgsigqueueinfo: sig([P, PTID, signum, siginfoArg]),
  pidfd_send_signal: sig([A.fd, signum, siginfoArg, (c, i) => hexv(BigInt.asUintN(32, c.args[i]!))]),
  sigaltstack: sig([(c, i) => stackAt(c, c.args[i]!), { exit: (c, i) => stackAt(c, c.args[i]!, true) }]),
  kill: sig([PANY, signum]),
  tkill: sig([PTID, signum]),
  tgkill: sig([P, PTID, signum]),
  signalfd: withFacts(sig([A.fd, sigsetArg(2), A.ulong], 'fd'), { paths: [] }),
  signalfd4: withFacts(sig([A.fd, sigsetArg(2), A.ulong, (c, i) => xflags32(SFD_FLAGS, c.args[i]!, 'SFD_???')], 'fd'), { paths: [] }),
  restart_syscall: { entry: (c) => [tok(`<... resuming interrupted ${c.prev ?? 'system call'} ...>`)] },
};
void sint; void note;

// the engine reads a signal's siginfo through this family's part (see scripts/bundle.mjs)
export { decodeSiginfo } from './siginfo.js';
