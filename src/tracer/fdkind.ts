/**
 * What a tracee's fd is, for the decoders that print by the fd's kind (bpf's object info, netlink
 * messages): read from /proc when the call is decoded, as strace reads it then.
 */
import { readFileSync, readlinkSync } from 'node:fs';

/** The target of /proc/PROC/fd/FD (`anon_inode:bpf-map`, `socket:[123]`), or undefined. */
export function fdLink(proc: number, fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/${proc}/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** Socket inode → its netlink protocol, 'unknown', or null for no netlink socket; a socket's protocol never changes. */
let protocols = new Map<string, number | 'unknown' | null>();
const MAX_CACHED = 4096;

/** The protocol of the netlink socket with this inode in a /proc/…/net/netlink listing, or null. */
function listedProtocol(list: string, inode: string): number | null {
  try {
    for (const l of readFileSync(list, 'latin1').split('\n').slice(1)) {
      const f = l.trim().split(/\s+/);
      if (f.length >= 10 && f[9] === inode) return Number(f[1]);
    }
  } catch { /* no procfs */ }
  return null;
}

/**
 * The netlink protocol of a tracee's fd; 'unknown' for a netlink socket of another network
 * namespace (strace's sock_diag query only sees its own); undefined when the fd is no netlink socket.
 */
export function netlinkProtocol(proc: number, fd: number): number | 'unknown' | undefined {
  const m = /^socket:\[(\d+)\]$/.exec(fdLink(proc, fd) ?? '');
  if (!m) return undefined;
  const inode = m[1]!;
  const hit = protocols.get(inode);
  if (hit !== undefined) return hit ?? undefined;
  let proto: number | 'unknown' | null = listedProtocol('/proc/self/net/netlink', inode);
  if (proto === null && listedProtocol(`/proc/${proc}/net/netlink`, inode) !== null) proto = 'unknown';
  if (protocols.size > MAX_CACHED) protocols = new Map();
  protocols.set(inode, proto);
  return proto ?? undefined;
}
