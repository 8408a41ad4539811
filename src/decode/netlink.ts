/** Netlink messages: headers, NETLINK_ROUTE payloads (strace's netlink*.c); NETLINK_SOCK_DIAG is netlink_sock_diag.ts. */
import { readFileSync, readlinkSync } from 'node:fs';
import { addr, buf, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, badPtr, call, field, int, join, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { fetch, ifindexV, pidV, printArray } from './printers.js';
import { errnoName } from './xlat/errno.js';
import { AF_INET, AF_INET6, AF_UNIX, inet4, inet6, netPort, rawBytes, xlatOf } from './sockaddr.js';
import { hwaddrV } from './sock_ioctl.js';
import { nlmsgFlagKind, nlmsgTypeV } from './nlmsg_types.js';
import { ifinfomsgV, ifstatsmsgV } from './netlink_link.js';
import { NETLINK_SOCK_DIAG, SOCK_DIAG_TYPES, sockDiagPayload } from './netlink_sock_diag.js';
import { NETLINK_NETFILTER, netfilterPayload } from './netlink_netfilter.js';
import { NETLINK_SELINUX, selinuxPayload } from './netlink_selinux.js';
import { NETLINK_KOBJECT_UEVENT, kobjectUevent } from './netlink_kobject_uevent.js';
import { NETLINK_GENERIC, genlTypeV } from './netlink_generic.js';


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

export const nlTable = (names: string[], first = 0): Xlat => xlatOf(names.flatMap((n, i) => (n ? [[first + i, n] as [number, string]] : [])));
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
  const kind = nlmsgFlagKind(type, family);
  if (kind !== undefined) return kind === null ? undefined : { new: NLM_NEW_FLAGS, get: NLM_GET_FLAGS, delete: NLM_DELETE_FLAGS }[kind];
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
      : type >= 16 && family === NETLINK_GENERIC ? genlTypeV(c, type)
      : (type >= 16 ? nlmsgTypeV(type, family) : undefined) ?? symbol(NETLINK_TYPES, BigInt(type), 'x', 'NLMSG_???');
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
export function nlaStr(c: Ctx, a: bigint, len: number): Value {
  const size = Math.min(len, c.opt.strsize + 1);
  const b = c.mem.read(a, size);
  if (!b) return badPtr(a);
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
export type NlaDecoder = (c: Ctx, a: bigint, len: number) => Value | null;
/** Decoders by attribute type, or a function of the raw nla_type (strace's decoder tables of size 0). */
export type NlaDecoders = (NlaDecoder | undefined)[] | ((nlaType: number) => NlaDecoder | undefined);

export const nlaU32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => uint(rd.u32(b, 0))));
export const nlaS32: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => int(rd.s32(b, 0))));

/** decode_nlattr: `[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("…")]`, several in an array. */
export function nlattrsV(c: Ctx, a: bigint, len: number, table: Xlat, dflt: string, decoders: NlaDecoders): Value {
  return netlinkRecords(c, a, len, 4, (h) => rd.u16(h, 0), (h, at, left) => {
    const nlaLen = rd.u16(h, 0);
    const nlaType = rd.u16(h, 2);
    const type = nlaType & 0x3fff;
    const typeParts: Value[] = [];
    // named constants (print_xlat), so that -X raw prints their numbers
    if (nlaType & 0x8000) typeParts.push({ k: 'sym', name: 'NLA_F_NESTED', v: 0x8000n, fmt: 'x' });
    if (nlaType & 0x4000) typeParts.push({ k: 'sym', name: 'NLA_F_NET_BYTEORDER', v: 0x4000n, fmt: 'x' });
    typeParts.push(symbol(table, BigInt(type), 'x', dflt));
    const hdr = struct([field('nla_len', uint(nlaLen)), field('nla_type', typeParts.length > 1 ? join('|', ...typeParts) : typeParts[0]!)]);
    const dataLen = Math.min(nlaLen, left);
    if (dataLen <= 4) return hdr;
    const decoder = typeof decoders === 'function' ? decoders(nlaType) : decoders[type];
    return array([hdr, decoder?.(c, at + 4n, dataLen - 4) ?? buf(c, at + 4n, dataLen - 4, true)]);
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

export const nlaU8: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => uint(b[0]!)));
export const nlaStrD: NlaDecoder = (c, a, len) => nlaStr(c, a, len);
export const nlaU16: NlaDecoder = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => uint(rd.u16(b, 0))));
export const nlaU64: NlaDecoder = (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) => uint(rd.u64(b, 0))));
export const nlaIfindex: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => ifindexV(rd.u32(b, 0))));
/** Several u32 counters as a struct, when the attribute is long enough. */
export const nlaU32Struct = (names: string[], hexAt = -1): NlaDecoder => (c, a, len) =>
  (len < names.length * 4 ? null : fetch(c, a, names.length * 4, (b) =>
    struct(names.map((n, i) => field(n, i === hexAt ? hexv(BigInt(rd.u32(b, i * 4))) : uint(rd.u32(b, i * 4)))))));

/** The fixed part of a route message, then its attributes (decode_rtmsg, decode_ndmsg). */
export function fixedThenAttrs(c: Ctx, a: bigint, len: number, head: Field, size: number, rest: (b: Uint8Array) => Field[],
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

const NETNSA_ATTRS = nlTable(['NETNSA_NONE', 'NETNSA_NSID', 'NETNSA_PID', 'NETNSA_FD', 'NETNSA_TARGET_NSID', 'NETNSA_CURRENT_NSID']);
const NETCONFA_ATTRS = nlTable(['NETCONFA_UNSPEC', 'NETCONFA_IFINDEX', 'NETCONFA_FORWARDING', 'NETCONFA_RP_FILTER',
  'NETCONFA_MC_FORWARDING', 'NETCONFA_PROXY_NEIGH', 'NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN', 'NETCONFA_INPUT',
  'NETCONFA_BC_FORWARDING']);
const DCB_ATTRS = nlTable(['UNDEFINED', 'IFNAME', 'STATE', 'PFC_STATE', 'PFC_CFG', 'NUM_TC', 'PG_CFG', 'SET_ALL', 'PERM_HWADDR',
  'CAP', 'NUMTCS', 'BCN', 'APP', 'IEEE', 'DCBX', 'FEATCFG', 'CEE'].map((n) => `DCB_ATTR_${n}`));
const DCB_COMMANDS = nlTable(['UNDEFINED', 'GSTATE', 'SSTATE', 'PGTX_GCFG', 'PGTX_SCFG', 'PGRX_GCFG', 'PGRX_SCFG', 'PFC_GCFG',
  'PFC_SCFG', 'SET_ALL', 'GPERM_HWADDR', 'GCAP', 'GNUMTCS', 'SNUMTCS', 'PFC_GSTATE', 'PFC_SSTATE', 'BCN_GCFG', 'BCN_SCFG',
  'GAPP', 'SAPP', 'IEEE_SET', 'IEEE_GET', 'GDCBX', 'SDCBX', 'GFEATCFG', 'SFEATCFG', 'CEE_GET', 'IEEE_DEL'].map((n) => `DCB_CMD_${n}`));
const MDBA_ATTRS = nlTable(['MDBA_UNSPEC', 'MDBA_MDB', 'MDBA_ROUTER']);

/** A header of one address family byte (struct rtgenmsg, netconfmsg), attributes after 4 bytes. */
function familyOnlyV(c: Ctx, family: number, name: string, a: bigint, len: number, attrs: Xlat, dflt: string,
  decoders: (NlaDecoder | undefined)[]): Value[] {
  const out: Value[] = [struct([field(name, symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))])];
  if (len > 4) out.push(nlattrsV(c, a + 4n, len - 4, attrs, dflt, decoders));
  return out;
}

/** RTM_*NSID (struct rtgenmsg), RTM_*NETCONF, RTM_[GS]ETDCB (struct dcbmsg), RTM_*MDB (struct br_port_msg). */
function otherRouteV(c: Ctx, type: number, family: number, a: bigint, len: number): Value[] | undefined {
  const af = (name: string): Field => field(name, symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'));
  if (type >= 88 && type <= 90) {
    const d: (NlaDecoder | undefined)[] = [];
    d[1] = nlaS32; d[2] = nlaU32; d[3] = (cc, aa, ll) => (ll < 4 ? null : fetch(cc, aa, 4, (b) => ({ k: 'fd', fd: rd.s32(b, 0) }) as Value));
    d[4] = nlaS32; d[5] = nlaS32;
    return familyOnlyV(c, family, 'rtgen_family', a, len, NETNSA_ATTRS, 'NETNSA_???', d);
  }
  if (type >= 80 && type <= 82) {
    const d: (NlaDecoder | undefined)[] = [undefined, nlaIfindex, nlaS32, nlaS32, nlaS32, nlaS32, nlaS32, nlaS32, nlaS32];
    return familyOnlyV(c, family, 'ncm_family', a, len, NETCONFA_ATTRS, 'NETCONFA_???', d);
  }
  if (type === 78 || type === 79)
    return fixedThenAttrs(c, a, len, af('dcb_family'), 4, (b) => [field('cmd', symbol(DCB_COMMANDS, BigInt(b[0]!), 'x', 'DCB_CMD_???'))],
      DCB_ATTRS, 'DCB_ATTR_???', []);
  if (type >= 84 && type <= 86)
    return fixedThenAttrs(c, a, len, af('family'), 8, (b) => [field('ifindex', ifindexV(rd.u32(b, 3)))], MDBA_ATTRS, 'MDBA_???', []);
  return undefined;
}

/** A NETLINK_ROUTE payload, or null to fall back to the generic forms (NLMSG_DONE). */
function routePayload(c: Ctx, type: number, a: bigint, len: number): Value[] | null {
  if (type === 3) return null;
  const fb = c.mem.read(a, 1);
  if (!fb) return [addr(a)];
  const family = fb[0]!;
  if (RTM_ADDR_TYPES.has(type)) return ifaddrmsgV(c, family, a, len);
  if (RTM_LINK_TYPES.has(type)) return ifinfomsgV(c, family, a, len);
  if (type === 92 || type === 94) return ifstatsmsgV(c, family, a, len);
  if (RTM_ROUTE_TYPES.has(type)) return rtmsgV(c, family, a, len);
  if (RTM_NEIGH_TYPES.has(type)) return ndmsgV(c, family, a, len);
  const other = otherRouteV(c, type, family, a, len);
  if (other) return other;
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
  if (type >= 16 && family === NETLINK_SOCK_DIAG) return sockDiagPayload(c, type, rd.u16(h, 6), a, len);
  if (type >= 16 && family === NETLINK_NETFILTER) return netfilterPayload(c, type, a, len);
  const selinux = type >= 16 && family === NETLINK_SELINUX ? selinuxPayload(c, type, a, len) : null;
  if (selinux) return [selinux];
  if (type === 3 && len === 4) return [fetch(c, a, 4, (b) => int(rd.s32(b, 0)))];
  return [buf(c, a, len, true)];
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
  if (family === NETLINK_KOBJECT_UEVENT) return kobjectUevent(c, a, len);
  return netlinkRecords(c, a, len, 16, (h) => rd.u32(h, 0), (h, at, left) => nlmsgWithPayload(c, family, h, at, left));
}

/** decode_sockbuf: a socket's data, as netlink messages on a netlink socket. */
export function sockbuf(c: Ctx, fdArg: bigint, a: bigint, len: bigint): Value {
  const f = Number(BigInt.asIntN(32, fdArg));
  const family = c.opt.verbose && a ? netlinkFamily(c.proc ?? c.pid, f) : undefined;
  if (family !== undefined) return netlinkV(c, family, a, len);
  return buf(c, a, len);
}
