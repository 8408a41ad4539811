/** NETLINK_ROUTE routing messages: routes (struct rtmsg), fib rules, nexthops and multicast cache reports. */
import { buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, field, hex, struct, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol, xlat } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { fetch, ifindexV, printArray } from './printers.js';
import { AF_INET, AF_INET6, inet4, inet6 } from './sockaddr.js';
import {
  familyField, fixedThenAttrs, nlaBe64, nlaClockT, nlaIfindex, nlaIn6Addr, nlaInAddr, nlaInet, nlaIpProto, nlaNested,
  nlaStrD, nlaStruct, nlaU16, nlaU32, nlaU32Struct, nlaU64, nlaU8, nlaXval, nlattrsV, type NlaDecoder,
} from './netlink_nla.js';
import {
  FIB_RULE_FLAGS, FRA_ATTRS, FR_ACTIONS, IGMPMSG_TYPES, IP6MRA_CREPORT_ATTRS, IPMRA_CREPORT_ATTRS, IPTOS_FLAGS,
  LWTUNNEL_ENCAP_TYPES, MRT6MSG_TYPES, NEXTHOP_GRP_TYPES, NHA_ATTRS, NHA_RES_BUCKET_ATTRS, NHA_RES_GROUP_ATTRS, RTA_ATTRS,
  RTAX_ATTRS, RTM_F_FLAGS, RTN_TYPES, RTNH_FLAGS, RTNL_FAMILIES, RT_PROTOS, RT_SCOPES, RT_TABLES,
} from './xlat/rtnl.js';

/** decode_nla_rt_class: a routing table id of 4 bytes. */
const nlaRtClass: NlaDecoder = (c, a, len) => (len < 4 ? null : fetch(c, a, 4, (b) => symbol(RT_TABLES, BigInt(rd.u32(b, 0)), 'x')));
/** decode_nla_rt_proto: a routing protocol of 1 byte. */
const nlaRtProto: NlaDecoder = (c, a, len) => (len < 1 ? null : fetch(c, a, 1, (b) => symbol(RT_PROTOS, BigInt(b[0]!), 'x', 'RTPROT_???')));
/** decode_nla_lwt_encap_type. */
const nlaEncapType: NlaDecoder = (c, a, len) =>
  (len < 2 ? null : fetch(c, a, 2, (b) => symbol(LWTUNNEL_ENCAP_TYPES, BigInt(rd.u16(b, 0)), 'x', 'LWTUNNEL_ENCAP_???')));

/** decode_inet_addr with a field name, inside a struct. */
function namedInetAt(c: Ctx, a: bigint, len: number, family: number, name: string): Field {
  const size = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
  const b = size && len >= size ? c.mem.read(a, size) : null;
  if (b) return size === 4 ? field(name, inet4(b)) : { v: inet6(b, 0, name) };
  return field(name, buf(c, a, len, true));
}

const RTAX_DECODERS: NlaDecoder[] = [];
for (let i = 1; i <= 15; i++) RTAX_DECODERS[i] = nlaU32;
RTAX_DECODERS[16] = nlaStrD;

/** The RTA_* decoders of a route message of this family. */
function rtaDecoders(family: number): (NlaDecoder | undefined)[] {
  const inet = nlaInet(family);
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = inet; d[2] = inet; d[3] = nlaIfindex; d[4] = nlaIfindex; d[5] = inet; d[6] = nlaU32; d[7] = inet;
  d[8] = nlaNested(RTAX_ATTRS, 'RTAX_???', RTAX_DECODERS);
  d[9] = (c, a, len) => multipath(c, a, len, d);
  d[10] = nlaU32; d[11] = nlaU32;
  d[12] = nlaU32Struct(['rta_clntref', 'rta_lastuse', 'rta_expires', 'rta_error', 'rta_used', 'rta_id', 'rta_ts', 'rta_tsage'], 5);
  d[14] = nlaU32; d[15] = nlaRtClass; d[16] = nlaU32;
  d[17] = nlaStruct(24, (b) => struct(['mfcs_packets', 'mfcs_bytes', 'mfcs_wrong_if'].map((n, i) => field(n, uint(rd.u64(b, i * 8))))));
  // struct rtvia: a 2-byte family, then an address of that family as long as the attribute
  d[18] = (c, a, len) => (len < 2 ? null : fetch(c, a, 2, (b) => {
    const f = rd.u16(b, 0);
    const fields: Field[] = [field('rtvia_family', symbol(SOCKET_FAMILIES, BigInt(f), 'x', 'AF_???'))];
    if (len > 2) fields.push(namedInetAt(c, a + 2n, len - 2, f, 'rtvia_addr'));
    return struct(fields);
  }));
  d[19] = inet; d[20] = nlaU8; d[21] = nlaEncapType; d[23] = nlaU64; d[25] = nlaU32; d[26] = nlaU8; d[27] = nlaU8;
  d[28] = nlaU16; d[29] = nlaU16;
  return d;
}

/** RTA_MULTIPATH: struct rtnexthop records, each followed by its own RTA_* attributes. */
function multipath(c: Ctx, a: bigint, len: number, rta: (NlaDecoder | undefined)[]): Value | null {
  if (len < 8) return null;
  const items: Value[] = [];
  let isArray = false;
  for (let cur = a, left = len; ;) {
    let nhLen = 0;
    const nh = fetch(c, cur, 8, (b) => {
      nhLen = rd.u16(b, 0);
      return struct([
        field('rtnh_len', uint(nhLen)), field('rtnh_flags', xflags(RTNH_FLAGS, BigInt(b[2]!), 'RTNH_F_???')),
        field('rtnh_hops', uint(b[3]!)), field('rtnh_ifindex', ifindexV(c, rd.u32(b, 4))),
      ]);
    });
    if (nh.k !== 'struct') {
      items.push(nh);
      break;
    }
    const shown = Math.min(left, nhLen);
    if (cur === a && nhLen < len) isArray = true;
    items.push(shown > 8 ? array([nh, nlattrsV(c, cur + 8n, shown - 8, RTA_ATTRS, 'RTA_???', rta)]) : nh);
    const step = (shown + 3) & ~3;
    // a zero length would make no progress: strace would loop forever
    if (step >= left || step === 0) break;
    cur += BigInt(step);
    left -= step;
  }
  return isArray ? array(items) : items[0]!;
}

/** RTM_*ROUTE: struct rtmsg and its attributes. */
export function rtmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  return fixedThenAttrs(c, a, len, familyField('rtm_family', family), 12, (b) => [
    field('rtm_dst_len', uint(b[0]!)), field('rtm_src_len', uint(b[1]!)),
    field('rtm_tos', xflags(IPTOS_FLAGS, BigInt(b[2]!), 'IPTOS_TOS_???')),
    field('rtm_table', symbol(RT_TABLES, BigInt(b[3]!), 'x')),
    field('rtm_protocol', symbol(RT_PROTOS, BigInt(b[4]!), 'x', 'RTPROT_???')),
    field('rtm_scope', symbol(RT_SCOPES, BigInt(b[5]!), 'x')),
    field('rtm_type', symbol(RTN_TYPES, BigInt(b[6]!), 'x', 'RTN_???')),
    field('rtm_flags', xflags(RTM_F_FLAGS, BigInt(rd.u32(b, 7)), 'RTM_F_???')),
  ], RTA_ATTRS, 'RTA_???', rtaDecoders(family));
}

/** struct fib_rule_uid_range and fib_rule_port_range: `{start=…, end=…}`. */
const range = (word: 2 | 4): NlaDecoder => nlaStruct(word * 2, (b) => struct([
  field('start', uint(word === 4 ? rd.u32(b, 0) : rd.u16(b, 0))), field('end', uint(word === 4 ? rd.u32(b, 4) : rd.u16(b, 2))),
]));

/** RTM_*RULE: struct fib_rule_hdr and its FRA_* attributes. */
export function fibRuleV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const inet = nlaInet(family);
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = inet; d[2] = inet; d[3] = nlaStrD; d[4] = nlaU32; d[6] = nlaU32; d[10] = nlaU32; d[11] = nlaU32; d[12] = nlaBe64;
  d[13] = nlaU32; d[14] = nlaU32; d[15] = nlaRtClass; d[16] = nlaU32; d[17] = nlaStrD; d[19] = nlaU8; d[20] = range(4);
  d[21] = nlaRtProto; d[22] = nlaIpProto; d[23] = range(2); d[24] = range(2);
  return fixedThenAttrs(c, a, len, familyField('family', family), 12, (b) => [
    field('dst_len', uint(b[0]!)), field('src_len', uint(b[1]!)),
    field('tos', xflags(IPTOS_FLAGS, BigInt(b[2]!), 'IPTOS_TOS_???')),
    field('table', symbol(RT_TABLES, BigInt(b[3]!), 'x', 'RT_TABLE_???')),
    field('action', symbol(FR_ACTIONS, BigInt(b[6]!), 'x', 'FR_ACT_???')),
    field('flags', xflags(FIB_RULE_FLAGS, BigInt(rd.u32(b, 7)), 'FIB_RULE_???')),
  ], FRA_ATTRS, 'FRA_???', d);
}

/** NHA_GROUP: struct nexthop_grp entries; the reserved fields only when set. */
const nhGroup: NlaDecoder = (c, a, len) => (len < 8 ? null : printArray(c, a, Math.floor(len / 8), 8, (b) => {
  const f: Field[] = [field('id', uint(rd.u32(b, 0))), field('weight', uint(b[4]!))];
  if (b[5]) f.push(field('resvd1', hex(b[5]!)));
  if (rd.u16(b, 6)) f.push(field('resvd2', hex(rd.u16(b, 6))));
  return struct(f);
}));

/** RTM_*NEXTHOP: struct nhmsg and its NHA_* attributes. */
export function nhmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const d: (NlaDecoder | undefined)[] = [
    undefined, nlaU32, nhGroup, nlaXval(NEXTHOP_GRP_TYPES, 'NEXTHOP_GRP_TYPE_???', 2), nlaU32, nlaIfindex, nlaInet(family),
    nlaEncapType, undefined, nlaU32, nlaIfindex, nlaU32,
    nlaNested(NHA_RES_GROUP_ATTRS, 'NHA_RES_GROUP_???', [undefined, nlaU16, nlaClockT, nlaClockT, nlaClockT]),
    nlaNested(NHA_RES_BUCKET_ATTRS, 'NHA_RES_BUCKET_???', [undefined, nlaU16, nlaClockT, nlaU32]),
  ];
  return fixedThenAttrs(c, a, len, familyField('nh_family', family), 8, (b) => [
    field('nh_scope', symbol(RT_SCOPES, BigInt(b[0]!), 'x')),
    field('nh_protocol', symbol(RT_PROTOS, BigInt(b[1]!), 'x', 'RTPROT_???')),
    ...(b[2] ? [field('resvd', hex(b[2]))] : []),
    field('nh_flags', xflags(RTNH_FLAGS, BigInt(rd.u32(b, 3)), 'RTNH_F_???')),
  ], NHA_ATTRS, 'NHA_???', d);
}

/** rtgen_family of a cache report: the multicast routing families, then the address families. */
const CACHEREPORT_FAMILIES = xlat(() => [...RTNL_FAMILIES.pairs, ...SOCKET_FAMILIES.pairs]);

/** RTM_NEWCACHEREPORT: struct rtgenmsg, then the attributes of the IPv4 or IPv6 multicast routing family. */
export function cachereportV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const out: Value[] = [struct([field('rtgen_family', symbol(CACHEREPORT_FAMILIES, BigInt(family), 'x', 'RTNL_FAMILY_???'))])];
  if (len <= 4) return out;
  const at = a + 4n;
  if (family === 128) {
    out.push(nlattrsV(c, at, len - 4, IPMRA_CREPORT_ATTRS, 'IPMRA_CREPORT_???', [
      undefined, nlaXval(IGMPMSG_TYPES, 'IGMPMSG_???', 1), nlaU32, nlaInAddr, nlaInAddr, undefined, nlaU32,
    ]));
  } else if (family === 129) {
    out.push(nlattrsV(c, at, len - 4, IP6MRA_CREPORT_ATTRS, 'IP6MRA_CREPORT_???', [
      undefined, nlaXval(MRT6MSG_TYPES, 'MRT6MSG_???', 1), nlaU32, nlaIn6Addr, nlaIn6Addr,
    ]));
  } else out.push(buf(c, at, len - 4, true));
  return out;
}
