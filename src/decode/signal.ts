/** Decoders of the signal family, and siginfo as strace prints it. */
import { rd } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { field, type Field, type Value } from './value.js';
import { lookup, xlat } from './xlat/core.js';
import { signame } from './xlat/signals.js';

/** si_code values shared by every signal (siginfo_codes). */
export const SI_CODES = xlat([
  [0, 'SI_USER'], [0x80, 'SI_KERNEL'], [-1, 'SI_QUEUE'], [-2, 'SI_TIMER'], [-3, 'SI_MESGQ'],
  [-4, 'SI_ASYNCIO'], [-5, 'SI_SIGIO'], [-6, 'SI_TKILL'], [-7, 'SI_DETHREAD'], [-60, 'SI_ASYNCNL'],
]);
/** si_code values per signal. */
const CODES_BY_SIGNAL: Record<number, ReturnType<typeof xlat>> = {
  5: xlat([[1, 'TRAP_BRKPT'], [2, 'TRAP_TRACE'], [3, 'TRAP_BRANCH'], [4, 'TRAP_HWBKPT'], [5, 'TRAP_UNK'], [6, 'TRAP_PERF']]),
  17: xlat([[1, 'CLD_EXITED'], [2, 'CLD_KILLED'], [3, 'CLD_DUMPED'], [4, 'CLD_TRAPPED'], [5, 'CLD_STOPPED'], [6, 'CLD_CONTINUED']]),
  29: xlat([[1, 'POLL_IN'], [2, 'POLL_OUT'], [3, 'POLL_MSG'], [4, 'POLL_ERR'], [5, 'POLL_PRI'], [6, 'POLL_HUP']]),
  27: xlat([[1, 'PROF_SIG']]),
  4: xlat([[1, 'ILL_ILLOPC'], [2, 'ILL_ILLOPN'], [3, 'ILL_ILLADR'], [4, 'ILL_ILLTRP'], [5, 'ILL_PRVOPC'], [6, 'ILL_PRVREG'], [7, 'ILL_COPROC'], [8, 'ILL_BADSTK'], [9, 'ILL_BADIADDR']]),
  8: xlat([[1, 'FPE_INTDIV'], [2, 'FPE_INTOVF'], [3, 'FPE_FLTDIV'], [4, 'FPE_FLTOVF'], [5, 'FPE_FLTUND'], [6, 'FPE_FLTRES'], [7, 'FPE_FLTINV'], [8, 'FPE_FLTSUB'], [14, 'FPE_FLTUNK'], [15, 'FPE_CONDTRAP']]),
  11: xlat([[1, 'SEGV_MAPERR'], [2, 'SEGV_ACCERR'], [3, 'SEGV_BNDERR'], [4, 'SEGV_PKUERR'], [5, 'SEGV_ACCADI'], [6, 'SEGV_ADIDERR'], [7, 'SEGV_ADIPERR'], [8, 'SEGV_MTEAERR'], [9, 'SEGV_MTESERR'], [10, 'SEGV_CPERR']]),
  7: xlat([[1, 'BUS_ADRALN'], [2, 'BUS_ADRERR'], [3, 'BUS_OBJERR'], [4, 'BUS_MCEERR_AR'], [5, 'BUS_MCEERR_AO']]),
  31: xlat([[1, 'SYS_SECCOMP'], [2, 'SYS_USER_DISPATCH']]),
};

const sigv = (n: number): Value => ({ k: 'sym', name: signame(n), v: BigInt(n) });
const d = (v: number | bigint): Value => ({ k: 'int', v: BigInt(v) });
const p = (v: bigint): Value => ({ k: 'ptr', v });

/** A 128-byte siginfo_t as strace prints it (printsiginfo). `c` gives the fd/pid context. */
export function decodeSiginfo(b: Uint8Array, _c?: Ctx): Value {
  const signo = rd.s32(b, 0);
  if (!signo) return { k: 'struct', fields: [] };
  const errno = rd.s32(b, 4);
  const code = rd.s32(b, 8);
  const codeName = lookup(SI_CODES, code) ?? (CODES_BY_SIGNAL[signo] ? lookup(CODES_BY_SIGNAL[signo]!, code) : undefined);
  const f: Field[] = [field('si_signo', sigv(signo)), field('si_code', codeName ? { k: 'sym', name: codeName, v: BigInt(code) } : d(code))];
  if (errno) f.push(field('si_errno', d(errno)));
  const source = (): void => {
    f.push(field('si_pid', d(rd.s32(b, 16))), field('si_uid', { k: 'int', v: BigInt(rd.u32(b, 20)), fmt: 'u' }));
  };
  const sigval = (): void => {
    f.push(field('si_int', d(rd.s32(b, 24))), field('si_ptr', p(rd.u64(b, 24))));
  };
  if (code <= 0) {
    if (code === -2) {
      f.push(field('si_timerid', { k: 'int', v: BigInt(rd.s32(b, 16)), fmt: 'x' }), field('si_overrun', d(rd.s32(b, 20))));
      sigval();
    } else if (code === -5) {
      f.push(field('si_band', d(rd.s64(b, 16))), field('si_fd', { k: 'fd', fd: rd.s32(b, 24) }));
    } else {
      source();
      if (code !== 0 && code !== -6 && rd.u64(b, 24)) sigval();
    }
    return { k: 'struct', fields: f };
  }
  switch (signo) {
    case 17:
      source();
      f.push(field('si_status', code === 1 ? d(rd.s32(b, 24)) : sigv(rd.s32(b, 24))));
      f.push(field('si_utime', d(rd.s64(b, 32))), field('si_stime', d(rd.s64(b, 40))));
      break;
    case 4: case 8: case 7: case 11: case 5:
      f.push(field('si_addr', p(rd.u64(b, 16))));
      break;
    case 29:
      if (code >= 1 && code <= 6) f.push(field('si_band', d(rd.s64(b, 16))), field('si_fd', { k: 'fd', fd: rd.s32(b, 24) }));
      break;
    default:
      if (rd.s32(b, 16) || rd.u32(b, 20)) source();
      if (rd.u64(b, 24)) sigval();
  }
  return { k: 'struct', fields: f };
}

export const decoders: Record<string, SyscallDecoder> = {};
