/** NETLINK_NETFILTER payloads (strace's netlink_netfilter.c): struct nfgenmsg, then attributes. */
import { buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { call, field, struct, uint, type Value } from './value.js';
import { symbol, xlat } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { fetch } from './printers.js';
import { nlattrsV } from './netlink_nla.js';

export const NETLINK_NETFILTER = 12;
const NFNL_SUBSYS_NFTABLES = 10;
const NFNL_MSG_BATCH_BEGIN = 0x10, NFNL_MSG_BATCH_END = 0x11;
const NFNETLINK_VERSIONS = xlat(() => [[0, 'NFNETLINK_V0']]);
/** Attributes of no known table: their types print as bare numbers. */
const NO_NAMES = xlat(() => []);

/**
 * res_id is in network order, but nftables long sent it in host order: the subsystem id either
 * way prints by name, as strace works around it.
 */
function resId(type: number, b: Uint8Array): Value {
  const net = (b[2]! << 8) | b[3]!;
  const host = BigInt(rd.u16(b, 2));
  const nftables = type >> 8 === NFNL_SUBSYS_NFTABLES;
  if (nftables && net === NFNL_SUBSYS_NFTABLES) return { k: 'sym', name: 'htons(NFNL_SUBSYS_NFTABLES)', v: host, fmt: 'x' };
  if (nftables && host === BigInt(NFNL_SUBSYS_NFTABLES)) return { k: 'sym', name: 'NFNL_SUBSYS_NFTABLES', v: host, fmt: 'x' };
  return call('htons', uint(net));
}

/** After the header: the batch messages' bytes, else attributes of no known names. */
const rest = (c: Ctx, type: number, a: bigint, len: number): Value =>
  (type >= NFNL_MSG_BATCH_BEGIN && type <= NFNL_MSG_BATCH_END ? buf(c, a, len, true) : nlattrsV(c, a, len, NO_NAMES, '', []));

/** A netfilter message other than NLMSG_DONE: `{nfgen_family=…, version=…, res_id=…}` and what follows. */
export function netfilterPayload(c: Ctx, type: number, a: bigint, len: number): Value[] {
  if (len < 4) return [buf(c, a, len, true)];
  return [fetch(c, a, 4, (b) => struct([
    field('nfgen_family', symbol(SOCKET_FAMILIES, BigInt(b[0]!), 'x', 'AF_???')),
    field('version', symbol(NFNETLINK_VERSIONS, BigInt(b[1]!), 'x', 'NFNETLINK_???')),
    field('res_id', resId(type, b)),
  ])), ...(len > 4 && c.mem.read(a, 4) ? [rest(c, type, a + 4n, len - 4)] : [])];
}
