/**
 * Netlink queries made by sysray itself (not by a tracee): sock_diag lookups for -yy, and the
 * socket protocol name the kernel keeps in the `system.sockprotoname` attribute of /proc fds.
 */
import { raw } from './libc.js';

const AF_NETLINK = 16;
const SOCK_RAW = 3;
const SOCK_CLOEXEC = 0o2000000;
const MSG_DONTWAIT = 0x40;
const EINTR = 4;
import { errno } from './libc.js';

/** One netlink message: type and payload (after the 16-byte header). */
export interface NlMessage { type: number; data: Buffer; len: number }

/**
 * Send `request` (a whole netlink message) on a fresh socket of `protocol`, then pass each reply
 * message to `each` until it returns true (found) or false (give up), or the replies end.
 * Returns true when `each` returned true.
 */
export function netlinkQuery(protocol: number, request: Buffer, each: (m: NlMessage) => boolean | undefined): boolean {
  const fd = raw.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol) as number;
  if (fd < 0) return false;
  try {
    for (;;) {
      const n = Number(raw.send(fd, request, request.length, 0));
      if (n >= 0) break;
      if (errno() !== EINTR) return false;
    }
    const buf = Buffer.alloc(8192);
    let flags = 0;
    for (;;) {
      const n = Number(raw.recv(fd, buf, buf.length, flags));
      if (n < 0) {
        if (errno() === EINTR) continue;
        return false;
      }
      let off = 0;
      let any = false;
      while (off + 16 <= n) {
        const len = buf.readUInt32LE(off);
        if (len < 16 || off + len > n) break;
        any = true;
        const r = each({ type: buf.readUInt16LE(off + 4), data: buf.subarray(off + 16, off + len), len });
        if (r !== undefined) return r;
        off += (len + 3) & ~3;
      }
      if (!any) return false;
      flags = MSG_DONTWAIT;
    }
  } finally {
    raw.close(fd);
  }
}

/** An extended attribute's value as a string (up to 255 bytes), or undefined. */
export function getxattrString(path: string, name: string): string | undefined {
  const b = Buffer.alloc(256);
  const n = Number(raw.getxattr(path, name, b, 255));
  if (n <= 0) return undefined;
  const z = b.indexOf(0);
  return b.subarray(0, z >= 0 && z < n ? z : n).toString('latin1');
}
