/**
 * C++ (and Rust) symbol names as strace -k prints them: demangled by libiberty's cplus_demangle
 * with DMGL_AUTO | DMGL_PARAMS. The same library is behind binutils' c++filt, so names are sent to
 * it in one batch per walk (`-i`: without DMGL_VERBOSE, as strace asks) and remembered. Without
 * c++filt, names print as they are mangled.
 */
import { spawnSync } from 'node:child_process';

const known = new Map<string, string>();
let missing = false;

/** Names cplus_demangle's automatic style may change: Itanium C++ (and legacy Rust), Rust v0, global ctors. */
const MANGLED = /^(?:_Z|_R|_GLOBAL_)/;

/** Demangle the names not seen before, all at once. */
export function learn(names: Iterable<string>): void {
  const fresh = [...new Set([...names].filter((n) => MANGLED.test(n) && !known.has(n) && !n.includes('\n')))];
  if (!fresh.length) return;
  let out: string[] | undefined;
  if (!missing) {
    const r = spawnSync('c++filt', ['-i'], { input: fresh.join('\n') + '\n', encoding: 'latin1', stdio: ['pipe', 'pipe', 'ignore'] });
    if (r.error) missing = true;
    else out = r.stdout.split('\n');
  }
  fresh.forEach((n, i) => known.set(n, out && out.length > fresh.length ? out[i]! : n));
}

/** A name as strace prints it (call `learn` with it first). */
export function demangled(name: string): string {
  return known.get(name) ?? name;
}
