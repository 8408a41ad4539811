/**
 * A tracee's mappings as `-k` sees them: /proc/PID/maps, read the way strace's mmap cache reads it
 * (only lines that name a file or a pseudo-file, ascending and non-overlapping; duplicates dropped).
 */
import { readFileSync } from 'node:fs';

export interface Mapping {
  start: bigint;
  end: bigint;
  /** The file offset the mapping starts at. */
  offset: bigint;
  exec: boolean;
  /** The device's major number (0 for anonymous inodes: -e kvm=vcpu looks for those). */
  major: number;
  /** The path as /proc prints it (`[vdso]`, `/usr/lib/…/libc.so.6`). */
  path: string;
}

// start-end perms offset dev inode path: strace's sscanf wants all ten fields, so anonymous
// mappings (no path) are left out
const LINE = /^([0-9a-f]+)-([0-9a-f]+) ([r-])([w-])([x-])([ps]) ([0-9a-f]+) ([0-9a-f]+):[0-9a-f]+ \d+ +(\S.*)$/;

/** Parse the text of /proc/PID/maps. */
export function parseMaps(text: string): Mapping[] {
  const out: Mapping[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const start = BigInt('0x' + m[1]), end = BigInt('0x' + m[2]);
    if (end < start) break;
    const prev = out[out.length - 1];
    if (prev) {
      if (prev.start === start && prev.end === end) continue;
      if (start <= prev.start || start < prev.end) continue;
    }
    out.push({ start, end, offset: BigInt('0x' + m[7]), exec: m[5] === 'x', major: parseInt(m[8]!, 16), path: m[9]! });
  }
  return out;
}

/** The mapping holding `addr`, by binary search; undefined if none does. */
export function mappingAt(maps: readonly Mapping[], addr: bigint): Mapping | undefined {
  let lo = 0, hi = maps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = maps[mid]!;
    if (addr < e.start) hi = mid - 1;
    else if (addr >= e.end) lo = mid + 1;
    else return e;
  }
  return undefined;
}

/** The mappings of a process now; empty if /proc will not say (it has gone). */
export function readMaps(pid: number): Mapping[] {
  try {
    return parseMaps(readFileSync(`/proc/${pid}/maps`, 'latin1'));
  } catch {
    return [];
  }
}
