/** Path resolution as the kernel does it for a relative path: against a directory, `.` and `..` folded. */

/**
 * `rel` resolved against the absolute directory `base` (an absolute `rel` ignores it). `..` is
 * folded by name: a symlinked directory followed by `..` would go elsewhere in the kernel, which
 * only the file system could tell. With no base the path stays relative (only folded).
 */
export function resolvePath(base: string | null, rel: string): string {
  const abs = rel.startsWith('/');
  const joined = abs || base === null ? rel : `${base}/${rel}`;
  const out: string[] = [];
  let ups = 0;
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length) out.pop();
      else if (!(abs || base !== null)) ups++; // a relative path keeps leading `..`s it cannot fold
      continue;
    }
    out.push(part);
  }
  if (abs || base !== null) return '/' + out.join('/');
  const r = [...Array<string>(ups).fill('..'), ...out].join('/');
  return r === '' ? '.' : r;
}
