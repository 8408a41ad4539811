/**
 * -y / -yy (--decode-fds=path,socket,dev,pidfd): what a tracee's file descriptor refers to, read
 * from /proc at the moment the call is printed, as strace finds it:
 * - path: the /proc/PID/fd link, with `(deleted)` for an unlinked file;
 * - socket: the kernel's protocol name for the socket (its `system.sockprotoname` attribute), then
 *   its addresses from sock_diag: `TCP:[127.0.0.1:80->127.0.0.1:4000]`, `UNIX-STREAM:[5->6,"/run/x"]`,
 *   `NETLINK:[ROUTE:1234]`; found details are cached by inode, as strace caches them;
 * - dev: `/dev/null<char 1:3>` for device files;
 * - pidfd: `pid:N` for a pidfd.
 */
import { readFileSync, readlinkSync, statSync } from 'node:fs';
import type { FdDetail, Value } from '../decode/value.js';
import { getxattrString, netlinkQuery } from '../sys/netlink.js';

export interface FdKinds { path: boolean; socket: boolean; dev: boolean; pidfd: boolean }

const NETLINK_SOCK_DIAG = 4;
const SOCK_DIAG_BY_FAMILY = 20;
const NLM_F_REQUEST = 1;
const NLM_F_DUMP = 0x300;
const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16;

type Getter = 'unix' | 'inet' | 'netlink';
/** strace's socket protocols, in its order (an unknown protocol name tries each in turn). */
const PROTOCOLS: { name: string; get: Getter; family: number; proto?: number }[] = [
  { name: 'UNIX', get: 'unix', family: AF_UNIX },
  { name: 'UNIX-STREAM', get: 'unix', family: AF_UNIX },
  { name: 'TCP', get: 'inet', family: AF_INET, proto: 6 },
  { name: 'UDP', get: 'inet', family: AF_INET, proto: 17 },
  { name: 'UDPLITE', get: 'inet', family: AF_INET, proto: 136 },
  { name: 'DCCP', get: 'inet', family: AF_INET, proto: 33 },
  { name: 'SCTP', get: 'inet', family: AF_INET, proto: 132 },
  { name: 'L2TP/IP', get: 'inet', family: AF_INET, proto: 115 },
  { name: 'PING', get: 'inet', family: AF_INET, proto: 1 },
  { name: 'RAW', get: 'inet', family: AF_INET, proto: 255 },
  { name: 'TCPv6', get: 'inet', family: AF_INET6, proto: 6 },
  { name: 'UDPv6', get: 'inet', family: AF_INET6, proto: 17 },
  { name: 'UDPLITEv6', get: 'inet', family: AF_INET6, proto: 136 },
  { name: 'DCCPv6', get: 'inet', family: AF_INET6, proto: 33 },
  { name: 'SCTPv6', get: 'inet', family: AF_INET6, proto: 132 },
  { name: 'L2TP/IPv6', get: 'inet', family: AF_INET6, proto: 115 },
  { name: 'PINGv6', get: 'inet', family: AF_INET6, proto: 1 },
  { name: 'RAWv6', get: 'inet', family: AF_INET6, proto: 255 },
  { name: 'NETLINK', get: 'netlink', family: AF_NETLINK },
];

/** Netlink protocol names as strace prints them (without NETLINK_). */
const NETLINK_PROTOCOLS: Record<number, string> = {
  0: 'ROUTE', 1: 'UNUSED', 2: 'USERSOCK', 3: 'FIREWALL', 4: 'SOCK_DIAG', 5: 'NFLOG', 6: 'XFRM', 7: 'SELINUX',
  8: 'ISCSI', 9: 'AUDIT', 10: 'FIB_LOOKUP', 11: 'CONNECTOR', 12: 'NETFILTER', 13: 'IP6_FW', 14: 'DNRTMSG',
  15: 'KOBJECT_UEVENT', 16: 'GENERIC', 18: 'SCSITRANSPORT', 19: 'ECRYPTFS', 20: 'RDMA', 21: 'CRYPTO', 22: 'SMC',
};

function header(len: number, flags: number): Buffer {
  const b = Buffer.alloc(len);
  b.writeUInt32LE(len, 0);
  b.writeUInt16LE(SOCK_DIAG_BY_FAMILY, 4);
  b.writeUInt16LE(flags, 6);
  return b;
}

function ntop(family: number, b: Buffer): string {
  if (family === AF_INET) return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
  const w: number[] = [];
  for (let i = 0; i < 16; i += 2) w.push(b.readUInt16BE(i));
  // ::ffff:a.b.c.d and the longest run of zero words as ::, as inet_ntop writes them
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = (a: number[]): string => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** Parsers of one sock_diag reply: a detail when it is the inode's, null to stop, undefined to go on. */
export function parseInet(data: Buffer, nlLen: number, inode: number, name: string): FdDetail | null | undefined {
  if (nlLen < 16 + 72) return null;
  if (data.readUInt32LE(68) !== inode) return undefined;
  const family = data[0]!;
  if (family !== AF_INET && family !== AF_INET6) return null;
  const size = family === AF_INET ? 4 : 16;
  const [ob, cb] = family === AF_INET6 ? ['[', ']'] : ['', ''];
  const sport = data.readUInt16BE(4), dport = data.readUInt16BE(6);
  const src = ntop(family, data.subarray(8, 8 + size)), dstB = data.subarray(24, 24 + size);
  const text = dport || dstB.some((x) => x !== 0)
    ? `${name}:[${ob}${src}${cb}:${sport}->${ob}${ntop(family, dstB)}${cb}:${dport}]`
    : `${name}:[${ob}${src}${cb}:${sport}]`;
  return { text };
}

export function parseUnix(data: Buffer, nlLen: number, inode: number, name: string): FdDetail | null | undefined {
  let rta = nlLen - 32;
  if (rta < 0) return null;
  if (data.readUInt32LE(4) !== inode) return undefined;
  if (data[0] !== AF_UNIX) return null;
  let peer = 0;
  let path: Buffer | undefined;
  for (let off = 16; rta >= 4; ) {
    const len = data.readUInt16LE(off), type = data.readUInt16LE(off + 2);
    if (len < 4 || len > rta) break;
    const payload = data.subarray(off + 4, off + len);
    if (type === 0 && !path) path = payload.subarray(0, 108);
    else if (type === 2 && payload.length >= 4) peer = payload.readUInt32LE(0);
    const step = (len + 3) & ~3;
    off += step;
    rta -= step;
  }
  if (!peer && !path?.length) return null;
  const text = `${name}:[${inode}${peer ? `->${peer}` : ''}`;
  if (!path?.length) return { text: text + ']' };
  const abstract = path[0] === 0;
  let p = abstract ? path.subarray(1) : path;
  const z = p.indexOf(0);
  if (z >= 0) p = p.subarray(0, z);
  return { text, path: new Uint8Array(p), ...(abstract ? { abstract } : {}), post: ']' };
}

export function parseNetlink(data: Buffer, nlLen: number, inode: number, name: string): FdDetail | null | undefined {
  if (nlLen < 16 + 28) return null;
  if (data.readUInt32LE(16) !== inode) return undefined;
  if (data[0] !== AF_NETLINK) return null;
  const proto = data[2]!;
  const pn = NETLINK_PROTOCOLS[proto];
  return { text: pn ? `${name}:[${pn}:${data.readUInt32LE(4)}]` : `${name}:[${proto}]` };
}

function query(p: (typeof PROTOCOLS)[number], inode: number): FdDetail | undefined {
  let req: Buffer;
  let parse: typeof parseInet;
  if (p.get === 'inet') {
    req = header(16 + 56, NLM_F_REQUEST | NLM_F_DUMP);
    req[16] = p.family;
    req[17] = p.proto!;
    req.writeUInt32LE(0xffffffff, 20);
    parse = parseInet;
  } else if (p.get === 'unix') {
    req = header(16 + 24, NLM_F_REQUEST);
    req[16] = AF_UNIX;
    req.writeUInt32LE(0xffffffff, 20);
    req.writeUInt32LE(inode, 24);
    req.writeUInt32LE(1 | 4, 28); // UDIAG_SHOW_NAME | UDIAG_SHOW_PEER
    req.writeUInt32LE(0xffffffff, 32);
    req.writeUInt32LE(0xffffffff, 36);
    parse = parseUnix;
  } else {
    req = header(16 + 20, NLM_F_REQUEST | NLM_F_DUMP);
    req[16] = AF_NETLINK;
    req[17] = 255; // NDIAG_PROTO_ALL
    parse = parseNetlink;
  }
  let found: FdDetail | undefined;
  netlinkQuery(NETLINK_SOCK_DIAG, req, (m) => {
    if (m.type !== SOCK_DIAG_BY_FAMILY) return false;
    const r = parse(m.data, m.len, inode, p.name);
    if (r === null) return false;
    if (r === undefined) return undefined;
    found = r;
    return true;
  });
  return found;
}

function readlinkBytes(p: string): Buffer | undefined {
  try {
    return readlinkSync(p, { encoding: 'buffer' });
  } catch {
    return undefined;
  }
}

const DELETED = Buffer.from(' (deleted)');

/** The process a pidfd of `pid` refers to (its fdinfo's `Pid:`), or -1. */
function pidfdPid(pid: number, fd: number): number {
  try {
    const m = /^Pid:\t(-?\d+)$/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'latin1'));
    return m ? Number(m[1]) : -1;
  } catch {
    return -1; // gone
  }
}

/** Adds to fd values what they refer to, per the kinds asked for. One per tracer. */
export class FdAnnotator {
  /** strace's cache: 1024 slots by inode, each the last details found for an inode there. */
  private cache = new Map<number, { inode: number; d: FdDetail }>();

  /** `comm`: -Y, a process's name (a pidfd's process is named after its pid). */
  constructor(readonly kinds: FdKinds, private comm?: (pid: number) => Uint8Array | undefined) {}

  /** The fd value `v` of process `pid`, annotated. */
  fd(pid: number, v: Extract<Value, { k: 'fd' }>): Value {
    if (v.fd < 0) return v;
    if (v.pidfd !== undefined) {
      const target = pidfdPid(pid, v.pidfd);
      return target > 0 ? this.fd(target, { k: 'fd', fd: v.fd }) : { k: 'fd', fd: v.fd };
    }
    const link = `/proc/${pid}/fd/${v.fd}`;
    let path = readlinkBytes(link);
    if (!path) return v;
    let deleted = false;
    if (path.length > DELETED.length && path.subarray(path.length - DELETED.length).equals(DELETED)) {
      let same = false;
      try {
        const a = statSync(link, { bigint: true }), b = statSync(path, { bigint: true, throwIfNoEntry: false } as never) as unknown as typeof a | undefined;
        same = !!b && a.ino === b.ino && a.dev === b.dev;
      } catch {
        same = true; // the link itself cannot be stat'ed: leave the name as it is
      }
      if (!same) {
        path = path.subarray(0, path.length - DELETED.length);
        deleted = true;
      }
    }
    const s = path.toString('latin1');
    if (this.kinds.socket && s.startsWith('socket:[')) {
      const m = /^socket:\[(\d+)\]$/.exec(s);
      const inode = m ? Number(m[1]) : 0;
      if (inode) return { ...v, detail: this.socket(link, inode) ?? { text: s } };
    }
    if (this.kinds.dev && s.startsWith('/')) {
      const st = statSync(s, { bigint: true, throwIfNoEntry: false });
      if (st && (st.isCharacterDevice() || st.isBlockDevice())) {
        const r = st.rdev;
        const major = ((r >> 8n) & 0xfffn) | ((r >> 32n) & ~0xfffn);
        const minor = (r & 0xffn) | ((r >> 12n) & ~0xffn);
        return { ...v, path: new Uint8Array(path), dev: `${st.isBlockDevice() ? 'block' : 'char'} ${major}:${minor}` };
      }
    }
    if (this.kinds.pidfd && s === 'anon_inode:[pidfd]') {
      const p = pidfdPid(pid, v.fd);
      const name = p > 0 ? this.comm?.(p) : undefined;
      return { ...v, detail: { text: p > 0 ? `pid:${p}` : s, ...(name?.length ? { comm: name } : {}) } };
    }
    if (this.kinds.path) return { ...v, path: new Uint8Array(path), ...(deleted ? { deleted } : {}) };
    return v;
  }

  private socket(link: string, inode: number): FdDetail | undefined {
    const hit = this.cache.get(inode & 1023);
    if (hit && hit.inode === inode) return hit.d;
    const name = getxattrString(link, 'system.sockprotoname');
    const known = name !== undefined ? PROTOCOLS.find((p) => p.name === name) : undefined;
    let d: FdDetail | undefined;
    if (known) {
      d = query(known, inode);
      if (!d) return { text: `${known.name}:[${inode}]` };
    } else {
      for (const p of PROTOCOLS) if ((d = query(p, inode))) break;
      if (!d) return undefined;
    }
    this.cache.set(inode & 1023, { inode, d });
    return d;
  }
}
