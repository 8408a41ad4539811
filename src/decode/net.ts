/** Decoders of the network family: sockets, addresses, messages, socket options. */
import { A, addr, buf, fd, hexv, localArray, rd, sig, sint, ulong, withFacts, type ArgFn } from './args.js';
import type { Ctx, SyscallDecoder } from './types.js';
import { array, call, field, int, join, struct, sym, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, lookup, symbol, type Xlat } from './xlat/core.js';
import {
  IPPROTO, MSG_FLAGS, SHUTDOWN_MODES, SOCKET_FAMILIES, SOCKET_TYPES, SOCKOPT_LEVELS, SOCK_TYPE_FLAGS, SOCK_TYPE_MASK,
  SOL_SOCKET_GETSOCKOPT, SOL_SOCKET_SETSOCKOPT, TCP_OPTIONS,
} from './xlat/tables.js';
import {
  fetch, idV, ifindexV, iovecs, numAt, pidV, printArray, timespecAt, timespecV, timevalV, xflags32, xval,
} from './printers.js';
import { errnoName } from './xlat/errno.js';
import {
  ETHERNET_PROTOCOLS, ICMP_FILTER_FLAGS, IP_CMSG_TYPES, NETLINK_PROTOCOLS, PACKET_MR_TYPES, SCM_TYPES,
  SOCK_TXREHASH_VALUES, SOL_IP_GETSOCKOPT, SOL_IP_OPTIONS, SOL_IP_SETSOCKOPT, SOL_IPV6_GETSOCKOPT, SOL_IPV6_OPTIONS,
  SOL_IPV6_SETSOCKOPT, SOL_NETLINK_OPTIONS, SOL_PACKET_OPTIONS, SOL_RAW_OPTIONS, SOL_TLS_OPTIONS, SOL_UDP_OPTIONS,
} from './xlat/net.js';
import { AF_INET, AF_INET6, AF_NETLINK, AF_PACKET, inet4, inet6, sockaddrAt, sockaddrV } from './sockaddr.js';
import { hwaddrV } from './sock_ioctl.js';
import { netlinkFamily, netlinkV, sockbuf } from './netlink.js';
import { bpfProg, fprogAt } from './bpf_filter.js';

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
/** optmem_max rounded up to 8, the most of msg_control strace reads (its get_optmem_max), or its default. */
function optmemMax(c: Ctx): number {
  const v = c.host?.optmemMax() ?? 0;
  return v > 0 ? (v + 7) & ~7 : 8 * (2 * IOV_MAX + 512);
}

function cmsgData(c: Ctx, level: number, type: number, d: Uint8Array): Field[] {
  const out: Field[] = [];
  if (level === 1) {
    out.push(field('cmsg_type', symbol(SCM_TYPES, BigInt(type >>> 0), 'x', 'SCM_???')));
    if (type === 1 && d.length >= 4) {
      const fds: Value[] = [];
      for (let i = 0; i + 4 <= d.length; i += 4) fds.push({ k: 'fd', fd: rd.s32(d, i) });
      out.push(field('cmsg_data', localArray(c, fds)));
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
        field('ipi_ifindex', ifindexV(c, rd.s32(d, 0))),
        field('ipi_spec_dst', inet4(d, 4)),
        field('ipi_addr', inet4(d, 8)),
      ])));
    } else if ((type === 2 || type === 23) && d.length >= 4) {
      const v: Value[] = [];
      for (let i = 0; i + 4 <= d.length; i += 4) v.push(uint(rd.u32(d, i)));
      out.push(field('cmsg_data', localArray(c, v)));
    } else if ((type === 1 || type === 6 || type === 7) && d.length >= 1) {
      out.push(field('cmsg_data', localArray(c, [...d].map((x) => hexv(BigInt(x))))));
    } else if (type === 11 && d.length >= 32) {
      // IP_RECVERR: struct sock_extended_err and the offender's address
      const b = new Uint8Array(129);
      b.set(d.subarray(16, 32));
      out.push(field('cmsg_data', struct([
        field('ee_errno', uint(rd.u32(d, 0))), field('ee_origin', uint(d[4]!)), field('ee_type', uint(d[5]!)),
        field('ee_code', uint(d[6]!)), field('ee_info', uint(rd.u32(d, 8))), field('ee_data', uint(rd.u32(d, 12))),
        field('offender', sockaddrV(b, 16, c)),
      ])));
    } else if (type === 3 && d.length >= 1) {
      out.push(field('cmsg_data', { k: 'str', b: d }));
    } else if (type === 20 && d.length >= 16) {
      const b = new Uint8Array(129);
      b.set(d.subarray(0, Math.min(d.length, 128)));
      out.push(field('cmsg_data', sockaddrV(b, Math.min(d.length, 128), c)));
    }
  } else {
    out.push(field('cmsg_type', hexv(BigInt(type >>> 0))));
  }
  return out;
}

/** msg_control: the control messages, `[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[3]}]`. */
function msgControl(c: Ctx, a: bigint, inLen: bigint): Value {
  const max = BigInt(optmemMax(c));
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

/** An iovec buffer of a message to a netlink socket (the call's fd): its messages. */
const netlinkData = (c: Ctx) => (base: bigint, len: bigint): Value =>
  (base ? netlinkV(c, netlinkFamily(c, Number(BigInt.asIntN(32, c.args[0]!))), base, len) : buf(c, base, len));

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
    field('msg_iov', iovecs(c, rd.u64(b, 16), rd.u64(b, 24), dataSize, true, nameFamily(c, name, shownLen) === AF_NETLINK ? netlinkData(c) : undefined)),
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

/**
 * A struct of 4-byte members cut to `len` bytes (MAYBE_PRINT_FIELD_LEN): the members that fit,
 * then the bytes of one cut short in hex. A member is a name, or a name and its printer.
 */
type Member4 = string | readonly [string, (v: number) => Value];
const fields4 = (b: Uint8Array, len: number, members: readonly Member4[]): Value =>
  struct(members.flatMap((m, i) => {
    const [n, pr] = typeof m === 'string' ? [m, (v: number) => uint(v >>> 0)] : m;
    if ((i + 1) * 4 <= len) return [field(n, pr(rd.s32(b, i * 4)))];
    return i * 4 < len ? [field(n, { k: 'str', b: b.subarray(i * 4, len), hex: true } as Value)] : [];
  }));
const u32Fields = (b: Uint8Array, len: number, names: string[]): Value => fields4(b, len, names);

const LINGER: readonly Member4[] = [['l_onoff', (v) => int(v)], ['l_linger', (v) => int(v)]];
const lingerV = (b: Uint8Array, len: number): Value => fields4(b, len, LINGER);

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
    return struct([field('gr_interface', ifindexV(c, rd.u32(b, 0))), field('gr_group', sockaddrV(sa, 128, c))]);
  });

/** struct packet_mreq (16 bytes): the interface, the type and mr_alen bytes of the address. */
const packetMreq = (c: Ctx, a: bigint, len: number): Value => {
  const b = len === 16 && c.opt.verbose ? c.mem.read(a, 16) : null;
  if (!b) return addr(a);
  const alen = rd.u16(b, 6);
  return struct([
    field('mr_ifindex', ifindexV(c, rd.s32(b, 0))),
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
          return fetch(c, a, n, (b) => fields4(b, n, [['pid', (v) => pidV(c, v)], ['uid', idV], ['gid', idV]]));
        }
        // SO_GET_FILTER: the filter program itself, shown only with -v
        case SO_ATTACH_FILTER: return rlen <= 0xffff ? bpfProg(c, a, rlen, 'socket') : addr(a);
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
        case SO_ATTACH_FILTER: case SO_ATTACH_REUSEPORT_CBPF: return len === 16 ? fprogAt(c, a, 'socket') : addr(a);
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
        field('ipv6mr_interface', ifindexV(c, rd.u32(b, 16))),
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
