/** NETLINK_ROUTE bridge multicast database messages (RTM_*MDB: struct br_port_msg). */
import { rd } from './args.js';
import type { Ctx } from './types.js';
import { call, field, struct, uint, type Field, type Value } from './value.js';
import { flags as xflags, symbol } from './xlat/core.js';
import { SOCKET_FAMILIES } from './xlat/tables.js';
import { fetch, ifindexV } from './printers.js';
import { AF_INET, AF_INET6, inet4, inet6, rawBytes } from './sockaddr.js';
import { familyField, fixedThenAttrs, nlaClockT, nlaNested, withAttrsAfter, type NlaDecoder } from './netlink_nla.js';
import {
  MDBA_ATTRS, MDBA_MDB_ATTRS, MDBA_MDB_EATTR_ATTRS, MDBA_MDB_ENTRY_ATTRS, MDBA_ROUTER_ATTRS, MDBA_ROUTER_PATTR_ATTRS, MDB_FLAGS,
  MDB_RTR_TYPES, MDB_STATES,
} from './xlat/rtnl.js';

/** br_mdb_entry's address: `u` as an address of the family `proto` names (network order), else its bytes. */
function mdbAddr(b: Uint8Array): Value {
  const proto = (b[24]! << 8) | b[25]!;
  // -X raw shows the whole 16-byte union, even for an IPv4 address
  const u: Field = proto === AF_INET ? field('u', { ...inet4(b, 8), raw: rawBytes(b, 8, 16) } as Value) : proto === AF_INET6 ? { v: inet6(b, 8, 'u') }
    : field('u', { k: 'str', b: b.slice(8, 24), hex: true });
  return struct([u, field('proto', call('htons', symbol(SOCKET_FAMILIES, BigInt(proto), 'x', 'AF_???')))]);
}

/** MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, then its MDBA_MDB_EATTR_* attributes. */
const entryInfo: NlaDecoder = (c, a, len) => {
  if (len < 28) return null;
  const v = fetch(c, a, 28, (b) => struct([
    field('ifindex', ifindexV(c, rd.u32(b, 0))),
    field('state', symbol(MDB_STATES, BigInt(b[4]!), 'x', 'MDB_???')),
    field('flags', xflags(MDB_FLAGS, BigInt(b[5]!), 'MDB_FLAGS_???')),
    field('vid', uint(rd.u16(b, 6))),
    field('addr', mdbAddr(b)),
  ]));
  return withAttrsAfter(c, v, 28, a, len, MDBA_MDB_EATTR_ATTRS, 'MDBA_MDB_EATTR_???', [undefined, nlaClockT]);
};

/** MDBA_ROUTER_PORT: an interface index, then its MDBA_ROUTER_PATTR_* attributes. */
const routerPort: NlaDecoder = (c, a, len) => {
  if (len < 4) return null;
  const v = fetch(c, a, 4, (b) => ifindexV(c, rd.u32(b, 0)));
  // strace reads the router type's byte whatever the attribute's length
  const type: NlaDecoder = (cc, aa) => fetch(cc, aa, 1, (b) => symbol(MDB_RTR_TYPES, BigInt(b[0]!), 'x', 'MDB_RTR_TYPE_???'));
  return withAttrsAfter(c, v, 4, a, len, MDBA_ROUTER_PATTR_ATTRS, 'MDBA_ROUTER_PATTR_???', [undefined, nlaClockT, type, nlaClockT, nlaClockT]);
};

const MDBA_DECODERS: (NlaDecoder | undefined)[] = [
  undefined,
  nlaNested(MDBA_MDB_ATTRS, 'MDBA_MDB_???', [undefined, nlaNested(MDBA_MDB_ENTRY_ATTRS, 'MDBA_MDB_ENTRY_???', [undefined, entryInfo])]),
  nlaNested(MDBA_ROUTER_ATTRS, 'MDBA_ROUTER_???', [undefined, routerPort]),
];

/** RTM_*MDB: struct br_port_msg and its MDBA_* attributes. */
export function brPortMsgV(c: Ctx, family: number, a: bigint, len: number): Value[] {
  return fixedThenAttrs(c, a, len, familyField('family', family), 8, (b) => [field('ifindex', ifindexV(c, rd.u32(b, 3)))],
    MDBA_ATTRS, 'MDBA_???', MDBA_DECODERS);
}
