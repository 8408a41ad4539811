/**
 * rtnetlink link messages: struct ifinfomsg (RTM_*LINK) with its IFLA_* attributes (strace's
 * rtnl_link.c).
 *
 * netlink.ts imports this file, so its values are not yet initialised while this one loads: the
 * decoder tables that use them are built when a message is decoded.
 */
import { addr, hexv, rd } from './args.js';
import type { Ctx } from './types.js';
import { field, struct, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { ARPHRD, IFF_FLAGS } from './xlat/net.js';
import { fetch, ifindexV } from './printers.js';
import { hwaddrV } from './sock_ioctl.js';
import { nlattrsV, nlaS32, nlaStrD, nlaU32, nlaU8, type NlaDecoder } from './netlink.js';
import { IFLA_ATTRS, RTEXT_FILTER_FLAGS } from './xlat/rtnl_link.js';

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
export function ifinfomsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
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

