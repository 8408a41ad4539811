/**
 * -P PATH: which syscalls refer to a traced path, through a path argument or an fd argument that
 * names it (strace's pathtrace_match_set). Which arguments are paths or fds is each decoder's
 * `paths` fact (decode/types.ts SyscallFacts); a call without one is matched on argument 0, as a
 * path for %file calls, else as an fd.
 */
import type { SyscallRow } from '../arch/types.js';
import { factsFor } from '../decode/index.js';

/**
 * Lookups the matcher needs from the tracee: a path argument's bytes, an fd's path, the fds of a
 * pollfd array (as far as it is readable), the fds set in an fd_set (none when unreadable).
 */
export interface PathSource {
  path(addr: bigint): string | undefined;
  fd(fd: number): string | undefined;
  pollFds(addr: bigint, n: number): number[];
  setFds(addr: bigint, nfds: number): number[];
}

/** Does this syscall (row, raw args) refer to one of `paths`? */
export function pathMatch(row: SyscallRow, args: readonly bigint[], paths: ReadonlySet<string>, src: PathSource): boolean {
  const cls = row.classes;
  if (!cls.includes('file') && !cls.includes('desc') && !cls.includes('network')) return false;
  const fdm = (v: bigint): boolean => {
    const p = src.fd(Number(BigInt.asIntN(32, v)));
    return p !== undefined && paths.has(p);
  };
  const pm = (v: bigint): boolean => {
    const p = src.path(v);
    return p !== undefined && paths.has(p);
  };
  const facts = factsFor(row).paths;
  if (facts === 'pollfds')
    return src.pollFds(args[0]!, Math.min(Number(BigInt.asUintN(32, args[1]!)), 1024 * 1024)).some((fd) => fdm(BigInt(fd)));
  if (facts === 'fdsets') {
    // the kernel's int nfds, capped as strace caps it
    const nfds = Math.min(Number(BigInt.asIntN(32, args[0]!)), 1024 * 1024);
    return nfds > 0 && [1, 2, 3].some((i) => args[i] !== 0n && src.setFds(args[i]!, nfds).some((fd) => fdm(BigInt(fd))));
  }
  const r = facts && 'byCmd' in facts ? facts.byCmd[Number(BigInt.asUintN(32, args[facts.arg]!))] ?? [] : facts;
  if (r) return r.some((role, i) => (role === 'fd' ? fdm(args[i]!) : role === 'path' ? pm(args[i]!) : false));
  if (cls.includes('file')) return pm(args[0]!);
  return fdm(args[0]!);
}
