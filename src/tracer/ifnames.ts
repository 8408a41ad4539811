/**
 * Network interface names by index, for decoders' ifindex fields: asked of libc's if_indextoname
 * at each print, as strace's print_ifindex asks it, so an interface made or renamed during the
 * trace prints under its name of the moment, in sysray's network namespace.
 */
import { raw } from '../sys/libc.js';

const IF_NAMESIZE = 16;
const name = Buffer.alloc(IF_NAMESIZE);

/** The name of interface `index`, or undefined when there is none. */
export function ifname(index: number): string | undefined {
  name.fill(0);
  if (!raw.if_indextoname(index >>> 0, name)) return undefined;
  const end = name.indexOf(0);
  return name.toString('latin1', 0, end < 0 ? IF_NAMESIZE : end);
}
