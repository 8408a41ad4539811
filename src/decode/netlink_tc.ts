/** NETLINK_ROUTE traffic control messages: qdiscs, classes, filters and chains (struct tcmsg), actions (struct tcamsg). */
import { rd } from './args.js';
import type { Ctx } from './types.js';
import { field, int, struct, uint, type Value } from './value.js';
import { ifindexV, printArray } from './printers.js';
import {
  familyField, familyOnlyV, fixedThenAttrs, nlaFlags, nlaNested, nlaStrD, nlaStruct, nlaU32, nlaU64, nlaU8, type NlaDecoder,
} from './netlink_nla.js';
import { TCA_ACT_ATTRS, TCA_ACT_FLAGS, TCA_ACT_HW_STATS, TCA_ATTRS, TCA_STAB_ATTRS, TCA_STATS_ATTRS } from './xlat/rtnl.js';

/** Unsigned fields of 8 (`w[i]` 8) or 4 bytes, one after the other. */
const counters = (names: string[], widths: number[]) => (b: Uint8Array): Value => {
  let off = 0;
  return struct(names.map((n, i) => {
    const v = widths[i] === 8 ? uint(rd.u64(b, off)) : uint(rd.u32(b, off));
    off += widths[i]!;
    return field(n, v);
  }));
};

/** struct gnet_stats_basic up to its packets (the padding after it is not required). */
const statsBasic = nlaStruct(12, counters(['bytes', 'packets'], [8, 4]));
const TCA_STATS_DECODERS: (NlaDecoder | undefined)[] = [
  undefined, statsBasic,
  nlaStruct(8, counters(['bps', 'pps'], [4, 4])),
  nlaStruct(20, counters(['qlen', 'backlog', 'drops', 'requeues', 'overlimits'], [4, 4, 4, 4, 4])),
  undefined,
  nlaStruct(16, counters(['bps', 'pps'], [8, 8])),
  undefined, statsBasic, nlaU64,
];
/** decode_nla_tc_stats: TCA_STATS2 and TCA_ACT_STATS hold TCA_STATS_* attributes. */
const nlaTcStats = nlaNested(TCA_STATS_ATTRS, 'TCA_STATS_???', TCA_STATS_DECODERS);

/** TCA_STAB: struct tc_sizespec and the size table. */
const nlaStab = nlaNested(TCA_STAB_ATTRS, 'TCA_STAB_???', [
  undefined,
  nlaStruct(24, (b) => struct([
    field('cell_log', uint(b[0]!)), field('size_log', uint(b[1]!)), field('cell_align', int((rd.u16(b, 2) << 16) >> 16)),
    field('overhead', int(rd.s32(b, 4))), field('linklayer', uint(rd.u32(b, 8))), field('mpu', uint(rd.u32(b, 12))),
    field('mtu', uint(rd.u32(b, 16))), field('tsize', uint(rd.u32(b, 20))),
  ])),
  (c, a, len) => (len < 2 ? null : printArray(c, a, Math.floor(len / 2), 2, (b) => uint(rd.u16(b, 0)))),
]);

const TCA_DECODERS: (NlaDecoder | undefined)[] = [
  undefined, nlaStrD, undefined,
  // struct tc_stats up to its backlog
  nlaStruct(36, counters(['bytes', 'packets', 'drops', 'overlimits', 'bps', 'pps', 'qlen', 'backlog'], [8, 4, 4, 4, 4, 4, 4, 4])),
  undefined,
  nlaStruct(2, (b) => struct([field('interval', int((b[0]! << 24) >> 24)), field('ewma_log', uint(b[1]!))])),
  nlaU32, nlaTcStats, nlaStab, undefined, undefined, nlaU32, nlaU8, nlaU32, nlaU32, nlaU32,
];

/** RTM_*QDISC, *TCLASS, *TFILTER, *CHAIN: struct tcmsg and its TCA_* attributes. */
export function tcmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  return fixedThenAttrs(c, a, len, familyField('tcm_family', family), 20, (b) => [
    field('tcm_ifindex', ifindexV(c, rd.u32(b, 3))), field('tcm_handle', uint(rd.u32(b, 7))),
    field('tcm_parent', uint(rd.u32(b, 11))), field('tcm_info', uint(rd.u32(b, 15))),
  ], TCA_ATTRS, 'TCA_???', TCA_DECODERS);
}

/** RTM_*ACTION: struct tcamsg and its TCA_ACT_* attributes. */
export function tcamsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const hwStats = nlaFlags(TCA_ACT_HW_STATS, 'TCA_ACT_HW_STATS_???', 4);
  return familyOnlyV(c, family, 'tca_family', a, len, TCA_ACT_ATTRS, 'TCA_ACT_???', [
    undefined, nlaStrD, undefined, nlaU32, nlaTcStats, undefined, undefined,
    nlaFlags(TCA_ACT_FLAGS, 'TCA_ACT_FLAGS_???', 4), hwStats, hwStats, nlaU32,
  ]);
}
