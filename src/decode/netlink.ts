/** Netlink messages: headers, NETLINK_ROUTE and NETLINK_SOCK_DIAG payloads (strace's netlink*.c). */
import { readFileSync, readlinkSync } from 'node:fs';
import { addr, buf, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, field, int, note, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { IPPROTO, SOCKET_FAMILIES, SOCKET_TYPES } from './xlat/tables.js';
import { dev, fetch, idV, ifindexV, pidV, printArray } from './printers.js';
import { errnoName } from './xlat/errno.js';
import { ARPHRD, IFF_FLAGS } from './xlat/net.js';
import { AF_INET, AF_INET6, AF_UNIX, inet4, inet6, netPort, rawBytes, xlatOf } from './sockaddr.js';
import { hwaddrV } from './sock_ioctl.js';
import { nlmsgFlagKind, nlmsgTypeV } from './nlmsg_types.js';
import {
  familyField, familyOnlyV, fixedThenAttrs, inetAddrAt, netlinkRecords, nlaIfindex, nlaS32, nlaStr, nlaStrD, nlaU32, nlaU32Struct,
  nlaU64, nlaU8, nlaInet, nlattrsV, nlTable, type NlaDecoder,
} from './netlink_nla.js';
import { rtmsgV, fibRuleV, nhmsgV, cachereportV } from './netlink_route.js';
import { ndmsgV, ndtmsgV } from './netlink_neigh.js';
import { tcmsgV, tcamsgV } from './netlink_tc.js';
import { brPortMsgV } from './netlink_mdb.js';
import { IFAL_ATTRS, RT_SCOPES } from './xlat/rtnl.js';

// the attribute vocabulary, for the decoders of other families that take it from here
export { nlattrsV, type NlaDecoder } from './netlink_nla.js';


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

/** RTM_*ADDRLABEL: struct ifaddrlblmsg (its byte 1 reserved) and its IFAL_* attributes. */
function ifaddrlblmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  return fixedThenAttrs(c, a, len, familyField('ifal_family', family), 12, (b) => [
    field('ifal_prefixlen', uint(b[1]!)), field('ifal_flags', uint(b[2]!)),
    field('ifal_index', ifindexV(rd.u32(b, 3))), field('ifal_seq', uint(rd.u32(b, 7))),
  ], IFAL_ATTRS, 'IFAL_???', [undefined, nlaInet(family), nlaU32]);
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

const NETNSA_ATTRS = nlTable(['NETNSA_NONE', 'NETNSA_NSID', 'NETNSA_PID', 'NETNSA_FD', 'NETNSA_TARGET_NSID', 'NETNSA_CURRENT_NSID']);
const NETCONFA_ATTRS = nlTable(['NETCONFA_UNSPEC', 'NETCONFA_IFINDEX', 'NETCONFA_FORWARDING', 'NETCONFA_RP_FILTER',
  'NETCONFA_MC_FORWARDING', 'NETCONFA_PROXY_NEIGH', 'NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN', 'NETCONFA_INPUT',
  'NETCONFA_BC_FORWARDING']);
const DCB_ATTRS = nlTable(['UNDEFINED', 'IFNAME', 'STATE', 'PFC_STATE', 'PFC_CFG', 'NUM_TC', 'PG_CFG', 'SET_ALL', 'PERM_HWADDR',
  'CAP', 'NUMTCS', 'BCN', 'APP', 'IEEE', 'DCBX', 'FEATCFG', 'CEE'].map((n) => `DCB_ATTR_${n}`));
const DCB_COMMANDS = nlTable(['UNDEFINED', 'GSTATE', 'SSTATE', 'PGTX_GCFG', 'PGTX_SCFG', 'PGRX_GCFG', 'PGRX_SCFG', 'PFC_GCFG',
  'PFC_SCFG', 'SET_ALL', 'GPERM_HWADDR', 'GCAP', 'GNUMTCS', 'SNUMTCS', 'PFC_GSTATE', 'PFC_SSTATE', 'BCN_GCFG', 'BCN_SCFG',
  'GAPP', 'SAPP', 'IEEE_SET', 'IEEE_GET', 'GDCBX', 'SDCBX', 'GFEATCFG', 'SFEATCFG', 'CEE_GET', 'IEEE_DEL'].map((n) => `DCB_CMD_${n}`));

/** RTM_*NSID (struct rtgenmsg), RTM_*NETCONF, RTM_[GS]ETDCB (struct dcbmsg). */
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
  return undefined;
}

type RouteDecoder = (c: Ctx, family: number, a: bigint, len: number) => Value[];
const AF_BRIDGE = 7;
/** The decoders of the route message types other than links and addresses, by type (strace's route_decoders). */
const ROUTE_DECODERS: (RouteDecoder | undefined)[] = [];
const routeTypes = (types: number[], d: RouteDecoder): void => types.forEach((t) => (ROUTE_DECODERS[t] = d));
routeTypes([24, 25, 26], rtmsgV);
routeTypes([28, 29], ndmsgV);
// RTM_GETNEIGH of the bridge family asks with a struct ifinfomsg
routeTypes([30], (c, family, a, len) => (family === AF_BRIDGE ? ifinfomsgV : ndmsgV)(c, family, a, len));
routeTypes([32, 33, 34], fibRuleV);
routeTypes([36, 37, 38, 40, 41, 42, 44, 45, 46, 100, 101, 102], tcmsgV);
routeTypes([48, 49, 50], tcamsgV);
routeTypes([64, 66, 67], ndtmsgV);
routeTypes([72, 73, 74], ifaddrlblmsgV);
routeTypes([84, 85, 86], brPortMsgV);
routeTypes([96], cachereportV);
routeTypes([104, 105, 106], nhmsgV);

/** A NETLINK_ROUTE payload, or null to fall back to the generic forms (NLMSG_DONE). */
function routePayload(c: Ctx, type: number, a: bigint, len: number): Value[] | null {
  if (type === 3) return null;
  const fb = c.mem.read(a, 1);
  if (!fb) return [addr(a)];
  const family = fb[0]!;
  if (RTM_ADDR_TYPES.has(type)) return ifaddrmsgV(c, family, a, len);
  if (RTM_LINK_TYPES.has(type)) return ifinfomsgV(c, family, a, len);
  const route = ROUTE_DECODERS[type];
  if (route) return route(c, family, a, len);
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
  nlaStrD,
  // struct unix_diag_vfs: the inode first, the device second, printed the other way round
  (c, a, len) => (len < 8 ? null : fetch(c, a, 8, (b) =>
    struct([field('udiag_vfs_dev', dev(BigInt(rd.u32(b, 4)))), field('udiag_vfs_ino', uint(rd.u32(b, 0)))]))),
  nlaU32,
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
export function sockbuf(c: Ctx, fdArg: bigint, a: bigint, len: bigint): Value {
  const f = Number(BigInt.asIntN(32, fdArg));
  const family = c.opt.verbose && a ? netlinkFamily(c.pid, f) : undefined;
  if (family !== undefined) return netlinkV(c, family, a, len);
  return buf(c, a, len);
}
