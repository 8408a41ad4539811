/** Decoders of the network family: sockets, addresses, messages, socket options. */
import { readFileSync, readlinkSync } from 'node:fs';
import { A, addr, buf, cstr, fd, hexv, rd, sig, sint, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, call, field, int, join, note, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, symbol, xlat, type Xlat } from './xlat/core.js';
import {
  IPPROTO, MSG_FLAGS, SHUTDOWN_MODES, SOCKET_FAMILIES, SOCKET_TYPES, SOCKOPT_LEVELS, SOCK_TYPE_FLAGS, SOCK_TYPE_MASK,
  SOL_SOCKET_GETSOCKOPT, SOL_SOCKET_SETSOCKOPT, TCP_OPTIONS,
} from './xlat/tables.js';
import {
  ETHERNET_PROTOCOLS, IP_CMSG_TYPES, NETLINK_PROTOCOLS, SCM_TYPES, SOL_IPV6_GETSOCKOPT, SOL_IPV6_OPTIONS,
  SOL_IPV6_SETSOCKOPT, SOL_IP_GETSOCKOPT, SOL_IP_OPTIONS, SOL_IP_SETSOCKOPT, SOL_NETLINK_OPTIONS, SOL_RAW_OPTIONS,
  SOL_UDP_OPTIONS, SOCK_TXREHASH_VALUES,
} from './xlat/more.js';
import { badAddr, fetch, idV, ifindexV, numAt, pidV, printArray, timespecAt, timespecV, timevalV, xflags32, xval } from './printers.js';
import { errnoName } from './xlat/errno.js';
import { ARPHRD, ICMP_FILTER_FLAGS, IFF_FLAGS, PACKET_MR_TYPES, PACKET_TYPES, SOL_PACKET_OPTIONS, SOL_TLS_OPTIONS,
  BPF_CLASS, BPF_MISCOP, BPF_MODE, BPF_OP_ALU, BPF_OP_JMP, BPF_RVAL, BPF_SIZE, BPF_SRC, SKF_AD } from './xlat/net.js';

const AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17, AF_ALG = 38, AF_VSOCK = 40;

const VSOCK_CIDS = xlat(() => [[0, 'VMADDR_CID_HYPERVISOR'], [1, 'VMADDR_CID_LOCAL'], [2, 'VMADDR_CID_HOST'], [0xffffffff, 'VMADDR_CID_ANY']]);
const VSOCK_PORTS = xlat(() => [[0xffffffff, 'VMADDR_PORT_ANY']]);
const VSOCK_FLAGS = xlat(() => [[1, 'VMADDR_FLAG_TO_HOST']]);
const CRYPTO_ALG_FLAGS = xlat(() => [[0x1000, 'CRYPTO_ALG_KERN_DRIVER_ONLY']]);

/** A char[size] at `off` up to its NUL; `...` when the last byte is not NUL (QUOTE_EXPECT_TRAILING_0). */
const cstrBytes = (b: Uint8Array, off: number, size: number): Value => {
  const s = b.subarray(off, off + Math.max(size, 0));
  const z = s.indexOf(0);
  if (z >= 0 && z < s.length - 1) return { k: 'str', b: s.subarray(0, z) };
  if (s.length && s[s.length - 1] === 0) return { k: 'str', b: s.subarray(0, s.length - 1) };
  return { k: 'str', b: s.subarray(0, Math.max(s.length - 1, 0)), trunc: s.length > 0 };
};
/** Flags always with their number (PRINT_FIELD_FLAGS_VERBOSE): `0`, `0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY *\/`. */
const verboseFlags = (x: Xlat, v: number, dflt: string): Value => {
  if (!v) return int(0);
  const n = hexv(BigInt(v >>> 0));
  const f = xflags(x, BigInt(v >>> 0));
  const text = f.k === 'flags' && f.names.length ? [...f.names, ...(f.rest ? ['0x' + f.rest.toString(16)] : [])].join('|') : dflt;
  return { k: 'styled', abbrev: note(n, text), raw: n, verbose: note(n, text) };
};

// ---------------------------------------------------------------- addresses

/** inet_ntop for IPv4. */
const ntop4 = (b: Uint8Array, off = 0): string => `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;

/** inet_ntop for IPv6, glibc's way (longest zero run as `::`, embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d). */
export function ntop6(b: Uint8Array, off = 0): string {
  const w: number[] = [];
  for (let i = 0; i < 8; i++) w.push((b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!);
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  for (let i = 0; i < 8; i++) {
    if (w[i] === 0) {
      if (cur.base === -1) cur = { base: i, len: 1 };
      else cur.len++;
    } else if (cur.base !== -1) {
      if (best.base === -1 || cur.len > best.len) best = cur;
      cur = { base: -1, len: 0 };
    }
  }
  if (cur.base !== -1 && (best.base === -1 || cur.len > best.len)) best = cur;
  if (best.base !== -1 && best.len < 2) best = { base: -1, len: 0 };
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    if (i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && w[5] === 0xffff))) {
      s += ntop4(b, off + 12);
      break;
    }
    s += w[i]!.toString(16);
  }
  if (best.base !== -1 && best.base + best.len === 8) s += ':';
  return s;
}

const quoted = (s: string): Value => ({ k: 'str', b: Buffer.from(s, 'latin1') });
/** The bytes of a field, as -X raw shows numbers in network order and addresses: `"\x00\x50"`. */
const rawBytes = (b: Uint8Array, off: number, n: number): Value => ({ k: 'str', b: b.slice(off, off + n), hex: true });
/** A port in network order: `htons(80)`; -X raw: its bytes; -X verbose: both. */
const netPort = (b: Uint8Array, off: number): Value =>
  ({ k: 'styled', abbrev: call('htons', int((b[off]! << 8) | b[off + 1]!)), raw: rawBytes(b, off, 2) });
/** An IPv4 address: `inet_addr("127.0.0.1")`; -X raw: its bytes; -X verbose: both. */
const inet4 = (b: Uint8Array, off = 0): Value =>
  ({ k: 'styled', abbrev: call('inet_addr', quoted(ntop4(b, off))), raw: rawBytes(b, off, 4) });
/**
 * An IPv6 address: `inet_pton(AF_INET6, "::1", &name)` standing alone; with -X raw and -X verbose a
 * named field (`name="\x00…"`, with the inet_pton form as a comment for verbose). Without a name
 * (netlink attributes): `inet_pton(AF_INET6, "::1")`.
 */
const inet6 = (b: Uint8Array, off = 0, name?: string): Value => {
  const text = quoted(ntop6(b, off));
  const raw = rawBytes(b, off, 16);
  if (!name) return { k: 'styled', abbrev: call('inet_pton', tok('AF_INET6'), text), raw };
  const named = (v: Value): Value => join('', tok(name + '='), v);
  return {
    k: 'styled', abbrev: call('inet_pton', tok('AF_INET6'), text, tok('&' + name)), raw: named(raw),
    verbose: named(note(raw, `inet_pton(AF_INET6, "${ntop6(b, off)}")`)), // the text needs no escaping
  };
};

/** The bytes up to the first NUL within `size` (print_quoted_string with QUOTE_0_TERMINATED). */
const cbytes = (b: Uint8Array): Value => {
  const z = b.indexOf(0);
  return { k: 'str', b: z >= 0 ? b.subarray(0, z) : b };
};

type SaPrinter = { min: number; fn: (b: Uint8Array, len: number, c?: Ctx) => Field[] };

const IN6_LINKLOCAL = (b: Uint8Array, o: number): boolean => b[o] === 0xfe && (b[o + 1]! & 0xc0) === 0x80;
const IN6_MC_LINKLOCAL = (b: Uint8Array, o: number): boolean => b[o] === 0xff && (b[o + 1]! & 0xf) === 0x2;

const SA_PRINTERS: Record<number, SaPrinter> = {
  [AF_UNIX]: {
    min: 3,
    fn: (b, len) => {
      const pathLen = Math.min(len, 110) - 2;
      const p = b.subarray(2, 2 + Math.max(pathLen, 0));
      if (b[2]) return [field('sun_path', cbytes(p))];
      return [field('sun_path', join('', tok('@'), { k: 'str', b: p.subarray(1) }))];
    },
  },
  [AF_INET]: {
    min: 16,
    fn: (b) => [
      field('sin_port', netPort(b, 2)),
      field('sin_addr', inet4(b, 4)),
    ],
  },
  [AF_INET6]: {
    min: 24,
    fn: (b, len) => {
      const f: Field[] = [
        field('sin6_port', netPort(b, 2)),
        field('sin6_flowinfo', {
          k: 'styled', abbrev: call('htonl', uint(new DataView(b.buffer, b.byteOffset).getUint32(4, false))), raw: rawBytes(b, 4, 4),
        }),
        // by default strace prints the inet_pton() form alone, with no field name
        { v: inet6(b, 8, 'sin6_addr') },
      ];
      if (len > 24) {
        const scope = rd.u32(b, 24);
        f.push(field('sin6_scope_id', IN6_LINKLOCAL(b, 8) || IN6_MC_LINKLOCAL(b, 8) ? ifindexV(scope) : uint(scope)));
      }
      return f;
    },
  },
  [AF_NETLINK]: {
    min: 12,
    fn: (b, _len, c) => {
      const f: Field[] = [];
      const pad = rd.u16(b, 2);
      if (pad) f.push(field('nl_pad', hexv(BigInt(pad))));
      const groups = rd.u32(b, 8);
      f.push(
        field('nl_pid', c ? pidV(c, rd.s32(b, 4)) : int(rd.s32(b, 4))),
        field('nl_groups', tok(groups ? '0x' + groups.toString(16).padStart(6, '0') : '00000000')),
      );
      return f;
    },
  },
  [AF_ALG]: {
    min: 25,
    fn: (b, len) => [
      field('salg_type', cstrBytes(b, 2, 14)),
      field('salg_feat', verboseFlags(CRYPTO_ALG_FLAGS, rd.u32(b, 16), 'CRYPTO_ALG_???')),
      field('salg_mask', verboseFlags(CRYPTO_ALG_FLAGS, rd.u32(b, 20), 'CRYPTO_ALG_???')),
      field('salg_name', cstrBytes(b, 24, len - 24)),
    ],
  },
  [AF_VSOCK]: {
    min: 16,
    fn: (b) => {
      const f: Field[] = [];
      const reserved = rd.u16(b, 2);
      if (reserved) f.push(field('svm_reserved1', hexv(BigInt(reserved))));
      f.push(
        field('svm_cid', symbol(VSOCK_CIDS, BigInt(rd.u32(b, 8)), 'x')),
        field('svm_port', symbol(VSOCK_PORTS, BigInt(rd.u32(b, 4)), 'x')),
        field('svm_flags', xflags(VSOCK_FLAGS, BigInt(b[12]!), 'VMADDR_FLAG_???')),
      );
      if (b[13] || b[14] || b[15]) f.push(field('svm_zero', rawBytes(b, 13, 3)));
      return f;
    },
  },
  [AF_PACKET]: {
    min: 20,
    fn: (b, len) => {
      const halen = b[11]!;
      const f: Field[] = [
        field('sll_protocol', {
          k: 'styled', abbrev: call('htons', symbol(ETHERNET_PROTOCOLS, BigInt((b[2]! << 8) | b[3]!), 'x', 'ETH_P_???')), raw: rawBytes(b, 2, 2),
        }),
        field('sll_ifindex', ifindexV(rd.s32(b, 4))),
        field('sll_hatype', symbol(ARPHRD, BigInt(rd.u16(b, 8)), 'x', 'ARPHRD_???')),
        field('sll_pkttype', symbol(PACKET_TYPES, BigInt(b[10]!), 'x', 'PACKET_???')),
        field('sll_halen', uint(halen)),
      ];
      if (halen) {
        // the bytes beyond addrlen print as `...`
        const inBounds = len - 12;
        const hw: Value[] = [];
        for (let i = 0; i < halen && i < inBounds; i++) hw.push(hexv(BigInt(b[12 + i]!)));
        f.push(field('sll_addr', array(hw, halen > inBounds)));
      }
      return f;
    },
  },
};
const xlatOf = (p: [number, string][]): Xlat => xlat(p);

/** print_sockaddr over a buffer holding `len` bytes (zero-padded beyond). */
export function sockaddrV(b: Uint8Array, len: number, c?: Ctx): Value {
  const family = rd.u16(b, 0);
  const f: Field[] = [field('sa_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  if (len > 2) {
    const p = SA_PRINTERS[family];
    if (p && len >= p.min) f.push(...p.fn(b, len, c));
    else f.push(field('sa_data', { k: 'str', b: b.subarray(2, len) }));
  }
  return struct(f);
}

/** decode_sockaddr: NULL, the address, or `{sa_family=…, …}` of `len` (≤ 128) bytes. */
export function sockaddrAt(c: Ctx, a: bigint, len: number, exiting = false): Value {
  if (len < 2) return addr(a);
  const n = Math.min(len, 128);
  return fetch(c, a, n, (raw) => {
    const b = new Uint8Array(129);
    b.set(raw);
    return sockaddrV(b, n, c);
  }, exiting);
}

// ---------------------------------------------------------------- socket, socketpair

/** The socket type: `SOCK_STREAM|SOCK_CLOEXEC`. */
function sockType(v: bigint): Value {
  const t = BigInt.asUintN(32, v);
  const name = lookup(SOCKET_TYPES, t & SOCK_TYPE_MASK);
  if (!name) return xflags(SOCK_TYPE_FLAGS, t, 'SOCK_???');
  const rest = t & ~SOCK_TYPE_MASK;
  // each part keeps its own form with -X (`0x1|0x80000`, `0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */`)
  const n = symbol(SOCKET_TYPES, t & SOCK_TYPE_MASK, 'x');
  return rest ? join('|', n, xflags(SOCK_TYPE_FLAGS, rest, 'SOCK_???')) : n;
}

/** socket()'s protocol, by domain. */
function sockProto(c: Ctx): Value {
  const domain = c.args[0]!;
  const p = c.args[2]!;
  switch (domain) {
    case BigInt(AF_INET): case BigInt(AF_INET6): return xval(IPPROTO, p, 'IPPROTO_???');
    case BigInt(AF_NETLINK): return xval(NETLINK_PROTOCOLS, p, 'NETLINK_???');
    case BigInt(AF_PACKET): {
      const v = Number(BigInt.asUintN(16, p));
      return call('htons', symbol(ETHERNET_PROTOCOLS, BigInt(((v & 0xff) << 8) | (v >> 8)), 'x', 'ETH_P_???'));
    }
    default: return ulong(p);
  }
}

const family: ArgFn = (c, i) => xval(SOCKET_FAMILIES, c.args[i]!, 'AF_???');
const typeArg: ArgFn = (c, i) => sockType(c.args[i]!);
const msgFlags: ArgFn = (c, i) => xflags32(MSG_FLAGS, c.args[i]!, 'MSG_???');

// ---------------------------------------------------------------- accept, getsockname, recvfrom

/** The addrlen value strace prints: `[16]` or `[128 => 16]`. */
const lenInOut = (ulen: number, rlen: number): Value => array([ulen !== rlen ? { k: 'inout', in: int(ulen), out: int(rlen) } : int(rlen)]);

/** fetch_socklen: the int at `lenp` when the address can be decoded. */
function socklen(c: Ctx, a: bigint, lenp: bigint): number | undefined {
  if (!c.opt.verbose || !a || !lenp) return undefined;
  const b = c.mem.read(lenp, 4);
  return b ? rd.s32(b, 0) : undefined;
}

/** The (address, length) pair of accept/getsockname/recvfrom at exit. */
function nameOut(c: Ctx, ai: number, li: number): Value[] {
  const ulen = c.state.ulen as number;
  const rb = c.err ? null : c.mem.read(c.args[li]!, 4);
  if (!rb) return [addr(c.args[ai]!), array([int(ulen)])];
  const rlen = rd.s32(rb, 0);
  return [sockaddrAt(c, c.args[ai]!, ulen > rlen ? rlen : ulen, true), lenInOut(ulen, rlen)];
}

/** decode_sockname, with extra arguments printed after (accept4's flags). */
function sockname(extra: ArgFn[] = [], ret: 'fd' | 'd' = 'd'): SyscallDecoder {
  const tail = (c: Ctx): Value[] => extra.map((f, k) => f(c, 3 + k));
  return {
    entry: (c) => {
      const ulen = socklen(c, c.args[1]!, c.args[2]!);
      if (ulen === undefined) {
        c.state.decoded = true;
        return [fd(c.args[0]!), addr(c.args[1]!), addr(c.args[2]!), ...tail(c)];
      }
      c.state.ulen = ulen;
      return [fd(c.args[0]!)];
    },
    needsExit: (c) => !c.state.decoded,
    exit: (c) => [...nameOut(c, 1, 2), ...tail(c)],
    ret: () => ({ fmt: ret }),
  };
}

const recvfrom: SyscallDecoder = {
  entry: (c) => {
    const ulen = socklen(c, c.args[4]!, c.args[5]!);
    if (ulen !== undefined) c.state.ulen = ulen;
    return [fd(c.args[0]!)];
  },
  exit: (c) => {
    const len = c.args[2]!;
    const data = c.err ? addr(c.args[1]!) : sockbuf(c, c.args[0]!, c.args[1]!, BigInt.asUintN(64, c.rval) < len ? c.rval : len);
    const head = [data, ulong(len), msgFlags(c, 3)];
    const rlenOk = socklen(c, c.args[4]!, c.args[5]!);
    if (rlenOk === undefined) return [...head, addr(c.args[4]!), addr(c.args[5]!)];
    if (c.err) return [...head, addr(c.args[4]!), array([int((c.state.ulen as number | undefined) ?? 0)])];
    const ulen = (c.state.ulen as number | undefined) ?? 0;
    return [...head, sockaddrAt(c, c.args[4]!, ulen > rlenOk ? rlenOk : ulen, true), lenInOut(ulen, rlenOk)];
  },
};

// ---------------------------------------------------------------- msghdr

const IOV_MAX = 1024;
let optmemMax = 0;
/** /proc/sys/net/core/optmem_max rounded up to 8, the most of msg_control strace reads. */
function getOptmemMax(): number {
  if (optmemMax) return optmemMax;
  try {
    const v = Number(readFileSync('/proc/sys/net/core/optmem_max', 'latin1').trim());
    optmemMax = v > 0 ? (v + 7) & ~7 : 8 * (2 * IOV_MAX + 512);
  } catch {
    optmemMax = 8 * (2 * IOV_MAX + 512);
  }
  return optmemMax;
}

/** The iovec array of a message: `[{iov_base="…", iov_len=5}]`, data limited to `dataSize` bytes in all. */
export function iovAt(c: Ctx, a: bigint, n: bigint, dataSize: bigint, netlinkFd?: number): Value {
  const unlimited = dataSize < 0n;
  let left = dataSize;
  return printArray(c, a, n, 16, (b) => {
    const base = rd.u64(b, 0);
    const len = rd.u64(b, 8);
    const shown = unlimited || len <= left ? len : left;
    if (!unlimited) left -= shown;
    const data = netlinkFd !== undefined && base ? netlinkV(c, netlinkFamily(c.pid, netlinkFd), base, shown) : buf(c, base, shown);
    return struct([field('iov_base', data), field('iov_len', ulong(len))]);
  }, { ignoreErr: true });
}

function cmsgData(c: Ctx, level: number, type: number, d: Uint8Array): Field[] {
  const out: Field[] = [];
  if (level === 1) {
    out.push(field('cmsg_type', symbol(SCM_TYPES, BigInt(type >>> 0), 'x', 'SCM_???')));
    if (type === 1 && d.length >= 4) {
      const fds: Value[] = [];
      for (let i = 0; i + 4 <= d.length; i += 4) fds.push({ k: 'fd', fd: rd.s32(d, i) });
      out.push(field('cmsg_data', array(fds)));
    } else if (type === 2 && d.length >= 12) {
      out.push(field('cmsg_data', struct([field('pid', pidV(c, rd.s32(d, 0))), field('uid', idV(rd.u32(d, 4))), field('gid', idV(rd.u32(d, 8)))])));
    } else if (type === 3 && d.length >= 1) {
      out.push(field('cmsg_data', { k: 'str', b: d }));
    } else if ((type === 29 || type === 63) && d.length >= 1) {
      out.push(field('cmsg_data', d.length >= 16 ? timevalV(d) : tok('???')));
    } else if ((type === 35 || type === 64) && d.length >= 1) {
      out.push(field('cmsg_data', d.length >= 16 ? timespecV(d) : tok('???')));
    } else if ((type === 37 || type === 65) && d.length >= 1) {
      out.push(field('cmsg_data', d.length >= 48 ? array([timespecV(d, 0), timespecV(d, 16), timespecV(d, 32)]) : tok('???')));
    }
  } else if (level === 0) {
    out.push(field('cmsg_type', symbol(IP_CMSG_TYPES, BigInt(type >>> 0), 'x', 'IP_???')));
    if (type === 8 && d.length >= 12) {
      out.push(field('cmsg_data', struct([
        field('ipi_ifindex', ifindexV(rd.s32(d, 0))),
        field('ipi_spec_dst', inet4(d, 4)),
        field('ipi_addr', inet4(d, 8)),
      ])));
    } else if ((type === 2 || type === 23) && d.length >= 4) {
      const v: Value[] = [];
      for (let i = 0; i + 4 <= d.length; i += 4) v.push(uint(rd.u32(d, i)));
      out.push(field('cmsg_data', array(v)));
    } else if ((type === 1 || type === 6 || type === 7) && d.length >= 1) {
      out.push(field('cmsg_data', array([...d].map((x) => hexv(BigInt(x))))));
    } else if (type === 11 && d.length >= 32) {
      // IP_RECVERR: struct sock_extended_err and the offender's address
      const b = new Uint8Array(129);
      b.set(d.subarray(16, 32));
      out.push(field('cmsg_data', struct([
        field('ee_errno', uint(rd.u32(d, 0))), field('ee_origin', uint(d[4]!)), field('ee_type', uint(d[5]!)),
        field('ee_code', uint(d[6]!)), field('ee_info', uint(rd.u32(d, 8))), field('ee_data', uint(rd.u32(d, 12))),
        field('offender', sockaddrV(b, 16)),
      ])));
    } else if (type === 3 && d.length >= 1) {
      out.push(field('cmsg_data', { k: 'str', b: d }));
    } else if (type === 20 && d.length >= 16) {
      const b = new Uint8Array(129);
      b.set(d.subarray(0, Math.min(d.length, 128)));
      out.push(field('cmsg_data', sockaddrV(b, Math.min(d.length, 128))));
    }
  } else {
    out.push(field('cmsg_type', hexv(BigInt(type >>> 0))));
  }
  return out;
}

/** msg_control: the control messages, `[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]`. */
function msgControl(c: Ctx, a: bigint, inLen: bigint): Value {
  const max = BigInt(getOptmemMax());
  const controlLen = Number(inLen > max ? max : inLen);
  const b = controlLen < 16 ? null : c.mem.read(a, controlLen);
  if (!b) return addr(a);
  const items: Value[] = [];
  let off = 0;
  let left = controlLen;
  while (left >= 16) {
    const cmsgLen = rd.u64(b, off);
    const level = rd.s32(b, off + 8);
    const type = rd.s32(b, off + 12);
    const len = cmsgLen > BigInt(left) ? left : Number(cmsgLen);
    const data = b.subarray(off + 16, off + Math.max(len, 16));
    items.push(struct([
      field('cmsg_len', ulong(cmsgLen)),
      field('cmsg_level', symbol(SOCKOPT_LEVELS, BigInt(level >>> 0), 'x', 'SOL_???')),
      ...cmsgData(c, level, type, data),
    ]));
    if (len < 16) {
      left -= 16;
      break;
    }
    const step = (cmsgLen + 7n) & ~7n;
    if (step >= BigInt(left)) {
      left = 0;
      break;
    }
    off += Number(step);
    left -= Number(step);
  }
  if (left) {
    items.push({ k: 'note', v: tok('...'), text: '0x' + (a + BigInt(controlLen - left)).toString(16) });
    return array(items);
  }
  return controlLen < Number(inLen) ? array(items, true) : array(items);
}

/** The family decode_sockaddr reports for the name it printed (-1 when it printed none). */
function nameFamily(c: Ctx, a: bigint, len: number): number {
  if (len < 2 || !a || !c.opt.verbose) return -1;
  const b = c.mem.read(a, Math.min(len, 128));
  return b ? rd.u16(b, 0) : -1;
}

/** struct msghdr (56 bytes): name, iovecs (data limited to `dataSize`), control messages, flags. */
function msghdrV(c: Ctx, b: Uint8Array, userNamelen: number | undefined, dataSize: bigint): Value {
  const name = rd.u64(b, 0);
  const namelen = rd.s32(b, 8);
  const shownLen = userNamelen !== undefined && namelen > userNamelen ? userNamelen : namelen;
  const controllen = rd.u64(b, 40);
  const f: Field[] = [
    field('msg_name', sockaddrAt(c, name, shownLen)),
    field('msg_namelen', userNamelen !== undefined && userNamelen !== namelen
      ? { k: 'inout', in: int(userNamelen), out: int(namelen) } : int(namelen)),
    field('msg_iov', iovAt(c, rd.u64(b, 16), rd.u64(b, 24), dataSize, nameFamily(c, name, shownLen) === AF_NETLINK ? Number(BigInt.asIntN(32, c.args[0]!)) : undefined)),
    field('msg_iovlen', ulong(rd.u64(b, 24))),
  ];
  if (controllen) f.push(field('msg_control', msgControl(c, rd.u64(b, 32), controllen)));
  f.push(field('msg_controllen', ulong(controllen)), field('msg_flags', xflags32(MSG_FLAGS, BigInt(rd.u32(b, 48)), 'MSG_???')));
  return struct(f);
}

const msghdrAt = (c: Ctx, a: bigint, userNamelen: number | undefined, dataSize: bigint): Value => {
  if (!a || !c.opt.verbose) return addr(a);
  const b = c.mem.read(a, 56);
  return b ? msghdrV(c, b, userNamelen, dataSize) : addr(a);
};

const recvmsg: SyscallDecoder = {
  entry: (c) => {
    const a = c.args[1]!;
    const b = a && c.opt.verbose ? c.mem.read(a, 56) : null;
    if (!b) {
      c.state.decoded = true;
      return [fd(c.args[0]!), addr(a), msgFlags(c, 2)];
    }
    c.state.namelen = rd.s32(b, 8);
    return [fd(c.args[0]!)];
  },
  needsExit: (c) => !c.state.decoded,
  exit: (c) => {
    const namelen = c.state.namelen as number;
    const m = c.err ? struct([field('msg_namelen', int(namelen))]) : msghdrAt(c, c.args[1]!, namelen, c.rval);
    return [m, msgFlags(c, 2)];
  },
};

// ---------------------------------------------------------------- socket options

/** The option-name table of a level, getsockopt or setsockopt flavour, and strace's unknown text. */
function optNames(level: number, get: boolean): { x: Xlat[]; unknown: string } | undefined {
  switch (level) {
    case 1: return { x: [get ? SOL_SOCKET_GETSOCKOPT : SOL_SOCKET_SETSOCKOPT], unknown: 'SO_???' };
    case 0: return { x: [SOL_IP_OPTIONS, get ? SOL_IP_GETSOCKOPT : SOL_IP_SETSOCKOPT], unknown: 'IP_???' };
    case 41: return { x: [SOL_IPV6_OPTIONS, get ? SOL_IPV6_GETSOCKOPT : SOL_IPV6_SETSOCKOPT], unknown: 'IPV6_???' };
    case 6: return { x: [TCP_OPTIONS], unknown: 'TCP_???' };
    case 17: return { x: [SOL_UDP_OPTIONS], unknown: 'UDP_???' };
    case 270: return { x: [SOL_NETLINK_OPTIONS], unknown: 'NETLINK_???' };
    case 255: return { x: [SOL_RAW_OPTIONS], unknown: 'RAW_???' };
    case 263: return { x: [SOL_PACKET_OPTIONS], unknown: 'PACKET_???' };
    case 282: return { x: [SOL_TLS_OPTIONS], unknown: 'TLS_???' };
    default: return undefined;
  }
}

function optName(level: number, name: number, get: boolean): Value {
  const t = optNames(level, get);
  if (!t) return uint(name >>> 0);
  for (const x of t.x) {
    const n = lookup(x, name >>> 0);
    if (n) return { k: 'sym', name: n, v: BigInt(name >>> 0), fmt: 'x' };
  }
  return symbol(t.x[0]!, BigInt(name >>> 0), 'x', t.unknown);
}

const sockoptHead = (c: Ctx, get: boolean): Value[] => {
  const level = Number(BigInt.asUintN(32, c.args[1]!));
  return [fd(c.args[0]!), symbol(SOCKOPT_LEVELS, BigInt(level), 'x', 'SOL_??'), optName(level, Number(BigInt.asUintN(32, c.args[2]!)), get)];
};

/** SOL_SOCKET options whose value is an int. */
const SO_INT = new Set([1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 27, 29, 30, 32, 33, 34, 35, 36, 37, 40, 41, 42, 43,
  44, 45, 46, 49, 53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 75]);
const SO_LINGER = 13, SO_PEERCRED = 17, SO_ATTACH_FILTER = 26, SO_ERROR = 4, SO_TXREHASH = 74, SO_ATTACH_REUSEPORT_CBPF = 51;

const lingerV = (b: Uint8Array, len: number): Value => {
  const f: Field[] = [];
  if (len >= 4) f.push(field('l_onoff', int(rd.s32(b, 0))));
  if (len >= 8) f.push(field('l_linger', int(rd.s32(b, 4))));
  return struct(f);
};

// ---------------------------------------------------------------- classic BPF (socket filters)

const bpfUnknown = (v: number): Value => note(hexv(BigInt(v)), 'BPF_???');
const bpfX = (x: Xlat, v: number): Value => symbol(x, BigInt(v), 'x', 'BPF_???');

/** An instruction code: `BPF_LD|BPF_W|BPF_ABS`, `BPF_RET|BPF_K` (print_bpf_filter_code). */
export function bpfCode(code: number): Value {
  const cls = code & 7;
  let rest = code & ~7;
  const parts: Value[] = [bpfX(BPF_CLASS, cls)];
  switch (cls) {
    case 2: case 3: // BPF_ST, BPF_STX
      if (rest) parts.push(bpfUnknown(rest));
      break;
    case 0: case 1: // BPF_LD, BPF_LDX
      parts.push(bpfX(BPF_SIZE, code & 0x18), bpfX(BPF_MODE, code & 0xe0));
      break;
    case 7: // BPF_MISC
      parts.push(bpfX(BPF_MISCOP, code & 0xf8));
      rest &= ~(code & 0xf8);
      if (rest) parts.push(bpfUnknown(rest));
      break;
    case 4: // BPF_ALU
      parts.push(bpfX(BPF_SRC, code & 0x08), bpfX(BPF_OP_ALU, code & 0xf0));
      break;
    case 5: // BPF_JMP
      parts.push(bpfX(BPF_SRC, code & 0x08), bpfX(BPF_OP_JMP, code & 0xf0));
      break;
    case 6: // BPF_RET
      parts.push(bpfX(BPF_RVAL, code & 0x18));
      rest &= ~(code & 0x18);
      if (rest) parts.push(bpfUnknown(rest));
      break;
  }
  return parts.length > 1 ? join('|', ...parts) : parts[0]!;
}

const SKF_AD_OFF = 0x100000000 - 0x1000, SKF_NET_OFF = 0x100000000 - 0x100000, SKF_LL_OFF = 0x100000000 - 0x200000;

/** A socket filter's k: loads from the special offsets by name (print_sock_filter_k). */
function sockFilterK(code: number, k: number): Value {
  if ((code & 7) === 0 && (code & 0xe0) === 0x20) {
    if (k >= SKF_AD_OFF) return join('+', tok('SKF_AD_OFF'), symbol(SKF_AD, BigInt(k - SKF_AD_OFF), 'x', 'SKF_AD_???'));
    if (k >= SKF_NET_OFF) return join('+', tok('SKF_NET_OFF'), uint(k - SKF_NET_OFF));
    if (k >= SKF_LL_OFF) return join('+', tok('SKF_LL_OFF'), uint(k - SKF_LL_OFF));
  }
  return hexv(BigInt(k));
}

const BPF_MAXINSNS = 4096;

/** One instruction: `BPF_STMT(code, k)`, or `BPF_JUMP(code, k, jt, jf)` when it jumps. */
const bpfInsn = (b: Uint8Array): Value => {
  const code = rd.u16(b, 0);
  const jt = b[2]!, jf = b[3]!;
  const k = rd.u32(b, 4);
  return jt || jf
    ? call('BPF_JUMP', bpfCode(code), hexv(BigInt(k)), hexv(BigInt(jt)), hexv(BigInt(jf)))
    : call('BPF_STMT', bpfCode(code), sockFilterK(code, k));
};

/** A socket filter program of `len` instructions: the address, or with -v the instructions. */
export function sockFilterAt(c: Ctx, a: bigint, len: number): Value {
  if (c.opt.abbrev) return addr(a);
  return printArray(c, a, len, 8, (b, i) => (i >= BPF_MAXINSNS ? null : bpfInsn(b)), { stopMore: true });
}

/** struct sock_fprog: `{len=1, filter=[BPF_STMT(BPF_RET|BPF_K, 0xffff)]}` (decode_sock_fprog). */
const sockFprogAt = (c: Ctx, a: bigint): Value =>
  fetch(c, a, 16, (b) => struct([field('len', uint(rd.u16(b, 0))), field('filter', sockFilterAt(c, rd.u64(b, 8), rd.u16(b, 0)))]));

/** Fields of a struct of 4-byte members, as many as `len` bytes hold (MAYBE_PRINT_FIELD_LEN). */
const u32Fields = (b: Uint8Array, len: number, names: string[]): Value =>
  struct(names.flatMap((n, i) => ((i + 1) * 4 <= len ? [field(n, uint(rd.u32(b, i * 4)))] : [])));

/** ICMP_FILTER: the set of ICMP types, `~[…]` for those not set when most are. */
function icmpFilter(c: Ctx, a: bigint, len: number): Value {
  if (len <= 0) return addr(a);
  const n = Math.min(len, 4);
  return fetch(c, a, n, (b) => {
    let v = 0xffffffff;
    for (let i = 0; i < n; i++) v = (v & ~(0xff << (8 * i))) | (b[i]! << (8 * i));
    v >>>= 0;
    let bits = 0;
    for (let i = 0; i < 32; i++) if ((v >>> i) & 1) bits++;
    const inverted = bits > 16;
    if (inverted) v = ~v >>> 0;
    const names: string[] = [];
    for (let i = 0; i < 32; i++) {
      if (!((v >>> i) & 1)) continue;
      names.push(lookup(ICMP_FILTER_FLAGS, i) ?? `${i ? '0x' + i.toString(16) : '0'} /* ICMP_??? */`);
    }
    return { k: 'sigset', names, inverted };
  });
}

/** struct group_req: `{gr_interface=if_nametoindex("lo"), gr_group={sa_family=AF_INET, …}}`. */
const groupReq = (c: Ctx, a: bigint, len: number): Value =>
  len < 136 ? addr(a) : fetch(c, a, 136, (b) => {
    const sa = new Uint8Array(129);
    sa.set(b.subarray(8, 136));
    return struct([field('gr_interface', ifindexV(rd.u32(b, 0))), field('gr_group', sockaddrV(sa, 128))]);
  });

/** struct packet_mreq (16 bytes): the interface, the type and mr_alen bytes of the address. */
const packetMreq = (c: Ctx, a: bigint, len: number): Value => {
  const b = len === 16 && c.opt.verbose ? c.mem.read(a, 16) : null;
  if (!b) return addr(a);
  const alen = rd.u16(b, 6);
  return struct([
    field('mr_ifindex', ifindexV(rd.s32(b, 0))),
    field('mr_type', symbol(PACKET_MR_TYPES, BigInt(rd.u16(b, 4)), 'x', 'PACKET_MR_???')),
    field('mr_alen', uint(alen)),
    field('mr_address', hwaddrV(b.subarray(8, 16), Math.min(alen, 8), -1)),
  ]);
};

/** struct tpacket_req (16 bytes), for PACKET_RX_RING / PACKET_TX_RING. */
const tpacketReq = (c: Ctx, a: bigint, len: number): Value => {
  const b = len === 16 && c.opt.verbose ? c.mem.read(a, 16) : null;
  return b ? u32Fields(b, 16, ['tp_block_size', 'tp_block_nr', 'tp_frame_size', 'tp_frame_nr']) : addr(a);
};

function getsockoptVal(c: Ctx, level: number, name: number, a: bigint, ulen: number, rlen: number): Value {
  if (ulen <= 0 || rlen <= 0) return addr(a);
  if (a && c.opt.verbose) {
    if (level === 1) {
      switch (name) {
        case SO_LINGER: return fetch(c, a, Math.min(rlen, 8), (b) => lingerV(b, Math.min(rlen, 8)));
        case SO_PEERCRED: {
          const n = Math.min(rlen, 12);
          return fetch(c, a, n, (b) => {
            const f: Field[] = [];
            if (n >= 4) f.push(field('pid', pidV(c, rd.s32(b, 0))));
            if (n >= 8) f.push(field('uid', idV(rd.u32(b, 4))));
            if (n >= 12) f.push(field('gid', idV(rd.u32(b, 8))));
            return struct(f);
          });
        }
        // SO_GET_FILTER: the filter program itself, shown only with -v
        case SO_ATTACH_FILTER: return rlen <= 0xffff ? sockFilterAt(c, a, rlen) : addr(a);
        case SO_ERROR:
          if (rlen < 4) return buf(c, a, rlen, true);
          return fetch(c, a, 4, (b) => {
            const e = rd.u32(b, 0);
            const n = errnoName(e);
            return array([n ? sym(n, e) : uint(e)]);
          });
        case SO_TXREHASH:
          if (rlen < 4) return buf(c, a, rlen, true);
          return fetch(c, a, 4, (b) => array([symbol(SOCK_TXREHASH_VALUES, BigInt(rd.s32(b, 0)), 'd', 'SOCK_TXREHASH_???')]));
        default:
          if (SO_INT.has(name)) return rlen >= 4 ? numAt(c, a) : buf(c, a, rlen, true);
      }
    } else if (level === 263 && name === 6) {
      const n = Math.min(rlen, 12);
      return fetch(c, a, n, (b) => u32Fields(b, n, ['tp_packets', 'tp_drops', 'tp_freeze_q_cnt']));
    } else if (level === 255 && name === 1) {
      return icmpFilter(c, a, rlen);
    } else if (level === 270) {
      if (name === 9) return printArray(c, a, Math.floor(Math.min(ulen, rlen) / 4), 4, (b) => uint(rd.u32(b, 0)));
      return numAt(c, a);
    }
  }
  if (!c.opt.verbose) return addr(a);
  return rlen === 4 ? numAt(c, a) : buf(c, a, rlen);
}

function setsockoptVal(c: Ctx, level: number, name: number, a: bigint, len: number): Value {
  if (a && c.opt.verbose) {
    if (level === 1) {
      switch (name) {
        case SO_LINGER: return len < 8 ? addr(a) : fetch(c, a, 8, (b) => lingerV(b, 8));
        case SO_ATTACH_FILTER: case SO_ATTACH_REUSEPORT_CBPF: return len === 16 ? sockFprogAt(c, a) : addr(a);
        case SO_TXREHASH:
          if (len < 4) return addr(a);
          return fetch(c, a, 4, (b) => array([symbol(SOCK_TXREHASH_VALUES, BigInt(rd.s32(b, 0)), 'd', 'SOCK_TXREHASH_???')]));
        default:
          if (SO_INT.has(name)) return len < 4 ? addr(a) : numAt(c, a);
      }
    } else if ((level === 0 || level === 41) && (name === 42 || name === 45)) {
      return groupReq(c, a, len);
    } else if (level === 263 && (name === 5 || name === 13)) {
      return tpacketReq(c, a, len);
    } else if (level === 263 && (name === 1 || name === 2)) {
      return packetMreq(c, a, len);
    } else if (level === 255 && name === 1) {
      return icmpFilter(c, a, len);
    } else if (level === 0 && (name === 35 || name === 36)) {
      return len < 8 ? addr(a) : fetch(c, a, 8, (b) => struct([
        field('imr_multiaddr', inet4(b, 0)),
        field('imr_interface', inet4(b, 4)),
      ]));
    } else if (level === 41 && name >= 20 && name <= 28 && name !== 22 && name !== 23 && name !== 24 && name !== 25 && name !== 26) {
      return len < 20 ? addr(a) : fetch(c, a, 20, (b) => struct([
        { v: inet6(b, 0, 'ipv6mr_multiaddr') },
        field('ipv6mr_interface', ifindexV(rd.u32(b, 16))),
      ]));
    } else if (level === 270) {
      return len < 4 ? addr(a) : numAt(c, a);
    }
  }
  if (!c.opt.verbose) return addr(a);
  return len === 4 ? numAt(c, a) : buf(c, a, BigInt(len >>> 0));
}

const getsockopt: SyscallDecoder = {
  entry: (c) => {
    const lenp = c.args[4]!;
    const b = c.opt.verbose && lenp ? c.mem.read(lenp, 4) : null;
    if (!b) {
      c.state.decoded = true;
      return [...sockoptHead(c, true), addr(c.args[3]!), addr(lenp)];
    }
    c.state.ulen = rd.s32(b, 0);
    return sockoptHead(c, true);
  },
  needsExit: (c) => !c.state.decoded,
  exit: (c) => {
    const ulen = c.state.ulen as number;
    const rb = c.err ? null : c.mem.read(c.args[4]!, 4);
    if (!rb) return [addr(c.args[3]!), array([int(ulen)])];
    const rlen = rd.s32(rb, 0);
    const level = Number(BigInt.asUintN(32, c.args[1]!));
    const name = Number(BigInt.asUintN(32, c.args[2]!));
    return [getsockoptVal(c, level, name, c.args[3]!, ulen, rlen), lenInOut(ulen, rlen)];
  },
};

const setsockopt: SyscallDecoder = {
  entry: (c) => [
    ...sockoptHead(c, false),
    setsockoptVal(c, Number(BigInt.asUintN(32, c.args[1]!)), Number(BigInt.asUintN(32, c.args[2]!)), c.args[3]!,
      Number(BigInt.asIntN(32, c.args[4]!))),
    sint(c.args[4]!),
  ],
};


// ---------------------------------------------------------------- netlink messages

const NETLINK_ROUTE = 0;
let netlinkCache = new Map<string, number | null>();

/** The protocol of the netlink socket with this inode in a /proc/…/net/netlink listing, or null. */
function netlinkProto(list: string, inode: string): number | null {
  try {
    for (const l of readFileSync(list, 'latin1').split('\n').slice(1)) {
      const f = l.trim().split(/\s+/);
      if (f.length >= 10 && f[9] === inode) return Number(f[1]);
    }
  } catch { /* no procfs */ }
  return null;
}

/** What netlinkFamily returns for a netlink socket whose protocol strace cannot learn. */
export const NETLINK_UNKNOWN = -1;

/**
 * The netlink protocol of a tracee's fd, NETLINK_UNKNOWN, or undefined when the fd is not a netlink
 * socket. strace learns that a socket is netlink from the fd itself, and its protocol from a
 * sock_diag query in its own network namespace: a socket of a tracee in another namespace is
 * netlink of an unknown protocol, and its messages print with the generic types only.
 */
export function netlinkFamily(pid: number, fdNum: number): number | undefined {
  let inode: string;
  try {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fdNum}`));
    if (!m) return undefined;
    inode = m[1]!;
  } catch {
    return undefined;
  }
  const hit = netlinkCache.get(inode);
  if (hit !== undefined) return hit ?? undefined;
  let proto = netlinkProto('/proc/self/net/netlink', inode);
  if (proto === null && netlinkProto(`/proc/${pid}/net/netlink`, inode) !== null) proto = NETLINK_UNKNOWN;
  if (netlinkCache.size > 4096) netlinkCache = new Map();
  netlinkCache.set(inode, proto);
  return proto ?? undefined;
}

const nlTable = (names: string[], first = 0): Xlat => xlatOf(names.flatMap((n, i) => (n ? [[first + i, n] as [number, string]] : [])));
const NETLINK_TYPES = nlTable(['NLMSG_NOOP', 'NLMSG_ERROR', 'NLMSG_DONE', 'NLMSG_OVERRUN'], 1);
const RTM = ['LINK', 'ADDR', 'ROUTE', 'NEIGH', 'RULE', 'QDISC', 'TCLASS', 'TFILTER', 'ACTION'];
const NL_ROUTE_TYPES = xlatOf([
  ...RTM.flatMap((n, i) => ['NEW', 'DEL', 'GET', ...(n === 'LINK' ? ['SET'] : [])].map((op, k) => [16 + i * 4 + k, `RTM_${op}${n}`] as [number, string])),
  [52, 'RTM_NEWPREFIX'], [58, 'RTM_GETMULTICAST'], [62, 'RTM_GETANYCAST'], [64, 'RTM_NEWNEIGHTBL'], [66, 'RTM_GETNEIGHTBL'],
  [67, 'RTM_SETNEIGHTBL'], [68, 'RTM_NEWNDUSEROPT'], [72, 'RTM_NEWADDRLABEL'], [73, 'RTM_DELADDRLABEL'], [74, 'RTM_GETADDRLABEL'],
  [78, 'RTM_GETDCB'], [79, 'RTM_SETDCB'], [80, 'RTM_NEWNETCONF'], [81, 'RTM_DELNETCONF'], [82, 'RTM_GETNETCONF'],
  [84, 'RTM_NEWMDB'], [85, 'RTM_DELMDB'], [86, 'RTM_GETMDB'], [88, 'RTM_NEWNSID'], [89, 'RTM_DELNSID'], [90, 'RTM_GETNSID'],
  [92, 'RTM_NEWSTATS'], [94, 'RTM_GETSTATS'], [96, 'RTM_NEWCACHEREPORT'], [100, 'RTM_NEWCHAIN'], [101, 'RTM_DELCHAIN'],
  [102, 'RTM_GETCHAIN'], [104, 'RTM_NEWNEXTHOP'], [105, 'RTM_DELNEXTHOP'], [106, 'RTM_GETNEXTHOP'], [108, 'RTM_NEWLINKPROP'],
  [109, 'RTM_DELLINKPROP'], [110, 'RTM_GETLINKPROP'], [112, 'RTM_NEWVLAN'], [113, 'RTM_DELVLAN'], [114, 'RTM_GETVLAN'],
  [116, 'RTM_NEWNEXTHOPBUCKET'], [117, 'RTM_DELNEXTHOPBUCKET'], [118, 'RTM_GETNEXTHOPBUCKET'],
]);
const NLM_FLAGS = xlatOf([[1, 'NLM_F_REQUEST'], [2, 'NLM_F_MULTI'], [4, 'NLM_F_ACK'], [8, 'NLM_F_ECHO'], [0x10, 'NLM_F_DUMP_INTR'], [0x20, 'NLM_F_DUMP_FILTERED']]);
const NLM_GET_FLAGS = xlatOf([[0x300, 'NLM_F_DUMP'], [0x100, 'NLM_F_ROOT'], [0x200, 'NLM_F_MATCH'], [0x400, 'NLM_F_ATOMIC']]);
const NLM_NEW_FLAGS = xlatOf([[0x100, 'NLM_F_REPLACE'], [0x200, 'NLM_F_EXCL'], [0x400, 'NLM_F_CREATE'], [0x800, 'NLM_F_APPEND']]);
const NLM_DELETE_FLAGS = xlatOf([[0x100, 'NLM_F_NONREC'], [0x200, 'NLM_F_BULK']]);
const NLM_ACK_FLAGS = xlatOf([[0x100, 'NLM_F_CAPPED'], [0x200, 'NLM_F_ACK_TLVS']]);
const IFA_FLAGS = xlatOf(['SECONDARY', 'NODAD', 'OPTIMISTIC', 'DADFAILED', 'HOMEADDRESS', 'DEPRECATED', 'TENTATIVE', 'PERMANENT',
  'MANAGETEMPADDR', 'NOPREFIXROUTE', 'MCAUTOJOIN', 'STABLE_PRIVACY'].map((n, i) => [1 << i, `IFA_F_${n}`]));
const RT_SCOPES = xlatOf([[0, 'RT_SCOPE_UNIVERSE'], [200, 'RT_SCOPE_SITE'], [253, 'RT_SCOPE_LINK'], [254, 'RT_SCOPE_HOST'], [255, 'RT_SCOPE_NOWHERE']]);
const IFA_ATTRS = nlTable(['IFA_UNSPEC', 'IFA_ADDRESS', 'IFA_LOCAL', 'IFA_LABEL', 'IFA_BROADCAST', 'IFA_ANYCAST', 'IFA_CACHEINFO',
  'IFA_MULTICAST', 'IFA_FLAGS', 'IFA_RT_PRIORITY', 'IFA_TARGET_NETNSID', 'IFA_PROTO']);
const NLMSGERR_ATTRS = nlTable(['NLMSGERR_ATTR_UNUSED', 'NLMSGERR_ATTR_MSG', 'NLMSGERR_ATTR_OFFS', 'NLMSGERR_ATTR_COOKIE',
  'NLMSGERR_ATTR_POLICY', 'NLMSGERR_ATTR_MISS_TYPE', 'NLMSGERR_ATTR_MISS_NEST']);

/** The flags table for a message type's high flag bits (get/new/delete requests, acks). */
function nlmsgFlagTable(type: number, family: number | undefined): Xlat | undefined {
  if (type < 16) return type === 2 ? NLM_ACK_FLAGS : undefined;
  if (family !== NETLINK_ROUTE) return family === 4 ? NLM_GET_FLAGS : undefined; // NETLINK_SOCK_DIAG
  if (type === 49) return NLM_GET_FLAGS; // RTM_DELACTION
  return [NLM_NEW_FLAGS, NLM_DELETE_FLAGS, NLM_GET_FLAGS, undefined][type & 3];
}

function nlmsghdrV(c: Ctx, h: Uint8Array, family: number | undefined): Value {
  const type = rd.u16(h, 4);
  const fl = rd.u16(h, 6);
  const typeV = type >= 16 && family === NETLINK_ROUTE
    ? symbol(NL_ROUTE_TYPES, BigInt(type), 'x', 'RTM_???')
    : type >= 16 && family === NETLINK_SOCK_DIAG
      ? symbol(SOCK_DIAG_TYPES, BigInt(type), 'x', 'SOCK_DIAG_???')
      : symbol(NETLINK_TYPES, BigInt(type), 'x', 'NLMSG_???');
  const table = nlmsgFlagTable(type, family);
  const names: string[] = [];
  let rest = BigInt(fl);
  for (const x of table ? [NLM_FLAGS, table] : [NLM_FLAGS]) {
    for (const [bit, name] of x.pairs) {
      if (bit && (rest & bit) === bit) {
        names.push(name);
        rest &= ~bit;
      }
    }
  }
  const flagsV: Value = { k: 'flags', names, rest, v: BigInt(fl) };
  return struct([
    field('nlmsg_len', uint(rd.u32(h, 0))),
    field('nlmsg_type', typeV),
    field('nlmsg_flags', names.length === 0 && rest ? { k: 'note', v: flagsV, text: 'NLM_F_???' } : flagsV),
    field('nlmsg_seq', uint(rd.u32(h, 8))),
    field('nlmsg_pid', pidV(c, rd.s32(h, 12))),
  ]);
}

/** decode_nla_str: the bytes, a trailing NUL dropped, `...` when there is none. */
function nlaStr(c: Ctx, a: bigint, len: number): Value {
  const size = Math.min(len, c.opt.strsize + 1);
  const b = c.mem.read(a, size);
  if (!b) return badAddr(a);
  const shown = Math.min(size, c.opt.strsize);
  const v = b.subarray(0, shown);
  if (shown > 0 && v[shown - 1] === 0) return { k: 'str', b: v.subarray(0, shown - 1) };
  return len ? { k: 'str', b: v, trunc: true } : { k: 'str', b: v };
}

/** decode_inet_addr with no field name: `inet_addr("…")`, `inet_pton(AF_INET6, "…")`, else hex bytes. */
function inetAddrAt(c: Ctx, a: bigint, len: number, family: number): Value {
  const size = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
  if (!size || len < size) return buf(c, a, len, true);
  const b = c.mem.read(a, size);
  if (!b) return addr(a);
  return size === 4 ? inet4(b) : inet6(b);
}

/** An attribute decoder: a value, or null for strace's fallback (the payload in hex). */
type NlaDecoder = (c: Ctx, a: bigint, len: number) => Value | null;

const nlaU32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => uint(rd.u32(b, 0))));
const nlaS32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => int(rd.s32(b, 0))));

/** decode_nlattr: `[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("…")]`, several in an array. */
function nlattrsV(c: Ctx, a: bigint, len: number, table: Xlat, dflt: string, decoders: (NlaDecoder | undefined)[]): Value {
  return netlinkRecords(c, a, len, 4, (h) => rd.u16(h, 0), (h, at, left) => {
    const nlaLen = rd.u16(h, 0);
    const nlaType = rd.u16(h, 2);
    const type = nlaType & 0x3fff;
    const typeParts: Value[] = [];
    if (nlaType & 0x8000) typeParts.push(tok('NLA_F_NESTED'));
    if (nlaType & 0x4000) typeParts.push(tok('NLA_F_NET_BYTEORDER'));
    typeParts.push(symbol(table, BigInt(type), 'x', dflt));
    const hdr = struct([field('nla_len', uint(nlaLen)), field('nla_type', typeParts.length > 1 ? join('|', ...typeParts) : typeParts[0]!)]);
    const dataLen = Math.min(nlaLen, left);
    if (dataLen <= 4) return hdr;
    return array([hdr, decoders[type]?.(c, at + 4n, dataLen - 4) ?? buf(c, at + 4n, dataLen - 4, true)]);
  });
}

/**
 * strace's walk over a chain of netlink records (messages, attributes) in `len` bytes at `a`: each
 * starts with a `hdr`-byte header giving its length; the next follows 4-byte aligned while bytes
 * remain. A short tail prints as bytes, an unreadable header as its address, and with abbrev the
 * walk stops after -s records. Several records print as an array, one alone.
 */
function netlinkRecords(
  c: Ctx, a: bigint, len: number, hdr: number, lenOf: (h: Uint8Array) => number,
  print: (h: Uint8Array, a: bigint, len: number) => Value,
): Value {
  const items: Value[] = [];
  let isArray = false;
  for (let elt = 0; ; elt++) {
    if (len < hdr) {
      items.push(buf(c, a, len, true));
      break;
    }
    const h = c.mem.read(a, hdr);
    if (!h) {
      items.push(isArray ? note(tok('...'), '0x' + a.toString(16)) : addr(a));
      break;
    }
    if (c.opt.abbrev && elt === c.opt.strsize) {
      items.push(tok('...'));
      break;
    }
    const recLen = lenOf(h);
    const aligned = (recLen + 3) & ~3;
    let next = 0n;
    let nextLen = 0;
    if (recLen >= hdr) {
      nextLen = len >= aligned ? len - aligned : 0;
      if (nextLen) next = a + BigInt(aligned);
    }
    if (!isArray && next) isArray = true;
    items.push(print(h, a, len));
    if (!next) break;
    a = next;
    len = nextLen;
  }
  return isArray ? array(items) : items[0]!;
}

/** RTM_*ADDR: struct ifaddrmsg and its attributes. */
function ifaddrmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const f: Field[] = [field('ifa_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  let decoded = false;
  if (len >= 8) {
    const b = c.mem.read(a + 1n, 7);
    if (b) {
      f.push(
        field('ifa_prefixlen', uint(b[0]!)),
        field('ifa_flags', xflags(IFA_FLAGS, BigInt(b[1]!), 'IFA_F_???')),
        field('ifa_scope', symbol(RT_SCOPES, BigInt(b[2]!), 'x')),
        field('ifa_index', ifindexV(rd.u32(b, 3))),
      );
      decoded = true;
    } else f.push({ v: addr(a + 1n) });
  }
  const out: Value[] = [struct(f, len < 8)];
  if (decoded && len > 8) {
    const inet: NlaDecoder = (cc, aa, ll) => inetAddrAt(cc, aa, ll, family);
    out.push(nlattrsV(c, a + 8n, len - 8, IFA_ATTRS, 'IFA_???', [
      undefined, inet, inet, (cc, aa, ll) => nlaStr(cc, aa, ll), inet, inet,
      (cc, aa, ll) => (ll < 16 ? null : fetch(cc, aa, 16, (b) => struct([
        field('ifa_prefered', uint(rd.u32(b, 0))), field('ifa_valid', uint(rd.u32(b, 4))),
        field('cstamp', uint(rd.u32(b, 8))), field('tstamp', uint(rd.u32(b, 12))),
      ]))),
      inet,
      (cc, aa, ll) => (ll < 4 ? null : fetch(cc, aa, 4, (b) => xflags(IFA_FLAGS, BigInt(rd.u32(b, 0)), 'IFA_F_???'))),
      nlaU32, nlaS32,
    ]));
  }
  return out;
}

const RTM_ADDR_TYPES = new Set([20, 21, 22, 58, 62]);
const RTM_LINK_TYPES = new Set([16, 17, 18, 19]);

const IFLA_ATTRS = nlTable(['IFLA_UNSPEC', 'IFLA_ADDRESS', 'IFLA_BROADCAST', 'IFLA_IFNAME', 'IFLA_MTU', 'IFLA_LINK', 'IFLA_QDISC',
  'IFLA_STATS', 'IFLA_COST', 'IFLA_PRIORITY', 'IFLA_MASTER', 'IFLA_WIRELESS', 'IFLA_PROTINFO', 'IFLA_TXQLEN', 'IFLA_MAP',
  'IFLA_WEIGHT', 'IFLA_OPERSTATE', 'IFLA_LINKMODE', 'IFLA_LINKINFO', 'IFLA_NET_NS_PID', 'IFLA_IFALIAS', 'IFLA_NUM_VF',
  'IFLA_VFINFO_LIST', 'IFLA_STATS64', 'IFLA_VF_PORTS', 'IFLA_PORT_SELF', 'IFLA_AF_SPEC', 'IFLA_GROUP', 'IFLA_NET_NS_FD',
  'IFLA_EXT_MASK', 'IFLA_PROMISCUITY', 'IFLA_NUM_TX_QUEUES', 'IFLA_NUM_RX_QUEUES', 'IFLA_CARRIER', 'IFLA_PHYS_PORT_ID',
  'IFLA_CARRIER_CHANGES', 'IFLA_PHYS_SWITCH_ID', 'IFLA_LINK_NETNSID', 'IFLA_PHYS_PORT_NAME', 'IFLA_PROTO_DOWN',
  'IFLA_GSO_MAX_SEGS', 'IFLA_GSO_MAX_SIZE', 'IFLA_PAD', 'IFLA_XDP', 'IFLA_EVENT', 'IFLA_NEW_NETNSID', 'IFLA_IF_NETNSID',
  'IFLA_CARRIER_UP_COUNT', 'IFLA_CARRIER_DOWN_COUNT', 'IFLA_NEW_IFINDEX', 'IFLA_MIN_MTU', 'IFLA_MAX_MTU', 'IFLA_PROP_LIST',
  'IFLA_ALT_IFNAME', 'IFLA_PERM_ADDRESS', 'IFLA_PROTO_DOWN_REASON', 'IFLA_PARENT_DEV_NAME', 'IFLA_PARENT_DEV_BUS_NAME',
  'IFLA_GRO_MAX_SIZE', 'IFLA_TSO_MAX_SIZE', 'IFLA_TSO_MAX_SEGS', 'IFLA_ALLMULTI']);
const RTEXT_FILTER_FLAGS = xlatOf(['VF', 'BRVLAN', 'BRVLAN_COMPRESSED', 'SKIP_STATS', 'MRP', 'CFM_CONFIG', 'CFM_STATUS']
  .map((n, i) => [1 << i, `RTEXT_FILTER_${n}`]));

const nlaU8: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => uint(b[0]!)));
const nlaStrD: NlaDecoder = (c, a, len) => nlaStr(c, a, len);

/** struct rtnl_link_stats / rtnl_link_stats64: the counters, the newer ones as the length allows. */
const LINK_STATS = ['rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors', 'tx_errors', 'rx_dropped', 'tx_dropped',
  'multicast', 'collisions', 'rx_length_errors', 'rx_over_errors', 'rx_crc_errors', 'rx_frame_errors', 'rx_fifo_errors',
  'rx_missed_errors', 'tx_aborted_errors', 'tx_carrier_errors', 'tx_fifo_errors', 'tx_heartbeat_errors', 'tx_window_errors',
  'rx_compressed', 'tx_compressed', 'rx_nohandler', 'rx_otherhost_dropped'];
const linkStats = (word: 4 | 8, sizes: number[]): NlaDecoder => (c, a, len) => {
  // the sizes strace accepts, largest first: exactly one of the smaller ones, or at least the largest
  const size = len >= sizes[0]! ? sizes[0]! : sizes.find((s) => s === len);
  if (!size) return null;
  return fetch(c, a, size, (b) => struct(LINK_STATS.slice(0, size / word).map((n, i) =>
    field(n, uint(word === 8 ? rd.u64(b, i * 8) : BigInt(rd.u32(b, i * 4)))))));
};

/** IFLA_* attribute decoders; the hardware addresses are sized by ifi_family (as strace does). */
function iflaDecoders(family: number): (NlaDecoder | undefined)[] {
  const hw: NlaDecoder = (c, a, len) => (len > 32 ? null : fetch(c, a, len, (b) => hwaddrV(b, len, family)));
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = hw; d[2] = hw; d[3] = nlaStrD; d[4] = nlaU32; d[5] = nlaU32; d[6] = nlaStrD;
  d[7] = linkStats(4, [96, 92]);
  d[10] = nlaU32; d[13] = nlaU32;
  d[14] = (c, a, len) => (len < 28 ? null : fetch(c, a, 28, (b) => struct([
    field('mem_start', hexv(rd.u64(b, 0))), field('mem_end', hexv(rd.u64(b, 8))), field('base_addr', hexv(rd.u64(b, 16))),
    field('irq', uint(rd.u16(b, 24))), field('dma', uint(b[26]!)), field('port', uint(b[27]!)),
  ])));
  d[15] = nlaU32; d[16] = nlaU8; d[17] = nlaU8; d[19] = nlaU32; d[20] = nlaStrD; d[21] = nlaU32;
  d[23] = linkStats(8, [200, 192, 184]);
  d[27] = nlaU32;
  d[28] = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => ({ k: 'fd', fd: rd.s32(b, 0) })));
  d[29] = (c, a, len) => (len < 4 || len > 8 ? null : fetch(c, a, 4, (b) => xflags(RTEXT_FILTER_FLAGS, BigInt(rd.u32(b, 0)), 'RTEXT_FILTER_???')));
  d[30] = nlaU32; d[31] = nlaU32; d[32] = nlaU32; d[33] = nlaU8; d[35] = nlaU32; d[37] = nlaS32; d[38] = nlaStrD;
  d[39] = nlaU8; d[40] = nlaU32; d[41] = nlaU32; d[45] = nlaS32; d[46] = nlaS32; d[47] = nlaU32; d[48] = nlaU32;
  d[49] = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => ifindexV(rd.u32(b, 0))));
  d[50] = nlaU32; d[51] = nlaU32; d[53] = nlaStrD; d[54] = hw; d[56] = nlaStrD; d[57] = nlaStrD;
  d[58] = nlaU32; d[59] = nlaU32; d[60] = nlaU32; d[61] = nlaU32;
  return d;
}

const RTM_ROUTE_TYPES = new Set([24, 25, 26]);
const RTM_NEIGH_TYPES = new Set([28, 29, 30]);

const RT_TABLES = xlatOf([[0, 'RT_TABLE_UNSPEC'], [252, 'RT_TABLE_COMPAT'], [253, 'RT_TABLE_DEFAULT'], [254, 'RT_TABLE_MAIN'], [255, 'RT_TABLE_LOCAL']]);
const RT_PROTOS = xlatOf([
  [0, 'RTPROT_UNSPEC'], [1, 'RTPROT_REDIRECT'], [2, 'RTPROT_KERNEL'], [3, 'RTPROT_BOOT'], [4, 'RTPROT_STATIC'], [8, 'RTPROT_GATED'],
  [9, 'RTPROT_RA'], [10, 'RTPROT_MRT'], [11, 'RTPROT_ZEBRA'], [12, 'RTPROT_BIRD'], [13, 'RTPROT_DNROUTED'], [14, 'RTPROT_XORP'],
  [15, 'RTPROT_NTK'], [16, 'RTPROT_DHCP'], [17, 'RTPROT_MROUTED'], [18, 'RTPROT_KEEPALIVED'], [42, 'RTPROT_BABEL'],
  [99, 'RTPROT_OPENR'], [186, 'RTPROT_BGP'], [187, 'RTPROT_ISIS'], [188, 'RTPROT_OSPF'], [189, 'RTPROT_RIP'], [192, 'RTPROT_EIGRP'],
]);
const RTN_TYPES = nlTable(['RTN_UNSPEC', 'RTN_UNICAST', 'RTN_LOCAL', 'RTN_BROADCAST', 'RTN_ANYCAST', 'RTN_MULTICAST', 'RTN_BLACKHOLE',
  'RTN_UNREACHABLE', 'RTN_PROHIBIT', 'RTN_THROW', 'RTN_NAT', 'RTN_XRESOLVE']);
const IPTOS_FLAGS = xlatOf([[0x10, 'IPTOS_LOWDELAY'], [0x08, 'IPTOS_THROUGHPUT'], [0x04, 'IPTOS_RELIABILITY'], [0x02, 'IPTOS_MINCOST']]);
const RTM_F_FLAGS = xlatOf([[0x100, 'RTM_F_NOTIFY'], [0x200, 'RTM_F_CLONED'], [0x400, 'RTM_F_EQUALIZE'], [0x800, 'RTM_F_PREFIX'],
  [0x1000, 'RTM_F_LOOKUP_TABLE'], [0x2000, 'RTM_F_FIB_MATCH'], [0x4000, 'RTM_F_OFFLOAD'], [0x8000, 'RTM_F_TRAP'],
  [0x20000000, 'RTM_F_OFFLOAD_FAILED']]);
const RTA_ATTRS = nlTable(['RTA_UNSPEC', 'RTA_DST', 'RTA_SRC', 'RTA_IIF', 'RTA_OIF', 'RTA_GATEWAY', 'RTA_PRIORITY', 'RTA_PREFSRC',
  'RTA_METRICS', 'RTA_MULTIPATH', 'RTA_PROTOINFO', 'RTA_FLOW', 'RTA_CACHEINFO', 'RTA_SESSION', 'RTA_MP_ALGO', 'RTA_TABLE',
  'RTA_MARK', 'RTA_MFC_STATS', 'RTA_VIA', 'RTA_NEWDST', 'RTA_PREF', 'RTA_ENCAP_TYPE', 'RTA_ENCAP', 'RTA_EXPIRES', 'RTA_PAD',
  'RTA_UID', 'RTA_TTL_PROPAGATE', 'RTA_IP_PROTO', 'RTA_SPORT', 'RTA_DPORT', 'RTA_NH_ID']);
const NUD_STATES = xlatOf([[0, 'NUD_NONE'], [0x01, 'NUD_INCOMPLETE'], [0x02, 'NUD_REACHABLE'], [0x04, 'NUD_STALE'], [0x08, 'NUD_DELAY'],
  [0x10, 'NUD_PROBE'], [0x20, 'NUD_FAILED'], [0x40, 'NUD_NOARP'], [0x80, 'NUD_PERMANENT']]);
const NTF_FLAGS = xlatOf(['USE', 'SELF', 'MASTER', 'PROXY', 'EXT_LEARNED', 'OFFLOADED', 'STICKY', 'ROUTER'].map((n, i) => [1 << i, `NTF_${n}`]));
const NDA_ATTRS = nlTable(['NDA_UNSPEC', 'NDA_DST', 'NDA_LLADDR', 'NDA_CACHEINFO', 'NDA_PROBES', 'NDA_VLAN', 'NDA_PORT', 'NDA_VNI',
  'NDA_IFINDEX', 'NDA_MASTER', 'NDA_LINK_NETNSID', 'NDA_SRC_VNI', 'NDA_PROTOCOL', 'NDA_NH_ID', 'NDA_FDB_EXT_ATTRS',
  'NDA_FLAGS_EXT', 'NDA_NDM_STATE_MASK', 'NDA_NDM_FLAGS_MASK']);

const nlaU16: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => uint(rd.u16(b, 0))));
const nlaU64: NlaDecoder = (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) => uint(rd.u64(b, 0))));
const nlaIfindex: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => ifindexV(rd.u32(b, 0))));
/** Several u32 counters as a struct, when the attribute is long enough. */
const nlaU32Struct = (names: string[], hexAt = -1): NlaDecoder => (c, a, len) =>
  (len < names.length * 4 ? null : fetch(c, a, names.length * 4, (b) =>
    struct(names.map((n, i) => field(n, i === hexAt ? hexv(BigInt(rd.u32(b, i * 4))) : uint(rd.u32(b, i * 4)))))));

/** The fixed part of a route message, then its attributes (decode_rtmsg, decode_ndmsg). */
function fixedThenAttrs(c: Ctx, a: bigint, len: number, head: Field, size: number, rest: (b: Uint8Array) => Field[],
  attrs: Xlat, dflt: string, decoders: (NlaDecoder | undefined)[]): Value[] {
  if (len < size) return [struct([head], true)];
  const b = c.opt.verbose ? c.mem.read(a + 1n, size - 1) : null;
  if (!b) return [struct([head, { v: addr(a + 1n) }])];
  const out: Value[] = [struct([head, ...rest(b)])];
  if (len > size) out.push(nlattrsV(c, a + BigInt(size), len - size, attrs, dflt, decoders));
  return out;
}

/** RTM_*ROUTE: struct rtmsg and its attributes. */
function rtmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const inet: NlaDecoder = (cc, aa, ll) => inetAddrAt(cc, aa, ll, family);
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = inet; d[2] = inet; d[3] = nlaIfindex; d[4] = nlaIfindex; d[5] = inet; d[6] = nlaU32; d[7] = inet;
  d[10] = nlaU32; d[11] = nlaU32;
  d[12] = nlaU32Struct(['rta_clntref', 'rta_lastuse', 'rta_expires', 'rta_error', 'rta_used', 'rta_id', 'rta_ts', 'rta_tsage'], 5);
  d[14] = nlaU32;
  d[15] = (cc, aa, ll) => (ll < 4 ? null : fetch(cc, aa, 4, (b) => symbol(RT_TABLES, BigInt(rd.u32(b, 0)), 'x')));
  d[16] = nlaU32; d[19] = inet; d[20] = nlaU8; d[23] = nlaU64; d[25] = nlaU32; d[26] = nlaU8; d[27] = nlaU8;
  d[28] = nlaU16; d[29] = nlaU16;
  return fixedThenAttrs(c, a, len, field('rtm_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???')), 12, (b) => [
    field('rtm_dst_len', uint(b[0]!)), field('rtm_src_len', uint(b[1]!)),
    field('rtm_tos', xflags(IPTOS_FLAGS, BigInt(b[2]!), 'IPTOS_TOS_???')),
    field('rtm_table', symbol(RT_TABLES, BigInt(b[3]!), 'x')),
    field('rtm_protocol', symbol(RT_PROTOS, BigInt(b[4]!), 'x', 'RTPROT_???')),
    field('rtm_scope', symbol(RT_SCOPES, BigInt(b[5]!), 'x')),
    field('rtm_type', symbol(RTN_TYPES, BigInt(b[6]!), 'x', 'RTN_???')),
    field('rtm_flags', xflags(RTM_F_FLAGS, BigInt(rd.u32(b, 7)), 'RTM_F_???')),
  ], RTA_ATTRS, 'RTA_???', d);
}

/** RTM_*NEIGH: struct ndmsg and its attributes. */
function ndmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = (cc, aa, ll) => inetAddrAt(cc, aa, ll, family);
  d[2] = (cc, aa, ll) => (ll > 32 ? null : fetch(cc, aa, ll, (b) => hwaddrV(b, ll, -1)));
  d[3] = nlaU32Struct(['ndm_confirmed', 'ndm_used', 'ndm_updated', 'ndm_refcnt']);
  d[4] = nlaU32; d[5] = nlaU16;
  d[6] = (cc, aa, ll) => (ll < 2 ? null : fetch(cc, aa, 2, (b) => call('htons', uint((b[0]! << 8) | b[1]!))));
  d[7] = nlaU32; d[8] = nlaIfindex; d[9] = nlaIfindex; d[10] = nlaU32; d[11] = nlaU32; d[13] = nlaU32;
  return fixedThenAttrs(c, a, len, field('ndm_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???')), 12, (b) => [
    field('ndm_ifindex', ifindexV(rd.u32(b, 3))),
    field('ndm_state', xflags(NUD_STATES, BigInt(rd.u16(b, 7)), 'NUD_???')),
    field('ndm_flags', xflags(NTF_FLAGS, BigInt(b[9]!), 'NTF_???')),
    field('ndm_type', symbol(RTN_TYPES, BigInt(b[10]!), 'x', 'RTN_???')),
  ], NDA_ATTRS, 'NDA_???', d);
}

/** RTM_*LINK: struct ifinfomsg and its attributes. */
function ifinfomsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const f: Field[] = [field('ifi_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  if (len < 16) return [struct(f, true)];
  const b = c.opt.verbose ? c.mem.read(a + 1n, 15) : null;
  if (!b) return [struct([...f, { v: addr(a + 1n) }])];
  f.push(
    field('ifi_type', symbol(ARPHRD, BigInt(rd.u16(b, 1)), 'x', 'ARPHRD_???')),
    field('ifi_index', ifindexV(rd.u32(b, 3))),
    field('ifi_flags', xflags(IFF_FLAGS, BigInt(rd.u32(b, 7)), 'IFF_???')),
    field('ifi_change', hexv(BigInt(rd.u32(b, 11)))),
  );
  const out: Value[] = [struct(f)];
  if (len > 16) out.push(nlattrsV(c, a + 16n, len - 16, IFLA_ATTRS, 'IFLA_???', iflaDecoders(family)));
  return out;
}

/** A NETLINK_ROUTE payload, or null to fall back to the generic forms (NLMSG_DONE). */
function routePayload(c: Ctx, type: number, a: bigint, len: number): Value[] | null {
  if (type === 3) return null;
  const fb = c.mem.read(a, 1);
  if (!fb) return [addr(a)];
  const family = fb[0]!;
  if (RTM_ADDR_TYPES.has(type)) return ifaddrmsgV(c, family, a, len);
  if (RTM_LINK_TYPES.has(type)) return ifinfomsgV(c, family, a, len);
  if (RTM_ROUTE_TYPES.has(type)) return rtmsgV(c, family, a, len);
  if (RTM_NEIGH_TYPES.has(type)) return ndmsgV(c, family, a, len);
  const f: Field[] = [field('family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  if (len > 1) f.push(field('data', buf(c, a + 1n, len - 1, true)));
  return [struct(f)];
}

function nlPayload(c: Ctx, family: number | undefined, h: Uint8Array, a: bigint, len: number): Value[] {
  const type = rd.u16(h, 4);
  if (type === 2) return [nlmsgerrV(c, family, rd.u16(h, 6) & 0x100 ? true : false, a, len)];
  if ((type >= 16 || type === 3) && family === NETLINK_ROUTE) {
    const v = routePayload(c, type, a, len);
    if (v) return v;
  }
  if (type !== 3 && family === NETLINK_SOCK_DIAG) return sockDiagPayload(c, rd.u16(h, 4), rd.u16(h, 6), a, len);
  if (type === 3 && len === 4) return [fetch(c, a, 4, (b) => int(rd.s32(b, 0)))];
  return [buf(c, a, len, true)];
}

// ---------------------------------------------------------------- NETLINK_SOCK_DIAG

const NETLINK_SOCK_DIAG = 4;
const SOCK_DIAG_TYPES = xlatOf([[18, 'TCPDIAG_GETSOCK'], [19, 'DCCPDIAG_GETSOCK'], [20, 'SOCK_DIAG_BY_FAMILY'], [21, 'SOCK_DESTROY']]);
const TCP_STATE_NAMES = ['ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT',
  'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV'];
const TCP_STATES = xlatOf(TCP_STATE_NAMES.map((n, i) => [i + 1, `TCP_${n}`]));
const TCP_STATE_FLAGS = xlatOf(TCP_STATE_NAMES.map((n, i) => [1 << (i + 1), `1<<TCP_${n}`]));
const INET_DIAG_NAMES = ['INET_DIAG_NONE', 'INET_DIAG_MEMINFO', 'INET_DIAG_INFO', 'INET_DIAG_VEGASINFO', 'INET_DIAG_CONG',
  'INET_DIAG_TOS', 'INET_DIAG_TCLASS', 'INET_DIAG_SKMEMINFO', 'INET_DIAG_SHUTDOWN', 'INET_DIAG_DCTCPINFO', 'INET_DIAG_PROTOCOL',
  'INET_DIAG_SKV6ONLY', 'INET_DIAG_LOCALS', 'INET_DIAG_PEERS', 'INET_DIAG_PAD', 'INET_DIAG_MARK', 'INET_DIAG_BBRINFO',
  'INET_DIAG_CLASS_ID', 'INET_DIAG_MD5SIG', 'INET_DIAG_ULP_INFO', 'INET_DIAG_SK_BPF_STORAGES', 'INET_DIAG_CGROUP_ID',
  'INET_DIAG_SOCKOPT'];
const INET_DIAG_ATTRS = nlTable(INET_DIAG_NAMES);
const INET_DIAG_EXT_FLAGS = xlatOf(INET_DIAG_NAMES.slice(1).map((n, i) => [1 << i, `1<<(${n}-1)`]));
const INET_DIAG_REQ_ATTRS = nlTable(['INET_DIAG_REQ_NONE', 'INET_DIAG_REQ_BYTECODE', 'INET_DIAG_REQ_SK_BPF_STORAGES', 'INET_DIAG_REQ_PROTOCOL']);
const SHUTDOWN_FLAGS = xlatOf([[1, 'RCV_SHUTDOWN'], [2, 'SEND_SHUTDOWN']]);
const SOCKOPT_BITS = ['recverr', 'is_icsk', 'freebind', 'hdrincl', 'mc_loop', 'transparent', 'mc_all', 'nodefrag',
  'bind_address_no_port', 'recverr_rfc4884', 'defer_connect'];

/** struct inet_diag_sockid (48 bytes at `off`): ports, addresses of the family, interface, cookie. */
function inetDiagSockid(b: Uint8Array, off: number, family: number): Value {
  const ip = (at: number, name: string): Field =>
    family === AF_INET ? field(name, inet4(b, at)) : family === AF_INET6 ? { v: inet6(b, at, name) } : field(name, rawBytes(b, at, 16));
  return struct([
    field('idiag_sport', netPort(b, off)), field('idiag_dport', netPort(b, off + 2)),
    ip(off + 4, 'idiag_src'), ip(off + 20, 'idiag_dst'),
    field('idiag_if', ifindexV(rd.u32(b, off + 36))),
    field('idiag_cookie', array([uint(rd.u32(b, off + 40)), uint(rd.u32(b, off + 44))])),
  ]);
}

/** INET_DIAG_SOCKOPT: the bits that are set (all of them with -v). */
const diagSockopt: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => {
  const bits = b[0]! | (b[1]! << 8);
  const f: Field[] = SOCKOPT_BITS.flatMap((n, i) => (!c.opt.abbrev || (bits >> i) & 1 ? [field(n, uint((bits >> i) & 1))] : []));
  const unused = b[1]! >> 3;
  if (!c.opt.abbrev || unused) f.push(field('unused', note(hexv(BigInt(unused)), 'bits 3..8')));
  return struct(f);
}));

/** INET_DIAG_SHUTDOWN: always with its number (the names are not part of the UAPI). */
const diagShutdown: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => {
  const v = b[0]!;
  if (!v) return int(0);
  const f = xflags(SHUTDOWN_FLAGS, BigInt(v));
  const text = f.k === 'flags' ? [...f.names, ...(f.rest ? ['0x' + f.rest.toString(16)] : [])].join('|') : '';
  return note(hexv(BigInt(v)), f.k === 'flags' && f.names.length ? text : '???_SHUTDOWN');
}));

const INET_DIAG_MSG_DECODERS: (NlaDecoder | undefined)[] = [];
INET_DIAG_MSG_DECODERS[4] = nlaStrD; INET_DIAG_MSG_DECODERS[5] = nlaU8; INET_DIAG_MSG_DECODERS[6] = nlaU8;
INET_DIAG_MSG_DECODERS[8] = diagShutdown; INET_DIAG_MSG_DECODERS[11] = nlaU8; INET_DIAG_MSG_DECODERS[15] = nlaU32;
INET_DIAG_MSG_DECODERS[17] = nlaU32; INET_DIAG_MSG_DECODERS[21] = nlaU64; INET_DIAG_MSG_DECODERS[22] = diagSockopt;

const UDIAG_SHOW = xlatOf(['NAME', 'VFS', 'PEER', 'ICONS', 'RQLEN', 'MEMINFO', 'UID'].map((n, i) => [1 << i, `UDIAG_SHOW_${n}`]));
const UNIX_DIAG_ATTRS = nlTable(['UNIX_DIAG_NAME', 'UNIX_DIAG_VFS', 'UNIX_DIAG_PEER', 'UNIX_DIAG_ICONS', 'UNIX_DIAG_RQLEN',
  'UNIX_DIAG_MEMINFO', 'UNIX_DIAG_SHUTDOWN', 'UNIX_DIAG_UID']);
const UNIX_DIAG_MSG_DECODERS: (NlaDecoder | undefined)[] = [
  nlaStrD, undefined, nlaU32,
  (c, a, len) => (len < 4 ? null : printArray(c, a, Math.floor(len / 4), 4, (b) => uint(rd.u32(b, 0)))),
  nlaU32Struct(['udiag_rqueue', 'udiag_wqueue']), undefined, nlaU8,
  (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => idV(rd.u32(b, 0)))),
];

/** AF_UNIX sock_diag: struct unix_diag_req, or struct unix_diag_msg and its attributes. */
function unixDiag(c: Ctx, request: boolean, head: (n: string) => Field, a: bigint, len: number): Value[] {
  const cookie = (b: Uint8Array, off: number): Field => field('udiag_cookie', array([uint(rd.u32(b, off)), uint(rd.u32(b, off + 4))]));
  if (request) {
    return fixedThenAttrs(c, a, Math.min(len, 24), head('sdiag_family'), 24, (b) => [
      field('sdiag_protocol', uint(b[0]!)),
      field('udiag_states', xflags(TCP_STATE_FLAGS, BigInt(rd.u32(b, 3)), '1<<TCP_???')),
      field('udiag_ino', uint(rd.u32(b, 7))),
      field('udiag_show', xflags(UDIAG_SHOW, BigInt(rd.u32(b, 11)), 'UDIAG_SHOW_???')),
      cookie(b, 15),
    ], UNIX_DIAG_ATTRS, 'UNIX_DIAG_???', []);
  }
  return fixedThenAttrs(c, a, len, head('udiag_family'), 16, (b) => [
    field('udiag_type', symbol(SOCKET_TYPES, BigInt(b[0]!), 'x', 'SOCK_???')),
    field('udiag_state', symbol(TCP_STATES, BigInt(b[1]!), 'x', 'TCP_???')),
    field('udiag_ino', uint(rd.u32(b, 3))),
    cookie(b, 7),
  ], UNIX_DIAG_ATTRS, 'UNIX_DIAG_???', UNIX_DIAG_MSG_DECODERS);
}

/** A sock_diag message: inet requests (v2) and replies by their family byte, else `{family=…, data=…}`. */
function sockDiagPayload(c: Ctx, type: number, flags: number, a: bigint, len: number): Value[] {
  const fb = c.mem.read(a, 1);
  if (!fb) return [addr(a)];
  const family = fb[0]!;
  const head = (name: string): Field => field(name, symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'));
  const inet = family === AF_INET || family === AF_INET6;
  if (inet && len > 1 && flags & 1 && type === 20) {
    return fixedThenAttrs(c, a, len, head('sdiag_family'), 56, (b) => [
      field('sdiag_protocol', symbol(IPPROTO, BigInt(b[0]!), 'x', 'IPPROTO_???')),
      field('idiag_ext', xflags(INET_DIAG_EXT_FLAGS, BigInt(b[1]!), '1<<INET_DIAG_???-1')),
      field('idiag_states', xflags(TCP_STATE_FLAGS, BigInt(rd.u32(b, 3)), '1<<TCP_???')),
      field('id', inetDiagSockid(b, 7, family)),
    ], INET_DIAG_REQ_ATTRS, 'INET_DIAG_REQ_???', []);
  }
  if (inet && len > 1 && !(flags & 1)) {
    return fixedThenAttrs(c, a, len, head('idiag_family'), 72, (b) => [
      field('idiag_state', symbol(TCP_STATES, BigInt(b[0]!), 'x', 'TCP_???')),
      field('idiag_timer', uint(b[1]!)), field('idiag_retrans', uint(b[2]!)),
      field('id', inetDiagSockid(b, 3, family)),
      field('idiag_expires', uint(rd.u32(b, 51))), field('idiag_rqueue', uint(rd.u32(b, 55))),
      field('idiag_wqueue', uint(rd.u32(b, 59))), field('idiag_uid', uint(rd.u32(b, 63))), field('idiag_inode', uint(rd.u32(b, 67))),
    ], INET_DIAG_ATTRS, 'INET_DIAG_???', INET_DIAG_MSG_DECODERS);
  }
  if (family === AF_UNIX && len > 1) return unixDiag(c, (flags & 1) !== 0, head, a, len);
  const f: Field[] = [head('family')];
  if (len > 1) f.push(field('data', buf(c, a + 1n, len - 1, true)));
  return [struct(f)];
}

/** NLMSG_ERROR: `{error=-ENOENT, msg={…}}`, with the extended-ack attributes after it. */
function nlmsgerrV(c: Ctx, family: number | undefined, capped: boolean, a: bigint, len: number): Value {
  if (len < 20) return buf(c, a, len, true);
  return fetch(c, a, 20, (b) => {
    const err = rd.s32(b, 0);
    const name = err < 0 ? errnoName(-err) : undefined;
    const msgLen = Math.max(16, rd.u32(b, 4));
    const rest = len - 4;
    const payload = Math.min(rest, capped ? 16 : msgLen);
    const s = struct([
      field('error', name ? tok('-' + name) : int(err)),
      field('msg', nlmsgWithPayload(c, family, b.subarray(4, 20), a + 4n, payload)),
    ]);
    if (rest <= payload) return s;
    return array([s, nlattrsV(c, a + 4n + BigInt(payload), rest - payload, NLMSGERR_ATTRS, 'NLMSGERR_ATTR_???', [
      undefined, (cc, aa, ll) => nlaStr(cc, aa, ll), nlaU32,
      (cc, aa, ll) => printArray(cc, aa, ll, 1, (x) => uint(x[0]!)),
    ])]);
  });
}

function nlmsgWithPayload(c: Ctx, family: number | undefined, h: Uint8Array, a: bigint, len: number): Value {
  const n = Math.min(rd.u32(h, 0), len);
  const hdr = nlmsghdrV(c, h, family);
  if (n <= 16) return hdr;
  return array([hdr, ...nlPayload(c, family, h, a + 16n, n - 16)]);
}

/** decode_netlink: the messages of a netlink buffer of `len` bytes; `family` is the socket's protocol. */
export function netlinkV(c: Ctx, family: number | undefined, a: bigint, total: bigint): Value {
  const len = Number(total > 0x7fffffffn ? 0x7fffffffn : total);
  return netlinkRecords(c, a, len, 16, (h) => rd.u32(h, 0), (h, at, left) => nlmsgWithPayload(c, family, h, at, left));
}

/** decode_sockbuf: a socket's data, as netlink messages on a netlink socket. */
function sockbuf(c: Ctx, fdArg: bigint, a: bigint, len: bigint): Value {
  const f = Number(BigInt.asIntN(32, fdArg));
  const family = c.opt.verbose && a ? netlinkFamily(c.pid, f) : undefined;
  if (family !== undefined) return netlinkV(c, family, a, len);
  return buf(c, a, len);
}

// ---------------------------------------------------------------- mmsghdr

/**
 * sendmmsg/recvmmsg's array of struct mmsghdr (64 bytes: msghdr, msg_len): at most IOV_MAX (or as
 * many as had their msg_namelen saved) elements, msg_len for the first `lenCount`.
 */
function mmsgvec(c: Ctx, a: bigint, n: bigint, lenCount: number, useMsgLen: boolean, namelens?: number[]): Value {
  const count = namelens ? Math.min(IOV_MAX, namelens.length) : IOV_MAX;
  return printArray(c, a, n, 64, (b, i) => {
    if (i >= count) return null;
    const msgLen = rd.u32(b, 56);
    const f: Field[] = [field('msg_hdr', msghdrV(c, b.subarray(0, 56), namelens?.[i], useMsgLen ? BigInt(msgLen) : -1n))];
    if (i < lenCount) f.push(field('msg_len', uint(msgLen)));
    return struct(f);
  }, { ignoreErr: !useMsgLen, exiting: useMsgLen, stopMore: true });
}

const sendmmsg: SyscallDecoder = {
  entry: (c) => (c.opt.verbose
    ? [fd(c.args[0]!)]
    : [fd(c.args[0]!), addr(c.args[1]!), uint(BigInt.asUintN(32, c.args[2]!)), msgFlags(c, 3)]),
  needsExit: (c) => c.opt.verbose,
  exit: (c) => [mmsgvec(c, c.args[1]!, BigInt.asUintN(32, c.args[2]!), c.err ? 0 : Number(c.rval), false), uint(BigInt.asUintN(32, c.args[2]!)), msgFlags(c, 3)],
};

const recvmmsg: SyscallDecoder = {
  entry: (c) => {
    if (!c.opt.verbose) return [fd(c.args[0]!), addr(c.args[1]!), uint(BigInt.asUintN(32, c.args[2]!)), msgFlags(c, 3), timespecAt(c, c.args[4]!)];
    const namelens: number[] = [];
    const n = Math.min(Number(BigInt.asUintN(32, c.args[2]!)), IOV_MAX);
    for (let i = 0; i < n; i++) {
      const b = c.mem.read(c.args[1]! + BigInt(i * 64), 64);
      if (!b) break;
      namelens.push(rd.s32(b, 8));
    }
    c.state.namelens = namelens;
    c.state.timeout = timespecAt(c, c.args[4]!);
    return [fd(c.args[0]!)];
  },
  needsExit: (c) => c.opt.verbose,
  exit: (c) => [
    mmsgvec(c, c.args[1]!, BigInt.asUintN(64, c.rval), Number(c.rval), true, c.state.namelens as number[]),
    uint(BigInt.asUintN(32, c.args[2]!)), msgFlags(c, 3), c.state.timeout as Value,
  ],
  ret: (c) => {
    if (c.err) return { fmt: 'd' };
    if (c.rval === 0n) return { fmt: 'd', aux: tok('Timeout') };
    if (!c.opt.verbose || !c.args[4]) return { fmt: 'd' };
    return { fmt: 'd', aux: join('', tok('left '), timespecAt(c, c.args[4]!, true)) };
  },
};

// ---------------------------------------------------------------- socket ioctls (type 0x89)

/**
 * How one socket request's third argument prints, in the shape of the ioctl dispatcher's table
 * (desc.ts): at entry or at exit; `save` runs at entry for exit-time arguments.
 */
export interface SockIoctlArg {
  at: 'entry' | 'exit';
  print: (c: Ctx, a: bigint) => Value;
  save?: (c: Ctx, a: bigint) => void;
}

const IFREQ_SIZE = 40;
const IFNAMSIZ = 16;

/** A char[size] field printed up to its NUL, `...` when it has none (print_quoted_cstring). */
const cstrField = (b: Uint8Array, off: number, size: number): Value => {
  const z = b.subarray(off, off + size).indexOf(0);
  return z >= 0 ? { k: 'str', b: b.subarray(off, off + z) } : { k: 'str', b: b.subarray(off, off + size - 1), trunc: true };
};

/** The bytes of a MAC address per hardware type (strace's hwaddr_sizes; 255: all of them). */
const HWADDR_SIZES: Readonly<Record<number, number>> = {
  0: 7, 1: 6, 3: 7, 6: 6, 7: 1, 15: 2, 24: 16, 27: 8, 32: 20, 256: 0, 270: 5, 271: 0, 280: 0, 290: 1, 512: 0, 518: 0,
  519: 0, 768: 4, 769: 16, 772: 6, 773: 1, 774: 6, 776: 4, 777: 0, 778: 4, 779: 0, 780: 6, 783: 4, 801: 6, 802: 6,
  803: 6, 804: 8, 805: 8, 820: 1, 821: 1, 822: 0, 823: 16, 824: 0, 825: 8, 826: 0,
};
/**
 * strace formats MAC addresses into one static buffer that an empty address leaves untouched: an
 * address of 0 bytes prints the previous one again. We do the same, to print what it prints.
 */
let lastMac = '';
/** `00:11:22:33:44:55`: a hardware address of `size` bytes cut to its type's length. */
const hwaddrV = (b: Uint8Array, size: number, type: number): Value => {
  const n = Math.min(size, HWADDR_SIZES[type] ?? 255);
  if (n > 0) lastMac = [...b.subarray(0, n)].map((x) => x.toString(16).padStart(2, '0')).join(':');
  // -X raw and -X verbose show all `size` bytes quoted first
  return { k: 'styled', abbrev: tok(lastMac), raw: rawBytes(b, 0, size) };
};

const ifrSockaddr = (b: Uint8Array): Value => {
  const sa = new Uint8Array(129);
  sa.set(b.subarray(16, 32));
  return sockaddrV(sa, 16);
};

/** The union member of struct ifreq a request names (print_ifreq). */
type IfrField = (b: Uint8Array) => Field;
const ifrInt = (n: string): IfrField => (b) => field(n, int(rd.s32(b, 16)));
const ifrAddr = (n: string): IfrField => (b) => field(n, ifrSockaddr(b));
const ifrHw: IfrField = (b) => {
  const type = rd.u16(b, 16);
  return field('ifr_hwaddr', struct([
    field('sa_family', symbol(ARPHRD, BigInt(type), 'x', 'ARPHRD_???')),
    field('sa_data', hwaddrV(b.subarray(18, 32), 14, type)),
  ]));
};
const ifrFlags: IfrField = (b) => field('ifr_flags', xflags(IFF_FLAGS, BigInt(rd.u16(b, 16)), 'IFF_???'));
const ifrStr = (n: string): IfrField => (b) => field(n, cstrField(b, 16, IFNAMSIZ));
const ifrMap: IfrField = (b) => field('ifr_map', struct([
  field('mem_start', hexv(rd.u64(b, 16))), field('mem_end', hexv(rd.u64(b, 24))), field('base_addr', hexv(BigInt(rd.u16(b, 32)))),
  field('irq', hexv(BigInt(b[34]!))), field('dma', hexv(BigInt(b[35]!))), field('port', hexv(BigInt(b[36]!))),
]));

const ifrName = (b: Uint8Array): Field => field('ifr_name', cstrField(b, 0, IFNAMSIZ));

/** A set request: `{ifr_name="lo", ifr_flags=IFF_UP}` at entry. */
const ifrSet = (f: IfrField): SockIoctlArg => ({
  at: 'entry',
  print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([ifrName(b), f(b)])),
});
/** A get request: the name (SIOCGIFNAME: the index) given, then what the kernel filled in. */
const ifrGet = (f: IfrField, byIndex = false): SockIoctlArg => ({
  at: 'exit',
  print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => {
    const fields = [byIndex ? field('ifr_ifindex', int(rd.s32(b, 16))) : ifrName(b)];
    if (!c.err) fields.push(byIndex ? ifrName(b) : f(b));
    return struct(fields);
  }),
});

/** ifc_len: `80 /* 2 * sizeof(struct ifreq) *\/` when it counts whole structs. */
const ifcLen = (len: number): Value => {
  const n = Math.floor((len >>> 0) / IFREQ_SIZE);
  return len > 0 && n * IFREQ_SIZE === len ? note(int(len), `${n} * sizeof(struct ifreq)`) : int(len);
};

/** SIOCGIFCONF: struct ifconf, the length before and after and the entries the kernel wrote. */
const ifconf: SockIoctlArg = {
  at: 'exit',
  save: (c, a) => {
    // read even with -e verbose=none (only the entries then print as an address)
    const b = a ? c.mem.read(a, 16) : null;
    c.state.ifc = b ? { len: rd.s32(b, 0), buf: rd.u64(b, 8) } : undefined;
  },
  print: (c, a) => {
    const ent = c.state.ifc as { len: number; buf: bigint } | undefined;
    if (!ent) return addr(a);
    const b = c.mem.read(a, 16);
    if (!b) {
      return struct([field('ifc_len', ifcLen(ent.len)), field('ifc_buf', addr(ent.buf))]);
    }
    const len = rd.s32(b, 0);
    const bufp = rd.u64(b, 8);
    const lenV = !ent.buf ? ifcLen(len) : ent.len !== len ? { k: 'inout', in: ifcLen(ent.len), out: ifcLen(len) } as Value : ifcLen(len);
    if (!ent.buf || c.err) {
      const bufV = ent.buf !== bufp ? { k: 'inout', in: addr(ent.buf), out: addr(bufp) } as Value : addr(ent.buf);
      return struct([field('ifc_len', lenV), field('ifc_buf', bufV)]);
    }
    const items = printArray(c, bufp, Math.floor((len >>> 0) / IFREQ_SIZE), IFREQ_SIZE, (e) =>
      struct([ifrName(e), field('ifr_addr', ifrSockaddr(e))]), { exiting: true });
    return struct([field('ifc_len', lenV), field('ifc_buf', items)]);
  },
};

const sockIntAt = (at: 'entry' | 'exit'): SockIoctlArg => ({ at, print: (c, a) => numAt(c, a, at === 'exit') });
const sockPtr: SockIoctlArg = { at: 'entry', print: (_c, a) => addr(a) };

/** Requests of type 0x89 strace decodes (sock_ioctl); null: no argument printed. Others: hex at entry. */
export const SOCK_IOCTLS: Readonly<Record<number, SockIoctlArg | null>> = {
  0x8912: ifconf, // SIOCGIFCONF
  0x89a0: { at: 'entry', print: (c, a) => cstr(c, a, IFNAMSIZ) }, 0x89a1: { at: 'entry', print: (c, a) => cstr(c, a, IFNAMSIZ) },
  // FIOGETOWN, SIOCATMARK, SIOCGIFENCAP, SIOCGPGRP, SIOCOUTQNSD; FIOSETOWN, SIOCSIFENCAP, SIOCSPGRP
  0x8903: sockIntAt('exit'), 0x8905: sockIntAt('exit'), 0x8925: sockIntAt('exit'), 0x8904: sockIntAt('exit'), 0x894b: sockIntAt('exit'),
  0x8901: sockIntAt('entry'), 0x8926: sockIntAt('entry'), 0x8902: sockIntAt('entry'),
  // SIOCBRADDIF, SIOCBRDELIF
  0x89a2: { at: 'entry', print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([field('ifr_ifindex', ifindexV(rd.s32(b, 16)))])) },
  0x89a3: { at: 'entry', print: (c, a) => fetch(c, a, IFREQ_SIZE, (b) => struct([field('ifr_ifindex', ifindexV(rd.s32(b, 16)))])) },
  0x8931: ifrSet(ifrHw), 0x8932: ifrSet(ifrHw), // SIOCADDMULTI, SIOCDELMULTI
  0x8916: ifrSet(ifrAddr('ifr_addr')), 0x891a: ifrSet(ifrAddr('ifr_broadaddr')), 0x8918: ifrSet(ifrAddr('ifr_dstaddr')),
  0x891c: ifrSet(ifrAddr('ifr_netmask')), 0x8914: ifrSet(ifrFlags), 0x8924: ifrSet(ifrHw), 0x8937: ifrSet(ifrHw),
  0x8971: ifrSet(ifrMap), 0x891e: ifrSet(ifrInt('ifr_metric')), 0x8922: ifrSet(ifrInt('ifr_mtu')),
  0x8923: ifrSet(ifrStr('ifr_newname')), 0x8930: ifrSet(ifrStr('ifr_slave')), 0x8943: ifrSet(ifrInt('ifr_qlen')),
  0x8915: ifrGet(ifrAddr('ifr_addr')), 0x8919: ifrGet(ifrAddr('ifr_broadaddr')), 0x8917: ifrGet(ifrAddr('ifr_dstaddr')),
  0x8913: ifrGet(ifrFlags), 0x8927: ifrGet(ifrHw), 0x8933: ifrGet(ifrInt('ifr_ifindex')), 0x8970: ifrGet(ifrMap),
  0x891d: ifrGet(ifrInt('ifr_metric')), 0x8921: ifrGet(ifrInt('ifr_mtu')), 0x8910: ifrGet(ifrName, true),
  0x891b: ifrGet(ifrAddr('ifr_netmask')), 0x8929: ifrGet(ifrStr('ifr_slave')), 0x8942: ifrGet(ifrInt('ifr_qlen')),
  // requests whose argument strace prints as an address
  ...Object.fromEntries([0x8980, 0x890b, 0x8995, 0x8990, 0x8994, 0x8991, 0x8992, 0x8993, 0x8953, 0x8981, 0x890c, 0x8936,
    0x8960, 0x8946, 0x8954, 0x89b1, 0x8940, 0x8938, 0x891f, 0x8935, 0x8982, 0x8947, 0x8948, 0x8961, 0x894c, 0x8906,
    0x80108906, 0x8907, 0x80108907, 0x890d, 0x8955, 0x89b0, 0x8941, 0x8911, 0x8920, 0x8934, 0x8983, 0x8949, 0x8962,
    0x894a].map((k) => [k, sockPtr])),
};

export const decoders: Record<string, SyscallDecoder> = {
  socket: withFacts(sig([family, typeArg, (c) => sockProto(c)], 'fd'), { paths: [] }),
  socketpair: withFacts(sig([family, typeArg, A.ulong, {
    exit: (c, i) => printArray(c, c.args[i]!, 2, 4, (b) => ({ k: 'fd', fd: rd.s32(b, 0) }), { exiting: true }),
  }]), { paths: [] }),
  bind: sig([A.fd, (c, i) => sockaddrAt(c, c.args[i]!, Number(BigInt.asIntN(32, c.args[2]!))), A.int]),
  connect: sig([A.fd, (c, i) => sockaddrAt(c, c.args[i]!, Number(BigInt.asIntN(32, c.args[2]!))), A.int]),
  listen: sig([A.fd, A.int]),
  shutdown: sig([A.fd, (c, i) => xval(SHUTDOWN_MODES, c.args[i]!, 'SHUT_???')]),
  accept: withFacts(sockname([], 'fd'), { paths: [] }),
  accept4: withFacts(sockname([(c, i) => xflags32(SOCK_TYPE_FLAGS, c.args[i]!, 'SOCK_???')], 'fd'), { paths: [] }),
  getsockname: sockname(),
  getpeername: sockname(),
  sendto: withFacts(sig([
    A.fd, (c, i) => sockbuf(c, c.args[0]!, c.args[i]!, c.args[2]!), A.ulong, msgFlags,
    (c, i) => sockaddrAt(c, c.args[i]!, Number(BigInt.asIntN(32, c.args[5]!))), A.int,
  ]), { dump: 'write' }),
  recvfrom: withFacts(recvfrom, { dump: 'read' }),
  sendmsg: withFacts(sig([A.fd, (c, i) => msghdrAt(c, c.args[i]!, undefined, -1n), msgFlags]), { dump: 'sendmsg' }),
  recvmsg: withFacts(recvmsg, { dump: 'recvmsg' }),
  getsockopt,
  setsockopt,
  sendmmsg: withFacts(sendmmsg, { dump: 'sendmmsg' }),
  recvmmsg_time64: withFacts(recvmmsg, { dump: 'recvmmsg' }),
};
