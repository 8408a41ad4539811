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

/**
 * Per-syscall behaviour flags (strace shorthands: NF never_fails,
 * SI mmap_change, CC comm_change).
 */
export type SyscallFlag = 'never_fails' | 'mmap_change' | 'comm_change';

export interface SyscallRow {
  nr: number;
  name: string;
  /** Number of arguments strace prints/decodes (0..6). */
  nargs: number;
  classes: readonly SyscallClass[];
  /** Decoder name (strace's SEN()) when it differs from `name`. */
  dec?: string;
  flags?: readonly SyscallFlag[];
}

export interface ArchTable {
  name: 'x86_64' | 'aarch64';
  /** AUDIT_ARCH_* value, as reported by PTRACE_GET_SYSCALL_INFO / seccomp. */
  auditArch: number;
  /** Indexed by syscall number; `undefined` for unassigned numbers. */
  rows: readonly (SyscallRow | undefined)[];
  byName: ReadonlyMap<string, SyscallRow>;
}

/** Builds a table indexed by nr plus a by-name index; rejects duplicate numbers or names. */
export function makeTable(name: ArchTable['name'], auditArch: number, rows: SyscallRow[]): ArchTable {
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
  return { name, auditArch: auditArch >>> 0, rows: Object.freeze(byNr), byName };
}
