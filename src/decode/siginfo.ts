/** siginfo_t as strace prints it (printsiginfo.c), for the signal, process and ptrace decoders and the engine. */
import { NATIVE, tableForAudit } from '../arch/index.js';
import { rd } from './args.js';
import type { Ctx } from './types.js';
import { field, hex, int, note, struct, sym, uint, type Field, type Value } from './value.js';
import { lookup, xlat, type Xlat } from './xlat/core.js';
import { errnoName } from './xlat/errno.js';
import { AUDIT_ARCHES } from './xlat/tables.js';
import { I386_SYSCALL_NAMES } from './xlat/sigtime.js';
import { clockT, fetch, idV, pidV, sigV, xval } from './printers.js';


/** si_code values shared by every signal (siginfo_codes). */
export const SI_CODES = xlat(() => [
  [0, 'SI_USER'], [0x80, 'SI_KERNEL'], [-1, 'SI_QUEUE'], [-2, 'SI_TIMER'], [-3, 'SI_MESGQ'],
  [-4, 'SI_ASYNCIO'], [-5, 'SI_SIGIO'], [-6, 'SI_TKILL'], [-7, 'SI_DETHREAD'], [-60, 'SI_ASYNCNL'],
]);
/** si_code values per signal. */
const CODES_BY_SIGNAL: Record<number, Xlat> = {
  5: xlat(() => [[1, 'TRAP_BRKPT'], [2, 'TRAP_TRACE'], [3, 'TRAP_BRANCH'], [4, 'TRAP_HWBKPT'], [5, 'TRAP_UNK'], [6, 'TRAP_PERF']]),
  17: xlat(() => [[1, 'CLD_EXITED'], [2, 'CLD_KILLED'], [3, 'CLD_DUMPED'], [4, 'CLD_TRAPPED'], [5, 'CLD_STOPPED'], [6, 'CLD_CONTINUED']]),
  29: xlat(() => [[1, 'POLL_IN'], [2, 'POLL_OUT'], [3, 'POLL_MSG'], [4, 'POLL_ERR'], [5, 'POLL_PRI'], [6, 'POLL_HUP']]),
  27: xlat(() => [[1, 'PROF_SIG']]),
  4: xlat(() => [[1, 'ILL_ILLOPC'], [2, 'ILL_ILLOPN'], [3, 'ILL_ILLADR'], [4, 'ILL_ILLTRP'], [5, 'ILL_PRVOPC'], [6, 'ILL_PRVREG'], [7, 'ILL_COPROC'], [8, 'ILL_BADSTK'], [9, 'ILL_BADIADDR']]),
  8: xlat(() => [[1, 'FPE_INTDIV'], [2, 'FPE_INTOVF'], [3, 'FPE_FLTDIV'], [4, 'FPE_FLTOVF'], [5, 'FPE_FLTUND'], [6, 'FPE_FLTRES'], [7, 'FPE_FLTINV'], [8, 'FPE_FLTSUB'], [14, 'FPE_FLTUNK'], [15, 'FPE_CONDTRAP']]),
  11: xlat(() => [[1, 'SEGV_MAPERR'], [2, 'SEGV_ACCERR'], [3, 'SEGV_BNDERR'], [4, 'SEGV_PKUERR'], [5, 'SEGV_ACCADI'], [6, 'SEGV_ADIDERR'], [7, 'SEGV_ADIPERR'], [8, 'SEGV_MTEAERR'], [9, 'SEGV_MTESERR']]),
  7: xlat(() => [[1, 'BUS_ADRALN'], [2, 'BUS_ADRERR'], [3, 'BUS_OBJERR'], [4, 'BUS_MCEERR_AR'], [5, 'BUS_MCEERR_AO']]),
  31: xlat(() => [[1, 'SYS_SECCOMP'], [2, 'SYS_USER_DISPATCH']]),
};

const SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGCHLD = 17, SIGIO = 29, SIGSYS = 31;
const p = (v: bigint): Value => ({ k: 'ptr', v });

/** si_code: the shared name, else the signal's own, else hex. */
function siCode(code: number, signo: number): Value {
  const name = lookup(SI_CODES, code) ?? (CODES_BY_SIGNAL[signo] ? lookup(CODES_BY_SIGNAL[signo]!, code) : undefined);
  return name ? { k: 'sym', name, v: BigInt(code >>> 0), fmt: 'x' } : hex(code >>> 0);
}

const AUDIT_ARCH_I386 = 0x40000003;

/**
 * si_syscall: `__NR_getpid` when the arch is ours (`39 /* __NR_getpid *\/` with -X verbose), the
 * number with the name in a comment for i386 (`39 /* mkdir *\/`), else the number.
 */
export function syscallNameArch(nr: number, arch: number): Value {
  const t = tableForAudit(arch);
  const row = t === NATIVE ? t.rows[nr] : undefined;
  if (row) return sym('__NR_' + row.name, nr);
  const name = arch >>> 0 === AUDIT_ARCH_I386 ? I386_SYSCALL_NAMES[nr] : undefined;
  return name && name !== '-' ? note(uint(nr >>> 0), name) : uint(nr >>> 0);
}

/** A 128-byte siginfo_t as strace prints it (printsiginfo). */
export function decodeSiginfo(b: Uint8Array, c?: Ctx): Value {
  const signo = rd.s32(b, 0);
  if (!signo) return struct([]);
  const errno = rd.s32(b, 4);
  const code = rd.s32(b, 8);
  const f: Field[] = [field('si_signo', sigV(signo)), field('si_code', siCode(code, signo))];
  if (errno) {
    const name = errnoName(errno);
    f.push(field('si_errno', name ? sym(name, errno) : uint(errno >>> 0)));
  }
  const source = (): void => {
    f.push(field('si_pid', c ? pidV(c, rd.s32(b, 16)) : int(rd.s32(b, 16))), field('si_uid', idV(rd.u32(b, 20))));
  };
  const sigval = (): void => {
    f.push(field('si_int', int(rd.s32(b, 24))), field('si_ptr', p(rd.u64(b, 24))));
  };
  const siAddr = (): void => {
    f.push(field('si_addr', p(rd.u64(b, 16))));
  };
  if (code <= 0) {
    switch (code) {
      case 0: case -6: source(); break; // SI_USER, SI_TKILL
      case -2: // SI_TIMER
        f.push(field('si_timerid', hex(rd.u32(b, 16))), field('si_overrun', int(rd.s32(b, 20))));
        sigval();
        break;
      case -5: // SI_SIGIO
        f.push(field('si_band', int(rd.s64(b, 16))), field('si_fd', { k: 'fd', fd: rd.s32(b, 24) }));
        break;
      default:
        source();
        if (rd.u64(b, 24)) sigval();
    }
    return struct(f);
  }
  switch (signo) {
    case SIGCHLD:
      source();
      f.push(field('si_status', code === 1 ? int(rd.s32(b, 24)) : sigV(rd.s32(b, 24))));
      f.push(field('si_utime', clockT(rd.u64(b, 32))), field('si_stime', clockT(rd.u64(b, 40))));
      break;
    case SIGILL: case SIGFPE: siAddr(); break;
    case SIGBUS:
      siAddr();
      if (code === 4 || code === 5) f.push(field('si_addr_lsb', hex(rd.u16(b, 24))));
      break;
    case SIGSEGV:
      siAddr();
      if (code === 3) f.push(field('si_lower', p(rd.u64(b, 32))), field('si_upper', p(rd.u64(b, 40))));
      else if (code === 4) f.push(field('si_pkey', uint(rd.u32(b, 32))));
      break;
    case SIGTRAP: siAddr(); break;
    case SIGIO:
      if (code >= 1 && code <= 6) f.push(field('si_band', int(rd.s64(b, 16))), field('si_fd', { k: 'fd', fd: rd.s32(b, 24) }));
      break;
    case SIGSYS: {
      const arch = rd.u32(b, 28);
      f.push(
        field('si_call_addr', p(rd.u64(b, 16))),
        field('si_syscall', syscallNameArch(rd.s32(b, 24), arch)),
        field('si_arch', xval(AUDIT_ARCHES, BigInt(arch), 'AUDIT_ARCH_???')),
      );
      break;
    }
    default:
      if (rd.s32(b, 16) || rd.u32(b, 20)) source();
      if (rd.u64(b, 24)) sigval();
  }
  return struct(f);
}

/** printsiginfo_at: a siginfo_t at `a`. */
export const siginfoAt = (c: Ctx, a: bigint, exiting = false): Value => fetch(c, a, 128, (b) => decodeSiginfo(b, c), exiting);
