/** NETLINK_ROUTE neighbour messages: neighbours (struct ndmsg) and neighbour tables (struct ndtmsg). */
import { rd } from './args.js';
import type { Ctx } from './types.js';
import { field, struct, uint, type Value } from './value.js';
import { flags as xflags, symbol } from './xlat/core.js';
import { fetch, hex0, ifindexV } from './printers.js';
import { hwaddrV } from './sock_ioctl.js';
import {
  familyField, familyOnlyV, fixedThenAttrs, nlaBe16, nlaFlags, nlaIfindex, nlaInet, nlaIpProto, nlaNested, nlaStrD, nlaStruct,
  nlaU16, nlaU32, nlaU32Struct, nlaU64, type NlaDecoder,
} from './netlink_nla.js';
import {
  FDB_NOTIFY_FLAGS, NDA_ATTRS, NDTA_ATTRS, NDTPA_ATTRS, NFEA_ATTRS, NTF_EXT_FLAGS, NTF_FLAGS, NUD_STATES, RTN_TYPES,
} from './xlat/rtnl.js';

/** RTM_*NEIGH: struct ndmsg and its NDA_* attributes. */
export function ndmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  const d: (NlaDecoder | undefined)[] = [];
  d[1] = nlaInet(family);
  d[2] = (cc, aa, ll) => (ll > 32 ? null : fetch(cc, aa, ll, (b) => hwaddrV(b, ll, -1)));
  d[3] = nlaU32Struct(['ndm_confirmed', 'ndm_used', 'ndm_updated', 'ndm_refcnt']);
  d[4] = nlaU32; d[5] = nlaU16; d[6] = nlaBe16; d[7] = nlaU32; d[8] = nlaIfindex; d[9] = nlaIfindex; d[10] = nlaU32;
  d[11] = nlaU32; d[12] = nlaIpProto; d[13] = nlaU32;
  // NFEA_DONT_REFRESH is a flag: no payload is expected
  d[14] = nlaNested(NFEA_ATTRS, 'NFEA_???', [undefined, nlaFlags(FDB_NOTIFY_FLAGS, 'FDB_NOTIFY_???', 1)]);
  d[15] = nlaFlags(NTF_EXT_FLAGS, 'NTF_EXT_???', 4);
  d[16] = nlaFlags(NUD_STATES, 'NUD_???', 2);
  d[17] = nlaFlags(NTF_FLAGS, 'NTF_???', 1);
  return fixedThenAttrs(c, a, len, familyField('ndm_family', family), 12, (b) => [
    field('ndm_ifindex', ifindexV(c, rd.u32(b, 3))),
    field('ndm_state', xflags(NUD_STATES, BigInt(rd.u16(b, 7)), 'NUD_???')),
    field('ndm_flags', xflags(NTF_FLAGS, BigInt(b[9]!), 'NTF_???')),
    field('ndm_type', symbol(RTN_TYPES, BigInt(b[10]!), 'x', 'RTN_???')),
  ], NDA_ATTRS, 'NDA_???', d);
}

const NDT_CONFIG = ['ndtc_key_len', 'ndtc_entry_size', 'ndtc_entries', 'ndtc_last_flush', 'ndtc_last_rand', 'ndtc_hash_rnd',
  'ndtc_hash_mask', 'ndtc_hash_chain_gc', 'ndtc_proxy_qlen'];
const NDT_STATS = ['ndts_allocs', 'ndts_destroys', 'ndts_hash_grows', 'ndts_res_failed', 'ndts_lookups', 'ndts_hits',
  'ndts_rcv_probes_mcast', 'ndts_rcv_probes_ucast', 'ndts_periodic_gc_runs', 'ndts_forced_gc_runs', 'ndts_table_fulls'];

/** struct ndt_stats: the whole struct, or exactly its older size without ndts_table_fulls. */
const ndtStats: NlaDecoder = (c, a, len) => {
  const size = len >= 88 ? 88 : len === 80 ? 80 : 0;
  if (!size) return null;
  return fetch(c, a, size, (b) => struct(NDT_STATS.slice(0, size / 8).map((n, i) => field(n, uint(rd.u64(b, i * 8))))));
};

const U64_PARMS = new Set([3, 4, 5, 6, 7, 12, 13, 15, 19]);
const NDTPA_DECODERS: (NlaDecoder | undefined)[] = [undefined, nlaIfindex];
for (let i = 2; i <= 19; i++) if (i !== 18) NDTPA_DECODERS[i] = U64_PARMS.has(i) ? nlaU64 : nlaU32;

/** RTM_*NEIGHTBL: struct ndtmsg and its NDTA_* attributes. */
export function ndtmsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  return familyOnlyV(c, family, 'ndtm_family', a, len, NDTA_ATTRS, 'NDTA_???', [
    undefined, nlaStrD, nlaU32, nlaU32, nlaU32,
    nlaStruct(32, (b) => struct(NDT_CONFIG.map((n, i) => {
      // two u16 fields, then u32 fields
      const v = i < 2 ? rd.u16(b, i * 2) : rd.u32(b, 4 + (i - 2) * 4);
      return field(n, n === 'ndtc_hash_mask' ? hex0(v, 4) : uint(v));
    }))),
    nlaNested(NDTPA_ATTRS, 'NDTPA_???', NDTPA_DECODERS),
    ndtStats, nlaU64,
  ]);
}
