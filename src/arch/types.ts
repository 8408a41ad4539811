// Shared types for per-architecture syscall tables.

/**
 * Syscall classes, as used by strace's `-e trace=%class` sets.
 * Mapping from strace's table shorthands:
 *   TD desc, TF file, TI ipc, TN network, TP process, TS signal, TM memory,
 *   TST stat, TLST lstat, TFST fstat, TSTA stat_like, TSF statfs, TFSF fstatfs,
 *   TSFA statfs_like, PU pure, TC creds, TCL clock, TSD seccomp_default.
 */
export type SyscallClass =
  | 'file'
  | 'desc'
  | 'network'
  | 'process'
  | 'signal'
  | 'ipc'
  | 'memory'
  | 'stat'
  | 'lstat'
  | 'fstat'
  | 'stat_like'
  | 'statfs'
  | 'fstatfs'
  | 'statfs_like'
  | 'creds'
  | 'clock'
  | 'pure'
  | 'seccomp_default';

export interface SyscallRow {
  nr: number;
  name: string;
  /** Number of arguments strace prints/decodes (0..6). */
  nargs: number;
  classes: readonly SyscallClass[];
  /** Decoder name (strace's SEN()) when it differs from `name`. */
  dec?: string;
}

/** Per-architecture ABI facts the decoders and the engine need besides the syscall table. */
export interface ArchAbi {
  /** clone(2)'s argument positions of parent_tid, child_tid and tls (strace's clone.c). */
  cloneArgs: { ptid: number; ctid: number; tls: number };
  /** rt_sigreturn: where the interrupted signal mask lies, from the stack pointer at the call. */
  sigmaskOffset: bigint;
  /** struct user offsets of the result and syscall-number registers (-e inject= sets them). */
  user?: { rax: number; origRax: number };
  /** The kernel's struct stat (stat, fstat, newfstatat). */
  stat: StatLayout;
  /** struct semid64_ds: its size and where the 8-byte sem_otime, sem_ctime and sem_nsems sit. */
  semid: { size: number; otime: number; ctime: number; nsems: number };
  /** What ptrace's register requests read and write; undefined: they print as addresses. */
  regs?: RegsLayout;
  /**
   * The registers of `regs.prstatus` a syscall stop is read from when PTRACE_GET_SYSCALL_INFO
   * does not work (strace's get_scno, get_syscall_args, get_error): the number, the six arguments,
   * the result, the instruction and stack pointers.
   */
  syscallRegs?: { nr: string; args: readonly string[]; rval: string; ip: string; sp: string };
  /**
   * -k: PTRACE_GETREGS's struct user_regs_struct, its size in bytes and, per DWARF register number
   * (the numbering CFI uses), the index of the 64-bit word that holds it.
   */
  unwindRegs?: { size: number; dwarf: readonly number[] };
}

/** A field of a struct in tracee memory: its offset and its size in bytes. */
export type FieldAt = readonly [offset: number, bytes: 4 | 8];

/** struct stat: its size, the integer fields, and the three struct timespec fields. */
export interface StatLayout {
  size: number;
  fields: Readonly<Record<'dev' | 'ino' | 'mode' | 'nlink' | 'uid' | 'gid' | 'rdev' | 'size' | 'blksize' | 'blocks', FieldAt>>;
  times: Readonly<Record<'atime' | 'mtime' | 'ctime', number>>;
}

/** The register sets ptrace(2) names (strace's arch_decode_prstatus_regset and arch_decode_fpregset). */
export interface RegsLayout {
  /** struct user_regs_struct (NT_PRSTATUS, PTRACE_GETREGS): one 8-byte register a name, in order. */
  prstatus: readonly string[];
  /** Offsets in struct user that PTRACE_PEEKUSER/POKEUSER name, ascending; the last is its size. */
  userOffsets: ReadonlyArray<readonly [number, string]>;
  /** struct user_fpregs_struct (NT_FPREGSET, PTRACE_GETFPREGS): its size, leading fields, then u32 arrays. */
  fpregs: {
    size: number;
    head: ReadonlyArray<readonly [name: string, offset: number, bytes: 2 | 4 | 8]>;
    arrays: ReadonlyArray<readonly [name: string, offset: number, count: number]>;
  };
}

/** A compat personality strace 6.1 knows on an arch, as its names differ from the 64-bit table's. */
export interface CompatPersonality {
  /** What follows `@` in `-e trace=name@...`. */
  designator: string;
  /** Names of the 64-bit table this personality has not, and those it has besides (space-separated). */
  removed: string;
  added: string;
  /** The syscall numbers strace accepts for it (inclusive ranges). */
  valid: readonly (readonly [number, number])[];
  /** Its own syscall table, where sysray has one (the engine switches to it by AUDIT_ARCH). */
  table?: ArchTable;
}

export interface ArchTable {
  name: 'x86_64' | 'aarch64' | 'i386';
  /** AUDIT_ARCH_* value, as reported by PTRACE_GET_SYSCALL_INFO / seccomp. */
  auditArch: number;
  /** strace's name for the personality, as in its `[ Process PID=N runs in 64 bit mode. ]` line. */
  mode: string;
  /**
   * A compat personality of a 64-bit tracee (i386 through `int $0x80`): its `dec: 'printargs'` rows
   * print raw, whatever 64-bit decoder shares their name (its structs are laid out differently).
   */
  compat?: true;
  /** Indexed by syscall number; `undefined` for unassigned numbers. */
  rows: readonly (SyscallRow | undefined)[];
  byName: ReadonlyMap<string, SyscallRow>;
}

/**
 * A table indexed by nr plus a by-name index, built when first used (a run needs only its own
 * architecture's); rejects duplicate numbers or names.
 */
export function makeTable(name: ArchTable['name'], auditArch: number, list: () => SyscallRow[], mode = '64 bit', compat = false): ArchTable {
  let built: { rows: readonly (SyscallRow | undefined)[]; byName: ReadonlyMap<string, SyscallRow> } | undefined;
  const build = (): NonNullable<typeof built> => {
    if (built) return built;
    const rows = list();
    let max = -1;
    for (const r of rows) {
      if (!Number.isInteger(r.nr) || r.nr < 0) throw new RangeError(`${name}: bad syscall number ${r.nr}`);
      if (r.nr > max) max = r.nr;
    }
    const byNr: (SyscallRow | undefined)[] = Array.from({ length: max + 1 }, () => undefined);
    const byName = new Map<string, SyscallRow>();
    for (const r of rows) {
      if (byNr[r.nr] !== undefined) throw new Error(`${name}: duplicate syscall number ${r.nr}`);
      if (byName.has(r.name)) throw new Error(`${name}: duplicate syscall name ${r.name}`);
      byNr[r.nr] = r;
      byName.set(r.name, r);
    }
    return (built = { rows: Object.freeze(byNr), byName });
  };
  const table = { name, auditArch: auditArch >>> 0, mode, ...(compat ? { compat: true } : {}) } as ArchTable;
  // getters that turn into plain properties on first use (the tracer reads rows on every stop)
  for (const key of ['rows', 'byName'] as const) {
    Object.defineProperty(table, key, {
      configurable: true,
      enumerable: true,
      get() {
        const b = build();
        Object.defineProperty(table, 'rows', { value: b.rows, enumerable: true });
        Object.defineProperty(table, 'byName', { value: b.byName, enumerable: true });
        return b[key];
      },
    });
  }
  return table;
}
