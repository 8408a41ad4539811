/** sysray/unix: socket addresses, to and from the kernel's `struct sockaddr_*` bytes. */
import net from 'node:net';
import { bytesArg, describe, int, u32Arg } from './core.js';
import { AF_INET, AF_INET6, AF_UNIX } from './names.js';

export interface SockAddrInet {
  family: 'inet';
  /** Dotted quad: '127.0.0.1'. */
  addr: string;
  port: number;
}

export interface SockAddrInet6 {
  family: 'inet6';
  /** Textual IPv6 address: '::1', '::ffff:127.0.0.1' (no '%zone': use scopeId). */
  addr: string;
  port: number;
  flowinfo?: number;
  scopeId?: number;
}

export interface SockAddrUnix {
  family: 'unix';
  /** A filesystem path, the name of an abstract socket (without the leading NUL), or '' (unnamed). */
  path: string;
  /** True for the abstract namespace. */
  abstract?: boolean;
}

/** Any other family, as raw bytes after `sa_family`. */
export interface SockAddrRaw {
  family: 'raw';
  saFamily: number;
  data: Buffer;
}

export type SockAddr = SockAddrInet | SockAddrInet6 | SockAddrUnix | SockAddrRaw;

const SUN_PATH_MAX = 108;
export const SOCKADDR_STORAGE = 128;

function parseIPv4(s: unknown, name: string): Buffer {
  if (typeof s !== 'string' || !net.isIPv4(s)) throw new TypeError(`${name}: not an IPv4 address: ${describe(s)}`);
  return Buffer.from(s.split('.').map(Number));
}

function parseIPv6(s: unknown, name: string): Buffer {
  if (typeof s !== 'string' || !net.isIPv6(s) || s.includes('%')) {
    throw new TypeError(`${name}: not an IPv6 address (without %zone; use scopeId): ${describe(s)}`);
  }
  const out = Buffer.alloc(16);
  let text = s;
  const last = text.lastIndexOf(':');
  if (text.slice(last + 1).includes('.')) {
    parseIPv4(text.slice(last + 1), name).copy(out, 12);
    text = `${text.slice(0, last + 1)}0:0`;
  }
  const halves = text.split('::');
  const words = (h: string | undefined): number[] => (h ? h.split(':').map((w) => parseInt(w, 16)) : []);
  const head = words(halves[0]);
  const tail = halves.length > 1 ? words(halves[1]) : [];
  const all = halves.length > 1 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  const v4 = out.subarray(12, 16).readUInt32BE(0);
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2));
  if (v4) out.writeUInt32BE(v4, 12);
  return out;
}

/** Textual form of 16 address bytes, as glibc's inet_ntop prints it (RFC 5952 compression). */
function formatIPv6(b: Uint8Array): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[i * 2]! << 8) | b[i * 2 + 1]!);
  let bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (curBase === -1) { curBase = i; curLen = 1; } else curLen++;
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
    } else curBase = -1;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
      out += `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
      break;
    }
    out += w[i]!.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/** The bytes of a `struct sockaddr_*` for `addr`, exactly as long as the address length to pass. */
export function encodeSockAddr(addr: SockAddr): Buffer {
  if (addr === null || typeof addr !== 'object') throw new TypeError(`The "addr" argument must be a socket address object. Received ${describe(addr)}`);
  switch (addr.family) {
    case 'inet': {
      const b = Buffer.alloc(16);
      b.writeUInt16LE(AF_INET, 0);
      b.writeUInt16BE(int(addr.port, 'addr.port', 0, 65535), 2);
      parseIPv4(addr.addr, 'addr.addr').copy(b, 4);
      return b;
    }
    case 'inet6': {
      const b = Buffer.alloc(28);
      b.writeUInt16LE(AF_INET6, 0);
      b.writeUInt16BE(int(addr.port, 'addr.port', 0, 65535), 2);
      b.writeUInt32BE(u32Arg(addr.flowinfo ?? 0, 'addr.flowinfo'), 4);
      parseIPv6(addr.addr, 'addr.addr').copy(b, 8);
      b.writeUInt32LE(u32Arg(addr.scopeId ?? 0, 'addr.scopeId'), 24);
      return b;
    }
    case 'unix': {
      if (typeof addr.path !== 'string') throw new TypeError(`The "addr.path" argument must be of type string. Received ${describe(addr.path)}`);
      const p = Buffer.from(addr.path, 'utf8');
      if (addr.abstract) {
        // sun_path = NUL + name, no terminator; the length says where the name ends.
        if (p.length > SUN_PATH_MAX - 1) throw new RangeError(`abstract unix socket name too long (${p.length} > ${SUN_PATH_MAX - 1} bytes)`);
        const b = Buffer.alloc(3 + p.length);
        b.writeUInt16LE(AF_UNIX, 0);
        p.copy(b, 3);
        return b;
      }
      if (p.includes(0)) throw new TypeError('unix socket path must not contain NUL bytes (use abstract: true)');
      if (p.length > SUN_PATH_MAX - 1) throw new RangeError(`unix socket path too long (${p.length} > ${SUN_PATH_MAX - 1} bytes)`);
      if (p.length === 0) {
        const b = Buffer.alloc(2);
        b.writeUInt16LE(AF_UNIX, 0);
        return b;
      }
      const b = Buffer.alloc(2 + p.length + 1);
      b.writeUInt16LE(AF_UNIX, 0);
      p.copy(b, 2);
      return b;
    }
    case 'raw': {
      const data = bytesArg(addr.data, 'addr.data');
      const b = Buffer.alloc(2 + data.length);
      b.writeUInt16LE(int(addr.saFamily, 'addr.saFamily', 0, 0xffff), 0);
      b.set(data, 2);
      return b;
    }
    default:
      throw new TypeError(`Unknown socket address family ${describe((addr as { family: unknown }).family)} (expected 'inet', 'inet6', 'unix' or 'raw')`);
  }
}

/** Decode the first `len` bytes of a `struct sockaddr_*`. */
export function decodeSockAddr(buf: Uint8Array, len: number = buf.byteLength): SockAddr {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(len, buf.byteLength));
  if (b.length < 2) return { family: 'raw', saFamily: b.length ? b[0]! : 0, data: Buffer.alloc(0) };
  const fam = b.readUInt16LE(0);
  if (fam === AF_INET && b.length >= 8) {
    return { family: 'inet', addr: `${b[4]}.${b[5]}.${b[6]}.${b[7]}`, port: b.readUInt16BE(2) };
  }
  if (fam === AF_INET6 && b.length >= 24) {
    return {
      family: 'inet6',
      addr: formatIPv6(b.subarray(8, 24)),
      port: b.readUInt16BE(2),
      flowinfo: b.readUInt32BE(4),
      scopeId: b.length >= 28 ? b.readUInt32LE(24) : 0,
    };
  }
  if (fam === AF_UNIX) {
    const sun = b.subarray(2);
    if (sun.length === 0) return { family: 'unix', path: '' };
    if (sun[0] === 0) return { family: 'unix', path: sun.subarray(1).toString('utf8'), abstract: true };
    const nul = sun.indexOf(0);
    return { family: 'unix', path: sun.subarray(0, nul === -1 ? sun.length : nul).toString('utf8') };
  }
  return { family: 'raw', saFamily: fam, data: Buffer.from(b.subarray(2)) };
}

