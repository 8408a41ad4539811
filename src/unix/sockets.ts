/** sysray/unix: sockets: create, connect, accept, send and receive (with control messages), options. */
import {
  INT_MAX, INT_MIN, addressOf, iovecs, arrayArg, bytesArg, dataArg, describe, fdArg, flagsArg, has, i32Arg,
  int, sys, u32Arg,
} from './core.js';
import { decodeSockAddr, encodeSockAddr, SOCKADDR_STORAGE, type SockAddr } from './sockaddr.js';
import { SCM_CREDENTIALS, SCM_RIGHTS, SOL_SOCKET } from './names.js';

/** socket(2). `type` may include SOCK_NONBLOCK / SOCK_CLOEXEC. */
export function socket(domain: number, type: number, protocol = 0): number {
  return sys('socket', [i32Arg(domain, 'domain'), flagsArg(type, 'type'), i32Arg(protocol, 'protocol')]);
}

/** socketpair(2). Returns the two connected ends. */
export function socketpair(domain: number, type: number, protocol = 0): [number, number] {
  const d = i32Arg(domain, 'domain');
  const t = flagsArg(type, 'type');
  const p = i32Arg(protocol, 'protocol');
  const b = Buffer.alloc(8);
  sys('socketpair', [d, t, p, addressOf(b)], [b]);
  return [b.readInt32LE(0), b.readInt32LE(4)];
}

/** bind(2). */
export function bind(fd: number, addr: SockAddr): void {
  const f = fdArg(fd);
  const sa = encodeSockAddr(addr);
  sys('bind', [f, addressOf(sa), sa.length], [sa]);
}

/** connect(2). Blocks until connected unless the socket is non-blocking (then EINPROGRESS). */
export function connect(fd: number, addr: SockAddr): void {
  const f = fdArg(fd);
  const sa = encodeSockAddr(addr);
  sys('connect', [f, addressOf(sa), sa.length], [sa]);
}

/** listen(2). */
export function listen(fd: number, backlog: number): void {
  sys('listen', [fdArg(fd), i32Arg(backlog, 'backlog')]);
}

/** accept(2) without asking for the peer's address (`accept(fd, NULL, NULL)`). Blocks unless non-blocking. */
export function accept(fd: number): number {
  const f = fdArg(fd);
  if (has('accept')) return sys('accept', [f, 0, 0]);
  return sys('accept4', [f, 0, 0, 0]);
}

/** accept4(2) without the peer's address; `flags` SOCK_NONBLOCK / SOCK_CLOEXEC. */
export function accept4(fd: number, flags = 0): number {
  return sys('accept4', [fdArg(fd), 0, 0, flagsArg(flags)]);
}

/** accept4(2) returning the new fd and the peer's address. */
export function acceptPeer(fd: number, flags = 0): { fd: number; peer: SockAddr } {
  const f = fdArg(fd);
  const fl = flagsArg(flags);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  const nfd = sys('accept4', [f, addressOf(sa), addressOf(len), fl], [sa, len]);
  return { fd: nfd, peer: decodeSockAddr(sa, Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE)) };
}

/** shutdown(2): SHUT_RD, SHUT_WR or SHUT_RDWR. */
export function shutdown(fd: number, how: number): void {
  sys('shutdown', [fdArg(fd), i32Arg(how, 'how')]);
}

function sockname(name: 'getsockname' | 'getpeername', fd: number): SockAddr {
  const f = fdArg(fd);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  sys(name, [f, addressOf(sa), addressOf(len)], [sa, len]);
  return decodeSockAddr(sa, Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE));
}

/** getsockname(2). */
export const getsockname = (fd: number): SockAddr => sockname('getsockname', fd);
/** getpeername(2). */
export const getpeername = (fd: number): SockAddr => sockname('getpeername', fd);

/** send(2), made as `sendto(fd, buf, len, flags, NULL, 0)`. */
export function send(fd: number, data: Uint8Array | string, flags = 0): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const fl = flagsArg(flags);
  return sys('sendto', [f, addressOf(b), b.byteLength, fl, 0, 0], [b]);
}

/** sendto(2) to `to`. */
export function sendto(fd: number, data: Uint8Array | string, flags: number, to: SockAddr): number {
  const f = fdArg(fd);
  const b = dataArg(data);
  const fl = flagsArg(flags);
  const sa = encodeSockAddr(to);
  return sys('sendto', [f, addressOf(b), b.byteLength, fl, addressOf(sa), sa.length], [b, sa]);
}

/** recv(2), made as `recvfrom(fd, buf, len, flags, NULL, NULL)`. Returns the byte count. */
export function recv(fd: number, buf: Uint8Array, flags = 0): number {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const fl = flagsArg(flags);
  return sys('recvfrom', [f, addressOf(b), b.byteLength, fl, 0, 0], [b]);
}

/** recvfrom(2): the byte count and the sender's address (null when the kernel gives none). */
export function recvfrom(fd: number, buf: Uint8Array, flags = 0): { bytes: number; from: SockAddr | null } {
  const f = fdArg(fd);
  const b = bytesArg(buf, 'buf');
  const fl = flagsArg(flags);
  const sa = Buffer.alloc(SOCKADDR_STORAGE);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(SOCKADDR_STORAGE, 0);
  const n = sys('recvfrom', [f, addressOf(b), b.byteLength, fl, addressOf(sa), addressOf(len)], [b, sa, len]);
  const l = Math.min(len.readUInt32LE(0), SOCKADDR_STORAGE);
  return { bytes: n, from: l > 0 ? decodeSockAddr(sa, l) : null };
}

// ---------------------------------------------------------------- control messages

/** A control message (ancillary data) of sendmsg/recvmsg. */
export type ControlMessage =
  /** SOL_SOCKET/SCM_RIGHTS: file descriptors (received ones are new fds in this process). */
  | { kind: 'rights'; fds: number[] }
  /** SOL_SOCKET/SCM_CREDENTIALS: a `struct ucred` (receiving needs SO_PASSCRED). */
  | { kind: 'credentials'; pid: number; uid: number; gid: number }
  /** Anything else: `cmsg_level`, `cmsg_type` and the data bytes. */
  | { kind: 'raw'; level: number; type: number; data: Uint8Array };

const CMSG_HDR = 16;
const align8 = (n: number): number => (n + 7) & ~7;
/** CMSG_LEN(n): a control message's `cmsg_len` for `n` data bytes. */
export const cmsgLen = (n: number): number => CMSG_HDR + n;
/** CMSG_SPACE(n): the bytes a control message with `n` data bytes takes in the buffer. */
export const cmsgSpace = (n: number): number => CMSG_HDR + align8(n);

/** Encode control messages into one control buffer (each CMSG_SPACE-aligned). */
export function encodeControl(msgs: readonly ControlMessage[]): Buffer {
  const parts: { level: number; type: number; data: Uint8Array }[] = [];
  for (const [i, m] of arrayArg<ControlMessage>(msgs, 'control').entries()) {
    if (m === null || typeof m !== 'object') throw new TypeError(`control[${i}] must be a control message object. Received ${describe(m)}`);
    if (m.kind === 'rights') {
      const fds = arrayArg<number>(m.fds, `control[${i}].fds`);
      if (fds.length > 253) throw new RangeError(`control[${i}].fds: at most 253 fds (SCM_MAX_FD)`);
      const d = Buffer.alloc(fds.length * 4);
      fds.forEach((fd, j) => d.writeInt32LE(fdArg(fd, `control[${i}].fds[${j}]`), j * 4));
      parts.push({ level: SOL_SOCKET, type: SCM_RIGHTS, data: d });
    } else if (m.kind === 'credentials') {
      const d = Buffer.alloc(12);
      d.writeInt32LE(i32Arg(m.pid, `control[${i}].pid`), 0);
      d.writeUInt32LE(u32Arg(m.uid, `control[${i}].uid`), 4);
      d.writeUInt32LE(u32Arg(m.gid, `control[${i}].gid`), 8);
      parts.push({ level: SOL_SOCKET, type: SCM_CREDENTIALS, data: d });
    } else if (m.kind === 'raw') {
      parts.push({ level: i32Arg(m.level, `control[${i}].level`), type: i32Arg(m.type, `control[${i}].type`), data: bytesArg(m.data, `control[${i}].data`) });
    } else {
      throw new TypeError(`control[${i}].kind must be 'rights', 'credentials' or 'raw'. Received ${describe((m as { kind: unknown }).kind)}`);
    }
  }
  const out = Buffer.alloc(parts.reduce((n, p) => n + cmsgSpace(p.data.length), 0));
  let off = 0;
  for (const p of parts) {
    out.writeBigUInt64LE(BigInt(cmsgLen(p.data.length)), off);
    out.writeInt32LE(p.level, off + 8);
    out.writeInt32LE(p.type, off + 12);
    out.set(p.data, off + CMSG_HDR);
    off += cmsgSpace(p.data.length);
  }
  return out;
}

/** Decode the first `len` bytes of a control buffer. A truncated trailing message is dropped. */
export function decodeControl(buf: Uint8Array, len: number = buf.byteLength): ControlMessage[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(len, buf.byteLength));
  const out: ControlMessage[] = [];
  let off = 0;
  while (off + CMSG_HDR <= b.length) {
    const clen = Number(b.readBigUInt64LE(off));
    if (clen < CMSG_HDR || off + clen > b.length) break;
    const level = b.readInt32LE(off + 8);
    const type = b.readInt32LE(off + 12);
    const data = Buffer.from(b.subarray(off + CMSG_HDR, off + clen));
    if (level === SOL_SOCKET && type === SCM_RIGHTS) {
      const fds: number[] = [];
      for (let i = 0; i + 4 <= data.length; i += 4) fds.push(data.readInt32LE(i));
      out.push({ kind: 'rights', fds });
    } else if (level === SOL_SOCKET && type === SCM_CREDENTIALS && data.length >= 12) {
      out.push({ kind: 'credentials', pid: data.readInt32LE(0), uid: data.readUInt32LE(4), gid: data.readUInt32LE(8) });
    } else {
      out.push({ kind: 'raw', level, type, data });
    }
    off += align8(clen);
  }
  return out;
}

const MSGHDR = 56;

function msghdr(name: Buffer | null, iov: { iov: Buffer; list: readonly Uint8Array[] }, control: Buffer | null): Buffer {
  const h = Buffer.alloc(MSGHDR);
  h.writeBigUInt64LE(name ? addressOf(name) : 0n, 0);
  h.writeUInt32LE(name ? name.length : 0, 8);
  h.writeBigUInt64LE(iov.list.length ? addressOf(iov.iov) : 0n, 16);
  h.writeBigUInt64LE(BigInt(iov.list.length), 24);
  h.writeBigUInt64LE(control && control.length ? addressOf(control) : 0n, 32);
  h.writeBigUInt64LE(BigInt(control ? control.length : 0), 40);
  return h;
}

export interface SendMsgOptions {
  /** Control messages, or a raw control buffer (see encodeControl). */
  control?: readonly ControlMessage[] | Uint8Array;
  /** Destination address (msg_name), for unconnected sockets. */
  to?: SockAddr;
  flags?: number;
}

/** sendmsg(2) of the buffers in `iov`. Returns the byte count. */
export function sendmsg(fd: number, iov: Uint8Array[], opts: SendMsgOptions = {}): number {
  const f = fdArg(fd);
  const v = iovecs(iov, 'iov');
  const fl = flagsArg(opts.flags ?? 0);
  const ctl = opts.control === undefined ? null
    : opts.control instanceof Uint8Array ? Buffer.from(opts.control.buffer, opts.control.byteOffset, opts.control.byteLength)
    : encodeControl(opts.control);
  const name = opts.to === undefined ? null : encodeSockAddr(opts.to);
  const h = msghdr(name, v, ctl);
  return sys('sendmsg', [f, addressOf(h), fl], [h, v, ctl, name]);
}

export interface RecvMsgOptions {
  /** Size of the control buffer (0: none). Size it with cmsgSpace(), e.g. cmsgSpace(4 * nfds). */
  controlLen?: number;
  /** Ask for the sender's address (msg_name, a sockaddr_storage). */
  from?: boolean;
  flags?: number;
}

export interface RecvMsgResult {
  /** Bytes received (spread over the iov buffers in order). */
  bytes: number;
  /** msg_flags: MSG_TRUNC, MSG_CTRUNC, MSG_EOR, … */
  flags: number;
  /** Decoded control messages. */
  control: ControlMessage[];
  /** The control bytes the kernel filled in (msg_controllen of them). */
  controlData: Buffer;
  /** The sender (only with `from: true` and when the kernel gave one). */
  from: SockAddr | null;
}

/** recvmsg(2) into the buffers in `iov`. */
export function recvmsg(fd: number, iov: Uint8Array[], opts: RecvMsgOptions = {}): RecvMsgResult {
  const f = fdArg(fd);
  const v = iovecs(iov, 'iov');
  const fl = flagsArg(opts.flags ?? 0);
  const clen = int(opts.controlLen ?? 0, 'controlLen', 0, 1 << 24);
  const ctl = clen > 0 ? Buffer.alloc(clen) : null;
  const name = opts.from ? Buffer.alloc(SOCKADDR_STORAGE) : null;
  const h = msghdr(name, v, ctl);
  const n = sys('recvmsg', [f, addressOf(h), fl], [h, v, ctl, name]);
  const namelen = Math.min(h.readUInt32LE(8), name ? name.length : 0);
  const got = ctl ? Math.min(Number(h.readBigUInt64LE(40)), ctl.length) : 0;
  const controlData = ctl ? Buffer.from(ctl.subarray(0, got)) : Buffer.alloc(0);
  return {
    bytes: n,
    flags: h.readUInt32LE(48),
    control: decodeControl(controlData),
    controlData,
    from: name && namelen > 0 ? decodeSockAddr(name, namelen) : null,
  };
}

// ---------------------------------------------------------------- socket options

/** setsockopt(2): a number/boolean is passed as a C int; bytes are passed as they are. */
export function setsockopt(fd: number, level: number, name: number, value: number | boolean | Uint8Array): void {
  const f = fdArg(fd);
  const l = i32Arg(level, 'level');
  const o = i32Arg(name, 'name');
  let b: Uint8Array;
  if (value instanceof Uint8Array) b = value;
  else if (typeof value === 'boolean') {
    b = Buffer.alloc(4);
    (b as Buffer).writeInt32LE(value ? 1 : 0, 0);
  } else {
    b = Buffer.alloc(4);
    (b as Buffer).writeInt32LE(int(value, 'value', INT_MIN, INT_MAX) | 0, 0);
  }
  sys('setsockopt', [f, l, o, addressOf(b), b.byteLength], [b]);
}

/** getsockopt(2) of an int option. */
export function getsockopt(fd: number, level: number, name: number): number {
  const b = getsockoptBuffer(fd, level, name, 4);
  return b.length >= 4 ? b.readInt32LE(0) : b.length ? b[0]! : 0;
}

/** getsockopt(2) into a `size`-byte buffer; returns the bytes the kernel wrote (optlen of them). */
export function getsockoptBuffer(fd: number, level: number, name: number, size: number): Buffer {
  const f = fdArg(fd);
  const l = i32Arg(level, 'level');
  const o = i32Arg(name, 'name');
  const s = int(size, 'size', 0, 1 << 20);
  const b = Buffer.alloc(s);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(s, 0);
  sys('getsockopt', [f, l, o, addressOf(b), addressOf(len)], [b, len]);
  return b.subarray(0, Math.min(len.readUInt32LE(0), s));
}

