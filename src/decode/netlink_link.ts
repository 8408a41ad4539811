/**
 * rtnetlink link messages: struct ifinfomsg (RTM_*LINK) and struct if_stats_msg (RTM_*STATS), with
 * their IFLA_* attributes and what nests in them (strace's rtnl_link.c and rtnl_stats.c).
 *
 * netlink.ts imports this file, so its values are not yet initialised while this one loads: the
 * decoder tables that use them are built on first use.
 */
import { addr, buf, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, call, fdv, field, int, join, struct, tok, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, type Xlat } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { ARPHRD, ETHERNET_PROTOCOLS, IFF_FLAGS } from './xlat/net.js';
import { clockT, cstrN, fetch, idV, ifindexV, printArray } from './printers.js';
import { inet4, inet6, rawBytes } from './sockaddr.js';
import { hwaddrV } from './sock_ioctl.js';
import {
  fixedThenAttrs, nlattrsV, nlaIfindex, nlaS32, nlaStrD, nlaU16, nlaU32, nlaU32Struct, nlaU64, nlaU8,
  type NlaDecoder, type NlaDecoders,
} from './netlink_nla.js';
import * as X from './xlat/rtnl_link.js';

const AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10, AF_MPLS = 28, AF_MCTP = 45;

/** The `size` bytes at `off`, little-endian, as one number. */
const le = (b: Uint8Array, off: number, size: number): bigint => {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[off + i]!);
  return v;
};

/** A number of `size` bytes (decode_nla_x16, decode_nla_fd, …): the attribute may be longer. */
const num = (size: number, show: (v: bigint) => Value): NlaDecoder => (c, a, len) =>
  (len < size ? null : fetch(c, a, size, (b) => show(le(b, 0, size))));
/** decode_nla_xval / decode_nla_flags: at least `size` bytes and at most 8; the first `size` read. */
const xnum = (size: number, show: (v: bigint) => Value): NlaDecoder => (c, a, len) =>
  (len > 8 || len < size ? null : fetch(c, a, size, (b) => show(le(b, 0, size))));
/** decode_nla_clock_t: up to 8 bytes, as many as there are. */
const nlaClockT: NlaDecoder = (c, a, len) => (len > 8 ? null : fetch(c, a, len, (b) => clockT(le(b, 0, len))));
const nlaX16 = num(2, hexv);
const nlaX32 = num(4, hexv);
const nlaFd = num(4, (v) => fdv(Number(BigInt.asIntN(32, v))));
const nlaId = num(4, idV);
const nlaInAddr: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => inet4(b)));
const nlaIn6Addr: NlaDecoder = (c, a, len) => (len < 16 ? null : fetch(c, a, 16, (b) => inet6(b)));
/** decode_nla_hwaddr: a hardware address of any length up to MAX_ADDR_LEN, sized by its type. */
const nlaHwaddr = (type: number): NlaDecoder => (c, a, len) => (len > 32 ? null : fetch(c, a, len, (b) => hwaddrV(b, len, type)));
/** A MAC address field of `size` bytes (PRINT_FIELD_MAC). */
const mac = (b: Uint8Array, off: number, size: number): Value => hwaddrV(b.subarray(off, off + size), size, -1);

/** Nested attributes of one table. */
const nested = (table: Xlat, dflt: string, decoders: NlaDecoders): NlaDecoder => (c, a, len) =>
  nlattrsV(c, a, len, table, dflt, decoders);
/** A sparse decoder table from [type, decoder] pairs. */
const table = (pairs: [number, NlaDecoder][]): NlaDecoder[] => {
  const d: NlaDecoder[] = [];
  for (const [t, f] of pairs) d[t] = f;
  return d;
};
/** The same decoder for each listed type. */
const each = (types: number[], d: NlaDecoder): [number, NlaDecoder][] => types.map((t) => [t, d]);

/**
 * A fixed-size struct; `tail`: bytes past it follow as hex (the xstats structs). An unreadable
 * struct prints as its address, with nothing after it.
 */
const sized = (size: number, fields: (b: Uint8Array) => Field[], tail = false, exact?: number[]): NlaDecoder => (c, a, len) => {
  if (exact ? !exact.includes(len) : len < size) return null;
  const n = exact ? len : size;
  const v = fetch(c, a, n, (b) => struct(fields(b)));
  return tail && len > n && v.k === 'struct' ? join(', ', v, buf(c, a + BigInt(n), len - n, true)) : v;
};
const u64Fields = (names: string[], b: Uint8Array): Field[] => names.map((n, i) => field(n, uint(rd.u64(b, i * 8))));

/** print_array_ex with PAF_PRINT_INDICES: `[[NAME]=value, …]`, elements of 4 (signed) or 8 bytes. */
const indexedArray = (size: 4 | 8, idx: Xlat, dflt: string, fmt: 'd' | 'u'): NlaDecoder => (c, a, len) => {
  const n = Math.floor(len / size);
  if (!n) return null;
  return printArray(c, a, n, size, (b, i) =>
    join('', tok('['), symbol(idx, BigInt(i), fmt, dflt), tok(']='), size === 4 ? int(rd.s32(b, 0)) : uint(rd.u64(b, 0))));
};

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
const linkStats64 = linkStats(8, [200, 192, 184]);

/** struct ifla_bridge_id: two priority bytes and a MAC address. */
const bridgeId = sized(8, (b) => [field('prio', array([uint(b[0]!), uint(b[1]!)])), field('addr', mac(b, 2, 6))]);

/** strace's ifla_linkinfo_ctx: the kinds named so far decide how IFLA_INFO_DATA and the like print. */
interface LinkinfoCtx { kind: string; slaveKind: string }

/** update_ctx_str: the string of an attribute shorter than 64 bytes, up to its NUL; else empty. */
function ctxStr(c: Ctx, a: bigint, len: number): string {
  if (len >= 64) return '';
  const b = c.mem.read(a, len);
  if (!b) return '';
  const z = b.indexOf(0);
  return Buffer.from(z < 0 ? b : b.subarray(0, z)).toString('latin1');
}

/** The decoder tables that do not depend on the message, built once on first use. */
interface Tables {
  brport: NlaDecoder[]; inet6: NlaDecoder[]; inet: NlaDecoder[]; mctp: NlaDecoder[]; bridgeAf: NlaDecoder[];
  brData: NlaDecoder[]; tunData: NlaDecoder[]; vfinfoList: NlaDecoder[]; port: NlaDecoder[]; vfPorts: NlaDecoder[];
  xdp: NlaDecoder[]; protoDownReason: NlaDecoder[]; stats: NlaDecoder[];
}
let built: Tables | undefined;

function buildTables(): Tables {
  const brport = table([
    ...each([1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 19, 20, 25, 27, 28, 29, 30, 32, 33, 35, 36, 39], nlaU8),
    ...each([2, 15, 16, 17, 18], nlaU16), [3, nlaU32], [13, bridgeId], [14, bridgeId],
    ...each([21, 22, 23], nlaClockT), [31, nlaX16], [34, nlaIfindex], [37, nlaU32], [38, nlaU32],
  ]);
  const vlanFlags = (size: number): NlaDecoder =>
    xnum(size, (v) => xflags(X.BRIDGE_VLAN_INFO_FLAGS, v, 'BRIDGE_VLAN_INFO_???'));
  const inet6 = table([
    [1, xnum(4, (v) => xflags(X.INET6_IF_FLAGS, v, 'IF_???'))],
    [2, indexedArray(4, X.IPV6_DEVCONF, 'DEVCONF_???', 'd')],
    [3, indexedArray(8, X.IPSTATS_MIB, 'IPSTATS_MIB_???', 'u')],
    [5, nlaU32Struct(['max_reasm_len', 'tstamp', 'reachable_time', 'retrans_time'])],
    [6, indexedArray(8, X.ICMP6_MIB, 'ICMP6_MIB_???', 'u')],
    [7, nlaIn6Addr],
    [8, xnum(1, (v) => symbol(X.IN6_ADDR_GEN_MODES, v, 'x', 'IN6_ADDR_GEN_MODE_???'))],
    [9, nlaU32],
  ]);
  const bridgeAf = table([
    [0, xnum(2, (v) => xflags(X.BRIDGE_FLAGS, v, 'BRIDGE_FLAGS_???'))],
    [1, xnum(2, (v) => symbol(X.BRIDGE_MODES, v, 'x', 'BRIDGE_MODE_???'))],
    [2, sized(4, (b) => [
      field('flags', xflags(X.BRIDGE_VLAN_INFO_FLAGS, BigInt(rd.u16(b, 0)), 'BRIDGE_VLAN_INFO_???')),
      field('vid', uint(rd.u16(b, 2))),
    ], true)],
    [3, nested(X.IFLA_BRIDGE_VLAN_TUNNEL_ATTRS, 'IFLA_BRIDGE_VLAN_TUNNEL_???', table([[1, nlaU32], [2, nlaU16], [3, vlanFlags(2)]]))],
  ]);
  const querier = table([
    [1, nlaInAddr], [2, nlaIfindex], [3, nlaClockT], [5, nlaIn6Addr], [6, nlaIfindex], [7, nlaClockT],
  ]);
  const brData = table([
    ...each([1, 2, 3, 4, 16, 17, 18, 19, 30, 31, 32, 33, 34, 35], nlaClockT),
    ...each([5, 13, 26, 27, 28, 29], nlaU32), ...each([6, 12, 39], nlaU16),
    ...each([7, 14, 15, 22, 23, 24, 25, 36, 37, 38, 41, 42, 43, 44, 45], nlaU8),
    [8, xnum(2, (v) => call16(v, 'ETHER_P_???'))], [9, nlaX16], [10, bridgeId], [11, bridgeId],
    [20, nlaHwaddr(-1)],
    [46, sized(8, (b) => [
      field('optval', xflags(X.BR_BOOLOPT_FLAGS, BigInt(rd.u32(b, 0)), '1<<BR_BOOLOPT_???')),
      field('optmask', xflags(X.BR_BOOLOPT_FLAGS, BigInt(rd.u32(b, 4)), '1<<BR_BOOLOPT_???')),
    ])],
    [47, nested(X.BRIDGE_QUERIER_ATTRS, 'BRIDGE_QUERIER_???', querier)],
  ]);
  const tunData = table([
    [1, nlaId], [2, nlaId], [3, xnum(1, (v) => symbol(X.TUN_DEVICE_TYPES, v, 'x', 'IFF_???'))],
    ...each([4, 5, 6, 7], nlaU8), [8, nlaU32], [9, nlaU32],
  ]);
  const vfPair = (second: string): NlaDecoder => nlaU32Struct(['vf', second]);
  const vfGuid = sized(12, (b) => {
    const at = b.length === 16 ? 8 : 4;
    return [field('vf', uint(rd.u32(b, 0))), field('guid', hexv(rd.u64(b, at)))];
  }, false, [12, 16]);
  const vfInfo = table([
    [1, sized(36, (b) => [field('vf', uint(rd.u32(b, 0))), field('mac', mac(b, 4, 32))])],
    [2, nlaU32Struct(['vf', 'vlan', 'qos'])],
    [3, vfPair('rate')], [4, vfPair('setting')],
    [5, sized(8, (b) => [field('vf', uint(rd.u32(b, 0))),
      field('link_state', symbol(X.IFLA_VF_LINK_STATES, BigInt(rd.u32(b, 4)), 'x', 'IFLA_VF_LINK_STATE_???'))])],
    [6, nlaU32Struct(['vf', 'min_tx_rate', 'max_tx_rate'])],
    [7, vfPair('setting')],
    [8, nested(X.IFLA_VF_STATS_ATTRS, 'IFLA_VF_STATS_???', table(each([0, 1, 2, 3, 4, 5, 7, 8], nlaU64)))],
    [9, vfPair('setting')], [10, vfGuid], [11, vfGuid],
    [12, nested(X.IFLA_VF_VLAN_LIST_ATTRS, 'IFLA_VF_VLAN_INFO_???', table([[1, sized(16, (b) => [
      ...['vf', 'vlan', 'qos'].map((n, i) => field(n, uint(rd.u32(b, i * 4)))),
      field('vlan_proto', call16(BigInt(rd.u16(b, 12)), 'ETH_P_???')),
    ])]]))],
    [13, sized(32, (b) => [field('broadcast', mac(b, 0, 32))])],
  ]);
  const port = table([
    [1, nlaU32], [2, nlaStrD],
    [3, sized(8, (b) => [
      field('vsi_mgr_id', uint(b[0]!)), field('vsi_type_id', rawBytes(b, 1, 3)), field('vsi_type_version', uint(b[4]!)),
      ...(b[5] || b[6] || b[7] ? [field('pad', rawBytes(b, 5, 3))] : []),
    ])],
    [6, nlaU8], [7, nlaU16],
  ]);
  const xdp = table([
    [1, nlaFd], [2, xnum(1, (v) => symbol(X.XDP_ATTACHED_MODES, v, 'x', 'XDP_ATTACHED_???'))],
    [3, num(4, (v) => xflags(X.XDP_FLAGS, v, 'XDP_FLAGS_???'))], ...each([4, 5, 6, 7], nlaU32), [8, nlaFd],
  ]);
  return {
    brport, inet6, bridgeAf, brData, tunData, port, xdp,
    inet: table([[1, indexedArray(4, X.IPV4_DEVCONF, 'IPV4_DEVCONF_???', 'd')]]),
    mctp: table([[1, nlaU32]]),
    vfinfoList: table([[1, nested(X.IFLA_VF_INFO_ATTRS, 'IFLA_VF_???', vfInfo)]]),
    vfPorts: table([[1, nested(X.IFLA_PORT_ATTRS, 'IFLA_VF_PORT_???', port)]]),
    protoDownReason: table([[1, nlaX32], [2, nlaX32]]),
    stats: statsTable(),
  };
}
const tables = (): Tables => (built ??= buildTables());

/** An ethernet protocol in network byte order, `v` as read little-endian: `htons(ETH_P_IP)`. */
const call16 = (v: bigint, dflt: string): Value => call('htons', symbol(ETHERNET_PROTOCOLS, ((v & 0xffn) << 8n) | (v >> 8n), 'x', dflt));

/** decode_nla_af_spec: attributes of the one family that has a table, else the bytes. */
const afSpec = (af: number, descs: Record<number, [Xlat, string, NlaDecoder[]]>): NlaDecoder => (c, a, len) => {
  const d = descs[af];
  return d ? nlattrsV(c, a, len, d[0], d[1], d[2]) : buf(c, a, len, true);
};
/** Attributes typed by address family, each decoded by `byAf` of that family (nla_type's low byte). */
const byFamily = (byAf: (af: number) => NlaDecoder): NlaDecoder => (c, a, len) =>
  nlattrsV(c, a, len, SOCKET_FAMILIES, 'AF_???', (nlaType) => byAf(nlaType & 0xff));

/** IFLA_LINKINFO: IFLA_INFO_KIND names how IFLA_INFO_DATA and IFLA_INFO_XSTATS print. */
const linkinfo: NlaDecoder = (c, a, len) => {
  const t = tables();
  const ctx: LinkinfoCtx = { kind: '', slaveKind: '' };
  const kindOf = (slave: boolean): NlaDecoder => (cc, aa, ll) => {
    if (slave) ctx.slaveKind = ctxStr(cc, aa, ll);
    else ctx.kind = ctxStr(cc, aa, ll);
    return cstrN(cc, aa, ll);
  };
  const can = nlaU32Struct(['bus_error', 'error_warning', 'error_passive', 'bus_off', 'arbitration_lost', 'restarts']);
  return nlattrsV(c, a, len, X.IFLA_INFO_ATTRS, 'IFLA_INFO_???', table([
    [1, kindOf(false)],
    [2, (cc, aa, ll) => (ctx.kind === 'bridge' ? nlattrsV(cc, aa, ll, X.IFLA_BR_ATTRS, 'IFLA_BR_???', t.brData)
      : ctx.kind === 'tun' ? nlattrsV(cc, aa, ll, X.IFLA_TUN_ATTRS, 'IFLA_TUN_???', t.tunData) : null)],
    [3, (cc, aa, ll) => (ctx.kind === 'can' ? can(cc, aa, ll) : null)],
    [4, kindOf(true)],
    [5, (cc, aa, ll) => (ctx.slaveKind === 'bridge' ? nlattrsV(cc, aa, ll, X.IFLA_BRPORT_ATTRS, 'IFLA_BRPORT_???', t.brport) : null)],
  ]));
};

/** IFLA_* attribute decoders; the hardware addresses are sized by ifi_family (as strace does). */
function iflaDecoders(family: number): NlaDecoder[] {
  const t = tables();
  const hw = nlaHwaddr(family);
  const inet6: [Xlat, string, NlaDecoder[]] = [X.IFLA_INET6_ATTRS, 'IFLA_INET6_???', t.inet6];
  const protinfo = afSpec(family, { [AF_BRIDGE]: [X.IFLA_BRPORT_ATTRS, 'IFLA_BRPORT_???', t.brport], [AF_INET6]: inet6 });
  const afDescs = { [AF_INET]: [X.IFLA_INET_ATTRS, 'IFLA_INET_???', t.inet], [AF_INET6]: inet6,
    [AF_MCTP]: [X.IFLA_MCTP_ATTRS, 'IFLA_MCTP_???', t.mctp] } as Record<number, [Xlat, string, NlaDecoder[]]>;
  const afSpecD: NlaDecoder = family === AF_BRIDGE
    ? nested(X.IFLA_BRIDGE_ATTRS, 'IFLA_BRIDGE_???', t.bridgeAf)
    : byFamily((af) => afSpec(af, afDescs));
  return table([
    [1, hw], [2, hw], [3, nlaStrD], [4, nlaU32], [5, nlaU32], [6, nlaStrD], [7, linkStats(4, [96, 92])],
    [10, nlaU32], [12, protinfo], [13, nlaU32],
    [14, (c, a, len) => (len < 28 ? null : fetch(c, a, 28, (b) => struct([
      field('mem_start', hexv(rd.u64(b, 0))), field('mem_end', hexv(rd.u64(b, 8))), field('base_addr', hexv(rd.u64(b, 16))),
      field('irq', uint(rd.u16(b, 24))), field('dma', uint(b[26]!)), field('port', uint(b[27]!)),
    ])))],
    [15, nlaU32], [16, nlaU8], [17, nlaU8], [18, linkinfo], [19, nlaU32], [20, nlaStrD], [21, nlaU32],
    [22, nested(X.IFLA_VFINFO_LIST_ATTRS, 'IFLA_VF_INFO_???', t.vfinfoList)],
    [23, linkStats64],
    [24, nested(X.IFLA_VF_PORT_ATTRS, 'IFLA_VF_PORT_???', t.vfPorts)],
    [25, nested(X.IFLA_PORT_ATTRS, 'IFLA_VF_PORT_???', t.port)],
    [26, afSpecD], [27, nlaU32], [28, nlaFd],
    [29, xnum(4, (v) => xflags(X.RTEXT_FILTER_FLAGS, v, 'RTEXT_FILTER_???'))],
    ...each([30, 31, 32, 35, 40, 41, 47, 48, 50, 51, 58, 59, 60, 61], nlaU32), ...each([33, 39], nlaU8),
    ...each([37, 45, 46], nlaS32), ...each([38, 53, 56, 57], nlaStrD),
    [43, nested(X.IFLA_XDP_ATTRS, 'IFLA_XDP_???', t.xdp)],
    [44, num(4, (v) => symbol(X.IFLA_EVENTS, v, 'x', 'IFLA_EVENT_???'))],
    [49, nlaIfindex],
    // IFLA_PROP_LIST holds IFLA_* attributes, of which only IFLA_ALT_IFNAME is decoded
    [52, (c, a, len) => nlattrsV(c, a, len, X.IFLA_ATTRS, 'IFLA_???', (nlaType) => (nlaType === 53 ? nlaStrD : undefined))],
    [54, hw],
    [55, nested(X.IFLA_PROTO_DOWN_REASON_ATTRS, 'IFLA_PROTO_DOWN_REASON_???', t.protoDownReason)],
  ]);
}

/** RTM_*LINK: struct ifinfomsg and its attributes. */
export function ifinfomsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const f: Field[] = [field('ifi_family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'))];
  if (len < 16) return [struct(f, true)];
  const b = c.opt.verbose ? c.mem.read(a + 1n, 15) : null;
  if (!b) return [struct([...f, { v: addr(a + 1n) }])];
  f.push(
    field('ifi_type', symbol(ARPHRD, BigInt(rd.u16(b, 1)), 'x', 'ARPHRD_???')),
    field('ifi_index', ifindexV(c, rd.u32(b, 3))),
    field('ifi_flags', xflags(IFF_FLAGS, BigInt(rd.u32(b, 7)), 'IFF_???')),
    field('ifi_change', hexv(BigInt(rd.u32(b, 11)))),
  );
  const out: Value[] = [struct(f)];
  if (len > 16) out.push(nlattrsV(c, a + 16n, len - 16, X.IFLA_ATTRS, 'IFLA_???', iflaDecoders(family)));
  return out;
}

// ---------------------------------------------------------------- RTM_*STATS

/** struct br_mcast_stats: pairs of counters by direction, with two lone parse-error counts. */
const MCAST_STATS = ['igmp_v1queries', 'igmp_v2queries', 'igmp_v3queries', 'igmp_leaves', 'igmp_v1reports',
  'igmp_v2reports', 'igmp_v3reports', 'igmp_parse_errors', 'mld_v1queries', 'mld_v2queries', 'mld_leaves',
  'mld_v1reports', 'mld_v2reports', 'mld_parse_errors', 'mcast_bytes', 'mcast_packets'];

function mcastFields(b: Uint8Array): Field[] {
  let off = 0;
  return MCAST_STATS.map((n) => {
    if (n.endsWith('parse_errors')) {
      off += 8;
      return field(n, uint(rd.u64(b, off - 8)));
    }
    off += 16;
    const dir = (i: number): Value =>
      join('', tok('['), symbol(X.BR_MCAST_DIRS, BigInt(i), 'u'), tok(']='), uint(rd.u64(b, off - 16 + i * 8)));
    return field(n, array([dir(0), dir(1)]));
  });
}

function statsTable(): NlaDecoder[] {
  const bridge = table([
    [1, sized(40, (b) => [
      ...u64Fields(['rx_bytes', 'rx_packets', 'tx_bytes', 'tx_packets'], b),
      field('vid', uint(rd.u16(b, 32))),
      field('flags', xflags(X.BRIDGE_VLAN_INFO_FLAGS, BigInt(rd.u16(b, 34)), 'BRIDGE_VLAN_INFO_???')),
      ...(rd.u32(b, 36) ? [field('pad2', hexv(BigInt(rd.u32(b, 36))))] : []),
    ], true)],
    [2, sized(240, mcastFields, true)],
    [4, sized(48, (b) => u64Fields(['transition_blk', 'transition_fwd', 'rx_bpdu', 'tx_bpdu', 'rx_tcn', 'tx_tcn'], b), true)],
  ]);
  const bond3ad = nested(X.BOND_3AD_STAT_ATTRS, 'BOND_XSTATS_???', table(each([0, 1, 2, 3, 4, 5, 6, 7, 8], nlaU64)));
  const xstats = nested(X.LINK_XSTATS_TYPES, 'LINK_XSTATS_TYPE_???', table([
    [1, nested(X.BRIDGE_XSTATS_ATTRS, 'BRIDGE_XSTATS_???', bridge)],
    [2, nested(X.BOND_XSTATS_ATTRS, 'BOND_XSTATS_???', table([[1, bond3ad]]))],
  ]));
  const mpls = table([[1, sized(72, (b) => u64Fields(['rx_packets', 'tx_packets', 'rx_bytes', 'tx_bytes', 'rx_errors',
    'tx_errors', 'rx_dropped', 'tx_dropped', 'rx_noroute'], b), true)]]);
  return table([
    [1, linkStats64], [2, xstats], [3, xstats],
    [4, nested(X.IFLA_OFFLOAD_XSTATS_ATTRS, 'IFLA_OFFLOAD_XSTATS_???', table([[1, linkStats64]]))],
    [5, byFamily((af) => afSpec(af, { [AF_MPLS]: [X.MPLS_STATS_ATTRS, 'MPLS_STATS_???', mpls] }))],
  ]);
}

/** RTM_*STATS: struct if_stats_msg (its padding only when not zero) and its attributes. */
export function ifstatsmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const head = field('family', symbol(SOCKET_FAMILIES, BigInt(family), 'x', 'AF_???'));
  return fixedThenAttrs(c, a, len, head, 12, (b) => [
    ...(b[0] ? [field('pad1', hexv(BigInt(b[0])))] : []),
    ...(rd.u16(b, 1) ? [field('pad2', hexv(BigInt(rd.u16(b, 1))))] : []),
    field('ifindex', ifindexV(c, rd.u32(b, 3))),
    field('filter_mask', xflags(X.IFLA_STATS_FILTER, BigInt(rd.u32(b, 7)), '1<<IFLA_STATS_???')),
  ], X.IFLA_STATS_ATTRS, 'IFLA_STATS_???', tables().stats);
}
