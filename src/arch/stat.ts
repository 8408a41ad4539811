/** struct stat's layout from its members, written in the order and sizes of the arch's C header. */
import type { FieldAt, StatLayout } from './types.js';

const FIELDS = ['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize', 'blocks'] as const;
const TIMES = ['atime', 'mtime', 'ctime'] as const;

/**
 * `members`: `name:bytes` in order, the st_ prefix left out; `pad:N` for padding; the three times
 * are struct timespec (16 bytes). `size` is sizeof(struct stat), unused space at the end included.
 */
export function statLayout(size: number, members: string): StatLayout {
  const fields: Partial<Record<(typeof FIELDS)[number], FieldAt>> = {};
  const times: Partial<Record<(typeof TIMES)[number], number>> = {};
  let off = 0;
  for (const m of members.split(/\s+/)) {
    const [name, n] = m.split(':') as [string, string];
    const bytes = Number(n);
    if ((TIMES as readonly string[]).includes(name)) times[name as (typeof TIMES)[number]] = off;
    else if ((FIELDS as readonly string[]).includes(name) && (bytes === 4 || bytes === 8)) fields[name as (typeof FIELDS)[number]] = [off, bytes];
    else if (name !== 'pad') throw new Error(`struct stat: no member ${m}`);
    off += bytes;
  }
  const missing = [...FIELDS.filter((f) => !fields[f]), ...TIMES.filter((t) => times[t] === undefined)];
  if (missing.length || off > size) throw new Error(`struct stat: ${missing.length ? `no ${missing.join(', ')}` : `${off} bytes in ${size}`}`);
  return { size, fields: fields as StatLayout['fields'], times: times as StatLayout['times'] };
}
