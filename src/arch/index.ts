import type { ArchTable } from './types.js';
import { X86_64 } from './x86_64.js';
import { AARCH64 } from './aarch64.js';
import { I386 } from './i386.js';

import { X86_64_ABI } from './x86_64/abi.js';
import { AARCH64_ABI } from './aarch64/abi.js';
import type { ArchAbi } from './types.js';

export type { ArchAbi, ArchTable, SyscallClass, SyscallRow } from './types.js';
export { X86_64, AARCH64, I386 };

export const AUDIT_ARCH_X86_64 = 0xc000003e;
export const AUDIT_ARCH_AARCH64 = 0xc00000b7;
export const AUDIT_ARCH_I386 = 0x40000003;

/**
 * On AUDIT_ARCH_X86_64 a syscall number with this bit set is an x32 call.
 * strace 6.1 (x86_64 build) then switches the tracee to its x32 personality
 * (printing "[ Process PID=N runs in x32 mode. ]"), clears the bit and looks the
 * number up in its x32 table; a number x32 does not know is printed with the bit
 * still set (e.g. syscall_0x40000400). The one exception is nr == -1 (left in
 * orig_rax by some seccomp RET_ERRNO paths), which stays 64-bit. We carry no
 * x32 table, so callers must check `isX32Syscall` before using `syscallName`.
 * x32-only numbers 512..547 issued *without* the bit by a 64-bit process are
 * simply unknown in the 64-bit table (syscall_0x200 ... syscall_0x223).
 */
export const X32_SYSCALL_BIT = 0x40000000;

/** Largest number of arguments strace prints for a syscall it does not know (MAX_ARGS). */
export const UNKNOWN_SYSCALL_NARGS = 6;

export function tableForAudit(arch: number): ArchTable | undefined {
  switch (arch >>> 0) {
    case AUDIT_ARCH_X86_64:
      return X86_64;
    case AUDIT_ARCH_AARCH64:
      return AARCH64;
    case AUDIT_ARCH_I386:
      return I386;
    default:
      return undefined;
  }
}

/** Table for a Node `process.arch` value ('x64' or 'arm64'). */
export function tableForNodeArch(arch: string): ArchTable | undefined {
  if (arch === 'x64') return X86_64;
  if (arch === 'arm64') return AARCH64;
  return undefined;
}

function nativeTable(): ArchTable {
  const t = tableForNodeArch(process.arch);
  if (!t) throw new Error(`sysray: unsupported architecture ${process.arch} (need x64 or arm64)`);
  return t;
}

/** Table for the architecture this process runs on. Importing throws on other architectures. */
export const NATIVE: ArchTable = nativeTable();

/** The ABI facts of the architecture this process runs on. */
export const NATIVE_ABI: ArchAbi = NATIVE === X86_64 ? X86_64_ABI : AARCH64_ABI;

/** True when `nr` is an x32 syscall number on an x86_64 tracee (see X32_SYSCALL_BIT). */
export function isX32Syscall(auditArch: number, nr: number | bigint): boolean {
  if (auditArch >>> 0 !== AUDIT_ARCH_X86_64) return false;
  const u = BigInt.asUintN(64, BigInt(nr));
  return u !== 0xffffffffffffffffn && (u & BigInt(X32_SYSCALL_BIT)) !== 0n;
}

/**
 * Name strace gives a syscall number missing from its table.
 *
 * strace 6.1 (syscall.c, get_scno): when the number is out of range or its
 * table slot is empty, it uses a stub entry named by
 * `sprintf("syscall_%#" PRI_klx, scno)`, i.e. C's `%#lx` of the raw number as
 * an unsigned 64-bit value: lowercase hex with a 0x prefix, except that zero
 * prints as plain "0" (so "syscall_0"). Examples: 335 -> "syscall_0x14f",
 * -1 -> "syscall_0xffffffffffffffff". The stub decodes with printargs and
 * nargs = MAX_ARGS (6): all six raw argument registers, each printed as `%#llx`
 * (0 -> "0", otherwise 0x-prefixed lowercase hex), separated by ", ", e.g.
 * `syscall_0x14f(0x1, 0, 0x7ffd1234, 0, 0, 0) = -1 ENOSYS (Function not implemented)`.
 * strace's stub also carries its mmap_change flag, and such calls get the default
 * qualifiers plus raw, so (in plain ptrace mode, without --seccomp-bpf) they
 * are printed even when `-e trace=` would not select them.
 */
export function unknownSyscallName(nr: number | bigint): string {
  const u = BigInt.asUintN(64, BigInt(nr));
  return u === 0n ? 'syscall_0' : `syscall_0x${u.toString(16)}`;
}

/** The syscall's name in `t`, or strace's `syscall_0x...` form when the table has no row for it. */
export function syscallName(t: ArchTable, nr: number | bigint): string {
  const u = BigInt.asUintN(64, BigInt(nr));
  const row = u < BigInt(t.rows.length) ? t.rows[Number(u)] : undefined;
  return row ? row.name : unknownSyscallName(u);
}
