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
  /**
   * -k: PTRACE_GETREGS's struct user_regs_struct, its size in bytes and, per DWARF register number
   * (the numbering CFI uses), the index of the 64-bit word that holds it.
   */
  unwindRegs?: { size: number; dwarf: readonly number[] };
}

export interface ArchTable {
  name: 'x86_64' | 'aarch64';
  /** AUDIT_ARCH_* value, as reported by PTRACE_GET_SYSCALL_INFO / seccomp. */
  auditArch: number;
  /** Indexed by syscall number; `undefined` for unassigned numbers. */
  rows: readonly (SyscallRow | undefined)[];
  byName: ReadonlyMap<string, SyscallRow>;
}

/**
 * A table indexed by nr plus a by-name index, built when first used (a run needs only its own
 * architecture's); rejects duplicate numbers or names.
 */
export function makeTable(name: ArchTable['name'], auditArch: number, list: () => SyscallRow[]): ArchTable {
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
  const table = { name, auditArch: auditArch >>> 0 } as ArchTable;
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
