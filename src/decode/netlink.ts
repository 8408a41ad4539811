/** Netlink messages: headers, NETLINK_ROUTE payloads (strace's netlink*.c); NETLINK_SOCK_DIAG is netlink_sock_diag.ts. */
import { addr, buf, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, field, int, note, struct, tok, uint, type Field, type Value } from './value.js';
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

/** What netlinkFamily returns for a netlink socket whose protocol strace cannot learn. */
export const NETLINK_UNKNOWN = -1;

/**
 * The netlink protocol of a tracee's fd, NETLINK_UNKNOWN, or undefined when the fd is not a netlink
 * socket or there is no host to ask: strace then prints the data as bytes. A socket of a tracee in
 * another network namespace is netlink of an unknown protocol (strace's sock_diag query runs in its
 * own), and its messages print with the generic types only.
 */
export function netlinkFamily(c: Ctx, fd: number): number | undefined {
  const p = c.host?.netlinkProtocol(fd);
  return p === 'unknown' ? NETLINK_UNKNOWN : p;
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
        field('ifa_index', ifindexV(c, rd.u32(b, 3))),
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
    field('ifal_index', ifindexV(c, rd.u32(b, 3))), field('ifal_seq', uint(rd.u32(b, 7))),
  ], IFAL_ATTRS, 'IFAL_???', [undefined, nlaInet(family), nlaU32]);
}

const RTM_ADDR_TYPES = new Set([20, 21, 22, 58, 62]);
const RTM_LINK_TYPES = new Set([16, 17, 18, 19]);

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
  if (type === 92 || type === 94) return ifstatsmsgV(c, family, a, len);
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
  const family = c.opt.verbose && a ? netlinkFamily(c, f) : undefined;
  if (family !== undefined) return netlinkV(c, family, a, len);
  return buf(c, a, len);
}
