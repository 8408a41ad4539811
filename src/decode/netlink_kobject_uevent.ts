/** NETLINK_KOBJECT_UEVENT data (strace's netlink_kobject_uevent.c): libudev's header, else a string. */
import { buf, rd } from './args.js';
import type { Ctx } from './types.js';
import { array, call, field, hex, struct, uint, type Value } from './value.js';
import { cstrField } from './printers.js';

export const NETLINK_KOBJECT_UEVENT = 15;
/** sizeof(struct udev_monitor_netlink_header). */
const HEADER = 40;
const LIBUDEV = Buffer.from('libudev\0', 'latin1');

/** A field in network order: `htonl(0x…)`. */
const htonl = (b: Uint8Array, off: number): Value => call('htonl', hex((b[off]! << 24 | b[off + 1]! << 16 | b[off + 2]! << 8 | b[off + 3]!) >>> 0));

/** libudev's struct udev_monitor_netlink_header and the properties after it; other data as a string. */
export function kobjectUevent(c: Ctx, a: bigint, len: number): Value {
  const b = c.opt.verbose && a && len >= HEADER ? c.mem.read(a, HEADER) : null;
  if (!b || !LIBUDEV.equals(b.subarray(0, 8))) return buf(c, a, len);
  const h = struct([
    field('prefix', cstrField(b, 0, 8)), field('magic', htonl(b, 8)),
    field('header_size', uint(rd.u32(b, 12))), field('properties_off', uint(rd.u32(b, 16))),
    field('properties_len', uint(rd.u32(b, 20))), field('filter_subsystem_hash', htonl(b, 24)),
    field('filter_devtype_hash', htonl(b, 28)), field('filter_tag_bloom_hi', htonl(b, 32)),
    field('filter_tag_bloom_lo', htonl(b, 36)),
  ]);
  return len > HEADER ? array([h, buf(c, a + BigInt(HEADER), len - HEADER)]) : h;
}
